import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.context import ArticleContext
from transforms.entities.extraction import extract_entities
from transforms.quotes.marks import find_quote_spans
from transforms.quotes.extraction import extract_quotes


def spans(text):
    return [(text[s.char_start : s.char_end], s.is_uncertain) for s in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said “We are ready.”", [("We are ready.", False)]),
        ('She said "We are ready."', [("We are ready.", False)]),
        ("“A,” he said. “B.”", [("A,", False), ("B.", False)]),
        ("“First part.\n\n“Second part,” she said.", [("First part.\n\n“Second part,", False)]),
        ("“Never closed.\n\nNext paragraph is narration.", [("Never closed.", True)]),
        ("He said “it’s ‘fine’ now.”", [("it’s ‘fine’ now.", False)]),
        ("A stray ” closing mark.", []),
        ('Height 6" and "quoted words here"', [("quoted words here", False)]),
        ("''This isn't reform,'' said Alan Cole.", [("This isn't reform,", False)]),
        ("``We are ready,'' she said.", [("We are ready,", False)]),
        ("''First part.\n\n''Second part,'' she said.", [("First part.\n\n''Second part,", False)]),
        ("The players' ball and the Joneses' house.", []),
        ("He said “we are ready. Then “Go now,” she said.", [("we are ready. Then", True), ("Go now,", False)]),
        ("Maria Lopez, Texas\n\n”Fear. I am afraid he will win.”", [("Fear. I am afraid he will win.", False)]),
        ("Prices rose.\n\n” is a stray mark.", []),
    ],
    ids=["curly", "straight", "split-by-attribution", "continued-over-paragraphs", "unclosed", "nested-single", "stray-close", "inch-mark",
         "doubled-apostrophes", "backticks-and-apostrophes", "doubled-over-paragraphs", "plural-possessives-are-no-marks", "second-opening-ends-an-unclosed-quote",
         "closing-mark-opening-a-paragraph-opens", "stray-closing-mark-before-a-space"],
)
def test_find_quote_spans(text, expected):
    assert spans(text) == expected


@given(st.text(alphabet=st.sampled_from(list('ab “”"\n.,\'`')), max_size=200))
def test_quote_spans_never_raise_and_stay_inside_the_text(text):
    for span in find_quote_spans(text):
        assert 0 <= span.char_start < span.char_end <= len(text)


def quotes_in(doc):
    return extract_quotes(ArticleContext.build(doc).with_entities(extract_entities(doc)))


def quotes_of(doc):
    return [(q.quote_type, q.text, q.speaker, q.cue) for q in quotes_in(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will rebuild the terminal,” said Mayor Elena Varga.",
            [("direct", "We will rebuild the terminal,", "Elena Varga", "said")],
        ),
        (
            "Mayor Elena Varga said: “We will rebuild the terminal.”",
            [("direct", "We will rebuild the terminal.", "Elena Varga", "said")],
        ),
        (
            "Priya Raman chairs the board. “Nobody expected a landslide,” she said.",
            [("direct", "Nobody expected a landslide,", "Priya Raman", "said")],
        ),
        (
            "Lloyd Austin visited. “Great to be here,” he said. “The talks were warm.”",
            [("direct", "Great to be here,” he said. “The talks were warm.", "Lloyd Austin", "said")],
        ),
        (
            "Samuel Okafor said crews had replaced 300 metres of track.",
            [("indirect", "crews had replaced 300 metres of track", "Samuel Okafor", "said")],
        ),
        (
            "Samuel Okafor told reporters that the line was safe again.",
            [("indirect", "the line was safe again", "Samuel Okafor", "told")],
        ),
        (
            "According to Samuel Okafor, the line will reopen on Friday.",
            [("indirect", "the line will reopen on Friday", "Samuel Okafor", "according to")],
        ),
        (
            "Councillor Tomás Ibarra described the budget as “a wish list”.",
            [("mixed", "the budget as “a wish list”", "Tomás Ibarra", "described")],
        ),
        (
            "Jonah Pell advises the council.\n\n“It will be first-order business,” Mr. Pell said.",
            [("direct", "It will be first-order business,", "Jonah Pell", "said")],
        ),
        (
            "Acts of protest, Samuel Okafor said, are acts of patriotism.",
            [("indirect", "Acts of protest, Samuel Okafor said, are acts of patriotism", "Samuel Okafor", "said")],
        ),
        (
            "Samuel Okafor, speaking to a veterans group in Virginia, said he would order a review.",
            [("indirect", "he would order a review", "Samuel Okafor", "said")],
        ),
        (
            "''This isn't tax reform,'' said Alan Cole, an economist.",
            [("direct", "This isn't tax reform,", "Alan Cole", "said")],
        ),
    ],
    ids=["speaker-after", "colon-intro", "pronoun", "split-quote", "indirect-said", "told-that", "according-to", "mixed", "title-period-is-no-sentence-end",
         "parenthetical-attribution", "subject-with-a-clause-is-the-subject", "doubled-apostrophe-marks"],
)
def test_quotes_and_speakers(parse, text, expected):
    assert quotes_of(parse(text)) == expected


def test_organisation_and_document_speakers(parse):
    text = (
        "A statement issued by the Transport Ministry praised the crews. "
        "The Transport Ministry said the line would be inspected monthly.\n\n"
        "“Safety comes first in every decision we take,” said the official statement."
    )
    found = quotes_of(parse(text))
    assert ("indirect", "the line would be inspected monthly", "Transport Ministry", "said") in found
    assert ("direct", "Safety comes first in every decision we take,", "Transport Ministry", "said") in found


def test_odd_number_of_marks_gives_one_uncertain_quote(parse):
    doc = parse("“This quote never closes, said nobody in particular at all.\n\nThe next paragraph is plain narration.")
    found = quotes_in(doc)
    assert [(q.quote_type, q.is_uncertain) for q in found] == [("direct", True)]


def test_scare_quotes_without_a_speaker_are_not_quotes(parse):
    assert quotes_of(parse("The so-called “reform” was debated for hours in the chamber.")) == []


def test_unattributable_pronoun_keeps_speaker_null(parse):
    found = quotes_of(parse("“We want the plan withdrawn before the vote,” they said."))
    assert found == [("direct", "We want the plan withdrawn before the vote,", None, "said")]


def test_speaker_in_following_sentence(parse):
    found = quotes_of(parse("“We are ready for the season.” That was the word from coach Ana Costa on Monday."))
    assert found[0][2] == "Ana Costa"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mayor Elena Varga called the charges baseless.",
            [("indirect", "the charges baseless", "Elena Varga", "called")],
        ),
        (
            'Dev Malhotra called the fine "a floor, not a ceiling".',
            [("mixed", 'the fine "a floor, not a ceiling"', "Dev Malhotra", "called")],
        ),
        (
            "Priya Raman described the talks as warm and useful.",
            [("indirect", "the talks as warm and useful", "Priya Raman", "described")],
        ),
        (
            "The council rejected Priya Raman's claim that the harbour accounts were hidden.",
            [("indirect", "the harbour accounts were hidden", "Priya Raman", "claim")],
        ),
        (
            "As the Valdora Gazette reported, the depot will close in May.",
            [("indirect", "the depot will close in May", "Valdora Gazette", "reported")],
        ),
    ],
    ids=["called-x-y", "called-x-quoted-y", "described-as", "possessed-claim-with-a-clause", "as-x-reported"],
)
def test_naming_claims_and_parentheticals_are_indirect_quotes(parse, text, expected):
    assert quotes_of(parse(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Priya Raman believes the harbour plan will fail.",
        "Samuel Okafor realized the depot would never reopen.",
        "Priya Raman wagered that the harbour plan would fail.",
        "Harbour traders are worried that the depot will close.",
        "Samuel Okafor wants to double the number of night buses.",
        "Samuel Okafor repeated his pledge to double the number of night buses.",
        "The school's plans to give a farewell concert were dropped.",
        "Councillor Tomás Ibarra opposes the new parking levy.",
        "Priya Raman is skeptical of the harbour plan.",
        "Priya Raman sees the harbour plan as a waste of money.",
        "Samuel Okafor seemed to doubt the harbour figures.",
        "Samuel Okafor voted against the new parking levy.",
        "Priya Raman endorsed Samuel Okafor.",
        "The harbour traders welcomed the judgment.",
        "Priya Raman called for a public inquiry into the harbour accounts.",
        "Priya Raman called on the council to reopen the depot.",
        "Mayor Elena Varga told her staff to reopen the depot.",
        "Police urged older residents never to share their PIN.",
        "Priya Raman accused the council of hiding the harbour accounts.",
        "Priya Raman expressed concern about the harbour accounts.",
        "Priya Raman pointed to the empty harbour accounts.",
        "Samuel Okafor laid out his plan for night buses.",
        "The harbour plan was criticised by Priya Raman.",
        "Samuel Okafor did not respond to a request for comment.",
        "Carolina Pereyra declined to comment on Thursday.",
        "Harbour Freight Ltd agreed to buy the depot for $4 million.",
        "The company announced plans to shut 20 stores.",
        "The insurer offered a reward of 100,000 euros.",
        "The bank reported a pre-tax loss of 41 million pounds.",
        "One resident asked not to be named.",
        "The ministry expects growth of about 3 percent.",
        "Samuel Okafor slammed the council’s handling of the budget.",
    ],
    ids=["belief-clause", "realized-clause", "any-verb-with-a-that-clause", "stance-adjective-clause", "intention-infinitive",
         "repeated-pledge", "plans-of", "stance-object", "stance-adjective-preposition", "sees-as", "seemed-to", "voted-against",
         "endorsed", "welcomed-a-noun", "called-for", "called-on-someone-to-act", "told-to", "urged-to", "accused-of",
         "expressed-concern", "pointed-to", "laid-out", "passive-with-agent", "respond-to", "declined-to-comment",
         "agreed-to-buy", "announced-plans", "offered-a-reward", "reported-a-loss", "asked-not-to-be-named", "expects-a-noun",
         "criticism-of-a-noun"],
)
def test_beliefs_plans_votes_and_actions_are_not_quotes(parse, text):
    assert quotes_of(parse(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "It is believed the harbour plan will fail.",
        "Priya Raman opposes it.",
        "There seems to be no plan.",
        "The two councils maintained the momentum of the talks.",
        "Samuel Okafor pointed the torch at the broken depot door.",
        "Samuel Okafor laid the first stone of the new depot.",
        "The claim that the harbour accounts were hidden was never proved.",
        "Priya Raman told Reuters.",
        "It is clear that the depot will close.",
        "A worried trader of the harbour market waited.",
        "Rebel forces attacked the northern harbour of Valdora at dawn.",
        "Samuel Okafor spoke on condition of anonymity.",
    ],
    ids=["impersonal-passive", "pronoun-object", "expletive-subject", "maintain-an-object-is-not-speech",
         "point-without-its-preposition", "lay-without-out", "stance-noun-without-a-possessor", "one-name-addressee",
         "expletive-stance-adjective", "attributive-adjective", "attack-by-forces-is-no-stance",
         "spoke-on-condition"],
)
def test_attitudes_without_a_source_or_content_are_not_quotes(parse, text):
    assert quotes_of(parse(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Readers wrote in.\n\n“The bus never comes on time and nobody answers the phone.” ― Carla Sanchez\n\nMore letters follow.",
            [("direct", "The bus never comes on time and nobody answers the phone.", "Carla Sanchez", "―")],
        ),
        (
            "Partial transcript:\n\n“VARGA: We will rebuild the terminal before the winter storms.”\n\nMayor Elena Varga spoke first.",
            [("direct", "VARGA: We will rebuild the terminal before the winter storms.", "Elena Varga", None)],
        ),
        (
            "The advert shows Priya Raman asking, “Who will pay for the new harbour wall?”",
            [("direct", "Who will pay for the new harbour wall?", "Priya Raman", "asking")],
        ),
        (
            "“Why is the depot still closed?” Mayor Elena Varga demanded.",
            [("direct", "Why is the depot still closed?", "Elena Varga", "demanded")],
        ),
    ],
    ids=["dash-attribution", "transcript-label", "participle-modifies-its-speaker", "demanded"],
)
def test_attributions_without_a_plain_said(parse, text, expected):
    assert quotes_of(parse(text)) == expected


def test_a_dash_before_a_sentence_is_no_attribution(parse):
    [quote] = quotes_in(parse("Mayor Elena Varga spoke.\n\n“We are ready,” she said - and then she left the hall."))
    assert (quote.speaker, quote.cue) == ("Elena Varga", "said")


@pytest.mark.parametrize(
    ("text", "expected_texts", "expected_words"),
    [
        (
            "Priya Raman spoke.\n\n“It’s finished,” she said of the harbour plan, which the council had debated for years. “In my head, anyway.”",
            ["It’s finished,” she said of the harbour plan, which the council had debated for years. “In my head, anyway."],
            [["It’s finished,", "In my head, anyway."]],
        ),
        (
            "Priya Raman spoke.\n\n“The plan is finished,” she said.\n\n“We start again in the spring with a smaller budget.”",
            ["The plan is finished,” she said.\n\n“We start again in the spring with a smaller budget."],
            [["The plan is finished,", "We start again in the spring with a smaller budget."]],
        ),
        (
            "Priya Raman spoke.\n\n“The plan is finished,” she said.\n\nThe council met on Monday.\n\n“We start again in the spring with a smaller budget.”",
            ["The plan is finished,", "We start again in the spring with a smaller budget."],
            [["The plan is finished,"], ["We start again in the spring with a smaller budget."]],
        ),
        (
            "Priya Raman spoke at the pier.\n\n“My hope,” she said, “is that the harbour reopens by spring.”",
            ["My hope,” she said, “is that the harbour reopens by spring."],
            [["My hope,", "is that the harbour reopens by spring."]],
        ),
        (
            "Priya Raman spoke.\n\n“The harbour will reopen in spring, and the ferries will run again.\n\n“The council has the money for it,” she said.",
            ["The harbour will reopen in spring, and the ferries will run again.\n\n“The council has the money for it,"],
            [["The harbour will reopen in spring, and the ferries will run again.", "The council has the money for it,"]],
        ),
    ],
    ids=["long-attribution-inside-paragraph", "next-paragraph-all-quote", "narration-between-starts-a-new-quote", "attribution-mid-sentence",
         "continued-over-paragraphs"],
)
def test_one_utterance_is_one_quote(parse, text, expected_texts, expected_words):
    doc = parse(text)
    quotes = [q for q in quotes_in(doc) if q.quote_type == "direct"]
    assert [q.text for q in quotes] == expected_texts
    # The attribution and the paragraph breaks between the pieces are not the speaker's words.
    assert [[text[a:b] for a, b in q.word_spans] for q in quotes] == expected_words
    assert {q.speaker for q in quotes} == {"Priya Raman"}


def test_a_sourceless_clause_inside_an_attributed_quote_is_not_a_quote_of_its_own(parse):
    text = "They reviewed the budget and agreed to keep the depot open, the Ministry statement said."
    quotes = quotes_of(parse(text))
    assert [q[3] for q in quotes] == ["said"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Elena Varga spoke on Monday. The Varga campaign said the polls were wrong.", "The Varga campaign"),
        ("Harbour Holdings filed its accounts. The report says the harbour lost money in every quarter.", "The report"),
    ],
    ids=["name-modifying-the-head-noun-is-not-the-speaker", "unauthored-document-is-not-the-nearest-org"],
)
def test_speakers_that_are_not_the_nearest_name(parse, text, speaker):
    doc = parse(text)
    [quote] = [q for q in quotes_in(doc) if q.quote_type == "indirect"]
    assert (quote.speaker, quote.speaker_entity) == (speaker, None)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "“The tests show the regime can build more warheads,” said James Acton, a physicist who studies the programme at a think tank in Washington.",
            "James Acton", "said",
        ),
        (
            "Delegates backed the plan.\n\n“He would be a great senator, one of the brightest members of the whole Congress,” Rep. Elijah Cummings (D-Md.) said in an interview.",
            "Elijah Cummings", "said",
        ),
        (
            "Priya Raman spoke after the vote.\n\nRaman continued: “The harbour wall will be finished before the storms come.”",
            "Priya Raman", "continued",
        ),
        (
            "Priya Raman spoke after the vote.\n\nAccording to Raman, “the harbour wall will be finished before the storms come.”",
            "Priya Raman", "according to",
        ),
        (
            "Harbour Holdings filed its accounts.\n\nThe Port Ellis Gazette reports:\n\n“The harbour lost money in every quarter of the year, and the council knew it.”",
            "Port Ellis Gazette", "reports",
        ),
        (
            "Priya Raman wrote on Facebook on Sunday: “The harbour wall will be finished before the storms come.”",
            "Priya Raman", "wrote",
        ),
    ],
    ids=["said-name-appositive", "name-parenthetical-said", "any-verb-colon", "according-to-before-a-quote", "block-quote-introduced-by-the-paragraph-before",
         "colon-after-the-verbs-adjunct"],
)
def test_speaker_named_beside_the_cue_or_in_an_introduction(parse, text, speaker, cue):
    doc = parse(text)
    direct = [(q.speaker, q.cue) for q in quotes_in(doc) if q.quote_type == "direct"]
    assert direct == [(speaker, cue)]


@pytest.mark.parametrize(
    "text",
    ["Mike Pence said on “Fox News Sunday,” that the debate went well.", "Patti LaBelle added “A Change Is Gonna Come,” to the set."],
    ids=["show-title", "song-title"],
)
def test_a_title_in_quotes_is_no_quote(parse, text):
    doc = parse(text)
    assert [q for q in quotes_in(doc) if q.quote_type == "direct"] == []


def test_a_sentence_with_lower_case_words_is_a_quote(parse):
    doc = parse("“We need law and order,” Trump said.")
    assert [(q.quote_type, q.speaker) for q in quotes_in(doc)] == [("direct", "Trump")]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The council met Dana Whitfield, who said the harbour fees would double next year.", "said", "Dana Whitfield"),
        ("Dana Whitfield opened the meeting by saying the harbour fees would double next year.", "saying", "Dana Whitfield"),
        ("Dana Whitfield spoke for an hour, warning that the harbour fees would double next year.", "warning", "Dana Whitfield"),
        ("The harbour fees will double, but some say the port can absorb the cost.", "say", "some"),
        ("The Latest on the harbour vote:\n\n5:45 p.m.\n\nDana Whitfield says the harbour fees will double next year.", "says", "Dana Whitfield"),
    ],
    ids=["relative-clause-names-its-noun", "by-saying-takes-the-verbs-subject", "participle-takes-the-clauses-subject",
         "vague-source-kept-as-written", "time-stamp-paragraph-is-no-subject"],
)
def test_speaker_of_a_cue_without_its_own_named_subject(parse, text, cue, speaker):
    """Unhandled: a relative clause on an object ("told a woman who suggested ...") names
    that object even when the parser attaches it elsewhere."""
    doc = parse(text)
    found = {q.cue: q.speaker for q in quotes_in(doc)}
    assert found.get(cue) == speaker, found


def test_a_cue_after_a_sentence_ending_quote_must_start_right_after_it(parse):
    """'"...smart." Trump was defensive about an architect who said ...': "said" belongs to the
    architect's sentence; the quote keeps the cue before it. Unhandled: a period typed for the
    comma with a long attribution after it ('"We won." Mayor Elena Varga of Port Ellis said.')."""
    text = "Dana Whitfield boasted, “That makes me smart.” Whitfield was defensive about an architect who said he was never paid."
    doc = parse(text)
    [direct] = [q for q in quotes_in(doc) if q.quote_type == "direct"]
    assert (direct.speaker, direct.cue) == ("Dana Whitfield", "boasted")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Dana Whitfield announced her campaign on Monday.\n\n“Any candidate has to make money while running for office,” said Whitfield campaign spokesman Tomas Reyes.",
            "Tomas Reyes",
        ),
        (
            "Elena Varga spoke in Port Ellis on Monday.\n\n“Should the harbour close for good?” a reporter was heard asking Varga after the event.",
            "a reporter",
        ),
        (
            "Tomas Reyes spoke first. “I have worked with Dana Whitfield for twenty years in this town.”\n\n“We owe the harbour everything,” he added.",
            "Tomas Reyes",
        ),
    ],
    ids=["name-modifying-a-role-is-not-the-speaker", "a-name-after-a-later-cue-is-its-object", "he-skips-names-inside-quotes"],
)
def test_speaker_beside_the_cue_and_pronouns(parse, text, speaker):
    """Unhandled: a pronoun whose antecedent is named only inside an earlier quote."""
    doc = parse(text)
    quotes = [q for q in quotes_in(doc) if q.quote_type == "direct"]
    assert quotes[-1].speaker == speaker, quotes


def test_a_capitalised_fragment_run_into_the_sentence_is_part_of_a_mixed_quote(parse):
    """'represents "New York Values"' is a fragment of what Reyes said; 'said "We will win."'
    (a reporting verb right before the mark) stays a direct quote."""
    text = "Tomas Reyes said that Dana Whitfield represents “Port Ellis Values” and little else. Reyes also said “We will win the harbour vote.”"
    doc = parse(text)
    found = [(q.quote_type, q.text) for q in quotes_in(doc)]
    assert ("mixed", "Dana Whitfield represents “Port Ellis Values” and little else") in found
    assert ("direct", "We will win the harbour vote.") in found


def test_a_quote_split_by_its_attribution_stays_one_when_narration_follows(parse):
    """'"A," he said, "B" - and vowed ...': the verb after B continues the narration, it is no
    attribution of B. Unhandled: an attribution longer than MAX_SPLITTING_ATTRIBUTION."""
    text = "Tomas Reyes attacked the plan - “I love this harbour,” he said, “I will never sail from it again” - and vowed to block the sale."
    doc = parse(text)
    [direct] = [q for q in quotes_in(doc) if q.quote_type == "direct"]
    assert [text[a:b] for a, b in direct.word_spans] == ["I love this harbour,", "I will never sail from it again"]
    assert direct.speaker == "Tomas Reyes"


def test_a_paragraph_opened_by_a_name_and_a_colon_is_that_persons(parse):
    """Headlines ("Marco Rubio: ...") and interview transcripts ("Matthews: Well, ..."). Unhandled:
    a label that is no entity of the article ("Q:", "Update:") gives no quote."""
    text = (
        "Dana Whitfield: Harbour fees will double by spring.\n\nThe council met on Monday. Dana Whitfield spoke first.\n\n"
        "Whitfield: Well, the fees are too low for the port to survive.\n\nUpdate: The meeting ended at noon."
    )
    doc = parse(text)
    found = [(q.text, q.speaker, q.cue) for q in quotes_in(doc)]
    assert found == [
        ("Harbour fees will double by spring", "Dana Whitfield", ":"),
        ("Well, the fees are too low for the port to survive", "Dana Whitfield", ":"),
    ]


def test_who_was_asked_is_not_who_asked(parse):
    """"When asked by reporters whether ..., Reyes said": the question is the reporters'; a
    question with no named asker keeps speaker null. Unhandled: "Reyes, asked whether ...,"
    (a participle beside its subject) is read the same way."""
    text = "Tomas Reyes said the harbour would reopen. When asked by reporters whether the fees would rise, Reyes said that the council would decide in May."
    doc = parse(text)
    found = {q.cue: (q.text, q.speaker) for q in quotes_in(doc)}
    assert found["asked"] == ("the fees would rise", "reporters")
    doc = parse("Asked about the harbour fees, Dana Whitfield said the council would decide in May.")
    found = {q.cue: (q.text, q.speaker) for q in quotes_in(doc)}
    assert "Asked" not in found  # a topic, not a proposition


def test_a_lower_case_title_speaks_for_the_titled_person(parse):
    doc = parse("Senator Tim Scott spoke to the group. The senator said the party had to reach black voters.")
    [quote] = quotes_in(doc)
    assert (quote.speaker, quote.cue) == ("Tim Scott", "said")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The harbour union met on Friday. Its regional leader, Tomasz Wrona, said the strike would go ahead.", "Tomasz Wrona"),
        ("Valdora Shipping agreed a deal. Valdora vice-president Karen O’Neill said the deal would close in May.", "Karen O’Neill"),
        (
            "Prime Minister Ana Costa met Defence Minister Rui Matos in Lisbon. Spain's Foreign Ministry criticised the pact. "
            "Matos rejected the criticism. “Portugal makes its own decisions,” the minister said.",
            "Rui Matos",
        ),
        ("Shares of Valdora Motors rose after the carmaker said it would cut costs at its main plant.", "Valdora Motors"),
    ],
    ids=["role-then-name", "name-right-before-the-cue", "the-minister-is-the-last-minister-named", "the-carmaker-is-the-one-company"],
)
def test_speaker_named_after_a_role_or_by_its_kind(parse, text, speaker):
    doc = parse(text)
    assert speaker in {q.speaker for q in quotes_in(doc)}


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Elena Varga spoke on Monday. People close to Elena Varga said the budget was late.",
        "Mayor Elena Varga and Priya Raman spoke. Two councillors, Elena Varga and Priya Raman, said the budget was late.",
    ],
    ids=["name-inside-the-subject-is-someone-else", "a-group-is-not-its-first-member"],
)
def test_speaker_is_not_a_name_the_subject_only_mentions(parse, text):
    doc = parse(text)
    [quote] = [q for q in quotes_in(doc) if q.cue == "said"]
    assert quote.speaker not in ("Elena Varga", "Priya Raman")


def test_a_second_cue_joined_to_the_reported_clause_is_not_part_of_it(parse):
    text = "Coach Ana Costa said her players had given everything and blamed the referee for the penalty."
    assert quotes_of(parse(text)) == [("indirect", "her players had given everything", "Ana Costa", "said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Shares in Valdora Air fell 6% in Lisbon on Tuesday after the airline group said costs had risen.", "Valdora Air"),
        (
            "Valdora Systems Inc. reported record revenue on Wednesday. The Lisbon-based company said sales rose to $2 billion. "
            "Harbour Semiconductor Company said it would build a plant.",
            "Valdora Systems Inc.",
        ),
    ],
    ids=["the-airline-group", "the-company-is-not-the-next-company-named"],
)
def test_a_company_called_by_its_kind(parse, text, speaker):
    doc = parse(text)
    first = next(q for q in quotes_in(doc) if q.cue == "said")
    assert first.speaker == speaker


def test_an_order_is_not_a_quote(parse):
    assert quotes_of(parse("President Samuel Okafor ordered the evacuation of residents living near the river.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Valdora Bank reported a 25% jump in profit on Friday, while rivals posted weaker results.", []),
        (
            "Valdora was criticised for its oil exports; its president, Samuel Okafor, described oil as a gift.",
            [("indirect", "oil as a gift", "Samuel Okafor", "described")],
        ),
        ("The council and the unions pushed for the harbour to reopen.", []),
        ("The harbour traders urged restraint.", []),
        ("The new tax would meet targets agreed with the harbour board.", []),
    ],
    ids=["while-clause-is-not-what-was-reported", "clause-before-a-semicolon-is-not-the-content", "pushed-for-x-to-y-is-no-quote",
         "one-noun-appeal-is-no-quote", "participle-modifier-is-no-cue"],
)
def test_reported_content_boundaries(parse, text, expected):
    assert quotes_of(parse(text)) == expected


def test_an_unnamed_judge_is_the_judge_the_next_sentence_names(parse):
    text = (
        "The harbour levy is unlawful, a federal judge in Valdora ruled on Monday. "
        "District Judge Ana Costa ordered the city to repay the fees. A spokesman for the city said it would appeal."
    )
    doc = parse(text)
    found = {q.cue: q.speaker for q in quotes_in(doc)}
    assert found["ruled"] == "Ana Costa"
    assert found["said"] != "Ana Costa"


def test_a_post_on_x_ends_its_sentence(parse):
    text = "Mayor Elena Varga congratulated the team in a post on X. The Harbour Board announced that the crew would get a reward."
    doc = parse(text)
    found = {q.cue: q.speaker for q in quotes_in(doc)}
    assert found["announced"] == "Harbour Board"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'His son Tomás Ibarra called him "a hero, not only to me but to everyone in the harbour".',
            [("mixed", 'him "a hero, not only to me but to everyone in the harbour"', "Tomás Ibarra", "called")],
        ),
        (
            "The prosecutor of the International Criminal Court, Karim Khan, said he was seeking a warrant.",
            [("indirect", "he was seeking a warrant", "Karim Khan", "said")],
        ),
        ("Priya Raman announced her retirement.", []),
    ],
    ids=["quoted-complement-runs-to-its-closing-mark", "apposition-set-off-before-the-verb", "announced-a-noun-is-no-quote"],
)
def test_complements_appositions_and_short_announcements(parse, text, expected):
    assert quotes_of(parse(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Friedrich Weber, leader of the conservative Harbour Union, ruled out any coalition with the AfD.\n\nThe new alliance won 16%.",
        "The intelligence agency classifies the harbour branch of the party as extremist.",
        "President Samuel Okafor appealed for calm.",
        "Harbour investors worried about the size of the new majority.",
        "Police fired tear gas in the capital on Thursday as donors pledged more than 2 billion euros in aid.",
        "The harbour will flood within five years as Mayor Elena Varga called for a sea wall.",
        "Tomás Ibarra, the leader of the Harbour Party, also opposed the move.",
        "Defence Minister Rui Matos offered to resign.",
        "Elena Varga forecast sales growth of up to 30% next year.",
    ],
    ids=["ruled-out", "classifies-as", "appealed-for", "worried-about", "temporal-as-with-a-pledge", "temporal-as-with-a-call",
         "opposed", "offered-to", "forecast-a-noun"],
)
def test_particles_appeals_commitments_and_stances_are_no_quotes(parse, text):
    assert quotes_of(parse(text)) == []


def test_speaker_named_in_the_clause_before_its_cue_or_as_a_place_apposition(parse):
    text = (
        "The US Transport Department will give Valdora Shipping Co $6.6 billion in grants to build ferries in Phoenix, Arizona, "
        "Transport Secretary Gina Ostrowski said on Monday. "
        "Prince Harold lost his High Court attempt on Tuesday to overturn a decision to downgrade his police protection "
        "when visiting Britain, a judge in London ruled. "
        "Justice Peter Lane said the committee had acted lawfully."
    )
    doc = parse(text)
    found = {}
    for q in quotes_in(doc):
        found.setdefault(q.cue, (q.speaker, q.text))
    assert found["said"][0] == "Gina Ostrowski" and "Ostrowski" not in found["said"][1]
    assert found["ruled"][0] == "Peter Lane"


def test_a_question_put_to_the_speaker_is_no_quote(parse):
    text = "Asked whether jobs would go, Pekka Laine said it was too early to tell."
    assert quotes_of(parse(text)) == [("indirect", "it was too early to tell", "Pekka Laine", "said")]


def test_a_name_opening_the_sentence_before_its_role_speaks(parse):
    text = "Tomás Ibarra, the leader of the Harbour Party, also said the move was unlawful."
    assert quotes_of(parse(text)) == [("indirect", "the move was unlawful", "Tomás Ibarra", "said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The museum's insurer, Harbour Mutual Insurance Ltd, offered a reward. A spokesman for the company said it was too early to say.", "Harbour Mutual Insurance Ltd"),
        ("A spokeswoman for the Valdora Transport Ministry said the line would reopen.", "Valdora Transport Ministry"),
        ("The University of Aldbridge will close its school of music, the university said.", "University of Aldbridge"),
        (
            "Norland & Finch said hackers had stolen card details. The company, which sells furniture, said the intrusion began in April.",
            "Norland & Finch",
        ),
        ("The Harbour Authority said it would reopen the quay. Boats should stay away, it said.", "Harbour Authority"),
        ("The Maine Lobstermen's Alliance has fought the project. In a letter, the group wrote that the turbines would close the grounds.", "Maine Lobstermen's Alliance"),
    ],
    ids=["spokesman-for-the-kind", "spokeswoman-for-a-name", "the-kind-in-the-name", "the-company-with-a-comma-clause", "it-said", "the-group"],
)
def test_an_organisation_called_by_its_kind_or_spokesperson_is_its_entity(parse, text, speaker):
    said = [q for q in quotes_in(parse(text)) if q.quote_type != "direct"]
    assert said[-1].speaker == speaker and said[-1].speaker_entity is not None


def test_a_spokesman_for_an_unnamed_office_is_not_the_last_organisation(parse):
    text = "Lakemont Water Authority raised its rates. The audit office found no wrongdoing, a spokesman for the office said."
    [quote] = quotes_in(parse(text))
    assert quote.speaker != "Lakemont Water Authority"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Its president, Dale Whitcomb, said: "We were told this would be a talk. It was a sales pitch." '
            "Whitcomb said the alliance would challenge the approval in court.",
            [
                ("direct", "We were told this would be a talk. It was a sales pitch.", "Dale Whitcomb", "said"),
                ("indirect", "the alliance would challenge the approval in court", "Dale Whitcomb", "said"),
            ],
        ),
        (
            'Margaret lost €46,000 in two days. "He knew my bank," Margaret told the Herald. "I still can\'t believe I did it."\n\n'
            "Ard Bank, whose customers made up about half of the victims, said it had refunded most of the money.",
            [
                ("direct", 'He knew my bank," Margaret told the Herald. "I still can\'t believe I did it.', "Margaret", "told"),
                ("indirect", "it had refunded most of the money", "Ard Bank", "said"),
            ],
        ),
    ],
    ids=["a-cue-with-its-own-clause-after-a-quote-is-not-its-attribution", "a-clause-across-a-paragraph-break-is-not-reported"],
)
def test_a_cue_after_a_quote_reports_its_own_clause(parse, text, expected):
    assert quotes_of(parse(text)) == expected


def test_according_to_after_a_quote_ending_the_paragraph_before(parse):
    text = (
        '"We would rather act now than later," the governor said. "We will not wait."\n\n'
        "Consumer prices rose 7.4 percent in February, according to the National Statistics Institute, above the target range."
    )
    found = [q for q in quotes_of(parse(text)) if q[3] == "according to"]
    assert found == [("indirect", "Consumer prices rose 7.4 percent in February", "National Statistics Institute", "according to")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tessaro Foods Ltd said on Monday it would close its plant in Leeds.", [("indirect", "it would close its plant in Leeds", "Tessaro Foods Ltd", "said")]),
        ("Tessaro Foods Ltd said that on Monday it would close the plant.", [("indirect", "on Monday it would close the plant", "Tessaro Foods Ltd", "said")]),
        ("Tessaro Foods Ltd said in Leeds on Friday that sales rose.", [("indirect", "sales rose", "Tessaro Foods Ltd", "said")]),
    ],
    ids=["when-it-was-said-is-not-what-was-said", "after-that-it-is", "two-word-clause"],
)
def test_reported_clause_boundaries(parse, text, expected):
    assert quotes_of(parse(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Elena Varga did not say whether the depot would close.",
        "Mayor Elena Varga never said the depot would close.",
        "Mayor Elena Varga declined to say whether the depot would close.",
        "One could say the harbour was never meant to make money.",
        "It is too soon to say whether the new ferry timetable will work.",
        "It's safe to say the harbour will close.",
        "It is worth noting that the harbour lost money.",
        "The mayor spoke. That said, the harbour will close in May.",
    ],
    ids=["did-not-say", "never-said", "declined-to-say", "could-say", "too-soon-to-say", "safe-to-say", "worth-noting", "that-said"],
)
def test_negated_hypothetical_refused_and_impersonal_cues_report_nothing(parse, text):
    assert quotes_of(parse(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The spokesman would only say that the harbour accounts were under review.", ("the harbour accounts were under review", "The spokesman")),
        ("The company went on to say that profits would rise.", ("profits would rise", "The company")),
    ],
    ids=["would-only-say", "went-on-to-say"],
)
def test_a_limited_or_continued_cue_still_reports(parse, text, expected):
    assert expected in [(q.text, q.speaker) for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Harbour Freight Ltd issued a statement saying the depot would close in May.", "Harbour Freight Ltd"),
        ("Carla Mendes told the Gazette that Tomasz Wrona “has never once paid the harbour levy,” adding, “He owes the town an apology.”", "Carla Mendes"),
    ],
    ids=["issued-a-statement-saying", "adding-after-a-reported-clause"],
)
def test_a_participle_speaks_for_the_main_clause(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text)) if q.speaker_by == "participle_of_the_main_clause"]


def test_a_participle_on_a_report_someone_else_wrote_is_the_reports(parse):
    speakers = [q.speaker for q in quotes_in(parse("Priya Raman cited a report saying the harbour had lost money for a decade."))]
    assert "Priya Raman" not in speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Elena Varga was quick to add that the depot would stay open.", "Elena Varga"),
        ("Mayor Elena Varga was careful to say that the depot would stay open.", "Elena Varga"),
    ],
    ids=["quick-to-add", "careful-to-say"],
)
def test_a_cue_after_an_adjective_speaks_for_the_subject_of_its_copula(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Priya Raman spoke after the vote.\n\nAnd Mr. Okafor gloated: ''We won every seat on the harbour board.''", "Okafor"),
        ("Harbour members may pay more, Mr. Okafor said. ''People want their boats looked after.''", "Okafor"),
    ],
    ids=["colon-before-two-character-mark", "sentence-before-two-character-mark"],
)
def test_an_opening_mark_of_two_characters_is_not_part_of_the_introduction(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text)) if q.quote_type == "direct"]


def test_a_quote_named_by_the_next_sentence_is_no_continuation(parse):
    # '"A," he said. "B."' then a quote paragraph that the next sentence gives to someone else.
    text = ("Councillor Martin Drew welcomed the plan. \"Three families lost everything,\" he said. \"Money does not help.\"\n\n"
            "\"We will be watching every pound of it.\"\n\nThat was the warning from Julia Marsh, who chairs the residents' group.")
    speakers = {q.text: q.speaker for q in quotes_in(parse(text))}
    assert speakers["We will be watching every pound of it."] == "Julia Marsh"


def test_paragraph_breaks_end_sentences(parse):
    doc = parse("\"We are ready,\" she said. \"The port will close.\"\n\nThe minister said the port would reopen.")
    assert all("\n" not in s.text.strip() for s in doc.sents)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The port was shut for a week. The operator, a company known as Baltmar Logistik, said the cranes had been repaired.", "Baltmar Logistik"),
        ("The ferry operator said the crossing was cancelled. “The fog is sitting right over the harbour mouth, which is where we turn,” "
         "the operator's harbour master, Piet Kramer, told reporters on the quay.", "Piet Kramer"),
        ("Harwick Foods Ltd lost £3 million last year, according to its annual report.", "Harwick Foods Ltd"),
        ("The outage also hit the emergency number. One of those callers was Beatriz Moura, 71, whose husband collapsed at home. "
         "“I called and called and nobody answered,” she told a local paper.", "Beatriz Moura"),
    ],
    ids=["kind-noun-known-as-name", "role-then-name-before-told", "its-annual-report", "age-makes-a-person-for-she"],
)
def test_a_name_set_beside_a_role_or_owning_a_document_speaks(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Two councillors, Ana Costa and Rui Matos, said the plan was wrong.",
        "The minister of Karin Voss's party said the locks were too old.",
        "The harbour flooded twice last year, according to its annual report.",
    ],
    ids=["plural-role-is-a-group", "name-inside-of-phrase", "its-with-no-named-owner"],
)
def test_no_name_is_taken_from_a_group_a_phrase_or_an_unnamed_owner(parse, text):
    assert all(q.speaker_by not in ("name_set_off_after_role", "possessed_document") for q in quotes_in(parse(text)))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The harbour will be closed for a week while the cranes are repaired,” said a person close to the board.",
         "a person close to the board"),
        ("“The harbour has never been this busy, its quays full and its cranes busy,” said Mayor Elena Varga at the opening, "
         "adding that the fees would fall.", "Elena Varga"),
        ("When the mayor thanked the crews, a man yelled “Open the gates now!”", "a man"),
        ("“What if the harbour closed for good?” the 43-year-old asked in the video.", "the 43-year-old"),
        ("Jari Lehto was sacked on Monday.\n\nFormer Northstars forward Aleksi Partanen, now playing in Switzerland, posted on Instagram: "
         "“Sad day. Jari made me the player I am.”", "Aleksi Partanen"),
    ],
    ids=["subject-after-cue-when-the-parsers-is-inside-the-quote", "quote-subject-passed-over-for-the-one-after-the-cue",
         "cue-read-as-a-modifier-of-its-subject", "subject-phrase-stops-at-the-quote", "cue-read-as-a-modifier-after-an-insertion"],
)
def test_the_subject_of_a_cue_is_outside_the_quote(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Elena Varga paused, then revealed why the depot had been closed.", "Elena Varga"),
        ("Harbour pilots fear that the port has already lost its best berth and warn that the fees will rise.", "Harbour pilots"),
    ],
    ids=["loose-joined-verb", "plural-verb-after-a-singular-reported-subject"],
)
def test_a_joined_cue_speaks_for_the_subject_of_the_first_verb(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Dozens of fans marched through the streets around the stadium - where the Rovers played the Gulls - while chanting, "
         "“We want our club back.”", "Dozens of fans"),
    ],
    ids=["participle-after-a-dashed-aside"],
)
def test_a_participle_after_a_dashed_aside_speaks_for_the_clause_outside_it(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In an interview with the harbour board Mayor Elena Varga said the fees would double.", "Elena Varga"),
        ("The guests cheered.\n\n“This is a big year for the harbour!” Varga's niece, state Del. Ana “Annie” Costa (D-Port Ellis), "
         "shouted to the crowd.", "Varga's niece"),
        ("That driver, Paul Wexford, told the court he had no chance to stop. “One second he was in front of me, the next I was in "
         "the ditch,” the 52-year-old said.", "Paul Wexford"),
        ("Tariffs rose. The fine should go back to the people who suffered, not to the Treasury, a consumer group that represents "
         "water customers said. The Water Customers' Council (WCC) wants the money paid out as rebates.", "Water Customers' Council"),
    ],
    ids=["name-swallowed-by-a-fronted-phrase", "nickname-and-title-abbreviation-before-the-cue",
         "an-age-hung-on-the-cue-as-modifiers", "a-subject-hung-on-the-phrase-before-the-comma"],
)
def test_the_subject_of_a_cue_is_found_across_misparses(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Elena Varga forced the harbour master to admit that the cranes were unsafe.", "the harbour master"),
        ("Mayor Elena Varga asked reporters to note that the cranes were unsafe.", "Elena Varga"),
    ],
    ids=["coercion-makes-the-object-speak", "a-directive-keeps-its-subject"],
)
def test_the_object_of_a_coercion_verb_speaks_its_infinitive(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ad uses footage of Mayor Elena Varga asking, “Why are the cranes still standing?”", "Elena Varga"),
        ("The council released a video of Mayor Elena Varga saying the cranes were unsafe.", "Elena Varga"),
    ],
    ids=["footage-of-x-asking", "video-of-x-saying"],
)
def test_a_participle_after_a_recording_of_someone_is_theirs(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ad ends with footage of Mayor Elena Varga saying at the hearing, “The cranes are safe,” when Tomasz Wrona attacked her "
         "for the delay.", "Elena Varga"),
    ],
    ids=["when-clause-after-the-quote"],
)
def test_a_cue_heading_a_clause_of_time_after_the_quote_does_not_attribute_it(parse, text, speaker):
    assert speaker in [q.speaker for q in quotes_in(parse(text)) if q.quote_type == "direct"]
