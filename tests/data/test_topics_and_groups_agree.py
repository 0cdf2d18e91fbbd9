"""Topics and comparable groups are curated separately; where a group is about
exactly one topic, every member must carry that topic, or the topic page and
the compare view would miss a criterion the group says asks the same."""

from generator.model import build_catalog
from tests.datahelpers import real_data

GROUP_TOPIC = {
    "klachtenprocedure": "klachten", "vertrouwenspersoon": "klachten", "vog": "screening",
    "registratie-skj-big": "registratie", "meldcode": "meldcode", "calamiteiten-melden": "incidenten",
    "privacy": "privacy", "clientenraad": "clientenparticipatie", "scholing": "deskundigheid",
    "kwaliteitssysteem": "kwaliteitszorg", "veiligheidsplan": "veiligheid",
}


def test_members_of_a_single_topic_group_carry_that_topic():
    catalog = build_catalog(real_data())
    groups = {g.id: g for g in catalog.comparable}
    assert set(GROUP_TOPIC) <= set(groups)
    missing = [(group_id, criterion.id) for group_id, topic in GROUP_TOPIC.items()
               for criterion, _relation in groups[group_id].members if topic not in criterion.tags]
    assert missing == []
