"""Screenshots of the reception window for docs/screenshots (Chinese), at the tills'
screen sizes: 1024×768 and 1366×768, each set in its own folder (`1024x768/01_….png`).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out DIR] [--size WxH]

Without `--size` both sets are made, each in its own process: the offscreen screen is as
large as the till's, so dialogs are sized for that screen as they would be on it.

Builds a demo clinic in a temporary database through the services (staff accounts: the
cashier 小李, two therapists, the manager 周敏; demo catalog, members including 张三 with a
referrer, sales with their therapists, some at a second till, redemptions, a refund and an
adjustment over the limit approved by 周敏), signs 小李 in with her PIN and drives the real
window through its screens as she would, saving one PNG per screen. Dialogs are drawn over
the dimmed window, as on a till. 01-17 and 23-24 are the counter's and the office's screens
(the manage tab with a failed print, the day close with the whole clinic's line, a
backup); 30-39 the staff's: sign-in, therapist picker, 改价, a manager's PIN on the spot,
the audit trail and supervision report, the therapist report, erasing a member's data,
the scheme review and the message templates. 20-22 are `screenshots_catalog.py`'s.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QInputMethodEvent, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import (
    adjustments,
    catalog,
    checkout,
    clinic,
    courses,
    jobs,
    members,
    promotions,
    refunds,
    scheme_review,
    staff,
    therapists,
    vouchers,
)
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Actor, Ctx
from spa_pos.services.members import MemberForm
from spa_pos.services.promotions import PromotionForm
from spa_pos.ui import app as ui_app
from spa_pos.ui import i18n
from spa_pos.ui.about_dialog import AboutDialog
from spa_pos.ui.adjust_dialog import AdjustDialog
from spa_pos.ui.audit_screen import AuditDialog
from spa_pos.ui.backup_dialog import BackupDialog
from spa_pos.ui.dashboard import DashboardDialog
from spa_pos.ui.day_close import DayCloseDialog
from spa_pos.ui.events_screen import EventsDialog
from spa_pos.ui.import_dialog import ImportDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.member_care import MemberCareDialog
from spa_pos.ui.member_dialog import MemberDialog
from spa_pos.ui.member_list import MemberListDialog
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.price_dialog import PriceDialog
from spa_pos.ui.profile_screen import ProfileDialog
from spa_pos.ui.promotions_dialog import PromotionsDialog
from spa_pos.ui.redeem import VoucherDialog
from spa_pos.ui.scheme_review_screen import SchemeReviewDialog
from spa_pos.ui.sign_in import SignInDialog
from spa_pos.ui.template_editor import TemplateDialog
from spa_pos.ui.therapist_report import TherapistReportDialog
from spa_pos.ui.worker import DbWorker

NOW = datetime(2026, 3, 10, 2, 30, tzinfo=UTC)  # 10:30 in Shanghai
SIZES = ("1024x768", "1366x768")
MANAGER_PIN = "246813"  # the owner's PIN: staff PINs are 6+ digits
# The staff: (name, role, PIN). 小李 works this till (前台), 小张 the second one; the
# therapists serve the service lines; 周敏 is the manager who approves on the spot.
CASHIER, CASHIER_PIN = "小李", "135790"
MANAGER, MANAGER2_PIN = "周敏", "864200"
THERAPISTS = ("陈师傅", "王技师")
STAFF = (
    (CASHIER, "cashier", CASHIER_PIN),
    ("小张", "cashier", "975310"),
    (THERAPISTS[0], "therapist", "112358"),
    (THERAPISTS[1], "therapist", "314159"),
    (MANAGER, "manager", MANAGER2_PIN),
)
SECOND_TILL = "二号台"
MANAGER_ACTOR = Actor(MANAGER, "manager")  # 周敏 signed in: the back office's work


def build_demo(db_url: str) -> None:
    """A small clinic with a history: what the screenshots show. The staff accounts are
    made first; the counter's work is done as 小李 (小张 at the second till), service lines
    name their therapist, and what needs a manager is approved on the spot by 周敏 with
    her PIN, as the window does it: the audit and the reports have real names to show."""
    clock = FixedClock(NOW - timedelta(days=400))
    owner = Ctx(Database(db_url), CLI_ACTOR, clock)
    clinic.init(owner)
    clinic.load_demo(owner)
    settings_svc.update(
        owner,
        clinic_name="康和中医理疗馆",
        clinic_address="杭州市西湖区文三路 88 号",
        clinic_phone="0571-88886666",
        language="zh_CN",
    )
    staff.set_manager_pin(owner, MANAGER_PIN)
    for name, role, pin in STAFF:
        staff.add(owner, name, role, pin)
    for name, rate_bp in zip(THERAPISTS, (1500, 1200), strict=True):  # 提成 15%, 12%
        therapists.set_staff_rate(owner, name, rate_bp)
    therapists.set_item_rate(owner, "YBLL", 2000)  # 腰部理疗: 20% whoever serves
    ctx = Ctx(owner.db, Actor(CASHIER), clock)  # 小李 at the front desk
    second = Ctx(owner.db, Actor("小张"), clock, SECOND_TILL)
    services = {item.code for item in clinic.DEMO_ITEMS if item.kind == "service"}

    def member(name: str, phone: str, days_ago: int, **extra: object) -> None:
        clock.at = NOW - timedelta(days=days_ago)
        members.register(
            ctx,
            MemberForm(name=name, phone=phone, marketing_consent=True, **extra),  # type: ignore[arg-type]
            at=NOW - timedelta(days=days_ago),
        )

    def sale(
        days_ago: int,
        member_phone: str | None,
        items: list[tuple[str, int]],
        method: str,
        extra_cash: int = 0,
        minutes_ago: int = 60,
        at_till: Ctx = ctx,
    ) -> str:
        at = NOW - timedelta(days=days_ago, minutes=minutes_ago)
        clock.at = at
        with ctx.db.read() as s:
            due = sum(catalog.item_by_code(s, code).price_fen * qty for code, qty in items)
        pays = [(method, due)] if not extra_cash else [("cash", due + extra_cash)]
        who = THERAPISTS[(days_ago + len(items)) % len(THERAPISTS)]
        served = {code: who for code, _ in items if code in services}
        request = SaleRequest(
            items=items, payments=pays, member=member_phone, at=at, therapists=served
        )
        return checkout.sell(at_till, request).sale_no

    member("李四", "13912345678", 400, birthday=date(1979, 11, 2), gender="M")
    member(
        "张三",
        "13800138000",
        345,
        birthday=date(1986, 3, 22),
        gender="F",
        referrer="13912345678",
        health_needs="失眠调理、颈椎不适",
        notes="喜欢力度轻一些；周末上午来",
    )
    member("张珊", "13655550123", 200, gender="F")
    member("王芳", "13788886666", 120, birthday=date(1990, 7, 8), gender="F")
    member("赵四海", "15000001234", 90, gender="M")
    history(sale)
    sale(340, "13800138000", [("ZJTN10", 1)], "wechat")
    sale(330, "13912345678", [("YBLL", 1), ("ZYB", 2)], "alipay")
    for days in (300, 240, 180):
        clock.at = NOW - timedelta(days=days)
        courses.use_session(ctx, "13800138000", "ZJTN", at=clock.at)
    sale(60, "13800138000", [("AJ", 1), ("TBAM", 1)], "card")
    sale(25, "13800138000", [("YY", 1)], "cash", extra_cash=1200)
    clock.at = NOW - timedelta(days=20)
    vouchers.redeem(ctx, "13800138000", "R-TBAM", at=clock.at)
    vouchers.redeem(ctx, "13800138000", "R-Q10", at=clock.at)
    vouchers.redeem(ctx, "13800138000", "R-BJZ", at=clock.at)
    vouchers.redeem(ctx, "13912345678", "R-Q50", at=clock.at)
    sale(0, "13912345678", [("AJ", 1), ("ZYB", 1)], "card", minutes_ago=90)
    sale(0, None, [("TBAM", 1)], "cash", extra_cash=2000, minutes_ago=80)
    sale(0, "13788886666", [("YBLL", 1)], "alipay", minutes_ago=70)
    sale(0, None, [("YY", 1)], "cash", minutes_ago=65, at_till=second)  # the clinic's line
    sale(0, "13788886666", [("AJ", 1)], "wechat", minutes_ago=55, at_till=second)
    zhao_sale = sale(0, "15000001234", [("ZYB", 1)], "wechat", minutes_ago=40)
    # On the spot, 周敏 types her PIN: the refund (a manager's) and an adjustment over the
    # day's limit are 小李's, approved by her; a small adjustment needs nobody.
    clock.at = NOW - timedelta(minutes=20)
    approved = replace(ctx, actor=staff.approved(ctx, MANAGER, MANAGER2_PIN))
    refunds.refund(approved, zhao_sale)  # 今日流水's refund row
    clock.at = NOW - timedelta(minutes=15)
    adjustments.adjust(ctx, "13912345678", 50, "活动签到漏记")
    clock.at = NOW - timedelta(minutes=10)
    adjustments.adjust(approved, "13655550123", 600, "老卡积分迁移补录")
    clock.at = NOW - timedelta(days=2)
    scheme_review.write(
        Ctx(ctx.db, MANAGER_ACTOR, clock), "2026-02", "积分兑换偏少；三月试行沉睡会员回归礼。"
    )
    clock.at = NOW
    for job in ("tags", "reminders"):
        jobs.run_job(Ctx(ctx.db, CLI_ACTOR, clock), job, at=NOW)
    ctx.db.dispose()


def history(sale: Callable[..., str]) -> None:
    """Five months of everyday sales, so the dashboard's charts have something to show."""
    regulars = ["13800138000", "13912345678", "13655550123", "13788886666", None, None]
    baskets = [[("AJ", 1)], [("TBAM", 1)], [("YBLL", 1), ("ZYB", 1)], [("YY", 1)], [("ZYB", 2)]]
    methods = ["wechat", "alipay", "cash", "card"]
    for days in range(150, 0, -1):
        for n in range((days * 7) % 4):
            who = regulars[(days + n) % len(regulars)]
            if who == "13655550123" and days < 100:
                who = None  # 张珊 stopped coming: member care's win-back list
            if who == "13788886666" and days >= 120:
                who = None  # 王芳 joined 120 days ago
            sale(days, who, baskets[(days * 3 + n) % len(baskets)], methods[(days + n) % 4])


class Shooter:
    def __init__(self, window: MainWindow, out: Path) -> None:
        self.window = window
        self.out = out

    def settle(self, extra_ms: int = 250) -> None:
        """Wait for the DB worker (and whatever its results start) to finish."""
        worker: DbWorker = self.window.worker
        deadline = time.monotonic() + 20
        idle_rounds = 0
        while idle_rounds < 3 and time.monotonic() < deadline:
            QTest.qWait(40)
            busy = worker.busy or self.window.printing.busy
            idle_rounds = 0 if busy else idle_rounds + 1
        QTest.qWait(extra_ms)

    def save(self, name: str, *dialogs: QWidget, popup: QWidget | None = None) -> None:
        """The window, with `dialogs` drawn over it dimmed, each centred on the one
        before (a PIN dialog over the form that asked for it), and a `popup` menu where
        it opened."""
        shot = self.window.grab()
        painter = QPainter(shot)
        pictures: list[QPixmap] = [dialog.grab() for dialog in dialogs]
        gap = 24
        side_by_side = sum(p.width() + gap for p in pictures) - gap <= shot.width()
        x = (shot.width() - sum(p.width() + gap for p in pictures) + gap) // 2
        for n, picture in enumerate(pictures):
            painter.fillRect(shot.rect(), QColor(20, 30, 40, 110))
            y = (shot.height() - picture.height()) // 2
            if side_by_side:  # small dialogs: the form, then the PIN it asked for
                painter.drawPixmap(x, y, picture)
                x += picture.width() + gap
            else:  # a big one: those under it show up and to the left
                step = (len(pictures) - 1 - n) * 90
                left = (shot.width() - picture.width()) // 2 - step
                painter.drawPixmap(max(0, left), max(0, y - step), picture)
        if popup is not None:
            painter.drawPixmap(self.window.mapFromGlobal(popup.pos()), popup.grab())
        painter.end()
        path = self.out / f"{name}.png"
        shot.save(str(path), "PNG", 0)  # 0: the smallest file
        print(f"saved {path}")


def press(window: QWidget, key: Qt.Key) -> None:
    window.activateWindow()
    QTest.qWait(30)
    QTest.keyClick(window, key)


def type_text(widget: QWidget, text: str) -> None:
    """Type like an input method commits (works for Chinese, unlike key clicks)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def top_dialog(kind: type) -> Callable[[], QWidget]:
    def find() -> QWidget:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        assert found, f"no {kind.__name__} open"
        return found[-1]

    return find


def run(out: Path, size: tuple[int, int]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="spa_pos_shots_"))
    db_url = f"sqlite:///{folder / 'demo.sqlite3'}"
    build_demo(db_url)

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    ui_app.setup_application(qt_app)
    translators = i18n.Translators()
    translators.apply(i18n.ZH_CN)
    ctx = Ctx(Database(db_url), ui_app.CASHIER, FixedClock(NOW))
    window = ui_app.build_window(ctx, translators)
    window.resize(*size)
    window.show()
    window.start()
    shots = Shooter(window, out)
    shots.settle()
    # 30. 小李 signs in: her name picked from the staff, her PIN typed.
    sign_in = top_dialog(SignInDialog)()
    assert isinstance(sign_in, SignInDialog)
    sign_in.name.setCurrentIndex(sign_in.name.findData(CASHIER))
    QTest.keyClicks(sign_in.pin, CASHIER_PIN)
    shots.save("30_sign_in", sign_in)
    sign_in.submit()
    shots.settle()
    assert window.actor is not None and window.actor.name == CASHIER, "小李 is not signed in"

    # 1. Lookup by initials, 张三 open in the member panel.
    type_text(window.lookup.search, "zs")
    shots.settle(300)
    QTest.keyClick(window.lookup.search, Qt.Key.Key_Return)
    shots.settle()
    shots.save("01_lookup_member")

    # 2. Checkout with a cart and the member's vouchers.
    press(window, Qt.Key.Key_F3)
    for text in ("zjtn", "aj*2"):
        type_text(window.checkout.search, text)
        QTest.keyClick(window.checkout.search, Qt.Key.Key_Return)
    assert window.member is not None
    for v in window.member.unused_vouchers:
        if v.reward in ("头部按摩", "10元优惠券"):
            window.checkout.add_voucher(v.code)
    shots.settle()
    shots.save("02_checkout_cart_vouchers")

    # 3. Payment: part WeChat, the rest in cash with change.
    press(window, Qt.Key.Key_F12)
    shots.settle()
    payment = top_dialog(PaymentDialog)()
    assert isinstance(payment, PaymentDialog)
    type_text(payment.fields["wechat"], "500")
    type_text(payment.fields["cash"], "300")
    shots.settle()
    shots.save("03_payment_split", payment)

    # 4. The summary with the points breakdown.
    QTest.keyClick(payment.fields["cash"], Qt.Key.Key_Return)
    shots.settle()
    summary = top_dialog(SaleSummaryDialog)()
    shots.save("04_payment_summary", summary)
    summary.close()
    shots.settle()

    # 5. Redeem for 李四 (some rewards out of reach).
    window.open_member("13912345678")
    shots.settle()
    press(window, Qt.Key.Key_F4)
    shots.settle()
    shots.save("05_redeem")
    window.redeem.redeem("13912345678", "R-ZYB")
    shots.settle()
    voucher = top_dialog(VoucherDialog)()
    shots.save("06_voucher_issued", voucher)
    voucher.close()
    shots.settle()

    # 6. Today's sales with one sale open.
    press(window, Qt.Key.Key_F5)
    shots.settle()
    window.today.table.selectRow(0)
    shots.settle()
    shots.save("07_today_sales")

    # 7. Registering a member: a duplicate phone and a future birthday, shown inline.
    window.set_member(None)
    press(window, Qt.Key.Key_F2)
    shots.settle()
    dialog = top_dialog(MemberDialog)()
    assert isinstance(dialog, MemberDialog)
    type_text(dialog.name, "王小明")
    type_text(dialog.phone, "13800138000")
    type_text(dialog.birthday, "2030-01-01")
    dialog.save()
    shots.settle(400)
    shots.save("08_register_inline_errors", dialog)
    dialog.close()
    shots.settle()

    member_screens(window, shots)
    manage(window, shots, ctx)
    office(window, shots)
    promotions_screen(window, shots, ctx)
    data_import(window, shots, folder)
    counter(window, shots)
    back_office(window, shots)

    window.close()
    shots.settle(50)
    ctx.db.dispose()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def manage(window: MainWindow, shots: Shooter, ctx: Ctx) -> None:
    """The manage tab, the end-of-day close and a backup."""
    # 9. A receipt for a printer that is off: the notice and the print queue.
    settings_svc.update(
        Ctx(ctx.db, MANAGER_ACTOR, ctx.clock),
        printer={"kind": "escpos_network", "host": "127.0.0.1", "port": closed_port()},
    )
    jobs.run_job(Ctx(ctx.db, CLI_ACTOR, ctx.clock), "expiry", at=NOW)
    window.print_document("receipt", window.today.model.sales[0].sale_no)
    shots.settle()
    press(window, Qt.Key.Key_F7)
    shots.settle()
    shots.save("09_manage_print_queue_jobs")

    # 10. The end-of-day close, the cash counted ¥5 short.
    press(window, Qt.Key.Key_F6)
    shots.settle()
    day_close = top_dialog(DayCloseDialog)()
    assert isinstance(day_close, DayCloseDialog)
    counted = day_close.view.report.expected_cash_fen - 500
    type_text(day_close.counted, f"{counted / 100:.2f}")
    day_close.counted.setFocus()
    shots.settle()
    shots.save("10_day_close", day_close)
    day_close.close()
    shots.settle()

    # 11. A backup to a folder standing in for the USB drive, done.
    press(window, Qt.Key.Key_F10)
    shots.settle()
    backup = top_dialog(BackupDialog)()
    assert isinstance(backup, BackupDialog)
    backup.folder.setText(tempfile.mkdtemp(prefix="spa_pos_usb_"))
    backup.start()
    shots.settle(400)
    shots.save("11_backup", backup)
    backup.close()
    shots.settle()


def click(parent: QWidget, name: str) -> None:
    found = parent.findChild(QPushButton, name)
    assert found is not None, f"no button {name}"
    found.click()


def unlock(shots: Shooter, *layers: QWidget, shot: str = "") -> None:
    """The manager PIN dialog, answered: by the owner's PIN, or when `layers` are given
    by 周敏 picking her name (saved as `shot` over `layers` first, if named)."""
    pin = top_dialog(ManagerPinDialog)()
    assert isinstance(pin, ManagerPinDialog)
    if layers:
        pin.approver.setCurrentIndex(pin.approver.findData(MANAGER))
        QTest.keyClicks(pin.pin, MANAGER2_PIN)
        if shot:
            shots.save(shot, *layers, pin)
    else:
        type_text(pin.pin, MANAGER_PIN)
    pin.submit()
    shots.settle(400)


def shoot_dialog(shots: Shooter, kind: type, name: str) -> None:
    dialog = top_dialog(kind)()
    shots.save(name, dialog)
    dialog.close()
    shots.settle()


def member_screens(window: MainWindow, shots: Shooter) -> None:
    """12. 张三's profile (会员画像) from the member panel; 37. erasing her personal data
    on request (typed, not confirmed)."""
    window.set_member(None)
    window.open_member("13800138000")
    press(window, Qt.Key.Key_F1)
    shots.settle()
    click(window, "openProfile")
    shots.settle(400)
    profile = top_dialog(ProfileDialog)()
    assert isinstance(profile, ProfileDialog)
    shots.save("12_member_profile", profile)
    erase = profile.ask_erase()
    shots.settle()
    type_text(erase.reason, "会员本人申请注销")
    type_text(erase.confirm, profile.card_no)
    shots.settle()
    shots.save("37_erase_member", profile, erase)
    erase.close()
    profile.close()
    shots.settle()


def office(window: MainWindow, shots: Shooter) -> None:
    """13-17. Member care, the member list (manager PIN), events, the dashboard, About."""
    page = window.manage
    press(window, Qt.Key.Key_F7)
    shots.settle()
    click(page, "openMemberCare")
    shots.settle(400)
    shoot_dialog(shots, MemberCareDialog, "13_member_care")
    click(page, "openMemberList")
    shots.settle()
    unlock(shots)
    shoot_dialog(shots, MemberListDialog, "14_member_list")
    click(page, "openEvents")
    shots.settle(400)
    shoot_dialog(shots, EventsDialog, "15_events")
    click(page, "openDashboard")
    shots.settle(800)
    shoot_dialog(shots, DashboardDialog, "16_dashboard")
    click(page, "openAbout")
    shots.settle(400)
    shoot_dialog(shots, AboutDialog, "17_about")


def counter(window: MainWindow, shots: Shooter) -> None:
    """31-33. At the counter as 小李: the therapist picker on a service line, a price
    changed (改价) and allowed by 周敏, an adjustment over the day's limit she approves."""
    window.notice.close_button.click()  # the failed print of 09 is seen to
    window.set_member(None)
    window.open_member("13800138000")
    shots.settle()
    page = window.checkout
    window.go(page)
    for text in ("ybll", "tbam", "zyb"):
        type_text(page.search, text)
        QTest.keyClick(page.search, Qt.Key.Key_Return)
    shots.settle()
    page.model.set_therapist(0, THERAPISTS[1])
    page.pick_therapist(1)
    shots.settle()
    menu = page.therapist_menu
    assert menu is not None and menu.isVisible(), "the therapist picker did not open"
    shots.save("31_checkout_therapist", popup=menu)
    menu.close()
    shots.settle()

    page.ask_price(0)
    shots.settle()
    price = top_dialog(PriceDialog)()
    assert isinstance(price, PriceDialog)
    type_text(price.price, "258")
    type_text(price.reason, "老顾客生日月优惠")
    shots.save("32_price_override", price)
    price.submit()
    shots.settle()
    unlock(shots, price)
    assert page.model.lines[0].override is not None, "the price change was not allowed"
    page.discard_cart()
    shots.settle()

    window.set_member(None)
    window.open_member("13912345678")  # 李四: 50 of today's 200 adjusted already
    window.go_lookup()
    shots.settle()
    assert window.member is not None
    window.adjust_points(window.member.profile.card_no)
    shots.settle()
    adjust = top_dialog(AdjustDialog)()
    assert isinstance(adjust, AdjustDialog)
    adjust.points.setValue(300)
    type_text(adjust.reason, "投诉补偿（已与会员确认）")
    adjust.submit()
    shots.settle()
    unlock(shots, adjust, shot="33_adjust_manager_pin")


def back_office(window: MainWindow, shots: Shooter) -> None:
    """34-39. The manager's screens, each behind 周敏's PIN: the audit trail and its
    supervision report, the therapist report, the scheme review, the message templates."""
    page = window.manage
    window.go(window.manage_tab)
    shots.settle()
    page.open_audit()
    shots.settle()
    unlock(shots, window)
    audit = top_dialog(AuditDialog)()
    assert isinstance(audit, AuditDialog)
    shots.settle()
    shots.save("34_audit_trail", audit)
    audit.tabs.setCurrentIndex(1)
    audit.report_first.setDate(QDate(2026, 3, 1))
    audit.report_last.setDate(QDate(2026, 3, 10))
    audit.show_report()
    shots.settle()
    shots.save("35_audit_supervision", audit)
    audit.close()
    shots.settle()

    click(page, "openTherapistReport")
    shots.settle()
    report = top_dialog(TherapistReportDialog)()
    assert isinstance(report, TherapistReportDialog)
    report.first.setDate(QDate(2026, 2, 1))
    report.last.setDate(QDate(2026, 3, 10))
    report.refresh()
    shots.settle()
    shots.save("36_therapist_report", report)
    report.close()
    shots.settle()

    page.open_review()
    shots.settle()
    unlock(shots, window)
    review = top_dialog(SchemeReviewDialog)()
    assert isinstance(review, SchemeReviewDialog)
    type_text(review.conclusions, "二月会员复购稳定；沉睡会员回归礼下月继续。")
    shots.settle()
    shots.save("38_scheme_review", review)
    review.close()
    shots.settle()

    click(page, "openMemberCare")
    shots.settle(400)
    care = top_dialog(MemberCareDialog)()
    click(care, "editTemplates")
    shots.settle()
    unlock(shots, care)
    editor = top_dialog(TemplateDialog)()
    shots.settle()
    shots.save("39_template_editor", care, editor)
    editor.close()
    care.close()
    shots.settle()


def promotions_screen(window: MainWindow, shots: Shooter, ctx: Ctx) -> None:
    """23. 限时活动: running, upcoming and ended ones, and a multiplier refused by its field."""
    owner = Ctx(ctx.db, MANAGER_ACTOR, ctx.clock)
    for form in (
        PromotionForm("妇女节理疗双倍", "2026-03-08", "2026-03-15", "2", category="理疗项目"),
        PromotionForm("沉睡会员回归礼", "2026-03-01", "2026-04-01", bonus="100", tag="沉睡"),
        PromotionForm("清明养生周", "2026-04-01", "2026-04-08", "1.5", items=("AJ", "YY")),
    ):
        promotions.add(owner, form)
    promotions.end(
        owner,
        promotions.add(owner, PromotionForm("开业酬宾", "2026-03-01", "2026-03-31", bonus="50")).id,
    )
    press(window, Qt.Key.Key_F7)
    shots.settle()
    window.manage.open_promotions()
    shots.settle()
    unlock(shots)
    dialog = top_dialog(PromotionsDialog)()
    assert isinstance(dialog, PromotionsDialog)
    type_text(dialog.fields["name"], "产品加倍")
    type_text(dialog.fields["multiplier"], "20")
    type_text(dialog.fields["category"], "产品")
    dialog.submit()
    shots.settle(400)
    shots.save("23_promotions", dialog)


def data_import(window: MainWindow, shots: Shooter, folder: Path) -> None:
    """24. The dry run of a member file from the old spreadsheet: a bad row and a
    duplicate phone listed with their lines, a column the till does not know."""
    path = folder / "老会员名单.csv"
    rows = [
        "姓名,手机号,会员卡号,生日,性别,积分余额,积分到期,等级,备注",
        "陈美玲,13911112222,A0101,1985/03/12,女,1280,2026-12-31,金卡,肩颈不适",
        "刘建国,13922223333,A0102,1972-11-05,男,560,,银卡,",
        "赵小燕,1393333444,A0103,1990-07-21,女,300,,普通,",
        "孙丽,13944445555,A0104,1988-02-30,女,0,,普通,腰肌劳损",
        "周海,13911112222,A0105,,男,150,,普通,",
    ]
    path.write_bytes("\n".join(rows).encode("gb18030"))
    window.manage.open_import()
    shots.settle()
    dialog = top_dialog(ImportDialog)()
    assert isinstance(dialog, ImportDialog)
    dialog.choose(str(path))
    shots.settle(400)
    shots.save("24_import_bad_row", dialog)
    dialog.close()
    shots.settle()


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def use_screen(size: str) -> None:
    """Make the offscreen screen the till's size (before the QApplication exists)."""
    width, height = parse_size(size)
    config = Path(tempfile.mkdtemp(prefix="spa_pos_screen_")) / "screen.json"
    config.write_text(
        '{"screens": [{"name": "till", "x": 0, "y": 0, '
        f'"width": {width}, "height": {height}, "logicalDpi": 96}}]}}'
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def shoot_sizes(
    script: Path,
    out: Path,
    sizes: list[str] | None,
    shoot: Callable[[Path, tuple[int, int]], None],
) -> int:
    """One size: `shoot` here, into out/WxH. Several: one process each (one screen size
    per process)."""
    if sizes is None or len(sizes) > 1:
        for size in sizes or SIZES:
            done = subprocess.run(
                [sys.executable, str(script), "--out", str(out), "--size", size], check=False
            )
            if done.returncode:
                return done.returncode
        return 0
    use_screen(sizes[0])
    shoot(out / sizes[0], parse_size(sizes[0]))
    return 0


def arguments(doc: str | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    )
    parser.add_argument(
        "--size", action="append", help=f"WxH, may repeat (default: {' and '.join(SIZES)})"
    )
    return parser.parse_args()


def main() -> int:
    args = arguments(__doc__)
    return shoot_sizes(Path(__file__).resolve(), args.out, args.size, run)


if __name__ == "__main__":
    sys.exit(main())
