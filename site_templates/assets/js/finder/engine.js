// The finder's matcher and ranking, without any DOM: given the index built by
// generator/render/search_index.py and parsed query clauses, which criteria
// match and how well. Kept pure so the rules are easy to read and to measure.
//
// Matching a typed word against the vocabulary (distinct words of all texts,
// including section and framework titles and bracket-joined words such as
// "wijkteams" from "(wijk)teams"):
//   - equal to a word                               → whole-word match
//   - another form of the same word: equal word-form key (wordforms.js:
//     klachten ~ klacht, personen ~ persoon, mantelzorgers ~ mantelzorg)
//                                                   → form match
//   - inside a word (compound parts: beleid in medicatiebeleid), or one of
//     the word's forms found above inside a word (klachten → klachtbehandeling
//     via klacht), or the key ending a word's key (persoon → vertrouwenspersonen);
//     words of one or two letters only at the start of a word (prefix while typing)
//                                                   → partial match
//   - only if none of those finds anything (the word is probably
//     misspelled) and it has FUZZY_MIN_LENGTH letters or more: a word that
//     contains it with one letter added, dropped, changed, or two adjacent
//     letters swapped → typo match. Always trying typos would drown "beleid"
//     in every "begeleiding" (b→g), so typo matching is a fallback.
// Every matched word is then expanded to the criteria that contain it.
//
// Ranking (BM25-like): every posting carries the word's weight in that
// criterion, computed at build time over its fields (title ×3, opening of the
// text ×2, section title ×1, rest of the text and items ×1, framework title
// ×0.5, notes ×0.3; term frequency saturated and normalised by field length).
// A typed word scores a criterion by the sum over the vocabulary words it
// matched there of weight × QUALITY of the match (a criterion that uses
// klacht, klachten and klachtenprocedure is more about complaints than one
// that says klachtenprocedure once); a clause takes its best alternative
// (synonyms), times the clause's IDF (rarer clauses count more). A criterion's
// score is the sum over clauses; higher first, ties in catalog order
// (framework order, then position in the framework).
import { fold, tokens, joinedForms } from "./normalise.js";
import { formKey } from "./wordforms.js";

export const FUZZY_MIN_LENGTH = 5;
export const INFIX_MIN_LENGTH = 3;
// A form of the typed word found in the vocabulary is searched inside other
// words only from this length on (zorg would be inside too many words).
export const FORM_INFIX_MIN_LENGTH = 5;

export const MATCH = { WHOLE: 4, FORM: 3, PARTIAL: 2, TYPO: 1 };
export const QUALITY = { [MATCH.WHOLE]: 1, [MATCH.FORM]: 0.9, [MATCH.PARTIAL]: 0.7, [MATCH.TYPO]: 0.4 };
// Weights of fields for phrases, which are matched on the texts at query time.
export const FIELD_BOOST = { title: 3, opening: 2, body: 1, section: 1, framework: 0.5, notes: 0.3 };
export const OPENING_WORDS = 12;
const WEIGHT_SCALE = 10;
const POSTING_SHIFT = 7; // posting = criterion << 7 | weight
const WEIGHT_MASK = 127;

/**
 * True if `term` occurs in `word` with at most one edit: a letter added,
 * dropped or changed, or two adjacent letters swapped.
 */
export function containsWithOneEdit(word, term) {
  const n = term.length;
  // One edit leaves the term's first or last part (minus the letter next to
  // the middle, which a swap may move) untouched, so that part must occur.
  const half = n >> 1;
  if (!word.includes(term.slice(0, half - 1)) && !word.includes(term.slice(half + 1))) return false;
  // Approximate substring matching (optimal string alignment distance, free
  // start and end in `word`); rows are positions in `word`.
  let before = new Array(n + 1).fill(0); // row j-2
  let previous = new Array(n + 1);
  let current = new Array(n + 1);
  for (let i = 0; i <= n; i += 1) previous[i] = i;
  for (let j = 0; j < word.length; j += 1) {
    current[0] = 0;
    const char = word[j];
    for (let i = 1; i <= n; i += 1) {
      let best = Math.min(previous[i - 1] + (term[i - 1] === char ? 0 : 1), previous[i] + 1, current[i - 1] + 1);
      if (i > 1 && j > 0 && term[i - 1] === word[j - 1] && term[i - 2] === char) best = Math.min(best, before[i - 2] + 1);
      current[i] = best;
    }
    if (current[n] <= 1) return true;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n] <= 1;
}

/** Edit distance (with adjacent swaps) between two whole words, or limit + 1 if more than limit. */
export function editDistance(a, b, limit = 2) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_v, i) => i);
  let current = new Array(b.length + 1);
  for (let j = 1; j <= a.length; j += 1) {
    current[0] = j;
    let rowBest = j;
    for (let i = 1; i <= b.length; i += 1) {
      let best = Math.min(previous[i - 1] + (a[j - 1] === b[i - 1] ? 0 : 1), previous[i] + 1, current[i - 1] + 1);
      if (i > 1 && j > 1 && a[j - 1] === b[i - 2] && a[j - 2] === b[i - 1]) best = Math.min(best, before[i - 2] + 1);
      current[i] = best;
      rowBest = Math.min(rowBest, best);
    }
    if (rowBest > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** How `word` matches typed `term` by the rules that need no vocabulary (equal, form, inside), or 0. */
export function matchWord(word, term, termKey = formKey(term)) {
  if (word === term) return MATCH.WHOLE;
  if (term.length >= INFIX_MIN_LENGTH && formKey(word) === termKey) return MATCH.FORM;
  if (term.length < INFIX_MIN_LENGTH ? word.startsWith(term) : word.includes(term)) return MATCH.PARTIAL;
  return 0;
}

/** Higher score first; equal scores in catalog order. */
export function compareResults(a, b) {
  return b.score - a.score || a.index - b.index;
}

function inverseDocumentFrequency(total, matching) {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

export class SearchEngine {
  constructor(index) {
    this.index = index;
    this.criteria = index.criteria;
    this.count = index.criteria.length;
    // Word-form key per vocabulary word (the index stores 0 where the key is the word).
    this.keys = index.words.map((word, w) => index.keys[w] || word);
    this.termCache = new Map();
    this.fieldCache = new Map();
  }

  /** Folded and tokenised fields of a criterion, computed once. */
  fields(criterionIndex) {
    let cached = this.fieldCache.get(criterionIndex);
    if (!cached) {
      const record = this.criteria[criterionIndex];
      const framework = this.index.frameworks[record.f];
      const field = (text, kind) => {
        const folded = fold(text);
        return { text, kind, folded, tokens: tokens(folded), joined: joinedForms(folded) };
      };
      cached = {
        title: record.title ? field(record.title, "title") : null,
        text: field(record.text, "text"),
        items: record.items.map((row) => field(row[2], "body")),
        closing: record.closing ? field(record.closing, "body") : null,
        notes: record.notes.map((row) => field(row[1], "notes")),
        section: field(this.index.sections[record.s], "section"),
        framework: [...new Set([framework.full, framework.title])].map((title) => field(title, "framework")),
      };
      cached.own = [cached.title, cached.text, ...cached.items, cached.closing].filter(Boolean);
      cached.context = [cached.section, ...cached.framework];
      this.fieldCache.set(criterionIndex, cached);
    }
    return cached;
  }

  /**
   * Score per criterion for one typed word, and the vocabulary words it
   * matched (word → {match, part}: part is the text inside the word that
   * matched, for highlighting, or null for the whole word).
   */
  matchTerm(term) {
    const cached = this.termCache.get(term);
    if (cached) return cached;
    const { words } = this.index;
    const key = formKey(term);
    const matchedWords = new Map();
    const matched = [];
    const add = (w, match, part = null) => {
      matchedWords.set(words[w], { match, part });
      matched.push([w, match]);
    };
    const forms = [];
    for (let w = 0; w < words.length; w += 1) {
      const word = words[w];
      if (word === term) {
        add(w, MATCH.WHOLE);
      } else if (term.length >= INFIX_MIN_LENGTH && this.keys[w] === key) {
        add(w, MATCH.FORM);
        if (word.length >= FORM_INFIX_MIN_LENGTH) forms.push(word);
      } else if (term.length < INFIX_MIN_LENGTH ? word.startsWith(term) : word.includes(term)) {
        add(w, MATCH.PARTIAL, term);
      }
    }
    if (term.length >= FORM_INFIX_MIN_LENGTH && term !== key) forms.push(term);
    const headKey = key.length >= FORM_INFIX_MIN_LENGTH ? key : null;
    if (forms.length || headKey) {
      for (let w = 0; w < words.length; w += 1) {
        const word = words[w];
        if (matchedWords.has(word)) continue;
        const form = forms.find((f) => word.includes(f));
        if (form) add(w, MATCH.PARTIAL, form);
        else if (headKey && this.keys[w].endsWith(headKey)) add(w, MATCH.PARTIAL);
      }
    }
    if (!matched.length && term.length >= FUZZY_MIN_LENGTH) {
      for (let w = 0; w < words.length; w += 1) if (containsWithOneEdit(words[w], term)) add(w, MATCH.TYPO);
    }
    const scores = new Float32Array(this.count);
    const { postings } = this.index;
    for (const [w, match] of matched) {
      const quality = QUALITY[match];
      for (const posting of postings[w]) {
        const criterion = posting >> POSTING_SHIFT;
        scores[criterion] += (posting & WEIGHT_MASK) * quality;
      }
    }
    const result = { scores, matchedWords };
    if (this.termCache.size > 500) this.termCache.clear();
    this.termCache.set(term, result);
    return result;
  }

  /** Best weight per criterion for words in sequence (see query.js for `edges`). */
  matchPhrase(alternative) {
    const key = `${alternative.edges}:${alternative.words.join(" ")}`;
    const cached = this.termCache.get(key);
    if (cached) return cached;
    const scores = new Float32Array(this.count);
    // Candidates: criteria containing the phrase's longest word somewhere.
    const longest = alternative.words.reduce((a, b) => (b.length > a.length ? b : a));
    const { words, postings } = this.index;
    const candidates = new Set();
    for (let w = 0; w < words.length; w += 1) {
      if (words[w].includes(longest)) for (const posting of postings[w]) candidates.add(posting >> POSTING_SHIFT);
    }
    for (const criterion of candidates) {
      const fields = this.fields(criterion);
      let best = 0;
      for (const field of [...fields.own, ...fields.context, ...fields.notes]) {
        for (const hit of findPhrase(field.tokens, alternative)) {
          const kind = field.kind === "text" ? (hit.token < OPENING_WORDS ? "opening" : "body") : field.kind;
          best = Math.max(best, FIELD_BOOST[kind] * WEIGHT_SCALE * (hit.whole ? 1 : QUALITY[MATCH.PARTIAL]));
        }
      }
      scores[criterion] = best;
    }
    const result = { scores, phrase: alternative };
    this.termCache.set(key, result);
    return result;
  }

  matchAlternative(alternative) {
    return alternative.kind === "term" ? this.matchTerm(alternative.word) : this.matchPhrase(alternative);
  }

  /**
   * Every matching criterion as {index, score}, ranked (compareResults).
   * Also returns per clause the matches of its alternatives, for highlighting.
   */
  search(clauses) {
    if (!clauses.length) {
      return { results: this.criteria.map((_c, index) => ({ index, score: 0 })), matches: [] };
    }
    const matches = clauses.map((clause) => clause.alternatives.map((a) => this.matchAlternative(a)));
    const clauseScores = matches.map((alternatives) => {
      let best = alternatives[0].scores;
      if (alternatives.length > 1) {
        best = new Float32Array(this.count);
        for (const { scores } of alternatives) {
          for (let c = 0; c < this.count; c += 1) if (scores[c] > best[c]) best[c] = scores[c];
        }
      }
      let matching = 0;
      for (let c = 0; c < this.count; c += 1) if (best[c]) matching += 1;
      return { best, idf: inverseDocumentFrequency(this.count, matching) };
    });
    const results = [];
    for (let c = 0; c < this.count; c += 1) {
      let score = 0;
      for (const { best, idf } of clauseScores) {
        if (!best[c]) { score = -1; break; }
        score += best[c] * idf;
      }
      if (score > 0) results.push({ index: c, score });
    }
    results.sort(compareResults);
    return { results, matches };
  }

  /**
   * For a query without results: per term clause that matches nothing, the
   * vocabulary word closest to it (at most two edits; the most frequent of
   * the closest). Returns [{from, to}] (empty when there is nothing to correct).
   */
  corrections(clauses) {
    const { words, postings } = this.index;
    const found = [];
    for (const clause of clauses) {
      const alternative = clause.alternatives[0];
      if (alternative.kind !== "term" || alternative.word.length < 4) continue;
      if (this.matchTerm(alternative.word).matchedWords.size) continue;
      const term = alternative.word;
      let best = null;
      for (let w = 0; w < words.length; w += 1) {
        const distance = editDistance(term, words[w], 2);
        if (distance > 2) continue;
        const rank = [distance, -postings[w].length];
        if (!best || rank[0] < best.rank[0] || (rank[0] === best.rank[0] && rank[1] < best.rank[1])) {
          best = { word: words[w], rank };
        }
      }
      if (best) found.push({ from: term, to: best.word });
    }
    return found;
  }
}

/** True if the clause matches one of the given fields ({tokens}) by the same rules as the vocabulary. */
export function clauseMatchesFields(clause, fields) {
  return clause.alternatives.some((alternative) => {
    if (alternative.kind !== "term") return fields.some((field) => findPhrase(field.tokens, alternative).length);
    const term = alternative.word;
    const key = formKey(term);
    return fields.some((field) => field.tokens.some(({ word }) => matchWord(word, term, key)
      || (term.length >= FUZZY_MIN_LENGTH && containsWithOneEdit(word, term))));
  });
}

/**
 * Occurrences of a phrase in a tokenised field: [{start, end, whole, token}]
 * as offsets in the field's text (token: position of the first word). With
 * edges "open" the first phrase word may end a longer word and the last may
 * begin one; a one-word phrase then matches anywhere inside a word.
 */
export function findPhrase(fieldTokens, alternative) {
  const phrase = alternative.words;
  const last = phrase.length - 1;
  const open = alternative.edges === "open";
  const hits = [];
  for (let t = 0; t + last < fieldTokens.length; t += 1) {
    const first = fieldTokens[t].word;
    if (last === 0) {
      if (first === phrase[0]) {
        hits.push({ start: fieldTokens[t].start, end: fieldTokens[t].end, whole: true, token: t });
      } else if (open) {
        for (let at = first.indexOf(phrase[0]); at !== -1; at = first.indexOf(phrase[0], at + 1)) {
          hits.push({ start: fieldTokens[t].start + at, end: fieldTokens[t].start + at + phrase[0].length, whole: false, token: t });
        }
      }
      continue;
    }
    if (!(first === phrase[0] || (open && first.endsWith(phrase[0])))) continue;
    let inner = true;
    for (let i = 1; i < last && inner; i += 1) inner = fieldTokens[t + i].word === phrase[i];
    const end = fieldTokens[t + last].word;
    if (!inner || !(end === phrase[last] || (open && end.startsWith(phrase[last])))) continue;
    hits.push({
      start: fieldTokens[t].end - phrase[0].length,
      end: fieldTokens[t + last].start + phrase[last].length,
      whole: first === phrase[0] && end === phrase[last],
      token: t,
    });
  }
  return hits;
}
