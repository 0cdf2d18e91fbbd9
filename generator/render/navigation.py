"""The site navigation, in the order a visitor needs it.

MkDocs would otherwise sort the top level alphabetically (Begrippen, Data,
Kaders, ...). The navigation is written as `.nav.json` into the generated
tree: plain data in MkDocs' `nav` shape, which the MkDocs adapter hands to
MkDocs (a dot-file, so it is not published). Frameworks come from the data,
so a new normset appears without touching any configuration.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Catalog

# Hand-written sections in content/, in the order they appear after the data pages.
TOOLS = [("Zoeken", "zoeken/index.md"), ("Selectie", "selectie/index.md"), ("Zelfscan", "zelfscan/index.md")]


def build_navigation(catalog: Catalog, content: Path) -> list[Any]:
    def existing(entries: list[tuple[str, str]]) -> list[dict[str, str]]:
        return [{title: path} for title, path in entries if (content / path).is_file()]

    navigation: list[Any] = [{"Home": "index.md"}]
    navigation.append({"Kaders": ["kaders/index.md", *(f"kaders/{f.id}.md" for f in catalog.frameworks)]})
    navigation.append({"Thema's": ["themas/index.md", *(f"themas/{e.id}.md" for e in catalog.elements)]})
    navigation.extend(existing(TOOLS))
    if catalog.glossaries:
        navigation.append({"Begrippen": "begrippen.md"})
    navigation.append({"Data": "data/index.md"})
    about = sorted(p.relative_to(content).as_posix() for p in (content / "over").glob("*.md"))
    if about:
        navigation.append({"Over deze site": about})
    return navigation


def render_navigation(catalog: Catalog, content: Path) -> dict[str, bytes]:
    return {".nav.json": json.dumps(build_navigation(catalog, content), ensure_ascii=False, indent=1).encode("utf-8")}
