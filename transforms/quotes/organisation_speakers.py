"""Speaker rules for organisations an article calls by a common noun: "a spokesman for the
office", "the club", "it". Part of SPEAKER_RULES (``transforms.quotes.speakers``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.entities.extraction import ArticleEntity
from transforms.lexicon import COMPANY_DESCRIPTORS, ORG_NOUNS
from transforms.lexicons import words
from transforms.quotes.speakers import Speaker, SpeakerQuery, entity_at
from transforms.rules import Example, rule

_SPOKESPERSON_NOUNS = words("spokesperson_nouns")
_KIND_NOUNS = words("organisation_kind_nouns") | ORG_NOUNS | COMPANY_DESCRIPTORS
_FOR_PREPOSITIONS = frozenset(("for", "from", "of", "at"))
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def is_subject_at(doc: Doc, start: int, end: int) -> bool:
    """A mention that is a sentence's subject, or set beside it ("The insurer, Lindeman, offered")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    root = None if span is None else span.root
    return root is not None and (root.dep_ in _SUBJECT_DEPS or root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS)


def _the_organisation_so_called(noun: Token, query: SpeakerQuery, before: int) -> ArticleEntity | None:
    """The organisation "the <noun>" stands for: the last one named before ``before`` with
    that noun in its name ("the university" -> University of Aldbridge), else the last one
    named as a sentence's subject ("Hollis pleaded guilty... the company said")."""
    named_before = [
        (max(m.char_start for m in e.mentions if m.char_end <= before), e)
        for e in query.entities
        if e.entity_type == "ORG" and any(m.char_end <= before for m in e.mentions)
    ]
    with_noun = [(at, e) for at, e in named_before if noun.lower_ in e.canonical_name.casefold().split()]
    if with_noun:
        return max(with_noun, key=lambda pair: pair[0])[1]
    doc = query.subject.doc
    # "The audit office found nothing, a spokesman for the office said": the noun was just used
    # for something unnamed, so it is that, not the last organisation named.
    sentence_start = doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else 0
    if noun.pos_ == "NOUN" and any(t.lower_ == noun.lower_ and entity_at(query.entities, t.idx, t.idx + len(t)) is None for t in doc[sentence_start : noun.i]):
        return None
    # Not a subject inside the quote itself ("Brightwater will pay..., the club said").
    as_subject = [
        (m.char_start, e)
        for _, e in named_before
        for m in e.mentions
        if m.char_end <= min(before, query.quote_start) and is_subject_at(doc, m.char_start, m.char_end)
    ]
    return max(as_subject, key=lambda pair: pair[0])[1] if as_subject else None


@rule(Example("Lakemont Water Authority raised its rates. A spokesman for the authority said the pipes were old.", "Lakemont Water Authority"),
      Example("A spokeswoman for the Valdora Transport Ministry said the line would reopen.", "Valdora Transport Ministry"))
def spokesperson_for(query: SpeakerQuery) -> Speaker | None:
    """'a spokesman for X', 'a statement from X', 'figures from X': X speaks, named or called
    by its kind ("the authority").

    Notes:
        A spokesman for a person ("a spokesman for Ms Varga") is that person; one for nobody
        named stays as written.
    """
    subject = query.subject
    if subject.lower_ not in _SPOKESPERSON_NOUNS:
        return None
    target = next((p for c in subject.children if c.dep_ == "prep" and c.lower_ in _FOR_PREPOSITIONS for p in c.children if p.dep_ == "pobj"), None)
    if target is None:
        return None
    start = min(t.idx for t in target.subtree)
    end = max(t.idx + len(t) for t in target.subtree)
    entity = entity_at(query.entities, start, end)
    if entity is None and target.lower_ in _KIND_NOUNS:
        entity = _the_organisation_so_called(target, query, min(query.quote_start, subject.idx))
    return Speaker(entity.canonical_name, entity, spokesperson_for.name) if entity is not None else None


@rule(Example("Stockport Harriers FC agreed a takeover by Brightwater Partners. The club said the deal would close in May.", "Stockport Harriers FC"),
      Example("The University of Aldbridge will close its music school. The university said the school had run a deficit.", "University of Aldbridge"),
      Example("The Harbour Authority said it would reopen the quay. Boats should stay away, it said.", "Harbour Authority"))
def organisation_by_kind(query: SpeakerQuery) -> Speaker | None:
    """'the company said', 'the club said', 'it said': the organisation the article introduced
    so: the last one named with that noun in its name, else the last one named as a
    sentence's subject.

    Notes:
        A plural ("the two companies") or a noun with a clause of its own ("the company that
        ...") is left to later rules; "it" with no organisation named as a subject before
        names nobody.
    """
    subject = query.subject
    if subject.lower_ == "it" and subject.pos_ == "PRON":
        entity = _the_organisation_so_called(subject, query, subject.idx)
        return Speaker(entity.canonical_name if entity else None, entity, organisation_by_kind.name)
    if (
        subject.pos_ != "NOUN"
        or subject.tag_ == "NNS"
        or subject.lower_ not in _KIND_NOUNS
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
        or any(c.dep_ in ("conj", "prep", "nummod") for c in subject.children)
        # "the company that designs her clothes" is another one; "The company, which sells
        # furniture," (set off by a comma) is the one already named.
        or any(c.dep_ in ("relcl", "acl") for c in subject.children) and subject.nbor(1).text != ","
    ):
        return None
    entity = _the_organisation_so_called(subject, query, subject.idx)
    return Speaker(entity.canonical_name, entity, organisation_by_kind.name) if entity is not None else None
