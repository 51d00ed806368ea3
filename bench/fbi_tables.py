"""Import the real FBI agency tables: how long the 18,702-row 2018 API pull takes, and counts.

Run it with ``.venv/bin/python bench/fbi_tables.py`` (``--rounds N``, default 7). It reads
the tables copied into ``tests/data/fbi/`` (provenance in the README there) and prints, in
Markdown:

* the time to import the 18,702-row 2018 ``/api/agencies`` pull (flattened by pandas)
  with :func:`copsreform.read_cde`, building every :class:`copsreform.Agency`: the median
  over rounds of the process's CPU time and of the wall time, with the fastest round; the
  target is under 2 seconds;
* for each of the three real tables: rows read, imported and refused, Nebraska rows, rows
  with a population, rows with sworn officers, and how many columns were not kept.

Timing uses ``bench/timing.py``: the collector runs before each round and stays on, as in
a real import.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import run_once

import copsreform as cr
from copsreform.batch import Tally, counted

DATA = Path(__file__).parent.parent / "tests" / "data" / "fbi"
API_2018 = DATA / "cde_sapi_2018_agencies_pandas.csv.gz"
TABLES = {
    "NIBRS agencies, LA 2020": DATA / "nibrs_agencies_LA_2020.csv",
    "NIBRS cde_agencies, LA 2015": DATA / "nibrs_cde_agencies_LA_2015.csv",
    "2018 /api/agencies (pandas CSV)": API_2018,
}
TARGET_SECONDS = 2.0


def import_all(path: Path) -> list[object]:
    """Import every row of ``path``."""
    return list(cr.read_cde(path))


def counts(path: Path) -> tuple[cr.Summary, int, int, int]:
    """The summary, and the Nebraska, population and sworn-officer rows of a table."""
    tally = Tally()
    agencies = [a for a in counted(cr.read_cde(path), tally) if isinstance(a, cr.Agency)]
    return (
        tally.summary(),
        sum(a.state == "NE" for a in agencies),
        sum(a.population is not None for a in agencies),
        sum(a.sworn_officers is not None for a in agencies),
    )


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    import_all(API_2018)  # warm up: imports, the rule book, file cache
    times = [run_once(lambda: import_all(API_2018), gc_enabled=True) for _ in range(rounds)]
    wall = [w for w, _ in times]
    cpu = [c for _, c in times]
    median_cpu = statistics.median(cpu)
    verdict = "PASS" if median_cpu < TARGET_SECONDS else "MISS"
    print("## Import of the 18,702-row 2018 API pull\n")
    print("| measure | median | fastest | target |")
    print("| --- | ---: | ---: | --- |")
    print(f"| CPU seconds | {median_cpu:.3f} | {min(cpu):.3f} | < {TARGET_SECONDS} s: {verdict} |")
    print(f"| wall seconds | {statistics.median(wall):.3f} | {min(wall):.3f} | |")
    print(f"\n{rounds} rounds; {18_702 / median_cpu:,.0f} rows per CPU second.\n")
    print("## The three real tables\n")
    print(
        "| table | read | imported | refused | NE rows | with population | with sworn officers | columns not kept |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, path in TABLES.items():
        summary, nebraska, population, sworn = counts(path)
        print(
            f"| {name} | {summary.read:,} | {summary.imported:,} | {summary.rejected:,} | "
            f"{nebraska:,} | {population:,} | {sworn:,} | {len(summary.unkept)} |"
        )


if __name__ == "__main__":
    main()
