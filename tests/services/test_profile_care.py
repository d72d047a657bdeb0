"""The profile screen's services: timeline, favourites and suggestions, notes, feedback
and events (E4)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, LedgerEntry
from spa_pos.services import (
    adjustments,
    checkout,
    courses,
    events,
    feedback,
    points,
    profile,
    refunds,
)
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from tests.conftest import enter_at, register

SH = ZoneInfo("Asia/Shanghai")
PHONE = "13800000001"


def local(d: int, hh: int = 11) -> datetime:
    return datetime(2026, 3, d, hh, 0, tzinfo=SH)


def sell(ctx: Ctx, at: datetime, *items: tuple[str, int], fen: int) -> str:
    request = SaleRequest(list(items), [("cash", fen)], member=PHONE, at=enter_at(ctx, at))
    return checkout.sell(ctx, request).sale_no


def history(ctx: Ctx) -> dict[str, str]:
    """艾灸 twice, a course with one session, a 足浴包 refunded, an event attended."""
    card = register(ctx, "张三", PHONE, at=local(10, 10))
    first = sell(ctx, local(10, 11), ("AJ", 1), fen=16800)
    course = sell(ctx, local(11), ("ZJTN10", 1), fen=358000)
    courses.use_session(ctx, PHONE, "ZJTN", at=enter_at(ctx, local(12)))
    bag = sell(ctx, local(13), ("ZYB", 1), ("AJ", 1), fen=20700)
    refunds.refund(ctx, bag, [1], at=enter_at(ctx, local(13, 12)))
    event = adjustments.add_event(ctx, "养生讲座", 80, kind="lecture")
    adjustments.attend(ctx, event, PHONE, at=enter_at(ctx, local(14)))
    return {"card": card, "first": first, "course": course, "bag": bag}


def test_the_timeline_is_newest_first_with_refunds_sessions_and_events(ctx: Ctx) -> None:
    h = history(ctx)
    entries = profile.timeline(ctx, h["card"])

    assert [(e.kind, e.at.day) for e in entries] == [
        ("event", 14),
        ("refund", 13),
        ("sale", 13),
        ("course", 12),
        ("sale", 11),
        ("sale", 10),
    ]
    event, refund, bag, session, course, first = entries
    assert (event.ref, event.what, event.points) == ("", "养生讲座", 80)
    assert (refund.what, refund.paid_fen) == (h["bag"], -3900)
    assert refund.points < 0
    assert (bag.ref, bag.what, bag.refunded, bag.paid_fen) == (
        h["bag"],
        "足浴包、艾灸",
        "partially_refunded",
        20700,
    )
    assert (session.kind, session.what, session.by) == ("course", "针灸推拿十次疗程", "cli")
    assert (course.ref, course.refunded) == (h["course"], "")
    assert (first.what, first.points, first.by) == ("艾灸", 100, "cli")  # 艾灸 earns a fixed 100
    assert first.at.tzinfo is not None and first.at.utcoffset() == local(1).utcoffset()
    assert profile.timeline(ctx, h["card"], limit=2) == entries[:2]


def test_favourites_and_untried_services_in_them(ctx: Ctx) -> None:
    h = history(ctx)
    fav = profile.favourites(ctx, h["card"])
    # 艾灸 ×2 (the refunded 足浴包 line is a product) and one 针灸推拿 session
    assert fav == [profile.Favourite("理疗项目", 3, "艾灸")]
    suggested = profile.suggestions(ctx, h["card"])
    assert [(g.usual, g.name) for g in suggested] == [
        ("艾灸", "头部按摩"),
        ("艾灸", "腰部理疗"),
        ("艾灸", "药浴"),
    ]  # 艾灸 and 针灸推拿 (had by session) are tried; catalog order


def test_a_member_who_never_came_has_no_favourites(ctx: Ctx) -> None:
    card = register(ctx, "李四", PHONE)
    care = profile.care(ctx, card)
    assert (care.favourites, care.suggestions, care.timeline, care.notes) == ([], [], [], [])


def test_consultation_notes_keep_author_and_time(ctx: Ctx) -> None:
    card = register(ctx, "张三", PHONE)
    profile.add_note(ctx, card, "  腰椎间盘突出，避免重压  ")
    ctx.clock.advance(minutes=5)  # type: ignore[attr-defined]
    profile.add_note(ctx, card, "第二次问诊：好转")
    notes = profile.care(ctx, card).notes
    assert [(n.text, n.author) for n in notes] == [
        ("第二次问诊：好转", "cli"),
        ("腰椎间盘突出，避免重压", "cli"),
    ]
    assert notes[0].at > notes[1].at
    with pytest.raises(DomainError) as err:
        profile.add_note(ctx, card, "   ")
    assert err.value.code == "profile.note_empty"
    with pytest.raises(DomainError) as err:
        profile.add_note(ctx, card, "长" * (profile.NOTE_MAX_CHARS + 1))
    assert err.value.code == "profile.note_too_long"


def test_feedback_once_per_sale_rewarded_within_the_range(ctx: Ctx) -> None:
    h = history(ctx)
    before = profile.member_view(ctx, h["card"]).profile.balance
    low = settings_svc.current(ctx).event_points_min

    result = feedback.record(ctx, h["first"], 5, " 手法很好 ", reward=True)

    assert result == feedback.FeedbackResult(low, before + low)
    with pytest.raises(DomainError) as err:
        feedback.record(ctx, h["first"], 4, "再评一次", reward=True)
    assert err.value.code == "profile.feedback_given"
    assert feedback.record(ctx, h["course"], 3, "", reward=False).points == 0
    with ctx.db.read() as s:
        e4 = s.execute(
            select(LedgerEntry.points, LedgerEntry.note).where(LedgerEntry.rule == "E4")
        ).all()
        assert (low, f"满意度回访 {h['first']}") in [tuple(r) for r in e4]
        assert points.check_balances(s).ok
        actions = s.scalars(select(AuditEntry.action)).all()
        assert actions.count("feedback.record") == 2
    entry = next(e for e in profile.timeline(ctx, h["card"]) if e.kind == "feedback")
    assert (entry.ref, entry.score, entry.what, entry.points) == (h["course"], 3, "", 0)


@pytest.mark.parametrize("score", [0, 6, True])
def test_feedback_score_is_one_to_five(ctx: Ctx, score: int) -> None:
    h = history(ctx)
    with pytest.raises(DomainError) as err:
        feedback.record(ctx, h["first"], score, "", reward=False)
    assert err.value.code == "profile.feedback_score"


def test_feedback_needs_a_member_sale(ctx: Ctx) -> None:
    walk_in = checkout.sell(ctx, SaleRequest([("ZYB", 1)], [("cash", 3900)])).sale_no
    with pytest.raises(DomainError) as err:
        feedback.record(ctx, walk_in, 5, "", reward=True)
    assert err.value.code == "profile.feedback_no_member"
    with pytest.raises(DomainError) as err:
        feedback.record(ctx, "S-NONE", 5, "", reward=True)
    assert err.value.code == "profile.sale_not_found"


def test_event_points_must_lie_in_the_configured_range(ctx: Ctx) -> None:
    assert events.points_range(ctx) == (50, 150)
    for outside in (49, 151):
        with pytest.raises(DomainError) as err:
            adjustments.add_event(ctx, "沙龙", outside, kind="salon")
        assert err.value.code == "events.points_out_of_range"
    with pytest.raises(DomainError) as err:
        adjustments.add_event(ctx, "沙龙", 100, kind="party")
    assert err.value.code == "events.bad_kind"
    settings_svc.update(ctx, event_points_max=200)
    assert events.points_range(ctx) == (50, 200)
    assert adjustments.add_event(ctx, "直播答疑", 200, kind="live") > 0


def test_events_list_who_came(ctx: Ctx) -> None:
    register(ctx, "张三", PHONE)
    register(ctx, "李四", "13800000002")
    quiz = adjustments.add_event(ctx, "养生知识问答", 60, kind="quiz")
    salon = adjustments.add_event(ctx, "养生沙龙", 100, kind="salon")
    adjustments.attend(ctx, quiz, PHONE)
    ctx.clock.advance(minutes=1)  # type: ignore[attr-defined]
    adjustments.attend(ctx, quiz, "13800000002")

    listed = events.recent(ctx)
    assert [(e.name, e.kind, e.points, e.attendees) for e in listed] == [
        ("养生沙龙", "salon", 100, 0),
        ("养生知识问答", "quiz", 60, 2),
    ]
    came = events.attendees(ctx, quiz)
    assert [(a.name, a.phone_masked) for a in came] == [
        ("李四", "138****0002"),
        ("张三", "138****0001"),
    ]
    assert events.attendees(ctx, salon) == []
