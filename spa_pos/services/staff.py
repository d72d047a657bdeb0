"""Staff accounts (员工), their PINs, and the `Actor` a checked PIN gives.

Roles are cashier (收银员), therapist (技师), manager (店长) and owner (老板); what each may
do is `spa_pos.services.permissions`. The first-run set-up makes the owner account; a
clinic set up before accounts existed got its manager PIN as the owner account named 店长
(migration 0012).

A PIN is 6 or more digits, or a passphrase of 8 characters or more. It is stored with
scrypt, a memory-hard KDF, at a cost measured to take at least 0.25 s on the till
(`bench/bench_kdf.py`); the cost travels inside the stored string
(`scrypt$n$r$p$salt$hash`) so it can be raised later: a PIN hashed at a lower cost is
re-hashed at the current one the next time it is typed right. Hashes from before 0012
("salt$hash", n = 2**14) still check.

Five wrong PINs in a row lock the account for five minutes; every wrong PIN leaves an
audit row. The count and the lock are columns of the account, so closing the app does not
lift a lockout.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import messages
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import StaffMember
from spa_pos.services import permissions, unit_of_work
from spa_pos.services.context import Actor, Ctx

MAX_PIN = 128
PIN = re.compile(rf"^(?:\d{{6,{MAX_PIN}}}|[^\x00-\x1f\x7f]{{8,{MAX_PIN}}})$")
"""6 or more digits, or a passphrase of 8 or more printable characters."""


@dataclass(frozen=True)
class Kdf:
    n: int
    r: int
    p: int

    def derive(self, pin: str, salt: bytes) -> bytes:
        return hashlib.scrypt(
            pin.encode(), salt=salt, n=self.n, r=self.r, p=self.p, maxmem=256 * self.n * self.r
        )


KDF = Kdf(n=2**16, r=8, p=1)
"""The cost new PINs are hashed at: 64 MiB and about 0.33 s on the till
(`python -m bench.bench_kdf` measures it; raise `n` when that drops below 0.25 s)."""

_LEGACY = Kdf(n=2**14, r=8, p=1)  # "salt$hash" strings, from before 0012

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
OWNER_NAME = "店长"  # the owner account the first-run set-up and 0012 create
MAX_NAME = 40


def pin_rule() -> str:
    """What a PIN must be, in the language in force."""
    return messages.render("staff.pin_format", {})


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be a PIN (`pin_rule`); None if it can."""
    return None if PIN.match(pin) else pin_rule()


def hashed_pin(pin: str) -> str:
    """A new PIN as it is stored; refuses one that is too short."""
    if not PIN.match(pin):
        raise DomainError("staff.pin_format")
    return _stored_form(pin)


def _stored_form(pin: str) -> str:
    salt = secrets.token_bytes(16)
    return f"scrypt${KDF.n}${KDF.r}${KDF.p}${salt.hex()}${KDF.derive(pin, salt).hex()}"


def _checked(stored: str, pin: str) -> tuple[bool, str | None]:
    """Whether `pin` matches, and if it does but `stored` is at a lower cost than `KDF`,
    its new stored form (a PIN migrated from before 0012 may be shorter than today's rule:
    it stays valid until changed). Slow: call outside any transaction."""
    if not _matches(stored, pin):
        return False, None
    return True, _stored_form(pin) if _outdated(stored) else None


def _parse(stored: str) -> tuple[Kdf, bytes, str]:
    parts = stored.split("$")
    if len(parts) == 2:  # before 0012
        return _LEGACY, bytes.fromhex(parts[0]), parts[1]
    _, n, r, p, salt, expected = parts
    return Kdf(int(n), int(r), int(p)), bytes.fromhex(salt), expected


def _matches(stored: str, pin: str) -> bool:
    kdf, salt, expected = _parse(stored)
    return hmac.compare_digest(kdf.derive(pin, salt).hex(), expected)


def _outdated(stored: str) -> bool:
    kdf = _parse(stored)[0]
    return (kdf.n, kdf.r, kdf.p) < (KDF.n, KDF.r, KDF.p)


# --- accounts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffView:
    name: str
    role: str
    active: bool
    locked: bool


def _view(row: StaffMember, now: datetime) -> StaffView:
    locked = row.locked_until is not None and row.locked_until > clk.to_utc_naive(now)
    return StaffView(row.name, row.role, row.active, locked)


def _by_name(session: Session, name: str) -> StaffMember:
    row = session.scalars(select(StaffMember).where(StaffMember.name == name.strip())).first()
    if row is None:
        raise NotFound("staff.unknown", name=name)
    return row


def _check_account(name: str, role: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise DomainError("staff.bad_name", max_len=MAX_NAME)
    if role not in permissions.ROLES:
        raise DomainError("staff.bad_role", role=role, roles=", ".join(permissions.ROLES))
    return name


def create(session: Session, name: str, role: str, pin_hash: str, at: datetime) -> StaffMember:
    """A new account inside the caller's unit of work (`add`, the first-run set-up)."""
    name = _check_account(name, role)
    if session.scalars(select(StaffMember.id).where(StaffMember.name == name)).first():
        raise DomainError("staff.exists", name=name)
    row = StaffMember(name=name, role=role, pin_hash=pin_hash, created_at=at)
    session.add(row)
    session.flush()
    return row


def add(ctx: Ctx, name: str, role: str, pin: str) -> StaffView:
    """A new staff account (owner only: `manage_staff`)."""
    permissions.require(ctx, "manage_staff")
    _check_account(name, role)
    pin_hash = hashed_pin(pin)  # scrypt is slow: before the write lock
    with unit_of_work.write(ctx) as work:
        row = create(work.session, name, role, pin_hash, work.stamp)
        work.audit("staff.add", "staff", row.name, role=role)
        return _view(row, work.moment)


def listing(ctx: Ctx) -> list[StaffView]:
    with unit_of_work.read(ctx) as work:
        rows = work.session.scalars(select(StaffMember).order_by(StaffMember.id))
        return [_view(row, work.moment) for row in rows]


def disable(ctx: Ctx, name: str) -> StaffView:
    """Close an account (kept for the history that names it); never the last owner's."""
    permissions.require(ctx, "manage_staff")
    with unit_of_work.write(ctx) as work:
        row = _by_name(work.session, name)
        if row.active and row.role == "owner" and _active_owners(work.session) == 1:
            raise DomainError("staff.last_owner")
        if row.active:
            row.active = False
            work.audit("staff.disable", "staff", row.name, role=row.role)
        return _view(row, work.moment)


def _active_owners(session: Session) -> int:
    query = select(StaffMember.id).where(StaffMember.role == "owner", StaffMember.active)
    return len(session.scalars(query).all())


# --- checking a PIN -------------------------------------------------------------------------


def sign_in(ctx: Ctx, name: str, pin: str) -> Actor:
    """The actor of the account `name` if `pin` is its PIN. A wrong PIN counts (audited,
    `staff.pin_failed`); the fifth in a row locks the account for `LOCKOUT`."""
    with ctx.db.read() as s:
        row = _by_name(s, name)
        account, stored = row.name, row.pin_hash
        _refuse_unusable(row, ctx.clock.now())
    good, rehashed = _checked(stored, pin)  # slow: outside any transaction
    with unit_of_work.write(ctx) as work:
        row = _by_name(work.session, account)
        _refuse_unusable(row, work.moment)
        if good:
            _reset(work, row, rehashed)
            return Actor(row.name, row.role)
        left = _count_failure(work, row)
    if not left:
        raise DomainError("staff.locked", name=account, minutes=LOCKOUT.seconds // 60)
    raise DomainError("staff.pin_wrong_for", name=account, left=left)


def approved(ctx: Ctx, name: str, pin: str) -> Actor:
    """`ctx.actor` with the account `name` as its approver, once that PIN checks."""
    return Actor(ctx.actor.name, ctx.actor.role, sign_in(ctx, name, pin))


def manager(ctx: Ctx, name: str, pin: str) -> Actor:
    """The window's on-the-spot approval: `name` (the person signed in at the till) acting
    with whichever active manager or owner account `pin` belongs to as approver. The PIN
    names no account, so a wrong one counts against every account it was tried on: five
    wrong PINs at the till lock them all for `LOCKOUT`, as guessing requires."""
    now = ctx.clock.now()
    with ctx.db.read() as s:
        query = select(StaffMember).where(
            StaffMember.active, StaffMember.role.in_(("manager", "owner"))
        )
        rows = s.scalars(query.order_by(StaffMember.id)).all()
        if not rows:
            raise DomainError("staff.pin_not_set")
        usable = [(r.name, r.pin_hash) for r in rows if not _locked(r, now)]
        if not usable:
            _refuse_unusable(rows[0], now)
    matched, rehashed = None, None
    for account, stored in usable:  # slow: outside any transaction
        good, rehashed = _checked(stored, pin)
        if good:
            matched = account
            break
    with unit_of_work.write(ctx) as work:
        if matched is not None:
            row = _by_name(work.session, matched)
            _refuse_unusable(row, work.moment)
            _reset(work, row, rehashed)
            return Actor(name, "cashier", Actor(row.name, row.role))
        for account, _ in usable:
            _count_failure(work, _by_name(work.session, account))
    raise DomainError("staff.pin_wrong")


def _locked(row: StaffMember, now: datetime) -> bool:
    return row.locked_until is not None and row.locked_until > clk.to_utc_naive(now)


def _refuse_unusable(row: StaffMember, now: datetime) -> None:
    if not row.active:
        raise DomainError("staff.disabled", name=row.name)
    if row.locked_until is not None and _locked(row, now):
        left = row.locked_until - clk.to_utc_naive(now)
        minutes = -(-int(left.total_seconds()) // 60)  # rounded up: never "0 minutes"
        raise DomainError("staff.locked", name=row.name, minutes=minutes)


def _count_failure(work: unit_of_work.Work, row: StaffMember) -> int:
    """Count a wrong PIN; returns the tries left before the lock (0: locked now)."""
    row.failed_count += 1
    locked = row.failed_count >= MAX_FAILURES
    if locked:
        row.failed_count = 0
        row.locked_until = work.stamp + LOCKOUT
    work.audit("staff.pin_failed", "staff", row.name, locked=locked)
    return 0 if locked else MAX_FAILURES - row.failed_count


def _reset(work: unit_of_work.Work, row: StaffMember, rehashed: str | None) -> None:
    """A right PIN: the count starts again, and an old-cost hash is replaced by
    `rehashed`, the same PIN at `KDF`'s cost."""
    if row.failed_count == 0 and row.locked_until is None and rehashed is None:
        return
    row.failed_count, row.locked_until = 0, None
    if rehashed is not None:
        row.pin_hash = rehashed
    work.audit("staff.pin_ok", "staff", row.name, rehashed=rehashed is not None)


# --- the owner's PIN (first-run wizard, 设置) ---------------------------------------------------


def set_manager_pin(ctx: Ctx, pin: str) -> None:
    """The first owner account, named 店长, with this PIN (the first-run wizard without
    the clinic's details). Refused once an owner account exists."""
    pin_hash = hashed_pin(pin)  # scrypt is slow: before the write lock
    with unit_of_work.write(ctx) as work:
        create_owner(work, pin_hash)
        work.audit("settings.manager_pin", "staff", OWNER_NAME, changed=True)


def create_owner(work: unit_of_work.Work, pin_hash: str) -> None:
    """The clinic's first owner account, inside the caller's unit of work (which audits
    it: `clinic.set_up`, `set_manager_pin`)."""
    if _active_owners(work.session):
        raise DomainError("general.already_set_up")
    create(work.session, OWNER_NAME, "owner", pin_hash, work.stamp)


def change_manager_pin(ctx: Ctx, current: str, new: str) -> None:
    """A new PIN for the manager or owner account whose PIN is `current` (设置). Knowing
    the PIN in force is the proof, so no role is asked for; a wrong one counts towards the
    lockout as at the till (`manager`)."""
    stored_form = hashed_pin(new)  # scrypt is slow: before the write lock
    try:
        proof = manager(ctx, ctx.actor.name, current).approver
    except DomainError as exc:
        if exc.code == "staff.pin_wrong":
            raise DomainError("staff.pin_wrong_current") from exc
        raise
    assert proof is not None  # `manager` always names whose PIN it was
    with unit_of_work.write(ctx) as work:
        row = _by_name(work.session, proof.name)
        row.pin_hash = stored_form
        work.audit("settings.manager_pin", "staff", row.name, changed=True)


def has_manager_pin(ctx: Ctx) -> bool:
    """Whether the clinic is set up: an active owner account exists."""
    with ctx.db.read() as s:
        return _active_owners(s) > 0
