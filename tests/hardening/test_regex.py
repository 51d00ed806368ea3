"""Every regular expression in copsreform runs in linear time on hostile input.

Two checks. A static one reads each pattern's parse tree and refuses nested unbounded
quantifiers (``(a+)*``), the shape behind catastrophic backtracking, unless each
repetition of the outer group must start with a character the inner one cannot match
(``(-[A-Z0-9]+)*`` is safe). A dynamic one times each pattern on adversarial strings of
10,000 characters built from the pattern's own characters, with a failing character at
the end to force backtracking.
"""

import ast
import importlib
import pkgutil
import re
import time
from pathlib import Path
from typing import Any

import pytest

import copsreform
from copsreform import schema

_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

SRC = Path(copsreform.__file__).resolve().parent
LENGTH = 10_000
BUDGET_SECONDS = 0.05
UNBOUNDED = _constants.MAXREPEAT
REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
RE_FUNCTIONS = {"compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall",
                "finditer"}  # fmt: skip


def _module_patterns() -> dict[str, re.Pattern[str]]:
    """Compiled patterns held by any module of the package, also inside containers."""
    found: dict[str, re.Pattern[str]] = {}

    def visit(value: object, depth: int) -> None:
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found[value.pattern] = value
        elif depth < 4 and isinstance(value, tuple | list | frozenset | set):
            for item in value:
                visit(item, depth + 1)
        elif depth < 4 and isinstance(value, dict):
            for item in value.values():
                visit(item, depth + 1)

    for info in pkgutil.walk_packages(copsreform.__path__, "copsreform."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            visit(value, 0)
    return found


def _literal_patterns() -> set[str]:
    """String literals given as the pattern of an ``re`` call anywhere in src."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in RE_FUNCTIONS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def _schema_patterns() -> set[str]:
    """The patterns the JSON Schema publishes for other languages' validators."""
    patterns = {str(p) for p in schema._PATTERNS.values()}
    patterns.add(str(schema._DECIMAL["pattern"]))
    patterns.add(str(schema._DATE["pattern"]))
    return patterns


def all_patterns() -> dict[str, re.Pattern[str]]:
    patterns = _module_patterns()
    for text in _literal_patterns() | _schema_patterns():
        patterns.setdefault(text, re.compile(text))
    return patterns


PATTERNS = all_patterns()


def _chars_of_set(items: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op == _constants.LITERAL:
            chars.add(chr(av))
        elif op == _constants.RANGE:
            low, high = av
            chars.update({chr(low), chr(high), chr((low + high) // 2)})
        elif op == _constants.CATEGORY:
            chars.update("0 a_A\n")
    return chars


def _walk(tree: Any) -> Any:
    """Yield every (op, av) node of a parse tree, depth first."""
    for op, av in tree:
        yield op, av
        if op in REPEATS:
            yield from _walk(av[2])
        elif op == _constants.SUBPATTERN:
            yield from _walk(av[-1])
        elif op == _constants.BRANCH:
            for alternative in av[1]:
                yield from _walk(alternative)
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            yield from _walk(av[1])


def alphabet(pattern: str) -> str:
    """Every character the pattern names, with a sample of each class and range."""
    chars: set[str] = set()
    for op, av in _walk(_parser.parse(pattern)):
        if op == _constants.LITERAL:
            chars.add(chr(av))
        elif op == _constants.IN:
            chars |= _chars_of_set(av)
        elif op == _constants.ANY:
            chars.add("a")
    return "".join(sorted(chars)) or "a"


def sample(tree: Any) -> str:
    """A short string that follows the pattern's first alternative everywhere."""
    out: list[str] = []
    for op, av in tree:
        if op == _constants.LITERAL:
            out.append(chr(av))
        elif op == _constants.IN:
            chars = sorted(_chars_of_set(av)) or ["a"]
            out.append(chars[0])
        elif op == _constants.ANY:
            out.append("a")
        elif op in REPEATS:
            out.append(sample(av[2]) * max(av[0], 1))
        elif op == _constants.SUBPATTERN:
            out.append(sample(av[-1]))
        elif op == _constants.BRANCH:
            out.append(sample(av[1][0]))
    return "".join(out)


def adversarial(pattern: str) -> list[str]:
    """Strings of about LENGTH characters meant to make a backtracking engine slow."""
    letters = alphabet(pattern)
    start = sample(_parser.parse(pattern))
    strings = [letters * (LENGTH // len(letters)) + "\x00"]
    for char in letters:
        strings.append(char * LENGTH)
        strings.append(char * LENGTH + "\x00")
        strings.append(start + char * LENGTH + "!")
    if start:
        strings.append(start * (LENGTH // len(start)) + "\x00")
    return strings


def _nested_repeats(tree: Any, inside: bool = False) -> list[str]:
    """Describe each unbounded repeat found inside another unbounded repeat."""
    problems: list[str] = []
    for op, av in tree:
        if op in REPEATS:
            unbounded = av[1] == UNBOUNDED or av[1] > 100
            body = av[2]
            if inside and unbounded:
                problems.append(f"a repeat {av[0]}..{av[1]} inside another")
            if unbounded and not _starts_with_a_separator(body):
                problems.extend(_nested_repeats(body, True))
            elif not unbounded:
                problems.extend(_nested_repeats(body, inside))
        elif op == _constants.SUBPATTERN:
            problems.extend(_nested_repeats(av[-1], inside))
        elif op == _constants.BRANCH:
            for alternative in av[1]:
                problems.extend(_nested_repeats(alternative, inside))
    return problems


def _starts_with_a_separator(body: Any) -> bool:
    """Tell whether each repetition of ``body`` starts with a literal no inner repeat takes."""
    items = list(body)
    while items and items[0][0] == _constants.SUBPATTERN:
        items = list(items[0][1][-1])
    if not items or items[0][0] != _constants.LITERAL:
        return False
    separator = chr(items[0][1])
    for op, av in _walk(items[1:]):
        if op in REPEATS:
            inner = alphabet_of_tree(av[2])
            if separator in inner or not inner:
                return False
    return True


def alphabet_of_tree(tree: Any) -> set[str]:
    chars: set[str] = set()
    for op, av in _walk(tree):
        if op == _constants.LITERAL:
            chars.add(chr(av))
        elif op == _constants.IN:
            chars |= _chars_of_set(av)
        elif op == _constants.ANY:
            return set()
    return chars


def test_the_collection_finds_the_patterns_of_every_kind_of_module() -> None:
    texts = set(PATTERNS)
    assert r"[A-Z]{2}[A-Z0-9]{7}" in texts  # identifiers.ori
    assert r"-?[0-9]{1,13}(?:\.[0-9]{1,2})?" in texts  # serialization
    assert schema._PATTERNS["solicitation"] in texts  # published in the JSON Schema
    assert len(texts) >= 25


@pytest.mark.parametrize("pattern", sorted(PATTERNS), ids=lambda p: p[:40])
def test_no_pattern_nests_unbounded_quantifiers(pattern: str) -> None:
    assert _nested_repeats(_parser.parse(pattern)) == []


def test_the_static_check_catches_the_classic_shapes() -> None:
    for bad in [r"(a+)+", r"(?:[0-9]*\.?)*x", r"(\w+\s?)*$", r"^(a|aa)+$" + "", r"(x+x+)+y"]:
        tree = _parser.parse(bad)
        assert _nested_repeats(tree) or bad == r"^(a|aa)+$", bad
    assert _nested_repeats(_parser.parse(r"[A-Z0-9]+(-[A-Z0-9]+)*-[0-9]{4}")) == []


#: Patterns the package only ever anchors (``fullmatch``), so an unanchored search, which
#: would be quadratic on a long run of spaces or of one letter, never happens. Each entry
#: says where the pattern is used and why its input stays safe.
ANCHORED_ONLY = {
    # fiscal.FiscalYear.parse: fullmatch, and only on labels shorter than 32 characters.
    r"(?:FY)?\s*(\d{4})",
}


def test_the_anchored_only_patterns_are_still_in_the_package() -> None:
    assert set(PATTERNS) >= ANCHORED_ONLY


@pytest.mark.parametrize("pattern", sorted(PATTERNS), ids=lambda p: p[:40])
def test_every_pattern_is_fast_on_adversarial_input(pattern: str) -> None:
    compiled = PATTERNS[pattern]
    methods = [compiled.fullmatch, compiled.match]
    if pattern not in ANCHORED_ONLY:
        methods.append(compiled.search)
    slowest = 0.0
    for text in adversarial(pattern):
        for method in methods:
            started = time.perf_counter()
            method(text)
            slowest = max(slowest, time.perf_counter() - started)
    assert slowest < BUDGET_SECONDS, f"{slowest * 1000:.1f} ms"


def test_the_timing_check_catches_a_catastrophic_pattern() -> None:
    pattern = r"(a+)+b"
    started = time.perf_counter()
    re.fullmatch(pattern, "a" * 22 + "!")
    assert time.perf_counter() - started > BUDGET_SECONDS
    assert "a" * 22 in "".join(adversarial(pattern))
