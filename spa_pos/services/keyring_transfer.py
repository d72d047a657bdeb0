"""Carrying the clinic's keyring from one till to another (`spa-pos keys export/import`).

Every till of a clinic on a server signs the one audit chain and checks the one set of
voucher codes, so they must all hold the same keyring (`spa_pos.services.keys`). The first
till makes it; every other till refuses to make its own (`audit.keyring`:
`audit.keys_missing`) and gets it here instead: a manager exports it at a till that has
it, sealed with a passphrase (`keys.seal`: scrypt + AES-GCM), and the file is imported
at the new till.

Import needs nobody signed in: the till without keys cannot write the audit row of a
sign-in. Holding the file and its passphrase is the authority, as for restoring an
encrypted backup. It never replaces a keyring the till already has: two different keys
for one clinic mean one of them signed rows the other cannot check, which a person must
sort out, not the import.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import Any

from spa_pos.errors import BackupError, DomainError
from spa_pos.services import audit, keys, permissions, unit_of_work
from spa_pos.services.context import Ctx

FILE_KIND = "spa-pos keys"
FILE_FORMAT = 1
_SEALED_MIN = 16 + 12 + 16  # salt, nonce and the AES-GCM tag around an empty text


def export_keys(ctx: Ctx, passphrase: str) -> str:
    """The clinic's keyring as the text of a keys file, sealed with `passphrase` (a
    manager's act, audited: whoever has the file and the passphrase can sign the chain)."""
    permissions.require(ctx, "change_settings")
    if not passphrase.strip() or not keys.passphrase_ok(passphrase):
        raise BackupError("backup.passphrase_too_short", min_len=keys.PASSPHRASE_MIN_LEN)
    with unit_of_work.write(ctx) as work:
        ring = audit.keyring(work.session)
        work.audit("keys.export", "clinic", ring.clinic_id, till=work.till)
    sealed = keys.seal(ring, passphrase)  # scrypt after the commit: no lock held meanwhile
    return json.dumps({"kind": FILE_KIND, "format": FILE_FORMAT, "sealed": sealed})


def import_keys(ctx: Ctx, content: str, passphrase: str) -> bool:
    """Keep the keyring of a keys file (`export_keys`) on this machine, and record the
    import in the audit trail (which till). False when this machine already had exactly
    that keyring (nothing written). Refuses, leaving this machine's keyring as it was, a
    damaged file, a wrong passphrase, another clinic's file, and a keyring different from
    the one this machine already has for the clinic."""
    ring = _unsealed(_sealed_text(content), passphrase)
    with ctx.db.read() as session:
        clinic = keys.clinic_id(session)
    if clinic != ring.clinic_id:
        raise DomainError("audit.keys_other_clinic")
    existing = keys.load(clinic)
    if existing == ring:
        return False
    if existing is not None:
        raise DomainError("audit.keys_differ")
    keys.save(ring)
    with unit_of_work.write(ctx) as work:
        work.audit("keys.import", "clinic", clinic, till=work.till)
    return True


def export_file(ctx: Ctx, passphrase: str, path: Path) -> None:
    """`export_keys` written to `path`, readable by this user only (0600)."""
    content = export_keys(ctx, passphrase)
    path.write_text(content, encoding="utf-8")
    path.chmod(0o600)


def import_file(ctx: Ctx, path: Path, passphrase: str) -> bool:
    """`import_keys` of the keys file at `path` (one not in UTF-8 is damaged)."""
    if not path.is_file():
        raise DomainError("audit.keys_file_missing", file=str(path))
    return import_keys(ctx, path.read_bytes().decode("utf-8", errors="replace"), passphrase)


def _sealed_text(content: str) -> str:
    try:
        data: Any = json.loads(content)
        if data.get("kind") != FILE_KIND or data.get("format") != FILE_FORMAT:
            raise DomainError("audit.keys_damaged")
        sealed = data["sealed"]
        if len(base64.b64decode(sealed, validate=True)) < _SEALED_MIN:
            raise DomainError("audit.keys_damaged")
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
        raise DomainError("audit.keys_damaged") from exc
    return str(sealed)


def _unsealed(sealed: str, passphrase: str) -> keys.Keyring:
    try:
        return keys.unseal(sealed, passphrase)
    except BackupError as exc:
        raise DomainError("audit.keys_wrong_passphrase") from exc
