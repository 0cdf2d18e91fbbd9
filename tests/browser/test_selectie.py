"""The selection (/selectie/) in headless Chromium: selecting on every kind of
page, the header count, the selection page (order, notes, grouping, removal),
every export, the share link and the self-scan link."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree
from urllib.parse import parse_qs, urlparse

import docx
import pytest
from playwright.sync_api import expect

from generator.render.pages import dutch_date
from tests.browser.conftest import run_axe

FRAMEWORK = "midden-groningen-wmo"
STORAGE_KEY = "kk.selectie.v2"
V1_STORAGE_KEY = "kk.selectie.v1"
HOSTILE = '<img src=x onerror="window.kkPwned=1">'
HEADER_PAGES = ["", "kaders/", f"kaders/{FRAMEWORK}/", "themas/organisatie/", "begrippen/", "zoeken/",
                "zelfscan/", "selectie/", "over/privacy/"]


# ---- helpers ---------------------------------------------------------------

def heading_of(catalog, criterion_id):
    """How the selection names a criterion: its locator and the framework's short title, never its ID."""
    record = catalog["records"][criterion_id]
    return f"{record['citation']['locator']} ({catalog['frameworks'][record['framework']]['short_title']})"


def citation_of(catalog, criterion_id, base_url):
    record = catalog["records"][criterion_id]
    return f"Bron: {record['citation']['text']}. {base_url}{record['url']}"


def with_items(catalog, framework_id, count):
    """IDs of criteria in a framework, those with sub-items first."""
    records = [r for r in catalog["records"].values() if r["framework"] == framework_id]
    records.sort(key=lambda r: not r["items"])
    return [r["id"] for r in records[:count]]


def stored_ids(page):
    data = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return [item["id"] for item in json.loads(data)["items"] if item["kind"] == "criterion"] if data else []


def criterion_entry(criterion_id, **fields):
    return {"kind": "criterion", "id": criterion_id, "note": "", "role": "", "weight": None, "moment": "",
            "verification": "", "explain": "", **fields}


def store_selection(page, base_url, ids, notes=None, grouping="framework", extra=()):
    """Writes a version-2 selection straight into storage (the documented contract), then opens the page."""
    page.goto(base_url + "selectie/")
    items = [criterion_entry(i, note=(notes or {}).get(i, "")) for i in ids] + list(extra)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [STORAGE_KEY, json.dumps({"version": 2, "grouping": grouping, "title": "", "items": items})])
    page.reload()
    page.locator(".kk-sel-own-part h2").first.wait_for()


def header_link(page):
    return page.locator(".md-header").get_by_role("link", name=re.compile(r"^Selectie \(\d+\)$"))


def select_button(page, criterion_id):
    return page.locator(f'[data-criterion-id="{criterion_id}"]').first.locator(
        f'[data-select-criterion="{criterion_id}"]')


def listed_ids(page):
    page.locator(".kk-sel-own-part h2").first.wait_for()  # the page renders after loading its data
    return page.locator(".kk-sel-item").evaluate_all("items => items.map(i => i.dataset.criterionId)")


def assert_accessible(page):
    violations = run_axe(page)
    assert violations == [], violations


def use_dark_palette(page):
    """Material's dark palette, as its toggle sets it."""
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")


def download(page, button_name, target: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name).click()
    info.value.save_as(target)
    return target


# ---- selecting on every kind of page ----------------------------------------

def test_select_on_framework_page_survives_reload_and_removes(page, base_url):
    """The store is fetched on first use (selectie/controls.js), so states are awaited, not read at once."""
    page.goto(base_url + f"kaders/{FRAMEWORK}/")
    expect(header_link(page)).to_have_text("Selectie (0)")
    button = select_button(page, "mg-vei-09")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    assert button.inner_text().strip().endswith("Geselecteerd")
    expect(header_link(page)).to_have_text("Selectie (1)")
    page.get_by_role("status").filter(has_text="(Midden-Groningen Wmo) toegevoegd aan de selectie").wait_for()
    assert_accessible(page)  # the pressed state keeps its contrast
    use_dark_palette(page)
    assert_accessible(page)

    page.reload()
    expect(select_button(page, "mg-vei-09")).to_have_attribute("aria-pressed", "true")
    expect(header_link(page)).to_have_text("Selectie (1)")
    assert stored_ids(page) == ["mg-vei-09"]

    select_button(page, "mg-vei-09").click()
    expect(select_button(page, "mg-vei-09")).to_have_attribute("aria-pressed", "false")
    expect(header_link(page)).to_have_text("Selectie (0)")
    assert stored_ids(page) == []


def test_framework_page_fetches_the_store_only_when_used(page, base_url):
    """With nothing stored, a framework page does not download the selection store until a select
    button is pointed at; a click made before it has arrived still counts, once."""
    page.goto(base_url + f"kaders/{FRAMEWORK}/", wait_until="networkidle")
    assert not [u for u in page.requested_urls if u.endswith("selectie/store.js")]
    expect(header_link(page)).to_have_text("Selectie (0)")
    select_button(page, "mg-vei-09").click()
    expect(select_button(page, "mg-vei-09")).to_have_attribute("aria-pressed", "true")
    expect(header_link(page)).to_have_text("Selectie (1)")
    assert stored_ids(page) == ["mg-vei-09"]
    assert len([u for u in page.requested_urls if u.endswith("selectie/store.js")]) == 1


def test_select_on_element_page(page, base_url):
    page.goto(base_url + "themas/organisatie/")
    entry = page.locator(f'.kk-group:not([data-framework="{FRAMEWORK}"]) .kk-criterion-entry').first
    criterion_id = entry.get_attribute("data-criterion-id")
    label = entry.locator("[data-select-criterion]").get_attribute("data-select-label")
    assert criterion_id not in label
    entry.get_by_role("button", name=f"Selecteer: {label}").click()
    assert entry.get_by_role("button", name=f"Geselecteerd: {label}").get_attribute("aria-pressed") == "true"
    assert header_link(page).inner_text() == "Selectie (1)"
    assert_accessible(page)
    page.reload()
    assert select_button(page, criterion_id).get_attribute("aria-pressed") == "true"
    page.goto(base_url + "selectie/")
    assert listed_ids(page) == [criterion_id]


def test_select_in_finder_results(page, base_url):
    page.goto(base_url + "zoeken/?q=meldcode")
    result = page.locator(".kk-finder__result").first
    result.wait_for()
    criterion_id = result.get_attribute("data-criterion-id")
    button = result.locator("[data-select-criterion]")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert header_link(page).inner_text() == "Selectie (1)"
    page.reload()
    page.locator(f'.kk-finder__result[data-criterion-id="{criterion_id}"]').wait_for()
    assert select_button(page, criterion_id).get_attribute("aria-pressed") == "true"


def test_buttons_rendered_later_sync_on_content_changed(page, base_url):
    """Contract 2 for any tool: new buttons get their state once kk:content-changed fires."""
    store_selection(page, base_url, ["mg-vei-01"])
    page.goto(base_url + "over/privacy/")
    page.evaluate("""() => {
        const button = document.createElement('button');
        button.type = 'button'; button.className = 'kk-select';
        button.dataset.selectCriterion = 'mg-vei-01'; button.setAttribute('aria-pressed', 'false');
        button.textContent = 'Selecteer';
        document.querySelector('article').append(button);
        document.dispatchEvent(new CustomEvent('kk:content-changed'));
    }""")
    button = page.locator('[data-select-criterion="mg-vei-01"]')
    assert button.get_attribute("aria-pressed") == "true"
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert header_link(page).inner_text() == "Selectie (0)"


@pytest.mark.parametrize("path", HEADER_PAGES)
def test_header_link_shows_count_on_every_page(page, base_url, path):
    store_selection(page, base_url, ["mg-vei-01", "mg-vei-09"])
    page.goto(base_url + path)
    link = header_link(page)
    assert link.inner_text() == "Selectie (2)"
    assert link.get_attribute("href") == base_url + "selectie/"


def test_other_tab_sees_changes_without_reload(context, base_url):
    first, second = context.new_page(), context.new_page()
    first.goto(base_url + f"kaders/{FRAMEWORK}/")
    second.goto(base_url + "over/privacy/")
    select_button(first, "mg-vei-01").click()
    second.wait_for_function("() => document.querySelector('.kk-selection-link').textContent === 'Selectie (1)'")


# ---- the selection page ------------------------------------------------------

def test_empty_state_explains_and_is_accessible(page, base_url):
    page.goto(base_url + "selectie/")
    app = page.locator("[data-kk-app=selectie]")
    app.get_by_text("U heeft nog geen criteria geselecteerd.").wait_for()
    for name in ("Kaders", "Thema's", "Zoeken"):
        assert app.get_by_role("link", name=name, exact=True).count() == 1
    assert_accessible(page)


def test_version_1_selection_migrates_without_loss(page, base_url, catalog):
    """A selection stored by the first version keeps its IDs, notes and order; the old key stays as a backup."""
    ids = ["mg-vei-09", *with_items(catalog, "vng-beschermd-wonen-mo-2016", 1), "mg-vei-01", "bestaat-niet-99"]
    v1 = json.dumps({"items": [{"id": i, "note": f"notitie {n} <b>" if n != 1 else ""} for n, i in enumerate(ids)]
                     + [{"id": "mg-vei-09", "note": "dubbel"}, {"note": "zonder id"}], "grouping": "element"})
    page.goto(base_url + "selectie/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [V1_STORAGE_KEY, v1])
    page.reload()
    # Grouped per element, so compare as sets on the page and exactly in storage.
    assert set(listed_ids(page)) == set(ids[:-1])
    assert page.get_by_label("Per element").is_checked()
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["version"] == 2 and stored["grouping"] == "element" and stored["title"] == ""
    assert stored["items"] == [criterion_entry(i, note=f"notitie {n} <b>" if n != 1 else "") for n, i in enumerate(ids)]
    assert page.evaluate(f"localStorage.getItem('{V1_STORAGE_KEY}')") == v1
    note = page.locator('[data-criterion-id="mg-vei-09"]').get_by_label("Notitie voor uw document")
    assert note.input_value() == "notitie 0 <b>"
    # From now on the version-2 key is what counts: a change is kept there, the backup stays as it was.
    note.fill("nieuw")
    page.reload()
    assert page.locator('[data-criterion-id="mg-vei-09"]').get_by_label("Notitie voor uw document").input_value() == "nieuw"
    assert page.evaluate(f"localStorage.getItem('{V1_STORAGE_KEY}')") == v1
    assert header_link(page).inner_text() == f"Selectie ({len(ids)})"


def test_filled_page_is_accessible(page, base_url, catalog):
    other = with_items(catalog, "vng-beschermd-wonen-mo-2016", 1)
    store_selection(page, base_url, ["mg-vei-09", *other, "bestaat-niet-99"], notes={"mg-vei-09": "pas toe"})
    page.get_by_role("heading", name="Bewijslijst").wait_for()
    assert_accessible(page)
    page.get_by_label("Per element").check()
    assert_accessible(page)
    use_dark_palette(page)
    assert_accessible(page)


def test_keyboard_only_reorder_and_remove(page, base_url, catalog):
    ids = ["mg-vei-01", "mg-vei-02", "mg-vei-03"]
    first = heading_of(catalog, "mg-vei-01")
    store_selection(page, base_url, ids)
    assert listed_ids(page) == ids
    down = page.get_by_role("button", name=f"Omlaag: {first}", exact=True)
    down.focus()
    page.keyboard.press("Enter")
    assert listed_ids(page) == ["mg-vei-02", "mg-vei-01", "mg-vei-03"]
    # Focus stays on the moved criterion's button, so Enter again moves it further.
    page.keyboard.press("Enter")
    assert listed_ids(page) == ["mg-vei-02", "mg-vei-03", "mg-vei-01"]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Omhoog: {first}"
    page.keyboard.press("Enter")
    assert listed_ids(page) == ["mg-vei-02", "mg-vei-01", "mg-vei-03"]
    page.get_by_role("status").filter(has_text="plaats 2 van 3").wait_for()

    page.reload()
    assert listed_ids(page) == ["mg-vei-02", "mg-vei-01", "mg-vei-03"]
    page.get_by_role("button", name=f"Verwijder: {first}", exact=True).focus()
    page.keyboard.press("Enter")
    assert listed_ids(page) == ["mg-vei-02", "mg-vei-03"]
    assert stored_ids(page) == ["mg-vei-02", "mg-vei-03"]
    assert header_link(page).inner_text() == "Selectie (2)"


def test_roles_weights_and_verification_with_live_weight_warning(page, base_url, catalog):
    ids = ["mg-vei-09", "mg-vei-01", "bwmo-d-17"]
    store_selection(page, base_url, ids)
    warnings = page.locator(".kk-sel-weights")
    top = page.locator(".kk-sel-own-part > .kk-sel-weights[role=status]")
    assert top.count() == 1 and warnings.count() == 2  # near the top (live) and beside the export buttons
    assert warnings.all_inner_texts() == ["", ""]

    def block(criterion_id):
        return page.locator(f'[data-criterion-id="{criterion_id}"] details.kk-sel-roles')

    first, second = block("mg-vei-09"), block("mg-vei-01")
    assert not first.evaluate("d => d.open")  # folded until asked for
    first.locator("summary").click()
    weight = first.get_by_label("Weging (%)")
    assert weight.is_hidden()
    first.get_by_label("Rol", exact=True).select_option("gunningscriterium")
    assert weight.is_visible()
    assert top.inner_text() == "1 gunningscriterium heeft nog geen weging en de wegingen tellen op tot 0 % in plaats van 100 %."
    weight.fill("60")
    assert top.inner_text() == "De wegingen tellen op tot 60 % in plaats van 100 %."
    assert warnings.nth(1).inner_text() == top.inner_text()
    second.locator("summary").click()
    second.get_by_label("Rol", exact=True).select_option("gunningscriterium")
    second.get_by_label("Weging (%)").fill("40")
    assert warnings.all_inner_texts() == ["", ""]  # 60 + 40 = 100: the warning goes
    second.get_by_label("Rol", exact=True).select_option("eis")
    assert second.get_by_label("Weging (%)").is_hidden()
    assert top.inner_text() == "De wegingen tellen op tot 60 % in plaats van 100 %."

    first.get_by_label("Moment van verificatie").select_option("inschrijving")
    suggestion = catalog["records"]["mg-vei-09"]["evidence"][0]["text"]
    first.get_by_role("button", name=re.compile("^Neem over: ")).first.click()
    assert first.get_by_label("Hoe wordt dit geverifieerd?").input_value() == suggestion
    first.get_by_role("button", name=re.compile("^Neem over: ")).first.click()  # not twice
    assert first.get_by_label("Hoe wordt dit geverifieerd?").input_value() == suggestion
    first.get_by_label("Pas toe of leg uit (toelichting)").fill("Of leg uit")
    assert first.locator("summary").inner_text() == "Rol in de aanbesteding: Gunningscriterium, 60\u00a0%, bij inschrijving"
    assert_accessible(page)
    use_dark_palette(page)
    assert_accessible(page)

    page.reload()
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["items"] == [
        criterion_entry("mg-vei-09", role="gunningscriterium", weight=60, moment="inschrijving",
                        verification=suggestion, explain="Of leg uit"),
        criterion_entry("mg-vei-01", role="eis"),  # the weight went with the award role
        criterion_entry("bwmo-d-17")]
    assert block("mg-vei-09").locator("summary").inner_text().endswith("Gunningscriterium, 60\u00a0%, bij inschrijving")
    assert top.inner_text() == "De wegingen tellen op tot 60 % in plaats van 100 %."


def test_own_order_headings_and_requirements(page, base_url, catalog):
    store_selection(page, base_url, ["mg-vei-01", "bwmo-d-17", "mg-vei-02"])

    def keys():
        page.locator(".kk-sel-list > li[data-key]").first.wait_for()  # drawn after the data has loaded
        return page.locator(".kk-sel-list > li[data-key]").evaluate_all("items => items.map(i => i.dataset.key)")

    def focused():
        return page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.id")

    assert page.get_by_role("button", name="Kopje toevoegen").count() == 0  # own headings belong to the own order
    page.get_by_role("button", name="Eigen eis toevoegen").click()
    page.keyboard.type("Klachten binnen 5 dagen")  # focus went to the new requirement's title
    page.get_by_label("Tekst van de eis").fill("De aanbieder handelt een klacht binnen 5 werkdagen af.")
    own = page.locator("li.kk-sel-own")
    assert own.locator("xpath=ancestor::section/h3").inner_text() == "Eigen eisen (1)"
    assert own.get_by_text("Eigen eis", exact=True).is_visible()
    assert own.locator("blockquote").count() == 0 and own.locator("xpath=ancestor::blockquote").count() == 0
    own_key = own.get_attribute("data-key")

    page.get_by_label("Eigen volgorde").check()
    page.get_by_role("button", name="Kopje toevoegen").click()
    page.keyboard.type("Veiligheid")
    heading_key = page.locator("li.kk-sel-heading-item").get_attribute("data-key")
    assert keys() == ["mg-vei-01", "bwmo-d-17", "mg-vei-02", own_key, heading_key]
    up = page.get_by_role("button", name="Omhoog: eigen kopje Veiligheid", exact=True)
    up.focus()
    for _ in range(4):
        page.keyboard.press("Enter")
    assert keys() == [heading_key, "mg-vei-01", "bwmo-d-17", "mg-vei-02", own_key]
    assert focused() == "Omlaag: eigen kopje Veiligheid"  # at the top "Omhoog" is off, so focus moved beside it
    page.get_by_role("status").filter(has_text="plaats 1 van 5 in de lijst").wait_for()
    # Free order across frameworks: the own requirement goes up between two criteria of other frameworks.
    page.get_by_role("button", name="Omhoog: eigen eis Klachten binnen 5 dagen", exact=True).focus()
    page.keyboard.press("Enter")
    assert keys() == [heading_key, "mg-vei-01", "bwmo-d-17", own_key, "mg-vei-02"]
    assert focused() == "Omhoog: eigen eis Klachten binnen 5 dagen"
    # Drag and drop (pointer): mg-vei-02 onto the top half of the second entry (a tall window keeps both in view).
    page.set_viewport_size({"width": 1280, "height": 3000})
    page.locator('[data-drag-key="mg-vei-02"]').drag_to(page.locator('li[data-key="mg-vei-01"]'), target_position={"x": 20, "y": 3})
    assert keys() == [heading_key, "mg-vei-02", "mg-vei-01", "bwmo-d-17", own_key]
    assert_accessible(page)

    page.reload()
    assert keys() == [heading_key, "mg-vei-02", "mg-vei-01", "bwmo-d-17", own_key]
    assert page.get_by_label("Eigen kopje", exact=True).input_value() == "Veiligheid"
    assert page.get_by_label("Titel van de eis").input_value() == "Klachten binnen 5 dagen"
    # Back to per framework: the heading is not used there (and said so), the order inside a framework is kept.
    page.get_by_label("Per kader").check()
    frameworks = [f["id"] for f in catalog["index"]["frameworks"]]
    assert keys() == [*sorted(["mg-vei-02", "mg-vei-01", "bwmo-d-17"],
                              key=lambda i: frameworks.index(catalog["records"][i]["framework"])), own_key]
    page.get_by_text("Uw 1 eigen kopje ziet u bij “Eigen volgorde”").wait_for()
    page.get_by_label("Eigen volgorde").check()
    page.get_by_role("button", name="Verwijder: eigen kopje Veiligheid", exact=True).click()
    assert keys() == ["mg-vei-02", "mg-vei-01", "bwmo-d-17", own_key]
    assert focused() == f"Verwijder: {heading_of(catalog, 'mg-vei-02')}"
    assert header_link(page).inner_text() == "Selectie (3)"


def test_grouping_switch_is_remembered(page, base_url, catalog):
    other = with_items(catalog, "vng-beschermd-wonen-mo-2016", 1)[0]
    store_selection(page, base_url, ["mg-vei-09", other])
    titles = [catalog["frameworks"][f]["title"] for f in (catalog["records"][other]["framework"], FRAMEWORK)]
    group_headings = page.locator(".kk-sel-group h3")
    assert [h.split(" (")[0] for h in group_headings.all_inner_texts()] == sorted(
        titles, key=lambda t: [f["title"] for f in catalog["index"]["frameworks"]].index(t))

    page.get_by_label("Per kader").focus()
    page.keyboard.press("ArrowRight")  # radios move with the arrow keys
    assert page.get_by_label("Per element").is_checked()
    element_labels = {e["id"]: e["label"] for e in catalog["index"]["elements"]}
    expected = {element_labels[catalog["records"][i]["elements"][0]] for i in ("mg-vei-09", other)}
    assert {h.split(" (")[0] for h in group_headings.all_inner_texts()} == expected
    page.reload()
    assert page.get_by_label("Per element").is_checked()


def test_notes_are_kept_and_hostile_text_stays_text(page, base_url):
    store_selection(page, base_url, ["mg-vei-09"])
    note = page.get_by_label("Notitie voor uw document")
    note.fill(f"pas toe of leg uit {HOSTILE}")
    page.reload()
    assert page.get_by_label("Notitie voor uw document").input_value() == f"pas toe of leg uit {HOSTILE}"
    assert page.locator("[data-kk-app=selectie] img").count() == 0

    page.get_by_role("button", name="Kopieer (opgemaakt)").click()
    page.get_by_role("status").filter(has_text="Gekopieerd met opmaak").wait_for()
    html = page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        return await (await item.getType('text/html')).text();
    }""")
    # The browser re-serialises clipboard HTML, so quotes in text come back unescaped.
    assert '&lt;img src=x onerror="window.kkPwned=1"&gt;' in html
    assert "<img" not in html
    # Paste the clipboard HTML into a live document: still nothing may run.
    page.evaluate("html => { const d = document.createElement('div'); d.innerHTML = html; document.body.append(d); }", html)
    page.wait_for_timeout(200)
    assert page.evaluate("window.kkPwned") is None
    assert not any(url.endswith("/x") for url in page.requested_urls)


def test_escape_helpers_neutralise_markup(page, base_url):
    page.goto(base_url + "selectie/")
    escaped = page.evaluate("""async ([hostile, root]) => {
        const { escapeHtml } = await import(root + 'assets/js/selectie/clipboard.js');
        const { escapeXml } = await import(root + 'assets/js/selectie/docx.js');
        return [escapeHtml(hostile), escapeHtml(`"a' & b`), escapeXml(`<w:t>&'"\u0001`)];
    }""", [HOSTILE, base_url])
    assert escaped == ["&lt;img src=x onerror=&quot;window.kkPwned=1&quot;&gt;", "&quot;a&#39; &amp; b",
                       "&lt;w:t&gt;&amp;&apos;&quot;"]


def test_clear_all_asks_first(page, base_url):
    store_selection(page, base_url, ["mg-vei-01", "mg-vei-02"])
    page.get_by_role("button", name="Alles verwijderen").click()
    page.get_by_role("button", name="Annuleren").click()
    assert stored_ids(page) == ["mg-vei-01", "mg-vei-02"]
    page.get_by_role("button", name="Alles verwijderen").click()
    page.get_by_role("button", name="Ja, alles verwijderen").click()
    page.get_by_text("U heeft nog geen criteria geselecteerd.").wait_for()
    assert stored_ids(page) == []
    assert header_link(page).inner_text() == "Selectie (0)"


# ---- exports -----------------------------------------------------------------

def test_clipboard_html_keeps_headings_lists_and_citations(page, base_url, catalog):
    store_selection(page, base_url, ["mg-vei-09"], notes={"mg-vei-09": "pas toe of leg uit"})
    page.get_by_role("button", name="Kopieer (opgemaakt)").click()
    page.get_by_role("status").filter(has_text="Gekopieerd met opmaak").wait_for()
    structure = page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        const html = await (await item.getType('text/html')).text();
        const plain = await (await item.getType('text/plain')).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const firstList = doc.querySelector('h3 ~ blockquote > ul');
        return {
            h2: [...doc.querySelectorAll('h2')].map(h => h.textContent),
            items: [...firstList.children].map(li => li.tagName + ':' + li.textContent),
            text: doc.body.textContent, plain,
        };
    }""")
    record = catalog["records"]["mg-vei-09"]
    assert structure["h2"] == [f"1 {catalog['frameworks'][FRAMEWORK]['title']}", "Referentietabel", "Bronvermelding"]
    assert [i.split(":", 1)[0] for i in structure["items"]] == ["LI"] * len(record["items"])
    assert structure["items"][0].endswith(record["items"][0]["text"])
    for expected in (record["text"], citation_of(catalog, "mg-vei-09", base_url), "pas toe of leg uit",
                     dutch_date(catalog["index"]["build_date"]), "originele document"):
        assert expected in structure["text"]
        assert expected in structure["plain"]

    page.get_by_role("button", name="Kopieer als platte tekst").click()
    page.get_by_role("status").filter(has_text="platte tekst").wait_for()
    plain = page.evaluate("navigator.clipboard.readText()")
    assert f"- {record['items'][0]['text']}" in plain
    assert citation_of(catalog, "mg-vei-09", base_url) in plain


def test_docx_download_opens_with_every_text_and_citation(page, base_url, catalog, tmp_path):
    ids = [*with_items(catalog, FRAMEWORK, 2), *with_items(catalog, "vng-beschermd-wonen-mo-2016", 1)]
    store_selection(page, base_url, ids, notes={ids[0]: "pas toe of leg uit & <b>niet</b>"})
    path = download(page, "Download Word (.docx)", tmp_path / "selectie.docx")
    with zipfile.ZipFile(path) as package:  # every part is well-formed XML
        for name in package.namelist():
            ElementTree.fromstring(package.read(name))
        assert {"word/numbering.xml", "word/styles.xml", "[Content_Types].xml"} <= set(package.namelist())
    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    texts = [text for _, text in paragraphs]
    headings1 = [text for style, text in paragraphs if style == "Heading 1"]
    headings2 = [text for style, text in paragraphs if style == "Heading 2"]
    frameworks = {catalog["records"][i]["framework"] for i in ids}
    titles = [f["title"] for f in catalog["index"]["frameworks"] if f["id"] in frameworks]
    assert headings1 == [f"{n} {title}" for n, title in enumerate(titles, 1)] + ["Referentietabel", "Bronvermelding"]
    assert len(headings2) == len(ids)
    for criterion_id in ids:
        record = catalog["records"][criterion_id]
        assert record["text"] in texts
        assert citation_of(catalog, criterion_id, base_url) in texts
        for item in record["items"]:
            list_item = next(p for p in document.paragraphs if p.text.endswith(item["text"]))
            assert list_item._p.pPr.numPr is not None  # a real Word list item
    assert "Notitie (eigen tekst): pas toe of leg uit & <b>niet</b>" in texts  # XML-escaped, read back as text
    assert any(dutch_date(catalog["index"]["build_date"]) in t and "leidend" in t for t in texts)
    bronvermelding = texts[texts.index("Bronvermelding") + 1:]
    for framework_id in frameworks:
        framework = catalog["frameworks"][framework_id]
        year = framework["year"] if str(framework["year"]).endswith(".") else f"{framework['year']}."  # z.j., never z.j..
        assert any(t.startswith(f"{framework['title']}, {framework['publisher']}, {year}") and f" Op deze site: {base_url}" in t
                   for t in bronvermelding)
    origin = urlparse(base_url).netloc
    assert all(urlparse(url).netloc == origin for url in page.requested_urls if url.startswith("http"))


def test_csv_and_markdown_downloads(page, base_url, catalog, tmp_path):
    store_selection(page, base_url, ["mg-vei-09", "mg-vei-01"], notes={"mg-vei-01": "\t=1+1; \"x\"", "mg-vei-09": HOSTILE})
    raw = download(page, "Download CSV", tmp_path / "selectie.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert [row[header.index("ID")] for row in body] == ["mg-vei-09", "mg-vei-01"]
    assert body[0][header.index("Tekst")] == catalog["records"]["mg-vei-09"]["text"]
    assert body[1][header.index("Notitie (eigen tekst)")] == "'\t=1+1; \"x\""  # a note never runs as a spreadsheet formula
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert body[0][header.index("Onderdelen")].startswith("• ")  # sub-items need no formula guard
    assert body[0][header.index("Gegevens van")] == catalog["index"]["build_date"]

    markdown = download(page, "Download Markdown", tmp_path / "selectie.md").read_text(encoding="utf-8")
    assert f"## 1 {catalog['frameworks'][FRAMEWORK]['title']}" in markdown
    assert "## Bronvermelding" in markdown
    assert dutch_date(catalog["index"]["build_date"]) in markdown
    lines = markdown.splitlines()
    for item in catalog["records"]["mg-vei-09"]["items"]:
        assert f"> - {item['text']}" in lines  # quoted text is a block quote
    # The reader's markup stays text in Markdown too, outside the quote.
    assert "**Notitie (eigen tekst):** \\<img src=x onerror=\"window.kkPwned=1\"\\>  " in lines


def test_closing_text_follows_the_items_on_the_page_and_in_every_export(page, base_url, catalog, tmp_path):
    record = catalog["records"]["bwmo-d-17"]
    closing, last_item = record["closing"], record["items"][-1]["text"]
    assert closing == "Deze afspraken zijn vastgelegd in het cliëntplan."
    store_selection(page, base_url, ["bwmo-d-17"])
    quote = page.locator(".kk-sel-item blockquote.kk-text")
    assert quote.evaluate("q => [...q.children].map(c => c.tagName + (c.className ? '.' + c.className : ''))") == [
        "P", "UL.kk-items", "P.kk-closing"]
    assert quote.locator(".kk-closing").inner_text() == closing

    page.get_by_role("button", name="Kopieer als platte tekst").click()
    page.get_by_role("status").filter(has_text="platte tekst").wait_for()
    plain = page.evaluate("navigator.clipboard.readText()").splitlines()
    assert plain.index(closing) == plain.index(f"- {last_item}") + 1
    assert plain.index(closing) < plain.index(citation_of(catalog, "bwmo-d-17", base_url))

    rows = list(csv.reader(io.StringIO(download(page, "Download CSV", tmp_path / "s.csv").read_bytes().decode("utf-8-sig"),
                                       newline=""), delimiter=";"))
    assert rows[1][rows[0].index("Slottekst")] == closing
    markdown = download(page, "Download Markdown", tmp_path / "s.md").read_text(encoding="utf-8").splitlines()
    assert markdown.index(f"> {closing}") > markdown.index(f"> - {last_item}")
    texts = [p.text for p in docx.Document(str(download(page, "Download Word (.docx)", tmp_path / "s.docx"))).paragraphs]
    assert texts.index(closing) == texts.index(last_item) + 1


def test_evidence_checklist_lists_and_exports(page, base_url, catalog, tmp_path):
    with_evidence = [r for r in catalog["records"].values() if r["evidence"]]
    verification = next(r for r in with_evidence if any(e["kind"] == "verificatie" for e in r["evidence"]))
    other = next(r for r in with_evidence if r["id"] != verification["id"])
    store_selection(page, base_url, [verification["id"], other["id"]])
    section = page.locator(".kk-sel-evidence")
    checklist = section.locator(f'ul[data-criterion-id="{verification["id"]}"]')
    evidence = next(e for e in verification["evidence"] if e["kind"] == "verificatie")
    assert checklist.get_by_text(f"Verificatie aanleveren: {evidence['text']}").count() == 1
    raw = download(page, "Download bewijslijst (CSV)", tmp_path / "bewijs.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert ["Verificatie aanleveren", evidence["text"]] in [row[3:5] for row in rows]
    assert {row[2] for row in rows[1:]} <= {verification["id"], other["id"]}


# ---- sharing and the self-scan -------------------------------------------------

def decoded_share(link):
    """The state a #deel= link carries (base64url JSON)."""
    encoded = urlparse(link).fragment.removeprefix("deel=")
    return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))


def without_keys(items):
    return [{k: v for k, v in item.items() if k != "key"} for item in items]


def test_share_link_round_trip_carries_everything(browser, page, base_url, catalog):
    own = {"kind": "own", "key": "e-own1", "title": "Klachten binnen 5 dagen", "text": f"Eigen tekst {HOSTILE}",
           "role": "gunningscriterium", "weight": 40, "moment": "looptijd", "verification": "Rapportage"}
    items = [{"kind": "heading", "key": "h-head1", "text": "Veiligheid & klachten"},
             criterion_entry("mg-vei-09", note="interne notitie", role="gunningscriterium", weight=60,
                             moment="inschrijving", verification="Beleid aanleveren", explain="Of leg uit waarom niet"),
             own, criterion_entry("bwmo-d-17", role="eis")]
    store_selection(page, base_url, [], grouping="eigen", extra=items)
    page.get_by_label("Titel van uw document (bijlage)").fill("Bijlage kwaliteit")
    link = page.get_by_label("Deellink").input_value()
    assert link.startswith(base_url + "selectie/#deel=")
    shared = decoded_share(link)
    assert shared["version"] == 2 and shared["grouping"] == "eigen" and shared["title"] == "Bijlage kwaliteit"
    assert "interne notitie" not in json.dumps(shared)  # notes stay home unless the reader ticks the box
    page.get_by_label("Notities meedelen").check()
    link = page.get_by_label("Deellink").input_value()
    assert "interne notitie" in json.dumps(decoded_share(link))

    # The colleague has a selection of their own; the link never overwrites it unasked.
    colleague = browser.new_context(locale="nl-NL")
    try:
        def add_retired(route):
            response = route.fetch()
            data = response.json()
            data["retired"]["mg-oud-01"] = {"reason": "Vervallen", "replaced_by": "mg-vei-02"}
            route.fulfill(response=response, json=data)
        colleague.route(f"**/assets/catalog/{FRAMEWORK}.json", add_retired)
        other = colleague.new_page()
        errors = []
        other.on("pageerror", lambda error: errors.append(str(error)))
        other.goto(base_url + "selectie/")
        theirs = json.dumps({"version": 2, "grouping": "framework", "title": "",
                             "items": [criterion_entry("mg-dcg-15", note="eigen")]})
        other.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, theirs])
        other.goto(link)
        preview = other.locator(".kk-sel-shared")
        preview.get_by_role("heading", name="Gedeelde selectie").wait_for()
        assert "Bijlage kwaliteit" in preview.inner_text()
        assert preview.locator("li[data-criterion-id]").evaluate_all(
            "items => items.map(i => i.dataset.criterionId)") == ["mg-vei-09", "bwmo-d-17"]
        assert preview.get_by_role("heading", name="Eigen kopje Veiligheid & klachten").count() == 1
        shared_own = preview.locator(".kk-sel-own")
        assert shared_own.get_by_text("Eigen eis", exact=True).count() == 1
        assert shared_own.locator("xpath=ancestor-or-self::blockquote").count() == 0
        assert f"Eigen tekst {HOSTILE}" in shared_own.inner_text()
        assert other.locator("[data-kk-app=selectie] img").count() == 0
        facts = preview.locator('li[data-criterion-id="mg-vei-09"] .kk-sel-facts').inner_text()
        for fact in ("Gunningscriterium", "60\u00a0%", "Bij inschrijving", "Beleid aanleveren", "Of leg uit waarom niet", "interne notitie"):
            assert fact in facts
        assert_accessible(other)
        assert other.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == theirs

        other.get_by_role("button", name="Toevoegen", exact=True).click()
        other.get_by_role("status").filter(has_text="toegevoegd").wait_for()
        stored = json.loads(other.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
        assert without_keys(stored["items"]) == without_keys([criterion_entry("mg-dcg-15", note="eigen"), *items])
        assert stored["grouping"] == "framework"  # appending keeps the reader's own grouping
        assert "deel=" not in other.url and other.locator(".kk-sel-shared").count() == 0

        # Replacing asks first; "Annuleren" leaves everything as it was.
        other.goto(link)
        before = other.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
        other.get_by_role("button", name="Overnemen", exact=True).click()
        other.get_by_role("button", name="Annuleren").click()
        assert other.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == before
        assert other.evaluate("document.activeElement.textContent") == "Overnemen"
        other.get_by_role("button", name="Overnemen", exact=True).click()
        other.get_by_role("button", name="Ja, vervang mijn selectie").click()
        other.get_by_role("status").filter(has_text="overgenomen").wait_for()
        stored = json.loads(other.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
        assert stored["grouping"] == "eigen" and stored["title"] == "Bijlage kwaliteit"
        assert without_keys(stored["items"]) == without_keys(items)
        assert other.locator(".kk-sel-own-order li[data-key]").count() == 4
        assert other.get_by_label("Tekst van de eis").input_value() == f"Eigen tekst {HOSTILE}"

        # Old links (?ids=) still open as a preview, with unknown and retired IDs listed.
        other.goto(base_url + "selectie/?ids=mg-vei-09,mg-vei-01,bestaat-niet-99,mg-oud-01")
        preview.get_by_role("heading", name="Gedeelde selectie").wait_for()
        assert preview.locator("li[data-criterion-id]").evaluate_all(
            "items => items.map(i => i.dataset.criterionId)") == ["mg-vei-09", "mg-vei-01"]
        missing = preview.locator(".kk-sel-missing")
        assert "bestaat-niet-99 — onbekend" in missing.inner_text()
        assert "mg-oud-01 — vervallen, vervangen door mg-vei-02" in missing.inner_text()
        assert missing.get_by_role("link", name="mg-vei-02").get_attribute("href").endswith(
            f"kaders/{FRAMEWORK}/#mg-vei-02")
        other.get_by_role("button", name="Toevoegen", exact=True).click()
        other.get_by_role("status").filter(has_text="toegevoegd").wait_for()
        assert stored_ids(other) == ["mg-vei-09", "bwmo-d-17", "mg-vei-01"]  # mg-vei-09 was there: kept once
        assert errors == []
    finally:
        colleague.close()


def share_fragment(data) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return "#deel=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_hostile_or_broken_share_links_are_refused_with_reasons(page, base_url):
    store_selection(page, base_url, ["mg-vei-01"], notes={"mg-vei-01": "mijn notitie"})
    mine = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    preview = page.locator(".kk-sel-shared")

    def open_fragment(fragment):
        # The page follows hash changes; the old preview goes first so the wait sees the new one.
        page.evaluate("f => { document.querySelector('.kk-sel-shared')?.remove(); location.hash = f; }", fragment)
        preview.get_by_role("heading", name="Gedeelde selectie").wait_for()
        return preview.inner_text()

    assert "niet te lezen" in open_fragment("#deel=@@@!")
    assert "niet te lezen" in open_fragment(share_fragment(b"\xff\xfe not json"))
    assert "geen selectie" in open_fragment(share_fragment([1, 2]))
    assert "versie" in open_fragment(share_fragment({"version": 3, "items": []}))
    assert "te lang" in open_fragment("#deel=" + "A" * 40000)
    for broken in ("#deel=@@@!", share_fragment({"version": 3, "items": []})):
        open_fragment(broken)
        assert preview.get_by_role("button", name="Overnemen").count() == 0

    text = open_fragment(share_fragment({
        "version": 2, "grouping": "alles", "__proto__": {"polluted": 1}, "title": ["x"],
        "items": [
            {"id": "mg-vei-09", "role": "baas", "weight": "50", "moment": 3, "note": "n" * 20000, "__proto__": {"polluted": 1}},
            {"kind": "own", "key": "<img src=x>", "title": HOSTILE, "text": 7, "weight": 1e9},
            {"kind": "script", "id": "x"}, "tekst", {"id": 12}, {"id": "mg-vei-09"},
            {"kind": "heading", "text": "Kopje", "extra": True},
        ]}))
    for reason in ("Onbekend onderdeel “__proto__”", "Onbekende groepering", "De titel moet tekst zijn",
                   "Onderdeel 1: rol is geen bekende rol", "Onderdeel 1: weging moet een getal van 0 tot en met 100 zijn",
                   "Onderdeel 1: moment moet tekst zijn", "Onderdeel 1: notitie is langer dan 10000 tekens",
                   "Onderdeel 1: onbekend veld “__proto__”", "Onderdeel 2 (eigen eis) had een ongeldige sleutel",
                   "Onderdeel 2: tekst moet tekst zijn", "Onderdeel 2: weging moet een getal",
                   "Onderdeel 3 heeft een onbekende soort", "Onderdeel 4 is geen geldig onderdeel",
                   "Onderdeel 5 (criterium) heeft geen geldige ID", "Onderdeel 7: onbekend veld “extra”"):
        assert reason in text, reason
    assert page.evaluate("({}).polluted === undefined && Object.prototype.polluted === undefined")
    assert page.locator("[data-kk-app=selectie] img").count() == 0
    # What was valid is offered: the criterion once, the own requirement (its title as text) and the heading.
    assert preview.locator("li[data-criterion-id]").count() == 1
    assert HOSTILE in preview.locator(".kk-sel-own").inner_text()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == mine
    preview.get_by_role("button", name="Sluiten").click()
    page.get_by_role("status").filter(has_text="niet veranderd").wait_for()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == mine
    assert "deel=" not in page.url

    # A selection too large for a link says so instead of making a broken one.
    big = [{"kind": "own", "key": f"e-big{n}", "title": "Lang", "text": "x" * 9000, "role": "", "weight": None,
            "moment": "", "verification": ""} for n in range(4)]
    store_selection(page, base_url, ["mg-vei-01"], extra=big)
    assert page.get_by_label("Deellink").input_value() == ""
    assert page.get_by_label("Deellink").is_disabled()
    page.get_by_text("Deze selectie past niet in een deellink").wait_for()
    assert page.get_by_role("button", name="Kopieer deellink").is_disabled()


def test_selfscan_link_holds_exactly_the_selection_in_order(page, base_url, catalog):
    ids = ["mg-vei-09", *with_items(catalog, "vng-beschermd-wonen-mo-2016", 1), "mg-vei-01"]
    store_selection(page, base_url, ids)
    link = page.get_by_role("link", name=re.compile("^Start zelfscan met deze 3 criteria$"))
    href = link.get_attribute("href")
    assert urlparse(href).path == urlparse(base_url).path + "zelfscan/"
    assert parse_qs(urlparse(href).query) == {"criteria": [",".join(ids)]}

    # The self-scan (another tool) opens over exactly these criteria.
    link.click()
    summary = page.locator(".kk-zs-criteria-summary")
    summary.get_by_text("Deze zelfscan gaat over 3 gekozen criteria").wait_for()
    in_scan = [criterion_id for line in summary.locator("ul").first.locator("li").all_inner_texts()
               for criterion_id in line.rsplit(": ", 1)[1].split(", ")]
    assert sorted(in_scan) == sorted(ids)
