// The evidence of one criterion in the answering view: the library items
// linked to it (with their flags), linking an existing item, a new item in
// one step, and the framework's evidence suggestions as items with one click.
// Controls are built when they are opened, so a scan of hundreds of criteria
// stays light.
import { h, uniqueId } from "./dom.js";
import { library, SAVE_PROBLEMS } from "./evidence-store.js";
import { FIELD_LIMITS, itemFromSuggestion, kindLabel } from "./evidence-model.js";
import { flagBadge, reviewText } from "./evidence-map.js";
import { itemLink, kindSelect } from "./view-evidence.js";
import { today } from "./model.js";

// The panels on screen, so a change (here or in another tab) updates each of them.
const panels = new Set();
let subscribed = false;

function watchLibrary() {
  if (subscribed) return;
  subscribed = true;
  library.subscribe(() => {
    for (const panel of panels) {
      if (panel.root.isConnected) panel.update();
      else panels.delete(panel);
    }
  });
}

function announce(panel, text) {
  panel.status.textContent = "";
  panel.status.textContent = text;
}

function result(panel, outcome, success) {
  announce(panel, outcome.ok ? success : SAVE_PROBLEMS[outcome.reason]);
  return outcome.ok;
}

/** The form to link an existing item: a select of the items not linked yet. */
function linkForm(panel, criterion) {
  const id = uniqueId("kk-ev-link");
  const select = h("select", { id });
  const fill = () => {
    const keep = select.value;
    const linked = new Set(library.forCriterion(criterion.id).map((item) => item.id));
    const options = library.all().filter((item) => !linked.has(item.id));
    select.replaceChildren(...options.map((item) => h("option", { value: item.id, selected: item.id === keep },
      `${item.name} (${kindLabel(item.kind)})`)));
    return options.length;
  };
  if (!fill()) {
    return { form: h("p", { className: "kk-zs-hint" }, "Er is geen ander bewijsstuk om te koppelen. Maak een nieuw bewijsstuk."), fill, focus: () => {} };
  }
  const form = h("form", {
    className: "kk-zs-inline-form",
    onsubmit: (event) => {
      event.preventDefault();
      const item = library.get(select.value);
      if (!item) return;
      result(panel, library.setLinked(item.id, criterion.id, true), `"${item.name}" is gekoppeld aan ${criterion.label}.`);
      panel.close();
    },
  },
  h("label", { for: id }, "Bewijsstuk"), select,
  h("button", { type: "submit", className: "md-button md-button--primary" }, "Koppelen"),
  h("button", { type: "button", className: "md-button", onclick: () => panel.close() }, "Annuleren"));
  return { form, fill, focus: () => select.focus() };
}

/** The form for a new item, linked to this criterion at once. */
function newForm(panel, criterion) {
  const nameId = uniqueId("kk-ev-new");
  const kindId = uniqueId("kk-ev-kind");
  const name = h("input", { id: nameId, type: "text", maxlength: FIELD_LIMITS.name, autocomplete: "off" });
  const kind = kindSelect();
  kind.id = kindId;
  const form = h("form", {
    className: "kk-zs-inline-form",
    onsubmit: (event) => {
      event.preventDefault();
      if (!name.value.trim()) {
        announce(panel, "Vul een naam in voor het bewijsstuk.");
        name.focus();
        return;
      }
      const outcome = library.add({ name: name.value.trim(), kind: kind.value, criteria: [criterion.id] });
      if (result(panel, outcome, `Bewijsstuk "${outcome.item?.name}" is gemaakt en gekoppeld aan ${criterion.label}.`)) panel.close();
    },
  },
  h("label", { for: nameId }, "Naam van het bewijsstuk"), name,
  h("label", { for: kindId }, "Soort"), kind,
  h("button", { type: "submit", className: "md-button md-button--primary" }, "Toevoegen en koppelen"),
  h("button", { type: "button", className: "md-button", onclick: () => panel.close() }, "Annuleren"));
  return { form, fill: () => {}, focus: () => name.focus() };
}

/** The panel under a criterion's answer fields. */
export function evidencePanel(app, scan, criterion) {
  watchLibrary();
  const list = h("div", {});
  const status = h("p", { className: "kk-zs-announce", role: "status" });
  const formArea = h("div", {});
  const linkButton = h("button", { type: "button", className: "md-button" }, "Bestaand bewijsstuk koppelen");
  const newButton = h("button", { type: "button", className: "md-button" }, "Nieuw bewijsstuk");
  const root = h("div", { className: "kk-ev-panel", dataset: { evidencePanel: criterion.id } },
    h("p", { className: "kk-annotation-label" }, "Bewijsstukken uit uw bibliotheek"), list,
    h("p", { className: "kk-ev-panel-actions kk-zs-noprint" }, linkButton, " ", newButton, " ",
      app.link("Alle bewijsstukken", { view: "bewijs", scan: scan.id })),
    formArea, status);
  let open = null;
  const panel = {
    root, status, criterionId: criterion.id,
    update() {
      const on = today();
      const items = library.forCriterion(criterion.id);
      list.replaceChildren(items.length
        ? h("ul", { className: "kk-ev-linked" }, items.map((item) => h("li", { dataset: { itemId: item.id } },
          h("strong", {}, item.name), ` (${kindLabel(item.kind)})`, item.link && [", ", itemLink(item)],
          item.review && `, ${reviewText(item)}`, " ", flagBadge(item, on), " ",
          h("button", {
            type: "button", className: "md-button kk-ev-unlink kk-zs-noprint", "aria-label": `Ontkoppel ${item.name} van ${criterion.label}`,
            onclick: () => {
              if (result(panel, library.setLinked(item.id, criterion.id, false), `"${item.name}" is ontkoppeld van ${criterion.label}.`)) linkButton.focus();
            },
          }, "Ontkoppelen"))))
        : h("p", { className: "kk-zs-hint" }, "Nog geen bewijsstuk gekoppeld."));
      if (open) open.fill();
    },
    close() {
      const opener = open?.opener;
      open = null;
      formArea.replaceChildren();
      opener?.focus();
    },
    show(make, opener) {
      open = { ...make(panel, criterion), opener };
      formArea.replaceChildren(open.form);
      open.focus();
    },
  };
  linkButton.addEventListener("click", () => panel.show(linkForm, linkButton));
  newButton.addEventListener("click", () => panel.show(newForm, newButton));
  panel.update();
  panels.add(panel);
  return root;
}

/**
 * The button beside one of the framework's evidence suggestions: makes it an
 * item linked to this criterion in one click (an item of the same name that
 * already exists is linked instead, so the library keeps it once).
 */
export function suggestionButton(criterion, suggestion, sourceLabel) {
  const fields = itemFromSuggestion(suggestion, criterion.id, sourceLabel);
  return h("button", {
    type: "button", className: "md-button kk-ev-suggest kk-zs-noprint", "aria-label": `Als bewijsstuk toevoegen: ${fields.name}`,
    onclick: () => {
      const panel = [...panels].find((entry) => entry.criterionId === criterion.id && entry.root.isConnected);
      const same = library.all().find((item) => item.name.toLowerCase() === fields.name.toLowerCase());
      if (same?.criteria.includes(criterion.id)) {
        announce(panel, `"${same.name}" is al gekoppeld aan ${criterion.label}.`);
        return;
      }
      if (same) {
        result(panel, library.setLinked(same.id, criterion.id, true), `Bestaand bewijsstuk "${same.name}" is gekoppeld aan ${criterion.label}.`);
        return;
      }
      result(panel, library.add(fields), `Bewijsstuk "${fields.name}" is gemaakt en gekoppeld aan ${criterion.label}.`);
    },
  }, "Als bewijsstuk toevoegen");
}
