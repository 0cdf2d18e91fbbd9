// Selection controls on every page (cross-feature contract 2): any
// <button class="kk-select" data-select-criterion="ID" aria-pressed="false">
// adds or removes that criterion. One click listener on the document serves
// buttons that other tools render later; they dispatch kk:content-changed on
// the document so the new buttons get their state. The header shows a live
// "Selectie (N)" link on every page.
import { onSelectionChange, selectedIds, toggle } from "./store.js";

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

export function initSelectionControls(doc, siteRoot) {
  const headerLink = createHeaderLink(doc, siteRoot);
  const announce = createAnnouncer(doc);

  function sync() {
    const selected = new Set(selectedIds());
    for (const button of doc.querySelectorAll("[data-select-criterion]")) {
      syncButton(button, selected.has(button.dataset.selectCriterion));
    }
    if (headerLink) headerLink.textContent = countText(selected.size);
  }

  doc.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-select-criterion]");
    if (!button) return;
    const id = button.dataset.selectCriterion;
    const selected = toggle(id); // fires the change event, which runs sync()
    const count = selectedIds().length;
    announce(`${readableName(button)} ${selected ? "toegevoegd aan" : "verwijderd uit"} de selectie. ${countText(count)}.`);
  });
  doc.addEventListener("kk:content-changed", sync);
  onSelectionChange((reason) => {
    if (reason !== "details") sync();
  });
  sync();
}
