// The comparison as a Word document: landscape A4, per topic a heading, per
// row a heading and a table with one column per framework. Written with
// lib/docx.js and the selection's criterion paragraphs; loaded only when a
// .docx is asked for (it brings fflate).
import { citationOf, lifecycleWarning, sourceSentence, withPeriod } from "../lib/citation.js";
import { paragraph, run, table, TEXT_WIDTH, wordDocument } from "../lib/docx.js";
import { criterionParagraphs } from "../selectie/docx.js";
import { AUTHORITY_NOTE } from "../selectie/model.js";
import { criterionLocator, emptyCellText, frameworkFacts, onlyInText, RELATION_LABELS, rowTitle, TITLE } from "./export.js";

function choiceText(index, state) {
  const element = index.elements.find((e) => e.id === state.element);
  const topic = (index.topics || []).find((t) => t.id === state.topic);
  return `Element: ${element ? element.label : "alle elementen"}. Onderwerp: ${topic ? topic.label : "alle onderwerpen"}.`;
}

function introParagraphs(index, model, state) {
  return [
    paragraph(run(TITLE), { style: "Title" }),
    paragraph(run(`Kaders: ${model.frameworks.map((f) => `${f.title} (${frameworkFacts(f).join(", ")})`).join("; ")}.`)),
    paragraph(run(choiceText(index, state))),
    paragraph(run(`Samengesteld uit de gegevens van ${index.build_date} (Kwaliteitskaders sociaal domein). ${AUTHORITY_NOTE}`)),
    ...model.frameworks.map(lifecycleWarning).filter(Boolean).map((warning) => paragraph(run(`Let op: ${warning}`, { bold: true }))),
  ];
}

function cellParagraphs({ index, siteRoot }, row, position, links) {
  const entries = row.cells[position];
  if (entries.length === 0) {
    const others = row.kind === "group" ? row.elsewhere[position] : [];
    return [paragraph(run(emptyCellText(row, position), { italic: true })
      + others.map((record) => run(`${criterionLocator(index, siteRoot, record)} `) + links.link(citationOf(index, siteRoot, record).permalink)).join(run("; ")))];
  }
  return entries.flatMap(({ record, relation }) => {
    const citation = citationOf(index, siteRoot, record);
    return [
      paragraph(run(citation.locator, { bold: true }) + (relation ? run(` (${RELATION_LABELS[relation]})`, { italic: true }) : "")),
      ...criterionParagraphs(record),
      paragraph(run(`${sourceSentence(citation.text)} `, { italic: true }) + links.link(citation.permalink)),
    ];
  });
}

/** The comparison as a Word document (landscape, a table per row with a column per framework). */
export function comparisonDocx(context) {
  const { index, siteRoot, model, state } = context;
  return wordDocument({
    title: TITLE,
    landscape: true,
    body: (links) => {
      const body = introParagraphs(index, model, state);
      const header = model.frameworks.map((framework) => [paragraph(run(framework.short_title, { bold: true }))]);
      for (const section of model.sections) {
        body.push(paragraph(run(section.topic.label), { style: "Heading1" }));
        const only = onlyInText(model, section.presentIn);
        if (only) body.push(paragraph(run(only, { bold: true })));
        for (const row of section.rows) {
          body.push(paragraph(run(rowTitle(section, row)), { style: "Heading2" }));
          if (row.kind === "group" && row.group.note) body.push(paragraph(run(`Toelichting van de redactie: ${row.group.note}`, { italic: true })));
          const rowOnly = onlyInText(model, row.presentIn);
          if (rowOnly) body.push(paragraph(run(rowOnly, { bold: true })));
          const cells = model.frameworks.map((framework, position) => cellParagraphs(context, row, position, links));
          body.push(table([header, cells], { width: TEXT_WIDTH.landscape }), paragraph(""));
        }
      }
      body.push(paragraph(run("Bronvermelding"), { style: "Heading1" }));
      for (const framework of model.frameworks) {
        body.push(paragraph(run(`${framework.title}, ${framework.publisher}, ${withPeriod(framework.year)} `)
          + links.link(new URL(framework.url, siteRoot).href), { style: "ListParagraph", listLevel: 0 }));
      }
      body.push(paragraph(run(AUTHORITY_NOTE, { italic: true })));
      return body;
    },
  });
}

