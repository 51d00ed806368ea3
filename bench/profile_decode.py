"""Where copsreform's decode spends its time: a cProfile profile and a timed breakdown.

Run alone with ``.venv/bin/python bench/profile_decode.py`` (``--records N``); ``run.py``
runs it after a full benchmark and writes ``bench/results/profile.md``.

Two views, because each misleads alone:

* the cProfile hotspots (its per-call overhead inflates small Python functions, so read
  its percentages as a ranking);
* a breakdown timed without any profiler: JSON parsing, the wire checks and cattrs code,
  and the attrs ``__init__`` with and without its validators, each as microseconds per
  record, from direct calls on the same records.
"""

from __future__ import annotations

import argparse
import cProfile
import enum
import gc
import io
import json
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import copsreform as cr

sys.path.insert(0, str(Path(__file__).resolve().parent))
import records

RESULTS = Path(__file__).resolve().parent / "results"


def _where(filename: str) -> str:
    """A short, stable name for the file a function lives in."""
    if filename.startswith("<attrs generated"):
        return "attrs-generated __init__"
    if filename.startswith("<cattrs generated"):
        return "cattrs-generated structure"
    if filename == "~":
        return "built-in (C)"
    path = Path(filename)
    parts = path.parts
    if "copsreform" in parts:
        return "copsreform/" + "/".join(parts[parts.index("copsreform") + 1 :])
    for package in ("cattrs", "attrs", "attr", "json", "re", "decimal", "datetime", "enum"):
        if package in parts:
            return f"{package}/{path.name}"
    return path.name


def hotspots(lines: list[str], top: int = 25) -> tuple[str, float]:
    """Profile ``from_json`` over ``lines``; return a Markdown table and the total seconds."""
    grant, from_json = cr.Grant, cr.from_json
    [from_json(grant, line) for line in lines[:200]]  # warm up: hooks are generated lazily
    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    kept = [from_json(grant, line) for line in lines]
    profiler.disable()
    del kept
    return _table(profiler, len(lines), top)


def _table(profiler: cProfile.Profile, count: int, top: int) -> tuple[str, float]:
    """The hotspots of ``profiler`` by own time, per record of ``count``, as Markdown."""
    stats = pstats.Stats(profiler, stream=io.StringIO())
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, tt, _, _) in raw.values())
    rows = sorted(raw.items(), key=lambda item: item[1][2], reverse=True)[:top]
    out = [
        "| # | function | where | calls/record | own time % | own µs/record (profiled) | incl. time % |",
        "|---:|---|---|---:|---:|---:|---:|",
    ]
    for rank, ((filename, line, function), (_, calls, tt, ct, _)) in enumerate(rows, start=1):
        where = _where(filename) + (f":{line}" if line else "")
        out.append(
            f"| {rank} | `{function}` | {where} | {calls / count:.2f} | {100 * tt / total:.1f} |"
            f" {1e6 * tt / count:.2f} | {100 * ct / total:.1f} |"
        )
    by_file: dict[str, float] = {}
    for (filename, _, _), (_, _, tt, _, _) in raw.items():
        by_file[_where(filename)] = by_file.get(_where(filename), 0.0) + tt
    out += ["", "Own time grouped by where the code lives:", ""]
    out += ["| where | own time % |", "|---|---:|"]
    for where, seconds in sorted(by_file.items(), key=lambda kv: kv[1], reverse=True)[:15]:
        out.append(f"| {where} | {100 * seconds / total:.1f} |")
    return "\n".join(out), total


def _per_record(task: Callable[[], Any], count: int, repeats: int = 5) -> float:
    """Best CPU microseconds per record of ``task`` over ``repeats`` runs, collector off.

    CPU time and the best run, because the machine is shared: another process can only
    make a run slower, never faster.
    """
    runs = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            result = task()
            runs.append(time.process_time() - started)
        finally:
            gc.enable()
        del result
    return 1e6 * min(runs) / count


def _typed_arguments(
    grants: list[cr.Grant],
) -> list[tuple[type[Any], dict[str, Any], dict[str, Any]]]:
    """The constructor arguments that rebuild each grant and its recipient from typed values."""
    out = []
    for grant in grants:
        kwargs = {f.alias: getattr(grant, f.name) for f in attrs.fields(cr.Grant)}
        recipient = kwargs.pop("recipient")
        recipient_kwargs = {
            f.alias: getattr(recipient, f.name) for f in attrs.fields(type(recipient))
        }
        out.append((type(recipient), recipient_kwargs, kwargs))
    return out


def breakdown(lines: list[str]) -> str:
    """Time each stage of the decode separately; return a Markdown table."""
    from copsreform.serialization._migrate import migrate

    grant = cr.Grant
    n = len(lines)
    loads = json.loads
    parsed = [loads(line) for line in lines]
    migrated = [migrate(d) for d in parsed]  # private: profiling the library
    grants = [cr.from_dict(grant, d) for d in parsed]
    typed = _typed_arguments(grants)
    structure = cr.serialization.converter.structure
    from_json, from_dict = cr.from_json, cr.from_dict

    def construct() -> list[Any]:
        return [grant(recipient=cls(**rk), **gk) for cls, rk, gk in typed]

    def construct_unvalidated() -> list[Any]:
        with attrs.validators.disabled():
            return construct()

    from unittest import mock

    from copsreform import _engine

    reader = _engine._reader(grant)  # private: profiling the library
    assert reader is not None
    read, count, build, _ = reader
    wires = [read(x) for x in lines]

    def precise() -> list[Any]:
        with mock.patch.object(_engine, "decode", return_value=None):
            return [from_json(grant, x) for x in lines]

    stages = [
        ("from_json per line (the whole decode)", lambda: [from_json(grant, x) for x in lines]),
        (
            "engine: msgspec parses and checks types and bounds into wire Structs",
            lambda: [read(x) for x in lines],
        ),
        (
            "engine: repeated-key check (count keys and colons)",
            lambda: [
                x.count(":") != (keys := count(w)) and _engine._keys_repeat(x, keys)
                for x, w in zip(lines, wires, strict=True)
            ],
        ),
        (
            "engine: objects from wire Structs (builders: patterns, conversions, cross-field rules)",
            lambda: [build(w) for w in wires],
        ),
        ("precise path alone: from_json with the engine off", precise),
        ("json.loads per line", lambda: [loads(x) for x in lines]),
        (
            "parse_json per line (strict JSON: size, depth, repeated keys, NaN)",
            lambda: [cr.serialization.parse_json(x) for x in lines],
        ),
        ("from_dict on parsed dicts", lambda: [from_dict(grant, d) for d in parsed]),
        (
            "_migrate (drops format_version: copies the dict)",
            lambda: [migrate(d) for d in parsed],
        ),
        ("converter.structure on migrated dicts", lambda: [structure(d, grant) for d in migrated]),
        ("Grant(...) + recipient from typed values (attrs __init__)", construct),
        ("the same with attrs validators disabled", construct_unvalidated),
    ]
    results = [(label, _per_record(task, n)) for label, task in stages]
    whole = results[0][1]
    out = ["| stage | µs/record | % of from_json |", "|---|---:|---:|"]  # from_json: the engine
    out += [f"| {label} | {us:.2f} | {100 * us / whole:.0f}% |" for label, us in results]
    construct_us = dict(results)["Grant(...) + recipient from typed values (attrs __init__)"]
    unvalidated = dict(results)["the same with attrs validators disabled"]
    structure_us = dict(results)["converter.structure on migrated dicts"]
    exact = dict(results)["precise path alone: from_json with the engine off"]
    out += [
        "",
        "Documents as copsreform writes them take the engine; the other stages show what",
        "the precise path (taken by any other document, and by every refused one) costs.",
        "",
        (
            f"Derived, on the precise path: attrs validators ≈ {construct_us - unvalidated:.2f}"
            f" µs/record ({100 * (construct_us - unvalidated) / exact:.0f}% of it); "
            f"wire checks + cattrs-generated code ≈ {structure_us - construct_us:.2f} µs/record "
            f"({100 * (structure_us - construct_us) / exact:.0f}%); "
            f"JSON parsing ≈ {dict(results)['json.loads per line']:.2f} µs/record."
        ),
    ]
    return "\n".join(out)


def import_hotspots(top: int = 15) -> list[str]:
    """Profile the two importers the bench times, when they are installed."""
    import realdata

    out: list[str] = []
    jobs = [
        ("copsreform.sources.cde", realdata.CDE_CANDIDATES, realdata.cde_path(), 1),
        (
            "copsreform.sources.usaspending",
            realdata.USASPENDING_CANDIDATES,
            realdata.usaspending_path(),
            20,
        ),
    ]
    for module, names, path, repeat in jobs:
        found = realdata.find_function(module, names)
        if found.function is None or not path.exists():
            out += [f"### {module}", "", found.label if found.function is None else "no file", ""]
            continue
        realdata.run_importer(found.function, path)  # warm up
        profiler = cProfile.Profile()
        profiler.enable()
        produced = [realdata.run_importer(found.function, path) for _ in range(repeat)]
        profiler.disable()
        count = sum(len(p) for p in produced)
        table, total = _table(profiler, count, top)
        times = f", {repeat} imports" if repeat > 1 else ""
        out += [
            f"### `{found.label}` on `{path.name}` ({count:,} records{times}; {total:.2f} s)",
            "",
            "Per record means per imported record.",
            "",
            table,
            "",
        ]
    return out


def memory_composition(lines: list[str]) -> str:
    """Bytes per record held by each field of the decoded grants, and what sharing would save.

    ``sys.getsizeof`` of each distinct object (allocator rounding and the collector's
    header not included, so the total is below tracemalloc's figure). "If equal values
    were one object" is what a cache of canonical instances (interned codes, one
    FiscalYear per year, one zero Decimal, cached dates) would leave.
    """
    grants = [cr.from_json(cr.Grant, line) for line in lines]
    total: dict[str, int] = {}
    distinct: dict[str, dict[object, int]] = {}
    seen: set[int] = set()

    def walk(obj: object, prefix: str) -> None:
        own = f"{prefix}({type(obj).__name__} object itself)"
        total[own] = total.get(own, 0) + sys.getsizeof(obj)
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            key = prefix + field.name.lstrip("_")
            if isinstance(value, cr.Agency | cr.Organization):
                walk(value, key + ".")
            elif value is not None and not isinstance(value, bool | enum.Enum):
                if id(value) in seen:
                    continue
                seen.add(id(value))
                size = sys.getsizeof(value)
                total[key] = total.get(key, 0) + size
                distinct.setdefault(key, {}).setdefault(value, size)

    for grant in grants:
        walk(grant, "")
    count = len(grants)
    out = ["| field | bytes/record | if equal values were one object |", "|---|---:|---:|"]
    for key in sorted(total, key=lambda k: total[k], reverse=True):
        shared = sum(distinct[key].values()) if key in distinct else total[key]
        out.append(f"| {key} | {total[key] / count:.1f} | {shared / count:.1f} |")
    whole = sum(total.values())
    out.append(f"| **total** | **{whole / count:.0f}** | |")
    return "\n".join(out)


def report(lines: list[str], machine: str = "", *, importers: bool = True) -> str:
    """The whole profile report, Markdown."""
    table, total = hotspots(lines)
    extra = ["## Importer hotspots (for the importer's authors)", "", *import_hotspots()]
    if not importers:
        extra = []
    return "\n".join(
        [
            "# Where copsreform's decode spends its time",
            "",
            f"`copsreform.from_json(Grant, line)` over {len(lines):,} benchmark records "
            f"(JSON Lines, as in `bench/run.py`). copsreform {cr.__version__}. {machine}".rstrip(),
            "",
            "## Breakdown, timed without a profiler (collector off, CPU time, best of 5)",
            "",
            breakdown(lines),
            "",
            "## Memory held per decoded record, by field",
            "",
            memory_composition(lines[:10_000]),
            "",
            "The generator draws names and descriptions from short lists, so their sharing",
            "column says nothing about real data; codes, fiscal years, zero amounts and dates",
            "repeat in real COPS data as they do here.",
            "",
            f"## cProfile hotspots by own time (profiled total {total:.2f} s; the profiler's",
            "overhead inflates many small calls, so read the percentages as a ranking)",
            "",
            table,
            "",
            *extra,
            "Regenerate: `.venv/bin/python bench/profile_decode.py` (or a full `bench/run.py`).",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Profile and write ``bench/results/profile.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--output", type=Path, default=RESULTS / "profile.md")
    args = parser.parse_args(argv)
    lines = records.jsonl_text(records.grant_records(args.records)).splitlines()
    import report as results_report  # the machine line, with the commit measured

    text = report(lines, results_report.machine_line(results_report.machine()))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
