"""`spa-pos keys export --to FILE` / `keys import FILE`: the clinic's keyring carried to a
second terminal (its own config folder), the passphrase from $SPA_POS_KEYS_PASSPHRASE."""

from __future__ import annotations

from pathlib import Path

import pytest

from spa_pos.cli_keys import PASSPHRASE_ENV
from spa_pos.services import keys
from spa_pos.services.context import Ctx
from tests import test_cli_tills

# The same `spa-pos … --db <test db> --json` runner as the tills' commands.
run = test_cli_tills.run
Run = test_cli_tills.Run


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


def test_without_a_terminal_or_the_variable_the_passphrase_is_refused(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script or a service has no terminal: refused (exit 2), not read from stdin with
    echo on, and no file written."""
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    file = tmp_path / "clinic.keys"
    code, _, err = run("keys", "export", "--to", str(file))
    assert code == 2
    assert PASSPHRASE_ENV in err and "没有终端" in err
    assert not file.exists()
