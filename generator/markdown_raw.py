"""A Python-Markdown extension: generated HTML goes straight to the page, unparsed.

Most of a generated page is HTML the templates wrote (site_templates/pages/). Python-Markdown
parses every raw HTML block with Python's html.parser to find where it ends, and MkDocs parses
the whole page once more to collect its anchor IDs; at real size that was most of the Markdown
side of a build (BENCHMARKS.md, "Raw HTML regions"). The templates mark such HTML, which needs
no Markdown processing, with a line `<!--kk-raw-->` before and `<!--/kk-raw-->` after it.

The preprocessor runs first, before Python-Markdown's whitespace normalisation: it takes each
marked region (and regions that follow one another, as one) out of the page and leaves a short
marker paragraph in its place, so that neither the normalisation, nor the two HTML parses, nor
the restoring of stashed HTML walks over the bulk of the page
(BENCHMARKS.md, "Raw HTML regions outside Markdown"). It normalises each region's whitespace
exactly as Python-Markdown would have; the postprocessor puts the regions back where their
markers are, as Python-Markdown puts back the raw HTML it stashed. The page gets each region's
text exactly as it would after the parse.

Loaded by name from mkdocs.yml's `markdown_extensions` (`generator.markdown_raw`), so MkDocs and
Zensical (which runs Python-Markdown with the same configuration) build the same pages. Without
it the markers are plain HTML comments and the page shows the same thing.
"""

from __future__ import annotations

import re
import secrets

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor, RawHtmlPostprocessor
from markdown.preprocessors import Preprocessor

START = "<!--kk-raw-->"
END = "<!--/kk-raw-->"

# What Python-Markdown's NormalizeWhitespace removes from lines of spaces alone.
_SPACES_LINE = re.compile(r"(?<=\n) +\n")


class RawRegions:
    """The regions taken out of the page, and the marker that stands for each one. The marker is
    random per Markdown instance, so no page text can be mistaken for one; it is plain letters and
    digits, which no Markdown processor changes."""

    def __init__(self) -> None:
        self.marker = f"kkraw{secrets.token_hex(8)}r"
        self.pattern = re.compile(rf"<p>{self.marker}(\d+)</p>|{self.marker}(\d+)")
        self.html: list[str] = []

    def store(self, html: str) -> str:
        self.html.append(html)
        return f"{self.marker}{len(self.html) - 1}"


class RawRegionPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, regions: RawRegions) -> None:
        super().__init__(md)
        self.regions = regions

    def normalised(self, html: str) -> str:
        """The region as NormalizeWhitespace leaves it in the page (STX, ETX and carriage returns
        are already gone: see run). Each region begins after a line of its own, so tabs expand and
        lines of spaces empty as they would in the whole page."""
        if "\t" in html:
            html = html.expandtabs(self.md.tab_length)
        if " \n" in html or html.endswith(" "):
            html = _SPACES_LINE.sub("\n", f"\n{html}\n")[1:-1]
        return html

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if util.STX in source or util.ETX in source or "\r" in source:
            # NormalizeWhitespace's first steps, which may change where lines end, taken before the
            # markers are looked for (they are idempotent, so its own run after this one is the same).
            source = source.replace(util.STX, "").replace(util.ETX, "").replace("\r\n", "\n").replace("\r", "\n")
            lines = source.split("\n")
        elif START not in source:
            return lines
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
                    # The next region follows, after blank lines at most: one marker for both
                    # (fewer markers leave less for the block and inline processors to walk
                    # over), joined as Python-Markdown joins two raw blocks: by one blank line if
                    # any stood between them.
                    if following > index:
                        region.append("")
                    index = following + 1
                    continue
                html = self.normalised("\n".join(region))
                # Python-Markdown keeps the newline after a raw block that a blank line follows.
                if index < len(lines) and not lines[index].strip():
                    html += "\n"
                # A marker alone in its block becomes a paragraph of its own, replaced by the region.
                out += ["", self.regions.store(html), ""]
                region = None
        if region is not None:  # unclosed: the text goes to Markdown as it is, less the marker
            out += region
        return out


class RawRegionPostprocessor(Postprocessor):
    """Puts each region back in place of its marker, as RawHtmlPostprocessor does with stashed HTML:
    a marker paragraph becomes the region itself if the region is block-level HTML."""

    def __init__(self, md: Markdown, regions: RawRegions) -> None:
        super().__init__(md)
        self.regions = regions
        self.block_level = RawHtmlPostprocessor(md).isblocklevel

    def run(self, text: str) -> str:
        if not self.regions.html:
            return text

        def region(match: re.Match[str]) -> str:
            html = self.regions.html[int(match.group(1) or match.group(2))]
            return html if match.group(2) or self.block_level(html) else f"<p>{html}</p>"

        return self.regions.pattern.sub(region, text)


class RawRegionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.regions = RawRegions()
        # Before NormalizeWhitespace (30), MkDocs' anchor scan (21) and the raw HTML parse (20).
        md.preprocessors.register(RawRegionPreprocessor(md, self.regions), "kk_raw_regions", 35)
        # After the stashed HTML is back (30), where the regions stood in Python-Markdown's stash.
        md.postprocessors.register(RawRegionPostprocessor(md, self.regions), "kk_raw_regions", 25)

    def reset(self) -> None:
        self.regions.html.clear()


def makeExtension(**kwargs) -> RawRegionExtension:  # noqa: N802  (the name Python-Markdown looks for)
    return RawRegionExtension(**kwargs)
