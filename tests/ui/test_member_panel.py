"""The member panel shows the whole profile: tier, points and their expiry, courses,
vouchers, visits, tags, health needs and notes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from spa_pos.models import MemberTag
from spa_pos.services import adjustments, checkout, members, vouchers
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.members import MemberForm
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.sign_in import SignedIn
from tests.conftest import START
from tests.ui.conftest import child


def texts(window: MainWindow) -> str:
    return "\n".join(label.text() for label in window.lookup.panel.findChildren(QLabel))


def test_the_panel_shows_the_profile(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    long_ago = START - timedelta(days=350)
    referrer = members.register(ctx, MemberForm("李四", "13800000002"), at=long_ago).card_no
    card = members.register(
        ctx,
        MemberForm(
            "张三",
            "13800000001",
            birthday=date(1986, 5, 1),
            referrer=referrer,
            health_needs="失眠调理",
            notes="喜欢力度轻一些",
        ),
        at=long_ago,
    ).card_no
    checkout.sell(
        ctx,
        SaleRequest(items=[("ZJTN10", 1)], member=card, at=long_ago, payments=[("wechat", 358000)]),
    )
    adjustments.adjust(ctx, card, 100, "测试")
    vouchers.redeem(ctx, card, "R-Q10")
    with ctx.db.write() as s:
        s.add(MemberTag(member_id=members.find_one(s, card).id, tag="高价值"))

    window.signed_in(SignedIn(Actor("小周", "therapist"), 0))  # may see health needs
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    shown = texts(window)
    assert child(window.lookup.panel, QLabel, "memberName").text() == "张三"
    assert child(window.lookup.panel, QLabel, "tierBadge").text() == "银卡"
    assert "会员礼遇：生日礼遇" in shown
    assert "推荐人 李四" in shown
    assert child(window.lookup.panel, QLabel, "balance").text() == "2,500"
    expiring = child(window.lookup.panel, QLabel, "expiring").text()
    assert expiring.startswith("2,400 分将于 2026-") and expiring.endswith("到期")
    assert "针灸推拿十次疗程：剩余 10 次" in shown
    assert "10元优惠券" in shown
    assert "针灸推拿十次疗程" in shown.split("最近到店")[1]
    assert "高价值" in shown and "失眠调理" in shown and "喜欢力度轻一些" in shown
    # the header shows who is being served, with the tier
    assert window.member_label.text() == "张三 · 2,500 积分"
    assert window.tier.text() == "银卡"


def test_a_cashier_sees_that_health_needs_and_notes_are_kept_from_them(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    """The service leaves them out for a cashier; the panel says so instead of "none"."""
    card = members.register(
        ctx, MemberForm("张三", "13800000001", health_needs="失眠调理", notes="喜欢力度轻一些")
    ).card_no
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    shown = texts(window)
    assert "失眠调理" not in shown and "喜欢力度轻一些" not in shown
    hidden = QCoreApplication.translate("MemberPanel", "Authorised staff only")
    assert child(window.lookup.panel, QLabel, "healthNeeds").text() == hidden
    assert child(window.lookup.panel, QLabel, "memberNotes").text() == hidden


def test_switching_to_walk_in_clears_the_member_everywhere(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = members.register(ctx, MemberForm("张三", "13800000001")).card_no
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    assert window.walk_in.isVisible()
    with qtbot.waitSignal(window.member_changed):
        window.walk_in.click()
    assert window.member is None and window.lookup.panel.view is None
    assert window.member_label.text() == "散客（未选会员）"
    assert window.redeem.heading.text() == "请先选择会员 (F1)"
