"""The evidence library of the self-scan in headless Chromium: items kept once
and linked to criteria of several frameworks, review flags on a fixed clock,
one-click items from a framework's suggestions, the evidence map (CSV and
report), two tabs, and hostile or broken library files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.browser.conftest import run_axe
from tests.browser.evidence_bad_files import HOSTILE_FIELDS, bad_library_files, hostile_library, valid_library
from tests.browser.zelfscan_bad_files import PAYLOAD, bad_files, valid_scan

ITEM_PREFIX = "kk.bewijs.v1.item."
SCAN_PREFIX = "kk.zelfscan.v1.scan."
GRONINGEN, TWENTE = "groningen-mo-vo", "twente-kwaliteit-2017"
TODAY = "2026-12-01T10:00:00"  # the fixed clock: flags are computed against 1 December 2026


def open_app(page, url):
    page.goto(url)
    page.locator("[data-kk-ready]").wait_for()


def start_scan(page, base_url, framework, name):
    open_app(page, base_url + f"zelfscan/?kader={framework}")
    page.get_by_label("Naam van deze zelfscan").fill(name)
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name=name).wait_for()


def criterion(page, criterion_id):
    return page.locator(f'fieldset.kk-zs-criterion[data-criterion-id="{criterion_id}"]')


def panel(page, criterion_id):
    return page.locator(f'[data-evidence-panel="{criterion_id}"]')


def stored(page, prefix=None) -> dict[str, str]:
    """localStorage as {key: text}: every key, or those starting with prefix."""
    return page.evaluate("""(prefix) => Object.fromEntries(Object.keys(localStorage)
        .filter((k) => !prefix || k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)]))""", prefix)


def items(page) -> list[dict]:
    return sorted((json.loads(text) for text in stored(page, ITEM_PREFIX).values()), key=lambda item: item["name"])


def link_existing(page, criterion_id, label):
    box = panel(page, criterion_id)
    box.get_by_role("button", name="Bestaand bewijsstuk koppelen").click()
    box.get_by_label("Bewijsstuk", exact=True).select_option(label=label)
    box.get_by_role("button", name="Koppelen", exact=True).click()
    box.get_by_role("status").filter(has_text="is gekoppeld aan").wait_for()


def download(page, button_name) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def csv_rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def wait_until_received(tab, name, criterion_id):
    """Wait until tab's localStorage holds an item called name linked to criterion_id.

    Each tab runs in its own renderer process, so a write made in one reaches the
    other's storage a moment later; reading it straight away can miss it."""
    tab.wait_for_function("""([prefix, name, cid]) => Object.keys(localStorage)
        .filter((k) => k.startsWith(prefix)).map((k) => JSON.parse(localStorage.getItem(k)))
        .some((item) => item.name === name && item.criteria.includes(cid))""", arg=[ITEM_PREFIX, name, criterion_id])


def card(page, name):
    return page.locator(".kk-ev-item").filter(has=page.get_by_role("heading", level=3, name=name))


def test_item_linked_across_two_frameworks_shows_everywhere_with_flags_and_maps(page, base_url, catalog):
    records = catalog["records"]
    page.clock.set_fixed_time(TODAY)
    start_scan(page, base_url, GRONINGEN, "Scan Groningen")
    suggested, g2, g3 = "gmv-a1-02", "gmv-a1-03", "gmv-a2-02"

    # One click turns the framework's suggestion into an item linked to this criterion; a second click adds nothing.
    suggestion = records[suggested]["evidence"][0]["text"]
    button = criterion(page, suggested).get_by_role("button", name=f"Als bewijsstuk toevoegen: {suggestion}")
    button.click()
    panel(page, suggested).get_by_role("status").filter(has_text="is gemaakt en gekoppeld").wait_for()
    button.click()
    panel(page, suggested).get_by_role("status").filter(has_text="is al gekoppeld").wait_for()
    [made] = items(page)
    assert (made["name"], made["kind"], made["criteria"]) == (suggestion, "document", [suggested])
    assert "Mogelijke indicatoren" in made["note"]

    # A new item under a criterion, by keyboard only.
    box = panel(page, g2)
    box.get_by_role("button", name="Nieuw bewijsstuk").focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Meldcode 2026")  # the name field has the focus
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # Soort: Procedure of protocol
    box.get_by_label("Naam van het bewijsstuk").press("Enter")
    box.get_by_role("status").filter(has_text='"Meldcode 2026" is gemaakt en gekoppeld').wait_for()
    assert box.get_by_role("button", name="Nieuw bewijsstuk").evaluate("b => b === document.activeElement")
    link_existing(page, g3, "Meldcode 2026 (Procedure of protocol)")

    # The same item under two criteria of a second framework, in another scan.
    start_scan(page, base_url, TWENTE, "Scan Twente")
    t1, t2 = "twe-01", "twe-02"
    link_existing(page, t1, "Meldcode 2026 (Procedure of protocol)")
    link_existing(page, t2, "Meldcode 2026 (Procedure of protocol)")
    meldcode = next(item for item in items(page) if item["name"] == "Meldcode 2026")
    assert meldcode["kind"] == "procedure" and meldcode["criteria"] == [g2, g3, t1, t2]

    # The library: dates, owner, a third item; flags against the fixed clock.
    page.get_by_role("link", name="Bewijsstukken", exact=True).click()
    page.get_by_role("heading", level=2, name="Bewijsstukken").wait_for()

    def edit(name, **fields):
        page.get_by_role("button", name=f"Bewerk {name}").click()
        for label, value in fields.items():
            page.locator(".kk-ev-form").get_by_label(label, exact=True).fill(value)
        page.get_by_role("button", name="Bewijsstuk opslaan").click()
        page.get_by_role("status").filter(has_text="is opgeslagen").wait_for()

    edit("Meldcode 2026", **{"Herzien of verloopt op": "2026-11-30", "Eigenaar": "Kwaliteitsmedewerker"})
    edit(suggestion, **{"Herzien of verloopt op": "2026-12-31"})  # today + 30 days: still "binnenkort"
    page.get_by_role("button", name="Nieuw bewijsstuk").click()
    page.get_by_role("button", name="Bewijsstuk opslaan").click()
    assert page.get_by_text("Vul een naam in voor het bewijsstuk.").is_visible()  # a name is required
    form = page.locator(".kk-ev-form")
    form.get_by_label("Naam", exact=True).fill("Jaarverslag 2025")
    form.get_by_label("Soort").select_option("verslag")
    form.get_by_label("Herzien of verloopt op").fill("2027-01-01")  # 31 days ahead: no flag
    form.get_by_role("button", name="Bewijsstuk opslaan").click()
    page.get_by_role("status").filter(has_text="is toegevoegd").wait_for()

    assert card(page, "Meldcode 2026").locator(".kk-ev-flag").inner_text() == "Verlopen"
    assert card(page, suggestion).locator(".kk-ev-flag").inner_text() == "Verloopt binnenkort"
    assert card(page, "Jaarverslag 2025").locator(".kk-ev-flag").count() == 0
    assert page.locator(".kk-ev-counts").inner_text() == "3 bewijsstuk(ken): 1 verlopen, 1 verloopt binnenkort."
    heading = lambda cid: f'{records[cid]["citation"]["locator"]} ({catalog["frameworks"][records[cid]["framework"]]["short_title"]})'
    linked = card(page, "Meldcode 2026").locator(".kk-ev-criteria li").all_inner_texts()
    assert [text.split(" – ")[0] for text in linked] == [heading(c) for c in (g2, g3, t1, t2)]
    page.get_by_label("Toon alleen bewijsstukken die verlopen zijn of binnen 30 dagen verlopen (2)").check()
    assert page.locator(".kk-ev-item h3").all_inner_texts() == [f"{suggestion} Verloopt binnenkort", "Meldcode 2026 Verlopen"]

    # The evidence map per framework and overall: printed locators, never internal IDs.
    name, data = download(page, "Bewijskaart Groningen MO/VO (CSV)")
    rows = csv_rows(data)
    assert name.startswith("bewijskaart-groningen") and name.endswith("-2026-12-01.csv")
    assert [(r["Vindplaats"], r["Bewijsstuk"], r["Signaal"]) for r in rows] == [
        (records[suggested]["citation"]["locator"], suggestion, "Verloopt binnenkort"),
        (records[g2]["citation"]["locator"], "Meldcode 2026", "Verlopen"),
        (records[g3]["citation"]["locator"], "Meldcode 2026", "Verlopen")]
    assert {r["Kader"] for r in rows} == {"Groningen MO/VO"} and rows[1]["Soort"] == "Procedure of protocol"
    assert rows[1]["Eigenaar"] == "Kwaliteitsmedewerker" and rows[1]["Herzien of verloopt op"] == "2026-11-30"
    assert rows[1]["Criterium"].startswith(records[g2]["text"][:40])
    rows = csv_rows(download(page, f'Bewijskaart {catalog["frameworks"][TWENTE]["short_title"]} (CSV)')[1])
    assert [(r["Vindplaats"], r["Bewijsstuk"]) for r in rows] == [
        (records[t1]["citation"]["locator"], "Meldcode 2026"), (records[t2]["citation"]["locator"], "Meldcode 2026")]
    _, data = download(page, "Bewijskaart van alle kaders (CSV)")
    rows = csv_rows(data)
    assert len(rows) == 6 and rows[-1]["Bewijsstuk"] == "Jaarverslag 2025" and rows[-1]["Criterium"] == "Nog aan geen criterium gekoppeld"
    # Criteria by printed number only; the internal ID is in the permalink of the citation alone.
    cells = [value for row in rows for key, value in row.items() if key != "Bronvermelding"]
    assert not [cell for cell in cells if "gmv-" in cell or "twe-0" in cell]
    assert rows[0]["Bronvermelding"].endswith(f"kaders/{GRONINGEN}/#{suggested}")

    # Back in the scans: the item under every linked criterion, with its flag; the report lists it.
    page.get_by_role("link", name="Terug naar Scan Twente").click()
    for cid in (t1, t2):
        assert "Meldcode 2026" in panel(page, cid).inner_text() and "Verlopen" in panel(page, cid).inner_text()
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    report = page.locator(".kk-ev-report")
    report.get_by_role("heading", name="Bewijsstukken").wait_for()
    assert report.locator("tbody tr").count() == 2 and "Meldcode 2026" in report.locator(f'tr[data-criterion-id="{t1}"]').inner_text()
    twente_count = sum(1 for r in records.values() if r["framework"] == TWENTE)
    assert f"2 van {twente_count} criteria hebben een gekoppeld bewijsstuk" in report.inner_text()
    assert run_axe(page) == []
    page.get_by_role("link", name="Alle zelfscans").click()
    page.get_by_role("link", name="Scan Groningen").click()
    page.get_by_role("heading", level=2, name="Scan Groningen").wait_for()
    for cid in (g2, g3):
        assert panel(page, cid).locator(".kk-ev-linked li").all_inner_texts()[0].startswith("Meldcode 2026 (Procedure of protocol)")
    assert "Verloopt binnenkort" in panel(page, suggested).inner_text()

    # Unlinking in one scan removes the link everywhere, the item stays.
    panel(page, g3).get_by_role("button", name=f'Ontkoppel Meldcode 2026 van {records[g3]["label"]}').click()
    panel(page, g3).get_by_text("Nog geen bewijsstuk gekoppeld.").wait_for()
    assert next(i for i in items(page) if i["name"] == "Meldcode 2026")["criteria"] == [g2, t1, t2]


def test_library_view_is_accessible_and_fits_a_phone(page, base_url, catalog):
    page.clock.set_fixed_time(TODAY)
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, base_url + "zelfscan/")
    page.evaluate("""([prefix, items]) => { for (const item of items) localStorage.setItem(prefix + item.id, JSON.stringify(item)); }""",
                  [ITEM_PREFIX, json.loads(hostile_library(["gmv-a1-02", "twe-01"]).decode())["items"]])
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        open_app(page, base_url + "zelfscan/?view=bewijs")
        page.get_by_role("button", name="Nieuw bewijsstuk").click()
        # The page's own stylesheet (only /zelfscan/ loads it) is applied.
        assert page.locator(".kk-ev-list").evaluate("list => getComputedStyle(list).listStyleType") == "none"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert run_axe(page) == [], scheme
    # The panel under a criterion with linked (flagged) items and both forms open, in the dark palette.
    start_scan(page, base_url, GRONINGEN, "Scan op een telefoon")
    box = panel(page, "gmv-a1-02")
    assert box.locator(".kk-ev-linked li").count() == 2
    box.get_by_role("button", name="Nieuw bewijsstuk").click()
    panel(page, "gmv-a1-03").get_by_role("button", name="Bestaand bewijsstuk koppelen").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert run_axe(page) == []


def test_two_tabs_add_and_link_items_without_losing_any(context, page, base_url):
    start_scan(page, base_url, GRONINGEN, "Gedeelde scan")
    other = context.new_page()
    open_app(other, page.url)
    # Both tabs add an item before either has seen the other's.
    for tab, name, cid in ((page, "Uit tab 1", "gmv-a1-01"), (other, "Uit tab 2", "gmv-a1-04")):
        box = panel(tab, cid)
        box.get_by_role("button", name="Nieuw bewijsstuk").click()
        box.get_by_label("Naam van het bewijsstuk").fill(name)
        box.get_by_role("button", name="Toevoegen en koppelen").click()
    for tab in (page, other):
        wait_until_received(tab, "Uit tab 1", "gmv-a1-01")
        wait_until_received(tab, "Uit tab 2", "gmv-a1-04")
    assert [item["name"] for item in items(page)] == ["Uit tab 1", "Uit tab 2"]
    # Each tab shows the other's item at once (storage events), and can link it.
    link_existing(page, "gmv-a1-05", "Uit tab 2 (Document)")
    link_existing(other, "gmv-a1-06", "Uit tab 1 (Document)")
    # Tab 2 links "Uit tab 1" elsewhere while tab 1 edits its owner: both survive.
    link_existing(other, "gmv-a1-07", "Uit tab 1 (Document)")
    page.get_by_role("link", name="Bewijsstukken", exact=True).click()
    page.get_by_role("button", name="Bewerk Uit tab 1").click()
    page.locator(".kk-ev-form").get_by_label("Eigenaar").fill("Tab 1")
    link_existing(other, "gmv-a1-08", "Uit tab 1 (Document)")  # while tab 1's form is open
    wait_until_received(page, "Uit tab 1", "gmv-a1-08")
    page.get_by_role("button", name="Bewijsstuk opslaan").click()
    page.get_by_role("status").filter(has_text="is opgeslagen").wait_for()
    first, second = items(page)
    assert first["owner"] == "Tab 1" and first["criteria"] == ["gmv-a1-01", "gmv-a1-06", "gmv-a1-07", "gmv-a1-08"]
    assert second["criteria"] == ["gmv-a1-04", "gmv-a1-05"]
    assert len(stored(page, ITEM_PREFIX)) == 2
    # A delete in tab 1 reaches tab 2's open panels.
    card(page, "Uit tab 2").get_by_role("button", name="Verwijder Uit tab 2").click()
    page.get_by_role("button", name="Ja, verwijderen").click()
    panel(other, "gmv-a1-04").get_by_text("Nog geen bewijsstuk gekoppeld.").wait_for()
    assert [item["name"] for item in items(other)] == ["Uit tab 1"]


def import_library(page, name, data: bytes) -> str:
    page.get_by_label("JSON-bestand met bewijsstukken").set_input_files(
        files=[{"name": f"{name}.json", "mimeType": "application/json", "buffer": data}])
    feedback = page.locator(".kk-ev-library .kk-zs-feedback")
    feedback.filter(has_text=f'"{name}.json" is').wait_for()
    return feedback.inner_text()


def test_bad_and_hostile_library_files(page, base_url, catalog):
    criteria = ["gmv-a1-02", "twe-01"]
    scan_criteria = [r for r in catalog["records"].values() if r["framework"] == "midden-groningen-wmo"]
    scan = valid_scan(scan_criteria)
    open_app(page, base_url + "zelfscan/")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [SCAN_PREFIX + scan["id"], json.dumps(scan)])
    open_app(page, base_url + "zelfscan/?view=bewijs")
    good = json.dumps(valid_library(criteria)).encode()
    assert "2 toegevoegd" in import_library(page, "goed", good)
    assert "0 toegevoegd, 2 stonden er al" in import_library(page, "nogmaals", good)
    before = stored(page, "kk.")  # every scan and every item
    assert len(before) == 3
    # Every bad file is refused with a Dutch list of problems; nothing stored changes by a byte.
    for name, data in bad_library_files(criteria).items():
        feedback = import_library(page, name, data)
        assert "is niet ingelezen. Wat er mis is:" in feedback, name
        assert stored(page, "kk.") == before, name
    assert "Dit is een zelfscan, geen bestand met bewijsstukken" in import_library(page, "a-scan-file", bad_library_files(criteria)["a-scan-file"])
    # A bad scan file leaves the evidence items as they were too.
    page.get_by_role("link", name="Alle zelfscans").click()
    for name, data in list(bad_files(scan_criteria).items())[:6]:
        page.get_by_label("JSON-bestand met een zelfscan").set_input_files(
            files=[{"name": f"{name}.json", "mimeType": "application/json", "buffer": data}])
        page.get_by_role("status").filter(has_text=f'"{name}.json" is niet ingelezen').wait_for()
        assert stored(page, "kk.") == before, name

    # Hostile text in a valid file stays text everywhere it is shown. Its IDs exist
    # here with other content, so both items arrive as copies and nothing is overwritten.
    page.get_by_role("link", name="Bewijsstukken", exact=True).click()
    assert "0 toegevoegd, 2 als kopie" in import_library(page, "vijandig", hostile_library(criteria))
    assert all(stored(page, "kk.")[key] == text for key, text in before.items())
    hostile = page.locator(".kk-ev-item").filter(has=page.get_by_role("heading", level=3, name=PAYLOAD))
    for field in HOSTILE_FIELDS:
        assert hostile.get_by_text(PAYLOAD, exact=True).count() >= 1, field
    assert page.get_by_text("javascript:window.__kkPwned=1", exact=True).count() == 1
    assert page.locator(".kk-ev-library a[href^=javascript]").count() == 0
    start_scan(page, base_url, GRONINGEN, "Scan met vijandige tekst")
    assert PAYLOAD in panel(page, criteria[0]).inner_text()
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    page.locator(".kk-ev-report").get_by_text(PAYLOAD, exact=True).wait_for()
    assert page.locator(".kk-zs-view img, .kk-zs-view script").count() == 0
    assert page.evaluate("window.__kkPwned") is None
