"""Docstring examples run as a reader would paste them: with only their own imports.

pytest's ``--doctest-modules`` runs each docstring's examples in a copy of its module's
namespace, so an example could use ``Decimal`` or ``dt`` that the module imports and still
pass, while failing in a reader's REPL. Emptying that namespace makes every example show
its imports.
"""

import pytest
from _pytest.doctest import DoctestItem


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give every docstring example an empty namespace (only `__name__`)."""
    for item in items:
        if isinstance(item, DoctestItem) and item.dtest is not None:
            name = item.dtest.globs.get("__name__")
            item.dtest.globs.clear()
            item.dtest.globs["__name__"] = name
