"""Trigger rules for phrases whose dated word is not the climb's: light verbs with an event
noun, aspectual verbs with a verb complement, and the end of a date range. Entries of
``EVENT_TRIGGERS`` (``transforms.time.event_rules``), which orders them; the examples follow
that module's conventions (``NO_EVENT_TEXT``: the event is dropped).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from transforms.lexicons import words
from transforms.rules import Example, rule
from transforms.time.event_site import (
    NO_EVENT,
    NO_EVENT_TEXT,
    EventSite,
    NoEventAnswer,
    all_forms,
    is_event_noun,
    preposition,
)

SUPPORT_VERBS = all_forms(words("support_verbs"))
GO_ON_NOUNS = words("go_on_nouns")
GO_FORMS = frozenset({"go", "goes", "went", "gone", "going"})
EXTENT_VERBS = all_forms(words("extent_verbs"))
UNHEEDED_NOUNS = words("unheeded_nouns") | {noun + "s" for noun in words("unheeded_nouns")}
IGNORING_VERBS = frozenset({"ignore", "ignores", "ignored", "ignoring", "disregard", "disregards", "disregarded", "disregarding"})
# Prepositions of a covered period's ends ("covers 2019 to 2021", "between May and July").
RANGE_PREPOSITIONS = frozenset({"between", "from", "to", "through", "until"})
# Prepositions of a date that spans several happenings ("since November", "over the summer").
SPAN_PREPOSITIONS = frozenset({"since", "over", "during", "throughout", "for"})


# Adjectives that make an event noun a series ("annual talks", "weekly meetings").
SERIES_ADJECTIVES = frozenset({"annual", "yearly", "monthly", "weekly", "daily", "regular", "quarterly"})
# Light verbs that carry an event only with their particle ("carried out a raid"; "carrying an
# injury" is a state).
PARTICLE_SUPPORT = {form: "out" for form in all_forms(frozenset({"carry"}))}


def _in_series(verb: Token, noun: Token) -> bool:
    """Whether events a light verb holds are counted or repeated: a number on the noun ("two
    strikes"), a series adjective ("annual talks") or "every"/"each" in the verb's clause
    ("every Wednesday")."""
    return (any(c.dep_ == "nummod" or c.dep_ == "amod" and c.lower_ in SERIES_ADJECTIVES for c in noun.children)
            or any(t.lower_ in ("every", "each") for t in verb.subtree))


def _counted_so_far(verb: Token, noun: Token) -> bool:
    """Whether a light verb in the perfect holds a count of events ("has carried out 87 rescues
    this year", "have made 40 arrests so far"): a tally up to now, not one happening."""
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children)
    return perfect and any(c.dep_ == "nummod" for c in noun.children)


@rule(
    Example("The captain will stand trial in the autumn.", "trial"),
    Example("The two leaders held talks on Monday.", "talks"),
    Example("The board will make a decision next week.", "decision"),
    Example("Police carried out a raid on the house on Wednesday night.", "raid"),
    Example("The new mayor took office in June 2019.", None),
    Example("The company held its shares until 2019.", None),
    Example("Nurses have held two strikes since last November.", None),
    Example("She has held town-hall meetings every week since the autumn.", None),
    Example("The company will hold public meetings in two towns every Wednesday from August 7.", None),
    Example("By midday, it had taken more than 6,000 calls.", None),
    Example("The board will make a decision by Friday.", "decision"),
    Example("Dockers staged two strikes in May.", "strikes"),
    Example("The agency will give its next update at 9 a.m. on Friday.", "update"),
    Example("The runner failed a test taken on May 9.", "test"),
    Example("Farmers will hold a day of protest on June 12.", "protest"),
    Example("A run-off, to be held on April 21, will decide.", None),
    Example("The board will hold public hearings on its findings in two cities from May 28.", "hearings"),
    Example("The ministers agreed to hold annual strategic talks from next year.", None),
    Example("She had been carrying a knee injury since the spring.", None),
    Example("The service has carried out 87 rescues so far this year.", None),
    Example("The cause was a faulty database upgrade carried out over the weekend.", "upgrade"),
    Example("Chemical tests carried out last week showed the rock is mostly iron.", "tests"),
    Example("The audit, carried out over the summer by accountants, found the money was moved.", None),
)
def support_verb_object(site: EventSite) -> Token | NoEventAnswer | None:
    """A light verb with an event noun object ("stand trial in the autumn", "held talks on
    Monday", "make a decision next week"), or one "of" down its object ("hold a day of protest
    on June 12"), or as a participle after one ("a test taken on May 9"): the noun is the
    happening the date dates; the verb only carries it.

    Notes:
        An object that names no event keeps the verb: "took office in June 2019" (the taking of
        office), "held its shares until 2019". Only the verbs of ``support_verbs.txt``: "won the
        match on Saturday" dates the winning. Counted events over a span ("have held two
        strikes since November", "has held meetings since the autumn", and "by midday had taken
        6,000 calls", a count reached by a time, "will hold meetings every Wednesday from August
        7", the start of a series) keep the verb: the date spans the holding of
        them all (from a date, only with a count or "every": "will hold public hearings from
        May 28" dates the hearings); on a
        point of time ("staged two strikes in May", "had 60 calls on Monday") they are the
        happening, as the news gold writes them. A
        participle with auxiliaries ("a run-off, to be held on April 21") is a clause of its own
        and keeps its verb, and so does the passive ("hearings will be held on April 22": the
        news gold writes "held" as often as the noun). A series ("will hold annual talks from
        next year") and a tally in the perfect ("has carried out 87 rescues so far this year")
        keep the verb too. The participle dates its noun only right after it ("a test taken
        on May 9"; the parser may even take the noun for its subject, "tests carried out last
        week showed ..."): one set off by a comma ("the audit, carried out over the summer by
        accountants") tells what was done to a noun already named, and keeps the verb, as the
        news gold writes it. "carry" is light only with "out" ("carrying a knee injury since
        the spring" is a state).
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in SUPPORT_VERBS:
        return None
    particle = PARTICLE_SUPPORT.get(verb.lower_)
    if particle is not None and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return None  # "carrying a knee injury since the spring": no light verb without "out"
    bare = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if bare and verb.dep_ == "acl" and is_event_noun(verb.head) and verb.doc[verb.i - 1].text not in (",", "(", "\u2014"):
        # "a test taken on May 9", "talks held on Monday": the participle of the light verb.
        return verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i == verb.i - 1), None)
    if bare and subject is not None and is_event_noun(subject):
        # "Chemical tests carried out last week showed ...": a bare participle has no subject
        # of its own; the parser took the noun it follows for one.
        return subject
    noun = next((c for c in verb.children if c.dep_ == "dobj" and is_event_noun(c)), None)
    if noun is None:
        # The event noun one "of" down the object ("held a day of protest on March 12").
        noun = next((n for c in verb.children if c.dep_ == "dobj" for n in _of_phrase(c) if is_event_noun(n)), None)
    if noun is None:
        return None
    prep = preposition(site.root)
    repeated = noun.tag_ == "NNS" or any(c.dep_ == "nummod" for c in noun.children)
    if repeated and _counted_so_far(verb, noun):
        return None  # "has carried out 87 rescues so far this year": the tally's verb
    if repeated and prep is not None and (prep.lower_ in SPAN_PREPOSITIONS | {"by"} or prep.lower_ == "from" and _in_series(verb, noun)):
        # "held two strikes since November", "has held meetings since the autumn", "by midday
        # had taken 6,000 calls", "will hold meetings every Wednesday from August 7": the
        # holding spans them all, adds them up by then, or starts the series then ("will hold
        # public hearings from May 28", no count and no "every": the hearings begin then).
        return None
    return noun


def _of_phrase(noun: Token) -> list[Token]:
    """The objects of a noun's "of" ("a day of protest" -> protest)."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


ASPECTUAL_VERBS = all_forms(words("aspectual_verbs"))


@rule(
    Example("Workers began to dismantle the bridge on Monday.", "began to dismantle"),
    Example("The plant will start producing water in the spring of 2025.", "start producing"),
    Example("The firm stopped selling the drug in 2021.", "stopped selling"),
    Example("Inspectors will begin checking the pylons next week.", "begin checking"),
    Example("They agreed to sell the plant in May.", None),
)
def aspectual_head(site: EventSite) -> Token | Span | NoEventAnswer | None:
    """A date on the complement of an aspectual verb ("began to dismantle the bridge on Monday",
    "will start producing water in 2025", "stopped selling the drug in 2021") dates one
    happening told by both verbs: the complement's, whose start or end the date marks. The
    trigger is the phrase from the aspectual verb to its complement ("began to dismantle",
    "start producing"), the convention of the news gold, which writes "started working" and
    accepts either word where it names one ("producing", "stopped").

    Notes:
        Only the verbs of ``aspectual_verbs.txt`` with an infinitive or -ing complement at most
        three words after them; farther ("began, after a long delay, to dismantle") the
        aspectual verb alone is the trigger. An aspectual verb alone ("construction will begin
        in 2025") is the climb's word anyway.
    """
    verb = site.climbed
    if verb is None or verb.dep_ != "xcomp" or verb.head.lower_ not in ASPECTUAL_VERBS:
        return None
    head = verb.head
    if not 0 < verb.i - head.i <= 3:
        return head
    return head.doc[head.i : verb.i + 1]


RANGE_ENDS = frozenset({"to", "until", "till", "through", "and"})


def _range_start(prep: Token) -> Token | None:
    """The "from" or "between" that opens the range a range-end preposition closes, if any:
    on the preposition itself ("from June 3 to June 9" with "to" under "from"), on the start
    date ("to" under "3") or beside it on the same head ("closed from Monday until Friday")."""
    candidates = [prep.head, prep.head.head, *(c for c in prep.head.children if c.dep_ == "prep" and c.i < prep.i)]
    return next((t for t in candidates if t.lower_ in ("from", "between") and t.i < prep.i), None)


def _go_on(verb: Token) -> Span | None:
    """The phrase "went on strike", "will go on display" that a form of "go" heads, if any."""
    if verb.lower_ not in GO_FORMS:
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and c.i == verb.i + 1), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ in GO_ON_NOUNS), None) if prep is not None else None
    return verb.doc[verb.i : noun.i + 1] if noun is not None else None


@rule(
    Example("The federation said it would also install signal jammers. Players at the national championship in April will also be "
            "barred from leaving the hall during games without an arbiter.", "championship"),
    Example("Players from Oslo in April will be barred.", None),
    Example("Fans at the match on Sunday cheered.", None),
)
def event_noun_beside_date(site: EventSite) -> Token | NoEventAnswer | None:
    """A date the parser hung on a noun that names no event, right after an event noun in that
    noun's own phrase ("players at the national championship in April"): the date is the
    event's, the nearest word it follows; the players are only who is there.

    Notes:
        Only an event noun that ends the phrase of a preposition on the same noun the date
        hangs on, with nothing between it and the date's preposition; a phrase with no event
        noun ("players from Oslo in April") keeps the climb, and so does a date the parser
        hung on the event noun itself ("fans at the match on Sunday", the climb's already).
    """
    prep = preposition(site.root)
    if prep is None or prep.dep_ != "prep" or prep.i < 1:
        return None
    holder = prep.head
    if holder.pos_ not in ("NOUN", "PROPN") or is_event_noun(holder):
        return None
    before = holder.doc[prep.i - 1]
    if not is_event_noun(before) or before.dep_ != "pobj" or before.head.head != holder or before.head.i < holder.i:
        return None
    return before


COME_FORMS = frozenset({"come", "comes", "came", "coming"})
COME_TO_NOUNS = words("come_to_nouns")


@rule(
    Example("Freight trains across Norway came to a halt at 6 a.m. on Monday.", "came to a halt"),
    Example("The talks came to an end on Friday.", "came to an end"),
    Example("The minister came to Oslo on Monday.", None),
)
def come_to_phrase(site: EventSite) -> Token | Span | NoEventAnswer | None:
    """"Come to a halt", "come to an end" (``come_to_nouns``): the noun names the happening,
    a stop, that "come" only carries, as "go on strike" does (``go_on_phrase``); the trigger is
    the phrase ("came to a halt"), one happening named by both words.

    Notes:
        Only a noun of the list right after "to" and its article, before the date: "came to
        Oslo on Monday" is a journey, the verb.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in COME_FORMS:
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i == verb.i + 1), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ in COME_TO_NOUNS and c.i < site.root.i), None) if prep is not None else None
    return verb.doc[verb.i : noun.i + 1] if noun is not None and noun.i - prep.i <= 2 else None


@rule(
    Example("The nurses last went on strike in 2011, when hospitals cancelled surgery.", "went on strike"),
    Example('The paintings will go on display in a show titled "Blue Hours" from May 3 until August.', "go on display"),
    Example("The film goes on sale in Britain on Friday.", "goes on sale"),
    Example("The talks went on for hours on Monday.", None),
)
def go_on_phrase(site: EventSite) -> Token | Span | NoEventAnswer | None:
    """A date in the clause of "go on" and the noun of a state it starts ("went on strike in
    2011", "will go on display from May 3", "goes on sale on Friday"; ``go_on_nouns``) dates the
    phrase, the happening, also past the participle that names its setting ("in a show titled
    'Blue Hours' from May 3": the show is where it goes on display, not what the date dates).

    Notes:
        "went on for hours" (no noun of the list) keeps the climb; a date on another verb of the
        sentence ("went on strike after talks failed on Monday") is that verb's.
    """
    token = site.climbed
    for _ in range(6):
        if token is None or (phrase := _go_on(token)) is not None:
            return phrase if token is not None else None
        # From a participle naming the setting ("a show titled ..."), through its noun and that
        # noun's preposition, to the verb the phrase hangs on; no other verb is crossed.
        if not (token.dep_ == "acl" and token == site.climbed or token.dep_ == "pobj" or token.pos_ == "ADP") or token.head == token:
            return None
        token = token.head
    return None


@rule(
    Example("The festival runs from June 3 to June 9.", "runs"),
    Example("The road will be closed from Monday until Friday.", "closed"),
    Example("The items were shipped to Germany between 1902 and 1908.", "shipped"),
    Example("The prices from January to June 2021 were higher.", NO_EVENT_TEXT),
    Example("The ban runs until December 2029.", None),
    Example("Prices rose in March and fell in April.", None),
    Example("He lit the fires with a cigarette lighter and strips of cardboard between July 20 and August 9, 2019.", "lit"),
)
def range_end(site: EventSite) -> Token | NoEventAnswer | None:
    """The end of a date range ("from June 3 to June 9", "between 1902 and 1908") dates the
    happening its start dates, the word the start's "from" or "between" hangs on: a range
    gives two events with one trigger, one per date, as the news gold writes them ("runs"
    June 3 and "runs" June 9), even where the parser hangs the end on the start date.

    Notes:
        A start that hangs on no verb or event noun ("the prices from January to June") dates no
        happening: the end gives no event; a start hung on the object of another phrase
        ("lit the fires with a lighter between July 20 and August 9") is that phrase's head's. A lone end ("the ban runs until December 2029")
        dates the happening; two dates joined by "and" without "between" ("rose in March and
        fell in April") are two happenings.
    """
    root = site.root
    if root.dep_ == "conj" and root.head.i < root.i:
        start_prep = preposition(root.head)
        if start_prep is not None and start_prep.lower_ == "between":
            return _ranged(start_prep)
        return None
    prep = preposition(root)
    if prep is None or prep.lower_ not in RANGE_ENDS:
        return None
    start_prep = _range_start(prep)
    return _ranged(start_prep) if start_prep is not None else None


def _ranged(start_prep: Token) -> Token | NoEventAnswer:
    """The happening a range's opening preposition hangs on (a verb or an event noun), else no
    event."""
    head = start_prep.head
    while head.pos_ == "ADP" and head.head != head:
        head = head.head  # "to" under "from": climb to the word "from" hangs on
    while head.dep_ == "pobj" and not is_event_noun(head) and head.head.head != head.head:
        # "lit the fires with a lighter between July 20 and August 9": a range is no
        # lighter's; the parser hung it one phrase too low, on the object of "with".
        head = head.head.head
    if head.pos_ in ("VERB", "AUX") or is_event_noun(head):
        return head
    return NO_EVENT


@rule(
    Example("The closure of schools last week angered parents.", "closure"),
    Example("The strike last week cost millions.", "strike"),
    Example("The company last week said it would sell.", None),
    Example("The strike cost millions last week.", None),
)
def subject_event_noun(site: EventSite) -> Token | NoEventAnswer | None:
    """A bare date right after an event noun subject ("the closure of schools last week angered
    parents", "the strike last week cost millions") dates that event, though the parser hangs
    it on the verb after it.

    Notes:
        Only a date between the subject's last word and the verb, with nothing else between;
        a subject that names no event ("the company last week said") keeps the verb, and so
        does a date after the verb.
    """
    verb, root = site.climbed, site.root
    if verb is None or verb.pos_ != "VERB" or root.head != verb or root.dep_ != "npadvmod" or root.i > verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subject is None or not is_event_noun(subject):
        return None
    date_start = min(t.i for t in root.subtree)
    return subject if max(t.i for t in subject.subtree) == date_start - 1 else None


OCCURRENCE_VERBS = all_forms(words("occurrence_verbs"))
# "take" occurs only with "place"; the pipeline runs no lemmatizer, so its forms are listed.
_TAKE_FORMS = all_forms(frozenset({"take"})) | {"took", "taken"}


@rule(
    Example("The blast at the terminal happened at about 9:15 p.m. on Friday.", "blast"),
    Example("The vote took place on Monday.", "vote"),
    Example("The first strike occurred in 2018.", "strike"),
    Example("The strike lasted three days in May.", "strike"),
    Example("The biggest row came earlier in the evening.", "row"),
    Example("Nothing happened on Monday.", None),
    Example("The minister came to Leeds on Friday.", None),
    Example("The ministry took action on Monday.", None),
    Example("The boards expect the merger to take effect on October 1.", None),
    Example("The explosion last Thursday at the plant happened at 7:15 a.m.", "happened"),
)
def occurring_subject(site: EventSite) -> Token | NoEventAnswer | None:
    """A date on a verb that only says its event noun subject occurred or how long it went on
    ("the blast happened at 9:15 p.m.", "the vote took place on Monday", "the strike lasted
    three days in May", ``occurrence_verbs``) dates that noun: the happening is the blast, the
    vote or the strike, the verb adds nothing to it.

    Notes:
        Only an event noun subject ("nothing happened on Monday" keeps the verb); "take" only
        with "place" ("took action on Monday" is an act of its own, and "the merger is to take
        effect on October 1" dates the taking effect). A subject dated by its own expression
        ("the explosion last Thursday ... happened at 7:15 a.m.") is that date's event: the
        verb carries the second date (the time of day), as the news gold writes it.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in OCCURRENCE_VERBS:
        return None
    if verb.lower_ in _TAKE_FORMS and not any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and is_event_noun(c)), None)
    if subject is not None and _dated_by_its_own(subject):
        return verb
    return subject


def _dated_by_its_own(noun: Token) -> bool:
    """Whether a noun carries a date of its own among its modifiers ("the explosion last
    Thursday at the plant"): a DATE word right after it, not inside a prepositional phrase."""
    return any(c.ent_type_ in ("DATE", "TIME") and c.dep_ == "npadvmod" and c.i > noun.i for c in noun.children)


@rule(
    Example("The new budget covers fiscal 2025 and fiscal 2026.", NO_EVENT_TEXT),
    Example("The study spans the years 2010 to 2015.", NO_EVENT_TEXT),
    Example("The recall covers 12 lots of cough syrup made at its plant in Akron, Ohio, between March and June 2022.", "made"),
    Example("The airline covered the costs on Monday.", None),
    Example("The insurer will cover the repairs in March.", None),
)
def covered_period(site: EventSite) -> Token | NoEventAnswer | None:
    """A period that a thing covers or spans ("the budget covers fiscal 2025", "the study spans
    the years 2010 to 2015") is a state's extent: no event. A participle between the verb and
    the date ("covers 12 lots of syrup made between March and June") is what the date dates.

    Notes:
        Only a date that is the verb's object or a range of it (between, from, to, through)
        is an extent: "will cover the repairs in March" and "covered the costs on Monday" date
        the covering.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in EXTENT_VERBS or verb.pos_ != "VERB":
        return None
    participle = [t for t in verb.subtree if t.dep_ == "acl" and t.tag_ == "VBN" and verb.i < t.i < site.root.i]
    if participle:
        return participle[-1]
    branch = next((t for t in [site.root, *site.root.ancestors] if t.head == verb), None)
    if branch is None:
        return None
    if branch.dep_ in ("dobj", "attr") or (branch.dep_ == "prep" and branch.lower_ in RANGE_PREPOSITIONS):
        return NO_EVENT
    return None


@rule(
    Example("The city had ignored two warnings, in May and again in July, to repair the bridge.", "warnings"),
    Example("Residents said the council had ignored complaints from tenants since at least 2019.", "complaints"),
    Example("The council ignored the report on Monday.", None),
)
def ignored_object(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after the object of "ignored" or "disregarded" that names a thing given ("ignored
    two warnings, in May", "ignored complaints since 2019"; ``unheeded_nouns``) dates that thing:
    ignoring is no happening at a point, the warnings are.

    Notes:
        Other objects ("ignored the report on Monday") keep the verb; a date before the object
        ("on Monday ignored the warnings") is the verb's.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in IGNORING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in UNHEEDED_NOUNS and c.i < site.root.i), None)


@rule(
    Example("The last national strike, in 2018, lasted two days.", "strike"),
    Example("She was seen as the winner of the only televised debate, last Tuesday, in which she attacked him.", "debate"),
    Example("Turnout was higher than at the same point in the last election, in 2024, the commission said.", "election"),
    Example("Fans plan a march before the next home game, on November 18.", "game"),
    Example("The company, in 2018, bought its rival.", None),
    Example("After the vote on Monday, the mayor resigned.", None),
    Example("The last general strike over pensions, in December 2014, shut the ports.", "strike"),
    Example("The owner of the plant, in 2019, sold it.", None),
)
def parenthetical_of_event(site: EventSite) -> Token | NoEventAnswer | None:
    """A date set off by commas right after an event noun ("the last strike, in 2018, lasted
    two days", "the only televised debate, last Tuesday, in which ...", "before the next home
    game, on November 18.") dates that event, though the parser hangs it on the clause's verb:
    the commas make it an aside on the noun before them.

    Notes:
        Only a comma between the noun phrase and the date (or its preposition), and a comma or
        the sentence's end after it; the noun is the phrase's last word or, past its
        prepositional phrases, its head ("the last strike over pensions, in 2014,"); a noun that names no event ("the company, in 2018, bought")
        keeps the climb, and so does a date without the commas ("after the vote on Monday",
        which the climb finds anyway when the parser hangs it on the noun).
    """
    root = site.root
    doc = root.doc
    start, end = min(t.i for t in root.subtree), max(t.i for t in root.subtree)
    prep = preposition(root)
    if prep is not None and prep.i == start - 1:
        start = prep.i
    if start < 2 or doc[start - 1].text != "," or end + 1 >= len(doc):
        return None
    noun = doc[start - 2]
    while not is_event_noun(noun) and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        # "the last general strike over pensions, in December 2014,": the noun phrase's head,
        # past the phrases that end it
        noun = noun.head.head
    after = doc[end + 1]
    if not (after.text == "," or after.is_sent_end or after.text in (".", ";")) or noun.pos_ != "NOUN" or not is_event_noun(noun):
        return None
    return noun


@rule(
    Example("Dealers cut orders ahead of stricter emission rules due in April 2020.", "due"),
    Example("Shares fell before the vote due on Thursday.", "vote"),
    Example("It would reverse the cuts if it won the next federal election, due by May 2019.", "election"),
    Example("The firm paid the fees it owed in May.", None),
    Example("The report is due on June 12.", None),
)
def due_by_date(site: EventSite) -> Token | NoEventAnswer | None:
    """A date right after "due" ("emission rules due in April 2020") dates what is due then:
    the adjective, or the event noun before it ("the vote due on Thursday"), though the
    parser may hang the date on the clause's verb ("dealers cut orders").

    Notes:
        Only "due" right before the date's preposition; "is due on June 12" is reached by the
        climb anyway (copula_complement). A comma may stand between the event noun and "due"
        ("the next election, due by May 2019"): the aside still says when the election is due.
    """
    prep = preposition(site.root)
    if prep is None or prep.i == 0:
        return None
    due = prep.doc[prep.i - 1]
    if due.lower_ != "due" or due.pos_ != "ADJ" or due.head.pos_ == "AUX":
        return None
    before = due.i - 2 if due.i > 1 and due.doc[due.i - 1].text == "," else due.i - 1
    noun = due.doc[before] if before >= 0 else None
    return noun if noun is not None and is_event_noun(noun) else due


# Verbs that give someone time until a deadline to do something ("gave the company until the
# end of April to lower it"); the pipeline has no lemmas, so their forms are derived.
GRANTING_VERBS = all_forms(frozenset({"give", "grant", "allow"})) | {"gave", "given"}


@rule(
    Example("The ministry gave the company until the end of April to lower its price.", "lower"),
    Example("They were given until Friday to respond.", "respond"),
    Example("He stayed until Friday to help.", None),
    Example("The ministry gave the company until April.", None),
)
def deadline_given(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after "until" on a verb that grants time ("gave the company until the end of
    April to lower it", "were given until Friday to respond") dates the infinitive after it:
    the deadline is for that act, as "has until March 31 to pay" dates the paying
    (``copula_complement``).

    Notes:
        Only verbs of giving or allowing time: "stayed until Friday to help" dates the stay.
    """
    prep = preposition(site.root)
    if prep is None or prep.lower_ not in ("until", "till"):
        return None
    verb = prep.head
    if verb.lower_ not in GRANTING_VERBS:
        return None
    # The infinitive hangs on the verb, or on the date ("the end of April to lower it").
    after = [c for c in verb.children if c.dep_ in ("advcl", "xcomp")] + [c for c in site.root.children if c.dep_ in ("acl", "relcl")]
    return next((c for c in after if c.i > site.root.i and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)), None)


# Participles that say a happening keeps to a plan: "as planned", "as scheduled".
PLAN_PARTICIPLES = frozenset({"planned", "scheduled", "expected", "intended", "agreed", "promised", "foreseen"})


@rule(
    Example("The budget will be tabled as planned on Oct. 9.", "tabled"),
    Example("The vote went ahead as scheduled on Sunday.", "went"),
    Example("The firm cut 300 jobs, as announced on Monday.", None),
)
def as_planned(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after "as planned" or "as scheduled" ("will be tabled as planned on Oct. 9", "went
    ahead as scheduled on Sunday") dates the happening that keeps to the plan, though the
    parser hangs it on the participle: the plan's date is the happening's.

    Notes:
        Only participles of a plan without a subject of their own; "as announced on Monday"
        dates the announcement.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in PLAN_PARTICIPLES or verb.dep_ != "advcl" or verb.head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb.head


RELATIVE_PRONOUNS = frozenset({"which", "whom", "who", "that"})


@rule(
    Example("It cited a collision near Moncton, New Brunswick, on September 3 in which a girl broke her arm.", "collision"),
    Example("Police recalled the riot on May 1 during which two shops burned.", "riot"),
    Example("A girl broke her arm in a crash on September 3.", None),
    Example("He visited the town on Monday in which he was born.", None),
)
def before_relative_clause(site: EventSite) -> Token | NoEventAnswer | None:
    """A date right before the opening of a relative clause ("a collision near Moncton on
    September 3 in which a girl broke her arm") dates the event noun the clause describes,
    not the clause's verb the parser hung it on: a relative clause starts after its
    antecedent's modifiers ("recalled the riot on May 1 during which two shops burned": the
    riot, wherever the parser hung the date).

    Notes:
        The antecedent is the nearest event noun before the date, past place names and commas,
        with no verb between; none ("visited the town on Monday in which") keeps the climb.
    """
    verb, root = site.climbed, site.root
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    doc = root.doc
    end = max(t.i for t in root.subtree)
    following = doc[end + 1 : end + 3]
    rel = next((t for t in following if t.lower_ in RELATIVE_PRONOUNS and t.tag_ in ("WDT", "WP")), None)
    if rel is None:
        return None
    start = min(t.i for t in root.subtree)
    for token in reversed(doc[root.sent.start : start]):
        if token.pos_ in ("VERB", "AUX"):
            return None
        if is_event_noun(token) and token.pos_ == "NOUN":
            return token
    return None
