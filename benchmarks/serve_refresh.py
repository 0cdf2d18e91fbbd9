"""Live preview: `kwaliteitskaders serve` start-up and edit-to-refresh.

For each builder, on a copy of the project at a synthetic scale: starts
`kwaliteitskaders serve --builder B` right after a `generate` and records
how long until the framework page is served and what the start-up
regeneration rewrote (its log line). Then edits one normset (the framework's
title, alternating between two texts) and polls the served page in headless
Chromium (Playwright, a reload every 100 ms) until the new title shows:
edit -> page content changed in the browser, and when the serve log reported
the regeneration (so the rest is the builder's rebuild and serving). Medians
of N edits. Usage:

    .venv/bin/python benchmarks/serve_refresh.py [--edits 5] [--scale 1] [--builders mkdocs,zensical]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from build_time import make_project  # noqa: E402

from tests.test_serve import TITLE, free_port  # noqa: E402  (the serve test edits the same line)

NORMSET = "midden-groningen-wmo"


def run(builder: str, project: Path, edits: int, browser, extra: list[str]) -> dict[str, object]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "generate"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    port = free_port()
    log_path = project / f"serve-{builder}.log"
    start = time.perf_counter()
    with log_path.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "serve", "--builder",
                                   builder, "--dev-addr", f"127.0.0.1:{port}", *extra], cwd=project, env=env,
                                  stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/kwaliteitskaders/kaders/{NORMSET}/"
    page = browser.new_page()
    stop = threading.Event()
    try:
        while True:
            try:
                if page.goto(url, timeout=5000).ok:
                    break
            except Exception:  # noqa: BLE001 - not up yet
                pass
            if time.perf_counter() - start > 600:
                raise RuntimeError("server did not come up")
            time.sleep(0.2)
        startup = time.perf_counter() - start
        time.sleep(3)  # let the start-up build settle
        normset = project / "normsets" / "kaders" / f"{NORMSET}.yaml"
        original = normset.read_text(encoding="utf-8")
        assert TITLE in original
        refresh, regenerated = [], []
        log_times = watch_log(log_path, stop)
        for number in range(edits):
            marker = f"Bewerkt {number}"
            normset.write_text(original.replace(TITLE, TITLE.replace("Midden-Groningen", marker)), encoding="utf-8")
            edited = time.perf_counter()
            while True:
                try:
                    page.goto(url, timeout=5000)
                    if marker in page.inner_text("h1"):
                        break
                except Exception:  # noqa: BLE001 - mid-rebuild
                    pass
                if time.perf_counter() - edited > 300:
                    raise RuntimeError("edit never showed")
                time.sleep(0.1)
            refresh.append(time.perf_counter() - edited)
            regenerated.append(min((t for t in log_times if t > edited), default=time.perf_counter()) - edited)
            time.sleep(2)
        normset.write_text(original, encoding="utf-8")
    finally:
        stop.set()
        page.close()
        server.terminate()
        server.wait(timeout=60)
    log_text = log_path.read_text(encoding="utf-8", errors="replace")
    changed = re.findall(r"Regenerated site sources: (\d+) changed", log_text)
    return {"startup": startup, "startup_changed": changed[:2], "refresh": refresh, "regenerated": regenerated}


def watch_log(log_path: Path, stop: threading.Event) -> list[float]:
    """When each regeneration shows up in the serve log (the hook's or the watcher's log line),
    polled every 20 ms by a thread (the browser's requests block while MkDocs rebuilds)."""
    times: list[float] = []

    def poll() -> None:
        seen = 0
        while not stop.wait(0.02):
            count = log_path.read_text(encoding="utf-8", errors="replace").count("Regenerated site sources:")
            times.extend([time.perf_counter()] * (count - seen))
            seen = count

    threading.Thread(target=poll, daemon=True).start()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--builders", default="mkdocs,zensical",
                        help="comma-separated; a builder may carry serve options ('mkdocs --dev-addr ...')")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print("| scale | builder | serve start to page served s | files the start-up regeneration rewrote | "
          "edit → page changed median s | min | max | of which edit → regenerated, median s |")
    print("|---|---|---|---|---|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        for variant in args.builders.split(","):
            builder, *extra = variant.split()
            with tempfile.TemporaryDirectory() as directory:
                project = Path(directory)
                make_project(args.scale, project)
                result = run(builder, project, args.edits, browser, extra)
            refresh = result["refresh"]
            print(f"| {args.scale}× | {variant} | {result['startup']:.1f} | {', '.join(result['startup_changed'])} | "
                  f"{statistics.median(refresh):.2f} | {min(refresh):.2f} | {max(refresh):.2f} | "
                  f"{statistics.median(result['regenerated']):.2f} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
