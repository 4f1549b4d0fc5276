"""The bot's memory in SQLite: question log, feedback, and the state behind inline buttons.

Telegram limits ``callback_data`` to 64 bytes, so a button carries only a question id and a passage
number ("alt:42:1"); the passages it refers to are kept here with the question. Keeping them in
SQLite rather than in memory means buttons still work after a restart, and the retention purge
removes the quotes together with the question. Only what the issue asks for is stored: no token,
no secret, no message other than the question itself.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hoidap.index.types import Answer, AnswerPassage

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    user_id INTEGER,
    chat_id INTEGER,
    question TEXT NOT NULL,
    answered INTEGER NOT NULL,
    latency_ms REAL NOT NULL,
    passages TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_user ON questions(user_id, id);
CREATE INDEX IF NOT EXISTS questions_ts ON questions(ts);
CREATE TABLE IF NOT EXISTS feedback (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    value INTEGER NOT NULL,
    ts REAL NOT NULL,
    PRIMARY KEY (question_id, user_id)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

SCHEMA_VERSION = 1
"""``PRAGMA user_version`` of a database this code has migrated. 0: the first release, whose
``questions.passage_ids`` column (the first passage's ids, never read) is dropped by version 1."""


@dataclass
class Stats:
    """What /stats shows."""

    questions: int = 0
    answered: int = 0
    abstained: int = 0
    users: int = 0
    thumbs_up: int = 0
    thumbs_down: int = 0
    latency_ms: dict[str, float] = field(default_factory=dict)  # p50/p90/p99
    last_24h: int = 0


@dataclass
class Logged:
    """A stored question with the passages its buttons refer to."""

    id: int
    user_id: int | None
    chat_id: int | None
    question: str
    answered: bool
    passages: list[AnswerPassage]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list (0 for an empty one).

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50), percentile([1.0, 2.0, 3.0, 4.0], 99)
    (2.0, 4.0)
    """
    if not values:
        return 0.0
    rank = max(1, -(-len(values) * q // 100))  # ceil
    return values[int(rank) - 1]


class Store:
    """One SQLite file, one connection guarded by a lock (each call is short)."""

    def __init__(self, path: Path | str, retention_days: int = 180, clock: Callable[[], float] = time.time):
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.retention_days = retention_days
        self.clock = clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
        self._migrate()
        self._db.executescript(_SCHEMA)

    def _migrate(self) -> None:
        """Bring a database written by an older release up to SCHEMA_VERSION, keeping its rows."""
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        if version >= SCHEMA_VERSION:
            return
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(questions)")}
        if "passage_ids" in columns:  # version 0: a column nothing reads
            self._db.execute("ALTER TABLE questions DROP COLUMN passage_ids")
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- questions -------------------------------------------------------------------------------
    def log_question(
        self, user_id: int | None, chat_id: int | None, question: str, answer: Answer, latency_ms: float
    ) -> int:
        """Record a question and what was answered; returns the id the answer's buttons refer to."""
        passages = json.dumps([p.to_dict() for p in answer.passages], ensure_ascii=False)
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO questions (ts, user_id, chat_id, question, answered, latency_ms, passages)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (self.clock(), user_id, chat_id, question, int(answer.answered), float(latency_ms), passages),
            )
            return int(cur.lastrowid or 0)

    def get(self, question_id: int) -> Logged | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, user_id, chat_id, question, answered, passages FROM questions WHERE id = ?",
                (question_id,),
            ).fetchone()
        return _logged(row) if row else None

    def last_answered(self, user_id: int, chat_id: int | None = None) -> Logged | None:
        """The user's most recent answered question (in this chat when given), for /nguon."""
        sql = (
            "SELECT id, user_id, chat_id, question, answered, passages FROM questions"
            " WHERE user_id = ? AND answered = 1"
        )
        args: tuple[int, ...] = (user_id,)
        if chat_id is not None:
            sql += " AND chat_id = ?"
            args += (chat_id,)
        with self._lock:
            row = self._db.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return _logged(row) if row else None

    # -- feedback --------------------------------------------------------------------------------
    def add_feedback(self, question_id: int, user_id: int, positive: bool) -> bool:
        """Store 👍/👎 (a user's second press replaces the first); False when the question is gone."""
        with self._lock:
            if not self._db.execute("SELECT 1 FROM questions WHERE id = ?", (question_id,)).fetchone():
                return False
            self._db.execute(
                "INSERT INTO feedback (question_id, user_id, value, ts) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(question_id, user_id) DO UPDATE SET value = excluded.value, ts = excluded.ts",
                (question_id, user_id, 1 if positive else -1, self.clock()),
            )
            return True

    # -- housekeeping ----------------------------------------------------------------------------
    def purge(self) -> int:
        """Delete questions (and their feedback) older than the retention period; returns how many."""
        if self.retention_days <= 0:
            return 0
        cutoff = self.clock() - self.retention_days * 86400
        with self._lock:
            cur = self._db.execute("DELETE FROM questions WHERE ts < ?", (cutoff,))
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('last_purge', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(self.clock()),),
            )
            return cur.rowcount

    def maybe_purge(self, every: float = 86400) -> int:
        """Purge at most once per ``every`` seconds (called on the hot path, so it must be cheap)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'last_purge'").fetchone()
        if row and self.clock() - float(row[0]) < every:
            return 0
        return self.purge()

    def stats(self) -> Stats:
        with self._lock:
            q, answered, users = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(answered), 0), COUNT(DISTINCT user_id) FROM questions"
            ).fetchone()
            up, down = self._db.execute(
                "SELECT COALESCE(SUM(value = 1), 0), COALESCE(SUM(value = -1), 0) FROM feedback"
            ).fetchone()
            latencies = [
                r[0] for r in self._db.execute("SELECT latency_ms FROM questions ORDER BY latency_ms")
            ]
            (recent,) = self._db.execute(
                "SELECT COUNT(*) FROM questions WHERE ts >= ?", (self.clock() - 86400,)
            ).fetchone()
        return Stats(
            questions=q,
            answered=answered,
            abstained=q - answered,
            users=users,
            thumbs_up=up,
            thumbs_down=down,
            latency_ms={f"p{n}": percentile(latencies, n) for n in (50, 90, 99)},
            last_24h=recent,
        )


def _logged(row: tuple) -> Logged:
    qid, user_id, chat_id, question, answered, passages = row
    stored = [AnswerPassage.from_dict(d) for d in json.loads(passages)]
    return Logged(qid, user_id, chat_id, question, bool(answered), stored)
