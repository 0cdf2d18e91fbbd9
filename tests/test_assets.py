"""What the generator does to the front-end assets and styles on their way into the site: the
stylesheets lose their comments and nothing else, and the placeholder heights of criteria
(generator/render/criterion_size.py) form a stylesheet the browser can use. Whether the
placeholders fit the real criteria is measured in Chromium (tests/browser/test_criterion_size.py)."""

from __future__ import annotations

import re

from generator.pipeline import collect_static, strip_css_comments
from generator.project import ProjectPaths
from generator.render import criterion_size
from tests.conftest import ROOT

STRING = re.compile(r'"[^"\n]*"|\'[^\'\n]*\'')


def test_stylesheets_lose_their_comments_and_nothing_else():
    files = collect_static(ProjectPaths(ROOT))
    sources = sorted((ROOT / "site_templates" / "assets").rglob("*.css"))
    assert len(sources) >= 8
    for source in sources:
        text = source.read_text(encoding="utf-8")
        # A "/*" inside a string would be cut as if it opened a comment.
        assert not [s for s in STRING.findall(text) if "/*" in s], source
        served = files["assets/" + source.relative_to(ROOT / "site_templates" / "assets").as_posix()].decode()
        assert "/*" not in served and "*/" not in served, source
        without_comments = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        assert served.split() == without_comments.split(), source
    assert len(files["assets/css/site.css"]) < 0.8 * (ROOT / "site_templates/assets/css/site.css").stat().st_size


def test_strip_css_comments_keeps_rules_between_comments():
    css = b"/* a */\n.a { color: red; } /* b\n c */ .b { content: \" x \"; }\n/* end */\n"
    assert strip_css_comments(css) == b".a { color: red; }  .b { content: \" x \"; }\n"


def test_placeholder_steps_grow_and_hold_the_estimate_with_its_margin():
    steps = criterion_size.STEPS
    assert all(a < b for a, b in zip(steps, steps[1:]))
    for height in (0.5, 7.3, 20.0, 95.0):
        index = criterion_size.step_index(height)
        assert steps[index] >= height * criterion_size.MARGIN
        assert index == 0 or steps[index - 1] < height * criterion_size.MARGIN


def test_the_stylesheet_gives_each_class_the_largest_step_of_each_range():
    parts = [{9: [9, 6, 5]}, {9: [9, 8, 4], 12: [12, 10, 9]}]
    css = criterion_size.stylesheet(parts).decode()
    steps = criterion_size.STEPS
    assert f".kk-cv9{{--kk-cv0:{steps[9]}rem;--kk-cv1:{steps[8]}rem;--kk-cv2:{steps[5]}rem}}" in css
    assert f".kk-cv12{{--kk-cv0:{steps[12]}rem;--kk-cv1:{steps[10]}rem;--kk-cv2:{steps[9]}rem}}" in css
    # Screen only: a printout lays out everything.
    assert css.index("@media screen{") < css.index("content-visibility:auto")
    for screen in criterion_size.RANGES[1:]:
        assert f"@media {screen.media}" in css
