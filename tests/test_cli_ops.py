"""`spa-pos jobs run`, `close-day`, `backup` and `restore` through `spa_pos.cli.run`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select

from spa_pos import cli
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.models import AuditEntry
from spa_pos.services import backup, checkout, maintenance
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import register
from tests.test_cli_fuzz import digest

Run = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def run(
    ctx: Ctx,
    db_arg: str,
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
) -> Run:
    """`spa-pos ARGS --db <test db> --json`: (exit status, parsed stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, Any, str]:
        # The command stands for another process; the test's own `ctx` lets go of the
        # database meanwhile (reopened when next used), or a restore would be refused.
        ctx.db.dispose()
        code = cli.run(
            [*argv, "--db", db_arg, "--json"],
            lambda url: Ctx(Database(url), CLI_ACTOR, clock),
        )
        out = capsys.readouterr()
        return code, json.loads(out.out) if out.out.strip() else None, out.err

    return invoke


def sell(ctx: Ctx, phone: str) -> None:
    checkout.sell(ctx, SaleRequest(items=[("ZJTN", 1)], payments=[("cash", 40000)], member=phone))


def test_jobs_run(run: Run) -> None:
    code, data, _ = run("jobs", "run", "tags", "--at", "2026-03-10T08:00")
    assert code == 0
    assert (data["job"], data["status"]) == ("tags", "ok")
    assert data["as_of"] == "2026-03-10T00:00:00+00:00"
    assert run("jobs", "run", "tags", "--at", "2026-03-10T08:00")[1]["changed"] == 0


def test_jobs_run_refuses_an_unknown_job(run: Run) -> None:
    with pytest.raises(SystemExit):
        run("jobs", "run", "laundry")


@pytest.mark.sqlite_only("a digest of the database file")
def test_a_refused_job_run_exits_2_and_writes_nothing(run: Run, db_path: Path) -> None:
    """A job refused (here: the snapshot folder cannot be made, a file is in its place)
    tells the person who ran it and leaves no trace, not even a failed run in the log."""
    maintenance.snapshot_dir().parent.mkdir(parents=True, exist_ok=True)
    maintenance.snapshot_dir().write_text("not a folder")
    before = digest(db_path)
    code, _, err = run("jobs", "run", "backup")
    assert code == 2 and "快照文件夹" in err
    assert digest(db_path) == before


def test_close_day(ctx: Ctx, run: Run) -> None:
    register(ctx, "张三", "13800000001")
    sell(ctx, "13800000001")

    code, data, _ = run("close-day", "--counted-cash", "397.5")

    assert code == 0
    assert data["date"] == "2026-03-10"
    assert (data["sales"], data["revenue_fen"], data["points_issued"]) == (1, 39800, 200)
    assert data["by_method"] == {"cash": 39800, "card": 0, "wechat": 0, "alipay": 0}
    assert (data["expected_cash_fen"], data["counted_cash_fen"], data["difference_fen"]) == (
        39800,
        39750,
        -50,
    )
    assert {"points_redeemed", "points_expired", "refunds_fen"} <= set(data)


def test_close_day_twice_is_refused(run: Run) -> None:
    assert run("close-day", "--date", "2026-03-09")[0] == 0
    code, data, err = run("close-day", "--date", "2026-03-09")
    assert (code, data) == (2, None)
    assert "已于" in err and "日结" in err


def test_close_day_refuses_a_bad_amount(run: Run) -> None:
    code, _, err = run("close-day", "--counted-cash", "-3")
    assert code == 2 and "金额格式不对" in err


def test_backup_then_restore(ctx: Ctx, run: Run, tmp_path: Path) -> None:
    register(ctx, "张三", "13800000001")
    usb = tmp_path / "usb"
    usb.mkdir()

    code, saved, _ = run("backup", "--to", str(usb))
    assert code == 0
    assert Path(saved["file"]).parent == usb and saved["bytes"] > 0
    register(ctx, "李四", "13800000002")  # after the backup: gone after the restore

    code, restored, _ = run("restore", saved["file"])

    assert code == 0
    assert restored["restored_from"] == saved["file"]
    assert Path(restored["safety_copy"]).is_file()
    found = run("member", "find", "李四")[1]
    assert found == {"results": []}
    assert run("audit", "verify")[1]["ok"] is True


def test_backup_remembers_the_folder_that_worked(ctx: Ctx, run: Run, tmp_path: Path) -> None:
    """`backup --to DIR` makes DIR the end-of-day backup folder, audited; a failed one not."""
    usb = tmp_path / "usb"
    usb.mkdir()

    code, _, err = run("backup", "--to", str(tmp_path / "pulled-out"))
    assert code == 2 and "目标文件夹不可用" in err
    assert backup_dir(ctx) == ""

    assert run("backup", "--to", str(usb))[0] == 0

    assert backup_dir(ctx) == str(usb)
    with ctx.db.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "settings.update")).one()
        assert (row.actor, json.loads(row.detail)) == (
            CLI_ACTOR.name,
            {"backup_dir": {"before": "", "after": str(usb)}},
        )


def backup_dir(ctx: Ctx) -> str:
    with ctx.db.read() as s:
        return str(settings_svc.detail(s, "backup_dir"))


def test_encrypted_backup_needs_its_passphrase(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKUP_PASS", "芝麻开门")
    code, saved, _ = run("backup", "--to", str(tmp_path), "--passphrase-env", "BACKUP_PASS")
    assert code == 0 and saved["file"].endswith(".enc")

    code, _, err = run("restore", saved["file"])
    assert code == 2 and "口令" in err
    code, _, err = run("restore", saved["file"], "--passphrase-env", "NOT_SET")
    assert code == 2 and "NOT_SET" in err
    assert run("restore", saved["file"], "--passphrase-env", "BACKUP_PASS")[0] == 0


@pytest.mark.sqlite_only("backups of the database file")
def test_restoring_an_older_backup_upgrades_it(run: Run, tmp_path: Path, clock: FixedClock) -> None:
    old = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = old._alembic_config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    old.dispose()
    saved = backup.backup_database(
        tmp_path / "old.sqlite3", tmp_path, clinic_name="旧店", now=clock.now(), tz="Asia/Shanghai"
    )

    code, restored, _ = run("restore", str(saved.file))

    assert code == 0
    assert restored["schema_version"] == Database("sqlite://").head_version()
    assert run("jobs", "run", "reminders")[0] == 0  # the new tables exist
