"""The criteria finder's search index (assets/search/finder-index.json).

Built once at build time and fetched only by the finder page (/zoeken/). It
holds, per criterion, the fields the finder shows and searches, plus a
vocabulary: every distinct normalised word of the corpus with its posting
list. The browser matches a query term against the (small) vocabulary, by
substring, prefix or one typo, and only then expands the matched words to
criteria, so a query never scans the full texts.

Shape (all arrays are parallel or index-based to stay small):
- frameworks: [{id, title (short), url, domains, segments (facet values: applied segments, or
  "niet-vastgelegd"), segment_rule (kind or null)}] in catalog order
- elements / domains / segments: [{id, label}] facet values, vocabulary order
- sections: [title] table; a criterion refers to its section by position
- criteria: [{id, f (framework index), s (section index), label, url,
  e (element IDs), t (tag IDs), a (applicability kinds), title, text,
  items: [[depth, label, text]], closing? (text after the items),
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
from array import array
from collections import Counter
from functools import lru_cache
from itertools import chain
from typing import Any, Iterable

from ..cache import Cache, digest
from ..model import SEGMENT_NOT_RECORDED, SEGMENT_RULE_LABELS, Annotation, Catalog, Criterion, Framework, Item
from .word_forms import form_key

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


class _FoldTable(dict):
    """str.translate table that folds each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Accent- and case-folded text of the same length as `text`."""
    return text.lower() if text.isascii() else text.translate(_FOLD_TABLE)


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
    """The texts that are the criterion itself: title, text, items and closing text."""
    texts = [record["title"] or "", record["text"], *(row[2] for row in record["items"]), record.get("closing") or ""]
    return [t for t in texts if t]


def note_texts(record: dict[str, Any]) -> list[str]:
    return [row[1] for row in record["notes"]]


ARTICLES = frozenset({"de", "het", "een"})


def _phrase_variants(form: list[str], occurrences: dict[str, list[tuple[list[str], int]]]) -> list[str]:
    """The ways the texts write a multi-word form: articles left out or added, other word forms.

    "verklaring omtrent het gedrag" is also written "verklaring omtrent gedrag"."""
    content = [w for w in form if w not in ARTICLES]
    if len(content) < 2:
        return []
    found = []
    for tokens, start in occurrences.get(form_key(content[0]), []):
        position = start
        for word in content[1:]:
            following = position + 1
            if following < len(tokens) and tokens[following] in ARTICLES and word not in ARTICLES:
                if following + 1 < len(tokens) and _key(tokens[following + 1]) == form_key(word):
                    following += 1
            if following >= len(tokens) or _key(tokens[following]) != form_key(word):
                break
            position = following
        else:
            found.append(" ".join(tokens[start:position + 1]))
    return found


@lru_cache(maxsize=None)
def _key(word: str) -> str:
    return form_key(word)


def _glossary_groups(catalog: Catalog) -> dict[str, list[str]]:
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
    return groups


def synonym_starts(catalog: Catalog) -> frozenset[str]:
    """The keys of the words that start a multi-word synonym form (articles skipped)."""
    return frozenset(form_key(w) for g in _glossary_groups(catalog).values() for f in g if " " in f
                     for w in [next((w for w in f.split(" ") if w not in ARTICLES), "")])


Occurrences = dict[str, list[tuple[list[str], int]]]


def _occurrences(texts: Iterable[str], starts: frozenset[str]) -> Occurrences:
    """Where the texts use a word whose key starts a multi-word form (each distinct text once):
    per key, (the text's words, position)."""
    occurrences: Occurrences = {}
    seen: dict[str, str | None] = {}
    for text in dict.fromkeys(texts):
        tokens = words(text)
        for position, word in enumerate(tokens):
            key = seen.get(word, "")
            if key == "":
                key = seen[word] = _key(word) if _key(word) in starts else None
            if key is not None:
                occurrences.setdefault(key, []).append((tokens, position))
    return occurrences


def synonym_groups(catalog: Catalog, occurrences: Iterable[Occurrences]) -> list[list[str]]:
    """Glossary abbreviations with their terms, plus the curated list; normalised, merged per
    abbreviation. Every multi-word form is completed with the variants the texts use
    (see _phrase_variants), found in `occurrences` (in text order, from _occurrences)."""
    groups = _glossary_groups(catalog)
    merged: Occurrences = {}
    for found in occurrences:
        for key, places in found.items():
            merged.setdefault(key, []).extend(places)
    for group in groups.values():
        for form in list(group):
            if " " in form:
                group.extend(v for v in _phrase_variants(form.split(" "), merged) if v not in group)
    return [group for group in groups.values() if len(group) > 1]


# Fields of a criterion for ranking, with their weight: a word in the title
# counts three times a word in the body of the text, and so on. See rank
# weights in README ("Finder") and TIER-free scoring in engine.js.
FIELD_BOOST = {"title": 3.0, "opening": 2.0, "body": 1.0, "section": 1.0, "framework": 0.5, "notes": 0.3}
OPENING_WORDS = 12  # the first words of the text are its "opening"
BM25_K1 = 1.2
BM25_B = 0.75
WEIGHT_SCALE = 10  # a posting's weight is round(WEIGHT_SCALE * BM25F weight), 1..MAX_WEIGHT
MAX_WEIGHT = 127
POSTING_SHIFT = 128  # posting = criterion index * POSTING_SHIFT + weight

# "(wijk)teams", "cliënt(en)": a word part in brackets glued to a word.
_BRACKETED = re.compile(r"[^\W_]*\([^\W_]+\)[^\W_]*")


def joined_forms(folded: str) -> list[str]:
    """Words that brackets split in two, joined: "lokale (wijk)teams" -> ["wijkteams"].

    Same as joinedForms() in normalise.js. The parts stay words of their own."""
    found: list[str] = []
    if "(" not in folded:
        return found
    for match in _BRACKETED.finditer(folded):
        text = match.group(0)
        if text.startswith("(") and text.endswith(")"):
            continue  # "(wijk)" alone: nothing glued to it
        found.append(text.replace("(", "").replace(")", ""))
    return found


def field_words(text: str) -> list[str]:
    """The words a field is searched by: its words plus joined bracket forms."""
    folded = fold(text)
    return _WORD.findall(folded) + joined_forms(folded)


def criterion_fields(record: dict[str, Any], section_words: list[str], framework_words: list[str]) -> dict[str, list[str]]:
    """Words per ranking field (FIELD_BOOST) of one criterion record, given the field_words of its
    section title and of its framework's titles (the same for many criteria, so worked out once)."""
    text_words = field_words(record["text"])
    body = text_words[OPENING_WORDS:]
    for row in record["items"]:
        body.extend(field_words(row[2]))
    body.extend(field_words(record.get("closing") or ""))
    return {
        "title": field_words(record["title"] or ""),
        "opening": text_words[:OPENING_WORDS],
        "body": body,
        "section": section_words,
        "framework": framework_words,
        "notes": [w for row in record["notes"] for w in field_words(row[1])],
    }


def _count_fields(fields: dict[str, list[str]], local: dict[str, int], counts: array, totals: list[int]) -> None:
    """Append to `counts`, per ranking field in FIELD_BOOST order: the field's length in words, its
    number of distinct words, and per distinct word (in the order the words first occur, the order
    the weights are summed in) its number in `local` (the part's own vocabulary) and its term
    frequency. Flat integers, so that a part is small and quick to pickle. `totals` adds up the
    lengths per field."""
    for field_number, name in enumerate(FIELD_BOOST):
        words = fields[name]
        totals[field_number] += len(words)
        # A Counter keeps the order of first occurrence, and counts in C.
        frequencies = Counter([local.setdefault(word, len(local)) for word in words])
        counts.extend((len(words), len(frequencies)))
        counts.extend(chain.from_iterable(frequencies.items()))


def quantise(weight: float) -> int:
    return max(1, min(MAX_WEIGHT, round(weight * WEIGHT_SCALE)))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def framework_part(framework: Framework, catalog: Catalog, starts: frozenset[str]) -> dict[str, Any]:
    """One framework's share of the index, independent of its place in the catalog, so that it can
    be computed once per framework (the pipeline caches it with the framework's other outputs) and
    the index joined from the parts (render_search_index). `starts` is synonym_starts(catalog).

    - sections: its section titles in order of first use;
    - criteria: per criterion its record as JSON text without the framework and section positions
      (the ID's JSON, the section's position in `sections`, the rest of the record's JSON);
    - words, counts, totals: per criterion its words per ranking field, as numbers in `words` with
      their term frequencies (_count_fields), and the words per field over all its criteria (the
      weights need the average field lengths of the whole catalog, so they are computed when the
      parts are joined);
    - titles, occurrences: where the framework's titles and its criteria's texts use a word that
      starts a multi-word synonym form."""
    sections: list[str] = []
    section_index: dict[str, int] = {}
    criteria: list[tuple[str, int, str]] = []
    counts = array("I")
    local: dict[str, int] = {}
    totals = [0] * len(FIELD_BOOST)
    texts: list[str] = []
    titles = framework_titles(framework)
    framework_words = [w for t in titles for w in field_words(t)]
    section_words: list[list[str]] = []
    for criterion in framework.criteria():
        section = criterion.section_path[-1]
        if section.id not in section_index:
            section_index[section.id] = len(sections)
            sections.append(section.title)
            section_words.append(field_words(section.title))
            texts.append(section.title)
        record = {"label": criterion.label, "url": criterion.url, "e": criterion.elements, "t": criterion.tags,
                  "a": list(dict.fromkeys(a.kind for a in criterion.applicability)),
                  "title": criterion.title, "text": criterion.text,
                  "items": _flatten_items(criterion.items), "notes": _notes(criterion, catalog)}
        if criterion.closing:
            record["closing"] = criterion.closing.text
        criteria.append((_json(criterion.id), section_index[section.id], _json(record)[1:]))
        _count_fields(criterion_fields(record, section_words[section_index[section.id]], framework_words), local,
                      counts, totals)
        texts.extend(own_texts(record))
        texts.extend(note_texts(record))
    return {"sections": sections, "criteria": criteria, "words": list(local), "counts": counts, "totals": totals,
            "titles": _occurrences(titles, starts), "occurrences": _occurrences(texts, starts)}


def field_norms(parts: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """Per ranking field (FIELD_BOOST order): its boost and its average length in words over every
    criterion of the parts, rounded to a tenth of a word. Rounded, an edit to one criterion seldom
    changes them, so each framework's weighted postings can be reused (render_search_index); the
    weights differ from those of the exact averages by far less than their own rounding."""
    total = sum(len(part["criteria"]) for part in parts)
    return [(FIELD_BOOST[name], round(sum(part["totals"][i] for part in parts) / max(1, total), 1) or 1.0)
            for i, name in enumerate(FIELD_BOOST)]


def weighted_postings(part: dict[str, Any], norms: list[tuple[float, float]]) -> tuple[list[str], array, array]:
    """One framework part's postings: its words in the order its criteria first use them, the
    number of postings of each, and the postings one word after the other: per criterion that uses
    the word, its number within the part * POSTING_SHIFT + its quantised BM25F weight. Flat, so
    that the cache reads it back quickly."""
    postings: dict[str, array] = {}
    local, counts, position = part["words"], part["counts"], 0
    for number in range(len(part["criteria"])):
        # BM25F-like: per word, the sum over fields of boost * saturated, length-normalised term frequency.
        weights: dict[str, float] = {}
        for boost, field_average in norms:
            length, end = counts[position], position + 2 + 2 * counts[position + 1]
            if length:
                norm = BM25_K1 * (1 - BM25_B + BM25_B * length / field_average)
                for word_number, tf in zip(counts[position + 2:end:2], counts[position + 3:end:2]):
                    word = local[word_number]
                    weights[word] = weights.get(word, 0.0) + boost * tf * (BM25_K1 + 1) / (tf + norm)
            position = end
        base = number * POSTING_SHIFT
        for word, weight in weights.items():
            scaled = round(weight * WEIGHT_SCALE)  # quantise(weight), inlined: this runs per posting
            postings.setdefault(word, array("I")).append(base + (scaled if 0 < scaled <= MAX_WEIGHT
                                                                  else quantise(weight)))
    flat = array("I")
    for numbers in postings.values():
        flat.extend(numbers)
    return list(postings), array("I", map(len, postings.values())), flat


# Frameworks per share of the joined postings that is cached as a whole: an edit to one framework
# joins its share again and reuses the others', so the final join handles one text per word and
# share instead of one list per word and framework.
SHARE_PARTS = 24


def render_search_index(catalog: Catalog, parts: list[dict[str, Any]] | None = None, cache: Cache | None = None,
                        part_keys: list[str | None] | None = None) -> dict[str, bytes]:
    """The index file, joined from the frameworks' parts (framework_part, in catalog order; computed
    here when not given). The criteria's JSON is joined from the parts' texts and the postings' from
    their shares' texts (_joined_postings): exactly what one json.dumps of the whole index writes.
    With a cache and each part's cache key (None: not cached), a part's weighted postings and a
    share's joined postings are reused while their keys and the field norms are the same."""
    if parts is None:
        starts = synonym_starts(catalog)
        parts = [framework_part(f, catalog, starts) for f in catalog.frameworks]
    norms = field_norms(parts)
    criteria: list[str] = []
    sections: list[str] = []
    for framework_number, part in enumerate(parts):
        offset = len(sections)
        sections.extend(part["sections"])
        criteria.extend(f'{{"id":{id_json},"f":{framework_number},"s":{offset + section},{rest}'
                        for id_json, section, rest in part["criteria"])
    keys = part_keys if cache is not None and part_keys else [None] * len(parts)
    postings = _joined_postings(parts, keys, norms, cache)
    vocabulary = sorted(postings)
    frameworks = catalog.frameworks
    index = {
        "version": 2,
        "frameworks": [{"id": f.id, "title": f.data.get("short_title") or f.data["title"], "full": f.data["title"],
                        "url": f"kaders/{f.id}/", "domains": f.data["domains"], "segments": _facet_segments(f, catalog),
                        "segment_rule": (f.segment_rule or {}).get("kind")}
                       for f in frameworks],
        "elements": [{"id": e.id, "label": e.label} for e in catalog.elements],
        "domains": [{"id": d.id, "label": d.label} for d in catalog.domains.values()],
        "segments": [{"id": s.id, "label": f"{catalog.domains[s.domain].label} {s.code}: {s.name}"}
                     for s in catalog.segments.values()]
        + [{"id": SEGMENT_NOT_RECORDED, "label": SEGMENT_RULE_LABELS["niet-vastgelegd"]}],
        "topics": [{"id": t.id, "label": t.label, "description": t.description} for t in catalog.tags.values()],
        "applicability": [{"id": k.id, "label": k.label} for k in catalog.applicability_kinds.values()],
        "sections": sections,
        "criteria": None,  # joined below from the parts' JSON texts
        "words": vocabulary,
        "keys": [_key_or_zero(w) for w in vocabulary],
        "postings": None,  # joined below from the shares' JSON texts
        # The texts in the order a single pass would read them: every framework's titles, then the criteria.
        "synonyms": synonym_groups(catalog, [p["titles"] for p in parts] + [p["occurrences"] for p in parts]),
    }
    joined = {"criteria": "[" + ",".join(criteria) + "]",
              "postings": "[" + ",".join("[" + ",".join(postings[w]) + "]" for w in vocabulary) + "]"}
    text = "{" + ",".join(f"{_json(name)}:" + (joined[name] if name in joined else _json(value))
                          for name, value in index.items()) + "}"
    return {"assets/search/finder-index.json": text.encode("utf-8")}


def _joined_postings(parts: list[dict[str, Any]], part_keys: list[str | None], norms: list[tuple[float, float]],
                     cache: Cache | None) -> dict[str, list[str]]:
    """Per word, the postings of all parts in catalog order, as JSON texts ("0,1411,52003"), one per
    share of SHARE_PARTS consecutive parts that uses the word. A share is cached under its parts'
    keys, the norms and the number of its first criterion (its postings' offset)."""
    norms_text = json.dumps(norms)
    postings: dict[str, list[str]] = {}
    number = 0
    for start in range(0, len(parts), SHARE_PARTS):
        share, keys = parts[start:start + SHARE_PARTS], part_keys[start:start + SHARE_PARTS]
        key = digest("share", str(number), norms_text, *keys) if cache is not None and all(keys) else None
        joined = cache.get("postings-share", key) if key else None
        if joined is not None:
            # Keep the parts' own postings too: the next edit to one of them joins this share again.
            for part_key in keys:
                cache.keep("postings", digest(part_key, norms_text))
        else:
            joined = _join_share(share, keys, number, norms, norms_text, cache)
            if key:
                cache.put("postings-share", key, joined)
        for word, text in zip(*joined):
            postings.setdefault(word, []).append(text)
        number += sum(len(part["criteria"]) for part in share)
    return postings


def _join_share(parts: list[dict[str, Any]], part_keys: list[str | None], number: int,
                norms: list[tuple[float, float]], norms_text: str, cache: Cache | None) -> tuple[list[str], list[str]]:
    """The words of a share's parts and, per word, its postings over them as one JSON text;
    `number` is the catalog number of the share's first criterion."""
    postings: dict[str, list[int]] = {}
    for part, part_key in zip(parts, part_keys):
        key = digest(part_key, norms_text) if cache is not None and part_key else None
        own = cache.get("postings", key) if key else None
        if own is None:
            own = weighted_postings(part, norms)
            if key:
                cache.put("postings", key, own)
        base, position = number * POSTING_SHIFT, 0
        for word, count in zip(own[0], own[1]):
            postings.setdefault(word, []).extend([base + posting for posting in own[2][position:position + count]])
            position += count
        number += len(part["criteria"])
    return list(postings), [",".join(map(str, numbers)) for numbers in postings.values()]


def build_search_index(catalog: Catalog) -> dict[str, Any]:
    """The index as data (what the finder reads)."""
    return json.loads(render_search_index(catalog)["assets/search/finder-index.json"])


def _key_or_zero(word: str) -> str | int:
    key = form_key(word)
    return 0 if key == word else key


def framework_titles(framework: Any) -> list[str]:
    titles = [framework.data["title"]]
    short = framework.data.get("short_title")
    if short and short != titles[0]:
        titles.append(short)
    return titles


def _facet_segments(framework, catalog: Catalog) -> list[str]:
    """Segment facet values of a framework: the segments it applies to, or the
    'niet-vastgelegd' value when its segment is not recorded (so it is not dropped)."""
    rule = framework.segment_rule
    if rule and rule["kind"] == "niet-vastgelegd":
        return [SEGMENT_NOT_RECORDED]
    return framework.segments_applied(catalog.segments)
