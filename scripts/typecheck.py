"""Run mypy on the installed layout: `hoidap`, `hoidap.index` (folder index/) and `hoidap.bot` (bot/).

mypy cannot follow the installer's folder mapping, so checking the folders directly would see every
`hoidap.index.*` import as missing and type it `Any`, silently. This script builds the layout as a
tree of symlinks under var/typecheck/ and checks package `hoidap` there; extra arguments go to mypy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TREE = REPO / "var" / "typecheck"


def build_tree() -> Path:
    shutil.rmtree(TREE, ignore_errors=True)
    package = TREE / "hoidap"
    package.mkdir(parents=True)
    for source in sorted((REPO / "hoidap").glob("*.py")):
        (package / source.name).symlink_to(source)
    for mapped in ("index", "bot"):
        (package / mapped).symlink_to(REPO / mapped, target_is_directory=True)
    return TREE


def main() -> int:
    tree = build_tree()
    mypy = [sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"), "-p", "hoidap",
            *sys.argv[1:]]
    return subprocess.call(mypy, cwd=tree, env={**os.environ, "MYPYPATH": str(tree)})


if __name__ == "__main__":
    sys.exit(main())
