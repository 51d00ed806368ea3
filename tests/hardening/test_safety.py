"""Nothing dangerous in the source, and nothing read from the outside at import.

Static: no module in src uses eval, exec, compile, pickle, marshal, shelve, YAML object
loading, subprocess, os.system or a network module. Dynamic: importing every module of
copsreform in a fresh interpreter, with an audit hook and a recording os.environ, opens
no socket, starts no process, reads no environment variable and opens no file outside
the package.
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import copsreform

SRC = Path(copsreform.__file__).resolve().parent
SOURCES = sorted(SRC.rglob("*.py"))

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_MODULES = {
    "pickle", "cPickle", "_pickle", "dill", "jsonpickle", "marshal", "shelve", "subprocess",
    "socket", "ssl", "urllib.request", "http.client", "http.server", "ftplib", "smtplib",
    "telnetlib", "xmlrpc.client", "xmlrpc.server", "requests", "httpx", "aiohttp", "asyncio",
    "multiprocessing", "ctypes", "code", "pty",
}  # fmt: skip
FORBIDDEN_ATTRIBUTES = {
    ("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"), ("yaml", "load_all"),
    ("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execve"), ("os", "spawnv"),
    ("os", "fork"), ("os", "getenv"), ("os", "environ"), ("os", "putenv"),
}  # fmt: skip


def _module_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def findings(source: str) -> list[str]:
    """Every forbidden call, import or attribute in ``source``, with its line."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in FORBIDDEN_CALLS:
                found.append(f"line {node.lineno}: calls {node.func.id}()")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            found.extend(
                f"line {node.lineno}: imports {name}"
                for name in _module_names(node)
                if name in FORBIDDEN_MODULES or name.split(".")[0] in FORBIDDEN_MODULES
            )
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in FORBIDDEN_ATTRIBUTES
        ):
            found.append(f"line {node.lineno}: uses {node.value.id}.{node.attr}")
    return found


# The one allowed use: the engine compiles, per model class, a builder (wire to object), a
# writer (object to wire) and a key counter, as attrs and cattrs compile their own __init__
# and structuring functions, all through one function. Their source is built from the class's attrs field names (Python
# identifiers) and fixed text, never from input data;
# test_generated_writers_are_built_from_field_names_only holds it to that.
ALLOWED = {("_engine.py", "calls compile()"), ("_engine.py", "calls exec()")}


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(SRC)) for p in SOURCES])
def test_no_module_uses_eval_pickle_yaml_load_subprocess_or_the_network(path: Path) -> None:
    found = findings(path.read_text(encoding="utf-8"))
    assert [f for f in found if (path.name, f.split(": ", 1)[1]) not in ALLOWED] == []


def test_the_allowed_compile_is_in_the_generators_alone() -> None:
    source = (SRC / "_engine.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    callers = {
        function.name
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"exec", "compile"}
    }
    assert callers == {"_generated"}


def test_generated_writers_are_built_from_field_names_only() -> None:
    import attrs

    from copsreform.schema import KINDS

    for cls in KINDS.values():
        assert all(field.name.isidentifier() for field in attrs.fields(cls))


def test_the_static_check_finds_each_forbidden_use() -> None:
    source = """
import pickle
from subprocess import run
import urllib.request
from http import client
import yaml
yaml.load(text)
eval("1")
os.system("ls")
value = os.environ["HOME"]
"""
    assert len(findings(source)) == 9


AUDIT_SCRIPT = r"""
import importlib, json, os, pkgutil, sys, sysconfig

PACKAGE = sys.argv[1]
STDLIB = sysconfig.get_paths()["stdlib"]  # "platstdlib" of a venv holds site-packages
events = []


def attributed_to_us():
    # Walk out from the innermost frame, skipping the standard library: the first frame
    # that is left says who asked. Import machinery inside us is not us asking.
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith("<frozen importlib"):
            return False
        if name.startswith(PACKAGE):
            return True
        in_stdlib = name.startswith(STDLIB) and "site-packages" not in name
        if not (in_stdlib or name.startswith("<")):
            return False
        frame = frame.f_back
    return False


def hook(event, args):
    if event.startswith(("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn")):
        events.append([event, repr(args)[:200]])
    elif event == "open" and isinstance(args[0], str):
        path = os.path.abspath(args[0])
        if not path.startswith(PACKAGE) and attributed_to_us():
            events.append([event, path])


class RecordingEnviron(dict):
    def _note(self, key):
        if attributed_to_us():
            events.append(["environ", str(key)])

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)


os.environ = RecordingEnviron(os.environ)
sys.addaudithook(hook)

import copsreform

names = [info.name for info in pkgutil.walk_packages(copsreform.__path__, "copsreform.")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "events": events}))
"""


def run_audit(script: str) -> "subprocess.CompletedProcess[str]":
    """Run an audit script in a fresh interpreter (this one's executable)."""
    return subprocess.run(
        [sys.executable, "-c", script, str(SRC)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_importing_every_module_reads_no_environment_no_network_no_outside_file() -> None:
    result = run_audit(AUDIT_SCRIPT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "copsreform.serialization" in report["modules"]
    assert "copsreform.cli" in report["modules"]
    assert report["events"] == []


def test_the_audit_script_would_see_a_socket_an_environment_read_and_an_outside_file() -> None:
    # Code compiled under a file name inside the package stands for a module of ours.
    pretend = (
        "exec(compile('import os\\nos.environ.get(\\'HOME\\')\\nopen(\\'/dev/null\\').close()',"
        " PACKAGE + '/pretend.py', 'exec'))\n"
    )
    probe = AUDIT_SCRIPT.replace(
        "import copsreform\n",
        f"import copsreform\nimport socket\nsocket.socket().close()\n{pretend}",
    )
    result = run_audit(probe)
    events = json.loads(result.stdout)["events"]
    assert any(event.startswith("socket.") for event, _ in events)
    assert ["environ", "HOME"] in events
    assert ["open", "/dev/null"] in events
