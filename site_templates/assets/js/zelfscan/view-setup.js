// Setup of a scan: organisation, name, date, framework (or the chosen criteria)
// and which sections apply. Used for a new scan and to change an existing one.
import { loadFramework } from "../lib/catalog.js";
import { h, uniqueId } from "./dom.js";
import { createScan, currentCriterion, isSectionDisabled, scopeFrameworkIds, today } from "./model.js";

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
        h("label", { for: id }, [section.number, section.title].filter(Boolean).join(" "),
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
  return h("div", { className: "kk-zs-criteria-summary" },
    h("p", {}, `Deze zelfscan gaat over ${known.length} gekozen criteria:`),
    h("ul", {}, [...byFramework].map(([frameworkId, list]) => h("li", {},
      `${app.index.frameworks.find((f) => f.id === frameworkId).short_title}: ${list.join(", ")}`))),
    unknown.length > 0 && h("div", { className: "kk-zs-message kk-zs-message--error" },
      h("p", {}, "Deze criteria bestaan niet (meer) en zitten niet in de scan:"),
      h("ul", {}, unknown.map((id) => h("li", {}, Object.hasOwn(app.index.retired, id) ? `${id} (vervallen)` : `${id} (onbekend)`)))));
}

export async function renderSetup(app, { scan = null, framework = null, criteria = null }) {
  const isNew = !scan;
  const criteriaIds = criteria !== null && isNew
    ? [...new Set(criteria.split(",").map((id) => id.trim()).filter(Boolean))] : null;
  const frameworks = app.index.frameworks;
  const errorBox = h("div", { className: "kk-zs-feedback", role: "alert" });
  const organisation = textField("Naam van uw organisatie", { type: "text", autocomplete: "organization", maxlength: 200, value: scan?.organisation || "" });
  const name = textField("Naam van deze zelfscan", { type: "text", maxlength: 200, required: true, "aria-required": "true", value: scan?.name || "" });
  const date = textField("Datum", { type: "date", value: scan?.date || today(), required: true });
  const sectionsHolder = h("div", {});

  let scope = scan?.scope || null;
  let frameworkSelect = null;
  const disabledOf = (frameworkId, sectionId) => (scan ? isSectionDisabled(scan, frameworkId, sectionId) : false);

  const showSections = async () => {
    if (!scope) return sectionsHolder.replaceChildren();
    const wanted = scope.kind === "criteria" ? new Set(scope.ids) : null;
    return sectionsHolder.replaceChildren(...await sectionFieldsets(app, scopeFrameworkIds(scope, app.index), wanted, disabledOf));
  };

  let scopePart;
  if (criteriaIds) {
    scope = { kind: "criteria", ids: criteriaIds };
    scopePart = criteriaSummary(app, criteriaIds);
    if (!criteriaIds.some((id) => currentCriterion(app.index, id))) scope = null;
  } else if (isNew) {
    const selectId = uniqueId("kk-zs-framework");
    const known = frameworks.some((f) => f.id === framework);
    frameworkSelect = h("select", { id: selectId, required: true },
      h("option", { value: "" }, "Kies een kwaliteitskader"),
      frameworks.map((f) => h("option", { value: f.id }, `${f.short_title} (${f.criteria_count} ${f.item_term.plural})`)));
    frameworkSelect.value = known ? framework : "";
    scope = known ? { kind: "kader", framework } : null;
    frameworkSelect.addEventListener("change", () => {
      scope = frameworkSelect.value ? { kind: "kader", framework: frameworkSelect.value } : null;
      showSections();
    });
    scopePart = h("div", { className: "kk-zs-field" }, h("label", { for: selectId }, "Kwaliteitskader"), frameworkSelect,
      framework && !known && h("p", { className: "kk-zs-message kk-zs-message--error" }, `Onbekend kader: "${framework}". Kies een kader uit de lijst.`));
  } else {
    scopePart = h("p", {}, scan.scope.kind === "kader"
      ? `Kader: ${frameworks.find((f) => f.id === scan.scope.framework).title}`
      : `Eigen selectie van ${scan.scope.ids.length} criteria`);
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
    if (!scope) problems.push([frameworkSelect || field(name), "Kies een kwaliteitskader."]);
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    if (problems.length) {
      for (const [input] of problems) input.setAttribute("aria-invalid", "true");
      errorBox.replaceChildren(h("div", { className: "kk-zs-message kk-zs-message--error" },
        h("p", {}, "De zelfscan is nog niet gestart:"), h("ul", {}, problems.map(([, text]) => h("li", {}, text)))));
      problems[0][0].focus();
      return;
    }
    const disabledSections = [...sectionsHolder.querySelectorAll("input[type=checkbox]:not(:checked)")]
      .map((box) => ({ framework: box.dataset.framework, section: box.dataset.section }));
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
