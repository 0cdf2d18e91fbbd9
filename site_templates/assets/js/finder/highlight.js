// Marks what matched inside a shown text. Ranges are found on the folded
// text (same offsets as the original, see normalise.js) and the original
// text is cut into text nodes and <mark> elements: the text itself is never
// parsed as HTML and never altered.
import { INFIX_MIN_LENGTH, findPhrase } from "./engine.js";

function termRanges(field, term, matchedWords, ranges) {
  for (const token of field.tokens) {
    const found = matchedWords.get(token.word);
    if (!found) continue;
    if (found.part) {
      // Mark the typed part only: "beleid" inside "medicatiebeleid".
      const part = found.part;
      const step = part.length < INFIX_MIN_LENGTH ? Infinity : 1;
      for (let at = token.word.indexOf(part); at !== -1; at = token.word.indexOf(part, at + step)) {
        ranges.push([token.start + at, token.start + at + part.length]);
        if (step === Infinity) break;
      }
    } else {
      ranges.push([token.start, token.end]);
    }
  }
  // "(wijk)teams" matched as "wijkteams": mark the whole written form.
  for (const joined of field.joined) if (matchedWords.has(joined.word)) ranges.push([joined.start, joined.end]);
}

/** [start, end) ranges to mark in a field for the query's matches (engine.search().matches). */
export function matchRanges(field, clauses, matches) {
  const ranges = [];
  clauses.forEach((clause, c) => {
    clause.alternatives.forEach((alternative, a) => {
      if (alternative.kind === "term") {
        termRanges(field, alternative.word, matches[c][a].matchedWords, ranges);
      } else {
        for (const hit of findPhrase(field.tokens, alternative)) ranges.push([hit.start, hit.end]);
      }
    });
  });
  ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Appends `text` to `parent` with the given ranges wrapped in <mark>. */
export function appendHighlighted(parent, text, ranges) {
  let position = 0;
  for (const [start, end] of ranges) {
    if (start > position) parent.append(document.createTextNode(text.slice(position, start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    position = end;
  }
  if (position < text.length) parent.append(document.createTextNode(text.slice(position)));
}
