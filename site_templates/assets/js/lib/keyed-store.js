// Documents in localStorage, one key per document ("<prefix><id>" → JSON
// text), so a save writes only the document being edited and two tabs that
// add different documents never touch each other's keys. Used by the
// self-scan (scans) and its evidence library (items).
//
// Storage can be missing (privacy settings make window.localStorage throw) or
// full (setItem throws QuotaExceededError). Both surface as a StorageProblem so
// the page can say so plainly and offer an export instead.

export class StorageProblem extends Error {
  /** kind: "unavailable" (no storage at all) or "full" (a write was refused). */
  constructor(kind, cause) {
    super(kind);
    this.kind = kind;
    this.cause = cause;
  }
}

function storage() {
  try {
    const store = window.localStorage;
    if (!store) throw new Error("localStorage is null");
    return store;
  } catch (error) {
    throw new StorageProblem("unavailable", error);
  }
}

function isQuotaError(error) {
  return error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
}

function asProblem(error) {
  if (error instanceof StorageProblem) return error;
  return new StorageProblem(isQuotaError(error) ? "full" : "unavailable", error);
}

const PROBE = "__probe__";

/** The storage functions for the keys that start with `prefix`. */
export function keyedStore(prefix) {
  const idOfKey = (key) => (key && key.startsWith(prefix) && !key.endsWith(PROBE) ? key.slice(prefix.length) : null);
  return {
    /** null when storage works; otherwise the StorageProblem a write would raise. */
    checkStorage() {
      try {
        const store = storage();
        store.setItem(prefix + PROBE, "1");
        store.removeItem(prefix + PROBE);
        return null;
      } catch (error) {
        return asProblem(error);
      }
    },
    /** Every stored document as {id, text}; raw JSON text, parsed and validated by the caller. */
    readAll() {
      let store;
      try {
        store = storage();
      } catch {
        return [];
      }
      const entries = [];
      for (let i = 0; i < store.length; i += 1) {
        const id = idOfKey(store.key(i));
        if (id !== null) entries.push({ id, text: store.getItem(prefix + id) });
      }
      return entries;
    },
    /** The stored text of one document: null when it is not (or no longer) stored, undefined when storage cannot be read. */
    readOne(id) {
      try {
        return storage().getItem(prefix + id);
      } catch {
        return undefined;
      }
    },
    /** The document ID a storage event is about, or null when the key is not one of these documents. */
    idOfKey,
    /**
     * What a storage event from another tab changed, as [{id, text}] (text
     * null: deleted there); null when the key is not one of these documents
     * or storage cannot be read. A cleared storage (key null) concerns every
     * document this tab holds (`knownIds`) and any still stored.
     */
    changedBy(event, knownIds) {
      if (event.key !== null && idOfKey(event.key) === null) return null;
      const ids = event.key === null
        ? [...new Set([...knownIds, ...this.readAll().map((entry) => entry.id)])] : [idOfKey(event.key)];
      const changes = [];
      for (const id of ids) {
        const text = this.readOne(id);
        if (text === undefined) return null;
        changes.push({ id, text });
      }
      return changes;
    },
    /** Write one document's text; throws StorageProblem. */
    write(id, text) {
      try {
        storage().setItem(prefix + id, text);
      } catch (error) {
        throw asProblem(error);
      }
    },
    remove(id) {
      try {
        storage().removeItem(prefix + id);
      } catch (error) {
        throw asProblem(error);
      }
    },
  };
}
