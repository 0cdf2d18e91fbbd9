"""Comparable-criteria groups (normsets/comparable.yaml): the validator on broken
files, with the exact file:line: message of every problem, and the catalog
fields the browser tools read."""

from __future__ import annotations

import json

import pytest

from generator.model import build_catalog
from generator.render.client import render_client_data
from generator.validate import validate_project
from tests.test_validation import VALID, line_of, make_project

FILE = "normsets/comparable.yaml"
# A second framework with the same criteria under another prefix: tw-01, tw-02.
SECOND = VALID.replace("  id: proef", "  id: tweede").replace("id_prefix: pr", "id_prefix: tw").replace("pr-0", "tw-0")
GROUPS = """\
# yaml-language-server: $schema=../schema/comparable.schema.json
schema_version: 1
groups:
  - id: meldcode
    label: Meldcode is ingevoerd
    note: Alleen voor tests.
    members:
      - {id: pr-01, relation: equivalent}
      - {id: tw-01, relation: partial}
  - id: incidenten
    label: Leren van incidenten
    members:
      - id: pr-02
        relation: equivalent
      - id: tw-02
        relation: equivalent
      - id: tw-01
        relation: partial
"""


def problems_for(tmp_path, groups: str, first: str = VALID) -> list[tuple[str, int, str]]:
    paths = make_project(tmp_path, {"normsets/kaders/proef.yaml": first, "normsets/kaders/tweede.yaml": SECOND,
                                    FILE: groups})
    _, problems = validate_project(paths)
    return [(p.path, p.line, p.message) for p in problems]


def test_valid_groups_have_no_problems(tmp_path):
    assert problems_for(tmp_path, GROUPS) == []


def nth_line(text: str, fragment: str, n: int) -> int:
    """1-based line of the n-th (1-based) line containing `fragment`."""
    return [number for number, line in enumerate(text.splitlines(), 1) if fragment in line][n - 1]


CASES = {
    "unknown-criterion": (
        lambda t: t.replace("{id: tw-01, relation: partial}", "{id: tw-09, relation: partial}"),
        ("tw-09", 1), "unknown criterion 'tw-09'"),
    "one-framework-only": (
        lambda t: t.replace("{id: tw-01, relation: partial}", "{id: pr-02, relation: partial}"),
        ("- id: meldcode", 1),
        "group 'meldcode' has members from one framework only (proef); a group needs at least two frameworks"),
    "criterion-twice-in-group": (
        lambda t: t.replace("      - id: tw-01\n", "      - id: tw-02\n"),
        ("- id: tw-02", 2), f"criterion 'tw-02' is twice in group 'incidenten' (also at line {line_of(GROUPS, '- id: tw-02')})"),
    "duplicate-group-id": (
        lambda t: t.replace("- id: incidenten", "- id: meldcode"),
        ("- id: meldcode", 2), f"duplicate group id 'meldcode' (also at line {line_of(GROUPS, '- id: meldcode')})"),
    "unknown-relation": (
        lambda t: t.replace("{id: tw-01, relation: partial}", "{id: tw-01, relation: same}"),
        ("relation: same", 1), "groups[0].members[1].relation: 'same' is not one of ['equivalent', 'partial']"),
    "group-id-not-kebab": (
        lambda t: t.replace("- id: incidenten", "- id: Incidenten_1"),
        ("Incidenten_1", 1), "groups[1].id: 'Incidenten_1' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'"),
    # Labels and notes are editorial by definition: plain text, never a quotation with `lines`.
    "label-as-quotation": (
        lambda t: t.replace("    label: Leren van incidenten\n", "    label:\n      text: Leren van incidenten\n      lines: '28'\n"),
        ("text: Leren van incidenten", 1), "groups[1].label: {'text': 'Leren van incidenten', 'lines': '28'} is not of type 'string'"),
    "empty-note": (
        lambda t: t.replace("note: Alleen voor tests.", "note: '  '"),
        ("note: '  '", 1), "groups[0].note: text is empty"),
    "editorial-flag-is-unknown": (
        lambda t: t.replace("    note: Alleen voor tests.\n", "    note: Alleen voor tests.\n    editorial: true\n"),
        ("- id: meldcode", 1), "groups[0]: unknown field(s) ('editorial' was unexpected)"),
    "single-member": (
        lambda t: t.replace("      - {id: tw-01, relation: partial}\n", ""),
        ("{id: pr-01", 1), "groups[0].members: [{'id': 'pr-01', 'relation': 'equivalent'}] is too short"),
    "missing-label": (
        lambda t: t.replace("    label: Leren van incidenten\n", ""),
        ("- id: incidenten", 1), "groups[1]: 'label' is a required property"),
    "wrong-header": (
        lambda t: t.replace("comparable.schema.json", "normset.schema.json", 1),
        ("schema_version", 0),
        "first line must be the editor header '# yaml-language-server: $schema=../schema/comparable.schema.json'"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_groups_are_reported_precisely(tmp_path, case):
    mutate, (fragment, occurrence), message = CASES[case]
    broken = mutate(GROUPS)
    assert broken != GROUPS, "the mutation must change the fixture"
    line = 1 if occurrence == 0 else nth_line(broken, fragment, occurrence)
    assert problems_for(tmp_path, broken) == [(FILE, line, message)]


def test_retired_member_is_named_as_retired(tmp_path):
    first = VALID.replace("sections:\n", "retired:\n  - id: pr-09\n    reason: Samengevoegd met pr-01.\nsections:\n", 1)
    broken = GROUPS.replace("{id: pr-01, relation: equivalent}", "{id: pr-09, relation: equivalent}")
    assert problems_for(tmp_path, broken, first) == [(FILE, nth_line(broken, "pr-09", 1), "criterion 'pr-09' is retired")]


def test_all_problems_are_reported_at_once(tmp_path):
    broken = (GROUPS.replace("{id: tw-01, relation: partial}", "{id: tw-09, relation: partial}")
              .replace("- id: incidenten", "- id: meldcode")
              .replace("      - id: tw-01\n", "      - id: tw-02\n"))
    assert problems_for(tmp_path, broken) == sorted([
        (FILE, nth_line(broken, "tw-09", 1), "unknown criterion 'tw-09'"),
        (FILE, nth_line(broken, "- id: meldcode", 2), "duplicate group id 'meldcode' (also at line "
         f"{nth_line(broken, '- id: meldcode', 1)})"),
        (FILE, nth_line(broken, "- id: tw-02", 2), "criterion 'tw-02' is twice in group 'meldcode' (also at line "
         f"{nth_line(broken, '- id: tw-02', 1)})"),
    ])


def test_no_comparable_file_means_no_groups(tmp_path):
    paths = make_project(tmp_path, {"normsets/kaders/proef.yaml": VALID})
    raw, problems = validate_project(paths)
    assert problems == [] and build_catalog(raw).comparable == []


def test_model_and_client_catalog_carry_the_groups(tmp_path):
    paths = make_project(tmp_path, {"normsets/kaders/proef.yaml": VALID, "normsets/kaders/tweede.yaml": SECOND,
                                    FILE: GROUPS})
    raw, problems = validate_project(paths)
    assert problems == []
    catalog = build_catalog(raw)
    assert [(g.id, [(c.id, r) for c, r in g.members]) for g in catalog.comparable] == [
        ("meldcode", [("pr-01", "equivalent"), ("tw-01", "partial")]),
        ("incidenten", [("pr-02", "equivalent"), ("tw-02", "equivalent"), ("tw-01", "partial")]),
    ]
    by_id = {c.id: c for c in catalog.criteria()}
    assert by_id["tw-01"].comparable_groups == ["meldcode", "incidenten"]
    # Seen from a criterion: only members of other frameworks, equivalent only if both are.
    incidenten = catalog.comparable_group("incidenten")
    assert [(c.id, r) for c, r in incidenten.others(by_id["pr-02"])] == [("tw-02", "equivalent"), ("tw-01", "partial")]
    assert [(c.id, r) for c, r in incidenten.others(by_id["tw-01"])] == [("pr-02", "partial")]
    files = render_client_data(catalog, build_date="2026-01-01")
    # Each framework's file carries the groups its criteria are in, whole and with their catalogue
    # position; the list every tool loads carries none (its size must not grow with the groups).
    assert set(json.loads(files["assets/catalog/frameworks.json"])) == {
        "build_date", "elements", "topics", "count_rule", "domains", "applicability", "segments", "frameworks"}
    for framework_id in ("proef", "tweede"):
        groups = json.loads(files[f"assets/catalog/{framework_id}.json"])["comparable"]
        assert groups[0] == {"id": "meldcode", "order": 0, "label": "Meldcode is ingevoerd", "note": "Alleen voor tests.",
                             "members": [{"id": "pr-01", "relation": "equivalent"}, {"id": "tw-01", "relation": "partial"}]}
        assert [(g["id"], g["order"], g["note"]) for g in groups[1:]] == [("incidenten", 1, None)]
    records = {c["id"]: c for c in json.loads(files["assets/catalog/tweede.json"])["criteria"]}
    assert records["tw-01"]["comparable"] == ["meldcode", "incidenten"]
    assert records["tw-02"]["comparable"] == ["incidenten"]


def test_members_of_an_unreadable_normset_are_not_called_unknown(tmp_path):
    """If a normset does not load, its IDs cannot be checked: only that file's problem is reported."""
    paths = make_project(tmp_path, {"normsets/kaders/proef.yaml": VALID,
                                    "normsets/kaders/tweede.yaml": SECOND.replace("  short_title: Proef", "  short_title: [Proef"),
                                    FILE: GROUPS})
    _, problems = validate_project(paths)
    assert problems and {p.path for p in problems} == {"normsets/kaders/tweede.yaml"}
