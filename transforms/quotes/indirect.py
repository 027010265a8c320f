"""Indirect and mixed quotes: reported content found by QUOTE_RULES, in priority order.

Each rule walks the article and yields candidates (content start, content end, speaker, cue
word); the loop in ``indirect_quotes`` adds each candidate before the rule goes on, so a rule
sees what the rules before it (and its own earlier candidates) found, and the order of
QUOTE_RULES is the priority. A candidate that holds a fragment in quotation marks run into
the sentence is a mixed quote. Content spans come from ``transforms.quotes.reported_speech``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Token

from transforms.lexicons import words
from transforms.quotes.marks import trimmed_punct
from transforms.quotes.matches import QuoteMatch, QuoteState
from transforms.quotes.reported_speech import (
    according_to_contents,
    claim_noun_contents,
    clause_taken_for_subject as _clause_taken_for_subject,
    long_enough,
    naming_content,
    parenthetical_content,
    preposed_clause,
    reported_content,
    role_and_name_before_cue,
)
from transforms.quotes.cues import name_right_before, subject_of
from transforms.quotes.speakers import Speaker, entity_at, resolve_speaker
from transforms.rules import Example, Rule, rule

# (content start, content end, speaker, cue word)
Candidate = tuple[int, int, Speaker, str]

_HYPOTHETICAL_AUXILIARIES = words("hypothetical_auxiliaries")
_REFUSAL_VERB_FORMS = words("refusal_verb_forms")
_IMPERSONAL_SUBJECTS = frozenset(("it", "that", "this"))


def _unsaid(cue: Token) -> bool:
    """A cue under which nothing was said: negated ('did not say whether', 'never said that'),
    hypothetical ('one could say', 'you might argue'), refused ('declined to say whether'),
    impersonal ('it is safe to say', 'too soon to say', 'worth noting', 'That said, ...') or a
    question put to the subject ('Asked whether jobs would go, X said ...')."""
    children = list(cue.children)
    if any(c.dep_ == "neg" for c in children):
        return True
    if cue.lower_ == "asked" and cue.tag_ == "VBN" and cue.dep_ == "advcl" and not any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for c in children):
        return True  # "Asked whether jobs would go, Laine said ...": a question put to the subject by nobody named
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUXILIARIES for c in children) and not any(c.lower_ == "only" for c in children):
        return True
    doc = cue.doc
    if 0 < cue.i < len(doc) - 1 and doc[cue.i - 1].lower_ == "that" and doc[cue.i - 1].is_sent_start and doc[cue.i + 1].text == ",":
        return True  # "That said, the harbour will close": a linking phrase
    head = cue.head
    if cue.dep_ == "xcomp" and head.lower_ in _REFUSAL_VERB_FORMS:
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    if cue.dep_ in ("xcomp", "pcomp", "advcl") and (infinitive or head.pos_ in ("ADJ", "ADV")):
        # "It is safe to say", "too soon to say", "it's worth noting": a copula with no
        # subject but "it"; "she was quick to say" has one and reports.
        verb = head
        while verb.pos_ in ("ADJ", "ADV", "ADP") and verb.head != verb:
            verb = verb.head
        if verb.pos_ == "AUX":
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl", "nsubjpass")]
            return all(s.lower_ in _IMPERSONAL_SUBJECTS for s in subjects)
    return False


@rule(Example("Mayor Elena Varga did not say whether the depot would close.", None),
      Example("One could say the harbour was never meant to make money.", None),
      Example("It is too soon to say whether the new ferry timetable will work.", None),
      Example("Asked whether jobs would go, Pekka Laine said it was too early to tell.", None, "the question is nobody's quote"),
      Example("The spokesman would only say that the harbour accounts were under review.", None, "kept: 'would only say' reports"))
def unsaid_clause(state: QuoteState) -> Iterator[Candidate]:
    """A clause under a cue that says nothing was said: negated ('did not say whether ...'),
    hypothetical ('one could say ...', 'he would argue ...'), refused ('declined to say
    whether ...'), impersonal ('it is too soon to say whether ...', 'it is worth noting
    that ...') or a question put to the subject by nobody named ('Asked whether ..., X said'). Its cue is set aside (``state.used_cues``) so no later rule reports the clause;
    the rule yields no quote.

    Notes:
        'would only say that ...' is reported speech and is kept; a direct quote's cue is not
        looked at ('“...,” she would later say' stays her quote).
    """
    for cue in state.cues:
        if cue.i not in state.used_cues and _unsaid(cue):
            state.used_cues.add(cue.i)
    yield from ()


@rule(Example("Samuel Okafor said crews had replaced 300 metres of track.", ("crews had replaced 300 metres of track", "Samuel Okafor")),
      Example("Acts of protest, Samuel Okafor said, are acts of patriotism.", ("Acts of protest, Samuel Okafor said, are acts of patriotism", "Samuel Okafor")),
      Example("The harbour police said they had received about 30 calls from residents, “most of them about cats”.",
              ("they had received about 30 calls from residents, “most of them about cats”", "The harbour police"),
              "a lower-case fragment after the clause's comma is part of it: a mixed quote"),
      Example("Liepa said the cause was not yet known, but investigators were looking at an electric heater.",
              ("the cause was not yet known, but investigators were looking at an electric heater", "Liepa"),
              "a second clause after ', but' with no cue of its own is reported too"),
      Example("Brandauer said it had halted the production line on Monday and expected to resume deliveries next week.",
              ("it had halted the production line on Monday and expected to resume deliveries next week", "Brandauer"),
              "an expectation joined to a backshifted clause is what was said"),
      Example("Ortega said the club had followed Kairys for more than two years and expected him to start in October.",
              ("the club had followed Kairys for more than two years and expected him to start in October", "Ortega"),
              "the expectation's infinitive has a subject of its own"),
      Example("Keolis, which runs the metro under contract, said in an interview with the newspaper that it would pay for an inspection.",
              ("it would pay for an inspection", "Keolis"), "the complementizer the parser hung on the newspaper stays out"),
      Example("The Nickel Basin District School Board, which runs 62 schools in and around Sudbury, told parents in an email sent at 5:45 a.m. "
              "that all classes were cancelled. Provincial exams scheduled for next week would go ahead, it said.",
              ("all classes were cancelled", "Nickel Basin District School Board"), "the clause hung on the medium's participle"),
      Example("Shares in Nordic Paper Holding AB fell 9% on Thursday after the Swedish papermaker cut its dividend and warned that demand would stay weak.",
              ("demand would stay weak", "Nordic Paper Holding AB"), "the 'and' after the adverbial clause joins its verb, whatever the parser says"),
      Example("Ruiz said he was “devastated” but would wait for the appeal.", ("he was “devastated” but would wait for the appeal", "Ruiz"),
              "a second predicate with a backshifted modal is still reported"),
      Example("A ministry official said the government was “watching closely” but had no power to force the league to pay.",
              ("the government was “watching closely” but had no power to force the league to pay", "A ministry official"),
              "a second predicate of having or being is a state said, no act of the speaker's"),
      Example("Agents seized fake drugs on Tuesday.\n\nOfficers filled 14 lorries with cartons of tablets, syrups and injections bearing the labels of "
              "well-known manufacturers, the agency's director-general, Folasade Adeyemi, told reporters in Abuja on Wednesday.",
              ("Officers filled 14 lorries with cartons of tablets, syrups and injections bearing the labels of well-known manufacturers", "Folasade Adeyemi"),
              "a role and a name set off before a cue with no subject: the name speaks, the clause ends before the role"),
      Example("A spokeswoman for the Ministry of Finance said it was “following the situation closely” but that branch networks were a commercial decision.",
              ("it was “following the situation closely” but that branch networks were a commercial decision", "Ministry of Finance"),
              "a second 'that' after 'but' is still reported"),
      Example("The National Union of Bank Workers said it had not been consulted and called the plan “a betrayal of the interior”.",
              ("it had not been consulted", "National Union of Bank Workers"), "a naming verb after the clause is a second cue"),
      Example("Terminales del Turia SA, which operates the port’s largest terminal, announced on Monday that it would spend 310 million euros.",
              ("it would spend 310 million euros", "Terminales del Turia SA"), "the parser hung the cue on the name as a participle"),
      Example("Harbourline Ferries AS said on Monday it would cut two routes from Bergen.", ("it would cut two routes from Bergen", "Harbourline Ferries AS"),
              "the tagger read the legal form 'AS' as a conjunction and left the cue with no subject"),
      Example("Mayor Elena Varga told her staff to reopen the depot.", None, "a directive: an object and an infinitive, no clause"),
      Example("Harbour Freight Ltd agreed to buy the depot.", None, "an action, not speech"))
def reported_clause(state: QuoteState) -> Iterator[Candidate]:
    """What a reporting verb reports: its clause ('said (that) ...') or the sentence around a
    parenthetical attribution ('X, she said, Y'); the verb's subject speaks.

    A person or organisation named right before a subject-less cue ('..., Commerce Secretary
    Gina Raimondo said', 'Harbourline Ferries AS said') speaks, and the clause ends at the comma before that name.

    Notes:
        A cue that attributed a direct quote, a participle modifier ('targets agreed with the
        IMF') and content overlapping a direct quote are skipped; so is a cue's object or
        infinitive without a clause ('announced plans', 'urged X to act', 'declined to
        comment'): an action or a thing, not what was said.
    """
    body = state.context.text
    for verb in state.cues:
        if verb.i in state.used_cues or verb.dep_ == "acl" and verb.tag_ == "VBN" and not _clause_with_subject(verb):
            continue  # "targets agreed with the IMF", "a statement issued on Monday": a modifier, no cue
        content = reported_content(verb, body) or parenthetical_content(verb, body)
        if content is None or state.overlaps_direct(*content):
            continue
        start, end = content
        subject = subject_of(verb)
        named_before = name_right_before(verb, state.context.entities, body) if subject is None else None
        if subject is None and named_before is None:
            if _clause_taken_for_subject(verb, body) is not None:
                continue  # the clause and its speaker set off before the cue: clause_taken_for_subject's
            role_and_name = role_and_name_before_cue(verb, body)
            if role_and_name is not None:
                # "CLAUSE, the agency's director-general, Folasade Adeyemi, told reporters": the name speaks.
                start, end, name = role_and_name
                subject = name
        if named_before is not None:
            # "..., Commerce Secretary Gina Raimondo said.": the parser ran the name into the
            # clause; the clause ends at the comma before the name and its title.
            cut = body.rfind(",", start, named_before[1])
            start, end = trimmed_punct(body, start, cut if cut > start else end)
        if long_enough(state.context.doc, start, end, 2):
            if named_before:
                speaker = Speaker(named_before[0].canonical_name, named_before[0], reported_clause.name)
            else:
                speaker = resolve_speaker(subject, state.context, start, state.source)
            yield start, end, speaker, verb.text


def _clause_with_subject(verb: Token) -> bool:
    """'X SA, which runs the terminal, announced on Monday that it would ...': a cue the parser
    hung on the name as a participle, though a clause with its own subject follows it."""
    return any(c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children)


def _subject_speaks(state: QuoteState, content_of: Callable[[Token, str], tuple[int, int] | None], min_words: int) -> Iterator[Candidate]:
    """The content ``content_of`` finds beside each unused cue, spoken by the cue's subject
    (content a rule before took, or shorter than ``min_words``, is left)."""
    body = state.context.text
    for verb in state.cues:
        content = None if verb.i in state.used_cues else content_of(verb, body)
        if content is None or state.overlaps_direct(*content) or state.overlaps_found(*content):
            continue
        subject = subject_of(verb)
        if subject is not None and long_enough(state.context.doc, *content, min_words):
            yield *content, resolve_speaker(subject, state.context, content[0], state.source), verb.text


@rule(Example("Brandvik Energy AS will sell its wind farms, the company said on Tuesday.", ("Brandvik Energy AS will sell its wind farms", "Brandvik Energy AS")),
      Example("While prices rose, the company said sales were steady.", None, "a marked adverbial clause is no content"))
def clause_before_cue(state: QuoteState) -> Iterator[Candidate]:
    """'CLAUSE, X said.' where the parser hung the clause on the cue as an adverbial clause
    (``preposed_clause``); the cue's subject speaks.

    Notes:
        A clause opened by "while", "because", "if" (a real adverbial clause) is skipped, and
        so is content a rule before found.
    """
    yield from _subject_speaks(state, preposed_clause, min_words=3)


@rule(Example("The Liberian-flagged Sealark Carrier, operated by Hamburg-based Brandt & Sohl Reederei, lost steering at 4:50 a.m. near "
              "Rendsburg and swung across the channel, the Federal Waterways Office (FWO) said in a statement.",
              ("The Liberian-flagged Sealark Carrier, operated by Hamburg-based Brandt & Sohl Reederei, lost steering at 4:50 a.m. near "
               "Rendsburg and swung across the channel", "Federal Waterways Office")),
      Example("The ship, which is owned by Brandt & Sohl, the harbour master said.", None, "no finite verb of its own before the comma"),
      Example("German drugmaker Brandauer Pharma GmbH is recalling three batches of its vaccine after inspectors found glass particles "
              "in vials at its plant in Regensburg, the country’s vaccine regulator said on Friday.",
              ("German drugmaker Brandauer Pharma GmbH is recalling three batches of its vaccine after inspectors found glass particles "
               "in vials at its plant in Regensburg", "the country’s vaccine regulator"),
              "the parser joined the cue to the clause's verb and hung the speaker on its last noun"),
      Example("A Leeds-based toy maker is recalling about 85,000 soft toys sold in Britain and Ireland after two toddlers swallowed "
              "button batteries, the National Product Safety Office (NPSO) said on Friday.",
              ("A Leeds-based toy maker is recalling about 85,000 soft toys sold in Britain and Ireland after two toddlers swallowed "
               "button batteries", "National Product Safety Office"),
              "the parser joined the cue, with its own subject, to the clause's verb"),
      Example("Officers filled 14 lorries with cartons of tablets, the agency's director-general, Folasade Adeyemi, told reporters in Abuja.",
              ("Officers filled 14 lorries with cartons of tablets", "Folasade Adeyemi"),
              "a role and a name set off by commas, the cue joined to the clause with its audience"))
def clause_taken_for_subject(state: QuoteState) -> Iterator[Candidate]:
    """'CLAUSE, the X said.' where the parser read the whole sentence as the cue's subject and the
    speaker as an apposition of it (``reported_speech.clause_taken_for_subject``): the clause
    before the comma, spoken by the noun phrase after it.

    Notes:
        Only a cue that ends its sentence with no object or clause of its own; content a rule
        before found, or that overlaps a direct quote, is left.
    """
    body = state.context.text
    for verb in state.cues:
        found = None if verb.i in state.used_cues else _clause_taken_for_subject(verb, body)
        if found is None:
            continue
        start, end, speaker = found
        if state.overlaps_direct(start, end) or state.overlaps_found(start, end) or not long_enough(state.context.doc, start, end, 3):
            continue
        yield start, end, resolve_speaker(speaker, state.context, start, state.source), verb.text


@rule(Example("Mayor Elena Varga called the charges baseless.", ("the charges baseless", "Elena Varga")),
      Example("Priya Raman described the talks as warm and useful.", ("the talks as warm and useful", "Priya Raman")),
      Example("Mayor Elena Varga called a meeting of the council.", None, "an object alone names nothing"),
      Example("The Centre for Legislative Integrity called the result “a good night for democracy” and urged reform.",
              ("the result “a good night for democracy”", "Centre for Legislative Integrity"), "the predicate in marks, however the parser read it"),
      Example("The committee, which called itself the Mazovian Grain Growers' Initiative until last spring, staged protests.", None,
              "a name taken ('called itself') says nothing of anything"))
def naming_complement(state: QuoteState) -> Iterator[Candidate]:
    """What a naming verb says of its object: 'called the fine "a floor, not a ceiling"',
    'described the talks as warm'; the verb's subject speaks.

    Notes:
        'called a meeting', 'called for calm' and 'called on X to act' name no predicate: skipped.
    """
    yield from _subject_speaks(state, naming_content, min_words=2)


@rule(Example("According to Samuel Okafor, the line will reopen on Friday.", ("the line will reopen on Friday", "Samuel Okafor")),
      Example("According to the Lithuanian sports daily Krepšinio Žinios, Valverde beat two Turkish clubs.",
              ("Valverde beat two Turkish clubs", "Krepšinio Žinios"), "the name after its description is the source"),
      Example("The election had been delayed twice since the House returned from recess, according to the Clerk of Parliament, Esi Quaye.",
              ("The election had been delayed twice since the House returned from recess", "Esi Quaye"), "a name set off after the role"))
def according_to(state: QuoteState) -> Iterator[Candidate]:
    """'According to X, CLAUSE' and 'CLAUSE, according to X': X's words, reported (cue
    "according to"). Before a quotation, the direct rule is ``according_to_before_quote``.

    Notes:
        Content already found by a higher rule is not found again.
    """
    for _, source_token, start, end in according_to_contents(state.context):
        if not state.overlaps_direct(start, end) and not state.overlaps_found(start, end):
            yield start, end, resolve_speaker(source_token, state.context, start, state.source), "according to"


@rule(Example("The council rejected Priya Raman's claim that the harbour accounts were hidden.", ("the harbour accounts were hidden", "Priya Raman")),
      Example("The claim that the harbour accounts were hidden was never proved.", None, "no possessor, no source"),
      Example("Samuel Okafor repeated his pledge to double the night buses.", None, "an intention, not a proposition"))
def claim_noun_clause(state: QuoteState) -> Iterator[Candidate]:
    """'Raman's claim that ...', 'his warning that ...': a possessed noun of saying and its
    clause; the possessor speaks.

    Nested in another source's words is fine ("the council rejected [Raman's claim that [the
    accounts were hidden]]"): the inner clause has its own source.

    Notes:
        Content that starts where a found quote starts, or holds one, is skipped; nouns of
        intention ('his plan to ...', 'her pledge to ...') are no claims.
    """
    for noun, possessor, start, end in claim_noun_contents(state.context):
        if not state.overlaps_direct(start, end) and not any(q.char_start == start or q.char_end <= end and start <= q.char_start for q in state.found):
            yield start, end, resolve_speaker(possessor, state.context, start, state.source), noun.text


# "Marco Rubio: You don't win the nomination by states." (a headline) and "Matthews: Well,
# speculation is bad." (an interview): a name and a colon open the paragraph.
_LABELLED_PARAGRAPH = re.compile(r"(?m)^(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): +(?P<content>\S[^\n]{8,})$")


@rule(Example("Dana Whitfield: Harbour fees will double by spring.\n\nUpdate: The meeting ended at noon.",
              ("Harbour fees will double by spring", "Dana Whitfield")))
def labelled_paragraph(state: QuoteState) -> Iterator[Candidate]:
    """A paragraph opened by "Name: " (headlines, interview transcripts): the rest of the
    paragraph is that person's or organisation's, quotation marks or not (cue ":").

    Notes:
        The label must be a person or organisation of the article (or a surname of one), so
        "Update: ..." and "Photo: ..." are no speakers.
    """
    body, entities = state.context.text, state.context.entities
    for match in _LABELLED_PARAGRAPH.finditer(body):
        label = match["label"]
        entity = entity_at(entities, match.start("label"), match.end("label"))
        if entity is None or entity.entity_type not in ("PERSON", "ORG") or entity.canonical_name.split()[-1].casefold() not in label.casefold().split():
            continue
        start, end = trimmed_punct(body, match.start("content"), match.end("content"))
        if not state.overlaps_found(start, end):
            yield start, end, Speaker(entity.canonical_name, entity, labelled_paragraph.name), ":"


# The order is the priority: a rule skips content that a rule before it found.
# Beliefs, intentions, plans, votes and actions are not quotes: no rule reads them.
QUOTE_RULES: tuple[Rule, ...] = (
    unsaid_clause,
    reported_clause,
    clause_before_cue,
    clause_taken_for_subject,
    naming_complement,
    according_to,
    claim_noun_clause,
    labelled_paragraph,
)


def indirect_quotes(state: QuoteState) -> None:
    """Add to ``state.found`` every candidate of QUOTE_RULES, rule by rule, in order."""
    body = state.context.text
    for entry in QUOTE_RULES:
        for start, end, speaker, cue in entry(state):
            is_mixed = any(start <= s.char_start and s.char_end <= end for s in state.embedded)
            state.found.append(
                QuoteMatch(start, end, body[start:end], "mixed" if is_mixed else "indirect", speaker.name, speaker.entity, cue, False,
                           found_by=entry.name, speaker_by=speaker.by)
            )


def drop_sourceless_clauses_inside_quotes(found: list[QuoteMatch]) -> list[QuoteMatch]:
    """A sourceless clause inside an attributed quote ("..., agreed to X, the Ministry said")
    is part of that quote, not a quote of its own: dropped. Direct quotes always stay."""
    return [q for q in found if q.speaker is not None or q.quote_type == "direct" or not any(
        o is not q and o.speaker is not None and o.char_start <= q.char_start and q.char_end <= o.char_end for o in found)]
