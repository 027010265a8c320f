"""Speaker rules for an organisation the sentence does not name: a bare "a spokesman" after
the organisation spoke, "it" after "the company", "the museum's board" for the museum, and a
lead's "the city's water utility" that the next sentence names. Part of SPEAKER_RULES
(``transforms.quotes.speakers``), which imports them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from transforms.entities.extraction import ArticleEntity
from transforms.lexicon import COMPANY_DESCRIPTORS, DOCUMENT_NOUNS, GOVERNMENT_BODY_WORDS
from transforms.lexicons import words
from transforms.quotes import speakers
from transforms.quotes.nominal_speakers import kind_nouns, the_organisation_so_called
from transforms.quotes.speakers import Speaker, SpeakerQuery, entity_at, reported_clause_subject
from transforms.rules import Example, rule

_SPOKESPERSON_PEOPLE = words("spokesperson_people")
_GOVERNING_BODY_NOUNS = words("governing_body_nouns")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_NEARBY_NOUNS = words("organisation_kind_nouns") | COMPANY_DESCRIPTORS | words("nearby_organisation_nouns")
_SPOKESPERSON_NOUNS = words("spokesperson_nouns")
_FOR_PREPOSITIONS = frozenset(("for", "from", "of", "at"))


def _subject_before(token: Token, quoted: tuple[tuple[int, int], ...]) -> Token | None:
    """The last main-clause subject before ``token`` (of a sentence's root verb or a verb
    joined to it), in its sentence or the one before, outside quotation marks: in "The
    Ministry said the zone lay ...", the Ministry, not the zone."""
    doc = token.doc
    start = doc[max(token.sent.start - 1, 0)].sent.start
    for earlier in reversed(doc[start : token.i]):
        verb = earlier.head
        main = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
        if earlier.dep_ in _SUBJECT_DEPS and main and verb.pos_ in ("VERB", "AUX") and not any(a <= earlier.idx < b for a, b in quoted):
            return earlier
    return None


@rule(Example("The Valdora Ministry of Transport said the line was safe. A spokesman added that trains would run on Monday.",
              "Valdora Ministry of Transport"),
      Example("Senator Ana Costa said the line was safe. A spokesman added that trains would run on Monday.", None,
              "a person's spokesman is left as written"),
      Example("Harwick Foods Ltd was fined on Monday. Its rival Lindeman Oy praised the ruling. The company will not appeal, a spokesman said.",
              "Harwick Foods Ltd", "a postposed attribution: the subject of the words reported"),
      Example("Harwick Foods Ltd was fined on Monday. Chief executive Maria Lindqvist will not appeal, a spokesman said.", None,
              "the reported clause is a person's: left as written"))
def spokesperson_of_the_subject_before(query: SpeakerQuery) -> Speaker | None:
    """'A spokesman added': a spokesperson for nobody named speaks for the organisation that is
    the last subject before it (in its sentence or the one before); after the words it
    reports ("The company will not appeal, a spokesman said"), the organisation that is their
    subject.

    Notes:
        Only when that subject is an organisation, named or called by its kind ("The firm
        said": resolved again): a spokesman after "Senator X said" may be the senator's or
        the party's, and stays as written.
    """
    subject = query.subject
    if subject.lower_ not in _SPOKESPERSON_PEOPLE or subject.tag_ != "NN" or any(c.dep_ == "prep" for c in subject.children):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in subject.children):
        return None
    before = reported_clause_subject(subject, query.quote_start) or _subject_before(subject, query.context.quoted_ranges)
    entity = None if before is None else entity_at(query.entities, before.idx, before.idx + len(before))
    if entity is not None and entity.entity_type == "ORG":
        return Speaker(entity.canonical_name, entity, spokesperson_of_the_subject_before.name)
    if entity is None and before is not None and before.is_lower and before.tag_ in ("NN", "NNP") and before.lower_ in kind_nouns():
        # "The ministry said ... A spokesman said": the organisation "the ministry" is, else
        # its words as written ("The Latvian transport ministry").
        resolved = speakers.resolve_speaker(before, query.context, before.idx, query.document_source)
        if resolved.entity is not None and resolved.entity.entity_type == "ORG":
            return Speaker(resolved.name, resolved.entity, spokesperson_of_the_subject_before.name)
        start, end = SpeakerQuery(before, query.context, before.idx, query.document_source).phrase_span
        return Speaker(query.body[start:end], None, spokesperson_of_the_subject_before.name)
    return None


@rule(Example("A spokesman for the Istria County Police Administration said 11 dogs were found. “Six are still missing,” the spokesman said.",
              "Istria County Police Administration"),
      Example("A spokesman for Senator Ana Costa said she was ill. “She will be back,” the spokesman said.", None,
              "the earlier spokesman spoke for a person: left to later rules"))
def same_spokesperson_as_before(query: SpeakerQuery) -> Speaker | None:
    """'A spokesman for the police said ... "...," the spokesman said': "the spokesman" is the
    spokesperson an earlier subject of the article introduced (outside quotes), speaking for
    the organisation that one was resolved to.

    Notes:
        Only "the" and the same spokesperson noun alone, and only when the earlier one resolved
        to an organisation or a place's administration; the nearest earlier one counts.
    """
    subject = query.subject
    if subject.lower_ not in _SPOKESPERSON_PEOPLE or subject.tag_ != "NN" or [c.lower_ for c in subject.children if c.dep_ != "punct"] != ["the"]:
        return None
    entity = _organisation_of_earlier_subject(subject, query, lambda earlier: True)
    return Speaker(entity.canonical_name, entity, same_spokesperson_as_before.name) if entity is not None else None


def _organisation_of_earlier_subject(noun: Token, query: SpeakerQuery, fits: Callable[[Token], bool]) -> ArticleEntity | None:
    """What the same word stood for as the nearest earlier subject (in an earlier sentence,
    outside quotes, read as ``fits`` says): the organisation or place it was resolved to, else
    None (a nearer use that resolved to nobody ends the search)."""
    quoted = query.context.quoted_ranges
    for earlier in reversed(noun.doc[: noun.sent.start]):
        if earlier.lower_ != noun.lower_ or earlier.dep_ not in _SUBJECT_DEPS or any(a <= earlier.idx < b for a, b in quoted) or not fits(earlier):
            continue
        resolved = speakers.resolve_speaker(earlier, query.context, earlier.idx, query.document_source)
        return resolved.entity if resolved.entity is not None and resolved.entity.entity_type in ("ORG", "GPE") else None
    return None


@rule(Example("Harwick Foods Ltd was fined on Monday. The company has until March to pay. It said it would not appeal.", "Harwick Foods Ltd"))
def it_after_organisation_noun(query: SpeakerQuery) -> Speaker | None:
    """'The company has until March to pay. It said ...': "it" whose last subject before (in
    its sentence or the one before) is "the <organisation noun>" is whoever that noun is
    (resolved by SPEAKER_RULES again; the speaker keeps this rule's name).

    Notes:
        An organisation named as that subject is ``organisation_by_kind``'s; a noun that
        resolves to no entity names nobody here.
    """
    subject = query.subject
    if subject.lower_ != "it" or subject.pos_ != "PRON":
        return None
    before = _subject_before(subject, query.context.quoted_ranges)
    if before is None or before.pos_ != "NOUN" or before.lower_ not in kind_nouns() or before.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in before.children):
        return None
    resolved = speakers.resolve_speaker(before, query.context, before.idx, query.document_source)
    return Speaker(resolved.name, resolved.entity, it_after_organisation_noun.name) if resolved.entity is not None else None


@rule(Example("Stockport Harriers FC lost again on Saturday. The club's board said the manager would stay.", "Stockport Harriers FC"),
      Example("Kestrel Mobile ASA cut 300 jobs on Monday. Kestrel's board said the cuts were needed.", "Kestrel Mobile ASA"))
def body_of_organisation(query: SpeakerQuery) -> Speaker | None:
    """'the club's board said', 'the hospital's management said': a governing body speaks for
    the organisation (or place) that owns it, named ("Lindeman's board") or called by its
    kind ("the club", resolved like ``organisation_by_kind``).

    Notes:
        A body of a person ("Costa's board") is left as written; a kind noun with no
        organisation named before is left to ``organisation_named_next``.
    """
    subject = query.subject
    if subject.lower_ not in _GOVERNING_BODY_NOUNS or subject.pos_ != "NOUN":
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    entity = entity_at(query.entities, owner.idx, owner.idx + len(owner))
    if entity is None and owner.pos_ == "NOUN" and owner.lower_ in kind_nouns() and any(c.lower_ == "the" for c in owner.children):
        entity = the_organisation_so_called(owner, query, min(query.quote_start, subject.idx))
    if entity is None or entity.entity_type not in ("ORG", "GPE"):
        return None
    return Speaker(entity.canonical_name, entity, body_of_organisation.name)


def _named_next(subject: Token, query: SpeakerQuery) -> ArticleEntity | None:
    """The first organisation the next sentence names (or the one after, if the next names
    none), if the subject's kind words fit it: in its name ("the museum" -> "Hohenberg
    Museum") or set beside it ("The utility, Régie Atlantique,"); None if any organisation was
    named before the subject."""
    doc = subject.doc
    # "the country's medicines regulator" -> "Medicines Control Agency": a lower-case noun before the kind counts too.
    kinds = {subject.lower_} | {c.lower_ for c in subject.children if c.dep_ == "poss" and c.pos_ == "NOUN" or c.dep_ == "compound" and c.is_lower}
    if subject.sent.end >= len(doc):
        return None
    organisations = [e for e in query.entities if e.entity_type == "ORG" and not any(m.repaired_by == "dateline" for m in e.mentions)]
    if any(m.char_start < subject.idx for e in organisations for m in e.mentions):
        return None  # named before: organisation_by_kind's (or nobody's) call
    first: tuple[int, int, ArticleEntity] | None = None
    following = subject.sent
    # The next sentence, or the one after when the next names no organisation ("The quake hit at 4 a.m.").
    for _ in range(2):
        if following.end >= len(doc):
            return None
        following = doc[following.end].sent
        while following.text.strip() == "" and following.end < len(doc):
            following = doc[following.end].sent
        for entity in organisations:
            inside = [(m.char_start, m.char_end) for m in entity.mentions if following.start_char <= m.char_start < following.end_char]
            if inside and (first is None or min(inside)[0] < first[0]):
                first = (*min(inside), entity)
        if first is not None:
            break
    if first is None:
        return None
    start, end, entity = first
    in_name = kinds & set(entity.canonical_name.casefold().split())
    mention = doc.char_span(start, end, alignment_mode="expand")
    root = None if mention is None else mention.root
    # "The utility, Régie Atlantique des Eaux,": the name set beside the noun.
    beside = root is not None and root.head.lower_ in kinds and (root.dep_ == "appos" and root.head.i < root.i or root.dep_ == "compound")
    return entity if in_name or beside else None


@rule(Example("Towns near the coast will lose water at night, the regional utility said on Thursday.\n\n"
              "The utility, Aguas del Norte, said the cuts would last until September.", "Aguas del Norte"),
      Example("A museum in Leipzig will return 23 objects, the museum's board said on Thursday. "
              "The Hohenberg Museum said the objects would be handed over in March.", "Hohenberg Museum"),
      Example("Towns will lose water at night, the utility said. The Water Ministry said it had warned of the drought.", None,
              "the next organisation is no utility"),
      Example("CLUJ-NAPOCA, Romania (Danube Press) - Pharmacies are running out of antibiotics, the country's medicines regulator warned on Wednesday.\n\n"
              "The Medicines Control Agency (AMC) said 14 formulations were in short supply.", "Medicines Control Agency",
              "a noun before the kind ('medicines') names it too; the dateline's agency is none"),
      Example("Many families still live in tents, and the government's reconstruction agency admitted on Friday that it was behind.\n\n"
              "The quake hit at 4 a.m. in March.\n\nThe Azuay Reconstruction Authority had promised to rebuild 2,500 houses.",
              "Azuay Reconstruction Authority", "a sentence that names no organisation is passed over"),
      Example("The exits were locked, a government inquiry said on Friday.\n\nThe Gazipur Fire Inquiry Committee said the fire started at night.",
              "Gazipur Fire Inquiry Committee", "an inquiry is a body: named next with its noun"))
def organisation_named_next(query: SpeakerQuery) -> Speaker | None:
    """'..., the city's water utility said.' in a lead that names no organisation before: the
    organisation the next sentence names first, when its name holds the noun (or the noun's
    owner: "the museum's board" -> "Hohenberg Museum", or a lower-case noun before it: "the
    medicines regulator" -> "Medicines Control Agency") or the noun is set beside it ("The
    utility, Régie Atlantique des Eaux,", "The AZ Sint-Lucas hospital").

    Notes:
        Only the very next sentence that names an organisation, no further than two sentences
        on, and only when no organisation was named before the subject; an organisation that
        does not fit the noun is not it.
    """
    subject = query.subject
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lower_ not in kind_nouns() | _GOVERNING_BODY_NOUNS:
        return None
    if not any(c.dep_ in ("det", "poss") for c in subject.children) or any(c.dep_ in ("prep", "relcl", "acl", "conj") for c in subject.children):
        return None
    entity = _named_next(subject, query)
    return Speaker(entity.canonical_name, entity, organisation_named_next.name) if entity is not None else None


_COMPANY_KIND_NOUNS = words("company_kind_nouns")
_COMPANY_NAME_ENDINGS = words("legal_form_words") | words("company_name_endings")


def _is_company_name(name: str) -> bool:
    return name.split()[-1].casefold().rstrip(".") in _COMPANY_NAME_ENDINGS if " " in name else False


@rule(Example("Brannock Rail plc and Tavira Holdings Ltd met on Monday. The company said talks would go on.", None,
              "two companies: which one is not said"))
def company_by_legal_form(query: SpeakerQuery) -> Speaker | None:
    """'the company said' when no earlier rule could say which organisation: the one
    organisation named before the quote whose name ends in a company's legal form ("Inc",
    "plc", "ASA", "Corp": ``legal_form_words``, ``company_name_endings``); courts,
    ministries and laws are no companies.

    Notes:
        With two such companies named before, nobody is named here.
    """
    subject = query.subject
    if subject.lower_ not in _COMPANY_KIND_NOUNS or subject.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    if any(c.dep_ in ("prep", "relcl", "acl", "conj") for c in subject.children):
        return None
    limit = min(query.quote_start, subject.idx)
    companies = [e for e in query.entities if e.entity_type == "ORG" and _is_company_name(e.canonical_name) and any(m.char_end <= limit for m in e.mentions)]
    if len(companies) != 1:
        return None
    return Speaker(companies[0].canonical_name, companies[0], company_by_legal_form.name)


@rule(Example("Two airlines, Nordic Sky and BalticJet, said on Wednesday they would merge.", "Nordic Sky"),
      Example("Two councillors, Ana Costa and Rui Matos, said the plan was wrong.", None, "people are a group: left as written"))
def organisations_in_apposition(query: SpeakerQuery) -> Speaker | None:
    """'Two airlines, Nordic Sky and BalticJet, said': a plural organisation noun with the
    organisations named beside it speaks as the first one named (news convention, as
    ``both_organisations``).

    Notes:
        Only organisations: two people named beside "councillors" are a group and stay as
        written.
    """
    subject = query.subject
    plural = subject.lower_
    singulars = {plural[:-3] + "y", plural[:-1], plural[:-2]} if plural.endswith("s") else set()
    if subject.tag_ != "NNS" or not singulars & kind_nouns():
        return None
    named = next((c for c in subject.children if c.dep_ == "appos"), None)
    entity = None if named is None else entity_at(query.entities, min(t.idx for t in named.subtree), named.idx + len(named))
    if entity is None or entity.entity_type != "ORG":
        return None
    return Speaker(entity.canonical_name, entity, organisations_in_apposition.name)


def _one_name_beside(noun: Token, query: SpeakerQuery) -> ArticleEntity | None:
    """The one person or organisation set beside a plural noun as its apposition ("the
    organisers, Mainlauf Events,"); None for several names ("two councillors, A and B,")."""
    for child in noun.children:
        if child.dep_ != "appos" or any(c.dep_ == "conj" for c in child.children):
            continue
        start = min(t.idx for t in child.subtree)
        entity = entity_at(query.entities, start, child.idx + len(child))
        if entity is not None and entity.entity_type in ("PERSON", "ORG"):
            return entity
    return None


@rule(Example("The race was 148 metres short, the organisers, Harbour Events, said on Tuesday.", "Harbour Events"),
      Example("The race was 148 metres short, the organisers, Harbour Events, said on Tuesday. Kenyan runners won both races.\n\n"
              "Organisers said the prize money would still be paid.", "Harbour Events", "the same noun later is the group named so"),
      Example("Two councillors, Ana Costa and Rui Matos, said the plan was wrong.", None, "several names are a group: left as written"))
def group_named_beside(query: SpeakerQuery) -> Speaker | None:
    """'the organisers, Mainlauf Events, said': a plural noun set beside one name speaks as that
    name (one name for a group is an organisation, whatever type the entity tagger gave it),
    and the same noun later ("Organisers said", "the organisers said") is the one the article
    introduced so.

    Notes:
        Several names beside the noun ("two councillors, A and B,") are a group of people, left
        to ``organisations_in_apposition`` or as written; a plural with words of its own ("local
        organisers", "organisers of the fair") is another group.
    """
    subject = query.subject
    if subject.pos_ != "NOUN" or subject.tag_ != "NNS":
        return None
    entity = _one_name_beside(subject, query)
    if entity is None:
        if any(c.dep_ not in ("punct",) and not (c.dep_ == "det" and c.lower_ == "the") for c in subject.children):
            return None
        earlier = [t for t in subject.doc[: subject.i] if t.lower_ == subject.lower_ and t.tag_ == "NNS"]
        named = [e for t in earlier if (e := _one_name_beside(t, query)) is not None]
        entity = named[-1] if named else None
    return Speaker(entity.canonical_name, entity, group_named_beside.name) if entity is not None else None


def _organisation_noun(subject: Token) -> Token | None:
    """The organisation noun a subject is or speaks for: "the agency", "a spokeswoman for [the
    regulator]", "the auction house"; None for a plural, a noun with a restrictive clause, a
    phrase or modifier of its own ("the regional board"), or one without "the"."""
    noun = subject
    if subject.lower_ in _SPOKESPERSON_NOUNS:
        noun = next((p for c in subject.children if c.dep_ == "prep" and c.lower_ in _FOR_PREPOSITIONS for p in c.children if p.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NN" or not noun.is_lower:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(c.dep_ in ("conj", "prep", "nummod", "poss") for c in noun.children):
        return None
    if any(c.dep_ in ("relcl", "acl") for c in noun.children) and not speakers._set_off_by_comma(noun):
        return None  # "the group that runs the zoo" is another one; "The group, which posts as @X," is the one named
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod")]
    if not modifiers and noun.lower_ in _NEARBY_NOUNS:
        return noun
    # "the auction house": a listed two-word noun; "the regional tourism board" describes a new one.
    if len(modifiers) == 1 and modifiers[0].dep_ == "compound" and modifiers[0].i == noun.i - 1 and f"{modifiers[0].lower_} {noun.lower_}" in _NEARBY_NOUNS:
        return noun
    return None


@rule(Example("A fire closed a large hospital in Leeds, the hospital said. St Aldhelm Infirmary NHS Trust said no one was hurt.\n\n"
              "Ember, a group of hackers, claimed the fire. A woman was moved to York, the hospital said.", "St Aldhelm Infirmary NHS Trust",
              "the same noun as an earlier speaker: not the one organisation nearby"),
      Example("The Transport Ministry said the plan was ready. Lindeman Oy disagreed. The company said it would sue.", None,
              "another noun than the earlier speaker's: not this rule's"))
def same_noun_as_earlier_speaker(query: SpeakerQuery) -> Speaker | None:
    """'the hospital said ... Ember claimed the fire. ..., the hospital said': an organisation noun with
    "the" that an earlier subject of the article (outside quotes) also used, resolved there to
    an organisation, is that organisation again: an article keeps one referent for one noun.

    Notes:
        Only a noun alone with "the" (``_organisation_noun``'s reading), and only when the
        earlier use resolved to an entity; a noun with modifiers of its own ("the regional
        board") may be another body and is left to later rules.
    """
    noun = _organisation_noun(query.subject)
    if noun is None or noun is not query.subject:
        return None
    entity = _organisation_of_earlier_subject(noun, query, lambda earlier: _organisation_noun(earlier) is earlier)
    return Speaker(entity.canonical_name, entity, same_noun_as_earlier_speaker.name) if entity is not None else None


@rule(Example("The merger needs approval from the Harbour Standards Board. A spokesman for the regulator said it would decide in May.",
              "Harbour Standards Board"),
      Example("A portrait sold for $4 million at Brandt & Sons in Vienna on Friday. The buyer was not named, the auction house said.",
              "Brandt & Sons"),
      Example("The Lakemont Water Authority met the Valdora Port Trust on Monday. The agency said talks would go on.", None,
              "two organisations nearby: left as written"),
      Example("A petition started by the Friends of Harbour Hills Zoo had 11,000 names by Sunday. "
              "The group, which posts as @FriendsOfHHZ, said it would hand it in next week.", "Friends of Harbour Hills Zoo",
              "a clause set off by a comma names no new group"))
def only_organisation_nearby(query: SpeakerQuery) -> Speaker | None:
    """'the agency said', 'a spokeswoman for the regulator said', 'the auction house said' when
    no earlier rule found which organisation: the one organisation named in the subject's
    sentence before it or in the two sentences before (outside quotes).

    Notes:
        With none or several organisations there, nobody is named (later rules or the words as
        written); a company noun ("the chain", "the firm") never takes a ministry, court or
        agency; a dateline's news agency is not counted; a noun with a name right after it
        ("the chain Vershof") is left to that name.
    """
    noun = _organisation_noun(query.subject)
    if noun is None:
        return None
    doc = noun.doc
    if noun.i + 1 < len(doc) and entity_at(query.entities, doc[noun.i + 1].idx, doc[noun.i + 1].idx + 1) is not None:
        return None  # "the chain Vershof warned": the name right after is the one meant
    before = doc[noun.sent.start - 1].sent if noun.sent.start > 0 else noun.sent
    window_start = (doc[before.start - 1].sent if before.start > 0 else before).start_char
    limit = min(noun.idx, query.quote_start) if query.quote_start > window_start else noun.idx
    quoted = query.context.quoted_ranges
    found = {
        id(e): e
        for e in query.entities
        if e.entity_type == "ORG" and not any(m.repaired_by == "dateline" for m in e.mentions)
        for m in e.mentions
        if window_start <= m.char_start and m.char_end <= limit and not any(a <= m.char_start < b for a, b in quoted)
    }
    candidates = list(found.values())
    if noun.lower_ in COMPANY_DESCRIPTORS:
        candidates = [e for e in candidates if not GOVERNMENT_BODY_WORDS & set(e.canonical_name.casefold().split())]
    if len(candidates) != 1:
        return None
    return Speaker(candidates[0].canonical_name, candidates[0], only_organisation_nearby.name)



# Documents and pages that carry their owner's words ("its annual report", "its website").
_OWNED_DOCUMENT_NOUNS = DOCUMENT_NOUNS | words("sign_nouns")
_OWNER_PRONOUNS = frozenset(("its", "their"))


def _owner_of(document: Token) -> Token | None:
    """Who owns a document: its possessor's name ("Harwick's filing"), or, for "its" and
    "their", the subject of the sentence's main verb before it ("Harwick lost money,
    according to its annual report")."""
    possessor = next((c for c in document.children if c.dep_ == "poss"), None)
    if possessor is None:
        return None
    if possessor.pos_ != "PRON":
        return possessor
    if possessor.lower_ not in _OWNER_PRONOUNS:
        return None
    root = document.sent.root
    return next((c for c in root.children if c.dep_ in _SUBJECT_DEPS and c.i < document.i and c.pos_ in ("PROPN", "NOUN")), None)


@rule(Example("Harwick Foods Ltd lost £3 million last year, according to its annual report.", "Harwick Foods Ltd"),
      Example("Mayor Elena Varga's campaign raised little in May. Tomasz Wrona spent $2 million, according to his filing.", None,
              "'his' is left to the pronoun rules"),
      Example("The harbour flooded twice last year, according to its annual report.", None, "a subject that names no one"))
def possessed_document(query: SpeakerQuery) -> Speaker | None:
    """'according to its annual report', 'its website says', 'Harwick's filing shows': a
    document or page speaks for its owner: the name that possesses it or, for "its" and
    "their", the subject of the sentence's main verb (resolved by SPEAKER_RULES again; the
    speaker keeps this rule's name).

    Notes:
        Only an owner that resolves to an entity of the article; "his"/"her" documents and a
        document with no possessor ("the report said") are left to other rules.
    """
    subject = query.subject
    # The lemmatizer is not run: a plural is matched by its singular ("its figures" -> "figure").
    if subject.lower_ not in _OWNED_DOCUMENT_NOUNS and not (subject.tag_ == "NNS" and subject.lower_[:-1] in _OWNED_DOCUMENT_NOUNS):
        return None
    owner = _owner_of(subject)
    if owner is None or owner == subject:
        return None
    resolved = speakers.resolve_speaker(owner, query.context, query.quote_start, query.document_source)
    return replace(resolved, by=possessed_document.name) if resolved.entity is not None else None


_COURT_WORDS = words("court_words")
_COURT_DOCUMENTS = frozenset({"ruling", "judgment", "judgement", "verdict", "decision", "order", "sentence"})


@rule(Example("The Cycling Integrity Tribunal banned the rider for two years. A second sample was negative, according to the ruling.",
              "Cycling Integrity Tribunal"),
      Example("The rider appealed. A second sample was negative, according to the ruling.", None, "no court named"),
      Example("The High Court and the Court of Appeal heard the case. The costs were high, the ruling said.", None, "two courts"))
def ruling_of_the_court(query: SpeakerQuery) -> Speaker | None:
    """'according to the ruling', 'the judgment said': a court's document speaks for the one
    court or tribunal the article named before it (``court_words``).

    Notes:
        Only "the" + ruling, judgment, verdict, decision, order or sentence, and only when one
        court or tribunal is named before the quote.
    """
    subject = query.subject
    if subject.lower_ not in _COURT_DOCUMENTS or [c.lower_ for c in subject.children if c.dep_ == "det"] != ["the"]:
        return None
    courts = [e for e in query.entities if e.entity_type == "ORG" and set(e.canonical_name.casefold().split()) & _COURT_WORDS
              and any(m.char_end <= query.quote_start for m in e.mentions)]
    return Speaker(courts[0].canonical_name, courts[0], ruling_of_the_court.name) if len(courts) == 1 else None


_VOICE_NOUNS = words("voice_nouns")


@rule(Example("Mayor Elena Varga left for Rome on Monday. Varga's office said the trip was private.", "Elena Varga"),
      Example("Immigration Minister Elena Varga announced the cap on Monday.\n\nThe minister's office said the rules would apply from May.", "Elena Varga"),
      Example("Kestrel Mobile ASA cut 300 jobs. Kestrel's spokeswoman said the cuts were needed.", "Kestrel Mobile ASA"),
      Example("Inês Furtado leads the polls. Furtado's campaign said the ferries had failed the islands.", "Inês Furtado",
              "a candidate's campaign speaks for the candidate"),
      Example("Labour Minister Ana Costa met the unions. The prime minister's office said talks would resume. Prime Minister Luc Verhaegen "
              "has said the age will not be raised.", "Luc Verhaegen", "of two ministers, the one whose title has every word"))
def office_of_speaker(query: SpeakerQuery) -> Speaker | None:
    """'Varga's office said', 'the minister's spokeswoman said': an office or spokesperson
    speaks for its owner, a person or an organisation, named ("Varga's") or called by a
    title the article gave exactly one person ("the minister's").

    Notes:
        An owner that resolves to no person or organisation ("the family's spokesman") leaves
        the subject as written.
    """
    subject = query.subject
    if subject.lower_ not in _VOICE_NOUNS or subject.pos_ != "NOUN":
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is None:
        return None
    entity = entity_at(query.entities, owner.idx, owner.idx + len(owner))
    if entity is None and owner.pos_ == "NOUN" and any(c.lower_ == "the" for c in owner.children):
        # "the minister's": the one person the article gave that title.
        holders = [e for e in query.entities if e.entity_type == "PERSON" and any(owner.lower_ in role.casefold().split() for role in e.roles)]
        # "the prime minister's": of several ministers, the one whose title has every word.
        title = {c.lower_ for c in owner.children if c.dep_ in ("amod", "compound")} | {owner.lower_}
        exact = [e for e in holders if any(title <= set(role.casefold().split()) for role in e.roles)]
        holders = exact if len(holders) > 1 and len(exact) == 1 else holders
        entity = holders[0] if len(holders) == 1 else None
    if entity is None or entity.entity_type not in ("PERSON", "ORG"):
        return None
    return Speaker(entity.canonical_name, entity, office_of_speaker.name)


# People who speak for an organisation ("a spokeswoman", "the management"); documents
# ("the statement") are left to the rules that find their author.
_ORGANISATION_VOICES = words("organisation_voice_nouns")


def _voice_of_an_organisation(subject: Token) -> str | None:
    """The kind of organisation a subject speaks for: "" for "a spokeswoman", "the organisers",
    "the management" (any organisation); "orchestra" for "the orchestra's management" and "a
    spokesman for the orchestra"; None when the subject names no organisation's voice ("the
    agency" itself is left to the rules that match its kind)."""
    if subject.pos_ != "NOUN" or any(c.dep_ in ("conj", "relcl", "acl", "nummod", "appos") for c in subject.children):
        return None
    if subject.lower_ not in _ORGANISATION_VOICES:
        return None
    # Whose voice: "a spokesman for the museum", "the orchestra's management", "a school
    # spokesman", "a Clinton campaign spokesman"; any of them names the owner.
    owners = [c for c in subject.children if c.dep_ in ("poss", "compound", "amod", "npadvmod")]
    owners += [p for c in subject.children if c.dep_ == "prep" and c.lower_ in _FOR_PREPOSITIONS for p in c.children if p.dep_ == "pobj"]
    if not owners:
        return ""
    # "the orchestra's management": a possessor with "the" is the kind of the one meant, whatever its word.
    the_owner = len(owners) == 1 and owners[0].dep_ == "poss" and any(c.dep_ == "det" and c.lower_ == "the" for c in owners[0].children)
    if len(owners) == 1 and owners[0].pos_ == "NOUN" and owners[0].is_lower and (owners[0].lower_ in _NEARBY_NOUNS or the_owner):
        return owners[0].lower_
    return None


def _head_noun(name: str) -> str:
    """The common noun at the head of an organisation's name, lower-cased: "museum" for
    "Museum of Silesian Crafts", "orchestra" for "Northern Symphony Orchestra"."""
    words = name.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.casefold() if head.isalpha() and head[:1].isupper() else ""


def _references_by_head_noun(entities: Sequence[ArticleEntity], body: str, before: int) -> dict[int, int]:
    """How often the text before ``before`` calls each organisation by the head noun of its
    name ("the museum" for the Museum of Silesian Crafts), by ``id`` of the entity; a head
    noun that two organisations share refers to neither."""
    heads: dict[str, list[ArticleEntity]] = {}
    for entity in entities:
        if entity.entity_type == "ORG" and (head := _head_noun(entity.canonical_name)):
            heads.setdefault(head, []).append(entity)
    found = {}
    for head, owners in heads.items():
        if len(owners) == 1:
            found[id(owners[0])] = len(re.findall(r"\b[Tt]he " + re.escape(head) + r"\b", body[:before]))
    return found


@rule(Example("Nordlys Ferries cut two routes on Monday. Nordlys Ferries blamed fuel costs, and the Harbour Pilots' Union said it would strike. "
              "Nordlys Ferries will also sell a ship.\n\nThe management said no jobs would go.", "Nordlys Ferries"),
      Example("Valdora Air and Nordic Sky said on Monday they would merge. A spokesman said the deal would close in May.", None,
              "two organisations named as often: left as written"),
      Example("Residents of Harwick protested on Monday. Organisers said 2,000 people came.", None, "no organisation named before"),
      Example("Players of the Harwick Symphony Orchestra will strike on Saturday. The orchestra has cut its budget, and the orchestra "
              "cancelled two concerts.\n\nThe orchestra's management said it had no room for a rise.", "Harwick Symphony Orchestra"),
      Example("Part of the roof of the Hohenberg Museum gave way on Sunday. The museum had closed at 6 p.m. Staff saved most objects, "
              "and the museum will stay shut until spring.\n\nIt had 8,000 visitors last month, a spokeswoman said.", "Hohenberg Museum",
              "'the museum' twice counts as naming it"))
def organisation_the_story_is_about(query: SpeakerQuery) -> Speaker | None:
    """'a spokeswoman said', 'the organisers said', 'the orchestra's management said' when no
    earlier rule found which organisation: the one the story is about, named before the quote
    more often than any other organisation (and at least twice), counting "the museum" as a
    name of the one organisation whose name's head noun is "museum"; for a voice of a kind
    ("the orchestra's management"), of the organisations with that word in their name.

    Notes:
        A tie names nobody, and so does a story that names a person as often as the
        organisation; an organisation noun alone ("the agency", "the union") is left to
        the rules that match its kind; the dateline's news agency is not counted; people and
        groups ("residents", "experts") are not organisations and stay as written.
    """
    subject = query.subject
    kind = _voice_of_an_organisation(subject)
    if kind is None:
        return None
    body = query.body
    # A one-word "organisation" that is a surname of the article's people is a person the
    # entity tagger mistyped ("Ostrowski" beside "Jan Ostrowski").
    surnames = {e.canonical_name.split()[-1].casefold() for e in query.entities if e.entity_type == "PERSON"}
    references = _references_by_head_noun(query.entities, body, query.quote_start)
    counts = []
    for entity in query.entities:
        if entity.entity_type != "ORG" or any(m.repaired_by == "dateline" for m in entity.mentions) or entity.canonical_name.casefold() in surnames:
            continue
        if kind and kind[:6] not in entity.canonical_name.casefold():
            continue  # "the orchestra's management" speaks for an orchestra
        before = sum(1 for m in entity.mentions if m.char_end <= query.quote_start)
        if before or speakers.named_before(entity, body, query.quote_start):
            counts.append((len(entity.mentions) + references.get(id(entity), 0), before, entity))
    counts.sort(key=lambda c: (c[0], c[1]), reverse=True)
    if not counts or counts[0][0] < 2 or len(counts) > 1 and counts[0][0] <= counts[1][0]:
        return None
    # A story about people ("the spokesman" of a prime minister the article names more often)
    # is not about the organisation.
    if any(e.entity_type == "PERSON" and len(e.mentions) >= counts[0][0] for e in query.entities):
        return None
    return Speaker(counts[0][2].canonical_name, counts[0][2], organisation_the_story_is_about.name)
