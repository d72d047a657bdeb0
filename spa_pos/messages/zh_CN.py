"""Messages in zh_CN (see `spa_pos.messages`): one dict per area, merged below."""

# general: input formats, database
_GENERAL: dict[str, str] = {
    "general.already_set_up": "首次设置已经完成，请在设置中修改",
}

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
