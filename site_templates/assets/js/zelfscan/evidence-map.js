// The evidence map: which item supports which criteria, per framework and
// overall, as CSV (for Excel) and as a section of the scan report. Criteria
// are named by their printed locator and citation (lib/citation.js), never by
// their internal ID.
import { h, tableWrap, download } from "./dom.js";
import { library } from "./evidence-store.js";
import { FLAG_LABELS, compareItems, flagOf, kindLabel } from "./evidence-model.js";
import { today } from "./model.js";
import { frameworkIdOf, loadFramework } from "../lib/catalog.js";
import { citationOf, citationText } from "../lib/citation.js";
import { csvText } from "../lib/csv.js";
import { dutchDate } from "../lib/dates.js";

export const NOT_LINKED = "Nog aan geen criterium gekoppeld";
export const UNKNOWN_CRITERION = "Criterium bestaat niet (meer) op deze site";

/**
 * Every (item, criterion) pair of the given items, in framework order and then
 * the criteria's source order: [{item, id, record, framework}]. A criterion ID
 * the site does not know has record and framework null; an item without
 * criteria gives one entry with id null.
 */
export async function mapEntries(app, items) {
  const frameworkIds = new Set();
  for (const item of items) {
    for (const id of item.criteria) if (frameworkIdOf(app.index, id)) frameworkIds.add(frameworkIdOf(app.index, id));
  }
  const order = app.index.frameworks.filter((framework) => frameworkIds.has(framework.id));
  const lists = await Promise.all(order.map((framework) => loadFramework(app.siteRoot, framework.id)));
  const position = new Map();
  const records = new Map();
  lists.forEach((list, f) => list.forEach((record, i) => {
    position.set(record.id, f * 100000 + i);
    records.set(record.id, record);
  }));
  const frameworks = new Map(order.map((framework) => [framework.id, framework]));
  const entries = [];
  for (const item of [...items].sort(compareItems)) {
    if (!item.criteria.length) entries.push({ item, id: null, record: null, framework: null });
    for (const id of item.criteria) {
      const record = records.get(id) || null;
      entries.push({ item, id, record, framework: record ? frameworks.get(record.framework) : null });
    }
  }
  const rank = (entry) => (entry.record ? position.get(entry.id) : Number.MAX_SAFE_INTEGER);
  // Array sort is stable: within one criterion the items stay sorted by name.
  return entries.sort((a, b) => rank(a) - rank(b));
}

/** The frameworks that have at least one linked criterion, in the index's order. */
export function mapFrameworks(entries) {
  const seen = new Map();
  for (const entry of entries) if (entry.framework) seen.set(entry.framework.id, entry.framework);
  return [...seen.values()];
}

function slug(text) {
  return text.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_-]+/g, "-").slice(0, 60);
}

/**
 * The map as a CSV file. framework: a framework record (only its criteria) or
 * null (everything: every framework, unknown criteria, items not linked yet).
 */
export function mapCsv(app, entries, framework = null) {
  const on = today();
  const header = ["Kader", "Vindplaats", "Criterium", "Bewijsstuk", "Soort", "Link of bestand", "Eigenaar", "Datum",
    "Herzien of verloopt op", "Signaal", "Notitie", "Bronvermelding"];
  const rows = [header];
  for (const entry of entries) {
    if (framework && entry.framework?.id !== framework.id) continue;
    const { item, record } = entry;
    const citation = record ? citationOf(app.index, app.siteRoot, record) : null;
    let criterionText = NOT_LINKED;
    if (record) criterionText = [record.text, record.closing].filter(Boolean).join("\n");
    else if (entry.id) criterionText = UNKNOWN_CRITERION;
    const flag = flagOf(item, on);
    rows.push([entry.framework ? entry.framework.short_title : "", citation ? citation.locator : "", criterionText,
      item.name, kindLabel(item.kind), item.link, item.owner, item.date, item.review, flag ? FLAG_LABELS[flag] : "",
      item.note, citation ? citationText(citation) : ""]);
  }
  const name = framework ? slug(framework.short_title) || "kader" : "alle-kaders";
  return { filename: `bewijskaart-${name}-${on}.csv`, text: csvText(rows), type: "text/csv" };
}

/** "herzien of verloopt op 1 december 2026", or "" without a review date. */
export function reviewText(item) {
  return item.review ? `herzien of verloopt op ${dutchDate(item.review)}` : "";
}

/** The flag as a badge, or null. */
export function flagBadge(item, on = today()) {
  const flag = flagOf(item, on);
  return flag ? h("span", { className: `kk-ev-flag kk-ev-flag--${flag}` }, FLAG_LABELS[flag]) : null;
}

/**
 * The report's evidence section for a scan: per criterion of the scan with
 * linked items, which items support it. For scanresults' report (view-results.js).
 */
export function evidenceReportSection(app, context) {
  const on = today();
  const linked = context.criteria.map((criterion) => ({ criterion, items: library.forCriterion(criterion.id) }))
    .filter((row) => row.items.length);
  const flagged = new Set(linked.flatMap((row) => row.items.filter((item) => flagOf(item, on)).map((item) => item.id)));
  const heading = h("h3", {}, "Bewijsstukken");
  if (!linked.length) {
    return h("section", { className: "kk-ev-report" }, heading,
      h("p", {}, "Aan de criteria van deze scan zijn nog geen bewijsstukken gekoppeld."));
  }
  const itemsInScan = new Set(linked.flatMap((row) => row.items.map((item) => item.id)));
  const exportButton = h("button", {
    type: "button", className: "md-button kk-zs-noprint",
    onclick: async () => {
      const ids = new Set(context.criteria.map((criterion) => criterion.id));
      const entries = (await mapEntries(app, [...itemsInScan].map((id) => library.get(id)).filter(Boolean)))
        .filter((entry) => ids.has(entry.id));
      const frameworks = mapFrameworks(entries);
      const file = mapCsv(app, entries, frameworks.length === 1 ? frameworks[0] : null);
      download(file.filename, file.text, file.type);
    },
  }, "Exporteer bewijskaart van deze scan (CSV)");
  return h("section", { className: "kk-ev-report" }, heading,
    h("p", {}, `${linked.length} van ${context.criteria.length} criteria hebben een gekoppeld bewijsstuk; `
      + `${itemsInScan.size} bewijsstuk(ken) in totaal, waarvan ${flagged.size} verlopen of binnenkort verlopen.`),
    exportButton,
    tableWrap("Bewijsstukken per criterium", h("table", { className: "kk-ev-report-table" },
      h("caption", {}, "Bewijsstukken per criterium"),
      h("thead", {}, h("tr", {}, ["Criterium", "Bewijsstukken"].map((text) => h("th", { scope: "col" }, text)))),
      h("tbody", {}, linked.map(({ criterion, items }) => h("tr", { dataset: { criterionId: criterion.id } },
        h("td", {}, citationOf(app.index, app.siteRoot, criterion).heading),
        h("td", {}, h("ul", {}, items.map((item) => h("li", {},
          h("strong", {}, item.name), ` (${kindLabel(item.kind)})`,
          item.owner && `, eigenaar ${item.owner}`,
          item.review && `, ${reviewText(item)}`, " ", flagBadge(item, on)))))))))));
}
