"""Strategies and helpers shared by the hardening tests.

Hostile inputs: arbitrary JSON values, hostile scalars, and mutations of the real records
bundled in ``tests/data`` (the version-1 format examples and the USAspending page).
"""

import copy
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from hypothesis import strategies as st

import copsreform as cr
from copsreform import _fields
from copsreform.schema import KINDS

TESTS: Final = Path(__file__).resolve().parent.parent
DATA: Final = TESTS / "data"
FORMAT_V1: Final = DATA / "format" / "v1"
USASPENDING_PAGE: Final = DATA / "usaspending" / "spending_by_award_16710_WA_page1.json"
FUZZ: Final = DATA / "fuzz"

Json = Any


def kind_of(path: Path) -> str:
    """The KINDS key of a version-1 example file (``grant-chp-fy2024.json`` is a grant)."""
    return path.stem.split("-")[0]


#: The real version-1 documents, as (kind, document) pairs.
FORMAT_DOCUMENTS: Final[list[tuple[str, dict[str, Json]]]] = [
    (kind_of(p), json.loads(p.read_text(encoding="utf-8")))
    for p in sorted(FORMAT_V1.glob("*.json"))
]


def usaspending_results() -> list[dict[str, Json]]:
    """The 100 award rows of the real USAspending page."""
    page = json.loads(USASPENDING_PAGE.read_text(encoding="utf-8"))
    results: list[dict[str, Json]] = page["results"]
    return results


#: Scalars that have broken parsers elsewhere: huge and odd numbers, numbers as text,
#: control and bidi characters, a lone surrogate, formula prefixes, limits plus one.
HOSTILE_SCALARS: Final[list[Json]] = [
    None,
    True,
    False,
    0,
    -1,
    2**63,
    -(2**64),
    10**400,
    1.5,
    -0.0,
    1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    "",
    " ",
    "\x00",
    "\u202e",
    "\ufeff",
    "\ud800",
    "\r\n",
    "1e999999999",
    "-1e999999999",
    "1E+999999999",
    "9" * 10_000,
    "0." + "0" * 10_000 + "1",
    "NaN",
    "sNaN",
    "Infinity",
    "-0",
    "\uff11\uff12\uff13",  # full-width digits, which Decimal() accepts
    "٣",
    "1_000",
    " 12 ",
    "2024-02-30",
    "0000-00-00",
    "9999-12-31",
    "2024-1-1",
    "20240101",
    "2024-01-01T00:00:00",
    "=cmd|' /C calc'!A0",
    "+1",
    "-1",
    "@SUM(A1)",
    "agency",
    "organization",
    "local",
    "ma0130100",
    "MA0130100",
    "15JCOPS-24-GG-03715-UHPX",
    "A" * (_fields.MAX_NAME + 1),
    "x" * (_fields.MAX_TEXT + 1),
    "\u017f" * 9,
]


def nested(depth: int) -> Json:
    """Lists nested ``depth`` deep, built fresh each time (mutations must not share it)."""
    value: Json = []
    for _ in range(depth - 1):
        value = [value]
    return value


#: Nesting depths to try: past MAX_DEPTH (64), and within what Python's JSON parser
#: accepts (about 1,000) but past what naive recursion over a record survives.
NESTED_DEPTHS: Final = [65, 600]

#: Values that only Python callers can pass (JSON cannot hold them).
PYTHON_ONLY: Final[list[Json]] = [10**5000, b"bytes", object(), (1, 2), {1, 2}, 1j]


def short_id(value: object) -> str:
    """A short test id for any value, even an int too long to print."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 4000:
        return f"int-of-{value.bit_length()}-bits"
    text = repr(value)
    return text if len(text) <= 24 else f"{text[:16]}...len{len(text)}"


def json_values(max_leaves: int = 20) -> st.SearchStrategy[Json]:
    """Arbitrary JSON values: null, booleans, ints, floats and text, nested in lists/dicts."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.text()
        | st.sampled_from(HOSTILE_SCALARS)
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=5)
            | st.dictionaries(st.text(max_size=12), children, max_size=5)
        ),
        max_leaves=max_leaves,
    )


def _paths(value: Json, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (dict keys and list positions)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*prefix, index))
            found.extend(_paths(item, (*prefix, index)))
    return found


def _parent(doc: Json, path: tuple[Any, ...]) -> Json:
    for segment in path[:-1]:
        doc = doc[segment]
    return doc


def _swap_type(value: Json) -> Json:
    """The same content in another JSON type."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return str(value) if value.bit_length() < 4000 else "1" + "0" * 1000
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return "null"


@st.composite
def mutated(draw: st.DrawFn, record: Json, *, python_values: bool = False) -> Json:
    """A deep copy of ``record`` with one to four mutations.

    Each mutation deletes a key or item, replaces a value with a hostile scalar or an
    arbitrary JSON value, changes a value's type, or adds an unknown key.
    """
    doc = copy.deepcopy(record)
    hostile = HOSTILE_SCALARS + (PYTHON_ONLY if python_values else [])
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(doc) if len(p) < 40]  # not inside a deep nest
        operation = draw(st.sampled_from(["delete", "hostile", "arbitrary", "swap", "add", "nest"]))
        if not paths or operation == "add":
            target = doc if isinstance(doc, dict) else None
            if paths and isinstance(doc, dict):
                containers = [p for p in paths if isinstance(_get(doc, p), dict)]
                if containers:
                    target = _get(doc, draw(st.sampled_from(containers)))
            if isinstance(target, dict):
                target[draw(st.text(max_size=8))] = draw(st.sampled_from(hostile))
            continue
        path = draw(st.sampled_from(paths))
        parent = _parent(doc, path)
        key = path[-1]
        if operation == "delete":
            del parent[key]
        elif operation == "hostile":
            parent[key] = draw(st.sampled_from(hostile))
        elif operation == "arbitrary":
            parent[key] = draw(json_values(8))
        elif operation == "nest":
            parent[key] = nested(draw(st.sampled_from(NESTED_DEPTHS)))
        else:
            parent[key] = _swap_type(parent[key])
    return doc


def _get(doc: Json, path: tuple[Any, ...]) -> Json:
    for segment in path:
        doc = doc[segment]
    return doc


#: (kind, record) strategies over the real version-1 documents.
def mutated_documents(*, python_values: bool = False) -> st.SearchStrategy[tuple[str, Json]]:
    """A real version-1 document of some kind, mutated."""
    return st.sampled_from(FORMAT_DOCUMENTS).flatmap(
        lambda pair: st.tuples(st.just(pair[0]), mutated(pair[1], python_values=python_values))
    )


def kinds() -> st.SearchStrategy[type[Any]]:
    """Every public class the converter reads."""
    return st.sampled_from([KINDS[k] for k in sorted(KINDS)])


def only_library_errors(call: Callable[[], object]) -> object:
    """Run ``call``; return its value or the CopsReformError it raised.

    Any other exception propagates and fails the test, with the input in Hypothesis's
    falsifying example.
    """
    try:
        return call()
    except cr.CopsReformError as error:
        str(error)  # the message itself must render
        return error
