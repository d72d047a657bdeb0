"""Read-only jobs for the window: they run on the DB worker and return plain data.

Most are thin wrappers over services that turn ORM rows into frozen views (ORM objects
must not cross to the UI thread). The day's sales list is a direct read because no
service offers it yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from spa_pos import clock as clk
from spa_pos.models import Sale
from spa_pos.services import catalog, clinic, courses, members, profile, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.profile import Profile, VoucherView


@dataclass(frozen=True)
class MemberHit:
    card_no: str
    name: str
    phone: str
    balance: int


@dataclass(frozen=True)
class CourseView:
    code: str  # the course package's catalog code, for courses.use_session
    name: str
    sessions_left: int


@dataclass(frozen=True)
class MemberView:
    profile: Profile
    courses: list[CourseView]

    @property
    def card_no(self) -> str:
        return self.profile.card_no

    @property
    def unused_vouchers(self) -> list[VoucherView]:
        return [v for v in self.profile.vouchers if v.status == "issued"]


@dataclass(frozen=True)
class CatalogEntry:
    code: str
    name: str
    category: str
    kind: str
    price_fen: int
    pinyin: str = ""  # of the name, so the cashier can search the catalog by pinyin
    initials: str = ""


@dataclass(frozen=True)
class RewardEntry:
    code: str
    name: str
    kind: str
    points_cost: int
    stock: int | None


@dataclass(frozen=True)
class VoucherCheck:
    """A scanned or picked voucher, as the cart previews it."""

    text: str  # what was scanned or typed, handed to checkout.sell as is
    valid: bool
    reason: str  # the service's message (Chinese), shown as is
    code: str = ""
    reward: str = ""
    kind: str = ""  # service | coupon | gift
    item_code: str | None = None  # the item a service or gift voucher makes free
    item: CatalogEntry | None = None
    coupon_fen: int = 0
    member_card: str = ""
    member_name: str = ""


@dataclass(frozen=True)
class SaleLineView:
    line_no: int
    name: str
    qty: int
    unit_fen: int
    free_units: int
    net_fen: int
    refunded: bool


@dataclass(frozen=True)
class SaleView:
    sale_no: str
    at: datetime  # aware, in the clinic's time zone
    member_name: str | None
    member_card: str | None
    cashier: str
    due_fen: int
    paid_fen: int
    change_fen: int
    points_earned: int
    status: str
    lines: list[SaleLineView]
    payments: list[tuple[str, int]]


@dataclass(frozen=True)
class Startup:
    clinic_name: str
    language: str
    has_manager_pin: bool
    catalog: list[CatalogEntry]
    rewards: list[RewardEntry]


def today(ctx: Ctx) -> date:
    return clk.local_date(ctx.clock.now())


def clinic_zone(ctx: Ctx) -> ZoneInfo:
    """The clinic's time zone (settings), for showing stored UTC times."""
    with ctx.db.read() as s:
        return ZoneInfo(settings_svc.load(s).timezone)


def startup(ctx: Ctx) -> Startup:
    """What the window needs before it is usable; never loads members."""
    clinic.init(ctx)
    with ctx.db.read() as s:
        cfg = settings_svc.load(s)
        return Startup(cfg.clinic_name, cfg.language, bool(cfg.manager_pin_hash),
                       _catalog(s), _rewards(s))


def search_members(ctx: Ctx, text: str) -> list[MemberHit]:
    with ctx.db.read() as s:
        return [MemberHit(m.card_no, m.name, m.phone, m.points_balance)
                for m in members.search(s, text)]


def load_member(ctx: Ctx, ref: str) -> MemberView:
    """A member's profile by phone or card number, with course codes for using a session."""
    with ctx.db.read() as s:
        member = members.find_one(s, ref)
        left: dict[str, CourseView] = {}
        for balance in courses.open_balances(s, member.id):
            item = balance.course_item
            before = left[item.code].sessions_left if item.code in left else 0
            left[item.code] = CourseView(item.code, item.name, before + balance.sessions_left)
        return MemberView(profile.build(s, member, ctx.clock.now()),
                          [c for c in left.values() if c.sessions_left > 0])


def load_catalog(ctx: Ctx) -> tuple[list[CatalogEntry], list[RewardEntry]]:
    with ctx.db.read() as s:
        return _catalog(s), _rewards(s)


def _catalog(s: Session) -> list[CatalogEntry]:
    return [CatalogEntry(i.code, i.name, i.category, i.kind, i.price_fen, i.pinyin,
                         i.initials)
            for i in catalog.active_items(s)]


def _rewards(s: Session) -> list[RewardEntry]:
    return [RewardEntry(r.code, r.name, r.kind, r.points_cost, r.stock)
            for r in catalog.active_rewards(s)]


def check_voucher(ctx: Ctx, text: str) -> VoucherCheck:
    with ctx.db.read() as s:
        result = vouchers.check(s, text, today(ctx))
        v = result.voucher
        if v is None:
            return VoucherCheck(text.strip(), result.valid, result.message)
        item = v.reward.item
        return VoucherCheck(
            text.strip(), result.valid, result.message, code=v.code, reward=v.reward.name,
            kind=v.reward.kind, item_code=item.code if item else None,
            item=CatalogEntry(item.code, item.name, item.category, item.kind, item.price_fen)
            if item else None,
            coupon_fen=v.reward.coupon_fen or 0, member_card=v.member.card_no,
            member_name=v.member.name)


def _sales() -> Select[tuple[Sale]]:
    return select(Sale).options(selectinload(Sale.lines), selectinload(Sale.payments),
                                selectinload(Sale.member))


def sales_of_day(ctx: Ctx, day: date) -> list[SaleView]:
    start = clk.local_day_start_utc(day)
    end = clk.local_day_start_utc(day + timedelta(days=1))
    with ctx.db.read() as s:
        rows = s.scalars(_sales().where(Sale.created_at >= start, Sale.created_at < end)
                         .order_by(Sale.created_at.desc())).all()
        return [_sale_view(sale) for sale in rows]


def sale_by_no(ctx: Ctx, sale_no: str) -> SaleView | None:
    with ctx.db.read() as s:
        sale = s.scalars(_sales().where(Sale.sale_no == sale_no.strip().upper())).first()
        return _sale_view(sale) if sale else None


def _sale_view(sale: Sale) -> SaleView:
    return SaleView(
        sale.sale_no, clk.from_utc_naive(sale.created_at).astimezone(ZoneInfo(clk.DEFAULT_TZ)),
        sale.member.name if sale.member else None, sale.member.card_no if sale.member else None,
        sale.cashier, sale.due_fen, sale.paid_fen, sale.change_fen, sale.points_earned,
        sale.status,
        [SaleLineView(ln.line_no, ln.name, ln.qty, ln.unit_fen, ln.free_units, ln.net_fen,
                      ln.refund_id is not None) for ln in sale.lines],
        [(p.method, p.amount_fen) for p in sale.payments])
