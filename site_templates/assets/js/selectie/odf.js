// The tender annex as OpenDocument: .odt (the annex document, from the
// outline in annex-document.js) and .ods (the same sheets as the .xlsx).
// Packaged by lib/odf.js; every value goes through escapeXml.
import { escapeXml, odfPackage } from "../lib/odf.js";
import { odsWorkbook } from "../lib/sheet.js";
import { annexBlocks } from "./annex-document.js";
import { annexSheets } from "./xlsx.js";

/** The .ods file as a Blob. */
export function selectionOds(model) {
  return odsWorkbook({ title: model.title, sheets: annexSheets(model) });
}

function textXml(value) {
  return String(value).split(/\r?\n/).map(escapeXml).join("<text:line-break/>");
}

function runsXml(runs) {
  return runs.map((part) => {
    if (part.link) return `<text:a xlink:type="simple" xlink:href="${escapeXml(part.link)}">${textXml(part.text)}</text:a>`;
    const style = part.bold ? "kkBold" : part.italic ? "kkItalic" : null;
    return style ? `<text:span text:style-name="${style}">${textXml(part.text)}</text:span>` : textXml(part.text);
  }).join("");
}

const PARAGRAPH_STYLES = { title: "Title", quote: "Quotations" };

function tableXml(block) {
  const total = block.widths.reduce((sum, share) => sum + share, 0);
  const columns = block.widths.map((share, column) => `<table:table-column table:style-name="kkRefCol${column}"/>`).join("");
  const cell = (content) => `<table:table-cell table:style-name="kkRefCell" office:value-type="string">${content}</table:table-cell>`;
  const header = block.columns.map((column) => cell(`<text:p text:style-name="kkTableHeading">${escapeXml(column)}</text:p>`));
  const rows = block.rows.map((cells) => `<table:table-row>${cells.map((runs) => cell(`<text:p>${runsXml(runs)}</text:p>`)).join("")}</table:table-row>`);
  const styles = block.widths.map((share, column) => `<style:style style:name="kkRefCol${column}" style:family="table-column">`
    + `<style:table-column-properties style:rel-column-width="${Math.round((share / total) * 65535)}*"/></style:style>`);
  return {
    styles: styles.join(""),
    xml: `<table:table table:name="Referentietabel" table:style-name="kkRefTable">${columns}`
      + `<table:table-header-rows><table:table-row>${header.join("")}</table:table-row></table:table-header-rows>`
      + `${rows.join("")}</table:table>`,
  };
}

/** Consecutive list items (with levels) as one nested text:list. */
function listXml(items) {
  const root = { children: [] };
  const path = [root]; // path[level] holds the list that an item of that level joins
  for (const item of items) {
    while (path.length <= item.level) {
      // A level was skipped: an empty item holds the deeper list.
      const holder = { runs: null, children: [] };
      path[path.length - 1].children.push(holder);
      path.push(holder);
    }
    path.length = item.level + 1;
    const node = { runs: item.runs, children: [] };
    path[item.level].children.push(node);
    path.push(node);
  }
  const list = (nodes, style) => `<text:list${style ? ` text:style-name="${style}"` : ""}>${nodes.map((node) => "<text:list-item>"
    + (node.runs ? `<text:p text:style-name="List_20_Paragraph">${runsXml(node.runs)}</text:p>` : "")
    + (node.children.length ? list(node.children, null) : "") + "</text:list-item>").join("")}</text:list>`;
  return list(root.children, "kkBullets");
}

function bodyXml(blocks) {
  const parts = [];
  let automatic = "";
  for (let position = 0; position < blocks.length; position += 1) {
    const block = blocks[position];
    if (block.kind === "item") {
      const items = [];
      while (position < blocks.length && blocks[position].kind === "item") items.push(blocks[position++]);
      position -= 1;
      parts.push(listXml(items));
    } else if (block.kind === "heading") {
      parts.push(`<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}">${runsXml(block.runs)}</text:h>`);
    } else if (block.kind === "table") {
      const table = tableXml(block);
      automatic += table.styles;
      parts.push(table.xml);
    } else {
      const style = block.kind === "title" ? "Title" : PARAGRAPH_STYLES[block.style] || "Standard";
      parts.push(`<text:p text:style-name="${style}">${runsXml(block.runs)}</text:p>`);
    }
  }
  return { automatic, body: parts.join("") };
}

function paragraphStyle(name, displayName, { size, bold = false, outline = 0, before = "0cm", indent = null, border = false }) {
  return `<style:style style:name="${name}" style:display-name="${displayName}" style:family="paragraph" style:parent-style-name="Standard"`
    + `${outline ? ` style:default-outline-level="${outline}"` : ""}>`
    + `<style:paragraph-properties fo:margin-top="${before}" fo:margin-bottom="0.2cm"${indent ? ` fo:margin-left="${indent}"` : ""}`
    + `${border ? ' fo:border-left="0.06cm solid #a0a0a0" fo:padding-left="0.25cm"' : ""}${outline ? ' fo:keep-with-next="always"' : ""}/>`
    + `<style:text-properties fo:font-size="${size}pt"${bold ? ' fo:font-weight="bold"' : ""}/></style:style>`;
}

const BULLETS = ["\u2022", "\u25E6", "\u25AA", "\u2022", "\u25E6"];

const ODT_STYLES = "<office:styles>"
  + '<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/>'
  + '<style:text-properties style:font-name="Calibri" fo:font-family="Calibri" fo:font-size="11pt" fo:language="nl" fo:country="NL"/></style:default-style>'
  + '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
  + paragraphStyle("Title", "Title", { size: 20, bold: true })
  + paragraphStyle("Heading_20_1", "Heading 1", { size: 16, bold: true, outline: 1, before: "0.6cm" })
  + paragraphStyle("Heading_20_2", "Heading 2", { size: 13, bold: true, outline: 2, before: "0.4cm" })
  + paragraphStyle("Quotations", "Quotations", { size: 11, indent: "0.6cm", border: true })
  + paragraphStyle("List_20_Paragraph", "List Paragraph", { size: 11 })
  + '<style:style style:name="kkTableHeading" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>'
  + '<text:list-style style:name="kkBullets">'
  + BULLETS.map((bullet, level) => `<text:list-level-style-bullet text:level="${level + 1}" text:bullet-char="${bullet}">`
    + '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
    + `<style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.6cm" fo:margin-left="${(0.6 * (level + 2)).toFixed(1)}cm"/>`
    + "</style:list-level-properties></text:list-level-style-bullet>").join("")
  + "</text:list-style></office:styles>"
  + '<office:automatic-styles><style:page-layout style:name="kkPage"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"'
  + ' fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout></office:automatic-styles>'
  + '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="kkPage"/></office:master-styles>';

/** The .odt file as a Blob. */
export function selectionOdt(model) {
  const { automatic, body } = bodyXml(annexBlocks(model));
  const content = "<office:automatic-styles>"
    + '<style:style style:name="kkBold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
    + '<style:style style:name="kkItalic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
    + '<style:style style:name="kkRefTable" style:family="table"><style:table-properties style:width="16cm" table:align="margins"/></style:style>'
    + '<style:style style:name="kkRefCell" style:family="table-cell"><style:table-cell-properties fo:border="0.03cm solid #999999" fo:padding="0.1cm"/></style:style>'
    + `${automatic}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body>`;
  return odfPackage("odt", { title: model.title, content, styles: ODT_STYLES });
}
