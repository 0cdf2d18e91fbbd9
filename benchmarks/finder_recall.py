"""Finder recall on the query list of tests/finder_queries.py, per kind of query.

Runs the finder's own engine (site_templates/assets/js/finder/*.js, or an
older copy) with Node on a finder index and compares what it finds with the
oracle computed from the catalog data. Used to record recall before and after
a change in BENCHMARKS.md:

    .venv/bin/python benchmarks/finder_recall.py [--assets build/docs/assets] [--js DIR]

--assets is a generated assets/ directory (catalog/ and search/finder-index.json);
--js a directory with the finder's modules (default: assets/js/finder under --assets).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.finder_queries import KINDS, QUERIES, oracle, recall_by_kind, searchable_texts  # noqa: E402

# Loads the finder's modules and the index; the runner's own part follows.
RUNNER_HEAD = """
import { readFileSync } from "fs";
import { SearchEngine } from "./engine.js";
import { parseQuery, synonymLookup } from "./query.js";
const index = JSON.parse(readFileSync(process.argv[2], "utf8"));
const queries = JSON.parse(readFileSync(process.argv[3], "utf8"));
const engine = new SearchEngine(index);
const synonyms = synonymLookup(index.synonyms);
"""

RUNNER = RUNNER_HEAD + """
const found = {};
for (const query of queries) {
  found[query] = engine.search(parseQuery(query, synonyms)).results.map((r) => index.criteria[r.index].id);
}
console.log(JSON.stringify(found));
"""


def prepare_engine(js: Path, work: Path, runner: str) -> Path:
    """A directory Node can run the finder's ES modules from, with `runner` as run.mjs."""
    work.mkdir(parents=True, exist_ok=True)
    for module in js.glob("*.js"):
        shutil.copy(module, work / module.name)
    (work / "package.json").write_text('{"type": "module"}')
    (work / "run.mjs").write_text(runner)
    return work / "run.mjs"


def run(assets: Path, js: Path) -> dict[str, list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        script = prepare_engine(js, work, RUNNER)
        (work / "queries.json").write_text(json.dumps([q for _k, q, _g in QUERIES]))
        result = subprocess.run(["node", str(script), str(assets / "search" / "finder-index.json"),
                                 str(work / "queries.json")], capture_output=True, text=True, check=True)
        return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assets", type=Path, default=Path("build/docs/assets"))
    parser.add_argument("--js", type=Path)
    parser.add_argument("--per-query", action="store_true")
    args = parser.parse_args()
    texts = searchable_texts(args.assets.parent)
    found = run(args.assets, args.js or args.assets / "js" / "finder")
    if args.per_query:
        for kind, query, groups in QUERIES:
            relevant = oracle(texts, groups)
            print(f"{kind:10} {query:32} {len(relevant & set(found[query])):4}/{len(relevant):<4} found {len(found[query])}")
    totals = recall_by_kind(texts, found)
    print("| kind | queries | relevant found / relevant | recall |")
    print("|---|---|---|---|")
    for kind in KINDS:
        hit, total = totals[kind]
        print(f"| {kind} | {sum(1 for k, _q, _g in QUERIES if k == kind)} | {hit} / {total} | {hit / total:.1%} |")
    hit = sum(h for h, _t in totals.values())
    total = sum(t for _h, t in totals.values())
    print(f"| all | {len(QUERIES)} | {hit} / {total} | {hit / total:.1%} |")


if __name__ == "__main__":
    main()
