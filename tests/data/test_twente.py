"""Twente 2017: counts established by reading the source (see the notes, §2.4–2.9)."""

from collections import Counter

from tests.datahelpers import count_by_element, count_items, criteria, framework, real_data, walk_sections

FRAMEWORK = "twente-kwaliteit-2017"


def _criteria_by_number():
    return {c["number"]: c for c in criteria(FRAMEWORK) if "number" in c}


def test_forty_numbered_eisen_and_one_unnumbered():
    all_criteria = criteria(FRAMEWORK)
    assert len(all_criteria) == 41
    numbers = [c["number"] for c in all_criteria if "number" in c]
    assert numbers == [str(n) for n in range(1, 41)]
    assert [c["id"] for c in all_criteria if "number" not in c] == ["twe-u1"]


def test_framework_metadata():
    meta = framework(FRAMEWORK)["framework"]
    assert meta["status"] == "contractvoorwaarde"
    assert meta["domains"] == ["wmo", "jeugdwet"]
    assert meta["year"] == 2017
    assert meta["date"] == "14 november 2017"
    assert meta["item_term"] == {"singular": "kwaliteitseis", "plural": "kwaliteitseisen"}


def test_sections_and_subgroups():
    sections = framework(FRAMEWORK)["sections"]
    assert [s["number"] for s in sections] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]
    per_section = {s["id"]: len(s.get("criteria", [])) for s in walk_sections(sections)}
    assert per_section == {
        "doelmatigheid": 8,
        "doeltreffendheid": 8,
        "clientgerichtheid": 9,
        "veiligheid": 0,
        "veiligheid-zorginhoudelijk": 6,
        "veiligheid-organisatorisch": 3,
        "leefklimaat": 2,
        "bedrijfsvoering": 4,
        "overige-eisen": 1,
    }


def test_element_assignment():
    assert count_by_element(FRAMEWORK) == {"dienstverlening": 13, "vakmanschap": 8,
                                           "samenwerking": 3, "organisatie": 17}


def test_scope_column():
    # "Jeugdwet" in the third column for eisen 4, 6, 31, 36 and 38; "Beide" elsewhere
    # (eis 40 has an empty cell); no Wmo-only eis.
    scopes = Counter(rule["kind"] for c in criteria(FRAMEWORK) for rule in c.get("applicability", [])
                     if rule["kind"] in ("jeugdwet", "wmo"))
    assert scopes == {"jeugdwet": 5}
    jeugd_only = [c["number"] for c in criteria(FRAMEWORK)
                  if any(rule["kind"] == "jeugdwet" for rule in c.get("applicability", []))]
    assert jeugd_only == ["4", "6", "31", "36", "38"]


def test_verificatie_marks():
    # X in the verification column at eis 1, eis 6 and sub-item 37a.
    marked = [c["number"] for c in criteria(FRAMEWORK)
              if any(e["kind"] == "verificatie" for e in c.get("evidence", []))]
    assert marked == ["1", "6", "37"]


def test_sub_items():
    by_number = _criteria_by_number()
    assert sum(count_items(c.get("items", [])) for c in criteria(FRAMEWORK)) == 5
    assert [i["label"] for i in by_number["6"]["items"]] == ["a", "b"]
    assert [i["label"] for i in by_number["37"]["items"]] == ["a", "b", "c"]


def test_footnotes_4_to_15_are_notes():
    labels = [n["label"] for c in criteria(FRAMEWORK) for n in c.get("notes", []) if n["kind"] == "voetnoot"]
    assert labels == [str(n) for n in range(4, 16)]


def test_scope_and_x_tokens_are_not_in_texts():
    for c in criteria(FRAMEWORK):
        for text in [c["text"]] + [i["text"] for i in c.get("items", [])]:
            assert not text.rstrip().endswith(("Beide", "Jeugdwet", " X")), c["id"]


def test_glossary_has_36_terms():
    glossary = next(g.data for g in real_data().glossaries if g.data["glossary"]["framework"] == FRAMEWORK)
    terms = [t["term"] for t in glossary["terms"]]
    assert len(terms) == 36
    assert "Begrip" not in terms
    assert terms[0] == "AGB-code" and terms[-1] == "Veiligheid"
    assert "Deskundigheidsbevordering" in terms
    assert "Meldcode huiselijk geweld en kindermishandeling" in terms
    assert "Risicotaxatie-instrument (gestandaardiseerd)" in terms
