"""The curated comparable-criteria groups (normsets/comparable.yaml): counts,
and every subject that issue 15 lists as recurring has a group (or is recorded
here as absent, with the reason)."""

from collections import Counter

from tests.datahelpers import real_data

# Recurring subject -> the groups that cover it.
SUBJECTS = {
    "klachtenprocedure": ["klachtenprocedure"],
    "vertrouwenspersoon": ["vertrouwenspersoon"],
    "VOG": ["vog"],
    "registratie SKJ/BIG": ["registratie-skj-big"],
    "meldcode": ["meldcode"],
    "incidenten en calamiteiten": ["calamiteiten-melden", "incidenten-leren"],
    "privacy": ["privacy"],
    "cliëntenraad en inspraak": ["clientenraad", "clienten-invloed-beleid", "clientervaring-meten"],
    "ondersteuningsplan met de cliënt": ["plan-met-client", "ondersteuningsplan-doelen"],
    "evaluatie": ["evaluatie-met-client"],
    "scholing": ["scholing", "vakbekwaamheid-onderhouden"],
    "kwaliteitssysteem en certificering": ["kwaliteitssysteem"],
    "veiligheidsplan": ["veiligheidsplan", "risicotaxatie"],
    "continuïteit en overdracht": ["warme-overdracht", "continuiteit-bij-uitval", "zorgvuldige-beeindiging",
                                   "vast-contactpersoon"],
}
# Recurring subjects without a group, with the reason. Certification is covered only in part: just one
# framework (Midden-Groningen, mg-kwa-01) asks for a certificate, so it sits in the quality-system group.
ABSENT: dict[str, str] = {}


def groups():
    return real_data().comparable.data["groups"]


def test_counts():
    relations = Counter(m["relation"] for g in groups() for m in g["members"])
    members = [m["id"] for g in groups() for m in g["members"]]
    assert len(groups()) == 79
    assert len(members) == 283 and len(set(members)) == 266
    assert relations == {"equivalent": 189, "partial": 94}


def test_every_recurring_subject_has_a_group_or_is_reported_absent():
    ids = {g["id"] for g in groups()}
    for subject, covering in SUBJECTS.items():
        assert set(covering) <= ids, subject
        assert bool(covering) != (subject in ABSENT), subject
    assert set(ABSENT) <= set(SUBJECTS)


def test_every_group_has_an_equivalent_member():
    """The label says what the group is about; at least one member asks exactly that."""
    for group in groups():
        assert any(m["relation"] == "equivalent" for m in group["members"]), group["id"]
