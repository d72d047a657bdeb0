"""The audit trail against someone who holds the database file (issue 12, item 3): rows
deleted, re-hashed with the public formula, the whole table emptied, a payment edited by
SQL — each caught by `spa-pos audit verify`, which exits 2. The chain's head is anchored
on the Z report, in backup manifests and in the config folder; the key that signs the
chain lives in the config folder (0600), one keyring per clinic database."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from spa_pos import paths
from spa_pos.cli import run
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.models import AuditEntry
from spa_pos.services import audit, clinic, dayclose, keys, maintenance
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import START, enter_at, register

pytestmark = pytest.mark.sqlite_only(
    "row digests (TEMP triggers) and edits of the file with sqlite3"
)


def verify(db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code = run(["audit", "verify", "--db", str(db), "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture
def till(ctx: Ctx, db_path: Path) -> Iterator[Path]:
    """A clinic with a member and two sales; the chain checked once (so anchored)."""
    card = register(ctx, "张三", "13800000001")
    for fen in (16800, 12800):
        item = "AJ" if fen == 16800 else "TBAM"
        sell(ctx, SaleRequest(items=[(item, 1)], payments=[("cash", fen)], member=card))
    ctx.db.dispose()
    yield db_path


def raw(db: Path) -> sqlite3.Connection:
    """The file opened with plain sqlite3, as an attacker with an SQLite tool would."""
    return sqlite3.connect(db, isolation_level=None)


def test_an_untouched_chain_checks_and_exits_0(till: Path, capsys: Any) -> None:
    code, found = verify(till, capsys)
    assert (code, found["ok"], found["first_bad"], found["problems"]) == (0, True, None, [])
    assert found["entries"] == 4  # demo, member, two sales: nothing automatic
    assert verify(till, capsys)[1]["anchor"]["entries"] == 4  # the first one anchored it


def test_deleting_the_last_rows_is_caught(till: Path, capsys: Any) -> None:
    assert verify(till, capsys)[0] == 0  # anchors the head in the config folder
    with raw(till) as con:
        con.execute("DELETE FROM audit_log WHERE id > (SELECT max(id) - 2 FROM audit_log)")
    code, found = verify(till, capsys)
    assert code == 2 and not found["ok"]
    assert "anchor_missing" in found["problems"]


def test_emptying_the_audit_log_is_caught(till: Path, capsys: Any) -> None:
    assert verify(till, capsys)[0] == 0
    with raw(till) as con:
        con.execute("DELETE FROM audit_log")
    code, found = verify(till, capsys)
    assert (code, found["ok"], found["entries"]) == (2, False, 0)
    assert "anchor_missing" in found["problems"]


def test_rehashing_an_edited_row_with_the_public_formula_is_caught(till: Path, capsys: Any) -> None:
    with raw(till) as con:
        rows = con.execute(
            "SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log ORDER BY id"
        ).fetchall()
        prev = audit.GENESIS
        for row_id, at, actor, action, entity, entity_id, detail in rows:
            if action == "sale.create":
                detail = detail.replace("16800", "1")
            payload = "\x1f".join([prev, at.replace(" ", "T"), actor, action, entity])
            payload = "\x1f".join([payload, entity_id, detail])
            digest = __import__("hashlib").sha256(payload.encode()).hexdigest()
            con.execute(
                "UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (detail, prev, digest, row_id),
            )
            prev = digest
    code, found = verify(till, capsys)
    assert code == 2 and found["first_bad"] == rows[0][0]
    assert "chain_broken" in found["problems"]


def test_editing_a_payment_amount_by_sql_is_caught(till: Path, capsys: Any) -> None:
    with raw(till) as con:
        con.execute("UPDATE payments SET amount_fen = 100 WHERE id = 1")
    code, found = verify(till, capsys)
    assert code == 2 and found["first_bad"] is None  # the chain itself is intact
    assert found["problems"] == ["rows_changed"]
    assert found["changed_rows"][0] | {"audit_id": "?"} == {
        "table": "payments",
        "key": "1",
        "audit_id": "?",
        "state": "changed",
    }


def test_a_payment_inserted_by_sql_is_caught(till: Path, capsys: Any) -> None:
    with raw(till) as con:
        con.execute(
            "INSERT INTO payments (sale_id, method, amount_fen) "
            "SELECT sale_id, 'cash', 99900 FROM payments WHERE id = 1"
        )
    code, found = verify(till, capsys)
    assert code == 2 and found["problems"] == ["rows_changed"]
    assert found["changed_rows"] == [
        {"table": "payments", "key": "3", "audit_id": "", "state": "added"}
    ]


def test_a_nightly_job_bulk_update_is_on_record_not_a_tampering(
    till: Path, ctx: Ctx, capsys: Any
) -> None:
    """Expiry updates lots and balances with bulk statements and writes no audit row of
    its own: the transaction gets an automatic one, so verify still says ok."""
    from datetime import UTC, datetime

    from spa_pos.services import jobs

    jobs.run_job(ctx, "expiry", at=enter_at(ctx, datetime(2027, 6, 1, tzinfo=UTC)))
    ctx.db.dispose()
    code, found = verify(till, capsys)
    assert (code, found["problems"]) == (0, [])
    with ctx.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-1] == audit.AUTO_ACTION


def test_a_fresh_init_makes_a_private_keyring_and_no_secret_in_the_file(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = tmp_path / "new.sqlite3"
    new = Ctx(Database(f"sqlite:///{db}"), CLI_ACTOR, clock)
    clinic.init(new)
    with new.db.read() as s:
        clinic_id = keys.clinic_id(s)
    new.db.dispose()
    assert clinic_id
    key_file = paths.config_dir() / "keys" / f"{clinic_id}.json"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    ring = keys.load(clinic_id)
    assert ring is not None and len(ring.audit_key) == 64
    assert ring.voucher_secret.encode() not in db.read_bytes()
    with raw(db) as con:
        assert con.execute("SELECT 1 FROM settings WHERE key = 'voucher_secret'").fetchone() is None


def test_the_anchor_is_on_the_z_report_and_in_the_backup_manifest(
    till: Path, ctx: Ctx, tmp_path: Path, capsys: Any
) -> None:
    report = dayclose.close_day(ctx)
    with ctx.db.read() as s:
        before_close = s.scalars(
            select(AuditEntry.hash).order_by(AuditEntry.id.desc()).offset(1).limit(1)
        ).one()
    assert report.audit_anchor == f"4:{before_close[:16]}"
    ctx.db.dispose()
    assert run(["close-day", "--date", "2026-03-09", "--db", str(till)]) == 0
    assert "审计锚点 5:" in capsys.readouterr().out

    usb = tmp_path / "usb"
    usb.mkdir()
    with ctx.db.read() as s:
        head = audit.head(s)
        clinic_id = keys.clinic_id(s)
    result = maintenance.backup_now(ctx, usb)
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert head is not None and clinic_id
    assert manifest["audit_anchor"] == {"entries": head.entries, "head": head.head}
    assert "keyring" not in manifest  # a plaintext backup carries no key
    assert keys.load_anchor(clinic_id) == head


def test_rows_written_before_the_upgrade_are_checked_with_the_old_formula(
    tmp_path: Path, clock: FixedClock, capsys: Any
) -> None:
    """A database of before 0009: its rows keep their public hashes up to the switch-over
    the keyring records, and the first keyed row links to them, so they cannot be
    rewritten either."""
    db = tmp_path / "old.sqlite3"
    old = Ctx(Database(f"sqlite:///{db}"), CLI_ACTOR, clock)
    old.db.migrate()
    old.db.dispose()
    prev = audit.GENESIS
    with raw(db) as con:
        con.execute("INSERT INTO settings VALUES ('voucher_secret', ?)", (json.dumps("ab" * 32),))
        for n in range(3):
            at = START.replace(tzinfo=None)
            detail = json.dumps({"n": n})
            digest = audit._legacy_digest(prev, at, "cli", "old.op", "x", str(n), detail)
            con.execute(
                "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, "
                "prev_hash, hash) VALUES (?, 'cli', 'old.op', 'x', ?, ?, ?, ?)",
                (at.isoformat(sep=" "), str(n), detail, prev, digest),
            )
            prev = digest
    clinic.init(old)  # the upgrade: the keyring is made, the secret moved out
    register(old, "张三", "13800000001")
    with old.db.read() as s:
        clinic_id = keys.clinic_id(s)
    old.db.dispose()
    assert clinic_id
    ring = keys.load(clinic_id)
    assert ring is not None
    assert (ring.audit_from, ring.audit_before, ring.voucher_secret) == (3, "legacy", "ab" * 32)
    assert b"ab" * 32 not in db.read_bytes()
    assert verify(db, capsys)[0] == 0

    with raw(db) as con:  # rewrite an old row and re-hash the old rows consistently
        prev = audit.GENESIS
        for row_id, detail in con.execute(
            "SELECT id, detail FROM audit_log WHERE action = 'old.op' ORDER BY id"
        ).fetchall():
            detail = detail.replace("1", "9")
            at = START.replace(tzinfo=None)
            digest = audit._legacy_digest(prev, at, "cli", "old.op", "x", str(row_id - 1), detail)
            con.execute(
                "UPDATE audit_log SET detail = ?, hash = ? WHERE id = ?", (detail, digest, row_id)
            )
            prev = digest
    code, found = verify(db, capsys)
    assert code == 2 and "chain_broken" in found["problems"]


def test_a_keyring_from_another_machine_is_missing_here_and_verify_says_so(
    till: Path, capsys: Any
) -> None:
    shutil.rmtree(paths.config_dir())
    code, found = verify(till, capsys)
    assert code == 2 and found["problems"] == ["no_keyring"]


def test_a_refused_first_write_on_a_connection_leaves_the_next_one_digested(
    till: Path, ctx: Ctx, capsys: Any
) -> None:
    """The TEMP notes table and triggers are made inside the first write transaction of a
    connection; when that transaction rolls back they are gone, and the next write must
    make them again (it once failed with "no such table: spa_pos_touched")."""
    from spa_pos.errors import DomainError
    from spa_pos.services import adjustments

    fresh = Ctx(Database(f"sqlite:///{till}"), CLI_ACTOR, ctx.clock)
    try:
        with pytest.raises(DomainError):
            adjustments.adjust(fresh, "13999999999", 10, "没有这个会员")
        adjustments.adjust(fresh, "13800000001", 10, "补录")
    finally:
        fresh.db.dispose()
    ctx.db.dispose()
    code, found = verify(till, capsys)
    assert (code, found["problems"]) == (0, [])
