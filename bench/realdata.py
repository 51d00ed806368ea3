"""Sections on real files: importing them (against bare parsing) and the eligibility matrix.

The importers (``copsreform.sources.cde`` and ``copsreform.sources.usaspending``) and the
eligibility matrix are written alongside this bench; when one is not in the installed
copsreform yet, its section reports ``skipped`` with the reason instead of failing.
Their entry points are found by name (the first of a short list that exists) and can be
given explicitly with ``--cde-importer module:function`` and friends.
"""

from __future__ import annotations

import gzip
import importlib
import importlib.resources
import inspect
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import copsreform as cr
from copsreform.agency import AgencyType, Jurisdiction
from copsreform.states import TERRITORIES

ROOT = Path(__file__).resolve().parent.parent


def _bundled(inside: str) -> Path:
    """A real public file that ships inside the package (``copsreform/data/...``).

    The bench reads only what a fresh clone has: the package's bundled data, each file
    with its provenance README beside it.
    """
    return Path(str(importlib.resources.files("copsreform").joinpath("data", inside)))


def cde_path() -> Path:
    """The FBI Crime Data Explorer's 2018 agency list (23,243 agencies), bundled."""
    return _bundled("cde/agencies-by-state-2018.json.gz")


def usaspending_path() -> Path:
    """One real USAspending ``spending_by_award`` page (100 COPS awards in Washington), bundled."""
    return _bundled("usaspending/spending_by_award_16710_WA_page1.json")


def bare_parse_cde(path: Path) -> Any:
    """Decompress and parse the file, building no objects: the floor for the import."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def bare_parse_json(path: Path) -> Any:
    """Parse the file, building no objects."""
    with path.open(encoding="utf-8") as stream:
        return json.load(stream)


# Finding the entry points --------------------------------------------------------------------

CDE_CANDIDATES = (
    "read_frontend_2018",  # the 2018 front end's shape, named: no detection
    "read_cde",  # any CDE shape, detected
    "read_2018",
    "read",
)
USASPENDING_CANDIDATES = (
    "read_api",  # the spending_by_award API response, named: no detection
    "read_usaspending",  # any USAspending shape, detected
    "read_spending_by_award",
    "read",
)
MATRIX_CANDIDATES = ("copsreform:eligibility_matrix", "copsreform.rules:eligibility_matrix")


@dataclass
class Found:
    """An entry point found, or why not."""

    function: Callable[..., Any] | None
    label: str


def find_function(module_name: str, names: Iterable[str], explicit: str | None = None) -> Found:
    """The first of ``names`` that ``module_name`` defines, or ``explicit`` (``mod:func``)."""
    if explicit:
        module_name, _, attribute = explicit.partition(":")
        names = (attribute,)
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        return Found(None, f"skipped: importer not available ({module_name}: {error})")
    for attribute in names:
        function = getattr(module, attribute, None)
        if callable(function):
            return Found(function, f"{module_name}.{attribute}")
    public = sorted(n for n in dir(module) if not n.startswith("_"))
    return Found(None, f"skipped: no known entry point in {module_name} (it has {public})")


def find_matrix(explicit: str | None = None) -> Found:
    """``eligibility_matrix`` from the package root or ``copsreform.rules``."""
    for spec in (explicit,) if explicit else MATRIX_CANDIDATES:
        module_name, _, attribute = spec.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, attribute, None)
        if callable(function):
            return Found(function, f"{module_name}.{attribute}")
    return Found(None, "skipped: eligibility_matrix not available")


def consume(result: object) -> list[Any]:
    """Turn what an importer returns into the list of what it produced.

    Accepts an iterable of outcomes, or an object with ``records``, ``imported`` or
    ``outcomes`` (a result with a summary).
    """
    for attribute in ("outcomes", "records", "imported"):
        inner = getattr(result, attribute, None)
        if inner is not None and not callable(inner) and not isinstance(inner, int):
            return list(inner)
    if isinstance(result, Iterable) and not isinstance(result, str | bytes | dict):
        return list(result)
    raise TypeError(f"cannot read the importer's result: {type(result).__name__}")


def run_importer(function: Callable[..., Any], path: Path) -> list[Any]:
    """Call an importer on ``path`` and return everything it produced."""
    return consume(function(path))


# Agencies for the eligibility matrix ------------------------------------------------------------

_STATE_TYPES = {AgencyType.STATE_POLICE, AgencyType.OTHER_STATE_AGENCY}


def _jurisdiction(state: str, agency_type: AgencyType) -> Jurisdiction:
    if agency_type is AgencyType.TRIBAL:
        return Jurisdiction.TRIBAL
    if agency_type is AgencyType.FEDERAL:
        return Jurisdiction.FEDERAL
    if agency_type in _STATE_TYPES:
        return Jurisdiction.STATE
    return Jurisdiction.TERRITORIAL if state in TERRITORIES else Jurisdiction.LOCAL


def _bench_agency(state: str, ori: str, record: dict[str, Any]) -> cr.Agency | None:
    try:
        agency_type = AgencyType.from_ucr(record.get("agency_type_name") or "Unknown")
        fields = {
            "name": record["agency_name"],
            "state": state,
            "jurisdiction": _jurisdiction(state, agency_type),
            "agency_type": agency_type,
            "county": record.get("primary_county"),
        }
        try:
            return cr.Agency(ori=ori, **fields)
        except cr.ValidationError:
            return cr.Agency(**fields)
    except (cr.ValidationError, KeyError, TypeError):
        return None


def bench_agencies(raw: dict[str, dict[str, dict[str, Any]]]) -> tuple[list[cr.Agency], int]:
    """Agencies from the parsed 2018 list, for the eligibility matrix only.

    Used when the real importer is not available. A deliberately simple mapping, not the
    importer's: jurisdiction from the FBI type (tribal, federal, state agencies) or the
    state (territories), else local; an ORI that the model refuses is left out. Records
    the model refuses (the Canal Zone, say) are counted and skipped.
    """
    built = [
        _bench_agency(state, ori, record)
        for state, by_ori in raw.items()
        for ori, record in by_ori.items()
    ]
    agencies = [a for a in built if a is not None]
    return agencies, len(built) - len(agencies)


def every_program() -> list[Any]:
    """Every CRI program and every grant program but UNKNOWN."""
    programs: list[Any] = list(cr.CRIProgram)
    programs += [p for p in cr.GrantProgram if p is not cr.GrantProgram.UNKNOWN]
    return programs


def matrix_call(
    function: Callable[..., Any], agencies: list[Any], programs: list[Any], year: cr.FiscalYear
) -> Callable[[], int]:
    """A no-argument call of the matrix that returns how many decisions it made.

    The keyword names are read from the signature (``fiscal_year`` or ``year``); a lazy
    result (an iterator) is consumed inside the call, so its time is counted.
    """
    parameters = inspect.signature(function).parameters
    year_name = next((n for n in ("fiscal_year", "year", "fy") if n in parameters), None)
    program_name = next((n for n in ("programs", "program") if n in parameters), None)

    def call() -> int:
        kwargs: dict[str, Any] = {}
        args: list[Any] = [agencies]
        if program_name is not None:
            kwargs[program_name] = programs
        else:
            args.append(programs)
        if year_name is not None:
            kwargs[year_name] = year
        else:
            args.append(year)
        return count_decisions(function(*args, **kwargs), len(agencies) * len(programs))

    return call


def count_decisions(result: object, expected: int) -> int:
    """How many decisions ``result`` holds: a lazy result is consumed and counted.

    An eager matrix object holds every decision already, ``expected`` of them.
    """
    if isinstance(result, Iterator):
        return sum(len(row) if isinstance(row, list | tuple) else 1 for row in result)
    return expected


def _refusal(function: Callable[[], Any]) -> str | None:
    try:
        function()
    except Exception as error:  # any refusal excludes the program; say why
        return f"{type(error).__name__}: {error}"
    return None


def programs_in_force(
    function: Callable[..., Any], sample: Any, year: cr.FiscalYear
) -> tuple[list[Any], dict[str, str]]:
    """The programs the matrix can decide for ``year``, and why each other one cannot."""
    included, excluded = [], {}
    for program in every_program():
        refusal = _refusal(matrix_call(function, [sample], [program], year))
        if refusal is None:
            included.append(program)
        else:
            excluded[program.value] = refusal
    return included, excluded
