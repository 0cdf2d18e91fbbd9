// What the compare view says about a framework and a criterion, and the
// comparison as .docx and CSV, all written from the one alignment model
// (align.js) so the page and the files say the same thing.
import { citationOf } from "../lib/citation.js";

export const RELATION_LABELS = { equivalent: "Gelijkwaardig", partial: "Deels overlappend" }; // as on the criterion pages

/** The reader-facing locator ("kwaliteitseis 3"), never the ID. */
export function criterionLocator(index, siteRoot, record) {
  return citationOf(index, siteRoot, record).locator;
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
