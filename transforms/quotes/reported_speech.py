"""What a cue reports: the clause, object, complement or prepositional target of reporting
and attitude verbs, stance nouns and adjectives, "according to" and passives with an agent.
Each function returns a content span; speakers are resolved in ``transforms.quotes.speakers``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from transforms.lexicon import (
    ATTITUDE_VERB_FORMS,
    STANCE_ADJECTIVE_PREPOSITIONS,
    STANCE_ADJECTIVES_WITH_CLAUSE,
    STANCE_NOUN_PREPOSITIONS,
    STANCE_NOUNS,
)
from transforms.quotes.marks import trimmed, trimmed_punct
from transforms.lexicons import pairs, words
from transforms.lexicons.verbs import form_lemmas
from transforms.quotes.speakers import EXPLETIVES, second_cue_in, subject_of

if TYPE_CHECKING:
    from transforms.context import ArticleContext

# Marks of an adverbial clause the parser may take for a reported one ("reported a jump in
# profit, while rivals posted weaker results").
_ADVERBIAL_MARKS = words("adverbial_marks")


def reported_content(verb: Token, body: str) -> tuple[int, int] | None:
    """The clause a cue reports ('said (that) ...'), else its object with an "as" phrase."""
    for child in verb.children:
        if child.dep_ == "ccomp" and not _is_adverbial(child, verb, body):
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.lower_ in ("that", "whether", "if") and t.head == child)]
            cut = second_cue_in(child)
            if cut is not None:
                tokens = [t for t in tokens if t.i < cut]
            if tokens:
                return trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
    return _as_phrase_content(verb, body, need_object=False)


def _is_adverbial(clause: Token, verb: Token, body: str) -> bool:
    """A clause hung on the cue as reported that is not: one opened by "while" or "because",
    or one before the cue that a semicolon cuts off ("Azerbaijan was criticised; its
    president described fossil fuels as...")."""
    first = clause.left_edge
    if any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children) or first.pos_ == "SCONJ" and first.lower_ in _ADVERBIAL_MARKS:
        return True
    if clause.i < verb.i:
        between = body[clause.right_edge.idx : verb.idx]
        return ";" in between
    return False


def _as_phrase_content(verb: Token, body: str, need_object: bool = True) -> tuple[int, int] | None:
    """"described the talks as "warm and cordial"": the object plus its "as" phrase."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    as_phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    if not as_phrases or (need_object and not objects):
        return None
    tokens = [t for c in objects + as_phrases for t in c.subtree]
    return trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def passive_with_agent(verb: Token, body: str) -> tuple[Token, int, int] | None:
    """(source, content_start, content_end) for a passive cue with its agent: "the proposals
    have been applauded by [Wall Street critics]" -> the proposals, by the critics.

    Notes:
        A passive with a clause ("he was told by aides that...") is left to the clause rules:
        its subject is the addressee, not the content.
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or subjects[0].lower_ in EXPLETIVES or subjects[0].pos_ == "PRON":
        return None
    agent = next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
    if agent is None:
        return None
    tokens = list(subjects[0].subtree)
    return agent, *trimmed_punct(body, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def parenthetical_content(verb: Token, body: str) -> tuple[int, int] | None:
    """"Acts of protest, Mr. Obama said, are acts of patriotism" and "As Politico revealed,
    most payments were...": an attribution set off by commas inside (or at the edge of) the
    sentence it reports; the content is that sentence.

    Notes:
        The content span runs over the attribution in its middle (one span per quote); an
        attribution that is the sentence's own main verb is handled by ``reported_content``.
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
    return trimmed_punct(body, rest[0].idx, rest[-1].idx + len(rest[-1]))


def attitude_tokens(context: ArticleContext) -> tuple[Token, ...]:
    """Every attitude-verb token of the article (compute once per article: it walks every token)."""
    return tuple(
        t
        for t in context.tokens
        if t.pos_ == "VERB"
        and (t.lower_ in ATTITUDE_VERB_FORMS or t.lower_ in PREP_STANCE_FORMS or t.lower_ in AS_ONLY_FORMS or _particle_cue(t) or _takes_that_clause(t))
    )


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
_PARTICLE_VERBS = dict(pairs("particle_verb_forms"))


def _particle_cue(token: Token) -> bool:
    particle = _PARTICLE_VERBS.get(token.lower_)
    return particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


# "developers see golf courses [as wasted space]": a view only with its "as" phrase.
AS_ONLY_FORMS = words("as_only_verb_forms")


def attitude_content(verb: Token, body: str) -> tuple[int, int] | None:
    """The clause, infinitive or object an attitude verb attributes to its subject.

    "believes (that) the talks failed" -> the clause; "wants to cut taxes" -> "to cut taxes";
    "opposes the bill" -> "the bill".

    Notes:
        Passive and impersonal uses ("it is believed", "there seems") have no source and are
        skipped; an object that is only a pronoun ("opposes it") is too vague to keep.
    """
    if verb.lower_ in AS_ONLY_FORMS:
        return _as_phrase_content(verb, body)
    if verb.lower_ in _PREP_ONLY_VERBS and not _particle_cue(verb):
        return _prep_stance_content(verb, body)
    return reported_content(verb, body) or complement(verb, body)


# "accused Trump [of inciting violence]", "blamed the bank [for the crisis]".
_OBJECT_PREP_VERBS = form_lemmas(sorted(words("object_preposition_verbs")))
# "called [for a boycott]", "referred [to her father's business]": the stance is the object of the preposition.
# Verbs that take a stance only through their preposition ("pointed to her record", "focused
# on jobs", "balked at the price"): their plain object ("pointed the gun", "focused its
# efforts") is no content.
_PREP_ONLY_VERBS = form_lemmas(sorted(words("preposition_only_verbs")))
_PREP_STANCE_VERBS = (
    form_lemmas(sorted(words("preposition_stance_verbs")))
    | _PREP_ONLY_VERBS
    | dict(pairs("irregular_stance_verb_forms"))
)
_PREP_STANCES = pairs("stance_verb_prepositions")
PREP_STANCE_FORMS = frozenset(_PREP_STANCE_VERBS)


def _prep_stance_content(verb: Token, body: str) -> tuple[int, int] | None:
    """The object of a stance verb's preposition: "called for [an inquiry]", "pointed to [her
    record]". None when the verb has no such preposition."""
    lemma = _PREP_STANCE_VERBS.get(verb.lower_)
    objects = [
        p
        for c in verb.children
        # "called on the president" is a visit; "called on him to resign" is handled by complement.
        if c.dep_ == "prep" and (lemma, c.lower_) in _PREP_STANCES and (lemma, c.lower_) != ("call", "on")
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    # "pushed for China to contribute": a for-to clause the parser hangs on the verb.
    objects += [c for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and (lemma, m.lower_) in _PREP_STANCES for m in c.children)]
    if not objects:
        return None
    tokens = [t for o in objects for t in o.subtree if not (t.dep_ == "mark" and t.head == o)]
    return trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def complement(verb: Token, body: str) -> tuple[int, int] | None:
    """The object with what completes it, or the infinitive: "called [the charges false]",
    "told [his advisers to act]", "wants [to cut taxes]", "accused [Trump of lying]", "called
    for [an inquiry]". None for a bare pronoun object.

    Notes:
        Verbs of attack ("attacked Kyiv") are left out: in war news their object is no stance.
    """
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
        return _prep_stance_content(verb, body) if verb.lower_ in _PREP_STANCE_VERBS else None
    tokens = [t for c in parts for t in c.subtree]
    return trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def according_to_contents(context: ArticleContext) -> list[tuple[Token, Token, int, int]]:
    """(cue, source, content_start, content_end) for "according to X, <clause>" and its mirror."""
    found = []
    tokens, body = context.tokens, context.text
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
        start, end = trimmed_punct(body, *trimmed(body, start, end))
        while start < end and body[start] in ",; ":
            start += 1
        if end - start > 0:
            found.append((token, source, start, end))
    return found


def stance_noun_contents(context: ArticleContext) -> list[tuple[Token, Token, int, int]]:
    """(noun, possessor, content_start, content_end) for a possessed stance noun and its clause
    or target: "Trump's claim [that he was offered a scholarship]", "his pledge [to end the
    war]", "her attacks on [Trump]".

    Notes:
        Without a possessor ("the claim that...", "a plan to...") the source is unknown and
        nothing is kept; "the senator's claim" with a noun possessor is kept as written.
    """
    found = []
    prepositional = {noun for noun, _ in STANCE_NOUN_PREPOSITIONS}
    for noun in context.tokens:
        if noun.pos_ != "NOUN" or (noun.lower_ not in STANCE_NOUNS and noun.lower_ not in prepositional):
            continue
        possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
        content = None if possessor is None else _clause_or_target(noun, context.text, STANCE_NOUNS, STANCE_NOUN_PREPOSITIONS, ("acl", "ccomp"))
        if content is not None:
            found.append((noun, possessor, *content))
    return found


def _clause_or_target(head: Token, body: str, with_clause: frozenset[str], prepositions: frozenset[tuple[str, str]], clause_deps: tuple[str, ...]) -> tuple[int, int] | None:
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
        return trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
    return None


# Verbs of commitment whose whole content may be a bare infinitive ("offered to resign").
_COMMITMENT_FORMS = frozenset(form_lemmas(sorted(words("commitment_verbs"))))
# Verbs of appeal whose whole content may be one abstract noun.
_APPEAL_FORMS = frozenset(form_lemmas(sorted(words("appeal_verbs"))))
# Verbs of taking sides whose whole content may be one name ("Bush endorsed Cruz").
_SIDE_TAKING_FORMS = frozenset(form_lemmas(sorted(words("side_taking_verbs"))))


def long_enough(doc: Doc, verb: Token, start: int, end: int, min_tokens: int) -> bool:
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


def stance_adjective_contents(context: ArticleContext) -> list[tuple[Token, Token, int, int]]:
    """(adjective, subject, content_start, content_end) for a subject's stance told by an
    adjective: "Democrats are worried [that turnout will fall]", "voters are skeptical of
    [free trade]", "she is eager [to debate]".

    Notes:
        Only adjectives that complete a verb ("are worried") count; an attributive one ("a
        worried voter") holds no content, and an expletive subject ("it is clear that...")
        names no source.
    """
    found = []
    for adjective in context.tokens:
        if adjective.pos_ != "ADJ" or adjective.dep_ != "acomp":
            continue
        subject = subject_of(adjective.head)
        if subject is None or subject.lower_ in EXPLETIVES:
            continue
        content = _clause_or_target(adjective, context.text, STANCE_ADJECTIVES_WITH_CLAUSE, STANCE_ADJECTIVE_PREPOSITIONS, ("ccomp", "xcomp"))
        if content is not None:
            found.append((adjective, subject, *content))
    return found
