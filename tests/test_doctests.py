"""Every module's doctests (the runnable examples in docstrings) run as part of the suite.

Modules are imported by their package names (``hoidap.index.pipeline``), never by file path, so the
examples test the same objects the application uses. Examples that load the real model are slow.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

# Modules whose examples build an index with the real bundled model.
REAL_MODEL = {"hoidap.index.pipeline", "hoidap.index.builder", "hoidap.index.embedder"}


def _modules() -> list[str]:
    """All modules of the three packages (walked one by one: `index/` and `bot/` are mapped into
    the namespace by the installer, so walking `hoidap/` alone does not see them)."""
    names = []
    for package in ("hoidap", "hoidap.index", "hoidap.bot"):
        names.append(package)
        path = importlib.import_module(package).__path__
        names += [info.name for info in pkgutil.iter_modules(path, package + ".")]
    return sorted(names)


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=pytest.mark.slow) if n in REAL_MODEL else n for n in _modules()]
)
def test_module_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
