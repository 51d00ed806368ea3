"""Measure links against hand-made labels: precision by confidence, recall, every miss.

A label says which ORIs an award funds (none, one, or several when the FBI lists one
agency twice). A proposed link is right when its ORI is among the award's labelled ORIs.
Precision at a confidence level is the share of that level's links that are right;
recall is the share of labelled (award, ORI) pairs that some link found.

Examples:
    >>> import copsreform as cr
    >>> from copsreform.linking import LinkLabel, evaluate_links
    >>> agencies, _ = cr.split(cr.read_bundled_2018())
    >>> grants, _ = cr.split(cr.read_bundled_usaspending())
    >>> results = cr.link_recipients(grants[:2], agencies)
    >>> labels = [LinkLabel("2020UMWX0499", frozenset({"WA0173600"})),
    ...           LinkLabel("2020UMWX0489", frozenset({"WA0210300"}))]
    >>> report = evaluate_links(results, labels)
    >>> report.precision(cr.Confidence.HIGH), report.recall(), report.misses
    (1.0, 1.0, ())
"""

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

import attrs

from copsreform.errors import SourceFormatError
from copsreform.identifiers import award_number as _award_number
from copsreform.linking.linker import Confidence, LinkResult

__all__ = [
    "LevelScore",
    "LinkEvaluation",
    "LinkLabel",
    "Miss",
    "evaluate_links",
    "read_link_labels",
]


@attrs.frozen
class LinkLabel:
    """The ORIs an award funds, as a person decided.

    Attributes:
        award_number: The award number, compact (``2020UMWX0499``).
        oris: The ORIs the award funds; empty for none.
        rationale: Why.

    Examples:
        >>> from copsreform import LinkLabel
        >>> LinkLabel("2020SVWX0065", frozenset(), "a school district").oris
        frozenset()
    """

    award_number: str
    oris: frozenset[str]
    rationale: str = ""


def read_link_labels(path: Path) -> list[LinkLabel]:
    r"""Read labels from a CSV file with the columns ``award_number`` and ``oris``.

    ``oris`` holds ORIs separated by ``;``, or ``none``; a ``rationale`` column is kept
    when present. Award numbers may have dashes.

    Args:
        path: The CSV file.

    Returns:
        The labels, in file order.

    Raises:
        SourceFormatError: If a column is missing, or a row has no award number, an empty
            ``oris`` cell or an award number given twice (naming the row).

    Examples:
        >>> from copsreform.linking.evaluate import read_link_labels
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "labels.csv"
        >>> _ = path.write_text("award_number,oris\n2019-HH-WX-0021,WA037100X;WADI05900\n")
        >>> label = read_link_labels(path)[0]
        >>> label.award_number, sorted(label.oris)
        ('2019HHWX0021', ['WA037100X', 'WADI05900'])
    """
    labels: list[LinkLabel] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        missing = [c for c in ("award_number", "oris") if c not in (reader.fieldnames or ())]
        if missing:
            raise SourceFormatError(f"labels need the columns {', '.join(missing)}", str(path))
        for number, row in enumerate(reader, start=1):
            award = _award_number.compact(row["award_number"] or "")
            cell = (row["oris"] or "").strip()
            if not award or not cell:
                raise SourceFormatError(f"row {number} needs an award_number and oris", str(path))
            if award in seen:
                raise SourceFormatError(f"row {number} labels {award} a second time", str(path))
            seen.add(award)
            oris = frozenset() if cell.lower() == "none" else frozenset(cell.split(";"))
            labels.append(LinkLabel(award, oris, row.get("rationale") or ""))
    return labels


@attrs.frozen
class LevelScore:
    """Links proposed at one confidence level, and how many were right.

    Attributes:
        confidence: The level.
        proposed: Links proposed at this level.
        correct: Those whose ORI is labelled for their award.
        found: Labelled (award, ORI) pairs found at this level.

    Examples:
        >>> from copsreform.linking.evaluate import LevelScore
        >>> from copsreform import Confidence
        >>> LevelScore(Confidence.HIGH, proposed=4, correct=3, found=3).precision
        0.75
    """

    confidence: Confidence
    proposed: int
    correct: int
    found: int

    @property
    def precision(self) -> float | None:
        """``correct / proposed``; ``None`` when nothing was proposed."""
        return self.correct / self.proposed if self.proposed else None


@attrs.frozen
class Miss:
    """A proposed link that is wrong, or a labelled link that was not found.

    Attributes:
        award_number: The award.
        recipient_name: Its recipient.
        kind: ``"wrong"`` (proposed, not labelled) or ``"missed"`` (labelled, not proposed).
        ori: The ORI proposed (wrong) or labelled (missed).
        status: The linker's status for the award.
        confidence: The wrong link's confidence; ``None`` for a missed link.
        proposed: The ORIs the linker proposed for the award.
        labelled: The ORIs labelled for the award.
        explanation: The wrong link's evidence, or the linker's reason for the award.

    Examples:
        >>> from copsreform.linking.evaluate import Miss
        >>> miss = Miss("2014HHWX0019", "QUILEUTE INDIAN TRIBE", "missed", "WADI07000",
        ...             "unlinked", None, (), ("WADI07000",), "no tribal agency of that name")
        >>> miss.kind, miss.ori
        ('missed', 'WADI07000')
    """

    award_number: str
    recipient_name: str
    kind: Literal["wrong", "missed"]
    ori: str
    status: str
    confidence: Confidence | None
    proposed: tuple[str, ...]
    labelled: tuple[str, ...]
    explanation: str


@attrs.frozen
class LinkEvaluation:
    """The measurement of a set of links against labels.

    Attributes:
        awards: Awards measured.
        labelled_links: Labelled (award, ORI) pairs.
        labelled_none: Awards labelled as funding no agency.
        levels: One :class:`LevelScore` per confidence, high first.
        misses: Every wrong and every missed link.

    Examples:
        >>> from copsreform.linking.evaluate import LevelScore
        >>> from copsreform import Confidence, LinkEvaluation
        >>> report = LinkEvaluation(1, 1, 0, (LevelScore(Confidence.HIGH, 1, 1, 1),), ())
        >>> report.precision(Confidence.HIGH), report.recall()
        (1.0, 1.0)
    """

    awards: int
    labelled_links: int
    labelled_none: int
    levels: tuple[LevelScore, ...]
    misses: tuple[Miss, ...]

    def level(self, confidence: Confidence) -> LevelScore:
        """The score of one confidence level."""
        return next(s for s in self.levels if s.confidence is confidence)

    def precision(self, *confidences: Confidence) -> float | None:
        """Share of the links at these levels (all when none given) that are right."""
        chosen = [s for s in self.levels if not confidences or s.confidence in confidences]
        proposed = sum(s.proposed for s in chosen)
        return sum(s.correct for s in chosen) / proposed if proposed else None

    def recall(self, *confidences: Confidence) -> float | None:
        """Share of labelled links found at these levels (all when none given)."""
        if not self.labelled_links:
            return None
        chosen = [s for s in self.levels if not confidences or s.confidence in confidences]
        return sum(s.found for s in chosen) / self.labelled_links


def evaluate_links(results: Iterable[LinkResult], labels: Iterable[LinkLabel]) -> LinkEvaluation:
    """Measure ``results`` against ``labels``.

    Args:
        results: What :func:`~copsreform.linking.link_recipients` returned.
        labels: One label per award of ``results``.

    Returns:
        Precision and recall by confidence level, and every miss.

    Raises:
        ValueError: If an award of ``results`` has no label (naming it).

    Examples:
        >>> from copsreform.linking.evaluate import LinkLabel, evaluate_links
        >>> import copsreform as cr
        >>> grants, _ = cr.split(cr.read_bundled_usaspending())
        >>> results = cr.link_recipients(grants[:1], [])
        >>> report = evaluate_links(results, [LinkLabel("2020UMWX0499", frozenset({"WA0173600"}))])
        >>> report.recall(), [m.kind for m in report.misses]
        (0.0, ['missed'])
    """
    by_award: Mapping[str, LinkLabel] = {label.award_number: label for label in labels}
    counts = {c: [0, 0, 0] for c in Confidence}  # proposed, correct, found
    misses: list[Miss] = []
    awards = labelled_links = labelled_none = 0
    for result in results:
        label = by_award.get(result.award_number)
        if label is None:
            raise ValueError(f"award {result.award_number} has no label")
        awards += 1
        labelled_links += len(label.oris)
        labelled_none += not label.oris
        proposed = tuple(link.ori or "" for link in result.links)
        labelled = tuple(sorted(label.oris))
        best: dict[str, Confidence] = {}
        for link in result.links:
            ori = link.ori or ""
            counts[link.confidence][0] += 1
            if ori in label.oris:
                counts[link.confidence][1] += 1
                best.setdefault(ori, link.confidence)
            else:
                misses.append(
                    Miss(result.award_number, result.grant.recipient.name, "wrong", ori,
                         result.status.value, link.confidence, proposed, labelled,
                         str(link.evidence))
                )  # fmt: skip
        for confidence in best.values():
            counts[confidence][2] += 1
        misses.extend(
            Miss(result.award_number, result.grant.recipient.name, "missed", ori,
                 result.status.value, None, proposed, labelled,
                 result.reason or "links to other agencies only")
            for ori in labelled
            if ori not in best
        )  # fmt: skip
    levels = tuple(LevelScore(c, *counts[c]) for c in Confidence)
    return LinkEvaluation(awards, labelled_links, labelled_none, levels, tuple(misses))
