"""Generate a synthetic news corpus from invented text, laid out by day, in the raw format.

    python -m bench.generate_corpus OUT_DIR --articles 1000 --words 600 --seed 7

Every name, place and quote is invented from the word lists below; the articles exercise what
the extractors look for (titled names, quotes in several shapes, dates of several kinds).
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

FIRST = "Elena Tomas Priya Samuel Mei Laura Jonas Amara Dmitri Ines Kofi Hana Mateo Sofia Ravi Lena Omar Greta Yusuf Clara".split()
LAST = "Varga Ibarra Raman Okafor Lin Chen Berg Nwosu Petrov Alves Mensah Sato Ruiz Costa Iyer Falk Haddad Lund Demir Moreau".split()
TITLES = ["Mayor", "Health Minister", "Finance Minister", "Police Chief", "Council Leader", "Transport Secretary", "Harbour Director", "Chief Economist"]
PLACES = "Northfield Westbrook Riverside Eastport Millbrook Southgate Lakemont Highcliff Brightwater Oakridge".split()
ORGS = ["City Council", "Port Authority", "Transport Ministry", "Chamber of Commerce", "Teachers Union", "Water Board", "Health Ministry", "Rail Company"]
TOPICS = [
    ("the new ferry terminal", "rebuild", "the terminal"),
    ("the school bus routes", "extend", "the routes"),
    ("the flood defences", "strengthen", "the defences"),
    ("the night tram service", "restore", "the service"),
    ("the public library", "renovate", "the library"),
    ("the harbour bridge", "repair", "the bridge"),
]
VERBS = ["said", "told reporters", "added", "warned", "noted"]
WHEN = ["on Monday", "on Tuesday", "last week", "earlier this month", "in March 2021", "two years ago", "yesterday", "next month", "this year", "recently"]
FILLER = [
    "Residents have followed the debate closely, and several public meetings were held across {place}.",
    "The plan has been discussed for years, and officials said the budget would be reviewed {when}.",
    "Local businesses said the decision would affect trade in the centre of {place} for the next few years.",
    "Critics argued that the costs had been underestimated and that the timetable was too ambitious.",
    "The {org} published its own figures, which showed a steady rise in demand since the 1990s.",
    "A two-day consultation will open {when}, and written comments can be sent to the {org}.",
]


def _person(rng: random.Random) -> tuple[str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last, rng.choice(TITLES)


def _paragraph(rng: random.Random, place: str) -> str:
    name, surname, title = _person(rng)
    topic, verb, short = rng.choice(TOPICS)
    org, when = rng.choice(ORGS), rng.choice(WHEN)
    shapes = [
        f"{place} {title} {name} announced {when} that the city would {verb} {topic}.",
        f"“We have waited far too long for {short},” {surname} {rng.choice(VERBS)}. “The money is finally in place.”",
        f"{name} said the {org} would {verb} {topic} before the winter.",
        f"According to the {org}, {topic} will cost about {rng.randint(2, 90)} million euros.",
        f"“Nobody expected this to be easy,” said {title} {name}, who met residents {when}.",
        f"The {org} said it would {verb} {topic} {when}, a decision {surname} described as “long overdue”.",
        rng.choice(FILLER).format(place=place, org=org, when=when),
    ]
    return " ".join(rng.sample(shapes, k=3))


def render_article(rng: random.Random, published: date, words: int) -> str:
    """One invented article in the raw format, about ``words`` words long."""
    place = rng.choice(PLACES)
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(_paragraph(rng, place))
    stamp = f"{published:%Y%m%d}-{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
    return f"date {published.isoformat()}\n" + "\n\n".join(paragraphs) + f"\n\n{stamp}\n"


def generate(out_dir: Path, articles: int, words: int = 600, seed: int = 7, start: date = date(2024, 1, 1), per_day: int = 100) -> list[Path]:
    """Write ``articles`` invented articles under ``out_dir/YYYY-MM-DD/``; returns their paths."""
    rng = random.Random(seed)
    paths = []
    for index in range(articles):
        published = start + timedelta(days=index // per_day)
        path = out_dir / published.isoformat() / f"article_{index:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_article(rng, published, words), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out_dir, args.articles, args.words, args.seed)
    print(f"wrote {len(paths)} articles under {args.out_dir}")


if __name__ == "__main__":
    main()
