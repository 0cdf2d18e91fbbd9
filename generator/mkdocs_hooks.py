"""Thin MkDocs adapter for `mkdocs serve` (and dirty builds): regenerate while it runs.

The generator itself never imports MkDocs, and a build needs nothing from
this file: `kwaliteitskaders generate` writes the tree and mkdocs.yml holds
the navigation, so `mkdocs build` and `zensical build` (which runs no hooks)
produce the same site. During `mkdocs serve` this hook regenerates before
each rebuild and watches the data and templates. Only files whose bytes
changed are rewritten, so MkDocs sees just those changes.

`kwaliteitskaders serve` runs `mkdocs serve --dirty`, which re-renders only the
pages whose source is newer than their output. That is exact only while
nothing every page depends on has changed (generator/site_build.py,
`shared_inputs`: mkdocs.yml, overrides, packages, the set of pages); when
something has, or the last build failed, this hook empties the output folder
first, so the dirty build renders every page, as a clean one would. The same
happens in any dirty build when anchor validation is a warning, because a
dirty build checks anchors only in the pages it re-reads.

Every MkDocs build loads this file, also the one `kwaliteitskaders build` runs
in a child process after generating: so the generator is imported only when
serving, and the theme's compiled templates are kept under
build/cache/theme-templates (`on_env`), which makes that child about a third
cheaper after a one-line edit (BENCHMARKS.md).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import clean_directory

from generator.cache import compiled_templates
from generator.mkdocs_build import drop_dirty_notice
from generator.project import ProjectPaths

THEME_TEMPLATE_CACHE = "theme-templates"  # in build/cache; Jinja checks each file against its template

log = logging.getLogger("mkdocs.hooks.kwaliteitskaders")
_serving = False
_dirty = False
# serve --dirty: the shared inputs of the last successful build (None: build everything next),
# and those of the build under way.
_built: dict[str, str] | None = None
_building: dict[str, str] | None = None


def _paths(config) -> ProjectPaths:
    return ProjectPaths(Path(config.config_file_path).resolve().parent)


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = dirty
    if _serving and dirty:
        drop_dirty_notice()  # exact by the rule above, so not worth a warning that would abort strict mode


def on_config(config):
    global _building
    paths = _paths(config)
    if _serving:
        # Regenerate before MkDocs reads anything, so every page is current.
        # The same site URL `kwaliteitskaders generate` uses ($SITE_URL), not the one `mkdocs serve`
        # rewrites to its dev address: otherwise serve, started right after generate, rewrote every
        # file that holds a permalink. Unchanged inputs then make this a no-op (pipeline.generate).
        from generator.errors import DataError
        from generator.pipeline import generate

        try:
            summary = generate(paths, site_url=os.environ.get("SITE_URL") or None)
        except DataError as error:
            raise PluginError("Invalid normsets; the site was not regenerated:\n" + str(error)) from error
        log.info("Regenerated site sources: %d changed, %d removed", summary.changed, summary.removed)
    if _dirty:
        anchors_checked = config.validation.links.anchors >= logging.WARNING
        if _serving:
            from generator.site_build import shared_inputs

            _building = shared_inputs(paths, "mkdocs")
        if anchors_checked or (_serving and _building != _built):
            log.info("Rebuilding every page")
            clean_directory(config.site_dir)
    return config


def on_env(env, config, files):
    # Compiling Material's templates was a sixth of a build after a one-line edit.
    env.bytecode_cache = compiled_templates(_paths(config).cache / THEME_TEMPLATE_CACHE)
    return env


def on_post_build(config) -> None:
    global _built
    if _serving:
        _built = _building


def on_build_error(error) -> None:
    # Also called after on_post_build when strict mode aborts: pages of a failed build may
    # already be written, and a dirty build would not re-read (nor re-check) them.
    global _built
    _built = None


def on_serve(server, config, builder):
    paths = _paths(config)
    # build/docs is written only by the generate in on_config, inside the build that then reads it;
    # watching it too started a second rebuild after every edit, and the server holds every request
    # until a rebuild is done. The inputs of generate are watched instead.
    server.unwatch(config.docs_dir)
    for watched in (paths.normsets, paths.content, paths.templates, paths.sources, paths.schemas):
        server.watch(str(watched))
    return server
