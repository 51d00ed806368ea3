"""Name forms: how a recipient's or an agency's name reduces to the key the linker compares.

Names are compared in upper case, apostrophes dropped (``S'KLALLAM`` and ``SKLALLAM`` are
one word), other punctuation turned into spaces, and a few abbreviations written out
(``PD``, ``SO``, ``DEPT``, ``MT``, ``FT``, ``ST``, ``TWP``). Keys are compared without
spaces, so that ``SEA TAC`` and ``SEATAC`` are one place.

Examples:
    >>> from copsreform.linking._names import words, parse_recipient
    >>> words("Port Gamble S'Klallam Tribal")
    ('PORT', 'GAMBLE', 'SKLALLAM', 'TRIBAL')
    >>> form = parse_recipient("SPOKANE, CITY OF", "WA")
    >>> form.group, form.keys
    (<Group.CITY: 'city'>, (('SPOKANE',), ('SPOKANE', 'CITY')))
"""

import enum
import re
from typing import Final

import attrs

from copsreform.states import STATES

__all__ = [
    "Group",
    "RecipientForm",
    "agency_key",
    "campus_full_key",
    "compact",
    "is_school_agency",
    "parse_recipient",
    "school_core",
    "tribal_core",
    "unprefixed",
    "words",
]

_APOSTROPHES: Final = re.compile(r"['\u2019`]")
_NON_WORD: Final = re.compile(r"[^A-Z0-9]+")
# Words run together ("IndependentSchoolDistrict:Houston" in the FBI's Texas list); a
# short lower-case run before a capital is part of one word ("McCleary", "DuPont").
_CAMEL: Final = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")

#: Abbreviations written out before comparing (both sides).
ABBREVIATIONS: Final[dict[str, tuple[str, ...]]] = {
    "PD": ("POLICE", "DEPARTMENT"),
    "SO": ("SHERIFFS", "OFFICE"),
    "DEPT": ("DEPARTMENT",),
    "DPS": ("DEPARTMENT", "OF", "PUBLIC", "SAFETY"),
    "MT": ("MOUNT",),
    "FT": ("FORT",),
    "ST": ("SAINT",),
    "TWP": ("TOWNSHIP",),
    "CNTY": ("COUNTY",),
    "UNIV": ("UNIVERSITY",),
    "DIST": ("DISTRICT",),
    "SCH": ("SCHOOL",),
    "ISD": ("INDEPENDENT", "SCHOOL", "DISTRICT"),
    "USD": ("UNIFIED", "SCHOOL", "DISTRICT"),
}


def words(name: str) -> tuple[str, ...]:
    """Return the words of ``name`` as compared: upper case, punctuation out, abbreviations in.

    Examples:
        >>> from copsreform.linking._names import words
        >>> words("IndependentSchoolDistrict:Houston")
        ('INDEPENDENT', 'SCHOOL', 'DISTRICT', 'HOUSTON')
        >>> words("Sedro-Woolley PD")
        ('SEDRO', 'WOOLLEY', 'POLICE', 'DEPARTMENT')
        >>> words("COUNTY OF, SKAMANIA")
        ('COUNTY', 'OF', 'SKAMANIA')
    """
    text = _APOSTROPHES.sub("", _CAMEL.sub(" ", name).upper().replace("&", " AND "))
    out: list[str] = []
    for word in _NON_WORD.sub(" ", text).split():
        out.extend(ABBREVIATIONS.get(word, (word,)))
    return tuple(out)


def compact(tokens: tuple[str, ...]) -> str:
    """Return the words joined without spaces: the form exact comparisons use.

    Examples:
        >>> from copsreform.linking._names import compact
        >>> compact(("SEA", "TAC"))
        'SEATAC'
    """
    return "".join(tokens)


class Group(enum.Enum):
    """The set of FBI agencies a recipient's name is compared with, and how."""

    #: Agencies of FBI type City, keyed by place ("Federal Way Police Department": FEDERAL WAY).
    CITY = "city"
    #: Agencies of FBI type County, keyed by county ("Skagit County Sheriff's Office": SKAGIT).
    COUNTY = "county"
    #: Agencies of FBI type Tribal, keyed by the distinctive words of the name.
    TRIBAL = "tribal"
    #: Agencies of FBI types State Police and Other State Agency, keyed by full name.
    STATE = "state"
    #: Agencies of FBI type University or College, keyed by the name before a campus.
    CAMPUS = "campus"
    #: Agencies whose name says they are a school's or district's, keyed by distinctive words.
    SCHOOL = "school"
    #: Every agency of the state, keyed by full name (a recipient that names an agency).
    ANY = "any"


_PLACE_PREFIXES: Final = frozenset(
    {"CITY", "TOWN", "VILLAGE", "TOWNSHIP", "BOROUGH", "MUNICIPALITY"}
)
_CITY_SUFFIX_WORDS: Final = frozenset(
    {"POLICE", "DEPARTMENT", "OF", "PUBLIC", "SAFETY", "MARSHAL", "MARSHALS", "OFFICE", "DIVISION"}
)
_COUNTY_SUFFIX_WORDS: Final = frozenset(
    {"COUNTY", "PARISH", "SHERIFF", "SHERIFFS", "OFFICE", "DEPARTMENT", "POLICE", "OF"}
)
#: Words that say a name is a tribe's, and that do not tell one tribe from another.
TRIBAL_GENERIC: Final = frozenset(
    {
        "CONFEDERATED", "TRIBE", "TRIBES", "TRIBAL", "INDIAN", "INDIANS", "BAND", "BANDS",
        "OF", "THE", "AND", "NATION", "NATIONS", "COMMUNITY", "COUNCIL", "BUSINESS",
        "RESERVATION", "GOVERNMENT", "POLICE", "DEPARTMENT", "AGENCY", "PUBLIC", "SAFETY",
        "LAW", "ENFORCEMENT", "SERVICES", "NATIVE", "VILLAGE", "INC",
    }
)  # fmt: skip
_TRIBAL_MARKERS: Final = frozenset(
    {"TRIBE", "TRIBES", "TRIBAL", "INDIAN", "INDIANS", "NATION", "PUEBLO", "RANCHERIA",
     "RESERVATION", "BAND", "BANDS"}
)  # fmt: skip
_AGENCY_MARKERS: Final = frozenset(
    {"POLICE", "SHERIFF", "SHERIFFS", "MARSHAL", "MARSHALS", "PATROL", "CONSTABLE"}
)
_SCHOOL_MARKERS: Final = (("SCHOOL", "DISTRICT"), ("PUBLIC", "SCHOOLS"), ("SCHOOL", "DIST"))
_SCHOOL_GENERIC: Final = frozenset(
    {"SCHOOL", "SCHOOLS", "DISTRICT", "NO", "NUMBER", "PUBLIC", "CONSOLIDATED", "UNIFIED",
     "INDEPENDENT", "POLICE", "DEPARTMENT", "THE", "OF"}
)  # fmt: skip


def _drop_tail(tokens: tuple[str, ...], tail: tuple[str, ...]) -> tuple[str, ...]:
    if len(tokens) > len(tail) and tokens[-len(tail) :] == tail:
        return tokens[: -len(tail)]
    return tokens


def _without_state(tokens: tuple[str, ...], state: str | None) -> tuple[str, ...]:
    """Drop a trailing ``INC`` and a trailing state name ("CITY OF TACOMA WASHINGTON").

    A state name that is the place itself ("CITY OF NEW YORK") stays.
    """
    for tail in (("INC",), ("INCORPORATED",)):
        tokens = _drop_tail(tokens, tail)
    if state is None or state not in STATES:
        return tokens
    name = words(STATES[state])
    if len(tokens) <= len(name) or tokens[-len(name) :] != name:
        return tokens
    rest = tokens[: -len(name)]
    if rest[-1] != "OF":
        return rest
    if len(rest) >= 2 and rest[-2] in _TRIBAL_MARKERS:
        return rest[:-1]
    return tokens


def _strip_words(tokens: tuple[str, ...], suffix: frozenset[str]) -> tuple[str, ...]:
    end = len(tokens)
    while end > 1 and tokens[end - 1] in suffix:
        end -= 1
    return tokens[:end]


def _place_of_agency(tokens: tuple[str, ...]) -> tuple[str, ...]:
    if len(tokens) > 2 and tokens[0] in _PLACE_PREFIXES and tokens[1] == "OF":
        tokens = tokens[2:]
    return _strip_words(tokens, _CITY_SUFFIX_WORDS)


def _county_of_agency(tokens: tuple[str, ...]) -> tuple[str, ...]:
    if len(tokens) > 2 and tokens[0] in ("COUNTY", "PARISH") and tokens[1] == "OF":
        tokens = tokens[2:]
    return _strip_words(tokens, _COUNTY_SUFFIX_WORDS)


def tribal_core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Return the distinctive words of a tribal name (generic words such as TRIBE left out).

    Examples:
        >>> from copsreform.linking._names import tribal_core, words
        >>> tribal_core(words("Lower Elwha Klallam Tribal"))
        ('LOWER', 'ELWHA', 'KLALLAM')
    """
    return tuple(dict.fromkeys(t for t in tokens if t not in TRIBAL_GENERIC))


def agency_key(group: Group, name: str) -> tuple[str, ...]:
    """Return the words an agency of ``group`` is found under.

    Examples:
        >>> from copsreform.linking._names import Group, agency_key
        >>> agency_key(Group.CITY, "Town of Mercer Island Police Department")
        ('MERCER', 'ISLAND')
        >>> agency_key(Group.CITY, "Hamilton Township, Mercer County Police Department")
        ('HAMILTON', 'TOWNSHIP')
        >>> agency_key(Group.COUNTY, "Grays Harbor County Sheriff's Office")
        ('GRAYS', 'HARBOR')
        >>> agency_key(Group.CAMPUS, "Washington State University: Pullman")
        ('WASHINGTON', 'STATE', 'UNIVERSITY')
    """
    if group is Group.CITY:
        return _place_of_agency(words(_COUNTY_QUALIFIER.sub("", name)))
    if group is Group.COUNTY:
        return _county_of_agency(words(name))
    if group is Group.TRIBAL:
        return tribal_core(words(name))
    if group is Group.CAMPUS:
        return words(name.split(":", 1)[0])
    if group is Group.SCHOOL:
        return school_core(words(name))
    return _unprefixed(words(name))


def school_core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Return the distinctive words of a school or district name (numbers left out).

    Examples:
        >>> from copsreform.linking._names import school_core, words
        >>> school_core(words("EAST VALLEY SCHOOL DISTRICT NO 361"))
        ('EAST', 'VALLEY')
    """
    return tuple(t for t in tokens if t not in _SCHOOL_GENERIC and not t.isdigit())


def is_school_agency(name: str) -> bool:
    """Tell whether an agency's name says it is a school's or a district's police."""
    return bool({"SCHOOL", "SCHOOLS"} & set(words(name)))


def unprefixed(name: str) -> tuple[str, ...]:
    """Return the words of a full name without a leading THE, CITY OF, TOWN OF and the like."""
    return _unprefixed(words(name))


def _unprefixed(tokens: tuple[str, ...]) -> tuple[str, ...]:
    if tokens[:1] == ("THE",) and len(tokens) > 1:
        tokens = tokens[1:]
    if len(tokens) > 2 and tokens[0] in _PLACE_PREFIXES and tokens[1] == "OF":
        tokens = tokens[2:]
    return tokens


@attrs.frozen
class RecipientForm:
    """What a recipient's name says it is, and the keys to look it up under.

    Attributes:
        group: The agencies to compare with.
        rule: The domain rule that applies (a :class:`~copsreform.linking.LinkRule` value).
        keys: Alternative keys, most likely first (each a tuple of words).
        described: The recipient in words, for reasons ("city or town 'FEDERAL WAY'").
    """

    group: Group | None
    rule: str
    keys: tuple[tuple[str, ...], ...]
    described: str


_PLACE_KINDS: Final = r"(?:CITY AND COUNTY|CITY|TOWN|VILLAGE|TOWNSHIP|BOROUGH|MUNICIPALITY)"
#: Forms that say "city" (or town, village...) before anything else can: CITY OF X, and
#: X, CITY OF (commas are spaces by now).
_CITY_PREFIX_FORMS: Final = (
    re.compile(rf"^(?:THE )?({_PLACE_KINDS}) OF (.+)$"),
    re.compile(rf"^(.+) ({_PLACE_KINDS}) OF$"),
)
_CITY_SUFFIX_FORM: Final = re.compile(r"^(.+) (CITY|TOWN|VILLAGE|TOWNSHIP)$")
_COUNTY_PREFIX_FORMS: Final = (
    re.compile(r"^(?:COUNTY|PARISH) OF (?:THE )?(.+)$"),
    re.compile(r"^(.+) (?:COUNTY|PARISH) OF$"),
)
_COUNTY_SUFFIX_FORM: Final = re.compile(
    r"^(.+) (?:COUNTY|PARISH)(?: GOVERNMENT| BOARD OF COMMISSIONERS| COMMISSIONERS"
    r"| BOARD OF SUPERVISORS| FISCAL COURT)?$"
)
# "Hamilton Township, Mercer County Police Department": the county tells two places apart.
_COUNTY_QUALIFIER: Final = re.compile(r",[^,]+\bCounty\b", re.IGNORECASE)


def _key(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _place_keys(place: str, kind: str) -> tuple[tuple[str, ...], ...]:
    """The keys of a place: as written, without a leading THE, with its kind after it."""
    keys = [_key(place)]
    if place.startswith("THE "):
        keys.append(_key(place[4:]))
    if kind in ("TOWNSHIP", "VILLAGE", "BOROUGH", "TOWN", "CITY"):
        keys.append((*_key(place), kind))
    return tuple(dict.fromkeys(keys))


def _city(place: str, kind: str) -> RecipientForm:
    return RecipientForm(
        Group.CITY, "city_police", _place_keys(place, kind), f"city or town {place!r}"
    )


def _county(place: str) -> RecipientForm:
    return RecipientForm(Group.COUNTY, "county_sheriff", (_key(place),), f"county {place!r}")


def _campus_keys(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A university's keys: with its campus first, then without.

    "UNIVERSITY OF TEXAS AT AUSTIN" is the FBI's "University of Texas: Austin".
    """
    key = _unprefixed(_strip_regents(tokens))
    if "AT" not in key[1:-1]:
        return (key,)
    at = key.index("AT", 1)
    return ((*key[:at], *key[at + 1 :]), key[:at])


def campus_full_key(name: str) -> tuple[str, ...]:
    """The words of a campus agency's whole name ("University of Texas: Austin").

    Examples:
        >>> from copsreform.linking._names import campus_full_key
        >>> campus_full_key("University of Texas: Austin")
        ('UNIVERSITY', 'OF', 'TEXAS', 'AUSTIN')
    """
    return words(name)


def _named_first(local: str) -> RecipientForm | None:
    """A county or city named as such first: COUNTY OF X, X COUNTY OF, CITY OF X, X CITY OF."""
    for pattern in _COUNTY_PREFIX_FORMS:
        if found := pattern.match(local):
            return _county(found.group(1))
    if found := _CITY_PREFIX_FORMS[0].match(local):
        return _city(found.group(2), found.group(1))
    if found := _CITY_PREFIX_FORMS[1].match(local):
        return _city(found.group(1), found.group(2))
    return None


def parse_recipient(name: str, state: str | None, kind: str = "unknown") -> RecipientForm:
    """Read what a recipient's name says it is, and the keys to look it up under.

    In order: a named law enforcement agency ("... POLICE DEPARTMENT"), a school or
    district, a city or county named as such first ("CITY OF X", "X, COUNTY OF"), a
    university, a county or city named last ("X COUNTY", "X CITY"), a tribe, a state
    body.

    Args:
        name: The recipient's name as the source gives it.
        state: Its USPS code, if known (a trailing state name is dropped).
        kind: Its :class:`~copsreform.OrganizationKind` value, when a source gave one.

    Returns:
        The form; ``group`` is ``None`` when no rule applies.

    Examples:
        >>> from copsreform.linking._names import parse_recipient
        >>> parse_recipient("COUNTY OF, SKAMANIA", "WA").keys
        (('SKAMANIA',),)
        >>> parse_recipient("CONFEDERATED TRIBES OF THE CHEHALIS RESERVATION", "WA").keys
        (('CHEHALIS',),)
        >>> parse_recipient("EAST VALLEY SCHOOL DISTRICT NO 361", "WA").rule
        'school_police'
        >>> parse_recipient("CITY OF COLLEGE PLACE", "WA").rule
        'city_police'
    """
    tokens = words(name)
    text = " ".join(tokens)
    token_set = set(tokens)
    if not tokens:
        return RecipientForm(None, "none", (), "an empty name")
    if token_set & _AGENCY_MARKERS:
        return _named_agency(tokens, state)
    if kind in ("school_district", "school") or any(
        _contains(tokens, marker) for marker in _SCHOOL_MARKERS
    ):
        return RecipientForm(
            Group.SCHOOL, "school_police", (school_core(tokens),), f"school or district {text!r}"
        )
    local = " ".join(_without_state(tokens, state))
    if form := _named_first(local):
        return form
    if kind == "institution_of_higher_education" or token_set & {"UNIVERSITY", "COLLEGE"}:
        return RecipientForm(
            Group.CAMPUS, "campus_police", _campus_keys(tokens), f"university {text!r}"
        )
    if found := _COUNTY_SUFFIX_FORM.match(local):
        return _county(found.group(1))
    if not token_set & _TRIBAL_MARKERS and (found := _CITY_SUFFIX_FORM.match(local)):
        keys = (_key(local), _key(found.group(1)))
        return RecipientForm(Group.CITY, "city_police", keys, f"city or town {local!r}")
    if kind in ("tribal_government", "tribal_consortium") or token_set & _TRIBAL_MARKERS:
        return _tribe(_without_state(tokens, state), text)
    state_words = words(STATES[state]) if state is not None and state in STATES else None
    if (
        kind == "state_government"
        or tokens[:2] == ("STATE", "OF")
        or (state_words is not None and tokens[: len(state_words)] == state_words)
    ):
        return RecipientForm(
            Group.STATE, "state_agency", (_unprefixed(tokens),), f"state body {text!r}"
        )
    if kind == "local_government":
        return _city(local, "")
    return RecipientForm(None, "none", (), repr(text))


def _contains(tokens: tuple[str, ...], run: tuple[str, ...]) -> bool:
    return any(tokens[i : i + len(run)] == run for i in range(len(tokens) - len(run) + 1))


def _strip_regents(tokens: tuple[str, ...]) -> tuple[str, ...]:
    for lead in (
        ("BOARD", "OF", "REGENTS", "OF"),
        ("REGENTS", "OF"),
        ("BOARD", "OF", "TRUSTEES", "OF"),
    ):
        if tokens[: len(lead)] == lead and len(tokens) > len(lead):
            return tokens[len(lead) :]
    return tokens


def _reservation(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Split "X OF (THE) Y RESERVATION" at its last OF into X and Y (in words, linear time)."""
    if len(tokens) < 4 or tokens[-1] != "RESERVATION" or "OF" not in tokens[:-2]:
        return None
    of = len(tokens) - 3 - tokens[-3::-1].index("OF")
    place = tokens[of + 1 : -1]
    if place[:1] == ("THE",):
        place = place[1:]
    return (tokens[:of], place) if tokens[:of] and place else None


def _tribe(tokens: tuple[str, ...], text: str) -> RecipientForm:
    keys: list[tuple[str, ...]] = []
    if found := _reservation(tokens):
        keys.extend(c for c in (tribal_core(found[0]), tribal_core(found[1])) if c)
    else:
        core = tribal_core(tokens)
        if core:
            keys.append(core)
    unique = tuple(dict.fromkeys(keys))
    return RecipientForm(Group.TRIBAL, "tribal_police", unique, f"tribe {text!r}")


def _named_agency(tokens: tuple[str, ...], state: str | None) -> RecipientForm:
    text = " ".join(tokens)
    token_set = set(tokens)
    if token_set & {"SHERIFF", "SHERIFFS"} or _contains(tokens, ("COUNTY", "POLICE")):
        return RecipientForm(
            Group.COUNTY, "named_agency", (_county_of_agency(tokens),), f"agency {text!r}"
        )
    if token_set & {"TRIBAL", "TRIBE", "TRIBES", "NATION"}:
        return _tribe(_without_state(tokens, state), text)
    if token_set & {"UNIVERSITY", "COLLEGE"}:
        key = _strip_words(_unprefixed(tokens), _CITY_SUFFIX_WORDS)
        return RecipientForm(Group.CAMPUS, "named_agency", (key,), f"agency {text!r}")
    if token_set & {"PATROL", "STATE"}:
        return RecipientForm(
            Group.STATE, "named_agency", (_unprefixed(tokens),), f"agency {text!r}"
        )
    return RecipientForm(
        Group.CITY, "named_agency", (_place_of_agency(tokens),), f"agency {text!r}"
    )
