"""Import and export (数据导入导出) from the manage tab: the dry run lists a bad row with its
line and reason and imports nothing; an unknown column is mapped; a good file is imported
with the manager PIN and a progress bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from spa_pos.services import members, staff
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.imports import catalog as catalog_import
from spa_pos.services.imports import members as member_import
from spa_pos.ui.import_dialog import ImportDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from tests.services.test_imports import write_csv
from tests.ui.conftest import MANAGER_PIN, cell_text, open_dialogs, press, sign_in, wait_dialog


def open_import(qtbot: QtBot, window: MainWindow) -> ImportDialog:
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.mouseClick(window.manage.data, Qt.MouseButton.LeftButton)
    return wait_dialog(qtbot, ImportDialog)


def count(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return members.count(s)


def test_the_dry_run_shows_the_bad_row_and_imports_nothing(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "members.csv",
        [
            ["姓名", "手机", "积分", "等级"],
            ["张三", "13800000001", "100", "金卡"],
            ["李四", "1380000", "50", ""],
            ["王五", "13800000003", "", ""],
        ],
        "gbk",
    )
    dialog = open_import(qtbot, window)
    dialog.choose(str(path))
    qtbot.waitUntil(lambda: dialog.errors.rowCount() == 1)
    assert cell_text(dialog.errors, 0, 0) == "3"
    assert cell_text(dialog.errors, 0, 1) == "手机号应为 11 位大陆手机号（1 开头）"
    assert dialog.preview is not None and dialog.preview.rows == 3
    assert dialog.summary.property("role") == "error"
    assert not dialog.import_button.isEnabled()
    columns = [cell_text(dialog.columns, r, 0) for r in range(dialog.columns.rowCount())]
    assert columns == ["姓名", "手机", "积分", "等级"]
    grade = dialog.columns.cellWidget(3, 1)
    assert isinstance(grade, QComboBox) and grade.currentData() == ""
    assert count(ctx) == 0


def test_an_unknown_column_is_mapped_then_the_file_imported_with_the_pin(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "members.csv",
        [["客户", "手机", "积分"], ["张三", "13800000001", "100"], ["李四", "13800000002", ""]],
    )
    dialog = open_import(qtbot, window)
    dialog.choose(str(path))
    qtbot.waitUntil(lambda: dialog.errors.rowCount() == 1)
    assert cell_text(dialog.errors, 0, 1) == "缺少必需的列: 姓名"
    combo = dialog.columns.cellWidget(0, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("name"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert dialog.errors.rowCount() == 0
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        press(qtbot, pin, Qt.Key.Key_Return)
    assert done.args[0].imported == 2
    assert dialog.progress.value() == 100
    assert "members.csv" in dialog.summary.text()
    with ctx.db.read() as s:
        assert members.find_one(s, "13800000001").points_balance == 100
    dialog.choose(str(path))  # the same file again
    qtbot.waitUntil(lambda: "不能重复导入" in dialog.summary.text())
    assert not dialog.import_button.isEnabled()


def test_every_field_a_column_can_be_mapped_to_is_named_for_the_owner(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The mapping combo never shows a field's internal name (course_left ...)."""
    dialog = open_import(qtbot, window)
    for kind, fields in (("members", member_import.FIELDS), ("catalog", catalog_import.FIELDS)):
        for field in fields:
            assert dialog.field_label(kind, field.name) != field.name, (kind, field.name)


def test_an_imported_price_list_is_on_the_till_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The till's category buttons and items follow the import, no restart needed."""
    path = write_csv(
        tmp_path / "prices.csv",
        [["编码", "名称", "类别", "价格"], ["JJ01", "肩颈推拿", "肩颈", "168"]],
    )
    dialog = open_import(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("catalog"))
    dialog.choose(str(path))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [i.code for i in window.checkout.matches("jj01")] == ["JJ01"])
    assert "肩颈" in [b.text() for b in window.checkout.chip_group.buttons()]


def test_the_cashier_exports_with_the_manager_pin(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_import(qtbot, window)
    dialog.export_to("catalog", tmp_path / "catalog.xlsx")
    pin = wait_dialog(qtbot, ManagerPinDialog)
    assert not (tmp_path / "catalog.xlsx").exists()
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "catalog.xlsx" in dialog.summary.text())
    assert (tmp_path / "catalog.xlsx").exists()


def test_a_signed_in_manager_exports_without_a_pin(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    """`export_data` is the manager's own: only the person who may not is asked."""
    staff.add(ctx, "李店长", "manager", "97531357")
    window.sign_out()
    sign_in(qtbot, window, Actor("李店长", "manager"))
    dialog = open_import(qtbot, window)
    for what in ("members", "catalog", "sales"):
        file = f"{what}.xlsx"
        dialog.export_to(what, tmp_path / file)
        qtbot.waitUntil(lambda: file in dialog.summary.text())  # noqa: B023 (waited for here)
        assert not open_dialogs(ManagerPinDialog)
        assert (tmp_path / file).exists()
