"""The terminal sessions of the how-to pages run as shown, in a real shell.

Every ``.. code-block:: console`` block of ``docs/howto/`` with the option ``:class:
session`` is a session: each ``$ `` line (continued by a trailing backslash) is a command,
and the lines below it, up to the next command, are what it prints (standard output and
standard error, as a terminal shows them). The blocks of one page run in order in one
shell, in an empty folder, with the ``copsreform`` of this environment on the PATH, as a
reader would type them right after installing. ``...`` in the shown output stands for
any text (a path that differs between machines).
"""

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HOWTO = Path(__file__).resolve().parent.parent / "docs" / "howto"
_BLOCK = re.compile(
    r"^\.\. code-block:: console\n   :class: session\n\n((?:   .*\n|\n)+)", re.MULTILINE
)
_END = "@@@copsreform-docs-session-end@@@"


def sessions(page: Path) -> list[list[tuple[str, str]]]:
    """The page's sessions: for each block, its ``(command, shown output)`` pairs."""
    found = []
    for block in _BLOCK.findall(page.read_text(encoding="utf-8")):
        lines = [line[3:] for line in block.rstrip("\n").split("\n")]
        if not lines or not lines[0].startswith("$ "):
            continue
        steps: list[tuple[str, list[str]]] = []
        continued = False
        for line in lines:
            if continued:
                steps[-1] = (steps[-1][0] + "\n" + line, steps[-1][1])
            elif line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
            continued = line.endswith("\\")
        found.append([(command, "\n".join(shown)) for command, shown in steps])
    return found


def run_session(steps: list[tuple[str, str]], folder: Path) -> list[str]:
    """Run the commands in one shell; return what each printed."""
    script = "".join(
        f"{command} 2>&1\n__status=$?\nprintf '\\n{_END}\\n'\n(exit $__status)\n"
        for command, _ in steps
    )
    scripts = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONUNBUFFERED": "1",  # stdout and stderr in the order a terminal shows them
    }
    done = subprocess.run(
        ["bash", "-c", script],  # noqa: S607 - the shell a reader types into
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    printed = done.stdout.split(f"\n{_END}\n")
    return [text.rstrip("\n") for text in printed[: len(steps)]]


PAGES = sorted(page for page in HOWTO.glob("*.rst") if sessions(page))


def test_the_how_to_pages_have_sessions() -> None:
    assert {p.name for p in PAGES} >= {"usaspending.rst", "validate.rst", "eligibility-matrix.rst"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_session_prints_what_the_page_shows(page: Path, tmp_path: Path) -> None:
    checker = doctest.OutputChecker()
    for steps in sessions(page):
        printed = run_session(steps, tmp_path)
        for (command, shown), got in zip(steps, printed, strict=True):
            want = "\n".join(line.rstrip() for line in shown.split("\n")) + "\n"
            got_lines = "\n".join(line.rstrip() for line in got.split("\n")) + "\n"
            assert checker.check_output(want, got_lines, doctest.ELLIPSIS), (
                f"{page.name}: $ {command}\n--- shown ---\n{want}--- printed ---\n{got_lines}"
            )
