"""Seeded mutation test: the validator on a few hundred damaged copies of the
real normsets. Whatever the damage, the answer is either "valid" or a list of
`file:line: message` problems that point into the damaged project, never a
traceback. Damage that can never be valid (bad bytes, anchors, a published-ids
file of the wrong shape, a reversed range) must be reported, at the line where
it starts. Plus alias bombs and deep nesting with a time and memory bound.

Each mutated project holds one real file under test and only what it needs, so
the few hundred validations take seconds."""

from __future__ import annotations

import random
import re
import shutil
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import cli
from generator.project import ProjectPaths
from generator.validate import validate_project

ROOT = Path(__file__).resolve().parent.parent
SEED = 21
HEADER = "# yaml-language-server: $schema=../../schema/normset.schema.json\n"

# (file under test, other real files the project needs for it to be valid)
TARGETS = [
    ("normsets/kaders/wat-werkt-clientenparticipatie-2016.yaml", ["normsets/segments.yaml"]),
    ("normsets/kaders/midden-groningen-wmo.yaml", []),
    ("normsets/begrippen/fo-vng-opvang-huiselijk-geweld-2014.yaml",
     ["normsets/kaders/fo-vng-opvang-huiselijk-geweld-2014.yaml"]),
    ("normsets/published-ids.yaml", ["normsets/kaders/midden-groningen-wmo.yaml"]),
    ("normsets/vocabulary.yaml", ["normsets/kaders/midden-groningen-wmo.yaml"]),
]
COUNTS = {"normsets/kaders/wat-werkt-clientenparticipatie-2016.yaml": 50,
          "normsets/kaders/midden-groningen-wmo.yaml": 100,
          "normsets/begrippen/fo-vng-opvang-huiselijk-geweld-2014.yaml": 20,
          "normsets/published-ids.yaml": 45,
          "normsets/vocabulary.yaml": 35}

NOISE = ["\xff", "\x00", "\t", '"', "'", "[", "]", "{", "}", ":", "- ", "#", "&a", "*a", "|", ">", "%", "@", "`",
         "!!python/object:os.system", "\u00e9", "\n", "  ", "- -", "? ", "!", "\r"]


@dataclass
class Mutant:
    name: str
    data: bytes
    must_fail: bool = False
    line: int | None = None  # where the problem starts, when the mutation knows it


def _lines(text: str) -> list[str]:
    return text.split("\n")


KEY = re.compile(r"^( *)(- )?[a-z0-9_-]+:( |$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def key_lines(lines: list[str]) -> list[int]:
    """Lines that start a mapping entry (not text inside a block scalar)."""
    found = []
    for i, line in enumerate(lines):
        if not KEY.match(line):
            continue
        parent = next((lines[j] for j in range(i - 1, -1, -1)
                       if lines[j].strip() and _indent(lines[j]) < _indent(line)), "")
        if not parent.rstrip().endswith((">-", "|", ">", "|-")):
            found.append(i)
    return found


def mutate(rng: random.Random, text: str, relative: str) -> Mutant:
    """One random kind of damage to `text`."""
    lines = _lines(text)
    n = rng.randrange(1, len(lines))  # never the header line, so most damage stays in the data
    kind = rng.choice(["delete-line", "duplicate-line", "swap-lines", "indent", "dedent", "noise", "truncate",
                       "bad-byte", "latin1", "utf16", "reverse-range", "huge-range", "retype", "word", "alias",
                       "bomb", "deep", "unclosed-quote", "bad-date"]
                      + (["published-list", "published-scalar", "published-field"] if "published" in relative else []))
    if kind == "delete-line":
        return Mutant(kind, "\n".join(lines[:n] + lines[n + 1:]).encode())
    if kind == "duplicate-line":
        return Mutant(kind, "\n".join(lines[:n + 1] + lines[n:]).encode())
    if kind == "swap-lines" and n + 1 < len(lines):
        lines[n], lines[n + 1] = lines[n + 1], lines[n]
        return Mutant(kind, "\n".join(lines).encode())
    if kind in ("indent", "dedent"):
        lines[n] = ("  " + lines[n]) if kind == "indent" else lines[n][2:]
        return Mutant(kind, "\n".join(lines).encode())
    if kind == "noise":
        at = rng.randrange(len(lines[n]) + 1)
        lines[n] = lines[n][:at] + rng.choice(NOISE) + lines[n][at:]
        return Mutant(kind, "\n".join(lines).encode("utf-8", "surrogatepass"))
    if kind == "truncate":
        return Mutant(kind, text.encode()[:rng.randrange(len(text.encode()))])
    if kind == "bad-byte":
        raw = "\n".join(lines[:n]).encode() + b"\n" + rng.choice([b"\xff", b"\xc3", b"\xe9", b"\x80"]) \
            + "\n".join(lines[n:]).encode()
        return Mutant(kind, raw, must_fail=True, line=n + 1)
    if kind == "latin1":
        data = text.encode("latin-1", "replace")
        if data == text.encode():
            data = data.replace(b"e", b"\xeb", 1)  # the file has no accents: add one
        bad = data.find(bytes([next(b for b in data if b >= 0x80)]))
        return Mutant(kind, data, must_fail=True, line=data.count(b"\n", 0, bad) + 1)
    if kind == "utf16":
        return Mutant(kind, text.encode("utf-16"), must_fail=True, line=1)
    if kind in ("reverse-range", "huge-range"):
        candidates = [i for i, line in enumerate(lines) if "lines: " in line and "-" in line.split("lines: ")[1]]
        if candidates:
            i = rng.choice(candidates)
            head, spec = lines[i].split("lines: ", 1)
            first, _, rest = spec.strip("\"'").partition("-")
            last = rest.split(",")[0]
            new = f"{last}-{first}" if kind == "reverse-range" else f"{first}-99999"
            if first != last:
                lines[i] = f"{head}lines: {new}"
                return Mutant(kind, "\n".join(lines).encode(), must_fail=True, line=i + 1)
    if kind == "retype":
        candidates = [i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
        if candidates:
            i = rng.choice(candidates)
            head = lines[i].split(": ", 1)[0]
            lines[i] = f"{head}: {rng.choice(['[]', '{}', '42', 'null', 'true', '2026-13-45', '-', '[a, [b]]'])}"
            return Mutant(kind, "\n".join(lines).encode())
    if kind == "word":
        words = [i for i, line in enumerate(lines) if len(line.split()) > 3]
        if words:
            i = rng.choice(words)
            parts = lines[i].split(" ")
            j = rng.randrange(len(parts))
            parts[j] = parts[j][::-1] + "x"
            lines[i] = " ".join(parts)
            return Mutant(kind, "\n".join(lines).encode())
    if kind == "alias":
        i = rng.choice(key_lines(lines))
        lines.insert(i, f"{' ' * _indent(lines[i])}{'- ' if KEY.match(lines[i]).group(2) else ''}extra: &anker [een]")
        return Mutant(kind, "\n".join(lines).encode(), must_fail=True, line=i + 1)
    if kind == "bomb":
        return Mutant(kind, (lines[0] + "\n" + alias_bomb(rng.randrange(6, 10))).encode(), must_fail=True, line=2)
    if kind == "deep":
        depth = rng.choice([80, 1000, 20000])
        body = f"diep: {'[' * depth}{']' * depth}\n" if rng.random() < 0.5 else \
            "".join(f"{'  ' * i}k{i}:\n" for i in range(depth // 10)) + f"{'  ' * (depth // 10)}eind\n"
        return Mutant(kind, (lines[0] + "\n" + body).encode(), must_fail=True)
    if kind == "unclosed-quote":
        candidates = [i for i in key_lines(lines) if ": " in lines[i] and not lines[i].rstrip().endswith((">-", "|"))
                      and '"' not in lines[i] and "'" not in lines[i]]
        if candidates:
            i = max(candidates)  # the last one: nothing after it can close the quote
            head, value = lines[i].split(": ", 1)
            lines[i] = f'{head}: "{value}'
            return Mutant(kind, "\n".join(lines).encode(), must_fail=True, line=i + 1)
    if kind == "bad-date":
        i = rng.choice(key_lines(lines))
        lines.insert(i, f"{' ' * _indent(lines[i])}{'- ' if KEY.match(lines[i]).group(2) else ''}datum: 2026-13-45")
        return Mutant(kind, "\n".join(lines).encode(), must_fail=True)
    if kind == "published-list":
        body = "".join(f"- {line.split(':')[0]}\n" for line in lines if line and not line.startswith("#"))
        return Mutant(kind, ("\n".join(lines[:2]) + "\n" + body).encode(), must_fail=True, line=3)
    if kind in ("published-scalar", "published-field"):
        records = [i for i, line in enumerate(lines) if line and not line.startswith("#")]
        i = rng.choice(records)
        key = lines[i].split(":")[0]
        lines[i] = f"{key}: oeps" if kind == "published-scalar" else lines[i].replace("fingerprint:", "vingerafdruk:")
        return Mutant(kind, "\n".join(lines).encode(), must_fail=True, line=i + 1)
    # The chosen damage did not apply to this file: damage it in a way that always does.
    return Mutant("noise-fallback", (text + rng.choice(NOISE)).encode("utf-8", "surrogatepass"))


def alias_bomb(levels: int) -> str:
    """A few hundred bytes that expand to 9**levels values."""
    out = ["lol0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    for level in range(1, levels):
        out.append(f"lol{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    return "\n".join(out) + "\n"


def project(tmp_path: Path, files: list[str]) -> ProjectPaths:
    """A project with the real schema, sources and vocabulary plus `files`."""
    (tmp_path / "normsets" / "kaders").mkdir(parents=True)
    (tmp_path / "normsets" / "begrippen").mkdir()
    (tmp_path / "schema").symlink_to(ROOT / "schema")
    (tmp_path / "sources").symlink_to(ROOT / "sources")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    for relative in {"normsets/vocabulary.yaml", *files}:
        shutil.copy(ROOT / relative, tmp_path / relative)
    return ProjectPaths(tmp_path)


def published_subset(paths: ProjectPaths) -> None:
    """published-ids.yaml cut down to the frameworks in the project."""
    present = {p.stem for p in paths.frameworks.glob("*.yaml")}
    text = (ROOT / "normsets" / "published-ids.yaml").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True)
            if line.startswith("#") or line.split("framework: ")[-1].rstrip("}\n") in present]
    paths.published_ids.write_text("".join(kept), encoding="utf-8")


def assert_well_reported(paths: ProjectPaths, problems, mutant: Mutant, relative: str) -> None:
    context = f"mutation {mutant.name} of {relative}"
    if mutant.must_fail:
        assert problems, f"{context}: not reported"
    for problem in problems:
        target = paths.root / problem.path
        assert target.is_file(), f"{context}: {problem} names no file of the project"
        line_count = target.read_bytes().count(b"\n") + 1
        assert 1 <= problem.line <= line_count, f"{context}: {problem} is past the end ({line_count} lines)"
        assert problem.message.strip() and "Traceback" not in problem.message, f"{context}: {problem}"
    if mutant.line is not None:
        lines = [p.line for p in problems if p.path == relative]
        assert mutant.line in lines, f"{context}: expected a problem at line {mutant.line}, got {problems}"


def test_mutated_real_normsets_give_file_line_messages_or_are_valid(tmp_path, capsys):
    rng = random.Random(SEED)
    started, cpu = time.perf_counter(), time.process_time()
    outcomes = {"reported": 0, "valid": 0}
    total = 0
    for relative, needs in TARGETS:
        base = tmp_path / Path(relative).stem
        paths = project(base, [relative, *needs])
        if relative.endswith("published-ids.yaml"):
            published_subset(paths)
        original = (base / relative).read_text(encoding="utf-8")
        assert validate_project(paths)[1] == [], f"{relative}: the unmutated project must be valid"
        for _ in range(COUNTS[relative]):
            mutant = mutate(rng, original, relative)
            (base / relative).write_bytes(mutant.data)
            _, problems = validate_project(paths)
            assert_well_reported(paths, problems, mutant, relative)
            outcomes["reported" if problems else "valid"] += 1
            total += 1
            if total % 25 == 0:  # now and then through the command line: exit code, stderr, no traceback
                code = cli.main(["--root", str(base), "check"])
                captured = capsys.readouterr()
                assert code == (1 if problems else 0), captured.err
                assert "Traceback" not in captured.err
                assert all(str(p) in captured.err for p in problems)
        (base / relative).write_text(original, encoding="utf-8")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"\n{total} mutations: {outcomes['reported']} reported with file:line, "
          f"{outcomes['valid']} still valid, 0 tracebacks ({elapsed:.1f} s, {cpu:.1f} s CPU)")
    assert total == sum(COUNTS.values()) and outcomes["reported"] > total * 0.6


@pytest.mark.parametrize("where", ["normsets/kaders/bomb.yaml", "normsets/published-ids.yaml"])
def test_alias_bomb_is_refused_quickly_in_little_memory(tmp_path, where):
    paths = project(tmp_path, ["normsets/kaders/midden-groningen-wmo.yaml"])
    (tmp_path / where).write_text(HEADER + alias_bomb(12), encoding="utf-8")  # 9**12 values if expanded
    tracemalloc.start()
    started = time.process_time()  # CPU time: a loaded machine stretches wall time, not this
    _, problems = validate_project(paths)
    cpu = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert cpu < 5 and peak < 50 * 2**20, (cpu, peak)  # expanding 9**12 values would take hours and GiBs
    assert f"{where}:2: YAML anchor '&l0' is not allowed in normsets; write the value out" in map(str, problems)
    assert f"{where}:3: YAML alias '*l0' is not allowed in normsets; write the value out" in map(str, problems)


def test_deep_nesting_is_refused_without_exhausting_the_stack(tmp_path):
    paths = project(tmp_path, [])
    nested = HEADER + "".join(f"{'  ' * i}k{i}:\n" for i in range(200)) + f"{'  ' * 200}eind\n"
    (tmp_path / "normsets/kaders/diep.yaml").write_text(nested, encoding="utf-8")
    _, problems = validate_project(paths)
    assert [str(p) for p in problems] == ["normsets/kaders/diep.yaml:63: nested more than 60 levels deep"]


@pytest.mark.parametrize("encoding, line", [("latin-1", 3), ("utf-16", 1)])
def test_non_utf8_file_is_reported_at_the_line_of_the_first_bad_byte(tmp_path, encoding, line):
    paths = project(tmp_path, [])
    text = HEADER + "schema_version: 1\nframework: {title: Cliëntenraad}\n"
    (tmp_path / "normsets/kaders/proef.yaml").write_bytes(text.encode(encoding))
    _, problems = validate_project(paths)
    assert len(problems) == 1 and problems[0].line == line, problems
    assert problems[0].path == "normsets/kaders/proef.yaml" and "not valid UTF-8" in problems[0].message


def test_unclosed_quote_is_reported_where_the_string_starts(tmp_path):
    paths = project(tmp_path, [])
    text = HEADER + 'schema_version: 1\nframework:\n  title: "Proef\n  year: 2024\n  id: proef\n'
    (tmp_path / "normsets/kaders/proef.yaml").write_text(text, encoding="utf-8")
    _, problems = validate_project(paths)
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (4, "YAML syntax error: found unexpected end of stream")], problems


@pytest.mark.parametrize("published, expected", [
    ("- mg-vei-01\n- mg-vei-02\n",
     "normsets/published-ids.yaml:3: published IDs must be a mapping of criterion id to {framework, fingerprint}, "
     "not a list; restore the file from version control"),
    ("mg-vei-01: oeps\n",
     "normsets/published-ids.yaml:3: record for id 'mg-vei-01' must be a mapping with `framework` and "
     "`fingerprint`, not the value 'oeps'"),
    ("mg-vei-01: {framework: [midden-groningen-wmo], fingerprint: abc}\n",
     "normsets/published-ids.yaml:3: record for id 'mg-vei-01' needs `framework` as text"),
])
def test_malformed_published_ids_are_errors_not_silently_empty(tmp_path, published, expected):
    paths = project(tmp_path, ["normsets/kaders/midden-groningen-wmo.yaml"])
    paths.published_ids.write_text("# Published criterion IDs.\n# Generated.\n" + published, encoding="utf-8")
    _, problems = validate_project(paths)
    assert expected in map(str, problems), problems
    assert cli.main(["--root", str(tmp_path), "check"]) == 1


def test_glossary_range_is_checked(tmp_path):
    glossary = "normsets/begrippen/fo-vng-opvang-huiselijk-geweld-2014.yaml"
    paths = project(tmp_path, [glossary, "normsets/kaders/fo-vng-opvang-huiselijk-geweld-2014.yaml"])
    original = (tmp_path / glossary).read_text(encoding="utf-8")
    line = original.splitlines().index("  lines: 2453-2492") + 1
    for spec, message in [("2492-2453", "bad locator: line range '2492-2453' is not a forward range"),
                          ("2453-99999", "bad locator: line range '2453-99999' is beyond the end of "
                                         "fo-vng-kwaliteitsdocument-opvang-huiselijk-geweld.txt (2983 lines)")]:
        (tmp_path / glossary).write_text(original.replace("  lines: 2453-2492", f"  lines: {spec}"), encoding="utf-8")
        assert [str(p) for p in validate_project(paths)[1]] == [f"{glossary}:{line}: {message}"]
    (tmp_path / glossary).write_text(original.replace("  lines: 2453-2492", "  lines: 2453-2470"), encoding="utf-8")
    problems = validate_project(paths)[1]
    assert problems and all("lie outside the glossary's lines 2453-2470" in p.message for p in problems), problems
