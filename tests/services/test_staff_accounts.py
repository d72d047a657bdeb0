"""Staff accounts: the PIN rule and its stored form, the lockout after five wrong PINs
(kept across a restart), disabling, and the manager PIN of a clinic set up before 0012."""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, StaffMember
from spa_pos.services import staff
from spa_pos.services.context import Actor, Ctx
from tests.test_migrations import migrate_to


def failures(ctx: Ctx) -> list[dict[str, object]]:
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff.pin_failed"))
        return [{"who": r.entity_id, **json.loads(r.detail)} for r in rows]


def test_a_pin_is_six_digits_or_a_passphrase_and_its_cost_is_stored_with_it(ctx: Ctx) -> None:
    for short in ("12345", "abc1234", "1234 \n78", ""):
        with pytest.raises(DomainError, match="至少 6 位数字"):
            staff.add(ctx, "小李", "cashier", short)
    staff.add(ctx, "小李", "cashier", "吉祥如意平安喜乐")  # a passphrase
    with ctx.db.read() as s:
        stored = s.scalars(select(StaffMember.pin_hash)).one()
    kind, n, r, p, salt, _ = stored.split("$")
    assert (kind, int(n), int(r), int(p)) == ("scrypt", staff.KDF.n, staff.KDF.r, staff.KDF.p)
    assert staff.KDF.n >= 2**16 and len(bytes.fromhex(salt)) == 16 and "吉祥" not in stored
    assert staff.sign_in(ctx, "小李", "吉祥如意平安喜乐") == Actor("小李", "cashier")


def test_five_wrong_pins_lock_the_account_for_five_minutes_even_across_a_restart(
    ctx: Ctx, clock: FixedClock
) -> None:
    staff.add(ctx, "小李", "cashier", "246801")
    for _ in range(4):
        with pytest.raises(DomainError, match="小李 的密码不对"):
            staff.sign_in(ctx, "小李", "000000")
    assert staff.sign_in(ctx, "小李", "246801").role == "cashier"  # the count starts again
    for left in (4, 3, 2, 1):
        with pytest.raises(DomainError, match=f"小李 的密码不对，还可以再试 {left} 次"):
            staff.sign_in(ctx, "小李", "000000")
    with pytest.raises(DomainError, match="已锁定，请 5 分钟后再试"):  # the fifth locks
        staff.sign_in(ctx, "小李", "000000")
    assert len(failures(ctx)) == 9 and failures(ctx)[-1] == {"who": "小李", "locked": True}
    with pytest.raises(DomainError, match="已锁定，请 5 分钟后再试"):
        staff.sign_in(ctx, "小李", "246801")  # even the right PIN

    ctx.db.dispose()  # the app closes; a new process opens the same file
    restarted = Ctx(Database(ctx.db.url), ctx.actor, clock)
    clock.advance(minutes=4, seconds=30)
    with pytest.raises(DomainError, match="已锁定，请 1 分钟后再试"):
        staff.sign_in(restarted, "小李", "246801")
    assert [v.locked for v in staff.listing(restarted)] == [True]
    assert len(failures(restarted)) == 9  # a locked account's tries are not even checked
    clock.advance(seconds=30)
    assert staff.sign_in(restarted, "小李", "246801").name == "小李"
    restarted.db.dispose()


def test_wrong_pins_at_the_till_count_against_every_manager_account(ctx: Ctx) -> None:
    staff.set_manager_pin(ctx, "246813")
    staff.add(ctx, "张店长", "manager", "97531357")
    staff.add(ctx, "小李", "cashier", "246801")
    for _ in range(5):
        with pytest.raises(DomainError, match="店长密码不对"):
            staff.manager(ctx, "收银台", "246801")  # a cashier's PIN approves nothing
    assert {v.name for v in staff.listing(ctx) if v.locked} == {"店长", "张店长"}
    with pytest.raises(DomainError, match="已锁定"):
        staff.manager(ctx, "收银台", "246813")


def test_the_till_approval_names_the_manager_whose_pin_it_was(ctx: Ctx) -> None:
    staff.set_manager_pin(ctx, "246813")
    staff.add(ctx, "张店长", "manager", "97531357")
    assert staff.manager(ctx, "收银台", "97531357") == Actor(
        "收银台", "cashier", Actor("张店长", "manager")
    )


def test_a_disabled_account_cannot_sign_in_and_the_last_owner_stays(ctx: Ctx) -> None:
    staff.set_manager_pin(ctx, "246813")
    staff.add(ctx, "小李", "cashier", "246801")
    assert staff.disable(ctx, "小李").active is False
    with pytest.raises(DomainError, match="小李 的账号已停用"):
        staff.sign_in(ctx, "小李", "246801")
    with pytest.raises(DomainError, match="不能停用最后一个老板账号"):
        staff.disable(ctx, "店长")
    with pytest.raises(DomainError, match="管理员工账号需要老板权限"):
        staff.disable(replace(ctx, actor=Actor("张店长", "manager")), "店长")
    with pytest.raises(DomainError, match="已有名为 小李 的员工账号"):
        staff.add(ctx, "小李", "therapist", "246802")


def _legacy_hash(pin: str) -> str:
    """The manager PIN as stored before 0012."""
    salt = secrets.token_hex(16)
    digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1).hex()
    return f"{salt}${digest}"


def test_the_manager_pin_of_an_older_clinic_becomes_the_owner_account(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    old = json.dumps(_legacy_hash("2468"))  # 4 digits were allowed then
    migrate_to(
        db, "0010", f"INSERT INTO settings (key, value) VALUES ('manager_pin_hash', '{old}')"
    )
    migrate_to(db, "head")
    ctx = Ctx(db, clock=clock)
    assert [(v.name, v.role, v.active) for v in staff.listing(ctx)] == [("店长", "owner", True)]
    assert staff.has_manager_pin(ctx)
    assert staff.manager(ctx, "收银台", "2468").approver == Actor("店长", "owner")
    with db.engine.connect() as conn:  # typed right once: re-hashed at today's cost
        stored = conn.execute(text("SELECT pin_hash FROM staff")).scalar_one()
        audited = conn.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "staff.pin_ok")
        ).scalar_one()
    assert stored.startswith(f"scrypt${staff.KDF.n}$") and audited == 1
    assert staff.sign_in(ctx, "店长", "2468").role == "owner"
    db.dispose()
