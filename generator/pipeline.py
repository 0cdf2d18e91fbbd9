"""load -> validate -> model -> render -> write.

`generate` renders the whole site source in memory first and only then syncs
it into build/docs, writing just the files whose bytes changed (so a running
`mkdocs serve` rebuilds only what is affected) and removing stale ones. If the
data is invalid it raises DataError before anything is written.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .cache import Cache, code_digest, digest, tree_digest
from .errors import DataError
from .model import Catalog, Framework, build_catalog
from .project import ProjectPaths
from .render import client, exports, pages, search_index
from .validate import RawData, validate_project


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


def render_site(paths: ProjectPaths, site_url: str | None = None, build_date: str | None = None,
                cache: Cache | None = None) -> dict[str, bytes]:
    raw, problems = validate_project(paths, cache)
    if problems:
        raise DataError(problems)
    catalog = build_catalog(raw)
    build_date = build_date or datetime.now(timezone.utc).date().isoformat()
    files = collect_static(paths)
    own, parts = render_frameworks(catalog, raw, paths, site_url, build_date, cache)
    files.update(own)
    files.update(pages.render_site_pages(catalog, paths, site_url=site_url, build_date=build_date))
    files.update(exports.render_exports(catalog, paths, build_date=build_date, site_url=site_url or "", parts=parts))
    files.update(client.render_client_data(catalog, build_date=build_date, per_framework=False))
    files.update(search_index.render_search_index(catalog))
    files.update(pages.render_site_info(catalog, build_date=build_date))
    return files


def render_frameworks(catalog: Catalog, raw: RawData, paths: ProjectPaths, site_url: str | None, build_date: str,
                      cache: Cache | None) -> tuple[dict[str, bytes], dict[str, dict[str, Any]]]:
    """Each framework's own outputs: its page, its downloads and its tool data, and per framework
    its parts of the combined downloads (exports.render_framework_exports). With a cache, a
    framework whose normset and whose context are unchanged reuses its last outputs. The context
    is everything else a framework's outputs can show: the other data files (vocabulary,
    glossaries, segments, overview, comparable groups), the source texts, the templates, the
    generator's code, the build date and site URL, and of other frameworks only what its page
    shows of them: the members of the comparable groups its criteria are in (heading, link and
    framework name). So an edit to one normset re-renders that framework alone."""
    keys: dict[str, str] = {}
    if cache is not None:
        context = digest(code_digest(), tree_digest(paths.templates / "pages", paths.sources),
                         tree_digest(paths.normsets, exclude=paths.frameworks), paths.schemas.joinpath(
                             "normset.schema.json").read_bytes(), site_url or "", build_date)
        for framework in catalog.frameworks:
            if framework.id in raw.framework_digests:
                keys[framework.id] = digest(context, raw.framework_digests[framework.id],
                                            _comparable_neighbours(framework, catalog))
    files: dict[str, bytes] = {}
    parts: dict[str, dict[str, Any]] = {}
    missing: list[Framework] = []
    for framework in catalog.frameworks:
        cached = cache.get("render", keys[framework.id]) if framework.id in keys else None
        if cached is None:
            missing.append(framework)
        else:
            files.update(cached[0])
            parts[framework.id] = cached[1]
    framework_pages = pages.render_framework_pages(catalog, paths, site_url, build_date, missing) if missing else {}
    for framework in missing:
        downloads, parts[framework.id] = exports.render_framework_exports(framework, build_date, site_url or "")
        own = {**framework_pages[framework.id], **downloads, **client.render_framework_client_data(framework, build_date)}
        if framework.id in keys:
            cache.put("render", keys[framework.id], (own, parts[framework.id]))
        files.update(own)
    return files, parts


def _comparable_neighbours(framework: Framework, catalog: Catalog) -> str:
    """What a framework's outputs show of other frameworks' criteria: the members of its groups."""
    groups = sorted({g for c in framework.criteria() for g in c.comparable_groups})
    shown = [[group_id, [[c.id, c.number, c.title, c.text, c.url, c.framework.short_title, relation]
                         for c, relation in catalog.comparable_group(group_id).members]] for group_id in groups]
    return json.dumps(shown, ensure_ascii=False)


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


def input_digest(paths: ProjectPaths, site_url: str | None, build_date: str) -> str:
    """Everything `generate` reads: when this is unchanged, so is its output."""
    return digest(code_digest(), tree_digest(paths.normsets, paths.content, paths.templates, paths.sources,
                                             paths.schemas), site_url or "", build_date)


def _output_state(target: Path) -> dict[str, list[int]]:
    state = {}
    if target.exists():
        for path in target.rglob("*"):
            if path.is_file():
                stat = path.stat()
                state[path.relative_to(target).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return state


def generate(paths: ProjectPaths, site_url: str | None = None) -> WriteSummary:
    """Validate, render and sync build/docs. When nothing `generate` reads has changed since the
    last run and build/docs is as that run left it (sizes and modification times), nothing is
    done: `serve` started right after `generate` rebuilds nothing."""
    build_date = datetime.now(timezone.utc).date().isoformat()
    inputs = input_digest(paths, site_url, build_date)
    manifest = paths.cache / GENERATED_MANIFEST
    try:
        last = json.loads(manifest.read_text(encoding="utf-8"))
        if last["inputs"] == inputs and last["outputs"] == _output_state(paths.docs):
            return WriteSummary(len(last["outputs"]), 0, 0)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    cache = Cache(paths.cache)
    files = render_site(paths, site_url=site_url, build_date=build_date, cache=cache)
    summary = sync_tree(files, paths.docs)
    cache.prune()
    try:
        manifest.write_text(json.dumps({"inputs": inputs, "outputs": _output_state(paths.docs)}), encoding="utf-8")
    except OSError:
        pass
    return summary


GENERATED_MANIFEST = "generated.json"  # in build/cache: what the last generate read and wrote
