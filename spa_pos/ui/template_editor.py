"""The wording of member care's messages (编辑模板), opened from the member-care screen
after the manager PIN.

The templates edited are those of the language messages are written in (the setting
`message_language`, shown at the top). Per kind of message: its text, the fields that kind
may use as buttons that insert them where the cursor is (named in that language), and the
message a sample member would get, rendered and checked by the service as the owner types
(`outreach.sample`: the same check `set_template` makes, so a field the kind does not have
is named there before anything is saved). Saving is `outreach.set_template`, audited, as
the manager who typed the PIN.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.services import outreach
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.ui.widgets import button, button_bar, label, resize_within_screen
from spa_pos.ui.worker import DbWorker


@dataclass(frozen=True)
class Templates:
    texts: dict[str, str]  # kind → the wording in force
    clinic: str  # for {诊所} in the sample
    language: str  # the language of the texts: the one messages are written in


def load(ctx: Ctx) -> Templates:
    cfg = settings_svc.current(ctx)
    language = cfg.message_language
    return Templates(outreach.template_texts(ctx, language), cfg.clinic_name, language)


class TemplateDialog(QDialog):
    saved = Signal(str)  # the kind whose wording was saved

    def __init__(
        self,
        worker: DbWorker,
        manager: Ctx,
        templates: Templates,
        kind_name: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.manager = manager  # who changes the wording: the manager who typed the PIN
        self.stored = dict(templates.texts)  # what is saved now, per kind
        self.edited = dict(templates.texts)  # what is in the editor, per kind
        self.clinic = templates.clinic
        self.language = templates.language
        self.setObjectName("templateEditor")
        self.setWindowTitle(self.tr("Message templates"))
        resize_within_screen(self, QSize(820, 560))

        languages = {"zh_CN": self.tr("Chinese"), "en": self.tr("English")}
        self.language_label = label(
            self.tr("Messages are written in {language}").format(language=languages[self.language]),
            "muted",
        )
        self.language_label.setObjectName("templateLanguage")
        self.kinds = QComboBox()
        self.kinds.setObjectName("templateKind")
        for kind in outreach.FIELDS:
            self.kinds.addItem(kind_name[kind], kind)
        self.text = QPlainTextEdit()
        self.text.setObjectName("templateText")
        self.fields = QHBoxLayout()
        self.field_buttons: dict[str, QWidget] = {}
        self.preview = label("", wrap=True)
        self.preview.setObjectName("templatePreview")
        self.message = label("", "muted", wrap=True)
        self.message.setObjectName("templateMessage")
        self.default_button = button(self.tr("Default wording"))
        self.default_button.setObjectName("templateDefault")
        self.save_button = button(self.tr("Save"), "primary")
        self.save_button.setObjectName("templateSave")
        close = button(self.tr("Close (Esc)"))

        kind_row = QHBoxLayout()
        kind_row.addWidget(label(self.tr("Message")))
        kind_row.addWidget(self.kinds, 1)
        kind_row.addWidget(self.language_label)
        layout = QVBoxLayout(self)
        layout.addLayout(kind_row)
        layout.addWidget(label(self.tr("Text, as the members get it"), "section"))
        layout.addWidget(self.text, 1)
        layout.addWidget(label(self.tr("Fields: click to insert"), "section"))
        layout.addLayout(self.fields)
        layout.addWidget(label(self.tr("A sample member gets"), "section"))
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addLayout(button_bar(close, self.save_button, left=(self.default_button,)))

        self.kinds.currentIndexChanged.connect(self._kind_chosen)
        self.text.textChanged.connect(self._typed)
        self.default_button.clicked.connect(self._default)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        self._kind_chosen()

    def kind(self) -> str:
        return str(self.kinds.currentData())

    def _kind_chosen(self) -> None:
        kind = self.kind()
        while self.fields.count():
            item = self.fields.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # hidden now, deleted once the event loop comes round
                widget.hide()
                widget.deleteLater()
        self.field_buttons = {}
        for name in outreach.field_names(kind, self.language):
            field = button(f"{{{name}}}", "link")
            field.setObjectName(f"field:{name}")
            field.clicked.connect(lambda _=False, n=name: self.insert_field(n))
            self.fields.addWidget(field)
            self.field_buttons[name] = field
        self.fields.addStretch(1)
        self.text.setPlainText(self.edited[kind])
        self.message.clear()

    def insert_field(self, name: str) -> None:
        self.text.insertPlainText(f"{{{name}}}")
        self.text.setFocus()

    def _default(self) -> None:
        self.text.setPlainText(outreach.DEFAULTS[self.language][self.kind()])

    def _typed(self) -> None:
        """Keep the kind's edit and show the sample member's message, or why there is
        none (the service's refusal)."""
        kind, text = self.kind(), self.text.toPlainText()
        self.edited[kind] = text
        try:
            self.preview.setText(outreach.sample(kind, text, self.clinic, self.language))
            self.preview.setProperty("role", "")
        except DomainError as exc:
            self.preview.setText(str(exc))
            self.preview.setProperty("role", "error")
        self.preview.style().unpolish(self.preview)
        self.preview.style().polish(self.preview)
        self.save_button.setEnabled(text != self.stored[kind])

    def save(self) -> None:
        kind, text = self.kind(), self.text.toPlainText()
        self.save_button.setEnabled(False)
        self.worker.run(
            lambda _: outreach.set_template(self.manager, kind, text, self.language),
            lambda _: self._saved(kind, text),
            on_error=self._refused,
            owner=self,
        )

    def _saved(self, kind: str, text: str) -> None:
        self.stored[kind] = text
        self.message.setText(self.tr("Saved: messages queued from now on use it."))
        self.saved.emit(kind)

    def _refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            self.message.setText(str(exc))
            self.save_button.setEnabled(True)
            return True
        return False
