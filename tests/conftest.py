"""Fixtures shared by the build and browser tests."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("KK_ROOT") or Path(__file__).resolve().parent.parent)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real site, generated and built with --strict into a temp dir."""
    output = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    lock_path = ROOT / "build" / ".test-build.lock"
    lock_path.parent.mkdir(exist_ok=True)
    # Test runs that share a checkout take turns: build/docs is one tree.
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=ROOT, check=True, env=env)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(output)],
                       cwd=ROOT, check=True, env=env)
    return output


