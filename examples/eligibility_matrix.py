"""An eligibility matrix: real agencies of the FBI's list against every COPS program.

The FBI list says nothing about primary law enforcement authority, so CHP comes back
undetermined for city and county agencies (the decision names the missing input) rather
than guessed. Federal agencies are ineligible for everything.

Run: ``python examples/eligibility_matrix.py [STATE] [FISCAL_YEAR]``
"""

import sys
import time
from collections import Counter

import copsreform as cr

state = sys.argv[1] if len(sys.argv) > 1 else "WA"
year = cr.FiscalYear.parse(sys.argv[2] if len(sys.argv) > 2 else "2024")
programs = [
    cr.CRIProgram.CRI_TAC,
    cr.CRIProgram.CRITICAL_RESPONSE,
    cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT,
    cr.GrantProgram.CHP,
    cr.GrantProgram.TRGP,
    cr.GrantProgram.CAMP,
    cr.GrantProgram.AHTF,
]

every, rejected = cr.split(cr.read_bundled_2018())
print(f"FBI list: {len(every):,} agencies imported, {len(rejected)} rejected")

started = time.perf_counter()
matrix = cr.eligibility_matrix(every, programs, fiscal_year=year)
seconds = time.perf_counter() - started
print(f"{len(every) * len(programs):,} decisions for {year} in {seconds:.2f} s\n")

rows = [i for i, agency in enumerate(every) if agency.state == state]
print(f"{state}: {len(rows)} agencies")
print(f"{'program':<28} {'eligible':>9} {'ineligible':>11} {'undetermined':>13}")
for program in programs:
    counts = Counter(matrix.status(i, program) for i in rows)
    print(
        f"{program.value:<28} {counts[cr.Eligibility.ELIGIBLE]:>9} "
        f"{counts[cr.Eligibility.INELIGIBLE]:>11} {counts[cr.Eligibility.UNDETERMINED]:>13}"
    )

seattle = next(i for i in rows if every[i].ori == "WASPD0000")
print()
print(matrix.decision(seattle, cr.GrantProgram.CHP).explain())
