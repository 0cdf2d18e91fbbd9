"""Movisie overview, frameworks 6-10: counts established by reading the source.

See sources/notes/movisie-overview.md §C.6-C.10, §G.1 and the appendix criterion index.
"""

from collections import Counter

import pytest

from tests.datahelpers import count_by_element, count_items, criteria, framework, walk_sections

FW6 = "vng-basisset-kwetsbare-burgers-2014"
FW7 = "handreiking-professioneel-ondersteunen-2013"
FW8 = "jij-kader-2021"
FW9 = "kwaliteitslabel-sociaal-werk-2019"
FW10 = "professioneel-statuut-jeugd-2017"


def per_top_section(framework_id):
    """Criteria per top-level section, counting nested sections too."""
    return {
        s["id"]: sum(len(sub.get("criteria", [])) for sub in walk_sections([s]))
        for s in framework(framework_id)["sections"]
    }


def element_sections(framework_id):
    return [(s["id"], s.get("element")) for s in framework(framework_id)["sections"]]


@pytest.mark.parametrize("framework_id, number, prefix", [
    (FW6, 6, "bkb"), (FW7, 7, "hpo"), (FW8, 8, "jij"), (FW9, 9, "klsw"), (FW10, 10, "mps"),
])
def test_framework_metadata(framework_id, number, prefix):
    fw = framework(framework_id)["framework"]
    assert fw["overview_number"] == number
    assert fw["id_prefix"] == prefix
    assert fw["source"]["kind"] == "summary"
    assert fw["source"]["file"] == "movisie-15-kwaliteitskaders.txt"
    assert fw["summary"] and fw["procurement_use"] and fw["introduction"]
    assert fw["origin"] and fw["structure"] and fw["original"]


@pytest.mark.parametrize("framework_id", [FW7, FW8, FW9, FW10])
def test_four_element_sections_in_source_order(framework_id):
    assert element_sections(framework_id) == [
        ("dienstverlening", "dienstverlening"), ("vakmanschap", "vakmanschap"),
        ("samenwerking", "samenwerking"), ("organisatie", "organisatie")]


def test_criterion_element_is_the_section_element():
    for framework_id in (FW7, FW8, FW9, FW10):
        for top in framework(framework_id)["sections"]:
            for section in walk_sections([top]):
                for criterion in section.get("criteria", []):
                    assert criterion["element"] == top["element"], criterion["id"]


# -- fw6: VNG basisset ------------------------------------------------------

def test_fw6_basisset_is_its_own_section_after_the_elements():
    assert element_sections(FW6) == [
        ("dienstverlening", "dienstverlening"), ("vakmanschap", "vakmanschap"),
        ("samenwerking", "samenwerking"), ("organisatie", "organisatie"), ("basisset", None)]


def test_fw6_counts_per_section():
    assert per_top_section(FW6) == {"dienstverlening": 6, "vakmanschap": 2, "samenwerking": 2,
                                    "organisatie": 1, "basisset": 6}


def test_fw6_principles_per_element_and_basisset_elements():
    basisset = next(s for s in framework(FW6)["sections"] if s["id"] == "basisset")
    in_elements = Counter(c["element"] for s in framework(FW6)["sections"] if s.get("element")
                          for sub in walk_sections([s]) for c in sub.get("criteria", []))
    assert in_elements == {"dienstverlening": 6, "vakmanschap": 2, "samenwerking": 2, "organisatie": 1}
    assert [c["element"] for c in basisset["criteria"]] == [
        "vakmanschap", "samenwerking", "dienstverlening", "organisatie", "organisatie", "organisatie"]
    assert any(n["kind"] == "redactie" for n in basisset["notes"])
    assert count_by_element(FW6) == {"dienstverlening": 7, "vakmanschap": 3, "samenwerking": 3,
                                     "organisatie": 4}
    assert len(criteria(FW6)) == 17


# -- fw7: Handreiking professioneel ondersteunen ---------------------------------

def test_fw7_counts():
    assert count_by_element(FW7) == {"dienstverlening": 5, "vakmanschap": 39, "samenwerking": 9,
                                     "organisatie": 20}
    assert len(criteria(FW7)) == 73


def test_fw7_kenmerk_subsections():
    sections = {s["id"]: s for s in framework(FW7)["sections"]}
    per_kenmerk = {sub["id"]: sum(len(x.get("criteria", [])) for x in walk_sections([sub]))
                   for sub in sections["vakmanschap"]["sections"]}
    assert per_kenmerk == {"v-eigen-kracht": 11, "v-vraag": 9, "v-binden": 10, "v-signaleren": 9}
    assert [len(sub["criteria"]) for sub in sections["organisatie"]["sections"]] == [4, 5, 3, 4, 4]
    assert [len(sub["criteria"]) for sub in sections["dienstverlening"]["sections"]] == [1, 1, 1, 1, 1]


# -- fw8: JIJ-kader ---------------------------------------------------------------

def test_fw8_counts_and_numbers():
    assert count_by_element(FW8) == {"dienstverlening": 5, "vakmanschap": 5, "organisatie": 4}
    assert [c["number"] for c in criteria(FW8)] == [
        "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4"]


def test_fw8_every_norm_has_inspection_indicators():
    evidence = [c.get("evidence", []) for c in criteria(FW8)]
    assert all(evidence) and all(e["kind"] == "indicator" for ev in evidence for e in ev)
    assert sum(len(ev) for ev in evidence) == 33


def test_fw8_samenwerking_has_no_criteria():
    s = next(s for s in framework(FW8)["sections"] if s["id"] == "samenwerking")
    assert s["no_criteria"]["text"].startswith("In dit kwaliteitskader zijn hierover niet expliciet")
    assert not s.get("criteria") and not s.get("sections")


# -- fw9: Kwaliteitslabel Sociaal Werk ---------------------------------------------

def test_fw9_counts_match_the_49_normen():
    assert count_by_element(FW9) == {"dienstverlening": 11, "vakmanschap": 15, "organisatie": 23}
    assert per_top_section(FW9) == {"dienstverlening": 11, "vakmanschap": 15, "samenwerking": 0,
                                    "organisatie": 23}


def test_fw9_numbering_restarts_per_rubriek():
    for top, n in (("dienstverlening", 11), ("vakmanschap", 15), ("organisatie", 23)):
        section = next(s for s in framework(FW9)["sections"] if s["id"] == top)
        (rubriek,) = section["sections"]
        assert [c["number"] for c in rubriek["criteria"]] == [str(i) for i in range(1, n + 1)]


# -- fw10: Model Professioneel Statuut ---------------------------------------------

def test_fw10_counts():
    assert count_by_element(FW10) == {"vakmanschap": 10, "organisatie": 2}
    assert per_top_section(FW10) == {"dienstverlening": 0, "vakmanschap": 10, "samenwerking": 0,
                                     "organisatie": 2}


def test_fw10_empty_elements_quote_the_placeholder():
    empty = [s["id"] for s in framework(FW10)["sections"] if s.get("no_criteria")]
    assert empty == ["dienstverlening", "samenwerking"]


def test_fw10_responsibilities_keep_their_sub_items():
    by_id = {c["id"]: c for c in criteria(FW10)}
    assert [count_items(by_id[i].get("items", [])) for i in
            ("mps-vp-01", "mps-vp-02", "mps-vp-03", "mps-vo-01", "mps-vo-02")] == [9, 4, 3, 2, 5]
    assert sum(count_items(c.get("items", [])) for c in criteria(FW10)) == 23
    assert [by_id[i]["number"] for i in ("mps-vp-01", "mps-vp-02", "mps-vp-03", "mps-vo-01", "mps-vo-02")] \
        == ["1", "2", "3", "1", "2"]
