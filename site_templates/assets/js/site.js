// Entry point: wires the small modules to whatever the current page contains.
// Each module is fetched only on a page that has its markup, so a framework
// page downloads only what it uses. The in-browser tools (finder, zelfscan,
// selectie) are loaded the same way: an element with data-kk-app="<name>"
// imports ./<name>/main.js and calls its mount(element, context).
import { initFilters } from "./filters.js";
import { initSelectionControls } from "./selectie/controls.js";

// The site root, wherever the site is served from (GitHub Pages sub-path too):
// this module lives at <root>/assets/js/site.js.
export const siteRoot = new URL("../../", import.meta.url);

// Not lazy: the header's "Selectie (N)" link is on every page, and a filter in the
// URL must hide what it filters out before the page first shows.
initSelectionControls(document, siteRoot);
initFilters(document);

// [markup the module works on, module, its init(root, siteRoot)]
const ENHANCEMENTS = [
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
