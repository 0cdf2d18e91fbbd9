// The criteria finder (/zoeken/): a search box, facets and the ranked
// results, with the whole state in the URL (?q=…&element=…&kader=…&domein=…
// &segment=…). History: the first keystroke of a new search adds an entry and
// further keystrokes replace it (so typing does not flood the history, and
// does not overwrite the search before it); a facet change adds an entry;
// Enter ends the search being typed. Back/forward restore each state.
//
// Every keystroke searches and renders at once (no debounce); the work per
// keystroke is measured by benchmarks/finder_latency.py. After each render
// the mount element fires "kk:finder-rendered" (used by that benchmark) and
// the document fires "kk:content-changed" so the selection buttons sync.
import { SearchEngine, clauseMatchesFields } from "./engine.js";
import { fold, tokens } from "./normalise.js";
import { parseQuery, synonymLookup } from "./query.js";
import { buildFacets, applyFacets } from "./facets.js";
import { excludedByFacet, excludedSentence } from "./excluded.js";
import { matchRanges, appendHighlighted } from "./highlight.js";

const INDEX_PATH = "assets/search/finder-index.json";
// Results rendered per keystroke; "Toon meer" adds MORE_SIZE at a time. Every
// result stays reachable, but typing only pays for the first screenful.
const FIRST_SIZE = 20;
const MORE_SIZE = 100;
const OPEN_FACETS = new Set(["element", "domein"]); // short lists; kader and segment start folded
// The width from which filters sit beside the results (finder.css uses the same breakpoint).
const wideScreen = window.matchMedia("(min-width: 60em)");

function create(tag, attributes = {}, text = null) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== null) element.textContent = text;
  return element;
}

function criteriaCount(n) {
  return n === 1 ? "1 criterium" : `${n} criteria`;
}

class Finder {
  constructor(root, index, siteRoot) {
    this.root = root;
    this.index = index;
    this.siteRoot = siteRoot;
    this.engine = new SearchEngine(index);
    this.synonyms = synonymLookup(index.synonyms);
    this.facets = buildFacets(index);
    this.elementLabels = new Map(index.elements.map((e) => [e.id, e.label]));
    const field = (text) => ({ tokens: tokens(fold(text)) });
    this.frameworkFields = index.frameworks.map((f) => [field(f.full), field(f.title)]);
    this.topicFields = index.topics.map((t) => ({ label: [field(t.label)], all: [field(t.label), field(t.description || "")] }));
    this.facetInputs = new Map(); // facet key -> [{input, count, value}]
    this.shown = 0;
    this.typing = false; // true while the current history entry is the search being typed
    this.build();
  }

  build() {
    const form = create("form", { role: "search", "aria-label": "Criteria zoeken", class: "kk-finder__form" });
    const label = create("label", { for: "kk-finder-q", class: "kk-finder__label" }, "Zoek in alle criteria van alle kaders");
    this.input = create("input", {
      type: "search", id: "kk-finder-q", name: "q", autocomplete: "off", spellcheck: "false",
      "aria-describedby": "kk-finder-tips", "aria-controls": "kk-finder-results",
    });
    const submit = create("button", { type: "submit", class: "md-button md-button--primary kk-finder__submit" }, "Zoeken");
    const tips = create("p", { id: "kk-finder-tips", class: "kk-finder__tips" },
      "Alle woorden moeten voorkomen, in willekeurige volgorde. Hoofdletters en accenten maken niet uit, " +
      "andere vormen van een woord tellen mee (klachten vindt klacht, medewerkers vindt medewerker), " +
      "woorddelen worden ook gevonden (beleid vindt medicatiebeleid), één tikfout in langere woorden mag. " +
      "Zet woorden tussen aanhalingstekens om ze als woordgroep te zoeken. Afkortingen als VOG, SKJ en Wmo werken ook.");
    const row = create("div", { class: "kk-finder__row" });
    row.append(this.input, submit);
    // Tips and filters fold away on a phone, so the results follow the search
    // box; on a wide screen both are open (see wideScreen below).
    const tipsFold = create("details", { class: "kk-finder__tips-fold" });
    tipsFold.append(create("summary", {}, "Zoektips"), tips);
    form.append(label, row, tipsFold);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.update({ history: this.typing ? "replace" : "push" });
      this.typing = false;
      // On a phone the keyboard covers the lower half: show where the results start.
      if (!wideScreen.matches && this.status.getBoundingClientRect().top > window.innerHeight / 2) {
        this.status.scrollIntoView({ block: "start" });
      }
    });
    this.input.addEventListener("input", () => {
      this.update({ history: this.typing ? "replace" : "push" });
      this.typing = true;
    });

    const layout = create("div", { class: "kk-finder__layout" });
    const filters = create("section", { class: "kk-finder__facets", "aria-labelledby": "kk-finder-facets-heading" });
    filters.append(create("h2", { id: "kk-finder-facets-heading" }, "Filters"));
    const panel = create("details", { class: "kk-finder__panel" });
    this.panelSummary = create("summary", {}, "Filters kiezen");
    panel.append(this.panelSummary);
    filters.append(panel);
    const fold = () => { panel.open = tipsFold.open = wideScreen.matches; };
    fold();
    wideScreen.addEventListener("change", fold);
    for (const facet of this.facets) panel.append(this.buildFacet(facet));
    this.clearButton = create("button", { type: "button", class: "md-button kk-finder__clear" }, "Wis alle filters");
    this.clearButton.addEventListener("click", () => {
      this.typing = false;
      for (const inputs of this.facetInputs.values()) for (const { input } of inputs) input.checked = false;
      this.update({ history: "push" });
      this.input.focus();
    });
    panel.append(this.clearButton);

    const results = create("section", { class: "kk-finder__results", "aria-labelledby": "kk-finder-results-heading" });
    results.append(create("h2", { id: "kk-finder-results-heading" }, "Resultaten"));
    this.status = create("p", { role: "status", class: "kk-finder__status" });
    // Frameworks and topics the query names, above the criteria.
    this.pages = create("nav", { class: "kk-finder__pages", "aria-label": "Kaders en onderwerpen" });
    this.pages.hidden = true;
    // Suggestions when nothing was found.
    this.empty = create("div", { class: "kk-finder__empty" });
    this.empty.hidden = true;
    this.list = create("ol", { id: "kk-finder-results", class: "kk-finder__list" });
    this.moreButton = create("button", { type: "button", class: "md-button kk-finder__more" });
    this.moreButton.hidden = true;
    this.moreButton.addEventListener("click", () => this.showMore());
    // What the ticked filters leave out (per facet, per framework), so nothing is dropped silently.
    this.excluded = create("ul", { class: "kk-finder__excluded" });
    results.append(this.status, this.excluded, this.pages, this.empty, this.list, this.moreButton);

    layout.append(filters, results);
    this.root.replaceChildren(form, layout);
    window.addEventListener("popstate", () => this.restoreFromUrl());
  }

  buildFacet(facet) {
    // Each facet folds away (native <details>, keyboard operable) so the
    // results stay close to the search box; restoreFromUrl opens the ones in use.
    const details = create("details", { class: "kk-finder__facet", "data-facet": facet.key });
    if (OPEN_FACETS.has(facet.key)) details.open = true;
    details.append(create("summary", {}, facet.legend));
    const fieldset = create("fieldset");
    fieldset.append(create("legend", { class: "kk-finder__legend" }, facet.legend));
    details.append(fieldset);
    const list = create("ul", { class: "kk-finder__facet-values" });
    const inputs = [];
    facet.values.forEach((value, i) => {
      const id = `kk-finder-${facet.key}-${i}`;
      const input = create("input", { type: "checkbox", id, value: value.id, name: facet.key });
      input.addEventListener("change", () => {
        this.typing = false;
        this.update({ history: "push" });
      });
      const label = create("label", { for: id });
      const name = create("span", { class: "kk-finder__facet-name" }, value.label);
      const count = create("span", { class: "kk-finder__count" });
      label.append(name, " ", count);
      const item = create("li");
      item.append(input, label);
      list.append(item);
      inputs.push({ input, count, value });
    });
    fieldset.append(list);
    if (facet.key === "segment") {
      const all = this.index.frameworks.filter((f) => f.segment_rule === "alle-segmenten").map((f) => f.title);
      if (all.length) {
        fieldset.append(create("p", { class: "kk-finder__facet-note" },
          `Geldt voor alle segmenten (telt bij elk segment van zijn domein mee): ${all.join(", ")}.`));
      }
    }
    this.facetInputs.set(facet.key, inputs);
    return details;
  }

  selection() {
    const selection = {};
    for (const [key, inputs] of this.facetInputs) {
      selection[key] = new Set(inputs.filter(({ input }) => input.checked).map(({ value }) => value.id));
    }
    return selection;
  }

  /** The state as URL parameters: q first, then each facet's ticked values, comma-separated. */
  stateUrl() {
    const params = new URLSearchParams();
    if (this.input.value.trim()) params.set("q", this.input.value);
    for (const [key, values] of Object.entries(this.selection())) {
      if (values.size) params.set(key, [...values].join(","));
    }
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}`;
  }

  restoreFromUrl() {
    this.typing = false;
    const params = new URLSearchParams(location.search);
    this.input.value = params.get("q") || "";
    for (const [key, inputs] of this.facetInputs) {
      const wanted = new Set((params.get(key) || "").split(",").filter(Boolean));
      for (const { input, value } of inputs) input.checked = wanted.has(value.id);
      if (wanted.size) this.root.querySelector(`details[data-facet="${key}"]`).open = true;
    }
    this.update({ history: null });
  }

  update({ history }) {
    if (history) {
      const url = this.stateUrl();
      if (url !== `${location.pathname}${location.search}`) {
        window.history[history === "push" ? "pushState" : "replaceState"](null, "", url);
      }
    }
    this.clauses = parseQuery(this.input.value, this.synonyms);
    const { results, matches } = this.engine.search(this.clauses);
    const { results: filtered, counts } = applyFacets(this.facets, results, this.selection());
    this.matches = matches;
    this.results = filtered;
    // Only touch what changed: every text change costs style work on the next frame.
    const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
    for (const [key, inputs] of this.facetInputs) {
      inputs.forEach(({ count }, i) => setText(count, `(${counts[key][i]})`));
    }
    const active = [...this.facetInputs.values()].flat().filter(({ input }) => input.checked).length;
    setText(this.panelSummary, active ? `Filters kiezen (${active} gekozen)` : "Filters kiezen");
    setText(this.status, filtered.length ? `${criteriaCount(filtered.length)} gevonden` : "Geen criteria gevonden");
    this.renderPages();
    this.renderEmpty(filtered.length === 0 && this.clauses.length > 0);
    const excluded = excludedByFacet(this.facets, results, this.selection(), this.index);
    this.excluded.replaceChildren(...excluded.map((e) => create("li", { "data-facet": e.key }, excludedSentence(e))));
    this.excluded.hidden = !excluded.length;
    this.list.replaceChildren();
    this.shown = 0;
    this.renderNext(FIRST_SIZE);
    this.root.dispatchEvent(new CustomEvent("kk:finder-rendered"));
  }

  topicHref(topic) {
    return new URL(`onderwerpen/${encodeURIComponent(topic.id)}/`, this.siteRoot).href;
  }

  /** Links to the frameworks and topics whose title every clause of the query matches. */
  renderPages() {
    const links = [];
    if (this.clauses.length) {
      const all = (fields) => this.clauses.every((clause) => clauseMatchesFields(clause, fields));
      this.index.frameworks.forEach((framework, f) => {
        if (all(this.frameworkFields[f])) links.push(["Kader", framework.full, new URL(framework.url, this.siteRoot).href]);
      });
      this.index.topics.forEach((topic, t) => {
        if (all(this.topicFields[t].label)) links.push(["Onderwerp", topic.label, this.topicHref(topic)]);
      });
    }
    const key = links.map((link) => link[2]).join(" ");
    if (key === this.pagesKey) return;
    this.pagesKey = key;
    this.pages.hidden = !links.length;
    const list = create("ul", { class: "kk-finder__page-list" });
    for (const [kind, title, href] of links) {
      const item = create("li");
      item.append(create("span", { class: "kk-finder__page-kind" }, `${kind}: `), create("a", { href }, title));
      list.append(item);
    }
    this.pages.replaceChildren(create("p", { class: "kk-finder__pages-heading" }, "Pagina's over uw zoekvraag"), list);
  }

  /** "Bedoelde u …?" and related topics when the query found nothing. */
  renderEmpty(show) {
    this.empty.hidden = !show;
    if (!show) { this.empty.replaceChildren(); return; }
    const parts = [];
    const corrections = this.engine.corrections(this.clauses);
    if (corrections.length) {
      let corrected = fold(this.input.value);
      for (const { from, to } of corrections) corrected = corrected.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${from}(?![\\p{L}\\p{N}])`, "u"), `$1${to}`);
      const params = new URLSearchParams(location.search);
      params.set("q", corrected);
      const paragraph = create("p", { class: "kk-finder__suggestion" }, "Bedoelde u: ");
      paragraph.append(create("a", { href: `${location.pathname}?${params}` }, corrected), "?");
      parts.push(paragraph);
    }
    const fixed = new Set(corrections.map((c) => c.to));
    const related = this.index.topics.filter((topic, t) => this.clauses.some((clause) => clauseMatchesFields(clause, this.topicFields[t].all))
      || [...fixed].some((word) => clauseMatchesFields({ alternatives: [{ kind: "term", word }] }, this.topicFields[t].all)));
    if (related.length) {
      const paragraph = create("p", { class: "kk-finder__related" }, "Verwante onderwerpen: ");
      related.forEach((topic, i) => {
        if (i) paragraph.append(", ");
        paragraph.append(create("a", { href: this.topicHref(topic) }, topic.label));
      });
      parts.push(paragraph);
    }
    if (this.clauses.length > 1) parts.push(create("p", {}, "Alle woorden moeten voorkomen: probeer het met minder woorden."));
    if (!parts.length) parts.push(create("p", {}, "Probeer een ander of korter woord."));
    this.empty.replaceChildren(...parts);
  }

  renderNext(size) {
    const fragment = document.createDocumentFragment();
    const end = Math.min(this.results.length, this.shown + size);
    for (let r = this.shown; r < end; r += 1) fragment.append(this.renderResult(this.results[r].index));
    this.list.append(fragment);
    const first = this.list.children[this.shown];
    this.shown = end;
    const remaining = this.results.length - this.shown;
    this.moreButton.hidden = remaining === 0;
    this.moreButton.textContent = `Toon meer (${remaining} resterend)`;
    document.dispatchEvent(new CustomEvent("kk:content-changed"));
    return first;
  }

  showMore() {
    const first = this.renderNext(MORE_SIZE);
    // Keyboard users continue where the new results start.
    if (first) first.querySelector(".kk-finder__heading a").focus();
  }

  highlighted(tag, field, attributes = {}) {
    const element = create(tag, attributes);
    appendHighlighted(element, field.text, this.clauses.length ? matchRanges(field, this.clauses, this.matches) : []);
    return element;
  }

  renderResult(criterionIndex) {
    const record = this.index.criteria[criterionIndex];
    const framework = this.index.frameworks[record.f];
    const fields = this.engine.fields(criterionIndex);
    const item = create("li", { class: "kk-finder__result", "data-criterion-id": record.id });

    const heading = create("h3", { class: "kk-finder__heading" });
    heading.append(create("a", { href: new URL(record.url, this.siteRoot).href }, `${framework.title} · ${record.label}`));
    item.append(heading);

    const meta = create("p", { class: "kk-finder__meta" });
    const frameworkLink = create("a", { href: new URL(framework.url, this.siteRoot).href }, framework.title);
    const elementLabels = record.e.map((id) => this.elementLabels.get(id)).join(", ");
    meta.append("Kader: ", frameworkLink, " · Onderdeel: ", this.highlighted("span", fields.section),
      ` · Element: ${elementLabels}`);
    item.append(meta);

    if (fields.title) item.append(this.highlighted("p", fields.title, { class: "kk-finder__title" }));
    item.append(this.highlighted("p", fields.text, { class: "kk-finder__text" }));
    if (record.items.length) {
      const list = create("ul", { class: "kk-finder__items" });
      record.items.forEach(([depth, label], i) => {
        const entry = this.highlighted("li", fields.items[i], { class: `kk-finder__item kk-finder__item--depth-${Math.min(depth, 3)}` });
        if (label) entry.prepend(create("span", { class: "kk-finder__item-label" }, `${label} `));
        list.append(entry);
      });
      item.append(list);
    }
    if (fields.closing) item.append(this.highlighted("p", fields.closing, { class: "kk-finder__closing" }));
    // Notes and evidence are shown only where the query matched them.
    if (this.clauses.length) {
      record.notes.forEach(([label], i) => {
        const ranges = matchRanges(fields.notes[i], this.clauses, this.matches);
        if (!ranges.length) return;
        const note = create("p", { class: "kk-finder__note" });
        note.append(create("span", { class: "kk-finder__note-label" }, `${label}: `));
        appendHighlighted(note, fields.notes[i].text, ranges);
        item.append(note);
      });
    }
    const select = create("button", {
      type: "button", class: "kk-select md-button", "data-select-criterion": record.id, "aria-pressed": "false",
      "data-select-label": `${record.label} (${framework.title})`,
    }, "Voeg toe aan selectie");
    item.append(select);
    return item;
  }
}

export async function mount(element, { siteRoot }) {
  element.classList.add("kk-finder");
  element.replaceChildren(create("p", { role: "status" }, "Zoekindex laden…"));
  let index;
  try {
    const response = await fetch(new URL(INDEX_PATH, siteRoot));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    index = await response.json();
  } catch {
    element.replaceChildren(create("p", { role: "alert" }, "De zoekindex kon niet worden geladen. Probeer de pagina opnieuw te laden."));
    return;
  }
  const finder = new Finder(element, index, siteRoot);
  finder.restoreFromUrl();
  element.dataset.ready = "true";
  warmFieldCache(finder.engine);
}

// Folding and tokenising a criterion's texts for highlighting costs most the
// first time a criterion is shown; do it for all of them while the page is
// idle, a slice at a time, so typing never waits for it.
function warmFieldCache(engine) {
  const whenIdle = window.requestIdleCallback || ((callback) => setTimeout(() => callback({ timeRemaining: () => 8 }), 50));
  let next = 0;
  const work = (deadline) => {
    while (next < engine.count && deadline.timeRemaining() > 1) engine.fields(next++);
    if (next < engine.count) whenIdle(work);
  };
  whenIdle(work);
}
