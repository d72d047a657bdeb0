"""The encrypted backup container (`.sqlite3.enc`), format version 1.

AES-256-GCM with a key from scrypt; the file is cut into chunks, each authenticated with
its index and a "last chunk" flag, so a file that was cut short is refused even when it
ends on a chunk boundary. Layout::

    magic "SPAPOSBK" | version (1 byte) | salt (16) | base nonce (12) | key check (16)
    then for each 1 MiB chunk of the database: AES-GCM ciphertext + 16-byte tag

The key check is 16 more bytes of the scrypt output; it tells a wrong passphrase apart from
a damaged file without revealing anything scrypt does not already protect.

`cryptography` is imported where it is used: most backups are not encrypted, and the
window should not load it at start-up.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from spa_pos.errors import BackupError
from spa_pos.services.backup.progress import Progress

MAGIC = b"SPAPOSBK"
VERSION = 1
HEADER = struct.Struct(">8sB16s12s16s")  # magic, version, salt, base nonce, key check
KEY_LEN = 32
TAG_LEN = 16
CHUNK = 1 << 20
"""Plaintext bytes per chunk. Part of the format: a reader must use the writer's size."""
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


def derive(passphrase: str, salt: bytes) -> tuple[bytes, bytes]:
    """(AES key, key check) from the passphrase; NFC so IME variants give the same key."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=KEY_LEN + 16, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    material = kdf.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))
    return material[:KEY_LEN], material[KEY_LEN:]


def encrypt_into(
    src: Path,
    out: IO[bytes],
    passphrase: str,
    progress: Progress | None,
    *,
    chunk_size: int = CHUNK,
) -> str:
    """Encrypt the file `src` into `out`; returns the sha256 of the bytes written.

    `chunk_size` is the format's 1 MiB; only tests choose a smaller one (with the same
    size for `decrypt_file`) to get many chunks out of a small database.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, base_nonce = os.urandom(16), os.urandom(12)
    key, check = derive(passphrase, salt)
    header = HEADER.pack(MAGIC, VERSION, salt, base_nonce, check)
    aead = AESGCM(key)
    digest = hashlib.sha256(header)
    total = max(src.stat().st_size, 1)
    out.write(header)
    with src.open("rb") as fin:
        for index, (chunk, final) in enumerate(_chunks(fin, chunk_size)):
            nonce = _chunk_nonce(base_nonce, index)
            sealed = aead.encrypt(nonce, chunk, _chunk_aad(header, index, final))
            out.write(sealed)
            digest.update(sealed)
            if progress is not None:
                progress(min(1.0, (index + 1) * chunk_size / total))
    return digest.hexdigest()


def decrypt_file(src: Path, dest: Path, passphrase: str, *, chunk_size: int = CHUNK) -> None:
    """Decrypt `src` into `dest`; BackupError for a wrong passphrase or a damaged file."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    with src.open("rb") as fin:
        header = fin.read(HEADER.size)
        if len(header) < HEADER.size:
            raise BackupError("backup.header_truncated")
        magic, version, salt, base_nonce, check = HEADER.unpack(header)
        if magic != MAGIC:
            raise BackupError("backup.not_encrypted_backup")
        if version != VERSION:
            raise BackupError("backup.format_unsupported", version=version)
        key, expected_check = derive(passphrase, salt)
        if not hmac.compare_digest(check, expected_check):
            raise BackupError("backup.wrong_passphrase")
        aead = AESGCM(key)
        with dest.open("wb") as fout:
            for index, (chunk, final) in enumerate(_chunks(fin, chunk_size + TAG_LEN)):
                nonce = _chunk_nonce(base_nonce, index)
                try:
                    fout.write(aead.decrypt(nonce, chunk, _chunk_aad(header, index, final)))
                except InvalidTag:
                    raise BackupError("backup.tag_mismatch") from None


def is_encrypted(file: Path) -> bool:
    """Whether `file` starts like an encrypted backup."""
    with file.open("rb") as fin:
        return fin.read(len(MAGIC)) == MAGIC


def _chunk_nonce(base: bytes, index: int) -> bytes:
    counter = int.from_bytes(base[4:], "big") ^ index
    return base[:4] + counter.to_bytes(8, "big")


def _chunk_aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, final)


def _chunks(stream: IO[bytes], size: int) -> Iterator[tuple[bytes, bool]]:
    """(chunk, is_last) pairs; always at least one (possibly empty) chunk."""
    current = stream.read(size)
    while True:
        following = stream.read(size)
        yield current, not following
        if not following:
            return
        current = following
