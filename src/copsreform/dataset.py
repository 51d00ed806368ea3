"""The dataset of public Collaborative Reform engagements, 2011 to today.

copsreform ships a curated list of engagements of the COPS Office's Collaborative
Reform Initiative in every era: the 2011-2017 Collaborative Reform (CRI-TA) assessments
and Critical Response Technical Assistance reviews, CRI-TAC from 2017, and the Critical
Response and Organizational Assessment programs reestablished in 2022. Every engagement
carries its public sources (:attr:`~copsreform.engagement.Engagement.sources`), official ones first. A field
that no source gives is empty, and every uncertainty is said in :attr:`~copsreform.engagement.Engagement.note`.
The data and its provenance are in ``copsreform/data/engagements.json`` and the
``README.md`` beside it.

The list is a sample of the public record, not all of it: CRI-TAC alone reports more
than 900 sites, almost none of them named in public.

Examples:
    >>> import copsreform as cr
    >>> len(cr.engagements()) >= 30
    True
    >>> [e.agency.name for e in cr.engagements(state="MA")]
    ['Boston Police Department']
    >>> [e.agency.name for e in cr.engagements(program="critical_response_ta", state="FL")]
    ['Tampa Police Department', 'Orlando Police Department']
    >>> cr.engagements(state="ZZ")
    Traceback (most recent call last):
    ...
    copsreform.errors.ValidationError: 'engagements.state' must be a U.S. state or territory code (got 'ZZ')
"""

import datetime as dt
import functools
import json
from importlib import resources
from typing import Any

from copsreform.agency import Agency, AgencyType, Jurisdiction
from copsreform.citation import PublicSource
from copsreform.engagement import Engagement
from copsreform.errors import ValidationError
from copsreform.programs import CRIProgram, TACategory
from copsreform.providers import Provider, find_provider
from copsreform.states import STATES

__all__ = ["engagements"]

_DATES = ("requested_on", "announced_on", "start", "end", "report_released_on")


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _engagement(entry: dict[str, Any]) -> Engagement:
    agency = entry["agency"]
    provider = entry["provider"]
    return Engagement(
        agency=Agency(
            name=agency["name"],
            state=agency["state"],
            ori=agency["ori"],
            jurisdiction=Jurisdiction(agency["jurisdiction"]),
            agency_type=AgencyType(agency["agency_type"]),
        ),
        program=CRIProgram(entry["program"]),
        provider=None if provider is None else find_provider(provider),
        categories=frozenset(TACategory(c) for c in entry["categories"]),
        focus=entry["focus"],
        requested_on=_day(entry["requested_on"]),
        announced_on=_day(entry["announced_on"]),
        start=_day(entry["start"]),
        end=_day(entry["end"]),
        report_released_on=_day(entry["report_released_on"]),
        findings_count=entry["findings_count"],
        recommendations_count=entry["recommendations_count"],
        sources=tuple(
            PublicSource(
                title=s["title"],
                url=s["url"],
                publisher=s["publisher"],
                date=_day(s["date"]),
                official=s["official"],
            )
            for s in entry["sources"]
        ),
        note=entry["note"],
    )


@functools.cache
def _all() -> tuple[Engagement, ...]:
    raw = json.loads(
        resources.files("copsreform").joinpath("data/engagements.json").read_text("utf-8")
    )
    loaded: list[Engagement] = []
    for index, entry in enumerate(raw["engagements"]):
        try:
            loaded.append(_engagement(entry))
        except ValidationError as error:  # noqa: PERF203 - runs once, at first use
            raise error.under("engagements.json", ("engagements", index)) from None
    return tuple(loaded)


def _program(value: CRIProgram | str) -> CRIProgram:
    if isinstance(value, CRIProgram):
        return value
    allowed = ", ".join(repr(p.value) for p in CRIProgram)
    if isinstance(value, str):
        for member in CRIProgram:
            if value.strip().lower() == member.value:
                return member
    raise ValidationError.single(
        f"must be a CRI program (one of {allowed})", value, root="engagements.program"
    )


def engagements(
    *,
    state: str | None = None,
    program: CRIProgram | str | None = None,
    year: int | None = None,
    provider: Provider | str | None = None,
) -> tuple[Engagement, ...]:
    """Return the public engagements copsreform ships, oldest first, filtered.

    Args:
        state: Only engagements of agencies in this state (``"CA"``; case does not matter).
        program: Only this program (a :class:`~copsreform.programs.CRIProgram` or its value, ``"cri_tac"``).
        year: Only engagements that began in this calendar year (:attr:`~copsreform.engagement.Engagement.year`);
            engagements whose sources give no date never match.
        provider: Only engagements of this provider (a :class:`~copsreform.providers.Provider`, or a name,
            acronym or former name the registry knows, such as ``"Police Foundation"``).

    Returns:
        The matching engagements, ordered by their earliest known date (undated ones last).

    Raises:
        ValidationError: If a filter value is refused, naming ``engagements.<filter>``.
        ProviderNotFoundError: If ``provider`` names no provider in the registry.

    Examples:
        >>> import copsreform as cr
        >>> [e.agency.name for e in cr.engagements(provider="Police Foundation", year=2016)]
        ['San Bernardino Police Department', 'Minneapolis Police Department', 'North Charleston Police Department']
        >>> {e.program.value for e in cr.engagements(year=2018)}
        {'cri_tac'}
    """
    chosen = list(_all())
    if state is not None:
        code = state.strip().upper() if isinstance(state, str) else state
        if code not in STATES:
            raise ValidationError.single(
                "must be a U.S. state or territory code", state, root="engagements.state"
            )
        chosen = [e for e in chosen if e.agency.state == code]
    if program is not None:
        wanted = _program(program)
        chosen = [e for e in chosen if e.program is wanted]
    if year is not None:
        if type(year) is not int:
            raise ValidationError.single("must be an int", year, root="engagements.year")
        chosen = [e for e in chosen if e.year == year]
    if provider is not None:
        found = provider if isinstance(provider, Provider) else find_provider(provider)
        chosen = [e for e in chosen if e.provider == found]
    return tuple(sorted(chosen, key=_first_date))


def _first_date(engagement: Engagement) -> dt.date:
    known = [getattr(engagement, name) for name in _DATES if getattr(engagement, name) is not None]
    return min(known, default=dt.date.max)
