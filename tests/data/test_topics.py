"""Topics (onderwerpen): every criterion has one, or a recorded reason why none fits."""

from __future__ import annotations

from collections import Counter

from generator.validate import iter_criteria

from ..datahelpers import real_data


def test_every_criterion_has_a_topic_or_a_recorded_reason():
    missing, both, reasons = [], [], []
    for file in real_data().frameworks:
        for _, criterion in iter_criteria(file.data):
            has_tags, has_reason = bool(criterion.get("tags")), bool(criterion.get("tags_none", "").strip())
            if has_tags and has_reason:
                both.append(criterion["id"])
            elif not has_tags and not has_reason:
                missing.append(criterion["id"])
            elif has_reason:
                reasons.append(criterion["id"])
    assert missing == [] and both == []
    # A criterion without a topic is the exception, not a way around the rule.
    assert len(reasons) <= 5, reasons


def test_every_topic_is_described_and_used():
    vocabulary = real_data().vocabulary.data["tags"]
    used = Counter(tag for file in real_data().frameworks for _, c in iter_criteria(file.data) for tag in c.get("tags", []))
    for topic in vocabulary:
        assert topic["description"].strip() and topic["description"][0].isupper(), topic["id"]
        assert used[topic["id"]] >= 3, f"topic {topic['id']} is on only {used[topic['id']]} criteria"
