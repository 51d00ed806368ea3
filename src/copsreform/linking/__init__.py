"""Which agency did the money go to? Link grant recipients to FBI agencies, measured.

USAspending names an award's recipient as a government or organisation ("CITY OF
FEDERAL WAY", "COUNTY OF SPOKANE", "CONFEDERATED TRIBES OF THE COLVILLE RESERVATION"),
with a UEI but no ORI; the FBI's agency list names the law enforcement agency with its
ORI. :func:`~copsreform.linking.linker.link_recipients` joins them by identifier where
both sides carry one and otherwise by domain rules on names, and says for every link how
sure it is and why, and for every grant it cannot link, why not.
:func:`~copsreform.linking.evaluate.evaluate_links` measures the links against hand-made
labels; :mod:`copsreform.linking.rows` writes them as CSV or JSON Lines.

Examples:
    >>> import copsreform as cr
    >>> agencies, _ = cr.split(cr.read_bundled_2018())
    >>> grants, _ = cr.split(cr.read_bundled_usaspending())
    >>> results = cr.link_recipients(grants, agencies)
    >>> colville = next(r for r in results if r.award_number == "2017HEWX0042")
    >>> [(link.ori, link.confidence.value) for link in colville.links]
    [('WA0241400', 'medium'), ('WADI05700', 'medium')]
"""

from copsreform.linking.evaluate import (
    LevelScore,
    LinkEvaluation,
    LinkLabel,
    Miss,
    evaluate_links,
    read_link_labels,
)
from copsreform.linking.linker import (
    LOW_SCORE,
    MEDIUM_SCORE,
    Confidence,
    Evidence,
    Link,
    LinkResult,
    LinkRule,
    LinkStatus,
    link_recipients,
)
from copsreform.linking.rows import (
    LINK_COLUMNS,
    agency_totals,
    link_rows,
    read_link_rows,
    write_links,
)

__all__ = [
    "LINK_COLUMNS",
    "LOW_SCORE",
    "MEDIUM_SCORE",
    "Confidence",
    "Evidence",
    "LevelScore",
    "Link",
    "LinkEvaluation",
    "LinkLabel",
    "LinkResult",
    "LinkRule",
    "LinkStatus",
    "Miss",
    "agency_totals",
    "evaluate_links",
    "link_recipients",
    "link_rows",
    "read_link_labels",
    "read_link_rows",
    "write_links",
]
