"""The message catalogues: both languages say the same things, and every refusal the code
raises has a sentence in them."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import spa_pos
from spa_pos import messages
from spa_pos.errors import DomainError
from spa_pos.messages import en, zh_CN

PACKAGE = Path(spa_pos.__file__).parent
# The error classes whose first argument is a message code (cli.Refused is the CLI's own).
RAISING = {"DomainError", "NotFound", "BackupError", "DatabaseBusy", "Refused"}
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _raised_codes() -> dict[str, list[str]]:
    """Every string literal passed first to an error class in spa_pos (both arms of a
    conditional count), with where it is."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in RAISING:
                continue
            first = node.args[0]
            arms = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            for arm in arms:
                assert isinstance(arm, ast.Constant) and isinstance(arm.value, str), (
                    f"{path}:{node.lineno}: the first argument of {name} must be a code"
                )
                found.setdefault(arm.value, []).append(f"{path.name}:{node.lineno}")
    return found


def test_both_catalogues_have_the_same_codes_and_fields() -> None:
    assert set(zh_CN.MESSAGES) == set(en.MESSAGES)
    for code, template in zh_CN.MESSAGES.items():
        assert _fields(template) == _fields(en.MESSAGES[code]), code
        assert "code" not in _fields(template), f"{code}: `code` is the error's own argument"


def test_every_code_raised_is_code_shaped_and_in_the_catalogues() -> None:
    raised = _raised_codes()
    assert len(raised) > 50  # the scan does see the raise sites
    for code, where in raised.items():
        assert CODE.match(code), (code, where)
        assert code in zh_CN.MESSAGES, (code, where)


def test_an_error_renders_in_the_language_in_force() -> None:
    err = DomainError("points.adjust_over_limit", limit=200)
    assert str(err) == "超过 200 分的调整需要店长权限"
    assert err.render("en") == "Adjustments over 200 points need a manager"
    messages.set_language("en_GB.UTF-8")
    try:
        assert str(err) == "Adjustments over 200 points need a manager"
    finally:
        messages.set_language(None)


@pytest.mark.parametrize("code", sorted(zh_CN.MESSAGES))
def test_every_template_formats_with_its_fields(code: str) -> None:
    params = {name: "x" for name in _fields(zh_CN.MESSAGES[code])}
    for language in messages.CATALOGUES:
        assert "{" not in messages.render(code, params, language)
