"""The member list (会员列表): members chosen by a filter, sorted and paged in SQL, exported,
and sent a targeted coupon or a message all at once.

Definitions (all over the last 12 months, i.e. 365 days before now):
- spend (消费): what the member paid (`Sale.due_fen`) less what was refunded, as 高价值
  counts it (`tags.net_spend`);
- tier (等级): from the points earned (`points.EARNING_KINDS`), as everywhere else;
- favourite category (偏好品类): the catalog category on which the member spent the most
  money (`summaries.favourites`).
- last visit (最近到店): `Member.last_visit_at` (sales and course sessions).

Filters and sorts by these three read the members' summaries (`member_stats`, rebuilt
nightly, kept by every sale, refund and ledger entry) through their indexes: a stored row
is exact for a member unless something of theirs has left the 12 months since the
rebuild (`summaries.moved_members`, usually a day's customers); those few get their
figures worked out (`summaries.member_figures`) and are merged into the sorted page here.
The result is the same as joining the figures of everyone (what is done when too many
moved, e.g. the nightly job has not run for days). Only a page of rows (or, for an
export, coupon or message, the ids and the columns written) comes back; a page's rows are
computed for its members from the facts.

Consent: a targeted coupon is a voucher the cashier sees when the member comes to the
till, not a message, so members without marketing consent do receive it (nothing is sent
to them); a message is queued only for members with consent.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Select, Table, and_, extract, func, insert, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql import ColumnElement

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import (
    CatalogItem,
    Member,
    MemberStat,
    MemberTag,
    OutboxMessage,
    Voucher,
)
from spa_pos.services import (
    catalog,
    exports,
    members,
    permissions,
    points,
    rewards,
    summaries,
    tags,
    unit_of_work,
    vouchers,
)
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Settings

T = TypeVar("T")
SORTS = ("card", "name", "tier", "balance", "last_visit", "spend", "favourite")
PAGE_SIZE = 50
MAX_MESSAGE = 500
CAMPAIGN = "campaign"  # the outbox kind of a message queued from the list
YEAR = timedelta(days=365)
_CHUNK = 500  # ids per IN (...) list
_FIGURES = ("spend", "tier", "favourite")  # the sorts by a figure of `summaries`


@dataclass(frozen=True)
class Filter:
    """Who is in the list; every field left empty does not filter. Dates are the clinic's
    business days, both ends included; money is fen."""

    tag: str | None = None  # one of `tags.TAGS`
    tier: str | None = None  # a tier's name
    visited_from: date | None = None
    visited_to: date | None = None
    birthday_month: int | None = None  # 1..12
    spend_min_fen: int | None = None
    spend_max_fen: int | None = None
    favourite: str | None = None  # a catalog category

    def as_dict(self) -> dict[str, object]:
        """The fields set, for the audit row (dates as ISO text)."""
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                out[f.name] = value.isoformat() if isinstance(value, date) else value
        return out


@dataclass(frozen=True)
class Row:
    card_no: str
    name: str
    phone: str  # masked (`members.mask_phone`)
    tier: str
    tags: tuple[str, ...]
    balance: int
    last_visit: date | None
    spend_fen: int
    favourite: str  # "" when none


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    total: int  # members in the whole filter
    offset: int


@dataclass(frozen=True)
class Choices:
    """What the filter bar offers."""

    tags: tuple[str, ...]
    tiers: tuple[str, ...]
    categories: tuple[str, ...]
    rewards: tuple[tuple[str, str], ...]  # (code, name) of active rewards
    today: date  # the clinic's business date, for "visited within N days"


def _tier_bounds(cfg: Settings, name: str) -> tuple[int, int | None]:
    """The points earned that put a member in tier `name`: [low, high)."""
    ordered = sorted(cfg.tiers, key=lambda t: t.threshold)
    for index, tier in enumerate(ordered):
        if tier.name == name:
            above = ordered[index + 1].threshold if index + 1 < len(ordered) else None
            return tier.threshold, above
    raise DomainError(
        "member_list.unknown_tier", tier=name, available="、".join(t.name for t in ordered)
    )


@dataclass(frozen=True)
class _Figures:
    """A member's figures for the list's 12 months (`summaries.member_figures`)."""

    earned: int
    spend_fen: int
    favourite: str | None


@dataclass
class _Query:
    """The filtered members in two parts. `stmt()` selects the ids of those that meet
    `members` (on `Member`) and `figures` (on `src`, their figures as stored, read
    through its indexes; `src` is None when neither the filter nor the sort reads a
    figure; a NULL in it means 0, or no favourite). `moved` holds the members in the
    filter whose stored row is out of date (something left the 12 months since the
    nightly rebuild: usually a day's customers) with their exact figures; `members`
    leaves them out. Together they are exactly the members that
    `summaries.member_figures` for everyone would give."""

    members: list[ColumnElement[bool]]
    src: Any = None
    figures: list[ColumnElement[bool]] = field(default_factory=list)
    moved: dict[int, _Figures] = field(default_factory=dict)

    def stmt(self, *columns: Any, join: bool = False) -> Select[Any]:
        """SELECT Member.id, *columns of the members kept (`src` joined if asked or
        filtered by)."""
        stmt = select(Member.id, *columns).where(*self.members, *self.figures)
        if self.src is not None and (join or self.figures):
            stmt = stmt.outerjoin(self.src, self.src.c.member_id == Member.id)
        return stmt


_MOVED_MAX = 2000
"""More members moved since the rebuild than this (the nightly job has not run for days):
the figures are computed for everyone in SQL, as one join, rather than split."""
_STORED = cast(Table, MemberStat.__table__)
_DEFAULTS: dict[str, int | None] = {"earned": 0, "spend_fen": 0, "favourite": None}


def check(flt: Filter) -> None:
    if flt.tag is not None and flt.tag not in tags.TAGS:
        raise DomainError("member_list.unknown_tag", tag=flt.tag, available="、".join(tags.TAGS))
    if flt.birthday_month is not None and not 1 <= flt.birthday_month <= 12:
        raise DomainError("member_list.bad_month", month=flt.birthday_month)
    for low, high in ((flt.visited_from, flt.visited_to), (flt.spend_min_fen, flt.spend_max_fen)):
        if low is not None and high is not None and low > high:  # type: ignore[operator]
            raise DomainError("member_list.empty_range")


Test = tuple[str, Callable[[Any, Any], Any], object]


def _tests(flt: Filter, cfg: Settings) -> list[Test]:
    """The filter's conditions on the figures: (figure, comparison, bound) each, applied
    alike to an SQL column and to a member's `_Figures`."""
    out: list[Test] = []
    if flt.spend_min_fen is not None:
        out.append(("spend_fen", operator.ge, flt.spend_min_fen))
    if flt.spend_max_fen is not None:
        out.append(("spend_fen", operator.le, flt.spend_max_fen))
    if flt.tier is not None:
        low, high = _tier_bounds(cfg, flt.tier)
        out.append(("earned", operator.ge, low))
        if high is not None:
            out.append(("earned", operator.lt, high))
    if flt.favourite is not None:
        out.append(("favourite", operator.eq, flt.favourite))
    return out


def _passes(tests: list[Test], fig: _Figures) -> bool:
    return all(op(getattr(fig, name), bound) for name, op, bound in tests)


def _where(tests: list[Test], src: Any) -> list[ColumnElement[bool]]:
    """The tests on `src`'s columns, a NULL standing for the default: written on the
    column alone when the default fails them, so that its index answers."""
    out: list[ColumnElement[bool]] = []
    for name in dict.fromkeys(name for name, _, _ in tests):
        mine = [(op, bound) for n, op, bound in tests if n == name]
        col = src.c[name]
        cond = and_(*(op(col, bound) for op, bound in mine))
        default = _DEFAULTS[name]
        if default is not None and all(op(default, bound) for op, bound in mine):
            cond = or_(col.is_(None), cond)
        out.append(cond)
    return out


def _query(
    session: Session,
    flt: Filter,
    now: datetime,
    cfg: Settings,
    sort: str | None,
    *,
    consent: bool = False,
) -> _Query:
    check(flt)
    since = clk.to_utc_naive(now) - YEAR
    stmt: list[ColumnElement[bool]] = []
    if flt.tag is not None:
        stmt.append(Member.id.in_(select(MemberTag.member_id).where(MemberTag.tag == flt.tag)))
    if flt.visited_from is not None:
        stmt.append(Member.last_visit_at >= clk.local_day_start_utc(flt.visited_from, cfg.timezone))
    if flt.visited_to is not None:
        end = clk.local_day_start_utc(flt.visited_to + timedelta(days=1), cfg.timezone)
        stmt.append(Member.last_visit_at < end)
    if flt.birthday_month is not None:
        stmt.append(extract("month", Member.birthday) == flt.birthday_month)
    if consent:
        stmt.append(Member.marketing_consent.is_(True))
    tests = _tests(flt, cfg)
    if not tests and sort not in _FIGURES:
        return _Query(stmt)
    moved = summaries.moved_members(session, since)
    many = session.scalar(select(func.count()).select_from(moved.subquery())) or 0
    if many > _MOVED_MAX:
        every = summaries.member_figures(session, since)
        return _Query(stmt, every, _where(tests, every))
    kept = [*stmt, Member.id.not_in(moved)]
    figs = summaries.member_figures(
        session, since, only=select(Member.id).where(*stmt, Member.id.in_(moved))
    )
    exact = {
        int(m): _Figures(int(e), int(f), c) for m, e, f, c in session.execute(select(figs)).tuples()
    }
    fits = {m: fig for m, fig in exact.items() if _passes(tests, fig)}
    return _Query(kept, _STORED, _where(tests, _STORED), fits)


def _key(q: _Query, sort: str) -> ColumnElement[Any] | InstrumentedAttribute[Any]:
    keys: dict[str, ColumnElement[Any] | InstrumentedAttribute[Any]] = {
        "card": Member.card_no,
        "name": Member.pinyin,
        "balance": Member.points_balance,
        "last_visit": Member.last_visit_at,  # never came: first (NULL sorts low)
    }
    if q.src is not None:
        keys["spend"] = func.coalesce(q.src.c.spend_fen, 0)
        keys["tier"] = func.coalesce(q.src.c.earned, 0)
        keys["favourite"] = func.coalesce(q.src.c.favourite, "")
    if sort not in keys:
        raise DomainError("member_list.unknown_sort", sort=sort, available=", ".join(SORTS))
    return keys[sort]


def _order(key: Any, sort: str, descending: bool) -> Any:
    ordered = key.desc() if descending else key.asc()
    if sort == "last_visit":  # said, as PostgreSQL sorts NULL high; SQLite's own order
        ordered = ordered.nulls_last() if descending else ordered.nulls_first()
    return ordered


_COLUMNS = {"spend": "spend_fen", "tier": "earned", "favourite": "favourite"}


def _ordered(
    session: Session, q: _Query, sort: str, descending: bool, offset: int, limit: int | None
) -> list[int]:
    """The ids of members [offset, offset + limit) of the filter in the order of `sort`
    (ties by member; `limit` None: to the end). Split (moved members, or a sort by a
    figure read from its stored column), each part gives its first offset + limit in
    that order and they are merged here."""
    key = _key(q, sort)
    if not q.moved and (sort not in _FIGURES or q.src is not _STORED):
        stmt = q.stmt(join=sort in _FIGURES).order_by(_order(key, sort, descending), Member.id)
        return list(session.scalars(stmt.offset(offset).limit(limit)))
    upto = None if limit is None else offset + limit
    rows: list[tuple[int, Any]] = []
    if sort in _FIGURES:
        name = _COLUMNS[sort]
        col = q.src.c[name]
        default = "" if name == "favourite" else 0
        stored = (  # from the stored rows' index on the column
            select(Member.id, col)
            .select_from(q.src)
            .join(Member, Member.id == q.src.c.member_id)
            .where(*q.members, *q.figures, col.is_not(None))
            .order_by(_order(col, sort, descending), q.src.c.member_id)
        )
        rows += session.execute(stored.limit(upto)).tuples()
        bare = q.stmt(join=True).where(col.is_(None)).order_by(Member.id).limit(upto)
        rows += [(i, default) for i in session.scalars(bare)]
        rows += [(m, getattr(fig, name) or default) for m, fig in q.moved.items()]
    else:
        stmt = q.stmt(key).order_by(_order(key, sort, descending), Member.id)
        rows += session.execute(stmt.limit(upto)).tuples()
        for chunk in _chunks(sorted(q.moved)):
            rows += session.execute(select(Member.id, key).where(Member.id.in_(chunk))).tuples()
    rows.sort(key=lambda row: row[0])
    rows.sort(key=lambda row: (row[1] is not None, row[1]), reverse=descending)  # stable
    return [member_id for member_id, _ in rows[offset:upto]]


def _count(session: Session, q: _Query) -> int:
    stored = session.scalar(select(func.count()).select_from(q.stmt().subquery())) or 0
    return stored + len(q.moved)


def matching_ids(
    session: Session, flt: Filter, now: datetime, cfg: Settings, *, consent: bool = False
) -> list[int]:
    """Every member in the filter (with marketing consent only, if asked), by id."""
    q = _query(session, flt, now, cfg, None, consent=consent)
    return sorted([*session.scalars(q.stmt()), *q.moved])


# --- the rows -----------------------------------------------------------------------------


def _chunks(ids: Sequence[T]) -> list[list[T]]:
    return [list(ids[i : i + _CHUNK]) for i in range(0, len(ids), _CHUNK)]


def rows_of(session: Session, ids: Sequence[int], now: datetime, cfg: Settings) -> list[Row]:
    """The rows of these members, in this order, their figures computed for them only."""
    since = clk.to_utc_naive(now) - YEAR
    found: dict[int, Member] = {}
    held: dict[int, list[str]] = {}
    spend: dict[int, int] = {}
    favourite: dict[int, str] = {}
    for chunk in _chunks(ids):
        found.update((m.id, m) for m in session.scalars(select(Member).where(Member.id.in_(chunk))))
        for member_id, tag in session.execute(
            select(MemberTag.member_id, MemberTag.tag).where(MemberTag.member_id.in_(chunk))
        ):
            held.setdefault(member_id, []).append(tag)
        spent = tags.net_spend(since, chunk)
        spend.update(session.execute(select(spent.c.member_id, spent.c.fen)).tuples().all())
        fav = summaries.favourites(since, chunk)
        favourite.update(session.execute(select(fav.c.member_id, fav.c.category)).tuples().all())
    tiers = points.tiers_of(session, list(ids), clk.to_utc_naive(now), cfg)
    out = []
    for member_id in ids:
        m = found[member_id]
        out.append(
            Row(
                m.card_no,
                m.name,
                members.mask_phone(m.phone),
                tiers[member_id].name,
                tuple(t for t in tags.TAGS if t in held.get(member_id, ())),
                m.points_balance,
                clk.local_date(clk.from_utc_naive(m.last_visit_at), cfg.timezone)
                if m.last_visit_at
                else None,
                int(spend.get(member_id) or 0),
                favourite.get(member_id, ""),
            )
        )
    return out


def page(
    ctx: Ctx,
    flt: Filter,
    *,
    sort: str = "card",
    descending: bool = False,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of the filter, sorted by a column of `SORTS` (ties by member), with the
    number of members in the whole filter."""
    if sort not in SORTS:
        raise DomainError("member_list.unknown_sort", sort=sort, available=", ".join(SORTS))
    with unit_of_work.read(ctx) as work:
        s, now, cfg = work.session, work.moment, work.settings
        q = _query(s, flt, now, cfg, sort)
        ids = _ordered(s, q, sort, descending, max(offset, 0), limit)
        return Page(rows_of(s, ids, now, cfg), _count(s, q), max(offset, 0))


def count(ctx: Ctx, flt: Filter, *, with_consent: bool = False) -> int:
    """How many members the filter holds (with marketing consent only, for a message)."""
    with unit_of_work.read(ctx) as work:
        q = _query(work.session, flt, work.moment, work.settings, None, consent=with_consent)
        return _count(work.session, q)


def choices(ctx: Ctx) -> Choices:
    with unit_of_work.read(ctx) as work:
        s = work.session
        categories = s.scalars(
            select(CatalogItem.category)
            .where(CatalogItem.category != "")
            .distinct()
            .order_by(CatalogItem.category)
        )
        return Choices(
            tags.TAGS,
            tuple(t.name for t in sorted(work.settings.tiers, key=lambda t: t.threshold)),
            tuple(categories),
            tuple((r.code, r.name) for r in catalog.active_rewards(s)),
            work.today,
        )


# --- export -------------------------------------------------------------------------------

HEADERS = ("卡号", "姓名", "手机", "等级", "标签", "积分", "最近到店", "近12月消费", "偏好品类")


def export(
    ctx: Ctx, flt: Filter, path: Path, *, sort: str = "card", descending: bool = False
) -> exports.ExportResult:
    """The whole filter, in the list's order, to XLSX or CSV (by the extension); phones
    masked as on screen. A file of members leaving the till: `export_data`."""
    permissions.require(ctx, "export_data")
    with unit_of_work.read(ctx) as work:
        s, now, cfg = work.session, work.moment, work.settings
        if sort not in SORTS:
            raise DomainError("member_list.unknown_sort", sort=sort, available=", ".join(SORTS))
        ids = _ordered(s, _query(s, flt, now, cfg, sort), sort, descending, 0, None)
        table = [
            (
                r.card_no,
                r.name,
                r.phone,
                r.tier,
                " ".join(r.tags),
                r.balance,
                r.last_visit,
                exports.yuan(r.spend_fen),
                r.favourite,
            )
            for r in rows_of(s, ids, now, cfg)
        ]
    exports.write_table(path, HEADERS, table)
    return exports.ExportResult(path, len(table))


# --- acting on everyone in the filter ----------------------------------------------------


@dataclass(frozen=True)
class Batch:
    count: int
    skipped: int  # members in the filter left out (no consent, for a message)


def _reason(text: str) -> str:
    reason = members.clean_text(text)
    if not reason:
        raise DomainError("member_list.reason_required")
    return reason[:60]


def issue_coupon(
    ctx: Ctx, flt: Filter, reward_code: str, reason: str, *, at: datetime | None = None
) -> Batch:
    """A targeted coupon (定向发券, manager): one voucher of `reward_code` to every member in
    the filter, at no points (nothing goes on the ledger), all in one transaction with one
    audit row naming the filter, the reward, the reason and the count. Members without
    marketing consent get theirs too: it waits at the till, nothing is sent to them.

    A reward with limited stock gives one unit per voucher; too little stock refuses the
    whole batch."""
    permissions.require(ctx, "member_care")
    why = _reason(reason)
    with unit_of_work.write(ctx, at) as work:
        s, stamp, cfg = work.session, work.stamp, work.settings
        reward = catalog.reward_by_code(s, reward_code)
        if not reward.active:
            raise DomainError("member_list.reward_inactive", reward=reward.name)
        ids = matching_ids(s, flt, work.moment, cfg)
        if not ids:
            raise DomainError("member_list.nobody")
        if reward.stock is not None and reward.stock < len(ids):
            raise DomainError(
                "member_list.not_enough_stock",
                reward=reward.name,
                stock=reward.stock,
                count=len(ids),
            )
        expires = work.today + timedelta(days=cfg.voucher_valid_days)
        codes = _new_codes(s, len(ids))
        s.execute(
            insert(Voucher),
            [
                {
                    "code": code,
                    "reward_id": reward.id,
                    "member_id": member_id,
                    "issued_at": stamp,
                    "expires_on": expires,
                    "points_spent": 0,
                    "status": "issued",
                }
                for code, member_id in zip(codes, ids, strict=True)
            ],
        )
        if reward.stock is not None:
            reward.stock -= len(ids)
            rewards.record_stock(
                s, reward, "redeem", -len(ids), at=stamp, actor=work.actor, reason=why
            )
        work.audit(
            "voucher.targeted",
            "reward",
            reward.code,
            count=len(ids),
            filter=flt.as_dict(),
            reason=why,
            first=codes[0],
            last=codes[-1],
        )
        return Batch(len(ids), 0)


def _new_codes(session: Session, n: int) -> list[str]:
    """`n` new voucher codes (`vouchers.new_code`), none in use yet."""
    codes: set[str] = set()
    while len(codes) < n:
        wanted = {vouchers.new_code() for _ in range(n - len(codes))} - codes
        for chunk in _chunks(sorted(wanted)):
            taken = set(session.scalars(select(Voucher.code).where(Voucher.code.in_(chunk))))
            codes |= set(chunk) - taken
    return sorted(codes)[:n]


def queue_message(ctx: Ctx, flt: Filter, text: str, *, at: datetime | None = None) -> Batch:
    """Queue `text` in the outbox (营销消息, manager) for every member in the filter who
    gave marketing consent; `{姓名}` in the text becomes each member's name. One
    transaction, one audit row with the filter and the counts."""
    permissions.require(ctx, "member_care")
    body = text.strip()
    if not body:
        raise DomainError("member_list.message_empty")
    if len(body) > MAX_MESSAGE:
        raise DomainError("member_list.message_too_long", limit=MAX_MESSAGE)
    with unit_of_work.write(ctx, at) as work:
        s, stamp = work.session, work.stamp
        everyone = _count(s, _query(s, flt, work.moment, work.settings, None))
        consenting: list[tuple[int, str]] = []
        for chunk in _chunks(matching_ids(s, flt, work.moment, work.settings, consent=True)):
            consenting += s.execute(
                select(Member.id, Member.name).where(Member.id.in_(chunk)).order_by(Member.id)
            ).tuples()
        if not consenting:
            raise DomainError("member_list.nobody_consents", count=everyone)
        s.execute(
            insert(OutboxMessage),
            [
                {
                    "member_id": member_id,
                    "kind": CAMPAIGN,
                    "text": body.replace("{姓名}", name),
                    "created_at": stamp,
                    "status": "queued",
                }
                for member_id, name in consenting
            ],
        )
        work.audit(
            "outbox.campaign",
            "outbox",
            CAMPAIGN,
            count=len(consenting),
            skipped=everyone - len(consenting),
            filter=flt.as_dict(),
            text=body,
        )
        return Batch(len(consenting), everyone - len(consenting))
