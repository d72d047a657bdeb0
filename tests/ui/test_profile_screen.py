"""The profile dialog (会员画像), opened from the member panel: the timeline, suggestions,
consultation notes and feedback after a visit."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, Qt
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
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.members import MemberForm
from spa_pos.ui.app import CASHIER
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.privacy_dialog import EraseDialog
from spa_pos.ui.profile_screen import ProfileDialog
from spa_pos.ui.sign_in import SignedIn
from tests.conftest import START
from tests.ui.conftest import MANAGER_PIN, cell_text, child, type_text, wait_dialog

THERAPIST = Actor("小周", "therapist")
MANAGER = Actor("张店长", "manager")


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


def _open_profile(
    qtbot: QtBot, window: MainWindow, card: str, actor: Actor = THERAPIST
) -> ProfileDialog:
    """The profile as `actor` (a therapist, who may see health needs and notes)."""
    window.signed_in(SignedIn(actor, 0))
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


# --- privacy: health notes kept from a cashier, export and erasure on request ----------------


def test_a_cashier_sees_neither_health_needs_nor_consultation_notes(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = _member_with_history(ctx)
    profile.add_note(ctx, card, "颈椎第三节压痛")
    dialog = _open_profile(qtbot, window, card, CASHIER)
    assert dialog.care is not None and dialog.care.health_hidden
    hidden = QCoreApplication.translate("ProfileDialog", "Authorised staff only")
    assert child(dialog, QLabel, "healthNeeds").text() == hidden
    notes = child(dialog, QListWidget, "notes")
    assert [notes.item(i).text() for i in range(notes.count())] == [hidden]


def test_a_manager_exports_the_members_data(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    card = _member_with_history(ctx)
    dialog = _open_profile(qtbot, window, card, MANAGER)
    notice = child(dialog, QLabel, "profileNotice")
    dialog.export_to(tmp_path / "member.xlsx")
    qtbot.waitUntil(notice.isVisible)
    sheet = load_workbook(tmp_path / "member.xlsx")["积分 ledger"]
    ledger = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sum(int(str(points)) for _at, _kind, _rule, points, *_ in ledger) == (
        profile.show(ctx, card).balance
    )


def test_erasing_needs_the_card_number_typed_and_a_managers_pin(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    card = _member_with_history(ctx)
    balance = profile.show(ctx, card).balance
    dialog = _open_profile(qtbot, window, card, CASHIER)
    qtbot.mouseClick(child(dialog, QPushButton, "eraseMember"), Qt.MouseButton.LeftButton)
    erase = wait_dialog(qtbot, EraseDialog)
    type_text(erase.reason, "会员本人书面申请")
    type_text(child(erase, QLineEdit, "confirmCard"), card[:-1])
    assert not erase.ok.isEnabled()  # not the card number yet
    type_text(child(erase, QLineEdit, "confirmCard"), card[-1])
    assert erase.ok.isEnabled()
    qtbot.mouseClick(erase.ok, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)  # a cashier may not: the manager approves
    assert profile.show(ctx, card).name == "张三"
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(pin.ok, Qt.MouseButton.LeftButton)
    shown = profile.show(ctx, card)
    assert shown.erased and shown.name.startswith("已注销会员") and shown.balance == balance
    assert dialog.care is not None and dialog.care.name == shown.name
    assert not child(dialog, QPushButton, "eraseMember").isEnabled()
