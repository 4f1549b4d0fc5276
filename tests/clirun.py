"""Run the real `hoidap` command in a subprocess, with a clean environment.

The hash embedder (`HOIDAP_EMBED_MODEL=hash`) keeps these process tests fast: what they check is
the command's behaviour on files, folders and input, not answer quality.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HOIDAP_", "TELEGRAM_"))}
    return {**env, "HOIDAP_EMBED_MODEL": "hash", "HOIDAP_DB": str(tmp_path / "hoidap.sqlite3"),
            "PYTHONUTF8": "0", "LC_ALL": "C.UTF-8", **extra}


def hoidap(tmp_path: Path, *args: str | bytes, input: bytes | None = None, timeout: float = 120,
           **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m hoidap.cli ARGS` in tmp_path; stdout and stderr decoded as UTF-8 (strictly: a
    command that prints something that is not UTF-8 fails the test)."""
    run = subprocess.run([sys.executable, "-m", "hoidap.cli", *args], cwd=tmp_path, env=cli_env(tmp_path, **env),
                         input=input, capture_output=True, timeout=timeout)
    return subprocess.CompletedProcess(run.args, run.returncode, run.stdout.decode("utf-8"),
                                       run.stderr.decode("utf-8"))
