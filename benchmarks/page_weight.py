"""First-load weight per page type: bytes on the wire (gzip) and requests, at several scales.

Builds the project at each scale (benchmarks/synthetic.py: new frameworks with their own
words), serves the site as a static host would (gzip, sub-path; benchmarks/sites.py) and
loads each page type once in a fresh Chromium context (empty cache), summing every response
the server sent until the network is idle. Page types: home, the largest framework page,
the largest element page, the largest topic page, the finder with a query, the self-scan
with ?kader= (the largest framework). Prints a markdown table. Usage:

    .venv/bin/python benchmarks/page_weight.py [--scales 1,10,30] [--root DIR] [--query meldcode]

--root measures another checkout (e.g. `git archive <commit> | tar -x -C DIR`) for a before/after.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.sites import GzipServer, Site, built_site, load_average  # noqa: E402


def page_types(site: Site, query: str) -> list[tuple[str, str]]:
    return [
        ("home", ""),
        (f"framework (largest: {site.frameworks[0]})", f"kaders/{site.frameworks[0]}/"),
        (f"element (largest: {site.elements[0]})", f"themas/{site.elements[0]}/"),
        (f"topic (largest: {site.topics[0]})", f"onderwerpen/{site.topics[0]}/"),
        (f"finder ?q={query}", f"zoeken/?q={query}"),
        ("self-scan ?kader= (largest)", f"zelfscan/?kader={site.frameworks[0]}"),
    ]


def html_size(site: Site, relative: str) -> int:
    return (site.directory / relative.split("?", 1)[0] / "index.html").stat().st_size


def measure(browser, site: Site, server: GzipServer, relative: str) -> tuple[int, int]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    server.log.clear()
    page.goto(server.url(relative), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    requests, size = len(server.log), sum(n for _, n in server.log)
    context.close()
    return requests, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,30")
    parser.add_argument("--root", type=Path, default=None, help="project checkout to measure (default: this one)")
    parser.add_argument("--query", default="meldcode")
    args = parser.parse_args()
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             headless=True, args=["--no-sandbox", "--disable-gpu"])
        for scale in (int(s) for s in args.scales.split(",")):
            with built_site(scale, root=args.root) as site, GzipServer(site.directory) as server:
                for name, relative in page_types(site, args.query):
                    requests, size = measure(browser, site, server, relative)
                    rows.append((name, scale, site.criteria, requests, size, html_size(site, relative)))
                    print(f"{scale}x {name}: {requests} requests, {size / 1024:.1f} KiB (load {load_average()})",
                          file=sys.stderr, flush=True)
        browser.close()
    print("| page type | scale | criteria | requests | first load KiB (gzip) | HTML KiB (uncompressed) |")
    print("|---|---|---|---|---|---|")
    for name, scale, criteria, requests, size, html in sorted(rows, key=lambda r: (r[0].split(" ")[0], r[1])):
        print(f"| {name} | {scale}× | {criteria} | {requests} | {size / 1024:.1f} | {html / 1024:.1f} |")


if __name__ == "__main__":
    main()
