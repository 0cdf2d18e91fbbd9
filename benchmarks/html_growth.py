"""How the built HTML grows with the catalogue: all pages per criterion, and pages that should not grow.

Issue 22 measured 5.4 KB of HTML per criterion at 1× and 10.2 KB at 30× (every page carried the
full navigation), and the privacy page growing from 29 KB to 218 KB. This builds the project at
each scale (benchmarks/sites.py) and prints, per scale: the HTML of all pages divided by the
number of criteria, and the size of pages whose content does not depend on the catalogue
(privacy, accessibility, home). Usage:

    .venv/bin/python benchmarks/html_growth.py [--scales 1,10,30] [--root DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.sites import built_site  # noqa: E402

FIXED_PAGES = {"privacy": "over/privacy/index.html", "accessibility": "over/toegankelijkheid/index.html",
               "home": "index.html"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,30")
    parser.add_argument("--root", type=Path, default=None, help="project checkout to measure (default: this one)")
    args = parser.parse_args()
    print("| scale | criteria | pages | HTML of all pages MB | HTML per criterion KB | "
          + " | ".join(f"{name} KB" for name in FIXED_PAGES) + " |")
    print("|---|---|---|---|---|" + "---|" * len(FIXED_PAGES))
    for scale in (int(s) for s in args.scales.split(",")):
        with built_site(scale, root=args.root) as site:
            pages = list(site.directory.rglob("*.html"))
            total = sum(page.stat().st_size for page in pages)
            fixed = [(site.directory / relative).stat().st_size / 1000 for relative in FIXED_PAGES.values()]
            print(f"| {scale}× | {site.criteria} | {len(pages)} | {total / 1e6:.1f} | {total / site.criteria / 1000:.1f} | "
                  + " | ".join(f"{size:.1f}" for size in fixed) + " |", flush=True)


if __name__ == "__main__":
    main()
