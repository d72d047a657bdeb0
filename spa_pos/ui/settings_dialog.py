"""Settings (设置): the window's language and the clinic's name, address and phone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.ui import i18n
from spa_pos.ui.widgets import add_field, button, form_grid, label
from spa_pos.ui.worker import DbWorker


@dataclass(frozen=True)
class ClinicSettings:
    language: str  # "" follows the system
    clinic_name: str
    clinic_address: str
    clinic_phone: str


def load(ctx: Ctx) -> ClinicSettings:
    with ctx.db.read() as s:
        cfg = settings_svc.load(s)
        return ClinicSettings(cfg.language, cfg.clinic_name, cfg.clinic_address,
                              cfg.clinic_phone)


def save(ctx: Ctx, values: ClinicSettings) -> ClinicSettings:
    with ctx.db.write() as s:
        settings_svc.save(s, language=values.language, clinic_name=values.clinic_name,
                          clinic_address=values.clinic_address,
                          clinic_phone=values.clinic_phone)
    return values


class SettingsDialog(QDialog):
    saved = Signal(object)  # ClinicSettings

    def __init__(self, worker: DbWorker, current: ClinicSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("Settings"))
        self.setModal(True)
        self.setMinimumWidth(520)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Follow the system"), "")
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.LANGUAGE_LABELS[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.name = QLineEdit(current.clinic_name)
        self.address = QLineEdit(current.clinic_address)
        self.phone = QLineEdit(current.clinic_phone)
        self.error = label("", "error", wrap=True)
        form = form_grid()
        add_field(form, self.tr("Language"), self.language)
        add_field(form, self.tr("Clinic name"), self.name)
        add_field(form, self.tr("Address"), self.address)
        add_field(form, self.tr("Phone"), self.phone)
        self.save_button = button(self.tr("Save (Enter)"), "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def values(self) -> ClinicSettings:
        return ClinicSettings(self.language.currentData(), self.name.text().strip(),
                              self.address.text().strip(), self.phone.text().strip())

    def submit(self) -> None:
        values = self.values()
        if not values.clinic_name:
            self.error.setText(self.tr("The clinic needs a name."))
            return
        self.save_button.setEnabled(False)
        self.worker.run(lambda ctx: save(ctx, values), self._saved, changes="settings",
                        owner=self)

    def _saved(self, values: ClinicSettings) -> None:
        self.saved.emit(values)
        self.accept()
