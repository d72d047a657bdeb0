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
_BACKUP: dict[str, str] = {
    "backup.database_missing": "找不到数据库文件：{path}",
    "backup.passphrase_empty": "备份口令不能为空。",
    "backup.target_unavailable": "备份失败：目标文件夹不可用（U盘被拔出？）：{folder}",
    "backup.folder_unavailable": "文件夹不可用（U盘被拔出？）：{folder}",
    "backup.snapshot_dir_failed": "无法创建快照文件夹 {folder}：{reason}",
    "backup.local_temp_failed": "备份失败：本机临时文件夹写入出错：{reason}",
    "backup.target_gone": (
        "备份失败：目标文件夹不可用（U盘被拔出？）：{folder}。之前的备份未受影响。"
    ),
    "backup.disk_full": "备份失败：目标磁盘空间不足 (no space left)。之前的备份未受影响。",
    "backup.file_too_big": (
        "备份失败：文件超过U盘文件系统的大小上限（FAT32 单个文件最大 4GB，请改用 exFAT）。"
    ),
    "backup.no_permission": "备份失败：没有写入目标文件夹的权限：{folder}",
    "backup.write_failed": (
        "备份失败：写入目标文件夹出错（U盘被拔出？）：{reason}。之前的备份未受影响。"
    ),
    "backup.read_back_mismatch": (
        "备份失败：写入后读回的校验和 (sha256) 不一致，U盘或磁盘可能已损坏。"
    ),
    "backup.counts_differ": "备份失败：快照的行数与数据库不一致，请重试。",
    "backup.integrity_failed": "integrity_check: {problems}",
    "backup.not_sqlite": "不是可读的 SQLite 数据库（{detail}）",
    "backup.source_corrupt": "备份失败：数据库文件已损坏（{detail}）",
    "backup.source_unreadable": "备份失败：数据库文件已损坏，无法读取（{detail}）",
    "backup.snapshot_failed": "备份失败：无法生成数据库快照（{detail}）",
    "backup.file_missing": "找不到备份文件：{file}",
    "backup.manifest_missing": (
        "找不到备份清单 (manifest) {manifest}，无法校验该备份。"
        "请把备份文件和同名的 .json 清单放在同一文件夹。"
    ),
    "backup.manifest_unreadable": "备份清单 (manifest) {manifest} 无法读取或不是 spa_pos 的清单。",
    "backup.size_mismatch": (
        "校验失败：备份文件大小 {size} 字节与清单记录的 {expected} 字节不符，"
        "文件可能被截断或损坏 (checksum mismatch)。"
    ),
    "backup.checksum_mismatch": (
        "校验失败：备份文件的校验和 (sha256 checksum) 与清单不符，文件已损坏。"
    ),
    "backup.read_failed_drive": "读取备份文件失败（U盘被拔出？）：{reason}",
    "backup.read_failed": "读取备份文件失败：{reason}",
    "backup.encrypted_flag_mismatch": "备份文件与清单不符（加密标记不一致），文件可能已损坏。",
    "backup.passphrase_needed": "此备份已加密，请输入备份口令 (passphrase)。",
    "backup.damaged": "备份文件已损坏：{detail}",
    "backup.schema_differs": "备份内容与清单不符（数据库版本 schema_version 不同）。",
    "backup.rows_differ": "备份内容与清单不符（表 {table} 的行数不同）。",
    "backup.header_truncated": "加密备份文件不完整（文件头被截断），文件已损坏。",
    "backup.not_encrypted_backup": "不是 spa_pos 的加密备份文件。",
    "backup.format_unsupported": "该加密备份的格式版本 {version} 本软件不支持，请先升级软件。",
    "backup.wrong_passphrase": "口令错误 (wrong passphrase)，无法解密该备份。",
    "backup.tag_mismatch": "备份文件已损坏或被截断（解密校验失败，GCM tag 不符）。",
    "backup.not_spa_pos": "不是 spa_pos 备份（没有 alembic_version 表），不能恢复。",
    "backup.schema_unknown": (
        "该备份的数据库版本 (schema {version}) 本软件不认识，可能由更新版本的 spa_pos "
        "创建。请先升级软件再恢复。"
    ),
    "backup.safety_dir_failed": "恢复失败：无法创建安全副本文件夹：{reason}",
    "backup.safety_copy_failed": "恢复失败：无法保存当前数据库的安全副本：{reason}",
    "backup.swap_failed": "恢复失败：无法替换数据库文件（{reason}）。当前数据库未被替换。",
    "backup.current_unopenable": "恢复失败：无法打开当前数据库（{detail}）。当前数据库未被替换。",
    "backup.database_busy": (
        "恢复失败：数据库正在被使用 (database is busy)，请先关闭其他 spa_pos 窗口再试。"
        "当前数据库未被替换。"
    ),
}

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
