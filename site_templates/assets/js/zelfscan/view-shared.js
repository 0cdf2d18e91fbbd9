// One question for the criteria of a comparable group in a scan over several
// frameworks (model.sharedQuestions): the group label (editorial), then each
// framework's own verbatim wording, one score, toelichting and evidence for
// all of them, and for every "partly overlapping" member a confirmation or an
// own score. Answers stay per criterion: every member gets its own answer with
// shared: {group, confirmed}.
import { h, uniqueId } from "./dom.js";
import { SCORES, emptyAnswer, isAnswered, isSharedAnswered, needsReview } from "./model.js";
import { checklistBoxes, closingText, evidenceSuggestions, informativeItems } from "./view-answering.js";
import { evidencePanel } from "./evidence-panel.js";

const RELATION_LABELS = { equivalent: "Vraagt hetzelfde", partial: "Overlapt gedeeltelijk: bevestig of pas aan" };

function memberName(app, criterion) {
  const framework = app.index.frameworks.find((f) => f.id === criterion.framework);
  return `${framework.short_title} ${criterion.label}`;
}

function scaleOptions(name, checkedValue, field) {
  return SCORES.map((score) => {
    const id = uniqueId("kk-zs-option");
    return h("span", { className: "kk-zs-option" },
      h("input", { id, type: "radio", name, value: score.value, checked: checkedValue === score.value, dataset: { field } }),
      h("label", { for: id }, score.label));
  });
}

/** The member's own wording, sub-items (its own checklist) and evidence suggestions. */
function memberBlock(app, scan, criterion, relation) {
  const answer = scan.answers[criterion.id];
  const checklist = checklistBoxes(criterion.items, answer);
  const heading = [memberName(app, criterion), criterion.title].filter(Boolean).join(" – ");
  return h("section", { className: "kk-zs-member", dataset: { memberId: criterion.id, relation } },
    h("h4", {}, heading, " ", h("span", { className: "kk-badge" }, RELATION_LABELS[relation])),
    h("blockquote", { className: "kk-zs-text" }, h("p", {}, criterion.text), informativeItems(criterion.items),
      checklist.length === 0 && closingText(criterion)),
    criterion.applicability.length > 0 && h("p", { className: "kk-zs-hint" }, "Van toepassing: ",
      criterion.applicability.map((rule) => rule.text).join(" ")),
    needsReview(answer, criterion) && h("p", { className: "kk-zs-review", dataset: { review: "true" } },
      h("strong", {}, "Controleren: "), "de tekst van dit criterium is gewijzigd sinds uw antwoord. Kies de score opnieuw of bevestig."),
    checklist.length > 0 && h("fieldset", { className: "kk-zs-checklist" },
      h("legend", {}, `Onderdelen die aanwezig zijn (${memberName(app, criterion)})`), checklist),
    checklist.length > 0 && criterion.closing && h("blockquote", { className: "kk-zs-text" }, closingText(criterion)),
    evidenceSuggestions(criterion),
    // Evidence items of the library are linked per criterion, so each member has its own panel.
    evidencePanel(app, scan, criterion));
}

/** For a partial member: its score (taken from the shared one) and a "Bevestigen" button. */
function confirmBlock(app, scan, criterion) {
  const answer = scan.answers[criterion.id];
  const name = memberName(app, criterion);
  const status = h("p", { className: "kk-zs-confirm-status", role: "status" });
  const block = h("fieldset", { className: "kk-zs-confirm", dataset: { memberId: criterion.id } },
    h("legend", {}, `Score voor ${name}`),
    h("p", { className: "kk-zs-hint" }, `${name} overlapt gedeeltelijk met deze vraag. Bevestig de score of kies een eigen score voor dit kader.`),
    h("div", { className: "kk-zs-scale" }, scaleOptions(uniqueId("kk-zs-member-score"), answer?.score, "member-score")),
    h("button", { type: "button", className: "md-button", dataset: { action: "confirm" } }, `Bevestigen voor ${name}`),
    status);
  return block;
}

function confirmState(answer) {
  if (!isAnswered(answer)) return "Nog geen score.";
  return answer.shared?.confirmed === true ? "Bevestigd." : "Nog niet bevestigd.";
}

/**
 * The fieldset of one shared question. onChange() runs after every saved
 * change (progress). Returns {element, refresh} (refresh: show the answers
 * as they are now, after another tab changed them).
 */
export function sharedFieldset(app, scan, question, onChange) {
  const { group, members, anchor } = question;
  const scoreName = uniqueId("kk-zs-score");
  const reasonId = uniqueId("kk-zs-reason");
  const noteId = uniqueId("kk-zs-note");
  const evidenceId = uniqueId("kk-zs-evidence");
  const anchorAnswer = () => scan.answers[anchor.id];
  const partials = members.filter((m) => m.relation === "partial").map((m) => m.criterion);
  const frameworkCount = new Set(members.map((m) => m.criterion.framework)).size;

  const element = h("fieldset", {
    className: `kk-zs-criterion kk-zs-shared${isSharedAnswered(question, scan.answers) ? " kk-zs-answered" : ""}`,
    id: `zs-shared-${group.id}`, dataset: { sharedGroup: group.id },
  },
  h("legend", {}, "Gedeelde vraag: ", h("span", { className: "kk-editorial" }, group.label)),
  h("p", { className: "kk-zs-hint" }, `Deze vraag staat in ${frameworkCount} kaders (${members.length} criteria). `
    + "De korte omschrijving is van de redactie; hieronder staat de tekst van elk kader letterlijk. Uw antwoord geldt voor elk van deze criteria."),
  group.note && h("details", { className: "kk-zs-shared-note" }, h("summary", {}, "Verschillen tussen de kaders (toelichting van de redactie)"),
    h("p", { className: "kk-editorial" }, group.note)),
  members.map(({ criterion, relation }) => memberBlock(app, scan, criterion, relation)),
  h("fieldset", { className: "kk-zs-scale" }, h("legend", {}, "Gedeelde score"),
    scaleOptions(scoreName, anchorAnswer()?.score, "score")),
  h("div", { className: "kk-zs-field kk-zs-reason", hidden: anchorAnswer()?.score !== "nvt" },
    h("label", { for: reasonId }, "Reden waarom dit niet van toepassing is"),
    h("input", { id: reasonId, type: "text", maxlength: 2000, value: anchorAnswer()?.reason || "", dataset: { field: "reason" } })),
  h("div", { className: "kk-zs-columns" },
    h("div", { className: "kk-zs-field" }, h("label", { for: noteId }, "Toelichting"),
      h("textarea", { id: noteId, rows: 3, maxlength: 20000, value: anchorAnswer()?.toelichting || "", dataset: { field: "toelichting" } })),
    h("div", { className: "kk-zs-field" }, h("label", { for: evidenceId }, "Bewijs: documentnamen of links, één per regel"),
      h("textarea", { id: evidenceId, rows: 2, value: (anchorAnswer()?.evidence || []).join("\n"), dataset: { field: "evidence" } }))),
  partials.map((criterion) => confirmBlock(app, scan, criterion)));

  const answerOf = (criterion) => scan.answers[criterion.id] || (scan.answers[criterion.id] = emptyAnswer());
  const scored = (criterion, value, confirmed) => {
    const answer = answerOf(criterion);
    answer.score = value;
    answer.fingerprint = criterion.fingerprint;
    answer.answered_at = new Date().toISOString();
    answer.shared = { group: group.id, confirmed };
  };
  const refresh = () => {
    const shared = anchorAnswer();
    for (const input of element.querySelectorAll("[data-field]")) {
      if (input === document.activeElement) continue;
      const member = input.closest("[data-member-id]")?.dataset.memberId;
      const own = member ? scan.answers[member] : shared;
      const field = input.dataset.field;
      if (field === "score" || field === "member-score") input.checked = own?.score === input.value;
      else if (field === "checklist") input.checked = Boolean(own?.checklist?.[input.dataset.item]);
      else if (field === "evidence") input.value = (own?.evidence || []).join("\n");
      else input.value = own?.[field] || "";
    }
    element.querySelector(":scope > .kk-zs-reason").hidden = shared?.score !== "nvt";
    for (const block of element.querySelectorAll(".kk-zs-confirm")) {
      const answer = scan.answers[block.dataset.memberId];
      block.querySelector(".kk-zs-confirm-status").textContent = confirmState(answer);
      block.classList.toggle("kk-zs-confirmed", answer?.shared?.confirmed === true && isAnswered(answer));
    }
    element.classList.toggle("kk-zs-answered", isSharedAnswered(question, scan.answers));
  };

  element.addEventListener("input", (event) => {
    const field = event.target.dataset.field;
    if (!field) return;
    const memberId = event.target.closest("[data-member-id]")?.dataset.memberId;
    const member = memberId && members.find((m) => m.criterion.id === memberId).criterion;
    if (field === "score") {
      // Equivalent members take the score as it is; partial ones take it unconfirmed.
      for (const { criterion, relation } of members) scored(criterion, event.target.value, relation === "equivalent");
    } else if (field === "member-score") {
      scored(member, event.target.value, true);
    } else if (field === "checklist") {
      answerOf(member).checklist[event.target.dataset.item] = event.target.checked;
    } else {
      const value = field === "evidence"
        ? event.target.value.split("\n").map((line) => line.trim()).filter(Boolean) : event.target.value;
      for (const { criterion } of members) answerOf(criterion)[field] = Array.isArray(value) ? [...value] : value;
    }
    app.save(scan);
    refresh();
    onChange();
  });
  element.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action=confirm]");
    if (!button) return;
    const block = button.closest("[data-member-id]");
    const criterion = members.find((m) => m.criterion.id === block.dataset.memberId).criterion;
    const answer = scan.answers[criterion.id];
    if (!isAnswered(answer)) {
      block.querySelector(".kk-zs-confirm-status").textContent = "Kies eerst een score.";
      return;
    }
    answer.shared = { group: group.id, confirmed: true };
    answer.fingerprint = criterion.fingerprint;
    app.save(scan);
    refresh();
    onChange();
  });
  refresh();
  return { element, refresh };
}
