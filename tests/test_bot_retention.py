"""Log retention runs on the job queue of the running Application, not only at start-up (issue 11, item 17)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from tgharness import Harness

DAY = 86400


def age(h: Harness, days: float) -> None:
    """Make every logged question ``days`` old (as if the bot had been running that long)."""
    with h.store.transaction() as db:
        db.execute("UPDATE questions SET ts = ?", (time.time() - days * DAY,))


async def wait_for(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return predicate()


async def test_old_questions_are_purged_on_a_schedule_while_the_bot_runs(tmp_path: Path) -> None:
    async with Harness(tmp_path, log_retention_days=1, log_purge_hours=0.5 / 3600) as h:
        await h.app.start()  # starts the job queue, as run_polling and run_webhook do
        try:
            assert len(h.app.job_queue.get_jobs_by_name("purge-log")) == 1
            await h.message("Khâu đột phá là gì?")
            await h.press(dict(h.buttons())["👍"])
            age(h, 2)
            assert await wait_for(lambda: h.store.stats().questions == 0)  # gone without a restart
            assert h.store.stats().thumbs_up == 0  # its feedback and button tokens with it
            assert h.store.read("SELECT COUNT(*) FROM tokens") == [(0,)]
            await h.message("Khâu đột phá là gì?")  # a second round: the purge keeps running
            await h.message("Dân vận là gì?")
            age(h, 3)
            await h.message("Khâu đột phá là gì?")  # a fresh one stays
            assert await wait_for(lambda: h.store.stats().questions == 1)
            await asyncio.sleep(1.2)  # two more runs
            assert h.store.stats().questions == 1
        finally:
            await h.app.stop()


async def test_retention_zero_keeps_everything_and_schedules_nothing(tmp_path: Path) -> None:
    async with Harness(tmp_path, log_retention_days=0, log_purge_hours=0.5 / 3600) as h:
        await h.app.start()
        try:
            assert h.app.job_queue.get_jobs_by_name("purge-log") == ()
            await h.message("Khâu đột phá là gì?")
            age(h, 3650)
            await asyncio.sleep(1.2)
            assert h.store.stats().questions == 1
        finally:
            await h.app.stop()
