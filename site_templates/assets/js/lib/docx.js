// Word documents written in the browser: a minimal but complete OOXML
// package (document, styles with Title, Heading1-3 and Quote, bullet
// numbering, hyperlinks, tables with a repeated header row, section breaks),
// zipped with the vendored fflate. Every tool that writes a .docx builds its
// body from these pieces and hands it to wordDocument(); all XML is written
// here, every value through escapeXml.
import { strToU8, zipSync } from "../vendor/fflate.js";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const BULLET_LIST_ID = 1;

// Characters XML 1.0 does not allow at all (most C0 controls) are dropped;
// a pasted note could contain them and Word would refuse the file.
const NOT_ALLOWED_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(value) {
  return String(value).replace(NOT_ALLOWED_IN_XML, "").replace(/[&<>"']/g, (character) => XML_ESCAPES[character]);
}

/** A run of text; line breaks in the text become Word line breaks. */
export function run(text, { bold = false, italic = false, style = null } = {}) {
  const properties = (style ? `<w:rStyle w:val="${style}"/>` : "") + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "");
  const pieces = String(text).split(/\r?\n/).map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`);
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ""}${pieces.join("<w:br/>")}</w:r>`;
}

export function paragraph(content, { style = null, listLevel = null } = {}) {
  const numbering = listLevel === null ? ""
    : `<w:numPr><w:ilvl w:val="${listLevel}"/><w:numId w:val="${BULLET_LIST_ID}"/></w:numPr>`;
  const properties = (style ? `<w:pStyle w:val="${style}"/>` : "") + numbering;
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ""}${content}</w:p>`;
}

/** Collects the external links of the document; each needs a relationship. */
export class Links {
  constructor() {
    this.targets = [];
  }

  link(url) {
    this.targets.push(url);
    const id = `rIdLink${this.targets.length}`;
    return `<w:hyperlink r:id="${id}" w:history="1">${run(url, { style: "Hyperlink" })}</w:hyperlink>`;
  }

  relationships() {
    return this.targets.map((url, position) =>
      `<Relationship Id="rIdLink${position + 1}" Type="${REL_TYPE}/hyperlink" Target="${escapeXml(url)}" TargetMode="External"/>`);
  }
}

/** Bullet paragraphs for nested items; textOf(item) gives an item's line. */
export function listParagraphs(items, textOf, depth = 0) {
  return (items || []).flatMap((item) => [
    paragraph(run(textOf(item)), { style: "ListParagraph", listLevel: Math.min(depth, 4) }),
    ...listParagraphs(item.items, textOf, depth + 1),
  ]);
}

/**
 * A table over the full text width with borders; rows: arrays of cells,
 * each cell an array of paragraph XML strings. The first row repeats on
 * every page when header is true. widths: optional relative column widths.
 */
export function table(rows, { header = true, width = 9070, widths = null } = {}) {
  const columns = Math.max(...rows.map((row) => row.length));
  const shares = widths && widths.length === columns ? widths : Array(columns).fill(1);
  const total = shares.reduce((sum, share) => sum + share, 0);
  const columnWidths = shares.map((share) => Math.floor((width * share) / total));
  const border = (side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`;
  const borders = `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>`;
  const grid = `<w:tblGrid>${columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  const body = rows.map((cells, position) => {
    const rowProperties = header && position === 0 ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>";
    const xml = cells.map((paragraphs, column) => `<w:tc><w:tcPr><w:tcW w:w="${columnWidths[column]}" w:type="dxa"/></w:tcPr>`
      + `${paragraphs.length ? paragraphs.join("") : paragraph("")}</w:tc>`).join("");
    return `<w:tr>${rowProperties}${xml}</w:tr>`;
  }).join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/>${borders}<w:tblLayout w:type="fixed"/></w:tblPr>${grid}${body}</w:tbl>`;
}

// A4 with 2.5 cm margins: the width between the margins, in twips.
export const TEXT_WIDTH = { portrait: 9070, landscape: 14002 };

/**
 * Ends the current section (portrait or landscape as given): what follows
 * starts on a new page with the orientation of the next section break or of
 * the document itself.
 */
export function sectionBreak({ landscape = false } = {}) {
  return `<w:p><w:pPr>${sectionXml(landscape)}</w:pPr></w:p>`;
}

function sectionXml(landscape) {
  const size = landscape ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' : '<w:pgSz w:w="11906" w:h="16838"/>';
  return `<w:sectPr>${size}`
    + '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
}

function paragraphStyle(id, name, { size, bold = false, outline = null, spaceBefore = 0, indent = 0 }) {
  const paragraphProperties = (outline === null ? "" : `<w:keepNext/><w:outlineLvl w:val="${outline}"/>`)
    + `<w:spacing w:before="${spaceBefore}" w:after="120"/>` + (indent ? `<w:ind w:left="${indent}"/>` : "");
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>`
    + `<w:next w:val="Normal"/><w:qFormat/><w:pPr>${paragraphProperties}</w:pPr>`
    + `<w:rPr>${bold ? "<w:b/>" : ""}<w:sz w:val="${size}"/></w:rPr></w:style>`;
}

// Quoted source text: indented with a bar on the left, so it reads as a quote.
function quoteStyle() {
  return '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>'
    + '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="A0A0A0"/></w:pBdr>'
    + '<w:spacing w:after="80"/><w:ind w:left="360"/></w:pPr></w:style>';
}

// Style IDs and names are Word's built-in ones ("heading 1"), so Word shows
// them as its own headings (navigation pane, table of contents).
function stylesXml() {
  return `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}">`
    + '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
    + '<w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault>'
    + '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + paragraphStyle("Title", "Title", { size: 40, bold: true })
    + paragraphStyle("Heading1", "heading 1", { size: 32, bold: true, outline: 0, spaceBefore: 360 })
    + paragraphStyle("Heading2", "heading 2", { size: 26, bold: true, outline: 1, spaceBefore: 240 })
    + paragraphStyle("Heading3", "heading 3", { size: 23, bold: true, outline: 2, spaceBefore: 200 })
    + quoteStyle()
    + paragraphStyle("ListParagraph", "List Paragraph", { size: 22, indent: 720 })
    + '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
    + '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    + "</w:styles>";
}

function numberingXml() {
  const bullets = ["\u2022", "\u25E6", "\u25AA", "\u2022", "\u25E6"];
  const levels = bullets.map((bullet, level) =>
    `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${bullet}"/>`
    + `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`);
  return `${XML_DECLARATION}<w:numbering xmlns:w="${W_NS}">`
    + `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels.join("")}</w:abstractNum>`
    + `<w:num w:numId="${BULLET_LIST_ID}"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
}

function coreXml(model) {
  return `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`
    + ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    + ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${escapeXml(model.title)}</dc:title><dc:language>nl-NL</dc:language>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(new Date().toISOString().slice(0, 19))}Z</dcterms:created>`
    + "</cp:coreProperties>";
}

const CONTENT_TYPES = `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
  + '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
  + '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
  + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
  + "</Types>";

const PACKAGE_RELATIONSHIPS = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>`
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
  + "</Relationships>";

function documentRelationships(links) {
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + `<Relationship Id="rId1" Type="${REL_TYPE}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId2" Type="${REL_TYPE}/numbering" Target="numbering.xml"/>`
    + links.relationships().join("") + "</Relationships>";
}

/**
 * The .docx file as a Blob. body(links) returns the body's XML parts; it
 * gets the document's Links so it can add hyperlinks.
 */
export function wordDocument({ title, body, landscape = false }) {
  const links = new Links();
  const parts = body(links); // fills links, so it comes first
  const document = `${XML_DECLARATION}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`
    + `${parts.join("")}${sectionXml(landscape)}</w:body></w:document>`;
  const files = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": PACKAGE_RELATIONSHIPS,
    "docProps/core.xml": coreXml({ title }),
    "word/document.xml": document,
    "word/styles.xml": stylesXml(),
    "word/numbering.xml": numberingXml(),
    "word/_rels/document.xml.rels": documentRelationships(links),
  };
  const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([path, xml]) => [path, strToU8(xml)])));
  return new Blob([zipped], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
}
