// Entry point: wires the small modules to whatever the current page contains.
import { initCopyButtons } from "./copy-citation.js";
import { initSortableTables } from "./sortable-table.js";
import { initFilters } from "./filters.js";

initCopyButtons(document);
initSortableTables(document);
initFilters(document);
