"""Render Markdown pages from the catalog with the Jinja templates in
site_templates/pages. Every value is HTML-escaped by Jinja; values placed in
Markdown headings are also Markdown-escaped, so source text is never
interpreted as markup."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..model import Catalog, Criterion
from ..project import ProjectPaths
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


def short_text(value: str, words: int = 10) -> str:
    tokens = value.split()
    return " ".join(tokens[:words]) + ("…" if len(tokens) > words else "")


def criterion_heading(criterion: Criterion) -> str:
    label = criterion.title or short_text(criterion.text)
    return f"{criterion.number} · {label}" if criterion.number else label


def heading_attrs(anchor: str, css_class: str | None = None) -> Markup:
    """attr_list suffix for a Markdown heading: a fixed anchor (and class)."""
    return Markup("{#" + str(escape(anchor)) + (f" .{css_class}" if css_class else "") + "}")


def make_environment(paths: ProjectPaths) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(paths.templates / "pages"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown uses "{#anchor}" for heading IDs, so Jinja comments are "{## ... ##}".
        comment_start_string="{##",
        comment_end_string="##}",
    )
    environment.filters["md"] = markdown_inline
    environment.filters["short"] = short_text
    # Front matter values: a JSON string is valid YAML and needs no further escaping.
    environment.filters["yaml_string"] = lambda value: Markup(json.dumps(str(value), ensure_ascii=False))
    environment.globals["criterion_heading"] = criterion_heading
    environment.globals["heading_attrs"] = heading_attrs
    return environment


def element_counts(catalog: Catalog) -> dict[str, Counter[str]]:
    """Criteria per framework by primary element (the overview table, like Movisie's)."""
    return {f.id: Counter(c.element for c in f.criteria()) for f in catalog.frameworks}


def element_coverage(catalog: Catalog) -> dict[str, Counter[str]]:
    """Criteria per framework under each element they belong to, primary or not:
    exactly what an element page lists for that framework."""
    return {f.id: Counter(e for c in f.criteria() for e in c.elements) for f in catalog.frameworks}


def render_pages(catalog: Catalog, paths: ProjectPaths, site_url: str | None, build_date: str) -> dict[str, bytes]:
    environment = make_environment(paths)
    environment.globals["link_terms"] = TermLinker(catalog).link
    environment.globals["new_term_scope"] = set
    context = {"catalog": catalog, "build_date": build_date, "site_url": site_url or "",
               "counts": element_counts(catalog), "coverage": element_coverage(catalog)}
    files: dict[str, str] = {}

    def render(template: str, target: str, **extra: Any) -> None:
        files[target] = environment.get_template(template).render(**context, **extra)

    # Every page is <dir>/index.md, so its source folder is also its URL folder: MkDocs
    # keeps relative links in raw HTML as written, Zensical resolves them against the
    # source file, and for an index.md both give the same URL.
    for framework in catalog.frameworks:
        render("framework.md.j2", f"kaders/{framework.id}/index.md", framework=framework)
    render("frameworks_index.md.j2", "kaders/index.md")
    for element in catalog.elements:
        groups = [(f, [c for c in f.criteria() if element.id in c.elements]) for f in catalog.frameworks]
        groups = [(framework, criteria) for framework, criteria in groups if criteria]
        render("element.md.j2", f"themas/{element.id}/index.md", element=element, groups=groups,
               total=sum(len(criteria) for _, criteria in groups))
    render("elements_index.md.j2", "themas/index.md")
    render("glossary.md.j2", "begrippen/index.md")  # always: the navigation in mkdocs.yml links it
    render("data.md.j2", "data/index.md", columns=COLUMN_DOCS)
    return {name: text.encode("utf-8") for name, text in files.items()}
