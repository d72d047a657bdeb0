"""The reception window and every dialog it opens fit the tills people have: a 1024×768
screen (a dialog also leaves room for a 40 px taskbar), in Chinese and in English.

Each dialog is opened the way the cashier opens it, with real data; its smallest size
(what its layout allows) and the size it opens at (its size hint, or the size it asked
for within the screen) must fit. The tests' screen is a till's (tests/conftest.py)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import spa_pos.ui
from spa_pos import paths
from spa_pos.services import adjustments, checkout, member_list, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.ui import i18n, style
from spa_pos.ui.about_dialog import AboutDialog
from spa_pos.ui.adjust_dialog import AdjustDialog, CancelVoucherDialog, _ReasonDialog
from spa_pos.ui.audit_screen import AuditDialog
from spa_pos.ui.backup_dialog import BackupDialog
from spa_pos.ui.catalog_screen import CatalogDialog, ItemDialog
from spa_pos.ui.dashboard import DashboardDialog
from spa_pos.ui.day_close import DayCloseDialog
from spa_pos.ui.events_screen import EventsDialog
from spa_pos.ui.import_dialog import ImportDialog
from spa_pos.ui.keys_dialog import KeysExportDialog, KeysImportDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.member_care import MemberCareDialog
from spa_pos.ui.member_dialog import MemberDialog
from spa_pos.ui.member_list import CouponDialog, MemberListDialog, MessageDialog
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from spa_pos.ui.pin_dialog import ChangePinDialog, ManagerPinDialog
from spa_pos.ui.price_dialog import PriceDialog
from spa_pos.ui.privacy_dialog import EraseDialog
from spa_pos.ui.profile_screen import ProfileButton, ProfileDialog
from spa_pos.ui.promotions_dialog import PromotionsDialog
from spa_pos.ui.redeem import VoucherDialog
from spa_pos.ui.restore_dialog import RestoreDialog
from spa_pos.ui.rewards_screen import RestockDialog, RewardDialog, RewardsDialog
from spa_pos.ui.rules_dialog import RulesDialog
from spa_pos.ui.scheme_review_screen import SchemeReviewDialog
from spa_pos.ui.server_dialog import ServerDialog
from spa_pos.ui.settings_dialog import SettingsDialog
from spa_pos.ui.sign_in import SignInDialog
from spa_pos.ui.template_editor import TemplateDialog
from spa_pos.ui.therapist_report import TherapistReportDialog
from spa_pos.ui.widgets import TASKBAR, WINDOW_FRAME, ElidedLabel, open_dialog
from spa_pos.ui.wizard import SetupWizard
from tests.conftest import register
from tests.ui.conftest import MANAGER_PIN, child, press, wait_dialog

SCREEN = QSize(1024, 768)
# A taskbar takes the bottom 40 px; the window manager's title bar and borders, some more.
DIALOG_ROOM = SCREEN - TASKBAR - WINDOW_FRAME
LONG_NAME = "欧阳慧敏·Alexandra Konstantinopoulou"


def fits(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def smallest(widget: QWidget) -> QSize:
    """The smallest size the widget can be given: its layout's minimum, or what was set."""
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


@pytest.fixture(params=[i18n.ZH_CN, i18n.EN])
def language(request: pytest.FixtureRequest, ctx: Ctx, cashier: Ctx) -> str:
    """Both languages the window speaks (English strings run longer); the owner sets it."""
    settings_svc.update(ctx, language=request.param)
    return str(request.param)


def as_manager(qtbot: QtBot, window: MainWindow, open_it: Callable[[], None]) -> None:
    open_it()
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)


def member_on_sale(qtbot: QtBot, window: MainWindow, ctx: Ctx, points: int = 0) -> str:
    card = register(ctx, LONG_NAME, "13800000001")
    if points:
        adjustments.adjust(ctx, card, points, "测试")
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    return card


def _member_new(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    press(qtbot, window, Qt.Key.Key_F2)
    return wait_dialog(qtbot, MemberDialog)


def _member_edit(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    member_on_sale(qtbot, window, ctx)
    window.edit_member()
    return wait_dialog(qtbot, MemberDialog)


def _profile(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    member_on_sale(qtbot, window, ctx)
    press(qtbot, window, Qt.Key.Key_F1)
    [button] = [b for b in window.findChildren(ProfileButton) if b.isVisible()]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, ProfileDialog)
    qtbot.waitSignal(dialog.loaded, timeout=10_000)
    return dialog


def _shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    open_dialog(dialog)
    return dialog


def _member_care(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    press(qtbot, window, Qt.Key.Key_F7)
    [opener] = [b for b in window.manage.findChildren(QWidget, "openMemberCare")]
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    return wait_dialog(qtbot, MemberCareDialog)


def _template_editor(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    care = _member_care(qtbot, window, ctx)
    assert isinstance(care, MemberCareDialog)
    as_manager(qtbot, window, care.templates.click)
    return wait_dialog(qtbot, TemplateDialog)


def _member_list(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    return _shown(qtbot, MemberListDialog(window.worker, ctx, member_list.choices(ctx), window))


def _dashboard(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    return _shown(
        qtbot, DashboardDialog(window.worker, window.printing, ctx.clock.now().date(), window)
    )


def _simple(kind: Callable[..., QDialog]) -> Opener:
    """A dialog that needs only the database worker (or nothing) to open."""

    def open_it(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
        try:
            return _shown(qtbot, kind(window.worker, parent=window))
        except TypeError:
            return _shown(qtbot, kind(parent=window))

    return open_it


def _coupon(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    return _shown(qtbot, CouponDialog(member_list.choices(ctx).rewards, window))


def _settings(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    press(qtbot, window, Qt.Key.Key_F9)
    return wait_dialog(qtbot, SettingsDialog)


def _settings_network_printer(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    """The tallest form: a network printer shows its address and port fields."""
    dialog = _settings(qtbot, window, ctx)
    assert isinstance(dialog, SettingsDialog)
    kind = dialog.printer.kind
    kind.setCurrentIndex(kind.findData("network"))
    return dialog


def _change_pin(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    settings = _settings(qtbot, window, ctx)
    assert isinstance(settings, SettingsDialog)
    settings.open_change_pin()
    return wait_dialog(qtbot, ChangePinDialog)


def _manager_pin(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    window.manage.open_rules()
    return wait_dialog(qtbot, ManagerPinDialog)


def _sign_in(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    window.sign_out()
    return wait_dialog(qtbot, SignInDialog)


def _adjust(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    card = register(ctx, "张三", "13800000001")
    window.open_member(card)
    qtbot.waitUntil(lambda: window.member is not None)
    window.adjust_points(card)
    return wait_dialog(qtbot, AdjustDialog)


def _erase(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    profile = _profile(qtbot, window, ctx)
    assert isinstance(profile, ProfileDialog)
    return profile.ask_erase()


def _cancel_voucher(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    window.cancel_voucher("V-TEST", "10元优惠券")
    return wait_dialog(qtbot, CancelVoucherDialog)


def _payment(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    member_on_sale(qtbot, window, ctx)
    for item in window.checkout.matches("")[:6]:
        window.checkout.add_item(item)
    press(qtbot, window, Qt.Key.Key_F12)
    return wait_dialog(qtbot, PaymentDialog)


def _price(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    window.checkout.add_item(window.checkout.matches("")[0])
    window.checkout.ask_price(0)
    return wait_dialog(qtbot, PriceDialog)


def _sale_summary(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    card = member_on_sale(qtbot, window, ctx)
    items = [(item.code, 1) for item in window.checkout.matches("")[:4]]
    due = checkout.quote(ctx, SaleRequest(items=items, member=card)).due_fen
    result = checkout.sell(
        ctx, SaleRequest(items=items, member=card, payments=[("cash", due - 100), ("card", 100)])
    )
    return open_dialog(SaleSummaryDialog(result, window))


def _voucher(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    card = member_on_sale(qtbot, window, ctx, points=100_000)
    reward = max(window.rewards, key=lambda r: len(r.name))
    return open_dialog(VoucherDialog(vouchers.redeem(ctx, card, reward.code), window))


def _day_close(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    press(qtbot, window, Qt.Key.Key_F6)
    return wait_dialog(qtbot, DayCloseDialog)


def _backup(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    press(qtbot, window, Qt.Key.Key_F10)
    return wait_dialog(qtbot, BackupDialog)


def _restore(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    window.manage.open_restore()
    return wait_dialog(qtbot, RestoreDialog)


def _rules(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    as_manager(qtbot, window, window.manage.open_rules)
    return wait_dialog(qtbot, RulesDialog)


def _scheme_review(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    as_manager(qtbot, window, window.manage.open_review)
    return wait_dialog(qtbot, SchemeReviewDialog)


def _catalog(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    as_manager(qtbot, window, window.manage.open_catalog)
    dialog = wait_dialog(qtbot, CatalogDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    return dialog


def _item(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    screen = _catalog(qtbot, window, ctx)
    assert isinstance(screen, CatalogDialog)
    screen.table.selectRow(0)
    screen.edit_selected()
    return wait_dialog(qtbot, ItemDialog)


def _rewards(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    as_manager(qtbot, window, window.manage.open_rewards)
    dialog = wait_dialog(qtbot, RewardsDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    return dialog


def _reward(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    screen = _rewards(qtbot, window, ctx)
    assert isinstance(screen, RewardsDialog)
    screen.table.selectRow(0)
    screen.edit_selected()
    return wait_dialog(qtbot, RewardDialog)


def _restock(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    screen = _rewards(qtbot, window, ctx)
    assert isinstance(screen, RewardsDialog)
    screen.table.selectRow(0)
    screen.restock_selected()
    return wait_dialog(qtbot, RestockDialog)


def _promotions(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    as_manager(qtbot, window, window.manage.open_promotions)
    return wait_dialog(qtbot, PromotionsDialog)


def _import(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    window.manage.open_import()
    return wait_dialog(qtbot, ImportDialog)


def _audit(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    as_manager(qtbot, window, window.manage.open_audit)
    dialog = wait_dialog(qtbot, AuditDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    return dialog


def _therapist_report(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    window.tabs.setCurrentWidget(window.manage_tab)
    child(window.manage, QPushButton, "openTherapistReport").click()
    return wait_dialog(qtbot, TherapistReportDialog)


def _server(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    as_manager(qtbot, window, window.manage.open_server)
    return wait_dialog(qtbot, ServerDialog)


def _export_keys(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    as_manager(qtbot, window, window.manage.open_export_keys)
    return wait_dialog(qtbot, KeysExportDialog)


def _wizard(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> QDialog:
    return open_dialog(SetupWizard(catalog_empty=True, parent=window))


Opener = Callable[[QtBot, MainWindow, Ctx], QDialog]
DIALOGS: dict[str, Opener] = {
    "member_new": _member_new,
    "profile": _profile,
    "member_care": _member_care,
    "template_editor": _template_editor,
    "member_list": _member_list,
    "dashboard": _dashboard,
    "events": _simple(EventsDialog),
    "about": _simple(AboutDialog),
    "therapist_report": _therapist_report,
    "coupon": _coupon,
    "message": _simple(MessageDialog),
    "member_edit": _member_edit,
    "settings": _settings,
    "settings_network_printer": _settings_network_printer,
    "change_pin": _change_pin,
    "manager_pin": _manager_pin,
    "payment": _payment,
    "price": _price,
    "sale_summary": _sale_summary,
    "voucher": _voucher,
    "day_close": _day_close,
    "backup": _backup,
    "restore": _restore,
    "rules": _rules,
    "scheme_review": _scheme_review,
    "catalog": _catalog,
    "item": _item,
    "rewards": _rewards,
    "reward": _reward,
    "restock": _restock,
    "promotions": _promotions,
    "import": _import,
    "audit": _audit,
    "wizard": _wizard,
    "server": _server,
    "export_keys": _export_keys,
    "import_keys": _simple(KeysImportDialog),
    "sign_in": _sign_in,
    "adjust": _adjust,
    "cancel_voucher": _cancel_voucher,
    "erase": _erase,
}


def every_dialog_class() -> set[type[Any]]:
    """Every dialog the app defines (subclasses of QDialog in spa_pos.ui), every screen
    module imported first (many load lazily)."""
    for module in pkgutil.iter_modules(spa_pos.ui.__path__):
        importlib.import_module(f"spa_pos.ui.{module.name}")
    found: set[type[Any]] = set()
    pending: list[type[Any]] = [QDialog]
    while pending:
        kind = pending.pop()
        for sub in kind.__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("spa_pos.ui."):
                found.add(sub)
    return found


def test_the_list_below_opens_every_dialog_the_app_has() -> None:
    opened = {
        MemberDialog,
        SettingsDialog,
        ChangePinDialog,
        ManagerPinDialog,
        PaymentDialog,
        PriceDialog,
        SaleSummaryDialog,
        VoucherDialog,
        DayCloseDialog,
        BackupDialog,
        RestoreDialog,
        RulesDialog,
        CatalogDialog,
        ItemDialog,
        RewardsDialog,
        RewardDialog,
        RestockDialog,
        PromotionsDialog,
        ImportDialog,
        SetupWizard,
        ProfileDialog,
        SignInDialog,
        AdjustDialog,
        CancelVoucherDialog,
        EraseDialog,
        _ReasonDialog,  # their base
        AboutDialog,
        DashboardDialog,
        EventsDialog,
        MemberCareDialog,
        MemberListDialog,
        CouponDialog,
        MessageDialog,
        TherapistReportDialog,
        AuditDialog,
        SchemeReviewDialog,
        TemplateDialog,
        ServerDialog,
        KeysExportDialog,
        KeysImportDialog,
    }
    assert every_dialog_class() <= opened


@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_dialog_fits_a_1024x768_screen(
    qtbot: QtBot, language: str, window: MainWindow, ctx: Ctx, name: str
) -> None:
    """`ctx` (the owner) puts in the data a dialog shows; the till opens the dialog."""
    dialog = DIALOGS[name](qtbot, window, ctx)
    QApplication.processEvents()
    assert fits(smallest(dialog), DIALOG_ROOM), (name, smallest(dialog))
    assert fits(dialog.size(), DIALOG_ROOM), (name, dialog.size())


def test_the_window_fits_1024x768_on_every_screen_with_a_long_name(
    qtbot: QtBot, language: str, window: MainWindow, cashier: Ctx
) -> None:
    member_on_sale(qtbot, window, cashier)
    window.clinic_name = "康乐中医理疗养生馆（人民路旗舰店）Wellness & Physiotherapy"
    window.retranslate()
    for n in range(window.tabs.count()):
        window.tabs.setCurrentIndex(n)
        QApplication.processEvents()
        assert fits(smallest(window), SCREEN), (window.tabs.tabText(n), smallest(window))
    window.resize(SCREEN)
    QApplication.processEvents()
    assert window.size() == SCREEN


def test_the_window_opens_maximized_then_where_it_was_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    """First start: maximized. The size and place it had when closed come back next time,
    from the user's config folder."""
    assert window.isMaximized()
    window.showNormal()
    window.setGeometry(40, 30, 760, 560)
    QApplication.processEvents()
    window.close()
    stored = QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)
    assert stored.value("geometry")
    restored = MainWindow(window.worker, window.translators)
    qtbot.addWidget(restored)
    restored.show()
    QApplication.processEvents()
    assert not restored.isMaximized()
    assert restored.size() == QSize(760, 560)


def test_long_tile_names_are_elided_with_the_whole_name_in_the_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window, Qt.Key.Key_F3)
    page = window.checkout
    item = page.matches("")[0]
    page.set_catalog([replace(item, name=LONG_NAME * 2)])
    window.showNormal()
    window.resize(SCREEN)
    QApplication.processEvents()
    [tile] = [t for t in page.findChildren(QWidget, f"tile_{item.code}") if t.isVisible()]
    [title] = [
        line for line in tile.findChildren(ElidedLabel) if line.property("role") == "tileTitle"
    ]
    assert title.text() == LONG_NAME * 2
    shown = title.shown_text()
    assert shown.endswith("…") and shown[:-1] in title.text()
    assert title.fontMetrics().horizontalAdvance(shown) <= title.contentsRect().width()
    assert LONG_NAME * 2 in tile.toolTip()


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("tier", [*style.TIER_COLORS, "自定义等级"])
def test_tier_badges_meet_wcag_aa_contrast(qtbot: QtBot, tier: str) -> None:
    """The badge as drawn: its text colour on its background, ≥ 4.5:1."""
    badge = QLabel(tier)
    badge.setProperty("role", "badge")
    badge.setStyleSheet(style.tier_badge_css(tier))
    qtbot.addWidget(badge)
    badge.ensurePolished()
    palette = badge.palette()
    text = palette.color(badge.foregroundRole())
    back = palette.color(badge.backgroundRole())
    assert contrast(text, back) >= 4.5, (tier, text.name(), back.name())
