"""Build and run the Telegram application: the one place where the bot is wired together.

``build_application`` is used by ``hoidap bot``, by the in-process tests and by the end-to-end
tests alike, so all of them exercise the same handlers, rate limiter and start-up hooks. The token
never reaches a log: httpx's request lines (which contain it in the URL) are silenced and every log
handler gets a filter that masks it.
"""

from __future__ import annotations

import asyncio
import logging
import re
from urllib.parse import urlparse

from hoidap.bot.access import Access, RateLimiter, Throttle
from hoidap.bot.handlers import Assistant
from hoidap.bot.kit import Kit, Limits
from hoidap.bot.service import AnswerService, QuizFactory, default_quiz_factory
from hoidap.bot.store import Store
from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from hoidap.settings import Settings

log = logging.getLogger(__name__)


class RedactFilter(logging.Filter):
    """Replace secrets in a log record's message and traceback before any handler writes it."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is still logged, unredacted args dropped
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class QuietStartupFailure(logging.Filter):
    """PTB logs a failed start-up (a rejected token, an unreachable Bot API) with a long traceback;
    ``run_bot`` reports the same failure in one line with what to check, so the traceback goes."""

    def filter(self, record: logging.LogRecord) -> bool:
        failed = record.exc_info is not None and isinstance(record.exc_info[1], InvalidToken | NetworkError)
        if failed and "Bootstrap" in record.getMessage():
            record.exc_info, record.exc_text = None, None
        return True


def protect_logs(settings: Settings) -> None:
    """Silence per-request URL logging and mask the token and webhook secret in every root handler."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # The bot's own lines (start-up mode, one line per question without its text) are worth seeing
    # even when the command line keeps everything else at WARNING.
    if logging.getLogger("hoidap.bot").getEffectiveLevel() > logging.INFO:
        logging.getLogger("hoidap.bot").setLevel(logging.INFO)
    ptb = logging.getLogger("telegram.ext")
    if not any(isinstance(f, QuietStartupFailure) for f in ptb.filters):
        ptb.addFilter(QuietStartupFailure())
    secrets = [settings.telegram_bot_token, settings.telegram_webhook_secret]
    for handler in root.handlers:
        if not any(isinstance(f, RedactFilter) for f in handler.filters):
            handler.addFilter(RedactFilter(secrets))


class StartupError(RuntimeError):
    """The bot cannot start; the message says what to check and never contains a secret."""


WEBHOOK_SECRET_MIN = 16
_SECRET_CHARS = re.compile(r"[A-Za-z0-9_-]{1,256}")


def check_webhook(settings: Settings) -> None:
    """A webhook without a secret accepts forged updates from anyone who knows its URL: refuse it."""
    if not settings.telegram_webhook_url:
        return
    secret = settings.telegram_webhook_secret
    if len(secret) < WEBHOOK_SECRET_MIN or not _SECRET_CHARS.fullmatch(secret):
        raise StartupError(
            f"TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is {'missing' if not secret else 'too weak'}:"
            f" set it to {WEBHOOK_SECRET_MIN}-256 random letters, digits, '_' or '-' (for example the output of"
            " `python -c 'import secrets; print(secrets.token_urlsafe(32))'`). Without it anyone who knows the"
            " webhook URL can send the bot forged updates."
        )


def build_application(
    settings: Settings,
    pipeline: AnswerService,
    *,
    store: Store | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    quiz_factory: QuizFactory | None = None,
) -> Application:
    """The configured Application (not started). ``request``/``get_updates_request``/``quiz_factory``
    are for tests.

    Base URL, flood-control rate limiter, the gate and the handlers, the command menu (post_init),
    the retention purge on the job queue (every HOIDAP_LOG_PURGE_HOURS, first at start-up) and
    closing the SQLite store (post_shutdown) are all set here.
    """
    if not settings.telegram_bot_token:
        raise ValueError(
            "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in .env"
        )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    store = store or Store(settings.db_path, retention_days=settings.log_retention_days)
    kit = Kit(
        pipeline,
        store,
        Access.from_settings(settings),
        questions=RateLimiter(settings.rate_limit_per_minute, 60.0),
        throttle=Throttle(settings.action_limit_per_minute, settings.group_limit_per_minute,
                          settings.member_limit_per_minute),
        limits=Limits(max_question_chars=settings.max_question_chars),
        quiz_factory=quiz_factory or default_quiz_factory,
    )
    assistant = Assistant(kit)

    async def post_init(app: Application) -> None:
        await assistant.set_commands(app)

    async def post_shutdown(app: Application) -> None:
        store.close()

    async def purge_log(context: ContextTypes.DEFAULT_TYPE) -> None:
        purged = await asyncio.to_thread(store.purge)
        if purged:
            log.info("purged %d questions older than %d days", purged, settings.log_retention_days)

    builder: ApplicationBuilder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_base_url)
        .rate_limiter(AIORateLimiter(max_retries=2))
        .concurrent_updates(True)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    app = builder.build()
    if app.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without its job-queue extra: pip install -e .")
    if settings.log_retention_days > 0:  # 0 keeps the log forever
        app.job_queue.run_repeating(purge_log, interval=settings.log_purge_hours * 3600, first=0, name="purge-log")
    app.bot_data["assistant"] = assistant
    app.bot_data["store"] = store
    assistant.register(app)
    return app


ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.POLL_ANSWER]


def run_bot(settings: Settings, pipeline: AnswerService) -> None:
    """Serve until interrupted: long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set.

    Blocks; SIGINT/SIGTERM stop it cleanly. In webhook mode every request must carry
    TELEGRAM_WEBHOOK_SECRET (16+ characters, required) in the X-Telegram-Bot-Api-Secret-Token
    header (PTB checks it). Start-up failures (a token Telegram rejects, an unreachable Bot API, a
    port in use) raise ``StartupError`` with what to check and without the token.
    """
    protect_logs(settings)
    check_webhook(settings)
    app = build_application(settings, pipeline)
    try:
        if settings.telegram_webhook_url:
            path = urlparse(settings.telegram_webhook_url).path.lstrip("/")
            log.info(
                "serving webhook on %s:%d/%s",
                settings.telegram_webhook_listen,
                settings.telegram_webhook_port,
                path,
            )
            app.run_webhook(
                listen=settings.telegram_webhook_listen,
                port=settings.telegram_webhook_port,
                url_path=path,
                webhook_url=settings.telegram_webhook_url,
                secret_token=settings.telegram_webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            log.info("serving by long polling (poll interval %.1f s)", settings.poll_interval)
            app.run_polling(poll_interval=settings.poll_interval, allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        raise StartupError(
            "Telegram rejected the bot token (TELEGRAM_BOT_TOKEN): check that it is the whole token"
            " @BotFather gave (/mybots → API Token), that the bot was not deleted and the token not revoked,"
            f" and that TELEGRAM_API_BASE_URL ({settings.telegram_api_base_url}) is the Bot API server."
        ) from None
    except (NetworkError, OSError) as e:
        secrets = [settings.telegram_bot_token, settings.telegram_webhook_secret]
        raise StartupError(
            f"cannot start: {RedactFilter(secrets).redact(str(e))}. Check the network, TELEGRAM_API_BASE_URL"
            f" ({settings.telegram_api_base_url})"
            + (f" and that {settings.telegram_webhook_listen}:{settings.telegram_webhook_port} is free"
               if settings.telegram_webhook_url else "") + "."
        ) from None
    except TelegramError as e:
        secrets = [settings.telegram_bot_token, settings.telegram_webhook_secret]
        raise StartupError(f"the Bot API refused to start the bot: {RedactFilter(secrets).redact(str(e))}") from None
