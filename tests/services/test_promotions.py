"""Promotions (限时活动): their period's edges, scope, tags, stacking with the rules, ending
early, refunds, receipts and the checks on a new one."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, LedgerEntry, Promotion
from spa_pos.printing.receipt_pdf import render_receipt_pdf
from spa_pos.services import jobs, members, points, promotions, receipts, refunds, tags
from spa_pos.services.checkout import SaleRequest, quote, sell
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.promotions import InvalidPromotion, PromotionForm
from tests.conftest import START, register

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def promo(ctx: Ctx, name: str = "活动", **fields: object) -> int:
    values: dict[str, object] = {"starts": "2026-03-10", "ends": "2026-03-20", **fields}
    return promotions.add(ctx, PromotionForm(name=name, **values)).id  # type: ignore[arg-type]


def pay(items: list[tuple[str, int]], member: str, fen: int) -> SaleRequest:
    return SaleRequest(items=items, member=member, payments=[("card", fen)])


def balance(ctx: Ctx, card: str) -> int:
    with ctx.db.read() as s:
        return members.find_one(s, card).points_balance


def test_a_multiplier_on_an_item_names_the_promotion(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    pid = promo(ctx, "艾灸双倍", multiplier="2", items=("AJ",))
    r = sell(ctx, pay([("AJ", 1), ("ZYB", 1)], member, 20700))
    assert r.points_breakdown == [("E1", 139), (f"P{pid}", 100)]
    assert r.points_earned == 239 == balance(ctx, member)
    assert r.promotions == {f"P{pid}": "艾灸双倍"}
    with ctx.db.read() as s:
        rules = s.execute(
            select(LedgerEntry.rule, LedgerEntry.points).where(LedgerEntry.kind == "earn")
        ).all()
    assert [tuple(row) for row in rules] == [("E1", 139), (f"P{pid}", 100)]


def test_promotions_come_after_the_course_bonus_before_birthday_and_bonus_last(
    ctx: Ctx,
) -> None:
    member = register(ctx, "张三", "13800000002", birthday=date(1990, 3, 25))
    times = promo(ctx, "疗程加倍", multiplier="1.5", items=("ZJTN10",))
    bonus = promo(ctx, "全场加送", bonus="50")
    r = sell(ctx, pay([("ZJTN10", 1)], member, 358000))
    # 2000 (E1) + 400 (E2) = 2400; x1.5 -> 3600; birthday x2 -> 7200; then +50, not doubled
    assert r.points_breakdown == [
        ("E1", 2000),
        ("E2", 400),
        (f"P{times}", 1200),
        ("E6", 3600),
        (f"P{bonus}", 50),
    ]
    assert r.points_earned == 7250


def test_scope_is_the_items_else_the_category_else_everything(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    on_item = promo(ctx, multiplier="2", items=("AJ",))
    on_category = promo(ctx, multiplier="3", category="产品")
    on_all = promo(ctx, bonus="30")
    r = sell(ctx, pay([("AJ", 1), ("ZYB", 1), ("TBAM", 1)], member, 16800 + 3900 + 12800))
    # AJ 100 fixed, ZYB 39 and TBAM 128 at the rate; AJ +100, ZYB +78; +30 once
    assert r.points_breakdown == [
        ("E1", 267),
        (f"P{on_item}", 100),
        (f"P{on_category}", 78),
        (f"P{on_all}", 30),
    ]


def test_several_multipliers_on_one_line_take_the_largest(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    promo(ctx, multiplier="2", items=("AJ",))
    larger = promo(ctx, multiplier="3", category="理疗项目")
    everything = promo(ctx, multiplier="1.5")
    r = sell(ctx, pay([("AJ", 1), ("ZYB", 1)], member, 20700))
    # AJ: x3 (not 2 x 3 x 1.5); ZYB: x1.5 of 39 = 19.5 more; one floor for the sale
    assert r.points_breakdown == [("E1", 139), (f"P{larger}", 200), (f"P{everything}", 19)]
    assert r.points_earned == 358


@pytest.mark.parametrize(
    ("moment", "points"),
    [
        ("2026-03-07T23:59:59", 100),
        ("2026-03-08T00:00:00", 200),  # a sale at `from` counts
        ("2026-03-14T23:59:59", 200),  # the last second counts
        ("2026-03-15T00:00:00", 100),  # `to` does not
    ],
)
def test_the_period_is_from_included_to_excluded(ctx: Ctx, moment: str, points: int) -> None:
    member = register(ctx, "张三", "13800000002", at=local("2026-03-01T09:00:00"))
    promo(ctx, "妇女节", starts="2026-03-08", ends="2026-03-15", multiplier="2")
    request = pay([("AJ", 1)], member, 16800)
    late = SaleRequest(request.items, member=member, at=local(moment))
    assert quote(ctx, late).points_earned == points
    assert isinstance(ctx.clock, FixedClock)
    ctx.clock.at = local(moment).astimezone(UTC)
    assert quote(ctx, request).points_earned == points
    assert sell(ctx, request).points_earned == points == balance(ctx, member)


def test_a_tag_limited_bonus_is_for_members_holding_the_tag(ctx: Ctx, clock: FixedClock) -> None:
    sleeper = register(ctx, "张三", "13800000002")
    regular = register(ctx, "李四", "13800000003")
    clock.advance(days=40)  # nobody came for 40 days
    sell(ctx, pay([("AJ", 1)], regular, 16800))  # 李四 is back; 张三 still sleeps
    jobs.run_job(ctx, "tags")
    with ctx.db.read() as s:
        assert tags.DORMANT in promotions.member_tags(s, members.find_one(s, sleeper).id)
        assert tags.DORMANT not in promotions.member_tags(s, members.find_one(s, regular).id)
    pid = promo(
        ctx, "沉睡唤醒", starts="2026-04-01", ends="2026-05-01", bonus="100", tag=tags.DORMANT
    )
    assert sell(ctx, pay([("AJ", 1)], regular, 16800)).points_breakdown == [("E1", 100)]
    back = sell(ctx, pay([("AJ", 1)], sleeper, 16800))
    assert back.points_breakdown == [("E1", 100), (f"P{pid}", 100)]
    # the visit woke the member up: the next sale is an ordinary one
    assert sell(ctx, pay([("AJ", 1)], sleeper, 16800)).points_breakdown == [("E1", 100)]


def test_walk_ins_and_lines_paid_by_vouchers_earn_no_promotion(ctx: Ctx) -> None:
    promo(ctx, bonus="30")
    walk_in = sell(ctx, SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)]))
    assert walk_in.points_earned == 0 and walk_in.promotions == {}


def test_ending_early_stops_it_and_records_who_and_when(ctx: Ctx, clock: FixedClock) -> None:
    member = register(ctx, "张三", "13800000002")
    pid = promo(ctx, multiplier="2")
    assert sell(ctx, pay([("AJ", 1)], member, 16800)).points_earned == 200
    clock.advance(hours=1)
    ended = promotions.end(ctx, pid)
    assert ended.status == "past"
    assert ended.ended_at == clock.at.astimezone(SHANGHAI) and ended.ended_by == "cli"
    assert sell(ctx, pay([("AJ", 1)], member, 16800)).points_earned == 100
    # a sale entered late, from before the end, still gets it
    late = SaleRequest([("AJ", 1)], [("card", 16800)], member, at=START)
    assert sell(ctx, late).points_earned == 200
    with pytest.raises(DomainError) as refused:
        promotions.end(ctx, pid)
    assert refused.value.code == "promos.already_over"
    with ctx.db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "promotion"))
        assert list(actions) == ["promo.add", "promo.end"]


def test_listing_orders_current_upcoming_then_past(ctx: Ctx, clock: FixedClock) -> None:
    later = promo(ctx, "later", starts="2026-04-01", ends="2026-04-08", bonus="10")
    now = promo(ctx, "now", multiplier="2")
    cancelled = promo(ctx, "cancelled", starts="2026-05-01", ends="2026-05-08", bonus="10")
    promotions.end(ctx, cancelled)
    views = promotions.listing(ctx)
    assert [(v.id, v.status) for v in views] == [
        (now, "current"),
        (later, "upcoming"),
        (cancelled, "past"),
    ]
    assert views[0].starts_at == local("2026-03-10T00:00")
    clock.at = local("2026-04-02T09:00").astimezone(UTC)
    assert [v.status for v in promotions.listing(ctx)] == ["current", "past", "past"]


def test_refunds_take_back_a_lines_share_of_promotion_points(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    promo(ctx, multiplier="2", items=("AJ",))
    promo(ctx, bonus="60")
    sale = sell(ctx, pay([("AJ", 1), ("TBAM", 1)], member, 16800 + 12800))
    assert sale.points_earned == 228 + 100 + 60
    with ctx.db.read() as s:
        lines = s.scalars(
            select(LedgerEntry.points).where(LedgerEntry.kind == "earn").order_by(LedgerEntry.id)
        ).all()
    assert sum(lines) == 388
    # AJ holds 200 + 60 x 168/296 (34.05..) -> 234; TBAM 128 + 25.9.. -> 154
    first = refunds.refund(ctx, sale.sale_no, [1])
    assert (first.points_reversed, first.balance) == (234, 154)
    second = refunds.refund(ctx, sale.sale_no, [2])
    assert (second.points_reversed, second.balance) == (154, 0)
    with ctx.db.read() as s:
        assert points.check_balances(s).ok


def test_the_receipt_names_the_promotion(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    promo(ctx, "妇女节肩颈双倍", multiplier="2", items=("AJ",))
    promo(ctx, "回馈加送", bonus="30")
    sale = sell(ctx, pay([("AJ", 1)], member, 16800))
    with ctx.db.read() as s:
        data = receipts.sale_receipt(s, sale.sale_no, ctx.clock.now())
    assert [(p.label, p.points) for p in data.points_breakdown] == [
        ("项目积分", 100),
        ("妇女节肩颈双倍 ×2", 100),
        ("回馈加送", 30),
    ]
    out = io.BytesIO()
    render_receipt_pdf(data, out)
    text = "".join(PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text().split())
    assert "妇女节肩颈双倍×2+100" in text
    assert "回馈加送+30" in text


def form(**fields: object) -> PromotionForm:
    values: dict[str, object] = {
        "name": "活动",
        "starts": "2026-03-10",
        "ends": "2026-03-20",
        "multiplier": "2",
        **fields,
    }
    return PromotionForm(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": " "}, "name", "promos.name_required"),
        ({"name": "长" * 41}, "name", "promos.name_too_long"),
        ({"starts": ""}, "starts", "promos.time_required"),
        ({"starts": "3月8日"}, "starts", "general.bad_time"),
        ({"ends": "2026-03-10"}, "ends", "promos.ends_before_start"),
        ({"starts": "2026-03-01", "ends": "2026-03-10T09:00"}, "ends", "promos.ends_in_past"),
        ({"multiplier": ""}, "multiplier", "promos.multiplier_or_bonus"),
        ({"bonus": "10"}, "multiplier", "promos.multiplier_or_bonus"),
        ({"multiplier": "1"}, "multiplier", "promos.bad_multiplier"),
        ({"multiplier": "1.005"}, "multiplier", "promos.bad_multiplier"),
        ({"multiplier": "11"}, "multiplier", "promos.bad_multiplier"),
        ({"multiplier": "", "bonus": "0"}, "bonus", "promos.bad_bonus"),
        ({"multiplier": "", "bonus": "1.5"}, "bonus", "promos.bad_bonus"),
        ({"items": ("AJ", "NOPE")}, "items", "promos.unknown_item"),
        ({"category": "美甲"}, "category", "promos.unknown_category"),
        ({"items": ("AJ",), "category": "产品"}, "category", "promos.items_and_category"),
        ({"tag": "VIP"}, "tag", "promos.unknown_tag"),
    ],
)
def test_a_bad_promotion_is_refused_next_to_its_field(
    ctx: Ctx, fields: dict[str, object], field: str, code: str
) -> None:
    with pytest.raises(InvalidPromotion) as refused:
        promotions.add(ctx, form(**fields))
    assert {k: e.code for k, e in refused.value.problems.items()} == {field: code}
    assert refused.value.code == code
    with ctx.db.read() as s:
        assert s.scalars(select(Promotion)).first() is None


def test_every_problem_is_reported_at_once(ctx: Ctx) -> None:
    with pytest.raises(InvalidPromotion) as refused:
        promotions.add(ctx, form(name="", ends="2026-03-01", multiplier="x", tag="VIP"))
    assert set(refused.value.problems) == {"name", "ends", "multiplier", "tag"}
    assert str(refused.value) == "请填写活动名称"


def test_a_multiplier_is_stored_as_typed_without_trailing_zeros(ctx: Ctx) -> None:
    assert promotions.add(ctx, form(multiplier="1.50")).multiplier == "1.5"
    assert promotions.add(ctx, form(multiplier="10")).multiplier == "10"


def test_only_a_manager_adds_or_ends_promotions(ctx: Ctx) -> None:
    pid = promo(ctx, multiplier="2")
    cashier = Ctx(ctx.db, Actor("收银台"), ctx.clock)
    with pytest.raises(DomainError, match="需要店长权限"):
        promotions.add(cashier, form())
    with pytest.raises(DomainError, match="需要店长权限"):
        promotions.end(cashier, pid)
    with pytest.raises(DomainError, match="没有这个活动: 99"):
        promotions.end(ctx, 99)


def test_check_names_every_problem_by_field_and_writes_nothing(ctx: Ctx) -> None:
    """What the window shows next to each field as it is typed: the same checks as `add`."""
    bad = PromotionForm("", "2026-03-20", "2026-03-19", multiplier="1", items=("NOPE",))
    assert set(promotions.check(ctx, bad)) == {"name", "ends", "multiplier", "items"}
    assert promotions.check(ctx, bad)["items"] == str(
        DomainError("promos.unknown_item", item="NOPE")
    )
    good = PromotionForm("艾灸周", "2026-03-20", "2026-03-27", multiplier="2", items=("AJ",))
    assert promotions.check(ctx, good) == {}
    assert promotions.listing(ctx) == []
