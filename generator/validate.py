"""Validate every data file and report all problems at once.

Stages, each adding to one list of problems:
1. YAML syntax and duplicate keys (loader);
2. the editor header that points at the right JSON Schema;
3. the JSON Schema of the file's kind;
4. meaning: controlled vocabularies, unique and well-formed IDs, references
   between files, quotations that carry a source locator;
5. source fidelity: every quotation occurs verbatim at its locator;
6. stable IDs: nothing published disappears or changes meaning silently.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from . import fidelity, stable_ids, workers
from .cache import Cache, code_digest, digest, tree_digest
from .errors import Problem
from .loader import JsonPath, LoadedFile, load_yaml
from .project import ProjectPaths

SCHEMA_FILES = {
    "normset": "normset.schema.json",
    "glossary": "glossary.schema.json",
    "vocabulary": "vocabulary.schema.json",
    "segments": "segments.schema.json",
    "overview": "overview.schema.json",
    "comparable": "comparable.schema.json",
}


@dataclass
class RawData:
    """Validated file contents, ready to become the model."""

    vocabulary: LoadedFile | None = None
    segments: LoadedFile | None = None
    overview: LoadedFile | None = None
    comparable: LoadedFile | None = None
    frameworks: list[LoadedFile] = field(default_factory=list)
    glossaries: list[LoadedFile] = field(default_factory=list)
    published: dict[str, dict[str, str]] = field(default_factory=dict)
    unreadable_frameworks: int = 0  # normset files that failed to load; their IDs cannot be checked
    sources_dir: Path | None = None  # sources/, for what the model derives from the texts (page numbers)
    # With a cache: per framework ID, the digest of its normset file's bytes (keys rendered outputs).
    framework_digests: dict[str, str] = field(default_factory=dict)


# One normset's own check: the file (None if unusable), its problems, and per source file the
# lines its quotations matched and the lines of quotations that did not match.
Entry = tuple[LoadedFile | None, list[Problem], dict[str, set[int]], dict[str, set[int]]]


def _format_path(json_path: JsonPath) -> str:
    out = ""
    for part in json_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_message(error) -> str:
    """jsonschema's message, reworded where it would puzzle a data editor."""
    if error.validator == "pattern" and error.validator_value == "\\S":
        return "text is empty"
    if error.validator == "minLength" and error.validator_value == 1:
        return "must not be empty"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field(s)")
    return error.message


class Validator:
    def __init__(self, paths: ProjectPaths, cache: Cache | None = None):
        self.paths = paths
        self.cache = cache
        self.problems: list[Problem] = []
        self.consumed: dict[str, set[int]] = {}  # per source file: line numbers some quotation matched
        self.failed: dict[str, set[int]] = {}  # per source file: lines of quotations that did not match
        self.unreadable = False  # a normset failed to load: references to it cannot be judged
        self.sources = fidelity.SourceLibrary(paths.sources)
        self._validators, self._fast_validators = self._schema_validators()
        self._stage_key: str | None = None
        self.file_digests: dict[Path, str] = {}  # with a cache: the bytes each normset was checked from
        self._content_lines: dict[str, frozenset[int]] = {}  # per source text: content_lines()

    # -- helpers -------------------------------------------------------
    def report(self, file: LoadedFile, json_path: JsonPath, message: str) -> None:
        self.problems.append(Problem(file.display_path, file.line_of(json_path), message))

    def _schema_validators(self) -> tuple[dict[str, Draft202012Validator], dict[str, Any]]:
        """Per kind of file: the validator whose messages we report, and a compiled one (Rust)
        that only answers valid or not, about a hundred times faster. Nearly every file is valid,
        so the slow one runs only on a file the fast one rejects."""
        schemas = {name: json.loads((self.paths.schemas / name).read_text(encoding="utf-8"))
                   for name in SCHEMA_FILES.values()}
        registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in schemas.items())
        fast_registry = jsonschema_rs.Registry(list(schemas.items()))
        return ({kind: Draft202012Validator(schemas[name], registry=registry) for kind, name in SCHEMA_FILES.items()},
                {kind: jsonschema_rs.validator_for(schemas[name], registry=fast_registry)
                 for kind, name in SCHEMA_FILES.items()})

    def schema_errors(self, kind: str, data: Any) -> list[Any]:
        try:
            if self._fast_validators[kind].is_valid(data):
                return []
        except ValueError:  # a value JSON has no type for (a YAML date, bytes, a set): the slow one judges it
            pass
        return list(self._validators[kind].iter_errors(data))

    def load(self, path: Path, kind: str) -> LoadedFile | None:
        display = self.paths.display(path)
        loaded, problems = load_yaml(path, display)
        self.problems.extend(problems)
        if loaded is None:
            return None
        depth = len(path.relative_to(self.paths.root).parts) - 1
        header = "# yaml-language-server: $schema=" + "/".join([".."] * depth + ["schema", SCHEMA_FILES[kind]])
        if loaded.first_line.strip() != header:
            self.problems.append(Problem(display, 1, f"first line must be the editor header '{header}'"))
        schema_errors = self.schema_errors(kind, loaded.data)
        for error in schema_errors:
            where = _format_path(error.absolute_path)
            prefix = f"{where}: " if where else ""
            self.report(loaded, tuple(error.absolute_path), prefix + _schema_message(error))
        return None if schema_errors or problems else loaded

    def framework_files(self, files: list[Path], raw: RawData, segment_ids: set[str]) -> list[LoadedFile | None]:
        """Load and check each normset on its own (schema, vocabularies, quotations, printed numbers),
        in order; the ones the cache does not hold in worker processes when there are many (workers.py).
        With a cache, a result is reused while the file's bytes and everything the check reads
        (schemas, source texts, vocabulary, segments, the generator's code) are unchanged; the
        checks across files run on every build regardless."""
        keys: dict[Path, tuple[str, bytes]] = {}
        entries: dict[Path, Entry] = {}
        if self.cache is not None:
            for path in files:
                data = path.read_bytes()
                keys[path] = digest(self.stage_key(), self.paths.display(path), data), data
                self.file_digests[path] = digest(data)
                entry = self.cache.get("validate", keys[path][0])
                if entry is not None:
                    if entry[0] is not None:
                        entry[0].path = path
                    entries[path] = entry
        missing = [path for path in files if path not in entries]
        computed = set(missing)
        with workers.pool(len(missing), (self, raw, segment_ids)) as executor:
            entries.update(zip(missing, workers.run(executor, _check_normset, missing)))
        loaded_files = []
        for path in files:
            loaded, problems, consumed, failed = entries[path]
            self._merge(problems, consumed, failed)
            loaded_files.append(loaded)
            # Stored only if the file did not change while it was being checked.
            if path in keys and path in computed:
                key, data = keys[path]
                if path.read_bytes() == data:
                    loaded, *findings = entries[path]
                    self.cache.put("validate", key, (dataclasses.replace(loaded, lines=None) if loaded else None,
                                                     *findings))
                else:  # its rendered pages cannot be keyed by these bytes either
                    self.file_digests.pop(path, None)
        return loaded_files

    def check_normset(self, path: Path, raw: RawData, segment_ids: set[str]) -> Entry:
        """One normset's own checks, apart from this validator's findings so far."""
        saved = self.problems, self.consumed, self.failed
        self.problems, self.consumed, self.failed = [], {}, {}
        try:
            loaded = self.load(path, "normset")
            if loaded:
                self.check_framework(loaded, raw, segment_ids)
            return loaded, self.problems, self.consumed, self.failed
        finally:
            self.problems, self.consumed, self.failed = saved

    def _merge(self, problems: list[Problem], consumed: dict[str, set[int]], failed: dict[str, set[int]]) -> None:
        self.problems.extend(problems)
        for mine, theirs in ((self.consumed, consumed), (self.failed, failed)):
            for name, numbers in theirs.items():
                mine.setdefault(name, set()).update(numbers)

    def stage_key(self) -> str:
        """Everything a single normset's check reads besides the file itself."""
        if self._stage_key is None:
            files = [self.paths.vocabulary, self.paths.segments]
            self._stage_key = digest(code_digest(), tree_digest(self.paths.schemas), tree_digest(self.paths.sources),
                                     *(p.read_bytes() if p.exists() else b"-" for p in files))
        return self._stage_key

    # -- vocabulary ----------------------------------------------------
    def vocab(self, raw: RawData, name: str) -> set[str]:
        if raw.vocabulary is None:
            return set()
        return {term["id"] for term in raw.vocabulary.data[name]}

    def check_vocab(self, file: LoadedFile, json_path: JsonPath, value: str, raw: RawData,
                    name: str, what: str) -> None:
        allowed = self.vocab(raw, name)
        if raw.vocabulary is not None and value not in allowed:
            self.report(file, json_path, f"unknown {what} '{value}' (allowed: {', '.join(sorted(allowed))})")

    # -- quotations ----------------------------------------------------
    def check_quotes(self, file: LoadedFile, source_name: str) -> None:
        """Every mapping with a `text` is a quotation or an editorial text."""
        source = self.sources.get(source_name)
        if source is None:
            self.report(file, (), f"source file 'sources/{source_name}' does not exist")
            return
        for json_path, node in _text_nodes(file.data, ()):
            lines = node.get("lines")
            if lines is None:
                if not node.get("editorial"):
                    self.report(file, json_path + ("text",),
                                "text has no source locator: add `lines` or mark it `editorial: true`")
                continue
            if node.get("editorial"):
                self.report(file, json_path + ("editorial",), "a text with `lines` is a quotation; drop `editorial`")
                continue
            markers = node.get("footnote_markers", [])
            omissions = node.get("omissions", [])
            self.check_locator_and_text(file, json_path, source, lines, node["text"], "text", markers, omissions)
            if "title" in node and json_path and json_path[-2:-1] == ("criteria",):
                self.check_locator_and_text(file, json_path, source, lines, node["title"], "title", markers,
                                            omissions, check_range=False)

    def check_locator_and_text(self, file: LoadedFile, json_path: JsonPath, source: fidelity.SourceFile,
                               lines: str, text: str, field_name: str, footnote_markers: list[str] | None = None,
                               omissions: list[dict[str, Any]] | None = None, check_range: bool = True,
                               field_lines: str = "lines") -> None:
        reason = source.check_ranges(lines)
        if reason:
            if check_range:
                self.report(file, json_path + (field_lines,), f"bad locator: {reason}")
            return
        window_lines = source.window_lines(lines)
        if omissions:
            window_lines, failures = fidelity.drop_omissions(window_lines, omissions)
            for failure in failures if check_range else []:
                self.report(file, json_path + ("omissions",),
                            f"omission not where listed in sources/{source.name} lines {lines}: {failure}")
        if footnote_markers:
            window_lines, missing = fidelity.drop_footnote_markers(window_lines, footnote_markers)
            for marker in missing if check_range else []:
                self.report(file, json_path + ("footnote_markers",),
                            f"footnote marker '{marker}' is not glued to a word in sources/{source.name} lines {lines}")
        window = fidelity.Window.of(window_lines)
        span = fidelity.find_span(text, window.text)
        if span is None:
            self.report(file, json_path + (field_name,),
                        f"{field_name} not found verbatim in sources/{source.name} lines {lines}: "
                        + fidelity.divergence(text, window.text))
            # Its own error covers these lines; the coverage check does not report them again.
            self.failed.setdefault(source.name, set()).update(window.numbers)
            return
        self.consumed.setdefault(source.name, set()).update(window.lines_of(*span))

    def check_coverage(self, file: LoadedFile, source_name: str, region: str | None, region_path: JsonPath) -> None:
        """Every non-blank, non-furniture line of the region is matched by some quotation or
        listed under `coverage.unquoted` with its kind; a listed line must really be unquoted."""
        source = self.sources.get(source_name)
        coverage = file.data.get("coverage") or {}
        if source is None or region is None:
            if coverage.get("unquoted"):
                self.report(file, ("coverage",), "coverage.unquoted needs a region (`lines`) to apply to")
            return
        reason = source.check_ranges(region)
        if reason:
            self.report(file, region_path, f"bad locator: {reason}")
            return
        content = self.content_lines(source)
        region_lines = {number for start, end in fidelity.parse_line_spec(region) for number in range(start, end + 1)
                        if number in content}
        consumed = self.consumed.get(source_name, set())
        listed: dict[int, int] = {}
        for index, entry in enumerate(coverage.get("unquoted", [])):
            entry_path = ("coverage", "unquoted", index, "lines")
            reason = source.check_ranges(entry["lines"])
            if reason:
                self.report(file, entry_path, f"bad locator: {reason}")
                continue
            for start, end in fidelity.parse_line_spec(entry["lines"]):
                for number in range(start, end + 1):
                    if number not in region_lines:
                        what = "blank or page furniture" if _in_spec(number, region) else "outside the coverage region"
                        self.report(file, entry_path, f"line {number} is listed as unquoted but is {what}")
                    elif number in consumed:
                        self.report(file, entry_path, f"line {number} is listed as unquoted but a quotation uses it")
                    elif number in listed:
                        self.report(file, entry_path, f"line {number} is listed as unquoted twice")
                    listed[number] = index
        display = f"sources/{source_name}"
        for number in sorted(region_lines - consumed - set(listed) - self.failed.get(source_name, set())):
            self.problems.append(Problem(
                display, number, f"line is in the region of {file.display_path} but no quotation uses it: quote it "
                f"or list it under coverage.unquoted with its kind: \"{normalise_preview(source.lines[number - 1])}\""))

    def content_lines(self, source: fidelity.SourceFile) -> frozenset[int]:
        """source.content_lines(), which only the source texts, the furniture patterns and the code
        decide: with a cache, computed once per version of those (the coverage check, which runs on
        every build, would otherwise normalise every line of every region each time)."""
        if source.name not in self._content_lines:
            key = digest(self.stage_key(), "content-lines", source.name)
            lines = self.cache.get("validate", key) if self.cache is not None else None
            if lines is None:
                lines = source.content_lines()
                if self.cache is not None:
                    self.cache.put("validate", key, lines)
            self._content_lines[source.name] = lines
        return self._content_lines[source.name]

    def check_source_encoding(self) -> None:
        """Every source text is UTF-8; otherwise say where the first bad byte is, so the editor
        can find it (the fidelity check then treats the bad bytes as U+FFFD)."""
        for path in sorted(self.paths.sources.glob("*.txt")):
            data = path.read_bytes()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as error:
                line = data.count(b"\n", 0, error.start) + 1
                column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
                self.problems.append(Problem(
                    self.paths.display(path), line,
                    f"not valid UTF-8 at column {column} (byte 0x{data[error.start]:02x}); save the source text as UTF-8"))

    def check_furniture(self) -> None:
        """Every furniture pattern is a valid regular expression that matches some line of an
        existing source: a pattern that matches nothing hides nothing (or no longer hides what
        it was written for, like a footer whose layout differs)."""
        path = self.paths.sources / "furniture.yaml"
        if not path.exists():
            return
        loaded, problems = load_yaml(path, self.paths.display(path))
        self.problems.extend(problems)
        if loaded is None or not isinstance(loaded.data, dict):
            return
        for name, patterns in loaded.data.items():
            source = self.sources.get(name)
            if source is None:
                self.report(loaded, (name,), f"furniture for sources/{name}, which does not exist")
                continue
            for index, pattern in enumerate(patterns if isinstance(patterns, list) else []):
                try:
                    compiled = re.compile(str(pattern))
                except re.error as error:
                    self.report(loaded, (name, index), f"furniture pattern is not a valid regular expression: {error}")
                    continue
                if not any(compiled.match(line) for line in source.lines):
                    self.report(loaded, (name, index), f"furniture pattern matches no line of sources/{name}: '{pattern}'")

    def check_whole_range(self, file: LoadedFile, json_path: JsonPath, spec: str | None, source_name: str) -> str | None:
        """A locator of a whole part (a framework's summary, a glossary): the
        range must exist in the source. Returns the spec if it is usable."""
        source = self.sources.get(source_name)
        if spec is None or source is None:
            return None
        reason = source.check_ranges(spec)
        if reason:
            self.report(file, json_path, f"bad locator: {reason}")
            return None
        return spec

    # -- per kind ------------------------------------------------------
    def check_framework(self, file: LoadedFile, raw: RawData, segment_ids: set[str]) -> None:
        framework = file.data["framework"]
        if file.path.stem != framework["id"]:
            self.report(file, ("framework", "id"),
                        f"framework id '{framework['id']}' must equal the file name '{file.path.stem}'")
        self.check_vocab(file, ("framework", "status"), framework["status"], raw, "statuses", "status")
        for index, domain in enumerate(framework["domains"]):
            self.check_vocab(file, ("framework", "domains", index), domain, raw, "domains", "domain")
        for index, segment in enumerate(framework.get("segments", [])):
            if segment not in segment_ids:
                self.report(file, ("framework", "segments", index), f"unknown segment '{segment}'")
        if framework.get("segments") and "segment_rule" in framework:
            self.report(file, ("framework", "segment_rule"),
                        "a framework with `segments` needs no `segment_rule`; drop one of them")
        elif not framework.get("segments") and "segment_rule" not in framework:
            self.report(file, ("framework",),
                        "a framework without `segments` needs a `segment_rule` (alle-segmenten or "
                        "niet-vastgelegd, with the reason)")
        source = framework["source"]
        if source["kind"] == "summary" and "summarised_by" not in source:
            self.report(file, ("framework", "source"), "a summary source needs `summarised_by`")
        self.check_quotes(file, source["file"])
        self.check_whole_range(file, ("framework", "source", "lines"), source.get("lines"), source["file"])
        self.check_lifecycle(file, framework["lifecycle"])
        original = framework["original"]
        if ("url" in original) == ("not_public" in original):
            self.report(file, ("framework", "original"),
                        "the original document needs either `url` or `not_public` (what is known), not "
                        + ("both" if "url" in original else "neither"))
        prefix = framework["id_prefix"] + "-"
        section_ids: dict[str, JsonPath] = {}
        source_file = self.sources.get(source["file"])
        numbers: dict[JsonPath, list[str]] = {}  # printed numbers of a section and its parents
        for json_path, section in _sections(file.data["sections"], ("sections",)):
            numbers[json_path] = numbers.get(json_path[:-2], []) + ([section["number"]] if "number" in section else [])
            if source_file:
                self.check_section_source(file, json_path, section, source_file, numbers[json_path])
            if section["id"] in section_ids:
                self.report(file, json_path + ("id",), f"duplicate section id '{section['id']}'")
            section_ids.setdefault(section["id"], json_path)
            if "element" in section:
                self.check_vocab(file, json_path + ("element",), section["element"], raw, "elements", "element")
            for index, rule in enumerate(section.get("applicability", [])):
                self.check_vocab(file, json_path + ("applicability", index, "kind"), rule["kind"], raw,
                                 "applicability", "applicability kind")
            for index, note in enumerate(section.get("notes", [])):
                self.check_vocab(file, json_path + ("notes", index, "kind"), note["kind"], raw,
                                 "note_kinds", "note kind")
            if section.get("no_criteria") and section.get("criteria"):
                self.report(file, json_path + ("no_criteria",), "a section with `no_criteria` cannot list criteria")
            for index, criterion in enumerate(section.get("criteria", [])):
                self.check_criterion(file, json_path + ("criteria", index), criterion, raw, prefix)
        # The tools find a criterion's framework, current or retired, from its ID's prefix.
        for index, retired in enumerate(file.data.get("retired", [])):
            if not retired["id"].startswith(prefix):
                self.report(file, ("retired", index, "id"), f"retired id '{retired['id']}' must start with '{prefix}'")

    def check_lifecycle(self, file: LoadedFile, lifecycle: dict[str, Any]) -> None:
        """Dates are real and in order; an expired framework says until when, a superseded one by what."""
        path = ("framework", "lifecycle")
        dates = {}
        for key in ("valid_from", "valid_until"):
            if key in lifecycle:
                try:
                    dates[key] = date.fromisoformat(lifecycle[key])
                except ValueError:
                    self.report(file, path + (key,), f"'{lifecycle[key]}' is not a real date (YYYY-MM-DD)")
        if len(dates) == 2 and dates["valid_until"] < dates["valid_from"]:
            self.report(file, path + ("valid_until",), "valid_until lies before valid_from")
        if lifecycle["status"] == "verlopen" and "valid_until" not in lifecycle:
            self.report(file, path + ("status",), "an expired framework (verlopen) needs `valid_until`")
        if lifecycle["status"] == "vervangen" and "superseded_by" not in lifecycle:
            self.report(file, path + ("status",), "a superseded framework (vervangen) needs `superseded_by`")
        if "superseded_by" in lifecycle and lifecycle["status"] != "vervangen":
            self.report(file, path + ("superseded_by",), "`superseded_by` is only for status vervangen")

    def check_successors(self, raw: RawData, framework_ids: set[str]) -> None:
        for file in raw.frameworks:
            successor = file.data["framework"]["lifecycle"].get("superseded_by", {}).get("framework")
            if successor and successor not in framework_ids:
                self.report(file, ("framework", "lifecycle", "superseded_by", "framework"),
                            f"unknown framework '{successor}'")

    def check_section_source(self, file: LoadedFile, json_path: JsonPath, section: dict[str, Any],
                             source: fidelity.SourceFile, numbers: list[str]) -> None:
        """The section title is printed in its `title_lines`, and every printed number (the
        section's and its criteria's) is printed where the data says."""
        if "title_lines" in section:
            self.check_locator_and_text(file, json_path, source, section["title_lines"], section["title"],
                                        "title", field_lines="title_lines")
            if "number" in section and not source.check_ranges(section["title_lines"]):
                if not self.find_number(source, section["title_lines"], section["number"]):
                    self.report(file, json_path + ("number",), f"number '{section['number']}' is not printed in "
                                f"sources/{source.name} lines {section['title_lines']} (title_lines)")
        for index, criterion in enumerate(section.get("criteria", [])):
            number = criterion.get("number")
            if number is None or source.check_ranges(criterion["lines"]):
                continue
            # A criterion may carry its section's printed code ("A1"), or that code plus its own label ("A3" + "a.").
            if not (self.find_number(source, criterion["lines"], number) or number in numbers
                    or any(number.startswith(prefix) and self.find_number(source, criterion["lines"], number[len(prefix):])
                           for prefix in numbers)):
                self.report(file, json_path + ("criteria", index, "number"),
                            f"number '{number}' is not printed in sources/{source.name} lines {criterion['lines']} "
                            "nor is it a section's number (plus a label printed there)")

    def find_number(self, source: fidelity.SourceFile, lines: str, number: str) -> bool:
        """Is `number` printed in these lines? Its line then counts as quoted for coverage."""
        window = fidelity.Window.of(source.window_lines(lines))
        span = fidelity.printed_number(number, window.text)
        if span is None:
            return False
        self.consumed.setdefault(source.name, set()).update(window.lines_of(*span))
        return True

    def check_criterion(self, file: LoadedFile, json_path: JsonPath, criterion: dict[str, Any],
                        raw: RawData, prefix: str) -> None:
        if not criterion["id"].startswith(prefix):
            self.report(file, json_path + ("id",), f"criterion id '{criterion['id']}' must start with '{prefix}'")
        self.check_vocab(file, json_path + ("element",), criterion["element"], raw, "elements", "element")
        for index, element in enumerate(criterion.get("also_elements", [])):
            self.check_vocab(file, json_path + ("also_elements", index), element, raw, "elements", "element")
            if element == criterion["element"]:
                self.report(file, json_path + ("also_elements", index), "also_elements repeats the primary element")
        for index, tag in enumerate(criterion.get("tags", [])):
            self.check_vocab(file, json_path + ("tags", index), tag, raw, "tags", "tag")
        if criterion.get("tags") and "tags_none" in criterion:
            self.report(file, json_path + ("tags_none",), "a criterion with `tags` cannot also have `tags_none`")
        elif not criterion.get("tags") and "tags_none" not in criterion:
            self.report(file, json_path + ("id",), f"criterion '{criterion['id']}' has no topic: add `tags`, or "
                        "`tags_none` with the reason why no topic fits")
        for index, rule in enumerate(criterion.get("applicability", [])):
            self.check_vocab(file, json_path + ("applicability", index, "kind"), rule["kind"], raw,
                             "applicability", "applicability kind")
        for index, note in enumerate(criterion.get("notes", [])):
            self.check_vocab(file, json_path + ("notes", index, "kind"), note["kind"], raw, "note_kinds", "note kind")

    def check_glossary(self, file: LoadedFile, framework_ids: set[str]) -> None:
        glossary = file.data["glossary"]
        if glossary["framework"] not in framework_ids and not self.unreadable:
            self.report(file, ("glossary", "framework"), f"unknown framework '{glossary['framework']}'")
        source = self.sources.get(glossary["source_file"])
        if source is None:
            self.report(file, ("glossary", "source_file"), f"source file 'sources/{glossary['source_file']}' does not exist")
            return
        whole = self.check_whole_range(file, ("glossary", "lines"), glossary.get("lines"), glossary["source_file"])
        seen: set[str] = set()
        for index, term in enumerate(file.data["terms"]):
            if whole is not None and not source.check_ranges(term["lines"]) and not _within(term["lines"], whole):
                self.report(file, ("terms", index, "lines"),
                            f"term lines {term['lines']} lie outside the glossary's lines {whole}")
            if term["id"] in seen:
                self.report(file, ("terms", index, "id"), f"duplicate term id '{term['id']}'")
            seen.add(term["id"])
            self.check_locator_and_text(file, ("terms", index), source, term["lines"], term["term"], "term")
            self.check_locator_and_text(file, ("terms", index), source, term["lines"], term["definition"],
                                        "definition", check_range=False)

    def check_segments(self, file: LoadedFile, raw: RawData) -> None:
        seen: set[str] = set()
        for index, segment in enumerate(file.data["segments"]):
            if segment["id"] in seen:
                self.report(file, ("segments", index, "id"), f"duplicate segment id '{segment['id']}'")
            seen.add(segment["id"])
            self.check_vocab(file, ("segments", index, "domain"), segment["domain"], raw, "domains", "domain")
        self.check_quotes(file, file.data["source_file"])
        source = self.sources.get(file.data["source_file"])
        if source:
            for index, segment in enumerate(file.data["segments"]):
                self.check_locator_and_text(file, ("segments", index), source, segment["lines"], segment["name"], "name")

    def check_overview(self, file: LoadedFile, framework_ids: set[str]) -> None:
        for index, row in enumerate(file.data["rows"]):
            # (With a normset that failed to load, its rows only look unknown: its own errors say why.)
            if row["framework"] not in framework_ids and not self.unreadable:
                self.report(file, ("rows", index, "framework"), f"unknown framework '{row['framework']}'")
        self.check_quotes(file, file.data["source_file"])

    def check_comparable(self, file: LoadedFile, raw: RawData) -> None:
        """Groups of comparable criteria: members exist, come from two frameworks or more, appear
        once per group; group ids are unique. Labels and notes are editorial by definition."""
        framework_of = {criterion["id"]: f.data["framework"]["id"]
                        for f in raw.frameworks for _, criterion in iter_criteria(f.data)}
        retired = {r["id"] for f in raw.frameworks for r in f.data.get("retired", [])}
        can_resolve = raw.unreadable_frameworks == 0  # else a missing id may live in a broken file
        group_lines: dict[str, int] = {}
        for index, group in enumerate(file.data["groups"]):
            where = ("groups", index)
            if group["id"] in group_lines:
                self.report(file, where + ("id",),
                            f"duplicate group id '{group['id']}' (also at line {group_lines[group['id']]})")
            group_lines.setdefault(group["id"], file.line_of(where + ("id",)))
            member_lines: dict[str, int] = {}
            frameworks: set[str] = set()
            resolved = True
            for position, member in enumerate(group["members"]):
                member_path = where + ("members", position)
                criterion_id = member["id"]
                if criterion_id in member_lines:
                    self.report(file, member_path + ("id",), f"criterion '{criterion_id}' is twice in group "
                                f"'{group['id']}' (also at line {member_lines[criterion_id]})")
                member_lines.setdefault(criterion_id, file.line_of(member_path + ("id",)))
                if criterion_id in framework_of:
                    frameworks.add(framework_of[criterion_id])
                    continue
                resolved = False
                if criterion_id in retired:
                    self.report(file, member_path + ("id",), f"criterion '{criterion_id}' is retired")
                elif can_resolve:
                    self.report(file, member_path + ("id",), f"unknown criterion '{criterion_id}'")
            if resolved and len(frameworks) < 2:
                self.report(file, where, f"group '{group['id']}' has members from one framework only "
                            f"({', '.join(sorted(frameworks))}); a group needs at least two frameworks")

    def check_ids_across_files(self, raw: RawData) -> None:
        # One ID prefix per framework, none the start of another ("mg" and "mg-vei" would both
        # claim "mg-vei-01"): the tools find a criterion's framework from its ID alone.
        prefixes: dict[str, LoadedFile] = {}
        for file in raw.frameworks:
            prefix = file.data["framework"]["id_prefix"]
            for other_prefix, other in prefixes.items():
                if f"{prefix}-".startswith(f"{other_prefix}-") or f"{other_prefix}-".startswith(f"{prefix}-"):
                    self.report(file, ("framework", "id_prefix"), f"id_prefix '{prefix}' clashes with '{other_prefix}' "
                                f"of {other.display_path}: no prefix may begin with another one and a hyphen")
            prefixes.setdefault(prefix, file)
        first_seen: dict[str, tuple[LoadedFile, JsonPath]] = {}
        for file in raw.frameworks:
            for json_path, criterion in iter_criteria(file.data):
                criterion_id = criterion["id"]
                if criterion_id in first_seen:
                    other, other_path = first_seen[criterion_id]
                    self.report(file, json_path + ("id",),
                                f"duplicate criterion id '{criterion_id}' (also at "
                                f"{other.display_path}:{other.line_of(other_path + ('id',))})")
                else:
                    first_seen[criterion_id] = (file, json_path)
        for file in raw.frameworks:
            for index, retired in enumerate(file.data.get("retired", [])):
                if retired["id"] in first_seen:
                    self.report(file, ("retired", index, "id"),
                                f"retired id '{retired['id']}' is in use again; a retired id is never reused")
            for json_path, criterion in iter_criteria(file.data):
                for index, target in enumerate(criterion.get("see_also", [])):
                    if target not in first_seen:
                        self.report(file, json_path + ("see_also", index), f"broken reference: no criterion '{target}'")
        self.problems.extend(stable_ids.check(raw, first_seen, self.paths))


def _check_normset(path: Path) -> Entry:
    """Validator.check_normset in a worker process (generator/workers.py)."""
    validator, raw, segment_ids = workers.state()
    return validator.check_normset(path, raw, segment_ids)


def _in_spec(number: int, spec: str) -> bool:
    return any(start <= number <= end for start, end in fidelity.parse_line_spec(spec))


def normalise_preview(line: str) -> str:
    text = fidelity.normalise_text(line)
    return text if len(text) <= 60 else text[:57] + "…"
def _within(spec: str, outer: str) -> bool:
    """Do all lines of `spec` fall inside the ranges of `outer`?"""
    ranges = fidelity.parse_line_spec(outer)
    return all(any(low <= start and end <= high for low, high in ranges)
               for start, end in fidelity.parse_line_spec(spec))


def _text_nodes(data: Any, json_path: JsonPath) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    if isinstance(data, dict):
        if isinstance(data.get("text"), str):
            yield json_path, data
        for key, value in data.items():
            yield from _text_nodes(value, json_path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _text_nodes(value, json_path + (index,))


def _sections(sections: list[dict[str, Any]], json_path: JsonPath) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    for index, section in enumerate(sections):
        yield json_path + (index,), section
        yield from _sections(section.get("sections", []), json_path + (index, "sections"))


def iter_criteria(data: dict[str, Any]) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    for json_path, section in _sections(data.get("sections", []), ("sections",)):
        for index, criterion in enumerate(section.get("criteria", [])):
            yield json_path + ("criteria", index), criterion


def validate_project(paths: ProjectPaths, cache: Cache | None = None) -> tuple[RawData, list[Problem]]:
    """Load and check everything; the RawData is only usable if no problems. With a cache
    (generator/cache.py), an unchanged normset's own checks are reused; the checks across files
    (IDs, published IDs, comparable groups, coverage, glossaries) always run."""
    validator = Validator(paths, cache)
    raw = RawData(sources_dir=paths.sources)
    raw.vocabulary = validator.load(paths.vocabulary, "vocabulary")
    if paths.segments.exists():
        raw.segments = validator.load(paths.segments, "segments")
    segment_ids = {s["id"] for s in raw.segments.data["segments"]} if raw.segments else set()
    files = sorted(paths.frameworks.glob("*.yaml"))
    checked = validator.framework_files(files, raw, segment_ids)
    for path, loaded in zip(files, checked):
        if loaded:
            raw.frameworks.append(loaded)
            if path in validator.file_digests:
                raw.framework_digests[loaded.data["framework"]["id"]] = validator.file_digests[path]
        else:
            raw.unreadable_frameworks += 1
            validator.unreadable = True
    framework_ids = {f.data["framework"]["id"] for f in raw.frameworks}
    seen_framework_files: dict[str, LoadedFile] = {}
    for file in raw.frameworks:
        framework_id = file.data["framework"]["id"]
        if framework_id in seen_framework_files:
            validator.report(file, ("framework", "id"), f"duplicate framework id '{framework_id}'")
        seen_framework_files[framework_id] = file
    validator.check_ids_across_files(raw)
    validator.check_successors(raw, framework_ids)
    if raw.segments:
        validator.check_segments(raw.segments, raw)
    for path in sorted(paths.glossaries.glob("*.yaml")):
        loaded = validator.load(path, "glossary")
        if loaded:
            raw.glossaries.append(loaded)
            validator.check_glossary(loaded, framework_ids)
    if paths.overview.exists():
        raw.overview = validator.load(paths.overview, "overview")
        if raw.overview:
            validator.check_overview(raw.overview, framework_ids)
    if paths.comparable.exists():
        raw.comparable = validator.load(paths.comparable, "comparable")
        if raw.comparable:
            validator.check_comparable(raw.comparable, raw)
    validator.check_source_encoding()
    validator.check_furniture()
    for file in raw.frameworks:
        coverage = file.data.get("coverage") or {}
        validator.check_coverage(file, file.data["framework"]["source"]["file"], coverage.get("lines"),
                                 ("coverage", "lines"))
    for file in raw.glossaries:
        glossary = file.data["glossary"]
        validator.check_coverage(file, glossary["source_file"], glossary.get("lines"), ("glossary", "lines"))
    return raw, sorted(set(validator.problems))
