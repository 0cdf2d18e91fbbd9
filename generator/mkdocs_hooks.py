"""Thin MkDocs adapter for `mkdocs serve` only: regenerate while it runs.

The generator itself never imports MkDocs, and a build needs nothing from
this file: `kwaliteitskaders generate` writes the tree and mkdocs.yml holds
the navigation, so `mkdocs build` and `zensical build` (which runs no hooks)
produce the same site. During `mkdocs serve` this hook regenerates before
each rebuild and watches the data and templates. Only files whose bytes
changed are rewritten, so MkDocs sees just those changes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.errors import DataError
from generator.pipeline import generate
from generator.project import ProjectPaths

log = logging.getLogger("mkdocs.hooks.kwaliteitskaders")
_serving = False


def _paths(config) -> ProjectPaths:
    return ProjectPaths(Path(config.config_file_path).resolve().parent)


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    if _serving:
        # Regenerate before MkDocs reads anything, so every page is current.
        # The same site URL `kwaliteitskaders generate` uses ($SITE_URL), not the one `mkdocs serve`
        # rewrites to its dev address: otherwise serve, started right after generate, rewrote every
        # file that holds a permalink. Unchanged inputs then make this a no-op (pipeline.generate).
        try:
            summary = generate(_paths(config), site_url=os.environ.get("SITE_URL") or None)
        except DataError as error:
            raise PluginError("Invalid normsets; the site was not regenerated:\n" + str(error)) from error
        log.info("Regenerated site sources: %d changed, %d removed", summary.changed, summary.removed)
    return config


def on_serve(server, config, builder):
    paths = _paths(config)
    for watched in (paths.normsets, paths.content, paths.templates, paths.sources, paths.schemas):
        server.watch(str(watched))
    return server
