"""The process lock beside a database file: `<db>.lock`, held with an OS lock.

Every process that opens the database holds it SHARED (`spa_pos.db.Database` does, from its
first connection until `dispose`); a restore needs it EXCLUSIVE. Without it, a restore
swapped the file under a process with an idle connection (the window, its scheduler), which
then went on writing its sales into the unlinked old file, where they existed nowhere. The
OS drops a lock when its holder dies, even by SIGKILL, so a crash never blocks a restore.

`portalocker` does the locking: `flock` on POSIX, `LockFileEx` on Windows (shared locks
need its `win32` extra). Locks belong to one open file, so two `Database` objects in one
process are two holders, as two processes would be.

Who holds the lock is written, for the refusal's message, into
`<db>.lock.d/<pid>-<n>.json` (pid, program, start time) and removed on release; entries of
processes that are gone (killed, crashed) are ignored.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sys
import threading
import time
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import portalocker

from spa_pos import system
from spa_pos.errors import BackupError, DatabaseBusy

SHARED_WAIT_S = 10.0  # opening the database waits this long for a restore to finish
_POLL_S = 0.05
_serial = itertools.count(1)
_STARTED_AT = datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Holder:
    """A process that has the database open, as its lock entry describes it."""

    pid: int
    program: str
    started_at: str

    def describe(self) -> str:
        return f"{self.program} (pid {self.pid}, {self.started_at})"


class DatabaseLock:
    """The lock of one database file, as held by one `Database` (thread-safe)."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.holders_dir = db_path.with_name(db_path.name + ".lock.d")
        self.mode: str | None = None  # "shared", "exclusive" or None (not held)
        self._release: weakref.finalize[..., DatabaseLock] | None = None
        self._guard = threading.Lock()

    def share(self) -> None:
        """Hold the lock shared; nothing to do if held already (in either mode).

        Waits up to `SHARED_WAIT_S` for a restore holding it exclusively, then refuses with
        `DatabaseBusy`, before the database file is touched.
        """
        with self._guard:
            if self.mode is not None:
                return
            file = self._open()
            deadline = time.monotonic() + SHARED_WAIT_S
            while not _try_lock(file, portalocker.LockFlags.SHARED):
                if time.monotonic() >= deadline:
                    file.close()
                    raise DatabaseBusy("backup.restore_running")
                time.sleep(_POLL_S)
            self._hold(file, "shared")

    def take_exclusive(self) -> None:
        """Hold the lock exclusively, at once or not at all.

        Our own shared lock is let go first (the caller has closed its connections):
        converting a `flock` lock is not atomic, and a failed conversion would lose it
        anyway. Refuses with a `BackupError` naming the processes that have the database
        open; the lock is then not held at all.
        """
        with self._guard:
            self._let_go()
            file = self._open()
            if not _try_lock(file, portalocker.LockFlags.EXCLUSIVE):
                file.close()
                holders = self.holders()
                if not holders:
                    raise BackupError("backup.database_in_use_unknown")
                raise BackupError(
                    "backup.database_in_use",
                    holders="; ".join(holder.describe() for holder in holders[:3]),
                )
            for stale in self.holders_dir.glob("*.json"):  # nobody else holds it now
                stale.unlink(missing_ok=True)
            self._hold(file, "exclusive")

    def release(self) -> None:
        with self._guard:
            self._let_go()

    def holders(self) -> list[Holder]:
        """The live processes whose entries say they have the database open, oldest first."""
        found = []
        for entry in sorted(self.holders_dir.glob("*.json")):
            try:
                data = json.loads(entry.read_text(encoding="utf-8"))
                holder = Holder(int(data["pid"]), str(data["program"]), str(data["started_at"]))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # being written or removed right now, or not ours
            if _alive(holder.pid):
                found.append(holder)
        return sorted(found, key=lambda holder: holder.started_at)

    def _open(self) -> IO[bytes]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self.path.open("a+b")

    def _hold(self, file: IO[bytes], mode: str) -> None:
        entry = self.holders_dir / f"{os.getpid()}-{next(_serial)}.json"
        with contextlib.suppress(OSError):  # the entry only serves the message
            self.holders_dir.mkdir(exist_ok=True)
            entry.write_text(
                json.dumps(
                    {
                        "pid": os.getpid(),
                        "program": _program(),
                        "started_at": _STARTED_AT,
                        "mode": mode,
                    },
                    ensure_ascii=False,
                ),
                encoding="utf-8",
            )
        # A Database dropped without `dispose` (or the interpreter exiting) lets go too.
        self._release = weakref.finalize(self, _close, file, entry)
        self.mode = mode

    def _let_go(self) -> None:
        if self._release is not None:
            self._release()
        self._release = None
        self.mode = None


def _close(file: IO[bytes], entry: Path) -> None:
    """Let go of the lock: remove our entry, unlock, close."""
    entry.unlink(missing_ok=True)
    with contextlib.suppress(portalocker.LockException, OSError):
        portalocker.unlock(file)
    file.close()


def _try_lock(file: IO[bytes], mode: portalocker.LockFlags) -> bool:
    try:
        portalocker.lock(file, mode | portalocker.LockFlags.NON_BLOCKING)
    except portalocker.LockException:
        return False
    return True


def _program() -> str:
    """What this process is, for a person: the program and its subcommand."""
    words = [Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"]
    words += [arg for arg in sys.argv[1:] if not arg.startswith("-")][:1]
    return " ".join(words)


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs (a stale entry's holder was killed)."""
    if pid == os.getpid():
        return True
    if system.is_windows():
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    synchronize, wait_timeout = 0x00100000, 0x102
    handle = kernel32.OpenProcess(synchronize, False, pid)
    if not handle:
        return False
    try:
        return bool(kernel32.WaitForSingleObject(handle, 0) == wait_timeout)
    finally:
        kernel32.CloseHandle(handle)
