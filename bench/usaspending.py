"""The USAspending page import on its own: fast path, precise path and bare parse.

Run with ``.venv/bin/python bench/usaspending.py`` (``--rounds N``, ``--profile``). It
reads the page bundled in the package (100 awards) and prints, in CPU time per record:

* the import (``read_api``), the import with the fast path turned off (every record
  through the precise path, as before it), and the bare parse (``json.load``), timed in
  interleaved rounds as ``run.py`` does, with the ratios to the bare parse;
* a breakdown timed without a profiler: reading the file, msgspec's parse, the document
  checks (nesting, repeated keys), classifying the page's distinct descriptions, and
  building the grants once their programs are known, with the grant's cross-field rules
  apart;
* the description classifier with its substring filter and without it (every program's
  pattern run over the whole text), each distinct description of the page once;
* with ``--profile``, the cProfile hotspots of the import (its per-call overhead inflates
  small functions: read it as a ranking).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import pstats
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realdata
import timing

from copsreform import _io, strictjson
from copsreform.fiscal import FiscalYear
from copsreform.identifiers.award_number import encoded_year
from copsreform.sources.usaspending import _classify, _fast, read_api
from copsreform.sources.usaspending._fields import Defaults

PATH = realdata.usaspending_path()
REPEAT = 20  # imports per timed call


def per_record(seconds: float, records: int = 100) -> float:
    """Microseconds per record."""
    return seconds / records * 1e6


@contextlib.contextmanager
def precise_only() -> Iterator[None]:
    """Read the page as before the fast path: strictjson, then the precise path."""
    with mock.patch.object(
        _fast, "load", lambda opened, limit: (_io.load_json(opened, limit), False)
    ):
        yield


def best(task: Callable[[], Any], calls: int, rounds: int) -> float:
    """The least CPU seconds one call of ``task`` took, over ``rounds`` rounds of ``calls``."""
    times = []
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(calls):
            task()
        times.append((time.process_time() - started) / calls)
    return min(times)


def import_section(rounds: int) -> None:
    def imported() -> Any:
        return [list(read_api(PATH)) for _ in range(REPEAT)]

    def precise() -> Any:
        with precise_only():
            return [list(read_api(PATH)) for _ in range(REPEAT)]

    def bare() -> Any:
        return [realdata.bare_parse_json(PATH) for _ in range(REPEAT)]

    tasks = {"import (read_api)": imported, "precise path only": precise, "bare parse": bare}
    timings = timing.interleave(tasks, rounds)
    floor = timings["bare parse"].cpu_median
    print(f"import of {PATH.name}, CPU-time medians of {rounds} interleaved rounds:")
    for name, found in timings.items():
        median = found.cpu_median
        print(f"  {name:20s} {per_record(median / REPEAT):6.2f} us/record  {median / floor:5.2f}x")


def breakdown(rounds: int) -> None:
    text = PATH.read_text(encoding="utf-8")
    document = _fast._DECODE(text)
    records = document["results"]
    defaults = Defaults(None, None)
    known = _fast.api_grant(defaults, lambda record: None)
    grants = [known(record) for record in records]
    descriptions = list(dict.fromkeys(r["Description"] for r in records))

    def opened() -> str:
        with _io.open_source(PATH, _io.MAX_JSON_BYTES) as source:
            return source.read(_io.MAX_JSON_BYTES)

    def classified() -> list[Any]:
        return [_classify._named_in_text.__wrapped__(d) for d in descriptions]

    def cross_field_rules() -> None:
        for grant in grants:
            _fast._CHECK_ACROSS(grant, FiscalYear.shared(encoded_year(grant.award_number)))

    parts = {
        "open and read (_io)": opened,
        "msgspec parse": lambda: _fast._DECODE(text),
        "repeated-key and nesting checks": lambda: (
            _fast._strings(document, _fast.MAX_DEPTH) == _fast._string_literals(text)
        ),
        "strictjson parse (precise path)": lambda: strictjson.loads(text, decimals=True),
        "classify distinct descriptions": classified,
        "build, programs known": lambda: [known(record) for record in records],
        "  of which the cross-field rules": cross_field_rules,
    }
    print(f"breakdown (least CPU time of {rounds} rounds, per record of the page):")
    for name, task in parts.items():
        print(f"  {name:34s} {per_record(best(task, 20, rounds)):6.2f} us")


def unfiltered(description: str) -> Any:
    """The classifier without its substring filter: every pattern over the whole text."""
    text = _classify._folded(description)
    return _classify._one({p for p, pattern in _classify._PATTERNS if pattern.search(text)})


def classifier_section(rounds: int) -> None:
    page = json.loads(PATH.read_text(encoding="utf-8"))
    descriptions = list(dict.fromkeys(r["Description"] for r in page["results"]))
    narratives = [d for d in descriptions if len(d) > 256]
    filtered = _classify._named_in_text.__wrapped__
    assert [filtered(d) for d in descriptions] == [unfiltered(d) for d in descriptions]
    print(f"classifier, the page's {len(narratives)} distinct narratives (least CPU time):")
    for name, classify in (("with the filter", filtered), ("without", unfiltered)):
        seconds = best(lambda c=classify: [c(d) for d in narratives], 10, rounds)
        print(f"  {name:16s} {seconds / len(narratives) * 1e6:7.1f} us a narrative")


def profile() -> None:
    list(read_api(PATH))
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(200):
        list(read_api(PATH))
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds (default 15)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile")
    args = parser.parse_args()
    import_section(args.rounds)
    breakdown(args.rounds)
    classifier_section(args.rounds)
    if args.profile:
        profile()


if __name__ == "__main__":
    main()
