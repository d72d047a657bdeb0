"""The audit trail as a manager reads it, and the supervision report, on a real history:
a cashier's adjustments (one approved by a manager on the spot), sales and refunds, a
settings change, over two business days."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from spa_pos import messages
from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.services import adjustments, audit_browse, promotions, refunds, rules, staff, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.audit_browse import AuditFilter
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.promotions import PromotionForm
from tests.conftest import register

DAY1, DAY2 = date(2026, 3, 10), date(2026, 3, 11)


@dataclass(frozen=True)
class History:
    card: str
    other: str
    cashier_sale: str
    manager_sale: str


def _history(ctx: Ctx, clock: FixedClock) -> History:
    """Day 1: 小李 adjusts 张三 three times (the third over the limit, 张店长 approving),
    sells, and 张店长 approves its refund; 张店长 sells and refunds his own sale.
    Day 2: 张店长 changes the clinic's phone, 小李 adjusts 李四 and redeems a voucher."""
    staff.add(ctx, "小李", "cashier", "246801")
    staff.add(ctx, "张店长", "manager", "97531357")
    cashier = replace(ctx, actor=Actor("小李", "cashier"))
    approved = replace(ctx, actor=Actor("小李", "cashier", Actor("张店长", "manager")))
    manager = replace(ctx, actor=Actor("张店长", "manager"))
    card = register(ctx, "张三", "13800000002")
    other = register(ctx, "李四", "13800000003")
    adjustments.adjust(cashier, card, 50, "补录纸质积分")
    adjustments.adjust(cashier, card, 100, "补录纸质积分")
    adjustments.adjust(approved, card, 300, "老会员转入")
    cashier_sale = sell(cashier, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card))
    refunds.refund(approved, cashier_sale.sale_no)
    manager_sale = sell(manager, SaleRequest([("AJ", 1)], [("cash", 16800)]))
    refunds.refund(manager, manager_sale.sale_no)
    clock.advance(days=1)
    settings_svc.update(manager, clinic_phone="0571-12345678")
    adjustments.adjust(cashier, other, 150, "活动补发")
    adjustments.adjust(approved, other, 900, "活动补发")
    vouchers.redeem(cashier, other, "R-TBAM")
    return History(card, other, cashier_sale.sale_no, manager_sale.sale_no)


@pytest.fixture
def history(ctx: Ctx, clock: FixedClock) -> History:
    return _history(ctx, clock)


def _all(ctx: Ctx, flt: AuditFilter | None = None) -> list[audit_browse.AuditRow]:
    return audit_browse.browse(ctx, flt, limit=audit_browse.MAX_PAGE).rows


def test_an_approved_adjustment_shows_both_names_and_the_balance_before_and_after(
    ctx: Ctx, history: History
) -> None:
    rows = _all(ctx, AuditFilter(member=history.card, kind="points"))
    assert [(r.who, r.approver, r.what, r.change) for r in rows] == [
        ("小李", "张店长", f"积分调整 {history.card}", "150 → 450（老会员转入）"),
        ("小李", "", f"积分调整 {history.card}", "50 → 150（补录纸质积分）"),
        ("小李", "", f"积分调整 {history.card}", "0 → 50（补录纸质积分）"),
    ]
    assert rows[0].at.utcoffset() is not None and rows[0].at.date() == DAY1


def test_a_settings_change_reads_before_and_after(ctx: Ctx, history: History) -> None:
    (row,) = _all(ctx, AuditFilter(kind="settings", who="张店长"))
    assert (row.who, row.what) == ("张店长", "修改设置 clinic_phone")
    assert row.change.startswith("clinic_phone: ") and row.change.endswith(" → 0571-12345678")


def test_other_details_read_with_their_labels_and_money_in_yuan(ctx: Ctx, history: History) -> None:
    (redeemed,) = _all(ctx, AuditFilter(kind="vouchers"))
    assert redeemed.what.startswith("积分兑换 ")
    assert f"会员: {history.other}" in redeemed.change and "奖品: R-TBAM" in redeemed.change
    refunded = _all(ctx, AuditFilter(kind="sales", who="张店长", entity="sale"))[0]
    assert refunded.what == f"退款 {history.manager_sale}"
    assert "退款金额: ¥168.00" in refunded.change
    assert "退回兑换券" not in refunded.change  # nothing returned: left out


def test_sales_and_refunds_read_payments_lines_and_vouchers_in_words(
    ctx: Ctx, history: History
) -> None:
    """Not the stored lists ("付款: [[\"cash\", 16800]]", "行号: [1]"): the method's name
    with yuan, the line as 第1行; and in English too."""
    sold = _all(ctx, AuditFilter(kind="sales", who="张店长", entity="sale"))[1]
    assert sold.action == "sale.create"
    assert "付款: 现金 ¥168.00" in sold.change and "[" not in sold.change
    refunded = _all(ctx, AuditFilter(kind="sales", who="张店长", entity="sale"))[0]
    assert "行号: 第1行" in refunded.change and "[" not in refunded.change
    assert (
        audit_browse.change_text(
            "sale.create",
            {"payments": [["wechat", 46600], ["cash", 100]], "vouchers": ["V1", "V2"]},
            "Asia/Shanghai",
        )
        == "付款: 微信支付 ¥466.00 + 现金 ¥1.00；兑换券: V1、V2"
    )
    messages.set_language("en")
    try:
        text = audit_browse.change_text(
            "sale.refund", {"lines": [1, 3], "payments": [["card", 5]]}, "Asia/Shanghai"
        )
    finally:
        messages.set_language("zh_CN")
    assert text == "lines: line 1, line 3；payments: Bank card ¥0.05"


def test_staff_rows_read_in_words_not_stored_codes(ctx: Ctx, history: History) -> None:
    """The role as a person says it, and a right PIN after wrong ones labelled."""
    with pytest.raises(DomainError):
        staff.sign_in(ctx, "小李", "000000")
    staff.sign_in(ctx, "小李", "246801")
    rows = _all(ctx, AuditFilter(entity="staff"))
    added = {r.what: r.change for r in rows if r.action == "staff.add"}
    assert added == {"新增员工 小李": "角色: 收银员", "新增员工 张店长": "角色: 店长"}
    assert [r.change for r in rows if r.action == "staff.pin_ok"] == ["密码加密已升级: 否"]


def test_promotions_read_their_times_in_the_clinics_zone(ctx: Ctx) -> None:
    """Not the stored UTC ISO text ("2026-03-12T06:30:00"): the clinic's wall clock."""
    promo = promotions.add(
        ctx,
        PromotionForm(
            name="三八节双倍积分",
            starts="2026-03-12T14:30",
            ends="2026-03-15",
            multiplier="2",
            items=("AJ",),
        ),
    )
    promotions.end(ctx, promo.id)

    ended, added = _all(ctx, AuditFilter(entity="promotion"))

    assert set(added.change.split("；")) == {
        "名称: 三八节双倍积分",
        "开始: 2026-03-12 14:30",
        "结束: 2026-03-15 00:00",
        "积分倍数: 2",
        "项目: AJ",
    }
    assert ended.change == "名称: 三八节双倍积分"


def test_the_printer_setting_reads_as_its_words_not_its_json(ctx: Ctx) -> None:
    settings_svc.update(
        ctx,
        printer={
            "kind": "escpos_network",
            "host": "192.168.1.50",
            "port": 9100,
            "kick_drawer": True,
        },
    )
    settings_svc.update(ctx, printer={"kind": "system", "printer_name": "EPSON TM-T82"})

    to_system, to_network = _all(ctx, AuditFilter(kind="settings"))

    assert to_network.change == (
        "小票打印机: PDF 文件夹 — → 网络热敏打印机 192.168.1.50:9100，现金付款时打开钱箱"
    )
    assert to_system.change == (
        "小票打印机: 网络热敏打印机 192.168.1.50:9100，现金付款时打开钱箱 → 系统打印机 EPSON TM-T82"
    )
    messages.set_language("en")
    try:
        english = audit_browse.change_text(
            "settings.update",
            {
                "printer": {
                    "before": {"kind": "pdf", "folder": "D:/小票"},
                    "after": {"kind": "escpos_usb", "vendor_id": 1046, "product_id": 20497},
                }
            },
            "Asia/Shanghai",
        )
    finally:
        messages.set_language("zh_CN")
    assert english == "receipt printer: PDF folder D:/小票 → USB thermal printer 0416:5011"


def test_a_rule_change_reads_when_it_takes_effect_in_the_clinics_zone(ctx: Ctx) -> None:
    rules.change(
        ctx, {"dormant_days": 45}, datetime(2026, 4, 1, 0, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    )
    (row,) = _all(ctx, AuditFilter(kind="settings"))
    assert "2026-04-01 00:00" in row.change and "+08:00" not in row.change


def test_filters_by_who_approver_kind_member_and_day(ctx: Ctx, history: History) -> None:
    by_li = _all(ctx, AuditFilter(who="小李"))
    assert {r.who for r in by_li} == {"小李"}
    assert {r.action for r in by_li} == {
        "points.adjust",
        "sale.create",
        "sale.refund",
        "voucher.redeem",
    }
    approved = _all(ctx, AuditFilter(approver="张店长"))
    assert [(r.who, r.action) for r in approved] == [
        ("小李", "points.adjust"),
        ("小李", "sale.refund"),
        ("小李", "points.adjust"),
    ]
    by_manager = _all(ctx, AuditFilter(who="张店长"))
    assert [r.action for r in by_manager] == ["settings.update", "sale.refund", "sale.create"]
    refunds_only = _all(ctx, AuditFilter(kind="sales", entity="sale"))
    assert {r.action for r in refunds_only} == {"sale.create", "sale.refund"}
    about_li_si = _all(ctx, AuditFilter(member=history.other))
    assert [r.action for r in about_li_si] == [
        "voucher.redeem",
        "points.adjust",
        "points.adjust",
        "member.register",
    ]
    day2 = _all(ctx, AuditFilter(first=DAY2, last=DAY2))
    assert {r.at.date() for r in day2} == {DAY2}
    assert "settings.update" in {r.action for r in day2}
    day1 = _all(ctx, AuditFilter(first=DAY1, last=DAY1, who="小李"))
    assert len(day1) == len(by_li) - 3  # two adjustments and the redemption were on day 2


def test_paging_returns_every_row_once_newest_first(ctx: Ctx, history: History) -> None:
    everything = [r.id for r in _all(ctx)]
    assert everything == sorted(everything, reverse=True)
    seen: list[int] = []
    before: int | None = None
    pages = 0
    while True:
        page = audit_browse.browse(ctx, before=before, limit=4)
        seen += [r.id for r in page.rows]
        pages += 1
        if page.next_before is None:
            break
        before = page.next_before
    assert seen == everything
    assert pages == -(-len(everything) // 4)


def test_a_cashier_may_not_read_the_trail_nor_the_report(ctx: Ctx, history: History) -> None:
    cashier = replace(ctx, actor=Actor("小李", "cashier"))
    with pytest.raises(DomainError, match="查看审计记录和监督报表需要店长权限"):
        audit_browse.browse(cashier)
    with pytest.raises(DomainError, match="需要店长权限"):
        audit_browse.supervision(cashier, DAY1, DAY2)
    approved = replace(ctx, actor=Actor("小李", "cashier", Actor("张店长", "manager")))
    assert audit_browse.browse(approved, limit=1).rows


def test_an_unknown_kind_or_a_backwards_period_is_refused(ctx: Ctx) -> None:
    with pytest.raises(DomainError) as refused:
        audit_browse.browse(ctx, AuditFilter(kind="nonsense"))
    assert refused.value.code == "audit.bad_kind"
    with pytest.raises(DomainError) as refused:
        audit_browse.supervision(ctx, DAY2, DAY1)
    assert refused.value.code == "audit.bad_period"


def test_supervision_counts_per_person_and_flags_the_unusual(ctx: Ctx, history: History) -> None:
    report = audit_browse.supervision(ctx, DAY1, DAY2)
    by_name = {r.name: r for r in report.rows}
    li = by_name["小李"]
    assert (li.adjustments, li.points_added, li.points_taken) == (5, 1500, 0)
    assert (li.adjustments_approved, li.approvers) == (2, ["张店长"])
    assert (li.refunds, li.refunded_fen) == (1, 16800)
    assert (li.redemptions, li.voucher_cancels, li.days_reopened) == (1, 0, 0)
    manager = by_name["张店长"]
    assert (manager.refunds, manager.refunded_fen, manager.adjustments) == (1, 16800, 0)
    assert [(f.kind, f.staff, f.ref, f.count) for f in report.flags] == [
        ("repeat_adjustments", "小李", history.card, 3),
        ("refund_by_seller", "张店长", history.manager_sale, 1),
    ]
    assert report.flags[0].text == f"小李 在本期给会员 {history.card} 调整积分 3 次"
    first_day = audit_browse.supervision(ctx, DAY1, DAY1)
    assert {r.name: r.adjustments for r in first_day.rows}["小李"] == 3


def test_the_supervision_report_exports_to_xlsx(ctx: Ctx, history: History, tmp_path: Path) -> None:
    path = tmp_path / "supervision.xlsx"
    result = audit_browse.export_supervision(ctx, DAY1, DAY2, path)
    assert result.rows == 2
    book = load_workbook(path)
    table = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert table[0] == list(audit_browse.HEADERS)
    li = next(r for r in table if r[0] == "小李")
    assert li[1:8] == [5, 1500, 0, 2, "张店长", 1, 168]
    flags = [list(r) for r in book["提醒"].iter_rows(values_only=True)]
    assert [r[0] for r in flags[1:]] == ["repeat_adjustments", "refund_by_seller"]
    with pytest.raises(DomainError):
        audit_browse.export_supervision(ctx, DAY1, DAY2, tmp_path / "supervision.pdf")
