"""`kwaliteitskaders build`: generate, then build build/site with MkDocs or Zensical,
re-rendering only the pages whose source changed whenever that gives the site a clean
build would give.

Both builders can skip unchanged pages: MkDocs' dirty mode renders only the pages whose
source is newer than their output (`generate` rewrites only the files whose bytes changed,
so modification times tell), Zensical keeps a build cache. Neither notices what every page
depends on: mkdocs.yml (navigation, theme, extensions, the site URL it reads from
$SITE_URL), the theme overrides, the installed packages (builder, theme, Markdown), this
generator's code, and the set of pages (a page added or removed changes the navigation,
the links that may point to it, and leaves a stale output behind). So after each
successful build the state of all of these, and the size and modification time of every
file the build left in build/site, are recorded in build/cache/site-build.json; the next
build skips unchanged pages only when every one of them still matches, and otherwise
builds clean. The record is removed before a build starts, so a failed or interrupted
build (whose pages may already be written) is followed by a clean one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from .cache import code_digest, digest, tree_digest
from .pipeline import generate, output_state
from .project import ProjectPaths

SITE_BUILD_RECORD = "site-build.json"  # in build/cache: what the last successful site build saw


def shared_inputs(paths: ProjectPaths, builder: str) -> dict[str, str]:
    """Digests of what every page's output depends on besides its own source, by name (the
    names are the reasons a build is clean). `serve` with MkDocs uses the same test."""
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    pages = sorted(output_state(paths.docs))
    return {
        "builder": builder,
        "mkdocs.yml or $SITE_URL": digest(paths.config.read_bytes(), os.environ.get("SITE_URL", "")),
        "theme overrides": tree_digest(paths.overrides),
        "installed packages": digest(*packages),
        "generator code": code_digest(),
        "set of pages and files": digest(*pages),
    }


def clean_reasons(paths: ProjectPaths, inputs: dict[str, str]) -> list[str]:
    """Why the next build must be clean, given today's `shared_inputs`; empty when only
    changed pages need rebuilding."""
    try:
        last = json.loads((paths.cache / SITE_BUILD_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ["no record of a successful build"]
    if not isinstance(last, dict) or not isinstance(last.get("inputs"), dict):
        return ["no record of a successful build"]
    reasons = [name for name, value in inputs.items() if last["inputs"].get(name) != value]
    if last.get("site") != output_state(paths.site):
        reasons.append("build/site changed since")
    return reasons


def builder_command(paths: ProjectPaths, builder: str, clean: bool) -> list[str]:
    if builder == "zensical":
        command = [str(Path(sys.executable).with_name("zensical")), "build", "--strict", "-f", str(paths.config)]
        return command + ["--clean"] if clean else command
    # MkDocs through our adapter: `mkdocs build --strict` that drops the dirty-build notice only.
    return [sys.executable, "-m", "generator.mkdocs_build", "build", "--strict", "--clean" if clean else "--dirty",
            "-f", str(paths.config)]


def build_site(paths: ProjectPaths, builder: str, site_url: str | None = None,
               force_clean: bool = False) -> tuple[int, list[str]]:
    """Generate, then build; returns the builder's exit status and why the build was clean
    (empty: only changed pages were rebuilt). Raises DataError when the data is invalid."""
    generate(paths, site_url=site_url)
    # Taken once, before the build: what the builder read (the builder changes none of it).
    inputs = shared_inputs(paths, builder)
    reasons = ["--clean"] if force_clean else clean_reasons(paths, inputs)
    record = paths.cache / SITE_BUILD_RECORD
    record.unlink(missing_ok=True)
    if reasons:
        # Zensical's --clean clears its cache, not the output folder; MkDocs clears it as well.
        shutil.rmtree(paths.site, ignore_errors=True)
    # Never MkDocs' --quiet: it raises the log level above WARNING, so strict mode counts no warnings.
    status = subprocess.run(builder_command(paths, builder, clean=bool(reasons)), cwd=paths.root).returncode
    if status == 0:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"inputs": inputs, "site": output_state(paths.site)}),
                          encoding="utf-8")
    return status, reasons
