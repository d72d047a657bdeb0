"""Screenshots of the back office's catalog, rewards and loyalty rules screens for docs/screenshots
(Chinese, at the till sizes of `scripts/screenshots.py`), on the same demo clinic.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_catalog.py \
        [--out DIR] [--size WxH]

The clinic adds its own 肩颈 items and retires one; the shots show the catalog with the
retired item, an item form with bad values refused next to their fields, and the rewards
with a restock in the stock history.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from screenshots import (
    MANAGER_PIN,
    NOW,
    Shooter,
    arguments,
    build_demo,
    shoot_sizes,
    top_dialog,
    type_text,
)

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import catalog, rewards
from spa_pos.services.catalog import ItemSpec
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.rewards import RewardForm
from spa_pos.ui import app as ui_app
from spa_pos.ui import i18n
from spa_pos.ui.catalog_screen import CatalogDialog, ItemDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.rewards_screen import RewardsDialog
from spa_pos.ui.rules_dialog import RulesDialog


def own_catalog(db_url: str) -> None:
    """The clinic's own 肩颈 items at the top of the till, and a retired one."""
    ctx = Ctx(Database(db_url), CLI_ACTOR, FixedClock(NOW))
    for item in catalog.list_items(ctx):
        catalog.edit_item(ctx, item.code, replace(item.spec(), sort_order=10))
    catalog.add_item(ctx, ItemSpec("JJ1", "肩颈放松", "service", 12800, None, "肩颈", sort_order=1))
    catalog.add_item(ctx, ItemSpec("JJ2", "肩颈刮痧", "service", 9800, 60, "肩颈", sort_order=1))
    catalog.add_item(
        ctx,
        ItemSpec("JJ10", "肩颈放松十次卡", "course", 108000, 800, "肩颈", 10, "JJ1", 180, True, 1),
    )
    yy = catalog.find_item(ctx, "YY").spec()
    catalog.edit_item(ctx, "YY", replace(yy, active=False))
    rewards.add_reward(ctx, RewardForm("RJJ2", "肩颈刮痧一次", 500, item_code="JJ2", stock=10))
    rewards.restock(ctx, "R-BJZ", 10, "到货")
    ctx.db.dispose()


def unlock(shots: Shooter) -> None:
    pin = top_dialog(ManagerPinDialog)()
    assert isinstance(pin, ManagerPinDialog)
    QTest.keyClicks(pin.pin, MANAGER_PIN)
    QTest.keyClick(pin.pin, Qt.Key.Key_Return)
    shots.settle(400)


def run(out: Path, size: tuple[int, int]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="spa_pos_shots_"))
    db_url = f"sqlite:///{folder / 'demo.sqlite3'}"
    build_demo(db_url)
    own_catalog(db_url)

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    ui_app.setup_application(qt_app)
    translators = i18n.Translators()
    translators.apply(i18n.ZH_CN)
    ctx = Ctx(Database(db_url), ui_app.CASHIER, FixedClock(NOW))
    window = ui_app.build_window(ctx, translators)
    window.resize(*size)
    window.show()
    window.start()
    shots = Shooter(window, out)
    shots.settle()
    window.go(window.manage_tab)
    shots.settle()

    # 20. The catalog with the retired item shown, then a new item with bad values.
    window.manage.open_catalog()
    shots.settle()
    unlock(shots)
    screen = top_dialog(CatalogDialog)()
    assert isinstance(screen, CatalogDialog)
    screen.show_retired.setChecked(True)
    shots.settle()
    shots.save("20_catalog", screen)
    screen.add_item()
    shots.settle()
    item = top_dialog(ItemDialog)()
    assert isinstance(item, ItemDialog)
    type_text(item.code, "JJ1")
    type_text(item.name, "肩颈放松（加强）")
    type_text(item.price, "1288000")
    item.kind.setCurrentIndex(item.kind.findData("course"))
    type_text(item.sessions, "0")
    type_text(item.service, "ZYB")
    item.save()
    shots.settle(500)
    shots.save("20_catalog_item_errors", item)
    item.close()
    screen.close()
    shots.settle()

    # 21. The rewards, the pillow chosen: its stock history (redemptions, a delivery).
    window.manage.open_rewards()
    shots.settle()
    unlock(shots)
    rewards_screen = top_dialog(RewardsDialog)()
    assert isinstance(rewards_screen, RewardsDialog)
    codes = [r.code for r in rewards_screen.rewards]
    rewards_screen.table.selectRow(codes.index("R-BJZ"))
    shots.settle()
    shots.save("21_rewards", rewards_screen)
    rewards_screen.close()
    shots.settle()

    # 22. The loyalty rules.
    window.manage.open_rules()
    shots.settle()
    unlock(shots)
    rules = top_dialog(RulesDialog)()
    shots.save("22_rules", rules)
    rules.close()
    shots.settle()

    window.close()
    shots.settle(50)
    ctx.db.dispose()


def main() -> int:
    args = arguments(__doc__)
    return shoot_sizes(Path(__file__).resolve(), args.out, args.size, run)


if __name__ == "__main__":
    sys.exit(main())
