// Zelfscan: a provider scores itself against a framework, entirely in this
// browser. This module owns the page state (index, scans, storage status) and
// the URL; the views render it:
//   (no parameters)                 list of scans, new scan, import
//   ?kader=<id> | ?criteria=a,b     setup of a new scan (contract 3)
//   ?kaders=a,b,c                   setup of a new scan over several frameworks
//   ?view=nieuw                     setup of a new scan, framework to choose
//   ?scan=<id>&view=instellingen    setup of an existing scan
//   ?scan=<id>[&view=antwoorden]    answering
//   ?scan=<id>&view=resultaten      results, improvement plan, report
//   ?view=bewijs[&scan=<id>]        the evidence library (view-evidence.js)
//   ?scan=<id>&view=resultaten&kader=<id>  the same for one framework of a multi-framework scan
import { loadIndex, loadFramework } from "../lib/catalog.js";
import { h, download } from "./dom.js";
import { buildContext, mergeScans, scopeFrameworkIds } from "./model.js";
import { checkScan, jsonExport, loadScopeOf } from "./import-export.js";
import * as store from "./store.js";
import { renderList } from "./view-list.js";
import { renderSetup } from "./view-setup.js";
import { renderAnswering } from "./view-answering.js";
import { renderResults } from "./view-results.js";
import { renderEvidence } from "./view-evidence.js";
import { frameworkSwitcher } from "./view-frameworks.js";

const STORAGE_MESSAGES = {
  unavailable: "Deze browser staat niet toe dat de zelfscan hier wordt bewaard (bijvoorbeeld door de privacy-instellingen). "
    + "U kunt de scan wel invullen, maar uw antwoorden gaan verloren als u de pagina sluit. "
    + "Exporteer de scan als JSON-bestand om uw werk te bewaren.",
  full: "De opslag van deze browser is vol: uw laatste wijziging is niet bewaard. "
    + "Exporteer de scan als JSON-bestand om uw werk te bewaren, en verwijder eventueel oude zelfscans.",
};

class ZelfscanApp {
  constructor(element, siteRoot) {
    this.element = element;
    this.siteRoot = siteRoot;
    this.scans = new Map();
    // Two tabs on one scan: the stored text of each scan as this tab last read
    // or wrote it, the base of the merge in save() (see README, "Two tabs").
    this.base = new Map();
    // Set by the view on screen: shows a scan another tab changed without a re-render.
    this.refreshView = null;
    // Changes from other tabs, taken over one after the other (each may first load frameworks).
    this.otherTabs = Promise.resolve();
    // The one framework of a multi-framework scan the results are shown for (null: all).
    this.focusFramework = null;
    this.unreadableScans = 0;
    this.storageProblem = null;
    this.storageNotice = h("div", { className: "kk-zs-storage kk-zs-noprint", role: "alert" });
    this.view = h("div", { className: "kk-zs-view" });
    // Not a live region: it changes on every keystroke and would be read out each time.
    this.saveStatus = h("p", { className: "kk-zs-saved kk-zs-noprint" });
  }

  async start() {
    this.prefetchFramework();
    this.index = await loadIndex(this.siteRoot);
    this.storageProblem = store.checkStorage();
    await this.loadStoredScans();
    this.element.replaceChildren(this.storageNotice, this.view);
    window.addEventListener("popstate", () => this.render({ focus: true }));
    window.addEventListener("storage", (event) => {
      // reportError: a failure shows in the console without stopping the changes after it.
      this.otherTabs = this.otherTabs.then(() => this.otherTabChanged(event)).catch((error) => reportError(error));
    });
    await this.render({ focus: false });
  }

  /**
   * Start fetching the framework the URL is about while the index loads, so
   * the two requests overlap (catalog.js shares the promise with later calls).
   * Only a hint: anything unexpected here is checked properly afterwards.
   */
  prefetchFramework() {
    const params = this.params;
    let frameworkIds = [params.get("kader")];
    if (params.has("scan")) {
      const stored = store.readAll().find((entry) => entry.id === params.get("scan"));
      try {
        const scope = stored && JSON.parse(stored.text).scope;
        if (scope?.kind === "kader") frameworkIds = [scope.framework];
        if (scope?.kind === "kaders" && Array.isArray(scope.frameworks)) frameworkIds = scope.frameworks.slice(0, 30);
      } catch {
        // An unreadable scan is reported when the stored scans are validated.
      }
    }
    for (const frameworkId of frameworkIds) {
      if (typeof frameworkId === "string" && /^[a-z0-9-]{1,80}$/.test(frameworkId)) {
        loadFramework(this.siteRoot, frameworkId).catch(() => {});
      }
    }
  }

  /** Load the frameworks parseStored needs for these stored texts (those of criteria scopes). */
  async loadScopesOf(texts) {
    await Promise.all(texts.map((text) => {
      try {
        return loadScopeOf(this.siteRoot, JSON.parse(text));
      } catch {
        return null; // unreadable: parseStored says so
      }
    }));
  }

  async loadStoredScans() {
    const stored = store.readAll();
    await this.loadScopesOf(stored.map(({ text }) => text));
    for (const { text } of stored) {
      const scan = this.parseStored(text);
      // A stored scan that fails the import checks is left untouched in storage but not shown.
      if (!scan) {
        this.unreadableScans += 1;
        continue;
      }
      this.scans.set(scan.id, scan);
      this.base.set(scan.id, text);
      // A version-1 scan is read as version 2 (model.migrateScan) and stored so at once.
      if (JSON.parse(text).version !== scan.version && !this.storageProblem) this.save(scan, { touch: false });
    }
  }

  get params() {
    return new URLSearchParams(window.location.search);
  }

  /** A same-page link that changes the view without reloading. */
  link(text, params, attributes = {}) {
    const href = `?${new URLSearchParams(params)}`;
    return h("a", {
      href, ...attributes,
      onclick: (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        this.go(params);
      },
    }, text);
  }

  go(params, { replace = false } = {}) {
    const url = `${window.location.pathname}?${new URLSearchParams(params)}`;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    return this.render({ focus: true });
  }

  /** Frameworks' criteria and the scan's relation to them (see model.buildContext). */
  async contextFor(scan, { framework = this.focusFramework } = {}) {
    const frameworkIds = scopeFrameworkIds(scan.scope, this.index);
    const lists = await Promise.all(frameworkIds.map((id) => loadFramework(this.siteRoot, id)));
    const only = frameworkIds.includes(framework) ? framework : null;
    return buildContext(scan, this.index, Object.fromEntries(frameworkIds.map((id, i) => [id, lists[i]])), { framework: only });
  }

  async render({ focus }) {
    const params = this.params;
    const scan = params.has("scan") ? this.scans.get(params.get("scan")) : null;
    const view = params.get("view");
    let content;
    this.refreshView = null;
    this.focusFramework = null;
    // Set by a view that places the focus itself once it is on the page (answering: the resume point).
    this.afterRender = null;
    if (view === "bewijs") content = await renderEvidence(this, { scan });
    else if (scan && view === "instellingen") content = await renderSetup(this, { scan });
    else if (scan && view === "resultaten" && scan.scope.kind === "kaders") {
      this.focusFramework = scan.scope.frameworks.includes(params.get("kader")) ? params.get("kader") : null;
      const switcher = await frameworkSwitcher(this, scan);
      content = await renderResults(this, scan);
      content.querySelector("h2").after(switcher);
    } else if (scan && view === "resultaten") content = await renderResults(this, scan);
    else if (scan) content = await renderAnswering(this, scan);
    else if (params.has("kader") || params.has("criteria") || params.has("kaders") || view === "nieuw") {
      content = await renderSetup(this, {
        framework: params.get("kader"), criteria: params.get("criteria"), frameworks: params.get("kaders"),
      });
    } else {
      const missing = params.has("scan") ? "Deze zelfscan staat niet (meer) in deze browser." : null;
      content = renderList(this, { missing });
    }
    this.view.replaceChildren(content);
    this.showStorageNotice(scan);
    // The intro is for a new user: inside a scan it is folded away, one click from view.
    const intro = document.querySelector(".kk-zs-intro");
    if (intro) intro.open = !scan;
    const placed = this.afterRender ? this.afterRender() : false;
    if (focus && !placed) {
      const heading = this.view.querySelector("h2");
      heading.tabIndex = -1;
      heading.focus();
    }
    this.element.dataset.kkReady = "true";
    performance.mark("kk-zelfscan-ready"); // the view is rendered and its controls work
  }

  /** A stored scan as parsed, checked JSON in the current version (a version-1 scan migrated), or null. */
  parseStored(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return null;
    }
    return checkScan(data, this.index).scan || null;
  }

  /** Put `source`'s fields into `target`, keeping the object the views hold. */
  static replaceContents(target, source) {
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, source);
  }

  /**
   * Another tab wrote or deleted a scan: take it over, and let the view on
   * screen show it (a scan deleted elsewhere is gone here too).
   */
  async otherTabChanged(event) {
    const changes = store.changedBy(event, this.scans.keys());
    if (!changes) return;
    await this.loadScopesOf(changes.map(({ text }) => text).filter((text) => text !== null));
    const changed = changes.map((change) => change.id);
    for (const { id, text } of changes) {
      if (text === null) {
        this.scans.delete(id);
        this.base.delete(id);
        continue;
      }
      const scan = this.parseStored(text);
      if (!scan) continue;
      if (this.scans.has(id)) ZelfscanApp.replaceContents(this.scans.get(id), scan);
      else this.scans.set(id, scan);
      this.base.set(id, text);
    }
    const shown = this.params.get("scan");
    if (shown && !this.scans.has(shown)) this.render({ focus: false });
    else if (this.refreshView) this.refreshView(changed);
  }

  /**
   * Save a scan (after every change). Returns true when it is stored.
   * Before writing it re-reads storage: if another tab saved this scan since
   * this tab last saw it, the two are merged (model.mergeScans: this tab's
   * new edits win, everything else stays as the other tab left it); if
   * another tab deleted it, it stays deleted.
   */
  save(scan, { touch = true } = {}) {
    const storedText = store.readOne(scan.id);
    const baseText = this.base.get(scan.id);
    if (storedText === null && baseText !== undefined) {
      this.scans.delete(scan.id);
      this.base.delete(scan.id);
      this.saveStatus.textContent = "Niet opgeslagen: deze zelfscan is in een ander tabblad verwijderd.";
      return false;
    }
    let merged = false;
    if (storedText && baseText && storedText !== baseText) {
      const theirs = this.parseStored(storedText);
      const base = this.parseStored(baseText);
      if (theirs && base) {
        ZelfscanApp.replaceContents(scan, mergeScans(base, theirs, scan));
        merged = true;
      }
    }
    if (touch) scan.modified = new Date().toISOString();
    this.scans.set(scan.id, scan);
    try {
      store.save(scan);
      this.base.set(scan.id, JSON.stringify(scan));
      if (merged && this.refreshView) this.refreshView([scan.id]);
    } catch (error) {
      if (!(error instanceof store.StorageProblem)) throw error;
      const first = !this.storageProblem || this.storageProblem.kind !== error.kind;
      this.storageProblem = error;
      if (first) this.showStorageNotice(scan);
      this.saveStatus.textContent = "Niet opgeslagen";
      return false;
    }
    const time = new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    this.saveStatus.textContent = `Opgeslagen in deze browser om ${time}`;
    if (this.storageProblem) {
      this.storageProblem = null;
      this.showStorageNotice(scan);
    }
    return true;
  }

  remove(scanId) {
    this.scans.delete(scanId);
    this.base.delete(scanId);
    try {
      store.remove(scanId);
    } catch (error) {
      if (!(error instanceof store.StorageProblem)) throw error;
    }
  }

  /** The plain-language storage message, with the export when a scan is open. */
  showStorageNotice(scan) {
    if (!this.storageProblem) {
      this.storageNotice.replaceChildren();
      return;
    }
    const exportButton = scan && h("button", {
      type: "button", className: "md-button md-button--primary",
      onclick: () => {
        const file = jsonExport(scan);
        download(file.filename, file.text, file.type);
      },
    }, "Exporteer deze zelfscan als JSON-bestand");
    this.storageNotice.replaceChildren(h("div", { className: "kk-zs-message kk-zs-message--error" },
      h("p", {}, STORAGE_MESSAGES[this.storageProblem.kind]), exportButton));
  }
}

export async function mount(element, { siteRoot }) {
  performance.mark("kk-zelfscan-mount"); // benchmarks/zelfscan_perf.py measures from here
  const app = new ZelfscanApp(element, siteRoot);
  try {
    await app.start();
  } catch (error) {
    element.replaceChildren(h("p", { className: "kk-zs-message kk-zs-message--error", role: "alert" },
      "De zelfscan kon niet worden geladen. Probeer de pagina opnieuw te laden."));
    throw error;
  }
}
