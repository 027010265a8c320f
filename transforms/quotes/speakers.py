"""Who speaks: the subject of a cue (climbing relative clauses, participles and joined verbs)
and the entity behind it (names, pronouns, titles, roles, organisation nouns, documents)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from transforms.doc_text import doc_text, doc_tokens
from transforms.entities.extraction import ArticleEntity
from transforms.lexicon import ATTITUDE_VERB_FORMS, COMPANY_DESCRIPTORS, DOCUMENT_NOUNS, ORG_NOUNS, REPORTING_VERB_FORMS, TITLE_WORDS
from transforms.quotes.marks import quote_spans_of


_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MALE_FEMALE_PRONOUNS = frozenset({"he", "she", "him", "her"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Vague sources are kept as written ("some say", "all agreed"), like "experts say".
_INDEFINITE_PRONOUNS = frozenset("all some many several few others everyone everybody someone somebody each both most".split())


# --- speakers ------------------------------------------------------------------------------

def entity_at(entities: list[ArticleEntity], start: int, end: int) -> ArticleEntity | None:
    for entity in entities:
        for mention in entity.mentions:
            if mention.char_start < end and start < mention.char_end:
                return entity
    return None


def _nearest(
    entities: list[ArticleEntity],
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


def find_document_source(doc: Doc, entities: list[ArticleEntity]) -> ArticleEntity | None:
    """The organisation behind the article's statements: "a statement issued by the Ministry",
    "the Ministry statement". None when no document noun names its author."""
    for token in doc_tokens(doc):
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
    name: str | None
    entity: ArticleEntity | None


def resolve_speaker(subject: Token | None, entities: list[ArticleEntity], quote_start: int, document_source: ArticleEntity | None) -> Speaker:
    """Name the speaker behind a cue's subject.

    Named subjects map to their entity; "he"/"she" to the nearest person mentioned before the
    quote; "the Ministry" to the organisation named with that word; documents ("the official
    statement") to the article's document source (see find_document_source). Anything else
    keeps the subject's words with no entity: "the Trump campaign" is not Donald Trump (a
    name that only modifies the subject's head noun is not the speaker), and "the report"
    with no named author stays "the report".

    Notes:
        "They" and "it" stay unattributed: their antecedent is too often a group or a thing.
    """
    if subject is None:
        return Speaker(None, None)
    body = doc_text(subject.doc)
    if "\n" in body[min(subject.idx, subject.head.idx) : max(subject.idx, subject.head.idx)]:
        return Speaker(None, None)  # a subject in another paragraph than its verb is a misparse (AP "The Latest" time stamps)
    para_start = body.rfind("\n", 0, subject.idx) + 1
    para_end = body.find("\n", subject.idx) % (len(body) + 1)
    # The subject's own words, not its clauses or appositions ("Trump, speaking to a
    # group in Virginia," is Trump, not Virginia), and never across a paragraph break.
    phrase = [
        t
        for t in subject.subtree
        if (t.dep_ != "punct" or t == subject)
        and not any(a.dep_ in ("relcl", "acl", "appos", "advcl") for a in _path_to(t, subject))
        and para_start <= t.idx < para_end
    ]
    start = min(t.idx for t in phrase)
    end = max(t.idx + len(t) for t in phrase)
    named = entity_at(entities, subject.idx, subject.idx + len(subject))
    if named is None and subject.pos_ == "PROPN":
        named = entity_at(entities, start, end)  # "Rendell, a Clinton surrogate" -> Rendell
    if named is None:
        named = _name_after_role(subject, entities)
    elif named.entity_type in ("GPE", "LOC"):
        # "..., when visiting Britain, a judge in London ruled": the parser made the place the
        # subject and the judge its apposition.
        titled = next((c for c in subject.children if c.dep_ == "appos" and c.lower_ in TITLE_WORDS), None)
        if titled is not None:
            return resolve_speaker(titled, entities, quote_start, document_source)
    if named is not None:
        return Speaker(named.canonical_name, named)
    lower = subject.lower_
    titled = _titled_person(subject, entities, quote_start) or _named_next(subject, entities)
    if titled is not None:
        return Speaker(titled.canonical_name, titled)
    company = _the_one_company(subject, entities, quote_start)
    if company is not None:
        return Speaker(company.canonical_name, company)
    if subject.pos_ == "PRON" and lower not in _INDEFINITE_PRONOUNS:
        if lower in _MALE_FEMALE_PRONOUNS:
            # A person named inside a quote is who was talked about, not who talks next.
            person = _nearest(entities, quote_start, ("PERSON",), skip=_quoted_ranges(subject.doc))
            if person is not None:
                return Speaker(person.canonical_name, person)
        return Speaker(None, None)
    if lower in ORG_NOUNS:
        org = _nearest(entities, quote_start, ("ORG",), head_word=lower) or _the_one_company(subject, entities, quote_start, kinds=_COMPANY_KINDS)
        org = org or _nearest(entities, quote_start, ("ORG",), head_word=lower, after_too=True)
        # Named after the quote only in the same sentence ("the Ministry said in a statement by
        # the Ministry of Defence"); the next story's agency is someone else.
        if org is not None and (any(m.char_end <= quote_start for m in org.mentions) or any(subject.sent.start_char <= m.char_start < subject.sent.end_char for m in org.mentions)):
            return Speaker(org.canonical_name, org)
    if lower in DOCUMENT_NOUNS and document_source is not None:
        return Speaker(document_source.canonical_name, document_source)
    text = body[start:end]
    return Speaker(text, None)


_BETWEEN_NAME_AND_VERB = re.compile(r"[\s,]*")
_COMPANY_KINDS = frozenset({"company", "firm", "group"})


def _the_one_company(subject: Token, entities: list[ArticleEntity], quote_start: int, kinds: frozenset[str] = frozenset()) -> ArticleEntity | None:
    """"the carmaker said", "the airline group said", "the California-based company said":
    the organisation the story is about: the only one named before the quote or, for a
    descriptor noun ("drugmaker"), the one that is the subject of the lead.

    Notes:
        With two organisations named before, "the company" is left as written: the nearest
        one is as often the wrong one.
    """
    if not any(c.lower_ == "the" for c in subject.children) or any(c.dep_ in ("conj", "relcl", "acl", "prep") for c in subject.children):
        return None  # "the company that designs her clothes" is a new one; "the company and X" a group
    words = {subject.lower_} | {c.lower_ for c in subject.children if c.dep_ == "compound"}
    if not (words & COMPANY_DESCRIPTORS or subject.lower_ in kinds):
        return None
    before = [e for e in entities if e.entity_type == "ORG" and any(m.char_end <= quote_start for m in e.mentions)]
    if len(before) > 1 and words & COMPANY_DESCRIPTORS:
        # Of several, the one the lead is about ("Novo Nordisk raised its forecast... The
        # Danish drugmaker said"); a plain "the company" among several stays as written.
        lead_end = next(iter(subject.doc.sents)).end_char
        before = [e for e in before if any(_is_subject_at(subject.doc, m.char_start, m.char_end) for m in e.mentions if m.char_end <= lead_end)]
    return before[0] if len(before) == 1 else None


def _is_subject_at(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _SUBJECT_DEPS


def _name_after_role(subject: Token, entities: list[ArticleEntity]) -> ArticleEntity | None:
    """The person a role subject introduces: "Its regional leader, Thorsten Groeger, said",
    "Their coach, Tomás Ferrer, admitted", and the misparsed "Microsoft vice-president Karen
    O'Neill said" (the parser takes "-" for the subject): a person named between the subject
    and its verb, right before the verb or in apposition to the subject.

    Notes:
        A plural subject ("three scholars, Tribe, Epstein and Amar, said") is a group, and a
        name inside the subject's prepositional phrase ("people close to Clinton said", "an
        adviser to President Obama said") is someone else: neither is resolved.
    """
    if subject.tag_ in ("NNS", "NNPS"):
        return None
    for child in subject.children:
        if child.dep_ == "appos" and not any(c.dep_ == "conj" for c in child.children):
            named = entity_at(entities, child.idx, child.idx + len(child))
            if named is not None and named.entity_type in ("PERSON", "ORG"):
                return named
    body = doc_text(subject.doc)
    opening = _name_opening_the_sentence(subject, entities)
    if opening is not None:
        return opening
    verb = subject.head
    if verb.i <= subject.i or verb.i - subject.i > 12:
        return None
    for entity in entities:
        if entity.entity_type != "PERSON":
            continue
        for mention in entity.mentions:
            if subject.idx < mention.char_end <= verb.idx and _BETWEEN_NAME_AND_VERB.fullmatch(body[mention.char_end : verb.idx]):
                span = subject.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
                if span is None:
                    continue
                # "The prosecutor of the court, Karim Khan, said": set off by commas right before
                # the verb, an apposition names the subject even if the parser hangs it lower.
                set_off = span.root.dep_ == "appos" and body[span.start_char - 2 : span.start_char] == ", " and body[mention.char_end : verb.idx].startswith(",")
                if set_off or not any(a.dep_ in ("prep", "conj", "acl", "relcl") for a in _path_to(span.root, subject)):
                    return entity
    return None


def _name_opening_the_sentence(subject: Token, entities: list[ArticleEntity]) -> ArticleEntity | None:
    """"Han Dong-hoon, the leader of the party, also opposed": the person who opens the
    sentence, set off by a comma right before the role subject (the parser may lose the name).
    Only at the start of the sentence: in "Asked about Trump, the senator said" the name
    before the comma is someone else."""
    if subject.pos_ != "NOUN" or subject.left_edge.dep_ not in ("det", "poss"):
        return None  # "Loyalty, he noted, ...": a pronoun subject is no role
    body = doc_text(subject.doc)
    left = subject.left_edge.idx
    sentence_start = subject.sent.start_char
    for entity in entities:
        if entity.entity_type == "PERSON" and any(m.char_start == sentence_start and body[m.char_end : left].strip() == "," for m in entity.mentions):
            return entity
    return None


def person_right_before(verb: Token, entities: list[ArticleEntity]) -> tuple[ArticleEntity, int] | None:
    """(person, start of their mention) for a person named right before a cue that has no
    subject of its own ("..., Commerce Secretary Gina Raimondo said")."""
    body = doc_text(verb.doc)
    for entity in entities:
        if entity.entity_type != "PERSON":
            continue
        for mention in entity.mentions:
            if mention.char_end <= verb.idx and body[mention.char_end : verb.idx].strip() == "" and verb.idx - mention.char_end <= 2:
                return entity, mention.char_start
    return None


def _titled_person(subject: Token, entities: list[ArticleEntity], quote_start: int) -> ArticleEntity | None:
    """"the minister said" when several people are ministers: the one mentioned last before
    the quote, as news writing means it. None unless the subject is "the" + lower-case title
    words that are all in some person's role.

    Notes:
        The entities table joins "the minister" to nobody in that case (a mention needs one
        fitting person); only the speaker takes the nearest one.
    """
    words = [t for t in subject.subtree if t.i <= subject.i]
    if len(words) < 2 or words[0].lower_ != "the" or not all(t.is_lower for t in words) or subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].lower_ == "of":
        return None
    wanted = {t.lower_ for t in words[1:]}
    if not wanted & TITLE_WORDS:
        return None
    fitting = [e for e in entities if e.entity_type == "PERSON" and wanted <= {w.casefold() for r in e.roles for w in r.split()}]
    return _nearest(fitting, quote_start, ("PERSON",))


def _named_next(subject: Token, entities: list[ArticleEntity]) -> ArticleEntity | None:
    """"A federal judge in Manhattan refused... District Judge Lewis Kaplan said": a lead's
    unnamed "a judge" is the person the next sentence names with that title, if that sentence
    is the first to name them.

    Notes:
        Only the very next sentence counts, and only an indefinite title ("a judge"); "a
        spokesman" named two paragraphs later is left as written.
    """
    if subject.lower_ not in TITLE_WORDS or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
        return None
    sentence = subject.sent
    if sentence.end >= len(subject.doc):
        return None
    following = subject.doc[sentence.end].sent
    for entity in entities:
        if entity.entity_type != "PERSON" or min(m.char_start for m in entity.mentions) < following.start_char:
            continue
        first = min(entity.mentions, key=lambda m: m.char_start)
        role_words = set((first.role or "").casefold().split())
        if first.char_start < following.end_char and (subject.lower_ in role_words or subject.lower_ == "judge" and "justice" in role_words):
            return entity
    return None


def _quoted_ranges(doc: Doc) -> tuple[tuple[int, int], ...]:
    """Spans inside quotation marks, found once per Doc."""
    cached = doc.user_data.get("newsledger.quoted")
    if cached is None:
        cached = doc.user_data["newsledger.quoted"] = tuple((s.char_start, s.char_end) for s in quote_spans_of(doc))
    return cached


def _path_to(token: Token, root: Token) -> list[Token]:
    """The tokens from ``token`` up to (not including) ``root``, which must be its ancestor."""
    path = []
    while token != root and token.head != token:
        path.append(token)
        token = token.head
    return path


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue, climbing to the clause it hangs on when it has none of its own.

    "an architect who said" -> architect; "Trump said, suggesting" and "began by saying" take
    the subject of "said" and "began"; of two subjects the parser gives one verb (an AP time
    stamp "5:45 p.m." and the real one), the nearer one before the verb.
    """
    subjects = [child for child in verb.children if child.dep_ in _SUBJECT_DEPS]
    if subjects:
        before = [s for s in subjects if s.i < verb.i]
        subject = before[-1] if before else subjects[0]
        if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head
        return subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head  # "footage of Hillary Clinton asking, ..."
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        # "when asked by Ingraham", "Asked about the charges, Rubio said": the clause's subject
        # was asked; who asked is the agent, if named.
        return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and second_cue_in(verb.head) is not None:
        return subject_of(verb.head.head)  # "X said A and blamed B": X blamed, not A's subject
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)
    return None


def _is_cue(token: Token) -> bool:
    return token.lower_ in REPORTING_VERB_FORMS and token.pos_ in ("VERB", "AUX")


def cue_tokens(doc: Doc) -> list[Token]:
    """Every reporting-verb token of the Doc, found once per Doc."""
    cached = doc.user_data.get("newsledger.cues")
    if cached is None:
        cached = doc.user_data["newsledger.cues"] = [t for t in doc_tokens(doc) if _is_cue(t)]
    return cached


def second_cue_in(clause: Token) -> int | None:
    """Where a reported clause hands over to a second cue of the same speaker: "said his
    players had given everything [and blamed the referee]" (the parser joins "blamed" to the
    reported clause). The token index of the joining "and", or None."""
    if clause.i < clause.head.i:
        return None  # "They reviewed it and agreed, the statement said": both are what was said
    for conj in clause.children:
        if conj.dep_ == "conj" and conj.i > clause.i and (_is_cue(conj) or conj.lower_ in ATTITUDE_VERB_FORMS) and conj.tag_ == "VBD" and not any(c.dep_ in _SUBJECT_DEPS for c in conj.children):
            cc = [c for c in clause.children if c.dep_ == "cc" and clause.i < c.i < conj.i]
            return cc[-1].i if cc else conj.i
    return None


EXPLETIVES = frozenset(("it", "there", "this", "that", "which", "what"))
