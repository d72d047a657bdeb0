"""Who may do what, through the services themselves: every role against every guarded
action, the approval on the spot recorded with both names, and the adjustment limit
counted per member per business day."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry
from spa_pos.services import (
    adjustments,
    audit_browse,
    dayclose,
    exports,
    jobs,
    kpi,
    kpi_export,
    maintenance,
    member_list,
    members,
    outreach,
    permissions,
    privacy,
    refunds,
    rewards,
    scheme_review,
    staff,
    therapist_report,
    vouchers,
)
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import PriceOverride, SaleRequest, sell
from spa_pos.services.context import SYSTEM_ACTOR, Actor, Ctx
from spa_pos.services.members import MemberForm
from tests.conftest import register

Action = Callable[[Ctx, Ctx, Path], None]  # (owner's ctx for the set-up, acting ctx, tmp)


def _refund(owner: Ctx, acting: Ctx, _: Path) -> None:
    card = register(owner, "张三", "13800000002")
    sale = sell(owner, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card))
    refunds.refund(acting, sale.sale_no)


def _cancel_voucher(owner: Ctx, acting: Ctx, _: Path) -> None:
    card = register(owner, "张三", "13800000002")
    adjustments.adjust(owner, card, 1000, "开卡")
    voucher = vouchers.redeem(owner, card, "R-TBAM")
    vouchers.cancel(acting, voucher.voucher_code)


def _adjust_over_limit(owner: Ctx, acting: Ctx, _: Path) -> None:
    card = register(owner, "张三", "13800000002")
    adjustments.adjust(acting, card, 300, "补录纸质积分")


def _reopen_day(owner: Ctx, acting: Ctx, _: Path) -> None:
    dayclose.close_day(owner, date(2026, 3, 9), counted_cash_fen=0)
    dayclose.reopen_day(acting, date(2026, 3, 9))


def _restore(owner: Ctx, acting: Ctx, tmp: Path) -> None:
    """Allowed, it goes on to find there is no such backup (a BackupError of its own)."""
    with pytest.raises(DomainError) as refused:
        maintenance.restore(acting, tmp / "no-such-backup.spabak")
    if refused.value.code == "staff.not_allowed":
        raise refused.value


def _run_job(owner: Ctx, acting: Ctx, _: Path) -> None:
    jobs.run_job(acting, "expiry")


def _change_settings(owner: Ctx, acting: Ctx, _: Path) -> None:
    settings_svc.update(acting, clinic_name="康和理疗馆二店")


def _change_catalog_rules(owner: Ctx, acting: Ctx, _: Path) -> None:
    rewards.restock(acting, "R-BJZ", 1, "到货")


def _member_care(owner: Ctx, acting: Ctx, _: Path) -> None:
    """Allowed, it goes on to find there is no such reminder (a refusal of its own)."""
    with pytest.raises(DomainError) as refused:
        outreach.rescue(acting, 999_999, "extend")
    if refused.value.code == "staff.not_allowed":
        raise refused.value


def _review_scheme(owner: Ctx, acting: Ctx, _: Path) -> None:
    scheme_review.write(acting, "2026-02", "先观察一个月")


def _manage_staff(owner: Ctx, acting: Ctx, _: Path) -> None:
    staff.add(acting, "小周", "therapist", "135792")


def _view_audit(owner: Ctx, acting: Ctx, _: Path) -> None:
    audit_browse.browse(acting)


def _override_price(owner: Ctx, acting: Ctx, _: Path) -> None:
    change = PriceOverride(10000, "老顾客")
    sell(acting, SaleRequest([("AJ", 1)], [("cash", 10000)], overrides={"AJ": change}))


def _backdate(owner: Ctx, acting: Ctx, _: Path) -> None:
    earlier = acting.clock.now() - timedelta(hours=2)  # the till was down this morning
    sell(acting, SaleRequest([("AJ", 1)], [("cash", 16800)], at=earlier))


def _see_health_notes(owner: Ctx, acting: Ctx, _: Path) -> None:
    """Changing them (reads leave them out instead: tests/services/test_privacy.py)."""
    card = register(owner, "张三", "13800000002")
    members.edit(acting, card, MemberForm(name="张三", phone="13800000002", health_needs="失眠"))


def _export_member_data(owner: Ctx, acting: Ctx, tmp: Path) -> None:
    card = register(owner, "张三", "13800000002")
    privacy.export_data(acting, card, tmp / "member.xlsx")


def _export_data(owner: Ctx, acting: Ctx, tmp: Path) -> None:
    exports.export_members(acting, tmp / "members.xlsx")


def _erase_member(owner: Ctx, acting: Ctx, _: Path) -> None:
    card = register(owner, "张三", "13800000002")
    privacy.erase(acting, card, "本人申请")


ACTIONS: dict[str, Action] = {
    "refund": _refund,
    "cancel_voucher": _cancel_voucher,
    "adjust_over_limit": _adjust_over_limit,
    "reopen_day": _reopen_day,
    "restore": _restore,
    "run_job": _run_job,
    "change_settings": _change_settings,
    "change_catalog_rules": _change_catalog_rules,
    "member_care": _member_care,
    "manage_staff": _manage_staff,
    "view_audit": _view_audit,
    "review_scheme": _review_scheme,
    "override_price": _override_price,
    "backdate": _backdate,
    "see_health_notes": _see_health_notes,
    "export_member_data": _export_member_data,
    "erase_member": _erase_member,
    "export_data": _export_data,
}

ALLOWED = {  # written out here, not read from the table: this is what the table must say
    "cashier": set(),
    "therapist": {"see_health_notes"},
    "manager": {
        "see_health_notes",
        "export_member_data",
        "export_data",
        "erase_member",
        "refund",
        "cancel_voucher",
        "adjust_over_limit",
        "reopen_day",
        "run_job",
        "change_settings",
        "change_catalog_rules",
        "member_care",
        "view_audit",
        "review_scheme",
        "override_price",
        "backdate",
    },
    "owner": set(ACTIONS),
    "system": {"run_job"},
}


REFUSAL = {"adjust_over_limit": "points.adjust_over_limit"}  # says what the limit is


def test_every_guarded_action_has_a_row_here() -> None:
    assert set(ACTIONS) == set(permissions.ALLOWED)


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_each_role_against_each_guarded_action(
    ctx: Ctx, tmp_path: Path, role: str, action: str
) -> None:
    acting = replace(ctx, actor=SYSTEM_ACTOR if role == "system" else Actor("某人", role))
    if action in ALLOWED[role]:
        ACTIONS[action](ctx, acting, tmp_path)
    else:
        with pytest.raises(DomainError) as refused:
            ACTIONS[action](ctx, acting, tmp_path)
        assert refused.value.code == REFUSAL.get(action, "staff.not_allowed")


@pytest.mark.parametrize("action", sorted(ALLOWED["manager"]))
def test_a_manager_approving_on_the_spot_lets_a_cashier_do_it(
    ctx: Ctx, tmp_path: Path, action: str
) -> None:
    approved = Actor("小李", "cashier", Actor("张店长", "manager"))
    ACTIONS[action](ctx, replace(ctx, actor=approved), tmp_path)


EXPORTS = [
    "members",
    "catalog",
    "sales",
    "member_list",
    "member_care",
    "therapist_report",
    "dashboard_xlsx",
    "dashboard_pdf",
    "supervision",
]
"""Every service that writes a file of members, sales or figures."""


@pytest.mark.parametrize("what", EXPORTS)
def test_every_export_needs_export_data_and_a_refused_one_writes_no_file(
    ctx: Ctx, tmp_path: Path, what: str
) -> None:
    path = tmp_path / f"{what}.{'pdf' if what == 'dashboard_pdf' else 'xlsx'}"
    first, last = date(2026, 3, 1), date(2026, 3, 31)
    board = kpi.dashboard(ctx, first, last)
    run: dict[str, Callable[[Ctx], object]] = {
        "members": lambda c: exports.export_members(c, path),
        "catalog": lambda c: exports.export_catalog(c, path),
        "sales": lambda c: exports.export_sales(c, date(2026, 3, 10), date(2026, 3, 10), path),
        "member_list": lambda c: member_list.export(c, member_list.Filter(), path),
        "member_care": lambda c: outreach.export(c, path),
        "therapist_report": lambda c: therapist_report.export_report(c, first, last, path),
        "dashboard_xlsx": lambda c: kpi_export.export_xlsx(c, board, path),
        "dashboard_pdf": lambda c: kpi_export.export_pdf(c, board, path),
        "supervision": lambda c: audit_browse.export_supervision(c, first, last, path),
    }
    for role in ("cashier", "therapist"):
        with pytest.raises(DomainError, match="导出数据（会员、销售、报表、项目）需要店长权限"):
            run[what](replace(ctx, actor=Actor("小李", role)))
        assert not path.exists()
    run[what](replace(ctx, actor=Actor("张店长", "manager")))
    assert path.exists()


def test_a_cashier_approving_a_cashier_changes_nothing(ctx: Ctx, tmp_path: Path) -> None:
    acting = replace(ctx, actor=Actor("小李", "cashier", Actor("小王", "cashier")))
    with pytest.raises(DomainError, match="退款需要店长权限"):
        _refund(ctx, acting, tmp_path)


def test_a_manager_may_not_restore_or_manage_staff_even_approved_by_a_manager(
    ctx: Ctx, tmp_path: Path
) -> None:
    acting = replace(ctx, actor=Actor("张店长", "manager", Actor("李店长", "manager")))
    with pytest.raises(DomainError, match="管理员工账号需要老板权限"):
        _manage_staff(ctx, acting, tmp_path)


def _audit(ctx: Ctx, action: str) -> AuditEntry:
    with ctx.db.read() as s:
        row = s.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id.desc())
        ).first()
        assert row is not None
        s.expunge(row)
        return row


def test_an_approval_is_recorded_with_both_names(ctx: Ctx) -> None:
    staff.add(ctx, "小李", "cashier", "246801")
    staff.add(ctx, "张店长", "manager", "97531357")
    cashier = replace(ctx, actor=staff.sign_in(ctx, "小李", "246801"))
    card = register(ctx, "张三", "13800000002")
    sale = sell(cashier, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card))
    with pytest.raises(DomainError, match="退款需要店长权限"):
        refunds.refund(cashier, sale.sale_no)

    approved = replace(cashier, actor=staff.approved(cashier, "张店长", "97531357"))
    refunds.refund(approved, sale.sale_no)

    row = _audit(ctx, "sale.refund")
    assert row.actor == "小李(张店长)"
    assert json.loads(row.detail)["approver"] == "张店长"
    settings_svc.update(approved, clinic_phone="0571-12345678")
    row = _audit(ctx, "settings.update")
    assert (row.actor, json.loads(row.detail)["approver"]) == ("小李(张店长)", "张店长")


def test_the_adjustment_limit_is_per_member_per_business_day(ctx: Ctx, clock: FixedClock) -> None:
    cashier = replace(ctx, actor=Actor("小李", "cashier"))
    approved = replace(ctx, actor=Actor("小李", "cashier", Actor("张店长", "manager")))
    card = register(ctx, "张三", "13800000002")
    other = register(ctx, "李四", "13800000003")
    assert adjustments.adjust(cashier, card, 200, "活动补发") == 200  # at the limit: fine
    with pytest.raises(DomainError, match="超过 200 分的调整需要店长权限"):
        adjustments.adjust(cashier, card, 200, "活动补发")  # 400 today: not ten in a row
    with pytest.raises(DomainError, match="超过 200 分"):
        adjustments.adjust(cashier, card, -1, "冲正")  # both ways count
    assert adjustments.adjust(cashier, other, 150, "活动补发") == 150  # another member
    assert adjustments.adjust(approved, card, 200, "活动补发") == 400

    clock.advance(days=1)  # the next business day starts again
    assert adjustments.adjust(cashier, card, -200, "冲正") == 200
