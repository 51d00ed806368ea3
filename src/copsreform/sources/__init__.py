"""Importers of real public data: USAspending awards and FBI Crime Data Explorer agencies.

One module per source, each reading every shape that source publishes, detecting which
one a file is, and yielding for every input record either a model object or a
:class:`~copsreform.batch.Rejected` that says where the record was and what is wrong
with it. Nothing is dropped silently; ``strict=True`` raises on the first bad record
instead. Count outcomes with :class:`~copsreform.batch.Tally`.

Modules:
    - :mod:`~copsreform.sources.usaspending`: COPS awards as :class:`~copsreform.Grant`
      objects, from the ``spending_by_award`` API and the award- and transaction-level
      download CSVs.
    - :mod:`~copsreform.sources.cde`: law enforcement agencies as
      :class:`~copsreform.Agency` objects, from the current county-keyed API, the 2018
      front-end list (bundled) and a flat CSV.

Examples:
    >>> from copsreform.batch import Tally, counted
    >>> from copsreform.sources import read_bundled_2018
    >>> tally = Tally()
    >>> for _ in counted(read_bundled_2018(), tally):
    ...     pass
    >>> tally.summary().read, tally.summary().rejected
    (23243, 5)
"""

from copsreform.sources import cde, usaspending
from copsreform.sources.cde import infer_jurisdiction, read_bundled_2018, read_cde
from copsreform.sources.usaspending import (
    classify_program,
    read_bundled_usaspending,
    read_usaspending,
)

__all__ = [
    "cde",
    "classify_program",
    "infer_jurisdiction",
    "read_bundled_2018",
    "read_bundled_usaspending",
    "read_cde",
    "read_usaspending",
    "usaspending",
]
