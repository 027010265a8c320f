"""Speaker rules that bind a common noun to the organisation the article described with it:
"the company" to "Kirjeposti, Finland's state-owned postal company,", "the group" to "the
consumer group Consumatori Uniti", and "its spokeswoman" to the organisation named just
before (``transforms.entities.descriptions``). Part of SPEAKER_RULES
(``transforms.quotes.speakers``), which imports them."""

from __future__ import annotations

from transforms.entities.descriptions import ORGANISATION_HEADS, entity_descriptions
from transforms.entities.extraction import ArticleEntity
from transforms.lexicons import words
from transforms.quotes.speakers import Speaker, SpeakerQuery
from transforms.rules import Example, rule

_VOICE_NOUNS = words("voice_nouns") | words("spokesperson_people")


def _described(query: SpeakerQuery, noun: str, before: int) -> ArticleEntity | None:
    """The organisation named last before ``before`` that the article described with ``noun``
    (the dateline's news agency never: it reports the story)."""
    body = query.body
    last: tuple[int, ArticleEntity] | None = None
    for entity in query.entities:
        if entity.entity_type != "ORG" or any(m.repaired_by == "dateline" for m in entity.mentions):
            continue
        starts = [m.char_start for m in entity.mentions if m.char_end <= before]
        if not starts or noun not in entity_descriptions(body, [(m.char_start, m.char_end) for m in entity.mentions]):
            continue
        if last is None or max(starts) > last[0]:
            last = (max(starts), entity)
    return None if last is None else last[1]


@rule(Example("Members of the Finnish Post Workers' Union met managers of Kirjeposti, Finland's state-owned postal company, and of Nordvik Freight "
              "on Monday. The talks went on all night. Letters piled up in Lapland.\n\nThe company said it would publish new maps in May.", "Kirjeposti"),
      Example("A storm tore a hole in a fish pen run by Fjordlaks AS, the company said on Thursday.", "Fjordlaks AS"),
      Example("Thousands marched on Sunday, the campaign group Barroso Vivo said. The mine, proposed by Lusitania Lithium plc, would open in 2026, "
              "the company says.", "Lusitania Lithium plc", "a campaign group is no company"),
      Example("ANTOFAGASTA, Chile (Andes Wire) - Nine miners were trapped on Tuesday at the El Peñón mine, owned by Tarapacá Copper, "
              "the company said.", "Tarapacá Copper"),
      Example("The Harbour Authority met Valdora Shipping on Monday. The company said talks would go on.", None,
              "no organisation was described as a company: left to later rules"))
def described_organisation(query: SpeakerQuery) -> Speaker | None:
    """'the company said', 'the group said', 'the chain said': the organisation the article
    described with that noun (an apposition "X, the Aarhus-based heat pump maker,", a
    descriptor "the consumer group X", "shares in X", a legal form "X AS" for "company"),
    the one named last before the subject (in the quote too: "a pen run by Fjordlaks AS, the
    company said").

    Notes:
        Only "the" + a singular organisation noun with no clause or phrase of its own ("the
        company that designs her clothes" is another one). Runs after the rules that bind the
        noun by a name holding it, the story's one company or a legal form; an organisation
        never described with the noun is left to the rules after it.
    """
    subject = query.subject
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lower_ not in ORGANISATION_HEADS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) or any(c.dep_ in ("prep", "relcl", "acl", "conj", "nummod") for c in subject.children):
        return None
    entity = _described(query, subject.lower_, subject.idx)
    return Speaker(entity.canonical_name, entity, described_organisation.name) if entity is not None else None


@rule(Example("The consumer group Consumatori Uniti said shoppers should be wary. \u201cIf it is that cheap, ask yourself why,\u201d its spokeswoman said.",
              "Consumatori Uniti"),
      Example("Talks in Lisbon went on through Monday. \u201cWe will sign,\u201d its spokeswoman said.", None, "a place, no organisation, named before"))
def its_spokesperson(query: SpeakerQuery) -> Speaker | None:
    """'its spokeswoman said', 'its office said': "its" is the organisation named last before
    the subject (outside quotes, in its sentence or the two before), and its spokesperson
    speaks for it.

    Notes:
        Only "its" (a person's "his"/"her" spokesman is left to other rules) and only a
        spokesperson or office noun with no name beside it ("Its director, X," is X); the
        dateline's news agency is never the one.
    """
    subject = query.subject
    if subject.pos_ != "NOUN" or subject.lower_ not in _VOICE_NOUNS or not any(c.dep_ == "poss" and c.lower_ == "its" for c in subject.children):
        return None
    if any(c.dep_ in ("appos", "prep", "relcl", "acl", "conj") for c in subject.children):
        return None
    doc = subject.doc
    sentence = subject.sent
    window_start = doc[max(doc[max(sentence.start - 1, 0)].sent.start - 1, 0)].sent.start_char
    quoted = query.context.quoted_ranges
    last: tuple[int, ArticleEntity] | None = None
    for entity in query.entities:
        if entity.entity_type in ("PERSON",) or any(m.repaired_by == "dateline" for m in entity.mentions):
            continue
        for m in entity.mentions:
            if window_start <= m.char_start and m.char_end <= subject.idx and not any(a <= m.char_start < b for a, b in quoted):
                if last is None or m.char_start > last[0]:
                    last = (m.char_start, entity)
    if last is None or last[1].entity_type != "ORG":
        return None
    return Speaker(last[1].canonical_name, last[1], its_spokesperson.name)


_QUOTE_REFERENCE_NOUNS = words("quote_reference_nouns")


@rule(Example("\u201cDo not look at the sun without certified glasses.\u201d The warning was repeated on Monday by the Health Ministry, "
              "which said clinics were busy.", "Health Ministry"),
      Example("\u201cDo not look at the sun.\u201d The warning was repeated on Monday.", None, "no agent: nobody named"))
def agent_of_the_words(query: SpeakerQuery) -> Speaker | None:
    """'"..." The warning was repeated by the Health Ministry': a noun for the quoted words
    (``quote_reference_nouns``: "the warning", "the remarks") as the subject of a passive
    verb is the words of its agent ("by X"), resolved by SPEAKER_RULES again (the speaker
    keeps this rule's name).

    Notes:
        Only a passive with "by"; "The warning came from X" is found by the direct-quote
        rules; an agent that resolves to no entity names nobody here.
    """
    from transforms.quotes.speakers import resolve_speaker  # the rules' own module imports this one

    subject = query.subject
    if subject.lower_ not in _QUOTE_REFERENCE_NOUNS or subject.dep_ != "nsubjpass":
        return None
    agent = next((p for c in subject.head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    if agent is None:
        return None
    resolved = resolve_speaker(agent, query.context, query.quote_start, query.document_source)
    return Speaker(resolved.name, resolved.entity, agent_of_the_words.name) if resolved.entity is not None else None


_AUTHORED_NOUNS = words("message_nouns") | words("document_nouns") | words("reading_nouns")


@rule(Example("The plan would cut fees, according to a speech Mayor Elena Varga delivered in May.", "Elena Varga"),
      Example("The plan would cut fees, according to a letter the Harbour Board sent to members.", "Harbour Board"),
      Example("The plan would cut fees, according to a speech about Mayor Elena Varga.", None, "no author's clause"))
def author_in_relative_clause(query: SpeakerQuery) -> Speaker | None:
    """'according to a speech Mrs. Clinton delivered', 'a letter the board sent said': a speech,
    letter or document (``message_nouns``, ``document_nouns``, ``reading_nouns``) whose own
    relative clause has a named person or organisation as its subject: that author speaks.

    Notes:
        Only the subject of the noun's relative clause; "a speech about X" or "a letter to X"
        names no author.
    """
    from transforms.quotes.speakers import entity_at  # the rules' own module imports this one

    subject = query.subject
    if subject.lower_ not in _AUTHORED_NOUNS or subject.pos_ != "NOUN":
        return None
    for clause in subject.children:
        if clause.dep_ != "relcl" or clause.i < subject.i:
            continue
        author = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        named = entity_at(query.entities, author.idx, author.idx + len(author)) if author is not None else None
        if named is not None and named.entity_type in ("PERSON", "ORG"):
            return Speaker(named.canonical_name, named, author_in_relative_clause.name)
    return None


@rule(Example("Wakefield Council will close five libraries. Opposition leader Imran Siddiqui said the authority had wasted money. "
              "A council spokesman said the figure was misleading.", "Wakefield Council"),
      Example("Lakemont Water Authority raised its rates. A company spokesman said the pipes were old.", None,
              "an authority is no company"),
      Example("Guards complained to the Penitentiary Police Union (UPP). Searches went on overnight, a police spokesman said.", None,
              "a union is not the police"))
def spokesperson_of_kind(query: SpeakerQuery) -> Speaker | None:
    """'A council spokesman said', 'a ministry spokeswoman said': the spokesperson speaks for
    the organisation the article calls by that noun, found as for "the council"
    (``the_organisation_so_called``: named with the noun, else the subject before).

    Notes:
        Only a lower-case organisation noun right before the spokesperson noun, and only an
        organisation that the noun names ("Wakefield Council", "Ministry of Health": not the
        "Penitentiary Police Union" for "a police spokesman"); a company noun never takes a
        ministry, union or association.
    """
    from transforms.quotes.nominal_speakers import kind_nouns, the_organisation_so_called

    subject = query.subject
    if subject.lower_ not in _VOICE_NOUNS or subject.pos_ != "NOUN":
        return None
    kind = next((c for c in subject.children if c.dep_ == "compound" and c.is_lower and c.i == subject.i - 1 and c.lower_ in kind_nouns()), None)
    if kind is None:
        return None
    entity = the_organisation_so_called(kind, query, min(query.quote_start, subject.idx))
    if entity is None or entity.entity_type != "ORG":
        return None
    # The noun must be what the organisation is: "Wakefield Council", "Ministry of Health"; the
    # "Penitentiary Police Union" is a union, not the police a "police spokesman" speaks for.
    name = entity.canonical_name.casefold().split()
    if kind.lower_ not in (name[-1], name[0] if "of" in name else name[-1]):
        return None
    return Speaker(entity.canonical_name, entity, spokesperson_of_kind.name)


@rule(Example("Schienennetz Austria (SNA) runs the tracks. Trains were late all week. An SNA spokesman said the company stood by its figures.",
              "SNA"),
      Example("Mayor Elena Varga opened the line. A Varga spokesman said the trains would run on time.", None,
              "a person's spokesman is left to other rules"))
def named_organisation_spokesperson(query: SpeakerQuery) -> Speaker | None:
    """'an SNA spokesman said', 'a Valdora Shipping spokeswoman said': a spokesperson noun with
    an organisation's name right before it speaks for that organisation.

    Notes:
        Only a name that ends right before the noun and is an organisation (named there or,
        in the same words, before): "a Trump campaign spokesman" (a campaign, not the person)
        and "a Varga spokesman" (a person's) are left to other rules.
    """
    subject = query.subject
    if subject.lower_ not in _VOICE_NOUNS or subject.pos_ != "NOUN" or subject.i == 0:
        return None
    before = subject.doc[subject.i - 1]
    if before.dep_ not in ("compound", "nmod", "amod") or before.head != subject or before.is_lower:
        return None
    name = " ".join(t.text for t in subject.doc[before.left_edge.i : subject.i] if not t.is_lower)
    for entity in query.entities:
        if entity.entity_type != "ORG":
            continue
        end = before.idx + len(before)
        if any(m.char_end == end and m.char_start <= before.idx or m.char_end <= before.idx and m.text in (name, before.text) for m in entity.mentions):
            return Speaker(entity.canonical_name, entity, named_organisation_spokesperson.name)
    return None
