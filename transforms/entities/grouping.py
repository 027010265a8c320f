"""One entity per real thing in the article: mentions grouped, canonical names chosen.

People group by first and last name (a surname joins the one full name written before it, else the one introduced first); other
mentions by type and normalised name, acronyms defined in the text joining their long forms.
``PERSON_FINDERS`` then give people the mentions the model missed or mislabelled. An
``ArticleEntity``'s id is the same in every article and every run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.context import ArticleContext
from transforms.entities.aliases import AliasMap, alias_key
from transforms.entities.mentions import Mention
from transforms.entities.places import known_place
from transforms.entities.words import is_capitalised, written_lower, is_office_word, is_title_word, org_noun_of
from transforms.lexicon import HONORIFICS, ORG_NOUNS
from transforms.lexicons import words as lexicon_words
from transforms.rules import Example, Rule, rule
from transforms.run.ids import stable_id

# Bounded words (at most 12, of at most 41 characters): an unbounded long form backtracked
# quadratically over long capitalised stretches (a 60,000-character token took 44 s).
# A word of the long form may end in a plural possessive ("the Portuguese Nurses' Union (SPE)");
# the short form is in capitals ("SPE") or has two capitals at least ("PennDOT").
_NAME_PARTICLES = lexicon_words("name_particles")
_ACRONYM_DEFINITION = re.compile(r"(?P<long>(?:[A-Z][\w&-]{0,40}['’]?\s+)(?:(?:of|for|and|the|&|de|du|des|del|la)\s+|[A-Z][\w&-]{0,40}['’]?\s+){0,10}[A-Z][\w&-]{0,40})\s+\((?P<short>[A-Z][A-Z&.]{1,9}|[A-Z][a-z]{0,6}[A-Z][A-Za-z]{0,8})\)")


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


def _name_words(text: str) -> list[str]:
    words = [w.strip(".,") for w in text.split()]
    return [w for w in words if w and w.lower() not in HONORIFICS]


# A word typed with the shift key held one letter too long ("HIllary"): two capitals, then lower case.
_SHIFT_TYPO = re.compile(r"(?:^|\s)[A-Z]{2}[a-z]")


def fullest_name(forms: list[str]) -> str:
    """The name a person's entity is called by, of the forms the article writes in full: the
    longest ("Samir V Kamat" over "Samir Kamat"); of equally long ones, one without a typo of
    the shift key ("Hillary" over "HIllary"), then the one written most often, then the first.

    Examples:
        ["HIllary Clinton", "Hillary Clinton", "Hillary Clinton"] -> "Hillary Clinton"
        ["Samir Kamat", "Samir V Kamat"] -> "Samir V Kamat"
    """
    counts = {form: forms.count(form) for form in forms}
    return min(counts, key=lambda form: (-len(form), bool(_SHIFT_TYPO.search(form)), -counts[form], forms.index(form)))


def group_people(mentions: list[Mention]) -> list[ArticleEntity]:
    """People by first and last name; a one-word name joins the full name introduced first."""
    full = [m for m in mentions if len(_name_words(m.text)) >= 2]
    clusters: dict[tuple[str, str], ArticleEntity] = {}
    for mention in full:
        words = _name_words(mention.text)
        key = (words[0].casefold(), words[-1].casefold())
        cluster = clusters.setdefault(key, ArticleEntity(" ".join(words), "PERSON"))
        cluster.mentions.append(mention)
    for cluster in clusters.values():
        cluster.canonical_name = fullest_name([" ".join(_name_words(m.text)) for m in cluster.mentions])
    singles: dict[str, ArticleEntity] = {}
    for mention in mentions:
        words = _name_words(mention.text)
        if len(words) != 1:
            continue
        word = words[0].casefold()
        candidates = [c for (first, last), c in clusters.items() if word in (last, first)]
        if candidates:
            namesake_at(candidates, mention.char_start).mentions.append(mention)
        else:
            singles.setdefault(word, ArticleEntity(words[0], "PERSON")).mentions.append(mention)
    return list(clusters.values()) + list(singles.values())


def namesake_at(people: list[ArticleEntity], offset: int) -> ArticleEntity:
    """Which of several people sharing a name a lone surname at ``offset`` is: the only one
    the story named before it, else the one it introduced first.

    "Dr. Wanjiru Kamau told the paper... Kamau said" is Wanjiru Kamau even when "Peter Kamau, who
    is not related to the regulator" comes later; once both are in the story, news calls the
    namesake introduced second ("His wife, Heidi Cruz") by the full name, so the bare surname is
    the first one's.
    """

    def first_named(person: ArticleEntity) -> int:
        return min(m.char_start for m in person.mentions)

    named_before = [p for p in people if first_named(p) < offset]
    if len(named_before) == 1:
        return named_before[0]
    return min(people, key=first_named)


def _normal_key(text: str) -> str:
    words = text.casefold().replace(".", "").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def group_others(mentions: list[Mention], body: str) -> list[ArticleEntity]:
    """Everything but people by type and normalised name; an acronym the text defines joins
    its long form, and "the Ministry" the one organisation named "... Ministry"."""
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
        if len(name) > len(cluster.canonical_name) or (len(name) == len(cluster.canonical_name) and cluster.canonical_name.isupper() and not name.isupper() and cluster.mentions[0].repaired_by == "dateline"):
            cluster.canonical_name = name  # "Oslo", not the dateline's "OSLO"
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
    noun = org_noun_of(words[-1])
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


def find_nominal_mentions(context: ArticleContext, people: list[ArticleEntity]) -> list[tuple[ArticleEntity, Mention]]:
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
    tokens = context.tokens
    for i, token in enumerate(tokens[:-1]):
        if token.lower_ != "the":
            continue
        j = i + 1
        while j < len(tokens) and is_office_word(tokens[j]) and (is_capitalised(tokens[j]) or tokens[j].is_lower):
            j += 1
        while j > i + 1 and tokens[j - 1].lower_ in ("of", "&"):
            j -= 1
        words = tokens[i + 1 : j]
        if not words or not any(is_title_word(t) for t in words):
            continue
        if all(t.is_lower for t in words) and j < len(tokens) and tokens[j].lower_ in ("of", "for", "'s", "’s"):
            continue  # "the president of the company" is someone else; "the president" alone is the titled one
        if j < len(tokens) and tokens[j].pos_ == "PROPN" and is_capitalised(tokens[j]):
            continue  # a titled name, handled by find_titled_names
        wanted = {t.lower_ for t in words}
        fitting = [p for p, role_words in roles if wanted <= role_words]
        if len(fitting) == 1:
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            text = context.text[start:end]
            found.append((fitting[0], Mention(start, end, text, "PERSON", text, "nominal_title")))
    return found


def _person_names(people: list[ArticleEntity]) -> dict[str, list[ArticleEntity]]:
    """Case-folded full names and surnames of the article's people, each with the people it
    names (several for a surname people share)."""
    names: dict[str, list[ArticleEntity]] = {}
    for person in people:
        words = _name_words(person.canonical_name)
        if len(words) < 2:
            continue
        surnames = {words[-1].casefold()}
        # A surname opened by particles ("van der Meulen", "de la Cruz") is also written whole.
        first_particle = next((i for i, w in enumerate(words[1:-1], 1) if w.islower() and w in _NAME_PARTICLES), None)
        if first_particle is not None and all(w.islower() and w in _NAME_PARTICLES for w in words[first_particle:-1]):
            surnames.add(" ".join(words[first_particle:]).casefold())
        for name in (person.canonical_name.casefold(), *surnames):
            holders = names.setdefault(name, [])
            if person not in holders:
                holders.append(person)
    return names


@rule(
    Example("Harbour Mayor Elena Varga announced the plan on Friday. Varga said the money was in place.", [("Varga", "PERSON")]),
    Example("The crew was coached by Joris van der Meulen, a former Olympian. Van der Meulen said the crew had trained twice a day.",
            [("Van der Meulen", "PERSON")], note="a surname opened by particles, tagged an organisation"),
    Example("The regulator's head, Dr. Wanjiru Kamau, spoke on Monday. Kamau said the sites were inspected. "
            "Peter Kamau, a farmer who is not related to her, joined the trial.", [("Kamau", "PERSON")],
            note="a surname two people share: the one named before it"),
)
def person_name(context: ArticleContext, people: list[ArticleEntity], others: list[Mention]) -> list[Mention]:
    """Give people the mentions the model missed or mislabelled.

    A non-person mention whose text is a person's full name or surname ("Varga" tagged ORG)
    moves to that person; any other capitalised occurrence of those names becomes a mention.
    Returns the other mentions that stay.

    A surname opened by particles counts whole ("Van der Meulen" for "Joris van der Meulen").

    A surname two people share goes to the one named before it (``namesake_at``).

    Not: surnames that are also common words ("May", "Young").
    """
    names = _person_names(people)
    kept: list[Mention] = []
    for mention in others:
        holders = names.get(mention.text.casefold())
        if holders:
            person = namesake_at(holders, mention.char_start)
            person.mentions.append(Mention(mention.char_start, mention.char_end, mention.text, "PERSON", None, "person_name"))
        else:
            kept.append(mention)
    taken = [(m.char_start, m.char_end) for p in people for m in p.mentions] + [(m.char_start, m.char_end) for m in kept]
    for name, holders in sorted(names.items(), key=lambda item: -len(item[0])):
        if " " not in name and context.doc.vocab[name].is_stop:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", context.text, flags=re.IGNORECASE):
            start, end = match.span()
            if not context.text[start].isupper() or any(start < e and s < end for s, e in taken):
                continue
            person = namesake_at(holders, start)
            person.mentions.append(Mention(start, end, context.text[start:end], "PERSON", None, "person_name"))
            taken.append((start, end))
    return kept


@rule(
    Example("Union Defence Minister Rajnath Singh held talks on Monday. Later, the Union Minister said the talks were useful.", [("Union Minister", "PERSON")]),
)
def nominal_title(context: ArticleContext, people: list[ArticleEntity], others: list[Mention]) -> list[Mention]:
    """Titles used as names ("the Union Minister") join the one person whose role has those
    words (``find_nominal_mentions``), where no mention of a person lies. Returns the other
    mentions unchanged.

    Not: a lower-case title followed by "of" ("the president of the club"); a title two
    people's roles fit.
    """
    taken = [(m.char_start, m.char_end) for p in people for m in p.mentions]
    for person, mention in find_nominal_mentions(context, people):
        if not any(mention.char_start < e and s < mention.char_end for s, e in taken):
            person.mentions.append(mention)
            taken.append((mention.char_start, mention.char_end))
    return others


@rule(
    Example("Dr. Amara Okafor chairs the Lakemont board. Amara told reporters that the plan was sound.", [("Amara", "PERSON")]),
    Example("Coach Ana Costa praised her players. Later, Ana told reporters the club was ready.", [("Ana", "PERSON")]),
    Example("Mayor Ana Costa met Judge Ana Lopez on Monday. Ana said the talks went well.", None, note="two people share the first name"),
)
def first_name(context: ArticleContext, people: list[ArticleEntity], others: list[Mention]) -> list[Mention]:
    """A first name alone ("Amara told reporters", "Ana, who joined...") is the one person of
    the article with that first name: a mention the model tagged otherwise moves to them, and an
    untagged proper noun spelled so becomes one. Returns the other mentions.

    Not: a first name two people share, or that is another person's surname; a known place
    ("Georgia", "Florence"); a common word (a stop word, a token the parser does not call a
    proper noun, a word the article also writes in lower case); a first name opening another
    full name ("Ana Lopez"); a word in capitals ("MIDWAY").
    """
    firsts: dict[str, list[ArticleEntity]] = {}
    surnames = {_name_words(p.canonical_name)[-1].casefold() for p in people if len(_name_words(p.canonical_name)) >= 2}
    for person in people:
        words = _name_words(person.canonical_name)
        if len(words) >= 2 and words[0].casefold() not in surnames and known_place(words[0]) is None and len(words[0]) > 1 and not written_lower(context.text, words[0]):
            firsts.setdefault(words[0].casefold(), []).append(person)
    kept: list[Mention] = []
    for mention in others:
        owners = firsts.get(mention.text.casefold(), [])
        if len(owners) == 1 and not mention.text.isupper():
            owners[0].mentions.append(Mention(mention.char_start, mention.char_end, mention.text, "PERSON", None, "first_name"))
        else:
            kept.append(mention)
    taken = [(m.char_start, m.char_end) for p in people for m in p.mentions] + [(m.char_start, m.char_end) for m in kept]
    tokens = context.tokens
    for token in tokens:
        owners = firsts.get(token.lower_, [])
        if len(owners) != 1 or token.pos_ != "PROPN" or token.is_stop or not token.text[:1].isupper():
            continue
        start, end = token.idx, token.idx + len(token.text)
        following = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
        if following is not None and following.pos_ == "PROPN" and is_capitalised(following):
            continue  # "Ana Lopez": another full name
        if not any(start < e and s < end for s, e in taken):
            owners[0].mentions.append(Mention(start, end, token.text, "PERSON", None, "first_name"))
            taken.append((start, end))
    return kept


# Applied in order after people are grouped: each gives people mentions and returns the
# non-person mentions that stay.
PERSON_FINDERS: tuple[Rule, ...] = (person_name, first_name, nominal_title)


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
