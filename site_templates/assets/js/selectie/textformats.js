// Plain-text, Markdown and CSV versions of the selection, all written from
// the export model (model.js).
import { sourceSentence, withPeriod } from "../lib/citation.js";
import { csvText } from "../lib/csv.js";
import { citationText, evidenceRowText, itemText, separateTitle } from "./model.js";

function textItems(items, depth = 0, bullet = "-") {
  return (items || []).flatMap((item) =>
    [`${"  ".repeat(depth)}${bullet} ${itemText(item)}`, ...textItems(item.items, depth + 1, bullet)]);
}

export function selectionText(model) {
  const lines = [model.title, "", model.dateNote, model.authorityNote, ...model.warnings];
  for (const group of model.groups) {
    lines.push("", "", group.title.toUpperCase(), "");
    for (const { record, citation, note } of group.entries) {
      const title = separateTitle(record);
      lines.push("", citation.heading);
      if (title) lines.push(title);
      lines.push(record.text, ...textItems(record.items));
      if (record.closing) lines.push(record.closing);
      lines.push(citationText(citation));
      if (note.trim()) lines.push(`Notitie: ${note}`);
    }
  }
  if (model.evidence.length > 0) {
    lines.push("", "", "BEWIJSLIJST");
    for (const { entry, rows } of model.evidence) {
      lines.push("", entry.citation.heading);
      for (const row of rows) lines.push(`- ${evidenceRowText(row)}`, ...textItems(row.evidence.items, 1));
    }
  }
  lines.push("", "", "BRONVERMELDING", "");
  for (const source of model.sources) {
    lines.push(`- ${source.title}, ${source.publisher}, ${withPeriod(source.year)} ${source.link}${source.warning ? ` ${source.warning}` : ""}`);
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

function markdownCitation(citation) {
  return `*${escapeMarkdown(sourceSentence(citation.text))}* <${citation.permalink}>`;
}

export function selectionMarkdown(model) {
  const lines = [`# ${escapeMarkdown(model.title)}`, "", `${escapeMarkdown(model.dateNote)} ${escapeMarkdown(model.authorityNote)}`];
  for (const warning of model.warnings) lines.push("", `**${escapeMarkdown(warning)}**`);
  for (const group of model.groups) {
    lines.push("", `## ${escapeMarkdown(group.title)}`);
    for (const { record, citation, note } of group.entries) {
      const title = separateTitle(record);
      lines.push("", `### ${escapeMarkdown(citation.heading)}`, "");
      if (title) lines.push(`**${escapeMarkdown(title)}**`, "");
      lines.push(escapeMarkdown(record.text), "");
      if (record.items.length > 0) lines.push(...markdownItems(record.items), "");
      if (record.closing) lines.push(escapeMarkdown(record.closing), "");
      lines.push(markdownCitation(citation));
      if (note.trim()) lines.push("", `**Notitie:** ${escapeMarkdown(note)}`);
    }
  }
  if (model.evidence.length > 0) {
    lines.push("", "## Bewijslijst");
    for (const { entry, rows } of model.evidence) {
      lines.push("", `**${escapeMarkdown(entry.citation.heading)}**`, "");
      for (const row of rows) lines.push(`- ${escapeMarkdown(evidenceRowText(row))}`, ...markdownItems(row.evidence.items, 1));
    }
  }
  lines.push("", "## Bronvermelding", "");
  for (const source of model.sources) {
    lines.push(`- ${escapeMarkdown(`${source.title}, ${source.publisher}, ${withPeriod(source.year)}`)} <${source.link}>`
      + (source.warning ? ` ${escapeMarkdown(source.warning)}` : ""));
  }
  return lines.join("\n") + "\n";
}

// "•", not "-": a CSV cell starting with "-" would be read as a formula
// (lib/csv.js would then have to mark it with an apostrophe).
function flatItems(items) {
  return textItems(items, 0, "•").join("\n");
}

/** The "Let op" cell: the authority note, and the framework's lifecycle warning if it has one. */
function letOp(model, citation) {
  return citation.warning ? `${model.authorityNote} ${citation.warning}` : model.authorityNote;
}

export function selectionCsv(model) {
  const rows = [["Kader", "Uitgever", "Jaar", "Vindplaats", "Bronvermelding", "ID", "Titel", "Tekst", "Onderdelen",
    "Slottekst", "Elementen", "Notitie", "Vaste link", "Gegevens van", "Let op"]];
  for (const { record, citation, note } of model.entries) {
    rows.push([citation.frameworkTitle, citation.publisher, citation.year, citation.locator, sourceSentence(citation.text),
      record.id, separateTitle(record) || "", record.text, flatItems(record.items), record.closing || "",
      record.elements.join(", "), note, citation.permalink, model.buildDate, letOp(model, citation)]);
  }
  return csvText(rows);
}

export function evidenceCsv(model) {
  const rows = [["Kader", "Vindplaats", "ID", "Soort", "Bewijs", "Ook bij", "Vaste link", "Gegevens van", "Let op"]];
  for (const { entry, rows: checklist } of model.evidence) {
    for (const row of checklist) {
      const text = [itemText(row.evidence), flatItems(row.evidence.items)].filter(Boolean).join("\n");
      const alsoFor = row.alsoFor.map((citation) => citation.heading).join("; ");
      rows.push([entry.citation.frameworkTitle, entry.citation.locator, entry.record.id, row.label, text, alsoFor,
        entry.citation.permalink, model.buildDate, letOp(model, entry.citation)]);
    }
  }
  return csvText(rows);
}
