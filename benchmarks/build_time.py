"""Full build time: `kwaliteitskaders generate` + `kwaliteitskaders build`
(which re-renders only the changed pages when that gives the same site; with
--code-from an older revision: + `mkdocs build --strict` or `zensical build`).

Runs at the real data size and with synthetic copies of every normset
(new framework and criterion IDs, and new words per copy: benchmarks/synthetic.py)
at several multiples.
Prints medians of N runs: CPU of the child processes (generate + build, from
os.wait4, which load on the machine disturbs far less than the wall clock),
the wall clock, and the peak resident memory of the larger child (and which one;
a child's figure includes the builder it starts). A "cold"
build starts without build/cache and build/docs; a "warm" one after one
normset edit (a framework title), with the cache of the build before.
With --builders mkdocs,zensical the two builders run interleaved on the same
tree, so machine noise hits both alike. The last column is what `make build` costs: after the
same preparation again (another edit, or no cache), one `kwaliteitskaders build`, whose own
generate then does the work (in the split before it, that generate finds build/docs current and
costs a no-op's CPU on top). Usage:

    .venv/bin/python benchmarks/build_time.py [--runs 5] [--scales 1,10,30] [--builders mkdocs] [--kinds cold,warm]

(--builders none: `generate` alone, for the generator's own figures.)
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.synthetic import ROOT, make_project  # noqa: E402,F401  (finder_latency imports both from here)


def build_command(builder: str, project: Path) -> list[str]:
    if (project / "generator" / "site_build.py").exists():
        # `kwaliteitskaders build`: its own generate finds build/docs current (a no-op, counted
        # here), then the builder re-renders only changed pages when that gives the same site.
        return [sys.executable, "-m", "generator", "--root", str(project), "build", "--builder", builder]
    # Code before `kwaliteitskaders build` (--code-from): the builder alone, always clean.
    if builder == "zensical":
        return [str(Path(sys.executable).with_name("zensical")), "build", "--clean", "-f", str(project / "mkdocs.yml")]
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml")]


CHILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_child(command: list[str], **kwargs) -> tuple[float, int]:
    """CPU seconds (user + system) and peak resident memory (KiB) of one child process."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def timed_build(project: Path, builder: str = "mkdocs") -> tuple[float, float, float, int, str]:
    """Wall-clock seconds, generate CPU, builder CPU, the larger peak memory (KiB) of generate + build,
    and which of the two had it."""
    env = CHILD_ENV
    start = time.perf_counter()
    # cwd=project: the project's own copy of the generator runs (see --code-from).
    generate_cpu, generate_rss = run_child([sys.executable, "-m", "generator", "--root", str(project), "generate"],
                                           cwd=project, env=env)
    build_cpu, build_rss = (0.0, 0) if builder == "none" else run_child(build_command(builder, project), cwd=project,
                                                                        env=env)
    peak = "generate" if generate_rss >= build_rss else "build"
    return time.perf_counter() - start, generate_cpu, build_cpu, max(generate_rss, build_rss), peak


def prepare(project: Path, kind: str, edit: int) -> None:
    """cold: no cache and no generated tree; warm: the last build's cache, then one normset edited."""
    if kind == "cold":
        for name in ("cache", "docs", "site"):
            shutil.rmtree(project / "build" / name, ignore_errors=True)
        return
    normset = project / "normsets" / "kaders" / "midden-groningen-wmo.yaml"
    text = normset.read_text(encoding="utf-8")
    text, count = re.subn(r"^(  title: Wmo kwaliteitskader gemeente Midden-Groningen)(?: \(bewerkt \d+\))?$",
                          rf"\1 (bewerkt {edit})", text, count=1, flags=re.M)
    assert count == 1, normset
    normset.write_text(text, encoding="utf-8")


def largest_page(project: Path) -> tuple[str, int, int]:
    pages = list((project / "build" / "site" / "kaders").glob("*/index.html"))
    biggest = max(pages, key=lambda p: p.stat().st_size)
    raw = biggest.read_bytes()
    return biggest.parent.name, len(raw), len(gzip.compress(raw, 9))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,10,30")
    parser.add_argument("--builders", default="mkdocs", help="comma-separated: mkdocs, zensical, none (generate alone)")
    parser.add_argument("--kinds", default="cold,warm",
                        help="cold (no build/cache, no build/docs) and/or warm (after one normset edit)")
    parser.add_argument("--code-from", metavar="REV",
                        help="measure the generator, mkdocs.yml, content/ and site_templates/ of this git revision "
                             "(a 'before' figure)")
    args = parser.parse_args()
    builders = args.builders.split(",")
    kinds = args.kinds.split(",")
    print("| scale | criteria | builder | build | median CPU s (generate + build) | min | max | median wall s | "
          "peak memory MiB (child) | `make build`: median CPU s (one `kwaliteitskaders build`) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for scale in (int(s) for s in args.scales.split(",")):
        with tempfile.TemporaryDirectory() as directory:
            project = Path(directory)
            make_project(scale, project)
            if args.code_from:
                for name in ("generator", "content", "site_templates"):
                    shutil.rmtree(project / name)
                archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.code_from, "generator", "content",
                                          "site_templates", "mkdocs.yml"], check=True, capture_output=True).stdout
                subprocess.run(["tar", "-x", "-C", str(project)], input=archive, check=True)
            check = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"], check=True,
                                   capture_output=True, text=True, cwd=project)
            count = int(re.search(r"(\d+) criteria", check.stdout).group(1))
            runs: dict[tuple[str, str], list[tuple[float, float, float, int, str]]] = {}
            single: dict[tuple[str, str], list[float]] = {}  # `make build`: kwaliteitskaders build alone
            last_builder = None
            edits = 0  # every warm build edits the title to a text no build before saw
            for run in range(args.runs):
                for builder in builders:  # interleaved
                    for kind in kinds:
                        if kind == "warm" and last_builder != builder:
                            # The builders share build/site: a warm build starts from its own builder's
                            # last build (and a filled cache), as it would for someone using one builder.
                            timed_build(project, builder)
                        edits += kind == "warm"
                        prepare(project, kind, edits)
                        last_builder = builder
                        runs.setdefault((builder, kind), []).append(timed_build(project, builder))
                        if builder != "none" and (project / "generator" / "site_build.py").exists():
                            edits += kind == "warm"
                            prepare(project, kind, edits)
                            cpu, _ = run_child(build_command(builder, project), cwd=project, env=CHILD_ENV)
                            single.setdefault((builder, kind), []).append(cpu)
            for (builder, kind), measured in runs.items():
                total = [g + b for _, g, b, _, _ in measured]
                _, _, _, peak, child = max(measured, key=lambda m: m[3])
                print(f"| {scale}× | {count} | {builder} | {kind} | {statistics.median(total):.2f} "
                      f"({statistics.median(g for _, g, _, _, _ in measured):.2f} + "
                      f"{statistics.median(b for _, _, b, _, _ in measured):.2f}) | {min(total):.2f} | {max(total):.2f} | "
                      f"{statistics.median(w for w, *_ in measured):.1f} | {peak / 1024:.0f} ({child}) | "
                      f"{f'{statistics.median(single[builder, kind]):.2f}' if (builder, kind) in single else '–'} |",
                      flush=True)
            if scale == 1 and builders != ["none"]:
                name, size, gzipped = largest_page(project)
                print(f"\nLargest framework page at real size: {name}: {size / 1024:.0f} KiB, "
                      f"{gzipped / 1024:.0f} KiB gzip\n", flush=True)


if __name__ == "__main__":
    main()
