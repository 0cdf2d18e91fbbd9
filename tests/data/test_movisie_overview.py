"""Movisie overview document: introduction, the 15-row overview table and the
appendix of procurement segments (see sources/notes/movisie-overview.md §A, §B, §E)."""

from typing import Any

import pytest

from tests.datahelpers import real_data

FRAMEWORK_IDS = [
    "vng-beschermd-wonen-mo-2016",
    "vng-werken-aan-veiligheid-2019",
    "jeugdzorgplus-2019",
    "voorkomen-seksueel-misbruik-2013",
    "ggz-daginvulling-participatie-2017",
    "vng-basisset-kwetsbare-burgers-2014",
    "handreiking-professioneel-ondersteunen-2013",
    "jij-kader-2021",
    "kwaliteitslabel-sociaal-werk-2019",
    "professioneel-statuut-jeugd-2017",
    "bcp-sociaal-werker-2018",
    "competentieprofiel-jeugdprofessional-2017",
    "wat-werkt-armoede-schulden-2020",
    "wat-werkt-integraal-werken-2018",
    "wat-werkt-clientenparticipatie-2016",
]
YEARS = [2016, 2019, 2019, 2013, 2017, 2014, 2013, 2021, 2019, 2017, 2018, 2017, 2020, 2018, 2016]

SEGMENT_IDS = ["jeugd-1", "jeugd-2", "jeugd-3", "jeugd-4", "jeugd-5", "jeugd-6", "jeugd-7",
               "wmo-1a", "wmo-1b", "wmo-2", "wmo-3"]
# One quote per listed offer in the appendix's "Gebruikelijk aanbod" column.
TYPICAL_OFFERS = {"jeugd-1": 4, "jeugd-2": 5, "jeugd-3": 4, "jeugd-4": 4, "jeugd-5": 4, "jeugd-6": 1,
                  "jeugd-7": 3, "wmo-1a": 5, "wmo-1b": 2, "wmo-2": 2, "wmo-3": 3}


def overview() -> dict[str, Any]:
    assert real_data().overview is not None
    return real_data().overview.data


def segments() -> list[dict[str, Any]]:
    assert real_data().segments is not None
    return real_data().segments.data["segments"]


def frameworks_by_id() -> dict[str, dict[str, Any]]:
    return {f.data["framework"]["id"]: f.data["framework"] for f in real_data().frameworks}


# --- overview table

def test_fifteen_rows_numbered_in_order():
    assert [row["number"] for row in overview()["rows"]] == list(range(1, 16))


def test_each_row_points_at_its_own_framework():
    ids = [row["framework"] for row in overview()["rows"]]
    assert ids == FRAMEWORK_IDS
    assert len(set(ids)) == 15


def test_years_as_printed():
    assert [row["year"] for row in overview()["rows"]] == YEARS


def test_every_row_has_summary_and_procurement_use():
    for row in overview()["rows"]:
        assert row["summary"], row["number"]
        assert row["procurement_use"], row["number"]


def test_summary_starts_after_the_fused_year():
    for row in overview()["rows"]:
        assert not row["summary"][0]["text"][:4].isdigit(), row["number"]


def test_kwaliteitslabel_hkz_iso_sentence_is_toelichting():
    row = overview()["rows"][8]
    assert [q["lines"] for q in row["summary"]] == ["208-210", "212-213"]
    assert [q["lines"] for q in row["procurement_use"]] == ["215-217"]


def test_segment_cells_as_printed():
    cells = {row["number"]: row["segments_text"]["text"] for row in overview()["rows"]}
    assert cells[1] == "Wmo Segment 1a"
    assert cells[3] == "Jeugdhulp Segment 1 Jeugdhulp Plus"
    assert cells[5] == "Wmo Segmenten 1a, 1b, 2"
    assert cells[11] == "Jeugdhulp, Wmo, Sociaal Werk"


def test_introduction_and_document_facts():
    data = overview()
    assert data["title"] == ("Kwaliteitskaders en -standaarden bij inkoop jeugdhulp en "
                             "maatschappelijke ondersteuning")
    assert data["publishers"][0] == "Movisie"
    # 7 paragraphs + 6 bullets (l.26–36), all quoted from l.1–48.
    assert len(data["introduction"]) == 13
    assert all(q.get("lines") and int(q["lines"].split("-")[-1]) <= 48 for q in data["introduction"])


@pytest.mark.parametrize("index", range(15))
def test_row_year_matches_framework_file(index: int):
    row = overview()["rows"][index]
    framework = frameworks_by_id().get(row["framework"])
    assert framework is not None, f"{row['framework']} has no normset"
    assert framework["year"] == row["year"]
    if "overview_number" in framework:
        assert framework["overview_number"] == row["number"]


# --- appendix: inkoopsegmenten

def test_eleven_segments_seven_jeugd_four_wmo():
    data = segments()
    assert [s["id"] for s in data] == SEGMENT_IDS
    assert [s["domain"] for s in data].count("jeugdwet") == 7
    assert [s["domain"] for s in data].count("wmo") == 4
    assert [s["code"] for s in data] == ["1", "2", "3", "4", "5", "6", "7", "1a", "1b", "2", "3"]


def test_every_segment_has_description_and_typical_offers():
    for segment in segments():
        assert segment.get("description"), segment["id"]
        assert segment.get("typical_offer"), segment["id"]
    assert {s["id"]: len(s["typical_offer"]) for s in segments()} == TYPICAL_OFFERS


def test_wmo_subtitles_are_the_first_description_paragraph():
    subtitles = {s["id"]: s["description"][0]["text"] for s in segments() if s["domain"] == "wmo"}
    assert subtitles == {"wmo-1a": "Volwassenen gericht op herstel",
                         "wmo-1b": "Volwassenen gericht op herstel",
                         "wmo-2": "Volwassenen gericht op stabiliteit",
                         "wmo-3": "75 jaar"}
