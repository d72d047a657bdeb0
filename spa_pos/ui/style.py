"""The look: a calm, light theme with large touch targets (48 px and up).

Widgets opt into variants with a `role` property (`primary`, `muted`, `error`, `card`, …)
instead of inline styles, so the whole look lives here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from spa_pos.paths import resources_dir

PRIMARY = "#1f7a6d"
PRIMARY_DARK = "#17635a"
PRIMARY_LIGHT = "#e3f1ee"
BACKGROUND = "#f3f4f6"
SURFACE = "#ffffff"
BORDER = "#dde1e6"
TEXT = "#1f2933"
MUTED = "#6b7785"
WARN = "#9a5b00"
WARN_BG = "#fff4e0"
DANGER = "#c0392b"

# Badge backgrounds under white text: each at least 4.5:1 (WCAG AA), which the lighter
# silver and gold people expect are not; tests/ui/test_fits_screen.py measures them.
TIER_COLORS = {"普通": "#66707a", "银卡": "#4f6a8a", "金卡": "#8a6508", "钻石": "#4c5fd5"}
MIN_TOUCH = 48
ICONS = (resources_dir() / "icons").as_posix()

STYLESHEET = f"""
QWidget {{ color: {TEXT}; font-size: 15px; }}
QMainWindow, QDialog, QWizard {{ background: {BACKGROUND}; }}
QFrame[role="card"] {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame[role="header"] {{ background: {SURFACE}; border-bottom: 1px solid {BORDER}; }}
QFrame[role="notice"] {{ background: {WARN_BG}; border-bottom: 1px solid #f0d9a8; }}
QFrame[role="notice"] QLabel {{ color: {WARN}; font-weight: bold; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: 22px; font-weight: bold; }}
QLabel[role="section"] {{ font-size: 13px; font-weight: bold; color: {MUTED};
    padding-top: 6px; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="big"] {{ font-size: 30px; font-weight: bold; }}
QLabel[role="amount"] {{ font-size: 26px; font-weight: bold; color: {PRIMARY_DARK}; }}
QLabel[role="amountShort"] {{ font-size: 26px; font-weight: bold; color: {DANGER}; }}
QLabel[role="amountOver"] {{ font-size: 26px; font-weight: bold; color: {WARN}; }}
QLabel[role="error"] {{ color: {DANGER}; font-size: 13px; }}
QLabel[role="warn"] {{ color: {WARN}; background: {WARN_BG}; border-radius: 6px;
    padding: 4px 8px; }}
QLabel[role="pill"] {{ background: {PRIMARY_LIGHT}; color: {PRIMARY_DARK}; border-radius: 11px;
    padding: 2px 10px; font-size: 13px; }}
QLabel[role="badge"] {{ color: white; border-radius: 11px; padding: 2px 12px;
    font-size: 13px; font-weight: bold; }}
QLabel[role="tileTitle"] {{ font-size: 17px; font-weight: bold; }}
QLabel[role="tilePrice"] {{ color: {PRIMARY_DARK}; font-weight: bold; }}
QLabel[role="tileAction"] {{ color: {PRIMARY}; }}
QLabel[role="short"] {{ color: {WARN}; }}
QLabel:disabled {{ color: #a7b0ba; }}
QLabel[role="brand"] {{ font-size: 18px; font-weight: bold; color: {PRIMARY_DARK}; }}

QPushButton {{ min-height: {MIN_TOUCH}px; padding: 0 18px; border-radius: 8px;
    background: {SURFACE}; border: 1px solid {BORDER}; }}
QPushButton:hover {{ border-color: {PRIMARY}; }}
QPushButton:focus {{ border: 2px solid {PRIMARY}; padding: 0 17px; }}
QPushButton:pressed {{ background: {PRIMARY_LIGHT}; }}
QPushButton:disabled {{ color: #a7b0ba; background: #f7f8f9; }}
QPushButton[role="primary"] {{ background: {PRIMARY}; color: white; font-weight: bold;
    border: 2px solid {PRIMARY}; padding: 0 18px; }}
QPushButton[role="primary"]:hover {{ background: {PRIMARY_DARK}; border-color: {PRIMARY_DARK}; }}
QPushButton[role="primary"]:focus {{ border-color: {TEXT}; }}
QPushButton[role="primary"]:disabled {{ background: #a9c9c4; border-color: #a9c9c4;
    color: white; }}
QPushButton[role="pay"] {{ background: {PRIMARY}; color: white; border: 2px solid {PRIMARY};
    font-size: 20px; font-weight: bold; min-height: 64px; padding: 0 18px; }}
QPushButton[role="pay"]:focus {{ border-color: {TEXT}; }}
QPushButton[role="pay"]:disabled {{ background: #a9c9c4; border-color: #a9c9c4; }}
QPushButton[role="tile"] {{ text-align: left; padding: 0; }}
QPushButton[role="tile"]:checked {{ background: {PRIMARY_LIGHT}; border-color: {PRIMARY}; }}
QPushButton[role="chip"] {{ min-height: {MIN_TOUCH}px; padding: 0 16px; border-radius: 24px; }}
QPushButton[role="chip"]:checked {{ background: {PRIMARY}; color: white;
    border-color: {PRIMARY}; }}
QPushButton[role="link"] {{ border: 2px solid transparent; background: transparent;
    color: {PRIMARY_DARK}; padding: 0 8px; }}
QPushButton[role="link"]:focus {{ border-color: {PRIMARY}; }}

QLineEdit, QComboBox, QSpinBox, QPlainTextEdit, QDateTimeEdit {{ background: {SURFACE};
    border: 1px solid {BORDER}; border-radius: 8px; padding: 6px 10px; min-height: 34px;
    selection-background-color: {PRIMARY}; }}
QComboBox::drop-down, QDateTimeEdit::drop-down {{ border: none; width: 30px; }}
QSpinBox {{ padding-right: 30px; }}
QSpinBox::up-button, QSpinBox::down-button {{ border: none; width: 26px; }}
QSpinBox::up-arrow {{ image: url({ICONS}/chevron-up.svg); width: 12px; height: 12px; }}
QSpinBox::down-arrow {{ image: url({ICONS}/chevron-down.svg); width: 12px; height: 12px; }}
QComboBox::down-arrow, QDateTimeEdit::down-arrow {{ image: url({ICONS}/chevron-down.svg);
    width: 14px; height: 14px; }}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 2px solid {PRIMARY}; }}
QLineEdit[invalid="true"] {{ border: 2px solid {DANGER}; }}
QLineEdit[role="money"] {{ font-size: 20px; min-height: 40px; }}
QLineEdit[role="search"] {{ font-size: 20px; min-height: 44px; padding: 4px 14px; }}

QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ min-height: {MIN_TOUCH}px; min-width: 130px; padding: 0 16px;
    font-size: 16px; color: {MUTED}; background: transparent; border: none;
    border-bottom: 3px solid transparent; }}
QTabBar::tab:selected {{ color: {PRIMARY_DARK}; border-bottom: 3px solid {PRIMARY};
    font-weight: bold; }}
QTabBar::tab:hover {{ color: {TEXT}; }}

QTableView, QListWidget, QTreeWidget {{ background: {SURFACE}; border: 1px solid {BORDER};
    border-radius: 8px; gridline-color: #eef0f3; alternate-background-color: #fafbfc;
    selection-background-color: {PRIMARY_LIGHT}; selection-color: {TEXT}; }}
QListWidget::item {{ min-height: 52px; padding: 0 10px; border-bottom: 1px solid #eef0f3; }}
QListWidget::item:selected {{ background: {PRIMARY_LIGHT}; color: {TEXT}; }}
QHeaderView::section {{ background: #f7f8fa; border: none; border-bottom: 1px solid {BORDER};
    padding: 8px; color: {MUTED}; font-weight: bold; }}
QListWidget#voucherList::item {{ min-height: 36px; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollBar:vertical {{ background: transparent; width: 14px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 14px; margin: 2px; }}
QScrollBar::handle {{ background: #c5ccd4; border-radius: 5px; min-height: 40px;
    min-width: 40px; }}
QScrollBar::handle:hover {{ background: #aab3bd; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QStatusBar {{ background: {SURFACE}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QProgressBar {{ max-height: 6px; border: none; background: {PRIMARY_LIGHT}; }}
QProgressBar::chunk {{ background: {PRIMARY}; }}
QProgressBar[role="progress"] {{ max-height: 12px; border-radius: 6px; }}
QProgressBar[role="progress"]::chunk {{ border-radius: 6px; }}
QCheckBox {{ min-height: 36px; }}
QCheckBox::indicator, QListView::indicator {{ width: 22px; height: 22px; }}
"""


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget a style variant and re-apply the stylesheet to it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def tier_badge_css(tier: str) -> str:
    return f"background: {TIER_COLORS.get(tier, PRIMARY)};"
