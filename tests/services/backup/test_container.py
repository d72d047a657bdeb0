"""The encrypted container (`container`): round trips over many chunks, and refusals of a
wrong passphrase, a cut-short file (even on a chunk boundary) and foreign files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from spa_pos.errors import BackupError
from spa_pos.services.backup import container
from tests.services.backup.helpers import PASSPHRASE, flip_byte

SMALL = 4096  # bytes per chunk in these tests: many chunks from a small file


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "plain.bin"
    path.write_bytes(bytes(range(256)) * 100 + "会员 推拿".encode())  # 6.25 chunks of 4 KiB
    return path


def encrypt(plain: Path, dest: Path, passphrase: str = PASSPHRASE) -> str:
    with dest.open("wb") as out:
        return container.encrypt_into(plain, out, passphrase, None, chunk_size=SMALL)


def test_round_trip_over_many_chunks(plain: Path, tmp_path: Path) -> None:
    sealed, opened = tmp_path / "sealed", tmp_path / "opened"
    seen: list[float] = []
    with sealed.open("wb") as out:
        digest = container.encrypt_into(plain, out, PASSPHRASE, seen.append, chunk_size=SMALL)

    container.decrypt_file(sealed, opened, PASSPHRASE, chunk_size=SMALL)

    assert opened.read_bytes() == plain.read_bytes()
    assert container.is_encrypted(sealed) and not container.is_encrypted(plain)
    assert plain.read_bytes()[:100] not in sealed.read_bytes()
    size = plain.stat().st_size
    assert sealed.stat().st_size == container.HEADER.size + size + 7 * container.TAG_LEN
    assert len(seen) == 7 and seen[-1] == 1.0
    assert digest == hashlib.sha256(sealed.read_bytes()).hexdigest()


def test_an_empty_file_round_trips(tmp_path: Path) -> None:
    empty, sealed, opened = tmp_path / "empty", tmp_path / "sealed", tmp_path / "opened"
    empty.write_bytes(b"")
    encrypt(empty, sealed)

    container.decrypt_file(sealed, opened, PASSPHRASE, chunk_size=SMALL)

    assert opened.read_bytes() == b""


def test_the_passphrase_is_normalised(plain: Path, tmp_path: Path) -> None:
    """An IME may type "é" as one or two code points: both open the backup."""
    sealed, opened = tmp_path / "sealed", tmp_path / "opened"
    encrypt(plain, sealed, passphrase="caf\u00e9")

    container.decrypt_file(sealed, opened, "cafe\u0301", chunk_size=SMALL)

    assert opened.read_bytes() == plain.read_bytes()


def test_wrong_passphrase_is_refused(plain: Path, tmp_path: Path) -> None:
    sealed = tmp_path / "sealed"
    encrypt(plain, sealed)

    with pytest.raises(BackupError, match="口令错误"):
        container.decrypt_file(sealed, tmp_path / "opened", "芝麻关门", chunk_size=SMALL)


def test_cut_on_a_chunk_boundary_is_detected(plain: Path, tmp_path: Path) -> None:
    sealed = tmp_path / "sealed"
    encrypt(plain, sealed)
    with sealed.open("r+b") as f:
        f.truncate(container.HEADER.size + 3 * (SMALL + container.TAG_LEN))  # 3 whole chunks

    with pytest.raises(BackupError, match="截断"):
        container.decrypt_file(sealed, tmp_path / "opened", PASSPHRASE, chunk_size=SMALL)


def test_a_flipped_byte_fails_the_tag(plain: Path, tmp_path: Path) -> None:
    sealed = tmp_path / "sealed"
    encrypt(plain, sealed)
    flip_byte(sealed, sealed.stat().st_size - 20)

    with pytest.raises(BackupError, match="GCM"):
        container.decrypt_file(sealed, tmp_path / "opened", PASSPHRASE, chunk_size=SMALL)


def test_a_cut_header_a_foreign_file_and_a_newer_format_are_refused(
    plain: Path, tmp_path: Path
) -> None:
    sealed, opened = tmp_path / "sealed", tmp_path / "opened"
    encrypt(plain, sealed)
    data = sealed.read_bytes()

    sealed.write_bytes(data[: container.HEADER.size - 1])
    with pytest.raises(BackupError, match="文件头被截断"):
        container.decrypt_file(sealed, opened, PASSPHRASE)
    sealed.write_bytes(b"NOTSPAPO" + data[8:])
    with pytest.raises(BackupError, match="不是 spa_pos 的加密备份"):
        container.decrypt_file(sealed, opened, PASSPHRASE)
    sealed.write_bytes(data[:8] + bytes([container.VERSION + 1]) + data[9:])
    with pytest.raises(BackupError, match="格式版本 2"):
        container.decrypt_file(sealed, opened, PASSPHRASE)


def test_scrypt_and_gcm_format_is_stable() -> None:
    """Guards the on-disk format: changing these needs a new format version."""
    assert container.HEADER.size == 8 + 1 + 16 + 12 + 16
    assert (container.SCRYPT_N, container.SCRYPT_R, container.SCRYPT_P) == (2**15, 8, 1)
    assert (container.MAGIC, container.VERSION, container.CHUNK) == (b"SPAPOSBK", 1, 1 << 20)
