// Dutch word forms: the key that a word's plural, inflected and common
// derived forms share (klachten → klacht, personen/persoon → person,
// mantelzorgers → mantelzorg, bereikbaarheid → bereikbar). The rules and
// their exceptions are documented in generator/render/word_forms.py, which
// computes the key of every vocabulary word at build time; this is the same
// function for what the user types. The two must agree on every word
// (tests/test_search_index.py checks the whole vocabulary), so change both.

const MIN_WORD = 4;
const MIN_REST = 3;
const MIN_KEY = 4;

const KEEP = new Set([
  "medewerker", "werker", "moeder", "vader", "zuster", "broeder", "kader", "ouder", "water", "over",
  "ander", "under", "order", "nummer", "partner", "computer", "manager", "leader", "leider", "cijfer",
  "later", "verder", "beter", "zwanger", "lever", "letter", "kamer", "hamer", "teller",
  "helder", "achter", "overheid", "proces", "succes", "ring", "ding", "koning", "tering", "woning", "scholing",
]);

const S_AFTER = ["e", "el", "em", "en", "er", "ie", "je", "am"];
const VOWELS = "aeiouy";
const isVowel = (char) => VOWELS.includes(char);

function undoubleVowel(word) {
  const n = word.length;
  if (n >= 4 && !isVowel(word[n - 1]) && word[n - 2] === word[n - 3] && "aeou".includes(word[n - 2])
      && !isVowel(word[n - 4])) {
    return word.slice(0, n - 2) + word[n - 1];
  }
  return word;
}

/** The word-form key of a folded word (see normalise.js). */
export function formKey(word) {
  if (word.length < MIN_WORD || KEEP.has(word)) return word;
  let stem = word;
  let removedEn = false;
  // 1. plural and inflection
  if (stem.endsWith("heden")) {
    stem = `${stem.slice(0, -5)}heid`;
  } else if (stem.endsWith("en") && stem.length - 2 >= MIN_REST) {
    stem = stem.slice(0, -2);
    removedEn = true;
  } else if (stem.endsWith("s") && S_AFTER.some((end) => stem.slice(0, -1).endsWith(end))
             && stem.length - 1 >= MIN_REST && !stem.endsWith("ss")) {
    stem = stem.slice(0, -1);
  }
  if (stem.endsWith("e") && stem.length - 1 >= MIN_REST) stem = stem.slice(0, -1);
  // 2. derivation
  if (!KEEP.has(stem)) {
    for (const suffix of ["heid", "ing", "er"]) {
      if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_REST + (suffix !== "heid" ? 1 : 0)) {
        stem = stem.slice(0, -suffix.length);
        break;
      }
    }
  }
  // 3. spelling
  const last = stem[stem.length - 1];
  if (stem.length >= 2 && last === stem[stem.length - 2] && !isVowel(last)) {
    stem = stem.slice(0, -1);
  } else if (removedEn && (last === "v" || last === "z")) {
    stem = stem.slice(0, -1) + (last === "v" ? "f" : "s");
  }
  stem = undoubleVowel(stem);
  return stem.length >= MIN_KEY ? stem : word;
}
