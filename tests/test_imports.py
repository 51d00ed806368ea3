"""No module reaches into another package's private parts.

A name starting with one underscore is private to where it is defined: a private name
(``serialization._TAG``) is used only in its own module, and a private module
(``copsreform._fields``, ``copsreform.rules._evaluate``) only inside its own package and
the packages below it. What several packages share is a public module, or a private
module of the package that holds them all.
"""

import ast
from pathlib import Path

import pytest

import copsreform

SOURCE = Path(copsreform.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(path: Path) -> str:
    module = module_name(path)
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def imported(path: Path) -> list[tuple[int, str]]:
    """Every ``copsreform...`` name a module imports, as a dotted path, with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("copsreform")]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative imports are not used"
            if (node.module or "").startswith("copsreform"):
                found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def refused(dotted: str, package: str) -> bool:
    """Whether code in ``package`` may not import ``dotted``."""
    parts = dotted.split(".")
    first = next((i for i, p in enumerate(parts) if p.startswith("_") and p[:2] != "__"), None)
    if first is None:
        return False
    owner = ".".join(parts[:first])
    owner_is_package = SOURCE.parent.joinpath(*owner.split(".")).is_dir()
    return not (owner_is_package and (package == owner or package.startswith(owner + ".")))


def test_no_module_imports_a_private_part_of_another_package() -> None:
    found = [
        f"{module_name(path)}:{line} imports {dotted}"
        for path in sorted(SOURCE.rglob("*.py"))
        for line, dotted in imported(path)
        if refused(dotted, package_of(path))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("dotted", "package", "is_refused"),
    [
        ("copsreform.serialization._TAG", "copsreform", True),
        ("copsreform.sources._io", "copsreform", True),
        ("copsreform.rules.book._listing", "copsreform.rules", True),
        ("copsreform.rules._evaluate", "copsreform.sources", True),
        ("copsreform._fields", "copsreform.rules", False),
        ("copsreform.rules._evaluate", "copsreform.rules", False),
        ("copsreform.serialization.to_dict", "copsreform.sources", False),
        ("copsreform.__version__", "copsreform.sources", False),
    ],
)
def test_the_rule_refuses_exactly_the_private_parts_of_others(
    dotted: str, package: str, is_refused: bool
) -> None:
    assert refused(dotted, package) is is_refused
