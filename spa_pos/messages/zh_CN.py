"""Messages in zh_CN (see `spa_pos.messages`): one dict per area, merged below."""

# general: input formats, database
_GENERAL: dict[str, str] = {}

# members
_MEMBERS: dict[str, str] = {}

# catalog
_CATALOG: dict[str, str] = {}

# checkout and pricing
_CHECKOUT: dict[str, str] = {
    "checkout.bad_quantity": "数量应在 1 到 {max} 之间: {item}:{qty}",
    "checkout.empty": "这一单没有项目",
    "checkout.voucher_twice": "同一张兑换券不能在一单里用两次",
    "checkout.voucher_not_members": "兑换券 {voucher} 不属于会员 {member}",
    "checkout.course_needs_member": "购买疗程需要会员，请先选择或登记会员",
    "checkout.unknown_method": "未知付款方式: {method}（可用: {methods}）",
    "checkout.payment_not_positive": "付款金额必须大于 0",
    "checkout.payment_short": "付款不足：应收 {due} 元，已付 {paid} 元，还差 {short} 元",
    "checkout.change_not_cash": "非现金付款不能超过应收金额（只有现金可以找零）",
}

# refunds
_REFUNDS: dict[str, str] = {}

# points and adjustments
_POINTS: dict[str, str] = {
    "points.adjust_reason_required": "调整积分必须填写原因",
    "points.adjust_zero": "调整的积分不能为 0",
    "points.adjust_over_limit": "超过 {limit} 分的调整需要店长权限",
}

# vouchers and rewards
_VOUCHERS: dict[str, str] = {}

# courses and events
_COURSES: dict[str, str] = {}

# settings
_SETTINGS: dict[str, str] = {}

# staff and PIN
_STAFF: dict[str, str] = {}

# day close
_DAYCLOSE: dict[str, str] = {}

# jobs, reminders, maintenance
_JOBS: dict[str, str] = {}

# printing and receipts
_PRINTING: dict[str, str] = {}

# backup and restore
_BACKUP: dict[str, str] = {}

# command line
_CLI: dict[str, str] = {}

MESSAGES: dict[str, str] = (
    _GENERAL
    | _MEMBERS
    | _CATALOG
    | _CHECKOUT
    | _REFUNDS
    | _POINTS
    | _VOUCHERS
    | _COURSES
    | _SETTINGS
    | _STAFF
    | _DAYCLOSE
    | _JOBS
    | _PRINTING
    | _BACKUP
    | _CLI
)
