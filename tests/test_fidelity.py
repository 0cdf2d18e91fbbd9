"""The normalisation rules of the source-fidelity check (generator/fidelity.py)."""

from __future__ import annotations

import pytest

from generator.fidelity import (Window, divergence, drop_footnote_markers, drop_omissions, find_span, occurs_in,
                                normalise_text, printed_number)

WINDOW = "De kwali-\nteit van de (wijk)\nteams en het leer-\nen werkklimaat\nvan de organisatie per e-mail."


@pytest.mark.parametrize("quote", [
    "kwaliteit van de",  # soft hyphenation at a line end
    "kwali- teit",  # ... or a real hyphen followed by a line break read as a space
    "kwali-teit",  # ... or a real hyphen joined across the break
    "(wijk)teams",  # a bare join across a line break
    "(wijk) teams",  # the break read as a space
    "leer- en werkklimaat",  # hyphen as printed, then the break as a space
    "werkklimaat van  de organisatie per e-mail.",  # runs of whitespace are one space
    "werk\u00adklimaat",  # soft hyphens are ignored
])
def test_forgiven(quote):
    assert occurs_in(quote, WINDOW)


@pytest.mark.parametrize("quote", [
    "kwaliteitvan de",  # a space inside a line is never dropped
    "De kwaliteit  van de wijkteams",  # brackets are text
    "per email",  # a hyphen inside a line is printed, not a soft break
    "werk klimaat",  # no space may be added inside a line
    "van de organisatie!",  # punctuation counts
    "Kwaliteit",  # case counts
])
def test_not_forgiven(quote):
    assert not occurs_in(quote, WINDOW)


def test_divergence_points_at_the_first_difference():
    assert divergence("van de organisatie!", WINDOW) == (
        'it matches up to "…van de organisatie" but then has "!…"')


def test_footnote_markers_are_dropped_only_where_glued():
    window = [(4, "verantwoorde werktoedeling7, een plan[1] en 7 dagen;"), (5, "artikel 17 en zorgplan11.")]
    dropped, missing = drop_footnote_markers(window, ["7", "[1]", "11"])
    assert dropped == [(4, "verantwoorde werktoedeling, een plan en 7 dagen;"), (5, "artikel 17 en zorgplan.")]
    assert missing == []
    assert drop_footnote_markers(window, ["9"]) == (window, ["9"])


def test_listed_omissions_are_removed_only_exactly_where_listed():
    window = [(10, "in de praktijk” 15 staat"), (11, "- samenwerkingsrelatie 15 of 15"), (12, "uit voortkomt 28.")]
    kept, problems = drop_omissions(window, [{"line": 10, "chars": "15"}, {"line": 11, "chars": "-"},
                                             {"line": 12, "chars": "28"}])
    assert kept == [(10, "in de praktijk” staat"), (11, "samenwerkingsrelatie 15 of 15"), (12, "uit voortkomt.")]
    assert problems == []
    _, problems = drop_omissions(window, [{"line": 11, "chars": "15"}, {"line": 12, "chars": "8"},
                                          {"line": 13, "chars": "-"}])
    assert problems == ["'15' is found 2 times on line 11", "'8' is not found standing on its own on line 12",
                        "line 13 is not one of the quotation's source lines"]


def test_match_span_maps_back_to_source_lines():
    window = Window.of([(3, "De kwali-"), (5, "teit van de"), (6, "organisatie.")])
    span = find_span("kwaliteit van", window.text)
    assert span is not None and window.lines_of(*span) == {3, 5}
    assert find_span("organisatie.", window.text) == (len(window.text) - 12, len(window.text))
    assert find_span("kwaliteit van het", window.text) is None


@pytest.mark.parametrize("number, expected", [("5", True), ("A3", True), ("1", False), ("5.4", True), ("4", False)])
def test_printed_number_is_a_token_of_its_own(number, expected):
    assert (printed_number(number, "A3 Zie 15, 5. en 5.4 of A30") is not None) is expected


def test_normalising_makes_every_run_of_unicode_whitespace_one_space():
    spaces = [chr(c) for c in range(0x3000 + 1) if chr(c).isspace()]
    assert {"\u00a0", "\u2007", "\u202f", "\u3000", "\n", "\t"} <= set(spaces)
    for space in spaces:
        assert normalise_text(f"{space}a{space}{space}b\u00adc{space}") == "a bc", hex(ord(space))
    assert normalise_text("a\u200bb") == "a\u200bb"  # a zero-width space is not whitespace: it must be quoted
