"""Import files the self-scan must refuse (or, for hostile text in an
otherwise valid file, show as literal text). Built from one valid scan so every
file differs from a good one in exactly the way its name says."""

from __future__ import annotations

import copy
import json

FRAMEWORK = "midden-groningen-wmo"
# Either would set the flag if it were ever parsed as HTML and run.
PAYLOADS = ['<img src=x onerror="window.__kkPwned=1">', "<script>window.__kkPwned=1</script>"]
PAYLOAD = " ".join(PAYLOADS)


def valid_scan(criteria: list[dict], scan_id: str = "zs-test-valid") -> dict:
    """A complete, valid export: first criterion answered, a plan for it."""
    first = criteria[0]
    return {
        "schema": "kk-zelfscan", "version": 2, "id": scan_id, "name": "Testscan", "organisation": "Testorganisatie",
        "date": "2026-01-15", "created": "2026-01-15T09:00:00.000Z", "modified": "2026-01-15T10:00:00.000Z",
        "scope": {"kind": "kader", "framework": FRAMEWORK}, "framework_versions": {FRAMEWORK: "z.j."},
        "disabled_sections": [],
        "answers": {first["id"]: {"score": "gedeeltelijk", "reason": "", "toelichting": "Deels op orde",
                                   "evidence": ["Meldcode.pdf"], "checklist": {}, "fingerprint": first["fingerprint"],
                                   "answered_at": "2026-01-15T09:30:00.000Z"}},
        "plan": {first["id"]: {"action": "Meldcode bijwerken", "owner": "Kwaliteitsmedewerker", "due": "2026-06-01",
                               "target": "voldoet"}},
        "resume": {"criterion": first["id"]},
    }


def version_1_scan(criteria: list[dict], scan_id: str = "zs-test-v1") -> dict:
    """valid_scan as version 1 wrote it: no plan target, no resume point."""
    scan = valid_scan(criteria, scan_id)
    scan["version"] = 1
    del scan["resume"]
    for entry in scan["plan"].values():
        del entry["target"]
    return scan


OTHER_FRAMEWORK = "twente-kwaliteit-2017"


def valid_multi_scan(criteria: list[dict], scan_id: str = "zs-test-kaders") -> dict:
    """The valid scan as a scan over two frameworks, its answer from a shared question."""
    scan = valid_scan(criteria, scan_id)
    scan["scope"] = {"kind": "kaders", "frameworks": [FRAMEWORK, OTHER_FRAMEWORK]}
    scan["framework_versions"][OTHER_FRAMEWORK] = "2017"
    scan["answers"][criteria[0]["id"]]["shared"] = {"group": "klachtenprocedure", "confirmed": False}
    return scan


def _variant(base: dict, change) -> bytes:
    scan = copy.deepcopy(base)
    change(scan)
    return json.dumps(scan, ensure_ascii=False).encode("utf-8")


def _set(path: list, value):
    def change(scan):
        target = scan
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _delete(key):
    return lambda scan: scan.pop(key)


def bad_files(criteria: list[dict]) -> dict[str, bytes]:
    """name → file bytes; every one must be refused."""
    base = valid_scan(criteria)
    first = criteria[0]["id"]
    text = json.dumps(base).encode("utf-8")
    files = {
        "malformed-json": b"{schema: kk-zelfscan,,}",
        "truncated": text[: len(text) // 2],
        "empty-file": b"",
        "not-utf8-garbage": bytes(range(256)),
        "oversized-6mb": _variant(base, _set(["answers", first, "toelichting"], "x" * (6 * 1024 * 1024))),
        "top-level-array": b"[]",
        "top-level-null": b"null",
        "top-level-string": b'"kk-zelfscan"',
        "array-of-scans": json.dumps([base]).encode(),
        "wrong-schema": _variant(base, _set(["schema"], "iets-anders")),
        "unknown-version-3": _variant(base, _set(["version"], 3)),
        "version-0": _variant(base, _set(["version"], 0)),
        "version-as-string": _variant(base, _set(["version"], "1")),
        "missing-name": _variant(base, _delete("name")),
        "missing-answers": _variant(base, _delete("answers")),
        "unknown-top-level-field": _variant(base, _set(["extra"], True)),
        "empty-name": _variant(base, _set(["name"], "   ")),
        "name-too-long": _variant(base, _set(["name"], "n" * 201)),
        "impossible-date": _variant(base, _set(["date"], "2026-02-30")),
        "unknown-framework": _variant(base, _set(["scope", "framework"], "bestaat-niet-2099")),
        "unknown-scope-kind": _variant(base, _set(["scope", "kind"], "alles")),
        "criteria-scope-ids-string": _variant(base, _set(["scope"], {"kind": "criteria", "ids": first})),
        "criteria-scope-all-unknown": _variant(base, _set(["scope"], {"kind": "criteria", "ids": ["zz-onbekend-01"]})),
        "criteria-scope-constructor-id": _variant(base, _set(["scope"], {"kind": "criteria", "ids": ["constructor"]})),
        "framework-versions-unknown": _variant(base, _set(["framework_versions", "bestaat-niet-2099"], "1")),
        "disabled-section-unknown-framework": _variant(base, _set(["disabled_sections"], [{"framework": "x-y", "section": "a"}])),
        "score-unknown-value": _variant(base, _set(["answers", first, "score"], "perfect")),
        "score-prototype-name": _variant(base, _set(["answers", first, "score"], "toString")),
        "answer-unknown-field": _variant(base, _set(["answers", first, "extra"], "x")),
        "answer-key-not-an-id": _variant(base, _set(["answers", "<script>"], {"score": "voldoet"})),
        "plan-due-not-a-date": _variant(base, _set(["plan", first, "due"], "morgen")),
        "plan-target-nvt": _variant(base, _set(["plan", first, "target"], "nvt")),
        "plan-target-unknown": _variant(base, _set(["plan", first, "target"], "perfect")),
        "resume-unknown-field": _variant(base, _set(["resume", "view"], "resultaten")),
        "resume-missing-criterion": _variant(base, _set(["resume"], {})),
        "hostile-resume-criterion": _variant(base, _set(["resume", "criterion"], PAYLOADS[0])),
        # Hostile text in the fields that only take IDs, dates or codes: refused outright.
        "hostile-scan-id": _variant(base, _set(["id"], PAYLOADS[0])),
        "hostile-date": _variant(base, _set(["date"], PAYLOADS[0])),
        "hostile-created": _variant(base, _set(["created"], PAYLOADS[1])),
        "hostile-framework-id": _variant(base, _set(["scope", "framework"], PAYLOADS[0])),
        "hostile-criteria-scope-id": _variant(base, _set(["scope"], {"kind": "criteria", "ids": [first, PAYLOADS[1]]})),
        "hostile-disabled-section": _variant(base, _set(["disabled_sections"], [{"framework": FRAMEWORK, "section": PAYLOADS[0]}])),
        "hostile-score": _variant(base, _set(["answers", first, "score"], PAYLOADS[0])),
        "hostile-checklist-key": _variant(base, _set(["answers", first, "checklist"], {PAYLOADS[0]: True})),
        "hostile-fingerprint": _variant(base, _set(["answers", first, "fingerprint"], PAYLOADS[1])),
        "hostile-answered-at": _variant(base, _set(["answers", first, "answered_at"], PAYLOADS[0])),
        "hostile-plan-key": _variant(base, _set(["plan", PAYLOADS[1]], {"action": "x"})),
        "hostile-plan-due": _variant(base, _set(["plan", first, "due"], PAYLOADS[0])),
        "proto-key-top-level": _variant(base, _set(["__proto__"], {"polluted": True})),
        "proto-key-in-answers": _variant(base, _set(["answers", "__proto__"], {"polluted": True})),
        "proto-key-in-answer": _variant(base, _set(["answers", first, "__proto__"], {"polluted": True})),
        "constructor-key-in-plan": _variant(base, _set(["plan", "constructor"], {"prototype": {"polluted": True}})),
        "prototype-key-in-checklist": _variant(base, _set(["answers", first, "checklist"], {"prototype": True})),
    }
    # A wrong type in every field: objects become strings, everything else a list or an object.
    wrong_top = {"schema": 1, "version": None, "id": 42, "name": ["Testscan"], "organisation": {"naam": "x"},
                 "date": 20260115, "created": True, "modified": None, "scope": [FRAMEWORK],
                 "framework_versions": [FRAMEWORK], "disabled_sections": {"a": "b"}, "answers": [], "plan": "plan"}
    for key, value in wrong_top.items():
        files[f"wrong-type-{key}"] = _variant(base, _set([key], value))
    wrong_answer = {"score": 4, "reason": ["x"], "toelichting": 12, "evidence": "Meldcode.pdf",
                    "checklist": ["0"], "fingerprint": 123, "answered_at": False}
    for key, value in wrong_answer.items():
        files[f"wrong-type-answer-{key}"] = _variant(base, _set(["answers", first, key], value))
    files["wrong-type-answer-whole"] = _variant(base, _set(["answers", first], "voldoet"))
    files["wrong-type-evidence-item"] = _variant(base, _set(["answers", first, "evidence"], [1, 2]))
    files["wrong-type-checklist-value"] = _variant(base, _set(["answers", first, "checklist"], {"0": "ja"}))
    files["wrong-type-resume"] = _variant(base, _set(["resume"], first))
    for key, value in {"action": 1, "owner": ["x"], "due": 20260601, "target": 4}.items():
        files[f"wrong-type-plan-{key}"] = _variant(base, _set(["plan", first, key], value))
    files["wrong-type-plan-entry"] = _variant(base, _set(["plan", first], ["actie"]))
    files["wrong-type-disabled-section"] = _variant(base, _set(["disabled_sections"], ["veiligheid"]))
    files["wrong-type-framework-version"] = _variant(base, _set(["framework_versions", FRAMEWORK], 2016))
    # A scan over several frameworks (scope "kaders") and its shared answers.
    multi = valid_multi_scan(criteria)
    kaders = ["scope", "frameworks"]
    shared = ["answers", first, "shared"]
    files.update({
        "kaders-unknown-framework": _variant(multi, _set(kaders, [FRAMEWORK, "bestaat-niet-2099"])),
        "kaders-one-framework": _variant(multi, _set(kaders, [FRAMEWORK])),
        "kaders-no-frameworks": _variant(multi, _set(kaders, [])),
        "kaders-same-framework-twice": _variant(multi, _set(kaders, [FRAMEWORK, FRAMEWORK])),
        "kaders-frameworks-string": _variant(multi, _set(kaders, f"{FRAMEWORK},{OTHER_FRAMEWORK}")),
        "kaders-framework-number": _variant(multi, _set(kaders, [FRAMEWORK, 7])),
        "kaders-frameworks-missing": _variant(multi, _set(["scope"], {"kind": "kaders"})),
        "kaders-extra-scope-field": _variant(multi, _set(["scope", "framework"], FRAMEWORK)),
        "hostile-kaders-framework": _variant(multi, _set(kaders, [FRAMEWORK, PAYLOADS[0]])),
        "shared-outside-scope": _variant(multi, _set(kaders, [OTHER_FRAMEWORK, "voorkomen-seksueel-misbruik-2013"])),
        "shared-in-single-framework-scan": _variant(base, _set(["answers", first, "shared"], {"group": "vog", "confirmed": True})),
        "shared-not-an-object": _variant(multi, _set(shared, True)),
        "shared-confirmed-string": _variant(multi, _set(shared + ["confirmed"], "ja")),
        "shared-group-missing": _variant(multi, _set(shared, {"confirmed": True})),
        "shared-unknown-field": _variant(multi, _set(shared + ["score"], "voldoet")),
        "hostile-shared-group": _variant(multi, _set(shared + ["group"], PAYLOADS[1])),
        "proto-key-in-shared": _variant(multi, _set(shared + ["__proto__"], {"polluted": True})),
    })
    return files


# Every free-text field of a scan, as a path into the document.
TEXT_FIELDS = {
    "name": ["name"], "organisation": ["organisation"], "reason": ["answers", None, "reason"],
    "toelichting": ["answers", None, "toelichting"], "evidence": ["answers", None, "evidence"],
    "plan-action": ["plan", None, "action"], "plan-owner": ["plan", None, "owner"],
    "framework-version": ["framework_versions", FRAMEWORK],
}


def hostile_files(criteria: list[dict]) -> dict[str, bytes]:
    """Valid scans with the payloads in one text field each, and one with them in all."""
    first = criteria[0]["id"]
    files = {}
    everywhere = valid_scan(criteria, "zs-hostile-all")
    for field, path in TEXT_FIELDS.items():
        path = [first if part is None else part for part in path]
        value = [PAYLOAD] if field == "evidence" else PAYLOAD
        scan = valid_scan(criteria, f"zs-hostile-{field}")
        if field == "reason":
            scan["answers"][first]["score"] = "nvt"  # so the reason is also printed in the report
        files[f"hostile-{field}"] = _variant(scan, _set(path, value))
        _set(path, value)(everywhere)
    everywhere["answers"][first]["score"] = "niet"
    files["hostile-everywhere"] = json.dumps(everywhere).encode("utf-8")
    # A valid scan over two frameworks, so it also shows the framework switch of the results.
    multi = valid_multi_scan(criteria, "zs-hostile-kaders")
    multi["answers"][first]["toelichting"] = PAYLOAD
    files["hostile-kaders-toelichting"] = json.dumps(multi).encode("utf-8")
    return files
