"""The catalog (项目/疗程/产品) and the reward catalog (兑换目录).

The clinic keeps its own catalog here: `validate_item` is the one check of an item's
fields (the back office's add and edit, and the importer, use it); `add_item` and
`edit_item` write it with an audit row of what changed. Sales copy an item's name, price
and points when they are made, so a change only affects the sales after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Protocol

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from spa_pos import limits, messages
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import CatalogItem, Reward
from spa_pos.models.catalog import ITEM_KINDS
from spa_pos.money import format_fen
from spa_pos.pinyin import pinyin_keys
from spa_pos.services import permissions, unit_of_work
from spa_pos.services.context import Ctx

# The bounds of an item's fields: the columns' lengths, and amounts no clinic would type
# on purpose (a slip of the finger, an extra zero, is refused instead of sold).
CODE_PATTERN = re.compile(r"^[A-Za-z0-9]+$")
MAX_CODE = 24
MAX_NAME = 60
MAX_CATEGORY = 30
MAX_PRICE_FEN = 10_000_000  # ¥100,000.00
MAX_POINTS = 100_000
MAX_SESSIONS = 100
MAX_VALID_DAYS = 3_650
MAX_SORT_ORDER = 9_999


@dataclass(frozen=True)
class ItemSpec:
    code: str
    name: str
    kind: str
    price_fen: int
    points: int | None = None  # None: earns at the rate per yuan paid
    category: str = ""
    sessions: int | None = None
    course_service_code: str | None = None
    valid_days: int | None = None  # courses: a balance bought is valid this many days
    active: bool = True
    sort_order: int = 0


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
    """The items on the till, in the clinic's order (items of the same place grouped by
    category)."""
    return list(
        session.scalars(
            select(CatalogItem)
            .where(CatalogItem.active)
            .order_by(CatalogItem.sort_order, CatalogItem.category, CatalogItem.code)
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
    item.valid_days, item.sort_order = spec.valid_days, spec.sort_order
    item.active = spec.active
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


class _Categorised(Protocol):
    @property
    def category(self) -> str: ...


def categories(items: Sequence[_Categorised]) -> list[str]:
    """The till's category buttons: the clinic's own categories of the items on sale, in
    the order their first item stands on the till."""
    return list(dict.fromkeys(i.category for i in items if i.category))


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


# --- the back office: the clinic's own catalog -----------------------------------------


def problem_text(message_code: str, /, **params: object) -> str:
    """A field's problem, in the language in force."""
    return messages.render(message_code, params)


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("C") for ch in text)


def text_problem(text: str, *, limit: int, required: str) -> str | None:
    """What is wrong with a name-like text (empty, too long, control characters)."""
    if not text.strip():
        return problem_text(required)
    if len(text) > limit:
        return problem_text("catalog.text_too_long", limit=limit)
    if _has_control(text):
        return problem_text("catalog.text_control")
    return None


def code_problem(
    session: Session, model: type[CatalogItem] | type[Reward], code: str
) -> str | None:
    """A new code: letters and digits, not too long, not taken (whatever the case)."""
    if not CODE_PATTERN.match(code):
        return problem_text("catalog.code_letters_digits")
    if len(code) > MAX_CODE:
        return problem_text("catalog.text_too_long", limit=MAX_CODE)
    taken = session.scalars(
        select(model.code).where(func.lower(model.code) == code.lower())
    ).first()
    return problem_text("catalog.code_taken", taken=taken) if taken else None


def _int_problem(value: int | None, low: int, high: int, *, required: bool = False) -> str | None:
    if value is None:
        return problem_text("catalog.value_required") if required else None
    if not low <= value <= high:
        return problem_text("catalog.out_of_range", low=low, high=high)
    return None


def validate_item(
    session: Session, spec: ItemSpec, *, editing: str | None = None
) -> dict[str, str]:
    """Every problem of an item, by field (code, name, category, kind, price_fen, points,
    sessions, course_service_code, valid_days, sort_order, active); empty when it may be
    saved. `editing` is the code of the item being changed (None: a new item). The
    messages are in the language in force."""
    problems: dict[str, str | None] = {}
    existing = None
    if editing is None:
        problems["code"] = code_problem(session, CatalogItem, spec.code)
    else:
        existing = session.scalars(select(CatalogItem).where(CatalogItem.code == editing)).first()
        if existing is None:
            raise NotFound("catalog.item_not_found", item=editing)
        if spec.code != editing:
            problems["code"] = problem_text("catalog.code_fixed")
    problems["name"] = text_problem(spec.name, limit=MAX_NAME, required="catalog.name_required")
    problems["category"] = text_problem(
        spec.category, limit=MAX_CATEGORY, required="catalog.category_required"
    )
    if spec.kind not in ITEM_KINDS:
        problems["kind"] = problem_text("catalog.unknown_item_kind", kind=spec.kind)
    elif existing is not None and existing.kind != spec.kind:
        # Courses bought and balances opened keep what they are: a new kind is a new item.
        problems["kind"] = problem_text("catalog.kind_fixed")
    if not 0 <= spec.price_fen <= MAX_PRICE_FEN:
        problems["price_fen"] = problem_text(
            "catalog.price_range", highest=format_fen(MAX_PRICE_FEN)
        )
    problems["points"] = _int_problem(spec.points, 0, MAX_POINTS)
    problems["sort_order"] = _int_problem(spec.sort_order, 0, MAX_SORT_ORDER)
    if spec.kind == "course":
        problems["sessions"] = _int_problem(spec.sessions, 1, MAX_SESSIONS, required=True)
        problems["course_service_code"] = _course_service_problem(session, spec)
        problems["valid_days"] = _int_problem(spec.valid_days, 1, MAX_VALID_DAYS)
    else:
        for name in ("sessions", "course_service_code", "valid_days"):
            if getattr(spec, name) is not None:
                problems[name] = problem_text("catalog.course_only")
    if existing is not None and existing.active and not spec.active:
        problems["active"] = _retire_problem(session, existing)
    return {name: text for name, text in problems.items() if text}


def _course_service_problem(session: Session, spec: ItemSpec) -> str | None:
    code = (spec.course_service_code or "").strip()
    if not code:
        return problem_text("catalog.value_required")
    service = session.scalars(_ITEM_BY_CODE, {"code": code}).first()
    if service is None or not service.active or service.kind != "service":
        return problem_text("catalog.course_needs_active_service", item=code)
    return None


def _retire_problem(session: Session, item: CatalogItem) -> str | None:
    """An item may leave the till unless what is still on offer depends on it."""
    course = session.scalars(
        select(CatalogItem.name).where(CatalogItem.course_service_id == item.id, CatalogItem.active)
    ).first()
    if course is not None:
        return problem_text("catalog.retire_used_by_course", course=course)
    reward = session.scalars(
        select(Reward.name).where(Reward.item_id == item.id, Reward.active)
    ).first()
    if reward is not None:
        return problem_text("catalog.retire_used_by_reward", reward=reward)
    return None


@dataclass(frozen=True)
class ItemRow:
    """An item as the back office shows and edits it."""

    code: str
    name: str
    kind: str
    price_fen: int
    points: int | None
    category: str
    sessions: int | None
    course_service_code: str | None
    valid_days: int | None
    active: bool
    sort_order: int

    @classmethod
    def of(cls, item: CatalogItem) -> ItemRow:
        service = item.course_service
        return cls(
            item.code,
            item.name,
            item.kind,
            item.price_fen,
            item.points,
            item.category,
            item.sessions,
            service.code if service else None,
            item.valid_days,
            item.active,
            item.sort_order,
        )

    def spec(self) -> ItemSpec:
        return ItemSpec(**asdict(self))


def list_items(ctx: Ctx, *, include_retired: bool = False) -> list[ItemRow]:
    """The catalog in the till's order; retired items last when included."""
    query = select(CatalogItem).order_by(
        CatalogItem.active.desc(), CatalogItem.sort_order, CatalogItem.category, CatalogItem.code
    )
    if not include_retired:
        query = query.where(CatalogItem.active)
    with ctx.db.read() as s:
        return [ItemRow.of(item) for item in s.scalars(query)]


def find_item(ctx: Ctx, code: str) -> ItemRow:
    """One item, retired or not (an edit starts from it)."""
    with ctx.db.read() as s:
        item = s.scalars(select(CatalogItem).where(CatalogItem.code == code.strip())).first()
        if item is None:
            raise NotFound("catalog.item_not_found", item=code)
        return ItemRow.of(item)


def check_item(ctx: Ctx, spec: ItemSpec, *, editing: str | None = None) -> dict[str, str]:
    """`validate_item` in its own read session: the form checks a field as it is typed."""
    with ctx.db.read() as s:
        return validate_item(s, _tidy(spec), editing=editing)


def _tidy(spec: ItemSpec) -> ItemSpec:
    """Surrounding spaces are never meant."""
    service = (spec.course_service_code or "").strip() or None
    return replace(
        spec,
        code=spec.code.strip(),
        name=spec.name.strip(),
        category=spec.category.strip(),
        course_service_code=service,
    )


def field_problems(problems: dict[str, str]) -> str:
    """The problems as one line, each after its field's caption (for a refusal)."""
    return "；".join(
        f"{problem_text(f'catalog.field_{name}')}: {text}" for name, text in problems.items()
    )


class FieldProblems(DomainError):
    """An item or reward refused, with each field's problem: the window shows them next to
    their fields, the CLI as one line."""

    def __init__(self, code: str, problems: dict[str, str]) -> None:
        super().__init__(code, problems=field_problems(problems))
        self.problems = problems


def _refuse(problems: dict[str, str]) -> None:
    if problems:
        raise FieldProblems("catalog.item_invalid", problems)


def add_item(ctx: Ctx, spec: ItemSpec) -> ItemRow:
    """A new item of the clinic's (manager or owner)."""
    permissions.require(ctx, "change_catalog_rules")
    spec = _tidy(spec)
    with unit_of_work.write(ctx) as work:
        _refuse(validate_item(work.session, spec))
        item = upsert_item(work.session, spec)
        row = ItemRow.of(item)
        work.audit("catalog.add", "catalog_item", row.code, **asdict(row))
        return row


def edit_item(ctx: Ctx, code: str, spec: ItemSpec) -> ItemRow:
    """Change an item to `spec` (manager or owner). Sales made before keep the name,
    price and points they were made with; retiring takes it off the till only."""
    permissions.require(ctx, "change_catalog_rules")
    spec = _tidy(spec)
    with unit_of_work.write(ctx) as work:
        s = work.session
        _refuse(validate_item(s, spec, editing=code))
        item = s.scalars(select(CatalogItem).where(CatalogItem.code == code)).one()
        before = ItemRow.of(item)
        after = ItemRow.of(upsert_item(s, spec))
        changes = {
            f.name: [getattr(before, f.name), getattr(after, f.name)]
            for f in fields(ItemRow)
            if getattr(before, f.name) != getattr(after, f.name)
        }
        if changes:
            work.audit("catalog.edit", "catalog_item", code, changes=changes)
        return after
