#!/usr/bin/env python3
"""Set up and run copsreform's demo and checks with nothing but Python 3.10+.

Usage:
    python3 dev.py demo     # create .venv, install copsreform, run the real-data demo
    python3 dev.py check    # create .venv, install with dev extras, run every check
    python3 dev.py docs     # build the HTML documentation into docs/_build/html
    python3 dev.py bench    # run the benchmark suite (installs the bench-only contenders)

The virtual environment lives in ``.venv`` beside this file and is reused while
``pyproject.toml`` is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _run(*args: str | Path, check: bool = True) -> int:
    print("$", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, check=check).returncode


def setup(extras: str) -> None:
    """Create the virtual environment and install copsreform with ``extras`` if needed."""
    if sys.version_info < (3, 10):  # noqa: UP036 - this script must explain itself on old Pythons
        sys.exit(f"copsreform needs Python 3.10 or newer (this is {sys.version.split()[0]})")
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and PYTHON.exists():
        return
    if not PYTHON.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
    stamp.write_text(digest)


def demo() -> int:
    """Run the demo on the bundled real data."""
    setup("")
    return _run(PYTHON, ROOT / "examples" / "demo.py", check=False)


CHECKS: list[tuple[str, list[str]]] = [
    ("ruff lint", ["-m", "ruff", "check", "."]),
    ("ruff format", ["-m", "ruff", "format", "--check", "."]),
    ("mypy --strict", ["-m", "mypy"]),
    ("spelling", ["-m", "codespell_lib", "src", "docs", "README.md", "examples", "tests"]),
    ("pytest (tests, doctests, examples)", ["-m", "pytest", "-q", "-p", "no:cacheprovider"]),
    (
        "docs (html, warnings are errors)",
        [
            "-m",
            "sphinx",
            "-q",
            "-W",
            "--keep-going",
            "-n",
            "-b",
            "html",
            "docs",
            "docs/_build/html",
        ],
    ),
    (
        "docs (doctest)",
        [
            "-m",
            "sphinx",
            "-q",
            "-W",
            "--keep-going",
            "-b",
            "doctest",
            "docs",
            "docs/_build/doctest",
        ],
    ),
]


def check() -> int:
    """Run every check; report each and fail if any fails."""
    setup("dev")
    results = []
    for name, args in CHECKS:
        print(f"\n=== {name}", flush=True)
        started = time.monotonic()
        code = _run(PYTHON, *args, check=False)
        results.append((name, code, time.monotonic() - started))
    print("\n=== summary")
    for name, code, seconds in results:
        print(f"{'ok  ' if code == 0 else 'FAIL'} {name} ({seconds:.1f}s)")
    failed = [name for name, code, _ in results if code != 0]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def docs() -> int:
    """Build the HTML documentation."""
    setup("docs")
    return _run(PYTHON, "-m", "sphinx", "-b", "html", "docs", "docs/_build/html", check=False)


def bench() -> int:
    """Run the benchmark suite."""
    setup("dev")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "-r", ROOT / "bench" / "requirements.txt")
    return _run(PYTHON, ROOT / "bench" / "run.py", *sys.argv[2:], check=False)


COMMANDS = {"demo": demo, "check": check, "docs": docs, "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    sys.exit(COMMANDS[sys.argv[1]]())
