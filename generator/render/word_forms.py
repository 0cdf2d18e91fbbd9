"""Dutch word forms for the finder: one key per family of inflected forms.

`form_key(word)` maps a folded word (see search_index.fold) to a key that its
plural, inflected and common derived forms share: klacht/klachten -> klacht,
persoon/personen -> person, mantelzorg/mantelzorger/mantelzorgers ->
mantelzorg, bereikbaar/bereikbare/bereikbaarheid -> bereikbar. The key is
not meant to be read; two words match when their keys are equal.

The browser computes the key of a typed word with formKey() in
site_templates/assets/js/finder/wordforms.js; the index carries the key of
every vocabulary word computed here. Both must give the same result for every
word (tests/test_search_index.py checks the whole vocabulary in Chromium), so
change both together.

Rules, applied once each, in this order (nothing is removed from words
shorter than MIN_WORD letters, no step leaves fewer than MIN_REST, and a key
shorter than MIN_KEY is not used: the word is its own key, so eis/eisen or
met/meten stay apart rather than join short unrelated words):
1. plural and inflection: -heden -> -heid (mogelijkheden); -en (klachten);
   or -s after -e, -el, -em, -en, -er, -ie, -je, -am (medewerkers, teams);
   then a final -e (ervaringsdeskundige, bereikbare).
2. derivation: -heid (bereikbaarheid), -ing (begeleiding), -er
   (mantelzorger), unless the word is in KEEP.
3. spelling: a doubled final consonant is single (bedden -> bed, processen
   -> proces), a final v/z after removing -en is f/s (bewijzen -> bewijs),
   and a doubled vowel before one final consonant is single (persoon and
   personen -> person), so open and closed syllables meet.
Exceptions (KEEP, kept whole): words whose -er, -ing or -s is part of the
word or would join unrelated families (medewerker is not medewerking,
scholing is not school, proces is not a plural).
"""

from __future__ import annotations

MIN_WORD = 4
MIN_REST = 3
MIN_KEY = 4

# Words that keep their ending in step 2, because the shorter word is a
# different one (medewerking, moed, werking) or none at all.
KEEP = frozenset({
    "medewerker", "werker", "moeder", "vader", "zuster", "broeder", "kader", "ouder", "water", "over",
    "ander", "under", "order", "nummer", "partner", "computer", "manager", "leader", "leider", "cijfer",
    "later", "verder", "beter", "zwanger", "lever", "letter", "kamer", "hamer", "teller",
    "helder", "achter", "overheid", "proces", "succes", "ring", "ding", "koning", "tering", "woning", "scholing",
})

_S_AFTER = ("e", "el", "em", "en", "er", "ie", "je", "am")
_VOWELS = set("aeiouy")


def _undouble_vowel(word: str) -> str:
    # "...CVVC" with VV one of aa/ee/oo/uu -> "...CVC"
    if len(word) >= 4 and word[-1] not in _VOWELS and word[-2] == word[-3] and word[-2] in "aeou" \
            and word[-4] not in _VOWELS:
        return word[:-2] + word[-1]
    return word


def form_key(word: str) -> str:
    if len(word) < MIN_WORD or word in KEEP:
        return word
    stem = word
    removed_en = False
    # 1. plural and inflection
    if stem.endswith("heden"):
        stem = stem[:-5] + "heid"
    elif stem.endswith("en") and len(stem) - 2 >= MIN_REST:
        stem = stem[:-2]
        removed_en = True
    elif stem.endswith("s") and stem[:-1].endswith(_S_AFTER) and len(stem) - 1 >= MIN_REST \
            and not stem.endswith("ss"):
        stem = stem[:-1]
    if stem.endswith("e") and len(stem) - 1 >= MIN_REST:
        stem = stem[:-1]
    # 2. derivation
    if stem not in KEEP:
        for suffix in ("heid", "ing", "er"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_REST + (1 if suffix != "heid" else 0):
                stem = stem[:-len(suffix)]
                break
    # 3. spelling
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        stem = stem[:-1]
    elif removed_en and stem[-1] in "vz":
        stem = stem[:-1] + ("f" if stem[-1] == "v" else "s")
    stem = _undouble_vowel(stem)
    return stem if len(stem) >= MIN_KEY else word
