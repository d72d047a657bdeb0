"""Branch 1 is the clinic while it is the only branch: renaming the clinic in the settings
renames it, in the same unit of work (spa_pos/services/settings.py `save`); a chain's
branches keep the names they were given."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from spa_pos.errors import DomainError
from spa_pos.models import Branch
from spa_pos.services import audit
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx


def _names(ctx: Ctx) -> list[str]:
    with ctx.db.read() as s:
        return list(s.scalars(select(Branch.name).order_by(Branch.id)))


def test_the_only_branch_follows_a_clinic_rename(ctx: Ctx) -> None:
    settings_svc.update(ctx, clinic_name="康宁理疗馆")
    assert _names(ctx) == ["康宁理疗馆"]
    settings_svc.update(ctx, clinic_name="康宁中医理疗馆（文三路店）")
    assert _names(ctx) == ["康宁中医理疗馆（文三路店）"]
    with ctx.db.read() as s:
        assert audit.verify(s).ok  # the branch row is covered by the settings' audit row


def test_a_chains_branches_keep_their_names(ctx: Ctx) -> None:
    settings_svc.update(ctx, clinic_name="康宁理疗馆")
    with ctx.db.write() as s:
        s.add(Branch(name="康宁二店"))
    settings_svc.update(ctx, clinic_name="康宁理疗集团")
    assert _names(ctx) == ["康宁理疗馆", "康宁二店"]


def test_a_refused_name_renames_nothing(ctx: Ctx) -> None:
    before = _names(ctx)
    with pytest.raises(DomainError):
        settings_svc.update(ctx, clinic_name="理" * 41)  # longer than a name may be
    assert _names(ctx) == before
