"""A small tool on copsreform: a state's agencies with their COPS awards, linked by the library.

USAspending names the recipient of an award ("CITY OF FEDERAL WAY") but carries no ORI;
the FBI's agency list names the agency ("Federal Way Police Department") but carries no
UEI. ``copsreform.link_recipients`` joins them with the domain's rules (a city funds its
police department, a county its sheriff, a tribe its tribal police) and says, for every
link, how sure it is and why; for every award it cannot link, why not. This report
totals the high- and medium-confidence links by agency and lists every other award with
its reason: nothing is guessed.

Run: ``python examples/state_awards_report.py WA``
"""

import sys
from collections import defaultdict
from decimal import Decimal

import copsreform as cr


def main(state: str) -> None:
    agencies, _ = cr.split(cr.read_bundled_2018())
    grants = [g for g in cr.read_bundled_usaspending() if isinstance(g, cr.Grant)]
    grants = [g for g in grants if g.recipient.state == state]
    results = cr.link_recipients(grants, agencies)

    by_agency: dict[str, list[tuple[cr.Grant, cr.Confidence]]] = defaultdict(list)
    others: list[cr.LinkResult] = []
    for result in results:
        if result.status is not cr.LinkStatus.LINKED:
            others.append(result)
        for link in result.links:
            if result.status is cr.LinkStatus.LINKED:
                by_agency[f"{link.agency.name} ({link.ori})"].append(
                    (result.grant, link.confidence)
                )

    in_state = sum(1 for a in agencies if a.state == state)
    print(f"COPS awards to {state} agencies, linked by copsreform.link_recipients")
    print(
        f"{in_state:,} FBI-listed agencies in {state}; {len(grants)} awards on the bundled page\n"
    )
    for name, items in sorted(by_agency.items()):
        total = sum((g.federal_amount for g, _ in items), Decimal(0))
        sure = "/".join(sorted({c.value for _, c in items}))
        print(f"{name:<50} {len(items):>3} awards  ${total:>14,.2f}  {sure}")
    linked = len(results) - len(others)
    print(f"\nlinked {linked} of {len(results)} awards to {len(by_agency)} agencies")
    print(f"not linked ({len(others)} awards), with the reason:")
    for result in others:
        print(f"  {result.grant.award_number_display}  {result.grant.recipient.name}")
        print(f"      {result.status.value}: {result.reason}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "WA")
