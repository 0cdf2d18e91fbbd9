"""Fixtures shared by the build and browser tests."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(os.environ.get("KK_ROOT") or Path(__file__).resolve().parent.parent)


# Every test that uses the built site runs against both builders: MkDocs with
# Material, and Zensical, its successor, which reads the same mkdocs.yml.
# KK_BUILDERS=mkdocs (or zensical) limits a local run to one of them.
BUILDERS = [b for b in os.environ.get("KK_BUILDERS", "mkdocs,zensical").split(",") if b]


def mkdocs_config() -> dict:
    """mkdocs.yml as data, for tests that check what it configures (`!ENV` values read as None)."""
    loader = type("ConfigLoader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda load, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)


def build_site(builder: str, output: Path) -> None:
    """Generate the tree and build it with `builder` into `output`."""
    # Without SITE_URL the site is built for the sub-path the browser tests serve it under.
    env = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, "NO_MKDOCS_2_WARNING": "1"}
    bin_dir = Path(sys.executable).parent
    lock_path = ROOT / "build" / ".test-build.lock"
    lock_path.parent.mkdir(exist_ok=True)
    # Test runs that share a checkout take turns: build/docs and build/site are one tree each.
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=ROOT, check=True, env=env)
        if builder == "mkdocs":
            # Not --quiet: it raises MkDocs' log level above WARNING, so --strict would count no warning.
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(output)],
                                    cwd=ROOT, env=env, capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr
            return
        # Zensical has no output-directory option: it builds into site_dir (build/site), which we copy.
        result = subprocess.run([str(bin_dir / "zensical"), "build", "--clean", "--strict", "-f", "mkdocs.yml"], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
        shutil.copytree(ROOT / "build" / "site", output, dirs_exist_ok=True)


@pytest.fixture(scope="session", params=BUILDERS)
def builder(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def site_dir(builder, tmp_path_factory) -> Path:
    """The real site, generated and built (MkDocs: --strict) into a temp dir.

    `make test` runs the tests in two processes (pytest-xdist, one per core). Each
    would build both sites again; instead the first process to need a site builds it
    into the run's common temp dir and the other reuses it (the build lock orders them).
    """
    worker_base = tmp_path_factory.getbasetemp()
    shared_base = worker_base.parent if os.environ.get("PYTEST_XDIST_WORKER") else worker_base
    output = shared_base / f"site-{builder}"
    done = shared_base / f"site-{builder}.done"
    with (shared_base / f"site-{builder}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(output, ignore_errors=True)  # a build that failed half-way is not reused
            output.mkdir()
            build_site(builder, output)
            done.touch()
    return output


