// Entry point: wires the small modules to whatever the current page contains.
// The in-browser tools (finder, zelfscan, selectie) are loaded only on the
// page that mounts them: an element with data-kk-app="<name>" imports
// ./<name>/main.js and calls its mount(element, context).
import { initCopyButtons } from "./copy-citation.js";
import { initSortableTables } from "./sortable-table.js";
import { initFilters } from "./filters.js";
import { initScrollCues } from "./scroll-cue.js";
import { initSiteInfo } from "./site-info.js";
import { initSelectionControls } from "./selectie/controls.js";

// The site root, wherever the site is served from (GitHub Pages sub-path too):
// this module lives at <root>/assets/js/site.js.
export const siteRoot = new URL("../../", import.meta.url);

initCopyButtons(document);
initSortableTables(document);
initFilters(document);
initScrollCues(document);
initSelectionControls(document, siteRoot);
initSiteInfo(document, siteRoot);

for (const mountPoint of document.querySelectorAll("[data-kk-app]")) {
  const name = mountPoint.dataset.kkApp;
  import(`./${name}/main.js`).then((app) => app.mount(mountPoint, { siteRoot }));
}
