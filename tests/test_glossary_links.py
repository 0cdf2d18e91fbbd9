"""Glossary terms linked inside criteria (generator/render/glossary_links.py)."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

from generator.model import GlossaryTerm
from generator.render.glossary_links import TermLinker, term_variants


def catalog_with(terms, framework_id="fw-a"):
    glossary = SimpleNamespace(id="g", title="Begrippen", framework=SimpleNamespace(id=framework_id),
                               terms=terms)
    return SimpleNamespace(glossaries=[glossary])


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def links(markup: str) -> list[str]:
    return re.findall(r'<a class="kk-term"[^>]*>([^<]*)</a>', str(markup))


def test_variants_of_printed_terms():
    assert term_variants("Doelmatig(heid)") == ["Doelmatigheid", "Doelmatig"]
    assert term_variants("Veiligheidsmanagementsysteem (Vms)") == ["Veiligheidsmanagementsysteem"]
    assert term_variants("Calamiteit") == ["Calamiteit"]


def test_first_occurrence_per_criterion_only_and_plural():
    linker = TermLinker(catalog_with([GlossaryTerm("calamiteit", "Calamiteit", "een ernstig voorval")]))
    seen: set[str] = set()
    first = linker.link("Calamiteiten worden gemeld; elke calamiteit telt.", "fw-a", seen)
    second = linker.link("Een calamiteit in een onderdeel.", "fw-a", seen)
    assert links(first) == ["Calamiteiten"]
    assert links(second) == []
    assert 'title="Calamiteit: een ernstig voorval"' in first


def test_terms_only_in_their_own_framework_but_abbreviations_everywhere():
    linker = TermLinker(catalog_with([
        GlossaryTerm("kwaliteit", "Kwaliteit", "zoals dit kader het bedoelt"),
        GlossaryTerm("big", "BIG-register", "register van zorgberoepen", abbreviation="BIG"),
    ]))
    elsewhere = linker.link("Kwaliteit en een BIG-registratie, geen big bag.", "fw-other", set())
    assert links(elsewhere) == ["BIG"]
    own = linker.link("Kwaliteit telt.", "fw-a", set())
    assert links(own) == ["Kwaliteit"]


def test_whole_words_only():
    linker = TermLinker(catalog_with([GlossaryTerm("klacht", "Klacht", "uiting van onvrede")]))
    assert links(linker.link("De klachtenregeling en klachtbehandeling.", "fw-a", set())) == []


def test_text_is_escaped_and_unchanged_apart_from_links():
    linker = TermLinker(catalog_with([GlossaryTerm("incident", "Incident", 'een "voorval" <b>')]))
    text = 'Meld elk incident <script>alert(1)</script> & "citeer".'
    markup = str(linker.link(text, "fw-a", set()))
    assert "<script>" not in markup and "<b>" not in markup
    assert visible_text(markup) == text
    assert links(markup) == ["incident"]


def test_long_definitions_are_shortened_in_the_tooltip():
    linker = TermLinker(catalog_with([GlossaryTerm("opvang", "Opvang", "woord " * 200)]))
    title = re.search(r'title="([^"]*)"', str(linker.link("Opvang", "fw-a", set()))).group(1)
    assert len(title) < 260 and title.endswith("…")
