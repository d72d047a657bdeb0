"""The clinic's keys carried to another till (`spa_pos.services.keyring_transfer`).

导出密钥… (管理, behind a manager): the keyring written to a file sealed with a
passphrase typed twice. 导入本店密钥 (offered by the sign-in when this till has no keys
for a clinic on a server): the file and its passphrase; nobody needs to be signed in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from spa_pos.errors import DomainError
from spa_pos.services import keyring_transfer
from spa_pos.services.context import Ctx
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    resize_within_screen,
)
from spa_pos.ui.worker import DbWorker

KEYS_FILTER = "*.keys"


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _Form:
    """What both dialogs show: a file (typed or chosen), a passphrase, an outcome line
    and one action."""

    def __init__(self, dialog: QDialog, pick: Callable[[], None]) -> None:
        self.file = QLineEdit()
        self.file.setObjectName("keysFile")
        choose = button(QCoreApplication.translate("KeysDialog", "Choose…"))
        choose.clicked.connect(pick)
        self.passphrase = _secret_field("keysPassphrase")
        self.outcome = label(wrap=True)
        self.outcome.setObjectName("keysOutcome")
        self.go = button("", "primary")
        self.go.setObjectName("keysGo")
        self.close = button(QCoreApplication.translate("KeysDialog", "Close"))
        self.close.clicked.connect(dialog.reject)
        self.grid = form_grid()
        picked = QHBoxLayout()
        picked.setContentsMargins(0, 0, 0, 0)
        picked.addWidget(self.file, 1)
        picked.addWidget(choose)
        holder = QWidget()
        holder.setLayout(picked)
        add_field(self.grid, QCoreApplication.translate("KeysDialog", "Keys file"), holder)
        add_field(
            self.grid, QCoreApplication.translate("KeysDialog", "Passphrase"), self.passphrase
        )

    def lay_out(self, dialog: QDialog, intro: str) -> None:
        layout = QVBoxLayout(dialog)
        layout.addWidget(label(intro, wrap=True))
        layout.addLayout(self.grid)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addLayout(button_bar(self.go, self.close))
        resize_within_screen(dialog, QSize(560, 340))

    def refused(self, exc: Exception) -> bool:
        self.go.setEnabled(True)
        if not isinstance(exc, DomainError):
            return False
        self.outcome.setText(str(exc))
        return True


class KeysExportDialog(QDialog):
    """导出密钥: as `manager` (the export is a manager's act, audited)."""

    def __init__(self, worker: DbWorker, manager: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker, self.manager = worker, manager
        self.setWindowTitle(self.tr("Export the clinic's keys"))
        self.form = _Form(self, self.pick)
        self.repeat = _secret_field("keysRepeat")
        add_field(self.form.grid, self.tr("Passphrase again"), self.repeat)
        self.form.go.setText(self.tr("Export"))
        self.form.go.clicked.connect(self.submit)
        self.form.lay_out(
            self,
            self.tr(
                "Another till of this clinic needs these keys to sign the audit trail and to "
                "check voucher codes. Keep the file and its passphrase apart."
            ),
        )

    def pick(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.form.file.text() or "clinic.keys", KEYS_FILTER
        )
        if path:
            self.form.file.setText(path)

    def submit(self) -> None:
        file, passphrase = self.form.file.text().strip(), self.form.passphrase.text()
        if not file:
            self.form.outcome.setText(self.tr("Choose where to write the keys file."))
            return
        if passphrase != self.repeat.text():
            self.form.outcome.setText(self.tr("The two passphrases differ."))
            return
        self.form.go.setEnabled(False)
        manager = self.manager
        self.worker.run(
            lambda _: keyring_transfer.export_file(manager, passphrase, Path(file)),
            lambda _: self._done(file),
            on_error=self.form.refused,
            owner=self,
        )

    def _done(self, file: str) -> None:
        self.form.go.setEnabled(True)
        self.form.outcome.setText(self.tr("The keys were written to {file}.").format(file=file))


class KeysImportDialog(QDialog):
    """导入本店密钥: `accepted` once this till holds the clinic's keys."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("Import the clinic's keys"))
        self.form = _Form(self, self.pick)
        self.form.go.setText(self.tr("Import"))
        self.form.go.clicked.connect(self.submit)
        self.form.lay_out(
            self,
            self.tr(
                "On a till already in use, a manager chooses Manage → Export keys…; "
                "choose that file here and type its passphrase."
            ),
        )

    def pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), "", KEYS_FILTER)
        if path:
            self.form.file.setText(path)

    def submit(self) -> None:
        file, passphrase = self.form.file.text().strip(), self.form.passphrase.text()
        if not file:
            self.form.outcome.setText(self.tr("Choose the keys file."))
            return
        self.form.go.setEnabled(False)
        self.worker.run(
            lambda ctx: keyring_transfer.import_file(ctx, Path(file), passphrase),
            lambda _: self.accept(),
            on_error=self.form.refused,
            owner=self,
        )
