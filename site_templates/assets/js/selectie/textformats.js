// Plain-text, Markdown and CSV versions of the tender annex, all written
// from the annex model (model.js): the same sections, numbered entries,
// roles, weights, verification and own text (marked) as the .docx.
import { sourceSentence } from "../lib/citation.js";
import { csvText } from "../lib/csv.js";
import {
  citationText, criteriaTable, evidenceLines, evidenceText, itemLines, itemText, OWN_REQUIREMENT, originalText,
  separateTitle, sourceText, tenderLabel, tenderLines,
} from "./model.js";

const OWN_MARK = `${OWN_REQUIREMENT} (tekst van de opdrachtgever)`;

/** The intro lines every text format starts with (after the title). */
function introLines(model) {
  return [`${model.dateNote} ${model.authorityNote}`, model.ownTextNote, ...model.warnings,
    ...(model.weightProblem ? [`Let op: ${model.weightProblem}`] : [])];
}

function textEntry(entry) {
  const lines = ["", entry.heading];
  if (entry.kind === "own") {
    lines.push(OWN_MARK, ...entry.text.split(/\r?\n/).filter((line) => line.trim()));
  } else {
    const { record } = entry;
    const title = separateTitle(record);
    if (entry.frameworkLine) lines.push(entry.frameworkLine);
    if (title) lines.push(title);
    lines.push(record.text, ...itemLines(record.items));
    if (record.closing) lines.push(record.closing);
    lines.push(...evidenceLines(entry), citationText(entry.citation));
  }
  for (const line of tenderLines(entry)) lines.push(`${tenderLabel(line)}: ${line[1]}`);
  return lines;
}

export function selectionText(model) {
  const lines = [model.title, "", ...introLines(model)];
  for (const section of model.sections) {
    lines.push("", "", `${section.number} ${section.title.toUpperCase()}`);
    for (const entry of section.entries) lines.push(...textEntry(entry));
  }
  if (model.reference.rows.length > 0) {
    lines.push("", "", "REFERENTIETABEL", "", model.reference.columns.join(" | "));
    for (const row of model.reference.rows) lines.push(row.map((cell) => cell || "–").join(" | "));
  }
  lines.push("", "", "BRONVERMELDING", "");
  for (const source of model.sources) {
    lines.push(`- ${sourceText(source)} Op deze site: ${source.link}${source.warning ? ` ${source.warning}` : ""}`,
      `  ${originalText(source)}`);
  }
  return lines.join("\n") + "\n";
}

// Backslash-escapes what Markdown would otherwise read as markup, so the
// verbatim texts render exactly as they are.
function escapeMarkdown(text) {
  return String(text)
    .replace(/[\\`*_[\]<>|#~]/g, "\\$&")
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, "$1\\$2$3")
    .replace(/\r?\n/g, "  \n");
}

function markdownItems(items, depth = 0) {
  return (items || []).flatMap((item) =>
    [`${"    ".repeat(depth)}- ${escapeMarkdown(itemText(item))}`, ...markdownItems(item.items, depth + 1)]);
}

/** Quoted text sits in a block quote; own text never does. */
function quoted(lines) {
  return lines.map((line) => (line ? `> ${line}` : ">"));
}

function markdownEntry(entry) {
  const lines = ["", `### ${escapeMarkdown(entry.heading)}`, ""];
  if (entry.kind === "own") {
    lines.push(`**${OWN_REQUIREMENT}** *(tekst van de opdrachtgever)*`, "");
    lines.push(...entry.text.split(/\r?\n/).filter((line) => line.trim()).map((line) => `${escapeMarkdown(line)}  `), "");
  } else {
    const { record, citation } = entry;
    if (entry.frameworkLine) lines.push(escapeMarkdown(entry.frameworkLine), "");
    const quote = [];
    const title = separateTitle(record);
    if (title) quote.push(`**${escapeMarkdown(title)}**`, "");
    quote.push(escapeMarkdown(record.text));
    if (record.items.length > 0) quote.push("", ...markdownItems(record.items));
    if (record.closing) quote.push("", escapeMarkdown(record.closing));
    lines.push(...quoted(quote), "");
    // Under the quote: the framework's indicators and evidence (an editors' line says so itself).
    for (const group of entry.evidence) {
      lines.push(`*${escapeMarkdown(group.label)}:*`, "");
      for (const evidence of group.entries) {
        lines.push(`- ${escapeMarkdown(evidenceText(evidence))}`, ...markdownItems(evidence.items, 1));
      }
      lines.push("");
    }
    lines.push(`*${escapeMarkdown(sourceSentence(citation.text))}* <${citation.permalink}>`, "");
  }
  for (const line of tenderLines(entry)) lines.push(`**${escapeMarkdown(tenderLabel(line))}:** ${escapeMarkdown(line[1])}  `);
  return lines;
}

export function selectionMarkdown(model) {
  const lines = [`# ${escapeMarkdown(model.title)}`, "", ...introLines(model).flatMap((line) => [escapeMarkdown(line), ""])];
  for (const section of model.sections) {
    lines.push("", `## ${escapeMarkdown(`${section.number} ${section.title}`)}`);
    for (const entry of section.entries) lines.push(...markdownEntry(entry));
  }
  if (model.reference.rows.length > 0) {
    const cells = (row) => `| ${row.map((cell) => escapeMarkdown(cell).replace(/ {2}\n/g, " ")).join(" | ")} |`;
    lines.push("", "## Referentietabel", "", cells(model.reference.columns),
      `|${model.reference.columns.map(() => " --- |").join("")}`, ...model.reference.rows.map(cells));
  }
  lines.push("", "## Bronvermelding", "");
  for (const source of model.sources) {
    lines.push(`- ${escapeMarkdown(sourceText(source))} Op deze site: <${source.link}>`
      + (source.warning ? ` ${escapeMarkdown(source.warning)}` : ""));
    lines.push(source.original ? `    - Origineel document: <${source.original}>` : `    - ${escapeMarkdown(originalText(source))}`);
  }
  return lines.join("\n") + "\n";
}

/** A weight in a Dutch spreadsheet: "12,5". */
function csvValue(value) {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? String(value).replace(".", ",") : value;
}

export function selectionCsv(model) {
  const { columns, rows } = criteriaTable(model);
  return csvText([columns, ...rows.map((row) => row.map(csvValue))]);
}

/** The page's evidence checklist as CSV (one row per checklist line). */
export function evidenceCsv(model) {
  const letOp = (citation) => (citation.warning ? `${model.authorityNote} ${citation.warning}` : model.authorityNote);
  const rows = [["Kader", "Vindplaats", "ID", "Soort", "Bewijs", "Ook bij", "Vaste link", "Gegevens van", "Let op"]];
  for (const { entry, rows: checklist } of model.evidence) {
    for (const row of checklist) {
      const text = [itemText(row.evidence), ...itemLines(row.evidence.items, "•")].join("\n");
      const alsoFor = row.alsoFor.map((citation) => citation.heading).join("; ");
      rows.push([entry.citation.frameworkTitle, entry.citation.locator, entry.record.id, row.label, text, alsoFor,
        entry.citation.permalink, model.buildDate, letOp(entry.citation)]);
    }
  }
  return csvText(rows);
}
