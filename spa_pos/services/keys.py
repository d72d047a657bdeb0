"""The clinic's keyring and its last audit anchor, kept OUTSIDE the database file.

Whoever holds only the database file (a copy on a USB drive, a backup, the file edited with
an SQLite tool) must not be able to rewrite the audit trail so that it still checks, nor
forge voucher QR codes. So the secrets live in the user's config folder, one small JSON
file per clinic database (`keys/<clinic id>.json`, mode 0600):

- `audit_key`: the HMAC-SHA256 key of the audit chain (`spa_pos.services.audit`);
- `voucher_secret`: the HMAC key of voucher QR codes (R3), moved out of the settings table;
- `backup_passphrase`: the passphrase the owner set, so that the end-of-day backup and the
  daily snapshot are encrypted without anyone typing it;
- `audit_from` / `audit_before`: where the keyed chain starts. The rows already in the chain
  when the key was made were either written by a version before 0009 with the public
  SHA-256 formula (`legacy`: still checked with it) or keyed with a key this machine does
  not have (`foreign`: a plaintext backup restored on a new machine; only their links are
  checked). Later rows link to them, so a rewritten prefix still breaks the chain.

The clinic database is identified by a random clinic id that migration 0009 (or the first
`init`) stores in the settings table (`clinic_id`).

The keyring travels only sealed with a passphrase: inside encrypted backups (in the
manifest; a plaintext backup carries no key) and in the keys file that carries it to
another till of a clinic on a server (`keyring_transfer`). The last anchor
(`anchors/<clinic id>.json`: how many audit rows the chain had and the hash of the last)
is not secret; it lets `audit verify` notice trailing rows deleted, or every row.

This module only stores: the keyring is made by `audit.keyring` (which knows where the
chain stands) inside a write transaction (the database's write lock), so two processes
starting at once cannot make two different keys.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import paths, system
from spa_pos.db import erase_deleted
from spa_pos.errors import BackupError
from spa_pos.models import Setting

CLINIC_ID_KEY = "clinic_id"
PASSPHRASE_MIN_LEN = 8
KEYRING_FORMAT = 1
_SEAL_AAD = b"spa-pos keyring v1"


@dataclass(frozen=True)
class Keyring:
    clinic_id: str
    audit_key: str  # hex, 256 bits
    audit_from: int  # rows in the chain when this key was made
    audit_before: str  # "legacy" | "foreign": how those rows are checked
    voucher_secret: str  # hex, 256 bits
    backup_passphrase: str = ""  # "": backups are plaintext unless a passphrase is typed

    def to_json(self) -> str:
        return json.dumps({"format": KEYRING_FORMAT, **asdict(self)}, ensure_ascii=False)

    @staticmethod
    def from_json(raw: str) -> Keyring:
        data = json.loads(raw)
        data.pop("format", None)
        return Keyring(**data)


@dataclass(frozen=True)
class Anchor:
    """The audit chain's head as last seen outside the database."""

    entries: int
    head: str

    def text(self) -> str:
        """As printed on the Z report: short enough to copy by hand, long enough to check."""
        return f"{self.entries}:{self.head[:16]}"


def keyring_path(clinic_id: str) -> Path:
    return paths.config_dir() / "keys" / f"{clinic_id}.json"


def anchor_path(clinic_id: str) -> Path:
    return paths.config_dir() / "anchors" / f"{clinic_id}.json"


# --- the clinic id ----------------------------------------------------------------------------

_CLINIC_ID = select(Setting.value).where(Setting.key == CLINIC_ID_KEY)


def clinic_id(session: Session) -> str | None:
    raw = session.scalars(_CLINIC_ID).first()
    return json.loads(raw) if raw else None


def ensure_clinic_id(session: Session) -> str:
    """The clinic id, made now if this database has none (inside a write transaction)."""
    found = clinic_id(session)
    if found:
        return found
    made = secrets.token_hex(16)
    session.add(Setting(key=CLINIC_ID_KEY, value=json.dumps(made)))
    session.flush()
    return made


# --- reading and writing the files -----------------------------------------------------------

_cache: dict[Path, tuple[int, Keyring]] = {}


def load(clinic: str) -> Keyring | None:
    """The keyring of `clinic` on this machine, or None. Re-read when the file changes."""
    path = keyring_path(clinic)
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    ring = Keyring.from_json(path.read_text(encoding="utf-8"))
    _cache[path] = (stamp, ring)
    return ring


def save(ring: Keyring) -> None:
    _write_private(keyring_path(ring.clinic_id), ring.to_json())


def _write_private(path: Path, content: str) -> None:
    """Write `content` to `path` atomically, readable by this user only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        system.replace_file(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- the keyring of a database -----------------------------------------------------------------


def take_voucher_secret(session: Session) -> str | None:
    """The voucher secret a database from before 0009 kept in its settings, removed from it
    with `secure_delete` so its bytes do not stay in a free page of the file."""
    row = session.get(Setting, "voucher_secret")
    if row is None:
        return None
    secret = str(json.loads(row.value))
    erase_deleted(session)
    session.delete(row)
    session.flush()
    return secret or None


def known_voucher_secret(session: Session) -> str:
    """The voucher secret if this machine has the keyring ("" if not), without making one:
    for reads (checking a QR code, reprinting a receipt)."""
    clinic = clinic_id(session)
    ring = load(clinic) if clinic else None
    return ring.voucher_secret if ring is not None else ""


def passphrase_ok(passphrase: str) -> bool:
    """A backup passphrase long enough to be worth scrypt ("" is allowed: none)."""
    return not passphrase or len(passphrase.strip()) >= PASSPHRASE_MIN_LEN


def set_backup_passphrase(ring: Keyring, passphrase: str) -> None:
    """Remember the backup passphrase ("" forgets it) in the keyring."""
    if not passphrase_ok(passphrase):
        raise BackupError("backup.passphrase_too_short", min_len=PASSPHRASE_MIN_LEN)
    save(replace(ring, backup_passphrase=passphrase))


# --- anchors -------------------------------------------------------------------------------------


def load_anchor(clinic: str) -> Anchor | None:
    path = anchor_path(clinic)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return Anchor(int(data["entries"]), str(data["head"]))


def remember_anchor(clinic: str, anchor: Anchor, *, force: bool = False) -> None:
    """Remember `anchor` unless a longer chain was already anchored. `force` (a restore)
    replaces it: the restored chain is what the owner chose to continue from."""
    known = load_anchor(clinic)
    if known is not None and known.entries > anchor.entries and not force:
        return
    _write_private(anchor_path(clinic), json.dumps(asdict(anchor)))


# --- carried inside encrypted backups -------------------------------------------------------------


def seal(ring: Keyring, passphrase: str) -> str:
    """The keyring encrypted with the backup passphrase (scrypt + AES-256-GCM), as text."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from spa_pos.services.backup import container

    salt, nonce = os.urandom(16), os.urandom(12)
    key, _ = container.derive(passphrase, salt)
    sealed = AESGCM(key).encrypt(nonce, ring.to_json().encode(), _SEAL_AAD)
    return base64.b64encode(salt + nonce + sealed).decode("ascii")


def unseal(blob: str, passphrase: str) -> Keyring:
    """The keyring sealed by `seal`; BackupError if the passphrase is wrong or it is damaged."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from spa_pos.services.backup import container

    try:
        raw = base64.b64decode(blob)
        key, _ = container.derive(passphrase, raw[:16])
        return Keyring.from_json(AESGCM(key).decrypt(raw[16:28], raw[28:], _SEAL_AAD).decode())
    except (InvalidTag, ValueError, TypeError) as exc:
        raise BackupError("backup.keyring_unreadable") from exc
