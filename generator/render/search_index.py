"""The criteria finder's search index (assets/search/finder-index.json).

Built once at build time and fetched only by the finder page (/zoeken/). It
holds, per criterion, the fields the finder shows and searches, plus a
vocabulary: every distinct normalised word of the corpus with its posting
list. The browser matches a query term against the (small) vocabulary, by
substring, prefix or one typo, and only then expands the matched words to
criteria, so a query never scans the full texts.

Shape (all arrays are parallel or index-based to stay small):
- frameworks: [{id, title (short), url, domains, segments}] in catalog order
- elements / domains / segments: [{id, label}] facet values, vocabulary order
- sections: [title] table; a criterion refers to its section by position
- criteria: [{id, f (framework index), s (section index), label, url,
  e (element IDs), title, text, items: [[depth, label, text]],
  notes: [[label, text]]}] in catalog order (framework order, then source
  order), which is also the ranking's tie-break
- words: sorted distinct normalised words; postings[i] lists the criteria
  that contain words[i], each as criterion_index * 4 + field bits, where bit
  OWN (1) = in the criterion's own text (title, text, items) and bit NOTE
  (2) = in its notes, evidence or applicability
- synonyms: groups of normalised alternatives (abbreviation and long forms);
  a query term or phrase equal to one alternative matches any of them

Normalisation must give the same result as fold() in
site_templates/assets/js/finder/normalise.js: per character, canonical
decomposition without combining marks, lower case; a character that would
not stay one character is only lower-cased, so offsets in the folded text
are offsets in the original (needed to highlight matches).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable

from ..model import Annotation, Catalog, Criterion, Item

OWN = 1
NOTE = 2

# Abbreviations that the glossaries do not define but that inkopers type,
# with the long forms the frameworks use. Editorial (ours, not quoted), so
# they live here with the search configuration rather than in normsets/.
CURATED_SYNONYMS: list[list[str]] = [
    ["vog", "verklaring omtrent het gedrag"],
    ["skj", "stichting kwaliteitsregister jeugd", "kwaliteitsregister jeugd"],
    ["big", "beroepen in de individuele gezondheidszorg"],
    ["hkz", "harmonisatie kwaliteitsbeoordeling in de zorgsector"],
    ["wmo", "wet maatschappelijke ondersteuning"],
    ["ggz", "geestelijke gezondheidszorg"],
    ["wkkgz", "wet kwaliteit klachten en geschillen zorg"],
    ["avg", "algemene verordening gegevensbescherming"],
    ["lvb", "licht verstandelijke beperking"],
    ["bhv", "bedrijfshulpverlening"],
    ["wlz", "wet langdurige zorg"],
    ["cjg", "centrum voor jeugd en gezin"],
]

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=None)  # the alphabet is small; the texts are not
def fold_char(char: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def fold(text: str) -> str:
    """Accent- and case-folded text of the same length as `text`."""
    return "".join(fold_char(c) for c in text)


def words(text: str) -> list[str]:
    """The normalised words of a text: runs of letters and digits after folding."""
    return _WORD.findall(fold(text))


def normalise_phrase(text: str) -> str:
    return " ".join(words(text))


def _flatten_items(items: Iterable[Item], depth: int = 0) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for item in items:
        rows.append([depth, item.label or "", item.text])
        rows.extend(_flatten_items(item.items, depth + 1))
    return rows


def _annotation_rows(label: str, annotation: Annotation) -> list[list[str]]:
    rows = [[label, annotation.text]]
    rows.extend([label, text] for _depth, _label, text in _flatten_items(annotation.items))
    return rows


def _notes(criterion: Criterion, catalog: Catalog) -> list[list[str]]:
    rows: list[list[str]] = []
    for rule in criterion.applicability:
        rows.extend(_annotation_rows("Van toepassing", rule))
    for evidence in criterion.evidence:
        rows.extend(_annotation_rows("Mogelijk bewijs", evidence))
    for note in criterion.notes:
        rows.extend(_annotation_rows(note.label or catalog.note_kinds[note.kind].label, note))
    return rows


def own_texts(record: dict[str, Any]) -> list[str]:
    """The texts that are the criterion itself: title, text and items."""
    return [t for t in [record["title"] or "", record["text"], *(row[2] for row in record["items"])] if t]


def note_texts(record: dict[str, Any]) -> list[str]:
    return [row[1] for row in record["notes"]]


def synonym_groups(catalog: Catalog) -> list[list[str]]:
    """Glossary abbreviations with their terms, plus the curated list; normalised, merged per abbreviation."""
    groups: dict[str, list[str]] = {}

    def add(alternatives: Iterable[str]) -> None:
        normalised = [normalise_phrase(a) for a in alternatives]
        key = normalised[0]
        group = groups.setdefault(key, [key])
        group.extend(a for a in normalised[1:] if a and a not in group)

    for glossary in catalog.glossaries:
        for term in glossary.terms:
            if term.abbreviation:
                # "Veiligheidsmanagementsysteem (Vms)": the long form is the term without the bracketed abbreviation.
                long_form = re.sub(r"\s*\([^)]*\)\s*$", "", term.term)
                add([term.abbreviation, long_form])
    for alternatives in CURATED_SYNONYMS:
        add(alternatives)
    return [group for group in groups.values() if len(group) > 1]


def build_search_index(catalog: Catalog) -> dict[str, Any]:
    frameworks = catalog.frameworks
    framework_index = {f.id: i for i, f in enumerate(frameworks)}
    sections: list[str] = []
    section_index: dict[tuple[str, str], int] = {}
    criteria: list[dict[str, Any]] = []
    postings: dict[str, dict[int, int]] = {}

    for number, criterion in enumerate(catalog.criteria()):
        section = criterion.section_path[-1]
        key = (criterion.framework.id, section.id)
        if key not in section_index:
            section_index[key] = len(sections)
            sections.append(section.title)
        record = {
            "id": criterion.id, "f": framework_index[criterion.framework.id], "s": section_index[key],
            "label": criterion.label, "url": criterion.url, "e": criterion.elements,
            "title": criterion.title, "text": criterion.text,
            "items": _flatten_items(criterion.items), "notes": _notes(criterion, catalog),
        }
        criteria.append(record)
        for bit, texts in ((OWN, own_texts(record)), (NOTE, note_texts(record))):
            for text in texts:
                for word in words(text):
                    fields = postings.setdefault(word, {})
                    fields[number] = fields.get(number, 0) | bit

    vocabulary = sorted(postings)
    return {
        "version": 1,
        "frameworks": [{"id": f.id, "title": f.data.get("short_title") or f.data["title"], "url": f"kaders/{f.id}/",
                        "domains": f.data["domains"], "segments": f.data.get("segments", [])} for f in frameworks],
        "elements": [{"id": e.id, "label": e.label} for e in catalog.elements],
        "domains": [{"id": d.id, "label": d.label} for d in catalog.domains.values()],
        "segments": [{"id": s.id, "label": f"{catalog.domains[s.domain].label} {s.code}: {s.name}"}
                     for s in catalog.segments.values()],
        "sections": sections,
        "criteria": criteria,
        "words": vocabulary,
        "postings": [[c * 4 + bits for c, bits in sorted(postings[w].items())] for w in vocabulary],
        "synonyms": synonym_groups(catalog),
    }


def render_search_index(catalog: Catalog) -> dict[str, bytes]:
    index = build_search_index(catalog)
    return {"assets/search/finder-index.json":
            json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")}
