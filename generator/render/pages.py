"""Render Markdown pages from the catalog with the Jinja templates in
site_templates/pages. Every value is HTML-escaped by Jinja; values placed in
Markdown headings are also Markdown-escaped, so source text is never
interpreted as markup."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from typing import Any, Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup, escape

from .. import markdown_raw
from ..cache import compiled_templates
from ..citations import LIFECYCLE_LABELS, lifecycle_record, topic_locator
from ..model import Catalog, Criterion, Framework
from ..project import ProjectPaths
from . import criterion_size
from .counting import COUNT_RULE, element_coverage, topic_counts
from .exports import COLUMN_DOCS
from .glossary_links import TermLinker

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")


def markdown_inline(value: Any) -> Markup:
    """Text safe to put in a Markdown heading: HTML-escaped, Markdown-escaped."""
    escaped = str(escape(str(value)))
    # Escape Markdown punctuation outside the HTML entities that escape() produced.
    parts = re.split(r"(&[#a-z0-9]+;)", escaped)
    return Markup("".join(p if p.startswith("&") and p.endswith(";") else _MARKDOWN_SPECIAL.sub(r"\\\1", p)
                          for p in parts))


DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december")


def dutch_date(value: str | date) -> str:
    """An ISO date as running Dutch text: 2026-12-01 -> "1 december 2026"."""
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def criteria_count(count: int) -> str:
    return "1 criterium" if count == 1 else f"{count} criteria"


def short_text(value: str, words: int = 10) -> str:
    tokens = value.split()
    return " ".join(tokens[:words]) + ("…" if len(tokens) > words else "")


def criterion_heading(criterion: Criterion) -> str:
    label = criterion.title or short_text(criterion.text)
    return f"{criterion.number} · {label}" if criterion.number else label



def lifecycle_mark(lifecycle: dict[str, Any]) -> Markup:
    """The framework's lifecycle status as a small mark for lists and the metadata."""
    return Markup('<span class="kk-lifecycle kk-lifecycle--{}">{}</span>').format(lifecycle["status"], lifecycle["label"])


def heading_attrs(anchor: str, css_class: str | None = None) -> Markup:
    """attr_list suffix for a Markdown heading: a fixed anchor (and class)."""
    return Markup("{#" + str(escape(anchor)) + (f" .{css_class}" if css_class else "") + "}")


def raw_region(html: str) -> Markup:
    """Rendered HTML as a region that reaches the page unparsed (generator/markdown_raw.py), laid
    out as Python-Markdown lays out raw HTML blocks (one blank line between blocks, none at either
    end), so the page is the same with and without the extension; nothing when it is empty."""
    text = _BLANK_LINES.sub("\n\n", str(html).strip("\n"))
    return Markup(f"{markdown_raw.START}\n{text}\n{markdown_raw.END}") if text.strip() else Markup("")


_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def make_environment(paths: ProjectPaths) -> Environment:
    environment = Environment(
        bytecode_cache=compiled_templates(paths.cache / "templates"),  # a warm generate compiles none again
        loader=FileSystemLoader(paths.templates / "pages"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Each generate makes its own environment, so a template cannot change under it: no need
        # to look at every template file's modification time again on each of its thousands of renders.
        auto_reload=False,
        # Markdown uses "{#anchor}" for heading IDs, so Jinja comments are "{## ... ##}".
        comment_start_string="{##",
        comment_end_string="##}",
    )
    environment.filters["md"] = markdown_inline
    environment.filters["raw_region"] = raw_region
    environment.filters["short"] = short_text
    environment.filters["dutch_date"] = dutch_date
    environment.filters["criteria_count"] = criteria_count
    # Front matter values: a JSON string is valid YAML and needs no further escaping.
    environment.filters["yaml_string"] = lambda value: Markup(json.dumps(str(value), ensure_ascii=False))
    environment.globals["criterion_heading"] = criterion_heading
    environment.globals["heading_attrs"] = heading_attrs
    environment.globals["topic_locator"] = topic_locator
    environment.globals["lifecycle_record"] = lifecycle_record
    environment.globals["lifecycle_mark"] = lifecycle_mark
    return environment


def framework_status(framework: Framework, catalog: Catalog) -> str:
    """The framework's status for lists: its kind (vocabulary), plus its lifecycle when not valid."""
    text = catalog.statuses[framework.status].label
    lifecycle = framework.data.get("lifecycle") or {}
    if lifecycle.get("status") in LIFECYCLE_LABELS and lifecycle["status"] != "geldig":
        text += " · " + LIFECYCLE_LABELS[lifecycle["status"]]
    return text


def framework_fingerprint(framework: Framework) -> str:
    """The digest of one framework's data (the pipeline caches it with the framework's outputs)."""
    document = json.dumps(framework.document, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


def data_version(fingerprints: list[str]) -> str:
    """A short fingerprint of all framework data, from every framework's (framework_fingerprint, in
    catalog order): it changes exactly when a text or fact changes."""
    return hashlib.sha256("".join(fingerprints).encode("ascii")).hexdigest()[:12]


def render_pages(catalog: Catalog, paths: ProjectPaths, site_url: str | None, build_date: str) -> dict[str, bytes]:
    render = renderer(catalog, paths, site_url, build_date)
    files = render_site_pages(catalog, paths, site_url, build_date, render=render)
    files.update(render_group_pages(catalog, [render_groups(catalog, f, render) for f in catalog.frameworks], render))
    files.update(render_version_pages(catalog, build_date, [framework_fingerprint(f) for f in catalog.frameworks],
                                      render))
    for pages in render_framework_pages(catalog, paths, site_url, build_date, catalog.frameworks).values():
        files.update(pages)
    return files


def render_framework_pages(catalog: Catalog, paths: ProjectPaths, site_url: str | None, build_date: str,
                           frameworks: list[Framework], render: Renderer | None = None) -> dict[str, dict[str, bytes]]:
    """The page of each given framework, per framework ID (the pipeline caches them one by one).
    `render` is one from `renderer` for these arguments, when the caller keeps one."""
    render = render or renderer(catalog, paths, site_url, build_date)
    # Every page is <dir>/index.md, so its source folder is also its URL folder: MkDocs
    # keeps relative links in raw HTML as written, Zensical resolves them against the
    # source file, and for an index.md both give the same URL.
    return {f.id: {f"kaders/{f.id}/index.md": render("framework.md.j2", framework=f)} for f in frameworks}


class Renderer:
    """render(template, **values) -> bytes, and render.macro(name): a macro of _macros.j2, callable
    from Python (it returns Markup). Every template is compiled up front, so worker processes
    forked after this share the compiled templates (generator/workers.py)."""

    def __init__(self, templates: dict[str, Template], context: dict[str, Any]) -> None:
        self.templates = templates
        self.context = context
        self.macros = templates["_macros.j2"].module

    def __call__(self, template: str, **extra: Any) -> bytes:
        return self.templates[template].render(**self.context, **extra).encode("utf-8")

    def macro(self, name: str) -> Callable[..., Markup]:
        return getattr(self.macros, name)


def renderer(catalog: Catalog, paths: ProjectPaths, site_url: str | None, build_date: str) -> Renderer:
    environment = make_environment(paths)
    environment.globals["link_terms"] = TermLinker(catalog).link
    environment.globals["new_term_scope"] = set
    environment.globals["size_class"] = lambda criterion: criterion_size.size_class(criterion, catalog)
    environment.globals["framework_status"] = lambda framework: framework_status(framework, catalog)
    context = {"catalog": catalog, "build_date": build_date, "site_url": site_url or "",
               "coverage": element_coverage(catalog), "count_rule": COUNT_RULE}
    return Renderer({name: environment.get_template(name) for name in environment.list_templates()}, context)


def render_site_pages(catalog: Catalog, paths: ProjectPaths, site_url: str | None, build_date: str,
                      share: tuple[int, int] = (0, 1), render: Renderer | None = None) -> dict[str, bytes]:
    """Every page that is not a single framework's own (those: render_framework_pages). With
    share (i, n), only every n-th page from the i-th on, so that n workers can split them."""
    render = render or renderer(catalog, paths, site_url, build_date)
    start, step = share
    return {target: render(template, **values()) for template, target, values in _site_pages(catalog)[start::step]}


def _site_pages(catalog: Catalog) -> list[tuple[str, str, Callable[[], dict[str, Any]]]]:
    """(template, target, values) of every site page but the element and topic pages (those:
    render_group_pages) and the about page (render_version_pages); values() computes what only
    that page needs."""

    def topics_index() -> dict[str, Any]:
        counts = topic_counts(catalog)
        return {"topics": list(catalog.tags.values()), "topic_counts": counts,
                "topic_totals": {topic_id: sum(per.values()) for topic_id, per in counts.items()}}

    return [("frameworks_index.md.j2", "kaders/index.md", dict),
            ("elements_index.md.j2", "themas/index.md", dict),
            ("topics_index.md.j2", "onderwerpen/index.md", topics_index),
            ("glossary.md.j2", "begrippen/index.md", dict),  # always: the navigation in mkdocs.yml links it
            ("data.md.j2", "data/index.md", lambda: {"columns": COLUMN_DOCS})]


def _group_pages(catalog: Catalog) -> list[tuple[str, str, dict[str, Any], Callable[[Criterion], bool],
                                                tuple[str, int]]]:
    """(template, target, values, keep, entry) of every element and topic page: pages that list, per
    framework, the criteria `keep` accepts, each framework's group rendered by `template` with
    "_group" before its extension, each criterion in it by the criterion_entry macro with `entry`
    (its kind and the number of words of its excerpt)."""
    pages = [("element.md.j2", f"themas/{element.id}/index.md", {"element": element},
              lambda c, element_id=element.id: element_id in c.elements, ("criterion-entry", 20))
             for element in catalog.elements]
    pages += [("topic.md.j2", f"onderwerpen/{topic.id}/index.md", {"topic": topic},
               lambda c, topic_id=topic.id: topic_id in c.tags, ("topic-entry", 30)) for topic in catalog.tags.values()]
    return pages


def render_groups(catalog: Catalog, framework: Framework, render: Renderer) -> dict[str, tuple[int, str]]:
    """A framework's group on every element and topic page that lists any of its criteria, per page:
    (number of criteria, text). It shows only the framework's own data, so the pipeline caches it
    with the framework's other outputs; render_group_pages joins the groups. A criterion on several
    topic pages is rendered once for all of them."""
    criteria = framework.criteria()
    entry = render.macro("criterion_entry")
    entries: dict[tuple[str, str], Markup] = {}
    groups: dict[str, tuple[int, str]] = {}
    for template, target, _, keep, (kind, excerpt_words) in _group_pages(catalog):
        selected = [c for c in criteria if keep(c)]
        if selected:
            for criterion in selected:
                if (kind, criterion.id) not in entries:
                    entries[kind, criterion.id] = entry(criterion, kind, excerpt_words)
            text = render(template.replace(".md.j2", "_group.md.j2"), framework=framework,
                          entries=[entries[kind, criterion.id] for criterion in selected])
            groups[target] = (len(selected), text.decode("utf-8"))
    return groups


def render_group_pages(catalog: Catalog, groups: list[dict[str, tuple[int, str]]],
                       render: Renderer) -> dict[str, bytes]:
    """Every element and topic page, joined from the frameworks' groups (render_groups, in catalog order)."""
    files: dict[str, bytes] = {}
    for template, target, values, _, _ in _group_pages(catalog):
        listed = [(framework, own[target]) for framework, own in zip(catalog.frameworks, groups) if target in own]
        files[target] = render(template, **values, groups=[(framework, count) for framework, (count, _) in listed],
                               total=sum(count for _, (count, _) in listed),
                               sections=Markup("".join(text for _, (_, text) in listed)))
    return files


# Published with the site and read by assets/js/site-info.js for the footer, so
# MkDocs and Zensical show the same footer without a build hook.
SITE_INFO_FILE = "assets/site-info.json"


def render_version_pages(catalog: Catalog, build_date: str, fingerprints: list[str],
                         render: Renderer) -> dict[str, bytes]:
    """The files that show the data version (from the frameworks' fingerprints, in catalog order):
    the about page, and the footer's facts (data version, counts and build date, Dutch)."""
    version = data_version(fingerprints)
    info = {"data_version": version, "frameworks": len(catalog.frameworks),
            "criteria": sum(len(f.criteria()) for f in catalog.frameworks),
            "build_date": build_date, "build_date_text": dutch_date(build_date)}
    return {"over/index.md": render("about.md.j2", data_version=version),
            SITE_INFO_FILE: json.dumps(info, ensure_ascii=False, separators=(",", ":")).encode("utf-8")}
