"""One citation everywhere: for a criterion of every framework, the framework
page's copy button, the selection (clipboard and .docx) and the self-scan
report give the identical citation line; it names Movisie for Movisie's
summaries, carries a printed number or a section locator, and no internal ID.
An expired framework's criteria carry its warning in those outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from tests.browser.test_selectie import download, store_selection
from tests.catalog_files import whole_catalog
from tests.datahelpers import framework as normset

EXPIRED = "vng-werken-aan-veiligheid-2019"


@pytest.fixture(scope="module")
def sample(site_dir):
    """One criterion per framework (one without a printed number where there is one, so section
    locators are covered), plus a shared printed code (Groningen). Returns [(record, framework)]."""
    root = Path(site_dir) / "assets" / "catalog"
    index = whole_catalog(site_dir)
    chosen = []
    for framework in index["frameworks"]:
        records = json.loads((root / f"{framework['id']}.json").read_text(encoding="utf-8"))["criteria"]
        unnumbered = [r for r in records if not r["number"]]
        chosen.append(((unnumbered or records)[len(unnumbered or records) // 2], framework))
    groningen = json.loads((root / "groningen-mo-vo.json").read_text(encoding="utf-8"))["criteria"]
    chosen.append((groningen[2], next(f for f in index["frameworks"] if f["id"] == "groningen-mo-vo")))
    return chosen


def expected_line(record, base_url):
    return f"Bron: {record['citation']['text']}. {base_url}{record['url']}"


def citation_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip().startswith("Bron: ")]


def test_the_sample_citations_are_findable_and_attributed(sample, base_url):
    assert len({framework["id"] for _, framework in sample}) == 19
    all_ids = {record["id"] for record, _ in sample}
    for record, framework in sample:
        line = expected_line(record, base_url)
        citation = line[:-len(base_url + record["url"])]
        assert not any(criterion_id in citation for criterion_id in all_ids), citation
        assert not re.search(r"\b[a-z]+(?:-[a-z0-9]+)*-\d{2}\b", citation), citation
        if normset(framework["id"])["framework"]["source"]["kind"] == "summary":
            assert citation.startswith("Bron: Samenvatting door Movisie"), citation
        else:
            assert "Movisie" not in citation
        assert framework["title"] in citation and framework["publisher"] in citation
        locator = record["citation"]["locator"]
        assert f"{framework['item_term']['singular']} {record['number']}" in locator if record["number"] \
            else locator.startswith("§ "), locator


def test_copy_button_selection_docx_and_zelfscan_give_the_same_citation(page, base_url, sample, tmp_path):
    expected = {record["id"]: expected_line(record, base_url) for record, _ in sample}

    # 1. "Kopieer met bronvermelding" on each framework page.
    for record, framework in sample:
        page.goto(base_url + framework["url"])
        block = page.locator(f'.kk-criterion[data-criterion-id="{record["id"]}"]')
        block.get_by_role("button", name=re.compile("^Kopieer met bronvermelding")).click()
        page.get_by_role("status").filter(has_text="Gekopieerd").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert citation_lines(copied) == [expected[record["id"]]], framework["id"]
        if framework["id"] == EXPIRED:
            assert "Let op: Werken aan veiligheid (VNG 2019) is verlopen" in copied
        page.evaluate("navigator.clipboard.writeText('')")

    # 2. The selection: plain text, formatted (HTML and its text part) and .docx.
    ids = list(expected)
    store_selection(page, base_url, ids)
    page.get_by_role("button", name="Kopieer als platte tekst").click()
    page.get_by_role("status").filter(has_text="platte tekst").wait_for()
    plain = page.evaluate("navigator.clipboard.readText()")
    page.get_by_role("button", name="Kopieer (opgemaakt)").click()
    page.get_by_role("status").filter(has_text="Gekopieerd met opmaak").wait_for()
    formatted = page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        const html = await (await item.getType('text/html')).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return [...doc.querySelectorAll('p em')].map(p => p.textContent);
    }""")
    document = docx.Document(str(download(page, "Download Word (.docx)", tmp_path / "selectie.docx")))
    docx_texts = [p.text for p in document.paragraphs]
    for criterion_id, line in expected.items():
        assert line in citation_lines(plain), criterion_id
        assert line in formatted, criterion_id
        assert line in docx_texts, criterion_id
    warning = "Let op: Werken aan veiligheid (VNG 2019) is verlopen: het gold tot en met 31 december 2021."
    assert any(t.startswith(warning) for t in docx_texts)
    assert warning in plain
    assert page.locator(".kk-lifecycle-warning").first.inner_text().startswith(warning)

    # 3. The self-scan report of exactly these criteria.
    page.goto(base_url + "zelfscan/?criteria=" + ",".join(ids))
    page.locator("[data-kk-ready]").wait_for()
    page.get_by_label("Naam van deze zelfscan").fill("Bronvermelding")
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name="Bronvermelding").wait_for()
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    page.get_by_role("heading", level=2, name="Resultaten: Bronvermelding").wait_for()
    for criterion_id, line in expected.items():
        cell = page.locator(f'.kk-zs-report-answers tr[data-criterion-id="{criterion_id}"] .kk-zs-citation')
        assert cell.inner_text() == line, criterion_id
    assert page.locator(".kk-zs-results .kk-lifecycle-warning").inner_text().startswith(warning)
