"""The catalog (项目/疗程/产品) and the reward catalog (兑换目录)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from spa_pos.errors import DomainError, NotFound
from spa_pos.models import CatalogItem, Reward
from spa_pos.pinyin import pinyin_keys


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
        raise NotFound(f"没有这个项目: {code}")
    return item


def reward_by_code(session: Session, code: str) -> Reward:
    reward = session.scalars(select(Reward).where(Reward.code == code.strip())).first()
    if reward is None or not reward.active:
        raise NotFound(f"没有这个兑换项: {code}")
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
        raise DomainError(f"未知项目类型: {spec.kind}")
    if spec.price_fen < 0 or (spec.points is not None and spec.points < 0):
        raise DomainError("价格和积分不能为负")
    service = None
    if spec.kind == "course":
        if not spec.sessions or spec.sessions < 1 or not spec.course_service_code:
            raise DomainError("疗程需要次数和对应的服务项目")
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
        raise DomainError(f"未知兑换类型: {spec.kind}")
    if spec.kind == "coupon" and not spec.coupon_fen:
        raise DomainError("优惠券需要面额")
    item = item_by_code(session, spec.item_code) if spec.item_code else None
    if spec.kind in ("service", "gift") and item is None:
        raise DomainError("兑换服务或礼品需要对应的项目")
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
