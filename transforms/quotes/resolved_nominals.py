"""The fallback resolver for a speaker the rules before it left as a common-noun phrase ("the
festival's artistic director", "a spokeswoman for the town", "the regional water utility",
"Its website"): it ranks the article's entities by the evidence that the phrase stands for
them and names one only when the evidence is clear. Part of SPEAKER_RULES
(``transforms.quotes.speakers``), which imports it; it runs late, after every rule that binds
one kind of phrase, and before ``subject_as_written``.

Evidence, per candidate entity (``_score``):
    - the head noun (or a modifier of it) in the entity's name ("the festival" -> Göta Film
      Festival; "inspectors" -> Schools Inspectorate), or among the words the article sets
      beside one of its mentions, before or after the quote: appositions ("X, the festival's
      artistic director,"), words before the name ("skipper Rawiri Hohaia", "the town of X"),
      the roles the entity tagger bound to it;
    - the owner of the phrase ("the festival's director", "a spokeswoman for the town")
      among those words, or in a relative clause set beside a mention ("X, who took over
      the festival,");
    - being named first as the subject of the sentences right after the quote's (a lead's
      "the mine's owner said. Mabula Gold Mining said ..."), or being the subject of the
      reported clause itself ("X will hold its festival ..., a spokeswoman for the town said");
    - the entity's type fitting the head noun (a person's role, an organisation's or a
      place's noun).

Unnamed people and vague groups ("one passenger", "residents", "analysts", "some visitors")
are never resolved: an indefinite person, a quantified or bare plural phrase names nobody
(the annotation convention gives them no speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from transforms.entities.descriptions import ORGANISATION_HEADS
from transforms.entities.extraction import ArticleEntity
from transforms.lexicon import DOCUMENT_NOUNS, ORG_NOUNS, TITLE_WORDS
from transforms.lexicons import words
from transforms.quotes import speakers
from transforms.quotes.speakers import Speaker, SpeakerQuery, _named, entity_at
from transforms.rules import Example, rule

# Nouns for what an organisation says through: its people, documents, website and figures.
_VOICE_NOUNS = (
    words("spokesperson_nouns") | words("voice_nouns") | words("organisation_voice_nouns") | words("message_nouns") | words("sign_nouns")
    | DOCUMENT_NOUNS | words("resolver_voice_nouns")
)
# Nouns for a person by office or occupation.
_PERSON_NOUNS = TITLE_WORDS | words("role_nouns") | words("occupation_titles") | words("resolver_person_nouns")
# Nouns for a place that speaks through its administration ("the town", "the city").
_PLACE_NOUNS = words("admin_area_words")
# "the organisers": whoever runs the event the article names (a festival, a cup, a summit).
_ORGANISER_NOUNS = words("organiser_nouns")
_EVENT_WORDS = words("event_words")
# Nouns for a person or an organisation alike ("the mine's owner", "the operator").
_EITHER_NOUNS = words("resolver_either_nouns")
_ORGANISATION_NOUNS = ORGANISATION_HEADS | ORG_NOUNS
# Determiners and modifiers that make a phrase a vague group or someone unnamed.
_VAGUE_WORDS = words("resolver_vague_words")
# Documents only a company files ("according to a filing with the Helsinki stock exchange").
_FILING_NOUNS = words("filing_nouns")
_OWNER_PREPOSITIONS = frozenset(("for", "of", "from", "at", "by"))
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Words that say nothing about what a name is.
_STOP = frozenset(("the", "a", "an", "its", "their", "his", "her", "of", "for", "in", "at", "and", "to", "on", "with", "who", "which", "that", "has", "had", "was", "is"))

# ", the festival's artistic director," / ", a comedian who" / ", general secretary of the union," after a name (", 31," is nothing).
_AFTER = re.compile(r",\s+(?:(?:the|a|an|its|their|his|her|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}['’]s)\s+|(?=[a-z]))(?P<words>[^,.;:()\"“”\n]{1,80}?)(?=\s*(?:[,.;:]|\s[—–]\s|$))")
# "The auctioneers, " / "its director, " right before a name.
_SET_OFF_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z-]+\s+){0,3}(?P<head>[a-z-]+),\s+$")
# ", who took over the festival in 2023," after a name.
_RELATIVE = re.compile(r",\s+(?:who|which)\s+(?P<words>[^,.;\"“”\n]{1,100})")


@dataclass(frozen=True)
class _Nominal:
    """The subject phrase read for the resolver: its head noun, its lower-case modifiers, its
    owner ("the festival's", "for the town", "its", "NBA"), whether it is definite, and what
    kind of thing the head names ("voice", "person", "place", "organisation" or "other")."""

    head: Token
    modifiers: frozenset[str]
    owner: Token | None
    definite: bool
    kind: str


def _kind(noun: str) -> str:
    singular = noun[:-1] if noun.endswith("s") else noun
    if noun in _VOICE_NOUNS:
        return "voice"
    if singular in _ORGANISER_NOUNS:
        return "organiser"
    if singular in _EITHER_NOUNS:
        return "other"
    if singular in _PLACE_NOUNS:
        return "place"
    if singular in _ORGANISATION_NOUNS:
        return "organisation"
    if singular in _PERSON_NOUNS:
        return "person"
    return "unknown"


def _read(subject: Token) -> _Nominal | None:
    """The phrase, or None for what the resolver never binds: names and pronouns, quantified
    or vague groups ("some visitors", "three hotels", "other riders"), conjoined groups, an
    indefinite person ("one passenger", "a colleague")."""
    if subject.pos_ != "NOUN":
        return None
    children = [c for c in subject.children if c.dep_ != "punct"]
    if any(c.dep_ in ("conj", "cc", "nummod", "quantmod", "appos") or c.lower_ in _VAGUE_WORDS for c in children):
        return None
    dets = {c.lower_ for c in children if c.dep_ == "det"}
    kind = _kind(subject.lower_)
    # "the group that runs the ship", "a consumer group that represents customers" name an
    # organisation the article goes on to name.
    described_organisation = kind == "organisation" and bool(dets & {"the", "a", "an"})
    # A document with a clause of its own ("a notice posted in its shops") is still its owner's words.
    if kind != "voice" and any(c.dep_ in ("relcl", "acl") and c.i > subject.i and not _set_off(subject) and not described_organisation
                               for c in children if c.lower_ not in ("published", "issued", "released")):
        return None  # "the captain of one ship, who asked not to be named": someone new
    if kind == "unknown" and (subject.tag_ != "NN" or "the" not in {c.lower_ for c in children if c.dep_ == "det"}):
        return None  # "a diver", "mission staff": no noun the resolver knows the kind of
    owner = next((c for c in children if c.dep_ == "poss"), None)
    if owner is None and kind == "voice":
        owner = next((p for c in children if c.dep_ == "prep" and c.lower_ in _OWNER_PREPOSITIONS for p in c.children if p.dep_ == "pobj"), None)
        # "figures published by the operator"
        owner = owner or next((p for c in children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
        # "a timeline the brigade posted on its Facebook page": who put the words there.
        owner = owner or next((s for c in children if c.dep_ == "relcl" for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")), None)
        # "the recall notice on its website", "a notice on the state government's website": where the words were put says whose they are.
        owner = owner or next((t for t in subject.subtree if t.i > subject.i and t.dep_ == "poss" and (t.lower_ in ("its", "their") or t.pos_ in ("NOUN", "PROPN"))), None)
        owner = owner or next((c for c in children if c.dep_ in ("compound", "nmod") and c.i < subject.i and c.pos_ in ("NOUN", "PROPN")), None)
    elif any(c.dep_ == "prep" and (kind != "organisation" or c.lower_ == "of") for c in children):
        # "critics of the tariffs", "the cabinet member responsible for ..." are left to the words;
        # "the company behind the project" is still a company.
        return None
    if kind == "person" and owner is not None and owner.pos_ == "PRON":
        return None  # "his lawyer", "their attorneys": whoever "his" is, which the resolver does not know
    if kind == "person" and subject.tag_ == "NNS":
        kind = "group"  # "the inspectors": only an organisation named after them ("Schools Inspectorate")
    definite = "the" in dets or owner is not None
    if kind == "voice" and (owner is not None or subject.lower_ in _FILING_NOUNS):
        pass  # "a spokeswoman for the town" speaks for the town; "a filing" for the company that made it
    elif not definite and kind == "organisation" and subject.tag_ == "NN":
        pass  # "a government inquiry said": only the organisation the next sentence opens with (``_score``)
    elif not definite and (dets or subject.tag_ != "NNS"):
        return None  # "one passenger", "a colleague": someone the article does not name
    elif not definite:
        kind = "group"  # "Inspectors said": only an organisation named after them ("Schools Inspectorate")
    modifiers = frozenset(c.lower_ for c in children if c.dep_ in ("amod", "compound") and c.is_lower and c is not owner)
    return _Nominal(subject, modifiers, owner, definite, kind)


def _set_off(noun: Token) -> bool:
    return noun.i + 1 < len(noun.doc) and noun.nbor(1).text == ","


def _fold(word: str) -> str:
    """A word case-folded, with the British "-isation" spelt as "-ization"."""
    return word.casefold().strip("’'").replace("isation", "ization")


def _lower_words(text: str) -> set[str]:
    return {_fold(w) for w in re.findall(r"[\w’'-]+", text) if w[:1].islower()} - _STOP


@dataclass(frozen=True)
class _Described:
    """What the article sets beside an entity's mentions, anywhere in it: ``heads``, the nouns
    that say what it is (an apposition's last word, the words right before a name, the
    tagger's roles); ``words``, every lower-case word of those; ``related``, the words of a
    relative clause set beside a mention ("X, who took over the festival,")."""

    heads: frozenset[str]
    words: frozenset[str]
    related: frozenset[str]


def _words_before_name(doc: Doc, start: int, end: int) -> set[str]:
    """The lower-case words of the name's own noun phrase before it ("home skipper Rawiri
    Hohaia", "ferry operator X") and the noun a name is "of" ("the Moselle town of X")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    root = span.root
    found = {_fold(t.text) for t in doc[root.left_edge.i : span.start] if t.is_lower and t.pos_ in ("NOUN", "ADJ", "PROPN")}
    # "the coastal campaign group Kustens Röst", whichever way the parse hangs the name on the noun.
    before = span.start - 1
    while before >= 0 and doc[before].is_lower and doc[before].pos_ in ("NOUN", "ADJ"):
        found.add(_fold(doc[before].text))
        before -= 1
    # "The auctioneers, Morgan & Rees,": the noun set off right before the name, whatever the parse.
    set_off = _SET_OFF_BEFORE.search(doc.text, max(start - 60, 0), start)
    if set_off is not None:
        found.add(_fold(set_off["head"]))
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" and root.head.head.is_lower:
        found.add(_fold(root.head.head.text))
    return found


def _descriptions(entity: ArticleEntity, body: str, doc: Doc) -> _Described:
    heads: set[str] = set()
    described: set[str] = set()
    related: set[str] = set()
    for mention in entity.mentions:
        if mention.role:
            heads |= {_fold(w) for w in mention.role.split()}
        after = _AFTER.match(body, mention.char_end)
        if after is not None and not {"said", "says", "told"} & set(after["words"].split()):
            found = _lower_words(re.split(r"\s(?:who|which|that)\s", after["words"])[0])
            # "general secretary of the Nordic Transport Union": the noun before "of" says what the person is.
            last = re.findall(r"[\w’'-]+", re.split(r"\s(?:who|which|that|of|at|for)\s", after["words"])[0])
            described |= found
            if last and last[-1][:1].islower():
                heads.add(_fold(last[-1]))
        heads |= _words_before_name(doc, mention.char_start, mention.char_end)
        relative = _RELATIVE.match(body, mention.char_end)
        if relative is not None:
            related |= _lower_words(relative["words"])
    return _Described(frozenset(heads), frozenset(described | heads), frozenset(related))


def _stem_fits(noun: str, words_: set[str], derived_only: bool = False) -> bool:
    """Whether ``noun`` is one of ``words_`` or shares a long stem with one ("inspectors" and
    "inspectorate", "auction" and "auctioneers"); with ``derived_only`` only the long stem counts."""
    noun = _fold(noun)
    stem = noun[:-1] if noun.endswith("s") else noun
    if not derived_only and (noun in words_ or stem in words_):
        return True
    return any(w not in (noun, stem) and len(stem) >= 7 and (w.startswith(stem) or stem.startswith(w) and len(w) >= 7) for w in words_)


def _types_for(kind: str) -> tuple[str, ...]:
    # A festival or a games the tagger called an event speaks through its organisers ("the festival said").
    return {"person": ("PERSON",), "place": ("GPE", "ORG"), "organisation": ("ORG", "EVENT"), "voice": ("ORG", "GPE"), "other": ("PERSON", "ORG"),
            "group": ("ORG",), "unknown": ("ORG", "EVENT"), "organiser": ("ORG", "EVENT")}[kind]


def _first_subjects_after(query: SpeakerQuery, sentences: int = 3) -> list[ArticleEntity]:
    """Entities first named in the next ``sentences`` sentences after the subject's (leaving
    out sentences that open inside quotation marks), as the subject opening their sentence
    ("Rawiri Hohaia, 31, had steered ...")."""
    doc, subject = query.subject.doc, query.subject
    quoted = query.context.quoted_ranges
    found = []
    following = [s for s in doc.sents if s.start_char >= subject.sent.end_char]
    for s in [s for s in following if not any(a <= s.start_char + 1 < b for a, b in quoted)][:sentences]:
        start = s.start_char
        entity = entity_at(query.entities, start, start + 1)
        if entity is not None and min(m.char_start for m in entity.mentions) >= start:
            end = max(m.char_end for m in entity.mentions if m.char_start == start)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.root.dep_ in _SUBJECT_DEPS:
                found.append(entity)
                continue
        # "Mumbai-based Kalinga Steel Ltd said": the subject opens the sentence after words that describe it.
        subject = next((c for c in s.root.children if c.dep_ in _SUBJECT_DEPS and c.i < s.root.i), None)
        if subject is None or doc[subject.left_edge.i].idx != start:
            continue
        entity = entity_at(query.entities, subject.idx, subject.idx + len(subject))
        if entity is not None and min(m.char_start for m in entity.mentions) >= start and any(m.char_start <= subject.idx < m.char_end for m in entity.mentions):
            found.append(entity)
    return found


def _next_sentence_opens_with(entity: ArticleEntity, query: SpeakerQuery) -> bool:
    """Whether the first sentence after the subject's (outside quotes) opens with ``entity``,
    or with its subject phrase ("Mumbai-based Kalinga Steel Ltd")."""
    quoted = query.context.quoted_ranges
    following = [s for s in query.subject.doc.sents if s.start_char >= query.subject.sent.end_char and not any(a <= s.start_char + 1 < b for a, b in quoted)]
    if not following:
        return False
    first = following[0]
    if any(m.char_start == first.start_char for m in entity.mentions):
        return True
    subject = next((c for c in first.root.children if c.dep_ in _SUBJECT_DEPS and c.i < first.root.i), None)
    return subject is not None and subject.left_edge.idx == first.start_char and any(m.char_start <= subject.idx < m.char_end for m in entity.mentions)


def _company_of_the_story(query: SpeakerQuery) -> ArticleEntity | None:
    """The company that made a filing nobody is named as making: of the organisations named
    before the quote (no ministry, court, regulator, exchange or the dateline's agency; a name
    the article describes with an organisation's noun is one, whatever the tagger said), the
    one the evidence favours: named in the quote's sentence (2), named more often than any
    other (2), named in the sentence before (1); 3 or more, ahead of every other."""
    doc = query.subject.doc
    sentence = query.subject.sent
    before = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    companies = [
        e for e in query.entities
        if (e.entity_type == "ORG" or _descriptions(e, query.body, doc).heads & ORGANISATION_HEADS)
        and speakers.named_before(e, query.body, sentence.end_char) and not any(m.repaired_by == "dateline" for m in e.mentions)
        and not speakers.NON_COMPANY_WORDS & set(e.canonical_name.casefold().replace("'", " ").split())
        and "exchange" not in e.canonical_name.casefold()
    ]
    counts = sorted((len(e.mentions) for e in companies), reverse=True)
    scored = []
    for entity in companies:
        score = 2 * any(sentence.start_char <= m.char_start < sentence.end_char for m in entity.mentions)
        score += 2 * (len(entity.mentions) == counts[0] and (len(counts) == 1 or counts[1] < counts[0]))
        score += any(before.start_char <= m.char_start < before.end_char for m in entity.mentions) and before != sentence
        scored.append((score, entity))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if not scored or scored[0][0] < 3 or len(scored) > 1 and scored[1][0] >= scored[0][0]:
        return None
    return scored[0][1]


def _owner_entity(owner: Token, query: SpeakerQuery) -> ArticleEntity | None:
    """The organisation or place an owner word stands for: a name ("NBA"), "its" (the last
    organisation named before outside quotes, in the paragraph or the sentence before), or a
    common noun ranked as a subject phrase of its own ("the town", "the festival")."""
    if owner.pos_ == "PROPN":
        return entity_at(query.entities, owner.idx, owner.idx + len(owner))
    if owner.lower_ == "its":
        doc = owner.doc
        start = doc[max(owner.sent.start - 1, 0)].sent.start_char
        quoted = query.context.quoted_ranges
        # The last organisation named, else the last place: "X will close its plant in Avilés,
        # its parent company said" is X's, not the town's.
        last: dict[str, tuple[int, ArticleEntity]] = {}
        for entity in query.entities:
            if any(m.repaired_by == "dateline" for m in entity.mentions) or entity.entity_type not in ("ORG", "GPE"):
                continue
            for m in entity.mentions:
                if start <= m.char_start and m.char_end <= owner.idx and not any(a <= m.char_start < b for a, b in quoted):
                    kind = entity.entity_type
                    if kind not in last or m.char_start > last[kind][0]:
                        last[kind] = (m.char_start, entity)
        found = last.get("ORG") or last.get("GPE")
        return found[1] if found is not None else None
    if owner.pos_ != "NOUN":
        return None
    # "a timeline the company published": the one company the story is about, as "the company said" is.
    company = speakers.the_one_company_of(owner, query.entities, query.quote_start, query.body)
    if company is not None:
        return company
    kind = _kind(owner.lower_)
    if kind not in ("place", "organisation", "other", "unknown"):
        return None
    owned = _Nominal(owner, frozenset(c.lower_ for c in owner.children if c.dep_ in ("amod", "compound") and c.is_lower), None, True,
                     "organisation" if kind in ("other", "unknown") else kind)
    return _rank(owned, query, _types_for(owned.kind))


def _reported_subject(query: SpeakerQuery) -> ArticleEntity | None:
    """The entity that is the subject of the reported clause before a postposed attribution
    ("Bernkastel-Kues will hold its festival ..., a spokeswoman for the town said")."""
    token = speakers.reported_clause_subject(query.subject, query.quote_start)
    return entity_at(query.entities, token.idx, token.idx + len(token)) if token is not None else None


def _name_heads(entity: ArticleEntity) -> set[str]:
    """The words that say what kind of thing a name is: its last word ("Göta Film Festival"),
    the word before its first "of"/"for" ("Ministry of Health", "Schools Inspectorate for
    Wales"), for the canonical name and every mention; a word inside a headline taken for a
    name ("Washington Post Hit Piece Exploits ...") is not one."""
    heads = set()
    for name in {entity.canonical_name, *(m.text for m in entity.mentions)}:
        tokens = [_fold(w) for w in re.findall(r"[\w’'-]+", name)]
        if tokens:
            heads.add(tokens[-1])
            heads.update(tokens[i - 1] for i, w in enumerate(tokens) if w in ("of", "for") and i > 0)
    return heads


def _score(nominal: _Nominal, entity: ArticleEntity, query: SpeakerQuery, clues: tuple[list[ArticleEntity], ArticleEntity | None, ArticleEntity | None], owner: ArticleEntity | None) -> int:
    """The evidence that the phrase stands for ``entity`` (see the module's docstring)."""
    subjects_after, reported_subject, earlier = clues
    head = nominal.head.lower_
    body = query.body
    name_words = _name_heads(entity)
    all_name_words = {_fold(w) for name in {entity.canonical_name, *(m.text for m in entity.mentions)} for w in re.findall(r"[\w’'-]+", name)}
    if nominal.kind == "organiser":
        # "the organisers said": the event the article names most ("the Torrens Theatre Festival"), as an organisation.
        events = [e for e in query.entities if e.entity_type in ("ORG", "EVENT") and _fold(e.canonical_name.split()[-1]) in _EVENT_WORDS]
        # "The festival's Golden Lantern Awards" are part of the festival, which the organisers run.
        kinds = {_fold(e.canonical_name.split()[-1]): e for e in events}
        events = sorted((e for e in events if not any(k in _descriptions(e, body, nominal.head.doc).words and other is not e for k, other in kinds.items())),
                        key=lambda e: len(e.mentions), reverse=True)
        top = bool(events) and events[0] is entity and (len(events) == 1 or len(events[1].mentions) < len(entity.mentions))
        return 3 if top and nominal.definite else 0
    if nominal.kind == "group":
        return 3 if _stem_fits(head, name_words, derived_only=True) and entity.entity_type != "PERSON" else 0
    described = _descriptions(entity, body, nominal.head.doc)
    if nominal.kind == "unknown":
        # "the orchestra", "the zoo": a noun the resolver knows nothing of counts only in the
        # organisation's name or as the noun the article described it with.
        known = set(described.heads) | name_words
        fits = _stem_fits(head, known) or any(_stem_fits(m, known, derived_only=True) for m in nominal.modifiers)
        modifiers_fit = all(_stem_fits(m, set(described.words) | all_name_words) for m in nominal.modifiers)
        score = 3 if fits and entity.entity_type != "PERSON" and modifiers_fit else 0
        return score + (3 if entity is clues[2] else 0)
    if nominal.kind == "organisation" and not nominal.definite:
        # A lead's "a government inquiry said": new to the article, so only what names it next counts.
        named_next = entity in subjects_after[:1] and _next_sentence_opens_with(entity, query)
        return 3 if named_next and not any(m.char_end <= query.quote_start for m in entity.mentions) else 0
    if owner is entity and nominal.owner is not None and nominal.owner.lower_ == "its":
        return 0  # "its parent company", "its rival": another organisation than the one "its" is
    everything = described.words | described.related | all_name_words
    score = 0
    if _stem_fits(head, name_words) and entity.entity_type != "PERSON":
        score += 4  # "the festival" for the Göta Film Festival, over "X, the festival's sponsor"
    elif _stem_fits(head, set(described.heads)) or any(_stem_fits(m, set(described.heads) | name_words, derived_only=True) for m in nominal.modifiers):
        # "the national statistics office" is another office than the one described otherwise
        score += 3 if nominal.modifiers <= everything else 2
    if nominal.owner is not None and nominal.owner.pos_ == "NOUN" and _fold(nominal.owner.lower_) in described.words | described.related:
        score += 2
    if owner is not None and owner is not entity and any(_fold(w) in described.words | described.related for w in owner.canonical_name.split()):
        score += 1
    if entity in subjects_after and not any(m.char_end <= query.quote_start for m in entity.mentions):
        score += 3 if subjects_after.index(entity) == 0 and _next_sentence_opens_with(entity, query) else 1
    if entity is reported_subject:
        score += 2
    if entity is earlier:
        score += 3
    if nominal.kind == "place":
        score += 1  # a place's noun fits a place or its administration
    return score


def _earlier_same_noun(nominal: _Nominal, query: SpeakerQuery, types: tuple[str, ...]) -> ArticleEntity | None:
    """What the same noun stood for as an earlier subject, by this evidence ("the regional
    water utility said ... Aguas Serenenses SA said ... the utility recalled"), outside quotes."""
    subject = nominal.head
    quoted = query.context.quoted_ranges
    for token in reversed(subject.doc[: subject.i]):
        if token.lower_ != subject.lower_ or token.dep_ not in _SUBJECT_DEPS or any(a <= token.idx < b for a, b in quoted):
            continue
        earlier = _read(token)
        if earlier is None or not earlier.definite:
            continue
        start = token.sent.start_char
        found = _rank(earlier, SpeakerQuery(token, query.context, start if start < token.idx else token.idx, query.document_source), types, first=False)
        if found is not None:
            return found
    return None


def _rank(nominal: _Nominal, query: SpeakerQuery, types: tuple[str, ...], owner: ArticleEntity | None = None, first: bool = True) -> ArticleEntity | None:
    """The entity the evidence clearly favours: a score of 3 or more, ahead of every other
    (``first``: also by what the same noun stood for as an earlier subject)."""
    earlier = _earlier_same_noun(nominal, query, types) if first and nominal.definite else None
    clues = (_first_subjects_after(query) if nominal.definite or nominal.kind == "organisation" else [], _reported_subject(query), earlier)
    scored = []
    for entity in query.entities:
        if any(m.repaired_by == "dateline" for m in entity.mentions):
            continue
        # "Biscuit, a comedian" is a person whatever the tagger called the name.
        mistyped = nominal.kind == "person" and entity.entity_type == "ORG" and _fold(nominal.head.lower_) in _descriptions(entity, query.body, nominal.head.doc).heads
        if entity.entity_type not in types and not mistyped:
            continue
        score = _score(nominal, entity, query, clues, owner)
        if score:
            scored.append((score, entity))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if not scored or scored[0][0] < 3 or len(scored) > 1 and scored[1][0] >= scored[0][0]:
        return None
    return scored[0][1]


@rule(Example("“We did not ask the band to leave,” said the festival's artistic director.\n\nThe fees rose this year.\n\n"
              "Rosalind Tierney, who took over the festival in 2023, said she had called donors.", "Rosalind Tierney",
              "the owner's noun in the relative clause beside the person named after"),
      Example("Bernkastel-Kues will hold its wine festival in October, a spokeswoman for the town said.", "Bernkastel-Kues",
              "the place that is the reported clause's subject"),
      Example("Water will be cut in La Serena from Monday, the regional water utility said. Aguas Serenenses SA said hospitals "
              "would be spared.", "Aguas Serenenses SA", "named first as the next sentence's subject"),
      Example("Inspectors have put Ravenhill School in special measures. The report by the Schools Inspectorate for Wales said "
              "teaching was poor. Inspectors said behaviour had deteriorated.", "Schools Inspectorate for Wales"),
      Example("Nordvik Air cancelled 40 flights on Monday as pilots went on strike. Nordvik Air is owned by Saimaa Capital. The airline "
              "lost 14 million euros in the first quarter, according to a filing with the stock exchange.", "Nordvik Air",
              "a filing with no maker named: the company the story is about"),
      Example("The Torrens Theatre Festival lost its main sponsor. The prizes will still be presented on March 21, the organisers said.",
              "Torrens Theatre Festival", "the event named most: its organisers speak for it"),
      Example("Maria Lind, general secretary of the Nordic Transport Union, met managers on Monday. The union's general secretary said "
              "the offer was too low.", "Maria Lind", "a role set after a name without an article, its noun before 'of'"),
      Example("Harwick Foods Ltd recalled the cheese, according to a notice posted in its shops.", "Harwick Foods Ltd",
              "the owner of the place the words were put"),
      Example("The mine was approved on Tuesday, the company behind the project said.\n\nSilver Basin Lithium Corp said work would start in May.",
              "Silver Basin Lithium Corp", "a company with words after it that say which"),
      Example("Bills will rise again, a consumer group said on Monday.\n\nThe Water Customers' Council wants the money paid back.",
              "Water Customers' Council", "an indefinite organisation: the one the next sentence opens with"),
      Example("The fine should go to customers, a consumer group said. Harwick Water said it would appeal.", None,
              "a next sentence whose opener is named before is no introduction"),
      Example("The Zagreb Fire Brigade sent 60 firefighters. The blaze was under control at 4:05 a.m., according to a timeline the brigade "
              "posted on its Facebook page.", "Zagreb Fire Brigade", "who posted the document"),
      Example("Shops giving out bags will be fined, according to a notice on the state government's website. The Penang State Government "
              "announced the ban in March.", "Penang State Government", "the owner of the page the notice is on"),
      Example("Trains were cancelled across Finland. “I have no way to get there,” one passenger said.", None,
              "an unnamed person stays as written"),
      Example("The Harwick Council cut library hours. Residents said they had not been consulted.", None,
              "a vague group stays as written"))
def nominal_by_evidence(query: SpeakerQuery) -> Speaker | None:
    """A common-noun subject no rule before it resolved ("the festival's artistic director",
    "a spokeswoman for the town", "the regional water utility", "Its website"): the entity
    the article's evidence clearly favours (see this module's docstring): a person for a
    role noun, an organisation or place for its noun, the event named most for "the
    organisers", the owner for a spokesperson,
    document, website or figures, and for a filing with no maker named the company the
    story is about (``_company_of_the_story``).

    Notes:
        Names nobody unless one entity scores 3 or more and more than any other; unnamed
        people ("one passenger", "a colleague") and vague groups ("residents", "some
        visitors", "analysts") are never resolved; "his office" (a person's) is left as written.
    """
    nominal = _read(query.subject)
    if nominal is None:
        return None
    if nominal.kind == "voice":
        if nominal.owner is None and nominal.head.lower_ in _FILING_NOUNS:
            entity = _company_of_the_story(query)
            return _named(entity, nominal_by_evidence.name) if entity is not None else None
        if nominal.owner is None or nominal.owner.lower_ in ("his", "her", "their"):
            return None
        entity = _owner_entity(nominal.owner, query)
        if entity is None or entity.entity_type not in ("ORG", "GPE", "EVENT"):
            return None
        return _named(entity, nominal_by_evidence.name)
    owner = _owner_entity(nominal.owner, query) if nominal.owner is not None and (nominal.owner.pos_ == "NOUN" or nominal.owner.lower_ == "its") else None
    entity = _rank(nominal, query, _types_for(nominal.kind), owner)
    return _named(entity, nominal_by_evidence.name) if entity is not None else None
