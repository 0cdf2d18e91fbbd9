// The finder's matcher and ranking, without any DOM: given the index built by
// generator/render/search_index.py and parsed query clauses, which criteria
// match and how well. Kept pure so the rules are easy to read and to measure.
//
// Matching a typed word against the vocabulary (distinct words of all texts):
//   - equal to a word                              → whole-word match
//   - inside a word (compound parts: beleid in medicatiebeleid); words of
//     one or two letters only at the start of a word (prefix while typing)
//                                                  → partial match
//   - only if neither of those finds anything (the word is probably
//     misspelled) and it has FUZZY_MIN_LENGTH letters or more: a word that
//     contains it with one letter added, dropped or changed → typo match.
//     Always trying typos would drown "beleid" in every "begeleiding"
//     (b→g), so typo matching is a fallback, not an extra.
// Every matched word is then expanded to the criteria that contain it.
//
// Ranking: each clause scores a criterion by its best match (TIER below);
// a criterion's score is the sum over clauses; higher first, ties in catalog
// order (framework order, then position in the framework).
import { fold, tokens } from "./normalise.js";

export const FUZZY_MIN_LENGTH = 5;
export const INFIX_MIN_LENGTH = 3;

export const MATCH = { WHOLE: 3, PARTIAL: 2, TYPO: 1 };
// Score of one clause for one criterion. A match in the criterion's own text
// (title, text, items) beats any match that is only in its notes/evidence.
export const TIER = { OWN_WHOLE: 4, OWN_PARTIAL: 3, OWN_TYPO: 2, NOTE_ONLY: 1 };

const OWN_BIT = 1;
const OWN_TIER_BY_MATCH = { [MATCH.WHOLE]: TIER.OWN_WHOLE, [MATCH.PARTIAL]: TIER.OWN_PARTIAL, [MATCH.TYPO]: TIER.OWN_TYPO };

/** True if `term` occurs in `word` with at most one letter added, dropped or changed. */
export function containsWithOneEdit(word, term) {
  const n = term.length;
  // One edit leaves one half of the term untouched, so that half must occur as is.
  const half = n >> 1;
  if (!word.includes(term.slice(0, half)) && !word.includes(term.slice(half))) return false;
  // Approximate substring matching (edit distance, free start and end in `word`).
  let previous = new Array(n + 1);
  let current = new Array(n + 1);
  for (let i = 0; i <= n; i += 1) previous[i] = i;
  for (let j = 0; j < word.length; j += 1) {
    current[0] = 0;
    const char = word[j];
    for (let i = 1; i <= n; i += 1) {
      const substitution = previous[i - 1] + (term[i - 1] === char ? 0 : 1);
      current[i] = Math.min(substitution, previous[i] + 1, current[i - 1] + 1);
    }
    if (current[n] <= 1) return true;
    [previous, current] = [current, previous];
  }
  return previous[n] <= 1;
}

/** How `word` (from the vocabulary) matches typed `term` exactly or in part, or 0. */
export function matchWord(word, term) {
  if (word === term) return MATCH.WHOLE;
  if (term.length < INFIX_MIN_LENGTH ? word.startsWith(term) : word.includes(term)) return MATCH.PARTIAL;
  return 0;
}

/** Higher score first; equal scores in catalog order. */
export function compareResults(a, b) {
  return b.score - a.score || a.index - b.index;
}

export class SearchEngine {
  constructor(index) {
    this.index = index;
    this.criteria = index.criteria;
    this.count = index.criteria.length;
    this.termCache = new Map();
    this.fieldCache = new Map();
  }

  /** Folded and tokenised fields of a criterion, computed once: {own: [...], notes: [...]}. */
  fields(criterionIndex) {
    let cached = this.fieldCache.get(criterionIndex);
    if (!cached) {
      const record = this.criteria[criterionIndex];
      const field = (text) => { const folded = fold(text); return { text, folded, tokens: tokens(folded) }; };
      cached = {
        title: record.title ? field(record.title) : null,
        text: field(record.text),
        items: record.items.map((row) => field(row[2])),
        notes: record.notes.map((row) => field(row[1])),
      };
      cached.own = [cached.title, cached.text, ...cached.items].filter(Boolean);
      this.fieldCache.set(criterionIndex, cached);
    }
    return cached;
  }

  /** Best tier per criterion for one typed word, and the vocabulary words it matched. */
  matchTerm(term) {
    const cached = this.termCache.get(term);
    if (cached) return cached;
    const tiers = new Uint8Array(this.count);
    const matchedWords = new Map();
    const { words, postings } = this.index;
    const add = (w, match) => {
      matchedWords.set(words[w], match);
      const ownTier = OWN_TIER_BY_MATCH[match];
      for (const posting of postings[w]) {
        const criterion = posting >> 2;
        const tier = posting & OWN_BIT ? ownTier : TIER.NOTE_ONLY;
        if (tier > tiers[criterion]) tiers[criterion] = tier;
      }
    };
    for (let w = 0; w < words.length; w += 1) {
      const match = matchWord(words[w], term);
      if (match) add(w, match);
    }
    if (!matchedWords.size && term.length >= FUZZY_MIN_LENGTH) {
      for (let w = 0; w < words.length; w += 1) if (containsWithOneEdit(words[w], term)) add(w, MATCH.TYPO);
    }
    const result = { tiers, matchedWords };
    if (this.termCache.size > 500) this.termCache.clear();
    this.termCache.set(term, result);
    return result;
  }

  /** Best tier per criterion for words in sequence (see query.js for `edges`). */
  matchPhrase(alternative) {
    const key = `${alternative.edges}:${alternative.words.join(" ")}`;
    const cached = this.termCache.get(key);
    if (cached) return cached;
    const tiers = new Uint8Array(this.count);
    // Candidates: criteria containing the phrase's longest word somewhere.
    const longest = alternative.words.reduce((a, b) => (b.length > a.length ? b : a));
    const { words, postings } = this.index;
    const candidates = new Set();
    for (let w = 0; w < words.length; w += 1) {
      if (words[w].includes(longest)) for (const posting of postings[w]) candidates.add(posting >> 2);
    }
    for (const criterion of candidates) {
      const fields = this.fields(criterion);
      if (fields.own.some((field) => findPhrase(field.tokens, alternative).length)) {
        const whole = fields.own.some((field) => findPhrase(field.tokens, alternative).some((hit) => hit.whole));
        tiers[criterion] = whole ? TIER.OWN_WHOLE : TIER.OWN_PARTIAL;
      } else if (fields.notes.some((field) => findPhrase(field.tokens, alternative).length)) {
        tiers[criterion] = TIER.NOTE_ONLY;
      }
    }
    const result = { tiers, phrase: alternative };
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
    const clauseTiers = matches.map((alternatives) => {
      if (alternatives.length === 1) return alternatives[0].tiers;
      const best = new Uint8Array(this.count);
      for (const { tiers } of alternatives) {
        for (let c = 0; c < this.count; c += 1) if (tiers[c] > best[c]) best[c] = tiers[c];
      }
      return best;
    });
    const results = [];
    for (let c = 0; c < this.count; c += 1) {
      let score = 0;
      for (const tiers of clauseTiers) {
        if (!tiers[c]) { score = -1; break; }
        score += tiers[c];
      }
      if (score > 0) results.push({ index: c, score });
    }
    results.sort(compareResults);
    return { results, matches };
  }
}

/**
 * Occurrences of a phrase in a tokenised field: [{start, end, whole}] as
 * offsets in the field's text. With edges "open" the first phrase word may
 * end a longer word and the last may begin one; a one-word phrase then
 * matches anywhere inside a word.
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
        hits.push({ start: fieldTokens[t].start, end: fieldTokens[t].end, whole: true });
      } else if (open) {
        for (let at = first.indexOf(phrase[0]); at !== -1; at = first.indexOf(phrase[0], at + 1)) {
          hits.push({ start: fieldTokens[t].start + at, end: fieldTokens[t].start + at + phrase[0].length, whole: false });
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
    });
  }
  return hits;
}
