"""The tender annex (issue 19): every export of a selection in state v2,
made in headless Chromium with the selection page's buttons, then opened as the reader's
software would (python-docx, openpyxl, ZIP + XML) and compared with the
catalogue the site serves.

The fixture is a v2 selection straight in localStorage (the documented
contract in selectie/store.js): three roles with weights, two own headings,
one own requirement, a criterion with indicators, one with nested sub-items
and one with a closing text."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from xml.etree import ElementTree

import docx
import pytest

STORAGE_KEY = "kk.selectie.v2"
INDICATORS = "jzp-o-01"  # JeugdzorgPlus: indicators ("Mogelijke indicatoren")
NESTED = "cpj-v-01"  # sub-items with their own sub-items
CLOSING = "bwmo-d-17"  # a closing text after the items
PLAIN = "mg-vei-09"
HOSTILE = '=HYPERLINK("http://x") <b>&</b>'

STATE = {"version": 2, "grouping": "eigen", "title": "Bijlage 3: kwaliteitseisen", "items": [
    {"kind": "heading", "key": "h-a1", "text": "Veiligheid en klachten"},
    {"kind": "criterion", "id": PLAIN, "note": "", "role": "eis", "weight": None, "moment": "inschrijving",
     "verification": "Kopie van het klachtenreglement", "explain": ""},
    {"kind": "criterion", "id": INDICATORS, "note": HOSTILE, "role": "gunningscriterium", "weight": 60,
     "moment": "looptijd", "verification": "", "explain": "Leg uit waarom niet"},
    {"kind": "heading", "key": "h-b2", "text": "Vakmanschap"},
    {"kind": "own", "key": "e-c3", "title": "Wachttijd", "text": f"De aanbieder start binnen twee weken.\n{HOSTILE}",
     "role": "gunningscriterium", "weight": 40, "moment": "contractering", "verification": "Wachtlijstoverzicht"},
    {"kind": "criterion", "id": NESTED, "note": "", "role": "contractbepaling", "weight": None, "moment": "",
     "verification": "", "explain": ""},
    {"kind": "criterion", "id": CLOSING, "note": "", "role": "", "weight": None, "moment": "", "verification": "",
     "explain": ""},
]}

BUTTONS = {"docx": "Download Word (.docx)", "xlsx": "Download Excel (.xlsx)", "odt": "Download ODF-tekst (.odt)",
           "ods": "Download ODF-rekenblad (.ods)", "csv": "Download CSV", "md": "Download Markdown"}


def exports(page, base_url, state, kinds, tmp_path):
    """Stores the state, opens the selection page and uses its export buttons: {kind: bytes or text}."""
    page.goto(base_url + "selectie/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, json.dumps(state)])
    page.reload()
    page.get_by_role("button", name=BUTTONS["docx"]).wait_for()
    out = {}
    for kind in kinds:
        if kind in ("txt", "html"):
            page.get_by_role("button", name="Kopieer (opgemaakt)").click()
            page.get_by_role("status").filter(has_text="Gekopieerd met opmaak").wait_for()
            out["html"], out["txt"] = page.evaluate("""async () => {
                const [item] = await navigator.clipboard.read();
                return [await (await item.getType('text/html')).text(), await (await item.getType('text/plain')).text()];
            }""")
            continue
        with page.expect_download() as info:
            page.get_by_role("button", name=BUTTONS[kind]).click()
        path = tmp_path / f"bijlage.{kind}"
        info.value.save_as(path)
        assert info.value.suggested_filename.endswith(f".{kind}")
        out[kind] = path.read_text(encoding="utf-8") if kind in ("csv", "md") else path.read_bytes()
    return out


def locator(catalog, criterion_id):
    text = catalog["records"][criterion_id]["citation"]["locator"]
    return text[0].upper() + text[1:]


def item_lines(items):
    """Sub-items as the site shows them: label, verbatim text, and its own "(ter informatie)" mark."""
    for item in items:
        text = f"{item['label']}. {item['text']}" if item.get("label") else item["text"]
        yield f"{text} (ter informatie)" if item.get("informative") else text
        yield from item_lines(item.get("items", []))


def body_blocks(document):
    """Paragraphs and tables in document order: ("p", style, text, list level) / ("table", rows)."""
    blocks = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            numbering = child.pPr.numPr if child.pPr is not None else None
            level = numbering.ilvl.val if numbering is not None else None
            blocks.append(("p", paragraph.style.name, paragraph.text, level))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            blocks.append(("table", [[cell.text for cell in row.cells] for row in table.rows], table))
    return blocks


def test_docx_annex_follows_the_own_structure_with_roles_quotes_and_reference_table(page, base_url, catalog, tmp_path):
    exports(page, base_url, STATE, ["docx"], tmp_path)
    path = tmp_path / "bijlage.docx"
    document = docx.Document(str(path))
    blocks = body_blocks(document)
    paragraphs = [b for b in blocks if b[0] == "p"]
    texts = [b[2] for b in paragraphs]
    headings = [(style, text) for _, style, text, _ in paragraphs if style.startswith("Heading") or style == "Title"]
    records = catalog["records"]
    assert headings == [
        ("Title", "Bijlage 3: kwaliteitseisen"),
        ("Heading 1", "1 Veiligheid en klachten"),
        ("Heading 2", f"1.1 {locator(catalog, PLAIN)}"),
        ("Heading 2", f"1.2 {locator(catalog, INDICATORS)}"),
        ("Heading 1", "2 Vakmanschap"),
        ("Heading 2", "2.1 Wachttijd"),
        ("Heading 2", f"2.2 {locator(catalog, NESTED)}"),
        ("Heading 2", f"2.3 {locator(catalog, CLOSING)}"),
        ("Heading 1", "Referentietabel"),
        ("Heading 1", "Bronvermelding"),
    ]
    # No internal ID and no framework name in any heading; with own headings the
    # framework is named once per criterion, in a plain line.
    for _, text in headings:
        assert not any(criterion_id in text for criterion_id in records)
        assert not any(f["short_title"] in text for f in catalog["index"]["frameworks"])
    for criterion_id in (PLAIN, INDICATORS, NESTED, CLOSING):
        framework_line = f"Kader: {catalog['frameworks'][records[criterion_id]['framework']]['title']}"
        assert texts.count(framework_line) == 1

    # Every quoted text equals the catalogue's text, in the quote style, with
    # sub-items as real list items at their nesting level.
    def after(heading):
        start = texts.index(heading)
        end = next(i for i in range(start + 1, len(paragraphs)) if paragraphs[i][1].startswith("Heading"))
        return paragraphs[start + 1:end]

    for number, criterion_id in (("1.1", PLAIN), ("1.2", INDICATORS), ("2.2", NESTED), ("2.3", CLOSING)):
        record = records[criterion_id]
        section = after(f"{number} {locator(catalog, criterion_id)}")
        quoted = [text for _, style, text, _ in section if style == "Quote"]
        expected = [*([record["title"]] if record["title"] and record["title"] != record["text"] else []), record["text"],
                    *([record["closing"]] if record["closing"] else [])]
        assert quoted == expected
        listed = [(text, level) for _, style, text, level in section if level is not None]
        assert [text for text, _ in listed][:len(list(item_lines(record["items"])))] == list(item_lines(record["items"]))
        citation = f"Bron: {record['citation']['text']}. {base_url}{record['url']}"
        assert citation in [text for _, _, text, _ in section]
        if criterion_id == NESTED:
            assert {level for _, level in listed} >= {0, 1}
        if criterion_id == INDICATORS:
            labels = [text for _, _, text, _ in section]
            at = labels.index("Mogelijke indicatoren")
            indicators = [e["text"] for e in record["evidence"] if e["kind"] == "indicator"]
            assert labels[at + 1:at + 1 + len(indicators)] == indicators
            assert labels.index(citation) > at  # under the criterion, before its source line
    assert not any(t.startswith("Mogelijk bewijs:") or t == "Bewijslijst" for t in texts)
    # Evidence the editors wrote (no source lines) is said to be theirs, never shown as a quote.
    editorial = records[PLAIN]["evidence"][0]
    assert editorial.get("editorial") is True
    plain_section = after(f"1.1 {locator(catalog, PLAIN)}")
    line = next(b for b in plain_section if b[2].startswith(editorial["text"]))
    assert (line[1], line[2]) == ("List Paragraph", f"{editorial['text']} (door de redactie)")
    assert not any(e.get("editorial") for e in records[INDICATORS]["evidence"])

    # Roles, weights, verification and own text, marked as the inkoper's.
    plain = after(f"1.1 {locator(catalog, PLAIN)}")
    assert [t for _, _, t, _ in plain][-2:] == ["Rol: Eis (minimumeis)",
                                                 "Verificatie (eigen tekst): Bij inschrijving – Kopie van het klachtenreglement"]
    indicator_lines = [t for _, _, t, _ in after(f"1.2 {locator(catalog, INDICATORS)}")]
    for line in ("Rol: Gunningscriterium, weging 60 %", "Verificatie: Tijdens de looptijd",
                 "Pas toe of leg uit (eigen tekst): Leg uit waarom niet", f"Notitie (eigen tekst): {HOSTILE}"):
        assert line in indicator_lines
    own = after("2.1 Wachttijd")
    assert [(style, text) for _, style, text, _ in own] == [
        ("Normal", "Eigen eis (tekst van de opdrachtgever)"),
        ("Normal", "De aanbieder start binnen twee weken."), ("Normal", HOSTILE),
        ("Normal", "Rol: Gunningscriterium, weging 40 %"),
        ("Normal", "Verificatie (eigen tekst): Bij contractering – Wachtlijstoverzicht")]
    assert "Contractbepaling" in " ".join(t for _, _, t, _ in after(f"2.2 {locator(catalog, NESTED)}"))
    assert not any("Let op: " in t and "weging" in t for t in texts)  # 60 + 40 = 100

    # The reference table: a real table, header row repeated on every page.
    tables = [b for b in blocks if b[0] == "table"]
    assert len(tables) == 1
    rows, table = tables[0][1], tables[0][2]
    assert rows[0] == ["Nr.", "Criterium", "Kader", "Rol", "Weging", "Verificatie", "Vaste link"]
    assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    short = lambda criterion_id: catalog["frameworks"][records[criterion_id]["framework"]]["short_title"]  # noqa: E731
    link = lambda criterion_id: f"{base_url}{records[criterion_id]['url']}"  # noqa: E731
    assert rows[1:] == [
        ["1.1", locator(catalog, PLAIN), short(PLAIN), "Eis (minimumeis)", "", "Bij inschrijving – Kopie van het klachtenreglement", link(PLAIN)],
        ["1.2", locator(catalog, INDICATORS), short(INDICATORS), "Gunningscriterium", "60 %", "Tijdens de looptijd", link(INDICATORS)],
        ["2.1", "Wachttijd", "Eigen eis", "Gunningscriterium", "40 %", "Bij contractering – Wachtlijstoverzicht", ""],
        ["2.2", locator(catalog, NESTED), short(NESTED), "Contractbepaling", "", "", link(NESTED)],
        ["2.3", locator(catalog, CLOSING), short(CLOSING), "", "", "", link(CLOSING)],
    ]

    # Bronvermelding: title, publisher, year (and version), the site page and
    # the original document with a plain label; no scraped link text.
    sources = texts[texts.index("Bronvermelding") + 1:]
    used = {records[i]["framework"] for i in (PLAIN, INDICATORS, NESTED, CLOSING)}
    for framework_id in used:
        framework = catalog["frameworks"][framework_id]
        line = next(t for t in sources if t.startswith(f"{framework['title']}, {framework['publisher']}, {framework['year']}"))
        assert line.endswith(f"Op deze site: {base_url}kaders/{framework_id}/")
        original = sources[sources.index(line) + 1]
        expected = (f"Origineel document: {framework['original']['url']}" if framework["original"].get("url")
                    else "Origineel document: geen openbare vindplaats bekend.")
        assert original == expected
    assert not any("Hier vindt u" in t for t in sources)


@pytest.mark.parametrize("grouping", ["framework", "element"])
def test_automatic_groups_name_the_framework_once(page, base_url, catalog, tmp_path, grouping):
    records = catalog["records"]
    items = [dict(item) for item in STATE["items"]]
    if grouping == "element":  # and award weights that do not add up: every export says so
        next(item for item in items if item.get("id") == INDICATORS)["weight"] = 50
    files = exports(page, base_url, {**STATE, "grouping": grouping, "title": "", "items": items}, ["docx", "md"], tmp_path)
    path = tmp_path / "bijlage.docx"
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]
    sections = [text for style, text in paragraphs if style == "Heading 1"]
    criteria = [PLAIN, INDICATORS, NESTED, CLOSING]
    if grouping == "framework":
        order = [f["id"] for f in catalog["index"]["frameworks"] if f["id"] in {records[i]["framework"] for i in criteria}]
        titles = [catalog["frameworks"][f]["title"] for f in order]
        assert not any(text.startswith("Kader: ") for _, text in paragraphs)  # the section says it
    else:
        labels = {e["id"]: e["label"] for e in catalog["index"]["elements"]}
        order = [e["id"] for e in catalog["index"]["elements"] if e["id"] in {records[i]["elements"][0] for i in criteria}]
        titles = [labels[e] for e in order]
        assert sum(text.startswith("Kader: ") for _, text in paragraphs) == len(criteria)
    # Own headings are not used; the own requirement goes last, in "Eigen eisen".
    assert sections == [f"{n} {t}" for n, t in enumerate([*titles, "Eigen eisen"], 1)] + ["Referentietabel", "Bronvermelding"]
    assert paragraphs[0] == ("Title", "Bijlage kwaliteitscriteria")
    assert "Veiligheid en klachten" not in [text for _, text in paragraphs]
    assert f"### {len(titles) + 1}.1 Wachttijd" in files["md"].splitlines()
    warning = "Let op: De wegingen tellen op tot 90 % in plaats van 100 %."
    texts = [text for _, text in paragraphs]
    assert (warning in texts, warning in files["md"].splitlines()) == ((grouping == "element",) * 2)


def test_text_formats_carry_the_same_content(page, base_url, catalog, tmp_path):
    files = exports(page, base_url, STATE, ["md", "csv", "html"], tmp_path)
    records = catalog["records"]
    text_lines = files["txt"].splitlines()
    md_lines = files["md"].splitlines()
    for heading in ("1.1 " + locator(catalog, PLAIN), "2.1 Wachttijd", "2.3 " + locator(catalog, CLOSING)):
        assert heading in text_lines
        assert f"### {heading}" in md_lines
    for lines, prefix in ((text_lines, ""), (md_lines, "**")):
        joined = "\n".join(lines)
        assert "Rol: Gunningscriterium, weging 60 %" in joined.replace("**", "")
        assert "Verificatie (eigen tekst): Bij contractering – Wachtlijstoverzicht" in joined.replace("**", "")
        assert "Eigen eis" in joined
    # Quotes are block quotes in Markdown; own text never is.
    assert f"> {records[INDICATORS]['text']}" in md_lines
    assert not any(line.startswith(">") and "twee weken" in line for line in md_lines)
    assert "## Referentietabel" in md_lines
    assert any(line.startswith("| 2.1 | Wachttijd | Eigen eis | Gunningscriterium | 40 % |") for line in md_lines)

    rows = list(csv.reader(io.StringIO(files["csv"].lstrip("\ufeff"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:7] == ["Nr.", "Criterium", "Kader", "Rol", "Weging (%)", "Verificatie", "Vaste link"]
    assert [row[0] for row in body] == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    assert [row[header.index("Weging (%)")] for row in body] == ["", "60", "40", "", ""]
    assert [row[header.index("Soort")] for row in body][2] == "Eigen eis"
    assert body[2][header.index("Tekst")] == f"De aanbieder start binnen twee weken.\n{HOSTILE}"
    assert body[1][header.index("Notitie (eigen tekst)")] == "'" + HOSTILE  # never a formula
    assert body[1][header.index("Tekst")] == records[INDICATORS]["text"]
    assert body[1][header.index("Indicatoren en bewijs (uit het kader)")].startswith("Mogelijke indicatoren:\n• ")
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]

    html = files["html"]
    assert "<th scope=\"col\">Weging</th>" in html
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html and "<b>" not in html


# ---- spreadsheets and OpenDocument -----------------------------------------------

ODF = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
       "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"}


def odf_parts(data: bytes, mime_type: str) -> dict[str, ElementTree.Element]:
    """Checks the package (mimetype first and stored, manifest complete) and parses every XML part."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        first = package.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert package.read("mimetype").decode("ascii") == mime_type
        parts = {name: ElementTree.fromstring(package.read(name)) for name in package.namelist() if name != "mimetype"}
    entries = {e.get(f"{{{ODF['manifest']}}}full-path"): e.get(f"{{{ODF['manifest']}}}media-type")
               for e in parts["META-INF/manifest.xml"]}
    assert entries == {"/": mime_type, "content.xml": "text/xml", "styles.xml": "text/xml", "meta.xml": "text/xml"}
    return parts


def odf_text(element) -> str:
    """An element's text as a reader sees it: line breaks as newlines."""
    pieces = [element.text or ""]
    for child in element:
        pieces.append("\n" if child.tag == f"{{{ODF['text']}}}line-break" else odf_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def ods_sheets(data: bytes) -> dict[str, list[list]]:
    content = odf_parts(data, "application/vnd.oasis.opendocument.spreadsheet")["content.xml"]
    sheets = {}
    for table in content.iter(f"{{{ODF['table']}}}table"):
        rows = []
        for row in table.iter(f"{{{ODF['table']}}}table-row"):
            cells = []
            for cell in row.findall("table:table-cell", ODF):
                assert cell.get(f"{{{ODF['table']}}}formula") is None  # never a formula
                kind = cell.get(f"{{{ODF['office']}}}value-type")
                if kind == "float":
                    cells.append(float(cell.get(f"{{{ODF['office']}}}value")))
                elif kind == "string":
                    cells.append("\n".join(odf_text(p) for p in cell.findall("text:p", ODF)))
                else:
                    cells.append(None)
            rows.append(cells)
        sheets[table.get(f"{{{ODF['table']}}}name")] = rows
    return sheets


def test_xlsx_and_ods_hold_the_reference_table_with_full_texts(page, base_url, catalog, tmp_path):
    import openpyxl
    files = exports(page, base_url, STATE, ["xlsx", "ods", "csv"], tmp_path)
    records = catalog["records"]
    workbook = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    assert workbook.sheetnames == ["Criteria", "Bronnen"]
    sheet = workbook["Criteria"]
    assert sheet.freeze_panes == "A2"
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    xlsx_rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = xlsx_rows[0]
    assert header[:7] == ["Nr.", "Criterium", "Kader", "Rol", "Weging (%)", "Verificatie", "Vaste link"]
    column = {name: position for position, name in enumerate(header)}
    body = xlsx_rows[1:]
    assert [row[0] for row in body] == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    assert [row[column["Weging (%)"]] for row in body] == [None, 60, 40, None, None]  # numbers, they add up
    assert [row[column["Rol"]] for row in body] == ["Eis (minimumeis)", "Gunningscriterium", "Gunningscriterium",
                                                   "Contractbepaling", None]
    assert [row[column["Kader"]] for row in body][2] == "Eigen eis"
    for row, criterion_id in zip([body[0], body[1], body[3], body[4]], (PLAIN, INDICATORS, NESTED, CLOSING)):
        record = records[criterion_id]
        assert row[column["Tekst"]] == record["text"]
        assert row[column["Vaste link"]] == f"{base_url}{record['url']}"
        assert row[column["Criterium"]] == locator(catalog, criterion_id)
    assert body[4][column["Slottekst"]] == records[CLOSING]["closing"]
    assert body[3][column["Onderdelen"]].split("\n") == [
        ("  " * depth) + "• " + text for depth, text in nested_lines(records[NESTED]["items"])]
    # The reader's hostile text is a text cell, exactly as typed.
    note = sheet.cell(row=3, column=column["Notitie (eigen tekst)"] + 1)
    assert (note.value, note.data_type) == (HOSTILE, "s")
    assert body[2][column["Tekst"]] == f"De aanbieder start binnen twee weken.\n{HOSTILE}"
    sources = [[cell.value for cell in row] for row in workbook["Bronnen"].iter_rows()]
    assert sources[0] == ["Kader", "Uitgever", "Jaar", "Versie", "Op deze site", "Origineel document", "Let op"]
    used = [f for f in catalog["index"]["frameworks"] if f["id"] in {records[i]["framework"] for i in (PLAIN, INDICATORS, NESTED, CLOSING)}]
    assert [row[0] for row in sources[1:]] == [f["title"] for f in used]

    # The .ods holds the same cells; the CSV the same rows.
    ods = ods_sheets(files["ods"])
    assert list(ods) == ["Criteria", "Bronnen"]
    assert ods["Criteria"] == [[None if v is None else (float(v) if isinstance(v, int) else v) for v in row]
                               for row in xlsx_rows]
    assert ods["Bronnen"] == [[None if v is None else v for v in row] for row in sources]
    rows = list(csv.reader(io.StringIO(files["csv"].lstrip("\ufeff"), newline=""), delimiter=";"))
    assert [row[:4] for row in rows] == [[v or "" for v in row[:4]] for row in xlsx_rows]


def nested_lines(items, depth=0):
    """(depth, text) of every sub-item, as item_lines shows them."""
    for item in items:
        yield depth, next(item_lines([{**item, "items": []}]))
        yield from nested_lines(item.get("items", []), depth + 1)


def test_odt_annex_reads_like_the_docx(page, base_url, catalog, tmp_path):
    files = exports(page, base_url, STATE, ["odt", "docx"], tmp_path)
    parts = odf_parts(files["odt"], "application/vnd.oasis.opendocument.text")
    body = parts["content.xml"].find("office:body/office:text", ODF)
    headings = [(int(h.get(f"{{{ODF['text']}}}outline-level")), odf_text(h)) for h in body.iter(f"{{{ODF['text']}}}h")]
    document = docx.Document(str(tmp_path / "bijlage.docx"))
    word_headings = [(int(p.style.name[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == word_headings
    title = next(p for p in body.iter(f"{{{ODF['text']}}}p") if p.get(f"{{{ODF['text']}}}style-name") == "Title")
    assert odf_text(title) == STATE["title"]
    quotes = [odf_text(p) for p in body.iter(f"{{{ODF['text']}}}p") if p.get(f"{{{ODF['text']}}}style-name") == "Quotations"]
    assert quotes == [p.text for p in document.paragraphs if p.style.name == "Quote"]
    records = catalog["records"]
    for criterion_id in (PLAIN, INDICATORS, NESTED, CLOSING):
        assert records[criterion_id]["text"] in quotes

    # Sub-items are nested lists: the nested criterion's second level sits in a list inside a list item.
    def list_texts(element, depth=0):
        for item in element.findall("text:list-item", ODF):
            for paragraph in item.findall("text:p", ODF):
                yield depth, odf_text(paragraph)
            for inner in item.findall("text:list", ODF):
                yield from list_texts(inner, depth + 1)

    listed = [entry for top in body.findall("text:list", ODF) for entry in list_texts(top)]
    expected = list(nested_lines(records[NESTED]["items"]))
    start = listed.index(expected[0])
    assert listed[start:start + len(expected)] == expected

    tables = list(body.iter(f"{{{ODF['table']}}}table"))
    assert len(tables) == 1
    header_rows = tables[0].find("table:table-header-rows", ODF)
    rows = [[odf_text(cell) for cell in row.findall("table:table-cell", ODF)]
            for row in tables[0].iter(f"{{{ODF['table']}}}table-row")]
    assert header_rows is not None and rows[0] == ["Nr.", "Criterium", "Kader", "Rol", "Weging", "Verificatie", "Vaste link"]
    assert rows == [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    links = [a.get("{http://www.w3.org/1999/xlink}href") for a in body.iter(f"{{{ODF['text']}}}a")]
    assert f"{base_url}{records[INDICATORS]['url']}" in links
    text = odf_text(body)
    assert "Eigen eis (tekst van de opdrachtgever)" in text and HOSTILE in text
