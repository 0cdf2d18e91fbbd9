"""Thin MkDocs adapter: the site navigation, and regeneration while `mkdocs serve` runs.

The generator itself never imports MkDocs. For `mkdocs build` the tree is
generated beforehand (`kwaliteitskaders generate`); this hook only hands the
generated navigation (.nav.json) to MkDocs. During `mkdocs serve` it also
watches the data and templates and regenerates before each rebuild. Only
files whose bytes changed are rewritten, so MkDocs sees just those changes.
Zensical ignores this file; it builds the tree as generated (with its own
alphabetical navigation).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.errors import DataError
from generator.pipeline import generate
from generator.project import ProjectPaths

log = logging.getLogger("mkdocs.hooks.kwaliteitskaders")
NAVIGATION_FILE = ".nav.json"  # written by generator/render/navigation.py
_serving = False


def _paths(config) -> ProjectPaths:
    return ProjectPaths(Path(config.config_file_path).resolve().parent)


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    paths = _paths(config)
    if _serving:
        # Regenerate before MkDocs reads anything, so navigation and pages are current.
        try:
            summary = generate(paths, site_url=config.site_url)
        except DataError as error:
            raise PluginError("Invalid normsets; the site was not regenerated:\n" + str(error)) from error
        log.info("Regenerated site sources: %d changed, %d removed", summary.changed, summary.removed)
    # `mkdocs build` uses the tree that `kwaliteitskaders generate` wrote, navigation included.
    navigation_file = Path(config.docs_dir) / NAVIGATION_FILE
    if navigation_file.is_file():
        config.nav = json.loads(navigation_file.read_text(encoding="utf-8"))
    return config


def on_serve(server, config, builder):
    paths = _paths(config)
    for watched in (paths.normsets, paths.content, paths.templates, paths.sources, paths.schemas):
        server.watch(str(watched))
    return server
