// Links that carry a list of criterion IDs: the share link for this page
// (selectie/?ids=A,B,C) and the self-scan link (contract 3,
// zelfscan/?criteria=A,B,C). Order is kept; notes are never put in a link.

function idList(ids) {
  return ids.map((id) => encodeURIComponent(id)).join(",");
}

export function shareUrl(siteRoot, ids) {
  return new URL(`selectie/?ids=${idList(ids)}`, siteRoot).href;
}

export function selfScanUrl(siteRoot, ids) {
  return new URL(`zelfscan/?criteria=${idList(ids)}`, siteRoot).href;
}

/** The IDs in a share link's query string, in order, without repeats; null if the link has none. */
export function idsFromSearch(search) {
  const raw = new URLSearchParams(search).get("ids");
  if (raw === null) return null;
  return [...new Set(raw.split(",").map((id) => id.trim()).filter(Boolean))];
}

/**
 * Sorts shared IDs into those the catalogue knows, those that were retired
 * (with their replacement, if any) and those it has never heard of. Nothing
 * is dropped: the page shows every group.
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
