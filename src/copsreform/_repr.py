"""Short reprs for nested fields, so that a record's repr stays readable.

An engagement's repr would otherwise repeat its agency and its provider in full (the
provider's sources alone run to about a thousand characters), and a decision's its every
reason. These functions are given to ``attrs.field(repr=...)``.
"""

from collections.abc import Callable, Sized

__all__ = ["brief", "counted"]


def brief(value: object) -> str:
    """Show a nested record by its class name and its one-line ``str``.

    Args:
        value: A record with a short ``__str__``, or ``None``.

    Returns:
        ``<Class text>``, or ``None``.

    Examples:
        >>> import copsreform as cr
        >>> from copsreform._repr import brief
        >>> brief(cr.find_provider("NPI"))
        '<Provider National Policing Institute (NPI)>'
        >>> brief(None)
        'None'
    """
    if value is None:
        return "None"
    return f"<{type(value).__name__} {value}>"


def counted(noun: str) -> Callable[[Sized], str]:
    """Return a repr function that shows how many items a tuple holds, not the items.

    Args:
        noun: What the items are, singular (``"reason"``).

    Returns:
        A callable for ``attrs.field(repr=...)``.

    Examples:
        >>> from copsreform._repr import counted
        >>> counted("reason")((1, 2, 3)), counted("reason")(())
        ('<3 reasons>', '()')
    """

    def show(items: Sized) -> str:
        if not len(items):
            return "()"
        return f"<{len(items)} {noun}{'' if len(items) == 1 else 's'}>"

    return show
