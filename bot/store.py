"""The bot's memory in SQLite: question log, feedback, button tokens and quiz sessions.

Telegram limits ``callback_data`` to 64 bytes and anyone can send any callback data, so a button
carries an unguessable token (see hoidap.bot.callbacks) and everything it refers to stays here,
bound to the chat (and user) it was issued for. Keeping that state in SQLite rather than in memory
means buttons still work after a restart, and the retention purge removes it with the question.

A question's passages are stored as references (document, section, passage ids, score, index
version — a few hundred bytes), not as the quoted text (often 10 KB): the text is re-read from the
index when a button needs it. Only what the features need is stored: no token, no secret, no
message other than the question itself.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    passages TEXT NOT NULL,
    tier TEXT NOT NULL DEFAULT '',
    doc TEXT
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
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    chat_id INTEGER NOT NULL,
    user_id INTEGER,
    question_id INTEGER REFERENCES questions(id) ON DELETE CASCADE,
    payload TEXT NOT NULL DEFAULT '{}',
    ts REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_ts ON tokens(ts);
CREATE TABLE IF NOT EXISTS quiz_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    chat_id INTEGER NOT NULL,
    started_by INTEGER NOT NULL,
    private INTEGER NOT NULL,
    doc TEXT,
    total INTEGER NOT NULL,
    current INTEGER NOT NULL DEFAULT -1,
    finished INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS quiz_sessions_chat ON quiz_sessions(chat_id, id);
CREATE TABLE IF NOT EXISTS quiz_questions (
    session_id INTEGER NOT NULL REFERENCES quiz_sessions(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    data TEXT NOT NULL,
    poll_id TEXT,
    message_id INTEGER,
    PRIMARY KEY (session_id, n)
);
CREATE INDEX IF NOT EXISTS quiz_questions_poll ON quiz_questions(poll_id);
CREATE TABLE IF NOT EXISTS quiz_answers (
    session_id INTEGER NOT NULL REFERENCES quiz_sessions(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    option INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    ts REAL NOT NULL,
    PRIMARY KEY (session_id, n, user_id)
);
"""

SCHEMA_VERSION = 2
"""``PRAGMA user_version`` of a database this code has migrated.

0: the first release (``questions.passage_ids``, never read, dropped by 1; whole passage texts).
1: no ``passage_ids``. 2: answer tier and document scope per question, button tokens, quiz tables.
Rows written by older releases keep their passage texts and are read as they are.
"""

TOKEN_BYTES = 12  # 16 URL-safe characters: 96 random bits


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
    """A stored question with references to the passages its buttons show.

    A reference has every field of the passage except its text when it was stored by this release
    (``text == ""``: re-read it from the index version it names); rows from the first release still
    carry the text.
    """

    id: int
    user_id: int | None
    chat_id: int | None
    question: str
    answered: bool
    passages: list[AnswerPassage]
    tier: str = ""
    doc: str | None = None


@dataclass(frozen=True)
class Ticket:
    """What a button token stands for: who it was issued to and the server-side state behind it."""

    token: str
    kind: str
    chat_id: int
    user_id: int | None
    question_id: int | None
    payload: dict[str, Any]
    ts: float


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list (0 for an empty one).

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50), percentile([1.0, 2.0, 3.0, 4.0], 99)
    (2.0, 4.0)
    """
    if not values:
        return 0.0
    rank = max(1, -(-len(values) * q // 100))  # ceil
    return values[int(rank) - 1]


def passage_ref(p: AnswerPassage) -> dict[str, Any]:
    """What is stored for a shown passage: everything but its text, which the index can give again.

    >>> ref = passage_ref(AnswerPassage("a.txt", "A", "I", "Một đoạn dài.", 0.9, passage_ids=[4, 5]))
    >>> "text" in ref, ref["passage_ids"]
    (False, [4, 5])
    """
    ref = p.to_dict()
    del ref["text"]
    return ref


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

    def _migrate(self) -> None:
        """Bring a database written by an older release up to SCHEMA_VERSION, keeping its rows."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(questions)")}
        if columns:
            if "passage_ids" in columns:  # version 0: a column nothing reads
                self._db.execute("ALTER TABLE questions DROP COLUMN passage_ids")
            if "tier" not in columns:  # versions 0-1: the tier follows from `answered`
                self._db.execute("ALTER TABLE questions ADD COLUMN tier TEXT NOT NULL DEFAULT ''")
                self._db.execute("UPDATE questions SET tier = CASE answered WHEN 1 THEN 'high' ELSE 'none' END")
            if "doc" not in columns:
                self._db.execute("ALTER TABLE questions ADD COLUMN doc TEXT")
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- low-level access for the modules built on the store (quiz sessions, the report) ---------
    def read(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one transaction, under the lock (commit on success, else roll back)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- questions -------------------------------------------------------------------------------
    def log_question(
        self,
        user_id: int | None,
        chat_id: int | None,
        question: str,
        answer: Answer,
        latency_ms: float,
        doc: str | None = None,
    ) -> int:
        """Record a question, its tier and references to what was shown; returns the question's id."""
        refs = json.dumps([passage_ref(p) for p in answer.passages], ensure_ascii=False)
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO questions (ts, user_id, chat_id, question, answered, latency_ms, passages, tier, doc)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self.clock(), user_id, chat_id, question, int(answer.answered), float(latency_ms), refs,
                 answer.tier or "", doc),
            )
            return int(cur.lastrowid or 0)

    def get(self, question_id: int) -> Logged | None:
        with self._lock:
            row = self._db.execute(
                _SELECT_LOGGED + " WHERE id = ?",
                (question_id,),
            ).fetchone()
        return _logged(row) if row else None

    def last_answered(self, user_id: int, chat_id: int | None = None) -> Logged | None:
        """The user's most recent answered question (in this chat when given), for /nguon."""
        sql = _SELECT_LOGGED + " WHERE user_id = ? AND answered = 1"
        args: tuple[int, ...] = (user_id,)
        if chat_id is not None:
            sql += " AND chat_id = ?"
            args += (chat_id,)
        with self._lock:
            row = self._db.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return _logged(row) if row else None

    # -- button tokens ---------------------------------------------------------------------------
    def issue_token(
        self,
        kind: str,
        chat_id: int,
        user_id: int | None = None,
        payload: dict[str, Any] | None = None,
        question_id: int | None = None,
    ) -> str:
        """A new unguessable token bound to ``chat_id`` (and ``user_id``) with its state."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self._lock:
            self._db.execute(
                "INSERT INTO tokens (token, kind, chat_id, user_id, question_id, payload, ts)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (token, kind, chat_id, user_id, question_id, json.dumps(payload or {}, ensure_ascii=False),
                 self.clock()),
            )
        return token

    def ticket(self, token: str) -> Ticket | None:
        """The state behind a token, None when it was never issued or has been purged."""
        with self._lock:
            row = self._db.execute(
                "SELECT token, kind, chat_id, user_id, question_id, payload, ts FROM tokens WHERE token = ?",
                (token,),
            ).fetchone()
        if row is None:
            return None
        return Ticket(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6])

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
        """Delete what is older than the retention period: questions (with their feedback and
        buttons), other button tokens and quiz sessions. Returns how many questions went; a
        retention of 0 days keeps everything forever."""
        if self.retention_days <= 0:
            return 0
        cutoff = self.clock() - self.retention_days * 86400
        with self._lock:
            cur = self._db.execute("DELETE FROM questions WHERE ts < ?", (cutoff,))
            self._db.execute("DELETE FROM tokens WHERE ts < ?", (cutoff,))
            self._db.execute("DELETE FROM quiz_sessions WHERE ts < ?", (cutoff,))
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('last_purge', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(self.clock()),),
            )
            return cur.rowcount

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


# The columns `_logged` reads, in its order.
_SELECT_LOGGED = "SELECT id, user_id, chat_id, question, answered, passages, tier, doc FROM questions"


def _logged(row: tuple) -> Logged:
    qid, user_id, chat_id, question, answered, passages, tier, doc = row
    stored = [AnswerPassage.from_dict({"text": "", **d}) for d in json.loads(passages)]
    return Logged(qid, user_id, chat_id, question, bool(answered), stored, tier, doc)
