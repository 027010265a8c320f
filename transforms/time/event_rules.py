"""Which happening a temporal expression dates: an ordered registry of named trigger rules.

``extract_events`` climbs from a DATE or TIME expression to the verb (or event noun) it modifies;
``EVENT_TRIGGERS`` then corrects that first guess where a construction says the date belongs to
another word ("declined to comment on Thursday" dates the declining, "a loss for 2021" the loss)
or to no happening at all (a copula's state, "cheap autumn fares", "from a year earlier"). The
first rule that answers wins; ``NO_EVENT`` drops the event; no answer keeps the climbed word.
Each event row's ``trigger_by`` names the rule (``nearest_verb`` when none answered).

A rule reads an ``EventSite``: the expression's root token and the word the climb reached.
Examples give a sentence and the trigger expected (``NO_EVENT_TEXT``: the event is dropped;
None: the rule must not answer); ``tests/time/test_event_rules.py`` runs them all.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from transforms.lexicon import REPORTING_VERB_FORMS
from transforms.lexicons import words
from transforms.rules import Example, rule
from transforms.time.event_constructions import (
    FORECAST_VERBS,
    answer_to_question,
    convened_event,
    dateline_date,
    describing_participle,
    event_for_date,
    event_object_ahead,
    forecast_object,
    made_event_object,
    inside_name,
    inside_object,
    later_conjunct,
    most_recent_repeat,
    name_taken_for_verb,
    onset_phrase,
    proposed_event,
    present_state,
    record_since,
    report_date_before_clause,
    semi_modal,
    setting_event,
    scheduled_setting,
    setting_of_happening,
    when_clause,
)
from transforms.time.event_clauses import (
    changed_figure,
    gone_through,
    listed_verbs,
    outcome_event,
    quoted_name,
    remaining_state,
    split_sentence,
    subject_relative_clause,
    superlative_period,
    verb_before_date,
)
from transforms.time.event_phrases import as_planned, come_to_phrase, event_noun_beside_date, aspectual_head, before_relative_clause, covered_period, deadline_given, due_by_date, go_on_phrase, ignored_object, parenthetical_of_event, occurring_subject, range_end, subject_event_noun, support_verb_object
from transforms.time.event_site import (
    all_forms,
    DIRECTIVE_VERB_FORMS,
    EVENT_NOUN_FORMS,
    FIGURE_NOUNS,
    FIGURE_VERBS,
    IMPLICATIVE_VERBS,
    NAMING_PARTICIPLES,
    NO_EVENT,
    NO_EVENT_TEXT,
    SCHEDULE_VERBS,
    EventSite,
    NoEventAnswer,
    TriggerRule,
    is_event_noun,
    preposition,
)

__all__ = ["EVENT_NOUN_FORMS", "EVENT_TRIGGERS", "NO_EVENT", "NO_EVENT_TEXT", "EventSite"]

# A comparison's base period ("rose 5% from a year earlier"): the words that make it one.
COMPARISON_PREPOSITIONS = frozenset({"from", "than", "over"})
RELATIVE_WORDS = frozenset({"earlier", "ago", "before", "previous", "prior", "last"})
# Forms of "be", a copula even where the tagger calls it a verb.
BE_FORMS = frozenset({"be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re"})
# Adverbs that are a copula's predicate: "shares are up 12 percent this year".
DIRECTION_PREDICATES = frozenset({"up", "down", "off", "higher", "lower"})
# "no later than March 1": a deadline, not the base of a comparison.
DEADLINE_COMPARATIVES = frozenset({"later", "earlier", "sooner", "before"})


@rule(
    Example("Prices rose 7 percent in March from a year earlier.", NO_EVENT_TEXT),
    Example("Sales were higher than a year ago.", NO_EVENT_TEXT),
    Example("The office was open from last year.", None),
    Example("The dam was 4 percent full, compared with 38 percent a year earlier.", NO_EVENT_TEXT),
    Example("The town has 900 residents, down from about 3,000 in the 1970s.", NO_EVENT_TEXT),
    Example("Inflation was 6 percent, against 4 percent in May.", NO_EVENT_TEXT),
    Example("The bottom club faces a series against the second-tier champion in April.", None),
    Example("The airport handled 2 million passengers, compared with 3 million in 2019.", NO_EVENT_TEXT),
    Example("The strike will cost far less than a similar one in August.", NO_EVENT_TEXT),
    Example("Forms must arrive no later than March 1.", None),
    Example("Exports rose from March to June.", None),
    Example("Sales rose from the same period a year earlier.", NO_EVENT_TEXT),
    Example("Net profit fell to 1.8 billion rupees from 2.9 billion rupees a year earlier.", NO_EVENT_TEXT),
    Example("He had borrowed a metal detector from a friend a week earlier.", None),
    Example("Bookings were down 8 percent on a year earlier.", NO_EVENT_TEXT),
    Example("Tickets sold rose to 186,000, up 11 percent on the same point last year.", NO_EVENT_TEXT),
    Example("Shares were up 3 percent on Friday.", None),
    Example("A public inquiry heard evidence over 11 days last summer.", None),
)
def comparison_base(site: EventSite) -> Token | NoEventAnswer | None:
    """The base of a comparison dates no happening, the other date of the clause does: a
    relative expression after "from", "than" or "over" ("rose 5% from a year earlier", "than a
    year ago"), and any date inside what is compared with ("compared with 3 million in 2019",
    "against 4 percent a year ago", "down from 3,000 in the 1970s", "far less than a similar
    one in August", "up 11 percent on the same point last year"); "against" compares only figures ("a series against the champion in April"
    is a match).

    Notes:
        "from March to June" (a range) is a start, not a base: a date after a bare "from" must
        be relative (earlier, ago, before, previous, prior, last); "from" is a comparison's only
        after a direction word ("up from", "down from", "higher from"), and the date must be
        the base itself or a base period's ("from the same period a year earlier"), not what
        "from" names ("borrowed it from a friend a week earlier"). "on" compares only after a
        direction word and with a relative date ("down 8 percent on a year earlier"): "up 3
        percent on Friday" is the day of the rise. A deadline ("no later than
        March 1") is no comparison. The search for the comparison stops at the first verb above
        the date, so a comparison in another clause does not reach it. A count of days, weeks
        or months after "over" ("heard evidence over 11 days last summer") is a stretch of
        time, no base: the date is when it ran.
    """
    if _compared_with(site.root):
        return NO_EVENT
    prep = preposition(site.root)
    if prep is None:
        return None
    if prep.lower_ in ("with", "to") and prep.head.lower_ == "compared" or prep.lower_ == "against":
        # "compared with 38 percent a year earlier", "against 4 percent a year ago"
        return NO_EVENT if {t.lower_ for t in prep.subtree} & RELATIVE_WORDS else None
    if prep.lower_ not in COMPARISON_PREPOSITIONS:
        return None
    if prep.lower_ == "over" and any(t.lower_ in TIME_UNITS and any(c.like_num for c in t.children) for t in _up_to(site.root, prep)):
        return None  # "over 11 days last summer": a stretch of time, no base
    if any(_names_a_thing(t) for t in _up_to(site.root, prep)):
        # "borrowed a detector from a friend a week earlier": the date hangs on what "from"
        # names, a thing or a person, not a base period.
        return None
    relative = {t.lower_ for t in prep.subtree}
    if relative & RELATIVE_WORDS and not (prep.lower_ == "from" and "last" in relative and "earlier" not in relative and "ago" not in relative):
        return NO_EVENT
    return None


# Units of a counted stretch of time ("over 11 days last summer").
TIME_UNITS = frozenset({"hours", "days", "weeks", "months", "years", "nights", "sessions"})
# Nouns that a base of comparison may name besides its figure ("from the same period a year earlier").
BASE_NOUNS = frozenset({"period", "periods", "level", "levels", "point", "time", "percent", "%", "quarter", "month", "year"})


def _up_to(token: Token, ancestor: Token) -> list[Token]:
    """The tokens between a token and one of its ancestors, on the way up (both left out)."""
    path = []
    for above in token.ancestors:
        if above == ancestor:
            return path
        path.append(above)
    return []


def _names_a_thing(token: Token) -> bool:
    """Whether a noun between a date and its "from" names a thing or a person, not a figure, an
    amount or a base period ("from a friend a week earlier", not "from the same period a year
    earlier" or "from 2.9 billion rupees a year earlier")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.like_num or token.lower_ in BASE_NOUNS or token.lower_ in FIGURE_NOUNS:
        return False
    # "from 2.97 billion rupees a year earlier": an amount counted is a figure
    return not any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in token.children)


def _compared_with(root: Token) -> bool:
    """Whether a date lies inside the base of a comparison of its clause: under "compared
    with/to", "against", "than" (not "later than", a deadline), or "from" (or "on" with a
    relative date) after a direction word."""
    for token in root.ancestors:
        if token.pos_ in ("VERB", "AUX") and token.lower_ != "compared":
            return False
        word, head = token.lower_, token.head.lower_
        if word in ("with", "to") and head == "compared" or word == "against" and token.dep_ == "prep" and any(t.tag_ == "CD" for t in token.subtree):
            # "against 4 percent a year ago" compares figures; "a series against the champion in
            # April" is a match.
            return True
        if word == "than" and head not in DEADLINE_COMPARATIVES:
            return True
        if word == "from" and head in DIRECTION_PREDICATES:
            return True
        if word == "on" and head in DIRECTION_PREDICATES and {t.lower_ for t in token.subtree} & RELATIVE_WORDS:
            # "up 11 percent on the same point last year": a change measured on a base period
            # ("were up 3 percent on Friday" dates the change: no relative word, no base).
            return True
    return False


@rule(
    Example("The airline was advertising cheap autumn fares.", NO_EVENT_TEXT),
    Example("Current students will be able to finish.", NO_EVENT_TEXT),
    Example("A 2019 report found that the river was polluted.", NO_EVENT_TEXT),
    Example("The firm's 2023 annual report shows a loss.", NO_EVENT_TEXT),
    Example("The summer festival opened on Friday.", None),
    Example("Talks on sharing this year's mackerel catch broke down.", None),
    Example("The council will settle the matter at its 2024 mid-term review.", None),
    Example("The council may cut evening and Sunday bus services.", NO_EVENT_TEXT),
    Example("It cited a poll published on Sunday showing challenger Denise Lachance ahead.", None),
    Example("Shares rose 6 percent in afternoon trading.", None),
    Example("The company expects to break even in the 2026 financial year.", None),
    Example("It thanked the tycoons who bankrolled the 2019 election campaigns.", "campaigns"),
)
def modifier_of_thing(site: EventSite) -> Token | NoEventAnswer | None:
    """An expression that only modifies a thing ("autumn fares", "the 2021 model", "a 2019
    report"): it dates no happening.

    Notes:
        The thing is the head of the whole noun phrase, past compounds ("its 2024 mid-term
        review" modifies "review"); a coordinated modifier ("evening and Sunday services") is
        read in the first conjunct's place. A modified event noun ("the summer festival", "Friday's
        meeting") is left to the climb, and so is a date right after "on", "since", "until" or
        "by", which the parser may take for a modifier of the words after it ("a poll published
        on Sunday showing challenger Denise Lachance ahead"). A part of a day that modifies
        what goes on in it, inside "in" or "during" ("rose 6 percent in afternoon trading"),
        is when the clause's happening took place, not a kind of thing: the climb stands. A
        year number before a stretch of the calendar ("the 2026 financial year", ``CALENDAR_NOUNS``;
        not "year 2002")
        is no thing's: the year names the time of the clause's happening ("the Easter week" or
        "the Christmas sales period" stay things). A possessive ("this year's mackerel catch",
        "Tuesday's unrest") is left to the climb: too many of its nouns are happenings no word
        list names. A noun led by an event noun ("the 2019 election campaigns") is a happening
        of that kind: the date dates it.
    """
    root = site.root
    if _part_of_day_setting(root, site.value):
        return None
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "evening and Sunday services": the first conjunct's place
    if root.dep_ not in ("compound", "amod", "nmod", "nummod"):
        return None
    first = min(t.i for t in root.subtree)
    if first > 0 and root.doc[first - 1].pos_ == "ADP" and root.doc[first - 1].lower_ in DATE_PREPOSITIONS:
        # "a poll published on Sunday showing ...": the parser made "Sunday" a compound of the
        # words after it, but a date right after "on" is the preposition's object.
        return None
    head = root.head
    while head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
        head = head.head
    calendar = head.lower_ in CALENDAR_NOUNS and YEAR_NUMBER.fullmatch(root.text) is not None and root.i < head.i
    if head.pos_ in ("NOUN", "PROPN") and not is_event_noun(head) and not calendar:
        if any(c.dep_ == "compound" and c.i > root.i and is_event_noun(c) for c in head.children):
            return head  # "the 2019 election campaigns": the campaigns of an election
        return NO_EVENT
    return None


YEAR_NUMBER = re.compile(r"\d{4}")
# Nouns of a stretch of the calendar: a year on one ("the 2026 financial year") names a time, not a thing.
CALENDAR_NOUNS = frozenset({"year", "years", "quarter", "half", "season", "month", "week", "day"})


# TIMEX3 codes of the parts of a day ("2023-06-05TAF"): the end of a TIME value.
PART_OF_DAY_CODES = ("TMO", "TAF", "TEV", "TNI")


def _part_of_day_setting(root: Token, value: str | None) -> bool:
    """Whether a part of a day modifies the noun of an "in" or "during" phrase ("in afternoon
    trading", "during evening rush hour"): the time of the goings-on that noun names."""
    if value is None or not value.endswith(PART_OF_DAY_CODES):
        return False
    noun = root.head
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during")


# Prepositions whose object a date is, never a modifier of the noun after it.
DATE_PREPOSITIONS = frozenset({"on", "since", "until", "till", "by"})


QUOTE_MARKS = frozenset('"\u201c\u201d')


def _crosses_quote(a: Token, b: Token, text: str) -> bool:
    """Whether an odd number of quotation marks lies between two tokens: one is inside a quote,
    the other outside."""
    start, end = sorted((a.idx, b.idx))
    return sum(ch in QUOTE_MARKS for ch in text[start:end]) % 2 == 1


_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP"))


@rule(
    Example("The Liberian-flagged Sealark Carrier, operated by Hamburg-based Brandt & Sohl Reederei, lost steering at 4:50 a.m. near "
            "Rendsburg and swung across the channel, the Federal Waterways Office said.", "lost"),
    Example("The ship lost steering near Rendsburg, the office said on Thursday.", None, "the cue's own date"),
)
def clause_taken_for_subject(site: EventSite) -> Token | NoEventAnswer | None:
    """A date inside the words a postposed attribution reports, where the parser read the whole
    clause as the cue's subject ("The ship, operated by X, lost steering at 4:50 a.m. ..., the
    office said"): the climb reaches the cue, but the date belongs to the clause's own verb,
    the last finite verb before the date inside that subject.

    Notes:
        Only a reporting verb whose subject (or a "clause" the parser headed by a noun) holds
        the date and a finite verb before it; a date outside ("said on Thursday") is the cue's own.
    """
    cue = site.climbed
    if cue is None or cue.lower_ not in REPORTING_VERB_FORMS:
        return None
    # The clause hangs on the cue as a noun phrase: its subject, or a "clause" headed by a noun.
    part = next((c for c in cue.children if c.i < cue.i and c.dep_ in ("nsubj", "nsubjpass", "ccomp") and c.pos_ in ("NOUN", "PROPN")
                 and c.left_edge.i <= site.root.i <= c.right_edge.i), None)
    if part is None:
        return None
    doc = site.root.doc
    return next((t for t in reversed(doc[part.left_edge.i : site.root.i]) if t.tag_ in _FINITE_TAGS and t.pos_ == "VERB"), None)


@rule(
    Example('"Not before March," said Ms Ortiz.', NO_EVENT_TEXT),
    Example('"Maybe next year," the minister said.', NO_EVENT_TEXT),
    Example('"We sold the house in 2019," said Ms Ortiz.', None),
    Example('Ms Ortiz said on Monday: "We are leaving."', None),
    Example('The group said the agency had known about the rust "since 2021".', None),
    Example('The office said it had "recently" received a request from the council.', None),
    Example('The chief executive told analysts the company expected "a difficult first half".', NO_EVENT_TEXT),
)
def reported_in_quote(site: EventSite) -> Token | NoEventAnswer | None:
    """A date inside a quotation dates a happening inside it, never the reporting verb outside:
    when the climb leaves the quote for a verb of saying ("'Not before March,' said Ms Ortiz":
    no verb inside), there is no event. A quoted happening ("'We sold the house in 2019,' she
    said") keeps its verb: the climb stops inside.

    Notes:
        Quotes are found by counting quotation marks between the date and the climbed word;
        a quote left open at a paragraph's end is not told apart. A few quoted words inside the
        writer's own clause as its adverbial ("had known about the rust 'since 2021'") date that
        clause's verb, which is not one of saying: the climb stands. A quoted object ("expected
        'a difficult first half'") names what is expected, no time of the expecting.
    """
    climbed = site.climbed
    if climbed is None or not _crosses_quote(site.root, climbed, site.text):
        return None
    prep = preposition(site.root)
    adverbial = prep is not None and prep.head == climbed or site.root.head == climbed and site.root.dep_ in ("advmod", "npadvmod")
    if climbed.pos_ == "VERB" and climbed.lower_ not in REPORTING_VERB_FORMS and adverbial:
        return None  # a quoted adverbial of the writer's clause ("had known about it 'since 2021'")
    return NO_EVENT


@rule(
    Example("Tavira declined to comment on Thursday.", "declined"),
    Example("The club refused to comment on Friday.", "refused"),
    Example("They agreed to sell the plant in May.", None),
)
def implicative_head(site: EventSite) -> Token | NoEventAnswer | None:
    """A date on the complement of "declined", "refused", "failed", "managed" dates that verb:
    the complement happens (or not) when it does.

    Notes:
        Other verbs keep their complement's date ("agreed to sell the plant in May": the sale).
    """
    verb = site.climbed
    if verb is not None and verb.dep_ == "xcomp" and verb.head.lower_ in IMPLICATIVE_VERBS:
        return verb.head
    return None


def _in_subject(token: Token, verb: Token) -> bool:
    """Whether a token lies inside the subject of a verb."""
    return any(a.head == verb and a.dep_ in ("nsubj", "nsubjpass") for a in [token, *token.ancestors])


@rule(
    Example("The company has until March 31 to pay the fine.", "pay"),
    Example("This is his second visit, the previous one being in March 2021.", "visit"),
    Example("The meeting is on Monday.", "meeting"),
    Example("The election is due in November, and campaigning starts next week.", "starts"),
    Example("The firm said it had been in talks with the regulator since 2021.", "talks"),
    Example("Officials believe an agreement is still possible before the winter.", "agreement"),
    Example("The reservoir was 9 percent full on Tuesday, engineers said.", "full"),
    Example('Her office said she was "happy to meet any vice-chancellor" next week.', "meet"),
    Example("It is one of the largest breaches this year.", NO_EVENT_TEXT),
    Example("The layoffs are the firm's third round of cuts this year.", "round"),
    Example("Our supply for the coming winter is secure.", NO_EVENT_TEXT),
    Example("Profits for 2023 were 20 percent higher.", "Profits"),
    Example("The shares are up 12 percent this year.", "up"),
    Example('"We were up until 4 in the morning," said one grower.', NO_EVENT_TEXT),
    Example("It was not until 2015 that the law changed.", "changed"),
    Example("There was a one-time gain of $18 million in the 1988 period.", "gain"),
    Example("The minister, who was in Liège on Sunday, said the reform was needed.", "was in Liège"),
    Example("Its experts had been on site since Monday morning.", "been on site"),
    Example('"We will be back at the table next spring."', "be back"),
)
def copula_complement(site: EventSite) -> Token | Span | NoEventAnswer | None:
    """A copula or "have" reached from the date: the happening is its verb complement ("has
    until March 31 to pay"), else its event noun subject or complement ("the meeting is on
    Monday", "his second visit, the previous one being in March", "had been in talks since
    2021"), else a figure subject the date is inside ("profits for 2023 were higher"), else its
    adjective, a dated state ("the dam was 9 percent full on Tuesday"), or the adjective's
    infinitive ("was happy to meet them next week"); a copula
    that puts its subject somewhere ("was in Liège on Sunday", "had been on site since Monday",
    "will be back next spring") dates that state, named by the phrase from the copula to the
    place; a copula with nothing of these ("one of the largest breaches this year") is no event.
    A cleft ("it was on Monday that the firm announced the cuts") dates its "that" clause; an
    existential ("there was a gain in 1988") dates what there was.

    Notes:
        "The previous one" is read as the nearest event noun before it in the sentence. The climb
        stops at a copula that has its own subject, so "believes a deal is possible before the
        summer" reaches "is", not "believes". A place that is an event ("was at the meeting on
        Monday") is not whereabouts; only "in", "at" and "on" places and a few adverbs (back,
        home, away, abroad, here, there) count.
    """
    verb = site.climbed
    if verb is None or not (verb.pos_ == "AUX" or verb.lower_ in BE_FORMS or (verb.lower_ in ("has", "have", "had", "having") and any(c.dep_ == "advcl" and c.pos_ == "VERB" for c in verb.children))):
        return None
    conjunct = next((a for a in [site.root, *site.root.ancestors] if a.head == verb and a.dep_ == "conj"), None)
    if conjunct is not None:
        # "The election is due in November, and campaigning starts next week": the second
        # clause's date, whatever tag the parser gave its verb.
        return conjunct
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB":
            return child
    if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        # A cleft: "it was on Monday that the firm announced the cuts" dates the announcing.
        cleft = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i > site.root.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if cleft is not None:
            return cleft
    for dep in ("attr", "nsubj"):
        # "The cuts are the second round this year": the predicate names the dated event.
        for child in verb.children:
            if child.dep_ == dep and is_event_noun(child):
                return child
    if any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children):
        # "there was a one-time gain in the 1988 period": what there was is the happening.
        noun = next((c for c in verb.children if c.dep_ in ("attr", "nsubj") and c.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None:
            return noun
    # "had been in talks since 2021": the event noun of the copula's own prepositional complement.
    for child in verb.children:
        if child.dep_ == "prep" and child.i < site.root.i:
            noun = next((c for c in child.children if c.dep_ == "pobj" and is_event_noun(c)), None)
            if noun is not None:
                return noun
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in FIGURE_NOUNS and _in_subject(site.root, verb):
        # "Profits for 2023 were 20 percent higher": the figure of the period.
        return subject
    adjective = next((c for c in verb.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    if adjective is None:
        # "The shares are up 12 percent this year": a direction adverb is the predicate.
        # Only a change by an amount: "we were up until 4 in the morning" is being awake.
        adjective = next(
            (c for c in verb.children if c.dep_ == "advmod" and c.lower_ in DIRECTION_PREDICATES and any(t.like_num for t in c.subtree)),
            None,
        )
    if adjective is not None and verb.pos_ == "AUX" and not _in_subject(site.root, verb):
        # "Our supply for the coming winter is secure": a date inside the subject dates no state.
        # "She was happy to meet them next week": the adjective's infinitive is the happening.
        infinitive = next((c for c in adjective.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i < site.root.i), None)
        return infinitive or adjective
    # "the previous one being in March": the event noun "one" stands for.
    path = [t for t in site.root.ancestors]
    for token in path:
        subject = next((c for c in token.children if c.dep_ == "nsubj" and c.lower_ == "one"), None)
        if subject is not None:
            before = [t for t in token.sent if t.i < subject.i and is_event_noun(t)]
            if before:
                return before[-1]
    place = _whereabouts(verb, site.root)
    if place is not None:
        # "the minister, who was in Liège on Sunday": being somewhere then is the dated state
        return verb.doc[verb.i : place.i + 1]
    return NO_EVENT


# Adverbs that say where someone is after a copula ("will be back at the table next spring").
WHEREABOUTS_ADVERBS = frozenset({"back", "home", "away", "abroad", "here", "there"})


def _whereabouts(verb: Token, date: Token) -> Token | None:
    """The place a copula puts its subject, between the copula and the date: "was in Liège on
    Sunday" -> Liège, "had been on site since Monday" -> site, "will be back next spring" ->
    back; None when the copula says nothing of where its subject is."""
    if verb.lower_ not in BE_FORMS or not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PRON", "PROPN", "NOUN") for c in verb.children) and verb.dep_ != "relcl":
        return None
    for child in verb.children:
        if not verb.i < child.i < date.i:
            continue
        if child.dep_ == "advmod" and child.lower_ in WHEREABOUTS_ADVERBS:
            return child
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "on") and not any(t.i == date.i for t in child.subtree):
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            if place is not None and not is_event_noun(place):
                return place
    return None


@rule(
    Example("It reported a pre-tax loss for 2021.", "loss"),
    Example("The ministry expected growth of about 3 percent this year.", "growth"),
    Example("It reported on Friday that sales fell.", None),
    Example("The club reported a loss of 1.2 million euros last year.", None),
)
def figure_for_period(site: EventSite) -> Token | NoEventAnswer | None:
    """A period on a verb that reports or forecasts a figure ("reported a loss for 2021",
    "expected growth this year") dates the figure, the verb's object.

    Notes:
        A day ("reported a loss on Friday") dates the report: only years, quarters, halves,
        months and "this year" qualify. On a verb that reports (not one that forecasts) the
        period must be the figure's by a preposition ("a loss for 2021"): a bare "last year"
        ("reported a loss last year") is the reporting's adverb, as the news gold writes it.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in FIGURE_VERBS:
        return None
    text = site.root.lower_
    if site.root.pos_ == "PROPN" and text not in ("q1", "q2", "q3", "q4"):
        # A weekday or a named month day: a day dates the report.
        return None
    if verb.lower_ not in FORECAST_VERBS and preposition(site.root) is None:
        return None  # "reported a loss last year": the report's date
    figure = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in FIGURE_NOUNS), None)
    return figure


@rule(
    Example("The deal values the yard at ten times its expected operating profit for 2024, the companies said.", "profit"),
    Example("Sales rose for the third month in a row in May.", None),
)
def figure_before_period(site: EventSite) -> Token | NoEventAnswer | None:
    """A period after "for" right after a figure noun ("its expected operating profit for 2024",
    "a loss for 2021") is the figure's, wherever the parser hangs it: the figure of that period
    is what it dates.

    Notes:
        Only "for" and a noun of ``figure_nouns.txt`` just before it; "sales rose for the third
        month in May" has no figure before its "for".
    """
    prep = preposition(site.root)
    if prep is None or prep.lower_ != "for" or prep.i == 0:
        return None
    before = prep.doc[prep.i - 1]
    return before if before.pos_ == "NOUN" and before.lower_ in FIGURE_NOUNS else None


@rule(
    Example("Its next flight is scheduled for early May.", "flight"),
    Example("The vote was set for Tuesday.", "vote"),
    Example("The report is due on June 12.", None),
    Example("The hearing, originally set for Tuesday, was postponed.", "hearing"),
    Example("The inquiry was set up in September after the system crashed.", None, "set up: founded, not scheduled"),
    Example("The first debate is on Thursday; a second debate is scheduled two weeks later.", None),
    Example("An update will be installed before the next test, planned for the autumn.", "test"),
    Example("The bill now needs the president's signature, which is expected next week.", "signature"),
)
def scheduled_event(site: EventSite) -> Token | NoEventAnswer | None:
    """An event noun scheduled, planned or set for a date ("the flight is scheduled for May",
    "the hearing, originally set for Tuesday"): the date is the event's, not the scheduling's.

    Notes:
        A participle set off by a comma right after an event noun ("the next test, planned for
        the autumn") describes that noun, though the parser may hang it on the clause's verb.
        A thing that is not an event noun ("the report is due") keeps the verb, and so do "set
        up" (founding an inquiry is no scheduling of it) and a
        date with no preposition, an adverb of the scheduling ("a second debate is scheduled
        two weeks later"), as the news gold writes it, unless a relative clause says what is
        scheduled ("the president's signature, which is expected next week": the signature).
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in SCHEDULE_VERBS:
        return None
    if any(c.dep_ == "prt" for c in verb.children):
        return None  # "the inquiry was set up in September": setting up is founding, no schedule
    if verb.dep_ == "relcl" and is_event_noun(verb.head) and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in verb.children):
        return verb.head  # "the president's signature, which is expected next week"
    if preposition(site.root) is None:
        return None
    if verb.dep_ == "acl" and is_event_noun(verb.head):
        return verb.head
    doc = verb.doc
    if verb.tag_ == "VBN" and verb.i > 1 and doc[verb.i - 1].text == "," and is_event_noun(doc[verb.i - 2]):
        # "before the next test, planned for the autumn": the participle set off after the
        # event noun describes it, wherever the parser hung it.
        return doc[verb.i - 2]
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj") and is_event_noun(c)), None)
    return subject


RESCHEDULING_VERBS = all_forms(words("rescheduling_verbs"))
# Verbs of moving that reschedule only with one of these particles ("brought forward", "pushed back").
PARTICLE_MOVES = frozenset(all_forms(frozenset({"bring", "push", "put"})) | {"brought"})
RESCHEDULING_PARTICLES = frozenset({"forward", "back", "off"})


@rule(
    Example("Her father's operation has been moved to Nov. 2.", "operation"),
    Example("The match had been moved from Saturday night to Sunday evening.", "match"),
    Example("The desalination plant has been brought forward to 2023.", "plant"),
    Example("The studio would delay its flagship title to the second half of 2026.", None),
    Example("The company moved to Oslo in 2019.", None),
    Example("It was moved to Friday.", None),
    Example("He brought the papers to the meeting on Friday.", None),
)
def rescheduled_thing(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after "to" or "from" on a passive verb that reschedules ("the operation has been
    moved to Nov. 2", "prize-giving was moved from Saturday night", "the plant has been brought
    forward to 2023")
    is the date of the thing moved, old or new ("the match was moved from Saturday night to Sunday evening": both the match's): that is what happens then; the moving itself
    happened at another time, not told.

    Notes:
        Only "to", "from" or "until" on the verb, and a noun moved as its passive subject: the
        passive tells of the thing and its date; an active verb tells of an act ("the studio
        would delay its title to 2026": the delaying, as the news gold writes it). "moved to Oslo
        in 2019" is a move of its own, and a pronoun ("it was moved to Friday") keeps the verb. "bring", "push" and "put" only with "forward", "back" or "off".
    """
    verb = site.climbed
    prep = preposition(site.root)
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in RESCHEDULING_VERBS or prep is None or prep.head != verb:
        return None
    if prep.lower_ not in ("to", "from", "until"):
        return None
    if verb.lower_ in PARTICLE_MOVES and not any(c.lower_ in RESCHEDULING_PARTICLES and c.dep_ in ("prt", "advmod") for c in verb.children):
        return None
    thing = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return thing if thing is not None and thing.pos_ in ("NOUN", "PROPN") else None


@rule(
    Example("The government would ask parliament to change the postal law, which requires deliveries five days a week, before the end of June.", "change"),
    Example("The union urged members on Monday to reject the offer.", None),
)
def directive_complement(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after what a verb of asking or ordering asks for ("ask parliament to change the
    law, which ..., before the end of June", "urged members to reject the offer by Friday") dates that
    happening, though the parser hangs it on the asking: a request names when what it asks
    for should happen.

    Notes:
        A date before the complement ("urged members on Monday to reject") is the asking's.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in DIRECTIVE_VERB_FORMS:
        return None
    date_start = min(t.i for t in site.root.subtree)
    if date_start < verb.i:
        return None
    return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and c.i < date_start), None)


@rule(
    Example('The school will give a farewell concert, titled "Last Light", on June 26.', "concert"),
    Example("A man called Smith arrived on Monday.", None),
    Example("The first launch attempt was called off on Feb. 3.", None),
    Example('The guild launched its campaign, titled "Count Us In", in June.', "launched"),
    Example("Developers had signed an open letter titled “Keep Larch Free” by Thursday afternoon.", "signed"),
    Example("Workers left the bridge, named after the 15th-century navigator.", None),
    Example("On Thursday the president named the other members of the government.", None),
    Example("The climbers were caught below the summit and called for help at 6:40 p.m.", None),
)
def named_event(site: EventSite) -> Token | NoEventAnswer | None:
    """A naming participle ("a concert, titled 'Last Light', on June 26") is never the event:
    the event noun it names is; a named thing that is no event ("launched its campaign, titled
    'Count Us In', in June") is what the verb above the participle acts on, and that verb is
    the happening.

    Notes:
        A name whose participle the climb does not reach ("a man called Smith arrived on
        Monday") is not this rule's: the climb stands. The verb of a named thing answers only
        for a participle set off by commas right after its noun and a date after a comma
        following the name; a participle that is a clause's own verb ("on Thursday named the
        other members") or a date inside the name ("the bridge, named after the 15th-century
        navigator") keeps the climb. Without commas, a name in quotation marks right after the
        participle and the date after its closing mark ("signed an open letter titled 'Keep
        Larch Free' by Thursday") also give the verb acting on the thing named. Only a
        participle names: a finite "called" ("were caught below the summit and called for
        help") is a happening of its own.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in NAMING_PARTICIPLES or any(c.dep_ == "prt" for c in verb.children):
        # "called off" is a verb of its own, not a name.
        return None
    if verb.tag_ != "VBN" or verb.dep_ in ("conj", "ROOT"):
        return None  # "were caught below the summit and called for help at 6:40 p.m.": a finite verb
    head = verb.head
    if is_event_noun(head):
        return head
    before = [t for t in head.subtree if t.i < verb.i and is_event_noun(t)]
    if before:
        return before[-1]
    return _verb_of_named_thing(verb, site.root)


def _verb_of_named_thing(participle: Token, date: Token) -> Token | None:
    """The verb acting on a thing named by a participle set off after it, when the date follows
    the name after a comma ("launched its campaign, titled 'Count Us In', in June" -> launched);
    None for a participle that is a clause's own verb ("on Thursday named the members") or a
    date inside the name ("the bridge, named after the 15th-century navigator")."""
    doc = participle.doc
    if participle.tag_ != "VBN" or participle.i < 2 or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in participle.children):
        return None
    prep = preposition(date)
    start = prep.i if prep is not None else min(t.i for t in date.subtree)
    if doc[participle.i - 1].text != ",":
        # "an open letter titled “Keep Larch Free” by Thursday": a quoted name closed before the date
        quoted = participle.i + 1 < len(doc) and doc[participle.i + 1].text in QUOTE_MARKS and start >= 1 and doc[start - 1].text in QUOTE_MARKS and start - 1 > participle.i + 1
        if not quoted or doc[participle.i - 1].pos_ not in ("NOUN", "PROPN"):
            return None
        thing = doc[participle.i - 1]
        return next((a for a in [thing, *thing.ancestors] if a.pos_ == "VERB" and a.i < participle.i), None)
    if doc[participle.i - 2].pos_ not in ("NOUN", "PROPN"):
        return None
    if start < 1 or doc[start - 1].text != ",":
        return None
    thing = doc[participle.i - 2]
    return next((a for a in [thing, *thing.ancestors] if a.pos_ == "VERB" and a.i < participle.i), None)


EVENT_TRIGGERS: tuple[TriggerRule, ...] = (
    dateline_date,
    present_state,
    inside_name,
    name_taken_for_verb,
    most_recent_repeat,
    comparison_base,
    covered_period,
    go_on_phrase,
    come_to_phrase,
    range_end,
    when_clause,
    record_since,
    superlative_period,
    modifier_of_thing,
    clause_taken_for_subject,
    quoted_name,
    reported_in_quote,
    parenthetical_of_event,
    answer_to_question,
    due_by_date,
    deadline_given,
    as_planned,
    before_relative_clause,
    event_noun_beside_date,
    subject_relative_clause,
    implicative_head,
    aspectual_head,
    support_verb_object,
    gone_through,
    ignored_object,
    proposed_event,
    report_date_before_clause,
    remaining_state,
    copula_complement,
    figure_for_period,
    figure_before_period,
    scheduled_event,
    rescheduled_thing,
    directive_complement,
    subject_event_noun,
    changed_figure,
    occurring_subject,
    event_for_date,
    outcome_event,
    convened_event,
    named_event,
    later_conjunct,
    listed_verbs,
    inside_object,
    forecast_object,
    semi_modal,
    onset_phrase,
    setting_event,
    setting_of_happening,
    scheduled_setting,
    event_object_ahead,
    made_event_object,
    verb_before_date,
    describing_participle,
    split_sentence,
)
