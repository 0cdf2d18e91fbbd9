"""Command line: `kwaliteitskaders check | generate | build | lock | serve`.

`check` validates everything and prints every problem as `path:line: message`.
`generate` validates, then writes the Markdown tree and data downloads into
build/docs for MkDocs or Zensical to build. Nothing is written when the data is
invalid. `build` generates, then builds build/site strictly, rebuilding only the
changed pages when that gives the same site (generator/site_build.py). `serve`
generates and serves the site with MkDocs or Zensical, regenerating on every edit.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from .errors import DataError
from .gc_tuning import collect_less
from .project import ProjectPaths, find_root


def _paths(args: argparse.Namespace) -> ProjectPaths:
    return ProjectPaths(Path(args.root).resolve() if args.root else find_root())


def cmd_check(args: argparse.Namespace) -> int:
    from .validate import iter_criteria, validate_project

    raw, problems = validate_project(_paths(args))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    count = sum(1 for file in raw.frameworks for _ in iter_criteria(file.data))
    print(f"OK: {len(raw.frameworks)} framework(s), {count} criteria, {len(raw.glossaries)} glossary file(s).")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from .pipeline import generate

    try:
        written = generate(_paths(args), site_url=args.site_url)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    print(f"Generated {written.total} file(s) in build/docs ({written.changed} changed, {written.removed} removed).")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .site_build import build_site

    try:
        status, reasons = build_site(_paths(args), args.builder, site_url=args.site_url, force_clean=args.clean)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found; nothing was built.", file=sys.stderr)
        return 1
    how = f"clean ({', '.join(reasons)})" if reasons else "only the changed pages"
    if status:
        print(f"The {args.builder} build failed ({how}).", file=sys.stderr)
        return 1
    print(f"Built build/site with {args.builder}: {how}.")
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    from .stable_ids import lock
    from .validate import validate_project

    paths = _paths(args)
    raw, problems = validate_project(paths)
    blocking = [p for p in problems if "published criterion" not in p.message]
    if blocking:
        for problem in blocking:
            print(problem, file=sys.stderr)
        print("Fix these problems before locking IDs.", file=sys.stderr)
        return 1
    changed = lock(raw, paths, set(args.accept))
    print(f"Recorded {len(changed)} id(s) in {paths.display(paths.published_ids)}.")
    return 0


BUILDERS = ("mkdocs", "zensical")
DEFAULT_BUILDER = "mkdocs"  # see README, "Building with MkDocs or Zensical"


def cmd_serve(args: argparse.Namespace) -> int:
    from .watch import regenerate, watch

    paths = _paths(args)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    # The site URL `generate` and the MkDocs hook use too, so the server's own regeneration finds
    # build/docs current instead of rewriting every permalink.
    site_url = os.environ.get("SITE_URL") or None
    if not regenerate(paths, site_url):
        return 1
    command = [str(Path(sys.executable).with_name(args.builder)), "serve", "--dev-addr", args.dev_addr,
               "-f", str(paths.config)]
    if args.builder == "mkdocs":
        # Re-render only the pages whose source changed; the hook makes that exact (generator/mkdocs_hooks.py).
        command.append("--dirty")
    stop = threading.Event()
    if args.builder == "zensical":
        # Zensical runs no hooks; our own watcher regenerates (MkDocs uses generator/mkdocs_hooks.py).
        threading.Thread(target=watch, args=(paths, stop), kwargs={"on_change": lambda p: regenerate(p, site_url)},
                         daemon=True).start()
    server = subprocess.Popen(command, cwd=paths.root)
    # Stopping us (Ctrl-C or a plain kill) stops the server too.
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        return server.wait()
    finally:
        stop.set()


def main(argv: list[str] | None = None) -> int:
    collect_less()
    parser = argparse.ArgumentParser(prog="kwaliteitskaders", description=__doc__.splitlines()[0])
    parser.add_argument("--root", help="project directory (default: found from the current directory)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the normsets and check every quotation against its source")
    generate_parser = commands.add_parser("generate", help="validate, then write the Markdown tree to build/docs")
    site_url_help = "absolute URL the site is served from, for citations (default: $SITE_URL)"
    generate_parser.add_argument("--site-url", default=os.environ.get("SITE_URL") or None, help=site_url_help)
    build_parser = commands.add_parser("build", help="generate, then build build/site strictly (only changed pages "
                                                     "when that gives the same site)")
    build_parser.add_argument("--builder", choices=BUILDERS, default=DEFAULT_BUILDER)
    build_parser.add_argument("--clean", action="store_true", help="rebuild every page")
    build_parser.add_argument("--site-url", default=os.environ.get("SITE_URL") or None, help=site_url_help)
    lock_parser = commands.add_parser("lock", help="record new criterion IDs in normsets/published-ids.yaml")
    lock_parser.add_argument("--accept", nargs="*", default=[], metavar="ID",
                             help="accept a changed text for these published IDs")
    serve_parser = commands.add_parser("serve", help="generate, serve on localhost and regenerate on every edit")
    serve_parser.add_argument("--builder", choices=BUILDERS, default=DEFAULT_BUILDER)
    serve_parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT")
    args = parser.parse_args(argv)
    handlers = {"check": cmd_check, "generate": cmd_generate, "build": cmd_build, "lock": cmd_lock,
                "serve": cmd_serve}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
