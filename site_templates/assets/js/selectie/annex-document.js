// The annex as a document outline: the blocks that the word-processor
// formats (.docx in docx.js, .odt in odf.js) turn into their own XML, so both
// files have the same headings, quotes, lists, table and sources.
//
// Block = { kind: "title" | "paragraph", runs, style?: "quote" }
//       | { kind: "heading", level: 1 | 2, runs }
//       | { kind: "item", level, runs }                 (a list item, level 0..4)
//       | { kind: "table", columns: [text], rows: [[runs]], widths: [share] }
// Run   = { text, bold?, italic?, link? }               (link: the URL, shown as the text)
import { sourceSentence } from "../lib/citation.js";
import { evidenceText, itemText, originalText, OWN_REQUIREMENT, separateTitle, sourceText, tenderLabel, tenderLines } from "./model.js";

const text = (value, style = {}) => ({ text: String(value), ...style });
const link = (url) => ({ text: url, link: url });
const paragraph = (...runs) => ({ kind: "paragraph", runs });
const quote = (...runs) => ({ kind: "paragraph", style: "quote", runs });

/** Nested items as list blocks. */
export function itemBlocks(items, level = 0) {
  return (items || []).flatMap((item) => [
    { kind: "item", level: Math.min(level, 4), runs: [text(itemText(item))] },
    ...itemBlocks(item.items, level + 1),
  ]);
}

function criterionBlocks(entry) {
  const { record, citation } = entry;
  const title = separateTitle(record);
  const blocks = [];
  if (entry.frameworkLine) blocks.push(paragraph(text(entry.frameworkLine)));
  if (title) blocks.push(quote(text(title, { bold: true })));
  blocks.push(quote(text(record.text)), ...itemBlocks(record.items));
  if (record.closing) blocks.push(quote(text(record.closing)));
  for (const group of entry.evidence) {
    blocks.push(paragraph(text(group.label, { bold: true })));
    for (const evidence of group.entries) {
      blocks.push({ kind: "item", level: 0, runs: [text(evidenceText(evidence))] }, ...itemBlocks(evidence.items, 1));
    }
  }
  blocks.push(paragraph(text(`${sourceSentence(citation.text)} `, { italic: true }), link(citation.permalink)));
  return blocks;
}

function ownBlocks(entry) {
  return [
    paragraph(text(`${OWN_REQUIREMENT} `, { bold: true }), text("(tekst van de opdrachtgever)", { italic: true })),
    ...entry.text.split(/\r?\n/).filter((line) => line.trim()).map((line) => paragraph(text(line))),
  ];
}

function referenceBlock(model) {
  const last = model.reference.columns.length - 1;
  return {
    kind: "table",
    columns: model.reference.columns,
    widths: [5, 16, 13, 12, 7, 22, 25],
    rows: model.reference.rows.map((row) => row.map((value, column) =>
      (column === last && value ? [link(value)] : [text(value)]))),
  };
}

/** The whole annex as blocks, in reading order. */
export function annexBlocks(model) {
  const blocks = [
    { kind: "title", runs: [text(model.title)] },
    paragraph(text(`${model.dateNote} ${model.authorityNote}`)),
    paragraph(text(model.ownTextNote, { italic: true })),
    ...model.warnings.map((warning) => paragraph(text(warning, { bold: true }))),
    ...(model.weightProblem ? [paragraph(text(`Let op: ${model.weightProblem}`, { bold: true }))] : []),
  ];
  for (const section of model.sections) {
    blocks.push({ kind: "heading", level: 1, runs: [text(`${section.number} ${section.title}`)] });
    for (const entry of section.entries) {
      blocks.push({ kind: "heading", level: 2, runs: [text(entry.heading)] },
        ...(entry.kind === "own" ? ownBlocks(entry) : criterionBlocks(entry)),
        ...tenderLines(entry).map((line) => paragraph(text(`${tenderLabel(line)}: `, { bold: true }), text(line[1]))));
    }
  }
  if (model.entries.length > 0) {
    blocks.push({ kind: "heading", level: 1, runs: [text("Referentietabel")] }, referenceBlock(model));
  }
  blocks.push({ kind: "heading", level: 1, runs: [text("Bronvermelding")] });
  for (const source of model.sources) {
    blocks.push({ kind: "item", level: 0, runs: [text(`${sourceText(source)} Op deze site: `), link(source.link),
      ...(source.warning ? [text(` ${source.warning}`, { bold: true })] : [])] });
    blocks.push({ kind: "item", level: 1, runs: source.original
      ? [text("Origineel document: "), link(source.original)]
      : [text(originalText(source))] });
  }
  blocks.push(paragraph(text(model.authorityNote, { italic: true })));
  return blocks;
}
