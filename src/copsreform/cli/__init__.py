"""The ``copsreform`` command-line tool.

Commands: ``import`` (USAspending or FBI files to JSON Lines, CSV or Parquet), ``validate``
(check a file of grants, agencies or engagements), ``eligibility`` (decide an agency, or a
file of agencies, against the programs), ``summary`` (totals of a grants file), ``schema``
(print a JSON Schema) and ``engagements`` (the public CRI engagements copsreform ships).

Exit status: 0 when all is well, 1 when the data has problems, 2 for a usage error.
Errors print as one line on stderr; ``--debug`` shows the traceback. When the reader of
the output goes away early (``copsreform validate ... | head -1``), the command finishes
its work with the rest of its output discarded, so its exit status is still that of the
whole file.

Examples:
    >>> from click.testing import CliRunner
    >>> from copsreform.cli import main
    >>> result = CliRunner().invoke(main, ["schema", "organization"])
    >>> result.exit_code, '"title": "Organization"' in result.output
    (0, True)
"""

from copsreform.cli._common import (
    EXIT_DATA as EXIT_DATA,
)
from copsreform.cli._common import (
    EXIT_OK as EXIT_OK,
)
from copsreform.cli._common import (
    FORMAT_OPTION as FORMAT_OPTION,
)
from copsreform.cli._common import (
    KIND_CHOICE as KIND_CHOICE,
)
from copsreform.cli._common import (
    OUTPUT_FORMATS as OUTPUT_FORMATS,
)
from copsreform.cli._common import (
    OUTPUT_OPTION as OUTPUT_OPTION,
)
from copsreform.cli._common import (
    REPORT_OPTION as REPORT_OPTION,
)
from copsreform.cli._common import (
    atomic_output as atomic_output,
)
from copsreform.cli._common import (
    check_outputs as check_outputs,
)
from copsreform.cli._common import (
    main as main,
)
from copsreform.cli._common import (
    output_format_of as output_format_of,
)
from copsreform.cli._common import (
    read_records as read_records,
)
from copsreform.cli._common import (
    run_with_progress as run_with_progress,
)
from copsreform.cli._data import (
    BUNDLED_FILES as BUNDLED_FILES,
)
from copsreform.cli._data import (
    bundled_path as bundled_path,
)
from copsreform.cli._data import (
    data as data,
)
from copsreform.cli._data import (
    data_list as data_list,
)
from copsreform.cli._data import (
    data_path as data_path,
)
from copsreform.cli._eligibility import (
    eligibility as eligibility,
)
from copsreform.cli._engagements import (
    engagements as engagements,
)
from copsreform.cli._imports import (
    import_ as import_,
)
from copsreform.cli._link import (
    link as link,
)
from copsreform.cli._link import (
    link_counts as link_counts,
)
from copsreform.cli._schema import (
    schema as schema,
)
from copsreform.cli._summary import (
    summary as summary,
)
from copsreform.cli._summary import (
    totals_by as totals_by,
)
from copsreform.cli._validate import (
    SCREENFUL_CHARS as SCREENFUL_CHARS,
)
from copsreform.cli._validate import (
    SHOWN_BY_DEFAULT as SHOWN_BY_DEFAULT,
)
from copsreform.cli._validate import (
    validate as validate,
)

__all__ = ["main"]
