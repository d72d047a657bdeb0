"""The sample receipt and voucher: realistic content (Chinese names, a course, a voucher
used, points earned and expiring), shared by the printing tests and
`bench/bench_printing.py`. A test changes what it is about with `sample_receipt(...)`.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from spa_pos.printing.documents import PointsLine, ReceiptData, ReceiptLine, VoucherData

# About what the voucher service signs: version, code, expiry and an HMAC.
QR_PAYLOAD = "SPV1.HX7K2M9Q.20250530.3f9a1c0b7e2d4a6f8b1c3d5e7f9a0b2c4d6e8f"

_RECEIPT = ReceiptData(
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
    cash_moved=True,
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

_VOUCHER = VoucherData(
    clinic_name="康宁理疗馆",
    reward_name="头部按摩",
    member_name="李秀英",
    member_phone_masked="138****0002",
    code="HX7K2M9Q",
    qr_payload=QR_PAYLOAD,
    issued_on=date(2025, 3, 1),
    expires_on=date(2025, 5, 30),
    terms="本券限本人使用，不兑现金、不找零；请在有效期内预约使用，过期作废。",
    points_spent=300,
)


def sample_receipt(**changes: object) -> ReceiptData:
    """The sample receipt with `changes` (field=value) applied."""
    return dataclasses.replace(_RECEIPT, **changes)  # type: ignore[arg-type]


def sample_voucher(**changes: object) -> VoucherData:
    """The sample voucher with `changes` (field=value) applied."""
    return dataclasses.replace(_VOUCHER, **changes)  # type: ignore[arg-type]
