"""Issue 11, item 18 (the CLI and README parts): a file name with a newline broke the `docs list`
table, and the README said an empty ADMIN_USERS lets everyone administer the bot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clirun import hoidap
from hoidap.bot.access import Access

from hoidap.settings import Settings

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow  # real processes
def test_docs_list_keeps_one_line_per_document_whatever_the_file_name(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    names = ["hai\ndòng.txt", "tab\there.txt", "evil\u202etxt.exe.txt", "bình thường.txt"]
    for n, name in enumerate(names):
        (corpus / name).write_text(f"Tài liệu số {n} về chủ đề {n}: kinh tế, xã hội.", encoding="utf-8")
    assert hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index)).returncode == 0
    listed = hoidap(tmp_path, "docs", "list", "--index", str(index))
    assert listed.returncode == 0, listed.stderr
    header, *rows = listed.stdout.splitlines()
    assert len(rows) == len(names)
    shown = {row.split("  ")[0].strip() for row in rows}
    assert {"hai\\ndòng.txt", "tab\\there.txt", "evil\\u202etxt.exe.txt", "bình thường.txt"} <= shown
    assert all(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", row) for row in rows)  # every row complete


def test_readme_says_an_empty_admin_list_means_nobody():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([A-Z_`, ]+)` \| ([^|]+) \|", readme, re.M)}
    admin_row = next(default for names, default in rows.items() if "ADMIN_USERS" in names)
    assert "nobody" in admin_row and "everyone" not in admin_row
    users_row = next(default for names, default in rows.items() if names.startswith("ALLOWED_USERS"))
    assert "everyone" in users_row
    # …which is what the code does:
    access = Access.from_settings(Settings.from_env({}, dotenv=None))
    assert access.open and access.allowed(1, 1) and not access.is_admin(1)
