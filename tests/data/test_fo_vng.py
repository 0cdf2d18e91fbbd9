"""FO/VNG Kwaliteitsdocument opvang huiselijk geweld (2014): counts established by reading the
source (see sources/notes/fo-vng-and-twente.md §1.5, §1.6 and §1.9)."""

from collections import Counter

from tests.datahelpers import count_by_element, count_items, criteria, framework, real_data, walk_sections

FRAMEWORK = "fo-vng-opvang-huiselijk-geweld-2014"


def _section(section_id):
    return next(s for s in walk_sections(framework(FRAMEWORK)["sections"]) if s["id"] == section_id)


def _criteria_under(section_id):
    return [c for s in walk_sections([_section(section_id)]) for c in s.get("criteria", [])]


def test_four_parts():
    assert [s["id"] for s in framework(FRAMEWORK)["sections"]] == [
        "bijlage-4", "hoofdtaken", "kader-kwaliteit", "succesvol-kwaliteitsbeleid"]
    assert framework(FRAMEWORK)["framework"]["status"] == "hulpmiddel"


def test_26_gespreksonderwerpen_in_three_groups():
    groups = _section("bijlage-4")["sections"]
    assert {g["id"]: len(g["criteria"]) for g in groups} == {
        "hulpverlening": 5, "interne-organisatie": 11, "externe-samenwerking": 10}
    assert len(_criteria_under("bijlage-4")) == 26


def test_only_the_first_topic_has_sub_items():
    with_items = {c["id"]: count_items(c.get("items", [])) for c in _criteria_under("bijlage-4") if c.get("items")}
    assert with_items == {"fov-hv-01": 5}


def test_printed_numbers_are_not_used():
    # The Nr. column is scrambled and has duplicates in the extraction.
    assert not [c["id"] for c in _criteria_under("bijlage-4") if "number" in c]


def test_every_topic_has_one_bron_except_the_incident_system():
    # Page 2 has ten topics but nine Bron cells; paired in order, the last topic has none.
    bron = {c["id"]: sum(1 for n in c.get("notes", []) if n["kind"] == "bron") for c in _criteria_under("bijlage-4")}
    assert {cid for cid, n in bron.items() if n != 1} == {"fov-io-10"}
    assert bron["fov-io-10"] == 0
    sources = Counter(n["text"] for c in _criteria_under("bijlage-4") for n in c.get("notes", []) if n["kind"] == "bron")
    assert sources["Kwaliteitsdocument"] == 14
    assert sources["Kwaliteitswet Zorginstellingen"] == 3


def test_process_tables_per_hoofdtaak_and_column():
    per_column = {s["id"]: len(s.get("criteria", [])) for s in walk_sections([_section("hoofdtaken")])
                  if s.get("criteria")}
    assert per_column == {
        "intake-resultaten": 6, "intake-activiteiten": 6, "intake-randvoorwaarden": 11,
        "opvang-resultaten": 8, "opvang-activiteiten": 23, "opvang-randvoorwaarden": 13,
        "ambulant-resultaten": 4, "ambulant-activiteiten": 17, "ambulant-randvoorwaarden": 11,
    }
    assert len(_criteria_under("hoofdtaken")) == 99
    assert [len(_criteria_under(t)) for t in ("intake", "opvang-en-begeleiding", "ambulante-begeleiding")] == [23, 44, 32]


def test_element_assignment():
    def by_element(section_id):
        return dict(Counter(c["element"] for c in _criteria_under(section_id)))

    assert by_element("bijlage-4") == {"dienstverlening": 7, "vakmanschap": 3, "samenwerking": 7, "organisatie": 9}
    assert by_element("hoofdtaken") == {"dienstverlening": 74, "vakmanschap": 9, "samenwerking": 13, "organisatie": 3}
    assert by_element("kader-kwaliteit") == {"dienstverlening": 6, "vakmanschap": 1, "samenwerking": 2, "organisatie": 3}
    assert by_element("succesvol-kwaliteitsbeleid") == {"vakmanschap": 2, "organisatie": 6}
    assert count_by_element(FRAMEWORK) == {"dienstverlening": 87, "vakmanschap": 15,
                                           "samenwerking": 22, "organisatie": 21}
    assert len(criteria(FRAMEWORK)) == 145


def test_paragraphs_5_2_to_5_4_and_6_4_hold_every_normative_statement():
    # §5.2: 5 statements (the first with 2 bullets); §5.3: 3 lists (5 + 5 + 1 bullets);
    # §5.4: 2 bullets + 2 lists (6 + 3 bullets); §6.4: 7 bullets + the closing paragraph.
    per_paragraph = {s["number"]: len(s["criteria"]) for s in walk_sections([_section("kader-kwaliteit")])
                     if s.get("criteria")}
    assert per_paragraph == {"5.2": 5, "5.3": 3, "5.4": 4}
    items = {c["id"]: count_items(c.get("items", [])) for c in _criteria_under("kader-kwaliteit") if c.get("items")}
    assert items == {"fov-ug-01": 2, "fov-dr-01": 5, "fov-dr-02": 5, "fov-dr-03": 1, "fov-rv-03": 6, "fov-rv-04": 3}
    assert len(_criteria_under("succesvol-kwaliteitsbeleid")) == 8
    statements = sum(max(1, count_items(c.get("items", [])))
                     for part in ("kader-kwaliteit", "succesvol-kwaliteitsbeleid") for c in _criteria_under(part))
    assert statements == 36
    # Topics that Bijlage 4 repeats are linked rather than left out.
    see_also = {c["id"]: c.get("see_also", []) for c in _criteria_under("kader-kwaliteit")}
    assert see_also["fov-dr-02"] == ["fov-hv-01"] and see_also["fov-rv-01"] == ["fov-io-08"]
    # The housing condition is the municipality's.
    housing = next(c for c in _criteria_under("randvoorwaarden") if c["id"] == "fov-rv-02")
    assert [a["kind"] for a in housing["applicability"]] == ["gemeente"]


def test_no_link_remnants_or_page_numbers_in_texts():
    for c in criteria(FRAMEWORK):
        assert "Klik hier" not in c["text"]
        assert c["text"].strip() not in {"33", "34"}


def test_glossary_has_five_terms():
    glossary = next(g.data for g in real_data().glossaries if g.data["glossary"]["framework"] == FRAMEWORK)
    assert [t["term"] for t in glossary["terms"]] == [
        "Cliëntsysteem", "Huiselijk geweld", "Slachtoffers van huiselijk geweld",
        "Systeemgericht werken", "Veiligheid"]
