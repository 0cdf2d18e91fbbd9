"""Criteria finder (/zoeken/) keystroke latency, in headless Chromium.

For a fixed list of queries, types each query one key at a time and measures,
per keystroke, the time from the keydown event to the frame that shows the
new results (DOM updated, styled, laid out and painted), one keystroke at a
time. Also reports how many of the expected criteria it finds. (Material's
header search, measured here before, is no longer part of the site: the
header box now opens the finder.)

"Expected" is computed here from the data, independently of the finder:
a criterion is expected when its folded text (accents and case removed; own
text, items, notes and evidence) contains, for every part of the query, one
of the forms meant (a typo query means the correctly spelt word, an
abbreviation also its long form). Recall per kind of query over a longer
list: benchmarks/finder_recall.py.

Sizes: the real data, and synthetic copies of every normset (same texts, new
IDs; make_project from build_time.py) at ≈20,000 criteria. At the synthetic
size the real site is reused with the finder's index swapped for one built by
the generator from the synthetic project.

    .venv/bin/python benchmarks/finder_latency.py [--scale 31] [--passes 3]
"""

from __future__ import annotations

import argparse
import fcntl
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import unicodedata
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.build_time import ROOT, make_project  # noqa: E402
from generator.model import build_catalog  # noqa: E402
from generator.project import ProjectPaths  # noqa: E402
from generator.render.search_index import render_search_index  # noqa: E402
from generator.validate import validate_project  # noqa: E402

SUB_PATH = "/kwaliteitskaders/"

# (typed query, the forms meant: every group must occur, any form of a group will do)
QUERIES: list[tuple[str, list[list[str]]]] = [
    ("clientenraad", [["clientenraad"]]),
    ("continuiteit", [["continuiteit"]]),
    ("beleid", [["beleid"]]),
    ("procedure", [["procedure"]]),
    ("medicatiebeleid", [["medicatiebeleid"]]),
    ("klachtenprocedure", [["klachtenprocedure"]]),
    ("personeelsbeleid", [["personeelsbeleid"]]),
    ("veiligheid", [["veiligheid"]]),
    ("scholing", [["scholing"]]),
    ("meldcode toegepast", [["meldcode"], ["toegepast"]]),
    ("medicatie beleid", [["medicatie"], ["beleid"]]),
    ('"huiselijk geweld"', [["huiselijk geweld"]]),
    ("VOG", [["vog", "verklaring omtrent het gedrag"]]),
    ("SKJ", [["skj", "kwaliteitsregister jeugd"]]),
    ("HKZ", [["hkz"]]),
    ("procedre", [["procedure"]]),
    ("vertrouwenpersoon", [["vertrouwenspersoon"]]),
    ("klachten", [["klacht"]]),
    ("vertrouwenspersonen", [["vertrouwenspersoon", "vertrouwenspersonen"]]),
    ("medewerkers", [["medewerker"]]),
    ("wijkteam", [["wijkteam", "wijk teams", "wijk team"]]),
    ("beschermd wonen", [["beschermd wonen"]]),
    ("klachtenregelnig", [["klachtenregeling"]]),
]


def fold(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()))


def expected_ids(index: dict, meant: list[list[str]]) -> set[str]:
    found = set()
    for record in index["criteria"]:
        texts = [record["title"] or "", record["text"], *(r[2] for r in record["items"]), *(r[1] for r in record["notes"])]
        folded = " " + " | ".join(fold(t) for t in texts) + " "
        if all(any(form in folded for form in group) for group in meant):
            found.add(record["id"])
    return found


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def translate_path(self, path):
        return super().translate_path("/" + path[len(SUB_PATH):] if path.startswith(SUB_PATH) else "/__none__")


def serve(directory: Path) -> tuple[str, socketserver.TCPServer]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}", server


def build_real_site(target: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    lock_path = ROOT / "build" / ".test-build.lock"
    lock_path.parent.mkdir(exist_ok=True)
    with lock_path.open("w") as lock:  # build/docs is shared with test runs in the same checkout
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=ROOT, check=True, env=env,
                       stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)],
                       cwd=ROOT, check=True, env=env)


def synthesise_site(real_site: Path, target: Path, scale: int) -> int:
    """Copy of the real site whose finder index holds `scale`× the criteria."""
    shutil.copytree(real_site, target)
    with tempfile.TemporaryDirectory() as directory:
        project = Path(directory)
        make_project(scale, project)
        raw, problems = validate_project(ProjectPaths(project))
        if problems:
            raise SystemExit(f"synthetic project invalid: {problems[:3]}")
        catalog = build_catalog(raw)
    for relative, content in render_search_index(catalog).items():
        (target / relative).write_bytes(content)
    return len(catalog.criteria())


FINDER_PROBE = """() => {
  const app = document.querySelector('[data-kk-app="finder"]');
  const input = document.getElementById('kk-finder-q');
  const list = document.getElementById('kk-finder-results');
  window.__samples = [];
  window.__keydown = null;
  input.addEventListener('keydown', () => { window.__keydown = performance.now(); }, true);
  app.addEventListener('kk:finder-rendered', () => {
    const start = window.__keydown;
    if (start === null) return;
    window.__keydown = null;
    // "work": the results are in the DOM, styled and laid out (forced here).
    void list.offsetHeight;
    const work = performance.now() - start;
    // "frame": the frame showing them has been produced (the animation-frame
    // callback runs before paint, the task queued from it after). Includes
    // waiting for the next frame boundary (16.7 ms apart), which is not work.
    requestAnimationFrame(() => setTimeout(() => window.__samples.push([work, performance.now() - start]), 0));
  });
}"""

FINDER_ALL_IDS = """async (query) => {
  const root = new URL('../', location.href);
  const { SearchEngine } = await import(new URL('assets/js/finder/engine.js', root).href);
  const { parseQuery, synonymLookup } = await import(new URL('assets/js/finder/query.js', root).href);
  window.__index = window.__index || await (await fetch(new URL('assets/search/finder-index.json', root))).json();
  window.__engine = window.__engine || new SearchEngine(window.__index);
  const { results } = window.__engine.search(parseQuery(query, synonymLookup(window.__index.synonyms)));
  return results.map((r) => window.__index.criteria[r.index].id);
}"""


def run_finder(page, base_url: str, passes: int) -> tuple[list[float], dict[str, list[str]], float]:
    page.goto(base_url + "zoeken/")
    page.wait_for_selector('[data-kk-app="finder"][data-ready="true"]', timeout=120_000)
    load_ms = page.evaluate("performance.getEntriesByType('resource').find(e => e.name.endsWith('finder-index.json')).duration")
    page.evaluate(FINDER_PROBE)
    box = page.locator("#kk-finder-q")
    for _ in range(passes):
        for query, _meant in QUERIES:
            # Clear without a keystroke, so only typed characters are sampled.
            box.evaluate("input => { window.__keydown = null; input.value = ''; input.dispatchEvent(new Event('input')); }")
            box.focus()
            for char in query:
                count = page.evaluate("window.__samples.length")
                page.keyboard.type(char)
                page.wait_for_function("n => window.__samples.length > n", arg=count)
    samples = page.evaluate("window.__samples")
    samples = ([work for work, _frame in samples], [frame for _work, frame in samples])
    expected_keystrokes = passes * sum(len(q) for q, _ in QUERIES)
    assert len(samples[0]) == expected_keystrokes, (len(samples[0]), expected_keystrokes)
    found = {query: page.evaluate(FINDER_ALL_IDS, query) for query, _ in QUERIES}
    # The page shows the same number as the engine returns.
    box.fill(QUERIES[0][0])
    status = page.locator(".kk-finder__status").inner_text()
    assert status.startswith(f"{len(found[QUERIES[0][0]])} "), status
    return samples, found, load_ms


def report(label: str, criteria: int, index_file: Path, finder, expected) -> None:
    finder_samples, finder_found, load_ms = finder
    raw = index_file.read_bytes()
    print(f"\n### {label}: {criteria} criteria\n")
    print(f"Finder index: {len(raw) / 1024:.0f} KiB, {len(gzip.compress(raw, 9)) / 1024:.0f} KiB gzip; "
          f"fetch + parse on the page {load_ms:.0f} ms (local server)\n")
    print("| search | keystrokes | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    rows = (("finder: work (DOM + style + layout)", finder_samples[0]), ("finder: to next frame", finder_samples[1]))
    for name, samples in rows:
        print(f"| {name} | {len(samples)} | {statistics.median(samples):.1f} | {percentile(samples, 0.95):.1f} | "
              f"{max(samples):.1f} |")
    print("\n| query | expected | finder finds (of expected) | finder total |")
    print("|---|---|---|---|")
    for query, _ in QUERIES:
        want = expected[query]
        got_finder = set(finder_found[query])
        print(f"| `{query}` | {len(want)} | {len(want & got_finder)} | {len(got_finder)} |")
    total = sum(len(expected[q] & set(finder_found.get(q, []))) for q, _ in QUERIES)
    print(f"| **all** | {sum(len(expected[q]) for q, _ in QUERIES)} | {total} | |", flush=True)


def measure(browser, site: Path, label: str, passes: int) -> None:
    index_file = site / "assets" / "search" / "finder-index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    expected = {query: expected_ids(index, meant) for query, meant in QUERIES}
    base_url, server = serve(site)
    try:
        context = browser.new_context(locale="nl-NL")
        finder = run_finder(context.new_page(), base_url, passes)
        context.close()
    finally:
        server.shutdown()
    report(label, len(index["criteria"]), index_file, finder, expected)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=31, help="synthetic copies (31 × 653 ≈ 20,000 criteria); 0 skips")
    parser.add_argument("--passes", type=int, default=3, help="times the finder types the whole query list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory, sync_playwright() as playwright:
        real = Path(directory) / "real"
        build_real_site(real)
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             headless=True, args=["--no-sandbox", "--disable-gpu"])
        measure(browser, real, "Real size", args.passes)
        if args.scale > 1:
            synthetic = Path(directory) / "synthetic"
            synthesise_site(real, synthetic, args.scale)
            measure(browser, synthetic, f"Synthetic {args.scale}×", args.passes)
        browser.close()


if __name__ == "__main__":
    main()
