"""Our Dutch word-form rules (generator/render/word_forms.py) against Snowball's Dutch stemmer.

Counts, on a fixed list of pairs, how many forms that belong together get the
same key and how many unrelated words are wrongly joined, plus how many keys
the finder's vocabulary falls into. Needs `pip install snowballstemmer`
(not a project dependency: it was measured, not adopted).

    .venv/bin/python benchmarks/word_forms_vs_snowball.py
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.render.word_forms import form_key  # noqa: E402

TOGETHER = [
    ("vertrouwenspersonen", "vertrouwenspersoon"), ("klachten", "klacht"), ("mantelzorgers", "mantelzorg"),
    ("mantelzorger", "mantelzorg"), ("ervaringsdeskundigen", "ervaringsdeskundige"), ("bereikbaarheid", "bereikbaar"),
    ("bereikbare", "bereikbaar"), ("medewerkers", "medewerker"), ("personen", "persoon"), ("problemen", "probleem"),
    ("afspraken", "afspraak"), ("gezinnen", "gezin"), ("evaluaties", "evaluatie"), ("dossiers", "dossier"),
    ("verwijzers", "verwijzer"), ("calamiteiten", "calamiteit"), ("toegankelijkheid", "toegankelijk"),
    ("mogelijkheden", "mogelijkheid"), ("begeleiding", "begeleiden"), ("veilige", "veilig"), ("veiligheid", "veilig"),
    ("teams", "team"), ("processen", "proces"), ("bewijzen", "bewijs"), ("situaties", "situatie"), ("taken", "taak"),
    ("resultaten", "resultaat"),
]
APART = [("medewerkers", "medewerking"), ("scholing", "school"), ("overheid", "over"), ("helder", "held"),
         ("alle", "al"), ("mens", "men"), ("moeder", "moed"), ("personeel", "persoon")]


def main() -> None:
    import snowballstemmer

    dutch = snowballstemmer.stemmer("dutch")
    index = Path("build/docs/assets/search/finder-index.json")
    vocabulary = json.loads(index.read_text(encoding="utf-8"))["words"] if index.exists() else []
    print("| rules | forms joined | wrong joins | vocabulary words → keys |")
    print("|---|---|---|---|")
    for name, key in (("ours (word_forms.py)", form_key), ("Snowball Dutch", dutch.stemWord)):
        joined = sum(key(a) == key(b) for a, b in TOGETHER)
        wrong = sum(key(a) == key(b) for a, b in APART)
        groups = collections.defaultdict(set)
        for word in vocabulary:
            groups[key(word)].add(word)
        missed = ", ".join(f"{a}/{b}" for a, b in TOGETHER if key(a) != key(b))
        print(f"| {name} | {joined}/{len(TOGETHER)} (missed: {missed or '–'}) | {wrong}/{len(APART)} | "
              f"{len(vocabulary)} → {len(groups)} |")


if __name__ == "__main__":
    main()
