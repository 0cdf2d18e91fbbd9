"""The finder's index builder (generator/render/search_index.py) on the real data."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from generator.model import build_catalog
from generator.project import ProjectPaths
from generator.render.search_index import (MAX_WEIGHT, POSTING_SHIFT, build_search_index, fold,
                                           normalise_phrase, own_texts, render_search_index, words)
from generator.render.word_forms import form_key
from generator.validate import validate_project
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalog():
    raw, problems = validate_project(ProjectPaths(ROOT))
    assert problems == []
    return build_catalog(raw)


@pytest.fixture(scope="module")
def index(catalog):
    return build_search_index(catalog)


def test_fold_keeps_length_and_removes_accents_and_case():
    assert fold("Cliëntenraad CONTINUÏTEIT café") == "clientenraad continuiteit cafe"
    for text in ("ĳs", "ß", "Æ", "İ"):  # characters that do not stay one character when folded
        assert len(fold(text)) == len(text)
    assert words("BIG-register; cliënt’s 2015") == ["big", "register", "client", "s", "2015"]
    assert normalise_phrase("Verklaring Omtrent het Gedrag (VOG)") == "verklaring omtrent het gedrag vog"


def test_every_criterion_in_catalog_order_with_its_texts(catalog, index):
    criteria = catalog.criteria()
    assert [r["id"] for r in index["criteria"]] == [c.id for c in criteria]
    for record, criterion in zip(index["criteria"], criteria):
        assert record["text"] == criterion.text  # verbatim, not normalised
        assert index["frameworks"][record["f"]]["id"] == criterion.framework.id
        assert record["e"] == criterion.elements
        assert record["url"] == criterion.url
        assert index["sections"][record["s"]] == criterion.section_path[-1].title


def _field_words(text: str) -> list[str]:
    folded = fold(text)
    joined = [m.replace("(", "").replace(")", "") for m in re.findall(r"[^\W_]*\([^\W_]+\)[^\W_]*", folded)
              if not (m.startswith("(") and m.endswith(")"))]
    return words(text) + joined


def test_postings_list_exactly_the_criteria_containing_each_word(index):
    """Own text, notes, section title and framework titles, plus joined bracket words ("(wijk)teams")."""
    assert index["words"] == sorted(set(index["words"]))
    expected: dict[str, set[int]] = {}
    for number, record in enumerate(index["criteria"]):
        framework = index["frameworks"][record["f"]]
        texts = [record["title"] or "", record["text"], *(row[2] for row in record["items"]), record.get("closing") or "",
                 *(row[1] for row in record["notes"]), index["sections"][record["s"]], framework["full"],
                 framework["title"]]
        for text in texts:
            for word in _field_words(text):
                expected.setdefault(word, set()).add(number)
    assert set(index["words"]) == set(expected)
    for word, postings in zip(index["words"], index["postings"]):
        assert [p // POSTING_SHIFT for p in postings] == sorted(expected[word]), word
        assert all(1 <= p % POSTING_SHIFT <= MAX_WEIGHT for p in postings)
    assert "wijkteams" in index["words"] and "pleegouders" in index["words"]


def test_weights_favour_title_and_opening_over_body_and_notes(index):
    """BM25F-like weights: the same word weighs more in the title or opening than in the body or notes."""
    position = {w: i for i, w in enumerate(index["words"])}

    def weight(word, criterion_id):
        number = next(n for n, r in enumerate(index["criteria"]) if r["id"] == criterion_id)
        return next(p % POSTING_SHIFT for p in index["postings"][position[word]] if p // POSTING_SHIFT == number)

    # mg-dcg-15 opens with "... een klacht indienen"; in mg-dcg-16 klacht is not in the opening words.
    records = {r["id"]: r for r in index["criteria"]}
    assert "klacht" in words(records["mg-dcg-15"]["text"])[:12]
    weights = [(weight("klacht", r["id"]), r["id"]) for r in index["criteria"]
               if "klacht" in words(r["text"])[12:] + [w for row in r["items"] for w in words(row[2])]
               and "klacht" not in words(r["text"])[:12] + words(r["title"] or "")]
    assert weights and all(w < weight("klacht", "mg-dcg-15") for w, _id in weights)
    note_only = [(weight(word, r["id"])) for r in index["criteria"][:200] for word in
                 {w for row in r["notes"] for w in words(row[1])} - {w for t in [r["text"], r["title"] or "",
                  *(row[2] for row in r["items"]), index["sections"][r["s"]], index["frameworks"][r["f"]]["full"],
                  index["frameworks"][r["f"]]["title"]] for w in _field_words(t)}]
    assert note_only and max(note_only) < 10


def test_word_form_keys_are_shipped_for_the_vocabulary(index):
    assert len(index["keys"]) == len(index["words"])
    for word, key in zip(index["words"], index["keys"]):
        assert (key or word) == form_key(word)
        assert key != word


def test_closing_text_is_searchable_own_text(catalog, index):
    with_closing = {c.id: c.closing.text for c in catalog.criteria() if c.closing}
    records = {r["id"]: (n, r) for n, r in enumerate(index["criteria"])}
    assert {cid: records[cid][1]["closing"] for cid in with_closing} == with_closing
    assert all("closing" not in r for cid, (_, r) in records.items() if cid not in with_closing)
    assert own_texts(records["vsm-o-18"][1])[-1] == with_closing["vsm-o-18"]


def test_words_are_letters_and_digits_only(index):
    """The browser tokenises with /[\\p{L}\\p{N}]+/u; the builder must agree."""
    for word in index["words"]:
        assert all(unicodedata.category(c)[0] in "LN" for c in word), word
        assert fold(word) == word


def test_synonyms_include_glossary_abbreviations_and_curated_list(catalog, index):
    groups = {group[0]: group for group in index["synonyms"]}
    for glossary in catalog.glossaries:
        for term in glossary.terms:
            if term.abbreviation and normalise_phrase(term.abbreviation) != normalise_phrase(term.term):
                assert normalise_phrase(term.abbreviation) in groups, term.abbreviation
    assert "verklaring omtrent het gedrag" in groups["vog"]
    assert "veiligheidsmanagementsysteem" in groups["vms"]  # "(Vms)" stripped from the glossary term
    for abbreviation in ("skj", "big", "hkz", "wmo"):
        assert len(groups[abbreviation]) > 1
    for group in index["synonyms"]:
        assert all(form == normalise_phrase(form) for form in group)


def test_synonym_groups_hold_every_form_the_texts_use(index):
    """Each multi-word long form, with articles (de, het, een) left out or added, is in its group
    in every spelling the texts use (found here with a regular expression over the texts)."""
    corpus = []
    for record in index["criteria"]:
        for text in [record["title"] or "", record["text"], *(row[2] for row in record["items"]),
                     *(row[1] for row in record["notes"])]:
            corpus.append(" ".join(words(text)))
    checked = 0
    for group in index["synonyms"]:
        for form in [f for f in group if " " in f]:
            content = [w for w in form.split(" ") if w not in ("de", "het", "een")]
            pattern = re.compile(r"\b" + r" (?:(?:de|het|een) )?".join(re.escape(w) for w in content) + r"\b")
            for text in corpus:
                for found in pattern.findall(text):
                    checked += 1
                    assert found in group, (found, group)
    assert checked > 10
    vog = next(g for g in index["synonyms"] if g[0] == "vog")
    assert "verklaring omtrent gedrag" in vog  # issue 16: written without "het" in the sources


def test_rendered_file_is_compact_json(catalog):
    files = render_search_index(catalog)
    assert list(files) == ["assets/search/finder-index.json"]
    raw = files["assets/search/finder-index.json"]
    data = json.loads(raw)
    assert data["version"] == 2
    assert raw == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_postings_joined_in_cached_shares_equal_one_join(catalog, tmp_path, monkeypatch):
    """However the frameworks are split into shares, and whether a share comes from the cache or
    not, the index has the same bytes; a share whose framework changed is joined again."""
    from generator.cache import Cache
    from generator.render import search_index

    expected = render_search_index(catalog)["assets/search/finder-index.json"]
    starts = search_index.synonym_starts(catalog)
    parts = [search_index.framework_part(f, catalog, starts) for f in catalog.frameworks]
    keys = [f"key-{f.id}" for f in catalog.frameworks]
    for share_parts in (1, 5, len(parts)):
        monkeypatch.setattr(search_index, "SHARE_PARTS", share_parts)
        cache = Cache(tmp_path / f"cache-{share_parts}")
        for _ in ("cold", "warm"):
            files = render_search_index(catalog, parts, cache, keys)
            assert files["assets/search/finder-index.json"] == expected
        assert cache.misses == len(parts) + -(-len(parts) // share_parts)  # each part and share, once
    # A stale share under the same key would show here: a changed part gets a new key.
    monkeypatch.setattr(search_index, "SHARE_PARTS", 5)
    cache = Cache(tmp_path / "cache-5")
    changed = [dict(part) for part in parts]
    changed[7] = search_index.framework_part(catalog.frameworks[8], catalog, starts)
    uncached = render_search_index(catalog, changed)["assets/search/finder-index.json"]
    assert uncached != expected
    assert render_search_index(catalog, changed, cache, keys[:7] + ["edited"] + keys[8:])[
        "assets/search/finder-index.json"] == uncached
