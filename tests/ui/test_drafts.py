"""A sale is never lost by accident: Esc asks before a full cart is given up, closing the
window keeps the cart, and a window opened after a crash (or a kill) gets the cart back."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import spa_pos
from spa_pos.clock import FixedClock
from spa_pos.services import catalog, drafts
from spa_pos.services.context import Ctx
from spa_pos.services.drafts import Draft, DraftLine
from spa_pos.ui import i18n
from spa_pos.ui.app import build_window
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from tests.conftest import register
from tests.ui.conftest import answer_yes, open_dialogs, press, wait_dialog

Reopen = Callable[[], MainWindow]


@pytest.fixture
def reopen(qtbot: QtBot, cashier: Ctx, translators: i18n.Translators) -> Iterator[Reopen]:
    """Open another window on the same database, as the till does after a restart."""
    opened: list[MainWindow] = []

    def open_window() -> MainWindow:
        main = build_window(cashier, translators)
        qtbot.addWidget(main, before_close_func=lambda _: main.quit())
        main.show()
        with qtbot.waitSignal(main.ready, timeout=10_000):
            main.start()
        opened.append(main)
        return main

    yield open_window
    for main in opened:
        main.quit()
        main.worker.wait_for_done()


def ring_up(qtbot: QtBot, window: MainWindow, *codes: str) -> None:
    press(qtbot, window, Qt.Key.Key_F3)
    for code in codes:
        qtbot.keyClicks(window.checkout.search, code)
        press(qtbot, window, Qt.Key.Key_Return)


def settled(window: MainWindow) -> None:
    """Let the DB worker finish what the window asked of it (the draft saves)."""
    assert window.worker.wait_for_done()
    QApplication.processEvents()


def discard_question(qtbot: QtBot) -> QMessageBox:
    box = wait_dialog(qtbot, QMessageBox)
    default = box.defaultButton()
    assert default is not None and box.buttonRole(default) == QMessageBox.ButtonRole.RejectRole
    return box


def test_every_change_of_the_cart_is_kept_as_the_draft(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    card = register(cashier, "张三", "13800000001")
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    ring_up(qtbot, window, "aj*2", "zyb")
    settled(window)
    assert drafts.stored(cashier) == Draft(
        [DraftLine("AJ", 2, 16800), DraftLine("ZYB", 1, 3900)], card
    )
    press(qtbot, window, Qt.Key.Key_Down)  # into the cart, on the last line
    qtbot.keyClick(window.checkout.table, Qt.Key.Key_Delete)
    settled(window)
    assert drafts.stored(cashier) == Draft([DraftLine("AJ", 2, 16800)], card)


def test_esc_on_a_full_cart_asks_and_enter_or_esc_keeps_it(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    ring_up(qtbot, window, "aj*2", "zyb")
    qtbot.keyClicks(window.checkout.search, "tb")
    press(qtbot, window, Qt.Key.Key_Escape)  # the first Esc clears what is typed
    assert window.checkout.search.text() == ""
    assert window.checkout.discard_box is None
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        press(qtbot, window, Qt.Key.Key_Escape)
        box = discard_question(qtbot)
        assert "3" in box.text()  # 放弃当前购物车（3 件）？
        press(qtbot, box, key)
        qtbot.waitUntil(lambda: not open_dialogs(QMessageBox))
        assert window.checkout.model.items() == [("AJ", 2), ("ZYB", 1)]
    settled(window)
    assert drafts.stored(cashier) is not None


def test_discarding_empties_the_cart_and_its_draft(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    ring_up(qtbot, window, "aj")
    qtbot.mouseClick(window.checkout.clear_button, Qt.MouseButton.LeftButton)
    box = discard_question(qtbot)
    discard = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert window.checkout.model.is_empty()
    settled(window)
    assert drafts.stored(cashier) is None
    qtbot.waitUntil(lambda: not open_dialogs(QMessageBox))
    press(qtbot, window, Qt.Key.Key_Escape)  # nothing left to ask about
    assert not open_dialogs(QMessageBox)


def test_the_sale_takes_the_draft_with_it(qtbot: QtBot, window: MainWindow, cashier: Ctx) -> None:
    ring_up(qtbot, window, "aj")
    qtbot.waitUntil(lambda: window.checkout.due.text() == "¥168.00")
    settled(window)
    assert drafts.stored(cashier) is not None
    press(qtbot, window, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PaymentDialog)
    assert dialog.request.till == drafts.MAIN_TILL
    qtbot.keyClicks(dialog.fields["cash"], "168")
    press(qtbot, dialog, Qt.Key.Key_Return)
    wait_dialog(qtbot, SaleSummaryDialog)
    assert drafts.stored(cashier) is None


def test_closing_the_window_with_a_cart_asks_and_keeps_the_draft(
    qtbot: QtBot, window: MainWindow, cashier: Ctx, reopen: Reopen
) -> None:
    ring_up(qtbot, window, "aj")
    assert not window.close()  # asked first
    assert window.isVisible()
    box = wait_dialog(qtbot, QMessageBox)
    assert box.text() == window.tr("The cart is saved as a draft and comes back next time. Quit?")
    answer_yes(qtbot)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert drafts.stored(cashier) == Draft([DraftLine("AJ", 1, 16800)])
    again = reopen()
    qtbot.waitUntil(lambda: again.checkout.model.items() == [("AJ", 1)])
    assert again.tabs.currentWidget() is again.checkout
    assert again.statusBar().currentMessage() == again.tr(
        "Restored the unfinished cart from last time"
    )


def test_a_window_that_never_closed_leaves_its_cart_to_the_next(
    qtbot: QtBot, window: MainWindow, cashier: Ctx, reopen: Reopen
) -> None:
    """As after a crash: the first window is never closed; the second opens on its data."""
    card = register(cashier, "张三", "13800000001")
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    ring_up(qtbot, window, "zyb*3")
    settled(window)
    again = reopen()
    qtbot.waitUntil(lambda: again.checkout.model.items() == [("ZYB", 3)])
    assert again.member is not None and again.member.card_no == card
    qtbot.waitUntil(lambda: again.checkout.due.text() == "¥117.00")


def test_a_retired_item_is_left_out_of_the_restored_cart_with_a_notice(
    qtbot: QtBot, ctx: Ctx, cashier: Ctx, reopen: Reopen
) -> None:
    drafts.save(cashier, Draft([DraftLine("AJ", 1, 16800), DraftLine("ZYB", 2, 3900)]))
    catalog.edit_item(ctx, "AJ", replace(catalog.find_item(ctx, "AJ").spec(), active=False))
    window = reopen()
    qtbot.waitUntil(lambda: window.checkout.model.items() == [("ZYB", 2)])
    assert window.checkout.notice.isVisible()
    assert window.checkout.notice.text() == "艾灸 ×1 已下架，未恢复到购物车"
    assert window.checkout.due.text() == "¥78.00"
    settled(window)
    assert drafts.stored(cashier) == Draft([DraftLine("ZYB", 2, 3900)])


CHILD = textwrap.dedent(
    """
    import sys
    from datetime import datetime

    from PySide6.QtWidgets import QApplication

    from spa_pos.clock import FixedClock
    from spa_pos.db import Database
    from spa_pos.services.context import Ctx
    from spa_pos.ui import i18n
    from spa_pos.ui.app import CASHIER, build_window, setup_application

    app = QApplication([])
    setup_application(app)
    ctx = Ctx(Database(sys.argv[1]), CASHIER, FixedClock(datetime.fromisoformat(sys.argv[2])))
    window = build_window(ctx, i18n.Translators())

    def ready() -> None:
        window.checkout.add_item(window.checkout.matches("TBAM")[0], 2)
        window.worker.run(lambda _ctx: None, lambda _: print("saved", flush=True))

    window.ready.connect(ready)
    window.show()
    window.start()
    app.exec()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_till_gets_its_cart_back(cashier: Ctx, qtbot: QtBot, reopen: Reopen) -> None:
    assert isinstance(cashier.clock, FixedClock)
    root = Path(spa_pos.__file__).parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, cashier.db.url, cashier.clock.at.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        try:
            assert child.stdout is not None
            started, _, _ = select.select([child.stdout], [], [], 120)
            assert started, "the till did not start"
            assert child.stdout.readline().strip() == "saved"
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    window = reopen()
    qtbot.waitUntil(lambda: window.checkout.model.items() == [("TBAM", 2)])
