"""Durable writes to a backup folder (a USB drive): fsync while writing, `.part` files that
are renamed only once checked, atomic replaces, and reading the bytes back from the drive.

What can fail on real hardware (an fsync, reading back) goes through a `Drive`, so a test
can hand in a drive that fails instead of patching this module.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from spa_pos import system
from spa_pos.errors import BackupError
from spa_pos.services.backup.progress import Progress

log = logging.getLogger(__name__)

COPY_CHUNK = 1 << 20
FLUSH_EVERY_S = 0.25  # while a backup is written, fsync it this often (see Flusher)
READ_CHUNK = 8 << 20  # big reads keep a USB drive busy while the previous chunk is hashed


class Drive:
    """The operations on a backup's folder that real hardware fails: fsync and read-back.

    Everything that writes a backup takes one (default `DRIVE`, the real thing).
    """

    def fsync(self, fd: int) -> None:
        os.fsync(fd)

    def read_back(self, stream: IO[bytes], size: int) -> bytes:
        """Up to `size` bytes of a written file, read again after its pages were dropped."""
        return stream.read(size)


DRIVE = Drive()


class Flusher:
    """fsyncs a file over and over in a worker thread while it is being written.

    Linux (below its dirty-page threshold) and Windows leave a file's new pages in memory
    until they are asked for them, so a single fsync at the end makes the drive wait for the
    copy and then the copy wait for the drive; this lets a slow drive write alongside.
    Use it as a context manager: leaving the block waits for the worker, so the file is
    never closed under a running fsync.
    """

    def __init__(self, handle: IO[bytes], drive: Drive = DRIVE) -> None:
        self._fd = handle.fileno()
        self._drive = drive
        self._written = threading.Event()
        self._abandoned = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spa-pos-flush")
        self._done = self._pool.submit(self._run)

    def __enter__(self) -> Flusher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc_info: object) -> None:
        if exc_type is not None:
            self._abandoned = True  # the file is deleted: no last fsync to wait for
        self._written.set()
        self._pool.shutdown(wait=True)

    def written(self) -> None:
        """All of the file is written: flush once more and stop."""
        self._written.set()

    def wait(self) -> None:
        """Wait for the last fsync; raises its OSError (e.g. the drive was pulled)."""
        self._written.set()
        self._done.result()

    def _run(self) -> None:
        while not self._written.wait(FLUSH_EVERY_S):
            self._drive.fsync(self._fd)
        if not self._abandoned:
            self._drive.fsync(self._fd)


@contextmanager
def part_file(target_dir: Path, name: str) -> Iterator[Path]:
    """`target_dir/name.part`; removed with SQLite's side files if the block fails.

    An OSError becomes a BackupError the cashier can act on (`write_failure`). The removal
    goes through a handle on the folder where the OS allows it, so it also finds a folder
    that was renamed (or unmounted and mounted elsewhere) meanwhile.
    """
    part = target_dir / f"{name}.part"
    folder = _open_dir(target_dir)
    try:
        # Leftovers of a crashed run of this name. SQLite itself drops a -journal or -wal it
        # finds beside an empty file, which the new `.part` is, but do not depend on that.
        _remove_part(part, folder)
        yield part
    except BaseException as exc:
        _remove_part(part, folder)
        if isinstance(exc, OSError):
            raise write_failure(exc, target_dir) from exc
        raise
    finally:
        if folder is not None:
            os.close(folder)


def read_back(
    handle: IO[bytes], written: str, progress: Progress | None, drive: Drive = DRIVE
) -> int:
    """Hash the fsynced file again, from the drive, and compare; returns its size."""
    handle.flush()
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
    digest, size = sha256_stream(handle, progress, lambda n: drive.read_back(handle, n))
    if digest != written:
        raise BackupError("backup.read_back_mismatch")
    return size


def copy_durably(
    src: Path, dest: Path, progress: Progress | None, drive: Drive = DRIVE
) -> tuple[str, int]:
    """Copy, fsync, and drop `dest` from the page cache so a later read hits the drive.

    Returns (sha256 of the bytes written, size).
    """
    digest = hashlib.sha256()
    total = max(src.stat().st_size, 1)
    size = 0
    with src.open("rb") as fin, dest.open("wb") as fout:
        while chunk := fin.read(COPY_CHUNK):
            fout.write(chunk)
            digest.update(chunk)
            size += len(chunk)
            if progress is not None:
                progress(size / total)
        fout.flush()
        drive.fsync(fout.fileno())
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(fout.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    return digest.hexdigest(), size


def write_json_durably(path: Path, data: dict[str, Any], drive: Drive = DRIVE) -> None:
    """Write `path` through `path.part`, fsynced and renamed: old or new, never half."""
    part = path.with_name(path.name + ".part")
    try:
        with part.open("w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.flush()
            drive.fsync(out.fileno())
        system.replace_file(part, path)
    except BaseException:
        unlink_quietly(part)
        raise
    fsync_dir(path.parent, drive)


def sha256_file(path: Path) -> str:
    with path.open("rb") as fin:
        return sha256_stream(fin, None)[0]


def sha256_stream(
    stream: IO[bytes], progress: Progress | None, read: Callable[[int], bytes] | None = None
) -> tuple[str, int]:
    """(sha256, size) of a whole file, read from its start (with `read`, default its own).

    The next large read is already under way while a chunk is hashed: reading and hashing
    in turn leaves the drive idle half the time (3x slower when reading back 1 GB).
    """
    read = read or stream.read
    digest = hashlib.sha256()
    total = max(os.fstat(stream.fileno()).st_size, 1)
    size = 0
    stream.seek(0)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="spa-pos-read") as reader:
        pending = reader.submit(read, READ_CHUNK)
        while chunk := pending.result():
            pending = reader.submit(read, READ_CHUNK)
            digest.update(chunk)
            size += len(chunk)
            if progress is not None:
                progress(size / total)
    return digest.hexdigest(), size


def fsync_dir(folder: Path, drive: Drive = DRIVE) -> None:
    """Make a rename durable. Best effort: Windows and some USB filesystems cannot."""
    if not system.can_fsync_folder():
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            drive.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        log.debug("fsync of folder %s failed: %s", folder, exc)


def unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)


def dir_available(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False


def write_failure(exc: OSError, target_dir: Path) -> BackupError:
    """An error the cashier can act on, for an OSError while writing to the target."""
    if not dir_available(target_dir):
        return BackupError("backup.target_gone", folder=str(target_dir))
    if exc.errno == errno.ENOSPC:
        return BackupError("backup.disk_full")
    if exc.errno == errno.EFBIG:
        return BackupError("backup.file_too_big")
    if isinstance(exc, PermissionError):
        return BackupError("backup.no_permission", folder=str(target_dir))
    return BackupError("backup.write_failed", reason=exc.strerror or str(exc))


def _remove_part(part: Path, folder: int | None) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        name = part.name + suffix
        try:
            if folder is not None:
                os.unlink(name, dir_fd=folder)
            else:
                part.with_name(name).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not remove %s: %s", part.with_name(name), exc)


def _open_dir(folder: Path) -> int | None:
    if not system.can_unlink_in_folder():
        return None
    try:
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
