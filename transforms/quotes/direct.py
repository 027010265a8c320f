"""Direct quotes: the words inside quotation marks, attributed by DIRECT_SPEAKER_RULES.

Every quotation-mark span of the article (``transforms.quotes.marks``) that is no title and no
fragment run into a sentence is tried against DIRECT_SPEAKER_RULES in order; the first rule
that answers attributes it (its name is the quote's ``found_by``). The walk over the spans and
the merge of a quote split by its attribution are in ``transforms.quotes.direct_spans``.

Notes:
    Not handled: a direct quote whose speaker is named only in a later sentence, and quotes
    attributed by a headline or byline.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from transforms.lexicon import REPORTING_VERB_FORMS, TITLE_WORDS
from transforms.lexicons import words
from transforms.quotes.marks import CLOSING_MARKS, OPENING_MARKS, STRAIGHT_MARK, QuoteSpan
from transforms.quotes.matches import QuoteMatch, QuoteState, inverted_subject
from transforms.quotes.cues import subject_of
from transforms.quotes.speakers import Speaker, entity_at, resolve_speaker
from transforms.rules import Example, Rule, rule

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_WORD_BEFORE = re.compile(r"(\w+)\.$")
# Periods after these end no sentence: '"...," Mr. Podesta said.' must keep "said" in reach.
ABBREVIATIONS = words("abbreviations")


@dataclass(frozen=True)
class QuoteSite:
    """One quotation-mark span as the direct rules see it.

    Attributes:
        span: the quoted words.
        cue: the reporting verb nearest the quote in its sentence (``cue_near``), if any.
        p_start: where the quote's paragraph starts.
        previous: the direct quote before this one, if any.
        same_paragraph: the previous quote ends in this quote's paragraph.
    """

    span: QuoteSpan
    cue: Token | None
    p_start: int
    previous: QuoteMatch | None
    same_paragraph: bool


@dataclass(frozen=True)
class Attribution:
    """A direct rule's answer: the speaker (maybe nobody), the cue word, the cue token it used."""

    speaker: Speaker
    cue: str | None
    used_cue: int | None = None


def sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """Sentence-final punctuation, skipping the periods of titles and initials ("Mr.", "D.")."""
    for match in _SENTENCE_END.finditer(text):
        before = _WORD_BEFORE.search(text, 0, match.end())
        if match[0] == "." and before and (before[1].casefold() in ABBREVIATIONS or (len(before[1]) == 1 and before[1].isupper())):
            continue
        yield match


def cue_near(state: QuoteState, span: QuoteSpan, all_spans: tuple[QuoteSpan, ...], p_start: int, p_end: int) -> Token | None:
    """The cue of a quote: the first reporting verb after it in its sentence, else the last one
    before it (first when it introduces the quote with a colon: 'X wrote: "..."'), never one inside another quote, nor one after it that heads a clause of time or
    reason when a cue precedes ('saying, "...," when Clinton blasted him'; a nickname in marks inside a name, ``is_nickname``,
    is no quote that stands between)."""
    body = state.context.text
    all_spans = tuple(s for s in all_spans if s is span or not is_nickname(body, s))
    inside = [(s.char_start - 1, s.char_end + 1) for s in all_spans]
    after_end = min([s.char_start - 1 for s in all_spans if s.char_start > span.char_end] + [p_end])
    tail = body[span.char_end + 1 : after_end]
    stop = next(sentence_ends(tail), None)
    after_end = span.char_end + 1 + (stop.end() if stop else len(tail))
    before_start = max([s.char_end + 1 for s in all_spans if s.char_end < span.char_start] + [p_start])
    head = body[before_start : span.char_start - 1]
    stops = list(sentence_ends(head))
    before_start = before_start + (stops[-1].end() if stops else 0)

    def cues(lo: int, hi: int) -> list[Token]:
        return [t for t in state.cues if lo <= t.idx < hi and not any(a <= t.idx < b for a, b in inside)]

    after, before = cues(span.char_end, after_end), cues(before_start, span.char_start)
    # '"...," Priya Raman, a lecturer who posts on Twitter as @X, told the Courier': a cue inside a
    # relative clause describes someone; the sentence's own cue comes after it.
    after = [t for t in after if not _heads_a_relative_clause(t)] or after
    if before:
        after = [t for t in after if not _opens_a_subordinate_clause(t)]
        # '..., its chair, Marieke Bosman, wrote: “...” The association has called ...': a cue
        # that introduces the quote with a colon is its cue, whatever follows the quote.
        between = body[before[-1].idx + len(before[-1]) : span.char_start].rstrip("\u201c\u2018\"' ")
        if between.endswith(":") and len(between) <= 40 and "." not in between:
            return before[-1]
    if after and (body[span.char_end - 1] != "." or attribution_starts_after(state, span, after[0])):
        return after[0]
    if before:
        return before[-1]
    return None


# 'Marcia "Cia" Price', 'Dwayne “The Rock” Johnson': one to three capitalised words in marks
# between a capitalised word and a capitalised word.
_NICKNAME = re.compile(r"[A-Z][\w.’'-]*\s+[\"“'‘]{1,2}[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}[\"”'’]{1,2}\s+[A-Z]")


def is_nickname(body: str, span: QuoteSpan) -> bool:
    """Whether the quoted words are a nickname written inside a name ('Marcia "Cia" Price')."""
    before = body[: span.char_start].rstrip("\"“'‘").rstrip()
    start = max(before.rfind(" "), before.rfind("\n")) + 1
    return _NICKNAME.match(body, start, min(len(body), span.char_end + 5)) is not None and len(body[span.char_start : span.char_end].split()) <= 3


_SUBORDINATORS = frozenset({"when", "while", "after", "before", "because", "since", "until", "if", "as", "whenever"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whose"})


def _heads_a_relative_clause(cue: Token) -> bool:
    """Whether the cue is the verb of a relative clause ("a lecturer who posts on Twitter")."""
    return cue.dep_ == "relcl" or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE_PRONOUNS for c in cue.children)


def _opens_a_subordinate_clause(cue: Token) -> bool:
    """Whether the cue heads a clause of time or reason ("when Clinton blasted him"): its words
    are no attribution of a quote before it."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS and c.i < cue.i for c in cue.children)


_CLAUSE_END_AFTER_MARK = re.compile(r"[”\"']{0,2}\s*[-–—,.;:!?]")


def _ends_its_clause(body: str, span: QuoteSpan) -> bool:
    """The quote ends with its own punctuation or a dash/comma right after its closing mark."""
    return body[span.char_end - 1] in ".!?," or _CLAUSE_END_AFTER_MARK.match(body, span.char_end) is not None


def attribution_starts_after(state: QuoteState, span: QuoteSpan, cue: Token) -> bool:
    """After a quote that ends its sentence ('"...smart." Trump was defensive, ...'), a later
    cue attributes it only when its clause starts right after the quote ('"..." he said'),
    and not when it reports a clause of its own ('"..." Whitcomb said the alliance would sue').
    """
    if any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return False
    tokens = state.context.tokens
    at = bisect.bisect_right(tokens, span.char_end, key=lambda t: t.idx)
    first = next((t for t in tokens[at:] if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    subject = subject_of(cue)
    return cue.i == first.i or (subject is not None and subject.left_edge.i <= first.i <= subject.i)


_DASH_ATTRIBUTION = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*(?P<name>[^\W\d][^\n]{1,80}?)[ \t\u00a0.]*(?:\n|$)")
# The same in a paragraph of its own after the quote's ('“...”\n\n- Michelle Marks, Philadelphia.').
_DASH_PARAGRAPH = re.compile(r"[^\S\n]*\n\s*[―—–-][ \t\u00a0]*(?P<name>[^\W\d][^\n]{1,80}?)[ \t\u00a0.]*(?:\n|$)")
_CAPITALISED_NAME = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}")
_TRANSCRIPT_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")


@rule(Example("Partial transcript:\n\n“VARGA: We will rebuild the terminal before the winter storms.”\n\nMayor Elena Varga spoke first.",
              ("VARGA: We will rebuild the terminal before the winter storms.", "Elena Varga")))
def transcript_label(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'WALLACE: Let's start...': a transcript's capitalised speaker label opens the quote.

    The label is matched to the person whose name ends with it ("PENCE" -> Mike Pence); a label
    that is nobody of the article is kept as written, in title case.

    Notes:
        A label in mixed case ("Wallace: ...") is left to ``labelled_paragraph`` (QUOTE_RULES).
    """
    match = _TRANSCRIPT_LABEL.match(state.context.text, site.span.char_start)
    if match is None:
        return None
    label = match["label"].strip()
    last = label.split()[-1].casefold()
    cue = site.cue.text if site.cue is not None else None
    for entity in state.context.entities:
        if entity.entity_type == "PERSON" and entity.canonical_name.split()[-1].casefold() == last:
            return Attribution(Speaker(entity.canonical_name, entity, transcript_label.name), cue)
    return Attribution(Speaker(label.title(), None, transcript_label.name), cue)


@rule(Example("Readers wrote in.\n\n“The bus never comes on time and nobody answers the phone.” ― Carla Sanchez\n\nMore letters follow.",
              ("The bus never comes on time and nobody answers the phone.", "Carla Sanchez")),
      Example("Mayor Elena Varga spoke.\n\n“We are ready,” she said - and then she left the hall.", None, "a dash before a sentence"),
      Example("Readers wrote in.\n\n“The bus never comes on time and nobody answers the phone.”\n\n- Carla Sanchez, Lisbon.\n\nMore letters follow.",
              ("The bus never comes on time and nobody answers the phone.", "Carla Sanchez")))
def dash_attribution(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'“...” ― Carla Sanchez': a name after a dash, alone on the rest of the line, or alone in
    the next paragraph when a person or organisation's name opens it ('“...”\n\n- Carla
    Sanchez, Lisbon.').

    Notes:
        A dash followed by a sentence ("” - and then he left") is no attribution; a name
        longer than 80 characters is not looked for.
    """
    body = state.context.text
    match = _DASH_ATTRIBUTION.match(body, site.span.char_end + 1)
    own_paragraph = None if match is not None else _DASH_PARAGRAPH.match(body, site.span.char_end + 1)
    match = match or own_paragraph
    if match is None or len(match["name"].split()) > 8 or not match["name"][0].isupper():
        return None
    start, end = match.span("name")
    named = entity_at(state.context.entities, start, end)
    if own_paragraph is not None:
        # A paragraph opening with a dash is a list item unless a name opens it: a person or
        # organisation of the article, or two to four capitalised words ("-Michelle Marks, Philadelphia").
        head = match["name"].split(",")[0].strip()
        known = [e for e in state.context.entities if e.entity_type in ("PERSON", "ORG") and any(m.text == head for m in e.mentions)]
        if known:
            named = known[0]
        elif named is None or named.entity_type not in ("PERSON", "ORG") or not any(m.char_start == start for m in named.mentions):
            if not _CAPITALISED_NAME.fullmatch(head):
                return None
            return Attribution(Speaker(head, None, dash_attribution.name), body[match.start() : match.start("name")].strip())
    dash = body[match.start() : match.start("name")].strip()
    speaker = Speaker(named.canonical_name, named, dash_attribution.name) if named else Speaker(match["name"], None, dash_attribution.name)
    return Attribution(speaker, dash)


_LINKING_WORDS = words("linking_words")
_QUOTE_REFERENCE_NOUNS = words("quote_reference_nouns")
_COURTESY_TITLES = words("courtesy_titles")
_ROLE_GAP = re.compile(r"[ \u00a0]+(?:[A-Za-z.’'-]+[ \u00a0]+){1,4}")
# '"...," said Berg's predecessor, Anna Ek,': a possessor, a role, then the speaker set off.
_POSSESSIVE_ROLE_GAP = re.compile(r"['’]s[ \u00a0]+(?:[a-z-]+[ \u00a0]+){0,3}[a-z-]+,[ \u00a0]+")
# '"...," the operator's director, Ana Costa, told reporters': a role right after the quote,
# then the name set off by commas right before the cue.
_ROLE_THEN_NAME = re.compile(r"[\s,”\"'’]*[^,“”\"\n]{1,60},[ \u00a0]+")
# After the name, before the cue: a comma, or where the person is from and a comma ("Ingrid Solberg of Norway, said").
_NAME_THEN_CUE = re.compile(r"(?:[ \u00a0]+(?:of|from)[ \u00a0]+[A-Z][^,“”\"\n]{0,40})?[ \u00a0]*,[ \u00a0]*")


def _person_beside_cue(state: QuoteState, cue: Token, quote_end: int) -> Speaker | None:
    """'"...," said James Acton, a physicist who...' and '"..." Rep. Elijah E. Cummings (D-Md.)
    said': the person named right after or right before the cue, whatever the parse says.

    A name after the cue counts only when the cue follows the quote at once (inversion):
    in '"...?" a reporter asked Trump' Trump is asked. Of a name that only modifies a role
    and the name after it ("said Clinton ally James Carville"), the last name speaks. A name
    set off by commas between a role after the quote and the cue ('"...," ASO's director, Ana
    Costa, told reporters', '"...," the chief arbiter, Ingrid Solberg of Norway, said') speaks
    too, however the parser hung the cue.
    """
    body = state.context.text
    after = cue.idx + len(cue)
    inverted = not body[quote_end:cue.idx].strip(" \u00a0,\n" + CLOSING_MARKS + STRAIGHT_MARK + "'")
    before = body[max(0, cue.idx - 60) : cue.idx]
    before_end = cue.idx - len(before) + len(re.sub(r"\s*(?:\([^()]{1,20}\))?\s*$", "", before))
    people = sorted(((m.char_start, m.char_end, e) for e in state.context.entities if e.entity_type == "PERSON" for m in e.mentions), key=lambda x: x[0])
    for index, (start, end, entity) in enumerate(people):
        between = body[after:start].strip(" \u00a0")
        right_after = inverted and start >= after and (between == "" or between in _COURTESY_TITLES)
        if right_after:
            for next_start, _, next_entity in people[index + 1 :]:
                if next_start > end + 60:
                    break
                gap = body[end:next_start]
                if _ROLE_GAP.fullmatch(gap) and not _LINKING_WORDS.intersection(gap.lower().split()) or _POSSESSIVE_ROLE_GAP.fullmatch(gap):
                    entity = next_entity  # "Huckabee campaign spokesman Hogan Gidley", "Berg's predecessor, Anna Ek"
                    break
            return Speaker(entity.canonical_name, entity, cue_beside_quote.name)
        if end == before_end:
            return Speaker(entity.canonical_name, entity, cue_beside_quote.name)
        if quote_end < start and _NAME_THEN_CUE.fullmatch(body, end, cue.idx) and _ROLE_THEN_NAME.fullmatch(body, quote_end, start):
            return Speaker(entity.canonical_name, entity, cue_beside_quote.name)
    return None


def subject_outside_quote(subject: Token | None, span: QuoteSpan) -> Token | None:
    """A subject inside the quote is not the speaker: it is what the quote says, not who says it.

    '“Nobody expected a landslide,” she said' parses fine; '“... I believe,” said X' may hang a
    subject from inside the marks on the cue: that one is dropped (None).
    """
    if subject is not None and span.char_start <= subject.idx < span.char_end:
        return None
    return subject


_APPOSITION_TO_CUE = re.compile(r"\s*(?:,[^,“”\"\n]{1,120},)?\s*")
_AFTER_QUOTE = re.compile(r"[,\s”\"']*")
# Lower-case words describing the name that follows ("former national team lock "), with no
# preposition or possessive (in "the mother of Ana Costa" the name is someone else).
_DESCRIPTION_BEFORE_NAME = re.compile(r"(?:(?!(?:of|for|to|with|by|at|from|and|told|said|asked)\b)[a-z][a-z-]*\s+){1,5}(?=[A-Z])")


def _name_set_off(state: QuoteState, start: int | None, end: int | None) -> Speaker | None:
    """The person or organisation with a mention from ``start`` (or ending at ``end``)."""
    found = (e for e in state.context.entities if e.entity_type in ("PERSON", "ORG") and any(m.char_start == start or m.char_end == end for m in e.mentions))
    entity = next(found, None)
    return Speaker(entity.canonical_name, entity, name_beside_cue.name) if entity is not None else None


@rule(Example("“We were wrong not to confront him from the start,” Ramos, 58, told a news agency in Valdora on Monday.",
              ("We were wrong not to confront him from the start,", "Ramos")),
      Example("Colonel Ana Costa, a military spokeswoman in Valdora, said: “More soldiers will be coming here.”",
              ("More soldiers will be coming here.", "Ana Costa")),
      Example("“I played for 11 years,” former national team lock Hemi Rangitaki, 44, told the Dominion Ledger.",
              ("I played for 11 years,", "Hemi Rangitaki"), "plain words describing the name before it"),
      Example("“We start in May,” the harbour master told Priya Raman.", None, "a name after the cue is who was told"),
      Example("A source speaking to the Valdora Gazette said: “The agents are looking at the harbour accounts.”", None, "the name does not open the clause"))
def name_beside_cue(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'"...," Ramos, 58, told AFP' and 'Col. Ana Costa, a spokeswoman, said: "..."': a person
    or organisation named between the quote and its cue, set off at most by an apposition
    between commas, whatever the parser made of the sentence (it often hangs such a cue on
    the quote's own verb, or takes the name for something else).

    Notes:
        Only a name right after the closing mark (before a later cue) or right before an
        apposition and a cue that opens the quote ('X, ROLE, said: "..."'); a name after the
        cue ('" ...," she told Raman') is who was addressed, left to ``cue_beside_quote``.
    """
    cue = site.cue
    if cue is None:
        return None
    body, span = state.context.text, site.span
    if cue.idx > span.char_end:
        start = _AFTER_QUOTE.match(body, span.char_end).end()
        # '"...," former national team lock Hemi Rangitaki, 44, told': plain words that describe the name before it.
        described = _DESCRIPTION_BEFORE_NAME.match(body, start)
        speaker = _name_set_off(state, start, None) or (_name_set_off(state, described.end(), None) if described else None)
        start = start if speaker is None or described is None or not any(m.char_start == described.end() for m in speaker.entity.mentions) else described.end()
        ends = [m.char_end for m in speaker.entity.mentions if m.char_start == start] if speaker and speaker.entity else []
        return Attribution(speaker, cue.text, cue.i) if ends and _APPOSITION_TO_CUE.fullmatch(body, min(ends), cue.idx) else None
    between = body[cue.idx + len(cue) : span.char_start - 1]
    if between.strip(" ,:\u00a0") or "\n" in between:
        return None
    heads = re.finditer(r",[^,“”\"\n]{1,120},\s*$|\s*$", body[site.p_start : cue.idx])
    speaker = next((s for s in (_name_set_off(state, None, site.p_start + m.start()) for m in heads) if s is not None), None)
    # The name (after its titles) opens its clause ("In a statement, Col. Costa said:"), not "a source speaking to Fox News said:".
    opens = speaker is not None and any(re.search(r"(?:^|[,.;:!?])\s*(?:[A-Z][\w.’'-]*\s+){0,3}$", body[site.p_start : m.char_start]) for m in speaker.entity.mentions if site.p_start <= m.char_start < cue.idx)
    return Attribution(speaker, cue.text, cue.i) if opens else None


@rule(Example("“We will rebuild the terminal,” said Mayor Elena Varga.", ("We will rebuild the terminal,", "Elena Varga")),
      Example("Priya Raman chairs the board. “Nobody expected a landslide,” she said.", ("Nobody expected a landslide,", "Priya Raman")),
      Example("“The tests show the regime can build more warheads,” said James Acton, a physicist who studies the programme at a think tank in Washington.",
              ("The tests show the regime can build more warheads,", "James Acton")),
      Example("The ferry operator said the crossing was cancelled. “The fog is sitting right over the harbour mouth, which is where we turn,” "
              "the operator's harbour master, Piet Kramer, told reporters on the quay.",
              ("The fog is sitting right over the harbour mouth, which is where we turn,", "Piet Kramer")),
      Example("“I have never seen anything like it in 25 years as an arbiter,” the chief arbiter, Ingrid Solberg of Norway, said.",
              ("I have never seen anything like it in 25 years as an arbiter,", "Ingrid Solberg")),
      Example("Jonas Berg runs the firm. “I trusted him for twenty years,” said Berg's predecessor, Anna Ek, who hired him in 2003.",
              ("I trusted him for twenty years,", "Anna Ek"), "the possessor names the role; the name after it speaks"),
      Example("Ingrid Solheim runs the ferries. Asked about the islanders, Solheim was blunt: “They will have the bus bridge.”",
              ("They will have the bus bridge.", "Ingrid Solheim"), "the one asked answers: the main clause's subject"))
def cue_beside_quote(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """A reporting verb next to the quote in its sentence ('"...," she said', 'X said "..."'):
    the person named right beside the cue, else the cue's subject (``subject_outside_quote``)
    resolved by SPEAKER_RULES.

    Notes:
        A cue in another sentence, or inside another quote, is not looked at; a cue whose
        subject cannot be resolved still attributes the quote (speaker null, cue kept). A
        fronted "Asked about X," is the question: whoever was asked, the main clause's
        subject, answers ("Asked ..., Solheim was blunt: '...'").
    """
    cue = site.cue
    if cue is None:
        return None
    span = site.span
    adjacent = _person_beside_cue(state, cue, span.char_end) if cue.idx > span.char_end else None
    asker = cue.head if _question_put_to_main_subject(cue) else cue
    # A subject the parser took from inside the marks is dropped; the one after the cue may be it.
    subject = subject_outside_quote(subject_of(asker), span) or subject_outside_quote(inverted_subject(cue), span)
    speaker = adjacent or resolve_speaker(subject, state.context, span.char_start, state.source)
    return Attribution(speaker, cue.text, cue.i)


def _question_put_to_main_subject(cue: Token) -> bool:
    """'Asked about the islanders, Solheim was blunt': a bare participle of a question, fronted,
    with no agent of its own, whose main clause has a subject of its own."""
    return (cue.tag_ == "VBN" and cue.dep_ == "advcl" and cue.i < cue.head.i and cue.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in cue.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.head.children))


# Nouns whose words "read": reading_nouns, documents, signs and messages.
_READING_NOUNS = words("reading_nouns") | words("document_nouns") | words("sign_nouns") | words("message_nouns")
_DETERMINER = r"(?:the|a|an|this|that|one|his|her|its|their|our|my|your)\s+"
# '..., the letter reads' / '..., read the email': right after the closing mark.
_READS_AFTER = re.compile(
    r"[\s,.!?]*(?:" + _DETERMINER + r"(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z-]+)\s+(?P<verb>reads|read)\b"
    r"|(?P<verb2>reads|read)\s+" + _DETERMINER + r"(?:[\w’'-]+\s+){0,3}?(?P<noun2>[a-z-]+)\b)"
)


@rule(Example("Parents sent a letter to the board.\n\n“We see charter schools offering hope to our children,” the letter reads.",
              ("We see charter schools offering hope to our children,", "the letter")),
      Example("The Harwick Gazette praised the mayor in 1994.\n\n“She has turned the harbour around in two short years,” read the article.",
              ("She has turned the harbour around in two short years,", "the article")),
      Example("“We will rebuild the terminal before the storms,” Priya Raman read the letter aloud.", None,
              "a person who reads out words is left to the other rules"))
def document_reads(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'"...," the letter reads', '"...," read the email': a written thing (``reading_nouns``,
    ``document_nouns``, ``sign_nouns``, ``message_nouns``) whose words the quote gives, named
    right after the closing mark with "read(s)"; the noun is resolved by SPEAKER_RULES (the
    statement's organisation, else the noun as written).

    Notes:
        "read" is no reporting verb (people read books), so only a written thing's "read"
        counts, and only right after the quote; "The letter reads: ..." is ``verb_before_colon``'s.
    """
    body = state.context.text
    end = site.span.char_end
    while end < len(body) and body[end] in CLOSING_MARKS + STRAIGHT_MARK + "'":
        end += 1
    reads = _READS_AFTER.match(body, end)
    if reads is None:
        return None
    group = "noun" if reads["noun"] else "noun2"
    if reads[group] not in _READING_NOUNS:
        return None
    span = state.context.doc.char_span(reads.start(group), reads.end(group), alignment_mode="expand")
    if span is None:
        return None
    verb = reads["verb"] or reads["verb2"]
    speaker = resolve_speaker(span.root, state.context, site.span.char_start, state.source)
    return Attribution(speaker, verb) if speaker.name else None


# '... placards reading “...”', 'a notice on the gate read: “...”', 'a banner that read “...”': "read" right before the quote.
_READ_BEFORE = re.compile(r"\b(?P<verb>reads|read|reading)\s*[:,]?\s*$")


@rule(Example("Outside the museum, about 30 protesters held placards reading “No clean art with dirty money”.",
              ("No clean art with dirty money", None)),
      Example("On Saturday morning, a notice on the gate of the stable read: “Closed until further notice.”", ("Closed until further notice.", None)),
      Example("Lund campaigned for weeks.\n\nA banner on the Lund Foundation website read “Thank you, voters”.", ("Thank you, voters", "Lund Foundation")),
      Example("The minister read “Hamlet” to the pupils.", None, "a person reads out a title: no sign's words"))
def sign_reads_before_quote(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'placards reading "..."', 'a notice on the gate read: "..."', 'a banner that read "..."':
    the words of a sign, placard, notice or document (``sign_nouns``, ``reading_nouns``,
    ``document_nouns``, ``message_nouns``) given right after "read(s)"/"reading" (cue as
    written). The organisation the noun's phrase names speaks ("A banner on the X website"),
    else nobody: an unnamed sign.

    Notes:
        The noun is the subject of "read", or the noun that "reading" / "that read" describes;
        a person who reads ("The minister read ...") is no sign.
    """
    head, p_start = _introduction_head(state, site)
    verb = _verb_matched(state, _READ_BEFORE.search(head), p_start)
    if verb is None:
        return None
    noun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if noun is not None and noun.lower_ in ("that", "which"):
        noun = verb.head if verb.dep_ == "relcl" else None
    if noun is None and verb.dep_ in ("acl", "relcl"):
        noun = verb.head
    if noun is None and verb.pos_ == "NOUN":
        noun = verb.sent.root  # "a notice on the gate of the stable read:": the tagger took "read" for a noun
    if noun is None or noun.pos_ != "NOUN" or noun.lower_ not in _READING_NOUNS and noun.lower_.removesuffix("s") not in _READING_NOUNS:
        return None
    speaker = resolve_speaker(noun, state.context, site.span.char_start, state.source)
    return Attribution(speaker if speaker.entity is not None else Speaker(None, None), verb.text)


# 'As Rosenthal recently put it, "..."': "put it" right before the quote.
_PUT_IT = re.compile(r"\b(?P<verb>put)\s+it\s*[,:]?\s*$")
_AS_NAME = re.compile(r"(?:^|(?<=[\s,;(]))[Aa]s\s+(?P<name>[A-Z][\w’'.-]*)")


@rule(Example("The harbour fees will double.\n\nAs Mayor Elena Varga recently put it, “Nobody moors here for the view.”",
              ("Nobody moors here for the view.", "Elena Varga")),
      Example("The harbour fees will double.\n\nAs one skipper put it: “Nobody moors here for the view.”",
              ("Nobody moors here for the view.", "one skipper")))
def as_someone_put_it(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'As X (recently) put it, "..."': the subject of "put it" right before the quote speaks
    (resolved by SPEAKER_RULES; cue "put"); when the parser found no subject before the quote,
    the person or organisation named right after "As".

    Notes:
        "put it" must end the text before the quote (with a comma or colon); "put it on the
        table" is no attribution.
    """
    head, p_start = _introduction_head(state, site)
    put = _PUT_IT.search(head)
    verb = _verb_matched(state, put, p_start)
    if verb is None:
        return None
    subject = subject_of(verb)
    if subject is not None and p_start <= subject.idx < site.span.char_start:
        speaker = resolve_speaker(subject, state.context, site.span.char_start, state.source)
        return Attribution(speaker, "put it", verb.i) if speaker.name else None
    # The parser lost the subject ("As Amar, professor of law at Yale, put it, ..."): the name after "As".
    opening = _AS_NAME.search(head, 0, put.start())
    named = entity_at(state.context.entities, p_start + opening.start("name"), p_start + opening.end("name")) if opening else None
    if named is None or named.entity_type not in ("PERSON", "ORG"):
        return None
    return Attribution(Speaker(named.canonical_name, named, as_someone_put_it.name), "put it", verb.i)


_COLON_INTRO = re.compile(r"(?P<verb>[A-Za-z]+)\s*:\s*$")
_ACCORDING_INTRO = re.compile(r"according\s+to\s+(?P<name>[^,.;:]{2,80}),\s*$", re.IGNORECASE)


def _verb_matched(state: QuoteState, match: re.Match[str] | None, p_start: int) -> Token | None:
    """The token of a match's "verb" group in the text before a quote (offsets from ``p_start``)."""
    if match is None:
        return None
    span = state.context.doc.char_span(p_start + match.start("verb"), p_start + match.end("verb"))
    return span[0] if span is not None else None


def _introduction_head(state: QuoteState, site: QuoteSite) -> tuple[str, int]:
    """The text before the quote in its paragraph (or, for a block quote, the paragraph before
    it, when that ends with a colon: "The New York Times reports:") and where it starts."""
    body = state.context.text
    p_start = site.p_start
    head = body[p_start : site.span.char_start].rstrip(OPENING_MARKS + STRAIGHT_MARK + "'`")  # a mark may be two characters ('' or ``)
    before = body[:p_start].rstrip()
    if not head.strip() and before.endswith(":"):
        p_start = before.rfind("\n") + 1
        head = before[p_start:]
    return head, p_start


@rule(Example("Priya Raman spoke after the vote.\n\nAccording to Raman, “the harbour wall will be finished before the storms come.”",
              ("the harbour wall will be finished before the storms come.", "Priya Raman")))
def according_to_before_quote(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'According to Limbaugh, "..."': the source named after "according to" right before the
    quote (cue "according to"). The indirect 'according to X, CLAUSE' is ``according_to``.

    Notes:
        The name is kept as written when it is no entity of the article.
    """
    head, p_start = _introduction_head(state, site)
    according = _ACCORDING_INTRO.search(head)
    if according is None:
        return None
    start = p_start + according.start("name")
    named = entity_at(state.context.entities, start, p_start + according.end("name"))
    name = named.canonical_name if named else according["name"].strip()
    return Attribution(Speaker(name, named, according_to_before_quote.name), "according to")


_ACCORDING_AFTER = re.compile(r"[,\s]*according\s+to\s+", re.IGNORECASE)


@rule(Example("Harbour Holdings filed its accounts.\n\n“The harbour lost money in every quarter,” according to Port Ellis Gazette.",
              ("The harbour lost money in every quarter,", "Port Ellis Gazette")),
      Example("The Port Ellis Gazette broke the story. The fees would double, “starting in the spring,” according to the newspaper.",
              ("starting in the spring,", "Port Ellis Gazette")))
def according_to_after_quote(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'"...," according to CNN': the source named after "according to" right after the quote
    (cue "according to"), resolved by SPEAKER_RULES ("according to the newspaper" is the
    newspaper the article named).

    Notes:
        "according to" must follow the closing mark with nothing but a comma between; a
        source that resolves to nothing is kept as written.
    """
    body = state.context.text
    end = site.span.char_end
    while end < len(body) and body[end] in CLOSING_MARKS + STRAIGHT_MARK + "'":
        end += 1
    according = _ACCORDING_AFTER.match(body, end)
    if according is None:
        return None
    phrase = state.context.doc.char_span(according.start(), according.end(), alignment_mode="expand") or []
    to_token = next((t for t in phrase if t.lower_ == "to"), None)
    source = next((c for c in to_token.children if c.dep_ == "pobj"), None) if to_token is not None else None
    if source is None:
        return None
    speaker = resolve_speaker(source, state.context, site.span.char_start, state.source)
    return Attribution(speaker, "according to")


@rule(Example("Priya Raman spoke after the vote.\n\nRaman continued: “The harbour wall will be finished before the storms come.”",
              ("The harbour wall will be finished before the storms come.", "Priya Raman")),
      Example("Harbour Holdings filed its accounts.\n\nThe Port Ellis Gazette reports:\n\n“The harbour lost money in every quarter of the year, and the council knew it.”",
              ("The harbour lost money in every quarter of the year, and the council knew it.", "Port Ellis Gazette")))
def verb_before_colon(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'Limbaugh continued: "..."' (any verb before a colon) and 'X said in a statement: "..."'
    (the sentence's last reporting verb before the colon): the verb's subject speaks.

    Notes:
        The subject must resolve to a name (SPEAKER_RULES); a colon after a noun ("the
        statement read: ...") is left to the cue rules.
    """
    head, p_start = _introduction_head(state, site)
    if _ACCORDING_INTRO.search(head) is not None:
        return None
    colon = _COLON_INTRO.search(head)
    if colon is not None:
        verb_span = state.context.doc.char_span(p_start + colon.start("verb"), p_start + colon.end("verb"))
        verb = verb_span[0] if verb_span is not None and verb_span[0].pos_ in ("VERB", "AUX") else None
    elif head.rstrip().endswith(":"):
        # "said in a statement:", "wrote on Facebook:": the last reporting verb of the sentence.
        stops = list(sentence_ends(head.rstrip()[:-1]))
        sentence_start = p_start + (stops[-1].end() if stops else 0)
        verbs = [t for t in state.cues if sentence_start <= t.idx < p_start + len(head)]
        verb = verbs[-1] if verbs else None
    else:
        return None
    if verb is None:
        return None
    speaker = resolve_speaker(subject_of(verb) or inverted_subject(verb), state.context, site.span.char_start, None)
    return Attribution(speaker, verb.text) if speaker.name else None


@rule(Example("The vote was close.\n\nHarbour Holdings issued the following statement: “The harbour will stay open all winter.”",
              ("The harbour will stay open all winter.", "Harbour Holdings")),
      Example("Priya Raman lost the vote.\n\nRaman fired back at once: “The count was wrong and we will ask for another.”",
              ("The count was wrong and we will ask for another.", "Priya Raman")),
      Example("Polls closed early.\n\nHARBOUR TRAFFIC DOUBLES - Carla Mendes: “The harbour has never been busier.”",
              ("The harbour has never been busier.", "Carla Mendes")),
      Example("The port was shut.\n\nThe sign on the gate gave the reason: “Closed for repairs until further notice.”", None,
              "a subject that names nobody of the article"))
def main_clause_before_colon(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """'Trump issued the following statement: "..."', 'Rubio fired back: "..."', 'as Ridge put
    it: "..."' (any main verb, not only a reporting verb, of the sentence that a colon ends
    before the quote): that verb's subject speaks; and 'More from Jones: "..."', 'HEADLINE -
    Philip Bump: "..."': a person or organisation named right before the colon.

    Notes:
        Only a subject that names an entity of the article (SPEAKER_RULES) counts: "The sign
        gave the reason:" names nobody. A colon after "according to X" is
        ``according_to_before_quote``'s; a reporting verb before the colon ``verb_before_colon``'s.
    """
    head, p_start = _introduction_head(state, site)
    stripped = head.rstrip()
    if not stripped.endswith(":") or _ACCORDING_INTRO.search(head) is not None:
        return None
    colon = p_start + len(stripped) - 1
    context = state.context
    before = context.doc.char_span(p_start, colon, alignment_mode="contract")
    if before is None or len(before) == 0:
        return None
    token = before[-1]
    while token.head != token and p_start <= token.head.idx < colon:
        token = token.head
    if token.pos_ in ("VERB", "AUX"):
        speaker = resolve_speaker(subject_of(token) or inverted_subject(token), context, site.span.char_start, None)
        return Attribution(speaker, token.text) if speaker.entity is not None else None
    # No verb: a label ("More from Jones:", "HEADLINE - Philip Bump:").
    for entity in context.entities:
        if entity.entity_type in ("PERSON", "ORG") and any(m.char_end == colon and m.char_start >= p_start for m in entity.mentions):
            return Attribution(Speaker(entity.canonical_name, entity, main_clause_before_colon.name), ":")
    return None


@rule(Example("“We are ready for the season.” That was the word from coach Ana Costa on Monday.", ("We are ready for the season.", "Ana Costa")),
      Example("“The port will close on Monday.”\n\nThe warning came from harbour master John Miller.", ("The port will close on Monday.", "John Miller")),
      Example("“We were the better side.” That was the verdict of coach Ana Costa after the 2-1 win.", ("We were the better side.", "Ana Costa"),
              "'of' after a noun for words"),
      Example("“We are ready for the season.” That was a surprise to coach Ana Costa.", None, "no 'from': the person is not the source"))
def word_from_next_sentence(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """A quote with no cue of its own, followed by a sentence that says whose words they were:
    '"..." That was the word from coach Ana Costa', '"..." The warning came from X' (the
    next paragraph too), '"..." So said Ana Costa'.

    Notes:
        Only the sentence right after the quote, and only a person or organisation named
        after "from" (or "of" on a noun for words: "the verdict of X") in a sentence about
        "that"/"this" or "the warning" (``quote_reference_nouns``),
        or after "said" in "So said X".
    """
    if site.cue is not None:
        return None
    doc, text = state.context.doc, state.context.text  # ``doc.text`` is rebuilt on every access
    after = doc.char_span(site.span.char_end, len(text), alignment_mode="expand")
    first = next((t for t in after or () if not t.is_punct and not t.is_space), None) if after is not None else None
    if first is None or first.sent.start != first.i:
        return None
    sentence = first.sent
    root = sentence.root
    # The pipeline has no lemmatizer: forms, not lemmas.
    # "That was ...", "The warning came from X": the subject stands for the quoted words.
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    names_the_quote = first.lower_ in ("that", "this", "those", "these", "such") or subject is not None and subject.lower_ in _QUOTE_REFERENCE_NOUNS
    about_the_quote = names_the_quote and subject is not None and subject.i <= first.i + 1 and root.lower_ in ("is", "was", "are", "were", "'s", "came", "comes")
    so_said = first.lower_ == "so" and root.lower_ in ("said", "says")
    if about_the_quote:
        # "the word from coach Ana Costa", "the verdict of coach Ana Costa": the source after "from",
        # or after "of" on a noun for words.
        sources = [p for t in sentence if t.dep_ == "prep" and (t.lower_ == "from" or t.lower_ == "of" and t.head.lower_ in _QUOTE_REFERENCE_NOUNS)
                   for p in t.children if p.dep_ == "pobj"]
    elif so_said:
        sources = [c for c in root.children if c.dep_ in ("nsubj", "dobj", "attr")]
    else:
        return None
    for source in sources:
        start, end = min(t.idx for t in source.subtree), max(t.idx + len(t) for t in source.subtree)
        entity = entity_at(state.context.entities, start, end)
        if entity is not None and entity.entity_type in ("PERSON", "ORG"):
            return Attribution(Speaker(entity.canonical_name, entity, word_from_next_sentence.name), None)
    return None


def _describes_a_person(appositive: Token) -> bool:
    """An apposition that says the name is a person's: an age ("Birthe Lund, 79,"), a title or
    occupation ("a teacher"), or a noun with a "who" clause ("a conservator who was working late")."""
    if appositive.pos_ == "NUM":
        return True
    if appositive.pos_ != "NOUN":
        return False
    who = any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in appositive.children)
    return who or appositive.lower_ in TITLE_WORDS


@rule(Example("Tomasz Wrona runs the post office.\n\n“Everything I own comes by post.” Priya Raman, 79, lives alone on the island and has no phone.",
              ("Everything I own comes by post.", "Priya Raman")),
      Example("“That is not normal.” That was how Priya Raman, a referee, described the game.", ("That is not normal.", "Priya Raman")),
      Example("Priya Raman runs the post office.\n\n“Everything comes by post.” Priya Raman said the island had no phone mast.", None,
              "a person named before is no new voice: the rules after decide"))
def person_introduced_after_quote(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """A quote with no cue that opens its paragraph, followed in that paragraph by a sentence
    that introduces a person ('"..." Birthe Lund, 79, lives alone on the island', '"..." That
    was how X, a referee, described the game'): the quote is the new person's, not the
    speaker of the paragraph before.

    Notes:
        Only the sentence right after the quote, only a person the article has not named
        before the quote, and only as the subject of that sentence's main verb or of a
        reporting verb in it; a name the entity tagger typed otherwise (no organisation)
        counts when a person's description is set beside it ("Marta Zielińska, a conservator
        who was working late,", "Birthe Lund, 79,").
    """
    if site.cue is not None or not site.span.opens_paragraph:
        return None
    context = state.context
    doc, text = context.doc, context.text  # ``doc.text`` is rebuilt on every access
    after = doc.char_span(site.span.char_end, len(text), alignment_mode="expand")
    first = next((t for t in after or () if not t.is_punct and not t.is_space), None) if after is not None else None
    if first is None or first.sent.start != first.i or "\n" in text[site.span.char_end : first.idx]:
        return None
    sentence = first.sent
    for entity in context.entities:
        if any(m.char_start < site.span.char_start for m in entity.mentions):
            continue  # named before: no new voice
        for mention in entity.mentions:
            if not sentence.start_char <= mention.char_start < sentence.end_char:
                continue
            span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            root = None if span is None else span.root
            if root is None or root.dep_ not in ("nsubj", "nsubjpass") or not (root.head == sentence.root or root.head.lower_ in REPORTING_VERB_FORMS):
                continue
            described = any(c.dep_ == "appos" and _describes_a_person(c) for c in root.children)
            if entity.entity_type == "PERSON" or described and entity.entity_type != "ORG":
                return Attribution(Speaker(entity.canonical_name, entity, person_introduced_after_quote.name), None)
    return None


@rule(Example("“The port is safe,” Tomasz Wrona said.\n\nPriya Raman said the harbour would need new cranes within two years.\n\n"
              "“The old ones were built in 1974 and nobody makes the parts any more.”",
              ("The old ones were built in 1974 and nobody makes the parts any more.", "Priya Raman")),
      Example("“The port is safe,” Tomasz Wrona said.\n\nHis deputy, Priya Raman, said the cranes were “older than the harbour”.\n\n"
              "“Nobody makes the parts any more.”", ("Nobody makes the parts any more.", "Priya Raman")),
      Example("“The port is safe,” Tomasz Wrona said.\n\nThe harbour will need new cranes, the report said.\n\n“The old ones were built in 1974.”",
              None, "a report names nobody: the quote is left to the rules after"))
def reporter_of_paragraph_before(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """A quote with no cue that opens its paragraph right after a paragraph of reported speech
    ('Carter said that the U.S. would stay.\n\n"That's because ..."'): the person or
    organisation who spoke last there goes on speaking, not the speaker of an earlier quote.

    Notes:
        Only the paragraph right before, and only when it holds no quotation in a sentence
        after its last cue's (a quote there is continued by ``continues_previous_speaker``);
        words quoted inside the cue's own sentence are part of its report. The cue's subject
        must resolve to a person or organisation (SPEAKER_RULES).
    """
    if site.cue is not None or not site.span.opens_paragraph:
        return None
    body = state.context.text
    before_end = len(body[: site.p_start].rstrip())
    before_start = body.rfind("\n", 0, before_end) + 1
    if before_end <= before_start:
        return None
    cues = [t for t in state.cues if before_start <= t.idx < before_end and not any(a <= t.idx < b for a, b in state.context.quoted_ranges)]
    # Words quoted in the cue's own sentence are the cue's report ('said the hall sounded "warmer
    # than before"'): only a quotation in a later sentence hands the paragraph to another quote.
    if not cues or any(cues[-1].sent.end_char <= a < before_end for a, _ in state.context.quoted_ranges):
        return None
    subject = subject_of(cues[-1]) or inverted_subject(cues[-1])
    if subject is None or not before_start <= subject.idx < before_end:
        return None
    speaker = resolve_speaker(subject, state.context, site.span.char_start, state.source)
    if speaker.entity is None or speaker.entity.entity_type not in ("PERSON", "ORG"):
        return None
    return Attribution(speaker, None)


@rule(Example("Priya Raman spoke.\n\n“The plan is finished,” she said.\n\nThe council met on Monday.\n\n“We start again in the spring with a smaller budget.”",
              ("We start again in the spring with a smaller budget.", "Priya Raman")))
def continues_previous_speaker(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """An unattributed quote that opens its paragraph, or follows an attributed one in the same
    paragraph, is the previous speaker's ('"A," she said. "B."'; a paragraph all quote).

    The speaker keeps the ``speaker_by`` of the quote it continues.

    Notes:
        Only a previous quote with a named speaker is continued.
    """
    previous = site.previous
    if previous is None or previous.speaker is None or not (site.span.opens_paragraph or site.same_paragraph):
        return None
    return Attribution(Speaker(previous.speaker, previous.speaker_entity, previous.speaker_by), None)


@rule(Example("The ferry may not sail before spring, Priya Raman said. “The hull needs new plates and the yard is full.”",
              ("The hull needs new plates and the yard is full.", "Priya Raman")),
      Example("The answers are not enough, says Tomasz Wrona, head of the harbour union. “We asked for a plan and got a leaflet.”",
              ("We asked for a plan and got a leaflet.", "Tomasz Wrona")),
      Example("The harbour was quiet on Monday. “Nobody has seen a boat for a week.”", None, "the sentence before names no speaker"))
def speaker_of_sentence_before(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """A quote with no cue of its own that opens a sentence right after a sentence of its
    paragraph whose subject is a named person or organisation ('..., Schiff said. "..."',
    'X, his former partner, called him a master. "..."'): that subject goes on speaking.

    Notes:
        Only the sentence right before, in the same paragraph, and only a subject that resolves
        to an entity (SPEAKER_RULES); a quote after a colon is ``verb_before_colon``'s.
    """
    if site.cue is not None:
        return None
    body, doc = state.context.text, state.context.doc
    head = body[site.p_start : site.span.char_start].rstrip(OPENING_MARKS + STRAIGHT_MARK + "'`").rstrip()
    if not head or head[-1] not in ".!?" or head[-1] == "." and _WORD_BEFORE.search(head) and _WORD_BEFORE.search(head).group(1) in ABBREVIATIONS:
        return None
    stops = list(sentence_ends(head[:-1]))
    start = site.p_start + (stops[-1].end() if stops else 0)
    sentence = doc.char_span(start, site.p_start + len(head), alignment_mode="expand")
    if sentence is None or len(sentence) == 0:
        return None
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(root) or inverted_subject(root)
    if subject is None or not start <= subject.idx < site.p_start + len(head):
        return None
    speaker = resolve_speaker(subject, state.context, site.span.char_start, state.source)
    if speaker.entity is None or speaker.entity.entity_type not in ("PERSON", "ORG"):
        return None
    return Attribution(speaker, None)


@rule(Example("The sign at the depot gate was plain.\n\n“No entry for anyone without a valid pass after dark.”",
              ("No entry for anyone without a valid pass after dark.", None)),
      Example("The so-called “reform” was debated for hours in the chamber.", None, "too short to keep unattributed"))
def unattributed_quote(state: QuoteState, site: QuoteSite) -> Attribution | None:
    """Quotation marks no rule attributes: kept as a quote with no speaker when they hold at
    least MIN_UNATTRIBUTED_WORDS (``transforms.quotes.direct_spans``) words (a shorter one is a scare quote or a title).

    Notes:
        Always answers: the last rule of DIRECT_SPEAKER_RULES.
    """
    return Attribution(Speaker(None, None), None)


# The order is the priority: the first rule that answers attributes the quote.
DIRECT_SPEAKER_RULES: tuple[Rule, ...] = (
    transcript_label,
    dash_attribution,
    name_beside_cue,
    cue_beside_quote,
    document_reads,
    sign_reads_before_quote,
    according_to_before_quote,
    according_to_after_quote,
    as_someone_put_it,
    verb_before_colon,
    main_clause_before_colon,
    word_from_next_sentence,
    person_introduced_after_quote,
    reporter_of_paragraph_before,
    continues_previous_speaker,
    speaker_of_sentence_before,
    unattributed_quote,
)
