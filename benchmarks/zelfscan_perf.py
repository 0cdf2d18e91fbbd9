"""Self-scan performance in headless Chromium, on the real built site.

1. Time to interactive of the answering view for the largest framework (by
   criteria count), resuming a stored scan in which every criterion has an
   answer: from mount() being called (mark "kk-zelfscan-mount") to the view
   being rendered with working controls (mark "kk-zelfscan-ready"). Also
   reported: the same moment measured from navigation start (HTML, CSS,
   Material's scripts and the catalog fetches included).
2. Cost of one autosave: one input event on a toelichting field, handled
   synchronously (answer updated, whole scan serialised, localStorage.setItem).

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


def full_scan(site: Path) -> dict:
    """A scan of the largest framework with every criterion answered."""
    index = json.loads((site / "assets/catalog/index.json").read_text(encoding="utf-8"))
    framework = max(index["frameworks"], key=lambda f: f["criteria_count"])
    criteria = json.loads((site / f"assets/catalog/{framework['id']}.json").read_text(encoding="utf-8"))["criteria"]
    scores = ["voldoet", "grotendeels", "gedeeltelijk", "niet"]
    return {
        "schema": "kk-zelfscan", "version": 1, "id": "zs-benchmark", "name": "Benchmark", "organisation": "Benchmark BV",
        "date": "2026-01-01", "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
        "scope": {"kind": "kader", "framework": framework["id"]}, "framework_versions": {framework["id"]: framework["version"]},
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--saves", type=int, default=500)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        site = args.site.resolve() if args.site else build_site(Path(temp) / "site")
        server, base_url = serve(site)
        scan = full_scan(site)
        framework = scan["scope"]["framework"]
        chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context(locale="nl-NL")
            context.add_init_script(f"localStorage.setItem('kk.zelfscan.v1.scan.zs-benchmark', {json.dumps(json.dumps(scan))});")
            page = context.new_page()
            url = base_url + "zelfscan/?scan=zs-benchmark"
            mount_to_ready, navigation_to_ready = [], []
            page.goto(url)  # warm-up: HTTP cache and compiled modules, as on any second visit
            page.locator("[data-kk-ready]").wait_for()
            for _ in range(args.runs):
                page.goto(url)
                page.locator("[data-kk-ready]").wait_for()
                mount, ready = page.evaluate("""() => [performance.getEntriesByName('kk-zelfscan-mount')[0].startTime,
                                                      performance.getEntriesByName('kk-zelfscan-ready')[0].startTime]""")
                mount_to_ready.append(ready - mount)
                navigation_to_ready.append(ready)
            rendered = page.locator("fieldset.kk-zs-criterion").count()
            saves = page.evaluate("""(count) => {
                const field = document.querySelector('fieldset.kk-zs-criterion textarea[data-field=toelichting]');
                const durations = [];
                for (let i = 0; i < count; i += 1) {
                    field.value = `Toelichting ${i}`;
                    const start = performance.now();
                    field.dispatchEvent(new Event('input', { bubbles: true }));
                    durations.push(performance.now() - start);
                }
                return durations;
            }""", args.saves)
            stored = page.evaluate("localStorage.getItem('kk.zelfscan.v1.scan.zs-benchmark').length")
            browser.close()
        server.shutdown()
    print(f"Largest framework: {framework} ({rendered} criteria rendered, every one answered; scan JSON {stored / 1024:.0f} KiB)")
    print(describe("Time to interactive, mount() → ready", mount_to_ready))
    print(describe("Time to interactive, navigation start → ready", navigation_to_ready))
    print(describe("One autosave (input event → saved)", saves))


if __name__ == "__main__":
    main()
