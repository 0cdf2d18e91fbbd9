"""Criteria the browser has not laid out yet (content-visibility: auto) keep the height the
generator estimated for them (generator/render/criterion_size.py). These tests measure every
criterion of every framework page in Chromium: its real height must fit its placeholder at the
narrowest width of each range of screen widths, or its buttons would sit over the next heading
until it is laid out. And the browser must really skip the criteria far from the viewport, or
the page does all the work again."""

from __future__ import annotations

from pathlib import Path

import pytest

# Real height and placeholder (px) of every criterion: the placeholder read from the computed
# style, the real height with content-visibility switched off for the measurement.
MEASURE = """() => [...document.querySelectorAll('.kk-criterion')].map(criterion => {
    const placeholder = parseFloat(getComputedStyle(criterion).containIntrinsicHeight.replace('auto ', ''));
    criterion.style.contentVisibility = 'visible';
    const height = criterion.getBoundingClientRect().height;
    criterion.style.contentVisibility = '';
    return [criterion.dataset.criterionId, height, placeholder];
})"""


def framework_pages(site_dir: Path) -> list[str]:
    return sorted(f"kaders/{p.parent.name}/" for p in (Path(site_dir) / "kaders").glob("*/index.html"))


# The narrowest width of each range in criterion_size.RANGES, and a wide screen.
@pytest.mark.parametrize("width", [320, 480, 768, 960, 1366])
def test_every_criterion_fits_its_placeholder(page, base_url, site_dir, width):
    page.set_viewport_size({"width": width, "height": 800})
    too_small, total_height, total_placeholder = [], 0.0, 0.0
    for relative in framework_pages(site_dir):
        page.goto(base_url + relative)
        # The buttons come with site.js; measure the row as the reader sees it.
        page.wait_for_function("() => !document.querySelector('.kk-criterion > .kk-actions:empty')")
        for criterion_id, height, placeholder in page.evaluate(MEASURE):
            total_height += height
            total_placeholder += placeholder
            if height > placeholder:
                too_small.append(f"{relative}#{criterion_id}: {height:.0f} px in {placeholder:.0f} px")
    assert not too_small, f"{len(too_small)} criteria taller than their placeholder at {width} px: {too_small[:10]}"
    # Erring high, but not so high that the scroll bar says little about the page (1.4-1.7x
    # at these widths when written).
    assert total_placeholder <= 2.0 * total_height, f"placeholders {total_placeholder / total_height:.2f}x the real height"


def largest_page(site_dir: Path) -> str:
    pages = sorted((Path(site_dir) / "kaders").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return f"kaders/{pages[-1].parent.name}/"


# A criterion's own box is always there; what the browser skips is its content.
SKIPPED = """() => [...document.querySelectorAll('.kk-criterion')]
    .map(c => !c.firstElementChild.checkVisibility({contentVisibilityAuto: true}))"""


def test_criteria_far_from_the_viewport_are_skipped(page, base_url, site_dir):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + largest_page(site_dir))
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    skipped = page.evaluate(SKIPPED)
    assert skipped[-1] and sum(skipped) > len(skipped) * 0.8, f"{sum(skipped)} of {len(skipped)} skipped"
    # A deep link lays out the criterion it leads to, and lands on its heading, below the header.
    middle = len(skipped) // 2
    target = page.locator(".kk-criterion").nth(middle).get_attribute("data-criterion-id")
    page.goto(base_url + largest_page(site_dir) + "#" + target)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert not page.evaluate(SKIPPED)[middle]
    top = page.locator(f"[id='{target}']").evaluate("h => h.getBoundingClientRect().top")
    header = page.locator(".md-header").evaluate("h => h.getBoundingClientRect().bottom")
    assert header <= top < header + 40, f"heading at {top:.0f} px, header ends at {header:.0f} px"


def test_print_lays_out_every_criterion(page, base_url, site_dir):
    page.emulate_media(media="print")
    page.goto(base_url + largest_page(site_dir))
    assert page.evaluate("() => [...document.querySelectorAll('.kk-criterion')]"
                         ".every(c => getComputedStyle(c).contentVisibility === 'visible')")
