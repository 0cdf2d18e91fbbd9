"""load -> validate -> model -> render -> write.

`generate` renders the whole site source in memory first and only then syncs
it into build/docs, writing just the files whose bytes changed (so a running
`mkdocs serve` rebuilds only what is affected) and removing stale ones. If the
data is invalid it raises DataError before anything is written.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .errors import DataError
from .model import build_catalog
from .project import ProjectPaths
from .render import client, exports, pages, search_index
from .validate import validate_project


@dataclass
class WriteSummary:
    total: int
    changed: int
    removed: int


def collect_static(paths: ProjectPaths) -> dict[str, bytes]:
    """Hand-written pages and front-end assets, copied as they are."""
    files: dict[str, bytes] = {}
    for base, prefix in ((paths.content, ""), (paths.templates / "assets", "assets/")):
        for path in sorted(base.rglob("*")):
            if path.is_file():
                files[prefix + path.relative_to(base).as_posix()] = path.read_bytes()
    return files


def render_site(paths: ProjectPaths, site_url: str | None = None, build_date: str | None = None) -> dict[str, bytes]:
    raw, problems = validate_project(paths)
    if problems:
        raise DataError(problems)
    catalog = build_catalog(raw)
    build_date = build_date or datetime.now(timezone.utc).date().isoformat()
    files = collect_static(paths)
    files.update(pages.render_pages(catalog, paths, site_url=site_url, build_date=build_date))
    files.update(exports.render_exports(catalog, paths, build_date=build_date, site_url=site_url or ""))
    files.update(client.render_client_data(catalog, build_date=build_date))
    files.update(search_index.render_search_index(catalog))
    files.update(pages.render_site_info(catalog, build_date=build_date))
    return files


def sync_tree(files: dict[str, bytes], target: Path) -> WriteSummary:
    changed = 0
    for relative, content in files.items():
        path = target / relative
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(content)
        temporary.replace(path)
        changed += 1
    removed = 0
    if target.exists():
        for path in sorted(target.rglob("*"), reverse=True):
            relative = path.relative_to(target).as_posix()
            if path.is_file() and relative not in files:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return WriteSummary(len(files), changed, removed)


def generate(paths: ProjectPaths, site_url: str | None = None) -> WriteSummary:
    files = render_site(paths, site_url=site_url)
    return sync_tree(files, paths.docs)
