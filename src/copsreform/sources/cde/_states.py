"""State codes as the FBI writes them: NCIC codes and the federal pseudo-state."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["FEDERAL_STATE", "NCIC_STATE_CODES", "usps_state"]

#: NCIC state codes that the FBI writes in a state column and that differ from the USPS
#: code of the same state or territory. Source: the FBI Crime Data Explorer's own
#: front end, fbi-cde/crime-data-frontend issue 806 (2017): "The two entities where ORIs
#: are not prefixed by the respective postal abbreviation are: Nebraska NE NB, Guam GU
#: GM" [verified in the FBI's 2018 list: 338 of 338 Nebraska ORIs start ``NB``]. Every
#: other state code in the FBI's agency tables is the USPS code.
NCIC_STATE_CODES: Final[Mapping[str, str]] = MappingProxyType({"NB": "NE", "GM": "GU"})

#: The FBI's pseudo-state of federal agencies in its hate-crime and some NIBRS tables.
FEDERAL_STATE: Final = "FS"


def usps_state(code: str) -> str:
    """Return the USPS code for a state code as the FBI writes it (``NB`` gives ``NE``).

    NCIC codes that differ from USPS codes (:data:`NCIC_STATE_CODES`) are translated;
    anything else is upper-cased and returned for the model to check.

    Args:
        code: A state code from an FBI table.

    Returns:
        The USPS code.

    Examples:
        >>> usps_state("NB"), usps_state("gm"), usps_state("WA")
        ('NE', 'GU', 'WA')
    """
    upper = code.strip().upper()
    return NCIC_STATE_CODES.get(upper, upper)
