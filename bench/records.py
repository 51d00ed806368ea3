"""Deterministic benchmark records, and the good and bad cases every contender must agree on.

Records are grant documents in copsreform's wire format, exactly as ``copsreform.to_json``
writes them (every key present, field order, compact separators, ``format_version`` last),
so the JSON Lines text is what ``copsreform.write_jsonl`` would produce for the same data.

The mix is meant to look like real COPS award data: about 60% of recipients are agencies
(with ORI, sometimes a UEI, county and counts) and 40% organisations as USAspending names
them; award numbers of both eras (legacy ``2015UMWX0174`` up to FY2020, JustGrants
``15JCOPS24GG03715UHPX`` from FY2021); about 4% negative amounts (de-obligations);
descriptions that are empty, a short program label, or a narrative with line breaks.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from copsreform.states import STATES, TERRITORIES

SEED = 20240808

_PROGRAMS = [
    ("chp", 40),
    ("cpd", 8),
    ("cpd_microgrants", 6),
    ("trgp", 6),
    ("lemhwa", 6),
    ("svpp", 10),
    ("camp", 4),
    ("ahtf", 4),
    ("pass", 3),
    ("safer_outcomes", 3),
    ("technology", 6),
    ("cri", 2),
    ("unknown", 2),
]
_OWN_LISTING = {
    "chp": "16.068",
    "pass": "16.069",
    "lemhwa": "16.070",
    "svpp": "16.071",
    "camp": "16.072",
    "ahtf": "16.073",
}
_LABELS = {
    "chp": "CHP",
    "cpd": "CPD",
    "cpd_microgrants": "CPD MICROGRANTS",
    "trgp": "TRGP-E/T",
    "lemhwa": "LEMHWA",
    "svpp": "SVPP",
    "camp": "CAMP",
    "ahtf": "AHTF",
    "pass": "PASS",
    "safer_outcomes": "SAFER OUTCOMES",
    "technology": "TECHNOLOGY AND EQUIPMENT",
    "cri": "COLLABORATIVE REFORM",
    "unknown": "COPS",
}
_JUSTGRANTS_CODES = ["UHPX", "MUMU", "INDI", "SSIX", "CRIT", "PASS", "LEMH", "TECH", "AHTF"]
_LEGACY_CODES = ["UM", "CK", "HH", "SV", "CW", "MC", "AH", "TR", "HE", "UL"]
_TOWNS = [
    "Spokane Valley", "Federal Way", "Marysville", "Everett", "Morton", "Colfax", "Dallas",
    "Boston", "Omaha", "Kanab", "Hyrum", "Kaysville", "Garland", "Santa Clara", "Uintah",
    "Tacoma", "Yakima", "Bellingham", "Olympia", "Wenatchee", "Pasco", "Richland",
    "Springfield", "Franklin", "Greenville", "Bristol", "Clinton", "Fairview", "Salem",
]  # fmt: skip
_COUNTIES = ["King", "Snohomish", "Pierce", "Cache", "Davis", "Weber", "Kane", "Washington"]
_UEI_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
_UEI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_ORI_TAIL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_NARRATIVE = (
    "THE COPS HIRING PROGRAM (CHP) PROVIDES FUNDING DIRECTLY TO LAW ENFORCEMENT AGENCIES\n"
    "TO HIRE AND/OR RE-HIRE CAREER LAW ENFORCEMENT OFFICERS IN AN EFFORT TO INCREASE\n"
    "THEIR COMMUNITY POLICING CAPACITY AND CRIME PREVENTION EFFORTS."
)
_STATES = sorted(STATES)
_NCIC = {"NE": "NB", "GU": "GM"}


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _uei(rng: random.Random) -> str:
    first = rng.choice(_UEI_ALPHABET[:-10] + "123456789")
    middle = "".join(rng.choice(_UEI_ALPHABET) for _ in range(4))
    # A letter in the sixth position rules out a run of nine digits.
    return (
        first
        + middle
        + rng.choice(_UEI_LETTERS)
        + "".join(rng.choice(_UEI_ALPHABET) for _ in range(6))
    )


def _money(rng: random.Random, low: int, high: int, negative: float = 0.0) -> str:
    cents = rng.randrange(low * 100, high * 100)
    if rng.random() < 0.5:  # many awards are whole dollars
        cents -= cents % 100
    if rng.random() < negative:
        cents = -(cents // 50)
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def _agency(rng: random.Random) -> dict[str, Any]:
    state = rng.choice(_STATES)
    kind = rng.random()
    if kind < 0.55:
        name, agency_type, jurisdiction = f"{rng.choice(_TOWNS)} Police Department", "city", "local"
    elif kind < 0.8:
        name = f"{rng.choice(_COUNTIES)} County Sheriff's Office"
        agency_type, jurisdiction = "county", "local"
    elif kind < 0.88:
        name, agency_type, jurisdiction = f"{STATES[state]} State Police", "state_police", "state"
    elif kind < 0.94:
        name = f"{rng.choice(_TOWNS)} Tribal Police Department"
        agency_type, jurisdiction = "tribal", "tribal"
    else:
        name = f"University of {rng.choice(_TOWNS)} Police Department"
        agency_type, jurisdiction = "university_or_college", "local"
    if state in TERRITORIES and jurisdiction == "local" and rng.random() < 0.5:
        jurisdiction = "territorial"
    ori = None
    if rng.random() < 0.85:
        ori = _NCIC.get(state, state) + "".join(rng.choice(_ORI_TAIL[26:]) for _ in range(5))
        ori += rng.choice(["00", "00", "SP", "0E"])
    population = rng.randrange(500, 900_000) if rng.random() < 0.7 else None
    return {
        "type": "agency",
        "name": name,
        "state": state,
        "jurisdiction": jurisdiction,
        "agency_type": agency_type,
        "ori": ori,
        "uei": _uei(rng) if rng.random() < 0.4 else None,
        "county": rng.choice(_COUNTIES) if rng.random() < 0.6 else None,
        "population": population,
        "sworn_officers": rng.randrange(1, 3000) if rng.random() < 0.6 else None,
        "primary_law_enforcement_authority": rng.choice([True, True, False, None]),
    }


def _organization(rng: random.Random) -> dict[str, Any]:
    kind = rng.choice(
        ["local_government", "local_government", "school_district", "tribal_government",
         "state_government", "nonprofit", "institution_of_higher_education", "unknown"]
    )  # fmt: skip
    prefix = {"school_district": "SCHOOL DISTRICT OF", "tribal_government": "TRIBE OF"}
    name = f"{prefix.get(kind, 'CITY OF')} {rng.choice(_TOWNS).upper()}"
    return {
        "type": "organization",
        "name": name,
        "state": rng.choice(_STATES) if rng.random() < 0.9 else None,
        "uei": _uei(rng) if rng.random() < 0.7 else None,
        "kind": kind,
    }


def _award(rng: random.Random, year: int) -> str:
    if year >= 2021:
        instrument = "GK" if rng.random() < 0.1 else "GG"
        sequence = f"{rng.randrange(100000):05d}"
        return f"15JCOPS{year % 100:02d}{instrument}{sequence}{rng.choice(_JUSTGRANTS_CODES)}"
    tail = f"K{rng.randrange(1000):03d}" if rng.random() < 0.1 else f"{rng.randrange(10000):04d}"
    return f"{year}{rng.choice(_LEGACY_CODES)}WX{tail}"


def grant_record(rng: random.Random) -> dict[str, Any]:
    """One valid grant document in the wire format, drawn from ``rng``."""
    program = _weighted(rng, _PROGRAMS)
    year = rng.randrange(1995, 2026) if rng.random() < 0.5 else rng.randrange(2021, 2026)
    start_month = rng.choice([7, 9, 10, 10, 10])
    start_year = year
    start = f"{start_year:04d}-{start_month:02d}-01"
    end_year = start_year + rng.choice([1, 2, 3, 3, 4, 5])
    end = f"{end_year:04d}-{start_month - 1 if start_month > 1 else 12:02d}-{28:02d}"
    listing = None
    if rng.random() < 0.5:
        listing = _OWN_LISTING.get(program, "16.710") if year >= 2025 else "16.710"
    solicitation = None
    if rng.random() < 0.3:
        solicitation = (
            f"O-COPS-{year}-{rng.randrange(10000, 999999)}"
            if year >= 2021
            else f"COPS-{_LABELS[program].replace(' ', '-').replace('/', '-')}-APPLICATION-{year}"
        )
    roll = rng.random()
    description = None if roll < 0.3 else _LABELS[program] if roll < 0.8 else _NARRATIVE
    return {
        "award_number": _award(rng, year),
        "program": program,
        "recipient": _agency(rng) if rng.random() < 0.6 else _organization(rng),
        "federal_amount": _money(rng, 5_000, 6_250_000, negative=0.04),
        "start": start,
        "end": end,
        "local_match": "0.00" if rng.random() < 0.6 else _money(rng, 1_000, 2_000_000),
        "match_waived": rng.random() < 0.2,
        "positions": rng.randrange(1, 60) if program == "chp" and rng.random() < 0.9 else None,
        "fiscal_year": year,
        "solicitation": solicitation,
        "assistance_listing": listing,
        "description": description,
        "format_version": 1,
    }


def grant_records(n: int, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` valid grant documents, the same for the same ``n`` and ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not a secret
    return [grant_record(rng) for _ in range(n)]


def dumps(record: object) -> str:
    """Serialise one document the way ``copsreform.to_json`` does (compact, UTF-8 kept)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def jsonl_text(records: list[dict[str, Any]]) -> str:
    """The records as JSON Lines text, one compact document per line."""
    return "".join(dumps(r) + "\n" for r in records)


def array_text(records: list[dict[str, Any]]) -> str:
    """The records as one JSON array."""
    return "[" + ",".join(dumps(r) for r in records) + "]"


# The agreement cases -------------------------------------------------------------------

AGENCY_GRANT: dict[str, Any] = {
    "award_number": "15JCOPS24GG03715UHPX",
    "program": "chp",
    "recipient": {
        "type": "agency",
        "name": "Spokane Valley Police Department",
        "state": "WA",
        "jurisdiction": "local",
        "agency_type": "city",
        "ori": "WA0321200",
        "uei": "NSU3DBMM7JN9",
        "county": "Spokane",
        "population": 108000,
        "sworn_officers": 110,
        "primary_law_enforcement_authority": True,
    },
    "federal_amount": "1250000.00",
    "start": "2024-10-01",
    "end": "2029-09-30",
    "local_match": "416667.00",
    "match_waived": False,
    "positions": 10,
    "fiscal_year": 2024,
    "solicitation": "O-COPS-2024-172008",
    "assistance_listing": "16.710",
    "description": "CHP",
    "format_version": 1,
}

ORGANIZATION_GRANT: dict[str, Any] = {
    "award_number": "2015UMWX0174",
    "program": "chp",
    "recipient": {"type": "organization", "name": "CITY OF MARYSVILLE", "state": "WA"},
    "federal_amount": "-30851.29",
    "start": "2015-09-01",
    "end": "2018-08-31",
}


def _with(base: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """A deep copy of ``base`` with ``path`` (``a.b``) set to ``value``, or removed if DELETE."""
    record = copy.deepcopy(base)
    *parents, last = path.split(".")
    target = record
    for key in parents:
        target = target[key]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return record


DELETE = object()
A, ORG = AGENCY_GRANT, ORGANIZATION_GRANT

#: Documents every contender must accept: (label, document).
GOOD_CASES: list[tuple[str, dict[str, Any]]] = [
    ("agency recipient, every field", A),
    ("organization recipient, only required keys, negative amount", ORG),
    ("legacy award number with K sequence", _with(ORG, "award_number", "2013CKWXK016")),
    ("fiscal year null (derived)", _with(A, "fiscal_year", None)),
    ("no format_version key", _with(A, "format_version", DELETE)),
    ("whole-dollar amount without decimals", _with(A, "federal_amount", "1250000")),
    ("amount -0.00", _with(ORG, "federal_amount", "-0.00")),
    ("one-decimal amount", _with(A, "local_match", "12.5")),
    ("name with extra spaces (folded)", _with(A, "recipient.name", "  Spokane  Valley PD ")),
    ("blank county (becomes null)", _with(A, "recipient.county", "   ")),
    ("blank description (becomes null)", _with(A, "description", " \n ")),
    ("Nebraska ORI prefix NB", _with(_with(A, "recipient.state", "NE"), "recipient.ori", "NB0280200")),
    ("Guam territorial agency, ORI prefix GM", _with(_with(_with(A, "recipient.state", "GU"), "recipient.ori", "GM0010000"), "recipient.jurisdiction", "territorial")),
    ("tribal agency", _with(_with(A, "recipient.agency_type", "tribal"), "recipient.jurisdiction", "tribal")),
    ("legacy solicitation", _with(A, "solicitation", "COPS-CHP-APPLICATION-2019")),
    ("program's own listing", _with(A, "assistance_listing", "16.068")),
    ("end equal to start", _with(A, "end", "2024-10-01")),
    ("positions 0", _with(A, "positions", 0)),
    ("organization with kind", _with(ORG, "recipient.kind", "school_district")),
    ("JustGrants GK instrument", _with(_with(A, "award_number", "15JCOPS25GK01404CRIT"), "fiscal_year", 2025)),
]  # fmt: skip

#: Documents every contender must refuse: (label, document).
BAD_CASES: list[tuple[str, dict[str, Any]]] = [
    ("7-character COPS ORI", _with(A, "recipient.ori", "WA03212")),
    ("ORI not in canonical form", _with(A, "recipient.ori", "wa0321200")),
    ("ORI of another state", _with(A, "recipient.ori", "OR0321200")),
    ("positions 1.9", _with(A, "positions", 1.9)),
    ("positions 2.0 (a float)", _with(A, "positions", 2.0)),
    ("positions -1", _with(A, "positions", -1)),
    ("positions true", _with(A, "positions", True)),
    ("positions as a string", _with(A, "positions", "10")),
    ("money as a JSON float", _with(A, "federal_amount", 1250000.0)),
    ("money as a JSON int", _with(A, "federal_amount", 1250000)),
    ("money with 3 decimals", _with(A, "federal_amount", "1250000.005")),
    ("money in exponent form", _with(A, "federal_amount", "1e6")),
    ("money NaN", _with(A, "federal_amount", "NaN")),
    ("money of 10 trillion", _with(A, "federal_amount", "10000000000000.00")),
    ("negative local match", _with(A, "local_match", "-5.00")),
    ("end before start", _with(A, "end", "2024-09-30")),
    ("unknown key", _with(A, "grantee", "x")),
    ("unknown key in recipient", _with(A, "recipient.city", "Spokane Valley")),
    ("program not in the enum", _with(A, "program", "hiring")),
    ("jurisdiction not in the enum", _with(A, "recipient.jurisdiction", "municipal")),
    ("fiscal year disagreeing with award number", _with(A, "fiscal_year", 2025)),
    ("fiscal year as a string", _with(A, "fiscal_year", "2024")),
    ("award number with dashes (not canonical)", _with(A, "award_number", "15JCOPS-24-GG-03715-UHPX")),
    ("award number with instrument GX", _with(A, "award_number", "15JCOPS24GX03715UHPX")),
    ("legacy award number from 1993", _with(ORG, "award_number", "1993UMWX0174")),
    ("award number with a trailing newline", _with(A, "award_number", "15JCOPS24GG03715UHPX\n")),
    ("missing start", _with(A, "start", DELETE)),
    ("recipient without type", _with(A, "recipient.type", DELETE)),
    ("recipient of type person", _with(A, "recipient.type", "person")),
    ("month 13", _with(A, "start", "2024-13-01")),
    ("30 February", _with(A, "end", "2029-02-30")),
    ("date with a time", _with(A, "start", "2024-10-01T00:00:00")),
    ("date as a number", _with(A, "start", 20241001)),
    ("UEI containing O", _with(A, "recipient.uei", "NSU3DBMM7JO9")),
    ("UEI with a run of 9 digits", _with(A, "recipient.uei", "N123456789AB")),
    ("UEI starting with 0", _with(A, "recipient.uei", "0SU3DBMM7JN9")),
    ("state ZZ", _with(ORG, "recipient.state", "ZZ")),
    ("state in lower case", _with(ORG, "recipient.state", "wa")),
    ("blank name", _with(ORG, "recipient.name", "   ")),
    ("name of 301 characters", _with(ORG, "recipient.name", "X" * 301)),
    ("match_waived 0", _with(A, "match_waived", 0)),
    ("tribal agency of local jurisdiction", _with(A, "recipient.agency_type", "tribal")),
    ("territorial agency in a state", _with(A, "recipient.jurisdiction", "territorial")),
    ("listing not a COPS listing", _with(A, "assistance_listing", "16.738")),
    ("listing of another program", _with(A, "assistance_listing", "16.071")),
    ("solicitation not canonical", _with(A, "solicitation", "o-cops-2024-172008")),
    ("format_version 2", _with(A, "format_version", 2)),
    ("format_version true", _with(A, "format_version", True)),
    ("description over 20,000 characters", _with(A, "description", "x" * 20_001)),
    ("null match_waived", _with(A, "match_waived", None)),
]  # fmt: skip
