"""Selection (/selectie/) timings in headless Chromium, on the built site.

Measures, for selections of several sizes (the largest is every criterion):
- render: opening the selection page until every selected criterion is shown;
- docx / clipboard-html / csv: building that export from the selection
  (in the page, performance.now(); the download itself is not timed);
and on a framework page the time from clicking "Selecteer" until the button
and the header count show the new state; and the tender annex (issue 19):
200 criteria with roles, weights, verification and own headings, built as
.docx, .xlsx, .odt and .ods (model + file, median of --annex-runs runs, each
in a freshly loaded page).

Build the site first (`make build`), then:

    .venv/bin/python benchmarks/selectie_perf.py [--runs 15] [--sizes 10,100,all] [--annex-runs 25] [--annex-size 200]
"""

from __future__ import annotations

import argparse
import functools
import json
import socketserver
import statistics
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import SUB_PATH, _QuietHandler, chromium_path  # noqa: E402
from tests.catalog_files import whole_catalog  # noqa: E402

STORAGE_KEY = "kk.selectie.v2"
FRAMEWORK = "midden-groningen-wmo"

EXPORT_TIMINGS = """async (root) => {
    const { loadIndex, loadCriteria } = await import(root + 'assets/js/lib/catalog.js');
    const { buildExportModel } = await import(root + 'assets/js/selectie/model.js');
    const { selectionHtml } = await import(root + 'assets/js/selectie/clipboard.js');
    const { selectionCsv } = await import(root + 'assets/js/selectie/textformats.js');
    const { selectionDocx } = await import(root + 'assets/js/selectie/docx.js');
    const selection = JSON.parse(localStorage.getItem('kk.selectie.v2'));
    const index = await loadIndex(new URL(root));
    const records = await loadCriteria(new URL(root), selection.items.map((item) => item.id));
    const time = (build) => { const start = performance.now(); const result = build(); return [performance.now() - start, result]; };
    const [modelMs, model] = time(() => buildExportModel({ index, siteRoot: new URL(root), records,
        notes: new Map(), grouping: selection.grouping, selection }));
    const [docxMs, blob] = time(() => selectionDocx(model));
    const [htmlMs] = time(() => selectionHtml(model));
    const [csvMs] = time(() => selectionCsv(model));
    return { model: modelMs, docx: docxMs + modelMs, html: htmlMs + modelMs, csv: csvMs + modelMs, docxBytes: blob.size };
}"""


ANNEX_TIMINGS = """async (root) => {
    const siteRoot = new URL(root);
    const { loadIndex, loadCriteria } = await import(root + 'assets/js/lib/catalog.js');
    const { buildAnnexModel } = await import(root + 'assets/js/selectie/model.js');
    const { selectionDocx } = await import(root + 'assets/js/selectie/docx.js');
    const { selectionXlsx } = await import(root + 'assets/js/selectie/xlsx.js');
    const { selectionOdt, selectionOds } = await import(root + 'assets/js/selectie/odf.js');
    const selection = JSON.parse(localStorage.getItem('kk.selectie.v2'));
    const index = await loadIndex(siteRoot);
    const records = await loadCriteria(siteRoot, selection.items.filter((i) => i.kind === 'criterion').map((i) => i.id));
    const out = {};
    for (const [name, write] of [['docx', selectionDocx], ['xlsx', selectionXlsx], ['odt', selectionOdt], ['ods', selectionOds]]) {
        const start = performance.now();
        const blob = write(buildAnnexModel({ index, siteRoot, selection, records }));
        out[name] = performance.now() - start;
        out[name + 'Bytes'] = blob.size;
    }
    return out;
}"""

ROLES = ["geschiktheidseis", "selectiecriterium", "eis", "gunningscriterium", "contractbepaling"]
MOMENTS = ["inschrijving", "contractering", "looptijd"]


def annex_state(ids: list[str]) -> dict:
    """A v2 selection: every criterion with a role (award criteria weighted to 100 %), moment and
    verification text, an own heading before every 20 criteria and one own requirement."""
    items: list[dict] = []
    awarded = [i for position, i in enumerate(ids) if ROLES[position % len(ROLES)] == "gunningscriterium"]
    for position, criterion_id in enumerate(ids):
        if position % 20 == 0:
            items.append({"kind": "heading", "key": f"h-b{position}", "text": f"Onderdeel {position // 20 + 1}"})
        role = ROLES[position % len(ROLES)]
        items.append({"kind": "criterion", "id": criterion_id, "note": "Notitie", "role": role,
                      "weight": round(100 / len(awarded), 2) if role == "gunningscriterium" else None,
                      "moment": MOMENTS[position % len(MOMENTS)], "verification": "Aan te leveren: beleidsdocument",
                      "explain": "Pas toe of leg uit" if position % 7 == 0 else ""})
    items.append({"kind": "own", "key": "e-b1", "title": "Eigen eis", "text": "De aanbieder start binnen twee weken.",
                  "role": "eis", "weight": None, "moment": "contractering", "verification": "Wachtlijst"})
    return {"version": 2, "grouping": "eigen", "title": "Bijlage kwaliteitseisen", "items": items}


def serve(site: Path) -> tuple[str, socketserver.TCPServer]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}", server


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms"


def all_ids(site: Path) -> list[str]:
    return list(whole_catalog(site)["criteria"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sizes", default="10,100,all")
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site")
    parser.add_argument("--annex-runs", type=int, default=25)
    parser.add_argument("--annex-size", type=int, default=200)
    args = parser.parse_args()
    ids = all_ids(args.site)
    sizes = [len(ids) if size == "all" else int(size) for size in args.sizes.split(",")]
    base_url, server = serve(args.site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=["--no-sandbox"])
        context = browser.new_context()
        page = context.new_page()
        page.goto(base_url + "selectie/")
        for size in sizes:
            selection = json.dumps({"version": 2, "grouping": "framework", "title": "",
                                    "items": [{"kind": "criterion", "id": i, "note": ""} for i in ids[:size]]})
            page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, selection])
            timings: dict[str, list[float]] = {"render": [], "docx": [], "html": [], "csv": []}
            docx_bytes = 0
            for _ in range(args.runs):
                page.goto(base_url + "selectie/")
                page.wait_for_function(f"() => document.querySelectorAll('.kk-sel-item').length === {size}")
                timings["render"].append(page.evaluate("performance.now()"))
                measured = page.evaluate(EXPORT_TIMINGS, base_url)
                for key in ("docx", "html", "csv"):
                    timings[key].append(measured[key])
                docx_bytes = measured["docxBytes"]
            print(f"{size} criteria (.docx {docx_bytes / 1024:.0f} KiB)")
            for key, values in timings.items():
                print(f"  {key:7s} {summary(values)}")

        page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                      [STORAGE_KEY, json.dumps(annex_state(ids[:args.annex_size]))])
        annex: dict[str, list[float]] = {"docx": [], "xlsx": [], "odt": [], "ods": []}
        sizes_kib = {}
        for _ in range(args.annex_runs):
            page.goto(base_url + "selectie/")
            measured = page.evaluate(ANNEX_TIMINGS, base_url)
            for key in annex:
                annex[key].append(measured[key])
                sizes_kib[key] = measured[key + "Bytes"] / 1024
        print(f"annex: {args.annex_size} criteria with roles, {args.annex_runs} runs (model + file)")
        for key, values in annex.items():
            print(f"  {key:7s} {summary(values)}   min {min(values):7.1f} ms   {sizes_kib[key]:.0f} KiB")

        page.evaluate(f"localStorage.removeItem('{STORAGE_KEY}')")
        page.goto(base_url + f"kaders/{FRAMEWORK}/")
        toggles = []
        for _ in range(args.runs):
            toggles.append(page.evaluate("""() => new Promise((resolve) => {
                const button = document.querySelector('[data-select-criterion="mg-vei-09"]');
                const wanted = button.getAttribute('aria-pressed') === 'true' ? 'false' : 'true';
                const start = performance.now();
                button.click();
                const check = () => button.getAttribute('aria-pressed') === wanted
                    && document.querySelector('.kk-selection-link').textContent === `Selectie (${wanted === 'true' ? 1 : 0})`
                    ? resolve(performance.now() - start) : requestAnimationFrame(check);
                check();
            })"""))
        print(f"select toggle on a framework page ({FRAMEWORK})")
        print(f"  toggle  {summary(toggles)}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
