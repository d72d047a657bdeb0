"""Backups of a clinic's database on a PostgreSQL server (`backup.server`): pg_dump and
pg_restore, with the checks, encryption and safety copy of the SQLite file's backups.

The tests of a real server run with `--engine=postgresql`; finding the tools and passing
the connection run on both engines."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, text

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import BackupError
from spa_pos.models import Member
from spa_pos.services import audit, checkout, maintenance, points
from spa_pos.services.backup import backup_database, rotation, server
from spa_pos.services.backup.durable import sha256_file
from spa_pos.services.backup.manifest import manifest_path
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import register
from tests.services.backup.helpers import make_db

PHONE = "13800000001"


@pytest.fixture
def pg(ctx: Ctx, engine: str) -> Ctx:
    if engine != "postgresql":
        pytest.skip("a database on a PostgreSQL server")
    register(ctx, "张三", PHONE)
    sell(ctx)
    return ctx


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def sell(ctx: Ctx) -> None:
    checkout.sell(ctx, SaleRequest(items=[("ZJTN", 1)], payments=[("cash", 39800)], member=PHONE))


def state(ctx: Ctx) -> tuple[int, int, bool, bool]:
    """(members, sales, every balance equals its ledger, the audit chain holds)."""
    with ctx.db.read() as s:
        members = s.scalars(select(Member)).all()
        balanced = all(points.ledger_balance(s, m.id) == m.points_balance for m in members)
        sales = s.scalar(text("SELECT count(*) FROM sales")) or 0
        return len(members), int(sales), balanced, audit.verify(s).ok


def test_backup_then_restore_round_trip(pg: Ctx, usb: Path) -> None:
    saved = maintenance.backup_now(pg, usb)
    assert saved.file.name.endswith(".pgdump") and not saved.encrypted
    assert saved.row_counts["sales"] == 1 and saved.audit_anchor is not None
    register(pg, "李四", "13800000002")
    sell(pg)  # after the backup: gone after the restore
    assert state(pg)[:2] == (2, 2)

    restored = maintenance.restore(pg, saved.file)

    assert state(pg) == (1, 1, True, True)
    assert restored.safety_copy is not None and restored.safety_copy.is_file()
    safety = json.loads(manifest_path(restored.safety_copy).read_text(encoding="utf-8"))
    assert (safety["row_counts"]["members"], safety["row_counts"]["sales"]) == (2, 2)
    assert restored.schema_version == pg.db.head_version()
    # the safety dump restores too: the sale made after the backup comes back
    maintenance.restore(pg, restored.safety_copy)
    assert state(pg)[:2] == (2, 2)


def test_encrypted_round_trip_needs_the_passphrase(pg: Ctx, usb: Path) -> None:
    maintenance.set_backup_passphrase(pg, "芝麻开门芝麻开门")
    saved = maintenance.backup_now(pg, usb)
    assert saved.file.name.endswith(".pgdump.enc") and saved.encrypted
    assert not saved.file.read_bytes().startswith(b"PGDMP")
    sell(pg)

    with pytest.raises(BackupError, match="口令"):
        maintenance.restore(pg, saved.file)
    assert state(pg)[1] == 2
    restored = maintenance.restore(pg, saved.file, passphrase="芝麻开门芝麻开门")

    assert state(pg) == (1, 1, True, True)
    assert restored.keyring == "restored"


def rewrite_manifest(file: Path) -> None:
    """Make the manifest fit the file again, as if the file had been damaged before."""
    manifest = manifest_path(file)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data.update(bytes=file.stat().st_size, sha256=sha256_file(file))
    manifest.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        ("truncated", "backup.size_mismatch"),
        ("cut_with_its_manifest", "backup.damaged"),
        ("garbled", "backup.damaged"),
        ("foreign", "backup.damaged"),
        # these two fail inside the restore's transaction, after the tables were dropped
        ("data_garbled", "backup.server_restore_failed"),
        ("counts_differ", "backup.rows_differ"),
    ],
)
def test_a_bad_dump_is_refused_and_the_database_is_unchanged(
    pg: Ctx, usb: Path, damage: str, code: str
) -> None:
    saved = maintenance.backup_now(pg, usb).file
    sell(pg)
    before = state(pg)
    data = saved.read_bytes()
    if damage == "truncated":
        saved.write_bytes(data[:-200])
    elif damage == "cut_with_its_manifest":
        saved.write_bytes(data[: len(data) * 2 // 3])
        rewrite_manifest(saved)
    elif damage == "garbled":
        middle = len(data) // 2
        saved.write_bytes(data[:middle] + bytes(b ^ 0x5A for b in data[middle:]))
        rewrite_manifest(saved)
    elif damage == "foreign":
        saved.write_bytes(os.urandom(len(data)))
        rewrite_manifest(saved)
    elif damage == "data_garbled":  # the table of contents is at the start, the data after
        saved.write_bytes(data[:-64] + bytes(b ^ 0x5A for b in data[-64:]))
        rewrite_manifest(saved)
    else:
        manifest = manifest_path(saved)
        info = json.loads(manifest.read_text(encoding="utf-8"))
        info["row_counts"]["members"] += 1
        manifest.write_text(json.dumps(info), encoding="utf-8")

    with pytest.raises(BackupError) as refused:
        maintenance.restore(pg, saved)

    assert refused.value.code == code
    assert state(pg) == before


@pytest.mark.parametrize(
    ("tamper", "difference"),
    [
        ("ALTER TABLE members DROP COLUMN notes", "≠ relation members"),
        (
            "CREATE FUNCTION skim() RETURNS trigger LANGUAGE plpgsql AS $$"
            " BEGIN NEW.amount_fen := NEW.amount_fen - 1; RETURN NEW; END $$;"
            " CREATE TRIGGER skim BEFORE INSERT ON payments"
            " FOR EACH ROW EXECUTE FUNCTION skim()",
            "+ trigger skim on payments",
        ),
    ],
)
def test_a_dump_whose_schema_was_altered_is_refused_and_the_database_is_unchanged(
    pg: Ctx, usb: Path, tamper: str, difference: str
) -> None:
    """Its rows, counts and version are right: only its structure is not the migrations'."""
    good = maintenance.backup_now(pg, usb).file
    with pg.db.engine.begin() as conn:  # behind the app's back, then backed up
        conn.exec_driver_sql(tamper)
    altered = maintenance.backup_now(pg, usb).file
    maintenance.restore(pg, good)
    sell(pg)
    before = state(pg)

    with pytest.raises(BackupError) as refused:
        maintenance.restore(pg, altered)

    assert refused.value.code == "backup.schema_tampered"
    assert difference in str(refused.value) and pg.db.head_version() in str(refused.value)
    assert state(pg) == before
    with pg.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(notes) FROM members").scalar() == 1
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM pg_namespace WHERE nspname = 'spa_pos_reference'"
            ).scalar()
            == 0
        )


def test_a_backup_of_a_sqlite_till_is_refused_on_the_server(
    pg: Ctx, usb: Path, tmp_path: Path
) -> None:
    till = make_db(tmp_path / "till.sqlite3")
    saved = backup_database(till, usb, clinic_name="单机", now=pg.clock.now(), tz="Asia/Shanghai")
    before = state(pg)

    with pytest.raises(BackupError, match="migrate-to"):
        maintenance.restore(pg, saved.file)

    assert state(pg) == before


def test_a_restore_waits_for_no_writer_forever(pg: Ctx, usb: Path) -> None:
    """A till holding the writers' lock refuses the restore (after the busy timeout), and
    the database stays as it was."""
    saved = maintenance.backup_now(pg, usb).file
    with pg.db.write() as s:  # holds the writers' advisory lock until it commits
        s.execute(text("SELECT 1"))
        with pytest.raises(BackupError, match="正在被使用"):
            server.restore_server(
                saved,
                pg.db.url,
                passphrase=None,
                safety_dir=usb / "safety",
                now=pg.clock.now(),
                tz="Asia/Shanghai",
                known_schema_versions=pg.db.known_versions(),
                busy_timeout_ms=200,
            )
    assert state(pg)[:2] == (1, 1)


def test_the_daily_snapshot_of_a_server_database(pg: Ctx) -> None:
    daily = maintenance.end_of_day_backup(pg, pg.clock.now(), to_backup_dir=False).snapshot

    assert daily is not None
    db_id = rotation.server_database_id(pg.db.url)
    assert daily.name == f"spa-pos_daily_{db_id}_20260310.pgdump"
    again = maintenance.end_of_day_backup(pg, pg.clock.now(), to_backup_dir=False).snapshot
    assert again == daily


def test_an_old_pg_dump_says_so(
    pg: Ctx, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pg_dump refuses a server newer than itself; the refusal says which to install."""
    real = server.find_tools()
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "pg_restore").symlink_to(real.pg_restore)
    dump = fake / "pg_dump"
    dump.write_text(
        "#!/bin/sh\n"
        "echo 'pg_dump: error: aborting because of server version mismatch' >&2\n"
        "echo 'pg_dump: detail: server version: 17.2; pg_dump version: 15.18' >&2\n"
        "exit 1\n"
    )
    dump.chmod(dump.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")

    with pytest.raises(BackupError, match="postgresql-client") as refused:
        maintenance.backup_now(pg, usb)

    assert "17.2" in str(refused.value)
    assert [f for f in usb.iterdir()] == []


# --- on both engines: no server needed --------------------------------------------------------


def test_missing_tools_are_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="pg_dump") as refused:
        server.find_tools(search_path=str(tmp_path), root=tmp_path / "lib")
    assert refused.value.code == "backup.pg_tools_missing"


def test_the_newest_versioned_tools_are_found_when_not_on_path(tmp_path: Path) -> None:
    for version in ("9", "15", "16"):
        folder = tmp_path / "lib" / version / "bin"
        folder.mkdir(parents=True)
        for tool in ("pg_dump", "pg_restore"):
            (folder / tool).write_text("")
    (tmp_path / "lib" / "17" / "bin").mkdir(parents=True)  # no tools in it

    found = server.find_tools(search_path="", root=tmp_path / "lib")

    assert found.pg_dump == tmp_path / "lib" / "16" / "bin" / "pg_dump"


def test_the_connection_goes_to_the_tools_through_libpq_environment() -> None:
    url = "postgresql+psycopg://clinic:s3cret@db.local:5433/spa?sslmode=require"

    env = server.libpq_env(url)

    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"]) == ("db.local", "5433", "clinic")
    assert (env["PGPASSWORD"], env["PGDATABASE"], env["PGSSLMODE"]) == ("s3cret", "spa", "require")
    assert server.libpq_env(url, "scratch")["PGDATABASE"] == "scratch"
    socket = server.libpq_env("postgresql+psycopg://postgres@/spa?host=/run/pg")
    assert socket["PGHOST"] == "/run/pg" and "PGPASSWORD" not in socket


def test_a_dump_of_a_server_is_refused_on_a_till(
    pg: Ctx, usb: Path, tmp_path: Path, clock: FixedClock
) -> None:
    saved = maintenance.backup_now(pg, usb).file
    till = Ctx(Database(f"sqlite:///{tmp_path / 'till.sqlite3'}"), CLI_ACTOR, clock)
    till.db.migrate()

    with pytest.raises(BackupError, match="服务器") as refused:
        maintenance.restore(till, saved)

    assert refused.value.code == "backup.pgdump_on_till"
    till.db.dispose()
