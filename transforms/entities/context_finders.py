"""MENTION_FINDERS that read the words around a name: a dateline's place and agency, a kind of
organisation written after a name ("the Torun Together movement"), a place coordinated with
another ("from Kent and Sussex"), an age set off after a name ("Akosua Mensah, 58,").
Registered in ``transforms.entities.mentions.MENTION_FINDERS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from transforms.entities.mentions import Mention, MentionSearch, pieces_within
from transforms.entities.places import known_place
from transforms.entities.words import CALENDAR_WORD, LEADING_WORDS, hyphen_tail, is_capitalised, is_office_word
from transforms.lexicon import COMPANY_DESCRIPTORS, HONORIFICS, ORG_SUFFIXES, TITLE_WORDS
from transforms.lexicons import words as lexicon_words
from transforms.rules import Example, rule

# "LISBON (Meridian Wire) - ", "PIRAEUS, Greece (Aegean Press Service) - ", "ABIDJAN, Feb 23
# (West Africa Wire) - ", "QUITO, Ecuador - ": the place in capitals, its country or state, a date,
# the agency in brackets, a dash; then the lead sentence. A byline paragraph ("By Helen Marsh,
# Environment Reporter") may come first. The place is checked for capitals in code ("WROCŁAW").
_DATELINE = re.compile(
    r"""\A\s*(?:By\ [^\n]{1,80}\n\s*)?
    (?P<city>[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*(?:\ [^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*){0,3})
    (?:,\ (?P<country>[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,2}))?
    (?P<date>,\ [A-Z][a-z]{2,8}\.?\ \d{1,2})?
    (?:\ \((?P<agency>[A-Z][^()\n]{1,60})\))?
    \ ?[-–—]+\ ?""",
    re.VERBOSE,
)
# An agency that is one common noun ("(Wire)", "(Staff)") stands for no agency.
_GENERIC_AGENCIES = lexicon_words("generic_agency_words")
# "© 2019 Meridian Wire" closing the article.
_COPYRIGHT = re.compile(r"©\s*(?:\d{4}\s+)?(?P<owner>[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,4})")


def _dateline(body: str) -> re.Match[str] | None:
    match = _DATELINE.match(body)
    if match is None or not match["city"].isupper() or len(match["city"]) < 2 or not (match["country"] or match["date"] or match["agency"]):
        return None  # "QUITO -" alone is no dateline: a headline word before a dash could be
    return match


def lead_start(body: str) -> int | None:
    """Where the lead sentence starts after a dateline ("LISBON (Meridian Wire) - Nurses ..."),
    or None for an article without one."""
    match = _dateline(body)
    return match.end() if match else None


@rule(
    Example("LISBON (Meridian Wire) - Nurses began a strike on Monday.", [("LISBON", "GPE"), ("Meridian Wire", "ORG")]),
    Example("PIRAEUS, Greece (Aegean Press Service) - An inquiry opened.", [("PIRAEUS", "GPE"), ("Greece", "GPE"), ("Aegean Press Service", "ORG")]),
    Example("By Ana Reis, Science Reporter\n\nRECIFE, Brazil, Feb 3 (Wire) - A new frog was found.", [("RECIFE", "GPE"), ("Brazil", "GPE")]),
    Example("KRAKÓW, Poland - Trams stopped on Monday.", [("KRAKÓW", "GPE"), ("Poland", "GPE")]),
    Example("Nurses began a strike on Monday.\n\n© 2019 Meridian Wire. All rights reserved.", [("Meridian Wire", "ORG")]),
)
def dateline(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A dateline's place (and its country) and the news agency in brackets, and the owner of
    a closing copyright line ("© 2019 Meridian Wire"): the agency is an organisation, whatever
    the model calls its words ("Atlantic Newswire" a place).

    The dateline may follow a byline paragraph ("By Helen Marsh, Environment Reporter") and hold
    a date ("ABIDJAN, Feb 23 (West Africa Wire) -"); its agency may be missing ("QUITO, Ecuador
    -"). An agency that is one common noun ("(Wire)", ``generic_agency_words.txt``) is no name.

    Not: a bracket later in the text; a place alone before a dash ("QUITO -": a headline word
    could be); a place not in capitals.
    """
    found = []
    match = _dateline(search.body)
    if match is not None:
        groups = [("city", "GPE"), ("country", "GPE")] + ([("agency", "ORG")] if (match["agency"] or "").casefold() not in _GENERIC_AGENCIES else [])
        found += [search.mention(match.start(group), match.end(group), label, "dateline") for group, label in groups if match[group]]
    found += [search.mention(m.start("owner"), m.end("owner"), "ORG", "dateline") for m in _COPYRIGHT.finditer(search.body)]
    return mentions + [m for m in found if m.text.strip()]


_ORG_KIND_AFTER = lexicon_words("org_kind_after_words")
_PLACE_LIST_PREPOSITIONS = frozenset({"from", "in", "to", "into", "across", "near", "around", "throughout", "via", "at"})


@rule(
    Example("His challenger, Agnieszka Lisowska of the Torun Together movement, filed the complaint.", [("Torun Together", "ORG")]),
    Example("Voters backed the Kurdish movement on Sunday.", None, note="a nationality is no movement's name"),
)
def name_before_org_kind(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the Torun Together movement", "the Green Future coalition": the capitalised name of two
    to four words before a lower-case kind of organisation (``org_kind_after_words``) is the
    organisation, and a place inside it ("Torun") is no mention of its own.

    Not: one word (see ``name_before_party``); a name with a nationality or a date in it; a
    run opening a sentence without "the" before it.
    """
    tokens = search.tokens
    found, dropped = [], set()
    for token in tokens:
        if token.lower_ not in _ORG_KIND_AFTER or not token.is_lower:
            continue
        first = token.i
        while first > 0 and is_capitalised(tokens[first - 1]) and tokens[first - 1].lower_ not in LEADING_WORDS:
            first -= 1
        run = tokens[first : token.i]
        if not 2 <= len(run) <= 4 or any(t.ent_type_ in ("DATE", "CARDINAL", "ORDINAL") for t in run) or first == 0 or tokens[first - 1].lower_ != "the":
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        inside = [m for m in mentions if m.char_start < end and start < m.char_end]
        if all(start <= m.char_start and m.char_end <= end and m.label not in ("PERSON", "NORP") for m in inside):
            dropped.update(inside)
            found.append(search.mention(start, end, "ORG", "name_before_org_kind"))
    return [m for m in mentions if m not in dropped] + found


_ORG_DESCRIPTORS = lexicon_words("org_descriptors")
# The kinds of company news puts before a name too ("the Seoul-based start-up Skyrove Mobility").
_NAME_OPENING_DESCRIPTORS = _ORG_DESCRIPTORS | COMPANY_DESCRIPTORS


def _descriptor_word(tokens: tuple[Token, ...], token: Token) -> str:
    """The lower-case descriptor a token ends: "start-up" for the "up" of "start - up"."""
    i = token.i
    if token.lower_ == "up" and i >= 2 and tokens[i - 1].text == "-" and tokens[i - 2].lower_ == "start":
        return "start-up"
    return token.lower_


# Small words inside an organisation's name ("Friends of the Earth", "Agua para Todos"); not
# "and", "et", "und", which join two names as often as they sit inside one.
_NAME_SMALL_WORDS = lexicon_words("initials_skip_words") - {"and", "et", "und"}


def _name_run_end(tokens: tuple[Token, ...], first: int, small_words: frozenset[str] = _NAME_SMALL_WORDS) -> int:
    """Where a name that opens at ``first`` (right after a lower-case descriptor, or after an
    organisation noun's "for"/"of") ends: through capitalised words (the first of any part of
    speech, the others proper nouns or capitalised words of a name that runs on), and through
    one or two ``small_words`` when a capitalised word follows them."""
    end = first
    while end < len(tokens):
        if is_capitalised(tokens[end]) and (end == first or tokens[end].pos_ in ("PROPN", "ADV", "NOUN", "ADJ") or tokens[end - 1].lower_ in small_words):
            end += 1
            continue
        small = end
        while small < len(tokens) and small - end < 2 and tokens[small].lower_ in small_words and tokens[small].is_lower:
            small += 1
        if end > first and small > end and small < len(tokens) and is_capitalised(tokens[small]):
            end = small
            continue
        break
    return end


@rule(
    Example("Nurses joined the campaign group Mama Salama Trust in the march.", [("Mama Salama Trust", "ORG")]),
    Example("Many wore the colours of the campaign group Library Friends of Kent.", [("Library Friends of Kent", "ORG")]),
    Example("The advocacy group Tamarack Watch welcomed the ban.", None, note="one model name: org_after_descriptor relabels it"),
    Example("It was built by the Seoul-based start-up Skyrove Mobility, the company said.", [("Skyrove Mobility", "ORG")]),
    Example("Rates were held, the central bank Governor Ana Costa said.", None, note="a title opens the run: a person"),
    Example("said Claudia Rojas of the campaign group Agua para Todos, which plans a march.", [("Agua para Todos", "ORG")],
            note="a small word between capitalised words"),
    Example("About 60 members of the campaign group Save the Great Glen held a protest.", [("Save the Great Glen", "ORG")],
            note="a verb opening the name"),
    Example("said Aileen Shaw of the campaign group Parents Together Scotland, which welcomed the deal.", [("Parents Together Scotland", "ORG")]),
)
def name_after_org_descriptor(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the campaign group Salama Safari", "the campaign group Library Lovers of Tacoma": the
    capitalised run after a lower-case organisation noun (``org_descriptors``, or a company
    descriptor: "the start-up Skyrove Mobility"), going on through the small words of names
    (``initials_skip_words`` but "and": "of", "the", "para", "do") when a capitalised word
    follows them, is one organisation, where the model cut it into a place and a person or
    stopped before a small word. Right after the descriptor a capitalised word of any part of
    speech is a name ("the campaign group Save the Great Glen", "Parents Together Scotland").

    Not: a run the model tagged as one name (``org_after_descriptor`` relabels it); a run
    with a date or a number in it; a single word; a run opened by a title ("the central
    bank Governor Ana Costa").
    """
    tokens = search.tokens
    found, dropped = [], set()
    for token in tokens:
        if _descriptor_word(tokens, token) not in _NAME_OPENING_DESCRIPTORS or not token.is_lower:
            continue
        if token.i + 1 < len(tokens) and (tokens[token.i + 1].lower_ in TITLE_WORDS or tokens[token.i + 1].lower_.rstrip(".") in HONORIFICS):
            continue  # "the central bank Governor Ana Costa": a person with a title
        end = _name_run_end(tokens, token.i + 1)
        if end == token.i + 1:
            continue
        run = tokens[token.i + 1 : end]
        if len(run) < 2 or any(t.ent_type_ in ("DATE", "CARDINAL", "ORDINAL", "MONEY") for t in run):
            continue
        start, stop = run[0].idx, run[-1].idx + len(run[-1])
        inside = [m for m in mentions if m.char_start < stop and start < m.char_end]
        if len(inside) == 1 and (inside[0].char_start, inside[0].char_end) == (start, stop):
            continue  # the model's own name: org_after_descriptor's
        if all(start <= m.char_start and m.char_end <= stop for m in inside):
            dropped.update(inside)
            found.append(search.mention(start, stop, "ORG", "name_after_org_descriptor"))
    return [m for m in mentions if m not in dropped] + found


@rule(
    Example("Kingsway Rail runs trains into London from Kent and Sussex.", [("Sussex", "GPE")]),
    Example("Flights from Riga and Tallinn resumed on Monday.", None, note="the model tags both"),
    Example("Talks between Israel and Hezbollah resumed on Monday.", None, note="no place preposition"),
)
def coordinated_place(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"from Kent and Sussex": a one-word capitalised name the model left untagged, joined by
    "and" or "or" to a place after a place preposition, is a place too.

    Not: a pair after no preposition ("talks between Israel and Hezbollah", "Russia and
    Wagner"); a name of several words; a word opening a sentence; a name that goes on in
    capitals ("Kent and Sussex Courier").
    """
    tokens = search.tokens
    at = {t.idx: t for t in tokens}
    places = {(m.char_start, m.char_end) for m in mentions if m.label == "GPE" and m.char_start in at}
    covered = [(m.char_start, m.char_end) for m in mentions]

    def after_preposition(first: Token) -> bool:
        return first.i > 0 and tokens[first.i - 1].lower_ in _PLACE_LIST_PREPOSITIONS

    found = []
    for token in tokens[2:-1]:
        if token.lower_ not in ("and", "or"):
            continue
        left, right = tokens[token.i - 1], tokens[token.i + 1]
        place_before = next((at[s] for s, e in places if e == left.idx + len(left)), None)
        place_after = (right.idx, next((e for s, e in places if s == right.idx), -1)) in places
        candidates = []
        if place_before is not None and after_preposition(place_before):
            candidates.append((right, tokens[token.i + 2] if token.i + 2 < len(tokens) else None))
        if place_after and after_preposition(left):
            candidates.append((left, None))
        for name, following in candidates:
            if name.pos_ != "PROPN" or not is_capitalised(name) or name.ent_type_ or name.is_sent_start:
                continue
            if (following is not None and (is_capitalised(following) or following.text in ("-", "–"))) or any(s <= name.idx < e for s, e in covered):
                continue
            found.append(search.mention(name.idx, name.idx + len(name), "GPE", "coordinated_place"))
    return mentions + found


_LEGAL_FORMS = lexicon_words("legal_form_words")
_CLUB_ENDINGS = lexicon_words("club_name_endings")
_NOT_IN_NAMES = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL"})


@rule(
    Example("Novamed AB, which makes the drug, said it would seek approval. Novamed shares rose 12 percent.", [("Novamed", "ORG")], note="the model tags the full name itself"),
    Example("Shares rose as analysts praised the plan.", None),
    Example("Members of Suirvale Dairies Co-operative Society Ltd backed the deal.", [("Suirvale Dairies Co-operative Society Ltd", "ORG")],
            note="a hyphenated word is one word of the name"),
    Example("Elbtal-Klinikum Dresden gGmbH, which runs the hospital, said hackers had encrypted its servers.",
            [("Elbtal-Klinikum Dresden gGmbH", "ORG")], note="a legal form written with a small first letter"),
    Example("A fire closed a hospital in Kassel. Klinikum Nordhessen gGmbH said no one was hurt.", [("Klinikum Nordhessen gGmbH", "ORG")],
            note="the model tags the whole name a person"),
    Example("Skjold Line A/S, a Copenhagen-based operator of feeder ships, said costs would rise.", [("Skjold Line A/S", "ORG")],
            note="the model tags 'Skjold Line' a person; 'A/S' is three tokens"),
    Example("In a statement, Fife Thistle FC said its board had approved the sale.", [("Fife Thistle FC", "ORG")],
            note="a club's ending (``club_name_endings``) as a legal form"),
)
def legal_form_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A capitalised name before a legal form ("Novamed AB", "Brannock Rail plc", "Kestrel
    Mobile ASA") is a company even where it opens a sentence and the model misses it; the
    company's first word alone later ("Novamed shares rose") is its short name.

    A hyphenated word is one word ("Suirvale Dairies Co-operative Society Ltd").

    A name so ended that the model tagged whole as a person or a place is relabelled. A
    sports club's ending in capitals ("Fife Thistle FC", ``club_name_endings``) counts as a
    legal form, but the club's first word alone is no short name (it is often its town).

    Not: a name of more than four words before the form; a first word that the article
    also writes in lower case or that is a title or leading word ("General").
    """
    tokens = search.tokens
    found, dropped, firsts = [], set(), set()
    for token in tokens[1:]:
        # "gGmbH" (a non-profit GmbH) is written with a small first letter.
        legal = token.lower_.rstrip(".") in _LEGAL_FORMS and (token.text[:1].isupper() or token.is_lower or not token.text.islower())
        club = token.lower_ in _CLUB_ENDINGS and token.text.isupper()
        # "Skjold Line A/S": the Danish and Norwegian form is three tokens.
        slashed = token.text == "S" and token.i >= 3 and tokens[token.i - 1].text == "/" and tokens[token.i - 2].text == "A"
        if not legal and not club and not slashed:
            continue
        legal = legal or slashed
        first, count = token.i - 2 if slashed else token.i, 0
        form_start = first
        while first > 0 and count < 4:
            if hyphen_tail(tokens, first - 1) and tokens[first - 3].lower_ not in LEADING_WORDS:
                first -= 3
            elif is_capitalised(tokens[first - 1]) and tokens[first - 1].lower_ not in LEADING_WORDS and tokens[first - 1].ent_type_ not in _NOT_IN_NAMES:
                first -= 1
            else:
                break
            count += 1
        if first == form_start:
            continue
        start, end = tokens[first].idx, token.idx + len(token)
        if token.text.endswith(".") and (token.i + 1 == len(tokens) or tokens[token.i + 1].is_space or is_capitalised(tokens[token.i + 1])):
            end -= 1  # "... Allgäuer Milchbund eG." ending the sentence: the stop is the sentence's
        inside = [m for m in mentions if m.char_start < end and start < m.char_end]
        whole = [m for m in inside if m.char_start == start and m.char_end == end]
        if all(start <= m.char_start and m.char_end <= end for m in inside) and not whole:
            dropped.update(inside)
            found.append(search.mention(start, end, "ORG", "legal_form_name"))
        elif whole and whole[0].label != "ORG":
            # "Klinikum Nordhessen gGmbH" tagged a person: a name with a legal form is a company.
            dropped.add(whole[0])
            found.append(replace(whole[0], label="ORG", repaired_by="legal_form_name"))
        if legal:
            firsts.add(tokens[first].text)  # a club's first word alone is often its town ("Fife")
    lower = {t.lower_ for t in tokens if t.is_lower}
    covered = [(m.char_start, m.char_end) for m in mentions if m not in dropped] + [(m.char_start, m.char_end) for m in found]
    for token in tokens:
        if token.text in firsts and token.lower_ not in lower and token.lower_ not in LEADING_WORDS and not any(s <= token.idx < e for s, e in covered):
            nxt = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
            if nxt is None or not is_capitalised(nxt):
                found.append(search.mention(token.idx, token.idx + len(token), "ORG", "legal_form_name"))
    return [m for m in mentions if m not in dropped] + found


# Organisation nouns that head a name running on through "for", "of" or "on" ("the Agency for
# Coastal Protection", "the Centre for Economic Research", "the Commission on Human Rights").
_NAME_HEADS = lexicon_words("org_nouns") | lexicon_words("organisation_kind_nouns") | {"centre", "center", "service", "directorate", "inspectorate", "academy", "fund", "society"}


@rule(
    Example("The Agency for Coastal Protection said the gates jammed.", [("Agency for Coastal Protection", "ORG")], note="the model tags two names"),
    Example("The Ministry of Coastal Protection said the gates jammed.", None, note="the model's own name stands"),
    Example("Residents of Hastings met the Council on Monday.", None, note="no 'for'/'of' after the noun"),
    Example("The Department for Culture, Media and Sport declined to comment.", [("Department for Culture, Media and Sport", "ORG")],
            note="fields listed with commas and closed by 'and'"),
    Example("The group urged the Ministry of Culture, Sports and Tourism to act.", [("Ministry of Culture, Sports and Tourism", "ORG")]),
    Example("The Agency for Coastal Protection, France and Spain signed the pact.", [("Agency for Coastal Protection", "ORG")],
            note="places after the comma are a list of parties, not fields of the name"),
)
def organisation_noun_of_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A capitalised organisation noun ("Agency", "Centre", "Commission"; ``org_nouns``,
    ``organisation_kind_nouns``) followed by "for", "of" or "on" and capitalised words is one
    organisation with the capitalised words before the noun ("the National Agency for Coastal
    Protection"), where the model cut it at the noun. Its fields may be a list closed by "and"
    ("the Department for Culture, Media and Sport").

    Not: a run the model tagged whole (its name stands); a noun opening a sentence without
    "the" before it; a noun in lower case ("the agency for ...").
    """
    tokens = search.tokens
    found, dropped = [], set()
    for token in tokens:
        if token.lower_ not in _NAME_HEADS or not is_capitalised(token) or token.i + 2 >= len(tokens) or tokens[token.i + 1].lower_ not in ("for", "of", "on"):
            continue
        after = token.i + 2 + (tokens[token.i + 2].lower_ == "the")
        # After "Centre for", "and" joins the name's own words ("Economic Research and Policy").
        end = _name_run_end(tokens, after, _NAME_SMALL_WORDS | {"and"})
        end = _listed_fields_end(tokens, end)
        if end == after or any(t.ent_type_ in _NOT_IN_NAMES for t in tokens[after:end]):
            continue
        first = token.i
        while first > 0 and is_capitalised(tokens[first - 1]) and tokens[first - 1].lower_ not in LEADING_WORDS and not tokens[first - 1].is_sent_start:
            first -= 1
        if first == token.i and token.is_sent_start:
            continue  # "Agency for ..." opening a sentence may be a headline's noun
        start, stop = tokens[first].idx, tokens[end - 1].idx + len(tokens[end - 1])
        inside = pieces_within(mentions, start, stop)
        if inside is None:
            continue  # the model's own name, or one crossing the run
        dropped.update(inside)
        found.append(search.mention(start, stop, "ORG", "organisation_noun_of_name"))
    return [m for m in mentions if m not in dropped] + found


def _listed_fields_end(tokens: tuple[Token, ...], end: int) -> int:
    """The end of a list of capitalised fields that goes on after a comma and is closed by "and"
    ("Culture, Media and Sport"), or ``end`` when what follows the comma is no such list."""
    k = end
    while k + 1 < len(tokens) and tokens[k].text == "," and is_capitalised(tokens[k + 1]):
        nxt = _name_run_end(tokens, k + 1, _NAME_SMALL_WORDS | {"and"})
        if nxt == k + 1 or any(t.ent_type_ in ("GPE", "LOC", "NORP", "PERSON") for t in tokens[k + 1 : nxt]):
            return end
        if any(t.lower_ == "and" for t in tokens[k + 1 : nxt]):
            return nxt
        k = nxt
    return end


_NUMBERED_BODY_WORDS = lexicon_words("numbered_body_words")
_NUMBER_WORDS = frozenset({"no", "no.", "number", "nr", "nr."})
_ROMAN = re.compile(r"[IVX]{1,5}")


def _body_number_end(tokens: tuple[Token, ...], after: int) -> int | None:
    """The end of the number right after a body's name ("No. 2", "2", "No. IV"), or None when
    what follows is no such number or counts the noun after it ("Committee 5 votes")."""
    k = after
    if k < len(tokens) and tokens[k].lower_ in _NUMBER_WORDS and tokens[k].text[:1] == "N":
        k += 1
        if k < len(tokens) and tokens[k].text == ".":
            k += 1
    if k >= len(tokens):
        return None
    number = tokens[k]
    if not (number.text.isdigit() and len(number.text) <= 3 or _ROMAN.fullmatch(number.text)):
        return None
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    if following is not None and (following.text in ("%", ".") and k + 2 < len(tokens) and tokens[k + 2].is_digit or number.head is following and following.pos_ == "NOUN"):
        return None  # "Committee 5 votes to 4", "Chamber 2.5": a count, not a name
    return k + 1


@rule(
    Example("The Legislative Council's Portfolio Committee No. 2, which oversees health, will meet.", [("Portfolio Committee No. 2", "ORG")]),
    Example("Any appeal would go to Appeals Panel 2 of the national federation.", [("Appeals Panel 2", "ORG")]),
    Example("In Buenos Aires, Federal Administrative Court No. 4 on Wednesday rejected a request.", [("Federal Administrative Court No. 4", "ORG")]),
    Example("Mercosur's Technical Committee No. 1, which handles the tariff, met.", [("Mercosur", "ORG"), ("Technical Committee No. 1", "ORG")],
            note="the model tags the owner and the body as one name"),
    Example("The Committee voted 5 to 4 to approve it.", None, note="a vote, no number after the body"),
    Example("The union would ask Social Court No. 3 of Oviedo to suspend the closure.", [("Social Court No. 3 of Oviedo", "ORG")],
            note="the town the court sits in"),
)
def numbered_body(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A body named by a number after it ("Portfolio Committee No. 2", "Appeals Panel 2",
    "Federal Administrative Court No. 4"): the capitalised words ending in a body word
    (``numbered_body_words``) and the number, written alone or after "No.", are one
    organisation, where the model stops before the number or misses the name.

    The town it sits in ("Social Court No. 3 of Oviedo") is part of the name.

    Not: a number that counts the noun after it ("Committee 5 votes"); a body word alone
    ("Court 2" is a room); a run crossing a possessive (the owner is its own name:
    "Mercosur's Technical Committee No. 1" gives "Technical Committee No. 1").
    """
    tokens = search.tokens
    found, dropped = [], set()
    for token in tokens:
        if token.lower_ not in _NUMBERED_BODY_WORDS or not is_capitalised(token):
            continue
        end = _body_number_end(tokens, token.i + 1)
        if end is None:
            continue
        first = token.i
        while first > 0 and is_capitalised(tokens[first - 1]) and tokens[first - 1].lower_ not in LEADING_WORDS and not tokens[first - 1].is_sent_start:
            first -= 1
        if first > 0 and is_capitalised(tokens[first - 1]) and tokens[first - 1].lower_ not in LEADING_WORDS and tokens[first - 1].is_sent_start:
            first -= 1  # "Appeals Panel 2 ruled ..." opening a sentence
        if first == token.i:
            continue
        # "Social Court No. 3 of Oviedo": the town the numbered court sits in is part of its name.
        if end + 1 < len(tokens) and tokens[end].lower_ == "of" and is_capitalised(tokens[end + 1]) and tokens[end + 1].ent_type_ == "GPE":
            end += 2
            while end < len(tokens) and tokens[end].ent_iob_ == "I" and tokens[end].ent_type_ == "GPE":
                end += 1
        start, stop = tokens[first].idx, tokens[end - 1].idx + len(tokens[end - 1])
        owner = tokens[first - 1] if first > 1 and tokens[first - 1].lower_ in ("'s", "’s") else None
        owned = [m for m in mentions if owner is not None and m.char_start < owner.idx and owner.idx < m.char_end <= stop]
        inside = pieces_within([m for m in mentions if m not in owned], start, stop)
        if inside is None:
            continue
        dropped.update(inside + owned)
        # "Mercosur's Technical Committee" tagged as one name: its owner is a name of its own.
        found.extend(search.mention(m.char_start, tokens[first - 2].idx + len(tokens[first - 2]), m.label, "numbered_body") for m in owned)
        found.append(search.mention(start, stop, "ORG", "numbered_body"))
    return [m for m in mentions if m not in dropped] + found


_ADMINISTRATION_ENDINGS = re.compile(r" (?:" + "|".join(re.escape(e) for e in sorted(lexicon_words("city_administration_endings"))) + r")(?![\w-])")


@rule(
    Example("The firm had heard nothing for two years. Prague City Hall said the application had been incomplete.", [("Prague City Hall", "ORG")],
            note="the model tags the town alone"),
    Example("Leeds Town Hall was closed on Monday.", [("Leeds Town Hall", "ORG")], note="the model tags the whole a person"),
    Example("Mayor Thabo Mahlangu announced the restrictions, the strictest Polokwane Municipality has ever imposed.",
            [("Polokwane Municipality", "ORG")], note="the model tags the whole a place"),
    Example("Crowds gathered in Prague on Monday.", None),
)
def town_administration(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A town's name with "City Hall" or "Town Hall" after it (``city_administration_endings``)
    is the town's administration, an organisation ("Prague City Hall said"), where the model
    tagged the town alone or the whole as something else.

    Not: the words in lower case ("Prague's city hall" stays the town).
    """
    body = search.body
    found, dropped = [], set()
    for m in mentions:
        if m.label not in ("GPE", "PERSON", "FAC", "LOC", "ORG"):
            continue
        after = _ADMINISTRATION_ENDINGS.match(body, m.char_end)
        inside = _ADMINISTRATION_ENDINGS.search(m.text)
        if m.label == "GPE" and after is not None:
            stop = after.end()  # "Prague" + " City Hall"
        elif m.label != "ORG" and inside is not None and inside.end() == len(m.text):
            stop = m.char_end  # "Leeds Town Hall" tagged whole as a person
        else:
            continue
        if any(o is not m and o.char_start < stop and m.char_start < o.char_end for o in mentions):
            continue
        dropped.add(m)
        found.append(search.mention(m.char_start, stop, "ORG", "town_administration"))
    return [m for m in mentions if m not in dropped] + found


_BARE_INSTITUTION_WORDS = lexicon_words("bare_institution_words")


@rule(
    Example("Derek Mair, who represents the area in the Scottish Parliament, told Holyrood that the plan was wrong.",
            [("Scottish Parliament", "ORG")], note="the model tags 'the Scottish' and 'Parliament' apart"),
    Example("Parliament will vote on Tuesday.", None, note="a bare word alone stays as it is"),
)
def institution_cut_from_its_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the Scottish Parliament" tagged as two names ("Scottish", "Parliament"): a bare
    institution word (``bare_institution_words``: "Parliament", "Senate", "Assembly") right
    after another name, with one space between, ends that name: one organisation.

    Not: a bare word after punctuation or a lower-case word; a name before it that is a
    person's.
    """
    body = search.body
    ordered = sorted(mentions, key=lambda m: m.char_start)
    found, dropped = [], set()
    for before, word in zip(ordered, ordered[1:]):
        if word.text.casefold() not in _BARE_INSTITUTION_WORDS or body[before.char_end : word.char_start] != " " or before.label == "PERSON":
            continue
        if before in dropped or not before.text[:1].isupper():
            continue
        dropped.update((before, word))
        found.append(search.mention(before.char_start, word.char_end, "ORG", "institution_cut_from_its_name"))
    return [m for m in mentions if m not in dropped] + found


# "Orwell Port Holdings (OPH)", "the Pennsylvania Department of Transportation (PennDOT)".
_DEFINED_SHORT = re.compile(r"\((?P<short>[A-Z][A-Z&]{1,9}|[A-Z][a-z]{0,6}[A-Z][A-Za-z]{0,8})\)")


@rule(
    Example("The Valdora Department of Transportation (ValDOT) said the bridge was safe. ValDOT had planned to rebuild the deck in 2027.",
            [("ValDOT", "ORG")]),
    Example("Voters backed Ana Costa (PSD) on Sunday.", None, note="a bracket after a person is no short form of theirs"),
    Example("Autoridade da Concorrência (AdC) opened a probe. The AdC fined Vuelo in 2021.", [("AdC", "ORG")],
            note="the model read the later use as a person: the definition says what it is"),
)
def defined_short_form(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A short form defined in brackets right after an organisation's name ("Orwell Port
    Holdings (OPH)", "the Pennsylvania Department of Transportation (PennDOT)"): each use of it
    the model left untagged or read as a person is a mention of an organisation (the grouping
    joins it to the long form), however often "OPH said" makes it look like a surname. The bracket itself is left
    as the model read it.

    Not: a short form with one capital ("(Sernageomin)"), or one after a person or place.
    """
    body = search.body
    found: list[Mention] = []
    dropped: set[Mention] = set()
    for definition in _DEFINED_SHORT.finditer(body):
        if not any(m.label == "ORG" and body[m.char_end : definition.start()].strip() == "" and m.char_end <= definition.start() for m in mentions):
            continue
        short = definition["short"]
        covered = [(m.char_start, m.char_end) for m in mentions + found]
        for use in re.finditer(rf"(?<![\w@-]){re.escape(short)}(?![\w-])", body[definition.end() :]):
            start, end = definition.end() + use.start(), definition.end() + use.end()
            as_person = [m for m in mentions if (m.char_start, m.char_end) == (start, end) and m.label == "PERSON"]
            if as_person:
                dropped.update(as_person)
                found.append(search.mention(start, end, "ORG", "defined_short_form"))
            elif not any(a <= start < b for a, b in covered):
                found.append(search.mention(start, end, "ORG", "defined_short_form"))
    return [m for m in mentions if m not in dropped] + found


# "Hospital de Santa Clara", "Universidad de Chile", "Caixa Geral de Depósitos": an
# organisation word, a particle of the Romance languages, then capitalised words.
_ORG_WORDS_BEFORE_PARTICLE = lexicon_words("org_first_words") | lexicon_words("organisation_kind_nouns")
_ORG_WITH_PARTICLE = re.compile(
    r"(?<![\w-])(?P<kind>[A-Z][^\W\d_]+)(?:\s+[A-Z][^\W\d_]+)?\s+(?:de la|de los|de las|de|da|do|dos|das|del|della|di|du|des)"
    r"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
)


@rule(
    Example("Hospital de Santa Clara in Lisbon, one of the country's largest, cancelled 300 operations.", [("Hospital de Santa Clara", "ORG")],
            note="the model tags 'Santa Clara' a place"),
    Example("The Banco de Portugal said inflation would ease.", None, note="the model's own organisation stands"),
    Example("Flights from Rio de Janeiro resumed on Monday.", None, note="no organisation word before the particle"),
)
def organisation_with_particle(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """An organisation word with a name after a particle ("Hospital de Santa Clara",
    "Instituto de Salud Carlos III") is one organisation, where the model tagged only the
    name after the particle (a place, a person) or nothing.

    Not: a span the model tagged whole (its label stands); names without an organisation
    word first ("Rio de Janeiro", "Lula da Silva").
    """
    found, dropped = [], set()
    for match in _ORG_WITH_PARTICLE.finditer(search.body):
        if match["kind"].casefold() not in _ORG_WORDS_BEFORE_PARTICLE:
            continue
        start, stop = match.span()
        inside = pieces_within(mentions, start, stop)
        if inside is None:
            continue
        dropped.update(inside)
        found.append(search.mention(start, stop, "ORG", "organisation_with_particle"))
    return [m for m in mentions if m not in dropped] + found


_ROMANCE_PARTICLES = frozenset(("de", "da", "do", "dos", "das", "del", "della", "di", "du", "des"))


@rule(
    Example("Autoestradas do Sado SA said it would appeal the ruling.", [("Autoestradas do Sado SA", "ORG")],
            note="the model tags 'Autoestradas' a product and 'Sado SA' an organisation"),
    Example("Luiz Inácio Lula da Silva spoke in Rio de Janeiro.", None, note="a person's or a place's pieces stay"),
    Example("Dockers will strike. Terminales del Turia SA said it would buy cranes.", [("Terminales del Turia SA", "ORG")],
            note="the words before the particle untagged, the rest a company with its legal form"),
)
def organisation_cut_at_particle(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A name the model cut at a particle into two ("Autoestradas" + "Sado SA" for
    "Autoestradas do Sado SA"): a one-word mention (no person, place or nationality), a
    lower-case particle of the Romance languages, then an organisation: one organisation. So
    are one or two capitalised words the model left untagged before the particle and a
    company with a legal form ("Terminales del Turia SA").

    Not: pieces of people ("Lula da Silva") or places ("Rio de Janeiro"): the second piece
    must be an organisation, the first no person, place or nationality.
    """
    body = search.body
    ordered = sorted(mentions, key=lambda m: m.char_start)
    found, dropped = [], set()
    for before, after in zip(ordered, ordered[1:]):
        gap = body[before.char_end : after.char_start]
        if after.label != "ORG" or before.label in ("PERSON", "GPE", "LOC", "NORP") or " " in before.text or not before.text[:1].isupper():
            continue
        if not re.fullmatch(r" (?:" + "|".join(_ROMANCE_PARTICLES) + r") ", gap) or before in dropped or after in dropped:
            continue
        dropped.update((before, after))
        found.append(search.mention(before.char_start, after.char_end, "ORG", "organisation_cut_at_particle"))
    # "Terminales del Turia SA": the words before the particle untagged, the rest a company.
    covered = [(m.char_start, m.char_end) for m in mentions]
    for after in ordered:
        if after in dropped or after.label != "ORG" or after.text.split()[-1].rstrip(".").casefold() not in _LEGAL_FORMS:
            continue
        head = _UNTAGGED_BEFORE_PARTICLE.search(body, max(0, after.char_start - 60), after.char_start)
        if head is None or any(a < head.end("words") and head.start() < b for a, b in covered):
            continue
        dropped.add(after)
        found.append(search.mention(head.start(), after.char_end, "ORG", "organisation_cut_at_particle"))
    return [m for m in mentions if m not in dropped] + found


_UNTAGGED_BEFORE_PARTICLE = re.compile(r"(?<![\w-])(?P<words>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?) (?:" + "|".join(sorted(_ROMANCE_PARTICLES, key=len, reverse=True)) + r") $")


# "the Swiss Glacier Monitoring Network (SGMN)", "Autoestradas do Sado (AdS)": capitalised
# words (with small words of ``initials_skip_words`` between) right before a short form in
# brackets, in capitals or in mixed case with two capitals or more ("AdS", "KfW", "BoE").
_SMALL_NAME_WORDS = lexicon_words("initials_skip_words")
_SMALL_WORD = "|".join(re.escape(w) for w in sorted(_SMALL_NAME_WORDS, key=len, reverse=True))
_NAME_BEFORE_INITIALS = re.compile(r"(?P<long>[A-Z][\w&'’-]*(?:\s+(?:(?:" + _SMALL_WORD + r")\s+){0,2}[A-Z][\w&'’-]*){1,9})\s+\((?P<short>[A-Z][A-Za-z]{1,7})\)")


def _spelled_by_prefixes(short: str, words: list[str]) -> bool:
    """Each word gives the short form its first letters, in order ("SGMN": Swiss Glacier
    Monitoring Network; "ALB": ALpenland Bahn)."""
    if not words:
        return not short
    word = words[0]
    if len(words) == 1 and len(word) >= 9 and short[:1] == word[:1] and _in_order(short[1:], word[1:]):
        return True  # "Stadsvervoer" gives "SV": a compound's parts give their initials too
    return any(short.startswith(word[:n]) and _spelled_by_prefixes(short[n:], words[1:]) for n in range(min(len(word), len(short)), 0, -1))


def _in_order(letters: str, word: str) -> bool:
    """Whether the letters occur in the word in this order."""
    rest = iter(word)
    return all(letter in rest for letter in letters)


@rule(
    Example("A team from the Swiss Glacier Monitoring Network (SGMN) took the readings. The SGMN said it would publish its data.",
            [("Swiss Glacier Monitoring Network", "ORG")], note="the model tags only 'Swiss'"),
    Example("Flights to the United Arab Emirates (UAE) resumed.", None, note="the model's own place stands"),
    Example("Talks in Geneva (GVA) went on.", None, note="initials that do not spell the words"),
    Example("Markus Eder, who has led Alpenland Bahn (ALB) since 2020, said one train in six was late.", [("Alpenland Bahn", "ORG")],
            note="a word may give more than its initial"),
    Example("Rete Elettrica Lombarda (REL) said cables had overheated. REL said it was updating its map.", [("Rete Elettrica Lombarda", "ORG")],
            note="the model cut the name's first word and read the rest as a person"),
    Example("Voters backed Ana Costa (AC) on Sunday.", None, note="a person the model tagged whole stands"),
    Example("The state roads agency, Estradas Públicas de Portugal (EPP), will take over the road.", [("Estradas Públicas de Portugal", "ORG")],
            note="the model tags the whole a person: three initials or more, a small word inside"),
    Example("Autoestradas do Sado (AdS), which runs the road, said it would appeal.", [("Autoestradas do Sado", "ORG")],
            note="mixed-case initials: a small word gives its own letter"),
    Example("The loan came from Kreditanstalt für Wiederaufbau (KfW) on Monday.", [("Kreditanstalt für Wiederaufbau", "ORG")],
            note="the model cut the name at the particle"),
    Example("Westfriese Busvervoer (WBV), the regional bus operator, said fares would rise.", [("Westfriese Busvervoer", "ORG")],
            note="the parts of a compound give their initials"),
    Example("The operator, Estradas do Norte (EDN), rejected the report.", [("Estradas do Norte", "ORG")],
            note="capital initials may spell the small word too"),
)
def name_spelled_by_initials(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """Capitalised words right before a short form in brackets that their first letters spell
    ("the Swiss Glacier Monitoring Network (SGMN)", "Alpenland Bahn (ALB)") are one organisation's name, where the model cut
    it or missed it; ``defined_short_form`` then finds the short form's uses. Mixed-case
    initials spell small words too ("Autoestradas do Sado (AdS)", "Bank of England (BoE)").

    Not: a run the model tagged as one name (its label stands: "United Arab Emirates (UAE)");
    a run whose initials do not spell the short form; a run holding a person the model tagged,
    unless the person is a cut piece of a run of three or more initials, or the whole run is
    three or more initials with a small word inside ("Estradas Públicas de Portugal (EPP)":
    people are not named so; "John Fitzgerald Kennedy (JFK)" would be taken too).
    """
    body = search.body
    found, dropped = [], set()
    for definition in _NAME_BEFORE_INITIALS.finditer(body):
        words = definition["long"].split()
        # The last words whose initials spell the short form ("A team from the Swiss ..." starts at "Swiss").
        short = definition["short"]
        if sum(c.isupper() for c in short) < 2:
            continue  # "(Sernageomin)": a word, no initials
        for first in range(len(words)):
            run = words[first:]
            if run[0] in _SMALL_NAME_WORDS or run[0][:1].islower():
                continue
            if _spelled_by_prefixes(short.casefold(), [w.casefold() for w in run if w not in _SMALL_NAME_WORDS]):
                break
            if _spelled_by_prefixes(short.casefold(), [w.casefold() for w in run]):
                break  # "AdS": Autoestradas do Sado; "EDN": Estradas do Norte
        else:
            continue
        start = definition.start("long") + len(" ".join(words[:first])) + (1 if first else 0)
        stop = definition.end("long")
        # A person the model tagged is kept unless it is only a cut piece of the spelled run
        # ("Rete Elettrica Lombarda (REL)" tagged "Elettrica Lombarda", a person), or the run
        # is three initials or more with a small word inside ("Estradas Públicas de Portugal").
        organisation_like = len(short) >= 3 and any(w in _SMALL_NAME_WORDS for w in run)
        whole = [m for m in mentions if (m.char_start, m.char_end) == (start, stop)]
        if whole:
            inside = whole if organisation_like and all(m.label == "PERSON" for m in whole) else None
        else:
            inside = pieces_within(mentions, start, stop)
        if inside is None or any(m.label == "PERSON" and len(short) < 3 for m in inside):
            continue
        dropped.update(inside)
        found.append(search.mention(start, stop, "ORG", "name_spelled_by_initials"))
    return [m for m in mentions if m not in dropped] + found


_CLUB_PREFIXES = lexicon_words("club_name_prefixes")


@rule(
    Example("HC Špilberk, known as HC Zbrojovka Brno until 2003, has won the title four times.",
            [("HC Špilberk", "ORG"), ("HC Zbrojovka Brno", "ORG")], note="the model tags a piece a person"),
    Example("Kairys left BC Nemunas Kaunas in May.", None, note="the model's own organisation stands"),
    Example("The HC figure was revised.", None, note="no capitalised name after the abbreviation"),
)
def club_prefix_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A club abbreviation in capitals ("HC", "BC", "FC"; ``club_name_prefixes``) and the one to
    three capitalised words after it are a sports club, an organisation, whatever the model
    tagged of them (a person "Zbrojovka Brno", a place "Brno").

    Not: the abbreviation with no capitalised word after it; a run the model tagged whole as an
    organisation (its span stands).
    """
    tokens = search.tokens
    found, dropped = [], set()
    for token in tokens[:-1]:
        if token.text not in _CLUB_PREFIXES:
            continue
        end = token.i + 1
        while end < len(tokens) and end - token.i <= 3 and is_capitalised(tokens[end]) and tokens[end].is_alpha and not CALENDAR_WORD.match(tokens[end].text):
            end += 1
        if end == token.i + 1:
            continue
        start, stop = token.idx, tokens[end - 1].idx + len(tokens[end - 1])
        inside = [m for m in mentions if m.char_start < stop and start < m.char_end]
        if any(m.char_start < start or m.char_end > stop for m in inside) or any((m.char_start, m.char_end) == (start, stop) and m.label == "ORG" for m in inside):
            continue
        dropped.update(inside)
        found.append(search.mention(start, stop, "ORG", "club_prefix_name"))
    return [m for m in mentions if m not in dropped] + found


# "in Iten", "from Thyborøn", "near Nyons": prepositions that put a town after them.
_TOWN_PREPOSITIONS = frozenset({"in", "from", "near", "outside"})
_NON_PLACE_CAPITALS = lexicon_words("non_place_capitals") | lexicon_words("feast_day_names") | lexicon_words("holiday_names")


_COMPASS_POINTS = lexicon_words("compass_points")


def _place_context(tokens: Sequence[Token], token: Token) -> bool:
    """"in/from/near/outside X", "400 km north of X", and, for a town the gazetteer knows, "X-based"."""
    before = tokens[token.i - 1]
    if before.text in _TOWN_PREPOSITIONS:
        return True
    if before.lower_ == "of" and token.i >= 2 and tokens[token.i - 2].lower_ in _COMPASS_POINTS:
        return True
    return token.i + 2 < len(tokens) and tokens[token.i + 1].text == "-" and tokens[token.i + 2].lower_ == "based" and known_place(token.text) is not None


@rule(
    Example("The sample was taken at a training camp in Eldoret on June 3.", [("Eldoret", "GPE")]),
    Example("The diamond was found at a mine about 400 km north of Gaborone by a miner.", [("Gaborone", "GPE")]),
    Example("The Gaborone-based campaign group said so.", [("Gaborone", "GPE")], note="a town the gazetteer knows, before '-based'"),
    Example("He said it came from God and nobody else.", None, note="a capitalised word that names no place"),
    Example("Talks resume in May, the ministry said.", None, note="a month is no town"),
    Example("Campaigners from Save Our Shelves Derbyshire delivered a petition.", None, note="the name goes on in capitals: no town"),
)
def town_after_preposition(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"a sample taken in Iten", "a trawler captain from Thyborøn", "apricots near Nyons", "400
    km north of Gaborone": a one-word capitalised name after "in", "from", "near", "outside"
    or a compass point and "of" that the model left untagged (or took for a date) is a place:
    small towns the model does not know; so is a town the gazetteer knows before "-based".

    Not: a name that goes on in capitals ("in Iten Town"), a word opening a sentence or
    after a capitalised preposition (a headline), a month, weekday, season or holiday, a
    number ("from Day 1"), and capitalised words that name no place (``non_place_capitals``:
    "from God", "in Parliament").
    """
    tokens = search.tokens
    covered = [(m.char_start, m.char_end) for m in mentions]
    found = []
    for token in tokens[1:-1]:
        after = tokens[token.i + 1]
        if not _place_context(tokens, token) or token.pos_ != "PROPN" or not is_capitalised(token) or token.is_sent_start and after.text != "-":
            continue
        if token.ent_type_ not in ("", "DATE") or token.text.isupper() or not token.text.isalpha() or len(token.text) < 3:
            continue
        if token.lower_ in _NON_PLACE_CAPITALS or CALENDAR_WORD.match(token.text) or after.like_num:
            continue
        based = after.text == "-" and tokens[token.i + 2].lower_ == "based"
        if is_capitalised(after) and (after.pos_ == "PROPN" or after.is_alpha and after.text != "I") or after.text in ("-", "'s", "’s") and not based:
            continue  # the name goes on ("in Iten Town", "from Kiel-Holtenau", "from Save Our Shelves")
        start, end = token.idx, token.idx + len(token)
        if any(s < end and start < e for s, e in covered):
            continue
        found.append(search.mention(start, end, "GPE", "town_after_preposition"))
    return mentions + found


_AREA_WORDS = lexicon_words("admin_area_words")
_ISLAND_WORDS = frozenset({"island", "islands"})


@rule(
    Example("Birthe Lund, 79, lives alone on the island of Fanø and has no smartphone.", [("Fanø", "LOC")]),
    Example("He spoke about the state of the economy.", None, note="no capitalised name after the noun"),
    Example("Thousands marched through the northern Portuguese town of Montalegre on Sunday.", [("Montalegre", "GPE")],
            note="adjectives between 'the' and the area noun"),
    Example("She has farmed in the village of Covas do Barroso since the 1970s.", [("Covas do Barroso", "GPE")],
            note="a particle inside: the model's pieces give way to the whole"),
)
def place_after_area_word(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the island of Fanø", "the village of Ban Mae Chan": capitalised words the model left
    untagged after "the" + an area noun + "of" (``admin_area_words``) are that place: an island
    (LOC) or a town, region or province (GPE).

    Not: a name the model tagged (its label stands, ``admin_area_of_name`` repairs it); "The
    State of Origin" (the noun in capitals); a month or weekday.
    """
    tokens = search.tokens
    found, dropped = [], set()
    for of in tokens[2:-1]:
        noun = tokens[of.i - 1]
        if of.text != "of" or noun.text not in _AREA_WORDS or not _the_before_area_noun(tokens, noun.i):
            continue
        run = _place_name_run(tokens, of.i + 1)
        if not run or (run[-1].i + 1 < len(tokens) and is_capitalised(tokens[run[-1].i + 1]) and tokens[run[-1].i + 1].pos_ == "PROPN"):
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        inside = [m for m in mentions if m.char_start < end and start < m.char_end]
        # "the village of Covas do Barroso" tagged "Covas" and "Barroso": the whole is the place.
        with_particle = any(t.is_lower for t in run)
        if inside and not (with_particle and all(start <= m.char_start and m.char_end <= end for m in inside)):
            continue
        dropped.update(inside)
        found.append(search.mention(start, end, "LOC" if noun.text in _ISLAND_WORDS else "GPE", "place_after_area_word"))
    return [m for m in mentions if m not in dropped] + found


def _the_before_area_noun(tokens: tuple[Token, ...], noun: int) -> bool:
    """Whether "the" opens the area noun's phrase, lower-case adjectives and nationalities
    between allowed ("the northern Portuguese town of")."""
    k = noun - 1
    while k >= 0 and noun - k <= 3 and tokens[k].lower_ != "the" and (tokens[k].pos_ == "ADJ" or tokens[k].ent_type_ == "NORP" or tokens[k].text == "-"):
        k -= 1
    return k >= 0 and tokens[k].lower_ == "the"


def _place_name_run(tokens: tuple[Token, ...], first: int) -> list[Token]:
    """The capitalised words of a place's name from ``first``, lower-case particles inside
    ("Covas do Barroso"); empty when it opens with no name."""
    run: list[Token] = []
    for token in tokens[first : first + 5]:
        if token.lower_ in _NAME_PARTICLES and run and token.is_lower:
            run.append(token)
            continue
        if not is_capitalised(token) or token.pos_ not in ("PROPN", "NOUN") and token.ent_type_ == "" or CALENDAR_WORD.match(token.text):
            break
        if token.ent_type_ not in ("", "DATE", "GPE", "LOC", "PERSON", "ORG"):
            break
        run.append(token)
    while run and run[-1].is_lower:
        run.pop()
    return run


_PLACE_KIND_NOUNS = lexicon_words("place_kind_nouns")
# "the A-8 motorway", "Berri-UQAM station", "Brisbane's Riverbend ward": up to four capitalised
# words (or a road's letter and number) right before a lower-case place noun.
_NAME_BEFORE_PLACE_NOUN = re.compile(
    r"(?<![\w’'.-])(?P<name>(?:[A-Z][\w’'-]*[\w]|[A-Z]{1,3}-?\d{1,4})(?:\s+[A-Z][\w’'-]*[\w]){0,3})\s+(?:"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_PLACE_KIND_NOUNS, key=len, reverse=True)) + r")(?![\w-])"
)
# Parts of speech of a capitalised word that is no name ("This area", "Every station").
# Mid-sentence, a capitalised word is a name whatever its tag ("the Via Arrábida toll road").
_NO_NAME_POS = frozenset({"DET", "PRON"})
_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+$")


@rule(
    Example("About 2,000 workers blocked the A-8 motorway on Monday.", [("A-8", "LOC")]),
    Example("Commuters at Berri-UQAM station waited for an hour on Wednesday.", [("Berri-UQAM", "LOC")]),
    Example("She won Saturday's by-election in Brisbane's Riverbend ward.", [("Riverbend", "LOC")], note="after a possessive place"),
    Example("The company wants to build the Beinn Ruadh wind farm on a moor.", [("Beinn Ruadh", "LOC")]),
    Example("Residents of the area said the road was closed.", None, note="no name before the noun"),
)
def name_before_place_noun(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"the A-8 motorway", "Berri-UQAM station", "the Thomondgate area", "the Beinn Ruadh wind
    farm": capitalised words (or a road's number) the model left untagged right before a
    lower-case noun of a kind of location (``place_kind_nouns``) are that location (LOC),
    the noun left out.

    Not: a name the model tagged and the repairs kept (its label stands: "Palam airport" is a
    facility by ``lower_case_building``); the first word of a sentence, or a run after another
    capitalised word (only whole names); a lone surname of the article's people; a month or weekday.
    """
    body = search.body
    covered = [(m.char_start, m.char_end) for m in mentions]
    found = []
    for match in _NAME_BEFORE_PLACE_NOUN.finditer(body):
        start, end = match.span("name")
        if possessive := list(re.finditer(r"['’]s\s+", match["name"])):
            start += possessive[-1].end()  # "Brisbane's Riverbend ward": the name after the possessive
        name = body[start:end]
        before = body[max(0, start - 40) : start]
        if _CAPITALISED_WORD_BEFORE.search(before) and not re.search(r"(?:['’]s|\bThe)\s+$", before):
            continue  # "Old Town Square area": not the whole name
        span = search.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.pos_ in _NO_NAME_POS or t.is_sent_start and t.pos_ != "PROPN" for t in span):
            continue  # "This area", "Every station", "Other ward": no name
        if name.split()[0] == "The" or CALENDAR_WORD.match(name) or name in search.surnames:
            continue
        if any(s < end and start < e for s, e in covered):
            continue
        found.append(search.mention(start, end, "LOC", "name_before_place_noun"))
    return mentions + found


def _first_name_before(tokens: tuple[Token, ...], surname: Token, mentions: list[Mention]) -> Token | None:
    """The capitalised proper noun just before ``surname`` that can be a first name: untagged
    by the model (or tagged a person), outside every other mention, not opening a sentence
    ("Drugmaker Halvorsen Pharma") nor inside a longer run of capitalised words (a title-case
    headline: "Black Lawmakers Rip Donald Trump"), no plural ("Senators"), and no title,
    honorific, office word, leading word or known place."""
    if surname.i == 0:
        return None
    first = tokens[surname.i - 1]
    # "Chief executive Per Bjurbom": a capitalised function word inside a sentence is a name.
    word_class = first.pos_ == "PROPN" or first.pos_ in ("ADP", "ADV") and not first.is_sent_start
    if not (is_capitalised(first) and word_class and first.text.replace("-", "").isalpha()) or first.ent_type_ not in ("", "PERSON"):
        return None
    if first.is_sent_start or first.lower_ in LEADING_WORDS or first.lower_.rstrip(".") in HONORIFICS or is_office_word(first) or known_place(first.text) is not None or first.whitespace_ != " ":
        return None
    if first.tag_ == "NNPS" or (first.i > 0 and is_capitalised(tokens[first.i - 1]) and tokens[first.i - 1].is_alpha):
        return None  # "Senators Charles E Grassley"; a run of capitals ("Black Lawmakers Rip Donald Trump")
    if any(m.char_start < first.idx + len(first) and first.idx < m.char_end for m in mentions):
        return None
    return first


@rule(
    Example("The previous chief executive, Anders Lindqvist, who has denied any wrongdoing, was questioned by police.", [("Anders Lindqvist", "PERSON")]),
    Example("Kerr beat Ukraine’s Oleksandr Hrytsenko in the final round. Hrytsenko resigned after six hours.", [("Oleksandr Hrytsenko", "PERSON")]),
    Example("The decision fell to Minister Phelan, who said nothing.", None, note="a title before the surname is no first name"),
    Example("Chief executive Per Bjurbom told analysts that customers were running down stocks.", [("Per Bjurbom", "PERSON")],
            note="the tagger reads 'Per' as a preposition"),
    Example("Drugmaker Halvorsen Pharma recalled 400,000 packs on Monday.", None, note="a word opening the sentence is no first name"),
)
def first_name_before_surname(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A person's first name the model left out: a one-word person ("Wikström"), or a
    surname the model tags as a person elsewhere in the article ("Hrytsenko"), written after a
    capitalised proper noun that is no other name ("Anders Wikström", "Ukraine's Oleksandr
    Hrytsenko"): the full name is the mention.

    A longer name the model cut the same way is extended too ("João da Caparica" for "São
    João da Caparica").

    Not: a title, honorific, office or leading word before the surname ("Minister Phelan",
    "Mr Phelan", "The"); a word opening the sentence ("Drugmaker Halvorsen Pharma") or after
    another capitalised word (a title-case headline); a plural ("Senators Grassley"); a known
    place ("Paris Hilton" stays the model's); a word inside another mention; a surname the
    model tags as something else at that place ("Tóth" as a place).
    """
    surnames = {m.text for m in mentions if m.label == "PERSON" and " " not in m.text}
    if not surnames:
        return mentions
    tokens, body = search.tokens, search.body
    found: list[Mention] = []
    replaced: set[Mention] = set()
    for surname in sorted(surnames):
        for match in re.finditer(r"(?<!\w)" + re.escape(surname) + r"(?![\w-])", body):
            span = search.doc.char_span(match.start(), match.end())
            if span is None or any(t.ent_type_ not in ("", "PERSON") for t in span):
                continue
            inside = [m for m in mentions if m.char_start < match.end() and match.start() < m.char_end]
            if inside and not (len(inside) == 1 and inside[0].label == "PERSON" and (inside[0].char_start, inside[0].char_end) == match.span()):
                continue
            first = _first_name_before(tokens, span[0], [m for m in mentions if m not in inside])
            if first is None:
                continue
            replaced.update(inside)
            found.append(search.mention(first.idx, match.end(), "PERSON", "first_name_before_surname"))
    # A longer name missing its first word ("João da Caparica" for "São João da Caparica").
    for mention in mentions:
        span = search.doc.char_span(mention.char_start, mention.char_end)
        if mention.label != "PERSON" or " " not in mention.text or span is None or mention in replaced:
            continue
        first = _first_name_before(tokens, span[0], [m for m in mentions if m is not mention])
        if first is not None:
            replaced.add(mention)
            found.append(search.mention(first.idx, mention.char_end, "PERSON", "first_name_before_surname"))
    return [m for m in mentions if m not in replaced] + found


_PERSON_NOUNS = TITLE_WORDS | lexicon_words("role_nouns") | lexicon_words("female_person_words") | lexicon_words("male_person_words") | {"member"}
_NAME_PARTICLES = lexicon_words("name_particles") | {"ní", "nic", "mac", "ó"}


def _person_apposition(tokens: tuple[Token, ...], comma: int) -> bool:
    """Whether what follows the comma at ``comma`` describes a person: "who"/"whose", a bare
    person noun before "of"/"at"/"for" ("director of"), or "a", "an" or "the" and at most four
    words ending in a person noun ("an independent member",
    "the mayor", "a planetary scientist")."""
    after = tokens[comma + 1 : comma + 7]
    if not after:
        return False
    if after[0].lower_ in ("who", "whose"):
        return True
    if after[0].lower_ in _PERSON_NOUNS and len(after) > 1 and after[1].lower_ in ("of", "at", "for"):
        return True  # "Jan-Willem de Groot, director of the forwarder X,": a bare title, wire style
    if after[0].lower_ not in ("a", "an", "the"):
        return False
    for k, token in enumerate(after[1:], start=1):
        if token.lower_ in _PERSON_NOUNS and (k + 1 >= len(after) or after[k + 1].text not in ("'s", "’s")):
            return True  # "the coach's home state" describes a place
        if token.lower_ == "who" and k > 1:
            return True  # "a cabin attendant who has flown ...": only people are "who"
        if not (token.is_alpha or token.text in ("-", "'s", "’s")) or token.lower_ in ("of", "for", "at", "in", "and", "who"):
            return False
    return False


# "In Setúbal, a teacher said": a sentence's opening preposition is no first name.
_OPENING_PREPOSITIONS = lexicon_words("place_prepositions") | lexicon_words("opening_prepositions")


def _surname_read_as_group(word: Token, words: Sequence[Token]) -> bool:
    """The last of several capitalised words, a singular proper noun the model tagged a
    nationality or group ("Haglund" in "Per Haglund"): a surname."""
    return word.ent_type_ == "NORP" and word.tag_ == "NNP" and len(words) > 1 and word.i == words[-1].i and not word.lower_.endswith(("ish", "ese", "ian", "an", "i"))


def _described_role(search: MentionSearch, comma: int) -> str | None:
    """The words of "a/an/the ... <person noun>" after the comma, as the person's role ("the
    club's president"); None after "who"/"whose"."""
    tokens = search.tokens
    if tokens[comma + 1].lower_ in ("who", "whose"):
        return None
    noun = next((t for t in tokens[comma + 2 : comma + 7] if t.lower_ in _PERSON_NOUNS), None)
    return None if noun is None else search.body[tokens[comma + 1].idx : noun.idx + len(noun)]


@rule(
    Example("The group's lawyer, Teresa Obi, said the agency had ignored warnings.", [("Teresa Obi", "PERSON")], note="the model tags nothing"),
    Example("Its chairman, Rahul Mehta, resigned.", None, note="the model's own person stands"),
    Example("The alliance said the plan would cost lives. Its leader, Frans Timmermans, wrote that the government was wrong.",
            [("Frans Timmermans", "PERSON")], note="the model tags the name a nationality"),
    Example("Its biggest market, New Zealand, grew.", None, note="no person noun before the comma"),
    Example("Its owner, Vestkyst Shipping AS, said the crew were unhurt.", None, note="the model's organisation stands"),
    Example("The university's vice-chancellor, Professor Deborah Kiernan, said it had acted in good faith.", None,
            note="an honorific opening the run is no part of the name, and the model's person stands"),
)
def name_after_role_apposition(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"The group's lawyer, Teresa Obi, said ...": two to four capitalised words set off by
    commas right after a person noun in lower case (a title, a role, an occupation) are that
    person, where the model tagged nothing, a piece of it, or a place. Small particles of
    names may sit inside ("van", "de").

    Not: a run whose last word is an organisation's ("its lawyer, Halden Legal Services,") or
    that names a known place; a run with a number or a date; a run the model tagged whole as
    a person (its mention stands) or holding an organisation, a facility or a product the
    model tagged ("Its owner, Vestkyst Shipping AS,": ``apposition_to_title`` reads those).
    """
    tokens = search.tokens
    found, dropped = [], set()
    for token in tokens[:-3]:
        if token.text != "," or token.i == 0 or tokens[token.i - 1].lower_ not in _PERSON_NOUNS or not tokens[token.i - 1].is_lower:
            continue
        first = token.i + 1
        end = first
        while end < len(tokens) and end - first < 5 and (is_capitalised(tokens[end]) and tokens[end].is_alpha or tokens[end].lower_ in _NAME_PARTICLES and end > first):
            end += 1
        words = tokens[first:end]
        # "vice-chancellor, Professor Deborah Kiernan,": the name is what follows the honorific or title.
        titled = max((k for k, w in enumerate(words) if is_office_word(w) or w.lower_ in TITLE_WORDS or w.lower_.rstrip(".") in HONORIFICS), default=-1)
        words = words[titled + 1 :]
        capitalised = [w for w in words if is_capitalised(w)]
        if not 2 <= len(capitalised) <= 4 or end >= len(tokens) or tokens[end].text != "," or not is_capitalised(words[-1]):
            continue
        # A name the model read as a nationality ("Frans Timmermans": NORP) is still a name here.
        if words[0].lower_ in LEADING_WORDS or any(w.ent_type_ in _NOT_IN_NAMES and not (w.ent_type_ == "NORP" and w.tag_ in ("NNP", "NNPS")) for w in words) or words[-1].lower_ in ORG_SUFFIXES | _LEGAL_FORMS:
            continue
        start, stop = words[0].idx, words[-1].idx + len(words[-1])
        if known_place(search.body[start:stop]) is not None or any(m.label == "PERSON" and (m.char_start, m.char_end) == (start, stop) for m in mentions):
            continue
        whole = [m for m in mentions if (m.char_start, m.char_end) == (start, stop)]
        inside = whole or pieces_within(mentions, start, stop)
        if inside is None or any(m.label not in ("GPE", "LOC", "PERSON", "NORP") for m in inside):
            continue  # "Its owner, Vestkyst Shipping AS,": the model's organisation stands
        dropped.update(inside)
        found.append(search.mention(start, stop, "PERSON", "name_after_role_apposition"))
    return [m for m in mentions if m not in dropped] + found


@rule(
    Example("Ana María Rodríguez Salas, the mayor of Valencia, backed the ban.", [("Ana María Rodríguez Salas", "PERSON")]),
    Example("Tomasz Wróbel, who runs a bakery, said prices rose.", [("Tomasz Wróbel", "PERSON")]),
    Example("Finance Minister Carolina Pereyra, the architect of the plan, said it would pass.", None,
            note="a title opens the run: titled_name gives the person"),
    Example("Lakemont Capital, a fund manager, bought the stake.", None, note="a fund manager is a company's description: the model's organisation stands"),
    Example("New Zealand, the host, won the final.", None, note="no person noun after the comma"),
    Example("Amara Osei, a planetary scientist at the Royal Institute, said the orbit was stable.", [("Amara Osei", "PERSON")],
            note="the model tags the name an organisation"),
    Example("Sofia, a cabin attendant who has flown with Lusoair for 11 years, said staff feared for their jobs.", [("Sofia", "PERSON")],
            note="a first name alone that is also a capital: the description says a person"),
    Example("Georgia, the coach's home state, voted on Tuesday.", None, note="a person's possession is no person"),
    Example("In Setúbal, a primary school teacher said her pupils had practised the drill.", None,
            note="an opening preposition and a place: the teacher is unnamed"),
    Example("For Gert-Jan Hovestad, whose family has kept hens since 1962, the call came at 6:15 a.m. on Friday.", [("Gert-Jan Hovestad", "PERSON")],
            note="after the sentence's opening preposition, a hyphenated first name"),
    Example("Freight forwarders said the timing was bad. Jan-Willem de Groot, director of the Rotterdam forwarder De Groot Logistiek, said clients waited.",
            [("Jan-Willem de Groot", "PERSON")], note="a bare title before 'of', wire style"),
    Example("The ethics panel met on Monday. Zupan, who denies wrongdoing, resigned on Friday.", [("Zupan", "PERSON")],
            note="one word and 'who': a person"),
    Example("Insurers, who assess frost claims each April, say payouts could take months.", None, note="a plural common noun: people, no name"),
    Example("Per Haglund, who chairs the transport committee, called the cuts a betrayal.", [("Per Haglund", "PERSON")],
            note="the model reads 'Per' as a preposition and 'Haglund' as a nationality"),
    Example("“The current there can reach seven knots,” Mehmet Yıldırım, a senior pilot with the Strait Pilots' Association, told reporters.",
            [("Mehmet Yıldırım", "PERSON")], note="the run opens right after a quotation closed by a comma"),
)
def name_set_off_as_person(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """Two to four capitalised words opening a sentence (or right after a quotation closed by a
    comma: '“...,” Mehmet Yıldırım, a senior pilot, told') and set off by a comma with a person's
    description ("Ana María Rodríguez Salas, the mayor of Valencia, ...", "Tomasz Wróbel, who
    runs a bakery, ...") are a person, where the model tagged nothing, a piece, or a place. Small
    particles of names may sit inside ("de", "van", "Ní"). One word is a person too when the
    description is a person noun or "a ... who" ("Sofia, a cabin attendant who ...").

    A run the model tagged whole as an organisation or a place becomes the person ("Amara Osei,
    a planetary scientist at ...", tagged ORG).

    Not: a run whose last word is an organisation's ("Lakemont Capital, a fund manager": the
    company stands) or that names a known place; a run with a number or a date in it; a
    description without a person noun ("New Zealand, the host").
    """
    tokens = search.tokens
    found, dropped = [], set()
    for token in tokens:
        # "For Gert-Jan Hovestad, whose family ...": the run may follow the sentence's opening preposition.
        after_preposition = token.i > 0 and tokens[token.i - 1].is_sent_start and tokens[token.i - 1].lower_ in _OPENING_PREPOSITIONS
        if not token.is_sent_start and not after_preposition and not _after_closed_quotation(tokens, token.i) or token.lower_ in _OPENING_PREPOSITIONS:
            continue  # "In Setúbal, a teacher": a run opened by a preposition is read from the word after it
        end = token.i
        while end < len(tokens) and end - token.i < 6 and (
            is_capitalised(tokens[end]) and tokens[end].is_alpha or tokens[end].lower_ in _NAME_PARTICLES and end > token.i
            or tokens[end].text == "-" and end > token.i and not tokens[end - 1].whitespace_ and end + 1 < len(tokens) and is_capitalised(tokens[end + 1])
        ):
            end += 1
        words = tokens[token.i : end]
        if after_preposition and (len(words) < 2 or tokens[end].text != "," or end + 1 >= len(tokens) or tokens[end + 1].lower_ not in ("who", "whose")):
            continue  # after a preposition only a name a "who" clause describes
        # "Finance Minister Carolina Pereyra, the ...": the name is what follows the title.
        titled = max((k for k, w in enumerate(words) if is_office_word(w) or w.lower_ in TITLE_WORDS or w.lower_.rstrip(".") in HONORIFICS), default=-1)
        words = words[titled + 1 :]
        capitalised = [w for w in words if is_capitalised(w)]
        if not 1 <= len(capitalised) <= 4 or end >= len(tokens) or tokens[end].text != "," or not is_capitalised(words[-1]):
            continue
        # A surname the model took for a nationality ("Per Haglund, who ...": NORP) may close the run.
        if not words or words[0].lower_ in LEADING_WORDS or any(w.ent_type_ in _NOT_IN_NAMES and not _surname_read_as_group(w, words) for w in words) or not _person_apposition(tokens, end):
            continue
        one_word = len(words) == 1
        # "Eder, who keeps his podium finish, said": "who" speaks of a person (a body takes "which").
        # ... but "Insurers, who assess claims, say": a plural verb says a group.
        who = tokens[end + 1].lower_ in ("who", "whose") and words[-1].tag_ == "NNP" and words[-1].head.tag_ != "VBP"
        if one_word and (tokens[end + 1].lower_ not in ("a", "an") and not who or words[0].lower_ in TITLE_WORDS):
            continue  # "Smith, the mayor" is the model's; a lone word needs "a/an ... <person>" or "who"
        start, stop = words[0].idx, words[-1].idx + len(words[-1])
        inside = [m for m in mentions if m.char_start < stop and start < m.char_end]
        if any(m.char_start < start or m.char_end > stop for m in inside):
            continue
        whole = [m for m in inside if (m.char_start, m.char_end) == (start, stop)]
        # A run the model tagged whole keeps its label if it reads as a company or a place
        # (a lone word: a place read as a person's name, "Sofia, a cabin attendant who").
        if whole and (whole[0].label == "PERSON" or words[-1].lower_ in ORG_SUFFIXES or known_place(search.body[start:stop]) is not None and not one_word):
            continue
        if one_word and whole and whole[0].label == "ORG":
            continue  # "Lusoair, a carrier that ...": the model's organisation stands
        dropped.update(inside)
        found.append(search.mention(start, stop, "PERSON", "name_set_off_as_person", _described_role(search, end)))
    return [m for m in mentions if m not in dropped] + found


def _after_closed_quotation(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether token i follows a quotation closed by a comma ('“...,” Name'): the speaker's name
    opens the attribution as it would open a sentence."""
    return i >= 2 and tokens[i - 1].text in ("”", '"', "''") and tokens[i - 2].text == ","


_ORG_OPENING_WORDS = lexicon_words("org_first_words") | lexicon_words("organisation_kind_nouns") | ORG_SUFFIXES | _LEGAL_FORMS


@rule(
    Example("Tobias Ahrens of Hanseatic Equity Research said the appeal could take two years.", [("Tobias Ahrens", "PERSON")],
            note="the model tags only the organisation"),
    Example("Shares rose, said Karin Vogt of Rheinland Securities.", None, note="the model's own person stands"),
    Example("The Royal Bank of Scotland said profits rose.", None, note="an organisation's own words before 'of'"),
    Example("New South Wales of Australia is large.", None, note="a known place"),
)
def name_before_of_organisation(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"Tobias Ahrens of Hanseatic Equity Research said": two or three capitalised words the
    model tagged nothing, right before "of" and an organisation's name, as a verb's subject
    or after a comma, are a person (news names analysts and officials so).

    Not: words of an organisation's name ("Royal Bank of Scotland": ``org_first_words``,
    kinds, legal forms), a known place, a run the model tagged.
    """
    tokens = search.tokens
    starts = {m.char_start: m for m in mentions}
    covered = [(m.char_start, m.char_end) for m in mentions]
    found = []
    for of in tokens:
        if of.lower_ != "of" or of.i < 2 or of.i + 1 >= len(tokens):
            continue
        org = starts.get(tokens[of.i + 1].idx) or (starts.get(tokens[of.i + 2].idx) if of.i + 2 < len(tokens) and tokens[of.i + 1].lower_ == "the" else None)
        if org is None or org.label != "ORG":
            continue
        first = of.i
        while first > 0 and of.i - first < 3 and is_capitalised(tokens[first - 1]) and tokens[first - 1].is_alpha and tokens[first - 1].pos_ == "PROPN":
            first -= 1
        words = tokens[first : of.i]
        if not 2 <= len(words) <= 3 or any(w.lower_ in _ORG_OPENING_WORDS or w.lower_ in LEADING_WORDS or w.lower_ in TITLE_WORDS for w in words):
            continue
        if first > 0 and not (tokens[first - 1].is_sent_end or tokens[first - 1].text in (",", "“", '"') or tokens[first].is_sent_start):
            continue
        start, stop = words[0].idx, words[-1].idx + len(words[-1])
        if any(a < stop and start < b for a, b in covered) or known_place(search.body[start:stop]) is not None:
            continue
        found.append(search.mention(start, stop, "PERSON", "name_before_of_organisation"))
    return mentions + found


@rule(
    Example("A former director was jailed on Thursday.\n\nNorrland Timber, which is listed in Stockholm, said it had tightened its controls.",
            [("Norrland Timber", "ORG")], note="the model tags nothing at the paragraph's start"),
    Example("Snow fell overnight.\n\nNew Brunswick, which borders Maine, closed its schools.", None, note="a known place: left to the place finders"),
)
def name_set_off_as_organisation(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """Two to four capitalised words opening a sentence, untagged, set off by ", which" and
    followed later by the sentence's verb ("Norrland Timber, which is listed in Stockholm,
    said ..."): an organisation (a person would be "who").

    Not: a known place or a name ending in a place word ("Lake Tahoe, which"); a run holding a
    title, a leading word or a month; a run any mention covers.
    """
    tokens = search.tokens
    covered = [(m.char_start, m.char_end) for m in mentions]
    found = []
    for token in tokens:
        if not token.is_sent_start or not is_capitalised(token):
            continue
        end = token.i
        while end < len(tokens) and end - token.i < 5 and is_capitalised(tokens[end]) and tokens[end].is_alpha:
            end += 1
        words = tokens[token.i : end]
        if not 2 <= len(words) <= 4 or end + 1 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].lower_ != "which":
            continue
        if any(w.lower_ in LEADING_WORDS or w.lower_ in TITLE_WORDS or w.lower_ in _OPENING_PREPOSITIONS or w.ent_type_ in _NOT_IN_NAMES or CALENDAR_WORD.match(w.text) for w in words):
            continue
        start, stop = words[0].idx, words[-1].idx + len(words[-1])
        if any(a < stop and start < b for a, b in covered) or known_place(search.body[start:stop]) is not None or words[-1].lower_ in _PLACE_LAST_WORDS:
            continue
        found.append(search.mention(start, stop, "ORG", "name_set_off_as_organisation"))
    return mentions + found


_PLACE_LAST_WORDS = lexicon_words("geo_feature_words") | lexicon_words("admin_area_words") | lexicon_words("street_words") | lexicon_words("building_words")


# "identified only by her first name, Gurpreet", "who gave his name only as Ahmed", "identified by
# police only as Jonas".
# "her first name, " / "his name only as " right before a name (the speaker rule
# ``person_named_in_own_clause`` reads the same words).
GIVEN_NAME_BEFORE = re.compile(
    r"\b(?:(?:his|her|their)\s+(?:first\s+|given\s+)?name(?:\s+only)?,?\s+(?:as\s+)?|(?:identified|known|named)(?:\s+by\s+\w+)?\s+only\s+as\s+)$"
)
_CAPITALISED_WORD = re.compile(r"(?<![\w-])[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?(?![\w-])")


@rule(Example("\u201cWe had 60,000 birds,\u201d said the farm's owner, who asked to be identified only by her first name, Gurpreet.",
              [("Gurpreet", "PERSON")], note="the model tags the first name a place"),
      Example("A driver, who gave his name only as Tomasz, said the road was closed.", [("Tomasz", "PERSON")]),
      Example("The first name, Baltic, was dropped from the ferry's name.", None, note="no person: a name the text gives a thing"))
def name_given_as_first_name(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """A first name a person is identified by ("identified only by her first name, Gurpreet",
    "gave his name only as Tomasz") is a person, whatever the model tagged it.

    Not: a name given to a thing ("The first name, Baltic, was dropped"): the phrase must
    follow a possessive pronoun of a person ("her first name", "his name").
    """
    found, dropped = [], set()
    body = search.body
    for word in _CAPITALISED_WORD.finditer(body):
        start, stop = word.span()
        if not GIVEN_NAME_BEFORE.search(body, max(start - 30, 0), start):
            continue
        inside = [m for m in mentions if m.char_start < stop and start < m.char_end]
        if any(m.label == "PERSON" or m.char_start < start or m.char_end > stop for m in inside):
            continue
        dropped.update(inside)
        found.append(search.mention(start, stop, "PERSON", "name_given_as_first_name"))
    return [m for m in mentions if m not in dropped] + found


_AGE = re.compile(r", (\d{1,2}), ")


@rule(Example("Prices of cocoa fell again.\n\nGrower Akosua Mensah, 58, said she had lost her crop.", [("Akosua Mensah", "PERSON")]),
      Example("Lakemont Rovers, 12, top the table.", None, note="a name the model tagged keeps its label"),
      Example("\u201cWe lost everything,\u201d said a fisherman mending nets on the quay. Tomasz Nowak, 54, has worked the harbour for 30 years.",
              [("Tomasz Nowak", "PERSON")],
              note="the model tags the surname alone"),
      Example("Earlier, the highlife guitarist Emeka Nwosu, 71, received the award.", [("Emeka Nwosu", "PERSON")],
              note="the model tags the surname a place no gazetteer knows"))
def name_with_age(search: MentionSearch, mentions: list[Mention]) -> list[Mention]:
    """"Akosua Mensah, 58, said": two or three capitalised words the model tagged as nothing,
    set off by an age between commas, are a person (news gives ages of people only). Of a
    run opening a sentence ("Farmer Akosua Mensah") the last two words are the name.

    A run whose surname alone the model tagged a person, or a place no gazetteer knows, is the
    whole name ("Tomasz Nowak, 54,", "Emeka Nwosu, 71,").

    Not: a run with a word the model tagged as anything but a person; one word alone ("Mensah, 58,").
    """
    tokens, body = search.tokens, search.body
    found, dropped = [], set()
    for match in _AGE.finditer(body):
        end = match.start()
        last = next((t for t in tokens if t.idx + len(t) == end), None)
        if last is None:
            continue
        run = []
        i = last.i
        # The model may have tagged the surname alone ("Tomasz Nowak, 54,": "Nowak").
        while i >= 0 and len(run) < 4 and tokens[i].pos_ == "PROPN" and is_capitalised(tokens[i]) and (
            tokens[i].ent_type_ in ("", "PERSON") or tokens[i].ent_type_ == "GPE" and known_place(tokens[i].text) is None
        ):
            run.insert(0, tokens[i])
            i -= 1
        if len(run) >= 3 and run[0].is_sent_start or len(run) == 4:
            run = run[-2:]  # "Farmer Akosua Mensah": the occupation opens the sentence
        start = run[0].idx if run else end
        inside = [m for m in mentions if m.char_start < end and start < m.char_end]
        # A place no gazetteer knows is a surname the model misread: places have no age ("Emeka Nwosu, 71,").
        misread = [m for m in inside if m.label == "GPE" and known_place(m.text) is None]
        if len(run) < 2 or any(m.label != "PERSON" and m not in misread or m.char_start < start or (m.char_start, m.char_end) == (start, end) for m in inside):
            continue
        if inside and not any(t.ent_type_ == "" for t in run):
            continue  # the model tagged the whole run itself
        dropped.update(inside)
        found.append(search.mention(start, end, "PERSON", "name_with_age"))
    return [m for m in mentions if m not in dropped] + found
