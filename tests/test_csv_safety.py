"""Every CSV and XLSX data download is formula-safe: no cell starts with a
character a spreadsheet reads as the start of a formula, and no XLSX cell is
stored as a formula. (The selection and self-scan CSVs, written in the
browser, are tested in tests/browser/.)"""

from __future__ import annotations

import csv
import io

import openpyxl

from generator.model import build_catalog
from generator.project import ProjectPaths
from generator.render.exports import FORMULA_START, render_exports, spreadsheet_safe
from generator.validate import validate_project
from tests.conftest import ROOT


def test_spreadsheet_safe_guards_every_formula_start():
    for start in ["=", "+", "-", "@", "\t", "\r"]:
        assert spreadsheet_safe(f"{start}1+1") == f"'{start}1+1"
    for plain in ["", "1+1", "Tekst - met streepje", "'al veilig", "• onderdeel"]:
        assert spreadsheet_safe(plain) == plain


def test_data_downloads_have_no_formula_cells():
    raw, problems = validate_project(ProjectPaths(ROOT))
    assert problems == []
    files = render_exports(build_catalog(raw), ProjectPaths(ROOT), build_date="2026-01-02", site_url="")
    csv_files = [name for name in files if name.endswith(".csv")]
    assert len(csv_files) > 10
    cells = 0
    for name in csv_files:
        rows = list(csv.reader(io.StringIO(files[name].decode("utf-8-sig"), newline=""), delimiter=";"))
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA_START), f"{name}: {cell[:40]!r}"
                cells += 1
    assert cells > 10000
    # The items column lists sub-items with "•", which needs no guard, instead of "- ".
    combined = files["data/criteria.csv"].decode("utf-8-sig")
    assert "\n• " in combined or ";\"• " in combined
    workbook = openpyxl.load_workbook(io.BytesIO(files["data/criteria.xlsx"]))
    assert not [cell.coordinate for row in workbook["Criteria"].iter_rows() for cell in row if cell.data_type == "f"]


def test_xlsx_writer_keeps_every_cell_as_text():
    """render/xlsx.py writes the workbook itself: text that looks like a formula, markup, line breaks,
    a control character and Excel's own escape notation all stay text; the header is bold and frozen."""
    from generator.render import xlsx

    values = ["=1+1", "a < b & c", " lead\nnext", "x\x01y", "a_x0041_b", ""]
    rows = xlsx.rows_xml([["preamble"]]) + xlsx.rows_xml([["id", "tekst"]], bold=True) + xlsx.rows_xml([values])
    data = xlsx.workbook([("Criteria", rows, 2)], "2026-01-02")
    assert data == xlsx.workbook([("Criteria", rows, 2)], "2026-01-02")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Criteria"]
    assert sheet.freeze_panes == "A3" and sheet["A2"].font.b and not sheet["A3"].font.b
    row = [sheet.cell(3, column).value for column in range(1, 7)]
    # openpyxl does not decode the _xHHHH_ notation (Excel does), so the escaped forms show here.
    assert row == ["=1+1", "a < b & c", " lead\nnext", "x_x0001_y", "a_x005F_x0041_b", None]
    assert {cell.data_type for cell in sheet[3] if cell.value is not None} == {"s"}
