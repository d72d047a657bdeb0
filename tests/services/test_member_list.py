"""The member list (会员列表) on a small crafted clinic: each filter, the sorts, paging,
the export read back, the targeted coupon and the campaign message."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, LedgerEntry, Member, OutboxMessage, Reward, Sale, Voucher
from spa_pos.services import checkout, member_list, refunds, tags, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.member_list import Filter
from spa_pos.services.members import MemberForm
from tests.conftest import enter_at

SH = ZoneInfo("Asia/Shanghai")


def local(m: int, d: int, hh: int = 11) -> datetime:
    return datetime(2026, m, d, hh, 0, tzinfo=SH)


def buy(ctx: Ctx, phone: str, at: datetime, *items: tuple[str, int], fen: int) -> str:
    request = SaleRequest(
        items=list(items), payments=[("cash", fen)], member=phone, at=enter_at(ctx, at)
    )
    return checkout.sell(ctx, request).sale_no


@pytest.fixture
def clinic(ctx: Ctx) -> Ctx:
    """安 buys 艾灸 twice (理疗项目, ¥336), consents, born in April; 白 buys a pillow and a
    foot bath (产品, ¥238), no consent, born in July; 陈 never comes; 丁 buys 腰部理疗 and
    takes it all back (no spend, no favourite)."""
    enter_at(ctx, local(3, 10, 9))
    from spa_pos.services import members

    for name, phone, born, consent in (
        ("安", "13800000001", date(1990, 4, 5), True),
        ("白", "13800000002", date(1985, 7, 20), False),
        ("陈", "13800000003", None, True),
        ("丁", "13800000004", date(1970, 4, 30), True),
    ):
        members.register(
            ctx, MemberForm(name=name, phone=phone, birthday=born, marketing_consent=consent)
        )
    buy(ctx, "13800000001", local(3, 11), ("AJ", 1), fen=16800)
    buy(ctx, "13800000001", local(3, 20), ("AJ", 1), fen=16800)
    buy(ctx, "13800000002", local(3, 12), ("BJZ", 1), ("ZYB", 1), fen=23800)
    sale = buy(ctx, "13800000004", local(3, 13), ("YBLL", 1), fen=29800)
    refunds.refund(ctx, sale, at=enter_at(ctx, local(3, 14)))
    enter_at(ctx, local(3, 25))
    now = ctx.clock.now()
    with ctx.db.write() as s:
        tags.refresh_all(s, now, settings_svc.load(s, now))
    return ctx


def names(page: member_list.Page) -> list[str]:
    return [r.name for r in page.rows]


def listed(ctx: Ctx, flt: Filter, sort: str = "card", descending: bool = False) -> list[str]:
    return names(member_list.page(ctx, flt, sort=sort, descending=descending))


def test_everyone_with_their_figures(clinic: Ctx) -> None:
    page = member_list.page(clinic, Filter())
    assert page.total == 4
    an, bai, chen, ding = page.rows
    assert (an.name, an.phone, an.spend_fen, an.favourite) == (
        "安",
        "138****0001",
        33600,
        "理疗项目",
    )
    assert an.last_visit == date(2026, 3, 20)
    assert an.tier == "普通" and an.balance == 200
    assert (bai.spend_fen, bai.favourite) == (23800, "产品")
    assert (chen.spend_fen, chen.favourite, chen.last_visit) == (0, "", None)
    assert (ding.spend_fen, ding.favourite) == (0, "")  # refunded wholly


def test_each_filter(clinic: Ctx) -> None:
    assert listed(clinic, Filter(birthday_month=4)) == ["安", "丁"]
    assert listed(clinic, Filter(favourite="产品")) == ["白"]
    assert listed(clinic, Filter(favourite="理疗项目")) == ["安"]
    assert listed(clinic, Filter(spend_min_fen=23800)) == ["安", "白"]
    assert listed(clinic, Filter(spend_min_fen=1, spend_max_fen=30000)) == ["白"]
    assert listed(clinic, Filter(visited_from=date(2026, 3, 13))) == ["安", "丁"]
    assert listed(clinic, Filter(visited_to=date(2026, 3, 12))) == ["白"]
    assert listed(clinic, Filter(tag=tags.HIGH_VALUE)) == ["安"]
    assert listed(clinic, Filter(tier="普通")) == ["安", "白", "陈", "丁"]
    assert listed(clinic, Filter(tier="银卡")) == []
    both = Filter(birthday_month=4, favourite="理疗项目")
    assert listed(clinic, both) == ["安"]


def test_a_tier_filter_follows_the_points_earned(clinic: Ctx) -> None:
    buy(clinic, "13800000002", local(3, 26), ("ZJTN10", 1), fen=358000)  # +2000 points
    assert listed(clinic, Filter(tier="银卡")) == ["白"]
    assert member_list.page(clinic, Filter(tier="银卡")).rows[0].tier == "银卡"


def test_a_bad_filter_is_refused(clinic: Ctx) -> None:
    with pytest.raises(DomainError, match="没有标签"):
        member_list.page(clinic, Filter(tag="VIP"))
    with pytest.raises(DomainError, match="没有等级"):
        member_list.page(clinic, Filter(tier="黑卡"))
    with pytest.raises(DomainError, match="1 到 12"):
        member_list.page(clinic, Filter(birthday_month=13))
    with pytest.raises(DomainError, match="起点"):
        member_list.page(clinic, Filter(spend_min_fen=5, spend_max_fen=1))
    with pytest.raises(DomainError, match="排序"):
        member_list.page(clinic, Filter(), sort="phone")


def test_sorts(clinic: Ctx) -> None:
    assert listed(clinic, Filter(), "spend", descending=True)[:2] == ["安", "白"]
    assert listed(clinic, Filter(), "balance", descending=True)[:2] == ["白", "安"]  # 238, 200
    assert listed(clinic, Filter(), "last_visit", descending=True) == ["安", "丁", "白", "陈"]
    assert listed(clinic, Filter(), "favourite") == ["陈", "丁", "白", "安"]  # "" < 产品 < 理疗
    assert listed(clinic, Filter(), "name") == ["安", "白", "陈", "丁"]  # by pinyin
    assert listed(clinic, Filter(), "card", descending=True) == ["丁", "陈", "白", "安"]
    assert listed(clinic, Filter(), "tier", descending=True)[:2] == ["白", "安"]  # by earned


def test_paging(clinic: Ctx) -> None:
    first = member_list.page(clinic, Filter(), offset=0, limit=3)
    second = member_list.page(clinic, Filter(), offset=3, limit=3)
    assert (first.total, second.total) == (4, 4)
    assert names(first) + names(second) == ["安", "白", "陈", "丁"]
    assert second.offset == 3


def test_counts(clinic: Ctx) -> None:
    assert member_list.count(clinic, Filter(birthday_month=4)) == 2
    assert member_list.count(clinic, Filter(), with_consent=True) == 3


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_of_the_whole_filter_reads_back(clinic: Ctx, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"list{suffix}"
    result = member_list.export(
        clinic, Filter(birthday_month=4), path, sort="spend", descending=True
    )
    assert result.rows == 2
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    else:
        sheet = load_workbook(path).active
        assert sheet is not None
        rows = [
            [str(v) if v is not None else "" for v in r] for r in sheet.iter_rows(values_only=True)
        ]
    assert rows[0] == list(member_list.HEADERS)
    assert [r[1] for r in rows[1:]] == ["安", "丁"]
    assert rows[1][2] == "138****0001" and float(rows[1][7]) == 336 and rows[1][8] == "理疗项目"


def _ledger_rows(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(LedgerEntry.id))) or 0


def test_targeted_coupon_one_voucher_each_at_no_points(clinic: Ctx) -> None:
    ledger_before = _ledger_rows(clinic)
    batch = member_list.issue_coupon(clinic, Filter(birthday_month=4), "R-TBAM", "四月生日关怀")
    assert (batch.count, batch.skipped) == (2, 0)
    assert _ledger_rows(clinic) == ledger_before  # nothing on the ledger
    with clinic.db.read() as s:
        issued = s.execute(
            select(Member.name, Voucher.points_spent, Voucher.code).join(
                Member, Member.id == Voucher.member_id
            )
        ).all()
        balances = dict(s.execute(select(Member.name, Member.points_balance)).tuples().all())
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "voucher.targeted")).one()
    assert sorted((n, p) for n, p, _ in issued) == [("丁", 0), ("安", 0)]
    assert balances["安"] == 200  # unchanged
    assert '"count": 2' in entry.detail and '"birthday_month": 4' in entry.detail
    assert "四月生日关怀" in entry.detail
    with clinic.db.read() as s:  # a usable voucher, as a redeemed one
        assert vouchers.check(s, issued[0][2], date(2026, 3, 25)).valid


def test_members_without_consent_receive_a_coupon(clinic: Ctx) -> None:
    assert (
        member_list.issue_coupon(clinic, Filter(favourite="产品"), "R-Q10", "产品回馈").count == 1
    )


def test_coupon_batch_is_all_or_nothing(clinic: Ctx) -> None:
    with clinic.db.write() as s:
        s.scalars(select(Reward).where(Reward.code == "R-ZYB")).one().stock = 3
    with pytest.raises(DomainError, match="不够发给 4 位"):
        member_list.issue_coupon(clinic, Filter(), "R-ZYB", "试试")
    with clinic.db.read() as s:
        assert s.scalar(select(func.count(Voucher.id))) == 0
        assert s.scalars(select(Reward.stock).where(Reward.code == "R-ZYB")).one() == 3
    member_list.issue_coupon(clinic, Filter(birthday_month=4), "R-ZYB", "四月")
    with clinic.db.read() as s:
        assert s.scalars(select(Reward.stock).where(Reward.code == "R-ZYB")).one() == 1


def test_only_the_manager_sends_to_many(clinic: Ctx) -> None:
    cashier = Ctx(clinic.db, Actor("前台"), clinic.clock)
    with pytest.raises(DomainError, match="需要店长权限"):
        member_list.issue_coupon(cashier, Filter(), "R-Q10", "x")
    with pytest.raises(DomainError, match="需要店长权限"):
        member_list.queue_message(cashier, Filter(), "x")
    with pytest.raises(DomainError, match="发券原因"):
        member_list.issue_coupon(clinic, Filter(), "R-Q10", "  ")
    with pytest.raises(DomainError, match="没有会员"):
        member_list.issue_coupon(clinic, Filter(tier="钻石"), "R-Q10", "x")


def test_message_goes_to_members_with_consent_only(clinic: Ctx) -> None:
    batch = member_list.queue_message(clinic, Filter(), "{姓名}您好，本周艾灸八折。")
    assert (batch.count, batch.skipped) == (3, 1)
    with clinic.db.read() as s:
        queued = s.execute(
            select(Member.name, OutboxMessage.text, OutboxMessage.kind).join(
                Member, Member.id == OutboxMessage.member_id
            )
        ).all()
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "outbox.campaign")).one()
    assert sorted(n for n, _, _ in queued) == ["丁", "安", "陈"]  # not 白
    assert {k for _, _, k in queued} == {"campaign"}
    assert ("安", "安您好，本周艾灸八折。", "campaign") in queued
    assert '"skipped": 1' in entry.detail


def test_message_to_nobody_who_consents_is_refused(clinic: Ctx) -> None:
    with pytest.raises(DomainError, match="都没有同意"):
        member_list.queue_message(clinic, Filter(favourite="产品"), "你好")
    with pytest.raises(DomainError, match="消息内容"):
        member_list.queue_message(clinic, Filter(), " ")
    with clinic.db.read() as s:
        assert s.scalar(select(func.count(OutboxMessage.id))) == 0
        assert s.scalar(select(func.count(Sale.id))) == 4
