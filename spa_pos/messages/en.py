"""Messages in en (see `spa_pos.messages`): one dict per area, merged below."""

# general: input formats, database
_GENERAL: dict[str, str] = {}

# members
_MEMBERS: dict[str, str] = {}

# catalog
_CATALOG: dict[str, str] = {}

# checkout and pricing
_CHECKOUT: dict[str, str] = {
    "checkout.bad_quantity": "The quantity must be between 1 and {max}: {item}:{qty}",
    "checkout.empty": "This sale has no items",
    "checkout.voucher_twice": "The same voucher cannot be used twice in one sale",
    "checkout.voucher_not_members": "Voucher {voucher} does not belong to member {member}",
    "checkout.course_needs_member": "A course package needs a member: choose or register one first",
    "checkout.unknown_method": "Unknown payment method: {method} (available: {methods})",
    "checkout.payment_not_positive": "A payment must be more than 0",
    "checkout.payment_short": (
        "Not enough paid: {due} yuan due, {paid} yuan paid, {short} yuan short"
    ),
    "checkout.change_not_cash": (
        "Non-cash payments cannot exceed the amount due (only cash gives change)"
    ),
}

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
