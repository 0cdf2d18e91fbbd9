// A scan over several frameworks: above the results, a switch between the
// whole scan and each framework on its own (the results view below then shows
// only that framework's criteria), the questions saved by asking comparable
// criteria once, and the exports per framework.
import { h, exportButton } from "./dom.js";
import { frameworkPart } from "./model.js";
import { csvExport, jsonExport } from "./import-export.js";

/** "N vragen in plaats van M criteria (K bespaard)". */
export function savedText(shared, criteriaCount) {
  const questions = criteriaCount - shared.saved;
  return `${questions} ${questions === 1 ? "vraag" : "vragen"} in plaats van ${criteriaCount} criteria (${shared.saved} bespaard)`;
}

/** A file name part for one framework: "zelfscan-...-2026-01-15" → "zelfscan-...-twente-kwaliteit-2017-2026-01-15". */
function withFramework(file, frameworkId) {
  const dot = file.filename.lastIndexOf(".");
  const stem = file.filename.slice(0, dot);
  const date = stem.slice(-10);
  return { ...file, filename: `${stem.slice(0, -11)}-${frameworkId}-${date}${file.filename.slice(dot)}` };
}

/** The "Kader" line of a multi-framework scan's results: the one shown, or all of them. */
export function kadersTitle(scan, context) {
  if (context.framework) return context.frameworksById.get(context.framework).title;
  return scan.scope.frameworks.map((id) => context.frameworksById.get(id)?.short_title).filter(Boolean).join(", ");
}

export async function frameworkSwitcher(app, scan) {
  const whole = await app.contextFor(scan, { framework: null });
  const focus = app.focusFramework;
  const frameworks = scan.scope.frameworks.filter((id) => whole.frameworksById.has(id)).map((id) => whole.frameworksById.get(id));
  const item = (label, params, current) => h("li", {},
    app.link(label, params, { className: "md-button", "aria-current": current ? "page" : null }));
  let exports = null;
  if (focus) {
    const framework = whole.frameworksById.get(focus);
    const context = await app.contextFor(scan, { framework: focus });
    const part = () => frameworkPart(scan, focus, context.criteria.map((criterion) => criterion.id));
    exports = h("div", { className: "kk-zs-exports" },
      exportButton(`CSV van ${framework.short_title}`, () => withFramework(csvExport(scan, context, app), focus)),
      exportButton(`JSON van ${framework.short_title} (losse zelfscan)`, () => withFramework(jsonExport(part()), focus)));
  } else {
    exports = h("div", { className: "kk-zs-exports" },
      exportButton("CSV van de hele scan", () => csvExport(scan, whole, app)),
      exportButton("JSON van de hele scan", () => jsonExport(scan)));
  }
  return h("section", { className: "kk-zs-frameworks kk-card kk-zs-noprint", "aria-label": "Kaders in deze zelfscan" },
    h("p", { className: "kk-zs-saved-questions", dataset: { saved: String(whole.shared.saved) } },
      `Deze zelfscan over ${frameworks.length} kaders: ${savedText(whole.shared, whole.criteria.length)}. `
      + "Vergelijkbare criteria zijn één keer gevraagd; het antwoord staat bij elk kader."),
    h("nav", { "aria-label": "Resultaten per kader" },
      h("ul", { className: "kk-zs-framework-switch" },
        item("Alle kaders samen", { scan: scan.id, view: "resultaten" }, !focus),
        frameworks.map((framework) => item(framework.short_title,
          { scan: scan.id, view: "resultaten", kader: framework.id }, focus === framework.id)))),
    focus && h("p", {}, `Hieronder alleen ${whole.frameworksById.get(focus).title}: elk criterium van dit kader met uw antwoord.`),
    exports);
}
