"""Who speaks: the entity behind a cue's subject (names, pronouns, titles, roles, organisation
nouns, documents); the subject itself is found by ``transforms.quotes.cues``.

``resolve_speaker`` applies SPEAKER_RULES in order: the first rule that answers names the
speaker (or decides that nobody can be named), and its name goes into ``quotes.speaker_by``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from transforms.entities.descriptions import ORGANISATION_HEADS
from transforms.entities.extraction import ArticleEntity
from transforms.lexicon import COMPANY_DESCRIPTORS, DOCUMENT_NOUNS, NON_COMPANY_WORDS, ORG_NOUNS, REPORTING_VERB_FORMS, TITLE_WORDS
from transforms.lexicons import words
from transforms.rules import Example, Rule, first_match, rule
from transforms.quotes.cues import _path_to

if TYPE_CHECKING:
    from transforms.context import ArticleContext

# The article's entities, as ArticleContext holds them (a tuple) or as a list.
Entities = Sequence[ArticleEntity]



_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MALE_FEMALE_PRONOUNS = words("gendered_pronouns")
# Vague sources are kept as written ("some say", "all agreed"), like "experts say".
_INDEFINITE_PRONOUNS = words("vague_source_pronouns")


# --- speakers ------------------------------------------------------------------------------

def entity_at(entities: Entities, start: int, end: int) -> ArticleEntity | None:
    for entity in entities:
        for mention in entity.mentions:
            if mention.char_start < end and start < mention.char_end:
                return entity
    return None


def _nearest(
    entities: Entities,
    offset: int,
    types: tuple[str, ...],
    head_word: str | None = None,
    after_too: bool = False,
    skip: tuple[tuple[int, int], ...] = (),
) -> ArticleEntity | None:
    """The entity of those types mentioned last before offset (or, failing that, first after),
    leaving out mentions inside the ``skip`` spans."""
    before: tuple[int, ArticleEntity] | None = None
    after: tuple[int, ArticleEntity] | None = None
    for entity in entities:
        if entity.entity_type not in types:
            continue
        # A 6-letter stem tolerates typos and inflections ("Ministr", "Ministry's").
        if head_word and not any(head_word[:6].casefold() in m.text.casefold() for m in entity.mentions):
            continue
        for mention in entity.mentions:
            if any(a <= mention.char_start < b for a, b in skip):
                continue
            if mention.char_end <= offset:
                if before is None or mention.char_start > before[0]:
                    before = (mention.char_start, entity)
            elif after_too and (after is None or mention.char_start < after[0]):
                after = (mention.char_start, entity)
    chosen = before or after
    return None if chosen is None else chosen[1]


def find_document_source(context: ArticleContext) -> ArticleEntity | None:
    """The organisation behind the article's statements: "a statement issued by the Ministry",
    "the Ministry statement". None when no document noun names its author."""
    entities = context.entities
    for token in context.tokens:
        if token.lower_ not in DOCUMENT_NOUNS:
            continue
        for child in token.subtree:
            if child == token or child.pos_ not in ("PROPN", "NOUN"):
                continue
            if child.dep_ in ("compound", "pobj") and child.head.dep_ in ("agent", "prep", "compound", "nsubj", "nsubjpass") or child.head == token:
                named = entity_at(entities, child.idx, child.idx + len(child))
                if named is None and child.lower_[:6] in {w[:6] for w in ORG_NOUNS}:
                    named = _nearest(entities, child.idx, ("ORG",), head_word=child.lower_, after_too=True)
                if named is not None and named.entity_type == "ORG":
                    return named
    return None


@dataclass(frozen=True)
class Speaker:
    """Who speaks: a name (None when nobody can be named), its entity if any, and ``by``, the name
    of the rule that decided it (a SPEAKER_RULES entry, or the quote rule that names its speaker
    itself); ``by`` is also set when a rule decided that nobody can be named."""

    name: str | None
    entity: ArticleEntity | None
    by: str | None = None


class SpeakerQuery:
    """What the speaker rules read: the cue's subject, where the quote starts, the article.

    The subject's phrase and the entity it names are computed on first use, once per query.
    """

    def __init__(self, subject: Token, context: ArticleContext, quote_start: int, document_source: ArticleEntity | None) -> None:
        self.subject = subject
        self.context = context
        self.entities = context.entities
        self.quote_start = quote_start
        self.document_source = document_source
        self.body = context.text

    @cached_property
    def phrase_span(self) -> tuple[int, int]:
        """(start, end) of the subject's own words, not its clauses or appositions ("Trump,
        speaking to a group in Virginia," is Trump, not Virginia), never across a paragraph
        nor into a quote the parser hung on it ('“...?” the 43-year-old asked')."""
        subject, body = self.subject, self.body
        para_start = body.rfind("\n", 0, subject.idx) + 1
        para_end = body.find("\n", subject.idx) % (len(body) + 1)
        quoted = [(a, b) for a, b in self.context.quoted_ranges if not a <= subject.idx < b]
        phrase = [
            t
            for t in subject.subtree
            if (t.dep_ != "punct" or t == subject)
            and not any(a.dep_ in ("relcl", "acl", "appos", "advcl") for a in _path_to(t, subject))
            and para_start <= t.idx < para_end
            and not any(a <= t.idx < b for a, b in quoted)
        ]
        first = min(phrase, key=lambda t: t.i)
        if first.i > 0 and first.nbor(-1).dep_ == "det" and first.nbor(-1).head == subject.head != subject:
            first = first.nbor(-1)  # '“...,” the 52-year-old said': the parser hung "the" on the verb
        return first.idx, max(t.idx + len(t) for t in phrase)

    @cached_property
    def named(self) -> ArticleEntity | None:
        """The entity the subject names ("Rendell, a Clinton surrogate" -> Rendell), if any."""
        subject = self.subject
        named = entity_at(self.entities, subject.idx, subject.idx + len(subject))
        if named is None and subject.pos_ == "PROPN":
            named = entity_at(self.entities, *self.phrase_span)
        return named


def reported_clause_subject(subject: Token, quote_start: int) -> Token | None:
    """The subject of the words reported before a postposed attribution ("The hospital has not
    paid, a spokesman said": "hospital"), or None when the attribution comes first.

    By the parse (the cue's clause before its subject), else the first subject from where the
    reported words start up to the cue's subject that hangs on another verb than the cue.
    """
    clause = next((c for c in subject.head.children if c.dep_ == "ccomp" and c.i < subject.i), None)
    found = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None) if clause is not None else None
    if found is not None or quote_start >= subject.idx:
        return found
    return next((t for t in subject.doc[subject.sent.start : subject.i] if t.idx >= quote_start and t.dep_ in _SUBJECT_DEPS and t.head != subject.head), None)


def _named(entity: ArticleEntity, by: str) -> Speaker:
    return Speaker(entity.canonical_name, entity, by)


@rule(Example("The Latest on the harbour vote:\n\n5:45 p.m.\n\nDana Whitfield says the harbour fees will double next year.", None,
              "must not fire: the parser's time-stamp subject is passed over by subject_of"))
def subject_in_another_paragraph(query: SpeakerQuery) -> Speaker | None:
    """A subject in another paragraph than its verb: a misparse, so nobody is named.

    Notes:
        AP "The Latest" time stamps ("5:45 p.m.") are hung on the next paragraph's verb.
    """
    subject = query.subject
    if "\n" in query.body[min(subject.idx, subject.head.idx) : max(subject.idx, subject.head.idx)]:
        return Speaker(None, None, subject_in_another_paragraph.name)
    return None


@rule(Example(
    "Prince Harold lost his High Court attempt on Tuesday to overturn a decision to downgrade his police protection when visiting Britain, "
    "a judge in London ruled. Justice Peter Lane said the committee had acted lawfully.", "Peter Lane"))
def place_with_titled_apposition(query: SpeakerQuery) -> Speaker | None:
    """'..., when visiting Britain, a judge in London ruled': the parser made the place the
    subject and the titled person its apposition; the apposition is resolved instead (by
    SPEAKER_RULES again; the speaker keeps this rule's name).

    Notes:
        Only an apposition headed by a title word ("judge", "minister") counts.
    """
    named = query.named
    if named is None or named.entity_type not in ("GPE", "LOC"):
        return None
    titled = next((c for c in query.subject.children if c.dep_ == "appos" and c.lower_ in TITLE_WORDS), None)
    if titled is None:
        return None
    resolved = resolve_speaker(titled, query.context, query.quote_start, query.document_source)
    return replace(resolved, by=place_with_titled_apposition.name)


@rule(Example("To understand the old harbour, Chief Engineer Priya Raman said, one should walk the sea wall.", "Priya Raman"),
      Example("Tomasz Wrona, Mayor Elena Varga's deputy, said the ferry would run.", None,
              "must not fire: an apposition closed by a comma describes the subject"))
def person_in_apposition_before_verb(query: SpeakerQuery) -> Speaker | None:
    """'To understand the real Dred Scott, Chief Justice Roberts said, ...': the parser made
    the fronted phrase's noun the subject and the person right before the verb its
    apposition; the person speaks.

    Notes:
        Only a person's name as the apposition's own words, right before the verb with nothing
        but spaces between; "Wrona, Mayor Varga's deputy, said" (closed by a comma) is Wrona.
    """
    subject, body = query.subject, query.body
    verb = subject.head
    if verb.i <= subject.i:
        return None
    for child in subject.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i >= verb.i:
            continue
        named = entity_at(query.entities, child.idx, child.idx + len(child))
        if named is None or named.entity_type != "PERSON" or named is query.named:
            continue
        if body[child.idx + len(child) : verb.idx].strip() == "" and any(c.dep_ in ("compound", "flat") for c in child.children):
            return _named(named, person_in_apposition_before_verb.name)
    return None


_OWN_TITLE = re.compile(r",[ \u00a0]+(?:(?:the|a|an)[ \u00a0]+)?(?P<first>[a-z-]+)(?:[ \u00a0]+(?P<second>[a-z-]+))?\b")


@rule(Example("Rachel Ellery, director of the advocacy group Buckle Up Families and no relation to the chief, said latches were weak.",
              "Rachel Ellery"),
      Example("Buckle Up Families, a group that Rachel Ellery founded, said latches were weak.", None, "the organisation opens the sentence"))
def person_before_own_title(query: SpeakerQuery) -> Speaker | None:
    """'Rachel Ellery, director of the group Buckle Up Families and ..., said': a person who opens
    the sentence, set off with a title ("director of", "a spokesman for"), is who speaks when
    the parser made a name inside that title the subject.

    Notes:
        Only a subject that names no person, between the opening person and the verb; the
        title word (``TITLE_WORDS``) must come within two words after the comma, and a comma
        must close the aside right before the verb.
    """
    subject, body = query.subject, query.body
    named = query.named
    verb = subject.head
    if named is None or named.entity_type == "PERSON" or verb.i <= subject.i:
        return None
    if not body[subject.idx : verb.idx].rstrip().endswith(","):
        return None
    sentence_start = subject.sent.start_char
    for entity in query.entities:
        if entity.entity_type != "PERSON":
            continue
        for mention in entity.mentions:
            if mention.char_start != sentence_start or mention.char_end >= subject.idx:
                continue
            title = _OWN_TITLE.match(body, mention.char_end)
            if title is not None and ({title["first"], title["second"]} & TITLE_WORDS):
                return _named(entity, person_before_own_title.name)
    return None


@rule(Example("Samuel Okafor said crews had replaced 300 metres of track.", "Samuel Okafor"),
      Example("Acts of protest, Samuel Okafor said, are acts of patriotism.", "Samuel Okafor"))
def named_subject(query: SpeakerQuery) -> Speaker | None:
    """A subject that is (or, for a proper noun, whose phrase holds) a name of the article.

    Notes:
        "The Varga campaign" is not Elena Varga: a name that only modifies the head noun of a
        common-noun subject is not looked up.
    """
    return _named(query.named, named_subject.name) if query.named is not None else None


@rule(Example("The harbour union met on Friday. Its regional leader, Tomasz Wrona, said the strike would go ahead.", "Tomasz Wrona"),
      Example("Valdora Shipping agreed a deal. Valdora vice-president Karen O’Neill said the deal would close in May.", "Karen O’Neill"),
      Example("Sales of the novel have tripled, according to its publisher, Ferrier & Wade, which will order a reprint.", "Ferrier & Wade"),
      Example("The maker of Amoxiped, Bucharest-based Farmacor SA, said it expected to resume deliveries by mid-February.", "Farmacor SA"),
      Example("The owner of Nordhavn Trader, the Copenhagen-based Holm & Vestergaard Shipping, formerly Vestergaard Line, said its crew had obeyed.",
              "Holm & Vestergaard Shipping"))
def name_after_role(query: SpeakerQuery) -> Speaker | None:
    """A role subject with the person's name beside it ("Its regional leader, Tomasz Wrona,
    said", "according to its publisher, Ferrier & Wade,", and for an organisation noun the
    organisation set off beside it: "The maker of Amoxiped, Farmacor SA,"); see ``_name_after_role``.

    Notes:
        A plural subject ("two councillors, A and B,") and a name inside the subject's
        prepositional phrase ("people close to Varga") are not resolved.
    """
    if query.named is not None:
        return None
    found = _name_after_role(query.subject, query.entities, query.body)
    return _named(found, name_after_role.name) if found is not None else None


@rule(Example("Shares of Valdora Motors rose after the carmaker said it would cut costs at its main plant.", "Valdora Motors"),
      Example("The European Commission fined the streaming company Tonfall AB 310 million euros on Tuesday. "
              "In a blog post, the company said the decision ignored how the market works.", "Tonfall AB"),
      Example("LIMA (Andes Wire) - Water flooded a copper mine owned by Valdora Mining, the company said on Tuesday.", None,
              "the dateline's news agency is no organisation of the story"),
      Example("Shares in Kaamos Games fell on Thursday after a delay to its new title. Kaamos Games blamed testing. Analysts at "
              "Borg Research cut their rating, and Norrsken Studios moved its own launch. Kaamos Games hopes to recover.\n\n"
              "The company said it would give a firm date in the coming weeks.", "Kaamos Games", "the organisation named most"),
      Example("Shares of Nordvik Software fell on Thursday.\n\nThe Helsinki-based studio said the game would be out in March.", "Nordvik Software"),
      Example("A chemical maker was fined on Tuesday after a spill at a plant run by Hollis Chemical Inc, according to the advocacy "
              "group Tamarack Watch. Inspectors visited the plant twice. The company said it had replaced every valve.", "Hollis Chemical Inc",
              "an organisation introduced as an advocacy group is no company"),
      Example("Nordvik Software will stop printing catalogues.\n\nThe company, which will also close 40 shops, said prices would rise.", "Nordvik Software"),
      Example("HELSINKI (Wire) - Kirjeposti, Finland's state-owned postal company, will cut deliveries. The Finnish Post Workers' Union "
              "(PLU) said the plan was wrong.\n\nThe company said it would publish new maps in May.", "Kirjeposti",
              "a union is no company"),
      Example("The Luxembourg Banking Authority fined Banque Mosellane SA on Thursday. In a separate statement, the bank said it would appeal.",
              "Banque Mosellane SA", "a regulator is no company"),
      Example("Harwick Foods Ltd closed its store in Leeds. On its Facebook page, the company said the store would reopen in May.",
              "Harwick Foods Ltd", "a platform the words were posted on is no organisation of the story"),
      Example("A trawler sank on Friday, the Northern Isles Watch said. Its owner, Vestkyst Shipping AS, said the crew were safe. "
              "“We are cooperating fully,” the Bergen company said.", None,
              "the lead's source is not what the lead is about: of two, neither (organisation_by_kind then names the company)"))
def the_one_company(query: SpeakerQuery) -> Speaker | None:
    """'the carmaker said', 'the Helsinki-based studio said': the organisation the story is
    about (``the_one_company_of``; no ministry or court).

    Notes:
        With two organisations named before, a plain "the company" is left as written; a
        clause set off by a comma ("The company, which ..., said") describes the one named
        before, a clause without one ("the company that ...") a new one.
    """
    found = the_one_company_of(query.subject, query.entities, query.quote_start, query.context.text)
    return _named(found, the_one_company.name) if found is not None else None


@rule(Example("Priya Raman chairs the board.\n\n“Nobody expected a landslide,” she said.", "Priya Raman"),
      Example("Lena Ortiz, who beat the record set by Maria Duarte in 2019, was in tears.\n\nShe said she had not expected to win.", "Lena Ortiz"),
      Example("“We want the plan withdrawn before the vote,” they said.", None, "they: nobody is named"))
def personal_pronoun(query: SpeakerQuery) -> Speaker | None:
    """'he'/'she': the person mentioned last before the quote, leaving out names inside quotes
    (a person named inside a quote is who was talked about, not who talks next); of the people
    of that sentence, the one who is its main clause's subject (``salient_person``).

    Notes:
        "They" and "it" stay unattributed (their antecedent is too often a group or a thing);
        vague pronouns ("some", "all") are left to ``subject_as_written``.
    """
    subject = query.subject
    lower = subject.lower_
    if subject.pos_ != "PRON" or lower in _INDEFINITE_PRONOUNS or lower == "it":
        return None  # "it" is left to organisation_by_kind
    if lower in _MALE_FEMALE_PRONOUNS:
        person = _nearest(query.entities, query.quote_start, ("PERSON",), skip=query.context.quoted_ranges)
        if person is not None:
            return _named(salient_person(query, person), personal_pronoun.name)
    return Speaker(None, None, personal_pronoun.name)


@rule(Example("The Transport Ministry opened the line. The ministry said the line would be inspected monthly.", "Transport Ministry"))
def organisation_noun(query: SpeakerQuery) -> Speaker | None:
    """'the Ministry said': the organisation named with that word before the quote (or in the
    same sentence after it), else the story's one company for "company", "firm", "group".

    Notes:
        An organisation named only after the quote's sentence (the next story's agency) is not it.
    """
    subject, quote_start, entities = query.subject, query.quote_start, query.entities
    lower = subject.lower_
    if lower not in ORG_NOUNS:
        return None
    org = _nearest(entities, quote_start, ("ORG",), head_word=lower) or the_one_company_of(subject, entities, quote_start, query.context.text, kinds=_COMPANY_KINDS)
    org = org or _nearest(entities, quote_start, ("ORG",), head_word=lower, after_too=True)
    if org is not None and (any(m.char_end <= quote_start for m in org.mentions) or any(subject.sent.start_char <= m.char_start < subject.sent.end_char for m in org.mentions)):
        return _named(org, organisation_noun.name)
    return None


@rule(Example(
    "A statement issued by the Transport Ministry praised the crews.\n\n“Safety comes first in every decision we take,” said the official statement.",
    "Transport Ministry"),
      Example("Managers removed patients from waiting lists. The review, carried out by the accountancy firm Calder Grant LLP for the trust, "
              "said patients were taken off lists without being told.", "Calder Grant LLP", "a document by its author"))
def document_noun(query: SpeakerQuery) -> Speaker | None:
    """'the statement said': the organisation the article names as the document's author
    (``find_document_source``).

    Notes:
        A document with no named author ("The report says") stays as written.
    """
    if query.subject.lower_ in DOCUMENT_NOUNS and query.document_source is not None:
        return _named(query.document_source, document_noun.name)
    return None


@rule(Example("Mayor Elena Varga spoke on Monday. The Varga campaign said the polls were wrong.", "The Varga campaign"),
      Example("The harbour fees will double, but some say the port can absorb the cost.", "some"))
def subject_as_written(query: SpeakerQuery) -> Speaker | None:
    """Any other subject: its own words, with no entity ("The Varga campaign", "experts").

    Notes:
        Always answers: the last rule of SPEAKER_RULES.
    """
    start, end = query.phrase_span
    return Speaker(query.body[start:end], None, subject_as_written.name)


# Rules defined in their own module; imported here, after what they use of this one.
from transforms.quotes.nominal_speakers import (  # noqa: E402
    both_organisations,
    document_named_before,
    name_set_off_after_role,
    named_spokesperson,
    officials_of_kind,
    organisation_by_kind,
    organisation_sign,
    participle_of_the_main_clause,
    participle_of_the_sentence,
    person_in_apposition,
    role_in_apposition,
    spokesperson_for,
)
from transforms.quotes.described_speakers import (  # noqa: E402
    agent_of_the_words,
    author_in_relative_clause,
    described_organisation,
    its_spokesperson,
    named_organisation_spokesperson,
    spokesperson_of_kind,
)
from transforms.quotes.titled_speakers import age_nominal, demonym_nominal, named_in_next_sentence, person_named_after_description, person_named_in_own_clause, role_named_next, titled_person  # noqa: E402
from transforms.quotes.pronoun_speakers import (  # noqa: E402
    described_person_before,
    gendered_pronoun,
    person_before_relative_clause,
    pronoun_after_unknown_name,
    pronoun_possessor,
    subject_before_pronoun,
    salient_person,
    who_after_title,
)
from transforms.quotes.organisation_speakers import (  # noqa: E402
    body_of_organisation,
    company_by_legal_form,
    group_named_beside,
    it_after_organisation_noun,
    office_of_speaker,
    same_noun_as_earlier_speaker,
    only_organisation_nearby,
    organisation_named_next,
    organisation_the_story_is_about,
    organisations_in_apposition,
    possessed_document,
    ruling_of_the_court,
    same_spokesperson_as_before,
    spokesperson_of_the_subject_before,
)
from transforms.quotes.resolved_nominals import nominal_by_evidence  # noqa: E402

# The order is the priority: the first rule that answers names the speaker (or decides nobody can be named).
SPEAKER_RULES: tuple[Rule, ...] = (
    subject_in_another_paragraph,
    place_with_titled_apposition,
    person_in_apposition_before_verb,
    agent_of_the_words,
    author_in_relative_clause,
    participle_of_the_main_clause,
    participle_of_the_sentence,
    named_spokesperson,
    spokesperson_for,
    spokesperson_of_kind,
    officials_of_kind,
    named_organisation_spokesperson,
    spokesperson_of_the_subject_before,
    same_spokesperson_as_before,
    person_in_apposition,
    person_named_in_own_clause,
    who_after_title,
    person_before_own_title,
    demonym_nominal,
    named_subject,
    name_after_role,
    name_set_off_after_role,
    titled_person,
    age_nominal,
    role_in_apposition,
    named_in_next_sentence,
    role_named_next,
    person_named_after_description,
    the_one_company,
    pronoun_possessor,
    person_before_relative_clause,
    pronoun_after_unknown_name,
    subject_before_pronoun,
    described_person_before,
    gendered_pronoun,
    personal_pronoun,
    body_of_organisation,
    office_of_speaker,
    its_spokesperson,
    organisation_noun,
    document_named_before,
    document_noun,
    ruling_of_the_court,
    possessed_document,
    it_after_organisation_noun,
    same_noun_as_earlier_speaker,
    organisation_by_kind,
    company_by_legal_form,
    described_organisation,
    both_organisations,
    organisations_in_apposition,
    group_named_beside,
    organisation_sign,
    organisation_named_next,
    only_organisation_nearby,
    organisation_the_story_is_about,
    nominal_by_evidence,
    subject_as_written,
)


def resolve_speaker(subject: Token | None, context: ArticleContext, quote_start: int, document_source: ArticleEntity | None) -> Speaker:
    """Name the speaker behind a cue's subject: the first of SPEAKER_RULES that answers.

    Named subjects map to their entity; "he"/"she" to the nearest person mentioned before the
    quote; "the Ministry" to the organisation named with that word; documents ("the official
    statement") to the article's document source (see find_document_source). Anything else
    keeps the subject's words with no entity.
    """
    if subject is None:
        return Speaker(None, None)
    _, speaker = first_match(SPEAKER_RULES, SpeakerQuery(subject, context, quote_start, document_source))
    return speaker


_BETWEEN_NAME_AND_VERB = re.compile(r"[\s,]*")
# "The owner of Nordhavn Trader, Holm & Vestergaard Shipping, said": a person's or a company's noun.
_EITHER_NOUNS = words("resolver_either_nouns")
_COMPANY_KINDS = words("company_kind_nouns")


def the_one_company_of(subject: Token, entities: Entities, quote_start: int, body: str, kinds: frozenset[str] = frozenset()) -> ArticleEntity | None:
    """"the carmaker said", "the airline group said", "the California-based company said":
    the organisation the story is about: the only one named before the quote or, for a
    descriptor noun ("drugmaker"), the one that is the subject of the lead.

    Notes:
        With two organisations named before, "the company" is the one the lead is about, else
        the one named far more often than the others (``_most_named``), else left as written:
        the nearest one is as often the wrong one. The dateline's news agency ("LIMA (Andes Wire) -") is
        not one of the story's organisations, and neither is a ministry, court, regulator,
        union or association (``government_body_words``, ``non_company_kind_nouns``): "the
        bank" after "the Luxembourg Banking Authority fined Banque Mosellane" is the bank; nor
        a platform named only as where words were posted ("on its Facebook page").
    """
    if not any(c.lower_ == "the" for c in subject.children) or any(c.dep_ in ("conj", "prep") for c in subject.children):
        return None  # "the company and X" is a group
    if any(c.dep_ in ("relcl", "acl") for c in subject.children) and not _set_off_by_comma(subject):
        return None  # "the company that designs her clothes" is a new one; "The company, which sells furniture," is not
    words = {subject.lower_} | {c.lower_ for c in subject.children if c.dep_ == "compound"}
    if any(c.dep_ == "amod" and (c.lower_.endswith("-based") or c.lower_ == "based" and c.nbor(-1).text == "-") for c in subject.children) and subject.pos_ == "NOUN":
        words |= {"company"}  # "the Helsinki-based studio": "X-based" describes a company, whatever its noun
    if not (words & COMPANY_DESCRIPTORS or subject.lower_ in kinds):
        return None
    # A company is no ministry, court or commission, and no news agency of the dateline.
    before = [
        e for e in entities
        if e.entity_type == "ORG" and named_before(e, body, quote_start) and not any(m.repaired_by == "dateline" for m in e.mentions)
        and not NON_COMPANY_WORDS & set(e.canonical_name.casefold().replace("'", " ").split()) and not only_a_platform(e, body)
        and not introduced_as_no_company(e, body)
    ]
    if len(before) > 1 and words & COMPANY_DESCRIPTORS:
        # Of several, the one the lead is about ("Novo Nordisk raised its forecast... The
        # Danish drugmaker said"); a plain "the company" among several stays as written.
        lead_end = next(iter(subject.doc.sents)).end_char
        # The lead's source ("..., the coastguard said") is who reports the story, not what it is about.
        in_lead = [e for e in before if any(_is_subject_at(subject.doc, m.char_start, m.char_end, of_cue=False) for m in e.mentions if m.char_end <= lead_end)]
        # Else the one the article names most, if it is named more than twice as often as any other.
        before = in_lead or _most_named(before)
    return before[0] if len(before) == 1 else None


# "the campaign group Barroso Vivo", "the daily Novi Glas": a lower-case noun of an organisation that is no business.
_NO_COMPANY_DESCRIPTORS = words("org_descriptors") - COMPANY_DESCRIPTORS
_WORD_BEFORE = re.compile(r"([a-z-]+)\s+$")


def introduced_as_no_company(entity: ArticleEntity, body: str) -> bool:
    """Whether the article first names the organisation after a descriptor that is no
    business's ("the campaign group Barroso Vivo"): "the company" is never it."""
    first = min(entity.mentions, key=lambda m: m.char_start)
    before = _WORD_BEFORE.search(body, max(0, first.char_start - 30), first.char_start)
    return before is not None and before[1] in _NO_COMPANY_DESCRIPTORS


_PLATFORMS = words("posting_platforms")
# "on its Facebook page", "posted on X": right before a platform named as a medium.
_ON_BEFORE = re.compile(r"\bon\s+(?:(?:its|his|her|their|the|a)\s+)?(?:official\s+)?$", re.IGNORECASE)


def only_a_platform(entity: ArticleEntity, body: str) -> bool:
    """Whether the article names ``entity`` only as a platform words were posted on ("said on
    its Facebook page", ``posting_platforms``), never as an organisation of the story."""
    return entity.canonical_name.casefold() in _PLATFORMS and all(_ON_BEFORE.search(body[max(m.char_start - 30, 0) : m.char_start]) for m in entity.mentions)


def _set_off_by_comma(noun: Token) -> bool:
    """Whether a comma follows the noun right away: its clause is non-restrictive ("The
    company, which will also close 40 offices, said"), so it names no new one."""
    return noun.i + 1 < len(noun.doc) and noun.nbor(1).text == ","


def _most_named(organisations: list[ArticleEntity]) -> list[ArticleEntity]:
    """The organisation the story is about by how often it is named: [it] when it has three
    mentions or more and at least twice as many as any other, else []."""
    counts = sorted(((len(e.mentions), i) for i, e in enumerate(organisations)), reverse=True)
    if not counts or counts[0][0] < 3 or len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return []
    return [organisations[counts[0][1]]]


def named_before(entity: ArticleEntity, body: str, offset: int) -> bool:
    """Whether the article names ``entity`` before ``offset``: a mention there, or one of its
    mentions' words written there where the entity tagger missed it ("Crypto exchange VaultEx
    froze withdrawals... the company said", with only later "VaultEx" tagged).

    Notes:
        Only whole capitalised names of three letters or more are looked for in the text; an
        entity known only by a lower-case or shorter form needs a mention before ``offset``.
    """
    if any(m.char_end <= offset for m in entity.mentions):
        return True
    names = {m.text for m in entity.mentions if len(m.text) >= 3 and m.text[:1].isupper()}
    return any(re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", body[:offset]) for name in names)


def _is_subject_at(doc: Doc, start: int, end: int, of_cue: bool = True) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _SUBJECT_DEPS and (of_cue or span.root.head.lower_ not in REPORTING_VERB_FORMS)


def _name_after_role(subject: Token, entities: Entities, body: str) -> ArticleEntity | None:
    """The person a role subject introduces: "Its regional leader, Thorsten Groeger, said",
    "Their coach, Tomás Ferrer, admitted", and the misparsed "Microsoft vice-president Karen
    O'Neill said" (the parser takes "-" for the subject): a person named between the subject
    and its verb, right before the verb or in apposition to the subject.

    Notes:
        A plural subject ("three scholars, Tribe, Epstein and Amar, said") is a group, and a
        name inside the subject's prepositional phrase ("people close to Clinton said", "an
        adviser to President Obama said") is someone else: neither is resolved; nor is a name
        in brackets ("(D-Newport News)", a party and place).
    """
    if subject.tag_ in ("NNS", "NNPS"):
        return None
    for child in subject.children:
        if child.dep_ != "appos":
            continue
        if body.rfind("(", subject.idx, child.idx) > body.rfind(")", subject.idx, child.idx):
            continue  # "(D-Newport News)": a party and place in brackets is an aside, not the name
        named = entity_at(entities, child.idx, child.idx + len(child))
        # "its publisher, Ferrier & Wade,": a conjunct inside the same name is no second one.
        if any(c.dep_ == "conj" and entity_at(entities, c.idx, c.idx + len(c)) is not named for c in child.children):
            continue
        if named is not None and named.entity_type in ("PERSON", "ORG"):
            return named
    opening = _name_opening_the_sentence(subject, entities, body)
    if opening is not None:
        return opening
    verb = subject.head
    if verb.i <= subject.i or verb.i - subject.i > 20:
        return None
    # "The maker of Amoxiped, Bucharest-based Farmacor SA, said": an organisation noun's name is an organisation.
    types = ("PERSON", "ORG") if subject.lower_ in ORGANISATION_HEADS | _EITHER_NOUNS else ("PERSON",)
    for entity in entities:
        if entity.entity_type not in types:
            continue
        for mention in entity.mentions:
            if body.rfind("(", subject.idx, mention.char_start) > body.rfind(")", subject.idx, mention.char_start):
                continue
            if subject.idx < mention.char_end <= verb.idx and _BETWEEN_NAME_AND_VERB.fullmatch(_without_other_names(body, entity, mention.char_end, verb.idx)):
                span = subject.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
                if span is None:
                    continue
                # "The prosecutor of the court, Karim Khan, said": set off by commas right before
                # the verb, an apposition names the subject even if the parser hangs it lower.
                opening = min(span.start_char, span.root.left_edge.idx)
                set_off = span.root.dep_ == "appos" and body[opening - 2 : opening] == ", " and body[mention.char_end : verb.idx].startswith(",")
                # "A spokesman for the authority, Per Lunde, said": a person between commas right
                # before the verb, however the parser hung the name.
                set_off = set_off or entity.entity_type == "PERSON" and body[mention.char_start - 2 : mention.char_start] == ", " and body[mention.char_end : verb.idx].strip() == ","
                if entity.entity_type == "ORG" and not set_off:
                    continue
                if set_off or not any(a.dep_ in ("prep", "conj", "acl", "relcl") for a in _path_to(span.root, subject)):
                    return entity
    return None


# ", formerly Vestergaard Line,": another name of the same entity set between its name and the verb.
_OTHER_NAME_WORDS = re.compile(r"\b(?:formerly|previously|once|now|also known as|known as)\b")


def _without_other_names(body: str, entity: ArticleEntity, start: int, end: int) -> str:
    """The text between a name and its verb, less the entity's other names set off there
    ("Holm & Vestergaard Shipping, formerly Vestergaard Line, said")."""
    between = body[start:end]
    for other in sorted(entity.mentions, key=lambda m: -m.char_start):
        if start <= other.char_start and other.char_end <= end:
            between = between[: other.char_start - start] + between[other.char_end - start :]
    return _OTHER_NAME_WORDS.sub("", between) if len(between) < end - start else between


def _name_opening_the_sentence(subject: Token, entities: Entities, body: str) -> ArticleEntity | None:
    """"Han Dong-hoon, the leader of the party, also opposed": the person who opens the
    sentence, set off by a comma right before the role subject (the parser may lose the name).
    Only at the start of the sentence: in "Asked about Trump, the senator said" the name
    before the comma is someone else."""
    if subject.pos_ != "NOUN" or subject.left_edge.dep_ not in ("det", "poss"):
        return None  # "Loyalty, he noted, ...": a pronoun subject is no role
    left = subject.left_edge.idx
    sentence_start = subject.sent.start_char
    for entity in entities:
        if entity.entity_type == "PERSON" and any(m.char_start == sentence_start and body[m.char_end : left].strip() == "," for m in entity.mentions):
            return entity
    return None
