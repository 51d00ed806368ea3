"""The README's promises hold: its example runs and its quick start is two commands."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_python_example_runs_and_decides_eligible(capsys: object) -> None:
    [code] = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.startswith(
        "Boston Police Department (MA0130100): ELIGIBLE for Critical Response, FY2024"
    )


def test_the_quick_start_is_exactly_the_demo_and_check_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    [block] = re.findall(r"```console\n(.*?)```", quick_start, flags=re.DOTALL)
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["python3 dev.py demo", "python3 dev.py check"]


def test_ci_runs_the_check_command() -> None:
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 dev.py check" in ci


def test_the_shell_examples_run_as_written_in_an_empty_folder(tmp_path: Path) -> None:
    """Each line of the README's shell block, run by a real shell right after install."""
    block = README.split("From the shell", 1)[1]
    [commands] = re.findall(r"```console\n(.*?)```", block, flags=re.DOTALL)
    scripts = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    for command in commands.strip().splitlines():
        done = subprocess.run(  # noqa: S602 - the README's own shell lines, run as a reader would
            command,
            shell=True,
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, (command, done.stderr)
        assert "Traceback" not in done.stderr
    assert (tmp_path / "grants.jsonl").read_text().count("\n") == 100
    assert (tmp_path / "rejected.jsonl").read_text().count("\n") == 5


def test_the_shown_explain_output_is_what_the_example_prints(capsys: object) -> None:
    [code] = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    printed = capsys.readouterr().out  # type: ignore[attr-defined]
    [shown] = re.findall(r"```text\n(.*?)\n\.\.\.\n```", README, flags=re.DOTALL)
    assert printed.startswith(shown + "\n")


def _install_commands(text: str) -> list[str]:
    block = re.search(
        r"(?:```console|\.\. code-block:: console)\n\n?(.*?)(?:```|\n\n\S)", text, re.S
    )
    assert block is not None
    lines = [line.strip().removeprefix("$ ") for line in block.group(1).splitlines()]
    return [line.split("#")[0].strip() for line in lines if line]


def test_the_readme_and_the_landing_page_install_the_same_way() -> None:
    landing = (ROOT / "docs" / "index.rst").read_text(encoding="utf-8")
    readme_install = README.split("## Install", 1)[1]
    landing_install = landing.split("Install\n-------", 1)[1]
    commands = _install_commands(readme_install)
    assert commands == _install_commands(landing_install)
    assert "python3 -m pip install ." in commands
    assert "pip install copsreform" not in landing
