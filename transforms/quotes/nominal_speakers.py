"""Speaker rules for an entity the article calls by a common noun: an organisation ("a
spokesman for the office", "the club", "it"), a person by the role the article gave them
("the principal"), a document by who issued it ("the statement"), a sign, website or
petition by the organisation its phrase names and "the two companies" by the pair just named. Part of SPEAKER_RULES
(``transforms.quotes.speakers``), which imports them."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from transforms.entities.extraction import ArticleEntity
from dataclasses import replace

from transforms.lexicon import COMPANY_DESCRIPTORS, DOCUMENT_NOUNS, ORG_NOUNS, REPORTING_VERB_FORMS, TITLE_WORDS
from transforms.lexicons import words
from transforms.quotes import cues, speakers
from transforms.quotes.speakers import NON_COMPANY_WORDS, Speaker, SpeakerQuery, entity_at
from transforms.rules import Example, rule

_SPOKESPERSON_NOUNS = words("spokesperson_nouns")
_LEGAL_FORMS = words("legal_form_words")
_KIND_NOUNS = words("organisation_kind_nouns") | ORG_NOUNS | COMPANY_DESCRIPTORS
_FOR_PREPOSITIONS = frozenset(("for", "from", "of", "at"))
_MESSAGE_NOUNS = words("message_nouns")
_ISSUING_VERB_FORMS = words("issuing_verb_forms")
_OBJECT_DEPS = ("dobj", "pobj", "dative", "attr", "oprd", "conj", "appos", "npadvmod")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def kind_nouns() -> frozenset[str]:
    """Common nouns an article uses for an organisation it named ("the club", "the insurer")."""
    return _KIND_NOUNS


def is_subject_at(doc: Doc, start: int, end: int, cited: bool = True) -> bool:
    """A mention that is a sentence's subject, or set beside it ("The insurer, Lindeman, offered"),
    or (with ``cited``) the source a sentence cites ("..., according to the Seismology Service")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    root = None if span is None else span.root
    if cited and root is not None and root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True
    return root is not None and (root.dep_ in _SUBJECT_DEPS or root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS)


def _describes_a_new_one(noun: Token) -> bool:
    """"The audit office", "an agency": a noun with its own modifiers or an indefinite article
    introduces something; a bare "the agency" points back to one already named."""
    return any(c.dep_ in ("compound", "amod") or c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _the_organisation_so_called(noun: Token, query: SpeakerQuery, before: int) -> ArticleEntity | None:
    """The organisation "the <noun>" stands for: the last one named before ``before`` with
    that noun in its name ("the university" -> University of Aldbridge), else the last one
    named as the subject of this sentence or the two before ("Hollis pleaded guilty... the
    company said"), else the one organisation the quote itself names, as its subject
    ("Brandvik will sell its farms, the company said"). A company noun never stands for an
    organisation named as a ministry, court, union or association (``government_body_words``,
    ``non_company_kind_nouns``) or first named after a descriptor of no business ("the
    campaign group Barroso Vivo"), nor such a noun for a company with a legal form ("the
    regulator" is not "Brandauer Pharma GmbH")."""
    # The dateline's news agency ("ISTANBUL (Wire) -") reports the story; it is nobody the story quotes.
    named_before = [
        (max(m.char_start for m in e.mentions if m.char_end <= before), e)
        for e in query.entities
        if e.entity_type == "ORG" and any(m.char_end <= before for m in e.mentions) and not any(m.repaired_by == "dateline" for m in e.mentions)
    ]
    with_noun = [(at, e) for at, e in named_before if noun.lower_ in e.canonical_name.casefold().split()]
    if with_noun:
        return max(with_noun, key=lambda pair: pair[0])[1]
    if noun.lower_ in COMPANY_DESCRIPTORS:
        # "the company" is no ministry, court, police force, union or association named before it.
        named_before = [
            (at, e) for at, e in named_before
            if not NON_COMPANY_WORDS & set(e.canonical_name.casefold().replace("'", " ").split()) and not speakers.introduced_as_no_company(e, query.body)
        ]
    elif noun.lower_ in NON_COMPANY_WORDS:
        # ... and "the regulator" or "the union" is no company ("Brandauer Pharma GmbH").
        named_before = [(at, e) for at, e in named_before if e.canonical_name.split()[-1].rstrip(".").casefold() not in _LEGAL_FORMS]
    doc = query.subject.doc
    # "The audit office found nothing, a spokesman for the office said": the noun was just used
    # for something unnamed, so it is that, not the last organisation named.
    sentence_start = doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else 0
    # A bare "the company" before ("She ordered the company to pay") points back like this one.
    if noun.pos_ == "NOUN" and any(
        t.lower_ == noun.lower_ and entity_at(query.entities, t.idx, t.idx + len(t)) is None and _describes_a_new_one(t)
        for t in doc[sentence_start : noun.i]
    ):
        return None
    # The organisation named last as a subject before the quote (not inside it: "Brightwater
    # will pay..., the club said"), in this sentence or the two before it: further back,
    # "the agency" is as often a new one.
    limit = min(before, query.quote_start)
    window_start = doc[max(noun.sent.start - 1, 0)].sent
    window_start = doc[max(window_start.start - 1, 0)].sent.start_char
    as_subject = [
        (m.char_start, e)
        for _, e in named_before
        for m in e.mentions
        if window_start <= m.char_start and m.char_end <= limit and is_subject_at(doc, m.char_start, m.char_end)
    ]
    if as_subject:
        return max(as_subject, key=lambda pair: pair[0])[1]
    # "Brandvik will sell its farms, the company said": with no organisation before the quote,
    # the one organisation the quote itself names as a subject.
    inside = [e for _, e in named_before if any(limit <= m.char_start and m.char_end <= before for m in e.mentions)]
    if len(inside) != 1:
        return None
    # A source the quote itself cites ("..., according to Nielsen, the company said") is not the company.
    as_subject = any(limit <= m.char_start and m.char_end <= before and is_subject_at(doc, m.char_start, m.char_end, cited=False) for m in inside[0].mentions)
    return inside[0] if as_subject else None


the_organisation_so_called = _the_organisation_so_called


def _paragraph_organisation(query: SpeakerQuery) -> ArticleEntity | None:
    """'X (HSV) said ... "..." chief executive Y told ... "..." It denied that ...': "it" after
    an organisation's people spoke is the organisation named as a subject earlier in the
    paragraph, when it is the only one so named there."""
    subject, body = query.subject, query.body
    paragraph_start = body.rfind("\n", 0, subject.idx) + 1
    named = {
        id(e): e
        for e in query.entities
        if e.entity_type == "ORG" and not any(m.repaired_by == "dateline" for m in e.mentions)
        for m in e.mentions
        if paragraph_start <= m.char_start and m.char_end <= min(subject.idx, query.quote_start) and is_subject_at(subject.doc, m.char_start, m.char_end)
    }
    return next(iter(named.values())) if len(named) == 1 else None


@rule(Example("A spokesman for the authority, Per Lunde, said the request would be reviewed.", "Per Lunde"),
      Example("A WHO spokesperson, Tarik Jasarevic, told reporters in Geneva the doses would arrive by Friday.", "Tarik Jasarevic"),
      Example("Lakemont Water Authority raised its rates. A spokesman for the authority said the pipes were old.", None,
              "no name: the organisation's, left to spokesperson_for"))
def named_spokesperson(query: SpeakerQuery) -> Speaker | None:
    """'A spokesman for the authority, Per Lunde, said': a spokesperson set beside their own name
    is that person (the news convention names the person who spoke; the organisation they speak
    for is ``spokesperson_for``'s answer only when no name is given).

    Notes:
        Only a person named between the noun and its verb, in apposition or right before the
        verb (``_name_after_role``).
    """
    subject = query.subject
    if subject.lower_ not in _SPOKESPERSON_NOUNS:
        return None
    found = speakers._name_after_role(subject, query.entities, query.body)
    if found is None or found.entity_type != "PERSON":
        return None
    return Speaker(found.canonical_name, found, named_spokesperson.name)


@rule(Example("Lakemont Water Authority raised its rates. A spokesman for the authority said the pipes were old.", "Lakemont Water Authority"),
      Example("The Quito-based Andean Development Fund approved a $120 million loan, a spokesman for the fund said.", "Andean Development Fund"),
      Example("A spokeswoman for the Valdora Transport Ministry said the line would reopen.", "Valdora Transport Ministry"))
def spokesperson_for(query: SpeakerQuery) -> Speaker | None:
    """'a spokesman for X', 'a statement from X', 'figures from X': X speaks, named or called
    by its kind ("the authority") or by a word of its name ("the fund": the one organisation
    named before with "Fund" in its name, in the quote too).

    Notes:
        A spokesman for a person ("a spokesman for Ms Varga") is that person; one for nobody
        named stays as written.
    """
    subject = query.subject
    if subject.lower_ not in _SPOKESPERSON_NOUNS:
        return None
    target = next((p for c in subject.children if c.dep_ == "prep" and c.lower_ in _FOR_PREPOSITIONS for p in c.children if p.dep_ == "pobj"), None)
    if target is None:
        return None
    start = min(t.idx for t in target.subtree)
    # The target's own words, not a clause set off after it ("the Swiss drugmaker Valmont
    # Pharma, whose antimalarial Artevia was copied"), and an organisation or a person in them,
    # not the nationality before the name.
    end = max(t.idx + len(t) for t in target.subtree if t.i <= target.i or not any(a.dep_ in ("relcl", "acl", "appos") for a in cues._path_to(t, target)))
    entity = entity_at([e for e in query.entities if e.entity_type in ("ORG", "PERSON")], start, end) or entity_at(query.entities, start, end)
    if entity is None and target.lower_ in _KIND_NOUNS:
        # "X approved a loan ..., a spokesman for the fund said": the fund may be named in the quote.
        entity = _the_organisation_so_called(target, query, subject.idx)
    elif entity is None and target.is_lower and any(c.dep_ == "det" and c.lower_ == "the" for c in target.children):
        # "a spokesman for the fund": the one organisation named before with that word in its name.
        named = {id(e): e for e in query.entities if e.entity_type == "ORG" and target.lower_ in e.canonical_name.casefold().split()
                 and any(m.char_end <= subject.idx for m in e.mentions)}
        entity = next(iter(named.values())) if len(named) == 1 else None
    return Speaker(entity.canonical_name, entity, spokesperson_for.name) if entity is not None else None


# Nouns of people who speak for an organisation as a body ("zoo officials said", "a ministry official said").
_OFFICIALS_NOUNS = words("officials_nouns")


@rule(Example("A red panda escaped from the Lakeshore Zoo on Monday night and was found on Tuesday, zoo officials said.", "Lakeshore Zoo"),
      Example("Valdora Motors cut 300 jobs. Company officials said demand had fallen.", "Valdora Motors"),
      Example("Officials said the road would reopen.", None, "no organisation named: left to later rules"),
      Example("The union urged the Ministry of Culture, Sports and Tourism to act. A ministry official, speaking on condition of anonymity, "
              "said the government was watching closely.", "Ministry of Culture, Sports and Tourism", "one official speaks for the ministry as a spokesperson would"))
def officials_of_kind(query: SpeakerQuery) -> Speaker | None:
    """'zoo officials said', 'company officials said': officials (executives, authorities) named
    by the kind of their organisation speak for the one organisation the article named so
    (``_the_organisation_so_called``).

    Notes:
        Officials with no kind noun ("officials said") or of a place ("city officials") are
        left to later rules.
    """
    subject = query.subject
    if subject.lower_ not in _OFFICIALS_NOUNS:
        return None
    kind = next((c for c in subject.children if c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _KIND_NOUNS), None)
    if kind is None:
        return None
    entity = _the_organisation_so_called(kind, query, subject.idx)
    return Speaker(entity.canonical_name, entity, officials_of_kind.name) if entity is not None else None


def _kind_opening_the_words(query: SpeakerQuery) -> ArticleEntity | None:
    """'The company, founded in 1987 as Tasker & Sons, has pulled the toy, it said': "it" is the
    organisation noun that opens the reported words, resolved like "the company said"."""
    doc = query.subject.doc
    opening = next((t for t in doc if t.idx >= query.quote_start), None)
    if opening is None or opening.lower_ != "the" or opening.head.lower_ not in _KIND_NOUNS or opening.head.i > opening.i + 2:
        return None
    noun = opening.head
    return _the_organisation_so_called(noun, query, noun.idx)


@rule(Example("Stockport Harriers FC agreed a takeover by Brightwater Partners. The club said the deal would close in May.", "Stockport Harriers FC"),
      Example("The Andean Development Fund approved a loan in July. More than 400 aftershocks have been recorded since March, according to "
              "the National Seismology Service. The agency said further shocks were unlikely.", "National Seismology Service",
              "the source 'according to' cites is named as a subject is"),
      Example("The University of Aldbridge will close its music school. The university said the school had run a deficit.", "University of Aldbridge"),
      Example("The Harbour Authority said it would reopen the quay. Boats should stay away, it said.", "Harbour Authority"),
      Example("Brightling Toys Ltd recalled 85,000 toys. “We are deeply sorry,” managing director Owen Tasker said.\n\n"
              "The company, founded in 1987 as Tasker & Sons, has pulled the toy from sale, it said.", "Brightling Toys Ltd",
              "'it' is the organisation noun opening the reported words"),
      Example("Haaglanden Stadsvervoer (HSV), the city's tram operator, said the tram had been speeding. “We do not yet know why,” chief executive "
              "Sander Bloemendaal told a news conference. “The driver is cooperating fully.” It denied that the driver had been on his phone.",
              "Haaglanden Stadsvervoer", "'it' is the one organisation named as a subject earlier in the paragraph"),
      Example("ISTANBUL (Bosporus Wire) - Three ferries will stop running next year, the shipping company said.", None,
              "the dateline's news agency is nobody the story quotes"),
      Example("Brandauer Pharma GmbH is recalling three batches of its vaccine after inspectors found glass particles, the regulator said on Friday.", None,
              "a regulator is no company"),
      Example("Kaufgut, the Munich-based supermarket chain, removed the oil. Italy exported 350,000 tonnes of oil last year, "
              "according to the national statistics office.", None, "a noun of its own ('statistics') describes another one"))
def organisation_by_kind(query: SpeakerQuery) -> Speaker | None:
    """'the company said', 'the club said', 'it said': the organisation the article introduced
    so: the last one named with that noun in its name, else the last one named as a
    sentence's subject (or cited as its source: "according to X").

    Notes:
        A plural ("the two companies"), a noun with a clause of its own ("the company that
        ...") or with a lower-case noun before it that the name lacks ("the national statistics
        office") is left to later rules; the dateline's news agency is never the one; "it" with no organisation named as a subject before
        (in the last three sentences, else as the only one so named in its paragraph) names nobody.
    """
    subject = query.subject
    if subject.lower_ == "it" and subject.pos_ == "PRON":
        entity = _the_organisation_so_called(subject, query, subject.idx) or _kind_opening_the_words(query) or _paragraph_organisation(query)
        return Speaker(entity.canonical_name if entity else None, entity, organisation_by_kind.name)
    if (
        subject.pos_ != "NOUN"
        or subject.tag_ == "NNS"
        or subject.lower_ not in _KIND_NOUNS
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
        or any(c.dep_ in ("conj", "prep", "nummod") for c in subject.children)
        # "the company that designs her clothes" is another one; "The company, which sells
        # furniture," (set off by a comma) is the one already named.
        or any(c.dep_ in ("relcl", "acl") for c in subject.children) and subject.nbor(1).text != ","
    ):
        return None
    entity = _the_organisation_so_called(subject, query, subject.idx)
    # "the national statistics office": a lower-case noun before the kind that the name does
    # not hold describes another organisation than the one named before.
    if entity is not None and any(c.dep_ == "compound" and c.is_lower and c.lower_ not in entity.canonical_name.casefold().split() for c in subject.children):
        return None
    return Speaker(entity.canonical_name, entity, organisation_by_kind.name) if entity is not None else None


@rule(Example("Professor Alan Birkett, the university's principal, spoke first. The principal said 31 posts would move.", "Alan Birkett"),
      Example("Norway's trade minister, Jonas Kvale, watched the launch. The minister announced that the spaceport would grow.", "Jonas Kvale"),
      Example("The Harbour Health Board cut beds. Board chief executive Fiona Gallagher wrote that safety came first. "
              "Talks will resume on Thursday, the board said.", None, "an organisation's noun before a title is no role of the person"),
      Example("The deal was signed by Romania's agriculture minister, Dan Ionescu, and Egypt's supply minister, Ahmed Fathy. "
              "“We want to be a reliable partner,” Ionescu told reporters. The minister added that Romania could supply maize.", "Dan Ionescu",
              "of two ministers, the one named last before the quote"),
      Example("Callum Reid met Fiona Blake, the firm's finance director, on Tuesday. The finance director said the talks had begun in January.",
              "Fiona Blake"),
      Example("Pellow managing partner Mark Hensley visited Leeds. The managing partner said no driver would lose work.", "Mark Hensley"),
      Example("He handed the petition to the Minister for Health, Colm Varley, on Thursday. The minister said guidelines would follow.",
              "Colm Varley", "a title the model tagged inside an organisation's name"),
      Example("Lower Saxony's economy minister, Bernd Tiedemann, spoke first. The minister, who opened a shop in June, said a loan was possible.",
              "Bernd Tiedemann", "a clause set off by commas"),
      Example("MVU's vice-chancellor, Professor Deborah Kiernan, said it had acted. Grant Tolley disagreed. The vice-chancellor said MVU "
              "would ask for compensation.", "Deborah Kiernan", "a hyphenated role"))
def role_in_apposition(query: SpeakerQuery) -> Speaker | None:
    """'the principal said': the person the article introduced with that role beside their
    name ("Alan Birkett, the university's principal", "Norway's minister, Jonas Kvale",
    "Agriculture Minister Hélène Vasseur"); of several, the one named last before the quote.

    Notes:
        Only "the" + a singular common noun, with lower-case modifiers that the role beside
        the name also has ("the finance director"), nothing else ("the Democratic nominee" may
        be another nominee); a role never set beside a name is left to later rules.
    """
    subject = query.subject
    # "The minister, who opened a shop in June, said": a clause set off by commas describes the one named before.
    comma_after = subject.i + 1 < len(subject.doc) and subject.nbor(1).text == ","
    # ("vice-chancellor": the tagger may call the hyphen a compound noun.)
    children = [c for c in subject.children if c.dep_ != "punct" and c.is_alpha and not (c.dep_ == "relcl" and comma_after)]
    # "the finance director", "the chief executive": lower-case modifiers must all stand in the
    # role beside the name ("the Democratic nominee" is no role of one person).
    compounds = {c.lower_ for c in children if c.dep_ in ("compound", "amod") and c.is_lower}
    if subject.pos_ != "NOUN" or subject.tag_ == "NNS" or [c.lower_ for c in children if c.lower_ not in compounds] != ["the"]:
        return None  # "the Democratic nominee" is not whoever was called a nominee
    doc, role = subject.doc, subject.lower_
    if role in _KIND_NOUNS and role not in TITLE_WORDS:
        return None  # "the board said" after "Board chief executive Fiona Gallagher": the board, not its chief
    holders: dict[int, ArticleEntity] = {}
    for entity in query.entities:
        if entity.entity_type != "PERSON":
            continue
        for mention in entity.mentions:
            span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            if span is None or mention.char_end > min(query.quote_start, subject.idx):
                continue
            root = span.root
            beside = [root.head] if root.dep_ == "appos" else []
            beside += [c for c in root.children if c.dep_ in ("appos", "compound")]
            beside += [t for t in doc[max(span.start - 4, 0) : span.start] if t.dep_ == "compound" and t.head == root]
            # "Pellow managing partner Mark Hensley": the words before the name are its role too.
            before_name = {w.lower_ for w in doc[max(span.start - 4, 0) : span.start]}
            # An organisation's name set beside it ("X, the Federal Waterways Office") is no role.
            beside = [t for t in beside if t.ent_type_ not in ("ORG", "GPE", "FAC", "LOC") or t.lower_ in TITLE_WORDS]
            if any(t.lower_ == role and compounds <= {w.lower_ for w in t.subtree} | before_name for t in beside):
                holders[id(entity)] = entity
    # Of two holders of the role ("Romania's minister, Dan Ionescu, and Egypt's minister, Ahmed
    # Fathy"), the one the article named last before the quote ("..., Ionescu told. The minister added").
    limit = min(query.quote_start, subject.idx)
    last_named = [(max(m.char_start for m in e.mentions if m.char_end <= limit), e) for e in holders.values()]
    found = max(last_named, key=lambda pair: pair[0], default=None)
    return Speaker(found[1].canonical_name, found[1], role_in_apposition.name) if found else None


@rule(Example("The airline said in a statement that it had exhausted every option. "
              "\u201cWe are deeply sorry to our passengers,\u201d the statement said.", None, "the airline is no named organisation here"),
      Example("Skyvale Airways said in a statement that it had exhausted every option. "
              "\u201cWe are deeply sorry to our passengers,\u201d the statement said.", "Skyvale Airways"),
      Example("The Second Administrative Court will hear the case. Huanghai Marine Ltd said in a statement that it would appeal. "
              "Its offer was lower, the statement said.", "Huanghai Marine Ltd",
              "the statement named last, ahead of the article's document source (document_noun comes after)"))
def document_named_before(query: SpeakerQuery) -> Speaker | None:
    """'the statement said': whoever the article said issued that document before ("The
    airline said in a statement ...", "a statement from the club"), resolved like any subject.

    Notes:
        Only a document named earlier with its issuer as the subject of a cue; an issuer that
        is no entity names nobody here.
    """
    from transforms.quotes.cues import subject_of
    from transforms.quotes.speakers import resolve_speaker  # the rules' own module imports this one

    subject = query.subject
    if subject.lower_ not in DOCUMENT_NOUNS:
        return None
    for earlier in reversed(subject.doc[: subject.i]):
        if earlier.lower_ != subject.lower_ or earlier.head.dep_ != "prep" or earlier.head.head.pos_ != "VERB":
            continue
        issuer = subject_of(earlier.head.head)
        if issuer is None or issuer.lower_ in DOCUMENT_NOUNS:
            return None
        speaker = resolve_speaker(issuer, query.context, earlier.idx, query.document_source)
        return Speaker(speaker.name, speaker.entity, document_named_before.name) if speaker.entity is not None else None
    return None


@rule(Example("France's Agriculture Minister Hélène Vasseur, who visited Valence, said the government would help.", "Hélène Vasseur"))
def person_in_apposition(query: SpeakerQuery) -> Speaker | None:
    """A subject that is no person, with a person set beside it as its apposition ("France's
    Agriculture Minister Hélène Vasseur said", where the parser makes "Minister" the subject
    and the name its apposition): that person, not the place or organisation the title names.

    Notes:
        A subject that is itself a person ("Trump, Clinton's rival, said") keeps its own name;
        a common-noun role ("Its leader, X,") is left to ``name_after_role``; two people set
        beside it are a group.
    """
    subject = query.subject
    if subject.pos_ != "PROPN":
        return None  # "Its regional leader, Tomasz Wrona," is name_after_role's
    own = entity_at(query.entities, subject.idx, subject.idx + len(subject))
    if own is not None and own.entity_type == "PERSON":
        return None
    for child in subject.children:
        if child.dep_ == "appos" and not any(c.dep_ == "conj" for c in child.children):  # "Two councillors, A and B," are a group
            entity = entity_at(query.entities, child.idx, child.idx + len(child))
            if entity is not None and entity.entity_type == "PERSON":
                return Speaker(entity.canonical_name, entity, person_in_apposition.name)
    return None


_SIGN_NOUNS = words("sign_nouns")


@rule(Example("Norland & Finch closed its stores. A banner on the retailer's website read: \u201cWe will reopen on Monday.\u201d", "Norland & Finch"),
      Example("The council will shut the library. The petition, organised by the group Save Our Library, read: \u201cBooks are not a luxury.\u201d",
              "Save Our Library"),
      Example("Fans gathered outside the ground. A handwritten sign read: \u201cNot for sale.\u201d", None, "a sign of nobody named"),
      Example("The blaze was out by 4 a.m., according to a timeline the brigade posted on its Facebook page.", None,
              "a platform the words were posted on is not their author"),
      Example("Harwick Foods agreed on Monday to sell its bakery arm to Olsen Grain Holdings.\n\n"
              "A notice on the Harwick website read: \u201cOrders placed before Friday will be delivered as normal.\u201d", "Harwick Foods"),
      Example("The Finnish Airline Pilots' Guild called a strike. A notice on the guild's website said members would picket the airport.",
              "Finnish Airline Pilots' Guild", "a word of the organisation's name"))
def organisation_sign(query: SpeakerQuery) -> Speaker | None:
    """'A banner on the retailer's website read', 'The petition, organised by X, read': a sign,
    website or petition speaks for the organisation its phrase names (by name, by a kind
    noun the article used for it: "the retailer", or by a word of its name: "the guild").

    Notes:
        Only an organisation: "a Varga campaign poster" names a person, not a speaker; a sign
        whose phrase names no organisation ("a handwritten sign") is left to later rules.
    """
    subject = query.subject
    # A document no earlier rule could give an author ("A notice on the Harwick website") too.
    if subject.lower_ not in _SIGN_NOUNS | DOCUMENT_NOUNS or subject.pos_ != "NOUN":
        return None
    for token in subject.subtree:
        if token == subject or token.pos_ not in ("PROPN", "NOUN") or token.dep_ not in ("poss", "pobj", "compound", "appos"):
            continue
        entity = entity_at(query.entities, token.idx, token.idx + len(token))
        if entity is not None and speakers.only_a_platform(entity, query.body):
            continue  # "posted on its Facebook page": where, not whose
        # A kind noun ("the retailer's website"), or a word of an organisation's name ("the guild's website").
        named_so = token.pos_ == "NOUN" and any(e.entity_type == "ORG" and token.lower_ in e.canonical_name.casefold().split() for e in query.entities)
        if entity is None and token.pos_ == "NOUN" and (token.lower_ in _KIND_NOUNS or named_so):
            entity = _the_organisation_so_called(token, query, min(query.quote_start, subject.idx))
        # Who organised or signed it ("organised by X") is its author, whatever X's type.
        by_agent = any(t.dep_ == "agent" for t in token.ancestors if subject in t.ancestors)
        if entity is not None and (entity.entity_type == "ORG" or by_agent and entity.entity_type == "PERSON"):
            return Speaker(entity.canonical_name, entity, organisation_sign.name)
    return None


_PAIR_WORDS = frozenset(("two", "both"))


@rule(Example("Lakemont Mining Ltd agreed on Thursday to buy Valdora Copper SA for $4 billion. The buyer will pay $18 a share, the two companies said.",
              "Lakemont Mining Ltd"),
      Example("Lakemont Mining Ltd, Valdora Copper SA and Tavira Metals Inc met in Lima. Talks will go on, the two companies said.", None,
              "three named: which two is not said"),
      Example("Two lenders, Banca Sud and Credito Alto, agreed to merge. Shareholders will get new shares, the banks said.", "Banca Sud"))
def both_organisations(query: SpeakerQuery) -> Speaker | None:
    """'the two companies said', 'both firms said', 'the banks said': when the article has just named exactly two
    organisations (in this sentence or the two before it), their joint words are given to the
    one named first (news convention: the acquirer, the lead's subject).

    Notes:
        With one, or three or more, organisations named in that window the subject is kept as
        written ("the two companies").
    """
    subject = query.subject
    plural = subject.lower_
    # The pipeline has no lemmatizer: "companies" -> "company", "firms" -> "firm", "groups" -> "group".
    singulars = {plural[:-3] + "y", plural[:-1], plural[:-2]} if plural.endswith("s") else set()
    if subject.tag_ != "NNS" or not singulars & _KIND_NOUNS:
        return None
    if not any(c.lower_ in _PAIR_WORDS and c.dep_ in ("nummod", "det", "predet") or c.lower_ == "the" and c.dep_ == "det" for c in subject.children):
        return None
    doc = subject.doc
    window = doc[max(subject.sent.start - 1, 0)].sent
    window_start = doc[max(window.start - 1, 0)].sent.start_char
    first_named: dict[str, tuple[int, ArticleEntity]] = {}
    for entity in query.entities:
        if entity.entity_type != "ORG":
            continue
        starts = [m.char_start for m in entity.mentions if window_start <= m.char_start and m.char_end <= subject.idx]
        if starts:
            first_named[entity.entity_id] = (min(starts), entity)
    if len(first_named) != 2:
        return None  # kept as written by subject_as_written
    entity = min(first_named.values(), key=lambda pair: pair[0])[1]
    return Speaker(entity.canonical_name, entity, both_organisations.name)



def _clause_verb(noun: Token) -> Token | None:
    """The verb whose object (or prepositional object) ``noun`` is: 'attacked [the bill]',
    'spoke about [the bill]'."""
    head = noun.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ in ("prep", "pobj", "dobj", "conj", "appos", "compound") and head.head != head:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head != noun else None


def _set_off(participle: Token) -> bool:
    """A comma right before the participle, or before the closing mark right before it."""
    before = participle.i - 1
    while before >= 0 and participle.doc[before].is_quote and participle.doc[before].is_punct:
        before -= 1
    return before >= 0 and participle.doc[before].text == ","


def _reporting_participle(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep and c.tag_ == "VBG" and c.lower_ in REPORTING_VERB_FORMS), None)


def _main_clause_verb(subject: Token) -> Token | None:
    """The verb of the clause a reporting participle belongs to, when the parser hung the
    participle inside that clause's object or reported clause (None otherwise):

    - on the object: 'attacked [the levy], arguing', 'issued [a statement] saying';
    - on the reported clause: 'told the paper that [Costa had lied], adding'.
    """
    if subject.dep_ in _OBJECT_DEPS:
        participle = _reporting_participle(subject, "acl")
        verb = _clause_verb(subject) if participle is not None else None
        if verb is not None and (_set_off(participle) or subject.lower_ in _MESSAGE_NOUNS and verb.lower_ in _ISSUING_VERB_FORMS):
            return verb
        return None
    clause = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ not in ("ccomp", "xcomp") or clause.lower_ in REPORTING_VERB_FORMS:
        return None
    participle = _reporting_participle(clause, "advcl")
    if participle is None or not _set_off(participle) or participle.i < clause.i:
        return None
    return clause.head if clause.head.pos_ in ("VERB", "AUX") else None


@rule(Example("Harbour Freight Ltd issued a statement saying the depot would close in May.", "Harbour Freight Ltd"),
      Example("Carla Mendes told the Gazette that Tomasz Wrona “has never once paid the harbour levy,” adding, “He owes the town an apology.”", "Carla Mendes"),
      Example("Priya Raman cited a report saying the harbour had lost money for a decade.", None, "a report someone else wrote"))
def participle_of_the_main_clause(query: SpeakerQuery) -> Speaker | None:
    """'X attacked the levy, arguing that ...', 'X issued a statement saying ...', 'X told the
    paper that Y lied, adding ...': a reporting participle the parser hung on the object or
    on the reported clause of another verb speaks for that verb's subject (resolved by
    SPEAKER_RULES again; the speaker keeps this rule's name).

    On an object the participle counts when a comma sets it off or when the object is a
    message its subject put out ("issued a statement", "released an ad": ``message_nouns``,
    ``issuing_verb_forms``); on a reported clause, when a comma sets it off.

    Notes:
        A participle on a sentence's own subject ("a voter asking ...") is that subject's;
        "cited a report saying" is the report's, not the citer's; a participle with no comma
        on a person ("footage of Hillary Clinton asking") stays that person's; a reported
        clause whose verb is itself a cue ("said Y told them, adding") is left alone.
    """
    subject = query.subject
    verb = _main_clause_verb(subject)
    if verb is None:
        return None
    inner = cues.subject_of(verb)
    if inner is None or inner == subject or inner.i > verb.i or inner.idx >= query.quote_start:
        return None  # a subject inside the quote is what it says, not who says it
    resolved = speakers.resolve_speaker(inner, query.context, query.quote_start, query.document_source)
    return replace(resolved, by=participle_of_the_main_clause.name) if resolved.name else None


# Clauses inside a sentence that a closing reporting participle may hang on although it speaks
# for the sentence's subject: a reported or complement clause, a noun's clause ("the idea that
# ..."), a preposition's clause.
_EMBEDDED_CLAUSE_DEPS = ("ccomp", "xcomp", "acl", "pcomp")


def _sentence_verb(clause: Token) -> Token | None:
    """The verb of the main clause of the sentence ``clause`` is embedded in (None if that is
    no verb, or is ``clause`` itself)."""
    verb = clause
    while verb.dep_ != "ROOT" and verb.head != verb:
        verb = verb.head
    return verb if verb != clause and verb.pos_ in ("VERB", "AUX") else None


@rule(Example("Dana Whitfield rejected the idea that the levy would be a drag on the harbour, saying the fees had doubled trade.", "Dana Whitfield"),
      Example("Carla Mendes denied the notion that a strike is coming, explaining that the union had signed.", "Carla Mendes"),
      Example("Priya Raman said the harbour master warned the crews, adding that the cranes were unsafe.", None,
              "the clause is itself a cue: its participle may be its own subject's"))
def participle_of_the_sentence(query: SpeakerQuery) -> Speaker | None:
    """'X rejected the idea that Y would be a drag, saying ...', 'X denied the notion that a
    shake-up is coming, explaining ...': a reporting participle set off by a comma at the end
    of a clause embedded in the sentence (a noun's, a reported or a complement clause) speaks
    for the subject of the sentence's main clause, not for the embedded clause's subject the
    parser hung it on (resolved by SPEAKER_RULES again; the speaker keeps this rule's name).

    Notes:
        A relative or adverbial clause keeps its participle ("met Y, who criticised the plan,
        saying ..." is Y's); an embedded clause whose verb is itself a cue ("said Y warned the
        crews, adding") is left to its own subject.
    """
    subject = query.subject
    clause = subject.head
    if subject.dep_ not in _SUBJECT_DEPS or clause.dep_ not in _EMBEDDED_CLAUSE_DEPS or clause.lower_ in REPORTING_VERB_FORMS:
        return None
    participle = _reporting_participle(clause, "advcl")
    if participle is None or participle.i < clause.i or not _set_off(participle):
        return None
    verb = _sentence_verb(clause)
    inner = None if verb is None else cues.subject_of(verb) or _inverted_subject(verb)
    if inner is None or inner == subject or inner.i > participle.i or inner.idx >= query.quote_start:
        return None
    if any(a <= inner.idx < b for a, b in query.context.quoted_ranges):
        return None  # a subject inside a quote is what it says, not who says it
    resolved = speakers.resolve_speaker(inner, query.context, query.quote_start, query.document_source)
    return replace(resolved, by=participle_of_the_sentence.name) if resolved.name else None


def _inverted_subject(verb: Token) -> Token | None:
    """'“...,” said Carly Fiorina during the debate, suggesting ...': a subject after the verb."""
    return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.pos_ in ("NOUN", "PROPN") and c.i < verb.i + 8), None)


# ", a consortium known as X": a descriptive apposition that ends by naming the thing.
_BEFORE_THE_NAME = re.compile(r"\s+|,\s+|,\s+(?:an?|the)\s+[^,;:()“”\"\n]{1,60}?\s+(?:known as|called|named)\s+")
# The name may carry its short form in brackets ("X (XYZ)") before the comma that closes it.
_AFTER_THE_NAME = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*,?\s*")


@rule(Example("The council stopped the works. The builder, a consortium known as Obras del Valle (OVA), said the halt would cost jobs.",
              "Obras del Valle"),
      Example("The port was shut for a week. The operator, a company known as Baltmar Logistik, said the cranes had been repaired.",
              "Baltmar Logistik"),
      Example("The canal was closed on Monday. The minister of Karin Voss's party said the locks were too old.", None,
              "a name inside a prepositional phrase is someone else"))
def name_set_off_after_role(query: SpeakerQuery) -> Speaker | None:
    """'The regional tourism board, Turismo do Sul, said', 'the chain Vershof warned', 'The
    builder, a consortium known as X (XYZ), said', 'Its economy minister, Karin Voss, said': a
    person or organisation named right after a common-noun subject, alone or at the end of a
    "known as" apposition, and right before the verb: whatever label the parser gave the name
    (it often reads "Karin Voss" as a clause of "minister", or "Turismo do" as a verb).

    Notes:
        Only a singular common noun as subject, and only a name between it and its verb with
        nothing else between (a name after "of", "for", "by" is someone else's, and a
        plural "two councillors, A and B," is a group).
    """
    subject, body = query.subject, query.body
    if query.named is not None or subject.pos_ != "NOUN" or subject.tag_ != "NN":
        return None
    verb = subject.head
    if verb.i <= subject.i or verb.i - subject.i > 20:
        return None
    subject_end = subject.idx + len(subject)
    for entity in query.entities:
        if entity.entity_type not in ("PERSON", "ORG"):
            continue
        for mention in entity.mentions:
            if (subject_end <= mention.char_start and mention.char_end <= verb.idx
                    and _BEFORE_THE_NAME.fullmatch(body, subject_end, mention.char_start)
                    and _AFTER_THE_NAME.fullmatch(body, mention.char_end, verb.idx)):
                return speakers._named(entity, name_set_off_after_role.name)
    return None
