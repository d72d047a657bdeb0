"""Register or edit a member (登记会员 / 编辑会员), validated as the cashier types.

Every change asks `members.validate` (on the worker, after a short pause) and shows each
problem under its own field. Only fields the cashier has touched show problems until
they press Save, so a fresh form is not a wall of red; Save shows them all and puts the
cursor in the first. A phone another member has offers to open that member instead.
The window shows phones masked: editing loads the whole number (`members.phone_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QWidget,
)

from spa_pos.services import members
from spa_pos.services.context import Ctx
from spa_pos.services.members import MemberForm, MemberHit
from spa_pos.services.profile import MemberView
from spa_pos.ui.changes import Change
from spa_pos.ui.live_form import Check, LiveChecks
from spa_pos.ui.widgets import add_field, button, form_grid
from spa_pos.ui.worker import DbWorker

FIELDS = ("name", "phone", "birthday", "gender", "referrer")


@dataclass(frozen=True)
class _Draft:
    form: MemberForm
    local_errors: dict[str, str]  # what the form itself cannot parse (a birthday)


class MemberDialog(QDialog):
    saved = Signal(str)  # card number
    open_existing = Signal(str)  # card number of the member who has the phone typed
    validated = Signal(dict)  # the errors now shown, by field

    def __init__(
        self, worker: DbWorker, existing: MemberView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.card_no = existing.card_no if existing else None
        self.live = LiveChecks(
            self, worker, self._check, self.validated.emit, (self.tr("Save (Enter)"), self.save)
        )
        self.errors = self.live.errors
        self.setWindowTitle(
            self.tr("Edit member {name}").format(name=existing.profile.name)
            if existing
            else self.tr("New member")
        )
        self.setModal(True)
        self.setMinimumWidth(560)

        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setMaxLength(11)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.birthday = QLineEdit()
        self.birthday.setPlaceholderText(self.tr("YYYY-MM-DD, optional"))
        self.gender = QComboBox()
        self.gender.addItem(self.tr("Not given"), None)
        self.gender.addItem(self.tr("Female"), "F")
        self.gender.addItem(self.tr("Male"), "M")
        self.referrer = QLineEdit()
        self.referrer.setPlaceholderText(self.tr("Referrer's phone or card, optional"))
        self.health = QLineEdit()
        self.health.setPlaceholderText(self.tr("e.g. insomnia, neck pain"))
        self.notes = QLineEdit()
        self.consent = QCheckBox(self.tr("Agrees to receive offers and reminders"))
        self.consent.setChecked(False)  # opt-in: only when the member says yes
        self.duplicate: MemberHit | None = None
        self._health_hidden = False  # editing someone whose health notes we may not see
        self.open_duplicate = button()
        self.open_duplicate.setObjectName("openDuplicate")
        self.open_duplicate.clicked.connect(self._open_duplicate)
        self.open_duplicate.hide()
        self._focus_first = False  # Save was pressed: put the cursor in the first problem
        self.validated.connect(self._after_check)

        form = form_grid()
        for key, text, widget, marked in (
            ("name", self.tr("Name"), self.name, self.name),
            ("phone", self.tr("Mobile"), self.phone, self.phone),
            ("birthday", self.tr("Birthday"), self.birthday, self.birthday),
            ("gender", self.tr("Gender"), self.gender, None),  # a choice is never wrong
            ("referrer", self.tr("Referrer"), self.referrer, self.referrer),
        ):
            add_field(form, text, widget, self.live.error_label(key, marked))
            if key == "phone":
                row = form.rowCount()
                form.addWidget(self.open_duplicate, row, 1, Qt.AlignmentFlag.AlignLeft)
        add_field(form, self.tr("Health needs"), self.health)
        add_field(form, self.tr("Notes"), self.notes)
        form.addWidget(self.consent, form.rowCount(), 1)

        self.live.lay_out(form, self.tr("Cancel (Esc)"))

        if existing:
            self._fill(existing)
        for key, signal in (
            ("name", self.name.textEdited),
            ("phone", self.phone.textEdited),
            ("birthday", self.birthday.textEdited),
            ("referrer", self.referrer.textEdited),
        ):
            signal.connect(lambda _=None, key=key: self.live.changed(key))
        self.gender.currentIndexChanged.connect(lambda _: self.live.changed("gender"))
        self.name.setFocus()

    def _fill(self, view: MemberView) -> None:
        p = view.profile
        self.name.setText(p.name)
        # The view's phone is masked: the whole number comes on its own, Save waits for it.
        self.phone.setEnabled(False)
        self.live.button.setEnabled(False)
        self.worker.run(
            lambda ctx: members.phone_of(ctx, view.card_no), self._phone_loaded, owner=self
        )
        self.birthday.setText(p.birthday.isoformat() if p.birthday else "")
        self.gender.setCurrentIndex(max(0, self.gender.findData(p.gender)))
        if p.referrer:  # a referrer cannot change once registered
            self.referrer.setText(p.referrer)
            self.referrer.setReadOnly(True)
            self.referrer.setEnabled(False)
        self.health.setText(p.health_needs)
        self.notes.setText(p.notes)
        if p.health_hidden:  # the service left them out: shown as such, sent back as None
            for field in (self.health, self.notes):
                field.setEnabled(False)
                field.setPlaceholderText(self.tr("Authorised staff only"))
        self._health_hidden = p.health_hidden
        self.consent.setChecked(p.marketing_consent)

    def _phone_loaded(self, phone: str) -> None:
        self.phone.setText(phone)
        self.phone.setEnabled(True)
        self.live.button.setEnabled(True)

    # --- validation ------------------------------------------------------------------
    def _draft(self) -> _Draft:
        local: dict[str, str] = {}
        birthday: date | None = None
        text = self.birthday.text().strip()
        if text:
            try:
                birthday = date.fromisoformat(text)
            except ValueError:
                local["birthday"] = self.tr("Write the birthday as YYYY-MM-DD, e.g. 1985-06-01")
        referrer = None if self.referrer.isReadOnly() else (self.referrer.text().strip() or None)
        form = MemberForm(
            name=self.name.text(),
            phone=self.phone.text(),
            birthday=birthday,
            gender=self.gender.currentData(),
            referrer=referrer,
            health_needs=None if self._health_hidden else self.health.text(),
            notes=None if self._health_hidden else self.notes.text(),
            marketing_consent=self.consent.isChecked(),
        )
        return _Draft(form, local)

    def _check(self) -> Check:
        draft = self._draft()
        card = self.card_no
        return lambda ctx: members.check_form(ctx, draft.form, card), draft.local_errors

    def _after_check(self, shown: dict[str, str]) -> None:
        """After the problems are shown: the cursor to the first one (after Save), and the
        offer to open the member who already has this phone."""
        if self._focus_first and shown:
            first = next(key for key in FIELDS if key in shown)
            self._field(first).setFocus()
        self._focus_first = False
        if "phone" not in shown:
            self._show_duplicate(None)
            return
        phone, card = self.phone.text(), self.card_no
        self.worker.run(
            lambda ctx: members.duplicate_of(ctx, phone, card),
            lambda hit: self._show_duplicate(hit if phone == self.phone.text() else None),
            owner=self,
        )

    def _field(self, key: str) -> QWidget:
        fields: dict[str, QWidget] = {
            "name": self.name,
            "phone": self.phone,
            "birthday": self.birthday,
            "gender": self.gender,
            "referrer": self.referrer,
        }
        return fields[key]

    def _show_duplicate(self, hit: MemberHit | None) -> None:
        self.duplicate = hit
        if hit is not None:
            self.open_duplicate.setText(
                self.tr("Open {name} (card {card}) instead").format(name=hit.name, card=hit.card_no)
            )
        self.open_duplicate.setVisible(hit is not None)

    def _open_duplicate(self) -> None:
        if self.duplicate is not None:
            self.open_existing.emit(self.duplicate.card_no)
            self.reject()

    # --- saving ----------------------------------------------------------------------
    def save(self) -> None:
        self._focus_first = True
        draft = self._draft()
        if not self.live.ready(draft.local_errors):
            return  # the check shows the form's own problems with the service's
        card = self.card_no

        def job(ctx: Ctx) -> str:
            if card:
                return members.edit(ctx, card, draft.form).card_no
            return members.register(ctx, draft.form).card_no

        self.live.save(job, self.saved.emit, changes=Change.MEMBERS)
