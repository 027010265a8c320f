"""Indirect and mixed quotes: reported content found by QUOTE_RULES, in priority order.

Each rule walks the article and yields candidates (content start, content end, speaker, cue
word); the loop in ``indirect_quotes`` adds each candidate before the rule goes on, so a rule
sees what the rules before it (and its own earlier candidates) found, and the order of
QUOTE_RULES is the priority. A candidate that holds a fragment in quotation marks run into
the sentence is a mixed quote. Content spans come from ``transforms.quotes.reported_speech``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transforms.lexicon import NO_OBJECT_CONTENT_FORMS, PERSON_ONLY_ATTITUDE_FORMS
from transforms.quotes.marks import trimmed_punct
from transforms.quotes.matches import QuoteMatch, QuoteState
from transforms.quotes.reported_speech import (
    attitude_content,
    complement,
    long_enough,
    parenthetical_content,
    passive_with_agent,
    reported_content,
    stance_adjective_contents,
    stance_noun_contents,
    according_to_contents,
)
from transforms.quotes.speakers import EXPLETIVES, Speaker, entity_at, person_right_before, resolve_speaker, subject_of
from transforms.rules import Example, Rule, rule

# (content start, content end, speaker, cue word)
Candidate = tuple[int, int, Speaker, str]


@rule(Example("Samuel Okafor said crews had replaced 300 metres of track.", ("crews had replaced 300 metres of track", "Samuel Okafor")),
      Example("Acts of protest, Samuel Okafor said, are acts of patriotism.", ("Acts of protest, Samuel Okafor said, are acts of patriotism", "Samuel Okafor")),
      Example("Mayor Elena Varga told her staff to reopen the depot.", ("her staff to reopen the depot", "Elena Varga")))
def reported_clause(state: QuoteState) -> Iterator[Candidate]:
    """What a reporting verb reports: its clause ('said (that) ...'), the sentence around a
    parenthetical attribution ('X, she said, Y'), or its object and complement ('called the
    charges false', 'told her staff to act'); the verb's subject speaks.

    A person named right before a subject-less cue ('..., Commerce Secretary Gina Raimondo
    said') speaks, and the clause ends at the comma before that name.

    Notes:
        A cue that attributed a direct quote, a participle modifier ('targets agreed with the
        IMF') and content overlapping a direct quote are skipped.
    """
    body = state.context.text
    for verb in state.cues:
        if verb.i in state.used_cues or verb.dep_ == "acl" and verb.tag_ == "VBN":
            continue  # "targets agreed with the IMF", "a statement issued on Monday": a modifier, no cue
        content = reported_content(verb, body) or parenthetical_content(verb, body) or (None if verb.lower_ in NO_OBJECT_CONTENT_FORMS else complement(verb, body))
        if content is None or state.overlaps_direct(*content):
            continue
        start, end = content
        subject = subject_of(verb)
        named_before = person_right_before(verb, state.context.entities, body) if subject is None else None
        if named_before is not None:
            # "..., Commerce Secretary Gina Raimondo said.": the parser ran the name into the
            # clause; the clause ends at the comma before the name and its title.
            cut = body.rfind(",", start, named_before[1])
            start, end = trimmed_punct(body, start, cut if cut > start else end)
        if long_enough(state.context.doc, verb, start, end, 3):
            if named_before:
                speaker = Speaker(named_before[0].canonical_name, named_before[0], reported_clause.name)
            else:
                speaker = resolve_speaker(subject, state.context, start, state.source)
            yield start, end, speaker, verb.text


@rule(Example("The harbour plan was criticised by Priya Raman.", ("The harbour plan", "Priya Raman")), name="passive_with_agent")
def passive_with_agent_rule(state: QuoteState) -> Iterator[Candidate]:
    """'the proposals have been applauded by Wall Street critics': a passive cue (or attitude
    verb) with its agent; the subject is the content, the agent speaks.

    Notes:
        A passive with a clause ('he was told by aides that...') is left to the clause rules.
    """
    for verb in (*state.cues, *state.attitudes):
        passive = None if verb.i in state.used_cues else passive_with_agent(verb, state.context.text)
        if passive is not None and not state.overlaps_direct(passive[1], passive[2]) and not state.overlaps_found(passive[1], passive[2]):
            agent, start, end = passive
            yield start, end, resolve_speaker(agent, state.context, start, state.source), verb.text


@rule(Example("Priya Raman believes the harbour plan will fail.", ("the harbour plan will fail", "Priya Raman")),
      Example("Councillor Tomás Ibarra opposes the new parking levy.", ("the new parking levy", "Tomás Ibarra")),
      Example("It is believed the harbour plan will fail.", None, "an impersonal passive names no source"))
def attitude_verb(state: QuoteState) -> Iterator[Candidate]:
    """What an attitude verb attributes to its subject: 'believes (that) ...', 'wants to ...',
    'opposes the bill', 'called for an inquiry', 'sees X as Y'.

    Notes:
        A bare infinitive ('wants to support'), an expletive subject ('there seems') and
        verbs only people hold ('fears') with a subject that is no person are skipped.
    """
    for verb in state.attitudes:
        if verb.tag_ == "VB":
            continue  # a bare infinitive ("wants to support", "to find") holds no attitude yet
        content = attitude_content(verb, state.context.text)
        subject = subject_of(verb)
        if content is None or subject is None or subject.lower_ in EXPLETIVES or state.overlaps_direct(*content):
            continue
        start, end = content
        if not long_enough(state.context.doc, verb, start, end, 2) or state.overlaps_found(start, end):
            continue
        speaker = resolve_speaker(subject, state.context, start, state.source)
        if verb.lower_ not in PERSON_ONLY_ATTITUDE_FORMS or speaker.entity is not None and speaker.entity.entity_type == "PERSON":
            yield start, end, speaker, verb.text


@rule(Example("According to Samuel Okafor, the line will reopen on Friday.", ("the line will reopen on Friday", "Samuel Okafor")))
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
      Example("The claim that the harbour accounts were hidden was never proved.", None, "no possessor, no source"))
def stance_noun(state: QuoteState) -> Iterator[Candidate]:
    """'Trump's claim that ...', 'his pledge to ...': a possessed stance noun and its clause or
    target; the possessor speaks.

    Nested in another source's quote is fine ("the council rejected [Raman's claim that [the
    accounts were hidden]]"): each has its own source.

    Notes:
        Content that starts where a found quote starts, or holds one, is skipped.
    """
    for noun, possessor, start, end in stance_noun_contents(state.context):
        if not state.overlaps_direct(start, end) and not any(q.char_start == start or q.char_end <= end and start <= q.char_start for q in state.found):
            yield start, end, resolve_speaker(possessor, state.context, start, state.source), noun.text


@rule(Example("Harbour traders are worried that the depot will close.", ("the depot will close", "Harbour traders")),
      Example("Priya Raman is skeptical of the harbour plan.", ("the harbour plan", "Priya Raman")),
      Example("It is clear that the depot will close.", None, "an expletive subject names no source"))
def stance_adjective(state: QuoteState) -> Iterator[Candidate]:
    """'Democrats are worried that ...', 'voters are skeptical of ...': a predicative stance
    adjective and its clause or target; the clause's subject speaks.

    Notes:
        An attributive adjective ('a worried voter') holds no content.
    """
    for adjective, subject, start, end in stance_adjective_contents(state.context):
        if not state.overlaps_direct(start, end) and not state.overlaps_found(start, end):
            yield start, end, resolve_speaker(subject, state.context, start, state.source), adjective.text


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
QUOTE_RULES: tuple[Rule, ...] = (
    reported_clause,
    passive_with_agent_rule,
    attitude_verb,
    according_to,
    stance_noun,
    stance_adjective,
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
