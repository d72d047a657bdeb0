"""The monthly review of the points scheme (积分制度评估), built from `kpi`'s figures.

The owner reads the month's numbers (cost of rewards against revenue, the liability over
the last months, the redemption rate, members moving between tiers, points that expired
unused) and writes conclusions. Each review written is kept with the figures as they were
then (a JSON snapshot), so the report can be printed again as it was concluded on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import SchemeReview
from spa_pos.services import kpi, permissions, unit_of_work
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Settings

LIABILITY_MONTHS = 6  # the liability trend: the outstanding points at these month ends
MAX_CONCLUSIONS = 2000


@dataclass(frozen=True)
class LiabilityPoint:
    month: str  # YYYY-MM, at its last day's end
    points: int
    liability_fen: int | None


@dataclass(frozen=True)
class Review:
    id: int
    month: str
    author: str
    created_at: datetime  # aware, in the clinic's zone
    conclusions: str
    figures: dict[str, Any]  # kpi.Figures.to_json() of the month
    previous: dict[str, Any]  # the same for the month before
    tier_moves: dict[str, int]
    liability_trend: tuple[LiabilityPoint, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "author": self.author,
            "created_at": self.created_at.isoformat(),
            "conclusions": self.conclusions,
            "figures": self.figures,
            "previous": self.previous,
            "tier_moves": self.tier_moves,
            "liability_trend": [
                {"month": p.month, "points": p.points, "liability_fen": p.liability_fen}
                for p in self.liability_trend
            ],
        }


@dataclass(frozen=True)
class Preview:
    """A month's figures as a review would keep them, before anything is written: what
    the owner reads while writing the conclusions (the window's scheme review)."""

    month: str
    figures: dict[str, Any]
    previous: dict[str, Any]
    tier_moves: dict[str, int]
    liability_trend: tuple[LiabilityPoint, ...]


def preview(ctx: Ctx, month: str) -> Preview:
    """`month`'s figures, computed as `write` computes them, nothing kept."""
    first, last = kpi.parse_month(month)
    with unit_of_work.read(ctx) as work:
        snap = _snapshot(work.session, work.settings, first, last)
    return Preview(f"{first:%Y-%m}", **_unpack(snap))


def write(
    ctx: Ctx, month: str, conclusions: str | None, then: Callable[[Review], None] | None = None
) -> Review:
    """Compute `month`'s figures and keep them with the owner's conclusions. `then` (the
    PDF) runs before the review is committed: a report that could not be made is not
    kept as made. A manager's or the owner's (`review_scheme`)."""
    permissions.require(ctx, "review_scheme")
    text = (conclusions or "").strip()
    if len(text) > MAX_CONCLUSIONS:
        raise DomainError("kpi.conclusions_too_long", max=MAX_CONCLUSIONS)
    first, last = kpi.parse_month(month)
    with unit_of_work.write(ctx) as work:
        snapshot = _snapshot(work.session, work.settings, first, last)
        row = SchemeReview(
            month=f"{first:%Y-%m}",
            conclusions=text,
            author=work.actor,
            created_at=work.stamp,
            figures=json.dumps(snapshot, ensure_ascii=False),
        )
        work.session.add(row)
        work.session.flush()
        work.audit("scheme_review.write", "scheme_review", row.id, month=row.month)
        review = _view(row, work.settings.timezone)
        if then is not None:
            then(review)
        return review


def _snapshot(s: Session, cfg: Settings, first: date, last: date) -> dict[str, Any]:
    """The month's figures, the month before's, the tier moves and the liability trend,
    as JSON (what a review keeps)."""
    tz = cfg.timezone
    value = kpi.point_value(s)
    current = kpi.figures(s, first, last, cfg, value)
    # The calendar month before (上月), not as many days back as this month is long.
    previous = kpi.figures(s, clk.add_months(first, -1), first - timedelta(days=1), cfg, value)
    lo = clk.local_day_start_utc(first, tz)
    hi = clk.local_day_start_utc(last + timedelta(days=1), tz)
    moves = kpi.tier_moves(s, lo, hi, cfg)
    ends = _month_ends(first)
    balances = kpi.outstanding_at(
        s, [clk.local_day_start_utc(d + timedelta(days=1), tz) for d in ends]
    )
    return {
        "figures": current.to_json(),
        "previous": previous.to_json(),
        "tier_moves": moves,
        "liability_trend": [
            {"month": f"{d:%Y-%m}", "points": p, "liability_fen": kpi.liability(p, value)}
            for d, p in zip(ends, balances, strict=True)
        ],
    }


def _unpack(snap: dict[str, Any]) -> dict[str, Any]:
    return {
        "figures": snap["figures"],
        "previous": snap["previous"],
        "tier_moves": snap["tier_moves"],
        "liability_trend": tuple(LiabilityPoint(**p) for p in snap["liability_trend"]),
    }


def reviews(ctx: Ctx, month: str) -> list[Review]:
    """Every review kept for `month`, the latest first."""
    first, _ = kpi.parse_month(month)
    with unit_of_work.read(ctx) as work:
        rows = work.session.scalars(
            select(SchemeReview)
            .where(SchemeReview.month == f"{first:%Y-%m}")
            .order_by(SchemeReview.id.desc())
        )
        return [_view(r, work.settings.timezone) for r in rows]


def _month_ends(first: date) -> list[date]:
    """The last days of the LIABILITY_MONTHS months ending with `first`'s month."""
    return [
        clk.add_months(first, 1 - k) - timedelta(days=1)
        for k in range(LIABILITY_MONTHS - 1, -1, -1)
    ]


def _view(row: SchemeReview, tz: str) -> Review:
    return Review(
        id=row.id,
        month=row.month,
        author=row.author,
        created_at=clk.from_utc_naive(row.created_at).astimezone(ZoneInfo(tz)),
        conclusions=row.conclusions,
        **_unpack(json.loads(row.figures)),
    )
