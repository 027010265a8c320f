"""Named mentions of one article: the model's entities, repaired, and what MENTION_FINDERS add.

``find_mentions`` applies ``MENTION_FINDERS`` in order: each finder takes the mentions found so
far and returns them with its own added (or relabelled). The model's entities go through
``ENTITY_REPAIRS`` (``transforms.entities.repairs``) in their place in that order. Every
mention says which rule made or changed it (``Mention.repaired_by``; None: the model's own
span and label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from transforms.context import ArticleContext

from transforms.entities.aliases import alias_key
from transforms.entities.places import known_place
from transforms.entities.repairs import repair_entity
from transforms.entities.words import (
    COMPASS_ADJECTIVES,
    LEADING_WORDS,
    after_company_descriptor,
    has_possessive,
    hyphen_tail,
    hyphenated_end,
    initials,
    is_capitalised,
    is_office_word,
    is_title_word,
    org_noun,
    org_noun_of,
    particle_tail_end,
)
from transforms.lexicon import KNOWN_ORGS, OCCUPATION_TITLES, OFFICE_WORDS, ORG_SUFFIXES, REPORTING_VERB_FORMS, TITLE_WORDS
from transforms.lexicons import words as lexicon_words
from transforms.rules import Example, Rule, rule

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
# Names whose capitalised "The" is part of the name.
_NAMES_WITH_THE = lexicon_words("names_with_the")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’()[]{}-–—"
_FEATURE_OF_WORDS = lexicon_words("feature_of_words")
_COURT_WORDS = lexicon_words("court_words")
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)$")
_COMPANY_ENDINGS = lexicon_words("brand_company_words") | lexicon_words("legal_form_words") | lexicon_words("company_name_endings")
_ORGANISATION_WORDS = lexicon_words("organisation_kind_nouns") | lexicon_words("org_nouns") | lexicon_words("company_descriptors")


@dataclass(frozen=True)
class Mention:
    """One mention of an entity; ``body[char_start:char_end] == text``.

    ``repaired_by`` names the rule that made or changed the span or label (a finder of
    ``MENTION_FINDERS``, a repair of ``ENTITY_REPAIRS``, a finder of ``PERSON_FINDERS`` or a join
    of ``ENTITY_JOINS``);
    None when the model's own span and label stood.
    """

    char_start: int
    char_end: int
    text: str
    label: str
    role: str | None = None
    repaired_by: str | None = None


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
        if first_word.lower() in LEADING_WORDS and " " in body[start:end] and body[start:end] not in _NAMES_WITH_THE:
            start += len(first_word) + 1
        if (start, end) == before:
            return start, end


@dataclass(frozen=True)
class TitledName:
    role_start: int
    role_end: int
    name_start: int
    name_end: int
    role: str


def find_titled_names(tokens: tuple[Token, ...], body: str) -> list[TitledName]:
    """Find ``<title phrase> <Name>`` runs: "Union Defence Minister Rajnath Singh".

    A run is a stretch of capitalised tokens (with "of", "for", "&" inside); the name is the
    tail after the last title or office word, and the run needs at least one title word.

    Notes:
        A name made only of office words ("General Motors") is not split; a run broken by
        punctuation ("Secretary, Department of Defence") gives no name.
    """
    found: list[TitledName] = []
    i = 0
    while i < len(tokens):
        if not (is_capitalised(tokens[i]) or is_title_word(tokens[i])):
            i += 1
            continue
        j = i
        while j < len(tokens) and (is_capitalised(tokens[j]) or (tokens[j].lower_ in ("of", "for", "&") and j > i) or is_title_word(tokens[j]) or _joins_name_parts(tokens, j, i)):
            # "Hana Sato of Lakemont Capital": "of" after a name ends the title run; after an
            # office word ("Secretary of Defence") it stays inside, after an occupation ("a
            # lawyer for Promociones Sanz") the organisation that follows is no name.
            if tokens[j].lower_ in ("of", "for", "&") and (not is_office_word(tokens[j - 1]) or tokens[j - 1].lower_ in OCCUPATION_TITLES):
                break
            j += 1
        run = tokens[i:j]
        i = max(j, i + 1)
        last_office = max((k for k, t in enumerate(run) if is_office_word(t)), default=-1)
        if last_office < 0 or not any(is_title_word(t) for t in run[: last_office + 1]):
            continue
        tail = run[last_office + 1 :]
        if run[last_office].lower_ in ("for", "of") and 3 <= len(tail) <= 4 and all(t.pos_ == "PROPN" and t.is_alpha for t in tail):
            # "Minister for Mineral Resources Nivi Kleist": the field, then a two-word name.
            last_office = len(run) - 3
        elif run[last_office].lower_ in ("of", "for", "&", "the"):
            continue  # "the mayor of Valencia": the place a title governs is no name of a person
        name = run[last_office + 1 :]
        words_of_name = [t for t in name if t.text not in ("-", "\u2013")]  # the run holds hyphens only inside names
        # Skip sentence-initial function words that happen to be capitalised ("On", "The").
        first = 0
        while first < last_office and not (is_office_word(run[first]) or run[first].pos_ == "PROPN"):
            first += 1
        if not words_of_name or len(words_of_name) > 4 or any(t.ent_type_ in ("GPE", "DATE", "NORP", "LOC") for t in words_of_name):
            continue
        if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in words_of_name) or name[-1].lower_ in ORG_SUFFIXES:
            continue  # "General Motors" is a company, not a general
        if len(words_of_name) == 1 and words_of_name[0].text.isupper() and len(words_of_name[0].text) > 1:
            continue  # "a spokeswoman for BMG": initials name an organisation, not the spokeswoman
        role_tokens = run[first : last_office + 1]
        found.append(
            TitledName(
                role_start=role_tokens[0].idx,
                role_end=role_tokens[-1].idx + len(role_tokens[-1]),
                name_start=name[0].idx,
                name_end=particle_tail_end(name[-1]) or hyphenated_end(name[-1]),
                role=body[role_tokens[0].idx : role_tokens[-1].idx + len(role_tokens[-1])],
            )
        )
    return found


def _joins_name_parts(tokens: tuple[Token, ...], j: int, run_start: int) -> bool:
    """A hyphen inside a word between two capitalised parts ("Anna-Liisa", "Jean-Pierre"):
    the parser splits it off, but the name runs on through it."""
    token = tokens[j]
    return (
        token.text in ("-", "–")
        and run_start < j < len(tokens) - 1
        and not tokens[j - 1].whitespace_
        and not token.whitespace_
        and is_capitalised(tokens[j - 1])
        and is_capitalised(tokens[j + 1])
    )


@dataclass(frozen=True)
class MentionSearch:
    """What the finders read of one article, built once from its ArticleContext: the Doc, its
    text and tokens, the model's entities, the titled names, and the words that are people's
    surnames."""

    doc: Doc
    body: str
    tokens: tuple[Token, ...]
    ents: tuple[Span, ...]
    titled: tuple[TitledName, ...]
    speakers: frozenset[str]  # one-word subjects of reporting verbs ("Alves said")
    surnames: frozenset[str]  # last words of the model's people ("Lloyd Austin"), and speakers

    @classmethod
    def build(cls, context: ArticleContext) -> MentionSearch:
        doc, tokens = context.doc, context.tokens
        ents = tuple(doc.ents)  # built once: each access makes new spans
        speakers = frozenset(_lone_speaker_words(tokens))
        # A "person" that is a known place ("Sri Lanka") gives no surname.
        surnames = frozenset({e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1 and known_place(e.text) is None} | speakers)
        return cls(doc, context.text, tokens, ents, tuple(find_titled_names(tokens, context.text)), speakers, surnames)

    def mention(self, start: int, end: int, label: str, finder: str, role: str | None = None) -> Mention:
        return Mention(start, end, self.body[start:end], label, role, finder)


def pieces_within(mentions: list[Mention], start: int, stop: int) -> list[Mention] | None:
    """The mentions a new span over ``start:stop`` would replace: those inside it, when none
    crosses its edges and none is already exactly that span; else None (leave the span)."""
    inside = [m for m in mentions if m.char_start < stop and start < m.char_end]
    if any(m.char_start < start or m.char_end > stop or (m.char_start, m.char_end) == (start, stop) for m in inside):
        return None
    return inside


def _lone_speaker_words(tokens: tuple[Token, ...]) -> set[str]:
    """One-word subjects of reporting verbs ("Alves said"): surnames of people."""
    return {
        t.text
        for t in tokens
        # "Eder, who keeps his podium finish, said": a clause set off after the word leaves it one word.
        if t.dep_ == "nsubj" and t.pos_ in ("PROPN", "NOUN") and is_capitalised(t) and t.head.lower_ in REPORTING_VERB_FORMS
        and all(c.dep_ == "punct" or c.dep_ == "relcl" and any(w.lower_ in ("who", "whose") for w in c.children) for c in t.children)
    }


@rule(
    Example("Union Defence Minister Rajnath Singh met reporters.", [("Rajnath Singh", "PERSON")]),
    Example("Chief Economist Hana Sato of Lakemont Capital said rates would fall.", [("Hana Sato", "PERSON")]),
    Example("Minister for Mineral Resources Nivi Kleist said the permit was strict.", [("Nivi Kleist", "PERSON")],
            note="a title's field after 'for', then a name of two words"),
    Example("Extra buses will run on Sundays, teacher Lina Moretti said.", [("Lina Moretti", "PERSON")], note="an occupation in lower case is a title too"),
    Example("“Results were poor for weeks,” sporting director Anna-Liisa Korhonen said.", [("Anna-Liisa Korhonen", "PERSON")], note="a hyphenated first name"),
    Example("A lawyer for Halden Builders said the firm would appeal.", None, note="after an occupation, 'for' leads to an organisation"),
    Example("Ana Ruiz, the mayor of Valencia, backed the ban.", None, note="the place after 'mayor of' is no titled person"),
)
def titled_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """People named after their title ("Union Defence Minister Rajnath Singh"), with the title
    as their role (``find_titled_names``); their spans win over the model's pieces of them.

    Not: a name made only of office words ("General Motors"); a run broken by punctuation.
    """
    return mentions + [search.mention(t.name_start, t.name_end, "PERSON", "titled_name", t.role) for t in search.titled]


@rule(
    Example("State Department officials said the talks went well.", [("State Department", "ORG")]),
    Example("Defence Ministry officials declined to comment.", [("Defence Ministry", "ORG")]),
    Example("A spokesman for the Defence Ministr said the talks went well.", None, note="the model's longer span holds it"),
)
def office_org_phrase(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the Defence Ministry", "the Foreign Office": office words before an organisation noun
    (spelled right or nearly), which the model often misses or cuts to the noun alone.

    Not: the noun alone ("the Ministry": see ``bare_org_noun``); a longer name the model found
    around it ("Progressive Union Party").
    """
    tokens = search.tokens
    found = []
    for token in tokens:
        if org_noun(token) is None:
            continue
        first = token.i
        while first > 0 and is_capitalised(tokens[first - 1]) and tokens[first - 1].lower_ in OFFICE_WORDS and tokens[first - 1].lower_ not in ("the", "of", "and", "for", "&"):
            first -= 1
        start, end = tokens[first].idx, token.idx + len(token)
        # A longer name the NER found around it ("Progressive Union Party") is the better span.
        if first < token.i and not any(e.start_char <= start and end <= e.end_char and (e.start_char, e.end_char) != (start, end) and not has_possessive(e) for e in search.ents):
            found.append(search.mention(start, end, "ORG", "office_org_phrase"))
    return mentions + found


@rule(
    Example("Judge Sarah Whitfield of the U.S. District Court for the Eastern District of Texas blocked the rule.", [("U.S. District Court for the Eastern District of Texas", "ORG")]),
    Example("Prosecutors from the Southern District of New York told the court on Monday.", [("Southern District of New York", "ORG")]),
    Example("The 9th U.S. Circuit Court of Appeals ruled on Friday that the law was valid.", [("9th U.S. Circuit Court of Appeals", "ORG")]),
    Example("A judge of the Court of King's Bench ordered a recount.", [("Court of King's Bench", "ORG")]),
    Example("“We will appeal to the Tokyo High Court within two weeks,” he said.", [("Tokyo High Court", "ORG")],
            note="a court named by its place, the model tagging the place alone"),
)
def court_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the U.S. District Court for the Eastern District of Texas", "the Court of Appeals for
    the Ninth Circuit": a court's name runs on through "for"/"of" and capitalised words, where
    the model stops at "Court" and calls the district a place. "the Southern District of New
    York" is a federal district: its court and prosecutors.

    A numbered circuit keeps its number ("the 9th U.S. Circuit Court of Appeals").

    Not: a district inside a court's name (the court is the one name); a court without "for"
    or "of" after it.
    """
    tokens = search.tokens
    found = []
    for token in tokens:
        district = token.lower_ == "district" and token.i > 0 and tokens[token.i - 1].lower_ in COMPASS_ADJECTIVES and is_capitalised(tokens[token.i - 1])
        if district and any(t.lower_ in _COURT_WORDS for t in tokens[max(0, token.i - 6) : token.i]):
            continue  # "the District Court for the Eastern District of Texas" is one name
        if (token.lower_ not in _COURT_WORDS and not district) or not is_capitalised(token):
            continue
        first = token.i
        while first > 0 and (is_capitalised(tokens[first - 1]) or tokens[first - 1].text in (".",)) and tokens[first - 1].lower_ not in LEADING_WORDS:
            first -= 1
        if first > 0 and first < token.i and _ORDINAL.match(tokens[first - 1].text):
            first -= 1  # "the 9th U.S. Circuit Court of Appeals": the circuit's number is its name
        end = token.i + 1
        while end + 1 < len(tokens) and tokens[end].lower_ in ("for", "of"):
            k = end + 1
            if tokens[k].lower_ == "the":
                k += 1
            if k >= len(tokens) or not is_capitalised(tokens[k]):
                break
            # "the Court of Queen's Bench": a possessive inside the name, a capitalised word after it.
            while k < len(tokens) and (is_capitalised(tokens[k]) or tokens[k].lower_ in ("'s", "’s") and k + 1 < len(tokens) and is_capitalised(tokens[k + 1])):
                k += 1
            end = k
        # "the Tokyo High Court": a court named by its place, where the model tags the place alone.
        named_by_place = first < token.i - 1 and tokens[first].ent_type_ == "GPE" and tokens[token.i - 1].ent_type_ != "GPE"
        if end > token.i + 1 or named_by_place:
            found.append(search.mention(tokens[first].idx, tokens[end - 1].idx + len(tokens[end - 1]), "ORG", "court_name"))
    return mentions + found


@rule(Example("The ship will patrol the Bay of Bengal from Visakhapatnam.", [("Bay of Bengal", "LOC")]))
def feature_of_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the Bay of Bengal", "the Gulf of Aden", "Lake of the Woods": a natural feature named
    with "of", which the model cuts at "of" and calls the rest a place.

    Not: features outside ``feature_of_words.txt``; a lower-case feature ("the bay of ...").
    """
    tokens = search.tokens
    found = []
    for token in tokens[:-2]:
        if token.lower_ not in _FEATURE_OF_WORDS or not is_capitalised(token) or tokens[token.i + 1].lower_ != "of":
            continue
        k = token.i + 2
        if tokens[k].lower_ == "the" and k + 1 < len(tokens):
            k += 1
        end = k
        while end < len(tokens) and is_capitalised(tokens[end]):
            end += 1
        if end > k:
            found.append(search.mention(token.idx, tokens[end - 1].idx + len(tokens[end - 1]), "LOC", "feature_of_name"))
    return mentions + found


@rule(
    Example("Storm Dagny closed roads on Sunday, officials said.", [("Storm Dagny", "EVENT")]),
    Example("Lloyd Austin arrived on Sunday.", [("Lloyd Austin", "PERSON")], note="the model's own span and label stood"),
)
def model_entities(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """The model's entities, each through ``ENTITY_REPAIRS`` (the first repair that answers
    decides its spans and labels), trimmed (``trim_span``).

    Not: labels outside ``KEPT_LABELS`` (dates, numbers); lower-case spans ("the east coast");
    a span that overlaps a mention found so far (a titled name, an office, court or feature
    phrase has the better span and type) or lies inside one a repair extended; a piece of a
    title ("Defence" in "Chief of Defence Staff").
    """
    claimed = [(m.char_start, m.char_end) for m in mentions]
    roles = [(t.role_start, t.role_end) for t in search.titled]
    mentions = list(mentions)
    for ent in search.ents:
        for start, end, label, repaired_by in repair_entity(ent, search.body, search.speakers, search.surnames, search.tokens):
            _add_mention(mentions, claimed, roles, search.body, start, end, label, repaired_by)
    return mentions


def _add_mention(mentions: list[Mention], claimed: list[tuple[int, int]], roles: list[tuple[int, int]], body: str, start: int, end: int, label: str, repaired_by: str | None) -> None:
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
    mentions.append(Mention(start, end, body[start:end], label, None, repaired_by))


def _has_proper_word(text: str) -> bool:
    """A word that is neither an office nor a title word ("Google", "Los Angeles")."""
    return any(w[:1].isupper() and w.lower() not in OFFICE_WORDS and w.lower() not in TITLE_WORDS for w in text.split())


@rule(Example("A statement issued by the Defence Ministry praised the talks. The Ministry said the visit went well.", [("Ministry", "ORG")]))
def bare_org_noun(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the Ministry" after "the Defence Ministry" was named: a mention of it, even where the
    model tags nothing (joined to its organisation by the grouping).

    Not: a bare noun no named organisation of the article ends in; one without "the".
    """
    owners = {org_noun_of(m.text.split()[-1]) for m in mentions if m.label == "ORG" and len(m.text.split()) > 1}
    found = []
    tokens = search.tokens
    for token in tokens:
        noun = org_noun(token)
        if noun is None or noun not in owners or token.i == 0 or tokens[token.i - 1].lower_ != "the":
            continue
        if not any(m.char_start <= token.idx < m.char_end for m in mentions):
            found.append(search.mention(token.idx, token.idx + len(token), "ORG", "bare_org_noun"))
    return mentions + found


@rule(
    Example("Okafor said the deal would allow Japan’s Self-Defense Forces to train in Australia.", [("Self-Defense Forces", "ORG")]),
    Example("Fraudsters emptied 300 accounts.\n\nOrrin Bank, whose customers lost most, said it had refunded the money.", [("Orrin Bank", "ORG")]),
    Example("The report, published by the Hellenic Maritime Accident Investigation Board, blamed the crew.", [("Hellenic Maritime Accident Investigation Board", "ORG")]),
    Example("LONDON (Wire) - Kingsway Rail, which runs trains into London, will cut fares.", [("Kingsway Rail", "ORG")]),
    Example("Shortages were worse last winter, according to the Pharmacists' Guild, which represents 3,000 pharmacies.", [("Pharmacists' Guild", "ORG")],
            note="the model tags 'Guild' alone a person"),
    Example("The farmers' group Prairie Gold Grain Co-operative said on Monday it would appeal.", [("Prairie Gold Grain Co-operative", "ORG")],
            note="a hyphenated organisation word is one word"),
    Example("The Nickel Basin District School Board, which runs 62 schools, told parents in an email.", [("Nickel Basin District School Board", "ORG")],
            note="the place it opens with, tagged alone, is part of the name"),
)
def suffix_org_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """Capitalised names ending in an organisation word that the model missed ("Japan's
    Self-Defense Forces", "the Lowland Water Authority"): the capitalised run before the word.

    A hyphenated organisation word is one word ("Prairie Gold Grain Co-operative", never its
    "Co"). A nationality inside the run is part of the name, and so is an organisation word the
    model tagged alone as a person ("Guild"); a run opening the lead after a dateline
    ("LONDON (Wire) - Kingsway Rail, ...") is taken.

    Not: a run that opens a sentence with a common noun ("Shares Bank" is not a name); one
    opening with a proper noun is ("Ard Bank, whose customers ..."), so a headline's
    "Analysts Institute" tagged as proper nouns would be taken.
    """
    tokens = search.tokens
    found = []
    dropped: set[Mention] = set()
    for token in tokens:
        # The model may call the organisation word alone a person ("the Pharmacists' Guild": "Guild").
        alone = token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and (token.i + 1 == len(tokens) or tokens[token.i + 1].ent_iob_ != "I")
        # "Co-operative" is one word: its "Co" is no suffix, and the whole word may be one.
        compound = hyphen_tail(tokens, token.i)
        word = f"{tokens[token.i - 2].lower_}-{token.lower_}" if compound else token.lower_
        if word not in ORG_SUFFIXES or not (compound or is_capitalised(token)) or token.ent_type_ and not alone:
            continue
        if token.i + 2 < len(tokens) and hyphen_tail(tokens, token.i + 2):
            continue
        if token.i + 1 < len(tokens) and is_capitalised(tokens[token.i + 1]) and not tokens[token.i + 1].is_sent_start:
            continue  # "Hastings Rail" in "Hastings Rail Users' Group": the name runs on
        first = token.i - 2 if compound else token.i
        while first > 0:
            before = tokens[first - 1]
            if is_capitalised(before) and before.lower_ not in LEADING_WORDS:
                first -= 1
            elif before.text in ("-", "–") and first > 1 and is_capitalised(tokens[first - 2]):
                first -= 2  # "Self-Defense"
            elif before.text in ("'", "’") and first > 1 and is_capitalised(tokens[first - 2]) and tokens[first - 2].lower_.endswith("s"):
                first -= 2  # "Hastings Rail Users' Group"
            else:
                break
        opens_with_place = any(known_place(" ".join(t.text for t in tokens[first : first + n])) is not None for n in (1, 2) if first + n < token.i)
        opens_lead = tokens[first].idx == lead_start(search.body)  # "LONDON (Wire) - Kingsway Rail, which ..."
        # "Shares Bank" opening a sentence is no name; "Los Angeles Fire Department" and a
        # proper noun ("Ard Bank, whose customers ...") are.
        if first == token.i or (tokens[first].is_sent_start and not opens_with_place and not opens_lead and tokens[first].pos_ != "PROPN"):
            continue
        start, end = tokens[first].idx, token.idx + len(token)
        inside = [m for m in mentions if m.char_start < end and start < m.char_end]
        # A nationality the model took from the name ("Hellenic" in "Hellenic Maritime ... Board")
        # is part of it, and so is the place it opens with ("Tokyo" in "the Tokyo High Court").
        if all((m.label == "NORP" or m.char_start == token.idx or m.label in ("GPE", "LOC") and m.char_start == start) and start <= m.char_start and m.char_end <= end for m in inside):
            dropped.update(inside)
            found.append(search.mention(start, end, "ORG", "suffix_org_name"))
    return [m for m in mentions if m not in dropped] + found


_KNOWN_ORG_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted((n for n in KNOWN_ORGS if " " in n), key=len, reverse=True)) + r")\b", re.IGNORECASE)


@rule(Example("Leaders of the Group of Seven met in Apulia.", [("Group of Seven", "ORG")]))
def known_org_phrase(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """International bodies known by a name of several words that the model misses ("the
    Group of Seven"), written with capitals, outside every other mention.

    Not: the name in lower case; one-word bodies (see ``untagged_name``).
    """
    body = search.body
    found = []
    for match in _KNOWN_ORG_PATTERN.finditer(body):
        start, end = match.span()
        if body[start].isupper() and not any(m.char_start < end and start < m.char_end for m in mentions):
            found.append(search.mention(start, end, "ORG", "known_org_phrase"))
    return mentions + found


@rule(
    Example("Sales rose after Japanese drugmaker Takeda cut prices.", [("Takeda", "ORG")]),
    Example("Shares of Microsoft closed slightly higher on the Nasdaq in New York.", [("Nasdaq", "ORG")]),
    Example("Kylian Mbappé scored as Paris Saint-Germain won on Wednesday. His goal put PSG ahead.", [("PSG", "ORG")]),
)
def untagged_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """Prominent places the model tagged as nothing ("Bucharest schools"): countries,
    continents, states and provinces, cities of a million people; international bodies known
    by name ("on the Nasdaq"); names after a company descriptor; initials of one name of the
    article ("PSG" after "Paris Saint-Germain").

    Not: a capitalised word inside a longer untagged name ("Santiago" in "Santiago
    Bernabéu"); a place name that is a surname in the article (left to the person).
    """
    tokens = search.tokens
    covered = [(m.char_start, m.char_end) for m in mentions]
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.pos_ != "PROPN" or not is_capitalised(token) or token.ent_type_ or any(s <= token.idx < e for s, e in covered):
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].pos_ == "PROPN" and is_capitalised(tokens[j]) and not tokens[j].ent_type_:
            j += 1
        # The whole capitalised run must be the name: "Santiago" in "Santiago Bernabéu" is not.
        run = tokens[i:j]
        text = " ".join(t.text for t in run)
        place = known_place(text)
        label = "ORG" if alias_key(text) in KNOWN_ORGS or after_company_descriptor(run[0]) else (place.label if place is not None and place.prominent else None)
        if label is None and len(run) == 1 and (long_form := _initialism_of(run[0].text, mentions)) is not None:
            label = "ORG" if long_form.label == "FAC" else long_form.label  # "PSG" after "Paris Saint-Germain"
        if label is not None and run[-1].text not in search.surnames:
            found.append(search.mention(run[0].idx, run[-1].idx + len(run[-1]), label, "untagged_name"))
        i = j
    return mentions + found


@rule(Example("Hollis Chemical Inc was fined on Tuesday.\n\nHollis, which employs 260 people, pleaded guilty.", [("Hollis", "ORG")]),
      Example("Ontario Power Generation runs the plant. Ontario said it would review the permit.", None, "a known place, not a short name"))
def short_org_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A company's first word alone ("Hollis" after "Hollis Chemical Inc"), a proper noun the
    model tagged as nothing: a mention of that company (the grouping joins it). A company is
    a name ending in a legal form or company word ("Inc", "ASA", "Holdings", "Technologies").

    Not: the first word of another organisation ("Bamum" after "Bamum Palace Museum"); a first word that is a known place, an organisation word ("Museum"), a leading word
    ("The"), a person's surname in the article, or the first word of two organisations'
    names; a word that runs on into another capitalised word ("Hollis Street").
    """
    firsts: dict[str, set[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.label == "ORG" and len(words) >= 2:
            firsts.setdefault(words[0], set()).add(m.text if words[-1].casefold().rstrip(".") in _COMPANY_ENDINGS else "")
    shorts = {
        w for w, names in firsts.items()
        if len(names) == 1 and "" not in names and w[:1].isupper() and w.isalpha() and w.lower() not in ORG_SUFFIXES | LEADING_WORDS
        and w.lower() not in _ORGANISATION_WORDS and known_place(w) is None and w not in search.surnames
    }
    if not shorts:
        return mentions
    tokens = search.tokens
    covered = [(m.char_start, m.char_end) for m in mentions]
    found = []
    for token in tokens:
        if token.text not in shorts or token.pos_ != "PROPN" or token.ent_type_ or any(a <= token.idx < b for a, b in covered):
            continue
        if token.i + 1 < len(tokens) and is_capitalised(tokens[token.i + 1]) or token.i > 0 and is_capitalised(tokens[token.i - 1]) and not tokens[token.i - 1].is_sent_start:
            continue
        found.append(search.mention(token.idx, token.idx + len(token), "ORG", "short_org_name"))
    return mentions + found


@rule(Example("Oulu Northstars sacked their head coach on Saturday.\n\nThe Northstars lost 5-1 to Tappara on Friday, their sixth defeat in a row.",
              [("Oulu Northstars", "ORG")], "the model tags only 'Northstars', in the second paragraph"),
      Example("Rain fell on Oslo Tuesday. The Tuesday meeting went ahead.", None, "no organisation of the article after the place"))
def place_before_team_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A known place right before a one-word organisation of the article ("Oulu Northstars"
    where the model tags "Northstars" alone, elsewhere) is the organisation's full name: clubs
    and teams are named after their town and called by the second word.

    Not: an organisation word ("Oulu University": ``name_before_org_kind``), a known place as
    the one word; a pair a longer mention already covers.
    """
    teams = {m.text for m in mentions if m.label == "ORG" and " " not in m.text and m.text[:1].isupper() and m.text.isalpha()
             and m.text.lower() not in ORG_SUFFIXES | _ORGANISATION_WORDS and known_place(m.text) is None}
    if not teams:
        return mentions
    body, found, dropped = search.body, [], set()
    pattern = re.compile(r"(?<![\w-])(?P<place>[A-Z][\w'’-]+) (?:" + "|".join(re.escape(t) for t in sorted(teams)) + r")(?![\w-])")
    for match in pattern.finditer(body):
        start, stop = match.span()
        if known_place(match["place"]) is None:
            continue
        inside = pieces_within(mentions, start, stop)
        if inside is None:
            continue
        dropped.update(inside)
        found.append(search.mention(start, stop, "ORG", "place_before_team_name"))
    return [m for m in mentions if m not in dropped] + found


def _initialism_of(letters: str, mentions: list[Mention]) -> Mention | None:
    """The one mention of several words whose initials the all-capitals word spells ("PSG"
    for "Paris Saint-Germain")."""
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return None
    fits = {m.text: m for m in mentions if m.label in ("ORG", "FAC", "GPE") and initials(m.text) == letters and " " in m.text.replace("-", " ")}
    return next(iter(fits.values())) if len(fits) == 1 else None


@rule(Example("Fans of Paris Saint-Germain cheered. PSG won again.", [("Paris Saint-Germain", "ORG")]))
def facility_known_by_initials(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A "facility" known by its initials is an organisation ("Paris Saint-Germain" ...
    "PSG"): relabelled ORG.

    Not: a facility whose initials no organisation mention of the article spells.
    """
    initialled = {alias_key(m.text) for m in mentions if m.label == "ORG" and m.text.isupper()}
    return [
        replace(m, label="ORG", repaired_by="facility_known_by_initials") if m.label == "FAC" and any(initials(m.text) == key.upper() for key in initialled) else m
        for m in mentions
    ]


@rule(Example("Turnout was 61 percent. Officials said turnout fell in the cities.", None,
              note="drops 'Turnout': the article writes the word in lower case too (tests/entities/test_entities.py checks the drop)"),
      Example("Rose Tanner won. Rose said prices rose.", None, note="a word of a person's full name stays"))
def common_word_opening_sentence(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A one-word "person" opening a sentence or a quotation ("Turnout was 61 percent",
    "\u201cMackerel stocks are ...") that the article also writes in lower case ("turnout",
    "mackerel") is a common noun written with a capital, no name.

    Not: organisations ("Target" may be the company); a word of a longer person's name of
    the article ("Rose" after "Rose Tanner").
    """
    body = search.body
    lower = {t.text for t in search.tokens if t.is_lower}
    full_name_words = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    dropped = set()
    for m in mentions:
        if m.label != "PERSON" or " " in m.text or m.text.lower() not in lower or m.text in full_name_words:
            continue
        before = body[max(m.char_start - 3, 0) : m.char_start].rstrip("\u201c\u2018\"' ")
        if m.char_start == 0 or before.endswith((".", "!", "?", "\n")) or before == "" or body[max(m.char_start - 1, 0)] in "\u201c\u2018\"":
            dropped.add(m)
    return [m for m in mentions if m not in dropped]


# Finders that read the words around a name (datelines, a kind of organisation after it, a
# place beside it) live in their own module; it needs this one's Mention and MentionSearch.
from transforms.entities.context_finders import (  # noqa: E402
    club_prefix_name, coordinated_place, dateline, defined_short_form, first_name_before_surname, institution_cut_from_its_name, lead_start, legal_form_name, name_after_org_descriptor, name_before_org_kind, name_with_age,
    name_given_as_first_name, name_set_off_as_person, name_set_off_as_organisation, name_after_role_apposition, name_before_of_organisation, name_spelled_by_initials, numbered_body, organisation_noun_of_name, organisation_with_particle, organisation_cut_at_particle, place_after_area_word, name_before_place_noun, town_administration,
    town_after_preposition,
)


MENTION_FINDERS: tuple[Rule, ...] = (
    dateline,
    titled_name,
    office_org_phrase,
    court_name,
    feature_of_name,
    model_entities,
    first_name_before_surname,
    club_prefix_name,
    bare_org_noun,
    suffix_org_name,
    known_org_phrase,
    untagged_name,
    short_org_name,
    place_before_team_name,
    name_with_age,
    name_given_as_first_name,
    name_set_off_as_person,
    name_set_off_as_organisation,
    name_after_role_apposition,
    name_before_of_organisation,
    name_before_org_kind,
    name_after_org_descriptor,
    coordinated_place,
    town_after_preposition,
    place_after_area_word,
    name_before_place_noun,
    legal_form_name,
    institution_cut_from_its_name,
    town_administration,
    numbered_body,
    organisation_noun_of_name,
    organisation_with_particle,
    organisation_cut_at_particle,
    name_spelled_by_initials,
    defined_short_form,
    facility_known_by_initials,
    common_word_opening_sentence,
)


def find_mentions(context: ArticleContext) -> list[Mention]:
    """Named mentions of one article: every finder of ``MENTION_FINDERS`` in order, sorted by
    position."""
    search = MentionSearch.build(context)
    mentions: list[Mention] = []
    for finder in MENTION_FINDERS:
        mentions = finder(search, mentions)
    return sorted(mentions, key=lambda m: (m.char_start, m.char_end))
