"""Fixtures for the end-to-end tests: a real index of corpus/, the emulator, the proxy, the bot.

Everything is started here and stopped in the fixtures' teardown (also when a test fails); all of
it listens on 127.0.0.1 only.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hoidap.settings import Settings

from .harness import EMULATOR_PACKAGE, ROOT, BotThread, Emulator, EmulatorClient, StrictProxy

TOKEN = "424242:E2E-secret-token-must-never-be-logged"
DATA = Path(__file__).with_name("data")
ALLOWED_USERS = frozenset(range(1000, 1100))
ADMIN = 1000
NOT_ALLOWED = 5


def _missing_setup() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (EMULATOR_PACKAGE / "package.json").is_file():
        return f"{EMULATOR_PACKAGE} missing: run `make e2e-deps` (make test does)"
    return None


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`hoidap reindex --corpus <corpus/ + data/> --index <tmp>`: the published index the bot answers from."""
    reason = _missing_setup()
    if reason:  # `make test` installs both; a silent skip would hide a broken set-up
        pytest.fail(reason)
    # corpus/ plus one small resolution with headings (for "Xem cả mục") and <, &, * in its text.
    corpus = tmp_path_factory.mktemp("corpus")
    for source in [*sorted((ROOT / "corpus").iterdir()), *sorted(DATA.iterdir())]:
        if source.is_file():
            shutil.copy(source, corpus / source.name)
    index = tmp_path_factory.mktemp("index")
    hoidap = Path(sys.executable).with_name("hoidap")
    cmd = [str(hoidap)] if hoidap.exists() else [sys.executable, "-m", "hoidap.cli"]
    done = subprocess.run(
        [*cmd, "reindex", "--corpus", str(corpus), "--index", str(index)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"reindex failed:\n{done.stdout}\n{done.stderr}"
    return index


@pytest.fixture(scope="session")
def pipeline(index_dir: Path) -> Any:
    from hoidap.app import open_pipeline

    return open_pipeline(Settings(index_dir=index_dir))


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    reason = _missing_setup()
    if reason:  # `make test` installs both; a silent skip would hide a broken set-up
        pytest.fail(reason)
    emu = Emulator().start()
    try:
        yield emu
    finally:
        emu.close()


@dataclass
class Stack:
    emulator: Emulator
    proxy: StrictProxy
    client: EmulatorClient
    settings: Settings
    bot: BotThread | None = None  # its event loop (tests that probe the loop)


def bot_settings(proxy: StrictProxy, tmp: Path, index: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": TOKEN,
        "telegram_api_base_url": f"{proxy.url}/bot",
        "index_dir": index,
        "db_path": tmp / "bot.sqlite3",
        "allowed_users": ALLOWED_USERS,
        "admin_users": frozenset({ADMIN}),
        "poll_interval": 0.0,
        "rate_limit_per_minute": 100,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="module")
def stack(
    emulator: Emulator, pipeline: Any, index_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    """Proxy + the bot (built by hoidap.bot.app.build_application, run by run_polling in a thread)."""
    from hoidap.bot.app import build_application

    proxy = StrictProxy(emulator.url).start()
    bot: BotThread | None = None
    try:
        settings = bot_settings(proxy, tmp_path_factory.mktemp("bot"), index_dir)
        bot = BotThread(build_application(settings, pipeline)).start(proxy)
        yield Stack(emulator, proxy, EmulatorClient(emulator.url, TOKEN), settings, bot)
    finally:
        try:
            if bot is not None:
                bot.close()
        finally:
            proxy.close()
