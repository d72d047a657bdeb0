"""Content blocks laid out on one PDF page with reportlab's canvas: measure first, then draw.

`PdfFlow.add` wraps each block to the paper width and records a drawing step at its
offset from the top; once everything is measured the page height is known (receipt paper
is as tall as its content) and `PdfFlow.render` draws the steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from spa_pos.printing.content import (
    Align,
    Block,
    Gap,
    Heading,
    Logo,
    Mark,
    Qr,
    Row,
    Rule,
    Size,
    Text,
    Title,
    split_row,
    wrap_text,
)
from spa_pos.printing.fonts import register_fonts, text_width

Draw = Callable[[Canvas, float], None]  # draws a step whose box has its top at y

LINE_HEIGHT = 1.42  # times the font size
BASELINE = 1.0  # baseline below the top of a line box, times the font size
GREY = 0.45


@dataclass(frozen=True)
class PaperStyle:
    width: float  # page width in points
    margin_x: float
    margin_y: float
    base: float  # font sizes in points
    small: float
    large: float
    title: float
    qr_side: float
    logo_height: float
    page_height: float | None = None  # None: as tall as the content
    frame: bool = False

    def size(self, size: Size) -> float:
        return {"small": self.small, "normal": self.base, "large": self.large}[size]


RECEIPT_80 = PaperStyle(
    width=80 * mm, margin_x=4 * mm, margin_y=5 * mm,
    base=9, small=7.5, large=11.5, title=16, qr_side=40 * mm, logo_height=16 * mm,
)  # fmt: skip
RECEIPT_58 = PaperStyle(
    width=58 * mm, margin_x=3 * mm, margin_y=4 * mm,
    base=8, small=7, large=10, title=13, qr_side=36 * mm, logo_height=12 * mm,
)  # fmt: skip
A6 = PaperStyle(
    width=105 * mm, margin_x=11 * mm, margin_y=11 * mm,
    base=10, small=8, large=14, title=24, qr_side=46 * mm, logo_height=16 * mm,
    page_height=148 * mm, frame=True,
)  # fmt: skip


class PdfFlow:
    """One page of blocks, measured as they are added and drawn by `render`."""

    def __init__(self, style: PaperStyle) -> None:
        self.style = style
        self.font = register_fonts()
        self.height = 0.0
        self._steps: list[tuple[float, Draw]] = []

    @property
    def content_width(self) -> float:
        return self.style.width - 2 * self.style.margin_x

    @property
    def left(self) -> float:
        return self.style.margin_x

    @property
    def right(self) -> float:
        return self.style.width - self.style.margin_x

    # ------------------------------------------------------------------ measuring

    def add_all(self, blocks: list[Block]) -> PdfFlow:
        for block in blocks:
            self.add(block)
        return self

    def add(self, block: Block) -> None:
        match block:
            case Title(text):
                self._paragraph(text, self.style.title, "center", bold=True, leading=1.3)
                self._space(self.style.base * 0.3)
            case Text(text, align, size, bold, indent):
                self._paragraph(text, self.style.size(size), align, bold, indent=indent)
            case Row():
                self._row(block)
            case Mark(text, inverted):
                self._mark(text, inverted)
            case Rule():
                self._step(self.style.base * 0.9, self._draw_rule)
            case Heading(text):
                self._heading(text)
            case Gap():
                self._space(self.style.base * 0.6)
            case Logo(path):
                self._logo(path)
            case Qr(payload):
                self._qr(payload)

    def _step(self, height: float, draw: Draw) -> None:
        self._steps.append((self.height, draw))
        self.height += height

    def _space(self, height: float) -> None:
        self.height += height

    def _measure(self, size: float) -> Callable[[str], float]:
        return lambda text: text_width(text, size)

    def _paragraph(
        self,
        text: str,
        size: float,
        align: Align,
        bold: bool = False,
        indent: int = 0,
        leading: float = LINE_HEIGHT,
    ) -> None:
        inset = indent * size
        for line in wrap_text(text, self.content_width - inset, self._measure(size)):
            x = {
                "left": self.left + inset,
                "center": (self.left + self.right) / 2,
                "right": self.right,
            }[align]
            self._step(size * leading, self._text_drawer(line, x, size, align, bold))

    def _row(self, row: Row) -> None:
        size = self.style.size(row.size)
        inset = row.indent * size
        width = self.content_width - inset
        for left, right in split_row(row.left, row.right, width, self._measure(size), size):
            self._step(size * LINE_HEIGHT, self._row_drawer(left, right, inset, size, row.bold))

    def _mark(self, text: str, inverted: bool) -> None:
        size = self.style.large
        self._space(size * 0.3)
        self._step(size * 2.0, self._mark_drawer(text, size, inverted))

    def _heading(self, text: str) -> None:
        size = self.style.small
        self._space(self.style.base * 0.3)
        self._step(size * 1.8, self._heading_drawer(text, size))

    def _logo(self, path: Path) -> None:
        try:
            image = ImageReader(str(path))
            pixel_w, pixel_h = image.getSize()
        except OSError:
            return  # an unreadable logo must not stop the receipt
        scale = min(self.style.logo_height / pixel_h, self.content_width * 0.5 / pixel_w)
        w, h = pixel_w * scale, pixel_h * scale
        x = (self.style.width - w) / 2

        def draw(c: Canvas, top: float) -> None:
            c.drawImage(image, x, top - h, w, h, mask="auto")

        self._step(h + self.style.base * 0.5, draw)

    def _qr(self, payload: str) -> None:
        side = min(self.style.qr_side, self.content_width)
        modules = qr_matrix(payload)
        x = (self.style.width - side) / 2

        def draw(c: Canvas, top: float) -> None:
            draw_qr(c, modules, x, top - side, side)

        self._step(side + self.style.base * 0.3, draw)

    # ------------------------------------------------------------------ drawing

    def _text_drawer(self, text: str, x: float, size: float, align: Align, bold: bool) -> Draw:
        def draw(c: Canvas, top: float) -> None:
            self._draw_text(c, text, x, top - size * BASELINE, size, align, bold)

        return draw

    def _row_drawer(self, left: str, right: str, inset: float, size: float, bold: bool) -> Draw:
        def draw(c: Canvas, top: float) -> None:
            baseline = top - size * BASELINE
            if left:
                self._draw_text(c, left, self.left + inset, baseline, size, "left", bold)
            if right:
                self._draw_text(c, right, self.right, baseline, size, "right", bold)

        return draw

    def _mark_drawer(self, text: str, size: float, inverted: bool) -> Draw:
        spacing = size * 0.5  # letter-spaced like a stamp, still one word for copy/search
        text_w = text_width(text, size) + spacing * (len(text) - 1)
        box_w = text_w + 2 * size
        box_h = size * 1.6
        x = (self.style.width - box_w) / 2

        def draw(c: Canvas, top: float) -> None:
            c.saveState()  # char spacing and render mode are state that must not leak
            c.setLineWidth(1.2)
            c.rect(x, top - box_h, box_w, box_h, stroke=1, fill=int(inverted))
            if inverted:
                c.setFillColorRGB(1, 1, 1)
                c.setStrokeColorRGB(1, 1, 1)
            obj = c.beginText(x + size, top - box_h / 2 - size * 0.33)
            obj.setFont(self.font, size)
            obj.setCharSpace(spacing)
            obj.setTextRenderMode(2)
            obj.textOut(text)
            c.setLineWidth(size * 0.035)
            c.drawText(obj)
            c.restoreState()

        return draw

    def _heading_drawer(self, text: str, size: float) -> Draw:
        def draw(c: Canvas, top: float) -> None:
            middle = (self.left + self.right) / 2
            half = text_width(text, size) / 2 + size * 0.6
            line_y = top - size * 0.9
            self._dashed_line(c, self.left, middle - half, line_y)
            self._dashed_line(c, middle + half, self.right, line_y)
            self._draw_text(c, text, middle, line_y - size * 0.33, size, "center", True)

        return draw

    def _draw_rule(self, c: Canvas, top: float) -> None:
        self._dashed_line(c, self.left, self.right, top - self.style.base * 0.45)

    @staticmethod
    def _dashed_line(c: Canvas, x1: float, x2: float, y: float) -> None:
        c.saveState()
        c.setStrokeGray(GREY)
        c.setLineWidth(0.6)
        c.setDash(2, 1.5)
        c.line(x1, y, x2, y)
        c.restoreState()

    def _draw_text(
        self, c: Canvas, text: str, x: float, baseline: float, size: float, align: Align, bold: bool
    ) -> None:
        width = text_width(text, size)
        start = {"left": x, "center": x - width / 2, "right": x - width}[align]
        obj = c.beginText(start, baseline)
        obj.setFont(self.font, size)
        if not bold:
            obj.textOut(text)
            c.drawText(obj)
            return
        # The font has no bold face: stroke the outline over the fill. The render mode is
        # graphics state that outlives the text object, hence the save/restore around it.
        obj.setTextRenderMode(2)
        obj.textOut(text)
        c.saveState()
        c.setLineWidth(size * 0.035)
        c.drawText(obj)
        c.restoreState()

    # ------------------------------------------------------------------ output

    def render(self, out: Path | BinaryIO, title: str) -> None:
        style = self.style
        content_h = self.height
        page_h = style.page_height or content_h + 2 * style.margin_y
        canvas = Canvas(str(out) if isinstance(out, Path) else out, pagesize=(style.width, page_h))
        canvas.setTitle(title)
        canvas.setCreator("spa_pos")
        if style.frame:
            _draw_frame(canvas, style.width, page_h)
        canvas.translate(0, page_h - style.margin_y)
        room = page_h - 2 * style.margin_y
        if content_h > room:  # fixed-size page (A6) with too much text: shrink to fit
            scale = room / content_h
            canvas.translate(style.width * (1 - scale) / 2, 0)
            canvas.scale(scale, scale)
        elif style.page_height is not None:  # fixed-size page: center vertically
            canvas.translate(0, -(room - content_h) / 2)
        for offset, draw in self._steps:
            draw(canvas, -offset)
        canvas.showPage()
        canvas.save()


def _draw_frame(c: Canvas, width: float, height: float) -> None:
    inset = 5 * mm
    c.saveState()
    c.setLineWidth(1.4)
    c.roundRect(inset, inset, width - 2 * inset, height - 2 * inset, 4 * mm)
    c.setLineWidth(0.5)
    c.setStrokeGray(GREY)
    inner = inset + 1.5 * mm
    c.roundRect(inner, inner, width - 2 * inner, height - 2 * inner, 3 * mm)
    c.restoreState()


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules of `payload` (error correction M), quiet zone of 4 modules included."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def draw_qr(c: Canvas, modules: list[list[bool]], x: float, y: float, side: float) -> None:
    """Draw the QR as one vector path (crisp at any resolution, no seams between modules)."""
    cell = side / len(modules)
    path = c.beginPath()
    for r, row in enumerate(modules):
        top = y + side - r * cell
        col = 0
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            path.rect(x + start * cell, top - cell, (col - start) * cell, cell)
    c.saveState()
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, y, side, side, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
