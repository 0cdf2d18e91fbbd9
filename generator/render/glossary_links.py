"""Explain glossary terms where they occur in criteria.

A term found in a criterion becomes a link to its glossary entry whose title
holds the definition; Material's `content.tooltips` shows that title on hover
and, because it is a link, on keyboard focus too. The link only wraps the
words, so the quoted text itself (its textContent) is unchanged.

Which terms, and why:
- A glossary defines its terms for its own framework ("Kwaliteit" in the
  Twente list is Twente's definition), so full terms are linked only in
  criteria of that framework.
- Abbreviations (BIG, AGB, Wmo, ...) mean the same everywhere, so they are
  linked in every framework's criteria.
- Only the first occurrence of a term per criterion is linked; a criterion
  full of dotted underlines is harder to read, not easier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Catalog, Glossary, GlossaryTerm

TOOLTIP_LENGTH = 220  # characters of the definition shown in the tooltip; the glossary has the rest


@dataclass(frozen=True)
class _Entry:
    anchor: str  # "<glossary id>-<term id>", the glossary page's anchor; one link per criterion per anchor
    title: str  # tooltip text


def term_variants(term: str) -> list[str]:
    """The spellings a printed term stands for.

    "Doelmatig(heid)" -> "Doelmatigheid", "Doelmatig";
    "Veiligheidsmanagementsysteem (Vms)" -> "Veiligheidsmanagementsysteem";
    "Jeugdigen (Jeugdwet)" -> "Jeugdigen".
    """
    attached = re.fullmatch(r"(\w+)\((\w+)\)", term)
    if attached:
        return [attached.group(1) + attached.group(2), attached.group(1)]
    without_note = re.sub(r"\s*\([^)]*\)", "", term).strip()
    return [without_note] if without_note else []


def _tooltip(term: GlossaryTerm) -> str:
    definition = " ".join(term.definition.split())
    if len(definition) > TOOLTIP_LENGTH:
        definition = definition[:TOOLTIP_LENGTH].rsplit(" ", 1)[0] + " …"
    return f"{term.term}: {definition}"


def _pattern(spellings: list[str], case_sensitive: bool) -> re.Pattern[str]:
    # Longest first, so "Huiselijk geweld" wins over a shorter overlapping term.
    alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    # Whole words only; an optional Dutch plural ending keeps "calamiteiten" with "calamiteit".
    plural = "" if case_sensitive else r"(?:en|s|n)?"
    return re.compile(rf"(?<!\w)(?:{alternatives}){plural}(?!\w)", 0 if case_sensitive else re.IGNORECASE)


class TermLinker:
    def __init__(self, catalog: Catalog, glossary_url: str = "../../begrippen/") -> None:
        self.glossary_url = glossary_url
        self._by_framework: dict[str, tuple[re.Pattern[str], dict[str, _Entry]]] = {}
        abbreviations: dict[str, _Entry] = {}
        for glossary in catalog.glossaries:
            terms: dict[str, _Entry] = {}
            for term in glossary.terms:
                entry = self._entry(glossary, term)
                for spelling in term_variants(term.term):
                    terms.setdefault(spelling.lower(), entry)
                if term.abbreviation:
                    abbreviations.setdefault(term.abbreviation, entry)
            if terms:
                self._by_framework[glossary.framework.id] = (_pattern(list(terms), False), terms)
        self._abbreviations = abbreviations
        self._abbreviation_pattern = _pattern(list(abbreviations), True) if abbreviations else None

    @staticmethod
    def _entry(glossary: Glossary, term: GlossaryTerm) -> _Entry:
        return _Entry(f"{glossary.id}-{term.id}", _tooltip(term))

    def _find(self, text: str, framework_id: str) -> list[tuple[int, int, _Entry]]:
        found: list[tuple[int, int, _Entry]] = []
        if framework_id in self._by_framework:
            pattern, terms = self._by_framework[framework_id]
            for match in pattern.finditer(text):
                word = match.group(0).lower()
                entry = terms.get(word) or terms.get(re.sub(r"(en|s|n)$", "", word))
                if entry:
                    found.append((match.start(), match.end(), entry))
        if self._abbreviation_pattern:
            for match in self._abbreviation_pattern.finditer(text):
                found.append((match.start(), match.end(), self._abbreviations[match.group(0)]))
        found.sort(key=lambda hit: (hit[0], -hit[1]))
        return found

    def link(self, text: str, framework_id: str, seen: set[str]) -> Markup:
        """`text` HTML-escaped, with the first occurrence of each term not yet in `seen` linked."""
        parts: list[str] = []
        position = 0
        for start, end, entry in self._find(text, framework_id):
            if start < position or entry.anchor in seen:
                continue
            seen.add(entry.anchor)
            parts.append(str(escape(text[position:start])))
            parts.append(f'<a class="kk-term" href="{escape(self.glossary_url)}#{escape(entry.anchor)}" '
                         f'title="{escape(entry.title)}">{escape(text[start:end])}</a>')
            position = end
        parts.append(str(escape(text[position:])))
        return Markup("".join(parts))
