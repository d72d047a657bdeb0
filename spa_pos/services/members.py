"""Members (会员): registering, editing and looking them up."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from spa_pos import clock as clk
from spa_pos import limits, messages
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import Member
from spa_pos.pinyin import pinyin_keys
from spa_pos.services import audit, unit_of_work
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx

PHONE = re.compile(r"^1[3-9]\d{9}$")
CARD = re.compile(r"^8\d{7}$")
MAX_NAME = 40


@dataclass
class MemberForm:
    """What the register / edit dialog and `member add` hand in."""

    name: str
    phone: str
    birthday: date | None = None
    gender: str | None = None
    referrer: str | None = None  # phone or card number
    health_needs: str = ""
    notes: str = ""
    marketing_consent: bool = True


@dataclass
class FieldErrors(DomainError):
    """Validation failures by field, so a dialog can show each next to its field."""

    errors: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return "；".join(self.errors.values())


def _say(code: str, **params: object) -> str:
    """A field's problem, in the language in force (the dialog shows it by the field)."""
    return messages.render(code, params)


def card_number(member_id: int) -> str:
    return f"8{member_id:07d}"


def validate(
    session: Session, form: MemberForm, today: date, *, member_id: int | None = None
) -> dict[str, str]:
    """Every problem with a form, by field name; an empty dict means it can be saved."""
    errors: dict[str, str] = {}
    name = form.name.strip()
    if not name:
        errors["name"] = _say("members.name_required")
    elif len(name) > MAX_NAME:
        errors["name"] = _say("members.name_too_long", max=MAX_NAME)
    phone = form.phone.strip()
    if not PHONE.match(phone):
        errors["phone"] = _say("members.bad_phone")
    else:
        owner = session.scalars(select(Member.id).where(Member.phone == phone)).first()
        if owner is not None and owner != member_id:
            errors["phone"] = _say("members.phone_taken", phone=phone)
    if form.birthday is not None and not (date(today.year - 120, 1, 1) <= form.birthday <= today):
        errors["birthday"] = _say("members.bad_birthday")
    if form.gender not in (None, "F", "M"):
        errors["gender"] = _say("members.bad_gender")
    if form.referrer:
        try:
            ref = find_one(session, form.referrer)
            if member_id is not None and ref.id == member_id:
                errors["referrer"] = _say("members.self_referrer")
        except NotFound:
            errors["referrer"] = _say("members.referrer_not_found", ref=form.referrer)
    return errors


def register(ctx: Ctx, form: MemberForm, *, at: datetime | None = None) -> Member:
    """Register a member; `at` is when they joined (for entering paper records)."""
    if at is not None:
        limits.check_moment(at, ctx.clock.now())
    moment = at or ctx.clock.now()
    with ctx.db.write() as s:
        errors = validate(s, form, settings_svc.business_date(s, moment))
        if errors:
            raise FieldErrors(errors=errors)
        referrer = find_one(s, form.referrer) if form.referrer else None
        member = Member(
            card_no="",
            joined_at=clk.to_utc_naive(moment),
            points_balance=0,
            referrer_id=referrer.id if referrer else None,
        )
        _apply(member, form)
        s.add(member)
        s.flush()
        member.card_no = card_number(member.id)
        audit.record(
            s,
            at=clk.to_utc_naive(ctx.clock.now()),
            actor=ctx.actor.name,
            action="member.register",
            entity="member",
            entity_id=member.card_no,
            detail={
                "name": member.name,
                "phone": member.phone,
                "referrer": referrer.card_no if referrer else None,
            },
        )
        return member


def edit(ctx: Ctx, card_no: str, form: MemberForm) -> Member:
    with unit_of_work.write(ctx) as work:
        s = work.session
        member = find_one(s, card_no)
        errors = validate(s, form, work.today, member_id=member.id)
        if member.referrer_id and form.referrer:
            referrer = find_one(s, form.referrer)
            if referrer.id != member.referrer_id:
                errors["referrer"] = _say("members.referrer_fixed")
        if errors:
            raise FieldErrors(errors=errors)
        before = _snapshot(member)
        if form.referrer and member.referrer_id is None:
            member.referrer_id = find_one(s, form.referrer).id
        _apply(member, form)
        work.audit("member.edit", "member", member.card_no, before=before, after=_snapshot(member))
        return member


def _apply(member: Member, form: MemberForm) -> None:
    member.name = form.name.strip()
    member.phone = form.phone.strip()
    member.phone_last4 = member.phone[-4:]
    member.pinyin, member.initials = pinyin_keys(member.name)
    member.birthday = form.birthday
    member.gender = form.gender
    member.health_needs = form.health_needs.strip()
    member.notes = form.notes.strip()
    member.marketing_consent = form.marketing_consent


def _snapshot(member: Member) -> dict[str, object]:
    return {
        "name": member.name,
        "phone": member.phone,
        "birthday": member.birthday,
        "gender": member.gender,
        "health_needs": member.health_needs,
        "notes": member.notes,
        "marketing_consent": member.marketing_consent,
    }


# Built once: every checkout and redemption looks its member up with it.
_BY_PHONE_OR_CARD = select(Member).where(
    or_(Member.phone == bindparam("ref"), Member.card_no == bindparam("ref"))
)


def find_one(session: Session, ref: str) -> Member:
    """A member named by phone or card number (what the CLI and scanners give)."""
    ref = ref.strip()
    member = session.scalars(_BY_PHONE_OR_CARD, {"ref": ref}).first()
    if member is None:
        raise NotFound("members.not_found", ref=ref)
    return member


# --- lookup ----------------------------------------------------------------------------

# Lower rank is shown first.
RANK_CARD, RANK_PHONE, RANK_LAST4, RANK_NAME, RANK_NAME_PREFIX = 0, 1, 2, 3, 4
RANK_PINYIN, RANK_INITIALS, RANK_PINYIN_PREFIX, RANK_PHONE_PREFIX = 5, 6, 7, 8


def _prefix(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    """`column LIKE text%` written as a range, so SQLite can use the column's index."""
    return (column >= text) & (column < text + "\U0010ffff")


def search(session: Session, text: str, limit: int = 20) -> list[Member]:
    """Members matching a phone, its last 4 digits, a card number, a name, pinyin or
    initials; the most exact kind of match first, then the most recent visitor."""
    query = text.strip()
    if not query:
        return []
    lowered = query.lower().replace(" ", "")
    ranked: dict[int, tuple[int, Member]] = {}

    def collect(
        rank: int, condition: ColumnElement[bool], order: InstrumentedAttribute[str] | None = None
    ) -> None:
        """Exact matches: most recent visitor first, before the limit ("ly" can match a
        thousand members). Prefix matches (`order` given) follow that column's index: a
        surname alone can match thousands, and the cashier is still typing."""
        stmt = (
            select(Member)
            .where(condition)
            .limit(limit)
            .order_by(
                *(
                    (order, Member.id)
                    if order is not None
                    else (Member.last_visit_at.desc().nulls_last(), Member.id)
                )
            )
        )
        for m in session.scalars(stmt):
            if m.id not in ranked or ranked[m.id][0] > rank:
                ranked[m.id] = (rank, m)

    if query.isdigit():
        if CARD.match(query):
            collect(RANK_CARD, Member.card_no == query)
        if len(query) == 11:
            collect(RANK_PHONE, Member.phone == query)
        if len(query) == 4:
            collect(RANK_LAST4, Member.phone_last4 == query)
        if 4 < len(query) < 11:
            collect(RANK_PHONE_PREFIX, _prefix(Member.phone, query), Member.phone)
    elif lowered.isascii():
        collect(RANK_PINYIN, Member.pinyin == lowered)
        collect(RANK_INITIALS, Member.initials == lowered)
        if len(ranked) < limit:
            collect(RANK_PINYIN_PREFIX, _prefix(Member.pinyin, lowered), Member.pinyin)
        if len(ranked) < limit:
            collect(RANK_PINYIN_PREFIX, _prefix(Member.initials, lowered), Member.initials)
    else:
        collect(RANK_NAME, Member.name == query)
        if len(ranked) < limit:
            collect(RANK_NAME_PREFIX, _prefix(Member.name, query), Member.name)
    epoch = datetime(1970, 1, 1)
    ordered = sorted(
        ranked.values(),
        key=lambda rm: (rm[0], -(rm[1].last_visit_at or epoch).timestamp(), rm[1].name),
    )
    return [m for _, m in ordered[:limit]]


def count(session: Session) -> int:
    return session.scalar(select(func.count(Member.id))) or 0


def mask_phone(phone: str) -> str:
    """13800000002 -> 138****0002 (receipts and lists seen by others)."""
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else phone


# --- for the window (plain data: ORM rows never leave a session) ------------------------


@dataclass(frozen=True)
class MemberHit:
    """One line of the lookup list."""

    card_no: str
    name: str
    phone: str
    balance: int


def hits(ctx: Ctx, text: str) -> list[MemberHit]:
    """`search` as the lookup list shows it."""
    with ctx.db.read() as s:
        return [MemberHit(m.card_no, m.name, m.phone, m.points_balance) for m in search(s, text)]


def check_form(ctx: Ctx, form: MemberForm, card_no: str | None = None) -> dict[str, str]:
    """`validate` for the register (no `card_no`) or edit dialog, while the cashier types."""
    with ctx.db.read() as s:
        member_id = find_one(s, card_no).id if card_no else None
        today = clk.local_date(ctx.clock.now(), settings_svc.load(s).timezone)
        return validate(s, form, today, member_id=member_id)
