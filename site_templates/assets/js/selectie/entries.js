// The controls per entry on the selection page: a criterion's role in the
// tender (role, weight, verification moment and text with the framework's own
// suggestions, "pas toe of leg uit"), folded in a <details> so a phone screen
// stays calm, and the editors of the reader's own headings and requirements.
// Every change goes straight to the store; the page redraws nothing while the
// reader types.
import { el } from "./dom.js";
import { itemText } from "./model.js";
import { MOMENTS, ROLES, WEIGHTED_ROLE, momentLabel, roleLabel } from "./roles.js";
import { entryKey } from "./store.js";

/** An id attribute for a control of an entry (criterion IDs and own keys are already id-safe). */
export function controlId(entry, field) {
  return `kk-sel-${field}-${entryKey(entry)}`;
}

/** "Gunningscriterium, 20 %, bij inschrijving" — or "nog niet gekozen". */
export function roleSummary(entry) {
  const parts = [];
  if (entry.role) parts.push(roleLabel(entry.role));
  if (entry.role === WEIGHTED_ROLE) parts.push(Number.isFinite(entry.weight) ? `${String(entry.weight).replace(".", ",")}\u00a0%` : "nog geen weging");
  if (entry.moment) parts.push(momentLabel(entry.moment).toLowerCase());
  return parts.length > 0 ? parts.join(", ") : "nog niet gekozen";
}

function labelled(entry, field, label, control, hint = null) {
  return el("p", { class: `kk-sel-field kk-sel-field-${field}` },
    el("label", { for: controlId(entry, field) }, label),
    hint ? el("span", { class: "kk-sel-hint", id: `${controlId(entry, field)}-hint` }, hint) : null,
    control);
}

function choice(entry, field, options, onChange) {
  return el("select", { id: controlId(entry, field), on: { change: (event) => onChange(event.target.value) } },
    el("option", { value: "", selected: entry[field] === "" }, "Nog niet gekozen"),
    options.map((option) => el("option", { value: option.value, selected: entry[field] === option.value }, option.label)));
}

function textArea(entry, field, onInput, rows = "2") {
  return el("textarea", { id: controlId(entry, field), rows, on: { input: (event) => onInput(event.target.value) } }, entry[field]);
}

/** The text a suggestion puts in the verification field: its text and sub-items on one line. */
function suggestionText(evidence) {
  return [itemText(evidence), ...(evidence.items || []).map(itemText)].join(" ");
}

/**
 * The "Rol in de aanbesteding" block of a criterion or own requirement.
 * change(fields) stores a change; announce(message) reports one. suggestions:
 * the criterion's own evidence entries (empty for own requirements).
 */
export function roleDetails(entry, { open, onToggle, change, announce, suggestions = [] }) {
  const current = { ...entry };
  const summaryValue = el("span", { class: "kk-sel-roles-summary" }, roleSummary(current));
  const set = (fields) => {
    Object.assign(current, fields);
    summaryValue.textContent = roleSummary(current);
    change(fields);
  };

  const weightInput = el("input", { id: controlId(entry, "weight"), type: "number", min: "0", max: "100", step: "any",
    inputmode: "decimal", value: Number.isFinite(entry.weight) ? String(entry.weight) : "",
    "aria-describedby": `${controlId(entry, "weight")}-hint`,
    on: { input: (event) => {
      const value = event.target.value === "" ? null : Number(event.target.value);
      set({ weight: Number.isFinite(value) ? value : null });
    } } });
  const weightField = labelled(entry, "weight", "Weging (%)", weightInput, "Alle gunningscriteria samen: 100 %.");
  weightField.hidden = entry.role !== WEIGHTED_ROLE;

  const roleSelect = choice(entry, "role", ROLES, (role) => {
    weightField.hidden = role !== WEIGHTED_ROLE;
    if (role === WEIGHTED_ROLE) set({ role });
    else {
      weightInput.value = "";
      set({ role, weight: null }); // a weight only means something for an award criterion
    }
  });

  const verification = textArea(entry, "verification", (value) => set({ verification: value }));
  const offered = suggestions.length === 0 ? null : el("div", { class: "kk-sel-suggestions" },
    el("p", {}, "Suggesties uit het kader:"),
    el("ul", {}, suggestions.map((evidence) => {
      const text = suggestionText(evidence);
      return el("li", {}, el("span", {}, text), " ",
        el("button", { type: "button", class: "md-button kk-sel-small", "aria-label": `Neem over: ${text.slice(0, 80)}`,
          on: { click: () => {
            const before = verification.value.trim();
            if (before.includes(text)) {
              announce("Deze suggestie staat al bij de verificatie.");
              return;
            }
            verification.value = before ? `${before}\n${text}` : text;
            set({ verification: verification.value });
            announce("Suggestie overgenomen bij de verificatie.");
          } } }, "Neem over"));
    })));

  const details = el("details", { class: "kk-sel-roles", open: open || false,
    on: { toggle: () => onToggle(details.open) } },
    el("summary", {}, "Rol in de aanbesteding: ", summaryValue),
    el("div", { class: "kk-sel-roles-body" },
      labelled(entry, "role", "Rol", roleSelect),
      weightField,
      labelled(entry, "moment", "Moment van verificatie", choice(entry, "moment", MOMENTS, (moment) => set({ moment }))),
      labelled(entry, "verification", "Hoe wordt dit geverifieerd?", verification),
      offered,
      entry.kind === "criterion"
        ? labelled(entry, "explain", "Pas toe of leg uit (toelichting)", textArea(entry, "explain", (value) => set({ explain: value })))
        : null));
  return details;
}

/** The editable fields of an own requirement: always marked as the reader's own text. */
export function ownFields(entry, change) {
  return [
    el("p", { class: "kk-sel-own-mark" }, el("span", { class: "kk-own-badge" }, "Eigen eis"),
      " Uw eigen tekst, geen citaat uit een kader."),
    el("p", { class: "kk-sel-field" },
      el("label", { for: controlId(entry, "title") }, "Titel van de eis"),
      el("input", { id: controlId(entry, "title"), type: "text", value: entry.title,
        on: { input: (event) => change({ title: event.target.value }) } })),
    el("p", { class: "kk-sel-field" },
      el("label", { for: controlId(entry, "text") }, "Tekst van de eis"),
      textArea(entry, "text", (value) => change({ text: value }), "3")),
  ];
}

/** The editable text of an own heading. */
export function headingField(entry, change) {
  return el("p", { class: "kk-sel-field kk-sel-heading-field" },
    el("label", { for: controlId(entry, "text") }, "Eigen kopje"),
    el("input", { id: controlId(entry, "text"), type: "text", value: entry.text,
      on: { input: (event) => change({ text: event.target.value }) } }));
}
