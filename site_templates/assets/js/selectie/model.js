// One neutral description of the selection that every export format is
// written from, so the clipboard, .docx, CSV and Markdown say the same thing:
// groups (per framework or per element) of criteria with their citation and
// note, the frameworks cited, and the evidence checklist.
import { citationOf, citationText, lifecycleWarning } from "../lib/citation.js";
import { dutchDate } from "../lib/dates.js";

export { citationOf, citationText };

export const AUTHORITY_NOTE = "De criteria zijn letterlijk overgenomen; het originele document van elk kader blijft leidend.";
const NO_ELEMENT = { id: "", label: "Zonder element" };

/**
 * Groups entries ({record, ...}) by framework or by (first) element. Groups
 * follow the catalogue's order; inside a group the reader's order is kept.
 */
function groupEntries(index, entries, grouping) {
  const groups = grouping === "element"
    ? [...index.elements, NO_ELEMENT].map((element) => ({ key: element.id, title: element.label }))
    : index.frameworks.map((framework) => ({ key: framework.id, title: framework.title }));
  const byKey = new Map(groups.map((group) => [group.key, { ...group, entries: [] }]));
  for (const entry of entries) {
    const key = grouping === "element" ? (entry.record.elements[0] || NO_ELEMENT.id) : entry.record.framework;
    byKey.get(key).entries.push(entry);
  }
  return [...byKey.values()].filter((group) => group.entries.length > 0);
}

const EVIDENCE_LABELS = { verificatie: "Verificatie aanleveren" };

function evidenceLabel(kind) {
  return EVIDENCE_LABELS[kind] || "Mogelijk bewijs";
}

/**
 * The documents a provider would be asked for: every evidence suggestion of
 * the selected criteria, per criterion. An entry identical to one listed
 * under an earlier criterion is not repeated; that earlier row names the
 * other criteria it also serves (alsoFor).
 */
function evidenceChecklist(entries) {
  const rowsByKey = new Map();
  const perCriterion = [];
  for (const entry of entries) {
    const rows = [];
    for (const evidence of entry.record.evidence) {
      const key = JSON.stringify([evidence.kind === "verificatie", evidence.label || "", evidence.text, evidence.items || []]);
      const earlier = rowsByKey.get(key);
      if (earlier) {
        earlier.alsoFor.push(entry.citation);
        continue;
      }
      const row = { label: evidenceLabel(evidence.kind), evidence, alsoFor: [] };
      rowsByKey.set(key, row);
      rows.push(row);
    }
    if (rows.length > 0) perCriterion.push({ entry, rows });
  }
  return perCriterion;
}

/** Frameworks cited by the entries, in catalogue order, for the bronvermelding. */
function sourcesOf(index, siteRoot, entries) {
  const used = new Set(entries.map((entry) => entry.record.framework));
  return index.frameworks.filter((framework) => used.has(framework.id)).map((framework) => ({
    title: framework.title,
    publisher: framework.publisher,
    year: framework.year,
    link: new URL(framework.url, siteRoot).href,
    originals: framework.original && framework.original.url ? [framework.original] : [],
    warning: lifecycleWarning(framework),
  }));
}

/** "Let op" lines for the frameworks in the selection that are expired or superseded. */
function warningsOf(sources) {
  return sources.filter((source) => source.warning).map((source) => `Let op: ${source.warning}`);
}

/**
 * Everything an export needs. records: full criterion records in the
 * reader's order; notes: Map id -> note.
 */
export function buildExportModel({ index, siteRoot, records, notes, grouping }) {
  const entries = records.map((record) => ({
    record,
    citation: citationOf(index, siteRoot, record),
    note: notes.get(record.id) || "",
  }));
  const groups = groupEntries(index, entries, grouping);
  const ordered = groups.flatMap((group) => group.entries);
  const sources = sourcesOf(index, siteRoot, ordered);
  return {
    title: "Selectie kwaliteitscriteria",
    buildDate: index.build_date,
    dateNote: `Samengesteld uit de gegevens van ${dutchDate(index.build_date)} (Kwaliteitskaders sociaal domein).`,
    authorityNote: AUTHORITY_NOTE,
    groups,
    entries: ordered,
    evidence: evidenceChecklist(ordered),
    sources,
    warnings: warningsOf(sources),
  };
}

/** An item's text as shown: its label ("a."), verbatim text, and the site's "ter informatie" mark. */
export function itemText(item) {
  const text = item.label ? `${item.label}. ${item.text}` : item.text;
  return item.informative ? `${text} (ter informatie)` : text;
}

/** The criterion's title, when the source gives one that differs from its text. */
export function separateTitle(record) {
  return record.title && record.title !== record.text ? record.title : null;
}

/** " (ook bij kwaliteitseis 2.1 (Kader))" for a checklist row that several criteria share. */
function alsoForText(row) {
  if (row.alsoFor.length === 0) return "";
  return ` (ook bij ${row.alsoFor.map((citation) => citation.heading).join("; ")})`;
}

/** A checklist row as one line: "Verificatie aanleveren: <text>". */
export function evidenceRowText(row) {
  return `${row.label}: ${itemText(row.evidence)}${alsoForText(row)}`;
}
