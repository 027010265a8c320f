"""What a cue reports, as a proposition: the clause of a reporting verb ("said (that) ..."),
the sentence around a parenthetical attribution, what a naming verb says of its object ("called
the fine a floor"), the clause after "according to X" and after a possessed claim noun ("her
claim that ..."). Each function returns a content span; speakers are resolved in
``transforms.quotes.speakers``.

Notes:
    An object or infinitive alone ("announced plans", "agreed to buy", "urged staff to act",
    "declined to comment") is no content: it names an action or a thing, not what was said.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from transforms.quotes.marks import trimmed, trimmed_punct
from transforms.lexicons import words
from transforms.lexicons.verbs import verb_forms
from transforms.lexicon import ATTITUDE_VERB_FORMS
from transforms.quotes.cues import NAMING_VERB_FORMS, is_cue, second_cue_in

if TYPE_CHECKING:
    from transforms.context import ArticleContext

# Marks of an adverbial clause the parser may take for a reported one ("reported a jump in
# profit, while rivals posted weaker results").
_ADVERBIAL_MARKS = words("adverbial_marks")


def reported_content(verb: Token, body: str) -> tuple[int, int] | None:
    """The clause a cue reports: 'said (that) ...', also where the parser hung the clause on the
    medium the words came in ('said in a statement that it had ...')."""
    for child in _reported_clauses(verb):
        if not _is_adverbial(child, verb, body) and not _in_another_paragraph(child, verb, body):
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.lower_ in ("that", "whether", "if") and t.head == child)]
            cut = second_cue_in(child)
            if cut is not None:
                tokens = [t for t in tokens if t.i < cut]
            modifiers = _cue_modifiers_in(child, verb)  # once, not once per token
            tokens = [t for t in tokens if t.i not in modifiers]
            if tokens and cut is None:
                tokens += _reported_conjunct(verb, child)
            if tokens:
                start, end = trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
                first = next(t for t in tokens if t.idx == min(u.idx for u in tokens))
                if first.lower_ == "that" and first.tag_ == "IN" and first.idx == start and end - start > 5:
                    start += 5  # a complementizer the parser hung elsewhere ("in an interview with the paper that ...")
                return start, end
    return None


_BACKSHIFT_MODALS = words("backshift_modals")
# Past forms only: the lemmatizer is not run, and a backshifted predicate is in the past.
_IRREGULAR_PASTS = {"have": ("had",), "be": ("was", "were"), "feel": ("felt",)}
_REPORTED_PREDICATE_PASTS = frozenset(
    form for lemma in words("reported_predicate_verbs") for form in verb_forms(lemma, _IRREGULAR_PASTS.get(lemma, ())) if form.endswith("ed") or form in _IRREGULAR_PASTS.get(lemma, ())
)


def _reported_conjunct(verb: Token, clause: Token) -> list[Token]:
    """'said he was "devastated" but would wait for the appeal': a predicate with no subject of
    its own that the parser joined to the cue after its clause, carried by a backshifted
    modal ("would", "could") or a past verb of expecting or hoping ("and expected to resume"),
    is the clause's second predicate, still reported; "said he was tired and left" (an act of
    the speaker's) is not."""
    doc = verb.doc
    if clause.left_edge.i < verb.i:
        return []  # "A, the agency said in a report, and B": the cue sits inside; B is not its clause's
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < clause.right_edge.i:
            continue
        joining = [t for t in doc[clause.right_edge.i + 1 : conj.left_edge.i] if t.dep_ == "cc"]
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            # "said the cause was not yet known, but investigators were looking at a heater": a
            # second clause with its own subject, no cue of its own, after ", but" / ", and".
            comma_then_cc = doc[clause.right_edge.i + 1].text == "," and len(joining) == 1 and joining[0].lower_ in ("but", "and")
            # "said it was "following closely" but that branch networks were ...": a second "that" is still reported.
            comma_then_cc = comma_then_cc or len(joining) == 1 and joining[0].lower_ in ("but", "and") and doc[joining[0].i + 1].lower_ == "that"
            if comma_then_cc and not is_cue(conj) and conj.lower_ not in ATTITUDE_VERB_FORMS and second_cue_in(conj) is None:
                return [t for t in conj.subtree if t.i > clause.right_edge.i] + joining + [doc[clause.right_edge.i + 1]]
            continue
        if any(c.dep_ == "aux" and c.lower_ in _BACKSHIFT_MODALS for c in conj.children) or conj.lower_ in _REPORTED_PREDICATE_PASTS and conj.tag_ == "VBD":
            return [t for t in conj.subtree if t.i > clause.right_edge.i] + joining
    return []


# Media a statement is made in ("said in a statement that ..."): documents, posts, interviews.
_MEDIUM_NOUNS = words("document_nouns") | words("message_nouns") | words("medium_nouns")


def _reported_clauses(verb: Token) -> list[Token]:
    """The cue's complement clauses, then a "that" clause with its own subject the parser hung
    on the medium after the cue ('said in a statement [that it had tightened its controls]'),
    or on the medium's participle ('told parents in an email sent at 5:45 a.m. [that ...]')."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return clauses
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for medium in prep.children:
            if medium.dep_ != "pobj" or medium.lower_ not in _MEDIUM_NOUNS:
                continue
            # "in an email sent at 5:45 a.m. that ...": the clause may hang on the medium's participle.
            participles = [c for c in medium.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            for clause in [*medium.children, *(g for p in participles for g in p.children)]:
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                    return [clause]
    return []


def _cue_modifiers_in(clause: Token, verb: Token) -> set[int]:
    """Token indexes of a time or place phrase the parser hung on the clause although it sits
    between the cue and the clause's subject with no "that" before it: "said [on Monday] it
    would close" (when it was said, not part of what was said)."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i < verb.i or any(c.dep_ == "mark" for c in clause.children):
        return set()
    return {t.i for c in clause.children if c.dep_ in ("prep", "npadvmod") and verb.i < c.i < subject.left_edge.i for t in c.subtree}


def _in_another_paragraph(clause: Token, verb: Token, body: str) -> bool:
    """A clause the parser hung on a cue across a paragraph break (the quote ending the
    paragraph before "Ard Bank said it had refunded ..."): never what the cue reports."""
    start = min(clause.left_edge.idx, verb.idx)
    end = max(clause.right_edge.idx, verb.idx)
    return "\n" in body[start:end]


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


_REFLEXIVES = frozenset(("itself", "themselves", "himself", "herself", "ourselves", "myself"))
_QUOTED_PREDICATE = re.compile(r"\s*[“\"][^“”\"\n]{3,200}[”\"]")


def naming_content(verb: Token, body: str) -> tuple[int, int] | None:
    """"called [the fine "a floor, not a ceiling"]", "described [the talks as warm]": a naming
    verb's object with the predicate or "as" phrase after it.

    Notes:
        An object alone ("called a meeting", "described the scene") or a predicate without an
        object ("was described as warm") is no content.
    """
    if verb.lower_ not in NAMING_VERB_FORMS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"][:1]
    if objects and objects[0].lower_ in _REFLEXIVES:
        return None  # "which called itself X": a name taken, nothing said of anything
    after = objects[0].i if objects else verb.i
    predicates = [
        c for c in verb.children
        if c.i > after and (c.dep_ == "oprd" or c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN", "ADJ") or c.dep_ == "prep" and c.lower_ == "as")
    ]
    # The parser may run the object into the predicate ("called [the fine "a floor"]"); an
    # "as" phrase needs its own object ("was described as warm" names nothing).
    if not predicates and objects:
        # 'called the result “a good night for democracy”': the predicate in marks, however parsed.
        # The object's words up to the opening mark (the parser may hang the quote on it).
        mark = next((t.i for t in objects[0].subtree if t.i > objects[0].i and t.text in ("“", '"')), None)
        words_ = [t for t in objects[0].subtree if mark is None or t.i < mark]
        quoted = _QUOTED_PREDICATE.match(body, max(t.idx + len(t) for t in words_))
        if quoted is not None:
            return min(t.idx for t in objects[0].subtree), quoted.end()
    if not predicates or not objects and not any(c.dep_ == "oprd" for c in predicates):
        return None
    tokens = [t for c in objects + predicates for t in c.subtree]
    return trimmed_punct(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


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


def _according_source_phrase(according: Token, source: Token) -> list[Token]:
    """The objects naming the source of "according to": the first, and the ones the parser hung
    beside it (on "to" or "according") that go on right after it, a comma between at most: a
    name after its description ("the sports daily Krepšinio Žinios", "the Clerk, Esi Quaye")."""
    to = according.doc[according.i + 1]
    others = sorted((c for c in (*to.children, *according.children) if c.dep_ in ("pobj", "appos") and c.i > source.i), key=lambda t: t.i)
    phrase, end = [source], max(t.i for t in source.subtree)
    for other in others:
        first = min(t.i for t in other.subtree)
        if first == end + 1 or first == end + 2 and according.doc[end + 1].text == ",":
            phrase.append(other)
            end = max(t.i for t in other.subtree)
    # "..., according to the Clerk of Parliament, Esi Quaye.": a name closing the sentence
    # after a comma, wherever the parser hung it.
    doc, k = according.doc, end + 2
    if k < len(doc) and doc[end + 1].text == "," and doc[k].pos_ == "PROPN":
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
            k += 1
        if k + 1 == len(doc) or doc[k + 1].is_sent_end or doc[k + 1].text in (".", "\n"):
            phrase.append(doc[k])
    return phrase


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
        phrase = _according_source_phrase(token, source)
        # "according to the Lithuanian sports daily Krepšinio Žinios", "according to the Clerk
        # of Parliament, Esi Quaye": the name set after the description is the source.
        source = next((o for o in reversed(phrase) if o.pos_ == "PROPN"), source)
        phrase_end = max(t.idx + len(t) for o in phrase for t in o.subtree)
        sent = token.sent
        if token.i == sent.start or token.idx - sent.start_char < 3:
            start, end = phrase_end, sent.end_char
        else:
            # A sentence the parser ran over a paragraph break (a closing mark left before
            # it) starts, for its content, at the paragraph.
            start, end = max(sent.start_char, body.rfind("\n", 0, token.idx) + 1), token.idx
        start, end = trimmed_punct(body, *trimmed(body, start, end))
        while start < end and body[start] in ",; ":
            start += 1
        if end - start > 0:
            found.append((token, source, start, end))
    return found


def claim_noun_contents(context: ArticleContext) -> list[tuple[Token, Token, int, int]]:
    """(noun, possessor, content_start, content_end) for a possessed noun of speech and the
    clause it holds: "Raman's claim [that the accounts were hidden]", "his warning [the
    bridge could fail]".

    Notes:
        Without a possessor ("the claim that...") the source is unknown; an infinitive or a
        target ("his pledge to cut taxes", "her attacks on Trump") is no proposition: both
        are skipped.
    """
    found = []
    for noun in context.tokens:
        if noun.pos_ != "NOUN" or noun.lower_ not in CLAIM_NOUNS:
            continue
        possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)
        if possessor is None or clause is None:
            continue
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause and t.lower_ == "that")]
        found.append((noun, possessor, *trimmed_punct(context.text, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))))
    return found


# Nouns of saying whose clause is what their possessor said ("her claim that ...").
CLAIM_NOUNS = words("claim_nouns")


def long_enough(doc: Doc, start: int, end: int, min_tokens: int) -> bool:
    """Content of at least ``min_tokens`` tokens."""
    span = doc.char_span(start, end, alignment_mode="expand") or []
    return len(span) >= min_tokens


def preposed_clause(verb: Token, body: str) -> tuple[int, int] | None:
    """"Brandvik will sell its farms, the company said": a clause before the cue that the
    parser hung on it as an adverbial clause, though nothing marks it as one (no "while",
    "because", "if"): it has its own subject and a comma before the cue's subject."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.i > verb.i or any(c.dep_ == "mark" for c in child.children) or child.left_edge.pos_ == "SCONJ":
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children) or _in_another_paragraph(child, verb, body):
            continue
        between = body[child.right_edge.idx + len(child.right_edge) : verb.idx]
        if "," in between and ";" not in between:
            tokens = list(child.subtree)
            return trimmed_punct(body, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    return None


_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))


def role_and_name_before_cue(verb: Token, body: str) -> tuple[int, int, Token] | None:
    """``_role_and_name_before_cue`` for a cue with no subject, whatever the parser hung the
    clause on: the sentence before ", the ROLE, NAME," right before the cue."""
    doc = verb.doc
    if verb.i < 1 or doc[verb.i - 1].text != ",":
        return None
    return _role_and_name_before_cue(verb, doc[verb.sent.start], doc[verb.i - 1], body)


def _role_and_name_before_cue(verb: Token, subject: Token, last_comma: Token, body: str) -> tuple[int, int, Token] | None:
    """"CLAUSE, the agency's director-general, Folasade Adeyemi, told reporters": a role and a
    name set off by commas before a cue the parser joined to the clause; the name speaks and
    the content ends at the comma before the role."""
    doc = verb.doc
    commas = [t for t in doc[subject.i : last_comma.i] if t.text == ","]
    if len(commas) < 2:
        return None
    role_comma, name_comma = commas[-2], commas[-1]
    name = [t for t in doc[name_comma.i + 1 : last_comma.i]]
    role = [t for t in doc[role_comma.i + 1 : name_comma.i]]
    if not 1 <= len(name) <= 4 or not all(t.pos_ == "PROPN" for t in name) or not role or role[0].lower_ not in ("the", "a", "an", "its", "their") \
            or any(t.pos_ == "VERB" for t in role) or len(role) > 6:
        return None
    if not any(t.tag_ in _FINITE_TAGS for t in doc[verb.sent.start : role_comma.i]):
        return None
    start, end = trimmed_punct(body, doc[verb.sent.start].idx, role_comma.idx)
    return start, end, name[-1]


def clause_taken_for_subject(verb: Token, body: str) -> tuple[int, int, Token] | None:
    """"The ship, operated by X, lost steering near Rendsburg, the Federal Waterways Office
    said.": a postposed attribution whose sentence the parser read as one long subject (the
    clause's subject became the cue's, the real speaker an apposition of it). The content is
    the sentence up to the comma before the speaker; returns (start, end, speaker's head).

    Also "CLAUSE, the Safety Office said": a cue the parser joined to the clause's verb with no
    conjunction, with a subject of its own right after the comma.

    Only a cue that closes its sentence (nothing after it but a time, a place or a manner:
    no object, no clause), whose subject (or, for a cue the parser joined to the clause's verb
    with no conjunction, that verb) lies before that comma, whose words after the comma
    form one noun phrase hung on the subject's words, and whose content holds a finite verb.
    """
    # "told reporters" keeps its audience: an object that is no content.
    audience = verb.lower_ in ("told", "tells")
    if verb.tag_ not in ("VBD", "VBZ") or any(c.dep_ in ("ccomp", "xcomp", "attr") or c.dep_ == "dobj" and not audience for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    doc = verb.doc
    # No conjunction of the clause's verb between it and the cue ("Britain and Ireland" is no such).
    joined = verb.dep_ == "conj" and verb.head.i < verb.i and not any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)
    if subject is None and joined:
        # "CLAUSE, the country's regulator said": the cue joined to the clause's verb as if
        # coordinated, the speaker hung on the clause's last noun.
        subject = verb.head
    if subject is not None and joined and subject.left_edge.i > verb.head.i and doc[subject.left_edge.i - 1].text == ",":
        # "CLAUSE, the National Product Safety Office (NPSO) said on Friday.": the cue joined to
        # the clause's verb with a subject of its own right after the comma.
        comma = doc[subject.left_edge.i - 1]
        if any(t.tag_ in _FINITE_TAGS for t in doc[verb.sent.start : comma.i]):
            start, end = trimmed_punct(body, doc[verb.sent.start].idx, comma.idx)
            return start, end, subject
        return None
    if subject is None:
        return None
    comma = next((t for t in reversed(doc[subject.i + 1 : verb.i]) if t.text == ","), None)
    if comma is not None and comma.i + 1 == verb.i:
        return _role_and_name_before_cue(verb, subject, comma, body)
    if comma is None or comma.i + 1 >= verb.i:
        return None
    segment = doc[comma.i + 1 : verb.i]
    tops = [t for t in segment if not comma.i < t.head.i < verb.i and t.dep_ != "punct"]
    if len(tops) != 1 or tops[0].pos_ not in ("NOUN", "PROPN") or tops[0].dep_ not in ("appos", "conj") or tops[0].head.i >= comma.i:
        return None
    sentence_start = verb.sent.start
    if not any(t.tag_ in _FINITE_TAGS for t in doc[sentence_start : comma.i]):
        return None
    start, end = trimmed_punct(body, doc[sentence_start].idx, comma.idx)
    return start, end, tops[0]

