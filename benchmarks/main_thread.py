"""Main-thread time of a first page load, before/after: script, style + layout, all tasks.

Lighthouse's mobile score on these pages is mostly total blocking time, which it derives from
the main-thread work it observes; on a shared 2-core machine that figure swings with the load.
This benchmark isolates the work itself: it builds each checkout at one scale
(benchmarks/sites.py), serves both at once, and loads each page type in a fresh context of
Chromium at a phone's viewport (390 × 844), alternating between the checkouts (and which goes
first) run by run, and
reads Chromium's own counters (CDP Performance.getMetrics: ScriptDuration, LayoutDuration +
RecalcStyleDuration, TaskDuration, Nodes) once the network is idle. Prints medians and the
after/before ratio. Usage:

    .venv/bin/python benchmarks/main_thread.py --before DIR [--after DIR] [--runs 7] [--scale 1]

DIR is a checkout, e.g. `git archive <commit> | tar -x -C DIR`; --after defaults to this one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.page_weight import page_types as page_weight_types  # noqa: E402
from benchmarks.sites import ROOT, GzipServer, Site, built_site  # noqa: E402

COUNTERS = ("script", "style+layout", "tasks")


def page_types(site: Site) -> list[tuple[str, str]]:
    """The page types page_weight.py measures, with the same query."""
    return page_weight_types(site, "meldcode")


def measure(browser, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Performance.enable")
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # a task started by the last response
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    context.close()
    return {"script": metrics["ScriptDuration"] * 1000,
            "style+layout": (metrics["LayoutDuration"] + metrics["RecalcStyleDuration"]) * 1000,
            "tasks": metrics["TaskDuration"] * 1000, "nodes": metrics["Nodes"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, default=ROOT)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    checkouts = {"before": args.before, "after": args.after}
    with contextlib.ExitStack() as stack, sync_playwright() as playwright:
        sites = {name: stack.enter_context(built_site(args.scale, root=root)) for name, root in checkouts.items()}
        servers = {name: stack.enter_context(GzipServer(site.directory)) for name, site in sites.items()}
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             headless=True, args=["--no-sandbox", "--disable-gpu"])
        # Page types come from the "after" site; both checkouts hold the same data.
        samples = {(page, name): [] for page, _ in page_types(sites["after"]) for name in checkouts}
        loads = []
        for run in range(args.runs):
            # Alternating order (before, after, after, before, ...): the first load of a pair
            # measured slower on a loaded machine, whichever checkout it was.
            order = list(checkouts) if run % 2 == 0 else list(reversed(checkouts))
            for page, relative in page_types(sites["after"]):
                for name in order:
                    samples[page, name].append(measure(browser, servers[name].url(relative)))
            loads.append(os.getloadavg()[0])
        browser.close()
    print(f"Medians of {args.runs} runs at {args.scale}×, 390 px; load average during the runs "
          f"(1 min) {min(loads):.1f}–{max(loads):.1f}.\n")
    print("| page | " + " | ".join(f"{c} ms before | after | ratio" for c in COUNTERS) + " | elements before | after |")
    print("|---|" + "---|---|---|" * len(COUNTERS) + "---|---|")
    for page, _ in page_types(sites["after"]):
        cells = []
        for counter in COUNTERS:
            before, after = (statistics.median(s[counter] for s in samples[page, n]) for n in checkouts)
            cells += [f"{before:.0f}", f"{after:.0f}", f"{after / before:.2f}"]
        nodes = [f"{samples[page, n][0]['nodes']:.0f}" for n in checkouts]
        print(f"| {page} | " + " | ".join(cells + nodes) + " |")


if __name__ == "__main__":
    main()
