"""Topic pages (/onderwerpen/): the topic x framework matrix and its links."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.browser.conftest import show


def test_every_matrix_cell_equals_the_list_it_links_to(page, base_url):
    page.goto(base_url + "onderwerpen/")
    cells = page.evaluate("""() => [...document.querySelectorAll('.kk-topic-matrix tbody td a')]
        .map(a => ({href: a.getAttribute('href'), url: a.href, number: Number(a.textContent)}))""")
    catalog = json.loads(page.request.get(base_url + "assets/catalog/frameworks.json").text())
    rows = page.locator(".kk-topic-matrix tbody tr")
    assert rows.count() == len(catalog["topics"])
    # Every cell's list, read from the page it links to (each topic page fetched once, in the page).
    listed = page.evaluate("""async (cells) => {
        const pages = {};
        const out = [];
        for (const cell of cells) {
            const url = new URL(cell.url);
            const key = url.pathname;
            if (!pages[key]) pages[key] = new DOMParser().parseFromString(await (await fetch(key)).text(), 'text/html');
            const scope = url.hash ? pages[key].getElementById(decodeURIComponent(url.hash.slice(1))) : pages[key];
            out.push(scope ? scope.querySelectorAll('li.kk-topic-entry').length : -1);
        }
        return out;
    }""", cells)
    assert len(cells) > 100
    assert [c["number"] for c in cells] == listed
    # Each framework cell names a framework group; a row's total link lists the whole topic.
    framework_cells = [c for c in cells if "#kader-" in c["href"]]
    assert {c["href"].split("#kader-")[1] for c in framework_cells} <= {f["id"] for f in catalog["frameworks"]}
    assert len(cells) - len(framework_cells) == len(catalog["topics"])
    # Following a cell lands on that framework's group.
    first = page.locator('.kk-topic-matrix tbody td a[href*="#kader-"]').first
    href, number = first.get_attribute("href"), int(first.inner_text())
    first.click()
    page.wait_for_url("**/" + href)
    group = page.locator("#" + href.split("#")[1])
    group.wait_for()
    assert group.locator("li.kk-topic-entry").count() == number
    page.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight; }", arg=href.split("#")[1])


def test_topic_chip_leads_to_the_topic_page_and_its_description(page, base_url):
    catalog = json.loads(page.request.get(base_url + "assets/catalog/frameworks.json").text())
    topics = {t["id"]: t for t in catalog["topics"]}
    assert all(t["label"] and t["description"] for t in topics.values())
    page.goto(base_url + "kaders/twente-kwaliteit-2017/")
    chip = page.locator('.kk-criterion[data-criterion-id="twe-08"] a.kk-chip--tag[href$="onderwerpen/screening/"]')
    show(chip)
    assert chip.inner_text() == topics["screening"]["label"]
    chip.click()
    page.wait_for_url("**/onderwerpen/screening/")
    assert page.get_by_role("heading", level=1).inner_text().rstrip("#¶ ") == topics["screening"]["label"]
    assert topics["screening"]["description"] in page.locator("article").inner_text()
    entry = page.locator('li.kk-topic-entry[data-criterion-id="twe-08"]')
    assert "2017" in page.locator("#kader-twente-kwaliteit-2017 .kk-group-meta").inner_text()
    entry.get_by_role("button", name="Selecteer").click()
    expect(entry.get_by_role("button", name="Selecteer")).to_have_attribute("aria-pressed", "true")
    entry.get_by_role("link").click()
    page.wait_for_url("**/kaders/twente-kwaliteit-2017/#twe-08")
