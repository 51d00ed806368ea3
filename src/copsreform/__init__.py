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
from copsreform.batch import Rejected, Summary, Tally, split
from copsreform.engagement import (
    Engagement,
    EngagementStatus,
    Recommendation,
    RecommendationStatus,
    StatusChange,
)
from copsreform.errors import (
    CopsReformError,
    IllegalTransitionError,
    LimitExceededError,
    NotFoundError,
    Problem,
    ProviderNotFoundError,
    RuleNotInForceError,
    SourceFormatError,
    ValidationError,
)
from copsreform.fiscal import FiscalYear
from copsreform.grant import Grant
from copsreform.programs import CRIProgram, GrantProgram, TACategory
from copsreform.providers import Provider, ProviderRole, find_provider, providers
from copsreform.schema import json_schema
from copsreform.serialization import (
    from_dict,
    from_json,
    read_jsonl,
    to_dict,
    to_json,
    write_jsonl,
)

__version__ = "0.1.0"

__all__ = [
    "Agency",
    "AgencyType",
    "CRIProgram",
    "CopsReformError",
    "Engagement",
    "EngagementStatus",
    "FiscalYear",
    "Grant",
    "GrantProgram",
    "IllegalTransitionError",
    "Jurisdiction",
    "LimitExceededError",
    "NotFoundError",
    "Organization",
    "OrganizationKind",
    "Problem",
    "Provider",
    "ProviderNotFoundError",
    "ProviderRole",
    "Recommendation",
    "RecommendationStatus",
    "Rejected",
    "RuleNotInForceError",
    "SourceFormatError",
    "StatusChange",
    "Summary",
    "TACategory",
    "Tally",
    "ValidationError",
    "__version__",
    "find_provider",
    "from_dict",
    "from_json",
    "json_schema",
    "providers",
    "read_jsonl",
    "split",
    "to_dict",
    "to_json",
    "write_jsonl",
]
