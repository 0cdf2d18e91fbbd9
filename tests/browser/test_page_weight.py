"""First-load weight of the largest framework page in real Chromium: the bytes it fetches
(gzip, as a static host sends them) stay within a budget, and it fetches no stylesheet or
module of a tool it does not have. Bytes are counted from the built files each request
asked for, not from timing, so the figure is the same on every run (benchmarks/page_weight.py
measures the same thing on the wire, at every scale)."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlparse

# Per builder: the theme's own bundle, stylesheet and palette are 59 KiB with MkDocs' Material
# and 84 KiB with Zensical's. Issue 22's target is 100 KiB with the default builder, and the
# largest page meets it (BENCHMARKS.md, "Page weight per page type", has the breakdown): the
# budget is that target; Zensical's is the same page with its larger theme.
BUDGET_KIB = {"mkdocs": 100, "zensical": 125}
COMPRESSED = {".html", ".css", ".js", ".json", ".svg"}  # what the static host gzips (benchmarks/sites.py)
TOOL_ASSETS = ("assets/css/finder.css", "assets/css/zelfscan.css", "assets/css/selectie.css",
               "assets/css/vergelijken.css", "assets/css/evidence.css", "assets/css/zelfscan-kaders.css",
               "assets/js/finder/", "assets/js/zelfscan/", "assets/js/vergelijken/", "assets/js/wat-geldt/",
               "assets/js/selectie/main.js", "assets/js/sortable-table.js",
               "assets/js/scroll-cue.js")


def largest_framework_page(site_dir: Path) -> str:
    pages = sorted((site_dir / "kaders").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return f"kaders/{pages[-1].parent.name}/"


def fetched(page, base_url: str, relative: str, ready: str | None = None) -> list[str]:
    """The site files (paths under the site root) that loading `relative` requested, once the
    page is idle and, if given, the JavaScript condition `ready` holds (modules imported late,
    after the page's own script ran, are then requested too)."""
    page.goto(base_url + relative, wait_until="networkidle")
    if ready:
        page.wait_for_function(ready)
    root = urlparse(base_url).path
    paths = []
    for url in page.requested_urls:
        path = urlparse(url).path
        assert path.startswith(root), f"request outside the site: {url}"
        path = path[len(root):]
        paths.append(path + "index.html" if path.endswith("/") or not path else path)
    return paths


def gzip_size(file: Path) -> int:
    data = file.read_bytes()
    return len(gzip.compress(data, 6)) if file.suffix in COMPRESSED else len(data)


def test_framework_page_first_load_within_budget(page, base_url, site_dir, builder):
    paths = fetched(page, base_url, largest_framework_page(Path(site_dir)))
    sizes = {path: gzip_size(Path(site_dir) / path) for path in paths}
    total = sum(sizes.values()) / 1024
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert total <= BUDGET_KIB[builder], f"{total:.1f} KiB in {len(paths)} requests; largest: {largest}"


def test_framework_page_fetches_no_tool_assets(page, base_url, site_dir):
    # The copy and selection buttons get their names from copy-citation.js and selectie/controls.js.
    wired = ("() => ['[data-copy-criterion]', '[data-select-criterion]'].every("
             "(selector) => document.querySelector(selector)?.hasAttribute('aria-label'))")
    paths = fetched(page, base_url, largest_framework_page(Path(site_dir)), ready=wired)
    assert not [path for path in paths if path.startswith(TOOL_ASSETS)]
    # What the page does use is fetched: the copy buttons' module and the selection controls.
    assert {"assets/js/copy-citation.js", "assets/js/selectie/controls.js"} <= set(paths)
    # What only a click needs comes with the first use, not with the page (nothing is stored here).
    assert not {"assets/js/selectie/store.js", "assets/js/lib/citation.js", "assets/js/filters.js"} & set(paths)


def test_tool_pages_fetch_their_own_stylesheets(page, base_url):
    for relative, stylesheets in (("zoeken/", {"assets/css/finder.css"}),
                                  ("selectie/", {"assets/css/selectie.css"}),
                                  ("vergelijken/", {"assets/css/vergelijken.css"}),
                                  ("zelfscan/", {"assets/css/zelfscan.css", "assets/css/evidence.css",
                                                 "assets/css/zelfscan-kaders.css"})):
        page.requested_urls.clear()
        paths = fetched(page, base_url, relative)
        assert stylesheets <= set(paths), relative
        # layout.css adjusts every other stylesheet, so it comes last.
        sheets = page.evaluate("[...document.styleSheets].map(s => s.href && new URL(s.href).pathname)")
        assert sheets[-1].endswith("/assets/css/layout.css"), (relative, sheets)
