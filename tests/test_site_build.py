"""The built site, read as HTML: every criterion of every normset is on its
framework page and its element page exactly once, with its anchor; the
overview counts equal the data; downloads round-trip."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter

import openpyxl
import pytest

from generator.model import build_catalog
from tests.conftest import ROOT, mkdocs_config
from tests.datahelpers import real_data


@pytest.fixture(scope="module")
def catalog():
    return build_catalog(real_data())


def html(site_dir, relative: str) -> str:
    return (site_dir / relative / "index.html").read_text(encoding="utf-8")


def test_every_criterion_once_on_its_framework_page_with_anchor(site_dir, catalog):
    for framework in catalog.frameworks:
        page = html(site_dir, f"kaders/{framework.id}")
        for criterion in framework.criteria():
            assert len(re.findall(rf'\sid="{re.escape(criterion.id)}"', page)) == 1, criterion.id
            assert len(re.findall(rf'class="kk-criterion kk-cv\d+" data-criterion-id="{re.escape(criterion.id)}"', page)) == 1, \
                criterion.id


def test_every_criterion_once_on_each_of_its_element_pages(site_dir, catalog):
    for element in catalog.elements:
        page = html(site_dir, f"themas/{element.id}")
        found = Counter(re.findall(r'<li class="kk-criterion-entry" data-criterion-id="([^"]+)"', page))
        expected = Counter(c.id for c in catalog.criteria() if element.id in c.elements)
        assert found == expected
        for criterion_id in expected:
            framework_id = next(c.framework.id for c in catalog.criteria() if c.id == criterion_id)
            assert f'href="../../kaders/{framework_id}/#{criterion_id}"' in page
            assert f'data-select-criterion="{criterion_id}"' in page
        # Compact: the full texts stay on the framework pages (and in the finder), not here.
        assert not re.search(r'class="kk-criterion[ "]', page) and 'class="kk-text"' not in page
        groups = re.findall(r'<section class="kk-group" data-framework="([^"]+)".*?<span class="kk-count">\((\d+)\)',
                            page, re.S)
        per_framework = Counter(c.framework.id for c in catalog.criteria() if element.id in c.elements)
        assert [(f, int(n)) for f, n in groups] == [(f.id, per_framework[f.id]) for f in catalog.frameworks
                                                    if per_framework[f.id]]
        assert "telt bij elk van die elementen mee" in page


def test_framework_pages_keep_every_full_text(site_dir, catalog):
    for framework in catalog.frameworks:
        page = html(site_dir, f"kaders/{framework.id}")
        quotes = re.findall(r'<blockquote class="kk-text" lang="nl">(.*?)</blockquote>', page, re.S)
        assert len(quotes) == len(framework.criteria()), framework.id
        for criterion, quote in zip(framework.criteria(), quotes):
            words = " ".join(re.sub(r"<[^>]+>", "", quote).split())
            assert " ".join(criterion.text.split()[:6]) in words.replace("&#39;", "'").replace("&quot;", '"'), \
                criterion.id


def _ids(path) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))


def test_every_internal_link_on_every_page_resolves(site_dir):
    """Each relative href (and src) points at a built file, and its #fragment at an id on that page.
    The comparison page draws its rows with a script: a fragment there names a comparable-criteria
    group of the client catalogue (vergelijken/main.js scrolls to it)."""
    groups = {group["id"] for part in (site_dir / "assets/catalog").glob("*.json") if part.name != "frameworks.json"
              for group in json.loads(part.read_text(encoding="utf-8"))["comparable"]}
    comparison = site_dir / "vergelijken/index.html"
    ids: dict = {comparison: _ids(comparison) | groups}
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for link in set(re.findall(r'\s(?:href|src)="([^"]+)"', text)):
            if re.match(r"[a-z]+:|//|\{", link):  # other schemes and hosts (tested elsewhere), templates
                continue
            target, _, fragment = link.partition("#")
            target = target.split("?", 1)[0]
            if target.startswith("/kwaliteitskaders/"):  # 404.html links from the site root (site_url)
                resolved = site_dir / target[len("/kwaliteitskaders/"):].lstrip("/")  # MkDocs writes "…//" for home
            else:
                resolved = (path.parent / target).resolve() if target else path
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file():
                problems.append(f"{path.relative_to(site_dir)}: {link}")
            elif fragment and resolved.suffix == ".html":
                if resolved not in ids:
                    ids[resolved] = _ids(resolved)
                if fragment not in ids[resolved]:
                    problems.append(f"{path.relative_to(site_dir)}: {link} (no id)")
    assert problems == []


def test_overview_counts_equal_the_data(site_dir, catalog):
    page = html(site_dir, "kaders")
    for framework in catalog.frameworks:
        row = re.search(rf'<tr data-framework="{framework.id}".*?</tr>', page, re.S).group(0)
        numbers = [int(n) for n in re.findall(r'class="kk-num"(?: data-[a-z]+="[^"]*")*>(?:<a [^>]*>)?(\d+)', row)]
        # The site-wide rule (generator/render/counting.py): a criterion counts for every element it belongs to.
        counts = Counter(e for c in framework.criteria() for e in c.elements)
        assert numbers == [counts[e.id] for e in catalog.elements] + [len(framework.criteria())], framework.id
    assert "telt bij elk van die elementen mee" in page


def test_every_criterion_once_on_each_of_its_topic_pages(site_dir, catalog):
    for topic_id in catalog.tags:
        page = html(site_dir, f"onderwerpen/{topic_id}")
        found = re.findall(r'<li class="kk-topic-entry" data-criterion-id="([^"]+)"', page)
        expected = [c.id for c in catalog.criteria() if topic_id in c.tags]
        assert found == expected, topic_id
        for criterion in (c for c in catalog.criteria() if topic_id in c.tags):
            assert f'href="../../{criterion.url}"' in page
            assert f'data-select-criterion="{criterion.id}"' in page
        # Compact: no full criterion blocks, so the page does not grow with every full text.
        assert not re.search(r'class="kk-criterion[ "]', page)


def test_coverage_matrix_cells_equal_the_criteria_they_link_to(site_dir, catalog):
    matrix = html(site_dir, "themas")
    for framework in catalog.frameworks:
        row = re.search(rf'<tr><th scope="row"><a href="../kaders/{framework.id}/">.*?</tr>', matrix, re.S).group(0)
        cells = re.findall(r'<td class="kk-heat[^"]*">(.*?)</td>', row)
        assert len(cells) == len(catalog.elements)
        for element, cell in zip(catalog.elements, cells):
            number = int(re.sub(r"<[^>]+>", "", cell))
            element_page = html(site_dir, f"themas/{element.id}")
            group = re.search(rf'<section class="kk-group" data-framework="{framework.id}".*?</section>', element_page, re.S)
            listed = group.group(0).count('<li class="kk-criterion-entry"') if group else 0
            assert number == listed, (framework.id, element.id)
            if number:
                assert f'href="{element.id}/?kader={framework.id}"' in cell


def test_downloads_round_trip(site_dir, catalog):
    combined = json.loads((site_dir / "data" / "kaders.json").read_text(encoding="utf-8"))
    assert {f["framework"]["id"] for f in combined["frameworks"]} == {f.id for f in catalog.frameworks}
    expected = {c.id: c.text for c in catalog.criteria()}

    def json_texts(document):
        def walk(sections):
            for section in sections:
                for criterion in section.get("criteria", []):
                    yield criterion["id"], criterion["text"]
                yield from walk(section.get("sections", []))
        return dict(walk(document["sections"]))

    from_json = {}
    for document in combined["frameworks"]:
        from_json.update(json_texts(document))
    assert from_json == expected

    raw_csv = (site_dir / "data" / "criteria.csv").read_bytes()
    assert raw_csv.startswith(b"\xef\xbb\xbf"), "CSV needs a BOM for Excel"
    rows = list(csv.reader(io.StringIO(raw_csv.decode("utf-8-sig")), delimiter=";"))
    assert "gebouwd op" in rows[0][0]
    header = rows[1]
    from_csv = {row[header.index("id")]: row[header.index("tekst")] for row in rows[2:]}
    assert from_csv == expected

    workbook = openpyxl.load_workbook(site_dir / "data" / "criteria.xlsx")
    sheet = workbook["Criteria"]
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[1])
    from_xlsx = {row[header.index("id")]: row[header.index("tekst")] for row in values[2:]}
    assert from_xlsx == expected

    for framework in catalog.frameworks:
        single = json.loads((site_dir / "data" / f"{framework.id}.json").read_text(encoding="utf-8"))
        assert single["build_date"] and single["framework"]["id"] == framework.id


def test_no_reference_to_other_hosts_in_built_pages(site_dir):
    """Static scan backing the browser test: no fonts, CDNs or analytics."""
    forbidden = re.compile(r"fonts\.(googleapis|gstatic)|cdn\.|unpkg|googletagmanager|google-analytics")
    for path in site_dir.rglob("*.html"):
        assert not forbidden.search(path.read_text(encoding="utf-8")), path


def test_navigation_follows_the_visitor_not_the_alphabet(site_dir, catalog):
    """The tabs come from mkdocs.yml, so both builders show them in visitor order;
    the frameworks are listed on /kaders/ (in catalog order), not in the navigation."""
    home = html(site_dir, "")
    tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]*?)\s*<', home)
    configured = [next(iter(entry)) for entry in mkdocs_config()["nav"]]
    assert tabs == configured and tabs[:3] == ["Home", "Kaders", "Thema's"]
    assert "twente-kwaliteit-2017" not in home.split('class="md-tabs"')[1].split("</nav>")[0]
    overview = html(site_dir, "kaders")
    listed = re.findall(r'href="(?:\./)?([a-z0-9-]+)/"', overview)
    ids = [f.id for f in catalog.frameworks]
    assert [link for link in dict.fromkeys(listed) if link in ids] == ids


def test_closing_text_stands_after_the_items_inside_the_quote(site_dir, catalog):
    with_closing = [c for c in catalog.criteria() if c.closing]
    assert len(with_closing) == 10
    for criterion in with_closing:
        page = html(site_dir, f"kaders/{criterion.framework.id}")
        block = re.search(rf'data-criterion-id="{criterion.id}".*?</blockquote>', page, re.S).group(0)
        items_end, closing_at = block.rfind("</ul>"), block.find('<p class="kk-closing">')
        assert 0 < items_end < closing_at, criterion.id
        closing = re.sub(r"<[^>]+>", "", block[closing_at:].split("</p>")[0])
        assert closing == criterion.closing.text, criterion.id
