"""Compare view (/vergelijken/) timings in headless Chromium, on the built site.

For four frameworks (the four largest by default), at real size and with a
synthetic catalogue N times as large (default 30x):
- render: a re-render with the data already loaded (align the criteria by
  topic and comparable group, build the DOM, and the browser's style and
  layout of it, forced by reading offsetHeight), triggered by a popstate;
- first view: mount() until the view is rendered on a fresh page load
  (fetching and parsing frameworks.json and the four framework files included).

The synthetic size is made the way benchmarks/build_time.py makes its
catalogues: copies of the real criteria with new IDs (same texts, same
topics), here served in place of the four frameworks' JSON files, so each
column holds N times its real number of criteria; every comparable group in
those files is copied N times too, with its members' new IDs. Build the site
first (`make build`), then:

    .venv/bin/python benchmarks/compare_perf.py [--runs 15] [--scale 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.selectie_perf import serve, summary  # noqa: E402
from tests.browser.conftest import chromium_path  # noqa: E402

RERENDER = """() => new Promise((resolve) => {
    const root = document.querySelector('[data-kk-app="vergelijken"]');
    const start = performance.now();
    root.addEventListener('kk:compare-rendered', () => {
        void document.body.offsetHeight;
        resolve(performance.now() - start);
    }, { once: true });
    window.dispatchEvent(new PopStateEvent('popstate'));
})"""

FIRST_VIEW = """() => {
    const start = performance.getEntriesByName('kk-compare-start')[0].startTime;
    const rendered = performance.getEntriesByName('kk-compare-rendered')[0].startTime;
    return rendered - start;
}"""


def synthetic(site: Path, frameworks: list[str], scale: int) -> dict[str, bytes]:
    """Bodies for the frameworks' JSON, each criterion and comparable group copied `scale` times."""
    catalog = site / "assets" / "catalog"
    bodies = {}
    for framework in frameworks:
        data = json.loads((catalog / f"{framework}.json").read_text(encoding="utf-8"))
        copies = []
        for copy in range(scale):
            for record in data["criteria"]:
                new_id = record["id"] if copy == 0 else f"{record['id']}-x{copy}"
                copies.append({**record, "id": new_id, "url": record["url"].replace(record["id"], new_id),
                               "comparable": [g if copy == 0 else f"{g}-x{copy}" for g in record.get("comparable", [])]})
        groups = data["comparable"]
        # The copies after all originals (order), as the catalogue would list them.
        groups = groups + [
            {**group, "id": f"{group['id']}-x{copy}", "order": copy * 100000 + group["order"],
             "members": [{**member, "id": f"{member['id']}-x{copy}"} for member in group["members"]]}
            for copy in range(1, scale) for group in groups]
        bodies[f"{framework}.json"] = json.dumps({**data, "criteria": copies, "comparable": groups},
                                                 ensure_ascii=False).encode("utf-8")
    return bodies


def measure(page, url: str, runs: int) -> tuple[list[float], list[float], int]:
    first, rerender = [], []
    count = 0
    for _ in range(runs):
        page.goto(url)
        page.wait_for_function("() => performance.getEntriesByName('kk-compare-rendered').length > 0")
        first.append(page.evaluate(FIRST_VIEW))
        rerender.append(page.evaluate(RERENDER))
        count = page.locator(".kk-cmp-criterion").count()
    return first, rerender, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--scale", type=int, default=30)
    parser.add_argument("--frameworks", default="", help="comma-separated IDs (default: the four largest)")
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site")
    args = parser.parse_args()
    index = json.loads((args.site / "assets" / "catalog" / "frameworks.json").read_text(encoding="utf-8"))
    largest = sorted(index["frameworks"], key=lambda f: -f["criteria_count"])[:4]
    frameworks = args.frameworks.split(",") if args.frameworks else [f["id"] for f in largest]
    criteria = sum(f["criteria_count"] for f in index["frameworks"] if f["id"] in frameworks)
    base_url, server = serve(args.site)
    url = f"{base_url}vergelijken/?kaders={','.join(frameworks)}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        print(f"frameworks: {', '.join(frameworks)}")
        for scale in (1, args.scale):
            if scale > 1:
                bodies = synthetic(args.site, frameworks, scale)
                page.route("**/assets/catalog/*.json", lambda route: route.fulfill(
                    status=200, content_type="application/json", body=bodies[route.request.url.rsplit("/", 1)[1]])
                    if route.request.url.rsplit("/", 1)[1] in bodies else route.continue_())
            first, rerender, placed = measure(page, url, args.runs)
            print(f"{scale}x: {criteria * scale} criteria, {placed} placements in the view")
            print(f"  render      {summary(rerender)}   (median {statistics.median(rerender):.1f})")
            print(f"  first view  {summary(first)}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
