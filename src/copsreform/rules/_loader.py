"""Reading a rule book from parsed JSON, collecting every problem with its path.

Package-internal: :meth:`copsreform.rules.RuleBook.from_dict` is the public entry. The
format is that of ``copsreform/data/rules.json``: a ``provenance`` object (``read`` and
``sources`` by id), ``rules`` and ``conditions``. Money and rates are decimal strings,
so they never pass through float; every version must cite a source in the register.
"""

import enum
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from copsreform.errors import MISSING, PathSegment, Problem, ValidationError
from copsreform.fiscal import FiscalYear
from copsreform.rules.decision import ConditionKind, Source
from copsreform.rules.parameters import ApplicantClass, NoParams, Params, RuleKind
from copsreform.rules.versions import ConditionRule, Confidence, Rule, RuleVersion, VersionStatus

__all__ = ["Loader"]


class Loader:
    """Turn parsed JSON into a book, collecting every problem with its path."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        #: The ids of the sources read, once read; versions must cite only these.
        self.register: set[str] | None = None

    def problem(self, reason: str, value: object, *path: PathSegment) -> None:
        self.problems.append(Problem(reason, value, path, root=self.name))

    def parts(
        self, data: object
    ) -> tuple[tuple[Rule, ...], tuple[ConditionRule, ...], tuple[Source, ...], str]:
        """Return the rules, conditions, sources and read date of ``data``.

        Raises:
            ValidationError: Listing every problem found, each with its path.
        """
        if not isinstance(data, dict):
            raise ValidationError.single(
                "must be a JSON object", type(data).__name__, root=self.name
            )
        provenance = self.mapping(data, "provenance")
        read = provenance.get("read") if provenance else None
        if provenance is not None and not (isinstance(read, str) and read):
            self.problem("must be a non-empty string", read, "provenance", "read")
        sources = self.sources(provenance.get("sources") if provenance else None)
        self.register = {s.id for s in sources} if provenance else None
        rules = [self.rule(item, i) for i, item in enumerate(self.items(data, "rules"))]
        conditions = [
            self.condition(item, i) for i, item in enumerate(self.items(data, "conditions"))
        ]
        if self.problems:
            raise ValidationError(self.problems)
        return (
            tuple(r for r in rules if r is not None),
            tuple(c for c in conditions if c is not None),
            sources,
            str(read),
        )

    def mapping(self, data: dict[str, Any], key: str) -> dict[str, Any] | None:
        value = data.get(key)
        if not isinstance(value, dict):
            self.problem("must be a JSON object", value, key)
            return None
        return value

    def items(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            self.problem("must be a JSON array", value, key)
            return []
        return value

    def sources(self, data: object) -> tuple[Source, ...]:
        if not isinstance(data, dict):
            self.problem("must be a JSON object of sources by id", data, "provenance", "sources")
            return ()
        out = []
        for key, entry in data.items():
            where = ("provenance", "sources", key)
            if not isinstance(entry, dict):
                self.problem("must be an object with title and urls", entry, *where)
                continue
            urls = entry.get("urls")
            if not isinstance(urls, list):
                self.problem("must be a list of URLs", urls, *where, "urls")
                continue
            built = self.build(Source, where, id=key, title=entry.get("title"), urls=tuple(urls))
            if built is not None:
                out.append(built)
        return tuple(out)

    def build(self, cls: Callable[..., Any], where: tuple[PathSegment, ...], **kwargs: Any) -> Any:
        """Construct ``cls``; on a validation error, record its problems under ``where``."""
        try:
            return cls(**kwargs)
        except ValidationError as error:
            for problem in error.problems:
                # The model's own path is Class.field; keep the field, place it under where.
                location = (*where, *problem.location)
                self.problems.append(Problem(problem.reason, problem.value, location, self.name))
            return None

    def required(self, entry: dict[str, Any], keys: Iterable[str], *where: PathSegment) -> bool:
        ok = True
        for key in keys:
            if key not in entry:
                self.problem("is required", MISSING, *where, key)
                ok = False
        return ok

    def rule(self, entry: object, index: int) -> Rule | None:
        where: tuple[PathSegment, ...] = ("rules", index)
        if not isinstance(entry, dict):
            self.problem("must be a JSON object", entry, *where)
            return None
        has_all = self.required(
            entry, ("program", "kind", "title", "description", "versions"), *where
        )
        rule_id = entry.get("id")
        program = entry.get("program")
        if not (isinstance(rule_id, str) and "." in rule_id):
            self.problem(
                "must be lower-case words joined by '_' and '.' with a program prefix",
                rule_id,
                *where,
                "id",
            )
            return None
        if program is not None and not rule_id.startswith(f"{program}."):
            self.problem(f"must start with the program, {program!r}", rule_id, *where, "id")
        try:
            kind = RuleKind(entry.get("kind"))
        except ValueError:
            if has_all:
                allowed = ", ".join(repr(k.value) for k in RuleKind)
                self.problem(f"must be one of {allowed}", entry.get("kind"), *where, "kind")
            return None
        raw_versions = self.version_list(entry.get("versions"), where)
        if raw_versions is None:
            return None
        versions = [
            self.version(v, kind, (*where, "versions", j)) for j, v in enumerate(raw_versions)
        ]
        if any(v is None for v in versions) or not has_all:
            return None
        built: Rule | None = self.build(
            Rule,
            where,
            id=rule_id,
            program=program,
            kind=kind,
            title=entry.get("title"),
            description=entry.get("description"),
            versions=tuple(versions),
        )
        return built

    def condition(self, entry: object, index: int) -> ConditionRule | None:
        where: tuple[PathSegment, ...] = ("conditions", index)
        if not isinstance(entry, dict):
            self.problem("must be a JSON object", entry, *where)
            return None
        if not self.required(entry, ("id", "program", "kind", "text", "versions"), *where):
            return None
        kind = self.member(ConditionKind, entry["kind"], (*where, "kind"))
        if kind is None:
            return None
        raw_versions = self.version_list(entry["versions"], where)
        if raw_versions is None:
            return None
        versions = []
        for j, raw in enumerate(raw_versions):
            given = {"status": "in_force", **raw} if isinstance(raw, dict) else raw
            versions.append(self.version(given, None, (*where, "versions", j)))
        if any(v is None for v in versions):
            return None
        built: ConditionRule | None = self.build(
            ConditionRule,
            where,
            id=entry["id"],
            program=entry["program"],
            kind=kind,
            text=entry["text"],
            versions=tuple(versions),
        )
        return built

    def version_list(self, value: object, where: tuple[PathSegment, ...]) -> list[Any] | None:
        """Return ``value`` if it is a non-empty list of versions; record a problem if not."""
        if not isinstance(value, list) or not value:
            self.problem("must be a non-empty JSON array", value, *where, "versions")
            return None
        return value

    def version(
        self, entry: object, kind: RuleKind | None, where: tuple[PathSegment, ...]
    ) -> RuleVersion | None:
        if not isinstance(entry, dict):
            self.problem("must be a JSON object", entry, *where)
            return None
        if not self.required(entry, ("first", "last", "status", "confidence", "sources"), *where):
            return None
        first = self.year(entry["first"], (*where, "first"))
        last = None if entry["last"] is None else self.year(entry["last"], (*where, "last"))
        status = self.member(VersionStatus, entry["status"], (*where, "status"))
        confidence = self.member(Confidence, entry["confidence"], (*where, "confidence"))
        sources = entry["sources"]
        if not isinstance(sources, list):
            self.problem("must be a list of source ids", sources, *where, "sources")
            return None
        for source in sources:
            if self.register is not None and source not in self.register:
                self.problem("must be a source in the register", source, *where, "sources")
        params: Params | None = NoParams() if kind is None else None
        raw_params = entry.get("params")
        if kind is not None and raw_params is not None:
            params = self.params(kind, raw_params, (*where, "params"))
            if params is None:
                return None
        if first is None or status is None or confidence is None:
            return None
        if entry["last"] is not None and last is None:
            return None
        built: RuleVersion | None = self.build(
            RuleVersion,
            where,
            first=first,
            last=last,
            status=status,
            confidence=confidence,
            sources=tuple(sources),
            params=params,
            note=entry.get("note"),
        )
        return built

    def year(self, value: object, where: tuple[PathSegment, ...]) -> FiscalYear | None:
        try:
            return FiscalYear(value)  # type: ignore[arg-type]
        except ValidationError as error:
            self.problem(error.reason, value, *where)
            return None

    def member(
        self, enum_type: type[enum.Enum], value: object, where: tuple[PathSegment, ...]
    ) -> Any:
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum_type)
            self.problem(f"must be one of {allowed}", value, *where)
            return None

    def params(self, kind: RuleKind, raw: object, where: tuple[PathSegment, ...]) -> Params | None:
        if not isinstance(raw, dict):
            self.problem("must be a JSON object", raw, *where)
            return None
        cls = kind.params_type
        names = {a.name for a in attrs.fields(cls)}
        unknown = sorted(set(raw) - names)
        for key in unknown:
            self.problem(
                f"is not a parameter of a rule of kind {kind.value!r}", raw[key], *where, key
            )
        if unknown:
            return None
        values: dict[str, Any] = {}
        for attribute in attrs.fields(cls):
            if attribute.name not in raw:
                continue
            values[attribute.name] = self.param_value(
                attribute.name, raw[attribute.name], (*where, attribute.name)
            )
        if any(v is _INVALID for v in values.values()):
            return None
        built: Params | None = self.build(cls, where, **values)
        return built

    def param_value(self, name: str, value: object, where: tuple[PathSegment, ...]) -> object:
        if name in _DECIMAL_PARAMS:
            # Money and rates are written as strings so that they never pass through float.
            if value is None and name == "microgrant_max":
                return None
            if not isinstance(value, str):
                self.problem("must be a decimal written as a string", value, *where)
                return _INVALID
            try:
                return Decimal(value)
            except InvalidOperation:
                self.problem("must be a decimal written as a string", value, *where)
                return _INVALID
        if name in ("eligible", "uncertain"):
            if not isinstance(value, list):
                self.problem("must be a list of applicant classes", value, *where)
                return _INVALID
            members = [self.member(ApplicantClass, v, (*where, i)) for i, v in enumerate(value)]
            return _INVALID if None in members else frozenset(members)
        return value


_DECIMAL_PARAMS: Final = frozenset(
    {"max_share", "min_rate", "microgrant_max", "amount", "share_of_sworn"}
)
_INVALID: Final = object()
