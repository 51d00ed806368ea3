"""``copsreform schema``: print the JSON Schema of a kind of record."""

import json

import click

from copsreform.cli._common import (
    KIND_CHOICE,
    main,
)
from copsreform.schema import KINDS, json_schema


@main.command()
@click.argument("kind", type=KIND_CHOICE)
def schema(kind: str) -> None:
    """Print the JSON Schema (draft 2020-12) of KIND.

    \b
    Example:
      copsreform schema grant > grant.schema.json
    """
    click.echo(json.dumps(json_schema(KINDS[kind]), indent=2, ensure_ascii=False))


#: How many bad records ``validate`` prints by default, and how many characters at most:
#: about a screenful (30 lines of 100 columns).
