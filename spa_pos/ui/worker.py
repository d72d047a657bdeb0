"""Database work off the UI thread (Anki's "ops").

One worker thread runs database jobs one after another, so two clicks can never race
each other and SQLite never sees two writers from this window. A job receives the `Ctx`
and returns plain data (never ORM objects); its result comes back to the UI thread by a
queued signal. The services a job calls open their sessions inside the worker thread
(SQLAlchemy's pool hands connections between threads; pysqlite's `check_same_thread` is
off for file databases).

A write job names what it changed (a `Change`); `changed` is emitted once it succeeds, and
screens refresh from that one signal instead of calling each other. Jobs call services,
which open their own sessions; the window never opens one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from spa_pos.errors import DomainError
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui.changes import Change

log = logging.getLogger(__name__)
T = TypeVar("T")
BUSY_DELAY_MS = 250  # quick lookups should not flash the busy indicator


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], bool] | None
    changes: Change | None
    owner: QObject | None


class DbWorker(QObject):
    busy_changed = Signal(bool)
    changed = Signal(object)  # Change: after a write job, what it changed
    failed = Signal(object)  # an exception no caller handled: the window shows it
    _finished = Signal(int, bool, object)

    def __init__(self, ctx: Ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: dict[int, _Pending] = {}
        self._next_id = 0
        self._busy_shown = False
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        # Emitted from the pool thread; the worker lives in the UI thread: queued.
        self._finished.connect(self._deliver)

    def set_actor(self, actor: Actor) -> None:
        """From now on jobs act as `actor` (whoever signed in at the till). A job already
        queued reads the context when it starts, so it acts as the person now signed in:
        the window switches only from the sign-in dialog, which blocks every other
        action."""
        self.ctx = replace(self.ctx, actor=actor)

    def set_till(self, name: str) -> None:
        """From now on jobs act at the till `name` (renamed in 设置)."""
        self.ctx = replace(self.ctx, till=name)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        job: Callable[[Ctx], T],
        on_done: Callable[[T], None] | None = None,
        *,
        on_error: Callable[[Exception], bool] | None = None,
        changes: Change | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run `job(ctx)` on the worker thread, then `on_done(result)` on the UI thread.

        `on_error` may handle a failure (return True); anything unhandled is logged and
        emitted as `failed`. If `owner` (a widget or dialog) is gone by the time the job
        ends, its callbacks are dropped.
        """
        self._next_id += 1
        job_id = self._next_id
        self._pending[job_id] = _Pending(on_done, on_error, changes, owner)
        if len(self._pending) == 1:
            self._busy_timer.start()
        self._pool.start(lambda: self._execute(job_id, job))

    def _execute(self, job_id: int, job: Callable[[Ctx], Any]) -> None:
        try:
            result = job(self.ctx)
        except Exception as exc:  # reported on the UI thread, never lost
            if not isinstance(exc, DomainError):
                log.error("database job failed", exc_info=exc)
            self._finished.emit(job_id, False, exc)
        else:
            self._finished.emit(job_id, True, result)

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        pending = self._pending.pop(job_id)
        if not self._pending:
            self._busy_timer.stop()
            if self._busy_shown:
                self._busy_shown = False
                self.busy_changed.emit(False)
        alive = pending.owner is None or shiboken6.isValid(pending.owner)
        if ok:
            if alive and pending.on_done is not None:
                pending.on_done(payload)
            if pending.changes is not None:
                self.changed.emit(pending.changes)
            return
        assert isinstance(payload, Exception)
        if isinstance(payload, DomainError):
            log.info("refused: %s", payload)
        if alive and pending.on_error is not None and pending.on_error(payload):
            return
        self.failed.emit(payload)

    def _show_busy(self) -> None:
        if self._pending and not self._busy_shown:
            self._busy_shown = True
            self.busy_changed.emit(True)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the running job ends (closing the window, tests)."""
        return self._pool.waitForDone(msecs)
