"""``copsreform data``: list and locate the real public files bundled with the package."""

from importlib import resources
from pathlib import Path
from typing import Final

import click

from copsreform.cli._common import main

# data ----------------------------------------------------------------------------------

#: The real public files bundled with the package: name, path inside the package, what.
BUNDLED_FILES: Final = {
    "usaspending-wa-page": (
        "data/usaspending/spending_by_award_16710_WA_page1.json",
        (
            "USAspending spending_by_award API page: 100 COPS awards (listing 16.710) to "
            "recipients in Washington; import it with --listing 16.710 --state WA"
        ),
    ),
    "fbi-agencies-2018": (
        "data/cde/agencies-by-state-2018.json.gz",
        (
            "FBI Crime Data Explorer list of agencies by state, 2018 (23,243 agencies; 5 "
            "known bad records)"
        ),
    ),
    "providers": (
        "data/providers.json",
        "registry of Collaborative Reform technical assistance providers, with sources",
    ),
    "rules": (
        "data/rules.json",
        "eligibility and award rules, effective-dated, with sources",
    ),
    "engagements": (
        "data/engagements.json",
        "public Collaborative Reform Initiative engagements since 2011, each with its sources",
    ),
}


def bundled_path(name: str) -> Path:
    """Return where a bundled data file is on disk.

    Args:
        name: A name of :data:`BUNDLED_FILES`, or the file's own name.

    Returns:
        The file's path.

    Raises:
        click.BadParameter: If no bundled file has that name.

    Examples:
        >>> from copsreform.cli import bundled_path
        >>> bundled_path("fbi-agencies-2018").name
        'agencies-by-state-2018.json.gz'
    """
    for key, (inside, _) in BUNDLED_FILES.items():
        if name in (key, Path(inside).name):
            return Path(str(resources.files("copsreform").joinpath(inside)))
    raise click.BadParameter(
        f"no bundled file is named {name!r}; 'copsreform data list' shows them",
        param_hint="'NAME'",
    )


@main.group()
def data() -> None:
    """The real public files that come with copsreform, for trying the commands.

    \b
    Examples:
      copsreform data list
      copsreform import cde "$(copsreform data path fbi-agencies-2018)" -o agencies.jsonl
    """


@data.command(name="list")
def data_list() -> None:
    """List the bundled files: name, file and what each holds.

    \b
    Example:
      copsreform data list
    """
    width = max(len(name) for name in BUNDLED_FILES)
    for name, (inside, what) in BUNDLED_FILES.items():
        click.echo(f"{name:<{width}}  {Path(inside).name}")
        click.echo(f"{'':<{width}}  {what}")


@data.command(name="path")
@click.argument("name")
def data_path(name: str) -> None:
    """Print where the bundled file NAME is, for use in other commands.

    \b
    Example:
      copsreform summary "$(copsreform data path usaspending-wa-page)"
    """
    click.echo(str(bundled_path(name)))
