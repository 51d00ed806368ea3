"""Collection rules for the whole suite (tests and the package's doctests).

Docstring examples run as a reader would paste them: with only their own imports.
pytest's ``--doctest-modules`` runs each docstring's examples in a copy of its module's
namespace, so an example could use ``Decimal`` or ``dt`` that the module imports and still
pass, while failing in a reader's REPL. Emptying that namespace makes every example show
its imports.
"""

import pytest
from _pytest.doctest import DoctestItem


def _have_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give every docstring example an empty namespace; skip arrow examples without pyarrow.

    The core is tested without pyarrow too; the checks run with it installed.
    """
    for item in items:
        if isinstance(item, DoctestItem) and item.dtest is not None:
            name = item.dtest.globs.get("__name__")
            item.dtest.globs.clear()
            item.dtest.globs["__name__"] = name
    if _have_pyarrow():
        return
    skip = pytest.mark.skip(reason='needs the arrow extra: pip install "copsreform[arrow]"')
    for item in items:
        if item.nodeid.startswith("src/copsreform/arrow.py::"):
            item.add_marker(skip)
