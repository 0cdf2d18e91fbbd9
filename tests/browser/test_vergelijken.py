"""The compare view (/vergelijken/) in headless Chromium: columns and topic
alignment computed from the catalogue JSON the site serves, comparable-group
rows, URL state over reload and back/forward, selecting from the view, the
phone layout, keyboard use, accessibility and requests, and the exports."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from urllib.parse import parse_qs, urlparse

import docx

from tests.browser.conftest import run_axe

# Four frameworks; Midden-Groningen prints no numbers, so its headings are located by section.
FRAMEWORKS = ["vng-beschermd-wonen-mo-2016", "jij-kader-2021", "kwaliteitslabel-sociaal-werk-2019", "midden-groningen-wmo"]
STORAGE_KEY = "kk.selectie.v2"


def catalogue_order(catalog, ids):
    return [f["id"] for f in catalog["index"]["frameworks"] if f["id"] in ids]


def expected_sections(catalog, framework_ids, element=""):
    """{topic id or "": {framework id: {criterion ids}}} straight from the catalogue JSON."""
    topics = [t["id"] for t in catalog["index"]["topics"]]
    sections: dict[str, dict[str, set[str]]] = {}
    for record in catalog["records"].values():
        if record["framework"] not in framework_ids or (element and element not in record["elements"]):
            continue
        own = [t for t in record["tags"] if t in topics] or [""]
        for topic in own:
            sections.setdefault(topic, {}).setdefault(record["framework"], set()).add(record["id"])
    return sections


def shown_sections(page):
    """The same shape, read from the page."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.kk-cmp-topic')].map((section) => {
        const columns = {};
        for (const cell of section.querySelectorAll('.kk-cmp-cell')) {
            const ids = [...cell.querySelectorAll('.kk-cmp-criterion')].map((c) => c.dataset.criterionId);
            columns[cell.dataset.framework] = (columns[cell.dataset.framework] || []).concat(ids);
        }
        return [section.dataset.topic, columns];
    }))""")


def open_view(page, base_url, query):
    page.goto(base_url + "vergelijken/" + query)
    page.locator(".kk-cmp-status").filter(has_text=re.compile(r"\d")).wait_for()


def query_of(page):
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def assert_sections_match(page, catalog, framework_ids, element=""):
    expected = expected_sections(catalog, framework_ids, element)
    shown = shown_sections(page)
    assert set(shown) == set(expected)
    for topic, columns in shown.items():
        assert set(columns) == set(framework_ids), topic  # every row has a cell per chosen framework
        for framework_id in framework_ids:
            assert set(columns[framework_id]) == expected[topic].get(framework_id, set()), (topic, framework_id)


def test_columns_alignment_and_url_state(page, base_url, catalog):
    chosen = catalogue_order(catalog, FRAMEWORKS)
    open_view(page, base_url, "?kaders=" + ",".join(reversed(FRAMEWORKS)))
    assert query_of(page)["kaders"] == ",".join(chosen)  # normalised to catalogue order

    heads = page.locator(".kk-cmp-head")
    assert heads.evaluate_all("hs => hs.map(h => h.dataset.framework)") == chosen
    for position, framework_id in enumerate(chosen):
        framework = catalog["frameworks"][framework_id]
        facts = heads.nth(position).inner_text()
        assert framework["title"] in facts and f"Jaar: {framework['year']}" in facts
        assert f"Status: {framework['status_label']}" in facts
    assert_sections_match(page, catalog, chosen)

    # Topic order is the vocabulary's ("Zonder onderwerp", if any, last).
    order = page.locator(".kk-cmp-topic").evaluate_all("ss => ss.map(s => s.dataset.topic)")
    vocabulary = [t["id"] for t in catalog["index"]["topics"]] + [""]
    assert order == [t for t in vocabulary if t in order]

    # Empty cells say so in words; a row with one framework only is marked "Alleen in".
    for cell in page.locator(".kk-cmp-cell").all()[:400]:
        if cell.locator(".kk-cmp-criterion").count() == 0:
            assert cell.locator(".kk-cmp-empty").inner_text().strip()
        assert cell.locator(".kk-cmp-cell-label").inner_text().strip()
    expected = expected_sections(catalog, chosen)
    only_one = [topic for topic, columns in expected.items() if len(columns) == 1]
    assert only_one, "the fixture frameworks should have a topic only one of them covers"
    for topic in only_one:
        (framework_id,) = expected[topic]
        section = page.locator(f'.kk-cmp-topic[data-topic="{topic}"]')
        assert section.locator(":scope > .kk-cmp-only").inner_text().startswith(
            f"Alleen in {catalog['frameworks'][framework_id]['short_title']}")

    # Criteria show their reader-facing heading (never the raw ID), text, items and anchor link.
    for criterion in page.locator(".kk-cmp-criterion").all()[:60]:
        criterion_id = criterion.get_attribute("data-criterion-id")
        record = catalog["records"][criterion_id]
        link = criterion.locator(".kk-cmp-criterion-heading a")
        assert link.inner_text() == record["citation"]["locator"] and criterion_id not in link.inner_text()
        assert link.get_attribute("href") == base_url + record["url"]
        assert record["text"] in criterion.locator("blockquote").inner_text()
        assert criterion.locator(".kk-items > li").count() == len(record["items"])

    # Element filter: a history entry, survives reload, back/forward reproduce both states.
    page.get_by_label("Element").select_option("organisatie")
    page.wait_for_function("() => location.search.includes('element=organisatie')")
    page.locator(".kk-cmp-status").filter(has_text=re.compile(r"\d")).wait_for()
    assert_sections_match(page, catalog, chosen, "organisatie")
    page.reload()
    page.locator(".kk-cmp-topic").first.wait_for()
    assert page.get_by_label("Element").input_value() == "organisatie"
    assert_sections_match(page, catalog, chosen, "organisatie")
    page.go_back()
    page.wait_for_function("() => !location.search.includes('element=')")
    page.wait_for_function("() => document.querySelector('#kk-cmp-element').value === ''")
    assert_sections_match(page, catalog, chosen)
    page.go_forward()
    page.wait_for_function("() => document.querySelector('#kk-cmp-element').value === 'organisatie'")
    assert_sections_match(page, catalog, chosen, "organisatie")


def test_topic_choice_and_limits(page, base_url, catalog):
    topic = "klachten"
    chosen = catalogue_order(catalog, FRAMEWORKS[:2])
    open_view(page, base_url, f"?kaders={','.join(chosen)}&onderwerp={topic}&element=onzin")
    assert query_of(page) == {"kaders": ",".join(chosen), "onderwerp": topic}  # unknown element dropped
    shown = shown_sections(page)
    assert list(shown) == [topic]
    expected = expected_sections(catalog, chosen)[topic]
    for framework_id in chosen:
        assert set(shown[topic][framework_id]) == expected.get(framework_id, set())

    # At four frameworks the other boxes are disabled and the hint says why.
    for framework_id in FRAMEWORKS:
        box = page.locator(f"#kk-cmp-kader-{framework_id}")
        if not box.is_checked():
            box.check()
    others = [f["id"] for f in catalog["index"]["frameworks"] if f["id"] not in FRAMEWORKS]
    assert page.locator(f"#kk-cmp-kader-{others[0]}").is_disabled()
    assert "maximum" in page.locator(".kk-cmp-hint").inner_text()
    # Fewer than two: the view explains instead of comparing.
    for framework_id in FRAMEWORKS[1:]:
        page.locator(f"#kk-cmp-kader-{framework_id}").uncheck()
    assert "ten minste 2 kaders" in page.locator(".kk-cmp-empty-state").inner_text()
    assert page.locator(".kk-cmp-topic").count() == 0


def expected_group_rows(catalog, framework_ids):
    """{(topic, group id): {framework id: [member ids]}} from the catalogue's comparable groups."""
    topics = [t["id"] for t in catalog["index"]["topics"]]
    rows = {}
    for group in catalog["index"]["comparable"]:
        members = [catalog["records"][m["id"]] for m in group["members"]]
        members = [r for r in members if r["framework"] in framework_ids]
        if len({r["framework"] for r in members}) < 2:
            continue  # compared only across chosen frameworks
        for record in members:
            for topic in [t for t in record["tags"] if t in topics] or [""]:
                rows.setdefault((topic, group["id"]), {}).setdefault(record["framework"], []).append(record["id"])
    return rows


def test_comparable_group_rows(page, base_url, catalog):
    """Every group row, computed from the real comparable groups: members in their columns with their relation,
    and an empty cell either points to the framework's member under another topic or says there is none."""
    groups = catalog["index"]["comparable"]
    widest = max(groups, key=lambda g: len({catalog["records"][m["id"]]["framework"] for m in g["members"]}))
    chosen = catalogue_order(catalog, {catalog["records"][m["id"]]["framework"] for m in widest["members"]})[:4]
    open_view(page, base_url, "?kaders=" + ",".join(chosen))
    expected = expected_group_rows(catalog, chosen)
    shown = page.evaluate("""() => [...document.querySelectorAll('.kk-cmp-row[data-group]')].map((row) => ({
        topic: row.closest('.kk-cmp-topic').dataset.topic, group: row.dataset.group,
        heading: row.querySelector('h3').textContent,
        cells: [...row.querySelectorAll('.kk-cmp-cell')].map((cell) => ({
            framework: cell.dataset.framework,
            members: [...cell.querySelectorAll('.kk-cmp-criterion')].map((c) => [c.dataset.criterionId,
                c.querySelector('.kk-cmp-relation').textContent]),
            empty: (cell.querySelector('.kk-cmp-empty') || {}).textContent || '',
            links: [...cell.querySelectorAll('.kk-cmp-empty a')].map((a) => a.getAttribute('href')),
        })),
    }))""")
    assert {(row["topic"], row["group"]) for row in shown} == set(expected)
    assert len(shown) == len(expected)
    labels = {"equivalent": "Gelijkwaardig", "partial": "Deels overlappend"}
    groups_by_id = {g["id"]: g for g in groups}
    pointed = 0
    for row in shown:
        group = groups_by_id[row["group"]]
        relation = {m["id"]: m["relation"] for m in group["members"]}
        assert group["label"] in row["heading"]
        columns = expected[(row["topic"], row["group"])]
        for cell in row["cells"]:
            assert [m[0] for m in cell["members"]] == columns.get(cell["framework"], [])
            assert all(text == labels[relation[m]] for m, text in cell["members"])
            if cell["members"]:
                continue
            elsewhere = [catalog["records"][m]["url"] for m in relation
                         if catalog["records"][m]["framework"] == cell["framework"]]
            if elsewhere:
                pointed += 1
                assert "ander onderwerp" in cell["empty"]
                assert cell["links"] == [base_url + url for url in elsewhere]
            else:
                assert cell["empty"] == "Geen vergelijkbaar criterium in dit kader." and cell["links"] == []
    assert pointed > 0  # the chosen frameworks include members filed under different topics
    # Group members are not repeated in their section's other row; sections still hold exactly their criteria.
    for (topic, _), columns in expected.items():
        for ids in columns.values():
            for criterion_id in ids:
                other = page.locator(f'.kk-cmp-topic[data-topic="{topic}"] .kk-cmp-row--other [data-criterion-id="{criterion_id}"]')
                assert other.count() == 0
    assert_sections_match(page, catalog, chosen)


def test_select_keyboard_phone_accessibility_and_requests(page, base_url, catalog):
    chosen = catalogue_order(catalog, FRAMEWORKS[:2])
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(base_url + "vergelijken/")
    page.locator(".kk-cmp-empty-state").wait_for()
    # Keyboard only: Tab reaches the first framework box, Space ticks it.
    first_box = page.locator(f"#kk-cmp-kader-{catalog['index']['frameworks'][0]['id']}")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "kaders":
            break
    assert first_box.evaluate("b => b === document.activeElement")
    page.keyboard.press("Space")
    assert first_box.is_checked() and "kaders=" in page.url
    first_box.uncheck()

    open_view(page, base_url, "?kaders=" + ",".join(chosen))
    button = page.locator(".kk-cmp-criterion .kk-select").first
    criterion_id = button.get_attribute("data-select-criterion")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert [item["id"] for item in stored["items"]] == [criterion_id]
    assert page.locator(".kk-selection-link").inner_text() == "Selectie (1)"
    # A criterion shown twice (two topics) has both its buttons pressed.
    assert page.locator(f'.kk-select[data-select-criterion="{criterion_id}"][aria-pressed="false"]').count() == 0

    assert run_axe(page) == []
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")  # as Material's toggle does
    assert run_axe(page) == []

    # Phone: no sideways scroll; the cells of a row stack, each labelled with its framework.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row = page.locator(".kk-cmp-row").first
    lefts = row.locator(".kk-cmp-cell").evaluate_all("cs => cs.map(c => Math.round(c.getBoundingClientRect().left))")
    assert len(lefts) == 2 and lefts[0] == lefts[1]
    assert row.locator(".kk-cmp-cell-label").evaluate_all("ls => ls.map(l => l.textContent)") == [
        catalog["frameworks"][f]["short_title"] for f in chosen]

    origin = urlparse(base_url).netloc
    assert [u for u in page.requested_urls if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != origin] == []


def download(page, button_name, target):
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name).click()
    info.value.save_as(target)
    return target


def test_exports_docx_and_csv(page, base_url, catalog, tmp_path):
    chosen = catalogue_order(catalog, FRAMEWORKS[1:])
    open_view(page, base_url, "?kaders=" + ",".join(chosen) + "&element=organisatie")
    shown = shown_sections(page)
    topics = {t["id"]: t["label"] for t in catalog["index"]["topics"]}
    row_count = page.locator(".kk-cmp-row").count()
    placed = page.locator(".kk-cmp-criterion").count()  # criterion placements (a criterion may be in several rows)

    document = docx.Document(download(page, "Download als Word (.docx)", tmp_path / "vergelijking.docx"))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "Vergelijking kwaliteitskaders")
    assert "Element: Organisatie." in [text for _, text in paragraphs][2]
    assert [text for style, text in paragraphs if style == "Heading 1"] == [topics[t] for t in shown] + ["Bronvermelding"]
    assert len(document.tables) == row_count
    for table in document.tables:
        assert [cell.text for cell in table.rows[0].cells] == [catalog["frameworks"][f]["short_title"] for f in chosen]
        assert len(table.rows) == 2
    cell_texts = [cell.text for table in document.tables for cell in table.rows[1].cells]
    for topic, columns in shown.items():
        for framework_id, ids in columns.items():
            for criterion_id in ids:
                record = catalog["records"][criterion_id]
                assert any(record["text"] in text and f"Bron: {record['citation']['text']}." in text
                           and record["citation"]["locator"] in text for text in cell_texts), criterion_id
    assert not any(text.strip() == "" for text in cell_texts)  # empty cells say so in words
    with zipfile.ZipFile(tmp_path / "vergelijking.docx") as package:
        relations = package.read("word/_rels/document.xml.rels").decode("utf-8")
    for ids in shown[next(iter(shown))].values():
        for criterion_id in ids:
            assert f'Target="{base_url}{catalog["records"][criterion_id]["url"]}"' in relations

    raw = download(page, "Download als CSV", tmp_path / "vergelijking.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:8] == ["Onderwerp", "Rij", "Relatie", "Alleen in", "Kader", "Jaar", "Status", "Vindplaats"]
    column = {name: position for position, name in enumerate(header)}
    with_criterion = [row for row in body if row[column["ID"]]]
    assert len(with_criterion) == placed
    assert {(row[column["Onderwerp"]], row[column["ID"]]) for row in with_criterion} == {
        (topics[t], i) for t, columns in shown.items() for ids in columns.values() for i in ids}
    for row in with_criterion:
        record = catalog["records"][row[column["ID"]]]
        assert row[column["Tekst"]] in (record["text"], "'" + record["text"])
        assert row[column["Vindplaats"]] == record["citation"]["locator"]
        assert row[column["Bronvermelding"]] == f"Bron: {record['citation']['text']}."
        assert row[column["Vaste link"]] == base_url + record["url"]
    empty = [row for row in body if not row[column["ID"]]]
    assert empty and all(row[column["Tekst"]].startswith(("Geen", "Het vergelijkbare")) for row in empty)
    assert len(with_criterion) + len(empty) == row_count * len(chosen) + sum(
        max(0, n - 1) for n in page.locator(".kk-cmp-cell").evaluate_all(
            "cs => cs.map(c => c.querySelectorAll('.kk-cmp-criterion').length)"))
    assert not any(re.match(r"[=+\-@\t\r]", cell) for row in rows for cell in row)  # formula-safe
