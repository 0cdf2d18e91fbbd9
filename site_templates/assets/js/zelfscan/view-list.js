// The list of scans in this browser: open, rename, duplicate, delete (with a
// confirmation step), export; start a new scan; import a file.
import { h, tableWrap, uniqueId, download } from "./dom.js";
import { duplicateScan } from "./model.js";
import { jsonExport } from "./import-export.js";
import { scanFileInput } from "./scan-file-input.js";
import { dutchDate } from "../lib/dates.js";

function frameworkLabel(app, scan) {
  if (scan.scope.kind === "criteria") return `Eigen selectie (${scan.scope.ids.length} criteria)`;
  if (scan.scope.kind === "kaders") {
    return scan.scope.frameworks.map((id) => app.index.frameworks.find((f) => f.id === id).short_title).join(" + ");
  }
  const framework = app.index.frameworks.find((f) => f.id === scan.scope.framework);
  return framework.short_title;
}

function answeredCount(scan) {
  return Object.values(scan.answers).filter((answer) => answer.score).length;
}

/** One scan's row; its action cell swaps in a rename form or a delete confirmation. */
function scanRow(app, scan, announce) {
  const actions = h("td", { className: "kk-zs-actions", dataset: { label: "Acties" } });
  const nameCell = h("td", { dataset: { label: "Naam" } }, app.link(scan.name, { scan: scan.id }));

  const showActions = () => {
    actions.replaceChildren(
      h("button", { type: "button", className: "md-button", onclick: showRename, "aria-label": `Hernoem ${scan.name}` }, "Hernoemen"),
      h("button", {
        type: "button", className: "md-button", "aria-label": `Dupliceer ${scan.name}`,
        onclick: () => {
          const copy = duplicateScan(scan, `${scan.name} (kopie)`);
          app.save(copy, { touch: false });
          app.render({ focus: false }).then(() => announce(`Kopie gemaakt: ${copy.name}`));
        },
      }, "Dupliceren"),
      h("button", {
        type: "button", className: "md-button", "aria-label": `Exporteer ${scan.name}`,
        onclick: () => {
          const file = jsonExport(scan);
          download(file.filename, file.text, file.type);
        },
      }, "Exporteren"),
      h("button", { type: "button", className: "md-button", onclick: showConfirm, "aria-label": `Verwijder ${scan.name}` }, "Verwijderen"),
    );
  };

  function showRename() {
    const inputId = uniqueId("kk-zs-rename");
    const input = h("input", { id: inputId, type: "text", value: scan.name, maxlength: 200, required: true });
    const form = h("form", {
      className: "kk-zs-inline-form",
      onsubmit: (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (!name) return input.focus();
        scan.name = name;
        app.save(scan);
        return app.render({ focus: false }).then(() => announce(`Hernoemd tot ${name}`));
      },
    },
    h("label", { for: inputId }, "Nieuwe naam"), input,
    h("button", { type: "submit", className: "md-button md-button--primary" }, "Naam opslaan"),
    h("button", { type: "button", className: "md-button", onclick: () => { showActions(); actions.querySelector("button").focus(); } }, "Annuleren"));
    actions.replaceChildren(form);
    input.focus();
    input.select();
  }

  function showConfirm() {
    const question = h("p", {}, `Zelfscan "${scan.name}" definitief verwijderen uit deze browser?`);
    actions.replaceChildren(question,
      h("button", {
        type: "button", className: "md-button md-button--primary",
        onclick: () => {
          app.remove(scan.id);
          app.render({ focus: false }).then(() => announce(`Zelfscan ${scan.name} is verwijderd.`));
        },
      }, "Ja, verwijderen"),
      h("button", { type: "button", className: "md-button", onclick: () => { showActions(); actions.lastChild.focus(); } }, "Annuleren"));
    actions.querySelector("button").focus();
  }

  showActions();
  return h("tr", { dataset: { scanId: scan.id } }, nameCell,
    // data-label: on a phone the rows stack and each cell names its column (zelfscan.css).
    h("td", { dataset: { label: "Organisatie" } }, scan.organisation),
    h("td", { dataset: { label: "Kader" } }, frameworkLabel(app, scan)),
    h("td", { dataset: { label: "Datum" } }, dutchDate(scan.date)),
    h("td", { className: "kk-num", dataset: { label: "Beantwoord" } }, String(answeredCount(scan))), actions);
}

function importForm(app, announce) {
  const picker = scanFileInput(app, {
    idPrefix: "kk-zs-import",
    refusal: "is niet ingelezen. Wat er mis is:",
    onScan: async (scan, file) => {
      if (app.scans.has(scan.id)) {
        // Never overwrite a scan in this browser: the import becomes a copy.
        Object.assign(scan, duplicateScan(scan, `${scan.name} (geïmporteerd)`));
      }
      app.save(scan, { touch: false });
      await app.render({ focus: false });
      announce(`"${file.name}" is ingelezen als zelfscan "${scan.name}".`);
    },
  });
  return h("section", { className: "kk-zs-import kk-card" },
    h("h3", {}, "Zelfscan inlezen"),
    h("p", {}, "Lees een eerder geëxporteerd JSON-bestand (hoogstens 5 MB) in. Het bestand wordt alleen in deze browser gelezen."),
    h("label", { for: picker.id }, "JSON-bestand met een zelfscan"), " ", picker.control, picker.feedback);
}

export function renderList(app, { missing }) {
  const announcement = h("p", { className: "kk-zs-announce", role: "status" });
  const announce = (text) => {
    const target = app.view.querySelector(".kk-zs-announce");
    if (target) target.textContent = text;
  };
  // Another tab added, renamed or deleted a scan: show the list as it is now.
  app.refreshView = () => app.render({ focus: false });
  const scans = [...app.scans.values()].sort((a, b) => b.modified.localeCompare(a.modified));
  const table = scans.length
    ? tableWrap("Zelfscans in deze browser", h("table", { className: "kk-zs-scans" },
      h("caption", {}, "Zelfscans in deze browser"),
      h("thead", {}, h("tr", {}, ["Naam", "Organisatie", "Kader", "Datum", "Beantwoord", "Acties"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, scans.map((scan) => scanRow(app, scan, announce)))))
    : h("p", {}, "Er staan nog geen zelfscans in deze browser.");
  return h("div", { className: "kk-zs-list" },
    h("h2", {}, "Uw zelfscans"),
    missing && h("p", { className: "kk-zs-message kk-zs-message--error" }, missing),
    app.unreadableScans > 0 && h("p", { className: "kk-zs-message" },
      `${app.unreadableScans} opgeslagen zelfscan(s) konden niet worden gelezen en worden niet getoond.`),
    announcement,
    h("p", { className: "kk-zs-nav" }, app.link("Nieuwe zelfscan beginnen", { view: "nieuw" }, { className: "md-button md-button--primary" }),
      app.link("Bewijsstukken", { view: "bewijs" }, { className: "md-button" })),
    table,
    importForm(app, announce));
}
