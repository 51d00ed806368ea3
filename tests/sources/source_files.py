"""The real and constructed source files the importer tests read, and helpers."""

import gzip
import io
from pathlib import Path

DATA = Path(__file__).parent.parent / "data"

#: One real page of the USAspending spending_by_award API (100 COPS awards, Washington).
API_PAGE = DATA / "usaspending" / "spending_by_award_16710_WA_page1.json"
#: Download CSVs with the real headers and rows built from real award values.
AWARD_CSV = DATA / "usaspending" / "Assistance_PrimeAwardSummaries_constructed.csv"
TRANSACTION_CSV = DATA / "usaspending" / "Assistance_PrimeTransactions_constructed.csv"
#: One good record of the API page (the first real one, its fields as requested).
GOOD = {
    "Award ID": "2020UMWX0499",
    "Recipient Name": "CITY OF FEDERAL WAY",
    "Award Amount": 750000.0,
    "Start Date": "2020-07-01",
    "End Date": "2023-06-30",
    "Description": "CHP",
}
#: 39 real FBI agency records in the flat CSV shape.
AGENCY_CSV = DATA / "cde" / "real_agencies.csv"
#: The county-keyed API shape rebuilt from the real Washington records.
COUNTY_KEYED = DATA / "cde" / "byStateAbbr_WA_constructed.json"


def gzipped(data: bytes) -> io.BytesIO:
    """Return ``data`` gzip-compressed, as a binary stream."""
    return io.BytesIO(gzip.compress(data))


#: Real FBI agency tables in the shapes people download (see data/fbi/README.md).
FBI = DATA / "fbi"
NIBRS_AGENCIES_2020 = FBI / "nibrs_agencies_LA_2020.csv"
NIBRS_CDE_AGENCIES_2015 = FBI / "nibrs_cde_agencies_LA_2015.csv"
API_2018_PANDAS = FBI / "cde_sapi_2018_agencies_pandas.csv.gz"
