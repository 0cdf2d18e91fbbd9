"""Regenerate build/docs whenever the data, templates or sources change.

`mkdocs serve` regenerates through generator/mkdocs_hooks.py. Zensical runs no
hooks, so `kwaliteitskaders serve --builder zensical` runs this watcher beside
`zensical serve`: it polls the inputs (no extra dependency, no OS-specific
notification API), regenerates on a change and writes only the files whose
bytes changed, which Zensical's own watcher then rebuilds. A broken edit is
logged as `file:line: message` and the last good site stays up.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

from .errors import DataError
from .pipeline import generate
from .project import ProjectPaths

log = logging.getLogger("kwaliteitskaders.watch")
Snapshot = dict[Path, tuple[int, int]]


def watched_dirs(paths: ProjectPaths) -> list[Path]:
    return [paths.normsets, paths.content, paths.templates, paths.sources, paths.schemas]


def snapshot(paths: ProjectPaths) -> Snapshot:
    """Modification time and size of every input file."""
    state: Snapshot = {}
    for directory in watched_dirs(paths):
        for path in directory.rglob("*"):
            if path.is_file():
                stat = path.stat()
                state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def regenerate(paths: ProjectPaths, site_url: str | None = None) -> bool:
    try:
        summary = generate(paths, site_url=site_url)
    except DataError as error:
        log.error("Invalid normsets; the site was not regenerated:\n%s", error)
        return False
    log.info("Regenerated site sources: %d changed, %d removed", summary.changed, summary.removed)
    return True


def watch(paths: ProjectPaths, stop: threading.Event, interval: float = 0.3,
          on_change: Callable[[ProjectPaths], object] = regenerate) -> None:
    """Call `on_change` after each change to an input, until `stop` is set."""
    previous = snapshot(paths)
    while not stop.wait(interval):
        current = snapshot(paths)
        if current != previous:
            previous = current
            on_change(paths)
