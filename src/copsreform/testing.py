"""Hypothesis strategies that produce valid copsreform objects, for property tests.

Install the extra first: ``pip install "copsreform[hypothesis]"``. Every strategy here
produces values that the model accepts, so a downstream property test can focus on its
own code. The project's own test suite uses these same strategies.

Examples:
    >>> from hypothesis import given, settings
    >>> import copsreform as cr
    >>> from copsreform import testing
    >>> @settings(max_examples=20, deadline=None)
    ... @given(testing.grants())
    ... def test_share_is_a_fraction(grant):
    ...     share = grant.federal_share
    ...     assert share is None or 0 <= share <= 1
    >>> test_share_is_a_fraction()
"""

import datetime as dt
import string
from decimal import Decimal

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as missing:  # pragma: no cover - tested in a subprocess
    if missing.name != "hypothesis":
        raise
    raise ModuleNotFoundError(
        "copsreform.testing needs Hypothesis: install it with pip install 'copsreform[hypothesis]'",
        name="hypothesis",
    ) from missing

from copsreform.agency import Agency, AgencyType, Jurisdiction, Organization, OrganizationKind
from copsreform.citation import PublicSource
from copsreform.engagement import (
    TRANSITIONS,
    Engagement,
    EngagementStatus,
    Recommendation,
    RecommendationStatus,
    StatusChange,
)
from copsreform.fiscal import FiscalYear
from copsreform.grant import Grant
from copsreform.identifiers import ori as _ori
from copsreform.programs import CRIProgram, GrantProgram, TACategory
from copsreform.providers import Provider, ProviderRole
from copsreform.providers import providers as _registry
from copsreform.states import STATES, TERRITORIES

__all__ = [
    "agencies",
    "amounts",
    "award_numbers",
    "engagements",
    "fiscal_years",
    "grants",
    "names",
    "organizations",
    "oris",
    "providers",
    "recipients",
    "sources",
    "ueis",
]

_UEI_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "IO")
_NAME_CHARS = st.characters(
    whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" .,'&-()"
)


def names(max_size: int = 60) -> st.SearchStrategy[str]:
    """Names as the model stores them: non-empty, single-spaced, no outer spaces.

    Args:
        max_size: The longest name to draw.

    Returns:
        A strategy of strings.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform.testing import names
        >>> find(names(), lambda s: len(s) > 3) == " ".join(find(names(), lambda s: len(s) > 3).split())
        True
    """
    return (
        st.text(_NAME_CHARS, min_size=1, max_size=max_size)
        .map(lambda s: " ".join(s.split()))
        .filter(bool)
    )


def fiscal_years(min_year: int = 1995, max_year: int = 2040) -> st.SearchStrategy[FiscalYear]:
    """Fiscal years between ``min_year`` and ``max_year``.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform.testing import fiscal_years
        >>> find(fiscal_years(), lambda fy: fy.year > 2030).year
        2031
    """
    return st.builds(FiscalYear, st.integers(min_year, max_year))


def oris(state: str | None = None) -> st.SearchStrategy[str]:
    """Valid 9-character ORIs, whose prefix is the NCIC code of ``state`` (any state if None).

    Examples:
        >>> from hypothesis import find
        >>> from copsreform.testing import oris
        >>> find(oris("NE"), lambda o: True)[:2]
        'NB'
    """
    states = st.just(state) if state else st.sampled_from(sorted(STATES))
    tail = st.text(string.ascii_uppercase + string.digits, min_size=7, max_size=7)
    return st.builds(lambda s, t: _ori.ncic_prefix(s) + t, states, tail)


def ueis() -> st.SearchStrategy[str]:
    """Valid UEIs: 12 characters, no I or O, not starting with 0, no nine-digit run.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform.testing import ueis
        >>> len(find(ueis(), lambda u: True))
        12
    """
    letters = "".join(c for c in string.ascii_uppercase if c not in "IO")
    first = st.sampled_from([c for c in _UEI_ALPHABET if c != "0"])
    # A letter at position 6 guarantees no run of nine digits.
    return st.builds(
        lambda a, b, c, d: a + b + c + d,
        first,
        st.text(_UEI_ALPHABET, min_size=4, max_size=4),
        st.sampled_from(letters),
        st.text(_UEI_ALPHABET, min_size=6, max_size=6),
    )


def award_numbers(fiscal_year: int | None = None) -> st.SearchStrategy[str]:
    """Valid award numbers in compact form, from both eras.

    JustGrants numbers (``15JCOPS..``) for FY2021 on, legacy numbers (``YYYYPPWXNNNN``)
    for earlier years.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform.testing import award_numbers
        >>> find(award_numbers(2024), lambda a: True).startswith("15JCOPS24")
        True
    """
    years = st.just(fiscal_year) if fiscal_year else st.integers(1995, 2035)
    upper = string.ascii_uppercase
    digits = string.digits

    def build(year: int, code2: str, code4: str, seq: str, instrument: str) -> str:
        if year >= 2021:
            return f"15JCOPS{year % 100:02d}{instrument}{seq[:5]}{code4}"
        return f"{year}{code2}WX{seq[:4]}"

    return st.builds(
        build,
        years,
        st.text(upper, min_size=2, max_size=2),
        st.text(upper, min_size=4, max_size=4),
        st.text(digits, min_size=5, max_size=5),
        st.sampled_from(["GG", "GK"]),
    )


def amounts(
    min_value: int = -10_000_000, max_value: int = 10_000_000
) -> st.SearchStrategy[Decimal]:
    """Amounts of money in whole cents between two whole-dollar bounds.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform.testing import amounts
        >>> find(amounts(0), lambda d: d > 1).as_tuple().exponent
        -2
    """
    return st.integers(min_value * 100, max_value * 100).map(
        lambda cents: (Decimal(cents) / 100).quantize(Decimal("0.01"))
    )


_DATES = st.dates(dt.date(1995, 1, 1), dt.date(2045, 12, 31))


@st.composite
def agencies(draw: st.DrawFn) -> Agency:
    """Valid agencies, with consistent state, ORI, type and jurisdiction.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform.testing import agencies
        >>> find(agencies(), lambda a: a.ori is not None).ori[:2].isalpha()
        True
    """
    state = draw(st.sampled_from(sorted(STATES)))
    agency_type = draw(st.sampled_from(list(AgencyType)))
    if agency_type is AgencyType.TRIBAL:
        jurisdiction = Jurisdiction.TRIBAL
    elif agency_type is AgencyType.FEDERAL:
        jurisdiction = Jurisdiction.FEDERAL
    else:
        choices: list[Jurisdiction] = [j for j in Jurisdiction if j is not Jurisdiction.TERRITORIAL]
        if state in TERRITORIES:
            choices.append(Jurisdiction.TERRITORIAL)
        jurisdiction = draw(st.sampled_from(choices))
    counts = st.none() | st.integers(0, 50_000)
    return Agency(
        name=draw(names()),
        state=state,
        jurisdiction=jurisdiction,
        agency_type=agency_type,
        ori=draw(st.none() | oris(state)),
        uei=draw(st.none() | ueis()),
        county=draw(st.none() | names(30)),
        population=draw(st.none() | st.integers(0, 10_000_000)),
        sworn_officers=draw(counts),
        primary_law_enforcement_authority=draw(st.none() | st.booleans()),
    )


def organizations() -> st.SearchStrategy[Organization]:
    """Valid organisation records.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform import Organization
        >>> from copsreform.testing import organizations
        >>> isinstance(find(organizations(), lambda o: True), Organization)
        True
    """
    return st.builds(
        Organization,
        name=names(),
        state=st.none() | st.sampled_from(sorted(STATES)),
        uei=st.none() | ueis(),
        kind=st.sampled_from(list(OrganizationKind)),
    )


def recipients() -> st.SearchStrategy[Agency | Organization]:
    """Agencies or organisations.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform import Agency, Organization
        >>> from copsreform.testing import recipients
        >>> isinstance(find(recipients(), lambda r: True), (Agency, Organization))
        True
    """
    return st.one_of(agencies(), organizations())


def providers() -> st.SearchStrategy[Provider]:
    """Providers: from the reference registry, or made up with valid fields.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform.testing import providers
        >>> find(providers(), lambda p: True).programs != frozenset()
        True
    """
    made_up = st.builds(
        Provider,
        name=names(),
        programs=st.frozensets(st.sampled_from(list(CRIProgram)), min_size=1),
        acronym=st.none() | st.text(string.ascii_uppercase, min_size=2, max_size=6),
        aliases=st.lists(names(), max_size=2).map(tuple),
        role=st.sampled_from(list(ProviderRole)),
        sources=st.lists(names(), max_size=2).map(tuple),
        note=st.none() | names(),
    )
    return st.one_of(st.sampled_from(_registry()), made_up)


def sources() -> st.SearchStrategy[PublicSource]:
    """Public sources: a title, an http(s) URL, maybe a publisher and a date.

    Examples:
        >>> from copsreform.testing import sources
        >>> from hypothesis import find
        >>> find(sources(), lambda s: True).url.startswith(("http://", "https://"))
        True
    """
    path = st.text(string.ascii_letters + string.digits + "-_./?=&%#", max_size=40)
    return st.builds(
        PublicSource,
        title=names(),
        url=st.builds(
            lambda scheme, host, rest: f"{scheme}://{host}/{rest}",
            st.sampled_from(["http", "https"]),
            st.sampled_from(["cops.usdoj.gov", "www.justice.gov", "example.org"]),
            path,
        ),
        publisher=st.none() | names(),
        date=st.none() | _DATES,
        official=st.booleans(),
    )


@st.composite
def _history(draw: st.DrawFn, since: dt.date | None) -> tuple[StatusChange, ...]:
    changes: list[StatusChange] = []
    status = EngagementStatus.REQUESTED
    day = since or draw(_DATES)
    for _ in range(draw(st.integers(0, 3))):
        allowed = sorted(TRANSITIONS[status], key=lambda s: s.value)
        if not allowed:
            break
        status = draw(st.sampled_from(allowed))
        day = day + dt.timedelta(days=draw(st.integers(0, 400)))
        changes.append(StatusChange(status, day, draw(st.none() | names())))
    return tuple(changes)


@st.composite
def engagements(draw: st.DrawFn, program: CRIProgram | None = None) -> Engagement:
    """Valid engagements with a legal, dated history and dates in order.

    Args:
        draw: Supplied by Hypothesis.
        program: Only engagements of this program; any when ``None``.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform import CRIProgram
        >>> from copsreform.testing import engagements
        >>> find(engagements(CRIProgram.CRITICAL_RESPONSE), lambda e: True).categories != frozenset()
        True
    """
    chosen = program or draw(st.sampled_from(list(CRIProgram)))
    deliverers = st.sampled_from(_registry(chosen)) if _registry(chosen) else st.nothing()
    made_up = st.builds(Provider, name=names(), programs=st.just(frozenset({chosen})))
    provider = draw(st.none() | deliverers | made_up)
    categories: frozenset[TACategory] = frozenset()
    if chosen is CRIProgram.CRITICAL_RESPONSE:
        categories = draw(st.frozensets(st.sampled_from(list(TACategory)), min_size=1))
    elif chosen is CRIProgram.CRITICAL_RESPONSE_TA:
        categories = draw(st.frozensets(st.sampled_from(list(TACategory))))
    recommendations: tuple[Recommendation, ...] = ()
    if chosen is CRIProgram.ORGANIZATIONAL_ASSESSMENT:
        recommendations = tuple(
            draw(
                st.lists(
                    st.builds(
                        Recommendation,
                        text=names(),
                        status=st.sampled_from(list(RecommendationStatus)),
                        focus_area=st.none() | names(),
                    ),
                    max_size=4,
                )
            )
        )
    days = sorted(draw(st.lists(_DATES, min_size=4, max_size=4)))
    present = draw(st.lists(st.booleans(), min_size=4, max_size=4))
    requested, announced, start, end = (
        d if p else None for d, p in zip(days, present, strict=True)
    )
    return Engagement(
        agency=draw(agencies()),
        program=chosen,
        provider=provider,
        categories=categories,
        focus=draw(st.none() | names()),
        requested_on=requested,
        announced_on=announced,
        start=start,
        end=end,
        history=draw(_history(requested)),
        recommendations=recommendations,
        report_released_on=draw(
            st.none()
            | st.dates(max(announced or days[0], requested or days[0]), dt.date(2045, 12, 31))
        ),
        findings_count=draw(st.none() | st.integers(0, 500)),
        recommendations_count=draw(st.none() | st.integers(0, 500)),
        sources=tuple(draw(st.lists(sources(), max_size=3))),
        note=draw(st.none() | names()),
    )


@st.composite
def grants(draw: st.DrawFn, program: GrantProgram | None = None) -> Grant:
    """Valid grants: award number and fiscal year agree, end not before start.

    Args:
        draw: Supplied by Hypothesis.
        program: Only grants of this program; any when ``None``.

    Examples:
        >>> from hypothesis import find
        >>> from copsreform import GrantProgram
        >>> from copsreform.testing import grants
        >>> g = find(grants(GrantProgram.CHP), lambda g: g.positions is not None)
        >>> g.program
        <GrantProgram.CHP: 'chp'>
    """
    chosen = program or draw(st.sampled_from(list(GrantProgram)))
    year = draw(st.integers(1995, 2035))
    start = draw(st.dates(dt.date(year - 1, 7, 1), dt.date(year + 1, 6, 30)))
    end = start + dt.timedelta(days=draw(st.integers(0, 5 * 366)))
    listing_choices = sorted({"16.710", chosen.assistance_listing})
    return Grant(
        award_number=draw(award_numbers(year)),
        program=chosen,
        recipient=draw(recipients()),
        federal_amount=draw(amounts()),
        start=start,
        end=end,
        local_match=draw(amounts(0)),
        match_waived=draw(st.booleans()),
        positions=draw(st.none() | st.integers(0, 60)),
        fiscal_year=draw(st.none() | st.just(FiscalYear(year))),
        solicitation=draw(
            st.none() | st.integers(10000, 999999).map(lambda n: f"O-COPS-{max(year, 2021)}-{n}")
        ),
        assistance_listing=draw(st.none() | st.sampled_from(listing_choices)),
        description=draw(st.none() | names(200)),
    )
