"""Catalog items keep their name's search keys, so the till finds them by pinyin without
loading pypinyin at start-up."""

from __future__ import annotations

from spa_pos.services import catalog
from spa_pos.services.catalog import ItemSpec
from spa_pos.services.context import Ctx


def keys(ctx: Ctx, code: str) -> tuple[str, str]:
    with ctx.db.read() as s:
        item = catalog.item_by_code(s, code)
        return item.pinyin, item.initials


def test_a_new_item_gets_its_keys_and_a_renamed_one_new_keys(ctx: Ctx) -> None:
    with ctx.db.write() as s:
        catalog.upsert_item(s, ItemSpec("YZLL", "腰椎理疗", "service", 16800))
    assert keys(ctx, "YZLL") == ("yaozhuililiao", "yzll")
    with ctx.db.write() as s:
        catalog.upsert_item(s, ItemSpec("YZLL", "颈椎理疗", "service", 16800))
    assert keys(ctx, "YZLL") == ("jingzhuililiao", "jzll")


def test_the_demo_catalog_has_keys_for_every_item(ctx: Ctx) -> None:
    with ctx.db.read() as s:
        items = catalog.active_items(s)
        assert items and all(i.pinyin and i.initials for i in items)
