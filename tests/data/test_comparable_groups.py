"""The curated comparable-criteria groups (normsets/comparable.yaml): counts,
and every subject that issue 15 lists as recurring has a group (or is recorded
here as absent, with the reason)."""

from collections import Counter

from tests.datahelpers import real_data

# Recurring subject -> the groups that cover it.
SUBJECTS = {
    "klachtenprocedure": [],
    "vertrouwenspersoon": [],
    "VOG": ["vog"],
    "registratie SKJ/BIG": [],
    "meldcode": ["meldcode"],
    "incidenten en calamiteiten": ["calamiteiten-melden"],
    "privacy": [],
    "cliëntenraad en inspraak": [],
    "ondersteuningsplan met de cliënt": [],
    "evaluatie": [],
    "scholing": [],
    "kwaliteitssysteem en certificering": ["kwaliteitssysteem"],
    "veiligheidsplan": [],
    "continuïteit en overdracht": [],
}
# Recurring subjects without a group, with the reason.
ABSENT = {subject: "nog niet beoordeeld" for subject, covering in SUBJECTS.items() if not covering}


def groups():
    return real_data().comparable.data["groups"]


def test_counts():
    relations = Counter(m["relation"] for g in groups() for m in g["members"])
    assert len(groups()) == 8
    assert relations == {"equivalent": 19, "partial": 1}


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
