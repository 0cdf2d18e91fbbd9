"""`generate` is reproducible: the same data and build date give the same bytes,
so a regeneration (e.g. under `mkdocs serve`) rewrites only what changed."""

from __future__ import annotations

import time

from generator.pipeline import render_site
from generator.project import ProjectPaths
from tests.conftest import ROOT


def test_same_data_gives_the_same_files():
    first = render_site(ProjectPaths(ROOT), build_date="2026-01-02")
    time.sleep(2.1)  # zip entries carry two-second timestamps
    second = render_site(ProjectPaths(ROOT), build_date="2026-01-02")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
