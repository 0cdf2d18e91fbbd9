// The tender annex as a spreadsheet: sheet "Criteria" (the numbered reference
// table plus the full texts, one row per entry) and sheet "Bronnen". The same
// sheets go into .xlsx here and .ods in odf.js, through lib/sheet.js.
import { xlsxWorkbook } from "../lib/sheet.js";
import { criteriaTable, sourcesTable } from "./model.js";

// Column widths in characters, by column name (the rest get 14).
const WIDTHS = {
  "Nr.": 6, Criterium: 28, Kader: 24, Rol: 18, "Weging (%)": 10, Verificatie: 32, "Vaste link": 40, Sectie: 24,
  Titel: 28, Tekst: 60, Onderdelen: 50, Slottekst: 30, "Indicatoren en bewijs (uit het kader)": 50,
  "Pas toe of leg uit (eigen tekst)": 30, "Notitie (eigen tekst)": 30, Bronvermelding: 50, "Let op": 40,
  Uitgever: 30, "Op deze site": 40, "Origineel document": 40,
};

function withWidths(name, { columns, rows }) {
  return { name, columns, rows, widths: columns.map((column) => WIDTHS[column] || 14) };
}

/** The two sheets of the annex. */
export function annexSheets(model) {
  return [withWidths("Criteria", criteriaTable(model)), withWidths("Bronnen", sourcesTable(model))];
}

/** The .xlsx file as a Blob. */
export function selectionXlsx(model) {
  return xlsxWorkbook({ title: model.title, sheets: annexSheets(model) });
}
