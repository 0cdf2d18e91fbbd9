"""generator/markdown_raw.py hands the HTML regions the templates mark straight to the page.
It must not change a byte of any page: every generated page converts, the way MkDocs converts
it (mkdocs.yml's extensions and MkDocs' own anchor scan), to the HTML the same page without
the marker lines gives without the extension; and the marked regions must really skip both
HTML parses, or the extension saves nothing."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.structure.pages import _RawHTMLPreprocessor

from generator.markdown_raw import END, START
from generator.pipeline import render_site
from generator.project import ProjectPaths
from tests.conftest import ROOT, mkdocs_config

EXTENSION = "generator.markdown_raw"


def configured_extensions() -> tuple[list[str], dict]:
    names, options = [], {}
    for entry in mkdocs_config()["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if settings:
            options[name] = settings
    return names, options


def unmarked(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as Markdown reads line ends
    return "\n".join(line for line in lines if line not in (START, END))


def convert(text: str, names: list[str], options: dict) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=names, extension_configs=options)
    _RawHTMLPreprocessor()._register(md)  # as MkDocs registers it for every page
    return md.convert(text), md


@pytest.fixture(scope="module")
def generated_pages() -> dict[str, str]:
    files = render_site(ProjectPaths(ROOT), build_date="2026-01-02")
    pages = {name: data.decode("utf-8") for name, data in files.items() if name.endswith(".md")}
    return {name: text.split("---\n", 2)[2] if text.startswith("---\n") else text for name, text in pages.items()}


def test_the_extension_is_configured_for_both_builders():
    assert EXTENSION in configured_extensions()[0]


def test_every_page_converts_to_the_same_html_with_and_without_the_extension(generated_pages):
    names, options = configured_extensions()
    without = [name for name in names if name != EXTENSION]
    differing = [name for name, text in generated_pages.items()
                 if convert(text, names, options)[0] != convert(unmarked(text), without, options)[0]]
    assert differing == []


# The pages that grow with the catalogue hand over all their HTML but the section headings.
@pytest.mark.parametrize("page, share", [("kaders/midden-groningen-wmo/index.md", 0.05),
                                         ("kaders/bcp-sociaal-werker-2018/index.md", 0.05),
                                         ("themas/dienstverlening/index.md", 0.05),
                                         ("onderwerpen/veiligheid/index.md", 0.05),
                                         ("kaders/index.md", 0.4), ("data/index.md", 0.4)])
def test_the_bulk_of_the_large_pages_skips_both_html_parses(generated_pages, page, share):
    names, options = configured_extensions()
    text = generated_pages[page]
    html, md = convert(text, names, options)
    assert START not in html and END not in html
    # What Python-Markdown's whitespace normalisation and the two HTML parsers still get: the page
    # after the regions are taken out.
    parsed = "\n".join(md.preprocessors["kk_raw_regions"].run(text.split("\n")))
    assert len(parsed) < share * len(text)


def test_the_html_under_each_heading_is_one_region(generated_pages):
    names, options = configured_extensions()
    text = generated_pages["kaders/midden-groningen-wmo/index.md"]
    _, md = convert(text, names, options)
    blocks = md.preprocessors["kk_raw_regions"].regions.html
    criteria = text.count('<div class="kk-criterion ')
    assert not any('<div class="kk-criterion ' in str(block) for block in md.htmlStash.rawHtmlBlocks)
    # Every criterion (its heading and its block) is handed over whole, and the regions that
    # follow one another under a section heading are handed over as one, so Markdown walks over
    # one marker per section rather than one per criterion.
    assert sum(block.count('<div class="kk-criterion ') for block in blocks) == criteria > 40
    assert all(block.count("<h") == block.count("</h") for block in blocks)
    headings = sum(1 for line in text.split("\n") if line.startswith("#"))
    assert len(blocks) <= headings < criteria


@pytest.mark.parametrize("text", [
    f"{START}\n<div>\n\n*niet* verwerkt\n</div>",  # unclosed: Markdown sees the text as it is (less the marker)
    f"Tekst\n{START}\n<div><p>a</p></div>\n{END}\nmeer tekst",
    f"{START}\n<p>x</p>\n{END}\n\n{START}\n<p>y</p>\n{END}",
    f"# K\n\n{START}\n<p>x</p>\n{END}\n{START}\n<p>y</p>\n{END}\n\n\n{START}\n<p>z</p>\n{END}\n## L\n\nTekst",
    # What Python-Markdown's whitespace normalisation changes, inside and around a region.
    f"{START}\n<div>\n\ta\tb\n  \n</div>\n{END}\n\t\nna",
    f"Tekst\r\n\r\n{START}\r\n<div>a\rb</div>\r\n{END}\r\n\r\nmeer",
    f"{START}\n<div>a\x02b\x03</div>\n{END}\n\n{START}\n<p>c</p>\n{END}",
    f"{START}\n<div>\n  \n   </div>\n{END}\n   \nna",
    # A region after a list and before indented text, and one that is not block-level, last.
    f"- lijst\n{START}\n<div>x</div>\n{END}\n    ingesprongen\n\n{START}\n<span>inline</span>\n{END}",
])
def test_marked_html_gives_what_markdown_would_give(text):
    names, options = configured_extensions()
    without = [name for name in names if name != EXTENSION]
    assert convert(text, names, options)[0] == convert(unmarked(text), without, options)[0]
