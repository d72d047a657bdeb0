"""First run (首次设置): the clinic's details, the manager PIN and the demo catalog are
stored together or not at all, with one audit row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import BackupError, DomainError
from spa_pos.models import AuditEntry, CatalogItem
from spa_pos.services import catalog, clinic, jobs, staff
from spa_pos.services import settings as settings_svc
from spa_pos.services.backup import container, verify_backup
from spa_pos.services.clinic import SetUp
from spa_pos.services.context import CLI_ACTOR, Ctx

ANSWERS = SetUp("康和理疗馆", "文三路 88 号", "0571-88880000", "246813", load_demo=True)


@pytest.fixture
def new_clinic(tmp_path: Path, clock: FixedClock) -> Iterator[Ctx]:
    """A database just created, as the window finds it on first run."""
    context = Ctx(Database(f"sqlite:///{tmp_path / 'new.sqlite3'}"), CLI_ACTOR, clock)
    clinic.init(context)
    yield context
    context.db.dispose()


def audit_actions(ctx: Ctx) -> list[str]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def item_count(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(CatalogItem.id))) or 0


def test_set_up_stores_all_answers_with_one_audit_row(new_clinic: Ctx) -> None:
    clinic.set_up(new_clinic, ANSWERS)

    cfg = settings_svc.current(new_clinic)
    assert (cfg.clinic_name, cfg.clinic_address, cfg.clinic_phone) == (
        "康和理疗馆",
        "文三路 88 号",
        "0571-88880000",
    )
    assert staff.manager(new_clinic, "店长", "246813").approver is not None
    items, rewards = catalog.entries(new_clinic)
    assert (len(items), len(rewards)) == (len(clinic.DEMO_ITEMS), len(clinic.DEMO_REWARDS))
    assert audit_actions(new_clinic) == ["clinic.set_up"]
    with new_clinic.db.read() as s:
        detail = json.loads(s.scalars(select(AuditEntry.detail)).one())
    assert detail == {
        "clinic_name": "康和理疗馆",
        "clinic_address": "文三路 88 号",
        "clinic_phone": "0571-88880000",
        "manager_pin": {"changed": True},  # never the PIN or its hash
        "demo": {"items": 8, "rewards": 6},
    }


def test_set_up_without_the_demo_leaves_the_catalog_empty(new_clinic: Ctx) -> None:
    clinic.set_up(new_clinic, SetUp("康和理疗馆", "", "", "246813", load_demo=False))
    assert item_count(new_clinic) == 0
    assert staff.manager(new_clinic, "店长", "246813").approver is not None


def test_a_failure_part_way_leaves_nothing_written(new_clinic: Ctx) -> None:
    # The database refuses the demo's rewards, the last rows set-up writes.
    with new_clinic.db.write() as s:
        s.execute(
            text(
                "CREATE TRIGGER refuse_rewards BEFORE INSERT ON rewards "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )

    with pytest.raises(IntegrityError):
        clinic.set_up(new_clinic, ANSWERS)

    cfg = settings_svc.current(new_clinic)
    assert cfg.clinic_name == settings_svc.Settings().clinic_name
    assert (cfg.clinic_address, cfg.manager_pin_hash) == ("", "")
    assert item_count(new_clinic) == 0
    assert audit_actions(new_clinic) == []


def test_a_bad_pin_is_refused_before_anything_is_written(new_clinic: Ctx) -> None:
    with pytest.raises(DomainError, match="至少 6 位数字"):
        clinic.set_up(new_clinic, SetUp("康和理疗馆", "", "", "12ab", load_demo=True))
    assert settings_svc.current(new_clinic).clinic_name != "康和理疗馆"
    assert item_count(new_clinic) == 0


def test_set_up_is_refused_once_a_manager_pin_exists(ctx: Ctx) -> None:
    staff.set_manager_pin(ctx, "135724")
    before = audit_actions(ctx)
    with pytest.raises(DomainError) as refused:
        clinic.set_up(ctx, ANSWERS)
    assert refused.value.code == "general.already_set_up"
    assert str(refused.value) == "首次设置已经完成，请在设置中修改"
    assert audit_actions(ctx) == before
    assert settings_svc.current(ctx).clinic_name != "康和理疗馆"
    assert staff.manager(ctx, "店长", "135724").approver is not None


def test_the_wizards_passphrase_and_folder_are_what_the_scheduled_backup_uses(
    new_clinic: Ctx, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    passphrase = "正确的马电池订书钉"
    clinic.set_up(
        new_clinic,
        replace(ANSWERS, backup_passphrase=passphrase, backup_dir=str(usb)),
    )
    assert settings_svc.current(new_clinic).backup_dir == str(usb)

    run = jobs.run_scheduled(new_clinic, "backup")

    assert run.status == "ok" and run.changed == 1
    copy, snapshot = Path(run.detail["file"]), Path(run.detail["snapshot"])
    assert copy.parent == usb
    for made in (copy, snapshot):
        assert container.is_encrypted(made)
        with pytest.raises(BackupError):
            verify_backup(made).discard()
        with verify_backup(made, passphrase) as verified:
            assert verified.encrypted
    with new_clinic.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "clinic.set_up")).one()
        detail = json.loads(entry.detail)
    assert detail["backup_dir"] == str(usb) and detail["backup_passphrase"] == {"set": True}
    assert passphrase not in entry.detail
