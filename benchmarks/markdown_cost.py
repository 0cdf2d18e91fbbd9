"""What the Markdown side of `mkdocs build` costs on our generated pages, per
HTML pass: Python-Markdown's raw-HTML block parse (`md_in_html`'s parser when
that extension is on, the plain one otherwise), MkDocs' own scan of the raw
HTML for anchor IDs, and the rest of the conversion; and what handing the HTML regions the
templates mark straight to the page saves (generator/markdown_raw.py). Converts every generated
page in build/docs of a synthetic project the way MkDocs does (same
extensions, MkDocs' raw-HTML preprocessor registered), interleaving the
variants; CPU medians (time.process_time). Usage:

    .venv/bin/python benchmarks/markdown_cost.py [--runs 3] [--scale 1]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_time import make_project  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.test_markdown_raw import configured_extensions  # noqa: E402  (mkdocs.yml's extensions)


def convert_all(pages: list[str], names: list[str], configs: dict, anchor_scan: bool) -> float:
    from mkdocs.structure.pages import _RawHTMLPreprocessor

    start = time.process_time()
    for text in pages:
        md = markdown.Markdown(extensions=names, extension_configs=configs)
        if anchor_scan:
            _RawHTMLPreprocessor()._register(md)
        md.convert(text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    names, configs = configured_extensions()
    with tempfile.TemporaryDirectory() as directory:
        project = Path(directory)
        make_project(args.scale, project)
        subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "generate"], check=True,
                       stdout=subprocess.DEVNULL)
        pages = [p.read_text(encoding="utf-8") for p in sorted((project / "build" / "docs").rglob("*.md"))]
    without_raw = [n for n in names if n not in ("md_in_html", "generator.markdown_raw")]
    variants = {
        "as configured: marked HTML regions handed over (generator.markdown_raw) + MkDocs anchor scan":
            ([*without_raw, "generator.markdown_raw"], True),
        "every raw HTML block parsed + MkDocs anchor scan (before)": (without_raw, True),
        "md_in_html + MkDocs anchor scan (before issue 22)": ([*without_raw, "md_in_html"], True),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.runs):
        for name, (extension_names, scan) in variants.items():
            times[name].append(convert_all(pages, extension_names, configs, scan))
    print(f"scale {args.scale}×: {len(pages)} pages, {sum(len(p) for p in pages) / 1e6:.1f} MB Markdown, "
          f"{args.runs} runs; extensions in mkdocs.yml: {', '.join(names)}")
    print("| variant | median CPU s | min | max |")
    print("|---|---|---|---|")
    for name, measured in times.items():
        print(f"| {name} | {statistics.median(measured):.2f} | {min(measured):.2f} | {max(measured):.2f} |")


if __name__ == "__main__":
    main()
