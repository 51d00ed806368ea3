"""Law enforcement agencies and the lighter organisation records that receive grants.

An :class:`Agency` is a law enforcement agency: the applicant for Collaborative Reform
technical assistance and for most COPS grants. An :class:`Organization` is any other
recipient known only by name, UEI and state, as in a USAspending award row (a city, a
school district, a tribe), with the kind of applicant it is when that is known.

Sources:
    * Agency types: the FBI Crime Data Explorer's ``agency_type_name`` values (2018 agency
      list, ``fbi-cde/crime-data-frontend``; 23,243 agencies, nine values).
    * Jurisdictions: COPS programs serve "state, local, territorial, and Tribal" agencies
      (2024 Boston release); federal agencies are represented so that data about them can
      be held, and are not eligible applicants.
    * ORI prefixes: the FBI's 2018 list, where every ORI but two test agencies and one
      typo starts with its state's NCIC code (``NB`` for Nebraska, ``GM`` for Guam).

Examples:
    >>> from copsreform import Agency, AgencyType, Jurisdiction
    >>> bpd = Agency(name="  Boston  Police Department ", state="ma", ori="ma0130100",
    ...              jurisdiction=Jurisdiction.LOCAL, agency_type=AgencyType.CITY)
    >>> bpd.name, bpd.state, bpd.ori
    ('Boston Police Department', 'MA', 'MA0130100')
"""

import enum
from typing import Any

import attrs

from copsreform import _fields as f
from copsreform.constraints import NOT_A_STATE
from copsreform.errors import Problem, ValidationError
from copsreform.identifiers import ori as _ori
from copsreform.identifiers import uei as _uei
from copsreform.states import STATES, TERRITORIES

__all__ = ["Agency", "AgencyType", "Jurisdiction", "Organization", "OrganizationKind", "Recipient"]


class Jurisdiction(enum.Enum):
    """The level of government an agency belongs to.

    COPS programs serve state, local, territorial and Tribal agencies. ``FEDERAL`` exists
    so that data about federal agencies (the FBI list has some) can be represented.

    Examples:
        >>> from copsreform import Jurisdiction
        >>> [j.value for j in Jurisdiction]
        ['state', 'local', 'territorial', 'tribal', 'federal']
    """

    STATE = "state"
    LOCAL = "local"
    TERRITORIAL = "territorial"
    TRIBAL = "tribal"
    FEDERAL = "federal"


class AgencyType(enum.Enum):
    """The FBI Uniform Crime Reporting agency type (``agency_type_name`` in the CDE).

    Examples:
        >>> from copsreform import AgencyType
        >>> AgencyType.from_ucr("University or College")
        <AgencyType.UNIVERSITY_OR_COLLEGE: 'university_or_college'>
        >>> AgencyType.UNIVERSITY_OR_COLLEGE.ucr_name
        'University or College'
    """

    CITY = "city"
    COUNTY = "county"
    STATE_POLICE = "state_police"
    OTHER_STATE_AGENCY = "other_state_agency"
    TRIBAL = "tribal"
    UNIVERSITY_OR_COLLEGE = "university_or_college"
    FEDERAL = "federal"
    OTHER = "other"
    UNKNOWN = "unknown"

    @property
    def ucr_name(self) -> str:
        """The name the FBI's data uses for this type."""
        return _UCR_NAMES[self]

    @classmethod
    def from_ucr(cls, name: str) -> "AgencyType":
        """Return the type whose FBI name is ``name`` (case and spacing do not matter).

        Args:
            name: An FBI ``agency_type_name`` such as ``"Other State Agency"``.

        Returns:
            The matching member.

        Raises:
            ValidationError: If ``name`` is not one of the nine FBI names.

        Examples:
            >>> from copsreform import AgencyType
            >>> AgencyType.from_ucr("other state agency")
            <AgencyType.OTHER_STATE_AGENCY: 'other_state_agency'>
            >>> AgencyType.from_ucr("Sheriff")
            Traceback (most recent call last):
            ...
            copsreform.errors.ValidationError: 'agency_type' must be an FBI agency type (one of 'City', 'County', 'State Police', 'Other State Agency', 'Tribal', 'University or College', 'Federal', 'Other', 'Unknown') (got 'Sheriff')
        """
        key = " ".join(name.split()).casefold() if isinstance(name, str) else None
        found = _BY_UCR_NAME.get(key) if key is not None else None
        if found is None:
            allowed = ", ".join(repr(n) for n in _UCR_NAMES.values())
            raise ValidationError.single(
                f"must be an FBI agency type (one of {allowed})", name, root="agency_type"
            )
        return found


_UCR_NAMES = {
    AgencyType.CITY: "City",
    AgencyType.COUNTY: "County",
    AgencyType.STATE_POLICE: "State Police",
    AgencyType.OTHER_STATE_AGENCY: "Other State Agency",
    AgencyType.TRIBAL: "Tribal",
    AgencyType.UNIVERSITY_OR_COLLEGE: "University or College",
    AgencyType.FEDERAL: "Federal",
    AgencyType.OTHER: "Other",
    AgencyType.UNKNOWN: "Unknown",
}
_BY_UCR_NAME = {name.casefold(): member for member, name in _UCR_NAMES.items()}


def _state(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, str):
        f.fail(instance, attribute, "must be a string", value)
    elif value not in STATES:
        f.fail(instance, attribute, NOT_A_STATE, value)


#: The NCIC code that starts the ORIs of each state (``NE``: ``NB``).
_NCIC_PREFIXES = {state: _ori.ncic_prefix(state) for state in STATES}
_TRIBAL, _FEDERAL = AgencyType.TRIBAL, AgencyType.FEDERAL
_TERRITORIAL = Jurisdiction.TERRITORIAL


@f.every_problem
@attrs.frozen
class Agency:
    """A law enforcement agency.

    Args:
        name: The agency's name; white space is folded (the FBI's data has trailing and
            double spaces).
        state: USPS code of the state, DC or territory (``"MA"``); upper-cased.
        jurisdiction: The level of government.
        agency_type: The FBI UCR agency type.
        ori: The FBI's 9-character Originating Agency Identifier, if known. A 7-character
            COPS ORI is refused: it is a prefix that several agencies share.
        uei: The SAM.gov Unique Entity ID, if known.
        county: The county or counties, as the source writes them.
        population: Population served, if known.
        sworn_officers: Number of sworn officers, if known.
        primary_law_enforcement_authority: Whether the agency has primary law enforcement
            authority for the population it serves; ``None`` when unknown (a legitimate
            value: eligibility rules that need it answer "undetermined").

    Raises:
        ValidationError: If a field is refused, naming ``Agency.<field>``. Cross-field
            checks: the ORI must start with the state's NCIC code; an agency of FBI type
            Tribal must be of Tribal jurisdiction and one of type Federal of federal
            jurisdiction; a territorial agency must be in a territory.

    Examples:
        >>> from copsreform import Agency, AgencyType, Jurisdiction
        >>> Agency(name="Omaha Police Department", state="NE", ori="NB0280200",
        ...        jurisdiction=Jurisdiction.LOCAL, agency_type=AgencyType.CITY).ori
        'NB0280200'
        >>> Agency(name="Boston Police Department", state="MA", ori="MA01301",
        ...        jurisdiction=Jurisdiction.LOCAL, agency_type=AgencyType.CITY)
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: 'Agency.ori' is a 7-character COPS ORI; give the FBI's 9-character ORI (got 'MA01301')
    """

    name: str = attrs.field(converter=f.fold_spaces, validator=f.name)
    state: str = attrs.field(converter=f.upper, validator=_state)
    jurisdiction: Jurisdiction = attrs.field(validator=f.member_of(Jurisdiction))
    agency_type: AgencyType = attrs.field(validator=f.member_of(AgencyType))
    ori: str | None = attrs.field(
        default=None,
        converter=f.ori_form,
        validator=f.optional(f.identifier(_ori.validate)),
    )
    uei: str | None = attrs.field(
        default=None,
        converter=f.uei_form,
        validator=f.optional(f.identifier(_uei.validate)),
    )
    county: str | None = attrs.field(
        default=None, converter=f.fold_spaces_or_none, validator=f.optional(f.name)
    )
    population: int | None = attrs.field(default=None, validator=f.optional(f.count))
    sworn_officers: int | None = attrs.field(default=None, validator=f.optional(f.count))
    primary_law_enforcement_authority: bool | None = attrs.field(
        default=None, validator=f.optional(f.boolean)
    )

    def __attrs_post_init__(self) -> None:
        # The common case first, in identity tests and one lookup: no problem to report.
        # (Module constants: an enum class's attribute lookup runs in Python.)
        kind, ori = self.agency_type, self.ori
        if (
            (ori is None or ori[:2] == _NCIC_PREFIXES.get(self.state))
            and kind is not _TRIBAL
            and kind is not _FEDERAL
            and self.jurisdiction is not _TERRITORIAL
        ):
            return
        problems: list[Problem] = []
        if self.ori is not None and self.ori[:2] != (expected := _ori.ncic_prefix(self.state)):
            problems.append(
                Problem(
                    f"must start with {expected!r}, the NCIC code of state {self.state!r}",
                    self.ori,
                    ("ori",),
                    "Agency",
                )
            )
        # Identity tests, not a dict lookup: Enum.__hash__ runs in Python, and this check
        # runs for every agency an importer builds.
        kind = self.agency_type
        implied = (
            Jurisdiction.TRIBAL
            if kind is AgencyType.TRIBAL
            else Jurisdiction.FEDERAL
            if kind is AgencyType.FEDERAL
            else None
        )
        if implied is not None and self.jurisdiction is not implied:
            problems.append(
                Problem(
                    f"must be {implied.value!r} for an agency of FBI type "
                    f"{self.agency_type.ucr_name!r}",
                    self.jurisdiction.value,
                    ("jurisdiction",),
                    "Agency",
                )
            )
        elif self.jurisdiction is Jurisdiction.TERRITORIAL and self.state not in TERRITORIES:
            problems.append(
                Problem(
                    "must not be 'territorial' outside the five U.S. territories",
                    self.jurisdiction.value,
                    ("jurisdiction",),
                    "Agency",
                )
            )
        if problems:
            raise ValidationError(problems)

    @property
    def is_campus(self) -> bool:
        """Whether the agency is a campus agency (FBI type University or College)."""
        return self.agency_type is AgencyType.UNIVERSITY_OR_COLLEGE

    def __str__(self) -> str:
        """The agency in one line: its name, state and ORI when known.

        Examples:
            >>> import copsreform as cr
            >>> print(cr.Agency(name="Boston Police Department", state="MA", ori="MA0130100",
            ...                 jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY))
            Boston Police Department (MA, ORI MA0130100)
        """
        where = self.state if self.ori is None else f"{self.state}, ORI {self.ori}"
        return f"{self.name} ({where})"


class OrganizationKind(enum.Enum):
    """The kind of applicant an organisation is, in the terms COPS solicitations use.

    Examples:
        >>> from copsreform import OrganizationKind
        >>> OrganizationKind("school_district").value
        'school_district'
    """

    STATE_GOVERNMENT = "state_government"
    #: A unit of local government: a city, township or county.
    LOCAL_GOVERNMENT = "local_government"
    #: A federally recognised tribe (including Alaska Native villages).
    TRIBAL_GOVERNMENT = "tribal_government"
    TRIBAL_CONSORTIUM = "tribal_consortium"
    TERRITORIAL_GOVERNMENT = "territorial_government"
    SCHOOL_DISTRICT = "school_district"
    #: Another public agency of a state, local or tribal government.
    PUBLIC_AGENCY = "public_agency"
    #: An individual school that does not operate as a district (public or private).
    SCHOOL = "school"
    INSTITUTION_OF_HIGHER_EDUCATION = "institution_of_higher_education"
    NONPROFIT = "nonprofit"
    FOR_PROFIT = "for_profit"
    UNKNOWN = "unknown"


@f.every_problem
@attrs.frozen
class Organization:
    """A grant recipient known only by name, and perhaps UEI, state and kind.

    USAspending award rows name the recipient ("CITY OF FEDERAL WAY") but carry no ORI, so
    such a recipient is an organisation, not an :class:`Agency`.

    Args:
        name: The recipient's name, white space folded.
        state: USPS code, if known.
        uei: SAM.gov Unique Entity ID, if known.
        kind: The kind of applicant, ``UNKNOWN`` unless a source says.

    Raises:
        ValidationError: If a field is refused, naming ``Organization.<field>``.

    Examples:
        >>> from copsreform import Organization
        >>> Organization(name="CITY OF FEDERAL WAY", state="WA").kind
        <OrganizationKind.UNKNOWN: 'unknown'>
    """

    name: str = attrs.field(converter=f.fold_spaces, validator=f.name)
    state: str | None = attrs.field(
        default=None, converter=f.upper_or_none, validator=f.optional(_state)
    )
    uei: str | None = attrs.field(
        default=None,
        converter=f.uei_form,
        validator=f.optional(f.identifier(_uei.validate)),
    )
    kind: OrganizationKind = attrs.field(
        default=OrganizationKind.UNKNOWN, validator=f.member_of(OrganizationKind)
    )

    def __str__(self) -> str:
        """The organisation in one line: its name, and its state when known.

        Examples:
            >>> import copsreform as cr
            >>> print(cr.Organization(name="CITY OF FEDERAL WAY", state="WA"))
            CITY OF FEDERAL WAY (WA)
        """
        return self.name if self.state is None else f"{self.name} ({self.state})"


#: What a grant can be awarded to.
Recipient = Agency | Organization
