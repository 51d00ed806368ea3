"""Technical assistance providers and the reference registry of known ones.

The registry ships as package data (``copsreform/data/providers.json``) with the public
sources of every entry, official ones first, and the years in which the sources show the
provider in its role:

* today's programs: the National Policing Institute (the Police Foundation until 2021)
  and Jensen Hughes for Critical Response; CNA for Organizational Assessment; the
  International Association of Chiefs of Police (IACP) as CRI-TAC lead and its partner
  associations;
* 2011 to 2017: CNA, the Police Foundation, Hillard Heintze (a Jensen Hughes company
  since 2019) and the Institute for Intergovernmental Research for Collaborative Reform
  assessments and Critical Response Technical Assistance, with the Police Executive
  Research Forum and the Virginia Center for Policing Innovation for single Critical
  Response reviews, and Community Resources for Justice as evaluator.

Build a :class:`Provider` yourself for one the registry does not list.

Examples:
    >>> import copsreform as cr
    >>> npi = cr.find_provider("NPI")
    >>> npi.name
    'National Policing Institute'
    >>> cr.CRIProgram.CRITICAL_RESPONSE in npi.programs
    True
    >>> cr.find_provider("police foundation") is npi
    True
    >>> [p.acronym for p in cr.providers(cr.CRIProgram.CRITICAL_RESPONSE)]
    ['NPI', None]
    >>> cna = cr.find_provider("CNA")
    >>> cna.delivers(cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT), cna.active_in(2012)
    (True, True)
"""

import difflib
import enum
import functools
from importlib import resources
from typing import Any

import attrs

from copsreform import _fields as f
from copsreform import strictjson
from copsreform.errors import ArgumentTypeError, ProviderNotFoundError, ValidationError
from copsreform.programs import CRIProgram

__all__ = ["Provider", "ProviderRole", "find_provider", "providers"]


class ProviderRole(enum.Enum):
    """A provider's role in delivering a program.

    Examples:
        >>> from copsreform import ProviderRole
        >>> ProviderRole("lead")
        <ProviderRole.LEAD: 'lead'>
    """

    #: Holds the cooperative agreement and leads delivery (the IACP for CRI-TAC).
    LEAD = "lead"
    #: A partner association in a lead's coalition.
    PARTNER = "partner"
    #: Delivers TA under its own agreement with the COPS Office.
    PROVIDER = "provider"
    #: Evaluates a program or its sites for the COPS Office; delivers no TA itself.
    EVALUATOR = "evaluator"


def _programs(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    f.set_of(CRIProgram)(instance, attribute, value)
    if not value:
        f.fail(instance, attribute, "must name at least one CRI program", value)


def _acronym(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    f.name(instance, attribute, value)
    if isinstance(value, str) and not (value.isalnum() and len(value) <= 12):
        f.fail(instance, attribute, "must be letters and digits, at most 12", value)


def _year(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if type(value) is not int:
        f.fail(instance, attribute, "must be an int", value)
    elif not _FIRST_YEAR <= value <= _LAST_YEAR:
        f.fail(instance, attribute, f"must be a year from {_FIRST_YEAR} to {_LAST_YEAR}", value)


#: The COPS Office was created in 1994; no provider year can be earlier.
_FIRST_YEAR = 1994
_LAST_YEAR = 2100
_YEAR_SCHEMA = {"minimum": _FIRST_YEAR, "maximum": _LAST_YEAR}


def _names(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
        f.fail(instance, attribute, "must be a tuple of non-empty strings", value)
    elif any(len(v) > f.MAX_TEXT for v in value):
        f.fail(instance, attribute, f"must hold strings of at most {f.MAX_TEXT} characters", value)
    elif not all(f.is_text(v) for v in value):
        f.fail(instance, attribute, f.NOT_UNICODE, value)


@f.every_problem
@attrs.frozen
class Provider:
    """An organisation that delivers Collaborative Reform technical assistance.

    Args:
        name: The provider's name.
        programs: The CRI programs it delivers (at least one).
        acronym: Its usual acronym (``"NPI"``), if any; upper-cased.
        aliases: Other names it is known by, such as former names.
        role: Its role: lead, partner or provider.
        sources: Public sources that name it as a provider, official ones first.
        note: Anything a reader should know about the entry.
        first_year: The first year a source shows it in its role, if known.
        last_year: The last year a source shows it in its role; ``None`` while the
            sources name it as a current provider (or do not say).

    Raises:
        ValidationError: If a field is refused, naming ``Provider.<field>``, or if
            ``last_year`` is before ``first_year``.

    Examples:
        >>> from copsreform import CRIProgram, Provider
        >>> p = Provider(name="Example Institute", programs={CRIProgram.ORGANIZATIONAL_ASSESSMENT})
        >>> p.delivers(CRIProgram.ORGANIZATIONAL_ASSESSMENT)
        True
    """

    name: str = attrs.field(converter=f.fold_spaces, validator=f.name)
    programs: frozenset[CRIProgram] = attrs.field(
        converter=f.to_frozenset, validator=_programs, metadata={f.SCHEMA: {"minItems": 1}}
    )
    acronym: str | None = attrs.field(
        default=None, converter=f.upper_or_none, validator=f.optional(_acronym)
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_tuple, validator=_names, repr=False
    )
    role: ProviderRole = attrs.field(
        default=ProviderRole.PROVIDER, validator=f.member_of(ProviderRole)
    )
    # The sources, aliases and note are long; the repr leaves them out (see __str__ too).
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_tuple, validator=_names, repr=False
    )
    note: str | None = attrs.field(
        default=None, converter=f.strip_text, validator=f.optional(f.text), repr=False
    )
    first_year: int | None = attrs.field(
        default=None, validator=f.optional(_year), metadata={f.SCHEMA: _YEAR_SCHEMA}
    )
    last_year: int | None = attrs.field(
        default=None, validator=f.optional(_year), metadata={f.SCHEMA: _YEAR_SCHEMA}
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.first_year is not None
            and self.last_year is not None
            and self.last_year < self.first_year
        ):
            raise ValidationError.single(
                f"must not be before first_year ({self.first_year})",
                self.last_year,
                ("last_year",),
                root="Provider",
            )

    def active_in(self, year: int) -> bool:
        """Tell whether the sources show the provider in its role in ``year``.

        An unknown first year counts as "from the start", an unknown last year as "still".

        Args:
            year: A calendar year.

        Returns:
            ``True`` if ``year`` is within :attr:`first_year` to :attr:`last_year`.

        Examples:
            >>> from copsreform.providers import find_provider
            >>> find_provider("IIR").active_in(2014), find_provider("IIR").active_in(2024)
            (True, False)
        """
        if self.first_year is not None and year < self.first_year:
            return False
        return self.last_year is None or year <= self.last_year

    def __str__(self) -> str:
        """The provider in one line: its name, and its acronym when it has one.

        Examples:
            >>> import copsreform as cr
            >>> print(cr.find_provider("NPI"))
            National Policing Institute (NPI)
        """
        return self.name if self.acronym is None else f"{self.name} ({self.acronym})"

    def delivers(self, program: CRIProgram) -> bool:
        """Tell whether the provider delivers ``program``.

        Args:
            program: A CRI program.

        Returns:
            ``True`` if ``program`` is among :attr:`programs`.

        Examples:
            >>> from copsreform import CRIProgram, find_provider
            >>> find_provider("IACP").delivers(CRIProgram.CRITICAL_RESPONSE)
            False
        """
        return program in self.programs


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@functools.cache
def _registry() -> tuple[tuple[Provider, ...], dict[str, Provider]]:
    raw = strictjson.loads(
        resources.files("copsreform").joinpath("data/providers.json").read_text("utf-8")
    )
    citations: dict[str, str] = raw["provenance"]["sources"]
    loaded: list[Provider] = []
    for index, entry in enumerate(raw["providers"]):
        try:
            loaded.append(
                Provider(
                    name=entry["name"],
                    programs=frozenset(CRIProgram(p) for p in entry["programs"]),
                    acronym=entry["acronym"],
                    aliases=tuple(entry["aliases"]),
                    role=ProviderRole(entry["role"]),
                    sources=tuple(citations[s] for s in entry["sources"]),
                    note=entry["note"],
                    first_year=entry["years"][0],
                    last_year=entry["years"][1],
                )
            )
        except ValidationError as error:  # noqa: PERF203 - runs once, at first lookup
            raise error.under("providers.json", ("providers", index)) from None
    index_by_key: dict[str, Provider] = {}
    for provider in loaded:
        for label in (provider.name, provider.acronym, *provider.aliases):
            if label:
                index_by_key[_key(label)] = provider
    return tuple(loaded), index_by_key


def providers(program: CRIProgram | None = None) -> tuple[Provider, ...]:
    """Return the providers in the reference registry, in registry order.

    Args:
        program: Only those delivering this program; all when ``None``.

    Returns:
        The providers.

    Examples:
        >>> from copsreform import CRIProgram, providers
        >>> len(providers(CRIProgram.CRI_TAC)) >= 10
        True
    """
    every, _ = _registry()
    if program is None:
        return every
    return tuple(p for p in every if p.delivers(program))


def find_provider(name: str) -> Provider:
    """Find a provider in the reference registry by name, acronym or former name.

    Matching ignores case and extra spaces.

    Args:
        name: ``"National Policing Institute"``, ``"NPI"``, ``"Police Foundation"``...

    Returns:
        The registry's :class:`Provider`.

    Raises:
        ProviderNotFoundError: If no provider has that name; the error names the query and
            suggests close names.
        ArgumentTypeError: If ``name`` is not a string, as for every argument-type mistake.

    Examples:
        >>> from copsreform import find_provider
        >>> find_provider("jensen hughes").name
        'Jensen Hughes'
        >>> find_provider("Jensen Hughs")
        Traceback (most recent call last):
        ...
        copsreform.errors.ProviderNotFoundError: no TA provider is named 'Jensen Hughs'; did you mean 'Jensen Hughes'?
    """
    if not isinstance(name, str):
        raise ArgumentTypeError.single("must be a provider's name (str)", name, root="name")
    every, index_by_key = _registry()
    found = index_by_key.get(_key(name))
    if found is not None:
        return found
    labels = {p.name: p.name for p in every} | {_key(k): v.name for k, v in index_by_key.items()}
    close = difflib.get_close_matches(_key(name), list(labels), n=3, cutoff=0.75)
    suggestions = tuple(dict.fromkeys(labels[c] for c in close))
    raise ProviderNotFoundError(name, suggestions)
