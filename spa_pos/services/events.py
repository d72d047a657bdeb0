"""Activities (活动, E4) as the events screen shows them: recent events with how many
came, and who came. Creating an event and marking attendance are
`adjustments.add_event` and `adjustments.attend` (one rule, one place)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from spa_pos import clock as clk
from spa_pos.errors import NotFound
from spa_pos.models import Event, EventAttendance, Member
from spa_pos.models.admin import EVENT_KINDS
from spa_pos.services import members, unit_of_work
from spa_pos.services.context import Ctx

KINDS = EVENT_KINDS  # for the window, which never imports models


@dataclass(frozen=True)
class EventView:
    event_id: int
    name: str
    kind: str  # one of models.admin.EVENT_KINDS
    on: date
    points: int
    attendees: int


@dataclass(frozen=True)
class Attendee:
    card_no: str
    name: str
    phone_masked: str
    at: datetime  # aware, clinic's zone


def points_range(ctx: Ctx) -> tuple[int, int]:
    """The points an event may award now (`event_points_min`, `event_points_max`)."""
    with unit_of_work.read(ctx) as work:
        return work.settings.event_points_min, work.settings.event_points_max


def recent(ctx: Ctx, limit: int = 100) -> list[EventView]:
    """The newest events first (by date, then as created), with their attendance."""
    with ctx.db.read() as s:
        counts = (
            select(EventAttendance.event_id, func.count().label("n"))
            .group_by(EventAttendance.event_id)
            .subquery()
        )
        rows = s.execute(
            select(Event, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.event_id == Event.id)
            .order_by(Event.on_date.desc(), Event.id.desc())
            .limit(limit)
        ).tuples()
        return [EventView(e.id, e.name, e.kind, e.on_date, e.points, n) for e, n in rows]


def attendees(ctx: Ctx, event_id: int) -> list[Attendee]:
    """Who came to an event, the latest marked first; phones masked (the screen faces
    the room)."""
    with unit_of_work.read(ctx) as work:
        s = work.session
        if s.get(Event, event_id) is None:
            raise NotFound("courses.event_not_found", event_id=event_id)
        zone = ZoneInfo(work.settings.timezone)
        rows = s.execute(
            select(Member, EventAttendance.at)
            .join(EventAttendance, EventAttendance.member_id == Member.id)
            .where(EventAttendance.event_id == event_id)
            .order_by(EventAttendance.at.desc(), EventAttendance.id.desc())
        ).tuples()
        return [
            Attendee(
                m.card_no,
                m.name,
                members.mask_phone(m.phone),
                clk.from_utc_naive(at).astimezone(zone),
            )
            for m, at in rows
        ]
