"""`kwaliteitskaders build` rebuilds only the changed pages, and gives the site a clean
build gives (generator/site_build.py).

On a copy of the project, per builder: a first build is clean; after a normset edit the
build re-renders only the changed pages, and every file under build/site equals a clean
build of the same tree. An edit to mkdocs.yml or to a theme override, or a removed
framework, makes the next build clean, and the result again equals a clean build. A
broken link still fails the build, also when it would otherwise be incremental.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.synthetic import make_project
from generator.mkdocs_hooks import THEME_TEMPLATE_CACHE
from tests.conftest import BUILDERS, ROOT
from tests.test_serve import NORMSET, TITLE

SHARED = ["generator", "schema", "sources", "pyproject.toml"]
INCREMENTAL = "only the changed pages"


@pytest.fixture
def project(tmp_path) -> Path:
    for name in SHARED:
        (tmp_path / name).symlink_to(ROOT / name)
    for name in ("normsets", "content", "site_templates"):  # edited below
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def doubled(tmp_path) -> Path:
    """The project with one synthetic copy of every framework, so that one can be removed."""
    make_project(2, tmp_path)
    return tmp_path


def build(project: Path, builder: str, *options: str) -> subprocess.CompletedProcess:
    # A fixed build date for the builders' own dates (MkDocs' sitemap), so two builds compare
    # byte for byte; generate's date is the day's date in both.
    env = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": "1764633600"}
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "build", "--builder", builder,
                           *options], cwd=project, env=env, capture_output=True, text=True, timeout=900)


def built(project: Path, builder: str, *options: str) -> str:
    result = build(project, builder, *options)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def site_files(project: Path) -> dict[str, bytes]:
    site = project / "build" / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_as_clean_build(project: Path, builder: str) -> None:
    incremental = site_files(project)
    # The reference also compiles the theme's templates afresh (generator/mkdocs_hooks.py).
    shutil.rmtree(project / "build" / "cache" / THEME_TEMPLATE_CACHE, ignore_errors=True)
    built(project, builder, "--clean")
    clean = site_files(project)
    assert sorted(incremental) == sorted(clean)
    differing = [name for name in clean if incremental[name] != clean[name]]
    assert not differing, differing


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_normset_edit_rebuilds_only_changed_pages_and_equals_a_clean_build(project, builder):
    assert "clean (no record of a successful build)" in built(project, builder)
    if builder == "mkdocs":  # the next build reads the theme's templates compiled
        assert list((project / "build" / "cache" / THEME_TEMPLATE_CACHE).glob("*.cache"))
    unchanged = project / "build" / "site" / "over" / "privacy" / "index.html"
    before = unchanged.stat().st_mtime_ns
    edit(project / NORMSET, TITLE, TITLE.replace("Midden-Groningen", "Midden-Groningen (bewerkt)"))
    assert INCREMENTAL in built(project, builder)
    page = (project / "build" / "site" / "kaders" / "midden-groningen-wmo" / "index.html").read_text(encoding="utf-8")
    assert "Midden-Groningen (bewerkt)" in page
    if builder == "mkdocs":  # MkDocs' dirty mode leaves an unchanged page's output alone
        assert unchanged.stat().st_mtime_ns == before
    assert_same_as_clean_build(project, builder)


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_change_every_page_depends_on_builds_clean(doubled, builder):
    project = doubled
    built(project, builder)
    assert INCREMENTAL in built(project, builder)

    edit(project / "mkdocs.yml", "site_description: ", "site_description: Bewerkt. ")
    assert "clean (mkdocs.yml or $SITE_URL)" in built(project, builder)
    privacy = project / "build" / "site" / "over" / "privacy" / "index.html"
    assert "Bewerkt. Kwaliteitscriteria" in privacy.read_text(encoding="utf-8")

    edit(project / "site_templates" / "overrides" / "main.html", '<meta name="referrer" content="no-referrer">',
         '<meta name="referrer" content="no-referrer"><meta name="kk-test" content="bewerkt">')
    assert "clean (theme overrides)" in built(project, builder)
    assert '<meta name="kk-test" content="bewerkt">' in privacy.read_text(encoding="utf-8")

    (project / "normsets" / "kaders" / "midden-groningen-wmo-x1.yaml").unlink()  # a copy: no published IDs
    assert "clean (set of pages and files)" in built(project, builder)
    assert (project / "build" / "site" / "kaders" / "midden-groningen-wmo").exists()
    assert not (project / "build" / "site" / "kaders" / "midden-groningen-wmo-x1").exists()
    assert_same_as_clean_build(project, builder)


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_broken_link_fails_the_build_also_when_incremental(project, builder):
    built(project, builder)
    edit(project / "content" / "over" / "privacy" / "index.md", "# Privacyverklaring\n",
         "# Privacyverklaring\n\n[Kapot](../bestaat-niet/index.md)\n")
    result = build(project, builder)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"The {builder} build failed (only the changed pages)" in result.stderr
    # The failed build's pages are not trusted: the next build is clean, and fails again.
    result = build(project, builder)
    assert result.returncode == 1
    assert "clean (no record of a successful build)" in result.stderr
