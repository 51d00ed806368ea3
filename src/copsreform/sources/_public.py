"""How an importer package presents the functions its private modules define."""

import types
from collections.abc import Iterable, Mapping

__all__ = ["present"]


def present(namespace: Mapping[str, object], names: Iterable[str]) -> None:
    """Give each public function in ``names`` the package's name as its module.

    An importer package (:mod:`copsreform.sources.cde`) gathers functions that private
    modules of it define; users import them from the package, so the reference
    documents, links and pickles them under the package's name.

    Args:
        namespace: The package's ``globals()``.
        names: Its public names, ``__all__``; names of other than functions are skipped.

    Examples:
        >>> from copsreform.sources.cde import read_cde
        >>> read_cde.__module__
        'copsreform.sources.cde'
    """
    for name in names:
        function = namespace[name]
        if isinstance(function, types.FunctionType):
            function.__module__ = str(namespace["__name__"])
