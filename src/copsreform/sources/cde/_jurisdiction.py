"""An agency's level of government, which no FBI list gives: :func:`infer_jurisdiction`."""

import re
from typing import Final

from copsreform.agency import AgencyType, Jurisdiction
from copsreform.states import TERRITORIES

__all__ = ["infer_jurisdiction"]

# Only consulted when the FBI type says little (Unknown, Other, or none). Names are
# matched as whole words, case ignored.
_TRIBAL_NAME: Final = re.compile(
    r"\b(?:tribal|tribes?|pueblo of|rancheria|indian community|band of)\b", re.IGNORECASE
)
# National Park Service and Forest Service units: 234 of the 2018 list's "Unknown" and
# "Other" agencies (Zion National Park, Gettysburg National Military Park, ...). Not
# "National" alone: "Maryland-National Capital Park Police" is a bi-county agency and
# "Reagan National Airport" an airport authority.
_FEDERAL_NAME: Final = re.compile(
    r"\bnational (?:park|monument|historic(?:al)? (?:site|park|place)|"
    r"recreation(?:al)? area|seashore|lakeshore|memorial|military park|battlefield|"
    r"forest|scenic (?:trail|riverway)|wildlife refuge|preserve)\b",
    re.IGNORECASE,
)
#: Either kind of name: tribal ones are told first (see infer_jurisdiction).
_TELLING_NAME: Final = re.compile(
    f"(?P<tribal>{_TRIBAL_NAME.pattern})|(?P<federal>{_FEDERAL_NAME.pattern})", re.IGNORECASE
)

_TRIBAL, _FEDERAL = AgencyType.TRIBAL, AgencyType.FEDERAL
_UNKNOWN, _OTHER = AgencyType.UNKNOWN, AgencyType.OTHER
_STATE_POLICE, _OTHER_STATE_AGENCY = AgencyType.STATE_POLICE, AgencyType.OTHER_STATE_AGENCY
_TRIBAL_JURISDICTION, _FEDERAL_JURISDICTION = Jurisdiction.TRIBAL, Jurisdiction.FEDERAL
_TERRITORIAL, _STATE, _LOCAL = Jurisdiction.TERRITORIAL, Jurisdiction.STATE, Jurisdiction.LOCAL


def infer_jurisdiction(
    agency_type: AgencyType, name: str | None = None, state: str | None = None
) -> Jurisdiction:
    """Infer an agency's level of government from its FBI type, name and state.

    No FBI list gives the jurisdiction, so it is **inferred**, by the first rule that
    applies:

    1. FBI type Tribal: tribal. FBI type Federal: federal. (The model requires both.)
    2. FBI type Unknown, Other or none, and a name that says so: tribal for "Tribal",
       "Tribe(s)", "Pueblo of", "Rancheria", "Indian Community", "Band of"; federal for a
       National Park Service or Forest Service unit ("... National Park", "National
       Monument", "National Historic Site", "National Recreation Area", ...). The type is
       trusted over the name otherwise: "Pueblo Police Department" (City) stays local.
    3. A U.S. territory (PR, GU, VI, AS, MP): territorial.
    4. FBI type State Police or Other State Agency: state.
    5. Anything else (City, County, University or College, Other, Unknown): local. This
       is the weakest rule: a state university's police or a port authority is filed as
       local, because the FBI list does not say otherwise.

    Args:
        agency_type: The FBI agency type.
        name: The agency's name, if known.
        state: The USPS code of its state or territory, if known.

    Returns:
        The inferred jurisdiction.

    Examples:
        >>> from copsreform import AgencyType
        >>> from copsreform.sources.cde import infer_jurisdiction
        >>> infer_jurisdiction(AgencyType.STATE_POLICE, "Washington State Patrol", "WA").value
        'state'
        >>> infer_jurisdiction(AgencyType.OTHER, "Guam", "GU").value
        'territorial'
        >>> infer_jurisdiction(AgencyType.UNKNOWN, "Muckleshoot Tribal", "WA").value
        'tribal'
        >>> infer_jurisdiction(AgencyType.UNKNOWN, "Zion National Park", "UT").value
        'federal'
        >>> infer_jurisdiction(AgencyType.CITY, "Pueblo Police Department", "CO").value
        'local'
    """
    # Identity tests against module constants, not set membership or class attributes:
    # Enum.__hash__ and an enum class's attribute lookup run in Python, and this runs
    # for every agency an importer reads.
    if agency_type is _TRIBAL:
        return _TRIBAL_JURISDICTION
    if agency_type is _FEDERAL:
        return _FEDERAL_JURISDICTION
    if (agency_type is _UNKNOWN or agency_type is _OTHER) and isinstance(name, str):
        found = _TELLING_NAME.search(name)  # one search for the common name that tells nothing
        if found is not None:
            tribal = found.lastgroup == "tribal" or _TRIBAL_NAME.search(name)
            return _TRIBAL_JURISDICTION if tribal else _FEDERAL_JURISDICTION
    if state in TERRITORIES:
        return _TERRITORIAL
    if agency_type is _STATE_POLICE or agency_type is _OTHER_STATE_AGENCY:
        return _STATE
    return _LOCAL
