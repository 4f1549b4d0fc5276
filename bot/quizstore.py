"""Quiz sessions in the bot's SQLite store: the questions asked, the polls sent, every answer.

A session belongs to one chat. Its questions are generated once at the start and kept here, so a
restart loses nothing and results can be read later (/ketqua, the trainer report). Telegram sends
a quiz answer as a ``PollAnswer`` carrying only the poll's id and the user, so each sent poll's id
is stored with its question and answers are matched to (session, question) through it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hoidap.bot.store import Store


@dataclass(frozen=True)
class Session:
    id: int
    chat_id: int
    started_by: int
    private: bool
    doc: str | None
    total: int
    current: int  # the question last sent (-1 before the first)
    finished: bool


@dataclass(frozen=True)
class PollRef:
    """Which question of which session a poll asks."""

    session: Session
    n: int
    correct: int


@dataclass(frozen=True)
class Standing:
    """One participant's score in a session."""

    user_id: int
    name: str
    correct: int
    answered: int


@dataclass(frozen=True)
class QuestionResult:
    n: int
    question: dict[str, Any]  # QuizQuestion.to_dict()
    answered: int
    correct: int


class QuizStore:
    """Quiz tables of a ``Store`` (same connection, same lock, same retention purge)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, chat_id: int, started_by: int, private: bool, doc: str | None,
               questions: list[dict[str, Any]]) -> Session:
        """A new session with its questions (none sent yet)."""
        with self.store.transaction() as db:
            cur = db.execute(
                "INSERT INTO quiz_sessions (ts, chat_id, started_by, private, doc, total) VALUES (?, ?, ?, ?, ?, ?)",
                (self.store.clock(), chat_id, started_by, int(private), doc, len(questions)),
            )
            sid = int(cur.lastrowid or 0)
            db.executemany(
                "INSERT INTO quiz_questions (session_id, n, data) VALUES (?, ?, ?)",
                [(sid, n, json.dumps(q, ensure_ascii=False)) for n, q in enumerate(questions)],
            )
        return Session(sid, chat_id, started_by, private, doc, len(questions), -1, False)

    def session(self, session_id: int) -> Session | None:
        rows = self.store.read(
            "SELECT id, chat_id, started_by, private, doc, total, current, finished FROM quiz_sessions WHERE id = ?",
            (session_id,),
        )
        return _session(rows[0]) if rows else None

    def latest(self, chat_id: int) -> Session | None:
        """The chat's most recent session (for /ketqua)."""
        rows = self.store.read(
            "SELECT id, chat_id, started_by, private, doc, total, current, finished FROM quiz_sessions"
            " WHERE chat_id = ? ORDER BY id DESC LIMIT 1",
            (chat_id,),
        )
        return _session(rows[0]) if rows else None

    def question(self, session_id: int, n: int) -> dict[str, Any] | None:
        rows = self.store.read("SELECT data FROM quiz_questions WHERE session_id = ? AND n = ?", (session_id, n))
        return json.loads(rows[0][0]) if rows else None

    def advance(self, session_id: int, expected: int) -> bool:
        """Move the session from question ``expected`` to the next one; False when another press or
        answer already did (so two quick presses never send the same question twice)."""
        with self.store.transaction() as db:
            cur = db.execute(
                "UPDATE quiz_sessions SET current = current + 1"
                " WHERE id = ? AND current = ? AND current + 1 < total AND finished = 0",
                (session_id, expected),
            )
            return cur.rowcount == 1

    def finish(self, session_id: int) -> bool:
        """Close the session; False when it already was."""
        with self.store.transaction() as db:
            cur = db.execute("UPDATE quiz_sessions SET finished = 1 WHERE id = ? AND finished = 0", (session_id,))
            return cur.rowcount == 1

    def sent(self, session_id: int, n: int, poll_id: str, message_id: int) -> None:
        with self.store.transaction() as db:
            db.execute(
                "UPDATE quiz_questions SET poll_id = ?, message_id = ? WHERE session_id = ? AND n = ?",
                (poll_id, message_id, session_id, n),
            )

    def poll(self, poll_id: str) -> PollRef | None:
        """The session question a poll asks, None for a poll this bot does not know (or has purged)."""
        rows = self.store.read(
            "SELECT s.id, s.chat_id, s.started_by, s.private, s.doc, s.total, s.current, s.finished, q.n, q.data"
            " FROM quiz_questions q JOIN quiz_sessions s ON s.id = q.session_id WHERE q.poll_id = ?",
            (poll_id,),
        )
        if not rows:
            return None
        row = rows[0]
        return PollRef(_session(row[:8]), row[8], int(json.loads(row[9])["correct"]))

    def record(self, ref: PollRef, user_id: int, name: str, option: int) -> bool:
        """Record a user's answer to a poll; False when they had already answered it (Telegram allows
        one answer per quiz poll, so a repeat is a replayed update)."""
        with self.store.transaction() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO quiz_answers (session_id, n, user_id, name, option, correct, ts)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ref.session.id, ref.n, user_id, name, option, int(option == ref.correct), self.store.clock()),
            )
            return cur.rowcount == 1

    def standings(self, session_id: int) -> list[Standing]:
        """Participants by correct answers (then fewer answers, then name)."""
        rows = self.store.read(
            "SELECT user_id, MAX(name), SUM(correct), COUNT(*) FROM quiz_answers WHERE session_id = ?"
            " GROUP BY user_id",
            (session_id,),
        )
        standings = [Standing(int(u), str(name), int(c), int(a)) for u, name, c, a in rows]
        return sorted(standings, key=lambda s: (-s.correct, s.answered, s.name, s.user_id))

    def results(self, session_id: int) -> list[QuestionResult]:
        """Each question of the session with how many answered it and how many got it right."""
        rows = self.store.read(
            "SELECT q.n, q.data, COUNT(a.user_id), COALESCE(SUM(a.correct), 0) FROM quiz_questions q"
            " LEFT JOIN quiz_answers a ON a.session_id = q.session_id AND a.n = q.n"
            " WHERE q.session_id = ? GROUP BY q.n ORDER BY q.n",
            (session_id,),
        )
        return [QuestionResult(int(n), json.loads(data), int(a), int(c)) for n, data, a, c in rows]


def _session(row: tuple[Any, ...]) -> Session:
    sid, chat_id, started_by, private, doc, total, current, finished = row
    return Session(int(sid), int(chat_id), int(started_by), bool(private), doc, int(total), int(current),
                   bool(finished))
