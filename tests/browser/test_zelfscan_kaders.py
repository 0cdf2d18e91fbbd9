"""One self-scan over several frameworks (/zelfscan/?kaders=...) in headless
Chromium: comparable criteria are asked once, the answer reaches every member,
partly overlapping members need a confirmation, and the results and CSV per
framework are complete. The expected number of questions is computed here from
normsets/comparable.yaml with the rule documented in zelfscan/model.js
(sharedQuestions), never taken from the page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import run_axe
from tests.conftest import ROOT

# Twente and Midden-Groningen (Wmo) with Voorkomen seksueel misbruik (Jeugdwet):
# groups with equivalent and partial members, and criteria in two groups (twe-18).
FRAMEWORKS = ["twente-kwaliteit-2017", "midden-groningen-wmo", "voorkomen-seksueel-misbruik-2013"]
PREFIX = "kk.zelfscan.v1.scan."


def comparable_groups() -> list[dict]:
    return yaml.safe_load((ROOT / "normsets" / "comparable.yaml").read_text(encoding="utf-8"))["groups"]


def expected_questions(frameworks: list[str], catalog) -> dict:
    """Questions of a scan over these frameworks (no section switched off)."""
    order = [record_id for fid in frameworks for record_id in catalog["order"][fid]]
    position = {cid: i for i, cid in enumerate(order)}
    framework_of = {cid: catalog["records"][cid]["framework"] for cid in order}
    candidates = []
    for rank, group in enumerate(comparable_groups()):
        members = [m for m in group["members"] if m["id"] in position]
        if len(members) > 1:
            candidates.append((min(position[m["id"]] for m in members), rank, group, members))
    taken: dict[str, str] = {}
    shared = []
    for _, _, group, members in sorted(candidates, key=lambda entry: entry[:2]):
        free = sorted((m for m in members if m["id"] not in taken), key=lambda m: position[m["id"]])
        if len({framework_of[m["id"]] for m in free}) < 2 or not any(m["relation"] == "equivalent" for m in free):
            continue
        shared.append({"group": group["id"], "members": free})
        for member in free:
            taken[member["id"]] = group["id"]
    saved = len(taken) - len(shared)
    return {"criteria": len(order), "questions": len(order) - saved, "saved": saved, "shared": shared}


@pytest.fixture(scope="module")
def kaders_catalog(site_dir) -> dict:
    root = Path(site_dir) / "assets" / "catalog"
    records, order = {}, {}
    for fid in FRAMEWORKS:
        data = json.loads((root / f"{fid}.json").read_text(encoding="utf-8"))["criteria"]
        order[fid] = [record["id"] for record in data]
        records.update((record["id"], record) for record in data)
    return {"records": records, "order": order}


def stored_scan(page) -> dict:
    texts = page.evaluate(f"""() => Object.keys(localStorage).filter((k) => k.startsWith({json.dumps(PREFIX)}))
        .map((k) => localStorage.getItem(k))""")
    assert len(texts) == 1
    return json.loads(texts[0])


def start_multi_scan(page, base_url, name="Drie kaders"):
    """Through the setup: 'meerdere kaders', three checkboxes, start."""
    page.goto(base_url + "zelfscan/?view=nieuw")
    page.locator("[data-kk-ready]").wait_for()
    page.get_by_label("Naam van deze zelfscan").fill(name)
    page.get_by_role("radio", name="Meerdere kaders in één zelfscan").check()
    titles = {}
    for fid in FRAMEWORKS:
        box = page.locator(f'input[data-kader="{fid}"]')
        box.check()
        titles[fid] = page.locator(f'label[for="{box.get_attribute("id")}"]').inner_text()
    return titles


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_three_frameworks_ask_each_comparable_group_once(page, base_url, kaders_catalog):
    expected = expected_questions(FRAMEWORKS, kaders_catalog)
    assert expected["saved"] > 0 and len(expected["shared"]) > 1
    start_multi_scan(page, base_url)
    # The count follows each checked framework once its criteria have loaded: wait for the
    # count of all three, not for the first count shown.
    expect(page.locator(".kk-zs-savings")).to_contain_text(
        f"{expected['questions']} vragen in plaats van {expected['criteria']} criteria ({expected['saved']} bespaard)")
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name="Drie kaders").wait_for()
    scan = stored_scan(page)
    assert scan["scope"] == {"kind": "kaders", "frameworks": FRAMEWORKS}

    # Questions asked: one fieldset per single criterion or shared group.
    assert page.locator("fieldset.kk-zs-criterion").count() == expected["questions"]
    assert page.locator("fieldset.kk-zs-shared").count() == len(expected["shared"])
    assert page.get_by_text(f"0 van {expected['questions']} vragen beantwoord").is_visible()
    for question in expected["shared"]:
        shared = page.locator(f'fieldset[data-shared-group="{question["group"]}"]')
        assert [el.get_attribute("data-member-id") for el in shared.locator(".kk-zs-member").all()] == \
            [m["id"] for m in question["members"]]
        for member in shared.locator(".kk-zs-member").all():  # each framework's own wording, verbatim
            record = kaders_catalog["records"][member.get_attribute("data-member-id")]
            assert record["text"] in member.locator("blockquote").first.inner_text()
        assert shared.locator("legend .kk-editorial").first.inner_text() == \
            next(g["label"] for g in comparable_groups() if g["id"] == question["group"])
        for member in question["members"]:  # no member is asked again on its own
            assert page.locator(f'fieldset[data-criterion-id="{member["id"]}"]').count() == 0

    # A shared question with an equivalent and a partial member.
    question = next(q for q in expected["shared"] if {m["relation"] for m in q["members"]} == {"equivalent", "partial"})
    members = question["members"]
    partials = [m["id"] for m in members if m["relation"] == "partial"]
    fieldset = page.locator(f'fieldset[data-shared-group="{question["group"]}"]')
    fieldset.get_by_role("group", name="Gedeelde score").get_by_role("radio", name="Voldoet grotendeels").check()
    fieldset.get_by_label("Toelichting").fill("Eén antwoord voor alle kaders")
    fieldset.get_by_label("Bewijs: documentnamen of links, één per regel").fill("Klachtenregeling.pdf")
    scan = stored_scan(page)
    for member in members:
        answer = scan["answers"][member["id"]]
        assert answer["score"] == "grotendeels" and answer["toelichting"] == "Eén antwoord voor alle kaders"
        assert answer["evidence"] == ["Klachtenregeling.pdf"]
        assert answer["fingerprint"] == kaders_catalog["records"][member["id"]]["fingerprint"]
        assert answer["shared"] == {"group": question["group"], "confirmed": member["relation"] == "equivalent"}
    # Not done until every partial member is confirmed or scored on its own.
    assert page.get_by_text(f"0 van {expected['questions']} vragen beantwoord").is_visible()
    first = fieldset.locator(f'.kk-zs-confirm[data-member-id="{partials[0]}"]')
    assert first.get_by_role("status").inner_text() == "Nog niet bevestigd."
    first.get_by_role("button", name="Bevestigen voor").focus()  # keyboard: the button works with Space
    page.keyboard.press("Space")
    assert first.get_by_role("status").inner_text() == "Bevestigd."
    for other in partials[1:]:
        fieldset.locator(f'.kk-zs-confirm[data-member-id="{other}"]').get_by_role("radio", name="Voldoet niet").check()
    scan = stored_scan(page)
    assert scan["answers"][partials[0]]["shared"]["confirmed"] is True
    assert scan["answers"][partials[0]]["score"] == "grotendeels"
    for other in partials[1:]:
        assert scan["answers"][other]["score"] == "niet" and scan["answers"][other]["shared"]["confirmed"] is True
    assert page.get_by_text(f"1 van {expected['questions']} vragen beantwoord").is_visible()

    # A changed shared score has to be confirmed again by the partial members.
    fieldset.get_by_role("group", name="Gedeelde score").get_by_role("radio", name="Voldoet", exact=True).check()
    scan = stored_scan(page)
    assert all(scan["answers"][p]["shared"]["confirmed"] is False for p in partials)
    assert page.get_by_text(f"0 van {expected['questions']} vragen beantwoord").is_visible()

    # Results per framework; each CSV holds every criterion of its framework.
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    page.get_by_role("heading", name="Verbeterplan").wait_for()
    assert f"{expected['questions']} vragen in plaats van {expected['criteria']} criteria ({expected['saved']} bespaard)" \
        in page.locator(".kk-zs-saved-questions").inner_text()
    switch = page.get_by_role("navigation", name="Resultaten per kader")
    for fid in FRAMEWORKS:
        record_ids = kaders_catalog["order"][fid]
        switch.get_by_role("link").nth(FRAMEWORKS.index(fid) + 1).click()
        page.get_by_role("heading", name="Verbeterplan").wait_for()
        assert page.url.endswith(f"&kader={fid}")
        with page.expect_download() as info:
            page.get_by_role("button", name="CSV van").click()
        assert fid in info.value.suggested_filename
        text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        column = rows[0].index("ID")  # the internal ID is the last column, data only
        assert sorted(row[column] for row in rows[1:] if row[column]) == sorted(record_ids), fid
        by_id = {row[column]: row for row in rows[1:]}
        for member in members:
            if member["id"] in record_ids:
                assert by_id[member["id"]][rows[0].index("Toelichting")] == "Eén antwoord voor alle kaders"
    assert overflow(page) <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_multi_scan_is_accessible_at_phone_and_desktop_width(page, base_url, kaders_catalog, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 390, "height": 800})
    start_multi_scan(page, base_url, name=f"Toegankelijk {scheme}")
    page.locator(".kk-zs-savings").filter(has_text="bespaard").wait_for()
    assert run_axe(page) == []
    assert overflow(page) <= 0
    page.get_by_role("button", name="Zelfscan starten").click()
    page.get_by_role("heading", level=2, name=f"Toegankelijk {scheme}").wait_for()
    first = page.locator("fieldset.kk-zs-shared").first
    first.get_by_role("group", name="Gedeelde score").get_by_role("radio", name="Voldoet niet").check()
    assert overflow(page) <= 0
    page.set_viewport_size({"width": 1366, "height": 900})
    assert run_axe(page) == []
    page.get_by_role("link", name="Resultaten en verbeterplan").click()
    page.get_by_role("heading", name="Verbeterplan").wait_for()
    page.get_by_role("navigation", name="Resultaten per kader").get_by_role("link").nth(1).click()
    page.get_by_role("heading", name="Verbeterplan").wait_for()
    assert page.locator('[aria-current="page"]').count() == 1
    page.mouse.move(0, 0)  # off the link just clicked: Material's hover colour is its own
    assert run_axe(page) == []
    page.set_viewport_size({"width": 390, "height": 800})
    assert overflow(page) <= 0


def test_start_from_the_selection_and_from_a_kaders_link(page, base_url, kaders_catalog):
    """?kaders= preselects the frameworks; the ?criteria= setup offers the same frameworks whole."""
    ids = [kaders_catalog["order"][fid][0] for fid in FRAMEWORKS]
    page.goto(base_url + f"zelfscan/?criteria={','.join(ids)}")
    page.locator("[data-kk-ready]").wait_for()
    page.get_by_role("link", name="Scan in plaats daarvan deze 3 kaders helemaal").click()
    page.locator(".kk-zs-savings").filter(has_text="bespaard").wait_for()
    assert page.get_by_role("radio", name="Meerdere kaders in één zelfscan").is_checked()
    checked = page.locator("input[data-kader]:checked").evaluate_all("els => els.map((e) => e.dataset.kader)")
    assert sorted(checked) == sorted(FRAMEWORKS)
    # One framework only is not a multi-framework scan.
    page.goto(base_url + f"zelfscan/?kaders={FRAMEWORKS[0]},onbekend-kader")
    page.locator("[data-kk-ready]").wait_for()
    assert page.get_by_text('Onbekend kader: "onbekend-kader"').is_visible()
    page.get_by_label("Naam van deze zelfscan").fill("Eén kader")
    page.get_by_role("button", name="Zelfscan starten").click()
    assert page.get_by_role("alert").filter(has_text="Kies twee of meer kaders.").is_visible()
    assert page.evaluate(f"Object.keys(localStorage).filter((k) => k.startsWith({json.dumps(PREFIX)})).length") == 0
