"""A synthetic project N times the real size, whose new frameworks bring new words.

Copy k (1 .. N-1) of every normset gets new framework and criterion IDs (as
before) and its own vocabulary: a seeded generator replaces a share of the
distinct words (of four letters or more) by made-up words that belong to copy k
only. The same substitution rewrites the copy's source texts
(`sources/<name>-x<k>.txt`), so every quotation still occurs verbatim in its
source and `check` (fidelity, coverage, titles, printed numbers) still passes.
Words that the fidelity check may join across a line break ("kwali-" +
"teit", "(wijk)" + "teams") or across a soft hyphen are left as they are, and
so are page-furniture lines, so both sides always change alike.

Only the YAML scalars that hold text (`text`, `title`, `number`, `chars`) are
rewritten, in place, so every other value (vocabulary references, line
locators) and every line number stays as it was.

    from benchmarks.synthetic import make_project
    make_project(30, Path("/tmp/kk30"))            # 30x, new words per copy
    make_project(30, Path("/tmp/kk30"), share=0)   # 30x, the same words (old behaviour)

or from the command line: `.venv/bin/python benchmarks/synthetic.py 30 /tmp/kk30`
(prints the number of distinct words of the real and the synthetic project).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["generator", "schema", "sources", "content", "site_templates", "mkdocs.yml", "pyproject.toml"]
TEXT_KEYS = {"text", "title", "number", "chars"}
# The share of a copy's distinct words that it replaces by words of its own. Measured on the real
# data (benchmarks/synthetic.py --measure): a framework's own words, in no other framework, are on
# average 0.187 of its distinct words of four letters or more. At 30x this makes the vocabulary
# about 1 + 29 * 0.19 = 6.5 times the real one, close to Heaps' law for 30 times the text
# (30 ** 0.55 = 6.5, a usual exponent for Dutch and English prose).
DEFAULT_SHARE = 0.19
DEFAULT_SEED = 22
MIN_LENGTH = 4

# A word: letters, possibly with soft hyphens inside (which the fidelity check ignores).
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|\u00ad)*")
_ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
           "br", "dr", "gr", "kl", "kr", "pl", "pr", "sch", "sl", "sp", "st", "tr", "vl", "zw"]
_VOWELS = ["a", "e", "i", "o", "u", "aa", "ee", "oo", "ie", "oe", "ei", "ij", "ui", "eu"]
_CODAS = ["", "", "", "n", "r", "l", "s", "t", "k", "m", "nd", "rt", "ng", "st", "cht"]
_RESERVED = {"true", "false", "null", "yes", "off"}


def _digest(*parts: object) -> bytes:
    return hashlib.blake2b(":".join(map(str, parts)).encode("utf-8"), digest_size=16).digest()


def _made_up_word(seed: int, copy: int, word: str) -> str:
    """A pronounceable word of about the original's length, fixed by (seed, copy, word)."""
    attempt = 0
    while True:
        stream = _digest(seed, copy, word, "word", attempt)
        out, index = "", 0
        while len(out) < max(MIN_LENGTH, len(word) - 2):
            out += (_ONSETS[stream[index % 16] % len(_ONSETS)] + _VOWELS[stream[(index + 1) % 16] % len(_VOWELS)]
                    + _CODAS[stream[(index + 2) % 16] % len(_CODAS)])
            index += 3
        if out not in _RESERVED:
            return out
        attempt += 1


def _with_case_of(template: str, word: str) -> str:
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class Vocabulary:
    """The word substitution of one copy."""

    def __init__(self, copy: int, rate: float, seed: int, frozen: frozenset[str]):
        self.copy, self.rate, self.seed, self.frozen = copy, rate, seed, frozen
        self._cache: dict[str, str] = {}

    def word(self, token: str) -> str:
        plain = token.replace("\u00ad", "")
        if plain not in self._cache:
            key = plain.lower()
            replaced = (len(plain) >= MIN_LENGTH and key not in self.frozen
                        and int.from_bytes(_digest(self.seed, self.copy, key, "pick")[:8], "big") < self.rate * 2**64)
            self._cache[plain] = _with_case_of(plain, _made_up_word(self.seed, self.copy, key)) if replaced else plain
        new = self._cache[plain]
        return token if new == plain else new

    def rewrite(self, text: str) -> str:
        return WORD.sub(lambda match: self.word(match.group(0)), text)


def _furniture(sources: Path) -> dict[str, list[re.Pattern[str]]]:
    raw = yaml.safe_load((sources / "furniture.yaml").read_text(encoding="utf-8")) or {}
    return {name: [re.compile(p) for p in patterns or []] for name, patterns in raw.items()}


def _is_furniture(line: str, patterns: list[re.Pattern[str]]) -> bool:
    return any(p.match(line) for p in patterns)


def frozen_words(sources: Path, names: list[str]) -> frozenset[str]:
    """Words that must not change: those that the fidelity check may join with a
    neighbour across a line break or a soft hyphen (each part and the joined word).
    Blank lines and furniture lines vanish from a quotation's window, so their
    neighbours count as adjacent."""
    furniture = _furniture(sources)
    frozen: set[str] = set()
    for name in names:
        lines = [line for line in (sources / name).read_text(encoding="utf-8").splitlines()
                 if line.strip() and not _is_furniture(line, furniture.get(name, []))]
        for before, after in zip(lines, lines[1:]):
            last = re.search(r"([^\W\d_]+)-?\s*$", before)
            first = re.match(r"\s*([^\W\d_]+)", after)
            if last and first:
                frozen |= {last.group(1).lower(), first.group(1).lower(), (last.group(1) + first.group(1)).lower()}
        for token in WORD.findall("\n".join(lines)):
            if "\u00ad" in token:
                frozen |= {part.lower() for part in token.split("\u00ad")} | {token.replace("\u00ad", "").lower()}
    return frozenset(frozen)


@lru_cache(maxsize=None)
def _text_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the scalars under TEXT_KEYS in a YAML document, in order."""
    spans: list[tuple[int, int]] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(value, yaml.ScalarNode) and key.value in TEXT_KEYS:
                    spans.append((value.start_mark.index, value.end_mark.index))
                else:
                    walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)

    walk(yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return tuple(sorted(spans))


def rewrite_normset(text: str, vocabulary: Vocabulary) -> str:
    """The normset's text with the copy's words in every text scalar, the rest byte for byte."""
    out, position = [], 0
    for start, end in _text_spans(text):
        out += [text[position:start], vocabulary.rewrite(text[start:end])]
        position = end
    out.append(text[position:])
    return "".join(out)


def rewrite_source(text: str, vocabulary: Vocabulary, furniture: list[re.Pattern[str]]) -> str:
    return "".join(line if _is_furniture(line.rstrip("\n"), furniture) else vocabulary.rewrite(line)
                   for line in text.splitlines(keepends=True))


def copy_ids(text: str, stem: str, copy: int) -> str:
    prefix = re.search(r"^  id_prefix: (\S+)$", text, re.M).group(1)
    new_prefix = f"{prefix}x{copy}"
    text = re.sub(rf"\b{prefix}-", f"{new_prefix}-", text)
    text = text.replace(f"  id_prefix: {prefix}\n", f"  id_prefix: {new_prefix}\n")
    # The framework ID equals the file name (it may start like the prefix: "bcp-sociaal-...").
    return re.sub(r"^  id: \S+$", f"  id: {stem}-x{copy}", text, count=1, flags=re.M)


SOURCE_FILE = re.compile(r"^(\s*(?:source: \{)?file: )(\S+?\.txt)\b", re.M)


def make_project(scale: int, target: Path, *, share: float = DEFAULT_SHARE, seed: int = DEFAULT_SEED,
                 root: Path = ROOT) -> None:
    """Copy the project to `target` (an existing directory) with scale-1 synthetic copies of
    every normset. Overview rows, glossaries and comparable groups keep pointing at the originals."""
    for name in COPIED:
        source = root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    normsets, sources = target / "normsets", target / "sources"
    shutil.copytree(root / "normsets", normsets, ignore=shutil.ignore_patterns("published-ids.yaml"))
    originals = {path: path.read_text(encoding="utf-8") for path in sorted((normsets / "kaders").glob("*.yaml"))}
    used = sorted({match.group(2) for text in originals.values() for match in SOURCE_FILE.finditer(text)})
    furniture = _furniture(sources)
    frozen = frozen_words(sources, used) if share else frozenset()
    # Frozen words cannot change, so the others change more often: `share` of all distinct words is new.
    words = set().union(*distinct_words(normsets / "kaders").values())
    rate = min(1.0, share / (1 - len(words & frozen) / len(words))) if share else 0.0
    source_texts = {name: (sources / name).read_text(encoding="utf-8") for name in used}
    furniture_lines = (sources / "furniture.yaml").read_text(encoding="utf-8").rstrip("\n").splitlines()
    for copy in range(1, scale):
        vocabulary = Vocabulary(copy, rate, seed, frozen)
        renamed = {name: f"{name[:-4]}-x{copy}.txt" for name in used}
        for name, new_name in renamed.items():
            (sources / new_name).write_text(rewrite_source(source_texts[name], vocabulary, furniture.get(name, [])),
                                            encoding="utf-8")
            patterns = furniture.get(name, [])
            furniture_lines.append(f"{new_name}:" + ("" if patterns else " []"))
            furniture_lines += [f"  - {yaml.safe_dump(p.pattern, allow_unicode=True).splitlines()[0]}"
                                for p in patterns]
        for path, text in originals.items():
            text = copy_ids(rewrite_normset(text, vocabulary), path.stem, copy)
            text = SOURCE_FILE.sub(lambda m: m.group(1) + renamed[m.group(2)], text)
            (normsets / "kaders" / f"{path.stem}-x{copy}.yaml").write_text(text, encoding="utf-8")
    (sources / "furniture.yaml").write_text("\n".join(furniture_lines) + "\n", encoding="utf-8")


def distinct_words(kaders: Path) -> dict[str, set[str]]:
    """Per normset, its distinct words (four letters or more, lower case) in text scalars."""
    words = {}
    for path in sorted(kaders.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        words[path.stem] = {w.replace("\u00ad", "").lower() for start, end in _text_spans(text)
                            for w in WORD.findall(text[start:end]) if len(w) >= MIN_LENGTH}
    return words


def own_word_share(kaders: Path) -> float:
    """Average share of a framework's distinct words that no other framework uses."""
    words = distinct_words(kaders)
    shares = []
    for name, own in words.items():
        others = set().union(*(w for n, w in words.items() if n != name))
        shares.append(len(own - others) / len(own))
    return sum(shares) / len(shares)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scale", type=int, nargs="?")
    parser.add_argument("target", type=Path, nargs="?", help="an empty or missing directory")
    parser.add_argument("--share", type=float, default=DEFAULT_SHARE)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--measure", action="store_true", help="print the real data's own-word share and stop")
    args = parser.parse_args()
    if args.measure:
        print(f"own-word share of a real framework: {own_word_share(ROOT / 'normsets' / 'kaders'):.3f}")
        return
    if args.scale is None or args.target is None:
        parser.error("scale and target are required")
    args.target.mkdir(parents=True, exist_ok=True)
    make_project(args.scale, args.target, share=args.share, seed=args.seed)
    real = set().union(*distinct_words(ROOT / "normsets" / "kaders").values())
    synthetic = set().union(*distinct_words(args.target / "normsets" / "kaders").values())
    print(f"{args.scale}x in {args.target}: {len(real)} distinct words in the real data, {len(synthetic)} in the "
          f"synthetic project ({len(synthetic) / len(real):.2f}x)", file=sys.stderr)


if __name__ == "__main__":
    main()
