"""The catalog (项目/疗程/产品) and the reward catalog (兑换目录)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from spa_pos import limits
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import CatalogItem, Reward
from spa_pos.pinyin import pinyin_keys
from spa_pos.services.context import Ctx


@dataclass(frozen=True)
class ItemSpec:
    code: str
    name: str
    kind: str
    price_fen: int
    points: int | None = None
    category: str = ""
    sessions: int | None = None
    course_service_code: str | None = None


@dataclass(frozen=True)
class RewardSpec:
    code: str
    name: str
    kind: str
    points_cost: int
    item_code: str | None = None
    coupon_fen: int | None = None
    stock: int | None = None


_ITEM_BY_CODE = select(CatalogItem).where(CatalogItem.code == bindparam("code"))  # hot: built once


def item_by_code(session: Session, code: str) -> CatalogItem:
    item = session.scalars(_ITEM_BY_CODE, {"code": code.strip()}).first()
    if item is None or not item.active:
        raise NotFound("catalog.item_not_found", item=code)
    return item


def reward_by_code(session: Session, code: str) -> Reward:
    reward = session.scalars(select(Reward).where(Reward.code == code.strip())).first()
    if reward is None or not reward.active:
        raise NotFound("catalog.reward_not_found", reward=code)
    return reward


def active_items(session: Session) -> list[CatalogItem]:
    return list(
        session.scalars(
            select(CatalogItem)
            .where(CatalogItem.active)
            .order_by(CatalogItem.category, CatalogItem.code)
        )
    )


def active_rewards(session: Session) -> list[Reward]:
    return list(
        session.scalars(
            select(Reward).where(Reward.active).order_by(Reward.points_cost, Reward.code)
        )
    )


def upsert_item(session: Session, spec: ItemSpec) -> CatalogItem:
    """Create or update an item by code (inside the caller's unit of work)."""
    if spec.kind not in ("service", "course", "product"):
        raise DomainError("catalog.unknown_item_kind", kind=spec.kind)
    if spec.price_fen < 0 or (spec.points is not None and spec.points < 0):
        raise DomainError("catalog.negative_price")
    limits.check_price(spec.price_fen)
    limits.check_points(spec.points or 0)
    if spec.sessions is not None:
        limits.check_points(spec.sessions, limits.MAX_QTY)
    service = None
    if spec.kind == "course":
        if not spec.sessions or spec.sessions < 1 or not spec.course_service_code:
            raise DomainError("catalog.course_needs_sessions")
        service = item_by_code(session, spec.course_service_code)
    item = session.scalars(select(CatalogItem).where(CatalogItem.code == spec.code)).first()
    if item is None:
        item = CatalogItem(code=spec.code)
        session.add(item)
    if item.name != spec.name:
        item.pinyin, item.initials = pinyin_keys(spec.name)
    item.name, item.kind, item.category = spec.name, spec.kind, spec.category
    item.price_fen, item.points, item.sessions = spec.price_fen, spec.points, spec.sessions
    item.course_service_id = service.id if service else None
    item.active = True
    session.flush()
    return item


def upsert_reward(session: Session, spec: RewardSpec) -> Reward:
    if spec.kind not in ("service", "coupon", "gift"):
        raise DomainError("catalog.unknown_reward_kind", kind=spec.kind)
    if spec.kind == "coupon" and not spec.coupon_fen:
        raise DomainError("catalog.coupon_needs_value")
    limits.check_price(spec.coupon_fen or 0)
    limits.check_points(spec.points_cost)
    item = item_by_code(session, spec.item_code) if spec.item_code else None
    if spec.kind in ("service", "gift") and item is None:
        raise DomainError("catalog.reward_needs_item")
    reward = session.scalars(select(Reward).where(Reward.code == spec.code)).first()
    if reward is None:
        reward = Reward(code=spec.code, stock=spec.stock)
        session.add(reward)
    reward.name, reward.kind, reward.points_cost = spec.name, spec.kind, spec.points_cost
    reward.item_id = item.id if item else None
    reward.coupon_fen = spec.coupon_fen
    reward.active = True
    session.flush()
    return reward


# --- what the window offers (plain data: ORM rows never leave a session) ----------------


@dataclass(frozen=True)
class CatalogEntry:
    code: str
    name: str
    category: str
    kind: str
    price_fen: int
    pinyin: str = ""  # of the name, so the cashier can search the catalog by pinyin
    initials: str = ""

    @classmethod
    def of(cls, item: CatalogItem) -> CatalogEntry:
        return cls(
            item.code,
            item.name,
            item.category,
            item.kind,
            item.price_fen,
            item.pinyin,
            item.initials,
        )


@dataclass(frozen=True)
class RewardEntry:
    code: str
    name: str
    kind: str
    points_cost: int
    stock: int | None


def entries(ctx: Ctx) -> tuple[list[CatalogEntry], list[RewardEntry]]:
    """The active items and rewards, as the checkout and redeem screens list them."""
    with ctx.db.read() as s:
        return (
            [CatalogEntry.of(i) for i in active_items(s)],
            [
                RewardEntry(r.code, r.name, r.kind, r.points_cost, r.stock)
                for r in active_rewards(s)
            ],
        )
