"""Messages in en (see `spa_pos.messages`): one dict per area, merged below."""

# general: input formats, database
_GENERAL: dict[str, str] = {
    "general.already_set_up": "First-run set-up is already done; change these in Settings",
    "general.bad_time": "Wrong time format: {text} (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
    "general.bad_amount": "Wrong amount format: {text!r} (for example 398 or 12.50)",
    "general.database_busy": (
        "The database is busy (a background job or a backup is writing); nothing was "
        "saved, please try again shortly."
    ),
    "general.server_unreachable": (
        "The database server cannot be reached: nothing was saved and no sale can be taken. "
        "Check the network and the server; the till reconnects by itself once it is back."
    ),
    "general.schema_newer": (
        "The database is at version {version}, newer than this program ({head}): install "
        "the newer release to open it"
    ),
    "general.sale_not_found": "No such sale: {sale_no}",
}

# members
_MEMBERS: dict[str, str] = {
    "members.not_found": "No member {ref} (use the phone or card number)",
    "members.name_required": "Enter the name",
    "members.name_too_long": "The name can have at most {max} characters",
    "members.name_control": "The name cannot hold line breaks, control or direction characters",
    "members.bad_phone": "The phone must be an 11-digit mainland mobile number (starting with 1)",
    "members.phone_taken": "The phone {phone} is already used by another member",
    "members.bad_birthday": "The birthday is out of range",
    "members.bad_gender": "The gender must be F or M",
    "members.self_referrer": "A member cannot refer themselves",
    "members.referral_loop": "{ref} was referred by this member (directly or through others)",
    "members.referrer_not_found": "No referrer {ref}",
    "members.referrer_fixed": "The referrer cannot be changed once registered",
    "members.before_joined": "{member} joined at {joined}; nothing can be booked before that",
}

# catalog
_CATALOG: dict[str, str] = {
    "catalog.item_not_found": "No such item: {item}",
    "catalog.reward_not_found": "No such reward: {reward}",
    "catalog.unknown_item_kind": "Unknown item kind: {kind}",
    "catalog.negative_price": "Prices and points cannot be negative",
    "catalog.course_needs_sessions": "A course needs a number of sessions and its treatment",
    "catalog.unknown_reward_kind": "Unknown reward kind: {kind}",
    "catalog.coupon_needs_value": "A coupon needs a value",
    "catalog.reward_needs_item": "A treatment or gift reward needs its item",
    "catalog.code_letters_digits": "The code may only have letters and digits",
    "catalog.code_taken": "The code {taken} is already used",
    "catalog.code_fixed": "The code cannot be changed",
    "catalog.name_required": "Enter a name",
    "catalog.category_required": (
        "Enter a category (e.g. neck and shoulders, moxibustion, products)"
    ),
    "catalog.text_too_long": "At most {limit} characters",
    "catalog.text_control": "Control characters are not allowed",
    "catalog.value_required": "Required",
    "catalog.out_of_range": "Must be between {low} and {high}",
    "catalog.price_range": "The price must be between ¥0.00 and {highest}",
    "catalog.kind_fixed": "An item's kind cannot change; add a new item instead",
    "catalog.course_only": "Only a course has sessions, a treatment and valid days",
    "catalog.course_needs_active_service": "A course needs a treatment on sale: {item}",
    "catalog.retire_used_by_course": (
        "The course “{course}” is still on sale; its treatment cannot be retired"
    ),
    "catalog.retire_used_by_reward": (
        "The reward “{reward}” is still offered; its item cannot be retired"
    ),
    "catalog.item_invalid": "The item cannot be saved: {problems}",
    "catalog.course_expired": "{member}'s {item} course expired on {last_day} and cannot be used",
    "catalog.field_code": "Code",
    "catalog.field_name": "Name",
    "catalog.field_category": "Category",
    "catalog.field_kind": "Kind",
    "catalog.field_price_fen": "Price",
    "catalog.field_points": "Points",
    "catalog.field_sessions": "Sessions",
    "catalog.field_course_service_code": "Treatment",
    "catalog.field_valid_days": "Valid days",
    "catalog.field_sort_order": "Order",
    "catalog.field_active": "Status",
    "catalog.field_points_cost": "Cost in points",
    "catalog.field_item_code": "Item",
    "catalog.field_coupon_fen": "Coupon amount",
    "catalog.field_stock": "Stock",
    "catalog.field_reason": "Reason",
}

# the reward catalog
_REWARDS: dict[str, str] = {
    "rewards.cost_range": "The cost must be between 1 and {high} points",
    "rewards.item_or_coupon": "Choose the item it gives or a coupon amount (one of them)",
    "rewards.item_not_offered": "{item} is not a treatment or product on sale",
    "rewards.coupon_range": "A coupon must be worth more than ¥0.00 and at most ¥100,000.00",
    "rewards.invalid": "The reward cannot be saved: {problems}",
    "rewards.reason_required": "Enter a reason",
    "rewards.unlimited": "{reward} has unlimited stock; nothing to restock",
    "rewards.restock_range": (
        "The change cannot be 0 and the stock must stay between 0 and {high} (now {stock})"
    ),
    "rewards.kind_add": "Added",
    "rewards.kind_restock": "Restock / count",
    "rewards.kind_edit": "Stock edited",
    "rewards.kind_redeem": "Redeemed",
    "rewards.kind_cancel": "Voucher cancelled",
}

# checkout and pricing
_CHECKOUT: dict[str, str] = {
    "checkout.bad_quantity": "The quantity must be between 1 and {max}: {item}:{qty}",
    "checkout.override_above_list": (
        "The new price of {item} must be between ¥0.00 and its list price {list}, not {price}"
    ),
    "checkout.override_needs_reason": "A price change needs a reason: {item}",
    "checkout.override_not_in_cart": "The price change names {item}, which is not in the cart",
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
    "checkout.method.cash": "Cash",
    "checkout.method.card": "Bank card",
    "checkout.method.wechat": "WeChat Pay",
    "checkout.method.alipay": "Alipay",
}

# refunds
_REFUNDS: dict[str, str] = {
    "refunds.no_such_line": "Sale {sale_no} has no line {line}",
    "refunds.line_refunded": "Line {line} is already refunded",
    "refunds.all_refunded": "Sale {sale_no} is fully refunded",
    "refunds.course_used": (
        "{item} has been used {used} times and cannot be refunded the way it was "
        "paid; a manager must handle it by hand"
    ),
}

# points and adjustments
_POINTS: dict[str, str] = {
    "points.adjust_reason_required": "A points adjustment needs a reason",
    "points.adjust_zero": "The adjustment cannot be 0 points",
    "points.adjust_over_limit": "Adjustments over {limit} points need a manager",
    "points.must_be_positive": "The points must be more than 0",
    "points.not_enough_adjust": (
        "Not enough points: the deduction needs {needed}, {usable} are usable, {short} short"
    ),
    "points.not_enough_redeem": (
        "Not enough points: {reward} needs {needed}, {usable} are usable, {short} short"
    ),
}

# vouchers and rewards
_VOUCHERS: dict[str, str] = {
    "vouchers.reason_ok": "valid",
    "vouchers.reason_forged": "the signature does not match: the code is forged or altered",
    "vouchers.reason_unknown": "no such voucher",
    "vouchers.reason_used": "already used",
    "vouchers.reason_cancelled": "cancelled",
    "vouchers.reason_expired": "expired",
    "vouchers.reason_other_member": "the voucher belongs to another member",
    "vouchers.unusable": "The voucher cannot be used: {reason} ({voucher})",
    "vouchers.out_of_stock": "{reward} is out of stock",
    "vouchers.not_found": "No such voucher: {voucher}",
    "vouchers.cancel_used": "The voucher is already used and cannot be cancelled",
    "vouchers.cancel_cancelled": "The voucher is already cancelled",
}

# courses and events
_COURSES: dict[str, str] = {
    "courses.none_left": "{member} has no {item} course sessions left",
    "courses.event_name_required": "The activity needs a name",
    "courses.event_points_positive": "The activity's points must be more than 0",
    "courses.event_not_found": "No such activity: {event_id}",
    "courses.event_attended": "{member} already received the points of “{event}”",
}

# settings
_SETTINGS: dict[str, str] = {
    "settings.clinic_name_required": "The clinic needs a name.",
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
    "settings.dated_rule": (
        "Setting {key} is a loyalty rule: change it from a chosen time (Loyalty rules)"
    ),
}

# loyalty rules in force from a time
_RULES: dict[str, str] = {
    "rules.unknown_key": "{key} is not a loyalty rule (the rules are: {keys})",
    "rules.from_in_past": (
        "{start} has passed (it is {now}): a loyalty rule can start now or later; "
        "points already earned never change"
    ),
}

# staff and PIN
_STAFF: dict[str, str] = {
    "staff.pin_format": "A PIN is 6 or more digits, or a passphrase of 8 or more characters",
    "staff.pin_wrong_current": "The current manager PIN is wrong",
    "staff.pin_not_set": "No manager PIN is set yet; set one in Settings",
    "staff.pin_wrong": "Wrong manager PIN",
    "staff.not_allowed": "{action} needs {role} rights",
    "staff.locked": (
        "{name}'s account is locked after too many wrong PINs; try again in {minutes} minutes"
    ),
    "staff.disabled": "{name}'s account is disabled",
    "staff.unknown": "No staff account is named {name}",
    "staff.exists": "A staff account named {name} exists already",
    "staff.bad_name": "A staff name is required, at most {max_len} characters",
    "staff.bad_role": "{role} is no staff role (roles: {roles})",
    "staff.last_owner": "The last owner account cannot be disabled",
    "staff.pin_env_missing": "No PIN in the environment variable {var}",
    "staff.approver_without_as": "--approver goes with --as",
    "staff.pin_wrong_for": "Wrong PIN for {name}: {left} more tries before the account locks",
    "staff.role.cashier": "cashier",
    "staff.role.therapist": "therapist",
    "staff.role.manager": "manager",
    "staff.role.owner": "owner",
    "staff.action.refund": "A refund",
    "staff.action.cancel_voucher": "Cancelling a voucher",
    "staff.action.adjust_over_limit": "Adjusting points past the limit",
    "staff.action.reopen_day": "Reopening a closed day",
    "staff.action.restore": "Restoring a backup",
    "staff.action.run_job": "Running a job by hand",
    "staff.action.change_settings": "Changing settings",
    "staff.action.change_catalog_rules": "Changing the catalog, rewards, rules or promotions",
    "staff.action.member_care": "rescue points, send targeted coupons and messages",
    "staff.action.manage_staff": "Managing staff accounts",
    "staff.action.view_audit": "Viewing the audit trail and the supervision report",
    "staff.action.review_scheme": "Writing the points-scheme review",
    "staff.action.override_price": "Changing a price at the till",
    "staff.action.backdate": "Entering a sale or service at an earlier time",
    "staff.action.see_health_notes": "Seeing health needs and consultation notes",
    "staff.action.export_member_data": "Exporting a member's personal data",
    "staff.action.erase_member": "Erasing a member's personal data",
    "staff.action.export_data": "Exporting data (members, sales, reports, catalog)",
}

# day close
_DAYCLOSE: dict[str, str] = {
    "dayclose.counted_required": (
        "Count the cash in the drawer and enter it before closing the day"
    ),
    "dayclose.negative_cash": "The counted cash cannot be negative",
    "dayclose.future": "Cannot close a future day: {day}",
    "dayclose.already_closed": (
        "{day} was closed at {closed_at} by {actor} and cannot be closed twice; to "
        "close it again, a manager must reopen it first"
    ),
    "dayclose.not_closed": "{day} is not closed; there is nothing to reopen",
    "dayclose.day_closed": (
        "{day} is closed: no more sales, refunds or points can be booked on it. If this "
        "entry must be added, a manager can reopen the day, then close it again"
    ),
}

# jobs, reminders, maintenance
_JOBS: dict[str, str] = {
    "jobs.unknown": "Unknown job: {name} (available: {available})",
    "jobs.bad_closing_time": "Wrong closing time format: {value} (expected HH:MM)",
    "jobs.unknown_outbox_status": "Unknown status: {status} (available: {available})",
    "maintenance.sqlite_only": (
        "Only a SQLite or PostgreSQL database can be backed up and restored this way"
    ),
}

# printing and receipts
_PRINTING: dict[str, str] = {
    "printing.settings_invalid": (
        "The printer settings are incomplete or wrong ({error}); check them in Settings"
    ),
    "printing.bad_kind": "Invalid printer setting: {kind}",
    "printing.unknown_job_kind": "Unknown print kind: {kind}",
    "printing.job_not_found": "No such print job: {job_id}",
    "printing.refund_not_found": "No such refund: {refund_no}",
    "printing.usb_vendor_id_format": "The USB vendor id should look like 0x0416.",
    "printing.usb_product_id_format": "The USB product id should look like 0x0416.",
    "printing.host_required": "Enter the printer's network address.",
    "printing.serial_port_required": "Enter the serial port, e.g. COM3.",
}

# backup and restore
_BACKUP: dict[str, str] = {
    "backup.database_missing": "Database file not found: {path}",
    "backup.passphrase_empty": "The backup passphrase cannot be empty.",
    "backup.target_unavailable": (
        "Backup failed: the target folder is not available (USB drive pulled out?): {folder}"
    ),
    "backup.folder_unavailable": "Folder not available (USB drive pulled out?): {folder}",
    "backup.snapshot_dir_failed": "Cannot create the snapshot folder {folder}: {reason}",
    "backup.upgrade_folder_failed": (
        "Cannot create the folder for the copy made before upgrading {folder}: {reason} "
        "(the database was not upgraded)"
    ),
    "backup.upgrade_copy_wrong": (
        "The copy made before upgrading does not check: {file} (the database was not upgraded)"
    ),
    "backup.upgraded": (
        "The database was upgraded from version {from_version}; the verified copy made "
        "before: {file}"
    ),
    "backup.local_temp_failed": (
        "Backup failed: error writing to this computer's temporary folder: {reason}"
    ),
    "backup.target_gone": (
        "Backup failed: the target folder is not available (USB drive pulled out?): {folder}. "
        "Earlier backups are not affected."
    ),
    "backup.disk_full": (
        "Backup failed: no space left on the target disk. Earlier backups are not affected."
    ),
    "backup.file_too_big": (
        "Backup failed: the file is larger than the USB drive's file system allows "
        "(FAT32 files are at most 4 GB; use exFAT instead)."
    ),
    "backup.no_permission": "Backup failed: no permission to write to the target folder: {folder}",
    "backup.write_failed": (
        "Backup failed: error writing to the target folder (USB drive pulled out?): {reason}. "
        "Earlier backups are not affected."
    ),
    "backup.read_back_mismatch": (
        "Backup failed: the checksum (sha256) read back after writing differs; "
        "the USB drive or disk may be damaged."
    ),
    "backup.counts_differ": (
        "Backup failed: the snapshot's row counts differ from the database's; please try again."
    ),
    "backup.integrity_failed": "integrity_check: {problems}",
    "backup.not_sqlite": "not a readable SQLite database ({detail})",
    "backup.source_corrupt": "Backup failed: the database file is damaged ({detail})",
    "backup.source_unreadable": (
        "Backup failed: the database file is damaged and cannot be read ({detail})"
    ),
    "backup.snapshot_failed": "Backup failed: cannot take a snapshot of the database ({detail})",
    "backup.file_missing": "Backup file not found: {file}",
    "backup.manifest_missing": (
        "Backup manifest {manifest} not found, so the backup cannot be verified. "
        "Keep the backup file and its .json manifest of the same name in the same folder."
    ),
    "backup.manifest_unreadable": (
        "The backup manifest {manifest} cannot be read or is not a spa_pos manifest."
    ),
    "backup.size_mismatch": (
        "Verification failed: the backup file is {size} bytes but the manifest records "
        "{expected} bytes; the file may be truncated or damaged (checksum mismatch)."
    ),
    "backup.checksum_mismatch": (
        "Verification failed: the backup file's sha256 checksum does not match the manifest; "
        "the file is damaged."
    ),
    "backup.read_failed_drive": "Reading the backup file failed (USB drive pulled out?): {reason}",
    "backup.read_failed": "Reading the backup file failed: {reason}",
    "backup.encrypted_flag_mismatch": (
        "The backup file does not match its manifest (encryption flag differs); "
        "the file may be damaged."
    ),
    "backup.passphrase_needed": "This backup is encrypted; please enter the backup passphrase.",
    "backup.damaged": "The backup file is damaged: {detail}",
    "backup.schema_differs": (
        "The backup's contents do not match its manifest (different schema_version)."
    ),
    "backup.rows_differ": (
        "The backup's contents do not match its manifest (row count of table {table} differs)."
    ),
    "backup.header_truncated": (
        "The encrypted backup file is incomplete (header cut short); the file is damaged."
    ),
    "backup.not_encrypted_backup": "Not a spa_pos encrypted backup file.",
    "backup.format_unsupported": (
        "This program does not support format version {version} of this encrypted backup; "
        "please upgrade first."
    ),
    "backup.wrong_passphrase": "Wrong passphrase; the backup cannot be decrypted.",
    "backup.tag_mismatch": (
        "The backup file is damaged or truncated (decryption check failed, GCM tag mismatch)."
    ),
    "backup.not_spa_pos": "Not a spa_pos backup (no alembic_version table); cannot restore.",
    "backup.schema_unknown": (
        "This program does not know the backup's database version (schema {version}); it may "
        "have been made by a newer spa_pos. Please upgrade before restoring."
    ),
    "backup.safety_dir_failed": "Restore failed: cannot create the safety copy folder: {reason}",
    "backup.safety_copy_failed": (
        "Restore failed: cannot save a safety copy of the current database: {reason}"
    ),
    "backup.swap_failed": (
        "Restore failed: cannot replace the database file ({reason}). "
        "The current database was not replaced."
    ),
    "backup.current_unopenable": (
        "Restore failed: cannot open the current database ({detail}). "
        "The current database was not replaced."
    ),
    "backup.database_busy": (
        "Restore failed: the database is in use (database is busy); close the other spa_pos "
        "windows and try again. The current database was not replaced."
    ),
    "backup.database_in_use": (
        "Restore refused: the database is open in another program ({holders}). Close it and "
        "try again. The current database was not replaced."
    ),
    "backup.database_in_use_unknown": (
        "Restore refused: the database is open in another program. Close the other spa_pos "
        "windows and commands and try again. The current database was not replaced."
    ),
    "backup.restore_running": (
        "A backup is being restored into the database; please try again shortly. Nothing was saved."
    ),
    "backup.schema_tampered": (
        "Restore refused: the backup's database structure is not the one version {version} "
        "has ({differences}); the backup may have been tampered with. The current database "
        "was not replaced."
    ),
    "backup.other_clinic": (
        "Restore refused: this backup belongs to another clinic, “{clinic}” (the current "
        "database is “{current}”). To restore it anyway, confirm by typing the backup's clinic "
        "name “{clinic}”. The current database was not replaced."
    ),
    "backup.passphrase_too_short": (
        "The backup passphrase is too short: at least {min_len} characters."
    ),
    "backup.passphrases_differ": "The two backup passphrases differ.",
    "backup.no_folder": "No backup folder is set (choose a folder on the USB drive in Settings)",
    "backup.folder_not_plugged": (
        "The backup folder is not available (USB drive not plugged in?): {folder}"
    ),
    "backup.keyring_missing": (
        "This machine has no keys for this clinic: QR codes of vouchers issued before cannot "
        "be verified (type their code instead), and earlier audit entries can only be checked "
        "for their links. Restore an encrypted backup to bring the keys back."
    ),
    "backup.keyring_unreadable": (
        "The keyring in the backup cannot be decrypted (wrong passphrase or damaged manifest)."
    ),
    "backup.pg_tools_missing": (
        "PostgreSQL's backup tools pg_dump / pg_restore were not found: install "
        "postgresql-client on this computer (no older than the server)."
    ),
    "backup.pg_dump_too_old": (
        "This computer's pg_dump is older than the PostgreSQL server and cannot back it up: "
        "{detail}. Install a postgresql-client of the server's version or newer."
    ),
    "backup.dump_failed": "Backup failed: pg_dump reported an error ({detail})",
    "backup.server_restore_failed": "Restore failed, the current database is unchanged: {detail}",
    "backup.pgdump_on_till": (
        "This is a backup of a database on a PostgreSQL server; it can only be restored onto a "
        "server."
    ),
    "backup.sqlite_backup_on_server": (
        "This is a backup of a single till's SQLite database and cannot be restored onto a "
        "server; restore it on a till first, then move it with migrate-to."
    ),
}

# audit trail
_AUDIT: dict[str, str] = {
    "audit.ok": "The audit chain is intact: {entries} entries",
    "audit.chain_broken": "The audit chain was altered at entry {first_bad}",
    "audit.anchor_missing": (
        "The audit chain is shorter than the last anchor ({anchor}): entries were deleted"
    ),
    "audit.anchor_mismatch": (
        "The audit chain does not match the last anchor ({anchor}): entries were rewritten"
    ),
    "audit.rows_changed": (
        "{count} business rows changed after their last audit entry, e.g. {table} {key}"
    ),
    "audit.no_keyring": (
        "This machine has no audit key for this clinic: cannot verify (restore an encrypted backup)"
    ),
    "audit.keys_missing": (
        "This till does not have the clinic's keys yet: on a till already in use, choose "
        "Manage → Export keys, then import the file here"
    ),
    "audit.keys_wrong_passphrase": (
        "The keys file cannot be decrypted: wrong passphrase (or the file is damaged)"
    ),
    "audit.keys_damaged": "This is not a readable keys file (damaged, or not exported by spa-pos)",
    "audit.keys_file_missing": "No keys file at {file}",
    "audit.keys_other_clinic": "This keys file belongs to another clinic's database, not this one",
    "audit.keys_differ": (
        "This till already has a different set of keys for this clinic; they were not "
        "overwritten: find out which set is in use first"
    ),
    "audit.action.keys.export": "Keys exported",
    "audit.action.keys.import": "Keys imported",
    "audit.unverifiable": (
        "The first {count} entries were keyed with a key this machine lacks: "
        "only their links are checked"
    ),
    "audit.legacy": (
        "The first {count} entries predate the keyed chain (an earlier release): they are "
        "checked with the public formula, and the keyed chain continues from them"
    ),
    "audit.bad_kind": "There is no kind of entry called “{kind}”",
    "audit.bad_period": "The start {first} is after the end {last}",
    "audit.line": "line {no}",
    "audit.and": ", ",
    "audit.yes": "yes",
    "audit.no": "no",
    "audit.changed": "changed",
    "audit.flag.repeat_adjustments": (
        "{staff} adjusted the points of member {ref} {count} times in the period"
    ),
    "audit.flag.refund_by_seller": (
        "Sale {ref}, sold by {staff}, was refunded or approved for refund by the same person"
    ),
    "audit.kind.sales": "Sales and refunds",
    "audit.kind.points": "Points",
    "audit.kind.vouchers": "Vouchers",
    "audit.kind.courses": "Courses",
    "audit.kind.members": "Members",
    "audit.kind.day": "Day close",
    "audit.kind.settings": "Settings and rules",
    "audit.kind.catalog": "Catalog, rewards, promotions",
    "audit.kind.staff": "Staff",
    "audit.kind.care": "Member care",
    "audit.kind.system": "System",
    "audit.action.sale.create": "Sale",
    "audit.action.sale.refund": "Refund",
    "audit.action.feedback.record": "Feedback",
    "audit.action.points.adjust": "Points adjustment",
    "audit.action.event.add": "Event added",
    "audit.action.event.attend": "Event attendance",
    "audit.action.care.rescue": "Points rescue",
    "audit.action.voucher.redeem": "Redemption",
    "audit.action.voucher.cancel": "Voucher cancelled",
    "audit.action.voucher.targeted": "Targeted vouchers",
    "audit.action.course.use": "Course session used",
    "audit.action.member.register": "Member registered",
    "audit.action.member.edit": "Member edited",
    "audit.action.member.note": "Member note",
    "audit.action.day.close": "Day closed",
    "audit.action.day.reopen": "Day reopened",
    "audit.action.settings.update": "Settings changed",
    "audit.action.rules.change": "Points rule changed",
    "audit.action.clinic.set_up": "Clinic set up",
    "audit.action.settings.manager_pin": "PIN changed",
    "audit.action.backup.passphrase": "Backup passphrase",
    "audit.action.catalog.add": "Item added",
    "audit.action.catalog.edit": "Item edited",
    "audit.action.catalog.commission": "Item commission",
    "audit.action.catalog.demo": "Demo catalog loaded",
    "audit.action.promo.add": "Promotion added",
    "audit.action.promo.end": "Promotion ended",
    "audit.action.reward.add": "Reward added",
    "audit.action.reward.edit": "Reward edited",
    "audit.action.reward.restock": "Reward restocked",
    "audit.action.staff.add": "Staff added",
    "audit.action.staff.disable": "Staff disabled",
    "audit.action.staff.pin_failed": "Wrong PIN",
    "audit.action.staff.pin_ok": "PIN checked",
    "audit.action.staff.commission": "Staff commission",
    "audit.action.care.contact": "Contact recorded",
    "audit.action.care.template": "Message template",
    "audit.action.outbox.campaign": "Campaign queued",
    "audit.action.outbox.status": "Message status",
    "audit.action.db.restore": "Backup restored",
    "audit.action.db.upgrade": "Database upgraded",
    "audit.action.rows.write": "Background write",
    "audit.action.scheme_review.write": "Monthly scheme review",
    "audit.action.import.members": "Members imported",
    "audit.action.import.catalog": "Catalog imported",
    "audit.field.member": "member",
    "audit.field.points": "points",
    "audit.field.reward": "reward",
    "audit.field.refund_no": "refund no.",
    "audit.field.lines": "lines",
    "audit.field.refunded_fen": "refunded",
    "audit.field.points_reversed": "points reversed",
    "audit.field.vouchers_returned": "vouchers returned",
    "audit.field.due_fen": "due",
    "audit.field.paid_fen": "paid",
    "audit.field.change_fen": "change",
    "audit.field.payments": "payments",
    "audit.field.vouchers": "vouchers",
    "audit.field.reason": "reason",
    "audit.field.role": "role",
    "audit.field.name": "name",
    "audit.field.kind": "kind",
    "audit.field.language": "language",
    "audit.field.delta": "change",
    "audit.field.balance": "balance",
    "audit.field.score": "score",
    "audit.field.item": "item",
    "audit.field.left": "left",
    "audit.field.count": "count",
    "audit.field.sales": "sales",
    "audit.field.revenue_fen": "revenue",
    "audit.field.refunds_fen": "refunds",
    "audit.field.expected_cash_fen": "expected cash",
    "audit.field.counted_cash_fen": "counted cash",
    "audit.field.difference_fen": "difference",
    "audit.field.reclose": "closed again",
    "audit.field.closed_at": "closed at",
    "audit.field.closed_by": "closed by",
    "audit.field.points_returned": "points returned",
    "audit.field.stock": "stock",
    "audit.field.phone": "phone",
    "audit.field.referrer": "referrer",
    "audit.field.file": "file",
    "audit.field.imported": "imported",
    "audit.field.locked": "locked",
    "audit.field.rehashed": "PIN re-hashed",
    "audit.field.effective_from": "effective from",
    "audit.field.month": "month",
    "audit.field.result": "result",
    "audit.field.status": "status",
    "audit.field.how": "how",
    "audit.field.rate": "rate",
    "audit.field.code": "code",
    "audit.field.price_fen": "price",
    "audit.field.starts_at": "starts",
    "audit.field.ends_at": "ends",
    "audit.field.multiplier": "points multiplier",
    "audit.field.bonus": "bonus points",
    "audit.field.items": "items",
    "audit.field.category": "category",
    "audit.field.tag": "member tag",
    "audit.field.printer": "receipt printer",
    "audit.printer.pdf": "PDF folder {folder}",
    "audit.printer.escpos_network": "Network thermal printer {host}:{port}",
    "audit.printer.escpos_usb": "USB thermal printer {vendor_id}:{product_id}",
    "audit.printer.escpos_serial": "Serial thermal printer {device} ({baudrate})",
    "audit.printer.system": "System printer {printer_name}",
    "audit.printer.kick_drawer": ", opens the cash drawer on cash",
}

# command line
_CLI: dict[str, str] = {
    "cli.bad_date": "Wrong date format: {text} (expected YYYY-MM-DD)",
    "cli.bad_quantity": "Wrong quantity: {text} (for example ZJTN:2)",
    "cli.bad_payment": "Wrong payment format: {text} (for example cash:400 or wechat:128.5)",
    "cli.bad_override": "Wrong price change format: {text} (for example AJ:120:regular customer)",
    "cli.bad_width": "The paper width can only be 80 or 58",
    "cli.bad_delta": "A points adjustment is a whole number, for example +50 or -30: {text}",
    "cli.not_initialized": "The database is not set up yet; run spa-pos init first ({url})",
    "cli.passphrase_missing": "The environment variable {name} holds no backup passphrase",
    "cli.keys_passphrase_missing": "No terminal to type the passphrase at: "
    "give the keys file's passphrase in the environment variable {name}",
    "cli.internal_error": "Internal error ({kind}): {error}",
    "cli.bad_integer": "Expected a whole number from {low} to {high}: {text}",
    "cli.db_folder_missing": "The database's folder does not exist: {folder} (nothing created)",
    "cli.db_unreadable": "{path} is not a readable spa_pos database ({detail})",
    "cli.output_folder_missing": "The folder to save into does not exist: {folder}",
    "cli.bad_text": "The input has characters that cannot be read (wrong encoding): {text}",
    "cli.not_a_file": "{path} is not a file name (e.g. receipt.pdf)",
}

# bounds on amounts, points and times (spa_pos.limits)
_LIMITS: dict[str, str] = {
    "limits.payment_too_large": "One payment cannot be more than ¥{max}",
    "limits.payments_too_large": "The payments of one sale cannot add up to more than ¥{max}",
    "limits.sale_too_large": "One sale cannot be more than ¥{max}; split it into several",
    "limits.price_too_large": "A price or coupon value cannot be more than ¥{max}",
    "limits.cash_too_large": "Counted cash cannot be more than ¥{max}",
    "limits.points_too_large": "{points} points is out of range (at most {max})",
    "limits.future_time": "{at} is in the future; a time in the future cannot be entered",
    "limits.too_early": "{at} is too early (the earliest is {earliest})",
    "limits.refund_before_sale": "A refund cannot be dated before its sale ({origin})",
    "limits.voucher_before_issue": "A voucher cannot be used before it was issued ({origin})",
    "limits.course_before_purchase": (
        "A course session cannot be used before it was bought ({origin})"
    ),
}

# promotions
_PROMOS: dict[str, str] = {
    "promos.name_required": "Enter the promotion's name",
    "promos.name_too_long": "A promotion's name has at most {max} characters",
    "promos.time_required": "Enter a time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
    "promos.ends_before_start": "The end must be after the start",
    "promos.ends_in_past": "The end has passed already: the promotion would never apply",
    "promos.multiplier_or_bonus": "Enter either a points multiplier or bonus points",
    "promos.bad_multiplier": "The multiplier is above 1 and at most {max} (two decimals): {text}",
    "promos.bad_bonus": "Bonus points are a whole number from 1 to {max}: {text}",
    "promos.unknown_item": "No such item: {item}",
    "promos.items_and_category": (
        "Limit the promotion to items or to a category, not both (neither: everything)"
    ),
    "promos.unknown_category": "No item has this category: {category}",
    "promos.unknown_tag": "Unknown tag: {tag} (known: {tags})",
    "promos.not_found": "No such promotion: {promo_id}",
    "promos.already_over": "Promotion {promo_id} ({name}) is over already",
}

# import and export
_IMPORT: dict[str, str] = {
    "imports.unknown_format": "Only .csv or .xlsx files can be imported: {file}",
    "imports.unreadable": "Cannot read {file}: {reason}",
    "imports.no_rows": "The file has no data rows: {file}",
    "imports.missing_column": "A required column is missing: {field}",
    "imports.duplicate_column": "Columns {first} and {second} both map to {field}",
    "imports.unknown_field": "No such field: {field}",
    "imports.already_imported": (
        "This file was imported at {at} ({rows} rows); it cannot be imported twice"
    ),
    "imports.has_errors": "{count} rows have problems; nothing was imported",
    "imports.required": "{column} is required",
    "imports.bad_date": "{column} is not a date: {text}",
    "imports.bad_integer": "{column} should be a whole number: {text}",
    "imports.negative": "{column} cannot be negative: {text}",
    "imports.bad_gender": "{column} should be F or M: {text}",
    "imports.duplicate_in_file": "{column} {value} repeats line {line}",
    "imports.card_taken": "Card {card} belongs to another member",
    "imports.bad_card": "Card {card} should be 4 to 16 letters or digits",
    "imports.card_reserved": (
        "Card {card} has the format of the cards this till issues (8 digits starting "
        "with 8); leave it empty and the till issues one"
    ),
    "imports.joined_future": "Joined date {day} is after today",
    "imports.expiry_past": "Points expiry {day} has passed",
    "imports.course_needs_both": "A course and its sessions left go together",
    "imports.course_unknown": "{item} is not a known course",
    "imports.course_too_many": "{column} is at most {most} sessions",
    "imports.course_expiry_past": "Course expiry {day} has passed",
    "imports.bad_price": "Not a price: {text}",
    "imports.bad_kind": "Kind {text} should be service, course or product",
    "imports.export_format": "Export to a .csv or .xlsx file: {file}",
    "imports.export_sales_to": "Export sales needs --to DATE and --to FILE (.csv or .xlsx)",
    "imports.export_failed": "Cannot write {file}: {reason}",
}

_DRAFTS: dict[str, str] = {
    "drafts.item_retired": "{item} ×{qty} is no longer sold and was left out of the cart",
    "drafts.price_changed": "The price of {item} changed from {old} to {new}",
    "drafts.voucher_dropped": "Voucher {voucher} can no longer be used ({reason}) and was left out",
    "drafts.member_gone": "Member {card} was not found; the cart is back as a walk-in's",
}

_EVENTS: dict[str, str] = {
    "events.points_out_of_range": "Event points must be from {low} to {high}, not {points}",
    "events.bad_kind": "There is no event type {kind}",
}

_PROFILE: dict[str, str] = {
    "profile.feedback_score": "Satisfaction is 1 to 5, not {score}",
    "profile.feedback_given": "Sale {sale_no} already has feedback",
    "profile.feedback_no_member": "Sale {sale_no} was not a member's; feedback cannot be kept",
    "profile.sale_not_found": "There is no sale {sale_no}",
    "profile.note_empty": "A consultation note cannot be empty",
    "profile.note_too_long": "A consultation note has at most {max_chars} characters",
    "profile.comment_too_long": "A comment has at most {max_chars} characters",
}

_CARE: dict[str, str] = {
    "care.template_empty": "The template cannot be empty",
    "care.template_too_long": "A template is at most {max_len} characters long",
    "care.template_brace": "The template has an unpaired brace; fields you can use: {allowed}",
    "care.template_unknown_field": "The template's field {field} is unknown; fields you can "
    "use: {allowed}",
    "care.unknown_kind": "There is no message kind “{kind}”; choose from: {available}",
    "care.message_not_found": "Message {id} was not found",
    "care.unknown_result": "There is no contact result “{result}”; choose from: {available}",
    "care.note_too_long": "A note is at most {max_len} characters long",
    "care.unknown_rescue": "There is no rescue “{how}”; choose from: extend, bonus",
    "care.rescue_not_reminder": "Only an expiry reminder can be rescued",
    "care.rescued_already": "{member}'s points were rescued once already",
    "care.rescue_too_few": "Only {points} points are expiring; a rescue needs {needed}",
    # The names of a message's kind, status and contact result, as an export writes them.
    "care.kind.expiry_reminder": "Points expiring",
    "care.kind.dormant": "Win-back: dormant",
    "care.kind.churn_risk": "Win-back: churn risk",
    "care.kind.birthday": "Birthday",
    "care.kind.points_goal": "Reward in reach",
    "care.kind.course_idle": "Course unused",
    "care.kind.campaign": "Campaign",
    "care.status.queued": "To contact",
    "care.status.printed": "Printed",
    "care.status.exported": "Exported",
    "care.status.sent": "Sent",
    "care.status.failed": "No answer",
    "care.status.skipped": "Skipped",
    "care.result.sent": "Sent",
    "care.result.no_answer": "No answer",
    "care.result.came_back": "Came back",
    "care.result.failed": "Failed",
    "care.result.skipped": "Skipped",
}

# member list
_MEMBER_LIST: dict[str, str] = {
    "member_list.unknown_tag": "No tag {tag} (available: {available})",
    "member_list.unknown_tier": "No tier {tier} (available: {available})",
    "member_list.bad_month": "The birthday month must be 1 to 12: {month}",
    "member_list.empty_range": "A range cannot start after it ends",
    "member_list.unknown_sort": "Cannot sort by {sort} (available: {available})",
    "member_list.reason_required": "Enter why the coupon is given",
    "member_list.reward_inactive": "{reward} is no longer offered and cannot be given",
    "member_list.nobody": "No member is in the filter",
    "member_list.not_enough_stock": (
        "{reward} has only {stock} in stock, not enough for {count} members"
    ),
    "member_list.message_empty": "Enter the message",
    "member_list.message_too_long": "A message has at most {limit} characters",
    "member_list.nobody_consents": (
        "None of the {count} members in the filter agreed to receive marketing messages"
    ),
}

_KPI = {
    "kpi.bad_period": "Bad period: the start {start} is after the end {end}",
    "kpi.period_too_long": "A period is at most {days} days long",
    "kpi.bad_month": "A month is written YYYY-MM: {text}",
    "kpi.win_back_no_contacts": "No contact results recorded yet, so no win-back rate",
    "kpi.conclusions_too_long": "Conclusions are at most {max} characters",
    "kpi.change_points": "{points} pts",
}

# therapists (技师): who served, the therapist report
_THERAPISTS: dict[str, str] = {
    "therapists.unknown": "No staff member {name}",
    "therapists.inactive": "{name}'s account is disabled and cannot be named as the therapist",
    "therapists.cannot_serve": (
        "{name} is a {role} and cannot be named as the therapist (a therapist, manager or "
        "owner can)"
    ),
    "therapists.product": "{item} is a product: only services and courses name a therapist",
    "therapists.not_in_sale": "{item} is not in this sale, so it cannot name a therapist",
    "therapists.bad_rate": (
        "The commission rate {rate} is not between 0 and {max} basis points (1000 = 10%)"
    ),
    "therapists.bad_period": "The first day {first} is after the last day {last}",
}

# tills: this terminal's name
_TILLS: dict[str, str] = {
    "till.bad_name": (
        "A till's name cannot be blank or hold control characters; at most {max} characters"
    ),
}

# privacy: a member's data exported and erased on request
_PRIVACY: dict[str, str] = {
    "privacy.reason_required": "Give the reason for the erasure (the member's request)",
    "privacy.erased": "Member {card}'s personal data has been erased; it cannot be edited",
}

# moving a clinic from its SQLite file to a PostgreSQL server (`spa-pos migrate-to`)
_MOVE: dict[str, str] = {
    "move.not_postgresql": (
        "The target must be a PostgreSQL database (postgresql+psycopg://…): {target}"
    ),
    "move.source_not_sqlite": "Only a clinic's SQLite file can be moved; this database is {source}",
    "move.source_not_current": (
        "The clinic's database is at schema {revision}, not the newest: run spa-pos init first"
    ),
    "move.source_audit": (
        "The clinic's audit chain does not verify ({problems}): check it with spa-pos audit "
        "verify before moving"
    ),
    "move.target_not_empty": (
        "The target database is not empty ({tables} tables): give an empty database; {target}"
    ),
    "move.rows_differ": (
        "Nothing was moved: table {table} has {source} rows here but {target} on the server"
    ),
    "move.total_differs": (
        "Nothing was moved: {table}.{column} adds up to {source} here but {target} on the server"
    ),
    "move.balances_differ": (
        "Nothing was moved: {count} members' points differ on the server (first: member {first})"
    ),
    "move.ledger_differs": (
        "Nothing was moved: on the server {members} members' balances and {lots} lots do not "
        "equal the ledger"
    ),
    "move.audit_differs": (
        "Nothing was moved: the audit chain does not verify on the server ({problems})"
    ),
}

# this terminal's database server
_SERVER: dict[str, str] = {
    "server.place_file": "File on this computer: {path}",
    "server.place_server": "Server {host}:{port}, database {database}, user {user}",
    "server.place_no_user": "Server {host}:{port}, database {database}",
    "server.bad_url": (
        "That is not a server address: give the PostgreSQL server's host, port (1–65535), "
        "database name and user"
    ),
    "server.cannot_connect": "Cannot reach the database server {target}: {reason}",
    "server.not_ours": (
        "The database {target} on the server has {tables} tables but is not a spa-pos "
        "database: give an empty database"
    ),
    "server.newer_schema": (
        "The database {target} on the server was written by a newer spa-pos (schema "
        "{revision}): upgrade this till first"
    ),
}

MESSAGES: dict[str, str] = (
    _GENERAL
    | _MEMBERS
    | _PRIVACY
    | _CATALOG
    | _REWARDS
    | _CHECKOUT
    | _REFUNDS
    | _POINTS
    | _VOUCHERS
    | _COURSES
    | _SETTINGS
    | _RULES
    | _STAFF
    | _DAYCLOSE
    | _JOBS
    | _PRINTING
    | _BACKUP
    | _AUDIT
    | _CLI
    | _PROMOS
    | _IMPORT
    | _LIMITS
    | _DRAFTS
    | _EVENTS
    | _PROFILE
    | _CARE
    | _MEMBER_LIST
    | _KPI
    | _THERAPISTS
    | _TILLS
    | _MOVE
    | _SERVER
)
