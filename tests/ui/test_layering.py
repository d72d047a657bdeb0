"""The layers stay apart: the window reads and writes only through services (no ORM model,
no SQLAlchemy, no session of its own), and services and models never import Qt.

Checked on the source (AST) of every module, so a new module is covered without a test
of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import spa_pos

PACKAGE = Path(spa_pos.__file__).parent

NO_SESSION_IMPORTS = ("sqlalchemy", "spa_pos.models", "spa_pos.services.unit_of_work")
QT_IMPORTS = ("PySide6", "shiboken6")


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    """Every imported module by line; `from a import b` counts as `a.b` too, so that
    `from spa_pos import models` is the import of `spa_pos.models`."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _named(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def session_violations(source: str) -> list[str]:
    """What in a UI module reaches the database itself instead of through a service."""
    tree = ast.parse(source)
    problems = [
        (line, f"imports {module}")
        for line, module in _imports(tree)
        if _named(module, NO_SESSION_IMPORTS)
    ]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("read", "write")
            and (
                (isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "db")
                or (isinstance(node.func.value, ast.Name) and node.func.value.id == "db")
            )
        ):
            problems.append((node.lineno, f"opens a session (db.{node.func.attr}())"))
        elif isinstance(node, ast.Name) and node.id == "Session":
            problems.append((node.lineno, "uses Session"))
    return [f"line {line}: {what}" for line, what in sorted(problems)]


def qt_violations(source: str) -> list[str]:
    return [
        f"line {line}: imports {module}"
        for line, module in _imports(ast.parse(source))
        if _named(module, QT_IMPORTS)
    ]


def _modules(folder: str) -> list[Path]:
    found = sorted((PACKAGE / folder).rglob("*.py"))
    assert found, f"no modules under spa_pos/{folder}"
    return found


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {'; '.join(found)}" for name, found in problems.items())


def test_the_checks_see_each_way_of_reaching_the_database_or_qt() -> None:
    source = """
import sqlalchemy.orm
from spa_pos import models
from spa_pos.models.sale import PAYMENT_METHODS
from spa_pos.services import unit_of_work
from spa_pos.services import members

def job(ctx, db):
    with ctx.db.read() as s:
        pass
    with db.write() as s:
        pass
    members.hits(ctx, "138")
    return Session
"""
    assert session_violations(source) == [
        "line 2: imports sqlalchemy.orm",
        "line 3: imports spa_pos.models",
        "line 4: imports spa_pos.models.sale",
        "line 4: imports spa_pos.models.sale.PAYMENT_METHODS",
        "line 5: imports spa_pos.services.unit_of_work",
        "line 9: opens a session (db.read())",
        "line 11: opens a session (db.write())",
        "line 14: uses Session",
    ]
    assert session_violations("from spa_pos.services import clinic\nclinic.startup(ctx)") == []
    assert qt_violations("from PySide6.QtCore import QObject\nimport shiboken6") == [
        "line 1: imports PySide6.QtCore",
        "line 1: imports PySide6.QtCore.QObject",
        "line 2: imports shiboken6",
    ]


def test_the_window_reaches_the_database_only_through_services() -> None:
    problems = {
        path.name: found
        for path in _modules("ui")
        if (found := session_violations(path.read_text(encoding="utf-8")))
    }
    assert not problems, "call a service instead:\n" + _report(problems)


@pytest.mark.parametrize("folder", ["services", "models"])
def test_services_and_models_never_import_qt(folder: str) -> None:
    problems = {
        path.name: found
        for path in _modules(folder)
        if (found := qt_violations(path.read_text(encoding="utf-8")))
    }
    assert not problems, "\n" + _report(problems)


def test_the_change_events_need_no_qt() -> None:
    """Anything may name a `Change` (services included) without loading Qt."""
    assert qt_violations((PACKAGE / "ui" / "changes.py").read_text(encoding="utf-8")) == []
