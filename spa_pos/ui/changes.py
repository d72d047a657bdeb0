"""What a write job changed, as the DB worker announces it (`DbWorker.changed`).

A write job names its change; once it succeeds the worker emits it, and each screen
refreshes from that one signal by the kinds it shows, instead of screens calling each
other. No Qt here, so anything may name a change.
"""

from __future__ import annotations

from enum import Enum, auto


class Change(Enum):
    SALES = auto()  # a sale was made (points, vouchers and stock move with it)
    REFUNDS = auto()
    MEMBERS = auto()  # a member registered or edited
    COURSES = auto()  # a course session used
    REDEMPTIONS = auto()  # points spent on a reward (its stock changes too)
    JOBS = auto()  # a background job run from the window (expiry, tags, ...)
    SETTINGS = auto()  # the clinic's settings, its first set-up or the manager PIN
    DAY_CLOSE = auto()  # a day closed or reopened
    BACKUP = auto()
    CATALOG = auto()  # items or rewards added, changed, retired or restocked
    PROMOTIONS = auto()  # a promotion added or ended

    @property
    def touches_members(self) -> bool:
        """Can a member's balance, tier, vouchers or courses be different after it?"""
        return self not in (
            Change.SETTINGS,
            Change.DAY_CLOSE,
            Change.BACKUP,
            Change.CATALOG,
            Change.PROMOTIONS,
        )
