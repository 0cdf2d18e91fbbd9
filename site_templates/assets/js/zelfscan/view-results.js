// Results: scores per quality element and per section (SVG chart plus a table
// with the same numbers), the improvement plan for the gaps, a comparison with
// an earlier scan, all answers, and the exports. Printing this view gives the
// report (see the print rules in zelfscan.css).
import { h, svg, tableWrap, uniqueId, exportButton } from "./dom.js";
import {
  SCORES, formatAverage, gaps, progress, summariseByElement, summariseBySection,
} from "./model.js";
import { csvExport, jsonExport } from "./import-export.js";
import { scanFileInput } from "./scan-file-input.js";
import { citationOf, citationText, lifecycleWarning } from "../lib/citation.js";
import { dutchDate } from "../lib/dates.js";
import { evidenceReportSection } from "./evidence-map.js";
import { kadersTitle } from "./view-frameworks.js";

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 260;
const BAR_AREA = 300;

function truncate(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Horizontal bars of the average score (0–4); the table beside it carries the numbers. */
function barChart(title, rows) {
  const height = rows.length * (BAR_HEIGHT + 8) + 24;
  const width = LABEL_WIDTH + BAR_AREA + 50;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${title}. De tabel ernaast bevat dezelfde cijfers.` },
    svg("title", {}, title));
  chart.setAttribute("class", "kk-zs-chart");
  for (let tick = 1; tick <= 4; tick += 1) {
    const x = LABEL_WIDTH + (tick / 4) * BAR_AREA;
    chart.append(svg("line", { x1: x, x2: x, y1: 0, y2: height - 18, class: "kk-zs-chart-grid" }),
      svg("text", { x, y: height - 4, "text-anchor": "middle", class: "kk-zs-chart-text" }, String(tick)));
  }
  rows.forEach((row, i) => {
    const y = i * (BAR_HEIGHT + 8) + 4;
    const barWidth = row.average === null ? 0 : (row.average / 4) * BAR_AREA;
    chart.append(
      svg("text", { x: LABEL_WIDTH - 6, y: y + BAR_HEIGHT * 0.7, "text-anchor": "end", class: "kk-zs-chart-text" }, truncate(row.label, 40)),
      svg("rect", { x: LABEL_WIDTH, y, width: barWidth, height: BAR_HEIGHT, class: "kk-zs-chart-bar" }),
      svg("text", { x: LABEL_WIDTH + barWidth + 4, y: y + BAR_HEIGHT * 0.7, class: "kk-zs-chart-text" }, formatAverage(row.average)));
  });
  return chart;
}

function scoreTable(caption, rows) {
  return tableWrap(caption, h("table", { className: "kk-zs-score-table" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Onderdeel"), h("th", { scope: "col" }, "Beantwoord"),
      SCORES.map((score) => h("th", { scope: "col" }, score.label)), h("th", { scope: "col" }, "Gemiddelde (1–4)"))),
    h("tbody", {}, rows.map((row) => h("tr", {}, h("th", { scope: "row" }, row.label),
      h("td", { className: "kk-num" }, `${row.answered} van ${row.total}`),
      SCORES.map((score) => h("td", { className: "kk-num" }, String(row.counts[score.value]))),
      h("td", { className: "kk-num" }, formatAverage(row.average)))))));
}

function scoreBlock(title, rows, note) {
  return h("section", { className: "kk-zs-scores" }, h("h3", {}, title),
    note ? h("p", { className: "kk-count-rule" }, note) : null,
    h("div", { className: "kk-zs-chart-pair" }, barChart(`Gemiddelde score ${title.toLowerCase()}`, rows), scoreTable(title, rows)));
}

function planForm(app, scan, context) {
  const rows = gaps(context.criteria, scan.answers);
  if (!rows.length) return h("p", {}, "Geen criteria die gedeeltelijk of niet voldoen: er zijn geen verbeterpunten.");
  const form = h("div", { className: "kk-zs-plan" }, rows.map((criterion) => {
    const plan = scan.plan[criterion.id] || {};
    const score = SCORES.find((s) => s.value === scan.answers[criterion.id].score);
    const field = (label, name, attributes) => {
      const id = uniqueId("kk-zs-plan");
      const control = attributes.rows
        ? h("textarea", { id, ...attributes, value: plan[name] || "", dataset: { plan: name } })
        : h("input", { id, ...attributes, value: plan[name] || "", dataset: { plan: name } });
      return h("div", { className: "kk-zs-field" }, h("label", { for: id }, label), control);
    };
    return h("fieldset", { className: "kk-zs-plan-item", dataset: { criterionId: criterion.id } },
      h("legend", {}, `${criterion.label}: ${score.label}`),
      h("p", { className: "kk-zs-text" }, criterion.text),
      scan.answers[criterion.id].toelichting && h("p", {}, `Toelichting: ${scan.answers[criterion.id].toelichting}`),
      field("Verbeteractie", "action", { rows: 2, maxlength: 5000 }),
      h("div", { className: "kk-zs-columns" },
        field("Eigenaar", "owner", { type: "text", maxlength: 200 }),
        field("Streefdatum", "due", { type: "date" })));
  }));
  form.addEventListener("input", (event) => {
    const name = event.target.dataset.plan;
    const id = event.target.closest("[data-criterion-id]")?.dataset.criterionId;
    if (!name || !id) return;
    scan.plan[id] = { action: "", owner: "", due: "", target: "", ...scan.plan[id], [name]: event.target.value };
    app.save(scan);
  });
  return form;
}

/** Average per element and section, now and in an earlier scan of the same framework. */
function comparisonTable(current, earlier) {
  const earlierByKey = new Map(earlier.map((row) => [row.key, row]));
  return tableWrap("Vergelijking met de eerdere scan", h("table", {},
    h("caption", {}, "Gemiddelde score: eerdere scan en deze scan"),
    h("thead", {}, h("tr", {}, ["Onderdeel", "Eerder", "Nu", "Verschil"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, current.map((row) => {
      const before = earlierByKey.get(row.key)?.average ?? null;
      const delta = before === null || row.average === null ? null : row.average - before;
      const deltaText = delta === null ? "–" : `${delta > 0 ? "+" : ""}${formatAverage(delta)}`;
      return h("tr", {}, h("th", { scope: "row" }, row.label), h("td", { className: "kk-num" }, formatAverage(before)),
        h("td", { className: "kk-num" }, formatAverage(row.average)), h("td", { className: "kk-num" }, deltaText));
    }))));
}

function comparison(app, scan, context) {
  const picker = scanFileInput(app, {
    idPrefix: "kk-zs-compare",
    refusal: "kan niet worden vergeleken:",
    onScan: (earlier, file, output) => {
      if (earlier.scope.kind !== "kader" || scan.scope.kind !== "kader" || earlier.scope.framework !== scan.scope.framework) {
        output.replaceChildren(h("p", { className: "kk-zs-message kk-zs-message--error" },
          "Dit bestand is geen zelfscan van hetzelfde kader; alleen scans van hetzelfde kader zijn te vergelijken."));
        return;
      }
      // The earlier answers, scored on today's criteria and sections.
      const elements = app.index.elements;
      output.replaceChildren(
        h("p", {}, `Vergeleken met "${earlier.name}" van ${dutchDate(earlier.date)}.`),
        h("h4", {}, "Per kwaliteitselement"),
        comparisonTable(summariseByElement(context.criteria, scan.answers, elements), summariseByElement(context.criteria, earlier.answers, elements)),
        h("h4", {}, "Per onderdeel"),
        comparisonTable(summariseBySection(context.groups, scan.answers), summariseBySection(context.groups, earlier.answers)));
    },
  });
  return h("section", { className: "kk-zs-compare" }, h("h3", {}, "Vergelijken met een eerdere scan"),
    h("div", { className: "kk-zs-noprint" }, h("label", { for: picker.id }, "Eerdere zelfscan van hetzelfde kader (JSON-bestand)"), " ", picker.control),
    picker.feedback);
}

function answersReport(app, scan, context) {
  return h("section", { className: "kk-zs-report-answers" }, h("h3", {}, "Antwoorden"),
    context.groups.map((group) => tableWrap(`Antwoorden: ${group.path.join(" › ")}`, h("table", {},
      h("caption", {}, group.path.join(" › ")),
      h("thead", {}, h("tr", {}, ["Criterium", "Score", "Toelichting", "Bewijs"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, group.criteria.map((criterion) => {
        const answer = scan.answers[criterion.id] || {};
        const score = SCORES.find((s) => s.value === answer.score);
        return h("tr", { dataset: { criterionId: criterion.id } },
          h("td", {}, h("strong", {}, criterion.label), h("br"), criterion.text,
            criterion.closing && h("p", { className: "kk-zs-closing" }, criterion.closing),
            h("span", { className: "kk-zs-citation" }, citationText(citationOf(app.index, app.siteRoot, criterion)))),
          h("td", {}, score ? score.label : "Niet beantwoord",
            answer.score === "nvt" ? ` (${answer.reason || "geen reden opgegeven"})` : ""),
          h("td", {}, answer.toelichting || ""),
          h("td", {}, (answer.evidence || []).length ? h("ul", {}, answer.evidence.map((e) => h("li", {}, e))) : ""));
      }))))));
}

/** "Let op" lines for the expired or superseded frameworks whose criteria the scan contains. */
export function lifecycleWarnings(context) {
  const frameworks = new Set(context.criteria.map((criterion) => criterion.framework));
  return [...frameworks].map((id) => lifecycleWarning(context.frameworksById.get(id))).filter(Boolean)
    .map((warning) => `Let op: ${warning}`);
}

export async function renderResults(app, scan) {
  const context = await app.contextFor(scan);
  const overall = progress(context.criteria, scan.answers);
  const frameworkTitle = scan.scope.kind === "kader" ? context.frameworksById.get(scan.scope.framework).title
    : scan.scope.kind === "kaders" ? kadersTitle(scan, context) : "Eigen selectie van criteria";
  return h("div", { className: "kk-zs-results" },
    h("h2", {}, `Resultaten: ${scan.name}`),
    h("nav", { className: "kk-zs-nav kk-zs-noprint", "aria-label": "Zelfscan" },
      app.link("Terug naar de vragen", { scan: scan.id }, { className: "md-button" }),
      app.link("Alle zelfscans", {}, { className: "md-button" })),
    h("dl", { className: "kk-meta" },
      h("dt", {}, "Organisatie"), h("dd", {}, scan.organisation || "–"),
      h("dt", {}, "Zelfscan"), h("dd", {}, scan.name),
      h("dt", {}, "Datum"), h("dd", {}, dutchDate(scan.date)),
      h("dt", {}, "Kader"), h("dd", {}, frameworkTitle, ...Object.entries(scan.framework_versions).map(([, v]) => ` (versie ${v})`)),
      h("dt", {}, "Beantwoord"), h("dd", {}, `${overall.answered} van ${overall.total} criteria`)),
    lifecycleWarnings(context).map((warning) => h("p", { className: "kk-zs-message kk-lifecycle-warning" }, warning)),
    h("div", { className: "kk-zs-exports kk-zs-noprint" },
      h("button", { type: "button", className: "md-button md-button--primary", onclick: () => window.print() }, "Rapport afdrukken"),
      exportButton("Exporteer JSON", () => jsonExport(scan)),
      exportButton("Exporteer CSV (Excel)", () => csvExport(scan, context, app))),
    app.saveStatus,
    // The site-wide count rule (index.json count_rule, generator/render/counting.py).
    scoreBlock("Per kwaliteitselement", summariseByElement(context.criteria, scan.answers, app.index.elements),
      app.index.count_rule?.elements),
    scoreBlock("Per onderdeel", summariseBySection(context.groups, scan.answers)),
    h("section", {}, h("h3", {}, "Verbeterplan"),
      h("p", { className: "kk-zs-noprint" }, "Per criterium dat gedeeltelijk of niet voldoet: wat gaat u doen, wie is eigenaar en wanneer is het klaar? Zo werkt u in de cyclus plan-do-check-act."),
      planForm(app, scan, context)),
    comparison(app, scan, context),
    answersReport(app, scan, context),
    evidenceReportSection(app, context));
}
