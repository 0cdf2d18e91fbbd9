"""How much room a criterion on its framework page takes before the browser has laid it out.

A framework page holds up to ~150 criteria; laying all of them out on load is most of a phone's
work on that page. With `content-visibility: auto` the browser lays out only the criteria near the
viewport and gives every other one a placeholder height (`contain-intrinsic-size`). That
placeholder must not be smaller than the criterion: a criterion whose content overflows its
placeholder draws over the next heading until it is laid out, and checks of target size and
overlap (axe, Lighthouse) see boxes on top of each other. Too large a placeholder only makes the
scroll bar less exact until the reader gets there; once laid out, the browser remembers the real
height.

So the generator estimates each criterion's height from its text, erring high: the words are
wrapped greedily on the narrowest column of each range of screen widths, with character widths a
little above those of the theme's font. Each criterion gets one class, `kk-cvN`, with N the step
of its estimate on the narrowest screens; the stylesheet (written for the whole catalogue) gives
each class, per range, the largest estimate of the criteria that have it. Measured against the
real heights in Chromium in tests/browser/test_criterion_size.py.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..citations import topic_locator
from ..model import Catalog, Criterion, Item

STYLESHEET_PATH = "assets/css/criterion-size.css"


@dataclass(frozen=True)
class ScreenRange:
    """Screen widths with one column width: `media` is its CSS media condition (None: all
    screens, overridden by the ranges after it), `column` the narrowest width of a criterion's
    text in it (rem, measured), `actions` the height of the row of buttons (rem)."""
    media: str | None
    column: float
    actions: float


RANGES: tuple[ScreenRange, ...] = (
    ScreenRange(None, 13.6, 4.4),                    # 320 px: the two buttons wrap
    ScreenRange("(min-width: 30em)", 21.6, 2.2),     # 480 px; buttons 44 px high below 48em
    ScreenRange("(min-width: 48em)", 36.0, 1.6),     # 768 px
    ScreenRange("(min-width: 60em)", 33.5, 1.6),     # 960 px, with the table of contents beside
)

# Placeholder heights in rem, a geometric series: a criterion gets the first step at or above
# its estimate, so a placeholder is at most 10 % taller than the estimate with its margin.
STEPS: tuple[float, ...] = tuple(round(3 * 1.1 ** n, 1) for n in range(55))

MARGIN = 1.2  # on top of the estimate: measured heights reach 1.06 times it, and other fonts differ

# Widths in em of the theme's font (Roboto), rounded up: narrow letters, wide letters, capitals
# and digits, everything else.
_NARROW = set("iljtfr.,;:'!|()[] ")
_WIDE = set("mwMW@")


@functools.lru_cache(maxsize=65536)
def _text_width(word: str, bold: bool = False) -> float:
    """A word's width in em; cached, as most words come back in criterion after criterion."""
    width = 0.0
    for char in word:
        if char in _NARROW:
            width += 0.3
        elif char in _WIDE:
            width += 0.85
        elif char.isupper() or char.isdigit():
            width += 0.64
        else:
            width += 0.54
    return width * (1.06 if bold else 1.0)


@functools.lru_cache(maxsize=8192)
def _word_widths(text: str, bold: bool = False) -> tuple[float, ...]:
    """The widths of a text's words; cached, as each text is wrapped for every range of screen
    widths, once for the page's class and once for the stylesheet."""
    return tuple(_text_width(word, bold) for word in text.split())


def _lines(words: Iterable[float], column: float, space: float) -> int:
    """Lines needed for words of the given widths (all in the same unit) wrapped greedily."""
    lines, used = 1, 0.0
    for width in words:
        if used and used + space + width > column:
            lines, used = lines + 1, width
        else:
            used += (space if used else 0.0) + width
    return lines


def _wrap(text: str, column_rem: float, font_rem: float, bold: bool = False) -> int:
    return _lines(_word_widths(text, bold), column_rem / font_rem, 0.3)


# Font sizes (rem) and line heights (rem) of the parts of a criterion (site.css and the theme).
TEXT = 0.8
TEXT_LINE = 1.28
SMALL = 0.75
SMALL_LINE = 1.2


def _items_height(items: Sequence[Item], column: float) -> float:
    """A list of items: 1.5rem of indent per level, .4rem between items, .8rem around the list."""
    inner = column - 1.5
    height = 0.8
    for item in items:
        text = (f"{item.label}. " if item.label else "") + item.text + (" ter informatie" if item.informative else "")
        height += _wrap(text, inner, TEXT) * TEXT_LINE + 0.4
        if item.items:
            height += _items_height(item.items, inner)
    return height


def _meta_height(criterion: Criterion, catalog: Catalog, column: float) -> float:
    """The locator and the chips (inline blocks, .8rem padding and .2rem margin each)."""
    chips = [catalog.element(element).label for element in criterion.elements]
    chips += [catalog.tags[tag].label for tag in criterion.tags]
    words = [_text_width(word, bold=True) * 0.7 for word in criterion.label.split()]
    words += [_text_width(chip) * 0.7 + 1.1 for chip in chips]
    return _lines(words, column, 0.3 * 0.7) * 1.3 + 0.3


def _annotations_height(criterion: Criterion, column: float) -> float:
    height = 0.0
    for block in (criterion.applicability, criterion.evidence):
        if block:
            height += SMALL_LINE + 0.6 + sum(_wrap("Verificatie aanleveren: " + rule.text, column - 1.5, TEXT)
                                              * TEXT_LINE + 0.4 for rule in block)
    visible = [note for note in criterion.notes if note.lines or note.label]
    for note in visible:
        text = f"{note.label or note.kind}: {note.text}"
        height += _wrap(text, column - 0.8, SMALL) * SMALL_LINE + 1.6
        if note.items:
            height += _items_height(note.items, column - 0.8)
    if len(visible) < len(criterion.notes):  # the collapsed "Verantwoording"
        height += TEXT_LINE + 1.6
    return height


def _comparable_height(criterion: Criterion, catalog: Catalog, column: float) -> float:
    if not criterion.comparable_groups:
        return 0.0
    height = SMALL_LINE + 1.2
    for group_id in criterion.comparable_groups:
        group = catalog.comparable_group(group_id)
        height += _wrap(group.label + " indeling door de redactie Vergelijk naast elkaar", column - 1.5, SMALL) \
            * SMALL_LINE + 1.2
        for other, _relation in group.others(criterion):
            text = f"{other.framework.short_title}: {topic_locator(other)} deels overlappend"
            height += _wrap(text, column - 3.0, SMALL) * SMALL_LINE + 0.2
    return height


def estimate(criterion: Criterion, catalog: Catalog, screen: ScreenRange) -> float:
    """The criterion's estimated height (rem) on the narrowest screen of the range."""
    column = screen.column
    text = (criterion.title + " " if criterion.title and criterion.title != criterion.text else "") + criterion.text
    height = _meta_height(criterion, catalog, column) + 2.0  # the quote's margins and padding
    height += _wrap(text, column - 1.0, TEXT) * TEXT_LINE + (TEXT_LINE if criterion.title else 0.0)
    if criterion.items:
        height += _items_height(criterion.items, column - 1.0)
    if criterion.closing:
        height += _wrap(criterion.closing.text, column - 1.0, TEXT) * TEXT_LINE + 0.8
    height += _annotations_height(criterion, column) + _comparable_height(criterion, catalog, column)
    return height + screen.actions


def step_index(height: float) -> int:
    """The index of the first placeholder step that holds `height` with the margin."""
    needed = height * MARGIN
    for index, step in enumerate(STEPS):
        if step >= needed:
            return index
    return len(STEPS) - 1


def criterion_steps(criterion: Criterion, catalog: Catalog) -> tuple[int, ...]:
    """Per screen range, the step index of the criterion's placeholder."""
    return tuple(step_index(estimate(criterion, catalog, screen)) for screen in RANGES)


def size_class(criterion: Criterion, catalog: Catalog) -> str:
    """The criterion's class: the step on the narrowest screens (the first range)."""
    return f"kk-cv{step_index(estimate(criterion, catalog, RANGES[0]))}"


def framework_steps(criteria: Iterable[Criterion], catalog: Catalog) -> dict[int, list[int]]:
    """Per class (first-range step) of a framework's criteria, the largest step in each range."""
    largest: dict[int, list[int]] = {}
    for criterion in criteria:
        steps = criterion_steps(criterion, catalog)
        current = largest.setdefault(steps[0], list(steps))
        largest[steps[0]] = [max(a, b) for a, b in zip(current, steps)]
    return largest


def stylesheet(parts: Iterable[dict[int, list[int]]]) -> bytes:
    """The placeholders of the whole catalogue, from each framework's `framework_steps`. Screen
    only: printing lays out every criterion anyway. A class sets one custom property per range;
    the rule of each range picks its own, so the file has one rule per class."""
    largest: dict[int, list[int]] = {}
    for part in parts:
        for key, steps in part.items():
            current = largest.setdefault(int(key), list(steps))
            largest[int(key)] = [max(a, b) for a, b in zip(current, steps)]
    rules = [".kk-criterion{content-visibility:auto;contain-intrinsic-size:auto var(--kk-cv0,40rem)}"]
    for index, screen in enumerate(RANGES[1:], start=1):
        rules.append(f"@media {screen.media}{{.kk-criterion{{contain-intrinsic-size:auto var(--kk-cv{index},40rem)}}}}")
    for key in sorted(largest):
        values = ";".join(f"--kk-cv{index}:{STEPS[step]}rem" for index, step in enumerate(largest[key]))
        rules.append(f".kk-cv{key}{{{values}}}")
    return ("@media screen{\n" + "\n".join(rules) + "\n}\n").encode()
