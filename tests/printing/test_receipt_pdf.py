"""Receipt PDFs: the numbers a member checks, real Chinese text, nothing off the paper."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest
from PIL import Image
from pypdf import PdfReader

from spa_pos.printing.content import wrap_text
from spa_pos.printing.documents import PointsLine, ReceiptData, ReceiptLine, VoucherData
from spa_pos.printing.fonts import RESOURCES_DIR, find_font_file, text_width
from spa_pos.printing.printers import PdfFolderPrinter, PrinterError
from spa_pos.printing.receipt_pdf import render_receipt_pdf

MM = 72 / 25.4
LONG_ITEM = (
    "高端定制中医针灸推拿配合艾灸拔罐与经络疏通全身调理套餐（含颈肩腰腿专项理疗及热敷）"
    "VIP-Package-Deluxe"
)
LONG_CLINIC = "康宁理疗馆杭州西湖区文三路旗舰店中医养生与康复理疗中心"


def make_receipt(**changes: Any) -> ReceiptData:
    data = ReceiptData(
        clinic_name="康宁理疗馆",
        clinic_address="杭州市西湖区文三路 88 号",
        clinic_phone="0571-8888 6666",
        footer="谢谢惠顾，祝您健康！",
        sale_no="S20250301-0012",
        time_text="2025-03-01 14:32",
        cashier="王芳",
        lines=(
            ReceiptLine("高端针灸推拿套餐", 1, 39800, 39800),
            ReceiptLine("针灸推拿十次疗程", 1, 358000, 358000),
            ReceiptLine("头部按摩", 1, 12800, 0, "兑换券抵扣"),
        ),
        total_fen=396800,
        payments=(("微信支付", 300000), ("现金", 100000)),
        change_fen=3200,
        member_name="李秀英",
        member_phone_masked="138****0002",
        member_card="KN000128",
        tier="银卡",
        vouchers_used=("头部按摩 HX7K2M",),
        discount_fen=1000,
        points_earned=2700,
        points_breakdown=(
            PointsLine("项目积分", 2200),
            PointsLine("疗程奖励 +20%", 400),
            PointsLine("推荐奖励", 100),
        ),
        balance_after=2880,
        expiring_points=300,
        expiring_on=date(2025, 6, 30),
        next_reward=(120, "头部按摩"),
        courses_left=(("针灸推拿十次疗程", 9),),
    )
    return dataclasses.replace(data, **changes)


def render(data: ReceiptData, width_mm: int = 80) -> bytes:
    out = io.BytesIO()
    render_receipt_pdf(data, out, width_mm)
    return out.getvalue()


def layout_text(pdf: bytes) -> str:
    """`pdftotext -layout`: one printed line per text line, columns kept apart by spaces."""
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def compact(text: str) -> str:
    return "".join(text.split())


def value_of(text: str, label: str) -> str:
    """What a row shows right of its label (the first line starting with the label)."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(label):
            return stripped[len(label) :].strip()
    raise AssertionError(f"no line starting with {label!r} in:\n{text}")


def page_size(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


def text_boxes(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """(text, x, baseline y, width) of every piece of text drawn on the page."""
    boxes: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            boxes.append((text, x, y, text_width(text, size)))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return boxes


def rasterize(pdf: bytes, dpi: int) -> Image.Image:
    """The page as poppler renders it (pdftoppm cannot write PNG to stdout)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", source, Path(tmp) / "p"],
            check=True,
        )
        with Image.open(Path(tmp) / "p.png") as image:
            return image.convert("L")


def ink_in(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    low, _ = cast(tuple[int, int], image.crop(box).getextrema())
    return low < 200


# ---------------------------------------------------------------------------- content


def test_receipt_shows_points_money_and_member() -> None:
    text = layout_text(render(make_receipt()))

    assert value_of(text, "本次积分") == "+2,700"
    assert value_of(text, "项目积分") == "+2,200"
    assert value_of(text, "疗程奖励 +20%") == "+400"
    assert value_of(text, "推荐奖励") == "+100"
    assert value_of(text, "积分余额") == "2,880"
    assert "300 分将于 2025-06-30 到期" in text
    assert "再积 120 分可兑换 头部按摩" in text
    assert value_of(text, "合计") == "¥3,968.00"
    assert value_of(text, "优惠") == "-¥10.00"
    assert value_of(text, "微信支付") == "¥3,000.00"
    assert value_of(text, "现金") == "¥1,000.00"
    assert value_of(text, "找零") == "¥32.00"
    assert value_of(text, "手机") == "138****0002"
    assert value_of(text, "卡号") == "KN000128"
    assert value_of(text, "等级") == "银卡"
    assert value_of(text, "高端针灸推拿套餐") == "¥398.00"
    assert value_of(text, "针灸推拿十次疗程") == "¥3,580.00"
    assert "1×¥128.00兑换券抵扣" in compact(text)
    assert "针灸推拿十次疗程 剩余 9 次" in text
    assert value_of(text, "兑换券") == "头部按摩 HX7K2M"


def test_chinese_is_embedded_real_text_not_boxes() -> None:
    pdf = render(make_receipt())
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()

    assert "康宁理疗馆" in text
    assert "谢谢惠顾" in text
    assert "\ufffd" not in text and "□" not in text
    resources: Any = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    fonts = resources["/Font"]
    cjk_fonts = [f.get_object() for f in fonts.values() if "WenQuanYi" in f["/BaseFont"]]
    assert cjk_fonts, "the CJK font is not used"
    for font in cjk_fonts:  # embedded (a subset), unlike STSong-Light
        assert "/FontFile2" in font["/FontDescriptor"]
        assert "/ToUnicode" in font
    assert all("STSong" not in f["/BaseFont"] for f in fonts.values())


def test_receipt_without_member_has_no_points_block() -> None:
    data = make_receipt(
        member_name=None,
        member_phone_masked=None,
        member_card=None,
        tier=None,
        points_earned=0,
        points_breakdown=(),
        balance_after=None,
        expiring_points=0,
        expiring_on=None,
        next_reward=None,
    )
    text = layout_text(render(data))

    assert "会员积分" not in text and "积分余额" not in text and "手机" not in text
    assert value_of(text, "合计") == "¥3,968.00"


def test_refund_and_reprint_are_marked() -> None:
    data = make_receipt(
        kind="refund", original_sale_no="S20250228-0003", reprint=True, points_earned=2700
    )
    text = layout_text(render(data, 58))

    assert "退款单" in compact(text)  # stamps are letter-spaced: 退 款 单
    assert "重印" in compact(text)
    assert value_of(text, "原单号") == "S20250228-0003"
    assert value_of(text, "退款金额") == "¥3,968.00"
    assert value_of(text, "扣回积分") == "-2,700"
    assert "找零" not in text


def test_unsupported_paper_width_is_refused() -> None:
    with pytest.raises(ValueError, match="80 or 58"):
        render(make_receipt(), 76)


def test_logo_is_drawn_above_the_name(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 100), "darkgreen").save(logo)
    with_logo = render(make_receipt(logo_path=logo))
    without = render(make_receipt())

    page = PdfReader(io.BytesIO(with_logo)).pages[0]
    assert len(page.images) == 1
    assert page_size(with_logo)[1] > page_size(without)[1] + 10 * MM


def test_missing_or_broken_logo_does_not_stop_the_receipt(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_text("not an image")

    for logo in (tmp_path / "gone.png", broken):
        pdf = render(make_receipt(logo_path=logo))
        assert "康宁理疗馆" in layout_text(pdf)
        assert not PdfReader(io.BytesIO(pdf)).pages[0].images


# ---------------------------------------------------------------------------- geometry


@pytest.mark.parametrize("width_mm", [58, 80])
def test_long_names_wrap_inside_the_paper(width_mm: int) -> None:
    lines = (ReceiptLine(LONG_ITEM, 2, 99900, 199800, "兑换券抵扣一次，剩余部分现金支付"),)
    data = make_receipt(
        clinic_name=LONG_CLINIC,
        lines=lines,
        clinic_address="浙江省杭州市西湖区文三路 88 号康宁大厦一楼东侧（近学院路公交站）",
        footer="温馨提示：疗程卡自购买之日起一年内有效，请妥善保管收据，遗失不补。" * 2,
    )
    pdf = render(data, width_mm)
    page_w, page_h = page_size(pdf)
    assert page_w == pytest.approx(width_mm * MM)

    # Every piece of text starts and ends on the page, with a margin left over.
    boxes = text_boxes(pdf)
    assert len(boxes) > 20
    for text, x, y, width in boxes:
        assert x >= 2 * MM, (text, x)
        assert x + width <= page_w - 2 * MM, (text, x + width, page_w)
        assert 2 * MM <= y <= page_h - 2 * MM, (text, y)

    # The ink agrees: text in the middle, white paper in the outer 2 mm on each side.
    image = rasterize(pdf, 100)
    edge = round(2 * 100 / 25.4)
    assert ink_in(image, (edge, edge, image.width - edge, image.height - edge))
    for strip in (
        (0, 0, edge, image.height),
        (image.width - edge, 0, image.width, image.height),
        (0, 0, image.width, edge),
        (0, image.height - edge, image.width, image.height),
    ):
        assert not ink_in(image, strip), f"ink in margin {strip}"

    # The long names were wrapped (not on one line) and nothing of them is lost.
    layout = layout_text(pdf)
    assert all(LONG_ITEM not in line for line in layout.splitlines())
    assert compact(LONG_ITEM) in compact(layout).replace("¥1,998.00", "")  # amount on line 1
    assert LONG_CLINIC in compact(layout)


def test_page_height_grows_with_the_number_of_lines() -> None:
    def height(n: int) -> float:
        items = tuple(ReceiptLine(f"艾灸 {i}", 1, 12800, 12800) for i in range(n))
        return page_size(render(make_receipt(lines=items)))[1]

    h1, h5, h10 = height(1), height(5), height(10)

    assert h1 < h5 < h10
    assert h10 - h5 == pytest.approx((h5 - h1) * 5 / 4)  # the same height per item line
    assert (h5 - h1) / 4 > 5 * MM  # a name line and a detail line


def test_page_fits_the_content_tightly() -> None:
    pdf = render(make_receipt())
    lowest = min(y for _, _, y, _ in text_boxes(pdf))

    assert lowest < 12 * MM  # the footer sits near the bottom: no blank tail of paper


# ---------------------------------------------------------------------------- wrapping


def width_in_chars(text: str) -> float:
    return sum(1 if ord(c) < 128 else 2 for c in text)


def test_wrap_breaks_chinese_anywhere_and_latin_at_spaces() -> None:
    assert wrap_text("针灸推拿十次疗程", 6, width_in_chars) == ["针灸推", "拿十次", "疗程"]
    assert wrap_text("deep tissue massage", 12, width_in_chars) == ["deep tissue", "massage"]
    assert wrap_text("ABCDEFGHIJ", 4, width_in_chars) == ["ABCD", "EFGH", "IJ"]
    assert wrap_text("", 10, width_in_chars) == [""]


def test_wrap_never_starts_a_line_with_closing_punctuation() -> None:
    lines = wrap_text("谢谢惠顾，祝您健康！", 8, width_in_chars)

    assert lines == ["谢谢惠", "顾，祝您", "健康！"]
    assert all(width_in_chars(line) <= 8 for line in lines)


# ---------------------------------------------------------------------------- PDF folder


def test_pdf_folder_printer_never_overwrites(tmp_path: Path) -> None:
    printer = PdfFolderPrinter(tmp_path / "receipts", width_mm=58)
    first = printer.print_receipt(make_receipt())
    second = printer.print_receipt(make_receipt(reprint=True))
    voucher = VoucherData(
        clinic_name="康宁理疗馆",
        reward_name="头部按摩",
        member_name="李秀英",
        member_phone_masked="138****0002",
        code="HX/7K2M",
        qr_payload="SPV1.HX7K2M.sig",
        issued_on=date(2025, 3, 1),
        expires_on=date(2025, 5, 30),
        terms="限本人使用",
        points_spent=300,
    )
    slip = printer.print_voucher(voucher)

    assert first.name == "S20250301-0012.pdf"
    assert second.name == "S20250301-0012-2.pdf"
    assert slip.name == "voucher-HX_7K2M.pdf"
    assert "重印" in compact(layout_text(second.read_bytes()))
    assert "重印" not in compact(layout_text(first.read_bytes()))


def test_pdf_folder_printer_reports_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    with pytest.raises(PrinterError, match="无法写入"):
        PdfFolderPrinter(blocker / "sub").print_receipt(make_receipt())


# ---------------------------------------------------------------------------- font


def test_the_font_shipped_with_the_app_is_used_first() -> None:
    assert find_font_file() == RESOURCES_DIR / "fonts" / "wqy-microhei.ttc"
    assert (RESOURCES_DIR / "fonts" / "wqy-microhei-LICENSE.txt").is_file()


def test_a_missing_font_says_where_it_was_expected(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="找不到中文字体"):
        find_font_file([tmp_path / "nope.ttc"])
