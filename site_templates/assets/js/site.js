// Entry point: wires the small modules to whatever the current page contains.
// Each module is fetched only on a page that has its markup, so a framework
// page downloads only what it uses. The in-browser tools (finder, zelfscan,
// selectie) are loaded the same way: an element with data-kk-app="<name>"
// imports ./<name>/main.js and calls its mount(element, context).
import { initSelectionControls } from "./selectie/controls.js";

// The site root, wherever the site is served from (GitHub Pages sub-path too):
// this module lives at <root>/assets/js/site.js.
export const siteRoot = new URL("../../", import.meta.url);

function actionButton(doc, className, data, text) {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = `md-button ${className}`;
  Object.assign(button.dataset, data);
  button.textContent = text;
  return button;
}

// The buttons under each criterion of a framework page (select, copy with citation) are made here,
// not written into the HTML: without scripts they could do nothing, and on the largest page they
// were 2 KiB of its first load. Their empty row keeps their place (layout.css), so nothing moves.
function addCriterionActions(doc) {
  for (const row of doc.querySelectorAll(".kk-criterion > .kk-actions:empty")) {
    const id = row.parentElement.dataset.criterionId;
    const select = actionButton(doc, "kk-select", { selectCriterion: id }, "Selecteer");
    select.setAttribute("aria-pressed", "false");
    row.append(select, " ", actionButton(doc, "kk-copy", { copyCriterion: id }, "Kopieer met bronvermelding"));
  }
}

// Not lazy: the header's "Selectie (N)" link is on every page.
addCriterionActions(document);
initSelectionControls(document, siteRoot);

// [markup the module works on, module, its init(root, siteRoot)]
const ENHANCEMENTS = [
  // First, as a filter in the URL hides what it filters out: only the overview and element pages
  // have filters, so the many framework pages do not fetch them.
  ["form.kk-filters", "./filters.js", "initFilters"],
  ["[data-copy-criterion]", "./copy-citation.js", "initCopyButtons"],
  ["table.kk-sortable", "./sortable-table.js", "initSortableTables"],
  // Any table: Material wraps plain tables in its scroll wrapper from its own script.
  ["table", "./scroll-cue.js", "initScrollCues"],
  ["[data-kk-site-info]", "./site-info.js", "initSiteInfo"],
];

for (const [selector, path, init] of ENHANCEMENTS) {
  if (document.querySelector(selector)) import(path).then((module) => module[init](document, siteRoot));
}

for (const mountPoint of document.querySelectorAll("[data-kk-app]")) {
  const name = mountPoint.dataset.kkApp;
  import(`./${name}/main.js`).then((app) => app.mount(mountPoint, { siteRoot }));
}
