"""The workbook container (generator/render/xlsx.py): pieces compressed apart, in workers or in
an earlier build, join into members that zipfile and openpyxl read back as the text they were;
the combined sheet's chained pieces refer back into the text before them and come from the
cache after an edit only where that text did not change."""

from __future__ import annotations

import io
import random
import zipfile

import openpyxl

from generator.cache import Cache
from generator.render import xlsx

ROWS = [xlsx.rows_xml([[f"kader {n}", f"criterium {i}: de aanbieder zorgt voor {'veiligheid ' * (i % 5)}"]
                       for i in range(400)]) for n in range(4)]


def sheet_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every member's CRC matches
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_pieces_compressed_apart_read_back_as_one_sheet():
    head = xlsx.rows_xml([["voorwoord"]]) + xlsx.rows_xml([["id", "tekst"]], bold=True)
    pieces = [head, xlsx.deflate(ROWS[0]), ROWS[1], *xlsx.chain([xlsx.deflate(r) for r in ROWS[2:]])]
    data = xlsx.workbook([("Criteria", pieces, 2)], "2026-01-02")
    assert "".join([head, *ROWS]) in sheet_text(data)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Criteria"]
    assert sheet.max_row == 2 + 4 * 400
    assert sheet.cell(row=3 + 400, column=1).value == "kader 1"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").date_time == (2026, 1, 2, 0, 0, 0)


def test_chained_pieces_refer_back_into_the_text_before_them():
    # Frameworks that share their wording, as copies of a model framework do (16 KB each, so the
    # copy before lies within deflate's reach): compressed apart, a piece cannot refer to the one
    # before it; chained, it can.
    generator = random.Random(1)
    vocabulary = ["".join(generator.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(500)]
    words = generator.choices(vocabulary, k=1200)
    shared = xlsx.rows_xml([[" ".join(words[i:i + 12])] for i in range(0, 1200, 12)])
    pieces = [f"{n}" + shared for n in range(4)]
    apart = [xlsx.deflate(p) for p in pieces]
    chained = list(xlsx.chain(apart))
    assert chained[0] == apart[0]  # the first has nothing before it
    assert sum(len(p.data) for p in chained[1:]) < 0.2 * sum(len(p.data) for p in apart[1:])
    assert "".join(pieces) in sheet_text(xlsx.workbook([("Criteria", chained, 0)], "2026-01-02"))


def test_the_cache_gives_the_same_bytes_and_an_edit_recompresses_from_there_on(tmp_path, monkeypatch):
    cache = Cache(tmp_path)
    first = list(xlsx.chain([xlsx.deflate(r) for r in ROWS], cache))
    compressed = []
    real_deflate = xlsx.deflate
    monkeypatch.setattr(xlsx, "deflate", lambda text, before=b"": compressed.append(text) or real_deflate(text, before))
    assert list(xlsx.chain([real_deflate(r) for r in ROWS], cache)) == first
    assert compressed == []
    # An edit near the start of a piece: the 32 KiB before the next piece are the same, so only
    # the edited piece is compressed again.
    edited = ROWS[:2] + [ROWS[2].replace("criterium 7:", "criterium 7 (bewerkt):")] + ROWS[3:]
    again = list(xlsx.chain([real_deflate(r) for r in edited], cache))
    assert [text.decode() for text in compressed] == [edited[2]]
    assert again[:2] == first[:2] and again[3] == first[3]
    assert "criterium 7 (bewerkt):" in sheet_text(xlsx.workbook([("Criteria", again, 0)], "2026-01-02"))
    # At its end: the next piece refers back into it, so it is compressed again too.
    compressed.clear()
    edited = ROWS[:2] + [ROWS[2].replace("criterium 399:", "criterium 399 (bewerkt):")] + ROWS[3:]
    again = list(xlsx.chain([real_deflate(r) for r in edited], cache))
    assert [text.decode() for text in compressed] == edited[2:]
    assert "".join(edited) in sheet_text(xlsx.workbook([("Criteria", again, 0)], "2026-01-02"))
