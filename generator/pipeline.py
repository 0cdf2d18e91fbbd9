"""load -> validate -> model -> render -> write.

`generate` validates everything first: if the data is invalid it raises
DataError before anything is written. Then it syncs the site source into
build/docs file by file as it is rendered (so it never holds the whole site),
writing just the files whose bytes changed (so a running `mkdocs serve`
rebuilds only what is affected), and finally removes stale ones.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import workers
from .cache import Cache, code_digest, digest, tree_digest
from .errors import DataError
from .model import Catalog, Framework, build_catalog
from .project import ProjectPaths
from .render import client, criterion_size, exports, pages, search_index
from .validate import validate_project


@dataclass
class WriteSummary:
    total: int
    changed: int
    removed: int


def collect_static(paths: ProjectPaths) -> dict[str, bytes]:
    """Hand-written pages and front-end assets, copied as they are but for the stylesheets'
    comments (strip_css_comments)."""
    files: dict[str, bytes] = {}
    for base, prefix in ((paths.content, ""), (paths.templates / "assets", "assets/")):
        for path in sorted(base.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                files[prefix + path.relative_to(base).as_posix()] = strip_css_comments(data) if path.suffix == ".css" else data
    return files


_CSS_COMMENT = re.compile(rb"/\*.*?\*/\n?", re.S)


def strip_css_comments(css: bytes) -> bytes:
    """Our stylesheets explain themselves in comments, close to half their size; every page
    downloads site.css and layout.css, so the site gets them without. None of them has "/*"
    inside a string, which this would cut (tests/test_assets.py checks)."""
    return _CSS_COMMENT.sub(b"", css)


def render_site(paths: ProjectPaths, site_url: str | None = None, build_date: str | None = None,
                cache: Cache | None = None) -> dict[str, bytes]:
    return dict(site_files(paths, site_url, build_date, cache))


@dataclass
class LastRun:
    """What the last `generate` left in build/docs (from its manifest): per framework the cache key
    of the outputs it wrote, and the files whose size and modification time are still as it left
    them. A framework whose key is the same and whose files are all still as they were needs
    neither its outputs read from the cache nor its files compared."""
    keys: dict[str, str]
    unchanged: set[str]


def site_files(paths: ProjectPaths, site_url: str | None = None, build_date: str | None = None,
               cache: Cache | None = None, last: LastRun | None = None,
               keys_used: dict[str, str] | None = None) -> Iterator[tuple[str, bytes | None]]:
    """Every file of the site source as (path under build/docs, bytes), each given as soon as it is
    rendered so the caller need not hold them all. Raises DataError before the first file.
    With `last` (and a cache), a file that build/docs already holds as it must be comes as
    (path, None); `keys_used` is then filled with each framework's cache key, for the next run."""
    raw, problems = validate_project(paths, cache)
    if problems:
        raise DataError(problems)
    catalog = build_catalog(raw)
    framework_digests = raw.framework_digests
    del raw  # the line numbers of every value, needed only for messages
    build_date = build_date or datetime.now(timezone.utc).date().isoformat()
    yield from collect_static(paths).items()
    keys = _render_keys(catalog, framework_digests, paths, site_url, build_date) if cache is not None else {}
    parts: dict[str, dict[str, Any]] = {}
    missing: list[str] = []
    if keys_used is not None:
        keys_used.update(keys)
    for framework in catalog.frameworks:
        key = keys.get(framework.id)
        # An entry is the framework's file names and its parts; its files are a separate entry,
        # read only when build/docs does not hold them as the last run left them.
        cached = cache.get("render", key) if key else None
        if cached is not None and last is not None and last.keys.get(framework.id) == key \
                and all(name in last.unchanged for name in cached[0]) and cache.keep("files", key):
            yield from ((name, None) for name in cached[0])
            parts[framework.id] = cached[1]
            continue
        own = cache.get("files", key) if cached is not None else None
        if own is None:
            missing.append(framework.id)
        else:
            yield from own.items()
            parts[framework.id] = cached[1]
    render = pages.renderer(catalog, paths, site_url, build_date)
    starts = search_index.synonym_starts(catalog)
    step = workers.WORKERS * 4  # shares per kind of work, so both workers stay busy to the end
    tasks: list[tuple[str, Any]] = [("frameworks", missing[start::step]) for start in range(min(step, len(missing)))]
    joined = len(tasks)  # the outputs joined from every framework's parts wait for these
    tasks += [("client", None)] + [("pages", (start, step)) for start in range(step)]
    with workers.pool(len(missing), (catalog, render, site_url or "", build_date, starts)) as executor:
        results = zip(tasks, workers.run(executor, _render_task, tasks))
        for _, result in itertools.islice(results, joined):
            for framework_id, own, framework_parts in result:
                if framework_id in keys:
                    cache.put("files", keys[framework_id], own)
                    cache.put("render", keys[framework_id], (sorted(own), framework_parts))
                parts[framework_id] = framework_parts
                yield from own.items()
        ordered = [parts.pop(framework.id) for framework in catalog.frameworks]
        # Here, while the workers render the other pages.
        yield from search_index.render_search_index(catalog, [part.pop("search") for part in ordered], cache,
                                                    [keys.get(framework.id) for framework in catalog.frameworks]).items()
        yield from pages.render_group_pages(catalog, [part.pop("groups") for part in ordered], render).items()
        yield criterion_size.STYLESHEET_PATH, criterion_size.stylesheet(part.pop("sizes") for part in ordered)
        for _, result in results:
            yield from result.items()
    fingerprints = [part.pop("fingerprint") for part in ordered]
    yield from exports.combined_exports(catalog, paths, build_date, ordered, cache)
    yield from pages.render_version_pages(catalog, build_date, fingerprints, render).items()


def _render_task(task: tuple[str, Any]) -> Any:
    """One share of the rendering, in a worker process or here (generator/workers.py). Each
    framework's own outputs are its page, its downloads and its tool data; its parts are those of
    the combined downloads (exports.render_framework_exports), of the finder index
    (search_index.framework_part), of the element and topic pages (pages.render_groups), of the
    criteria's placeholder heights (criterion_size.framework_steps) and of the data version
    (pages.framework_fingerprint)."""
    catalog, render, site_url, build_date, starts = workers.state()
    kind, argument = task
    if kind == "pages":
        return pages.render_site_pages(catalog, None, site_url, build_date, share=argument, render=render)
    if kind == "client":
        return client.render_client_data(catalog, build_date=build_date, per_framework=False)
    results = []
    for framework_id in argument:
        framework = catalog.framework(framework_id)
        downloads, framework_parts = exports.render_framework_exports(framework, build_date, site_url)
        framework_parts["search"] = search_index.framework_part(framework, catalog, starts)
        framework_parts["groups"] = pages.render_groups(catalog, framework, render)
        framework_parts["fingerprint"] = pages.framework_fingerprint(framework)
        framework_parts["sizes"] = criterion_size.framework_steps(framework.criteria(), catalog)
        own = {**pages.render_framework_pages(catalog, None, site_url, build_date, [framework], render)[framework_id],
               **downloads, **client.render_framework_client_data(framework, catalog, build_date)}
        results.append((framework_id, own, framework_parts))
    return results


def _render_keys(catalog: Catalog, framework_digests: dict[str, str], paths: ProjectPaths, site_url: str | None,
                 build_date: str) -> dict[str, str]:
    """Per framework, the cache key of its own outputs: its normset's digest and its context. The
    context is everything else a framework's outputs can show: the other data files (vocabulary,
    glossaries, segments, overview, comparable groups), the source texts, the templates, the
    generator's code, the build date and site URL, and of other frameworks only what its page
    shows of them: the members of the comparable groups its criteria are in (heading, link and
    framework name). So an edit to one normset re-renders that framework alone."""
    context = digest(code_digest(), tree_digest(paths.templates / "pages", paths.sources),
                     tree_digest(paths.normsets, exclude=paths.frameworks), paths.schemas.joinpath(
                         "normset.schema.json").read_bytes(), site_url or "", build_date)
    return {framework.id: digest(context, framework_digests[framework.id], _comparable_neighbours(framework, catalog))
            for framework in catalog.frameworks if framework.id in framework_digests}


def _comparable_neighbours(framework: Framework, catalog: Catalog) -> str:
    """What a framework's outputs show of other frameworks' criteria: the members of its groups."""
    groups = sorted({g for c in framework.criteria() for g in c.comparable_groups})
    shown = [[group_id, [[c.id, c.number, c.title, c.text, c.url, c.framework.short_title, relation]
                         for c, relation in catalog.comparable_group(group_id).members]] for group_id in groups]
    return json.dumps(shown, ensure_ascii=False)


def sync_tree(files: Iterable[tuple[str, bytes | None]], target: Path) -> WriteSummary:
    """Write each file whose bytes differ from what `target` holds (None: it holds the right ones)
    and remove every other file."""
    changed = 0
    written: set[str] = set()
    for relative, content in files:
        written.add(relative)
        if content is None:
            continue
        path = target / relative
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(content)
        temporary.replace(path)
        changed += 1
    removed = 0
    for relative, path in _files_under(target):
        if relative not in written:
            os.unlink(path)
            removed += 1
    for directory, _, _ in os.walk(target, topdown=False):  # a folder after its subfolders
        if directory != str(target) and not os.listdir(directory):
            os.rmdir(directory)
    return WriteSummary(len(written), changed, removed)


def _files_under(target: Path) -> Iterator[tuple[str, str]]:
    """(path relative to `target` with "/", full path) of every file under it. os.walk, not
    Path.rglob: a build/docs of thousands of files is listed on every generate."""
    prefix = len(str(target)) + 1
    for directory, _, names in os.walk(target):
        for name in names:
            path = os.path.join(directory, name)
            yield path[prefix:].replace(os.sep, "/"), path


def input_digest(paths: ProjectPaths, site_url: str | None, build_date: str) -> str:
    """Everything `generate` reads: when this is unchanged, so is its output."""
    return digest(code_digest(), tree_digest(paths.normsets, paths.content, paths.templates, paths.sources,
                                             paths.schemas), site_url or "", build_date)


def output_state(target: Path) -> dict[str, list[int]]:
    """Size and modification time of every file under `target`."""
    state = {}
    for relative, path in _files_under(target):
        stat = os.stat(path)
        state[relative] = [stat.st_size, stat.st_mtime_ns]
    return state


def generate(paths: ProjectPaths, site_url: str | None = None) -> WriteSummary:
    """Validate, render and sync build/docs. When nothing `generate` reads has changed since the
    last run and build/docs is as that run left it (sizes and modification times), nothing is
    done: `serve` started right after `generate` rebuilds nothing. Otherwise the frameworks whose
    outputs did not change and whose files are as the last run left them are not rewritten or
    even compared (LastRun)."""
    build_date = datetime.now(timezone.utc).date().isoformat()
    inputs = input_digest(paths, site_url, build_date)
    manifest = paths.cache / GENERATED_MANIFEST
    state = output_state(paths.docs)
    last = None
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
        if recorded["inputs"] == inputs and recorded["outputs"] == state:
            return WriteSummary(len(recorded["outputs"]), 0, 0)
        last = LastRun(dict(recorded["keys"]), {name for name, stat in recorded["outputs"].items()
                                                if state.get(name) == stat})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    cache = Cache(paths.cache)
    keys: dict[str, str] = {}
    summary = sync_tree(site_files(paths, site_url=site_url, build_date=build_date, cache=cache, last=last,
                                   keys_used=keys), paths.docs)
    cache.prune()
    try:
        manifest.write_text(json.dumps({"inputs": inputs, "outputs": output_state(paths.docs), "keys": keys}),
                            encoding="utf-8")
    except OSError:
        pass
    return summary


GENERATED_MANIFEST = "generated.json"  # in build/cache: what the last generate read and wrote
