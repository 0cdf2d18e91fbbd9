// Spreadsheets written in the browser: the same sheets as .xlsx (Office Open
// XML) or .ods (OpenDocument). sheets: [{name, columns: [header], widths:
// [characters], rows: [[cell]]}], a cell a string, a number or null.
//
// Formula safety: every string is a text cell (an inline string in .xlsx,
// office:value-type="string" in .ods), so nothing a reader typed is ever
// stored or read as a formula, whatever it starts with. Numbers are numbers.
import { strToU8, zipSync } from "../vendor/fflate.js";
import { escapeXml } from "./docx.js";
import { odfPackage } from "./odf.js";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const isNumber = (value) => typeof value === "number" && Number.isFinite(value);

/** "A", "B", ... "Z", "AA": the column letters of a cell reference. */
function columnName(position) {
  let name = "";
  for (let n = position + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Style 1: bold header; style 2: wrapped text, aligned to the top.
function xlsxCell(value, reference, header) {
  if (value === null || value === undefined || value === "") return "";
  if (isNumber(value)) return `<c r="${reference}" s="2"><v>${value}</v></c>`;
  return `<c r="${reference}" t="inlineStr" s="${header ? 1 : 2}"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function xlsxSheet(sheet) {
  const rows = [sheet.columns, ...sheet.rows].map((cells, rowPosition) => {
    const cellsXml = cells.map((value, column) => xlsxCell(value, `${columnName(column)}${rowPosition + 1}`, rowPosition === 0));
    return `<row r="${rowPosition + 1}">${cellsXml.join("")}</row>`;
  });
  const widths = (sheet.widths || []).map((width, column) =>
    `<col min="${column + 1}" max="${column + 1}" width="${width}" customWidth="1"/>`).join("");
  const last = `${columnName(sheet.columns.length - 1)}${sheet.rows.length + 1}`;
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    + `${widths ? `<cols>${widths}</cols>` : ""}<sheetData>${rows.join("")}</sheetData>`
    + `<autoFilter ref="A1:${last}"/></worksheet>`;
}

const XLSX_STYLES = `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">`
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The workbook as an .xlsx Blob. */
export function xlsxWorkbook({ title, sheets }) {
  const sheetEntries = sheets.map((sheet, position) =>
    `<sheet name="${escapeXml(sheet.name)}" sheetId="${position + 1}" r:id="rId${position + 1}"/>`);
  const filters = sheets.map((sheet, position) =>
    `<definedName name="_xlnm._FilterDatabase" localSheetId="${position}" hidden="1">`
    + `'${escapeXml(sheet.name)}'!$A$1:$${columnName(sheet.columns.length - 1)}$${sheet.rows.length + 1}</definedName>`);
  const files = {
    "[Content_Types].xml": `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + sheets.map((_, position) => `<Override PartName="/xl/worksheets/sheet${position + 1}.xml" `
        + 'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>').join("")
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      + "</Types>",
    "_rels/.rels": `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">`
      + `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>`
      + `<Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    "docProps/core.xml": `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`
      + ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
      + `${escapeXml(title)}</dc:title><dc:language>nl-NL</dc:language></cp:coreProperties>`,
    "xl/workbook.xml": `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetEntries.join("")}</sheets>`
      + `<definedNames>${filters.join("")}</definedNames></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">`
      + sheets.map((_, position) => `<Relationship Id="rId${position + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${position + 1}.xml"/>`).join("")
      + `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml": XLSX_STYLES,
    ...Object.fromEntries(sheets.map((sheet, position) => [`xl/worksheets/sheet${position + 1}.xml`, xlsxSheet(sheet)])),
  };
  const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([path, xml]) => [path, strToU8(xml)])));
  return new Blob([zipped], { type: XLSX_TYPE });
}

/** Text as ODF paragraphs: one text:p per line. */
export function odfParagraphs(text) {
  return String(text).split(/\r?\n/).map((line) => `<text:p>${escapeXml(line)}</text:p>`).join("");
}

function odsCell(value, header) {
  if (value === null || value === undefined || value === "") return "<table:table-cell/>";
  if (isNumber(value)) {
    return `<table:table-cell table:style-name="kkCell" office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  }
  return `<table:table-cell table:style-name="${header ? "kkHeader" : "kkCell"}" office:value-type="string">`
    + `${odfParagraphs(value)}</table:table-cell>`;
}

function odsTable(sheet, position) {
  const columns = sheet.columns.map((_, column) => `<table:table-column table:style-name="kkCol${position}-${column}"/>`).join("");
  const row = (cells, header) => `<table:table-row>${cells.map((value) => odsCell(value, header)).join("")}</table:table-row>`;
  return `<table:table table:name="${escapeXml(sheet.name)}">${columns}`
    + `<table:table-header-rows>${row(sheet.columns, true)}</table:table-header-rows>`
    + `${sheet.rows.map((cells) => row(cells, false)).join("")}</table:table>`;
}

/** The workbook as an .ods Blob. */
export function odsWorkbook({ title, sheets }) {
  // A column of width w characters: about 0.2 cm per character.
  const columnStyles = sheets.flatMap((sheet, position) => sheet.columns.map((_, column) =>
    `<style:style style:name="kkCol${position}-${column}" style:family="table-column">`
    + `<style:table-column-properties style:column-width="${(((sheet.widths || [])[column] || 12) * 0.2).toFixed(2)}cm"/></style:style>`));
  const content = `<office:automatic-styles>${columnStyles.join("")}`
    + '<style:style style:name="kkHeader" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>'
    + '<style:style style:name="kkCell" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:wrap-option="wrap"/></style:style>'
    + `</office:automatic-styles><office:body><office:spreadsheet>${sheets.map(odsTable).join("")}</office:spreadsheet></office:body>`;
  return odfPackage("ods", { title, content, styles: "<office:styles/>" });
}
