// The reader's selection of criteria, kept in localStorage under one key so
// every page (and every open tab) sees the same list. Nothing leaves the
// browser. Shape: {items: [{id, note}], grouping: "framework" | "element"};
// the order of items is the reader's own order.

const STORAGE_KEY = "kk.selectie.v1";
const CHANGE_EVENT = "kk:selection-changed";
const GROUPINGS = ["framework", "element"];

// When localStorage is blocked (some private modes, strict cookie settings)
// or full, the selection still works for as long as the page stays open.
let memoryCopy = null;
let storageBroken = false;

function emptyState() {
  return { items: [], grouping: "framework" };
}

// Stored data may be hand-edited or come from an older version: keep what is
// well-formed, never throw.
function normalise(raw) {
  const state = emptyState();
  if (!raw || typeof raw !== "object") return state;
  if (GROUPINGS.includes(raw.grouping)) state.grouping = raw.grouping;
  const seen = new Set();
  for (const item of Array.isArray(raw.items) ? raw.items : []) {
    if (!item || typeof item.id !== "string" || !item.id || seen.has(item.id)) continue;
    seen.add(item.id);
    state.items.push({ id: item.id, note: typeof item.note === "string" ? item.note : "" });
  }
  return state;
}

function load() {
  if (storageBroken) return normalise(memoryCopy);
  let text;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    storageBroken = true;
    return normalise(memoryCopy);
  }
  try {
    return normalise(JSON.parse(text));
  } catch {
    return emptyState(); // unreadable JSON: start afresh rather than break every page
  }
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
  change(state);
  save(state, reason);
}

/** False when the browser refuses to store the selection beyond this page. */
export function isPersistent() {
  load();
  return !storageBroken;
}

export function getSelection() {
  return load();
}

export function selectedIds() {
  return load().items.map((item) => item.id);
}

/** Adds or removes one criterion; returns whether it is selected afterwards. */
export function toggle(id) {
  let selected = false;
  update("items", (state) => {
    const at = state.items.findIndex((item) => item.id === id);
    if (at >= 0) {
      state.items.splice(at, 1);
    } else {
      state.items.push({ id, note: "" });
      selected = true;
    }
  });
  return selected;
}

/** Appends the IDs that are not yet selected, in the given order. */
export function addIds(ids) {
  update("items", (state) => {
    const present = new Set(state.items.map((item) => item.id));
    for (const id of ids) {
      if (!present.has(id)) state.items.push({ id, note: "" });
      present.add(id);
    }
  });
}

/** Replaces the whole selection (notes are dropped: they belonged to the old one). */
export function replaceIds(ids) {
  update("items", (state) => {
    state.items = [...new Set(ids)].map((id) => ({ id, note: "" }));
  });
}

export function remove(id) {
  update("items", (state) => {
    state.items = state.items.filter((item) => item.id !== id);
  });
}

export function clearAll() {
  update("items", (state) => {
    state.items = [];
  });
}

/** Puts the selected items in the order of `ids` (which must hold the same IDs). */
export function reorder(ids) {
  update("items", (state) => {
    const byId = new Map(state.items.map((item) => [item.id, item]));
    state.items = ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
  });
}

export function setNote(id, note) {
  update("note", (state) => {
    const item = state.items.find((candidate) => candidate.id === id);
    if (item) item.note = note;
  });
}

export function setGrouping(grouping) {
  if (!GROUPINGS.includes(grouping)) return;
  update("grouping", (state) => {
    state.grouping = grouping;
  });
}

/**
 * Calls listener(reason) after every change, from this page ("items",
 * "note", "grouping") or from another tab ("other-tab").
 */
export function onSelectionChange(listener) {
  document.addEventListener(CHANGE_EVENT, (event) => listener(event.detail.reason));
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY || event.key === null) listener("other-tab");
  });
}
