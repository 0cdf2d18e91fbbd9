// Links that carry a selection. The share link puts the whole version-2
// state (roles, weights, verification, own headings and requirements, order,
// grouping, title; notes only when the reader chooses) in the URL fragment:
// selectie/#deel=<base64url(JSON)>. A fragment is never sent to a server.
// Old links (selectie/?ids=A,B,C) keep working. The self-scan link
// (contract 3, zelfscan/?criteria=A,B,C) carries IDs only.
import { criterionEntry, parseState } from "./store.js";

/** Longest share link the page makes; longer ones are refused with a Dutch message. */
export const MAX_LINK_LENGTH = 32000;
const FRAGMENT_PREFIX = "#deel=";

function idList(ids) {
  return ids.map((id) => encodeURIComponent(id)).join(",");
}

export function selfScanUrl(siteRoot, ids) {
  return new URL(`zelfscan/?criteria=${idList(ids)}`, siteRoot).href;
}

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("characters");
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

// Only what differs from an empty entry goes in the link: a criterion needs
// no kind (an item with an id is a criterion), headings and own requirements
// no key (the reader's copy gets new ones).
function compactEntry(entry, withNotes) {
  const out = {};
  for (const [name, value] of Object.entries(entry)) {
    if (name === "key" || (name === "kind" && value === "criterion")) continue;
    if (name === "note" && !withNotes) continue;
    if (value === "" || value === null) continue;
    out[name] = value;
  }
  return out;
}

/**
 * The share link for a state, or {tooLong: length} when it would be longer
 * than MAX_LINK_LENGTH. withNotes: whether the reader's notes go along.
 */
export function shareLink(siteRoot, state, { withNotes = false } = {}) {
  const data = { version: 2, grouping: state.grouping };
  if (state.title) data.title = state.title;
  data.items = state.items.map((entry) => compactEntry(entry, withNotes));
  const href = new URL(`selectie/${FRAGMENT_PREFIX}${toBase64Url(JSON.stringify(data))}`, siteRoot).href;
  return href.length > MAX_LINK_LENGTH ? { tooLong: href.length } : { href };
}

/**
 * What the page's address shares, or null when it shares nothing:
 * {state, problems, ids?} where problems lists in Dutch what was wrong and left
 * out, or {error} when nothing in it could be used. The decoded data is
 * checked strictly (types, known fields and values, sizes); the state is
 * built from scratch, never from the decoded objects.
 */
export function sharedFromLocation({ hash, search }) {
  if (hash.startsWith(FRAGMENT_PREFIX)) return decodeFragment(hash.slice(FRAGMENT_PREFIX.length));
  const ids = idsFromSearch(search);
  if (ids === null) return null;
  return { state: { version: 2, grouping: "framework", title: "", items: ids.map(criterionEntry) }, problems: [] };
}

function decodeFragment(encoded) {
  if (encoded.length > MAX_LINK_LENGTH) return { error: "De link is te lang om te lezen." };
  let data;
  try {
    data = JSON.parse(fromBase64Url(encoded));
  } catch {
    return { error: "De link is beschadigd: de gegevens erin zijn niet te lezen. Vraag om een nieuwe link." };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { error: "De link bevat geen selectie." };
  }
  if (data.version !== 2) return { error: "De link komt uit een versie van deze site die deze pagina niet kent." };
  if (!Array.isArray(data.items)) return { error: "De link bevat geen lijst met criteria." };
  return parseState(data);
}

/** The IDs in an old share link's query string, in order, without repeats; null if the link has none. */
export function idsFromSearch(search) {
  const raw = new URLSearchParams(search).get("ids");
  if (raw === null) return null;
  return [...new Set(raw.split(",").map((id) => id.trim()).filter(Boolean))];
}

/**
 * Sorts shared IDs into those the catalogue knows, those that were retired
 * (with their replacement, if any) and those it has never heard of. Nothing
 * is dropped: the page shows every group. The IDs' frameworks must be loaded
 * (lib/catalog.js loadFrameworksOf).
 */
export function classifyIds(index, ids) {
  const result = { known: [], retired: [], unknown: [] };
  for (const id of ids) {
    // Object.hasOwn: a hostile link may carry "constructor" or "__proto__".
    if (Object.hasOwn(index.criteria, id)) result.known.push(id);
    else if (Object.hasOwn(index.retired, id)) result.retired.push({ id, replacedBy: index.retired[id].replaced_by || null });
    else result.unknown.push(id);
  }
  return result;
}
