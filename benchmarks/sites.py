"""Built sites at a synthetic scale, served as a static host would (gzip, sub-path),
for the page benchmarks (page_weight.py, lighthouse.py).

    with built_site(30) as site:            # generate + mkdocs build of a 30x project
        with GzipServer(site.directory) as server:
            server.url("kaders/")           # http://127.0.0.1:<port>/kwaliteitskaders/kaders/
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.synthetic import ROOT, make_project  # noqa: E402
from tests.browser.conftest import QuietServer  # noqa: E402

SUB_PATH = "/kwaliteitskaders/"
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".csv", ".md"}


@dataclass
class Site:
    directory: Path
    scale: int
    criteria: int
    frameworks: list[str]          # framework ids, largest page first
    elements: list[str]            # element ids, largest page first
    topics: list[str]              # topic ids, largest page first


def _by_size(folder: Path) -> list[str]:
    pages = sorted(folder.glob("*/index.html"), key=lambda p: (-p.stat().st_size, p.parent.name))
    return [p.parent.name for p in pages]


@contextlib.contextmanager
def built_site(scale: int, builder: str = "mkdocs", root: Path | None = None) -> Iterator[Site]:
    """A temporary project `scale` times the real size (benchmarks/synthetic.py), generated and built;
    `root` is the checkout to copy (default: this one)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix=f"kk-{scale}x-") as directory:
        project = Path(directory)
        make_project(scale, project, root=root or ROOT)
        # cwd=project: `-m generator` runs the copied checkout's generator (it may be another commit's)
        subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "generate"],
                       cwd=project, check=True, env=env, stdout=subprocess.DEVNULL)
        if builder == "zensical":
            command = [str(Path(sys.executable).with_name("zensical")), "build", "--clean", "-f", "mkdocs.yml"]
        else:
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml"]
        subprocess.run(command, cwd=project, check=True, env=env, stdout=subprocess.DEVNULL)
        site = project / "build" / "site"
        criteria = sum(len(re.findall(r'class="kk-criterion[^"]*" data-criterion-id=', page.read_text(encoding="utf-8")))
                       for page in (site / "kaders").glob("*/index.html"))
        yield Site(site, scale, criteria, _by_size(site / "kaders"),
                   _by_size(site / "themas"), _by_size(site / "onderwerpen"))


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files under SUB_PATH; text files gzipped (level 6, like common static hosts)
    when the client accepts it. Every response's body size on the wire is logged."""

    log: list[tuple[str, int]]
    cache: dict[Path, bytes]

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(SUB_PATH):] if path.startswith(SUB_PATH) else "/__none__")

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = Path(self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0]))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder URL
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or path.suffix not in COMPRESSED:
            super().do_GET()
            self.log.append((self.path, path.stat().st_size if path.is_file() else 0))
            return None
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), 6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)
        self.log.append((self.path, len(body)))


class GzipServer:
    def __init__(self, directory: Path):
        handler = type("Handler", (_GzipHandler,), {"log": [], "cache": {}})
        self.log = handler.log
        self._server = QuietServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(directory)))

    def url(self, relative: str = "") -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{SUB_PATH}{relative}"

    def __enter__(self) -> "GzipServer":
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def load_average() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())
