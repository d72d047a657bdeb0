"""The reception window: a header with the current member, five screens and the keys.

F1 lookup · F2 new member · F3 checkout · F4 redeem · F5 today's sales · F6 end-of-day
close · F7 manage (background jobs) · F8 print queue · F9 settings · F10 backup · F11 switch
cashier · F12 pay · Esc cancel. Once the database is open the window asks who is at the
till (`sign_in`); the jobs then act as that person until the next sign-in.
The window owns the current member, the DB worker's signals, printing and the
background jobs; screens talk to it through signals and refresh from the worker's
`changed` (a `Change`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spa_pos import paths
from spa_pos.errors import DomainError
from spa_pos.services import catalog, clinic, courses, drafts, permissions, profile
from spa_pos.services.catalog import CatalogEntry, RewardEntry
from spa_pos.services.clinic import InitResult, SetUp, Startup
from spa_pos.services.context import Actor
from spa_pos.services.courses import CourseUseResult
from spa_pos.services.drafts import Restored
from spa_pos.services.profile import MemberView
from spa_pos.ui import i18n, wizard
from spa_pos.ui.adjust_dialog import AdjustDialog, CancelVoucherDialog
from spa_pos.ui.background import BackgroundJobs
from spa_pos.ui.changes import Change
from spa_pos.ui.checkout import CheckoutPage
from spa_pos.ui.lookup import LookupPage
from spa_pos.ui.member_dialog import MemberDialog
from spa_pos.ui.print_queue_panel import PrintNotice
from spa_pos.ui.printing import PrintCenter, PrintResult
from spa_pos.ui.redeem import RedeemPage
from spa_pos.ui.sign_in import IdleWatch, SignedIn, SignInDialog
from spa_pos.ui.style import tier_badge_css
from spa_pos.ui.today import TodayPage
from spa_pos.ui.upgrade_notice import UpgradeNotice
from spa_pos.ui.widgets import (
    LazyPage,
    alive,
    button,
    confirm,
    elided_label,
    inform,
    label,
    open_dialog,
)
from spa_pos.ui.worker import DbWorker

if TYPE_CHECKING:
    from spa_pos.services.backup import RestoreResult
    from spa_pos.services.server_link import Current
    from spa_pos.ui.manage import ManagePage
    from spa_pos.ui.settings_dialog import ClinicSettings


class MainWindow(QMainWindow):
    member_changed = Signal(object)  # MemberView | None
    ready = Signal()  # the database is open and the window usable
    error_shown = Signal(str)

    def __init__(
        self, worker: DbWorker, translators: i18n.Translators, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.translators = translators
        self.member: MemberView | None = None
        self.clinic_name = ""
        self.is_ready = False
        self.dialog: QDialog | None = None  # the dialog (member, settings, …) open now
        self.close_box: QMessageBox | None = None  # "quit with a cart?" while it is asked
        self._quitting = False  # closing was confirmed, or the program closes the window
        self.actor: Actor | None = None  # who signed in at the till; None: nobody yet
        self.sign_in_dialog: SignInDialog | None = None  # while the till is signed out
        self.keys_missing = ""  # this till has no keys for the server's clinic: why
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self.sign_out)
        app = QApplication.instance()
        if app is not None:
            self.idle.watch(app)

        self.printing = PrintCenter(worker, self)
        self.background = BackgroundJobs(worker, self)
        # The frame first, then the pages into it: a widget moved into another with the
        # style sheet applied is styled again, which cost start-up about 60 ms.
        central = QWidget()
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        self.notice = PrintNotice(self.printing, central)
        layout.addWidget(self.notice)
        self.upgrade_notice = UpgradeNotice(central)
        layout.addWidget(self.upgrade_notice)
        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.tabs.setEnabled(False)
        layout.addWidget(self.tabs, 1)

        # Lookup and checkout are built now; the other tabs once the window is usable, or
        # when first asked for (see `LazyPage`).
        self.rewards: list[RewardEntry] = []
        self.lookup = LookupPage(worker)
        self.checkout = CheckoutPage(worker)
        self.redeem_tab = LazyPage(self._build_redeem)
        self.today_tab = LazyPage(self._build_today)
        self.manage_tab = LazyPage(self._build_manage)
        for page in (self.lookup, self.checkout, self.redeem_tab, self.today_tab, self.manage_tab):
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        self._connect()
        self._shortcuts()
        self.retranslate()
        self.statusBar().showMessage(self.tr("Opening the database…"))
        self._restore_geometry()

    def _build_header(self) -> QFrame:
        header = QFrame()
        header.setProperty("role", "header")
        # The clinic's and the member's names give way ("…") before the buttons do.
        self.brand = elided_label("", "brand")
        self.brand.setObjectName("brand")
        self.member_label = elided_label("")
        self.member_label.setObjectName("currentMember")
        self.tier = label("", "badge")
        self.tier.hide()
        self.walk_in = button("", "link")
        self.walk_in.clicked.connect(lambda: self.set_member(None))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(120)
        self.busy.hide()
        self.settings_button = button()
        self.settings_button.clicked.connect(self.open_settings)
        # Which till this is (一楼, 二楼…): with several tills on one server, the cashier
        # sees at a glance whose day, drawer and Z report the window works on.
        self.till_name = label("", "muted")
        self.till_name.setObjectName("tillName")
        self.who = label("", "muted")
        self.who.setObjectName("signedIn")
        self.switch_button = button()
        self.switch_button.setObjectName("switchCashier")
        self.switch_button.clicked.connect(self.switch_user)
        row = QHBoxLayout(header)
        row.setContentsMargins(20, 8, 16, 8)
        row.setSpacing(12)
        row.addWidget(self.brand, 1)
        row.addWidget(self.busy)
        row.addWidget(self.member_label, 0, Qt.AlignmentFlag.AlignRight)
        row.addWidget(self.tier)
        row.addWidget(self.walk_in)
        row.addWidget(self.till_name)
        row.addWidget(self.who)
        row.addWidget(self.switch_button)
        row.addWidget(self.settings_button)
        return header

    def _connect(self) -> None:
        w = self.worker
        w.busy_changed.connect(self.busy.setVisible)
        w.failed.connect(self.show_error)
        w.changed.connect(self._on_changed)
        self.lookup.member_requested.connect(self.open_member)
        self.lookup.voucher_scanned.connect(self.use_voucher)
        self.lookup.new_member_requested.connect(self.new_member)
        self.lookup.panel.edit_requested.connect(lambda _: self.edit_member())
        self.lookup.panel.use_course_requested.connect(self.use_course)
        self.lookup.panel.voucher_picked.connect(self.use_voucher)
        self.lookup.panel.redeem_requested.connect(lambda: self.go(self.redeem_tab))
        self.lookup.panel.adjust_requested.connect(self.adjust_points)
        self.lookup.panel.cancel_voucher_requested.connect(self.cancel_voucher)
        self.checkout.member_requested.connect(self.open_member)
        self.checkout.use_course_requested.connect(self.use_course)
        self.checkout.print_receipt_requested.connect(lambda no: self.print_document("receipt", no))
        self.checkout.sale_completed.connect(lambda _: self._sale_done())
        self.printing.finished.connect(self._printed)
        self.notice.queue_requested.connect(self.go_print_queue)
        self.background.run_finished.connect(lambda _: self._reload_member())
        self.ready.connect(self.background.start)
        self.ready.connect(self._refresh_manage)
        self.ready.connect(self._restore_draft)

    @property
    def redeem(self) -> RedeemPage:
        return cast(RedeemPage, self.redeem_tab.page())

    def _build_redeem(self) -> RedeemPage:
        page = RedeemPage(self.worker)
        page.set_rewards(self.rewards)
        page.set_member(self.member)
        page.print_voucher_requested.connect(lambda code: self.print_document("voucher", code))
        page.refused.connect(self._reload_member)
        return page

    @property
    def today(self) -> TodayPage:
        return cast(TodayPage, self.today_tab.page())

    def _build_today(self) -> TodayPage:
        page = TodayPage(self.worker)
        page.print_requested.connect(
            lambda no, reprint: self.print_document("receipt", no, reprint=reprint)
        )
        if self.is_ready:
            page.refresh()
        return page

    def _build_pages(self) -> None:
        """Just after the window became usable: the tabs not built yet, but manage (rarely
        used, and it loads the close, backup and print-queue screens)."""
        self.redeem_tab.page()
        self.today_tab.page()

    @property
    def manage(self) -> ManagePage:
        """The manage page (close, backup, print queue, jobs), built the first time it is
        needed: its screens and what they import cost nothing at start-up."""
        return cast("ManagePage", self.manage_tab.page())

    def _build_manage(self) -> ManagePage:
        from spa_pos.ui.manage import ManagePage

        page = ManagePage(self.worker, self.printing, self.background)
        page.dialog_opened.connect(self._dialog_opened)
        page.restored.connect(self._restored)
        page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return page

    def _refresh_manage(self) -> None:
        if self.manage_tab.is_built:
            self.manage.refresh()

    def _shortcuts(self) -> None:
        keys = {
            Qt.Key.Key_F1: self.go_lookup,
            Qt.Key.Key_F2: self.new_member,
            Qt.Key.Key_F3: lambda: self.go(self.checkout),
            Qt.Key.Key_F4: lambda: self.go(self.redeem_tab),
            Qt.Key.Key_F5: lambda: self.go(self.today_tab),
            Qt.Key.Key_F6: lambda: self._manage_dialog(self.manage.open_day_close),
            Qt.Key.Key_F7: self.go_jobs,
            Qt.Key.Key_F8: self.go_print_queue,
            Qt.Key.Key_F9: self.open_settings,
            Qt.Key.Key_F10: lambda: self._manage_dialog(self.manage.open_backup),
            Qt.Key.Key_F11: self.switch_user,
            Qt.Key.Key_F12: self.pay,
            Qt.Key.Key_Escape: self.cancel,
        }
        for key, slot in keys.items():
            QShortcut(QKeySequence(key), self, slot)

    def retranslate(self) -> None:
        for page, text in (
            (self.lookup, self.tr("Member lookup  F1")),
            (self.checkout, self.tr("Checkout  F3")),
            (self.redeem_tab, self.tr("Redeem points  F4")),
            (self.today_tab, self.tr("Today's sales  F5")),
            (self.manage_tab, self.tr("Manage  F7")),
        ):
            self.tabs.setTabText(self.tabs.indexOf(page), text)
        self.settings_button.setText(self.tr("Settings (F9)"))
        self.switch_button.setText(self.tr("Switch (F11)"))
        self.switch_button.setToolTip(self.tr("Sign out; the cart stays for the next cashier"))
        self.walk_in.setText(self.tr("Switch to walk-in"))
        self.walk_in.setToolTip(self.tr("Serve without a member"))
        self._show_member_chip()
        self._title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _title(self) -> None:
        self.brand.setText(self.clinic_name)
        self.brand.setToolTip(self.clinic_name)
        title = (
            self.tr("{clinic} — reception").format(clinic=self.clinic_name)
            if self.clinic_name
            else self.tr("Reception")
        )
        at_till = self.tr("Till {till}").format(till=self.worker.ctx.till)
        self.till_name.setText(at_till)
        title = f"{title} — {at_till}"
        actor = self.actor
        who = f"{permissions.role_name(actor.role)} {actor.name}" if actor else ""
        self.who.setText(who)
        self.who.setVisible(bool(who))
        self.switch_button.setVisible(actor is not None)
        self.setWindowTitle(f"{title} — {who}" if who else title)

    # --- start-up --------------------------------------------------------------------
    def start(self) -> None:
        """Open (create, migrate) the database and load what the screens need."""
        self.worker.run(clinic.startup, self._started)

    def database_opened(self, opened: InitResult) -> None:
        """The database is open (`clinic.init`, run while the window was built): if it
        came from an earlier release and was upgraded, the banner says so once."""
        if opened.upgraded is not None:
            self.upgrade_notice.show_upgrade(opened.upgraded)

    def _started(self, startup: Startup) -> None:
        self.translators.apply(i18n.resolve(startup.language))
        self.clinic_name = startup.clinic_name
        self.keys_missing = startup.keys_missing
        self._title()
        self._set_catalog(startup.catalog, startup.rewards)
        if startup.has_manager_pin:
            self._become_ready()
        else:
            setup = wizard.SetupWizard(catalog_empty=not startup.catalog, parent=self)
            setup.completed.connect(self._setup_answered)
            setup.rejected.connect(self.close)
            setup.server_requested.connect(lambda: self._join_server(setup))
            self._open_dialog(setup)

    def _join_server(self, setup: wizard.SetupWizard) -> None:
        """A new till of a clinic already on a server: choose the server from the first-run
        wizard (nobody to approve yet), saved for the next start; no clinic is made here."""
        from spa_pos.ui import server_dialog

        def opened(now: Current) -> None:
            open_dialog(server_dialog.ServerDialog(self.worker, now, parent=setup))

        self.worker.run(server_dialog.load, opened, owner=setup)

    def _setup_answered(self, answers: SetUp) -> None:
        self.clinic_name = answers.clinic_name
        self._title()

        def done(catalog: tuple[list[CatalogEntry], list[RewardEntry]]) -> None:
            self._set_catalog(*catalog)
            self._become_ready()

        self.worker.run(lambda ctx: wizard.apply(ctx, answers), done, changes=Change.SETTINGS)

    def _set_catalog(self, items: list[CatalogEntry], rewards: list[RewardEntry]) -> None:
        self.checkout.set_catalog(items)
        self.rewards = rewards
        if self.redeem_tab.is_built:
            self.redeem.set_rewards(rewards)

    def reload(self) -> None:
        """Forget what the window holds and load it again (after a restore)."""
        self.is_ready = False
        self.tabs.setEnabled(False)
        self.set_member(None)
        self.checkout.model.clear()
        self.lookup.clear_search()
        if self.today_tab.is_built:
            self.today.show_sale(None)
        self.start()

    def _become_ready(self) -> None:
        self.is_ready = True
        self.tabs.setEnabled(True)
        self.statusBar().clearMessage()
        self.go_lookup()
        if self.today_tab.is_built:
            self.today.refresh()
        if self.actor is None:  # a restore reloads the window: whoever is in stays in
            self.sign_out()
        self.ready.emit()
        QTimer.singleShot(0, self._build_pages)

    # --- who is at the till ----------------------------------------------------------
    def sign_out(self) -> None:
        """Nobody touched the till for the idle time (or nobody signed in yet): back to
        the sign-in, with the cart, the member and the page left as they are for the next
        person. Leaving that dialog without signing in closes the till."""
        self._ask_who(switching=False)

    def switch_user(self) -> None:
        """切换 (F11): the sign-in for the next person; cancelled, the person signed in
        stays signed in (see sign_in.py)."""
        self._ask_who(switching=self.actor is not None)

    def _ask_who(self, *, switching: bool) -> None:
        if not self.is_ready or alive(self.sign_in_dialog):
            return
        self.idle.stop()
        current = self.actor.name if self.actor else None
        dialog = SignInDialog(
            self.worker, current, parent=self, cancellable=switching, keys_missing=self.keys_missing
        )
        dialog.signed_in.connect(self.signed_in)
        dialog.keys_imported.connect(lambda: setattr(self, "keys_missing", ""))
        dialog.rejected.connect(self._switch_cancelled if switching else self.quit)
        self.sign_in_dialog = dialog
        open_dialog(dialog)

    def _switch_cancelled(self) -> None:
        self.idle.resume()
        self._tab_changed(self.tabs.currentIndex())  # the keyboard back to the page

    def signed_in(self, result: SignedIn) -> None:
        """From now on the window acts as `result.actor`."""
        self.actor = result.actor
        self.worker.set_actor(result.actor)
        self.idle.set_minutes(result.idle_minutes)
        self._title()
        self._tab_changed(self.tabs.currentIndex())  # the keyboard back to the page

    # --- navigation and keys ---------------------------------------------------------
    def go(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)

    def go_lookup(self) -> None:
        self.go(self.lookup)
        self.lookup.focus_search()

    def go_jobs(self) -> None:
        if self.is_ready:
            self.go(self.manage_tab)
            self.manage.jobs.table.setFocus()

    def go_print_queue(self) -> None:
        if self.is_ready:
            self.go(self.manage_tab)
            self.manage.queue.table.setFocus()

    def _tab_changed(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        if page is self.checkout:
            self.checkout.search.setFocus()
        elif page is self.today_tab:
            self.today.refresh()
            self.today.search.setFocus()
        elif page is self.lookup:
            self.lookup.search.setFocus()
        elif page is self.redeem_tab:
            self.redeem.focus_first()
        elif page is self.manage_tab:
            self.manage.refresh()

    def pay(self) -> None:
        if self.is_ready:
            self.go(self.checkout)
            self.checkout.pay()

    def cancel(self) -> None:
        """Esc in the window (dialogs handle their own): clear what is being typed."""
        page = self.tabs.currentWidget()
        if page is self.checkout:
            self.checkout.clear_sale()
        elif page is self.lookup:
            self.lookup.clear_search()
        elif page is self.today_tab:
            self.today.search.clear()

    # --- the current member ----------------------------------------------------------
    def open_member(self, ref: str) -> None:
        self.worker.run(lambda ctx: profile.member_view(ctx, ref), self.set_member)

    def set_member(self, view: MemberView | None) -> None:
        self.member = view
        self.lookup.panel.show_member(view)
        self.checkout.set_member(view)
        if self.redeem_tab.is_built:
            self.redeem.set_member(view)
        self._show_member_chip()
        self.member_changed.emit(view)

    def _show_member_chip(self) -> None:
        view = self.member
        self.walk_in.setVisible(view is not None)
        self.tier.setVisible(view is not None)
        if view is None:
            self.member_label.setText(self.tr("Walk-in customer"))
            self.member_label.setToolTip("")
            return
        p = view.profile
        self.member_label.setText(
            self.tr("{name} · {points} points").format(name=p.name, points=f"{p.balance:,}")
        )
        self.member_label.setToolTip(self.member_label.text())
        self.tier.setText(p.tier.name)
        self.tier.setStyleSheet(tier_badge_css(p.tier.name))

    def _reload_member(self) -> None:
        """Refresh the current member after a write, unless the cashier moved on."""
        if self.member is None:
            return
        card = self.member.card_no

        def done(view: MemberView) -> None:
            if self.member is not None and self.member.card_no == card:
                self.set_member(view)

        self.worker.run(lambda ctx: profile.member_view(ctx, card), done)

    def _on_changed(self, change: Change) -> None:
        """The current member and the catalog are the window's; the screens refresh
        themselves from the same signal."""
        if change.touches_members:
            self._reload_member()
        if change in (Change.REDEMPTIONS, Change.CATALOG):  # a gift's stock, the catalog
            self.worker.run(catalog.entries, lambda c: self._set_catalog(*c))

    def _sale_done(self) -> None:
        summary = self.checkout.summary
        if summary is not None:
            summary.finished.connect(lambda _: self._next_customer())

    def _next_customer(self) -> None:
        self.set_member(None)
        self.go_lookup()

    # --- dialogs ---------------------------------------------------------------------
    def _open_dialog(self, dialog: QDialog) -> None:
        self.dialog = open_dialog(dialog)

    def _dialog_opened(self, dialog: QDialog) -> None:
        self.dialog = dialog

    def _manage_dialog(self, open_it: Callable[[], None]) -> None:
        """F6 / F10: the manage page's dialogs, one dialog at a time."""
        if self.is_ready and not alive(self.dialog):
            open_it()

    def new_member(self) -> None:
        if self.is_ready and not alive(self.dialog):
            dialog = MemberDialog(self.worker, parent=self)
            dialog.saved.connect(self._member_saved)
            dialog.open_existing.connect(self._member_saved)
            self._open_dialog(dialog)

    def edit_member(self) -> None:
        if self.member is not None and not alive(self.dialog):
            dialog = MemberDialog(self.worker, self.member, parent=self)
            dialog.saved.connect(self._member_saved)
            dialog.open_existing.connect(self._member_saved)
            self._open_dialog(dialog)

    def adjust_points(self, card_no: str) -> None:
        if self.member is not None and not alive(self.dialog):
            name = self.member.profile.name
            self._open_dialog(AdjustDialog(self.worker, card_no, name, parent=self))

    def cancel_voucher(self, code: str, reward: str) -> None:
        if not alive(self.dialog):
            self._open_dialog(CancelVoucherDialog(self.worker, code, reward, parent=self))

    def _member_saved(self, card_no: str) -> None:
        self.go_lookup()
        self.open_member(card_no)

    def open_settings(self) -> None:
        if self.is_ready and not alive(self.dialog):
            from spa_pos.ui.settings_dialog import load  # with Qt's print support: on use

            self.worker.run(load, self._show_settings)

    def _show_settings(self, current: ClinicSettings) -> None:
        from spa_pos.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.worker, current, parent=self)
        dialog.saved.connect(self.settings_saved)
        self._open_dialog(dialog)

    def settings_saved(self, values: ClinicSettings) -> None:
        self.clinic_name = values.clinic_name
        self.translators.apply(i18n.resolve(values.language))
        self.idle.set_minutes(values.idle_sign_out_minutes)
        if values.till != self.worker.ctx.till:
            # Another till's day from now on: its closed state, its list and its close.
            self.worker.set_till(values.till)
            self.worker.changed.emit(Change.DAY_CLOSE)
        self._title()

    # --- vouchers, courses, printing -------------------------------------------------
    def use_voucher(self, text: str) -> None:
        """A scanned voucher, or one picked from the member's list: into the sale."""
        self.go(self.checkout)
        self.checkout.add_voucher(text)

    def use_course(self, code: str) -> None:
        view = self.member
        if view is None:
            return
        course = next((c for c in view.courses if c.code == code), None)
        name = course.name if course else code
        card = view.card_no
        confirm(
            self,
            self.tr("Use a course session"),
            self.tr("Use one session of {course} for {name}?").format(
                course=name, name=view.profile.name
            ),
            lambda: self.worker.run(
                lambda ctx: courses.use_session(ctx, card, code),
                self._course_used,
                changes=Change.COURSES,
            ),
        )

    def _course_used(self, result: CourseUseResult) -> None:
        text = self.tr("{course}: one session used, {left} left").format(
            course=result.item, left=result.sessions_left
        )
        self.statusBar().showMessage(text, 8000)
        inform(self, self.tr("Course session used"), text)

    def print_document(self, kind: str, ref: str, *, reprint: bool = False) -> None:
        """A receipt (sale or refund number) or a voucher (its code), in the background."""
        self.printing.request(kind, ref, reprint=reprint)
        self.statusBar().showMessage(self.tr("Printing {ref}…").format(ref=ref), 5000)

    def _printed(self, result: PrintResult) -> None:
        if result.ok:
            text = (
                self.tr("Saved as {file}").format(file=result.output)
                if result.output
                else self.tr("Sent to the printer")
            )
            self.statusBar().showMessage(text, 8000)

    # --- after a restore -------------------------------------------------------------
    def _restored(self, result: RestoreResult) -> None:
        self.reload()
        inform(
            self,
            self.tr("Restored"),
            self.tr(
                "The backup {file} is back in place. The data before it was kept as {safety}."
            ).format(file=result.restored_from.name, safety=result.safety_copy or "—"),
        )

    # --- errors and closing ----------------------------------------------------------
    def show_error(self, exc: Exception) -> None:
        """A refused operation shows the service's message as is; anything else says it
        was logged (the traceback is in the log file, never on screen)."""
        if isinstance(exc, DomainError):
            text = str(exc)
        else:
            text = self.tr("Something went wrong and has been logged:\n{error}").format(
                error=f"{type(exc).__name__}: {exc}"
            )
        inform(self, self.tr("Cannot do that"), text, warning=True)
        self.error_shown.emit(text)

    # --- the open cart across a restart ---------------------------------------------
    def _restore_draft(self) -> None:
        """Once the window is usable: the cart left open last time (closed, crashed)
        comes back as it was, checked against today's catalog."""
        self.worker.run(drafts.load, self._draft_loaded)

    def _draft_loaded(self, restored: Restored | None) -> None:
        if restored is None:
            return
        if restored.member is not None:
            self.set_member(restored.member)
        self.checkout.restore(restored)
        self.go(self.checkout)
        self.statusBar().showMessage(self.tr("Restored the unfinished cart from last time"))

    def _keep_open(self, event: QCloseEvent) -> bool:
        """Closing during a sale is asked first: the cart is kept as a draft (it is saved
        on every change) and comes back when the window opens again."""
        if self._quitting or not self.is_ready or self.checkout.model.is_empty():
            return False
        event.ignore()
        if not (self.close_box and alive(self.close_box) and self.close_box.isVisible()):
            self.close_box = confirm(
                self,
                self.tr("Quit"),
                self.tr("The cart is saved as a draft and comes back next time. Quit?"),
                self.quit,
            )
        return True

    def quit(self) -> None:
        """Close the window without asking; an open cart stays as the till's draft."""
        self._quitting = True
        self.close()

    # --- size and place ----------------------------------------------------------------
    @staticmethod
    def _stored() -> QSettings:
        return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        """Where the window was when last closed (size, place, maximized or not); the
        first time, maximized: it then fits whatever screen the till has."""
        saved = self._stored().value("geometry")
        if not (isinstance(saved, QByteArray) and self.restoreGeometry(saved)):
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._keep_open(event):
            return
        self._stored().setValue("geometry", self.saveGeometry())
        self.background.stop()
        self.printing.wait_for_done()
        self.worker.wait_for_done()
        super().closeEvent(event)
