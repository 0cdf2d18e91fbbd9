// "Wat geldt voor mij?" (/wat-geldt/): a short guided start. Two routes
// (Ik koop in / Ik bied zorg aan); every choice is a native form control and
// lives in the URL, so a link reproduces the set. The set itself comes from
// set.js; selection and self-scan are reached through their own APIs.
import { loadIndex, loadFramework } from "../lib/catalog.js";
import { el } from "../selectie/dom.js";
import { addIds } from "../selectie/store.js";
import { chooseFrameworks, chooseCriteria, profileFromParams, profileToParams, reasonCounts, GROUPS } from "./set.js";

function criteriaCount(n) {
  return n === 1 ? "1 criterium" : `${n} criteria`;
}

function choiceGroup(legend, name, type, options, checked) {
  return el("fieldset", { class: "kk-wat-geldt__step", "data-step": name },
    el("legend", {}, legend),
    el("ul", { class: "kk-wat-geldt__options" }, options.map(({ id, label }) => {
      const inputId = `kk-wg-${name}-${id}`;
      return el("li", {}, el("input", { type, name, id: inputId, value: id, checked: checked(id) }),
        " ", el("label", { for: inputId }, label));
    })));
}

export async function mount(root, { siteRoot }) {
  root.replaceChildren(el("p", { role: "status" }, "Gegevens laden…"));
  const index = await loadIndex(siteRoot);
  const groupLabels = new Map(index.applicability.map((k) => [k.id, k.label.replace(/^Alleen /, "")]));
  const form = el("form", { class: "kk-wat-geldt__form", "aria-label": "Uw situatie" });
  const result = el("section", { class: "kk-wat-geldt__result", "aria-labelledby": "kk-wg-result-heading" });
  root.replaceChildren(form, result);

  const render = async (history) => {
    const profile = profileFromParams(new URLSearchParams(location.search));
    const focused = document.activeElement && document.activeElement.id;
    form.replaceChildren(
      choiceGroup("Wat is uw rol?", "route", "radio",
        [{ id: "inkoop", label: "Ik koop in (gemeente of regio)" }, { id: "aanbod", label: "Ik bied zorg aan" }],
        (id) => id === profile.route),
      ...(profile.route === "inkoop" ? [
        choiceGroup("Welke wet?", "wet", "radio",
          [{ id: "wmo", label: "Wmo 2015" }, { id: "jeugdwet", label: "Jeugdwet" }, { id: "beide", label: "Allebei" }],
          (id) => id === profile.wet),
        choiceGroup("Welk inkoopsegment? (geen keuze: alle)", "segment", "checkbox",
          index.segments.filter((s) => profile.wet === "beide" || s.domain === profile.wet)
            .map((s) => ({ id: s.id, label: `${s.domain === "wmo" ? "Wmo" : "Jeugd"} ${s.code}: ${s.name}` })),
          (id) => profile.segment.includes(id)),
        choiceGroup("Welk soort kader?", "soort", "radio",
          [{ id: "bindend", label: "Alleen bindende contract- en toetsingskaders" },
            { id: "alle", label: "Ook hulpmiddelen, veldnormen en profielen" }], (id) => id === profile.soort),
        choiceGroup("Verlopen kaders?", "verlopen", "checkbox",
          [{ id: "ja", label: "Ook verlopen en vervangen kaders" }], () => profile.verlopen),
      ] : [
        choiceGroup("Met welke kaders werkt uw gemeente of regio?", "kader", "checkbox",
          index.frameworks.map((f) => ({ id: f.id, label: f.lifecycle && f.lifecycle.status !== "geldig"
            ? `${f.short_title} (${f.lifecycle.label.toLowerCase()})` : f.short_title })),
          (id) => profile.kader.includes(id)),
      ]),
      choiceGroup("Voor welke doelgroepen werkt u? (criteria voor een andere doelgroep vallen weg)", "doelgroep",
        "checkbox", GROUPS.map((g) => ({ id: g, label: groupLabels.get(g) || g })), (id) => profile.doelgroep.includes(id)),
      el("details", { class: "kk-wat-geldt__topics", open: profile.onderwerp.length > 0 },
        el("summary", {}, "Onderwerpen (optioneel)"),
        choiceGroup("Alleen criteria over deze onderwerpen", "onderwerp", "checkbox", index.topics,
          (id) => profile.onderwerp.includes(id))),
    );
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();

    const frameworks = chooseFrameworks(index, profile);
    const records = (await Promise.all(frameworks.included.map((f) => loadFramework(siteRoot, f.id)))).flat();
    const { criteria, excluded } = chooseCriteria(index, profile, records);
    const ids = criteria.map((c) => c.id);
    const kept = new Set(criteria.map((c) => c.framework));
    const titles = new Map(index.frameworks.map((f) => [f.id, f.short_title]));

    const finder = new URL("zoeken/", siteRoot);
    if (kept.size) finder.searchParams.set("kader", [...kept].join(","));
    if (profile.route === "inkoop" && profile.segment.length) {
      finder.searchParams.set("segment", profile.segment.join(","));
    }
    if (profile.onderwerp.length) finder.searchParams.set("onderwerp", profile.onderwerp.join(","));
    const scan = new URL("zelfscan/", siteRoot);
    scan.searchParams.set("criteria", ids.join(","));
    // The same frameworks as one multi-framework scan (comparable criteria asked once).
    const multiScan = new URL("zelfscan/", siteRoot);
    multiScan.searchParams.set("kaders", [...kept].join(","));

    const summary = `${criteriaCount(ids.length)} uit ${kept.size === 1 ? "1 kader" : `${kept.size} kaders`}`
      + (excluded.length ? `; ${excluded.length} weggelaten.` : ".");
    const addButton = el("button", { type: "button", class: "md-button", disabled: !ids.length,
      on: { click: () => { addIds(ids); setText(added, `${criteriaCount(ids.length)} toegevoegd aan uw selectie.`); } } },
    "Voeg toe aan mijn selectie");
    const added = el("p", { role: "status", class: "kk-wat-geldt__added" });
    const setText = (node, text) => { node.textContent = text; };
    result.replaceChildren(
      el("h2", { id: "kk-wg-result-heading" }, "Wat geldt voor u"),
      el("p", { class: "kk-wat-geldt__summary", "data-count": ids.length, role: "status" }, summary),
      el("ul", { class: "kk-wat-geldt__how" },
        el("li", {}, `Kaders: ${[...kept].map((id) => titles.get(id)).join(", ") || "geen"}.`),
        frameworks.excluded.length ? el("li", {}, "Kaders weggelaten: ",
          frameworks.excluded.map((e) => `${e.framework.short_title} (${e.reason})`).join("; "), ".") : null,
        reasonCounts(excluded).map(([reason, n]) => el("li", { "data-reason": reason },
          `${criteriaCount(n)} weggelaten: ${reason}.`))),
      el("p", { class: "kk-wat-geldt__actions" },
        el("a", { class: "md-button md-button--primary", href: finder.href, "data-action": "finder" }, "Open in de zoekfunctie"),
        " ", addButton, " ",
        el("a", { class: "md-button", href: scan.href, "data-action": "zelfscan" }, "Start een zelfscan met deze criteria"),
        kept.size > 1 ? [" ", el("a", { class: "md-button", href: multiScan.href, "data-action": "zelfscan-kaders" },
          `Start één zelfscan over deze ${kept.size} kaders`)] : null),
      added,
      excluded.length ? el("details", { class: "kk-wat-geldt__excluded" },
        el("summary", {}, `Weggelaten criteria (${excluded.length}) met de reden`),
        el("ul", {}, excluded.map(({ criterion, reason }) => el("li", { "data-id": criterion.id },
          el("a", { href: new URL(criterion.url, siteRoot).href }, criterion.label),
          ` (${titles.get(criterion.framework)}): ${reason}`)))) : null,
      el("ol", { class: "kk-wat-geldt__list", hidden: true },
        ids.map((id) => el("li", { "data-id": id }))),
    );
    root.dataset.ready = "true";
    void history;
  };

  form.addEventListener("change", () => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const key of new Set(data.keys())) params.set(key, data.getAll(key).join(","));
    if (params.get("verlopen") === "ja") params.set("verlopen", "ja");
    const profile = profileFromParams(params);
    const url = `${location.pathname}?${profileToParams(profile)}`;
    window.history.replaceState(null, "", url);
    render();
  });
  window.addEventListener("popstate", () => render());
  await render();
}
