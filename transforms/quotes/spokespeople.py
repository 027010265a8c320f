"""A named spokesperson speaks for the organisation: "Jane Okoro, a spokeswoman for the ministry,
said ..." is the ministry's quote (the news convention: a spokesperson, statement or website of
an organisation is the organisation). The last step of quote extraction: whatever rule named
the person, the quote goes to the organisation the article says the person speaks for, and its
``speaker_by`` says so (``SPEAKER_REVISIONS``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from transforms.context import ArticleContext
from transforms.entities.extraction import ArticleEntity
from transforms.quotes.matches import QuoteMatch
from transforms.quotes.nominal_speakers import kind_nouns
from transforms.quotes.resolved_nominals import owner_entity
from transforms.quotes.speakers import SpeakerQuery, entity_at
from transforms.rules import Example, Rule, rule

# People who speak for someone else ("a spokeswoman for the ministry", "a union representative").
_SPOKESPERSON_WORDS = frozenset(("spokesman", "spokeswoman", "spokesperson", "representative"))
_OWNER_PREPOSITIONS = frozenset(("for", "of", "at"))


def _spokesperson_noun(entity: ArticleEntity, context: ArticleContext) -> Token | None:
    """The spokesperson noun the article sets beside one of the person's mentions: an
    apposition ("Jane Okoro, a spokeswoman for the ministry,"; "A spokeswoman for the company,
    Katrin Albers,") or the words before the name ("company spokesman Rui Matos")."""
    doc = context.doc
    for mention in entity.mentions:
        span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        beside = [root.head] if root.dep_ == "appos" else []
        beside += [c for c in root.children if c.dep_ == "appos"]
        beside += [t for t in doc[max(span.start - 3, 0) : span.start] if t.head == root or t.head.i in range(span.start, span.end)]
        # "a former spokesman for the ministry" speaks for nobody now.
        noun = next((t for t in beside if t.lower_ in _SPOKESPERSON_WORDS and not any(c.lower_ in ("former", "ex") for c in t.children)), None)
        if noun is not None:
            return noun
    return None


def _owner_of(noun: Token) -> Token | None:
    """Who the spokesperson speaks for: "for the ministry", "the ministry's", "KKM spokesman",
    "ministry spokeswoman"; a policy area ("health spokeswoman", "opposition education
    spokesman") names a politician's brief, not an organisation."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPOSITIONS:
            return next((p for p in child.children if p.dep_ == "pobj"), None)
        if child.dep_ == "poss":
            return child
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    if not modifiers:
        return None
    last = modifiers[-1]
    if last.pos_ == "PROPN" or last.is_lower and last.lower_ in kind_nouns() and len(modifiers) == 1:
        return last
    return None


@rule(Example("The Transport Ministry will close the line. \u201cThe tunnel is unsafe,\u201d said Jane Okoro, a spokeswoman for the ministry.",
              "Transport Ministry"),
      Example("Kestrel Mobile ASA will close 40 shops. \u201cSales have fallen,\u201d said Kestrel spokesman Rui Matos.", "Kestrel Mobile ASA"),
      Example("The budget was cut. \u201cSchools will suffer,\u201d said opposition education spokesman Ravi Chandran.", None,
              "a politician's brief, not an organisation's voice"),
      Example("Governor Dale Harmon vetoed the bill. Jane Okoro, a spokeswoman for the governor, said he would explain on Monday.", None,
              "a person's spokesperson: only organisations are resolved here"),
      Example("The Transport Ministry will close the line. Rui Matos, a former spokesman for the ministry, said it was a mistake.", None,
              "a former spokesperson speaks for themself"))
def spokesperson_speaks_for_organisation(quote: QuoteMatch, context: ArticleContext) -> ArticleEntity | None:
    """A quote whose speaker is a person the article names as an organisation's spokesperson
    or representative: the organisation ("said Jane Okoro, a spokeswoman for the ministry" ->
    Transport Ministry).

    Notes:
        Only an owner that resolves to an organisation or a place's administration (ORG, GPE);
        a spokesperson of a person, and a politician's brief ("health spokeswoman"), keep the
        person.
    """
    person = quote.speaker_entity
    if person is None or person.entity_type != "PERSON":
        return None
    noun = _spokesperson_noun(person, context)
    owner = _owner_of(noun) if noun is not None else None
    if owner is None:
        return None
    if owner.pos_ == "PROPN":
        found = entity_at(context.entities, owner.idx, owner.idx + len(owner))
    else:
        found = owner_entity(owner, SpeakerQuery(owner, context, quote.char_start, None))
    return found if found is not None and found.entity_type in ("ORG", "GPE") else None


# Revisions of a named speaker, after every quote is attributed; the first that answers wins.
SPEAKER_REVISIONS: tuple[Rule, ...] = (spokesperson_speaks_for_organisation,)


def revise_speakers(quotes: list[QuoteMatch], context: ArticleContext) -> list[QuoteMatch]:
    """Every quote whose speaker a rule of SPEAKER_REVISIONS names otherwise (a named
    spokesperson -> the organisation they speak for), with that rule as its ``speaker_by``."""
    out = []
    for quote in quotes:
        for revision in SPEAKER_REVISIONS:
            speaker = revision(quote, context)
            if speaker is not None:
                quote = replace(quote, speaker=speaker.canonical_name, speaker_entity=speaker, speaker_by=revision.name)
                break
        out.append(quote)
    return out
