"""The YAML loader refuses anchors and aliases wherever YAML allows them, while text that
merely contains the signs ("Welzijn & Maatschappelijke", "*)") loads without the extra parse."""

from __future__ import annotations

import pytest

from generator import loader


@pytest.mark.parametrize("text, line", [
    ("a: &x 1\nb: *x\n", 1),
    ("a:\n  - &x 1\n  - *x\n", 2),
    ("a: {k: &x 1, l: *x}\n", 1),
    ("a: [&x 1,*x]\n", 1),
    ('a: {"k":&x 1}\n', 1),
    ("&x a: 1\n", 1),
    ("--- &x\na: 1\n", 1),
    ("a: !!str &x text\n", 1),
])
def test_every_anchor_or_alias_is_refused_at_its_line(tmp_path, text, line):
    path = tmp_path / "n.yaml"
    path.write_text(text, encoding="utf-8")
    data, problems = loader.load_yaml(path, "n.yaml")
    assert data is None
    assert problems and problems[0].line == line and ("anchor" in problems[0].message or "alias" in problems[0].message)


@pytest.mark.parametrize("text", [
    "a: Welzijn & Maatschappelijke Dienstverlening\n",
    "a: 5 * 3 = 15\n",
    "a: '5 * 3'\n",
    "a: 'R&D'\n",
])
def test_the_signs_inside_text_are_just_text_and_skip_the_extra_parse(tmp_path, monkeypatch, text):
    path = tmp_path / "n.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(loader.yaml, "parse", lambda *args, **kwargs: pytest.fail("parsed a second time"))
    data, problems = loader.load_yaml(path, "n.yaml")
    assert problems == [] and data is not None


def test_scalars_are_read_as_safe_load_reads_them(tmp_path):
    text = "s: tekst\nq: '007'\ni: 7\nf: 1.5\nb: true\nn: null\nd: 2026-12-03\nt: !!str 12\nl: [a, 2]\n"
    path = tmp_path / "n.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = loader.load_yaml(path, "n.yaml")
    assert problems == []
    assert loaded.data == loader.yaml.safe_load(text)
    assert [type(value) for value in loaded.data.values()] == [type(value) for value in loader.yaml.safe_load(text).values()]
