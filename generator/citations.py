"""One citation model for every output: the reader-facing locator of a
criterion and the full one-line citation.

The locator is something a reader can find in the document the words were
quoted from (the framework itself, or Movisie's summary of it):

- the printed number, when the source prints one and it is unique in the
  framework: "kwaliteitseis 12";
- a printed number that several criteria share gets the heading it stands
  under ("§ Rubriek 2. Dienstverlening, norm 1") and, when that is still not
  unique, its position among them ("norm A1, 3e van 5");
- no printed number: the heading path and the position under the heading
  ("§ Dienstverlening › Zicht op veiligheid, 2e kwaliteitseis");
- and the page of the source text, where its printed page numbers allow
  deriving it (", p. 26").

The citation names who wrote the quoted words: "Samenvatting door Movisie
(...) van <title> (<publisher>, <year>)" for a summary, or the framework
itself. Internal IDs never appear in either; they stay in permalinks and data.

Everything is computed here once; the client data (render/client.py) carries
it to the browser, where lib/citation.js is the only code that formats it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .fidelity import parse_line_spec

if TYPE_CHECKING:
    from .model import Catalog, Criterion, Framework, Section

# Lines in the source texts that print a page number: file -> pattern with the
# number as group 1. The number is the page that the line ends (a footer).
PAGE_FOOTERS: dict[str, re.Pattern[str]] = {
    "groningen-mo-vo-kwaliteitskader.txt": re.compile(r"^\s*Pagina (\d+)\s*$"),
    "movisie-15-kwaliteitskaders.txt": re.compile(
        r"^(\d+) \|\s+Kwaliteitskaders en -standaarden bij inkoop jeugdhulp en maatschappelijke ondersteuning\s*$"),
    # FO/VNG: only two page numbers survived the extraction, as bare lines (notes §H3).
    "fo-vng-kwaliteitsdocument-opvang-huiselijk-geweld.txt": re.compile(r"^(3[34])$"),
}


@dataclass(frozen=True)
class Citation:
    locator: str  # "kwaliteitseis 12", "§ Dienstverlening, 3e norm"
    text: str     # the full one-line citation, locator included, no permalink
    page: str | None = None


def ordinal(number: int) -> str:
    return f"{number}e"


def section_name(section: "Section") -> str:
    title = section.title.rstrip(" :")  # lead-in headings end in a colon
    if section.number and section.number not in title:
        return f"{section.number} {title}"
    return title


class PageFinder:
    """Pages derivable from the page-number footers of a source text."""

    def __init__(self, sources_dir: Path | None):
        self.sources_dir = sources_dir
        self._footers: dict[str, tuple[list[int], list[int]]] = {}

    def footers(self, file: str) -> tuple[list[int], list[int]]:
        if file not in self._footers:
            lines_at: list[int] = []
            pages: list[int] = []
            pattern = PAGE_FOOTERS.get(file)
            path = self.sources_dir / file if self.sources_dir else None
            if pattern and path and path.is_file():
                for number, line in enumerate(path.read_bytes().decode("utf-8", errors="replace").splitlines(), start=1):
                    match = pattern.match(line)
                    if match:
                        lines_at.append(number)
                        pages.append(int(match.group(1)))
            self._footers[file] = (lines_at, pages)
        return self._footers[file]

    def page(self, file: str, spec: str) -> str | None:
        """"26" or "26-27" when the lines certainly lie on those pages, else None."""
        lines_at, pages = self.footers(file)
        if not lines_at:
            return None
        ranges = parse_line_spec(spec)
        first, last = ranges[0][0], ranges[-1][1]
        # The footer at or after the first line closes the page the text starts on.
        start = bisect.bisect_left(lines_at, first)
        if start == len(lines_at):
            return None
        start_page = pages[start]
        # That page is known only if the previous footer closed the page before it.
        previous_ok = start > 0 and pages[start - 1] == start_page - 1 and lines_at[start - 1] < first
        end = bisect.bisect_left(lines_at, last)
        if end == start:
            return str(start_page) if previous_ok else None
        if end == start + 1:
            # The text runs over one footer: it starts on that page and ends on the next.
            return f"{start_page}-{start_page + 1}"
        return None


def _unique_suffix(paths: dict[str, list[str]], key_extra: dict[str, str]) -> dict[str, list[str]]:
    """For each criterion, the shortest tail of its heading path that, with its extra key, is
    unique among the given criteria (the whole path when nothing shorter is)."""
    # Per tail length, tail and extra key: the distinct full paths that end in it. Criteria under
    # the very same headings are told apart by position, not by heading, so they do not clash.
    ending: dict[tuple[int, tuple[str, ...], str], set[tuple[str, ...]]] = {}
    for cid, path in paths.items():
        for length in range(1, len(path) + 1):
            ending.setdefault((length, tuple(path[-length:]), key_extra[cid]), set()).add(tuple(path))
    return {cid: next((path[-length:] for length in range(1, len(path) + 1)
                       if len(ending[length, tuple(path[-length:]), key_extra[cid]]) == 1), path)
            for cid, path in paths.items()}


def _heading_path(criterion: "Criterion") -> list[str]:
    printed = [section_name(s) for s in criterion.section_path if not s.title_editorial]
    return printed or [section_name(s) for s in criterion.section_path]


def framework_locators(framework: "Framework") -> dict[str, str]:
    """Locator (without page) for every criterion of the framework."""
    term = framework.item_term["singular"]
    criteria = framework.criteria()
    numbers = Counter(c.number for c in criteria if c.number)
    locators: dict[str, str] = {}

    # Position of each criterion under its innermost heading, and among same-number criteria there.
    position_in_section: dict[str, int] = {}
    for section in framework.all_sections():
        for index, criterion in enumerate(section.criteria, start=1):
            position_in_section[criterion.id] = index

    shared = [c for c in criteria if c.number and numbers[c.number] > 1]
    unnumbered = [c for c in criteria if not c.number]
    for criterion in criteria:
        if criterion.number and numbers[criterion.number] == 1:
            locators[criterion.id] = f"{term} {criterion.number}"

    if shared:
        paths = {c.id: _heading_path(c) for c in shared}
        tails = _unique_suffix(paths, {c.id: c.number or "" for c in shared})
        by_key: dict[tuple[str, ...], list[Criterion]] = defaultdict(list)
        for c in shared:
            by_key[(*paths[c.id], c.number or "")].append(c)
        for c in shared:
            group = by_key[(*paths[c.id], c.number or "")]
            tail = tails[c.id]
            # A heading that only repeats the number adds nothing ("A1" under "A1").
            heading = "" if tail == [c.number] else "§ " + " › ".join(tail) + ", "
            if len(group) > 1:
                k = group.index(c) + 1
                locators[c.id] = f"{heading}{term} {c.number}, {ordinal(k)} van {len(group)}"
            else:
                locators[c.id] = f"{heading}{term} {c.number}"

    if unnumbered:
        paths = {c.id: _heading_path(c) for c in unnumbered}
        positions = {c.id: str(position_in_section[c.id]) for c in unnumbered}
        tails = _unique_suffix(paths, positions)
        for c in unnumbered:
            locators[c.id] = f"§ {' › '.join(tails[c.id])}, {ordinal(position_in_section[c.id])} {term}"
    return locators


def edition_text(framework: "Framework") -> str:
    """Year (or printed date) and version: "2019, versie 2.0", "mei 2014", "z.j."."""
    data = framework.data
    date = data.get("date")
    year = framework.year_text
    parts = [date if date and year in date else year]
    version = data.get("version")
    if version:
        parts.append(f"versie {version}" if re.match(r"^\d", version) else version)
    return ", ".join(parts)


def work_text(framework: "Framework") -> str:
    """Who wrote the quoted words, and of what: the citation without its locator."""
    described = f"{framework.title} ({framework.publisher_text}, {edition_text(framework)})"
    if framework.is_summary:
        return f"Samenvatting door {framework.source['summarised_by']} van {described}"
    return described


def compute_citations(framework: "Framework", pages: PageFinder) -> dict[str, Citation]:
    locators = framework_locators(framework)
    work = work_text(framework)
    source_file = framework.source["file"]
    result = {}
    for criterion in framework.criteria():
        page = pages.page(source_file, criterion.lines)
        locator = locators[criterion.id] + (f", p. {page}" if page else "")
        result[criterion.id] = Citation(locator=locator, text=f"{work}, {locator}", page=page)
    return result


def assign_citations(catalog: "Catalog", sources_dir: Path | None) -> None:
    """Give every criterion its `citation`."""
    pages = PageFinder(sources_dir)
    for framework in catalog.frameworks:
        citations = compute_citations(framework, pages)
        for criterion in framework.criteria():
            criterion.citation = citations[criterion.id]


# -- lifecycle -----------------------------------------------------------------

LIFECYCLE_LABELS = {
    "geldig": "Geldig",
    "verlopen": "Verlopen",
    "vervangen": "Vervangen",
    "onbekend": "Geldigheid onbekend",
}

_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]


def dutch_date(iso: str) -> str:
    """"2021-12-31" -> "31 december 2021"."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {_MONTHS[month - 1]} {year}"


def lifecycle_warning(framework: "Framework") -> str | None:
    """The warning every output shows for an expired or superseded framework, else None."""
    lifecycle = framework.lifecycle
    name = framework.short_title
    if lifecycle["status"] == "verlopen":
        until = f": het gold tot en met {dutch_date(lifecycle['valid_until'])}" if lifecycle.get("valid_until") else ""
        return f"{name} is verlopen{until}. Kijk bij de uitgever of er een nieuwere versie is."
    if lifecycle["status"] == "vervangen":
        return (f"{name} is vervangen door {lifecycle['superseded_by']['title']}. "
                "Gebruik bij voorkeur het nieuwe kader.")
    return None


def lifecycle_record(framework: "Framework") -> dict[str, object]:
    """The lifecycle as the client data and the templates use it."""
    lifecycle = framework.lifecycle
    record: dict[str, object] = {"status": lifecycle["status"], "label": LIFECYCLE_LABELS[lifecycle["status"]]}
    for key in ("valid_from", "valid_until"):
        if key in lifecycle:
            record[key] = lifecycle[key]
            record[f"{key}_text"] = dutch_date(lifecycle[key])
    if "superseded_by" in lifecycle:
        record["superseded_by"] = lifecycle["superseded_by"]
    record["source"] = {"text": lifecycle["source"]["text"], "editorial": bool(lifecycle["source"].get("editorial"))}
    record["warning"] = lifecycle_warning(framework)
    return record


def topic_locator(criterion: Criterion) -> str:
    """The link text in compact lists: the reader-facing locator (above), and the printed
    title when there is one: "Kwaliteitseis 4 · Titel"."""
    label = criterion.label
    parts = [label[:1].upper() + label[1:]] if label else []
    if criterion.title:
        parts.append(criterion.title)
    return " · ".join(parts)
