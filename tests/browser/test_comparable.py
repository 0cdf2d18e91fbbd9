"""'Vergelijkbaar in andere kaders' on criterion blocks: the links name the other
framework and criterion (never an ID), show the relation and the editorial
label, lead to the member's anchor, and the page stays axe-clean."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import run_axe, show


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_comparable_links_lead_to_the_member_and_back(page, base_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + "kaders/midden-groningen-wmo/")
    block = page.locator('.kk-criterion[data-criterion-id="mg-vei-02"] .kk-comparable')
    show(block)
    text = block.inner_text()
    assert text.startswith("Vergelijkbaar in andere kaders:")
    assert "Calamiteiten en ernstige incidenten melden aan de toezichthouder" in text
    assert block.locator(".kk-editorial").first.inner_text().startswith("Calamiteiten")
    assert "indeling door de redactie" in text
    group_id = block.locator("[data-comparable-group]").first.get_attribute("data-comparable-group")
    link = block.locator('a[data-comparable-member="twe-26"]')
    assert link.inner_text() == "Twente 2017: Kwaliteitseis 26"
    assert "twe-26" not in link.inner_text()
    assert link.locator("xpath=following-sibling::span[1]").inner_text() == "gelijkwaardig"
    # A partial member reads "deels overlappend" (Midden-Groningen's certified system vs Twente's system).
    quality = page.locator('.kk-criterion[data-criterion-id="mg-kwa-01"] .kk-comparable')
    show(quality)
    assert quality.locator(".kk-relation").all_inner_texts() == ["deels overlappend"] * quality.locator("a[data-comparable-member]").count()
    # The group's note and the texts side by side are in the comparison, which opens on this group.
    compare = block.get_by_role("link", name="Vergelijk naast elkaar")
    assert "kaders=midden-groningen-wmo," in compare.get_attribute("href")
    compare.click()
    page.wait_for_url("**/vergelijken/?kaders=*")
    row_heading = page.locator(f'[data-group="{group_id}"] .kk-cmp-row-heading').first
    expect(row_heading).to_be_focused()
    page.go_back()
    # Keyboard: focus the link and follow it.
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/kaders/twente-kwaliteit-2017/#twe-26")
    page.wait_for_function("() => { const r = document.getElementById('twe-26').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight; }")
    back = page.locator('.kk-criterion[data-criterion-id="twe-26"] .kk-comparable a[data-comparable-member="mg-vei-02"]')
    assert back.inner_text().startswith("Midden-Groningen Wmo: ")
    assert run_axe(page) == []
    origin = urlparse(base_url).netloc
    assert [u for u in page.requested_urls if urlparse(u).scheme in ("http", "https")
            and urlparse(u).netloc != origin] == []
