"""Entity mentions from the spaCy NER, repaired by rules, then grouped per article into entities.

One ``ArticleEntity`` per real-world thing in the article, with the fullest proper name as its
canonical name and every mention (full name, surname, title + surname, nominal title) on it.
The steps, each in its own module: ``mentions`` (the model's mentions, repaired by
``repairs.ENTITY_REPAIRS``, and what ``mentions.MENTION_FINDERS`` add), ``grouping`` (one
entity per real thing, ``grouping.PERSON_FINDERS``, canonical names), ``joins`` (joins the
spans alone miss) and the user's alias file.

Notes:
    Not handled here: coreference of pronouns (quotes resolve "he" themselves), aliases that
    the text does not define (``Modi`` / ``Narendra Modi`` in different articles), and
    people whose surname is shared by two full names in one article (the surname joins the
    nearest full name before it).
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.context import ArticleContext
from transforms.entities.aliases import AliasMap
from transforms.entities.grouping import PERSON_FINDERS, ArticleEntity, apply_aliases, entity_id_for, find_nominal_mentions, group_others, group_people
from transforms.entities.joins import ENTITY_JOINS, join_entities
from transforms.entities.mentions import KEPT_LABELS, MENTION_FINDERS, Mention, find_mentions, find_titled_names, trim_span
from transforms.entities.repairs import ENTITY_REPAIRS

__all__ = [
    "ENTITY_JOINS",
    "ENTITY_REPAIRS",
    "KEPT_LABELS",
    "MENTION_FINDERS",
    "PERSON_FINDERS",
    "ArticleEntity",
    "Mention",
    "apply_aliases",
    "entity_id_for",
    "extract_entities",
    "find_mentions",
    "find_nominal_mentions",
    "find_titled_names",
    "trim_span",
]


def extract_entities(article: ArticleContext | Doc, aliases: AliasMap | None = None) -> list[ArticleEntity]:
    """Every entity of one article with all of its mentions, in order of first mention.

    ``article`` is the article's context (a bare Doc is given one: tests and one-off calls).
    """
    context = article if isinstance(article, ArticleContext) else ArticleContext.build(article)
    mentions = find_mentions(context)
    people = group_people([m for m in mentions if m.label == "PERSON"])
    non_people = [m for m in mentions if m.label != "PERSON"]
    for finder in PERSON_FINDERS:
        non_people = finder(context, people, non_people)
    taken = [(m.char_start, m.char_end) for p in people for m in p.mentions]
    # A title word tagged as an org ("Defence" in "the US Secretary of Defence") is no entity;
    # a place or nationality inside a title ("US") still is.
    others = group_others(
        [m for m in non_people if (m.label in ("GPE", "NORP") or not any(s <= m.char_start and m.char_end <= e for s, e in taken))],
        context.text,
    )
    entities = join_entities(context.text, people + others)
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.char_start)
    entities = sorted(entities, key=lambda e: e.mentions[0].char_start)
    return apply_aliases(entities, aliases) if aliases and aliases.entries else entities
