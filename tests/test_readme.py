"""The README's promises hold: its example runs and its quick start is two commands."""

import re
from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


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
