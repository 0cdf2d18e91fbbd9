"""Every framework names its original document (a link, or explicitly not public
with what is known) and records its lifecycle with the source of that fact."""

from __future__ import annotations

import re

import pytest

from tests.datahelpers import criteria, real_data

FRAMEWORKS = [f.data["framework"] for f in real_data().frameworks]
# Link texts scraped from the Movisie overview that say nothing about the document.
SCRAPED_LABEL = re.compile(r"^(hier|zie hier|en hier|www\.)|volledige document|^op deze webpagina", re.IGNORECASE)


def test_all_nineteen_frameworks_are_checked():
    assert len(FRAMEWORKS) == 19


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda f: f["id"])
def test_original_is_a_link_or_explicitly_not_public(framework):
    original = framework["original"]
    assert ("url" in original) != ("not_public" in original)
    if "url" in original:
        assert original["url"].startswith(("https://", "http://"))
    else:
        assert original["not_public"]["editorial"] is True and len(original["not_public"]["text"]) > 40
    for link in [original, *framework.get("links", [])]:
        assert not SCRAPED_LABEL.search(link["label"]), link["label"]
        assert link.get("url", "x"), "no link without a url: use `original.not_public`"


def test_which_originals_are_not_public():
    not_public = sorted(f["id"] for f in FRAMEWORKS if "not_public" in f["original"])
    assert not_public == ["fo-vng-opvang-huiselijk-geweld-2014", "groningen-mo-vo", "midden-groningen-wmo",
                          "twente-kwaliteit-2017", "voorkomen-seksueel-misbruik-2013"]


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda f: f["id"])
def test_lifecycle_has_a_source(framework):
    lifecycle = framework["lifecycle"]
    source = lifecycle["source"]
    assert source.get("lines") or source.get("editorial") is True


def test_lifecycle_statuses_as_decided():
    statuses = {f["id"]: f["lifecycle"]["status"] for f in FRAMEWORKS}
    assert statuses.pop("vng-werken-aan-veiligheid-2019") == "verlopen"
    assert statuses.pop("groningen-mo-vo") == "geldig"
    assert set(statuses.values()) == {"onbekend"}
    werken = next(f for f in FRAMEWORKS if f["id"] == "vng-werken-aan-veiligheid-2019")["lifecycle"]
    assert werken["valid_until"] == "2021-12-31" and werken["source"]["lines"] == "940-944"
    assert "vervalt het kwaliteitskader per 31 december 2021" in werken["source"]["text"]


@pytest.mark.parametrize("framework_id, criterion_id, law", [
    ("voorkomen-seksueel-misbruik-2013", "vsm-o-14", "Wet op de jeugdzorg"),
    ("voorkomen-seksueel-misbruik-2013", "vsm-o-16", "Wet op de jeugdzorg"),
    ("jeugdzorgplus-2019", "jzp-o-04", "Wet Bopz"),
    ("fo-vng-opvang-huiselijk-geweld-2014", "fov-hv-03", "Kwaliteitswet zorginstellingen"),
    ("vng-beschermd-wonen-mo-2016", "bwmo-o-13", "Wet bescherming persoonsgegevens"),
])
def test_criteria_citing_repealed_law_carry_an_editorial_note(framework_id, criterion_id, law):
    criterion = next(c for c in criteria(framework_id) if c["id"] == criterion_id)
    notes = [n for n in criterion.get("notes", []) if n["kind"] == "redactie" and law in n["text"]]
    assert len(notes) == 1 and notes[0]["editorial"] is True and notes[0]["label"] == "Let op, vervallen wet"
