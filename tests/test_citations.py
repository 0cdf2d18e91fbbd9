"""The citation model (generator/citations.py) and the framework lifecycle as
the pages and data downloads show them."""

from __future__ import annotations

import copy
import re
from collections import Counter

import pytest

from generator.citations import PageFinder, framework_locators
from generator.model import build_catalog
from generator.project import ProjectPaths
from generator.render.client import render_client_data
from generator.render.exports import render_exports
from generator.render.pages import render_pages
from tests.datahelpers import ROOT, real_data


@pytest.fixture(scope="module")
def catalog():
    return build_catalog(real_data())


def test_no_citation_contains_an_internal_id(catalog):
    ids = {c.id for c in catalog.criteria()}
    id_like = re.compile(r"\b[a-z]+(?:-[a-z0-9]+)*-\d{2}\b")
    for criterion in catalog.criteria():
        for text in (criterion.citation.text, criterion.citation.locator, criterion.label):
            assert not id_like.search(text), (criterion.id, text)
            assert not any(word in ids for word in re.findall(r"[a-z0-9-]+", text)), (criterion.id, text)


def test_a_citation_is_the_framework_work_and_the_locator(catalog):
    """A framework page holds the cited work once (#kk-framework) and each criterion its locator;
    copy-citation.js joins the two (lib/citation.js joinCitation) into exactly this citation."""
    for criterion in catalog.criteria():
        assert criterion.citation.text == f"{criterion.framework.citation_work}, {criterion.label}", criterion.id


def test_locators_are_unique_within_each_framework(catalog):
    for framework in catalog.frameworks:
        counts = Counter(c.citation.locator for c in framework.criteria())
        assert [locator for locator, n in counts.items() if n > 1] == [], framework.id


def test_citation_names_who_wrote_the_words(catalog):
    for framework in catalog.frameworks:
        for criterion in framework.criteria():
            text = criterion.citation.text
            assert framework.title in text and framework.publisher_text in text
            assert text.endswith(criterion.citation.locator)
            if framework.is_summary:
                assert text.startswith("Samenvatting door Movisie"), text
            else:
                assert "Movisie" not in text


def test_printed_numbers_are_the_locator_when_unique(catalog):
    for framework in catalog.frameworks:
        numbers = Counter(c.number for c in framework.criteria() if c.number)
        for criterion in framework.criteria():
            if criterion.number and numbers[criterion.number] == 1:
                assert criterion.citation.locator.startswith(f"{framework.item_term['singular']} {criterion.number}")


@pytest.mark.parametrize("criterion_id, locator", [
    ("gmv-a1-03", "norm A1, 3e van 10"),                                 # shared printed code: position added
    ("klsw-r2-01", "§ Rubriek 2. Dienstverlening, norm 1"),                # numbers restart per rubriek
    ("mg-vei-09", "§ Veiligheid, 9e eis"),                                 # no printed number
    ("jzp-d-02", "§ Thema 1. Uitvoering hulp, 2e kwaliteitsnorm"),
    ("twe-01", "kwaliteitseis 1"),
    ("vsm-o-14", "actie 4.2.1"),
])
def test_examples(catalog, criterion_id, locator):
    criterion = next(c for c in catalog.criteria() if c.id == criterion_id)
    assert criterion.citation.locator == locator


def test_page_is_derived_only_where_the_footers_prove_it(catalog):
    pages = PageFinder(ProjectPaths(ROOT).sources)
    # FO/VNG prints page numbers 33 (l.1845) and 34 (l.1907): lines in between are on page 34.
    assert pages.page("fo-vng-kwaliteitsdocument-opvang-huiselijk-geweld.txt", "1850-1860") == "34"
    assert pages.page("fo-vng-kwaliteitsdocument-opvang-huiselijk-geweld.txt", "1840-1850") == "33-34"
    # Before the first footer nothing is known.
    assert pages.page("fo-vng-kwaliteitsdocument-opvang-huiselijk-geweld.txt", "1800-1810") is None
    assert pages.page("midden-groningen-wmo-kwaliteitskader.txt", "20-23") is None
    with_page = [c for c in catalog.criteria() if c.citation.page]
    assert with_page and all(c.citation.locator.endswith(f", p. {c.citation.page}") for c in with_page)


def test_an_expired_framework_gets_a_banner_a_mark_and_export_warnings(tmp_path):
    raw = copy.deepcopy(real_data())
    catalog = build_catalog(raw)
    framework = catalog.framework("jeugdzorgplus-2019")
    framework.data["lifecycle"] = {"status": "verlopen", "valid_until": "2020-06-30",
                                   "source": {"editorial": True, "text": "Proef: dit kader is verlopen."}}
    warning = "JeugdzorgPlus 2.0 is verlopen: het gold tot en met 30 juni 2020. Kijk bij de uitgever of er een nieuwere versie is."
    pages = render_pages(catalog, ProjectPaths(ROOT), site_url=None, build_date="2026-01-01")
    page = pages["kaders/jeugdzorgplus-2019/index.md"].decode()
    assert 'class="kk-lifecycle-banner kk-lifecycle-banner--verlopen"' in page and warning in page
    assert f'data-lifecycle-warning="{warning}"' in page  # the copy button adds it too
    overview = pages["kaders/index.md"].decode()
    row = overview[overview.index('data-framework="jeugdzorgplus-2019"'):]
    assert '<span class="kk-lifecycle kk-lifecycle--verlopen">Verlopen</span>' in row[:row.index("</tr>")]
    exports = render_exports(catalog, ProjectPaths(ROOT), build_date="2026-01-01")
    for name in ("data/jeugdzorgplus-2019.csv", "data/criteria.csv"):
        first_line = exports[name].decode("utf-8-sig").split("\r\n")[0]
        assert f"Let op: {warning}" in first_line, name
    assert "Let op" not in exports["data/twente-kwaliteit-2017.csv"].decode("utf-8-sig").split("\r\n")[0]
    client = render_client_data(catalog, build_date="2026-01-01")["assets/catalog/frameworks.json"].decode()
    assert f'"warning":"{warning}"' in client
    # Without the change the real data has no banner on this page.
    untouched = render_pages(build_catalog(real_data()), ProjectPaths(ROOT), site_url=None, build_date="2026-01-01")
    assert "kk-lifecycle-banner" not in untouched["kaders/jeugdzorgplus-2019/index.md"].decode()
