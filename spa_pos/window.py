"""Opening the reception window, for both ways in: `spa-pos` with no arguments
(`spa_pos.launch`) and `spa-pos --db FILE` with no command (`spa_pos.cli`). A module of
its own so that neither of those imports the other for it."""

from __future__ import annotations

import gc
import sys


def open_window(db: str | None = None, till_name: str | None = None) -> int:
    """The reception window on `db` (or $SPA_POS_DB, or the data folder), as the till
    `till_name` (or $SPA_POS_TILL, or this terminal's name: `spa_pos.till`)."""
    # The window collects garbage itself, on timers on the UI thread (`ui.guards`).
    # Stopping automatic collection before its modules load spares start-up the
    # collector's passes over them, and freezing what they made keeps the later full
    # collections short (they no longer walk Qt's and SQLAlchemy's module objects).
    gc.disable()
    from spa_pos import till
    from spa_pos.errors import DomainError
    from spa_pos.server import resolve_db

    try:
        name = till.resolve(till_name)
    except DomainError as exc:
        print(f"spa-pos: {exc}", file=sys.stderr)
        return 2
    from spa_pos.ui.app import main as window_main  # Qt only when the window is wanted

    gc.freeze()
    return window_main(resolve_db(db), till=name)
