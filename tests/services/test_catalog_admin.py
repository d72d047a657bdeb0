"""The clinic's own catalog: every field checked by `validate_item`, changes audited with
before and after, a change affects later sales only, a retired item leaves the till but
not the history, and a course valid for D days refuses its balance after the D-th day."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import AuditEntry
from spa_pos.services import catalog, courses, dayclose, receipts, sales
from spa_pos.services.catalog import ItemSpec
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Actor, Ctx
from tests.conftest import register

GOOD = ItemSpec("JJ1", "肩颈放松", "service", 12800, None, "肩颈")
COURSE = ItemSpec("JJ10", "肩颈十次", "course", 108000, None, "肩颈", 10, "JJ1", valid_days=30)


def problems(ctx: Ctx, spec: ItemSpec, editing: str | None = None) -> dict[str, str]:
    with ctx.db.read() as s:
        return catalog.validate_item(s, spec, editing=editing)


def test_a_good_item_has_no_problems_and_is_added(ctx: Ctx) -> None:
    assert problems(ctx, GOOD) == {}
    row = catalog.add_item(ctx, replace(GOOD, name=" 肩颈放松 ", sort_order=3))
    assert (row.code, row.name, row.category, row.price_fen, row.points) == (
        "JJ1",
        "肩颈放松",
        "肩颈",
        12800,
        None,
    )
    assert catalog.find_item(ctx, "JJ1") == row


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"code": "JJ 1"}, "code", "字母和数字"),
        ({"code": "肩颈1"}, "code", "字母和数字"),
        ({"code": "A" * 25}, "code", "最多 24 个字"),
        ({"code": "aj"}, "code", "编码 AJ 已被使用"),  # taken, whatever the case
        ({"name": "  "}, "name", "请填写名称"),
        ({"name": "按" * 61}, "name", "最多 60 个字"),
        ({"name": "肩颈\t放松"}, "name", "控制字符"),
        ({"category": ""}, "category", "请填写类别"),
        ({"category": "类" * 31}, "category", "最多 30 个字"),
        ({"kind": "gift"}, "kind", "未知项目类型"),
        ({"price_fen": -1}, "price_fen", "¥100,000.00"),
        ({"price_fen": 10_000_001}, "price_fen", "¥100,000.00"),
        ({"points": -1}, "points", "0 到 100000"),
        ({"points": 100_001}, "points", "0 到 100000"),
        ({"sort_order": 10_000}, "sort_order", "0 到 9999"),
        ({"sessions": 10}, "sessions", "只有疗程"),
        ({"course_service_code": "AJ"}, "course_service_code", "只有疗程"),
        ({"valid_days": 30}, "valid_days", "只有疗程"),
    ],
)
def test_each_field_is_checked_with_its_reason(
    ctx: Ctx, change: dict[str, object], field: str, text: str
) -> None:
    found = problems(ctx, replace(GOOD, **change))  # type: ignore[arg-type]
    assert list(found) == [field]
    assert text in found[field]


def test_the_bounds_themselves_are_allowed(ctx: Ctx) -> None:
    edge = replace(GOOD, price_fen=10_000_000, points=100_000, sort_order=9_999, name="按" * 60)
    assert problems(ctx, edge) == {}
    assert problems(ctx, replace(GOOD, price_fen=0, points=0)) == {}


def test_a_course_is_n_sessions_of_an_active_service(ctx: Ctx) -> None:
    catalog.add_item(ctx, GOOD)
    assert problems(ctx, COURSE) == {}
    assert set(problems(ctx, replace(COURSE, sessions=None))) == {"sessions"}
    assert set(problems(ctx, replace(COURSE, sessions=0))) == {"sessions"}
    assert set(problems(ctx, replace(COURSE, sessions=101))) == {"sessions"}
    assert set(problems(ctx, replace(COURSE, course_service_code=None))) == {"course_service_code"}
    product = problems(ctx, replace(COURSE, course_service_code="ZYB"))
    assert "在售的服务项目: ZYB" in product["course_service_code"]
    assert set(problems(ctx, replace(COURSE, valid_days=0))) == {"valid_days"}
    assert set(problems(ctx, replace(COURSE, valid_days=3651))) == {"valid_days"}
    assert problems(ctx, replace(COURSE, valid_days=None)) == {}
    catalog.edit_item(ctx, "JJ1", replace(GOOD, active=False))
    retired = problems(ctx, COURSE)
    assert "在售的服务项目: JJ1" in retired["course_service_code"]


def test_editing_keeps_the_code_and_the_kind(ctx: Ctx) -> None:
    spec = catalog.find_item(ctx, "AJ").spec()
    assert problems(ctx, spec, editing="AJ") == {}  # its own code is not "taken"
    assert set(problems(ctx, replace(spec, code="AJ2"), editing="AJ")) == {"code"}
    assert "不能改变类型" in problems(ctx, replace(spec, kind="product"), editing="AJ")["kind"]
    with pytest.raises(NotFound):
        problems(ctx, spec, editing="NOPE")


def test_an_item_others_depend_on_cannot_be_retired(ctx: Ctx) -> None:
    ztn = catalog.find_item(ctx, "ZJTN").spec()  # the demo course 针灸推拿十次疗程 uses it
    assert "针灸推拿十次疗程" in problems(ctx, replace(ztn, active=False), editing="ZJTN")["active"]
    tbam = catalog.find_item(ctx, "TBAM").spec()  # the demo reward R-TBAM gives it
    assert (
        "兑换项「头部按摩」" in problems(ctx, replace(tbam, active=False), editing="TBAM")["active"]
    )
    with pytest.raises(DomainError, match="项目不能保存: 状态: 兑换项"):
        catalog.edit_item(ctx, "TBAM", replace(tbam, active=False))


def test_a_refused_item_writes_nothing(ctx: Ctx) -> None:
    with pytest.raises(DomainError, match="名称: 请填写名称；价格"):
        catalog.add_item(ctx, replace(GOOD, name="", price_fen=-5))
    with pytest.raises(NotFound):
        catalog.find_item(ctx, "JJ1")


def test_only_a_manager_changes_the_catalog(ctx: Ctx) -> None:
    cashier = replace(ctx, actor=Actor("收银员"))
    with pytest.raises(DomainError, match="需要店长权限"):
        catalog.add_item(cashier, GOOD)
    with pytest.raises(DomainError, match="需要店长权限"):
        catalog.edit_item(cashier, "AJ", catalog.find_item(ctx, "AJ").spec())


def _audits(ctx: Ctx, action: str) -> list[dict[str, object]]:
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()
        return [json.loads(r.detail) for r in rows]


def test_every_change_is_audited_with_before_and_after(ctx: Ctx) -> None:
    catalog.add_item(ctx, GOOD)
    assert _audits(ctx, "catalog.add")[0]["price_fen"] == 12800
    spec = catalog.find_item(ctx, "JJ1").spec()
    catalog.edit_item(ctx, "JJ1", replace(spec, price_fen=13800, points=50))
    assert _audits(ctx, "catalog.edit") == [
        {"changes": {"price_fen": [12800, 13800], "points": [None, 50]}}
    ]
    catalog.edit_item(ctx, "JJ1", catalog.find_item(ctx, "JJ1").spec())  # nothing changed
    assert len(_audits(ctx, "catalog.edit")) == 1


def test_a_price_and_points_change_applies_to_later_sales_only(ctx: Ctx) -> None:
    first_card = register(ctx, "张三", "13800000001")
    second_card = register(ctx, "李四", "13800000002")
    first = sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], member=first_card))
    with ctx.db.read() as s:
        receipt_before = receipts.sale_receipt(s, first.sale_no, ctx.clock.now())
    view_before = sales.by_number(ctx, first.sale_no)

    spec = catalog.find_item(ctx, "AJ").spec()
    catalog.edit_item(ctx, "AJ", replace(spec, price_fen=18800, points=300, name="艾灸调理"))
    second = sell(ctx, SaleRequest([("AJ", 1)], [("cash", 18800)], member=second_card))

    assert first.total_fen == 16800 and second.total_fen == 18800
    assert second.points_earned == 3 * first.points_earned  # fixed 100 -> 300, same tier
    with ctx.db.read() as s:
        assert receipts.sale_receipt(s, first.sale_no, ctx.clock.now()) == receipt_before
        report = dayclose.z_report(s, date(2026, 3, 10), "Asia/Shanghai")
    assert sales.by_number(ctx, first.sale_no) == view_before
    assert report.gross_fen == 16800 + 18800


def test_an_item_retired_between_two_sales(ctx: Ctx) -> None:
    first = sell(ctx, SaleRequest([("YY", 1)], [("cash", 23800)]))
    catalog.edit_item(ctx, "YY", replace(catalog.find_item(ctx, "YY").spec(), active=False))
    with pytest.raises(NotFound, match="没有这个项目: YY"):
        sell(ctx, SaleRequest([("YY", 1)], [("cash", 23800)]))
    items, _ = catalog.entries(ctx)
    assert "YY" not in [i.code for i in items]
    assert [i.code for i in catalog.list_items(ctx)] == [i.code for i in items]
    assert catalog.list_items(ctx, include_retired=True)[-1].code == "YY"  # retired last
    view = sales.by_number(ctx, first.sale_no)
    assert view is not None and [ln.name for ln in view.lines] == ["药浴"]
    with ctx.db.read() as s:
        assert receipts.sale_receipt(s, first.sale_no, ctx.clock.now()).sale_no == first.sale_no
        assert dayclose.z_report(s, date(2026, 3, 10), "Asia/Shanghai").gross_fen == 23800
    catalog.edit_item(ctx, "YY", replace(catalog.find_item(ctx, "YY").spec(), active=True))
    sell(ctx, SaleRequest([("YY", 1)], [("cash", 23800)]))  # restored: on the till again


def test_the_tills_categories_are_the_clinics_in_its_order(ctx: Ctx) -> None:
    for row in catalog.list_items(ctx):
        catalog.edit_item(ctx, row.code, replace(row.spec(), sort_order=2))
    catalog.add_item(ctx, ItemSpec("AJ2", "艾灸套餐", "service", 20000, None, "艾灸", sort_order=3))
    catalog.add_item(ctx, replace(GOOD, sort_order=1))
    items, _ = catalog.entries(ctx)
    assert items[0].code == "JJ1" and items[-1].code == "AJ2"
    assert catalog.categories(items) == ["肩颈", "产品", "理疗项目", "疗程", "艾灸"]


def _buy_course(ctx: Ctx, card: str) -> None:
    catalog.add_item(ctx, GOOD)
    catalog.add_item(ctx, COURSE)
    sell(ctx, SaleRequest([("JJ10", 1)], [("cash", 108000)], member=card))


def test_a_course_valid_30_days_is_usable_on_the_30th_day_and_refused_after(
    ctx: Ctx, clock: FixedClock
) -> None:
    card = register(ctx, "张三", "13800000001")
    _buy_course(ctx, card)  # 2026-03-10, valid through 2026-04-09
    clock.advance(days=30)
    assert courses.use_session(ctx, card, "JJ1").sessions_left == 9
    clock.advance(days=1)
    with pytest.raises(DomainError) as refused:
        courses.use_session(ctx, card, "JJ10")
    assert str(refused.value) == "张三 的 肩颈十次 疗程已于 2026-04-09 到期，不能再使用"


def test_the_last_day_is_the_clinics_business_day(ctx: Ctx, clock: FixedClock) -> None:
    card = register(ctx, "张三", "13800000001")
    _buy_course(ctx, card)
    clock.advance(days=30, hours=13, minutes=59)  # 2026-04-09 23:59 in Shanghai
    courses.use_session(ctx, card, "JJ1")
    clock.advance(minutes=1)  # 2026-04-10 00:00
    with pytest.raises(DomainError, match="到期"):
        courses.use_session(ctx, card, "JJ1")


def test_a_balance_keeps_its_days_when_the_course_changes_or_retires(
    ctx: Ctx, clock: FixedClock
) -> None:
    card = register(ctx, "张三", "13800000001")
    _buy_course(ctx, card)
    spec = catalog.find_item(ctx, "JJ10").spec()
    catalog.edit_item(ctx, "JJ10", replace(spec, valid_days=365, active=False))
    clock.advance(days=30)
    assert courses.use_session(ctx, card, "JJ10").sessions_left == 9  # retired: still usable
    clock.advance(days=1)
    with pytest.raises(DomainError, match="2026-04-09 到期"):
        courses.use_session(ctx, card, "JJ10")


def test_a_course_without_valid_days_never_expires(ctx: Ctx, clock: FixedClock) -> None:
    card = register(ctx, "张三", "13800000001")
    sell(ctx, SaleRequest([("ZJTN10", 1)], [("cash", 358000)], member=card))
    clock.advance(days=3650)
    assert courses.use_session(ctx, card, "ZJTN").sessions_left == 9
