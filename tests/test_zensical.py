"""The generated Markdown tree also builds with Zensical, Material's successor,
which reads mkdocs.yml but runs none of our MkDocs hooks."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_generated_tree_builds_with_zensical(site_dir):
    # The site_dir fixture has run `kwaliteitskaders generate`, so build/docs is current.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    zensical = Path(sys.executable).with_name("zensical")
    output = ROOT / "build" / "site"
    result = subprocess.run([str(zensical), "build", "--clean", "-f", "mkdocs.yml"], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (output / "kaders" / "midden-groningen-wmo" / "index.html").read_text(encoding="utf-8")
    assert 'id="mg-vei-09"' in page
    assert "Omgaan met agressie" in page
