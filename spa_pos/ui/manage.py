"""Manage (管理): the end-of-day close, backup and restore, the print queue and the
background jobs, in one tab for the cashier and the manager; the catalog and the rewards
behind the manager PIN.

The page opens its dialogs (`dialog_opened` tells the window which one is open) and, for a
restore, stops what else uses the database first: the scheduler and printing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from spa_pos.services import maintenance
from spa_pos.services.context import Ctx
from spa_pos.services.jobs import JobResult
from spa_pos.ui import therapist_report
from spa_pos.ui.about_dialog import AboutButton
from spa_pos.ui.background import BackgroundJobs
from spa_pos.ui.backup_dialog import BackupDialog
from spa_pos.ui.catalog_screen import CatalogDialog
from spa_pos.ui.dashboard_button import DashboardButton
from spa_pos.ui.day_close import DayCloseDialog, DayView, load_day
from spa_pos.ui.events_screen import EventsButton
from spa_pos.ui.import_dialog import ImportDialog
from spa_pos.ui.jobs_panel import JobsPanel
from spa_pos.ui.member_care import CareButton
from spa_pos.ui.member_list import MemberListButton
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.print_queue_panel import PrintQueuePanel
from spa_pos.ui.printing import PrintCenter
from spa_pos.ui.restore_dialog import RestoreDialog
from spa_pos.ui.rewards_screen import RewardsDialog
from spa_pos.ui.widgets import button, label, open_dialog
from spa_pos.ui.worker import DbWorker

T = TypeVar("T")


def _nothing(_: Ctx) -> None:
    """What a screen that loads its own rows needs loaded with the PIN: nothing."""


class ManagePage(QWidget):
    dialog_opened = Signal(object)  # QDialog
    restored = Signal(object)  # RestoreResult: the window reloads
    status = Signal(str)  # for the status bar

    def __init__(
        self,
        worker: DbWorker,
        printing: PrintCenter,
        background: BackgroundJobs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.printing = printing
        self.background = background
        self.heading = label("", "title")
        self.care_heading = label("", "title")
        self.office_heading = label("", "title")
        self.day_close = button("", "primary")
        self.day_close.setObjectName("openDayClose")
        self.day_close.clicked.connect(self.open_day_close)
        self.backup = button()
        self.backup.setObjectName("openBackup")
        self.backup.clicked.connect(self.open_backup)
        self.restore = button()
        self.restore.setObjectName("openRestore")
        self.restore.clicked.connect(self.open_restore)
        self.server = button()
        self.server.setObjectName("openServer")
        self.server.clicked.connect(self.open_server)
        self.rules = button()
        self.rules.setObjectName("openRules")
        self.rules.clicked.connect(self.open_rules)
        self.catalog = button()
        self.catalog.setObjectName("openCatalog")
        self.catalog.clicked.connect(self.open_catalog)
        self.rewards = button()
        self.rewards.setObjectName("openRewards")
        self.rewards.clicked.connect(self.open_rewards)
        self.promotions = button()
        self.promotions.setObjectName("openPromotions")
        self.promotions.clicked.connect(self.open_promotions)
        self.data = button()
        self.data.setObjectName("openImport")
        self.data.clicked.connect(self.open_import)
        self.audit = button()
        self.audit.setObjectName("openAudit")
        self.audit.clicked.connect(self.open_audit)
        self.export_keys = button()
        self.export_keys.setObjectName("openExportKeys")
        self.export_keys.clicked.connect(self.open_export_keys)
        self.review = button()
        self.review.setObjectName("openSchemeReview")
        self.review.clicked.connect(self.open_review)
        self.queue = PrintQueuePanel(printing)
        self.jobs = JobsPanel(worker)
        self.jobs.job_ran.connect(self._job_ran)
        background.run_finished.connect(lambda _: self.jobs.refresh())
        # Three rows of buttons, each under its own heading, so that each row fits a
        # 1024-px till in either language: the day, the members and numbers, the back office.
        day = self._row(
            EventsButton(worker), self.day_close, self.backup, self.restore, self.server
        )
        day.addWidget(AboutButton(worker, self._open))  # versions, for support
        care = self._row(
            CareButton(worker, printing),
            MemberListButton(self),
            DashboardButton(worker, printing, self._open),
            therapist_report.launcher(worker, self),
            self.review,
        )
        office = self._row(
            self.catalog,
            self.rewards,
            self.rules,
            self.promotions,
            self.data,
            self.audit,
            self.export_keys,
        )
        panels = QHBoxLayout()
        panels.setSpacing(16)
        panels.addWidget(self.queue, 1)
        panels.addWidget(self.jobs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(day)
        layout.addWidget(self.care_heading)
        layout.addLayout(care)
        layout.addWidget(self.office_heading)  # the owner's back office, behind the PIN
        layout.addLayout(office)
        layout.addLayout(panels, 1)
        self.retranslate()

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Close, back up, print queue and jobs"))
        self.care_heading.setText(self.tr("Members and numbers"))
        self.office_heading.setText(self.tr("Back office"))
        self.day_close.setText(self.tr("End-of-day close (F6)"))
        self.backup.setText(self.tr("Back up (F10)"))
        self.restore.setText(self.tr("Restore…"))
        self.server.setText(self.tr("Server…"))
        self.rules.setText(self.tr("Loyalty rules…"))
        self.catalog.setText(self.tr("Catalog…"))
        self.rewards.setText(self.tr("Rewards…"))
        self.promotions.setText(self.tr("Promotions…"))
        self.data.setText(self.tr("Import and export…"))
        self.audit.setText(self.tr("Audit trail…"))
        self.review.setText(self.tr("Scheme review…"))
        self.export_keys.setText(self.tr("Export keys…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.queue.refresh()
        self.jobs.refresh()

    def _job_ran(self, result: JobResult) -> None:
        self.status.emit(self.jobs.outcome_text(result))

    # --- the dialogs -----------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        self.dialog_opened.emit(open_dialog(dialog))

    def open_day_close(self) -> None:
        self.worker.run(load_day, self._show_day_close, owner=self)

    def _show_day_close(self, view: DayView) -> None:
        self._open(DayCloseDialog(self.worker, self.printing, view, parent=self))

    def open_backup(self) -> None:
        self.worker.run(
            maintenance.backup_folder,
            lambda folder: self._open(BackupDialog(self.worker, folder, parent=self)),
            owner=self,
        )

    def open_restore(self) -> None:
        self.worker.run(maintenance.backup_folder, self._show_restore, owner=self)

    def _show_restore(self, folder: str) -> None:
        dialog = RestoreDialog(self.worker, folder, self.stop_background, parent=self)
        dialog.restored.connect(self.restored)
        dialog.abandoned.connect(self.background.start)
        self._open(dialog)

    def open_server(self) -> None:
        """数据库服务器: which database this till opens, set by a manager."""
        from spa_pos.ui import server_dialog

        self._as_manager(
            self.tr("Change which database this till works on."),
            server_dialog.load,
            lambda _manager, now: server_dialog.ServerDialog(self.worker, now, parent=self),
            "change_settings",
        )

    def open_rules(self) -> None:
        """The loyalty rules; their changes are recorded as the manager's."""
        from spa_pos.ui import rules_dialog

        self._as_manager(
            self.tr("Change the loyalty rules?"),
            rules_dialog.load,
            lambda manager, screen: rules_dialog.RulesDialog(
                self.worker, manager.actor, screen, parent=self
            ),
        )

    def open_catalog(self) -> None:
        self._as_manager(
            self.tr("Change the catalog: services, products, courses and prices."),
            _nothing,
            lambda manager, _: CatalogDialog(self.worker, manager, parent=self),
        )

    def open_rewards(self) -> None:
        self._as_manager(
            self.tr("Change the rewards and their stock."),
            _nothing,
            lambda manager, _: RewardsDialog(self.worker, manager, parent=self),
        )

    def open_promotions(self) -> None:
        """限时活动: the manager acts for every change made in the dialog."""
        from spa_pos.ui.promotions_dialog import PromotionsDialog, load

        self._as_manager(
            self.tr("Manage promotions"),
            load,
            lambda manager, state: PromotionsDialog(self.worker, manager.actor, state, parent=self),
        )

    def open_review(self) -> None:
        """积分制度评估: the month's figures and the conclusions, written as the manager's."""
        from spa_pos.ui import scheme_review_screen

        self._as_manager(
            self.tr("Review the points scheme"),
            scheme_review_screen.load,
            lambda manager, state: scheme_review_screen.SchemeReviewDialog(
                self.worker, self.printing, manager, state, parent=self
            ),
            "review_scheme",
        )

    def _as_manager(
        self,
        what: str,
        load: Callable[[Ctx], T],
        screen: Callable[[Ctx, T], QDialog],
        permission: str = "change_catalog_rules",
    ) -> None:
        """Ask for the manager PIN, then open a back-office screen acting as the manager
        (the back-office services refuse anyone else). What the screen shows is loaded
        in the PIN's own job (`load`, as the manager); the screen opens once the PIN
        dialog has closed and handed the keyboard back. A manager signed in is not asked
        (`pin_dialog.approve`): the screen opens once loaded."""
        asked: list[ManagerPinDialog] = []
        granted: list[tuple[Ctx, T]] = []

        def loaded(result: tuple[Ctx, T]) -> None:
            if asked:
                granted.append(result)
            else:
                self._open(screen(*result))

        pin = approve(
            self.worker,
            permission,
            what,
            lambda manager: (manager, load(manager)),
            loaded,
            changes=None,
            parent=self,
        )
        if pin is not None:
            asked.append(pin)
            pin.accepted.connect(lambda: self._open(screen(*granted[0])))
            self.dialog_opened.emit(pin)

    def open_audit(self) -> None:
        """审计记录: straight away for a signed-in manager, else behind the manager PIN."""
        from spa_pos.services import kpi
        from spa_pos.ui.audit_screen import AuditDialog

        self._as_manager(
            self.tr("Read the audit trail and the supervision report."),
            kpi.business_today,
            lambda manager, today: AuditDialog(self.worker, manager, today, parent=self),
            "view_audit",
        )

    def open_export_keys(self) -> None:
        """导出密钥: the clinic's keys for another till, written as the manager."""
        from spa_pos.ui.keys_dialog import KeysExportDialog

        self._as_manager(
            self.tr("Export the clinic's keys for another till."),
            _nothing,
            lambda manager, _: KeysExportDialog(self.worker, manager, parent=self),
            "change_settings",
        )

    def open_import(self) -> None:
        self._open(ImportDialog(self.worker, parent=self))

    def stop_background(self) -> None:
        """Before a restore: no scheduled job and no printing may use the database."""
        self.background.stop()
        self.printing.wait_for_done()
