"""Two terminals of one clinic, each with its own config folder (its own keyring): on a
server the second refuses to make a keyring of its own and gets the first one's through
a keys file sealed with a passphrase (`keyring_transfer`); on SQLite nothing changed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from spa_pos import paths
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, Sale
from spa_pos.services import audit, checkout, keyring_transfer, keys, vouchers
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Actor, Ctx
from tests.conftest import register

PASS = "sesame-open-42"
UPSTAIRS = "二楼"


class Terminals:
    """Switches which terminal's config folder (and so keyring) this process uses."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        self._patch = monkeypatch
        self._homes = {"first": tmp_path / "home", "second": tmp_path / "second"}

    def use(self, name: str) -> None:
        self._patch.setenv("XDG_CONFIG_HOME", str(self._homes[name] / "config"))


@pytest.fixture
def terminals(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Terminals:
    return Terminals(monkeypatch, tmp_path)


@pytest.fixture
def upstairs(ctx: Ctx, db_url: str) -> Iterator[Ctx]:
    """The second terminal: its own connections, its own till."""
    other = replace(ctx, db=Database(db_url), till=UPSTAIRS)
    yield other
    other.db.dispose()


def clinic_of(ctx: Ctx) -> str:
    with ctx.db.read() as session:
        clinic = keys.clinic_id(session)
    assert clinic
    return clinic


def counts(ctx: Ctx) -> tuple[int, int]:
    with ctx.db.read() as session:
        rows = session.scalar(select(func.count(AuditEntry.id))) or 0
        sales = session.scalar(select(func.count(Sale.id))) or 0
    return rows, sales


def sell(ctx: Ctx, member: str | None = None) -> str:
    request = SaleRequest([("ZJTN", 1)], [("cash", 39800)], member=member)
    return checkout.sell(ctx, request).sale_no


def verified(ctx: Ctx) -> bool:
    with ctx.db.read() as session:
        return audit.verify(session).ok


def test_a_second_till_on_a_server_imports_the_keys_instead_of_making_its_own(
    ctx: Ctx, upstairs: Ctx, terminals: Terminals, engine: str
) -> None:
    if engine != "postgresql":
        pytest.skip("a file has one terminal: see the SQLite test below")
    card = register(ctx, "王芳", "13800000001")
    sell(ctx, card)
    sell(ctx, card)
    qr = vouchers.redeem(ctx, card, "R-TBAM").qr_payload

    terminals.use("second")
    clinic = clinic_of(upstairs)
    assert not vouchers.preview(upstairs, qr).valid  # no secret here: looks forged
    before = counts(upstairs)
    with pytest.raises(DomainError) as refused:
        sell(upstairs)
    assert refused.value.code == "audit.keys_missing"
    assert "导出密钥" in str(refused.value)
    assert counts(upstairs) == before  # nothing written
    assert not keys.keyring_path(clinic).exists()

    terminals.use("first")
    content = keyring_transfer.export_keys(ctx, PASS)
    terminals.use("second")
    assert keyring_transfer.import_keys(upstairs, content, PASS) is True
    with upstairs.db.read() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.action == "keys.import"
    assert json.loads(last.detail)["till"] == UPSTAIRS

    assert vouchers.preview(upstairs, qr).valid
    assert sell(upstairs)  # its till letter skips B: a server sequence never rolls back
    terminals.use("first")
    sell(ctx)
    assert verified(ctx)
    terminals.use("second")
    assert verified(upstairs)


def test_the_first_till_of_a_new_server_clinic_makes_the_keyring(ctx: Ctx) -> None:
    """A chain without keyed rows (a new clinic) gets its keyring where it first writes."""
    clinic = clinic_of(ctx)
    keys.keyring_path(clinic).unlink()
    with ctx.db.write() as session:
        session.query(AuditEntry).delete()
    sell(ctx)
    assert keys.keyring_path(clinic).exists()


def test_on_sqlite_a_second_config_folder_still_starts_a_foreign_segment(
    ctx: Ctx, terminals: Terminals, engine: str
) -> None:
    if engine != "sqlite":
        pytest.skip("about one terminal's file")
    terminals.use("second")
    sell(ctx)
    ring = keys.load(clinic_of(ctx))
    assert ring is not None and ring.audit_before == "foreign"


def _refused(ctx: Ctx, content: str, passphrase: str = PASS) -> str:
    with pytest.raises(DomainError) as refused:
        keyring_transfer.import_keys(ctx, content, passphrase)
    return refused.value.code


def test_import_refuses_a_wrong_passphrase_a_damaged_file_and_another_clinic(
    ctx: Ctx, upstairs: Ctx, terminals: Terminals
) -> None:
    content = keyring_transfer.export_keys(ctx, PASS)
    ring = keys.load(clinic_of(ctx))
    assert ring is not None
    terminals.use("second")
    rows = counts(upstairs)

    assert _refused(upstairs, content, "not-the-passphrase") == "audit.keys_wrong_passphrase"
    assert _refused(upstairs, content[: len(content) // 2]) == "audit.keys_damaged"
    assert _refused(upstairs, "hello") == "audit.keys_damaged"
    data = json.loads(content)
    data["sealed"] = data["sealed"][:20]
    assert _refused(upstairs, json.dumps(data)) == "audit.keys_damaged"
    data["sealed"] = keys.seal(replace(ring, clinic_id="0" * 32), PASS)
    assert _refused(upstairs, json.dumps(data)) == "audit.keys_other_clinic"

    assert not keys.keyring_path(ring.clinic_id).exists()
    assert not (paths.config_dir() / "keys").exists() or not any(
        (paths.config_dir() / "keys").iterdir()
    )
    assert counts(upstairs) == rows


def test_import_never_replaces_a_different_keyring(
    ctx: Ctx, upstairs: Ctx, terminals: Terminals
) -> None:
    content = keyring_transfer.export_keys(ctx, PASS)
    ring = keys.load(clinic_of(ctx))
    assert ring is not None
    assert keyring_transfer.import_keys(ctx, content, PASS) is False  # the same: no change

    terminals.use("second")
    keys.save(replace(ring, audit_key="ab" * 32))
    path = keys.keyring_path(ring.clinic_id)
    kept = path.read_bytes()
    assert _refused(upstairs, content) == "audit.keys_differ"
    assert path.read_bytes() == kept


def test_export_is_a_managers_act_with_a_real_passphrase(ctx: Ctx) -> None:
    cashier = replace(ctx, actor=Actor("小李", "cashier"))
    with pytest.raises(DomainError) as refused:
        keyring_transfer.export_keys(cashier, PASS)
    assert refused.value.code == "staff.not_allowed"
    with pytest.raises(DomainError) as short:
        keyring_transfer.export_keys(ctx, "short")
    assert short.value.code == "backup.passphrase_too_short"
    with pytest.raises(DomainError):
        keyring_transfer.export_keys(ctx, " " * 10)
    keyring_transfer.export_keys(ctx, PASS)
    with ctx.db.read() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.action == "keys.export"
