"""Voucher PDFs: the QR scans back to its payload from a 100 and 200 dpi raster."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from spa_pos.printing.documents import VoucherData
from spa_pos.printing.fonts import text_width
from spa_pos.printing.voucher_pdf import VoucherSize, render_voucher_pdf

MM = 72 / 25.4
# About what the voucher service signs: version, code, expiry and an HMAC.
PAYLOAD = "SPV1.HX7K2M9Q.20250530.3f9a1c0b7e2d4a6f8b1c3d5e7f9a0b2c4d6e8f"


def make_voucher(**changes: Any) -> VoucherData:
    data = VoucherData(
        clinic_name="康宁理疗馆",
        reward_name="头部按摩",
        member_name="李秀英",
        member_phone_masked="138****0002",
        code="HX7K2M9Q",
        qr_payload=PAYLOAD,
        issued_on=date(2025, 3, 1),
        expires_on=date(2025, 5, 30),
        terms="本券限本人使用，不兑现金、不找零；请在有效期内预约使用，过期作废。",
        points_spent=300,
    )
    return dataclasses.replace(data, **changes)


def render(data: VoucherData, size: VoucherSize) -> bytes:
    out = io.BytesIO()
    render_voucher_pdf(data, out, size)
    return out.getvalue()


def rasterize(pdf: bytes, dpi: int) -> Image.Image:
    """The page as poppler renders it (pdftoppm cannot write PNG to stdout)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "voucher.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", source, Path(tmp) / "v"],
            check=True,
        )
        with Image.open(Path(tmp) / "v.png") as image:
            return image.convert("RGB")


def page_text(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


@pytest.mark.parametrize("dpi", [100, 200])
@pytest.mark.parametrize("size", ["a6", "receipt80", "receipt58"])
def test_qr_decodes_to_the_payload(size: VoucherSize, dpi: int) -> None:
    image = rasterize(render(make_voucher(), size), dpi)

    codes = zxingcpp.read_barcodes(image)

    assert [code.text for code in codes] == [PAYLOAD]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode
    assert codes[0].ec_level == "M"


def test_a_different_payload_gives_a_different_qr() -> None:
    other = "SPV1.ZZ99ZZ99.20250530.0000000000000000"
    image = rasterize(render(make_voucher(qr_payload=other), "a6"), 100)

    assert [code.text for code in zxingcpp.read_barcodes(image)] == [other]


def test_voucher_shows_what_the_member_and_the_cashier_need() -> None:
    text = page_text(render(make_voucher(), "a6"))

    for expected in (
        "兑换券",
        "康宁理疗馆",
        "头部按摩",
        "HX7K2M9Q",
        "李秀英",
        "138****0002",
        "300 分",
        "2025-03-01",
        "2025-05-30",
        "有效期至",
        "不兑现金",
    ):
        assert expected in text, expected


def test_a6_is_a6_and_roll_paper_is_as_tall_as_the_content() -> None:
    a6 = PdfReader(io.BytesIO(render(make_voucher(), "a6"))).pages[0].mediabox
    slip = PdfReader(io.BytesIO(render(make_voucher(), "receipt80"))).pages[0].mediabox
    longer = make_voucher(terms="本券限本人使用，不兑现金、不找零。" * 8)
    longer_slip = PdfReader(io.BytesIO(render(longer, "receipt80"))).pages[0].mediabox

    assert (float(a6.width), float(a6.height)) == pytest.approx((105 * MM, 148 * MM))
    assert float(slip.width) == pytest.approx(80 * MM)
    assert float(longer_slip.height) > float(slip.height) + 10 * MM


def test_very_long_terms_are_shrunk_onto_the_a6_card() -> None:
    terms = "本券限本人使用，不兑现金、不找零；请在有效期内预约使用，过期作废。" * 12
    pdf = render(make_voucher(terms=terms), "a6")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    positions: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = cm[0]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            positions.append((text, x, y, text_width(text, size) * scale))

    page.extract_text(visitor_text=visit)

    assert "".join(t for t, *_ in positions).count("过期作废") == 12
    for text, x, y, w in positions:
        assert x > 5 * MM and x + w < width - 5 * MM, text
        assert 5 * MM < y < height - 5 * MM, text
    image = rasterize(pdf, 100)
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [PAYLOAD]


def test_unknown_size_is_refused() -> None:
    with pytest.raises(ValueError, match="a6"):
        render(make_voucher(), "letter")  # type: ignore[arg-type]
