"""Read YAML files while remembering the line of every value.

PyYAML's `safe_load` forgets positions, so we compose the node graph and
convert it ourselves. That gives every error message a line number and lets
us reject duplicate mapping keys, which PyYAML would silently overwrite.

Whatever the bytes, loading ends in data or in `file:line: message` problems,
in time and memory proportional to the file:
- bytes that are not UTF-8 are reported at the line of the first bad byte;
- anchors and aliases (`&name`, `*name`) are refused outright, so a file of
  nested aliases (a "billion laughs" bomb) is never expanded;
- nesting deeper than MAX_DEPTH is refused instead of exhausting the stack;
- a string, list or mapping left open is reported where it starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

JsonPath = tuple[Any, ...]

# Far deeper than any normset needs (they nest about 12 levels), far below
# what would strain Python's stack.
MAX_DEPTH = 60


@dataclass
class LoadedFile:
    path: Path
    display_path: str
    data: Any
    # None in a cached copy (generator/cache.py): the line of every value is as large as the data
    # itself and is needed only for a message, so it is read again from the file if one is due.
    lines: dict[JsonPath, int] | None = field(default_factory=dict)
    first_line: str = ""

    def line_of(self, json_path: JsonPath) -> int:
        """Line of the deepest known node on `json_path` (1-based)."""
        if self.lines is None:
            reloaded, _ = load_yaml(self.path, self.display_path)
            self.lines = reloaded.lines if reloaded is not None else {}
        json_path = tuple(json_path)
        while json_path not in self.lines and json_path:
            json_path = json_path[:-1]
        return self.lines.get(json_path, 1)


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


class _Converter:
    def __init__(self, display_path: str):
        self.display_path = display_path
        self.lines: dict[JsonPath, int] = {}
        self.problems: list[Problem] = []

    def convert(self, node: yaml.Node, path: JsonPath) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if len(path) > MAX_DEPTH:
            raise _TooDeep(node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem(self.display_path, key_node.start_mark.line + 1,
                                                 "a mapping key must be plain text, not a list or mapping"))
                    continue
                key = key_node.value
                if key in result:
                    self.problems.append(Problem(self.display_path, key_node.start_mark.line + 1,
                                                f"duplicate key '{key}'"))
                    continue
                result[key] = self.convert(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, path + (index,)) for index, child in enumerate(node.value)]
        if node.tag == _STR_TAG:
            return node.value  # what the constructor would return, at a fraction of the cost
        try:
            return _SCALARS.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, OverflowError) as error:
            # e.g. `date: 2026-13-45`, which YAML reads as an impossible date
            reason = getattr(error, "problem", None) or str(error)
            self.problems.append(Problem(self.display_path, node.start_mark.line + 1,
                                         f"unreadable value '{node.value}': {reason}"))
            return None


# libyaml's parser is several times faster; marks (line numbers) work the same.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = "tag:yaml.org,2002:str"

# An anchor or alias sign can only begin a node: at a line start, after whitespace or after a
# flow indicator or the colon of a flow mapping. Text where none stands there ("Welzijn &
# Maatschappelijke", "zorg *)") needs no extra parse to prove it has neither.
_ANCHOR_OR_ALIAS_START = re.compile(r"(?:^|[\s\ufeff\[{,:])[&*][^\s\[\]{},]", re.MULTILINE)

# Resolves plain scalars (ints, booleans, null, dates) exactly like safe_load.
_SCALARS = yaml.constructor.SafeConstructor()


def _decode(data: bytes, display_path: str) -> tuple[str | None, list[Problem]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        hint = " (this looks like UTF-16)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        return None, [Problem(display_path, line, f"the file is not valid UTF-8{hint}: byte "
                              f"0x{data[error.start]:02x} in column {column}; save the file as UTF-8")]


def _anchors_and_aliases(text: str, display_path: str) -> list[Problem]:
    """Every anchor and alias, found by a parse that never expands them."""
    if not _ANCHOR_OR_ALIAS_START.search(text):
        return []  # neither can occur without its sign at a node's start: skip the extra parse
    problems = []
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            problems.append(Problem(display_path, event.start_mark.line + 1,
                                    f"YAML alias '*{event.anchor}' is not allowed in normsets; write the value out"))
        elif getattr(event, "anchor", None):
            problems.append(Problem(display_path, event.start_mark.line + 1,
                                    f"YAML anchor '&{event.anchor}' is not allowed in normsets; write the value out"))
    return problems


def _open_quote_before(text: str, mark) -> tuple[int, int] | None:
    """(start, end line) of a quoted string spanning lines that ends just
    before the error: the usual sign of a missing closing quote, which then
    pairs with the next quote further down."""
    last = None
    try:
        for token in yaml.scan(text, Loader=_LOADER):
            if mark is not None and token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if (isinstance(last, yaml.ScalarToken) and last.style in ("'", '"')
            and last.end_mark.line > last.start_mark.line):
        return last.start_mark.line + 1, last.end_mark.line + 1
    return None


def _syntax_problem(error: yaml.MarkedYAMLError, display_path: str, text: str) -> Problem:
    """A syntax error at the line where the faulty construct starts: for
    something left open (a quote, a bracket) that is where it was opened,
    not the end of the file where the parser noticed."""
    problem = error.problem or "invalid YAML"
    mark, context = error.problem_mark, error.context or ""
    opened = any(kind in context for kind in ("quoted scalar", "parsing a flow", "block scalar"))
    line_count = text.count("\n") + 1
    quoted = _open_quote_before(text, mark)
    if quoted is not None:
        start, end = quoted
        return Problem(display_path, start, f"YAML syntax error: a quoted string starts here and runs on to line "
                                            f"{end}; is its closing quote missing?")
    at_end = mark is None or mark.line + 1 > line_count or "end of stream" in problem
    if error.context_mark is not None and (opened or at_end):
        noticed = f", noticed on line {mark.line + 1}" if mark is not None and mark.line != error.context_mark.line else ""
        return Problem(display_path, min(error.context_mark.line + 1, line_count),
                       f"YAML syntax error: {problem} ({context or 'something'} that starts here{noticed})")
    return Problem(display_path, min(mark.line + 1, line_count) if mark else 1, f"YAML syntax error: {problem}")


def load_yaml(path: Path, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    text, problems = _decode(path.read_bytes(), display_path)
    if text is None:
        return None, problems
    try:
        problems = _anchors_and_aliases(text, display_path)
        if problems:
            return None, problems
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, display_path, text)]
    except yaml.YAMLError as error:  # e.g. a control character the reader refuses
        mark = getattr(error, "position", None)
        line = text.count("\n", 0, mark) + 1 if isinstance(mark, int) else 1
        return None, [Problem(display_path, line, f"YAML error: {error}")]
    if node is None:
        return None, [Problem(display_path, 1, "file is empty")]
    converter = _Converter(display_path)
    try:
        data = converter.convert(node, ())
    except _TooDeep as error:
        return None, [Problem(display_path, error.line, f"nested more than {MAX_DEPTH} levels deep")]
    first_line = text.splitlines()[0] if text else ""
    return LoadedFile(path, display_path, data, converter.lines, first_line), converter.problems
