"""Which COPS program a USAspending award belongs to: :func:`classify_program`.

USAspending has no program field; the program is decided from the award's Assistance
Listing, its description and its award number, in that order, and never guessed.
"""

import functools
import re
from collections.abc import Mapping
from typing import Final

from copsreform.identifiers import assistance_listing as _listing
from copsreform.identifiers import award_number as _award_number
from copsreform.programs import COPS_UMBRELLA_LISTING, GrantProgram

__all__ = ["classify_program", "named_program"]

# A program's acronym decides only where a label would stand: at the very start of the
# description ("CHP", "TRGP-E/T") or just after an opening parenthesis ("... HIRING
# PROGRAM (CHP)"). Elsewhere in a narrative a short word could mean anything.
_ACRONYMS: Final[Mapping[GrantProgram, tuple[str, ...]]] = {
    GrantProgram.CHP: ("CHP",),
    GrantProgram.CPD: ("CPD",),
    GrantProgram.TRGP: ("TRGP",),
    GrantProgram.LEMHWA: ("LEMHWA",),
    GrantProgram.SVPP: ("SVPP",),
    GrantProgram.CAMP: ("CAMP",),
    GrantProgram.AHTF: ("AHTF",),
    GrantProgram.PASS: ("PASS",),
    GrantProgram.TECHNOLOGY: ("TEP",),
    GrantProgram.CRI: ("CRI",),
}
# A program's name decides wherever it stands. Names are precise on purpose: a TRGP
# narrative mentions "TECHNOLOGY AND TRAINING", a Safer Outcomes one "ACTIVE SHOOTER
# SITUATIONS" and "MENTAL HEALTH CRISES", a Technology one "COMMUNITY POLICING CAPACITY";
# none of these may decide.
_NAMES: Final[Mapping[GrantProgram, tuple[str, ...]]] = {
    GrantProgram.CHP: (r"COPS HIRING PROGRAM",),
    GrantProgram.CPD: (r"COMMUNITY POLICING DEVELOPMENT",),
    GrantProgram.CPD_MICROGRANTS: (r"MICRO-?GRANTS?",),
    GrantProgram.TRGP: (r"TRIBAL RESOURCES? GRANTS?", r"TRIBAL GRANTS? RESOURCES?"),
    GrantProgram.LEMHWA: (r"MENTAL HEALTH AND WELLNESS",),
    GrantProgram.SVPP: (r"SCHOOL VIOLENCE PREVENTION",),
    GrantProgram.CAMP: (r"ANTI-?METHAMPHETAMINE",),
    GrantProgram.AHTF: (r"ANTI-?HEROIN",),
    GrantProgram.PASS: (r"PREPARING FOR ACTIVE SHOOTER",),
    GrantProgram.SAFER_OUTCOMES: (r"SAFER OUTCOMES",),
    GrantProgram.TECHNOLOGY: (r"TECHNOLOGY AND EQUIPMENT",),
    GrantProgram.CRI: (r"COLLABORATIVE REFORM",),
}
_PATTERNS: Final = tuple(
    (
        program,
        re.compile(
            r"(?:^|\()(?:" + "|".join(_ACRONYMS.get(program, ("(?!)",))) + r")\b"
            r"|\b(?:" + "|".join(_NAMES.get(program, ("(?!)",))) + r")\b"
        ),
    )
    for program in GrantProgram
    if program in _ACRONYMS or program in _NAMES
)


def _literal_prefix(name_pattern: str) -> str:
    # The leading letters and spaces of a name pattern that every match contains
    # ("MICRO-?GRANTS?" -> "MICRO"; "TRIBAL RESOURCES? GRANTS?" -> "TRIBAL RESOURCE",
    # since a quantifier makes the letter before it optional).
    run = len(name_pattern) - len(name_pattern.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ "))
    if name_pattern[run : run + 1] in ("?", "*", "{"):
        run -= 1
    return name_pattern[:run].strip()


# For each pattern, substrings of which the text must hold at least one for the pattern
# to match. Checking them first (a fast substring test) skips the regular expressions
# that cannot match, which on long narratives is most of them; results are unchanged.
_NEEDS: Final = {
    program: tuple(_ACRONYMS.get(program, ()))
    + tuple(_literal_prefix(n) for n in _NAMES.get(program, ()))
    for program, _ in _PATTERNS
}
# A more specific program named together with the one it belongs to wins.
_REFINES: Final = {GrantProgram.CPD_MICROGRANTS: GrantProgram.CPD}

# The listings that belong to one program (16.068 to 16.073, from FY2025).
_BY_LISTING: Final = {
    program.assistance_listing: program
    for program in GrantProgram
    if program.assistance_listing != COPS_UMBRELLA_LISTING
}

# Legacy (FY2020 and before) award-number program codes, YYYY-PP-WX-NNNN. OBSERVED, not
# documented: in the 100 real Washington awards of the bundled USAspending page, every
# award with one of these codes has a description naming this program
# (UMWX, ULWX: "CHP"; SVWX: "SVPP"; HHWX: "TRGP-HIRE"; HEWX: "TRGP-E/T"; CKWX: "CPD").
# JustGrants-era codes (UHPX, MUMU, INDI, ...) are not used: the same code has been seen
# on awards of different programs.
_LEGACY_CODES: Final = {
    "UM": GrantProgram.CHP,
    "UL": GrantProgram.CHP,
    "SV": GrantProgram.SVPP,
    "HH": GrantProgram.TRGP,
    "HE": GrantProgram.TRGP,
    "CK": GrantProgram.CPD,
}


def named_program(description: object) -> GrantProgram | None:
    """The one program a description names, or ``None`` if it names none or several."""
    if not isinstance(description, str):
        return None
    if len(description) > _MAX_CACHED_DESCRIPTION:
        return _named_in_text.__wrapped__(description)
    return _named_in_text(description)


#: Longest description whose classification is cached. Short labels ("CHP", "TRGP-E/T")
#: repeat across records; long narratives are unique, and caching them would keep up to
#: 4,096 of them (each up to the CSV field limit, 128 KiB) alive after the import.
_MAX_CACHED_DESCRIPTION: Final = 256


@functools.lru_cache(maxsize=4096)
def _named_in_text(description: str) -> GrantProgram | None:
    # Cached: short labels ("CHP", "TRGP-E/T") repeat across records, and a record's
    # description is examined more than once while its program is chosen.
    text = " ".join(description.upper().split())
    found = {
        program
        for program, pattern in _PATTERNS
        if any(need in text for need in _NEEDS[program]) and pattern.search(text)
    }
    for specific, general in _REFINES.items():
        if specific in found:
            found.discard(general)
    return found.pop() if len(found) == 1 else None


def classify_program(
    description: str | None, listing: str | None = None, award_number: str | None = None
) -> GrantProgram:
    """Decide a USAspending award's COPS program from its description, listing and number.

    USAspending has no program field. The first of these rules that decides, wins:

    1. **Listing.** 16.068 to 16.073 each belong to one program (CHP, PASS, LEMHWA, SVPP,
       CAMP, AHTF, from FY2025). 16.710, the umbrella listing, decides nothing.
    2. **Description.** It decides when it names exactly one program: by name anywhere
       (``COPS HIRING PROGRAM``, ``SCHOOL VIOLENCE PREVENTION``, ``TRIBAL RESOURCES
       GRANT`` or the word order ``TRIBAL GRANT RESOURCES`` seen in real data,
       ``COMMUNITY POLICING DEVELOPMENT``, ``SAFER OUTCOMES``, ``TECHNOLOGY AND
       EQUIPMENT``, ...) or by acronym where a label stands: at the start (``CHP``,
       ``TRGP-E/T``, ``TRGP-HIRE``, ``SVPP``, ``CPD``) or after ``(`` (``(CHP)``,
       ``(TEP)``). Case and spacing do not matter. A description that names two programs
       decides nothing (CPD Microgrants counts as one, more specific than CPD).
    3. **Legacy award number.** The program code of an FY2020-or-earlier number
       (``2020UMWX0499``): UM and UL are CHP, SV is SVPP, HH and HE are TRGP, CK is CPD.
       These are *observed* in real awards, not documented by the COPS Office.
       JustGrants-era codes (``UHPX``, ``MUMU``, ``INDI``) are not used: one code has been
       seen on awards of two programs.

    Otherwise the program is :attr:`~copsreform.GrantProgram.UNKNOWN`; nothing is guessed.
    The listing wins over the description so that the program always agrees with the
    listing, which the :class:`~copsreform.Grant` model requires.

    Args:
        description: The award's description, as USAspending gives it.
        listing: The Assistance Listing (``"16.710"``), if known.
        award_number: The award number (FAIN), if known.

    Returns:
        The program, or ``GrantProgram.UNKNOWN``.

    Examples:
        >>> from copsreform import classify_program
        >>> classify_program("TRGP-E/T").value
        'trgp'
        >>> classify_program("THE COPS HIRING PROGRAM (CHP) PROVIDES FUNDING ...").value
        'chp'
        >>> classify_program("TRIBAL GRANT RESOURCES PROGRAM - HIRING").value
        'trgp'
        >>> classify_program("ANY TEXT", listing="16.071").value
        'svpp'
        >>> classify_program("", listing="16.710", award_number="2015CKWX0025").value
        'cpd'
        >>> classify_program("A RECRUITMENT PROJECT", "16.710", "15JCOPS25GG01043PPSE").value
        'unknown'
    """
    if isinstance(listing, str) and _listing.is_valid(listing):
        decided = _BY_LISTING.get(_listing.validate(listing))
        if decided is not None:
            return decided
    named = named_program(description)
    if named is not None:
        return named
    if isinstance(award_number, str) and _award_number.is_valid(award_number):
        parts = _award_number.parse(award_number)
        if parts.era == "legacy" and parts.code in _LEGACY_CODES:
            return _LEGACY_CODES[parts.code]
    return GrantProgram.UNKNOWN
