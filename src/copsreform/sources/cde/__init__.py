"""Import law enforcement agencies from the FBI's agency tables, of every public shape.

The FBI publishes its list of law enforcement agencies, keyed by ORI, in several shapes,
and people keep copies of them in their own repositories. This module reads them all,
finding each value by its column name (any case, quoted or not) through one table of
aliases, :data:`COLUMN_ALIASES`, never by position. Three containers:

``"api"``
    The current API (``/crime/fbi/cde/agency/byStateAbbr/{ST}``): a JSON object keyed by
    **county name**, each value a list of agency objects with ``ori``, ``counties``,
    ``is_nibrs``, ``latitude``, ``longitude``, ``state_abbr``, ``state_name``,
    ``agency_name``, ``agency_type_name`` and ``nibrs_start_date``. An agency that
    serves two counties can be listed under both keys: the second listing of an ORI is
    reported as a rejection whose reason says it was merged into the first (so it is
    counted in the summary, not dropped), or, if its details differ, that the first was
    kept.
``"frontend_2018"``
    A JSON object keyed by state, then by ORI, each value an agency object. Two real
    lists have this nesting: the one the official CDE front end shipped in 2018
    (``agency_name``, ``agency_type_name``, ``icpsr_lat``, ``icpsr_lng``,
    ``months_reported``, ``nibrs_months_reported``, ``past_10_years_reported``,
    ``primary_county``; a copy ships with copsreform, :func:`read_bundled_2018`, 23,243
    agencies), and the FBI API's ``/api/agencies`` of 2018 (``ori``, ``agency_name``,
    ``agency_type_name``, ``state_abbr``, ``state_name``, ``county_name``,
    ``division_name``, ``region_name``, ``region_desc``, ``latitude``, ``longitude``,
    ``nibrs``). Problems name the state key as ``$.state_key`` and the ORI key as
    ``$.ori``.
``"csv"``
    Any table with a header row holding ``ori`` and a name column (``agency_name`` or
    ``pub_agency_name``), in any case; the literal ``NA`` means null. Real tables of
    this kind: the ``agencies`` table of a CDE NIBRS download (2016 onward: quoted
    UPPERCASE ``ORI``, ``PUB_AGENCY_NAME``, ``PUB_AGENCY_UNIT``, ``STATE_ABBR``,
    ``AGENCY_TYPE_NAME``, ``POPULATION``, ``MALE_OFFICER``, ``FEMALE_OFFICER``,
    ``COUNTY_NAME`` and about 50 more, some named twice); the older ``cde_agencies``
    table (lowercase ``ori``, ``agency_name``, ``primary_county``, ``population``,
    ``total_officers``, ...); the 2018 ``/api/agencies`` flattened by pandas (an unnamed
    index column first); the FBI's hate-crime agency table (``ORI``,
    ``PUB_AGENCY_NAME``, ``AGENCY_TYPE_NAME``, ``STATE_ABBR``); and the flat CSV of the
    current API's fields in the TidyTuesday 2025-02-18 data set.

What an :class:`~copsreform.Agency` takes from a record (the aliases are listed with
:data:`COLUMN_ALIASES`):

* ``name``: the published name, ``PUB_AGENCY_NAME`` followed by ``PUB_AGENCY_UNIT`` when
  present (``Louisiana State University:`` + ``Eunice``), or ``agency_name``; white space
  folded by the model. No word is added: a county sheriff's office published as
  ``Acadia`` stays ``Acadia``. The FBI's other, upper-case forms (``UCR_AGENCY_NAME``,
  ``NCIC_AGENCY_NAME``) have no field in the model and are reported as not kept.
* ``state``: the state column, NCIC codes translated to USPS ones (``NB`` to ``NE``,
  ``GM`` to ``GU``; :data:`NCIC_STATE_CODES`). When the column holds the FBI's
  pseudo-state ``FS`` (federal agencies) or is empty, the state is the one named by the
  ORI's first two characters: every ORI starts with the NCIC code of the state it was
  issued in, and the model needs a USPS code. An ``FS`` agency is imported with the
  federal jurisdiction (unless its type is Tribal); one without a valid ORI is rejected,
  saying so.
* ``ori``; ``agency_type`` (a null type, or no type column, becomes ``Unknown``);
  ``county``, as written, several counties in one cell included (``ACADIA;
  EVANGELINE``, ``KING, PIERCE``).
* ``population``, and ``sworn_officers``: ``total_officers``, or ``MALE_OFFICER`` plus
  ``FEMALE_OFFICER``. Counts are whole numbers (``"36286"``, or pandas' ``"36286.0"``);
  an empty count is unknown (``None``), never zero, and when one of the male and female
  counts is empty the total is unknown.
* ``jurisdiction``, which no FBI list gives and :func:`infer_jurisdiction` derives.

Everything else is left, because the model has no field for it (coordinates, often a
county centroid anyway; NIBRS dates and flags; reporting counts; civilian staff; region
and division names), and said: the importers return an
:class:`~copsreform.batch.Outcomes` whose ``unkept`` lists the columns read and not
kept, once per file, which :func:`~copsreform.batch.counted` passes on to the
:class:`~copsreform.batch.Summary`. A duplicated column name never breaks a read: the
first column of a name is read, a repeat is named by its position (``0 (column 47)``),
and an empty name becomes ``(unnamed column 1)``.

Every record comes back, in order, as an :class:`~copsreform.Agency` or a
:class:`~copsreform.batch.Rejected` whose problems name the source field (``$.ori``,
``$.PUB_AGENCY_NAME``). Positions count records in document order from 0 (``index``) for
JSON, data rows from 1 (``row``) for CSV. Known rejections in the 2018 list: the Canal
Zone (``CZ``, not a U.S. state or territory today), the test agencies ``TSOFENC02`` and
``TSARRES06`` filed under Alabama, the typo ORI ``C0034019E`` and one agency with no
name.

Examples:
    >>> import io
    >>> from copsreform import Rejected, read_cde
    >>> from copsreform.batch import Tally, counted
    >>> county_keyed = io.StringIO('''{
    ...   "KING": [{"ori": "WA0170100", "counties": "KING, PIERCE", "state_abbr": "WA",
    ...             "agency_name": "Auburn Police Department", "agency_type_name": "City"}],
    ...   "PIERCE": [{"ori": "WA0170100", "counties": "KING, PIERCE", "state_abbr": "WA",
    ...               "agency_name": "Auburn Police Department", "agency_type_name": "City"},
    ...              {"ori": "WADI06200", "counties": "NOT SPECIFIED", "state_abbr": "WA",
    ...               "agency_name": "Puyallup Tribal", "agency_type_name": "Tribal"}]}''')
    >>> tally = Tally()
    >>> for outcome in counted(read_cde(county_keyed), tally):
    ...     print(outcome if isinstance(outcome, Rejected) else
    ...           (outcome.ori, outcome.jurisdiction.value, outcome.county))
    ('WA0170100', 'local', 'KING, PIERCE')
    index 1: '$.ori' repeats the ORI of an earlier record with the same name, state and type; merged into it (got 'WA0170100')
    ('WADI06200', 'tribal', 'NOT SPECIFIED')
    >>> summary = tally.summary()
    >>> summary.read, summary.imported, summary.rejected
    (3, 2, 1)
"""

from typing import Final, TypeAlias

from copsreform.sources._public import present
from copsreform.sources.cde import _columns, _readers, _shapes, _states
from copsreform.sources.cde._jurisdiction import infer_jurisdiction
from copsreform.sources.cde._readers import (
    read_api,
    read_bundled_2018,
    read_cde,
    read_csv,
    read_frontend_2018,
)
from copsreform.sources.cde._shapes import detect_format
from copsreform.sources.cde._states import usps_state

__all__ = [
    "BUNDLED_2018",
    "COLUMN_ALIASES",
    "FEDERAL_STATE",
    "FORMATS",
    "NCIC_STATE_CODES",
    "Format",
    "detect_format",
    "infer_jurisdiction",
    "read_api",
    "read_bundled_2018",
    "read_cde",
    "read_csv",
    "read_frontend_2018",
    "usps_state",
]

#: The shapes of FBI agency data this module reads.
Format: TypeAlias = _shapes.Format
#: Every :data:`Format`, in the order the module documentation describes them.
FORMATS: Final = _shapes.FORMATS
#: Where the bundled 2018 list sits inside the package (see its README beside it).
BUNDLED_2018: Final = _readers.BUNDLED_2018
#: Every source column name each value of an :class:`~copsreform.Agency` is read from,
#: lower case, in order of preference; a header is matched case-insensitively. One
#: table serves every shape: a column is found by its name, never by its position.
#:
#: * ``name``: ``PUB_AGENCY_NAME`` (NIBRS ``agencies``, hate-crime table) or
#:   ``agency_name`` (API, 2018 list, ``cde_agencies``, flat CSV); ``pug_agency_name`` is
#:   the misspelling reported in the header of the FBI's 1991-2025 ``hate_crime.csv``
#:   (by a third-party write-up of the file; not checked against the FBI's download);
#: * ``unit``: ``PUB_AGENCY_UNIT``, appended to the published name when present;
#: * ``state``: ``STATE_ABBR``/``state_abbr``, else ``STATE_POSTAL_ABBR``, else the 2018
#:   list's state key;
#: * ``agency_type``: ``AGENCY_TYPE_NAME``/``agency_type_name`` or ``agency_type``;
#: * ``county``: ``COUNTY_NAME``/``county_name``, ``counties``, ``primary_county`` or
#:   ``county``, kept as written (``"ACADIA; EVANGELINE"``);
#: * ``population``: ``POPULATION``/``population``;
#: * ``sworn_officers``: ``total_officers``, or ``MALE_OFFICER`` plus ``FEMALE_OFFICER``.
COLUMN_ALIASES: Final = _columns.COLUMN_ALIASES
#: NCIC state codes that the FBI writes in a state column and that differ from the USPS
#: code of the same state or territory. Source: the FBI Crime Data Explorer's own
#: front end, fbi-cde/crime-data-frontend issue 806 (2017): "The two entities where ORIs
#: are not prefixed by the respective postal abbreviation are: Nebraska NE NB, Guam GU
#: GM" [verified in the FBI's 2018 list: 338 of 338 Nebraska ORIs start ``NB``]. Every
#: other state code in the FBI's agency tables is the USPS code.
NCIC_STATE_CODES: Final = _states.NCIC_STATE_CODES
#: The FBI's pseudo-state of federal agencies in its hate-crime and some NIBRS tables.
FEDERAL_STATE: Final = _states.FEDERAL_STATE

present(globals(), __all__)
