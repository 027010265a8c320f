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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from transforms.lexicon import REPORTING_VERB_FORMS
from transforms.lexicons import words
from transforms.lexicons.verbs import verb_forms
from transforms.rules import Example, Rule, rule

def _all_forms(bases: frozenset[str]) -> frozenset[str]:
    """Every form of some base verbs, doubled consonants included ("plan" -> planned): the
    pipeline runs no lemmatizer."""
    return frozenset(form for base in bases for form in verb_forms(base, double_final=True))


EVENT_NOUNS = words("event_nouns")
EVENT_NOUN_FORMS = EVENT_NOUNS | {noun + "s" for noun in EVENT_NOUNS} | {"crises", "talk"}
IMPLICATIVE_VERBS = _all_forms(words("implicative_verbs"))
FIGURE_NOUNS = words("figure_nouns")
FIGURE_VERBS = _all_forms(words("figure_verbs"))
SCHEDULE_VERBS = _all_forms(words("schedule_verbs"))
NAMING_PARTICIPLES = words("naming_participles")

NO_EVENT_TEXT = "(no event)"
# A comparison's base period ("rose 5% from a year earlier"): the words that make it one.
COMPARISON_PREPOSITIONS = frozenset({"from", "than", "over"})
RELATIVE_WORDS = frozenset({"earlier", "ago", "before", "previous", "prior", "last"})


class _NoEvent:
    """The answer of a rule that finds no happening for the expression."""

    def __repr__(self) -> str:
        return "NO_EVENT"


NO_EVENT = _NoEvent()


@dataclass(frozen=True)
class EventSite:
    """Where a dating expression sits: its root token, the word the climb reached (None: none)
    and the article's text (the Doc's)."""

    root: Token
    climbed: Token | None
    text: str


TriggerRule = Rule[Callable[[EventSite], Any]]


def is_event_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lower_ in EVENT_NOUN_FORMS


def _preposition(root: Token) -> Token | None:
    head = root.head
    while head.dep_ in ("npadvmod", "pcomp", "pobj") and head != head.head and head.pos_ != "ADP":
        head = head.head
    return head if head.pos_ == "ADP" or head.dep_ == "prep" else None


@rule(
    Example("Prices rose 7 percent in March from a year earlier.", NO_EVENT_TEXT),
    Example("Sales were higher than a year ago.", NO_EVENT_TEXT),
    Example("The office was open from last year.", None),
)
def comparison_base(site: EventSite) -> Token | _NoEvent | None:
    """The base of a comparison ("from a year earlier", "than a year ago", "over the previous
    year"): it dates no happening, the other date of the clause does.

    Notes:
        "from March to June" (a range) is a start, not a base: the expression must be relative
        (earlier, ago, before, previous, prior, last) and follow "from", "than" or "over".
    """
    prep = _preposition(site.root)
    if prep is None or prep.lower_ not in COMPARISON_PREPOSITIONS:
        return None
    relative = {t.lower_ for t in prep.subtree}
    if relative & RELATIVE_WORDS and not (prep.lower_ == "from" and "last" in relative and "earlier" not in relative and "ago" not in relative):
        return NO_EVENT
    return None


@rule(
    Example("The airline was advertising cheap autumn fares.", NO_EVENT_TEXT),
    Example("Current students will be able to finish.", NO_EVENT_TEXT),
    Example("A 2019 report found that the river was polluted.", NO_EVENT_TEXT),
    Example("The firm's 2023 annual report shows a loss.", NO_EVENT_TEXT),
    Example("The summer festival opened on Friday.", None),
)
def modifier_of_thing(site: EventSite) -> Token | _NoEvent | None:
    """An expression that only modifies a thing ("autumn fares", "the 2021 model", "a 2019
    report"): it dates no happening.

    Notes:
        A modified event noun ("the summer festival", "Friday's meeting") is left to the climb.
    """
    if site.root.dep_ in ("compound", "amod", "nmod", "nummod") and site.root.head.pos_ in ("NOUN", "PROPN") and not is_event_noun(site.root.head):
        return NO_EVENT
    return None


QUOTE_MARKS = frozenset('"\u201c\u201d')


def _crosses_quote(a: Token, b: Token, text: str) -> bool:
    """Whether an odd number of quotation marks lies between two tokens: one is inside a quote,
    the other outside."""
    start, end = sorted((a.idx, b.idx))
    return sum(ch in QUOTE_MARKS for ch in text[start:end]) % 2 == 1


@rule(
    Example('"Not before March," said Ms Ortiz.', NO_EVENT_TEXT),
    Example('"Maybe next year," the minister said.', NO_EVENT_TEXT),
    Example('"We sold the house in 2019," said Ms Ortiz.', None),
    Example('Ms Ortiz said on Monday: "We are leaving."', None),
)
def reported_in_quote(site: EventSite) -> Token | _NoEvent | None:
    """A date inside a quotation dates a happening inside it, never the reporting verb outside:
    when the climb leaves the quote ("'Not before March,' said Ms Ortiz": no verb inside), there
    is no event. A quoted happening ("'We sold the house in
    2019,' she said") keeps its verb: the climb stops inside.

    Notes:
        Quotes are found by counting quotation marks between the date and the climbed word;
        a quote left open at a paragraph's end is not told apart.
    """
    climbed = site.climbed
    if climbed is None or not _crosses_quote(site.root, climbed, site.text):
        return None
    return NO_EVENT


@rule(
    Example("Tavira declined to comment on Thursday.", "declined"),
    Example("The club refused to comment on Friday.", "refused"),
    Example("They agreed to sell the plant in May.", None),
)
def implicative_head(site: EventSite) -> Token | _NoEvent | None:
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
    Example("It is one of the largest breaches this year.", NO_EVENT_TEXT),
    Example("The layoffs are the firm's third round of cuts this year.", "round"),
    Example("Our supply for the coming winter is secure.", NO_EVENT_TEXT),
    Example("Profits for 2023 were 20 percent higher.", "Profits"),
)
def copula_complement(site: EventSite) -> Token | _NoEvent | None:
    """A copula or "have" reached from the date: the happening is its verb complement ("has
    until March 31 to pay"), else its event noun subject or complement ("the meeting is on
    Monday", "his second visit, the previous one being in March", "had been in talks since
    2021"), else a figure subject the date is inside ("profits for 2023 were higher"), else its adjective, a dated state ("the dam was 9 percent full on Tuesday"); a copula
    with nothing of these ("one of the largest breaches this year") is no event.

    Notes:
        "The previous one" is read as the nearest event noun before it in the sentence. The climb
        stops at a copula that has its own subject, so "believes a deal is possible before the
        summer" reaches "is", not "believes".
    """
    verb = site.climbed
    if verb is None or not (verb.pos_ == "AUX" or (verb.lower_ in ("has", "have", "had", "having") and any(c.dep_ == "advcl" and c.pos_ == "VERB" for c in verb.children))):
        return None
    conjunct = next((a for a in [site.root, *site.root.ancestors] if a.head == verb and a.dep_ == "conj"), None)
    if conjunct is not None:
        # "The election is due in November, and campaigning starts next week": the second
        # clause's date, whatever tag the parser gave its verb.
        return conjunct
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB":
            return child
    for dep in ("attr", "nsubj"):
        # "The cuts are the second round this year": the predicate names the dated event.
        for child in verb.children:
            if child.dep_ == dep and is_event_noun(child):
                return child
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
    if adjective is not None and verb.pos_ == "AUX" and not _in_subject(site.root, verb):
        # "Our supply for the coming winter is secure": a date inside the subject dates no state.
        return adjective
    # "the previous one being in March": the event noun "one" stands for.
    path = [t for t in site.root.ancestors]
    for token in path:
        subject = next((c for c in token.children if c.dep_ == "nsubj" and c.lower_ == "one"), None)
        if subject is not None:
            before = [t for t in token.sent if t.i < subject.i and is_event_noun(t)]
            if before:
                return before[-1]
    return NO_EVENT


@rule(
    Example("It reported a pre-tax loss for 2021.", "loss"),
    Example("The ministry expected growth of about 3 percent this year.", "growth"),
    Example("It reported on Friday that sales fell.", None),
)
def figure_for_period(site: EventSite) -> Token | _NoEvent | None:
    """A period on a verb that reports or forecasts a figure ("reported a loss for 2021",
    "expected growth this year") dates the figure, the verb's object.

    Notes:
        A day ("reported a loss on Friday") dates the report: only years, quarters, halves,
        months and "this year" qualify.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in FIGURE_VERBS:
        return None
    text = site.root.lower_
    if site.root.pos_ == "PROPN" and text not in ("q1", "q2", "q3", "q4"):
        # A weekday or a named month day: a day dates the report.
        return None
    figure = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in FIGURE_NOUNS), None)
    return figure


@rule(
    Example("Its next flight is scheduled for early May.", "flight"),
    Example("The vote was set for Tuesday.", "vote"),
    Example("The report is due on June 12.", None),
)
def scheduled_event(site: EventSite) -> Token | _NoEvent | None:
    """An event noun scheduled, planned or set for a date ("the flight is scheduled for May"):
    the date is the event's, not the scheduling's.

    Notes:
        A thing that is not an event noun ("the report is due") keeps the verb.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in SCHEDULE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj") and is_event_noun(c)), None)
    return subject


@rule(
    Example('The school will give a farewell concert, titled "Last Light", on June 26.', "concert"),
    Example("A man called Smith arrived on Monday.", None),
    Example("The first launch attempt was called off on Feb. 3.", None),
)
def named_event(site: EventSite) -> Token | _NoEvent | None:
    """A naming participle ("a concert, titled 'Last Light', on June 26") is never the event:
    the event noun it names is.

    Notes:
        A name that is no event noun ("a man called Smith") keeps the climb.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in NAMING_PARTICIPLES or any(c.dep_ == "prt" for c in verb.children):
        # "called off" is a verb of its own, not a name.
        return None
    head = verb.head
    if is_event_noun(head):
        return head
    before = [t for t in head.subtree if t.i < verb.i and is_event_noun(t)]
    return before[-1] if before else None


@rule(
    Example("Rationing will begin at 9 p.m. on Friday and last until the end of October.", "last"),
    Example("Prices rose in May and fell in June.", None),
    Example("The plant opened in 2004 and employs 300 people.", None),
)
def later_conjunct(site: EventSite) -> Token | _NoEvent | None:
    """A date that follows a second coordinated verb but hangs on the first ("will begin at 9
    p.m. and last until October": the parser puts "until October" under "begin") dates the
    later conjunct, the nearest one before the date.

    Notes:
        The conjunct may be tagged an adjective ("last") as long as it is coordinated with the
        verb; a date before every conjunct keeps the climbed verb.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB":
        return None
    anchor = site.root
    while anchor.head != verb and anchor.head != anchor:
        anchor = anchor.head
    if anchor.head != verb or anchor.i < verb.i:
        return None
    between = [c for c in verb.children if c.dep_ == "conj" and verb.i < c.i < anchor.i and c.pos_ in ("VERB", "ADJ")]
    return between[-1] if between else None


FORECAST_VERBS = _all_forms(words("forecast_verbs"))


@rule(
    Example("Analysts expect more cuts across the industry in the first half of 2024.", "cuts"),
    Example("Economists forecast further job cuts in 2025.", "cuts"),
    Example("They expect the minister to resign in May.", None),
)
def forecast_object(site: EventSite) -> Token | _NoEvent | None:
    """A period on a verb that forecasts a happening ("expect more cuts in the first half of
    2024") dates the forecast happening, the verb's event noun object, not the forecasting.

    Notes:
        A verb object ("expect the minister to resign in May") is found by the climb itself.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in FORECAST_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and is_event_noun(c)), None)


DATELINE = re.compile(r"\s*[A-Z][A-Z.' -]+(?:,|\s\()[^\n]{0,80}?\s[-\u2013\u2014]{1,2}\s")


@rule(
    Example("OSLO, March 12 (Newswire) - Prices rose on Tuesday.", NO_EVENT_TEXT),
    Example("OSLO (Newswire) - Prices rose on Tuesday.", None),
)
def dateline_date(site: EventSite) -> Token | _NoEvent | None:
    """The date of a dateline ("OSLO, March 12 (Newswire) - ...") is the story's filing date:
    it dates no happening of the first sentence.

    Notes:
        A dateline is a capitalised place at the very start of the text, then up to 80
        characters, then a dash between spaces; only an expression before that dash answers.
    """
    match = DATELINE.match(site.text)
    if match is not None and site.root.idx < match.end():
        return NO_EVENT
    return None


@rule(
    Example("Acme said on Monday it would buy its rival.", "said"),
    Example("The union said on Friday its members would strike.", "said"),
    Example("Acme said it would buy its rival on Monday.", None),
)
def report_date_before_clause(site: EventSite) -> Token | _NoEvent | None:
    """"Acme said on Monday it would buy its rival": a date between a verb of saying and the
    subject of its reported clause dates the saying; without "that" the parser hangs it on the
    reported verb.

    Notes:
        A date after the reported clause's subject ("said it would buy its rival on Monday")
        stays with the reported verb.
    """
    verb = site.climbed
    if verb is None or verb.dep_ != "ccomp" or verb.head.lower_ not in REPORTING_VERB_FORMS:
        return None
    reporting = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is not None and reporting.i < site.root.i < subject.i:
        return reporting
    return None


RECORD_WORDS = frozenset({"first", "last", "only"})


@rule(
    Example("Inflation hit 9.1 percent in June, its highest level since 1981.", NO_EVENT_TEXT),
    Example("It was the biggest protest since 2019.", NO_EVENT_TEXT),
    Example("The plant has been closed since 2019.", None),
)
def record_since(site: EventSite) -> Token | _NoEvent | None:
    """"Its highest level since 1981", "the biggest protest since 2019": a record's "since"
    measures how rare the happening is; the date dates nothing that happened then.

    Notes:
        Only "since" on a noun with a superlative (or "first", "last", "only"); "closed since
        2019" dates the closure's start.
    """
    prep = _preposition(site.root)
    if prep is None or prep.lower_ != "since" or prep.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = prep.head
    if any(c.tag_ == "JJS" or c.lower_ in RECORD_WORDS for c in noun.children if c.dep_ in ("amod", "nummod", "advmod")):
        return NO_EVENT
    return None


NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "PERSON", "GPE"})


@rule(
    Example("The campaign group Justice Now was founded in 2015.", NO_EVENT_TEXT),
    Example("Tickets for Summer Sounds sold out on Monday.", NO_EVENT_TEXT),
    Example("Now the group has 300 members, its founder said.", None),
)
def inside_name(site: EventSite) -> Token | _NoEvent | None:
    """A time word that is part of a name ("the group Justice Now", "Winter Aid") dates
    nothing: the named thing is no date.

    Notes:
        Only a capitalised word in the middle of a sentence inside a named entity of the model
        (an organisation, a work, a product, a place, a law or a person) answers.
    """
    root = site.root
    if root.ent_type_ in NAME_LABELS and root.text[:1].isupper() and not root.is_sent_start:
        return NO_EVENT
    return None


@rule(
    Example("The bank raised rates twice last year, most recently in November.", NO_EVENT_TEXT),
    Example("Recently, the bank raised rates.", None),
)
def most_recent_repeat(site: EventSite) -> Token | _NoEvent | None:
    """"Most recently" picks the last of repeated happenings ("raised rates twice last year,
    most recently in November"): the date beside it dates the happening, the adverb nothing.
    """
    root = site.root
    if root.lower_ == "recently" and any(c.lower_ in ("most", "more") for c in root.children):
        return NO_EVENT
    return None


SEMI_MODALS = frozenset({"have", "has", "had", "having", "need", "needs", "needed", "ought", "got"})


@rule(
    Example("Now they will have to fetch water after dark.", "fetch"),
    Example("The club had to sell its ground in 1998.", None),
    Example("They have held talks since January.", None),
)
def semi_modal(site: EventSite) -> Token | _NoEvent | None:
    """A date reaching "have to" or "need to" dates the verb that follows ("will have to
    fetch water now"): the modal is no happening.

    Notes:
        A date under the complement itself ("had to sell its ground in 1998") is found by the
        climb; "have" as a main verb or an auxiliary is left alone.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in SEMI_MODALS:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and any(c.lower_ == "to" for c in child.children):
            return child
    return None


ONSET_WORDS = frozenset({"starting", "beginning", "effective", "commencing"})


@rule(
    Example("Starting Monday, shops will close at 8 p.m. on weekdays.", "close"),
    Example("Beginning next week, the bridge will be shut.", "shut"),
    Example("Starting in 2019, the firm grew fast.", "grew"),
)
def onset_phrase(site: EventSite) -> Token | _NoEvent | None:
    """"Starting Monday, shops will close": the onset participle only introduces the date of
    the main clause, whose verb is the happening.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in ONSET_WORDS or verb.dep_ not in ("advcl", "prep", "npadvmod", "acl"):
        return None
    head = verb.head
    if head.pos_ == "AUX":
        head = next((c for c in head.children if c.dep_ in ("acomp", "xcomp") and c.pos_ in ("VERB", "ADJ")), head)
    return head if head.pos_ in ("VERB", "AUX", "ADJ") else None


SETTING_PREPOSITIONS = frozenset({"at", "during"})


@rule(
    Example("The governor said at a ceremony in Augusta on Friday afternoon that the port would reopen.", "said"),
    Example("The minister told reporters during a visit to Lyon on Monday that talks would resume.", "told"),
    Example("In a statement on its website on Sunday, the airline said flights would resume.", None),
    Example("The decision, taken by the board at a meeting on Monday evening, ends the scheme.", None),
)
def setting_event(site: EventSite) -> Token | _NoEvent | None:
    """A date on an event that is only the setting of a report ("said at a ceremony on
    Thursday", "told reporters during a visit on Monday") dates the saying: that is the
    happening told, the setting happens at the same time.

    Notes:
        Only verbs of saying: "a decision taken at a meeting on Monday" keeps the meeting, the
        happening the date was written for. The medium of the saying ("in a statement on
        Sunday", "in a post on Wednesday") is the dated event itself and keeps the noun.
    """
    noun = site.climbed
    if noun is None or noun.pos_ != "NOUN" or noun.i > site.root.i:
        return None
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in SETTING_PREPOSITIONS and prep.head.lower_ in REPORTING_VERB_FORMS:
        return prep.head
    return None


@rule(
    Example("The council will pass a law banning cars from the old town before the summer.", "pass"),
    Example("Residents living near the plant since 2010 were moved.", None),
)
def describing_participle(site: EventSite) -> Token | _NoEvent | None:
    """A date reaching an -ing participle that describes an object ("will pass a law banning
    cars before the summer") dates the verb of that object: the participle says what the thing
    does, not when.

    Notes:
        Only a participle on the object of a verb (direct, or of a preposition); one on a
        subject ("residents living near the plant since 2010") keeps the climb.
    """
    verb = site.climbed
    if verb is None or verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    noun = verb.head
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    return None


BOUNDARY_PREPOSITIONS = frozenset({"from", "since", "to", "until", "till"})


@rule(
    Example("The ban runs from March 4, when the athlete was suspended.", "suspended"),
    Example("Sales have grown since 2019, when the firm listed its shares.", "listed"),
    Example("Prices fell in May, when demand slowed.", None),
    Example("When the plant closed in 2009, 400 jobs went.", None),
)
def when_clause(site: EventSite) -> Token | _NoEvent | None:
    """A boundary date followed by ", when ..." ("runs from March 4, when the athlete was
    suspended", "since 2019, when the firm listed") names the moment of the when-clause's
    happening; the main verb only starts or ends there.

    Notes:
        Only "when" right after the expression (a comma between) and a boundary preposition
        (from, since, to, until): "fell in May, when demand slowed" dates the fall. A date
        inside the when-clause is found by the climb.
    """
    root = site.root
    prep = _preposition(root)
    if prep is None or prep.lower_ not in BOUNDARY_PREPOSITIONS:
        return None
    doc = root.doc
    # The words after the expression's head: "December 2, when": skip its numbers and commas.
    following = [t for t in doc[root.i + 1 : min(root.i + 6, len(doc))] if not (t.is_punct or t.like_num)]
    if not following or following[0].lower_ != "when" or following[0].sent != root.sent:
        return None
    clause = following[0].head
    if clause.dep_ in ("advcl", "relcl") and clause.pos_ in ("VERB", "AUX") and clause.i > root.i:
        return clause
    return None


EVENT_TRIGGERS: tuple[TriggerRule, ...] = (
    dateline_date,
    inside_name,
    most_recent_repeat,
    comparison_base,
    record_since,
    modifier_of_thing,
    reported_in_quote,
    implicative_head,
    report_date_before_clause,
    copula_complement,
    figure_for_period,
    scheduled_event,
    named_event,
    later_conjunct,
    forecast_object,
    semi_modal,
    onset_phrase,
    setting_event,
    describing_participle,
    when_clause,
)
