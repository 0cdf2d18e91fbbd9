// "Wat geldt voor mij?": the pure set computation. From a profile (the
// wizard's choices, as in the URL) and the catalog data it derives which
// frameworks and criteria apply, and for everything left out the reason.
// No DOM here, so the rule can be tested against the data directly.

/** Framework statuses that bind a provider (contract, toetsing, subsidie). */
export const BINDING = new Set(["contractvoorwaarde", "toetsingskader", "subsidievoorwaarde"]);
/** Applicability kinds that name a target group: kept only when that group is chosen. */
export const GROUPS = ["vrouwenopvang", "maatschappelijke-opvang", "gezinnen-met-kinderen", "jeugdigen"];
const LAW_ONLY = { jeugdwet: "jeugdwet", wmo: "wmo" };

function list(params, key) {
  return (params.get(key) || "").split(",").filter(Boolean);
}

/** The profile as read from URL parameters (URLSearchParams). */
export function profileFromParams(params) {
  return {
    route: params.get("route") === "aanbod" ? "aanbod" : "inkoop",
    wet: ["wmo", "jeugdwet"].includes(params.get("wet")) ? params.get("wet") : "beide",
    segment: list(params, "segment"),
    doelgroep: list(params, "doelgroep").filter((g) => GROUPS.includes(g)),
    soort: params.get("soort") === "bindend" ? "bindend" : "alle",
    verlopen: params.get("verlopen") === "ja",
    onderwerp: list(params, "onderwerp"),
    kader: list(params, "kader"),
  };
}

/** URL parameters of a profile (only what differs from the defaults). */
export function profileToParams(profile) {
  const params = new URLSearchParams();
  params.set("route", profile.route);
  if (profile.route === "inkoop") {
    if (profile.wet !== "beide") params.set("wet", profile.wet);
    if (profile.segment.length) params.set("segment", profile.segment.join(","));
    if (profile.soort === "bindend") params.set("soort", "bindend");
    if (profile.verlopen) params.set("verlopen", "ja");
  } else if (profile.kader.length) {
    params.set("kader", profile.kader.join(","));
  }
  if (profile.doelgroep.length) params.set("doelgroep", profile.doelgroep.join(","));
  if (profile.onderwerp.length) params.set("onderwerp", profile.onderwerp.join(","));
  return params;
}

/** Laws in play: for the provider route, the domains of the chosen frameworks. */
function laws(profile) {
  return profile.wet === "beide" ? ["wmo", "jeugdwet"] : [profile.wet];
}

/**
 * Which frameworks are in, and why the others are out.
 * Returns {included: [framework], excluded: [{framework, reason}]}.
 */
export function chooseFrameworks(index, profile) {
  const included = [];
  const excluded = [];
  const segmentNames = new Map(index.segments.map((s) => [s.id, s.name]));
  for (const framework of index.frameworks) {
    let reason = null;
    if (profile.route === "aanbod") {
      if (!profile.kader.includes(framework.id)) reason = "niet gekozen als kader van uw opdrachtgever";
    } else {
      const status = framework.lifecycle ? framework.lifecycle.status : "geldig";
      if (!framework.domains.some((d) => laws(profile).includes(d))) {
        reason = "geldt niet voor de gekozen wet";
      } else if (profile.segment.length && !framework.segments_applied.some((s) => profile.segment.includes(s))) {
        reason = framework.segment_rule && framework.segment_rule.kind === "niet-vastgelegd"
          ? "segment niet vastgelegd"
          : `niet voor het gekozen segment (${profile.segment.map((s) => segmentNames.get(s) || s).join(", ")})`;
      } else if (profile.soort === "bindend" && !BINDING.has(framework.status)) {
        reason = "geen bindend contract- of toetsingskader";
      } else if (!profile.verlopen && (status === "verlopen" || status === "vervangen")) {
        reason = `kader is ${framework.lifecycle.label.toLowerCase()}`;
      }
    }
    if (reason) excluded.push({ framework, reason });
    else included.push(framework);
  }
  return { included, excluded };
}

/**
 * The criteria of the included frameworks (records from lib/catalog.js, in
 * catalog order) that apply, and for every left-out criterion its reason.
 * Returns {criteria: [record], excluded: [{criterion, reason}]}.
 */
export function chooseCriteria(index, profile, records) {
  const labels = new Map((index.applicability || []).map((k) => [k.id, k.label]));
  const criteria = [];
  const excluded = [];
  const chosenLaws = profile.route === "aanbod" ? null : laws(profile);
  for (const record of records) {
    const kinds = record.applicability.map((a) => a.kind);
    let reason = null;
    const group = kinds.find((k) => GROUPS.includes(k) && !profile.doelgroep.includes(k));
    if (group) {
      reason = `geldt alleen voor doelgroep: ${(labels.get(group) || group).replace(/^Alleen /, "").toLowerCase()}`;
    } else if (chosenLaws) {
      const law = kinds.find((k) => LAW_ONLY[k] && !chosenLaws.includes(LAW_ONLY[k]));
      if (law) reason = law === "jeugdwet" ? "geldt alleen onder de Jeugdwet" : "geldt alleen onder de Wmo";
    }
    if (!reason && profile.onderwerp.length && !record.tags.some((t) => profile.onderwerp.includes(t))) {
      reason = "gaat niet over een gekozen onderwerp";
    }
    if (reason) excluded.push({ criterion: record, reason });
    else criteria.push(record);
  }
  return { criteria, excluded };
}

/** Counts per reason, largest first: [[reason, count]]. */
export function reasonCounts(excluded) {
  const counts = new Map();
  for (const { reason } of excluded) counts.set(reason, (counts.get(reason) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
