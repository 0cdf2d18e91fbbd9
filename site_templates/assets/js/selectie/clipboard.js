// Copying the tender annex: as formatted HTML (pastes into Word with
// headings, real lists, quotes and the reference table) plus plain text, or
// as plain text only. Written from the annex model like every export. The
// HTML is built as a string for the clipboard, so every value goes through
// escapeHtml.
import { sourceSentence } from "../lib/citation.js";
import { evidenceText, itemText, OWN_REQUIREMENT, originalText, separateTitle, sourceText, tenderLabel, tenderLines } from "./model.js";
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

function link(url) {
  const safe = escapeHtml(url);
  return `<a href="${safe}">${safe}</a>`;
}

function quoteHtml(entry) {
  const { record } = entry;
  const title = separateTitle(record);
  const parts = [];
  if (title) parts.push(`<p><strong>${escapeHtml(title)}</strong></p>`);
  parts.push(`<p>${escapeHtml(record.text)}</p>`, itemsHtml(record.items));
  if (record.closing) parts.push(`<p>${escapeHtml(record.closing)}</p>`);
  const evidence = entry.evidence.map((group) => `<p><em>${escapeHtml(group.label)}</em></p><ul>${group.entries.map((item) =>
    `<li>${escapeHtml(evidenceText(item))}${itemsHtml(item.items)}</li>`).join("")}</ul>`);
  return `<blockquote>${parts.join("")}</blockquote>${evidence.join("")}`;
}

function entryHtml(entry) {
  const parts = [`<h3>${escapeHtml(entry.heading)}</h3>`];
  if (entry.kind === "own") {
    parts.push(`<p><strong>${OWN_REQUIREMENT}</strong> <em>(tekst van de opdrachtgever)</em></p>`,
      `<p>${paragraphs(entry.text)}</p>`);
  } else {
    if (entry.frameworkLine) parts.push(`<p>${escapeHtml(entry.frameworkLine)}</p>`);
    parts.push(quoteHtml(entry),
      `<p><em>${escapeHtml(sourceSentence(entry.citation.text))} ${link(entry.citation.permalink)}</em></p>`);
  }
  for (const line of tenderLines(entry)) {
    parts.push(`<p><strong>${escapeHtml(tenderLabel(line))}:</strong> ${paragraphs(line[1])}</p>`);
  }
  return parts.join("");
}

function referenceHtml(model) {
  const last = model.reference.columns.length - 1;
  const header = model.reference.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join("");
  const rows = model.reference.rows.map((row) => `<tr>${row.map((cell, column) =>
    `<td>${column === last && cell ? link(cell) : escapeHtml(cell)}</td>`).join("")}</tr>`);
  return `<table border="1"><thead><tr>${header}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export function selectionHtml(model) {
  const parts = [`<h1>${escapeHtml(model.title)}</h1>`,
    `<p>${escapeHtml(model.dateNote)} ${escapeHtml(model.authorityNote)}</p>`,
    `<p><em>${escapeHtml(model.ownTextNote)}</em></p>`,
    ...model.warnings.map((warning) => `<p><strong>${escapeHtml(warning)}</strong></p>`),
    ...(model.weightProblem ? [`<p><strong>Let op: ${escapeHtml(model.weightProblem)}</strong></p>`] : [])];
  for (const section of model.sections) {
    parts.push(`<h2>${escapeHtml(`${section.number} ${section.title}`)}</h2>`, ...section.entries.map(entryHtml));
  }
  if (model.reference.rows.length > 0) parts.push("<h2>Referentietabel</h2>", referenceHtml(model));
  parts.push("<h2>Bronvermelding</h2>");
  const sources = model.sources.map((source) => `<li>${escapeHtml(`${sourceText(source)} Op deze site: `)}${link(source.link)}`
    + `${source.warning ? ` <strong>${escapeHtml(source.warning)}</strong>` : ""}`
    + `<ul><li>${source.original ? `Origineel document: ${link(source.original)}` : escapeHtml(originalText(source))}</li></ul></li>`);
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
