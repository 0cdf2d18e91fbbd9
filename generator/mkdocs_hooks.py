"""Thin MkDocs adapter: regenerate the Markdown tree while `mkdocs serve` runs.

The generator itself never imports MkDocs. For `mkdocs build` the tree is
generated beforehand (`kwaliteitskaders generate`); during `mkdocs serve` this
hook watches the data and templates and regenerates before each rebuild. Only
files whose bytes changed are rewritten, so MkDocs sees just those changes.
Zensical ignores this file; it builds the tree as generated.
"""

from __future__ import annotations

import logging
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


def on_pre_build(config) -> None:
    if not _serving:
        return  # `mkdocs build` builds the tree that `kwaliteitskaders generate` wrote
    try:
        summary = generate(_paths(config), site_url=config.site_url)
    except DataError as error:
        raise PluginError("Invalid normsets; the site was not regenerated:\n" + str(error)) from error
    log.info("Regenerated site sources: %d changed, %d removed", summary.changed, summary.removed)


def on_serve(server, config, builder):
    paths = _paths(config)
    for watched in (paths.normsets, paths.content, paths.templates, paths.sources, paths.schemas):
        server.watch(str(watched))
    return server
