"""Collection rules for the whole suite (tests and the package's doctests)."""

import pytest


def _have_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the examples of copsreform.arrow where the arrow extra is not installed.

    The core is tested without pyarrow too; the checks run with it installed.
    """
    if _have_pyarrow():
        return
    skip = pytest.mark.skip(reason='needs the arrow extra: pip install "copsreform[arrow]"')
    for item in items:
        if item.nodeid.startswith("src/copsreform/arrow.py::"):
            item.add_marker(skip)
