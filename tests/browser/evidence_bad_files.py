"""Evidence-library files (kk-bewijs) the self-scan must refuse, and valid ones
with hostile text that must stay text. Built from one valid library the way
zelfscan_bad_files.py builds scans: every bad file differs from the good one in
exactly the way its name says."""

from __future__ import annotations

import copy
import json

from tests.browser.zelfscan_bad_files import PAYLOAD, PAYLOADS, _set, _variant


def valid_item(item_id: str, criteria: list[str], name: str = "Meldcode huiselijk geweld") -> dict:
    return {"id": item_id, "name": name, "kind": "procedure", "link": "https://intranet.example/meldcode.pdf",
            "owner": "Kwaliteitsmedewerker", "date": "2026-01-10", "review": "2027-01-10", "note": "Jaarlijks herzien",
            "criteria": criteria, "created": "2026-01-15T09:00:00.000Z", "modified": "2026-01-15T10:00:00.000Z"}


def valid_library(criteria: list[str]) -> dict:
    return {"schema": "kk-bewijs", "version": 1, "items": [
        valid_item("bw-test-1", criteria), valid_item("bw-test-2", criteria[:1], "VOG-registratie")]}


def bad_library_files(criteria: list[str]) -> dict[str, bytes]:
    """name → file bytes; every one must be refused."""
    base = valid_library(criteria)
    text = json.dumps(base).encode("utf-8")
    item = ["items", 0]
    files = {
        "malformed-json": b"{schema: kk-bewijs,,}",
        "truncated": text[: len(text) // 2],
        "empty-file": b"",
        "not-utf8": bytes(range(256)),
        "latin1": json.dumps({**base, "items": [{**base["items"][0], "name": "Cliëntenraad"}]}, ensure_ascii=False).encode("latin-1"),
        # (A file over 5 MB is refused by the same reader as a scan file: test_zelfscan covers it.)
        "top-level-array": json.dumps(base["items"]).encode(),
        "top-level-null": b"null",
        "a-scan-file": json.dumps({"schema": "kk-zelfscan", "version": 1}).encode(),
        "wrong-schema": _variant(base, _set(["schema"], "kk-selectie")),
        "unknown-version": _variant(base, _set(["version"], 2)),
        "version-as-string": _variant(base, _set(["version"], "1")),
        "missing-items": _variant(base, lambda data: data.pop("items")),
        "items-not-a-list": _variant(base, _set(["items"], {"bw-test-1": base["items"][0]})),
        "unknown-top-level-field": _variant(base, _set(["extra"], True)),
        "item-not-an-object": _variant(base, _set(item, "Meldcode")),
        "item-missing-name": _variant(base, lambda data: data["items"][0].pop("name")),
        "item-unknown-field": _variant(base, _set([*item, "extra"], 1)),
        "empty-name": _variant(base, _set([*item, "name"], "  ")),
        "name-too-long": _variant(base, _set([*item, "name"], "n" * 201)),
        "unknown-kind": _variant(base, _set([*item, "kind"], "foto")),
        "kind-prototype-name": _variant(base, _set([*item, "kind"], "toString")),
        "impossible-review-date": _variant(base, _set([*item, "review"], "2026-02-30")),
        "review-not-a-date": _variant(base, _set([*item, "review"], "volgend jaar")),
        "created-not-a-moment": _variant(base, _set([*item, "created"], "2026-13-45T99:99:99Z")),
        "criteria-not-a-list": _variant(base, _set([*item, "criteria"], criteria[0])),
        "criteria-duplicate": _variant(base, _set([*item, "criteria"], [criteria[0], criteria[0]])),
        "duplicate-item-ids": _variant(base, _set(["items", 1, "id"], "bw-test-1")),
        "too-many-items": _variant(base, _set(["items"], [valid_item(f"bw-{i}", []) for i in range(5001)])),
        "deeply-nested": json.dumps(base).encode().replace(b'"note": "Jaarlijks herzien"',
                                                           b'"note": ' + b"[" * 5000 + b"]" * 5000),
        # Hostile text in fields that only take IDs, dates or codes: refused outright.
        "hostile-item-id": _variant(base, _set([*item, "id"], PAYLOADS[0])),
        "hostile-kind": _variant(base, _set([*item, "kind"], PAYLOADS[1])),
        "hostile-review": _variant(base, _set([*item, "review"], PAYLOADS[0])),
        "hostile-criterion-id": _variant(base, _set([*item, "criteria"], [PAYLOADS[1]])),
        "proto-key-top-level": _variant(base, _set(["__proto__"], {"polluted": True})),
        "proto-key-in-item": _variant(base, _set([*item, "__proto__"], {"polluted": True})),
        "constructor-key-in-item": _variant(base, _set([*item, "constructor"], {"prototype": {"polluted": True}})),
    }
    wrong_types = {"name": 1, "kind": ["procedure"], "link": None, "owner": {"naam": "x"}, "date": 20260110,
                   "review": False, "note": ["x"], "criteria": "alle", "created": 0, "modified": None, "id": 7}
    for key, value in wrong_types.items():
        files[f"wrong-type-{key}"] = _variant(base, _set([*item, key], value))
    return files


HOSTILE_FIELDS = ["name", "link", "owner", "note"]


def hostile_library(criteria: list[str]) -> bytes:
    """A valid library whose free-text fields all hold the payloads."""
    data = copy.deepcopy(valid_library(criteria))
    for field in HOSTILE_FIELDS:
        data["items"][0][field] = PAYLOAD
    data["items"][1]["link"] = "javascript:window.__kkPwned=1"
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
