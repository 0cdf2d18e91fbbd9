// Loads the criteria data that the generator writes to assets/catalog/ (see
// generator/render/client.py for the exact shape): frameworks.json, the small
// list every tool loads to offer a choice, and one file per framework with its
// sections, criteria, retired IDs and comparable groups. A page loads the list
// and the frameworks it shows, so its weight does not grow with the catalogue.
// Each file is fetched once per page; the promises are shared by every caller.
//
// The index loadIndex() returns fills in as frameworks load: loadFramework()
// adds the framework's `sections` to its record, and its criteria
// ({id: [frameworkId, fingerprint]}), retired IDs and comparable groups (in
// catalogue order) to index.criteria, index.retired and index.comparable.
// Whoever looks an ID up there loads that ID's framework first (loadFrameworksOf).

const files = new Map();
const indexes = new Map();
const frameworks = new Map();

function fetchJson(siteRoot, path) {
  const url = new URL(path, siteRoot).href;
  if (!files.has(url)) {
    files.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.json();
    }));
  }
  return files.get(url);
}

/**
 * Frameworks (metadata and ID prefix), elements, topics, domains, segments,
 * applicability kinds, count rule and build date; plus criteria, retired and
 * comparable of the frameworks loaded so far.
 */
export function loadIndex(siteRoot) {
  const key = new URL(siteRoot).href;
  if (!indexes.has(key)) {
    indexes.set(key, fetchJson(siteRoot, "assets/catalog/frameworks.json").then((list) => ({
      ...list, criteria: {}, retired: {}, comparable: [],
      prefixes: new Map(list.frameworks.map((framework) => [framework.id_prefix, framework.id])),
    })));
  }
  return indexes.get(key);
}

function addFramework(index, data) {
  const framework = index.frameworks.find((candidate) => candidate.id === data.framework);
  if (framework) framework.sections = data.sections;
  for (const criterion of data.criteria) index.criteria[criterion.id] = [criterion.framework, criterion.fingerprint];
  Object.assign(index.retired, data.retired);
  const known = new Set(index.comparable.map((group) => group.id));
  index.comparable.push(...data.comparable.filter((group) => !known.has(group.id)));
  index.comparable.sort((a, b) => a.order - b.order);
}

/** The full criteria of one framework, in source order (and the framework added to the index). */
export function loadFramework(siteRoot, frameworkId) {
  const path = `assets/catalog/${encodeURIComponent(frameworkId)}.json`;
  const key = new URL(path, siteRoot).href;
  if (!frameworks.has(key)) {
    // Both requests start at once: a caller may ask for a framework before the index.
    frameworks.set(key, Promise.all([loadIndex(siteRoot), fetchJson(siteRoot, path)]).then(([index, data]) => {
      addFramework(index, data);
      return data.criteria;
    }));
  }
  return frameworks.get(key);
}

/**
 * The framework a criterion ID, current or retired, belongs to, from its
 * prefix alone (the validator keeps prefixes apart); null if none.
 */
export function frameworkIdOf(index, id) {
  if (typeof id !== "string") return null;
  for (let end = id.indexOf("-"); end > 0; end = id.indexOf("-", end + 1)) {
    const frameworkId = index.prefixes.get(id.slice(0, end));
    if (frameworkId) return frameworkId;
  }
  return null;
}

/** Load the frameworks the given IDs belong to; returns the index, which now knows those IDs. */
export async function loadFrameworksOf(siteRoot, ids) {
  const index = await loadIndex(siteRoot);
  const frameworkIds = new Set(ids.map((id) => frameworkIdOf(index, id)).filter(Boolean));
  await Promise.all([...frameworkIds].map((id) => loadFramework(siteRoot, id)));
  return index;
}

/** Full records for the given IDs, in the given order; unknown IDs are left out. */
export async function loadCriteria(siteRoot, ids) {
  const index = await loadFrameworksOf(siteRoot, ids);
  const frameworkIds = [...new Set(ids.filter((id) => Object.hasOwn(index.criteria, id)).map((id) => index.criteria[id][0]))];
  const byId = new Map();
  for (const criteria of await Promise.all(frameworkIds.map((f) => loadFramework(siteRoot, f)))) {
    for (const criterion of criteria) byId.set(criterion.id, criterion);
  }
  return ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
}

/** Absolute permalink of a criterion (its record's url is site-relative). */
export function permalink(siteRoot, criterion) {
  return new URL(criterion.url, siteRoot).href;
}
