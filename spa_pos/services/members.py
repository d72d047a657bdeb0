"""Members (会员): registering, editing and looking them up."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import bindparam, func, insert, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from spa_pos import clock as clk
from spa_pos import limits, messages
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import Member
from spa_pos.pinyin import pinyin_keys
from spa_pos.services import audit, permissions, unit_of_work
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx

PHONE = re.compile(r"^1[3-9][0-9]{9}$")  # ASCII digits: `clean_phone` maps the others
CARD = re.compile(r"^8[0-9]{7}$")
MAX_NAME = 40
# Bidirectional embeddings, overrides and isolates: they reorder what follows on screen.
_BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_BREAKS = ("Cc", "Zl", "Zp")  # control characters, line and paragraph separators
_PHONE_SEPARATORS = str.maketrans("", "", " -\u2010\u2011\u2012\u2013\u2014\u2212")


def clean_text(text: str) -> str:
    """What is stored and compared of typed or imported text: NFKC (full-width letters
    and digits become plain ones), without surrounding spaces."""
    return unicodedata.normalize("NFKC", text).strip()


def name_problem(typed: str) -> str | None:
    """The message code of what is wrong with a typed name, or None. Control characters
    and line breaks (anywhere, even at the ends) and direction overrides are refused, not
    removed, so that what is stored is what the cashier saw; a name of only invisible
    characters is blank."""
    name = unicodedata.normalize("NFKC", typed)
    if any(unicodedata.category(ch) in _BREAKS or ch in _BIDI_CONTROLS for ch in name):
        return "members.name_control"
    name = name.strip()
    if all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in name):
        return "members.name_required"
    if len(name) > MAX_NAME:
        return "members.name_too_long"
    return None


def clean_phone(text: str) -> str:
    """A phone as stored and looked up: any script's decimal digits as ASCII, spaces and
    dashes gone, a leading +86 or 0086 dropped. "+86 138-0000-0002" and the same number
    in full-width or Arabic-Indic digits all become "13800000002". Anything else is left
    for `PHONE` to refuse."""
    text = clean_text(text).translate(_PHONE_SEPARATORS)
    text = "".join(
        str(d) if (d := unicodedata.decimal(ch, None)) is not None else ch for ch in text
    )
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


@dataclass
class MemberForm:
    """What the register / edit dialog and `member add` hand in."""

    name: str
    phone: str
    birthday: date | None = None
    gender: str | None = None
    referrer: str | None = None  # phone or card number
    # None: left as they are. The edit dialog of someone who may not see them
    # (`permissions` `see_health_notes`) sends None: it never had them to send back.
    health_needs: str | None = ""
    notes: str | None = ""
    # Opt-in, as China's Personal Information Protection Law expects: only a member who
    # said yes gets offers and reminders.
    marketing_consent: bool = False


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


def check_fields(form: MemberForm, today: date) -> dict[str, str]:
    """The problems a form has on its own, without the database (`validate` adds those)."""
    errors: dict[str, str] = {}
    problem = name_problem(form.name)
    if problem:
        errors["name"] = _say(problem, max=MAX_NAME)
    phone = clean_phone(form.phone)
    if not PHONE.match(phone):
        errors["phone"] = _say("members.bad_phone")
    if form.birthday is not None and not (date(today.year - 120, 1, 1) <= form.birthday <= today):
        errors["birthday"] = _say("members.bad_birthday")
    if form.gender not in (None, "F", "M"):
        errors["gender"] = _say("members.bad_gender")
    return errors


def phone_taken(phone: str) -> str:
    return _say("members.phone_taken", phone=phone)


def _phone_owner(session: Session, phone: str, member_id: int | None) -> Member | None:
    """The other member who already has `phone` (cleaned), if any."""
    owner = session.scalars(select(Member).where(Member.phone == phone)).first()
    return owner if owner is not None and owner.id != member_id else None


def validate(
    session: Session, form: MemberForm, today: date, *, member_id: int | None = None
) -> dict[str, str]:
    """Every problem with a form, by field name; an empty dict means it can be saved."""
    errors = check_fields(form, today)
    phone = clean_phone(form.phone)
    if "phone" not in errors and _phone_owner(session, phone, member_id) is not None:
        errors["phone"] = phone_taken(phone)
    if form.referrer:
        try:
            ref = find_one(session, form.referrer)
            if member_id is not None and ref.id == member_id:
                errors["referrer"] = _say("members.self_referrer")
            elif member_id is not None and member_id in _referral_chain(session, ref.id):
                errors["referrer"] = _say("members.referral_loop", ref=ref.name)
        except NotFound:
            errors["referrer"] = _say("members.referrer_not_found", ref=form.referrer)
    return errors


def _referral_chain(session: Session, member_id: int) -> set[int]:
    """The member and everyone above them: their referrer, the referrer's referrer, ...
    A member referred by someone in their own chain would pay both sides on every sale."""
    chain: set[int] = set()
    current: int | None = member_id
    while current is not None and current not in chain:  # stops on an old loop too
        chain.add(current)
        current = session.scalar(select(Member.referrer_id).where(Member.id == current))
    return chain


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
            # By reference (the card number is the entity): no name or phone by value,
            # so erasure (`privacy.erase`) never has to rewrite the chained trail.
            detail={"referrer": referrer.card_no if referrer else None},
        )
        return member


def edit(ctx: Ctx, card_no: str, form: MemberForm) -> Member:
    with unit_of_work.write(ctx) as work:
        s = work.session
        member = find_one(s, card_no)
        if member.erased_at is not None:
            raise DomainError("privacy.erased", card=member.card_no)
        if form.health_needs is not None or form.notes is not None:
            permissions.require(ctx, "see_health_notes")
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
        after = _snapshot(member)
        # Which fields changed, not their values (personal data stays out of the trail).
        changed = sorted(k for k in after if after[k] != before[k])
        work.audit("member.edit", "member", member.card_no, fields=changed)
        return member


def _apply(member: Member, form: MemberForm) -> None:
    for column, value in _columns(form).items():
        setattr(member, column, value)


def _columns(form: MemberForm) -> dict[str, object]:
    """The member's columns a form fills."""
    name, phone = clean_text(form.name), clean_phone(form.phone)
    pinyin, initials = pinyin_keys(name)
    return {
        "name": name,
        "phone": phone,
        "phone_last4": phone[-4:],
        "pinyin": pinyin,
        "initials": initials,
        "birthday": form.birthday,
        "gender": form.gender,
        "marketing_consent": form.marketing_consent,
        **{
            column: value.strip()
            for column, value in (("health_needs", form.health_needs), ("notes", form.notes))
            if value is not None
        },
    }


@dataclass(frozen=True)
class NewMember:
    """A validated member to add in bulk (an import): an old card number is kept."""

    form: MemberForm
    joined_at: datetime  # naive UTC
    card_no: str | None = None


def add_many(session: Session, new: Sequence[NewMember]) -> list[int]:
    """Insert validated members in a few set-based statements (an import of thousands),
    inside the caller's transaction; their ids, in order. Members without a card get the
    till's own (`card_number`), which needs the id: they are inserted with a placeholder
    that no card can have, then numbered."""
    if not new:
        return []
    ids = list(
        session.scalars(
            insert(Member).returning(Member.id, sort_by_parameter_order=True),
            [
                {
                    **_columns(n.form),
                    "card_no": n.card_no or f"~{i}",
                    "joined_at": n.joined_at,
                    "points_balance": 0,
                }
                for i, n in enumerate(new)
            ],
        )
    )
    numbered = [
        {"id": m, "card_no": card_number(m)} for m, n in zip(ids, new, strict=True) if not n.card_no
    ]
    if numbered:
        session.execute(update(Member), numbered)
    return ids


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


MIN_NAME_TO_REPLACE = 2
"""A name shorter than this (one character) is never searched for in free text: replacing
every 李 in a note would damage unrelated words."""


def personal_values(member: Member) -> list[str]:
    """What identifies the member in free text staff typed: the phone, and the name."""
    values = [member.phone]
    if len(member.name) >= MIN_NAME_TO_REPLACE:
        values.append(member.name)
    return values


def by_reference(text: str, member: Member) -> str:
    """`text` (a reason staff typed) with the member's name and phone replaced by their
    card number: what the audit keeps, so that erasure has nothing to find in it."""
    for value in personal_values(member):
        text = text.replace(value, member.card_no)
    return text


# Built once: every checkout and redemption looks its member up with it.
_BY_PHONE_OR_CARD = select(Member).where(
    or_(Member.phone == bindparam("ref"), Member.card_no == bindparam("ref"))
)


def find_one(session: Session, ref: str) -> Member:
    """A member named by phone or card number (what the CLI and scanners give)."""
    ref = clean_phone(ref)
    member = session.scalars(_BY_PHONE_OR_CARD, {"ref": ref}).first()
    if member is None:
        raise NotFound("members.not_found", ref=ref)
    return member


def check_joined(member: Member, at: datetime) -> None:
    """Refuse an entry for `member` dated `at` (naive UTC) before they joined (within the
    clock tolerance): a sale, redemption, adjustment, course use or event award of a
    member who did not exist yet would sit in history no report of theirs can explain."""
    if limits.before(at, member.joined_at):
        raise DomainError(
            "members.before_joined", member=member.name, joined=limits.stamp_text(member.joined_at)
        )


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
    query = clean_text(text)
    if (digits := clean_phone(query)).isascii() and digits.isdigit():
        query = digits  # a phone typed with spaces, dashes, +86 or other digits
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
    """13800000002 -> 138****0002: the phone as receipts and the window show it (others
    see the screen and the paper); only the edit dialog gets the whole number (`phone_of`)."""
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else phone


# --- for the window (plain data: ORM rows never leave a session) ------------------------


@dataclass(frozen=True)
class MemberHit:
    """One line of the lookup list."""

    card_no: str
    name: str
    phone_masked: str  # 138****0002 (`mask_phone`)
    balance: int


def _hit(member: Member) -> MemberHit:
    return MemberHit(member.card_no, member.name, mask_phone(member.phone), member.points_balance)


def hits(ctx: Ctx, text: str) -> list[MemberHit]:
    """`search` as the lookup list shows it, phones masked."""
    with ctx.db.read() as s:
        return [_hit(m) for m in search(s, text)]


def phone_of(ctx: Ctx, card_no: str) -> str:
    """The member's whole phone number, asked for explicitly by the edit dialog: everything
    else the window shows has it masked."""
    with ctx.db.read() as s:
        return find_one(s, card_no).phone


def duplicate_of(ctx: Ctx, phone: str, card_no: str | None = None) -> MemberHit | None:
    """The member (other than `card_no`) who already has `phone`, for the register and
    edit dialogs to offer opening them instead of typing them in twice."""
    with ctx.db.read() as s:
        member_id = find_one(s, card_no).id if card_no else None
        owner = _phone_owner(s, clean_phone(phone), member_id)
        return _hit(owner) if owner is not None else None


def check_form(ctx: Ctx, form: MemberForm, card_no: str | None = None) -> dict[str, str]:
    """`validate` for the register (no `card_no`) or edit dialog, while the cashier types."""
    with ctx.db.read() as s:
        member_id = find_one(s, card_no).id if card_no else None
        today = settings_svc.business_date(s, ctx.clock.now())
        return validate(s, form, today, member_id=member_id)
