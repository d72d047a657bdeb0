"""Who may do what: ONE table of role × action, enforced by the services themselves, for
the window and the commands alike (hiding a button is not a permission).

A guarded service calls `require(ctx_or_work, action)` first. It passes when the actor's
role allows the action, or when an approver is present whose role allows it (a manager
who typed their PIN on the spot; `spa_pos.services.staff` checked it when it built the
actor). The refusal names the action and the lowest role that may do it.
"""

from __future__ import annotations

from typing import Protocol

from spa_pos import messages
from spa_pos.errors import DomainError
from spa_pos.services.context import Actor

ROLES = ("cashier", "therapist", "manager", "owner")
"""Staff roles, lowest first: 收银员, 技师, 店长, 老板. `system` (the scheduler) is no staff
role and has only `run_job`."""

_MANAGER = frozenset({"manager", "owner"})
_OWNER = frozenset({"owner"})

ALLOWED: dict[str, frozenset[str]] = {
    "refund": _MANAGER,
    "cancel_voucher": _MANAGER,
    "adjust_over_limit": _MANAGER,
    "reopen_day": _MANAGER,
    "restore": _OWNER,
    "run_job": _MANAGER | {"system"},
    "change_settings": _MANAGER,
    "change_catalog_rules": _MANAGER,
    "member_care": _MANAGER,
    "manage_staff": _OWNER,
    "view_audit": _MANAGER,
    "review_scheme": _MANAGER,
    "override_price": _MANAGER,
    "backdate": _MANAGER,
    # Health needs, notes and consultation notes (问诊记录): the therapist who treats needs
    # them to treat safely; the cashier at the counter, facing the waiting room, does not.
    "see_health_notes": _MANAGER | {"therapist"},
    "export_member_data": _MANAGER,  # a member's own data on request (PIPL art. 45)
    # A file of every member (names, phones, birthdays) or every sale (who bought what)
    # leaves the till on a USB stick: the personal data of the whole clinic in bulk, which
    # the counter's work never needs. Only who answers for that data may take it out.
    "export_data": _MANAGER,
    "erase_member": _MANAGER,  # erasure on request (PIPL art. 47); the approver is recorded
}
"""action → the roles that may do it. The only place a permission is decided."""


class _HasActor(Protocol):
    @property
    def actor(self) -> Actor: ...


def allows(actor: Actor, action: str) -> bool:
    """Whether `actor`, or the approver who confirmed on the spot, may do `action`."""
    roles = ALLOWED[action]
    return actor.role in roles or (actor.approver is not None and actor.approver.role in roles)


def require(ctx: _HasActor, action: str) -> None:
    """Refuse (`staff.not_allowed`) unless the acting person or their approver may."""
    if not allows(ctx.actor, action):
        lowest = next(role for role in ROLES if role in ALLOWED[action])
        raise DomainError("staff.not_allowed", action=action_name(action), role=role_name(lowest))


def role_name(role: str) -> str:
    """A role as a person reads it (收银员, 技师, 店长, 老板), in the language in force."""
    return messages.render(f"staff.role.{role}", {})


def action_name(action: str) -> str:
    return messages.render(f"staff.action.{action}", {})
