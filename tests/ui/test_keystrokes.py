"""How many keys the common sales take, counted on the real window (README "Keystrokes").

Every key goes to where the keyboard is, as the cashier's would; a member's card comes in
by the scanner (its digits and Enter are the scanner's, not counted). A count starts at
the lookup with the member found (or, for a walk-in, at the clean till) and ends with the
Enter that closes the summary, when the till is back at the lookup for the next customer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from spa_pos.models import Payment, Sale
from spa_pos.services import checkout
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from tests.conftest import register
from tests.ui.conftest import activate, child, open_dialogs, wait_dialog

# The most keys each sale may take: the README's "Keystrokes" table.
MEMBER_SERVICE_BY_WECHAT = 8  # F3 a j Enter · F12 W Enter · Enter
WALK_IN_PRODUCT_CASH_WITH_CHANGE = 10  # F3 z y b Enter · F12 5 0 Enter · Enter
SPLIT_WECHAT_AND_CASH = 11  # F3 a j Enter · F12 1 0 0 W Enter · Enter


class Keyboard:
    """The cashier's keyboard: each key goes to the widget with the focus and is counted."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, *keys: Qt.Key | str) -> None:
        for key in keys:
            window = QApplication.activeModalWidget() or QApplication.activeWindow()
            assert window is not None
            activate(self.qtbot, window)
            target = QApplication.focusWidget() or window
            self.qtbot.keyClick(target, key)
            self.count += 1

    def type(self, text: str) -> None:
        self.press(*text)


def scan(qtbot: QtBot, window: MainWindow, code: str) -> None:
    """The scanner types the code and Enter where the keyboard is (not counted)."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClicks(focus, code)
    qtbot.keyClick(focus, Qt.Key.Key_Return)


def payments(ctx: Ctx) -> list[tuple[str, int]]:
    with ctx.db.read() as s:
        return sorted((p.method, p.amount_fen) for p in s.scalars(select(Payment)))


def finish(qtbot: QtBot, window: MainWindow, keys: Keyboard) -> None:
    """The summary is up: Enter closes it and the till waits for the next customer."""
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not open_dialogs(SaleSummaryDialog))
    assert window.member is None and window.tabs.currentWidget() is window.lookup


def test_a_member_service_by_wechat(qtbot: QtBot, window: MainWindow, cashier: Ctx) -> None:
    card = register(cashier, "张三", "13800000001")
    with qtbot.waitSignal(window.member_changed):
        scan(qtbot, window, card)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F3)
    keys.type("aj")
    keys.press(Qt.Key.Key_Return)
    # The cart says what the sale earns: the quote's number, never the window's own.
    earns = checkout.quote(cashier, SaleRequest([("AJ", 1)], member=card)).points_earned
    assert earns == 100
    preview = window.checkout.points_preview
    qtbot.waitUntil(lambda: preview.isVisible() and "100" in preview.text())
    keys.press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PaymentDialog)
    assert "100" in child(dialog, QLabel, "pointsToEarn").text()
    keys.press("W")  # WeChat pays the rest: all of it
    assert dialog.fields["wechat"].text() == "168.00"
    assert dialog.status.text() == "找零 ¥0.00"
    keys.press(Qt.Key.Key_Return)
    summary = wait_dialog(qtbot, SaleSummaryDialog)
    assert child(summary, QLabel, "paid_wechat").text() == "¥168.00"
    finish(qtbot, window, keys)
    assert keys.count <= MEMBER_SERVICE_BY_WECHAT
    assert payments(cashier) == [("wechat", 16800)]
    with cashier.db.read() as s:
        sale = s.scalars(select(Sale)).one()
        assert sale.member is not None and sale.member.card_no == card
        assert sale.points_earned == earns


def test_a_walk_in_product_by_cash_with_change(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F3)
    keys.type("zyb")
    keys.press(Qt.Key.Key_Return)
    assert not window.checkout.points_preview.isVisible()  # a walk-in earns nothing
    keys.press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PaymentDialog)
    assert dialog.findChild(QLabel, "pointsToEarn") is None
    keys.type("50")  # the cash field has the keyboard
    assert dialog.status.text() == "找零 ¥11.00"
    keys.press(Qt.Key.Key_Return)
    summary = wait_dialog(qtbot, SaleSummaryDialog)
    assert child(summary, QLabel, "change").text() == "找零 ¥11.00"
    finish(qtbot, window, keys)
    assert keys.count <= WALK_IN_PRODUCT_CASH_WITH_CHANGE
    assert payments(cashier) == [("cash", 5000)]
    with cashier.db.read() as s:
        sale = s.scalars(select(Sale)).one()
        assert (sale.member_id, sale.due_fen, sale.change_fen) == (None, 3900, 1100)


def test_a_split_payment_wechat_and_cash(qtbot: QtBot, window: MainWindow, cashier: Ctx) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F3)
    keys.type("aj")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PaymentDialog)
    keys.type("100")  # cash
    assert dialog.status.text() == "还差 ¥68.00"
    assert dialog.status.property("role") == "amountShort"  # not the change's green
    keys.press("W")  # WeChat pays what cash left
    assert dialog.fields["wechat"].text() == "68.00"
    assert dialog.status.property("role") == "amount"
    keys.press(Qt.Key.Key_Return)
    summary = wait_dialog(qtbot, SaleSummaryDialog)
    split = [child(summary, QLabel, f"paid_{m}").text() for m in ("cash", "wechat")]
    assert split == ["¥100.00", "¥68.00"]
    finish(qtbot, window, keys)
    assert keys.count <= SPLIT_WECHAT_AND_CASH
    assert payments(cashier) == [("cash", 10000), ("wechat", 6800)]


def test_each_method_key_pays_the_rest_from_anywhere_in_the_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F3)
    keys.type("tbam")
    keys.press(Qt.Key.Key_Return, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PaymentDialog)
    keys.type("28")
    keys.press("A")
    assert dialog.fields["alipay"].text() == "100.00"
    assert dialog.fields["alipay"].hasFocus()
    keys.press("K")  # the card takes what is left: nothing, Alipay keeps its 100
    assert dialog.fields["card"].text() == "0.00"
    # The 补足 buttons are in the Tab order, and a letter works with one focused.
    rests = {child(dialog, QPushButton, f"rest_{m}") for m in dialog.fields}
    for _ in range(len(dialog.fields) + 2 + len(rests)):
        keys.press(Qt.Key.Key_Tab)
        if QApplication.focusWidget() in rests:
            break
    assert QApplication.focusWidget() in rests
    keys.press("C")
    assert dialog.fields["cash"].text() == "28.00"  # what Alipay's 100 left


def test_a_missed_search_is_selected_and_a_tile_gives_the_keyboard_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F3)
    page = window.checkout
    keys.type("qqq")
    keys.press(Qt.Key.Key_Return)
    assert page.notice.isVisible()
    assert page.search.selectedText() == "qqq"
    keys.type("aj")  # the next scan replaces the miss
    assert page.search.text() == "aj"
    keys.press(Qt.Key.Key_Escape)
    tile = child(page, QPushButton, "tile_ZYB")
    assert "ZYB" in [w.text() for w in tile.findChildren(QLabel)]  # tiles show their code
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert page.model.items() == [("ZYB", 1)]
    assert page.search.hasFocus()


def test_f12_on_an_empty_cart_says_why(qtbot: QtBot, window: MainWindow) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F3, Qt.Key.Key_F12)
    page = window.checkout
    assert page.notice.isVisible() and "F12" in page.notice.text()
    assert page.payment is None


def test_the_summary_names_the_referrer_and_p_prints_the_receipt(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    referrer = register(cashier, "李四", "13800000001")
    card = register(cashier, "张三", "13800000002", referrer="13800000001")
    with qtbot.waitSignal(window.member_changed):
        scan(qtbot, window, card)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F3)
    keys.type("aj")
    keys.press(Qt.Key.Key_Return, Qt.Key.Key_F12)
    wait_dialog(qtbot, PaymentDialog)
    keys.press("C", Qt.Key.Key_Return)
    summary = wait_dialog(qtbot, SaleSummaryDialog)
    award = child(summary, QLabel, "referrerAward").text()
    assert "李四" in award and referrer not in award
    with qtbot.waitSignal(window.checkout.print_receipt_requested) as printed:
        keys.press("P")
    assert printed.args == [summary.sale.sale_no]
    assert summary.isVisible()  # Enter still ends the sale
