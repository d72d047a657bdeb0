"""A form checked as it is typed: each problem next to its own field.

The checks are the service's (run on the DB worker, after a short pause in typing); the
form only adds what it cannot even read (a price that is not a number). Until the first
Save only the fields the user has touched show their problems, so a fresh form is not a
wall of red; an answer that arrives after newer typing is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QVBoxLayout, QWidget

from spa_pos.errors import DomainError
from spa_pos.services.catalog import FieldProblems
from spa_pos.services.context import Ctx
from spa_pos.services.members import FieldErrors
from spa_pos.ui.changes import Change
from spa_pos.ui.widgets import button, button_bar, label
from spa_pos.ui.worker import DbWorker

T = TypeVar("T")

VALIDATE_DELAY_MS = 250

Problems = dict[str, str]  # field key -> the reason, in the language in force
# What to check now: the worker job answering the service's problems, and the problems
# the form found itself (they win over the service's for the same field).
Check = tuple[Callable[[Ctx], Problems], Problems]


def by_field(exc: Exception) -> Problems | None:
    """The problems of a refusal that names its fields, else None."""
    if isinstance(exc, FieldProblems):
        return exc.problems
    if isinstance(exc, FieldErrors):
        return exc.errors
    return None


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a field for the style sheet's red border."""
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class LiveChecks:
    """The live checks of one form dialog (`owner`): its error labels, which fields
    were touched, the debounce timer and the number of the latest check asked for; and
    its saving: the Save `button` and the `general_error` line for a refusal that names
    no field.

    `ask` builds the check from what is typed now; `shown` hears the problems shown
    after each check (the dialogs re-emit it as their `validated` signal); `save` is the
    Save button's text (translated by the dialog) and what it does."""

    def __init__(
        self,
        owner: QDialog,
        worker: DbWorker,
        ask: Callable[[], Check],
        shown: Callable[[Problems], None],
        save: tuple[str, Callable[[], None]],
    ) -> None:
        self.owner, self.worker, self.ask, self.shown = owner, worker, ask, shown
        text, submit = save
        self.button = button(text, "primary")
        self.button.setDefault(True)
        self.button.clicked.connect(submit)
        self.general_error = label("", "error", wrap=True)
        self.errors: dict[str, QLabel] = {}
        self.marked: dict[str, QWidget] = {}  # the fields whose border turns red
        self.touched: set[str] = set()
        self.show_all = False  # after Save: every problem, touched or not
        self.generation = 0
        self.timer = QTimer(owner, singleShot=True, interval=VALIDATE_DELAY_MS)
        self.timer.timeout.connect(self.check_now)

    def error_label(self, key: str, field: QWidget | None = None) -> QLabel:
        """The (hidden) label for `key`'s problems; `field`, if given, is marked too."""
        error = label("", "error", wrap=True)
        error.setObjectName(f"error_{key}")
        error.hide()
        self.errors[key] = error
        if field is not None:
            self.marked[key] = field
        return error

    def lay_out(self, form: QLayout, cancel: str) -> None:
        """The dialog's layout: its title, the `form`, the general line, then the
        `cancel` button and Save."""
        close = button(cancel)
        close.clicked.connect(self.owner.reject)
        layout = QVBoxLayout(self.owner)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.owner.windowTitle(), "title"))
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(button_bar(close, self.button))

    def changed(self, key: str) -> None:
        self.touched.add(key)
        self.timer.start()

    def check_now(self) -> None:
        self.timer.stop()
        job, local = self.ask()
        self.generation += 1
        generation = self.generation

        def done(problems: Problems) -> None:
            if generation == self.generation:
                self.show_errors({**problems, **local})

        self.worker.run(job, done, owner=self.owner)

    def show_errors(self, errors: Problems) -> None:
        shown = {
            k: v
            for k, v in errors.items()
            if k in self.errors and (self.show_all or k in self.touched)
        }
        for key, error in self.errors.items():
            error.setText(shown.get(key, ""))
            error.setVisible(key in shown)
        for key, field in self.marked.items():
            set_invalid(field, key in shown)
        self.shown(shown)

    def ready(self, local: Problems) -> bool:
        """Save was pressed: from now on every problem shows, touched or not. False
        (and the check runs, so they show with the service's) while the form has
        problems of its own it cannot save with."""
        self.show_all = True
        if local:
            self.check_now()
            return False
        return True

    def save(
        self,
        job: Callable[[Ctx], T],
        saved: Callable[[T], None],
        *,
        changes: Change,
    ) -> None:
        """Run the saving `job` with the button disabled, then `saved(result)` and close
        the dialog. A refusal by field shows next to the fields, any other refusal in
        the general line."""
        self.button.setEnabled(False)
        self.general_error.clear()

        def done(result: T) -> None:
            self.button.setEnabled(True)
            saved(result)
            self.owner.accept()

        def refused(exc: Exception) -> bool:
            self.button.setEnabled(True)
            problems = by_field(exc)
            if problems is not None:
                self.show_errors(problems)
                return True
            if isinstance(exc, DomainError):
                self.general_error.setText(str(exc))
                return True
            return False

        self.worker.run(job, done, on_error=refused, changes=changes, owner=self.owner)
