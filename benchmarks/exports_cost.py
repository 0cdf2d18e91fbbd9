"""CPU cost of the data downloads per format: per-framework JSON, CSV and XLSX
plus the combined files, at a synthetic scale. Medians of interleaved runs of
process CPU time (time.process_time), which load on the machine disturbs far
less than the wall clock. Usage:

    .venv/bin/python benchmarks/exports_cost.py [--runs 5] [--scale 10]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_time import make_project  # noqa: E402

from generator.model import build_catalog  # noqa: E402
from generator.project import ProjectPaths  # noqa: E402
from generator.render import exports  # noqa: E402
from generator.validate import validate_project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        project = Path(directory)
        make_project(args.scale, project)
        raw, problems = validate_project(ProjectPaths(project))
        assert not problems, problems[:3]
        catalog = build_catalog(raw)
    date = "2026-12-02"
    formats = {
        "json": lambda f: json.dumps(exports.framework_json(f, date), ensure_ascii=False, indent=1).encode(),
        "csv": lambda f: exports.to_csv(f.criteria(), f.title, date, ""),
        "xlsx": lambda f: exports.to_xlsx(f.criteria(), f.title, date, ""),
    }
    everything = catalog.criteria()
    combined = {"criteria.csv": lambda: exports.to_csv(everything, "Alle kaders", date, ""),
                "criteria.xlsx": lambda: exports.to_xlsx(everything, "Alle kaders", date, "")}
    times: dict[str, list[float]] = {name: [] for name in [*formats, *combined]}
    sizes: dict[str, int] = {}
    for _ in range(args.runs):
        for name, make in formats.items():
            start = time.process_time()
            for framework in catalog.frameworks:
                make(framework)
            times[name].append(time.process_time() - start)
        for name, make in combined.items():
            start = time.process_time()
            sizes[name] = len(make())
            times[name].append(time.process_time() - start)
    print(f"scale {args.scale}×: {len(catalog.frameworks)} frameworks, {len(everything)} criteria, {args.runs} runs")
    print("| output | median CPU s | min | max |")
    print("|---|---|---|---|")
    for name, measured in times.items():
        label = f"per-framework {name} (×{len(catalog.frameworks)})" if name in formats else name
        print(f"| {label} | {statistics.median(measured):.2f} | {min(measured):.2f} | {max(measured):.2f} |")
    print(f"criteria.xlsx size: {sizes['criteria.xlsx'] / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
