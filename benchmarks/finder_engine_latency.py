"""Finder engine time per keystroke, without the page: parse + search only, in Node.

For comparing two versions of the engine (e.g. before and after a change) on
a loaded machine, where browser figures drift: runs each version in turn,
several rounds interleaved, typing the queries of finder_latency.py one
character at a time; reports p50/p95 of all keystrokes over the rounds.

    .venv/bin/python benchmarks/finder_engine_latency.py --version NAME JS_DIR INDEX_JSON [--version ...] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.finder_latency import QUERIES  # noqa: E402
from benchmarks.finder_recall import RUNNER_HEAD, prepare_engine  # noqa: E402

RUNNER = RUNNER_HEAD + """
// Warm the per-criterion field cache as the page does when idle.
for (let c = 0; c < engine.count; c += 1) engine.fields(c);
const times = [];
for (const query of queries) {
  for (let i = 1; i <= query.length; i += 1) {
    const start = performance.now();
    engine.search(parseQuery(query.slice(0, i), synonyms));
    times.push(performance.now() - start);
  }
}
console.log(JSON.stringify(times));
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", nargs=3, action="append", metavar=("NAME", "JS_DIR", "INDEX"), required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    samples: dict[str, list[float]] = {name: [] for name, _js, _index in args.version}
    with tempfile.TemporaryDirectory() as tmp:
        queries = Path(tmp) / "queries.json"
        queries.write_text(json.dumps([q for q, _meant in QUERIES]))
        scripts = {name: prepare_engine(Path(js), Path(tmp) / name, RUNNER) for name, js, _index in args.version}
        for _round in range(args.rounds):
            for name, _js, index in args.version:
                out = subprocess.run(["node", str(scripts[name]), index, str(queries)],
                                     capture_output=True, text=True, check=True).stdout
                samples[name].extend(json.loads(out))
    print("| engine | keystrokes | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, times in samples.items():
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"| {name} | {len(times)} | {statistics.median(times):.2f} | {p95:.2f} | {max(times):.1f} |")


if __name__ == "__main__":
    main()
