"""Who is acting: the cashier, or a manager who confirmed with the manager PIN (店长密码).

Refunds, voucher cancellation and large adjustments need a manager; the window asks for
the PIN and gets a manager `Actor` back.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from spa_pos.errors import DomainError
from spa_pos.services import settings as settings_svc
from spa_pos.services import unit_of_work
from spa_pos.services.context import Actor, Ctx

PIN = re.compile(r"^\d{4,8}$")


def _hash(pin: str, salt: str) -> str:
    return hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1).hex()


def set_manager_pin(ctx: Ctx, pin: str) -> None:
    """The first PIN (the first-run wizard); `change_manager_pin` replaces one."""
    _store_pin(ctx, pin, current=None)


def change_manager_pin(ctx: Ctx, current: str, new: str) -> None:
    """A new PIN, only for whoever knows the one in force (checked in the same unit of
    work that stores the new one; with no PIN yet, `current` is not asked for)."""
    _store_pin(ctx, new, current=current)


def hashed_pin(pin: str) -> str:
    """A new PIN as it is stored ("salt$hash"); refuses one that is not 4 to 8 digits."""
    if not PIN.match(pin):
        raise DomainError("staff.pin_format")
    salt = secrets.token_hex(16)
    return f"{salt}${_hash(pin, salt)}"


def _store_pin(ctx: Ctx, pin: str, *, current: str | None) -> None:
    stored_form = hashed_pin(pin)  # scrypt is slow: before the write lock
    with unit_of_work.write(ctx) as work:
        stored = work.settings.manager_pin_hash
        if current is not None and stored and not _matches(stored, current):
            raise DomainError("staff.pin_wrong_current")
        settings_svc.save(work.session, manager_pin_hash=stored_form)
        work.audit("settings.manager_pin", "settings", "manager_pin", changed=True)


def _matches(stored: str, pin: str) -> bool:
    salt, _, expected = stored.partition("$")
    return hmac.compare_digest(_hash(pin, salt), expected)


def has_manager_pin(ctx: Ctx) -> bool:
    with ctx.db.read() as s:
        return bool(settings_svc.detail(s, "manager_pin_hash"))


def manager(ctx: Ctx, name: str, pin: str) -> Actor:
    """A manager actor if the PIN is right; refuses otherwise."""
    with ctx.db.read() as s:
        stored = str(settings_svc.detail(s, "manager_pin_hash"))
    if not stored:
        raise DomainError("staff.pin_not_set")
    if not _matches(stored, pin):
        raise DomainError("staff.pin_wrong")
    return Actor(f"{name}(店长)", is_manager=True)
