"""Settings (设置): the window's language, the language member care's messages are
written in (the members', 消息语言), the clinic's name, address and phone, this
terminal's till name (本收银台, kept on this computer: `spa_pos.till`), the backup folder
(备份文件夹), the printer (打印机), the manager PIN (店长密码) and the backup passphrase
(备份口令)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spa_pos import till
from spa_pos.errors import DomainError
from spa_pos.services import keys, maintenance
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.ui import i18n
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ChangePinDialog, ManagerPinDialog, approve
from spa_pos.ui.printer_settings import CAPTION_WIDTH, PrinterForm
from spa_pos.ui.widgets import (
    ScrollingBody,
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    open_dialog,
    row_widget,
)
from spa_pos.ui.worker import DbWorker


@dataclass(frozen=True)
class ClinicSettings:
    language: str  # "" follows the system
    clinic_name: str
    clinic_address: str
    clinic_phone: str
    printer: dict[str, Any]  # as `print_queue.printer_for` reads it
    receipt_width_mm: int
    backup_dir: str = ""  # the end-of-day backup's folder (the USB drive); "": none
    idle_sign_out_minutes: int = 10  # 0: the till never signs out by itself
    till: str = till.DEFAULT  # this terminal's till name
    message_language: str = "zh_CN"  # member care's messages (its templates' language)


def load(ctx: Ctx) -> ClinicSettings:
    cfg = settings_svc.current(ctx)
    return ClinicSettings(
        cfg.language,
        cfg.clinic_name,
        cfg.clinic_address,
        cfg.clinic_phone,
        dict(cfg.printer),
        cfg.receipt_width_mm,
        cfg.backup_dir,
        cfg.idle_sign_out_minutes,
        ctx.till,
        cfg.message_language,
    )


def save(ctx: Ctx, values: ClinicSettings, passphrase: str = "") -> ClinicSettings:
    """Save the settings, then this terminal's till name and a new backup `passphrase`
    ("" keeps the current one)."""
    settings_svc.update(
        ctx,
        language=values.language,
        message_language=values.message_language,
        clinic_name=values.clinic_name,
        clinic_address=values.clinic_address,
        clinic_phone=values.clinic_phone,
        printer=values.printer,
        receipt_width_mm=values.receipt_width_mm,
        backup_dir=values.backup_dir,
        idle_sign_out_minutes=values.idle_sign_out_minutes,
    )
    if values.till != ctx.till:
        till.save(values.till)
    if passphrase:
        maintenance.set_backup_passphrase(ctx, passphrase)
    return values


class SettingsDialog(QDialog):
    saved = Signal(object)  # ClinicSettings

    def __init__(
        self, worker: DbWorker, current: ClinicSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.pin_dialog: ManagerPinDialog | None = None
        self.setWindowTitle(self.tr("Settings"))
        self.setModal(True)
        self.setMinimumWidth(520)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Follow the system"), "")
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.LANGUAGE_LABELS[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.message_language = QComboBox()
        self.message_language.setObjectName("messageLanguage")
        for code in i18n.LANGUAGES:
            self.message_language.addItem(i18n.LANGUAGE_LABELS[code], code)
        self.message_language.setCurrentIndex(
            max(0, self.message_language.findData(current.message_language))
        )
        self.name = QLineEdit(current.clinic_name)
        self.address = QLineEdit(current.clinic_address)
        self.phone = QLineEdit(current.clinic_phone)
        self.printer = PrinterForm(current.printer, current.receipt_width_mm)
        self.error = label("", "error", wrap=True)
        form = form_grid(CAPTION_WIDTH)
        add_field(form, self.tr("Language"), self.language)
        add_field(form, self.tr("Members' messages in"), self.message_language)
        add_field(form, self.tr("Clinic name"), self.name)
        add_field(form, self.tr("Address"), self.address)
        add_field(form, self.tr("Phone"), self.phone)
        self.till = QLineEdit(current.till)
        self.till.setObjectName("tillName")
        self.till.setMaxLength(till.MAX_LEN)
        self.till.setToolTip(
            self.tr(
                "This computer's name on sales, refunds and its day close. "
                "Each till on a shared database needs its own."
            )
        )
        add_field(form, self.tr("This till"), self.till)
        self.backup_dir = QLineEdit(current.backup_dir)
        self.backup_dir.setObjectName("backupDir")
        self.backup_dir.setPlaceholderText(self.tr("A folder on the USB drive"))
        browse = button(self.tr("Choose…"))
        browse.clicked.connect(self.browse_backup_dir)
        add_field(form, self.tr("Backup folder"), row_widget(self.backup_dir, browse))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(0, 24 * 60)  # as the service checks it
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setValue(current.idle_sign_out_minutes)
        add_field(form, self.tr("Sign out when idle"), self.idle_minutes)
        self.save_button = button(self.tr("Save (Enter)"), "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        cancel = button(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons = button_bar(cancel, self.save_button)
        layout = QVBoxLayout()  # the form, scrolling on a short screen (ScrollingBody)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(label(self.tr("PRINTER"), "section"))
        layout.addWidget(self.printer)
        layout.addWidget(label(self.tr("MANAGER PIN"), "section"))
        self.pin_note = label(
            self.tr("Refunds, cancelled vouchers and large adjustments ask for it."),
            "muted",
            wrap=True,
        )
        self.change_pin = button(self.tr("Change PIN…"))
        self.change_pin.setObjectName("changePin")
        self.change_pin.clicked.connect(self.open_change_pin)
        layout.addLayout(button_bar(self.change_pin, left=(self.pin_note,)))
        layout.addWidget(label(self.tr("BACKUP PASSPHRASE"), "section"))
        layout.addWidget(
            label(
                self.tr(
                    "Every backup, the end-of-day one too, is encrypted with it. "
                    "Leave empty to keep the current one."
                ),
                "muted",
                wrap=True,
            )
        )
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase_repeat = QLineEdit()
        for field in (self.passphrase, self.passphrase_repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        secrets_form = form_grid(CAPTION_WIDTH)
        add_field(secrets_form, self.tr("New passphrase"), self.passphrase)
        add_field(secrets_form, self.tr("Repeat passphrase"), self.passphrase_repeat)
        layout.addLayout(secrets_form)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(12)
        outer.addWidget(label(self.windowTitle(), "title"))
        outer.addWidget(ScrollingBody(layout), 1)
        outer.addWidget(self.error)
        outer.addLayout(buttons)

    def open_change_pin(self) -> None:
        dialog = ChangePinDialog(self.worker, parent=self)
        dialog.changed.connect(
            lambda: self.pin_note.setText(self.tr("The manager PIN has been changed."))
        )
        open_dialog(dialog)

    def browse_backup_dir(self) -> None:
        picker = QFileDialog(self, self.tr("Choose the backup folder"), self.backup_dir.text())
        picker.setFileMode(QFileDialog.FileMode.Directory)
        picker.setOption(QFileDialog.Option.ShowDirsOnly)
        picker.fileSelected.connect(self.backup_dir.setText)
        picker.open()

    def values(self) -> ClinicSettings:
        """What was entered; raises DomainError with what to fix."""
        if not self.name.text().strip():
            raise DomainError("settings.clinic_name_required")
        till_name = till.checked(self.till.text())
        return ClinicSettings(
            self.language.currentData(),
            self.name.text().strip(),
            self.address.text().strip(),
            self.phone.text().strip(),
            self.printer.printer(),
            self.printer.width_mm(),
            self.backup_dir.text().strip(),
            self.idle_minutes.value(),
            till_name,
            self.message_language.currentData(),
        )

    def new_passphrase(self) -> str:
        """The backup passphrase typed ("" if none); raises DomainError with what to fix."""
        text = self.passphrase.text()
        if text != self.passphrase_repeat.text():
            raise DomainError("backup.passphrases_differ")
        if not keys.passphrase_ok(text):
            raise DomainError("backup.passphrase_too_short", min_len=keys.PASSPHRASE_MIN_LEN)
        return text

    def submit(self) -> None:
        try:
            values = self.values()
            passphrase = self.new_passphrase()
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        # Settings are a manager's (the service refuses anyone else): a cashier's PIN
        # dialog approves; a manager signed in saves straight away.
        self.pin_dialog = approve(
            self.worker,
            "change_settings",
            self.windowTitle(),
            lambda ctx: save(ctx, values, passphrase),
            self._saved,
            changes=Change.SETTINGS,
            parent=self,
            on_error=self._refused,
        )

    def _saved(self, values: ClinicSettings) -> None:
        self.saved.emit(values)
        self.accept()

    def _refused(self, exc: Exception) -> bool:
        """Saved without the PIN dialog and refused: the reason shows here."""
        if not isinstance(exc, DomainError):
            return False
        self.error.setText(str(exc))
        return True
