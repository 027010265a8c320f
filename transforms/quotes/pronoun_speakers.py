"""Speaker rules for pronouns that the plain nearest-person rule gets wrong: "he said" right
after a woman is named (``gendered_pronoun``), "she said" after a name inside a "whose"
clause of another person (``person_before_relative_clause``), "his claim" (``pronoun_possessor``) and a
"who said" hung on the organisation in a person's title (``who_after_title``). Part of
SPEAKER_RULES (``transforms.quotes.speakers``), which imports them."""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms.entities.extraction import ArticleEntity
from transforms.entities.descriptions import ORGANISATION_HEADS
from transforms.lexicons import words
from transforms.quotes.speakers import Speaker, SpeakerQuery, _nearest, entity_at
from transforms.rules import Example, rule

_MALE_WORDS = words("male_person_words")
_FEMALE_WORDS = words("female_person_words")
_SPOKESPERSON_PEOPLE = words("spokesperson_people")
_MALE_PRONOUNS = frozenset(("he", "him"))
_FEMALE_PRONOUNS = frozenset(("she", "her"))
_TITLE_BEFORE = re.compile(r"\b(\w+\.?)\s+$")


_PRONOUN = re.compile(r"\b(?:(?P<male>[Hh]e|[Hh]is|[Hh]im)|(?P<female>[Ss]he|[Hh]er))\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s")


def _pronoun_gender(person: ArticleEntity, query: SpeakerQuery) -> set[str]:
    """The genders of the pronouns that first follow the person's mentions, outside quotes, in
    the mention's sentence or the next ("Iain Mowbray presented the award. He said" -> male),
    when no other person is named between the name and the pronoun."""
    body, quoted = query.body, query.context.quoted_ranges
    others = [m.char_start for e in query.entities if e.entity_type == "PERSON" and e is not person for m in e.mentions]
    found: set[str] = set()
    for mention in person.mentions:
        if any(a <= mention.char_start < b for a, b in quoted):
            continue
        first_end = _SENTENCE_END.search(body, mention.char_end)
        second_end = _SENTENCE_END.search(body, first_end.end()) if first_end else None
        limit = second_end.start() if second_end else len(body)
        pronoun = next((p for p in _PRONOUN.finditer(body, mention.char_end, limit) if not any(a <= p.start() < b for a, b in quoted)), None)
        if pronoun is None or any(mention.char_end <= at < pronoun.start() for at in others):
            continue
        found.add("male" if pronoun["male"] else "female")
    return found


def _gender(person: ArticleEntity, body: str, query: SpeakerQuery | None = None) -> str | None:
    """"male", "female" or None: from a courtesy title right before a mention ("Mrs. Raman")
    or a gendered role word the article gave the person ("the council's spokeswoman"), else
    (given the query) from the pronouns that follow the person's name (``_pronoun_gender``)."""
    found = set()
    for mention in person.mentions:
        title = _TITLE_BEFORE.search(body[max(mention.char_start - 6, 0) : mention.char_start])
        role_words = set((mention.role or "").casefold().split())
        if title is not None:
            role_words.add(title.group(1).casefold())
        found |= {"male"} if role_words & _MALE_WORDS else set()
        found |= {"female"} if role_words & _FEMALE_WORDS else set()
    if not found and query is not None:
        found = _pronoun_gender(person, query)
    return found.pop() if len(found) == 1 else None


def _main_subject_before(subject: Token, offset: int, quoted: tuple[tuple[int, int], ...], body: str) -> Token | None:
    """The last main-clause subject before ``offset`` in ``subject``'s paragraph, outside quotes
    (the quote itself may hold several sentences)."""
    doc = subject.doc
    paragraph_start = body.rfind("\n", 0, offset) + 1
    for earlier in reversed(doc[: subject.i]):
        if earlier.idx < paragraph_start:
            return None
        if earlier.idx >= offset or any(a <= earlier.idx < b for a, b in quoted):
            continue
        verb = earlier.head
        if earlier.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
            return earlier
    return None


@rule(Example("Mendes Ferreira runs the clinic. Joaquim, 71, said he did not blame the doctors. “They are tired,” he said.",
              "Joaquim"),
      Example("Mendes Ferreira runs the clinic. Joaquim said he did not blame Mayor Elena Varga. “She is tired,” he said.", None,
              "a person named since: the pronoun rules decide"))
def pronoun_after_unknown_name(query: SpeakerQuery) -> Speaker | None:
    """'Joaquim, 71, said ... "...," he said': "he"/"she" right after a sentence
    whose main subject is a proper name the entity tagger missed is that name, as written,
    rather than the person the article named before it.

    Notes:
        Only the last main-clause subject before the quote in its paragraph, only a
        capitalised proper name of one to three words that is
        no entity, and only when no person is named between it and the quote.
    """
    subject = query.subject
    if subject.pos_ != "PRON" or subject.lower_ not in _MALE_PRONOUNS | _FEMALE_PRONOUNS or subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    before = _main_subject_before(subject, min(subject.idx, query.quote_start), query.context.quoted_ranges, query.context.text)
    if before is None or before.pos_ != "PROPN" or before.tag_ != "NNP" or not before.text[:1].isupper():
        return None
    name = [t for t in before.subtree if t.i <= before.i and (t == before or t.dep_ == "compound" and t.pos_ == "PROPN")]
    start, end = name[0].idx, before.idx + len(before)
    if len(name) > 3 or entity_at(query.entities, start, end) is not None:
        return None
    for entity in query.entities:
        if entity.entity_type in ("PERSON", "ORG", "GPE") and any(end <= m.char_start < query.quote_start and not any(a <= m.char_start < b for a, b in query.context.quoted_ranges) for m in entity.mentions):
            return None
    return Speaker(query.body[start:end], None, pronoun_after_unknown_name.name)


@rule(Example("Its chief executive, Tomas Berg, told the Harbour Gazette that the board would meet again. \u201cOur door is open,\u201d he said.",
              "Tomas Berg"),
      Example("Vera Holm runs the ferry. Her skipper, Jonas Kvale, who is also her husband, said she would sail on Monday. "
              "\u201cShe is ready,\u201d he said.", "Jonas Kvale"),
      Example("His challenger, Vera Holm of the Harbour Party, voted an hour later. \u201cTonight we choose,\u201d she said.", "Vera Holm",
              "any main verb: the sentence is about her"),
      Example("A spokeswoman for the European Commission said the cuts followed scientific advice. \u201cEverybody has to play "
              "their part,\u201d she said.", "European Commission", "a spokesperson speaks for the organisation"),
      Example("Ms. Vera Holm met Tomas Berg in the final. \u201cHe played better,\u201d he said.", None,
              "the subject before is a woman: the other pronoun rules decide"),
      Example("Tomas Berg met Vera Holm in the final.\n\n\u201cI played well,\u201d he said. \u201cHe was stronger,\u201d she said.", None,
              "'he' before 'she' is someone else"),
      Example("The former head of the agency told an inquiry on Monday that he had warned ministers that the system was not ready.", None,
              "a pronoun inside the report of its own sentence: not this rule's"))
def subject_before_pronoun(query: SpeakerQuery) -> Speaker | None:
    """'X told reporters that ... "...," he said', 'X voted an hour later. "...," she said':
    "he"/"she" after a sentence of its paragraph is that sentence's main-clause subject
    (resolved by SPEAKER_RULES again): who the paragraph is about, and who spoke last, goes on
    speaking, whoever else the sentence names.

    Notes:
        Only the last main-clause subject before the quote in its paragraph, outside quotes,
        in a sentence before the pronoun's; the speaker must be a person, or a name set beside a
        person's role ("Its chief executive, X,") whatever type the entity tagger gave it, and a
        subject "he" before a "she" (or the reverse) is someone else. A
        speaker whose title or role word says the other gender is passed over; the pronouns
        after the name are not read for gender here ("X, her husband, said she would ..."
        says nothing of X). A spokesperson subject before ("A spokeswoman for the Commission
        said") speaks for the organisation, so "she" after it is the organisation; a
        "spokesman" before "she" is someone else.
    """
    from transforms.quotes.speakers import resolve_speaker  # defined after the import of this module

    subject = query.subject
    lower = subject.lower_
    if subject.pos_ != "PRON" or subject.dep_ not in ("nsubj", "nsubjpass") or lower not in _MALE_PRONOUNS | _FEMALE_PRONOUNS:
        return None
    before = _main_subject_before(subject, min(subject.idx, query.quote_start), query.context.quoted_ranges, query.context.text)
    other = _FEMALE_PRONOUNS if lower in _MALE_PRONOUNS else _MALE_PRONOUNS
    if before is None or before.i >= subject.sent.start or before.lower_ in other:  # '"A," he said. "B," she said
        return None  # "X told the inquiry that he had warned ...": the pronoun's own sentence is X's report
    resolved = resolve_speaker(before, query.context, before.idx, query.document_source)
    entity = resolved.entity
    if entity is None:
        return None
    role = before.pos_ == "NOUN" and before.is_lower and before.lower_ not in ORGANISATION_HEADS and resolved.by == "name_after_role"
    # "A spokeswoman for the Commission said ... '...,' she said": the spokeswoman goes on
    # speaking for the organisation (whose words a spokesperson's are), if the noun's gender fits.
    spokesperson = before.lower_ in _SPOKESPERSON_PEOPLE and before.lower_ not in (_MALE_WORDS if lower in _FEMALE_PRONOUNS else _FEMALE_WORDS)
    if spokesperson and entity.entity_type in ("ORG", "GPE"):
        return Speaker(entity.canonical_name, entity, subject_before_pronoun.name)
    if entity.entity_type != "PERSON" and not (entity.entity_type == "ORG" and role):
        return None
    if _gender(entity, query.body) == ("female" if lower in _MALE_PRONOUNS else "male"):
        return None
    return Speaker(entity.canonical_name, entity, subject_before_pronoun.name)


# Nouns that describe what a person does ("the professor", "the coach"): a quote's speaker so
# described, with nobody of the article given that role, is the person the paragraph is about.
_OCCUPATION_NOUNS = words("occupation_titles") | words("role_nouns")


@rule(Example("The mission's principal investigator, Keiko Sato, said the orbiter was healthy. "
              "\u201cWe are a small mission,\u201d the professor said.", "Keiko Sato"),
      Example("Marc Lambrecht, who has coached the rider since he was a junior, said he was shocked. "
              "\u201cI never saw anything that worried me,\u201d the coach said.", "Marc Lambrecht"),
      Example("Ana Costa, the club's president, opened the meeting. \u201cWe lost,\u201d the coach said.", None,
              "a role of the article's own: not this rule's"),
      Example("The minister met the strikers on Monday. \u201cWe lost,\u201d the coach said.", None, "no person before"))
def described_person_before(query: SpeakerQuery) -> Speaker | None:
    """'X, who has coached the rider, said ... "...," the coach said': a speaker described by
    what they do ("the professor", "the coach", ``occupation_titles``, ``role_nouns``) that no
    person of the article was given as a role is the main-clause subject of the sentence before
    in the paragraph, as "he" or "she" would be: the paragraph goes on with who spoke last.

    Notes:
        Only "the" + one such noun (no other words: "the team's coach" may be another), only a
        person before it, and only when no person of the article has that word in a role
        (``role_in_apposition`` answers those), and not a person the article gave another role
        ("Ana Costa, the club's president, ..."); official titles ("the minister") are not
        descriptions and stay as written.
    """
    from transforms.quotes.speakers import resolve_speaker  # defined after the import of this module

    subject = query.subject
    children = [c for c in subject.children if c.dep_ != "punct"]
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lower_ not in _OCCUPATION_NOUNS or [c.lower_ for c in children] != ["the"]:
        return None
    if any(subject.lower_ in (m.role or "").casefold().split() for e in query.entities if e.entity_type == "PERSON" for m in e.mentions):
        return None
    before = _main_subject_before(subject, min(subject.idx, query.quote_start), query.context.quoted_ranges, query.context.text)
    if before is None or before.i >= subject.sent.start:
        return None
    resolved = resolve_speaker(before, query.context, before.idx, query.document_source)
    entity = resolved.entity
    # A name set beside a person's role ("principal investigator, X,") is a person whatever type the tagger gave it.
    if entity is None or not (entity.entity_type == "PERSON" or entity.entity_type == "ORG" and resolved.by == "name_after_role"):
        return None
    # "Ana Costa, the club's president, ... the coach said": a person the article gave another role is not the coach.
    if any(m.role for m in entity.mentions) and not any(subject.lower_ in (m.role or "").casefold().split() for m in entity.mentions):
        return None
    return Speaker(entity.canonical_name, entity, described_person_before.name)


@rule(Example("Mr. Tomasz Wrona met Ms. Priya Raman on Monday. Ms. Raman left early.\n\n\u201cWe will sign in May,\u201d he said.", "Tomasz Wrona"),
      Example("Priya Raman met Tomasz Wrona on Monday.\n\n\u201cWe will sign in May,\u201d he said.", None, "no gender known: personal_pronoun's"),
      Example("Adaeze Okonkwo-Bell, 34, smiled as she walked to the stage. Last year's winner, Iain Mowbray, presented the award. "
              "He said the shortlist was strong.\n\n\u201cI did not think anyone would read it,\u201d she told the audience.", "Adaeze Okonkwo-Bell"))
def gendered_pronoun(query: SpeakerQuery) -> Speaker | None:
    """'he said' when the person named last is known to be a woman (or 'she said' after a
    man): the person named last before the quote who is not known to be of the other gender.

    Notes:
        Gender is read from courtesy titles and role words of the article, else from the
        pronoun that first follows a person's name with no other person between ("Iain
        Mowbray presented the award. He said"), never guessed from first names; when the
        person named last has none, ``personal_pronoun`` decides.
    """
    subject = query.subject
    lower = subject.lower_
    if subject.pos_ != "PRON" or subject.dep_ == "poss" or lower not in _MALE_PRONOUNS | _FEMALE_PRONOUNS:
        return None
    other = "female" if lower in _MALE_PRONOUNS else "male"
    people = [e for e in query.entities if e.entity_type == "PERSON"]
    skip = query.context.quoted_ranges
    nearest = _nearest(people, query.quote_start, ("PERSON",), skip=skip)
    if nearest is None or _gender(nearest, query.body, query) != other:
        return None
    person = _nearest([e for e in people if _gender(e, query.body, query) != other], query.quote_start, ("PERSON",), skip=skip)
    return Speaker(person.canonical_name, person, gendered_pronoun.name) if person is not None else None


def _last_person_mention(query: SpeakerQuery) -> tuple[ArticleEntity, int, int] | None:
    """(person, start, end) of the last person mention before the quote, outside quotes."""
    last: tuple[ArticleEntity, int, int] | None = None
    for entity in query.entities:
        if entity.entity_type != "PERSON":
            continue
        for m in entity.mentions:
            if m.char_end <= query.quote_start and not any(a <= m.char_start < b for a, b in query.context.quoted_ranges):
                if last is None or m.char_start > last[1]:
                    last = (entity, m.char_start, m.char_end)
    return last


@rule(Example("Mara Lindqvist, whose brother Jonas works at the plant, spoke to reporters.\n\n\u201cWe still have no news,\u201d she said.", "Mara Lindqvist"),
      Example("Tomas Berg, who lost to Elin Sandvik in the final, was not bitter. \u201cShe earned it,\u201d he said.", "Tomas Berg"),
      Example("Tomas Berg met Elin Sandvik in the final.\n\n\u201cShe earned it,\u201d he said.", None, "no relative clause: personal_pronoun's"))
def person_before_relative_clause(query: SpeakerQuery) -> Speaker | None:
    """'X, whose husband Y was trapped, said ... "...," she said': when the person named last
    before a "he"/"she" quote sits in a relative clause hung on another person, the pronoun is
    that other person, the one the sentence is about (a name in a "who"/"whose" clause is
    background, not the next speaker).

    Notes:
        Only a relative clause (or participle clause) whose head is a person's mention; a
        head known to be of the other gender (``gendered_pronoun``'s reading) is passed over.
    """
    subject = query.subject
    lower = subject.lower_
    if subject.pos_ != "PRON" or subject.dep_ == "poss" or lower not in _MALE_PRONOUNS | _FEMALE_PRONOUNS:
        return None
    last = _last_person_mention(query)
    if last is None:
        return None
    inner, start, end = last
    span = subject.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    while token.head != token:
        if token.dep_ in ("relcl", "acl"):
            head = token.head
            outer = entity_at(query.entities, head.idx, head.idx + len(head))
            if outer is None or outer is inner or outer.entity_type != "PERSON":
                return None
            if _gender(outer, query.body) == ("female" if lower in _MALE_PRONOUNS else "male"):
                return None
            return Speaker(outer.canonical_name, outer, person_before_relative_clause.name)
        token = token.head
    return None


_DISPUTE_VERB_FORMS = words("dispute_verb_forms")
_POSSESSIVE_PRONOUNS = frozenset(("his", "her"))


@rule(Example("Dev Patel called the rise unfair. Amara Okafor rejected his claim that the authority had wasted money.", "Dev Patel"),
      Example("Dev Patel spoke at the meeting. He repeated his claim that the authority had wasted money.", "Dev Patel"))
def pronoun_possessor(query: SpeakerQuery) -> Speaker | None:
    """'his claim that ...', 'her warning that ...': the person named last before the pronoun,
    leaving out names inside quotes and, when a verb of disputing governs the noun ("Okafor
    rejected his claim"), the one who disputes it (one rejects someone else's claim).

    Notes:
        No gender is known: "her" after a man's name still goes to him; "their" is left to
        later rules.
    """
    from transforms.quotes.cues import subject_of
    from transforms.quotes.speakers import resolve_speaker  # defined after the import of this module

    subject = query.subject
    if subject.dep_ != "poss" or subject.lower_ not in _POSSESSIVE_PRONOUNS:
        return None
    noun = subject.head
    people = [e for e in query.entities if e.entity_type == "PERSON"]
    if noun.dep_ == "dobj" and noun.head.lower_ in _DISPUTE_VERB_FORMS:
        disputer = subject_of(noun.head)
        if disputer is not None and disputer != subject:
            who = resolve_speaker(disputer, query.context, disputer.idx, query.document_source).entity
            people = [e for e in people if e is not who]
    person = _nearest(people, subject.idx, ("PERSON",), skip=query.context.quoted_ranges)
    return Speaker(person.canonical_name, person, pronoun_possessor.name) if person is not None else None


_CLIMB_DEPS = ("pobj", "prep", "appos", "compound", "poss")


@rule(Example("Julia Marsh, chair of the Norfolk Coast Residents' Association, who said previous schemes had run over budget, spoke first.",
              "Julia Marsh"),
      Example("The Norfolk Coast Residents' Association, which said the schemes had run over budget, met on Monday.", None,
              "'which' is the organisation's"))
def who_after_title(query: SpeakerQuery) -> Speaker | None:
    """'Julia Marsh, chair of the Residents' Association, who said ...': "who" is a person, so
    a "who said" the parser hung on the organisation of a person's title is that person's:
    climbing from the organisation through the title ("of", "chair") to the first person.

    Notes:
        Only "who": "which said" is the organisation's own; an organisation set beside no
        person keeps its name.
    """
    subject = query.subject
    if not any(c.dep_ == "relcl" and c.i > subject.i and any(w.dep_ == "nsubj" and w.lower_ == "who" for w in c.children) for c in subject.children):
        return None
    own = entity_at(query.entities, subject.idx, subject.idx + len(subject))
    if own is None or own.entity_type == "PERSON":
        return None
    token = subject
    while token.dep_ in _CLIMB_DEPS and token.head != token:
        token = token.head
        entity = entity_at(query.entities, token.idx, token.idx + len(token))
        if entity is not None and entity.entity_type == "PERSON":
            return Speaker(entity.canonical_name, entity, who_after_title.name)
    return None


def salient_person(query: SpeakerQuery, nearest: ArticleEntity) -> ArticleEntity:
    """Of the people named in the sentence of the last person mention before the quote, the
    one who is the subject of its main clause ("Serra told reporters that ferries in Porto
    Torres were searched" -> Serra; "Dinsa beat the record set by Worku" -> Dinsa); else
    ``nearest``. A subject is who a following "he"/"she" most often is (centering)."""
    doc, quoted = query.subject.doc, query.context.quoted_ranges
    before = [(m, e) for e in query.entities if e.entity_type == "PERSON" for m in e.mentions
              if m.char_end <= query.quote_start and not any(a <= m.char_start < b for a, b in quoted)]
    if not before:
        return nearest
    last = max(before, key=lambda pair: pair[0].char_start)[0]
    span = doc.char_span(last.char_start, last.char_end, alignment_mode="expand")
    if span is None:
        return nearest
    sentence = span.sent
    for mention, entity in sorted(before, key=lambda pair: pair[0].char_start):
        found = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if found is None or not sentence.start_char <= mention.char_start < sentence.end_char:
            continue
        root = found.root
        verb = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
            return entity
    return nearest

