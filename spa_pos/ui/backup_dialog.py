"""Backup (备份): a verified copy of the database on a USB drive or any folder.

Removable drives that are plugged in are offered (`QStorageInfo`); an optional passphrase
encrypts the copy. The backup runs on the DB worker and reports its progress by a signal;
the service remembers the folder that worked as `backup_dir`, where the nightly backup
goes too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStorageInfo, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.services import maintenance
from spa_pos.services.backup import BackupResult
from spa_pos.services.context import Ctx
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    open_dialog,
    row_widget,
)
from spa_pos.ui.worker import DbWorker

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
DRIVE_LETTER = re.compile(r"^([A-Za-z]):[\\/]?$")
SHA_SHOWN = 12


def is_removable(root: str, *, ready: bool, read_only: bool, is_root: bool) -> bool:
    """A volume to offer for backups: ready, writable, not the system volume; on Linux and
    macOS mounted under /media, /run/media, /mnt or /Volumes, on Windows not C:."""
    if not ready or read_only or is_root:
        return False
    letter = DRIVE_LETTER.match(root)
    if letter:
        return letter.group(1).upper() != "C"
    return root.startswith(REMOVABLE_ROOTS)


def removable_volumes() -> list[QStorageInfo]:
    return [
        v
        for v in QStorageInfo.mountedVolumes()
        if v.isValid()
        and is_removable(
            v.rootPath(), ready=v.isReady(), read_only=v.isReadOnly(), is_root=v.isRoot()
        )
    ]


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


@dataclass(frozen=True)
class _Request:
    folder: Path
    passphrase: str | None


class _Relay(QObject):
    """Carries the progress callback (DB worker thread) to the dialog (UI thread)."""

    progressed = Signal(float)


class BackupDialog(QDialog):
    finished_backup = Signal(object)  # BackupResult

    def __init__(self, worker: DbWorker, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.running = False
        self.backup_result: BackupResult | None = None
        self.pin_dialog: ManagerPinDialog | None = None
        self.setWindowTitle(self.tr("Back up"))
        self.setModal(True)
        self.setMinimumWidth(640)

        self.drives = QComboBox()
        self.drives.setObjectName("drives")
        self.drives.activated.connect(self._drive_chosen)
        refresh = button(self.tr("Look again"))
        refresh.clicked.connect(self.find_drives)
        self.folder = QLineEdit(folder)
        self.folder.setObjectName("backupFolder")
        browse = button(self.tr("Choose folder…"))
        browse.clicked.connect(self.browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("passphraseRepeat")
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form = form_grid()
        add_field(form, self.tr("USB drive"), row_widget(self.drives, refresh))
        add_field(form, self.tr("Folder"), row_widget(self.folder, browse))
        add_field(form, self.tr("Passphrase (optional)"), self.passphrase)
        add_field(form, self.tr("Repeat passphrase"), self.repeat)

        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setProperty("role", "progress")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self._relay = _Relay(self)
        self._relay.progressed.connect(lambda done: self.progress.setValue(round(done * 100)))
        self.message = label("", wrap=True)  # the result or the problem
        self.message.setObjectName("backupMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for three lines from the start: a dialog does not grow well for wrapped text.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 3)
        self.close_button = button(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        self.start_button = button(self.tr("Back up now (Enter)"), "primary")
        self.start_button.setObjectName("startBackup")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        buttons = button_bar(self.close_button, self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "Plug in the USB drive, choose it (or a folder on it) "
                    "and start. Without a passphrase the copy is not "
                    "encrypted; a forgotten passphrase cannot be "
                    "recovered."
                ),
                "muted",
                wrap=True,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.find_drives()
        self.folder.setFocus()  # Enter there starts the backup

    # --- where -----------------------------------------------------------------------
    def find_drives(self) -> None:
        self.drives.clear()
        volumes = removable_volumes()
        if not volumes:
            self.drives.addItem(self.tr("No USB drive found"), "")
        for volume in volumes:
            self.drives.addItem(
                self.tr("{name} ({path}), {free} free").format(
                    name=volume.displayName(),
                    path=volume.rootPath(),
                    free=human_size(volume.bytesAvailable()),
                ),
                volume.rootPath(),
            )
        self.drives.setEnabled(bool(volumes))
        if volumes and not self.folder.text():
            self._drive_chosen(0)

    def _drive_chosen(self, index: int) -> None:
        path = self.drives.itemData(index)
        if path:
            self.folder.setText(str(Path(path)))

    def browse(self) -> None:
        picker = QFileDialog(self, self.tr("Choose the backup folder"), self.folder.text())
        picker.setFileMode(QFileDialog.FileMode.Directory)
        picker.setOption(QFileDialog.Option.ShowDirsOnly)
        picker.fileSelected.connect(self.folder.setText)
        picker.open()

    # --- backing up ------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_role(self.message, "error" if error else "")

    def request(self) -> _Request | None:
        """What to do, or None with the problem shown."""
        folder = self.folder.text().strip()
        if not folder:
            self.say(self.tr("Choose the USB drive or a folder first."), error=True)
            return None
        passphrase = self.passphrase.text()
        if passphrase != self.repeat.text():
            self.say(self.tr("The two passphrases are not the same."), error=True)
            return None
        return _Request(Path(folder), passphrase or None)

    def start(self) -> None:
        if self.running:
            return
        self.say("")
        request = self.request()
        if request is None:
            return
        self.running = True
        self.progress.setValue(0)
        for widget in (self.start_button, self.close_button):
            widget.setEnabled(False)
        emit = self._relay.progressed.emit

        def job(ctx: Ctx) -> BackupResult:
            return maintenance.backup_now(
                ctx, request.folder, passphrase=request.passphrase, progress=emit
            )

        self.worker.run(
            job,
            self._done,
            on_error=lambda exc: self._failed(exc, job),
            changes=Change.BACKUP,
            owner=self,
        )

    def _stopped(self) -> None:
        self.running = False
        for widget in (self.start_button, self.close_button):
            widget.setEnabled(True)

    def _done(self, result: BackupResult) -> None:
        self._stopped()
        self.backup_result = result
        self.progress.setValue(100)
        self.say(
            self.tr("Backup done: {file}\nSHA-256 {sha} · {size}{locked}").format(
                file=result.file,
                sha=result.sha256[:SHA_SHOWN],
                size=human_size(result.bytes),
                locked=self.tr(" · encrypted") if result.encrypted else "",
            )
        )
        self.close_button.setFocus()
        self.finished_backup.emit(result)

    def _failed(self, exc: Exception, job: Callable[[Ctx], BackupResult]) -> bool:
        """Shown here, never as a second box (the worker has logged the unexpected). A
        new folder is a settings change (`change_settings`, refused by the service to a
        cashier): a manager's PIN on the spot lets the same backup run."""
        self._stopped()
        self.progress.setValue(0)
        if isinstance(exc, DomainError) and exc.code == "staff.not_allowed":
            self.pin_dialog = ManagerPinDialog(
                self.worker, str(exc), job, changes=Change.BACKUP, parent=self
            )
            self.pin_dialog.succeeded.connect(self._done)
            open_dialog(self.pin_dialog)
        self.say(
            str(exc)
            if isinstance(exc, DomainError)
            else self.tr("The backup failed and has been logged: {error}").format(
                error=f"{type(exc).__name__}: {exc}"
            ),
            error=True,
        )
        return True

    # --- a running backup is not abandoned -------------------------------------------
    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)
