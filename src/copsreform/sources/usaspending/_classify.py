"""Which COPS program a USAspending award belongs to: :func:`classify_program`.

USAspending has no program field; the program is decided from the award's Assistance
Listing, its description and its award number, in that order, and never guessed.
"""

import functools
import re
from collections.abc import Mapping
from typing import Final

from copsreform._fields import fold_spaces
from copsreform.identifiers import assistance_listing as _listing
from copsreform.identifiers import award_number as _award_number
from copsreform.programs import COPS_UMBRELLA_LISTING, GrantProgram

__all__ = [
    "by_award_number",
    "by_canonical_award_number",
    "by_listing",
    "classify_program",
    "named_program",
]

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


# Where a match of a program's pattern can start: at the very start of the text with an
# acronym, after "(" with an acronym, or where the literal beginning of one of its names
# stands. A pattern is tried only there (_names), and only for a program one of these
# is found for (_candidates: one scan finds every "(" and acronym, substring tests the
# names): a narrative costs a few substring tests, not twelve regular-expression scans.
# Measured on the bundled page's ten distinct narratives (bench/usaspending.py): about
# 10 us a narrative, against 250 us with every pattern run over the whole text, and 33 us
# with the earlier filter, which let a bare acronym anywhere ("CRI" in "CRIME") run a
# pattern over the whole text. Results are unchanged (tests/sources/test_usaspending.py).
_PROGRAM_OF_ACRONYM: Final = {a: program for program, acs in _ACRONYMS.items() for a in acs}
_ACRONYMS_LONGEST_FIRST: Final = tuple(sorted(_PROGRAM_OF_ACRONYM, key=len, reverse=True))
_AFTER_PARENTHESIS: Final = re.compile(r"\((" + "|".join(_ACRONYMS_LONGEST_FIRST) + ")")
_NAME_STARTS: Final = tuple(
    (_literal_prefix(name), program) for program, names in _NAMES.items() for name in names
)
# Each distinct beginning is looked for once ("ANTI" begins the CAMP and AHTF names).
_PROGRAMS_OF_START: Final[dict[str, tuple[GrantProgram, ...]]] = {}
for _start, _program in _NAME_STARTS:
    _PROGRAMS_OF_START[_start] = (*_PROGRAMS_OF_START.get(_start, ()), _program)


def _candidates(text: str) -> set[GrantProgram]:
    """The programs whose pattern may match ``text`` (a superset of those that do)."""
    found = {p for start, programs in _PROGRAMS_OF_START.items() if start in text for p in programs}
    found.update(map(_PROGRAM_OF_ACRONYM.__getitem__, _AFTER_PARENTHESIS.findall(text)))
    if text.startswith(_ACRONYMS_LONGEST_FIRST):
        found.update(p for a, p in _PROGRAM_OF_ACRONYM.items() if text.startswith(a))
    return found


def _names(text: str, program: GrantProgram) -> bool:
    """Tell whether the program's pattern matches ``text``, trying only where it can start."""
    pattern = _PATTERN_OF[program]
    if text.startswith(_ACRONYMS.get(program, ())) and pattern.match(text):
        return True
    for start in _STARTS_OF[program]:
        at = text.find(start)
        while at >= 0:
            if pattern.match(text, at):
                return True
            at = text.find(start, at + 1)
    return False


_PATTERN_OF: Final = dict(_PATTERNS)
_STARTS_OF: Final = {
    program: (
        *("(" + acronym for acronym in _ACRONYMS.get(program, ())),
        *(start for start, named in _NAME_STARTS if named is program),
    )
    for program in _PATTERN_OF
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
    text = _folded(description)
    return _one({program for program in _candidates(text) if _names(text, program)})


def _folded(description: str) -> str:
    """The description as the patterns read it: upper case, white space folded.

    As :func:`~copsreform._fields.fold_spaces` folds it, more cheaply for ASCII text (real
    descriptions are): its only white space is the space and :data:`_ASCII_SPACES`, each
    replaced by a space, then runs of spaces are halved until none is left and outer
    spaces stripped. That copies a text only where it has such white space, instead of
    splitting it into words and checking every character is printable (about 1 us for a
    2,500-character narrative against 10 to 16, and 0.5 against 2 for a folded one).
    """
    text = description.upper()
    if not text.isascii():
        return fold_spaces(text)
    for space in _ASCII_SPACES:
        text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


#: The ASCII white space other than the space (what :meth:`str.split` splits at).
_ASCII_SPACES: Final = tuple(c for c in map(chr, range(128)) if c.isspace() and c != " ")


def _one(found: set[GrantProgram]) -> GrantProgram | None:
    """The one program of those named, a more specific one winning; else ``None``."""
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
    decided = by_listing(listing)
    if decided is None:
        decided = named_program(description)
    if decided is None:
        decided = by_award_number(award_number)
    return GrantProgram.UNKNOWN if decided is None else decided


def by_listing(listing: object) -> GrantProgram | None:
    """The program a valid listing belongs to (16.068 to 16.073); ``None`` for 16.710.

    Examples:
        >>> from copsreform.sources.usaspending._classify import by_listing
        >>> by_listing("16.071").value, by_listing("16.710")
        ('svpp', None)
    """
    if isinstance(listing, str) and _listing.is_valid(listing):
        return _BY_LISTING.get(_listing.validate(listing))
    return None


def by_award_number(award_number: object) -> GrantProgram | None:
    """The program a legacy award number's code stands for, or ``None``.

    Examples:
        >>> from copsreform.sources.usaspending._classify import by_award_number
        >>> by_award_number("2015CKWX0025").value, by_award_number("15JCOPS24GG03715UHPX")
        ('cpd', None)
    """
    if isinstance(award_number, str) and _award_number.is_valid(award_number):
        parts = _award_number.parse(award_number)
        if parts.era == "legacy":
            return _LEGACY_CODES.get(parts.code)
    return None


def by_canonical_award_number(canonical: str) -> GrantProgram | None:
    """:func:`by_award_number` for a number already in canonical form, without parsing it.

    A canonical legacy number has 12 characters and its program code at 4:6; a
    JustGrants one has 20, and its code decides nothing. About 2.7 us quicker a number.

    Examples:
        >>> from copsreform.sources.usaspending._classify import by_canonical_award_number
        >>> by_canonical_award_number("2015CKWX0025").value
        'cpd'
        >>> print(by_canonical_award_number("15JCOPS24GG03715UHPX"))
        None
    """
    return _LEGACY_CODES.get(canonical[4:6]) if len(canonical) == 12 else None
