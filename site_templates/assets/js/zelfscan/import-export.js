// Import and export of scans. The export is the stored scan itself (see
// assets/schema/zelfscan.schema.json); import checks a file against that
// schema with the explicit checks below before anything is written.

import { csvText } from "../lib/csv.js";
import { frameworkIdOf, loadFrameworksOf } from "../lib/catalog.js";
import { SCHEMA, VERSION, SCORES, SCORE_BY_VALUE, currentCriterion, isAnswered, migrateScan } from "./model.js";
import { citationOf, citationText } from "../lib/citation.js";
import { dutchDate } from "../lib/dates.js";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ERRORS_SHOWN = 20;

export const ID_PATTERN = /^[a-z0-9][a-z0-9.-]{0,79}$/;
const SCAN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CHECKLIST_KEY_PATTERN = /^\d{1,3}(\.\d{1,3}){0,5}$/;
const FINGERPRINT_PATTERN = /^[0-9a-f]{0,64}$/;
// Keys that could reach an object's prototype if a later version of this code
// ever copied data with Object.assign or a merge: refused wherever they occur.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const REQUIRED_KEYS = ["schema", "version", "id", "name", "organisation", "date", "created", "modified", "scope",
  "framework_versions", "disabled_sections", "answers", "plan"];
const TOP_KEYS = [...REQUIRED_KEYS, "resume"];
const ANSWER_KEYS = ["score", "reason", "toelichting", "evidence", "checklist", "fingerprint", "answered_at", "shared"];
const MAX_FRAMEWORKS = 100;
const PLAN_KEYS = ["action", "owner", "due", "target"];
/** A plan's target score: a score a criterion can reach (n.v.t. is no target), or "" for none. */
const TARGET_SCORES = SCORES.filter((score) => score.points !== null).map((score) => score.value);

const isPlainObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

export function isRealDate(text) {
  if (!DATE_PATTERN.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** "2026-05-01T10:00:00Z" that is a real moment: no month 13, hour 25 or offset +99:00. */
export function isRealDateTime(text) {
  if (typeof text !== "string" || !DATETIME_PATTERN.test(text) || !isRealDate(text.slice(0, 10))) return false;
  const [hour, minute, second = 0] = text.slice(11, 19).split(":").map((part) => Number.parseInt(part, 10));
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  const offsetOk = !offset || (Number(offset[2]) <= 23 && Number(offset[3]) <= 59);
  return hour <= 23 && minute <= 59 && second <= 59 && offsetOk;
}

// A scan nests about 5 levels; anything much deeper is not a scan, and a
// recursive walk over 10,000 levels would exhaust the stack.
export const MAX_DEPTH = 32;

/** Forbidden keys anywhere, walked without recursion; "too deep" stops the walk. */
export function findForbiddenKeys(data, problems) {
  const pending = [[data, "", 0]];
  while (pending.length) {
    const [value, path, depth] = pending.pop();
    if (depth > MAX_DEPTH) return false;
    if (Array.isArray(value)) value.forEach((item, i) => pending.push([item, `${path}[${i}]`, depth + 1]));
    else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) problems.push(`${path || "bestand"}: de sleutel "${key}" is niet toegestaan`);
        else pending.push([value[key], path ? `${path}.${key}` : key, depth + 1]);
      }
    }
  }
  return true;
}

/**
 * Check a parsed file against the scan schema. Returns a list of Dutch problem
 * descriptions (empty when the scan is valid). index: the catalog index, to
 * refuse frameworks this site does not know.
 */
export function validateScan(data, index) {
  const problems = [];
  if (!isPlainObject(data)) return ["Het bestand bevat geen zelfscan (verwacht een JSON-object)."];
  if (!findForbiddenKeys(data, problems)) {
    return [`Het bestand is dieper genest dan een zelfscan ooit is (meer dan ${MAX_DEPTH} niveaus); het is geen zelfscan.`];
  }
  if (problems.length) return problems;
  if (data.schema !== SCHEMA) return [`Dit is geen zelfscan-bestand (veld "schema" moet "${SCHEMA}" zijn).`];
  if (data.version !== VERSION) {
    return [`Onbekende schemaversie ${JSON.stringify(data.version)}; deze site leest versie 1 tot en met ${VERSION}.`];
  }

  const problem = (path, text) => problems.push(`${path}: ${text}`);
  const checkKeys = (object, allowed, path, required) => {
    for (const key of Object.keys(object)) if (!allowed.includes(key)) problem(path, `onbekend veld "${key}"`);
    for (const key of required) if (!(key in object)) problem(path, `veld "${key}" ontbreekt`);
  };
  const checkText = (value, path, maxLength, { required = false } = {}) => {
    if (typeof value !== "string") return problem(path, "moet tekst zijn");
    if (required && !value.trim()) return problem(path, "mag niet leeg zijn");
    if (value.length > maxLength) return problem(path, `is langer dan ${maxLength} tekens`);
    return undefined;
  };
  const checkObject = (value, path) => {
    if (isPlainObject(value)) return true;
    problem(path, "moet een object zijn");
    return false;
  };

  checkKeys(data, TOP_KEYS, "bestand", REQUIRED_KEYS);
  if (typeof data.id !== "string" || !SCAN_ID_PATTERN.test(data.id)) problem("id", "ongeldige scan-ID");
  checkText(data.name, "name", 200, { required: true });
  checkText(data.organisation, "organisation", 200);
  if (typeof data.date !== "string" || !isRealDate(data.date)) problem("date", "moet een datum zijn (JJJJ-MM-DD)");
  for (const key of ["created", "modified"]) {
    if (!isRealDateTime(data[key])) problem(key, "moet een bestaand tijdstip zijn (ISO 8601, bijvoorbeeld 2026-05-01T10:00:00Z)");
  }

  const knownFrameworks = new Set(index.frameworks.map((framework) => framework.id));
  if (checkObject(data.scope, "scope")) {
    const scope = data.scope;
    if (scope.kind === "kader") {
      checkKeys(scope, ["kind", "framework"], "scope", ["kind", "framework"]);
      if (typeof scope.framework !== "string") problem("scope.framework", "moet tekst zijn");
      else if (!knownFrameworks.has(scope.framework)) problem("scope.framework", `onbekend kader "${scope.framework}"`);
    } else if (scope.kind === "criteria") {
      checkKeys(scope, ["kind", "ids"], "scope", ["kind", "ids"]);
      if (!Array.isArray(scope.ids) || scope.ids.length === 0 || scope.ids.length > 2000) {
        problem("scope.ids", "moet een lijst van 1 tot 2000 criterium-ID's zijn");
      } else if (scope.ids.some((id) => typeof id !== "string" || !ID_PATTERN.test(id))) {
        problem("scope.ids", "bevat een ongeldige criterium-ID");
      } else if (new Set(scope.ids).size !== scope.ids.length) {
        problem("scope.ids", "bevat dezelfde criterium-ID meer dan eens");
      } else if (!scope.ids.some((id) => currentCriterion(index, id))) {
        problem("scope.ids", "geen van deze criteria bestaat (nog)");
      }
    } else if (scope.kind === "kaders") {
      checkKeys(scope, ["kind", "frameworks"], "scope", ["kind", "frameworks"]);
      const list = scope.frameworks;
      if (!Array.isArray(list) || list.length < 2 || list.length > MAX_FRAMEWORKS) {
        problem("scope.frameworks", `moet een lijst van 2 tot ${MAX_FRAMEWORKS} kaders zijn`);
      } else if (list.some((id) => typeof id !== "string")) {
        problem("scope.frameworks", "bevat iets anders dan een kader-ID");
      } else {
        for (const id of list) if (!knownFrameworks.has(id)) problem("scope.frameworks", `onbekend kader "${id}"`);
        if (new Set(list).size !== list.length) problem("scope.frameworks", "bevat hetzelfde kader meer dan eens");
      }
    } else {
      problem("scope.kind", 'moet "kader", "kaders" of "criteria" zijn');
    }
  }
  // Shared answers (a comparable group asked once) only exist in a scan over
  // several frameworks, on criteria of those frameworks. Group membership is
  // not checked: the editors may regroup criteria between site versions, and
  // the answer then simply stands on its own.
  const scopeFrameworks = data.scope?.kind === "kaders" && Array.isArray(data.scope.frameworks)
    ? new Set(data.scope.frameworks) : null;

  if (checkObject(data.framework_versions, "framework_versions")) {
    for (const [frameworkId, version] of Object.entries(data.framework_versions)) {
      if (!knownFrameworks.has(frameworkId)) problem("framework_versions", `onbekend kader "${frameworkId}"`);
      checkText(version, `framework_versions.${frameworkId}`, 200);
    }
  }

  if (!Array.isArray(data.disabled_sections) || data.disabled_sections.length > 1000) {
    problem("disabled_sections", "moet een lijst zijn");
  } else {
    const seenSections = new Set();
    data.disabled_sections.forEach((entry, i) => {
      const path = `disabled_sections[${i}]`;
      if (!checkObject(entry, path)) return;
      const key = `${entry.framework}/${entry.section}`;
      if (seenSections.has(key)) problem(path, "staat er dubbel in");
      seenSections.add(key);
      checkKeys(entry, ["framework", "section"], path, ["framework", "section"]);
      if (typeof entry.framework !== "string" || !knownFrameworks.has(entry.framework)) problem(`${path}.framework`, "onbekend kader");
      if (typeof entry.section !== "string" || !ID_PATTERN.test(entry.section)) problem(`${path}.section`, "ongeldige onderdeel-ID");
    });
  }

  const checkShared = (shared, id, path) => {
    if (!checkObject(shared, path)) return;
    checkKeys(shared, ["group", "confirmed"], path, ["group", "confirmed"]);
    if (typeof shared.group !== "string" || !ID_PATTERN.test(shared.group)) problem(`${path}.group`, "ongeldige groep-ID");
    if (typeof shared.confirmed !== "boolean") problem(`${path}.confirmed`, "moet waar of onwaar zijn");
    // By the ID's prefix: the frameworks outside the scan need not be loaded.
    const owner = frameworkIdOf(index, id);
    if (!scopeFrameworks) problem(path, "een gedeeld antwoord kan alleen in een zelfscan over meerdere kaders");
    else if (owner && !scopeFrameworks.has(owner)) problem(path, `criterium hoort bij een kader buiten deze zelfscan ("${owner}")`);
  };
  if (checkObject(data.answers, "answers")) {
    for (const [id, answer] of Object.entries(data.answers)) {
      const path = `answers.${id}`;
      if (!ID_PATTERN.test(id)) problem(path, "ongeldige criterium-ID");
      if (!checkObject(answer, path)) continue;
      checkKeys(answer, ANSWER_KEYS, path, ["score"]);
      if (typeof answer.score !== "string" || (answer.score !== "" && !Object.hasOwn(SCORE_BY_VALUE, answer.score))) {
        problem(`${path}.score`, `moet een van ${SCORES.map((score) => score.value).join(", ")} zijn (of leeg)`);
      }
      if ("reason" in answer) checkText(answer.reason, `${path}.reason`, 2000);
      if ("toelichting" in answer) checkText(answer.toelichting, `${path}.toelichting`, 20000);
      if ("evidence" in answer) {
        if (!Array.isArray(answer.evidence) || answer.evidence.length > 200) problem(`${path}.evidence`, "moet een lijst van hoogstens 200 teksten zijn");
        else answer.evidence.forEach((item, i) => checkText(item, `${path}.evidence[${i}]`, 2000));
      }
      if ("checklist" in answer && checkObject(answer.checklist, `${path}.checklist`)) {
        for (const [key, value] of Object.entries(answer.checklist)) {
          if (!CHECKLIST_KEY_PATTERN.test(key)) problem(`${path}.checklist`, `ongeldig onderdeel "${key}"`);
          if (typeof value !== "boolean") problem(`${path}.checklist.${key}`, "moet waar of onwaar zijn");
        }
      }
      if ("fingerprint" in answer && (typeof answer.fingerprint !== "string" || !FINGERPRINT_PATTERN.test(answer.fingerprint))) {
        problem(`${path}.fingerprint`, "ongeldige vingerafdruk");
      }
      if ("answered_at" in answer && answer.answered_at !== "" && !isRealDateTime(answer.answered_at)) {
        problem(`${path}.answered_at`, "moet een tijdstip zijn (ISO 8601) of leeg");
      }
      if ("shared" in answer) checkShared(answer.shared, id, `${path}.shared`);
    }
  }

  if (checkObject(data.plan, "plan")) {
    for (const [id, entry] of Object.entries(data.plan)) {
      const path = `plan.${id}`;
      if (!ID_PATTERN.test(id)) problem(path, "ongeldige criterium-ID");
      if (!checkObject(entry, path)) continue;
      checkKeys(entry, PLAN_KEYS, path, []);
      if ("action" in entry) checkText(entry.action, `${path}.action`, 5000);
      if ("owner" in entry) checkText(entry.owner, `${path}.owner`, 200);
      if ("due" in entry && (typeof entry.due !== "string" || (entry.due !== "" && !isRealDate(entry.due)))) {
        problem(`${path}.due`, "moet een datum zijn (JJJJ-MM-DD) of leeg");
      }
      if ("target" in entry && (typeof entry.target !== "string" || (entry.target !== "" && !TARGET_SCORES.includes(entry.target)))) {
        problem(`${path}.target`, `moet een van ${TARGET_SCORES.join(", ")} zijn (of leeg)`);
      }
    }
  }

  if ("resume" in data && checkObject(data.resume, "resume")) {
    checkKeys(data.resume, ["criterion"], "resume", ["criterion"]);
    if (typeof data.resume.criterion !== "string" || !ID_PATTERN.test(data.resume.criterion)) {
      problem("resume.criterion", "ongeldige criterium-ID");
    }
  }
  return problems;
}

/**
 * Load what checkScan needs to know of a parsed document besides the framework
 * list: the frameworks of a criteria scope's IDs (does any of them still exist?).
 * A framework that cannot be fetched is left out; the check then says so.
 */
export async function loadScopeOf(siteRoot, data) {
  const ids = data?.scope?.kind === "criteria" && Array.isArray(data.scope.ids) ? data.scope.ids.slice(0, 2000) : [];
  try {
    await loadFrameworksOf(siteRoot, ids);
  } catch {
    // Reported by checkScan as criteria that do not exist.
  }
}

/**
 * A parsed file or stored document as a current-version scan: {scan} (a
 * version-1 scan migrated, see model.migrateScan) or {problems}. Never throws
 * and never changes `data`. The frameworks of a criteria scope are loaded
 * first (loadScopeOf).
 */
export function checkScan(data, index) {
  let problems;
  let scan;
  try {
    scan = migrateScan(data);
    problems = validateScan(scan, index);
  } catch {
    return { problems: ["Het bestand kon niet worden gecontroleerd en is niet gelezen; het is geen geldige zelfscan."] };
  }
  return problems.length ? { problems } : { scan };
}

/**
 * Read and check a file chosen by the user. Resolves to {scan} or {problems};
 * never throws and never writes anything.
 */
export async function readScanFile(file, index, siteRoot) {
  const read = await readJsonFile(file);
  if (read.problems) return read;
  await loadScopeOf(siteRoot, read.data);
  const result = checkScan(read.data, index);
  return result.problems ? { problems: shortProblemList(result.problems) } : result;
}

/** At most MAX_ERRORS_SHOWN problems, and a line saying how many more there are. */
export function shortProblemList(problems) {
  if (problems.length <= MAX_ERRORS_SHOWN) return problems;
  return [...problems.slice(0, MAX_ERRORS_SHOWN), `… en nog ${problems.length - MAX_ERRORS_SHOWN} andere problemen.`];
}

/**
 * Read a chosen file as JSON: {data} or {problems} (size, encoding, syntax).
 * Never throws and never writes anything.
 */
export async function readJsonFile(file) {
  if (file.size > MAX_IMPORT_BYTES) {
    return { problems: [`Het bestand is groter dan 5 MB (${(file.size / 1048576).toFixed(1).replace(".", ",")} MB) en is niet gelezen.`] };
  }
  let text;
  try {
    // fatal: bytes that are not UTF-8 (a Latin-1 or UTF-16 file) are refused, not replaced by "�".
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { problems: ["Het bestand is geen UTF-8-tekst (bijvoorbeeld opgeslagen als Latin-1 of UTF-16) en is niet gelezen."] };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problems: ["Het bestand is geen geldige JSON (beschadigd of onvolledig)."] };
  }
  return { data };
}

function fileSlug(scan) {
  const slug = `${scan.organisation} ${scan.name}`.normalize("NFKD").replace(/[^\w\s-]/g, "").trim()
    .toLowerCase().replace(/[\s_-]+/g, "-").slice(0, 60);
  return `zelfscan-${slug || "zonder-naam"}-${scan.date}`;
}

export function jsonExport(scan) {
  return { filename: `${fileSlug(scan)}.json`, text: `${JSON.stringify(scan, null, 2)}\n`, type: "application/json" };
}

/**
 * A criterion's sub-items as lines, each with its printed label and checklist
 * state ("[aanwezig] a. ..."); informative items are marked as such; deeper
 * items are indented. The item text itself is the verbatim source text.
 */
export function checklistLines(items, answer, path = []) {
  const lines = [];
  items.forEach((item, i) => {
    const key = [...path, i].join(".");
    const state = item.informative ? "[ter informatie]" : answer?.checklist?.[key] ? "[aanwezig]" : "[niet aangevinkt]";
    lines.push(`${"  ".repeat(path.length)}${state} ${item.label ? `${item.label} ` : ""}${item.text}`);
    if (item.items) lines.push(...checklistLines(item.items, answer, [...path, i]));
  });
  return lines;
}

/**
 * CSV for Excel: UTF-8 with BOM, ";" between cells, CRLF between rows. One row
 * per criterion in the scan, then the answers to criteria that no longer exist.
 * Reader-facing columns name a criterion by its printed number and locator;
 * the internal ID is data in the last column only.
 */
export function csvExport(scan, context, app) {
  const header = ["Kader", "Onderdeel", "Nummer", "Vindplaats", "Tekst", "Onderdelen en checklist", "Bronvermelding",
    "Score", "Reden n.v.t.", "Toelichting", "Bewijs", "Status", "Actie", "Eigenaar", "Streefdatum", "Streefscore", "Let op", "ID"];
  const row = (cells, id, status) => {
    const answer = scan.answers[id] || {};
    const plan = scan.plan[id] || {};
    return [cells.framework || "", cells.section || "", cells.number || "", cells.locator || "", cells.text || "",
      cells.items || "", cells.citation || "", isAnswered(answer) ? SCORE_BY_VALUE[answer.score].label : "",
      answer.reason || "", answer.toelichting || "", (answer.evidence || []).join("\n"), status,
      plan.action || "", plan.owner || "", dutchDate(plan.due || ""), SCORE_BY_VALUE[plan.target]?.label || "",
      cells.warning || "", id];
  };
  const rows = [header];
  for (const group of context.groups) {
    for (const criterion of group.criteria) {
      const status = context.review.includes(criterion.id) ? "Tekst gewijzigd sinds het antwoord" : "";
      const citation = citationOf(app.index, app.siteRoot, criterion);
      rows.push(row({
        framework: group.framework.short_title, section: group.path.join(" › "), number: criterion.number,
        locator: citation.locator, text: [criterion.text, criterion.closing].filter(Boolean).join("\n"),
        items: checklistLines(criterion.items, scan.answers[criterion.id]).join("\n"), citation: citationText(citation),
        warning: citation.warning ? `Let op: ${citation.warning}` : "",
      }, criterion.id, status));
    }
  }
  for (const id of context.removed) rows.push(row({}, id, "Criterium bestaat niet meer"));
  return { filename: `${fileSlug(scan)}.csv`, text: csvText(rows), type: "text/csv" };
}
