// Setup of a scan: organisation, name, date, framework (or the chosen criteria)
// and which sections apply. Used for a new scan and to change an existing one.
import { loadFramework, loadFrameworksOf } from "../lib/catalog.js";
import { h, uniqueId } from "./dom.js";
import { buildContext, createScan, currentCriterion, isSectionDisabled, scopeFrameworkIds, today } from "./model.js";
import { savedText } from "./view-frameworks.js";

function textField(label, attributes) {
  const id = uniqueId("kk-zs-field");
  return { id, wrapper: h("div", { className: "kk-zs-field" }, h("label", { for: id }, label), h("input", { id, ...attributes })) };
}

/** Counts of criteria per section, including those of its subsections. */
function countBySection(framework, criteria, wanted) {
  const parentOf = new Map(framework.sections.map((section) => [section.id, section.parent]));
  const counts = new Map();
  for (const criterion of criteria) {
    if (wanted && !wanted.has(criterion.id)) continue;
    for (let id = criterion.section; id; id = parentOf.get(id)) counts.set(id, (counts.get(id) || 0) + 1);
  }
  return counts;
}

/** One fieldset per framework: a checkbox for every section that has criteria in scope. */
async function sectionFieldsets(app, frameworkIds, wanted, disabledOf) {
  const fieldsets = [];
  for (const frameworkId of frameworkIds) {
    const framework = app.index.frameworks.find((f) => f.id === frameworkId);
    const counts = countBySection(framework, await loadFramework(app.siteRoot, frameworkId), wanted);
    const boxes = framework.sections.filter((section) => counts.has(section.id)).map((section) => {
      const id = uniqueId("kk-zs-section");
      const conditions = section.applicability.map((rule) => rule.text).join(" ");
      return h("div", { className: `kk-zs-section-choice kk-zs-depth-${Math.min(section.depth, 4)}` },
        h("input", {
          id, type: "checkbox", checked: !disabledOf(frameworkId, section.id),
          dataset: { framework: frameworkId, section: section.id },
        }),
        h("label", { for: id }, [...new Set([section.number, section.title].filter(Boolean))].join(" "),
          ` (${counts.get(section.id)})`),
        conditions && h("span", { className: "kk-badge" }, conditions));
    });
    fieldsets.push(h("fieldset", { className: "kk-zs-sections" },
      h("legend", {}, `Onderdelen van ${framework.short_title} die voor uw organisatie gelden`),
      h("p", { className: "kk-zs-hint" }, "Zet onderdelen uit die niet op u van toepassing zijn, bijvoorbeeld Vrouwenopvang als u die niet biedt. "
        + "Losse criteria die niet van toepassing zijn, markeert u later bij het invullen als n.v.t. met een reden."),
      boxes));
  }
  return fieldsets;
}

/**
 * Checkboxes for a scan over several frameworks, one fieldset per domain (a
 * framework with several domains under its first), each with its status.
 */
function frameworkChoices(app, chosen, onChange) {
  const byDomain = new Map(app.index.domains.map((domain) => [domain.id, []]));
  for (const framework of app.index.frameworks) {
    const domain = framework.domains.find((id) => byDomain.has(id));
    if (domain) byDomain.get(domain).push(framework);
  }
  const domainLabel = new Map(app.index.domains.map((domain) => [domain.id, domain.label]));
  const fieldsets = [...byDomain].filter(([, list]) => list.length).map(([domainId, list]) => h("fieldset", { className: "kk-zs-framework-choice" },
    h("legend", {}, domainLabel.get(domainId)),
    list.map((framework) => {
      const id = uniqueId("kk-zs-kader");
      const others = framework.domains.filter((d) => d !== domainId).map((d) => domainLabel.get(d)).filter(Boolean);
      return h("div", { className: "kk-zs-section-choice" },
        h("input", { id, type: "checkbox", checked: chosen.includes(framework.id), dataset: { kader: framework.id } }),
        h("label", { for: id }, `${framework.short_title} (${framework.criteria_count} ${framework.item_term.plural})`),
        h("span", { className: "kk-badge" }, framework.lifecycle?.label || framework.status_label),
        others.length > 0 && h("span", { className: "kk-zs-hint" }, ` ook ${others.join(", ")}`));
    })));
  const holder = h("div", { className: "kk-zs-frameworks-choice" }, fieldsets);
  holder.addEventListener("change", onChange);
  return holder;
}

/** The chosen frameworks of the checkboxes, in catalog order. */
function checkedFrameworks(holder) {
  return [...holder.querySelectorAll("input[data-kader]:checked")].map((box) => box.dataset.kader);
}

/** The criteria of a ?criteria= scope: known ones by framework, unknown and retired ones listed. */
function criteriaSummary(app, ids) {
  const known = ids.filter((id) => currentCriterion(app.index, id));
  const unknown = ids.filter((id) => !currentCriterion(app.index, id));
  const byFramework = new Map();
  for (const id of known) {
    const frameworkId = currentCriterion(app.index, id)[0];
    if (!byFramework.has(frameworkId)) byFramework.set(frameworkId, []);
    byFramework.get(frameworkId).push(id);
  }
  const whole = byFramework.size > 1 && app.link(`Scan in plaats daarvan deze ${byFramework.size} kaders helemaal, met vergelijkbare criteria één keer gevraagd`,
    { kaders: [...byFramework.keys()].join(",") });
  return h("div", { className: "kk-zs-criteria-summary" },
    h("p", {}, `Deze zelfscan gaat over ${known.length} gekozen criteria:`),
    h("ul", {}, [...byFramework].map(([frameworkId, list]) => h("li", {},
      `${app.index.frameworks.find((f) => f.id === frameworkId).short_title}: ${list.join(", ")}`))),
    unknown.length > 0 && h("div", { className: "kk-zs-message kk-zs-message--error" },
      h("p", {}, "Deze criteria bestaan niet (meer) en zitten niet in de scan:"),
      h("ul", {}, unknown.map((id) => h("li", {}, Object.hasOwn(app.index.retired, id) ? `${id} (vervallen)` : `${id} (onbekend)`)))),
    whole && h("p", {}, whole));
}

export async function renderSetup(app, { scan = null, framework = null, criteria = null, frameworks: frameworkList = null }) {
  const isNew = !scan;
  const askedFrameworks = frameworkList !== null && isNew
    ? [...new Set(frameworkList.split(",").map((id) => id.trim()).filter(Boolean))] : null;
  const criteriaIds = criteria !== null && isNew
    ? [...new Set(criteria.split(",").map((id) => id.trim()).filter(Boolean))] : null;
  if (criteriaIds) await loadFrameworksOf(app.siteRoot, criteriaIds);
  const frameworks = app.index.frameworks;
  const errorBox = h("div", { className: "kk-zs-feedback", role: "alert" });
  const organisation = textField("Naam van uw organisatie", { type: "text", autocomplete: "organization", maxlength: 200, value: scan?.organisation || "" });
  const name = textField("Naam van deze zelfscan", { type: "text", maxlength: 200, required: true, "aria-required": "true", value: scan?.name || "" });
  const date = textField("Datum", { type: "date", value: scan?.date || today(), required: true });
  const sectionsHolder = h("div", {});
  // A scan over several frameworks: how many questions the chosen frameworks and sections take.
  const savings = h("p", { className: "kk-zs-savings", role: "status" });
  const disabledNow = () => [...sectionsHolder.querySelectorAll("input[type=checkbox]:not(:checked)")]
    .map((box) => ({ framework: box.dataset.framework, section: box.dataset.section }));

  let scope = scan?.scope || null;
  let frameworkSelect = null;
  const disabledOf = (frameworkId, sectionId) => (scan ? isSectionDisabled(scan, frameworkId, sectionId) : false);

  const showSavings = async () => {
    if (scope?.kind !== "kaders") return savings.replaceChildren();
    const frameworkIds = scopeFrameworkIds(scope, app.index);
    const lists = await Promise.all(frameworkIds.map((id) => loadFramework(app.siteRoot, id)));
    const draft = { scope, answers: {}, disabled_sections: disabledNow() };
    const context = buildContext(draft, app.index, Object.fromEntries(frameworkIds.map((id, i) => [id, lists[i]])));
    savings.dataset.questions = String(context.shared.questions);
    return savings.replaceChildren(`${savedText(context.shared, context.criteria.length)}: `
      + "criteria die in meer kaders hetzelfde vragen, beantwoordt u één keer.");
  };
  const showSections = async () => {
    if (!scope) {
      sectionsHolder.replaceChildren();
      return showSavings();
    }
    const wanted = scope.kind === "criteria" ? new Set(scope.ids) : null;
    sectionsHolder.replaceChildren(...await sectionFieldsets(app, scopeFrameworkIds(scope, app.index), wanted, disabledOf));
    return showSavings();
  };
  sectionsHolder.addEventListener("change", () => showSavings());

  let scopePart;
  if (isNew && !criteriaIds) {
    // One framework (the select) or several (checkboxes by domain), as a choice of two.
    const known = new Set(frameworks.map((f) => f.id));
    const chosen = askedFrameworks ? askedFrameworks.filter((id) => known.has(id)) : [];
    const unknownAsked = askedFrameworks ? askedFrameworks.filter((id) => !known.has(id)) : [];
    const multiStart = askedFrameworks !== null;
    const modeName = uniqueId("kk-zs-mode");
    const selectId = uniqueId("kk-zs-framework");
    const knownSingle = frameworks.some((f) => f.id === framework);
    frameworkSelect = h("select", { id: selectId, required: true },
      h("option", { value: "" }, "Kies een kwaliteitskader"),
      frameworks.map((f) => h("option", { value: f.id }, `${f.short_title} (${f.criteria_count} ${f.item_term.plural})`)));
    frameworkSelect.value = knownSingle ? framework : "";
    const single = h("div", { className: "kk-zs-field", hidden: multiStart }, h("label", { for: selectId }, "Kwaliteitskader"), frameworkSelect,
      framework && !knownSingle && h("p", { className: "kk-zs-message kk-zs-message--error" }, `Onbekend kader: "${framework}". Kies een kader uit de lijst.`));
    const readMulti = () => {
      const ids = checkedFrameworks(choices);
      return ids.length >= 2 ? { kind: "kaders", frameworks: ids } : null;
    };
    const choices = frameworkChoices(app, chosen, () => {
      scope = readMulti();
      showSections();
    });
    const multi = h("div", { className: "kk-zs-multi", hidden: !multiStart },
      h("p", { className: "kk-zs-hint" }, "Kies twee of meer kaders. Criteria die in meer kaders hetzelfde vragen, beantwoordt u één keer; "
        + "u ziet daarbij de tekst van elk kader. U krijgt de resultaten per kader en samen."),
      unknownAsked.length > 0 && h("p", { className: "kk-zs-message kk-zs-message--error" },
        `Onbekend kader: ${unknownAsked.map((id) => `"${id}"`).join(", ")}. Kies uit de lijst.`),
      choices);
    const modeRadio = (value, label, checked) => {
      const id = uniqueId("kk-zs-mode-option");
      return h("span", { className: "kk-zs-option" },
        h("input", { id, type: "radio", name: modeName, value, checked }), h("label", { for: id }, label));
    };
    const modes = h("fieldset", { className: "kk-zs-mode" }, h("legend", {}, "Waarover gaat de zelfscan?"),
      modeRadio("een", "Eén kwaliteitskader", !multiStart), modeRadio("meer", "Meerdere kaders in één zelfscan", multiStart));
    modes.addEventListener("change", () => {
      const isMulti = modes.querySelector("input:checked").value === "meer";
      single.hidden = isMulti;
      multi.hidden = !isMulti;
      scope = isMulti ? readMulti() : (frameworkSelect.value ? { kind: "kader", framework: frameworkSelect.value } : null);
      showSections();
    });
    scope = multiStart ? readMulti() : (knownSingle ? { kind: "kader", framework } : null);
    frameworkSelect.addEventListener("change", () => {
      scope = frameworkSelect.value ? { kind: "kader", framework: frameworkSelect.value } : null;
      showSections();
    });
    scopePart = h("div", {}, modes, single, multi, savings);
  } else if (criteriaIds) {
    scope = { kind: "criteria", ids: criteriaIds };
    scopePart = criteriaSummary(app, criteriaIds);
    if (!criteriaIds.some((id) => currentCriterion(app.index, id))) scope = null;
  } else {
    const titles = scopeFrameworkIds(scan.scope, app.index).map((id) => frameworks.find((f) => f.id === id).short_title);
    if (scan.scope.kind === "kader") scopePart = h("p", {}, `Kader: ${frameworks.find((f) => f.id === scan.scope.framework).title}`);
    else if (scan.scope.kind === "kaders") scopePart = h("div", {}, h("p", {}, `Kaders: ${titles.join(", ")}`), savings);
    else scopePart = h("p", {}, `Eigen selectie van ${scan.scope.ids.length} criteria`);
  }
  await showSections();

  const form = h("form", { className: "kk-zs-setup", novalidate: true }, errorBox,
    h("fieldset", {}, h("legend", {}, "Gegevens van de zelfscan"), organisation.wrapper, name.wrapper, date.wrapper, scopePart),
    sectionsHolder,
    h("button", { type: "submit", className: "md-button md-button--primary" }, isNew ? "Zelfscan starten" : "Wijzigingen opslaan"),
    !isNew && app.link("Terug naar de vragen", { scan: scan.id }, { className: "md-button" }));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const field = (part) => form.querySelector(`#${part.id}`);
    const problems = [];
    if (!field(name).value.trim()) problems.push([field(name), "Geef de zelfscan een naam."]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(field(date).value)) problems.push([field(date), "Vul een datum in."]);
    const multiChosen = !form.querySelector(".kk-zs-multi")?.hidden && form.querySelector(".kk-zs-multi");
    if (!scope && multiChosen) problems.push([multiChosen.querySelector("input[data-kader]"), "Kies twee of meer kaders."]);
    else if (!scope) problems.push([frameworkSelect || field(name), "Kies een kwaliteitskader."]);
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    if (problems.length) {
      for (const [input] of problems) input.setAttribute("aria-invalid", "true");
      errorBox.replaceChildren(h("div", { className: "kk-zs-message kk-zs-message--error" },
        h("p", {}, "De zelfscan is nog niet gestart:"), h("ul", {}, problems.map(([, text]) => h("li", {}, text)))));
      problems[0][0].focus();
      return;
    }
    const disabledSections = disabledNow();
    const details = { name: field(name).value.trim(), organisation: field(organisation).value.trim(), date: field(date).value };
    const frameworkVersions = Object.fromEntries(scopeFrameworkIds(scope, app.index)
      .map((id) => [id, frameworks.find((f) => f.id === id).version]));
    const target = isNew
      ? createScan({ ...details, scope, frameworkVersions, disabledSections })
      : Object.assign(scan, details, { disabled_sections: disabledSections });
    app.save(target);
    app.go({ scan: target.id }, { replace: isNew });
  });

  return h("div", { className: "kk-zs-setup-view" },
    h("h2", {}, isNew ? "Nieuwe zelfscan" : `Instellingen: ${scan.name}`),
    isNew && h("p", {}, app.link("Terug naar uw zelfscans", {})),
    form);
}
