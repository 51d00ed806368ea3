"""Sphinx configuration for the copsreform documentation.

Build (warnings are errors, every reference must resolve)::

    python -m sphinx -W --keep-going -n -b html docs docs/_build/html
    python -m sphinx -W --keep-going -n -b doctest docs docs/_build/doctest

The build never touches the network unless ``COPSREFORM_DOCS_INTERSPHINX=1`` is set
(see the intersphinx section below).
"""

import doctest
import os
import re
import sys
from importlib import metadata
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

# The package lives in src/ (src layout); local extensions live in docs/_ext/.
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(DOCS / "_ext"))

# -- Project -------------------------------------------------------------------------

project = "copsreform"
author = "copsreform contributors"
copyright = "copsreform contributors"


def _release() -> str:
    """Return the version of the installed package, else the one in pyproject.toml."""
    try:
        return metadata.version("copsreform")
    except metadata.PackageNotFoundError:
        text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        found = re.search(r'^version = "([^"]+)"$', text, flags=re.MULTILINE)
        if found is None:
            raise RuntimeError("pyproject.toml has no project version") from None
        return found.group(1)


release = _release()
version = ".".join(release.split(".")[:2])
language = "en"

# -- General -------------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    # Local: the public sources the domain guide cites, and the confidence labels.
    "citations",
    # Local: root names (cr.Grant), type variables and attribute docstrings under nitpicky.
    "api_refs",
    # Local: the public-API table and the JSON format tables and examples.
    "reference_tables",
    # Local: the command-line reference, from the click command definitions.
    "cli_reference",
    # Local: the model, lifecycle and funding diagrams, drawn as SVG at build time.
    "diagrams",
    # Local: the rule tables of reference/rules, generated from the rule data.
    "rules_table",
    # Local: the performance page's tables, from the committed benchmark results.
    "bench_results",
    # Local: the DataFrame how-to's cost and size table, from bench/results/columnar.json.
    "columnar_results",
    # The DataFrame how-to's chart, drawn with matplotlib from the code it shows.
    "matplotlib.sphinxext.plot_directive",
    # Local: the linker measured on the labelled awards, and its committed timing.
    "linking_eval",
    # Local: the engagement and provider tables and chart, from the shipped data.
    "engagement_tables",
]

exclude_patterns = ["_build", "_ext", "_generated", "Thumbs.db", ".DS_Store"]

# Every cross-reference must resolve; with -W a dangling one fails the build.
nitpicky = True

# -- autodoc and napoleon ------------------------------------------------------------

autodoc_typehints = "description"
autodoc_member_order = "bysource"
# ``undoc-members``: attrs fields and enum members carry no docstring of their own (the
# class's ``Args:`` describes them), yet they are the public surface: list them.
autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": True}
# Pages show ``Agency``, not ``copsreform.agency.Agency``: the page title names the module.
add_module_names = False

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
# ``Attributes:`` sections render as fields; the attributes themselves are documented
# once, by autodoc (see ``undoc-members``), so each has one target.
napoleon_use_ivar = True

# -- doctest -------------------------------------------------------------------------

# Every example shows its own imports, as a reader would type them; the setup only
# points at the real public files the tests use (``DATA``) and relaxes Hypothesis.
doctest_global_setup = f"""
import pathlib as _pathlib

# The real public files the tests use, for examples that read a file.
DATA = _pathlib.Path({str(ROOT / "tests" / "data")!r})

# Property-test examples must pass on a slow or busy machine too: no time limits.
from hypothesis import HealthCheck, settings
settings.register_profile(
    "docs", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("docs")
"""

# Sphinx's default also ignores exception details; the docs show error messages on
# purpose, so they are checked word for word.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1

# Only ``.. doctest::`` and ``.. testcode::`` blocks run in the docs build. The ``>>>``
# examples in the docstrings that autodoc pulls in are written for their module's
# namespace and run in pytest (``--doctest-modules``); run here, without that namespace,
# they would fail on names the module imports.
doctest_test_doctest_blocks = ""

# -- plots ---------------------------------------------------------------------------

# ``.. plot::`` runs its code at build time (a failure fails the build) and shows one
# PNG, without links to other formats.
plot_formats = [("png", 110)]
plot_html_show_formats = False
plot_html_show_source_link = False
plot_include_source = True
plot_rcparams = {"figure.dpi": 110, "savefig.bbox": "tight"}

# -- intersphinx ---------------------------------------------------------------------
#
# Links into the Python, attrs and cattrs documentation need their inventories
# (objects.inv). Fetching them needs the network, and a failed fetch is a warning,
# which -W turns into a failed build. So the default build fetches nothing:
# intersphinx stays loaded but has no mapping, and references to those projects are
# excused from nitpicky mode below (they render as plain text instead of links).
#
# Set COPSREFORM_DOCS_INTERSPHINX=1 (a release build, or CI with network access) to
# fetch the inventories and turn those references into links. To build linked docs
# offline, download the objects.inv files and put their paths in place of the
# ``None`` entries.

INTERSPHINX = os.environ.get("COPSREFORM_DOCS_INTERSPHINX") == "1"

_EXTERNAL_DOCS = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable", None),
    "cattrs": ("https://catt.rs/en/stable", None),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest", None),
}

intersphinx_mapping = _EXTERNAL_DOCS if INTERSPHINX else {}
intersphinx_timeout = 10

if not INTERSPHINX:
    # Without inventories these targets cannot resolve; without this list, nitpicky
    # mode would fail on every ``str`` or ``datetime.date`` in a signature.
    nitpick_ignore_regex = [
        (r"py:.*", r"(attrs|attr|cattrs|cattr)(\..*)?"),
        # copsreform.testing returns Hypothesis strategies (SearchStrategy).
        (r"py:.*", r"hypothesis(\..*)?"),
        # copsreform.arrow returns pyarrow and pandas objects (optional dependencies).
        (r"py:.*", r"(pa|pyarrow|pd|pandas)(\..*)?"),
        (
            r"py:.*",
            (
                r"(abc|collections|collections\.abc|datetime|decimal|enum|os|pathlib|re"
                r"|typing|typing_extensions|types|io|json|csv)(\..*)?"
            ),
        ),
        (
            r"py:(class|exc|obj)",
            (
                r"(str|int|float|bool|bytes|dict|list|set|frozenset|tuple|object|type"
                r"|None|Ellipsis|Exception|ValueError|TypeError|KeyError|LookupError)"
            ),
        ),
    ]

# A generic class's bases name its type variable (batch.Outcomes is an Iterator[T]).
nitpick_ignore = [("py:class", "T")]

# -- HTML ----------------------------------------------------------------------------

html_theme = "furo"
html_title = "copsreform"
html_static_path = ["_static"]
html_css_files = ["copsreform.css"]
