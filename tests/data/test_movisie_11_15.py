"""Movisie overview, frameworks 11–15: counts established by reading the source
(sources/movisie-15-kwaliteitskaders.txt; notes: sources/notes/movisie-overview.md §C.11–C.15, §G)."""

import pytest

from tests.datahelpers import count_by_element, count_items, criteria, framework, walk_sections

FW11 = "bcp-sociaal-werker-2018"
FW12 = "competentieprofiel-jeugdprofessional-2017"
FW13 = "wat-werkt-armoede-schulden-2020"
FW14 = "wat-werkt-integraal-werken-2018"
FW15 = "wat-werkt-clientenparticipatie-2016"
ALL = [FW11, FW12, FW13, FW14, FW15]

JEUGD = ["jeugd-1", "jeugd-2", "jeugd-3", "jeugd-4", "jeugd-5", "jeugd-6", "jeugd-7"]
WMO = ["wmo-1a", "wmo-1b", "wmo-2", "wmo-3"]


def by_id(framework_id: str) -> dict:
    return {c["id"]: c for c in criteria(framework_id)}


def top_sections(framework_id: str) -> list[dict]:
    return framework(framework_id)["sections"]


@pytest.mark.parametrize("framework_id, expected", [
    (FW11, {"vakmanschap": 21}),
    (FW12, {"vakmanschap": 4, "samenwerking": 1}),
    (FW13, {"dienstverlening": 12, "vakmanschap": 12, "organisatie": 5}),
    (FW14, {"dienstverlening": 16, "vakmanschap": 14}),
    (FW15, {"samenwerking": 5}),
])
def test_criteria_per_element(framework_id, expected):
    assert count_by_element(framework_id) == expected


@pytest.mark.parametrize("framework_id, overview_number, year", [
    (FW11, 11, 2018), (FW12, 12, 2017), (FW13, 13, 2020), (FW14, 14, 2018), (FW15, 15, 2016)])
def test_framework_metadata(framework_id, overview_number, year):
    fw = framework(framework_id)["framework"]
    assert fw["overview_number"] == overview_number
    assert fw["year"] == year
    assert fw["source"]["kind"] == "summary"
    assert fw["source"]["summarised_by"] == "Movisie (m.m.v. Nederlands Jeugdinstituut)"
    for field in ("summary", "procurement_use", "introduction", "origin", "structure", "original"):
        assert fw[field], field


def test_segments_follow_the_overview_cells():
    assert framework(FW11)["framework"]["segments"] == JEUGD + WMO
    assert framework(FW11)["framework"]["domains"] == ["jeugdwet", "wmo", "sociaal-werk"]
    assert framework(FW12)["framework"]["segments"] == JEUGD
    assert framework(FW13)["framework"]["segments"] == WMO + JEUGD
    for fw in (FW14, FW15):
        assert framework(fw)["framework"]["segments"] == JEUGD + WMO
        assert framework(fw)["framework"]["segments_text"] == "Jeugdhulp en Wmo"


@pytest.mark.parametrize("framework_id, elements", [
    (FW11, ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"]),
    (FW12, ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"]),
    (FW13, ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"]),
    (FW14, ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"]),
    (FW15, ["dienstverlening", "vakmanschap", "samenwerking"]),
])
def test_element_sections_in_source_order(framework_id, elements):
    assert [s["element"] for s in top_sections(framework_id)] == elements


@pytest.mark.parametrize("framework_id, empty", [
    (FW11, ["dienstverlening", "samenwerking", "organisatie"]),
    (FW12, ["dienstverlening", "organisatie"]),
    (FW13, ["samenwerking"]),
    (FW14, ["samenwerking", "organisatie"]),
    (FW15, ["dienstverlening", "vakmanschap"]),
])
def test_placeholders_are_kept(framework_id, empty):
    sections = top_sections(framework_id)
    assert [s["element"] for s in sections if s.get("no_criteria")] == empty
    for section in sections:
        if section.get("no_criteria"):
            assert section["no_criteria"]["text"].startswith(
                "In dit kwaliteitskader zijn hierover niet expliciet criteria opgenomen")
            assert not section.get("criteria") and not section.get("sections")


def test_every_criterion_has_the_element_of_its_top_section():
    for fw in ALL:
        for top in top_sections(fw):
            for section in walk_sections([top]):
                for criterion in section.get("criteria", []):
                    assert criterion["element"] == top["element"], criterion["id"]


# -- fw11 -----------------------------------------------------------------

FW11_INDICATORS = [6, 3, 6, 7, 6, 6, 6, 6, 8, 5, 5, 6, 10, 5, 7, 7, 5, 6, 5, 8, 4]


def test_fw11_seven_clusters_of_competences():
    clusters = [s for s in walk_sections(top_sections(FW11)) if s["id"].startswith("cluster-")]
    assert [s["number"] for s in clusters] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [len(s["criteria"]) for s in clusters] == [2, 3, 3, 3, 3, 4, 3]


def test_fw11_indicators_per_competence():
    crits = criteria(FW11)
    assert [len(c["items"]) for c in crits] == FW11_INDICATORS
    assert sum(count_items(c["items"]) for c in crits) == 127
    assert all(c["text"] == "De sociaal werker:" for c in crits)
    assert crits[0]["title"] == "Maakt en onderhoudt contact: is present"
    assert crits[18]["title"] == "Toont een autonome en professionele houding"


# -- fw12 -----------------------------------------------------------------

def test_fw12_clusters_and_their_parts():
    crits = criteria(FW12)
    assert [c["number"] for c in crits] == ["1", "2", "3", "5", "4"]
    opgaven = [len(c["items"][0]["items"]) for c in crits]
    gedrag = [len(c["items"][1]["items"]) for c in crits]
    assert opgaven == [5, 4, 3, 4, 3]
    assert gedrag == [11, 10, 14, 15, 19]
    for c in crits:
        assert c["items"][0]["text"] == "Professionele opgaven"
        assert c["items"][0]["informative"] is True
        assert all(item.get("informative") for item in c["items"][0]["items"])
        assert c["items"][1]["text"] == "Vakvolwassen gedrag"
    nested = sum(count_items(i.get("items", [])) for c in crits for i in c["items"][1]["items"])
    assert nested == 6
    # 19 opgaven + 69 gedrag + 6 nested + 2 group headings per cluster
    assert sum(count_items(c["items"]) for c in crits) == 19 + 69 + 6 + 10


# -- fw13 -----------------------------------------------------------------

def test_fw13_groups_and_numbering():
    per_section = {s["id"]: len(s.get("criteria", [])) for s in walk_sections(top_sections(FW13))}
    assert per_section["werkzame-elementen-armoede"] == 8
    assert per_section["bouwstenen-schulden"] == 4
    assert per_section["basiselementen-armoede"] == 6
    assert per_section["competenties-schulden"] == 3
    assert per_section["competenties-armoede-schulden"] == 3
    assert per_section["organisatie"] == 5
    crits = by_id(FW13)
    assert [crits[f"wwas-va-0{i}"]["number"] for i in range(1, 7)] == ["1", "2", "3", "4", "5", "6"]
    assert crits["wwas-o-05"]["title"] == "Grip hebben op ‘werkende armen’"


def test_fw13_organisatie_is_addressed_to_the_gemeente():
    organisatie = top_sections(FW13)[3]
    assert [a["kind"] for a in organisatie["applicability"]] == ["gemeente"]
    for criterion in organisatie["criteria"]:
        assert [a["kind"] for a in criterion["applicability"]] == ["gemeente"]


def test_fw13_notes_are_not_criteria():
    steunende_interactie = by_id(FW13)["wwas-va-02"]
    assert [n["kind"] for n in steunende_interactie["notes"]] == ["voorbeelden", "nb"]
    assert "Let op" not in steunende_interactie["text"]


# -- fw14 -----------------------------------------------------------------

def test_fw14_groups_without_the_spurious_bullet():
    per_section = {s["id"]: len(s.get("criteria", [])) for s in walk_sections(top_sections(FW14))}
    assert per_section["persoonlijke-alliantie"] == 5
    assert per_section["taakalliantie"] == 6
    assert per_section["regisserende-professional"] == 5
    assert per_section["succesfactoren"] == 4
    assert per_section["competenties-professional"] == 10
    reflectie = by_id(FW14)["wwiw-dr-03"]
    assert reflectie["lines"] == "4197-4198"
    assert reflectie["text"].endswith("het doen slagen van het ondersteuningstraject")
    assert [n["kind"] for n in reflectie["notes"]] == ["redactie"]


# -- fw15 -----------------------------------------------------------------

def test_fw15_combined_samenwerking_en_organisatie():
    sections = top_sections(FW15)
    combined = sections[2]
    assert combined["title"] == "Samenwerking én Organisatie"
    assert combined["element"] == "samenwerking"
    assert len(combined["criteria"]) == 5
    assert "redactie" in [n["kind"] for n in combined["notes"]]
    for criterion in combined["criteria"]:
        assert criterion["element"] == "samenwerking"
        assert criterion["also_elements"] == ["organisatie"]
    assert len(sections) == 3
