"""The nominal resolver's helpers (transforms/quotes/resolved_nominals.py): how a noun fits a
name, and which words of a name say what it is. The rule's own examples run with every
SPEAKER_RULES example (test_quote_rules.py)."""

import pytest

import transforms.quotes.speakers  # noqa: F401  (SPEAKER_RULES imports the resolver: load it first)
from transforms.entities.grouping import ArticleEntity
from transforms.entities.mentions import Mention
from transforms.quotes.resolved_nominals import _name_heads, _stem_fits


@pytest.mark.parametrize(
    ("noun", "known", "derived_only", "fits"),
    [
        ("festival", {"festival"}, False, True),
        ("inspectors", {"inspectorate", "wales"}, True, True),
        ("auction", {"auctioneers"}, True, True),
        ("analysts", {"analysis"}, True, False),  # a short shared stem is no evidence
        ("organisation", {"organization"}, False, True),  # British and American spellings
        ("growers", {"growers"}, True, False),  # the same word is no derived name
    ],
)
def test_stem_fits(noun, known, derived_only, fits):
    assert _stem_fits(noun, known, derived_only=derived_only) is fits


@pytest.mark.parametrize(
    ("name", "heads"),
    [
        ("Göta Film Festival", {"festival"}),
        ("Ministry of Health", {"ministry", "health"}),
        ("Schools Inspectorate for Wales", {"inspectorate", "wales"}),
        ("Washington Post Hit Piece Exploits Trump Supporter", {"supporter"}),
    ],
)
def test_name_heads(name, heads):
    entity = ArticleEntity(name, "ORG", [Mention(0, len(name), name, "ORG")])
    assert _name_heads(entity) == heads
