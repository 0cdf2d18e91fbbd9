"""A small, direct XLSX writer for our downloads: text cells only, a bold
header row, an optional frozen top, dated by the build date. Rows carry no
cell references, so each framework's rows are written once and reused in the
combined workbook.

openpyxl (even in write-only mode) builds a cell object per value and
serialises it through lxml; that was 30 % of `generate` at 30x scale
(BENCHMARKS.md, "Exports"). Our sheets are plain text tables, so this module
writes the SpreadsheetML parts as strings: inline strings (no shared-string
table to build), one style for the bold header. The same bytes come out for
the same rows and date, so a rebuild rewrites nothing. openpyxl stays the
reader in the tests.

The zip container is written here too (_zip), because zipfile can only compress a member as one
stream. A framework's rows are compressed once, on their own (Deflated), for its workbook; the
combined workbook joins the frameworks' rows compressed again with the text before them as the
dictionary (chain), as one stream would, and caches them, so a warm build compresses only the
rows after an edit.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from ..cache import Cache, digest

# Characters XML 1.0 cannot carry, and a literal "_xHHHH_" that Excel would
# decode: both written in the OOXML escape notation _xHHHH_.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"


def _escape(value: str) -> str:
    # Three replace() calls, not str.translate: with a mapping table, translate looks up every
    # character of a non-ASCII text and pays an exception for each one the table lacks, about
    # 25 times slower on our texts.
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _UNSAFE.search(text):
        text = _UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return text


def rows_xml(rows: list[list[str]], bold: bool = False) -> str:
    """SpreadsheetML rows that carry no row or cell references: they take their place from their
    order, so rows written once (per framework) can be joined into any sheet (the combined file)."""
    open_cell = '<c s="1" t="inlineStr"><is><t xml:space="preserve">' if bold else \
        '<c t="inlineStr"><is><t xml:space="preserve">'
    out = []
    for row in rows:
        cells = "".join(f"{open_cell}{_escape(value)}</t></is></c>" if value else "<c/>" for value in row)
        out.append(f"<row>{cells}</row>")
    return "".join(out)


@dataclass(frozen=True)
class Deflated:
    """Text compressed on its own as raw deflate that is not final and ends on a byte boundary
    (a sync flush): such pieces, compressed apart, join into one zip member by concatenation
    (RFC 1951 blocks, each with back references only into its own piece). `text` is the
    uncompressed UTF-8, for the member's CRC and size."""
    text: bytes
    data: bytes


_WINDOW = 32768  # how far back a deflate reference reaches


def deflate(text: str | bytes, before: bytes = b"") -> Deflated:
    """`text` compressed on its own; with `before`, the text that precedes it in the member,
    whose last 32 KiB it may then refer back to."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15, zdict=before[-_WINDOW:]) if before else \
        zlib.compressobj(6, zlib.DEFLATED, -15)
    return Deflated(raw, compressor.compress(raw) + compressor.flush(zlib.Z_SYNC_FLUSH))


def chain(pieces: Iterable[Deflated], cache: Cache | None = None) -> Iterator[Deflated]:
    """Pieces that follow one another in a member, each but the first compressed again with the
    text before it as the dictionary. Pieces compressed apart came out 1.22 times the size of one
    stream over the combined sheet at 30x; chained, 1.01 times (BENCHMARKS.md, "Exports").
    Cached by that text and the piece's own, so after an edit only the edited piece and the ones
    whose 32 KiB before it changed are compressed again."""
    window = b""
    for piece in pieces:
        if window:
            key = digest(window, piece.text) if cache is not None else None
            data = cache.get("xlsx-chain", key) if key else None
            if data is None:
                data = deflate(piece.text, window).data
                if key:
                    cache.put("xlsx-chain", key, data)
            piece = Deflated(piece.text, data)
        yield piece
        window = (window + piece.text)[-_WINDOW:]


_FINAL_BLOCK = b"\x03\x00"  # an empty final deflate block, after a member's last piece


def _zip(members: dict[str, Iterable[str | Deflated]], stamp: datetime) -> bytes:
    """A zip archive of deflated members, each given in pieces (a str is deflated here). The
    fields are those zipfile writes for the same members (no extra fields, no data descriptor,
    no zip64: a workbook of ours stays far below 4 GiB)."""
    dos_time = stamp.hour << 11 | stamp.minute << 5 | stamp.second // 2
    dos_date = (stamp.year - 1980) << 9 | stamp.month << 5 | stamp.day
    out = io.BytesIO()
    directory = []
    for name, pieces in members.items():
        crc, size, chunks = 0, 0, []
        for piece in pieces:
            part = piece if isinstance(piece, Deflated) else deflate(piece)
            crc, size = zlib.crc32(part.text, crc), size + len(part.text)
            chunks.append(part.data)
        chunks.append(_FINAL_BLOCK)
        encoded = name.encode("ascii")
        fields = (20, 0, 8, dos_time, dos_date, crc, sum(map(len, chunks)), size, len(encoded), 0)
        directory.append((fields, out.tell(), encoded))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + encoded)
        out.writelines(chunks)
    start = out.tell()
    for fields, offset, encoded in directory:
        out.write(struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIHH", *fields)
                  + struct.pack("<HHHII", 0, 0, 0, 0, offset) + encoded)
    end = out.tell()
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory), end - start, start, 0))
    return out.getvalue()


def _sheet(rows: Iterable[str | Deflated], frozen_rows: int) -> Iterator[str | Deflated]:
    """The worksheet part in pieces: the rows as they come, never joined into one string."""
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}">'
    if frozen_rows:
        top = f"A{frozen_rows + 1}"
        head += (f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{frozen_rows}" topLeftCell="{top}" '
                 'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A1" sqref="A1"/>'
                 '</sheetView></sheetViews>')
    yield head + "<sheetData>"
    yield from [rows] if isinstance(rows, (str, Deflated)) else rows
    yield "</sheetData></worksheet>"


_STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
           '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def workbook(sheets: list[tuple[str, Iterable[str | Deflated], int]], build_date: str) -> bytes:
    """An .xlsx of text sheets: (name, rows as rows_xml() wrote them, in one or more pieces, each
    a str or already Deflated; frozen top rows). The pieces are compressed one by one, so a large
    combined sheet is never held whole uncompressed."""
    stamp = datetime.fromisoformat(build_date)
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    count = len(sheets)
    parts: dict[str, Iterable[str | Deflated]] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.spreadsheetml.worksheet+xml"/>'
                      for i in range(1, count + 1))
            + '<Override PartName="/docProps/core.xml" '
              'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              f'<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties+xml"/></Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>'),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>'),
        "docProps/app.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            '<Application>kwaliteitskaders</Application></Properties>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            "<sheets>" + "".join(f'<sheet name="{_escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                                 for i, (name, *_rest) in enumerate(sheets, start=1)) + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, count + 1))
            + f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": _STYLES,
    }
    for i, (_name, rows, frozen) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = _sheet(rows, frozen)
    return _zip({name: [pieces] if isinstance(pieces, str) else pieces for name, pieces in parts.items()}, stamp)
