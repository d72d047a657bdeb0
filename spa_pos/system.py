"""What differs between the operating systems the till runs on, in one place.

Most reception computers run Windows; the app is developed and tested on Linux. The few
things that behave differently go through here, each with a fallback that works on both:

- folders cannot be fsynced on Windows (`os.open` of a folder fails): a rename is made
  durable there by NTFS's own journal, so `can_fsync_folder` is False and callers skip it;
- replacing a file (a restore swapping the database in, the keyring, a backup's `.part`)
  is refused on Windows for a moment while an antivirus scanner or the search indexer
  has the file open: `replace_file` retries briefly there before it gives up;
- `unlink(dir_fd=...)` does not exist on Windows (`can_unlink_in_folder`).

The process lock is `portalocker` (LockFileEx on Windows), USB drives are found by drive
letter in `ui.backup_dialog.is_removable`, and no code of the app uses signals or `/dev`
paths outside a printer's device name the owner types. Reads `sys.platform` at each call,
so tests can take the Windows branch on Linux.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)

REPLACE_TRIES = 10
REPLACE_PAUSE_S = 0.05


def is_windows() -> bool:
    return sys.platform == "win32"


def can_fsync_folder() -> bool:
    """Whether a folder can be opened and fsynced to make a rename in it durable."""
    return not is_windows()


def can_unlink_in_folder() -> bool:
    """Whether files can be removed relative to an open folder (`dir_fd`)."""
    return not is_windows() and os.unlink in os.supports_dir_fd


def replace_file(source: Path | str, target: Path | str) -> None:
    """`os.replace`, atomic on both systems. On Windows a `PermissionError` (the target or
    source held open for a moment by a scanner or the indexer) is retried for about half a
    second before it is raised; elsewhere it is raised at once (it is a real refusal)."""
    tries = REPLACE_TRIES if is_windows() else 1
    for attempt in range(1, tries + 1):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == tries:
                raise
            log.debug("replacing %s: held open, try %d of %d", target, attempt, tries)
            time.sleep(REPLACE_PAUSE_S)
