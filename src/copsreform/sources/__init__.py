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

Examples:
    >>> from copsreform.sources import classify_program
    >>> classify_program("TRGP-E/T").value
    'trgp'
"""

from copsreform.sources import usaspending
from copsreform.sources.usaspending import classify_program, read_usaspending

__all__ = ["classify_program", "read_usaspending", "usaspending"]
