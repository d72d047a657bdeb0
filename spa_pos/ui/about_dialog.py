"""About (关于): the app's version, the schema this release writes and the open database's
schema and file, for the owner on the phone to support ("which version do you have?")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from spa_pos.services import upgrade
from spa_pos.ui.widgets import Button, add_field, button, button_bar, form_grid, label
from spa_pos.ui.worker import DbWorker


class AboutDialog(QDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About spa-pos"))
        self.app_version = label()
        self.schema_version = label()
        self.database_schema = label()
        self.database = label(wrap=True)
        self.close_button = button(self.tr("Close"), "primary")
        self.close_button.clicked.connect(self.accept)
        grid = form_grid()
        add_field(grid, self.tr("App version"), self.app_version)
        add_field(grid, self.tr("Schema version"), self.schema_version)
        add_field(grid, self.tr("Database schema"), self.database_schema)
        add_field(grid, self.tr("Database file"), self.database)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(button_bar(self.close_button))
        worker.run(upgrade.about, self.show_versions, owner=self)

    def show_versions(self, about: upgrade.About) -> None:
        self.app_version.setText(about.app_version)
        self.schema_version.setText(about.schema_version)
        self.database_schema.setText(about.database_schema or self.tr("not created yet"))
        self.database.setText(about.database)


class AboutButton(Button):
    """The button that opens the About dialog through `open_` (the page's own opener, so
    the window knows which dialog is up): one line on the page that shows it."""

    def __init__(self, worker: DbWorker, open_: Callable[[QDialog], None]) -> None:
        super().__init__()
        self.setObjectName("openAbout")
        self.clicked.connect(lambda: open_(AboutDialog(worker, parent=self.window())))
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("About…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
