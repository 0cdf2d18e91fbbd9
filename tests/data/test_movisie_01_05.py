"""Movisie overview, frameworks 1–5: counts established by reading the source.

Source: sources/movisie-15-kwaliteitskaders.txt; notes: sources/notes/movisie-overview.md
(§C.1–C.5, §G.1, §G.3 and the appendix criterion index). Counting rule: a criterion is a
top-level requirement of an element (numbered item, norm heading, or top-level bullet).
"""

from collections import Counter

import pytest

from tests.datahelpers import count_by_element, count_items, criteria, framework, real_data, walk_sections

ELEMENTS = ("dienstverlening", "vakmanschap", "samenwerking", "organisatie")

EXPECTED = {
    # framework id: (overview number, D, V, S, O)
    "vng-beschermd-wonen-mo-2016": (1, 23, 0, 1, 19),
    "vng-werken-aan-veiligheid-2019": (2, 5, 3, 1, 1),
    "jeugdzorgplus-2019": (3, 9, 0, 1, 4),
    "voorkomen-seksueel-misbruik-2013": (4, 12, 0, 7, 20),
    "ggz-daginvulling-participatie-2017": (5, 17, 0, 1, 2),
}


@pytest.mark.parametrize("framework_id", EXPECTED)
def test_criteria_per_element(framework_id):
    _, d, v, s, o = EXPECTED[framework_id]
    counts = count_by_element(framework_id)
    assert [counts.get(element, 0) for element in ELEMENTS] == [d, v, s, o]
    assert len(criteria(framework_id)) == d + v + s + o


@pytest.mark.parametrize("framework_id", EXPECTED)
def test_four_element_sections_in_source_order(framework_id):
    sections = framework(framework_id)["sections"]
    assert [s.get("element") for s in sections] == list(ELEMENTS)


@pytest.mark.parametrize("framework_id", EXPECTED)
def test_criterion_element_is_its_element_section(framework_id):
    for top in framework(framework_id)["sections"]:
        for section in walk_sections([top]):
            for criterion in section.get("criteria", []):
                assert criterion["element"] == top["element"], criterion["id"]


@pytest.mark.parametrize("framework_id", EXPECTED)
def test_empty_elements_quote_the_placeholder(framework_id):
    # All five have no explicit Vakmanschap criteria except fw2.
    _, d, v, s, o = EXPECTED[framework_id]
    for top, count in zip(framework(framework_id)["sections"], (d, v, s, o)):
        if count == 0:
            assert "niet expliciet criteria opgenomen" in top["no_criteria"]["text"]
        else:
            assert "no_criteria" not in top


@pytest.mark.parametrize("framework_id", EXPECTED)
def test_overview_metadata(framework_id):
    fw = framework(framework_id)["framework"]
    assert fw["overview_number"] == EXPECTED[framework_id][0]
    assert fw["source"]["kind"] == "summary"
    assert fw["source"]["file"] == "movisie-15-kwaliteitskaders.txt"
    for field in ("summary", "procurement_use", "introduction", "origin", "structure", "original"):
        assert fw[field], field


def test_segments():
    assert framework("vng-beschermd-wonen-mo-2016")["framework"]["segments"] == ["wmo-1a"]
    assert framework("jeugdzorgplus-2019")["framework"]["segments"] == ["jeugd-1"]
    assert framework("ggz-daginvulling-participatie-2017")["framework"]["segments"] == ["wmo-1a", "wmo-1b", "wmo-2"]


def test_a_segment_cell_naming_only_domains_means_every_segment_of_those_domains():
    segments = real_data().segments.data["segments"]
    named = {"Jeugdhulp": "jeugdwet", "Wmo": "wmo"}
    checked = 0
    for file in real_data().frameworks:
        data = file.data["framework"]
        text = data.get("segments_text", "")
        if not text or "egment" in text:
            continue
        domains = {domain for word, domain in named.items() if word in text}
        expected = {s["id"] for s in segments if s["domain"] in domains}
        assert set(data.get("segments", [])) == expected, data["id"]  # none: a segment_rule says why
        checked += 1
    assert checked >= 10


def test_fw1_printed_numbers_1_to_43_once():
    numbers = [c["number"] for c in criteria("vng-beschermd-wonen-mo-2016")]
    assert sorted(map(int, numbers)) == list(range(1, 44))
    by_element = {}
    for c in criteria("vng-beschermd-wonen-mo-2016"):
        by_element.setdefault(c["element"], []).append(int(c["number"]))
    assert by_element["samenwerking"] == [34]
    assert by_element["organisatie"] == [3, 4, *range(26, 34), *range(35, 44)]


def test_fw1_items_and_notes():
    crits = criteria("vng-beschermd-wonen-mo-2016")
    # 49 ` - ` sub-bullets on 9 criteria; the 4 paragraphs after a list (5, 6, 8, 19) are closing texts.
    assert sum(count_items(c.get("items", [])) for c in crits) == 49
    assert [c["number"] for c in crits if "closing" in c] == ["5", "6", "8", "19"]
    assert sum(1 for c in crits if c.get("items")) == 9
    # List items inside notes: 71 (notes §G.3). Ter inspiratie: 7 printed labels; criterion 26 has two
    # labelled paragraphs (2 notes) and the closing line of 32 (“En bij twijfel geldt: meld!”) is its own note.
    note_items = sum(count_items(n.get("items", [])) for c in crits for n in c.get("notes", []))
    assert note_items == 71
    kinds = Counter(n["kind"] for c in crits for n in c.get("notes", []) if n["kind"] != "redactie")
    assert kinds == {"ter-inspiratie": 9, "tip": 5, "nb": 8, "bron": 3, "uitzondering": 2, "voorbeelden": 1}


def test_fw2_printed_numbers_and_lettered_items():
    crits = criteria("vng-werken-aan-veiligheid-2019")
    assert sorted(int(c["number"]) for c in crits) == list(range(1, 11))
    assert sum(count_items(c.get("items", [])) for c in crits) == 33
    labels = {c["number"]: "".join(i["label"] for i in c.get("items", [])) for c in crits}
    assert labels["8"] == "abcdefghij"
    assert labels["10"] == "abcdefg"


def test_fw3_norms_have_54_indicators():
    crits = criteria("jeugdzorgplus-2019")
    per_norm = [len(c.get("evidence", [])) for c in crits]
    assert per_norm == [3, 4, 5, 9, 3, 3, 4, 1, 3, 4, 5, 2, 3, 5]
    assert all(e["kind"] == "indicator" for c in crits for e in c.get("evidence", []))
    themes = [s["number"] for s in walk_sections(framework("jeugdzorgplus-2019")["sections"]) if "number" in s]
    assert themes == ["1", "3", "4", "5", "2", "6", "7"]


def test_fw4_all_39_actions_once_and_paragraph_5_2_split():
    crits = criteria("voorkomen-seksueel-misbruik-2013")
    numbers = [c["number"] for c in crits]
    assert len(set(numbers)) == 39
    split = {c["number"]: c["element"] for c in crits if c["number"].startswith("5.2.")}
    assert split == {"5.2.1": "dienstverlening", "5.2.2": "dienstverlening", "5.2.3": "dienstverlening",
                     "5.2.4": "dienstverlening", "5.2.5": "organisatie"}
    # 17 ` - ` sub-bullets; the 2 sentences after a list (1.2.4, 4.3.1) are closing texts.
    assert sum(count_items(c.get("items", [])) for c in crits) == 17
    assert [c["number"] for c in crits if "closing" in c] == ["1.2.4", "4.3.1"]


def test_fw5_kernelementen_and_phases():
    fw = framework("ggz-daginvulling-participatie-2017")
    dienstverlening = fw["sections"][0]
    assert [c["number"] for c in dienstverlening["criteria"]] == ["1", "2", "3", "4"]
    assert [(s["title"], len(s["criteria"])) for s in dienstverlening["sections"]] == [
        ("Vroege onderkenning en preventie", 3), ("Diagnostiek", 4),
        ("Behandeling en begeleiding", 4), ("Herstel en participatie", 2)]
    samenwerking = criteria("ggz-daginvulling-participatie-2017")[17]
    assert samenwerking["element"] == "samenwerking" and len(samenwerking["items"]) == 3


def test_fw4_original_has_no_url():
    # Movisie's overview announces the full document but gives no address for it.
    original = framework("voorkomen-seksueel-misbruik-2013")["framework"]["original"]
    assert "url" not in original and original["not_public"]["editorial"] is True
