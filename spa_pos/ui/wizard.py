"""First run (首次设置): the clinic's name, address and phone, a manager PIN, the backup
folder and passphrase (both optional) and, if wanted, the demo catalog. Esc (or closing
it) asks before quitting: the till cannot be used until it is set up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from spa_pos.services import catalog, clinic, keys, staff
from spa_pos.services.catalog import CatalogEntry, RewardEntry
from spa_pos.services.clinic import SetUp
from spa_pos.services.context import Ctx
from spa_pos.ui.widgets import add_field, button, confirm, form_grid, label, row_widget


def apply(ctx: Ctx, answers: SetUp) -> tuple[list[CatalogEntry], list[RewardEntry]]:
    """Set the clinic up, all or nothing (a worker job); returns the catalog as it now is."""
    clinic.set_up(ctx, answers)
    return catalog.entries(ctx)


class _PinPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Manager PIN"))
        self.setSubTitle(
            self.tr("Refunds and other manager actions ask for this PIN.") + " " + staff.pin_rule()
        )
        self.pin = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.pin, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(staff.MAX_PIN)
            field.textChanged.connect(self._check)
        self.problem = label("", "error")
        form = form_grid()
        add_field(form, self.tr("PIN"), self.pin)
        add_field(form, self.tr("Repeat PIN"), self.repeat, self.problem)
        QVBoxLayout(self).addLayout(form)

    def _check(self) -> None:
        problem = staff.pin_problem(self.pin.text())
        if self.pin.text() and problem:
            self.problem.setText(problem)
        elif self.repeat.text() and self.repeat.text() != self.pin.text():
            self.problem.setText(self.tr("The two PINs differ"))
        else:
            self.problem.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(staff.PIN.match(self.pin.text())) and self.pin.text() == self.repeat.text()


class _FolderPage(QWizardPage):
    """Optional: where the end-of-day backup goes (a folder on the USB drive)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Backup folder"))
        self.setSubTitle(
            self.tr(
                "Every evening the till copies its data into this folder. Choose a folder on "
                "the USB drive; leave empty to choose it later in Settings."
            )
        )
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.folder.textChanged.connect(self._check)
        self.browse_button = button(self.tr("Choose…"))
        self.browse_button.clicked.connect(self.browse)
        self.problem = label("", "error")
        form = form_grid()
        add_field(
            form, self.tr("Folder"), row_widget(self.folder, self.browse_button), self.problem
        )
        QVBoxLayout(self).addLayout(form)

    def browse(self) -> None:
        picker = QFileDialog(self, self.tr("Choose the backup folder"), self.folder.text())
        picker.setFileMode(QFileDialog.FileMode.Directory)
        picker.setOption(QFileDialog.Option.ShowDirsOnly)
        picker.fileSelected.connect(self.folder.setText)
        picker.open()

    def _check(self) -> None:
        self.problem.setText("" if self.isComplete() else self.tr("No such folder"))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.folder.text().strip()
        return not text or Path(text).is_dir()


class _PassphrasePage(QWizardPage):
    """Optional: with a passphrase every backup, the end-of-day one too, is encrypted."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Backup passphrase"))
        self.setSubTitle(
            self.tr(
                "Backups are encrypted with it, so a lost USB drive reveals nothing. "
                "At least 8 characters; keep it somewhere safe. Leave empty to set it later."
            )
        )
        self.passphrase = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.textChanged.connect(self.completeChanged)
        form = form_grid()
        add_field(form, self.tr("Passphrase"), self.passphrase)
        add_field(form, self.tr("Repeat passphrase"), self.repeat)
        QVBoxLayout(self).addLayout(form)

    def isComplete(self) -> bool:
        text = self.passphrase.text()
        return keys.passphrase_ok(text) and text == self.repeat.text()


class SetupWizard(QWizard):
    completed = Signal(object)  # SetUp
    # A second till of a clinic whose database is already on a PostgreSQL server: it joins
    # that server (数据库服务器) instead of setting up a clinic of its own.
    server_requested = Signal()

    def __init__(self, catalog_empty: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome — first set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(620, 460)

        clinic_page = QWizardPage()
        clinic_page.setTitle(self.tr("Your clinic"))
        clinic_page.setSubTitle(self.tr("Printed on receipts and vouchers."))
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        form = form_grid()
        add_field(form, self.tr("Clinic name"), self.name)
        add_field(form, self.tr("Address"), self.address)
        add_field(form, self.tr("Phone"), self.phone)
        self.join_server = button(
            self.tr("The clinic is already on a database server: connect this till to it…"),
            "link",
        )
        self.join_server.setObjectName("joinServer")
        self.join_server.clicked.connect(self.server_requested)
        clinic_box = QVBoxLayout(clinic_page)
        clinic_box.addLayout(form)
        clinic_box.addStretch(1)
        clinic_box.addWidget(self.join_server, 0, Qt.AlignmentFlag.AlignLeft)
        clinic_page.registerField("clinic_name*", self.name)

        self.pin_page = _PinPage()
        self.folder_page = _FolderPage()
        self.passphrase_page = _PassphrasePage()

        demo_page = QWizardPage()
        demo_page.setTitle(self.tr("Catalog"))
        self.demo = QCheckBox(
            self.tr("Load the demo catalog: treatments, a course package, products and rewards")
        )
        self.demo.setChecked(catalog_empty)
        box = QVBoxLayout(demo_page)
        box.addWidget(self.demo)
        box.addWidget(label(self.tr("You can change prices and items later."), "muted"))
        box.addStretch(1)

        pages = (clinic_page, self.pin_page, self.folder_page, self.passphrase_page, demo_page)
        for page in pages:
            self.addPage(page)
        self.accepted.connect(lambda: self.completed.emit(self.answers()))

    def reject(self) -> None:
        """Esc or the close button: quitting ends the program (nothing is set up yet), so
        ask first; a slip of the finger on the first page should not cost a restart."""
        confirm(
            self,
            self.tr("Quit the set-up?"),
            self.tr("The till cannot be used until it is set up. Quit now?"),
            super().reject,
        )

    def answers(self) -> SetUp:
        return SetUp(
            clinic_name=self.name.text().strip(),
            clinic_address=self.address.text().strip(),
            clinic_phone=self.phone.text().strip(),
            manager_pin=self.pin_page.pin.text(),
            load_demo=self.demo.isChecked(),
            backup_passphrase=self.passphrase_page.passphrase.text(),
            backup_dir=self.folder_page.folder.text().strip(),
        )
