"""Independent work spread over both cores: a pool of worker processes.

The workers are forked, so they start with the parent's memory (the validator,
the catalog) and a task needs to carry only a few names; only results travel
back, pickled, in the order the tasks were given, so the output does not
depend on which worker finished first. A project below POOL_MIN_FRAMEWORKS
frameworks is small enough that starting workers would cost more than it
saves (measured in BENCHMARKS.md); what counts is the frameworks that need
the work, not those the cache already holds, because forking a large parent
costs more CPU (copy-on-write faults) than a few frameworks' work. A process
with other threads (a dev server) is never forked, since a lock another
thread holds would stay locked in the child: both then run the same
functions in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

POOL_MIN_FRAMEWORKS = 40
WORKERS = 2

_state: Any = None  # what the tasks read; set before the workers fork


def state() -> Any:
    return _state


@contextmanager
def pool(frameworks: int, shared: Any) -> Iterator[Executor | None]:
    """A pool whose workers see `shared` as state(), or None when the work is done here.
    `frameworks` is the number of frameworks that need the work, not those the cache holds."""
    global _state
    _state = shared
    usable = (frameworks >= POOL_MIN_FRAMEWORKS and threading.active_count() == 1 and (os.cpu_count() or 1) > 1
              and "fork" in multiprocessing.get_all_start_methods())
    try:
        if not usable:
            yield None
            return
        with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("fork")) as executor:
            yield executor
    finally:
        _state = None


def run(executor: Executor | None, function: Callable[[Any], Any], tasks: list[Any]) -> Iterator[Any]:
    """function(task) for every task, results in task order, each as soon as it and those before it
    are done (so the caller can write them out while the workers go on)."""
    if executor is None:
        return map(function, tasks)
    return executor.map(function, tasks)
