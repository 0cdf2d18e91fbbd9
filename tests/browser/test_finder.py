"""The criteria finder (/zoeken/) in headless Chromium.

Expected results are computed here from the criteria data (assets/catalog/,
written by generator/render/client.py) with a small, independent Python
statement of each matching rule, never from the finder's own index; the page
must find exactly those criteria (or, for typo tolerance, at least them).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import parse_qs, quote, urlparse

import pytest

from generator.render.word_forms import form_key
from tests.browser.conftest import add_test_style, run_axe
from tests.catalog_files import whole_catalog
from tests.conftest import ROOT

PAGE = "zoeken/"
READY = '[data-kk-app="finder"][data-ready="true"]'
FIRST_SIZE = 20  # results rendered at once; "Toon meer" adds MORE_SIZE
MORE_SIZE = 100


# --- reference statement of the rules, over the catalog data ---------------

def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Words of a text, plus words that brackets split, joined ("(wijk)teams" -> wijkteams)."""
    folded = fold(text)
    joined = [m.replace("(", "").replace(")", "") for m in re.findall(r"[^\W_]*\([^\W_]+\)[^\W_]*", folded)
              if not (m.startswith("(") and m.endswith(")"))]
    return re.findall(r"[^\W_]+", folded) + joined


def _item_texts(items):
    for item in items:
        yield item["text"]
        yield from _item_texts(item.get("items", []))


@dataclass
class Criterion:
    record: dict
    position: int  # catalog order: framework order, then source order
    domains: list[str]
    segments: list[str]
    context_texts: list[str]  # section title, framework title and short title

    @property
    def id(self) -> str:
        return self.record["id"]

    @cached_property
    def own(self) -> list[list[str]]:
        """Words of each own field (title, text, items, closing text)."""
        texts = [self.record["title"] or "", self.record["text"], *_item_texts(self.record["items"]),
                 self.record.get("closing") or ""]
        return [words(t) for t in texts if t]

    @cached_property
    def notes(self) -> list[list[str]]:
        texts = []
        for annotation in self.record["applicability"] + self.record["evidence"] + self.record["notes"]:
            texts.append(annotation["text"])
            texts.extend(_item_texts(annotation.get("items", [])))
        return [words(t) for t in texts]

    @cached_property
    def context(self) -> list[list[str]]:
        return [words(t) for t in self.context_texts]


class Data:
    def __init__(self, site_dir):
        catalog = site_dir / "assets" / "catalog"
        self.index = whole_catalog(site_dir)
        self.criteria: list[Criterion] = []
        for framework in self.index["frameworks"]:
            sections = {section["id"]: section["title"] for section in framework["sections"]}
            titles = list(dict.fromkeys([framework["title"], framework["short_title"]]))
            records = json.loads((catalog / f"{framework['id']}.json").read_text(encoding="utf-8"))["criteria"]
            for record in records:
                self.criteria.append(Criterion(record, len(self.criteria), framework["domains"], self.segment_values(framework),
                                               [sections[record["section"]], *titles]))
        self.by_id = {c.id: c for c in self.criteria}
        self.vocabulary = sorted({w for c in self.criteria for field in c.own + c.notes + c.context for w in field})

    def segment_values(self, framework) -> list[str]:
        """Segment facet values: the framework's own segments; every segment of its domains
        when it applies to all segments; 'niet-vastgelegd' when its segment is not recorded."""
        rule = (framework.get("segment_rule") or {}).get("kind")
        if rule == "alle-segmenten":
            return [s["id"] for s in self.index["segments"] if s["domain"] in framework["domains"]]
        if rule == "niet-vastgelegd":
            return ["niet-vastgelegd"]
        return framework["segments"]

    @functools.lru_cache(maxsize=None)
    def forms(self, term: str) -> tuple[str, ...]:
        """Other forms of a typed word that occur in the data: same word-form key (word_forms.py)."""
        if len(term) < 3:
            return ()
        key = form_key(term)
        return tuple(w for w in self.vocabulary if w != term and form_key(w) == key)

    def term_in_field(self, term: str, field: list[str]) -> str | None:
        """'whole', 'form', 'part' or None: the term rules (equal; another form; substring, words
        under 3 letters as prefix; a form of 5+ letters inside a word; the key ending a word's key)."""
        if term in field:
            return "whole"
        forms = self.forms(term)
        if any(w in forms for w in field):
            return "form"
        if any(w.startswith(term) if len(term) < 3 else term in w for w in field):
            return "part"
        inside = [f for f in forms if len(f) >= 5] + ([term] if len(term) >= 5 and form_key(term) != term else [])
        key = form_key(term)
        if any(f in w for f in inside for w in field):
            return "part"
        if len(term) >= 3 and len(key) >= 5 and any(form_key(w).endswith(key) for w in field):
            return "part"
        return None

    @staticmethod
    def phrase_in_field(phrase: str, field: list[str], whole: bool) -> bool:
        joined = " ".join(field)
        if whole:
            return re.search(rf"(^| ){re.escape(phrase)}( |$)", joined) is not None
        return phrase in joined

    def matching(self, predicate) -> list[str]:
        """IDs of criteria for which predicate(fields) holds for own fields, notes or titles around it."""
        return [c.id for c in self.criteria if any(predicate(field) for field in c.own + c.notes + c.context)]

    def with_terms(self, *terms: str) -> set[str]:
        result = None
        for term in terms:
            found = set(self.matching(lambda field, t=term: self.term_in_field(t, field)))
            result = found if result is None else result & found
        return result

    def with_any_phrase(self, *phrases: str, whole: bool = True) -> set[str]:
        return set(self.matching(lambda field: any(self.phrase_in_field(p, field, whole) for p in phrases)))


@pytest.fixture(scope="session")
def data(site_dir) -> Data:
    return Data(site_dir)


# --- page helpers ------------------------------------------------------------

def open_finder(page, base_url, query_string: str = ""):
    page.goto(base_url + PAGE + query_string)
    page.locator(READY).wait_for()


def status_count(page) -> int:
    text = page.get_by_role("status").filter(has_text="gevonden").inner_text()
    if text.startswith("Geen"):
        return 0
    return int(re.match(r"(\d+) criteri", text).group(1))


def shown_ids(page) -> list[str]:
    return page.locator("#kk-finder-results > li").evaluate_all("items => items.map(i => i.dataset.criterionId)")


def all_result_ids(page) -> list[str]:
    """Clicks "Toon meer" until every result is shown."""
    more = page.locator(".kk-finder__more")
    for _ in range(100):
        if not more.is_visible():
            return shown_ids(page)
        more.click()
    raise AssertionError("'Toon meer' never went away")


def search(page, base_url, query: str, **facets) -> list[str]:
    params = "&".join([f"q={quote(query)}"] + [f"{key}={quote(value)}" for key, value in facets.items()])
    open_finder(page, base_url, "?" + params)
    ids = all_result_ids(page)
    assert status_count(page) == len(ids)
    return ids


# --- matching rules: query -> expected criteria --------------------------------
# Each case: (query, how the expected set is computed from the data).

def _terms(*terms):
    return lambda data: data.with_terms(*terms)


def _phrases(*phrases, whole=True):
    return lambda data: data.with_any_phrase(*phrases, whole=whole)


def _abbreviation(abbreviation, *long_forms):
    return lambda data: data.with_terms(abbreviation) | data.with_any_phrase(abbreviation, *long_forms)


EXACT_CASES = [
    # accents and case
    ("clientenraad", _terms("clientenraad")),
    ("cliëntenraad", _terms("clientenraad")),
    ("CLIËNTENRAAD", _terms("clientenraad")),
    ("continuiteit", _terms("continuiteit")),
    ("Continuïteit", _terms("continuiteit")),
    ("financien", _terms("financien")),
    ("MELDCODE", _terms("meldcode")),
    # inside compounds
    ("beleid", _terms("beleid")),
    ("procedure", _terms("procedure")),
    ("klacht", _terms("klacht")),
    ("veilig", _terms("veilig")),
    ("medicatie", _terms("medicatie")),
    ("scholing", _terms("scholing")),
    ("vertrouwenspersoon", _terms("vertrouwenspersoon")),
    ("calamiteit", _terms("calamiteit")),
    ("privacy", _terms("privacy")),
    # prefix while typing (one- and two-letter words only at a word start)
    ("medicatieb", _terms("medicatieb")),
    ("klachtenpro", _terms("klachtenpro")),
    ("kw", _terms("kw")),
    ("z", _terms("z")),
    ("ve", _terms("ve")),
    # several words: all must match, any order
    ("beleid medicatie", _terms("beleid", "medicatie")),
    ("medicatie beleid", _terms("beleid", "medicatie")),
    ("klacht procedure", _terms("klacht", "procedure")),
    ("meldcode toegepast", _terms("meldcode", "toegepast")),
    ("veiligheid beleid protocollen", _terms("veiligheid", "beleid", "protocollen")),
    ("clientenraad advies", _terms("clientenraad", "advies")),
    # quoted phrases
    ('"huiselijk geweld"', _phrases("huiselijk geweld", whole=False)),
    ('"meldcode huiselijk geweld"', _phrases("meldcode huiselijk geweld", whole=False)),
    ('"beleid en protocollen"', _phrases("beleid en protocollen", whole=False)),
    ('"geweld huiselijk"', _phrases("geweld huiselijk", whole=False)),
    ('"huiselijk geweld" kinderen', lambda d: d.with_any_phrase("huiselijk geweld", whole=False) & d.with_terms("kinderen")),
    ('"klachtenregeling', _phrases("klachtenregeling", whole=False)),  # unclosed quote while typing
    # abbreviations and their long forms, both ways
    ("VOG", _abbreviation("vog", "verklaring omtrent het gedrag", "verklaring omtrent gedrag")),
    ("vog", _abbreviation("vog", "verklaring omtrent het gedrag", "verklaring omtrent gedrag")),
    ("verklaring omtrent het gedrag", _phrases("vog", "verklaring omtrent het gedrag", "verklaring omtrent gedrag")),
    ('"verklaring omtrent het gedrag"', lambda d: d.with_any_phrase("verklaring omtrent het gedrag", whole=False)
     | d.with_any_phrase("vog", "verklaring omtrent het gedrag", "verklaring omtrent gedrag")),
    ("SKJ", _abbreviation("skj", "stichting kwaliteitsregister jeugd", "kwaliteitsregister jeugd")),
    ("BIG", _abbreviation("big", "big register", "beroepen in de individuele gezondheidszorg")),
    ("HKZ", _abbreviation("hkz", "harmonisatie kwaliteitsbeoordeling in de zorgsector")),
    ("Wmo", _abbreviation("wmo", "wmo 2015", "wet maatschappelijke ondersteuning")),
    ("wet maatschappelijke ondersteuning", lambda d: d.with_any_phrase("wet maatschappelijke ondersteuning", "wmo", "wmo 2015")),
    ("VMS", _abbreviation("vms", "veiligheidsmanagementsysteem")),
    ("veiligheidsmanagementsysteem", lambda d: d.with_terms("veiligheidsmanagementsysteem")
     | d.with_any_phrase("vms", "veiligheidsmanagementsysteem")),
    ("GGZ", _abbreviation("ggz", "geestelijke gezondheidszorg")),
    ("VOG personeel", lambda d: _abbreviation("vog", "verklaring omtrent het gedrag", "verklaring omtrent gedrag")(d) & d.with_terms("personeel")),
    # no typo tolerance under five letters
    ("zorj", _terms("zorj")),
    # Dutch word forms (issue 16's examples): plural, inflection, -heid, -er(s), -ing
    ("vertrouwenspersonen", _terms("vertrouwenspersonen")),
    ("klachten", _terms("klachten")),
    ("mantelzorgers", _terms("mantelzorgers")),
    ("ervaringsdeskundigen", _terms("ervaringsdeskundigen")),
    ("bereikbaarheid", _terms("bereikbaarheid")),
    ("medewerkers", _terms("medewerkers")),
    ("begeleiding", _terms("begeleiding")),
    ("mogelijkheden", _terms("mogelijkheden")),
    ("risico's", _terms("risico")),
    # bracketed compounds, joined and split
    ("wijkteam", _terms("wijkteam")),
    ("wijkteams", _terms("wijkteams")),
    ("pleegouders", _terms("pleegouders")),
    ("clientsysteem", _terms("clientsysteem")),
    # framework and section titles
    ("beschermd wonen", _terms("beschermd", "wonen")),
    ("twente", _terms("twente")),
    ("klachtenprocedure", _terms("klachtenprocedure")),
    # synonym forms that the texts use (without "het")
    ("verklaring omtrent gedrag", _phrases("vog", "verklaring omtrent het gedrag", "verklaring omtrent gedrag")),
]


@pytest.mark.parametrize("query,expected", EXACT_CASES, ids=[case[0] for case in EXACT_CASES])
def test_query_finds_exactly_the_expected_criteria(page, base_url, data, query, expected):
    want = expected(data)
    got = search(page, base_url, query)
    assert len(got) == len(set(got))
    assert set(got) == want


def test_cases_are_meaningful(data):
    """The named compounds, accents and abbreviations really occur, so the cases above can fail."""
    assert data.by_id["mg-vei-09"] and "mg-vei-09" in data.with_terms("medicatiebeleid")
    assert data.with_terms("klachtenprocedure") and data.with_terms("personeelsbeleid")
    assert any("ë" in c.record["text"] or "ï" in c.record["text"] for c in data.criteria)
    # Some criteria use only the abbreviation VOG, others only its long form.
    assert data.with_any_phrase("verklaring omtrent het gedrag") - data.with_terms("vog")
    assert data.with_terms("vog") - data.with_any_phrase("verklaring omtrent het gedrag")
    assert not data.with_terms("zorj")
    # Issue 16's examples: the typed form does not occur itself, another form does.
    vocabulary = set(data.vocabulary)
    for typed, other in [("vertrouwenspersonen", "vertrouwenspersoon"), ("bereikbaarheid", "bereikbaar")]:
        assert typed not in vocabulary and other in vocabulary
    assert any("(wijk)teams" in c.record["text"] or any("(wijk)teams" in t for t in _item_texts(c.record["items"]))
               for c in data.criteria)
    assert "klachtbehandeling" in vocabulary and "klachtbehandeling" not in "klachten"
    assert any("cliëntsysteem" in c.record["text"] for c in data.criteria)
    assert "verklaring omtrent gedrag" in " ".join(" ".join(f) for c in data.criteria for f in c.own + c.notes)
    assert any("Beschermd wonen" in f["title"] for f in data.index["frameworks"])
    # Only the framework's title says "beschermd wonen" for most of its criteria.
    in_text = {c.id for c in data.criteria if any(Data.phrase_in_field("beschermd wonen", f, True) for f in c.own + c.notes)}
    assert len(in_text) < len(data.with_terms("beschermd", "wonen")) / 2


TYPO_CASES = [
    ("clientnraad", "clientenraad"),
    ("procedre", "procedure"),
    ("klachtenprocdure", "klachtenprocedure"),
    ("continuteit", "continuiteit"),
    ("calamitet", "calamiteit"),
    ("vertrouwenpersoon", "vertrouwenspersoon"),
    # two adjacent letters swapped count as one typo
    ("klachtenregelnig", "klachtenregeling"),
    ("procedrue", "procedure"),
    ("meldcdoe", "meldcode"),
]


@pytest.mark.parametrize("typed,meant", TYPO_CASES, ids=[case[0] for case in TYPO_CASES])
def test_one_typo_in_a_longer_word_is_forgiven(page, base_url, data, typed, meant):
    assert not data.with_terms(typed), "the typo must not occur in the data itself"
    want = data.with_terms(meant)
    assert want
    got = search(page, base_url, typed)
    assert want <= set(got)
    # The highlight marks the whole word that was meant.
    first = page.locator(f'#kk-finder-results > li[data-criterion-id="{got[0]}"] mark').first
    assert meant in fold(first.text_content())


# --- ranking -------------------------------------------------------------------

def ranked_scores(page, queries: list[str]) -> dict[str, list[list[float]]]:
    """[criterion index, score] per result of each query, from the page's own engine (already open)."""
    return page.evaluate("""async (queries) => {
        const root = document.baseURI.replace(/zoeken\\/.*$/, '');
        const { SearchEngine } = await import(new URL('assets/js/finder/engine.js', root).href);
        const { parseQuery, synonymLookup } = await import(new URL('assets/js/finder/query.js', root).href);
        const index = await (await fetch(new URL('assets/search/finder-index.json', root))).json();
        const engine = new SearchEngine(index);
        const synonyms = synonymLookup(index.synonyms);
        return Object.fromEntries(queries.map((q) => [q,
            engine.search(parseQuery(q, synonyms)).results.map((r) => [r.index, r.score])]));
    }""", queries)


# (query, the criterion that is about it and must come first)
FIRST_CASES = [
    ("klachten", "mg-dcg-15"),  # "De cliënt kan op een laagdrempelige manier een klacht indienen."
    ("klacht", "mg-dcg-15"),
    ("klacht indienen", "mg-dcg-15"),
    ("medicatiebeleid", "mg-vei-09"),
]


def test_ranking_puts_the_criterion_about_the_query_first(page, base_url, data):
    for query, first in FIRST_CASES:
        assert search(page, base_url, query)[0] == first, query


RANKING_QUERIES = ["beleid", "klacht", "meldcode", "procedure", "clientenraad veiligheid", "privacy beleid", "ve"]


def test_ranking_title_and_opening_above_passing_mentions_ties_in_catalog_order(page, base_url, data):
    open_finder(page, base_url)
    ranked = ranked_scores(page, RANKING_QUERIES)
    for query in RANKING_QUERIES:
        results = ranked[query]
        # Ranked by score, equal scores in catalog order (framework order, then the framework's order).
        keys = [(-score, index) for index, score in results]
        assert keys == sorted(keys), query
        assert len(results) == 1 or len({score for _i, score in results}) > 1, query
        if " " in query:
            continue
        order = [data.criteria[index] for index, _score in results]
        assert {c.id for c in order} == data.with_terms(query)
        # A criterion with the word itself in its title or in the opening words of its text
        # ranks above every criterion that has it only in notes, evidence or applicability.
        prominent = [n for n, c in enumerate(order)
                     if query in words(c.record["title"] or "") or query in words(c.record["text"])[:12]]
        passing = [n for n, c in enumerate(order)
                   if not any(data.term_in_field(query, f) for f in c.own + c.context)]
        if prominent and passing:
            assert max(prominent) < min(passing), query


def test_whole_word_in_own_text_ranks_above_note_only_match(page, base_url, data):
    got = search(page, base_url, "meldcode")
    own_whole = [i for i in got if any("meldcode" in field for field in data.by_id[i].own)]
    note_only = [i for i in got if not any(data.term_in_field("meldcode", f) for f in data.by_id[i].own)]
    assert own_whole and note_only
    assert max(got.index(i) for i in own_whole) < min(got.index(i) for i in note_only)
    # A note-only match shows the matching note, highlighted.
    note = page.locator(f'#kk-finder-results > li[data-criterion-id="{note_only[0]}"] .kk-finder__note mark')
    assert fold(note.first.text_content()) == "meldcode"


# --- results -------------------------------------------------------------------

def test_result_shows_framework_element_highlight_link_and_selection(page, base_url, data):
    open_finder(page, base_url, "?q=medicatiebeleid")
    result = page.locator('#kk-finder-results > li[data-criterion-id="mg-vei-09"]')
    criterion = data.by_id["mg-vei-09"].record
    framework = next(f for f in data.index["frameworks"] if f["id"] == criterion["framework"])
    assert result.get_by_role("link", name=framework["short_title"], exact=True).get_attribute("href").endswith(
        f"/kaders/{framework['id']}/")
    element_labels = {e["id"]: e["label"] for e in data.index["elements"]}
    assert element_labels[criterion["elements"][0]] in result.locator(".kk-finder__meta").text_content()
    assert [fold(m) for m in result.locator("mark").all_text_contents()] == ["medicatiebeleid"]
    heading_link = result.get_by_role("heading", level=3).get_by_role("link")
    assert heading_link.get_attribute("href").endswith("/kaders/midden-groningen-wmo/#mg-vei-09")
    button = result.locator('button.kk-select[data-select-criterion="mg-vei-09"]')
    assert button.get_attribute("aria-pressed") in ("false", "true")
    # The quoted text is shown exactly as in the data (marks only wrap parts of it).
    # text_content, not inner_text: results below the fold are not rendered (content-visibility).
    assert result.locator(".kk-finder__text").text_content() == criterion["text"]
    heading_link.click()
    page.wait_for_url("**/kaders/midden-groningen-wmo/#mg-vei-09")


def test_closing_text_is_found_and_shown_after_the_items(page, base_url, data):
    open_finder(page, base_url, '?q="geborgd in een verslag"')
    result = page.locator('#kk-finder-results > li[data-criterion-id="vsm-o-08"]')
    order = result.evaluate("r => [...r.children].map(c => c.className)")
    assert order.index("kk-finder__closing") == order.index("kk-finder__items") + 1
    closing = result.locator(".kk-finder__closing")
    assert closing.text_content() == data.by_id["vsm-o-08"].record["closing"]
    assert [fold(m) for m in closing.locator("mark").all_text_contents()] == ["geborgd in een verslag"]


def test_infix_highlight_marks_only_the_typed_part(page, base_url):
    open_finder(page, base_url, "?q=beleid")
    marks = page.locator('#kk-finder-results > li[data-criterion-id="mg-vei-09"] mark').all_text_contents()
    assert marks and all(fold(m) == "beleid" for m in marks)


def test_quoted_text_is_never_interpreted_as_html(page, base_url):
    open_finder(page, base_url, "?q=" + quote('<img src=x onerror="window.pwned=1">'))
    assert page.locator("#kk-finder-results img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert page.get_by_label("Zoek in alle criteria van alle kaders").input_value().startswith("<img")


def test_whole_result_set_is_reachable(page, base_url, data):
    open_finder(page, base_url, "?q=ve")
    want = data.with_terms("ve")
    assert len(want) > FIRST_SIZE + 2 * MORE_SIZE
    assert len(shown_ids(page)) == FIRST_SIZE
    more = page.get_by_role("button", name=re.compile(r"^Toon meer"))
    assert more.inner_text() == f"Toon meer ({len(want) - FIRST_SIZE} resterend)"
    more.click()
    assert len(shown_ids(page)) == FIRST_SIZE + MORE_SIZE
    assert more.inner_text() == f"Toon meer ({len(want) - FIRST_SIZE - MORE_SIZE} resterend)"
    # Focus moves to the first newly shown result so keyboard users continue there.
    focused = page.evaluate("document.activeElement.closest('li').dataset.criterionId")
    assert focused == shown_ids(page)[FIRST_SIZE]
    ids = all_result_ids(page)
    assert set(ids) == want and len(ids) == len(want)


def test_empty_query_lists_every_criterion(page, base_url, data):
    open_finder(page, base_url)
    assert status_count(page) == len(data.criteria)
    assert shown_ids(page) == [c.id for c in data.criteria[:FIRST_SIZE]]


# --- facets --------------------------------------------------------------------

def facet_value_ids(data: Data, criterion: Criterion, facet: str) -> list[str]:
    kinds = list(dict.fromkeys(a["kind"] for a in criterion.record["applicability"])) or ["algemeen"]
    return {"element": criterion.record["elements"], "kader": [criterion.record["framework"]],
            "domein": criterion.domains, "segment": criterion.segments,
            "onderwerp": criterion.record["tags"], "toepassing": kinds}[facet]


FACETS = ("element", "onderwerp", "toepassing", "kader", "domein", "segment")


def expected_counts(data: Data, ids: set[str], selection: dict[str, set[str]], facet: str) -> dict[str, int]:
    """Per value of `facet`: matches that pass every other facet's selection and have that value."""
    counts: dict[str, int] = {}
    for criterion_id in ids:
        criterion = data.by_id[criterion_id]
        if all(set(facet_value_ids(data, criterion, other)) & chosen
               for other, chosen in selection.items() if other != facet and chosen):
            for value in facet_value_ids(data, criterion, facet):
                counts[value] = counts.get(value, 0) + 1
    return counts


def shown_counts(page, facet: str) -> dict[str, int]:
    return page.locator(f'.kk-finder__facet[data-facet="{facet}"] li').evaluate_all(
        """items => Object.fromEntries(items.map(li => [li.querySelector('input').value,
               Number(li.querySelector('.kk-finder__count').textContent.replace(/[()]/g, ''))]))""")


FACET_CASES = [
    ("beleid", {}),
    ("", {}),
    ("beleid", {"element": {"organisatie"}}),
    ("veilig", {"domein": {"jeugdwet"}, "element": {"organisatie", "vakmanschap"}}),
    ("klacht", {"kader": {"midden-groningen-wmo", "twente-kwaliteit-2017"}}),
    ("ve", {"segment": {"wmo-1a"}, "domein": {"wmo"}}),
    ("", {"onderwerp": {"klachten", "privacy"}}),
    ("beleid", {"toepassing": {"algemeen"}, "onderwerp": {"veiligheid"}}),
    ("", {"toepassing": {"vrouwenopvang", "jeugdigen"}, "element": {"dienstverlening"}}),
]


@pytest.mark.parametrize("query,selection", FACET_CASES, ids=[f"{q or 'leeg'}-{sorted(s)}" for q, s in FACET_CASES])
def test_facet_counts_equal_the_data(page, base_url, data, query, selection):
    matches = data.with_terms(*query.split()) if query else {c.id for c in data.criteria}
    params = [f"q={quote(query)}"] + [f"{k}={','.join(sorted(v))}" for k, v in selection.items()]
    open_finder(page, base_url, "?" + "&".join(params))
    for facet in FACETS:
        want = expected_counts(data, matches, selection, facet)
        got = shown_counts(page, facet)
        assert {k: v for k, v in got.items() if v} == want, facet
    kept = {i for i in matches
            if all(set(facet_value_ids(data, data.by_id[i], f)) & chosen for f, chosen in selection.items())}
    assert status_count(page) == len(kept)
    assert set(all_result_ids(page)) == kept


def test_facet_counts_update_as_you_type(page, base_url, data):
    open_finder(page, base_url)
    box = page.get_by_label("Zoek in alle criteria van alle kaders")
    box.press_sequentially("klacht")
    want = expected_counts(data, data.with_terms("klacht"), {}, "element")
    assert {k: v for k, v in shown_counts(page, "element").items() if v} == want
    assert status_count(page) == len(data.with_terms("klacht"))


# --- URL state -----------------------------------------------------------------

def query_of(page) -> dict[str, list[str]]:
    # Read from the page itself: page.url follows pushState a moment later.
    return parse_qs(page.evaluate("location.search").lstrip("?"))


def test_url_state_round_trip_reload_and_back_forward(page, base_url, data):
    open_finder(page, base_url)
    box = page.get_by_label("Zoek in alle criteria van alle kaders")
    box.press_sequentially("beleid")
    assert query_of(page) == {"q": ["beleid"]}
    box.press("Enter")
    page.get_by_role("checkbox", name=re.compile(r"^Organisatie")).check()
    assert query_of(page) == {"q": ["beleid"], "element": ["organisatie"]}
    page.get_by_role("group", name="Domein", exact=True).get_by_role("checkbox", name=re.compile(r"^Jeugdwet")).check()
    state = {"q": ["beleid"], "element": ["organisatie"], "domein": ["jeugdwet"]}
    assert query_of(page) == state
    expected = {i for i in data.with_terms("beleid")
                if "organisatie" in data.by_id[i].record["elements"] and "jeugdwet" in data.by_id[i].domains}
    assert status_count(page) == len(expected)

    page.reload()
    page.locator(READY).wait_for()
    assert box.input_value() == "beleid"
    assert page.get_by_role("checkbox", name=re.compile(r"^Organisatie")).is_checked()
    assert page.get_by_role("group", name="Domein", exact=True).get_by_role("checkbox", name=re.compile(r"^Jeugdwet")).is_checked()
    assert set(all_result_ids(page)) == expected

    page.go_back()
    assert query_of(page) == {"q": ["beleid"], "element": ["organisatie"]}
    assert not page.get_by_role("group", name="Domein", exact=True).get_by_role("checkbox", name=re.compile(r"^Jeugdwet")).is_checked()
    with_element = {i for i in data.with_terms("beleid") if "organisatie" in data.by_id[i].record["elements"]}
    assert status_count(page) == len(with_element)
    page.go_back()
    assert query_of(page) == {"q": ["beleid"]}
    assert status_count(page) == len(data.with_terms("beleid"))
    page.go_forward()
    page.go_forward()
    assert query_of(page) == state
    assert box.input_value() == "beleid"
    assert status_count(page) == len(expected)


def test_typing_makes_one_history_entry_per_search(page, base_url):
    open_finder(page, base_url)
    length = page.evaluate("history.length")
    box = page.get_by_label("Zoek in alle criteria van alle kaders")
    box.press_sequentially("klacht")
    assert page.evaluate("history.length") == length + 1
    box.press("Enter")
    assert page.evaluate("history.length") == length + 1
    assert query_of(page) == {"q": ["klacht"]}
    box.press_sequentially(" procedure")
    assert page.evaluate("history.length") == length + 2
    page.go_back()
    assert box.input_value() == "klacht"
    page.go_back()
    assert box.input_value() == ""


# --- keyboard, screen readers, axe, privacy ------------------------------------------

def test_keyboard_only_use(page, base_url, data):
    open_finder(page, base_url)
    page.get_by_label("Zoek in alle criteria van alle kaders").focus()
    page.keyboard.type("procedure")
    page.keyboard.press("Enter")
    # Tab on to the first facet's first checkbox and tick it with the space bar.
    page.keyboard.press("Tab")  # the Zoeken button
    page.keyboard.press("Tab")  # summary of the Element facet
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == data.index["elements"][0]["id"]
    page.keyboard.press("Space")
    element = data.index["elements"][0]["id"]
    expected = {i for i in data.with_terms("procedure") if element in data.by_id[i].record["elements"]}
    assert query_of(page)["element"] == [element]
    assert status_count(page) == len(expected)
    # Folded facets open with Enter on their summary.
    kader = page.locator('.kk-finder__facet[data-facet="kader"]')
    assert kader.get_attribute("open") is None
    kader.locator("summary").focus()
    page.keyboard.press("Enter")
    assert kader.get_attribute("open") is not None
    # The first result's link is reachable and followed with Enter.
    link = page.locator("#kk-finder-results > li").first.get_by_role("heading").get_by_role("link")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/kaders/**#*")


def test_result_count_is_announced_in_a_live_region(page, base_url, data):
    open_finder(page, base_url)
    status = page.locator(".kk-finder__status")
    assert status.get_attribute("role") == "status"
    page.get_by_label("Zoek in alle criteria van alle kaders").fill("clientenraad")
    assert status.inner_text() == f"{len(data.with_terms('clientenraad'))} criteria gevonden"
    page.get_by_label("Zoek in alle criteria van alle kaders").fill("zorj")
    assert status.inner_text() == "Geen criteria gevonden"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("query_string", ["", "?q=beleid&element=organisatie", "?q=%22huiselijk%20geweld%22&kader=fo-vng-opvang-huiselijk-geweld-2014"])
def test_no_accessibility_violations(page, base_url, query_string, scheme):
    page.emulate_media(color_scheme=scheme)  # Material follows prefers-color-scheme (slate palette when dark)
    open_finder(page, base_url, query_string)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    page.locator(".kk-finder__facet").evaluate_all("facets => facets.forEach(f => { f.open = true; })")
    # Results below the fold are not rendered (content-visibility: auto), so axe would measure their
    # colours against whatever lies at their estimated place (the footer); render them for the check.
    add_test_style(page, ".kk-finder__result { content-visibility: visible !important; }")
    assert page.locator(".kk-finder__result").evaluate_all(
        "results => results.every((r) => getComputedStyle(r).contentVisibility === 'visible')")
    assert run_axe(page) == []


def test_no_request_leaves_the_origin_and_index_loads_only_here(page, base_url):
    open_finder(page, base_url, "?q=beleid")
    page.wait_for_load_state("networkidle")
    origin = urlparse(base_url).netloc
    assert [u for u in page.requested_urls if urlparse(u).netloc != origin and urlparse(u).scheme in ("http", "https")] == []
    assert any(u.endswith("assets/search/finder-index.json") for u in page.requested_urls)
    page.requested_urls.clear()
    page.goto(base_url + "kaders/midden-groningen-wmo/", wait_until="networkidle")
    assert not any("finder-index" in u for u in page.requested_urls)


def test_folding_in_the_browser_equals_the_index_builder(page, base_url, site_dir):
    """Every distinct character of the corpus folds the same in JS as in generator/render/search_index.py."""
    from generator.render.search_index import fold as build_fold

    open_finder(page, base_url)
    corpus = (site_dir / "assets" / "search" / "finder-index.json").read_text(encoding="utf-8")
    characters = "".join(sorted(set(corpus)))
    folded = page.evaluate("""async (text) => {
        const module = await import(new URL('assets/js/finder/normalise.js', document.baseURI.replace(/zoeken\\/.*$/, '')).href);
        return module.fold(text);
    }""", characters)
    assert folded == build_fold(characters)


# Words whose key the rules in word_forms.py name explicitly, plus edge cases of each rule.
FORM_WORDS = ["klacht", "klachten", "persoon", "personen", "vertrouwenspersonen", "mantelzorgers", "mantelzorger",
              "bereikbaarheid", "bereikbare", "mogelijkheden", "begeleiding", "medewerkers", "medewerking", "bedden",
              "processen", "proces", "bewijzen", "teams", "situaties", "situatie", "overheid", "ouders", "eisen",
              "alle", "zorg", "ve", "scholing", "school", "cliënten", "ideeen", "risico"]


def test_word_forms_and_joined_words_in_the_browser_equal_the_index_builder(page, base_url, site_dir):
    """formKey() (wordforms.js) = form_key() (word_forms.py) on the whole vocabulary and the rule examples;
    joinedForms() (normalise.js) = joined_forms() (search_index.py) on every criterion text."""
    from generator.render.search_index import fold as build_fold
    from generator.render.search_index import joined_forms

    open_finder(page, base_url)
    index = json.loads((site_dir / "assets" / "search" / "finder-index.json").read_text(encoding="utf-8"))
    vocabulary = index["words"] + [build_fold(w) for w in FORM_WORDS]
    texts = [build_fold(c["text"]) for c in index["criteria"]] + [build_fold(row[2]) for c in index["criteria"]
                                                                   for row in c["items"]]
    got = page.evaluate("""async ([words, texts]) => {
        const root = document.baseURI.replace(/zoeken\\/.*$/, '');
        const { formKey } = await import(new URL('assets/js/finder/wordforms.js', root).href);
        const { joinedForms } = await import(new URL('assets/js/finder/normalise.js', root).href);
        return [words.map(formKey), texts.map((t) => joinedForms(t).map((j) => j.word))];
    }""", [vocabulary, texts])
    assert got[0] == [form_key(w) for w in vocabulary]
    assert got[1] == [joined_forms(t) for t in texts]
    assert [k or w for w, k in zip(index["words"], index["keys"])] == [form_key(w) for w in index["words"]]
    # The rules do what the README says.
    assert form_key("klachten") == form_key("klacht")
    assert form_key("personen") == form_key("persoon") == form_key("vertrouwenspersonen")[-len(form_key("persoon")):]
    assert form_key("mantelzorgers") == form_key("mantelzorger") == form_key("mantelzorg")
    assert form_key("bereikbaarheid") == form_key("bereikbare") == form_key("bereikbaar")
    assert form_key("mogelijkheden") == form_key("mogelijkheid") == form_key("mogelijk")
    assert form_key("processen") == form_key("proces")
    assert form_key("medewerkers") != form_key("medewerking")  # exception list
    assert form_key("scholing") != form_key("school")
    assert form_key("alle") == "alle"  # keys under four letters are not used


def test_recall_over_the_query_list(page, base_url, site_dir):
    """Every kind of query in tests/finder_queries.py finds what the data says it should (oracle from the data)."""
    from tests.finder_queries import KINDS, QUERIES, oracle, recall_by_kind, searchable_texts

    open_finder(page, base_url)
    queries = [q for _k, q, _g in QUERIES]
    assert len(queries) >= 40 and {k for k, _q, _g in QUERIES} == set(KINDS)
    ranked = ranked_scores(page, queries)
    index = json.loads((site_dir / "assets" / "search" / "finder-index.json").read_text(encoding="utf-8"))
    found = {q: [index["criteria"][i]["id"] for i, _score in ranked[q]] for q in queries}
    texts = searchable_texts(site_dir)
    for _kind, query, groups in QUERIES:
        relevant = oracle(texts, groups)
        assert relevant, query  # every query means something that is in the data
        assert relevant & set(found[query]), query
    for kind, (hit, total) in recall_by_kind(texts, found).items():
        assert hit / total >= 0.95, (kind, hit, total)


def test_query_naming_a_framework_or_topic_offers_it_first(page, base_url, data, site_dir):
    open_finder(page, base_url, "?q=" + quote("beschermd wonen"))
    pages = page.get_by_role("navigation", name="Kaders en onderwerpen")
    link = pages.get_by_role("link").first
    assert link.get_attribute("href").endswith("/kaders/vng-beschermd-wonen-mo-2016/")
    framework = next(f for f in data.index["frameworks"] if f["id"] == "vng-beschermd-wonen-mo-2016")
    assert link.inner_text() == framework["title"]
    # The pages come before the criteria; the query shows once (in the finder's box).
    assert pages.evaluate("(nav) => !!(nav.compareDocumentPosition(document.getElementById('kk-finder-results')) & 4)")
    assert page.locator('input[type="search"]:visible').count() == 1
    # A topic by its label.
    open_finder(page, base_url, "?q=klachten")
    index = json.loads((site_dir / "assets" / "search" / "finder-index.json").read_text(encoding="utf-8"))
    label = next(t["label"] for t in index["topics"] if t["id"] == "klachten")
    topic = page.get_by_role("navigation", name="Kaders en onderwerpen").get_by_role("link", name=label, exact=True)
    assert topic.get_attribute("href").endswith("/onderwerpen/klachten/")
    # No page named by "beleid": no pages block.
    open_finder(page, base_url, "?q=beleid")
    assert page.locator(".kk-finder__pages").is_hidden()


def test_empty_results_suggest_a_correction_and_related_topics(page, base_url, data):
    open_finder(page, base_url, "?q=zorj")
    assert status_count(page) == 0
    empty = page.locator(".kk-finder__empty")
    suggestion = empty.get_by_role("link", name="zorg", exact=True)
    assert "Bedoelde u" in empty.inner_text()
    related = empty.locator(".kk-finder__related").get_by_role("link").all_inner_texts()
    assert "Kwaliteitszorg" in related
    suggestion.click()
    page.locator(READY).wait_for()
    assert query_of(page)["q"] == ["zorg"]
    assert status_count(page) == len(data.with_terms("zorg")) > 0
    assert empty.is_hidden()


# --- one search: the header box leads to the finder ------------------------------

def test_header_search_leads_to_the_finder_and_no_page_loads_a_search_index(page, base_url, site_dir, data):
    assert not (site_dir / "search").exists()  # Material's search plugin is off: no site-wide index
    page.goto(base_url + "kaders/midden-groningen-wmo/", wait_until="networkidle")
    assert not [u for u in page.requested_urls if "search" in urlparse(u).path]
    header = page.locator("header").get_by_role("search", name="Criteria zoeken")
    box = header.get_by_role("searchbox", name="Zoek in alle criteria")
    box.fill("klachten")
    box.press("Enter")
    page.locator(READY).wait_for()
    assert urlparse(page.url).path.endswith("/zoeken/") and query_of(page) == {"q": ["klachten"]}
    assert page.get_by_label("Zoek in alle criteria van alle kaders").input_value() == "klachten"
    assert status_count(page) == len(data.with_terms("klachten"))
    # The query shows once: the finder page has no header box.
    assert page.locator(".kk-header-search").count() == 0
    assert page.locator('input[type="search"]').count() == 1
    # On a phone only the magnifier shows; it opens the finder.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "begrippen/")
    header = page.locator("header").get_by_role("search", name="Criteria zoeken")
    assert header.get_by_role("searchbox").is_hidden()
    header.get_by_role("button", name="Zoeken in alle criteria").click()
    page.locator(READY).wait_for()
    assert urlparse(page.url).path.endswith("/zoeken/")


def test_segment_filter_keeps_all_segment_frameworks_and_says_what_it_leaves_out(page, base_url, data):
    """Issue 17: 'klacht' under a Jeugdwet segment keeps Twente (all segments); frameworks whose
    segment is not recorded are a facet value of their own, and what the filter leaves out is named."""
    open_finder(page, base_url, "?q=klacht")
    matched = set(all_result_ids(page))
    open_finder(page, base_url, "?q=klacht&segment=wmo-1a")
    kept = {i for i in matched if "wmo-1a" in data.by_id[i].segments}
    assert set(all_result_ids(page)) == kept
    assert any(data.by_id[i].record["framework"] == "twente-kwaliteit-2017" for i in kept)
    left_out: dict[str, int] = {}
    for i in matched - kept:
        c = data.by_id[i]
        left_out[c.record["framework"]] = left_out.get(c.record["framework"], 0) + 1
    assert left_out, "the query must have matches outside the segment"
    notice = page.locator('.kk-finder__excluded li[data-facet="segment"]').inner_text()
    titles = {f["id"]: f["short_title"] for f in data.index["frameworks"]}
    assert f"laat {sum(left_out.values())} criteri" in notice
    for framework, count in left_out.items():
        assert f"{titles[framework]} ({count})" in notice
    labels = page.locator('[data-facet="segment"] .kk-finder__facet-name').all_inner_texts()
    assert "Segment niet vastgelegd" in labels
    assert "Twente" in page.locator('[data-facet="segment"] .kk-finder__facet-note').inner_text()
