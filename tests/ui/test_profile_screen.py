"""The profile dialog (会员画像), opened from the member panel: the timeline, suggestions,
consultation notes and feedback after a visit."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from spa_pos.services import checkout, courses, members, profile
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.members import MemberForm
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.profile_screen import ProfileDialog
from tests.conftest import START
from tests.ui.conftest import cell_text, child, type_text, wait_dialog


def _member_with_history(ctx: Ctx) -> str:
    joined = START - timedelta(days=20)
    card = members.register(
        ctx, MemberForm("张三", "13800000001", health_needs="颈椎不适"), at=joined
    ).card_no
    checkout.sell(
        ctx,
        SaleRequest([("AJ", 1)], [("cash", 16800)], member=card, at=joined + timedelta(days=1)),
    )
    checkout.sell(
        ctx,
        SaleRequest(
            [("ZJTN10", 1)], [("wechat", 358000)], member=card, at=joined + timedelta(days=2)
        ),
    )
    courses.use_session(ctx, card, "ZJTN", at=joined + timedelta(days=3))
    return card


def _open_profile(qtbot: QtBot, window: MainWindow, card: str) -> ProfileDialog:
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    profile_button = child(window.lookup.panel, QPushButton, "openProfile")
    qtbot.mouseClick(profile_button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, ProfileDialog)
    qtbot.waitUntil(lambda: dialog.care is not None)
    return dialog


def test_the_profile_shows_the_timeline_and_suggestions(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = _member_with_history(ctx)
    dialog = _open_profile(qtbot, window, card)

    timeline = child(dialog, QTableWidget, "timeline")
    assert timeline.rowCount() == 3
    assert [cell_text(timeline, r, 2) for r in range(3)] == [
        "针灸推拿十次疗程",  # the session, newest
        "针灸推拿十次疗程",  # the course bought
        "艾灸",
    ]
    assert cell_text(timeline, 2, 5) == "¥168.00"
    assert cell_text(timeline, 2, 6) == "+100"
    suggestions = child(dialog, QListWidget, "suggestions")
    shown = [suggestions.item(i).text() for i in range(suggestions.count())]
    assert len(shown) == 3 and all("艾灸" in s for s in shown)
    assert ["药浴" in s for s in shown] == [False, False, True]
    assert child(dialog, QLabel, "healthNeeds").text() == "颈椎不适"


def test_a_note_and_a_rewarded_feedback_are_kept_once(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = _member_with_history(ctx)
    before = profile.member_view(ctx, card).profile.balance
    dialog = _open_profile(qtbot, window, card)

    type_text(child(dialog, QPlainTextEdit, "noteText"), "颈椎第三节压痛")
    with qtbot.waitSignal(dialog.loaded):
        qtbot.mouseClick(child(dialog, QPushButton, "addNote"), Qt.MouseButton.LeftButton)
    notes = child(dialog, QListWidget, "notes")
    assert notes.count() == 1 and notes.item(0).text().endswith("颈椎第三节压痛")

    assert dialog.care is not None
    points = dialog.care.feedback_points
    child(dialog, QCheckBox, "feedbackReward").setChecked(True)
    type_text(child(dialog, QLineEdit, "feedbackComment"), "很舒服")
    with qtbot.waitSignal(dialog.loaded):
        qtbot.mouseClick(child(dialog, QPushButton, "recordFeedback"), Qt.MouseButton.LeftButton)
    interactions = child(dialog, QTableWidget, "interactions")
    assert interactions.rowCount() == 1
    assert cell_text(interactions, 0, 2) == "很舒服"
    assert cell_text(interactions, 0, 3) == f"+{points}"
    assert f"+{points}" in child(dialog, QLabel, "profileNotice").text()
    assert profile.member_view(ctx, card).profile.balance == before + points

    qtbot.mouseClick(child(dialog, QPushButton, "recordFeedback"), Qt.MouseButton.LeftButton)
    message = child(dialog, QLabel, "profileMessage")
    qtbot.waitUntil(lambda: "已经评价过了" in message.text())
    assert interactions.rowCount() == 1
