"""The machine the numbers were taken on, the targets, and the tables (text and Markdown)."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

LIBRARIES = ("copsreform", "attrs", "cattrs", "pydantic", "pydantic-core", "msgspec", "orjson")


def cpu_model() -> str:
    """The CPU model as /proc/cpuinfo names it (or what platform knows elsewhere)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def source_state() -> str:
    """The commit of the working tree and whether src/ differs from it (editable install)."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],  # noqa: S607
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' + uncommitted changes in src/' if dirty else ''}"


def machine() -> dict[str, Any]:
    """What the results were measured on."""
    versions = {name: _version(name) for name in LIBRARIES}
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count()
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "libraries": versions,
        "source": source_state(),
    }


def machine_line(info: dict[str, Any]) -> str:
    """One line that names the machine."""
    libs = ", ".join(f"{k} {v}" for k, v in info["libraries"].items() if v)
    return (
        f"{info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
        f"{info['python']}, {info['platform']}; load average at start "
        f"{'/'.join(str(x) for x in info['load_average_at_start'])}"
        + (
            f", at end {'/'.join(str(x) for x in info['load_average_at_end'])}"
            if "load_average_at_end" in info
            else ""
        )
        + f"; {info['date']}. {libs}; "
        f"copsreform source: {info.get('source', 'unknown')}"
    )


@dataclass(frozen=True)
class Target:
    """One target of the issue: a measured value against a limit."""

    label: str
    limit: float
    higher_is_better: bool = False

    def judge(self, value: float | None) -> str:
        """PASS or MISS (by how much), or n/a when not measured."""
        if value is None:
            return "n/a"
        ok = value >= self.limit if self.higher_is_better else value <= self.limit
        if ok:
            return "PASS"
        factor = self.limit / value if self.higher_is_better else value / self.limit
        return f"MISS ({factor:.2f}x off)"

    @property
    def text(self) -> str:
        """The limit as written in the issue."""
        if self.higher_is_better:
            return f">= {self.limit:,.0f}/s"
        return f"<= {self.limit:g}x"


TARGETS = {
    "decode_gc_on": Target("decode, collector on (vs pydantic)", 0.8),
    "decode_gc_off": Target("decode, collector off (vs pydantic)", 1.0),
    "encode": Target("encode (vs pydantic)", 0.5),
    "memory": Target("memory per record (vs pydantic)", 0.3),
    "import_cde": Target("import FBI 2018 list (vs bare parse)", 3.0),
    "import_usaspending": Target("import USAspending page (vs bare parse)", 5.0),
    "eligibility": Target("eligibility decisions per second", 100_000, higher_is_better=True),
}


def fmt_ratio(value: float | None) -> str:
    """A ratio such as ``0.83x``, or a dash."""
    return "-" if value is None else f"{value:.2f}x"


def fmt_number(value: float | None, digits: int = 2) -> str:
    """A number with thousands separators, or a dash."""
    return "-" if value is None else f"{value:,.{digits}f}"


def markdown_table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """A GitHub Markdown table; ``align`` is one letter per column (l or r)."""
    align = align or "l" + "r" * (len(header) - 1)
    marks = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def text_table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """A plain-text table with aligned columns."""
    align = align or "l" + "r" * (len(header) - 1)
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            f"{c:<{w}}" if a == "l" else f"{c:>{w}}"
            for c, w, a in zip(cells, widths, align, strict=True)
        ).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in rows]
    return "\n".join(out)
