"""Redeem (积分兑换): the reward catalog against the member's balance, and the voucher.

Rewards the member cannot afford are shown but disabled, with how many points are
missing; redeeming asks for a yes, runs `vouchers.redeem` and shows the voucher's QR code.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spa_pos.services import vouchers
from spa_pos.services.catalog import RewardEntry
from spa_pos.services.profile import MemberView
from spa_pos.services.vouchers import Redemption
from spa_pos.ui import i18n
from spa_pos.ui.changes import Change
from spa_pos.ui.widgets import button, button_bar, card, clear, confirm, label, open_dialog
from spa_pos.ui.widgets import tile as make_tile
from spa_pos.ui.worker import DbWorker

REWARD_COLUMNS = 3


def qr_pixmap(payload: str, size: int = 240) -> QPixmap:
    """The payload as a QR code (qrcode's module matrix, painted crisp by Qt)."""
    import qrcode  # only when a voucher is shown: keeps it out of start-up

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    module = max(2, size // len(matrix))  # whole pixels per module keep the code sharp
    image = QImage(len(matrix) * module, len(matrix) * module, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, line in enumerate(matrix):
        for x, dark in enumerate(line):
            if dark:
                painter.fillRect(x * module, y * module, module, module, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


class RedeemPage(QWidget):
    print_voucher_requested = Signal(str)  # voucher code
    redeemed = Signal(object)  # Redemption
    refused = Signal()  # the balance shown may be stale: the window reads the member again

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._rewards: list[RewardEntry] = []
        self._member: MemberView | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.voucher_dialog: VoucherDialog | None = None

        self.heading = label("", "title")
        self.heading.setObjectName("redeemHeading")
        self.balance = label("", "amount")
        self.balance.setObjectName("redeemBalance")
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.balance)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.rebuild()
        super().changeEvent(event)

    def set_rewards(self, rewards: list[RewardEntry]) -> None:
        self._rewards = rewards
        self.rebuild()

    def set_member(self, view: MemberView | None) -> None:
        self._member = view
        self.rebuild()

    def rebuild(self) -> None:
        member = self._member
        if member is None:
            self.heading.setText(self.tr("Choose a member first (F1)"))
            self.balance.setText("")
        else:
            self.heading.setText(self.tr("Rewards for {name}").format(name=member.profile.name))
            self.balance.setText(
                self.tr("{points} points available").format(points=f"{member.profile.balance:,}")
            )
        clear(self.grid)
        self.buttons.clear()
        for n, reward in enumerate(self._rewards):
            tile = self._tile(reward)
            tile.clicked.connect(lambda _=False, r=reward: self.ask(r))
            self.buttons[reward.code] = tile
            self.grid.addWidget(tile, n // REWARD_COLUMNS, n % REWARD_COLUMNS)

    def focus_first(self) -> None:
        """The keyboard starts on the first reward the member can have."""
        enabled = [tile for tile in self.buttons.values() if tile.isEnabled()]
        if enabled:
            enabled[0].setFocus()

    def _why_not(self, reward: RewardEntry) -> str | None:
        """Why this reward cannot be redeemed now (None: it can)."""
        if self._member is None:
            return self.tr("Choose a member")
        if reward.stock is not None and reward.stock <= 0:
            return self.tr("Out of stock")
        missing = reward.points_cost - self._member.profile.balance
        if missing > 0:
            return self.tr("{points} points short").format(points=f"{missing:,}")
        return None

    def _tile(self, reward: RewardEntry) -> QPushButton:
        facts = [i18n.reward_kind(reward.kind)]
        if reward.stock is not None:
            facts.append(self.tr("{n} in stock").format(n=reward.stock))
        why_not = self._why_not(reward)
        tile = make_tile(
            [
                (reward.name, "tileTitle"),
                (self.tr("{points} points").format(points=f"{reward.points_cost:,}"), "tilePrice"),
                (" · ".join(facts), "muted"),
                (why_not or self.tr("Redeem"), "short" if why_not else "tileAction"),
            ],
            height=132,
        )
        tile.findChildren(QLabel)[-1].setObjectName("status")
        tile.setObjectName(f"reward_{reward.code}")
        tile.setEnabled(why_not is None)
        return tile

    def ask(self, reward: RewardEntry) -> None:
        member = self._member
        if member is None or self._why_not(reward) is not None:
            return
        confirm(
            self,
            self.tr("Redeem"),
            self.tr("Redeem {reward} for {name} with {points} points?").format(
                reward=reward.name, name=member.profile.name, points=f"{reward.points_cost:,}"
            ),
            lambda: self.redeem(member.card_no, reward.code),
        )

    def redeem(self, card_no: str, reward_code: str) -> None:
        self.worker.run(
            lambda ctx: vouchers.redeem(ctx, card_no, reward_code),
            self._done,
            on_error=self._refused,
            changes=Change.REDEMPTIONS,
            owner=self,
        )

    def _refused(self, exc: Exception) -> bool:
        """Refused (the message still shows): another till on the same server may have
        spent the points since this screen read the balance, so the member is read again
        and the tiles stop offering what can no longer be afforded."""
        self.refused.emit()
        return False

    def _done(self, redemption: Redemption) -> None:
        self.voucher_dialog = VoucherDialog(redemption, self)
        self.voucher_dialog.print_requested.connect(self.print_voucher_requested)
        open_dialog(self.voucher_dialog)
        self.redeemed.emit(redemption)


class VoucherDialog(QDialog):
    """The issued voucher: code, QR and expiry, with a print button."""

    print_requested = Signal(str)

    def __init__(self, redemption: Redemption, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        r = redemption
        self.setWindowTitle(self.tr("Voucher issued"))
        self.setMinimumWidth(440)
        frame, box = card(margins=20)
        box.addWidget(label(r.reward_name, "title"), 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr = QLabel()
        self.qr.setObjectName("voucherQr")
        self.qr.setPixmap(qr_pixmap(r.qr_payload))
        box.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        code = label(r.voucher_code, "big")
        code.setObjectName("voucherCode")
        code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(
            label(self.tr("Valid until {date}").format(date=r.expires_on.isoformat()), "muted"),
            0,
            Qt.AlignmentFlag.AlignHCenter,
        )
        box.addWidget(
            label(
                self.tr("{spent} points used · balance {balance}").format(
                    spent=f"{r.points_spent:,}", balance=f"{r.balance:,}"
                ),
                "muted",
            ),
            0,
            Qt.AlignmentFlag.AlignHCenter,
        )
        print_button = button(self.tr("Print voucher"))
        print_button.setObjectName("printVoucher")
        print_button.clicked.connect(lambda: self.print_requested.emit(r.voucher_code))
        done = button(self.tr("Done (Enter)"), "primary")
        done.setDefault(True)
        done.clicked.connect(self.accept)
        buttons = button_bar(done, left=(print_button,))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(frame)
        layout.addLayout(buttons)
        done.setFocus()
