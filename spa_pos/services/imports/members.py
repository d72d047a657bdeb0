"""Importing members (会员导入) with their opening points (期初积分).

Each row goes through the members service's own rules (`members.check_fields`, and a
phone must not be taken, checked against all phones at once rather than a query a row);
on top of them the file itself must not repeat a phone or a card. The good rows are
written set-based (`members.add_many`, `points.award_many`): 10,000 members in seconds.
Opening points become one lot per member through the points service, with the reason
期初导入: an `adjust` entry, so the old system's balance does not count as spending
towards a tier. Their expiry is the 积分到期 column, else the validity rule counted from
the import day: counting it from an old join date would expire years-old members' points
the moment they arrive. Course sessions left (疗程 and 剩余次数) become a course balance
without a sale, noted 期初导入.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import insert, select

from spa_pos import clock as clk
from spa_pos import limits
from spa_pos.models import CatalogItem, CourseBalance, Member
from spa_pos.services import members, points
from spa_pos.services.imports.framework import (
    Checked,
    Columns,
    Field,
    Progress,
    Row,
    RowError,
    Sheet,
    say,
)
from spa_pos.services.members import MemberForm
from spa_pos.services.unit_of_work import Work

OPENING_RULE = "OPEN"  # the ledger's rule column: at most 8 characters
OPENING_NOTE = "期初导入"
_CARD = re.compile(r"^[A-Za-z0-9]{4,16}$")
_GENDERS = {"女": "F", "f": "F", "female": "F", "男": "M", "m": "M", "male": "M"}

FIELDS = (
    Field("name", ("姓名", "名字", "会员姓名", "客户姓名", "full name", "member name"), True),
    Field(
        "phone",
        ("手机", "手机号", "手机号码", "电话", "联系电话", "电话号码", "移动电话", "mobile", "tel"),
        True,
    ),
    Field("card_no", ("卡号", "会员卡号", "会员卡", "会员号", "会员编号", "card", "card number")),
    Field("birthday", ("生日", "出生日期", "出生年月日", "birth date", "date of birth", "dob")),
    Field("gender", ("性别", "sex")),
    Field("joined", ("入会日期", "入会时间", "注册日期", "开卡日期", "办卡日期", "join date")),
    Field("points", ("积分", "积分余额", "剩余积分", "可用积分", "当前积分", "balance")),
    Field(
        "points_expire",
        ("积分到期", "积分到期日", "积分有效期", "积分到期日期", "expiry", "points expiry"),
    ),
    Field("notes", ("备注", "说明", "note", "remarks", "memo")),
    Field("course", ("疗程", "疗程项目", "疗程编码", "course", "course code")),
    Field("course_left", ("剩余次数", "疗程剩余次数", "疗程余次", "sessions left")),
    Field("course_expire", ("疗程到期", "疗程到期日", "疗程有效期", "course expiry")),
)


@dataclass(frozen=True)
class _Course:
    """Sessions left of a course bought before the till (期初导入)."""

    item_id: int
    service_id: int
    sessions: int
    expires: date | None


@dataclass(frozen=True)
class _Good:
    form: MemberForm
    card_no: str | None
    joined: date | None
    points: int
    expires: date | None
    course: _Course | None


def check(work: Work, sheet: Sheet, columns: Columns) -> Checked:
    """Every row against the members rules, the file's other rows and the database."""
    s, today = work.session, work.today
    course_items = {
        c.code: c for c in s.scalars(select(CatalogItem).where(CatalogItem.kind == "course"))
    }
    cards_taken = set(s.scalars(select(Member.card_no)))
    phones_taken = set(s.scalars(select(Member.phone)))
    phones_seen: dict[str, int] = {}
    cards_seen: dict[str, int] = {}
    good: list[_Good] = []
    errors: list[RowError] = []
    for line, cells in sheet.rows:
        row = Row(line, cells, columns)
        name = row.text("name")
        phone = members.clean_phone(row.text("phone"))  # as stored: duplicates compare equal
        birthday = row.day("birthday")
        gender = _gender(row)
        form = MemberForm(
            name=name, phone=phone, birthday=birthday, gender=gender, notes=row.text("notes")
        )
        checked = members.check_fields(form, today)
        if "phone" not in checked and phone in phones_taken:
            checked["phone"] = members.phone_taken(phone)
        row.problems.extend(checked.values())
        if phone in phones_seen:
            row.problems.append(
                say(
                    "imports.duplicate_in_file",
                    column=row.column("phone"),
                    value=phone,
                    line=phones_seen[phone],
                )
            )
        elif phone:
            phones_seen[phone] = line
        card = _card(row, cards_taken, cards_seen)
        joined = row.day("joined")
        if joined is not None and joined > today:
            row.problems.append(say("imports.joined_future", day=joined.isoformat()))
        opening = row.integer("points") or 0
        expires = row.day("points_expire")
        if expires is not None and expires < today:
            row.problems.append(say("imports.expiry_past", day=expires.isoformat()))
        course = _course(row, course_items, today)
        if row.problems:
            errors.append(RowError(line, "；".join(row.problems)))
        else:
            good.append(_Good(form, card, joined, opening, expires, course))

    def write(progress: Progress) -> int:
        """Set-based: an import of 10,000 members is a few statements, not 10,000 flushes."""
        tz, cfg = work.settings.timezone, work.settings
        ids = members.add_many(
            s,
            [
                members.NewMember(
                    g.form,
                    clk.local_day_start_utc(g.joined, tz) if g.joined else work.stamp,
                    g.card_no,
                )
                for g in good
            ],
        )
        progress(0.7)
        default_expiry = points.expiry_for(today, cfg)
        points.award_many(
            s,
            [
                points.Grant(m, g.points, g.expires or default_expiry)
                for m, g in zip(ids, good, strict=True)
            ],
            at=work.stamp,
            kind="adjust",
            rule=OPENING_RULE,
            actor=work.actor,
            note=OPENING_NOTE,
        )
        opened = [
            {
                "member_id": m,
                "course_item_id": g.course.item_id,
                "service_item_id": g.course.service_id,
                "sale_line_id": None,
                "sessions_total": g.course.sessions,
                "sessions_used": 0,
                "created_at": work.stamp,
                "status": "open",
                "expires_on": g.course.expires,
                "note": OPENING_NOTE,
            }
            for m, g in zip(ids, good, strict=True)
            if g.course is not None
        ]
        if opened:
            s.execute(insert(CourseBalance), opened)
        return len(ids)

    return Checked(errors, write)


def _course(row: Row, items: dict[str, CatalogItem], today: date) -> _Course | None:
    """The sessions left of a course in the catalog, both named together (none left: no
    balance). They are valid until the 疗程到期 column's day, else the course's valid days
    counted from the import day (as a course bought today), else without a last day."""
    code = row.text("course")
    given = row.raw("course_left") is not None
    left = row.integer("course_left")
    last_day = row.day("course_expire")
    if not code and not given and last_day is None:
        return None
    if not code or not given:
        row.problems.append(say("imports.course_needs_both"))
        return None
    if not left:  # wrong (noted), or a course used up: nothing to bring in
        return None
    item = items.get(code) or items.get(code.upper())
    if item is None or item.course_service_id is None:
        row.problems.append(say("imports.course_unknown", item=code))
        return None
    if left > limits.MAX_QTY:
        row.problems.append(
            say("imports.course_too_many", column=row.column("course_left"), most=limits.MAX_QTY)
        )
    if last_day is not None and last_day < today:
        row.problems.append(say("imports.course_expiry_past", day=last_day.isoformat()))
    if last_day is None and item.valid_days:
        last_day = today + timedelta(days=item.valid_days)
    return _Course(item.id, item.course_service_id, left, last_day)


def _gender(row: Row) -> str | None:
    text = row.text("gender")
    if not text:
        return None
    gender = _GENDERS.get(text.lower())
    if gender is None:
        row.problems.append(say("imports.bad_gender", column=row.column("gender"), text=text))
    return gender


def _card(row: Row, taken: set[str], seen: dict[str, int]) -> str | None:
    """An old card number is kept, unless it looks like one the till issues itself
    (`8` and 7 digits): the till would later hand the same number to a new member."""
    card = row.text("card_no")
    if not card:
        return None
    if not _CARD.match(card):
        row.problems.append(say("imports.bad_card", card=card))
    elif members.CARD.match(card):
        row.problems.append(say("imports.card_reserved", card=card))
    elif card in taken:
        row.problems.append(say("imports.card_taken", card=card))
    elif card in seen:
        row.problems.append(
            say(
                "imports.duplicate_in_file",
                column=row.column("card_no"),
                value=card,
                line=seen[card],
            )
        )
    else:
        seen[card] = row.line
    return card
