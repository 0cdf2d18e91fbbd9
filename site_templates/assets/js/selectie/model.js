// The one neutral description of the tender annex that every export is
// written from (.docx, .odt, .xlsx, .ods, CSV, Markdown, clipboard), so they
// all say the same thing. Built from the selection state v2 (store.js; see
// the contract in the project's briefs):
//
//   buildAnnexModel({ index, siteRoot, selection, records }) -> model
//     selection: {version: 2, grouping, title, items: [Entry]}
//     records:   full criterion records (lib/catalog.js loadCriteria) of the
//                selected criteria, any order; entries without a record
//                (unknown or retired IDs) are left out.
//
// model = { title, buildDate, dateNote, authorityNote, ownTextNote, warnings,
//   weightProblem, grouping,
//   sections: [{ number: "1", title, editorial, entries: [Entry] }],
//   entries:  every entry in document order,
//   reference: { columns: [...], rows: [[cell, ...]] }   (the numbered table),
//   sources:  [{ title, publisher, year, version, link, original, warning }] }
// Entry (criterion) = { kind: "criterion", number: "1.2", heading, frameworkLine,
//   record, citation, evidence: [{label, entries}], role, roleLabel, weight,
//   weightText, moment, momentLabel, verification, verificationText, explain, note }
// Entry (own)       = { kind: "own", number, heading, key, title, text, role, ...same tender fields }
//
// buildExportModel() is the older entry point (records + notes + grouping);
// it builds the same model from a v1-shaped selection.
import { citationOf, citationText, lifecycleWarning } from "../lib/citation.js";
import { dutchDate } from "../lib/dates.js";
import { momentLabel, roleLabel, weightProblem, WEIGHTED_ROLE } from "./roles.js";

export { citationOf, citationText };

export const AUTHORITY_NOTE = "De criteria zijn letterlijk overgenomen; het originele document van elk kader blijft leidend.";
export const OWN_REQUIREMENT = "Eigen eis";
export const OWN_TEXT = "eigen tekst";
export const OWN_TEXT_NOTE = "Eigen eisen en alles wat als eigen tekst is gemarkeerd (verificatie, toelichting, notitie) "
  + "is tekst van de opdrachtgever, geen citaat uit een kader.";
export const DEFAULT_TITLE = "Bijlage kwaliteitscriteria";
const OWN_GROUP = "Eigen eisen";
const LEADING_GROUP = "Algemeen"; // criteria before the inkoper's first own heading
const NO_ELEMENT = { id: "", label: "Zonder element" };

/** How the frameworks name their evidence suggestions (as on the self-scan). */
export const EVIDENCE_LABELS = {
  indicator: "Mogelijke indicatoren",
  verificatie: "Verificatie aanleveren",
  document: "Gevraagd bewijs",
};

/** Columns of the numbered reference table (every format uses these names). */
export const REFERENCE_COLUMNS = ["Nr.", "Criterium", "Kader", "Rol", "Weging", "Verificatie", "Vaste link"];

/** "25 %" (Dutch decimal comma), or "" when there is no weight. */
export function weightText(weight) {
  return typeof weight === "number" && Number.isFinite(weight) ? `${String(weight).replace(".", ",")} %` : "";
}

/** "Bij inschrijving – <text>", either part may be missing. */
export function verificationText(moment, text) {
  return [momentLabel(moment), String(text || "").trim()].filter(Boolean).join(" – ");
}

/** Capital first letter, for locators used as a heading ("kwaliteitseis 1" -> "Kwaliteitseis 1"). */
function capitalised(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function tenderFields(item) {
  const role = roleLabel(item.role) ? item.role : "";
  const weight = role === WEIGHTED_ROLE && typeof item.weight === "number" && Number.isFinite(item.weight) ? item.weight : null;
  const moment = momentLabel(item.moment) ? item.moment : "";
  const verification = typeof item.verification === "string" ? item.verification : "";
  return {
    role, roleLabel: roleLabel(role), weight, weightText: weightText(weight),
    moment, momentLabel: momentLabel(moment), verification,
    verificationText: verificationText(moment, verification),
  };
}

/** An evidence entry's line: its text, marked when the editors wrote it (it is then no quote). */
export function evidenceText(evidence) {
  return evidence.editorial ? `${itemText(evidence)} (door de redactie)` : itemText(evidence);
}

/** The criterion's evidence suggestions grouped by kind, in the order the framework gives them. */
function evidenceGroups(record) {
  const groups = [];
  for (const evidence of record.evidence || []) {
    const label = evidence.label || EVIDENCE_LABELS[evidence.kind] || "Bewijs";
    let group = groups.find((candidate) => candidate.label === label);
    if (!group) {
      group = { label, kind: evidence.kind, entries: [] };
      groups.push(group);
    }
    group.entries.push(evidence);
  }
  return groups;
}

function criterionEntry(index, siteRoot, item, record) {
  const citation = citationOf(index, siteRoot, record);
  return {
    kind: "criterion", id: record.id, key: record.id, record, citation,
    locator: capitalised(citation.locator),
    evidence: evidenceGroups(record),
    ...tenderFields(item),
    explain: typeof item.explain === "string" ? item.explain : "",
    note: typeof item.note === "string" ? item.note : "",
  };
}

function ownEntry(item) {
  return {
    kind: "own", key: item.key, title: String(item.title || "").trim(), text: String(item.text || ""),
    ...tenderFields(item), explain: "", note: "",
  };
}

/** Groups per framework or per (first) element in catalogue order; own requirements last. */
function automaticSections(index, entries, grouping) {
  const groups = grouping === "element"
    ? [...index.elements, NO_ELEMENT].map((element) => ({ key: element.id, title: element.label }))
    : index.frameworks.map((framework) => ({ key: framework.id, title: framework.title }));
  const byKey = new Map(groups.map((group) => [group.key, { title: group.title, editorial: false, entries: [] }]));
  const own = { title: OWN_GROUP, editorial: true, entries: [] };
  for (const entry of entries) {
    if (entry.kind === "own") {
      own.entries.push(entry);
      continue;
    }
    const key = grouping === "element" ? (entry.record.elements[0] || NO_ELEMENT.id) : entry.record.framework;
    (byKey.get(key) || byKey.get(NO_ELEMENT.id) || own).entries.push(entry);
  }
  return [...byKey.values(), own].filter((section) => section.entries.length > 0);
}

/** The inkoper's own order: each own heading starts a section. */
function ownSections(items, entryOf) {
  const sections = [];
  let current = null;
  for (const item of items) {
    if (item.kind === "heading") {
      current = { title: String(item.text || "").trim() || "Zonder titel", editorial: true, key: item.key, entries: [] };
      sections.push(current);
      continue;
    }
    const entry = entryOf(item);
    if (!entry) continue;
    if (!current) {
      current = { title: LEADING_GROUP, editorial: true, entries: [] };
      sections.push(current);
    }
    current.entries.push(entry);
  }
  return sections;
}

function numberSections(sections, grouping, index) {
  sections.forEach((section, sectionPosition) => {
    section.number = String(sectionPosition + 1);
    section.entries.forEach((entry, position) => {
      entry.number = `${section.number}.${position + 1}`;
      if (entry.kind === "own") {
        entry.heading = `${entry.number} ${entry.title || OWN_REQUIREMENT}`;
        return;
      }
      entry.heading = `${entry.number} ${entry.locator}`;
      // A framework section already names the framework; elsewhere it is said once, in a plain line.
      const framework = index.frameworks.find((candidate) => candidate.id === entry.record.framework);
      entry.frameworkLine = grouping === "framework" ? null : `Kader: ${framework.title}`;
    });
  });
}

function referenceRow(entry) {
  if (entry.kind === "own") {
    return [entry.number, entry.title || OWN_REQUIREMENT, OWN_REQUIREMENT, entry.roleLabel, entry.weightText,
      entry.verificationText, ""];
  }
  return [entry.number, entry.locator, entry.citation.frameworkShortTitle, entry.roleLabel, entry.weightText,
    entry.verificationText, entry.citation.permalink];
}

/** Frameworks cited by the entries, in catalogue order, for the bronvermelding. */
function sourcesOf(index, siteRoot, entries) {
  const used = new Set(entries.filter((entry) => entry.kind === "criterion").map((entry) => entry.record.framework));
  return index.frameworks.filter((framework) => used.has(framework.id)).map((framework) => ({
    title: framework.title,
    publisher: framework.publisher,
    year: framework.year,
    // The version only when it says more than the year ("2.0", "januari 2021").
    version: framework.version && framework.version !== framework.year ? framework.version : "",
    link: new URL(framework.url, siteRoot).href,
    original: framework.original && framework.original.url ? framework.original.url : "",
    warning: lifecycleWarning(framework),
  }));
}

/** The line for a source's original document, with a plain label. */
export function originalText(source) {
  return source.original ? `Origineel document: ${source.original}` : "Origineel document: geen openbare vindplaats bekend.";
}

/** "Titel, uitgever, jaar, versie 2.0." */
export function sourceText(source) {
  const parts = [source.title, source.publisher, source.year, ...(source.version ? [`versie ${source.version}`] : [])];
  const text = parts.filter(Boolean).join(", ");
  return text.endsWith(".") ? text : `${text}.`;
}

/** The verbatim text of an entry's sub-items as lines, indented two spaces per level. */
export function itemLines(items, bullet = "-", depth = 0) {
  return (items || []).flatMap((item) =>
    [`${"  ".repeat(depth)}${bullet} ${itemText(item)}`, ...itemLines(item.items, bullet, depth + 1)]);
}

/** The evidence under a criterion as lines: "Mogelijke indicatoren:" then "- <text>" per entry. */
export function evidenceLines(entry, bullet = "-") {
  return entry.kind === "own" ? [] : entry.evidence.flatMap((group) => [`${group.label}:`,
    ...group.entries.flatMap((evidence) => [`${bullet} ${evidenceText(evidence)}`, ...itemLines(evidence.items, bullet, 1)])]);
}

/**
 * The spreadsheet/CSV table: the reference table's columns, then the full
 * texts. Values are strings, except the weight (a number or null). Sub-items
 * are listed with "•", which a spreadsheet never reads as a formula.
 */
export function criteriaTable(model) {
  const columns = [...REFERENCE_COLUMNS.map((column) => (column === "Weging" ? "Weging (%)" : column)), "Soort", "Sectie",
    "Titel", "Tekst", "Onderdelen", "Slottekst", "Indicatoren en bewijs (uit het kader)", "Pas toe of leg uit (eigen tekst)",
    "Notitie (eigen tekst)", "Bronvermelding", "ID", "Gegevens van", "Let op"];
  const rows = [];
  for (const section of model.sections) {
    for (const entry of section.entries) {
      const [number, name, framework, role, , verification, link] = referenceRow(entry);
      const common = [number, name, framework, role, entry.weight, verification, link];
      if (entry.kind === "own") {
        rows.push([...common, OWN_REQUIREMENT, section.title, entry.title, entry.text, "", "", "", "", "", "",
          "", model.buildDate, ""]);
        continue;
      }
      const { record, citation } = entry;
      const letOp = citation.warning ? `${model.authorityNote} ${citation.warning}` : model.authorityNote;
      rows.push([...common, "Criterium uit kader", section.title, separateTitle(record) || "", record.text,
        itemLines(record.items, "•").join("\n"), record.closing || "", evidenceLines(entry, "•").join("\n"),
        entry.explain, entry.note, `Bron: ${citation.text}.`, record.id, model.buildDate, letOp]);
    }
  }
  return { columns, rows };
}

/** The sources as a table (sheet "Bronnen"). */
export function sourcesTable(model) {
  return {
    columns: ["Kader", "Uitgever", "Jaar", "Versie", "Op deze site", "Origineel document", "Let op"],
    rows: model.sources.map((source) => [source.title, source.publisher, source.year, source.version, source.link,
      source.original || "geen openbare vindplaats bekend", source.warning || ""]),
  };
}

/** The annex model from selection state v2; see the top of this file. */
export function buildAnnexModel({ index, siteRoot, selection, records }) {
  const byId = new Map(records.map((record) => [record.id, record]));
  const grouping = ["framework", "element", "eigen"].includes(selection.grouping) ? selection.grouping : "framework";
  const entryOf = (item) => {
    if (item.kind === "own") return ownEntry(item);
    if ((item.kind === "criterion" || item.kind === undefined) && byId.has(item.id)) {
      return criterionEntry(index, siteRoot, item, byId.get(item.id));
    }
    return null;
  };
  const items = selection.items || [];
  const sections = grouping === "eigen"
    ? ownSections(items, entryOf)
    : automaticSections(index, items.filter((item) => item.kind !== "heading").map(entryOf).filter(Boolean), grouping);
  numberSections(sections, grouping, index);
  const entries = sections.flatMap((section) => section.entries);
  const sources = sourcesOf(index, siteRoot, entries);
  const title = typeof selection.title === "string" && selection.title.trim() ? selection.title.trim() : DEFAULT_TITLE;
  return {
    title,
    titleIsOwn: title !== DEFAULT_TITLE,
    grouping,
    buildDate: index.build_date,
    dateNote: `Samengesteld uit de gegevens van ${dutchDate(index.build_date)} (Kwaliteitskaders sociaal domein).`,
    authorityNote: AUTHORITY_NOTE,
    ownTextNote: OWN_TEXT_NOTE,
    weightProblem: weightProblem(entries),
    sections,
    // The older view for the page: only the criteria, in their sections.
    groups: sections.map((section) => ({ ...section, entries: section.entries.filter((entry) => entry.kind === "criterion") }))
      .filter((section) => section.entries.length > 0),
    entries,
    criteria: entries.filter((entry) => entry.kind === "criterion"),
    evidence: evidenceChecklist(entries.filter((entry) => entry.kind === "criterion")),
    reference: { columns: REFERENCE_COLUMNS, rows: entries.map(referenceRow) },
    sources,
    warnings: sources.filter((source) => source.warning).map((source) => `Let op: ${source.warning}`),
  };
}

/**
 * The older entry point: records in the reader's order, notes: Map id ->
 * note, grouping "framework" | "element". Same model as buildAnnexModel.
 */
export function buildExportModel({ index, siteRoot, records, notes, grouping, selection = null }) {
  const state = selection || {
    version: 2, grouping, title: "",
    items: records.map((record) => ({ kind: "criterion", id: record.id, note: (notes && notes.get(record.id)) || "" })),
  };
  return buildAnnexModel({ index, siteRoot, selection: state, records });
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

/** The tender lines of an entry (role with weight, verification), as [label, text, own?] triples. */
export function tenderLines(entry) {
  const lines = [];
  if (entry.roleLabel) lines.push(["Rol", entry.weightText ? `${entry.roleLabel}, weging ${entry.weightText}` : entry.roleLabel, false]);
  if (entry.verificationText) lines.push(["Verificatie", entry.verificationText, Boolean(entry.verification.trim())]);
  if (entry.explain && entry.explain.trim()) lines.push(["Pas toe of leg uit", entry.explain, true]);
  if (entry.note && entry.note.trim()) lines.push(["Notitie", entry.note, true]);
  return lines;
}

/** "Verificatie (eigen tekst)" for a line that holds the inkoper's own words. */
export function tenderLabel([label, , own]) {
  return own ? `${label} (${OWN_TEXT})` : label;
}

// ---- The evidence checklist on the selection page ---------------------------
// (The exports show evidence under each criterion instead.)

function evidenceLabel(kind) {
  return kind === "verificatie" ? EVIDENCE_LABELS.verificatie : "Mogelijk bewijs";
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

/** " (ook bij kwaliteitseis 2.1 (Kader))" for a checklist row that several criteria share. */
function alsoForText(row) {
  if (row.alsoFor.length === 0) return "";
  return ` (ook bij ${row.alsoFor.map((citation) => citation.heading).join("; ")})`;
}

/** A checklist row as one line: "Verificatie aanleveren: <text>". */
export function evidenceRowText(row) {
  return `${row.label}: ${itemText(row.evidence)}${alsoForText(row)}`;
}
