"""The tense of the clause around a date, as resolving weekdays and bare months needs it.

"Tuesday" in a Wednesday paper is yesterday in "met on Tuesday" and next week's in "will meet
on Tuesday". The parser gives the clause; this module turns it into "past", "future" or ""
(unknown, which the resolver treats as news's usual past).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from transforms.lexicon import REPORTING_VERB_FORMS
from transforms.lexicons import words
from transforms.time.event_constructions import proposed_noun
from transforms.time.event_site import DIRECTIVE_VERB_FORMS, all_forms, is_event_noun
from transforms.time.timex_rule import Tense

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
# Modals that look forward before a bare verb ("must decide by Tuesday", "may resume Monday");
# "could" only before a bound ("could burn until the weekend", ``_could_look_ahead``): "could not
# confirm on Monday" is the past of "can".
_FORWARD_MODALS = frozenset({"must", "should", "may", "might", "can", "ca"})
_PAST_AUX = frozenset({"did", "was", "were", "had", "has", "have", "'d"})
_PRESENT_PASSIVE = frozenset({"is", "are", "am", "'s", "'re"})
# Verbs whose dated object or infinitive is still to come, whatever their own tense:
# "planned a demonstration on Saturday", "is scheduled to close Monday", "set to resume Monday".
_PLANNING_FORMS = frozenset(
    {
        "plan", "plans", "planned", "planning",
        "schedule", "schedules", "scheduled", "scheduling",
        "slated", "due", "expected", "expects", "expect",
        "intend", "intends", "intended", "prepared", "preparing", "poised",
    }
)
# Heads of an infinitive that put it in the future: the planning verbs plus "set to resume",
# "is to resume", "are going to", "is about to". ("set" alone is not one: "the record set on
# Aug. 6".)
_FUTURE_INFINITIVE_HEADS = _PLANNING_FORMS | frozenset({"set", "is", "are", "was", "were", "going", "about"})
# Adjectives of prospect whose infinitive looks forward: "was unlikely to ease before March".
_PROSPECT_ADJECTIVES = words("prospect_adjectives")
# Verbs of deciding and nouns of intention: what they commit to under their infinitive is still
# to come ("voted on Thursday to close the branches by the end of September", "a plan to cut
# the grant from July").
_DECISION_VERB_FORMS = all_forms(words("decision_verbs"))
_PLAN_NOUNS = words("plan_nouns")
# Present-tense verbs of wanting: what they want done is ahead ("officials hope to contain the
# blaze by the weekend", "aims to fly in the autumn"); their past forms ("hoped to finish by
# Friday") are left to the clause's tense.
_DESIRE_PRESENT = frozenset({"hope", "hopes", "aim", "aims", "want", "wants", "seek", "seeks", "wish", "wishes"})
# Their past forms under a reporting verb are reported speech's backshifted present ("it said
# it hoped to reopen the canal by the weekend" is "we hope to reopen"): what they want is ahead.
_DESIRE_PAST = frozenset({"hoped", "aimed", "wanted", "sought", "wished", "intended"})
# Verbs that push something to a later date: "postponed until Tuesday", "extended its deadline
# until 9 a.m. Tuesday", "has given them until Tuesday".
_DEFERRAL_FORMS = frozenset(
    {
        "postpone", "postponed", "postpones", "delay", "delayed", "delays", "extend", "extended", "extends",
        "adjourn", "adjourned", "adjourns", "defer", "deferred", "defers", "give", "gave", "given", "gives",
        "recess", "recessed",
    }
)
# Verbs that set up an event for a date: "called a strike for Thursday" (not "announced a drop
# in profits for the fourth quarter", a period of the past).
_CONVENING_FORMS = all_forms(words("convening_verbs"))
# Multi-word adverbs before a date that only point forward: "as soon as Tuesday".
_FORWARD_LEADS = (("as", "soon", "as"), ("as", "early", "as"), ("ahead", "of"), ("in", "time", "for"))
# Words before a date that only point back: "the best week since November", "since the autumn",
# "as of February".
_BACKWARD_LEADS = (("since",), ("since", "the"), ("as", "of"))
# How many heads to climb from the date to its verb before giving up.
_MAX_CLIMB = 8


def clause_tense(verb: Token) -> Tense:
    """The tense of a verb's clause as dates need it: "past", "future" or "" (unknown).

    News uses the present for what is scheduled ("the board meets Thursday", "is scheduled
    for Thursday") and the past for what happened; a participle takes its auxiliary's tense;
    "would" in reported speech looks forward ("said he would travel Thursday").

    Notes:
        Reported present ("says") is left unknown: news writes "said Tuesday" for the past.
        Not handled: the habitual "would" ("he would call on Sundays") reads as future. "could"
        is left unknown ("could not confirm on Monday" is past); ``date_tense`` reads it forward
        before "by", "until" or "from" a date.
    """
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & _FUTURE_AUX or verb.lower_ in ("will", "shall"):
        return "future"
    if auxiliaries & _FORWARD_MODALS and (verb.tag_ == "VB" or verb.tag_ == "VBN" and "be" in auxiliaries):
        return "future"  # "must decide by Tuesday", "must be kept in by Sunday"; not "may have left on Tuesday"
    if auxiliaries & _PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and auxiliaries & _PRESENT_PASSIVE:
        return "future"
    if verb.tag_ in ("VBZ", "VBP") and verb.lower_ not in REPORTING_VERB_FORMS:
        return "future"
    if verb.tag_ == "VBG" and auxiliaries & _PRESENT_PASSIVE:
        return "future"  # "is meeting Thursday"
    return ""


# Words before a date that bound what "could" happens: "could burn until the weekend", "could be
# short by Friday", "could use the lock from Thursday".
_BOUND_WORDS = frozenset({"by", "until", "till", "from"})


def _could_look_ahead(verb: Token, date_index: int) -> bool:
    """Whether "could" before a bare verb, not negated, looks forward to a date it is bounded by
    ("could burn until the weekend"); "could meet on Monday" is left to the clause, and a
    warning "on Thursday that strikes could do damage" is the past."""
    if date_index == 0 or verb.doc[date_index - 1].lower_ not in _BOUND_WORDS or verb.tag_ != "VB":
        return False
    return _has_aux(verb, ("could",)) and not any(c.dep_ == "neg" for c in verb.children)


# Prepositions that bound what is committed to: "to close them by September", "to cut output
# from February", "to disrupt supplies from Monday".
_COMMITTED_BOUNDS = frozenset({"by", "from", "until", "till", "before", "starting"})


def _after_bound(doc: Doc, date_index: int) -> bool:
    """Whether the date's first word follows a preposition that bounds a commitment."""
    return date_index > 0 and doc[date_index - 1].lower_ in _COMMITTED_BOUNDS


def _is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _is_past_perfect(verb: Token) -> bool:
    # "had been due to expire Friday": the plan's date has passed ("due" hangs off "been").
    heads = (verb, verb.head) if verb.dep_ == "acomp" else (verb,)
    return any(_has_aux(head, ("had", "'d")) for head in heads)


# Adverbs that mark a plan as one that was changed: "was originally due to start on February
# 15", "initially scheduled for March 3". What it was due for is as likely past as ahead.
_SUPERSEDING_ADVERBS = frozenset({"originally", "initially", "previously"})


def _superseded_plan(plan: Token) -> bool:
    """Whether a planning word is modified by "originally", "initially" or "previously" (on it,
    or on the copula it complements: "was originally due")."""
    heads = (plan, plan.head) if plan.dep_ in ("acomp", "xcomp") else (plan,)
    return any(c.dep_ == "advmod" and c.lower_ in _SUPERSEDING_ADVERBS for head in heads for c in head.children)


def _has_aux(verb: Token, forms: tuple[str, ...]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in forms for c in verb.children)


def _follows_until(token: Token) -> bool:
    # "until Tuesday", "until 9 a.m. EST Tuesday": "until" a few words before, in the same phrase.
    doc = token.doc
    for i in range(token.i - 1, max(token.i - 6, -1), -1):
        word = doc[i]  # once: each ``doc[i]`` builds a new Token
        if word.lower_ in ("until", "till"):
            return True
        if word.pos_ in ("VERB", "AUX") or word.is_punct and word.text not in (".",):
            return False
    return False


def _words_before(token: Token) -> tuple[str, ...]:
    """The (at most three) words before a date, lower-cased, which its leads are read from:
    read once for both kinds of lead, cheaper than a slice per lead."""
    doc, i = token.doc, token.i
    return tuple(doc[j].lower_ for j in range(max(0, i - 3), i))


def _ends_with_lead(before: tuple[str, ...], leads: tuple[tuple[str, ...], ...]) -> bool:
    return any(len(lead) <= len(before) and before[len(before) - len(lead) :] == lead for lead in leads)


def _event_set_for(verb: Token, date_index: int) -> bool:
    """Whether a date follows "for" after an event its verb sets up: "called a strike for
    Thursday", "set a vote for March 3" look forward whatever the verb's tense; "announced a
    drop in profits for the fourth quarter" does not (no verb that convenes)."""
    doc = verb.doc
    if verb.lower_ not in _CONVENING_FORMS or date_index == 0 or doc[date_index - 1].lower_ != "for":
        return False
    return any(c.dep_ == "dobj" and is_event_noun(c) and c.i < date_index for c in verb.children)


def _reporting_verb_before(verb: Token, date_index: int) -> Token | None:
    """The verb of saying a date belongs to when the parser hung it on the reported clause:
    "said on Monday it would buy" (the date between "said" and the clause's subject)."""
    if verb.dep_ != "ccomp" or verb.head.lower_ not in REPORTING_VERB_FORMS:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    between = verb.doc[verb.head.i + 1 : date_index]
    if subject is not None and verb.head.i < date_index < subject.i and not any(t.text in (":", '"', "\u201c", "\u201d") for t in between):
        return verb.head
    return None


def date_tense(token: Token) -> Tense:
    """The tense that decides which way a date at `token` points.

    Climbs from the date to the verb of its clause. A planning verb before the date ("planned
    a rally on Saturday", but not "On Friday, the government planned...") or an infinitive it
    governs ("set to resume Monday") looks forward, unless in the past perfect ("had been due
    to expire Friday"); an infinitive under any other verb takes that verb's tense ("tried to
    call him Tuesday").

    "until Tuesday" after a verb of deferral or a present perfect looks forward ("postponed
    until Tuesday", "has given them until Tuesday"). A date between a verb of saying and its
    reported clause's subject takes the saying's tense ("said on Friday its members would
    strike": last Friday). A date "for" an event a verb sets up looks forward ("called a
    strike for Thursday"), and so does one after an event a verb offers or invites to
    ("offered a pay increase from July", "invited the union back for talks on Friday").

    A possessive date ("Friday's vote") looks forward only when its clause says so: "will
    miss Wednesday's match", "are expected to vote in Sunday's election", "ahead of Thursday's
    election"; otherwise it stays unknown, which news reads as past ("follows Tuesday's
    declaration", "Friday's attack shows...").

    A date a "when" clause tells takes that clause's tense ("is backdated to December 12,
    when he was provisionally suspended": past).

    A date right after "since" or "as of" points back ("the best week since November"); one
    after "until" in a clause without tense looks forward ("markets closed until Friday"), as
    does one under a headline's infinitive ("Markets to reopen Monday").

    "could" before a bare verb looks forward to a date after "by", "until" or "from" ("goods
    could be short by the weekend").

    A changed plan ("was originally due to start on February 15", "initially scheduled for
    March 3") is left unknown: its date is as likely past as ahead.

    Notes:
        Not handled: "by Tuesday" takes the clause's tense; "could resume on Monday" is left
        unknown (read as past).
    """
    before = _words_before(token)
    if _ends_with_lead(before, _FORWARD_LEADS):
        return "future"
    if _ends_with_lead(before, _BACKWARD_LEADS):
        return "past"  # "since November", "as of February": whatever the clause's tense
    if token.dep_ == "poss":
        return "future" if token.head.i != token.i and _explicitly_future(token.head) else ""
    if told := _when_clause_tense(token):
        return told
    noun = _modified_noun(token)
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("after", "following"):
        # "is fourth after a win on Saturday": what a present state follows has happened; only
        # a clause that says so looks forward ("will celebrate after the match on Saturday").
        return "future" if _explicitly_future(noun) else "past"
    if _ruled_out_before(token):
        # "ruled out any new offer before the budget review in the autumn": what nothing may
        # come before is still ahead of the refusal
        return "future"
    after_until = _follows_until(token)
    tense = _climbed_tense(token, after_until)
    # "closed until Friday" in a clause of no tense (a headline, a participle): still ahead
    return "future" if not tense and after_until else tense


def _when_clause_tense(token: Token) -> Tense:
    """The tense of a "when" clause right after a date, saying what happened on it ("backdated
    to December 12, when he was provisionally suspended": past), which dates it whatever the
    governing clause's tense (the parser hangs the clause on the date or on the verb); "" when
    none follows."""
    doc, i = token.doc, token.i + 1
    while i < len(doc) and doc[i].ent_type_ in ("DATE", "TIME") and doc[i].ent_iob_ == "I":
        i += 1  # the rest of the date ("12" of "December 12", its year)
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc):
        return ""
    when = doc[i]
    if when.lower_ != "when" or when.dep_ != "advmod" or when.head.pos_ not in ("VERB", "AUX"):
        return ""
    return clause_tense(when.head)


def _modified_noun(token: Token) -> Token | None:
    """The common noun a date hangs on through a preposition ("a win over Deanfield on
    Saturday"), if the climb meets one before any verb."""
    head = token.head
    while head.i != head.head.i and head.dep_ in ("pobj", "compound", "nummod", "npadvmod") and head.pos_ in ("PROPN", "NUM", "NOUN") and head.ent_type_ in ("DATE", "TIME"):
        head = head.head  # still inside the expression
    if head.pos_ != "ADP" or head.head.i == head.i:
        return None
    noun = head.head
    return noun if noun.pos_ == "NOUN" and noun.ent_type_ not in ("DATE", "TIME") else None


def _climbed_tense(token: Token, after_until: bool) -> Tense:
    """The tense of the first verb above a date (see ``date_tense``)."""
    date_index = token.i
    for _ in range(_MAX_CLIMB):
        if token.pos_ not in ("VERB", "AUX") and _has_aux(token, tuple(_FUTURE_AUX)):
            # A verb the tagger took for another word ("would down tools on Thursday", "down"
            # a preposition): its modal makes it the clause's verb, and says where it points.
            return "future"
        if token.pos_ in ("VERB", "AUX"):
            if _event_set_for(token, date_index) or proposed_noun(token, date_index) is not None:
                return "future"  # "called a strike for Thursday", "offered a pay rise from July"
            reporting = _reporting_verb_before(token, date_index)
            if reporting is not None:
                return clause_tense(reporting)
            if after_until and (token.lower_ in _DEFERRAL_FORMS or _has_aux(token, ("has", "have", "'s", "'ve"))):
                return "future"
            if _rescheduled_to(token, date_index):
                return "future"  # "the next departure has been moved to Tuesday morning"
            if token.lower_ in _PLANNING_FORMS and date_index > token.i:
                if _superseded_plan(token):
                    return ""  # "originally scheduled for February 15": the date of a changed plan
                return "past" if _is_past_perfect(token) else "future"
            if _is_infinitive(token):
                if token.dep_ == "xcomp" and token.head.lower_ in _FUTURE_INFINITIVE_HEADS | _DESIRE_PRESENT:
                    if _superseded_plan(token.head):
                        return ""  # "was originally due to start on February 15"
                    return "past" if _is_past_perfect(token.head) else "future"
                if token.dep_ == "ccomp" and token.head.lower_ in _PLANNING_FORMS and token.head.i < token.i and any(c.dep_ == "nsubj" for c in token.children):
                    # "expected him to start in October": the planning verb with its object
                    # raised to the infinitive's subject looks forward as "is expected to" does
                    return "past" if _is_past_perfect(token.head) else "future"
                if token.dep_ == "xcomp" and _reported_desire(token.head):
                    return "future"  # "it said it hoped to reopen the canal by the weekend"
                if token.dep_ in ("xcomp", "ccomp") and token.head.lower_ in DIRECTIVE_VERB_FORMS and token.head.i < token.i:
                    # "were asked to leave by Friday"; "said the city had been asked to find beds by
                    # the summer" is reported speech's backshifted "has been asked": still ahead
                    return "past" if _is_past_perfect(token.head) and not _backshifted_bound(token.head, date_index) else "future"
                if token.dep_ in ("xcomp", "ccomp", "advcl") and token.head.lower_ in _DECISION_VERB_FORMS and token.head.i < token.i and _after_bound(token.doc, date_index):
                    # "voted on Thursday to close the branches by September" (the parser may hang
                    # the infinitive as an adverbial clause when a date stands between); "decided
                    # to cut output in October" may date the decision: left to the clause
                    return "past" if _is_past_perfect(token.head) else "future"
                if token.dep_ == "acl" and token.head.lower_ in _PLAN_NOUNS and token.head.pos_ == "NOUN":
                    return "future"  # "a plan to cut its grant from July"
                if token.dep_ == "xcomp" and token.head.lower_ in _PROSPECT_ADJECTIVES and token.head.pos_ == "ADJ":
                    return "future"  # "was unlikely to ease before March": what is likely lies ahead
                if token.dep_ == "xcomp" and token.head.pos_ == "ADJ" and token.head.dep_ == "acomp" and token.head.head.pos_ in ("VERB", "AUX"):
                    # "would be able to return by Monday", "was ready to sign on Friday": the
                    # adjective's verb gives the tense
                    return clause_tense(token.head.head)
                if token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
                    return clause_tense(token.head)
                if token.head.i == token.i:
                    return "future"  # a headline's "Markets to reopen Monday"
            if _could_look_ahead(token, date_index):
                return "future"
            tense = clause_tense(token)
            if not tense and _is_imperative(token):
                return "future"  # a notice's "Try again on Friday": what it bids is ahead
            if tense == "past" and _hypothetical_past(token):
                return "future"  # "would fund beds if it won the election on Saturday"
            if not tense and token.dep_ in ("acomp", "conj", "xcomp") and token.head.pos_ in ("VERB", "AUX"):
                # "stayed closed until Tuesday", "met and agreed Monday", "will begin offering
                # shots on Monday"
                return clause_tense(token.head)
            if not tense and (governing := _participle_governor(token)) is not None and (clause_tense(governing) == "future" or _plans_ahead(governing, date_index)):
                # "would go ahead, with the final round starting on Sunday"; "gusts were expected
                # on Saturday afternoon, easing by Sunday night": the plan's forward look
                return "future"
            if not tense and _reduced_passive_relative(token, date_index):
                return "past"  # "the patent, granted in March, covers": a done deed that describes the noun
            if not tense and _while_participle(token):
                return clause_tense(token.head)  # "had opened while moving between January and May"
            return tense
        if token.head.i == token.i:
            return ""
        token = token.head
    return ""


# Verbs that move an event to another date ("has been moved to Tuesday morning", "was pushed
# back to March"): its new date, after "to", is still ahead. "bring", "push" and "put" count only
# with their particle ("brought forward to", "pushed back to", "put off to").
_RESCHEDULING_FORMS = all_forms(words("rescheduling_verbs"))
_PARTICLE_MOVES = all_forms(frozenset({"bring", "push", "put"})) | {"brought"}
_RESCHEDULING_PARTICLES = frozenset({"forward", "back", "off"})


def _rescheduled_to(verb: Token, date_index: int) -> bool:
    """Whether a date right after "to" gives the new date a verb of rescheduling moves an
    event to, not in the past perfect ("had been moved to Tuesday" may be a plan since passed).

    Examples:
        The next departure has been moved to Tuesday morning. -> future
        The final was moved to Sunday. -> future
        The final had been moved to Sunday. -> (the clause's tense)
    """
    if verb.lower_ not in _RESCHEDULING_FORMS or date_index <= verb.i + 1 or verb.doc[date_index - 1].lower_ != "to":
        return False
    if verb.lower_ in _PARTICLE_MOVES and not any(c.dep_ == "prt" and c.lower_ in _RESCHEDULING_PARTICLES for c in verb.children):
        return False
    return not _is_past_perfect(verb)


# Verbs of ruling something out: "ruled out any new offer before the review", "refused to
# negotiate until the elections".
_RULING_OUT_FORMS = all_forms(frozenset({"refuse", "reject", "exclude"}))
_RULE_FORMS = all_forms(frozenset({"rule"}))


def _ruled_out_before(token: Token) -> bool:
    """Whether a date (its first word) hangs through a preposition on a noun that is the object
    of "before" or "until" on a verb that rules something out ("ruled out any new offer before
    the budget review in the autumn", "refused to sign until the elections in May"): the bound
    lies ahead of the refusal.

    Notes:
        Only these verbs: a plain negation ("did not pay before the deadline in May") keeps
        the clause's tense.
    """
    for _ in range(3):
        if token.dep_ == "pobj" or token.head.i == token.i:
            break
        token = token.head
    if token.dep_ != "pobj" or token.head.pos_ != "ADP" or token.head.head.pos_ != "NOUN":
        return False
    noun = token.head.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("before", "until", "till"):
        return False
    verb = noun.head.head
    for _ in range(2):
        if verb.lower_ in _RULING_OUT_FORMS or verb.lower_ in _RULE_FORMS and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            return not _is_past_perfect(verb)
        if not (verb.dep_ == "xcomp" and verb.head.pos_ == "VERB"):
            return False
        verb = verb.head  # "refused to sign until the elections": the refusing verb above
    return False


def _is_imperative(verb: Token) -> bool:
    """Whether a bare verb heads a command ("Try again on Friday.", "Vote on Sunday!"): the
    sentence's root, in the base form, with no subject, auxiliary or "to"."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in verb.children)


def _backshifted_bound(verb: Token, date_index: int) -> bool:
    """Whether a past perfect verb is the reported clause of a verb of saying ("said the city
    had been asked to find beds by the summer": the speaker's "has been asked") and the date
    bounds what it asks for ("by", "before", "until"): a deadline still ahead."""
    if verb.dep_ != "ccomp" or verb.head.lower_ not in REPORTING_VERB_FORMS or verb.head.i > verb.i:
        return False
    return _after_bound(verb.doc, date_index)


def _plans_ahead(verb: Token, date_index: int) -> bool:
    """Whether a planning verb before a date looks forward to it, as ``_climbed_tense`` reads
    one ("were expected on Saturday", not "had been due to expire Friday" nor a changed plan)."""
    return verb.lower_ in _PLANNING_FORMS and date_index > verb.i and not _is_past_perfect(verb) and not _superseded_plan(verb)


def _reported_desire(verb: Token) -> bool:
    """A past verb of wanting in the clause a reporting verb reports ("said it hoped to",
    "told reporters she wanted to"): backshifted, so a present hope; "had hoped" is a past one."""
    if verb.lower_ not in _DESIRE_PAST or _is_past_perfect(verb) or verb.dep_ != "ccomp":
        return False
    return verb.head.lower_ in REPORTING_VERB_FORMS and verb.head.i < verb.i


# Conjunctions of a condition: a simple past after them under "would" is unreal, not past.
_CONDITION_MARKS = frozenset({"if", "unless"})


def _hypothetical_past(verb: Token) -> bool:
    """Whether a simple past is the condition of a "would" clause, which puts it ahead: "would
    fund 400 beds if it won the election on Saturday" (next Saturday's election).

    Notes:
        Only a bare past under "would": "would have won if it had played on Saturday" (a past
        perfect) and "will say if it won on Saturday" keep the past.
    """
    if verb.tag_ != "VBD" or verb.dep_ != "advcl" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children):
        return False
    head = verb.head
    return _has_aux(head, ("would", "'d")) and not _has_aux(head, ("have",))


# Prepositions before a participle that put its time before or after its clause's: "after
# winning on Sunday, they will play" is not next Sunday.
_SEQUENCING_PREPOSITIONS = frozenset({"after", "since", "before", "following", "until"})


def _participle_governor(verb: Token) -> Token | None:
    """The verb a bare "-ing" participle hangs on as an adverbial clause, directly or through
    "with"/"by"/"while", whose future it shares ("would go ahead, with the final round starting
    at 10 a.m. on Sunday": ahead); None for any other verb form or a participle after a
    preposition of sequence ("after winning on Sunday": its own time, before the clause's).

    Notes:
        Only a future governor is passed on: what a past action results in may still be ahead
        ("has announced cuts, resulting in closures during the fourth quarter"), so a past
        governor leaves the participle unknown. Only "-ing" forms: a bare past participle ("the
        man arrested on Monday will appear") keeps its own reading.
    """
    if verb.tag_ != "VBG" or verb.dep_ not in ("pcomp", "advcl") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    governor = verb.head
    if governor.pos_ == "ADP":
        if governor.lower_ in _SEQUENCING_PREPOSITIONS:
            return None
        governor = governor.head
    return governor if governor.pos_ in ("VERB", "AUX") and governor.i != verb.i else None


def _reduced_passive_relative(verb: Token, date_index: int) -> bool:
    """Whether a bare past participle describes a noun and the date follows it ("The patent,
    granted by the office in March, covers a coating"; "the man arrested on Monday"): what it
    tells was done to the noun before the story, whatever the tense of the clause around it.

    Notes:
        Planning and rescheduling participles ("the vote scheduled for March", "moved to
        Tuesday") are read before this, as looking ahead; a participle with an auxiliary of its
        own is no reduced relative.
    """
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and date_index > verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _while_participle(verb: Token) -> bool:
    """Whether an "-ing" participle is an adverbial clause opened by "while" or "when" ("had
    opened while moving between January and May"): its time is its governor's."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ in ("while", "when") for c in verb.children)
    )


def _explicitly_future(token: Token) -> bool:
    """Whether the clause over a noun points forward by its words, not by a plain present:
    "will", "would", "shall", a planning verb ("expected to vote in Sunday's election") or an
    infinitive under one."""
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            if _has_aux(token, tuple(_FUTURE_AUX)) or token.lower_ in _PLANNING_FORMS:
                return not _is_past_perfect(token)
            head = token.head
            return _is_infinitive(token) and token.dep_ == "xcomp" and head.lower_ in _FUTURE_INFINITIVE_HEADS and not _is_past_perfect(head)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def tense_function(doc: Doc) -> Callable[[int], Tense]:
    """Return a function from a character offset to the tense of the clause governing it."""
    # An offset is often asked again: by a later pattern where an earlier one's match was
    # dropped, and by the context passes; the parse does not change in between.
    known: dict[int, Tense] = {}

    def tense_at(offset: int) -> Tense:
        if offset not in known:
            span = doc.char_span(offset, offset + 1, alignment_mode="expand")
            known[offset] = "" if span is None or len(span) == 0 else date_tense(span[0])
        return known[offset]

    return tense_at
