"""First run (首次设置): the clinic's name, address and phone, a manager PIN, a backup
passphrase (optional) and, if wanted, the demo catalog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from spa_pos.ui.widgets import add_field, form_grid, label


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
        QVBoxLayout(clinic_page).addLayout(form)
        clinic_page.registerField("clinic_name*", self.name)

        self.pin_page = _PinPage()
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

        for page in (clinic_page, self.pin_page, self.passphrase_page, demo_page):
            self.addPage(page)
        self.accepted.connect(lambda: self.completed.emit(self.answers()))

    def answers(self) -> SetUp:
        return SetUp(
            self.name.text().strip(),
            self.address.text().strip(),
            self.phone.text().strip(),
            self.pin_page.pin.text(),
            self.demo.isChecked(),
            self.passphrase_page.passphrase.text(),
        )
