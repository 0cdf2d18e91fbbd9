"""A query list for the finder's recall, with an oracle computed from the criteria data.

Each query is typed as a new user would; the oracle says which criteria that
user means, from the catalog data (assets/catalog/*.json) alone, never from
the finder's index: a criterion is relevant when its searchable text (own
text, items, notes, evidence, applicability, section title and framework
titles; folded: accents and case removed) contains, for every group of forms,
at least one of the forms as a substring. The forms are written by hand: the
spellings the user means (a typo query means the correct word, an inflected
query its other forms, an abbreviation its long forms).

Used by tests/browser/test_finder.py (recall must stay high) and by
benchmarks/finder_recall.py (recall before and after, per kind).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from tests.catalog_files import whole_catalog

# (kind, typed query, groups of meant forms)
QUERIES: list[tuple[str, str, list[list[str]]]] = [
    # inflection and derivation (issue 16's examples first)
    ("inflection", "vertrouwenspersonen", [["vertrouwenspersoon", "vertrouwenspersonen"]]),
    ("inflection", "klachten", [["klacht"]]),
    ("inflection", "mantelzorgers", [["mantelzorg"]]),
    ("inflection", "ervaringsdeskundigen", [["ervaringsdeskundig"]]),
    ("inflection", "bereikbaarheid", [["bereikbaar"]]),
    ("inflection", "medewerkers", [["medewerker"]]),
    ("inflection", "vrijwilliger", [["vrijwilliger"]]),
    ("inflection", "calamiteiten", [["calamiteit"]]),
    ("inflection", "incidenten", [["incident"]]),
    ("inflection", "toegankelijkheid", [["toegankelijk"]]),
    ("inflection", "gezinnen", [["gezin"]]),
    ("inflection", "jeugdige", [["jeugdige"]]),
    ("inflection", "deskundige", [["deskundig"]]),
    ("inflection", "dossiers", [["dossier"]]),
    ("inflection", "evaluaties", [["evaluatie"]]),
    ("inflection", "verwijzers", [["verwijzer"]]),
    ("inflection", "risico's", [["risico"]]),
    ("inflection", "afspraken", [["afspraak", "afspraken"]]),
    ("inflection", "problemen", [["probleem", "problemen"]]),
    ("inflection", "veilige", [["veilig"]]),
    # compounds and word shapes
    ("compounds", "wijkteam", [["wijkteam", "(wijk)team"]]),
    ("compounds", "wijkteams", [["wijkteams", "(wijk)teams"]]),
    ("compounds", "pleegouders", [["pleegouder", "(pleeg)ouder"]]),
    ("compounds", "jeugdgezondheidszorg", [["jeugdgezondheidszorg", "(jeugd)gezondheidszorg"]]),
    ("compounds", "gezinsvoogd", [["gezinsvoogd", "(gezins)voogd"]]),
    ("compounds", "clientsysteem", [["clientsysteem"]]),
    ("compounds", "cliëntsysteem", [["clientsysteem"]]),
    ("compounds", "medicatiebeleid", [["medicatiebeleid"]]),
    ("compounds", "beleid", [["beleid"]]),
    ("compounds", "onveiligheid", [["onveilig", "(on)veilig"]]),
    # typos: one letter wrong, missing, extra, or two swapped
    ("typos", "klachtenregelnig", [["klachtenregeling"]]),
    ("typos", "vertrouwenpersoon", [["vertrouwenspersoon"]]),
    ("typos", "procedrue", [["procedure"]]),
    ("typos", "calamiteti", [["calamiteit"]]),
    ("typos", "clientenrad", [["clientenraad"]]),
    ("typos", "ondersteuningsplna", [["ondersteuningsplan"]]),
    ("typos", "zelfredzaamhied", [["zelfredzaamheid"]]),
    ("typos", "deskundgiheid", [["deskundigheid"]]),
    ("typos", "meldcdoe", [["meldcode"]]),
    # synonyms and abbreviations
    ("synonyms", "VOG", [["vog", "verklaring omtrent het gedrag", "verklaring omtrent gedrag"]]),
    ("synonyms", "verklaring omtrent gedrag", [["vog", "verklaring omtrent het gedrag", "verklaring omtrent gedrag"]]),
    ("synonyms", "SKJ", [["skj", "kwaliteitsregister jeugd"]]),
    ("synonyms", "Wmo", [["wmo", "wet maatschappelijke ondersteuning"]]),
    ("synonyms", "GGZ", [["ggz", "geestelijke gezondheidszorg"]]),
    ("synonyms", "BIG", [["big", "beroepen in de individuele gezondheidszorg"]]),
    # framework and section titles
    ("titles", "beschermd wonen", [["beschermd"], ["wonen", "woon"]]),
    ("titles", "jeugdzorgplus", [["jeugdzorgplus"]]),
    ("titles", "kwaliteitslabel sociaal werk", [["kwaliteitslabel"], ["sociaal", "sociale"], ["werk"]]),
    ("titles", "professioneel statuut", [["professione"], ["statuut"]]),
    ("titles", "twente", [["twente"]]),
    ("titles", "klachtenprocedure", [["klachtenprocedure"]]),
    ("titles", "seksueel misbruik", [["seksue"], ["misbruik"]]),
]

KINDS = ["inflection", "compounds", "typos", "synonyms", "titles"]


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def _item_texts(items):
    for item in items:
        yield item["text"]
        yield from _item_texts(item.get("items", []))


def searchable_texts(site_dir: Path) -> dict[str, str]:
    """Criterion ID -> its folded searchable text, from assets/catalog/ (not the finder index)."""
    catalog = site_dir / "assets" / "catalog"
    index = whole_catalog(site_dir)
    texts: dict[str, str] = {}
    for framework in index["frameworks"]:
        data = json.loads((catalog / f"{framework['id']}.json").read_text(encoding="utf-8"))
        sections = {section["id"]: section["title"] for section in framework["sections"]}
        for record in data["criteria"]:
            parts = [record["title"] or "", record["text"], *_item_texts(record["items"]), record.get("closing") or ""]
            for annotation in record["applicability"] + record["evidence"] + record["notes"]:
                parts.append(annotation["text"])
                parts.extend(_item_texts(annotation.get("items", [])))
            parts.extend([framework["title"], framework.get("short_title") or "", sections.get(record["section"], "")])
            texts[record["id"]] = fold(" \n ".join(parts))
    return texts


def oracle(texts: dict[str, str], groups: list[list[str]]) -> set[str]:
    return {cid for cid, text in texts.items() if all(any(fold(form) in text for form in group) for group in groups)}


def recall_by_kind(texts: dict[str, str], found: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    """kind -> (relevant criteria found, relevant criteria) summed over that kind's queries."""
    totals = {kind: [0, 0] for kind in KINDS}
    for kind, query, groups in QUERIES:
        relevant = oracle(texts, groups)
        totals[kind][0] += len(relevant & set(found[query]))
        totals[kind][1] += len(relevant)
    return {kind: (hit, total) for kind, (hit, total) in totals.items()}
