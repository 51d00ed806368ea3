"""A small tool on copsreform: a state's agencies with their COPS awards, matched by name.

USAspending names the recipient of an award ("CITY OF FEDERAL WAY") but carries no ORI;
the FBI's agency list names the agency ("Federal Way Police Department") but carries no
UEI. So the only join is by name, and a join by name is a modelling decision, not data.
This report makes its rules explicit:

1. A city or town recipient ("CITY OF X", "X, CITY OF", "TOWN OF X") matches the agency
   of FBI type City whose name is "X Police Department" (or "X Police", "X Department of
   Public Safety").
2. A county recipient ("COUNTY OF X", "COUNTY OF, X") matches the agency of FBI type
   County whose name is "X County Sheriff's Office" (or "X County Sheriff").
3. A tribe ("... TRIBE", "TRIBES", "NATION", "COMMUNITY", "COUNCIL") matches the Tribal
   agency whose name has the same distinctive first word, skipping generic words such
   as CONFEDERATED, TRIBES, LOWER ("PORT GAMBLE S'KLALLAM TRIBE" and "Port Gamble
   S'Klallam Tribal"), but only when exactly one such agency exists: the FBI list
   names some tribal agencies twice, and those stay unmatched.
4. A recipient that names a police department itself ("SEATTLE POLICE DEPARTMENT")
   matches that agency.
5. Names are compared in upper case with punctuation other than apostrophes (hyphens
   and commas included) turned into spaces, and spaces folded. Anything else (school districts, ambiguous names) stays unmatched and
   is listed as such: nothing is guessed.

Run: ``python examples/state_awards_report.py WA``
"""

import re
import sys
from collections import defaultdict
from decimal import Decimal

import copsreform as cr

# Patterns apply to normalised names (rule 5), in which commas have become spaces.
CITY = re.compile(
    r"^(?:CITY OF (?P<a>.+?)(?: WASHINGTON)?|(?P<b>.+) CITY OF|TOWN OF (?P<c>.+?)(?: INC)?)$"
)
COUNTY = re.compile(r"^COUNTY OF (?P<name>.+)$")
TRIBAL_WORDS = ("TRIBE", "TRIBES", "NATION", "COMMUNITY", "COUNCIL")
GENERIC = {"CONFEDERATED", "TRIBES", "TRIBE", "OF", "THE", "AND", "BANDS", "INDIAN", "LOWER"}


def normal(name: str) -> str:
    """Upper-case, turn punctuation other than apostrophes into spaces, fold spaces."""
    return " ".join(re.sub(r"[^A-Z0-9' ]", " ", name.upper()).split())


def match_key(recipient: str) -> tuple[cr.AgencyType, str] | None:
    """Return (FBI type, expected agency-name key) for a recipient name, or None."""
    name = normal(recipient)
    if name.endswith("POLICE DEPARTMENT"):
        return cr.AgencyType.CITY, name
    if found := CITY.match(name):
        place = found.group("a") or found.group("b") or found.group("c")
        return cr.AgencyType.CITY, f"{place} POLICE DEPARTMENT"
    if found := COUNTY.match(name):
        return cr.AgencyType.COUNTY, f"{found.group('name')} COUNTY SHERIFF'S OFFICE"
    if any(word in name.split() for word in TRIBAL_WORDS):
        word = distinctive_word(name)
        return (cr.AgencyType.TRIBAL, word) if word else None
    return None


def distinctive_word(name: str) -> str | None:
    """The first word of a tribal name that is not a generic word (rule 3)."""
    return next((w for w in normal(name).split() if w not in GENERIC), None)


def agency_keys(agency: cr.Agency) -> set[str]:
    """The names an agency can be matched under (rules 1, 2 and 4)."""
    name = normal(agency.name)
    keys = {name}
    for suffix in (" POLICE", " DEPARTMENT OF PUBLIC SAFETY"):
        if name.endswith(suffix):
            keys.add(name.removesuffix(suffix) + " POLICE DEPARTMENT")
    if name.endswith(" COUNTY SHERIFF"):
        keys.add(name + "'S OFFICE")
    return keys


def main(state: str) -> None:
    agencies = [a for a in cr.read_bundled_2018() if isinstance(a, cr.Agency) and a.state == state]
    by_key: dict[tuple[cr.AgencyType, str], list[cr.Agency]] = defaultdict(list)
    tribal: list[cr.Agency] = []
    for agency in agencies:
        if agency.agency_type is cr.AgencyType.TRIBAL:
            tribal.append(agency)
        for key in agency_keys(agency):
            by_key[agency.agency_type, key].append(agency)

    grants = [g for g in cr.read_bundled_usaspending() if isinstance(g, cr.Grant)]
    matched: dict[str, list[cr.Grant]] = defaultdict(list)
    unmatched: dict[str, list[cr.Grant]] = defaultdict(list)
    for grant in grants:
        key = match_key(grant.recipient.name)
        found: list[cr.Agency] = []
        if key and key[0] is cr.AgencyType.TRIBAL:
            found = [a for a in tribal if distinctive_word(a.name) == key[1]]
        elif key:
            found = by_key.get(key, [])
        if len(found) == 1:
            matched[found[0].name].append(grant)
        else:
            unmatched[grant.recipient.name].append(grant)

    print(f"COPS awards to {state} agencies, matched by name (rules in this script's docstring)")
    print(
        f"{len(agencies):,} FBI-listed agencies in {state}; {len(grants)} awards on the bundled page\n"
    )
    for name, items in sorted(matched.items()):
        total = sum((g.federal_amount for g in items), Decimal(0))
        programs = ", ".join(sorted({g.program.value for g in items}))
        print(f"{name:<44} {len(items):>3} awards  ${total:>14,.2f}  {programs}")
    unmatched_count = sum(len(v) for v in unmatched.values())
    print(
        f"\nmatched {len(grants) - unmatched_count} of {len(grants)} awards to {len(matched)} agencies"
    )
    print(f"not matched ({unmatched_count} awards), by recipient:")
    for name, items in sorted(unmatched.items()):
        print(f"  {name} ({len(items)})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "WA")
