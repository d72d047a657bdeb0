"""`spa-pos keys export --to FILE` / `keys import FILE`: the clinic's keyring carried to a
second terminal (its own config folder), the passphrase from $SPA_POS_KEYS_PASSPHRASE."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from spa_pos import cli
from spa_pos.cli_keys import PASSPHRASE_ENV
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import keys
from spa_pos.services.context import CLI_ACTOR, Ctx

Run = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def run(ctx: Ctx, db_arg: str, clock: FixedClock, capsys: pytest.CaptureFixture[str]) -> Run:
    """`spa-pos ARGS --db <test db> --json`: (exit status, parsed stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, Any, str]:
        ctx.db.dispose()
        code = cli.run(
            [*argv, "--db", db_arg, "--json"],
            lambda url: Ctx(Database(url), CLI_ACTOR, clock),
        )
        out = capsys.readouterr()
        return code, json.loads(out.out) if out.out.strip() else None, out.err

    return invoke


def test_keys_travel_to_a_second_terminal(
    ctx: Ctx, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "sesame-open-42")
    file = tmp_path / "clinic.keys"
    code, data, err = run("keys", "export", "--to", str(file))
    assert code == 0, err
    assert data == {"file": str(file)}
    assert file.stat().st_mode & 0o777 == 0o600
    with ctx.db.read() as session:
        clinic = keys.clinic_id(session)
    assert clinic
    ring = keys.load(clinic)
    assert ring is not None

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "second" / "config"))
    if engine == "postgresql":
        code, _, err = run("sell", "--item", "ZJTN", "--pay", "cash:398", "--till", "二楼")
        assert code == 2
        assert "导出密钥" in err
    monkeypatch.setenv(PASSPHRASE_ENV, "wrong-passphrase")
    code, _, err = run("keys", "import", str(file))
    assert code == 2 and "口令不对" in err
    assert not keys.keyring_path(ring.clinic_id).exists()
    code, _, err = run("keys", "import", str(tmp_path / "nowhere.keys"))
    assert code == 2 and "找不到密钥文件" in err

    monkeypatch.setenv(PASSPHRASE_ENV, "sesame-open-42")
    code, data, err = run("keys", "import", str(file))
    assert code == 0, err
    assert data == {"imported": True}
    assert keys.load(ring.clinic_id) == ring
    code, _, err = run("sell", "--item", "ZJTN", "--pay", "cash:398", "--till", "二楼")
    assert code == 0, err
    code, data, err = run("audit", "verify")
    assert code == 0 and data["ok"], err
