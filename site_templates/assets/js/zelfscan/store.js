// Scans in localStorage, one key per scan so an autosave writes only the scan
// being edited: "kk.zelfscan.v1.scan.<scan id>" → the scan as JSON (the same
// document as the JSON export). "v1" is the version of this key layout; the
// scan itself carries its own schema version (model.js VERSION).
// Missing or full storage surfaces as a StorageProblem (lib/keyed-store.js).
import { StorageProblem, keyedStore } from "../lib/keyed-store.js";

export { StorageProblem };

const PREFIX = "kk.zelfscan.v1.scan.";
const scans = keyedStore(PREFIX);

/** null when storage works; otherwise the StorageProblem a write would raise. */
export const checkStorage = scans.checkStorage;

/** Every stored scan as {id, text}; raw JSON text, parsed and validated by the caller. */
export const readAll = scans.readAll;

/**
 * The stored text of one scan: null when it is not (or no longer) stored,
 * undefined when storage cannot be read at all.
 */
export const readOne = scans.readOne;

/** The scans a storage event from another tab changed: [{id, text}], or null when it is not about scans or storage cannot be read. */
export const changedBy = (event, knownIds) => scans.changedBy(event, knownIds);

/** Write one scan; throws StorageProblem. Returns the number of characters written. */
export function save(scan) {
  const text = JSON.stringify(scan);
  scans.write(scan.id, text);
  return text.length;
}

export function remove(scanId) {
  scans.remove(scanId);
}
