// The selection page (/selectie/): the reader's chosen criteria, grouped by
// framework or element or in the reader's own order with own headings and
// own requirements; per criterion a note and its role in the tender; exports,
// a share link, a self-scan link and the evidence checklist. A share link
// (#deel=… or the older ?ids=A,B,C) is shown as a preview first: it never
// overwrites the reader's own selection without asking.
import { loadCriteria, loadFrameworksOf, loadIndex } from "../lib/catalog.js";
import { copyFormatted, copyPlain } from "./clipboard.js";
import { el, itemsList, quote } from "./dom.js";
import { downloadBlob, textBlob } from "../lib/download.js";
import { controlId, headingField, ownFields, roleDetails } from "./entries.js";
import { buildExportModel, citationOf, citationText, evidenceRowText } from "./model.js";
import { momentLabel, roleLabel, WEIGHTED_ROLE, weightProblem } from "./roles.js";
import { MAX_LINK_LENGTH, classifyIds, selfScanUrl, shareLink, sharedFromLocation } from "./share.js";
import * as store from "./store.js";
import { evidenceCsv, selectionCsv, selectionMarkdown } from "./textformats.js";
import { dutchDate } from "../lib/dates.js";

const GROUPING_LABELS = { framework: "Per kader", element: "Per element", eigen: "Eigen volgorde" };
const NO_ELEMENT = { id: "", label: "Zonder element" };
const MAX_PROBLEMS_SHOWN = 20;

// The export model reads the whole version-2 state (`selection`); `notes`
// and `grouping` are kept for writers that only know criteria.
function notesOf(selection) {
  return new Map(selection.items.filter((entry) => entry.kind === "criterion").map((entry) => [entry.id, entry.note]));
}

function criteriaCount(count) {
  return count === 1 ? "1 criterium" : `${count} criteria`;
}

function countPhrase(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

function criterionHeading(level, citation) {
  return el(`h${level}`, { class: "kk-sel-criterion-heading" },
    el("a", { href: citation.permalink }, citation.heading));
}

function criterionUrl(siteRoot, index, id) {
  return new URL(`kaders/${index.criteria[id][0]}/#${id}`, siteRoot).href;
}

/** classifyIds once the frameworks of the IDs and of the retired ones' replacements are loaded. */
async function classify(siteRoot, ids) {
  const classified = classifyIds(await loadFrameworksOf(siteRoot, ids), ids);
  await loadFrameworksOf(siteRoot, classified.retired.map(({ replacedBy }) => replacedBy).filter(Boolean));
  return classified;
}

/** Unknown and retired IDs, listed so that nothing disappears without a word. */
function missingList(siteRoot, index, classified, removable) {
  const rows = [
    ...classified.retired.map(({ id, replacedBy }) => el("li", { "data-missing-id": id },
      el("code", {}, id), " — vervallen",
      replacedBy && Object.hasOwn(index.criteria, replacedBy)
        ? [", vervangen door ", el("a", { href: criterionUrl(siteRoot, index, replacedBy) }, replacedBy)] : null,
      ".", removable ? removable(id) : null)),
    ...classified.unknown.map((id) => el("li", { "data-missing-id": id },
      el("code", {}, id), " — onbekend: dit criterium bestaat niet op deze site.", removable ? removable(id) : null)),
  ];
  return rows.length === 0 ? null : el("ul", { class: "kk-sel-missing" }, rows);
}

/**
 * The sections the page shows. Per framework or per element: the criteria in
 * catalogue groups (the reader's order inside a group), own requirements in a
 * last section "Eigen eisen", own headings unused. In the reader's own order:
 * one list of everything. Criteria the site does not know are left out here
 * (the page lists them separately) but keep their place in the stored order.
 */
function displaySections(index, selection, records) {
  const shown = selection.items.filter((entry) => entry.kind !== "criterion" || records.has(entry.id));
  if (selection.grouping === "eigen") return [{ title: null, entries: shown }];
  const byElement = selection.grouping === "element";
  const sections = (byElement ? [...index.elements, NO_ELEMENT] : index.frameworks)
    .map((group) => ({ key: group.id, title: byElement ? group.label : group.title, entries: [] }));
  const own = { key: "eigen", title: "Eigen eisen", entries: [] };
  const find = new Map(sections.map((section) => [section.key, section]));
  for (const entry of shown) {
    if (entry.kind === "own") own.entries.push(entry);
    if (entry.kind !== "criterion") continue;
    const record = records.get(entry.id);
    find.get(byElement ? record.elements[0] || NO_ELEMENT.id : record.framework).entries.push(entry);
  }
  return [...sections, own].filter((section) => section.entries.length > 0);
}

/** A criterion's or own requirement's tender facts as a definition list (for the share preview). */
function factsList(entry) {
  const facts = [];
  if (entry.role) facts.push(["Rol", roleLabel(entry.role)]);
  if (entry.role === WEIGHTED_ROLE && Number.isFinite(entry.weight)) facts.push(["Weging", `${String(entry.weight).replace(".", ",")}\u00a0%`]);
  if (entry.moment) facts.push(["Moment van verificatie", momentLabel(entry.moment)]);
  if (entry.verification) facts.push(["Verificatie", entry.verification]);
  if (entry.explain) facts.push(["Pas toe of leg uit", entry.explain]);
  if (entry.note) facts.push(["Notitie", entry.note]);
  if (facts.length === 0) return null;
  return el("dl", { class: "kk-sel-facts" }, facts.map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]));
}

function ownBadge(text) {
  return el("span", { class: "kk-own-badge" }, text);
}

export async function mount(root, { siteRoot }) {
  const index = await loadIndex(siteRoot);
  const status = el("p", { class: "kk-sel-status", role: "status" });
  const sharedPart = el("div", { class: "kk-sel-shared-part" });
  const ownPart = el("div", { class: "kk-sel-own-part" });
  root.replaceChildren(status, sharedPart, ownPart);
  root.classList.add("kk-sel");

  // The status line floats at the bottom of the window, so a message shows
  // wherever the button was; it clears itself after a while.
  let clearStatus = null;
  const announce = (message) => {
    status.textContent = message;
    clearTimeout(clearStatus);
    clearStatus = setTimeout(() => { status.textContent = ""; }, 8000);
  };

  // After a re-render the old nodes are gone; this says where focus goes.
  let focusAfterRender = null;
  let renderCount = 0;

  function restoreFocus() {
    const target = focusAfterRender && focusAfterRender();
    focusAfterRender = null;
    if (target) target.focus();
  }

  // ---- Shared-link preview -------------------------------------------------

  function closeShared(message) {
    history.replaceState(null, "", location.pathname);
    sharedPart.replaceChildren();
    announce(message);
    // The store's change event has already started a re-render; it moves focus here.
    focusAfterRender = () => ownPart.querySelector("h2");
    restoreFocus();
  }

  function sharedEntry(entry, records) {
    if (entry.kind === "heading") {
      return el("li", { class: "kk-sel-shared-heading" }, el("h3", {}, ownBadge("Eigen kopje"), " ", entry.text));
    }
    if (entry.kind === "own") {
      return el("li", { class: "kk-sel-own" }, el("p", {}, ownBadge("Eigen eis"), " ", el("strong", {}, entry.title)),
        entry.text ? el("p", { class: "kk-sel-own-text" }, entry.text) : null, factsList(entry));
    }
    const record = records.get(entry.id);
    return el("li", { "data-criterion-id": record.id },
      criterionHeading(3, citationOf(index, siteRoot, record)), quote(record), factsList(entry));
  }

  function problemList(problems) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = problems.length - shown.length;
    return [
      el("h3", {}, "Niet alles uit de link is gebruikt"),
      el("ul", { class: "kk-sel-problems" }, shown.map((problem) => el("li", {}, problem)),
        more > 0 ? el("li", {}, `En nog ${more} andere problemen.`) : null),
    ];
  }

  async function renderShared(shared) {
    const heading = el("h2", { id: "kk-sel-shared-heading", tabindex: "-1" }, "Gedeelde selectie");
    const closeButton = el("button", { type: "button", class: "md-button",
      on: { click: () => closeShared("De gedeelde selectie is gesloten; uw eigen selectie is niet veranderd.") } }, "Sluiten");
    const card = (...children) => el("section", { class: "kk-card kk-sel-shared", "aria-labelledby": "kk-sel-shared-heading" },
      heading, ...children);
    if (shared.error) {
      sharedPart.replaceChildren(card(el("p", { class: "kk-sel-warning" }, shared.error), el("p", {}, closeButton)));
      return;
    }
    const { state, problems } = shared;
    const ids = state.items.filter((entry) => entry.kind === "criterion").map((entry) => entry.id);
    const classified = await classify(siteRoot, ids);
    const records = new Map((await loadCriteria(siteRoot, classified.known)).map((record) => [record.id, record]));
    // What can be used: every criterion this site knows, the own headings and requirements.
    const usable = { ...state, items: state.items.filter((entry) => entry.kind !== "criterion" || records.has(entry.id)) };
    const headings = usable.items.filter((entry) => entry.kind === "heading").length;
    const own = usable.items.filter((entry) => entry.kind === "own").length;
    const ownCount = store.getSelection().items.length;
    const contents = [criteriaCount(ids.length), headings ? countPhrase(headings, "eigen kopje", "eigen kopjes") : null,
      own ? countPhrase(own, "eigen eis", "eigen eisen") : null].filter(Boolean);
    const usableCount = usable.items.length;

    const choice = el("div", { class: "kk-sel-buttons" });
    const replace = () => {
      store.replaceState(usable);
      closeShared(`Gedeelde selectie overgenomen: ${criteriaCount(classified.known.length)}.`);
    };
    const askReplace = el("button", { type: "button", class: "md-button md-button--primary", disabled: usableCount === 0,
      on: { click: () => {
        if (store.getSelection().items.length === 0) {
          replace();
          return;
        }
        const confirm = el("button", { type: "button", class: "md-button md-button--primary", on: { click: replace } },
          "Ja, vervang mijn selectie");
        const cancel = el("button", { type: "button", class: "md-button", on: { click: () => {
          choice.replaceChildren(...buttons);
          askReplace.focus();
        } } }, "Annuleren");
        choice.replaceChildren(el("p", {}, `Uw eigen selectie (${store.getSelection().items.length} onderdelen, met uw notities) `
          + "wordt vervangen door de gedeelde selectie. Weet u het zeker?"), el("p", {}, confirm, " ", cancel));
        confirm.focus();
      } } }, "Overnemen");
    const append = el("button", { type: "button", class: "md-button", disabled: usableCount === 0, on: { click: () => {
      store.appendState(usable);
      closeShared("Gedeelde selectie toegevoegd aan uw selectie.");
    } } }, "Toevoegen");
    const buttons = [askReplace, " ", append, " ", closeButton];
    if (classified.known.length > 0) {
      buttons.push(" ", el("a", { class: "md-button", href: selfScanUrl(siteRoot, classified.known) }, "Start zelfscan met deze criteria"));
    }
    choice.replaceChildren(...buttons);

    sharedPart.replaceChildren(card(
      state.title ? el("p", { class: "kk-sel-shared-title" }, "Titel: ", el("strong", {}, state.title)) : null,
      el("p", {}, `Deze link bevat ${contents.join(", ")}. `
        + `Uw eigen selectie (${ownCount}) verandert pas als u hieronder kiest wat u ermee doet: `
        + "“Overnemen” vervangt uw selectie, “Toevoegen” zet de gedeelde onderdelen onder de uwe."),
      problems.length > 0 ? problemList(problems) : null,
      usableCount > 0 ? el("ol", { class: "kk-sel-shared-list" }, usable.items.map((entry) => sharedEntry(entry, records))) : null,
      classified.retired.length + classified.unknown.length > 0 ? [
        el("h3", {}, "Niet gevonden"),
        el("p", {}, "Deze ID's uit de link staan niet (meer) in de kaders op deze site en worden niet overgenomen:"),
        missingList(siteRoot, index, classified, null),
      ] : null,
      choice));
  }

  // ---- The reader's own selection -------------------------------------------

  function emptyState() {
    const pageLink = (path, text) => el("a", { href: new URL(path, siteRoot).href }, text);
    return el("div", { class: "kk-sel-empty" },
      el("p", {}, "U heeft nog geen criteria geselecteerd."),
      el("p", {}, "Bij elk criterium staat een knop ", el("strong", {}, "Selecteer"),
        ". Daarmee zet u het criterium in deze selectie. U vindt de criteria hier:"),
      el("ul", {},
        el("li", {}, pageLink("kaders/", "Kaders"), ": alle criteria per kwaliteitskader;"),
        el("li", {}, pageLink("themas/", "Thema's"), ": criteria per element, uit alle kaders;"),
        el("li", {}, pageLink("zoeken/", "Zoeken"), ": zoek op woorden en filters.")),
      el("p", {}, "Daarna kunt u hier de criteria ordenen, per criterium een notitie en de rol in uw aanbesteding "
        + "vastleggen, eigen kopjes en eisen toevoegen, alles met bronvermelding kopiëren of downloaden, "
        + "de selectie delen en een zelfscan starten."));
  }

  // Reader-facing names of the shown entries (a criterion's citation heading,
  // an own heading's or requirement's text), for button labels and
  // announcements: never the internal ID or key.
  const names = new Map();
  const nameOf = (key) => names.get(key) || key; // an unknown or retired ID has no other name
  const ownName = (entry) => (entry.kind === "heading"
    ? `eigen kopje ${entry.text.trim() || "zonder tekst"}`
    : `eigen eis ${entry.title.trim() || "zonder titel"}`);

  // Which "Rol in de aanbesteding" blocks are open, so a redraw keeps them open.
  const openDetails = new Set();
  let knownIds = new Set();
  let withNotes = false;

  const selector = (action, key) => `[data-action="${action}"][data-key="${CSS.escape(key)}"]`;

  function actionButton(action, verb, key, attributes, onClick) {
    return el("button", { type: "button", class: "md-button kk-sel-small", "data-action": action, "data-key": key,
      "data-verb": verb, "aria-label": `${verb}: ${nameOf(key)}`, ...attributes, on: { click: onClick } }, verb);
  }

  /** Renames an entry in the labels of its buttons after the reader edited its text. */
  function rename(key, name) {
    names.set(key, name);
    for (const button of ownPart.querySelectorAll(`[data-key="${CSS.escape(key)}"][data-verb]`)) {
      button.setAttribute("aria-label", `${button.dataset.verb}: ${name}`);
    }
  }

  function moveButtons(key, sectionKeys) {
    const position = sectionKeys.indexOf(key);
    const move = (offset, verb) => actionButton(offset < 0 ? "up" : "down", verb, key,
      { disabled: position + offset < 0 || position + offset >= sectionKeys.length },
      () => moveWithinSection(key, sectionKeys, offset));
    return [move(-1, "Omhoog"), " ", move(1, "Omlaag")];
  }

  function placeAnnouncement(key, place, total) {
    return `${nameOf(key)} staat nu op plaats ${place} van ${total} in ${store.getSelection().grouping === "eigen" ? "de lijst" : "deze groep"}.`;
  }

  // Moves the entry one place among those shown in its section; the stored
  // list keeps every other entry where it was.
  function moveWithinSection(key, sectionKeys, offset) {
    const from = sectionKeys.indexOf(key);
    const order = [...sectionKeys];
    [order[from], order[from + offset]] = [order[from + offset], order[from]];
    const direction = offset < 0 ? "up" : "down";
    focusAfterRender = () => {
      const same = ownPart.querySelector(selector(direction, key));
      if (same && !same.disabled) return same;
      return ownPart.querySelector(selector(direction === "up" ? "down" : "up", key));
    };
    store.reorder(order);
    announce(placeAnnouncement(key, from + offset + 1, sectionKeys.length));
  }

  // Drag and drop for a pointer: drag an entry by its handle and drop it
  // before or after another in the same section. The buttons are the
  // keyboard way to do the same.
  function enableDragging(list, sectionKeys) {
    let dragged = null;
    const clearMarks = () => {
      for (const item of list.querySelectorAll(".kk-sel-drop-before, .kk-sel-drop-after, .kk-sel-dragging")) {
        item.classList.remove("kk-sel-drop-before", "kk-sel-drop-after", "kk-sel-dragging");
      }
    };
    const targetOf = (event) => {
      const item = event.target instanceof Element ? event.target.closest("li[data-key]") : null;
      if (!item || item.parentElement !== list || item.dataset.key === dragged) return null;
      const box = item.getBoundingClientRect();
      return { item, before: event.clientY < box.top + box.height / 2 };
    };
    list.addEventListener("dragstart", (event) => {
      const handle = event.target instanceof Element ? event.target.closest("[data-drag-key]") : null;
      if (!handle || handle.closest("ol") !== list) return;
      dragged = handle.dataset.dragKey;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", nameOf(dragged));
      const item = handle.closest("li");
      event.dataTransfer.setDragImage(item, 16, 16);
      item.classList.add("kk-sel-dragging");
    });
    list.addEventListener("dragover", (event) => {
      if (dragged === null) return;
      const target = targetOf(event);
      if (!target) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      for (const item of list.querySelectorAll(".kk-sel-drop-before, .kk-sel-drop-after")) {
        item.classList.remove("kk-sel-drop-before", "kk-sel-drop-after");
      }
      target.item.classList.add(target.before ? "kk-sel-drop-before" : "kk-sel-drop-after");
    });
    list.addEventListener("drop", (event) => {
      const target = dragged === null ? null : targetOf(event);
      if (!target) return;
      event.preventDefault();
      const order = sectionKeys.filter((key) => key !== dragged);
      order.splice(order.indexOf(target.item.dataset.key) + (target.before ? 0 : 1), 0, dragged);
      const moved = dragged;
      dragged = null;
      clearMarks();
      store.reorder(order);
      announce(placeAnnouncement(moved, order.indexOf(moved) + 1, order.length));
    });
    list.addEventListener("dragend", () => {
      dragged = null;
      clearMarks();
    });
  }

  function dragHandle(key) {
    // Pointer only (hidden from assistive technology): the Omhoog/Omlaag buttons do the same by keyboard.
    return el("span", { class: "kk-sel-drag", draggable: "true", "data-drag-key": key, "aria-hidden": "true",
      title: "Sleep om te verplaatsen" }, "⠿");
  }

  function removeEntry(key, sectionKeys) {
    const next = sectionKeys[sectionKeys.indexOf(key) + 1] || sectionKeys[sectionKeys.indexOf(key) - 1];
    focusAfterRender = () => (next && ownPart.querySelector(selector("remove", next))) || ownPart.querySelector("h2");
    const name = nameOf(key);
    store.remove(key);
    announce(`${name.charAt(0).toUpperCase()}${name.slice(1)} verwijderd uit de selectie.`);
  }

  function removeButton(key, sectionKeys = [key]) {
    return actionButton("remove", "Verwijder", key, {}, () => removeEntry(key, sectionKeys));
  }

  function entryActions(key, sectionKeys) {
    return el("p", { class: "kk-sel-item-actions" }, moveButtons(key, sectionKeys), " ", removeButton(key, sectionKeys));
  }

  function changeDetails(key) {
    return (fields) => store.updateEntry(key, fields);
  }

  function detailsOf(entry, suggestions) {
    const key = store.entryKey(entry);
    return roleDetails(entry, {
      open: openDetails.has(key),
      onToggle: (open) => (open ? openDetails.add(key) : openDetails.delete(key)),
      change: changeDetails(key),
      announce,
      suggestions,
    });
  }

  function criterionItem(entry, record, sectionKeys) {
    const citation = citationOf(index, siteRoot, record);
    names.set(record.id, citation.heading);
    const noteId = controlId(entry, "note");
    return el("li", { class: "kk-sel-item", "data-criterion-id": record.id, "data-key": record.id },
      dragHandle(record.id),
      criterionHeading(4, citation),
      quote(record),
      el("p", { class: "kk-sel-citation" }, citationText(citation)),
      el("div", { class: "kk-sel-note" },
        el("label", { for: noteId }, "Notitie voor uw document"),
        el("textarea", { id: noteId, rows: "2", on: { input: (event) => store.setNote(record.id, event.target.value) } },
          entry.note)),
      detailsOf(entry, record.evidence || []),
      entryActions(record.id, sectionKeys));
  }

  function ownItem(entry, sectionKeys) {
    names.set(entry.key, ownName(entry));
    const change = changeDetails(entry.key);
    const current = { ...entry };
    return el("li", { class: "kk-sel-item kk-sel-own", "data-key": entry.key },
      dragHandle(entry.key),
      ownFields(entry, (fields) => {
        Object.assign(current, fields);
        rename(entry.key, ownName(current));
        change(fields);
      }),
      detailsOf(entry, []),
      entryActions(entry.key, sectionKeys));
  }

  function headingItem(entry, sectionKeys) {
    names.set(entry.key, ownName(entry));
    const change = changeDetails(entry.key);
    return el("li", { class: "kk-sel-item kk-sel-heading-item", "data-key": entry.key },
      dragHandle(entry.key),
      headingField(entry, (fields) => {
        rename(entry.key, ownName({ ...entry, ...fields }));
        change(fields);
      }),
      entryActions(entry.key, sectionKeys));
  }

  function groupingSwitch(grouping) {
    return el("fieldset", { class: "kk-sel-grouping" },
      el("legend", {}, "Groeperen"),
      Object.entries(GROUPING_LABELS).map(([value, label]) => el("label", {},
        el("input", { type: "radio", name: "kk-sel-grouping", value, checked: value === grouping,
          on: { change: () => {
            focusAfterRender = () => ownPart.querySelector(`input[name="kk-sel-grouping"][value="${value}"]`);
            store.setGrouping(value);
            announce(value === "eigen" ? "Eigen volgorde: u kunt nu ook eigen kopjes toevoegen." : `Gegroepeerd ${label.toLowerCase()}.`);
          } } }),
        ` ${label}`)));
  }

  function titleField(title) {
    return el("p", { class: "kk-sel-field kk-sel-title" },
      el("label", { for: "kk-sel-title" }, "Titel van uw document (bijlage)"),
      el("input", { id: "kk-sel-title", type: "text", value: title, placeholder: "Selectie kwaliteitscriteria",
        on: { input: (event) => store.setTitle(event.target.value) } }));
  }

  function addButtons(grouping) {
    const addOwn = el("button", { type: "button", class: "md-button", on: { click: () => {
      const key = store.addOwn();
      focusAfterRender = () => ownPart.querySelector(`#${CSS.escape(controlId({ kind: "own", key }, "title"))}`);
      announce("Eigen eis toegevoegd onderaan de lijst. Typ de titel en de tekst.");
    } } }, "Eigen eis toevoegen");
    const addHeading = el("button", { type: "button", class: "md-button", on: { click: () => {
      const key = store.addHeading("");
      focusAfterRender = () => ownPart.querySelector(`#${CSS.escape(controlId({ kind: "heading", key }, "text"))}`);
      announce("Eigen kopje toegevoegd onderaan de lijst. Typ de tekst en zet het met Omhoog op zijn plaats.");
    } } }, "Kopje toevoegen");
    return el("div", { class: "kk-sel-add" },
      el("p", { class: "kk-sel-buttons" }, addOwn, grouping === "eigen" ? [" ", addHeading] : null),
      grouping === "eigen" ? null : el("p", { class: "kk-sel-hint" },
        "Wilt u eigen kopjes, of criteria uit verschillende kaders door elkaar? Kies bij Groeperen “Eigen volgorde”."));
  }

  // Reads the whole state at the moment of export, so nothing is stale.
  async function currentModel() {
    const selection = store.getSelection();
    const records = await loadCriteria(siteRoot, store.selectedIds());
    return buildExportModel({ index, siteRoot, records, notes: notesOf(selection), grouping: selection.grouping, selection });
  }

  const fileName = (extension, kind = "selectie-kwaliteitscriteria") => `${kind}-${index.build_date}.${extension}`;

  const EXPORTS = [
    ["Kopieer (opgemaakt)", async (model) => { await copyFormatted(model); return "Gekopieerd met opmaak: plak het in uw document."; }],
    ["Kopieer als platte tekst", async (model) => { await copyPlain(model); return "Gekopieerd als platte tekst."; }],
    ["Download Word (.docx)", async (model) => {
      const { selectionDocx } = await import("./docx.js"); // with fflate: loaded only when asked for
      downloadBlob(selectionDocx(model), fileName("docx"));
      return "Word-bestand gedownload.";
    }],
    // The same annex as an open document and both as spreadsheets (xlsx.js, odf.js).
    ...[["Excel (.xlsx)", "./xlsx.js", "selectionXlsx", "xlsx", "Excel-bestand"],
      ["ODF-tekst (.odt)", "./odf.js", "selectionOdt", "odt", "ODF-tekstbestand (OpenDocument)"],
      ["ODF-rekenblad (.ods)", "./odf.js", "selectionOds", "ods", "ODF-rekenblad (OpenDocument)"],
    ].map(([label, module, writer, extension, what]) => [`Download ${label}`, async (model) => {
      const writers = await import(module); // with fflate: loaded only when asked for
      downloadBlob(writers[writer](model), fileName(extension));
      return `${what} gedownload.`;
    }]),
    ["Download CSV", async (model) => { downloadBlob(textBlob(selectionCsv(model), "text/csv"), fileName("csv")); return "CSV-bestand gedownload."; }],
    ["Download Markdown", async (model) => {
      downloadBlob(textBlob(selectionMarkdown(model), "text/markdown"), fileName("md"));
      return "Markdown-bestand gedownload.";
    }],
  ];

  function exportButton(label, action) {
    return el("button", { type: "button", class: "md-button", on: { click: async () => {
      try {
        announce(await action(await currentModel()));
      } catch (error) {
        announce(`Dat lukte niet (${error.message}). Probeer een andere exportvorm.`);
      }
    } } }, label);
  }

  // The weights check, live: near the top (a status region) and beside the
  // export buttons (the same words, not announced twice).
  const weightsTop = el("p", { class: "kk-sel-warning kk-sel-weights", role: "status" });
  const weightsExport = el("p", { class: "kk-sel-warning kk-sel-weights" });
  // The share link follows every change, also while the reader types.
  const shareInput = el("input", { id: "kk-sel-share-link", type: "text", readonly: true });
  const shareCopy = el("button", { type: "button", class: "md-button", on: { click: async () => {
    try {
      await navigator.clipboard.writeText(shareInput.value);
      announce("Deellink gekopieerd.");
    } catch {
      announce("Kopiëren lukte niet; selecteer de link en kopieer handmatig.");
    }
  } } }, "Kopieer deellink");
  const shareProblem = el("p", { class: "kk-sel-warning kk-sel-share-problem" });

  function updateLive() {
    const selection = store.getSelection();
    const weighed = selection.items.filter((entry) => entry.kind === "own" || (entry.kind === "criterion" && knownIds.has(entry.id)));
    const problem = weightProblem(weighed);
    for (const node of [weightsTop, weightsExport]) {
      if (node.textContent !== problem) node.textContent = problem;
    }
    weightsExport.hidden = !problem;
    const shared = { ...selection, items: selection.items.filter((entry) => entry.kind !== "criterion" || knownIds.has(entry.id)) };
    const link = shareLink(siteRoot, shared, { withNotes });
    shareInput.value = link.href || "";
    shareInput.disabled = !link.href;
    shareCopy.disabled = !link.href;
    shareProblem.textContent = link.href ? "" : `Deze selectie past niet in een deellink: die zou ${link.tooLong.toLocaleString("nl-NL")} `
      + `tekens worden, het maximum is ${MAX_LINK_LENGTH.toLocaleString("nl-NL")}. `
      + (withNotes ? "Zet “Notities meedelen” uit, deel minder criteria " : "Deel minder criteria of kortere eigen teksten, ")
      + "of stuur een export (bijvoorbeeld Word) in plaats van een link.";
    shareProblem.hidden = Boolean(link.href);
  }

  function usePanel(ids) {
    const notesBox = el("input", { type: "checkbox", id: "kk-sel-share-notes", checked: withNotes, on: { change: (event) => {
      withNotes = event.target.checked;
      updateLive();
      announce(withNotes ? "De deellink bevat nu ook uw notities." : "De deellink bevat uw notities niet.");
    } } });
    return el("section", { class: "kk-card kk-sel-use", id: "kk-sel-use", "aria-labelledby": "kk-sel-use-heading" },
      el("h2", { id: "kk-sel-use-heading" }, "Exporteren en delen"),
      el("h3", {}, "Exporteren"),
      el("p", {}, `Elke export noemt per criterium de bron (kader, uitgever, jaar, nummer en vaste link), `
        + `de datum van de gegevens (${dutchDate(index.build_date)}) en dat het originele document leidend blijft.`),
      weightsExport,
      el("p", { class: "kk-sel-buttons" }, EXPORTS.map(([label, action]) => [exportButton(label, action), " "])),
      el("h3", {}, "Delen"),
      el("p", {}, "Met deze link opent een collega dezelfde selectie: de volgorde, de rollen, wegingen en verificatie, "
        + "uw eigen kopjes en eisen. Alles staat in de link zelf; er wordt niets naar een server gestuurd."),
      el("p", { class: "kk-sel-check" }, notesBox, " ", el("label", { for: "kk-sel-share-notes" }, "Notities meedelen")),
      el("p", { class: "kk-sel-share" }, el("label", { for: "kk-sel-share-link" }, "Deellink"), shareInput, shareCopy),
      shareProblem,
      el("h3", {}, "Zelfscan"),
      el("p", {}, "Een aanbieder kan zichzelf toetsen aan precies deze criteria."),
      ids.length > 0
        ? el("p", {}, el("a", { class: "md-button md-button--primary", href: selfScanUrl(siteRoot, ids), "data-selfscan-link": "" },
          `Start zelfscan met ${ids.length === 1 ? "dit criterium" : `deze ${criteriaCount(ids.length)}`}`))
        : el("p", {}, "Kies eerst criteria uit de kaders."));
  }

  function evidenceSection(model) {
    const intro = "De documenten die een aanbieder bij deze criteria kan aanleveren, volgens de kaders zelf: "
      + "“Verificatie aanleveren” is een eis uit het kader, “Mogelijk bewijs” een suggestie. "
      + "Wat bij meer criteria hoort, staat één keer in de lijst.";
    const body = model.evidence.length === 0
      ? [el("p", {}, "Bij de gekozen criteria noemen de kaders geen bewijsstukken.")]
      : [el("p", {}, intro),
        model.evidence.map(({ entry, rows }) => [
          el("h3", {}, entry.citation.heading),
          el("ul", { class: "kk-sel-evidence-list", "data-criterion-id": entry.record.id },
            rows.map((row) => el("li", {}, evidenceRowText(row), itemsList(row.evidence.items)))),
        ]),
        el("p", {}, el("button", { type: "button", class: "md-button", on: { click: () => {
          downloadBlob(textBlob(evidenceCsv(model), "text/csv"), fileName("csv", "bewijslijst"));
          announce("Bewijslijst gedownload.");
        } } }, "Download bewijslijst (CSV)"))];
    return el("section", { class: "kk-sel-evidence", "aria-labelledby": "kk-sel-evidence-heading" },
      el("h2", { id: "kk-sel-evidence-heading" }, "Bewijslijst"), body);
  }

  function clearAllControl() {
    const area = el("div", { class: "kk-sel-clear" });
    const ask = el("button", { type: "button", class: "md-button", on: { click: () => {
      const confirm = el("button", { type: "button", class: "md-button md-button--primary", on: { click: () => {
        focusAfterRender = () => ownPart.querySelector("h2");
        store.clearAll();
        announce("De selectie is leeg.");
      } } }, "Ja, alles verwijderen");
      const cancel = el("button", { type: "button", class: "md-button", on: { click: () => {
        area.replaceChildren(ask);
        ask.focus();
      } } }, "Annuleren");
      area.replaceChildren(el("p", {}, "Weet u het zeker? Alle criteria, eigen kopjes, eigen eisen en notities verdwijnen uit deze selectie."),
        el("p", { class: "kk-sel-buttons" }, confirm, " ", cancel));
      confirm.focus();
    } } }, "Alles verwijderen");
    area.append(ask);
    return area;
  }

  function sectionList(section, records) {
    const keys = section.entries.map(store.entryKey);
    const list = el("ol", { class: "kk-sel-list" }, section.entries.map((entry) => {
      if (entry.kind === "criterion") return criterionItem(entry, records.get(entry.id), keys);
      return entry.kind === "own" ? ownItem(entry, keys) : headingItem(entry, keys);
    }));
    enableDragging(list, keys);
    return list;
  }

  async function render() {
    const thisRender = ++renderCount;
    const selection = store.getSelection();
    const ids = store.selectedIds();
    const classified = await classify(siteRoot, ids);
    const loaded = await loadCriteria(siteRoot, classified.known);
    if (thisRender !== renderCount) return; // a newer change is already being drawn
    const records = new Map(loaded.map((record) => [record.id, record]));
    knownIds = new Set(records.keys());
    const model = buildExportModel({ index, siteRoot, records: loaded, notes: notesOf(selection), grouping: selection.grouping, selection });

    const heading = el("h2", { id: "kk-sel-own-heading", tabindex: "-1" }, `Uw selectie (${ids.length})`);
    const parts = [heading];
    if (!store.isPersistent()) {
      parts.push(el("p", { class: "kk-sel-warning" }, "Uw browser staat niet toe dat deze site gegevens bewaart. "
        + "De selectie werkt, maar verdwijnt zodra u deze pagina sluit."));
    }
    if (selection.items.length === 0) {
      parts.push(emptyState());
    } else {
      parts.push(el("p", {}, "Uw selectie wordt alleen in deze browser bewaard; er wordt niets verstuurd."), weightsTop);
      const sections = displaySections(index, selection, records);
      // The criteria come first; the export controls sit beside them on a wide
      // screen and after them on a phone, where a link jumps down to them.
      if (sections.length > 0) {
        parts.push(el("p", { class: "kk-sel-jump" }, el("a", { href: "#kk-sel-use" }, "Naar exporteren en delen")));
      }
      for (const warning of model.warnings || []) parts.push(el("p", { class: "kk-sel-warning kk-lifecycle-warning" }, warning));
      const missing = missingList(siteRoot, index, classified, (id) => [" ", removeButton(id)]);
      if (missing) {
        parts.push(el("h3", {}, "Niet meer gevonden"),
          el("p", {}, "Deze criteria uit uw selectie staan niet (meer) in de kaders op deze site:"), missing);
      }
      const criteria = [el("h2", {}, "Criteria"), titleField(selection.title), groupingSwitch(selection.grouping)];
      const hiddenHeadings = selection.grouping === "eigen" ? 0 : selection.items.filter((entry) => entry.kind === "heading").length;
      if (hiddenHeadings > 0) {
        criteria.push(el("p", { class: "kk-sel-hint" }, `Uw ${countPhrase(hiddenHeadings, "eigen kopje", "eigen kopjes")} `
          + "ziet u bij “Eigen volgorde”; in deze groepering worden ze niet gebruikt."));
      }
      for (const section of sections) {
        const list = sectionList(section, records);
        criteria.push(section.title === null ? el("section", { class: "kk-sel-group kk-sel-own-order" }, list)
          : el("section", { class: "kk-sel-group" }, el("h3", {}, `${section.title} (${section.entries.length})`), list));
      }
      criteria.push(addButtons(selection.grouping));
      if (model.evidence && records.size > 0) criteria.push(evidenceSection(model));
      parts.push(el("div", { class: "kk-sel-layout" }, el("div", { class: "kk-sel-main" }, criteria), usePanel(classified.known)));
      parts.push(el("h2", {}, "Selectie leegmaken"), clearAllControl());
    }
    ownPart.replaceChildren(...parts.flat());
    updateLive();
    restoreFocus();
  }

  store.onSelectionChange((reason) => {
    if (reason === "details") updateLive();
    else render();
  });

  const showShared = async () => {
    const shared = sharedFromLocation(location);
    if (shared !== null) await renderShared(shared);
  };
  window.addEventListener("hashchange", showShared);
  await showShared();
  await render();
}
