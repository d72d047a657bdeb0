"""Member care (会员关怀): the kinds the job queues once each, templates, contact results,
the win-back success rate on a hand-computed history, and the X5 rescue."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, LedgerEntry, OutboxMessage, PointLot
from spa_pos.services import checkout, courses, jobs, kpi, members, outreach, refunds, settings
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.members import MemberForm
from tests.conftest import enter_at
from tests.services.test_jobs_reminders import buy, join, local


def kinds(ctx: Ctx) -> list[tuple[str, str]]:
    """(phone, kind) of every message the screen lists."""
    return [(m.phone, m.kind) for m in outreach.messages(ctx)]


def queued_rows(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count(OutboxMessage.id))) or 0)


# --- the kinds, once each ------------------------------------------------------------------


def test_members_without_consent_never_appear(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "张三", "13800000001", consent=False, birthday=date(1980, 3, 12))
    join(ctx, "李四", "13800000002", birthday=date(1980, 3, 12))
    buy(ctx, "13800000001", local(2025, 3, 20), "ZJTN10", 358000)
    buy(ctx, "13800000002", local(2025, 3, 20), "ZJTN10", 358000)
    clock.at = local(2026, 3, 10)
    jobs.run_job(ctx, "reminders")
    assert {phone for phone, _ in kinds(ctx)} == {"13800000002"}

    # consent withdrawn after the messages were queued: they leave the list too
    with ctx.db.read() as s:
        card = members.find_one(s, "13800000002").card_no
    members.edit(ctx, card, MemberForm(name="李四", phone="13800000002", marketing_consent=False))
    assert kinds(ctx) == []
    assert queued_rows(ctx) > 0


def test_every_kind_is_queued_once_per_occasion(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "张三", "13800000001")
    join(ctx, "李四", "13800000002", at=local(2026, 1, 1))
    join(ctx, "王五", "13800000003", birthday=date(1980, 2, 3), at=local(2026, 1, 20))
    buy(ctx, "13800000001", local(2025, 3, 20), "ZJTN10", 358000)  # 10 sessions, never used
    buy(ctx, "13800000001", local(2025, 12, 1), "AJ", 16800)  # last seen 61 days ago
    buy(ctx, "13800000002", local(2026, 1, 5), "TBAM", 12800)
    buy(ctx, "13800000002", local(2026, 1, 8), "TBAM", 12800)
    buy(ctx, "13800000002", local(2026, 1, 11), "YBLL", 29800)  # 554 points: 46 short of 600
    clock.at = local(2026, 1, 28)  # 李四: 17 days away, more than twice the 3-day gap
    jobs.run_job(ctx, "reminders")
    expected = [
        ("13800000001", "course_idle"),
        ("13800000001", "dormant"),
        ("13800000002", "churn_risk"),
        ("13800000002", "points_goal"),
        ("13800000003", "birthday"),
    ]
    assert sorted(kinds(ctx)) == expected
    jobs.run_job(ctx, "reminders")
    clock.at = local(2026, 1, 31)
    jobs.run_job(ctx, "reminders")
    assert sorted(kinds(ctx)) == expected
    [goal] = outreach.messages(ctx, kind="points_goal")
    assert goal.text == "李四您好：您现有 554 积分，再积 46 分即可兑换保健枕。理疗馆"


def test_points_goal_names_the_reward_and_the_points_missing(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "李四", "13800000002", at=local(2026, 3, 1))
    buy(ctx, "13800000002", local(2026, 3, 2), "TBAM", 12800)  # 128 points
    buy(ctx, "13800000002", local(2026, 3, 3), "TBAM", 12800)  # 256: 44 short of 300
    jobs.run_job(ctx, "reminders")
    [goal] = [m for m in outreach.messages(ctx) if m.kind == "points_goal"]
    assert goal.text == "李四您好：您现有 256 积分，再积 44 分即可兑换头部按摩。理疗馆"
    jobs.run_job(ctx, "reminders")
    clock.at = local(2026, 3, 31)
    jobs.run_job(ctx, "reminders")
    assert len([m for m in outreach.messages(ctx) if m.kind == "points_goal"]) == 1
    clock.at = local(2026, 4, 1)  # a new month: told again, still short
    jobs.run_job(ctx, "reminders")
    assert len([m for m in outreach.messages(ctx) if m.kind == "points_goal"]) == 2


def test_an_idle_course_is_reminded_once_per_idle_spell(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "张三", "13800000001", at=local(2026, 1, 1))
    buy(ctx, "13800000001", local(2026, 1, 2), "ZJTN10", 358000)
    clock.at = local(2026, 3, 2)  # 59 days
    jobs.run_job(ctx, "reminders")
    assert [m for m in outreach.messages(ctx) if m.kind == "course_idle"] == []
    clock.at = local(2026, 3, 3)  # 60 days
    jobs.run_job(ctx, "reminders")
    clock.at = local(2026, 3, 4)
    jobs.run_job(ctx, "reminders")
    [idle] = [m for m in outreach.messages(ctx) if m.kind == "course_idle"]
    assert idle.text == (
        "张三您好：您的针灸推拿十次疗程疗程还剩 10 次，已有 60 天没来了，欢迎预约继续调理。理疗馆"
    )
    courses.use_session(ctx, "13800000001", "ZJTN", at=enter_at(ctx, local(2026, 3, 5)))
    clock.at = local(2026, 5, 4)  # 60 days after that session: a new spell
    jobs.run_job(ctx, "reminders")
    jobs.run_job(ctx, "reminders")
    assert len([m for m in outreach.messages(ctx) if m.kind == "course_idle"]) == 2


def test_the_database_refuses_a_second_message_for_one_occasion(ctx: Ctx) -> None:
    join(ctx, "张三", "13800000001")
    jobs.run_job(ctx, "reminders")
    with pytest.raises(Exception, match=r"(?i)unique"), ctx.db.write() as s:
        row = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "dormant")).one()
        s.add(
            OutboxMessage(
                member_id=row.member_id,
                kind="dormant",
                period=row.period,
                text="again",
                created_at=row.created_at,
            )
        )
        s.flush()


# --- templates -----------------------------------------------------------------------------


def test_a_template_with_an_unknown_field_is_refused_with_the_reason(ctx: Ctx) -> None:
    with pytest.raises(DomainError) as refused:
        outreach.set_template(ctx, "dormant", "{姓名}您好，{电话}")
    assert refused.value.code == "care.template_unknown_field"
    assert str(refused.value) == "模板里的字段 {电话} 不认识；可用的字段：{姓名} {积分} {诊所}"
    with pytest.raises(DomainError, match="不成对的花括号"):
        outreach.set_template(ctx, "dormant", "{姓名您好")
    with pytest.raises(DomainError, match="模板不能为空"):
        outreach.set_template(ctx, "dormant", "  ")
    with pytest.raises(DomainError, match="不认识"):  # a field of another kind
        outreach.set_template(ctx, "dormant", "{到期日}")
    assert outreach.template_texts(ctx)["dormant"] == outreach.DEFAULT_TEMPLATES["dormant"]


def test_the_sample_message_is_the_template_rendered_or_the_same_refusal() -> None:
    assert outreach.sample("dormant", "{姓名}，{诊所}想您了！您有{积分}分。", "康乐馆") == (
        "王丽，康乐馆想您了！您有1280分。"
    )
    for kind in outreach.FIELDS:  # every default renders on the sample member
        outreach.sample(kind, outreach.DEFAULT_TEMPLATES[kind], "康乐馆")
    with pytest.raises(DomainError) as refused:
        outreach.sample("dormant", "{姓名}您好，{电话}", "康乐馆")
    assert str(refused.value) == "模板里的字段 {电话} 不认识；可用的字段：{姓名} {积分} {诊所}"


def test_only_a_manager_changes_a_template(ctx: Ctx) -> None:
    cashier = replace(ctx, actor=Actor("小李", "cashier"))
    with pytest.raises(DomainError) as refused:
        outreach.set_template(cashier, "dormant", "{姓名}您好")
    assert refused.value.code == "staff.not_allowed"
    assert outreach.template_texts(ctx)["dormant"] == outreach.DEFAULT_TEMPLATES["dormant"]
    outreach.set_template(replace(ctx, actor=Actor("张店长", "manager")), "dormant", "{姓名}您好")
    assert outreach.template_texts(ctx)["dormant"] == "{姓名}您好"


def test_the_owners_template_words_the_next_messages(ctx: Ctx, clock: FixedClock) -> None:
    outreach.set_template(ctx, "dormant", "{姓名}，{诊所}想您了！您有{积分}分。")
    join(ctx, "张三", "13800000001")
    buy(ctx, "13800000001", local(2025, 12, 1), "AJ", 16800)
    clock.at = local(2026, 3, 10)
    jobs.run_job(ctx, "reminders")
    assert [m.text for m in outreach.messages(ctx, kind="dormant")] == [
        "张三，理疗馆想您了！您有100分。"
    ]
    with ctx.db.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "care.template")).one()
    assert json.loads(audit.detail)["after"] == "{姓名}，{诊所}想您了！您有{积分}分。"


# --- contact results and the win-back rate -------------------------------------------------


def test_a_contact_keeps_its_result_note_who_and_when(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "张三", "13800000001")
    jobs.run_job(ctx, "reminders")
    [m] = outreach.messages(ctx)
    front = replace(ctx, actor=Actor("小王"))
    marked = outreach.mark(front, m.id, "no_answer", "  下午再打  ")
    assert (marked.status, marked.result, marked.note, marked.contacted_by) == (
        "failed",
        "no_answer",
        "下午再打",
        "小王",
    )
    assert marked.contacted_at == clock.at
    with pytest.raises(DomainError, match="回访结果"):
        outreach.mark(ctx, m.id, "maybe")
    assert outreach.mark(ctx, m.id, "came_back").status == "sent"


def test_win_back_rate_on_a_hand_computed_history(ctx: Ctx, clock: FixedClock) -> None:
    """Reached on 1 March: 张三 buys on the 30th day (won back), 李四 on the 31st (not),
    王五's only purchase is wholly refunded (no visit), 赵六 uses a course session on the
    10th day (won back); 孙七 was never reached (no answer), so is not counted."""
    people = ["张三", "李四", "王五", "赵六", "孙七"]
    for n, name in enumerate(people, start=1):
        join(ctx, name, f"1380000000{n}")
    buy(ctx, "13800000004", local(2025, 1, 2), "ZJTN10", 358000)
    clock.at = local(2026, 3, 1, 10)
    jobs.run_job(ctx, "reminders")
    by_phone = {m.phone: m.id for m in outreach.messages(ctx) if m.kind == "dormant"}
    assert len(by_phone) == 5
    for n in range(1, 5):
        outreach.mark(ctx, by_phone[f"1380000000{n}"], "sent")
    outreach.mark(ctx, by_phone["13800000005"], "no_answer")

    # nothing decided yet: the rate is 0 of 0
    assert outreach.rate(ctx) == outreach.WinBackRate(4, 0, 0)
    sale = buy_no(ctx, "13800000003", local(2026, 3, 6))
    refunds.refund(ctx, sale, at=enter_at(ctx, local(2026, 3, 6, 12)))
    courses.use_session(ctx, "13800000004", "ZJTN", at=enter_at(ctx, local(2026, 3, 11)))
    buy(ctx, "13800000005", local(2026, 3, 12))  # not reached: not counted at all
    assert outreach.rate(ctx) == outreach.WinBackRate(4, 1, 1)
    buy(ctx, "13800000001", local(2026, 3, 31, 20))  # the 30th day after 1 March
    buy(ctx, "13800000002", local(2026, 4, 1, 9))  # the 31st day
    clock.at = local(2026, 4, 1, 10)
    result = outreach.rate(ctx)
    assert result == outreach.WinBackRate(4, 4, 2)
    assert result.rate == 0.5

    # the dashboard's figure is the same rule, for the messages reached in its period
    march = kpi.dashboard(ctx, date(2026, 3, 1), date(2026, 3, 31)).current.win_back
    assert (march.contacted, march.came_back, march.rate) == (4, 2, 1.0)  # 李四 not yet decided
    april = kpi.dashboard(ctx, date(2026, 4, 1), date(2026, 4, 30)).current.win_back
    assert (april.contacted, april.rate, april.reason) == (0, None, "kpi.win_back_no_contacts")


def buy_no(ctx: Ctx, phone: str, at: datetime) -> str:
    """An 艾灸 for `phone` at `at`; returns its sale number."""
    request = SaleRequest([("AJ", 1)], [("cash", 16800)], member=phone, at=enter_at(ctx, at))
    return checkout.sell(ctx, request).sale_no


# --- rescue (X5) ---------------------------------------------------------------------------


def expiring_reminder(ctx: Ctx, clock: FixedClock, phone: str = "13800000001") -> int:
    """A member with 2400 points expiring on 2026-03-20, and their reminder's id."""
    join(ctx, "张三", phone)
    buy(ctx, phone, local(2025, 3, 20), "ZJTN10", 358000)
    clock.at = local(2026, 3, 10)
    jobs.run_job(ctx, "reminders")
    [m] = outreach.messages(ctx, kind="expiry_reminder")
    return m.id


def test_a_manager_extends_the_expiring_lots_once_by_a_month(ctx: Ctx, clock: FixedClock) -> None:
    message_id = expiring_reminder(ctx, clock)
    with pytest.raises(DomainError, match="需要店长"):
        outreach.rescue(replace(ctx, actor=Actor("小王")), message_id, "extend")

    done = outreach.rescue(replace(ctx, actor=Actor("老板", "owner")), message_id, "extend")
    assert (done.how, done.points, done.lots, done.balance) == ("extend", 2400, 1, 2400)
    with ctx.db.read() as s:
        assert s.scalars(select(PointLot.expires_on)).one() == date(2026, 4, 20)
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "extend")).one()
        assert (entry.rule, entry.points, entry.note, entry.actor) == (
            "X5",
            0,
            "延期至 2026-04-20",
            "老板",
        )
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "care.rescue")).one()
    assert json.loads(audit.detail)["how"] == "extend"
    assert outreach.message(ctx, message_id).rescue == "extend"
    assert not outreach.message(ctx, message_id).rescuable

    for how in ("extend", "bonus"):
        with pytest.raises(DomainError, match="已经挽留过一次"):
            outreach.rescue(ctx, message_id, how)


def test_the_rescue_bonus_is_on_the_ledger(ctx: Ctx, clock: FixedClock) -> None:
    message_id = expiring_reminder(ctx, clock)
    done = outreach.rescue(ctx, message_id, "bonus")
    assert (done.points, done.balance) == (100, 2500)
    with ctx.db.read() as s:
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.rule == "X5")).one()
        assert (entry.kind, entry.points, entry.note) == ("adjust", 100, "积分挽留")
    with pytest.raises(DomainError, match="已经挽留过一次"):
        outreach.rescue(ctx, message_id, "extend")


def test_no_rescue_below_the_minimum_or_for_other_messages(ctx: Ctx, clock: FixedClock) -> None:
    join(ctx, "张三", "13800000001")
    buy(ctx, "13800000001", local(2025, 3, 20), "AJ", 16800)  # 100 points expiring
    clock.at = local(2026, 3, 10)
    jobs.run_job(ctx, "reminders")
    reminder = outreach.messages(ctx, kind="expiry_reminder")[0].id
    with pytest.raises(DomainError, match="只有 100，满 500"):
        outreach.rescue(ctx, reminder, "extend")
    dormant = outreach.messages(ctx, kind="dormant")[0].id
    with pytest.raises(DomainError, match="只有到期提醒"):
        outreach.rescue(ctx, dormant, "bonus")


# --- templates in English ------------------------------------------------------------------


def test_an_english_template_words_the_messages_with_english_names(
    ctx: Ctx, clock: FixedClock
) -> None:
    settings.update(ctx, message_language="en")
    assert outreach.template_texts(ctx) == outreach.ENGLISH_TEMPLATES  # the defaults
    outreach.set_template(ctx, "dormant", "{name}, {clinic} misses you! You have {points} points.")
    join(ctx, "张三", "13800000001", birthday=date(1980, 3, 12))
    buy(ctx, "13800000001", local(2025, 12, 1), "AJ", 16800)
    clock.at = local(2026, 3, 10)
    jobs.run_job(ctx, "reminders")
    assert [m.text for m in outreach.messages(ctx, kind="dormant")] == [
        "张三, 理疗馆 misses you! You have 100 points."
    ]
    [greeting] = [m.text for m in outreach.messages(ctx, kind="birthday")]
    assert greeting.startswith("Dear 张三, your birthday is on March 12: 理疗馆 wishes you")
    for kind in outreach.FIELDS:  # every English default renders on the sample member
        assert "{" not in outreach.sample(kind, outreach.ENGLISH_TEMPLATES[kind], "Kangle", "en")


def test_switching_language_leaves_the_other_languages_wording_alone(ctx: Ctx) -> None:
    chinese = "{姓名}，{诊所}想您了！"
    outreach.set_template(ctx, "dormant", chinese)
    settings.update(ctx, message_language="en")
    assert outreach.template_texts(ctx)["dormant"] == outreach.ENGLISH_TEMPLATES["dormant"]
    outreach.set_template(ctx, "dormant", "{name}, we miss you!")
    assert outreach.template_texts(ctx, "zh_CN")["dormant"] == chinese  # untouched
    settings.update(ctx, message_language="zh_CN")
    assert outreach.template_texts(ctx)["dormant"] == chinese
    assert outreach.template_texts(ctx, "en")["dormant"] == "{name}, we miss you!"
    with ctx.db.read() as s:
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "care.template")).all()
    assert [json.loads(a.detail)["language"] for a in audits] == ["zh_CN", "en"]


def test_either_name_of_a_field_is_accepted_and_an_unknown_one_refused_in_either_language(
    ctx: Ctx,
) -> None:
    assert outreach.sample("dormant", "{姓名} {points}", "康乐馆", "en") == "王丽 1280"
    assert outreach.sample("dormant", "{name} {积分}", "康乐馆") == "王丽 1280"
    with pytest.raises(DomainError) as refused:
        outreach.sample("dormant", "{name}, {phone}", "Kangle", "en")
    assert str(refused.value) == "模板里的字段 {phone} 不认识；可用的字段：{name} {points} {clinic}"
    settings.update(ctx, message_language="en")
    for text in ("{name}, {电话}", "{expires}", "{name}, {phone}"):
        with pytest.raises(DomainError) as refused:
            outreach.set_template(ctx, "dormant", text)
        assert refused.value.code == "care.template_unknown_field"
    with pytest.raises(DomainError) as refused:
        outreach.template_texts(ctx, "fr")
    assert refused.value.code == "settings.not_a_choice"
    assert outreach.template_texts(ctx) == outreach.ENGLISH_TEMPLATES  # nothing saved
