"""MkDocs adapter for `kwaliteitskaders build` and `serve`: MkDocs' dirty mode without its notice.

`python -m generator.mkdocs_build build --strict --dirty ...` is `mkdocs build` with the
same arguments, except that the warning MkDocs logs at the start of every dirty build
("A 'dirty' build is being performed ...") is dropped, which would otherwise abort the
strict build. Every other warning still counts and fails it. generator/site_build.py
runs this only once it has established that the dirty build gives the site a clean one
would; the serve hook (generator/mkdocs_hooks.py) installs the same filter.
"""

from __future__ import annotations

import logging
import sys

MKDOCS_DIRTY_NOTICE = "A 'dirty' build is being performed"  # how MkDocs' notice starts (mkdocs/commands/build.py)


class DropDirtyNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(MKDOCS_DIRTY_NOTICE)


def drop_dirty_notice() -> None:
    # The notice is logged by this logger; a logger's filter runs before any handler,
    # so MkDocs' strict-mode counter never sees it.
    logging.getLogger("mkdocs.commands.build").addFilter(DropDirtyNotice())


def main(argv: list[str]) -> None:
    from mkdocs.__main__ import cli

    drop_dirty_notice()
    cli.main(argv, prog_name="mkdocs")  # exits with MkDocs' own status


if __name__ == "__main__":
    main(sys.argv[1:])
