// Turns what the user typed into clauses. Every clause must match (AND, in
// any order); a clause matches when any of its alternatives does.
//
// An alternative is either
//   {kind: "term", word}            one typed word: substring, prefix or typo match
//   {kind: "phrase", words, edges}  words in sequence; edges "open" lets the first
//                                   word end a compound and the last word be
//                                   unfinished (typed quotes), "whole" wants
//                                   whole words (synonym forms)
// Quotes: "…", “…”, „…”; an unclosed quote runs to the end (still typing).
// Synonyms: a typed word or phrase equal to one form of a synonym group
// (VOG / verklaring omtrent het gedrag) matches every form of that group.
import { words } from "./normalise.js";

const QUOTED = /["“”„]([^"“”„]*)(?:["“”„]|$)/g;
// "risico's", "auto’s": the plural 's belongs to the word, not a word of its own.
const APOSTROPHE_S = /([\p{L}\p{N}])['’]s(?![\p{L}\p{N}])/gu;

/** Lookup from a normalised form ("verklaring omtrent het gedrag") to its whole group. */
export function synonymLookup(groups) {
  const byForm = new Map();
  let longest = 1;
  for (const group of groups) {
    for (const form of group) {
      byForm.set(form, group);
      longest = Math.max(longest, form.split(" ").length);
    }
  }
  return { byForm, longest };
}

function synonymAlternatives(group) {
  return group.map((form) => ({ kind: "phrase", words: form.split(" "), edges: "whole" }));
}

function phraseClause(phraseWords, synonyms) {
  const group = synonyms.byForm.get(phraseWords.join(" "));
  const typed = { kind: "phrase", words: phraseWords, edges: "open" };
  return { text: phraseWords.join(" "), alternatives: group ? [typed, ...synonymAlternatives(group)] : [typed] };
}

function termClauses(termWords, synonyms) {
  const clauses = [];
  let position = 0;
  while (position < termWords.length) {
    // Longest run of typed words that is a synonym form, so "verklaring omtrent
    // het gedrag" typed without quotes still finds VOG.
    let matched = null;
    for (let length = Math.min(synonyms.longest, termWords.length - position); length >= 1; length -= 1) {
      const form = termWords.slice(position, position + length).join(" ");
      const group = synonyms.byForm.get(form);
      if (group) {
        const typed = length === 1 ? { kind: "term", word: form } : { kind: "phrase", words: form.split(" "), edges: "whole" };
        matched = { length, clause: { text: form, alternatives: [typed, ...synonymAlternatives(group)] } };
        break;
      }
    }
    if (matched) {
      clauses.push(matched.clause);
      position += matched.length;
    } else {
      const word = termWords[position];
      clauses.push({ text: word, alternatives: [{ kind: "term", word }] });
      position += 1;
    }
  }
  return clauses;
}

/** Clauses of a query string; an empty list means "no text query" (everything matches). */
export function parseQuery(input, synonyms) {
  const clauses = [];
  const unquoted = input.replace(APOSTROPHE_S, "$1").replace(QUOTED, (_all, phrase) => {
    const phraseWords = words(phrase);
    if (phraseWords.length) clauses.push(phraseClause(phraseWords, synonyms));
    return " ";
  });
  clauses.push(...termClauses(words(unquoted), synonyms));
  return clauses;
}
