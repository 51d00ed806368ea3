"""Sphinx extension: cite public sources and label how sure each fact is.

Roles:

``:source:`S1```, ``:source:`S4, S5```
    A bracketed link to each source (``[S4, S5]``); the link opens the source itself
    and its tooltip gives the title. Keys come from :mod:`domain_sources`; an unknown
    key is a build warning (an error under ``-W``).

``:inferred:`note```
    Marks a statement that follows from verified material but is not said by any
    source. Renders as ``(inferred: note)``.

``:unverified:`note```
    Marks a statement no reliable source confirms. Renders as ``(unverified: note)``.
    The guide never states such a fact as settled.

Directive:

``.. source-list::``
    The register of every source, with links, repository, paths and commit.

A source in the register that no page cites is also a build warning, so the register
and the pages cannot drift apart.
"""

from collections.abc import Iterable
from typing import Any

from docutils import nodes
from domain_sources import RULE_BOOK_SOURCES, SOURCES, Source
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

logger = logging.getLogger(__name__)

_ENV_KEY = "copsreform_cited_sources"


def _cited(env: BuildEnvironment) -> dict[str, set[str]]:
    """Return the map from document name to the source keys it cites."""
    if not hasattr(env, _ENV_KEY):
        setattr(env, _ENV_KEY, {})
    cited: dict[str, set[str]] = getattr(env, _ENV_KEY)
    return cited


def _keys(text: str) -> list[str]:
    """Split ``"S1, S2"`` or ``"S1 S2"`` into keys."""
    return [key for key in text.replace(",", " ").split() if key]


class SourceRole(SphinxRole):
    """``:source:`S1, S2``` renders ``[S1, S2]``, each key a link to its source."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        keys = _keys(self.text)
        if not keys:
            logger.warning("the source role needs at least one key", location=self.get_location())
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        wrapper = nodes.inline(classes=["source-refs"])
        wrapper += nodes.Text("[")
        for i, key in enumerate(keys):
            source = SOURCES.get(key) or RULE_BOOK_SOURCES.get(key)
            if source is None:
                logger.warning("unknown source key %r", key, location=self.get_location())
                return [nodes.problematic(self.rawtext, self.rawtext)], []
            _cited(self.env).setdefault(self.env.docname, set()).add(key)
            if i:
                wrapper += nodes.Text(", ")
            wrapper += nodes.reference(
                key, key, refuri=source.urls[0], reftitle=source.title, classes=["source-ref"]
            )
        wrapper += nodes.Text("]")
        return [wrapper], []


class ConfidenceRole(SphinxRole):
    """``:inferred:`note``` and ``:unverified:`note``` render a visible label."""

    def __init__(self, label: str) -> None:
        self.label = label

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        note = " ".join(self.text.split())
        if not note:
            logger.warning("the %s role needs a note", self.label, location=self.get_location())
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        label = nodes.inline(classes=["confidence", f"confidence-{self.label}"])
        label += nodes.Text("(")
        label += nodes.strong(self.label, self.label)
        label += nodes.Text(f": {note})")
        return [label], []


class SourceListDirective(SphinxDirective):
    """Print the register of sources as a definition list."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        items = nodes.definition_list(classes=["source-list"])
        for source in SOURCES.values():
            items += self._item(source)
        return [items]

    def _item(self, source: Source) -> nodes.definition_list_item:
        term = nodes.term(source.key, source.key)
        term["ids"].append(nodes.make_id(f"source-{source.key}"))
        body = nodes.definition()
        body += nodes.paragraph(source.title, source.title)
        links = nodes.paragraph()
        for i, url in enumerate(source.urls):
            if i:
                links += nodes.Text(" · ")
            links += nodes.reference(url, url, refuri=url)
        body += links
        if source.repo:
            facts = nodes.paragraph()
            facts += nodes.Text("Repository: ")
            facts += nodes.literal(source.repo, source.repo)
            if source.paths:
                facts += nodes.Text("; path: ")
                for i, path in enumerate(source.paths):
                    if i:
                        facts += nodes.Text(", ")
                    facts += nodes.literal(path, path)
            if source.commit:
                facts += nodes.Text("; commit ")
                facts += nodes.literal(source.commit, source.commit)
            body += facts
        return nodes.definition_list_item("", term, body)


def _purge(_app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _cited(env).pop(docname, None)


def _merge(
    _app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: BuildEnvironment
) -> None:
    theirs = _cited(other)
    for docname in docnames:
        if docname in theirs:
            _cited(env)[docname] = theirs[docname]


def _check_all_cited(_app: Sphinx, env: BuildEnvironment) -> None:
    used = set().union(*_cited(env).values()) if _cited(env) else set()
    for key in SOURCES:
        if key not in used:
            logger.warning("source %r is in the register but no page cites it", key)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the roles, the directive and the consistency check."""
    app.add_role("source", SourceRole())
    app.add_role("inferred", ConfidenceRole("inferred"))
    app.add_role("unverified", ConfidenceRole("unverified"))
    app.add_directive("source-list", SourceListDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _check_all_cited)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
