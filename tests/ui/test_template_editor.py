"""编辑模板 from 会员关怀 after the manager PIN: the fields of a kind inserted by a click,
the sample member's message rendered by the service as one types, a field the kind does
not have refused with the service's own sentence (nothing saved), and a saved wording
used by the next messages the reminders job queues."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.services import jobs, outreach, settings
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.member_care import MemberCareDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.template_editor import TemplateDialog
from tests.services.test_jobs_reminders import buy, join, local
from tests.ui.conftest import MANAGER_PIN, child, press, type_text, wait_dialog


def open_editor(qtbot: QtBot, window: MainWindow) -> TemplateDialog:
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.mouseClick(child(window.manage, QPushButton, "openMemberCare"), Qt.MouseButton.LeftButton)
    care = wait_dialog(qtbot, MemberCareDialog)
    qtbot.mouseClick(care.templates, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    editor = wait_dialog(qtbot, TemplateDialog)
    editor.kinds.setCurrentIndex(editor.kinds.findData("dormant"))
    return editor


def click(qtbot: QtBot, editor: TemplateDialog, field: str) -> None:
    qtbot.mouseClick(editor.field_buttons[field], Qt.MouseButton.LeftButton)


def test_an_unknown_field_is_refused_with_the_services_reason_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    editor = open_editor(qtbot, window)
    assert editor.text.toPlainText() == outreach.DEFAULT_TEMPLATES["dormant"]
    assert list(editor.field_buttons) == list(outreach.FIELDS["dormant"])
    editor.text.setPlainText("{姓名}您好，{电话}")
    with pytest.raises(DomainError) as refused:
        outreach.sample("dormant", "{姓名}您好，{电话}", "测试理疗馆")
    assert editor.preview.text() == str(refused.value)  # {电话} named, the allowed listed
    assert "{电话}" in editor.preview.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text() == str(refused.value))
    assert outreach.template_texts(ctx)["dormant"] == outreach.DEFAULT_TEMPLATES["dormant"]


def test_a_template_built_by_clicks_is_previewed_saved_and_used_by_the_outbox(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    editor = open_editor(qtbot, window)
    editor.text.clear()
    click(qtbot, editor, "姓名")
    type_text(editor.text, "，")
    click(qtbot, editor, "诊所")
    type_text(editor.text, "想您了！您有")
    click(qtbot, editor, "积分")
    type_text(editor.text, "分。")
    wording = "{姓名}，{诊所}想您了！您有{积分}分。"
    assert editor.text.toPlainText() == wording
    assert editor.preview.text() == "王丽，测试理疗馆想您了！您有1280分。"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outreach.template_texts(ctx)["dormant"] == wording)
    assert not editor.save_button.isEnabled()  # nothing left to save

    join(ctx, "张三", "13800000001")
    buy(ctx, "13800000001", local(2025, 12, 1), "AJ", 16800)
    clock.at = local(2026, 3, 10)
    jobs.run_job(ctx, "reminders")
    assert [m.text for m in outreach.messages(ctx, kind="dormant")] == [
        "张三，测试理疗馆想您了！您有100分。"
    ]


def test_in_english_the_editor_edits_the_english_templates_with_english_fields(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    chinese = "{姓名}，{诊所}想您了！"
    outreach.set_template(ctx, "dormant", chinese)
    settings.update(ctx, message_language="en")
    editor = open_editor(qtbot, window)
    english = editor.tr("English")
    assert editor.language_label.text() == editor.tr("Messages are written in {language}").format(
        language=english
    )
    assert editor.text.toPlainText() == outreach.ENGLISH_TEMPLATES["dormant"]
    assert list(editor.field_buttons) == ["name", "points", "clinic"]
    editor.text.clear()
    click(qtbot, editor, "name")
    type_text(editor.text, ", ")
    click(qtbot, editor, "clinic")
    type_text(editor.text, " misses you: ")
    click(qtbot, editor, "points")
    type_text(editor.text, " points.")
    wording = "{name}, {clinic} misses you: {points} points."
    assert editor.text.toPlainText() == wording
    assert editor.preview.text() == "王丽, 测试理疗馆 misses you: 1280 points."
    editor.text.setPlainText("{name}, {phone}")
    assert "{name} {points} {clinic}" in editor.preview.text()  # the allowed, in English
    editor.text.setPlainText(wording)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outreach.template_texts(ctx)["dormant"] == wording)
    assert outreach.template_texts(ctx, "zh_CN")["dormant"] == chinese  # untouched
    qtbot.mouseClick(editor.default_button, Qt.MouseButton.LeftButton)
    assert editor.text.toPlainText() == outreach.ENGLISH_TEMPLATES["dormant"]
