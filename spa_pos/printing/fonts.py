"""The CJK font for PDFs, registered with reportlab once.

We ship WenQuanYi Micro Hei (Apache-2.0 / GPL-3+ with font exception, see
`resources/fonts/wqy-microhei-LICENSE.txt`): a TrueType collection whose glyphs reportlab
embeds as a subset, so the PDF shows Chinese on any machine. reportlab's built-in
`STSong-Light` CID font is *not* embedded (boxes without a local CJK font) and OpenType/CFF
fonts such as Noto CJK are refused by reportlab, so neither is used.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from spa_pos.paths import resources_dir

FONT_NAME = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"
SYSTEM_FONT_PATHS = (
    Path("/usr/share/fonts/truetype/wqy") / FONT_FILE,  # Debian/Ubuntu fonts-wqy-microhei
    Path("/usr/share/fonts/wqy-microhei") / FONT_FILE,  # Fedora
    Path("C:/Windows/Fonts/msyh.ttc"),  # Microsoft YaHei, also a TrueType collection
)

_lock = threading.Lock()
_registered = False


def bundled_font() -> Path:
    """The copy shipped with the app (package data, see `spa_pos.paths.resources_dir`)."""
    return resources_dir() / "fonts" / FONT_FILE


def font_candidates() -> tuple[Path, ...]:
    """Where the font is looked for, in order: the copy shipped with the app first."""
    return (bundled_font(), *SYSTEM_FONT_PATHS)


def find_font_file(candidates: Iterable[Path] | None = None) -> Path:
    for path in font_candidates() if candidates is None else candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"找不到中文字体 {FONT_FILE} (应在 {bundled_font().parent}), 无法生成 PDF"
    )


def register_fonts() -> str:
    """Register the CJK font with reportlab (only the first call does work); returns its name."""
    global _registered
    if not _registered:
        with _lock:
            if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
                font = TTFont(FONT_NAME, str(find_font_file()), subfontIndex=0)
                pdfmetrics.registerFont(font)
            _registered = True
    return FONT_NAME


def text_width(text: str, size: float) -> float:
    """Width in points of `text` set in the CJK font at `size`."""
    return float(pdfmetrics.stringWidth(text, register_fonts(), size))
