"""Entity mentions from the spaCy NER, repaired by rules, then grouped per article into entities.

One ``ArticleEntity`` per real-world thing in the article, with the fullest proper name as its
canonical name and every mention (full name, surname, title + surname, nominal title) on it.

Notes:
    Not handled here: coreference of pronouns (quotes resolve "he" themselves), aliases that
    the text does not define (``Modi`` / ``Narendra Modi`` in different articles), and
    people whose surname is shared by two full names in one article (the surname joins the
    nearest full name before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from transforms.doc_text import doc_text, doc_tokens

from transforms.entities.aliases import AliasMap, alias_key
from transforms.entities.joins import join_entities
from transforms.run.ids import stable_id
from transforms.lexicon import BUILDING_WORDS, COMPANY_DESCRIPTORS, EVENT_WORDS, GEO_FEATURE_WORDS, GOVERNMENT_BODY_WORDS, NON_ENTITY_ACRONYMS, STREET_WORDS, SURNAME_LIKE_BUILDING_WORDS, HOLDING_NOUNS, HONORIFICS, KNOWN_ORGS, OFFICE_WORDS, ORG_NOUNS, ORG_SUFFIXES, PLACE_PREPOSITIONS, REPORTING_VERB_FORMS, STORM_WORDS, TITLE_WORDS
from transforms.entities.places import is_country, known_place

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
_LEADING_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Names whose capitalised "The" is part of the name.
_NAMES_WITH_THE = frozenset({"The Hague", "The Gambia", "The Bahamas"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’()[]{}-–—"
# Bounded words (at most 12, of at most 41 characters): an unbounded long form backtracked
# quadratically over long capitalised stretches (a 60,000-character token took 44 s).
_ACRONYM_DEFINITION = re.compile(r"(?P<long>(?:[A-Z][\w&-]{0,40}\s+)(?:(?:of|for|and|the|&)\s+|[A-Z][\w&-]{0,40}\s+){0,10}[A-Z][\w&-]{0,40})\s+\((?P<short>[A-Z][A-Z&.]{1,9})\)")


@dataclass(frozen=True)
class Mention:
    """One mention of an entity; ``body[char_start:char_end] == text``."""

    char_start: int
    char_end: int
    text: str
    label: str
    role: str | None = None


@dataclass
class ArticleEntity:
    """An entity as one article mentions it."""

    canonical_name: str
    entity_type: str
    mentions: list[Mention] = field(default_factory=list)
    aliased_from: set[str] = field(default_factory=set)  # names the alias file replaced

    @property
    def entity_id(self) -> str:
        return entity_id_for(self.canonical_name, self.entity_type)

    def alias_names(self) -> dict[str, str]:
        """Other names this entity goes by in the article: {name: "text" | "alias_file"}."""
        names = {name: "alias_file" for name in self.aliased_from}
        for mention in self.mentions:
            if mention.text != self.canonical_name and mention.role != mention.text:
                names.setdefault(mention.text, "text")
        return names

    @property
    def roles(self) -> list[str]:
        return [m.role for m in self.mentions if m.role]


def entity_id_for(canonical_name: str, entity_type: str) -> str:
    """The id of an entity in every article and every run: type plus case-folded name."""
    return stable_id(entity_type, " ".join(canonical_name.casefold().split()))


def _is_title_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in TITLE_WORDS


def _is_office_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in OFFICE_WORDS or _is_title_word(token)


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_initialism_dot(body: str, start: int, end: int) -> bool:
    # The last dot of "U.S." or "U.K." belongs to the name.
    return body[end - 1] == "." and end - start >= 4 and body[end - 3] == "." and body[end - 2].isalpha()


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Trim a mention: no leading article, no possessive 's, no edge punctuation or spaces."""
    while True:
        before = (start, end)
        while start < end and body[start] in _EDGE_PUNCT:
            start += 1
        while end > start and body[end - 1] in _EDGE_PUNCT and not _is_initialism_dot(body, start, end):
            end -= 1
        possessive = _POSSESSIVE.search(body[start:end])
        if possessive and end - start > len(possessive[0]):
            end -= len(possessive[0])
        opening = body.find("(", start, end)
        if opening > start and body.find(")", opening, end) < 0:
            end = opening  # "World Health Organization (WHO": the acronym is its own mention
        first_word = body[start:end].split(" ", 1)[0]
        if first_word.lower() in _LEADING_WORDS and " " in body[start:end] and body[start:end] not in _NAMES_WITH_THE:
            start += len(first_word) + 1
        if (start, end) == before:
            return start, end


@dataclass(frozen=True)
class _TitledName:
    role_start: int
    role_end: int
    name_start: int
    name_end: int
    role: str


def find_titled_names(doc: Doc) -> list[_TitledName]:
    """Find ``<title phrase> <Name>`` runs: "Union Defence Minister Rajnath Singh".

    A run is a stretch of capitalised tokens (with "of", "for", "&" inside); the name is the
    tail after the last title or office word, and the run needs at least one title word.

    Notes:
        A name made only of office words ("General Motors") is not split; a run broken by
        punctuation ("Secretary, Department of Defence") gives no name.
    """
    found: list[_TitledName] = []
    tokens = doc_tokens(doc)
    i = 0
    while i < len(tokens):
        if not (_is_capitalised(tokens[i]) or _is_title_word(tokens[i])):
            i += 1
            continue
        j = i
        while j < len(tokens) and (_is_capitalised(tokens[j]) or (tokens[j].lower_ in ("of", "for", "&") and j > i) or _is_title_word(tokens[j])):
            # "Hana Sato of Lakemont Capital": "of" after a name ends the title run; after an
            # office word ("Secretary of Defence") it stays inside.
            if tokens[j].lower_ in ("of", "for", "&") and not _is_office_word(tokens[j - 1]):
                break
            j += 1
        run = tokens[i:j]
        i = max(j, i + 1)
        last_office = max((k for k, t in enumerate(run) if _is_office_word(t)), default=-1)
        if last_office < 0 or not any(_is_title_word(t) for t in run[: last_office + 1]):
            continue
        name = run[last_office + 1 :]
        # Skip sentence-initial function words that happen to be capitalised ("On", "The").
        first = 0
        while first < last_office and not (_is_office_word(run[first]) or run[first].pos_ == "PROPN"):
            first += 1
        if not name or len(name) > 4 or any(t.ent_type_ in ("GPE", "DATE", "NORP", "LOC") for t in name):
            continue
        if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name) or name[-1].lower_ in ORG_SUFFIXES:
            continue  # "General Motors" is a company, not a general
        role_tokens = run[first : last_office + 1]
        found.append(
            _TitledName(
                role_start=role_tokens[0].idx,
                role_end=role_tokens[-1].idx + len(role_tokens[-1]),
                name_start=name[0].idx,
                name_end=_particle_tail_end(name[-1]) or _hyphenated_end(name[-1]),
                role=doc_text(doc)[role_tokens[0].idx : role_tokens[-1].idx + len(role_tokens[-1])],
            )
        )
    return found


def _hyphenated_end(token: Token) -> int:
    """Where a name ends, a hyphenated part included ("Grande-Marlaska", "Choi Sang-mok")."""
    doc = token.doc
    while (
        token.i + 2 < len(doc)
        and not token.whitespace_
        and doc[token.i + 1].text in ("-", "–")
        and not doc[token.i + 1].whitespace_
        and (_is_capitalised(doc[token.i + 2]) or (doc[token.i + 2].is_lower and doc[token.i + 2].is_alpha and len(doc[token.i + 2]) <= 6))
    ):
        token = doc[token.i + 2]
    return token.idx + len(token)


def _relabel(span: Span) -> str:
    # spaCy's small model often calls "Ministry" or "Department" a place.
    if span.label_ in ("GPE", "LOC") and span[-1].lower_ in ORG_NOUNS:
        return "ORG"
    return span.label_


def find_mentions(doc: Doc) -> list[Mention]:
    """Named mentions: NER entities, repaired with the titled-name rule, trimmed."""
    body = doc_text(doc)
    titled = find_titled_names(doc)
    mentions: list[Mention] = [
        Mention(t.name_start, t.name_end, body[t.name_start : t.name_end], "PERSON", t.role) for t in titled
    ]
    phrases = _office_org_phrases(doc) + _court_names(doc)
    mentions += [Mention(start, end, body[start:end], "ORG") for start, end in phrases]
    features = _feature_of_names(doc)
    mentions += [Mention(start, end, body[start:end], "LOC") for start, end in features]
    phrases = phrases + features
    # Spans found by our rules win over the NER's pieces of them; roles hide their office words.
    claimed = [(t.name_start, t.name_end) for t in titled] + phrases
    roles = [(t.role_start, t.role_end) for t in titled]
    speakers = _lone_speaker_words(doc)
    # Last words of people's names ("Lloyd Austin"); a "person" that is a known place
    # ("Sri Lanka") gives none.
    ents = doc.ents  # built once: each access makes new spans
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1 and known_place(e.text) is None} | speakers
    for ent in ents:
        for start, end, label in _repaired(ent, speakers, surnames):
            _add_mention(mentions, claimed, roles, body, start, end, label)
    for start, end in _bare_org_nouns(doc, mentions):
        mentions.append(Mention(start, end, body[start:end], "ORG"))
    for start, end in _suffix_org_names(doc, mentions):
        mentions.append(Mention(start, end, body[start:end], "ORG"))
    for start, end in _known_org_phrases(doc, mentions):
        mentions.append(Mention(start, end, body[start:end], "ORG"))
    for start, end, label in _untagged_names(doc, mentions, surnames):
        mentions.append(Mention(start, end, body[start:end], label))
    # A "facility" known by its initials is an organisation ("Paris Saint-Germain" ... "PSG").
    initialled = {alias_key(m.text) for m in mentions if m.label == "ORG" and m.text.isupper()}
    mentions = [
        Mention(m.char_start, m.char_end, m.text, "ORG", m.role)
        if m.label == "FAC" and any(_initials(m.text) == key.upper() for key in initialled)
        else m
        for m in mentions
    ]
    return sorted(mentions, key=lambda m: (m.char_start, m.char_end))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())


_ORG_STEMS = {noun[:6]: noun for noun in ORG_NOUNS}


def _org_noun_of(word: str) -> str | None:
    """The organisation noun a capitalised word spells, typos included ("Ministr" -> ministry)."""
    noun = _ORG_STEMS.get(word[:6].lower())  # cheapest test first: most words are no stem
    if noun is None or len(word) < 5 or not word[:1].isupper():
        return None
    return noun if _nearly(word.lower(), noun) else None


def _org_noun(token: Token) -> str | None:
    return _org_noun_of(token.text)


def _nearly(word: str, noun: str) -> bool:
    # The noun itself, cut short by a letter or two ("Ministr"), or one letter off; never a
    # different word of the same stem ("Minister", "Department's" aside).
    if word == noun or (noun.startswith(word) and len(word) >= len(noun) - 2):
        return True
    return len(word) == len(noun) and sum(a != b for a, b in zip(word, noun, strict=True)) == 1


def _office_org_phrases(doc: Doc) -> list[tuple[int, int]]:
    """"the Defence Ministry", "the Foreign Office": office words before an organisation noun
    (spelled right or nearly), which the NER often misses or cuts to the noun alone."""
    tokens = doc_tokens(doc)
    found = []
    for token in tokens:
        if _org_noun(token) is None:
            continue
        first = token.i
        while first > 0 and _is_capitalised(tokens[first - 1]) and tokens[first - 1].lower_ in OFFICE_WORDS and tokens[first - 1].lower_ not in ("the", "of", "and", "for", "&"):
            first -= 1
        start, end = tokens[first].idx, token.idx + len(token)
        # A longer name the NER found around it ("Progressive Union Party") is the better span.
        if first < token.i and not any(e.start_char <= start and end <= e.end_char and (e.start_char, e.end_char) != (start, end) and not _has_possessive(e) for e in doc.ents):
            found.append((start, end))
    return found


_FEATURE_OF_WORDS = frozenset({"bay", "gulf", "strait", "straits", "sea", "lake", "isle", "cape", "mount"})


def _feature_of_names(doc: Doc) -> list[tuple[int, int]]:
    """"the Bay of Bengal", "the Gulf of Aden", "Lake of the Woods": a natural feature named
    with "of", which the NER cuts at "of" and calls the rest a place."""
    tokens = doc_tokens(doc)
    found = []
    for token in tokens[:-2]:
        if token.lower_ not in _FEATURE_OF_WORDS or not _is_capitalised(token) or tokens[token.i + 1].lower_ != "of":
            continue
        k = token.i + 2
        if tokens[k].lower_ == "the" and k + 1 < len(tokens):
            k += 1
        end = k
        while end < len(tokens) and _is_capitalised(tokens[end]):
            end += 1
        if end > k:
            found.append((token.idx, tokens[end - 1].idx + len(tokens[end - 1])))
    return found


_COURT_WORDS = frozenset({"court", "tribunal"})


def _court_names(doc: Doc) -> list[tuple[int, int]]:
    """"the U.S. District Court for the Eastern District of Texas", "the Court of Appeals for the
    Ninth Circuit": a court's name runs on through "for"/"of" and capitalised words, where the
    NER stops at "Court" and calls the district a place."""
    tokens = doc_tokens(doc)
    found = []
    for token in tokens:
        # "the Southern District of New York": a federal district is its court and prosecutors.
        district = token.lower_ == "district" and token.i > 0 and tokens[token.i - 1].lower_ in _COMPASS_WORDS and _is_capitalised(tokens[token.i - 1])
        if district and any(t.lower_ in _COURT_WORDS for t in tokens[max(0, token.i - 6) : token.i]):
            continue  # "the District Court for the Eastern District of Texas" is one name
        if (token.lower_ not in _COURT_WORDS and not district) or not _is_capitalised(token):
            continue
        first = token.i
        while first > 0 and (_is_capitalised(tokens[first - 1]) or tokens[first - 1].text in (".",)) and tokens[first - 1].lower_ not in _LEADING_WORDS:
            first -= 1
        end = token.i + 1
        while end + 1 < len(tokens) and tokens[end].lower_ in ("for", "of"):
            k = end + 1
            if tokens[k].lower_ == "the":
                k += 1
            if k >= len(tokens) or not _is_capitalised(tokens[k]):
                break
            while k < len(tokens) and _is_capitalised(tokens[k]):
                k += 1
            end = k
        if end > token.i + 1:
            found.append((tokens[first].idx, tokens[end - 1].idx + len(tokens[end - 1])))
    return found


def _has_possessive(span: Span) -> bool:
    return any(t.lower_ in ("'s", "’s") for t in span)


def _bare_org_nouns(doc: Doc, mentions: list[Mention]) -> list[tuple[int, int]]:
    """"the Ministry" after "the Defence Ministry" was named: a mention of it, even where the
    NER tags nothing (joined to its organisation by ``_join_bare_org_nouns``)."""
    owners = {_org_noun_of(m.text.split()[-1]) for m in mentions if m.label == "ORG" and len(m.text.split()) > 1}
    found = []
    tokens = doc_tokens(doc)
    for token in tokens:
        noun = _org_noun(token)
        if noun is None or noun not in owners or token.i == 0 or tokens[token.i - 1].lower_ != "the":
            continue
        if not any(m.char_start <= token.idx < m.char_end for m in mentions):
            found.append((token.idx, token.idx + len(token)))
    return found


def _suffix_org_names(doc: Doc, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Capitalised names ending in an organisation word that the NER missed ("Japan's
    Self-Defense Forces", "the Lowland Water Authority"): the capitalised run before the word.

    Notes:
        Not handled: a run that opens a sentence takes its first word along ("Shares Bank" is
        not a name, but "Analysts Institute" in a headline would be taken).
    """
    tokens = doc_tokens(doc)
    found = []
    for token in tokens:
        if token.lower_ not in ORG_SUFFIXES or not _is_capitalised(token) or token.ent_type_:
            continue
        first = token.i
        while first > 0:
            before = tokens[first - 1]
            if _is_capitalised(before) and before.lower_ not in _LEADING_WORDS:
                first -= 1
            elif before.text in ("-", "–") and first > 1 and _is_capitalised(tokens[first - 2]):
                first -= 2  # "Self-Defense"
            else:
                break
        opens_with_place = any(known_place(" ".join(t.text for t in tokens[first : first + n])) is not None for n in (1, 2) if first + n < token.i)
        if first == token.i or (tokens[first].is_sent_start and not opens_with_place):
            continue  # "Shares Bank" opening a sentence is no name; "Los Angeles Fire Department" is
        start, end = tokens[first].idx, token.idx + len(token)
        if not any(m.char_start < end and start < m.char_end for m in mentions):
            found.append((start, end))
    return found


def _untagged_names(doc: Doc, mentions: list[Mention], surnames: set[str]) -> list[tuple[int, int, str]]:
    """Prominent places the NER tagged as nothing ("Bucharest schools"): countries, continents,
    states and provinces, cities of a million people; and international bodies known by name
    ("on the Nasdaq").

    Notes:
        Only capitalised proper nouns outside every other mention; a place name that is a
        surname in the article is left to the person.
    """
    tokens = doc_tokens(doc)
    covered = [(m.char_start, m.char_end) for m in mentions]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.pos_ != "PROPN" or not _is_capitalised(token) or token.ent_type_ or any(s <= token.idx < e for s, e in covered):
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].pos_ == "PROPN" and _is_capitalised(tokens[j]) and not tokens[j].ent_type_:
            j += 1
        # The whole capitalised run must be the name: "Santiago" in "Santiago Bernabéu" is not.
        run = tokens[i:j]
        text = " ".join(t.text for t in run)
        place = known_place(text)
        label = "ORG" if alias_key(text) in KNOWN_ORGS or _after_company_descriptor(run[0]) else (place.label if place is not None and place.prominent else None)
        if label is None and len(run) == 1 and (long_form := _initialism_of(run[0], mentions)) is not None:
            label = "ORG" if long_form.label == "FAC" else long_form.label  # "PSG" after "Paris Saint-Germain"
        if label is not None and run[-1].text not in surnames:
            found.append((run[0].idx, run[-1].idx + len(run[-1]), label))
        i = j
    return found


_COMPASS_WORDS = frozenset({"western", "eastern", "northern", "southern", "central", "middle"})
_NATIONALITY_ENDINGS = ("ian", "ean", "ese", "ish", "ani", "eni")


_EVENT_NAMES = frozenset({"oscars", "emmys", "grammys", "baftas", "olympics", "paralympics"})
_NUMBERED_EVENT = re.compile(r"(?:COP|G)\d{1,2}$")


def _is_event_name(words: list[Token]) -> bool:
    last = words[-1]
    if len(words) == 1:
        return last.lower_ in _EVENT_NAMES or (last.text.startswith("COP") and _NUMBERED_EVENT.match(last.text) is not None)
    return _is_capitalised(last) and last.lower_ in EVENT_WORDS


_NAME_PARTICLES = frozenset("da de do dos das del della di du van von der bin ibn al el".split())


def _particle_tail_end(token: Token) -> int | None:
    """End of "da Silva" / "do Sul" / "al-Burhan" after a name's last token, or None."""
    doc = token.doc
    k = token.i + 1
    while k < len(doc) and doc[k].lower_ in _NAME_PARTICLES and doc[k].is_lower:
        # "al-Burhan": the particle joined to the name by a hyphen
        k += 2 if k + 1 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_ else 1
    if k == token.i + 1 or k >= len(doc) or not _is_capitalised(doc[k]):
        return None
    return doc[k].idx + len(doc[k])


def _joined_place(ent: Span) -> tuple[int, int, str] | None:
    """A place name the NER cut in two ("South-east" + "Asia"): the whole, when the gazetteer
    knows it and the part after is capitalised."""
    doc = ent.doc
    if ent.end >= len(doc) or not _is_capitalised(doc[ent.end]):
        return None
    end = doc[ent.end].idx + len(doc[ent.end])
    place = known_place(doc_text(doc)[ent.start_char : end])
    return (ent.start_char, end, place.label) if place is not None and known_place(ent.text) is None else None


def _with_particle_tail(ent: Span, label: str) -> tuple[int, int, str] | None:
    """A name going on through lower-case particles where the NER cut it: "Luiz Inácio Lula
    da Silva" (a person), "Rio Grande do Sul" (a place when the gazetteer knows the whole)."""
    end = _particle_tail_end(ent[-1])
    if end is None:
        return None
    place = known_place(doc_text(ent.doc)[ent.start_char : end])
    if place is not None:
        return (ent.start_char, end, place.label)
    return (ent.start_char, end, "PERSON") if label == "PERSON" else None


# Words before a pair of companies ("pressure from Anthropic and Meta Platforms").
_LIST_PREPOSITIONS = frozenset("from between including like against versus with over by".split())


def _coordinated_orgs(words: list[Token]) -> list[tuple[int, int, str]] | None:
    """"(pressure from) Anthropic and Meta Platforms" -> two organisations, after a preposition of
    lists only; "Customs and Border Protection" opening a clause, "Department of Water and Power"
    (an "of" before the "and"), "Food and Drug Administration" (one body word at the end) and
    "Johnson & Johnson" stay one."""
    ands = [i for i, w in enumerate(words) if w.lower_ == "and"]
    if len(ands) != 1 or any(w.lower_ in ("of", "for") for w in words):
        return None
    before = words[0].doc[words[0].i - 1] if words[0].i > 0 else None
    if before is None or before.lower_ not in _LIST_PREPOSITIONS:
        return None  # "Customs and Border Protection recorded ...": one agency
    left, right = words[: ands[0]], words[ands[0] + 1 :]
    if not left or not right or not all(_is_capitalised(w) for w in left + right):
        return None
    heads = ORG_SUFFIXES | GOVERNMENT_BODY_WORDS
    if right[-1].lower_ in heads and left[-1].lower_ not in heads:
        return None  # "Food and Drug Administration": the "and" joins what the body is of
    return [(left[0].idx, left[-1].idx + len(left[-1]), "ORG"), (right[0].idx, right[-1].idx + len(right[-1]), "ORG")]


def _country_and_body(words: list[Token]) -> list[tuple[int, int, str]] | None:
    """"US Senate" -> "US" (GPE) + "Senate" (ORG): a country's abbreviation before a government
    body, unless the body's own initials take the country in ("UK Health Security Agency
    (UKHSA)"); a full country name leads official names ("Japan Meteorological Agency")."""
    while words and words[0].lower_ in _LEADING_WORDS:
        words = words[1:]
    if len(words) < 2:
        return None
    after = doc_text(words[0].doc)[words[-1].idx + len(words[-1]) :][:12]
    defined = re.match(r"\s*\(([A-Z]{2,10})\)", after)
    country, body = words[0], words[1:]
    letters = country.text.replace(".", "")
    # Only "US"/"UK": "Japan Meteorological Agency" and "Kenya National Commission" are names.
    if not (letters.isupper() and len(letters) <= 3 and is_country(country.text)) or (defined and defined[1].startswith(letters)):
        return None
    if body[-1].lower_ in GOVERNMENT_BODY_WORDS and _is_capitalised(body[0]):
        return [(country.idx, country.idx + len(country), "GPE"), (body[0].idx, body[-1].idx + len(body[-1]), "ORG")]
    return None


def _after_shares_of(token: Token) -> bool:
    """"Shares of Newmont rose": what has shares is a company."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].lower_ in ("of", "in") and doc[token.i - 2].lower_ in ("shares", "stock", "stake")


def _after_company_descriptor(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ in COMPANY_DESCRIPTORS and token.doc[token.i - 1].is_lower


def _known_org_phrases(doc: Doc, mentions: list[Mention]) -> list[tuple[int, int]]:
    """International bodies known by a name of several words that the NER misses ("the Group
    of Seven"), written with capitals, outside every other mention."""
    body = doc_text(doc)
    found = []
    for match in _KNOWN_ORG_PATTERN.finditer(body):
        start, end = match.span()
        if body[start].isupper() and not any(m.char_start < end and start < m.char_end for m in mentions):
            found.append((start, end))
    return found


_KNOWN_ORG_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted((n for n in KNOWN_ORGS if " " in n), key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _initialism_of(token: Token, mentions: list[Mention]) -> Mention | None:
    """The one mention of several words whose initials the all-capitals token spells ("PSG"
    for "Paris Saint-Germain")."""
    letters = token.text
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return None
    fits = {
        m.text: m
        for m in mentions
        if m.label in ("ORG", "FAC", "GPE") and _initials(m.text) == letters and " " in m.text.replace("-", " ")
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def _lone_speaker_words(doc: Doc) -> set[str]:
    """One-word subjects of reporting verbs ("Alves said"): surnames of people."""
    return {
        t.text
        for t in doc_tokens(doc)
        if t.dep_ == "nsubj" and t.pos_ in ("PROPN", "NOUN") and _is_capitalised(t) and t.head.lower_ in REPORTING_VERB_FORMS and not list(t.children)
    }


def _is_place_object(token: Token) -> bool:
    if token.dep_ == "conj":
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in PLACE_PREPOSITIONS and not _after_holding_noun(prep)


def _after_holding_noun(prep: Token) -> bool:
    # "a stake in Vodafone": the parser may hang "in" on the verb, so look at the words too.
    before = prep.doc[max(0, prep.i - 2) : prep.i]
    return prep.head.lower_ in HOLDING_NOUNS or any(t.lower_ in HOLDING_NOUNS for t in before)


def _repaired(ent: Span, speakers: set[str], surnames: frozenset[str] | set[str] = frozenset()) -> list[tuple[int, int, str]]:
    """The NER's known news errors, fixed by cheap general rules (each tested):

    - "Storm Dagny" tagged PERSON is an EVENT;
    - a "person" whose last word is an organisation's ("Lakemont Capital") is an ORG;
    - "Westbrook and Millbrook" tagged as one name is two, and one-word names after a place
      preposition ("prices in Brightwater", not "a stake in Vodafone") tagged ORG are places,
      and so is a one-word "person" coordinated there with a place ("in Dunmore and Ashford");
    - "St. Anne" + "'s Hospital" is the organisation "St. Anne's Hospital";
    - a two- or three-word "product" or "work" whose last word speaks alone elsewhere
      ("Ines Alves" ... "Alves said") is a PERSON;
    - a name ending in a natural feature ("Burrard Inlet"), or followed by one in lower case
      ("the Dadia forest"), is a LOC, and one ending in a building word ("Parliament House") a
      FAC, not the organisation inside;
    - a one-word "person" after a place preposition ("near Darwin") is a place unless the word is
      someone's surname in the article;
    - a known place (``transforms.entities.places``: countries, continents, states and provinces, large
      cities) tagged a person, an organisation or a nationality is a place ("Sri Lanka"),
      except a person's surname and names ending in an organisation word; an international
      body known by name ("Unicef", "Nasdaq") is an organisation;
    - "Romania's Health Ministry" is the country and its ministry;
    - a name in apposition to a title ("its chair, Marcus Bell") is a person;
    - an "organisation" that is one adjective ("Indigenous communities") is no name, and a
      "person" in capitals ("SNPL") an organisation;
    - a name after a company descriptor ("Japanese drugmaker Takeda") is an organisation, and
      "Western" before a common noun ("Western assets") a nationality-like adjective, no place;
    - "Trump Tower" tagged a person is a FAC (not for "House", "Field", "Bridge": surnames too);
    - "the Academy Awards", "the Oscars", "COP29" are events; "US Senate" is the country and
      its senate (an abbreviated country before a government body only, and not when the
      body's initials take the country in: "UK Health Security Agency (UKHSA)"); "the Congress
      party" is "Congress"; "Lula da Silva" and "Rio Grande do Sul" go on through "da"/"do";
    - "South-east" + "Asia" cut apart is one region when the gazetteer knows the whole; a
      mosque, temple or synagogue is a FAC;
    - "Anthropic and Meta Platforms" is two companies (not "Food and Drug Administration"),
      "CCTV" no name, "iPhone" a product, "10 Downing Street" a facility, "the Rameshwaram
      Cafe" (a facility ending in an organisation word) the organisation that runs it.

    Notes:
        A company named like a town after "in" ("sales in Shell") stays a wrong GPE; "the White
        House" stays the organisation news means by it.
    """
    label = _relabel(ent)
    words = [t for t in ent if not t.is_punct]
    if not words:
        return []
    if label in ("PERSON", "GPE", "FAC", "PRODUCT", "NORP", "WORK_OF_ART") and (_after_company_descriptor(words[0]) or _after_shares_of(words[0])):
        return [(ent.start_char, ent.end_char, "ORG")]  # "Japanese drugmaker Takeda"
    if label in ("GPE", "LOC") and (joined := _joined_place(ent)) is not None:
        return [joined]  # "South-east" + "Asia" tagged apart: one region
    if label in ("PERSON", "GPE", "LOC", "NORP", "ORG") and (extended := _with_particle_tail(ent, label)) is not None:
        return [extended]  # "Lula da Silva", "Rio Grande do Sul"
    if len(words) == 1 and words[0].text.upper() in NON_ENTITY_ACRONYMS:
        return []  # "CCTV footage", "GDP": capitals, but no name
    if len(words) == 1 and words[0].text[:1].islower() and words[0].text[1:2].isupper():
        return [(ent.start_char, ent.end_char, "PRODUCT")]  # "the iPhone"
    if label == "FAC" and len(words) > 1 and words[-1].lower_ in ORG_SUFFIXES:
        return [(ent.start_char, ent.end_char, "ORG")]  # "the Rameshwaram Cafe", "St. Mary's Hospital": who runs it
    if label in ("PERSON", "ORG") and len(words) > 1 and words[-1].lower_ in ("north", "south", "east", "west", "central") and known_place(" ".join(w.text for w in words[:-1])) is not None:
        return [(ent.start_char, ent.end_char, "GPE")]  # "Bangalore South", a constituency
    if label in ("LOC", "GPE", "ORG") and len(words) > 1 and words[-1].lower_ in STREET_WORDS and _is_capitalised(words[-1]):
        return [(ent.start_char, ent.end_char, "FAC")]  # "10 Downing Street"
    if label in ("GPE", "NORP") and len(words) == 1 and words[0].lower_ in _COMPASS_WORDS and ent.end < len(ent.doc) and ent.doc[ent.end].is_lower:
        return [(ent.start_char, ent.end_char, "NORP")]  # "Western assets": an adjective, no place
    if label == "GPE" and len(words) == 1 and words[0].lower_.endswith(_NATIONALITY_ENDINGS) and known_place(words[0].text) is None and ent.end < len(ent.doc) and ent.doc[ent.end].is_lower:
        return [(ent.start_char, ent.end_char, "NORP")]  # "under Ukrainian control"
    if label in ("GPE", "LOC", "PERSON", "NORP", "FAC", "ORG") and len(words) == 1 and ent.end < len(ent.doc) and ent.doc[ent.end].lower_ == "party":
        return [(ent.start_char, ent.end_char, "ORG")]  # "the ruling Morena party"
    if label in ("ORG", "PERSON", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT") and _is_event_name(words):
        return [(ent.start_char, ent.end_char, "EVENT")]  # "the Academy Awards", "COP29"
    if label == "ORG" and len(words) > 1 and (split := _country_and_body(words)) is not None:
        return split  # "US National Transportation Safety Board": the country and its board
    if label == "ORG" and len(words) > 1 and words[-1].is_lower and any(_is_capitalised(w) for w in words[:-1]):
        kept = [w for w in words if not (w.is_lower and w.i > max(i for i, x in enumerate(words) if _is_capitalised(x)) + words[0].i)]
        return [(kept[0].idx, kept[-1].idx + len(kept[-1]), "ORG")]  # "the Congress party" -> Congress
    if label == "ORG" and len(words) == 1 and words[0].tag_ == "JJ":
        return []
    if label in ("PERSON", "ORG") and len(words) == 1 and words[0].tag_ == "NNS" and words[0].is_sent_start:
        return []  # "Wildfires driven by ...": a plural noun opening a sentence is no name
    if label == "PERSON" and len(words) == 1 and words[0].text.isalpha() and words[0].text.isupper() and 2 <= len(words[0].text) <= 6:
        return [(ent.start_char, ent.end_char, "ORG")]  # "SNPL": an acronym is no person
    name = re.sub(r"\s*['’]s$", "", ent.text)  # as written, hyphens kept ("the Indo-Pacific")
    if label in ("PERSON", "GPE", "NORP", "LOC") and alias_key(name) in KNOWN_ORGS:
        return [(ent.start_char, ent.end_char, "ORG")]  # "Unicef said it would..."
    possessive = next((i for i, w in enumerate(words) if w.lower_ in ("'s", "’s")), None)
    if label == "ORG" and possessive and possessive < len(words) - 1 and (owner := known_place(" ".join(w.text for w in words[:possessive]))):
        # "Romania's Health Ministry": the country and its ministry.
        return [(words[0].idx, words[possessive - 1].idx + len(words[possessive - 1]), owner.label), (words[possessive + 1].idx, ent.end_char, "ORG")]
    if label in ("ORG", "GPE", "FAC", "PRODUCT") and 2 <= len(words) <= 3 and _in_apposition_to_title(ent):
        return [(ent.start_char, ent.end_char, "PERSON")]  # "its chair, Marcus Bell"
    place = known_place(name)
    if place is not None and (label in ("PERSON", "ORG", "NORP", "FAC") or label != place.label) and words[-1].lower_ not in ORG_SUFFIXES:
        # "Sri Lanka" tagged a person: a known place, unless it is someone's surname here.
        if label not in ("PERSON", "ORG") or (place.prominent and words[-1].text not in surnames):
            return [(ent.start_char, ent.end_char, place.label)]  # a small town's name tagged an org is more likely the org ("Morena")
    last = words[-1].lower_
    if label in ("ORG", "PERSON", "FAC", "GPE", "EVENT") and last in GEO_FEATURE_WORDS and len(words) > 1:
        return [(ent.start_char, ent.end_char, "LOC")]
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if label in ("ORG", "PERSON", "GPE", "FAC") and following is not None and following.lower_ in GEO_FEATURE_WORDS and following.is_lower and not (place is not None and place.prominent):
        return [(ent.start_char, following.idx + len(following), "LOC")]  # "the Dadia forest"
    if [w.lower_ for w in words if w.lower_ not in _LEADING_WORDS] == ["white", "house"] and label in ("FAC", "GPE", "LOC"):
        return [(ent.start_char, ent.end_char, "ORG")]  # "at the White House": news means the administration
    if label in ("ORG", "GPE") and last in BUILDING_WORDS and len(words) > 1 and [w.lower_ for w in words[-2:]] != ["white", "house"]:
        return [(ent.start_char, ent.end_char, "FAC")]
    if label == "PERSON" and last in BUILDING_WORDS - SURNAME_LIKE_BUILDING_WORDS and len(words) > 1:
        return [(ent.start_char, ent.end_char, "FAC")]  # "Trump Tower" is no person; "Tom House" may be
    if label in ("ORG", "GPE", "PERSON") and following is not None and following.lower_ in BUILDING_WORDS and following.is_lower:
        return [(ent.start_char, following.idx + len(following), "FAC")]  # "Palam airport"
    if label == "PERSON" and ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text in ("-", "–") and not ent.doc[ent.end - 1].whitespace_ and not ent.doc[ent.end].whitespace_ and (_is_capitalised(ent.doc[ent.end + 1]) or ent.doc[ent.end + 1].is_lower):
        return [(ent.start_char, ent.doc[ent.end + 1].idx + len(ent.doc[ent.end + 1]), "PERSON")]  # "Grande-Marlaska", "Choi Sang-mok"
    if label == "PERSON" and len(words) == 1 and words[0].text not in surnames and _is_place_object(words[0]):
        return [(ent.start_char, ent.end_char, "GPE")]
    if label in ("PERSON", "ORG") and words[0].lower_ in STORM_WORDS and len(words) > 1:
        return [(ent.start_char, ent.end_char, "EVENT")]
    if label == "PERSON" and words[-1].lower_ in ORG_SUFFIXES:
        return [(ent.start_char, ent.end_char, "ORG")]
    if label in ("PRODUCT", "WORK_OF_ART", "FAC", "ORG") and 2 <= len(words) <= 3 and all(_is_capitalised(t) for t in words) and words[-1].text in speakers:
        return [(ent.start_char, ent.end_char, "PERSON")]
    if label == "ORG" and len(words) > 3 and (pair := _coordinated_orgs(words)) is not None:
        return pair  # "Anthropic and Meta Platforms": two companies
    if len(words) == 3 and words[1].lower_ == "and" and _is_capitalised(words[0]) and _is_capitalised(words[2]):
        place = label == "GPE" or _is_place_object(ent.root)
        if place or label in ("ORG", "PERSON"):
            return [(w.idx, w.idx + len(w), "GPE" if place else label) for w in (words[0], words[2])]
    if label == "ORG" and len(words) == 1 and words[0].lower_ not in ORG_SUFFIXES and alias_key(words[0].text) not in KNOWN_ORGS and _is_place_object(words[0]):
        return [(ent.start_char, ent.end_char, "GPE")]
    if label in ("ORG", "PERSON") and len(words) == 1 and _coordinated_with_place(words[0]):
        return [(ent.start_char, ent.end_char, "GPE")]
    if label == "GPE" and place is None and len(words) == 1:
        word = words[0]
        if word.text.isupper() and word.text.isalpha():
            return []  # "generative AI": capitals the gazetteer does not know are no place
        if not _is_place_object(word) and (_coordinated_with_org(word) or (word.dep_ == "nsubj" and word.head.lower_ in _COMPANY_VERB_FORMS)):
            return [(ent.start_char, ent.end_char, "ORG")]  # "Amazon and Alphabet", "Nvidia reported"
    if label in ("ORG", "PERSON") and ent.start >= 2 and ent.doc[ent.start - 1].lower_ == "of" and ent.doc[ent.start - 2].lower_ in _ADMIN_AREA_WORDS:
        return [(ent.start_char, ent.end_char, "GPE")]  # "the coastal region of Pwani"
    doc = ent.doc
    after = ent.end if doc[ent.end - 1].lower_ not in ("'s", "’s") else ent.end - 1
    if after + 1 < len(doc) and doc[after].lower_ in ("'s", "’s") and _is_capitalised(doc[after + 1]) and doc[after + 1].lower_ in ORG_SUFFIXES:
        return [(ent.start_char, doc[after + 1].idx + len(doc[after + 1]), "ORG")]  # "St. Anne's Hospital"
    return [(ent.start_char, ent.end_char, label)]


# Verbs whose subject is a company, not a place ("Nvidia reported record revenue").
_COMPANY_VERB_FORMS = frozenset("reported posted earned sold bought acquired hired launched shipped reports posts earns sells buys acquires".split())
# Nouns whose "of X" names a place: "the region of Pwani", "the town of Mai Mahiu".
_ADMIN_AREA_WORDS = frozenset("region province state county district city town village municipality island islands".split())


def _in_apposition_to_title(ent: Span) -> bool:
    # "its chair, Marcus Bell": read off the words, the parser often hangs the name elsewhere.
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lower_ in TITLE_WORDS and all(_is_capitalised(t) for t in ent if not t.is_punct)


def _coordinated_with_place(token: Token) -> bool:
    """"from Brennock and Tilby", "in Dunmore and Ashford": a name coordinated with a place,
    or with another one-word name after a place preposition."""
    siblings = [token.head] if token.dep_ == "conj" else []
    siblings += [c for c in token.children if c.dep_ == "conj"]
    first = token.head if token.dep_ == "conj" else token
    after_place = _is_place_object(first) and first.head.lower_ != "between"  # "between Smith and Jones": people
    # A list that also holds an organisation is no list of places: "Microsoft, Amazon and
    # Alphabet" (Alphabet tagged GPE) are companies.
    if not after_place and _coordinated_with_org(token):
        return False
    return any(s.ent_type_ in ("GPE", "LOC") or (after_place and s.ent_type_ in ("ORG", "PERSON") and _is_capitalised(s)) for s in siblings)


def _coordinated_with_org(token: Token) -> bool:
    siblings = [token.head] if token.dep_ == "conj" else []
    siblings += [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        siblings += [c for c in token.head.children if c.dep_ == "conj" and c != token]
    return any(s.ent_type_ == "ORG" for s in siblings)


def _add_mention(mentions: list[Mention], claimed: list[tuple[int, int]], roles: list[tuple[int, int]], body: str, start: int, end: int, label: str) -> None:
    if label not in KEPT_LABELS:
        return
    start, end = trim_span(body, start, end)
    if start >= end or not any(c.isupper() for c in body[start:end]):
        return  # names are capitalised: "the east coast" is a description, not a name
    if any(start < c_end and c_start < end for c_start, c_end in claimed):
        return  # a titled name or an office phrase has the better span and type
    if any(m.char_start <= start and end <= m.char_end for m in mentions):
        return  # already inside a mention a repair extended ("Asia" after "South-east Asia")
    role = next(((r_start, r_end) for r_start, r_end in roles if r_start <= start and end <= r_end), None)
    if role is not None and label not in ("GPE", "NORP") and not (start == role[0] and _has_proper_word(body[start:end])):
        return  # "Defence" in "Chief of Defence Staff" is a title word, not an org; "Google" in "Google CEO" is one
    mentions.append(Mention(start, end, body[start:end], label))


def _has_proper_word(text: str) -> bool:
    """A word that is neither an office nor a title word ("Google", "Los Angeles")."""
    return any(w[:1].isupper() and w.lower() not in OFFICE_WORDS and w.lower() not in TITLE_WORDS for w in text.split())


def _name_words(text: str) -> list[str]:
    words = [w.strip(".,") for w in text.split()]
    return [w for w in words if w and w.lower() not in HONORIFICS]


def _group_people(mentions: list[Mention]) -> list[ArticleEntity]:
    full = [m for m in mentions if len(_name_words(m.text)) >= 2]
    clusters: dict[tuple[str, str], ArticleEntity] = {}
    for mention in full:
        words = _name_words(mention.text)
        key = (words[0].casefold(), words[-1].casefold())
        cluster = clusters.setdefault(key, ArticleEntity(" ".join(words), "PERSON"))
        if len(" ".join(words)) > len(cluster.canonical_name):
            cluster.canonical_name = " ".join(words)  # "Samir V Kamat" over "Samir Kamat"
        cluster.mentions.append(mention)
    singles: dict[str, ArticleEntity] = {}
    for mention in mentions:
        words = _name_words(mention.text)
        if len(words) != 1:
            continue
        word = words[0].casefold()
        candidates = [c for (first, last), c in clusters.items() if word in (last, first)]
        if candidates:
            # A surname several people share names the one the story introduced first (news
            # calls relatives and namesakes by their first or full names afterwards).
            def introduced(c: ArticleEntity) -> int:
                return min(m.char_start for m in c.mentions)

            min(candidates, key=introduced).mentions.append(mention)
        else:
            singles.setdefault(word, ArticleEntity(words[0], "PERSON")).mentions.append(mention)
    return list(clusters.values()) + list(singles.values())


def _normal_key(text: str) -> str:
    words = text.casefold().replace(".", "").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _group_others(mentions: list[Mention], body: str) -> list[ArticleEntity]:
    acronyms = {_normal_key(m["short"]): _normal_key(m["long"]) for m in _ACRONYM_DEFINITION.finditer(body)}
    long_forms = set(acronyms.values())
    clusters: dict[tuple[str, str], ArticleEntity] = {}
    for mention in mentions:
        key_text = _spelled_org(_normal_key(mention.text)).casefold() if mention.label == "ORG" else _normal_key(mention.text)
        key_text = acronyms.get(key_text, key_text)
        name = mention.text
        if mention.label == "ORG" and key_text not in long_forms and (unprefixed := _without_country_prefix(key_text, long_forms)):
            # "the U.S. Federal Trade Commission (FTC)": the acronym names the commission
            key_text, name = unprefixed, " ".join(name.split()[len(name.split()) - len(unprefixed.split()) :])
        cluster = clusters.setdefault((mention.label, key_text), ArticleEntity(name, mention.label))
        if len(name) > len(cluster.canonical_name):
            cluster.canonical_name = name
        cluster.mentions.append(mention)
    for (label, _), cluster in clusters.items():
        if label == "ORG":
            cluster.canonical_name = _spelled_org(cluster.canonical_name)
    return _join_bare_org_nouns(list(clusters.values()))


def _without_country_prefix(key: str, long_forms: set[str]) -> str | None:
    words = key.split()
    for cut in (1, 2):
        if len(words) > cut + 1 and known_place(" ".join(words[:cut])) is not None and " ".join(words[cut:]) in long_forms:
            return " ".join(words[cut:])
    return None


def _spelled_org(name: str) -> str:
    """"Defence Ministr" -> "Defence Ministry": the last word snapped to the organisation noun
    it nearly spells (news copy has typos; the canonical name should not)."""
    words = name.split()
    if not words:
        return name
    noun = _org_noun_of(words[-1])
    if noun and words[-1].lower() != noun:
        words[-1] = noun.capitalize()
    return " ".join(words)


def _join_bare_org_nouns(entities: list[ArticleEntity]) -> list[ArticleEntity]:
    """"the Ministry" joins the one organisation of the article named "... Ministry"."""
    kept = []
    for entity in entities:
        words = entity.canonical_name.split()
        bare = entity.entity_type == "ORG" and len(words) == 1 and words[0].lower() in ORG_NOUNS
        owners = [e for e in entities if e is not entity and e.entity_type == "ORG" and len(e.canonical_name.split()) > 1 and e.canonical_name.split()[-1].lower() == words[0].lower()] if bare else []
        if len(owners) == 1:
            owners[0].mentions.extend(entity.mentions)
        else:
            kept.append(entity)
    return kept


def find_nominal_mentions(doc: Doc, people: list[ArticleEntity]) -> list[tuple[ArticleEntity, Mention]]:
    """Titles used as names: "the Union Minister" -> the person whose role has those words.

    A nominal is "the" + title/office words without a name after them ("the Union Minister",
    "the president"); it joins the one person whose role contains all its words, and nobody
    when two people fit.

    Notes:
        A lower-case title followed by "of" ("the president of the club") names someone else
        and joins nobody.
    """
    roles = [(p, {w.casefold() for r in p.roles for w in r.split()}) for p in people]
    found: list[tuple[ArticleEntity, Mention]] = []
    tokens = doc_tokens(doc)
    for i, token in enumerate(tokens[:-1]):
        if token.lower_ != "the":
            continue
        j = i + 1
        while j < len(tokens) and _is_office_word(tokens[j]) and (_is_capitalised(tokens[j]) or tokens[j].is_lower):
            j += 1
        while j > i + 1 and tokens[j - 1].lower_ in ("of", "&"):
            j -= 1
        words = tokens[i + 1 : j]
        if not words or not any(_is_title_word(t) for t in words):
            continue
        if all(t.is_lower for t in words) and j < len(tokens) and tokens[j].lower_ in ("of", "for", "'s", "’s"):
            continue  # "the president of the company" is someone else; "the president" alone is the titled one
        if j < len(tokens) and tokens[j].pos_ == "PROPN" and _is_capitalised(tokens[j]):
            continue  # a titled name, handled by find_titled_names
        wanted = {t.lower_ for t in words}
        fitting = [p for p, role_words in roles if wanted <= role_words]
        if len(fitting) == 1:
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            found.append((fitting[0], Mention(start, end, doc_text(doc)[start:end], "PERSON", doc_text(doc)[start:end])))
    return found


def _person_names(people: list[ArticleEntity]) -> dict[str, ArticleEntity]:
    """Case-folded full names and surnames of the article's people (a shared surname: nobody)."""
    names: dict[str, ArticleEntity | None] = {}
    for person in people:
        words = _name_words(person.canonical_name)
        if len(words) < 2:
            continue
        names[person.canonical_name.casefold()] = person
        surname = words[-1].casefold()
        names[surname] = None if surname in names and names[surname] is not person else person
    return {k: v for k, v in names.items() if v is not None}


def _claim_person_names(doc: Doc, people: list[ArticleEntity], others: list[Mention]) -> list[Mention]:
    """Give people the mentions the NER missed or mislabelled.

    A non-person mention whose text is a person's full name or surname ("Varga" tagged ORG)
    moves to that person; any other capitalised occurrence of those names becomes a mention.

    Notes:
        Surnames that are also common words ("May", "Young") are left alone.
    """
    names = _person_names(people)
    kept: list[Mention] = []
    for mention in others:
        person = names.get(mention.text.casefold())
        if person is not None:
            person.mentions.append(Mention(mention.char_start, mention.char_end, mention.text, "PERSON"))
        else:
            kept.append(mention)
    taken = [(m.char_start, m.char_end) for p in people for m in p.mentions] + [(m.char_start, m.char_end) for m in kept]
    for name, person in sorted(names.items(), key=lambda item: -len(item[0])):
        if " " not in name and doc.vocab[name].is_stop:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc_text(doc), flags=re.IGNORECASE):
            start, end = match.span()
            if not doc_text(doc)[start].isupper() or any(start < e and s < end for s, e in taken):
                continue
            person.mentions.append(Mention(start, end, doc_text(doc)[start:end], "PERSON"))
            taken.append((start, end))
    return kept


def apply_aliases(entities: list[ArticleEntity], aliases: AliasMap) -> list[ArticleEntity]:
    """Rename entities by the alias file and join those that now share a name and type.

    The name the text gave is kept as an alias (see ``alias_rows``).
    """
    joined: dict[tuple[str, str], ArticleEntity] = {}
    for entity in entities:
        name = aliases.canonical(entity.canonical_name, entity.entity_type)
        if name != entity.canonical_name:
            entity.aliased_from.add(entity.canonical_name)
        key = (entity.entity_type, alias_key(name))
        if key in joined:
            joined[key].mentions.extend(entity.mentions)
            joined[key].aliased_from |= entity.aliased_from
        else:
            entity.canonical_name = name
            joined[key] = entity
    for entity in joined.values():
        entity.mentions.sort(key=lambda m: m.char_start)
    return sorted(joined.values(), key=lambda e: e.mentions[0].char_start)


def extract_entities(doc: Doc, aliases: AliasMap | None = None) -> list[ArticleEntity]:
    """Every entity of one article with all of its mentions, in order of first mention."""
    mentions = find_mentions(doc)
    people = _group_people([m for m in mentions if m.label == "PERSON"])
    non_people = _claim_person_names(doc, people, [m for m in mentions if m.label != "PERSON"])
    taken = [(m.char_start, m.char_end) for p in people for m in p.mentions]
    for person, mention in find_nominal_mentions(doc, people):
        if not any(mention.char_start < e and s < mention.char_end for s, e in taken):
            person.mentions.append(mention)
            taken.append((mention.char_start, mention.char_end))
    # A title word tagged as an org ("Defence" in "the US Secretary of Defence") is no entity;
    # a place or nationality inside a title ("US") still is.
    others = _group_others(
        [
            m
            for m in non_people
            if (m.label in ("GPE", "NORP") or not any(s <= m.char_start and m.char_end <= e for s, e in taken))
        ],
        doc_text(doc),
    )
    entities = join_entities(people + others)
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.char_start)
    entities = sorted(entities, key=lambda e: e.mentions[0].char_start)
    return apply_aliases(entities, aliases) if aliases and aliases.entries else entities
