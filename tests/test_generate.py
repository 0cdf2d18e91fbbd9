"""`generate` is reproducible: the same data and build date give the same bytes,
so a regeneration (e.g. under `mkdocs serve`) rewrites only what changed; and
the build cache (generator/cache.py) never changes a byte of the output: a
cold build, a warm build, a warm build after an edit and a build over a
corrupted cache all give what a build without any cache gives."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from generator.cache import Cache
from generator.errors import DataError
from generator.pipeline import render_site
from generator.project import ProjectPaths
from tests.conftest import ROOT

DATE = "2026-01-02"


def test_same_data_gives_the_same_files():
    first = render_site(ProjectPaths(ROOT), build_date=DATE)
    time.sleep(2.1)  # zip entries carry two-second timestamps
    second = render_site(ProjectPaths(ROOT), build_date=DATE)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def differing(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(set(first) ^ set(second)) + sorted(n for n in first.keys() & second.keys() if first[n] != second[n])


@pytest.fixture
def project(tmp_path) -> ProjectPaths:
    for name in ["schema", "sources", "content", "site_templates"]:
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "normsets", tmp_path / "normsets")
    return ProjectPaths(tmp_path)


def test_cold_and_warm_builds_give_the_same_bytes(project, tmp_path):
    uncached = render_site(project, build_date=DATE)
    cache = Cache(tmp_path / "cache")
    cold = render_site(project, build_date=DATE, cache=cache)
    assert cache.hits == 0 and cache.misses > 0
    warm_cache = Cache(tmp_path / "cache")
    warm = render_site(project, build_date=DATE, cache=warm_cache)
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert warm_cache.misses == 0 and warm_cache.hits == len(entries)
    assert differing(uncached, cold) == [] and differing(cold, warm) == []
    # kaders.json is joined from per-framework parts: exactly what one json.dumps would write.
    combined = cold["data/kaders.json"]
    assert json.dumps(json.loads(combined), ensure_ascii=False, indent=1).encode("utf-8") == combined

    # An edit another framework's page shows (a member of a comparable group: its framework's short
    # title) changes that page in a warm build exactly as in a build without cache.
    from generator.model import build_catalog
    from generator.validate import validate_project

    catalog = build_catalog(validate_project(project)[0])
    group = catalog.comparable[0]
    edited, _ = group.members[0]
    other = next(c for c, _ in group.members if c.framework.id != edited.framework.id)
    path = project.frameworks / f"{edited.framework.id}.yaml"
    text = path.read_text(encoding="utf-8")
    new_text, count = re.subn(r"^(  short_title: )(.*)$", r"\1\2 (bewerkt)", text, count=1, flags=re.M)
    assert count == 1
    path.write_text(new_text, encoding="utf-8")
    edited_uncached = render_site(project, build_date=DATE)
    edited_warm = render_site(project, build_date=DATE, cache=Cache(tmp_path / "cache"))
    other_page = f"kaders/{other.framework.id}/index.md"
    assert other_page in differing(warm, edited_uncached)
    assert differing(edited_uncached, edited_warm) == []

    # A corrupt entry is ignored (and rebuilt), never trusted.
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert entries
    for number, entry in enumerate(entries):
        blob = entry.read_bytes()
        entry.write_bytes(blob[: len(blob) // 2] if number % 2 else blob[:32] + b"\x80garbage" + blob[40:])
    corrupt_cache = Cache(tmp_path / "cache")
    rebuilt = render_site(project, build_date=DATE, cache=corrupt_cache)
    assert corrupt_cache.hits == 0 and differing(edited_uncached, rebuilt) == []


def test_warm_builds_after_edits_across_frameworks_and_a_removed_framework_give_the_same_bytes(tmp_path):
    """Outputs joined from cached per-framework parts (finder index, element and topic pages,
    combined downloads) equal a build without cache after an edit to a criterion's topics, to a
    comparable group, and after a framework is removed (the parts after it move up)."""
    from benchmarks.synthetic import make_project

    make_project(2, tmp_path)  # a synthetic copy of every framework, so that one can be removed
    project = ProjectPaths(tmp_path)
    render_site(project, build_date=DATE, cache=Cache(tmp_path / "cache"))
    normset = project.frameworks / "midden-groningen-wmo.yaml"
    text = normset.read_text(encoding="utf-8")
    assert "        tags: [veiligheid, incidenten]\n" in text
    normset.write_text(text.replace("        tags: [veiligheid, incidenten]\n", "        tags: [veiligheid]\n", 1),
                       encoding="utf-8")
    comparable = project.normsets / "comparable.yaml"
    comparable.write_text(comparable.read_text(encoding="utf-8").replace(
        "label: Een klachtenprocedure met", "label: Een klachtregeling met", 1), encoding="utf-8")
    uncached = render_site(project, build_date=DATE)
    warm = render_site(project, build_date=DATE, cache=Cache(tmp_path / "cache"))
    assert differing(uncached, warm) == []
    assert b"Een klachtregeling met" in uncached["kaders/midden-groningen-wmo/index.md"]

    removed = sorted(project.frameworks.glob("*-x1.yaml"))[0]
    removed.unlink()
    uncached = render_site(project, build_date=DATE)
    warm = render_site(project, build_date=DATE, cache=Cache(tmp_path / "cache"))
    assert f"kaders/{removed.stem}/index.md" not in uncached
    assert differing(uncached, warm) == []


def test_a_cached_normset_still_reports_its_problems(project, tmp_path):
    path = project.frameworks / "midden-groningen-wmo.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, text in enumerate(lines) if text.startswith("  status: "))
    lines[line] = "  status: onbekende-status\n"
    path.write_text("".join(lines), encoding="utf-8")
    reports = []
    for _ in range(2):  # cold, then from the cache
        with pytest.raises(DataError) as error:
            render_site(project, build_date=DATE, cache=Cache(tmp_path / "cache"))
        reports.append([str(p) for p in error.value.problems])
    assert reports[0] == reports[1]
    assert f"normsets/kaders/midden-groningen-wmo.yaml:{line + 1}: unknown status 'onbekende-status'" in reports[0][0]


def test_a_problem_across_files_is_reported_at_its_line_from_cached_files_too(project, tmp_path):
    # A copy of a normset under another framework ID repeats every criterion ID: the check across
    # files reports them at their lines, which a cached file must find again (loader.LoadedFile).
    original = project.frameworks / "midden-groningen-wmo.yaml"
    text = original.read_text(encoding="utf-8")
    copy = text.replace("  id: midden-groningen-wmo\n", "  id: midden-groningen-kopie\n", 1)
    assert copy != text
    (project.frameworks / "midden-groningen-kopie.yaml").write_text(copy, encoding="utf-8")
    reports = []
    for _ in range(2):  # cold, then every file from the cache
        with pytest.raises(DataError) as error:
            render_site(project, build_date=DATE, cache=Cache(tmp_path / "cache"))
        reports.append([str(p) for p in error.value.problems])
    assert reports[0] == reports[1]
    duplicate = next(p for p in reports[1] if "mg-vei-01" in p)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "id: mg-vei-01" in row)
    assert f".yaml:{line}:" in duplicate


def test_generate_does_nothing_when_nothing_it_reads_changed(project, monkeypatch):
    """`serve` started right after `generate` finds build/docs current and renders nothing."""
    from generator import pipeline

    first = pipeline.generate(project)
    assert first.changed == first.total > 100
    rendered = []
    real_render = pipeline.site_files
    monkeypatch.setattr(pipeline, "site_files", lambda *a, **k: rendered.append(1) or real_render(*a, **k))
    again = pipeline.generate(project)
    assert (again.total, again.changed, rendered) == (first.total, 0, [])
    page = project.docs / "kaders" / "midden-groningen-wmo" / "index.md"
    page.write_text("stale", encoding="utf-8")  # build/docs no longer as generate left it
    repaired = pipeline.generate(project)
    assert (repaired.changed, len(rendered)) == (1, 1) and page.read_text(encoding="utf-8") != "stale"
    normset = project.frameworks / "midden-groningen-wmo.yaml"
    normset.write_text(normset.read_text(encoding="utf-8").replace(
        "title: Wmo kwaliteitskader gemeente Midden-Groningen\n", "title: Wmo kwaliteitskader Midden-Groningen (bewerkt)\n"),
        encoding="utf-8")
    read = []
    real_get = Cache.get
    monkeypatch.setattr(Cache, "get", lambda self, namespace, key: read.append(namespace) or real_get(self, namespace, key))
    edited = pipeline.generate(project)
    assert len(rendered) == 2 and edited.changed >= 1 and "(bewerkt)" in page.read_text(encoding="utf-8")
    # The unchanged frameworks' files were neither read from the cache nor compared (they are as the
    # last run left them), and build/docs is still exactly what a build without cache gives.
    assert "render" in read and "files" not in read
    docs = {p.relative_to(project.docs).as_posix(): p.read_bytes() for p in project.docs.rglob("*") if p.is_file()}
    assert differing(render_site(project), docs) == []


def _render_with_pool(root: Path, cache_dir: Path, pool_min: int) -> tuple[list[bool], dict[str, bytes] | list[str]]:
    """render_site with the worker pool on from `pool_min` frameworks to work on, in a fresh process:
    (per workers.run call, whether it used the pool; the files, or the reported problems)."""
    from generator import workers

    workers.POOL_MIN_FRAMEWORKS = pool_min
    pooled_runs: list[bool] = []
    real_run = workers.run
    workers.run = lambda executor, *a: pooled_runs.append(executor is not None) or real_run(executor, *a)
    try:
        return pooled_runs, render_site(ProjectPaths(root), build_date=DATE, cache=Cache(cache_dir))
    except DataError as error:
        return pooled_runs, [str(problem) for problem in error.problems]


def render_with_pool(project: ProjectPaths, cache_dir: Path,
                     pool_min: int = 1) -> tuple[list[bool], dict[str, bytes] | list[str]]:
    """The pool is never forked from a process with other threads (generator/workers.py), and a test
    process may run servers in threads (tests/conftest.py), so this runs in a spawned process that
    has only its main thread, as the command line has."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as executor:
        return executor.submit(_render_with_pool, project.root, cache_dir, pool_min).result()


def test_the_worker_pool_gives_the_same_files_and_reports_every_broken_file(project, tmp_path):
    """Normsets are checked and frameworks rendered in two worker processes (generator/workers.py)
    on a large project; here the real one is made to count as large."""
    serial = render_site(project, build_date=DATE)
    pooled_runs, pooled = render_with_pool(project, tmp_path / "cache")
    assert pooled_runs == [True, True]  # validation, then rendering
    assert differing(serial, pooled) == []

    expected = []
    for path in sorted(project.frameworks.glob("*.yaml"))[:3]:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        line = next(i for i, text in enumerate(lines) if text.startswith("  status: "))
        lines[line] = "  status: onbekende-status\n"
        path.write_text("".join(lines), encoding="utf-8")
        expected.append(f"{project.display(path)}:{line + 1}: unknown status 'onbekende-status'")
    pooled_runs, reported = render_with_pool(project, tmp_path / "cache")
    assert pooled_runs == [True] and isinstance(reported, list)  # refused after validation, nothing rendered
    assert all(any(problem.startswith(message) for problem in reported) for message in expected), reported


def test_a_build_that_renders_few_frameworks_forks_no_workers(project, tmp_path):
    """Forking a large parent costs more CPU than the work of a framework or two, so after one edit
    the cache holds every other framework and the few left are checked and rendered here."""
    pooled_runs, _ = render_with_pool(project, tmp_path / "cache", pool_min=2)
    assert pooled_runs == [True, True]  # cold: every framework needs checking and rendering
    normset = project.frameworks / "midden-groningen-wmo.yaml"
    normset.write_text(normset.read_text(encoding="utf-8").replace(
        "title: Wmo kwaliteitskader gemeente Midden-Groningen\n", "title: Wmo kwaliteitskader Midden-Groningen (bewerkt)\n"),
        encoding="utf-8")
    pooled_runs, edited = render_with_pool(project, tmp_path / "cache", pool_min=2)
    assert pooled_runs == [False, False]
    assert differing(render_site(project, build_date=DATE), edited) == []
