"""Trigger rules for dates the parser hangs in the wrong clause or on the wrong word of a phrase:
a quoted name, a restrictive relative clause of the subject, a verb of remaining and its state,
a figure that changes, an event something led to, a superlative's period. Entries of
``EVENT_TRIGGERS`` (``transforms.time.event_rules``), which orders them; the examples follow
that module's conventions (``NO_EVENT_TEXT``: the event is dropped).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from transforms.lexicons import words
from transforms.rules import Example, rule
from transforms.time.event_site import (
    EVENT_NOUN_FORMS,
    FIGURE_NOUNS,
    NO_EVENT,
    NO_EVENT_TEXT,
    EventSite,
    NoEventAnswer,
    all_forms,
    is_event_noun,
    preposition,
)

# A TIMEX3 value of one day or a time in it ("2023-06-05", "2023-06-05TEV").
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
OPENING_QUOTES = frozenset("\u201c\u2018")
CLOSING_QUOTES = frozenset("\u201d\u2019")
STRAIGHT_QUOTES = frozenset('"')
# The marks that open a quoted name.
NAME_MARKS = OPENING_QUOTES | STRAIGHT_QUOTES
# The longest quotation read as a name or a label inside a noun phrase, in tokens.
MAX_QUOTED_NAME = 10


def _quoted_span(token: Token) -> tuple[int, int] | None:
    """The token indices (first, last) inside the quotation marks around a token in its
    sentence, the marks left out; None when the token is not inside a quotation there."""
    sent = token.sent
    opening = None
    straight = 0
    for t in sent:
        if t.i >= token.i:
            break
        if t.text in OPENING_QUOTES:
            opening = t.i
        elif t.text in CLOSING_QUOTES and t.text != "\u2019":
            opening = None
        elif t.text in STRAIGHT_QUOTES:
            straight += 1
            opening = t.i if straight % 2 == 1 else None
    if opening is None:
        return None
    closing = next(
        (t.i for t in sent if t.i > token.i and (t.text in CLOSING_QUOTES and t.text != "\u2019" or t.text in STRAIGHT_QUOTES)),
        None,
    )
    if closing is None:
        return None
    return opening + 1, closing - 1


@rule(
    Example("Her pupils had practised the \u201cdrop, cover and hold on\u201d drill last week.", "practised"),
    Example("The band played \u201cLet It Be\u201d on Sunday.", None),
    Example("\u201cWe will leave,\u201d he said on Monday.", None),
    Example('Sometime next year, Control Data will " develop a new bank relationship," Mr. Perlman said.', None),
)
def quoted_name(site: EventSite) -> Token | NoEventAnswer | None:
    """A date outside a short quotation that names a thing inside a noun phrase ("practised
    the 'drop, cover and hold on' drill last week"), where the parser hung the date on a verb
    of the quoted words: the quoted words are a name, no happening; the date dates the first
    verb above them outside the quotation.

    Notes:
        Only a quotation inside a noun phrase, after a determiner, an adjective or a possessive
        and before a noun (the quoted words modify it: "the '...' drill"), of at most ten tokens
        ('will "develop a new bank relationship," Mr. Perlman said' is a quoted clause); a
        quoted title standing alone ("played 'Let It Be' on Sunday") is
        parsed as the object and the climb does not reach inside it. A date inside a quotation
        is ``reported_in_quote``'s.
    """
    climbed = site.climbed
    if climbed is None:
        return None
    doc = climbed.doc
    # A short name's opening mark lies a few tokens before: spare the sentence walk without one.
    # Their characters first, which most such places lack: reading the tokens builds each anew.
    first = max(0, climbed.i - MAX_QUOTED_NAME - 1)
    nearby = site.text[doc[first].idx : climbed.idx] if climbed.i > 0 else ""
    if not any(mark in nearby for mark in NAME_MARKS):
        return None
    if not any(t.text in OPENING_QUOTES or t.text in STRAIGHT_QUOTES for t in doc[first : climbed.i]):
        return None
    span = _quoted_span(climbed)
    if span is None or span[0] <= site.root.i <= span[1] or span[1] - span[0] + 1 > MAX_QUOTED_NAME:
        return None
    after, before = span[1] + 2, span[0] - 2
    if after >= len(doc) or before < 0 or doc[after].pos_ not in ("NOUN", "PROPN"):
        return None
    if not (doc[before].pos_ in ("DET", "ADJ") or doc[before].tag_ in ("PRP$", "POS")):
        return None  # 'will "develop a new bank relationship," Mr. Perlman said': no noun phrase
    return next((a for a in climbed.ancestors if not span[0] <= a.i <= span[1] and a.pos_ == "VERB"), None)


REMAINING_VERBS = all_forms(frozenset({"stay", "remain"}))


@rule(
    Example("Highway 97 will stay closed through Monday, police said.", "stay closed"),
    Example("The plant remained shut until March.", "remained shut"),
    Example("She stayed in Leeds until Friday.", None),
    Example("Ties remain strained by the legacy of its atrocities in the 1930s.", None),
)
def remaining_state(site: EventSite) -> Token | Span | NoEventAnswer | None:
    """A date on "stay" or "remain" with an adjective or participle complement ("will stay
    closed through Monday", "remained shut until March") dates the state that goes on: the
    trigger is the phrase from the verb to its state ("stay closed", "remained shut"), one
    happening named by both words, as the news gold writes either ("closed" through Monday,
    "stay" closed until 6 p.m.).

    Notes:
        A place ("stayed in Leeds until Friday") keeps the verb: staying somewhere is the
        happening. Only a date on the verb or the state itself: one deeper ("remain strained by
        the legacy of its atrocities in the 1930s") is another word's.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in REMAINING_VERBS:
        return None
    state = next(
        (c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp") and c.pos_ in ("ADJ", "VERB") and c.i < site.root.i),
        None,
    )
    prep = preposition(site.root)
    top = prep if prep is not None else site.root
    if state is None or top.head not in (verb, state):
        return None  # "remain strained by the legacy of atrocities in the 1930s": the date is the atrocities'
    return verb.doc[verb.i : state.i + 1] if verb.i < state.i else state


@rule(
    Example("A red panda that escaped from the zoo in Burlington, Vermont, on Monday night was found safe on Tuesday morning.", "escaped"),
    Example("The firm, which employs 300 people, on Monday said it would close.", None),
    Example("The company that owns the plant on Monday said it would close.", None),
)
def subject_relative_clause(site: EventSite) -> Token | NoEventAnswer | None:
    """A date between a restrictive relative clause of the subject and its verb ("a red panda
    that escaped from the zoo on Monday night was found on Tuesday"): the relative clause runs
    up to the subject's verb, so the date is the relative clause's, though the parser hangs it
    on the main verb.

    Notes:
        Only a relative clause with no comma before it (a restrictive one), and a date followed
        by an auxiliary or a comma, not by the verb itself: "the company that owns the plant on
        Monday said" is the wire's "X on Monday said", the saying. A clause set off by commas
        ("The firm, which employs 300 people, on Monday said") ends at its comma.
    """
    verb, root = site.climbed, site.root
    if verb is None or verb.pos_ != "VERB":
        return None
    prep = preposition(root)
    top = prep if prep is not None else root
    if top.head != verb or top.i > verb.i:
        return None
    date_end = max(t.i for t in root.subtree)
    doc = root.doc
    if date_end + 1 == verb.i:
        return None  # "... on Monday said": the main verb's date
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < top.i), None)
    if subject is None:
        return None
    clause = next((c for c in subject.children if c.dep_ == "relcl" and c.pos_ == "VERB" and c.i < top.i), None)
    if clause is None or clause.right_edge.i >= top.i:
        return None
    left = clause.left_edge.i
    if left > 0 and doc[left - 1].is_punct:
        return None  # "The firm, which employs 300 people, on Monday said": a clause set off
    return clause


OUTCOME_VERBS = all_forms(words("outcome_verbs")) | {"led"}
# The preposition that introduces each outcome verb's outcome: "led to", "resulted in", "culminated in".
LEAD_FORMS = all_forms(frozenset({"lead"})) | {"led"}


@rule(
    Example("The dispute led to the first statewide teachers' strike in a decade in May.", "strike"),
    Example("The talks resulted in a deal on Friday.", "deal"),
    Example("The row led to a long silence in May.", None),
    Example("The storm led to floods, officials said on Monday.", None),
    Example("The actress led a group of celebrities in a beach ceremony on Friday.", None),
)
def outcome_event(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after the event noun that something "led to" or "resulted in" ("a dispute that
    led to the state's first strike in May"): the date is the outcome's, the event named; the
    leading is a relation between two happenings, not one of its own at that time.

    Notes:
        Only a date after an event noun and hung on the verb (``outcome_verbs``), the noun
        after "to" for "lead" and after "in" for the others, and a verb with no object ("led a
        group in a beach ceremony on Friday" is leading someone): "led to a long silence in May"
        keeps the verb; a date on another verb ("officials said on Monday") is that verb's.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in OUTCOME_VERBS:
        return None
    prep = preposition(site.root)
    top = prep if prep is not None else site.root
    if top.head != verb or any(c.dep_ == "dobj" for c in verb.children):
        return None  # "led a group in a beach ceremony Friday", "led Pakistan to victory": leading someone
    outcome = "to" if verb.lower_ in LEAD_FORMS else "in"
    return next(
        (p for c in verb.children if c.dep_ == "prep" and c.lower_ == outcome and c.i < top.i
         for p in c.children if p.dep_ == "pobj" and is_event_noun(p)),
        None,
    )


CHANGE_VERBS = all_forms(words("change_verbs")) | {"rose", "risen", "fell", "fallen", "grew", "grown", "shrank", "shrunk", "slid"}


@rule(
    Example("Its purchases in the first half of the year fell by about a fifth.", "fell"),
    Example("Sales in March rose 5 percent.", "rose"),
    Example("The strike in May cost millions.", None),
)
def changed_figure(site: EventSite) -> Token | NoEventAnswer | None:
    """A period on the subject of a verb of change ("its purchases in the first half fell",
    "sales in March rose 5 percent"): the subject is a figure of the period, the happening told
    is its change, the verb (``change_verbs``), though the climb stops at the subject's noun.

    Notes:
        Only a period hung on the subject by a preposition; an event that only costs or lasts
        ("the strike in May cost millions") keeps the noun.
    """
    noun = site.climbed
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if not (noun.lower_ in EVENT_NOUN_FORMS or noun.lower_ in FIGURE_NOUNS):
        return None
    prep = preposition(site.root)
    if prep is None or prep.head != noun:
        return None
    verb = noun.head
    return verb if verb.pos_ == "VERB" and verb.lower_ in CHANGE_VERBS and verb.i > site.root.i else None


GO_FORMS = frozenset({"go", "goes", "went", "gone", "going"})


@rule(
    Example("Limpopo went through a severe drought in the mid-2010s.", "drought"),
    Example("The bill went through parliament in May.", None),
)
def gone_through(site: EventSite) -> Token | NoEventAnswer | None:
    """"Go through" an event ("went through a severe drought in the mid-2010s", "goes through
    a recession"): the light phrase only carries the event noun, which the date dates, as a
    light verb does its object (``support_verb_object``).

    Notes:
        A thing gone through that is no event ("went through parliament in May") keeps the verb.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in GO_FORMS:
        return None
    return next(
        (p for c in verb.children if c.dep_ == "prep" and c.lower_ == "through" and c.i < site.root.i
         for p in c.children if p.dep_ == "pobj" and is_event_noun(p)),
        None,
    )


@rule(
    Example("The heaviest sanction handed to a leading rider this decade.", NO_EVENT_TEXT),
    Example("The round was one of the largest investments in an African company this year.", NO_EVENT_TEXT),
    Example("The largest bank raised its rates this year.", None),
    Example("The biggest achievement of the talks yesterday was a deal on water.", None),
)
def superlative_period(site: EventSite) -> Token | NoEventAnswer | None:
    """A bare period on a noun with a superlative, or on a participle that describes one ("the
    heaviest sanction handed to a rider this decade", "one of the largest investments in the
    sector this year"), is the superlative's field, what it is the largest of: no happening is
    dated (as ``record_since`` reads "its highest level since 1981").

    Notes:
        Only a period longer than a day with no preposition ("this year", "this decade"): a
        day ("the biggest achievement yesterday") dates the thing achieved; "the largest bank raised
        its rates this year" dates the raising (the period is on the verb).
    """
    root = site.root
    if root.dep_ != "npadvmod" or site.value is None or DAY_VALUE.match(site.value):
        return None  # "the biggest achievement of Abu Mazen yesterday": a day dates what was achieved
    head = root.head
    if head.dep_ == "acl" and head.pos_ == "VERB":
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ == "amod" and (c.tag_ == "JJS" or any(m.lower_ == "most" for m in c.children)) for c in head.children):
        return NO_EVENT
    return None


@rule(
    Example("Deliveries will start in September, with the first cargo of about 60,000 tonnes due to sail by mid-September.", "sail"),
    Example("Deliveries will start with the first cargo in September.", None),
)
def verb_before_date(site: EventSite) -> Token | NoEventAnswer | None:
    """A date right after a verb phrase that describes a noun ("the first cargo, due to sail by
    mid-September", "a plan to build it in 2025"), where the parser hung the date on that noun:
    the date is the describing verb's, whose words it follows.

    Notes:
        Only a noun that names no event (an event noun is dated itself: "the decision to close
        the plant on Monday"), and an infinitive or a participle whose words end right before
        the date's preposition: a finite relative clause ("a person I have in the past made
        ...") is a parse gone wrong of another kind.
    """
    prep = preposition(site.root)
    if prep is None:
        return None
    noun = prep.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ in EVENT_NOUN_FORMS:
        return None
    doc = noun.doc
    before = doc[prep.i - 1] if prep.i > 0 else None
    if before is None:
        return None
    verb = next((a for a in [before, *before.ancestors] if a.pos_ == "VERB" and a.i > noun.i), None)
    if verb is None or noun not in verb.ancestors or verb.right_edge.i != prep.i - 1:
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and verb.dep_ != "acl":
        return None  # "As a person I have in the past made ...": a finite clause is no description
    return verb


# Marks inside a sentence that a split after them cannot have ended.
SPLIT_MARKS = frozenset({",", "-", "(", "\u2013", "\u2014"})


@rule(
    Example("The site was added to the list in 1997.", None),
)
def split_sentence(site: EventSite) -> Token | NoEventAnswer | None:
    """A date in a piece the parser split off its sentence ("the centre, which was added to the
    UNESCO World Heritage list in 1997": a new "sentence" headed by "list"), where the climb
    finds no verb: the date dates the nearest verb before the split, whose clause it ends.

    Notes:
        Only a split with no sentence end between (a full stop, a question or exclamation mark,
        a colon, a closing quotation mark or a line break): a heading or a dateline with no verb
        dates nothing.
    """
    if site.climbed is not None:
        return None
    sent = site.root.sent
    doc = site.root.doc
    if sent.start == 0:
        return None
    last = doc[sent.start - 1]
    if last.is_punct and last.text not in SPLIT_MARKS or last.tag_ == "''" or "\n" in last.whitespace_ or last.is_space:
        return None  # a sentence end, a closing quotation mark or a line break: a real boundary
    # The nearest verb before the split: its clause is the one the piece goes on with (the
    # parse of the cut-off words is no guide).
    return next((t for t in reversed(doc[last.sent.start : last.i + 1]) if t.pos_ == "VERB"), None)


@rule(
    Example("At least 36 festivals have been cancelled, postponed or scaled back this year.", "cancelled"),
    Example("Prices rose in March and fell in April.", None),
    Example("Prices rose in March, fell in April and recovered in May.", None),
    Example("He was arrested and charged on Monday.", None),
)
def listed_verbs(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after a list of three or more verbs that share their subject and auxiliaries
    ("have been cancelled, postponed or scaled back this year"), which the parser hangs on the
    last: the date dates the list as one happening, named by its first verb, the head of the
    coordination (as the news gold writes it).

    Notes:
        Only a list of three or more: two verbs ("was arrested and charged on Monday") keep the
        climb, and a conjunct with a subject or auxiliary of its own, or with its own date before
        this one ("rose in March and fell in April"), is a happening of its own.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.dep_ != "conj" or verb.i > site.root.i:
        return None
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ == "VERB" and chain[-1].head.i < chain[-1].i:
        chain.append(chain[-1].head)
    if len(chain) < 3:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for member in chain[:-1] for c in member.children):
        return None  # a conjunct with a subject or auxiliary of its own is a clause of its own
    if any(_dated_elsewhere(member, site.root) for member in chain):
        return None  # "rose in March, fell in April and recovered in May": one date each
    return chain[-1]


def _dated_elsewhere(verb: Token, date: Token) -> bool:
    """Whether a verb has a date of its own besides the given one (a modifier whose words the
    model tagged a date or a time)."""
    for child in verb.children:
        if child.dep_ not in ("prep", "npadvmod", "advmod") or date in child.subtree:
            continue
        if any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            return True
    return False
