"""Secrets and backups (issue 12, item 4): the voucher key and the audit key live in the
keyring outside the database, so a plaintext backup carries neither; once the owner has
set a backup passphrase every backup (the scheduled ones too) is encrypted and carries the
keyring, sealed, so a restore on a new machine brings it back and old vouchers verify."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from spa_pos import paths
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import BackupError
from spa_pos.services import adjustments, audit, keys, maintenance, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.backup import container
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import register

PASSPHRASE = "正确的马电池订书钉"


def keyring_of(ctx: Ctx) -> keys.Keyring:
    with ctx.db.read() as s:
        clinic_id = keys.clinic_id(s)
    assert clinic_id
    ring = keys.load(clinic_id)
    assert ring is not None
    return ring


@pytest.fixture
def voucher(ctx: Ctx) -> vouchers.Redemption:
    card = register(ctx, "张三", "13800000001")
    adjustments.adjust(ctx, card, 500, "开业赠送")
    return vouchers.redeem(ctx, card, "R-TBAM")


def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.mark.sqlite_only("the bytes of the database file")
def test_a_plaintext_backup_holds_no_key(
    ctx: Ctx, voucher: vouchers.Redemption, tmp_path: Path
) -> None:
    ring = keyring_of(ctx)
    assert voucher.qr_payload.startswith(vouchers.QR_PREFIX)
    result = maintenance.backup_now(ctx, usb(tmp_path))
    data = result.file.read_bytes()
    assert not result.encrypted and b"SQLite format 3" in data[:16]
    for secret in (ring.voucher_secret, ring.audit_key):
        assert secret.encode() not in data
        assert bytes.fromhex(secret) not in data
    assert "keyring" not in json.loads(result.manifest.read_text(encoding="utf-8"))


def test_the_scheduled_backup_is_encrypted_once_a_passphrase_is_set(
    ctx: Ctx, tmp_path: Path
) -> None:
    settings_svc.update(ctx, backup_dir=str(usb(tmp_path)))
    plain = maintenance.end_of_day_backup(ctx, ctx.clock.now())
    assert plain.backup is not None and not plain.backup.encrypted

    maintenance.set_backup_passphrase(ctx, PASSPHRASE)
    assert maintenance.has_backup_passphrase(ctx)
    ctx.clock.advance(days=1)  # type: ignore[attr-defined]
    daily = maintenance.end_of_day_backup(ctx, ctx.clock.now())

    assert daily.backup is not None and daily.backup.encrypted
    assert container.is_encrypted(daily.backup.file)
    assert daily.snapshot is not None and container.is_encrypted(daily.snapshot)
    manifest = json.loads(daily.backup.manifest.read_text(encoding="utf-8"))
    assert keys.unseal(manifest["keyring"], PASSPHRASE) == keyring_of(ctx)
    with pytest.raises(BackupError, match="密钥环"):
        keys.unseal(manifest["keyring"], "wrong passphrase")


def test_a_short_passphrase_is_refused(ctx: Ctx) -> None:
    with pytest.raises(BackupError, match="至少 8"):
        maintenance.set_backup_passphrase(ctx, "1234")
    assert not maintenance.has_backup_passphrase(ctx)


def new_machine(tmp_path: Path, clock: FixedClock, engine: str, url: str) -> Ctx:
    """Another computer: an empty config folder and no database yet (a till), or the same
    server's database (`url`, on PostgreSQL)."""
    shutil.rmtree(paths.config_dir())
    if engine != "sqlite":
        return Ctx(Database(url), CLI_ACTOR, clock)
    return Ctx(Database(f"sqlite:///{tmp_path / 'new' / 'clinic.sqlite3'}"), CLI_ACTOR, clock)


def test_an_encrypted_backup_brings_the_keyring_to_a_new_machine(
    ctx: Ctx, voucher: vouchers.Redemption, tmp_path: Path, clock: FixedClock, engine: str
) -> None:
    maintenance.set_backup_passphrase(ctx, PASSPHRASE)
    ring = keyring_of(ctx)
    saved = maintenance.backup_now(ctx, usb(tmp_path)).file
    ctx.db.dispose()
    fresh = new_machine(tmp_path, clock, engine, ctx.db.url)

    result = maintenance.restore(fresh, saved, passphrase=PASSPHRASE)

    assert result.keyring == "restored"
    assert keyring_of(fresh) == ring
    with fresh.db.read() as s:
        assert vouchers.check(s, voucher.qr_payload, clock.now().date()).valid
        assert audit.verify(s).ok
    fresh.db.dispose()


def test_a_plaintext_backup_on_a_new_machine_says_the_keyring_is_missing(
    ctx: Ctx, voucher: vouchers.Redemption, tmp_path: Path, clock: FixedClock, engine: str
) -> None:
    saved = maintenance.backup_now(ctx, usb(tmp_path)).file
    ctx.db.dispose()
    fresh = new_machine(tmp_path, clock, engine, ctx.db.url)

    result = maintenance.restore(fresh, saved)

    assert result.keyring == "missing"
    with fresh.db.read() as s:
        today = clock.now().date()
        assert vouchers.check(s, voucher.qr_payload, today).reason == "forged"
        assert vouchers.check(s, voucher.voucher_code, today).valid  # the code still works
        check = audit.verify(s)
    assert check.ok and check.unverifiable == check.entries - 1  # all but the restore row
    fresh.db.dispose()
