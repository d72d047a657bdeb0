"""Privacy (个人信息): health needs and notes only for the roles that may see them, a
member's data exported on request, and erasure on request that leaves every total as it
was and no byte of the name or phone in the database file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import event, select, text

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, Member
from spa_pos.services import (
    adjustments,
    audit,
    dayclose,
    drafts,
    exports,
    feedback,
    kpi,
    member_list,
    members,
    outreach,
    privacy,
    profile,
    vouchers,
)
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.members import MemberForm
from tests.conftest import register

CASHIER = Actor("小李", "cashier")
THERAPIST = Actor("小周", "therapist")
MANAGER = Actor("张店长", "manager")


def acting(ctx: Ctx, actor: Actor) -> Ctx:
    return replace(ctx, actor=actor)


def health_of(ctx: Ctx, card: str) -> tuple[str, str]:
    p = profile.show(ctx, card)  # as the owner
    return p.health_needs, p.notes


def _with_health(ctx: Ctx) -> str:
    card = register(ctx, "王小明", "13912345678", health_needs="腰椎间盘突出", notes="怕冷")
    profile.add_note(ctx, card, "初诊：腰痛三年")
    return card


# --- health needs and notes ----------------------------------------------------------------


def test_a_cashier_gets_no_health_needs_or_notes_from_any_member_read(ctx: Ctx) -> None:
    card = _with_health(ctx)
    cashier = acting(ctx, CASHIER)
    for p in (profile.show(cashier, card), profile.member_view(cashier, card).profile):
        assert (p.health_needs, p.notes, p.health_hidden) == ("", "", True)
    care = profile.care(cashier, card)
    assert (care.health_needs, care.notes, care.health_hidden) == ("", [], True)


@pytest.mark.parametrize("actor", [THERAPIST, MANAGER, Actor("小李", "cashier", MANAGER)])
def test_a_therapist_a_manager_or_an_approved_cashier_sees_them(ctx: Ctx, actor: Actor) -> None:
    card = _with_health(ctx)
    who = acting(ctx, actor)
    p = profile.member_view(who, card).profile
    assert (p.health_needs, p.notes, p.health_hidden) == ("腰椎间盘突出", "怕冷", False)
    care = profile.care(who, card)
    assert care.health_needs == "腰椎间盘突出"
    assert [n.text for n in care.notes] == ["初诊：腰痛三年"]


def test_a_cashier_edits_a_member_without_touching_what_they_cannot_see(ctx: Ctx) -> None:
    card = _with_health(ctx)
    cashier = acting(ctx, CASHIER)
    form = MemberForm(name="王小明", phone="13912345678", health_needs=None, notes=None)
    members.edit(cashier, card, replace(form, birthday=date(1980, 5, 1)))
    assert health_of(ctx, card) == ("腰椎间盘突出", "怕冷")
    with pytest.raises(DomainError) as refused:
        members.edit(cashier, card, replace(form, health_needs=""))
    assert refused.value.code == "staff.not_allowed"
    assert health_of(ctx, card) == ("腰椎间盘突出", "怕冷")


def test_the_member_export_is_not_the_counters_and_holds_the_notes_for_who_may(
    ctx: Ctx, tmp_path: Path
) -> None:
    """A cashier alone may not take every member out in a file (`export_data`); with a
    manager's PIN the notes come along, as the manager who approved may read them."""
    _with_health(ctx)
    with pytest.raises(DomainError) as refused:
        exports.export_members(acting(ctx, CASHIER), tmp_path / "cashier.xlsx")
    assert refused.value.code == "staff.not_allowed"
    assert not (tmp_path / "cashier.xlsx").exists()
    approved = replace(CASHIER, approver=MANAGER)
    for who in (MANAGER, approved):
        path = tmp_path / f"{who.label}.xlsx"
        exports.export_members(acting(ctx, who), path)
        rows = list(load_workbook(path).active.iter_rows(values_only=True))  # type: ignore[union-attr]
        assert rows[1][-1] == "怕冷"


# --- export on request -------------------------------------------------------------------


def test_a_members_data_export_holds_the_ledger_and_every_kind(ctx: Ctx, tmp_path: Path) -> None:
    card = _with_health(ctx)
    sale = sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card))
    feedback.record(ctx, sale.sale_no, 5, "手法很好", reward=False)
    adjustments.adjust(ctx, card, 500, "补录纸质积分")
    voucher = vouchers.redeem(ctx, card, "R-TBAM")
    path = tmp_path / "data.xlsx"
    done = privacy.export_data(acting(ctx, MANAGER), card, path)

    book = load_workbook(path)
    assert set(done.sheets) == set(book.sheetnames)
    ledger = list(book["积分 ledger"].iter_rows(values_only=True))[1:]
    per_kind: dict[str, int] = {}
    for _at, kind, _rule, pts, *_ in ledger:  # a redemption takes from each lot in turn
        per_kind[str(kind)] = per_kind.get(str(kind), 0) + int(str(pts))
    assert per_kind == {"earn": sale.points_earned, "adjust": 500, "redeem": -voucher.points_spent}
    assert sum(per_kind.values()) == profile.show(ctx, card).balance
    profile_rows = {k: v for k, v, *_ in book["资料 profile"].iter_rows(values_only=True)}
    assert profile_rows["手机 phone"] == "13912345678"
    assert profile_rows["健康需求 health_needs"] == "腰椎间盘突出"
    sales = list(book["消费 sales"].iter_rows(values_only=True))[1:]
    assert [(no, item) for no, _at, item, *_ in sales] == [(sale.sale_no, "艾灸")]
    assert list(book["兑换券 vouchers"].iter_rows(values_only=True))[1][0] == voucher.voucher_code
    assert list(book["评价 feedback"].iter_rows(values_only=True))[1][3] == "手法很好"
    assert list(book["问诊 notes"].iter_rows(values_only=True))[1][2] == "初诊：腰痛三年"
    with ctx.db.read() as s:
        entry = s.scalars(select(AuditEntry).filter_by(action="member.export")).one()
    assert entry.entity_id == card and "王小明" not in entry.detail


def test_a_cashier_may_not_export_or_erase(ctx: Ctx, tmp_path: Path) -> None:
    card = _with_health(ctx)
    cashier = acting(ctx, CASHIER)
    for attempt in (
        lambda: privacy.export_data(cashier, card, tmp_path / "x.xlsx"),
        lambda: privacy.erase(cashier, card, "本人申请"),
    ):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "staff.not_allowed"
    assert not (tmp_path / "x.xlsx").exists()
    assert profile.show(ctx, card).name == "王小明"


# --- erasure ----------------------------------------------------------------------------------


@pytest.fixture
def plain_sqlite(ctx: Ctx, engine: str) -> Ctx:
    """`ctx` on connections without `secure_delete`, as the SQLite of python.org's Windows
    build runs (Debian's is built with it on): there a deleted or rewritten row's bytes stay
    in its page until the file is rebuilt, so only the VACUUM removes them. On PostgreSQL,
    `ctx` as it is (the server's files are the server's)."""

    def insecure(con: Any, _record: Any) -> None:
        con.execute("PRAGMA secure_delete = OFF")

    if engine == "sqlite":
        event.listen(ctx.db.engine, "connect", insecure)
        ctx.db.engine.dispose()
    return ctx


def _stored_bytes(ctx: Ctx) -> bytes:
    """What the database holds: on SQLite every byte of its file and WAL (free pages too);
    on a server, every text column of every table, as UTF-8."""
    path = ctx.db.path
    if path is None:
        return _every_text(ctx).encode()
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            data += side.read_bytes()
    return data


def _every_text(ctx: Ctx) -> str:
    with ctx.db.read() as s:
        columns = s.execute(
            text(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema()"
                " AND data_type IN ('text', 'character varying', 'character')"
            )
        ).all()
        values = [
            s.scalars(text(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'))
            for table, column in columns
        ]
        return "\n".join(value for rows in values for value in rows)


def _totals(ctx: Ctx, card: str, day: date) -> object:
    with ctx.db.read() as s:
        z = dayclose.z_report(s, day, "Asia/Shanghai")
    board = kpi.dashboard(ctx, day - timedelta(days=30), day)
    return (
        board.to_json(),
        replace(z, audit_anchor=""),  # the trail's head moves on: erasure is audited
        profile.show(ctx, card).balance,
        [(v.code, v.status) for v in profile.show(ctx, card).vouchers],
        profile.show(ctx, card).courses,
    )


def _history(ctx: Ctx, clock: FixedClock, name: str, phone: str) -> tuple[str, str]:
    """A member with a bit of everything that can hold their name or phone; (card, referred
    member's card)."""
    card = register(
        ctx,
        name,
        phone,
        birthday=date(1980, 3, 15),
        health_needs=f"{name} 腰痛",
        notes=f"电话 {phone}",
        marketing_consent=True,
    )
    members.edit(
        ctx,
        card,
        MemberForm(name, phone, date(1980, 3, 14), notes="改过", marketing_consent=True),
    )
    friend = register(ctx, "赵六", "13700001111", referrer=card, notes=f"{name} 介绍")
    profile.add_note(ctx, card, f"{name} 初诊")
    sale = sell(ctx, SaleRequest([("ZJTN10", 1)], [("cash", 358000)], member=card))
    sell(ctx, SaleRequest([("AJ", 1)], [("wechat", 16800)], member=friend))
    feedback.record(ctx, sale.sale_no, 4, f"我是{name}，电话{phone}", reward=True)
    adjustments.adjust(ctx, card, 100, f"{name} 纸质积分补录")
    vouchers.redeem(ctx, card, "R-TBAM")
    member_list.queue_message(ctx, member_list.Filter(), "{姓名}您好，本周艾灸八折")
    messages = [m for m in outreach.messages(ctx) if m.member_card == card]
    assert messages and name in messages[0].text
    outreach.mark(ctx, messages[0].id, "sent", f"{name} 说谢谢，回拨 {phone}")
    drafts.save(ctx, drafts.Draft([drafts.DraftLine("AJ", 1, 16800)], member=card))
    clock.at += timedelta(minutes=5)
    return card, friend


def test_erasure_leaves_every_total_and_no_byte_of_the_name_or_phone(
    plain_sqlite: Ctx, clock: FixedClock
) -> None:
    ctx = plain_sqlite
    name, phone = "王小明", "13912345678"
    card, friend = _history(ctx, clock, name, phone)
    day = date(2026, 3, 10)
    before = _totals(ctx, card, day)
    friend_before = profile.show(ctx, friend).balance
    assert name.encode() in _stored_bytes(ctx)

    approved = Actor("小李", "cashier", MANAGER)
    done = privacy.erase(acting(ctx, approved), card, f"{name} 本人书面申请")

    assert done.compacted and done.audit_rows_by_value == 0
    assert _totals(ctx, card, day) == before
    assert profile.show(ctx, friend).balance == friend_before
    data = _stored_bytes(ctx)
    assert name.encode() not in data and phone.encode() not in data
    assert b"wangxiaoming" not in data and b"wxm" not in data
    shown = profile.show(ctx, card)
    assert (shown.name, shown.birthday, shown.erased) == (done.name, None, True)
    assert done.name.startswith("已注销会员 #")
    assert profile.show(ctx, friend).referrer == done.name
    with ctx.db.read() as s:
        check = audit.verify(s)
        entry = s.scalars(select(AuditEntry).filter_by(action="member.erase")).one()
        member = s.scalars(select(Member).where(Member.card_no == card)).one()
        assert (member.health_needs, member.notes, member.marketing_consent) == ("", "", False)
    assert check.ok, check.problems
    assert '"approver": "张店长"' in entry.detail and "小李" in entry.actor
    assert drafts.stored(ctx) is None
    with pytest.raises(DomainError) as again:
        privacy.erase(ctx, card, "重复")
    assert again.value.code == "privacy.erased"
    with pytest.raises(DomainError) as edit:
        members.edit(ctx, card, MemberForm(name="某人", phone="13900000000"))
    assert edit.value.code == "privacy.erased"


def test_erasure_needs_a_reason(ctx: Ctx) -> None:
    card = register(ctx, "王小明", "13912345678")
    with pytest.raises(DomainError) as refused:
        privacy.erase(ctx, card, "  ")
    assert refused.value.code == "privacy.reason_required"


def test_older_audit_rows_with_personal_values_are_counted(ctx: Ctx) -> None:
    """A row written by an older version (the name by value) is not rewritten: the chain
    stays verifiable and the erasure says how many such rows remain."""
    card = register(ctx, "王小明", "13912345678")
    with ctx.db.write() as s:
        audit.record(
            s,
            at=datetime(2026, 3, 10, 2, 0),
            actor="cli",
            action="member.register",
            entity="member",
            entity_id=card,
            detail={"name": "王小明", "phone": "13912345678"},
        )
    done = privacy.erase(ctx, card, "本人申请")
    assert done.audit_rows_by_value == 1
    with ctx.db.read() as s:
        assert audit.verify(s).ok


_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(_CJK, min_size=2, max_size=4),
    phone=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
)
def test_any_name_and_phone_leave_no_trace(plain_sqlite: Ctx, name: str, phone: str) -> None:
    ctx = plain_sqlite
    with ctx.db.read() as s:
        if s.scalars(select(Member).where(Member.phone == phone)).first():
            return  # an earlier example's member (erased ones have no phone left)
    card = register(ctx, name, phone, health_needs=f"{name}{phone}")
    sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card))
    before = profile.show(ctx, card).balance
    privacy.erase(ctx, card, "本人申请")
    data = _stored_bytes(ctx)
    assert name.encode() not in data and phone.encode() not in data
    assert profile.show(ctx, card).balance == before
