"""Shared helpers for data tests: load the real normsets once."""

from __future__ import annotations

from collections import Counter
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from generator.project import ProjectPaths
from generator.validate import RawData, validate_project

ROOT = Path(os.environ.get("KK_ROOT") or Path(__file__).resolve().parent.parent)


@lru_cache(maxsize=1)
def real_data() -> RawData:
    raw, problems = validate_project(ProjectPaths(ROOT))
    assert not problems, "\n".join(map(str, problems))
    return raw


def framework(framework_id: str) -> dict[str, Any]:
    for file in real_data().frameworks:
        if file.data["framework"]["id"] == framework_id:
            return file.data
    raise KeyError(framework_id)


def walk_sections(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for section in sections:
        yield section
        yield from walk_sections(section.get("sections", []))


def criteria(framework_id: str) -> list[dict[str, Any]]:
    return [c for s in walk_sections(framework(framework_id)["sections"]) for c in s.get("criteria", [])]


def count_items(items: list[dict[str, Any]]) -> int:
    return sum(1 + count_items(item.get("items", [])) for item in items)


def count_by_element(framework_id: str) -> Counter[str]:
    return Counter(c["element"] for c in criteria(framework_id))
