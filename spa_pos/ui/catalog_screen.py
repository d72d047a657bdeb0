"""The clinic's catalog (项目与商品) in 管理: a table of services, products and courses,
and a dialog to add or edit one, each field checked next to itself as it is typed.

The screen opens after the manager PIN and acts with the manager's context (`manager`):
the catalog services refuse anyone else. The checks are `catalog.validate_item`, asked on
the worker; only what the form cannot read itself (a price that is not a number) is
checked here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen, parse_yuan
from spa_pos.services import catalog
from spa_pos.services.catalog import ItemRow, ItemSpec
from spa_pos.services.context import Ctx
from spa_pos.ui.changes import Change
from spa_pos.ui.live_form import Check, LiveChecks
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    open_dialog,
    read_only_table,
    resize_within_screen,
    row,
)
from spa_pos.ui.worker import DbWorker


def whole_number(text: str, problem: str) -> tuple[int | None, str | None]:
    """A typed whole number (±), or None when empty; `problem` when it is not one."""
    cleaned = text.strip()
    if not cleaned:
        return None, None
    try:
        return int(cleaned), None
    except ValueError:
        return None, problem


def kind_names() -> dict[str, str]:
    """The item kinds, in the language in force."""
    return {
        "service": QCoreApplication.translate("ItemKind", "Service"),
        "product": QCoreApplication.translate("ItemKind", "Product"),
        "course": QCoreApplication.translate("ItemKind", "Course"),
    }


@dataclass(frozen=True)
class _Draft:
    spec: ItemSpec
    local_errors: dict[str, str]


class ItemDialog(QDialog):
    """Add an item, or edit `existing` (its code and kind stay)."""

    saved = Signal(object)  # ItemRow
    validated = Signal(dict)  # the problems now shown, by field

    def __init__(
        self,
        worker: DbWorker,
        manager: Ctx,
        categories: list[str],
        existing: ItemRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker, self.manager = worker, manager
        self.editing = existing.code if existing else None
        self.live = LiveChecks(
            self, worker, self._check, self.validated.emit, (self.tr("Save (Enter)"), self.save)
        )
        self.errors = self.live.errors
        self.setWindowTitle(
            self.tr("Edit {name}").format(name=existing.name) if existing else self.tr("New item")
        )
        self.setModal(True)
        self.setMinimumWidth(980)

        self.code = QLineEdit()
        self.code.setMaxLength(catalog.MAX_CODE + 1)
        self.code.setPlaceholderText(self.tr("Letters and digits, e.g. JJ1"))
        self.name = QLineEdit()
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(categories)
        self.category.setCurrentIndex(-1)
        line = self.category.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("The clinic's own, e.g. 肩颈, 艾灸, 产品"))
        self.kind = QComboBox()
        for kind, text in kind_names().items():
            self.kind.addItem(text, kind)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("Yuan, e.g. 168 or 12.5"))
        self.points = QLineEdit()
        self.points.setPlaceholderText(self.tr("Empty: earned at the rate"))
        self.sessions = QLineEdit()
        self.service = QLineEdit()
        self.service.setPlaceholderText(self.tr("Code of the treatment, e.g. AJ"))
        self.valid_days = QLineEdit()
        self.valid_days.setPlaceholderText(self.tr("Empty: no limit"))
        self.sort_order = QLineEdit("0")
        self.active = QCheckBox(self.tr("On sale (shown on the till)"))
        self.active.setChecked(True)

        self.fields: dict[str, QWidget] = {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "kind": self.kind,
            "price_fen": self.price,
            "points": self.points,
            "sessions": self.sessions,
            "course_service_code": self.service,
            "valid_days": self.valid_days,
            "sort_order": self.sort_order,
            "active": self.active,
        }
        captions = {
            "code": self.tr("Code"),
            "name": self.tr("Name"),
            "category": self.tr("Category"),
            "kind": self.tr("Kind"),
            "price_fen": self.tr("Price"),
            "points": self.tr("Points"),
            "sessions": self.tr("Sessions"),
            "course_service_code": self.tr("Sessions of"),
            "valid_days": self.tr("Valid days"),
            "sort_order": self.tr("Order on the till"),
            "active": self.tr("Status"),
        }
        # Two columns, so the form fits a till's 800-pixel-high screen.
        left, right = form_grid(), form_grid()
        for n, (key, widget) in enumerate(self.fields.items()):
            widget.setObjectName(f"field_{key}")
            error = self.live.error_label(key, widget)
            add_field(left if n < 6 else right, captions[key], widget, error)
        right.setRowStretch(right.rowCount(), 1)
        left.setRowStretch(left.rowCount(), 1)
        form = row(spacing=24)
        form.addLayout(left, 1)
        form.addLayout(right, 1)

        self.live.lay_out(form, self.tr("Cancel (Esc)"))

        if existing:
            self._fill(existing)
        for key, edit in (
            ("code", self.code),
            ("name", self.name),
            ("price_fen", self.price),
            ("points", self.points),
            ("sessions", self.sessions),
            ("course_service_code", self.service),
            ("valid_days", self.valid_days),
            ("sort_order", self.sort_order),
        ):
            assert isinstance(edit, QLineEdit)
            edit.textEdited.connect(lambda _=None, key=key: self.live.changed(key))
        self.category.editTextChanged.connect(lambda _: self.live.changed("category"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.active.toggled.connect(lambda _: self.live.changed("active"))
        self._show_course_fields()
        (self.name if existing else self.code).setFocus()

    def _fill(self, item: ItemRow) -> None:
        self.code.setText(item.code)
        self.code.setReadOnly(True)
        self.name.setText(item.name)
        self.category.setEditText(item.category)
        self.kind.setCurrentIndex(self.kind.findData(item.kind))
        self.kind.setEnabled(False)  # a new kind is a new item
        self.price.setText(f"{item.price_fen / 100:.2f}")
        self.points.setText("" if item.points is None else str(item.points))
        self.sessions.setText("" if item.sessions is None else str(item.sessions))
        self.service.setText(item.course_service_code or "")
        self.valid_days.setText("" if item.valid_days is None else str(item.valid_days))
        self.sort_order.setText(str(item.sort_order))
        self.active.setChecked(item.active)

    def _kind_changed(self) -> None:
        self._show_course_fields()
        self.live.changed("kind")

    def _show_course_fields(self) -> None:
        course = self.kind.currentData() == "course"
        for widget in (self.sessions, self.service, self.valid_days):
            widget.setEnabled(course)

    # --- validation ------------------------------------------------------------------
    def draft(self) -> _Draft:
        local: dict[str, str] = {}
        not_whole = self.tr("Enter a whole number")
        price = 0
        if not self.price.text().strip():
            local["price_fen"] = self.tr("Enter the price in yuan")
        else:
            try:
                price = parse_yuan(self.price.text())
            except DomainError as exc:
                local["price_fen"] = str(exc)
        numbers: dict[str, int | None] = {}
        for key, edit in (
            ("points", self.points),
            ("sessions", self.sessions),
            ("valid_days", self.valid_days),
            ("sort_order", self.sort_order),
        ):
            numbers[key], problem = whole_number(edit.text(), not_whole)
            if problem:
                local[key] = problem
        course = self.kind.currentData() == "course"
        spec = ItemSpec(
            code=self.code.text(),
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            price_fen=price,
            points=numbers["points"],
            category=self.category.currentText(),
            sessions=numbers["sessions"] if course else None,
            course_service_code=self.service.text() if course else None,
            valid_days=numbers["valid_days"] if course else None,
            active=self.active.isChecked(),
            sort_order=numbers["sort_order"] or 0,
        )
        return _Draft(spec, local)

    def _check(self) -> Check:
        draft = self.draft()
        manager, editing = self.manager, self.editing
        return (
            lambda _: catalog.check_item(manager, draft.spec, editing=editing),
            draft.local_errors,
        )

    # --- saving ----------------------------------------------------------------------
    def save(self) -> None:
        draft = self.draft()
        if not self.live.ready(draft.local_errors):
            return
        manager, editing, spec = self.manager, self.editing, draft.spec

        def job(_: Ctx) -> ItemRow:
            if editing:
                return catalog.edit_item(manager, editing, spec)
            return catalog.add_item(manager, spec)

        self.live.save(job, self.saved.emit, changes=Change.CATALOG)


COLUMNS = 8


class CatalogDialog(QDialog):
    """The catalog as a table; Enter edits the chosen item, Ctrl+N adds one."""

    loaded = Signal()

    def __init__(self, worker: DbWorker, manager: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker, self.manager = worker, manager
        self.items: list[ItemRow] = []
        self.item_dialog: ItemDialog | None = None
        self.setModal(True)
        resize_within_screen(self, QSize(1080, 680))
        self.heading = label("", "title")
        self.show_retired = QCheckBox()
        self.show_retired.setObjectName("showRetired")
        self.show_retired.toggled.connect(lambda _: self.reload())
        self.table = read_only_table(COLUMNS)
        self.table.setObjectName("catalogTable")
        self.table.activated.connect(lambda _: self.edit_selected())
        self.add_button = button("", "primary")
        self.add_button.setObjectName("addItem")
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = button()
        self.edit_button.setObjectName("editItem")
        self.edit_button.clicked.connect(self.edit_selected)
        self.close_button = button()
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        top = row(self.heading)
        top.addStretch(1)
        top.addWidget(self.show_retired)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_bar(self.close_button, left=(self.add_button, self.edit_button)))
        self.retranslate()
        self.reload()
        self.table.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Catalog"))
        self.heading.setText(self.tr("Services, products and courses"))
        self.show_retired.setText(self.tr("Show retired items"))
        self.add_button.setText(self.tr("New item (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit (Enter)"))
        self.close_button.setText(self.tr("Close (Esc)"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Kind"),
                self.tr("Price"),
                self.tr("Points"),
                self.tr("Course"),
                self.tr("Status"),
            ]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.show_items(self.items)
        super().changeEvent(event)

    def reload(self, select: str | None = None) -> None:
        manager, everything = self.manager, self.show_retired.isChecked()
        self.worker.run(
            lambda _: catalog.list_items(manager, include_retired=everything),
            lambda items: self.show_items(items, select),
            owner=self,
        )

    def show_items(self, items: list[ItemRow], select: str | None = None) -> None:
        self.items = items
        kinds = kind_names()
        self.table.setRowCount(len(items))
        for n, item in enumerate(items):
            course = ""
            if item.kind == "course":
                course = (
                    self.tr("{sessions} × {service}, valid {days} days")
                    if item.valid_days
                    else self.tr("{sessions} × {service}")
                ).format(
                    sessions=item.sessions, service=item.course_service_code, days=item.valid_days
                )
            cells = (
                item.code,
                item.name,
                item.category,
                kinds.get(item.kind, item.kind),
                format_fen(item.price_fen),
                self.tr("At the rate") if item.points is None else str(item.points),
                course,
                self.tr("On sale") if item.active else self.tr("Retired"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(n, column, QTableWidgetItem(text))
        codes = [i.code for i in items]
        if items:
            self.table.selectRow(codes.index(select) if select in codes else 0)
        self.loaded.emit()

    def selected(self) -> ItemRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and self.items else None

    def add_item(self) -> None:
        self._open_item(None)

    def edit_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: ItemRow | None) -> None:
        if self.item_dialog is not None and self.item_dialog.isVisible():
            return
        categories = catalog.categories(self.items)
        dialog = ItemDialog(self.worker, self.manager, categories, item, parent=self)
        dialog.saved.connect(lambda saved: self.reload(saved.code))
        self.item_dialog = dialog
        open_dialog(dialog)
