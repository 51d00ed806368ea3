"""COPS grants (awards).

A :class:`Grant` is one COPS award: its award number (FAIN), program, recipient,
amounts, funded positions and period of performance.

Money is :class:`~decimal.Decimal` in whole cents. ``federal_amount`` holds the federal
amount **as the source reports it**: for an award letter, the amount awarded; for a
USAspending row, the award's total obligation, which is *net* of de-obligations and so
can be zero or negative (USAspending shows ``2015UMWX0174``, City of Marysville, at
-30,851.29). The model carries such records faithfully instead of refusing them:
:attr:`Grant.is_net_negative` tells them apart, and the derived figures
(:attr:`~Grant.federal_share`, :attr:`~Grant.federal_per_position`) are ``None``
when the amount is not positive, since a share of a de-obligation means nothing.

The fiscal year of an award is the one its award number encodes; it is derived when not
given and must agree when given. The period of performance often starts on 1 October,
the first day of the *next* fiscal year (FY2024 CHP awards ran from 1 October 2024).

Examples:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> import copsreform as cr
    >>> sv = cr.Agency(name="Spokane Valley Police Department", state="WA", uei="NSU3DBMM7JN9",
    ...                jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
    >>> grant = cr.Grant(award_number="15JCOPS-24-GG-03715-UHPX", program=cr.GrantProgram.CHP,
    ...                  recipient=sv, federal_amount=Decimal("1250000"), positions=10,
    ...                  start=date(2024, 10, 1), end=date(2029, 9, 30))
    >>> grant.award_number, grant.fiscal_year
    ('15JCOPS24GG03715UHPX', FiscalYear(2024))
    >>> grant.federal_per_position
    Decimal('125000.00')
    >>> grant.award_number_display
    '15JCOPS-24-GG-03715-UHPX'
"""

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Final, cast

import attrs

from copsreform import _fields as f
from copsreform._repr import brief
from copsreform.agency import Agency, Organization, Recipient
from copsreform.errors import Problem, ValidationError
from copsreform.fiscal import FiscalYear
from copsreform.identifiers import assistance_listing as _listing
from copsreform.identifiers import award_number as _award_number
from copsreform.identifiers import solicitation as _solicitation
from copsreform.programs import COPS_UMBRELLA_LISTING, GrantProgram

__all__ = ["Grant"]

_ZERO = Decimal("0.00")

#: The precision of :attr:`Grant.federal_share`: four decimal places (a hundredth of a
#: percent), rounded half to even.
SHARE_PLACES: Final = Decimal("0.0001")

#: The precision of :attr:`Grant.federal_per_position`: whole cents, rounded half to even.
CENT: Final = Decimal("0.01")


def _cops_listing(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    f.identifier(_listing.validate)(instance, attribute, value)
    if isinstance(value, str) and not _listing.is_cops(value):
        f.fail(
            instance, attribute, "must be a COPS Assistance Listing (16.710, 16.068-16.073)", value
        )


def _fiscal_year(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, FiscalYear):
        f.fail(instance, attribute, "must be a FiscalYear", value)


def _given_fiscal_year(value: FiscalYear | None) -> FiscalYear:
    # Declares that the constructor takes ``None`` ("derive it"); __attrs_post_init__
    # replaces ``None`` with the year the award number encodes.
    return cast(FiscalYear, value)


@f.every_problem
@attrs.frozen
class Grant:
    """One COPS award.

    Args:
        award_number: The award number (FAIN), in either era's form, with or without
            dashes; stored in compact form (``15JCOPS24GG03715UHPX``).
        program: The COPS program.
        recipient: An :class:`~copsreform.Agency`, or an :class:`~copsreform.Organization`
            where only a name, UEI and state are known.
        federal_amount: The federal amount as reported: awarded, or net obligated (which
            can be zero or negative). Whole cents.
        start: First day of the period of performance.
        end: Last day of the period of performance (not before ``start``).
        local_match: The recipient's cash match; zero or more.
        match_waived: Whether the local match requirement was waived (wholly or partly).
        positions: Officer positions funded, for hiring programs; ``None`` when unknown or
            not applicable.
        fiscal_year: The fiscal year of the award, as its award number encodes it; derived
            when not given (or ``None``), and must agree with it when given. A public
            field: it appears in ``repr``, ``__match_args__`` and :func:`attrs.asdict`, so
            ``Grant(**attrs.asdict(grant, recurse=False))`` and :func:`attrs.evolve`
            rebuild the grant.
        solicitation: The solicitation (funding opportunity) number, if known.
        assistance_listing: The Assistance Listing, if known: 16.710 or the program's own
            listing (16.068 to 16.073 from FY2025).
        description: The award's description as the source gives it.

    Raises:
        ValidationError: If a field or a combination is refused, naming ``Grant.<field>``.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> import copsreform as cr
        >>> city = cr.Organization(name="CITY OF MARYSVILLE", state="WA")
        >>> g = cr.Grant(award_number="2015UMWX0174", program=cr.GrantProgram.CHP,
        ...              recipient=city, federal_amount=Decimal("-30851.29"),
        ...              start=dt.date(2015, 9, 1), end=dt.date(2018, 8, 31))
        >>> g.is_net_negative, g.federal_share
        (True, None)
        >>> cr.Grant(award_number="2015UMWX0174", program=cr.GrantProgram.CHP, recipient=city,
        ...          federal_amount=Decimal("1"), start=dt.date(2015, 9, 1),
        ...          end=dt.date(2018, 8, 31), fiscal_year=cr.FiscalYear(2016))
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: 'Grant.fiscal_year' must agree with the award number, which encodes FY2015 (got 'FY2016')
    """

    award_number: str = attrs.field(
        converter=f.award_number_form,
        validator=f.identifier(_award_number.validate),
    )
    program: GrantProgram = attrs.field(validator=f.member_of(GrantProgram))
    recipient: Recipient = attrs.field(
        validator=f.instance((Agency, Organization), "an Agency or an Organization"), repr=brief
    )
    federal_amount: Decimal = attrs.field(converter=f.money, validator=f.amount)
    start: dt.date = attrs.field(validator=f.day)
    end: dt.date = attrs.field(validator=f.day)
    local_match: Decimal = attrs.field(
        default=_ZERO, converter=f.money, validator=f.non_negative_amount
    )
    match_waived: bool = attrs.field(default=False, validator=f.boolean)
    positions: int | None = attrs.field(default=None, validator=f.optional(f.count))
    # ``None`` (the default) means "derive it from the award number"; after construction
    # the field always holds the award's FiscalYear. On the wire ``null`` means the same.
    fiscal_year: FiscalYear = attrs.field(
        default=None,
        converter=_given_fiscal_year,
        validator=f.optional(_fiscal_year),
        metadata={f.WIRE_TYPE: FiscalYear | None},
    )
    solicitation: str | None = attrs.field(
        default=None,
        converter=f.solicitation_form,
        validator=f.optional(f.identifier(_solicitation.validate)),
    )
    assistance_listing: str | None = attrs.field(
        default=None,
        converter=f.listing_form,
        validator=f.optional(_cops_listing),
    )
    description: str | None = attrs.field(
        default=None, converter=f.strip_text, validator=f.optional(f.text)
    )

    def __attrs_post_init__(self) -> None:
        self._check_across(FiscalYear.shared(_award_number.fiscal_year(self.award_number)))

    def _check_across(self, encoded: FiscalYear) -> None:
        """Derive or check the fiscal year and check the rules that join fields.

        ``encoded`` is the fiscal year the award number encodes. The compiled decode path
        calls this directly, with the year read from an award number its wire pattern has
        already proven canonical; ``__attrs_post_init__`` derives it from the checked one.
        """
        problems: list[Problem] = []
        given: FiscalYear | None = self.fiscal_year
        if given is None:
            object.__setattr__(self, "fiscal_year", encoded)
        elif given is not encoded and given != encoded:  # shared years: identity first
            problems.append(
                Problem(
                    f"must agree with the award number, which encodes {encoded}",
                    str(given),
                    ("fiscal_year",),
                    "Grant",
                )
            )
        if self.end < self.start:
            problems.append(
                Problem(
                    f"must not be before start ({self.start.isoformat()})",
                    self.end,
                    ("end",),
                    "Grant",
                )
            )
        listing = self.assistance_listing
        if (
            listing is not None
            and self.program is not GrantProgram.UNKNOWN
            and listing not in (COPS_UMBRELLA_LISTING, self.program.assistance_listing)
        ):
            allowed = sorted({COPS_UMBRELLA_LISTING, self.program.assistance_listing})
            problems.append(
                Problem(
                    f"must be {' or '.join(allowed)} for program {self.program.value!r}",
                    listing,
                    ("assistance_listing",),
                    "Grant",
                )
            )
        if problems:
            raise ValidationError(problems)

    @property
    def award_number_display(self) -> str:
        """The award number in its dashed display form (``15JCOPS-24-GG-03715-UHPX``)."""
        return _award_number.format(self.award_number)

    @property
    def is_net_negative(self) -> bool:
        """Whether the reported federal amount is below zero (de-obligations exceed obligations)."""
        return self.federal_amount < 0

    @property
    def total_cost(self) -> Decimal:
        """Federal amount plus local match."""
        return self.federal_amount + self.local_match

    @property
    def federal_share(self) -> Decimal | None:
        """The federal amount's share of the total cost, from 0 to 1, to four decimal places.

        Rounded half to even to ``SHARE_PLACES`` (``0.0001``, a hundredth of a percent),
        so that 749,999.85 of 1,000,000.00 reads ``0.7500``, not a 28-digit fraction (and a
        share below 0.00005 reads ``0.0000``).
        ``None`` when the federal amount is not positive.

        Examples:
            >>> import datetime as dt
            >>> from decimal import Decimal
            >>> import copsreform as cr
            >>> org = cr.Organization(name="CITY OF DALLAS", state="TX")
            >>> cr.Grant(award_number="15JCOPS-25-GG-01001-MUMU", program=cr.GrantProgram.CHP,
            ...          recipient=org, federal_amount=Decimal("750000"),
            ...          local_match=Decimal("250000"), start=dt.date(2025, 10, 1),
            ...          end=dt.date(2030, 9, 30)).federal_share
            Decimal('0.7500')
        """
        if self.federal_amount <= 0:
            return None
        return (self.federal_amount / self.total_cost).quantize(SHARE_PLACES, ROUND_HALF_EVEN)

    @property
    def federal_per_position(self) -> Decimal | None:
        """The federal amount per funded position, in whole cents (rounded half to even).

        ``None`` when positions are unknown or zero, or the amount is not positive.
        """
        if not self.positions or self.federal_amount <= 0:
            return None
        return (self.federal_amount / self.positions).quantize(CENT, ROUND_HALF_EVEN)

    def __str__(self) -> str:
        """The award in one line: number, program, year, amount and recipient.

        Examples:
            >>> import datetime as dt
            >>> from decimal import Decimal
            >>> import copsreform as cr
            >>> org = cr.Organization(name="CITY OF DALLAS", state="TX")
            >>> print(cr.Grant(award_number="15JCOPS-25-GG-01001-MUMU",
            ...                program=cr.GrantProgram.CHP, recipient=org,
            ...                federal_amount=Decimal("750000"), start=dt.date(2025, 10, 1),
            ...                end=dt.date(2030, 9, 30)))
            15JCOPS-25-GG-01001-MUMU: COPS Hiring Program, FY2025, $750,000.00 to CITY OF DALLAS (TX)
        """
        return (
            f"{self.award_number_display}: {self.program.title}, {self.fiscal_year}, "
            f"{'-' if self.federal_amount < 0 else ''}${abs(self.federal_amount):,.2f} "
            f"to {self.recipient}"
        )
