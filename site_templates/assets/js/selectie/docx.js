// The tender annex as a Word document: the outline of annex-document.js
// written with lib/docx.js. Headings use Word's own heading styles, quoted
// text the Quote style, sub-items real list levels; the reference table
// stands on landscape pages with its header row repeated on each page.
import { escapeXml, listParagraphs, paragraph, run, sectionBreak, table, TEXT_WIDTH, wordDocument } from "../lib/docx.js";
import { annexBlocks } from "./annex-document.js";
import { itemText, separateTitle } from "./model.js";

export { escapeXml };

/** A criterion's verbatim text as paragraphs: separate title, text, items, closing text. */
export function criterionParagraphs(record, { style = null } = {}) {
  const title = separateTitle(record);
  return [
    ...(title ? [paragraph(run(title, { bold: true }), { style })] : []),
    paragraph(run(record.text), { style }),
    ...listParagraphs(record.items, itemText),
    ...(record.closing ? [paragraph(run(record.closing), { style })] : []),
  ];
}

function runs(parts, links) {
  return parts.map((part) => (part.link ? links.link(part.link) : run(part.text, part))).join("");
}

const STYLES = { title: "Title", quote: "Quote" };

function blockXml(block, links) {
  switch (block.kind) {
    case "title":
      return paragraph(runs(block.runs, links), { style: "Title" });
    case "heading":
      return paragraph(runs(block.runs, links), { style: `Heading${block.level}` });
    case "item":
      return paragraph(runs(block.runs, links), { style: "ListParagraph", listLevel: block.level });
    case "table": {
      const header = block.columns.map((column) => [paragraph(run(column, { bold: true }))]);
      const rows = block.rows.map((cells) => cells.map((cell) => [paragraph(runs(cell, links))]));
      return table([header, ...rows], { width: TEXT_WIDTH.landscape, widths: block.widths });
    }
    default:
      return paragraph(runs(block.runs, links), { style: STYLES[block.style] || null });
  }
}

function documentBody(model, links) {
  const body = [];
  const blocks = annexBlocks(model);
  blocks.forEach((block, position) => {
    const next = blocks[position + 1];
    // The reference table gets landscape pages of its own: a section ends
    // before its heading (portrait) and after the table (landscape).
    if (next && next.kind === "table") body.push(sectionBreak({ landscape: false }));
    body.push(blockXml(block, links));
    if (block.kind === "table") body.push(sectionBreak({ landscape: true }));
  });
  return body;
}

/** The .docx file as a Blob. */
export function selectionDocx(model) {
  return wordDocument({ title: model.title, body: (links) => documentBody(model, links) });
}
