"""Allow-lists, admins, the per-user sliding-window rate limiter, and the SQLite log."""

from __future__ import annotations

from pathlib import Path

from hoidap.bot.access import Access, Once, RateLimiter
from hoidap.bot.store import Store, percentile
from hoidap.index.types import Answer, AnswerPassage

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
    assert store.maybe_purge() == 0  # already purged today
    store.close()


def test_store_never_holds_the_token(tmp_path: Path) -> None:
    token = "123:SECRET"
    store = Store(tmp_path / "log.sqlite3")
    store.log_question(1, 1, "q", answer("q"), 1.0)
    store.close()
    assert token.encode() not in (tmp_path / "log.sqlite3").read_bytes()


def test_percentile() -> None:
    values = sorted(float(v) for v in range(1, 101))
    assert (percentile(values, 50), percentile(values, 90), percentile(values, 99)) == (50.0, 90.0, 99.0)
    assert percentile([], 50) == 0.0
