"""The self-scan (/zelfscan/) in headless Chromium: a full scan through the UI,
persistence, export/import, hostile and broken files, framework changes,
storage trouble, print, accessibility and privacy."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import run_axe
from tests.browser.zelfscan_bad_files import FRAMEWORK, PAYLOAD, bad_files, hostile_files, valid_scan, version_1_scan
from tests.catalog_files import whole_catalog

PREFIX = "kk.zelfscan.v1.scan."
SCORE_LABELS = ["Voldoet", "Voldoet grotendeels", "Voldoet gedeeltelijk", "Voldoet niet", "Niet van toepassing"]
SCORE_VALUES = ["voldoet", "grotendeels", "gedeeltelijk", "niet", "nvt"]


@pytest.fixture(scope="module")
def criteria(site_dir) -> list[dict]:
    path = Path(site_dir) / "assets" / "catalog" / f"{FRAMEWORK}.json"
    return json.loads(path.read_text(encoding="utf-8"))["criteria"]


@pytest.fixture(scope="module")
def index(site_dir) -> dict:
    return whole_catalog(site_dir)


def stored(page) -> dict[str, str]:
    """Every self-scan key in localStorage with its raw text."""
    return page.evaluate(f"""() => Object.fromEntries(Object.keys(localStorage)
        .filter((k) => k.startsWith({json.dumps(PREFIX)})).map((k) => [k, localStorage.getItem(k)]))""")


def wait_until_stored(page, scan_id, criterion_id, field, value):
    """Until this tab's view of localStorage holds `value` in that answer's field."""
    key = json.dumps(PREFIX + scan_id)
    page.wait_for_function(f"""() => {{ const text = localStorage.getItem({key});
        return text !== null && JSON.parse(text).answers?.[{json.dumps(criterion_id)}]?.[{json.dumps(field)}] === {json.dumps(value)}; }}""")


def open_app(page, url):
    page.goto(url)
    page.locator("[data-kk-ready]").wait_for()


def start_scan(page, base_url, organisation="Zorg Noord BV", name="Zelfscan 2026"):
    open_app(page, base_url + f"zelfscan/?kader={FRAMEWORK}")
    page.get_by_label("Naam van uw organisatie").fill(organisation)
    page.get_by_label("Naam van deze zelfscan").fill(name)
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name=name).wait_for()


def import_file(page, name, data: bytes):
    """Import through the list view; returns the feedback text once it appears."""
    page.get_by_label("JSON-bestand met een zelfscan").set_input_files(
        files=[{"name": f"{name}.json", "mimeType": "application/json", "buffer": data}])
    page.get_by_role("status").filter(has_text=f'"{name}.json" is').wait_for()
    return page.locator(".kk-zs-view").inner_text()


def download_text(page, button_name) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def criterion(page, criterion_id):
    return page.locator(f'fieldset.kk-zs-criterion[data-criterion-id="{criterion_id}"]')


def assert_same_origin(page, base_url):
    origin = urlparse(base_url).netloc
    foreign = [u for u in page.requested_urls if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != origin]
    assert foreign == []


def test_full_midden_groningen_scan_survives_reload_export_delete_import(page, base_url, criteria, index):
    start_scan(page, base_url)
    assert "view=" not in page.url and "scan=zs-" in page.url
    expected = {}
    for i, record in enumerate(criteria):
        fieldset = criterion(page, record["id"])
        score = i % 5
        fieldset.get_by_role("radio", name=SCORE_LABELS[score], exact=True).check()
        expected[record["id"]] = SCORE_VALUES[score]
        if SCORE_VALUES[score] == "nvt":
            fieldset.get_by_label("Reden waarom dit niet van toepassing is").fill(f"Bieden wij niet ({i})")
        if i % 3 == 0:
            fieldset.get_by_label("Toelichting").fill(f"Toelichting {i}: zie beleid; \"kwaliteit\"")
            fieldset.get_by_label("Bewijs: documentnamen of links, één per regel").fill(f"Beleid-{i}.pdf\nhttps://intranet.example/{i}")
    checklist = criterion(page, "mg-vei-09").get_by_role("group", name="Onderdelen die aanwezig zijn").get_by_role("checkbox")
    assert checklist.count() == 8  # the eight required policy documents
    for box in checklist.all():
        box.check()
    assert page.get_by_text(f"{len(criteria)} van {len(criteria)} criteria beantwoord").is_visible()
    page.get_by_role("button", name="Naar de volgende onbeantwoorde vraag").click()
    page.get_by_role("status").filter(has_text="Alle criteria zijn beantwoord.").wait_for()

    page.reload()
    page.locator("[data-kk-ready]").wait_for()
    for i, record in enumerate(criteria):
        fieldset = criterion(page, record["id"])
        label = SCORE_LABELS[SCORE_VALUES.index(expected[record["id"]])]
        assert fieldset.get_by_role("radio", name=label, exact=True).is_checked(), record["id"]
        if i % 3 == 0:
            assert fieldset.get_by_label("Toelichting").input_value() == f"Toelichting {i}: zie beleid; \"kwaliteit\""
            evidence = fieldset.get_by_label("Bewijs: documentnamen of links, één per regel").input_value()
            assert evidence == f"Beleid-{i}.pdf\nhttps://intranet.example/{i}"
        if expected[record["id"]] == "nvt":
            assert fieldset.get_by_label("Reden waarom dit niet van toepassing is").input_value() == f"Bieden wij niet ({i})"
    assert all(box.is_checked() for box in checklist.all())

    # Results: the table's numbers are the ones we entered.
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    table = page.get_by_role("table", name="Per onderdeel")
    section_titles = {s["id"]: s["title"] for f in index["frameworks"] if f["id"] == FRAMEWORK for s in f["sections"]}
    rows = {row.locator("th").inner_text(): row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()}
    for section, title in section_titles.items():
        ids = [r["id"] for r in criteria if r["section"] == section]
        scores = [4 - SCORE_VALUES.index(expected[c]) for c in ids if expected[c] != "nvt"]
        average = f"{sum(scores) / len(scores):.1f}".replace(".", ",") if scores else "–"
        assert rows[title][0] == f"{len(ids)} van {len(ids)}", title
        assert rows[title][-1] == average, title
    first_title = section_titles[criteria[0]["section"]]
    assert page.get_by_role("img", name=f"{first_title}: ").first.is_visible()
    # The site-wide count rule is stated with the per-element scores (text from index.json).
    assert page.locator(".kk-zs-scores .kk-count-rule").inner_text() == index["count_rule"]["elements"]
    gaps = [r["id"] for r in criteria if expected[r["id"]] in ("gedeeltelijk", "niet")]
    assert page.locator(".kk-zs-plan-item").count() == len(gaps)
    plan_item = page.locator(f'.kk-zs-plan-item[data-criterion-id="{gaps[0]}"]')
    plan_item.get_by_label("Verbeteractie").fill("Protocol herzien en team trainen")
    plan_item.get_by_label("Eigenaar").fill("@Teamleider")
    plan_item.get_by_label("Streefdatum").fill("2026-09-01")

    name, csv_bytes = download_text(page, "Exporteer CSV (Excel)")
    assert name.endswith(".csv")
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    csv_lines = csv_bytes.decode("utf-8-sig").split("\r\n")
    assert csv_lines[0].split(";")[:8] == ["Kader", "Onderdeel", "Nummer", "Vindplaats", "Tekst", "Onderdelen en checklist",
                                           "Bronvermelding", "Score"]
    assert any(line.endswith(f";{gaps[0]}") and ";'@Teamleider;" in line for line in csv_lines)  # never a formula

    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-tabs", ".kk-zs-nav", ".kk-zs-exports"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("Zorg Noord BV", "Verbeterplan", "Antwoorden"):
        assert page.get_by_text(shown, exact=True).first.is_visible(), shown
    assert page.locator(f'.kk-zs-report-answers tr[data-criterion-id="{criteria[0]["id"]}"]').is_visible()
    assert page.locator(".kk-zs-bar").first.is_visible()
    page.emulate_media(media="screen")

    _, exported = download_text(page, "Exporteer JSON")
    exported_scan = json.loads(exported)
    assert exported_scan["framework_versions"] == {FRAMEWORK: "z.j."} and exported_scan["version"] == 2
    assert exported_scan["plan"][gaps[0]] == {"action": "Protocol herzien en team trainen", "owner": "@Teamleider",
                                              "due": "2026-09-01", "target": ""}
    assert exported_scan["answers"]["mg-vei-09"]["checklist"] == {str(i): True for i in range(8)}

    page.get_by_role("link", name="Alle zelfscans").click()
    page.get_by_role("button", name="Verwijder Zelfscan 2026").click()
    page.get_by_role("button", name="Annuleren").click()
    assert len(stored(page)) == 1
    page.get_by_role("button", name="Verwijder Zelfscan 2026").click()
    page.get_by_role("button", name="Ja, verwijderen").click()
    page.get_by_role("status").filter(has_text="is verwijderd").wait_for()
    assert stored(page) == {}

    assert "is ingelezen" in import_file(page, "terug", exported)
    values = list(stored(page).values())
    assert len(values) == 1 and json.loads(values[0]) == exported_scan
    assert_same_origin(page, base_url)


def test_list_renames_and_duplicates(page, base_url):
    start_scan(page, base_url, name="Eerste scan")
    page.get_by_role("link", name="Alle zelfscans").click()
    page.get_by_role("button", name="Hernoem Eerste scan").click()
    page.get_by_label("Nieuwe naam").fill("Scan voorjaar")
    page.get_by_role("button", name="Naam opslaan").click()
    page.get_by_role("status").filter(has_text="Hernoemd tot Scan voorjaar").wait_for()
    page.get_by_role("button", name="Dupliceer Scan voorjaar").click()
    page.get_by_role("link", name="Scan voorjaar (kopie)").wait_for()
    names = sorted(json.loads(v)["name"] for v in stored(page).values())
    assert names == ["Scan voorjaar", "Scan voorjaar (kopie)"]
    page.get_by_role("link", name="Scan voorjaar (kopie)").click()
    page.get_by_role("heading", level=2, name="Scan voorjaar (kopie)").wait_for()
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    page.get_by_role("heading", level=2, name="Resultaten: Scan voorjaar (kopie)").wait_for()
    page.reload()  # the URL keeps the scan and the view
    page.get_by_role("heading", level=2, name="Resultaten: Scan voorjaar (kopie)").wait_for()
    page.go_back()
    page.get_by_role("heading", level=2, name="Scan voorjaar (kopie)").wait_for()


def test_setup_switches_off_sections_and_marks_not_applicable(page, base_url, criteria):
    open_app(page, base_url + f"zelfscan/?kader={FRAMEWORK}")
    assert page.get_by_label("Kwaliteitskader", exact=True).input_value() == FRAMEWORK
    page.get_by_label("Naam van deze zelfscan").fill("Zonder fysieke omgeving")
    page.get_by_role("checkbox", name="Passende fysieke omgeving (indien van toepassing) (1)").uncheck()
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name="Zonder fysieke omgeving").wait_for()
    excluded = [r["id"] for r in criteria if r["section"] == "fysieke-omgeving"]
    assert excluded and all(criterion(page, c).count() == 0 for c in excluded)
    assert page.get_by_text(f"0 van {len(criteria) - len(excluded)} criteria beantwoord").is_visible()
    fieldset = criterion(page, criteria[0]["id"])
    reason = fieldset.get_by_label("Reden waarom dit niet van toepassing is")
    assert not reason.is_visible()
    fieldset.get_by_role("radio", name="Niet van toepassing").check()
    reason.fill("Geen meldplicht voor deze dienst")
    scan = json.loads(next(iter(stored(page).values())))
    assert scan["disabled_sections"] == [{"framework": FRAMEWORK, "section": "fysieke-omgeving"}]
    assert scan["answers"][criteria[0]["id"]]["reason"] == "Geen meldplicht voor deze dienst"


def test_setup_requires_a_name_and_is_keyboard_operable(page, base_url, criteria):
    open_app(page, base_url + f"zelfscan/?kader={FRAMEWORK}")
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("alert").filter(has_text="Geef de zelfscan een naam.").wait_for()
    name = page.get_by_label("Naam van deze zelfscan")
    assert name.evaluate("el => el === document.activeElement")
    assert name.get_attribute("aria-invalid") == "true"
    page.keyboard.type("Met toetsenbord")
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=2, name="Met toetsenbord").wait_for()
    page.get_by_role("button", name="Naar de volgende onbeantwoorde vraag").focus()
    page.keyboard.press("Enter")
    first = criterion(page, criteria[0]["id"]).get_by_role("radio", name="Voldoet", exact=True)
    assert first.evaluate("el => el === document.activeElement")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    assert criterion(page, criteria[0]["id"]).get_by_role("radio", name="Voldoet grotendeels").is_checked()
    assert json.loads(next(iter(stored(page).values())))["answers"][criteria[0]["id"]]["score"] == "grotendeels"


def test_criteria_scope_lists_unknown_ids(page, base_url, criteria):
    ids = [criteria[0]["id"], "twe-30", "zz-bestaat-niet-01"]
    open_app(page, base_url + "zelfscan/?criteria=" + ",".join(ids))
    page.get_by_text("zz-bestaat-niet-01 (onbekend)").wait_for()
    page.get_by_label("Naam van deze zelfscan").fill("Selectie")
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name="Selectie").wait_for()
    assert page.locator("fieldset.kk-zs-criterion").count() == 2
    assert criterion(page, "twe-30").count() == 1
    scan = json.loads(next(iter(stored(page).values())))
    assert scan["scope"] == {"kind": "criteria", "ids": ids}
    assert set(scan["framework_versions"]) == {FRAMEWORK, "twente-kwaliteit-2017"}


def test_closing_text_is_shown_after_the_checklist_and_in_the_report(page, base_url):
    # bwmo-d-17's items are a checklist, so its closing text stands after the checklist.
    open_app(page, base_url + "zelfscan/?criteria=bwmo-d-17")
    page.get_by_label("Naam van deze zelfscan").fill("Slottekst")
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name="Slottekst").wait_for()
    fieldset = criterion(page, "bwmo-d-17")
    order = fieldset.evaluate("""f => [...f.children].map(c => c.matches('.kk-zs-checklist') ? 'checklist'
        : c.querySelector('.kk-zs-closing') ? 'closing' : c.tagName)""")
    assert order.index("closing") == order.index("checklist") + 1
    assert fieldset.locator(".kk-zs-closing").inner_text() == "Deze afspraken zijn vastgelegd in het cliëntplan."
    fieldset.get_by_role("radio", name="Voldoet", exact=True).check()
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    page.get_by_role("heading", level=2, name="Resultaten: Slottekst").wait_for()
    report_cell = page.locator('.kk-zs-report-answers tr[data-criterion-id="bwmo-d-17"] td').first
    assert report_cell.locator(".kk-zs-closing").inner_text() == "Deze afspraken zijn vastgelegd in het cliëntplan."
    _, data = download_text(page, "Exporteer CSV (Excel)")
    assert "Bij uitstroom zijn afspraken gemaakt met:\nDeze afspraken zijn vastgelegd in het cliëntplan." in \
        data.decode("utf-8-sig")


def test_version_1_scans_are_migrated_without_loss(page, base_url, criteria):
    """A scan stored (and a file written) by version 1 opens with every answer, note, checklist state and plan
    entry, and is stored again as version 2 with nothing else changed."""
    old = version_1_scan(criteria, "zs-version-1")
    old["plan"] = {}
    for i, record in enumerate(criteria):
        score = SCORE_VALUES[i % 5]
        old["answers"][record["id"]] = {
            "score": score, "reason": f"Reden {i}" if score == "nvt" else "", "toelichting": f"Notitie {i}",
            "evidence": [f"Stuk-{i}.pdf"], "checklist": {"0": i % 2 == 0, "1": True} if record["items"] else {},
            "fingerprint": record["fingerprint"], "answered_at": "2026-01-15T09:30:00.000Z"}
        if score in ("gedeeltelijk", "niet"):
            old["plan"][record["id"]] = {"action": f"Actie {i}", "owner": f"Eigenaar {i}", "due": "2026-06-01"}
    old["answers"]["mg-oud-01"] = {"score": "niet", "toelichting": "Vervallen eis"}  # a removed criterion
    open_app(page, base_url + "zelfscan/")
    page.evaluate(f"localStorage.setItem({json.dumps(PREFIX + old['id'])}, {json.dumps(json.dumps(old))})")
    open_app(page, base_url + f"zelfscan/?scan={old['id']}")

    shown = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('fieldset.kk-zs-criterion')].map((f) => [
        f.dataset.criterionId, {
          score: f.querySelector('input[type=radio]:checked')?.value || '',
          toelichting: f.querySelector('[data-field=toelichting]').value,
          evidence: f.querySelector('[data-field=evidence]').value,
          reason: f.querySelector('[data-field=reason]').value,
          checklist: Object.fromEntries([...f.querySelectorAll('[data-field=checklist]')].map((b) => [b.dataset.item, b.checked])),
        }]))""")
    assert len(shown) == len(criteria)
    for record in criteria:
        answer = old["answers"][record["id"]]
        boxes = shown[record["id"]]["checklist"]
        assert shown[record["id"]] == {"score": answer["score"], "toelichting": answer["toelichting"],
                                       "evidence": answer["evidence"][0], "reason": answer["reason"],
                                       "checklist": {key: answer["checklist"].get(key, False) for key in boxes}}, record["id"]
    assert any(shown[r]["checklist"] for r in shown)
    migrated = json.loads(stored(page)[PREFIX + old["id"]])
    assert migrated == {**old, "version": 2}
    assert page.locator('.kk-zs-removed [data-criterion-id="mg-oud-01"]').is_visible()

    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    page.get_by_role("heading", name="Verbeterplan").wait_for()
    plan_items = page.locator(".kk-zs-plan-item")
    assert plan_items.count() == len(old["plan"])
    for criterion_id, entry in old["plan"].items():
        item = page.locator(f'.kk-zs-plan-item[data-criterion-id="{criterion_id}"]')
        assert item.get_by_label("Verbeteractie").input_value() == entry["action"]
        assert item.get_by_label("Eigenaar").input_value() == entry["owner"]

    # The same scan as a version-1 file: read, stored as version 2 (a copy, since the ID exists).
    open_app(page, base_url + "zelfscan/")
    assert "is ingelezen" in import_file(page, "versie-1", json.dumps(old).encode())
    copies = [json.loads(v) for k, v in stored(page).items() if k != PREFIX + old["id"]]
    assert len(copies) == 1 and copies[0]["version"] == 2 and copies[0]["answers"] == old["answers"]
    assert copies[0]["plan"] == old["plan"]


def test_framework_changes_are_shown_for_review(page, base_url, criteria):
    scan = valid_scan(criteria, "zs-migration")
    added = "mg-dcg-15"
    edited = criteria[0]["id"]
    for record in criteria:
        if record["id"] != added:
            scan["answers"][record["id"]] = {"score": "voldoet", "toelichting": "", "evidence": [], "checklist": {},
                                             "fingerprint": record["fingerprint"], "reason": "",
                                             "answered_at": "2026-01-15T09:30:00.000Z"}
    scan["answers"][edited]["fingerprint"] = "0123456789abcdef"
    scan["answers"]["mg-oud-01"] = {"score": "niet", "toelichting": "Antwoord op vervallen eis", "evidence": ["Oud.pdf"]}
    open_app(page, base_url + "zelfscan/")
    import_file(page, "migratie", json.dumps(scan).encode())
    page.get_by_role("link", name="Testscan").click()

    page.get_by_text("1 antwoord(en) te controleren").wait_for()
    review = criterion(page, edited).locator(".kk-zs-review")
    assert "de tekst van dit criterium is gewijzigd sinds uw antwoord" in review.inner_text()
    assert criterion(page, edited).get_by_role("radio", name="Voldoet", exact=True).is_checked()
    assert page.locator(".kk-zs-review").count() == 1
    removed = page.locator('.kk-zs-removed [data-criterion-id="mg-oud-01"]')
    assert "Voldoet niet" in removed.inner_text() and "Antwoord op vervallen eis" in removed.inner_text()
    assert all(not r.is_checked() for r in criterion(page, added).get_by_role("radio").all())
    assert page.get_by_text(f"{len(criteria) - 1} van {len(criteria)} criteria beantwoord").is_visible()
    page.get_by_role("button", name="Naar de volgende onbeantwoorde vraag").click()
    assert page.evaluate("document.activeElement.closest('[data-criterion-id]').dataset.criterionId") == added

    # Named by its locator in the source, never by its ID.
    criterion(page, edited).get_by_role("button", name=f"Antwoord bij {criteria[0]['label']} klopt nog").click()
    assert page.locator(".kk-zs-review").count() == 0
    saved = json.loads(next(iter(stored(page).values())))
    assert saved["answers"][edited]["fingerprint"] == criteria[0]["fingerprint"]
    assert saved["answers"]["mg-oud-01"]["toelichting"] == "Antwoord op vervallen eis"


# The file names do not depend on the criteria, only the contents do.
PLACEHOLDER = [{"id": "mg-vei-01", "fingerprint": "0" * 16}]


@pytest.mark.parametrize("name", sorted(bad_files(PLACEHOLDER)))
def test_bad_import_is_refused_and_changes_nothing(page, base_url, criteria, name):
    data = bad_files(criteria)[name]
    open_app(page, base_url + "zelfscan/")
    import_file(page, "bestaand", json.dumps(valid_scan(criteria, "zs-existing")).encode())
    before = stored(page)
    assert len(before) == 1
    text = import_file(page, name, data)
    assert "is niet ingelezen" in text, text
    assert stored(page) == before
    # Nothing from the file became markup, even in the list of problems.
    assert page.evaluate("window.__kkPwned") is None
    assert page.locator(".kk-zs-view script, .kk-zs-view img").count() == 0
    assert page.evaluate("() => ({}).polluted === undefined && Object.prototype.polluted === undefined")


@pytest.mark.parametrize("name", sorted(hostile_files(PLACEHOLDER)))
def test_hostile_text_stays_text(page, base_url, criteria, name):
    data = hostile_files(criteria)[name]
    open_app(page, base_url + "zelfscan/")
    import_file(page, name, data)
    scan_id = json.loads(data)["id"]
    views = [f"zelfscan/?scan={scan_id}", f"zelfscan/?scan={scan_id}&view=resultaten",
             f"zelfscan/?scan={scan_id}&view=instellingen", "zelfscan/"]
    shown = ""
    for view in views:
        open_app(page, base_url + view)
        assert page.evaluate("window.__kkPwned") is None, view
        assert page.locator(".kk-zs-view script, .kk-zs-view img").count() == 0, view
        shown += page.locator(".kk-zs-view").inner_text()
        shown += "".join(page.locator(".kk-zs-view input, .kk-zs-view textarea").evaluate_all("els => els.map((e) => e.value)"))
    assert PAYLOAD in shown, "the payload is not shown as literal text"


def test_storage_full_says_so_and_offers_export(page, base_url):
    page.context.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };""")
    start_scan(page, base_url, name="Volle opslag")
    alert = page.get_by_role("alert").filter(has_text="De opslag van deze browser is vol")
    alert.wait_for()
    criterion(page, "mg-vei-01").get_by_role("radio", name="Voldoet", exact=True).check()
    assert page.get_by_text("Niet opgeslagen").is_visible()
    with page.expect_download() as info:
        alert.get_by_role("button", name="Exporteer deze zelfscan als JSON-bestand").click()
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert exported["name"] == "Volle opslag" and exported["answers"]["mg-vei-01"]["score"] == "voldoet"


def test_storage_unavailable_says_so_and_offers_export(page, base_url):
    # As in a browser that blocks site data, reading window.localStorage throws,
    # for every script: the theme's scripts (assets/js/theme/) guard against it
    # too, so the page fixture sees no JavaScript error at all.
    page.context.add_init_script("""(() => {
        Object.defineProperty(window, 'localStorage', { get() {
            throw new DOMException('Access denied', 'SecurityError');
        } });
    })();""")
    open_app(page, base_url + "zelfscan/")
    assert page.get_by_role("alert").filter(has_text="Deze browser staat niet toe dat de zelfscan hier wordt bewaard").is_visible()
    page.get_by_role("link", name="Nieuwe zelfscan beginnen").click()
    page.get_by_label("Kwaliteitskader", exact=True).select_option(FRAMEWORK)
    page.get_by_label("Naam van deze zelfscan").fill("Zonder opslag")
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name="Zonder opslag").wait_for()
    criterion(page, "mg-vei-02").get_by_role("radio", name="Voldoet niet").check()
    alert = page.get_by_role("alert").filter(has_text="niet toe")
    with page.expect_download() as info:
        alert.get_by_role("button", name="Exporteer deze zelfscan als JSON-bestand").click()
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["answers"]["mg-vei-02"]["score"] == "niet"


@pytest.mark.parametrize("view", ["list", "setup", "answering", "results", "setup-dark", "answering-dark", "results-dark"])
def test_no_accessibility_violations(page, base_url, criteria, view):
    if view.endswith("-dark"):
        page.emulate_media(color_scheme="dark")  # Material picks its slate palette from this
    base_view = view.removesuffix("-dark")
    if base_view == "list":
        open_app(page, base_url + "zelfscan/")
    elif base_view == "setup":
        open_app(page, base_url + f"zelfscan/?kader={FRAMEWORK}")
    else:
        start_scan(page, base_url)
        for record in criteria[:6]:
            criterion(page, record["id"]).get_by_role("radio", name="Voldoet niet").check()
        if base_view == "results":
            page.get_by_role("link", name="Resultaten en verbeterplan").click()
            page.get_by_role("heading", name="Verbeterplan").wait_for()
    if view.endswith("-dark"):
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert run_axe(page) == []
    assert_same_origin(page, base_url)


def test_results_compare_with_several_earlier_scans_and_targets(page, base_url, criteria):
    start_scan(page, base_url, name="Najaar")
    # The privacy promise stays in view inside a scan, in the folded intro's summary.
    assert "uw antwoorden blijven in deze browser" in page.locator(".kk-zs-intro summary").inner_text()
    first, second = criteria[0], criteria[1]
    criterion(page, first["id"]).get_by_role("radio", name="Voldoet", exact=True).check()
    criterion(page, second["id"]).get_by_role("radio", name="Voldoet niet").check()
    # Two earlier scans of the same framework, already in this browser.
    for scan_id, name, date, score in [("zs-spring", "Voorjaar", "2026-03-01", "niet"), ("zs-winter", "Winter", "2025-12-01", "gedeeltelijk")]:
        earlier = valid_scan(criteria, scan_id)
        earlier.update(name=name, date=date)
        earlier["answers"][first["id"]]["score"] = score
        page.evaluate(f"localStorage.setItem({json.dumps(PREFIX + scan_id)}, {json.dumps(json.dumps(earlier))})")
    page.reload()
    page.locator("[data-kk-ready]").wait_for()
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    compare = page.locator(".kk-zs-compare")
    choices = compare.get_by_role("group", name="Eerdere scans van dit kader in deze browser").get_by_role("checkbox")
    assert choices.count() == 2 and all(box.is_checked() for box in choices.all())
    table = page.get_by_role("table", name="Gemiddelde score per onderdeel: eerdere scans en nu")
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Onderdeel", "Winter (1 december 2025)", "Voorjaar (1 maart 2026)", "Nu", "Verschil"]
    cells = table.locator("tbody tr").first.locator("td").all_inner_texts()
    assert [cell.split("\n")[0] for cell in cells] == ["2,0", "1,0", "2,5", "+1,5"]
    assert "1 van " in cells[0] and "2 van " in cells[2]  # every average says how many answers it rests on
    compare.get_by_label("Winter (1 december 2025), 1 van").uncheck()
    assert table.locator("thead th").all_inner_texts() == ["Onderdeel", "Voorjaar (1 maart 2026)", "Nu", "Verschil"]

    # A target score for the gap, and its progress over the chosen scans.
    plan_item = page.locator(f'.kk-zs-plan-item[data-criterion-id="{second["id"]}"]')
    target = plan_item.get_by_label("Streefscore (niet verplicht)")
    assert target.locator("option").all_inner_texts() == ["Geen streefscore", "Voldoet", "Voldoet grotendeels", "Voldoet gedeeltelijk"]
    target.select_option("grotendeels")
    assert json.loads(stored(page)[PREFIX + page.url.split("scan=")[1].split("&")[0]])["plan"][second["id"]]["target"] == "grotendeels"
    compare.get_by_label("Winter (1 december 2025), 1 van").check()
    progress_row = page.get_by_role("table", name="Voortgang naar de streefscore").locator(f'tr[data-criterion-id="{second["id"]}"]')
    assert progress_row.locator("td").all_inner_texts() == ["Niet beantwoord", "Niet beantwoord", "Voldoet niet", "Voldoet grotendeels", "Nog niet"]

    # An earlier scan from a file is kept in this browser and joins the comparison.
    from_file = valid_scan(criteria, "zs-from-file")
    from_file.update(name="Uit bestand", date="2025-06-01")
    before = len(stored(page))
    page.get_by_label("Of lees een eerdere zelfscan van hetzelfde kader in").set_input_files(
        files=[{"name": "zomer.json", "mimeType": "application/json", "buffer": json.dumps(from_file).encode()}])
    page.get_by_text('"zomer.json" is bewaard als zelfscan "Uit bestand"').wait_for()
    assert len(stored(page)) == before + 1
    assert table.locator("thead th").all_inner_texts()[1] == "Uit bestand (1 juni 2025)"
    other = valid_scan(criteria, "zs-other")
    other["scope"]["framework"] = "twente-kwaliteit-2017"
    page.get_by_label("Of lees een eerdere zelfscan van hetzelfde kader in").set_input_files(
        files=[{"name": "ander.json", "mimeType": "application/json", "buffer": json.dumps(other).encode()}])
    page.get_by_text("alleen scans van hetzelfde kader zijn te vergelijken").wait_for()
    assert len(stored(page)) == before + 1


TWENTE = "twente-kwaliteit-2017"


def test_twente_results_readable_at_every_width_complete_in_csv_and_print(page, base_url, site_dir):
    """A new user's Twente scan: chart and table fit from 360 to 1366 px with no text under 12 px and "x van y" at
    every figure; the plan is worst first; CSV and print carry every sub-item with its state and printed numbers."""
    records = json.loads((Path(site_dir) / "assets" / "catalog" / f"{TWENTE}.json").read_text(encoding="utf-8"))["criteria"]
    scan = valid_scan(records, "zs-twente")
    scan.update(scope={"kind": "kader", "framework": TWENTE}, framework_versions={TWENTE: "x"}, plan={}, answers={})
    scan.pop("resume")
    scores = {}
    for i, record in enumerate(records[:30]):
        scores[record["id"]] = ["gedeeltelijk", "niet", "voldoet", "nvt", "grotendeels"][i % 5]
        scan["answers"][record["id"]] = {"score": scores[record["id"]], "fingerprint": record["fingerprint"]}
    scan["answers"]["twe-06"] = {"score": "niet", "fingerprint": records[5]["fingerprint"], "checklist": {"1": True}}
    scores["twe-06"] = "niet"
    scan["plan"]["twe-06"] = {"action": "Achtervang regelen", "owner": "", "due": "2026-09-01", "target": ""}
    open_app(page, base_url + "zelfscan/")
    page.evaluate(f"localStorage.setItem({json.dumps(PREFIX + scan['id'])}, {json.dumps(json.dumps(scan))})")
    open_app(page, base_url + f"zelfscan/?scan={scan['id']}&view=resultaten")

    for width in (360, 768, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), width
        sizes = page.evaluate("""() => [...document.querySelectorAll('.kk-zs-chart *, .kk-zs-score-table *')]
            .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && el.getClientRects().length)
            .map((el) => parseFloat(getComputedStyle(el).fontSize))""")
        assert sizes and min(sizes) >= 12, (width, min(sizes))
        # Nothing in a chart or score table is cut off at the right.
        right = page.evaluate("""() => Math.max(...[...document.querySelectorAll('.kk-zs-chart, .kk-zs-score-table')]
            .map((el) => el.getBoundingClientRect().right))""")
        assert right <= width, width
    rows = page.locator(".kk-zs-bar-row")
    assert rows.count() > 5
    for label in rows.locator(".kk-zs-bar-figures").all_inner_texts():
        assert " beantwoord · " in label and " van " in label
    assert page.locator(".kk-zs-legend").first.locator("li").all_inner_texts() == SCORE_LABELS + ["Nog niet beantwoord"]
    assert "Niet van toepassing” en criteria zonder antwoord tellen niet mee" in page.locator(".kk-zs-explain").inner_text()
    organisation = page.locator('.kk-zs-bar-row[data-key="organisatie"] .kk-zs-bar')
    assert organisation.get_attribute("aria-label").startswith("Organisatie: ")

    # Worst first: every "niet" before every "gedeeltelijk", each in the framework's order.
    order = [r["id"] for r in records]
    plan = page.locator(".kk-zs-plan-item").evaluate_all("els => els.map((e) => [e.dataset.criterionId, e.dataset.score])")
    expected = [i for i in order if scores.get(i) == "niet"] + [i for i in order if scores.get(i) == "gedeeltelijk"]
    assert [criterion_id for criterion_id, _ in plan] == expected

    _, data = download_text(page, "Exporteer CSV (Excel)")
    import csv
    import io
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header = table[0]
    assert header[-1] == "ID"
    by_id = {row[-1]: dict(zip(header, row)) for row in table[1:]}
    assert set(by_id) == set(order)
    six = by_id["twe-06"]
    assert six["Nummer"] == "6" and six["Vindplaats"] == "kwaliteitseis 6"
    assert six["Onderdelen en checklist"].split("\n") == [
        f"[niet aangevinkt] a {records[5]['items'][0]['text']}", f"[aanwezig] b {records[5]['items'][1]['text']}"]
    assert six["Streefdatum"] == "1 september 2026" and six["Actie"] == "Achtervang regelen"
    assert by_id["twe-37"]["Onderdelen en checklist"].count("[niet aangevinkt]") == 3
    for row in by_id.values():  # internal IDs only in the ID column and inside the permalink
        assert all(row["ID"] not in value for key, value in row.items() if key not in ("ID", "Bronvermelding")), row["ID"]

    page.emulate_media(media="print")
    shown = page.locator(".kk-zs-results input, .kk-zs-results textarea, .kk-zs-results select")
    assert shown.count() > 0 and not any(control.is_visible() for control in shown.all())
    six_plan = page.locator('.kk-zs-plan-item[data-criterion-id="twe-06"]')
    assert six_plan.locator('[data-printed="action"]').inner_text() == "Achtervang regelen"
    assert six_plan.locator('[data-printed="owner"]').inner_text() == "nog niet ingevuld"
    assert six_plan.locator('[data-printed="due"]').inner_text() == "1 september 2026"
    assert "mm/dd/yyyy" not in page.locator(".kk-zs-results").inner_text()
    report = page.locator('.kk-zs-report-answers tr[data-criterion-id="twe-06"]').inner_text()
    assert "[niet aangevinkt] a " in report and "[aanwezig] b " in report and "kwaliteitseis 6" in report
    assert page.locator(".kk-zs-bar").first.is_visible()
    page.emulate_media(media="screen")


def test_reopening_a_scan_goes_to_where_the_provider_left_off(page, base_url, criteria):
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, base_url + "zelfscan/")
    intro = page.locator("details.kk-zs-intro")
    assert intro.evaluate("d => d.open") and page.get_by_text("Uw antwoorden blijven in deze browser.").is_visible()
    start_scan(page, base_url, name="Halverwege")
    assert not intro.evaluate("d => d.open")  # a new scan starts at its questions, the intro folded
    for record in criteria[:3]:
        criterion(page, record["id"]).get_by_role("radio", name="Voldoet", exact=True).check()
    left_off = criteria[7]
    criterion(page, left_off["id"]).get_by_label("Toelichting").fill("Hier was ik")
    scan_id = page.url.split("scan=")[1].split("&")[0]
    assert json.loads(stored(page)[PREFIX + scan_id])["resume"] == {"criterion": left_off["id"]}

    def assert_resumed():
        assert page.evaluate("document.activeElement.closest('[data-criterion-id]')?.dataset.criterionId") == left_off["id"]
        top = criterion(page, left_off["id"]).evaluate("f => f.getBoundingClientRect().top")
        assert 0 <= top < 844 / 2, top
        status = page.get_by_role("status").filter(has_text="U gaat verder waar u was gebleven")
        assert f"{left_off['label']} (" in status.inner_text()
        assert f"Nog {len(criteria) - 3} van de {len(criteria)} criteria zonder antwoord." in status.inner_text()
        assert not intro.evaluate("d => d.open") and intro.locator("summary").is_visible()

    page.get_by_role("link", name="Alle zelfscans").click()
    assert intro.evaluate("d => d.open")
    page.get_by_role("link", name="Halverwege").click()
    assert_resumed()
    page.reload()  # opening the scan afresh, as on the next working day
    page.locator("[data-kk-ready]").wait_for()
    assert_resumed()
    intro.locator("summary").click()  # the intro is still there
    assert page.get_by_text("Uw antwoorden blijven in deze browser.").is_visible()


def test_importing_an_existing_scan_again_makes_a_copy(page, base_url, criteria):
    open_app(page, base_url + "zelfscan/")
    data = json.dumps(valid_scan(criteria, "zs-twice")).encode()
    import_file(page, "eerste", data)
    before = stored(page)
    import_file(page, "tweede", data)
    after = stored(page)
    assert len(after) == 2
    assert after[PREFIX + "zs-twice"] == before[PREFIX + "zs-twice"]
    copy = next(json.loads(v) for k, v in after.items() if k != PREFIX + "zs-twice")
    assert copy["name"] == "Testscan (geïmporteerd)" and copy["answers"] == json.loads(data)["answers"]


def test_settings_of_an_existing_scan_can_be_changed(page, base_url, criteria):
    start_scan(page, base_url, name="Instellingen wijzigen")
    page.get_by_role("link", name="Instellingen").click()
    page.get_by_role("checkbox", name="Veiligheid (9)").uncheck()
    page.get_by_label("Naam van uw organisatie").fill("Nieuwe naam BV")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    page.get_by_role("heading", level=2, name="Instellingen wijzigen").wait_for()
    safety = [r["id"] for r in criteria if r["section"] == "veiligheid"]
    assert all(criterion(page, c).count() == 0 for c in safety)
    assert page.get_by_text(f"0 van {len(criteria) - len(safety)} criteria beantwoord").is_visible()
    scan = json.loads(next(iter(stored(page).values())))
    assert scan["organisation"] == "Nieuwe naam BV"
    assert scan["disabled_sections"] == [{"framework": FRAMEWORK, "section": "veiligheid"}]


def test_two_tabs_on_one_scan_lose_no_answer_note_delete_or_rename(context, page, base_url, criteria):
    start_scan(page, base_url, name="Gedeelde scan")
    scan_id = page.url.split("scan=")[1].split("&")[0]
    other = context.new_page()
    open_app(other, page.url)
    q1, q2, q3, q4 = (record["id"] for record in criteria[:4])

    scores = {"Voldoet": "voldoet", "Voldoet grotendeels": "grotendeels", "Voldoet gedeeltelijk": "gedeeltelijk",
              "Voldoet niet": "niet", "Niet van toepassing": "nvt"}

    def answer_in(tab, criterion_id, label):
        criterion(tab, criterion_id).get_by_role("radio", name=label, exact=True).check()

    def received_by(tabs, criterion_id, field, value):
        # Each tab has its own renderer process, which sees another's localStorage writes a
        # moment later. A person switching tabs is slower than that; a test is not, and a
        # save from a tab that has not yet received the last write cannot merge it.
        for tab in tabs:
            wait_until_stored(tab, scan_id, criterion_id, field, value)

    def saved() -> dict:
        return json.loads(stored(page)[PREFIX + scan_id])

    # The case: Q1 in tab 1, Q2 in tab 2, Q3 in tab 1; notes typed in both tabs.
    for tab, criterion_id, label in ((page, q1, "Voldoet"), (other, q2, "Voldoet niet"),
                                     (page, q3, "Voldoet gedeeltelijk")):
        answer_in(tab, criterion_id, label)
        received_by((page, other), criterion_id, "score", scores[label])
    criterion(other, q1).get_by_label("Toelichting").fill("Uit tab 2")
    received_by((page, other), q1, "toelichting", "Uit tab 2")
    criterion(page, q2).get_by_label("Toelichting").fill("Uit tab 1")
    received_by((page, other), q2, "toelichting", "Uit tab 1")
    # Tab 1 shows tab 2's answer and note at once, without a reload.
    assert criterion(page, q2).get_by_role("radio", name="Voldoet niet", exact=True).is_checked()
    assert criterion(page, q1).get_by_label("Toelichting").input_value() == "Uit tab 2"

    # A tab that misses the other tabs' news (its storage listener never runs) still
    # merges on its next save instead of overwriting.
    deaf = context.new_page()
    deaf.add_init_script("""(() => { const add = window.addEventListener;
        window.addEventListener = function (type, ...rest) { if (type !== "storage") add.call(this, type, ...rest); }; })()""")
    open_app(deaf, base_url + f"zelfscan/?scan={scan_id}")
    criterion(other, q3).get_by_label("Toelichting").fill("Tab 2, niet gemeld")
    # The deaf tab's save reads storage, so it must first have received that write.
    received_by((deaf,), q3, "toelichting", "Tab 2, niet gemeld")
    answer_in(deaf, q1, "Voldoet grotendeels")  # the newer edit of Q1's score wins
    received_by((deaf,), q1, "score", "grotendeels")
    answers = json.loads(stored(deaf)[PREFIX + scan_id])["answers"]  # what the deaf tab's merge wrote
    assert {q: (answers[q]["score"], answers[q]["toelichting"]) for q in (q1, q2, q3)} == {
        q1: ("grotendeels", "Uit tab 2"), q2: ("niet", "Uit tab 1"), q3: ("gedeeltelijk", "Tab 2, niet gemeld")}

    received_by((page, other), q1, "score", "grotendeels")

    # A rename in tab 2's list survives tab 1's next answer.
    other.get_by_role("link", name="Alle zelfscans").click()
    other.get_by_role("button", name="Hernoem Gedeelde scan").click()
    other.get_by_label("Nieuwe naam").fill("Hernoemde scan")
    other.get_by_role("button", name="Naam opslaan").click()
    other.get_by_role("status").filter(has_text="Hernoemd tot Hernoemde scan").wait_for()
    page.wait_for_function(f"() => JSON.parse(localStorage.getItem({json.dumps(PREFIX + scan_id)})).name === 'Hernoemde scan'")
    answer_in(page, q4, "Niet van toepassing")
    assert saved()["name"] == "Hernoemde scan" and saved()["answers"][q4]["score"] == "nvt"
    for tab in (page, other):
        tab.reload()
        tab.locator("[data-kk-ready]").wait_for()
    assert criterion(page, q2).get_by_label("Toelichting").input_value() == "Uit tab 1"
    other.get_by_role("cell", name="Hernoemde scan", exact=True).wait_for()

    # A scan deleted in tab 2 stays deleted: tab 1 shows that at once, and a tab that
    # missed the news does not bring it back with its next keystroke.
    deaf.reload()
    deaf.locator("[data-kk-ready]").wait_for()
    other.get_by_role("button", name="Verwijder Hernoemde scan").click()
    other.get_by_role("button", name="Ja, verwijderen").click()
    page.get_by_text("Deze zelfscan staat niet (meer) in deze browser.").wait_for()
    criterion(deaf, q1).get_by_label("Toelichting").fill("Na het verwijderen")
    assert stored(deaf) == {}
    assert deaf.get_by_text("deze zelfscan is in een ander tabblad verwijderd").is_visible()


def fuzzed_files(criteria: list[dict], count: int, seed: int = 21):
    """Seeded damage to a valid export: (name, bytes, must_refuse)."""
    import random

    rng = random.Random(seed)
    base = valid_scan(criteria, scan_id="zs-fuzz")
    first = criteria[0]["id"]
    odd = [None, True, 0, -1, 1e308, "", " ", "x" * 30000, [], {}, [[[]]], {"a": {}}, "2026-13-45T99:99:99Z",
           "<img src=x onerror=window.__kkPwned=1>", "__proto__"]
    paths = [["name"], ["organisation"], ["date"], ["created"], ["modified"], ["id"], ["scope"], ["scope", "kind"],
             ["scope", "framework"], ["framework_versions"], ["disabled_sections"], ["answers"], ["plan"],
             ["answers", first], ["answers", first, "score"], ["answers", first, "toelichting"],
             ["answers", first, "evidence"], ["answers", first, "checklist"], ["answers", first, "answered_at"],
             ["plan", first, "due"], ["plan", first, "owner"], ["schema"], ["version"]]
    for i in range(count):
        scan = json.loads(json.dumps(base))
        kind = rng.choice(["value", "value", "drop", "deep", "bytes", "latin1", "utf16", "truncate", "time",
                           "duplicate-ids", "junk"])
        must_refuse = True
        if kind == "value":
            path = rng.choice(paths)
            target = scan
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = rng.choice(odd)
            must_refuse = False  # some values happen to be allowed (an empty organisation)
        elif kind == "drop":
            path = rng.choice(paths)
            target = scan
            for key in path[:-1]:
                target = target[key]
            target.pop(path[-1], None)
            must_refuse = path[-1] not in ("organisation", first, "toelichting", "evidence", "checklist",
                                           "answered_at", "due", "owner") and path != ["answers", first]
        if kind == "time":
            scan[rng.choice(["created", "modified"])] = rng.choice(
                ["2026-13-45T99:99:99Z", "2026-02-30T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:60Z",
                 "2026-01-01T10:00:00+99:00"])
        elif kind == "duplicate-ids":
            scan["scope"] = {"kind": "criteria", "ids": [first, criteria[1]["id"], first]}
        data = json.dumps(scan, ensure_ascii=False).encode("utf-8")
        if kind == "deep":  # written as text: Python's own json module would hit its recursion limit
            depth = rng.choice([40, 1000, 10000])
            data = data.replace(b'"checklist": {}', b'"checklist": ' + b"[" * depth + b"]" * depth)
        elif kind == "bytes":
            at = rng.randrange(len(data))
            data = data[:at] + rng.choice([b"\xff", b"\xc3(", b"\x80", b"\xed\xa0\x80"]) + data[at:]
        elif kind == "latin1":
            data = json.dumps({**scan, "name": "Cliëntenraad"}, ensure_ascii=False).encode("latin-1")
        elif kind == "utf16":
            data = json.dumps(scan, ensure_ascii=False).encode("utf-16")
        elif kind == "truncate":
            data = data[:rng.randrange(len(data))]
        elif kind == "junk":
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        yield f"fuzz-{i:03d}-{kind}", data, must_refuse


def test_fuzzed_imports_are_refused_with_a_message_or_read(page, base_url, criteria):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_app(page, base_url + "zelfscan/")
    counts = {"refused": 0, "read": 0}
    files = list(fuzzed_files(criteria, 150))
    for name, data, must_refuse in files:
        before = stored(page)
        text = import_file(page, name, data)
        refused = f'"{name}.json" is niet ingelezen' in text
        assert refused or f'"{name}.json" is ingelezen' in text, name
        if refused:
            counts["refused"] += 1
            assert stored(page) == before, f"{name}: a refusal changed storage"
        else:
            assert not must_refuse, f"{name} was read"
            counts["read"] += 1
            page.evaluate(f"() => Object.keys(localStorage).filter((k) => k.startsWith({json.dumps(PREFIX)}))"
                          ".forEach((k) => localStorage.removeItem(k))")
            page.reload()
            page.locator("[data-kk-ready]").wait_for()
    # The same file twice in a row gets a message both times (the input is cleared after each choice).
    deep = b'{"a": ' + b"[" * 10000 + b"]" * 10000 + b"}"
    for _ in range(2):
        page.locator(".kk-zs-feedback").evaluate("(node) => node.replaceChildren()")
        assert "dieper genest dan een zelfscan" in import_file(page, "diep", deep)
    assert errors == [] and not page.evaluate("window.__kkPwned")
    print(f"\n{len(files)} fuzzed imports: {counts['refused']} refused with a message, {counts['read']} read as valid, "
          "0 uncaught errors")
    assert counts["refused"] > len(files) * 0.6


def test_scan_list_fits_a_phone_with_every_action_in_view(page, base_url):
    """At 390 px the list of scans stacks per scan; no action button is cut off."""
    page.set_viewport_size({"width": 390, "height": 844})
    start_scan(page, base_url)
    open_app(page, base_url + "zelfscan/")
    page.get_by_role("button", name="Verwijder Zelfscan 2026").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    edges = page.evaluate("""() => [...document.querySelectorAll('.kk-zs-scans button')]
        .map(b => b.getBoundingClientRect().right)""")
    assert edges and max(edges) <= 390
    labels = page.evaluate("""() => [...document.querySelectorAll('.kk-zs-scans td')]
        .map(td => getComputedStyle(td, '::before').content)""")
    assert '"Naam: "' in labels and '"Acties: "' in labels


def catalog_files(page) -> set[str]:
    """The files of assets/catalog/ the page requested."""
    return {urlparse(u).path.rsplit("/", 1)[1] for u in page.requested_urls if "/assets/catalog/" in urlparse(u).path}


def test_a_scan_of_one_framework_loads_only_the_list_and_that_framework(page, base_url, criteria):
    """Issue 22: the page's weight does not grow with the catalogue. The scan of one framework
    downloads the framework list and that framework's file, no other framework and no
    site-wide criteria index, when it starts and when a stored scan resumes after a reload."""
    start_scan(page, base_url)
    assert catalog_files(page) == {"frameworks.json", f"{FRAMEWORK}.json"}
    first = criterion(page, criteria[0]["id"])
    first.get_by_role("radio", name="Voldoet niet", exact=True).check()
    first.get_by_label("Toelichting").fill("Nog te regelen")
    page.requested_urls.clear()
    page.reload()
    page.locator("[data-kk-ready]").wait_for()
    first = criterion(page, criteria[0]["id"])
    assert first.get_by_role("radio", name="Voldoet niet", exact=True).is_checked()
    assert first.get_by_label("Toelichting").input_value() == "Nog te regelen"
    assert page.get_by_text(f"1 van {len(criteria)} criteria beantwoord").is_visible()
    assert catalog_files(page) == {"frameworks.json", f"{FRAMEWORK}.json"}


def test_stored_scans_load_only_the_frameworks_their_checks_need(page, base_url, criteria, index):
    """The list of scans checks a stored scan of chosen criteria against their framework (does any
    of them still exist?); a scan of a whole framework needs only the framework list."""
    other = next(f for f in index["frameworks"] if f["id"] != FRAMEWORK)
    chosen = [cid for cid, (framework, _) in index["criteria"].items() if framework == other["id"]][:2]
    by_criteria = {**valid_scan(criteria, "zs-test-criteria"), "name": "Gekozen criteria", "answers": {}, "plan": {},
                   "scope": {"kind": "criteria", "ids": chosen}, "framework_versions": {other["id"]: other["version"]}}
    del by_criteria["resume"]
    whole = {**valid_scan(criteria, "zs-test-whole"), "name": "Heel kader"}
    page.goto(base_url + "zelfscan/")
    for scan in (by_criteria, whole):
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [PREFIX + scan["id"], json.dumps(scan)])
    page.requested_urls.clear()
    open_app(page, base_url + "zelfscan/")
    listed = page.locator(".kk-zs-view").inner_text()
    assert "Gekozen criteria" in listed and "Heel kader" in listed
    assert catalog_files(page) == {"frameworks.json", f"{other['id']}.json"}
