// CSV for Excel in a Dutch locale, shared by every tool that writes one:
// UTF-8 with byte-order mark, ";" between cells, CRLF between rows, a cell
// quoted when it holds ; " CR or LF.
//
// Formula safety: a spreadsheet runs a cell that starts with = + - @ as a
// formula (and one starting with tab or CR can smuggle one in), so such a cell
// gets a leading apostrophe and stays plain text. Same rule as the generator's
// data downloads (generator/render/exports.py). Applied to every cell, not
// just the reader's own text: the cell is what a spreadsheet sees.

const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value) {
  const text = String(value ?? "");
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value) {
  const text = spreadsheetSafe(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** rows: arrays of cell values. Returns the whole file as text. */
export function csvText(rows) {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
