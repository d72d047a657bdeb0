"""Injectable time. Services take a `Clock`; stored timestamps are naive UTC.

Every conversion between a moment and the clinic's calendar names the clinic's zone
(`Settings.timezone`): there is no default zone, so a caller cannot forget it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment as an aware UTC datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that only moves when told to (tests, `--at`, catch-up jobs)."""

    at: datetime

    def now(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at = self.at + timedelta(**kwargs)


def to_utc_naive(moment: datetime) -> datetime:
    """What we store: naive UTC."""
    if moment.tzinfo is None:
        raise ValueError("aware datetime expected")
    return moment.astimezone(UTC).replace(tzinfo=None)


def from_utc_naive(stored: datetime) -> datetime:
    return stored.replace(tzinfo=UTC)


def local_date(moment: datetime, tz: str) -> date:
    """The clinic's business date of an aware moment."""
    return moment.astimezone(ZoneInfo(tz)).date()


def local_day_start_utc(day: date, tz: str) -> datetime:
    """Naive UTC of local midnight starting `day`."""
    return to_utc_naive(datetime.combine(day, time(0), tzinfo=ZoneInfo(tz)))


def parse_local_time(text: str, tz: str) -> datetime:
    """Parse `YYYY-MM-DD` or ISO 8601; a time without offset is in the clinic's zone."""
    try:
        moment = datetime.fromisoformat(text.strip())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=ZoneInfo(tz))
        return moment.astimezone(UTC)
    except (ValueError, OverflowError) as exc:  # OverflowError: year 1 east of UTC
        from spa_pos.errors import DomainError

        raise DomainError("general.bad_time", text=text) from exc


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (Feb 29 -> Feb 28)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")
