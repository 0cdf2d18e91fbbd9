"""Lighthouse (12.2.3, pinned in benchmarks/lighthouse/) for the main page types, mobile and desktop.

Builds the project at each scale (benchmarks/synthetic.py), serves it with gzip under the
sub-path (benchmarks/sites.py) and runs Lighthouse with Debian's Chromium three times per page
and form factor; prints the medians as a markdown table, with the load average of the machine
during the runs (scores under load are pessimistic). Pages: home, the largest framework page,
the finder with a query, the self-scan with ?kader= (the largest framework), at every scale.
One command (installs the pinned Lighthouse with `npm ci` when missing):

    .venv/bin/python benchmarks/lighthouse.py [--scales 1,30] [--runs 3] [--forms mobile,desktop]

`--pages framework` measures only the page types whose name contains that word; `--reports DIR`
keeps every run's full JSON report there (its diagnostics say where the main-thread time goes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.sites import GzipServer, Site, built_site, load_average  # noqa: E402

HERE = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def pages(site: Site, query: str) -> list[tuple[str, str]]:
    framework = ("framework page (largest)", f"kaders/{site.frameworks[0]}/")
    return [("home", ""), framework, (f"finder ?q={query}", f"zoeken/?q={query}"),
            ("self-scan ?kader=", f"zelfscan/?kader={site.frameworks[0]}")]


def run_once(url: str, form: str, report_path: Path | None = None) -> dict:
    chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    command = ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               "--only-categories=performance,accessibility",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if form == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, check=True, capture_output=True, text=True,
                            env={**os.environ, "CHROME_PATH": chromium})
    report = json.loads(result.stdout)
    if report_path is not None:
        report_path.write_text(result.stdout, encoding="utf-8")
    audits = report["audits"]
    failing = sorted(a["id"] for a in audits.values()
                     if a.get("scoreDisplayMode") == "binary" and a.get("score") == 0
                     and a["id"] in {ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]})
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "failing": failing,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,30")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--forms", default="mobile,desktop")
    parser.add_argument("--query", default="meldcode")
    parser.add_argument("--root", type=Path, default=None, help="project checkout to measure (default: this one)")
    parser.add_argument("--pages", default="", help="only page types whose name contains this")
    parser.add_argument("--reports", type=Path, default=None, help="keep each run's JSON report in this folder")
    args = parser.parse_args()
    ensure_lighthouse()
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        with built_site(scale, root=args.root) as site, GzipServer(site.directory) as server:
            for name, relative in pages(site, args.query):
                if args.pages not in name:
                    continue
                for form in args.forms.split(","):
                    runs, loads = [], []
                    for run in range(args.runs):
                        loads.append(os.getloadavg()[0])
                        report = None
                        if args.reports:
                            args.reports.mkdir(parents=True, exist_ok=True)
                            report = args.reports / f"{scale}x-{name.split()[0]}-{form}-{run + 1}.json"
                        runs.append(run_once(server.url(relative), form, report))
                    median = {key: statistics.median(r[key] for r in runs)
                              for key in ("performance", "accessibility", "lcp", "fcp", "cls", "tbt")}
                    failing = sorted({audit for r in runs for audit in r["failing"]})
                    rows.append((name, scale, form, median, failing, statistics.median(loads)))
                    print(f"{scale}x {name} {form}: {[r['performance'] for r in runs]} (load {load_average()})",
                          file=sys.stderr, flush=True)
    print(f"| page | scale | form factor | performance | LCP s | FCP s | CLS | TBT ms | accessibility "
          f"| failing accessibility audits | load avg (1 min) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, scale, form, m, failing, load in rows:
        print(f"| {name} | {scale}× | {form} | {m['performance']:.0f} | {m['lcp']:.1f} | {m['fcp']:.1f} | "
              f"{m['cls']:.3f} | {m['tbt']:.0f} | {m['accessibility']:.0f} | {', '.join(failing) or '–'} | {load:.1f} |")
    print(f"\nMedians of {args.runs} runs; Lighthouse 12.2.3, Chromium {chromium_version()}.")


def chromium_version() -> str:
    chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    out = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    return out.split()[-1] if out else "?"


if __name__ == "__main__":
    main()
