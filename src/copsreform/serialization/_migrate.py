"""Format versions: bring an older document up to the version this release reads.

A document may carry ``"format_version"``; one without it is read as version 1. Each
future version adds one step here that takes a version N document to N + 1.
"""

from typing import Any

from copsreform._wire import FORMAT_VERSION, VERSION_KEY
from copsreform.errors import ValidationError


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of a document brought up to :data:`FORMAT_VERSION`, without the key."""
    copy = data.copy()
    migrate_in_place(copy)
    return copy


def migrate_in_place(data: dict[str, Any]) -> None:
    """Bring a document up to :data:`FORMAT_VERSION` and drop the version key."""
    version = data.pop(VERSION_KEY)
    if type(version) is not int or version < 1:
        raise ValidationError.single("must be a positive int", version, (VERSION_KEY,))
    if version > FORMAT_VERSION:
        raise ValidationError.single(
            f"is newer than this copsreform reads (format {FORMAT_VERSION}); upgrade copsreform",
            version,
            (VERSION_KEY,),
        )
    # Future versions add steps here, each taking a version N document to N + 1, for
    # example: ``if version < 2: _migrate_1_to_2(data)``.
