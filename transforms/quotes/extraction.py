"""Quotes and their speakers: direct quotes from quotation marks, indirect and mixed quotes from
reporting verbs, speakers resolved to the article's entities.

Offsets are content spans (without the quotation marks) into the article body. The parts live
in their own modules: quotation marks in ``transforms.quotes.marks``, speakers in
``transforms.quotes.speakers``, reported content in ``transforms.quotes.reported_speech``; this module
attributes direct quotes and puts every quote of an article together.

Notes:
    Not handled: quotes in single marks at the top level ('...' as the main quote mark is
    rare in running text and collides with apostrophes), a direct quote whose speaker is
    named only in a later sentence, and quotes attributed by a headline or byline.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from transforms.doc_text import doc_text, doc_tokens
from transforms.entities.extraction import ArticleEntity
from transforms.lexicon import NO_OBJECT_CONTENT_FORMS, PERSON_ONLY_ATTITUDE_FORMS
from transforms.quotes.marks import CLOSING_MARKS, OPENING_MARKS, QuoteSpan, STRAIGHT_MARK, paragraph_spans, quote_spans_of, trimmed_punct
from transforms.quotes.speakers import (
    EXPLETIVES,
    Speaker,
    cue_tokens,
    entity_at,
    find_document_source,
    person_right_before,
    resolve_speaker,
    subject_of,
)
from transforms.quotes.reported_speech import (
    according_to,
    attitude_content,
    attitude_tokens,
    complement,
    long_enough,
    parenthetical_content,
    passive_with_agent,
    reported_content,
    stance_adjectives,
    stance_nouns,
)


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_WORD_BEFORE = re.compile(r"(\w+)\.$")
# Periods after these end no sentence: '"...," Mr. Podesta said.' must keep "said" in reach.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st jr sr rev hon messrs mme "
    "no vol fig inc corp co ltd bros dept est approx vs etc jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# A quoted fragment shorter than this (in words) and not attributed is a scare quote or title.
MIN_UNATTRIBUTED_WORDS = 5


@dataclass(frozen=True)
class QuoteMatch:
    """A quote found in an article, before it becomes a table row."""

    char_start: int
    char_end: int
    text: str
    quote_type: str
    speaker: str | None
    speaker_entity: ArticleEntity | None
    cue: str | None
    is_uncertain: bool
    # Spans of the speaker's own words; empty means the one span (char_start, char_end).
    segments: tuple[tuple[int, int], ...] = ()

    @property
    def word_spans(self) -> tuple[tuple[int, int], ...]:
        return self.segments or ((self.char_start, self.char_end),)


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """Sentence-final punctuation, skipping the periods of titles and initials ("Mr.", "D.")."""
    for match in _SENTENCE_END.finditer(text):
        before = _WORD_BEFORE.search(text, 0, match.end())
        if match[0] == "." and before and (before[1].casefold() in ABBREVIATIONS or (len(before[1]) == 1 and before[1].isupper())):
            continue
        yield match


def _cue_near(doc: Doc, span: QuoteSpan, all_spans: list[QuoteSpan], p_start: int, p_end: int) -> Token | None:
    body = doc_text(doc)
    inside = [(s.char_start - 1, s.char_end + 1) for s in all_spans]
    after_end = min([s.char_start - 1 for s in all_spans if s.char_start > span.char_end] + [p_end])
    tail = body[span.char_end + 1 : after_end]
    stop = next(_sentence_ends(tail), None)
    after_end = span.char_end + 1 + (stop.end() if stop else len(tail))
    before_start = max([s.char_end + 1 for s in all_spans if s.char_end < span.char_start] + [p_start])
    head = body[before_start : span.char_start - 1]
    stops = list(_sentence_ends(head))
    before_start = before_start + (stops[-1].end() if stops else 0)

    def cues(lo: int, hi: int) -> list[Token]:
        return [t for t in cue_tokens(doc) if lo <= t.idx < hi and not any(a <= t.idx < b for a, b in inside)]

    after, before = cues(span.char_end, after_end), cues(before_start, span.char_start)
    if after and (body[span.char_end - 1] != "." or _attribution_starts_after(doc, span, after[0])):
        return after[0]
    if before:
        return before[-1]
    return None


_CLAUSE_END_AFTER_MARK = re.compile(r"[”\"']{0,2}\s*[-–—,.;:!?]")


def _ends_its_clause(body: str, span: QuoteSpan) -> bool:
    """The quote ends with its own punctuation or a dash/comma right after its closing mark."""
    return body[span.char_end - 1] in ".!?," or _CLAUSE_END_AFTER_MARK.match(body, span.char_end) is not None


def _attribution_starts_after(doc: Doc, span: QuoteSpan, cue: Token) -> bool:
    """After a quote that ends its sentence ('"...smart." Trump was defensive, ...'), a later
    cue attributes it only when its clause starts right after the quote ('"..." he said')."""
    tokens = doc_tokens(doc)
    at = bisect.bisect_right(tokens, span.char_end, key=lambda t: t.idx)
    first = next((t for t in tokens[at:] if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    subject = subject_of(cue)
    return cue.i == first.i or (subject is not None and subject.left_edge.i <= first.i <= subject.i)


_DASH_ATTRIBUTION = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*(?P<name>[^\W\d][^\n]{1,80}?)[ \t\u00a0.]*(?:\n|$)")
_TRANSCRIPT_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")


def _dash_speaker(doc: Doc, entities: list[ArticleEntity], span: QuoteSpan) -> tuple[Speaker, str] | None:
    """'“...” ― Carla Sanchez': a name after a dash, alone on the rest of the line.

    Notes:
        A dash followed by a sentence ("” - and then he left") is no attribution; a name
        longer than 80 characters is not looked for.
    """
    body = doc_text(doc)
    match = _DASH_ATTRIBUTION.match(body, span.char_end + 1)
    if match is None or len(match["name"].split()) > 8 or not match["name"][0].isupper():
        return None
    start, end = match.span("name")
    named = entity_at(entities, start, end)
    dash = body[match.start() : match.start("name")].strip()
    return (Speaker(named.canonical_name, named) if named else Speaker(match["name"], None)), dash


def _transcript_speaker(body: str, entities: list[ArticleEntity], span: QuoteSpan) -> Speaker | None:
    """'WALLACE: Let's start...': a transcript's capitalised speaker label opens the quote.

    The label is matched to the person whose name ends with it ("PENCE" -> Mike Pence).
    """
    match = _TRANSCRIPT_LABEL.match(body, span.char_start)
    if match is None:
        return None
    label = match["label"].strip()
    last = label.split()[-1].casefold()
    for entity in entities:
        if entity.entity_type == "PERSON" and entity.canonical_name.split()[-1].casefold() == last:
            return Speaker(entity.canonical_name, entity)
    return Speaker(label.title(), None)


# "Marco Rubio: You don't win the nomination by states." (a headline) and "Matthews: Well,
# speculation is bad." (an interview): a name and a colon open the paragraph.
_LABELLED_PARAGRAPH = re.compile(r"(?m)^(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): +(?P<content>\S[^\n]{8,})$")


def _labelled_paragraphs(doc: Doc, entities: list[ArticleEntity]) -> list[tuple[Speaker, int, int]]:
    """(speaker, content start, content end) of paragraphs opened by "Name: ".

    Notes:
        The label must be a person or organisation of the article (or a surname of one), so
        "Update: ..." and "Photo: ..." are no speakers. The whole rest of the paragraph is the
        content, quotation marks or not.
    """
    body = doc_text(doc)
    found = []
    for match in _LABELLED_PARAGRAPH.finditer(body):
        label = match["label"]
        entity = entity_at(entities, match.start("label"), match.end("label"))
        if entity is None or entity.entity_type not in ("PERSON", "ORG") or entity.canonical_name.split()[-1].casefold() not in label.casefold().split():
            continue
        start, end = trimmed_punct(body, match.start("content"), match.end("content"))
        found.append((Speaker(entity.canonical_name, entity), start, end))
    return found


_COLON_INTRO = re.compile(r"(?P<verb>[A-Za-z]+)\s*:\s*$")
_ACCORDING_INTRO = re.compile(r"according\s+to\s+(?P<name>[^,.;:]{2,80}),\s*$", re.IGNORECASE)


_LINKING_WORDS = frozenset("and or with to about on in at for from after before that who of".split())
_ROLE_GAP = re.compile(r"[ \u00a0]+(?:[A-Za-z.’'-]+[ \u00a0]+){1,4}")


def _person_beside_cue(cue: Token, entities: list[ArticleEntity], quote_end: int) -> Speaker | None:
    """'"...," said James Acton, a physicist who...' and '"..." Rep. Elijah E. Cummings (D-Md.)
    said': the person named right after or right before the cue, whatever the parse says.

    A name after the cue counts only when the cue follows the quote at once (inversion):
    in '"...?" a reporter asked Trump' Trump is asked. Of a name that only modifies a role
    and the name after it ("said Clinton ally James Carville"), the last name speaks.
    """
    body = doc_text(cue.doc)
    after = cue.idx + len(cue)
    inverted = not body[quote_end:cue.idx].strip(" \u00a0,\n" + CLOSING_MARKS + STRAIGHT_MARK + "'")
    before = body[max(0, cue.idx - 60) : cue.idx]
    before_end = cue.idx - len(before) + len(re.sub(r"\s*(?:\([^()]{1,20}\))?\s*$", "", before))
    people = sorted(((m.char_start, m.char_end, e) for e in entities if e.entity_type == "PERSON" for m in e.mentions), key=lambda x: x[0])
    for index, (start, end, entity) in enumerate(people):
        right_after = inverted and start >= after and body[after:start].strip(" \u00a0") in ("", "Mr.", "Ms.", "Mrs.", "Dr.")
        if right_after:
            for next_start, _, next_entity in people[index + 1 :]:
                if next_start > end + 60:
                    break
                gap = body[end:next_start]
                if _ROLE_GAP.fullmatch(gap) and not _LINKING_WORDS.intersection(gap.lower().split()):
                    entity = next_entity  # "Huckabee campaign spokesman Hogan Gidley"
                    break
            return Speaker(entity.canonical_name, entity)
        if end == before_end:
            return Speaker(entity.canonical_name, entity)
    return None


def _introduction(doc: Doc, entities: list[ArticleEntity], span: QuoteSpan, p_start: int) -> tuple[Speaker, str] | None:
    """'Limbaugh continued: "..."' (any verb before a colon) and 'According to Limbaugh, "..."'.

    Notes:
        The subject must be a name of the article or a pronoun resolvable to one; a colon after
        a noun ("the statement read: ...") is left to the cue rules.
    """
    body = doc_text(doc)
    head = body[p_start : span.char_start - 1]
    before = body[:p_start].rstrip()
    if not head.strip() and before.endswith(":"):
        # A block quote introduced by the paragraph before it ("The New York Times reports:").
        p_start = before.rfind("\n") + 1
        head = before[p_start:]
    if (according := _ACCORDING_INTRO.search(head)) is not None:
        start = p_start + according.start("name")
        named = entity_at(entities, start, p_start + according.end("name"))
        name = named.canonical_name if named else according["name"].strip()
        return Speaker(name, named), "according to"
    colon = _COLON_INTRO.search(head)
    if colon is not None:
        verb_span = doc.char_span(p_start + colon.start("verb"), p_start + colon.end("verb"))
        verb = verb_span[0] if verb_span is not None and verb_span[0].pos_ in ("VERB", "AUX") else None
    elif head.rstrip().endswith(":"):
        # "said in a statement:", "wrote on Facebook:": the last reporting verb of the sentence.
        stops = list(_sentence_ends(head.rstrip()[:-1]))
        sentence_start = p_start + (stops[-1].end() if stops else 0)
        verbs = [t for t in cue_tokens(doc) if sentence_start <= t.idx < p_start + len(head)]
        verb = verbs[-1] if verbs else None
    else:
        return None
    if verb is None:
        return None
    speaker = resolve_speaker(subject_of(verb) or _inverted_subject(verb), entities, span.char_start, None)
    return (speaker, verb.text) if speaker.name else None


def _words(body: str, start: int, end: int) -> int:
    return len(body[start:end].split())


# Longest attribution between two pieces of one quote ('"A," Mr. Trump said. "B."').
MAX_SPLITTING_ATTRIBUTION = 60
# Longest narration that may end the paragraph of a quote continued in the next paragraph.
MAX_TRAILING_ATTRIBUTION = 160


def _continues_previous(body: str, previous: QuoteMatch, span: QuoteSpan) -> bool:
    """True when this unattributed quote goes on with the previous one: one utterance.

    '"A," she said of the plan, in which... "B."' (its attribution, however long, in one
    paragraph) and '"A," she said.' followed by a paragraph '"B."' that is all quote are both
    one quote from "A" to "B" (the attribution between stays inside its text).

    Notes:
        A quote after a paragraph of narration, or after a longer attribution paragraph,
        starts a new quote (it still inherits the previous speaker).
    """
    gap = body[previous.char_end : span.char_start]
    if previous.quote_type != "direct" or previous.speaker is None:
        return False
    if "\n" not in gap:
        return True
    head, _, tail = gap.partition("\n\n")
    return span.opens_paragraph and "\n" not in head and not tail.strip(OPENING_MARKS + STRAIGHT_MARK + "`' \t") and len(head) <= MAX_TRAILING_ATTRIBUTION and not any(m in head for m in OPENING_MARKS)


def _direct_quotes(doc: Doc, entities: list[ArticleEntity], source: ArticleEntity | None) -> tuple[list[QuoteMatch], set[int], list[QuoteSpan]]:
    body = doc_text(doc)
    spans = quote_spans_of(doc)
    paragraphs = paragraph_spans(body)
    found: list[QuoteMatch] = []
    used_cues: set[int] = set()
    embedded: list[QuoteSpan] = []
    previous: QuoteMatch | None = None
    previous_cue: int | None = None
    for span in spans:
        if span.is_embedded:
            embedded.append(span)
            continue
        if _looks_like_title(body[span.char_start : span.char_end]):
            continue  # “Fox News Sunday”, “A Change Is Gonna Come”: a name in quotes, not words said
        # A quote over several paragraphs looks for its cue before its start and after its end.
        p_start = next((a for a, b in paragraphs if a <= span.char_start < b), 0)
        p_end = next((b for a, b in paragraphs if a <= span.char_end <= b), len(body))
        cue = _cue_near(doc, span, spans, p_start, p_end)
        speaker = Speaker(None, None)
        cue_text = cue.text if cue is not None else None
        same_paragraph = previous is not None and previous.char_end >= p_start
        dashed = _dash_speaker(doc, entities, span)
        labelled = _transcript_speaker(body, entities, span)
        if labelled is not None:
            speaker = labelled
        elif dashed is not None:
            speaker, cue_text = dashed
        elif cue is not None:
            used_cues.add(cue.i)
            adjacent = _person_beside_cue(cue, entities, span.char_end) if cue.idx > span.char_end else None
            subject = subject_of(cue) or _inverted_subject(cue)
            if subject is not None and span.char_start <= subject.idx < span.char_end:
                subject = None  # a subject inside the quote is what the quote says, not who says it
            speaker = adjacent or resolve_speaker(subject, entities, span.char_start, source)
        elif (introduced := _introduction(doc, entities, span, p_start)) is not None:
            speaker, cue_text = introduced
        elif previous is not None and previous.speaker is not None and (span.opens_paragraph or same_paragraph):
            # '"A," she said. "B."' and a paragraph that is all quote after an attributed one
            # both continue the previous voice.
            speaker = Speaker(previous.speaker, previous.speaker_entity)
        if cue_text is None and speaker.name is None and _words(body, span.char_start, span.char_end) < MIN_UNATTRIBUTED_WORDS:
            continue
        # '"A," he said, "B" - and vowed ...': the attribution between the two pieces is the
        # previous one's, and B has no attribution of its own right after it.
        shares_cue = (
            previous is not None
            and previous_cue is not None
            and previous.char_end <= doc[previous_cue].idx < span.char_start
            and "\n" not in body[previous.char_end : span.char_start]
            and (
                cue is None
                or cue.i == previous_cue
                or (
                    cue.idx > span.char_end
                    and len(body[previous.char_end : span.char_start]) <= MAX_SPLITTING_ATTRIBUTION
                    and _ends_its_clause(body, span)
                    and not _attribution_starts_after(doc, span, cue)
                )
            )
        )
        if previous is not None and (shares_cue or (cue_text is None and _continues_previous(body, previous, span))):
            # '"A," she said. "B."' and '"A," she said, "b."' are one utterance split by its
            # attribution: one quote whose segments leave the attribution out.
            merged = QuoteMatch(
                previous.char_start, span.char_end, body[previous.char_start : span.char_end], "direct",
                previous.speaker, previous.speaker_entity, previous.cue, previous.is_uncertain or span.is_uncertain,
                previous.word_spans + (span.segments or ((span.char_start, span.char_end),)),
            )
            found[-1] = previous = merged
            continue
        match = QuoteMatch(
            span.char_start, span.char_end, body[span.char_start : span.char_end], "direct",
            speaker.name, speaker.entity, cue_text, span.is_uncertain, span.segments,
        )
        found.append(match)
        previous = match
        previous_cue = cue.i if cue is not None else None
    return found, used_cues, embedded


_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from is it".split())


def _looks_like_title(text: str) -> bool:
    """Two to seven words, every one but the small ones capitalised, and no question or
    exclamation: the title of a show, book, song or policy ("Morning Joe", "Grand Bargain").

    Notes:
        Not handled: a title in sentence case ("Make your kid a millionaire") still reads as a
        quote; a shouted all-capitals quote ("WE WANT JOBS") reads as a title.
    """
    words = [w.strip(",.;:'’\"“”") for w in text.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 7 or text.rstrip().endswith(("?", "!")):
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words) and words[0][0].isupper() and sum(w[0].isupper() for w in words) >= 2


def _inverted_subject(cue: Token) -> Token | None:
    # "..., said the official statement": the parser may hang the subject as an object.
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def extract_quotes(doc: Doc, entities: list[ArticleEntity]) -> list[QuoteMatch]:
    """Every direct, indirect and mixed quote of one article, ordered by position."""
    body = doc_text(doc)
    source = find_document_source(doc, entities)
    direct, used_cues, embedded = _direct_quotes(doc, entities, source)
    found = list(direct)

    def overlaps_direct(start: int, end: int) -> bool:
        return any(q.char_start < end and start < q.char_end for q in direct)

    def overlaps_found(start: int, end: int) -> bool:
        return any(q.char_start < end and start < q.char_end for q in found)

    def add(start: int, end: int, speaker: Speaker, cue: str) -> None:
        is_mixed = any(start <= s.char_start and s.char_end <= end for s in embedded)
        found.append(QuoteMatch(start, end, body[start:end], "mixed" if is_mixed else "indirect", speaker.name, speaker.entity, cue, False))

    for verb in cue_tokens(doc):
        if verb.i in used_cues or verb.dep_ == "acl" and verb.tag_ == "VBN":
            continue  # "targets agreed with the IMF", "a statement issued on Monday": a modifier, no cue
        content = reported_content(verb) or parenthetical_content(verb) or (None if verb.lower_ in NO_OBJECT_CONTENT_FORMS else complement(verb))
        if content is None or overlaps_direct(*content):
            continue
        start, end = content
        subject = subject_of(verb)
        named_before = person_right_before(verb, entities) if subject is None else None
        if named_before is not None:
            # "..., Commerce Secretary Gina Raimondo said.": the parser ran the name into the
            # clause; the clause ends at the comma before the name and its title.
            cut = body.rfind(",", start, named_before[1])
            start, end = trimmed_punct(body, start, cut if cut > start else end)
        if long_enough(doc, verb, start, end, 3):
            add(start, end, Speaker(named_before[0].canonical_name, named_before[0]) if named_before else resolve_speaker(subject, entities, start, source), verb.text)
    for verb in [*cue_tokens(doc), *attitude_tokens(doc)]:
        passive = None if verb.i in used_cues else passive_with_agent(verb)
        if passive is not None and not overlaps_direct(passive[1], passive[2]) and not overlaps_found(passive[1], passive[2]):
            agent, start, end = passive
            add(start, end, resolve_speaker(agent, entities, start, source), verb.text)
    for verb in attitude_tokens(doc):
        if verb.tag_ == "VB":
            continue  # a bare infinitive ("wants to support", "to find") holds no attitude yet
        content = attitude_content(verb)
        subject = subject_of(verb)
        if content is None or subject is None or subject.lower_ in EXPLETIVES or overlaps_direct(*content):
            continue
        start, end = content
        if not long_enough(doc, verb, start, end, 2) or overlaps_found(start, end):
            continue
        speaker = resolve_speaker(subject, entities, start, source)
        if verb.lower_ not in PERSON_ONLY_ATTITUDE_FORMS or speaker.entity is not None and speaker.entity.entity_type == "PERSON":
            add(start, end, speaker, verb.text)
    for cue, source_token, start, end in according_to(doc):
        if not overlaps_direct(start, end) and not overlaps_found(start, end):
            add(start, end, resolve_speaker(source_token, entities, start, source), "according to")
    for noun, possessor, start, end in stance_nouns(doc):
        # Nested in another source's quote is fine ("the council rejected [Raman's claim that
        # [the accounts were hidden]]"): each has its own source.
        if not overlaps_direct(start, end) and not any(q.char_start == start or q.char_end <= end and start <= q.char_start for q in found):
            add(start, end, resolve_speaker(possessor, entities, start, source), noun.text)
    for adjective, subject, start, end in stance_adjectives(doc):
        if not overlaps_direct(start, end) and not overlaps_found(start, end):
            add(start, end, resolve_speaker(subject, entities, start, source), adjective.text)
    for speaker, start, end in _labelled_paragraphs(doc, entities):
        if not overlaps_found(start, end):
            add(start, end, speaker, ":")
    # A sourceless clause inside an attributed quote ("..., agreed to X, the Ministry said")
    # is part of that quote, not a quote of its own.
    found = [q for q in found if q.speaker is not None or q.quote_type == "direct" or not any(
        o is not q and o.speaker is not None and o.char_start <= q.char_start and q.char_end <= o.char_end for o in found)]
    return sorted(found, key=lambda q: q.char_start)
