// Text normalisation shared by the finder's query parser, matcher and
// highlighter. It must give exactly what fold() in
// generator/render/search_index.py gives, because the vocabulary in the index
// was built with that: per character, canonical decomposition without the
// combining marks, then lower case (ë → e, É → e). A character that would not
// stay one character is only lower-cased, so offsets in the folded text are
// offsets in the original text and highlights land on the right letters.

const COMBINING_MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const foldedChars = new Map();

function foldChar(char) {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = char.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
    if (folded.length !== 1) {
      const lowered = char.toLowerCase();
      folded = lowered.length === 1 ? lowered : char;
    }
    foldedChars.set(char, folded);
  }
  return folded;
}

const ASCII_CAPITALS = /[A-Z]+/g;
const NON_ASCII = /[^\x00-\x7f]/g;

/** Accent- and case-folded text, same length as the input. */
export function fold(text) {
  // ASCII only needs lower-casing (the common case, done natively); other
  // characters one by one, so none can change the length.
  return text.replace(ASCII_CAPITALS, (run) => run.toLowerCase()).replace(NON_ASCII, foldChar);
}

/** Words of an already folded text with their offsets: [{word, start, end}]. */
export function tokens(foldedText) {
  const found = [];
  for (const match of foldedText.matchAll(WORD)) {
    found.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The normalised words of any text. */
export function words(text) {
  return fold(text).match(WORD) || [];
}

// "(wijk)teams", "cliënt(en)": a word part in brackets glued to a word. Same
// rule as joined_forms() in generator/render/search_index.py.
const BRACKETED = /[\p{L}\p{N}]*\([\p{L}\p{N}]+\)[\p{L}\p{N}]*/gu;
const BRACKETS = /[()]/g;

/** Words that brackets split, joined, with offsets of the whole: [{word, start, end}]. */
export function joinedForms(foldedText) {
  const found = [];
  for (const match of foldedText.matchAll(BRACKETED)) {
    const text = match[0];
    if (text.startsWith("(") && text.endsWith(")")) continue;
    found.push({ word: text.replace(BRACKETS, ""), start: match.index, end: match.index + text.length });
  }
  return found;
}
