// Facets: element, topic (onderwerp: the criterion's tags), applicability
// (toepassing: the kinds of its applicability rules, or "algemeen" when it
// has none), framework (kader), domain and segment. Values within one
// facet are alternatives (OR); facets combine with AND. The count shown next
// to a value is the number of current matches that would remain if that
// value were ticked alongside the other facets' selections (the usual
// "other facets only" rule), so counts change as the query changes.

/** Applicability value of criteria without any applicability rule. */
export const GENERAL = { id: "algemeen", label: "Algemeen (zonder beperking)" };

/** Facet definitions, with for every criterion the values it has per facet. */
export function buildFacets(index) {
  const frameworks = index.frameworks;
  const definitions = [
    { key: "element", legend: "Element", values: index.elements,
      of: (record) => record.e },
    { key: "onderwerp", legend: "Onderwerp", values: index.topics,
      of: (record) => record.t },
    { key: "toepassing", legend: "Toepassing", values: [...index.applicability, GENERAL],
      of: (record) => (record.a.length ? record.a : [GENERAL.id]) },
    { key: "kader", legend: "Kader", values: frameworks.map((f) => ({ id: f.id, label: f.title })),
      of: (record) => [frameworks[record.f].id] },
    { key: "domein", legend: "Domein", values: index.domains,
      of: (record) => frameworks[record.f].domains },
    { key: "segment", legend: "Inkoopsegment", values: index.segments,
      of: (record) => frameworks[record.f].segments },
  ];
  return definitions.map((facet) => {
    const position = new Map(facet.values.map((value, i) => [value.id, i]));
    const valuesOf = index.criteria.map((record) => facet.of(record).map((id) => position.get(id)));
    return { key: facet.key, legend: facet.legend, values: facet.values, position, valuesOf };
  });
}

/**
 * Applies the selected values (selection: {facetKey: Set of value IDs}) to
 * ranked results and counts per facet value. Returns {results, counts}
 * where counts[facetKey] is an array parallel to that facet's values.
 */
export function applyFacets(facets, results, selection) {
  const active = facets.map((facet) => {
    const chosen = selection[facet.key];
    if (!chosen || !chosen.size) return null;
    const wanted = new Uint8Array(facet.values.length);
    for (const id of chosen) if (facet.position.has(id)) wanted[facet.position.get(id)] = 1;
    return wanted;
  });
  const counts = facets.map((facet) => new Array(facet.values.length).fill(0));
  const kept = [];
  for (const result of results) {
    let failing = -1;
    let failures = 0;
    for (let f = 0; f < facets.length && failures < 2; f += 1) {
      if (active[f] && !facets[f].valuesOf[result.index].some((v) => active[f][v])) {
        failing = f;
        failures += 1;
      }
    }
    if (failures === 0) {
      kept.push(result);
      for (let f = 0; f < facets.length; f += 1) for (const v of facets[f].valuesOf[result.index]) counts[f][v] += 1;
    } else if (failures === 1) {
      // Fails only this facet: it still counts for this facet's other values.
      for (const v of facets[failing].valuesOf[result.index]) counts[failing][v] += 1;
    }
  }
  return { results: kept, counts: Object.fromEntries(facets.map((facet, f) => [facet.key, counts[f]])) };
}
