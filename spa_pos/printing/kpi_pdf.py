"""The dashboard (经营看板) and the monthly scheme review (积分制度评估) as A4 PDFs.

Both are drawn from the figures as JSON (`kpi.Figures.to_json()`), the same numbers the
dashboard shows and a review keeps, with the receipts' embedded Chinese font. Charts are
plain bars drawn on the canvas: a printout needs no chart library.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from spa_pos.money import format_fen
from spa_pos.printing.content import wrap_text
from spa_pos.printing.fonts import register_fonts, text_width
from spa_pos.services.kpi import change_rows

if TYPE_CHECKING:
    from spa_pos.services.kpi import Dashboard
    from spa_pos.services.scheme_review import Review

MARGIN = 18 * mm
BODY = 10.0
LINE = BODY * 1.5
BAR = (0.30, 0.50, 0.72)


class _Page:
    """A cursor down A4 pages: each `need` starts a new page when the block won't fit."""

    def __init__(self, out: Path | BinaryIO, title: str) -> None:
        self.font = register_fonts()
        self.canvas = Canvas(str(out) if isinstance(out, Path) else out, pagesize=A4)
        self.canvas.setTitle(title)
        self.width, self.height = A4
        self.y = self.height - MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.canvas.showPage()
            self.y = self.height - MARGIN

    def text(self, text: str, size: float = BODY, x: float = MARGIN, grey: bool = False) -> None:
        self.need(size * 1.5)
        c = self.canvas
        c.setFont(self.font, size)
        c.setFillGray(0.45 if grey else 0)
        c.drawString(x, self.y - size, text)
        c.setFillGray(0)
        self.y -= size * 1.5

    def heading(self, text: str) -> None:
        self.y -= 4
        self.text(text, 13)

    def table(self, rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        c = self.canvas
        for n, row in enumerate(rows):
            self.need(LINE)
            c.setFont(self.font, BODY)
            x = MARGIN
            for i, (cell, w) in enumerate(zip(row, widths, strict=True)):
                if i == 0:
                    c.drawString(x, self.y - BODY, cell)
                else:
                    c.drawRightString(x + w, self.y - BODY, cell)
                x += w
            if n == 0:
                c.setLineWidth(0.5)
                c.line(MARGIN, self.y - LINE + 3, x, self.y - LINE + 3)
            self.y -= LINE

    def bars(self, title: str, items: Sequence[tuple[str, int, str]]) -> None:
        """Horizontal bars: (label, value, the value as written); nothing drawn for no
        items."""
        if not items:
            return
        self.heading(title)
        top = max(v for _, v, _ in items) or 1
        label_w = max(text_width(label, BODY) for label, _, _ in items) + 6
        bar_w = self.width - 2 * MARGIN - label_w - 70
        c = self.canvas
        for label, value, shown in items:
            self.need(LINE)
            c.setFont(self.font, BODY)
            c.drawString(MARGIN, self.y - BODY, label)
            c.setFillColorRGB(*BAR)
            length = max(0.0, bar_w * value / top)
            c.rect(MARGIN + label_w, self.y - BODY - 1, length, BODY * 0.9, stroke=0, fill=1)
            c.setFillGray(0)
            c.drawString(MARGIN + label_w + length + 4, self.y - BODY, shown)
            self.y -= LINE

    def paragraph(self, text: str) -> None:
        for para in text.splitlines() or [""]:
            for line in wrap_text(para, self.width - 2 * MARGIN, lambda t: text_width(t, BODY)) or [
                ""
            ]:
                self.text(line)

    def save(self) -> None:
        self.canvas.save()


def _comparison(page: _Page, cur: dict[str, Any], prev: dict[str, Any]) -> None:
    head = ("", f"{cur['start']} – {cur['end']}", f"上期 {prev['start']} – {prev['end']}", "变化")
    page.table([head, *change_rows(cur, prev)], (130, 120, 150, 90))


def _counts(counts: dict[str, int]) -> list[tuple[str, int, str]]:
    return [(name, n, f"{n:,}") for name, n in counts.items()]


def _redemptions(cur: dict[str, Any]) -> list[tuple[str, int, str]]:
    """Points per reward with the vouchers issued, as the dashboard writes them."""
    return [
        (r["name"], r["points"], f"{r['points']:,} ({r['vouchers']:,})") for r in cur["redemptions"]
    ]


def _charts(page: _Page, cur: dict[str, Any]) -> None:
    trend = cur["trend"]
    page.bars(
        "营业额走势",
        [(p["start"], p["revenue_fen"], format_fen(p["revenue_fen"])) for p in trend],
    )
    page.bars("到店人次走势", [(p["start"], p["visits"], f"{p['visits']:,}") for p in trend])
    page.bars("按奖品兑换（积分）", _redemptions(cur))
    page.bars(
        "热门项目（营业额）",
        [(t["name"], t["revenue_fen"], format_fen(t["revenue_fen"])) for t in cur["top_services"]],
    )
    page.bars("各等级会员", _counts(cur["tiers"]))


def render_dashboard_pdf(board: Dashboard, out: Path | BinaryIO) -> None:
    cur, prev = board.current.to_json(), board.previous.to_json()
    page = _Page(out, "经营看板")
    page.text("经营看板", 18)
    _comparison(page, cur, prev)
    _charts(page, cur)
    page.bars("各标签会员（最近一次标签计算）", _counts(board.tags))
    page.save()


def render_review_pdf(review: Review, out: Path | BinaryIO) -> None:
    cur, prev = review.figures, review.previous
    page = _Page(out, f"积分制度评估 {review.month}")
    page.text(f"积分制度评估  {review.month}", 18)
    page.text(f"{review.author}  {review.created_at:%Y-%m-%d %H:%M}", grey=True)
    _comparison(page, cur, prev)
    page.bars(
        "积分负债走势（月末未兑积分）",
        [(p.month, p.points, f"{p.points:,} 分") for p in review.liability_trend],
    )
    page.heading("等级变动")
    moves = [(move, f"{n:,}") for move, n in review.tier_moves.items()] or [("无变动", "")]
    page.table([("", "人数"), *moves], (150, 80))
    page.bars("按奖品兑换（积分）", _redemptions(cur))
    page.heading("评估结论")
    page.paragraph(review.conclusions or "（未填写）")
    page.save()
