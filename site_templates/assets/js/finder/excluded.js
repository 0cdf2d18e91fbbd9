// What the ticked filters leave out: for every active facet, the matches that
// fail only that facet, counted per framework. The finder shows this under the
// result count, so a filter never drops criteria silently (e.g. a framework
// whose segment is not recorded, under a segment filter).

/**
 * Returns [{key, legend, total, frameworks: [{id, title, count}]}] for each
 * facet with ticked values that excludes at least one match on its own.
 */
export function excludedByFacet(facets, results, selection, index) {
  const active = facets.map((facet) => {
    const chosen = selection[facet.key];
    if (!chosen || !chosen.size) return null;
    return new Set([...chosen].filter((id) => facet.position.has(id)).map((id) => facet.position.get(id)));
  });
  const perFacet = facets.map(() => new Map());
  for (const result of results) {
    let failing = -1;
    let failures = 0;
    for (let f = 0; f < facets.length && failures < 2; f += 1) {
      if (active[f] && !facets[f].valuesOf[result.index].some((v) => active[f].has(v))) {
        failing = f;
        failures += 1;
      }
    }
    if (failures !== 1) continue;
    const framework = index.criteria[result.index].f;
    const counts = perFacet[failing];
    counts.set(framework, (counts.get(framework) || 0) + 1);
  }
  const out = [];
  facets.forEach((facet, f) => {
    if (!active[f] || !perFacet[f].size) return;
    const frameworks = [...perFacet[f]].sort((a, b) => a[0] - b[0])
      .map(([i, count]) => ({ id: index.frameworks[i].id, title: index.frameworks[i].title, count }));
    out.push({ key: facet.key, legend: facet.legend, total: frameworks.reduce((n, x) => n + x.count, 0), frameworks });
  });
  return out;
}

/** Plain Dutch sentence for one facet's exclusions. */
export function excludedSentence({ legend, total, frameworks }) {
  const what = total === 1 ? "1 criterium" : `${total} criteria`;
  const from = frameworks.map((f) => `${f.title} (${f.count})`).join(", ");
  return `Het filter ‘${legend}’ laat ${what} weg die verder wel passen: ${from}.`;
}
