"""Messages in zh_CN (see `spa_pos.messages`): one dict per area, merged below."""

# general: input formats, database
_GENERAL: dict[str, str] = {}

# members
_MEMBERS: dict[str, str] = {}

# catalog
_CATALOG: dict[str, str] = {}

# checkout and pricing
_CHECKOUT: dict[str, str] = {}

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
_SETTINGS: dict[str, str] = {
    "settings.unknown_key": "未知设置项: {key}",
    "settings.not_text": "设置项 {key} 应为文字",
    "settings.too_long": "设置项 {key} 太长（最多 {max_len} 个字）",
    "settings.control_characters": "设置项 {key} 含有控制字符（如换行、制表符），请删掉",
    "settings.int_at_least": "设置项 {key} 应为不小于 {low} 的整数，而不是 {value!r}",
    "settings.int_between": "设置项 {key} 应为 {low} 到 {high} 之间的整数，而不是 {value!r}",
    "settings.not_positive_decimal": "设置项 {key} 应为大于 0 的小数（如 1.5），而不是 {value!r}",
    "settings.not_a_choice": "设置项 {key} 只能是 {choices} 之一，而不是 {value!r}",
    "settings.unknown_time_zone": "设置项 {key}: {value!r} 不是有效的时区（应如 Asia/Shanghai）",
    "settings.not_time_of_day": "设置项 {key}: {value!r} 不是时间（应为 HH:MM，如 21:30）",
    "settings.bad_secret": "设置项 {key} 的格式不对",
    "settings.bad_printer": "设置项 {key} 应注明打印机类型（{kinds} 之一）",
    "settings.tiers_not_tiers": "设置项 {key} 应为会员等级的列表",
    "settings.tiers_empty": "设置项 {key}: 至少要有一个会员等级",
    "settings.tier_name_empty": "设置项 {key}: 会员等级的名称不能为空",
    "settings.tier_name_repeated": "设置项 {key}: 会员等级名称“{name}”重复了",
    "settings.tier_bad_multiplier": (
        "设置项 {key}: 等级“{name}”的倍数应为大于 0 的小数，而不是 {value!r}"
    ),
    "settings.tier_bad_threshold": "设置项 {key}: 等级“{name}”的门槛应为整数积分",
    "settings.tiers_first_not_zero": "设置项 {key}: 第一个等级“{name}”的门槛应为 0 分",
    "settings.tiers_not_increasing": "设置项 {key}: 各等级的门槛应逐级升高",
}

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
