"""Self-scan performance in headless Chromium, on the real built site.

1. Time to interactive of the answering view for the largest framework (by
   criteria count), resuming a stored scan in which every criterion has an
   answer: from mount() being called (mark "kk-zelfscan-mount") to the view
   being rendered with working controls (mark "kk-zelfscan-ready"). Also
   reported: the same moment measured from navigation start (HTML, CSS,
   Material's scripts and the catalog fetches included).
2. Cost of one autosave: one input event on a toelichting field, handled
   synchronously (answer updated, whole scan serialised, localStorage.setItem).
3. The same for one scan over the three largest frameworks (scope "kaders",
   comparable criteria asked once), every criterion answered; the autosave is
   measured on a shared question (its toelichting goes to every member) and on
   a criterion asked on its own.

Usage (builds the site into a temp dir first unless --site is given):

    .venv/bin/python benchmarks/zelfscan_perf.py [--runs 30] [--saves 500] [--site build/site]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SUB_PATH = "/kwaliteitskaders/"


def build_site(target: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=ROOT, check=True, env=env)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)], cwd=ROOT, check=True, env=env)
    return target


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def translate_path(self, path):
        return super().translate_path("/" + path[len(SUB_PATH):] if path.startswith(SUB_PATH) else "/__none__")


def serve(site: Path) -> tuple[socketserver.TCPServer, str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"


def full_scan(site: Path, count: int = 1) -> dict:
    """A scan of the `count` largest frameworks (one: scope "kader", more: "kaders") with every criterion answered."""
    index = json.loads((site / "assets/catalog/frameworks.json").read_text(encoding="utf-8"))
    frameworks = sorted(index["frameworks"], key=lambda f: -f["criteria_count"])[:count]
    criteria = [c for f in frameworks
                for c in json.loads((site / f"assets/catalog/{f['id']}.json").read_text(encoding="utf-8"))["criteria"]]
    scores = ["voldoet", "grotendeels", "gedeeltelijk", "niet"]
    scope = {"kind": "kader", "framework": frameworks[0]["id"]} if count == 1 else \
        {"kind": "kaders", "frameworks": [f["id"] for f in frameworks]}
    return {
        "schema": "kk-zelfscan", "version": 2, "id": "zs-benchmark", "name": "Benchmark", "organisation": "Benchmark BV",
        "date": "2026-01-01", "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
        "scope": scope, "framework_versions": {f["id"]: f["version"] for f in frameworks},
        "disabled_sections": [],
        "answers": {c["id"]: {"score": scores[i % 4], "reason": "", "toelichting": "Toelichting bij dit criterium. " * 6,
                              "evidence": ["Beleidsplan 2026.pdf", "https://intranet.example/kwaliteit"], "checklist": {},
                              "fingerprint": c["fingerprint"], "answered_at": "2026-01-01T00:00:00.000Z"}
                    for i, c in enumerate(criteria)},
        "plan": {},
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def describe(name: str, values: list[float]) -> str:
    return f"{name}: median {statistics.median(values):.2f} ms, p95 {percentile(values, 0.95):.2f} ms, " \
           f"min {min(values):.2f}, max {max(values):.2f} (n={len(values)})"


SAVES = """([count, selector]) => {
    const field = document.querySelector(selector);
    const durations = [];
    for (let i = 0; i < count; i += 1) {
        field.value = `Toelichting ${i}`;
        const start = performance.now();
        field.dispatchEvent(new Event('input', { bubbles: true }));
        durations.push(performance.now() - start);
    }
    return durations;
}"""
SINGLE_FIELD = "fieldset.kk-zs-criterion:not(.kk-zs-shared) textarea[data-field=toelichting]"
SHARED_FIELD = "fieldset.kk-zs-shared textarea[data-field=toelichting]"


def measure(browser, base_url: str, scan: dict, runs: int, saves: int) -> dict:
    """Time to interactive (mount and navigation start → ready) and autosave costs of one stored scan."""
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(f"localStorage.setItem('kk.zelfscan.v1.scan.zs-benchmark', {json.dumps(json.dumps(scan))});")
    page = context.new_page()
    url = base_url + "zelfscan/?scan=zs-benchmark"
    mount_to_ready, navigation_to_ready = [], []
    page.goto(url)  # warm-up: HTTP cache and compiled modules, as on any second visit
    page.locator("[data-kk-ready]").wait_for()
    for _ in range(runs):
        page.goto(url)
        page.locator("[data-kk-ready]").wait_for()
        mount, ready = page.evaluate("""() => [performance.getEntriesByName('kk-zelfscan-mount')[0].startTime,
                                              performance.getEntriesByName('kk-zelfscan-ready')[0].startTime]""")
        mount_to_ready.append(ready - mount)
        navigation_to_ready.append(ready)
    result = {
        "questions": page.locator("fieldset.kk-zs-criterion").count(),
        "shared": page.locator("fieldset.kk-zs-shared").count(),
        "mount": mount_to_ready, "navigation": navigation_to_ready,
        "save": page.evaluate(SAVES, [saves, SINGLE_FIELD]),
    }
    if result["shared"]:
        result["save_shared"] = page.evaluate(SAVES, [saves, SHARED_FIELD])
    result["stored"] = page.evaluate("localStorage.getItem('kk.zelfscan.v1.scan.zs-benchmark').length")
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--saves", type=int, default=500)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        site = args.site.resolve() if args.site else build_site(Path(temp) / "site")
        server, base_url = serve(site)
        scans = {"one": full_scan(site), "three": full_scan(site, 3)}
        chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
            results = {name: measure(browser, base_url, scan, args.runs, args.saves) for name, scan in scans.items()}
            browser.close()
        server.shutdown()
    one, three = results["one"], results["three"]
    criteria = len(scans["three"]["answers"])
    print(f"Largest framework: {scans['one']['scope']['framework']} ({one['questions']} criteria rendered, "
          f"every one answered; scan JSON {one['stored'] / 1024:.0f} KiB)")
    print(describe("Time to interactive, mount() → ready", one["mount"]))
    print(describe("Time to interactive, navigation start → ready", one["navigation"]))
    print(describe("One autosave (input event → saved)", one["save"]))
    print(f"Three largest frameworks: {', '.join(scans['three']['scope']['frameworks'])} ({criteria} criteria, "
          f"{three['questions']} questions of which {three['shared']} shared; scan JSON {three['stored'] / 1024:.0f} KiB)")
    print(describe("Time to interactive, mount() → ready", three["mount"]))
    print(describe("Time to interactive, navigation start → ready", three["navigation"]))
    print(describe("One autosave, criterion asked on its own", three["save"]))
    if "save_shared" in three:
        print(describe("One autosave, shared question (every member)", three["save_shared"]))


if __name__ == "__main__":
    main()
