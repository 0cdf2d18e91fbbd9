// The selection as a Word document, written with lib/docx.js.
import { escapeXml, listParagraphs, paragraph, run, wordDocument } from "../lib/docx.js";
import { sourceSentence, withPeriod } from "../lib/citation.js";
import { evidenceRowText, itemText, separateTitle } from "./model.js";

export { escapeXml };

/** A criterion's verbatim text as paragraphs: separate title, text, items, closing text. */
export function criterionParagraphs(record) {
  const title = separateTitle(record);
  return [
    ...(title ? [paragraph(run(title, { bold: true }))] : []),
    paragraph(run(record.text)),
    ...listParagraphs(record.items, itemText),
    ...(record.closing ? [paragraph(run(record.closing))] : []),
  ];
}

function documentBody(model, links) {
  const body = [
    paragraph(run(model.title), { style: "Title" }),
    paragraph(run(`${model.dateNote} ${model.authorityNote}`)),
    ...model.warnings.map((warning) => paragraph(run(warning, { bold: true }))),
  ];
  for (const group of model.groups) {
    body.push(paragraph(run(group.title), { style: "Heading1" }));
    for (const { record, citation, note } of group.entries) {
      body.push(paragraph(run(citation.heading), { style: "Heading2" }), ...criterionParagraphs(record));
      body.push(paragraph(run(`${sourceSentence(citation.text)} `, { italic: true }) + links.link(citation.permalink)));
      if (note.trim()) body.push(paragraph(run("Notitie: ", { bold: true }) + run(note)));
    }
  }
  if (model.evidence.length > 0) {
    body.push(paragraph(run("Bewijslijst"), { style: "Heading1" }));
    for (const { entry, rows } of model.evidence) {
      body.push(paragraph(run(entry.citation.heading, { bold: true })));
      for (const row of rows) {
        body.push(paragraph(run(evidenceRowText(row)), { style: "ListParagraph", listLevel: 0 }),
          ...listParagraphs(row.evidence.items, itemText, 1));
      }
    }
  }
  body.push(paragraph(run("Bronvermelding"), { style: "Heading1" }));
  for (const source of model.sources) {
    body.push(paragraph(run(`${source.title}, ${source.publisher}, ${withPeriod(source.year)} `) + links.link(source.link)
      + (source.warning ? run(` ${source.warning}`, { bold: true }) : ""), { style: "ListParagraph", listLevel: 0 }));
    for (const original of source.originals) {
      body.push(paragraph(run(`Origineel document: ${original.label}: `) + links.link(original.url),
        { style: "ListParagraph", listLevel: 1 }));
    }
  }
  body.push(paragraph(run(model.authorityNote, { italic: true })));
  return body;
}

/** The .docx file as a Blob. */
export function selectionDocx(model) {
  return wordDocument({ title: model.title, body: (links) => documentBody(model, links) });
}
