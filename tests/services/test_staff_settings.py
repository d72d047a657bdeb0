"""The manager PIN is changed only by whoever knows it, and every settings change leaves an
audit row (secrets as "changed" only)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry
from spa_pos.services import settings as settings_svc
from spa_pos.services import staff
from spa_pos.services.context import Ctx


def audit_rows(ctx: Ctx, action: str) -> list[AuditEntry]:
    with ctx.db.read() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        ).all()
        s.expunge_all()
        return list(rows)


def audit_count(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(AuditEntry.id))) or 0


def test_the_pin_changes_only_with_the_pin_in_force(ctx: Ctx) -> None:
    staff.set_manager_pin(ctx, "246813")
    before = audit_count(ctx)
    with pytest.raises(DomainError, match="当前店长密码不对"):
        staff.change_manager_pin(ctx, "1111", "135790")
    with pytest.raises(DomainError, match="至少 6 位数字"):
        staff.change_manager_pin(ctx, "246813", "12ab")
    assert audit_count(ctx) == before + 1  # the wrong PIN, counted towards the lockout
    assert staff.manager(ctx, "小王", "246813").approver is not None

    staff.change_manager_pin(ctx, "246813", "135790")
    assert staff.manager(ctx, "小王", "135790").approver is not None
    with pytest.raises(DomainError, match="店长密码不对"):
        staff.manager(ctx, "小王", "246813")
    assert len(audit_rows(ctx, "settings.manager_pin")) == 2  # set, then changed


def test_a_settings_change_is_audited_with_before_and_after(ctx: Ctx) -> None:
    settings_svc.update(ctx, clinic_name="康和理疗馆", clinic_phone="0571-88880000")
    before = audit_count(ctx)
    settings_svc.update(
        ctx, clinic_name="康和理疗馆", clinic_phone="0571-12345678", receipt_width_mm=58
    )
    (row,) = audit_rows(ctx, "settings.update")[-1:]
    assert audit_count(ctx) == before + 1
    assert json.loads(row.detail) == {
        "clinic_phone": {"before": "0571-88880000", "after": "0571-12345678"},
        "receipt_width_mm": {"before": 80, "after": 58},
    }
    settings_svc.update(ctx, clinic_phone="0571-12345678")  # nothing new: nothing written
    assert audit_count(ctx) == before + 1


def test_secrets_are_audited_as_changed_only_and_unknown_keys_refused(ctx: Ctx) -> None:
    settings_svc.update(ctx, manager_pin_hash="ab12$cd34")
    (row,) = audit_rows(ctx, "settings.update")[-1:]
    assert json.loads(row.detail) == {"manager_pin_hash": {"changed": True}}
    before = audit_count(ctx)
    with pytest.raises(DomainError, match="未知设置项"):  # in the keyring, not a setting
        settings_svc.update(ctx, voucher_secret="ab" * 32)
    with pytest.raises(DomainError, match="未知设置项"):
        settings_svc.update(ctx, clinic_name="新名字", colour="red")
    assert audit_count(ctx) == before
    with ctx.db.read() as s:
        assert settings_svc.detail(s, "clinic_name") != "新名字"
