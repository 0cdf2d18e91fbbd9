// The evidence library's items: their shape, kinds, review flags, the merge
// of two tabs' edits, items made from a framework's evidence suggestions, and
// the checks an imported or stored item must pass. Pure functions on plain
// objects; no DOM, no storage (evidence-store.js keeps the items).
//
// An item: {id, name, kind, link, owner, date, review, note, criteria, created,
// modified}. `criteria` holds criterion IDs, so one item supports criteria of
// any framework in any scan. `date` is the document's date, `review` the date
// it must be reviewed or expires ("" when there is none).
import { today } from "./model.js";
import { ID_PATTERN, MAX_DEPTH, findForbiddenKeys, isRealDate, isRealDateTime } from "./import-export.js";

export const SCHEMA = "kk-bewijs";
export const VERSION = 1;

export const KINDS = [
  { value: "document", label: "Document" },
  { value: "procedure", label: "Procedure of protocol" },
  { value: "certificaat", label: "Certificaat of keurmerk" },
  { value: "registratie", label: "Registratie" },
  { value: "verslag", label: "Verslag" },
  { value: "anders", label: "Anders" },
];
const KIND_LABELS = Object.fromEntries(KINDS.map((kind) => [kind.value, kind.label]));

export function kindLabel(value) {
  return Object.hasOwn(KIND_LABELS, value) ? KIND_LABELS[value] : value;
}

/** An item is flagged when its review date has passed or falls within this many days. */
export const SOON_DAYS = 30;
export const FLAG_LABELS = { verlopen: "Verlopen", binnenkort: "Verloopt binnenkort" };

/** "2026-12-01" plus n days, as an ISO date (calendar arithmetic, no time zone). */
export function addDays(isoDate, days) {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * "verlopen" (review date before today), "binnenkort" (today up to SOON_DAYS
 * days ahead) or "" (no review date, or later). `on` is today's date; the
 * clock is the browser's (tests fix it with Playwright's page.clock).
 */
export function flagOf(item, on = today()) {
  if (!item.review) return "";
  if (item.review < on) return "verlopen";
  return item.review <= addDays(on, SOON_DAYS) ? "binnenkort" : "";
}

export function newItemId() {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `bw-${Date.now().toString(36)}-${random[0].toString(36)}${random[1].toString(36)}`;
}

export const FIELD_LIMITS = { name: 200, link: 2000, owner: 200, note: 5000 };
export const MAX_CRITERIA = 2000;

/** A new item under a new ID; fields: any of name, kind, link, owner, date, review, note, criteria. */
export function createItem(fields) {
  const now = new Date().toISOString();
  return {
    name: "", kind: "document", link: "", owner: "", date: "", review: "", note: "",
    ...fields, id: newItemId(), criteria: [...new Set(fields.criteria || [])], created: now, modified: now,
  };
}

/** Sort key: by name as a Dutch reader sorts, then by creation. */
export function compareItems(a, b) {
  return a.name.localeCompare(b.name, "nl", { sensitivity: "base" }) || a.created.localeCompare(b.created);
}

/**
 * Two tabs on one item: `base` is the stored item this tab last read or wrote,
 * `theirs` what storage holds now, `mine` this tab's copy with its new edit.
 * A field this tab changed wins; every other field keeps the other tab's
 * value. Linked criteria merge as a set: what this tab linked or unlinked
 * since base is applied to the other tab's list.
 */
export function mergeItems(base, theirs, mine) {
  const out = { ...theirs };
  for (const key of Object.keys(mine)) {
    if (key === "criteria" || key === "modified") continue;
    if (mine[key] !== base[key]) out[key] = mine[key];
  }
  const before = new Set(base.criteria);
  const now = new Set(mine.criteria);
  const unlinked = new Set(base.criteria.filter((id) => !now.has(id)));
  const linked = mine.criteria.filter((id) => !before.has(id));
  out.criteria = [...new Set([...theirs.criteria.filter((id) => !unlinked.has(id)), ...linked])];
  return out;
}

/** The kind a suggestion's wording points to; "document" when nothing does. */
export function suggestedKind(text) {
  const words = text.toLowerCase();
  if (/certific|keurmerk|\biso\b|\bhkz\b/.test(words)) return "certificaat";
  if (/procedure|protocol|meldcode|werkwijze|stappenplan/.test(words)) return "procedure";
  if (/verslag|rapport|evaluatie|jaarplan/.test(words)) return "verslag";
  if (/registratie|register|inschrijving|\bvog\b|\bagb\b|\bbig\b/.test(words)) return "registratie";
  return "document";
}

/** The fields of an item made from one of a criterion's evidence suggestions ({kind, label?, text}). */
export function itemFromSuggestion(suggestion, criterionId, sourceLabel) {
  const full = [suggestion.label, suggestion.text].filter(Boolean).join(" ").replace(/\s+/g, " ").trim();
  const name = full.length > FIELD_LIMITS.name ? `${full.slice(0, FIELD_LIMITS.name - 1)}…` : full;
  return {
    name, kind: suggestedKind(full), criteria: [criterionId],
    note: `Gemaakt van een suggestie van het kader (${sourceLabel}).`,
  };
}

// ---------------------------------------------------------------- checks

const ITEM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
const ITEM_KEYS = ["id", "name", "kind", "link", "owner", "date", "review", "note", "criteria", "created", "modified"];
const FILE_KEYS = ["schema", "version", "items"];
export const MAX_ITEMS = 5000;
const isPlainObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** Add the problems of one item (path: where it is, e.g. "items[3]") to `problems`. */
function checkItem(item, path, problems) {
  const problem = (where, text) => problems.push(`${where}: ${text}`);
  if (!isPlainObject(item)) return problem(path, "moet een object zijn");
  for (const key of Object.keys(item)) if (!ITEM_KEYS.includes(key)) problem(path, `onbekend veld "${key}"`);
  for (const key of ITEM_KEYS) if (!(key in item)) problem(path, `veld "${key}" ontbreekt`);
  if (typeof item.id !== "string" || !ITEM_ID_PATTERN.test(item.id)) problem(`${path}.id`, "ongeldige ID van een bewijsstuk");
  for (const [key, limit] of Object.entries(FIELD_LIMITS)) {
    if (!(key in item)) continue;
    if (typeof item[key] !== "string") problem(`${path}.${key}`, "moet tekst zijn");
    else if (item[key].length > limit) problem(`${path}.${key}`, `is langer dan ${limit} tekens`);
    else if (key === "name" && !item.name.trim()) problem(`${path}.name`, "mag niet leeg zijn");
  }
  if ("kind" in item && !(typeof item.kind === "string" && Object.hasOwn(KIND_LABELS, item.kind))) {
    problem(`${path}.kind`, `moet een van ${KINDS.map((kind) => kind.value).join(", ")} zijn`);
  }
  for (const key of ["date", "review"]) {
    if (key in item && !(typeof item[key] === "string" && (item[key] === "" || isRealDate(item[key])))) {
      problem(`${path}.${key}`, "moet een datum zijn (JJJJ-MM-DD) of leeg");
    }
  }
  for (const key of ["created", "modified"]) {
    if (key in item && !isRealDateTime(item[key])) problem(`${path}.${key}`, "moet een bestaand tijdstip zijn (ISO 8601)");
  }
  if ("criteria" in item) {
    const ids = item.criteria;
    if (!Array.isArray(ids) || ids.length > MAX_CRITERIA) problem(`${path}.criteria`, `moet een lijst van hoogstens ${MAX_CRITERIA} criterium-ID's zijn`);
    else if (ids.some((id) => typeof id !== "string" || !ID_PATTERN.test(id))) problem(`${path}.criteria`, "bevat een ongeldige criterium-ID");
    else if (new Set(ids).size !== ids.length) problem(`${path}.criteria`, "bevat dezelfde criterium-ID meer dan eens");
  }
  return undefined;
}

/** Forbidden keys or too deep: the problems, or [] when the walk found nothing. */
function structureProblems(data, what) {
  const problems = [];
  if (!findForbiddenKeys(data, problems)) {
    return [`Het bestand is dieper genest dan ${what} ooit is (meer dan ${MAX_DEPTH} niveaus).`];
  }
  return problems;
}

/** Problems of an item read from storage (empty when it can be shown). */
export function validateItem(item) {
  const problems = structureProblems(item, "een bewijsstuk");
  if (problems.length) return problems;
  checkItem(item, "bewijsstuk", problems);
  return problems;
}

/** Problems of an imported library file, in Dutch (empty when every item is valid). */
export function validateLibrary(data) {
  if (!isPlainObject(data)) return ["Het bestand bevat geen bewijsstukken (verwacht een JSON-object)."];
  const problems = structureProblems(data, "een bestand met bewijsstukken");
  if (problems.length) return problems;
  if (data.schema === "kk-zelfscan") {
    return ["Dit is een zelfscan, geen bestand met bewijsstukken. Lees het in bij \"Zelfscan inlezen\" op de lijst met zelfscans."];
  }
  if (data.schema !== SCHEMA) return [`Dit is geen bestand met bewijsstukken (veld "schema" moet "${SCHEMA}" zijn).`];
  if (data.version !== VERSION) return [`Onbekende schemaversie ${JSON.stringify(data.version)}; deze site leest versie ${VERSION}.`];
  for (const key of Object.keys(data)) if (!FILE_KEYS.includes(key)) problems.push(`bestand: onbekend veld "${key}"`);
  if (!Array.isArray(data.items)) {
    problems.push("items: moet een lijst met bewijsstukken zijn");
    return problems;
  }
  if (data.items.length > MAX_ITEMS) {
    problems.push(`items: meer dan ${MAX_ITEMS} bewijsstukken`);
    return problems;
  }
  const seen = new Set();
  data.items.forEach((item, i) => {
    checkItem(item, `items[${i}]`, problems);
    if (isPlainObject(item) && typeof item.id === "string") {
      if (seen.has(item.id)) problems.push(`items[${i}].id: dezelfde ID staat er meer dan eens in`);
      seen.add(item.id);
    }
  });
  return problems;
}

/** The export file's document: every item, sorted, in the shape the schema describes. */
export function libraryDocument(items) {
  return { schema: SCHEMA, version: VERSION, items: [...items].sort(compareItems) };
}
