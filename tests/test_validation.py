"""The validator on deliberately broken normsets: every case asserts the exact
file, line and message, and that all problems are reported together."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.project import ProjectPaths
from generator.validate import validate_project

ROOT = Path(__file__).resolve().parent.parent
VALID = (Path(__file__).parent / "fixtures" / "valid-normset.yaml").read_text(encoding="utf-8")
FILE = "normsets/kaders/proef.yaml"


def make_project(tmp_path: Path, normsets: dict[str, str]) -> ProjectPaths:
    """A throwaway project: real schema, vocabulary and sources, given normsets."""
    for name in ("schema", "sources"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "normsets" / "kaders").mkdir(parents=True)
    shutil.copy(ROOT / "normsets" / "vocabulary.yaml", tmp_path / "normsets")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    for relative, text in normsets.items():
        (tmp_path / relative).write_text(text, encoding="utf-8")
    return ProjectPaths(tmp_path)


def problems_for(tmp_path: Path, text: str, extra: dict[str, str] | None = None) -> list[tuple[str, int, str]]:
    _, problems = validate_project(make_project(tmp_path, {FILE: text, **(extra or {})}))
    return [(p.path, p.line, p.message) for p in problems]


def line_of(text: str, fragment: str) -> int:
    """1-based line of the first line containing `fragment`, so tests survive
    fixture edits. A folded scalar is reported at its `text: >-` line, one up."""
    number = next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)
    return number - 1 if text.splitlines()[number - 2].endswith(">-") else number


def test_valid_fixture_has_no_problems(tmp_path):
    assert problems_for(tmp_path, VALID) == []


CASES = {
    "segment-rule-missing": (
        lambda t: t.replace(
            "  segment_rule:\n    kind: alle-segmenten\n    reason: {editorial: true, text: Het proefkader geldt voor alle Wmo-segmenten.}\n", ""),
        '  id: proef',
        "a framework without `segments` needs a `segment_rule` (alle-segmenten or niet-vastgelegd, with the reason)"),
    "segment-rule-with-segments": (
        lambda t: t.replace("  segment_rule:\n", "  segments: [wmo-1a]\n  segment_rule:\n", 1),
        "    kind: alle-segmenten",
        "a framework with `segments` needs no `segment_rule`; drop one of them"),
    "yaml-syntax": (
        lambda t: t.replace("  short_title: Proef", "  short_title: [Proef"),
        "  short_title: [Proef", None),
    "footnote-marker-not-in-source": (
        lambda t: t.replace("        lines: 28-33\n", "        lines: 28-33\n        footnote_markers: [\"7\"]\n"),
        'footnote_markers: ["7"]',
        "footnote marker '7' is not glued to a word in sources/midden-groningen-wmo-kwaliteitskader.txt lines 28-33"),
    "wrong-type-year": (
        lambda t: t.replace("year: 2024", "year: tweeduizend"),
        "year: tweeduizend", "framework.year: 'tweeduizend' is not of type 'integer', 'null'"),
    "missing-text": (
        lambda t: t.replace("        text: De aanbieder hanteert", "        tekst: De aanbieder hanteert"),
        "      - id: pr-02", None),
    "empty-text": (
        lambda t: t.replace("text: De aanbieder hanteert een passende werkwijze voor het melden, analyseren en leren van incidenten.", "text: '   '"),
        "text: '   '", "sections[0].criteria[1].text: text is empty"),
    "unknown-element": (
        lambda t: t.replace("        element: organisatie\n        tags", "        element: kwaliteit\n        tags"),
        "element: kwaliteit",
        "unknown element 'kwaliteit' (allowed: dienstverlening, organisatie, samenwerking, vakmanschap)"),
    "unknown-tag": (
        lambda t: t.replace("tags: [veiligheid]", "tags: [veilig]"),
        "tags: [veilig]", None),
    "text-not-in-source": (
        lambda t: t.replace("en leren van incidenten.", "en voorkomen van incidenten."),
        "text: De aanbieder hanteert",
        "text not found verbatim in sources/midden-groningen-wmo-kwaliteitskader.txt lines 28-33: "
        "it matches up to \"…oor het melden, analyseren en \" but then has \"voorkomen van incidenten.…\""),
    "item-not-in-source": (
        lambda t: t.replace("zonder terughoudendheid", "met terughoudendheid"),
        "De aanbieder stimuleert een veilige", None),
    "locator-beyond-file": (
        lambda t: t.replace("lines: 20-23", "lines: 900-903"),
        "lines: 900-903",
        "bad locator: line range '900-903' is beyond the end of midden-groningen-wmo-kwaliteitskader.txt (214 lines)"),
    "locator-backwards": (
        lambda t: t.replace("lines: 20-23", "lines: 23-20"),
        "lines: 23-20", "bad locator: line range '23-20' is not a forward range"),
    "locator-syntax": (
        lambda t: t.replace("lines: 20-23", "lines: regel 20"),
        "lines: regel 20", None),
    "id-without-prefix": (
        lambda t: t.replace("- id: pr-01", "- id: xx-01").replace("see_also: [pr-01]", "see_also: [xx-01]"),
        "- id: xx-01", "criterion id 'xx-01' must start with 'pr-'"),
    "id-not-a-slug": (
        lambda t: t.replace("- id: pr-01", "- id: PR 01").replace("see_also: [pr-01]", "see_also: []"),
        "- id: PR 01", None),
    "duplicate-id-in-file": (
        lambda t: t.replace("- id: pr-02", "- id: pr-01  # twice"),
        "# twice", None),
    "broken-reference": (
        lambda t: t.replace("see_also: [pr-01]", "see_also: [pr-99]"),
        "see_also: [pr-99]", "broken reference: no criterion 'pr-99'"),
    "unknown-field": (
        lambda t: t.replace("        tags: [veiligheid]", "        tags: [veiligheid]\n        gewicht: 3"),
        "      - id: pr-01", "sections[0].criteria[0]: unknown field(s) ('gewicht' was unexpected)"),
    "criterion-without-topic": (
        lambda t: t.replace("        tags_none: Proefcriterium zonder passend onderwerp.\n", ""),
        "      - id: pr-02",
        "criterion 'pr-02' has no topic: add `tags`, or `tags_none` with the reason why no topic fits"),
    "criterion-with-empty-topics": (
        lambda t: t.replace("        tags_none: Proefcriterium zonder passend onderwerp.\n", "        tags: []\n"),
        "      - id: pr-02",
        "criterion 'pr-02' has no topic: add `tags`, or `tags_none` with the reason why no topic fits"),
    "topic-and-no-topic-reason": (
        lambda t: t.replace("        tags: [veiligheid]\n", "        tags: [veiligheid]\n        tags_none: Toch niet.\n"),
        "        tags_none: Toch niet.", "a criterion with `tags` cannot also have `tags_none`"),
    "empty-no-topic-reason": (
        lambda t: t.replace("tags_none: Proefcriterium zonder passend onderwerp.", "tags_none: ''"),
        "tags_none: ''", "sections[0].criteria[1].tags_none: must not be empty"),
    "duplicate-key": (
        lambda t: t.replace("  year: 2024", "  year: 2024\n  year: 2025"),
        "  year: 2025", "duplicate key 'year'"),
    "missing-header": (
        lambda t: t.split("\n", 1)[1],
        "schema_version: 1",
        "first line must be the editor header '# yaml-language-server: $schema=../../schema/normset.schema.json'"),
    "unknown-source-file": (
        lambda t: t.replace("file: midden-groningen-wmo-kwaliteitskader.txt", "file: onbekend.txt"),
        "schema_version", "source file 'sources/onbekend.txt' does not exist"),
    "quote-without-locator": (
        lambda t: t.replace("  authority_note: Het origineel blijft leidend.",
                            "  authority_note: Het origineel blijft leidend.\n  introduction:\n    - text: Zomaar een tekst."),
        "    - text: Zomaar een tekst.", "text has no source locator: add `lines` or mark it `editorial: true`"),
    "file-name-differs-from-id": (
        lambda t: t.replace("  id: proef", "  id: ander-kader"),
        "  id: ander-kader", "framework id 'ander-kader' must equal the file name 'proef'"),
    "wrong-section-title": (
        lambda t: t.replace("    title: Veiligheid\n", "    title: Veiligheid en hygiëne\n"),
        "title: Veiligheid en hygiëne",
        "title not found verbatim in sources/midden-groningen-wmo-kwaliteitskader.txt lines 18: "
        "it matches up to \"…Veiligheid\" but then has \" en hygiëne…\""),
    "wrong-printed-number": (
        lambda t: t.replace("      - id: pr-01\n", "      - id: pr-01\n        number: \"3\"\n"),
        'number: "3"',
        "number '3' is not printed in sources/midden-groningen-wmo-kwaliteitskader.txt lines 20-23 "
        "nor is it a section's number (plus a label printed there)"),
    "omission-not-where-listed": (
        lambda t: t.replace("        lines: 28-33\n", "        lines: 28-33\n        omissions: [{line: 29, chars: \"-\", "
                            "kind: opsommingsteken}]\n"),
        "omissions: [{line: 29",
        "omission not where listed in sources/midden-groningen-wmo-kwaliteitskader.txt lines 28-33: "
        "'-' is not found standing on its own on line 29"),
    "omission-outside-the-quote": (
        lambda t: t.replace("          - lines: \"29\"\n", "          - lines: \"29\"\n            "
                            "omissions: [{line: 33, chars: \"o\", kind: opsommingsteken}]\n"),
        "omissions: [{line: 33",
        "omission not where listed in sources/midden-groningen-wmo-kwaliteitskader.txt lines 29: "
        "line 33 is not one of the quotation's source lines"),
    "unquoted-line-is-quoted": (
        lambda t: t.replace('    - {lines: "19", kind: kop', '    - {lines: "20", kind: kop'),
        '- {lines: "20", kind: kop', "line 20 is listed as unquoted but a quotation uses it"),
    "unquoted-line-is-blank": (
        lambda t: t.replace('    - {lines: "19", kind: kop', '    - {lines: "19,24", kind: kop'),
        '- {lines: "19,24", kind: kop', "line 24 is listed as unquoted but is blank or page furniture"),
    "lifecycle-expired-without-end": (
        lambda t: t.replace("    status: onbekend\n", "    status: verlopen\n"),
        "    status: verlopen", "an expired framework (verlopen) needs `valid_until`"),
    "lifecycle-not-a-date": (
        lambda t: t.replace("    status: onbekend\n", "    status: verlopen\n    valid_until: \"2021-02-30\"\n"),
        'valid_until: "2021-02-30"', "'2021-02-30' is not a real date (YYYY-MM-DD)"),
    "lifecycle-dates-reversed": (
        lambda t: t.replace("    status: onbekend\n",
                            "    status: verlopen\n    valid_from: \"2022-01-01\"\n    valid_until: \"2021-12-31\"\n"),
        'valid_until: "2021-12-31"', "valid_until lies before valid_from"),
    "lifecycle-superseded-without-successor": (
        lambda t: t.replace("    status: onbekend\n", "    status: vervangen\n"),
        "    status: vervangen", "a superseded framework (vervangen) needs `superseded_by`"),
    "lifecycle-unknown-successor": (
        lambda t: t.replace("    status: onbekend\n",
                            "    status: vervangen\n    superseded_by: {title: Nieuw kader, framework: nieuw-kader}\n"),
        "superseded_by: {title: Nieuw kader", "unknown framework 'nieuw-kader'"),
    "lifecycle-unknown-status": (
        lambda t: t.replace("    status: onbekend\n", "    status: actueel\n"),
        "    status: actueel", None),
    "lifecycle-missing": (
        lambda t: t.replace("  lifecycle:\n    status: onbekend\n    source: {editorial: true, text: Alleen voor tests.}\n", ""),
        "  id: proef", None),
    "original-neither-link-nor-not-public": (
        lambda t: t.replace("    not_public: {editorial: true, text: Alleen voor tests; er is geen openbaar document.}\n", ""),
        "label: Proefkader",
        "the original document needs either `url` or `not_public` (what is known), not neither"),
    # YAML reads an unquoted date as a date, which JSON has no type for: the compiled validator
    # cannot judge it, so jsonschema must (validate.Validator.schema_errors).
    "lifecycle-unquoted-date": (
        lambda t: t.replace("    status: onbekend\n", "    status: onbekend\n    valid_from: 2024-01-01\n"),
        "    valid_from: 2024-01-01",
        "framework.lifecycle.valid_from: datetime.date(2024, 1, 1) is not of type 'string'"),
}

# Messages for cases where jsonschema's exact wording is checked by substring only.
PARTIAL = {
    "lifecycle-unknown-status": "'actueel' is not one of",
    "lifecycle-missing": "'lifecycle' is a required property",
    "yaml-syntax": "YAML syntax error",
    "missing-text": "'text' is a required property",
    "unknown-tag": "unknown tag 'veilig'",
    "item-not-in-source": "text not found verbatim",
    "locator-syntax": "does not match",
    "id-not-a-slug": "does not match",
    "duplicate-id-in-file": "duplicate criterion id 'pr-01' (also at normsets/kaders/proef.yaml:",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_normset_is_reported_precisely(tmp_path, case):
    mutate, line_fragment, message = CASES[case]
    broken = mutate(VALID)
    assert broken != VALID, "the mutation must change the fixture"
    problems = problems_for(tmp_path, broken)
    expected_line = line_of(broken, line_fragment)
    assert problems, "a broken normset must be reported"
    if message is not None:
        assert (FILE, expected_line, message) in problems, problems
    else:
        assert any(p[0] == FILE and p[1] == expected_line and PARTIAL[case] in p[2] for p in problems), problems


def test_dropped_sentence_fails_the_coverage_check_at_its_source_line(tmp_path):
    # pr-02 loses its item: source line 29 is inside the coverage region and no quotation uses it.
    dropped = VALID.replace("""        items:
          - lines: "29"
            text: >-
              De aanbieder stimuleert een veilige leercultuur waarin hulpverleners incidenten
              zonder terughoudendheid kunnen melden.
""", "")
    assert dropped != VALID
    assert problems_for(tmp_path, dropped) == [(
        "sources/midden-groningen-wmo-kwaliteitskader.txt", 29,
        "line is in the region of normsets/kaders/proef.yaml but no quotation uses it: quote it or list it under "
        "coverage.unquoted with its kind: \"o De aanbieder stimuleert een veilige leercultuur waarin …\"")]


def test_dead_furniture_pattern_is_an_error(tmp_path):
    paths = make_project(tmp_path, {FILE: VALID})
    furniture = paths.sources / "furniture.yaml"
    text = furniture.read_text(encoding="utf-8").replace(
        "midden-groningen-wmo-kwaliteitskader.txt: []",
        "midden-groningen-wmo-kwaliteitskader.txt:\n  - '^Pagina \\d+ van 12$'\n  - '^(Veilig'")
    furniture.write_text(text, encoding="utf-8")
    line = line_of(text, "Pagina \\d+ van 12")
    _, problems = validate_project(paths)
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("sources/furniture.yaml", line, "furniture pattern matches no line of "
         "sources/midden-groningen-wmo-kwaliteitskader.txt: '^Pagina \\d+ van 12$'"),
        ("sources/furniture.yaml", line + 1, "furniture pattern is not a valid regular expression: "
         "missing ), unterminated subpattern at position 1"),
    ]


def test_duplicate_id_across_files(tmp_path):
    other = VALID.replace("id: proef", "id: tweede").replace("id_prefix: pr", "id_prefix: pr")
    problems = problems_for(tmp_path, VALID, {"normsets/kaders/tweede.yaml": other})
    line = line_of(other, "- id: pr-01")
    assert ("normsets/kaders/tweede.yaml", line,
            f"duplicate criterion id 'pr-01' (also at {FILE}:{line_of(VALID, '- id: pr-01')})") in problems


def test_id_prefix_may_not_begin_another_one(tmp_path):
    """The tools find a criterion's framework from its ID's prefix, so 'pr' and 'pr-x' cannot both exist."""
    other = VALID.replace("id: proef", "id: tweede").replace("id_prefix: pr", "id_prefix: pr-x").replace("id: pr-0", "id: pr-x-0")
    problems = problems_for(tmp_path, VALID, {"normsets/kaders/tweede.yaml": other})
    assert problems == [("normsets/kaders/tweede.yaml", line_of(other, "id_prefix: pr-x"),
                         f"id_prefix 'pr-x' clashes with 'pr' of {FILE}: no prefix may begin with another one and a hyphen")]
    unrelated = other.replace("id_prefix: pr-x", "id_prefix: prx").replace("id: pr-x-0", "id: prx-0")
    assert problems_for(tmp_path / "unrelated", VALID, {"normsets/kaders/tweede.yaml": unrelated}) == []


def test_retired_id_starts_with_the_prefix(tmp_path):
    retired = VALID + "retired:\n  - {id: ander-01, reason: Vervallen in versie 2}\n"
    assert problems_for(tmp_path, retired) == [
        (FILE, line_of(retired, "id: ander-01"), "retired id 'ander-01' must start with 'pr-'")]


def test_all_problems_are_reported_at_once(tmp_path):
    broken = (VALID.replace("tags: [veiligheid]", "tags: [veilig]")
              .replace("see_also: [pr-01]", "see_also: [pr-99]")
              .replace("en leren van incidenten.", "en voorkomen van incidenten."))
    messages = [p[2] for p in problems_for(tmp_path, broken)]
    assert len(messages) == 3
    assert any("unknown tag" in m for m in messages)
    assert any("broken reference" in m for m in messages)
    assert any("not found verbatim" in m for m in messages)


def test_line_end_hyphenation_and_furniture_are_forgiven(tmp_path):
    from generator.fidelity import SourceFile, occurs_in
    import re

    source = SourceFile("x.txt", ["De kwali-", "Pagina 3", "teit van leer- en", "werk-", "plaatsen"],
                        [re.compile(r"^Pagina \d+$")])
    window = source.window("1-5")
    assert occurs_in("De kwaliteit van leer- en werkplaatsen", window)
    assert not occurs_in("De kwaliteit van leeren werkplaatsen", window)
    assert not occurs_in("De kwaliteit Pagina 3", window)
    assert occurs_in("werkplaatsen", window) and not occurs_in("werk plaatsen", window)


def test_source_text_that_is_not_utf8_is_reported_at_its_line_without_a_traceback(tmp_path):
    paths = make_project(tmp_path, {FILE: VALID})
    source = paths.sources / "twente-kwaliteit-resultaat-monitoring.txt"
    lines = source.read_bytes().split(b"\n")
    lines[9] = b"abc\xff" + lines[9]  # e.g. a Windows-1252 file pasted in
    source.write_bytes(b"\n".join(lines))
    _, problems = validate_project(paths)
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("sources/twente-kwaliteit-resultaat-monitoring.txt", 10,
         "not valid UTF-8 at column 4 (byte 0xff); save the source text as UTF-8")]
    check = subprocess.run([sys.executable, "-m", "generator", "--root", str(tmp_path), "check"],
                           capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 1 and "Traceback" not in check.stderr


def test_check_command_exits_non_zero_and_generate_writes_nothing(tmp_path):
    paths = make_project(tmp_path, {FILE: VALID.replace("tags: [veiligheid]", "tags: [veilig]")})
    command = [sys.executable, "-m", "generator", "--root", str(tmp_path)]
    check = subprocess.run(command + ["check"], capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 1
    assert f"{FILE}:{line_of(VALID, 'tags: [veiligheid]')}: unknown tag 'veilig'" in check.stderr
    generate = subprocess.run(command + ["generate"], capture_output=True, text=True, cwd=ROOT)
    assert generate.returncode == 1
    assert "nothing was written" in generate.stderr
    assert not paths.docs.exists()


def published(tmp_path: Path, text: str) -> None:
    from generator.stable_ids import lock
    from generator.validate import validate_project as validate

    paths = make_project(tmp_path, {FILE: text})
    raw, problems = validate(paths)
    assert problems == []
    lock(raw, paths, accept=set())


def test_published_id_cannot_disappear_silently(tmp_path):
    published(tmp_path, VALID)
    without = VALID.replace("- id: pr-02", "- id: pr-03")
    (tmp_path / FILE).write_text(without, encoding="utf-8")
    _, problems = validate_project(ProjectPaths(tmp_path))
    assert any("published criterion 'pr-02' is missing; restore it or list it under `retired`" in p.message
               for p in problems), problems


def test_published_text_cannot_change_silently(tmp_path):
    published(tmp_path, VALID)
    changed = VALID.replace(
        "text: De aanbieder hanteert een passende werkwijze voor het melden, analyseren en leren van incidenten.",
        "text: De aanbieder hanteert een passende werkwijze voor het melden, analyseren en leren van incidenten")
    (tmp_path / FILE).write_text(changed, encoding="utf-8")
    _, problems = validate_project(ProjectPaths(tmp_path))
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (line_of(changed, "text: De aanbieder hanteert"), "text of published criterion 'pr-02' changed")]


def test_retired_id_is_never_reused(tmp_path):
    published(tmp_path, VALID)
    reused = VALID + "retired:\n  - {id: pr-02, reason: Vervallen in versie 2}\n"
    (tmp_path / FILE).write_text(reused, encoding="utf-8")
    _, problems = validate_project(ProjectPaths(tmp_path))
    assert [p.message for p in problems] == [
        "retired id 'pr-02' is in use again; a retired id is never reused"]


def test_unreadable_normset_gives_its_own_error_not_one_per_published_id(tmp_path):
    published(tmp_path, VALID)
    broken = VALID.replace("schema_version: 1", "schema_version: [1")
    (tmp_path / FILE).write_text(broken, encoding="utf-8")
    _, problems = validate_project(ProjectPaths(tmp_path))
    assert len(problems) == 1 and problems[0].path == FILE, problems
    assert "YAML syntax error" in problems[0].message
