"""The tools' data as a built site serves it (assets/catalog/, generator/render/client.py), read
back whole for tests that compute what a page should show."""

from __future__ import annotations

import json
from pathlib import Path


def whole_catalog(site_dir: Path | str) -> dict:
    """frameworks.json as a tool sees it once every framework file is loaded (lib/catalog.js):
    each framework with its `sections`, plus `criteria` ({id: [framework, fingerprint]}),
    `retired` ({id: {reason, replaced_by?}}) and `comparable` (the groups, catalogue order)."""
    root = Path(site_dir) / "assets" / "catalog"
    index = json.loads((root / "frameworks.json").read_text(encoding="utf-8"))
    criteria: dict[str, list[str]] = {}
    retired: dict[str, dict] = {}
    groups: dict[str, dict] = {}
    for framework in index["frameworks"]:
        data = json.loads((root / f"{framework['id']}.json").read_text(encoding="utf-8"))
        framework["sections"] = data["sections"]
        criteria.update((c["id"], [c["framework"], c["fingerprint"]]) for c in data["criteria"])
        retired.update(data["retired"])
        groups.update((group["id"], group) for group in data["comparable"])
    index.update(criteria=criteria, retired=retired, comparable=sorted(groups.values(), key=lambda g: g["order"]))
    return index
