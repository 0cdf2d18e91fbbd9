"""The in-memory model the renderers work from.

Built only from validated data, so it can trust shapes and references.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from .citations import Citation, assign_citations, work_text
from .validate import RawData


@dataclass
class Term:
    id: str
    label: str
    description: str = ""


@dataclass
class Quote:
    text: str
    lines: str | None = None
    editorial: bool = False

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Quote":
        return cls(data["text"], data.get("lines"), bool(data.get("editorial")))


@dataclass
class Item:
    text: str
    lines: str
    label: str | None = None
    informative: bool = False
    items: list["Item"] = field(default_factory=list)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Item":
        return cls(data["text"], data["lines"], data.get("label"), bool(data.get("informative")),
                   [cls.from_data(child) for child in data.get("items", [])])


@dataclass
class Annotation:
    """Applicability, evidence or a note: a kind plus a (quoted) text."""

    kind: str
    text: str
    lines: str | None = None
    label: str | None = None
    items: list[Item] = field(default_factory=list)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Annotation":
        # A printed label may end in its colon ("Tip:"); every renderer adds the
        # colon itself, so the label is kept without it ("Tip", never "Tip::").
        label = data.get("label")
        label = label.rstrip().removesuffix(":").rstrip() if label else label
        return cls(data["kind"], data["text"], data.get("lines"), label or None,
                   [Item.from_data(i) for i in data.get("items", [])])


@dataclass
class Criterion:
    id: str
    text: str
    lines: str
    element: str
    framework: "Framework"
    section_path: list["Section"]
    number: str | None = None
    title: str | None = None
    also_elements: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    closing: Quote | None = None  # text the source prints after the items
    applicability: list[Annotation] = field(default_factory=list)
    evidence: list[Annotation] = field(default_factory=list)
    notes: list[Annotation] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    position: int = 0
    comparable_groups: list[str] = field(default_factory=list)  # ids of the ComparableGroups it is in
    citation: "Citation | None" = None  # set by citations.assign_citations when the catalog is built

    @property
    def elements(self) -> list[str]:
        return [self.element, *self.also_elements]

    @property
    def url(self) -> str:
        """Site-relative permalink."""
        return f"kaders/{self.framework.id}/#{self.id}"

    @property
    def label(self) -> str:
        """How a reader refers to the criterion: its locator in the source (see citations.py)."""
        return self.citation.locator if self.citation else (self.number or "")


@dataclass
class Section:
    id: str
    title: str
    depth: int
    title_editorial: bool = False
    number: str | None = None
    element: str | None = None
    lead: list[Quote] = field(default_factory=list)
    no_criteria: Quote | None = None
    applicability: list[Annotation] = field(default_factory=list)
    notes: list[Annotation] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"sectie-{self.id}"

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.sections:
            yield from child.walk()


SEGMENT_RULE_LABELS = {"alle-segmenten": "Geldt voor alle segmenten",
                       "niet-vastgelegd": "Segment niet vastgelegd"}
# Finder facet value for criteria of frameworks whose segment is not recorded.
SEGMENT_NOT_RECORDED = "niet-vastgelegd"


@dataclass
class Framework:
    data: dict[str, Any]
    document: dict[str, Any] = field(default_factory=dict, repr=False)  # the whole normset, for exports
    sections: list[Section] = field(default_factory=list)
    retired: list[dict[str, str]] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        # Plain metadata fields (title, publishers, year, ...) come straight from the data.
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def id(self) -> str:
        return self.data["id"]

    def quotes(self, name: str) -> list[Quote]:
        return [Quote.from_data(q) for q in self.data.get(name, [])]

    def notes(self) -> list[Annotation]:
        return [Annotation.from_data(n) for n in self.data.get("notes", [])]

    def all_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def criteria(self) -> list[Criterion]:
        return [c for s in self.all_sections() for c in s.criteria]

    @property
    def segment_rule(self) -> dict[str, Any] | None:
        """`{kind, reason, quote?}` for a framework without segment data, else None."""
        return self.data.get("segment_rule")

    def segments_applied(self, segments: dict[str, "Segment"]) -> list[str]:
        """Segment IDs the framework applies to: its own list, or every segment of its
        domains when its segment rule is 'alle-segmenten'; empty when not recorded."""
        rule = self.segment_rule
        if rule and rule["kind"] == "alle-segmenten":
            return [s.id for s in segments.values() if s.domain in self.data["domains"]]
        return list(self.data.get("segments", []))

    @property
    def is_summary(self) -> bool:
        return self.data["source"]["kind"] == "summary"

    @property
    def publisher_text(self) -> str:
        return ", ".join(self.data["publishers"])

    @property
    def year_text(self) -> str:
        return str(self.data["year"]) if self.data.get("year") else "z.j."

    @property
    def citation_work(self) -> str:
        """Who wrote the quoted words, and of what: every citation of the framework without its locator."""
        return work_text(self)


@dataclass
class Segment:
    id: str
    domain: str
    code: str
    name: str
    description: list[Quote]
    typical_offer: list[Quote]


@dataclass
class GlossaryTerm:
    id: str
    term: str
    definition: str
    abbreviation: str | None = None


@dataclass
class Glossary:
    id: str
    title: str
    framework: Framework
    terms: list[GlossaryTerm]


@dataclass
class ComparableGroup:
    """Criteria from different frameworks that ask for essentially the same thing.
    The label and note are editorial; each member is 'equivalent' or 'partial'."""

    id: str
    label: str
    note: str | None
    members: list[tuple[Criterion, str]]

    def others(self, criterion: Criterion) -> list[tuple[Criterion, str]]:
        """The members from other frameworks than `criterion`'s, each with the relation between the
        two: equivalent only when both are equivalent to the group, else partial."""
        own = next(relation for member, relation in self.members if member is criterion)
        return [(member, "equivalent" if own == relation == "equivalent" else "partial")
                for member, relation in self.members if member.framework is not criterion.framework]

    def compared_frameworks(self, criterion: Criterion, limit: int = 4) -> list[str]:
        """The frameworks to compare `criterion`'s with: its own first, then the other members', at
        most `limit` (what the comparison page shows at once)."""
        ids = [criterion.framework.id]
        for member, _ in self.members:
            if member.framework.id not in ids:
                ids.append(member.framework.id)
        return ids[:limit]


@dataclass
class Catalog:
    frameworks: list[Framework]
    elements: list[Term]
    tags: dict[str, Term]
    domains: dict[str, Term]
    statuses: dict[str, Term]
    applicability_kinds: dict[str, Term]
    note_kinds: dict[str, Term]
    segments: dict[str, Segment]
    glossaries: list[Glossary]
    overview: dict[str, Any] | None
    comparable: list[ComparableGroup] = field(default_factory=list)

    def criteria(self) -> list[Criterion]:
        return [c for f in self.frameworks for c in f.criteria()]

    def framework(self, framework_id: str) -> Framework:
        return next(f for f in self.frameworks if f.id == framework_id)

    def element(self, element_id: str) -> Term:
        return next(e for e in self.elements if e.id == element_id)

    def comparable_group(self, group_id: str) -> ComparableGroup:
        return next(g for g in self.comparable if g.id == group_id)


def _terms(raw_terms: list[dict[str, str]]) -> list[Term]:
    return [Term(t["id"], t["label"], t.get("description", "")) for t in raw_terms]


def _section(data: dict[str, Any], framework: Framework, parents: list[Section], counter: list[int]) -> Section:
    section = Section(
        id=data["id"], title=data["title"], depth=len(parents) + 1,
        title_editorial=bool(data.get("title_editorial")), number=data.get("number"),
        element=data.get("element"), lead=[Quote.from_data(q) for q in data.get("lead", [])],
        no_criteria=Quote.from_data(data["no_criteria"]) if data.get("no_criteria") else None,
        applicability=[Annotation.from_data(a) for a in data.get("applicability", [])],
        notes=[Annotation.from_data(n) for n in data.get("notes", [])],
    )
    path = [*parents, section]
    for item in data.get("criteria", []):
        counter[0] += 1
        # Applicability stated on a section (e.g. "Specifiek voor Vrouwenopvang") holds for its criteria.
        inherited = [a for s in path for a in s.applicability]
        section.criteria.append(Criterion(
            id=item["id"], text=item["text"], lines=item["lines"], element=item["element"],
            framework=framework, section_path=path, number=item.get("number"), title=item.get("title"),
            also_elements=item.get("also_elements", []), tags=item.get("tags", []),
            items=[Item.from_data(i) for i in item.get("items", [])],
            closing=Quote.from_data(item["closing"]) if item.get("closing") else None,
            applicability=inherited + [Annotation.from_data(a) for a in item.get("applicability", [])],
            evidence=[Annotation.from_data(e) for e in item.get("evidence", [])],
            notes=[Annotation.from_data(n) for n in item.get("notes", [])],
            see_also=item.get("see_also", []), position=counter[0],
        ))
    section.sections = [_section(child, framework, path, counter) for child in data.get("sections", [])]
    return section


def _sort_key(framework: Framework) -> tuple[int, int, str]:
    # Movisie's own order first (its overview numbers), then the other frameworks by title.
    number = framework.data.get("overview_number")
    return (0 if number else 1, number or 0, framework.data["title"])


def build_catalog(raw: RawData) -> Catalog:
    vocabulary = raw.vocabulary.data if raw.vocabulary else {}
    frameworks = []
    for file in raw.frameworks:
        framework = Framework(file.data["framework"], document=file.data, retired=file.data.get("retired", []))
        counter = [0]
        framework.sections = [_section(s, framework, [], counter) for s in file.data["sections"]]
        frameworks.append(framework)
    frameworks.sort(key=_sort_key)
    by_id = {f.id: f for f in frameworks}
    segments = {}
    if raw.segments:
        for s in raw.segments.data["segments"]:
            segments[s["id"]] = Segment(s["id"], s["domain"], s["code"], s["name"],
                                        [Quote.from_data(q) for q in s.get("description", [])],
                                        [Quote.from_data(q) for q in s.get("typical_offer", [])])
    glossaries = [
        Glossary(g.data["glossary"]["id"], g.data["glossary"]["title"], by_id[g.data["glossary"]["framework"]],
                 [GlossaryTerm(t["id"], t["term"], t["definition"], t.get("abbreviation")) for t in g.data["terms"]])
        for g in raw.glossaries
    ]

    def index(name: str) -> dict[str, Term]:
        return {t.id: t for t in _terms(vocabulary.get(name, []))}

    by_criterion = {c.id: c for f in frameworks for c in f.criteria()}
    comparable = []
    for group in (raw.comparable.data["groups"] if raw.comparable else []):
        members = [(by_criterion[m["id"]], m["relation"]) for m in group["members"]]
        comparable.append(ComparableGroup(group["id"], group["label"], group.get("note"), members))
        for criterion, _ in members:
            criterion.comparable_groups.append(group["id"])

    catalog = Catalog(
        frameworks=frameworks, elements=_terms(vocabulary.get("elements", [])), tags=index("tags"),
        domains=index("domains"), statuses=index("statuses"), applicability_kinds=index("applicability"),
        note_kinds=index("note_kinds"), segments=segments, glossaries=glossaries,
        overview=raw.overview.data if raw.overview else None, comparable=comparable,
    )
    assign_citations(catalog, raw.sources_dir)
    return catalog
