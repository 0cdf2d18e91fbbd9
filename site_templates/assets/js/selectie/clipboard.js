// Copying the selection: as formatted HTML (pastes into Word with headings
// and real lists) plus plain text, or as plain text only. The HTML is built
// as a string for the clipboard, so every value goes through escapeHtml.
import { sourceSentence, withPeriod } from "../lib/citation.js";
import { evidenceRowText, itemText, separateTitle } from "./model.js";
import { selectionText } from "./textformats.js";

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Makes any text safe as HTML element content or a quoted attribute value. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

function itemsHtml(items) {
  if (!items || items.length === 0) return "";
  const entries = items.map((item) => `<li>${escapeHtml(itemText(item))}${itemsHtml(item.items)}</li>`);
  return `<ul>${entries.join("")}</ul>`;
}

function paragraphs(text) {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

function citationHtml(citation) {
  const link = escapeHtml(citation.permalink);
  return `<p><em>${escapeHtml(sourceSentence(citation.text))} <a href="${link}">${link}</a></em></p>`;
}

export function selectionHtml(model) {
  const parts = [`<h1>${escapeHtml(model.title)}</h1>`,
    `<p>${escapeHtml(model.dateNote)} ${escapeHtml(model.authorityNote)}</p>`,
    ...model.warnings.map((warning) => `<p><strong>${escapeHtml(warning)}</strong></p>`)];
  for (const group of model.groups) {
    parts.push(`<h2>${escapeHtml(group.title)}</h2>`);
    for (const { record, citation, note } of group.entries) {
      parts.push(`<h3>${escapeHtml(citation.heading)}</h3>`);
      const title = separateTitle(record);
      if (title) parts.push(`<p><strong>${escapeHtml(title)}</strong></p>`);
      parts.push(`<p>${escapeHtml(record.text)}</p>`, itemsHtml(record.items));
      if (record.closing) parts.push(`<p>${escapeHtml(record.closing)}</p>`);
      parts.push(citationHtml(citation));
      if (note.trim()) parts.push(`<p><strong>Notitie:</strong> ${paragraphs(note)}</p>`);
    }
  }
  if (model.evidence.length > 0) {
    parts.push("<h2>Bewijslijst</h2>");
    for (const { entry, rows } of model.evidence) {
      parts.push(`<p><strong>${escapeHtml(entry.citation.heading)}</strong></p>`);
      const items = rows.map((row) =>
        `<li>${escapeHtml(evidenceRowText(row))}${itemsHtml(row.evidence.items)}</li>`);
      parts.push(`<ul>${items.join("")}</ul>`);
    }
  }
  parts.push("<h2>Bronvermelding</h2>");
  const sources = model.sources.map((source) => {
    const link = escapeHtml(source.link);
    return `<li>${escapeHtml(`${source.title}, ${source.publisher}, ${withPeriod(source.year)} `)}<a href="${link}">${link}</a>${source.warning ? ` <strong>${escapeHtml(source.warning)}</strong>` : ""}</li>`;
  });
  parts.push(`<ul>${sources.join("")}</ul>`);
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"></head><body>${parts.join("\n")}</body></html>`;
}

/** Formatted copy: text/html for word processors, text/plain for everything else. */
export async function copyFormatted(model) {
  const item = new ClipboardItem({
    "text/html": new Blob([selectionHtml(model)], { type: "text/html" }),
    "text/plain": new Blob([selectionText(model)], { type: "text/plain" }),
  });
  await navigator.clipboard.write([item]);
}

export async function copyPlain(model) {
  await navigator.clipboard.writeText(selectionText(model));
}
