// Answering: every criterion in scope, grouped by section, each with the scale,
// a toelichting, evidence, the framework's evidence suggestions and, where the
// source lists sub-items, a checklist. Every input is saved at once.
import { h, uniqueId } from "./dom.js";
import { SCORES, emptyAnswer, isAnswered, isSharedAnswered, needsReview, progress } from "./model.js";
import { dutchDate } from "../lib/dates.js";
import { evidencePanel, suggestionButton } from "./evidence-panel.js";
import { sharedFieldset } from "./view-shared.js";

const EVIDENCE_LABELS = { indicator: "Mogelijke indicatoren", verificatie: "Verificatie aanleveren", document: "Gevraagd bewijs" };

/** Checkboxes for the non-informative items, keyed by their index path ("2", "2.0"). */
export function checklistBoxes(items, answer, path = []) {
  const boxes = [];
  items.forEach((item, i) => {
    const key = [...path, i].join(".");
    if (!item.informative) {
      const id = uniqueId("kk-zs-item");
      boxes.push(h("div", { className: `kk-zs-check kk-zs-depth-${path.length + 1}` },
        h("input", { id, type: "checkbox", checked: Boolean(answer?.checklist?.[key]), dataset: { field: "checklist", item: key } }),
        h("label", { for: id }, item.label ? `${item.label} ${item.text}` : item.text)));
    }
    if (item.items) boxes.push(...checklistBoxes(item.items, answer, [...path, i]));
  });
  return boxes;
}

export function informativeItems(items) {
  const notes = items.filter((item) => item.informative);
  return notes.length ? h("ul", { className: "kk-zs-informative" }, notes.map((item) => h("li", {}, item.text))) : null;
}

export function evidenceSuggestions(criterion) {
  if (!criterion.evidence.length) return null;
  const byKind = new Map();
  for (const entry of criterion.evidence) {
    if (!byKind.has(entry.kind)) byKind.set(entry.kind, []);
    byKind.get(entry.kind).push(entry);
  }
  return h("aside", { className: "kk-zs-suggestions", "aria-label": `Bewijs volgens het kader bij ${criterion.label}` },
    [...byKind].map(([kind, entries]) => [
      h("p", { className: "kk-annotation-label" }, EVIDENCE_LABELS[kind] || kind),
      h("ul", {}, entries.map((entry) => h("li", {}, entry.label ? `${entry.label} ${entry.text}` : entry.text,
        entry.items && h("ul", {}, entry.items.map((item) => h("li", {}, item.text))),
        " ", suggestionButton(criterion, entry, EVIDENCE_LABELS[kind] || kind)))),
    ]));
}

function reviewNotice(app, scan, criterion) {
  const notice = h("div", { className: "kk-zs-review", dataset: { review: "true" } },
    h("p", {}, h("strong", {}, "Controleren: "), "de tekst van dit criterium is gewijzigd sinds uw antwoord. Kijk of uw antwoord nog klopt."),
    h("button", {
      type: "button", className: "md-button",
      onclick: () => {
        scan.answers[criterion.id].fingerprint = criterion.fingerprint;
        app.save(scan);
        notice.remove();
      },
    }, `Antwoord bij ${criterion.label} klopt nog`));
  return notice;
}

/** The text the source prints after the items; after the checklist when there is one. */
export function closingText(criterion) {
  return criterion.closing ? h("p", { className: "kk-zs-closing" }, criterion.closing) : null;
}

function criterionFieldset(app, scan, criterion) {
  const answer = scan.answers[criterion.id];
  const scoreName = uniqueId("kk-zs-score");
  const reasonId = uniqueId("kk-zs-reason");
  const noteId = uniqueId("kk-zs-note");
  const evidenceId = uniqueId("kk-zs-evidence");
  const heading = [criterion.label, criterion.title].filter(Boolean).join(" – ");
  const checklist = checklistBoxes(criterion.items, answer);
  return h("fieldset", {
    className: `kk-zs-criterion${isAnswered(answer) ? " kk-zs-answered" : ""}`,
    id: `zs-${criterion.id}`, dataset: { criterionId: criterion.id },
  },
  h("legend", {}, heading),
  h("blockquote", { className: "kk-zs-text" }, h("p", {}, criterion.text), informativeItems(criterion.items),
    checklist.length === 0 && closingText(criterion)),
  criterion.applicability.length > 0 && h("p", { className: "kk-zs-hint" }, "Van toepassing: ",
    criterion.applicability.map((rule) => rule.text).join(" ")),
  needsReview(answer, criterion) && reviewNotice(app, scan, criterion),
  h("fieldset", { className: "kk-zs-scale" }, h("legend", {}, `Score voor ${criterion.label}`),
    SCORES.map((score) => {
      const id = uniqueId("kk-zs-option");
      return h("span", { className: "kk-zs-option" },
        h("input", { id, type: "radio", name: scoreName, value: score.value, checked: answer?.score === score.value, dataset: { field: "score" } }),
        h("label", { for: id }, score.label));
    })),
  h("div", { className: "kk-zs-field kk-zs-reason", hidden: answer?.score !== "nvt" },
    h("label", { for: reasonId }, "Reden waarom dit niet van toepassing is"),
    h("input", { id: reasonId, type: "text", maxlength: 2000, value: answer?.reason || "", dataset: { field: "reason" } })),
  checklist.length > 0 && h("fieldset", { className: "kk-zs-checklist" },
    h("legend", {}, "Onderdelen die aanwezig zijn"), checklist),
  checklist.length > 0 && criterion.closing && h("blockquote", { className: "kk-zs-text" }, closingText(criterion)),
  h("div", { className: "kk-zs-columns" },
    h("div", {},
      h("div", { className: "kk-zs-field" }, h("label", { for: noteId }, "Toelichting"),
        h("textarea", { id: noteId, rows: 3, maxlength: 20000, value: answer?.toelichting || "", dataset: { field: "toelichting" } })),
      h("div", { className: "kk-zs-field" }, h("label", { for: evidenceId }, "Bewijs: documentnamen of links, één per regel"),
        h("textarea", { id: evidenceId, rows: 2, value: (answer?.evidence || []).join("\n"), dataset: { field: "evidence" } }))),
    evidenceSuggestions(criterion)),
  evidencePanel(app, scan, criterion));
}

function removedAnswers(scan, removed) {
  if (!removed.length) return null;
  return h("section", { className: "kk-zs-removed" },
    h("h3", {}, "Antwoorden bij criteria die niet meer bestaan"),
    h("p", {}, "Deze criteria zijn uit het kader verdwenen sinds u ze beantwoordde. Uw antwoorden blijven hier zichtbaar en gaan mee in de export."),
    h("ul", {}, removed.map((id) => {
      const answer = scan.answers[id];
      const score = SCORES.find((s) => s.value === answer.score);
      return h("li", { dataset: { criterionId: id } }, h("strong", {}, id), `: ${score ? score.label : "geen score"}`,
        answer.toelichting && h("p", {}, answer.toelichting),
        answer.evidence?.length > 0 && h("p", {}, `Bewijs: ${answer.evidence.join(", ")}`));
    })));
}

export async function renderAnswering(app, scan) {
  const context = await app.contextFor(scan);
  const { criteria, shared } = context;
  const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  // A scan over several frameworks: a comparable group is one question, shown
  // where its first member is; sections left without a question are not shown.
  const groups = context.groups.map((group) => ({
    ...group,
    questions: group.criteria.flatMap((criterion) => {
      const question = shared.byCriterion.get(criterion.id);
      if (!question) return [{ criterion }];
      return question.members[0].criterion.id === criterion.id ? [{ question }] : [];
    }),
  })).filter((group) => group.questions.length);
  const questions = groups.flatMap((group) => group.questions);
  const questionDone = (entry) => (entry.question
    ? isSharedAnswered(entry.question, scan.answers) : isAnswered(scan.answers[entry.criterion.id]));
  const questionElementId = (entry) => (entry.question ? `zs-shared-${entry.question.group.id}` : `zs-${entry.criterion.id}`);
  const sharedViews = [];

  const progressText = h("p", { className: "kk-zs-progress-text", "aria-live": "polite" });
  const progressBar = h("progress", { max: criteria.length || 1, "aria-label": "Voortgang van de zelfscan" });
  const sectionCounts = new Map();
  const sectionList = h("ul", { className: "kk-zs-section-progress" }, groups.map((group) => {
    const count = h("span", {});
    sectionCounts.set(group.key, { count, group });
    return h("li", {}, h("a", { href: `#zs-group-${groups.indexOf(group)}` }, group.path.join(" › ")), " ", count);
  }));
  const updateProgress = () => {
    const overall = progress(criteria, scan.answers);
    if (shared.shared.length) {
      const done = questions.filter(questionDone).length;
      progressText.textContent = `${done} van ${questions.length} vragen beantwoord (${overall.answered} van ${overall.total} criteria)`;
      progressBar.max = questions.length;
      progressBar.value = done;
    } else {
      progressText.textContent = `${overall.answered} van ${overall.total} criteria beantwoord`;
      progressBar.value = overall.answered;
    }
    for (const { count, group } of sectionCounts.values()) {
      const done = group.questions.filter(questionDone).length;
      count.textContent = `${done} van ${group.questions.length}`;
    }
  };
  updateProgress();

  const jumpStatus = h("p", { className: "kk-zs-announce", role: "status" });
  const jumpButton = h("button", {
    type: "button", className: "md-button md-button--primary",
    onclick: () => {
      const current = document.activeElement?.closest?.("fieldset.kk-zs-criterion")?.id;
      const start = current ? questions.findIndex((entry) => questionElementId(entry) === current) + 1 : 0;
      const order = [...questions.slice(start), ...questions.slice(0, start)];
      const next = order.find((entry) => !questionDone(entry));
      if (!next) {
        jumpStatus.textContent = shared.shared.length ? "Alle vragen zijn beantwoord." : "Alle criteria zijn beantwoord.";
        return;
      }
      jumpStatus.textContent = "";
      const fieldset = document.getElementById(questionElementId(next));
      fieldset.scrollIntoView({ block: "start" });
      fieldset.querySelector("input[type=radio]").focus();
    },
  }, "Naar de volgende onbeantwoorde vraag");

  const summary = [];
  if (context.review.length) summary.push(`${context.review.length} antwoord(en) te controleren omdat de tekst van het criterium is gewijzigd`);
  if (context.removed.length) summary.push(`${context.removed.length} antwoord(en) bij criteria die niet meer bestaan`);

  const body = h("div", { className: "kk-zs-criteria" }, groups.map((group, i) => h("section", { className: "kk-zs-group", id: `zs-group-${i}` },
    h("h3", {}, group.path.join(" › "), scan.scope.kind !== "kader" ? ` (${group.framework.short_title})` : ""),
    group.questions.map((entry) => {
      if (!entry.question) return criterionFieldset(app, scan, entry.criterion);
      const view = sharedFieldset(app, scan, entry.question, () => updateProgress());
      sharedViews.push(view);
      return view.element;
    }))));

  // One listener for every field: update the answer, save, update progress.
  body.addEventListener("input", (event) => {
    const field = event.target.dataset.field;
    const fieldset = event.target.closest("[data-criterion-id]");
    if (!field || !fieldset || event.target.closest("[data-shared-group]")) return;
    const criterion = byId.get(fieldset.dataset.criterionId);
    const answer = scan.answers[criterion.id] || (scan.answers[criterion.id] = emptyAnswer());
    if (field === "score") {
      answer.score = event.target.value;
      answer.fingerprint = criterion.fingerprint;
      answer.answered_at = new Date().toISOString();
      fieldset.querySelector(".kk-zs-reason").hidden = answer.score !== "nvt";
      fieldset.querySelector(":scope > .kk-zs-review")?.remove();
      fieldset.classList.add("kk-zs-answered");
    } else if (field === "checklist") {
      answer.checklist[event.target.dataset.item] = event.target.checked;
    } else if (field === "evidence") {
      answer.evidence = event.target.value.split("\n").map((line) => line.trim()).filter(Boolean);
    } else {
      answer[field] = event.target.value;
    }
    scan.resume = { criterion: criterion.id }; // where a reopened scan starts
    app.save(scan);
    if (field === "score") updateProgress();
  });

  // Another tab changed this scan: show its answers, leaving alone the field
  // the reader is typing in.
  app.refreshView = (changedIds) => {
    if (!changedIds.includes(scan.id)) return;
    for (const fieldset of body.querySelectorAll("fieldset[data-criterion-id]")) {
      const answer = scan.answers[fieldset.dataset.criterionId];
      for (const input of fieldset.querySelectorAll("[data-field]")) {
        if (input === document.activeElement) continue;
        const field = input.dataset.field;
        if (field === "score") input.checked = answer?.score === input.value;
        else if (field === "checklist") input.checked = Boolean(answer?.checklist?.[input.dataset.item]);
        else if (field === "evidence") input.value = (answer?.evidence || []).join("\n");
        else input.value = answer?.[field] || "";
      }
      fieldset.querySelector(".kk-zs-reason").hidden = answer?.score !== "nvt";
      fieldset.classList.toggle("kk-zs-answered", isAnswered(answer));
    }
    for (const view of sharedViews) view.refresh();
    updateProgress();
  };

  // Reopening a scan goes straight to where the provider left off: the
  // criterion last worked on gets the focus and the status line says so.
  const resume = scan.resume && byId.get(scan.resume.criterion);
  if (resume) {
    app.afterRender = () => {
      const fieldset = document.getElementById(`zs-${resume.id}`);
      const radio = fieldset?.querySelector("input[type=radio]:checked") || fieldset?.querySelector("input[type=radio]");
      if (!radio) return false; // not shown on its own (e.g. asked once in a shared question)
      fieldset.scrollIntoView({ block: "start" });
      radio.focus({ preventScroll: true });
      const group = groups.find((candidate) => candidate.criteria.includes(resume));
      const overall = progress(criteria, scan.answers);
      jumpStatus.textContent = `U gaat verder waar u was gebleven: ${resume.label} (${group.path.join(" › ")}). `
        + `Nog ${overall.total - overall.answered} van de ${overall.total} criteria zonder antwoord.`;
      return true;
    };
  }

  return h("div", { className: "kk-zs-answering" },
    h("h2", {}, scan.name),
    h("p", { className: "kk-zs-meta" }, [scan.organisation, dutchDate(scan.date)].filter(Boolean).join(" · ")),
    h("nav", { className: "kk-zs-nav", "aria-label": "Zelfscan" },
      app.link("Resultaten en verbeterplan", { scan: scan.id, view: "resultaten" }, { className: "md-button" }),
      app.link("Instellingen", { scan: scan.id, view: "instellingen" }, { className: "md-button" }),
      app.link("Bewijsstukken", { scan: scan.id, view: "bewijs" }, { className: "md-button" }),
      app.link("Alle zelfscans", {}, { className: "md-button" })),
    summary.length > 0 && h("div", { className: "kk-zs-message" }, h("p", {}, "Het kader is gewijzigd sinds deze scan: ", summary.join("; "), ".")),
    h("section", { className: "kk-zs-progress kk-card", "aria-label": "Voortgang" },
      progressText, progressBar, jumpButton, jumpStatus,
      h("details", {}, h("summary", {}, "Voortgang per onderdeel"), sectionList)),
    app.saveStatus,
    body,
    removedAnswers(scan, context.removed));
}
