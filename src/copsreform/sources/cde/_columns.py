"""Which source column holds each value of an Agency: the one table of aliases."""

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

__all__ = ["COLUMN_ALIASES", "NULLS", "Columns"]

# Public as the package's COLUMN_ALIASES, and documented there.
COLUMN_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "ori": ("ori",),
        "name": ("pub_agency_name", "agency_name", "pug_agency_name"),
        "unit": ("pub_agency_unit",),
        "state": ("state_abbr", "state_postal_abbr", "state_key"),
        "agency_type": ("agency_type_name", "agency_type"),
        "county": ("county_name", "counties", "primary_county", "county"),
        "population": ("population",),
        "sworn_officers": ("total_officers",),
        "male_officers": ("male_officer",),
        "female_officers": ("female_officer",),
    }
)

NULLS: Final = frozenset({"NA"})


@attrs.frozen
class Columns:
    """Which source column (or JSON key) holds each value, found in one header."""

    ori: tuple[str, ...]
    name: tuple[str, ...]
    unit: tuple[str, ...]
    state: tuple[str, ...]
    agency_type: tuple[str, ...]
    county: tuple[str, ...]
    population: tuple[str, ...]
    sworn_officers: tuple[str, ...]
    male_officers: tuple[str, ...]
    female_officers: tuple[str, ...]
    unkept: tuple[str, ...]
    nulls: frozenset[str] = frozenset()
    #: Model field to the source column a problem with it should name.
    sources: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def find(cls, header: Iterable[str], nulls: frozenset[str] = frozenset()) -> "Columns":
        names = list(dict.fromkeys(header))
        by_folded: dict[str, list[str]] = {}
        for name in names:
            by_folded.setdefault(name.strip().casefold(), []).append(name)
        found: dict[str, tuple[str, ...]] = {}
        used: set[str] = set()
        for role, aliases in COLUMN_ALIASES.items():
            # The first column of each alias, in the alias order; a later column of the
            # same name (a duplicated header) is not read.
            columns = tuple(by_folded[a][0] for a in aliases if a in by_folded)
            found[role] = columns
            used.update(columns)
        unkept = tuple(n for n in names if n not in used)
        return cls(**found, unkept=unkept, nulls=nulls, sources=_sources(found))


def _sources(found: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Model field to the source column a problem with it should name."""

    def first(*roles: str, default: str) -> str:
        return next((found[r][0] for r in roles if found[r]), default)

    return {
        "name": first("name", default="agency_name"),
        "state": first("state", "ori", default="state_abbr"),
        "ori": first("ori", default="ori"),
        "agency_type": first("agency_type", default="agency_type_name"),
        "jurisdiction": first("agency_type", "state", default="agency_type_name"),
        "county": first("county", default="county"),
        "population": first("population", default="population"),
        "sworn_officers": first("sworn_officers", "male_officers", default="total_officers"),
    }
