// Loads the criteria data that the generator writes to assets/catalog/
// (see generator/render/client.py for the exact shape). Each file is fetched
// once per page; the promises are shared by every caller.

const cache = new Map();

function fetchJson(siteRoot, path) {
  const url = new URL(path, siteRoot).href;
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.json();
    }));
  }
  return cache.get(url);
}

/** Frameworks, elements, domains, segments, {criterionId: [frameworkId, fingerprint]}, retired IDs. */
export function loadIndex(siteRoot) {
  return fetchJson(siteRoot, "assets/catalog/index.json");
}

/** The full criteria of one framework, in source order. */
export async function loadFramework(siteRoot, frameworkId) {
  const data = await fetchJson(siteRoot, `assets/catalog/${encodeURIComponent(frameworkId)}.json`);
  return data.criteria;
}

/** Full records for the given IDs, in the given order; unknown IDs are left out (check the index first). */
export async function loadCriteria(siteRoot, ids) {
  const index = await loadIndex(siteRoot);
  const frameworks = [...new Set(ids.filter((id) => index.criteria[id]).map((id) => index.criteria[id][0]))];
  const byId = new Map();
  for (const criteria of await Promise.all(frameworks.map((f) => loadFramework(siteRoot, f)))) {
    for (const criterion of criteria) byId.set(criterion.id, criterion);
  }
  return ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
}

/** Absolute permalink of a criterion (its record's url is site-relative). */
export function permalink(siteRoot, criterion) {
  return new URL(criterion.url, siteRoot).href;
}
