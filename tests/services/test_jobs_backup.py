"""Backups as the till uses them (`services.maintenance`): restore when the database is
missing or damaged, which is when a restore is wanted most."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import BackupError
from spa_pos.models import AuditEntry, Member
from spa_pos.services import maintenance
from spa_pos.services.backup import rotation, verify_backup
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import register

pytestmark = pytest.mark.sqlite_only("backups of the database file")


@pytest.fixture
def saved(ctx: Ctx, tmp_path: Path) -> Path:
    register(ctx, "张三", "13800000001")
    usb = tmp_path / "usb"
    usb.mkdir()
    return maintenance.backup_now(ctx, usb).file


def members_in(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(Member.id))) or 0


def test_restore_onto_a_new_till(saved: Path, tmp_path: Path, clock: FixedClock) -> None:
    fresh = Ctx(Database(f"sqlite:///{tmp_path / 'new' / 'clinic.sqlite3'}"), CLI_ACTOR, clock)

    result = maintenance.restore(fresh, saved)

    assert result.safety_copy is None
    assert result.schema_version == fresh.db.head_version()
    assert members_in(fresh) == 1
    with fresh.db.read() as s:
        assert (
            s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc())).first()
            == "db.restore"
        )
    fresh.db.dispose()


def test_restore_over_a_damaged_database(ctx: Ctx, saved: Path, db_path: Path) -> None:
    ctx.db.dispose()
    for leftover in db_path.parent.glob(db_path.name + "-*"):
        leftover.unlink()
    db_path.write_bytes(b"this is not a database" * 100)

    result = maintenance.restore(ctx, saved)

    assert result.safety_copy is not None and result.safety_copy.is_file()
    assert members_in(ctx) == 1


def test_a_damaged_backup_leaves_the_database_alone(ctx: Ctx, saved: Path) -> None:
    register(ctx, "李四", "13800000002")
    saved.write_bytes(saved.read_bytes()[:-100])

    with pytest.raises(BackupError):
        maintenance.restore(ctx, saved)

    assert members_in(ctx) == 2


def test_end_of_day_backup_snapshot_is_made_once_a_day(
    ctx: Ctx, clock: FixedClock, db_path: Path
) -> None:
    first = maintenance.end_of_day_backup(ctx, clock.now(), to_backup_dir=False)
    assert first.snapshot is not None
    mtime = first.snapshot.stat().st_mtime_ns

    again = maintenance.end_of_day_backup(ctx, clock.now(), to_backup_dir=False)

    assert again.snapshot == first.snapshot
    assert again.snapshot.stat().st_mtime_ns == mtime
    assert first.snapshot.parent == maintenance.snapshot_dir()
    assert first.snapshot.name == f"spa-pos_daily_{rotation.database_id(db_path)}_20260310.sqlite3"


def test_two_databases_get_two_snapshots_the_same_day(
    ctx: Ctx, clock: FixedClock, tmp_path: Path
) -> None:
    other = Ctx(Database(f"sqlite:///{tmp_path / 'other' / 'clinic.sqlite3'}"), CLI_ACTOR, clock)
    other.db.migrate()
    register(other, "李四", "13800000002")

    mine = maintenance.end_of_day_backup(ctx, clock.now(), to_backup_dir=False).snapshot
    theirs = maintenance.end_of_day_backup(other, clock.now(), to_backup_dir=False).snapshot

    assert mine is not None and theirs is not None and mine != theirs
    with verify_backup(mine) as kept, verify_backup(theirs) as other_kept:
        assert (kept.row_counts["members"], other_kept.row_counts["members"]) == (0, 1)
    other.db.dispose()
