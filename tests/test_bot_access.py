"""Allow-lists, admins, the per-user sliding-window rate limiter, and the SQLite log."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from hoidap.bot.access import Access, Once, RateLimiter
from hoidap.bot.store import SCHEMA_VERSION, Store, percentile
from hoidap.index.types import Answer, AnswerPassage
from tgharness import TOKEN, Harness

from hoidap.settings import Settings


def test_empty_lists_allow_everyone() -> None:
    a = Access.from_settings(Settings())
    assert a.allowed(1, 1) and a.allowed(2, -100) and not a.is_admin(1)


def test_allow_lists_and_admins() -> None:
    a = Access.from_settings(
        Settings.from_env({"ALLOWED_USERS": "1,2", "ALLOWED_CHATS": "-100", "ADMIN_USERS": "9"}, dotenv=None)
    )
    assert a.allowed(1, 1) and a.allowed(2, -5)
    assert not a.allowed(3, 3) and not a.allowed(3, -5)
    assert a.allowed(3, -100)  # any member of an allowed group
    assert a.allowed(9, 9) and a.is_admin(9) and not a.is_admin(1)
    assert not a.allowed(None, None)


def test_only_chats_listed() -> None:
    a = Access(chats=frozenset({-100}))
    assert a.allowed(5, -100) and not a.allowed(5, 5)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sliding_window() -> None:
    clock = Clock()
    rl = RateLimiter(3, 60, clock=clock)
    assert [rl.hit(1) for _ in range(4)] == [True, True, True, False]
    assert rl.hit(2)  # other users unaffected
    assert 59 < rl.retry_after(1) <= 60
    clock.now += 30
    assert not rl.hit(1)  # rejected attempts do not extend the window
    clock.now += 30.5
    assert rl.hit(1)
    # window slides: three hits spread out, the oldest expires first
    rl2 = RateLimiter(2, 10, clock=clock)
    assert rl2.hit(7)
    clock.now += 6
    assert rl2.hit(7) and not rl2.hit(7)
    clock.now += 4.5  # first hit is now older than 10 s
    assert rl2.hit(7) and not rl2.hit(7)


def test_rate_limit_disabled_and_bounded_memory() -> None:
    assert all(RateLimiter(0).hit(1) for _ in range(100))
    rl = RateLimiter(1, 60, clock=Clock(), max_keys=10)
    for user in range(100):
        rl.hit(user)
    assert len(rl._events) == 10


def test_once_per_ttl() -> None:
    clock = Clock()
    once = Once(ttl=3600, clock=clock)
    assert once.first(1) and not once.first(1) and once.first(2)
    clock.now += 3601
    assert once.first(1)


def answer(q: str, answered: bool = True) -> Answer:
    p = AnswerPassage("d.txt", "T", "S", "x", 1.0, passage_ids=[3, 4], highlights=[(0, 1)], expandable=True)
    return Answer(q, answered, "x", [p] if answered else [])


def test_store_log_feedback_stats_and_button_state(tmp_path: Path) -> None:
    clock = Clock()
    store = Store(tmp_path / "sub" / "log.sqlite3", retention_days=1, clock=clock)
    q1 = store.log_question(1, 1, "a?", answer("a?"), 10.0)
    q2 = store.log_question(2, 2, "b?", answer("b?", False), 30.0)
    logged = store.get(q1)
    assert logged and logged.passages[0].highlights == [(0, 1)] and logged.passages[0].expandable
    assert store.last_answered(1).id == q1 and store.last_answered(2) is None
    assert store.add_feedback(q1, 1, True) and store.add_feedback(q2, 2, False)
    assert not store.add_feedback(999, 1, True)
    s = store.stats()
    assert (s.questions, s.answered, s.abstained, s.users, s.thumbs_up, s.thumbs_down) == (2, 1, 1, 2, 1, 1)
    assert s.latency_ms == {"p50": 10.0, "p90": 30.0, "p99": 30.0}
    clock.now += 2 * 86400
    q3 = store.log_question(1, 1, "c?", answer("c?"), 5.0)
    assert store.purge() == 2
    assert store.get(q1) is None and store.get(q3) is not None
    assert store.stats().thumbs_up == 0  # feedback went with its question
    assert store.purge() == 0
    store.retention_days = 0  # 0 keeps everything forever
    clock.now += 1000 * 86400
    assert store.purge() == 0 and store.get(q3) is not None
    store.close()


async def test_store_never_holds_the_token(tmp_path: Path) -> None:
    """The token configured in the real Application never reaches the SQLite file, whatever is processed."""
    async with Harness(tmp_path, admin_users=frozenset({1})) as h:
        assert h.app.bot.token == TOKEN
        await h.message("Khâu đột phá là gì?")
        buttons = dict(h.buttons())
        for label in ("Đoạn khác", "Xem cả mục", "Nguồn", "👍"):
            await h.press(buttons[label])
        await h.message(f"Token của tôi là {TOKEN.split(':')[1]}?")  # a question that mentions part of it
        await h.message("/nguon")
        await h.message("/stats")
        assert h.store.stats().questions == 2 and h.store.stats().thumbs_up == 1
    files = sorted(tmp_path.glob("bot.sqlite3*"))  # the database and any WAL/shared-memory file beside it
    assert files and files[0].stat().st_size > 0
    for f in files:
        assert TOKEN.encode() not in f.read_bytes(), f


OLD_SCHEMA = """
CREATE TABLE questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL, user_id INTEGER, chat_id INTEGER,
    question TEXT NOT NULL, answered INTEGER NOT NULL, passage_ids TEXT NOT NULL,
    latency_ms REAL NOT NULL, passages TEXT NOT NULL
);
CREATE INDEX questions_user ON questions(user_id, id);
CREATE INDEX questions_ts ON questions(ts);
CREATE TABLE feedback (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE, user_id INTEGER NOT NULL,
    value INTEGER NOT NULL, ts REAL NOT NULL, PRIMARY KEY (question_id, user_id)
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def test_a_database_from_the_first_release_keeps_working(tmp_path: Path) -> None:
    """Schema 0 had a `passage_ids` column nothing read; opening it migrates and keeps every row."""
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(OLD_SCHEMA)
    stored = [{"doc": "d.txt", "title": "T", "section": "S", "text": "Trích <nguyên> văn.", "score": 0.9,
               "date": "2024-01-02", "number": None, "highlights": [[0, 4]], "expandable": True}]
    old.execute("INSERT INTO questions VALUES (7, ?, 1, 1, 'cũ?', 1, '[3, 4]', 12.5, ?)",
                (time.time(), json.dumps(stored)))
    old.execute("INSERT INTO feedback VALUES (7, 1, 1, ?)", (time.time(),))
    old.commit()
    old.close()

    store = Store(path)
    logged = store.get(7)
    assert logged is not None and logged.question == "cũ?"
    assert logged.passages[0].text == "Trích <nguyên> văn." and logged.passages[0].highlights == [(0, 4)]
    assert store.last_answered(1).id == 7 and store.stats().thumbs_up == 1
    new = store.log_question(1, 1, "mới?", answer("mới?"), 3.0)
    assert new == 8 and store.get(new).passages[0].passage_ids == [3, 4]
    store.close()
    db = sqlite3.connect(path)
    columns = {row[1] for row in db.execute("PRAGMA table_info(questions)")}
    assert "passage_ids" not in columns
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    assert Store(path).get(7) is not None  # opening a migrated database again changes nothing


def test_percentile() -> None:
    values = sorted(float(v) for v in range(1, 101))
    assert (percentile(values, 50), percentile(values, 90), percentile(values, 99)) == (50.0, 90.0, 99.0)
    assert percentile([], 50) == 0.0
