// What the compare view says about a framework, a criterion, a row and an
// empty cell: one place for the page (main.js) and the exports (docx.js,
// csv.js), so they all say the same thing. Citations come from lib/citation.js.
import { citationOf } from "../lib/citation.js";

export const RELATION_LABELS = { equivalent: "Gelijkwaardig", partial: "Deels overlappend" }; // as on the criterion pages
export const TITLE = "Vergelijking kwaliteitskaders";

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

/** A row's heading. */
export function rowTitle(section, row) {
  if (row.kind === "group") return `Vergelijkbare criteria: ${row.group.label}`;
  return section.rows.length > 1 ? "Overige criteria over dit onderwerp" : "Criteria over dit onderwerp";
}

/** What an empty cell says, in words; elsewhere: the framework's group members under another topic. */
export function emptyCellText(row, position) {
  if (row.kind !== "group") return "Geen (andere) criteria over dit onderwerp in dit kader.";
  if (row.elsewhere[position].length > 0) return "Het vergelijkbare criterium van dit kader staat bij een ander onderwerp: ";
  return "Geen vergelijkbaar criterium in dit kader.";
}

/** "Alleen in <kader>" when exactly one chosen framework has criteria here, else null. */
export function onlyInText(model, presentIn) {
  if (presentIn.length !== 1) return null;
  return `Alleen in ${model.frameworks.find((framework) => framework.id === presentIn[0]).short_title}`;
}
