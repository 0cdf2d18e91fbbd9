"""'Wat geldt voor mij?' (/wat-geldt/) in headless Chromium.

The expected set for each profile is computed here, directly from the client
catalog (assets/catalog/) with an independent Python statement of the rules
README describes; the page must show exactly that set, in both directions, and
a reason for every criterion it leaves out.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import run_axe
from tests.catalog_files import whole_catalog

PAGE = "wat-geldt/"
READY = '[data-kk-app="wat-geldt"][data-ready="true"]'
BINDING = {"contractvoorwaarde", "toetsingskader", "subsidievoorwaarde"}
GROUPS = {"vrouwenopvang", "maatschappelijke-opvang", "gezinnen-met-kinderen", "jeugdigen"}

# Ten or more profiles: both routes, each law, segments (with and without frameworks whose
# segment is not recorded), binding only, expired frameworks, target groups and topics.
PROFILES = [
    "route=inkoop",
    "route=inkoop&wet=jeugdwet",
    "route=inkoop&wet=wmo&soort=bindend",
    "route=inkoop&wet=wmo&segment=wmo-1a",
    "route=inkoop&wet=jeugdwet&segment=jeugd-2,jeugd-4&verlopen=ja",
    "route=inkoop&wet=wmo&doelgroep=vrouwenopvang,maatschappelijke-opvang",
    "route=inkoop&soort=bindend&verlopen=ja&doelgroep=jeugdigen,gezinnen-met-kinderen",
    "route=inkoop&wet=wmo&onderwerp=klachten",
    "route=aanbod&kader=groningen-mo-vo",
    "route=aanbod&kader=groningen-mo-vo&doelgroep=vrouwenopvang",
    "route=aanbod&kader=twente-kwaliteit-2017,midden-groningen-wmo&doelgroep=jeugdigen",
    "route=aanbod&kader=fo-vng-opvang-huiselijk-geweld-2014,vng-beschermd-wonen-mo-2016&onderwerp=veiligheid",
]


class Data:
    def __init__(self, site_dir):
        catalog = site_dir / "assets" / "catalog"
        self.index = whole_catalog(site_dir)
        self.records = {f["id"]: json.loads((catalog / f"{f['id']}.json").read_text(encoding="utf-8"))["criteria"]
                        for f in self.index["frameworks"]}

    def expected(self, query: str) -> tuple[list[str], set[str]]:
        """(criterion IDs that apply, IDs of the included frameworks' criteria left out)."""
        q = {k: v[0].split(",") for k, v in parse_qs(query).items()}
        route = q["route"][0]
        law = q.get("wet", ["beide"])[0]
        laws = {"wmo", "jeugdwet"} if law == "beide" else {law}
        groups = set(q.get("doelgroep", []))
        topics = set(q.get("onderwerp", []))
        segments = set(q.get("segment", []))
        domain_of = {s["id"]: s["domain"] for s in self.index["segments"]}
        keep, drop = [], set()
        for framework in self.index["frameworks"]:
            if route == "aanbod":
                if framework["id"] not in q.get("kader", []):
                    continue
            else:
                rule = (framework["segment_rule"] or {}).get("kind")
                applied = set(framework["segments"])
                if rule == "alle-segmenten":
                    applied = {s for s, d in domain_of.items() if d in framework["domains"]}
                status = framework["lifecycle"]["status"]
                if (not laws & set(framework["domains"]) or (segments and not segments & applied)
                        or ("soort" in q and framework["status"] not in BINDING)
                        or ("verlopen" not in q and status in {"verlopen", "vervangen"})):
                    continue
            for record in self.records[framework["id"]]:
                kinds = {a["kind"] for a in record["applicability"]}
                out = bool((kinds & GROUPS) - groups)
                if route == "inkoop":
                    out = out or ("jeugdwet" in kinds and "jeugdwet" not in laws) or ("wmo" in kinds and "wmo" not in laws)
                out = out or bool(topics and not topics & set(record["tags"]))
                (drop.add(record["id"]) if out else keep.append(record["id"]))
        return keep, drop


@pytest.fixture(scope="module")
def data(site_dir):
    return Data(site_dir)


def shown(page) -> tuple[list[str], dict[str, str]]:
    page.locator(READY).wait_for()
    ids = page.locator(".kk-wat-geldt__list li").evaluate_all("els => els.map(e => e.dataset.id)")
    excluded = dict(page.locator(".kk-wat-geldt__excluded li").evaluate_all(
        "els => els.map(e => [e.dataset.id, e.textContent.split('): ').slice(1).join('): ')])"))
    return ids, excluded


def test_every_profile_gives_exactly_the_set_from_the_data(page, base_url, data):
    counts = {}
    for query in PROFILES:
        page.goto(f"{base_url}{PAGE}?{query}")
        ids, excluded = shown(page)
        keep, drop = data.expected(query)
        assert ids == keep, query  # nothing missing, nothing extra, catalog order
        assert set(excluded) == drop, query
        assert all(reason.strip() for reason in excluded.values()), query
        summary = page.locator(".kk-wat-geldt__summary")
        assert summary.get_attribute("data-count") == str(len(keep))
        assert summary.inner_text().startswith(f"{len(keep)} criteri")
        # The outcome opens in the finder with the choices, and the self-scan over exactly this set.
        scan = urlparse(page.locator('[data-action="zelfscan"]').get_attribute("href"))
        assert parse_qs(scan.query).get("criteria", [""])[0].split(",") == (keep or [""])
        finder = parse_qs(urlparse(page.locator('[data-action="finder"]').get_attribute("href")).query)
        if keep:
            with_kept = {f["id"] for f in data.index["frameworks"] if set(keep) & {r["id"] for r in data.records[f["id"]]}}
            assert set(finder["kader"][0].split(",")) == with_kept
            # With two or more frameworks: also one self-scan over those frameworks whole.
            multi = page.locator('[data-action="zelfscan-kaders"]')
            if len(with_kept) > 1:
                kaders = parse_qs(urlparse(multi.get_attribute("href")).query)["kaders"][0].split(",")
                assert sorted(kaders) == sorted(with_kept), query
            else:
                assert multi.count() == 0, query
        counts[query] = (len(keep), len(drop))
        # Reload reproduces the set.
        page.reload()
        assert shown(page)[0] == keep
    print("\nPROFILE COUNTS", json.dumps(counts, indent=1))
    assert any(d for _, d in counts.values()), "some profile must leave criteria out"
    host = urlparse(base_url).netloc
    assert [u for u in page.requested_urls if urlparse(u).netloc != host] == []


def test_keyboard_choices_change_the_url_and_the_set_and_selection_gets_it(page, base_url, data):
    page.goto(f"{base_url}{PAGE}?route=inkoop")
    page.locator(READY).wait_for()
    page.locator("#kk-wg-wet-jeugdwet").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('wet=jeugdwet')")
    page.wait_for_function("(n) => document.querySelector('.kk-wat-geldt__summary').dataset.count === String(n)",
                           arg=len(data.expected("route=inkoop&wet=jeugdwet")[0]))
    assert page.evaluate("document.activeElement.id") == "kk-wg-wet-jeugdwet"
    shared = page.url
    ids = shown(page)[0]
    page.goto(shared)
    assert shown(page)[0] == ids
    page.get_by_role("button", name="Voeg toe aan mijn selectie").focus()
    page.keyboard.press("Enter")
    page.get_by_text("toegevoegd aan uw selectie").wait_for()
    stored = page.evaluate("() => Object.values(localStorage).join(' ')")
    assert all(i in stored for i in ids[:5])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_clean(page, base_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{base_url}{PAGE}?route=inkoop&wet=wmo&segment=wmo-1a&onderwerp=klachten")
    page.locator(READY).wait_for()
    page.locator(".kk-wat-geldt__excluded summary").click()
    assert run_axe(page) == []
