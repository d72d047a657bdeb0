"""The banner that says the database was just upgraded from an earlier release, and where
the verified copy made before the upgrade lies (spa_pos/services/upgrade.py).

It does not block the till: the cashier reads it, or closes it with ×. It shows once, as
the upgrade happens once: the next start finds the database current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from spa_pos.ui.widgets import button, label

if TYPE_CHECKING:  # the upgrade's module (backups) loads only when a database is upgraded
    from spa_pos.services.upgrade import Upgraded


class UpgradeNotice(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upgradeNotice")
        self.setProperty("role", "notice")
        self.upgraded: Upgraded | None = None
        self.text = label("", wrap=True)
        self.text.setObjectName("upgradeNoticeText")
        self.close_button = button("×", "link")
        self.close_button.setObjectName("upgradeNoticeClose")
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 4, 16, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button)
        self.hide()

    def show_upgrade(self, upgraded: Upgraded) -> None:
        self.upgraded = upgraded
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Hide"))
        up = self.upgraded
        if up is None:
            return
        text = self.tr(
            "The database was upgraded from version {old} to {new}; "
            "the backup made before the upgrade is in {file}"
        )
        self.text.setText(text.format(old=up.from_version, new=up.to_version, file=str(up.backup)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
