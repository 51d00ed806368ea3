"""The converter, the provider registry and the rule book are safe from many threads.

Eight threads decode and encode a mix of valid and invalid documents and decide
eligibility at once; every answer must equal the single-threaded one. The cold-start
test runs in a fresh interpreter so that the lazy first loads (the converter's hooks for
each class, providers.json, rules.json) race from all threads at the same moment.
"""

import io
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from hardening_support import FORMAT_DOCUMENTS, FORMAT_V1, usaspending_results

import copsreform as cr
from copsreform.schema import KINDS
from copsreform.sources import usaspending

THREADS = 8

WORKLOAD = r"""
import copy, datetime as dt, glob, json, os, sys, threading
import copsreform as cr
from copsreform.rules import check_award, check_eligibility
from copsreform.schema import KINDS

FORMAT = sys.argv[1]


def documents():
    found = []
    for path in sorted(glob.glob(os.path.join(FORMAT, "*.json"))):
        kind = os.path.basename(path)[:-5].split("-")[0]
        document = json.load(open(path, encoding="utf-8"))
        found.append((kind, document))
        for key in list(document)[:4]:  # invalid variants: a key missing, a value wrong
            broken = copy.deepcopy(document)
            del broken[key]
            found.append((kind, broken))
            wrong = copy.deepcopy(document)
            wrong[key] = [1.5, "x"]
            found.append((kind, wrong))
    return found


def decode(pair):
    kind, document = pair
    try:
        obj = cr.from_dict(KINDS[kind], document)
    except cr.ValidationError as error:
        return ["error", type(error).__name__, [[p.path, p.reason] for p in error.problems]]
    again = cr.from_json(KINDS[kind], cr.to_json(obj))
    assert again == obj
    return ["ok", cr.to_json(obj)]


AGENCY = cr.Agency(name="Boston Police Department", state="MA", ori="MA0130100",
                   jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
PROGRAMS = [*cr.CRIProgram, cr.GrantProgram.CHP, cr.GrantProgram.SVPP, cr.GrantProgram.TRGP]


def decide(year):
    answers = []
    for program in PROGRAMS:
        try:
            decision = check_eligibility(AGENCY, program, fiscal_year=cr.FiscalYear(year))
            answers.append(decision.explain())
        except cr.CopsReformError as error:
            answers.append(type(error).__name__ + ": " + str(error))
    answers.append(repr(cr.find_provider("NPI")))
    answers.append(len(cr.providers()))
    return answers


def work():
    decoded = [decode(pair) for pair in DOCUMENTS]
    decided = [decide(year) for year in (2016, 2021, 2024, 2025)]
    grant = cr.from_json(cr.Grant, open(os.path.join(FORMAT, "grant-chp-fy2024.json")).read())
    return [decoded, decided, check_award(grant).explain()]


DOCUMENTS = documents()
start = threading.Barrier(int(sys.argv[2]))
results = [None] * int(sys.argv[2])


def run(index):
    start.wait()  # all threads reach the cold caches at the same moment
    results[index] = work()


threads = [threading.Thread(target=run, args=(i,)) for i in range(int(sys.argv[2]))]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
single = work()
print(json.dumps({"same": [r == single for r in results], "documents": len(DOCUMENTS),
                  "errors": sum(1 for d in single[0] if d[0] == "error")}))
"""


def test_a_cold_start_from_eight_threads_gives_the_single_threaded_answers() -> None:
    switch = "sys.setswitchinterval(1e-6)\n"  # switch threads as often as possible
    script = WORKLOAD.replace("FORMAT = sys.argv[1]\n", f"FORMAT = sys.argv[1]\n{switch}")
    result = subprocess.run(
        [sys.executable, "-c", script, str(FORMAT_V1), str(THREADS)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["same"] == [True] * THREADS
    assert report["errors"] > 0  # the mix holds invalid documents too
    assert report["documents"] > report["errors"]


def _decode(pair: tuple[str, Any]) -> Any:
    kind, document = pair
    try:
        obj = cr.from_dict(KINDS[kind], document)
    except cr.ValidationError as error:
        return [(p.path, p.reason) for p in error.problems]
    return cr.to_json(obj)


def test_warm_decoding_and_importing_from_eight_threads_agree_with_one() -> None:
    pairs = [
        *FORMAT_DOCUMENTS,
        *(("grant", {**d, "positions": "ten"}) for _, d in FORMAT_DOCUMENTS),
    ]
    page = json.dumps({"results": usaspending_results()}).encode()

    def work(_: int) -> Any:
        imported = [str(o) for o in usaspending.read_usaspending(io.BytesIO(page))]
        return [_decode(p) for p in pairs], imported

    single = work(0)
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(work, range(4 * THREADS)))
    assert [single] * (4 * THREADS) == results
