"""The member panel (会员信息): everything `profile.member_view` knows, laid out for the
cashier, with what to offer first: the birthday month, the rewards the points buy now
(→ F4), points about to expire and the sessions left on each course."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spa_pos.services.profile import MemberView, RewardOffer
from spa_pos.ui.profile_screen import ProfileButton
from spa_pos.ui.style import tier_badge_css
from spa_pos.ui.widgets import button, card, label, row


class MemberPanel(QScrollArea):
    edit_requested = Signal(str)  # card number
    use_course_requested = Signal(str)  # course item code
    voucher_picked = Signal(str)  # voucher code, to use in the current sale
    redeem_requested = Signal()  # go to redeem (F4)
    adjust_requested = Signal(str)  # card number: 调整积分…
    cancel_voucher_requested = Signal(str, str)  # voucher code, reward: 作废…

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._view: MemberView | None = None
        self.rebuild()

    @property
    def view(self) -> MemberView | None:
        return self._view

    def show_member(self, view: MemberView | None) -> None:
        self._view = view
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.rebuild()
        super().changeEvent(event)

    def rebuild(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        if self._view is None:
            empty = label(
                self.tr(
                    "Look a member up by phone, last 4 digits, card number, "
                    "name or pinyin initials — or scan their card.\n"
                    "New member: F2."
                ),
                "muted",
                wrap=True,
            )
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addStretch(1)
            layout.addWidget(empty)
            layout.addStretch(2)
        else:
            self._fill(layout, self._view)
        focused, old = QApplication.focusWidget(), self.widget()
        was_on = focused.objectName() if old and focused and old.isAncestorOf(focused) else ""
        self.takeWidget()  # the keyboard leaves it here, for the window's next button
        if old is not None:
            old.deleteLater()
        self.setWidget(content)
        if was_on:
            self._focus_again(content, was_on)

    @staticmethod
    def _focus_again(content: QWidget, name: str) -> None:
        """The keyboard back on the rebuilt twin of the button it was on (调整积分 after an
        adjustment), not left to fall on the window's next button (改为散客, which a stray
        Enter would press)."""
        twin = content.findChild(QWidget, name)
        if twin is not None:
            twin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, layout: QVBoxLayout, view: MemberView) -> None:
        p = view.profile
        layout.addWidget(self._header(view))
        columns = QHBoxLayout()
        columns.setSpacing(12)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(12)
        right.setSpacing(12)
        left.addWidget(self._points(view))
        left.addWidget(self._courses(view))
        left.addWidget(self._vouchers(view))
        left.addStretch(1)
        right.addWidget(self._visits(view))
        right.addWidget(self._care(p.health_needs, p.notes, p.tags, hidden=p.health_hidden))
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addStretch(1)

    def _header(self, view: MemberView) -> QWidget:
        p = view.profile
        frame, box = card()
        name = label(p.name, "title")
        name.setObjectName("memberName")
        badge = label(p.tier.name, "badge")
        badge.setObjectName("tierBadge")
        badge.setStyleSheet(tier_badge_css(p.tier.name))
        edit = button(self.tr("Edit"))
        edit.clicked.connect(lambda: self.edit_requested.emit(p.card_no))
        top = row(name, badge)
        if view.birthday_multiplier is not None:
            banner = label(
                self.tr("Birthday month · points ×{factor}").format(
                    factor=view.birthday_multiplier
                ),
                "pill",
            )
            banner.setObjectName("birthdayBanner")
            banner.setToolTip(
                self.tr("Points earned on purchases this month are multiplied by {factor}.").format(
                    factor=view.birthday_multiplier
                )
            )
            top.addWidget(banner)
        top.addStretch(1)
        top.addWidget(ProfileButton(p.card_no))
        top.addWidget(edit)
        box.addLayout(top)
        facts = [self.tr("Card {card}").format(card=p.card_no), p.phone]
        if p.birthday:
            facts.append(self.tr("Birthday {date}").format(date=p.birthday.isoformat()))
        if p.referrer:
            facts.append(self.tr("Referred by {name}").format(name=p.referrer))
        box.addWidget(label("  ·  ".join(facts), "muted"))
        if p.tier.perks:
            box.addWidget(
                label(self.tr("Perks: {perks}").format(perks="、".join(p.tier.perks)), wrap=True)
            )
        return frame

    def _points(self, view: MemberView) -> QWidget:
        p = view.profile
        frame, box = card()
        box.addWidget(label(self.tr("POINTS"), "section"))
        balance = label(f"{p.balance:,}", "big")
        balance.setObjectName("balance")
        adjust = button(self.tr("Adjust points…"))
        adjust.setObjectName("adjustPoints")
        adjust.clicked.connect(lambda: self.adjust_requested.emit(p.card_no))
        line = row(balance)
        line.addStretch(1)
        line.addWidget(adjust)
        box.addLayout(line)
        if p.balance < 0:
            box.addWidget(
                label(
                    self.tr(
                        "Owes {points} points from a refund; later earnings pay it off first."
                    ).format(points=-p.balance),
                    "warn",
                    wrap=True,
                )
            )
        for pts, when in p.expiring:
            warn = label(
                self.tr("{points} points expire on {date}").format(
                    points=f"{pts:,}", date=when.isoformat()
                ),
                "warn",
            )
            warn.setObjectName("expiring")
            box.addWidget(warn)
        if view.redeemable:
            box.addLayout(self._redeemable(view.redeemable))
        if p.next_reward:
            missing, reward = p.next_reward
            box.addWidget(
                label(
                    self.tr("{points} more points for {reward}").format(
                        points=f"{missing:,}", reward=reward
                    ),
                    "muted",
                    wrap=True,
                )
            )
        return frame

    def _redeemable(self, offers: list[RewardOffer]) -> QVBoxLayout:
        """ "Redeemable now: 3 → F4" (the button goes to redeem) over the names of the
        dearest few; the tooltip lists every one with its points."""
        shown = 3
        go = button(self.tr("Redeemable now: {n} → F4").format(n=len(offers)), "link")
        go.setObjectName("redeemable")
        go.setToolTip(
            "\n".join(
                self.tr("{reward}: {points} points").format(
                    reward=o.name, points=f"{o.points_cost:,}"
                )
                for o in offers
            )
        )
        go.clicked.connect(self.redeem_requested)
        names = "、".join(o.name for o in offers[:shown])
        if len(offers) > shown:
            names = self.tr("{names} and more").format(names=names)
        listed = label(names, "muted", wrap=True)
        listed.setObjectName("redeemableNames")
        listed.setToolTip(go.toolTip())
        line = row(go)
        line.addStretch(1)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addLayout(line)
        box.addWidget(listed)
        return box

    def _courses(self, view: MemberView) -> QWidget:
        frame, box = card()
        box.addWidget(label(self.tr("COURSE SESSIONS"), "section"))
        if not view.courses:
            box.addWidget(label(self.tr("None"), "muted"))
        for course in view.courses:
            use = button(self.tr("Use one"))
            use.clicked.connect(
                lambda _=False, code=course.code: self.use_course_requested.emit(code)
            )
            text = label(
                self.tr("{course}: {left} left").format(
                    course=course.name, left=course.sessions_left
                ),
                wrap=True,
            )
            text.setObjectName(f"course_{course.code}")
            box.addWidget(text)
            line = QHBoxLayout()
            if course.expires_on is not None:
                until = label(
                    self.tr("valid until {date}").format(date=course.expires_on.isoformat()),
                    "muted",
                )
                until.setObjectName(f"courseUntil_{course.code}")
                line.addWidget(until)
            line.addStretch(1)
            line.addWidget(use)
            box.addLayout(line)
        return frame

    def _vouchers(self, view: MemberView) -> QWidget:
        frame, box = card()
        box.addWidget(label(self.tr("UNUSED VOUCHERS"), "section"))
        if not view.unused_vouchers:
            box.addWidget(label(self.tr("None"), "muted"))
        for v in view.unused_vouchers:
            use = button(self.tr("Use in sale"))
            use.clicked.connect(lambda _=False, code=v.code: self.voucher_picked.emit(code))
            text = label(
                self.tr("{reward}  {code}\nvalid until {date}").format(
                    reward=v.reward, code=v.code, date=v.expires_on.isoformat()
                )
            )
            cancel = button(self.tr("Cancel…"))
            cancel.setObjectName(f"cancelVoucher_{v.code}")
            cancel.clicked.connect(
                lambda _=False, code=v.code, reward=v.reward: self.cancel_voucher_requested.emit(
                    code, reward
                )
            )
            line = row(text)
            line.addStretch(1)
            line.addWidget(cancel)
            line.addWidget(use)
            box.addLayout(line)
        return frame

    def _visits(self, view: MemberView) -> QWidget:
        frame, box = card()
        box.addWidget(label(self.tr("LAST VISITS"), "section"))
        if not view.profile.visits:
            box.addWidget(label(self.tr("No visits yet"), "muted"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for i, visit in enumerate(view.profile.visits[:6]):
            grid.addWidget(label(visit.on.isoformat(), "muted"), i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label(visit.items, wrap=True), i, 1)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)
        return frame

    def _care(self, health: str, notes: str, tags: list[str], *, hidden: bool) -> QWidget:
        """Tags, health needs and notes; the last two read "仅限授权人员" for a role the
        service left them out for (`Profile.health_hidden`)."""
        frame, box = card()
        box.addWidget(label(self.tr("TAGS"), "section"))
        pills = QHBoxLayout()
        for tag in tags:
            pills.addWidget(label(tag, "pill"))
        if not tags:
            pills.addWidget(label(self.tr("None"), "muted"))
        pills.addStretch(1)
        box.addLayout(pills)
        for title, text, name in (
            (self.tr("HEALTH NEEDS"), health, "healthNeeds"),
            (self.tr("NOTES"), notes, "memberNotes"),
        ):
            box.addWidget(label(title, "section"))
            if hidden:
                shown = label(self.tr("Authorised staff only"), "muted", wrap=True)
            else:
                shown = label(
                    text or self.tr("None recorded"), None if text else "muted", wrap=True
                )
            shown.setObjectName(name)
            box.addWidget(shown)
        return frame
