"""Word lists the extractors share: titles and offices, reporting verbs, document nouns."""

from __future__ import annotations

# Words that make a phrase a title or office ("Union Defence Minister", "Secretary of State").
TITLE_WORDS = frozenset(
    """
    minister secretary president vice chancellor premier governor senator congressman congresswoman
    representative rep sen gov mayor ambassador envoy spokesperson spokesman spokeswoman chairman
    chairwoman chair chairperson chief director commissioner commander general admiral colonel
    major captain lieutenant sergeant officer dr mr mrs ms miss prof professor judge justice
    king queen prince princess pope bishop cardinal sheikh ceo cfo coo founder head leader deputy
    attorney counsel advisor adviser aide minister-of-state mp mla lawmaker treasurer auditor
    inspector superintendent marshal prosecutor sheriff speaker whip economist analyst strategist
    editor manager coach forward defender midfielder striker goalkeeper winger quarterback pitcher
    alderman alderwoman councilman councilwoman councillor councilor assemblyman assemblywoman
    """.split()
)
# Words that may stand inside a title phrase without being a name ("Secretary of *Defence*").
OFFICE_WORDS = frozenset(
    """
    union federal state national foreign home defence defense external affairs finance health
    interior justice labour labor trade commerce energy education agriculture transport
    environment treasury staff army navy air force armed forces security intelligence general
    prime deputy junior senior acting former us u.s. uk u.k. eu un chief executive principal
    department ministry of the for and & cabinet information broadcasting science technology
    research development culture sports tourism railways water power housing urban rural
    economic economy public works war veterans homeland immigration exchequer police
    """.split()
)
HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady".split())

# Lemmas of verbs that report speech or writing. The last two lines are verbs of stance-taking
# speech ("expressed concern that...", "portrayed him as...") that a news corpus with gold
# attributions (PolNeAR train) showed to report a source's words in most of their uses.
REPORTING_VERBS = frozenset(
    """
    say tell tweet post write add note state announce declare claim assert insist argue explain
    warn caution describe call confirm deny acknowledge admit reveal report disclose suggest
    predict promise pledge vow urge ask question reply respond answer remark comment observe
    stress emphasise emphasize reiterate maintain contend concede complain allege accuse criticise
    criticize praise welcome recall testify quip joke exclaim mention estimate indicate signal
    inform assure reassure agree demand boast sing shout yell scream chant muse wonder recount
    interject retort plead beg lament gush marvel scoff
    blast slam lambaste denounce decry mock ridicule thank discuss highlight tout hail applaud
    chide scold rebuke echo recommend advise request invite
    express outline detail repeat reference underscore bemoan assail retweet remind encourage
    threaten dub label portray characterize characterise imply voice offer rule congratulate forecast
    """.split()
)
# Reporting verbs whose plain object is not what was said ("maintain the momentum", "added
# a clause", "ruled the country"): only a clause after them is content.
NO_OBJECT_CONTENT_FORMS = frozenset(
    "maintain maintains maintained maintaining add adds added adding observe observes observed observing rule rules ruled ruling".split()
)

# Nouns of a stated stance whose possessor is the source and whose clause is the content
# ("Trump's claim that...", "his pledge to...", "her decision not to run").
STANCE_NOUNS = frozenset(
    """
    claim claims assertion assertions argument suggestion promise promises pledge pledges proposal
    plan plans decision refusal reluctance desire unwillingness insistence warning warnings
    accusation accusations allegation allegations demand demands threat threats vow vows
    """.split()
)
# Stance nouns with the preposition that introduces their target ("his attacks on Clinton").
STANCE_NOUN_PREPOSITIONS = frozenset({("attack", "on"), ("attacks", "on"), ("call", "for"), ("calls", "for"), ("criticism", "of"), ("critique", "of"), ("criticism", "on")})

# Adjectives of a held stance: "Democrats are worried that...", "voters are skeptical of free
# trade", "she is eager to debate". The clause or prepositional object is the content.
STANCE_ADJECTIVES_WITH_CLAUSE = frozenset(
    "eager aware concerned hopeful optimistic pessimistic adamant convinced surprised worried confident glad".split()
)
STANCE_ADJECTIVE_PREPOSITIONS = frozenset(
    {("critical", "of"), ("skeptical", "of"), ("sceptical", "of"), ("supportive", "of"), ("wary", "of"), ("aware", "of"),
     ("confident", "in"), ("confident", "about"), ("interested", "in"), ("upbeat", "about"), ("optimistic", "about"),
     ("pessimistic", "about"), ("nervous", "about"), ("worried", "about"), ("concerned", "about"), ("open", "to")}
)

# Attitude verbs that also name physical acts ("forces attacked the city"): a stance only when
# a person holds it.
PERSON_ONLY_ATTITUDE_FORMS = frozenset("attack attacks attacked attacking".split())

# Verbs that attribute a belief, intention, stance or finding rather than words: their clause
# or object is the source's content ("she believes the talks failed", "he wants to cut
# taxes", "the senator opposes the bill", "the study shows that..."). Forms listed by hand:
# these verbs are irregular more often than not.
ATTITUDE_VERB_FORMS = frozenset(
    """
    think thinks thought thinking believe believes believed believing know knows knew known
    hope hopes hoped hoping fear fears feared fearing expect expects expected expecting
    feel feels felt doubt doubts doubted worry worries worried want wants wanted wanting
    plan plans planned planning intend intends intended seek seeks sought seeking
    refuse refuses refused refusing decline declines declined declining
    propose proposes proposed proposing demand demands demanded demanding
    support supports supported supporting oppose opposes opposed opposing endorse endorses
    endorsed endorsing back backs backed backing reject rejects rejected rejecting dismiss
    dismisses dismissed dismissing blame blames blamed blaming cite cites cited citing
    defend defends defended defending condemn condemns condemned condemning favor favors
    favored favoring favour favours favoured favouring show shows showed shown showing
    find finds found conclude concludes concluded concluding
    learn learns learned learnt learning realize realizes realized realizing realise realises
    realised realising understand understands understood understanding recognize recognizes
    recognized recognizing recognise recognises recognised recognising consider considers
    considered considering prefer prefers preferred preferring mull mulls mulled mulling deem deems
    deemed deeming notice notices noticed noticing decide decides decided deciding share shares
    shared sharing project projects projected projecting compare
    compares compared comparing seem seems seemed seeming appear appears appeared appearing
    attack attacks attacked attacking
    """.split()
)
# Nouns for documents and announcements that speak for an organisation ("the statement said").
DOCUMENT_NOUNS = frozenset("statement release communique communiqué report letter memo notice document filing announcement readout".split())
# Last words that make a name an organisation, whatever the NER says ("Lakemont Capital").
ORG_SUFFIXES = frozenset(
    """
    capital bank group partners holdings inc inc. corp corp. corporation ltd ltd. llc plc co co.
    company air airlines airways motors ventures securities investments foundation institute
    university college council association federation union agency authority commission
    committee ministry department railway railways hospital infirmary clinic school church cathedral cafe newspapers
    forces army navy guard
    """.split()
)
# First words of names given to storms: events, not people.
STORM_WORDS = frozenset("storm hurricane typhoon cyclone".split())
# Prepositions of place: a one-word name after them is a place unless it is a company's.
PLACE_PREPOSITIONS = frozenset("in across near outside around throughout between".split())
# Nouns after which "in X" names a company, not a place ("a stake in Vodafone").
HOLDING_NOUNS = frozenset("stake stakes share shares investment investments interest holding holdings position".split())

# International bodies, agencies and markets news names without an organisation word, which
# the small NER model often calls a person or a place ("Unicef said it would...").
KNOWN_ORGS = frozenset(
    """
    un unicef unesco unhcr unrwa unaids undp unep wfp fao iaea icc icj imf wto who opec nato asean
    oecd interpol europol fifa uefa ioc nasdaq nyse amnesty greenpeace oxfam msf mercosur
    g7 g8 g20 brics congress reuters bloomberg afp nielsen gallup ipsos yougov
    """.split()
) | frozenset({"group of seven", "group of eight", "group of 20", "group of twenty", "united nations", "world bank", "red cross", "red crescent", "african union", "european union", "arab league", "human rights watch", "amnesty international", "doctors without borders", "london stock exchange", "new york stock exchange"})

# Last words that make a name a natural feature (LOC), whatever the NER says ("Burrard Inlet").
# Islands are left out: "Rhode Island" is a state.
GEO_FEATURE_WORDS = frozenset(
    """
    inlet river lake sea ocean bay gulf strait straits channel mountain mountains range valley
    desert forest coast peninsula canyon gorge basin delta glacier reef plateau
    """.split()
)
# Last words that make a name a building or structure (FAC), not the organisation inside it.
BUILDING_WORDS = frozenset("house palace tower building stadium arena field airport bridge station mosque temple synagogue".split())
# Building words that are also surnames ("Tom House", "Sally Field").
SURNAME_LIKE_BUILDING_WORDS = frozenset("house field bridge".split())
# Last words of place names whose first word alone names the same place ("Nakuru County" ->
# "Nakuru", "Hualien City" -> "Hualien").
PLACE_SUFFIX_WORDS = frozenset("county city province state district prefecture region municipality".split())

# Nouns for organisations referred to by a common noun ("the Ministry said").
ORG_NOUNS = frozenset("ministry department government office agency council committee commission company firm embassy police army court party".split())

# Irregular past forms of reporting verbs; regular ones are inflected by rule below.
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "speak": ("spoke", "spoken"),
    "deny": ("denied",), "reply": ("replied",), "testify": ("testified",), "criticise": (), "criticize": (),
    "dub": ("dubbed", "dubbing"), "forecast": ("forecasted",), "label": ("labeled", "labelled", "labelling"),
}


def _inflections(verb: str) -> set[str]:
    """say -> say, says, saying, said (the lemmatizer is not run: the forms are listed instead)."""
    forms = {verb, *_IRREGULAR.get(verb, ())}
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb + "ing", verb[:-1] + "ied"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ing", verb + "ed"}
    else:
        forms |= {verb + "s", stem + "ing", stem + "ed" if verb.endswith("e") else verb + "ed"}
    if verb.endswith("o"):
        forms.add(verb + "es")  # "echoes"
    if verb in ("admit", "regret", "commit", "slam"):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    if _IRREGULAR.get(verb) and verb + "ed" not in _IRREGULAR[verb]:
        forms.discard(verb + "ed")
    return forms


REPORTING_VERB_FORMS = frozenset(form for verb in REPORTING_VERBS for form in _inflections(verb))

# Short names of well-known bodies that spell neither their initials nor their first word.
KNOWN_SHORT_NAMES = {"group of seven": "g7", "group of eight": "g8", "group of 20": "g20", "group of twenty": "g20", "federal reserve": "fed"}

# Common nouns news puts before a company's name ("Japanese drugmaker Takeda", "US chipmaker
# Nvidia"): the capitalised name after them is an organisation.
COMPANY_DESCRIPTORS = frozenset(
    """
    drugmaker carmaker automaker chipmaker planemaker steelmaker shipbuilder retailer lender bank
    insurer airline carrier broadcaster conglomerate miner telecom operator startup start-up
    jeweller jeweler brewer distiller publisher
    """.split()
)

# Last words of a government body a country's name may lead ("US Senate", "US National
# Transportation Safety Board"): the country is a place of its own, as OntoNotes tags it.
GOVERNMENT_BODY_WORDS = frozenset(
    """
    senate house congress parliament board department ministry commission agency court army navy
    embassy government administration office council service bureau police forces force guard
    treasury military reserve
    """.split()
)
# Last words of events that the small model calls organisations ("the Academy Awards").
EVENT_WORDS = frozenset("awards award prize olympics championship championships cup festival summit".split())
# Acronyms of things, not names ("CCTV footage", "GDP growth").
NON_ENTITY_ACRONYMS = frozenset("CCTV GDP CEO CFO COO CTO AI IPO VAT GST PPE DNA HIV AIDS LGBT LGBTQ NGO GPS SUV ATM PhD TV IT".upper().split())
# Last words of street names: an address is a facility, not a place ("10 Downing Street").
STREET_WORDS = frozenset("street road avenue boulevard lane".split())
