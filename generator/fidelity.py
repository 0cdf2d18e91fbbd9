"""Check that quoted text occurs verbatim in its source file.

Normalisation (both sides), documented in README.md:
- every run of whitespace, including line breaks and no-break spaces, counts
  as one space; leading and trailing whitespace is ignored;
- soft hyphens (U+00AD) are ignored;
- a hyphen at the end of a source line may be a soft break: the source
  "kwali-<newline>teit" matches the quotation "kwaliteit", while a real hyphen
  ("leer- en", "e-mail") must be quoted as printed;
- a line break may join two characters without a space where the quotation
  has none ("(wijk)<newline>teams" matches "(wijk)teams");
- whole lines that match a page-furniture pattern in sources/furniture.yaml
  (page numbers, running footers) are skipped inside a line range;
- footnote markers that a quotation lists in `footnote_markers` are dropped
  where the source glues them to the word before ("werktoedeling7").
Nothing else is forgiven: letters, punctuation, quotes and typos must match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

_WHITESPACE = re.compile(r"[\s\u00a0\u2007\u202f]+")
_SOFT_HYPHEN = "\u00ad"


def parse_line_spec(spec: str) -> list[tuple[int, int]]:
    """'20-23,25' -> [(20, 23), (25, 25)]. The schema guarantees the syntax."""
    ranges = []
    for part in spec.split(","):
        start, _, end = part.partition("-")
        ranges.append((int(start), int(end or start)))
    return ranges


def normalise_text(text: str) -> str:
    return _WHITESPACE.sub(" ", text.replace(_SOFT_HYPHEN, "")).strip()


@dataclass
class SourceFile:
    name: str
    lines: list[str]
    furniture: list[re.Pattern[str]]

    def check_ranges(self, spec: str) -> str | None:
        """Why the line spec is unusable for this file, or None if it is fine."""
        previous_end = 0
        for start, end in parse_line_spec(spec):
            if start < 1 or end < start:
                return f"line range '{spec}' is not a forward range"
            if end > len(self.lines):
                return f"line range '{spec}' is beyond the end of {self.name} ({len(self.lines)} lines)"
            if start <= previous_end:
                return f"line ranges in '{spec}' overlap or are out of order"
            previous_end = end
        return None

    def window(self, spec: str) -> str:
        """The quoted lines, normalised, joined by newlines."""
        kept = []
        for start, end in parse_line_spec(spec):
            for line in self.lines[start - 1:end]:
                if any(pattern.match(line) for pattern in self.furniture):
                    continue
                line = normalise_text(line)
                if line:
                    kept.append(line)
        return "\n".join(kept)


def drop_footnote_markers(window: str, markers: list[str]) -> tuple[str, list[str]]:
    """The window without the given markers where they are glued to a word or
    closing punctuation, and the markers that were not found glued anywhere."""
    missing = []
    for marker in markers:
        glued = re.compile(rf"(?<=[^\W\d_]|[.,;:)]){re.escape(marker)}(?!\d)")
        window, count = glued.subn("", window)
        if not count:
            missing.append(marker)
    return window, missing


def _matches_at(text: str, window: str, start: int) -> bool:
    """Does `text` occur in `window` at `start`, reading each line break in
    the window as a space, as a bare join between two characters, or (after a
    hyphen between two letters) as a soft hyphenation? A small backtracking
    walk: only line breaks offer a choice, and a window holds few of them."""
    pending = [(0, start)]
    while pending:
        i, j = pending.pop()
        if i == len(text):
            return True
        if j >= len(window):
            continue
        char, source = text[i], window[j]
        if source == "\n":
            if char == " ":
                pending.append((i + 1, j + 1))
            elif i > 0 and text[i - 1] != " ":
                pending.append((i, j + 1))  # "(wijk)" + break + "teams" = "(wijk)teams"
            continue
        if (source == "-" and window[j + 1:j + 2] == "\n" and i > 0
                and text[i - 1].isalpha() and char.isalpha()):
            pending.append((i, j + 2))  # "kwali-" + break + "teit" = "kwaliteit"
        if source == char:
            pending.append((i + 1, j + 1))
    return False


def _occurs(text: str, window: str) -> bool:
    return any(_matches_at(text, window, start) for start, char in enumerate(window) if char == text[0])


def occurs_in(text: str, window: str) -> bool:
    text = normalise_text(text)
    # Fast path: most quotations match with line breaks read as spaces; only
    # the rest need the walk that also allows joins across breaks.
    if text in window.replace("\n", " "):
        return True
    return bool(text) and _occurs(text, window)


def divergence(text: str, window: str) -> str:
    """Describe where `text` stops matching the window, for error messages."""
    text = normalise_text(text)
    low, high = 0, len(text)
    while low < high:  # longest prefix that still occurs
        middle = (low + high + 1) // 2
        if _occurs(text[:middle], window):
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return f"its start \"{text[:40]}\" does not occur there"
    matched = text[max(0, low - 30):low]
    return f"it matches up to \"…{matched}\" but then has \"{text[low:low + 30]}…\""


class SourceLibrary:
    """The source texts under sources/, loaded lazily."""

    def __init__(self, directory: Path):
        self.directory = directory
        furniture_file = directory / "furniture.yaml"
        raw = yaml.safe_load(furniture_file.read_text(encoding="utf-8")) if furniture_file.exists() else {}
        self._furniture = {name: [re.compile(p) for p in patterns or []] for name, patterns in (raw or {}).items()}

    @lru_cache(maxsize=None)
    def get(self, name: str) -> SourceFile | None:
        path = self.directory / name
        if not path.is_file():
            return None
        lines = path.read_text(encoding="utf-8").splitlines()
        return SourceFile(name, lines, self._furniture.get(name, []))
