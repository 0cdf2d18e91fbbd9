"""Data downloads: JSON (per framework and combined, plus the schema), CSV
(UTF-8 with BOM, ';' separated, as Excel expects in a Dutch locale) and XLSX."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any, Callable

from ..cache import Cache
from ..citations import lifecycle_warning
from ..model import Catalog, Criterion, Framework, Item
from ..project import ProjectPaths
from . import xlsx


def _items_text(items: list[Item], depth: int = 0) -> list[str]:
    lines = []
    for item in items:
        label = f"{item.label}. " if item.label else ""
        lines.append("  " * depth + "• " + label + item.text)  # not "- ": a spreadsheet reads that as a formula
        lines.extend(_items_text(item.items, depth + 1))
    return lines


COLUMNS: list[tuple[str, str, Callable[[Criterion], str]]] = [
    ("id", "Vaste ID van het criterium; ook het anker in de permalink.", lambda c: c.id),
    ("kader_id", "ID van het kader.", lambda c: c.framework.id),
    ("kader", "Titel van het kader.", lambda c: c.framework.title),
    ("kader_versie", "Versie of datum van het kader zoals de bron die geeft.",
     lambda c: c.framework.data.get("version") or c.framework.data.get("date") or c.framework.year_text),
    ("uitgever", "Uitgever(s) van het kader.", lambda c: c.framework.publisher_text),
    ("jaar", "Jaar van het kader.", lambda c: c.framework.year_text),
    ("sectie", "Pad van (sub)koppen waaronder het criterium staat.", lambda c: " › ".join(s.title for s in c.section_path)),
    ("nummer", "Nummer of code zoals gedrukt in de bron (leeg als de bron geen nummer geeft).", lambda c: c.number or ""),
    ("vindplaats", "Waar de lezer het criterium in de brontekst vindt: het gedrukte nummer, of de kop en de "
     "positie eronder (zoals ‘§ Veiligheid, 3e eis’), met de pagina als die bekend is. Nooit de interne ID.",
     lambda c: c.citation.locator),
    ("bronvermelding", "Volledige bronvermelding in één regel: wie de tekst schreef (bij een samenvatting: "
     "Movisie), titel, uitgever, jaar of versie en de vindplaats. Dezelfde tekst als bij ‘Kopieer met "
     "bronvermelding’ en in de exports van de selectie en de zelfscan.", lambda c: c.citation.text),
    ("titel", "Titel zoals gedrukt in de bron, indien aanwezig.", lambda c: c.title or ""),
    ("tekst", "Letterlijke tekst van het criterium.", lambda c: c.text),
    ("onderdelen", "Onderliggende punten, één per regel, ingesprongen per niveau.", lambda c: "\n".join(_items_text(c.items))),
    ("slottekst", "Tekst die in de bron na de onderliggende punten staat (leeg als die er niet is).",
     lambda c: c.closing.text if c.closing else ""),
    ("element", "Primair element: dienstverlening, vakmanschap, samenwerking of organisatie.", lambda c: c.element),
    ("ook_elementen", "Andere elementen waar het criterium ook onder valt.", lambda c: ", ".join(c.also_elements)),
    ("tags", "Onderwerpen uit de vaste lijst.", lambda c: ", ".join(c.tags)),
    ("van_toepassing", "Voorwaarden voor toepasselijkheid (soort: tekst).",
     lambda c: "\n".join(f"{a.kind}: {a.text}" for a in c.applicability)),
    ("bewijs", "Mogelijke indicatoren en te verifiëren stukken (soort: tekst).",
     lambda c: "\n".join(f"{e.kind}: {e.text}" for e in c.evidence)),
    ("noten", "Noten bij het criterium (soort: tekst).", lambda c: "\n".join(f"{n.kind}: {n.text}" for n in c.notes)),
    ("geldigheid", "Geldigheid van het kader: geldig, verlopen, vervangen of onbekend.",
     lambda c: c.framework.lifecycle["status"]),
    ("let_op", "Waarschuwing als het kader verlopen of vervangen is (anders leeg).",
     lambda c: lifecycle_warning(c.framework) or ""),
    ("bron_regels", "Regelnummers in de tekstversie van de bron (sources/ in de repository).", lambda c: c.lines),
    ("permalink", "Vaste link naar het criterium op deze site.", lambda c: c.url),
]

COLUMN_DOCS = [(name, meaning) for name, meaning, _ in COLUMNS]


def _rows(criteria: list[Criterion], site_url: str) -> list[list[str]]:
    rows = []
    for criterion in criteria:
        row = [getter(criterion) for _, _, getter in COLUMNS]
        row[-1] = site_url.rstrip("/") + "/" + row[-1] if site_url else row[-1]
        rows.append(row)
    return rows


def _preamble(title: str, build_date: str, criteria: list[Criterion]) -> list[str]:
    """The first row: what the file is, and a warning for every expired or superseded framework in it."""
    warnings = []
    seen: set[int] = set()
    for criterion in criteria:
        if id(criterion.framework) in seen:
            continue
        seen.add(id(criterion.framework))
        warning = lifecycle_warning(criterion.framework)
        if warning and f"Let op: {warning}" not in warnings:
            warnings.append(f"Let op: {warning}")
    return [" ".join([f"{title} — gebouwd op {build_date}. Letterlijke teksten; het originele document blijft "
                      "gezaghebbend.", *warnings])]


# A spreadsheet runs a cell that starts with one of these as a formula (or,
# for tab and CR, skips to one that does). Same rule as lib/csv.js.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """The cell as plain text for Excel and LibreOffice: a leading apostrophe
    when it would otherwise start a formula. The JSON download keeps the text
    as it is."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _csv_rows(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(
        [spreadsheet_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _csv_file(preamble: list[str], rows: str) -> bytes:
    return ("\ufeff" + _csv_rows([preamble, [name for name, _, _ in COLUMNS]]) + rows).encode("utf-8")


def to_csv(criteria: list[Criterion], title: str, build_date: str, site_url: str) -> bytes:
    return _csv_file(_preamble(title, build_date, criteria), _csv_rows(_rows(criteria, site_url)))


def _xlsx_file(preamble: list[str], rows: Iterable[str | xlsx.Deflated], build_date: str) -> bytes:
    """The workbook: the preamble, a bold header row (frozen with the preamble), the criteria's
    rows (in pieces), and a second sheet explaining the columns. Every cell is text, so nothing is
    ever read as a formula (render/xlsx.py)."""
    head = xlsx.rows_xml([preamble]) + xlsx.rows_xml([[name for name, _, _ in COLUMNS]], bold=True)
    columns = xlsx.rows_xml([["kolom", "betekenis"], *[[name, meaning] for name, meaning in COLUMN_DOCS]])
    return xlsx.workbook([("Criteria", itertools.chain([head], rows), 2), ("Kolommen", columns, 0)], build_date)


def to_xlsx(criteria: list[Criterion], title: str, build_date: str, site_url: str) -> bytes:
    return _xlsx_file(_preamble(title, build_date, criteria), [xlsx.rows_xml(_rows(criteria, site_url))], build_date)


def framework_json(framework: Framework, build_date: str) -> dict[str, Any]:
    """The normset as it is, plus the build date and per criterion ID its citation (generator/citations.py)."""
    citations = {c.id: {"text": c.citation.text, "locator": c.citation.locator} for c in framework.criteria()}
    return {"build_date": build_date, **framework.document, "citations": citations}


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


def render_framework_exports(framework: Framework, build_date: str, site_url: str = "") -> tuple[dict[str, bytes], dict[str, Any]]:
    """One framework's downloads, and its parts of the combined downloads (the pipeline caches
    both per framework): its JSON indented as an element of kaders.json's list, its CSV rows,
    its XLSX rows."""
    criteria = framework.criteria()
    rows = _rows(criteria, site_url)
    preamble = _preamble(framework.title, build_date, criteria)
    own_json = _dump(framework_json(framework, build_date))
    # The rows compressed once, for this workbook and the combined one (render/xlsx.py).
    csv_rows, xlsx_rows = _csv_rows(rows), xlsx.deflate(xlsx.rows_xml(rows))
    files = {f"data/{framework.id}.json": own_json,
             f"data/{framework.id}.csv": _csv_file(preamble, csv_rows),
             f"data/{framework.id}.xlsx": _xlsx_file(preamble, [xlsx_rows], build_date)}
    # json.dumps(indent=1) puts a list element of the combined file two levels deep; JSON
    # strings never hold a raw line break, so indenting every line is exactly that.
    parts = {"json": b"\n".join(b"  " + line for line in own_json.split(b"\n")), "csv": csv_rows,
             "xlsx": xlsx_rows}
    return files, parts


def render_exports(catalog: Catalog, paths: ProjectPaths, build_date: str, site_url: str = "",
                   parts: dict[str, dict[str, Any]] | None = None) -> dict[str, bytes]:
    """Every download. With `parts` (per framework ID, from render_framework_exports) only the
    combined ones, joined from those parts, and the schema."""
    files: dict[str, bytes] = {}
    if parts is None:
        parts = {}
        for framework in catalog.frameworks:
            own, parts[framework.id] = render_framework_exports(framework, build_date, site_url)
            files.update(own)
    files.update(combined_exports(catalog, paths, build_date, [parts[f.id] for f in catalog.frameworks]))
    return files


def combined_exports(catalog: Catalog, paths: ProjectPaths, build_date: str,
                     ordered: list[dict[str, Any]], cache: Cache | None = None) -> Iterator[tuple[str, bytes]]:
    """The combined downloads joined from the frameworks' parts (in catalog order), one file at a
    time; each part is released once its file is written, so the parts and the combined files are
    never all held at once. The cache keeps the workbook's compressed rows (xlsx.chain)."""
    pieces = [b'{\n "build_date": ' + json.dumps(build_date).encode("utf-8") + b',\n "frameworks": '
              + (b"[\n" if ordered else b"[]")]
    for index, part in enumerate(ordered):
        pieces += [b",\n" if index else b"", part.pop("json")]
    yield "data/kaders.json", b"".join(pieces + [b"\n ]\n}" if ordered else b"\n}"])
    del pieces
    preamble = _preamble("Alle kaders", build_date, catalog.criteria())
    yield "data/criteria.csv", _csv_file(preamble, "".join(part.pop("csv") for part in ordered))
    yield "data/criteria.xlsx", _xlsx_file(preamble, xlsx.chain((part.pop("xlsx") for part in ordered), cache),
                                           build_date)
    yield "data/normset.schema.json", (paths.schemas / "normset.schema.json").read_bytes()
