"""`kwaliteitskaders serve` regenerates the site when a normset changes, with
either builder: MkDocs through generator/mkdocs_hooks.py, Zensical (which runs
no hooks) through our own watcher, generator/watch.py.

Runs the real server on a copy of the project, edits a normset in the copy,
and waits for the served page to show the edit. A broken edit is reported as
file:line in the serve log, and fixing the file brings the site back.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import BUILDERS, ROOT

SHARED = ["generator", "schema", "sources", "content", "site_templates", "pyproject.toml"]
NORMSET = "normsets/kaders/midden-groningen-wmo.yaml"
TITLE = "title: Wmo kwaliteitskader gemeente Midden-Groningen\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, timeout: float = 300.0):  # generous: a shared machine rebuilds slowly; no timing test
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError("timed out waiting for the served site")


@pytest.fixture
def project(tmp_path) -> Path:
    for name in SHARED:
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "normsets", tmp_path / "normsets")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.mark.parametrize("builder", BUILDERS)
def test_editing_a_normset_rebuilds_the_served_page(project, tmp_path, builder):
    # Without SITE_URL, mkdocs.yml serves the site under its local sub-path /kwaliteitskaders/.
    env = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, "NO_MKDOCS_2_WARNING": "1"}
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(project), "serve", "--builder", builder,
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/kwaliteitskaders/kaders/midden-groningen-wmo/"
    normset = project / NORMSET
    try:
        wait_for(lambda: (fetch(url) or "").count("Wmo kwaliteitskader gemeente Midden-Groningen"), timeout=400)

        text = normset.read_text(encoding="utf-8")
        assert TITLE in text
        normset.write_text(text.replace(TITLE, "title: Wmo kwaliteitskader Midden-Groningen (bewerkt)\n"),
                           encoding="utf-8")
        wait_for(lambda: "Wmo kwaliteitskader Midden-Groningen (bewerkt)" in (fetch(url) or ""))

        # A broken edit is reported with file and line; fixing it brings the site back.
        good = normset.read_text(encoding="utf-8")
        normset.write_text(good.replace("  id_prefix: mg\n", "  id_prefix: [mg\n"), encoding="utf-8")
        broken_line = good.splitlines().index("  id_prefix: mg") + 1
        wait_for(lambda: f"midden-groningen-wmo.yaml:{broken_line}: YAML syntax error" in
                 (tmp_path / "serve.log").read_text(encoding="utf-8"))
        normset.write_text(good.replace("(bewerkt)", "(hersteld)"), encoding="utf-8")
        wait_for(lambda: "Wmo kwaliteitskader Midden-Groningen (hersteld)" in (fetch(url) or ""))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
