"""How the site counts criteria, in one place.

One rule everywhere (the /kaders/ table, the /themas/ matrix, the topic
matrix, the self-scan results): a criterion counts for every element it
belongs to (its main element and its `also_elements`), and for every topic it
has. So each number equals the list it links to; a framework's total counts
each criterion once. The sentences below say so on every page that shows such
numbers (the self-scan reads them from the client catalog).
"""

from __future__ import annotations

from collections import Counter

from ..model import Catalog

COUNT_RULE = {
    "elements": "Een criterium dat bij meer elementen hoort, telt bij elk van die elementen mee. "
                "Het totaal telt elk criterium één keer.",
    "topics": "Een criterium over meer onderwerpen telt bij elk van die onderwerpen mee.",
}


def element_coverage(catalog: Catalog) -> dict[str, Counter[str]]:
    """Criteria per framework under each element they belong to, primary or not:
    exactly what an element page lists for that framework."""
    return {f.id: Counter(e for c in f.criteria() for e in c.elements) for f in catalog.frameworks}


def topic_counts(catalog: Catalog) -> dict[str, Counter[str]]:
    """Per topic: criteria per framework id (frameworks with none are absent)."""
    counts: dict[str, Counter[str]] = {topic_id: Counter() for topic_id in catalog.tags}
    for criterion in catalog.criteria():
        for tag in criterion.tags:
            counts[tag][criterion.framework.id] += 1
    return counts
