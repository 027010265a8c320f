"""Syndication benchmark: stories, quote clusters and event clusters on an invented syndicated corpus.

    python -m bench.syndication [--variant dev|heldout|both] [--events 12] [--seed 7] [--keep DIR]

Builds a crawl (``crawl/<outlet>/<date>/<id>.txt``, raw format) from invented stories: each
story is carried by several outlets as a verbatim reprint, wire copy (dateline, byline,
copyright line), a version trimmed to its first paragraphs, one with a paragraph dropped or
moved, one with a few words changed, or a mix; distinct stories on one event share the day,
the people and some of their quotes (whole, or a part of them). It then runs the real
pipeline in process (read, spaCy extraction, staging, the warehouse load with its clustering)
and prints pairwise precision, recall and F1 of stories, quote clusters and event clusters, the
recall of quote and event pairs in different stories, and the clustering time next to the
extraction time. Each news event has happenings with gold identities (``add_happenings``): the
one its stories report, in each story's own words and date form ("on Monday", "on March 4",
"yesterday"), and around it the same actor's other happening that day, the same kind of
happening on another day, another actor doing the same that day and, sometimes, the same actor
doing the same kind of thing to something else that day. An extracted event is scored when its
clause and trigger lie in one gold happening's sentence.

The ``heldout`` variant uses other names, places, topics, templates and copy settings, and was
not used to choose any threshold; ``dev`` was.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from pathlib import Path

# --- vocabularies: two disjoint variants ---------------------------------------------------

VOCAB = {
    "dev": {
        "first": "Elena Tomas Priya Samuel Mei Laura Jonas Amara Dmitri Ines Kofi Hana Mateo Sofia Ravi Lena Omar Greta Yusuf Clara".split(),
        "last": "Varga Ibarra Raman Okafor Lin Chen Berg Nwosu Petrov Alves Mensah Sato Ruiz Costa Iyer Falk Haddad Lund Demir Moreau".split(),
        "titles": ["Mayor", "Health Minister", "Finance Minister", "Police Chief", "Council Leader", "Transport Secretary", "Harbour Director"],
        "places": "Northfield Westbrook Riverside Eastport Millbrook Southgate Lakemont Highcliff Brightwater Oakridge".split(),
        "orgs": ["City Council", "Port Authority", "Transport Ministry", "Chamber of Commerce", "Teachers Union", "Water Board", "Rail Company"],
        "topics": ["ferry terminal", "school bus routes", "flood defences", "night tram service", "public library", "harbour bridge", "water tariff"],
        "outlets": ["kell-wire", "harbour-times", "northfield-post", "daily-ledger", "river-gazette", "coast-herald", "valley-news", "metro-star"],
        "agencies": ["Wire", "Kell Wire", "NPA"],
    },
    "heldout": {
        "first": "Aurelio Bettina Casimir Dorota Evander Fumiko Gideon Halima Ignacio Jolanta Kasimir Liesel Marisol Nnamdi Odalys Piers".split(),
        "last": "Achterberg Bellweather Castellanos Drummond Eskildsen Fairweather Grzegorczyk Holloway Ingersoll Jovanovic Kittredge Lindqvist".split(),
        "titles": ["Governor", "Energy Secretary", "Education Minister", "Fire Commissioner", "Parks Director", "Chief Justice", "Treasurer"],
        "places": "Quarrytown Fenwick Ashgrove Blackmoor Carrow Dunmere Elmstead Foxhollow Greyhaven Hollins".split(),
        "orgs": ["Regional Assembly", "Energy Regulator", "Parks Service", "Nurses Federation", "Farmers League", "Grid Operator", "Airport Board"],
        "topics": ["wind farm", "hospital merger", "airport runway", "teacher pay deal", "grain export quota", "river dredging", "housing levy"],
        "outlets": ["ashgrove-courier", "fenwick-daily", "carrow-chronicle", "wirecall", "dunmere-record", "hollins-observer", "greyhaven-mail"],
        "agencies": ["Wirecall", "APN"],
    },
}

VERBS = {
    "dev": ["approved", "delayed", "questioned", "funded", "reviewed", "criticised", "welcomed", "postponed", "expanded", "cut"],
    "heldout": ["endorsed", "blocked", "audited", "subsidised", "scrapped", "defended", "accelerated", "capped", "renegotiated", "froze"],
}
SENTENCES = {
    "dev": [
        "The {org} {verb} the plan for the {topic} after {n} residents signed a petition in {place}.",
        "Officials in {place} said the cost of the {topic} had risen to {n} million euros since {year}.",
        "Work on the {topic} is expected to take {n} months, according to figures seen by reporters.",
        "Several shop owners in {place} said they had not been told how the {topic} would affect deliveries.",
        "A report by the {org} found that {n} per cent of commuters used the {topic} at least once a week.",
        "Opposition members {verb} the timetable and asked for an independent review of the {topic}.",
        "The {org} will publish a revised budget for the {topic} before the end of {month}.",
        "Residents of {place} have waited {n} years for a decision on the {topic}, campaigners said.",
        "Engineers inspected the {topic} in {month} and recommended {n} changes to the design.",
        "The vote in {place} was {n} to {m}, with two members absent.",
        "Local schools in {place} will be consulted before any work on the {topic} begins.",
        "Insurance costs linked to the {topic} rose by {n} per cent last year, the {org} said in a filing.",
    ],
    "heldout": [
        "Members of the {org} {verb} a motion on the {topic} by {n} votes to {m} late on Thursday.",
        "In {place}, campaigners handed over {n} letters demanding a public inquiry into the {topic}.",
        "The {topic} would add roughly {n} jobs in {place} over a decade, a consultancy estimated.",
        "Auditors said records about the {topic} were incomplete for the years after {year}.",
        "Farmers near {place} warned that the {topic} could change water levels across {n} hectares.",
        "Lawyers for the {org} argued that the {topic} needed no fresh environmental permit.",
        "A survey of {n} households found broad support for the {topic}, with older voters most sceptical.",
        "The {org} has set aside {n} million for the {topic} in its draft accounts for {month}.",
        "Traffic through {place} fell by {n} per cent while the {topic} was under review.",
        "Critics from the {org} said the {topic} had been rushed through without {n} required hearings.",
    ],
}
# Quotes are built word by word from large pools, so two invented quotes share a phrase about
# as rarely as two real ones; the topic and place appear at most once each.
QUOTE_WORDS = {
    "dev": {
        "open": ["Frankly", "Look", "Honestly", "Today", "For years", "Right now", "In the end", "Once again", "Believe me", "To be clear"],
        "subject": ["we", "this council", "our families", "my office", "the engineers", "local traders", "every commuter", "the ministry", "our teachers", "the voters"],
        "verb": ["deserve", "reject", "need", "demand", "welcome", "question", "support", "fear", "expect", "remember", "oppose", "trust"],
        "adjective": ["honest", "cheaper", "safer", "faster", "clearer", "greener", "smaller", "bolder", "fairer", "quieter", "better", "proper"],
        "noun": ["answers", "timetables", "budgets", "contracts", "promises", "inspections", "repairs", "consultations", "figures", "guarantees", "plans", "reports"],
        "tail": ["by spring", "this year", "without delay", "for once", "in writing", "before the election", "at any cost", "from day one", "next week", "in public"],
    },
    "heldout": {
        "open": ["Let me say this", "Quite simply", "Above all", "As of tonight", "Year after year", "Make no mistake", "Put bluntly", "Again"],
        "subject": ["the assembly", "our nurses", "rural households", "this regulator", "small farmers", "the airport staff", "our grid", "pensioners"],
        "verb": ["refuse", "require", "applaud", "distrust", "anticipate", "resist", "champion", "dread", "insist on", "bargain for"],
        "adjective": ["transparent", "affordable", "durable", "credible", "modest", "urgent", "binding", "lawful", "realistic", "measurable"],
        "noun": ["subsidies", "hearings", "permits", "tariffs", "audits", "settlements", "forecasts", "ballots", "levies", "surveys"],
        "tail": ["before harvest", "by midsummer", "under oath", "on the record", "within weeks", "for good", "in every district", "this autumn"],
    },
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"]
SYNONYMS = {"said": "stated", "plan": "proposal", "residents": "locals", "cost": "price", "officials": "authorities", "members": "councillors",
            "expected": "due", "report": "study", "warned": "cautioned", "votes": "ballots", "found": "showed", "records": "files"}


@dataclass
class Quote:
    """A quote from the pool: its gold id, speaker and words."""

    quote_id: str
    speaker: tuple[str, str]  # (title, name)
    text: str


@dataclass
class Story:
    """A base story (gold story) and its paragraphs."""

    story_id: str
    day: date
    paragraphs: list[str]
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (gold quote id, text as printed)
    happenings: list[tuple[str, str]] = field(default_factory=list)  # (gold event id, sentence as printed)


@dataclass
class Copy:
    """One file of the crawl: a copy of a story by an outlet."""

    story_id: str
    kind: str
    path: str
    text: str


def _fill(rng: random.Random, template: str, v: dict, topic: str, place: str) -> str:
    return template.format(
        org=rng.choice(v["orgs"]), verb=rng.choice(VERBS[v["name"]]), topic=topic, place=place, n=rng.randint(3, 95), m=rng.randint(1, 40),
        year=rng.randint(2009, 2022), month=rng.choice(MONTHS),
    )


def _quote_text(rng: random.Random, variant: str, topic: str, place: str) -> str:
    w = QUOTE_WORDS[variant]

    def clause() -> str:
        return (f"{rng.choice(w['subject'])} {rng.choice(w['verb'])} {rng.choice(w['adjective'])} {rng.choice(w['noun'])} "
                f"and {rng.choice(w['adjective'])} {rng.choice(w['noun'])} {rng.choice(w['tail'])}")

    first = f"{rng.choice(w['open'])}, {clause()} on the {topic}"
    second = clause()
    second = second[0].upper() + second[1:]
    third = f"{rng.choice(w['subject']).capitalize()} {rng.choice(w['verb'])} {rng.randint(2, 90)} {rng.choice(w['noun'])} in {place} {rng.choice(w['tail'])}"
    return f"{first}. {second}. {third}."


def _render_quote(rng: random.Random, text: str, speaker: tuple[str, str], first_mention: bool) -> str:
    title, name = speaker
    who = f"{title} {name}" if first_mention else name.split()[-1]
    sentences = [s for s in text.split(". ") if s]
    shape = rng.randrange(4)
    if shape == 0 or len(sentences) < 2:
        return f"\u201c{text.rstrip('.')},\u201d {who} said."
    if shape == 1:
        return f"{who} said: \u201c{text}\u201d"
    if shape == 2:
        return f"\"{sentences[0]},\" {who} said. \"{'. '.join(sentences[1:])}\""
    return f"\u201c{text.rstrip('.')},\u201d said {who}."


def _partial(rng: random.Random, text: str) -> str:
    words = text.rstrip(".").split()
    length = rng.randint(7, max(7, len(words) - 4))
    start = rng.randint(0, len(words) - length)
    return " ".join(words[start : start + length])


# --- happenings: real-world events with gold identities -----------------------------------------
# Each news event has happenings that its stories report, each in its own words: an actor does
# something to something on a day. Around the reported one: another happening of the same actor
# on the same day, the same kind of happening on another day, another actor doing the same on the
# same day, and (sometimes) the same actor doing the same kind of thing to something else the same
# day, which no rule over date, kind and participants can tell apart.
HAPPENINGS = {
    "dev": {
        # (past tense, third person present): the forms a report uses
        "kinds": [("opened", "opens"), ("visited", "visits"), ("signed", "signs"), ("inspected", "inspects"), ("met", "meets"),
                  ("approved", "approves"), ("suspended", "suspends"), ("closed", "closes"), ("toured", "tours")],
        "objects": ["the {topic}", "a bus depot in {place}", "the offices of the {org}", "a primary school in {place}", "the {topic} works"],
        "templates": [
            "{who} {past} {obj} {when}.",
            "{When}, {who} {past} {obj} in {place}.",
            "{who} {past} {obj} {when}, a spokesperson confirmed.",
            "Officials said {who} {past} {obj} {when}.",
            "{who} {past} {obj} in {place} {when}, ending weeks of speculation.",
        ],
    },
    "heldout": {
        "kinds": [("launched", "launches"), ("audited", "audits"), ("ratified", "ratifies"), ("held", "holds"), ("unveiled", "unveils"),
                  ("convened", "convenes"), ("dissolved", "dissolves"), ("blocked", "blocks")],
        "objects": ["the {topic}", "a review of the {topic}", "the {org} board", "a fund for {place}", "the {topic} accounts"],
        "templates": [
            "{When} {who} {past} {obj}.",
            "{who} {past} {obj} in {place} {when}, according to a statement.",
            "It was {who} who {past} {obj} {when}.",
            "{who}, who {past} {obj} {when}, declined to comment further.",
            "Records show that {who} {past} {obj} {when} after a short debate.",
        ],
    },
}


def _when(rng: random.Random, day: date, published: date, far: bool) -> str:
    """How a report dates a day: a weekday (only within the week before publication), a date, or 'yesterday'."""
    forms = ["date", "day-month"]
    if not far:
        forms += ["weekday", "weekday"] + (["yesterday"] if published - day == timedelta(days=1) else [])
    form = rng.choice(forms)
    if form == "weekday":
        return f"on {day:%A}"
    if form == "yesterday":
        return "yesterday"
    return f"on {day:%B} {day.day}" if form == "date" else f"on {day.day} {day:%B}"


def add_happenings(rng: random.Random, variant: str, group: int, stories: list[Story], people: list[tuple[str, str]], topic: str, place: str) -> None:
    """Give the stories of one news event the happenings they report, each a paragraph of its own."""
    h = HAPPENINGS[variant]
    v = VOCAB[variant]
    day = stories[0].day
    kind, other_kind = rng.sample(h["kinds"], 2)
    actor, other_actor = people[0], people[1]
    when = day - timedelta(days=rng.randint(1, 3))
    earlier = when - timedelta(days=rng.randint(9, 40))
    obj, other_obj = rng.sample(h["objects"], 2)
    org = rng.choice(v["orgs"])
    prefix = f"h{variant[0]}{group}"
    happenings = [
        (f"{prefix}-main", actor, kind, obj, when),
        (f"{prefix}-other-kind", actor, other_kind, obj, when),  # same day, same actor, another happening
        (f"{prefix}-earlier", actor, kind, obj, earlier),  # the same kind of happening on another day
        (f"{prefix}-other-actor", other_actor, kind, other_obj, when),  # the same kind, day and object kind: someone else
    ]
    if rng.random() < 0.35:
        happenings.append((f"{prefix}-other-object", actor, kind, other_obj, when))  # indistinguishable by date, kind, participants
    for story in stories:
        reported = [happenings[0]] + [x for x in happenings[1:] if rng.random() < 0.5]
        for hid, (title, name), (past, _), what, on in reported:
            who = rng.choice([f"{title} {name}", name, f"{title} {name}"])
            text = rng.choice(h["templates"])
            phrase = _when(rng, on, story.day, far=on < when)
            sentence = text.format(who=who, past=past, obj=what.format(topic=topic, place=place, org=org), place=place, when=phrase,
                                   When=phrase[0].upper() + phrase[1:])
            sentence = sentence[0].upper() + sentence[1:]
            story.paragraphs.insert(rng.randint(1, len(story.paragraphs)), sentence)
            story.happenings.append((hid, sentence))


def build_stories(rng: random.Random, variant: str, events: int, start: date, happening_rng: random.Random | None = None) -> tuple[list[Story], dict[str, Quote]]:
    """Distinct stories: ``events`` events, each covered by 2-4 stories sharing day, people and quotes."""
    v = dict(VOCAB[variant], name=variant)
    pool: dict[str, Quote] = {}
    stories: list[Story] = []
    for e in range(events):
        day = start + timedelta(days=e // 3)
        topic, place = rng.choice(v["topics"]), rng.choice(v["places"])
        people = [(rng.choice(v["titles"]), f"{rng.choice(v['first'])} {rng.choice(v['last'])}") for _ in range(3)]
        shared = []
        for q in range(4):
            quote = Quote(f"q{variant[0]}{e}-{q}", people[q % len(people)], _quote_text(rng, variant, topic, place))
            pool[quote.quote_id] = quote
            shared.append(quote)
        for s in range(rng.randint(2, 4)):
            story = Story(f"s{variant[0]}{e}-{s}", day, [])
            lead = _fill(rng, rng.choice(SENTENCES[variant]), v, topic, place)
            story.paragraphs.append(f"{lead} {_fill(rng, rng.choice(SENTENCES[variant]), v, topic, place)}")
            own = Quote(f"q{variant[0]}{e}-own{s}", rng.choice(people), _quote_text(rng, variant, topic, place))
            pool[own.quote_id] = own
            picked = rng.sample(shared, rng.randint(1, 3)) + [own]
            rng.shuffle(picked)
            mentioned: set[str] = set()
            for quote in picked:
                text = quote.text
                if quote in shared and rng.random() < 0.3:
                    text = _partial(rng, quote.text)  # another outlet quotes part of the statement
                story.paragraphs.append(_render_quote(rng, text, quote.speaker, quote.speaker[1] not in mentioned))
                mentioned.add(quote.speaker[1])
                story.quotes.append((quote.quote_id, text))
                body = " ".join(_fill(rng, rng.choice(SENTENCES[variant]), v, topic, place) for _ in range(rng.randint(1, 3)))
                story.paragraphs.append(body)
            stories.append(story)
        if happening_rng is not None:
            add_happenings(happening_rng, variant, e, [s for s in stories if s.story_id.startswith(f"s{variant[0]}{e}-")], people, topic, place)
    return stories, pool


COPY_KINDS = ("original", "verbatim", "wire", "trimmed", "dropped", "moved", "edited", "mixed")


def _dateline(rng: random.Random, v: dict, day: date, place: str | None = None) -> str:
    place = (place or rng.choice(v["places"])).upper()
    return f"{place}, {day.strftime('%B')} {day.day} ({rng.choice(v['agencies'])}) - "


def _edit_words(rng: random.Random, paragraphs: list[str], changes: int) -> list[str]:
    out = list(paragraphs)
    for _ in range(changes):
        i = rng.randrange(len(out))
        words = out[i].split(" ")
        hits = [k for k, w in enumerate(words) if w.lower().strip(".,") in SYNONYMS]
        if hits:
            k = rng.choice(hits)
            bare = words[k].lower().strip(".,")
            words[k] = words[k].replace(bare, SYNONYMS[bare]).replace(bare.capitalize(), SYNONYMS[bare].capitalize())
        else:
            k = rng.randrange(len(words))
            words.insert(k, rng.choice(["also", "reportedly", "now", "again"]))
        out[i] = " ".join(words)
    return out


def make_copy(rng: random.Random, variant: str, story: Story, kind: str) -> tuple[list[str], int]:
    """Paragraphs of one copy of ``story`` and its day offset."""
    v = VOCAB[variant]
    paragraphs = list(story.paragraphs)
    shift = rng.randint(0, 1)
    trim_range = (2, 4) if variant == "dev" else (2, 3)
    if kind == "wire":
        paragraphs[0] = _dateline(rng, v, story.day) + paragraphs[0]
        if rng.random() < 0.7:
            paragraphs.insert(0, f"By {rng.choice(v['first'])} {rng.choice(v['last'])}")
        paragraphs.append(f"\u00a9 {story.day.year} {rng.choice(v['agencies'])}. All rights reserved.")
        if rng.random() < 0.5:
            paragraphs.append(f"(Reporting by {rng.choice(v['first'])} {rng.choice(v['last'])}; Editing by {rng.choice(v['last'])})")
    elif kind == "trimmed":
        paragraphs = paragraphs[: rng.randint(*trim_range)]
    elif kind == "dropped" and len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    elif kind == "moved" and len(paragraphs) > 3:
        moved = paragraphs.pop(rng.randrange(1, len(paragraphs)))
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), moved)
    elif kind == "edited":
        paragraphs = _edit_words(rng, paragraphs, rng.randint(2, 5))
    elif kind == "mixed":
        if len(paragraphs) > 4:
            del paragraphs[rng.randrange(2, len(paragraphs))]
        paragraphs = _edit_words(rng, paragraphs, rng.randint(1, 3))
        paragraphs[0] = _dateline(rng, v, story.day) + paragraphs[0]
        paragraphs = paragraphs[: max(3, len(paragraphs) - rng.randint(0, 2))]
    elif kind == "verbatim":
        shift = rng.randint(1, 2)
    return paragraphs, shift


def build_corpus(root: Path, variant: str, events: int, seed: int) -> tuple[list[Copy], dict[str, Quote], list[Story]]:
    """Write the crawl under ``root``; return every file with its gold story, the quote pool and the stories."""
    rng = random.Random(seed)
    stories, pool = build_stories(rng, variant, events, date(2024, 3, 4), random.Random(f"happenings-{seed}"))
    outlets = VOCAB[variant]["outlets"]
    copies: list[Copy] = []
    for story in stories:
        kinds = ["original"] + rng.sample(COPY_KINDS[1:], rng.randint(1, 5))
        carriers = rng.sample(outlets, len(kinds)) if len(kinds) <= len(outlets) else [rng.choice(outlets) for _ in kinds]
        for number, (kind, outlet) in enumerate(zip(kinds, carriers, strict=True)):
            paragraphs, shift = (story.paragraphs, 0) if kind == "original" else make_copy(rng, variant, story, kind)
            day = story.day + timedelta(days=shift)
            stamp = datetime(day.year, day.month, day.day, 6 + number, rng.randint(0, 59), tzinfo=UTC).strftime("%Y%m%d-%H%M%S")
            text = f"date {day.isoformat()}\n" + "\n\n".join(paragraphs) + f"\n\n{stamp}\n"
            path = root / "crawl" / outlet / day.isoformat() / f"{story.story_id}-{number}-{kind}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            copies.append(Copy(story.story_id, kind, str(path), text))
    return copies, pool, stories


# --- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairScore:
    precision: float
    recall: float
    f1: float
    gold_pairs: int
    predicted_pairs: int


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(gold: list[str], predicted: list[str]) -> PairScore:
    """Pairwise precision/recall of a clustering against gold labels (one label per item each)."""
    both = sum(_pairs(c) for c in Counter(zip(gold, predicted, strict=True)).values())
    gold_pairs, predicted_pairs = sum(_pairs(c) for c in Counter(gold).values()), sum(_pairs(c) for c in Counter(predicted).values())
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(precision, recall, f1, gold_pairs, predicted_pairs)


def cross_story_recall(gold: list[str], predicted: list[str], stories: list[str]) -> tuple[float, int]:
    """Recall over gold-same pairs whose items sit in different gold stories."""
    hit = total = 0
    for i, j in combinations(range(len(gold)), 2):
        if gold[i] == gold[j] and stories[i] != stories[j]:
            total += 1
            hit += predicted[i] == predicted[j]
    return (hit / total if total else 1.0), total


def _gold_quote(content: str, pool: dict[str, Quote], candidates: list[str]) -> str | None:
    """The pool quote an extracted quote carries (most of its words inside it), or None."""
    from transforms.corpus.text import shingles, words

    mine = shingles(words(content), 3)
    if len(words(content)) < 5:
        return None
    best, score = None, 0.0
    for quote_id in candidates:
        theirs = shingles(words(pool[quote_id].text), 3)
        overlap = len(mine & theirs) / len(mine)
        if overlap > score:
            best, score = quote_id, overlap
    return best if score >= 0.6 else None


def _gold_happening(clause: str, trigger: str, candidates: list[tuple[str, str]]) -> str | None:
    """The happening an extracted event reports: the one sentence holding its trigger and most of its clause."""
    from transforms.corpus.text import words

    mine = set(words(clause))
    scores = []
    for hid, sentence in candidates:
        theirs = set(words(sentence))
        if mine and set(words(trigger)) <= theirs:
            scores.append((len(mine & theirs) / len(mine), hid))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < 0.8 or (len(scores) > 1 and scores[1][0] == scores[0][0] and scores[1][1] != scores[0][1]):
        return None
    return scores[0][1]


def false_merges(gold: list[str], predicted: list[str]) -> Counter:
    """Predicted-same pairs of different gold happenings, by how the two differ (their gold roles)."""
    found: Counter = Counter()
    for i, j in combinations(range(len(gold)), 2):
        if predicted[i] == predicted[j] and gold[i] != gold[j]:
            found[" / ".join(sorted(g.split("-", 1)[1] for g in (gold[i], gold[j])))] += 1
    return found


# --- running the pipeline --------------------------------------------------------------------


def run_pipeline(root: Path, workdir: Path) -> tuple[Path, float, float, float]:
    """Read, extract, stage and load the crawl; returns the database, extraction, load and clustering seconds."""
    from newsledger.model.pipeline import load_pipeline
    from newsledger.core.schemas import TABLES_BY_NAME
    from newsledger.core.settings import DEFAULT_MODEL
    from transforms.run.arrow import to_table
    from transforms.read.articles import ReadOptions, read_articles
    from transforms.extract import extract_articles
    from transforms.run.runs import RunCounts, run_row
    from transforms.read.sources import DEFAULT_SOURCE_PATTERN
    from transforms.run.tables import build_extracted_tables
    from warehouse import load, staging

    nlp = load_pipeline(DEFAULT_MODEL)
    now = datetime.now(UTC)
    options = ReadOptions("syndication-bench", 10**8, now, DEFAULT_SOURCE_PATTERN)
    articles = []
    for path in sorted((root / "crawl").rglob("*.txt")):
        articles += read_articles(path.read_bytes(), str(path.relative_to(root)), options).articles
    started = time.perf_counter()
    rows = [r for _, r in extract_articles(articles, nlp)]
    extract_seconds = time.perf_counter() - started
    staged = workdir / "staged"
    staging.write_batch(staged, 1, {"articles": to_table(articles, TABLES_BY_NAME["articles"].schema), "rejects": TABLES_BY_NAME["rejects"].schema.empty_table(),
                                    **build_extracted_tables(rows)})
    database = workdir / "bench.duckdb"
    started = time.perf_counter()
    summary = load.load_staged_run(database, staged, run_row("bench", now, now, RunCounts(), validation_passed=True, extractor_version="bench"))
    return database, extract_seconds, time.perf_counter() - started, summary.cluster_seconds


def evaluate(variant: str, events: int, seed: int, keep: Path | None = None) -> dict[str, object]:
    import duckdb

    workdir = Path(tempfile.mkdtemp(prefix=f"syndication-{variant}-"))
    try:
        copies, pool, stories = build_corpus(workdir, variant, events, seed)
        database, extract_seconds, load_seconds, cluster_seconds = run_pipeline(workdir, workdir)
        con = duckdb.connect(str(database), read_only=True)
        articles = con.execute("SELECT source_path, article_id, story_id, source FROM articles").fetchall()
        quotes = con.execute("SELECT q.article_id, q.content, q.quote_cluster_id, q.quote_type FROM quotes q").fetchall()
        event_rows = con.execute("SELECT article_id, text, trigger, event_cluster_id FROM events").fetchall()
        con.close()
        gold_of_path = {str(Path(c.path).relative_to(workdir)): c.story_id for c in copies}
        story_gold = {a: gold_of_path[p] for p, a, _, _ in articles}
        story_score = pairwise([story_gold[a] for _, a, _, _ in articles], [s for _, _, s, _ in articles])
        story_quotes = {s.story_id: [q for q, _ in s.quotes] for s in stories}
        gold_q, pred_q, story_q = [], [], []
        unmatched = 0
        for article_id, content, cluster, _ in quotes:
            story = story_gold[article_id]
            gold = _gold_quote(content, pool, story_quotes[story])
            if gold is None:
                unmatched += 1
                continue
            gold_q.append(gold)
            pred_q.append(cluster)
            story_q.append(story)
        quote_score = pairwise(gold_q, pred_q)
        cross, cross_pairs = cross_story_recall(gold_q, pred_q, story_q)
        story_happenings = {s.story_id: s.happenings for s in stories}
        gold_e, pred_e, story_e = [], [], []
        for article_id, clause, trigger, cluster in event_rows:
            story = story_gold[article_id]
            gold = _gold_happening(clause, trigger, story_happenings[story])
            if gold is not None:
                gold_e.append(gold)
                pred_e.append(cluster)
                story_e.append(story)
        event_score = pairwise(gold_e, pred_e)
        event_cross, event_cross_pairs = cross_story_recall(gold_e, pred_e, story_e)
        if keep is not None:
            shutil.copytree(workdir, keep / variant, dirs_exist_ok=True)
        return {
            "variant": variant, "seed": seed, "files": len(copies), "gold_stories": len(stories), "predicted_stories": len({s for _, _, s, _ in articles}),
            "sources": len({s for *_, s in articles if s}), "stories": story_score, "quotes": quote_score, "cross_story_recall": cross,
            "cross_story_pairs": cross_pairs, "quotes_scored": len(gold_q), "quotes_unscored": unmatched,
            "events": event_score, "event_cross_story_recall": event_cross, "event_cross_story_pairs": event_cross_pairs,
            "events_scored": len(gold_e), "events_unscored": len(event_rows) - len(gold_e), "event_false_merges": false_merges(gold_e, pred_e),
            "happenings": len({g for g in gold_e}),
            "extract_seconds": extract_seconds, "load_seconds": load_seconds, "cluster_seconds": cluster_seconds,
            "kinds": Counter(c.kind for c in copies),
        }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _print(result: dict[str, object]) -> None:
    s, q = result["stories"], result["quotes"]
    print(f"== {result['variant']} (seed {result['seed']}): {result['files']} files, {result['gold_stories']} gold stories, "
          f"{result['predicted_stories']} predicted, {result['sources']} sources; copies {dict(result['kinds'])}")
    print(f"stories        P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (gold pairs {s.gold_pairs}, predicted {s.predicted_pairs})")
    print(f"quote clusters P {q.precision:.3f}  R {q.recall:.3f}  F1 {q.f1:.3f}  (gold pairs {q.gold_pairs}, predicted {q.predicted_pairs}; "
          f"{result['quotes_scored']} quotes scored, {result['quotes_unscored']} not from the gold pool)")
    print(f"quote pairs in different stories: recall {result['cross_story_recall']:.3f} ({result['cross_story_pairs']} pairs)")
    e = result["events"]
    print(f"event clusters P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}  (gold pairs {e.gold_pairs}, predicted {e.predicted_pairs}; "
          f"{result['events_scored']} mentions of {result['happenings']} gold happenings scored, {result['events_unscored']} other events)")
    print(f"event pairs in different stories: recall {result['event_cross_story_recall']:.3f} ({result['event_cross_story_pairs']} pairs); "
          f"false merges by kind: {dict(result['event_false_merges']) or 'none'}")
    share = result["cluster_seconds"] / result["extract_seconds"] if result["extract_seconds"] else 0.0
    print(f"time: extraction {result['extract_seconds']:.1f} s, load {result['load_seconds']:.2f} s of which clustering "
          f"{result['cluster_seconds']:.2f} s = {share:.1%} of extraction (one process; bench.clustering_cost measures real runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", choices=("dev", "heldout", "both"), default="both")
    parser.add_argument("--events", type=int, default=12)
    parser.add_argument("--seed", type=int, default=None, help="default: 7 for dev, 20240311 for heldout")
    parser.add_argument("--keep", type=Path, default=None, help="copy the generated crawl and database here")
    args = parser.parse_args()
    for variant in ("dev", "heldout") if args.variant == "both" else (args.variant,):
        seed = args.seed if args.seed is not None else (7 if variant == "dev" else 20240311)
        _print(evaluate(variant, args.events, seed, args.keep))


if __name__ == "__main__":
    main()
