// Selection controls on every page (cross-feature contract 2): any
// <button class="kk-select" data-select-criterion="ID" aria-pressed="false">
// adds or removes that criterion. One click listener on the document serves
// buttons that other tools render later; they dispatch kk:content-changed on
// the document so the new buttons get their state. The header shows a live
// "Selectie (N)" link on every page.
//
// The store (store.js, roles.js) is most of the weight of a framework page's
// scripts, and most views of such a page change nothing. So it is loaded at
// once only when a selection is stored (the count must show) or a tool page may
// change it; otherwise on the first sign of use (pointer or focus on a select
// button), on a click, or when another tab changes the selection. Clicks made
// while it loads are handled in order once it is there.
import { CHANGE_EVENT, STORAGE_KEY, V1_STORAGE_KEY } from "./keys.js";

const LABEL_SELECTED = "Geselecteerd";
const LABEL_NOT_SELECTED = "Selecteer";

function syncButton(button, selected) {
  const label = selected ? LABEL_SELECTED : LABEL_NOT_SELECTED;
  button.setAttribute("aria-pressed", String(selected));
  if (button.textContent !== label) button.textContent = label;
  // The criterion's locator makes the many "Selecteer" buttons on a page
  // distinguishable for screen readers (never its internal ID); the name still
  // starts with the visible text (WCAG 2.5.3).
  button.setAttribute("aria-label", `${label}: ${readableName(button)}`);
}

/**
 * How a reader knows the criterion: "norm A1, 2e van 10 (Groningen MO/VO)". Most buttons carry it
 * (data-select-label); on a framework page it is the criterion's locator and the framework's short
 * title, which the page holds once (#kk-framework) instead of on each of its many buttons.
 */
function readableName(button) {
  if (button.dataset.selectLabel) return button.dataset.selectLabel;
  const locator = button.closest(".kk-criterion")?.querySelector(".kk-locator");
  const framework = button.ownerDocument.getElementById("kk-framework");
  return locator && framework ? `${locator.textContent} (${framework.dataset.shortTitle})` : "criterium";
}

function countText(count) {
  return `Selectie (${count})`;
}

function createHeaderLink(doc, siteRoot) {
  const header = doc.querySelector(".md-header__inner");
  if (!header) return null;
  const link = doc.createElement("a");
  link.className = "kk-selection-link";
  link.href = new URL("selectie/", siteRoot).href;
  const onSelectionPage = new URL(doc.location.href).pathname === link.pathname;
  if (onSelectionPage) link.setAttribute("aria-current", "page");
  // Before the header search box (absent on the finder page: then last).
  header.insertBefore(link, header.querySelector(".kk-header-search"));
  return link;
}

// One polite live region, present from the start so screen readers announce
// later changes to it.
function createAnnouncer(doc) {
  const region = doc.createElement("div");
  region.className = "kk-visually-hidden";
  region.setAttribute("role", "status");
  region.dataset.kkSelectionAnnouncer = "";
  doc.body.append(region);
  return (message) => {
    region.textContent = message;
  };
}

let storeModule = null;
const loadStore = () => (storeModule ??= import("./store.js"));

function selectionStored() {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null || localStorage.getItem(V1_STORAGE_KEY) !== null;
  } catch {
    return false; // storage blocked: nothing can be stored, the store keeps a copy in memory
  }
}

export function initSelectionControls(doc, siteRoot) {
  const headerLink = createHeaderLink(doc, siteRoot);
  const announce = createAnnouncer(doc);
  const selectButtonAt = (event) => event.target instanceof Element && event.target.closest("[data-select-criterion]");

  function sync(store) {
    const selected = new Set(store ? store.selectedIds() : []);
    for (const button of doc.querySelectorAll("[data-select-criterion]")) {
      syncButton(button, selected.has(button.dataset.selectCriterion));
    }
    if (headerLink) headerLink.textContent = countText(selected.size);
  }
  const loadAndSync = () => loadStore().then(sync);

  doc.addEventListener("click", (event) => {
    const button = selectButtonAt(event);
    if (!button) return;
    loadStore().then((store) => {
      const selected = store.toggle(button.dataset.selectCriterion); // fires CHANGE_EVENT, which syncs
      const count = store.selectedIds().length;
      announce(`${readableName(button)} ${selected ? "toegevoegd aan" : "verwijderd uit"} de selectie. ${countText(count)}.`);
    });
  });
  const preload = (event) => {
    if (selectButtonAt(event)) loadStore();
  };
  doc.addEventListener("pointerover", preload);
  doc.addEventListener("focusin", preload);
  doc.addEventListener("kk:content-changed", () => (storeModule ? loadAndSync() : sync(null)));
  // A change here always comes from the loaded store; "details" (notes, roles) changes no count.
  doc.addEventListener(CHANGE_EVENT, (event) => {
    if (event.detail.reason !== "details") loadAndSync();
  });
  doc.defaultView.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY || event.key === null) loadAndSync();
  });

  if (selectionStored() || doc.querySelector("[data-kk-app]")) {
    // Until the store is there the count is unknown: the link shows no number rather than a wrong one.
    if (headerLink) headerLink.textContent = "Selectie";
    loadAndSync();
  } else {
    sync(null);
  }
}
