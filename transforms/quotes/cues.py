"""Where a quote's cue is and who its grammatical subject is: the reporting-verb tokens of an
article, the subject of a cue (climbing relative clauses, participles and joined verbs), a
second cue joined to a reported clause, and a person named right before a subjectless cue.
The speaker rules (``transforms.quotes.speakers``) decide which entity that subject names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from transforms.entities.extraction import ArticleEntity
from transforms.lexicon import ATTITUDE_VERB_FORMS, REPORTING_VERB_FORMS
from transforms.lexicons import words
from transforms.lexicons.verbs import verb_forms

if TYPE_CHECKING:
    from transforms.context import ArticleContext

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVE_PRONOUNS = words("relative_pronouns")
# Verbs that say what something is by naming it ("called the fine a floor", "described the talks
# as warm"): their object with its predicate is a stated proposition. Every form, and the past
# ones apart: the lemmatizer is not run.
NAMING_VERB_FORMS = frozenset(form for verb in words("naming_verbs") for form in verb_forms(verb))
_NAMING_PASTS = frozenset(form for form in NAMING_VERB_FORMS if form.endswith("ed"))

_APPOSITION_BEFORE_CUE = re.compile(r"\s{0,2}|,[^,“”\"\n]{1,120},\s{0,2}")


def name_right_before(verb: Token, entities: Sequence[ArticleEntity], body: str) -> tuple[ArticleEntity, int] | None:
    """(entity, start of its mention) for a person or organisation named right before a cue
    that has no subject of its own ("..., Commerce Secretary Gina Raimondo said"; "Harbourline
    Ferries AS said", where the tagger read the legal form "AS" as a conjunction), or set off
    from it by an apposition between commas ("Senator Harry Reid, the minority leader, said").
    A person is preferred when both end there."""
    found: tuple[ArticleEntity, int] | None = None
    for entity in entities:
        if entity.entity_type not in ("PERSON", "ORG"):
            continue
        for mention in entity.mentions:
            if mention.char_end <= verb.idx and _APPOSITION_BEFORE_CUE.fullmatch(body, mention.char_end, verb.idx):
                if entity.entity_type == "PERSON":
                    return entity, mention.char_start
                found = found or (entity, mention.char_start)
    return found


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
    stamp "5:45 p.m." and the real one), the nearer one before the verb, unless a quotation
    mark closes between it and the verb and the other follows the verb ('“...,” said X').
    """
    subjects = [child for child in verb.children if child.dep_ in _SUBJECT_DEPS]
    if subjects:
        before = [s for s in subjects if s.i < verb.i]
        after = [s for s in subjects if s.i > verb.i]
        if before and after and any(t.is_quote for t in verb.doc[before[-1].i : verb.i]):
            before = []  # '“..., its heart beating,” said Fiorina': the first is inside the quote
        subject = before[-1] if before else after[0]
        if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head
        return subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head  # "footage of Hillary Clinton asking, ..."
    swallowed = _subject_swallowed_by_fronted_phrase(verb)
    if swallowed is not None:
        return swallowed  # "In a meeting with the editorial board Trump said": no comma after the phrase
    if _finite_cue_read_as_modifier(verb):
        return verb.head  # 'a man yelled “Stay there!”', '“...?” the 43-year-old asked'
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        # "when asked by Ingraham", "Asked about the charges, Rubio said": the clause's subject
        # was asked; who asked is the agent, if named.
        return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and second_cue_in(verb.head) is not None:
        return subject_of(verb.head.head)  # "X said A and blamed B": X blamed, not A's subject
    recorded = _person_in_recording(verb)
    if recorded is not None:
        return recorded  # "The ad uses footage of Hillary Clinton asking, ...": Clinton asks
    controller = _object_of_control_verb(verb)
    if controller is not None:
        return controller  # "The senator forced Stumpf to admit that ...": Stumpf admits
    host = _host_of_dashed_aside(verb)
    if host is not None:
        return subject_of(host)  # "X continued, looping the streets - where Y played - while chanting": X chants
    if verb.dep_ == "conj" and (clause := _adverbial_clause_joined(verb)) is not None:
        # "Shares fell after the papermaker cut its dividend and warned that ...": the parser joined
        # "warned" to "fell", but the "and" follows the adverbial clause: its subject warned.
        return subject_of(clause)
    if verb.dep_ == "conj" and not any(t.dep_ == "cc" or t.lower_ in ("and", "or", "but", "then") for t in verb.doc[verb.head.i + 1 : verb.i]):
        # "CLAUSE, the country's vaccine regulator said": no conjunction joins the cue to the
        # verb before; the parser hung the speaker on the clause's last noun.
        hung = _subject_hung_elsewhere(verb)
        if hung is not None:
            return hung
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ == "dep" and verb.head.pos_ == "VERB" and verb.head.i < verb.i and any(t.text == "," or t.lower_ in ("and", "then") for t in verb.doc[verb.head.i + 1 : verb.i]):
        return subject_of(verb.head)  # "Clinton paused, then revealed why ...": a joined verb the parser left loose
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("ADJ", "ADV") and verb.head.dep_ in ("acomp", "advmod") and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "Trump was quick to add", "voters were more likely to say"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)
    return _subject_hung_elsewhere(verb)


def _adverbial_clause_joined(verb: Token) -> Token | None:
    """The adverbial clause (with a subject of its own) right before the "and" that joins
    ``verb`` to its head, when no comma parts them ("fell after X cut its dividend and warned")."""
    head = verb.head
    cc = [c for c in head.children if c.dep_ == "cc" and c.i < verb.i]
    clauses = [c for c in head.children if c.dep_ == "advcl" and head.i < c.i < verb.i and any(g.dep_ in _SUBJECT_DEPS for g in c.children)]
    if not cc or not clauses or clauses[-1].right_edge.i + 1 != cc[-1].i or cc[-1].i + 1 != verb.i:
        return None
    return clauses[-1]


_SEGMENT_OPENERS = frozenset((",", ";", ":", "\u201d", '"', "\u2019", "'", "\u2014", "\u2013"))


def _subject_hung_elsewhere(verb: Token) -> Token | None:
    """'"...," the 52-year-old said', '..., not to the Treasury, a consumer group that represents
    customers said.': a finite cue closing its clause with no subject, because the parser hung
    the words before it on the verb as modifiers or on the phrase before the comma as an
    apposition. The subject is the head of the words between the last comma (or closing
    quotation mark) and the cue, when they form one common-noun phrase (a name is left to the
    rules for names beside a cue)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0 or any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children):
        return None
    doc = verb.doc
    start = verb.i
    while start > verb.sent.start and doc[start - 1].text not in _SEGMENT_OPENERS and verb.i - start < 12:
        start -= 1
    if start == verb.i or doc[start - 1].text not in _SEGMENT_OPENERS and start != verb.sent.start:
        return None
    tops = [t for t in doc[start : verb.i] if not start <= t.head.i < verb.i and t.dep_ not in ("det", "punct")]
    # A name hung elsewhere is the business of the rules for names beside a cue ("..., Transport
    # Secretary Gina Ostrowski said"), which also keep it out of the reported words.
    if len(tops) != 1 or tops[0].pos_ not in ("NOUN", "ADJ"):
        return None
    return tops[0]


def _subject_swallowed_by_fronted_phrase(verb: Token) -> Token | None:
    """'In a March meeting with the editorial board of the Post Trump said that ...', 'the $20
    million experts say it costs': the parser took the name (or plural noun) right before a
    finite verb as a preposition's object and left the verb with no subject; that noun is
    its subject."""
    if verb.dep_ not in ("ROOT", "dep", "relcl") or verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    name = verb.doc[verb.i - 1]
    if name.tag_ not in ("NNP", "NNPS", "NNS") or name.dep_ != "pobj":
        return None
    return name


_RECORDING_NOUNS = words("recording_nouns")


def _person_in_recording(verb: Token) -> Token | None:
    """'uses footage of Hillary Clinton asking, ...': a participle right after "<recording> of X"
    (``recording_nouns``) is X's words, whatever the parser hung it on; None otherwise."""
    if verb.tag_ != "VBG" or verb.i < 3:
        return None
    name = verb.doc[verb.i - 1]
    of = name.head
    if name.dep_ != "pobj" or name.pos_ not in ("PROPN", "NOUN") or of.lower_ != "of" or of.head.lower_ not in _RECORDING_NOUNS:
        return None
    return name


_COERCION_VERBS = frozenset(form for verb in words("coercion_verbs") for form in verb_forms(verb, {"get": ("got", "gotten", "getting"), "lead": ("led",), "drive": ("drove", "driven")}.get(verb, ())))


def _object_of_control_verb(verb: Token) -> Token | None:
    """'forced Stumpf to admit', 'pressed the minister to concede': a cue in the infinitive
    after a verb's object has that object as its subject (object control), not the verb's
    subject; None when the verb has no object before the cue, and for directives ("asked
    reporters to note that", "dared him to say"): only ``coercion_verbs`` make the object speak."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.pos_ != "VERB" or head.lower_ not in _COERCION_VERBS or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _host_of_dashed_aside(verb: Token) -> Token | None:
    """The verb a dashed aside hangs on, when the parser hung a participle that follows the
    aside's closing dash on the aside's own verb ("looping the streets - where the Panthers
    played - while chanting": the chanting is the loopers'), else None."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i >= verb.i or head.head == head:
        return None
    doc = verb.doc
    opener = head.left_edge.i - 1
    if opener < 0 or doc[opener].text not in _DASHES or not any(t.text in _DASHES for t in doc[head.i + 1 : verb.i]):
        return None
    host = head.head
    return host if host.pos_ in ("VERB", "AUX") and host.i < opener else None


def _finite_cue_read_as_modifier(verb: Token) -> bool:
    """'a man yelled “Stay there!”', '“...?” the 43-year-old asked', 'X, now playing in Basel,
    posted on Instagram:': the parser read the cue as a clause modifying the noun right before
    it (or before an insertion between commas; a reduced relative, "the man asked"), so the noun
    has no verb of its own; the noun is the cue's subject when it is the sentence's root or
    the subject of another verb, and the cue is a past tense, or a participle with no agent
    and no auxiliary ("the question asked by reporters" was asked by them)."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ not in ("PROPN", "NOUN", "ADJ") or verb.i < head.i:
        return False
    between = head.whitespace_ + "".join(t.text_with_ws for t in verb.doc[head.i + 1 : verb.i])  # no ``doc.text``: rebuilt per access
    if head.right_edge.i + 1 != verb.i and not _APPOSITION_BEFORE_CUE.fullmatch(between):
        return False  # right after the noun, or after an insertion set off by commas
    if head.dep_ not in ("ROOT", "nsubj") or any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBN")


_INVERTED_CUES = words("inverted_cue_words")


def is_cue(token: Token) -> bool:  # 'Said Egli: "..."': the tagger may read "Said" as part of the name
    inverted = token.text in _INVERTED_CUES and token.is_sent_start and token.dep_ == "compound" and token.head.i == token.i + 1
    return inverted or token.lower_ in REPORTING_VERB_FORMS and token.pos_ in ("VERB", "AUX")


def cue_tokens(context: ArticleContext) -> tuple[Token, ...]:
    """Every reporting-verb token of the article (compute once per article: it walks every token)."""
    return tuple(t for t in context.tokens if is_cue(t))


def second_cue_in(clause: Token) -> int | None:
    """Where a reported clause hands over to a second cue of the same speaker: "said his
    players had given everything [and blamed the referee]" (the parser joins "blamed" to the
    reported clause), or "strategists fear that Clinton has missed a chance [and warn]" (a
    plural verb after a singular subject). The token index of the joining "and", or None."""
    if clause.i < clause.head.i:
        return None  # "They reviewed it and agreed, the statement said": both are what was said
    for conj in clause.children:
        # "said it had halted the line and expected to resume deliveries": an expectation with an
        # infinitive, joined to a backshifted clause, is still what was said.
        # "... and expected him to start": the infinitive may have a subject of its own.
        expectation = not is_cue(conj) and any(c.dep_ in ("xcomp", "ccomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in conj.children) \
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
        # "said it had not been consulted and called the plan "a betrayal"": a naming verb is a second cue too.
        naming = conj.lower_ in _NAMING_PASTS and conj.tag_ in ("VBD", "VBN") and any(c.dep_ in ("dobj", "oprd") for c in conj.children)
        # "said the commission had examined every complaint and found ...": a participle sharing
        # the clause's "had" is the clause's own second predicate.
        shares_had = not naming and conj.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children) and not any(c.dep_ == "aux" for c in conj.children)
        if conj.dep_ == "conj" and conj.i > clause.i and (is_cue(conj) or naming or conj.lower_ in ATTITUDE_VERB_FORMS) and not expectation and not shares_had and (conj.tag_ == "VBD" or naming or _agrees_with_the_outer_subject(conj, clause)) and not any(c.dep_ in _SUBJECT_DEPS for c in conj.children):
            cc = [c for c in clause.children if c.dep_ == "cc" and clause.i < c.i < conj.i]
            return cc[-1].i if cc else conj.i
    return None


def _agrees_with_the_outer_subject(conj: Token, clause: Token) -> bool:
    """"strategists fear that Clinton has missed a chance [and warn] that ...": a plural verb
    form joined to a reported clause whose subject is singular belongs to the plural subject
    outside the clause."""
    inner = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
    outer = next((c for c in clause.head.children if c.dep_ in _SUBJECT_DEPS), None) if clause.head != clause else None
    return (
        conj.tag_ in ("VB", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in conj.children)
        and inner is not None and inner.tag_ in ("NN", "NNP") and outer is not None and outer.tag_ in ("NNS", "NNPS")
    )


# Subjects that name no source ("it is believed", "there seems").
EXPLETIVES = words("expletive_subjects")
