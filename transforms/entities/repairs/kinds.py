"""Label repairs that read what kind of thing a name is from the words around it: a
descriptor before it ("the daily Novi Glas"), a "-based" adjective, a plural nationality,
a score after a team, another language's organisation word opening it ("Banca Emiliana"),
a preposition before a known place ("a widow from Cork"). Registered in ENTITY_REPAIRS.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms.entities.places import known_place
from transforms.entities.repairs.labels import ROLE_NOUNS
from transforms.entities.repairs.tagged import Repair, TaggedEntity
from transforms.entities.words import is_capitalised
from transforms.lexicon import COMPANY_DESCRIPTORS, ORG_SUFFIXES, TITLE_WORDS
from transforms.lexicons import words as lexicon_words
from transforms.rules import Example, rule


_ORG_DESCRIPTORS = lexicon_words("org_descriptors")


@rule(
    Example("Patients' group Voz do Doente urged both sides to return to talks.", [("Voz do Doente", "ORG")]),
    Example("Ferrer told the local radio station Onda Levante on Monday.", [("Onda Levante", "ORG")]),
    Example("The Party elected Ana Costa on Monday.", None, note="a capitalised descriptor opens a name"),
)
def org_after_descriptor(e: TaggedEntity) -> Repair | None:
    """A name right after a lower-case organisation noun ("the daily Novi Glas", "the advocacy
    group Tamarack Watch", "the opposition party Alicante Verda", ``org_descriptors``) is an
    organisation, whatever the model called it.

    Not: a capitalised noun before it ("Party leader Ana Costa"); a name the model already
    tagged ORG, EVENT or LAW; a name set off by a comma ("The museum's insurer, X,": that is
    ``apposition_to_company_noun``'s).
    """
    first, doc = e.words[0], e.doc
    before = doc[first.i - 1] if first.i > 0 else None
    if e.label in ("PERSON", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART") and before is not None and before.is_lower and before.lower_ in _ORG_DESCRIPTORS:
        return e.whole("ORG")
    return None


# ", 29," or ", who" right after a name: only people have ages and "who".
_PERSON_AFTER = re.compile(r",\s+(?:\d{1,3},|who(?:se)?\b)")
# Nouns that say a name set beside them is an organisation: the descriptors, the company
# descriptors and the kinds of organisation ("insurer", "utility", "union"), never a title.
_APPOSITION_ORG_NOUNS = (_ORG_DESCRIPTORS | COMPANY_DESCRIPTORS | lexicon_words("organisation_kind_nouns")) - TITLE_WORDS


@rule(Example("The museum's insurer, Verzekeringen Lindeman, offered a reward of 100,000 euros.", [("Verzekeringen Lindeman", "ORG")]),
      Example("Two airlines, Nordic Sky and BalticJet, said on Wednesday they would merge.", [("Nordic Sky", "ORG")], note="the model tags BalticJet ORG itself"),
      Example("Two lenders, Nordvik Sud and Halvor Alto, agreed to merge.", [("Nordvik Sud", "ORG"), ("Halvor Alto", "ORG")]),
      Example("Her lawyer, Verzekeringen Holst, spoke first.", None, note="a title, not a company noun: the model's PERSON stood"),
      Example("A lawyer for the news outlets, Daniel Okafor, said no decision had been made.", None, note="a plural noun beside one name: the person stood"),
      Example("Inside a carriage near Alameda station, Marta Quintela, 29, said passengers had waited.", None,
              note="an age after the name: the model's person stands"),
      Example("A spokeswoman for the authority, Kari Nilsen, said the request would be reviewed.", None,
              note="the name is the spokeswoman's, not the authority's"))
def apposition_to_company_noun(e: TaggedEntity) -> Repair | None:
    """A name set beside a lower-case organisation noun ("the museum's insurer, Verzekeringen
    Lindeman,", "The utility, Régie Atlantique des Eaux,", "two lenders, Banca Sud and Credito
    Alto,"; ``org_descriptors``, ``company_descriptors``, ``organisation_kind_nouns``) is an
    organisation, whatever the model called it (one sense: the noun says what it is). Read off
    the words after "noun," or from the parse (an apposition, or a name joined to one).

    Not: a noun that is also a title ("its chair, Marcus Bell" is ``apposition_to_title``'s);
    the organisation of a role or spokesperson noun ("a spokeswoman for the authority, Kari
    Nilsen,": the name is the spokeswoman's);
    a plural noun beside one name ("a lawyer for the news outlets, David Schulz,"); a name the
    model tagged an event or a law; a name with a lower-case first or last word; a person
    followed by an age or a "who" clause ("Alameda station, Marta Quintela, 29,").
    """
    ent, doc = e.ent, e.doc
    if e.label not in ("PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART") or ent.start < 2 or not (is_capitalised(e.words[0]) and is_capitalised(e.words[-1])):
        return None
    if e.label == "PERSON" and _PERSON_AFTER.match(doc.text, ent.end_char):
        return None  # "near Alameda station, Marta Quintela, 29, said": an age or a "who" says a person
    root = ent.root
    anchor = root.head if root.dep_ == "conj" else root
    start = ent.start
    if doc[start - 1].lower_ in ("and", "or"):  # "lenders, Banca Sud and [Credito Alto]": back over the first name
        start -= 1
        while start > 0 and is_capitalised(doc[start - 1]):
            start -= 1
    nouns = [doc[start - 2]] if start >= 2 and doc[start - 1].text == "," else []
    if anchor.dep_ == "appos" and anchor.head.i < ent.start:
        nouns.append(anchor.head)
    # A plural noun is a group only with names joined to each other ("two lenders, A and B,");
    # "a lawyer for the news outlets, David Schulz," is one person.
    joined = start < ent.start or root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
    for noun in nouns:
        if noun.dep_ == "pobj" and noun.head.head.lower_ in ROLE_NOUNS:
            continue  # "a spokeswoman for the authority, Kari Nilsen,"
        singular = noun.lower_[:-1] if noun.tag_ == "NNS" and noun.lower_.endswith("s") and joined else noun.lower_
        if noun.is_lower and singular in _APPOSITION_ORG_NOUNS:
            return e.whole("ORG")
    return None


@rule(
    Example("The Rotterdam-based operator said the strike would cost millions.", [("Rotterdam", "GPE")], note="the model calls Rotterdam a person"),
)
def place_before_based(e: TaggedEntity) -> Repair | None:
    """"Rotterdam-based" (or "Rotterdam" before it) tagged a person: the place before
    "-based" is the name, a place.

    Not: "-based" after a name of several words the model called an organisation ("Silicon
    Valley-based" keeps its label, only the suffix goes).
    """
    ent, doc = e.ent, e.doc
    if len(ent) >= 3 and ent[-1].lower_ == "based" and ent[-2].text in ("-", "–") and not ent[-2].whitespace_ and not ent[-3].whitespace_:
        label = "GPE" if len(ent) == 3 or e.label in _NOT_PLACE_LABELS else e.label
        return [(e.start, ent[-3].idx + len(ent[-3]), label)]
    following = doc[ent.end : ent.end + 2]
    if (len(following) == 2 and following[0].text in ("-", "–") and following[1].lower_ == "based" and not ent[-1].whitespace_
            and not following[0].whitespace_ and e.label in _NOT_PLACE_LABELS):
        return e.whole("GPE")
    return None


_NOT_PLACE_LABELS = ("PERSON", "NORP", "WORK_OF_ART", "PRODUCT")


@rule(
    Example("Lisbon-based Vela Energia said its refinery would close.", [("Vela Energia", "ORG")]),
    Example("London-based artist Mira Patel opened a show.", None, note="a descriptor between: the person stays"),
)
def name_after_based(e: TaggedEntity) -> Repair | None:
    """A name right after a "-based" adjective ("Lisbon-based Vela Energia", "the Dublin-based
    Lumora") is a company or institution, not the person or place the model called it.

    Not: a noun between ("London-based artist Mira Patel": see the descriptors); a name the
    model already tagged ORG.
    """
    first, doc = e.words[0], e.doc
    if e.label in ("PERSON", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "NORP") and first.i >= 2 and doc[first.i - 1].lower_ == "based" and doc[first.i - 2].text in ("-", "–"):
        return e.whole("ORG")
    return None


@rule(
    Example("The minister said Nigerians would benefit from the float.", [("Nigerians", "NORP")]),
    Example("The Guardians won again on Sunday.", None, note="a team after 'the'"),
)
def plural_nationality(e: TaggedEntity) -> Repair | None:
    """A one-word plural of a nationality ("Nigerians", "Europeans") tagged an organisation,
    person or place is a nationality group.

    Not: a plural after "the" ("the Guardians": a team); other plural endings ("Kenyans" only
    when the model says so).
    """
    word = e.words[0] if len(e.words) == 1 else None
    if word is None or e.label not in ("ORG", "PERSON", "GPE") or not word.text.endswith(("ians", "eans")) or not is_capitalised(word):
        return None
    return None if word.i > 0 and e.doc[word.i - 1].lower_ == "the" else e.whole("NORP")


_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}$")


@rule(
    Example("Getafe beat Osasuna 2-0 on Sunday.", [("Osasuna", "ORG")]),
    Example("Hearts lost to Kilmarnock 2-1 at home.", [("Kilmarnock", "ORG")]),
    Example("The Harbour Comets reached their first grand final in nine years on Friday night, beating the Mainland Tui 58-51 in front of a sell-out crowd.",
            [("Mainland Tui", "ORG")], note="tagged a facility with its score"),
)
def team_before_score(e: TaggedEntity) -> Repair | None:
    """A "person" right before a score ("beat Getafe 3-1") is a team, an organisation; a
    team tagged with its score ("Kilmarnock 2-1") loses the score.

    Not: a place before a score (a national team stays the country, as news names it).
    """
    doc, end, ent = e.doc, e.ent.end, e.ent
    if len(ent) > 3 and e.label in ("ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "NORP") and _SCORE.match(ent[-3:].text.replace(" ", "")):
        start = ent[1].idx if ent[0].lower_ == "the" else e.start  # "the Mainland Tui 58-51"
        return [(start, ent[-4].idx + len(ent[-4]), "ORG")]  # "Kilmarnock 2-1" tagged as one name
    score = doc[end : end + 3].text.replace(" ", "") if end < len(doc) else ""
    if e.label == "PERSON" and _SCORE.match(score):
        return e.whole("ORG")
    return None


_ORG_FIRST_WORDS = lexicon_words("org_first_words")


@rule(
    Example("Banca Vellana and Credito Alpino agreed on Wednesday to merge.", [("Banca Vellana", "ORG"), ("Credito Alpino", "ORG")]),
    Example("Banca said she would sing on Friday.", None, note="one word is no name of that kind"),
)
def org_first_word(e: TaggedEntity) -> Repair | None:
    """A name of several words opening with an organisation word of another language
    ("Banca Emiliana", "Credito Padano", "Régie Atlantique des Eaux", ``org_first_words``) is
    an organisation, not the person or place the model called it.

    Not: the word alone; a name the model already tagged ORG, EVENT or LAW.
    """
    if e.label in ("PERSON", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART") and len(e.words) > 1 and e.words[0].lower_ in _ORG_FIRST_WORDS:
        return e.whole("ORG")
    return None


_ROUTE_PREPOSITIONS = frozenset({"from", "to", "in", "at", "near", "into", "via", "outside", "across", "around", "towards", "between"})


@rule(
    Example("One victim, an 81-year-old widow from Cork who gave her name only as Margaret, lost money.", [("Cork", "GPE")]),
    Example("The airline flew to 34 destinations from Bristol and Cardiff until it collapsed.", [("Bristol", "GPE"), ("Cardiff", "GPE")]),
    Example("Korvex will pay a 31 percent premium to Altamira's closing price.", None, note="the possessive's noun is the object"),
)
def known_place_after_preposition(e: TaggedEntity) -> Repair | None:
    """Places the gazetteer knows, tagged a person or an organisation right after a
    preposition ("a widow from Cork", "flights from Bristol and Cardiff"): each a place.

    Not: a name the gazetteer does not know; a surname of the article's people; a name
    ending in an organisation word; a possessive ("a premium to Altamira's closing price").
    """
    doc, words = e.doc, e.words
    if e.label not in ("PERSON", "ORG") or words[0].i == 0 or doc[words[0].i - 1].lower_ not in _ROUTE_PREPOSITIONS:
        return None
    if words[-1].i + 1 < len(doc) and doc[words[-1].i + 1].lower_ in ("'s", "’s", "'", "’"):
        return None  # "a premium to Altamira's price": the preposition's object is the price
    parts: list[list[Token]] = [[]]
    for word in words:
        if word.lower_ in ("and", "&"):
            parts.append([])
        else:
            parts[-1].append(word)
    found = []
    for part in parts:
        place = known_place(" ".join(w.text for w in part)) if part else None
        if place is None or part[-1].text in e.surnames or part[-1].lower_ in ORG_SUFFIXES:
            return None
        found.append((part[0].idx, part[-1].idx + len(part[-1]), place.label))
    return found


@rule(
    Example("The results, published in The Lancet on Friday, were encouraging.", [("Lancet", "WORK_OF_ART")]),
    Example("A study in the journal Cell Reports found that mice slept less.", [("Cell Reports", "WORK_OF_ART")]),
)
def journal_name(e: TaggedEntity) -> Repair | None:
    """A name after "published in" or "the journal" ("published in The Lancet", "the journal
    Nature Medicine") is a journal, a work, not the place or organisation the model called it.

    Not: "published in London" (a known place stays a place).
    """
    doc, first = e.doc, e.words[0]
    before = [t.lower_ for t in doc[max(0, first.i - 3) : first.i]]
    after_published = before[-2:] == ["published", "in"] or before[-3:] == ["published", "in", "the"]
    if e.label in ("GPE", "ORG", "PERSON", "LOC") and (before[-1:] == ["journal"] or (after_published and e.place is None)):
        return e.whole("WORK_OF_ART")
    return None


# Last words of organisations that also name a building or a place of worship: such a place stays a place.
# An opening quotation mark right before the name ("Sales of “The Salt Ledger”"), not a closing one ('asset." The Trust').
_QUOTED_BEFORE = re.compile(r"(?:^|[\s(])[\"“‘](?:[Tt]he\s+)?$")
_PLACE_LIKE_ORG_WORDS = frozenset(("church", "cathedral", "cafe", "hospital", "infirmary", "clinic", "school", "college", "university"))


@rule(
    Example("\u201cWe want every boiler gone by 2030.\u201d\n\nThe Danish Heating Installers' Association (DHIA) said its members were busy.",
            [("The Danish Heating Installers' Association (DHIA", "ORG")], note="the model tags it a work of art, running on into the initials"),
    Example("The eastbound train, operated by Northern Plains Railway, derailed on Monday.", [("Northern Plains Railway", "ORG")],
            note="the model tags it a place"),
    Example("Mourners filled St Mary's Cathedral on Sunday.", None, note="a building word: the place stays"),
    Example("Sales of \"The Salt Ledger\" have tripled since May.", None, note="a title in quotation marks stays a work"),
)
def org_suffix_tagged_place_or_work(e: TaggedEntity) -> Repair | None:
    """A "place" or "work" of two words or more whose last word is an organisation's
    ("Danish Heating Installers' Association", "Northern Plains Railway"; ``org_suffixes``) is
    an organisation, as ``person_with_org_suffix`` says of a "person".

    Not: a last word that also names a building ("St Mary's Cathedral", "Corvale Hospital":
    a place the story may mean); a one-word name; a title in quotation marks ("The Salt
    Ledger", a book).
    """
    if e.label not in ("WORK_OF_ART", "LOC", "GPE") or _QUOTED_BEFORE.search(e.body[max(e.start - 9, 0) : e.start]):
        return None  # a title in quotation marks ("The Salt Ledger") is the work
    # "The Danish Heating Installers' Association (DHIA": the model's span may run on into the initials.
    opening = next((t.i for t in e.ent if t.text == "("), e.ent.end)
    words = [t for t in e.words if t.i < opening]
    last = words[-1].lower_ if words else ""
    if len(words) >= 2 and last in ORG_SUFFIXES and last not in _PLACE_LIKE_ORG_WORDS:
        return e.whole("ORG")
    return None
