"""The site in headless Chromium: anchors, copying with citation, filters in
the URL, accessibility, privacy and print."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from generator.model import build_catalog
from tests.browser.conftest import run_axe
from tests.datahelpers import real_data

FRAMEWORK = "midden-groningen-wmo"
PAGE_TYPES = ["", "kaders/", f"kaders/{FRAMEWORK}/", "themas/", "themas/organisatie/", "onderwerpen/",
              "onderwerpen/klachten/", "begrippen/", "data/",
              "over/privacy/", "over/toegankelijkheid/"]


def test_framework_page_anchor_is_followed(page, base_url):
    page.goto(base_url + f"kaders/{FRAMEWORK}/")
    page.get_by_role("heading", level=1).wait_for()
    page.goto(base_url + f"kaders/{FRAMEWORK}/#mg-dcg-15")
    heading = page.locator("#mg-dcg-15")
    assert heading.evaluate("el => el.tagName") in {"H3", "H4"}
    page.wait_for_function("() => { const r = document.getElementById('mg-dcg-15').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight; }")
    assert "klacht" in page.locator('.kk-criterion[data-criterion-id="mg-dcg-15"]').inner_text()


def test_table_of_contents_lists_sections_not_criteria(page, base_url):
    """The sidebar outlines the framework's sections; its criteria (41 here, 146 on the largest
    page) are headings on the page but not entries in the table of contents."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(base_url + f"kaders/{FRAMEWORK}/")
    toc = page.locator(".md-sidebar--secondary")
    assert toc.locator('a[href="#mg-vei-09"]').count() == 0
    assert page.locator("h3#mg-vei-09.kk-criterion-heading a.headerlink").get_attribute("href") == "#mg-vei-09"
    toc.locator('a[href="#sectie-personeel"]').click()
    assert page.url.endswith("#sectie-personeel")


def test_copy_with_citation(page, base_url):
    page.goto(base_url + f"kaders/{FRAMEWORK}/")
    criterion = page.locator('.kk-criterion[data-criterion-id="mg-vei-09"]')
    criterion.get_by_role("button", name="Kopieer met bronvermelding").click()
    page.get_by_role("status").filter(has_text="Gekopieerd").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("De aanbieder beschikt over beleid en protocollen ter ondersteuning van veiligheid.")
    assert "- Medicatiebeleid" in copied
    assert "Bron: Wmo kwaliteitskader gemeente Midden-Groningen (Gemeente Midden-Groningen, z.j.), § Veiligheid, 9e eis." in copied
    assert copied.rstrip().endswith(f"/kaders/{FRAMEWORK}/#mg-vei-09")


def filters_applied(page):
    # filters.js is imported after the load event, so the page first shows everything.
    page.locator("form.kk-filters[data-kk-ready]").wait_for(state="attached")


def test_overview_filter_state_lives_in_the_url(page, base_url):
    page.goto(base_url + "kaders/")
    filters_applied(page)
    page.locator("#kk-overview-filters").get_by_label("Domein").select_option("jeugdwet")
    assert "domein=jeugdwet" in page.url
    visible = page.locator("#kk-overview tbody tr:not(.kk-hidden)")
    for row in visible.all():
        assert "jeugdwet" in row.get_attribute("data-domains")
    assert not page.locator(f'#kk-overview tr[data-framework="{FRAMEWORK}"]').is_visible()
    page.reload()
    filters_applied(page)
    assert page.locator("#kk-overview-filters").get_by_label("Domein").input_value() == "jeugdwet"
    page.go_back()
    # popstate is handled asynchronously.
    expect(page.locator(f'#kk-overview tr[data-framework="{FRAMEWORK}"]')).to_be_visible()


def test_overview_sorts_by_keyboard(page, base_url):
    # Once the page's modules have run (the buttons are in the HTML, their handler comes with
    # sortable-table.js); pressing earlier raced it.
    page.goto(base_url + "kaders/", wait_until="networkidle")
    button = page.locator("#kk-overview thead").get_by_role("button", name="Totaal")
    button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert button.locator("xpath=..").get_attribute("aria-sort") == "descending"
    totals = [int(t) for t in page.locator("#kk-overview tbody tr td:last-child").all_inner_texts()]
    assert totals == sorted(totals, reverse=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_accessibility_violations(page, base_url, path, scheme):
    page.emulate_media(color_scheme=scheme)  # Material picks its palette from this
    page.goto(base_url + path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    violations = run_axe(page)
    assert violations == [], violations


# Counts the times <body> is marked as switching colour scheme, from the first byte on.
COUNT_SWITCH_MARKS = """
window.__kkSwitchMarks = 0;
new MutationObserver((records) => {
    for (const record of records) {
        if (record.target === document.body && document.body.hasAttribute("data-md-color-switching")) window.__kkSwitchMarks++;
    }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-md-color-switching"]});
"""


def test_colour_scheme_toggle_switches_by_keyboard_and_is_remembered(page, base_url):
    page.add_init_script(COUNT_SWITCH_MARKS)
    page.emulate_media(color_scheme="light")
    page.goto(base_url + f"kaders/{FRAMEWORK}/", wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    # A page load never marks the whole page as switching: that costs two style passes over it.
    assert page.evaluate("window.__kkSwitchMarks") == 0
    toggle = page.get_by_role("button", name="Donkere modus")
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    back = page.get_by_role("button", name="Lichte modus")
    assert back.is_visible() and not toggle.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Lichte modus"
    assert page.evaluate("window.__kkSwitchMarks") == 1
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    page.reload(wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"  # the choice outweighs the system
    assert page.evaluate("window.__kkSwitchMarks") == 0
    back.focus()
    page.keyboard.press(" ")  # Space works as well as Enter
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"


def test_colour_scheme_follows_the_system_until_chosen_and_ignores_a_bad_stored_value(page, base_url):
    page.emulate_media(color_scheme="dark")
    page.goto(base_url)
    page.evaluate("__md_set('__palette', {index: 7, color: {scheme: '<img src=x>'}})")
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.get_by_role("button", name="Lichte modus").is_visible()
    page.emulate_media(color_scheme="light")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert page.get_by_role("button", name="Donkere modus").is_visible()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_request_leaves_the_origin(page, base_url, path):
    page.goto(base_url + path, wait_until="networkidle")
    origin = urlparse(base_url).netloc
    foreign = [u for u in page.requested_urls if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != origin]
    assert foreign == []
    assert len(page.requested_urls) > 1  # the page and its own assets were recorded


def test_print_hides_navigation(page, base_url):
    page.goto(base_url + f"kaders/{FRAMEWORK}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-tabs", ".kk-actions"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator('.kk-criterion[data-criterion-id="mg-vei-01"]').is_visible()


def test_glossary_term_explained_on_focus_and_hover(page, base_url):
    page.goto(base_url + "kaders/twente-kwaliteit-2017/")
    term = page.locator(".kk-criterion a.kk-term").first
    title = term.get_attribute("title")
    name = term.inner_text()
    assert title.lower().startswith(name.lower().rstrip("ns")[:5])
    term.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == title
    assert term.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    page.mouse.move(0, 0)
    term.blur()
    page.wait_for_function("() => !document.querySelector('.md-tooltip2--active')")
    term.hover()
    tooltip.wait_for()
    term.click()
    assert "begrippen/#twente-kwaliteit-2017-" in page.url


def test_matrix_cell_opens_exactly_its_criteria(page, base_url):
    page.goto(base_url + "themas/")
    cell = page.locator('.kk-matrix a[href="samenwerking/?kader=twente-kwaliteit-2017"]')
    number = int(cell.inner_text())
    cell.click()
    page.wait_for_url("**/themas/samenwerking/?kader=twente-kwaliteit-2017")
    filters_applied(page)
    visible_groups = page.locator(".kk-group:visible")
    assert visible_groups.count() == 1
    assert visible_groups.first.get_attribute("data-framework") == "twente-kwaliteit-2017"
    assert visible_groups.first.locator("li.kk-criterion-entry").count() == number


@pytest.mark.parametrize("path", ["", f"kaders/{FRAMEWORK}/", "zoeken/", "zelfscan/", "selectie/"])
def test_csp_is_first_in_head_and_blocks_injected_inline_script(page, base_url, path):
    page.goto(base_url + path)
    page.locator("[data-kk-ready]").or_(page.locator("article")).first.wait_for()
    first = page.evaluate("""() => { const m = document.head.firstElementChild;
        return [m.tagName, m.httpEquiv, m.content]; }""")
    assert first[:2] == ["META", "Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in first[2].split(";") if d.strip()}
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    # An injection: an inline <script>, an event handler attribute, a <style>
    # element and a style attribute. None may take effect.
    page.evaluate("""() => {
        window.__kkViolations = 0;
        document.addEventListener("securitypolicyviolation", () => { window.__kkViolations += 1; });
        const script = document.createElement("script");
        script.textContent = "window.__kkInjected = 1";
        document.body.append(script);
        const holder = document.createElement("div");
        holder.innerHTML = '<img src="data:," onload="window.__kkInjected = 2" onerror="window.__kkInjected = 3">'
            + '<style>#kk-injected-style { outline: 7px solid rgb(1, 2, 3); }</style>'
            + '<p id="kk-injected-style" style="color: rgb(1, 2, 3)">x</p>';
        document.body.append(holder);
    }""")
    page.wait_for_function("() => window.__kkViolations >= 4")
    assert page.evaluate("window.__kkInjected") is None
    injected = page.evaluate("""() => { const style = getComputedStyle(document.getElementById("kk-injected-style"));
        return [style.color, style.outlineWidth]; }""")
    assert injected[0] != "rgb(1, 2, 3)" and injected[1] != "7px"
    page.csp_violations.clear()  # the four above were meant to be blocked
    # The theme's scripts, now files, still work: the palette toggle switches and is remembered.
    page.locator("[data-kk-palette]:visible").click()
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme


# WCAG contrast of a hovered button: its text against its own (opaque) fill.
BUTTON_CONTRAST = """button => {
    const channels = (colour) => colour.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const style = getComputedStyle(button);
    const background = channels(style.backgroundColor);
    if (background.length === 4 && background[3] < 1) return null;  // no fill of its own
    const [a, b] = [luminance(channels(style.color)), luminance(background)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovered_buttons_keep_their_text_readable(page, base_url, catalog, scheme):
    """axe measures buttons at rest; Material's hover fill (its accent colour)
    gave 4.3:1, so every kind of button is hovered here and measured."""
    page.emulate_media(color_scheme=scheme)
    measured = []
    shared = ",".join(list(catalog["records"])[:2])  # a share link: its preview has buttons
    for path in ["zelfscan/", f"zelfscan/?kader={FRAMEWORK}", f"selectie/?ids={shared}", "wat-geldt/"]:
        page.goto(base_url + path, wait_until="networkidle")
        page.wait_for_timeout(300)  # the tools draw their buttons after the catalog loads
        buttons = page.locator("article :is(a, button).md-button:visible")
        for i in range(min(buttons.count(), 8)):
            button = buttons.nth(i)
            button.hover()
            page.wait_for_timeout(200)  # Material's colour transition
            ratio = button.evaluate(BUTTON_CONTRAST)
            if ratio is not None:
                measured.append((path, button.inner_text().strip()[:40], round(ratio, 2)))
    assert len({m[0] for m in measured}) >= 4 and len(measured) >= 10, measured
    assert [m for m in measured if m[2] < 4.5] == []


def test_footer_names_data_version_and_build_date_in_both_builds(page, base_url):
    """The footer facts come from assets/site-info.json, not from a build hook,
    so the Zensical build shows them too (the test runs once per builder)."""
    page.goto(base_url + "over/privacy/")
    footer = page.locator(".md-copyright [data-kk-site-info]")
    catalog = build_catalog(real_data())
    criteria = sum(len(f.criteria()) for f in catalog.frameworks)
    expect_text = f"({len(catalog.frameworks)} kaders, {criteria} criteria), gebouwd op "
    page.wait_for_function("t => document.querySelector('[data-kk-site-info]').textContent.includes(t)",
                           arg=expect_text)
    text = footer.text_content()
    assert text.startswith(" Gegevensversie ") and "-" not in text.split("gebouwd op ")[1]  # a Dutch date
