"""Data for the in-browser tools (finder, zelfscan, selectie).

Written as small JSON files under assets/catalog/ so a page loads only what
it shows, and its weight does not grow with the catalogue (issue 22):
- frameworks.json: the list every tool loads to offer a choice: the frameworks'
  metadata (with their ID prefix, so a client finds a criterion's framework from
  its ID alone), elements, topics, domains, segments, applicability kinds.
  Nothing per criterion or per section.
- <framework-id>.json: that framework's section tree, its criteria in full (in
  source order), its retired IDs and the comparable groups its criteria are in
  (each group whole, with its catalogue position, so the groups of several loaded
  frameworks merge back into catalogue order).

The fingerprint is the one published-ids.yaml records, so a saved self-scan
can tell which answers were given to a text that has since changed.
"""

from __future__ import annotations

import json
from typing import Any

from ..citations import lifecycle_record
from ..model import SEGMENT_RULE_LABELS, Annotation, Catalog, Criterion, Framework, Item, Section
from ..stable_ids import fingerprint
from .counting import COUNT_RULE


def _item(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"text": item.text}
    if item.label:
        data["label"] = item.label
    if item.informative:
        data["informative"] = True
    if item.items:
        data["items"] = [_item(child) for child in item.items]
    return data


def _annotation(annotation: Annotation) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": annotation.kind, "text": annotation.text}
    if annotation.lines is None:
        data["editorial"] = True  # written by the editors, not quoted from the source
    if annotation.label:
        data["label"] = annotation.label
    if annotation.items:
        data["items"] = [_item(i) for i in annotation.items]
    return data


def criterion_fingerprint(criterion: Criterion) -> str:
    return fingerprint({"text": criterion.text, **({"title": criterion.title} if criterion.title else {}),
                        **({"closing": {"text": criterion.closing.text}} if criterion.closing else {})})


def criterion_record(criterion: Criterion) -> dict[str, Any]:
    """Everything a tool shows of one criterion; the keys are the client's contract."""
    return {
        "id": criterion.id,
        "framework": criterion.framework.id,
        "section": criterion.section_path[-1].id,
        "number": criterion.number,
        "label": criterion.label,  # the reader-facing locator, never the ID
        "citation": {"text": criterion.citation.text, "locator": criterion.citation.locator},
        "title": criterion.title,
        "text": criterion.text,
        "items": [_item(i) for i in criterion.items],
        "closing": criterion.closing.text if criterion.closing else None,  # shown after the items
        "elements": criterion.elements,
        "tags": criterion.tags,
        "applicability": [_annotation(a) for a in criterion.applicability],
        "evidence": [_annotation(e) for e in criterion.evidence],
        "notes": [_annotation(n) for n in criterion.notes],
        "url": criterion.url,
        "fingerprint": criterion_fingerprint(criterion),
        "comparable": criterion.comparable_groups,
    }


def _section(section: Section, parent: str | None) -> dict[str, Any]:
    return {"id": section.id, "title": section.title, "number": section.number, "depth": section.depth,
            "parent": parent, "title_editorial": section.title_editorial,
            "applicability": [_annotation(a) for a in section.applicability]}


def _segment_rule(framework: Framework) -> dict[str, Any] | None:
    rule = framework.segment_rule
    if rule is None:
        return None
    record = {"kind": rule["kind"], "label": SEGMENT_RULE_LABELS[rule["kind"]], "reason": rule["reason"]}
    if "quote" in rule:
        record["quote"] = rule["quote"]
    return record


def _sections(framework: Framework) -> list[dict[str, Any]]:
    """The section tree as a flat list in source order, each with its parent's ID."""
    sections = []
    for top in framework.sections:
        stack: list[tuple[Section, str | None]] = [(top, None)]
        while stack:
            section, parent = stack.pop()
            sections.append(_section(section, parent))
            stack.extend((child, section.id) for child in reversed(section.sections))
    return sections


def _framework(framework: Framework, catalog: Catalog) -> dict[str, Any]:
    data = framework.data
    return {
        "id": framework.id, "id_prefix": data["id_prefix"], "title": data["title"], "short_title": data.get("short_title") or data["title"],
        "publisher": framework.publisher_text, "year": framework.year_text,
        "version": data.get("version") or data.get("date") or framework.year_text,
        "status": data["status"], "status_label": catalog.statuses[data["status"]].label,
        "domains": data["domains"], "segments": data.get("segments", []),
        # Segments it applies to (all of its domains' segments for 'alle-segmenten'), and for a
        # framework without segment data the recorded rule {kind, label, reason{text, lines|editorial}}.
        "segments_applied": framework.segments_applied(catalog.segments), "segment_rule": _segment_rule(framework),
        "item_term": data["item_term"], "url": f"kaders/{framework.id}/",
        "criteria_count": len(framework.criteria()),
        "links": data.get("links", []),  # other documents worth linking: [{label, url}]
        "original": data["original"],  # {label, url} or {label, not_public: {text, editorial}}
        "lifecycle": lifecycle_record(framework),  # {status, label, valid_from?, valid_until?, ..., warning}
    }


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def render_framework_client_data(framework: Framework, catalog: Catalog, build_date: str) -> dict[str, bytes]:
    """One framework's sections, criteria, retired IDs and comparable groups for the tools (the
    pipeline caches it per framework; its key covers the groups' other members)."""
    own = {group_id for criterion in framework.criteria() for group_id in criterion.comparable_groups}
    return {f"assets/catalog/{framework.id}.json": _dump({
        "framework": framework.id, "build_date": build_date, "sections": _sections(framework),
        "criteria": [criterion_record(c) for c in framework.criteria()],
        "retired": {r["id"]: {k: v for k, v in r.items() if k != "id"} for r in framework.retired},
        # Curated groups of comparable criteria; label and note are editorial text.
        "comparable": [{"id": g.id, "order": order, "label": g.label, "note": g.note,
                        "members": [{"id": c.id, "relation": relation} for c, relation in g.members]}
                       for order, g in enumerate(catalog.comparable) if g.id in own],
    })}


def render_client_data(catalog: Catalog, build_date: str, per_framework: bool = True) -> dict[str, bytes]:
    listing = {
        "build_date": build_date,
        "elements": [{"id": e.id, "label": e.label} for e in catalog.elements],
        "topics": [{"id": t.id, "label": t.label, "description": t.description} for t in catalog.tags.values()],
        "count_rule": COUNT_RULE,
        "domains": [{"id": d.id, "label": d.label} for d in catalog.domains.values()],
        "applicability": [{"id": k.id, "label": k.label} for k in catalog.applicability_kinds.values()],
        "segments": [{"id": s.id, "domain": s.domain, "code": s.code, "name": s.name}
                     for s in catalog.segments.values()],
        "frameworks": [_framework(f, catalog) for f in catalog.frameworks],
    }
    files = {"assets/catalog/frameworks.json": _dump(listing)}
    if per_framework:
        for framework in catalog.frameworks:
            files.update(render_framework_client_data(framework, catalog, build_date))
    return files
