"""Messages in en (see `spa_pos.messages`): one dict per area, merged below."""

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
    "points.adjust_reason_required": "A points adjustment needs a reason",
    "points.adjust_zero": "The adjustment cannot be 0 points",
    "points.adjust_over_limit": "Adjustments over {limit} points need a manager",
}

# vouchers and rewards
_VOUCHERS: dict[str, str] = {}

# courses and events
_COURSES: dict[str, str] = {}

# settings
_SETTINGS: dict[str, str] = {
    "settings.unknown_key": "Unknown setting: {key}",
    "settings.not_text": "Setting {key} must be text",
    "settings.too_long": "Setting {key} is too long (at most {max_len} characters)",
    "settings.control_characters": (
        "Setting {key} contains control characters (such as a line break or tab); remove them"
    ),
    "settings.int_at_least": (
        "Setting {key} must be a whole number of at least {low}, not {value!r}"
    ),
    "settings.int_between": (
        "Setting {key} must be a whole number from {low} to {high}, not {value!r}"
    ),
    "settings.not_positive_decimal": (
        "Setting {key} must be a decimal number above 0 (such as 1.5), not {value!r}"
    ),
    "settings.not_a_choice": "Setting {key} must be one of {choices}, not {value!r}",
    "settings.unknown_time_zone": (
        "Setting {key}: {value!r} is not a valid time zone (such as Asia/Shanghai)"
    ),
    "settings.not_time_of_day": "Setting {key}: {value!r} is not a time (HH:MM, such as 21:30)",
    "settings.bad_secret": "Setting {key} is not in the expected format",
    "settings.bad_printer": "Setting {key} must name the printer type (one of {kinds})",
    "settings.tiers_not_tiers": "Setting {key} must be a list of membership tiers",
    "settings.tiers_empty": "Setting {key}: there must be at least one membership tier",
    "settings.tier_name_empty": "Setting {key}: a membership tier needs a name",
    "settings.tier_name_repeated": "Setting {key}: the tier name “{name}” is used twice",
    "settings.tier_bad_multiplier": (
        "Setting {key}: the multiplier of tier “{name}” must be a decimal number above 0, "
        "not {value!r}"
    ),
    "settings.tier_bad_threshold": (
        "Setting {key}: the threshold of tier “{name}” must be a whole number of points"
    ),
    "settings.tiers_first_not_zero": (
        "Setting {key}: the first tier “{name}” must start at 0 points"
    ),
    "settings.tiers_not_increasing": (
        "Setting {key}: each tier's threshold must be higher than the one before"
    ),
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
