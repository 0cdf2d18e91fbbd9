"""Published criterion IDs never disappear or change meaning silently.

normsets/published-ids.yaml records every ID that has been published with a
fingerprint of its text. `check` then refuses:
- a published ID that is gone without being listed under `retired`;
- a published ID whose text changed, until an editor confirms with
  `kwaliteitskaders lock --accept ID` that it is still the same criterion
  (if it is not, the criterion gets a new ID and the old one is retired).
`kwaliteitskaders lock` adds new IDs; it never removes one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import Problem
from .fidelity import normalise_text
from .loader import JsonPath, LoadedFile, load_yaml
from .project import ProjectPaths

if TYPE_CHECKING:
    from .validate import RawData

HEADER = (
    "# Published criterion IDs with a fingerprint of their text.\n"
    "# Written by `kwaliteitskaders lock`; do not edit by hand. See generator/stable_ids.py.\n"
)


def fingerprint(criterion: dict[str, Any]) -> str:
    """Of the words a reader reads as the criterion: title, text and the closing text
    after its items (so moving a sentence from the text to `closing` keeps it)."""
    closing = (criterion.get("closing") or {}).get("text", "")
    text = normalise_text(criterion.get("title", "") + " " + criterion["text"] + " " + closing)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_published(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def check(raw: RawData, in_use: dict[str, tuple[LoadedFile, JsonPath]], paths: ProjectPaths) -> list[Problem]:
    display = paths.display(paths.published_ids)
    if not paths.published_ids.exists():
        return []
    loaded, problems = load_yaml(paths.published_ids, display)
    if loaded is None:
        return problems
    published, shape_problems = _well_formed(loaded)
    if shape_problems:
        return problems + shape_problems
    raw.published = published
    retired = {r["id"] for f in raw.frameworks for r in f.data.get("retired", [])}
    by_framework = {f.data["framework"]["id"]: f for f in raw.frameworks}
    for criterion_id, record in published.items():
        if criterion_id in in_use:
            file, json_path = in_use[criterion_id]
            criterion = _get(file.data, json_path)
            if fingerprint(criterion) != record.get("fingerprint"):
                problems.append(Problem(file.display_path, file.line_of(json_path + ("text",)),
                                        f"text of published criterion '{criterion_id}' changed; if it is still the "
                                        f"same criterion run `kwaliteitskaders lock --accept {criterion_id}`, "
                                        "otherwise give it a new id and retire this one"))
        elif criterion_id not in retired:
            owner = by_framework.get(record.get("framework", ""))
            if owner is not None:
                problems.append(Problem(owner.display_path, owner.line_of(("sections",)),
                                        f"published criterion '{criterion_id}' is missing; restore it or list it "
                                        "under `retired` with a reason"))
            elif not raw.unreadable_frameworks:
                # (With a normset that failed to load, its IDs only look missing: its own errors say why.)
                problems.append(Problem(display, loaded.line_of((criterion_id,)),
                                        f"published criterion '{criterion_id}' belongs to framework "
                                        f"'{record.get('framework')}', which no longer exists; retire it there"))
    return problems


def _well_formed(loaded: LoadedFile) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The records, or why the file is not `{id: {framework, fingerprint}}`.
    A file of the wrong shape is an error, never an empty list: that would let
    every published ID disappear silently."""
    if not isinstance(loaded.data, dict):
        return {}, [Problem(loaded.display_path, loaded.line_of(()),
                            "published IDs must be a mapping of criterion id to {framework, fingerprint}, "
                            f"not {_kind(loaded.data)}; restore the file from version control")]
    problems = []
    for criterion_id, record in loaded.data.items():
        line = loaded.line_of((criterion_id,))
        if not isinstance(record, dict):
            problems.append(Problem(loaded.display_path, line,
                                    f"record for id '{criterion_id}' must be a mapping with "
                                    f"`framework` and `fingerprint`, not {_kind(record)}"))
            continue
        for key in ("framework", "fingerprint"):
            if not isinstance(record.get(key), str):
                problems.append(Problem(loaded.display_path, loaded.line_of((criterion_id, key)),
                                        f"record for id '{criterion_id}' needs `{key}` as text"))
        for key in sorted(set(record) - {"framework", "fingerprint"}):
            problems.append(Problem(loaded.display_path, loaded.line_of((criterion_id, key)),
                                    f"record for id '{criterion_id}' has unknown field '{key}'"))
    return loaded.data, problems


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return "a mapping" if isinstance(value, dict) else f"the value {value!r}"


def _get(data: Any, json_path: JsonPath) -> Any:
    for part in json_path:
        data = data[part]
    return data


def lock(raw: RawData, paths: ProjectPaths, accept: set[str]) -> list[str]:
    """Record new IDs (and accepted text changes). Returns the IDs written."""
    from .validate import iter_criteria  # validate imports this module; import late to avoid a cycle

    published = read_published(paths.published_ids)
    changed = []
    for file in raw.frameworks:
        framework_id = file.data["framework"]["id"]
        for _, criterion in iter_criteria(file.data):
            criterion_id = criterion["id"]
            if criterion_id not in published or criterion_id in accept:
                published[criterion_id] = {"framework": framework_id, "fingerprint": fingerprint(criterion)}
                changed.append(criterion_id)
    body = yaml.safe_dump(published, sort_keys=True, allow_unicode=True, default_flow_style=None, width=200)
    paths.published_ids.write_text(HEADER + body, encoding="utf-8")
    return changed

