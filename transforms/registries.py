"""Every rule registry, with the warehouse column that names its rules: the index docs/rules.md
and ``newsledger explain`` are built from.

A registry is a tuple of ``transforms.rules.Rule`` in priority order; a row's provenance column
holds the name of the rule that made it, so one look at the column and one registry finds it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from transforms.rules import Rule


@dataclass(frozen=True)
class Registry:
    """Where a registry lives and which column names its rules."""

    name: str
    module: str
    column: str
    description: str
    every_rule_runs: bool = False
    # Other provenance columns that may hold this registry's names (a quote rule that names
    # its speaker itself is also the quote's speaker_by).
    also_in: tuple[str, ...] = ()

    def rules(self) -> tuple[Rule[Any], ...]:
        return getattr(importlib.import_module(self.module), self.name)


REGISTRIES: tuple[Registry, ...] = (
    Registry(
        "DIRECT_SPEAKER_RULES", "transforms.quotes.direct", "quotes.found_by",
        "How a quotation in marks is attributed (direct quotes): the first rule that answers names the speaker, or keeps the quote without one.",
        also_in=("quotes.speaker_by",),
    ),
    Registry(
        "QUOTE_RULES", "transforms.quotes.indirect", "quotes.found_by",
        "Reported speech without quotation marks (indirect and mixed quotes): every rule runs, in this order; "
        "a span an earlier rule took is not taken again.",
        every_rule_runs=True,
        also_in=("quotes.speaker_by",),
    ),
    Registry(
        "SPEAKER_RULES", "transforms.quotes.speakers", "quotes.speaker_by",
        "Who the subject of a reporting verb is: a name, a title, a pronoun or an organisation's noun resolved to one entity; "
        "the first rule that answers wins. (Quote rules that name their speaker themselves also appear in speaker_by.)",
    ),
    Registry(
        "PATTERNS", "transforms.time.patterns", "temporal_expressions.pattern",
        "Temporal expressions (TIMEX3) and their values against the publication date: at each position the first pattern "
        "that matches and resolves wins (examples: publication date 2023-06-05).",
    ),
    Registry(
        "CONTEXT_PASSES", "transforms.time.context", "temporal_expressions.pattern",
        "Passes over the expressions of a whole article that find or re-read a value from its neighbours "
        "(an anaphoric date, 'the day before', coordinated days, compared quarters); all run, in this order, "
        "and the row names the pass.",
        every_rule_runs=True,
    ),
    Registry(
        "EVENT_TRIGGERS", "transforms.time.event_rules", "events.trigger_by",
        "Which happening a DATE or TIME expression dates: the climb from the expression reaches a verb or event noun "
        "(nearest_verb); the first rule that answers corrects it (another word, or no event at all).",
    ),
    Registry(
        "MENTION_FINDERS", "transforms.entities.mentions", "entity_mentions.repaired_by",
        "Where entity mentions come from: the model's entities (through ENTITY_REPAIRS) and the names it misses; "
        "all run, in this order, each adding or changing mentions.",
        every_rule_runs=True,
    ),
    Registry(
        "ENTITY_REPAIRS", "transforms.entities.repairs", "entity_mentions.repaired_by",
        "Repairs of one entity the model tagged: its span cut, extended, split or dropped, or its label changed; "
        "the first rule that answers wins, and null in repaired_by means the model's own span and label stood.",
    ),
    Registry(
        "PERSON_FINDERS", "transforms.entities.grouping", "entity_mentions.repaired_by",
        "Mentions moved to a person when grouping the article's entities (a surname the model tagged otherwise, a title "
        "standing for its holder); all run, in this order.",
        every_rule_runs=True,
    ),
    Registry(
        "ENTITY_JOINS", "transforms.entities.joins", "entity_mentions.repaired_by",
        "Joins of an article's entities the spans alone miss (one sense per name, short names, acronyms, first names, "
        "handles): each moves mentions onto the entity they belong to and names itself on them; all run, in this order.",
        every_rule_runs=True,
    ),
)


def rule_names(column: str) -> frozenset[str]:
    """Every rule name a provenance column may hold."""
    return frozenset(r.name for registry in REGISTRIES if column in (registry.column, *registry.also_in) for r in registry.rules())
