"""`hoidap bot` refuses to start unsafely and says why without printing secrets (issue 11, items 13-14).

Real processes: the command as an operator runs it, its whole output read back.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .harness import ROOT, StrictProxy, free_port

pytestmark = pytest.mark.slow

TOKEN = "818181:STARTUP-token-must-never-be-printed"


def hoidap_bot(env_extra: dict[str, str], tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    mine = ("TELEGRAM_", "HOIDAP_", "ALLOWED_", "ADMIN_", "TRAINER_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(mine)}
    env.update({"TELEGRAM_BOT_TOKEN": TOKEN, "HOIDAP_DB": str(tmp_path / "bot.sqlite3"), **env_extra})
    hoidap = Path(sys.executable).with_name("hoidap")
    cmd = [str(hoidap)] if hoidap.exists() else [sys.executable, "-m", "hoidap.cli"]
    return subprocess.run([*cmd, "bot"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_a_rejected_token_is_reported_without_printing_it(index_dir: Path, tmp_path: Path) -> None:
    """Item 13: the Bot API answers 401; before, PTB's InvalidToken traceback printed the token."""
    proxy = StrictProxy("http://127.0.0.1:9").start()  # never forwards: every call is refused
    proxy.unauthorized = True
    try:
        done = hoidap_bot({"TELEGRAM_API_BASE_URL": f"{proxy.url}/bot", "HOIDAP_INDEX_DIR": str(index_dir)}, tmp_path)
    finally:
        proxy.close()
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]
    assert TOKEN not in output and TOKEN.split(":")[1] not in output
    assert "Traceback" not in output
    assert "Telegram rejected the bot token (TELEGRAM_BOT_TOKEN)" in output and "@BotFather" in output
    assert proxy.methods("getMe")  # it did ask


def test_an_unreachable_bot_api_is_reported_without_the_token(index_dir: Path, tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    done = hoidap_bot({"TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{port}/bot", "HOIDAP_INDEX_DIR": str(index_dir)},
                      tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]
    assert TOKEN not in output and TOKEN.split(":")[1] not in output and "Traceback" not in output
    assert "cannot start" in output and "TELEGRAM_API_BASE_URL" in output


@pytest.mark.parametrize("secret", ["", "short-secret"])
def test_a_webhook_without_a_strong_secret_is_refused(tmp_path: Path, secret: str) -> None:
    """Item 14: without TELEGRAM_WEBHOOK_SECRET (or with one under 16 characters) anyone who knows the
    URL could post forged updates; the bot now refuses to start instead of serving them."""
    port = free_port()
    env = {
        "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
        "TELEGRAM_WEBHOOK_PORT": str(port),
        "TELEGRAM_WEBHOOK_SECRET": secret,
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
        "HOIDAP_INDEX_DIR": str(tmp_path / "no-index"),  # refused before the index is even opened
    }
    done = hoidap_bot(env, tmp_path, timeout=60)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]
    assert "TELEGRAM_WEBHOOK_SECRET" in output and "16" in output and "forged" in output
    assert TOKEN not in output and (not secret or secret not in output)
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # nothing was listening
