"""Issue 13: closing sentences stand after their list, the last visible
artefacts are gone (as checked omissions), and every framework and glossary
has the coverage rule on."""

from __future__ import annotations

import pytest

from generator.fidelity import SourceLibrary, parse_line_spec
from generator.model import build_catalog
from generator.project import ProjectPaths
from generator.render.client import criterion_record
from tests.datahelpers import ROOT, criteria, framework, real_data

# criterion -> (source line where the closing text starts, its first words)
CLOSINGS = {
    "gmv-a3-01": (512, "De uitkomsten van de inventarisaties legt de zorgaanbieder vast"),
    "gmv-b3-04": (754, "De doelen en afspraken van het cliëntsysteem"),
    "gmv-b3-05": (765, "De doelen en afspraken van het cliëntsysteem"),
    "gmv-f2-12": (1131, "De afspraken expliciteren de veiligheid"),
    "bwmo-d-03": (481, "De professional doet, conform de ‘meldcode’"),
    "bwmo-d-04": (500, "Deze activiteiten en/of gemaakte afspraken"),
    "bwmo-d-06": (522, "De uitkomsten van de inventarisaties legt de organisatie vast"),
    "bwmo-d-17": (612, "Deze afspraken zijn vastgelegd in het cliëntplan."),
    "vsm-o-08": (1663, "Het resultaat van het gesprek wordt geborgd in een verslag."),
    "vsm-o-18": (1714, "Het resultaat van het overleg wordt vastgelegd in een verslag."),
}


def _by_id() -> dict:
    return {c["id"]: c for f in real_data().frameworks for c in criteria(f.data["framework"]["id"])}


@pytest.mark.parametrize("criterion_id", sorted(CLOSINGS))
def test_closing_sentence_follows_the_items_not_the_stem_or_the_list(criterion_id):
    criterion = _by_id()[criterion_id]
    line, start = CLOSINGS[criterion_id]
    closing = criterion["closing"]
    assert closing["text"].startswith(start)
    assert parse_line_spec(closing["lines"])[0][0] == line
    # Neither glued to the stem (read before the list) nor filed as the last item.
    assert start not in criterion["text"]
    assert all(start not in item["text"] for item in criterion["items"])
    last_item_line = max(end for item in criterion["items"] for _, end in parse_line_spec(item["lines"]))
    stem_end = max(end for _, end in parse_line_spec(criterion["lines"]))
    assert stem_end < line and last_item_line <= line


def test_closing_sentences_are_exactly_the_ten_named():
    assert sorted(c["id"] for c in _by_id().values() if "closing" in c) == sorted(CLOSINGS)


def test_closing_reaches_the_client_record_after_the_items():
    catalog = build_catalog(real_data())
    criterion = next(c for c in catalog.criteria() if c.id == "bwmo-d-17")
    record = criterion_record(criterion)
    assert record["closing"] == "Deze afspraken zijn vastgelegd in het cliëntplan."
    assert [i["text"] for i in record["items"]][-1].endswith("in het geval van terugval.")
    assert criterion_record(next(c for c in catalog.criteria() if c.id == "bwmo-d-18"))["closing"] is None


def test_gmv_f2_12_item_a_keeps_the_en_before_b():
    item_a = next(i for i in _by_id()["gmv-f2-12"]["items"] if i.get("label") == "a")
    assert item_a["text"].endswith("en de opvangorganisatie en")


@pytest.mark.parametrize("criterion_id, artefact, clean, line, chars", [
    ("twe-u1", "in de praktijk” 15 staat", "in de praktijk” staat beschreven.", 1041, "15"),
    ("wwiw-dr-03", "een goede - samenwerkingsrelatie", "een goede samenwerkingsrelatie voor de cliënt", 4198, "-"),
])
def test_visible_artefacts_are_checked_omissions(criterion_id, artefact, clean, line, chars):
    criterion = _by_id()[criterion_id]
    assert artefact not in criterion["text"] and clean in criterion["text"]
    assert [(o["line"], o["chars"]) for o in criterion["omissions"]] == [(line, chars)]


def test_framework_level_markers_are_left_out():
    origin = framework("jeugdzorgplus-2019")["framework"]["origin"][0]
    assert "Streefbeeld JeugdzorgPlus richtinggevend" in origin["text"] and origin["footnote_markers"] == ["1"]
    lead = next(s for s in framework("fo-vng-opvang-huiselijk-geweld-2014")["sections"] if s["id"] == "bijlage-4")["lead"]
    assert lead[1]["text"].endswith("uit voortkomt.") and lead[1]["omissions"][0]["chars"] == "28"


def test_coverage_rule_is_on_for_every_framework_and_glossary():
    raw = real_data()
    assert len(raw.frameworks) == 19 and all(f.data["coverage"]["lines"] for f in raw.frameworks)
    assert raw.glossaries and all(g.data["glossary"].get("lines") for g in raw.glossaries)


def test_movisie_footer_is_furniture():
    source = SourceLibrary(ProjectPaths(ROOT).sources).get("movisie-15-kwaliteitskaders.txt")
    footers = [n for n in range(1, len(source.lines) + 1) if source.is_furniture(n)]
    assert footers == [1478, 2226]
