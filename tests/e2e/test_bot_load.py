"""The bot under load: 50 users × 10 questions through the Bot API emulator, every one answered right.

The users are played from other processes at lower priority (real users' phones are not on the
server): 50 polling client threads in the bot's own process would compete with it for the GIL and
measure themselves. While they
ask, a probe coroutine on the bot's own event loop measures how late the loop wakes it
(the loop's longest stall): search runs in worker threads, so the loop stays free to take updates
and send replies. The stall is reported (printed, and written to $HOIDAP_BENCH_BOT_OUT for
`hoidap bench --bot`), never asserted: the test suite asserts behaviour, benchmarks report time.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from .conftest import Stack
from .harness import EmulatorClient
from .test_bot_e2e import QUESTION, assert_card, assert_no_rejections, reply_until_buttons

pytestmark = pytest.mark.slow  # the emulator and user processes

USERS = list(range(1050, 1100))  # 50 allowed users
QUESTIONS_EACH = 10
PHRASINGS = [QUESTION, "Các khâu đột phá của quận là gì?", "khâu đột phá", "cac khau dot pha la gi"]
PROBE_SECONDS = 0.01
USER_PROCESSES = 2


class LoopProbe:
    """Sleeps PROBE_SECONDS again and again on a loop and records how late it wakes up."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.samples = 0
        self.late: list[float] = []
        self.running = True

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        if os.environ.get("HOIDAP_DEBUG_LOOP"):
            import logging
            import sys as _sys
            loop.set_debug(True)
            loop.slow_callback_duration = 0.05
            logging.getLogger("asyncio").addHandler(logging.StreamHandler(_sys.stderr))
        while self.running:
            started = loop.time()
            await asyncio.sleep(PROBE_SECONDS)
            late = loop.time() - started - PROBE_SECONDS
            self.longest = max(self.longest, late)
            self.late.append(late)
            self.samples += 1


def _sessions(emulator_url: str, token: str, users: list[int]) -> list[tuple[list[list[dict]], list[float]]]:
    """Runs in a child process: each user asks QUESTIONS_EACH questions in turn, all users at once."""
    client = EmulatorClient(emulator_url, token)

    def one(user: int) -> tuple[list[list[dict]], list[float]]:
        cards, waits = [], []
        for n in range(QUESTIONS_EACH):
            start = len(client.received(user))
            asked = time.monotonic()
            client.send_message(user, PHRASINGS[(user + n) % len(PHRASINGS)])
            cards.append(reply_until_buttons(client, user, start=start, timeout=120))
            waits.append(time.monotonic() - asked)
        return cards, waits

    with ThreadPoolExecutor(len(users)) as pool:
        return list(pool.map(one, users))


def test_fifty_users_ten_questions_each_all_answered(stack: Stack) -> None:
    assert stack.bot is not None and stack.bot.loop is not None
    probe = LoopProbe()
    probing = asyncio.run_coroutine_threadsafe(probe.run(), stack.bot.loop)
    groups = [USERS[i :: USER_PROCESSES] for i in range(USER_PROCESSES)]
    started = time.monotonic()
    with ProcessPoolExecutor(USER_PROCESSES, mp_context=multiprocessing.get_context("spawn"),
                             initializer=os.nice, initargs=(10,)) as pool:  # phones are not on the server
        futures = [pool.submit(_sessions, stack.client.url, stack.client.token, group) for group in groups]
        sessions = [session for f in futures for session in f.result(timeout=600)]
    elapsed = time.monotonic() - started
    probe.running = False
    probing.result(timeout=10)

    for cards, _ in sessions:
        assert len(cards) == QUESTIONS_EACH
        for card in cards:
            assert_card(card)
    assert_no_rejections(stack.proxy)
    waits = sorted(w for _, ws in sessions for w in ws)
    report = {
        "users": len(USERS), "questions_each": QUESTIONS_EACH, "answered": len(waits), "seconds": round(elapsed, 1),
        "questions_per_s": round(len(waits) / elapsed, 1),
        "reply_p50_ms": round(1000 * waits[len(waits) // 2]),
        "reply_p95_ms": round(1000 * waits[int(0.95 * len(waits))]),
        "loop_longest_stall_ms": round(1000 * probe.longest, 1), "loop_probes": probe.samples,
        "loop_stall_p99_ms": round(1000 * sorted(probe.late)[int(0.99 * len(probe.late))], 1),
        "load_average": round(os.getloadavg()[0], 2),
    }
    print("\nbot under load:", json.dumps(report))
    out = os.environ.get("HOIDAP_BENCH_BOT_OUT")
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(report, fh)
