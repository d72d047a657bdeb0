"""The points ledger (积分流水): awarding lots, spending FIFO, reversing, expiring.

Functions here work inside the caller's unit of work and never commit. A member's
`points_balance` is a cache of the sum of their entries; `check_balances` proves it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session

from spa_pos import limits
from spa_pos.clock import add_months
from spa_pos.errors import DomainError
from spa_pos.models import LedgerEntry, Member, PointLot
from spa_pos.models.points import EARNING_KINDS as EARNING_KINDS  # tier spend
from spa_pos.services import summaries
from spa_pos.services.settings import Settings, Tier

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


@dataclass(frozen=True)
class Award:
    rule: str
    points: int


@dataclass(frozen=True)
class Draw:
    lot_id: int | None
    points: int  # positive: how much was taken


def expiry_for(awarded_on: date, settings: Settings) -> date:
    """X1: award date + validity; usable through the end of that local day."""
    return add_months(awarded_on, settings.points_validity_months)


# Every column an entry may link or describe, so that entries written together with one
# INSERT all carry the same keys.
_ENTRY_DEFAULTS: dict[str, object] = {
    "rule": None,
    "sale_id": None,
    "refund_id": None,
    "voucher_id": None,
    "note": "",
    "actor": "",
}


def _entry_row(
    member: Member, lot_id: int | None, kind: str, points: int, at: datetime, **links: object
) -> dict[str, object]:
    """One ledger entry's column values; the member's cached balance follows it."""
    member.points_balance += points
    return {
        **_ENTRY_DEFAULTS,
        "member_id": member.id,
        "lot_id": lot_id,
        "kind": kind,
        "points": points,
        "created_at": at,
        **links,
    }


def _add_entry(
    session: Session,
    member: Member,
    lot_id: int | None,
    kind: str,
    points: int,
    at: datetime,
    **links: object,
) -> None:
    """Add one entry to the session, and its points to the summaries."""
    session.add(LedgerEntry(**_entry_row(member, lot_id, kind, points, at, **links)))
    summaries.add_entries(session, [(member.id, at, kind, points)])


def award(
    session: Session,
    member: Member,
    awards: Sequence[Award],
    *,
    at: datetime,
    today: date,
    settings: Settings,
    kind: str = "earn",
    sale_id: int | None = None,
    actor: str = "",
    note: str = "",
) -> int | None:
    """One lot holding these awards (one entry per rule), then pay off any debt first.
    Returns the lot's id.

    Lot and entries are append-only rows, written at once with Core INSERTs (the lot's id
    by RETURNING): on the checkout path the ORM's unit of work for them cost more than
    the rest of the sale. Only the member's cached balance goes through the session."""
    total = sum(a.points for a in awards)
    if total <= 0:
        return None
    paid = min(max(0, -member.points_balance), total)  # debt paid off from this lot
    lot_id: int = session.execute(
        _INSERT_LOT,
        {
            "member_id": member.id,
            "earned_at": at,
            "expires_on": expiry_for(today, settings),
            "amount": total,
            "remaining": total - paid,
            "sale_id": sale_id,
        },
    ).scalar_one()
    links = {"sale_id": sale_id, "actor": actor}
    rows = [
        _entry_row(member, lot_id, kind, a.points, at, rule=a.rule, note=note, **links)
        for a in awards
        if a.points
    ]
    if paid:
        rows.append(_entry_row(member, lot_id, "settle", -paid, at, note="抵扣欠分", **links))
        rows.append(_entry_row(member, None, "settle", paid, at, note="抵扣欠分", **links))
    session.execute(_INSERT_ENTRIES, rows)
    summaries.add_entries(
        session, [(member.id, at, str(r["kind"]), cast(int, r["points"])) for r in rows]
    )
    return lot_id


# Built once, as plain table INSERTs: no ORM flush, no autoflush before them.
_INSERT_LOT = insert(cast(Table, PointLot.__table__)).returning(
    cast(Table, PointLot.__table__).c.id
)
_INSERT_ENTRIES = insert(cast(Table, LedgerEntry.__table__))


@dataclass(frozen=True)
class Grant:
    """Points for one member, in a lot of their own with this expiry (None: never)."""

    member_id: int
    points: int
    expires_on: date | None


def award_many(
    session: Session,
    grants: Sequence[Grant],
    *,
    at: datetime,
    kind: str,
    rule: str,
    actor: str,
    note: str,
) -> int:
    """`award` for thousands of members at once (an import's opening balances), set-based:
    a lot and an entry per grant, and each member's balance. For members without debt
    (new ones): nothing is settled. Returns the points awarded."""
    grants = [g for g in grants if g.points > 0]
    if not grants:
        return 0
    lot_ids = session.scalars(
        insert(PointLot).returning(PointLot.id, sort_by_parameter_order=True),
        [
            {
                "member_id": g.member_id,
                "earned_at": at,
                "expires_on": g.expires_on,
                "amount": g.points,
                "remaining": g.points,
            }
            for g in grants
        ],
    ).all()
    session.execute(
        insert(LedgerEntry),
        [
            {
                "member_id": g.member_id,
                "lot_id": lot_id,
                "kind": kind,
                "rule": rule,
                "points": g.points,
                "created_at": at,
                "actor": actor,
                "note": note,
            }
            for g, lot_id in zip(grants, lot_ids, strict=True)
        ],
    )
    summaries.add_entries(session, [(g.member_id, at, kind, g.points) for g in grants])
    members = cast(Table, Member.__table__)
    session.execute(
        update(members)
        .where(members.c.id == bindparam("m"))
        .values(points_balance=members.c.points_balance + bindparam("p")),
        [{"m": g.member_id, "p": g.points} for g in grants],
    )
    session.expire_all()  # loaded members no longer match their rows
    return sum(g.points for g in grants)


def _open_lots(session: Session, member_id: int, first: Iterable[int] = ()) -> list[PointLot]:
    """Lots with points left: `first` ones, then soonest expiry, then oldest; no expiry last."""
    lots = list(
        session.scalars(
            select(PointLot)
            .where(PointLot.member_id == member_id, PointLot.remaining > 0)
            .order_by(
                case((PointLot.expires_on.is_(None), 1), else_=0),
                PointLot.expires_on,
                PointLot.earned_at,
                PointLot.id,
            )
            .with_for_update()
        )
    )
    preferred = set(first)
    return [lot for lot in lots if lot.id in preferred] + [
        lot for lot in lots if lot.id not in preferred
    ]


def spend(
    session: Session,
    member: Member,
    points: int,
    *,
    kind: str,
    at: datetime,
    today: date,
    reward: str | None = None,
    **links: object,
) -> list[Draw]:
    """Take points FIFO (X2); refuses, writing nothing, when the balance is short (R2).
    `reward` names what a redemption buys, for that refusal; None is a manual deduction.
    The balance is the one usable at `at` (naive UTC) on `today`: a back-dated spend may
    not draw on points earned after it."""
    if points <= 0:
        raise DomainError("points.must_be_positive")
    lots = _usable_lots(session, member.id, at, today)
    usable = sum(lot.remaining for lot in lots)
    if usable < points:
        short = {"needed": points, "usable": usable, "short": points - usable}
        if reward is None:
            raise DomainError("points.not_enough_adjust", **short)
        raise DomainError("points.not_enough_redeem", reward=reward, **short)
    draws: list[Draw] = []
    left = points
    for lot in lots:
        take = min(left, lot.remaining)
        lot.remaining -= take
        _add_entry(session, member, lot.id, kind, -take, at, **links)
        draws.append(Draw(lot.id, take))
        left -= take
        if not left:
            break
    return draws


def spendable(session: Session, member: Member, at: datetime, today: date) -> int:
    """The points a redemption at `at` (naive UTC) on `today` may take: the usable lots
    (what `spend` checks), never more than the balance (a refund's debt is paid first)."""
    usable = sum(lot.remaining for lot in _usable_lots(session, member.id, at, today))
    return min(member.points_balance, usable)


def _usable_lots(session: Session, member_id: int, at: datetime, today: date) -> list[PointLot]:
    """Open lots that existed at `at` (within the tolerance two tills' clocks may differ
    by) and were not yet past their date on `today` (the expiry job may not have run yet)."""
    return [
        lot
        for lot in _open_lots(session, member_id)
        if not limits.before(at, lot.earned_at)
        and (lot.expires_on is None or lot.expires_on >= today)
    ]


def reverse(
    session: Session,
    member: Member,
    points: int,
    *,
    at: datetime,
    rule: str | None,
    prefer_lots: Iterable[int],
    note: str = "",
    **links: object,
) -> list[Draw]:
    """Take back awarded points: from their own lot first, then FIFO; what the member has
    already spent becomes debt (an entry without a lot) that later earnings pay first."""
    draws: list[Draw] = []
    left = points
    for lot in _open_lots(session, member.id, prefer_lots):
        if not left:
            break
        take = min(left, lot.remaining)
        lot.remaining -= take
        _add_entry(session, member, lot.id, "reverse", -take, at, rule=rule, note=note, **links)
        draws.append(Draw(lot.id, take))
        left -= take
    if left:
        _add_entry(
            session,
            member,
            None,
            "reverse",
            -left,
            at,
            rule=rule,
            note=(note + " 已消费的积分，记为欠分").strip(),
            **links,
        )
        draws.append(Draw(None, left))
    return draws


def give_back(
    session: Session,
    member: Member,
    draws: Sequence[tuple[int | None, int]],
    *,
    kind: str,
    at: datetime,
    **links: object,
) -> int:
    """Return drawn points to the lots they came from, keeping their original expiry (R4)."""
    total = 0
    for lot_id, points in draws:
        if lot_id is None:
            continue
        lot = session.get(PointLot, lot_id)
        assert lot is not None
        lot.remaining += points
        _add_entry(session, member, lot_id, kind, points, at, **links)
        total += points
    return total


@dataclass(frozen=True)
class Expired:
    lots: int
    points: int


def expire_due(
    session: Session, today: date, at: datetime, *, actor: str = "system", limit: int | None = None
) -> Expired:
    """X3: write an `expire` entry for the remainder of every lot past its date (the
    oldest `limit` lots of them, if given: the nightly job works in batches).
    Idempotent: an expired lot has nothing left, so a second run finds nothing. Set-based,
    because after weeks with the till off the backlog can be tens of thousands of lots."""
    due = session.execute(
        select(PointLot.id, PointLot.member_id, PointLot.remaining)
        .where(PointLot.expires_on < today, PointLot.remaining > 0)
        .order_by(PointLot.expires_on)
        .limit(limit)
    ).all()
    if not due:
        return Expired(0, 0)
    session.execute(
        insert(LedgerEntry),
        [
            {
                "member_id": member_id,
                "lot_id": lot_id,
                "kind": "expire",
                "rule": "X3",
                "points": -left,
                "created_at": at,
                "actor": actor,
                "note": "",
            }
            for lot_id, member_id, left in due
        ],
    )
    summaries.add_entries(session, [(m, at, "expire", -left) for _, m, left in due])
    session.execute(update(PointLot), [{"id": lot_id, "remaining": 0} for lot_id, _, _ in due])
    by_member: dict[int, int] = {}
    for _, member_id, left in due:
        by_member[member_id] = by_member.get(member_id, 0) + left
    members = cast(Table, Member.__table__)
    session.execute(
        update(members)
        .where(members.c.id == bindparam("m"))
        .values(points_balance=members.c.points_balance - bindparam("p")),
        [{"m": m, "p": p} for m, p in by_member.items()],
    )
    session.expire_all()  # loaded members and lots no longer match the rows
    return Expired(len(due), sum(left for _, _, left in due))


# Tier spend (E7): earning events of the last 12 months, net of their reversals; never
# redemptions. Built once, the kinds inlined, because every member checkout asks.
_TIER_SPEND = LedgerEntry.kind.in_(
    bindparam("kinds", EARNING_KINDS, expanding=True, literal_execute=True)
) & (LedgerEntry.created_at >= bindparam("since"))
_EARNED = select(func.coalesce(func.sum(LedgerEntry.points), 0)).where(
    LedgerEntry.member_id == bindparam("member_id"), _TIER_SPEND
)


def _year_before(at: datetime) -> datetime:
    return at - timedelta(days=365)


def earned_last_12_months(session: Session, member_id: int, at: datetime) -> int:
    total = session.scalar(_EARNED, {"member_id": member_id, "since": _year_before(at)})
    return int(total or 0)


def tier_of(session: Session, member_id: int, at: datetime, settings: Settings) -> Tier:
    return settings.tier_for(earned_last_12_months(session, member_id, at))


def tiers_of(
    session: Session, member_ids: Collection[int], at: datetime, settings: Settings
) -> dict[int, Tier]:
    """`tier_of` for several members in one query (a page of search results)."""
    earned: dict[int, int] = {}
    for chunk in _chunks(member_ids):
        earned.update(
            session.execute(
                select(LedgerEntry.member_id, func.sum(LedgerEntry.points))
                .where(LedgerEntry.member_id.in_(chunk), _TIER_SPEND)
                .group_by(LedgerEntry.member_id),
                {"since": _year_before(at)},
            )
            .tuples()
            .all()
        )
    return {m: settings.tier_for(int(earned.get(m) or 0)) for m in member_ids}


def ledger_balance(session: Session, member_id: int) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.points), 0)).where(
            LedgerEntry.member_id == member_id
        )
    )
    return int(total or 0)


def expiring_within(
    session: Session, member_id: int, today: date, days: int
) -> list[tuple[int, date]]:
    """(points, date) of lots that expire in the next `days` days, soonest first."""
    rows = session.execute(
        select(func.sum(PointLot.remaining), PointLot.expires_on)
        .where(
            PointLot.member_id == member_id,
            PointLot.remaining > 0,
            PointLot.expires_on >= today,
            PointLot.expires_on <= today + timedelta(days=days),
        )
        .group_by(PointLot.expires_on)
        .order_by(PointLot.expires_on)
    ).all()
    return [(int(p), d) for p, d in rows]


def record_extension(
    session: Session, member: Member, lot_id: int, *, at: datetime, until: date, actor: str
) -> None:
    """X5: the ledger's record of a lot's new expiry date (the lot itself is changed by
    the caller); no points move."""
    _add_entry(
        session,
        member,
        lot_id,
        "extend",
        0,
        at,
        rule="X5",
        note=f"延期至 {until:%Y-%m-%d}",
        actor=actor,
    )


def open_lots(session: Session, member_id: int) -> list[PointLot]:
    return _open_lots(session, member_id)


@dataclass(frozen=True)
class BalanceCheck:
    members: int
    mismatched: list[int]
    lots_mismatched: list[int]

    @property
    def ok(self) -> bool:
        return not self.mismatched and not self.lots_mismatched


def check_balances(session: Session) -> BalanceCheck:
    """Prove the caches: each member's balance and each lot's remainder equal the ledger."""
    sums = (
        select(LedgerEntry.member_id, func.sum(LedgerEntry.points).label("s"))
        .group_by(LedgerEntry.member_id)
        .subquery()
    )
    bad_members = session.scalars(
        select(Member.id)
        .outerjoin(sums, sums.c.member_id == Member.id)
        .where(Member.points_balance != func.coalesce(sums.c.s, 0))
    ).all()
    lot_sums = (
        select(LedgerEntry.lot_id, func.sum(LedgerEntry.points).label("s"))
        .where(LedgerEntry.lot_id.is_not(None))
        .group_by(LedgerEntry.lot_id)
        .subquery()
    )
    bad_lots = session.scalars(
        select(PointLot.id)
        .outerjoin(lot_sums, lot_sums.c.lot_id == PointLot.id)
        .where((PointLot.remaining != func.coalesce(lot_sums.c.s, 0)) | (PointLot.remaining < 0))
    ).all()
    total = session.scalar(select(func.count(Member.id))) or 0
    return BalanceCheck(total, list(bad_members), list(bad_lots))


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]
