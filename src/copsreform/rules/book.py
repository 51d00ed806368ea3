"""The rule book: effective-dated rule parameters with their public sources.

Program rules change by fiscal year, so their parameters (caps, shares, periods,
ceilings, who may apply) are data. They ship as ``copsreform/data/rules.json``, with a
provenance header naming every source and when it was read, and load on first use into
typed records. Nothing is read at import time. This module holds the book itself; it
re-exports the records it is made of, which live in :mod:`copsreform.rules.parameters`
(rule kinds and parameter records) and :mod:`copsreform.rules.versions` (rules and their
versions), so ``from copsreform.rules.book import RuleVersion`` keeps working.

Each :class:`~copsreform.rules.versions.Rule` has :class:`~copsreform.rules.versions.RuleVersion` records. A version is in force from its
``first`` fiscal year to its ``last`` (``None``: in force as of the date the sources
were read, until superseded); the versions of a rule never overlap. A fiscal year
selects the one version in force, and a year with none raises
:class:`~copsreform.errors.RuleNotInForceError` naming the rule and the year.

A version has a :class:`~copsreform.rules.versions.VersionStatus`:

* ``IN_FORCE``: its parameters apply;
* ``NOT_APPLICABLE``: a source says the rule did not apply in those years (the 2009
  Recovery Act round of the COPS Hiring Program required no match), so it passes;
* ``UNKNOWN``: a source shows the rule exists but gives no value for those years (TRGP
  award ceilings are tiered, amounts unknown), so it answers ``UNKNOWN`` and never
  decides a case.

and a :class:`~copsreform.rules.versions.Confidence`: ``VERIFIED`` when a source states the value for those years,
``INFERRED`` when it is carried over between or from verified years (the note says how).

To change the rules for a new fiscal year, derive a new book; the default book is never
modified:

* :meth:`RuleBook.with_version` adds a version to a rule (``supersede=True`` cuts the
  versions it overlaps, such as an open-ended one);
* :meth:`RuleBook.with_file` merges an extra JSON file in the same format as the shipped
  one (new sources, rules, versions and conditions);

then pass it as ``rules=book`` to :func:`~copsreform.rules.check_eligibility`,
:func:`~copsreform.rules.check_award` or :func:`~copsreform.rules.eligibility_matrix`.

Examples:
    >>> from decimal import Decimal
    >>> from copsreform import FiscalYear, RuleBook
    >>> from copsreform.rules.parameters import PerPositionParams
    >>> from copsreform.rules.versions import Confidence, RuleVersion, VersionStatus
    >>> book = RuleBook.default()
    >>> rule = book.rule("chp.per_position")
    >>> version = rule.version_for(FiscalYear(2024))
    >>> version.label, version.params.describe()
    ('FY2014-FY2025', 'at most $125,000.00 per position over 36 months')
    >>> rule.version_for(FiscalYear(2008))
    Traceback (most recent call last):
    ...
    copsreform.errors.RuleNotInForceError: rule 'chp.per_position' has no version in force for FY2008
    >>> new = book.with_version("chp.per_position", RuleVersion(
    ...     first=FiscalYear(2026), last=FiscalYear(2026), status=VersionStatus.IN_FORCE,
    ...     confidence=Confidence.VERIFIED, sources=("G2",),
    ...     params=PerPositionParams(amount=Decimal("130000"), months=36)))
    >>> new.rule("chp.per_position").version_for(FiscalYear(2026)).params.describe()
    'at most $130,000.00 per position over 36 months'
"""

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from copsreform import _fields as f
from copsreform import strictjson
from copsreform.errors import NotFoundError, Problem, ValidationError
from copsreform.fiscal import FiscalYear
from copsreform.programs import CRIProgram, GrantProgram
from copsreform.rules._loader import Loader
from copsreform.rules.decision import Source
from copsreform.rules.parameters import (
    AmountParams,
    ApplicantClass,
    ApplicantParams,
    CloseoutParams,
    MatchParams,
    NoParams,
    Params,
    PeriodParams,
    PerPositionParams,
    RequestCapParams,
    RetentionParams,
    RuleKind,
    RuleStage,
    ShareParams,
    applicant_list,  # noqa: F401 - importable from this module before the split
    non_empty_text,
)
from copsreform.rules.versions import (
    ConditionRule,
    Confidence,
    Rule,
    RuleVersion,
    VersionStatus,
    program_of,
)

__all__ = [
    "AmountParams",
    "ApplicantClass",
    "ApplicantParams",
    "CloseoutParams",
    "ConditionRule",
    "Confidence",
    "MatchParams",
    "NoParams",
    "Params",
    "PerPositionParams",
    "PeriodParams",
    "RequestCapParams",
    "RetentionParams",
    "Rule",
    "RuleBook",
    "RuleKind",
    "RuleStage",
    "RuleVersion",
    "ShareParams",
    "Source",
    "VersionStatus",
    "program_of",
]

# The book ---------------------------------------------------------------------------------


@attrs.frozen
class RuleBook:
    """A set of rules, conditions and sources; immutable.

    Use :meth:`default` for the rules shipped with copsreform, and :meth:`with_version`
    or :meth:`with_file` to derive a changed book.

    Args:
        rules: The rules; ids unique.
        conditions: The listed conditions; ids unique.
        sources: The register of sources every version cites.
        read: When the sources were read (``"2026"``).

    Raises:
        ValidationError: If ids repeat or a version cites a source not in the register.

    Examples:
        >>> from copsreform import RuleBook
        >>> book = RuleBook.default()
        >>> len(book.rules) > 20, book.read
        (True, '2026')
        >>> [p.value for p in book.programs()][:3]
        ['cri_tac', 'critical_response', 'organizational_assessment']
    """

    rules: tuple[Rule, ...] = attrs.field(converter=f.to_tuple, validator=f.tuple_of(Rule))
    conditions: tuple[ConditionRule, ...] = attrs.field(
        converter=f.to_tuple, validator=f.tuple_of(ConditionRule)
    )
    sources: tuple[Source, ...] = attrs.field(converter=f.to_tuple, validator=f.tuple_of(Source))
    read: str = attrs.field(validator=non_empty_text)
    _by_id: Mapping[str, Rule] = attrs.field(init=False, eq=False, repr=False)
    _sources_by_id: Mapping[str, Source] = attrs.field(init=False, eq=False, repr=False)
    _cache: dict[Any, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        problems = []
        by_id: dict[str, Rule] = {}
        for i, rule in enumerate(self.rules):
            if rule.id in by_id:
                problems.append(Problem("must not repeat a rule id", rule.id, ("rules", i, "id")))
            by_id[rule.id] = rule
        seen: set[str] = set()
        for i, condition in enumerate(self.conditions):
            if condition.id in seen or condition.id in by_id:
                problems.append(
                    Problem("must not repeat an id", condition.id, ("conditions", i, "id"))
                )
            seen.add(condition.id)
        sources = {s.id: s for s in self.sources}
        listed: tuple[tuple[str, tuple[Rule | ConditionRule, ...]], ...] = (
            ("rules", self.rules),
            ("conditions", self.conditions),
        )
        for field, items in listed:
            for i, item in enumerate(items):
                for j, version in enumerate(item.versions):
                    problems.extend(
                        Problem(
                            "must be a source in the register",
                            source,
                            (field, i, "versions", j, "sources"),
                        )
                        for source in version.sources
                        if source not in sources
                    )
        if problems:
            raise ValidationError([p.under("RuleBook") for p in problems])
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        object.__setattr__(self, "_sources_by_id", MappingProxyType(sources))

    # Loading -------------------------------------------------------------------------

    @classmethod
    def default(cls) -> "RuleBook":
        """Return the rules shipped with copsreform (loaded once, on first use).

        Raises:
            ValidationError: If the shipped data is broken (a packaging error), with the
                path of every problem in ``rules.json``.

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.default() is RuleBook.default()
            True
        """
        return _default_book()

    @classmethod
    def from_dict(cls, data: object, *, name: str = "rules") -> "RuleBook":
        """Build a book from data in the format of ``rules.json``.

        Args:
            data: The parsed JSON: ``provenance`` (with ``sources`` and ``read``), ``rules``
                and ``conditions``.
            name: The document's name, which starts the path of every problem.

        Returns:
            The book.

        Raises:
            ValidationError: Listing every problem found, each with its path
                (``rules.json.rules[3].versions[0].first``).

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.from_dict({"provenance": {"read": "2026", "sources": {}},
            ...                     "rules": [{"id": "x"}], "conditions": []})
            Traceback (most recent call last):
            ...
            copsreform.errors.ValidationError: 6 problems:
              - 'rules.rules[0].program' is required
              - 'rules.rules[0].kind' is required
              - 'rules.rules[0].title' is required
              - 'rules.rules[0].description' is required
              - 'rules.rules[0].versions' is required
              - 'rules.rules[0].id' must be lower-case words joined by '_' and '.' with a program prefix (got 'x')
        """
        rules, conditions, sources, read = Loader(name).parts(data)
        try:
            return RuleBook(rules, conditions, sources, read)
        except ValidationError as error:
            raise error.under(name) from None

    @classmethod
    def from_file(cls, path: str | Path) -> "RuleBook":
        """Read a book from a JSON file in the format of ``rules.json``.

        Args:
            path: The file.

        Returns:
            The book.

        Raises:
            ValidationError: If the file is not valid JSON or not a valid book.

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.from_file("/no/such/rules.json")
            Traceback (most recent call last):
            ...
            FileNotFoundError: [Errno 2] No such file or directory: '/no/such/rules.json'
        """
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        try:
            data = strictjson.loads(text)
        except json.JSONDecodeError as error:
            raise ValidationError.single(
                f"must be JSON ({error.msg} at line {error.lineno}, column {error.colno})",
                root=path.name,
            ) from None
        return cls.from_dict(data, name=path.name)

    # Deriving ------------------------------------------------------------------------

    def with_version(
        self, rule_id: str, version: RuleVersion, *, supersede: bool = False
    ) -> "RuleBook":
        """Return a new book with one more version of a rule.

        Args:
            rule_id: The rule.
            version: The new version; its sources must be in the register (add new
                sources with :meth:`with_file` or :meth:`with_sources`).
            supersede: Cut the existing versions the new one overlaps instead of
                refusing it: an open-ended version ends the year before, and a version
                spanning the new one is split around it.

        Returns:
            A new book; this one is unchanged.

        Raises:
            NotFoundError: If there is no rule ``rule_id``.
            ValidationError: If the version overlaps another and ``supersede`` is false,
                or its parameters do not fit the rule.

        Examples:
            >>> from decimal import Decimal
            >>> from copsreform import FiscalYear, RuleBook
            >>> from copsreform.rules.parameters import AmountParams
            >>> from copsreform.rules.versions import Confidence, RuleVersion, VersionStatus
            >>> book = RuleBook.default()
            >>> v = RuleVersion(FiscalYear(2030), None, VersionStatus.IN_FORCE,
            ...                 Confidence.VERIFIED, ("G34",), AmountParams(Decimal("2000000")))
            >>> book.with_version("camp.min_award", v)
            Traceback (most recent call last):
            ...
            copsreform.errors.ValidationError: 'Rule.versions' must not overlap (FY2019 onward and FY2030 onward) (got ...)
            >>> new = book.with_version("camp.min_award", v, supersede=True)
            >>> [x.label for x in new.rule("camp.min_award").versions]
            ['FY2019-FY2029', 'FY2030 onward']
        """
        rule = self.rule(rule_id)
        versions = list(rule.versions)
        if supersede:
            versions = [part for old in versions for part in _cut(old, version)]
        new_rule = attrs.evolve(rule, versions=(*versions, version))
        rules = tuple(new_rule if r.id == rule_id else r for r in self.rules)
        return RuleBook(rules, self.conditions, self.sources, self.read)

    def with_sources(self, sources: Iterable[Source]) -> "RuleBook":
        """Return a new book whose register also holds ``sources`` (same id replaces).

        Examples:
            >>> from copsreform import RuleBook, Source
            >>> book = RuleBook.default().with_sources([Source("X1", "A new NOFO", ("https://example.org",))])
            >>> book.source("X1").title
            'A new NOFO'
        """
        merged = {s.id: s for s in self.sources} | {s.id: s for s in sources}
        return RuleBook(self.rules, self.conditions, tuple(merged.values()), self.read)

    def with_file(self, path: str | Path, *, supersede: bool = False) -> "RuleBook":
        """Return a new book with the sources, rules, versions and conditions of a file.

        The file has the format of ``rules.json``. A rule whose id is new is added; a
        rule whose id exists contributes its versions (as with :meth:`with_version`); a
        condition whose id exists is replaced.

        Args:
            path: The JSON file.
            supersede: As for :meth:`with_version`.

        Returns:
            A new book.

        Raises:
            ValidationError: If the file is not a valid book or a version overlaps.
        """
        return self.merged(RuleBook.from_file(path), supersede=supersede)

    def merged(self, other: "RuleBook", *, supersede: bool = False) -> "RuleBook":
        """Return a new book with everything in ``other`` added (see :meth:`with_file`).

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.default().merged(RuleBook.default()) == RuleBook.default()
            Traceback (most recent call last):
            ...
            copsreform.errors.ValidationError: 'Rule.versions' must not overlap (FY1995-FY2017 and FY1995-FY2017) (got ...)
        """
        book = self.with_sources(other.sources)
        for rule in other.rules:
            if rule.id not in book._by_id:
                book = RuleBook((*book.rules, rule), book.conditions, book.sources, book.read)
                continue
            for version in rule.versions:
                book = book.with_version(rule.id, version, supersede=supersede)
        replaced = {c.id: c for c in book.conditions} | {c.id: c for c in other.conditions}
        return RuleBook(book.rules, tuple(replaced.values()), book.sources, book.read)

    # Lookups -------------------------------------------------------------------------

    def rule(self, rule_id: str) -> Rule:
        """Return the rule ``rule_id``.

        Raises:
            NotFoundError: If there is none.

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.default().rule("chp.nope")
            Traceback (most recent call last):
            ...
            copsreform.errors.NotFoundError: no rule is named 'chp.nope'
        """
        found = self._by_id.get(rule_id)
        if found is None:
            raise NotFoundError(f"no rule is named {rule_id!r}")
        return found

    def condition(self, condition_id: str) -> ConditionRule:
        """Return the condition ``condition_id``.

        Raises:
            NotFoundError: If there is none.
        """
        for condition in self.conditions:
            if condition.id == condition_id:
                return condition
        raise NotFoundError(f"no condition is named {condition_id!r}")

    def source(self, source_id: str) -> Source:
        """Return the source ``source_id`` of the register.

        Raises:
            NotFoundError: If there is none.
        """
        found = self._sources_by_id.get(source_id)
        if found is None:
            raise NotFoundError(f"no source is named {source_id!r}")
        return found

    def citation(self, version: RuleVersion) -> str:
        """Return the citations of a version's sources, joined by ``"; "``.

        Examples:
            >>> from copsreform import RuleBook
            >>> book = RuleBook.default()
            >>> book.citation(book.rule("camp.min_award").versions[0])[:60]
            'G34: 34 U.S.C. sections 10381 to 10389 (Public Safety and Co'
        """
        return "; ".join(self._sources_by_id[s].citation for s in version.sources)

    def sources_of(self, version: RuleVersion) -> tuple[Source, ...]:
        """Return the source records a version cites, in its order.

        Examples:
            >>> from copsreform import RuleBook
            >>> book = RuleBook.default()
            >>> [(s.id, s.official) for s in book.sources_of(book.condition("chp.usc_1373").versions[0])]
            [('G2', True)]
        """
        return tuple(self._sources_by_id[s] for s in version.sources)

    def offered(self, program: CRIProgram | GrantProgram, year: FiscalYear) -> RuleVersion | None:
        """Return the version of ``program``'s ``offered`` rule for ``year``, if it has one.

        ``None`` when the program records no ``offered`` rule, or none for that year.

        Examples:
            >>> from copsreform import FiscalYear, GrantProgram, RuleBook
            >>> RuleBook.default().offered(GrantProgram.CHP, FiscalYear(2003)).status.value
            'not_offered'
        """
        rule = next((r for r in self.rules_of(program) if r.kind is RuleKind.OFFERED), None)
        if rule is None:
            return None
        return next((v for v in rule.versions if v.covers(year)), None)

    def programs(self) -> tuple[CRIProgram | GrantProgram, ...]:
        """Return the programs that have rules, in the order they are listed."""
        seen = dict.fromkeys(r.program for r in self.rules if r.program is not None)
        return tuple(program_of(p) for p in seen)

    def rules_of(self, program: CRIProgram | GrantProgram) -> tuple[Rule, ...]:
        """Return the rules of ``program`` (not the cross-program ones), in order."""
        return tuple(r for r in self.rules if r.program == program.value)

    def cross_program(self, kind: RuleKind) -> Rule | None:
        """Return the cross-program rule of ``kind`` (such as the closeout rule), if any."""
        return next((r for r in self.rules if r.program is None and r.kind is kind), None)

    def in_force(
        self, program: CRIProgram | GrantProgram, year: FiscalYear, stage: RuleStage
    ) -> bool:
        """Tell whether the check of ``program`` in ``year`` answers rather than raises.

        It answers when every rule of ``program`` that ``stage``'s check uses has a
        version in ``year``, or when the program's ``offered`` rule says that the program
        did not run that year, or that whether it ran is unknown.

        Args:
            program: The program.
            year: The fiscal year.
            stage: ``ELIGIBILITY`` for :func:`~copsreform.rules.check_eligibility`, ``AWARD``
                for :func:`~copsreform.rules.check_award`.

        Returns:
            ``True`` when the check would not raise
            :class:`~copsreform.errors.RuleNotInForceError`.

        Examples:
            >>> from copsreform import FiscalYear, GrantProgram, RuleBook
            >>> from copsreform.rules.parameters import RuleStage
            >>> book = RuleBook.default()
            >>> book.in_force(GrantProgram.CHP, FiscalYear(2024), RuleStage.ELIGIBILITY)
            True
            >>> book.in_force(GrantProgram.CAMP, FiscalYear(2012), RuleStage.ELIGIBILITY)
            False
            >>> book.in_force(GrantProgram.CHP, FiscalYear(2003), RuleStage.AWARD)
            True
        """
        offered = self.offered(program, year)
        if offered is not None and offered.status is not VersionStatus.IN_FORCE:
            return True
        rules = self.rules_of(program)
        wanted = _CHECK_STAGES[stage]
        chosen = [r for r in rules if r.stage in wanted]
        return bool(chosen) and all(any(v.covers(year) for v in r.versions) for r in chosen)

    def cached(self, key: object, build: Callable[[], Any]) -> Any:
        """Return ``build()``, computed once per key for this book (plans, lookups)."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value


#: The rule stages each check runs (dates are computed alongside the award check).
_CHECK_STAGES: Final = {
    RuleStage.ELIGIBILITY: frozenset({RuleStage.APPLICANT, RuleStage.ELIGIBILITY}),
    RuleStage.APPLICANT: frozenset({RuleStage.APPLICANT}),
    RuleStage.AWARD: frozenset({RuleStage.APPLICANT, RuleStage.AWARD, RuleStage.DATES}),
    RuleStage.DATES: frozenset({RuleStage.DATES}),
}


def _cut(old: RuleVersion, new: RuleVersion) -> list[RuleVersion]:
    """Return what remains of ``old`` outside the years of ``new``."""
    if not old.overlaps(new):
        return [old]
    parts = []
    if old.first < new.first:
        parts.append(attrs.evolve(old, last=new.first - 1))
    if new.last is not None and (old.last is None or new.last < old.last):
        parts.append(attrs.evolve(old, first=new.last + 1))
    return parts


@functools.cache
def _default_book() -> RuleBook:
    text = resources.files("copsreform").joinpath("data/rules.json").read_text("utf-8")
    return RuleBook.from_dict(strictjson.loads(text), name="rules.json")
