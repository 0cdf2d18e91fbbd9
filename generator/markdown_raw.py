"""A Python-Markdown extension: generated HTML goes straight to the page, unparsed.

Most of a generated page is HTML the templates wrote (site_templates/pages/). Python-Markdown
parses every raw HTML block with Python's html.parser to find where it ends, and MkDocs parses
the whole page once more to collect its anchor IDs; at real size that was most of the Markdown
side of a build (BENCHMARKS.md, "Raw HTML regions"). The templates mark such HTML, which needs
no Markdown processing, with a line `<!--kk-raw-->` before and `<!--/kk-raw-->` after it; this
preprocessor, which runs before both parsers, hands each marked region (and regions that follow
one another, as one) to Markdown's HTML stash, so the page gets the region's text exactly as it
stands, as it would after the parse.

Loaded by name from mkdocs.yml's `markdown_extensions` (`generator.markdown_raw`), so MkDocs and
Zensical (which runs Python-Markdown with the same configuration) build the same pages. Without
it the markers are plain HTML comments and the page shows the same thing.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

START = "<!--kk-raw-->"
END = "<!--/kk-raw-->"


class RawRegionPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        region: list[str] | None = None  # the lines of the open region
        index = 0
        while index < len(lines):
            line = lines[index]
            index += 1
            if region is None:
                if line == START:
                    region = []
                else:
                    out.append(line)
            elif line != END:
                region.append(line)
            else:
                following = index
                while following < len(lines) and not lines[following].strip():
                    following += 1
                if following < len(lines) and lines[following] == START:
                    # The next region follows, after blank lines at most: one stash entry for both
                    # (fewer placeholders leave less for the block and inline processors to walk
                    # over), joined as Python-Markdown joins two raw blocks: by one blank line if
                    # any stood between them.
                    if following > index:
                        region.append("")
                    index = following + 1
                    continue
                html = "\n".join(region)
                # Python-Markdown keeps the newline after a raw block that a blank line follows.
                if index < len(lines) and not lines[index].strip():
                    html += "\n"
                # A placeholder alone in its block is replaced by the region itself.
                out += ["", self.md.htmlStash.store(html), ""]
                region = None
        if region is not None:  # unclosed: the text goes to Markdown as it is, less the marker
            out += region
        return out


class RawRegionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before MkDocs' anchor scan (21) and Python-Markdown's raw HTML parse (20).
        md.preprocessors.register(RawRegionPreprocessor(md), "kk_raw_regions", 30)


def makeExtension(**kwargs) -> RawRegionExtension:  # noqa: N802  (the name Python-Markdown looks for)
    return RawRegionExtension(**kwargs)
