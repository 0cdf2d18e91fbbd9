// The selection page (/selectie/): the reader's chosen criteria, grouped by
// framework or element, reorderable, each with a note; exports, a share
// link, a self-scan link and the evidence checklist. A share link
// (?ids=A,B,C) is shown as a preview first: it never overwrites the reader's
// own selection without asking.
import { loadCriteria, loadIndex } from "../lib/catalog.js";
import { copyFormatted, copyPlain } from "./clipboard.js";
import { el, itemsList, quote } from "./dom.js";
import { downloadBlob, textBlob } from "../lib/download.js";
import { buildExportModel, citationOf, citationText, evidenceRowText } from "./model.js";
import { classifyIds, idsFromSearch, selfScanUrl, shareUrl } from "./share.js";
import * as store from "./store.js";
import { evidenceCsv, selectionCsv, selectionMarkdown } from "./textformats.js";
import { dutchDate } from "../lib/dates.js";

const GROUPING_LABELS = { framework: "Per kader", element: "Per element" };

// The export model reads the whole version-2 state (`selection`); `notes`
// and `grouping` are kept for writers that only know criteria.
function notesOf(selection) {
  return new Map(selection.items.filter((entry) => entry.kind === "criterion").map((entry) => [entry.id, entry.note]));
}

function criteriaCount(count) {
  return count === 1 ? "1 criterium" : `${count} criteria`;
}

function criterionHeading(level, citation) {
  return el(`h${level}`, { class: "kk-sel-criterion-heading" },
    el("a", { href: citation.permalink }, citation.heading));
}

function criterionUrl(siteRoot, index, id) {
  return new URL(`kaders/${index.criteria[id][0]}/#${id}`, siteRoot).href;
}

/** Unknown and retired IDs, listed so that nothing disappears without a word. */
function missingList(siteRoot, index, classified, removable) {
  const rows = [
    ...classified.retired.map(({ id, replacedBy }) => el("li", { "data-missing-id": id },
      el("code", {}, id), " — vervallen",
      replacedBy && Object.hasOwn(index.criteria, replacedBy)
        ? [", vervangen door ", el("a", { href: criterionUrl(siteRoot, index, replacedBy) }, replacedBy)] : null,
      ".", removable ? removable(id) : null)),
    ...classified.unknown.map((id) => el("li", { "data-missing-id": id },
      el("code", {}, id), " — onbekend: dit criterium bestaat niet op deze site.", removable ? removable(id) : null)),
  ];
  return rows.length === 0 ? null : el("ul", { class: "kk-sel-missing" }, rows);
}

export async function mount(root, { siteRoot }) {
  const index = await loadIndex(siteRoot);
  const status = el("p", { class: "kk-sel-status", role: "status" });
  const sharedPart = el("div", { class: "kk-sel-shared-part" });
  const ownPart = el("div", { class: "kk-sel-own-part" });
  root.replaceChildren(status, sharedPart, ownPart);
  root.classList.add("kk-sel");

  // The status line floats at the bottom of the window, so a message shows
  // wherever the button was; it clears itself after a while.
  let clearStatus = null;
  const announce = (message) => {
    status.textContent = message;
    clearTimeout(clearStatus);
    clearStatus = setTimeout(() => { status.textContent = ""; }, 8000);
  };

  // After a re-render the old nodes are gone; this says where focus goes.
  let focusAfterRender = null;
  let renderCount = 0;

  function restoreFocus() {
    const target = focusAfterRender && focusAfterRender();
    focusAfterRender = null;
    if (target) target.focus();
  }

  // ---- Shared-link preview -------------------------------------------------

  async function renderShared(sharedIds) {
    const classified = classifyIds(index, sharedIds);
    const records = await loadCriteria(siteRoot, classified.known);
    const ownCount = store.selectedIds().length;
    const close = (message) => {
      history.replaceState(null, "", location.pathname);
      sharedPart.replaceChildren();
      announce(message);
      // The store's change event has already started a re-render; it moves focus here.
      focusAfterRender = () => ownPart.querySelector("h2");
    };
    const knownCount = classified.known.length;
    sharedPart.replaceChildren(el("section", { class: "kk-card kk-sel-shared", "aria-labelledby": "kk-sel-shared-heading" },
      el("h2", { id: "kk-sel-shared-heading", tabindex: "-1" }, "Gedeelde selectie"),
      el("p", {}, `Deze link bevat ${criteriaCount(sharedIds.length)}. `
        + `Uw eigen selectie (${ownCount}) verandert pas als u hieronder kiest wat u ermee doet.`),
      records.length > 0 ? el("ol", { class: "kk-sel-shared-list" }, records.map((record) => {
        const citation = citationOf(index, siteRoot, record);
        return el("li", { "data-criterion-id": record.id }, criterionHeading(3, citation), quote(record));
      })) : null,
      classified.retired.length + classified.unknown.length > 0 ? [
        el("h3", {}, "Niet gevonden"),
        el("p", {}, "Deze ID's uit de link staan niet (meer) in de kaders op deze site en worden niet overgenomen:"),
        missingList(siteRoot, index, classified, null),
      ] : null,
      el("p", { class: "kk-sel-buttons" },
        el("button", { type: "button", class: "md-button md-button--primary", disabled: knownCount === 0,
          on: { click: () => { store.replaceIds(classified.known); close(`Gedeelde selectie overgenomen: ${criteriaCount(knownCount)}.`); } } },
        "Neem deze selectie over"),
        " ",
        el("button", { type: "button", class: "md-button", disabled: knownCount === 0,
          on: { click: () => { store.addIds(classified.known); close("Gedeelde criteria toegevoegd aan uw selectie."); } } },
        "Voeg toe aan mijn selectie"),
        " ",
        knownCount > 0 ? el("a", { class: "md-button", href: selfScanUrl(siteRoot, classified.known) },
          "Start zelfscan met deze criteria") : null),
    ));
  }

  // ---- The reader's own selection -------------------------------------------

  function emptyState() {
    const pageLink = (path, text) => el("a", { href: new URL(path, siteRoot).href }, text);
    return el("div", { class: "kk-sel-empty" },
      el("p", {}, "U heeft nog geen criteria geselecteerd."),
      el("p", {}, "Bij elk criterium staat een knop ", el("strong", {}, "Selecteer"),
        ". Daarmee zet u het criterium in deze selectie. U vindt de criteria hier:"),
      el("ul", {},
        el("li", {}, pageLink("kaders/", "Kaders"), ": alle criteria per kwaliteitskader;"),
        el("li", {}, pageLink("themas/", "Thema's"), ": criteria per element, uit alle kaders;"),
        el("li", {}, pageLink("zoeken/", "Zoeken"), ": zoek op woorden en filters.")),
      el("p", {}, "Daarna kunt u hier de criteria ordenen, per criterium een notitie maken, "
        + "alles met bronvermelding kopiëren of downloaden, de selectie delen en een zelfscan starten."));
  }

  // Reader-facing names of the shown criteria (their citation heading), for
  // button labels and announcements: never the internal ID.
  const names = new Map();
  const nameOf = (id) => names.get(id) || id; // an unknown or retired ID has no other name

  function moveButtons(id, groupIds) {
    const position = groupIds.indexOf(id);
    const move = (offset, label) => el("button", {
      type: "button", class: "md-button kk-sel-small", "data-action": offset < 0 ? "up" : "down", "data-id": id,
      "aria-label": `${label}: ${nameOf(id)}`, disabled: position + offset < 0 || position + offset >= groupIds.length,
      on: { click: () => moveWithinGroup(id, groupIds, offset) },
    }, label);
    return [move(-1, "Omhoog"), " ", move(1, "Omlaag")];
  }

  // Moves the criterion one place among the criteria shown in its group;
  // the stored list keeps every other criterion where it was.
  function moveWithinGroup(id, groupIds, offset) {
    const from = groupIds.indexOf(id);
    const neighbour = groupIds[from + offset];
    const order = store.selectedIds();
    const a = order.indexOf(id);
    const b = order.indexOf(neighbour);
    [order[a], order[b]] = [order[b], order[a]];
    const direction = offset < 0 ? "up" : "down";
    focusAfterRender = () => {
      const same = ownPart.querySelector(`[data-action="${direction}"][data-id="${CSS.escape(id)}"]`);
      if (same && !same.disabled) return same;
      return ownPart.querySelector(`[data-action="${direction === "up" ? "down" : "up"}"][data-id="${CSS.escape(id)}"]`);
    };
    store.reorder(order);
    announce(`${nameOf(id)} staat nu op plaats ${from + offset + 1} van ${groupIds.length} in deze groep.`);
  }

  function removeCriterion(id) {
    const order = store.selectedIds();
    const next = order[order.indexOf(id) + 1] || order[order.indexOf(id) - 1];
    focusAfterRender = () => (next && ownPart.querySelector(`[data-action="remove"][data-id="${CSS.escape(next)}"]`))
      || ownPart.querySelector("h2");
    store.remove(id);
    announce(`${nameOf(id)} verwijderd uit de selectie.`);
  }

  function removeButton(id) {
    return el("button", { type: "button", class: "md-button kk-sel-small", "data-action": "remove", "data-id": id,
      "aria-label": `Verwijder: ${nameOf(id)}`, on: { click: () => removeCriterion(id) } }, "Verwijder");
  }

  function criterionItem(entry, groupIds) {
    const { record, citation, note } = entry;
    names.set(record.id, citation.heading);
    const noteId = `kk-sel-note-${record.id}`;
    return el("li", { class: "kk-sel-item", "data-criterion-id": record.id },
      criterionHeading(4, citation),
      quote(record),
      el("p", { class: "kk-sel-citation" }, citationText(citation)),
      el("div", { class: "kk-sel-note" },
        el("label", { for: noteId }, "Notitie voor uw document"),
        el("textarea", { id: noteId, rows: "2", placeholder: "bijvoorbeeld: pas toe of leg uit",
          on: { input: (event) => store.setNote(record.id, event.target.value) } }, note)),
      el("p", { class: "kk-sel-item-actions" }, moveButtons(record.id, groupIds), " ", removeButton(record.id)));
  }

  function groupingSwitch(grouping) {
    return el("fieldset", { class: "kk-sel-grouping" },
      el("legend", {}, "Groeperen"),
      Object.entries(GROUPING_LABELS).map(([value, label]) => el("label", {},
        el("input", { type: "radio", name: "kk-sel-grouping", value, checked: value === grouping,
          on: { change: () => {
            focusAfterRender = () => ownPart.querySelector(`input[name="kk-sel-grouping"][value="${value}"]`);
            store.setGrouping(value);
            announce(`Gegroepeerd ${label.toLowerCase()}.`);
          } } }),
        ` ${label}`)));
  }

  // Reads the notes and order at the moment of export, so nothing is stale.
  async function currentModel() {
    const selection = store.getSelection();
    const records = await loadCriteria(siteRoot, store.selectedIds());
    return buildExportModel({ index, siteRoot, records, notes: notesOf(selection), grouping: selection.grouping, selection });
  }

  const fileName = (extension, kind = "selectie-kwaliteitscriteria") => `${kind}-${index.build_date}.${extension}`;

  const EXPORTS = [
    ["Kopieer (opgemaakt)", async (model) => { await copyFormatted(model); return "Gekopieerd met opmaak: plak het in uw document."; }],
    ["Kopieer als platte tekst", async (model) => { await copyPlain(model); return "Gekopieerd als platte tekst."; }],
    ["Download Word (.docx)", async (model) => {
      const { selectionDocx } = await import("./docx.js"); // with fflate: loaded only when asked for
      downloadBlob(selectionDocx(model), fileName("docx"));
      return "Word-bestand gedownload.";
    }],
    // The same annex as an open document and both as spreadsheets (xlsx.js, odf.js).
    ...[["Excel (.xlsx)", "./xlsx.js", "selectionXlsx", "xlsx", "Excel-bestand"],
      ["ODF-tekst (.odt)", "./odf.js", "selectionOdt", "odt", "ODF-tekstbestand (OpenDocument)"],
      ["ODF-rekenblad (.ods)", "./odf.js", "selectionOds", "ods", "ODF-rekenblad (OpenDocument)"],
    ].map(([label, module, writer, extension, what]) => [`Download ${label}`, async (model) => {
      const writers = await import(module); // with fflate: loaded only when asked for
      downloadBlob(writers[writer](model), fileName(extension));
      return `${what} gedownload.`;
    }]),
    ["Download CSV", async (model) => { downloadBlob(textBlob(selectionCsv(model), "text/csv"), fileName("csv")); return "CSV-bestand gedownload."; }],
    ["Download Markdown", async (model) => {
      downloadBlob(textBlob(selectionMarkdown(model), "text/markdown"), fileName("md"));
      return "Markdown-bestand gedownload.";
    }],
  ];

  function exportButton(label, action) {
    return el("button", { type: "button", class: "md-button", on: { click: async () => {
      try {
        announce(await action(await currentModel()));
      } catch (error) {
        announce(`Dat lukte niet (${error.message}). Probeer een andere exportvorm.`);
      }
    } } }, label);
  }

  function usePanel(ids) {
    const link = shareUrl(siteRoot, ids);
    return el("section", { class: "kk-card kk-sel-use", id: "kk-sel-use", "aria-labelledby": "kk-sel-use-heading" },
      el("h2", { id: "kk-sel-use-heading" }, "Exporteren en delen"),
      el("h3", {}, "Exporteren"),
      el("p", {}, `Elke export noemt per criterium de bron (kader, uitgever, jaar, nummer en vaste link), `
        + `de datum van de gegevens (${dutchDate(index.build_date)}) en dat het originele document leidend blijft.`),
      el("p", { class: "kk-sel-buttons" }, EXPORTS.map(([label, action]) => [exportButton(label, action), " "])),
      el("h3", {}, "Delen"),
      el("p", {}, "Met deze link opent een collega dezelfde criteria in dezelfde volgorde. Uw notities gaan niet mee."),
      el("p", { class: "kk-sel-share" },
        el("label", { for: "kk-sel-share-link" }, "Deellink"),
        el("input", { id: "kk-sel-share-link", type: "text", readonly: true, value: link }),
        el("button", { type: "button", class: "md-button", on: { click: async () => {
          try {
            await navigator.clipboard.writeText(link);
            announce("Deellink gekopieerd.");
          } catch {
            announce("Kopiëren lukte niet; selecteer de link en kopieer handmatig.");
          }
        } } }, "Kopieer deellink")),
      el("h3", {}, "Zelfscan"),
      el("p", {}, "Een aanbieder kan zichzelf toetsen aan precies deze criteria."),
      el("p", {}, el("a", { class: "md-button md-button--primary", href: selfScanUrl(siteRoot, ids), "data-selfscan-link": "" },
        `Start zelfscan met ${ids.length === 1 ? "dit criterium" : `deze ${criteriaCount(ids.length)}`}`)));
  }

  function evidenceSection(model) {
    const intro = "De documenten die een aanbieder bij deze criteria kan aanleveren, volgens de kaders zelf: "
      + "“Verificatie aanleveren” is een eis uit het kader, “Mogelijk bewijs” een suggestie. "
      + "Wat bij meer criteria hoort, staat één keer in de lijst.";
    const body = model.evidence.length === 0
      ? [el("p", {}, "Bij de gekozen criteria noemen de kaders geen bewijsstukken.")]
      : [el("p", {}, intro),
        model.evidence.map(({ entry, rows }) => [
          el("h3", {}, entry.citation.heading),
          el("ul", { class: "kk-sel-evidence-list", "data-criterion-id": entry.record.id },
            rows.map((row) => el("li", {}, evidenceRowText(row), itemsList(row.evidence.items)))),
        ]),
        el("p", {}, el("button", { type: "button", class: "md-button", on: { click: () => {
          downloadBlob(textBlob(evidenceCsv(model), "text/csv"), fileName("csv", "bewijslijst"));
          announce("Bewijslijst gedownload.");
        } } }, "Download bewijslijst (CSV)"))];
    return el("section", { class: "kk-sel-evidence", "aria-labelledby": "kk-sel-evidence-heading" },
      el("h2", { id: "kk-sel-evidence-heading" }, "Bewijslijst"), body);
  }

  function clearAllControl() {
    const area = el("div", { class: "kk-sel-clear" });
    const ask = el("button", { type: "button", class: "md-button", on: { click: () => {
      const confirm = el("button", { type: "button", class: "md-button md-button--primary", on: { click: () => {
        focusAfterRender = () => ownPart.querySelector("h2");
        store.clearAll();
        announce("De selectie is leeg.");
      } } }, "Ja, alles verwijderen");
      const cancel = el("button", { type: "button", class: "md-button", on: { click: () => {
        area.replaceChildren(ask);
        ask.focus();
      } } }, "Annuleren");
      area.replaceChildren(el("p", {}, "Weet u het zeker? Alle criteria en notities verdwijnen uit deze selectie."),
        el("p", { class: "kk-sel-buttons" }, confirm, " ", cancel));
      confirm.focus();
    } } }, "Alles verwijderen");
    area.append(ask);
    return area;
  }

  async function render() {
    const thisRender = ++renderCount;
    const selection = store.getSelection();
    const ids = store.selectedIds();
    const classified = classifyIds(index, ids);
    const records = await loadCriteria(siteRoot, classified.known);
    if (thisRender !== renderCount) return; // a newer change is already being drawn
    const model = buildExportModel({ index, siteRoot, records, notes: notesOf(selection), grouping: selection.grouping, selection });

    const heading = el("h2", { id: "kk-sel-own-heading", tabindex: "-1" }, `Uw selectie (${ids.length})`);
    const parts = [heading];
    if (!store.isPersistent()) {
      parts.push(el("p", { class: "kk-sel-warning" }, "Uw browser staat niet toe dat deze site gegevens bewaart. "
        + "De selectie werkt, maar verdwijnt zodra u deze pagina sluit."));
    }
    if (ids.length === 0) {
      parts.push(emptyState());
    } else {
      parts.push(el("p", {}, "Uw selectie wordt alleen in deze browser bewaard; er wordt niets verstuurd."));
      // The criteria come first; the export controls sit beside them on a wide
      // screen and after them on a phone, where a link jumps down to them.
      if (records.length > 0) {
        parts.push(el("p", { class: "kk-sel-jump" }, el("a", { href: "#kk-sel-use" }, "Naar exporteren en delen")));
      }
      for (const warning of model.warnings) parts.push(el("p", { class: "kk-sel-warning kk-lifecycle-warning" }, warning));
      const missing = missingList(siteRoot, index, classified, (id) => [" ", removeButton(id)]);
      if (missing) {
        parts.push(el("h3", {}, "Niet meer gevonden"),
          el("p", {}, "Deze criteria uit uw selectie staan niet (meer) in de kaders op deze site:"), missing);
      }
      if (records.length > 0) {
        const criteria = [el("h2", {}, "Criteria"), groupingSwitch(selection.grouping)];
        for (const group of model.groups) {
          const groupIds = group.entries.map((entry) => entry.record.id);
          criteria.push(el("section", { class: "kk-sel-group" },
            el("h3", {}, `${group.title} (${group.entries.length})`),
            el("ol", { class: "kk-sel-list" }, group.entries.map((entry) => criterionItem(entry, groupIds)))));
        }
        criteria.push(evidenceSection(model));
        parts.push(el("div", { class: "kk-sel-layout" }, el("div", { class: "kk-sel-main" }, criteria),
          usePanel(classified.known)));
      }
      parts.push(el("h2", {}, "Selectie leegmaken"), clearAllControl());
    }
    ownPart.replaceChildren(...parts.flat());
    restoreFocus();
  }

  store.onSelectionChange((reason) => {
    if (reason !== "details") render();
  });

  const sharedIds = idsFromSearch(location.search);
  if (sharedIds !== null) await renderShared(sharedIds);
  await render();
}
