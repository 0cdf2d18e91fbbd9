"""Read YAML files while remembering the line of every value.

PyYAML's `safe_load` forgets positions, so we compose the node graph and
convert it ourselves. That gives every error message a line number and lets
us reject duplicate mapping keys, which PyYAML would silently overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

JsonPath = tuple[Any, ...]


@dataclass
class LoadedFile:
    path: Path
    display_path: str
    data: Any
    lines: dict[JsonPath, int] = field(default_factory=dict)
    first_line: str = ""

    def line_of(self, json_path: JsonPath) -> int:
        """Line of the deepest known node on `json_path` (1-based)."""
        json_path = tuple(json_path)
        while json_path not in self.lines and json_path:
            json_path = json_path[:-1]
        return self.lines.get(json_path, 1)


class _Converter:
    def __init__(self, display_path: str):
        self.display_path = display_path
        self.lines: dict[JsonPath, int] = {}
        self.problems: list[Problem] = []

    def convert(self, node: yaml.Node, path: JsonPath) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = key_node.value
                if key in result:
                    self.problems.append(Problem(self.display_path, key_node.start_mark.line + 1,
                                                f"duplicate key '{key}'"))
                    continue
                result[key] = self.convert(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, path + (index,)) for index, child in enumerate(node.value)]
        return _SCALARS.construct_object(node, deep=True)


# libyaml's parser is several times faster; marks (line numbers) work the same.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Resolves plain scalars (ints, booleans, null, dates) exactly like safe_load.
_SCALARS = yaml.constructor.SafeConstructor()


def load_yaml(path: Path, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(display_path, line, f"YAML syntax error: {error.problem}")]
    if node is None:
        return None, [Problem(display_path, 1, "file is empty")]
    converter = _Converter(display_path)
    data = converter.convert(node, ())
    first_line = text.splitlines()[0] if text else ""
    return LoadedFile(path, display_path, data, converter.lines, first_line), converter.problems
