// "Bewijsstukken" (?view=bewijs): the evidence library. Every item once, with
// its review flag; add, edit, delete; show only flagged items; the evidence
// map per framework and overall (CSV); export and import the library.
import { h, uniqueId, download } from "./dom.js";
import { library, SAVE_PROBLEMS } from "./evidence-store.js";
import {
  FIELD_LIMITS, FLAG_LABELS, KINDS, SOON_DAYS, flagOf, kindLabel, libraryDocument, validateLibrary,
} from "./evidence-model.js";
import { flagBadge, mapCsv, mapEntries, mapFrameworks } from "./evidence-map.js";
import { readJsonFile, shortProblemList } from "./import-export.js";
import { scanFileInput } from "./scan-file-input.js";
import { today } from "./model.js";
import { citationOf } from "../lib/citation.js";
import { dutchDate } from "../lib/dates.js";

/** The item's link as a link when it is a web address (http/https only), else as text. */
export function itemLink(item) {
  if (!item.link) return null;
  if (/^https?:\/\//i.test(item.link)) {
    try {
      const url = new URL(item.link);
      return h("a", { href: url.href, rel: "noopener noreferrer" }, item.link);
    } catch {
      // Not a valid address: shown as text.
    }
  }
  return item.link;
}

/** A labelled control of the item form. */
function field(label, control, hint) {
  const id = uniqueId("kk-ev-field");
  control.id = id;
  const hintNode = hint && h("span", { className: "kk-zs-hint", id: `${id}-hint` }, hint);
  if (hint) control.setAttribute("aria-describedby", `${id}-hint`);
  return h("div", { className: "kk-zs-field" }, h("label", { for: id }, label), control, hintNode);
}

export function kindSelect(value = "document") {
  return h("select", {}, KINDS.map((kind) => h("option", { value: kind.value, selected: kind.value === value }, kind.label)));
}

/**
 * The form for a new item (item null) or an existing one. onDone(savedItem|null)
 * runs after saving or cancelling.
 */
function itemForm(app, item, entries, onDone) {
  const value = item || { name: "", kind: "document", link: "", owner: "", date: "", review: "", note: "", criteria: [] };
  const name = h("input", { type: "text", maxlength: FIELD_LIMITS.name, required: true, value: value.name, autocomplete: "off" });
  const kind = kindSelect(value.kind);
  const link = h("input", { type: "text", maxlength: FIELD_LIMITS.link, value: value.link });
  const owner = h("input", { type: "text", maxlength: FIELD_LIMITS.owner, value: value.owner });
  const date = h("input", { type: "date", value: value.date });
  const review = h("input", { type: "date", value: value.review });
  const note = h("textarea", { rows: 3, maxlength: FIELD_LIMITS.note, value: value.note });
  const error = h("p", { className: "kk-zs-message kk-zs-message--error", hidden: true, id: uniqueId("kk-ev-error") });
  const linkBoxes = (entries || []).filter((entry) => entry.item.id === item?.id && entry.id).map((entry) => {
    const id = uniqueId("kk-ev-linked");
    const label = entry.record ? citationOf(app.index, app.siteRoot, entry.record).heading : "Criterium dat niet (meer) bestaat";
    return h("div", { className: "kk-zs-check" },
      h("input", { id, type: "checkbox", checked: true, dataset: { criterion: entry.id } }), h("label", { for: id }, label));
  });
  const heading = h("h3", {}, item ? `Bewijsstuk bewerken: ${item.name}` : "Nieuw bewijsstuk");
  const form = h("form", {
    className: "kk-ev-form kk-card", novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      if (!name.value.trim()) {
        error.textContent = "Vul een naam in voor het bewijsstuk.";
        error.hidden = false;
        name.setAttribute("aria-invalid", "true");
        name.setAttribute("aria-errormessage", error.id);
        name.focus();
        return;
      }
      const unlinked = new Set(linkBoxes.map((box) => box.querySelector("input")).filter((box) => !box.checked)
        .map((box) => box.dataset.criterion));
      const fields = {
        name: name.value.trim(), kind: kind.value, link: link.value.trim(), owner: owner.value.trim(),
        date: date.value, review: review.value, note: note.value,
      };
      const current = item && (library.get(item.id) || item);
      const result = item
        ? library.save({ ...current, ...fields, criteria: current.criteria.filter((id) => !unlinked.has(id)) })
        : library.add({ ...fields, criteria: [] });
      if (!result.ok) {
        error.textContent = SAVE_PROBLEMS[result.reason];
        error.hidden = false;
        return;
      }
      onDone(result.item);
    },
  },
  heading, error,
  field("Naam", name),
  field("Soort", kind),
  field("Link of bestandsnaam", link, "Bijvoorbeeld een adres op uw intranet of de naam van het bestand."),
  h("div", { className: "kk-zs-columns" },
    field("Eigenaar", owner, "Wie houdt dit bewijsstuk actueel?"),
    field("Datum van het document", date),
    field("Herzien of verloopt op", review, `Na deze datum, en ${SOON_DAYS} dagen ervoor, krijgt het bewijsstuk een signaal.`)),
  field("Notitie", note),
  linkBoxes.length > 0 && h("fieldset", {}, h("legend", {}, "Gekoppeld aan (vink uit om te ontkoppelen)"), linkBoxes),
  h("p", { className: "kk-zs-nav" },
    h("button", { type: "submit", className: "md-button md-button--primary" }, "Bewijsstuk opslaan"),
    h("button", { type: "button", className: "md-button", onclick: () => onDone(null) }, "Annuleren")));
  return { form, focus: () => name.focus() };
}

function linkedCriteria(app, entries) {
  const linked = entries.filter((entry) => entry.id);
  if (!linked.length) return h("p", { className: "kk-zs-hint" }, "Nog aan geen criterium gekoppeld. Koppel het bij een vraag van een zelfscan.");
  return h("div", {}, h("p", { className: "kk-annotation-label" }, `Gekoppeld aan ${linked.length} criteri${linked.length === 1 ? "um" : "a"}`),
    h("ul", { className: "kk-ev-criteria" }, linked.map((entry) => {
      if (!entry.record) return h("li", {}, "Een criterium dat niet (meer) bestaat op deze site");
      const citation = citationOf(app.index, app.siteRoot, entry.record);
      return h("li", { dataset: { criterionId: entry.id } },
        h("a", { href: new URL(entry.record.url, app.siteRoot).href }, citation.heading),
        entry.record.title ? ` – ${entry.record.title}` : "");
    })));
}

export async function renderEvidence(app, { scan }) {
  const root = h("div", { className: "kk-ev-library" });
  const status = h("p", { className: "kk-zs-announce", role: "status" });
  const announce = (text) => {
    status.textContent = "";
    status.textContent = text;
  };
  const formArea = h("div", {});
  const listArea = h("div", { className: "kk-ev-list-area" });
  const mapArea = h("div", {});
  let onlyFlagged = false;
  let entries = [];
  const newButton = h("button", { type: "button", className: "md-button md-button--primary" }, "Nieuw bewijsstuk");

  const openForm = (item, returnFocus) => {
    const { form, focus } = itemForm(app, item, entries, (saved) => {
      formArea.replaceChildren();
      const afterRender = () => {
        const target = saved && listArea.querySelector(`[data-item-id="${CSS.escape(saved.id)}"] .kk-ev-edit`);
        (target || (returnFocus?.isConnected && returnFocus) || newButton).focus();
      };
      if (saved) {
        announce(item ? `Bewijsstuk "${saved.name}" is opgeslagen.` : `Bewijsstuk "${saved.name}" is toegevoegd.`);
        refresh().then(afterRender);
      } else afterRender();
    });
    formArea.replaceChildren(form);
    form.scrollIntoView({ block: "nearest" });
    focus();
  };
  newButton.addEventListener("click", () => openForm(null, newButton));

  const itemCard = (item, itemEntries, on) => {
    const actions = h("p", { className: "kk-zs-nav" });
    const editButton = h("button", {
      type: "button", className: "md-button kk-ev-edit", "aria-label": `Bewerk ${item.name}`,
      onclick: () => openForm(item, editButton),
    }, "Bewerken");
    const showActions = () => actions.replaceChildren(editButton, h("button", {
      type: "button", className: "md-button", "aria-label": `Verwijder ${item.name}`, onclick: showConfirm,
    }, "Verwijderen"));
    function showConfirm() {
      actions.replaceChildren(
        h("span", {}, `"${item.name}" verwijderen? Het wordt dan ook bij alle criteria ontkoppeld.`), " ",
        h("button", {
          type: "button", className: "md-button md-button--primary",
          onclick: () => {
            if (!library.remove(item.id)) return announce("Niet verwijderd: de opslag van deze browser is niet beschikbaar.");
            announce(`Bewijsstuk "${item.name}" is verwijderd.`);
            return refresh().then(() => newButton.focus());
          },
        }, "Ja, verwijderen"),
        h("button", { type: "button", className: "md-button", onclick: () => { showActions(); editButton.focus(); } }, "Annuleren"));
      actions.querySelector("button").focus();
    }
    showActions();
    const rows = [
      ["Soort", kindLabel(item.kind)],
      ["Link of bestand", itemLink(item)],
      ["Eigenaar", item.owner],
      ["Datum", item.date && dutchDate(item.date)],
      ["Herzien of verloopt op", item.review && dutchDate(item.review)],
      ["Notitie", item.note],
    ].filter(([, content]) => content);
    return h("li", { className: `kk-ev-item kk-card${flagOf(item, on) ? ` kk-ev-item--${flagOf(item, on)}` : ""}`, dataset: { itemId: item.id } },
      h("h3", {}, item.name, " ", flagBadge(item, on)),
      h("dl", { className: "kk-ev-fields" }, rows.flatMap(([label, content]) => [h("dt", {}, label), h("dd", {}, content)])),
      linkedCriteria(app, itemEntries), actions);
  };

  async function refresh() {
    const items = library.all();
    entries = await mapEntries(app, items);
    const on = today();
    const flagged = items.filter((item) => flagOf(item, on));
    const expired = flagged.filter((item) => flagOf(item, on) === "verlopen").length;
    const shown = onlyFlagged ? flagged : items;
    const byItem = new Map(items.map((item) => [item.id, []]));
    for (const entry of entries) byItem.get(entry.item.id).push(entry);
    const filterId = uniqueId("kk-ev-filter");
    const filter = h("div", { className: "kk-zs-check kk-ev-filter" },
      h("input", {
        id: filterId, type: "checkbox", checked: onlyFlagged,
        onchange: (event) => {
          onlyFlagged = event.target.checked;
          refresh().then(() => listArea.querySelector(".kk-ev-filter input")?.focus());
        },
      }),
      h("label", { for: filterId }, `Toon alleen bewijsstukken die verlopen zijn of binnen ${SOON_DAYS} dagen verlopen (${flagged.length})`));
    listArea.replaceChildren(...[
      h("p", { className: "kk-ev-counts" }, items.length
        ? `${items.length} bewijsstuk(ken): ${expired} ${FLAG_LABELS.verlopen.toLowerCase()}, `
          + `${flagged.length - expired} ${FLAG_LABELS.binnenkort.toLowerCase()}.`
        : "Er staan nog geen bewijsstukken in deze browser."),
      items.length > 0 && filter,
      shown.length > 0 && h("ul", { className: "kk-ev-list" }, shown.map((item) => itemCard(item, byItem.get(item.id), on))),
      items.length > 0 && shown.length === 0 && h("p", {}, "Geen bewijsstukken die verlopen zijn of binnenkort verlopen."),
    ].filter(Boolean));
    const frameworks = mapFrameworks(entries);
    const mapButton = (label, framework) => h("button", {
      type: "button", className: "md-button",
      onclick: () => {
        const file = mapCsv(app, entries, framework);
        download(file.filename, file.text, file.type);
      },
    }, label);
    mapArea.replaceChildren(items.length
      ? h("div", { className: "kk-zs-exports" }, mapButton("Bewijskaart van alle kaders (CSV)", null),
        frameworks.map((framework) => mapButton(`Bewijskaart ${framework.short_title} (CSV)`, framework)))
      : h("p", {}, "Nog geen bewijsstukken."));
  }

  const picker = scanFileInput(app, {
    idPrefix: "kk-ev-import", refusal: "is niet ingelezen. Wat er mis is:", read: readLibraryFile,
    onScan: async (data, file, feedback) => {
      announceImport(library.importItems(data.items), file.name, feedback);
      await refresh();
    },
  });
  await refresh();
  // Another tab added, changed or deleted an item: show the library as it is now.
  const unsubscribe = library.subscribe(() => {
    if (!root.isConnected) return unsubscribe();
    return refresh();
  });
  root.append(...[
    h("h2", {}, "Bewijsstukken"),
    h("nav", { className: "kk-zs-nav", "aria-label": "Zelfscan" },
      scan && app.link(`Terug naar ${scan.name}`, { scan: scan.id }, { className: "md-button" }),
      app.link("Alle zelfscans", {}, { className: "md-button" })),
    h("p", {}, "Bewaar elk bewijsstuk hier één keer en koppel het aan alle criteria waar het bij hoort, in elke zelfscan en bij elk kader. "
      + `Een bewijsstuk waarvan de herzienings- of vervaldatum voorbij is of binnen ${SOON_DAYS} dagen valt, krijgt een signaal.`),
    library.unreadable > 0 && h("p", { className: "kk-zs-message" },
      `${library.unreadable} opgeslagen bewijsstuk(ken) konden niet worden gelezen en worden niet getoond.`),
    status,
    h("p", {}, newButton),
    formArea,
    listArea,
    h("section", { className: "kk-ev-map" }, h("h3", {}, "Bewijskaart"),
      h("p", {}, "Welk bewijsstuk ondersteunt welke criteria: per kader, of alles in één bestand (CSV voor Excel)."), mapArea),
    h("section", { className: "kk-zs-import kk-card" }, h("h3", {}, "Bewijsstukken exporteren en inlezen"),
      h("p", {}, "Het bestand bevat alle bewijsstukken met hun koppelingen, en wordt alleen in deze browser gelezen (hoogstens 5 MB)."),
      h("p", {}, h("button", {
        type: "button", className: "md-button",
        onclick: () => download(`bewijsstukken-${today()}.json`, `${JSON.stringify(libraryDocument(library.all()), null, 2)}\n`, "application/json"),
      }, "Exporteer bewijsstukken (JSON)")),
      h("label", { for: picker.id }, "JSON-bestand met bewijsstukken"), " ", picker.control, picker.feedback),
  ].filter(Boolean));
  return root;
}

function announceImport(result, fileName, feedback) {
  const parts = [`${result.added} toegevoegd`];
  if (result.copies) parts.push(`${result.copies} als kopie (dezelfde ID had hier andere inhoud)`);
  if (result.same) parts.push(`${result.same} stonden er al`);
  if (result.failed) parts.push(`${result.failed} niet opgeslagen (de opslag is vol of niet beschikbaar)`);
  feedback.replaceChildren(h("p", {}, `"${fileName}" is ingelezen: ${parts.join(", ")}.`));
}

/** A library file read and checked: {data} or {problems}; nothing is written. */
async function readLibraryFile(file) {
  const read = await readJsonFile(file);
  if (read.problems) return read;
  let problems;
  try {
    problems = validateLibrary(read.data);
  } catch {
    problems = ["Het bestand kon niet worden gecontroleerd en is niet gelezen."];
  }
  return problems.length ? { problems: shortProblemList(problems) } : { data: read.data };
}
