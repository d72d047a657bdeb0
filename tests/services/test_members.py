from __future__ import annotations

import json
from datetime import date

import pytest

from spa_pos import messages
from spa_pos.models import AuditEntry
from spa_pos.services import members, profile
from spa_pos.services.context import Ctx
from spa_pos.services.members import FieldErrors, MemberForm
from tests.conftest import register


def test_register_assigns_card_and_search_keys(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000002", birthday=date(1990, 3, 5))
    with ctx.db.read() as s:
        m = members.find_one(s, card)
        assert (m.name, m.phone, m.phone_last4) == ("张三", "13800000002", "0002")
        assert (m.pinyin, m.initials) == ("zhangsan", "zs")
        assert card == "80000001"
        assert s.query(AuditEntry).filter_by(action="member.register").count() == 1


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (MemberForm(name="", phone="13800000009"), "name"),
        (MemberForm(name="王五", phone="1380000000"), "phone"),
        (MemberForm(name="王五", phone="23800000009"), "phone"),
        (MemberForm(name="王五", phone="13800000009", birthday=date(2030, 1, 1)), "birthday"),
        (MemberForm(name="王五", phone="13800000009", referrer="13999999999"), "referrer"),
        (MemberForm(name="王五", phone="13800000009", gender="X"), "gender"),
    ],
)
def test_bad_forms_are_refused_by_field_and_write_nothing(
    ctx: Ctx, form: MemberForm, field: str
) -> None:
    with pytest.raises(FieldErrors) as err:
        members.register(ctx, form)
    assert field in err.value.errors
    with ctx.db.read() as s:
        assert members.count(s) == 0
        assert s.query(AuditEntry).filter_by(action="member.register").count() == 0


def test_duplicate_phone_is_refused(ctx: Ctx) -> None:
    register(ctx, "张三", "13800000002")
    with pytest.raises(FieldErrors) as err:
        members.register(ctx, MemberForm(name="李四", phone="13800000002"))
    assert "已被其他会员使用" in err.value.errors["phone"]


def test_edit_keeps_own_phone_and_records_which_fields_changed(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000002")
    members.edit(ctx, card, MemberForm(name="张三丰", phone="13800000002", health_needs="失眠调理"))
    with ctx.db.read() as s:
        m = members.find_one(s, card)
        assert (m.name, m.initials, m.health_needs) == ("张三丰", "zsf", "失眠调理")
        entry = s.query(AuditEntry).filter_by(action="member.edit").one()
        # by reference: which fields, not their values (erasure must not have to find them)
        assert json.loads(entry.detail) == {"fields": ["health_needs", "name"]}
        register_row = s.query(AuditEntry).filter_by(action="member.register").first()
        assert register_row is not None and "张三" not in register_row.detail


def test_lookup_by_every_kind_of_key_with_ranking(ctx: Ctx) -> None:
    zs = register(ctx, "张三", "13800000002")
    register(ctx, "张思", "13911110002")
    register(ctx, "赵松", "13722223333")
    register(ctx, "李四", "13600000001")

    def names(text: str) -> list[str]:
        with ctx.db.read() as s:
            return [m.name for m in members.search(s, text)]

    assert names("13800000002") == ["张三"]
    assert names(zs) == ["张三"]
    assert sorted(names("0002")) == ["张三", "张思"]
    assert names("zhangsan") == ["张三"]
    assert set(names("zs")) == {"张三", "张思", "赵松"}
    assert names("张三") == ["张三"]
    assert set(names("张")) == {"张三", "张思"}
    assert set(names("zhang")) == {"张三", "张思"}
    assert names("") == []
    assert names("nobody") == []


def test_exact_match_ranks_before_prefix(ctx: Ctx) -> None:
    register(ctx, "张三丰", "13800000003")
    register(ctx, "张三", "13800000002")
    with ctx.db.read() as s:
        found = [m.name for m in members.search(s, "张三")]
    assert found == ["张三", "张三丰"]


def test_mask_phone() -> None:
    assert members.mask_phone("13800000002") == "138****0002"


@pytest.mark.parametrize("length", [1, 2, 3, 5])
def test_a_referral_loop_of_any_length_is_refused(ctx: Ctx, length: int) -> None:
    """root -> m1 -> ... -> m<length>: root may be referred by none of its own chain."""
    root = register(ctx, "根", "13800000100")
    chain = [root]
    for i in range(1, length + 1):
        chain.append(register(ctx, f"链{i}", f"1380000{i:04d}", referrer=chain[-1]))
    outsider = register(ctx, "外人", "13900000000")
    for card in chain:
        form = MemberForm(name="根", phone="13800000100", referrer=card)
        with pytest.raises(FieldErrors) as err:
            members.edit(ctx, root, form)
        code = "members.self_referrer" if card == root else "members.referral_loop"
        ref = f"链{chain.index(card)}"
        assert err.value.errors["referrer"] == messages.render(code, {"ref": ref})
        assert members.check_form(ctx, form, root) == err.value.errors
    with ctx.db.read() as s:
        assert members.find_one(s, root).referrer_id is None
    members.edit(ctx, root, MemberForm(name="根", phone="13800000100", referrer=outsider))
    with ctx.db.read() as s:
        assert members.find_one(s, root).referrer_id == members.find_one(s, outsider).id


def test_marketing_consent_is_opt_in(ctx: Ctx) -> None:
    quiet = register(ctx, "张三", "13800000002")
    agreed = register(ctx, "李四", "13800000003", marketing_consent=True)
    with ctx.db.read() as s:
        assert not members.find_one(s, quiet).marketing_consent
        assert members.find_one(s, agreed).marketing_consent


def test_the_window_gets_masked_phones_and_edit_asks_for_the_whole_one(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000002")

    assert [(h.card_no, h.phone_masked) for h in members.hits(ctx, "0002")] == [
        (card, "138****0002")
    ]
    assert profile.member_view(ctx, card).profile.phone == "138****0002"
    assert members.phone_of(ctx, card) == "13800000002"
    assert profile.show(ctx, card).phone == "13800000002"  # `member show`: the owner's CLI


def test_duplicate_of_names_the_other_member_with_that_phone(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000002")
    other = register(ctx, "李四", "13800000003")

    hit = members.duplicate_of(ctx, "138 0000 0002")
    assert hit is not None and (hit.card_no, hit.name, hit.phone_masked) == (
        card,
        "张三",
        "138****0002",
    )
    assert members.duplicate_of(ctx, "13800000002", card) is None  # their own phone
    assert members.duplicate_of(ctx, "13800000002", other) is not None
    assert members.duplicate_of(ctx, "13800000009") is None
