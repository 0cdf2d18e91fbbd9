// The reader's selection, kept in localStorage under one key so every page
// (and every open tab) sees the same list. Nothing leaves the browser.
//
// Shape (version 2, see the README and the shared contract):
//   { version: 2, grouping: "framework" | "element" | "eigen", title: "",
//     items: [Entry] }                       // array order = the reader's order
//   Entry = { kind: "criterion", id, note, role, weight, moment, verification, explain }
//         | { kind: "heading", key: "h-…", text }
//         | { kind: "own", key: "e-…", title, text, role, weight, moment, verification }
// A version-1 selection ({items: [{id, note}], grouping}) under the old key is
// read once, migrated and left in place as a backup.
import { CHANGE_EVENT, STORAGE_KEY, V1_STORAGE_KEY } from "./keys.js";
import { MOMENTS, ROLES } from "./roles.js";

export const GROUPINGS = ["framework", "element", "eigen"];

/** Upper bounds on what a selection may hold; a share link is checked against them too. */
export const LIMITS = { items: 1000, id: 120, key: 40, short: 300, text: 10000, weight: 100 };

const ROLE_VALUES = ["", ...ROLES.map((role) => role.value)];
const MOMENT_VALUES = ["", ...MOMENTS.map((moment) => moment.value)];
const KEY_PATTERN = { heading: /^h-[a-z0-9]{1,32}$/, own: /^e-[a-z0-9]{1,32}$/ };

// The fields of each kind of entry: [name, check] where check is one of the
// field kinds below. Order is the order in which they are stored.
const FIELDS = {
  criterion: [["note", "text"], ["role", "role"], ["weight", "weight"], ["moment", "moment"],
    ["verification", "text"], ["explain", "text"]],
  heading: [["text", "short"]],
  own: [["title", "short"], ["text", "text"], ["role", "role"], ["weight", "weight"], ["moment", "moment"],
    ["verification", "text"]],
};
const FIELD_NAMES = {
  note: "notitie", role: "rol", weight: "weging", moment: "moment", verification: "verificatie",
  explain: "pas-toe-of-leg-uit-notitie", text: "tekst", title: "titel",
};
const KIND_NAMES = { criterion: "criterium", heading: "kopje", own: "eigen eis" };

function defaultValue(check) {
  return check === "weight" ? null : "";
}

// Returns [value, problem]; problem is a Dutch phrase or "".
function checkField(check, value) {
  if (check === "weight") {
    if (value === null || value === undefined) return [null, ""];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > LIMITS.weight) {
      return [null, "moet een getal van 0 tot en met 100 zijn"];
    }
    return [value, ""];
  }
  if (value === undefined) return ["", ""];
  if (typeof value !== "string") return ["", "moet tekst zijn"];
  if (check === "role" && !ROLE_VALUES.includes(value)) return ["", "is geen bekende rol"];
  if (check === "moment" && !MOMENT_VALUES.includes(value)) return ["", "is geen bekend moment"];
  const max = check === "short" ? LIMITS.short : LIMITS.text;
  if (value.length > max) return [value.slice(0, max), `is langer dan ${max} tekens`];
  return [value, ""];
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const ownKeys = (value) => Object.keys(value); // JSON.parse makes "__proto__" an own key: it is listed too

function newKey(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${[...bytes].map((byte) => byte.toString(36).padStart(2, "0")).join("").slice(0, 12)}`;
}

/**
 * Reads a selection of any known shape into a fresh, well-formed version-2
 * state, built from scratch (nothing of the input object is kept, so a
 * hostile "__proto__" goes nowhere). Returns {state, problems}: problems are
 * Dutch sentences about what was left out or cut short. Stored data uses the
 * state and ignores the problems; a share link shows them.
 */
export function parseState(raw) {
  const state = emptyState();
  const problems = [];
  if (!isPlainObject(raw)) return { state, problems: ["De gegevens zijn geen selectie."] };
  for (const name of ownKeys(raw)) {
    if (!["version", "grouping", "title", "items"].includes(name)) problems.push(`Onbekend onderdeel “${name.slice(0, 40)}”.`);
  }
  if (raw.version !== undefined && raw.version !== 1 && raw.version !== 2) problems.push("Onbekende versie.");
  if (raw.grouping !== undefined) {
    if (GROUPINGS.includes(raw.grouping)) state.grouping = raw.grouping;
    else problems.push("Onbekende groepering.");
  }
  const [title, titleProblem] = checkField("short", raw.title);
  state.title = title;
  if (titleProblem) problems.push(`De titel ${titleProblem}.`);
  if (raw.items !== undefined && !Array.isArray(raw.items)) problems.push("De lijst met onderdelen ontbreekt.");
  const items = Array.isArray(raw.items) ? raw.items : [];
  if (items.length > LIMITS.items) problems.push(`Meer dan ${LIMITS.items} onderdelen: de rest is weggelaten.`);
  const seenIds = new Set();
  const seenKeys = new Set();
  items.slice(0, LIMITS.items).forEach((item, at) => {
    const where = `Onderdeel ${at + 1}`;
    if (!isPlainObject(item)) {
      problems.push(`${where} is geen geldig onderdeel en is weggelaten.`);
      return;
    }
    // A version-1 item has no kind: it is a criterion.
    const kind = item.kind === undefined && Object.hasOwn(item, "id") ? "criterion" : item.kind;
    if (!Object.hasOwn(FIELDS, kind)) {
      problems.push(`${where} heeft een onbekende soort en is weggelaten.`);
      return;
    }
    const entry = { kind };
    if (kind === "criterion") {
      if (typeof item.id !== "string" || !item.id || item.id.length > LIMITS.id) {
        problems.push(`${where} (criterium) heeft geen geldige ID en is weggelaten.`);
        return;
      }
      entry.id = item.id;
    } else if (typeof item.key === "string" && KEY_PATTERN[kind].test(item.key)) {
      entry.key = item.key;
    } else {
      if (item.key !== undefined) problems.push(`${where} (${KIND_NAMES[kind]}) had een ongeldige sleutel; er is een nieuwe gemaakt.`);
      entry.key = newKey(kind === "heading" ? "h" : "e");
    }
    if (kind === "criterion") {
      if (seenIds.has(entry.id)) return; // a criterion is listed once; the first one counts
      seenIds.add(entry.id);
    } else {
      if (seenKeys.has(entry.key)) entry.key = newKey(kind === "heading" ? "h" : "e");
      seenKeys.add(entry.key);
    }
    const allowed = new Set(["kind", kind === "criterion" ? "id" : "key", ...FIELDS[kind].map(([name]) => name)]);
    for (const name of ownKeys(item)) {
      if (!allowed.has(name)) problems.push(`${where}: onbekend veld “${name.slice(0, 40)}” is weggelaten.`);
    }
    for (const [name, check] of FIELDS[kind]) {
      const [value, problem] = checkField(check, item[name]);
      entry[name] = value;
      if (problem) problems.push(`${where}: ${FIELD_NAMES[name]} ${problem}.`);
    }
    state.items.push(entry);
  });
  return { state, problems };
}

export function emptyState() {
  return { version: 2, grouping: "framework", title: "", items: [] };
}

/** The key that names an entry in its list: a criterion's ID, else its own key. */
export function entryKey(entry) {
  return entry.kind === "criterion" ? entry.id : entry.key;
}

/** A new criterion entry with every field empty. */
export function criterionEntry(id) {
  const entry = { kind: "criterion", id };
  for (const [name, check] of FIELDS.criterion) entry[name] = defaultValue(check);
  return entry;
}

// When localStorage is blocked (some private modes, strict cookie settings)
// or full, the selection still works for as long as the page stays open.
let memoryCopy = null;
let storageBroken = false;

function readKey(key) {
  return localStorage.getItem(key);
}

function parseText(text) {
  try {
    return parseState(JSON.parse(text)).state;
  } catch {
    return emptyState(); // unreadable JSON: start afresh rather than break every page
  }
}

function load() {
  if (storageBroken) return parseState(memoryCopy).state;
  let text;
  try {
    text = readKey(STORAGE_KEY);
    if (text === null) {
      const old = readKey(V1_STORAGE_KEY);
      if (old === null) return emptyState();
      // Migrate once: from now on the version-2 key is read; the old one stays as it was.
      const migrated = parseText(old);
      localStorage.setItem(STORAGE_KEY, JSON.stringify(migrated));
      return migrated;
    }
  } catch {
    storageBroken = true;
    return parseState(memoryCopy).state;
  }
  return parseText(text);
}

function save(state, reason) {
  memoryCopy = state;
  if (!storageBroken) {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      storageBroken = true;
    }
  }
  document.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: { reason } }));
}

function update(reason, change) {
  const state = load();
  const result = change(state);
  save(state, reason);
  return result;
}

function findEntry(state, key) {
  return state.items.find((entry) => entryKey(entry) === key);
}

/** False when the browser refuses to store the selection beyond this page. */
export function isPersistent() {
  load();
  return !storageBroken;
}

/** The whole state (a fresh copy): criteria, own headings and own requirements in the reader's order. */
export function getSelection() {
  return load();
}

/** The selected criteria (kind "criterion" only), in the reader's order. */
export function criterionEntries() {
  return load().items.filter((entry) => entry.kind === "criterion");
}

export function selectedIds() {
  return criterionEntries().map((entry) => entry.id);
}

export function isSelected(id) {
  return selectedIds().includes(id);
}

/** Adds or removes one criterion; returns whether it is selected afterwards. */
export function toggle(id) {
  return update("items", (state) => {
    const at = state.items.findIndex((entry) => entry.kind === "criterion" && entry.id === id);
    if (at >= 0) {
      state.items.splice(at, 1);
      return false;
    }
    state.items.push(criterionEntry(id));
    return true;
  });
}

/** Appends the IDs that are not yet selected, in the given order. */
export function addIds(ids) {
  update("items", (state) => {
    const present = new Set(state.items.map(entryKey));
    for (const id of ids) {
      if (!present.has(id)) state.items.push(criterionEntry(id));
      present.add(id);
    }
  });
}

/** Replaces the whole selection by these criteria (the old details belonged to the old one). */
export function replaceIds(ids) {
  update("items", (state) => {
    state.items = [...new Set(ids)].map(criterionEntry);
  });
}

/**
 * Replaces everything by another state (from a share link), or appends its
 * entries: criteria already selected keep the reader's own details; headings
 * and own requirements get new keys so they never collide.
 */
export function replaceState(other) {
  update("items", (state) => {
    const { state: clean } = parseState(other);
    Object.assign(state, clean);
  });
}

export function appendState(other) {
  update("items", (state) => {
    const { state: clean } = parseState(other);
    const present = new Set(state.items.map(entryKey));
    for (const entry of clean.items) {
      if (entry.kind === "criterion") {
        if (present.has(entry.id)) continue;
        present.add(entry.id);
      } else {
        entry.key = newKey(entry.kind === "heading" ? "h" : "e");
      }
      state.items.push(entry);
    }
    if (!state.title) state.title = clean.title;
  });
}

/** Removes a criterion (by ID), an own heading or an own requirement (by key). */
export function remove(key) {
  update("items", (state) => {
    state.items = state.items.filter((entry) => entryKey(entry) !== key);
  });
}

export function clearAll() {
  update("items", (state) => {
    state.items = [];
  });
}

/**
 * Puts the named entries (criterion IDs and own keys) in the order of `keys`,
 * in the places they held; entries not named stay where they are. So swapping
 * two criteria of one group never moves an own heading.
 */
export function reorder(keys) {
  update("items", (state) => {
    const byKey = new Map(state.items.map((entry) => [entryKey(entry), entry]));
    const named = [...new Set(keys)].filter((key) => byKey.has(key));
    const namedSet = new Set(named);
    let next = 0;
    state.items = state.items.map((entry) => (namedSet.has(entryKey(entry)) ? byKey.get(named[next++]) : entry));
  });
}

/**
 * Changes fields of one entry ({role: "eis"}, {weight: 20}, ...). Unknown
 * fields and bad values are ignored. Fires the change reason "details", on
 * which pages update in place rather than redraw (the reader is typing).
 */
export function updateEntry(key, fields) {
  update("details", (state) => {
    const entry = findEntry(state, key);
    if (!entry) return;
    for (const [name, check] of FIELDS[entry.kind]) {
      if (!Object.hasOwn(fields, name)) continue;
      const [value, problem] = checkField(check, fields[name]);
      if (!problem || check === "text" || check === "short") entry[name] = value;
    }
  });
}

export function setNote(id, note) {
  updateEntry(id, { note });
}

export function setTitle(title) {
  update("details", (state) => {
    state.title = checkField("short", title)[0];
  });
}

/** Adds an own heading (after `afterKey`, or at the end); returns its key. */
export function addHeading(text, afterKey = null) {
  return insertEntry({ kind: "heading", key: newKey("h"), text: checkField("short", text)[0] }, afterKey);
}

/** Adds an own requirement (the reader's own text, never a quote); returns its key. */
export function addOwn({ title = "", text = "" } = {}, afterKey = null) {
  const entry = { kind: "own", key: newKey("e") };
  for (const [name, check] of FIELDS.own) entry[name] = defaultValue(check);
  entry.title = checkField("short", title)[0];
  entry.text = checkField("text", text)[0];
  return insertEntry(entry, afterKey);
}

function insertEntry(entry, afterKey) {
  update("items", (state) => {
    const at = afterKey === null ? -1 : state.items.findIndex((candidate) => entryKey(candidate) === afterKey);
    if (at < 0) state.items.push(entry);
    else state.items.splice(at + 1, 0, entry);
  });
  return entry.key;
}

export function setGrouping(grouping) {
  if (!GROUPINGS.includes(grouping)) return;
  update("grouping", (state) => {
    state.grouping = grouping;
  });
}

/**
 * Calls listener(reason) after every change, from this page ("items",
 * "details", "grouping") or from another tab ("other-tab").
 */
export function onSelectionChange(listener) {
  document.addEventListener(CHANGE_EVENT, (event) => listener(event.detail.reason));
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY || event.key === null) listener("other-tab");
  });
}
