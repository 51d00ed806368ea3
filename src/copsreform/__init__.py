"""copsreform: a typed, validated model of the U.S. DOJ COPS Office domain.

Law enforcement agencies, COPS grants, the Collaborative Reform Initiative (CRI-TAC,
Critical Response, Organizational Assessment), the providers that deliver technical
assistance, and the rules that decide who is eligible for what.

Everything a user needs is importable from here.

Examples:
    >>> from datetime import date
    >>> import copsreform as cr
    >>> bpd = cr.Agency(name="Boston Police Department", state="MA", ori="MA0130100",
    ...                 jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
    >>> review = cr.Engagement(agency=bpd, program=cr.CRIProgram.CRITICAL_RESPONSE,
    ...                        provider=cr.find_provider("National Policing Institute"),
    ...                        categories={cr.TACategory.DATA_ANALYSIS},
    ...                        focus="Human Resources section operations",
    ...                        announced_on=date(2024, 8, 8))
    >>> review.provider.acronym
    'NPI'
"""

from copsreform.agency import Agency, AgencyType, Jurisdiction, Organization, OrganizationKind
from copsreform.arrow import (
    arrow_schema,
    csv_dtypes,
    from_arrow,
    read_parquet,
    to_arrow,
    to_pandas,
    write_parquet,
)
from copsreform.batch import Outcomes, Rejected, Summary, Tally, split
from copsreform.engagement import (
    Engagement,
    EngagementStatus,
    Recommendation,
    RecommendationStatus,
    StatusChange,
)
from copsreform.errors import (
    ArgumentTypeError,
    CopsReformError,
    IllegalTransitionError,
    LimitExceededError,
    MissingExtraError,
    NotFoundError,
    Problem,
    ProviderNotFoundError,
    RuleNotInForceError,
    SourceFormatError,
    ValidationError,
)
from copsreform.export import read_csv, write_csv
from copsreform.fiscal import FiscalYear
from copsreform.grant import Grant
from copsreform.programs import CRIProgram, GrantProgram, TACategory
from copsreform.providers import Provider, ProviderRole, find_provider, providers
from copsreform.rules import (
    ASSUMABLE,
    Condition,
    Decision,
    Eligibility,
    EligibilityMatrix,
    Outcome,
    Reason,
    RuleBook,
    Source,
    check_award,
    check_eligibility,
    chp_retention_end,
    closeout_due,
    eligibility_matrix,
    is_official_url,
    rule_parameters,
)
from copsreform.schema import json_schema
from copsreform.serialization import (
    from_dict,
    from_json,
    read_jsonl,
    to_dict,
    to_json,
    write_jsonl,
)
from copsreform.sources import (
    classify_program,
    read_bundled_2018,
    read_bundled_usaspending,
    read_cde,
    read_usaspending,
)

__version__ = "0.1.0"

__all__ = [
    "ASSUMABLE",
    "Agency",
    "AgencyType",
    "ArgumentTypeError",
    "CRIProgram",
    "Condition",
    "CopsReformError",
    "Decision",
    "Eligibility",
    "EligibilityMatrix",
    "Engagement",
    "EngagementStatus",
    "FiscalYear",
    "Grant",
    "GrantProgram",
    "IllegalTransitionError",
    "Jurisdiction",
    "LimitExceededError",
    "MissingExtraError",
    "NotFoundError",
    "Organization",
    "OrganizationKind",
    "Outcome",
    "Outcomes",
    "Problem",
    "Provider",
    "ProviderNotFoundError",
    "ProviderRole",
    "Reason",
    "Recommendation",
    "RecommendationStatus",
    "Rejected",
    "RuleBook",
    "RuleNotInForceError",
    "Source",
    "SourceFormatError",
    "StatusChange",
    "Summary",
    "TACategory",
    "Tally",
    "ValidationError",
    "__version__",
    "arrow_schema",
    "check_award",
    "check_eligibility",
    "chp_retention_end",
    "classify_program",
    "closeout_due",
    "csv_dtypes",
    "eligibility_matrix",
    "find_provider",
    "from_arrow",
    "from_dict",
    "from_json",
    "is_official_url",
    "json_schema",
    "providers",
    "read_bundled_2018",
    "read_bundled_usaspending",
    "read_cde",
    "read_csv",
    "read_jsonl",
    "read_parquet",
    "read_usaspending",
    "rule_parameters",
    "split",
    "to_arrow",
    "to_dict",
    "to_json",
    "to_pandas",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]
