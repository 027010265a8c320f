"""Speaker rules for a title without a name: "the minister said" (the person the article gave
that title last), "the 23-year-old" and "the Argentine" (the person named last) and a lead's
"a federal judge ruled" (the person the next sentence names with it). Part of SPEAKER_RULES (``transforms.quotes.speakers``), which imports them."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from transforms.entities.context_finders import GIVEN_NAME_BEFORE
from transforms.entities.extraction import ArticleEntity
from transforms.lexicon import TITLE_WORDS
from transforms.lexicons import words
from transforms.quotes.pronoun_speakers import salient_person
from transforms.quotes.speakers import Entities, Speaker, SpeakerQuery, _named, _nearest
from transforms.rules import Example, rule


@rule(Example("\u201cWe had 60,000 birds,\u201d said the farm's owner, who asked to be identified only by her first name, Gurpreet.", "Gurpreet"),
      Example("\u201cThe road is shut,\u201d said a driver, who gave his name only as Tomasz.", "Tomasz"),
      Example("\u201cI have no way to get there,\u201d said one passenger, a 29-year-old engineer who gave only her first name, Sanna.", "Sanna",
              "the clause on the speaker's apposition"),
      Example("\u201cThis is my history,\u201d said one of them, a student who gave his name only as Marko.", "Marko", "'one of them' with its apposition"),
      Example("One of the survivors, a 27-year-old identified by police only as Jonas, said the group had made a stupid decision.", "Jonas",
              "'identified by police only as'"),
      Example("\u201cThe road is shut,\u201d said a driver who lives near Ana Costa.", None, "a person named in the clause is someone else"))
def person_named_in_own_clause(query: SpeakerQuery) -> Speaker | None:
    """'the farm's owner, who asked to be identified only by her first name, Gurpreet': a
    speaker described by a noun whose own relative clause gives the person's name is that
    person.

    Notes:
        Only a person named right after "name" ("her first name, X", "his name only as X");
        anyone else named in the clause is who the clause is about, not the speaker.
    """
    subject = query.subject
    # "one of them, a student who gave his name only as Marko": "one" with its apposition.
    if subject.pos_ != "NOUN" and not (subject.lower_ == "one" and any(c.dep_ == "appos" for c in subject.children)):
        return None
    # The clause may hang on the speaker's apposition ("one passenger, a 29-year-old engineer who gave only her first name, Sanna").
    beside = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    clauses = [c for noun in beside for c in noun.children if c.dep_ in ("relcl", "acl")]
    # "a 27-year-old identified by police only as Jonas": the parser may make the participle the apposition.
    clauses += [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "VERB"]
    for clause in clauses:
        start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        for entity in query.entities:
            if entity.entity_type != "PERSON":
                continue
            for m in entity.mentions:
                # "+ 2": the parse may end the clause at "name," and leave the name after it.
                if start <= m.char_start < end + 2 and GIVEN_NAME_BEFORE.search(query.body, max(m.char_start - 30, 0), m.char_start):
                    return _named(entity, person_named_in_own_clause.name)
    return None



@rule(Example("Prime Minister Ana Costa met Defence Minister Rui Matos in Lisbon. Spain's Foreign Ministry criticised the pact. "
              "Matos rejected the criticism. “Portugal makes its own decisions,” the minister said.", "Rui Matos"),
      Example("Justice Amara Quist of the High Court read the verdict.\n\n“The evidence was clear,” the judge told the court.", "Amara Quist"),
      Example("Health Secretary Fiona Drummond met union leaders. The minister later said she would not negotiate through the newspapers.",
              "Fiona Drummond", "a secretary of state is a minister"))
def titled_person(query: SpeakerQuery) -> Speaker | None:
    """'the senator said': the person with that title mentioned last before the quote.

    Notes:
        Only "the" + lower-case title words (or a title of the same office, ``title_equivalents``:
        "the judge" for "Justice X"); "the minister of X" is left to later rules.
    """
    found = _titled_person(query.subject, query.entities, query.quote_start)
    return _named(found, titled_person.name) if found is not None else None


# "the 23-year-old", "the 70-year-old senator": an age standing for a person.
_AGE_NOMINAL = re.compile(r"the (?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old(?: [a-z]+){0,2}(?: of (?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)?", re.IGNORECASE)


@rule(Example("Aroha Tane scored 41 goals as the Comets won.\n\n“I have dreamt of this since I was a girl,” the 23-year-old said.", "Aroha Tane"),
      Example("Senator Dana Whitfield opened the debate. The 70-year-old senator said the levy would pass.", "Dana Whitfield"),
      Example("Dr. Miriam Holt led the survey. The 41-year-old marine biologist said the water had stayed warm.", "Miriam Holt",
              "an age with a two-word occupation"),
      Example("Lena Marsh runs the shelter. “We turn people away every night,” the 52-year-old mother of three said.", "Lena Marsh",
              "'mother of three'"),
      Example("“We will appeal,” the 40-year-old said.", None, "nobody is named before"),
      Example("Ines Berg, 61, runs the ward. Carla Dias, 58, joined in May. “We cannot wait,” Dias said. Berg agreed. "
              "“I have never seen anything like it,” the 61-year-old said.", "Ines Berg", "the one person the article gave that age"),
      Example("Coach Florian Gruber was banned. Austria's Lukas Eder finished second. Gruber's employer dismissed him on Monday.\n\n"
              "Eder, who keeps his podium finish, said he had known nothing about the messages. "
              "“I jump, I land, I look at the board,” the 24-year-old told a broadcaster.", "Lukas Eder",
              "of the people of the sentence before, its subject (as for a pronoun)"),
      Example("Carla Dias, 58, joined in May. “We cannot wait,” Dias said. “I have never seen anything like it,” the 34-year-old nurse said.",
              None, "the person named last is of another age: someone new"))
def age_nominal(query: SpeakerQuery) -> Speaker | None:
    """'the 23-year-old said', 'the 70-year-old senator said': an age that stands for a person
    is the person mentioned last before the quote (leaving out names inside quotes), as a
    pronoun is.

    Notes:
        "a 40-year-old man" (indefinite) is someone new: left as written; so is an age with
        no person named before it. The one person the article gave that age ("Carla Dias, 58,")
        comes first; a person named last with another age is not the one.
    """
    start, end = query.phrase_span
    if not _AGE_NOMINAL.fullmatch(query.body, start, end):
        return None
    age = re.search(r"\d+", query.body[start:end])
    ages = _ages_given(query) if age is not None else []
    of_that_age = [e for e, given in ages if given == age[0]] if age is not None else []
    if len(of_that_age) == 1:
        return _named(of_that_age[0], age_nominal.name)  # "Carla Dias, 58," ... "the 58-year-old said"
    found = _nearest(query.entities, query.quote_start, ("PERSON",), skip=query.context.quoted_ranges)
    if found is not None and age is not None and any(e is found and given != age[0] for e, given in ages):
        return None  # the person named last was given another age: someone else
    return _named(salient_person(query, found), age_nominal.name) if found is not None else None


_AGE_AFTER_NAME = re.compile(r",\s+(\d{1,3}),")
_AGE_BEFORE_NAME = re.compile(r"(\d{1,3})-year-old\s+(?:[a-z-]+\s+){0,3}$")


def _ages_given(query: SpeakerQuery) -> list[tuple[ArticleEntity, str]]:
    """(person, age as written) for the people the article gives an age ("Carla Dias, 58,",
    "58-year-old Carla Dias")."""
    ages = []
    for entity in query.entities:
        if entity.entity_type != "PERSON":
            continue
        for mention in entity.mentions:
            after = _AGE_AFTER_NAME.match(query.body, mention.char_end)
            before = _AGE_BEFORE_NAME.search(query.body, max(0, mention.char_start - 40), mention.char_start)
            if after or before:
                ages.append((entity, (after or before)[1]))
                break
    return ages


@rule(Example("The striker Tomás Ibarra scored twice.\n\n\u201cI just kept running,\u201d the Argentine said.", "Tomás Ibarra"),
      Example("Ingrid Dahl, 41, won the race. The Norwegian said the snow was perfect.", "Ingrid Dahl"),
      Example("Mads Holm lodged the protest on Tuesday. “It was dark, but not that dark,” the Dane said.", "Mads Holm",
              "a nationality noun the tagger may not mark (``demonym_nouns``)"),
      Example("\u201cWe will appeal,\u201d the Argentine said.", None, "nobody is named before"),
      Example("Tomás Ibarra scored twice. The Argentines said the referee was wrong.", None, "a plural is a group"))
def demonym_nominal(query: SpeakerQuery) -> Speaker | None:
    """'the Argentine said', 'the Norwegian said': a nationality standing alone for a person
    (sports and profile writing) is the person mentioned last before the quote, leaving out
    names inside quotes, as "the 23-year-old" is.

    Notes:
        Only "the" and a singular nationality the tagger marked (NORP) with nothing else in the
        phrase; a plural ("the Argentines") is a group, and with nobody named before it the
        phrase names nobody.
    """
    subject = query.subject
    start, end = query.phrase_span
    demonym = subject.ent_type_ == "NORP" and subject.tag_ in ("NNP", "NN", "JJ") or subject.lower_ in _DEMONYM_NOUNS
    if not demonym or query.body[start:end].casefold() != "the " + subject.lower_:
        return None
    found = _nearest(query.entities, query.quote_start, ("PERSON",), skip=query.context.quoted_ranges)
    return _named(salient_person(query, found), demonym_nominal.name) if found is not None else Speaker(None, None, demonym_nominal.name)


_DEMONYM_NOUNS = words("demonym_nouns")


# People described by what they do or where they stand ("a fisherman", "one passenger").
_DESCRIBED_PERSON_NOUNS = (
    words("occupation_titles") | words("role_nouns") | words("bystander_nouns") | words("resolver_person_nouns")
)


@rule(Example("\u201cWe lost everything,\u201d said a fisherman mending nets on the quay. Tomasz Nowak, 54, has worked the harbour for 30 years.",
              "Tomasz Nowak"),
      Example("Trains stopped at noon. The 26-year-old said she had waited for hours. Priya Sandhu, who works in Oulu, missed her interview.",
              "Priya Sandhu", "an age with nobody named before"),
      Example("\u201cIt is our water,\u201d said a rancher whose family has run cattle here since the 1880s. Wade Ellison, 67, said the mine "
              "would drain his wells.", "Wade Ellison", "a noun no list knows, with a clause that says a person"),
      Example("\u201cIt is a power station,\u201d said the rancher whose land borders the site. Tom Ashworth, whose family has farmed "
              "here since the 1920s, said he would sell.", "Tom Ashworth", "set off by a 'whose' clause"),
      Example("\u201cThe province listens to science,\u201d said the man who drafted the motion. Gerrit van der Meer, a councillor for the Green "
              "Alliance, said the study should take six months.", "Gerrit van der Meer", "'the man who ...': pointed out to be named, role and all"),
      Example("\u201cIt was chaos,\u201d said one passenger. Ana Costa, the transport minister, said the line would reopen.", None,
              "a person the next sentence gives another role is someone else"),
      Example("\u201cIt was chaos,\u201d said one passenger. Transport Minister Ana Costa said the line would reopen.", None,
              "a titled person opening the next sentence is someone else"))
def person_named_after_description(query: SpeakerQuery) -> Speaker | None:
    """'"We lost everything," said a fisherman ... Tomasz Nowak, 54, has worked the harbour':
    a speaker described by what they do or where they stand ("a fisherman", "one passenger",
    "the 26-year-old") is the person the next sentence opens with, named there for the first
    time, as its subject or set off by an age or a "who" clause.

    Notes:
        Not a person the next sentence gives a role or title of their own ("Ana Costa, the
        transport minister," or "Transport Minister Ana Costa" is someone else); not a
        speaker with a name of their own; only the sentence right after the quote's, outside
        quotation marks.
    """
    subject = query.subject
    start, end = query.phrase_span
    age = _AGE_NOMINAL.fullmatch(query.body, start, end) is not None
    # "a fisherman mending nets": the parse may make the last noun the head; the person noun leads the phrase.
    phrase = subject.doc.char_span(start, end, alignment_mode="expand")
    nouns = [t for t in (phrase if phrase is not None else [subject]) if t.is_lower and t.pos_ in ("NOUN", "VERB", "ADJ")]
    # "a rancher whose family has farmed here since the 1880s": a "who"/"whose" clause says a person, whatever the noun.
    personal_clause = any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whose") for w in c.subtree if w.i < c.i) for c in subject.children)
    if not age and not (nouns and nouns[0].lower_ in _DESCRIBED_PERSON_NOUNS) and not personal_clause:
        return None
    pointed_out = personal_clause and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    doc = subject.doc
    quoted = query.context.quoted_ranges
    following = [s for s in doc.sents if s.start_char >= max(subject.sent.end_char, query.quote_start) and not any(a <= s.start_char + 1 < b for a, b in quoted)]
    if not following or following[0].start != subject.sent.end:
        return None  # only the sentence right after the speaker's
    sentence = following[0]
    for entity in query.entities:
        if entity.entity_type != "PERSON":
            continue
        first = min(entity.mentions, key=lambda m: m.char_start)
        # A role of their own makes the next sentence's person someone else, unless the speaker
        # was pointed out for naming ("the man who drafted the motion").
        if first.char_start != sentence.start_char or first.role and not pointed_out:
            continue
        after = query.body[first.char_end : first.char_end + 30]
        span = doc.char_span(first.char_start, first.char_end, alignment_mode="expand")
        subject_of_sentence = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
        set_off_role = pointed_out and re.match(r",\s+(?:an?|the|head|chair|director|president)\s", after) is not None
        if re.match(r",\s+(?:\d{1,3},|who(?:se)?\b)", after) or set_off_role or subject_of_sentence and not after.startswith(","):
            return _named(entity, person_named_after_description.name)
    return None


@rule(Example(
    "The harbour levy is unlawful, a federal judge in Valdora ruled on Monday. District Judge Ana Costa ordered the city to repay the fees.",
    "Ana Costa"),
      Example("The former head of the harbour authority told an inquiry on Monday that he had warned ministers in 2017.\n\n"
              "Tomasz Wrona, who ran the authority until March, said he had sent two letters.", "Tomasz Wrona"),
      Example("A youth choir has cancelled its tour after 19 singers were refused visas, the choir's director said on Friday.\n\n"
              "The Harwick Youth Choir had planned 16 concerts in Germany. Its director, Helen Whitmore, said the refusals came by email.", "Helen Whitmore"),
      Example("The cost of the swimming venue has almost doubled, Queensland’s auditor-general said on Thursday.\n\n"
              "In a report tabled in parliament, Auditor-General Fiona Marsh said the budget had been too low.", "Fiona Marsh",
              "a hyphenated title with a named owner, in the lead"))
def named_in_next_sentence(query: SpeakerQuery) -> Speaker | None:
    """'a federal judge ruled... District Judge Ana Costa ordered': an indefinite title is the
    person the very next sentence names first with it; the lead's "The former head of the
    agency told..." is the person who opens the next sentence as its subject.

    Notes:
        Only the next sentence (or the one after, for the lead's "the choir's director" named
        with that role); a definite title ("the judge") only in the article's first sentence.
    """
    found = _named_next(query.subject, query.entities)
    return _named(found, named_in_next_sentence.name) if found is not None else None


@rule(Example("The rider will appeal, his lawyer said. The lawyer, Sofie Claes, said the laboratory had broken its own rules.", "Sofie Claes"),
      Example("The inquiry opened on Monday. \u201cThe turbines would be visible,\u201d the group's planning adviser told it. The adviser, Callum Ross, said more.", "Callum Ross"),
      Example("The rider will appeal, his lawyer said. The coach, Marc Lambrecht, said nothing.", None, "another role named next"),
      Example("“I found the star on the floor,” the girl’s mother said. Rhian Pryce, 29, told the paper she had bought the toy in December.",
              "Rhian Pryce", "a relative named for the first time, with an age, in the next sentence"))
def role_named_next(query: SpeakerQuery) -> Speaker | None:
    """'..., his lawyer said. The lawyer, Sofie Claes, said ...': a speaker given by a role
    ("his lawyer", "the group's planning adviser") is the person the next sentence opens with,
    set off by commas after the same role noun ("The lawyer, Sofie Claes,").

    Notes:
        Only the sentence right after the quote's, only when it opens with "The" + the same noun
        and a person's name between commas; or, for a relative ("the girl's mother"), with a
        person named there for the first time and given an age ("Rhian Pryce, 29,").
    """
    subject = query.subject
    if subject.pos_ != "NOUN" or not subject.is_lower or subject.tag_ != "NN":
        return None
    doc = subject.doc
    end = subject.sent.end
    if end + 4 >= len(doc):
        return None
    the, noun, comma = doc[end], doc[end + 1], doc[end + 2]
    if subject.lower_ in _KINSHIP_NOUNS and any(c.dep_ == "poss" for c in subject.children):
        # "..., the girl's mother said. Rhian Pryce, 29, told the paper ...": a relative named
        # for the first time, with an age, opening the next sentence.
        person = next((e for e in query.entities if e.entity_type == "PERSON" and min(m.char_start for m in e.mentions) == the.idx), None)
        if person is not None and _AGE_AFTER.match(doc.text, max(m.char_end for m in person.mentions if m.char_start == the.idx)):
            return _named(person, role_named_next.name)
    if the.lower_ != "the" or noun.lower_ != subject.lower_ or comma.text != ",":
        return None
    name = doc[end + 3]
    person = next((e for e in query.entities if e.entity_type == "PERSON" and any(m.char_start == name.idx for m in e.mentions)), None)
    return _named(person, role_named_next.name) if person is not None else None


_KINSHIP_NOUNS = words("kinship_nouns")
_AGE_AFTER = re.compile(r",\s\d{1,2},")


# "Justice Ana Costa" is "the judge": title words that name the same office.
_EQUIVALENT_TITLES = tuple(frozenset(line.split()) for line in words("title_equivalents"))


def _with_equivalents(role_words: set[str]) -> set[str]:
    """Role words and the titles that name the same office ("justice" -> "judge")."""
    return role_words.union(*(group for group in _EQUIVALENT_TITLES if group & role_words))


def _titled_person(subject: Token, entities: Entities, quote_start: int) -> ArticleEntity | None:
    """"the minister said" when several people are ministers: the one mentioned last before
    the quote, as news writing means it. None unless the subject is "the" + lower-case title
    words that are all in some person's role.

    Notes:
        The entities table joins "the minister" to nobody in that case (a mention needs one
        fitting person); only the speaker takes the nearest one.
    """
    words = [t for t in subject.subtree if t.i <= subject.i]
    if len(words) < 2 or words[0].lower_ != "the" or not all(t.is_lower for t in words[1:]) or subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].lower_ == "of":
        return None
    wanted = {t.lower_ for t in words[1:]}
    if not wanted & TITLE_WORDS:
        return None
    people = [e for e in entities if e.entity_type == "PERSON"]
    # A person with the very title first; one with a title of the same office ("Health
    # Secretary X" for "the minister") only when nobody has it.
    fitting = [e for e in people if wanted <= {w.casefold() for r in e.roles for w in r.split()}]
    fitting = fitting or [e for e in people if wanted <= _with_equivalents({w.casefold() for r in e.roles for w in r.split()})]
    return _nearest(fitting, quote_start, ("PERSON",))


def _named_next(subject: Token, entities: Entities) -> ArticleEntity | None:
    """"A federal judge in Manhattan refused... District Judge Lewis Kaplan said": a lead's
    unnamed "a judge" is the person the next sentence names with that title, if that sentence
    is the first to name them.

    Notes:
        Only the very next sentence counts (for the lead's "the choir's director", the one
        after too, when it names the person with that role), and only an indefinite title ("a
        judge") or the lead's definite one; "a spokesman" named two paragraphs later is left
        as written.
    """
    doc = subject.doc
    # "auditor-general": the tokenizer splits a hyphenated title; its head is the last piece.
    title = subject.lower_
    if subject.i >= 2 and doc[subject.i - 1].text == "-" and doc[subject.i - 2].head == subject:
        title = f"{doc[subject.i - 2].lower_}-{subject.lower_}"
    if title not in TITLE_WORDS and not set(title.split("-")) & TITLE_WORDS - {"general"}:
        return None
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)
    sentence = subject.sent
    # "The former head of the agency told..." opening the article: the lead's unnamed person.
    # "the choir's director": "the" may stand before the owner; "Queensland's auditor-general":
    # a named owner makes the office one.
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    named_owner = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in subject.children)
    definite = named_owner or any(c.dep_ == "det" and c.lower_ == "the" for c in (*subject.children, *(owner.children if owner is not None else ())))
    in_lead = sentence.start == next(iter(subject.doc.sents)).start and definite
    if not (indefinite or in_lead) or sentence.end >= len(subject.doc):
        return None
    following = subject.doc[sentence.end].sent
    # The lead's owned role ("the choir's director") may be named with it a sentence later.
    second = subject.doc[following.end].sent if in_lead and owner is not None and following.end < len(subject.doc) else following
    for entity in entities:
        if entity.entity_type != "PERSON" or min(m.char_start for m in entity.mentions) < following.start_char:
            continue
        first = min(entity.mentions, key=lambda m: m.char_start)
        role_words = _with_equivalents(set((first.role or "").casefold().split()))
        if first.char_start < following.end_char and (title in role_words or in_lead and _opens_as_subject(following, first.char_start)):
            return entity
        if first.char_start < second.end_char and (title in role_words or _set_beside(subject.doc, first.char_start, first.char_end, subject.lower_)):
            return entity
    return None


def _set_beside(doc: Doc, start: int, end: int, role: str) -> bool:
    """Whether the mention at (start, end) is set beside the noun ``role`` ("Its director,
    Helen Whitmore,")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "appos" and span.root.head.lower_ == role


def _opens_as_subject(sentence: Span, start: int) -> bool:
    """Whether the mention at ``start`` opens ``sentence`` as its subject ("Yaw Boateng, who
    ran the agency, said")."""
    if start != sentence.start_char:
        return False
    token = sentence.doc.char_span(start, start + 1, alignment_mode="expand")
    head = token[0] if token is not None and len(token) else None
    while head is not None and head.dep_ in ("compound", "flat"):
        head = head.head
    return head is not None and head.dep_ in ("nsubj", "nsubjpass")
