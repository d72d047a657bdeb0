"""Names and phones as typed: normalized (NFKC) and validated, whatever the script."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spa_pos.services import members
from spa_pos.services.context import Ctx
from spa_pos.services.members import FieldErrors, MemberForm
from tests.conftest import START, register

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
CONTROLS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))]
# Zero (the code point of 0) of each decimal script a phone may arrive in.
DIGIT_ZEROS = [0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0x9E6, 0x1D7CE]
on_a_db = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def problems(ctx: Ctx, form: MemberForm) -> dict[str, str]:
    with ctx.db.read() as s:
        return members.validate(s, form, START.date())


@on_a_db
@given(
    st.text(max_size=15),
    st.sampled_from(BIDI + CONTROLS + ["\n", "\r\n", "\u2028"]),
    st.text(max_size=15),
)
def test_a_name_with_a_control_or_direction_character_is_refused(
    ctx: Ctx, before: str, bad: str, after: str
) -> None:
    name = before + bad + after + "王"
    assert "name" in problems(ctx, MemberForm(name=name, phone="13800000001"))


@on_a_db
@given(st.text(max_size=50))
def test_an_accepted_name_is_visible_and_carries_no_controls(ctx: Ctx, name: str) -> None:
    if "name" in problems(ctx, MemberForm(name=name, phone="13800000001")):
        return
    stored = members.clean_text(name)
    assert stored and len(stored) <= members.MAX_NAME
    assert not any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in stored)
    assert not set(stored) & set(BIDI)
    assert not all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in stored)


@pytest.mark.parametrize("blank", ["", "   ", "\u200b", "\u200b\u200c\u200d\ufeff", "\u3000"])
def test_a_blank_or_zero_width_only_name_is_required(ctx: Ctx, blank: str) -> None:
    errors = problems(ctx, MemberForm(name=blank, phone="13800000001"))
    assert errors["name"] == members._say("members.name_required")


def _in_script(digits: str, zero: int) -> str:
    return "".join(chr(zero + int(d)) for d in digits)


@given(
    st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
    st.lists(st.sampled_from(DIGIT_ZEROS), min_size=11, max_size=11),
    st.lists(
        st.sampled_from(["", "", " ", "-", "\u3000", "－", "\u2013"]), min_size=11, max_size=11
    ),
    st.sampled_from(["", "+86", "+86 ", "0086", "＋８６ "]),
)
def test_every_way_of_writing_a_phone_cleans_to_its_digits(
    phone: str, zeros: list[int], separators: list[str], prefix: str
) -> None:
    typed = prefix + "".join(
        _in_script(d, z) + sep for d, z, sep in zip(phone, zeros, separators, strict=True)
    )
    assert members.clean_phone(typed) == phone
    assert members.PHONE.match(members.clean_phone(typed))


def test_variants_of_one_phone_find_and_collide_with_the_same_member(ctx: Ctx) -> None:
    card = register(ctx, "李娜", "+86 138-0000-0002")
    full_width = _in_script("13800000002", 0xFF10)
    arabic_indic = _in_script("13800000002", 0x660)
    with ctx.db.read() as s:
        assert members.find_one(s, "13800000002").card_no == card
        for ref in ("138 0000 0002", "138-0000-0002", "+86 13800000002", full_width, arabic_indic):
            assert members.find_one(s, ref).card_no == card
            assert [m.card_no for m in members.search(s, ref)] == [card]
    for variant in (full_width, arabic_indic, "0086 138 0000 0002"):
        with pytest.raises(FieldErrors) as err:
            members.register(ctx, MemberForm(name="王芳", phone=variant))
        assert err.value.errors["phone"] == members._say("members.phone_taken", phone="13800000002")


def test_names_are_stored_in_nfkc(ctx: Ctx) -> None:
    card = register(ctx, "  Ｌｉ　娜  ", "13800000003")
    with ctx.db.read() as s:
        assert members.find_one(s, card).name == "Li 娜"
        assert [m.card_no for m in members.search(s, "Ｌｉ 娜")] == [card]
