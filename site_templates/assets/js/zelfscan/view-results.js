// Results: per quality element and per section a stacked bar of how many
// criteria got each score (with a legend, a pattern per score and the counts
// as text) and a table with the same numbers; the improvement plan for the
// gaps, worst first; the comparison with earlier scans of the same framework;
// all answers with their sub-items; and the exports. Printing this view gives
// the report (see the print rules in zelfscan.css): every form control is
// replaced by its text there, an empty one by "nog niet ingevuld".
import { h, tableWrap, uniqueId, exportButton } from "./dom.js";
import {
  SCORES, SCORE_BY_VALUE, duplicateScan, formatAverage, gaps, progress, summariseByElement, summariseBySection,
} from "./model.js";
import { csvExport, jsonExport } from "./import-export.js";
import { scanFileInput } from "./scan-file-input.js";
import { citationOf, citationText, lifecycleWarning } from "../lib/citation.js";
import { dutchDate } from "../lib/dates.js";
import { evidenceReportSection } from "./evidence-map.js";
import { kadersTitle } from "./view-frameworks.js";

/** What print shows for a form field nobody filled in. */
export const NOT_FILLED = "nog niet ingevuld";

/** The parts of a bar: one per score, then the criteria without an answer. */
const PARTS = [
  ...SCORES.map((score) => ({ value: score.value, label: score.label })),
  { value: "open", label: "Nog niet beantwoord" },
];

const answeredText = (row) => `${row.answered} van ${row.total} beantwoord`;

function averageText(row) {
  return row.average === null ? "nog geen gemiddelde" : `gemiddelde ${formatAverage(row.average)}`;
}

/** The counts of one row as a sentence, for the bar's accessible name. */
function countsSentence(row) {
  const counts = { ...row.counts, open: row.total - row.answered };
  return PARTS.filter((part) => counts[part.value]).map((part) => `${part.label.toLowerCase()} ${counts[part.value]}`).join(", ");
}

function legend() {
  return h("ul", { className: "kk-zs-legend", "aria-label": "Legenda bij de balken" },
    PARTS.map((part) => h("li", {}, h("span", { className: `kk-zs-swatch kk-zs-part--${part.value}`, "aria-hidden": "true" }), part.label)));
}

/**
 * One stacked bar per row: the share of the row's criteria per score, the
 * unanswered ones last. Each part has its own pattern and, when there is room,
 * its count as text; the line above the bar says "x van y beantwoord" and the
 * average, so no figure stands without the number of answers behind it.
 */
function stackedBars(title, rows) {
  return h("div", { className: "kk-zs-chart" },
    h("p", { className: "kk-zs-chart-title" }, title),
    legend(),
    h("ul", { className: "kk-zs-bars" }, rows.map((row) => {
      const counts = { ...row.counts, open: row.total - row.answered };
      const thin = row.total > 0 && row.answered / row.total < 0.5;
      return h("li", { className: "kk-zs-bar-row", dataset: { key: row.key } },
        h("p", { className: "kk-zs-bar-label" }, h("span", { className: "kk-zs-bar-name" }, row.label), " ",
          h("span", { className: "kk-zs-bar-figures" }, `${answeredText(row)} · ${averageText(row)}`),
          thin && row.answered > 0 && h("span", { className: "kk-zs-bar-warning" }, " · rust op minder dan de helft")),
        h("div", {
          className: "kk-zs-bar", role: "img",
          "aria-label": `${row.label}: ${answeredText(row)}, ${averageText(row)}. ${countsSentence(row)}.`,
        }, PARTS.filter((part) => counts[part.value]).map((part) => {
          const share = counts[part.value] / row.total;
          const segment = h("span", { className: `kk-zs-part kk-zs-part--${part.value}`, title: `${part.label}: ${counts[part.value]}` },
            share >= 0.08 ? h("span", { className: "kk-zs-part-count" }, String(counts[part.value])) : null);
          segment.style.flexGrow = String(counts[part.value]);
          return segment;
        })));
    })));
}

function scoreTable(caption, rows) {
  const headings = ["Onderdeel", "Beantwoord", ...SCORES.map((score) => score.label), "Gemiddelde (1–4)"];
  return tableWrap(caption, h("table", { className: "kk-zs-score-table" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, headings.map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, rows.map((row) => h("tr", {}, h("th", { scope: "row" }, row.label),
      h("td", { className: "kk-num", dataset: { label: headings[1] } }, `${row.answered} van ${row.total}`),
      SCORES.map((score, i) => h("td", { className: "kk-num", dataset: { label: headings[i + 2] } }, String(row.counts[score.value]))),
      h("td", { className: "kk-num", dataset: { label: headings.at(-1) } }, formatAverage(row.average)))))));
}

function scoreBlock(title, rows, note) {
  return h("section", { className: "kk-zs-scores" }, h("h3", {}, title),
    note ? h("p", { className: "kk-count-rule" }, note) : null,
    h("div", { className: "kk-zs-chart-pair" },
      stackedBars(`Scores ${title.toLowerCase()}`, rows),
      scoreTable(title, rows)));
}

/** What the numbers mean, in plain words (B1). */
function explanation() {
  return h("section", { className: "kk-zs-explain kk-card", "aria-label": "Zo leest u de cijfers" },
    h("p", {}, h("strong", {}, "Zo leest u de cijfers")),
    h("ul", {},
      h("li", {}, "Elk criterium krijgt punten: voldoet 4, voldoet grotendeels 3, voldoet gedeeltelijk 2, voldoet niet 1."),
      h("li", {}, "Het gemiddelde is het totaal van de punten, gedeeld door het aantal criteria met punten. Een 3,0 betekent: gemiddeld voldoet u grotendeels."),
      h("li", {}, "“Niet van toepassing” en criteria zonder antwoord tellen niet mee in het gemiddelde."),
      h("li", {}, "Kijk daarom altijd naar “x van y beantwoord”. Rust een gemiddelde op maar een paar antwoorden, dan zegt het nog weinig."),
      h("li", {}, "De balk laat zien hoeveel criteria elke score kregen. Het lege deel met de stippellijn zijn de criteria zonder antwoord.")));
}

/** Worst first: "niet" before "gedeeltelijk", otherwise in the framework's order. */
export function sortedGaps(criteria, answers) {
  const rank = { niet: 0, gedeeltelijk: 1 };
  return gaps(criteria, answers).map((criterion, i) => ({ criterion, i }))
    .sort((a, b) => rank[answers[a.criterion.id].score] - rank[answers[b.criterion.id].score] || a.i - b.i)
    .map(({ criterion }) => criterion);
}

/** The scores a plan can aim for from `score`: every better one. */
function targetOptions(score) {
  const points = SCORE_BY_VALUE[score].points;
  return SCORES.filter((option) => option.points !== null && option.points > points);
}

/** Text of a plan field for print: the value in words, or "nog niet ingevuld". */
function printedValue(name, value) {
  if (!value) return NOT_FILLED;
  if (name === "due") return dutchDate(value);
  if (name === "target") return SCORE_BY_VALUE[value]?.label || value;
  return value;
}

function planForm(app, scan, context) {
  const rows = sortedGaps(context.criteria, scan.answers);
  if (!rows.length) return h("p", {}, "Geen criteria die gedeeltelijk of niet voldoen: er zijn geen verbeterpunten.");
  const form = h("div", { className: "kk-zs-plan" }, rows.map((criterion) => {
    const plan = scan.plan[criterion.id] || {};
    const score = SCORE_BY_VALUE[scan.answers[criterion.id].score];
    const field = (label, name, attributes, options) => {
      const id = uniqueId("kk-zs-plan");
      const common = { id, dataset: { plan: name }, className: "kk-zs-screen" };
      let control;
      if (options) {
        control = h("select", common, h("option", { value: "" }, "Geen streefscore"),
          options.map((option) => h("option", { value: option.value, selected: plan[name] === option.value }, option.label)));
      } else if (attributes.rows) control = h("textarea", { ...common, ...attributes, value: plan[name] || "" });
      else control = h("input", { ...common, ...attributes, value: plan[name] || "" });
      // Print shows this text instead of the control (zelfscan.css).
      const printed = h("span", { className: "kk-zs-printed", dataset: { printed: name } }, printedValue(name, plan[name]));
      return h("div", { className: "kk-zs-field" }, h("label", { for: id }, label), control, printed);
    };
    return h("fieldset", { className: "kk-zs-plan-item", dataset: { criterionId: criterion.id, score: score.value } },
      h("legend", {}, `${criterion.label}: ${score.label}`),
      h("p", { className: "kk-zs-text" }, criterion.text),
      scan.answers[criterion.id].toelichting && h("p", {}, `Toelichting: ${scan.answers[criterion.id].toelichting}`),
      field("Verbeteractie", "action", { rows: 2, maxlength: 5000 }),
      h("div", { className: "kk-zs-columns" },
        field("Eigenaar", "owner", { type: "text", maxlength: 200 }),
        field("Streefdatum", "due", { type: "date" }),
        field("Streefscore (niet verplicht)", "target", {}, targetOptions(score.value))));
  }));
  const update = (event) => {
    const name = event.target.dataset.plan;
    const item = event.target.closest("[data-criterion-id]");
    if (!name || !item) return;
    const id = item.dataset.criterionId;
    scan.plan[id] = { action: "", owner: "", due: "", target: "", ...scan.plan[id], [name]: event.target.value };
    item.querySelector(`[data-printed="${name}"]`).textContent = printedValue(name, event.target.value);
    app.save(scan);
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  return form;
}

/** The frameworks a scan covers as a whole (a criteria selection covers none). */
function wholeFrameworks(scan) {
  if (scan.scope.kind === "kader") return [scan.scope.framework];
  if (Array.isArray(scan.scope.frameworks)) return scan.scope.frameworks;
  return [];
}

/** Other scans in this browser of the framework of `scan`, oldest first. */
function earlierScans(app, scan) {
  if (scan.scope.kind !== "kader") return [];
  return [...app.scans.values()]
    .filter((other) => other.id !== scan.id && wholeFrameworks(other).includes(scan.scope.framework))
    .sort((a, b) => a.date.localeCompare(b.date) || a.modified.localeCompare(b.modified));
}

const scanHeading = (other) => `${other.name} (${dutchDate(other.date)})`;

function averageCell(row) {
  if (!row) return h("td", { className: "kk-num" }, "–");
  return h("td", { className: "kk-num" }, formatAverage(row.average), h("br"),
    h("span", { className: "kk-zs-small" }, `${row.answered} van ${row.total}`));
}

/** Average per element or section in each chosen earlier scan and now, scored on today's criteria. */
function comparisonTable(caption, current, earlier) {
  const byKey = earlier.map(({ rows }) => new Map(rows.map((row) => [row.key, row])));
  const last = byKey.at(-1);
  return tableWrap(caption, h("table", { className: "kk-zs-compare-table" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Onderdeel"),
      earlier.map(({ scan }) => h("th", { scope: "col" }, scanHeading(scan))),
      h("th", { scope: "col" }, "Nu"), h("th", { scope: "col" }, "Verschil"))),
    h("tbody", {}, current.map((row) => {
      const before = last.get(row.key)?.average ?? null;
      const delta = before === null || row.average === null ? null : row.average - before;
      const deltaText = delta === null ? "–" : `${delta > 0 ? "+" : ""}${formatAverage(delta)}`;
      return h("tr", {}, h("th", { scope: "row" }, row.label),
        byKey.map((rows) => averageCell(rows.get(row.key))), averageCell(row),
        h("td", { className: "kk-num" }, deltaText));
    }))));
}

/** The gaps with a target score: their score in each chosen scan, now, and the target. */
function targetProgress(app, scan, context, chosen) {
  const byId = new Map(context.criteria.map((criterion) => [criterion.id, criterion]));
  const rows = Object.entries(scan.plan).filter(([id, entry]) => entry.target && byId.has(id));
  if (!rows.length) return h("p", {}, "Geef in het verbeterplan een streefscore op om hier de voortgang naar die score te zien.");
  const label = (other, id) => SCORE_BY_VALUE[other.answers[id]?.score]?.label || "Niet beantwoord";
  return tableWrap("Voortgang naar de streefscore", h("table", { className: "kk-zs-compare-table" },
    h("caption", {}, "Voortgang naar de streefscore"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Criterium"),
      chosen.map((other) => h("th", { scope: "col" }, scanHeading(other))),
      ["Nu", "Streefscore", "Bereikt"].map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, rows.map(([id, entry]) => {
      const now = scan.answers[id]?.score;
      const reached = SCORE_BY_VALUE[now]?.points >= SCORE_BY_VALUE[entry.target].points;
      return h("tr", { dataset: { criterionId: id } }, h("th", { scope: "row" }, byId.get(id).label),
        chosen.map((other) => h("td", {}, label(other, id))), h("td", {}, label(scan, id)),
        h("td", {}, SCORE_BY_VALUE[entry.target].label), h("td", {}, reached ? "Ja" : "Nog niet"));
    }))));
}

/**
 * Progress over time: choose any number of the other scans of this framework
 * in this browser; a file of an earlier scan is stored as one of them, so it
 * stays available. The choice itself lasts while the page is open.
 */
function comparison(app, scan, context) {
  const section = h("section", { className: "kk-zs-compare" }, h("h3", {}, "Vergelijken met eerdere scans"));
  if (scan.scope.kind !== "kader") {
    section.append(h("p", {}, "Vergelijken kan alleen bij een scan van een heel kader."));
    return section;
  }
  const chosen = new Set(earlierScans(app, scan).slice(-3).map((other) => other.id));
  const output = h("div", { className: "kk-zs-compare-output" });
  const choices = h("fieldset", { className: "kk-zs-compare-choice kk-zs-noprint" });
  const elements = app.index.elements;
  const show = () => {
    const candidates = earlierScans(app, scan);
    choices.replaceChildren(h("legend", {}, "Eerdere scans van dit kader in deze browser"),
      ...(candidates.length ? candidates.map((other) => {
        const id = uniqueId("kk-zs-compare");
        const answered = progress(context.criteria, other.answers).answered;
        return h("div", { className: "kk-zs-check" },
          h("input", {
            id, type: "checkbox", checked: chosen.has(other.id),
            onchange: (event) => {
              if (event.target.checked) chosen.add(other.id);
              else chosen.delete(other.id);
              show();
            },
          }),
          h("label", { for: id }, `${scanHeading(other)}, ${answered} van ${context.criteria.length} beantwoord`));
      }) : [h("p", {}, "Er staan geen andere scans van dit kader in deze browser. Lees hieronder een eerdere scan in.")]));
    const picked = candidates.filter((other) => chosen.has(other.id));
    if (!picked.length) {
      output.replaceChildren(h("p", {}, "Kies een of meer eerdere scans om de voortgang te zien."));
      return;
    }
    const scored = (rowsOf) => picked.map((other) => ({ scan: other, rows: rowsOf(other.answers) }));
    output.replaceChildren(
      h("p", {}, `Vergeleken met ${picked.map(scanHeading).join(", ")}. Alle scans zijn gescoord op de criteria van nu. `
        + "Verschil: het gemiddelde van nu min dat van de laatste eerdere scan."),
      h("h4", {}, "Per kwaliteitselement"),
      comparisonTable("Gemiddelde score per kwaliteitselement: eerdere scans en nu",
        summariseByElement(context.criteria, scan.answers, elements),
        scored((answers) => summariseByElement(context.criteria, answers, elements))),
      h("h4", {}, "Per onderdeel"),
      comparisonTable("Gemiddelde score per onderdeel: eerdere scans en nu",
        summariseBySection(context.groups, scan.answers),
        scored((answers) => summariseBySection(context.groups, answers))),
      h("h4", {}, "Voortgang naar de streefscore"),
      targetProgress(app, scan, context, picked));
  };
  const picker = scanFileInput(app, {
    idPrefix: "kk-zs-compare-file",
    refusal: "kan niet worden vergeleken:",
    onScan: (earlier, file, feedback) => {
      if (!wholeFrameworks(earlier).includes(scan.scope.framework)) {
        feedback.replaceChildren(h("p", { className: "kk-zs-message kk-zs-message--error" },
          "Dit bestand is geen zelfscan van hetzelfde kader; alleen scans van hetzelfde kader zijn te vergelijken."));
        return;
      }
      const known = app.scans.get(earlier.id);
      let kept = earlier;
      if (known && JSON.stringify(known.answers) === JSON.stringify(earlier.answers)) kept = known;
      else {
        if (known) kept = duplicateScan(earlier, `${earlier.name} (ingelezen)`);
        app.save(kept, { touch: false });
      }
      chosen.add(kept.id);
      show();
      feedback.replaceChildren(h("p", {}, `"${file.name}" is bewaard als zelfscan "${kept.name}" en staat nu in de vergelijking.`));
    },
  });
  show();
  section.append(choices,
    h("div", { className: "kk-zs-noprint" },
      h("label", { for: picker.id }, "Of lees een eerdere zelfscan van hetzelfde kader in (JSON-bestand); die wordt in deze browser bewaard"),
      " ", picker.control),
    picker.feedback, output);
  return section;
}

/** A criterion's sub-items as a list, each with its checklist state (informative items without). */
function itemList(items, answer, path = []) {
  if (!items.length) return null;
  return h("ul", { className: "kk-zs-report-items" }, items.map((item, i) => {
    const key = [...path, i].join(".");
    const state = item.informative ? null
      : h("span", { className: "kk-zs-item-state" }, answer?.checklist?.[key] ? "[aanwezig] " : "[niet aangevinkt] ");
    return h("li", {}, state, item.label ? `${item.label} ${item.text}` : item.text,
      item.items ? itemList(item.items, answer, [...path, i]) : null);
  }));
}

function answersReport(app, scan, context) {
  return h("section", { className: "kk-zs-report-answers" }, h("h3", {}, "Antwoorden"),
    context.groups.map((group) => tableWrap(`Antwoorden: ${group.path.join(" › ")}`, h("table", { className: "kk-zs-answers-table" },
      h("caption", {}, group.path.join(" › ")),
      h("thead", {}, h("tr", {}, ["Criterium", "Score", "Toelichting", "Bewijs"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, group.criteria.map((criterion) => {
        const answer = scan.answers[criterion.id] || {};
        const score = SCORE_BY_VALUE[answer.score];
        return h("tr", { dataset: { criterionId: criterion.id } },
          h("td", {}, h("strong", {}, [criterion.label, criterion.title].filter(Boolean).join(" – ")), h("br"), criterion.text,
            itemList(criterion.items, answer),
            criterion.closing && h("p", { className: "kk-zs-closing" }, criterion.closing),
            h("span", { className: "kk-zs-citation" }, citationText(citationOf(app.index, app.siteRoot, criterion)))),
          h("td", { dataset: { label: "Score" } }, score ? score.label : "Nog niet beantwoord",
            answer.score === "nvt" ? ` (${answer.reason || "geen reden opgegeven"})` : ""),
          h("td", { dataset: { label: "Toelichting" } }, answer.toelichting || "–"),
          h("td", { dataset: { label: "Bewijs" } }, (answer.evidence || []).length ? h("ul", {}, answer.evidence.map((e) => h("li", {}, e))) : "–"));
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
      h("dt", {}, "Organisatie"), h("dd", {}, scan.organisation || NOT_FILLED),
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
    explanation(),
    // The site-wide count rule (frameworks.json count_rule, generator/render/counting.py).
    scoreBlock("Per kwaliteitselement", summariseByElement(context.criteria, scan.answers, app.index.elements),
      app.index.count_rule?.elements),
    scoreBlock("Per onderdeel", summariseBySection(context.groups, scan.answers)),
    h("section", {}, h("h3", {}, "Verbeterplan"),
      h("p", {}, "Per criterium dat niet of gedeeltelijk voldoet, het slechtste eerst: wat gaat u doen, wie is eigenaar, wanneer is het klaar en welke score wilt u halen? Zo werkt u in de cyclus plan-do-check-act."),
      planForm(app, scan, context)),
    comparison(app, scan, context),
    answersReport(app, scan, context),
    evidenceReportSection(app, context));
}
