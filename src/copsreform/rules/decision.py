"""Decisions and their reasons: what a rule check answers, and why.

A :class:`Decision` is the answer to "can this applicant get this?"
(:func:`~copsreform.rules.check_eligibility`) or "does this award follow its program's
rules?" (:func:`~copsreform.rules.check_award`). It carries one :class:`Reason` for every
rule that was checked, the :class:`Condition` records that the applicant certifies or
the solicitation scores (listed, never decided), the inputs that were missing, and, for
awards, computed dates.

The status follows three-valued logic:

* ``INELIGIBLE`` when any reason ``FAILED`` (a definite failure decides, whatever else
  is unknown);
* ``UNDETERMINED`` when none failed but some reason is ``UNKNOWN``;
* ``ELIGIBLE`` when every reason ``PASSED``.

Every reason and condition names its sources as :class:`Source` records (id, title,
URLs, and whether a URL is an official copy), so a program can tell an official source
from an aggregator's copy. Every field is a string, a boolean, an enum, a date, a
:class:`~copsreform.FiscalYear` or a tuple of these records, so a decision serializes
with the library's converter.

Examples:
    >>> from copsreform import CRIProgram, Decision, FiscalYear, Outcome, Reason, Source
    >>> from copsreform.rules.decision import DecisionKind
    >>> page = Source("S4", "COPS Office: Critical Response program page",
    ...               ("http://cops.usdoj.gov/criticalresponse",))
    >>> ok = Reason("critical_response.applicant", Outcome.PASSED,
    ...             "the applicant is a local law enforcement agency: eligible",
    ...             (page,), "FY2022 onward (verified)")
    >>> d = Decision.of(DecisionKind.ELIGIBILITY, "Boston Police Department (MA0130100)",
    ...                 CRIProgram.CRITICAL_RESPONSE, FiscalYear(2024), (ok,))
    >>> d.status, d.eligible
    (<Eligibility.ELIGIBLE: 'eligible'>, True)
"""

import datetime as dt
import enum
import textwrap
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from copsreform import _fields as f
from copsreform._repr import counted
from copsreform.errors import ValidationError
from copsreform.fiscal import FiscalYear
from copsreform.identifiers import award_number as _award_number
from copsreform.programs import CRIProgram, GrantProgram

__all__ = [
    "Condition",
    "ConditionKind",
    "Decision",
    "DecisionKind",
    "Eligibility",
    "Outcome",
    "Program",
    "Reason",
    "Source",
    "fold",
    "is_official_url",
]

#: A program a rule can be checked against.
Program = CRIProgram | GrantProgram


class Eligibility(enum.Enum):
    """The status of a decision.

    For :func:`~copsreform.rules.check_award`, ``ELIGIBLE`` means the award follows every
    rule checked and ``INELIGIBLE`` that it breaks at least one.

    Examples:
        >>> from copsreform import Eligibility
        >>> [e.value for e in Eligibility]
        ['eligible', 'ineligible', 'undetermined']
    """

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDETERMINED = "undetermined"


class Outcome(enum.Enum):
    """The outcome of one rule.

    Examples:
        >>> from copsreform import Outcome
        >>> Outcome("unknown")
        <Outcome.UNKNOWN: 'unknown'>
    """

    PASSED = "passed"
    FAILED = "failed"
    #: The rule needs an input that is missing, or a value no source gives.
    UNKNOWN = "unknown"


class ConditionKind(enum.Enum):
    """How a listed condition is met.

    Examples:
        >>> from copsreform.rules.decision import ConditionKind
        >>> ConditionKind.COMPETITIVE.value
        'competitive'
    """

    #: The applicant certifies or commits to it (8 U.S.C. 1373 compliance, retention).
    CERTIFIED = "certified"
    #: The solicitation scores it competitively (a State's methamphetamine seizures).
    COMPETITIVE = "competitive"


class DecisionKind(enum.Enum):
    """What was checked.

    Examples:
        >>> from copsreform.rules.decision import DecisionKind
        >>> DecisionKind.AWARD.value
        'award'
    """

    #: An applicant against a program (:func:`~copsreform.rules.check_eligibility`).
    ELIGIBILITY = "eligibility"
    #: An award against its program's rules (:func:`~copsreform.rules.check_award`).
    AWARD = "award"


def _texts(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
        f.fail(instance, attribute, "must be a tuple of non-empty strings", value)


def _non_empty(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, str) or not value:
        f.fail(instance, attribute, "must be a non-empty string", value)


def _optional_day(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is not None:
        f.day(instance, attribute, value)


#: Web archives whose copies keep the archived URL in their path; such a copy of an
#: official URL is official.
_ARCHIVE_HOSTS: Final = frozenset(
    {
        "webarchive.library.unt.edu",
        "cybercemetery.unt.edu",
        "swap.stanford.edu",
        "web.archive.org",
        "wayback.archive-it.org",
    }
)


def _host(url: str) -> str:
    return (urllib.parse.urlsplit(url).hostname or "").lower()


def is_official_url(url: str) -> bool:
    """Tell whether ``url`` is an official U.S. government copy of a document.

    Official: a ``.gov`` or ``.mil`` host (COPS Office, justice.gov, govinfo, eCFR,
    uscode.house.gov, an archived ``archives.gov`` site), or a web archive's copy of
    such a URL (UNT web archive and CyberCemetery, Stanford, the Internet Archive). Not official: aggregators, news
    sites, document-sharing sites, code repositories, city records on commercial hosts.

    Examples:
        >>> from copsreform import is_official_url
        >>> is_official_url("https://cops.usdoj.gov/chp")
        True
        >>> is_official_url(
        ...     "https://swap.stanford.edu/was/20151211033644mp_/http:/www.cops.usdoj.gov/Default.asp?Item=2367")
        True
        >>> is_official_url("https://grantsbay.com/?p=582157")
        False
    """
    host = _host(url)
    if host.endswith((".gov", ".mil")):
        return True
    if host in _ARCHIVE_HOSTS:
        path = urllib.parse.urlsplit(url).path
        for marker in ("/http:/", "/https:/"):
            at = path.find(marker)
            if at >= 0:
                inner = "http://" + path[at + len(marker) :].lstrip("/")
                return is_official_url(inner)
    return False


def non_empty_texts(what: str) -> "Callable[[object, attrs.Attribute[Any], object], None]":
    """Return a validator of a non-empty tuple of non-empty strings (``what`` names them).

    Examples:
        >>> import attrs
        >>> from copsreform.rules.decision import non_empty_texts
        >>> @attrs.frozen
        ... class Cited:
        ...     urls: tuple[str, ...] = attrs.field(validator=non_empty_texts("URLs"))
        >>> Cited(("https://cops.usdoj.gov/",)).urls
        ('https://cops.usdoj.gov/',)
    """

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if (
            not isinstance(value, tuple)
            or not value
            or not all(isinstance(v, str) and v for v in value)
        ):
            f.fail(instance, attribute, f"must be a non-empty tuple of {what}", value)

    return check


_urls = non_empty_texts("URLs")


def _default_official(source: "Source") -> bool:
    return isinstance(source.urls, tuple) and any(
        isinstance(u, str) and is_official_url(u) for u in source.urls
    )


@attrs.frozen
class Source:
    """A public source: its id in the rule book's register, title, URLs, and officialness.

    Args:
        id: The id in the register (``"G2"``).
        title: What the document is: its issuer, title, number and date where known.
        urls: Where it was read, official copy first where there is one.
        official: Whether a URL is an official copy (see
            :func:`~copsreform.rules.is_official_url`);
            computed from the URLs when not given.

    Raises:
        ValidationError: If a field is refused, naming ``Source.<field>``.

    Examples:
        >>> from copsreform import Source
        >>> s = Source("G5", "FY2022 COPS Hiring Program solicitation summary",
        ...            ("https://grantsbay.com/",))
        >>> s.citation, s.official
        ('G5: FY2022 COPS Hiring Program solicitation summary <https://grantsbay.com/>', False)
        >>> Source("G2", "COPS Office: COPS Hiring Program page", ("https://cops.usdoj.gov/chp",)).official
        True
    """

    id: str = attrs.field(validator=_non_empty)
    title: str = attrs.field(validator=_non_empty)
    urls: tuple[str, ...] = attrs.field(converter=f.to_tuple, validator=_urls)
    official: bool = attrs.field(
        default=attrs.Factory(_default_official, takes_self=True),
        validator=f.instance(bool, "a boolean"),
    )

    @property
    def citation(self) -> str:
        """The source as one line of text: id, title and URLs."""
        return f"{self.id}: {self.title} " + " ".join(f"<{u}>" for u in self.urls)


def _sources(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, tuple) or not value or not all(isinstance(v, Source) for v in value):
        f.fail(instance, attribute, "must be a non-empty tuple of Source records", value)


@attrs.frozen
class Reason:
    """The outcome of one rule, why, and where the rule comes from.

    Args:
        rule: The rule's identifier, ``<program>.<rule>`` (``"chp.primary_le_authority"``).
        outcome: Passed, failed or unknown.
        message: What was found, in words.
        sources: The public sources of the rule version applied.
        version: The version applied: its fiscal years and how sure the sources are.
        missing: The inputs this rule needed and did not have (empty unless unknown).
        assumed: The inputs whose values this rule's outcome rests on although the record
            does not give them: values the caller stated with ``assume=`` (see
            :func:`~copsreform.rules.check_eligibility`). Empty for an outcome on recorded
            data.

    Raises:
        ValidationError: If a field is refused, naming ``Reason.<field>``.

    Examples:
        >>> from copsreform import Outcome, Reason, Source
        >>> g5 = Source("G5", "FY2022 CHP solicitation summary", ("https://grantsbay.com/",))
        >>> r = Reason("chp.primary_le_authority", Outcome.UNKNOWN,
        ...            "whether the agency has primary law enforcement authority is unknown",
        ...            (g5,), "FY2015-FY2025 (verified)", ("primary_law_enforcement_authority",))
        >>> r.missing, r.sources[0].official
        (('primary_law_enforcement_authority',), False)
    """

    rule: str = attrs.field(validator=_non_empty)
    outcome: Outcome = attrs.field(validator=f.member_of(Outcome))
    message: str = attrs.field(validator=_non_empty)
    sources: tuple[Source, ...] = attrs.field(converter=f.to_tuple, validator=_sources)
    version: str = attrs.field(validator=_non_empty)
    missing: tuple[str, ...] = attrs.field(default=(), converter=f.to_tuple, validator=_texts)
    assumed: tuple[str, ...] = attrs.field(default=(), converter=f.to_tuple, validator=_texts)


@attrs.frozen
class Condition:
    """A condition the applicant certifies or the solicitation scores; listed, not decided.

    Args:
        id: The condition's identifier (``"chp.usc_1373"``).
        kind: Certified by the applicant, or scored competitively.
        text: What the condition asks.
        sources: The public sources.
        version: The fiscal years the condition is recorded for.

    Raises:
        ValidationError: If a field is refused, naming ``Condition.<field>``.

    Examples:
        >>> from copsreform import Condition, Source
        >>> from copsreform.rules.decision import ConditionKind
        >>> g2 = Source("G2", "COPS Office: COPS Hiring Program page", ("https://cops.usdoj.gov/chp",))
        >>> c = Condition("chp.usc_1373", ConditionKind.CERTIFIED,
        ...               "State and local entities must comply with 8 U.S.C. 1373.",
        ...               (g2,), "FY2025 (verified)")
        >>> c.kind.value
        'certified'
    """

    id: str = attrs.field(validator=_non_empty)
    kind: ConditionKind = attrs.field(validator=f.member_of(ConditionKind))
    text: str = attrs.field(validator=_non_empty)
    sources: tuple[Source, ...] = attrs.field(converter=f.to_tuple, validator=_sources)
    version: str = attrs.field(validator=_non_empty)


def fold(reasons: Iterable[Reason]) -> tuple[Eligibility, tuple[str, ...]]:
    """Combine reasons by three-valued logic; collect the missing inputs.

    Args:
        reasons: The reasons of every rule checked.

    Returns:
        ``(status, missing)``: ``INELIGIBLE`` if any failed, else ``UNDETERMINED`` if any
        is unknown, else ``ELIGIBLE``; and the missing inputs, each once, in order.

    Examples:
        >>> from copsreform import Outcome, Reason, Source
        >>> from copsreform.rules.decision import fold
        >>> src, ver = (Source("X1", "a source", ("https://example.org",)),), "FY2024 (verified)"
        >>> fold([Reason("x.a", Outcome.UNKNOWN, "?", src, ver, ("positions",)),
        ...       Reason("x.b", Outcome.FAILED, "no", src, ver)])
        (<Eligibility.INELIGIBLE: 'ineligible'>, ('positions',))
        >>> fold([])
        (<Eligibility.ELIGIBLE: 'eligible'>, ())
    """
    failed = unknown = False
    missing: dict[str, None] = {}
    for reason in reasons:
        if reason.outcome is Outcome.FAILED:
            failed = True
        elif reason.outcome is Outcome.UNKNOWN:
            unknown = True
        for name in reason.missing:
            missing[name] = None
    if failed:
        status = Eligibility.INELIGIBLE
    elif unknown:
        status = Eligibility.UNDETERMINED
    else:
        status = Eligibility.ELIGIBLE
    return status, tuple(missing)


@attrs.frozen
class Decision:
    """An eligibility or award decision with its reasons.

    Build one with :meth:`of`, which derives :attr:`status` and :attr:`missing` from the
    reasons; the plain constructor checks that they agree, so a decision read back from
    storage cannot contradict its own reasons.

    Args:
        status: Eligible, ineligible or undetermined, by three-valued logic over the
            reasons.
        kind: An eligibility check or an award check.
        subject: Who or what was checked: the applicant's name (with its ORI when known),
            or the recipient's.
        fiscal_year: The fiscal year whose rule versions were applied.
        reasons: One reason per rule checked, in the order the rules are listed.
        conditions: Certified or competitive conditions of the program in that year,
            listed with their sources and not decided.
        missing: The inputs that rules needed and did not have, each once: applicant or
            grant field names (``"primary_law_enforcement_authority"``, ``"positions"``,
            ``"kind"``, ``"local_match"``, ``"federal_amount"``), or ``"extension"`` (whether
            an extension was approved) and ``"match_waived"`` where the record cannot say.
        cri_program: The Collaborative Reform program checked, if it is one.
        grant_program: The grant program checked, if it is one.
        award_number: For an award check, the award number (compact form).
        funding_end: For a COPS Hiring Program award, the last day of the 36 months of
            federal funding, assuming funding starts on the first day of the period of
            performance.
        retention_end: For a COPS Hiring Program award, the last day of the 12 months of
            retention after federal funding ends (same assumption).
        closeout_due: For an award, the day by which final reports are due under the
            Uniform Guidance (2 CFR 200.344(b)); ``None`` for awards before FY2015, for
            which no closeout rule is recorded.
        notes: Remarks on the computed dates and on what was not checked.
        assumed: The inputs the decision rests on that the record does not give, each
            once: values the caller stated with ``assume=``. A decision with assumed
            inputs is a decision on those assumptions, not on recorded data alone;
            :meth:`explain` says so in its first line.

    Raises:
        ValidationError: If a field is refused, if not exactly one program is given, or
            if ``status``, ``missing`` or ``assumed`` disagree with the reasons.

    Examples:
        >>> from copsreform import (
        ...     Decision, Eligibility, FiscalYear, GrantProgram, Outcome, Reason, Source)
        >>> from copsreform.rules.decision import DecisionKind
        >>> g2 = Source("G2", "COPS Hiring Program page", ("https://cops.usdoj.gov/chp",))
        >>> r = Reason("chp.per_position", Outcome.UNKNOWN, "positions are unknown",
        ...            (g2,), "FY2015-FY2025 (verified)", ("positions",))
        >>> d = Decision.of(DecisionKind.AWARD, "City of Example", GrantProgram.CHP,
        ...                 FiscalYear(2024), (r,))
        >>> d.status.value, d.missing, d.program
        ('undetermined', ('positions',), <GrantProgram.CHP: 'chp'>)
        >>> Decision(Eligibility.ELIGIBLE, DecisionKind.AWARD, "City of Example",
        ...          FiscalYear(2024), (r,), grant_program=GrantProgram.CHP,
        ...          missing=("positions",))
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: 'Decision.status' must be 'undetermined' by three-valued logic over the reasons (got 'eligible')
    """

    status: Eligibility = attrs.field(validator=f.member_of(Eligibility))
    kind: DecisionKind = attrs.field(validator=f.member_of(DecisionKind))
    subject: str = attrs.field(validator=_non_empty)
    fiscal_year: FiscalYear = attrs.field(validator=f.instance(FiscalYear, "a FiscalYear"))
    reasons: tuple[Reason, ...] = attrs.field(
        converter=f.to_tuple, validator=f.tuple_of(Reason), repr=counted("reason")
    )
    conditions: tuple[Condition, ...] = attrs.field(
        default=(), converter=f.to_tuple, validator=f.tuple_of(Condition), repr=counted("condition")
    )
    missing: tuple[str, ...] = attrs.field(default=(), converter=f.to_tuple, validator=_texts)
    cri_program: CRIProgram | None = attrs.field(
        default=None, validator=f.optional(f.member_of(CRIProgram))
    )
    grant_program: GrantProgram | None = attrs.field(
        default=None, validator=f.optional(f.member_of(GrantProgram))
    )
    award_number: str | None = attrs.field(default=None, validator=f.optional(_non_empty))
    funding_end: dt.date | None = attrs.field(default=None, validator=_optional_day)
    retention_end: dt.date | None = attrs.field(default=None, validator=_optional_day)
    closeout_due: dt.date | None = attrs.field(default=None, validator=_optional_day)
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=f.to_tuple, validator=_texts, repr=counted("note")
    )
    assumed: tuple[str, ...] = attrs.field(default=(), converter=f.to_tuple, validator=_texts)

    def __attrs_post_init__(self) -> None:
        if (self.cri_program is None) == (self.grant_program is None):
            raise ValidationError.single(
                "must be given, or grant_program, but not both",
                self.cri_program,
                ("cri_program",),
                root="Decision",
            )
        status, missing = fold(self.reasons)
        if status is not self.status:
            raise ValidationError.single(
                f"must be {status.value!r} by three-valued logic over the reasons",
                self.status.value,
                ("status",),
                root="Decision",
            )
        if missing != self.missing:
            raise ValidationError.single(
                f"must list the reasons' missing inputs, {missing!r}",
                self.missing,
                ("missing",),
                root="Decision",
            )
        assumed = _assumed(self.reasons)
        if assumed != self.assumed:
            raise ValidationError.single(
                f"must list the reasons' assumed inputs, {assumed!r}",
                self.assumed,
                ("assumed",),
                root="Decision",
            )

    @classmethod
    def of(
        cls,
        kind: DecisionKind,
        subject: str,
        program: Program,
        fiscal_year: FiscalYear,
        reasons: Iterable[Reason],
        *,
        conditions: Iterable[Condition] = (),
        award_number: str | None = None,
        funding_end: dt.date | None = None,
        retention_end: dt.date | None = None,
        closeout_due: dt.date | None = None,
        notes: Iterable[str] = (),
    ) -> "Decision":
        """Build a decision whose status and missing inputs follow from its reasons.

        Args:
            kind: Eligibility or award.
            subject: Who or what was checked.
            program: A :class:`~copsreform.CRIProgram` or :class:`~copsreform.GrantProgram`.
            fiscal_year: The fiscal year applied.
            reasons: The reasons.
            conditions: The listed conditions.
            award_number: For an award, its number.
            funding_end: See the class.
            retention_end: See the class.
            closeout_due: See the class.
            notes: See the class.

        Returns:
            The decision.

        Raises:
            ValidationError: If a field is refused.

        Examples:
            >>> from copsreform import CRIProgram, Decision, FiscalYear
            >>> from copsreform.rules.decision import DecisionKind
            >>> Decision.of(DecisionKind.ELIGIBILITY, "X", CRIProgram.CRI_TAC,
            ...             FiscalYear(2024), ()).status
            <Eligibility.ELIGIBLE: 'eligible'>
        """
        reasons = tuple(reasons)
        status, missing = fold(reasons)
        return cls(
            status,
            kind,
            subject,
            fiscal_year,
            reasons,
            tuple(conditions),
            missing,
            cri_program=program if isinstance(program, CRIProgram) else None,
            grant_program=program if isinstance(program, GrantProgram) else None,
            award_number=award_number,
            funding_end=funding_end,
            retention_end=retention_end,
            closeout_due=closeout_due,
            notes=tuple(notes),
            assumed=_assumed(reasons),
        )

    def _for_subject(self, subject: str) -> "Decision":
        """Return this decision about another subject, without validating again.

        For the eligibility matrix: a verdict is the same for every applicant with the
        same facts, so its decision is built and validated once and copied per applicant.
        ``subject`` must be a non-empty string (a validated agency or organisation name).
        """
        copy = object.__new__(Decision)
        for name in _FIELD_NAMES:
            object.__setattr__(copy, name, getattr(self, name))
        object.__setattr__(copy, "subject", subject)
        return copy

    @property
    def eligible(self) -> bool:
        """``True`` only when the status is ``ELIGIBLE``."""
        return self.status is Eligibility.ELIGIBLE

    @property
    def program(self) -> Program:
        """The program checked: a :class:`~copsreform.CRIProgram` or a :class:`~copsreform.GrantProgram`."""
        program = self.cri_program or self.grant_program
        assert program is not None  # checked in __attrs_post_init__  # noqa: S101
        return program

    def failed(self) -> tuple[Reason, ...]:
        """Return the reasons that failed.

        Examples:
            >>> from copsreform import CRIProgram, Decision, FiscalYear
            >>> from copsreform.rules.decision import DecisionKind
            >>> Decision.of(DecisionKind.ELIGIBILITY, "X", CRIProgram.CRI_TAC,
            ...             FiscalYear(2024), ()).failed()
            ()
        """
        return tuple(r for r in self.reasons if r.outcome is Outcome.FAILED)

    def explain(self) -> str:
        """Return the decision as readable text: each rule, its outcome and its sources.

        Returns:
            Several lines: a headline; one block per reason (outcome, rule, message,
            version and source ids); missing inputs, listed conditions, computed dates and
            notes when there are any; then each source cited, once, with its URLs, marked
            official or not.

        Examples:
            >>> from copsreform import CRIProgram, Decision, FiscalYear, Outcome, Reason, Source
            >>> from copsreform.rules.decision import DecisionKind
            >>> s20 = Source("S20", "Police1: 5 things to know about CRI-TAC",
            ...              ("https://www.police1.com/",))
            >>> r = Reason("cri_tac.applicant", Outcome.PASSED,
            ...            "the applicant is a campus law enforcement agency, which may apply",
            ...            (s20,), "FY2018 onward, verified")
            >>> print(Decision.of(DecisionKind.ELIGIBILITY, "McNeese State University PD",
            ...                   CRIProgram.CRI_TAC, FiscalYear(2024), (r,)).explain())
            McNeese State University PD: ELIGIBLE for Collaborative Reform Initiative Technical Assistance Center (CRI-TAC), FY2024
            <BLANKLINE>
            Rules (1):
              [passed] cri_tac.applicant: the applicant is a campus law enforcement agency, which may
                apply
                version FY2018 onward, verified; sources S20
            <BLANKLINE>
            Sources:
              S20 (not official): Police1: 5 things to know about CRI-TAC <https://www.police1.com/>
        """
        lines = [str(self), "", f"Rules ({len(self.reasons)}):"]
        cited: dict[str, Source] = {}
        for reason in self.reasons:
            outcome = reason.outcome.value + (", assumed" if reason.assumed else "")
            lines.extend(_wrapped(f"[{outcome}] {reason.rule}: {reason.message}", "  "))
            lines.extend(
                _wrapped(f"version {reason.version}; {_cite(reason.sources, cited)}", "    ")
            )
        if self.missing and self.status is Eligibility.INELIGIBLE:
            lines += [
                "",
                "Missing inputs (they do not matter: a rule already failed): "
                + ", ".join(self.missing),
            ]
        elif self.missing:
            lines += ["", "Missing inputs: " + ", ".join(self.missing)]
        if self.assumed:
            lines += [""]
            lines.extend(
                _wrapped(
                    "Assumed inputs (stated by the caller, not in the record): "
                    + ", ".join(self.assumed),
                    "",
                )
            )
        if self.conditions:
            lines += ["", "Conditions (listed with their sources, not decided here):"]
            for c in self.conditions:
                lines.extend(_wrapped(f"- {c.id} ({c.kind.value}): {c.text}", "  "))
                lines.extend(_wrapped(f"version {c.version}; {_cite(c.sources, cited)}", "    "))
        dates = [
            ("End of federal funding", self.funding_end),
            ("End of retention", self.retention_end),
            ("Final reports due", self.closeout_due),
        ]
        if any(day for _, day in dates):
            lines += ["", "Dates:"]
            lines.extend(f"  {label}: {day.isoformat()}" for label, day in dates if day)
        if self.notes:
            lines += ["", "Notes:"]
            for note in self.notes:
                lines.extend(_wrapped(f"- {note}", "  "))
        if cited:
            lines += ["", "Sources:"]
            for source in cited.values():
                lines.extend(_wrapped(_listed(source), "  "))
        return "\n".join(lines)

    def __str__(self) -> str:
        """The decision in one line: who, the answer, the program and the year.

        Examples:
            >>> from copsreform import CRIProgram, FiscalYear
            >>> from copsreform.rules import Decision, DecisionKind
            >>> print(Decision.of(DecisionKind.ELIGIBILITY, "McNeese State University PD",
            ...                   CRIProgram.CRI_TAC, FiscalYear(2024), ()))
            McNeese State University PD: ELIGIBLE for Collaborative Reform Initiative Technical Assistance Center (CRI-TAC), FY2024
        """
        verb = "for" if self.kind is DecisionKind.ELIGIBILITY else "under"
        what = self.subject
        if self.award_number:
            what = f"award {_display(self.award_number)} to {self.subject}"
        headline = f"{what}: {self.status.name} {verb} {self.program.title}, {self.fiscal_year}"
        if self.assumed:
            headline += ", ASSUMING " + ", ".join(self.assumed)
        return headline


def _assumed(reasons: Iterable[Reason]) -> tuple[str, ...]:
    """The reasons' assumed inputs, each once, in order."""
    return tuple(dict.fromkeys(name for reason in reasons for name in reason.assumed))


def _display(number: str) -> str:
    """Return an award number in its dashed form, or as stored if it is not one."""
    try:
        return _award_number.format(number)
    except ValidationError:
        return number


def _cite(sources: tuple[Source, ...], cited: dict[str, Source]) -> str:
    """Return ``sources ID, ID``, recording each source in ``cited`` (by id, first kept)."""
    for source in sources:
        cited.setdefault(source.id, source)
    return "sources " + ", ".join(source.id for source in sources)


def _listed(source: Source) -> str:
    """Return a source as the end of :meth:`Decision.explain` lists it."""
    mark = "official" if source.official else "not official"
    return f"{source.id} ({mark}): {source.title} " + " ".join(f"<{u}>" for u in source.urls)


_FIELD_NAMES: tuple[str, ...] = tuple(a.name for a in attrs.fields(Decision))


def _wrapped(text: str, indent: str) -> list[str]:
    # URLs never break; long lines wrap at 100 columns for a terminal.
    return textwrap.wrap(
        text,
        width=100,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]
