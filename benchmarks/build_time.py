"""Full build time: `kwaliteitskaders generate` + `mkdocs build --strict`
(or `zensical build`).

Runs at the real data size and with synthetic copies of every normset
(new framework and criterion IDs, and new words per copy: benchmarks/synthetic.py)
at several multiples.
Prints medians of N runs, wall clock and CPU (of the child processes).
With --builders mkdocs,zensical the two builders run interleaved on the same
tree, so machine noise hits both alike. Usage:

    .venv/bin/python benchmarks/build_time.py [--runs 5] [--scales 1,10,30] [--builders mkdocs]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.synthetic import ROOT, make_project  # noqa: E402,F401  (finder_latency imports both from here)


def build_command(builder: str, project: Path) -> list[str]:
    if builder == "zensical":
        return [str(Path(sys.executable).with_name("zensical")), "build", "--clean", "-f", str(project / "mkdocs.yml")]
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml")]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path, builder: str = "mkdocs") -> tuple[float, float]:
    """Wall-clock and CPU seconds of generate + build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "generate"], check=True,
                   env=env, stdout=subprocess.DEVNULL)
    subprocess.run(build_command(builder, project), cwd=project, check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu


def largest_page(project: Path) -> tuple[str, int, int]:
    pages = list((project / "build" / "site" / "kaders").glob("*/index.html"))
    biggest = max(pages, key=lambda p: p.stat().st_size)
    raw = biggest.read_bytes()
    return biggest.parent.name, len(raw), len(gzip.compress(raw, 9))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,10,30")
    parser.add_argument("--builders", default="mkdocs", help="comma-separated: mkdocs, zensical")
    args = parser.parse_args()
    builders = args.builders.split(",")
    print("| scale | criteria | builder | median wall s | min | max | median CPU s | s per 1000 criteria |")
    print("|---|---|---|---|---|---|---|---|")
    for scale in (int(s) for s in args.scales.split(",")):
        with tempfile.TemporaryDirectory() as directory:
            project = Path(directory)
            make_project(scale, project)
            check = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"], check=True,
                                   capture_output=True, text=True)
            count = int(re.search(r"(\d+) criteria", check.stdout).group(1))
            runs: dict[str, list[tuple[float, float]]] = {b: [] for b in builders}
            for _ in range(args.runs):
                for builder in builders:  # interleaved
                    runs[builder].append(timed_build(project, builder))
            for builder, measured in runs.items():
                wall = [w for w, _ in measured]
                median = statistics.median(wall)
                cpu = statistics.median(c for _, c in measured)
                print(f"| {scale}× | {count} | {builder} | {median:.2f} | {min(wall):.2f} | {max(wall):.2f} | "
                      f"{cpu:.2f} | {median / count * 1000:.3f} |", flush=True)
            if scale == 1:
                name, size, gzipped = largest_page(project)
                print(f"\nLargest framework page at real size: {name}: {size / 1024:.0f} KiB, "
                      f"{gzipped / 1024:.0f} KiB gzip\n", flush=True)


if __name__ == "__main__":
    main()
