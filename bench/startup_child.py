"""One start of the window, timed: `bench.bench_ui` runs this in a fresh process.

    python -m bench.startup_child DATABASE_URL

It starts the window as `spa-pos` does (its console script, `launch.main`, so the same
modules load in the same order), imports nothing else of its own, and prints when each
phase ended (wall clock) as `PHASE name seconds-since-epoch`.
"""

import contextlib
import gc
import os
import sys
import time

from spa_pos import launch  # first, as the console script does

print(f"PHASE launcher-imported {time.time():.6f}", flush=True)
gc.disable()  # as launch.open_window does before it imports the window
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import spa_pos.ui.app  # noqa: E402, F401  (what launch.open_window imports next)
from spa_pos.ui.main_window import MainWindow  # noqa: E402

print(f"PHASE ui-imported {time.time():.6f}", flush=True)


def report() -> None:
    print(f"PHASE ready {time.time():.6f}", flush=True)
    QTimer.singleShot(0, QApplication.closeAllWindows)


def hook() -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    print(f"PHASE window-shown {time.time():.6f}", flush=True)
    if window.is_ready:
        report()
    else:
        window.ready.connect(report)


app = QApplication(sys.argv[:1])
QTimer.singleShot(0, hook)
os.environ["SPA_POS_DB"] = sys.argv[1]
with contextlib.suppress(SystemExit):  # the window was closed: launch.main exits
    launch.main([])
