"""Link each grant's recipient to the FBI agencies whose work the award funds.

The entry point is :func:`link_recipients`; :class:`LinkResult`, :class:`Link` and
:class:`Evidence` are what it returns, :class:`Confidence`, :class:`LinkStatus` and
:class:`LinkRule` what they say.

Examples:
    >>> import copsreform as cr
    >>> agencies, _ = cr.split(cr.read_bundled_2018())
    >>> grants, _ = cr.split(cr.read_bundled_usaspending())
    >>> result = cr.link_recipients(grants[:1], agencies)[0]
    >>> result.award_number, result.status, result.oris
    ('2020UMWX0499', <LinkStatus.LINKED: 'linked'>, ('WA0173600',))
"""

import enum
from collections.abc import Iterable, Sequence
from typing import Final, Literal

import attrs
from rapidfuzz import fuzz, process

from copsreform.agency import Agency, AgencyType
from copsreform.grant import Grant
from copsreform.linking._names import (
    Group,
    RecipientForm,
    agency_key,
    campus_full_key,
    compact,
    is_school_agency,
    parse_recipient,
    unprefixed,
)

__all__ = [
    "LOW_SCORE",
    "MEDIUM_SCORE",
    "Confidence",
    "Evidence",
    "Link",
    "LinkResult",
    "LinkRule",
    "LinkStatus",
    "link_recipients",
]

#: Similarity (rapidfuzz ``ratio``, 0-100) from which one clearly best spelling is a
#: ``medium`` link: one or two letters apart in a name of ten or more.
MEDIUM_SCORE: Final = 92.0
#: Similarity from which a spelling is a candidate at all (a ``low`` link).
LOW_SCORE: Final = 85.0
#: How far the best spelling must lead the next for it to be taken alone.
_MARGIN: Final = 5.0


class Confidence(enum.Enum):
    """How sure a link is.

    * ``HIGH``: an identifier both sides carry (ORI, UEI) matched, or a domain rule turned
      the recipient's name into exactly one agency of the expected FBI type in the same
      state, with the same name once normalised. Use without review.
    * ``MEDIUM``: a domain rule found several agencies that answer to the name (the FBI
      lists some agencies twice; a county may have a sheriff and a county police; a tribe
      may be listed under its short and its full name), each linked; or one clearly best
      spelling that differs slightly (similarity >= 92). Review before publishing.
    * ``LOW``: a weaker spelling (similarity 85-92), or one of several equally good
      candidates of an ambiguous result. A lead, not an answer.

    Examples:
        >>> from copsreform.linking import Confidence
        >>> [c.value for c in Confidence]
        ['high', 'medium', 'low']
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class LinkStatus(enum.Enum):
    """What became of a grant.

    * ``LINKED``: one or more links; each is a proposed answer.
    * ``AMBIGUOUS``: several candidates and no way to choose among them; every candidate
      is given (at ``low`` confidence) and the reason says why.
    * ``UNLINKED``: no agency; the reason says why (a school district, a tribe or city
      without an agency in the list, a recipient no rule applies to).

    Examples:
        >>> from copsreform import LinkStatus
        >>> [s.value for s in LinkStatus]
        ['linked', 'ambiguous', 'unlinked']
    """

    LINKED = "linked"
    AMBIGUOUS = "ambiguous"
    UNLINKED = "unlinked"


class LinkRule(enum.Enum):
    """The domain rule behind a link.

    * ``ORI``: the recipient is an agency whose ORI is in the list.
    * ``UEI``: the recipient's UEI is an agency's UEI.
    * ``CITY_POLICE``: a city or town funds its police department.
    * ``COUNTY_SHERIFF``: a county funds its sheriff's office (and county police).
    * ``TRIBAL_POLICE``: a tribe or tribal consortium funds its tribal police.
    * ``STATE_AGENCY``: a state body funds itself.
    * ``CAMPUS_POLICE``: a university or college funds its campus police.
    * ``SCHOOL_POLICE``: a school district funds its own police, where it has one.
    * ``NAMED_AGENCY``: the recipient is a law enforcement agency by name.

    Examples:
        >>> from copsreform import LinkRule
        >>> LinkRule("county_sheriff")
        <LinkRule.COUNTY_SHERIFF: 'county_sheriff'>
    """

    ORI = "ori"
    UEI = "uei"
    CITY_POLICE = "city_police"
    COUNTY_SHERIFF = "county_sheriff"
    TRIBAL_POLICE = "tribal_police"
    STATE_AGENCY = "state_agency"
    CAMPUS_POLICE = "campus_police"
    SCHOOL_POLICE = "school_police"
    NAMED_AGENCY = "named_agency"


Method = Literal["identifier", "exact", "contains", "similar"]


@attrs.frozen
class Evidence:
    """Why a link was proposed.

    Attributes:
        rule: The domain rule that applied.
        method: ``identifier`` (ORI or UEI equal), ``exact`` (the keys are equal),
            ``contains`` (a tribal name's distinctive words contain the other's) or
            ``similar`` (close spelling).
        recipient_name: The recipient's name as the grant gives it.
        agency_name: The agency's name as the FBI list gives it.
        compared: The two keys compared, recipient's first (words the rule kept).
        score: Similarity of the two keys, 0-100 (rapidfuzz ``ratio``); 100 when equal.
        state: The state both sides are in.
        identifier: The identifier that matched (``"UEI NSU3DBMM7JN9"``), if any.
        note: Anything else a reviewer should know (how many agencies share the name).

    Examples:
        >>> from copsreform import Evidence, LinkRule
        >>> print(Evidence(LinkRule.CITY_POLICE, "exact", "CITY OF KENT",
        ...                "Kent Police Department", ("KENT", "KENT"), 100.0, "WA"))
        city_police: 'KENT' = 'KENT' (Kent Police Department), score 100, state WA
    """

    rule: LinkRule
    method: Method
    recipient_name: str
    agency_name: str
    compared: tuple[str, str]
    score: float
    state: str
    identifier: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        if self.identifier is not None:
            text = f"{self.rule.value}: {self.identifier} is {self.agency_name!r}"
        else:
            sign = {"exact": "=", "contains": "within", "similar": "~"}.get(self.method, "=")
            text = (
                f"{self.rule.value}: {self.compared[0]!r} {sign} {self.compared[1]!r} "
                f"({self.agency_name}), score {self.score:.0f}"
            )
        text += f", state {self.state}"
        return f"{text}; {self.note}" if self.note else text


@attrs.frozen
class Link:
    """A proposed link from a grant to an FBI agency.

    Attributes:
        agency: The agency (its ORI is :attr:`ori`).
        confidence: How sure the link is.
        evidence: Why it was proposed.

    Examples:
        >>> import copsreform as cr
        >>> kent = cr.Agency(name="Kent Police Department", state="WA", ori="WA0170700",
        ...                  jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
        >>> why = cr.Evidence(cr.LinkRule.CITY_POLICE, "exact", "CITY OF KENT", kent.name,
        ...                   ("KENT", "KENT"), 100.0, "WA")
        >>> cr.Link(kent, cr.Confidence.HIGH, why).ori
        'WA0170700'
    """

    agency: Agency
    confidence: Confidence
    evidence: Evidence

    @property
    def ori(self) -> str | None:
        """The agency's ORI."""
        return self.agency.ori


@attrs.frozen
class LinkResult:
    """What the linker found for one grant.

    Attributes:
        grant: The grant.
        status: Linked, ambiguous or unlinked.
        links: The proposed links; for an ambiguous result, the candidates (each low).
        reason: Why a result is ambiguous or unlinked; ``None`` when linked.

    Examples:
        >>> import copsreform as cr
        >>> grants, _ = cr.split(cr.read_bundled_usaspending())
        >>> result = cr.link_recipients(grants[12:13], [])[0]
        >>> result.status.value, result.oris, result.reason is not None
        ('unlinked', (), True)
    """

    grant: Grant
    status: LinkStatus
    links: tuple[Link, ...] = ()
    reason: str | None = None

    @property
    def award_number(self) -> str:
        """The grant's award number."""
        return self.grant.award_number

    @property
    def oris(self) -> tuple[str, ...]:
        """The ORIs of the links, in order."""
        return tuple(link.ori for link in self.links if link.ori is not None)


_GROUP_OF_TYPE: Final = {
    AgencyType.CITY: Group.CITY,
    AgencyType.COUNTY: Group.COUNTY,
    AgencyType.TRIBAL: Group.TRIBAL,
    AgencyType.STATE_POLICE: Group.STATE,
    AgencyType.OTHER_STATE_AGENCY: Group.STATE,
    AgencyType.UNIVERSITY_OR_COLLEGE: Group.CAMPUS,
}
_GROUP_WORDS: Final = {
    Group.CITY: "police department",
    Group.COUNTY: "sheriff's office or county police",
    Group.TRIBAL: "tribal agency",
    Group.STATE: "state agency",
    Group.CAMPUS: "campus police",
    Group.SCHOOL: "school or district police",
    Group.ANY: "agency",
}


@attrs.frozen
class _Entry:
    agency: Agency
    key: tuple[str, ...]
    name: str


class _Table:
    """The agencies of one state and group, by compact key, with choices for similarity.

    Tribal keys are sets of words, so they are indexed in sorted order.
    """

    def __init__(self, group: Group) -> None:
        self.by_key: dict[str, list[_Entry]] = {}
        self._choices: list[str] | None = None
        self._sorted = group is Group.TRIBAL

    def key_of(self, key: tuple[str, ...]) -> str:
        return compact(tuple(sorted(key))) if self._sorted else compact(key)

    def add(self, entry: _Entry) -> None:
        found = self.by_key.setdefault(self.key_of(entry.key), [])
        if all(e.agency is not entry.agency for e in found):
            found.append(entry)
        self._choices = None

    @property
    def choices(self) -> list[str]:
        if self._choices is None:
            self._choices = list(self.by_key)
        return self._choices


class _Index:
    def __init__(self, agencies: Iterable[Agency], states: set[str | None]) -> None:
        self.tables: dict[tuple[str, Group], _Table] = {}
        self.by_ori: dict[str, Agency] = {}
        self.by_uei: dict[str, list[Agency]] = {}
        records: list[Agency] = []
        for position, agency in enumerate(agencies):
            if not isinstance(agency, Agency):
                raise TypeError(
                    f"agencies[{position}] is a {type(agency).__name__}, not an Agency "
                    "(separate rejected records first, e.g. with copsreform.split)"
                )
            if agency.ori is not None:
                self.by_ori[agency.ori] = agency  # a later record of an ORI wins
            if agency.uei is not None:
                self.by_uei.setdefault(agency.uei, []).append(agency)
            if agency.state in states:
                records.append(agency)
        for record in records:
            # Every name an ORI was given is a way to find it; the link shows the last record.
            agency = self.by_ori.get(record.ori, record) if record.ori else record
            group = _GROUP_OF_TYPE.get(record.agency_type)
            if group is not None:
                self._add(record.state, group, agency, agency_key(group, record.name), record)
            if group is Group.CAMPUS and ":" in record.name:
                self._add(record.state, group, agency, campus_full_key(record.name), record)
            if is_school_agency(record.name):
                self._add(
                    record.state,
                    Group.SCHOOL,
                    agency,
                    agency_key(Group.SCHOOL, record.name),
                    record,
                )
            self._add(record.state, Group.ANY, agency, unprefixed(record.name), record)

    def _add(
        self, state: str, group: Group, agency: Agency, key: tuple[str, ...], record: Agency
    ) -> None:
        if key:
            self.tables.setdefault((state, group), _Table(group)).add(
                _Entry(agency, key, record.name)
            )

    def table(self, state: str, group: Group) -> _Table | None:
        return self.tables.get((state, group))


_RULES: Final = {rule.value: rule for rule in LinkRule}


def link_recipients(grants: Iterable[Grant], agencies: Iterable[Agency]) -> list[LinkResult]:
    """Link each grant to the FBI agencies whose work it funds, with confidence and evidence.

    Rules, in order: the recipient's ORI (when the recipient is an :class:`~copsreform.Agency`)
    or UEI equals an agency's; else the recipient's name says what it is, and the matching
    agency of the same state is looked for: a city or town's police department, a
    county's sheriff's office (and county police), a tribe's tribal police, a state body
    itself, a university's campus police, a school district's own police, or the agency a
    recipient names. Names are compared after normalisation (upper case, punctuation out,
    abbreviations such as PD and SO written out); where no name is equal, close spellings
    are scored with rapidfuzz. Nothing is guessed: several equally good candidates make an ambiguous
    result that lists them all.

    Args:
        grants: The grants, in any order; results come back in the same order.
        agencies: The FBI agencies (for example :func:`copsreform.read_bundled_2018`'s,
            rejected records separated out). Give a newer list after an older one: an ORI
            given twice is found under both names and shown with the later record.

    Returns:
        One :class:`LinkResult` per grant.

    Raises:
        TypeError: If an item is not a :class:`~copsreform.Grant` or an
            :class:`~copsreform.Agency`, naming its position.

    Examples:
        >>> from datetime import date
        >>> import copsreform as cr
        >>> fw = cr.Agency(name="Federal Way Police Department", state="WA", ori="WA0173600",
        ...                jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
        >>> award = cr.Grant(award_number="2020UMWX0499", program=cr.GrantProgram.CHP,
        ...                  recipient=cr.Organization(name="CITY OF FEDERAL WAY", state="WA"),
        ...                  federal_amount=750000, start=date(2020, 7, 1),
        ...                  end=date(2023, 6, 30))
        >>> result = cr.link_recipients([award], [fw])[0]
        >>> result.status.value, result.oris, result.links[0].confidence.value
        ('linked', ('WA0173600',), 'high')
        >>> print(result.links[0].evidence)
        city_police: 'FEDERAL WAY' = 'FEDERAL WAY' (Federal Way Police Department), score 100, state WA
    """
    grant_list = list(grants)
    for position, grant in enumerate(grant_list):
        if not isinstance(grant, Grant):
            raise TypeError(
                f"grants[{position}] is a {type(grant).__name__}, not a Grant "
                "(separate rejected records first, e.g. with copsreform.split)"
            )
    index = _Index(agencies, {g.recipient.state for g in grant_list})
    return [_link(grant, index) for grant in grant_list]


def _link(grant: Grant, index: _Index) -> LinkResult:
    recipient = grant.recipient
    state = recipient.state
    if isinstance(recipient, Agency) and recipient.ori and recipient.ori in index.by_ori:
        agency = index.by_ori[recipient.ori]
        return _by_identifier(grant, LinkRule.ORI, f"ORI {recipient.ori}", [agency])
    if recipient.uei is not None:
        same = [a for a in index.by_uei.get(recipient.uei, []) if state in (None, a.state)]
        if same:
            return _by_identifier(grant, LinkRule.UEI, f"UEI {recipient.uei}", same)
    if state is None:
        return LinkResult(
            grant,
            LinkStatus.UNLINKED,
            reason="the recipient's state is unknown, and a link needs the state to agree",
        )
    kind = getattr(recipient, "kind", None)
    form = parse_recipient(recipient.name, state, kind.value if kind is not None else "unknown")
    if form.group is None:
        return LinkResult(
            grant,
            LinkStatus.UNLINKED,
            reason=f"no rule applies to {form.described}: not a city, county, tribe, state "
            "body, university, school district or named law enforcement agency",
        )
    rule = _RULES[form.rule]
    if form.group is Group.TRIBAL:
        found = _tribal(grant, index, state, form, rule)
    else:
        found = _keyed(grant, index, state, form, rule, group=form.group)
        if found is None and rule is LinkRule.NAMED_AGENCY:
            whole = RecipientForm(
                Group.ANY, form.rule, (unprefixed(recipient.name),), form.described
            )
            found = _keyed(grant, index, state, whole, rule, group=Group.ANY)
    if found is not None:
        return found
    what = _GROUP_WORDS[form.group]
    if rule is LinkRule.SCHOOL_POLICE:
        why = f"{form.described}: the FBI list has no police of this school or district in {state}"
    elif rule is LinkRule.CITY_POLICE:
        why = (
            f"{form.described}: the FBI list has no police department of that name in {state} "
            "(the place may contract for its policing)"
        )
    else:
        why = f"{form.described}: the FBI list has no {what} of that name in {state}"
    return LinkResult(grant, LinkStatus.UNLINKED, reason=why)


def _by_identifier(
    grant: Grant, rule: LinkRule, identifier: str, agencies: Sequence[Agency]
) -> LinkResult:
    confidence = Confidence.HIGH if len(agencies) == 1 else Confidence.MEDIUM
    note = f"{len(agencies)} agencies carry this identifier" if len(agencies) > 1 else None
    links = tuple(
        Link(
            agency,
            confidence,
            Evidence(
                rule=rule,
                method="identifier",
                recipient_name=grant.recipient.name,
                agency_name=agency.name,
                compared=(identifier, identifier),
                score=100.0,
                state=agency.state,
                identifier=identifier,
                note=note,
            ),
        )
        for agency in agencies
    )
    return LinkResult(grant, LinkStatus.LINKED, links)


def _evidence(
    grant: Grant,
    rule: LinkRule,
    method: Method,
    key: tuple[str, ...],
    entry: _Entry,
    *,
    score: float,
    note: str | None,
) -> Evidence:
    return Evidence(
        rule=rule,
        method=method,
        recipient_name=grant.recipient.name,
        agency_name=entry.agency.name,
        compared=(" ".join(key), " ".join(entry.key)),
        score=round(score, 1),
        state=entry.agency.state,
        note=note,
    )


def _keyed(
    grant: Grant, index: _Index, state: str, form: RecipientForm, rule: LinkRule, *, group: Group
) -> LinkResult | None:
    table = index.table(state, group)
    if table is None:
        return None
    for key in form.keys:
        hits = table.by_key.get(table.key_of(key))
        if hits:
            return _exact(grant, rule, group, key, sorted(hits, key=_by_ori))
    return _similar(grant, rule, table, form.keys[0]) if form.keys else None


def _by_ori(entry: _Entry) -> str:
    return entry.agency.ori or entry.name


def _exact(
    grant: Grant, rule: LinkRule, group: Group, key: tuple[str, ...], hits: list[_Entry]
) -> LinkResult:
    if len(hits) == 1 and rule is LinkRule.SCHOOL_POLICE:
        note = "an award to a school district may fund the district rather than its police"
        link = Link(
            hits[0].agency,
            Confidence.MEDIUM,
            _evidence(grant, rule, "exact", key, hits[0], score=100.0, note=note),
        )
        return LinkResult(grant, LinkStatus.LINKED, (link,))
    if len(hits) == 1:
        link = Link(
            hits[0].agency,
            Confidence.HIGH,
            _evidence(grant, rule, "exact", key, hits[0], score=100.0, note=None),
        )
        return LinkResult(grant, LinkStatus.LINKED, (link,))
    names = ", ".join(repr(e.name) for e in hits)
    same_name = len({compact(unprefixed(e.name)) for e in hits}) == 1
    if group is Group.CAMPUS or not (same_name or group in (Group.COUNTY, Group.TRIBAL)):
        what = "campuses" if group is Group.CAMPUS else "agencies"
        reason = (
            f"{len(hits)} {what} answer to {' '.join(key)!r}: {names}; the award does not say which"
        )
        links = tuple(
            Link(
                e.agency,
                Confidence.LOW,
                _evidence(grant, rule, "exact", key, e, score=100.0, note=reason),
            )
            for e in hits
        )
        return LinkResult(grant, LinkStatus.AMBIGUOUS, links, reason)
    note = (
        f"the FBI list has {len(hits)} agencies under this name in {hits[0].agency.state}: {names}"
    )
    links = tuple(
        Link(
            e.agency,
            Confidence.MEDIUM,
            _evidence(grant, rule, "exact", key, e, score=100.0, note=note),
        )
        for e in hits
    )
    return LinkResult(grant, LinkStatus.LINKED, links)


def _similar(
    grant: Grant,
    rule: LinkRule,
    table: _Table,
    key: tuple[str, ...],
) -> LinkResult | None:
    query = table.key_of(key)
    ranked = process.extract(
        query, table.choices, scorer=fuzz.ratio, limit=6, score_cutoff=LOW_SCORE
    )
    if not ranked:
        return None
    best = ranked[0][1]
    close = [(choice, score) for choice, score, _ in ranked if best - score < _MARGIN]
    entries = sorted(
        ((entry, score) for choice, score in close for entry in table.by_key[choice]),
        key=lambda pair: (-pair[1], _by_ori(pair[0])),
    )
    if len(entries) == 1:
        entry, score = entries[0]
        confidence = Confidence.MEDIUM if score >= MEDIUM_SCORE else Confidence.LOW
        link = Link(
            entry.agency,
            confidence,
            _evidence(grant, rule, "similar", key, entry, score=score, note=None),
        )
        return LinkResult(grant, LinkStatus.LINKED, (link,))
    names = ", ".join(repr(e.name) for e, _ in entries)
    reason = f"{len(entries)} agencies are spelled about as close to {' '.join(key)!r}: {names}"
    links = tuple(
        Link(
            e.agency,
            Confidence.LOW,
            _evidence(grant, rule, "similar", key, e, score=s, note=reason),
        )
        for e, s in entries
    )
    return LinkResult(grant, LinkStatus.AMBIGUOUS, links, reason)


def _tribal(
    grant: Grant, index: _Index, state: str, form: RecipientForm, rule: LinkRule
) -> LinkResult | None:
    table = index.table(state, Group.TRIBAL)
    if table is None or not form.keys:
        return None
    for key in form.keys:
        wanted = frozenset(key)
        exact: list[_Entry] = []
        within: list[_Entry] = []
        for entries in table.by_key.values():
            for entry in entries:
                core = frozenset(entry.key)
                if core == wanted:
                    exact.append(entry)
                elif core < wanted or wanted < core:
                    within.append(entry)
        exact.sort(key=_by_ori)
        within.sort(key=_by_ori)
        hits = exact + within
        if not hits:
            continue
        if len(hits) == 1:
            method: Method = "exact" if exact else "contains"
            confidence = Confidence.HIGH if exact else Confidence.MEDIUM
            score = 100.0 if exact else fuzz.ratio(" ".join(key), " ".join(hits[0].key))
            link = Link(
                hits[0].agency,
                confidence,
                _evidence(grant, rule, method, key, hits[0], score=score, note=None),
            )
            return LinkResult(grant, LinkStatus.LINKED, (link,))
        names = ", ".join(repr(e.name) for e in hits)
        note = f"{len(hits)} tribal agencies in {state} carry these name words: {names}"
        links = tuple(
            Link(
                e.agency,
                Confidence.MEDIUM,
                _evidence(
                    grant,
                    rule,
                    "exact" if e in exact else "contains",
                    key,
                    e,
                    score=100.0 if e in exact else fuzz.ratio(" ".join(key), " ".join(e.key)),
                    note=note,
                ),
            )
            for e in hits
        )
        return LinkResult(grant, LinkStatus.LINKED, links)
    return _similar(grant, rule, table, form.keys[0])
