"""The member list (会员列表) equals the same list worked out from the facts alone, for every
filter and every sort, both ways, page by page: after random business with the nightly
rebuild of the members' figures in the middle of it, read at moments before the rebuild,
just after it and long after it (when much has left the 12 months since). Both ways of
answering are held to it: split (stored rows through their indexes, exact figures only
for the members moved since the rebuild) and joined (figures for everyone in SQL, when
too many moved)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from spa_pos import clock as clk
from spa_pos.models import Member, MemberStat, MemberTag
from spa_pos.services import member_list, summaries, tags
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.member_list import Filter
from tests.services.test_summaries import TZ, _history

SHIFTS = (-10, 0, 3, 345, 352, 360, 370, 400)
"""Days from the rebuild to the moment of reading: the history runs from about 25 days
before the rebuild to 20 after, so from about 340 days on it leaves the 12 months."""


@dataclass(frozen=True)
class Known:
    """A member as the facts say, for the oracle."""

    id: int
    card_no: str
    pinyin: str
    balance: int
    last_visit: datetime | None
    birthday: date | None
    consent: bool
    tags: frozenset[str]
    earned: int
    spend_fen: int
    favourite: str | None


@pytest.fixture
def history(ctx: Ctx) -> tuple[Ctx, datetime]:
    """Random business around a nightly rebuild, the tags refreshed; (ctx, the rebuild's
    moment)."""
    _history(ctx, random.Random(7))
    with ctx.db.write() as s:
        since = s.scalar(select(MemberStat.since))
        assert since is not None
        rebuilt = clk.from_utc_naive(since + summaries.YEAR)
        at = rebuilt + timedelta(days=30)
        tags.refresh_all(s, at, settings_svc.load(s, at))
    return ctx, rebuilt


def _known(ctx: Ctx, now: datetime) -> list[Known]:
    since = clk.to_utc_naive(now) - member_list.YEAR
    with ctx.db.read() as s:
        figures = {m: (e, f, c) for m, e, f, c in summaries.figures_from_facts(s, since)}
        held: dict[int, set[str]] = {}
        for member_id, tag in s.execute(select(MemberTag.member_id, MemberTag.tag)).tuples():
            held.setdefault(member_id, set()).add(tag)
        return [
            Known(
                m.id,
                m.card_no,
                m.pinyin,
                m.points_balance,
                m.last_visit_at,
                m.birthday,
                m.marketing_consent,
                frozenset(held.get(m.id, ())),
                *figures.get(m.id, (0, 0, None)),
            )
            for m in s.scalars(select(Member))
        ]


def _in_tier(earned: int, name: str, ctx: Ctx) -> bool:
    """Points earned from the tier's threshold up to the next tier's (the list's rule:
    a member whose earned points went below nothing, by reversals, is in no tier)."""
    ordered = sorted(settings_svc.current(ctx).tiers, key=lambda t: t.threshold)
    bounds = [t.threshold for t in ordered] + [None]
    return any(
        t.name == name and t.threshold <= earned and (high is None or earned < high)
        for t, high in zip(ordered, bounds[1:], strict=True)
    )


def _fits(k: Known, flt: Filter, ctx: Ctx) -> bool:
    day = clk.local_date(clk.from_utc_naive(k.last_visit), TZ) if k.last_visit else None
    return all(
        (
            flt.tag is None or flt.tag in k.tags,
            flt.tier is None or _in_tier(k.earned, flt.tier, ctx),
            flt.visited_from is None or (day is not None and day >= flt.visited_from),
            flt.visited_to is None or (day is not None and day <= flt.visited_to),
            flt.birthday_month is None
            or (k.birthday is not None and k.birthday.month == flt.birthday_month),
            flt.spend_min_fen is None or k.spend_fen >= flt.spend_min_fen,
            flt.spend_max_fen is None or k.spend_fen <= flt.spend_max_fen,
            flt.favourite is None or k.favourite == flt.favourite,
        )
    )


def _sort_key(k: Known, sort: str) -> Any:
    return {
        "card": k.card_no,
        "name": k.pinyin,
        "tier": k.earned,
        "balance": k.balance,
        "last_visit": (k.last_visit is not None, k.last_visit or datetime.min),
        "spend": k.spend_fen,
        "favourite": k.favourite or "",
    }[sort]


def _expected(known: list[Known], flt: Filter, sort: str, descending: bool, ctx: Ctx) -> list[str]:
    chosen = sorted((k for k in known if _fits(k, flt, ctx)), key=lambda k: k.id)
    chosen.sort(key=lambda k: _sort_key(k, sort), reverse=descending)  # stable: ties by id
    return [k.card_no for k in chosen]


def _filters(ctx: Ctx) -> st.SearchStrategy[Filter]:
    cfg = settings_svc.current(ctx)
    fen = st.sampled_from((0, 1, 16800, 30000, 60000, 120000, 400000))
    day = st.dates(date(2026, 2, 20), date(2026, 6, 30))
    return st.builds(
        Filter,
        tag=st.none() | st.sampled_from(tags.TAGS),
        tier=st.none() | st.sampled_from([t.name for t in cfg.tiers]),
        visited_from=st.none() | day,
        visited_to=st.none() | day,
        birthday_month=st.none() | st.integers(1, 12),
        spend_min_fen=st.none() | fen,
        spend_max_fen=st.none() | fen,
        favourite=st.none() | st.sampled_from(("产品", "理疗项目", "疗程卡", "")),
    ).filter(
        lambda f: (
            (f.visited_from is None or f.visited_to is None or f.visited_from <= f.visited_to)
            and (
                f.spend_min_fen is None
                or f.spend_max_fen is None
                or f.spend_min_fen <= f.spend_max_fen
            )
        )
    )


@pytest.mark.parametrize("joined", [False, True], ids=["split", "joined"])
def test_the_list_equals_the_facts(
    history: tuple[Ctx, datetime], joined: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, rebuilt = history
    if joined:  # as when the nightly job has not run for days
        monkeypatch.setattr(member_list, "_MOVED_MAX", -1)
    known_at: dict[int, list[Known]] = {}

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        flt=_filters(ctx),
        sort=st.sampled_from(member_list.SORTS),
        descending=st.booleans(),
        shift=st.sampled_from(SHIFTS),
        offset=st.integers(0, 5),
        limit=st.integers(1, 4),
    )
    def check(
        flt: Filter, sort: str, descending: bool, shift: int, offset: int, limit: int
    ) -> None:
        now = rebuilt + timedelta(days=shift, hours=5)
        ctx.clock.at = now  # type: ignore[attr-defined]
        known = known_at.setdefault(shift, _known(ctx, now))
        want = _expected(known, flt, sort, descending, ctx)
        whole = member_list.page(ctx, flt, sort=sort, descending=descending, limit=len(known))
        assert ([r.card_no for r in whole.rows], whole.total) == (want, len(want))
        part = member_list.page(
            ctx, flt, sort=sort, descending=descending, offset=offset, limit=limit
        )
        assert [r.card_no for r in part.rows] == want[offset : offset + limit]
        consenting = [k for k in known if k.card_no in want and k.consent]
        assert member_list.count(ctx, flt, with_consent=True) == len(consenting)
        with ctx.db.read() as s:
            cfg = settings_svc.load(s, now)
            ids = member_list.matching_ids(s, flt, now, cfg)
        assert ids == sorted(k.id for k in known if k.card_no in want)

    check()


def test_the_history_moves_members_after_the_rebuild(history: tuple[Ctx, datetime]) -> None:
    """The equality above is worth something: read after the rebuild, some members' stored
    rows are out of date (the split has exact figures to work out), and the stored rows
    alone would be wrong."""
    ctx, rebuilt = history
    now = rebuilt + timedelta(days=360)
    since = clk.to_utc_naive(now) - member_list.YEAR
    with ctx.db.read() as s:
        moved = set(s.scalars(summaries.moved_members(s, since)))
        stored = {m: (e, f, c) for m, e, f, c in summaries.stored_members(s)}
        fresh = {m: (e, f, c) for m, e, f, c in summaries.figures_from_facts(s, since)}
    assert moved
    assert any(stored.get(m) != fresh.get(m) for m in moved)
    assert all(stored.get(m) == fresh.get(m) for m in (set(stored) | set(fresh)) - moved)
