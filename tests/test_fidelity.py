"""The normalisation rules of the source-fidelity check (generator/fidelity.py)."""

from __future__ import annotations

import pytest

from generator.fidelity import divergence, drop_footnote_markers, occurs_in

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
    window = "verantwoorde werktoedeling7, een plan[1] en 7 dagen; artikel 17 en zorgplan11."
    dropped, missing = drop_footnote_markers(window, ["7", "[1]", "11"])
    assert dropped == "verantwoorde werktoedeling, een plan en 7 dagen; artikel 17 en zorgplan."
    assert missing == []
    assert drop_footnote_markers(window, ["9"]) == (window, ["9"])
