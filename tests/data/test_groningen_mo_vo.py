"""Groningen MO/VO: counts established by reading the source (see the notes, §A.5)."""

from collections import Counter

from tests.datahelpers import count_by_element, count_items, criteria, framework, real_data

FRAMEWORK = "groningen-mo-vo"

CODES = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "C4", "C5",
         "D1", "D2", "D3", "D4", "D5", "E1", "E2", "E3", "F1", "F2"]


def _is_vo(criterion):
    return any(rule["kind"] == "vrouwenopvang" for rule in criterion.get("applicability", []))


def test_six_themes():
    sections = framework(FRAMEWORK)["sections"]
    assert [s["title"] for s in sections] == [
        "A. Cliënt centraal", "B. Passende en effectieve ondersteuning", "C. Gezonde organisatie",
        "D. Veiligheid", "E. Keten en netwerk", "F. Verantwoorde bedrijfsvoering"]
    # C, D and E drop "Thema" (and a stray bullet) from the printed table heading.
    assert [s["id"][0] for s in sections if s.get("title_editorial")] == ["c", "d", "e"]


def test_twenty_one_norm_codes():
    codes = [code["number"] for theme in framework(FRAMEWORK)["sections"] for code in theme["sections"]]
    assert codes == CODES


def test_every_statement_is_a_criterion():
    assert len(criteria(FRAMEWORK)) == 65


def test_statements_per_code():
    per_code = {code["number"]: len(code.get("criteria", []))
                for theme in framework(FRAMEWORK)["sections"] for code in theme["sections"]}
    assert per_code == {"A1": 10, "A2": 4, "A3": 4, "B1": 7, "B2": 4, "B3": 7,
                        "C1": 1, "C2": 1, "C3": 1, "C4": 1, "C5": 2,
                        "D1": 1, "D2": 1, "D3": 1, "D4": 1, "D5": 1,
                        "E1": 1, "E2": 1, "E3": 1, "F1": 1, "F2": 14}


def test_general_and_vrouwenopvang_split():
    vo = [c for c in criteria(FRAMEWORK) if _is_vo(c)]
    assert len(vo) == 33
    assert len(criteria(FRAMEWORK)) - len(vo) == 32
    per_code = Counter(c["id"].split("-")[1] for c in vo)
    assert per_code == {"a1": 8, "a2": 2, "a3": 4, "b1": 1, "b3": 5, "f2": 13}


def test_target_group_applicability():
    kinds = Counter(rule["kind"] for c in criteria(FRAMEWORK) for rule in c.get("applicability", []))
    # A3 (4) + A1 kindcheck (1) + B2 (4) + D5 (1); jeugdigen: B2 (4) + B3 (7) + D5 (1) + E3 (1).
    assert kinds["gezinnen-met-kinderen"] == 10
    assert kinds["jeugdigen"] == 13


def test_every_sub_item_is_kept():
    assert sum(count_items(c.get("items", [])) for c in criteria(FRAMEWORK)) == 71


def test_indicators_are_evidence_not_items():
    evidence = [e for c in criteria(FRAMEWORK) for e in c.get("evidence", [])]
    assert len(evidence) == 52  # 53 indicator bullets in the source; the empty one in B1 is skipped
    assert {e["kind"] for e in evidence} == {"indicator"}
    items = [i["text"] for c in criteria(FRAMEWORK) for i in c.get("items", [])]
    assert "Afspraken met cliënt in opvang" not in items


def test_indicators_per_theme():
    # notes §A.5 count B as 13 including the empty bullet in B1.
    per_theme = Counter(c["id"].split("-")[1][0] for c in criteria(FRAMEWORK) for _ in c.get("evidence", []))
    assert per_theme == {"a": 12, "b": 12, "c": 10, "d": 9, "e": 7, "f": 2}


def test_element_assignment():
    assert count_by_element(FRAMEWORK) == {"dienstverlening": 29, "vakmanschap": 8,
                                           "samenwerking": 12, "organisatie": 16}


def test_b1_notes():
    b17 = next(c for c in criteria(FRAMEWORK) if c["id"] == "gmv-b1-07")
    assert [(n["kind"], n.get("label")) for n in b17["notes"]] == [("nb", "NB1"), ("nb", "NB2"), ("bron", "Bron")]
    assert len(b17["notes"][1]["items"]) == 3


def test_glossary_has_23_terms():
    glossary = next(g.data for g in real_data().glossaries if g.data["glossary"]["id"] == "groningen-mo-vo")
    assert glossary["glossary"]["framework"] == FRAMEWORK
    terms = [t["term"] for t in glossary["terms"]]
    assert len(terms) == 23
    assert terms[0] == "Burgemeesters" and terms[-1] == "Wmo 2015"
    assert not any(t.startswith("(4)") or t.startswith("Alle personen") for t in terms)
