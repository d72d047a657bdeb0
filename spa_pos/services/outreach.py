"""Member care (会员关怀): the outbox as staff work through it.

The nightly `reminders` job queues the messages (`spa_pos.services.reminders`); here are
their wording (templates the owner edits, in Chinese or English as the setting
`message_language` says, with fields such as {姓名} {积分} {到期日}, or {name} {points}
{expires}),
the list staff see, the contact results with a note (回访记录), the win-back success rate
and the X5 rescue a manager takes from an expiry reminder.

Members without marketing consent never appear, even if a message was queued before they
withdrew it.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import messages as messages_catalogue
from spa_pos.clock import add_months
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import (
    CourseBalance,
    CourseUse,
    LedgerEntry,
    Member,
    OutboxContact,
    OutboxMessage,
    OutboxTemplate,
    PointLot,
    Sale,
)
from spa_pos.models.jobs import CONTACT_RESULTS, OUTBOX_KINDS, OUTBOX_STATUSES
from spa_pos.services import exports, permissions, points, unit_of_work
from spa_pos.services.context import Ctx
from spa_pos.services.settings import validate as validate_settings

# --- templates -----------------------------------------------------------------------------

KINDS = OUTBOX_KINDS  # re-exported for the screen, which reads no model
WIN_BACK_KINDS = ("dormant", "churn_risk")
CLINIC = "诊所"
# The fields each kind of message may use; the job fills them in when it queues one.
FIELDS: dict[str, tuple[str, ...]] = {
    "expiry_reminder": ("姓名", "积分", "到期日", CLINIC),
    "dormant": ("姓名", "积分", CLINIC),
    "churn_risk": ("姓名", "积分", CLINIC),
    "birthday": ("姓名", "积分", "生日", "倍数", CLINIC),
    "points_goal": ("姓名", "积分", "差分", "奖励", CLINIC),
    "course_idle": ("姓名", "项目", "剩余次数", "天数", CLINIC),
}
# Every field's English name: a template in either language may use either name.
ENGLISH_NAMES: dict[str, str] = {
    "姓名": "name",
    "积分": "points",
    "到期日": "expires",
    "生日": "birthday",
    "倍数": "multiplier",
    "差分": "points_short",
    "奖励": "reward",
    "项目": "course",
    "剩余次数": "sessions_left",
    "天数": "days",
    CLINIC: "clinic",
}
DEFAULT_TEMPLATES: dict[str, str] = {
    "expiry_reminder": "{姓名}您好：您有 {积分} 积分将于 {到期日} 到期，"
    "请在到期前到店使用或兑换礼品。{诊所}",
    "dormant": "{姓名}您好：好久不见，您还有 {积分} 积分可用，欢迎回来体验我们的理疗服务。{诊所}",
    "churn_risk": "{姓名}您好：最近没见您来，身体还好吗？您还有 {积分} 积分可用，"
    "欢迎随时预约。{诊所}",
    "birthday": "{姓名}您好：{生日}是您的生日，{诊所}祝您生日快乐！生日当月到店消费积分 ×{倍数}。",
    "points_goal": "{姓名}您好：您现有 {积分} 积分，再积 {差分} 分即可兑换{奖励}。{诊所}",
    "course_idle": "{姓名}您好：您的{项目}疗程还剩 {剩余次数} 次，已有 {天数} 天没来了，"
    "欢迎预约继续调理。{诊所}",
}
ENGLISH_TEMPLATES: dict[str, str] = {
    "expiry_reminder": "Dear {name}, {points} of your points expire on {expires}: come and use "
    "them or exchange them for a gift before then. {clinic}",
    "dormant": "Dear {name}, it has been a while! You still have {points} points to use; we "
    "look forward to welcoming you back. {clinic}",
    "churn_risk": "Dear {name}, we have not seen you lately and hope you are well. You still "
    "have {points} points to use; book any time. {clinic}",
    "birthday": "Dear {name}, your birthday is on {birthday}: {clinic} wishes you a happy "
    "birthday! Points earned in your birthday month count ×{multiplier}.",
    "points_goal": "Dear {name}, you have {points} points: {points_short} more and you can "
    "exchange them for {reward}. {clinic}",
    "course_idle": "Dear {name}, your {course} course has {sessions_left} sessions left and "
    "we have not seen you for {days} days. Book your next session any time. {clinic}",
}
DEFAULTS: dict[str, dict[str, str]] = {"zh_CN": DEFAULT_TEMPLATES, "en": ENGLISH_TEMPLATES}
TEMPLATE_MAX_LEN = 500


def field_names(kind: str, language: str) -> tuple[str, ...]:
    """The fields of a kind as a template in `language` names them (the editor's buttons)."""
    fields = _fields_of(kind)
    return tuple(ENGLISH_NAMES[f] for f in fields) if language == "en" else fields


def check_template(kind: str, text: str, language: str = "zh_CN") -> None:
    """Refuse a template with a field its kind does not have (by either of its names), a
    stray brace or no text, naming the field and the ones allowed (in `language`)."""
    fields = _fields_of(kind)
    accepted = {*fields, *(ENGLISH_NAMES[f] for f in fields)}
    allowed = field_names(kind, language)
    if not text.strip():
        raise DomainError("care.template_empty")
    if len(text) > TEMPLATE_MAX_LEN:
        raise DomainError("care.template_too_long", max_len=TEMPLATE_MAX_LEN)
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise DomainError("care.template_brace", allowed=_braced(allowed)) from exc
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in accepted or spec or conversion:
            raise DomainError(
                "care.template_unknown_field", field=_braced([name]), allowed=_braced(allowed)
            )


def _fields_of(kind: str) -> tuple[str, ...]:
    if kind not in FIELDS:
        raise DomainError("care.unknown_kind", kind=kind, available=", ".join(FIELDS))
    return FIELDS[kind]


def _language(language: str) -> str:
    """A language messages can be written in: refused as the setting refuses it."""
    validate_settings({"message_language": language})
    return language


def _braced(names: Sequence[str]) -> str:
    return " ".join(f"{{{n}}}" for n in names)


def render(template: str, values: dict[str, object]) -> str:
    """The message: the template with its fields filled in (checked when it was saved).
    `values` are named as in `FIELDS`; the template may use their English names too."""
    aliases = {ENGLISH_NAMES[name]: v for name, v in values.items() if name in ENGLISH_NAMES}
    return template.format_map({**values, **aliases})


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def birthday_text(born: date, language: str) -> str:
    """The {生日} field: the day of the year, as a member reading `language` writes it
    (month names spelled here: strftime's follow the locale Qt sets)."""
    if language == "en":
        return f"{MONTHS[born.month - 1]} {born.day}"
    return f"{born.month}月{born.day}日"


# A made-up member whose message the template editor shows while the owner types: one
# value for every field any kind has, written as the job writes them.
SAMPLE_FIELDS: dict[str, object] = {
    "姓名": "王丽",
    "积分": 1280,
    "到期日": "2026-04-30",
    "倍数": 2,
    "差分": 120,
    "奖励": "头部按摩",
    "项目": "针灸推拿十次疗程",
    "剩余次数": 6,
    "天数": 60,
}
SAMPLE_BIRTHDAY = date(1980, 5, 12)


def sample(kind: str, text: str, clinic: str, language: str = "zh_CN") -> str:
    """The message `text` would make for the sample member, checked as `set_template`
    checks it: the editor's live preview (a refusal names the field and the allowed)."""
    check_template(kind, text, language)
    born = birthday_text(SAMPLE_BIRTHDAY, language)
    return render(text, {**SAMPLE_FIELDS, "生日": born, CLINIC: clinic})


def templates(session: Session, language: str) -> dict[str, str]:
    """The wording in force in `language` of every kind the jobs queue: the owner's, else
    the language's default (a campaign from the member list brings its own text)."""
    stored = dict(
        session.execute(
            select(OutboxTemplate.kind, OutboxTemplate.text).where(
                OutboxTemplate.language == language
            )
        )
        .tuples()
        .all()
    )
    return {kind: stored.get(kind, text) for kind, text in DEFAULTS[language].items()}


def template_texts(ctx: Ctx, language: str | None = None) -> dict[str, str]:
    """The wording in force in `language`, by default the language messages are written
    in now (the setting `message_language`)."""
    with unit_of_work.read(ctx) as work:
        return templates(work.session, _language(language or work.settings.message_language))


def set_template(ctx: Ctx, kind: str, text: str, language: str | None = None) -> None:
    """Store the owner's wording of one kind in `language` (by default the one messages
    are written in now), used for messages queued from now on; the wording of the other
    language is untouched. The default text back when `text` is the default. A manager's
    (`member_care`). Audited."""
    permissions.require(ctx, "member_care")
    with unit_of_work.write(ctx) as work:
        language = _language(language or work.settings.message_language)
        check_template(kind, text, language)
        row = work.session.scalars(
            select(OutboxTemplate).where(
                OutboxTemplate.kind == kind, OutboxTemplate.language == language
            )
        ).first()
        before = row.text if row is not None else DEFAULTS[language][kind]
        if before == text:
            return
        if row is None:
            work.session.add(
                OutboxTemplate(
                    kind=kind,
                    language=language,
                    text=text,
                    updated_at=work.stamp,
                    updated_by=work.actor,
                )
            )
        else:
            row.text, row.updated_at, row.updated_by = text, work.stamp, work.actor
        work.audit(
            "care.template", "outbox_template", kind, language=language, before=before, after=text
        )


# --- the list ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MessageView:
    """One message as the member-care screen and `outbox list` show it."""

    id: int
    kind: str
    member_card: str
    member_name: str
    phone: str
    text: str
    status: str
    created_on: date  # business date it was queued
    result: str | None  # the latest contact's result
    note: str  # the latest contact's note
    contacted_at: datetime | None  # the latest contact, in the clinic's zone
    contacted_by: str
    rescue: str | None  # X5 taken: extend | bonus
    rescuable: bool  # an expiry reminder whose rescue is still open


def messages(
    ctx: Ctx, *, kind: str | None = None, status: str | None = None, limit: int = 2000
) -> list[MessageView]:
    """Messages of consenting members, oldest first; `status` None: every status."""
    if kind is not None:
        _fields_of(kind)
    if status is not None and status not in OUTBOX_STATUSES:
        raise DomainError(
            "jobs.unknown_outbox_status", status=status, available=", ".join(OUTBOX_STATUSES)
        )
    with unit_of_work.read(ctx) as work:
        s = work.session
        zone = ZoneInfo(work.settings.timezone)
        stmt = (
            select(OutboxMessage, Member.card_no, Member.name, Member.phone)
            .join(Member, Member.id == OutboxMessage.member_id)
            .where(Member.marketing_consent.is_(True))
            .order_by(OutboxMessage.created_at, OutboxMessage.id)
            .limit(limit)
        )
        if kind is not None:
            stmt = stmt.where(OutboxMessage.kind == kind)
        if status is not None:
            stmt = stmt.where(OutboxMessage.status == status)
        rows = s.execute(stmt).all()
        latest = _latest_contacts(s, [m.id for m, *_ in rows])
        return [
            _view(m, card, name, phone, latest.get(m.id), zone) for m, card, name, phone in rows
        ]


def message(ctx: Ctx, message_id: int) -> MessageView:
    with unit_of_work.read(ctx) as work:
        m, member = _consenting(work.session, message_id)
        latest = _latest_contacts(work.session, [m.id]).get(m.id)
        return _view(m, member.card_no, member.name, member.phone, latest, _zone(work))


def _zone(work: unit_of_work.Work) -> ZoneInfo:
    return ZoneInfo(work.settings.timezone)


def _consenting(session: Session, message_id: int) -> tuple[OutboxMessage, Member]:
    row = session.execute(
        select(OutboxMessage, Member)
        .join(Member, Member.id == OutboxMessage.member_id)
        .where(OutboxMessage.id == message_id, Member.marketing_consent.is_(True))
    ).first()
    if row is None:
        raise NotFound("care.message_not_found", id=message_id)
    return row[0], row[1]


def _latest_contacts(session: Session, ids: Sequence[int]) -> dict[int, OutboxContact]:
    latest: dict[int, OutboxContact] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for contact in session.scalars(
            select(OutboxContact)
            .where(OutboxContact.message_id.in_(chunk))
            .order_by(OutboxContact.at, OutboxContact.id)
        ):
            latest[contact.message_id] = contact
    return latest


def _view(
    m: OutboxMessage,
    card: str,
    name: str,
    phone: str,
    contact: OutboxContact | None,
    zone: ZoneInfo,
) -> MessageView:
    return MessageView(
        id=m.id,
        kind=m.kind,
        member_card=card,
        member_name=name,
        phone=phone,
        text=m.text,
        status=m.status,
        created_on=clk.from_utc_naive(m.created_at).astimezone(zone).date(),
        result=contact.result if contact else None,
        note=contact.note if contact else "",
        contacted_at=clk.from_utc_naive(contact.at).astimezone(zone) if contact else None,
        contacted_by=contact.actor if contact else "",
        rescue=m.rescue,
        rescuable=m.kind == "expiry_reminder" and m.rescue is None,
    )


# --- contact results (回访记录) ------------------------------------------------------------

# The message's status after a contact with this result.
STATUS_AFTER = {
    "sent": "sent",
    "came_back": "sent",
    "no_answer": "failed",
    "failed": "failed",
    "skipped": "skipped",
}
# Results that mean the member was reached: the start of a win-back's 30 days.
REACHED = ("sent", "came_back")
NOTE_MAX_LEN = 200


def mark(ctx: Ctx, message_id: int, result: str, note: str = "") -> MessageView:
    """Record a contact's result with a note, who and when; the message takes the
    status that follows from it. Audited."""
    if result not in CONTACT_RESULTS:
        raise DomainError(
            "care.unknown_result", result=result, available=", ".join(CONTACT_RESULTS)
        )
    note = note.strip()
    if len(note) > NOTE_MAX_LEN:
        raise DomainError("care.note_too_long", max_len=NOTE_MAX_LEN)
    with unit_of_work.write(ctx) as work:
        m, member = _consenting(work.session, message_id)
        contact = OutboxContact(
            message_id=m.id, result=result, note=note, at=work.stamp, actor=work.actor
        )
        work.session.add(contact)
        m.status = STATUS_AFTER[result]
        work.session.flush()
        # The note by reference (its row), not by value: it may name the member.
        work.audit(
            "care.contact", "outbox", m.id, result=result, contact=contact.id, status=m.status
        )
        return _view(m, member.card_no, member.name, member.phone, contact, _zone(work))


# --- the win-back success rate -------------------------------------------------------------

WIN_BACK_DAYS = 30


@dataclass(frozen=True)
class WinBackRate:
    """Win-back messages whose member was reached (`contacted`), those whose 30 days are
    over or who came back already (`decided`), and those who came back (`won_back`)."""

    contacted: int
    decided: int
    won_back: int

    @property
    def rate(self) -> float:
        return self.won_back / self.decided if self.decided else 0.0


def win_back_rate(
    session: Session,
    today: date,
    tz: str,
    reached: tuple[datetime, datetime] | None = None,
) -> WinBackRate:
    """A win-back succeeds when the member visits after being reached (the first contact
    with a result in `REACHED`), on a business day at most 30 days after the contact's.
    A visit is a sale not wholly refunded, or a course session. A contact less than 31
    days ago without a visit yet is not decided and not counted in the rate. `reached`
    keeps only the messages first reached within [from, to) (the dashboard's period)."""
    first_reached = (
        select(OutboxMessage.member_id, func.min(OutboxContact.at).label("at"))
        .join(OutboxContact, OutboxContact.message_id == OutboxMessage.id)
        .join(Member, Member.id == OutboxMessage.member_id)
        .where(
            OutboxMessage.kind.in_(WIN_BACK_KINDS),
            OutboxContact.result.in_(REACHED),
            Member.marketing_consent.is_(True),
        )
        .group_by(OutboxMessage.id)
    )
    if reached is not None:
        first_at = func.min(OutboxContact.at)
        first_reached = first_reached.having(first_at >= reached[0], first_at < reached[1])
    contacts = session.execute(first_reached).all()
    if not contacts:
        return WinBackRate(0, 0, 0)
    since = min(at for _, at in contacts)
    wanted = {m for m, _ in contacts}
    visits: dict[int, list[datetime]] = {}
    for member_id, at in _visits_since(session, since):
        if member_id in wanted:
            visits.setdefault(member_id, []).append(at)
    decided = won = 0
    for member_id, contacted in contacts:
        last_day = _local_day(contacted, tz) + timedelta(days=WIN_BACK_DAYS)
        came = any(
            at > contacted and _local_day(at, tz) <= last_day for at in visits.get(member_id, [])
        )
        if came:
            won += 1
        if came or today > last_day:
            decided += 1
    return WinBackRate(len(contacts), decided, won)


def _local_day(stamp: datetime, tz: str) -> date:
    return clk.local_date(clk.from_utc_naive(stamp), tz)


def _visits_since(session: Session, since: datetime) -> list[tuple[int, datetime]]:
    sales = select(Sale.member_id, Sale.created_at).where(
        Sale.member_id.is_not(None), Sale.status != "refunded", Sale.created_at > since
    )
    uses = (
        select(CourseBalance.member_id, CourseUse.used_at)
        .join(CourseBalance, CourseBalance.id == CourseUse.balance_id)
        .where(CourseUse.used_at > since)
    )
    rows = [*session.execute(sales).tuples(), *session.execute(uses).tuples()]
    return [(int(m), at) for m, at in rows if m is not None]


def rate(ctx: Ctx) -> WinBackRate:
    with unit_of_work.read(ctx) as work:
        return win_back_rate(work.session, work.today, work.settings.timezone)


# --- rescue (X5) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rescue:
    how: str  # extend | bonus
    points: int  # points extended, or the bonus given
    lots: int  # lots extended (0 for a bonus)
    balance: int


def rescue(ctx: Ctx, message_id: int, how: str) -> Rescue:
    """X5, from an expiry reminder: when the member has at least `rescue_min_points`
    expiring within the reminder window, extend those lots by one month, or give the
    rescue bonus (a lot of its own, on the ledger as rule X5). Once: a reminder rescued
    before, or a lot extended before, is refused. Audited."""
    if how not in ("extend", "bonus"):
        raise DomainError("care.unknown_rescue", how=how)
    permissions.require(ctx, "member_care")
    with unit_of_work.write(ctx, books=True) as work:
        s, cfg = work.session, work.settings
        m, member = _consenting(s, message_id)
        if m.kind != "expiry_reminder":
            raise DomainError("care.rescue_not_reminder")
        lots = list(
            s.scalars(
                select(PointLot)
                .where(
                    PointLot.member_id == member.id,
                    PointLot.remaining > 0,
                    PointLot.expires_on >= work.today,
                    PointLot.expires_on <= work.today + timedelta(days=cfg.reminder_window_days),
                )
                .order_by(PointLot.expires_on, PointLot.id)
            )
        )
        if m.rescue is not None or _rescued_before(s, [lot.id for lot in lots]):
            raise DomainError("care.rescued_already", member=member.name)
        expiring = sum(lot.remaining for lot in lots)
        if expiring < cfg.rescue_min_points:
            raise DomainError("care.rescue_too_few", points=expiring, needed=cfg.rescue_min_points)
        if how == "extend":
            for lot in lots:
                assert lot.expires_on is not None  # the query chose lots with a date
                lot.expires_on = add_months(lot.expires_on, 1)
                points.record_extension(
                    s, member, lot.id, at=work.stamp, until=lot.expires_on, actor=work.actor
                )
            result = Rescue(how, expiring, len(lots), member.points_balance)
        else:
            points.award(
                s,
                member,
                [points.Award("X5", cfg.rescue_bonus_points)],
                at=work.stamp,
                today=work.today,
                settings=cfg,
                kind="adjust",
                actor=work.actor,
                note="积分挽留",
            )
            result = Rescue(how, cfg.rescue_bonus_points, 0, member.points_balance)
        m.rescue, m.rescued_at, m.rescued_by = how, work.stamp, work.actor
        work.audit(
            "care.rescue",
            "member",
            member.card_no,
            message=m.id,
            how=how,
            points=result.points,
            lots=[lot.id for lot in lots],
        )
        return result


def _rescued_before(session: Session, lot_ids: list[int]) -> bool:
    """Any of these lots extended, or reminded by a message already rescued."""
    if not lot_ids:
        return False
    extended = select(LedgerEntry.id).where(
        LedgerEntry.lot_id.in_(lot_ids), LedgerEntry.kind == "extend"
    )
    rescued = select(OutboxMessage.id).where(
        OutboxMessage.lot_id.in_(lot_ids), OutboxMessage.rescue.is_not(None)
    )
    return session.scalars(extended.union(rescued).limit(1)).first() is not None


# --- export --------------------------------------------------------------------------------

EXPORT_HEADERS = ("编号", "类型", "卡号", "姓名", "手机", "内容", "状态", "日期", "结果", "备注")


def export(
    ctx: Ctx, path: Path, *, kind: str | None = None, status: str | None = None
) -> exports.ExportResult:
    """The messages (as `messages` lists them) to CSV or XLSX by the file's extension.
    The kind, status and result are written by name (积分到期提醒, 待联系, 已回店), as
    the screen shows them: the file is a call list for people, not for a program. It holds
    names and phones of members, so it needs `export_data` (the counter works the outbox on
    screen without it)."""
    permissions.require(ctx, "export_data")
    rows = [
        (
            v.id,
            messages_catalogue.render(f"care.kind.{v.kind}", {}),
            v.member_card,
            v.member_name,
            v.phone,
            v.text,
            messages_catalogue.render(f"care.status.{v.status}", {}),
            v.created_on,
            messages_catalogue.render(f"care.result.{v.result}", {}) if v.result else "",
            v.note,
        )
        for v in messages(ctx, kind=kind, status=status)
    ]
    exports.write_table(path, EXPORT_HEADERS, rows)
    return exports.ExportResult(path, len(rows))
