"""State codes as the FBI writes them: NCIC codes and the federal pseudo-state."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["FEDERAL_STATE", "NCIC_STATE_CODES", "usps_state"]

# Public as the package's NCIC_STATE_CODES, and documented there.
NCIC_STATE_CODES: Final[Mapping[str, str]] = MappingProxyType({"NB": "NE", "GM": "GU"})

# Public as the package's FEDERAL_STATE, and documented there.
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
        >>> from copsreform.sources.cde import usps_state
        >>> usps_state("NB"), usps_state("gm"), usps_state("WA")
        ('NE', 'GU', 'WA')
    """
    upper = code.strip().upper()
    return NCIC_STATE_CODES.get(upper, upper)
