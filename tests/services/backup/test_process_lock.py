"""The process lock: a restore is refused at once while another process (or another
`Database`) has the database open, and names it; a killed holder blocks nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from spa_pos import cli, dblock
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import BackupError, DatabaseBusy
from spa_pos.services import backup, maintenance
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import register
from tests.services.backup.helpers import NOW, TZ, dump

pytestmark = pytest.mark.sqlite_only("the process lock of the database file")

# Another process with the database open and idle, as the window is between sales.
HOLDER = """
import sys
from spa_pos.db import Database

db = Database(sys.argv[1])
db.stored_revision()
print("open", flush=True)
sys.stdin.read()
db.dispose()
"""


@contextmanager
def holder(url: str) -> Iterator[subprocess.Popen[str]]:
    """A process that has the database at `url` open until its stdin closes."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stdin is not None
        assert process.stdout.readline() == "open\n"
        yield process


def make_backup(ctx: Ctx, tmp_path: Path) -> Path:
    assert ctx.db.path is not None
    usb = tmp_path / "usb"
    usb.mkdir()
    return backup.backup_database(ctx.db.path, usb, clinic_name="c", now=NOW, tz=TZ).file


def cli_restore(
    file: Path, db_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    code = cli.run(
        ["restore", str(file), "--db", str(db_path)],
        lambda url: Ctx(Database(url), CLI_ACTOR, clock),
    )
    return code, capsys.readouterr().err


def test_a_restore_is_refused_while_another_process_has_the_database_open(
    ctx: Ctx, tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ctx.db.path is not None
    file = make_backup(ctx, tmp_path)
    register(ctx, "李四", "13800000002")  # after the backup
    ctx.db.dispose()
    before = dump(ctx.db.path)

    with holder(ctx.db.url) as process:
        code, err = cli_restore(file, ctx.db.path, clock, capsys)

        assert code == 2
        assert "恢复被拒绝" in err and f"pid {process.pid}" in err
        assert dump(ctx.db.path) == before
        assert not (ctx.db.path.parent / "safety").exists()
        assert process.stdin is not None
        process.stdin.close()

    assert cli_restore(file, ctx.db.path, clock, capsys)[0] == 0
    assert dump(ctx.db.path) != before


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_holder_does_not_block_a_restore(
    ctx: Ctx, tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ctx.db.path is not None
    file = make_backup(ctx, tmp_path)
    ctx.db.dispose()
    entries = ctx.db.path.with_name(ctx.db.path.name + ".lock.d")

    with holder(ctx.db.url) as process:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert [entry.name for entry in entries.iterdir()] == [f"{process.pid}-1.json"]  # stale

    assert cli_restore(file, ctx.db.path, clock, capsys)[0] == 0
    assert list(entries.iterdir()) == []


def test_the_windows_own_restore_closes_its_connections_first(ctx: Ctx, tmp_path: Path) -> None:
    file = make_backup(ctx, tmp_path)
    register(ctx, "李四", "13800000002")  # the window's connections stay open meanwhile

    maintenance.restore(ctx, file)

    with ctx.db.read() as s:  # reopened after the restore
        assert s.execute(text("SELECT count(*) FROM members")).scalar() == 0


def test_another_database_object_in_this_process_is_a_holder_too(ctx: Ctx, tmp_path: Path) -> None:
    file = make_backup(ctx, tmp_path)
    other = Database(ctx.db.url)
    try:
        other.stored_revision()
        with pytest.raises(BackupError, match=f"pid {os.getpid()}"):
            maintenance.restore(ctx, file)
    finally:
        other.dispose()

    maintenance.restore(ctx, file)


def test_opening_the_database_during_a_restore_waits_then_is_refused(
    ctx: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dblock, "SHARED_WAIT_S", 0.2)
    other = Database(ctx.db.url)
    try:
        with ctx.db.exclusive():
            with pytest.raises(DatabaseBusy, match="正在恢复"):
                other.stored_revision()
            assert ctx.db.stored_revision() is not None  # the restore's own connections
        assert other.stored_revision() is not None
    finally:
        other.dispose()
