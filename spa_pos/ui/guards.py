"""A guard that keeps a long-running PySide6 process alive.

Collect garbage on the UI thread only: Python's cyclic collector runs in whichever
thread happens to allocate; when it frees a Qt object from the DB worker thread, Qt can
crash. Like Anki, turn automatic collection off and collect on a timer in the UI thread
(the young generations often, which is cheap; everything every few minutes).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

YOUNG_GC_MS = 1_000
FULL_GC_MS = 5 * 60_000


def _timer(parent: QObject, interval_ms: int) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.start()
    return timer


def collect_on_ui_thread(parent: QObject) -> list[QTimer]:
    """Stop automatic collection; collect from timers owned by `parent` (UI thread)."""
    gc.disable()
    young, full = _timer(parent, YOUNG_GC_MS), _timer(parent, FULL_GC_MS)
    young.timeout.connect(lambda: gc.collect(1))
    full.timeout.connect(gc.collect)
    return [young, full]
