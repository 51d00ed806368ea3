"""Summarise the real USAspending page that ships with copsreform.

100 COPS awards (Assistance Listing 16.710) to recipients in Washington state, as
USAspending reports them: amounts are net obligations, so some are zero or negative.

Run: ``python examples/usaspending_summary.py``
"""

from collections import Counter
from decimal import Decimal

import copsreform as cr

tally = cr.Tally()
grants = [
    g for g in cr.batch.counted(cr.read_bundled_usaspending(), tally) if isinstance(g, cr.Grant)
]
print(tally.summary())

by_program: Counter[str] = Counter()
amount_by_program: dict[str, Decimal] = {}
for grant in grants:
    key = grant.program.value
    by_program[key] += 1
    amount_by_program[key] = amount_by_program.get(key, Decimal(0)) + grant.federal_amount

print(f"\n{'program':<16} {'awards':>6} {'net federal ($)':>16}  name")
for program, count in by_program.most_common():
    title = cr.GrantProgram(program).title
    print(f"{program:<16} {count:>6} {amount_by_program[program]:>16,.2f}  {title}")

years = sorted({g.fiscal_year for g in grants})
print(f"\nfiscal years {years[0]} to {years[-1]}")
negative = [g for g in grants if g.is_net_negative]
print(
    f"{len(negative)} awards carry a negative net obligation (de-obligations), e.g. "
    f"{negative[0].award_number} {negative[0].recipient.name} ${negative[0].federal_amount:,}"
)
