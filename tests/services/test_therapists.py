"""Who served whom (技师): the therapist on sale lines and course sessions, the member's
suggestion, and the therapist report with its commission (提成) and XLSX."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from spa_pos import cli
from spa_pos.clock import FixedClock, local_day_start_utc
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import CatalogItem, CourseUse, Sale, SaleLine, StaffMember
from spa_pos.services import courses, refunds, staff, therapist_report, therapists
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import register

WANG, LI, XIAO = "王技师", "李店长", "小李"
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def team(ctx: Ctx) -> None:
    """A therapist at 10%, a manager at 5% and a cashier; 艾灸 pays 20% whoever does it."""
    staff.add(ctx, WANG, "therapist", "246801")
    staff.add(ctx, LI, "manager", "246802")
    staff.add(ctx, XIAO, "cashier", "246803")
    therapists.set_staff_rate(ctx, WANG, 1000)
    therapists.set_staff_rate(ctx, LI, 500)
    therapists.set_item_rate(ctx, "AJ", 2000)


def served_by(ctx: Ctx, sale_no: str) -> list[tuple[str, str | None]]:
    with ctx.db.read() as s:
        rows = s.execute(
            select(SaleLine.name, StaffMember.name)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .outerjoin(StaffMember, StaffMember.id == SaleLine.therapist_id)
            .where(Sale.sale_no == sale_no)
            .order_by(SaleLine.line_no)
        )
        return [(item, who) for item, who in rows]


def sales_count(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Sale)) or 0


def test_each_service_line_records_its_therapist_and_products_none(ctx: Ctx, team: None) -> None:
    card = register(ctx, "张三", "13800000002")
    r = sell(
        ctx,
        SaleRequest(
            [("ZJTN", 1), ("AJ", 1), ("ZYB", 1)],
            [("cash", 39800 + 16800 + 3900)],
            member=card,
            therapists={"ZJTN": WANG, "aj": LI},
        ),
    )
    assert served_by(ctx, r.sale_no) == [
        ("高端针灸推拿套餐", WANG),
        ("艾灸", LI),
        ("足浴包", None),
    ]


@pytest.mark.parametrize(
    ("items", "wanted", "code"),
    [
        ([("ZYB", 1)], {"ZYB": WANG}, "therapists.product"),
        ([("AJ", 1)], {"AJ": XIAO}, "therapists.cannot_serve"),
        ([("AJ", 1)], {"AJ": "没这人"}, "therapists.unknown"),
        ([("AJ", 1)], {"YY": WANG}, "therapists.not_in_sale"),
    ],
)
def test_a_therapist_who_cannot_be_named_refuses_the_sale_and_writes_nothing(
    ctx: Ctx, team: None, items: list[tuple[str, int]], wanted: dict[str, str], code: str
) -> None:
    due = {"ZYB": 3900, "AJ": 16800}[items[0][0]]
    with pytest.raises(DomainError) as caught:
        sell(ctx, SaleRequest(items, [("cash", due)], therapists=wanted))
    assert caught.value.code == code
    assert sales_count(ctx) == 0


def test_the_refusals_say_why(ctx: Ctx, team: None) -> None:
    with pytest.raises(DomainError, match="足浴包 是产品"):
        sell(ctx, SaleRequest([("ZYB", 1)], [("cash", 3900)], therapists={"ZYB": WANG}))
    with pytest.raises(DomainError, match="小李 是收银员"):
        sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], therapists={"AJ": XIAO}))


def test_a_disabled_account_can_no_longer_serve(ctx: Ctx, team: None) -> None:
    staff.disable(ctx, WANG)
    with pytest.raises(DomainError) as caught:
        sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], therapists={"AJ": WANG}))
    assert caught.value.code == "therapists.inactive"
    assert therapists.choices(ctx) == [LI]


def test_the_till_offers_therapists_and_managers_or_owners_marked_as_treating(
    ctx: Ctx, team: None
) -> None:
    """李店长 has a commission rate of her own (she treats); the owner account 店长 and a
    manager without one are not offered, though the sale still accepts them by name."""
    staff.add(ctx, "赵经理", "manager", "246804")
    assert set(therapists.choices(ctx)) == {LI, WANG}
    therapists.set_staff_rate(ctx, "赵经理", 0)  # now marked as doing treatments, unpaid
    assert set(therapists.choices(ctx)) == {LI, "赵经理", WANG}
    therapists.set_staff_rate(ctx, LI, None)
    assert set(therapists.choices(ctx)) == {"赵经理", WANG}


def test_the_suggestion_is_the_therapist_of_the_members_last_service(
    ctx: Ctx, team: None, clock: FixedClock
) -> None:
    card = register(ctx, "张三", "13800000002")
    other = register(ctx, "李四", "13800000003")
    assert therapists.suggestion(ctx, card) is None
    sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card, therapists={"AJ": WANG}))
    assert therapists.suggestion(ctx, card) == WANG
    clock.advance(hours=1)
    sell(ctx, SaleRequest([("TBAM", 1)], [("cash", 12800)], member=card, therapists={"TBAM": LI}))
    clock.advance(hours=1)
    sell(ctx, SaleRequest([("ZYB", 1)], [("cash", 3900)], member=card))  # a product: no change
    assert therapists.suggestion(ctx, card) == LI
    assert therapists.suggestion(ctx, other) is None


def test_a_course_session_records_its_therapist_and_a_cashier_is_refused(
    ctx: Ctx, team: None
) -> None:
    card = register(ctx, "张三", "13800000002")
    sell(ctx, SaleRequest([("ZJTN10", 1)], [("cash", 358000)], member=card))
    with pytest.raises(DomainError) as caught:
        courses.use_session(ctx, card, "ZJTN", therapist=XIAO)
    assert caught.value.code == "therapists.cannot_serve"
    assert courses.use_session(ctx, card, "ZJTN", therapist=WANG).sessions_left == 9
    with ctx.db.read() as s:
        assert s.scalars(select(CourseUse.therapist_id)).all() == [
            s.scalar(select(StaffMember.id).where(StaffMember.name == WANG))
        ]


def test_commission_rule_item_rate_else_therapist_rate_else_nothing_rounded_half_up() -> None:
    assert therapists.commission_fen(33600, 2000, 1000) == 6720  # the item's rate wins
    assert therapists.commission_fen(39800, None, 1000) == 3980  # else the therapist's
    assert therapists.commission_fen(39800, 0, 1000) == 0  # an item rate of 0 is a rate
    assert therapists.commission_fen(39800, None, None) == 0
    assert therapists.commission_fen(12345, None, 1000) == 1235  # 1234.5 rounds up
    assert therapists.commission_fen(12344, None, 1000) == 1234


def test_rates_are_checked_and_guarded(ctx: Ctx, team: None) -> None:
    with pytest.raises(DomainError) as caught:
        therapists.set_item_rate(ctx, "AJ", 10001)
    assert caught.value.code == "therapists.bad_rate"
    with ctx.db.read() as s:
        item = s.scalars(select(CatalogItem).where(CatalogItem.code == "AJ")).one()
        assert item.commission_rate_bp == 2000


def _a_month_of_work(ctx: Ctx, clock: FixedClock) -> tuple[str, str]:
    """March: services by 王 and 李, a refunded line, a course sold and two sessions; one
    sale in April, outside the month. Returns (the member's card, the sale refunded)."""
    card = register(ctx, "张三", "13800000002")
    sell(
        ctx,
        SaleRequest(
            [("ZJTN", 1), ("AJ", 2), ("ZYB", 1)],
            [("cash", 39800 + 33600 + 3900)],
            member=card,
            therapists={"ZJTN": WANG, "AJ": WANG},
        ),
    )
    clock.advance(hours=1)
    partly = sell(
        ctx,
        SaleRequest(
            [("TBAM", 1), ("YY", 1)],
            [("wechat", 12800 + 23800)],
            member=card,
            therapists={"TBAM": LI, "YY": WANG},
        ),
    ).sale_no
    clock.advance(hours=1)
    refunds.refund(ctx, partly, [2])  # 药浴 given back
    sell(
        ctx,
        SaleRequest([("ZJTN10", 1)], [("card", 358000)], member=card, therapists={"ZJTN10": LI}),
    )
    clock.advance(days=1)
    courses.use_session(ctx, card, "ZJTN", therapist=WANG)
    clock.advance(days=1)
    courses.use_session(ctx, card, "ZJTN", therapist=LI)
    courses.use_session(ctx, card, "ZJTN")  # nobody named: in no row
    clock.advance(days=30)  # April
    sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card, therapists={"AJ": WANG}))
    return card, partly


def test_the_months_report_by_hand(ctx: Ctx, team: None, clock: FixedClock) -> None:
    _a_month_of_work(ctx, clock)
    found = therapist_report.report(ctx, *MARCH)
    # 王: 针灸推拿 39800 at his 10% = 3980, 艾灸 ×2 33600 at the item's 20% = 6720; the
    # refunded 药浴 counts for nothing. 李: 头部按摩 12800 and the course 358000 at 5%
    # = 640 + 17900. One session each.
    assert found.rows == [
        therapist_report.TherapistRow(LI, 1, 1, 12800 + 358000, 640 + 17900),
        therapist_report.TherapistRow(WANG, 3, 1, 39800 + 33600, 3980 + 6720),
    ]
    april = therapist_report.report(ctx, date(2026, 4, 1), date(2026, 4, 30))
    assert april.rows == [therapist_report.TherapistRow(WANG, 1, 0, 16800, 3360)]


def test_the_months_report_adds_up_to_the_sales_service_revenue(
    ctx: Ctx, team: None, clock: FixedClock
) -> None:
    _a_month_of_work(ctx, clock)
    with ctx.db.read() as s:
        served = s.scalar(
            select(func.sum(SaleLine.net_fen))
            .join(Sale, Sale.id == SaleLine.sale_id)
            .join(CatalogItem, CatalogItem.id == SaleLine.item_id)
            .where(
                CatalogItem.kind != "product",
                SaleLine.refund_id.is_(None),
                Sale.created_at < local_day_start_utc(date(2026, 4, 1), "Asia/Shanghai"),
            )
        )
    assert therapist_report.report(ctx, *MARCH).revenue_fen == served


def test_the_report_exports_to_xlsx_and_reads_back(
    ctx: Ctx, team: None, clock: FixedClock, tmp_path: Path
) -> None:
    _a_month_of_work(ctx, clock)
    path = tmp_path / "技师.xlsx"
    assert therapist_report.export_report(ctx, *MARCH, path).rows == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert rows == [
        therapist_report.HEADERS,
        (LI, 1, 1, 3708, 185.4),  # yuan, as numbers
        (WANG, 3, 1, 734, 107),
        ("合计", 4, 2, 4442, 292.4),
    ]


def test_a_period_backwards_is_refused(ctx: Ctx) -> None:
    with pytest.raises(DomainError) as caught:
        therapist_report.report(ctx, date(2026, 3, 31), date(2026, 3, 1))
    assert caught.value.code == "therapists.bad_period"


def test_report_therapists_command(
    ctx: Ctx,
    team: None,
    clock: FixedClock,
    db_arg: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _a_month_of_work(ctx, clock)
    out = tmp_path / "march.xlsx"
    code = cli.run(
        [
            *("report", "therapists", "--from", "2026-03-01", "--to", "2026-03-31"),
            *("--to-file", str(out), "--db", db_arg, "--json"),
        ],
        lambda url: Ctx(Database(url), CLI_ACTOR, clock),
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["therapists"] == [
        {"name": LI, "services": 1, "sessions": 1, "revenue_fen": 370800, "commission_fen": 18540},
        {"name": WANG, "services": 3, "sessions": 1, "revenue_fen": 73400, "commission_fen": 10700},
    ]
    assert out.is_file()
