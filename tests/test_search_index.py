"""The finder's index builder (generator/render/search_index.py) on the real data."""

from __future__ import annotations

import json
import unicodedata

import pytest

from generator.model import build_catalog
from generator.project import ProjectPaths
from generator.render.search_index import (NOTE, OWN, build_search_index, fold, normalise_phrase,
                                           render_search_index, words)
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


def test_postings_list_exactly_the_criteria_containing_each_word(index):
    assert index["words"] == sorted(set(index["words"]))
    expected: dict[str, dict[int, int]] = {}
    for number, record in enumerate(index["criteria"]):
        own = [record["title"] or "", record["text"], *(row[2] for row in record["items"])]
        for bit, texts in ((OWN, own), (NOTE, [row[1] for row in record["notes"]])):
            for text in texts:
                for word in words(text):
                    expected.setdefault(word, {})
                    expected[word][number] = expected[word].get(number, 0) | bit
    assert set(index["words"]) == set(expected)
    for word, postings in zip(index["words"], index["postings"]):
        assert {p >> 2: p & 3 for p in postings} == expected[word]


def test_words_are_letters_and_digits_only(index):
    """The browser tokenises with /[\\p{L}\\p{N}]+/u; the builder must agree."""
    for word in index["words"]:
        assert all(unicodedata.category(c)[0] in "LN" for c in word), word
        assert fold(word) == word


def test_note_only_words_are_marked_as_notes(index):
    note_only = [(w, p) for w, ps in zip(index["words"], index["postings"]) for p in ps if p & 3 == NOTE]
    assert note_only, "some words occur only in notes or evidence"


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


def test_rendered_file_is_compact_json(catalog):
    files = render_search_index(catalog)
    assert list(files) == ["assets/search/finder-index.json"]
    raw = files["assets/search/finder-index.json"]
    data = json.loads(raw)
    assert data["version"] == 1
    assert raw == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
