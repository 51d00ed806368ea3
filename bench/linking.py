"""Time copsreform.link_recipients: the 100 bundled awards against the 23,238 FBI agencies.

The target (issue 15): under 1 second for the whole call, which builds the name index of
every agency of the awards' states and links each award. Loading the two bundled files
is not part of it (it is timed apart, for scale). Every round also checks the result,
so a fast wrong linker cannot pass.

Run::

    .venv/bin/python bench/linking.py            # 7 rounds, writes bench/results/linking.json
    .venv/bin/python bench/linking.py --rounds 3 --no-write
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from timing import run_once

import copsreform as cr

RESULTS = Path(__file__).resolve().parent / "results" / "linking.json"
TARGET_SECONDS = 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    agencies, rejected = cr.split(cr.read_bundled_2018())
    load_agencies = time.perf_counter() - started
    started = time.perf_counter()
    grants, _ = cr.split(cr.read_bundled_usaspending())
    load_grants = time.perf_counter() - started
    assert len(agencies) == 23_238, len(agencies)
    assert len(grants) == 100, len(grants)

    def task() -> list[cr.LinkResult]:
        results = cr.link_recipients(grants, agencies)
        linked = sum(r.status is cr.LinkStatus.LINKED for r in results)
        assert linked == 96, linked  # the same answer every round
        return results

    # Scale: every city and town of the FBI list as a recipient ("CITY OF X", its state).
    cities = [
        cr.Grant(
            award_number=grants[0].award_number,
            program=grants[0].program,
            recipient=cr.Organization(
                name=f"CITY OF {a.name.removesuffix(' Police Department')}", state=a.state
            ),
            federal_amount=grants[0].federal_amount,
            start=grants[0].start,
            end=grants[0].end,
        )
        for a in agencies
        if a.agency_type is cr.AgencyType.CITY and a.name.endswith(" Police Department")
    ]

    walls: list[float] = []
    cpus: list[float] = []
    scale_walls: list[float] = []
    for _ in range(args.rounds):
        wall, cpu = run_once(task, gc_enabled=True)
        walls.append(wall)
        cpus.append(cpu)
        wall, _ = run_once(lambda: cr.link_recipients(cities, agencies), gc_enabled=True)
        scale_walls.append(wall)

    wall_median = statistics.median(walls)
    cpu_median = statistics.median(cpus)
    results = {
        "machine": {
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d"),
            "python": platform.python_version(),
            "platform": platform.platform(terse=True),
            "cores": os.cpu_count(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            "copsreform": cr.__version__,
        },
        "rounds": args.rounds,
        "agencies": len(agencies),
        "agencies_rejected": len(rejected),
        "awards": len(grants),
        "target_seconds": TARGET_SECONDS,
        "link_wall_median": round(wall_median, 4),
        "link_cpu_median": round(cpu_median, 4),
        "link_wall_max": round(max(walls), 4),
        "met": max(walls) < TARGET_SECONDS,
        "load_agencies_seconds": round(load_agencies, 3),
        "load_awards_seconds": round(load_grants, 3),
        "scale_awards": len(cities),
        "scale_wall_median": round(statistics.median(scale_walls), 3),
    }
    print(
        f"link_recipients, {len(grants)} awards x {len(agencies):,} agencies: median "
        f"{wall_median * 1000:.1f} ms wall, {cpu_median * 1000:.1f} ms CPU, max "
        f"{max(walls) * 1000:.1f} ms over {args.rounds} rounds (target < {TARGET_SECONDS:.0f} s: "
        f"{'met' if results['met'] else 'MISSED'})"
    )
    print(
        f"for scale: {len(cities):,} city recipients in "
        f"{results['scale_wall_median']:.2f} s; loading the FBI list {load_agencies:.2f} s, "
        f"the page {load_grants:.3f} s (not part of the target)"
    )
    if not args.no_write:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS}")
    return 0 if results["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
