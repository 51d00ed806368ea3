"""Public sources: the documents a record rests on, with their address.

A :class:`PublicSource` names one public document: its title, its URL, who published it, when,
and whether the copy at that URL is an official one. *Official* means the document is
read at its publisher's own address when the publisher is a government body: the COPS
Office (``cops.usdoj.gov``), the Department of Justice and the U.S. Attorneys
(``justice.gov``), another ``.gov`` site, or the agency itself. A copy of an official
report on a document-sharing site, a newspaper story or a provider's own page is not
official: a fact that rests only on such sources is inferred, not verified.

The rules cite theirs differently, as entries of the rule book's register
(:class:`copsreform.Source`: an id, a title and URLs); a :class:`PublicSource` is one
document an engagement rests on, with its publisher and date.

Examples:
    >>> import datetime as dt
    >>> from copsreform import PublicSource
    >>> s = PublicSource(title="Department of Justice Releases Report on Philadelphia Police "
    ...            "Department's Use of Deadly Force",
    ...            url="https://www.justice.gov/opa/pr/department-justice-releases-report-"
    ...                "philadelphia-police-departments-use-deadly-force",
    ...            publisher="U.S. Department of Justice", official=True)
    >>> s.official, s.domain
    (True, 'www.justice.gov')
    >>> PublicSource(title="A report", url="ftp://example.org/report.pdf")
    Traceback (most recent call last):
    ...
    copsreform.errors.ValidationError: 'PublicSource.url' must be an http:// or https:// address without spaces (got 'ftp://example.org/report.pdf')
"""

import datetime as dt
import re
from typing import Any, Final

import attrs

from copsreform import _fields as f

__all__ = ["PublicSource"]

#: Longest URL accepted, in characters.
MAX_URL: Final = 2_000
#: What a URL must be, for ``fullmatch``: http or https, a host, then no whitespace.
PATTERN: Final = r"https?://[^\s/?#]+\S*"
_URL: Final = re.compile(PATTERN)


def _url(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, str):
        f.fail(instance, attribute, "must be a string", value)
    elif len(value) > MAX_URL:
        f.fail(instance, attribute, f"must be at most {MAX_URL} characters", value)
    elif not _URL.fullmatch(value):
        f.fail(instance, attribute, "must be an http:// or https:// address without spaces", value)


@attrs.frozen
class PublicSource:
    """One public document a record rests on.

    Args:
        title: The document's title (or a short description of it).
        url: Where it can be read: an ``http://`` or ``https://`` address.
        publisher: Who published it (``"COPS Office"``, ``"Tampa Bay Times"``), if known.
        date: When it was published, if known.
        official: Whether the copy at ``url`` is an official one (see the module text).

    Raises:
        ValidationError: If a field is refused, naming ``PublicSource.<field>``.

    Examples:
        >>> from copsreform.citation import PublicSource
        >>> import datetime as dt
        >>> PublicSource(title="COPS Office release on the Boston Police Department",
        ...        url="https://www.einpresswire.com/article/734178115/",
        ...        date=dt.date(2024, 8, 8)).date
        datetime.date(2024, 8, 8)
    """

    title: str = attrs.field(converter=f.fold_spaces, validator=f.name)
    url: str = attrs.field(validator=_url, metadata={f.SCHEMA: {"maxLength": MAX_URL}})
    publisher: str | None = attrs.field(
        default=None, converter=f.fold_spaces_or_none, validator=f.optional(f.name)
    )
    date: dt.date | None = attrs.field(default=None, validator=f.optional(f.day))
    official: bool = attrs.field(default=False, validator=f.boolean)

    @property
    def domain(self) -> str:
        """The host part of :attr:`url` (``"cops.usdoj.gov"``)."""
        return self.url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
