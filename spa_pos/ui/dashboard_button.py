"""The 管理 page's button to the dashboard. The screen itself (spa_pos/ui/dashboard.py)
is imported on the first click, not when the till starts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from spa_pos.ui.printing import PrintCenter
from spa_pos.ui.worker import DbWorker


class DashboardButton(QPushButton):
    def __init__(
        self,
        worker: DbWorker,
        printing: PrintCenter,
        open_dialog: Callable[[QDialog], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.printing = printing
        self.open_dialog = open_dialog
        self.setObjectName("openDashboard")
        self.clicked.connect(self.open)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Dashboard…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self) -> None:
        from spa_pos.ui import dashboard

        self.worker.run(dashboard.load_today, self._show, owner=self)

    def _show(self, today: date) -> None:
        from spa_pos.ui.dashboard import DashboardDialog

        self.open_dialog(DashboardDialog(self.worker, self.printing, today, parent=self.window()))
