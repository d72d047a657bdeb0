"""Languages: switching at run time, the system default, and complete catalogs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from spa_pos.services import checkout, jobs
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.ui import i18n
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import MANAGER_PIN, message_texts, press, wait_dialog

UI_SOURCES = sorted(str(p) for p in Path(i18n.__file__).parent.glob("*.py"))
TOOLS = Path(sys.executable).parent


def choose_language(qtbot: QtBot, window: MainWindow, code: str) -> None:
    press(qtbot, window, Qt.Key.Key_F9)
    dialog = wait_dialog(qtbot, SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    press(qtbot, dialog, Qt.Key.Key_Return)
    pin = wait_dialog(qtbot, ManagerPinDialog)  # settings are a manager's
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)


def test_switching_language_changes_the_visible_labels(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    def tab_text() -> str:
        return window.tabs.tabText(0)

    assert tab_text() == "会员查询  F1"
    choose_language(qtbot, window, i18n.EN)
    qtbot.waitUntil(lambda: tab_text() == "Member lookup  F1")
    assert window.lookup.new_button.text() == "New member (F2)"
    assert window.checkout.pay_button.text() == "Pay (F12)"
    with cashier.db.read() as s:
        assert settings_svc.detail(s, "language") == i18n.EN
    choose_language(qtbot, window, i18n.ZH_CN)
    qtbot.waitUntil(lambda: tab_text() == "会员查询  F1")
    assert window.checkout.pay_button.text() == "结账 (F12)"


def test_the_english_window_shows_refusals_in_english(qtbot: QtBot, window: MainWindow) -> None:
    choose_language(qtbot, window, i18n.EN)
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Member lookup  F1")
    with qtbot.waitSignal(window.error_shown) as shown:
        qtbot.keyClicks(window.lookup.search, "89999999")
        qtbot.keyClick(window.lookup.search, Qt.Key.Key_Return)
    assert shown.args[0] == "No member 89999999 (use the phone or card number)"
    assert shown.args[0] in message_texts()


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("en", "zh_CN", "en"),
        ("zh_CN", "en_US", "zh_CN"),
        ("", "zh_TW", "zh_CN"),
        ("", "en_GB", "en"),
        ("", "de_DE", "zh_CN"),
        ("", "C", "zh_CN"),
    ],
)
def test_language_follows_the_setting_then_the_system_then_chinese(
    setting: str, system: str, expected: str
) -> None:
    assert i18n.resolve(setting, QLocale(system)) == expected


def test_chinese_names_are_the_services_own(translators: i18n.Translators) -> None:
    translators.apply(i18n.ZH_CN)
    assert {m: i18n.method_name(m) for m in checkout.METHOD_NAMES} == checkout.METHOD_NAMES
    assert {r: i18n.rule_name(r) for r in checkout.RULE_NAMES} == checkout.RULE_NAMES
    assert {j: i18n.job_title(j) for j in jobs.JOB_TITLES} == jobs.JOB_TITLES
    translators.apply(i18n.EN)
    assert i18n.method_name("wechat") == "WeChat Pay"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate", path=str(TOOLS)) is None, reason="pyside6-lupdate not installed"
)
def test_every_string_in_the_code_has_a_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), "-silent", *UI_SOURCES, "-ts", str(fresh)], check=True
    )
    in_code = set(_messages(fresh))
    for language in i18n.LANGUAGES:
        shipped = _messages(i18n.translations_dir() / f"spa_pos_{language}.ts")
        missing = sorted(
            k
            for k in in_code
            if k not in shipped
            or not (shipped[k].findtext("translation") or "")
            or shipped[k].find("translation[@type]") is not None
        )
        assert not missing, f"{language}: run pyside6-lupdate and translate {missing}"


@pytest.mark.skipif(
    shutil.which("pyside6-lrelease", path=str(TOOLS)) is None,
    reason="pyside6-lrelease not installed",
)
@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_shipped_qm_files_are_compiled_from_the_ts_files(tmp_path: Path, language: str) -> None:
    source = i18n.translations_dir() / f"spa_pos_{language}.ts"
    compiled = tmp_path / "out.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(source), "-qm", str(compiled)], check=True
    )
    shipped = source.with_suffix(".qm")
    assert compiled.read_bytes() == shipped.read_bytes(), f"run pyside6-lrelease on {source}"


def test_qts_own_dialogs_speak_the_windows_language_and_look_like_it(
    qtbot: QtBot, translators: i18n.Translators
) -> None:
    """Message boxes and the folder picker: Qt's translations, from the PySide6 wheel,
    follow the window's language; the pickers are Qt's (styled by the app's style sheet),
    not the system's."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (qt_dir / "qtbase_zh_CN.qm").is_file()
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    for language, yes, look_in in (
        (i18n.ZH_CN, "是(&Y)", "查找范围："),
        (i18n.EN, "&Yes", "Look in:"),
    ):
        translators.apply(language)
        box = QMessageBox(QMessageBox.Icon.Question, "", "", yes_no)
        qtbot.addWidget(box)
        button = box.button(QMessageBox.StandardButton.Yes)
        assert button is not None and button.text() == yes
        assert QCoreApplication.translate("QFileDialog", "Look in:") == look_in
