// The compare view (/vergelijken/): 2–4 frameworks side by side, one column
// per framework, aligned by topic and by comparable-criteria group
// (align.js). The whole state is in the URL (?kaders=a,b&element=…
// &onderwerp=…): every change adds a history entry, back/forward and reload
// restore it. After each render the document fires kk:content-changed so
// the selection buttons (selectie/controls.js) show their state, and the
// mount element fires kk:compare-rendered (used by the benchmark).
import { loadFramework, loadIndex } from "../lib/catalog.js";
import { downloadBlob } from "../lib/download.js";
import { el, quote } from "../selectie/dom.js";
import { alignComparison, topicsOf } from "./align.js";
import { criterionLocator, emptyCellText, frameworkFacts, onlyInText, RELATION_LABELS, rowTitle } from "./export.js";

export const MIN_FRAMEWORKS = 2;
export const MAX_FRAMEWORKS = 4;

function criteriaCount(count) {
  return count === 1 ? "1 criterium" : `${count} criteria`;
}

/** The state in the URL, keeping only known values (frameworks in catalogue order, at most four). */
export function readState(search, index, topics) {
  const params = new URLSearchParams(search);
  const wanted = new Set((params.get("kaders") || "").split(",").filter(Boolean));
  const frameworks = index.frameworks.filter((f) => wanted.has(f.id)).slice(0, MAX_FRAMEWORKS).map((f) => f.id);
  const element = params.get("element") || "";
  const topic = params.get("onderwerp") || "";
  return {
    frameworks,
    element: index.elements.some((e) => e.id === element) ? element : "",
    topic: topics.some((t) => t.id === topic) ? topic : "",
  };
}

export function stateSearch(state) {
  const params = new URLSearchParams();
  if (state.frameworks.length) params.set("kaders", state.frameworks.join(","));
  if (state.element) params.set("element", state.element);
  if (state.topic) params.set("onderwerp", state.topic);
  // Commas stay readable in the address bar.
  const query = params.toString().replace(/%2C/g, ",");
  return query ? `?${query}` : "";
}

class CompareView {
  constructor(root, index, siteRoot) {
    this.root = root;
    this.index = index;
    this.siteRoot = siteRoot;
    this.frameworksById = new Map(index.frameworks.map((f) => [f.id, f]));
    this.topics = topicsOf(index, []);
    this.records = new Map(); // framework id -> records, filled on demand
    this.build();
  }

  build() {
    const hintId = "kk-cmp-hint";
    this.checkboxes = this.index.frameworks.map((framework) => {
      const input = el("input", { type: "checkbox", id: `kk-cmp-kader-${framework.id}`, value: framework.id,
        name: "kaders", "aria-describedby": hintId, on: { change: () => this.changed() } });
      const name = framework.short_title.includes(framework.year) ? framework.short_title : `${framework.short_title} (${framework.year})`;
      return { input, item: el("li", {}, input, " ", el("label", { for: input.id }, name)) };
    });
    this.hint = el("p", { id: hintId, class: "kk-cmp-hint", "aria-live": "polite" });
    this.elementSelect = el("select", { id: "kk-cmp-element", on: { change: () => this.changed() } },
      el("option", { value: "" }, "Alle elementen"),
      this.index.elements.map((element) => el("option", { value: element.id }, element.label)));
    this.topicSelect = el("select", { id: "kk-cmp-onderwerp", on: { change: () => this.changed() } },
      el("option", { value: "" }, "Alle onderwerpen"),
      this.topics.map((topic) => el("option", { value: topic.id }, topic.label)));
    const form = el("form", { class: "kk-cmp-form", "aria-label": "Wat wilt u vergelijken?", on: { submit: (event) => event.preventDefault() } },
      el("fieldset", { class: "kk-cmp-frameworks" },
        el("legend", {}, `Kaders: kies er ${MIN_FRAMEWORKS} tot ${MAX_FRAMEWORKS}`),
        el("ul", { class: "kk-cmp-framework-list" }, this.checkboxes.map(({ item }) => item)),
        this.hint),
      el("div", { class: "kk-cmp-filters" },
        el("p", {}, el("label", { for: this.elementSelect.id }, "Element"), " ", this.elementSelect),
        el("p", {}, el("label", { for: this.topicSelect.id }, "Onderwerp"), " ", this.topicSelect)));
    this.status = el("p", { class: "kk-cmp-status", role: "status" });
    this.exportBar = el("p", { class: "kk-cmp-exports" },
      el("button", { type: "button", class: "md-button", on: { click: () => this.exportDocx() } }, "Download als Word (.docx)"),
      " ",
      el("button", { type: "button", class: "md-button", on: { click: () => this.exportCsv() } }, "Download als CSV"));
    this.output = el("div", { class: "kk-cmp-output" });
    this.root.replaceChildren(form, this.status, this.exportBar, this.output);
    window.addEventListener("popstate", () => this.restoreFromUrl());
  }

  formState() {
    return {
      frameworks: this.checkboxes.filter(({ input }) => input.checked).map(({ input }) => input.value),
      element: this.elementSelect.value,
      topic: this.topicSelect.value,
    };
  }

  changed() {
    const search = stateSearch(this.formState());
    if (search !== location.search) history.pushState(null, "", `${location.pathname}${search}`);
    this.update();
  }

  restoreFromUrl() {
    const state = readState(location.search, this.index, this.topics);
    // Unknown values and a fifth framework are dropped from the address too (a group's fragment stays).
    const search = stateSearch(state);
    if (search !== location.search) history.replaceState(null, "", `${location.pathname}${search}${location.hash}`);
    const chosen = new Set(state.frameworks);
    for (const { input } of this.checkboxes) input.checked = chosen.has(input.value);
    this.elementSelect.value = state.element;
    this.topicSelect.value = state.topic;
    this.update();
  }

  async recordsFor(ids) {
    const missing = ids.filter((id) => !this.records.has(id));
    const loaded = await Promise.all(missing.map((id) => loadFramework(this.siteRoot, id)));
    missing.forEach((id, i) => this.records.set(id, loaded[i]));
    return this.records;
  }

  async update() {
    const state = this.formState();
    const count = state.frameworks.length;
    for (const { input } of this.checkboxes) input.disabled = !input.checked && count >= MAX_FRAMEWORKS;
    this.hint.textContent = count >= MAX_FRAMEWORKS
      ? `U heeft ${MAX_FRAMEWORKS} kaders gekozen, het maximum. Haal een vinkje weg om een ander kader te kiezen.`
      : `${count} van ${MAX_FRAMEWORKS} gekozen.`;
    const token = (this.token = Symbol("render"));
    this.model = null;
    this.exportBar.hidden = true;
    if (count < MIN_FRAMEWORKS) {
      this.status.textContent = "";
      this.output.replaceChildren(el("p", { class: "kk-cmp-empty-state" },
        `Kies hierboven ten minste ${MIN_FRAMEWORKS} kaders. Daarna ziet u hun criteria naast elkaar, geordend per onderwerp.`));
      this.root.dispatchEvent(new CustomEvent("kk:compare-rendered"));
      return;
    }
    const recordsByFramework = await this.recordsFor(state.frameworks);
    if (token !== this.token) return; // a newer change is being rendered
    const frameworks = state.frameworks.map((id) => this.frameworksById.get(id));
    this.model = alignComparison({ index: this.index, frameworks, recordsByFramework, element: state.element, topic: state.topic });
    this.state = state;
    this.render(this.model, state);
  }

  render(model, state) {
    const parts = [this.columnHeads(model)];
    if (model.sections.length === 0) {
      parts.push(el("p", { class: "kk-cmp-empty-state" }, "De gekozen kaders hebben geen criteria met deze keuze voor element en onderwerp."));
    }
    for (const section of model.sections) parts.push(this.sectionNode(model, section));
    if (model.emptyTopics.length > 0 && !state.topic) {
      parts.push(el("section", { class: "kk-cmp-none", "aria-labelledby": "kk-cmp-none-heading" },
        el("h2", { id: "kk-cmp-none-heading" }, "Onderwerpen zonder criteria in deze kaders"),
        el("p", {}, "Geen van de gekozen kaders heeft criteria over: ", model.emptyTopics.map((t) => t.label).join(", "), ".")));
    }
    this.output.replaceChildren(...parts);
    this.output.style.setProperty("--kk-cmp-columns", String(model.frameworks.length));
    this.status.textContent = `${criteriaCount(model.criteriaCount)} uit ${model.frameworks.length} kaders, `
      + `in ${model.sections.length} ${model.sections.length === 1 ? "onderwerp" : "onderwerpen"}.`;
    this.exportBar.hidden = model.criteriaCount === 0;
    document.dispatchEvent(new CustomEvent("kk:content-changed"));
    this.showLinkedGroup();
    performance.mark("kk-compare-rendered");
    this.root.dispatchEvent(new CustomEvent("kk:compare-rendered"));
  }

  /**
   * A framework page links to a comparable-criteria group as ?kaders=…#<group id>: scroll to the
   * group's first row and move focus there, so that keyboard and screen reader users land on it too.
   * Every render does this while the address names the group (the view may render more than once
   * as it loads) and focus is not in the form; a change in the form drops the fragment (changed()).
   */
  showLinkedGroup() {
    const groupId = decodeURIComponent(location.hash.slice(1));
    const heading = groupId && this.output.querySelector(`[data-group="${CSS.escape(groupId)}"] .kk-cmp-row-heading`);
    const active = document.activeElement;
    if (!heading || (active && active !== document.body && !this.output.contains(active))) return;
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  }

  columnHeads(model) {
    return el("div", { class: "kk-cmp-heads kk-cmp-grid", "aria-label": "Gekozen kaders", role: "group" },
      model.frameworks.map((framework, position) => el("div", { class: "kk-cmp-head", "data-framework": framework.id },
        el("p", { class: "kk-cmp-head-title" },
          el("a", { href: new URL(framework.url, this.siteRoot).href }, framework.title)),
        el("p", { class: "kk-cmp-head-facts" }, frameworkFacts(framework).join(" · ")),
        el("p", { class: "kk-cmp-head-count" }, `${criteriaCount(model.perFramework[position])} in deze vergelijking`))));
  }

  onlyIn(presentIn, what) {
    const text = onlyInText(this.model, presentIn);
    return text ? el("p", { class: "kk-cmp-only" }, text, el("span", { class: "kk-visually-hidden" }, `: ${what}`)) : null;
  }

  sectionNode(model, section) {
    const headingId = `kk-cmp-topic-${section.topic.id || "zonder"}`;
    return el("section", { class: "kk-cmp-topic", "data-topic": section.topic.id, "aria-labelledby": headingId },
      el("h2", { id: headingId }, section.topic.label, el("span", { class: "kk-cmp-topic-count" }, ` (${criteriaCount(section.criteriaCount)})`)),
      section.topic.description ? el("p", { class: "kk-cmp-topic-description" }, section.topic.description) : null,
      this.onlyIn(section.presentIn, "alleen dit kader heeft criteria over dit onderwerp"),
      section.rows.map((row) => this.rowNode(model, section, row)));
  }

  rowNode(model, section, row) {
    const isGroup = row.kind === "group";
    const heading = isGroup
      ? el("h3", { class: "kk-cmp-row-heading" }, "Vergelijkbare criteria: ", el("span", { class: "kk-editorial" }, row.group.label))
      : el("h3", { class: "kk-cmp-row-heading" }, rowTitle(section, row));
    const note = isGroup && row.group.note ? el("p", { class: "kk-cmp-group-note kk-editorial" }, row.group.note) : null;
    const editorial = isGroup
      ? el("p", { class: "kk-cmp-group-explain" }, "Deze groep is door de redactie samengesteld; de teksten zelf zijn letterlijk.") : null;
    return el("div", { class: `kk-cmp-row kk-cmp-row--${row.kind}`, "data-group": isGroup ? row.group.id : null },
      heading, note, editorial,
      this.onlyIn(row.presentIn, isGroup ? "de andere gekozen kaders hebben hier geen criterium" : "de andere gekozen kaders hebben hier geen criteria"),
      el("div", { class: "kk-cmp-grid" }, model.frameworks.map((framework, position) =>
        this.cellNode(framework, row, position))));
  }

  cellNode(framework, row, position) {
    const entries = row.cells[position];
    const label = el("p", { class: "kk-cmp-cell-label" }, framework.short_title);
    let body;
    if (entries.length > 0) {
      body = el("ul", { class: "kk-cmp-criteria" }, entries.map((entry) => this.criterionNode(framework, entry)));
    } else {
      const others = row.kind === "group" ? row.elsewhere[position] : [];
      body = el("p", { class: "kk-cmp-empty" }, emptyCellText(row, position),
        others.flatMap((record, i) => [i > 0 ? ", " : null,
          el("a", { href: new URL(record.url, this.siteRoot).href }, criterionLocator(this.index, this.siteRoot, record))]),
        others.length > 0 ? "." : null);
    }
    return el("div", { class: "kk-cmp-cell", "data-framework": framework.id }, label, body);
  }

  criterionNode(framework, { record, relation }) {
    return el("li", { class: "kk-cmp-criterion", "data-criterion-id": record.id },
      el("h4", { class: "kk-cmp-criterion-heading" },
        el("a", { href: new URL(record.url, this.siteRoot).href }, criterionLocator(this.index, this.siteRoot, record)),
        el("span", { class: "kk-visually-hidden" }, ` (${framework.short_title})`)),
      relation ? el("p", { class: `kk-cmp-relation kk-cmp-relation--${relation}` }, RELATION_LABELS[relation] || relation) : null,
      quote(record),
      el("p", { class: "kk-cmp-actions" },
        el("button", { type: "button", class: "md-button kk-select", "data-select-criterion": record.id, "aria-pressed": "false" }, "Selecteer")));
  }

  async exportDocx() {
    if (!this.model) return;
    const context = this.exportContext();
    const { comparisonDocx } = await import("./docx.js"); // with fflate: loaded only when asked for
    downloadBlob(comparisonDocx(context), "vergelijking-kwaliteitskaders.docx");
  }

  async exportCsv() {
    if (!this.model) return;
    const context = this.exportContext();
    const { comparisonCsv } = await import("./csv.js");
    downloadBlob(comparisonCsv(context), "vergelijking-kwaliteitskaders.csv");
  }

  exportContext() {
    return { index: this.index, siteRoot: this.siteRoot, model: this.model, state: this.state };
  }
}

export async function mount(root, { siteRoot }) {
  performance.mark("kk-compare-start");
  root.classList.add("kk-cmp");
  let index;
  try {
    index = await loadIndex(siteRoot);
  } catch {
    root.replaceChildren(el("p", { role: "alert" }, "De gegevens konden niet worden geladen. Probeer de pagina opnieuw te laden."));
    return;
  }
  const view = new CompareView(root, index, siteRoot);
  view.restoreFromUrl();
}
