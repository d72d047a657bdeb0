"""Opening a database made by the first releases (tests/data/README.md): a verified copy at
its old revision first, then the upgrade, and nothing of the clinic's is lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from spa_pos import __version__, paths
from spa_pos.cli import run
from spa_pos.clock import FixedClock
from spa_pos.db import Database, latest_revision
from spa_pos.errors import BackupError, DomainError
from spa_pos.services import audit, backup, checkout, clinic, dayclose, points, upgrade, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.backup import manifest as backup_manifest
from spa_pos.services.backup import server
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import register
from tests.test_migrations import migrate_to

DATA = Path(__file__).parent / "data"
FIRST_RELEASES = {
    "0001": DATA / "first-release-0001.db",  # c7cc163: the first schema, no day closes yet
    "0003": DATA / "first-release-0003.db",  # 9b71535: the first code with day closes
}


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)  # never the fixture itself
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _figures(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What must survive an upgrade, read with plain SQL (the same at every revision)."""
    queries = {
        "balances": "SELECT card_no, phone, name, points_balance FROM members ORDER BY id",
        "ledger": "SELECT member_id, kind, points, lot_id FROM ledger_entries ORDER BY id",
        "lots": "SELECT member_id, amount, remaining, expires_on FROM point_lots ORDER BY id",
        "vouchers": (
            "SELECT code, member_id, status, expires_on, points_spent FROM vouchers ORDER BY id"
        ),
        "courses": (
            "SELECT member_id, sessions_total, sessions_used, status FROM course_balances"
            " ORDER BY id"
        ),
        "sales": (
            "SELECT sale_no, created_at, gross_fen, due_fen, paid_fen, change_fen, points_earned"
            " FROM sales ORDER BY id"
        ),
        "payments": "SELECT sale_id, method, amount_fen FROM payments ORDER BY id",
        "audit": "SELECT id, prev_hash, hash FROM audit_log ORDER BY id",
    }
    return {name: _rows(path, sql) for name, sql in queries.items()}


@pytest.fixture(params=sorted(FIRST_RELEASES))
def old_db(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    revision: str = request.param
    path = tmp_path / "clinic" / "clinic.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIRST_RELEASES[revision], path)
    return revision, path


def test_the_fixtures_are_what_the_readme_says() -> None:
    for revision, path in FIRST_RELEASES.items():
        assert _rows(path, "SELECT version_num FROM alembic_version") == [(revision,)]
        assert path.stat().st_size < 1_000_000
        figures = _figures(path)
        assert len(figures["balances"]) == 3 and len(figures["vouchers"]) == 2
        assert figures["courses"] and figures["lots"] and figures["audit"]
    assert len(_rows(FIRST_RELEASES["0003"], "SELECT * FROM day_closes")) == 2


def test_opening_an_old_database_backs_it_up_then_upgrades_and_loses_nothing(
    old_db: tuple[str, Path], clock: FixedClock
) -> None:
    revision, path = old_db
    before = _figures(path)
    old_secret = json.loads(
        _rows(path, "SELECT value FROM settings WHERE key = 'voucher_secret'")[0][0]
    )
    old_closes = (
        _rows(path, "SELECT business_date, report FROM day_closes") if revision > "0001" else []
    )
    ctx = Ctx(Database(f"sqlite:///{path}"), CLI_ACTOR, clock)

    result = clinic.init(ctx)  # what the window and every command do on opening

    assert result.schema_version == latest_revision()
    assert result.upgraded is not None and result.upgraded.from_version == revision
    copy = result.upgraded.backup
    assert copy is not None and copy.parent == upgrade.backup_folder(ctx.db)
    # The copy is a verified backup at the old revision, with the old figures.
    with backup.verify_backup(copy) as checked:
        assert checked.schema_version == revision
        assert _figures(checked.db_copy) == before
    # Every figure the clinic had is still there, unchanged.
    after = _figures(path)
    assert {k: v for k, v in after.items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }
    assert after["audit"][: len(before["audit"])] == before["audit"]
    with ctx.db.read() as s:
        assert points.check_balances(s).ok  # every balance = its ledger
        # The vouchers printed before still scan: the secret moved to the keyring intact.
        for (code,) in _rows(path, "SELECT code FROM vouchers"):
            found = vouchers.check(s, vouchers.qr_payload(old_secret, code), date(2026, 3, 1))
            assert found.valid, found.reason
        # Each day closed before gives the same Z report today.
        tz = settings_svc.current(ctx).timezone
        for day, report in old_closes:
            stored = json.loads(report)
            again = dayclose.z_report(s, date.fromisoformat(day), tz).to_json()
            assert {
                k: again[k] for k in stored if k != "counted_cash_fen" and k != "difference_fen"
            } == {
                k: v for k, v in stored.items() if k != "counted_cash_fen" and k != "difference_fen"
            }
        # The trail holds: the old rows by the public formula, the upgrade keyed after them.
        check = audit.verify(s)
        assert check.ok, check.problems
        assert check.legacy == len(before["audit"])
        assert check.entries > len(before["audit"])
    last = _rows(path, "SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert last[0] == "db.upgrade"
    assert json.loads(last[1])["from_version"] == revision
    # Opening again: nothing due, no second copy.
    assert clinic.init(ctx).upgraded is None
    assert list(upgrade.backup_folder(ctx.db).glob("*.sqlite3")) == [copy]
    ctx.db.dispose()


def test_any_command_on_an_old_database_upgrades_it_after_a_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinic.sqlite3"
    shutil.copyfile(FIRST_RELEASES["0001"], path)

    assert run(["--db", str(path), "audit", "verify", "--json"]) == 0

    verified = json.loads(capsys.readouterr().out)
    assert verified["ok"] and verified["legacy"] == len(_figures(FIRST_RELEASES["0001"])["audit"])
    copies = list((path.parent / upgrade.FOLDER).glob("*-0001-to-*.sqlite3"))
    assert len(copies) == 1
    assert _rows(copies[0], "SELECT version_num FROM alembic_version") == [("0001",)]
    assert _rows(path, "SELECT version_num FROM alembic_version") == [(latest_revision(),)]


def test_the_init_command_says_it_upgraded_and_where_the_copy_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinic.sqlite3"
    shutil.copyfile(FIRST_RELEASES["0003"], path)

    assert run(["--db", str(path), "init", "--json"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == latest_revision() and data["upgraded_from"] == "0003"
    assert Path(data["upgrade_backup"]).is_file()
    assert run(["--db", str(path), "init"]) == 0
    assert "升级" not in capsys.readouterr().out  # the second time nothing was due


def test_a_database_from_a_newer_release_is_refused_untouched(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "clinic.sqlite3"
    shutil.copyfile(FIRST_RELEASES["0001"], path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    ctx = Ctx(Database(f"sqlite:///{path}"), CLI_ACTOR, clock)

    with pytest.raises(DomainError) as refused:
        clinic.init(ctx)

    assert "9999" in str(refused.value) and "新" in str(refused.value)
    assert not upgrade.backup_folder(ctx.db).exists()
    ctx.db.dispose()


def test_version_prints_the_app_and_schema_versions_without_opening_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinic.sqlite3"

    assert run(["--db", str(path), "--version", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "app_version": __version__,
        "schema_version": latest_revision(),
    }
    assert run(["--version"]) == 0
    assert capsys.readouterr().out == f"spa-pos {__version__} (schema {latest_revision()})\n"
    assert not path.exists()


# --- a database on a PostgreSQL server (`--engine=postgresql`) -------------------------------

OLD = "0022"  # an earlier revision the server's database is migrated down to


@pytest.fixture
def old_server(ctx: Ctx, engine: str) -> Ctx:
    """The demo database on the server with a member and a sale, taken down to `OLD`."""
    if engine != "postgresql":
        pytest.skip("a database on a PostgreSQL server")
    register(ctx, "张三", "13800000001")
    checkout.sell(
        ctx, SaleRequest(items=[("ZJTN", 1)], payments=[("cash", 39800)], member="13800000001")
    )
    migrate_to(ctx.db, OLD, down=True)
    assert ctx.db.stored_revision() == OLD
    return ctx


def _server_figures(ctx: Ctx) -> dict[str, list[tuple[Any, ...]]]:
    with ctx.db.engine.connect() as conn:
        return {
            "balances": [
                tuple(r)
                for r in conn.exec_driver_sql(
                    "SELECT card_no, name, points_balance FROM members ORDER BY id"
                )
            ],
            "sales": [
                tuple(r)
                for r in conn.exec_driver_sql(
                    "SELECT sale_no, due_fen, paid_fen FROM sales ORDER BY id"
                )
            ],
        }


def test_a_server_database_is_dumped_and_verified_before_it_is_upgraded(
    old_server: Ctx, tmp_path: Path
) -> None:
    ctx = old_server
    before = _server_figures(ctx)
    head = latest_revision()

    result = clinic.init(ctx)

    assert result.upgraded is not None and result.upgraded.from_version == OLD
    copy = result.upgraded.backup
    assert copy is not None and copy.parent == upgrade.backup_folder(ctx.db)
    assert copy.parent == paths.data_dir() / upgrade.FOLDER
    assert f"-{OLD}-to-{head}-" in copy.name and copy.name.endswith(".pgdump")
    # The dump is verified: its checksum and manifest hold, at the old revision.
    info = backup.read_manifest(copy)
    backup_manifest.check_checksum(copy, info)
    assert info.schema_version == OLD and info.row_counts["sales"] == len(before["sales"])
    assert ctx.db.stored_revision() == head and _server_figures(ctx) == before
    # The upgrade's audit row names the dump.
    with ctx.db.engine.connect() as conn:
        action, detail = conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1"
        ).one()
    assert action == "db.upgrade" and json.loads(detail)["backup"] == str(copy)
    # It restores to the database as it was before the upgrade.
    server.restore_server(
        copy,
        ctx.db.url,
        passphrase=None,
        safety_dir=tmp_path / "safety",
        now=ctx.clock.now(),
        tz="Asia/Shanghai",
        known_schema_versions=ctx.db.known_versions(),
    )
    assert ctx.db.stored_revision() == OLD and _server_figures(ctx) == before


def test_without_pg_dump_a_server_database_is_not_upgraded(
    old_server: Ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No copy, no migration: the refusal says pg_dump is missing, the revision stays."""
    nowhere = tmp_path / "no-tools"
    nowhere.mkdir()
    monkeypatch.setenv("PATH", str(nowhere))
    monkeypatch.setattr(server, "TOOL_ROOT", nowhere)  # no /usr/lib/postgresql either

    with pytest.raises(BackupError, match="pg_dump") as refused:
        clinic.init(old_server)

    assert refused.value.code == "backup.pg_tools_missing"
    assert old_server.db.stored_revision() == OLD
    folder = upgrade.backup_folder(old_server.db)
    assert not folder.exists() or not any(folder.iterdir())
