"""copsreform's benchmark: decode, encode, memory, import and eligibility, side by side.

Usage:
    python3 dev.py bench                      # installs bench/requirements.txt, full run
    .venv/bin/python bench/run.py             # full run: 100,000 records, 5 rounds
    .venv/bin/python bench/run.py --quick     # smoke: 10,000 records, 3 rounds
    .venv/bin/python bench/run.py --json out.json --rounds 7

Every contender runs once per round in a rotated order and medians are compared; see
bench/README.md for what is measured and how to read it. A full run writes
bench/results/latest.json, latest.md and profile.md.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import contenders as cn  # noqa: E402
import realdata  # noqa: E402
import records  # noqa: E402
import report  # noqa: E402
import timing  # noqa: E402

import copsreform as cr  # noqa: E402

try:
    import orjson
except ModuleNotFoundError:  # bench-only dependency
    orjson = None  # type: ignore[assignment]

RESULTS = HERE / "results"
REFERENCE = "pydantic model_validate_json/line"
_STARTED = time.perf_counter()


def log(message: str) -> None:
    """Progress on stderr, with the seconds since start."""
    print(f"[{time.perf_counter() - _STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


def _checked(decode: Callable[[], list[Any]], expected: int) -> Callable[[], list[Any]]:
    """``decode``, failing loudly if it did not build every record."""

    def task() -> list[Any]:
        out = decode()
        if len(out) != expected:
            raise RuntimeError(f"decoded {len(out)} records, expected {expected}")
        return out

    return task


def summarise(
    timings: dict[str, timing.Timing], count: int, reference: str | None, msgspec_name: str | None
) -> dict[str, dict[str, Any]]:
    """Medians, per-record times and ratios for a section: CPU time, and wall time beside it."""
    ref = timings.get(reference or "")
    ms = timings.get(msgspec_name or "")
    return {
        name: {
            "median_s": t.cpu_median,
            "per_record_us": 1e6 * t.cpu_median / count,
            "ratio_vs_pydantic": t.cpu_median / ref.cpu_median if ref else None,
            "ratio_vs_msgspec": t.cpu_median / ms.cpu_median if ms else None,
            "spread": t.cpu_spread,
            "wall_median_s": t.median,
            "wall_ratio_vs_pydantic": t.median / ref.median if ref else None,
            "wall_spread": t.spread,
            "rounds_cpu_s": t.cpu_seconds,
            "rounds_wall_s": t.seconds,
        }
        for name, t in timings.items()
    }


# Sections ------------------------------------------------------------------------------------


def decode_tasks(
    found: dict[str, cn.Contender], lines: list[str], text: str, array: str, *, full: bool
) -> dict[str, Callable[[], Any]]:
    """The decode tasks; ``full`` adds the secondary variants (run with the collector on)."""
    n = len(lines)
    tasks: dict[str, Callable[[], Any]] = {}
    cops = found["copsreform"]
    tasks["copsreform from_json/line"] = _checked(lambda: cops.decode_lines(lines), n)
    if full:
        read = cops.variants["copsreform read_jsonl"]
        tasks["copsreform read_jsonl"] = _checked(lambda: read(lines), n)
    if "pydantic" in found:
        pyd = found["pydantic"]
        tasks[REFERENCE] = _checked(lambda: pyd.decode_lines(lines), n)
        assert pyd.decode_array is not None
        tasks["pydantic TypeAdapter(list).validate_json array"] = _checked(
            lambda: pyd.decode_array(array), n
        )
    if cn.SECOND in found:
        second = found[cn.SECOND]
        tasks[SECOND_DECODE] = _checked(lambda: second.decode_lines(lines), n)
    if "msgspec" in found:
        ms = found["msgspec"]
        tasks["msgspec Decoder.decode/line"] = _checked(lambda: ms.decode_lines(lines), n)
        if full:
            assert ms.decode_jsonl is not None
            assert ms.decode_array is not None
            tasks["msgspec Decoder.decode_lines"] = _checked(lambda: ms.decode_jsonl(text), n)
            tasks["msgspec Decoder(list).decode array"] = _checked(
                lambda: ms.decode_array(array), n
            )
    loads = json.loads
    tasks["json.loads/line (floor)"] = lambda: [loads(line) for line in lines]
    if orjson is not None:
        oloads = orjson.loads
        tasks["orjson.loads/line (floor)"] = lambda: [oloads(line) for line in lines]
        if full:
            tasks["orjson.loads array (floor)"] = lambda: oloads(array)
    return tasks


def encode_tasks(
    found: dict[str, cn.Contender], objects: dict[str, list[Any]]
) -> dict[str, Callable[[], Any]]:
    """Encode each contender's own decoded objects back to JSON text, one per object."""
    tasks: dict[str, Callable[[], Any]] = {}
    cops = objects["copsreform"]
    tasks["copsreform to_json/object"] = lambda: found["copsreform"].encode(cops)
    tasks["copsreform write_jsonl"] = lambda: cr.write_jsonl(cops, io.StringIO())
    if "pydantic" in found:
        pyd = objects["pydantic"]
        tasks["pydantic model_dump_json/object"] = lambda: found["pydantic"].encode(pyd)
    if "msgspec" in found:
        ms = objects["msgspec"]
        tasks["msgspec Encoder.encode/object"] = lambda: found["msgspec"].encode(ms)
    return tasks


def memory_section(found: dict[str, cn.Contender], lines: list[str]) -> dict[str, float]:
    """Bytes retained per decoded record, for each contender."""
    out = {}
    for name, contender in found.items():
        out[name] = timing.retained_per_record(contender.decode_lines, lines)
        log(f"memory {name}: {out[name]:,.0f} bytes/record")
    loads = json.loads
    out["json.loads dicts (reference)"] = timing.retained_per_record(
        lambda ls: [loads(line) for line in ls], lines
    )
    return out


def import_section(args: argparse.Namespace, rounds: int) -> dict[str, Any]:
    """Import the FBI 2018 list and the USAspending page, against bare parsing."""
    out: dict[str, Any] = {}
    jobs = [
        (
            "cde",
            "copsreform.sources.cde",
            realdata.CDE_CANDIDATES,
            args.cde_importer,
            realdata.cde_path(),
            realdata.bare_parse_cde,
            1,
        ),
        (
            "usaspending",
            "copsreform.sources.usaspending",
            realdata.USASPENDING_CANDIDATES,
            args.usaspending_importer,
            realdata.usaspending_path(),
            realdata.bare_parse_json,
            50,
        ),
    ]
    for key, module, names, explicit, path, bare, repeat in jobs:
        found = realdata.find_function(module, names, explicit)
        if found.function is None or not path.exists():
            reason = found.label if found.function is None else f"skipped: no file {path}"
            out[key] = {"skipped": reason}
            log(f"import {key}: {reason}")
            continue
        function = found.function
        try:
            produced = realdata.run_importer(function, path)
        except Exception as error:  # report it, never abort the whole run
            out[key] = {"skipped": f"importer failed: {type(error).__name__}: {error}"}
            log(f"import {key}: {out[key]['skipped']}")
            continue
        kinds: dict[str, int] = {}
        for item in produced:
            kinds[type(item).__name__] = kinds.get(type(item).__name__, 0) + 1

        # A small file is read ``repeat`` times a round to be measurable; each read's
        # result is let go before the next, as when one file is read, so that neither
        # side is timed holding ``repeat`` copies for the collector to walk.
        def imported(
            function: Callable[..., Any] = function, path: Path = path, repeat: int = repeat
        ) -> Any:
            result = None
            for _ in range(repeat):
                result = realdata.run_importer(function, path)
            return result

        def parsed(
            bare: Callable[[Path], Any] = bare, path: Path = path, repeat: int = repeat
        ) -> Any:
            result = None
            for _ in range(repeat):
                result = bare(path)
            return result

        timings = timing.interleave({"import": imported, "bare parse": parsed}, rounds)
        ratio = timings["import"].cpu_median / timings["bare parse"].cpu_median
        wall_ratio = timings["import"].median / timings["bare parse"].median
        out[key] = {
            "entry_point": found.label,
            "file": str(path),
            "produced": kinds,
            "import_s": timings["import"].cpu_median / repeat,
            "bare_parse_s": timings["bare parse"].cpu_median / repeat,
            "ratio": ratio,
            "wall_ratio": wall_ratio,
            "rounds_cpu_s": {k: v.cpu_seconds for k, v in timings.items()},
            "rounds_wall_s": {k: v.seconds for k, v in timings.items()},
        }
        log(f"import {key}: {ratio:.2f}x bare parse ({kinds})")
    return out


def eligibility_section(args: argparse.Namespace, rounds: int, quick: bool) -> dict[str, Any]:
    """All agencies against every program for one fiscal year, in decisions per second."""
    found = realdata.find_matrix(args.matrix)
    if found.function is None:
        log(f"eligibility: {found.label}")
        return {"skipped": found.label}
    path = realdata.cde_path()
    importer = realdata.find_function(
        "copsreform.sources.cde", realdata.CDE_CANDIDATES, args.cde_importer
    )
    agencies: list[Any] = []
    source = ""
    if importer.function is not None:
        try:
            produced = realdata.run_importer(importer.function, path)
            agencies = [a for a in produced if isinstance(a, cr.Agency)]
            source = f"{importer.label} ({len(agencies):,} agencies)"
        except Exception as error:  # fall back to the bench's own mapping
            log(f"eligibility: importer failed ({error}); using the bench's own mapping")
    if not agencies:
        agencies, skipped = realdata.bench_agencies(realdata.bare_parse_cde(path))
        source = f"bench mapping of the 2018 list ({len(agencies):,} agencies, {skipped} skipped)"
    if quick:
        agencies = agencies[:2_000]
        source += ", the first 2,000 (--quick)"
    year = cr.FiscalYear(args.fiscal_year)
    programs, excluded = realdata.programs_in_force(found.function, agencies[0], year)
    for program, reason in excluded.items():
        log(f"eligibility: {program} left out: {reason}")
    call = realdata.matrix_call(found.function, agencies, programs, year)
    try:
        decisions = call()  # warm-up, and the count
    except Exception as error:  # report it, never abort the whole run
        log(f"eligibility: matrix failed: {type(error).__name__}: {error}")
        return {"skipped": f"eligibility_matrix failed: {type(error).__name__}: {error}"}
    timings = timing.interleave({"matrix": call}, rounds)
    seconds = timings["matrix"].cpu_median
    extra = _eligibility_extras(found.function, agencies[:2_000], programs, year)
    result = {
        "entry_point": found.label,
        "agencies": source,
        "programs": [p.value for p in programs],
        "programs_left_out": excluded,
        "fiscal_year": args.fiscal_year,
        "decisions": decisions,
        "median_s": seconds,
        "decisions_per_s": decisions / seconds,
        "rounds_s": timings["matrix"].seconds,
        **extra,
    }
    log(f"eligibility: {decisions:,} decisions in {seconds:.2f}s; {extra}")
    return result


def _eligibility_extras(
    matrix: Callable[..., Any], agencies: list[Any], programs: list[Any], year: cr.FiscalYear
) -> dict[str, float]:
    """Decisions per second when every Decision (with its reasons) is built, and one at a time.

    The matrix decides each distinct combination of facts once and builds a full
    Decision only on demand; these two show the cost when a caller wants them all.
    """
    out: dict[str, float] = {}
    started = time.perf_counter()
    built = sum(1 for _ in matrix(agencies, programs, fiscal_year=year))
    out["with_every_decision_built_per_s"] = built / (time.perf_counter() - started)
    single = realdata.find_function("copsreform.rules", ("check_eligibility",))
    if single.function is not None:
        few = agencies[:300]
        started = time.perf_counter()
        for agency in few:
            for program in programs:
                single.function(agency, program, fiscal_year=year)
        elapsed = time.perf_counter() - started
        out["check_eligibility_one_at_a_time_per_s"] = len(few) * len(programs) / elapsed
    return out


# Tables --------------------------------------------------------------------------------------


def section_rows(section: dict[str, dict[str, Any]]) -> list[list[str]]:
    """Rows of a timing section: median, per record, ratios, spread."""
    return [
        [
            name,
            f"{v['median_s']:.3f}",
            f"{v['per_record_us']:.2f}",
            report.fmt_ratio(v["ratio_vs_pydantic"]),
            report.fmt_ratio(v["ratio_vs_msgspec"]),
            f"{100 * v['spread']:.0f}%",
            f"{v['wall_median_s']:.3f}",
            report.fmt_ratio(v["wall_ratio_vs_pydantic"]),
            f"{100 * v['wall_spread']:.0f}%",
        ]
        for name, v in section.items()
    ]


SECTION_HEADER = [
    "contender",
    "CPU s",
    "µs/record",
    "vs pydantic",
    "vs msgspec",
    "spread",
    "wall s",
    "wall vs pydantic",
    "wall spread",
]
COPS_DECODE, MS_DECODE = "copsreform from_json/line", "msgspec Decoder.decode/line"
SECOND_DECODE = "pydantic second model model_validate_json/line"
COPS_ENCODE, PYD_ENCODE = "copsreform to_json/object", "pydantic model_dump_json/object"
MS_ENCODE = "msgspec Encoder.encode/object"


def _us(value: float | None) -> str:
    return "-" if value is None else f"{value:,.2f} µs"


def _second_model_notes(results: dict[str, Any]) -> list[str]:
    """How the decode compares with the second, independently written pydantic model."""
    notes = []
    for section, label in (("decode_gc_on", "collector on"), ("decode_gc_off", "collector off")):
        data = results.get(section, {})
        second = data.get(SECOND_DECODE, {}).get("median_s")
        mine = data.get(COPS_DECODE, {}).get("median_s")
        reference = data.get(REFERENCE, {}).get("median_s")
        if second and mine and reference:
            notes.append(
                f"decode, {label}, against the second, independently written pydantic model "
                f"(bench/second_model.py): copsreform {report.fmt_ratio(mine / second)}, "
                f"the reference pydantic model {report.fmt_ratio(reference / second)} of its time."
            )
    return notes


def summary(results: dict[str, Any]) -> tuple[list[str], list[list[str]], list[str]]:
    """The headline table (each target, the values, the ratio, PASS/MISS) and its notes."""
    measured: dict[str, float | None] = {}
    rows: list[list[str]] = []
    notes: list[str] = []

    def timed(key: str, section: str, mine: str, reference: str, ms: str) -> None:
        data = results.get(section, {})
        cell = data.get(mine, {})
        measured[key] = cell.get("ratio_vs_pydantic")
        rows.append(
            [
                _us(cell.get("per_record_us")),
                _us(data.get(reference, {}).get("per_record_us")),
                _us(data.get(ms, {}).get("per_record_us")),
                report.fmt_ratio(measured[key]),
                report.fmt_ratio(cell.get("wall_ratio_vs_pydantic")),
                report.fmt_ratio(cell.get("ratio_vs_msgspec")),
            ]
        )

    timed("decode_gc_on", "decode_gc_on", COPS_DECODE, REFERENCE, MS_DECODE)
    timed("decode_gc_off", "decode_gc_off", COPS_DECODE, REFERENCE, MS_DECODE)
    timed("encode", "encode", COPS_ENCODE, PYD_ENCODE, MS_ENCODE)
    memory = results.get("memory", {})
    mem_c, mem_p, mem_m = (memory.get(k) for k in ("copsreform", "pydantic", "msgspec"))
    measured["memory"] = mem_c / mem_p if mem_c and mem_p else None
    rows.append(
        [
            report.fmt_number(mem_c, 0) + " B",
            report.fmt_number(mem_p, 0) + " B",
            report.fmt_number(mem_m, 0) + " B",
            report.fmt_ratio(measured["memory"]),
            "",
            report.fmt_ratio(mem_c / mem_m if mem_c and mem_m else None),
        ]
    )
    for key, source in (("import_cde", "cde"), ("import_usaspending", "usaspending")):
        data = results.get("import", {}).get(source, {})
        measured[key] = data.get("ratio")
        if "ratio" in data:
            rows.append(
                [
                    f"{1000 * data['import_s']:,.3f} ms",
                    f"{1000 * data['bare_parse_s']:,.3f} ms",
                    "",
                    report.fmt_ratio(data["ratio"]),
                    report.fmt_ratio(data.get("wall_ratio")),
                    "",
                ]
            )
            notes.append(
                f"{report.TARGETS[key].label}: {data['entry_point']} made {data['produced']}."
            )
        else:
            rows.append([data.get("skipped", "not run"), "", "", "-", "", ""])
    elig = results.get("eligibility", {})
    measured["eligibility"] = elig.get("decisions_per_s")
    if "decisions_per_s" in elig:
        rows.append([f"{elig['decisions_per_s']:,.0f}/s", "", "", "", "", ""])
        note = (
            f"eligibility: {elig['entry_point']}, {elig['agencies']} x {len(elig['programs'])} "
            f"programs, FY{elig['fiscal_year']}: {elig['decisions']:,} decisions in "
            f"{elig['median_s']:.3f} s"
        )
        if "with_every_decision_built_per_s" in elig:
            note += (
                f"; {elig['with_every_decision_built_per_s']:,.0f}/s when every Decision is built"
            )
        if "check_eligibility_one_at_a_time_per_s" in elig:
            note += f"; {elig['check_eligibility_one_at_a_time_per_s']:,.0f}/s with check_eligibility one at a time"
        if elig.get("programs_left_out"):
            note += f"; left out (no rules in force): {', '.join(elig['programs_left_out'])}"
        notes.append(note + ".")
    else:
        rows.append([elig.get("skipped", "not run"), "", "", "", "", ""])
    notes.extend(_second_model_notes(results))
    for row, (key, target) in zip(rows, report.TARGETS.items(), strict=True):
        row[:0] = [target.label]
        row[6:6] = [target.text, target.judge(measured[key])]
    results["targets"] = {
        key: {"measured": measured[key], "limit": t.limit, "status": t.judge(measured[key])}
        for key, t in report.TARGETS.items()
    }
    header = [
        "measure",
        "copsreform",
        "pydantic / bare parse",
        "msgspec",
        "ratio",
        "(wall)",
        "target",
        "status",
        "vs msgspec",
    ]
    return header, rows, notes


def render(results: dict[str, Any], *, markdown: bool) -> str:
    """Every table of the run, as text or Markdown."""
    table = report.markdown_table if markdown else report.text_table
    cfg = results["config"]
    header, rows, notes = summary(results)
    bullet = "- " if markdown else "  "
    out = []
    if markdown:
        out += ["# copsreform benchmark results", ""]
    out += [
        f"Machine: {report.machine_line(results['machine'])}",
        "",
        (
            f"Input: {cfg['records']:,} grant records as JSON Lines text ({cfg['jsonl_mb']:.1f} MB), "
            "split into lines before timing; the array rows get the same records as one JSON "
            f"array. {cfg['rounds']} rounds, contenders interleaved in rotated order; medians "
            "of the process's CPU time (every contender is single-threaded, so on an idle "
            "machine it equals wall time, and other processes on a shared machine cannot "
            "inflate it); wall-clock medians and ratios beside them. Ratios: copsreform "
            "`from_json` per line against pydantic `model_validate_json` per line (the "
            f"reference). Memory: {cfg['memory_records']:,} records, tracemalloc. Spread: "
            "(max - min) / median over the rounds."
        ),
        "",
        "## Summary" if markdown else "SUMMARY",
        "",
        table(header, rows, "lrrrrrllr"),
        "",
        *[bullet + note for note in notes],
        "",
    ]
    titles = [
        ("decode_gc_on", "Decode, collector on (what a batch job sees)"),
        ("decode_gc_off", "Decode, collector off (gc.disable(): the library's own cost)"),
        ("encode", "Encode: the decoded objects back to JSON text"),
    ]
    for key, title in titles:
        if key in results:
            out += [f"## {title}" if markdown else title.upper(), ""]
            out += [table(SECTION_HEADER, section_rows(results[key])), ""]
    if "memory" in results:
        out += ["## Memory retained per record" if markdown else "MEMORY RETAINED PER RECORD", ""]
        mem = results["memory"]
        ref = mem.get("pydantic")
        rows = [
            [name, f"{value:,.0f}", report.fmt_ratio(value / ref if ref else None)]
            for name, value in mem.items()
        ]
        out += [table(["contender", "bytes/record", "vs pydantic"], rows), ""]
    agreement = results["agreement"]
    same = "byte-identical to" if agreement["identical"] == agreement["sample"] else "equal to"
    verdict = (
        "accepted every good one and rejected every bad one" if agreement["ok"] else "did NOT agree"
    )
    out += [
        "## Agreement" if markdown else "AGREEMENT",
        "",
        (
            f"{agreement['good']} good and {agreement['bad']} bad documents: every contender "
            f"{verdict}; on {agreement['sample']:,} benchmark records every contender's JSON "
            f"output is {same} copsreform's."
        ),
        "",
    ]
    return "\n".join(out)


# Main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description="copsreform's benchmark (see bench/README.md)")
    parser.add_argument("--quick", action="store_true", help="10,000 records, 3 rounds")
    parser.add_argument("--records", type=int, help="records to decode (default 100,000)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 5)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--no-profile", action="store_true", help="skip bench/results/profile.md")
    parser.add_argument(
        "--only", choices=["import", "eligibility"], help="run one real-data section"
    )
    parser.add_argument("--cde-importer", help="module:function of the FBI list importer")
    parser.add_argument("--usaspending-importer", help="module:function of the page importer")
    parser.add_argument("--matrix", help="module:function of the eligibility matrix")
    parser.add_argument("--fiscal-year", type=int, default=2024, help="for the matrix")
    return parser.parse_args(argv)


def agreement_check(found: dict[str, cn.Contender], lines: list[str]) -> dict[str, Any]:
    """The agreement table, and identical output on a sample of benchmark records."""
    result = cn.agreement(found.values(), records.GOOD_CASES, records.BAD_CASES)
    print(result.table())
    print()
    problems = list(result.problems)
    outputs = {}
    for name, contender in found.items():
        encoded = contender.encode(contender.decode_lines(lines))
        outputs[name] = [e if isinstance(e, str) else e.decode() for e in encoded]
    identical = len(lines)
    for name, texts in outputs.items():
        if name == "copsreform":
            continue
        for index, (mine, theirs) in enumerate(zip(outputs["copsreform"], texts, strict=True)):
            if mine != theirs:
                identical -= 1
                if json.loads(mine) != json.loads(theirs):
                    problems.append(f"{name} decoded benchmark record {index} to other values")
    return {
        "ok": not problems,
        "good": len(records.GOOD_CASES),
        "bad": len(records.BAD_CASES),
        "contenders": list(found),
        "problems": problems,
        "sample": len(lines),
        "identical": identical,
        "cases": [
            {
                "label": label,
                "expected": expected,
                **{c: v.outcome for c, v in zip(result.names, verdicts, strict=True)},
            }
            for expected, label, verdicts in result.rows
        ],
    }


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 - one section after another
    """Run the benchmark; print the tables; write the results."""
    args = parse_args(argv)
    count = args.records or (10_000 if args.quick else 100_000)
    rounds = args.rounds or (3 if args.quick else 5)
    few = 1 if args.quick else 3  # rounds for the slow eligibility section
    # Importing takes a fraction of a second a round: more rounds steady its median.
    import_rounds = args.rounds or (5 if args.quick else 9)
    results: dict[str, Any] = {"machine": report.machine()}
    print(f"Machine: {report.machine_line(results['machine'])}\n")
    found = {c.name: c for c in cn.available_contenders()}
    missing = {"pydantic", "msgspec"} - set(found)
    if missing:
        print(
            f"note: {', '.join(sorted(missing))} not installed: pip install -r bench/requirements.txt"
        )

    if args.only:
        section = (
            import_section(args, import_rounds)
            if args.only == "import"
            else eligibility_section(args, few, args.quick)
        )
        print(json.dumps(section, indent=2, default=str))
        return 0

    log(f"generating {count:,} records")
    recs = records.grant_records(count)
    text, array = records.jsonl_text(recs), records.array_text(recs)
    lines = text.splitlines()
    del recs
    results["config"] = {
        "records": count,
        "rounds": rounds,
        "memory_records": min(count, 10_000),
        "input": "JSON Lines text split into lines; arrays as one JSON array",
        "jsonl_mb": len(text.encode()) / 1e6,
        "array_mb": len(array.encode()) / 1e6,
        "quick": args.quick,
    }

    log("agreement check")
    results["agreement"] = agreement_check(found, lines[:2_000])
    if not results["agreement"]["ok"]:
        print("ABORT: the contenders do not accept and reject the same records:")
        print("\n".join(results["agreement"]["problems"]))
        return 1

    for name, gc_on, full in (("decode_gc_on", True, True), ("decode_gc_off", False, False)):
        tasks = decode_tasks(found, lines, text, array, full=full)
        # Warm up (cattrs generates its hooks on first use, patterns compile) on 1,000 lines.
        for task_name, task in decode_tasks(found, lines[:1_000], "", "", full=False).items():
            if "array" not in task_name:
                task()
        log(f"{name}: {len(tasks)} tasks x {rounds} rounds")
        timings = timing.interleave(tasks, rounds, gc_enabled=gc_on, progress=log)
        results[name] = summarise(timings, count, REFERENCE, "msgspec Decoder.decode/line")

    log("decoding once more to encode")
    objects = {name: c.decode_lines(lines) for name, c in found.items()}
    timings = timing.interleave(encode_tasks(found, objects), rounds, progress=log)
    results["encode"] = summarise(
        timings, count, "pydantic model_dump_json/object", "msgspec Encoder.encode/object"
    )
    del objects
    gc.collect()

    log("memory")
    results["memory"] = memory_section(found, lines[: results["config"]["memory_records"]])
    del text, array
    gc.collect()

    log("import")
    results["import"] = import_section(args, import_rounds)
    log("eligibility")
    results["eligibility"] = eligibility_section(args, few, args.quick)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]

    print(render(results, markdown=False))
    payload = json.dumps(results, indent=2, default=str)
    if args.json:
        args.json.write_text(payload, encoding="utf-8")
    if not args.quick and args.records is None:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "latest.json").write_text(payload, encoding="utf-8")
        (RESULTS / "latest.md").write_text(render(results, markdown=True), encoding="utf-8")
        log(f"wrote {RESULTS / 'latest.json'} and latest.md")
        if not args.no_profile:
            import profile_decode

            log("profiling copsreform's decode")
            (RESULTS / "profile.md").write_text(
                profile_decode.report(lines[:20_000], report.machine_line(results["machine"])),
                encoding="utf-8",
            )
            log(f"wrote {RESULTS / 'profile.md'}")
    log("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
