"""The synthetic scale project (benchmarks/synthetic.py) stays valid and brings new words per copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic import distinct_words, make_project
from generator.project import ProjectPaths
from generator.validate import validate_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("synthetic3")
    make_project(3, target)
    return target


def test_synthetic_project_passes_every_check(project: Path) -> None:
    raw, problems = validate_project(ProjectPaths(project))
    assert problems == []
    kaders = sorted(p.stem for p in (project / "normsets" / "kaders").glob("*.yaml"))
    originals = [name for name in kaders if not name.endswith(("-x1", "-x2"))]
    assert len(kaders) == 3 * len(originals)
    for copy in (1, 2):
        assert (project / "sources" / f"movisie-15-kwaliteitskaders-x{copy}.txt").is_file()


def test_each_copy_brings_its_own_words(project: Path) -> None:
    words = distinct_words(project / "normsets" / "kaders")
    originals = {name: w for name, w in words.items() if not name.endswith(("-x1", "-x2"))}
    real = set().union(*originals.values())
    copy = {k: set().union(*(words[f"{name}-x{k}"] for name in originals)) for k in (1, 2)}
    new = {k: copy[k] - real for k in copy}
    for k in (1, 2):
        # about a fifth of the distinct words is new in each copy, the rest is shared
        assert 0.12 * len(real) < len(new[k]) < 0.3 * len(real)
        assert len(copy[k] & real) > 0.6 * len(real)
    assert len(new[1] & new[2]) < 0.05 * len(new[1])


def test_the_same_seed_makes_the_same_project(project: Path, tmp_path: Path) -> None:
    make_project(2, tmp_path)
    name = "normsets/kaders/groningen-mo-vo-x1.yaml"
    assert (tmp_path / name).read_bytes() == (project / name).read_bytes()
    assert (tmp_path / "sources/furniture.yaml").read_text(encoding="utf-8").count("-x1.txt:") == 5
