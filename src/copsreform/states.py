"""U.S. states, the District of Columbia and the five inhabited territories.

Agencies carry a USPS two-letter code. The set is the 50 states, the District of
Columbia and the five inhabited U.S. territories (Puerto Rico, Guam, the U.S. Virgin
Islands, American Samoa and the Northern Mariana Islands), which is the Title 34
definition of "State" (34 U.S.C. 12271(d)) that COPS programs use. The Panama Canal
Zone (``CZ``), still a key in the FBI's 2018 agency list, is not a U.S. territory and is
not accepted.

Examples:
    >>> from copsreform.states import STATES, is_territory
    >>> STATES["MA"]
    'Massachusetts'
    >>> is_territory("GU"), is_territory("MA")
    (True, False)
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["STATES", "TERRITORIES", "is_territory"]

#: USPS code to name, for the 50 states, DC and the five inhabited territories.
STATES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas",
        "CA": "California", "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware",
        "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii",
        "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
        "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
        "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
        "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
        "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
        "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
        "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
        "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
        "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
        "WI": "Wisconsin", "WY": "Wyoming",
        "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
        "AS": "American Samoa", "MP": "Northern Mariana Islands",
    }
)  # fmt: skip

#: The five inhabited U.S. territories.
TERRITORIES: Final = frozenset({"PR", "GU", "VI", "AS", "MP"})


def is_territory(code: str) -> bool:
    """Tell whether a USPS code names one of the five inhabited U.S. territories.

    Args:
        code: A USPS two-letter code.

    Returns:
        ``True`` for PR, GU, VI, AS and MP.

    Examples:
        >>> from copsreform.states import is_territory
        >>> is_territory("PR")
        True
    """
    return code in TERRITORIES
