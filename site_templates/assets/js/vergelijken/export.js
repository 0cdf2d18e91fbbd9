// What the compare view says about a framework and a criterion, and the
// comparison as .docx and CSV, all written from the one alignment model
// (align.js) so the page and the files say the same thing.
import { citationOf, citationText } from "../selectie/model.js";

export const RELATION_LABELS = { equivalent: "Vraagt hetzelfde", partial: "Vraagt deels hetzelfde" };

/** The reader-facing locator ("kwaliteitseis 3"); never the ID when the data has a locator. */
export function criterionLocator(index, siteRoot, record) {
  if (record.citation && record.citation.locator) return record.citation.locator;
  return citationOf(index, siteRoot, record).number;
}

/** The one-line citation of a criterion, without its permalink. */
export function criterionCitation(index, siteRoot, record) {
  if (record.citation && record.citation.text) return record.citation.text;
  const citation = citationOf(index, siteRoot, record);
  return citationText(citation).slice(0, -citation.permalink.length).trim();
}

/** Year, status and (when not simply valid) lifecycle of a framework, as short phrases. */
export function frameworkFacts(framework) {
  const facts = [`Jaar: ${framework.year}`, `Status: ${framework.status_label || framework.status}`];
  const lifecycle = framework.lifecycle;
  if (lifecycle && lifecycle.status && lifecycle.status !== "geldig") facts.push(lifecycle.label || lifecycle.status);
  return facts;
}

export function comparisonCsv() {
  throw new Error("not yet");
}

export function comparisonDocx() {
  throw new Error("not yet");
}
