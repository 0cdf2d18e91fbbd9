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

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

_SOFT_HYPHEN = "\u00ad"


def parse_line_spec(spec: str) -> list[tuple[int, int]]:
    """'20-23,25' -> [(20, 23), (25, 25)]. The schema guarantees the syntax."""
    ranges = []
    for part in spec.split(","):
        start, _, end = part.partition("-")
        ranges.append((int(start), int(end or start)))
    return ranges


def normalise_text(text: str) -> str:
    # Every run of Unicode whitespace (no-break and figure spaces included) becomes one space, none
    # at either end: str.split() does exactly that, four times faster than a regular expression.
    return " ".join(text.replace(_SOFT_HYPHEN, "").split())


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

    @cached_property
    def normalised(self) -> tuple[str | None, ...]:
        """Per line (index = number - 1): its normalised text, or None for a furniture line.
        Worked out once per source, since quotations' windows overlap and the coverage check
        reads every line."""
        return tuple(None if any(pattern.match(line) for pattern in self.furniture) else normalise_text(line)
                     for line in self.lines)

    def is_furniture(self, number: int) -> bool:
        return self.normalised[number - 1] is None

    def window_lines(self, spec: str) -> list[tuple[int, str]]:
        """The quoted lines as (line number, normalised text), without
        furniture and blank lines."""
        normalised = self.normalised
        return [(number, normalised[number - 1]) for start, end in parse_line_spec(spec)
                for number in range(start, end + 1) if normalised[number - 1]]

    def content_lines(self) -> frozenset[int]:
        """The numbers of the lines a quotation can match: not furniture, not blank."""
        return frozenset(number for number, _ in self.window_lines(f"1-{len(self.lines)}"))

    def window(self, spec: str) -> str:
        """The quoted lines, normalised, joined by newlines."""
        return "\n".join(line for _, line in self.window_lines(spec))

    def unused_furniture(self) -> list[str]:
        """Furniture patterns that match no line of this file (a dead pattern hides nothing, or
        no longer hides what it was written for)."""
        return [p.pattern for p in self.furniture if not any(p.match(line) for line in self.lines)]


@dataclass
class Window:
    """A quotation's source lines after the listed omissions, joined by newlines,
    with the source line number of every window line (for coverage)."""

    text: str
    starts: list[int]  # window offset where each line begins
    numbers: list[int]  # its source line number

    @classmethod
    def of(cls, lines: list[tuple[int, str]]) -> "Window":
        starts, offset = [], 0
        for _, line in lines:
            starts.append(offset)
            offset += len(line) + 1
        return cls("\n".join(line for _, line in lines), starts, [number for number, _ in lines])

    def lines_of(self, start: int, end: int) -> set[int]:
        """Source line numbers that the window span [start, end) touches."""
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_right(self.starts, max(start, end - 1)) - 1
        return set(self.numbers[max(first, 0):last + 1])


def drop_footnote_markers(lines: list[tuple[int, str]], markers: list[str]) -> tuple[list[tuple[int, str]], list[str]]:
    """The window lines without the given markers where they are glued to a word
    or closing punctuation, and the markers that were not found glued anywhere."""
    missing = []
    for marker in markers:
        glued = re.compile(rf"(?<=[^\W\d_]|[.,;:)]){re.escape(marker)}(?!\d)")
        found = 0
        kept = []
        for number, line in lines:
            line, count = glued.subn("", line)
            found += count
            kept.append((number, line))
        lines = kept
        if not found:
            missing.append(marker)
    return lines, missing


_TOKEN_END = ".,;:!?)”’\""


def token_positions(line: str, token: str) -> list[int]:
    """Where `token` stands on its own in `line`: after the line start or a
    space, before a space, closing punctuation or the line end."""
    positions = []
    start = line.find(token)
    while start >= 0:
        end = start + len(token)
        if ((start == 0 or line[start - 1] == " ")
                and (end == len(line) or line[end] == " " or line[end] in _TOKEN_END)):
            positions.append(start)
        start = line.find(token, start + 1)
    return positions


def drop_omissions(lines: list[tuple[int, str]], omissions: list[dict]) -> tuple[list[tuple[int, str]], list[str]]:
    """Remove each listed omission ({line, chars}) from its source line, where it
    must stand on its own exactly once: a spaced footnote marker ("praktijk” 15
    staat") or a stray bullet ("- samenwerkingsrelatie"). Returns the lines and,
    per omission that is not exactly there, why."""
    by_number = {number: index for index, (number, _) in enumerate(lines)}
    lines = list(lines)
    problems = []
    for omission in omissions:
        number, token = omission["line"], normalise_text(omission["chars"])
        if number not in by_number:
            problems.append(f"line {number} is not one of the quotation's source lines")
            continue
        index = by_number[number]
        line = lines[index][1]
        positions = token_positions(line, token)
        if len(positions) != 1:
            where = "not found standing on its own" if not positions else f"found {len(positions)} times"
            problems.append(f"'{token}' is {where} on line {number}")
            continue
        start = positions[0]
        lines[index] = (number, (line[:start].rstrip() + line[start + len(token):]).strip())
    return lines, problems


def printed_number(number: str, window: str) -> tuple[int, int] | None:
    """Where the window prints `number` as a token of its own ("5", "5.", "A3"), not
    as part of a longer number or word ("15", "5.4", "A30"); None if nowhere."""
    found = re.search(rf"(?<![\w.]){re.escape(normalise_text(number))}(?!\w|\.\d)", window)
    return found.span() if found else None


def _matches_at(text: str, window: str, start: int) -> int | None:
    """Does `text` occur in `window` at `start`, reading each line break in
    the window as a space, as a bare join between two characters, or (after a
    hyphen between two letters) as a soft hyphenation? A small backtracking
    walk: only line breaks offer a choice, and a window holds few of them.
    Returns the window offset where the match ends, or None."""
    pending = [(0, start)]
    while pending:
        i, j = pending.pop()
        if i == len(text):
            return j
        if j >= len(window):
            continue
        char, source = text[i], window[j]
        if source != "\n":
            # Up to the next line break (or the hyphen just before it) there is no choice:
            # compare that stretch at once instead of character by character.
            end_of_line = window.find("\n", j)
            if end_of_line < 0:
                end_of_line = len(window)
            stop = end_of_line - 1 if end_of_line < len(window) and window[end_of_line - 1] == "-" else end_of_line
            if stop > j:
                length = min(stop - j, len(text) - i)
                if window.startswith(text[i:i + length], j):
                    pending.append((i + length, j + length))
                continue
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
    return None


def _occurs(text: str, window: str) -> bool:
    return any(_matches_at(text, window, start) is not None for start, char in enumerate(window) if char == text[0])


def find_span(text: str, window: str) -> tuple[int, int] | None:
    """Where `text` first occurs in the window, as (start, end) offsets, or None."""
    text = normalise_text(text)
    if not text:
        return None
    # Fast path: most quotations match with line breaks read as spaces; only
    # the rest need the walk that also allows joins across breaks.
    start = window.replace("\n", " ").find(text)
    if start >= 0:
        return start, start + len(text)
    for start, char in enumerate(window):
        if char == text[0]:
            end = _matches_at(text, window, start)
            if end is not None:
                return start, end
    return None


def occurs_in(text: str, window: str) -> bool:
    return find_span(text, window) is not None


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


def _compile_valid(patterns: object) -> list[re.Pattern[str]]:
    """The valid patterns (validate.check_furniture reports the others)."""
    compiled = []
    for pattern in patterns if isinstance(patterns, list) else []:
        try:
            compiled.append(re.compile(str(pattern)))
        except re.error:
            pass
    return compiled


class SourceLibrary:
    """The source texts under sources/, loaded lazily."""

    def __init__(self, directory: Path):
        self.directory = directory
        furniture_file = directory / "furniture.yaml"
        try:
            raw = yaml.safe_load(furniture_file.read_text(encoding="utf-8")) if furniture_file.exists() else {}
        except (yaml.YAMLError, UnicodeDecodeError):
            raw = {}  # validate.check_furniture reports the syntax error with its line
        if not isinstance(raw, dict):
            raw = {}
        self._furniture = {name: _compile_valid(patterns) for name, patterns in raw.items()}

    @lru_cache(maxsize=None)
    def get(self, name: str) -> SourceFile | None:
        path = self.directory / name
        if not path.is_file():
            return None
        stat = path.stat()
        return SourceFile(name, list(_source_lines(path, stat.st_mtime_ns, stat.st_size)), self._furniture.get(name, []))


@lru_cache(maxsize=32)
def _source_lines(path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    """A source's lines, read once per version of the file (a `serve` session
    or a test validates many times against the same sources). Bytes that are
    not UTF-8 become U+FFFD so the quotations elsewhere in the file can still
    be checked; validate.check_source_encoding reports where they are."""
    return tuple(path.read_bytes().decode("utf-8", errors="replace").splitlines())
