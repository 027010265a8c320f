"""What an article says a name is: the common nouns it sets beside the name.

News introduces an organisation once with a description and then calls it by that noun:
"Kirjeposti, Finland's state-owned postal company, ... the company said", "the consumer group
Consumatori Uniti ... the group said", "Shares in Nordvarme, the Aarhus-based heat pump maker,
rose". ``described_nouns`` reads those nouns off the text around one mention (an apposition
after the name, a descriptor right before it, "shares in", a legal form); the entity joins
use them to type a name (a company noun makes it an organisation) and the speaker rules to
bind "the company", "the group", "the newspaper" to the entity the article described so.

Notes:
    Only appositions set off by a comma and opened by an article or a possessive name
    ("Finland's"), whose head is the last word before the closing comma or stop; an
    apposition with a preposition or a clause in it ("X, a member of the union,") has no head
    here, so "member of the union" never makes X a union.
"""

from __future__ import annotations

import re
from dataclasses import replace as dataclass_replace
from typing import TYPE_CHECKING

from transforms.lexicon import COMPANY_DESCRIPTORS, ORG_NOUNS, TITLE_WORDS
from transforms.lexicons import words
from transforms.rules import Example, rule

if TYPE_CHECKING:
    from transforms.entities.grouping import ArticleEntity

# Nouns that say the name beside them is an organisation (never a title: "its chair, X").
_PART_NOUNS = words("organisation_part_nouns")
ORGANISATION_HEADS = (
    words("org_descriptors") | COMPANY_DESCRIPTORS | words("organisation_kind_nouns") | ORG_NOUNS | words("organisation_head_nouns") | _PART_NOUNS
) - TITLE_WORDS
# Of those, the ones that say it is a business: "the company" and "the firm" stand for it too.
COMPANY_HEADS = (COMPANY_DESCRIPTORS | words("company_kind_nouns") | words("organisation_head_nouns")) - {"group"}
_COMPANY_WORDS = frozenset(("company", "firm"))
# Last words that make a name a company's: legal forms ("Fjordlaks AS"), company endings ("Kestrel Holdings"), trades ("Tarapacá Copper").
_COMPANY_NAME_ENDS = (
    words("legal_form_words") | words("company_name_endings") | words("brand_company_words") | words("company_trade_endings") | {"a/s"}
) - {"group"}

# ", the Aarhus-based heat pump maker," / ", Finland's state-owned postal company," / ", a mid-sized producer." /
# ", the Danish shipping group that ..." (the head before a relative clause).
_APPOSITION = re.compile(
    r",\s+(?:the|a|an|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}['’]s)\s+(?P<words>(?:[\w-]+\s+){0,5}?)(?P<head>[a-z][a-z-]*)(?=\s*(?:,|\.(?:\s|$)|;|\s[—–]\s)|\s+(?:that|which)\s)"
)
# Words that make the apposition something else than a description of the name.
_NOT_IN_DESCRIPTION = frozenset(("of", "for", "in", "at", "with", "from", "to", "by", "on", "and", "or", "which", "who", "that", "whose", "said", "says"))
# ", the Dutch branch of Oxfam,", ", a unit of Siemens,": a part of another organisation.
_PART_OF = re.compile(r",\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?(?P<head>[a-z]+)\s+of\s+(?:the\s+)?[A-Z]")
_BEFORE = re.compile(r"(?:^|[\s(])(?P<head>[a-z][a-z-]*)\s+$")
_SHARES = re.compile(r"\b(?:[Ss]hares|[Ss]tock|[Ss]take)\s+(?:in|of)\s+$")


def described_nouns(body: str, start: int, end: int, by_name: bool = True) -> frozenset[str]:
    """The organisation nouns the text sets beside the mention ``body[start:end]``: the head of
    an apposition after it ("Kirjeposti, Finland's state-owned postal company," -> company), a
    lower-case noun right before it ("the consumer group Consumatori Uniti" -> group), and
    "company" for a name after "shares in" or ending in a legal form or a company's word
    ("Fjordlaks AS", "Tarapacá Copper"); plus
    "company" and "firm" for any business noun ("maker", "chain"). ``by_name=False`` leaves
    out what the name's own last word says (a place may end in "Bank": "the West Bank")."""
    found: set[str] = set()
    after = _APPOSITION.match(body, end)
    if after is not None and not _NOT_IN_DESCRIPTION & set(after["words"].casefold().split()) and after["head"] in ORGANISATION_HEADS:
        found.add(after["head"])
    part = _PART_OF.match(body, end)
    if part is not None and part["head"] in _PART_NOUNS:
        found.add(part["head"])
    window = body[max(start - 40, 0) : start]
    before = _BEFORE.search(window)
    if before is not None and before["head"] in ORGANISATION_HEADS:
        found.add(before["head"])
    if _SHARES.search(window) or by_name and body[start:end].split()[-1].casefold().rstrip(".") in _COMPANY_NAME_ENDS and " " in body[start:end]:
        found.add("company")
    if found & COMPANY_HEADS:
        found |= _COMPANY_WORDS
    return frozenset(found)


def entity_descriptions(body: str, spans: list[tuple[int, int]], by_name: bool = True) -> frozenset[str]:
    """Every noun ``described_nouns`` finds beside any of an entity's mention spans."""
    return frozenset().union(*(described_nouns(body, start, end, by_name) for start, end in spans)) if spans else frozenset()


_RETYPED = ("PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART")


@rule(
    Example("HELSINKI (Wire) - Kirjeposti, Finland's state-owned postal company, will deliver letters only on Tuesdays. "
            "Kirjeposti expects to save 60 million euros.", [("Kirjeposti", "Kirjeposti")],
            note="the model tags the second Kirjeposti a place"),
    Example("Shares in Nordvarme, the Aarhus-based heat pump maker, rose 4 percent on Wednesday.", [("Nordvarme", "Nordvarme")]),
    Example("Nordholm Line, the Danish shipping group that is the terminal's largest customer, diverted two vessels.",
            [("Nordholm Line", "Nordholm Line")], note="the head before a relative clause"),
    Example("Marta Quintela, a member of the union, said the plan was wrong.", None, note="'member of the union' describes no organisation"),
    Example("Nordlys Kraft, a subsidiary of Statkraft, said it would cut jobs.", [("Nordlys Kraft", "Nordlys Kraft")],
            note="a part of another organisation is one itself"),
)
def described_as_organisation(body: str, entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """A name the article describes as an organisation ("Kirjeposti, Finland's state-owned postal
    company,", "Nordvarme, the Aarhus-based heat pump maker,", "the consumer group X", "Shares
    in X") is one, whatever the model called it: the entity and all its mentions become ORG,
    the changed mentions naming this join (``described_nouns``).

    Notes:
        Only the model's person, place, facility, nationality, product and work labels change;
        a description with a preposition in it ("a member of the union") names no kind here.
    """
    retyped = []
    for entity in entities:
        if entity.entity_type in _RETYPED and ORGANISATION_HEADS & entity_descriptions(body, [(m.char_start, m.char_end) for m in entity.mentions], by_name=False):
            mentions = [m if m.label == "ORG" else dataclass_replace(m, label="ORG", repaired_by=described_as_organisation.name) for m in entity.mentions]
            entity = type(entity)(entity.canonical_name, "ORG", mentions, entity.aliased_from)
        retyped.append(entity)
    return retyped
