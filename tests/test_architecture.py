"""Checks that keep the code's shape (docs/architecture.md): every write runs in the one
transaction boundary, nothing else commits, and files stay small. Import rules (no cycles,
domains never import an interface) are checked by `make lint` with import-linter."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
SERVICE_MODULES = sorted([*APP.glob("*/services.py"), *APP.glob("*/services/*.py")])
# Steps that join their caller's transaction instead of being a use case of their own.
JOIN_CALLERS_TRANSACTION = {
    ("app/points/services.py", name)
    for name in ("credit_order_completion", "post_entry", "rebuild_balances")
} | {("app/orders/services/on_behalf.py", "offline_resident")}
# (file, count): the staff lock-out counter must outlast the failed login it counts.
EXPLICIT_COMMITS = {"app/accounts/throttle.py": 1, "app/transaction.py": 1}
EXPLICIT_ROLLBACKS = {"app/transaction.py": 2}
MAX_LINES = 300


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _decorator_names(function: ast.FunctionDef) -> set[str]:
    names = set()
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Name):
            names.add(target.id)
    return names


def _public_functions(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    ]


def test_service_modules_are_found():
    assert {_relative(p) for p in SERVICE_MODULES} >= {
        "app/accounts/services.py",
        "app/members/services.py",
        "app/orders/services/moves.py",
        "app/points/services.py",
    }


@pytest.mark.parametrize("path", SERVICE_MODULES, ids=_relative)
def test_every_public_service_function_is_a_use_case(path):
    loose = [
        function.name
        for function in _public_functions(path)
        if "use_case" not in _decorator_names(function)
        and (_relative(path), function.name) not in JOIN_CALLERS_TRANSACTION
    ]
    assert loose == [], f"{_relative(path)}: not @use_case: {loose}"


def _calls(method: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = sum(
            1
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == method
        )
        if found:
            counts[_relative(path)] = found
    return counts


def test_only_the_transaction_boundary_commits_or_rolls_back():
    assert _calls("commit") == EXPLICIT_COMMITS
    assert _calls("rollback") == EXPLICIT_ROLLBACKS


def test_no_python_file_outside_migrations_is_over_300_lines():
    roots = [APP, ROOT / "miniprogram_api", ROOT / "tests", ROOT / "bench"]
    paths = [ROOT / "config.py", ROOT / "wsgi.py", *(p for r in roots for p in r.rglob("*.py"))]
    long = {
        _relative(p): n
        for p in paths
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
