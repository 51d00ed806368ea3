"""Import COPS awards from USAspending.gov.

USAspending publishes federal awards in three shapes, and this module reads all three,
mapping fields **by name** (the download files have changed columns over the years):

``"api"``
    The JSON response of ``POST /api/v2/search/spending_by_award/``: an object whose
    ``results`` list holds one object per award, with the fields the request asked for
    (``Award ID``, ``Recipient Name``, ``Award Amount``, ``Start Date``, ``End Date``,
    ``Description``; optionally ``Recipient UEI`` and ``CFDA Number``). The Assistance
    Listing and the recipient's state are usually **not** row fields: they were filters
    of the request, so the caller passes them (``assistance_listing="16.710"``,
    ``recipient_state="WA"``); they are never guessed.
``"award_csv"``
    The award-level download ``Assistance_PrimeAwardSummaries_*.csv``: one row per
    award. Amount ``total_obligated_amount``; listing from ``cfda_numbers_and_titles``
    (``"16.710: TITLE; 16.071: TITLE"``).
``"transaction_csv"``
    The transaction-level download ``Assistance_PrimeTransactions_*.csv``: one row per
    action (the award, each amendment, each de-obligation). Each row becomes one
    :class:`~copsreform.Grant` whose amount is that action's ``federal_action_obligation``
    and whose local match is that action's ``non_federal_funding_amount``; add them up by
    award number for an award's total, or read the award-level file.

What each shape's fields become (API field; award CSV column; transaction CSV column):

* ``award_number``: ``Award ID``; ``award_id_fain``; ``award_id_fain``.
* ``federal_amount``: ``Award Amount``; ``total_obligated_amount``;
  ``federal_action_obligation``.
* ``local_match``: none (0); ``total_non_federal_funding_amount``;
  ``non_federal_funding_amount``.
* ``start`` and ``end``: ``Start Date`` and ``End Date``;
  ``period_of_performance_start_date`` and ``period_of_performance_current_end_date``
  in both CSVs.
* ``assistance_listing``: ``CFDA Number`` or the caller's; ``cfda_numbers_and_titles``;
  ``cfda_number``.
* ``solicitation``: none; ``funding_opportunity_number`` in both CSVs.
* ``description``: ``Description``; ``prime_award_base_transaction_description``;
  ``transaction_description``, else the base one.
* ``recipient.name``, ``recipient.uei``: ``Recipient Name``, ``Recipient UEI``;
  ``recipient_name``, ``recipient_uei`` in both CSVs.
* ``recipient.state``: the caller's; ``recipient_state_code`` in both CSVs.
* ``recipient.kind``: unknown; from ``business_types_code`` in both CSVs (A state, B and
  C local, I tribal government, M and N nonprofit; other codes stay unknown).
* ``program``: :func:`classify_program`, from the description, listing and award number.

The recipient is an :class:`~copsreform.Organization`: USAspending names the recipient
and gives its UEI, but no ORI, so it cannot be an :class:`~copsreform.Agency`. Left out,
because the model has no field for them: ``internal_id`` and ``generated_internal_id``
(the latter is ``ASST_NON_<FAIN>_015``, derivable from the award number), addresses,
place of performance, DUNS, parent recipient, outlays. ``match_waived`` and
``positions`` are not in USAspending; they keep the model's defaults (``False``,
``None``). Amounts can be zero or negative (de-obligations) and are kept as they are.

Money never passes through a float: the JSON is parsed with ``parse_float=Decimal``.

Every input record comes back, in order, as a :class:`~copsreform.Grant` or a
:class:`~copsreform.batch.Rejected` with its position (``index`` in ``results``, from 0;
``row`` in a CSV, from 1, header not counted) and every problem, whose path names the
source field (``$.Award Amount``, ``$.award_id_fain``). A file that cannot be read as a
whole raises :class:`~copsreform.errors.SourceFormatError` before any record is yielded
(for a CSV, a malformed line further down can still stop the stream there).

Examples:
    >>> import io
    >>> from copsreform import Rejected, read_usaspending
    >>> from copsreform.batch import Tally, counted
    >>> page = io.BytesIO(b'''{"results": [
    ...   {"Award ID": "2020UMWX0499", "Recipient Name": "CITY OF FEDERAL WAY",
    ...    "Award Amount": 750000.0, "Start Date": "2020-07-01", "End Date": "2023-06-30",
    ...    "Description": "CHP"},
    ...   {"Award ID": "2016HEWX0056", "Recipient Name": "PORT GAMBLE S'KLALLAM TRIBE",
    ...    "Award Amount": -7016.88, "Start Date": "2016-09-01", "End Date": "2019-08-31",
    ...    "Description": "TRGP-E/T"},
    ...   {"Award ID": "2020UMWX049", "Recipient Name": "CITY OF MORTON",
    ...    "Award Amount": 125000.0, "Start Date": "2020-07-01", "End Date": "2023-06-30",
    ...    "Description": "CHP"}]}''')
    >>> tally = Tally()
    >>> for outcome in counted(read_usaspending(page, assistance_listing="16.710",
    ...                                         recipient_state="WA"), tally):
    ...     print(outcome if isinstance(outcome, Rejected) else
    ...           (outcome.award_number, outcome.program.value, str(outcome.federal_amount)))
    ('2020UMWX0499', 'chp', '750000.00')
    ('2016HEWX0056', 'trgp', '-7016.88')
    index 2: '$.Award ID' must have the form YYYY-PP-WX-NNNN (got '2020UMWX049')
    >>> summary = tally.summary()
    >>> summary.read, summary.imported, summary.rejected, summary.reasons
    (3, 2, 1, (("'$.Award ID' must have the form YYYY-PP-WX-NNNN", 1),))
"""

from typing import Final, TypeAlias

from copsreform.sources._public import present
from copsreform.sources.usaspending import _readers
from copsreform.sources.usaspending._classify import classify_program
from copsreform.sources.usaspending._readers import (
    detect_format,
    read_api,
    read_award_csv,
    read_bundled_usaspending,
    read_transaction_csv,
    read_usaspending,
)

__all__ = [
    "BUNDLED_PAGE",
    "FORMATS",
    "Format",
    "classify_program",
    "detect_format",
    "read_api",
    "read_award_csv",
    "read_bundled_usaspending",
    "read_transaction_csv",
    "read_usaspending",
]

#: The shapes of USAspending data this module reads.
Format: TypeAlias = _readers.Format
#: Every :data:`Format`, in the order the module documentation describes them.
FORMATS: Final = _readers.FORMATS
#: The real USAspending page that ships with copsreform, inside the package: 100 COPS
#: awards (Assistance Listing 16.710) to recipients in Washington state. Provenance is in
#: ``data/usaspending/README.md`` inside the package.
BUNDLED_PAGE: Final = _readers.BUNDLED_PAGE

present(globals(), __all__)
