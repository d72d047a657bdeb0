"""Restore (恢复): put a backup back in place of the current database.

Pick a folder and one of its backups, give the passphrase of an encrypted one; a manager
enters the PIN and confirms. A backup of another clinic is refused until the owner types
that clinic's name (the refusal says which) and restores again. Before the swap the window
stops its background work (`prepare`: the scheduler, printing); the restore itself runs on
the DB worker, so no other database job runs meanwhile; it closes the window's connections
and holds the database alone (`Database.exclusive`). `maintenance.restore` keeps a safety
copy of the current database and upgrades the backup to this version; the window then
reloads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import BackupError, DomainError
from spa_pos.services import backup, clinic, maintenance
from spa_pos.services.backup import BackupInfo, RestoreResult
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui.backup_dialog import human_size
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    confirm,
    form_grid,
    label,
    row_widget,
)
from spa_pos.ui.worker import DbWorker

INFO_ROLE = Qt.ItemDataRole.UserRole


def find_backups(ctx: Ctx, folder: Path) -> list[BackupInfo]:
    """The backups in `folder`, newest first, with their times in the clinic's zone."""
    zone = clinic.zone(ctx)
    return [
        dataclasses.replace(info, created_at=info.created_at.astimezone(zone))
        for info in backup.list_backups(folder)
    ]


class RestoreDialog(QDialog):
    restored = Signal(object)  # RestoreResult
    abandoned = Signal()  # the background work was stopped but nothing was restored

    def __init__(
        self,
        worker: DbWorker,
        folder: str,
        prepare: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.prepare = prepare
        self.running = False
        self.backups: list[BackupInfo] = []
        self.pin_dialog: ManagerPinDialog | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setModal(True)
        self.setMinimumWidth(680)

        self.folder = QLineEdit(folder)
        self.folder.setObjectName("restoreFolder")
        self.folder.returnPressed.connect(self.look)
        browse = button(self.tr("Choose folder…"))
        browse.clicked.connect(self.browse)
        look = button(self.tr("List backups"))
        look.setObjectName("listBackups")
        look.clicked.connect(self.look)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.currentRowChanged.connect(self._chosen)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("restorePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setEnabled(False)
        self.clinic_name = QLineEdit()
        self.clinic_name.setObjectName("confirmClinic")
        self.clinic_row = row_widget(
            label(self.tr("Type the backup's clinic name to restore it anyway:")),
            self.clinic_name,
        )
        self.clinic_row.hide()  # shown when the chosen backup is another clinic's
        form = form_grid()
        add_field(form, self.tr("Folder"), row_widget(self.folder, browse, look))
        add_field(form, self.tr("Passphrase"), self.passphrase)
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("restoreError")
        self.close_button = button(self.tr("Cancel (Esc)"))
        self.close_button.clicked.connect(self.reject)
        self.start_button = button(self.tr("Restore…"), "primary")
        self.start_button.setObjectName("startRestore")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.ask_pin)
        buttons = button_bar(self.close_button, self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "Everything done since the backup was made is "
                    "replaced. A safety copy of the current data is "
                    "kept first."
                ),
                "warn",
                wrap=True,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.clinic_row)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        if folder:
            self.look()

    def browse(self) -> None:
        picker = QFileDialog(
            self, self.tr("Choose the folder with the backups"), self.folder.text()
        )
        picker.setFileMode(QFileDialog.FileMode.Directory)
        picker.setOption(QFileDialog.Option.ShowDirsOnly)
        picker.fileSelected.connect(self._folder_chosen)
        picker.open()

    def _folder_chosen(self, folder: str) -> None:
        self.folder.setText(folder)
        self.look()

    # --- the list --------------------------------------------------------------------
    def look(self) -> None:
        folder = Path(self.folder.text().strip())
        self.error.clear()
        self.worker.run(
            lambda ctx: find_backups(ctx, folder),
            self.show_backups,
            on_error=self._refused,
            owner=self,
        )

    def show_backups(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self.list.clear()
        for info in backups:
            text = self.tr("{time} · {clinic} · {size}").format(
                time=f"{info.created_at:%Y-%m-%d %H:%M}",
                clinic=info.clinic or "—",
                size=human_size(info.bytes),
            )
            if info.encrypted:
                text += self.tr(" · encrypted")
            item = QListWidgetItem(text)
            item.setToolTip(str(info.file))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        else:
            self.error.setText(self.tr("There is no backup in this folder."))
        self._chosen(self.list.currentRow())

    def chosen(self) -> BackupInfo | None:
        index = self.list.currentRow()
        return self.backups[index] if 0 <= index < len(self.backups) else None

    def _chosen(self, _row: int) -> None:
        if not self.running:
            self.clinic_row.hide()
            self.clinic_name.clear()
        info = self.chosen()
        self.start_button.setEnabled(info is not None and not self.running)
        self.passphrase.setEnabled(info is not None and info.encrypted)

    # --- restoring -------------------------------------------------------------------
    def ask_pin(self) -> None:
        info = self.chosen()
        if info is None or self.running:
            return
        if info.encrypted and not self.passphrase.text():
            self.error.setText(self.tr("This backup is encrypted: enter its passphrase."))
            self.passphrase.setFocus()
            return
        self.error.clear()
        what = self.tr("Restore the backup of {time}?").format(
            time=f"{info.created_at:%Y-%m-%d %H:%M}"
        )
        self.pin_dialog = approve(
            self.worker,
            "restore",
            what,
            lambda ctx: ctx.actor,
            lambda manager: self.ask_confirm(info, manager),
            changes=None,
            parent=self,
        )

    def ask_confirm(self, info: BackupInfo, manager: Actor) -> None:
        confirm(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the current data with the backup of {time}?\n\nA safety "
                "copy of the current data is kept first (in the “safety” folder "
                "next to the database). The window reloads afterwards."
            ).format(time=f"{info.created_at:%Y-%m-%d %H:%M}"),
            lambda: self.restore(info, manager),
        )

    def restore(self, info: BackupInfo, manager: Actor) -> None:
        self.running = True
        for widget in (self.start_button, self.close_button):
            widget.setEnabled(False)
        self.prepare()
        passphrase = self.passphrase.text() if info.encrypted else None
        confirm_clinic = self.clinic_name.text().strip() or None
        file = info.file

        def job(ctx: Ctx) -> RestoreResult:
            return maintenance.restore(
                Ctx(ctx.db, manager, ctx.clock, ctx.till),
                file,
                passphrase=passphrase,
                confirm_clinic=confirm_clinic,
            )

        self.worker.run(job, self._done, on_error=self._failed, owner=self)

    def _done(self, result: RestoreResult) -> None:
        self.running = False
        self.restored.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> bool:
        self.running = False
        self.close_button.setEnabled(True)
        self.start_button.setEnabled(self.chosen() is not None)
        self.abandoned.emit()
        if isinstance(exc, BackupError) and exc.code == "backup.other_clinic":
            self.clinic_row.show()
            self.clinic_name.setFocus()
        return self._refused(exc)

    def _refused(self, exc: Exception) -> bool:
        self.error.setText(
            str(exc)
            if isinstance(exc, DomainError)
            else self.tr("That did not work and has been logged: {error}").format(
                error=f"{type(exc).__name__}: {exc}"
            )
        )
        return True

    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)
