"""Trigger rules for constructions around the clause a date sits in: datelines, names,
records, reported clauses, coordinated and modal verbs, settings and "when" clauses. They are
entries of ``EVENT_TRIGGERS`` (``transforms.time.event_rules``), which orders them; the
examples follow that module's conventions (``NO_EVENT_TEXT``: the event is dropped).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from transforms.lexicon import REPORTING_VERB_FORMS
from transforms.lexicons import words
from transforms.rules import Example, rule
from transforms.time.event_site import (
    DIRECTIVE_VERB_FORMS,
    NO_EVENT,
    NO_EVENT_TEXT,
    FIGURE_NOUNS,
    EventSite,
    NoEventAnswer,
    all_forms,
    is_event_noun,
    preposition,
)


@rule(
    Example("Rationing will begin at 9 p.m. on Friday and last until the end of October.", "last"),
    Example("Prices rose in May and fell in June.", None),
    Example("The plant opened in 2004 and employs 300 people.", None),
)
def later_conjunct(site: EventSite) -> Token | NoEventAnswer | None:
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


# Tags of a verb that heads a clause with a tense of its own ("approved", "has approved").
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _object_holder(noun: Token) -> Token | None:
    """The tensed verb a noun is the object of: directly ("approved the sale") or as the object
    of "of" on the verb or on its object ("learned of the decision", "told jurors of her
    decision", "lost 23 percent of the water"); None otherwise."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of":
        above = noun.head.head
        if above.pos_ == "VERB":
            noun = above
            break
        noun = above
    verb = noun if noun.pos_ == "VERB" else (noun.head if noun.dep_ == "dobj" else None)
    if verb is None or verb.pos_ != "VERB":
        return None
    tensed = verb.tag_ in TENSED_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children)
    return verb if tensed else None


# Tags of relative words: a relative clause that opens with one is a clause of its own.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _bare_modifier(word: Token) -> bool:
    """Whether a verb modifies the noun before it with no clause of its own: an active
    infinitive ("plans to tighten the rules") or a relative clause with no relative word
    ("the water it treated"), right after the noun (no comma: "a successor, to be launched",
    "the permit, which expires", are asides with their own time)."""
    noun = word.head
    if word.dep_ == "acl":
        bare = any(c.dep_ == "aux" and c.tag_ == "TO" for c in word.children) and not any(c.dep_ == "auxpass" for c in word.children)
    elif word.dep_ == "relcl":
        bare = not any(c.tag_ in RELATIVE_TAGS or c.lower_ == "that" for c in word.children)
    else:
        return False
    between = word.doc[noun.i + 1 : word.left_edge.i]
    return bare and not any(t.text == "," for t in between)


@rule(
    Example("Two brothers were convicted of conspiracy to defraud on Thursday.", "convicted"),
    Example("Ministers would publish plans to tighten the rules on dividends in the autumn.", "publish"),
    Example("Crane had told fellow jurors of her decision to resign the day before.", "told"),
    Example("The company lost 23 percent of the water it treated through leaks last year.", "lost"),
    Example("The company has ignored every proposal we have made since January.", "ignored"),
    Example("The council approved a plan on Monday to build a bridge.", None),
    Example("The agency is drawing up plans for a successor, to be launched in the 2030s.", None),
    Example("The group will review its sponsorship, which runs until 2025.", None),
    Example("They expect more turbines to be ordered in the coming years.", None),
    Example("The result could encourage more independents to run at the next council election in March 2020.", None),
)
def inside_object(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after a bare modifier of a tensed verb's object, an infinitive or a relative
    clause with no relative word ("convicted of conspiracy to defraud on Thursday", "publish
    plans to tighten the rules in the autumn", "lost 23 percent of the water it treated
    through leaks last year"), dates that verb, though the parser hangs it on the modifier:
    the modifier only says which plan, charge or water; the act is the happening told.

    Notes:
        Only the object of the verb, or an "of" object of the verb or of its object ("told
        jurors of her decision to resign the day before"), and a verb with a tense of its own:
        an infinitive's object ("failed to carry out repairs it promised in 2012") keeps the
        climb. A passive infinitive ("turbines to be ordered in the coming years"), a relative
        clause with "which", "who" or "that", and any modifier after a comma ("a successor, to
        be launched in the 2030s") are clauses with a time of their own. A date before the
        modifier ("approved a plan on Monday to build") is the climb's already. A verb that
        asks or expects its object to act ("encourage independents to run at the election in
        March 2020", "expected waits to fall by the middle of the year") dates that act.
    """
    word = site.climbed
    if word is None or word.pos_ != "VERB" or site.root.i < word.i or not _bare_modifier(word):
        return None
    noun = word.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = _object_holder(noun)
    if verb is not None and verb.lower_ in DIRECTIVE_VERB_FORMS | FORECAST_VERBS:
        return None  # "encourage independents to run ... in March 2020": the object's own act
    return verb


FORECAST_VERBS = all_forms(words("forecast_verbs"))


@rule(
    Example("Analysts expect more cuts across the industry in the first half of 2024.", "cuts"),
    Example("Economists forecast further job cuts in 2025.", "cuts"),
    Example("The hospital expects a deficit of $4 million by June 30.", "deficit"),
    Example("They expect the minister to resign in May.", None),
    Example("She expects a settlement before the summer.", "settlement"),
    Example("Its provisions for bad loans in fiscal 2023 are expected to rise sharply.", "rise"),
    Example("The court will sit until mid-December, and a verdict is expected early next year.", "verdict"),
    Example("Construction could start in 2024, with the first power expected in 2026.", "power"),
    Example("Gusts of up to 60 kilometres an hour were expected on Saturday afternoon.", None),
)
def forecast_object(site: EventSite) -> Token | NoEventAnswer | None:
    """A period on a verb that forecasts a happening ("expect more cuts in the first half of
    2024") or a figure ("expects a shortfall of $2 million by March 31") dates the forecast
    happening or figure, the verb's object, not the forecasting; so does a period inside the
    object ("expects a settlement before the summer"): the forecast is of the thing then. A
    period inside the subject of a passive forecast ("provisions for 2023 are expected to rise")
    dates the verb forecast for it.

    A date on a passive forecast with no verb after it ("a verdict is expected early next
    year", "with the first power expected in 2026") dates the thing forecast, its subject: the
    event noun, or the noun a participle of a "with" phrase describes.

    Notes:
        A verb object ("expect the minister to resign in May") is found by the climb itself. A
        passive subject that names no event ("gusts ... were expected on Saturday afternoon")
        keeps the verb, the forecast weather, as the news gold writes it; only the "with" phrase
        names its thing by its construction alone.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in FORECAST_VERBS:
        return None
    if verb.tag_ == "VBN" and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children) and site.root in verb.subtree:
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and is_event_noun(c)), None)
        if subject is not None:
            return subject  # "a verdict is expected early next year"
        if verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with" and verb.head.i < verb.i:
            return verb.head  # "with the first power expected in 2026"
    if any(c.dep_ == "nsubjpass" for c in verb.children) and any(a.dep_ == "nsubjpass" and a.head == verb for a in site.root.ancestors):
        # "provisions for 2023 are expected to rise": the rise forecast for the period.
        return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    held = next((c for c in objects if c.pos_ in ("NOUN", "PROPN") and c in site.root.ancestors), None)
    if held is not None:
        return held
    return next((c for c in objects if is_event_noun(c) or c.lower_ in FIGURE_NOUNS), None)


DATELINE = re.compile(r"\s*[A-Z][A-Z.' -]+(?:,|\s\()[^\n]{0,80}?\s[-\u2013\u2014]{1,2}\s")
# A byline paragraph ("By Ana Ruiz, Science Correspondent") the dateline may follow.
BYLINE = re.compile(r"\s*By [^\n]{1,100}\n")


@rule(
    Example("OSLO, March 12 (Newswire) - Prices rose on Tuesday.", NO_EVENT_TEXT),
    Example("OSLO (Newswire) - Prices rose on Tuesday.", None),
    Example("By Ana Ruiz\n\nLIMA, May 4 (Andes Wire) - Prices rose on Tuesday.", NO_EVENT_TEXT),
)
def dateline_date(site: EventSite) -> Token | NoEventAnswer | None:
    """The date of a dateline ("OSLO, March 12 (Newswire) - ...") is the story's filing date:
    it dates no happening of the first sentence.

    Notes:
        A dateline is a capitalised place at the very start of the text (or after a byline
        paragraph, "By Ana Ruiz"), then up to 80 characters, then a dash between spaces; only
        an expression before that dash answers.
    """
    byline = BYLINE.match(site.text)
    match = DATELINE.match(site.text, byline.end() if byline else 0)
    if match is not None and site.root.idx < match.end():
        return NO_EVENT
    return None


REPORT_BREAKS = frozenset(':"\u201c\u201d')


@rule(
    Example("Acme said on Monday it would buy its rival.", "said"),
    Example("The union said on Friday its members would strike.", "said"),
    Example("Acme said it would buy its rival on Monday.", None),
    Example("The ministry said last year's figures were revised.", None),
    Example('The mayor said: "Next week the bridge reopens."', None),
)
def report_date_before_clause(site: EventSite) -> Token | NoEventAnswer | None:
    """"Acme said on Monday it would buy its rival": a date between a verb of saying and the
    subject of its reported clause dates the saying; without "that" the parser hangs it on the
    reported verb.

    Notes:
        A date after the reported clause's subject ("said it would buy its rival on Monday")
        stays with the reported verb, and so does one behind a colon or a quotation mark
        ('said: "Next week the bridge reopens"'), which opens the reported words. A date inside
        the subject's phrase ("said last year's figures were revised in March") is the subject's.
    """
    verb = site.climbed
    if verb is None or verb.dep_ != "ccomp" or verb.head.lower_ not in REPORTING_VERB_FORMS:
        return None
    reporting = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    between = site.text[reporting.idx : site.root.idx]
    if subject is not None and reporting.i < site.root.i < subject.left_edge.i and not any(ch in REPORT_BREAKS for ch in between):
        # A date inside the subject's own words ("said last year's figures were revised") is
        # no date of the saying: the date must end before the subject's phrase starts.
        return reporting
    return None


RECORD_WORDS = frozenset({"first", "last", "only"})


@rule(
    Example("Inflation hit 9.1 percent in June, its highest level since 1981.", NO_EVENT_TEXT),
    Example("It was the biggest protest since 2019.", NO_EVENT_TEXT),
    Example("The plant has been closed since 2019.", None),
    Example("The rate rise, the first since 2018, takes effect on Friday.", NO_EVENT_TEXT),
    Example("The city built 9,000 homes last year, the most in a single year since 2008.", NO_EVENT_TEXT),
    Example("A utility restarted a reactor for the first time since the 2011 Fukushima disaster.", "disaster"),
)
def record_since(site: EventSite) -> Token | NoEventAnswer | None:
    """"Its highest level since 1981", "the biggest protest since 2019": a record's "since"
    measures how rare the happening is; the date dates nothing that happened then.

    Notes:
        Only "since" on a noun with a superlative (or "first", "last", "only"), or on such a
        word itself ("the first since 2018"), or on a phrase of one ("the most in a single year
        since 2007"); "closed since 2019" dates the closure's start. A year written before an
        event noun ("the first time since the 2011 Fukushima disaster") dates that event.
    """
    climbed = site.climbed
    if climbed is not None and climbed.i > site.root.i and climbed.pos_ in ("NOUN", "PROPN") and is_event_noun(climbed):
        return climbed
    prep = preposition(site.root)
    if prep is None or prep.lower_ != "since":
        return None
    return NO_EVENT if any(_is_record(word) for word in _record_phrase(prep.head)) else None


def _is_record(word: Token) -> bool:
    """A superlative or a record word ("highest", "most", "first"), or a noun it modifies."""
    if word.lower_ in RECORD_WORDS or word.tag_ in ("JJS", "RBS"):
        return True
    return word.pos_ in ("NOUN", "PROPN") and any(c.tag_ == "JJS" or c.lower_ in RECORD_WORDS for c in word.children if c.dep_ in ("amod", "nummod", "advmod"))


def _record_phrase(head: Token) -> list[Token]:
    """The word "since" hangs on and the words of its phrase above it, up to the clause: "the
    most in a single year since 2007" -> year, most."""
    words = [head]
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN", "ADJ", "ADV"):
        head = head.head.head
        words.append(head)
    return words


NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "PERSON", "GPE"})


@rule(
    Example("The campaign group Justice Now was founded in 2015.", NO_EVENT_TEXT),
    Example("Now the group has 300 members, its founder said.", None),
    Example("The MV Island Star, run by Coast Lines, hit rocks at 21:40 BST in a gale.", None),
    Example("The theatre's next premiere opens on Easter Sunday.", None),
    Example("The last lift will run on Easter Monday.", None),
)
def inside_name(site: EventSite) -> Token | NoEventAnswer | None:
    """A time word that is part of a name ("the group Justice Now", "Winter Aid") dates
    nothing: the named thing is no date.

    Notes:
        Only a capitalised word in the middle of a sentence inside a named entity of the model
        (an organisation, a work, a product, a place, a law or a person) answers; a time zone
        in capitals ("at 21:40 BST", which the model may tag an organisation) is no name. A
        season or "Today" inside a name ("Summer Sounds", "USA Today") is not found as a time
        at all (``expressions._inside_a_name``). A name that is the date's own phrase and no
        more ("Easter Sunday", which the model may tag a place or a law) names that day: its
        words all lie in the expression's own subtree, so nothing else is named.
    """
    root = site.root
    if root.ent_type_ in NAME_LABELS and root.text[:1].isupper() and not root.text.isupper() and not root.is_sent_start:
        return None if _name_is_the_date(root) else NO_EVENT
    return None


def _name_is_the_date(root: Token) -> bool:
    """Whether the named entity a date's root lies in is that date's own phrase: every word of
    the entity is in the root's subtree ("Easter Sunday" -> Sunday), none names a thing beside
    it ("Justice Now", "Winter Aid")."""
    doc = root.doc
    start = root.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = root.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    left, right = root.left_edge.i, root.right_edge.i
    return left <= start and end - 1 <= right


NAME_PARTICLES = words("name_particles")


def _word_of_a_name(token: Token) -> bool:
    """Whether a word inside a sentence is part of a proper name: capitalised (and no event noun,
    "the Paris Summit"), or a particle between two capitalised words ("Covas do Barroso")."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    if token.text[:1].isupper():
        return not token.is_sent_start and token.pos_ == "PROPN" and not is_event_noun(token)
    # a particle may even open a sentence the parser split off inside the name
    return token.lower_ in NAME_PARTICLES and doc[token.i - 1].text[:1].isupper() and doc[token.i + 1].text[:1].isupper()


@rule(
    Example("The bank, which dropped the name Caixa Rural do Sul in 2015, said it would send vans.", "dropped"),
    Example("Leaders met at the Paris Summit on Monday.", None),
)
def name_taken_for_verb(site: EventSite) -> Token | NoEventAnswer | None:
    """A name the parser read as a clause ("the name Caixa Rural do Sul in 2015", "the village
    of Covas do Barroso since the 1970s": "do" taken for a verb, the name's last word for its
    clause): the date belongs to the last verb before the name, in its sentence.

    Notes:
        Only a climb that ends on a capitalised word inside a sentence (no event noun: "the
        Paris Summit on Monday" is the summit's) or on a name particle between two capitalised
        words (``name_particles.txt``), even one the parser made open a sentence of its own;
        with no verb before the name the climb stands.
    """
    climbed = site.climbed
    if climbed is None or not _word_of_a_name(climbed):
        return None
    doc, start = climbed.doc, climbed.i
    while start > 0 and not doc[start].is_punct and (doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in NAME_PARTICLES):
        start -= 1
    # the name's first word is in the sentence the name belongs to
    sentence_start = doc[start].sent.start
    return next((t for t in reversed(doc[sentence_start:start]) if t.pos_ == "VERB"), None)


@rule(
    Example("The bank raised rates twice last year, most recently in November.", NO_EVENT_TEXT),
    Example("Recently, the bank raised rates.", None),
)
def most_recent_repeat(site: EventSite) -> Token | NoEventAnswer | None:
    """"Most recently" picks the last of repeated happenings ("raised rates twice last year,
    most recently in November"): the date beside it dates the happening, the adverb nothing.
    """
    root = site.root
    if root.lower_ == "recently" and any(c.lower_ in ("most", "more") for c in root.children):
        return NO_EVENT
    return None


PRESENT_REF = "PRESENT_REF"
BE_FORMS = frozenset({"be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re", "'m"})


@rule(
    Example("The plant is now operating at full capacity.", None),
    Example("The country now has about 300 wolves.", NO_EVENT_TEXT),
    Example("She now commutes two hours a day.", NO_EVENT_TEXT),
    Example("Larger ships will now have to sail around the cape.", NO_EVENT_TEXT),
    Example("He is fine now, his sister said.", NO_EVENT_TEXT),
    Example("The bridge reopened on Monday.", None),
)
def present_state(site: EventSite) -> Token | NoEventAnswer | None:
    """An expression of the present ("now", "currently": PRESENT_REF) dates a happening only
    while it goes on, in the progressive ("the plant is now operating at full capacity"); with a
    state, a habit or a modal ("the country now has 300 wolves", "she now commutes two hours a
    day", "ships will now have to sail around") it says what holds when the story is written,
    and dates no event.

    Notes:
        Read from the expression's value, so "at present" and "these days" count as "now"; a
        progressive is a verb in -ing with a form of "be" as its auxiliary ("are sitting right
        now"). "Now" as a discourse word ("Now, the question is ...") is dropped the same way.
    """
    if site.value != PRESENT_REF:
        return None
    verb = site.climbed
    if verb is not None and verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in BE_FORMS for c in verb.children):
        return None
    return NO_EVENT


SEMI_MODALS = frozenset({"have", "has", "had", "having", "need", "needs", "needed", "ought", "got"})


@rule(
    Example("From Monday they will have to fetch water after dark.", "fetch"),
    Example("The club had to sell its ground in 1998.", None),
    Example("They have held talks since January.", None),
)
def semi_modal(site: EventSite) -> Token | NoEventAnswer | None:
    """A date reaching "have to" or "need to" dates the verb that follows ("from Monday they
    will have to fetch water"): the modal is no happening.

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
    Example("Residents will have their water supply cut for 12 hours a day, starting on Wednesday.", "cut"),
)
def onset_phrase(site: EventSite) -> Token | NoEventAnswer | None:
    """"Starting Monday, shops will close": the onset participle only introduces the date of
    the main clause, whose verb is the happening. A causative "have" or "get" ("will have their
    water supply cut, starting on Wednesday") only carries its participle, the happening.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in ONSET_WORDS or verb.dep_ not in ("advcl", "prep", "npadvmod", "acl"):
        return None
    head = verb.head
    if head.pos_ == "AUX":
        head = next((c for c in head.children if c.dep_ in ("acomp", "xcomp") and c.pos_ in ("VERB", "ADJ")), head)
    if head.lower_ in CAUSATIVE_FORMS:
        # "have their water supply cut": the participle with its own subject
        head = next((c for c in head.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBN" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), head)
    return head if head.pos_ in ("VERB", "AUX", "ADJ") else None


# "have" and "get" before an object and a participle: "have their supply cut".
CAUSATIVE_FORMS = frozenset({"have", "has", "had", "having", "get", "gets", "got", "getting", "gotten"})


SETTING_PREPOSITIONS = frozenset({"at", "during"})
SAYING_MEDIA = words("saying_media")
# Verbs whose own act makes, ends or tells of an event ("will open the festival on Friday").
EVENT_MAKING_VERBS = all_forms(words("event_making_verbs"))
# Verbs that make the medium they name ("wrote in a post"): the medium is that happening.
WRITING_VERBS = all_forms(frozenset({"write", "post", "tweet", "publish"})) | {"wrote", "written"}


@rule(
    Example("The governor said at a ceremony in Augusta on Friday afternoon that the port would reopen.", "said at a ceremony"),
    Example("The minister told reporters during a visit to Lyon on Monday that talks would resume.", "told reporters during a visit"),
    Example("In a statement on its website on Sunday, the airline said flights would resume.", "said"),
    Example("The council said in a statement on Friday that the pool would reopen.", "said in a statement"),
    Example("The chief executive told analysts on a call at 8 a.m. that margins would rise.", "told analysts on a call"),
    Example("The decision, taken by the board at a meeting on Monday evening, ends the scheme.", None),
    Example("The statement on Sunday angered farmers.", None),
    Example("The singer wrote in a post on Friday that the tour was over.", None),
    Example("The union said in an email late on Sunday that the strike would go ahead.", "said in an email"),
    Example("Chief executive Anna Berg told a news conference in Oslo City on Thursday afternoon.", "told a news conference"),
    Example("\u201cIt is right,\u201d he told a press conference at 2:30 p.m.", "told a press conference"),
    Example("He told reporters on Monday that the talks had failed.", None),
)
def setting_event(site: EventSite) -> Token | Span | NoEventAnswer | None:
    """A date on an event that is only the setting of a report ("said at a ceremony on
    Thursday", "told reporters during a visit on Monday") or on the medium of the saying ("said
    in a statement on Sunday", "in an email on Monday, the mayor told staff", "told analysts on
    a call at 8 a.m.") dates the saying:
    that is the happening told, the setting and the medium happen at the same time. The trigger
    is the phrase from the verb to the medium ("said in a statement", "told reporters at a
    briefing"): one happening, named by the saying and by its medium alike.

    Notes:
        Only verbs of saying: "a decision taken at a meeting on Monday" keeps the meeting, the
        happening the date was written for. A medium that is no setting of a saying ("the
        statement on Sunday angered farmers") keeps the noun, and so does one a verb of writing
        makes ("wrote in a post on Friday": writing the post is the happening, the post). A
        medium before its verb ("In a statement on Sunday, the airline said") gives the verb
        alone: the phrase would take in the subject. A gathering a verb of saying addresses
        ("told a news conference on Thursday") is its setting too, whether the parser hangs the
        date on the gathering or on the verb ("told a press conference at 2:30 p.m."); people
        told ("told reporters on Monday") are no gathering: the verb alone.
    """
    noun = site.climbed
    if noun is not None and noun.pos_ == "VERB" and noun.lower_ in REPORTING_VERB_FORMS and noun.lower_ not in WRITING_VERBS:
        gathering = next((c for c in noun.children if c.dep_ == "dobj" and is_event_noun(c) and noun.i < c.i < site.root.i), None)
        prep = preposition(site.root)
        if gathering is not None and (prep.head if prep is not None else site.root.head) == noun:
            # "told a press conference at 2:30 p.m.": the date on the verb, the gathering its object
            return noun.doc[noun.i : gathering.i + 1]
        # The climb passed the medium ("said in an email late on Sunday": the date hangs on
        # "late", under the verb): the medium between the verb and the date.
        noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "on") and noun.i < c.i < site.root.i
                     for p in c.children if p.dep_ == "pobj" and p.lower_ in SAYING_MEDIA), None)
    if noun is not None and noun.dep_ == "dobj" and is_event_noun(noun) and noun.i < site.root.i and noun.head.lower_ in REPORTING_VERB_FORMS:
        # "told a news conference on Thursday afternoon": the gathering told is the setting
        return noun.doc[noun.head.i : noun.i + 1] if noun.head.i < noun.i else None
    if noun is None or noun.pos_ != "NOUN" or noun.i > site.root.i or noun.dep_ != "pobj":
        return None
    prep = noun.head
    medium = prep.lower_ in ("in", "on") and noun.lower_ in SAYING_MEDIA and prep.head.lower_ not in WRITING_VERBS
    setting = prep.lower_ in SETTING_PREPOSITIONS or medium
    if not (setting and prep.head.lower_ in REPORTING_VERB_FORMS):
        return None
    verb = prep.head
    return verb.doc[verb.i : noun.i + 1] if verb.i < noun.i else verb


PROPOSAL_VERBS = all_forms(words("proposal_verbs"))
SUMMONING_VERBS = all_forms(words("summoning_verbs"))


def proposed_noun(verb: Token, date_index: int) -> Token | None:
    """The event noun a verb of offering or inviting offers or invites to, before a date hung on
    the verb: its object ("offered a 9 percent increase ... from July") or the object of its
    "for" or "to" ("invited the union back for talks on Friday"); for a verb of summoning with
    the person summoned as its object, the object of its "to" ("summoned the management to a
    meeting on Monday"); None if it has none."""
    if verb.lower_ not in PROPOSAL_VERBS and verb.lower_ not in SUMMONING_VERBS:
        return None  # most verbs: spare the walk over their children
    holders = [verb, *(c for c in verb.children if c.dep_ in ("advmod", "prt"))]
    if verb.lower_ in PROPOSAL_VERBS:
        nouns = [c for c in verb.children if c.dep_ == "dobj"]
        nouns += [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("for", "to") for p in c.children if p.dep_ == "pobj"]
    elif verb.lower_ in SUMMONING_VERBS and any(c.dep_ == "dobj" and c.i < date_index for c in verb.children):
        nouns = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    else:
        return None
    return next((n for n in nouns if is_event_noun(n) and n.i < date_index), None)


@rule(
    Example("The ministry said it had offered a 9 percent increase in overtime rates from July.", "increase"),
    Example("She had invited the union back for talks on Friday.", "talks"),
    Example("He would ask the committee to call the chief executive to a hearing next week.", "hearing"),
    Example("The firm offered a refund on Monday.", None),
    Example("They invited reporters on Monday.", None),
)
def proposed_event(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after the event noun a verb offers or invites to ("offered a 9 percent increase
    in overtime rates from July", "invited the union back for talks on Friday") dates that
    event, though the parser hangs it on the verb: the offer or invitation names when what it
    offers is to happen (``proposal_verbs``); so does a date after the event a verb summons
    someone to ("call the chief executive to a hearing next week", ``summoning_verbs``).

    Notes:
        Only an event noun (a refund is no event: "offered a refund on Monday" dates the offer);
        a date before the noun ("on Monday offered talks") is the verb's.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB":
        return None
    return proposed_noun(verb, site.root.i)


CONVENING_VERBS = all_forms(words("convening_verbs"))
# Forms of "be" that make a progressive ("is planning", "was planning").
PROGRESSIVE_AUXILIARIES = frozenset({"is", "are", "am", "'s", "'re", "was", "were"})


@rule(
    Example("The councillor has called a public meeting for Thursday at 7 p.m.", "meeting"),
    Example("The town plans a free concert at 8:30 p.m. on Easter Sunday.", "concert"),
    Example("The government is planning a referendum next year.", "referendum"),
    Example("The company said it was planning layoffs in the autumn.", "layoffs"),
    Example("The minister had ordered an independent review of the timetable in June.", None),
    Example("The union called a strike on Monday.", None),
    Example("The board set a price for the shares on Monday.", None),
)
def convened_event(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after the event noun a verb sets up, for it or in a clause that looks ahead
    ("has called a public meeting for Thursday at 7 p.m.", "plans a free torchlight descent at
    8:30 p.m. on Easter Sunday") dates that event, not the calling or planning, though the
    parser hangs it on the verb (``convening_verbs``).

    Notes:
        A past setting-up dated by "on"/"in" ("had ordered a review in June", "called a strike
        on Monday") is the act of setting up, when it happened: kept on the verb; a plan in the
        present tense or in progress ("is planning a referendum next year", "said it was
        planning layoffs in the autumn") looks ahead. An object that
        is no event noun ("set a price for the shares") keeps the verb; a date before the noun
        too.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ not in CONVENING_VERBS:
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj" and is_event_noun(c) and c.i < site.root.i), None)
    if noun is None:
        return None
    ahead = (
        verb.tag_ in ("VBZ", "VBP")
        or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children)
        # "is planning a referendum next year", "said it was planning layoffs in the autumn":
        # a plan in progress looks ahead
        or verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in PROGRESSIVE_AUXILIARIES for c in verb.children)
    )
    # "for Thursday", "for Thursday at 7 p.m.": the date inside a "for" phrase on the verb or
    # noun, or its preposition right after one
    prep = preposition(site.root)
    for_date = any(
        c.dep_ == "prep" and c.lower_ == "for" and c.i < site.root.i and (site.root.i <= c.right_edge.i or prep is not None and prep.i == c.right_edge.i + 1)
        for c in (*verb.children, *noun.children)
    )
    return noun if ahead or for_date else None


# Participles of a question put to the speaker: "Asked about it on Monday, the minister said".
QUESTION_PARTICIPLES = frozenset({"asked", "questioned", "pressed", "quizzed", "challenged"})


@rule(
    Example("Asked about the report on Thursday afternoon, a spokesman said the company stood by it.", "said"),
    Example("Questioned by reporters on Monday, the minister said she would stay.", "said"),
    Example("The minister was asked about the plan on Monday.", None),
)
def answer_to_question(site: EventSite) -> Token | NoEventAnswer | None:
    """A date in a participle clause that puts a question to the speaker ("Asked about the
    report on Thursday afternoon, a spokesman said ...") dates the answer, the saying: the
    question only sets it up, at the same time.

    Notes:
        Only a participle (asked, questioned, pressed, quizzed, challenged) that hangs on a verb
        of saying; a finite "was asked on Monday" keeps its verb.
    """
    verb = site.climbed
    if verb is None or verb.lower_ not in QUESTION_PARTICIPLES or verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl", "csubj"):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.head.lower_ not in REPORTING_VERB_FORMS:
        return None
    return verb.head


# Prepositions that make an event noun the setting of a happening ("rejected it at a meeting",
# "was found during an inspection", "learned of it in a meeting").
HAPPENING_SETTING_PREPOSITIONS = frozenset({"at", "during", "in"})
# Tags of a verb that heads a clause of its own (not a participle modifying a noun).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


@rule(
    Example("Shop stewards rejected the offer at a meeting on Monday evening.", "rejected"),
    Example("Listeria was found during a routine inspection on March 28.", "found"),
    Example("He said he had learned of his dismissal in a short meeting on Saturday morning.", "learned"),
    Example("The council passed the limits, the strictest the city has ever imposed, at a meeting on Tuesday morning.", "passed"),
    Example("The decision, taken by the board at a meeting on Monday evening, ends the scheme.", None),
    Example("The mayor spoke after the meeting on Monday.", None),
    Example("The mayor spoke about the meeting on Monday.", None),
    Example("Ministers will review the stocks at a meeting in June.", None),
    Example("It could encourage independents to run at the next council election in March 2020.", None),
)
def setting_of_happening(site: EventSite) -> Token | NoEventAnswer | None:
    """A date on an event noun that is only the setting of a clause's verb ("rejected the
    offer at a meeting on Monday evening", "was found during an inspection on March 28",
    "learned of it in a meeting on Saturday morning") dates the verb: the main verb is the
    happening told, the meeting or inspection only where it happened, at the same time.

    Notes:
        Only a verb that heads a clause (finite, or with an auxiliary): a participle that
        modifies a noun ("the decision, taken by the board at a meeting on Monday evening")
        keeps the meeting, as the news gold writes it. Only "at", "during" and "in" before the
        noun, and the date after the noun; "spoke about the meeting on Monday" keeps the noun
        (no setting). Verbs of saying are setting_event's. A clause still ahead or only
        possible ("will review the stocks at a meeting in June", "to run at the next election
        in March 2020": a future, a modal or an infinitive) keeps the noun: what is scheduled
        for the date is the meeting or the election, named as such. A verb with "ever" ("the
        strictest limits it has ever imposed, at a news conference on
        Tuesday") spans all time, a superlative's range: the clause it sits in is the
        happening ("announced the restrictions ... at a news conference"; "passed the limits").
    """
    noun = site.climbed
    if noun is None or not is_event_noun(noun) or noun.dep_ != "pobj" or noun.i > site.root.i:
        return None
    prep = noun.head
    verb = prep.head
    if prep.lower_ not in HAPPENING_SETTING_PREPOSITIONS or prep.dep_ != "prep" or verb.pos_ != "VERB":
        return None
    has_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ == "acl" or not (verb.tag_ in FINITE_TAGS or has_aux):
        return None
    if any(c.dep_ in ("aux", "auxpass") and (c.tag_ in ("MD", "TO")) for c in verb.children):
        return None  # "will review ... at a meeting in June": the meeting is what is scheduled
    if any(c.dep_ == "advmod" and c.lower_ == "ever" for c in verb.children) and verb.head.pos_ == "VERB" and verb.head != verb:
        return verb.head  # "the strictest it has ever imposed, at a news conference": the clause above
    return verb


@rule(
    Example("Independents may run at the next council election in March 2020.", "election"),
    Example("The board approved the plan at a meeting on Monday.", None),
    Example("The minister will speak in Leeds on Friday.", None),
    Example("The objects would be handed over at a ceremony in Lima in June.", None),
    Example("The two leaders will sign the treaty at a summit in May.", None),
)
def scheduled_setting(site: EventSite) -> Token | NoEventAnswer | None:
    """A date and an event noun both hung on a verb still ahead or only possible ("may run at
    the next council election in March 2020"):
    what is scheduled for the date is the event the verb is set at, named as such (as
    ``setting_of_happening`` keeps the noun when the date hangs on it).

    Notes:
        Only "at" or "during" an event noun before the date, and a verb with a modal or "to":
        a past verb ("approved the plan at a meeting on Monday") is the happening told, and
        "in Leeds" is a place. A verb that acts on a thing, a passive or one with an object
        ("would be handed over at a ceremony in June", "will sign the treaty at a summit in
        May"), is an act done at the event: the act is the happening, as when it is told.
    """
    verb = site.climbed
    prep = site.root.head
    if verb is None or verb.pos_ != "VERB" or prep.head != verb or prep.dep_ != "prep":
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass", "dobj") for c in verb.children):
        return None  # "would be handed over at a ceremony in June": the handing over
    if not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "TO") for c in verb.children):
        return None
    return next(
        (p for c in verb.children if c.dep_ == "prep" and c.lower_ in SETTING_PREPOSITIONS and c.i < prep.i
         for p in c.children if p.dep_ == "pobj" and is_event_noun(p)),
        None,
    )


# Modals that put a clause ahead of its telling ("would force a vote before Christmas").
AHEAD_MODALS = frozenset({"will", "would", "shall", "'ll", "may", "might", "could", "can"})


def _clause_ahead(verb: Token) -> bool:
    """Whether a verb's clause lies ahead of its telling: a modal ("would force"), an infinitive
    ("urged students to join") or a condition ("if it won")."""
    return any(
        c.dep_ == "aux" and (c.lower_ in AHEAD_MODALS or c.tag_ == "TO") or c.dep_ == "mark" and c.lower_ == "if"
        for c in verb.children
    )


@rule(
    Example("The opposition said it would force a vote in parliament before Christmas.", "vote"),
    Example("The union urged students to join a protest on campus on Friday.", "protest"),
    Example("The party would add beds if it won the state election on Saturday.", "election"),
    Example("The opposition forced a vote in parliament on Tuesday.", None),
    Example("The minister will open the festival on Friday.", None),
    Example("The firm will announce the deal on Friday.", None),
    Example("A rival airline would run extra flights on Wednesday.", None),
    Example("Parliament will resume debate on the budget on Thursday.", None),
)
def event_object_ahead(site: EventSite) -> Token | NoEventAnswer | None:
    """A date after the event noun object of a verb whose clause lies ahead ("would force a vote
    before Christmas", "urged students to join a protest on Friday", "if it won the election on
    Saturday"): what is set for the date is that event, named as such (as ``scheduled_setting``
    reads "may run at the next election in March"); the verb's own act is not yet told.

    Notes:
        Only a modal, an infinitive "to" or "if" puts the clause ahead: "forced a vote on
        Tuesday" is the forcing, told. Only a date after the noun and on the verb. The verb's
        own act is the happening when it makes or ends the event or tells of it (open, close,
        announce, sign, cancel, postpone; ``event_making_verbs``): "will open the festival on
        Friday" dates the opening. A plural object ("would run extra flights on Wednesday")
        is a service or a series, not one event set for the date: the verb keeps it. Light
        verbs are ``support_verb_object``'s.
    """
    verb = site.climbed
    if verb is None or verb.pos_ != "VERB" or verb.lower_ in EVENT_MAKING_VERBS or verb.lower_ in REPORTING_VERB_FORMS:
        return None
    prep = preposition(site.root)
    hung = prep.head if prep is not None else site.root.head
    if hung != verb or not _clause_ahead(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and is_event_noun(c) and c.tag_ != "NNS" and c.i < site.root.i), None)


# Light verbs ("hold a meeting"): their event noun object is the happening itself.
LIGHT_VERBS = all_forms(words("support_verbs"))


@rule(
    Example("The carrier cancelled all 38 of its flights on Monday.", "cancelled"),
    Example("Fans watched the match on Sunday.", None),
    Example("The match on Sunday was cancelled.", None),
    Example("The council will hold an emergency meeting on Wednesday.", None),
)
def made_event_object(site: EventSite) -> Token | NoEventAnswer | None:
    """A date the parser hung on the event noun object of a verb that makes, ends or tells of
    that event ("cancelled all 38 of its flights on Monday"; ``event_making_verbs``) dates the verb: the act on the event is the
    happening told, as "will open the festival on Friday" is (``event_object_ahead``).

    Notes:
        Only the verb's object, or the "of" object of a number or quantity it takes ("all 38 of
        its flights"), with the date after it; other verbs ("watched the match on Sunday") keep
        the event, and so does an event noun subject ("the match on Sunday was cancelled"). A
        light verb ("staged a protest on Monday", "will hold an emergency meeting on
        Wednesday"; ``support_verbs``) only carries its noun, the happening the date dates.
    """
    noun = site.climbed
    if noun is None or not is_event_noun(noun) or noun.i > site.root.i:
        return None
    holder = noun
    if holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.dep_ == "dobj":
        holder = holder.head.head  # "all 38 of its flights"
    verb = holder.head
    if holder.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lower_ not in EVENT_MAKING_VERBS or verb.lower_ in LIGHT_VERBS:
        return None
    return verb


# Verbs whose object is spent on an -ing complement ("spend 310 million euros replacing cranes").
SPENDING_VERBS = frozenset({"spend", "spends", "spent", "spending"})


@rule(
    Example("The council will pass a law banning cars from the old town before the summer.", "pass"),
    Example("The port would spend 310 million euros replacing its cranes by the end of 2025.", None),
    Example("Residents living near the plant since 2010 were moved.", None),
    Example("The agency had received 14 reports of buckles releasing unexpectedly since January.", "received"),
)
def describing_participle(site: EventSite) -> Token | NoEventAnswer | None:
    """A date reaching an -ing participle that describes an object ("will pass a law banning
    cars before the summer") dates the verb of that object: the participle says what the thing
    does, not when.

    Notes:
        Only a participle on the object of a verb, or on a noun in its "of" phrase ("received
        14 reports of buckles releasing unexpectedly since January": the receiving); one on a
        subject ("residents living near the plant since 2010") keeps the climb. The -ing
        complement of "spend" ("spend 310 million euros replacing cranes by 2025") is what the
        money or time goes on, the happening: the climb keeps it.
    """
    verb = site.climbed
    if verb is None or verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    noun = verb.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "received 14 reports of buckles releasing ...": the object "reports"
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        if noun.head.lower_ in SPENDING_VERBS:
            return None  # "spend 310 million euros replacing cranes by 2025": what is spent on
        return noun.head
    return None


BOUNDARY_PREPOSITIONS = frozenset({"from", "since", "to", "until", "till"})


@rule(
    Example("The ban runs from March 4, when the athlete was suspended.", "suspended"),
    Example("Sales have grown since 2019, when the firm listed its shares.", "listed"),
    Example("Prices fell in May, when demand slowed.", None),
    Example("When the plant closed in 2009, 400 jobs went.", None),
    Example("The fire revived memories of 1987, when the old mill burned down.", "burned"),
    Example("It is the worst crash since 2004, when two trains collided near the town.", "collided"),
    Example("Traders fear a repeat of the summer of 2019, when the bridge shut for repairs.", "shut"),
    Example("The show did not begin until 9:20 p.m., when generators were brought in.", None),
)
def when_clause(site: EventSite) -> Token | NoEventAnswer | None:
    """A boundary date followed by ", when ..." ("runs from March 4, when the athlete was
    suspended", "since 2019, when the firm listed") names the moment of the when-clause's
    happening; the main verb only starts or ends there.

    The same holds for a date that only names a time a noun is of ("memories of the 2010s, when
    a wave of positive tests led to ...", "a repeat of 2009, when the bridge was closed"): what
    happened then is the when-clause's happening.

    Notes:
        Only "when" right after the expression (a comma between) and a boundary preposition
        (from, since, to, until) or "of": "fell in May, when demand slowed" dates the fall. A
        date inside the when-clause is found by the climb. A negated verb before "until" ("did
        not begin until 9:20 p.m., when ...") happens at that time: the climb keeps it.
    """
    root = site.root
    prep = preposition(root)
    if prep is None or prep.lower_ not in BOUNDARY_PREPOSITIONS | {"of"}:
        return None
    doc = root.doc
    # The words after the expression's head: "December 2, when", "the summer of 2019, when":
    # skip its numbers, commas and the rest of the date.
    following = [t for t in doc[root.i + 1 : min(root.i + 6, len(doc))] if not (t.is_punct or t.like_num or t.ent_type_ in ("DATE", "TIME"))]
    if not following or following[0].lower_ != "when" or following[0].sent != root.sent:
        return None
    if prep.lower_ in ("until", "till") and any(c.dep_ == "neg" for c in prep.head.children):
        return None  # "did not begin until 9:20 p.m., when ...": the beginning is at that time
    clause = following[0].head
    if clause.dep_ in ("advcl", "relcl") and clause.pos_ in ("VERB", "AUX") and clause.i > root.i:
        return clause
    return None


@rule(
    Example("The union has called a strike for Thursday.", "strike"),
    Example("The board set a new vote for March 3.", "vote"),
    Example("The firm reported a loss for 2021.", None),
)
def event_for_date(site: EventSite) -> Token | NoEventAnswer | None:
    """An event noun object and a date "for" it ("called a strike for Thursday", "set a vote
    for March 3"): the date is when the event is to happen, not when it was called.

    Notes:
        A figure ("reported a loss for 2021") is figure_for_period's; only "for" answers.
    """
    verb = site.climbed
    prep = preposition(site.root)
    if verb is None or verb.pos_ != "VERB" or prep is None or prep.lower_ != "for" or prep.head != verb:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and is_event_noun(c) and c.i < prep.i), None)
