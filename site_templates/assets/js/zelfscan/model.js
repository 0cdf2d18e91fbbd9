// The scan: its shape, how it relates to the current criteria, progress and
// scores. Pure functions on plain objects; no DOM, no storage. `index` is
// lib/catalog.js's index with the scan's frameworks loaded.
import { frameworkIdOf } from "../lib/catalog.js";

export const SCHEMA = "kk-zelfscan";
export const VERSION = 2;

/**
 * A parsed file or stored text in the current document version. Version 1
 * (before the target score and the resume point) is the same document with
 * fewer optional fields, so the migration keeps every answer, note, checklist
 * state and plan entry as it is and only raises the version. Anything else
 * (not a scan, another version) is returned unchanged for validateScan to refuse.
 */
export function migrateScan(data) {
  const isObject = typeof data === "object" && data !== null && !Array.isArray(data);
  if (!isObject || data.schema !== SCHEMA || data.version !== 1) return data;
  return { ...data, version: VERSION };
}

/** The answer scale. n.v.t. counts as answered but not in averages. */
export const SCORES = [
  { value: "voldoet", label: "Voldoet", points: 4 },
  { value: "grotendeels", label: "Voldoet grotendeels", points: 3 },
  { value: "gedeeltelijk", label: "Voldoet gedeeltelijk", points: 2 },
  { value: "niet", label: "Voldoet niet", points: 1 },
  { value: "nvt", label: "Niet van toepassing", points: null },
];
export const SCORE_BY_VALUE = Object.fromEntries(SCORES.map((score) => [score.value, score]));
/** Scores that make a criterion a gap for the improvement plan. */
export const GAP_SCORES = new Set(["gedeeltelijk", "niet"]);

export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newScanId() {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `zs-${Date.now().toString(36)}-${random[0].toString(36)}${random[1].toString(36)}`;
}

/**
 * A new, empty scan. scope: {kind: "kader", framework}, {kind: "kaders", frameworks: [>= 2 IDs]}
 * or {kind: "criteria", ids}.
 */
export function createScan({ name, organisation, date, scope, frameworkVersions, disabledSections }) {
  const now = new Date().toISOString();
  return {
    schema: SCHEMA, version: VERSION, id: newScanId(), name, organisation, date,
    created: now, modified: now, scope, framework_versions: frameworkVersions,
    disabled_sections: disabledSections, answers: {}, plan: {},
  };
}

/** [frameworkId, fingerprint] of a current criterion, or undefined (own keys only: "constructor" is no ID). */
export function currentCriterion(index, id) {
  return Object.hasOwn(index.criteria, id) ? index.criteria[id] : undefined;
}

/** The frameworks a scan's scope touches (criteria scope: those its IDs belong to, by their prefix). */
export function scopeFrameworkIds(scope, index) {
  if (scope.kind === "kader") return [scope.framework];
  if (scope.kind === "kaders") return scope.frameworks.filter((id) => index.frameworks.some((f) => f.id === id));
  return [...new Set(scope.ids.map((id) => frameworkIdOf(index, id)).filter(Boolean))];
}

/** For each section ID of a framework, the IDs of itself and all its ancestors. */
function sectionChains(framework) {
  const parentOf = new Map(framework.sections.map((section) => [section.id, section.parent]));
  const chains = new Map();
  for (const section of framework.sections) {
    const chain = [];
    for (let id = section.id; id; id = parentOf.get(id)) chain.push(id);
    chains.set(section.id, chain);
  }
  return chains;
}

export function isSectionDisabled(scan, frameworkId, sectionId) {
  return scan.disabled_sections.some((entry) => entry.framework === frameworkId && entry.section === sectionId);
}

/**
 * Everything the views need to show a scan against today's criteria:
 * - groups: [{key, framework, section, path (titles), criteria}] in source order,
 *   only criteria in scope and not in a switched-off section;
 * - criteria: the same criteria as one flat list;
 * - removed: answered IDs that no longer exist (kept visible, never dropped);
 * - unknownScopeIds: IDs in a criteria scope that do not exist (or were retired);
 * - review: IDs whose text changed since they were answered.
 * - shared: sharedQuestions() over all criteria in scope (a multi-framework scan);
 * - framework: the one framework this context is limited to, or null.
 * criteriaByFramework: {frameworkId: [criterion records]} for scopeFrameworkIds().
 * options.framework: limit groups and criteria to one framework of the scope
 * (the per-framework results of a multi-framework scan).
 */
export function buildContext(scan, index, criteriaByFramework, { framework: only = null } = {}) {
  const frameworksById = new Map(index.frameworks.map((framework) => [framework.id, framework]));
  const wanted = scan.scope.kind === "criteria" ? new Set(scan.scope.ids) : null;
  const groups = [];
  for (const frameworkId of scopeFrameworkIds(scan.scope, index)) {
    const framework = frameworksById.get(frameworkId);
    const chains = sectionChains(framework);
    const titles = new Map(framework.sections.map((section) => [section.id, section.title]));
    const bySection = new Map();
    for (const criterion of criteriaByFramework[frameworkId]) {
      if (wanted && !wanted.has(criterion.id)) continue;
      const chain = chains.get(criterion.section) || [criterion.section];
      if (chain.some((sectionId) => isSectionDisabled(scan, frameworkId, sectionId))) continue;
      if (!bySection.has(criterion.section)) {
        bySection.set(criterion.section, {
          key: `${frameworkId}/${criterion.section}`, framework, section: criterion.section,
          path: chain.slice().reverse().map((id) => titles.get(id)), criteria: [],
        });
      }
      bySection.get(criterion.section).criteria.push(criterion);
    }
    // Source order of sections, not order of first appearance.
    for (const section of framework.sections) if (bySection.has(section.id)) groups.push(bySection.get(section.id));
  }
  const allCriteria = groups.flatMap((group) => group.criteria);
  const shared = sharedQuestions(scan, index, allCriteria);
  const shown = only ? groups.filter((group) => group.framework.id === only) : groups;
  const criteria = only ? shown.flatMap((group) => group.criteria) : allCriteria;
  const removed = only ? [] : Object.keys(scan.answers).filter((id) => !currentCriterion(index, id));
  const unknownScopeIds = wanted ? scan.scope.ids.filter((id) => !currentCriterion(index, id)) : [];
  const review = criteria.filter((criterion) => needsReview(scan.answers[criterion.id], criterion)).map((c) => c.id);
  return { groups: shown, criteria, removed, unknownScopeIds, review, frameworksById, shared, framework: only };
}

/**
 * The questions of a scan over several frameworks (scope kind "kaders"):
 * criteria of one comparable group are asked once. The rule (the browser
 * tests compute the same count from normsets/comparable.yaml):
 * 1. the criteria in scope, in scan order (the frameworks in scope order, each
 *    in source order, switched-off sections left out);
 * 2. the comparable groups in the order of their first member in scan order
 *    (catalog order when two start at the same criterion);
 * 3. each group in turn takes its members in scope that no earlier shared
 *    question took. It becomes a shared question when those members come from
 *    at least two frameworks and at least one of them is "equivalent" (two
 *    members that each only partly cover the label need not overlap each
 *    other, so they are asked separately). A criterion in two groups is thus
 *    asked in the first group only.
 * Every other criterion is asked on its own. Returns
 * {shared: [{group, members: [{criterion, relation}], anchor}], byCriterion:
 * Map(id → shared question), questions: count, saved: count}. The anchor is
 * the first equivalent member: its answer holds the shared score.
 * Other scopes get no shared questions.
 */
export function sharedQuestions(scan, index, criteria) {
  const none = { shared: [], byCriterion: new Map(), questions: criteria.length, saved: 0 };
  if (scan.scope.kind !== "kaders" || !Array.isArray(index.comparable)) return none;
  const position = new Map(criteria.map((criterion, i) => [criterion.id, i]));
  const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const candidates = index.comparable
    .map((group, order) => ({ group, order, members: group.members.filter((m) => position.has(m.id)) }))
    .filter((entry) => entry.members.length > 1)
    .map((entry) => ({ ...entry, first: Math.min(...entry.members.map((m) => position.get(m.id))) }))
    .sort((a, b) => a.first - b.first || a.order - b.order);
  const byCriterion = new Map();
  const shared = [];
  for (const { group, members } of candidates) {
    const free = members.filter((m) => !byCriterion.has(m.id))
      .sort((a, b) => position.get(a.id) - position.get(b.id))
      .map((m) => ({ criterion: byId.get(m.id), relation: m.relation }));
    const frameworks = new Set(free.map((m) => m.criterion.framework));
    const anchor = free.find((m) => m.relation === "equivalent");
    if (frameworks.size < 2 || !anchor) continue;
    const question = { group, members: free, anchor: anchor.criterion };
    shared.push(question);
    for (const member of free) byCriterion.set(member.criterion.id, question);
  }
  const saved = byCriterion.size - shared.length;
  return { shared, byCriterion, questions: criteria.length - saved, saved };
}

/**
 * Is a shared question fully answered: a score on every member, and every
 * partial member confirmed (or given its own score)?
 */
export function isSharedAnswered(question, answers) {
  return question.members.every(({ criterion, relation }) => {
    const answer = answers[criterion.id];
    return isAnswered(answer) && (relation === "equivalent" || answer.shared?.confirmed === true);
  });
}

/**
 * A scan of one framework taken out of a multi-framework scan: the same
 * answers and plan for that framework's criteria, scope "kader", without the
 * shared flags (they only mean something next to the other frameworks).
 * Stands on its own: it can be imported as an ordinary scan.
 */
export function frameworkPart(scan, frameworkId, criterionIds) {
  const ids = new Set(criterionIds);
  const pick = (entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => ids.has(id)));
  const answers = Object.fromEntries(Object.entries(pick(scan.answers)).map(([id, answer]) => {
    const { shared, ...rest } = answer;
    return [id, structuredClone(rest)];
  }));
  const copy = structuredClone(scan);
  if (copy.resume && !ids.has(copy.resume.criterion)) delete copy.resume;
  return {
    ...copy, scope: { kind: "kader", framework: frameworkId },
    framework_versions: Object.fromEntries(Object.entries(scan.framework_versions).filter(([id]) => id === frameworkId)),
    disabled_sections: scan.disabled_sections.filter((entry) => entry.framework === frameworkId).map((entry) => ({ ...entry })),
    answers, plan: structuredClone(pick(scan.plan)),
  };
}

export function isAnswered(answer) {
  return Boolean(answer && answer.score);
}

/** True when the criterion's text changed after the answer was given. */
export function needsReview(answer, criterion) {
  return isAnswered(answer) && answer.fingerprint !== criterion.fingerprint;
}

export function progress(criteria, answers) {
  const answered = criteria.filter((criterion) => isAnswered(answers[criterion.id])).length;
  return { answered, total: criteria.length };
}

/** The (partly) empty answer for a criterion, created on first input. */
export function emptyAnswer() {
  return { score: "", reason: "", toelichting: "", evidence: [], checklist: {}, fingerprint: "", answered_at: "" };
}

/**
 * Score summary of a set of criteria: how many answered, count per score, and
 * the average points over the scored answers (n.v.t. left out; null if none).
 */
export function summarise(criteria, answers) {
  const counts = Object.fromEntries(SCORES.map((score) => [score.value, 0]));
  let points = 0;
  let scored = 0;
  for (const criterion of criteria) {
    const answer = answers[criterion.id];
    if (!isAnswered(answer)) continue;
    counts[answer.score] += 1;
    const value = SCORE_BY_VALUE[answer.score].points;
    if (value !== null) {
      points += value;
      scored += 1;
    }
  }
  const answered = Object.values(counts).reduce((a, b) => a + b, 0);
  return { total: criteria.length, answered, counts, average: scored ? points / scored : null };
}

/** Summaries per quality element (a criterion counts for each of its elements). */
export function summariseByElement(criteria, answers, elements) {
  return elements
    .map((element) => ({ key: element.id, label: element.label, criteria: criteria.filter((c) => c.elements.includes(element.id)) }))
    .filter((group) => group.criteria.length)
    .map((group) => ({ key: group.key, label: group.label, ...summarise(group.criteria, answers) }));
}

/** Summaries per section group of buildContext(). */
export function summariseBySection(groups, answers) {
  return groups.map((group) => ({ key: group.key, label: group.path.join(" › "), ...summarise(group.criteria, answers) }));
}

/** The criteria answered "gedeeltelijk" or "niet": the improvement plan's rows. */
export function gaps(criteria, answers) {
  return criteria.filter((criterion) => GAP_SCORES.has(answers[criterion.id]?.score));
}

/** Format an average as Dutch decimal text ("3,5"), or "–" when there is none. */
export function formatAverage(average) {
  return average === null ? "–" : average.toFixed(1).replace(".", ",");
}

/** A deep copy of a scan under a new ID and name (for "dupliceren"). */
export function duplicateScan(scan, name) {
  const copy = structuredClone(scan);
  const now = new Date().toISOString();
  return { ...copy, id: newScanId(), name, created: now, modified: now };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const copy = (value) => (value === undefined ? undefined : structuredClone(value));

/** Per key of `mine` that this tab changed since `base`: take mine, else keep theirs. */
function mergeFields(base, theirs, mine, nested = []) {
  const out = theirs;
  for (const key of Object.keys(mine)) {
    if (nested.includes(key) && mine[key] && typeof mine[key] === "object" && !Array.isArray(mine[key])) {
      out[key] = mergeFields(base?.[key] || {}, { ...(out[key] || {}) }, mine[key]);
    } else if (!same(mine[key], base?.[key])) {
      out[key] = copy(mine[key]);
    }
  }
  return out;
}

/**
 * Two tabs on one scan: `base` is the stored scan this tab last read or
 * wrote, `theirs` what storage holds now (another tab saved since), `mine`
 * this tab's copy with its new edit. Every field this tab changed since base
 * wins (it is the newer edit); every other field keeps the other tab's value.
 * Answers and plan entries merge per criterion and per field (checklist per
 * item), so edits to different answers, or to the score and the toelichting
 * of one answer, never overwrite each other.
 */
export function mergeScans(base, theirs, mine) {
  const out = structuredClone(theirs);
  for (const key of Object.keys(mine)) {
    if (key === "answers" || key === "plan" || key === "modified") continue;
    if (!same(mine[key], base[key])) out[key] = copy(mine[key]);
  }
  for (const part of ["answers", "plan"]) {
    for (const [id, entry] of Object.entries(mine[part] || {})) {
      const before = base[part]?.[id];
      if (same(entry, before)) continue;
      out[part][id] = mergeFields(before, { ...(out[part][id] || {}) }, entry, ["checklist"]);
    }
  }
  return out;
}
