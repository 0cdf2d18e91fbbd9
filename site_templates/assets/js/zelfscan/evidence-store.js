// The evidence library in this browser: one localStorage key per item,
// "kk.bewijs.v1.item.<item id>" → the item as JSON ("v1" is the key layout).
// One key per item means two tabs that add items never touch each other's
// keys. Editing one item in two tabs works like the scans (main.js): each tab
// keeps the stored text it last read or wrote (the base), re-reads before a
// save and merges (evidence-model.mergeItems); an item deleted in one tab
// stays deleted. Storage events keep every open tab up to date.
//
// The module holds one library per page (`library`), loaded on first use, so
// every view and the report read the same items.
import { keyedStore, StorageProblem } from "../lib/keyed-store.js";
import { compareItems, createItem, mergeItems, validateItem } from "./evidence-model.js";

export const PREFIX = "kk.bewijs.v1.item.";
const items = keyedStore(PREFIX);

function parse(text) {
  try {
    const item = JSON.parse(text);
    return validateItem(item).length === 0 ? item : null;
  } catch {
    return null;
  }
}

class EvidenceLibrary {
  constructor() {
    this.loaded = false;
    this.items = new Map();
    this.base = new Map();
    this.unreadable = 0;
    this.listeners = new Set();
  }

  load() {
    if (this.loaded) return this;
    this.loaded = true;
    for (const { id, text } of items.readAll()) {
      const item = parse(text);
      // An item that fails the checks stays in storage untouched but is not shown.
      if (item && item.id === id) {
        this.items.set(id, item);
        this.base.set(id, text);
      } else this.unreadable += 1;
    }
    window.addEventListener("storage", (event) => this.otherTabChanged(event));
    return this;
  }

  /** Every item, sorted by name. */
  all() {
    return [...this.load().items.values()].sort(compareItems);
  }

  get(id) {
    return this.load().items.get(id);
  }

  /** The items linked to a criterion, sorted by name. */
  forCriterion(criterionId) {
    return this.all().filter((item) => item.criteria.includes(criterionId));
  }

  /** listener(changedIds) runs after every change, in this tab or another. Returns the unsubscribe function. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(ids) {
    for (const listener of [...this.listeners]) listener(ids);
  }

  otherTabChanged(event) {
    const changes = items.changedBy(event, this.items.keys());
    if (!changes) return;
    const changed = changes.map((change) => change.id);
    for (const { id: itemId, text } of changes) {
      if (text === null) {
        this.items.delete(itemId);
        this.base.delete(itemId);
        continue;
      }
      const item = parse(text);
      if (!item || item.id !== itemId) continue;
      this.items.set(itemId, item);
      this.base.set(itemId, text);
    }
    this.notify(changed);
  }

  /**
   * Store an item (new or changed). Resolves to {ok: true, item} with the
   * stored (possibly merged) item, or {ok: false, reason}: "deleted" (another
   * tab deleted it), "full" or "unavailable" (storage refused the write).
   */
  save(item, { touch = true } = {}) {
    this.load();
    const storedText = items.readOne(item.id);
    const baseText = this.base.get(item.id);
    if (storedText === null && baseText !== undefined) {
      this.items.delete(item.id);
      this.base.delete(item.id);
      this.notify([item.id]);
      return { ok: false, reason: "deleted" };
    }
    let next = { ...item, criteria: [...item.criteria] };
    if (storedText && baseText && storedText !== baseText) {
      const theirs = parse(storedText);
      const base = parse(baseText);
      if (theirs && base) next = mergeItems(base, theirs, next);
    }
    if (touch) next.modified = new Date().toISOString();
    const text = JSON.stringify(next);
    try {
      items.write(next.id, text);
    } catch (error) {
      if (!(error instanceof StorageProblem)) throw error;
      return { ok: false, reason: error.kind };
    }
    this.items.set(next.id, next);
    this.base.set(next.id, text);
    this.notify([next.id]);
    return { ok: true, item: next };
  }

  /** A new item from fields (see evidence-model.createItem), stored. */
  add(fields) {
    return this.save(createItem(fields), { touch: false });
  }

  /** Link or unlink a criterion. */
  setLinked(itemId, criterionId, linked) {
    const item = this.get(itemId);
    if (!item) return { ok: false, reason: "deleted" };
    const criteria = item.criteria.filter((id) => id !== criterionId);
    if (linked) criteria.push(criterionId);
    return this.save({ ...item, criteria });
  }

  remove(itemId) {
    this.load();
    try {
      items.remove(itemId);
    } catch (error) {
      if (!(error instanceof StorageProblem)) throw error;
      return false;
    }
    this.items.delete(itemId);
    this.base.delete(itemId);
    this.notify([itemId]);
    return true;
  }

  /**
   * Add the items of a checked import file. An item whose ID is already here
   * with the same content is skipped; with other content it is added as a
   * copy under a new ID, so nothing stored is ever overwritten.
   * Returns {added, copies, same, failed}.
   */
  importItems(imported) {
    this.load();
    const result = { added: 0, copies: 0, same: 0, failed: 0 };
    for (const item of imported) {
      const existing = this.items.get(item.id);
      let toStore = item;
      if (existing && JSON.stringify(existing) === JSON.stringify(item)) {
        result.same += 1;
        continue;
      }
      if (existing) toStore = { ...createItem(item), created: item.created, modified: item.modified };
      const saved = this.save(toStore, { touch: false });
      if (!saved.ok) result.failed += 1;
      else if (existing) result.copies += 1;
      else result.added += 1;
    }
    return result;
  }
}

export const library = new EvidenceLibrary();

/** The evidence items linked to a criterion ID (any framework, any scan), sorted by name. */
export function evidenceForCriterion(criterionId) {
  return library.forCriterion(criterionId);
}

/** What a failed save (result.reason) means, in Dutch. */
export const SAVE_PROBLEMS = {
  deleted: "Niet opgeslagen: dit bewijsstuk is in een ander tabblad verwijderd.",
  full: "Niet opgeslagen: de opslag van deze browser is vol. Exporteer uw bewijsstukken als JSON-bestand en verwijder eventueel oude zelfscans.",
  unavailable: "Niet opgeslagen: deze browser staat niet toe dat bewijsstukken hier worden bewaard (bijvoorbeeld door de privacy-instellingen).",
};
