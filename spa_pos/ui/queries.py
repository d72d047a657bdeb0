"""Read-only jobs for the window: they run on the DB worker and return plain data.

They are thin wrappers over services that turn ORM rows into frozen views (ORM objects
must not cross to the UI thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

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
class Startup:
    clinic_name: str
    language: str
    has_manager_pin: bool
    catalog: list[CatalogEntry]
    rewards: list[RewardEntry]


def clinic_zone(ctx: Ctx) -> ZoneInfo:
    """The clinic's time zone (settings), for showing stored UTC times."""
    with ctx.db.read() as s:
        return ZoneInfo(settings_svc.load(s).timezone)


def startup(ctx: Ctx) -> Startup:
    """What the window needs before it is usable; never loads members."""
    clinic.init(ctx)
    with ctx.db.read() as s:
        cfg = settings_svc.load(s)
        return Startup(
            cfg.clinic_name, cfg.language, bool(cfg.manager_pin_hash), _catalog(s), _rewards(s)
        )


def search_members(ctx: Ctx, text: str) -> list[MemberHit]:
    with ctx.db.read() as s:
        return [
            MemberHit(m.card_no, m.name, m.phone, m.points_balance) for m in members.search(s, text)
        ]


def load_member(ctx: Ctx, ref: str) -> MemberView:
    """A member's profile by phone or card number, with course codes for using a session."""
    with ctx.db.read() as s:
        member = members.find_one(s, ref)
        left: dict[str, CourseView] = {}
        for balance in courses.open_balances(s, member.id):
            item = balance.course_item
            before = left[item.code].sessions_left if item.code in left else 0
            left[item.code] = CourseView(item.code, item.name, before + balance.sessions_left)
        return MemberView(
            profile.build(s, member, ctx.clock.now()),
            [c for c in left.values() if c.sessions_left > 0],
        )


def load_catalog(ctx: Ctx) -> tuple[list[CatalogEntry], list[RewardEntry]]:
    with ctx.db.read() as s:
        return _catalog(s), _rewards(s)


def _catalog(s: Session) -> list[CatalogEntry]:
    return [
        CatalogEntry(i.code, i.name, i.category, i.kind, i.price_fen, i.pinyin, i.initials)
        for i in catalog.active_items(s)
    ]


def _rewards(s: Session) -> list[RewardEntry]:
    return [
        RewardEntry(r.code, r.name, r.kind, r.points_cost, r.stock)
        for r in catalog.active_rewards(s)
    ]


def check_voucher(ctx: Ctx, text: str) -> VoucherCheck:
    with ctx.db.read() as s:
        result = vouchers.check(s, text, settings_svc.business_date(s, ctx.clock.now()))
        v = result.voucher
        if v is None:
            return VoucherCheck(text.strip(), result.valid, result.message)
        item = v.reward.item
        return VoucherCheck(
            text.strip(),
            result.valid,
            result.message,
            code=v.code,
            reward=v.reward.name,
            kind=v.reward.kind,
            item_code=item.code if item else None,
            item=CatalogEntry(item.code, item.name, item.category, item.kind, item.price_fen)
            if item
            else None,
            coupon_fen=v.reward.coupon_fen or 0,
            member_card=v.member.card_no,
            member_name=v.member.name,
        )
