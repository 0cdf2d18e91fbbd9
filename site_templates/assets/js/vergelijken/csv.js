// The comparison as CSV (lib/csv.js: BOM, ";", CRLF, formula-safe cells):
// one line per criterion per row, and one per empty cell saying so in words.
import { citationOf, lifecycleWarning, sourceSentence } from "../lib/citation.js";
import { csvText } from "../lib/csv.js";
import { AUTHORITY_NOTE, itemText, separateTitle } from "../selectie/model.js";
import { criterionLocator, emptyCellText, onlyInText, RELATION_LABELS, rowTitle } from "./export.js";

function itemLines(items, depth = 0) {
  return (items || []).flatMap((item) => [`${"  ".repeat(depth)}• ${itemText(item)}`, ...itemLines(item.items, depth + 1)]);
}

export const CSV_HEADER = ["Onderwerp", "Rij", "Relatie", "Alleen in", "Kader", "Jaar", "Status", "Vindplaats",
  "Titel", "Tekst", "Onderdelen", "Slottekst", "Bronvermelding", "Vaste link", "ID", "Gegevens van", "Let op"];

export function comparisonCsv({ index, siteRoot, model }) {
  const rows = [CSV_HEADER];
  for (const section of model.sections) {
    for (const row of section.rows) {
      const title = rowTitle(section, row);
      const only = onlyInText(model, row.presentIn) || "";
      model.frameworks.forEach((framework, position) => {
        const facts = [framework.title, framework.year, framework.status_label || framework.status];
        const warning = lifecycleWarning(framework);
        const letOp = warning ? `${AUTHORITY_NOTE} ${warning}` : AUTHORITY_NOTE;
        const entries = row.cells[position];
        if (entries.length === 0) {
          const others = row.kind === "group" ? row.elsewhere[position].map((r) => criterionLocator(index, siteRoot, r)).join("; ") : "";
          rows.push([section.topic.label, title, "", only, ...facts, "", "", emptyCellText(row, position) + others, "", "", "", "", "",
            index.build_date, letOp]);
          return;
        }
        for (const { record, relation } of entries) {
          const citation = citationOf(index, siteRoot, record);
          rows.push([section.topic.label, title, relation ? RELATION_LABELS[relation] : "", only, ...facts, citation.locator,
            separateTitle(record) || "", record.text, itemLines(record.items).join("\n"), record.closing || "",
            sourceSentence(citation.text), citation.permalink, record.id, index.build_date, letOp]);
        }
      });
    }
  }
  return new Blob([csvText(rows)], { type: "text/csv;charset=utf-8" });
}
