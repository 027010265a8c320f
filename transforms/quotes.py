"""Quotes and their speakers: direct quotes from quotation marks, indirect and mixed quotes from
reporting verbs, speakers resolved to the article's entities.

Offsets are content spans (without the quotation marks) into the article body.

Notes:
    Not handled: quotes in single marks at the top level ('...' as the main quote mark is
    rare in running text and collides with apostrophes), speakers only named in a later
    sentence, and quotes attributed by a headline or byline.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from transforms.doc_text import doc_text, doc_tokens

from transforms.entities import ArticleEntity
from transforms.lexicon import (
    ATTITUDE_VERB_FORMS,
    COMPANY_DESCRIPTORS,
    DOCUMENT_NOUNS,
    NO_OBJECT_CONTENT_FORMS,
    ORG_NOUNS,
    PERSON_ONLY_ATTITUDE_FORMS,
    REPORTING_VERB_FORMS,
    STANCE_ADJECTIVE_PREPOSITIONS,
    STANCE_ADJECTIVES_WITH_CLAUSE,
    STANCE_NOUN_PREPOSITIONS,
    STANCE_NOUNS,
    TITLE_WORDS,
)

OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_WORD_BEFORE = re.compile(r"(\w+)\.$")
# Periods after these end no sentence: '"...," Mr. Podesta said.' must keep "said" in reach.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st jr sr rev hon messrs mme "
    "no vol fig inc corp co ltd bros dept est approx vs etc jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
# A quoted fragment shorter than this (in words) and not attributed is a scare quote or title.
MIN_UNATTRIBUTED_WORDS = 5
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MALE_FEMALE_PRONOUNS = frozenset({"he", "she", "him", "her"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Vague sources are kept as written ("some say", "all agreed"), like "experts say".
_INDEFINITE_PRONOUNS = frozenset("all some many several few others everyone everybody someone somebody each both most".split())


@dataclass(frozen=True)
class QuoteSpan:
    """Content of one pair of quotation marks (or a run of them over paragraphs)."""

    char_start: int
    char_end: int
    is_uncertain: bool
    opens_paragraph: bool
    is_embedded: bool
    # The quoted words: one piece, or one per paragraph of a quote continued over paragraphs
    # (the paragraph break and the next paragraph's opening mark are not words said).
    segments: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class QuoteMatch:
    """A quote found in an article, before it becomes a table row."""

    char_start: int
    char_end: int
    text: str
    quote_type: str
    speaker: str | None
    speaker_entity: ArticleEntity | None
    cue: str | None
    is_uncertain: bool
    # Spans of the speaker's own words; empty means the one span (char_start, char_end).
    segments: tuple[tuple[int, int], ...] = ()

    @property
    def word_spans(self) -> tuple[tuple[int, int], ...]:
        return self.segments or ((self.char_start, self.char_end),)


def _paragraphs(body: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARAGRAPH.finditer(body)]


def _opens_straight(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ".,!?;:")


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


# Two-character marks of ASCII copy: ``opening'' and ''straight'' (wire services, old NYT text).
DOUBLED_OPENING = "``"
DOUBLED_STRAIGHT = "''"


def _opens_here(body: str, i: int) -> int:
    """Length of an opening quotation mark at i (0 when there is none)."""
    if body.startswith(DOUBLED_OPENING, i) or (body.startswith(DOUBLED_STRAIGHT, i) and _opens_straight(body, i)):
        return 2
    ch = body[i]
    return 1 if ch in OPENING_MARKS or (ch == STRAIGHT_MARK and _opens_straight(body, i)) else 0


def _closes_here(body: str, i: int) -> int:
    """Length of a closing quotation mark at i (0 when there is none)."""
    if body.startswith(DOUBLED_STRAIGHT, i):
        return 2
    return 1 if body[i] in CLOSING_MARKS or body[i] == STRAIGHT_MARK else 0


def _starts_with_mark(body: str, i: int) -> int:
    """Length of any opening-style mark at i, as a continuation paragraph starts."""
    if body.startswith((DOUBLED_OPENING, DOUBLED_STRAIGHT), i):
        return 2
    return 1 if i < len(body) and (body[i] in OPENING_MARKS or body[i] == STRAIGHT_MARK) else 0


def find_quote_spans(body: str) -> list[QuoteSpan]:
    """Scan quotation marks paragraph by paragraph.

    A quote left open at a paragraph's end continues when the next paragraph opens with a
    quotation mark (news convention); otherwise it ends with its paragraph and is marked
    uncertain. Stray closing marks are ignored; a second opening mark before any closing one
    ends the first quote there, uncertain. Never raises on unbalanced marks. Curly, straight
    and the ASCII pairs ``...'' and ''...'' are quotation marks.

    Notes:
        Not handled: single quotation marks ('...') as the outer quote (British style); they
        read as apostrophes.
    """
    spans: list[QuoteSpan] = []
    paragraphs = _paragraphs(body)
    open_at: int | None = None
    mark_at = 0
    open_para_start = 0
    carried = False
    breaks: list[tuple[int, int]] = []  # (end of a paragraph, start of its continuation's words)
    for index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if carried:
            # Skip the continuation paragraph's own opening mark: the quote is already open.
            while i < p_end and body[i].isspace():
                i += 1
            if i < p_end:
                i += _starts_with_mark(body, i)
            breaks.append((paragraphs[index - 1][1], i))
        carried = False
        while i < p_end:
            if open_at is None and (length := _opens_here(body, i)):
                mark_at, open_at, open_para_start = i, i + length, p_start
                i += length
                continue
            if open_at is not None and body[i] in OPENING_MARKS and open_para_start == p_start:
                # A second opening mark before any closing one: the first was never closed
                # (a typo); it ends here, uncertain, and the new quote starts.
                spans.append(_span(body, open_at, i, open_para_start, mark_at, uncertain=True, breaks=breaks))
                breaks = []
                mark_at, open_at = i, i + 1
                i += 1
                continue
            if open_at is not None and (length := _closes_here(body, i)):
                spans.append(_span(body, open_at, i, open_para_start, mark_at, uncertain=False, breaks=breaks))
                breaks = []
                open_at = None
                i += length
                continue
            i += 1
        if open_at is not None:
            nxt = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if nxt is not None and _starts_with_mark(body, nxt):
                carried = True
            else:
                spans.append(_span(body, open_at, p_end, open_para_start, mark_at, uncertain=True, breaks=breaks))
                breaks = []
                open_at = None
    return [s for s in spans if s.char_start < s.char_end]


def _span(body: str, open_at: int, close_at: int, para_start: int, mark_at: int, uncertain: bool, breaks: list[tuple[int, int]]) -> QuoteSpan:
    start, end = _trimmed(body, open_at, close_at)
    before = body[para_start:mark_at].rstrip()
    # A quote run into the sentence with no comma or colon before it is a fragment of that
    # sentence ('represents "New York values"'), unless a reporting verb introduces it
    # ('he said "We will win."', loose copy for 'said: "..."').
    word_before = before.rsplit(None, 1)[-1].lower() if before else ""
    after_word = bool(before) and before[-1].isalnum()
    embedded = (after_word or before[-1:] == "-") and (body[start : start + 1].islower() or (after_word and word_before not in REPORTING_VERB_FORMS))
    pieces, piece_start = [], open_at
    for para_end, resume in breaks:
        pieces.append(_trimmed(body, piece_start, para_end))
        piece_start = resume
    pieces.append(_trimmed(body, piece_start, close_at))
    segments = tuple(p for p in pieces if p[0] < p[1]) if len(pieces) > 1 else ()
    return QuoteSpan(start, end, uncertain, opens_paragraph=not before, is_embedded=embedded, segments=segments)


# --- speakers ------------------------------------------------------------------------------

def _entity_at(entities: list[ArticleEntity], start: int, end: int) -> ArticleEntity | None:
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
                named = _entity_at(entities, child.idx, child.idx + len(child))
                if named is None and child.lower_[:6] in {w[:6] for w in ORG_NOUNS}:
                    named = _nearest(entities, child.idx, ("ORG",), head_word=child.lower_, after_too=True)
                if named is not None and named.entity_type == "ORG":
                    return named
    return None


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    entity: ArticleEntity | None


def resolve_speaker(subject: Token | None, entities: list[ArticleEntity], quote_start: int, document_source: ArticleEntity | None) -> _Speaker:
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
        return _Speaker(None, None)
    body = doc_text(subject.doc)
    if "\n" in body[min(subject.idx, subject.head.idx) : max(subject.idx, subject.head.idx)]:
        return _Speaker(None, None)  # a subject in another paragraph than its verb is a misparse (AP "The Latest" time stamps)
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
    named = _entity_at(entities, subject.idx, subject.idx + len(subject))
    if named is None and subject.pos_ == "PROPN":
        named = _entity_at(entities, start, end)  # "Rendell, a Clinton surrogate" -> Rendell
    if named is None:
        named = _name_after_role(subject, entities)
    elif named.entity_type in ("GPE", "LOC"):
        # "..., when visiting Britain, a judge in London ruled": the parser made the place the
        # subject and the judge its apposition.
        titled = next((c for c in subject.children if c.dep_ == "appos" and c.lower_ in TITLE_WORDS), None)
        if titled is not None:
            return resolve_speaker(titled, entities, quote_start, document_source)
    if named is not None:
        return _Speaker(named.canonical_name, named)
    lower = subject.lower_
    titled = _titled_person(subject, entities, quote_start) or _named_next(subject, entities)
    if titled is not None:
        return _Speaker(titled.canonical_name, titled)
    company = _the_one_company(subject, entities, quote_start)
    if company is not None:
        return _Speaker(company.canonical_name, company)
    if subject.pos_ == "PRON" and lower not in _INDEFINITE_PRONOUNS:
        if lower in _MALE_FEMALE_PRONOUNS:
            # A person named inside a quote is who was talked about, not who talks next.
            person = _nearest(entities, quote_start, ("PERSON",), skip=_quoted_ranges(subject.doc))
            if person is not None:
                return _Speaker(person.canonical_name, person)
        return _Speaker(None, None)
    if lower in ORG_NOUNS:
        org = _nearest(entities, quote_start, ("ORG",), head_word=lower) or _the_one_company(subject, entities, quote_start, kinds=_COMPANY_KINDS)
        org = org or _nearest(entities, quote_start, ("ORG",), head_word=lower, after_too=True)
        # Named after the quote only in the same sentence ("the Ministry said in a statement by
        # the Ministry of Defence"); the next story's agency is someone else.
        if org is not None and (any(m.char_end <= quote_start for m in org.mentions) or any(subject.sent.start_char <= m.char_start < subject.sent.end_char for m in org.mentions)):
            return _Speaker(org.canonical_name, org)
    if lower in DOCUMENT_NOUNS and document_source is not None:
        return _Speaker(document_source.canonical_name, document_source)
    text = body[start:end]
    return _Speaker(text, None)


_BETWEEN_NAME_AND_VERB = re.compile(r"[\s,]*")
_COMPANY_KINDS = frozenset({"company", "firm", "group"})


def _the_one_company(subject: Token, entities: list[ArticleEntity], quote_start: int, kinds: frozenset[str] = frozenset()) -> ArticleEntity | None:
    """"the carmaker said", "the airline group said", "the California-based company said":
    the organisation the story is about, when it is the only one named before the quote.

    Notes:
        With two organisations named before, "the company" is left as written: the nearest
        one is as often the wrong one.
    """
    if not any(c.lower_ == "the" for c in subject.children) or any(c.dep_ in ("conj", "relcl", "acl", "prep") for c in subject.children):
        return None  # "the company that designs her clothes" is a new one; "the company and X" a group
    words = {subject.lower_} | {c.lower_ for c in subject.children if c.dep_ == "compound"}
    if not (words & COMPANY_DESCRIPTORS or subject.lower_ in kinds or subject.lower_ == "group" and words & COMPANY_DESCRIPTORS):
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
            named = _entity_at(entities, child.idx, child.idx + len(child))
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


def _person_right_before(verb: Token, entities: list[ArticleEntity]) -> tuple[ArticleEntity, int] | None:
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


def quote_spans_of(doc: Doc) -> list[QuoteSpan]:
    """``find_quote_spans`` of the Doc's text, found once per Doc."""
    cached = doc.user_data.get("newsledger.quote_spans")
    if cached is None:
        cached = doc.user_data["newsledger.quote_spans"] = find_quote_spans(doc_text(doc))
    return cached


def _path_to(token: Token, root: Token) -> list[Token]:
    """The tokens from ``token`` up to (not including) ``root``, which must be its ancestor."""
    path = []
    while token != root and token.head != token:
        path.append(token)
        token = token.head
    return path


def _subject_of(verb: Token) -> Token | None:
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
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and _second_cue_in(verb.head) is not None:
        return _subject_of(verb.head.head)  # "X said A and blamed B": X blamed, not A's subject
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head.head)
    return None


def _is_cue(token: Token) -> bool:
    return token.lower_ in REPORTING_VERB_FORMS and token.pos_ in ("VERB", "AUX")


def _cue_tokens(doc: Doc) -> list[Token]:
    """Every reporting-verb token of the Doc, found once per Doc."""
    cached = doc.user_data.get("newsledger.cues")
    if cached is None:
        cached = doc.user_data["newsledger.cues"] = [t for t in doc_tokens(doc) if _is_cue(t)]
    return cached


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """Sentence-final punctuation, skipping the periods of titles and initials ("Mr.", "D.")."""
    for match in _SENTENCE_END.finditer(text):
        before = _WORD_BEFORE.search(text, 0, match.end())
        if match[0] == "." and before and (before[1].casefold() in ABBREVIATIONS or (len(before[1]) == 1 and before[1].isupper())):
            continue
        yield match


def _cue_near(doc: Doc, span: QuoteSpan, all_spans: list[QuoteSpan], p_start: int, p_end: int) -> Token | None:
    body = doc_text(doc)
    inside = [(s.char_start - 1, s.char_end + 1) for s in all_spans]
    after_end = min([s.char_start - 1 for s in all_spans if s.char_start > span.char_end] + [p_end])
    tail = body[span.char_end + 1 : after_end]
    stop = next(_sentence_ends(tail), None)
    after_end = span.char_end + 1 + (stop.end() if stop else len(tail))
    before_start = max([s.char_end + 1 for s in all_spans if s.char_end < span.char_start] + [p_start])
    head = body[before_start : span.char_start - 1]
    stops = list(_sentence_ends(head))
    before_start = before_start + (stops[-1].end() if stops else 0)

    def cues(lo: int, hi: int) -> list[Token]:
        return [t for t in _cue_tokens(doc) if lo <= t.idx < hi and not any(a <= t.idx < b for a, b in inside)]

    after, before = cues(span.char_end, after_end), cues(before_start, span.char_start)
    if after and (body[span.char_end - 1] != "." or _attribution_starts_after(doc, span, after[0])):
        return after[0]
    if before:
        return before[-1]
    return None


_CLAUSE_END_AFTER_MARK = re.compile(r"[”\"']{0,2}\s*[-–—,.;:!?]")


def _ends_its_clause(body: str, span: QuoteSpan) -> bool:
    """The quote ends with its own punctuation or a dash/comma right after its closing mark."""
    return body[span.char_end - 1] in ".!?," or _CLAUSE_END_AFTER_MARK.match(body, span.char_end) is not None


def _attribution_starts_after(doc: Doc, span: QuoteSpan, cue: Token) -> bool:
    """After a quote that ends its sentence ('"...smart." Trump was defensive, ...'), a later
    cue attributes it only when its clause starts right after the quote ('"..." he said')."""
    tokens = doc_tokens(doc)
    at = bisect.bisect_right(tokens, span.char_end, key=lambda t: t.idx)
    first = next((t for t in tokens[at:] if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    subject = _subject_of(cue)
    return cue.i == first.i or (subject is not None and subject.left_edge.i <= first.i <= subject.i)


_DASH_ATTRIBUTION = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*(?P<name>[^\W\d][^\n]{1,80}?)[ \t\u00a0.]*(?:\n|$)")
_TRANSCRIPT_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")


def _dash_speaker(doc: Doc, entities: list[ArticleEntity], span: QuoteSpan) -> tuple[_Speaker, str] | None:
    """'“...” ― Carla Sanchez': a name after a dash, alone on the rest of the line.

    Notes:
        A dash followed by a sentence ("” - and then he left") is no attribution; a name
        longer than 80 characters is not looked for.
    """
    body = doc_text(doc)
    match = _DASH_ATTRIBUTION.match(body, span.char_end + 1)
    if match is None or len(match["name"].split()) > 8 or not match["name"][0].isupper():
        return None
    start, end = match.span("name")
    named = _entity_at(entities, start, end)
    dash = body[match.start() : match.start("name")].strip()
    return (_Speaker(named.canonical_name, named) if named else _Speaker(match["name"], None)), dash


def _transcript_speaker(body: str, entities: list[ArticleEntity], span: QuoteSpan) -> _Speaker | None:
    """'WALLACE: Let's start...': a transcript's capitalised speaker label opens the quote.

    The label is matched to the person whose name ends with it ("PENCE" -> Mike Pence).
    """
    match = _TRANSCRIPT_LABEL.match(body, span.char_start)
    if match is None:
        return None
    label = match["label"].strip()
    last = label.split()[-1].casefold()
    for entity in entities:
        if entity.entity_type == "PERSON" and entity.canonical_name.split()[-1].casefold() == last:
            return _Speaker(entity.canonical_name, entity)
    return _Speaker(label.title(), None)


# "Marco Rubio: You don't win the nomination by states." (a headline) and "Matthews: Well,
# speculation is bad." (an interview): a name and a colon open the paragraph.
_LABELLED_PARAGRAPH = re.compile(r"(?m)^(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): +(?P<content>\S[^\n]{8,})$")


def _labelled_paragraphs(doc: Doc, entities: list[ArticleEntity]) -> list[tuple[_Speaker, int, int]]:
    """(speaker, content start, content end) of paragraphs opened by "Name: ".

    Notes:
        The label must be a person or organisation of the article (or a surname of one), so
        "Update: ..." and "Photo: ..." are no speakers. The whole rest of the paragraph is the
        content, quotation marks or not.
    """
    body = doc_text(doc)
    found = []
    for match in _LABELLED_PARAGRAPH.finditer(body):
        label = match["label"]
        entity = _entity_at(entities, match.start("label"), match.end("label"))
        if entity is None or entity.entity_type not in ("PERSON", "ORG") or entity.canonical_name.split()[-1].casefold() not in label.casefold().split():
            continue
        start, end = _trimmed_punct(body, match.start("content"), match.end("content"))
        found.append((_Speaker(entity.canonical_name, entity), start, end))
    return found


_COLON_INTRO = re.compile(r"(?P<verb>[A-Za-z]+)\s*:\s*$")
_ACCORDING_INTRO = re.compile(r"according\s+to\s+(?P<name>[^,.;:]{2,80}),\s*$", re.IGNORECASE)


_LINKING_WORDS = frozenset("and or with to about on in at for from after before that who of".split())
_ROLE_GAP = re.compile(r"[ \u00a0]+(?:[A-Za-z.’'-]+[ \u00a0]+){1,4}")


def _person_beside_cue(cue: Token, entities: list[ArticleEntity], quote_end: int) -> _Speaker | None:
    """'"...," said James Acton, a physicist who...' and '"..." Rep. Elijah E. Cummings (D-Md.)
    said': the person named right after or right before the cue, whatever the parse says.

    A name after the cue counts only when the cue follows the quote at once (inversion):
    in '"...?" a reporter asked Trump' Trump is asked. Of a name that only modifies a role
    and the name after it ("said Clinton ally James Carville"), the last name speaks.
    """
    body = doc_text(cue.doc)
    after = cue.idx + len(cue)
    inverted = not body[quote_end:cue.idx].strip(" \u00a0,\n" + CLOSING_MARKS + STRAIGHT_MARK + "'")
    before = body[max(0, cue.idx - 60) : cue.idx]
    before_end = cue.idx - len(before) + len(re.sub(r"\s*(?:\([^()]{1,20}\))?\s*$", "", before))
    people = sorted(((m.char_start, m.char_end, e) for e in entities if e.entity_type == "PERSON" for m in e.mentions), key=lambda x: x[0])
    for index, (start, end, entity) in enumerate(people):
        right_after = inverted and start >= after and body[after:start].strip(" \u00a0") in ("", "Mr.", "Ms.", "Mrs.", "Dr.")
        if right_after:
            for next_start, _, next_entity in people[index + 1 :]:
                if next_start > end + 60:
                    break
                gap = body[end:next_start]
                if _ROLE_GAP.fullmatch(gap) and not _LINKING_WORDS.intersection(gap.lower().split()):
                    entity = next_entity  # "Huckabee campaign spokesman Hogan Gidley"
                    break
            return _Speaker(entity.canonical_name, entity)
        if end == before_end:
            return _Speaker(entity.canonical_name, entity)
    return None


def _introduction(doc: Doc, entities: list[ArticleEntity], span: QuoteSpan, p_start: int) -> tuple[_Speaker, str] | None:
    """'Limbaugh continued: "..."' (any verb before a colon) and 'According to Limbaugh, "..."'.

    Notes:
        The subject must be a name of the article or a pronoun resolvable to one; a colon after
        a noun ("the statement read: ...") is left to the cue rules.
    """
    body = doc_text(doc)
    head = body[p_start : span.char_start - 1]
    before = body[:p_start].rstrip()
    if not head.strip() and before.endswith(":"):
        # A block quote introduced by the paragraph before it ("The New York Times reports:").
        p_start = before.rfind("\n") + 1
        head = before[p_start:]
    if (according := _ACCORDING_INTRO.search(head)) is not None:
        start = p_start + according.start("name")
        named = _entity_at(entities, start, p_start + according.end("name"))
        name = named.canonical_name if named else according["name"].strip()
        return _Speaker(name, named), "according to"
    colon = _COLON_INTRO.search(head)
    if colon is not None:
        verb_span = doc.char_span(p_start + colon.start("verb"), p_start + colon.end("verb"))
        verb = verb_span[0] if verb_span is not None and verb_span[0].pos_ in ("VERB", "AUX") else None
    elif head.rstrip().endswith(":"):
        # "said in a statement:", "wrote on Facebook:": the last reporting verb of the sentence.
        stops = list(_sentence_ends(head.rstrip()[:-1]))
        sentence_start = p_start + (stops[-1].end() if stops else 0)
        verbs = [t for t in _cue_tokens(doc) if sentence_start <= t.idx < p_start + len(head)]
        verb = verbs[-1] if verbs else None
    else:
        return None
    if verb is None:
        return None
    speaker = resolve_speaker(_subject_of(verb) or _inverted_subject(verb), entities, span.char_start, None)
    return (speaker, verb.text) if speaker.name else None


def _words(body: str, start: int, end: int) -> int:
    return len(body[start:end].split())


# Longest attribution between two pieces of one quote ('"A," Mr. Trump said. "B."').
MAX_SPLITTING_ATTRIBUTION = 60
# Longest narration that may end the paragraph of a quote continued in the next paragraph.
MAX_TRAILING_ATTRIBUTION = 160


def _continues_previous(body: str, previous: QuoteMatch, span: QuoteSpan) -> bool:
    """True when this unattributed quote goes on with the previous one: one utterance.

    '"A," she said of the plan, in which... "B."' (its attribution, however long, in one
    paragraph) and '"A," she said.' followed by a paragraph '"B."' that is all quote are both
    one quote from "A" to "B" (the attribution between stays inside its text).

    Notes:
        A quote after a paragraph of narration, or after a longer attribution paragraph,
        starts a new quote (it still inherits the previous speaker).
    """
    gap = body[previous.char_end : span.char_start]
    if previous.quote_type != "direct" or previous.speaker is None:
        return False
    if "\n" not in gap:
        return True
    head, _, tail = gap.partition("\n\n")
    return span.opens_paragraph and "\n" not in head and not tail.strip(OPENING_MARKS + STRAIGHT_MARK + "`' \t") and len(head) <= MAX_TRAILING_ATTRIBUTION and not any(m in head for m in OPENING_MARKS)


def _direct_quotes(doc: Doc, entities: list[ArticleEntity], source: ArticleEntity | None) -> tuple[list[QuoteMatch], set[int], list[QuoteSpan]]:
    body = doc_text(doc)
    spans = quote_spans_of(doc)
    paragraphs = _paragraphs(body)
    found: list[QuoteMatch] = []
    used_cues: set[int] = set()
    embedded: list[QuoteSpan] = []
    previous: QuoteMatch | None = None
    previous_cue: int | None = None
    for span in spans:
        if span.is_embedded:
            embedded.append(span)
            continue
        if _looks_like_title(body[span.char_start : span.char_end]):
            continue  # “Fox News Sunday”, “A Change Is Gonna Come”: a name in quotes, not words said
        # A quote over several paragraphs looks for its cue before its start and after its end.
        p_start = next((a for a, b in paragraphs if a <= span.char_start < b), 0)
        p_end = next((b for a, b in paragraphs if a <= span.char_end <= b), len(body))
        cue = _cue_near(doc, span, spans, p_start, p_end)
        speaker = _Speaker(None, None)
        cue_text = cue.text if cue is not None else None
        same_paragraph = previous is not None and previous.char_end >= p_start
        dashed = _dash_speaker(doc, entities, span)
        labelled = _transcript_speaker(body, entities, span)
        if labelled is not None:
            speaker = labelled
        elif dashed is not None:
            speaker, cue_text = dashed
        elif cue is not None:
            used_cues.add(cue.i)
            adjacent = _person_beside_cue(cue, entities, span.char_end) if cue.idx > span.char_end else None
            subject = _subject_of(cue) or _inverted_subject(cue)
            if subject is not None and span.char_start <= subject.idx < span.char_end:
                subject = None  # a subject inside the quote is what the quote says, not who says it
            speaker = adjacent or resolve_speaker(subject, entities, span.char_start, source)
        elif (introduced := _introduction(doc, entities, span, p_start)) is not None:
            speaker, cue_text = introduced
        elif previous is not None and previous.speaker is not None and (span.opens_paragraph or same_paragraph):
            # '"A," she said. "B."' and a paragraph that is all quote after an attributed one
            # both continue the previous voice.
            speaker = _Speaker(previous.speaker, previous.speaker_entity)
        if cue_text is None and speaker.name is None and _words(body, span.char_start, span.char_end) < MIN_UNATTRIBUTED_WORDS:
            continue
        # '"A," he said, "B" - and vowed ...': the attribution between the two pieces is the
        # previous one's, and B has no attribution of its own right after it.
        shares_cue = (
            previous is not None
            and previous_cue is not None
            and previous.char_end <= doc[previous_cue].idx < span.char_start
            and "\n" not in body[previous.char_end : span.char_start]
            and (
                cue is None
                or cue.i == previous_cue
                or (
                    cue.idx > span.char_end
                    and len(body[previous.char_end : span.char_start]) <= MAX_SPLITTING_ATTRIBUTION
                    and _ends_its_clause(body, span)
                    and not _attribution_starts_after(doc, span, cue)
                )
            )
        )
        if previous is not None and (shares_cue or (cue_text is None and _continues_previous(body, previous, span))):
            # '"A," she said. "B."' and '"A," she said, "b."' are one utterance split by its
            # attribution: one quote whose segments leave the attribution out.
            merged = QuoteMatch(
                previous.char_start, span.char_end, body[previous.char_start : span.char_end], "direct",
                previous.speaker, previous.speaker_entity, previous.cue, previous.is_uncertain or span.is_uncertain,
                previous.word_spans + (span.segments or ((span.char_start, span.char_end),)),
            )
            found[-1] = previous = merged
            continue
        match = QuoteMatch(
            span.char_start, span.char_end, body[span.char_start : span.char_end], "direct",
            speaker.name, speaker.entity, cue_text, span.is_uncertain, span.segments,
        )
        found.append(match)
        previous = match
        previous_cue = cue.i if cue is not None else None
    return found, used_cues, embedded


_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from is it".split())


def _looks_like_title(text: str) -> bool:
    """Two to seven words, every one but the small ones capitalised, and no question or
    exclamation: the title of a show, book, song or policy ("Morning Joe", "Grand Bargain").

    Notes:
        Not handled: a title in sentence case ("Make your kid a millionaire") still reads as a
        quote; a shouted all-capitals quote ("WE WANT JOBS") reads as a title.
    """
    words = [w.strip(",.;:'’\"“”") for w in text.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 7 or text.rstrip().endswith(("?", "!")):
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words) and words[0][0].isupper() and sum(w[0].isupper() for w in words) >= 2


def _inverted_subject(cue: Token) -> Token | None:
    # "..., said the official statement": the parser may hang the subject as an object.
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


# Marks of an adverbial clause the parser may take for a reported one ("reported a jump in
# profit, while rivals posted weaker results").
_ADVERBIAL_MARKS = frozenset("while whereas because although though as when after before since unless until".split())


def _reported_content(verb: Token) -> tuple[int, int] | None:
    body = doc_text(verb.doc)
    for child in verb.children:
        if child.dep_ == "ccomp" and not _is_adverbial(child, verb):
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.lower_ in ("that", "whether", "if") and t.head == child)]
            cut = _second_cue_in(child)
            if cut is not None:
                tokens = [t for t in tokens if t.i < cut]
            if tokens:
                return _trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
    return _as_phrase_content(verb, need_object=False)


def _is_adverbial(clause: Token, verb: Token) -> bool:
    """A clause hung on the cue as reported that is not: one opened by "while" or "because",
    or one before the cue that a semicolon cuts off ("Azerbaijan was criticised; its
    president described fossil fuels as...")."""
    first = clause.left_edge
    if any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children) or first.pos_ == "SCONJ" and first.lower_ in _ADVERBIAL_MARKS:
        return True
    if clause.i < verb.i:
        between = doc_text(verb.doc)[clause.right_edge.idx : verb.idx]
        return ";" in between
    return False


def _second_cue_in(clause: Token) -> int | None:
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


def _as_phrase_content(verb: Token, need_object: bool = True) -> tuple[int, int] | None:
    """"described the talks as "warm and cordial"": the object plus its "as" phrase."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    as_phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    if not as_phrases or (need_object and not objects):
        return None
    tokens = [t for c in objects + as_phrases for t in c.subtree]
    return _trimmed_punct(doc_text(verb.doc), min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def _passive_with_agent(verb: Token) -> tuple[Token, int, int] | None:
    """(source, content_start, content_end) for a passive cue with its agent: "the proposals
    have been applauded by [Wall Street critics]" -> the proposals, by the critics.

    Notes:
        A passive with a clause ("he was told by aides that...") is left to the clause rules:
        its subject is the addressee, not the content.
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or subjects[0].lower_ in _EXPLETIVES or subjects[0].pos_ == "PRON":
        return None
    agent = next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
    if agent is None:
        return None
    tokens = list(subjects[0].subtree)
    return agent, *_trimmed_punct(doc_text(verb.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """"Acts of protest, Mr. Obama said, are acts of patriotism" and "As Politico revealed,
    most payments were...": an attribution set off by commas inside (or at the edge of) the
    sentence it reports; the content is that sentence.

    Notes:
        The content span runs over the attribution in its middle (one span per quote); an
        attribution that is the sentence's own main verb is handled by ``_reported_content``.
    """
    # "As Politico revealed, ...", not "as donors pledged 2 billion euros" or "as Guterres
    # called for a ban" (clauses of their own): the cue has nothing but its subject.
    as_clause = (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and all(c.dep_ in ("mark", "nsubj", "aux", "advmod", "punct") for c in verb.children)
    )
    if not (verb.dep_ == "parataxis" or as_clause) or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    own = {t.i for t in verb.subtree}
    rest = [t for t in verb.sent if t.i not in own and not t.is_punct]
    if len(rest) < 4:
        return None
    return _trimmed_punct(doc_text(verb.doc), rest[0].idx, rest[-1].idx + len(rest[-1]))


_EXPLETIVES = frozenset(("it", "there", "this", "that", "which", "what"))


def _attitude_tokens(doc: Doc) -> list[Token]:
    """Every attitude-verb token of the Doc, found once per Doc."""
    cached = doc.user_data.get("newsledger.attitudes")
    if cached is None:
        cached = doc.user_data["newsledger.attitudes"] = [
            t
            for t in doc_tokens(doc)
            if t.pos_ == "VERB"
            and (t.lower_ in ATTITUDE_VERB_FORMS or t.lower_ in PREP_STANCE_FORMS or t.lower_ in AS_ONLY_FORMS or _particle_cue(t) or _takes_that_clause(t))
        ]
    return cached


def _takes_that_clause(verb: Token) -> bool:
    """A verb with a "that" clause as its complement ("Democrats have long contended that...",
    "he bet that..."): outside the lexicons, such a clause is still a proposition its subject
    holds or states.

    Notes:
        A clause without "that" ("he figured the deal was dead") is left out: the parser hangs
        too many unrelated clauses on verbs that way.
    """
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in verb.children)


# "pointed out that...", "laid out his plan", "spelled out": a stance only with its particle.
_PARTICLE_VERBS = {"point": "out", "points": "out", "pointed": "out", "pointing": "out", "lay": "out", "lays": "out", "laid": "out", "laying": "out",
                   "spell": "out", "spells": "out", "spelled": "out", "spelt": "out", "spelling": "out",
                   "rule": "out", "rules": "out", "ruled": "out", "ruling": "out"}


def _particle_cue(token: Token) -> bool:
    particle = _PARTICLE_VERBS.get(token.lower_)
    return particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


# "developers see golf courses [as wasted space]": a view only with its "as" phrase.
AS_ONLY_FORMS = frozenset("see sees saw seeing view views viewed viewing regard regards regarded regarding classify classifies classified classifying".split())


def _attitude_content(verb: Token) -> tuple[int, int] | None:
    """The clause, infinitive or object an attitude verb attributes to its subject.

    "believes (that) the talks failed" -> the clause; "wants to cut taxes" -> "to cut taxes";
    "opposes the bill" -> "the bill".

    Notes:
        Passive and impersonal uses ("it is believed", "there seems") have no source and are
        skipped; an object that is only a pronoun ("opposes it") is too vague to keep.
    """
    if verb.lower_ in AS_ONLY_FORMS:
        return _as_phrase_content(verb)
    if verb.lower_ in _PREP_ONLY_VERBS and not _particle_cue(verb):
        return _prep_stance_content(verb)
    return _reported_content(verb) or _complement(verb)


def _forms(lemmas: str) -> dict[str, str]:
    """{form: lemma} for regular verbs (the pipeline runs without a lemmatizer)."""
    table = {}
    for lemma in lemmas.split():
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
        for form in (lemma, third, stem + "ed", stem + "ing"):
            table[form] = lemma
    return table


# "accused Trump [of inciting violence]", "blamed the bank [for the crisis]".
_OBJECT_PREP_VERBS = _forms("accuse blame praise criticise criticize thank fault credit")
# "called [for a boycott]", "referred [to her father's business]": the stance is the object of the preposition.
# Verbs that take a stance only through their preposition ("pointed to her record", "focused
# on jobs", "balked at the price"): their plain object ("pointed the gun", "focused its
# efforts") is no content.
_PREP_ONLY_VERBS = _forms("point focus touch balk hint distance weigh rail lash side vote reflect push press")
_PREP_STANCE_VERBS = (
    _forms("call refer talk push argue warn complain press advocate ask agree comment joke boast apologize apologise respond appeal bet")
    | _PREP_ONLY_VERBS
    | {"spoke": "speak", "spoken": "speak", "speak": "speak", "speaks": "speak", "speaking": "speak", "referred": "refer", "referring": "refer",
       "worry": "worry", "worries": "worry", "worried": "worry", "worrying": "worry",
       "write": "write", "writes": "write", "wrote": "write", "written": "write", "writing": "write", "reply": "reply", "replies": "reply", "replied": "reply"}
)
_PREP_STANCES = frozenset(
    {("ask", "about"), ("call", "for"), ("refer", "to"), ("talk", "about"), ("speak", "about"), ("push", "for"), ("argue", "for"), ("argue", "against"),
     ("warn", "against"), ("warn", "of"), ("complain", "about"), ("press", "for"), ("advocate", "for"), ("agree", "with"), ("point", "to"), ("focus", "on"),
     ("touch", "on"), ("balk", "at"), ("hint", "at"), ("distance", "from"), ("weigh", "on"), ("rail", "against"), ("lash", "at"), ("side", "with"),
     ("vote", "for"), ("vote", "against"), ("reflect", "on"), ("call", "on"), ("ask", "for"), ("comment", "on"), ("speak", "of"), ("write", "about"),
     ("joke", "about"), ("boast", "about"), ("boast", "of"), ("apologize", "for"), ("apologise", "for"), ("respond", "to"), ("reply", "to"),
     ("speak", "against"), ("appeal", "for"), ("worry", "about"), ("bet", "on")}
)
PREP_STANCE_FORMS = frozenset(_PREP_STANCE_VERBS)


def _prep_stance_content(verb: Token) -> tuple[int, int] | None:
    """The object of a stance verb's preposition: "called for [an inquiry]", "pointed to [her
    record]". None when the verb has no such preposition."""
    lemma = _PREP_STANCE_VERBS.get(verb.lower_)
    objects = [
        p
        for c in verb.children
        # "called on the president" is a visit; "called on him to resign" is handled by _complement.
        if c.dep_ == "prep" and (lemma, c.lower_) in _PREP_STANCES and (lemma, c.lower_) != ("call", "on")
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    # "pushed for China to contribute": a for-to clause the parser hangs on the verb.
    objects += [c for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and (lemma, m.lower_) in _PREP_STANCES for m in c.children)]
    if not objects:
        return None
    tokens = [t for o in objects for t in o.subtree if not (t.dep_ == "mark" and t.head == o)]
    return _trimmed_punct(doc_text(verb.doc), min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def _complement(verb: Token) -> tuple[int, int] | None:
    """The object with what completes it, or the infinitive: "called [the charges false]",
    "told [his advisers to act]", "wants [to cut taxes]", "accused [Trump of lying]", "called
    for [an inquiry]". None for a bare pronoun object.

    Notes:
        Verbs of attack ("attacked Kyiv") are left out: in war news their object is no stance.
    """
    body = doc_text(verb.doc)
    infinitives = [c for c in verb.children if c.dep_ in ("xcomp", "oprd")]
    # A pronoun object is content only with what completes it ("called him a hero").
    objects = [c for c in verb.children if c.dep_ == "dobj" and (c.pos_ != "PRON" or any(i.i > c.i for i in infinitives))]
    if not objects and infinitives and _PREP_STANCE_VERBS.get(verb.lower_) == "call":
        # "called on Congress [to act]": the one called on belongs to the content.
        objects = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children if p.dep_ == "pobj"][:1]
    parts = objects[:1] + [c for c in infinitives if objects and c.i > objects[0].i] if objects else infinitives[:1]
    if objects and verb.lower_ in _OBJECT_PREP_VERBS:
        parts += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > objects[0].i]
    if not parts:
        return _prep_stance_content(verb) if verb.lower_ in _PREP_STANCE_VERBS else None
    tokens = [t for c in parts for t in c.subtree]
    return _trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


MAX_FRAGMENT_TAIL = 200


def _trimmed_punct(body: str, start: int, end: int) -> tuple[int, int]:
    # Reported content never runs over a paragraph break (the parser may glue two paragraphs).
    paragraph_break = body.find("\n\n", start, end)
    if paragraph_break > start:
        end = paragraph_break
    while end > start and body[end - 1] in ".,;: \n":
        end -= 1
    # A quoted fragment at the end of the content runs to its closing mark, even when the
    # parser hung its tail elsewhere ('called him "a hero, not only to me but..."').
    inner = body[start:end]
    unclosed = CLOSING_MARKS if sum(inner.count(c) for c in OPENING_MARKS) > sum(inner.count(c) for c in CLOSING_MARKS) else STRAIGHT_MARK if inner.count(STRAIGHT_MARK) % 2 else ""
    if unclosed:
        paragraph_end = body.find("\n", end) % (len(body) + 1)
        closing = [j for j in (body.find(mark, end, paragraph_end) for mark in unclosed) if j >= 0]
        if closing and min(closing) - end <= MAX_FRAGMENT_TAIL:
            end = min(closing) + 1
    elif body.startswith(DOUBLED_STRAIGHT, end) and (inner.count(DOUBLED_OPENING) + inner.count(DOUBLED_STRAIGHT)) % 2 == 1:
        end += 2
    return start, end


def _according_to(doc: Doc) -> list[tuple[Token, Token, int, int]]:
    """(cue, source, content_start, content_end) for "according to X, <clause>" and its mirror."""
    found = []
    tokens = doc_tokens(doc)
    for token in tokens:
        if token.lower_ != "according" or token.i + 2 >= len(tokens) or tokens[token.i + 1].lower_ != "to":
            continue
        objects = [c for c in tokens[token.i + 1].children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = objects[0]
        phrase_end = max(t.idx + len(t) for t in source.subtree)
        sent = token.sent
        if token.i == sent.start or token.idx - sent.start_char < 3:
            start, end = phrase_end, sent.end_char
        else:
            start, end = sent.start_char, token.idx
        start, end = _trimmed_punct(doc_text(doc), *_trimmed(doc_text(doc), start, end))
        while start < end and doc_text(doc)[start] in ",; ":
            start += 1
        if end - start > 0:
            found.append((token, source, start, end))
    return found


def _stance_nouns(doc: Doc) -> list[tuple[Token, Token, int, int]]:
    """(noun, possessor, content_start, content_end) for a possessed stance noun and its clause
    or target: "Trump's claim [that he was offered a scholarship]", "his pledge [to end the
    war]", "her attacks on [Trump]".

    Notes:
        Without a possessor ("the claim that...", "a plan to...") the source is unknown and
        nothing is kept; "the senator's claim" with a noun possessor is kept as written.
    """
    found = []
    prepositional = {noun for noun, _ in STANCE_NOUN_PREPOSITIONS}
    for noun in doc_tokens(doc):
        if noun.pos_ != "NOUN" or (noun.lower_ not in STANCE_NOUNS and noun.lower_ not in prepositional):
            continue
        possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
        content = None if possessor is None else _clause_or_target(noun, STANCE_NOUNS, STANCE_NOUN_PREPOSITIONS, ("acl", "ccomp"))
        if content is not None:
            found.append((noun, possessor, *content))
    return found


def _clause_or_target(head: Token, with_clause: frozenset[str], prepositions: frozenset[tuple[str, str]], clause_deps: tuple[str, ...]) -> tuple[int, int] | None:
    """The first clause (for words in ``with_clause``) or prepositional object (for the
    (word, preposition) pairs) after a stance noun or adjective, as a content span."""
    word = head.lower_
    for child in head.rights:
        if child.dep_ in clause_deps and word in with_clause:
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.head == child and t.lower_ == "that")]
        elif child.dep_ == "prep" and (word, child.lower_) in prepositions:
            tokens = [t for o in child.children if o.dep_ in ("pobj", "pcomp") for t in o.subtree]
        else:
            continue
        if len(tokens) < 2:
            return None
        return _trimmed_punct(doc_text(head.doc), min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
    return None


# Verbs of commitment whose whole content may be a bare infinitive ("offered to resign").
_COMMITMENT_FORMS = frozenset(_forms("offer promise pledge vow threaten"))
# Verbs of appeal whose whole content may be one abstract noun.
_APPEAL_FORMS = frozenset(_forms("urge call demand appeal"))
# Verbs of taking sides whose whole content may be one name ("Bush endorsed Cruz").
_SIDE_TAKING_FORMS = frozenset(
    _forms("endorse support back praise criticize criticise side lash welcome thank condemn reject denounce congratulate announce promise pledge vow")
)


def _long_enough(doc: Doc, verb: Token, start: int, end: int, min_tokens: int) -> bool:
    """Content of at least ``min_tokens`` tokens, or the name or noun a verb of taking sides is
    about ("endorsed Cruz", "sided with Clinton", "welcomed the judgment").

    Notes:
        Other verbs with a one-name object are left out: "told Reuters", "mentioned Clinton"
        and "polls show Trump" name an addressee or a topic more often than a stance.
    """
    span = doc.char_span(start, end, alignment_mode="expand") or []
    if len(span) >= min_tokens:
        return True
    if len(span) == 1 and span[0].pos_ == "NOUN" and verb.lower_ in _APPEAL_FORMS:
        return True  # "urged restraint", "called for calm"
    if len(span) == 2 and span[0].lower_ == "to" and span[1].pos_ == "VERB" and verb.lower_ in _COMMITMENT_FORMS:
        return True  # "offered to resign", "threatened to quit"
    if verb.lower_ not in _SIDE_TAKING_FORMS:
        return False
    # "welcomed the judgment", "announced his retirement", "promised federal aid": a noun and
    # its determiner or adjective is enough.
    return len(span) == 2 and span[0].dep_ in ("det", "poss", "amod") and span[1].pos_ in ("NOUN", "PROPN") or (
        any(t.pos_ == "PROPN" for t in span) and all(t.pos_ == "PROPN" or t.dep_ == "det" for t in span)
    )


def _stance_adjectives(doc: Doc) -> list[tuple[Token, Token, int, int]]:
    """(adjective, subject, content_start, content_end) for a subject's stance told by an
    adjective: "Democrats are worried [that turnout will fall]", "voters are skeptical of
    [free trade]", "she is eager [to debate]".

    Notes:
        Only adjectives that complete a verb ("are worried") count; an attributive one ("a
        worried voter") holds no content, and an expletive subject ("it is clear that...")
        names no source.
    """
    found = []
    for adjective in doc_tokens(doc):
        if adjective.pos_ != "ADJ" or adjective.dep_ != "acomp":
            continue
        subject = _subject_of(adjective.head)
        if subject is None or subject.lower_ in _EXPLETIVES:
            continue
        content = _clause_or_target(adjective, STANCE_ADJECTIVES_WITH_CLAUSE, STANCE_ADJECTIVE_PREPOSITIONS, ("ccomp", "xcomp"))
        if content is not None:
            found.append((adjective, subject, *content))
    return found


def extract_quotes(doc: Doc, entities: list[ArticleEntity]) -> list[QuoteMatch]:
    """Every direct, indirect and mixed quote of one article, ordered by position."""
    body = doc_text(doc)
    source = find_document_source(doc, entities)
    direct, used_cues, embedded = _direct_quotes(doc, entities, source)
    found = list(direct)

    def overlaps_direct(start: int, end: int) -> bool:
        return any(q.char_start < end and start < q.char_end for q in direct)

    def overlaps_found(start: int, end: int) -> bool:
        return any(q.char_start < end and start < q.char_end for q in found)

    def add(start: int, end: int, speaker: _Speaker, cue: str) -> None:
        is_mixed = any(start <= s.char_start and s.char_end <= end for s in embedded)
        found.append(QuoteMatch(start, end, body[start:end], "mixed" if is_mixed else "indirect", speaker.name, speaker.entity, cue, False))

    for verb in _cue_tokens(doc):
        if verb.i in used_cues or verb.dep_ == "acl" and verb.tag_ == "VBN":
            continue  # "targets agreed with the IMF", "a statement issued on Monday": a modifier, no cue
        content = _reported_content(verb) or _parenthetical_content(verb) or (None if verb.lower_ in NO_OBJECT_CONTENT_FORMS else _complement(verb))
        if content is None or overlaps_direct(*content):
            continue
        start, end = content
        subject = _subject_of(verb)
        named_before = _person_right_before(verb, entities) if subject is None else None
        if named_before is not None:
            # "..., Commerce Secretary Gina Raimondo said.": the parser ran the name into the
            # clause; the clause ends at the comma before the name and its title.
            cut = body.rfind(",", start, named_before[1])
            start, end = _trimmed_punct(body, start, cut if cut > start else end)
        if _long_enough(doc, verb, start, end, 3):
            add(start, end, _Speaker(named_before[0].canonical_name, named_before[0]) if named_before else resolve_speaker(subject, entities, start, source), verb.text)
    for verb in [*_cue_tokens(doc), *_attitude_tokens(doc)]:
        passive = None if verb.i in used_cues else _passive_with_agent(verb)
        if passive is not None and not overlaps_direct(passive[1], passive[2]) and not overlaps_found(passive[1], passive[2]):
            agent, start, end = passive
            add(start, end, resolve_speaker(agent, entities, start, source), verb.text)
    for verb in _attitude_tokens(doc):
        if verb.tag_ == "VB":
            continue  # a bare infinitive ("wants to support", "to find") holds no attitude yet
        content = _attitude_content(verb)
        subject = _subject_of(verb)
        if content is None or subject is None or subject.lower_ in _EXPLETIVES or overlaps_direct(*content):
            continue
        start, end = content
        if not _long_enough(doc, verb, start, end, 2) or overlaps_found(start, end):
            continue
        speaker = resolve_speaker(subject, entities, start, source)
        if verb.lower_ not in PERSON_ONLY_ATTITUDE_FORMS or speaker.entity is not None and speaker.entity.entity_type == "PERSON":
            add(start, end, speaker, verb.text)
    for cue, source_token, start, end in _according_to(doc):
        if not overlaps_direct(start, end) and not overlaps_found(start, end):
            add(start, end, resolve_speaker(source_token, entities, start, source), "according to")
    for noun, possessor, start, end in _stance_nouns(doc):
        # Nested in another source's quote is fine ("the council rejected [Raman's claim that
        # [the accounts were hidden]]"): each has its own source.
        if not overlaps_direct(start, end) and not any(q.char_start == start or q.char_end <= end and start <= q.char_start for q in found):
            add(start, end, resolve_speaker(possessor, entities, start, source), noun.text)
    for adjective, subject, start, end in _stance_adjectives(doc):
        if not overlaps_direct(start, end) and not overlaps_found(start, end):
            add(start, end, resolve_speaker(subject, entities, start, source), adjective.text)
    for speaker, start, end in _labelled_paragraphs(doc, entities):
        if not overlaps_found(start, end):
            add(start, end, speaker, ":")
    # A sourceless clause inside an attributed quote ("..., agreed to X, the Ministry said")
    # is part of that quote, not a quote of its own.
    found = [q for q in found if q.speaker is not None or q.quote_type == "direct" or not any(
        o is not q and o.speaker is not None and o.char_start <= q.char_start and q.char_end <= o.char_end for o in found)]
    return sorted(found, key=lambda q: q.char_start)
