"""Midden-Groningen: counts established by reading the source (see the notes, §B.5)."""

from tests.datahelpers import count_by_element, count_items, criteria, framework

FRAMEWORK = "midden-groningen-wmo"


def test_six_sections_one_with_editorial_title():
    sections = framework(FRAMEWORK)["sections"]
    assert len(sections) == 6
    assert [s["id"] for s in sections if s.get("title_editorial")] == ["personeel"]


def test_every_bullet_is_a_criterion():
    assert len(criteria(FRAMEWORK)) == 41


def test_every_sub_item_is_kept():
    # 41 `o` lines in the source; the notes count them the same way.
    assert sum(count_items(c.get("items", [])) for c in criteria(FRAMEWORK)) == 41


def test_criteria_per_section():
    per_section = {s["id"]: len(s.get("criteria", [])) for s in framework(FRAMEWORK)["sections"]}
    assert per_section == {"veiligheid": 9, "personeel": 9, "fysieke-omgeving": 1,
                           "kwaliteitsborging": 1, "doelmatig-clientgericht": 18, "rechtmatigheid": 3}


def test_element_assignment():
    assert count_by_element(FRAMEWORK) == {"dienstverlening": 10, "vakmanschap": 9,
                                           "samenwerking": 4, "organisatie": 18}


def test_required_policy_documents_are_a_checklist():
    policies = next(c for c in criteria(FRAMEWORK) if c["id"] == "mg-vei-09")
    assert [item["text"] for item in policies["items"]][:3] == [
        "Omgaan met agressie", "Bedrijfshulpverlening (BHV)", "Medicatiebeleid"]
    assert len(policies["items"]) == 8
