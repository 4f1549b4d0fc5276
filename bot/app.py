"""Build and run the Telegram application: the one place where the bot is wired together.

``build_application`` is used by ``hoidap bot``, by the in-process tests and by the end-to-end
tests alike, so all of them exercise the same handlers, rate limiter and start-up hooks. The token
never reaches a log: httpx's request lines (which contain it in the URL) are silenced and every log
handler gets a filter that masks it.
"""

from __future__ import annotations

import logging
from urllib.parse import urlparse

from hoidap.bot.access import Access, RateLimiter
from hoidap.bot.handlers import Assistant, Limits
from hoidap.bot.service import AnswerService
from hoidap.bot.store import Store
from telegram import Update
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder
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
    secrets = [settings.telegram_bot_token, settings.telegram_webhook_secret]
    for handler in root.handlers:
        if not any(isinstance(f, RedactFilter) for f in handler.filters):
            handler.addFilter(RedactFilter(secrets))


def build_application(
    settings: Settings,
    pipeline: AnswerService,
    *,
    store: Store | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> Application:
    """The configured Application (not started). ``request``/``get_updates_request`` are for tests.

    Base URL, flood-control rate limiter, handlers, the command menu (post_init), the retention
    purge at start-up and closing the SQLite store (post_shutdown) are all set here.
    """
    if not settings.telegram_bot_token:
        raise ValueError(
            "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in .env"
        )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    store = store or Store(settings.db_path, retention_days=settings.log_retention_days)
    assistant = Assistant(
        pipeline,
        store,
        Access.from_settings(settings),
        RateLimiter(settings.rate_limit_per_minute, 60.0),
        Limits(max_question_chars=settings.max_question_chars),
    )

    async def post_init(app: Application) -> None:
        purged = store.maybe_purge()
        if purged:
            log.info("purged %d questions older than %d days", purged, settings.log_retention_days)
        await assistant.set_commands(app)

    async def post_shutdown(app: Application) -> None:
        store.close()

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
    app.bot_data["assistant"] = assistant
    app.bot_data["store"] = store
    assistant.register(app)
    return app


def run_bot(settings: Settings, pipeline: AnswerService) -> None:
    """Serve until interrupted: long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set.

    Blocks; SIGINT/SIGTERM stop it cleanly. In webhook mode every request must carry
    TELEGRAM_WEBHOOK_SECRET in the X-Telegram-Bot-Api-Secret-Token header (PTB checks it).
    """
    protect_logs(settings)
    app = build_application(settings, pipeline)
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
            secret_token=settings.telegram_webhook_secret or None,
            allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY],
        )
    else:
        log.info("serving by long polling (poll interval %.1f s)", settings.poll_interval)
        app.run_polling(
            poll_interval=settings.poll_interval, allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY]
        )
