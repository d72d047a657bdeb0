"""Registering and editing members: problems shown next to their field as one types."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from spa_pos.services import members
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.member_dialog import MemberDialog
from spa_pos.ui.sign_in import SignedIn
from tests.conftest import register
from tests.ui.conftest import open_dialogs, press, type_text, wait_dialog


def new_member_dialog(qtbot: QtBot, window: MainWindow) -> MemberDialog:
    press(qtbot, window, Qt.Key.Key_F2)
    return wait_dialog(qtbot, MemberDialog)


def shown_error(dialog: MemberDialog, field: str) -> str:
    label = dialog.errors[field]
    return label.text() if label.isVisible() else ""


def test_bad_phone_is_shown_next_to_the_phone_as_it_is_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = new_member_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.validated) as validated:
        qtbot.keyClicks(dialog.phone, "12345")
    assert "11 位" in shown_error(dialog, "phone")
    assert set(validated.args[0]) == {"phone"}  # untouched fields stay quiet
    assert shown_error(dialog, "name") == ""
    assert dialog.phone.property("invalid") is True


def test_duplicate_phone_is_shown_next_to_the_phone(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    register(cashier, "张三", "13800000001")
    dialog = new_member_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClicks(dialog.phone, "13800000001")
    assert "已被其他会员使用" in shown_error(dialog, "phone")


def test_future_birthday_is_shown_next_to_the_birthday(qtbot: QtBot, window: MainWindow) -> None:
    dialog = new_member_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClicks(dialog.birthday, "2030-01-01")
    assert shown_error(dialog, "birthday") == "生日不在合理范围内"
    with qtbot.waitSignal(dialog.validated):
        dialog.birthday.clear()
        qtbot.keyClicks(dialog.birthday, "1985-13-01")
    assert "YYYY-MM-DD" in shown_error(dialog, "birthday")


def test_save_shows_every_problem_and_keeps_the_dialog_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = new_member_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.validated):
        press(qtbot, dialog, Qt.Key.Key_Return)  # Enter is Save
    assert shown_error(dialog, "name") == "请填写姓名"
    assert "11 位" in shown_error(dialog, "phone")
    assert dialog.isVisible()


def test_registering_opens_the_new_member(qtbot: QtBot, window: MainWindow, cashier: Ctx) -> None:
    referrer = register(cashier, "李四", "13800000002")
    dialog = new_member_dialog(qtbot, window)
    type_text(dialog.name, "张三")
    qtbot.keyClicks(dialog.phone, "13800000001")
    qtbot.keyClicks(dialog.birthday, "1986-03-22")
    qtbot.keyClicks(dialog.referrer, referrer)
    type_text(dialog.health, "失眠调理")
    with qtbot.waitSignal(window.member_changed):
        press(qtbot, dialog, Qt.Key.Key_Return)
    assert window.member is not None
    p = window.member.profile
    assert (p.name, p.phone, p.referrer, p.health_needs, p.health_hidden) == (
        "张三",
        "138****0001",  # the window shows phones masked
        "李四",
        "",  # a cashier types health needs in but does not get them back
        True,
    )
    with cashier.db.read() as s:
        member = members.find_one(s, "13800000001")
        assert (member.name, member.health_needs) == ("张三", "失眠调理")


def test_editing_keeps_the_members_own_phone_valid(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    card = register(cashier, "张三", "13800000001")
    window.signed_in(SignedIn(Actor("小周", "therapist"), 0))  # may see and edit notes
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    assert window.member is not None and window.member.profile.phone == "138****0001"
    window.edit_member()
    dialog = wait_dialog(qtbot, MemberDialog)
    qtbot.waitUntil(lambda: dialog.phone.text() == "13800000001")  # whole, for editing
    assert dialog.phone.isEnabled() and dialog.live.button.isEnabled()
    dialog.notes.setText("喜欢力度轻一些")
    dialog.name.setFocus()
    dialog.name.end(False)
    with qtbot.waitSignal(dialog.validated):
        type_text(dialog.name, "四")  # 张三 -> 张三四
    assert shown_error(dialog, "phone") == ""
    with qtbot.waitSignal(window.member_changed):
        press(qtbot, dialog, Qt.Key.Key_Return)
    assert window.member is not None
    assert (window.member.profile.name, window.member.profile.notes) == ("张三四", "喜欢力度轻一些")


def test_marketing_consent_is_unticked_until_the_member_agrees(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    dialog = new_member_dialog(qtbot, window)
    assert not dialog.consent.isChecked()
    type_text(dialog.name, "张三")
    qtbot.keyClicks(dialog.phone, "13800000001")
    with qtbot.waitSignal(window.member_changed):
        press(qtbot, dialog, Qt.Key.Key_Return)
    assert window.member is not None and not window.member.profile.marketing_consent


def test_save_shows_every_problem_at_once_and_focuses_the_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = new_member_dialog(qtbot, window)
    qtbot.keyClicks(dialog.birthday, "1985-13-01")  # one the form itself cannot read
    dialog.referrer.setFocus()
    with qtbot.waitSignal(dialog.validated) as validated:
        dialog.save()
    assert set(validated.args[0]) == {"name", "phone", "birthday"}
    assert shown_error(dialog, "name") == "请填写姓名"
    assert "11 位" in shown_error(dialog, "phone")
    assert "YYYY-MM-DD" in shown_error(dialog, "birthday")
    qtbot.waitUntil(dialog.name.hasFocus)


def test_a_phone_another_member_has_offers_to_open_them(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    card = register(cashier, "张三", "13800000001")
    dialog = new_member_dialog(qtbot, window)
    offer = dialog.open_duplicate
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClicks(dialog.phone, "13800000001")
    qtbot.waitUntil(offer.isVisible)
    assert "张三" in offer.text() and card in offer.text()
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not offer.isVisible())  # 1380000000 is nobody's
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClicks(dialog.phone, "1")
    qtbot.waitUntil(offer.isVisible)
    with qtbot.waitSignal(window.member_changed):
        qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert window.member is not None and window.member.card_no == card
    assert not open_dialogs(MemberDialog)


def test_a_cashier_edits_without_the_health_fields_and_keeps_them(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    card = register(cashier, "张三", "13800000001", health_needs="失眠调理", notes="怕冷")
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    window.edit_member()
    dialog = wait_dialog(qtbot, MemberDialog)
    qtbot.waitUntil(lambda: dialog.phone.text() == "13800000001")
    hidden = QCoreApplication.translate("MemberDialog", "Authorised staff only")
    for field in (dialog.health, dialog.notes):
        assert (field.isEnabled(), field.text(), field.placeholderText()) == (False, "", hidden)
    dialog.name.setFocus()
    dialog.name.end(False)
    with qtbot.waitSignal(dialog.validated):
        type_text(dialog.name, "四")
    with qtbot.waitSignal(window.member_changed):
        press(qtbot, dialog, Qt.Key.Key_Return)
    with cashier.db.read() as s:
        member = members.find_one(s, card)
        assert (member.name, member.health_needs, member.notes) == ("张三四", "失眠调理", "怕冷")
