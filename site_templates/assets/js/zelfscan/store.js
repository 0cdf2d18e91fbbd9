// Scans in localStorage, one key per scan so an autosave writes only the scan
// being edited: "kk.zelfscan.v1.scan.<scan id>" → the scan as JSON (the same
// document as the JSON export). "v1" is the version of this key layout; the
// scan itself carries its own schema version (model.js VERSION).
//
// Storage can be missing (privacy settings make window.localStorage throw) or
// full (setItem throws QuotaExceededError). Both surface as a StorageProblem so
// the page can say so plainly and offer the export instead.

const PREFIX = "kk.zelfscan.v1.scan.";

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

/** null when storage works; otherwise the StorageProblem a write would raise. */
export function checkStorage() {
  try {
    const store = storage();
    const probeKey = `${PREFIX}__probe__`;
    store.setItem(probeKey, "1");
    store.removeItem(probeKey);
    return null;
  } catch (error) {
    if (error instanceof StorageProblem) return error;
    return new StorageProblem(isQuotaError(error) ? "full" : "unavailable", error);
  }
}

/** Every stored scan as {id, text}; raw JSON text, parsed and validated by the caller. */
export function readAll() {
  let store;
  try {
    store = storage();
  } catch {
    return [];
  }
  const entries = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key && key.startsWith(PREFIX) && !key.endsWith("__probe__")) {
      entries.push({ id: key.slice(PREFIX.length), text: store.getItem(key) });
    }
  }
  return entries;
}

/**
 * The stored text of one scan: null when it is not (or no longer) stored,
 * undefined when storage cannot be read at all.
 */
export function readOne(scanId) {
  try {
    return storage().getItem(PREFIX + scanId);
  } catch {
    return undefined;
  }
}

/** The scan ID a storage event is about, or null when the key is not a scan. */
export function scanIdOfKey(key) {
  return key && key.startsWith(PREFIX) && !key.endsWith("__probe__") ? key.slice(PREFIX.length) : null;
}

/** Write one scan; throws StorageProblem. Returns the number of characters written. */
export function save(scan) {
  const text = JSON.stringify(scan);
  try {
    storage().setItem(PREFIX + scan.id, text);
  } catch (error) {
    if (error instanceof StorageProblem) throw error;
    throw new StorageProblem(isQuotaError(error) ? "full" : "unavailable", error);
  }
  return text.length;
}

export function remove(scanId) {
  try {
    storage().removeItem(PREFIX + scanId);
  } catch (error) {
    throw error instanceof StorageProblem ? error : new StorageProblem("unavailable", error);
  }
}
