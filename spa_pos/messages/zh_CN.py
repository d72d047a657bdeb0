"""Messages in zh_CN (see `spa_pos.messages`): one dict per area, merged below."""

# general: input formats, database
_GENERAL: dict[str, str] = {
    "general.already_set_up": "首次设置已经完成，请在设置中修改",
    "general.bad_time": "时间格式不对: {text} (应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM)",
    "general.bad_amount": "金额格式不对: {text!r} (例如 398 或 12.50)",
    "general.database_busy": "数据库正忙（后台任务或备份正在写入），本次操作没有保存，请稍后再试。",
    "general.server_unreachable": (
        "连接不上数据库服务器，本次操作没有保存，也不能收款。请检查网络和服务器，恢复后会自动重新连接。"
    ),
    "general.schema_newer": "数据库版本 {version} 比本程序（{head}）新，请安装新版本后再打开",
    "general.sale_not_found": "没有这笔销售: {sale_no}",
}

# members
_MEMBERS: dict[str, str] = {
    "members.not_found": "找不到会员 {ref}（请用手机号或卡号）",
    "members.name_required": "请填写姓名",
    "members.name_control": "姓名不能包含换行、控制字符或文字方向符号",
    "members.name_too_long": "姓名最多 {max} 个字",
    "members.bad_phone": "手机号应为 11 位大陆手机号（1 开头）",
    "members.phone_taken": "手机号 {phone} 已被其他会员使用",
    "members.bad_birthday": "生日不在合理范围内",
    "members.bad_gender": "性别应为 F 或 M",
    "members.self_referrer": "推荐人不能是本人",
    "members.referral_loop": "{ref} 是本会员直接或间接推荐的，不能作为推荐人",
    "members.referrer_not_found": "找不到推荐人 {ref}",
    "members.referrer_fixed": "推荐人登记后不能更改",
    "members.before_joined": "{member} 的入会时间是 {joined}，不能记入入会之前的业务",
}

# catalog
_CATALOG: dict[str, str] = {
    "catalog.item_not_found": "没有这个项目: {item}",
    "catalog.reward_not_found": "没有这个兑换项: {reward}",
    "catalog.unknown_item_kind": "未知项目类型: {kind}",
    "catalog.negative_price": "价格和积分不能为负",
    "catalog.course_needs_sessions": "疗程需要次数和对应的服务项目",
    "catalog.unknown_reward_kind": "未知兑换类型: {kind}",
    "catalog.coupon_needs_value": "优惠券需要面额",
    "catalog.reward_needs_item": "兑换服务或礼品需要对应的项目",
    "catalog.code_letters_digits": "编码只能用字母和数字",
    "catalog.code_taken": "编码 {taken} 已被使用",
    "catalog.code_fixed": "编码不能修改",
    "catalog.name_required": "请填写名称",
    "catalog.category_required": "请填写类别（如 肩颈、艾灸、产品）",
    "catalog.text_too_long": "最多 {limit} 个字",
    "catalog.text_control": "不能含有控制字符",
    "catalog.value_required": "请填写",
    "catalog.out_of_range": "应在 {low} 到 {high} 之间",
    "catalog.price_range": "价格应在 ¥0.00 到 {highest} 之间",
    "catalog.kind_fixed": "已有项目不能改变类型，请新建一个项目",
    "catalog.course_only": "只有疗程才有次数、对应项目和有效天数",
    "catalog.course_needs_active_service": "疗程需要一个在售的服务项目: {item}",
    "catalog.retire_used_by_course": "疗程「{course}」仍在售，不能停售它的服务项目",
    "catalog.retire_used_by_reward": "兑换项「{reward}」仍在兑换，不能停售它的项目",
    "catalog.item_invalid": "项目不能保存: {problems}",
    "catalog.course_expired": "{member} 的 {item} 疗程已于 {last_day} 到期，不能再使用",
    "catalog.field_code": "编码",
    "catalog.field_name": "名称",
    "catalog.field_category": "类别",
    "catalog.field_kind": "类型",
    "catalog.field_price_fen": "价格",
    "catalog.field_points": "积分",
    "catalog.field_sessions": "次数",
    "catalog.field_course_service_code": "对应项目",
    "catalog.field_valid_days": "有效天数",
    "catalog.field_sort_order": "排序",
    "catalog.field_active": "状态",
    "catalog.field_points_cost": "所需积分",
    "catalog.field_item_code": "兑换项目",
    "catalog.field_coupon_fen": "优惠券面额",
    "catalog.field_stock": "库存",
    "catalog.field_reason": "原因",
}

# the reward catalog (积分商城)
_REWARDS: dict[str, str] = {
    "rewards.cost_range": "所需积分应在 1 到 {high} 之间",
    "rewards.item_or_coupon": "请选择兑换的项目或优惠券面额（二选一）",
    "rewards.item_not_offered": "{item} 不是在售的服务或产品",
    "rewards.coupon_range": "优惠券面额应大于 ¥0.00 且不超过 ¥100,000.00",
    "rewards.invalid": "兑换项不能保存: {problems}",
    "rewards.reason_required": "请填写原因",
    "rewards.unlimited": "{reward} 不限库存，无需补货",
    "rewards.restock_range": "库存变动不能为 0，变动后应在 0 到 {high} 之间（现有 {stock}）",
    "rewards.kind_add": "新建",
    "rewards.kind_restock": "补货/盘点",
    "rewards.kind_edit": "修改库存",
    "rewards.kind_redeem": "兑换",
    "rewards.kind_cancel": "作废退回",
}

# checkout and pricing
_CHECKOUT: dict[str, str] = {
    "checkout.bad_quantity": "数量应在 1 到 {max} 之间: {item}:{qty}",
    "checkout.override_above_list": "{item} 的改价应在 ¥0.00 到原价 {list} 之间，不能是 {price}",
    "checkout.override_needs_reason": "改价需要填写原因: {item}",
    "checkout.override_not_in_cart": "改价的项目 {item} 不在购物车中",
    "checkout.empty": "这一单没有项目",
    "checkout.voucher_twice": "同一张兑换券不能在一单里用两次",
    "checkout.voucher_not_members": "兑换券 {voucher} 不属于会员 {member}",
    "checkout.course_needs_member": "购买疗程需要会员，请先选择或登记会员",
    "checkout.unknown_method": "未知付款方式: {method}（可用: {methods}）",
    "checkout.payment_not_positive": "付款金额必须大于 0",
    "checkout.payment_short": "付款不足：应收 {due} 元，已付 {paid} 元，还差 {short} 元",
    "checkout.change_not_cash": "非现金付款不能超过应收金额（只有现金可以找零）",
    # The payment methods' names (checkout.METHOD_NAMES reads the Chinese ones from here).
    "checkout.method.cash": "现金",
    "checkout.method.card": "银行卡",
    "checkout.method.wechat": "微信支付",
    "checkout.method.alipay": "支付宝",
}

# refunds
_REFUNDS: dict[str, str] = {
    "refunds.no_such_line": "销售 {sale_no} 没有第 {line} 行",
    "refunds.line_refunded": "第 {line} 行已经退过款",
    "refunds.all_refunded": "销售 {sale_no} 已全部退款",
    "refunds.course_used": "{item} 已使用 {used} 次，不能原路退款，请店长手工处理",
}

# points and adjustments
_POINTS: dict[str, str] = {
    "points.adjust_reason_required": "调整积分必须填写原因",
    "points.adjust_zero": "调整的积分不能为 0",
    "points.adjust_over_limit": "超过 {limit} 分的调整需要店长权限",
    "points.must_be_positive": "积分数必须大于 0",
    "points.not_enough_adjust": "积分不足：扣减需要 {needed} 分，可用 {usable} 分，还差 {short} 分",
    "points.not_enough_redeem": (
        "积分不足：兑换{reward}需要 {needed} 分，可用 {usable} 分，还差 {short} 分"
    ),
}

# vouchers and rewards
_VOUCHERS: dict[str, str] = {
    "vouchers.reason_ok": "有效",
    "vouchers.reason_forged": "签名不符，券码被伪造或改动",
    "vouchers.reason_unknown": "没有这张兑换券",
    "vouchers.reason_used": "已使用",
    "vouchers.reason_cancelled": "已作废",
    "vouchers.reason_expired": "已过期",
    "vouchers.reason_other_member": "不是该会员的兑换券",
    "vouchers.unusable": "兑换券不能使用: {reason} ({voucher})",
    "vouchers.out_of_stock": "{reward} 已兑完，暂无库存",
    "vouchers.not_found": "没有这张兑换券: {voucher}",
    "vouchers.cancel_used": "兑换券已使用，不能作废",
    "vouchers.cancel_cancelled": "兑换券已作废，不能作废",
}

# courses and events
_COURSES: dict[str, str] = {
    "courses.none_left": "{member} 没有可用的 {item} 疗程次数",
    "courses.event_name_required": "活动名称不能为空",
    "courses.event_points_positive": "活动积分必须大于 0",
    "courses.event_not_found": "没有这个活动: {event_id}",
    "courses.event_attended": "{member} 已经领过「{event}」的活动积分",
}

# settings
_SETTINGS: dict[str, str] = {
    "settings.clinic_name_required": "请填写店名。",
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
    "settings.dated_rule": "设置项 {key} 是积分规则，须按生效时间修改（积分规则）",
}

# loyalty rules in force from a time
_RULES: dict[str, str] = {
    "rules.unknown_key": "{key} 不是积分规则（积分规则有: {keys}）",
    "rules.from_in_past": (
        "生效时间 {start} 已经过去（现在 {now}）：积分规则只能从现在或以后生效，已得的积分不变"
    ),
}

# staff and PIN
_STAFF: dict[str, str] = {
    "staff.pin_format": "密码应为至少 6 位数字，或至少 8 个字符的口令",
    "staff.pin_wrong_current": "当前店长密码不对",
    "staff.pin_not_set": "还没有设置店长密码，请在设置中设置",
    "staff.pin_wrong": "店长密码不对",
    "staff.not_allowed": "{action}需要{role}权限",
    "staff.locked": "{name} 的账号因连续输错密码已锁定，请 {minutes} 分钟后再试",
    "staff.disabled": "{name} 的账号已停用",
    "staff.unknown": "没有名为 {name} 的员工账号",
    "staff.exists": "已有名为 {name} 的员工账号",
    "staff.bad_name": "员工姓名不能为空，最多 {max_len} 个字",
    "staff.bad_role": "{role} 不是员工角色（可选: {roles}）",
    "staff.last_owner": "不能停用最后一个老板账号",
    "staff.pin_env_missing": "环境变量 {var} 中没有密码",
    "staff.approver_without_as": "--approver 需要和 --as 一起使用",
    "staff.pin_wrong_for": "{name} 的密码不对，还可以再试 {left} 次",
    "staff.role.cashier": "收银员",
    "staff.role.therapist": "技师",
    "staff.role.manager": "店长",
    "staff.role.owner": "老板",
    "staff.action.refund": "退款",
    "staff.action.cancel_voucher": "作废兑换券",
    "staff.action.adjust_over_limit": "超过限额调整积分",
    "staff.action.reopen_day": "撤销日结",
    "staff.action.restore": "恢复备份",
    "staff.action.run_job": "手动运行后台任务",
    "staff.action.change_settings": "修改设置",
    "staff.action.change_catalog_rules": "修改项目、兑换目录、积分规则和限时活动",
    "staff.action.member_care": "积分挽留、定向发券和群发消息",
    "staff.action.manage_staff": "管理员工账号",
    "staff.action.view_audit": "查看审计记录和监督报表",
    "staff.action.review_scheme": "积分制度评估",
    "staff.action.override_price": "改价",
    "staff.action.backdate": "补录较早时间的业务",
    "staff.action.see_health_notes": "查看健康需求和问诊记录",
    "staff.action.export_member_data": "导出会员个人数据",
    "staff.action.erase_member": "注销会员个人数据",
    "staff.action.export_data": "导出数据（会员、销售、报表、项目）",
}

# day close
_DAYCLOSE: dict[str, str] = {
    "dayclose.counted_required": "请先清点钱箱，填写实点现金后再日结",
    "dayclose.negative_cash": "清点的现金不能为负数",
    "dayclose.future": "不能日结未来的日期: {day}",
    "dayclose.already_closed": (
        "{day} 已于 {closed_at} 由 {actor} 日结，不能重复日结；如需重新日结，请店长先撤销日结"
    ),
    "dayclose.not_closed": "{day} 还没有日结，无需撤销",
    "dayclose.day_closed": (
        "{day} 已日结，不能再记入销售、退款或积分；如确需补录，请店长先撤销该日的日结，"
        "补录后重新日结"
    ),
}

# jobs, reminders, maintenance
_JOBS: dict[str, str] = {
    "jobs.unknown": "未知任务: {name}（可用: {available}）",
    "jobs.bad_closing_time": "打烊时间格式不对: {value}（应为 HH:MM）",
    "jobs.unknown_outbox_status": "未知状态: {status}（可用: {available}）",
    "maintenance.sqlite_only": "只有 SQLite 或 PostgreSQL 数据库可以这样备份和恢复",
}

# printing and receipts
_PRINTING: dict[str, str] = {
    "printing.settings_invalid": "打印机设置不完整或有误（{error}），请在设置中检查",
    "printing.bad_kind": "打印机设置无效: {kind}",
    "printing.unknown_job_kind": "未知打印类型: {kind}",
    "printing.job_not_found": "没有这个打印任务: {job_id}",
    "printing.refund_not_found": "没有这张退款单: {refund_no}",
    "printing.usb_vendor_id_format": "USB 厂商 ID的格式应为 0x0416。",
    "printing.usb_product_id_format": "USB 产品 ID的格式应为 0x0416。",
    "printing.host_required": "请输入打印机的 IP 地址。",
    "printing.serial_port_required": "请输入串口，例如 COM3。",
}

# backup and restore
_BACKUP: dict[str, str] = {
    "backup.database_missing": "找不到数据库文件：{path}",
    "backup.passphrase_empty": "备份口令不能为空。",
    "backup.target_unavailable": "备份失败：目标文件夹不可用（U盘被拔出？）：{folder}",
    "backup.folder_unavailable": "文件夹不可用（U盘被拔出？）：{folder}",
    "backup.snapshot_dir_failed": "无法创建快照文件夹 {folder}：{reason}",
    "backup.upgrade_folder_failed": "无法创建升级前备份的文件夹 {folder}：{reason}（数据库未升级）",
    "backup.upgrade_copy_wrong": "升级前备份校验不符：{file}（数据库未升级）",
    "backup.upgraded": "数据库已从版本 {from_version} 升级；升级前的备份已校验：{file}",
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
    "backup.database_in_use": (
        "恢复被拒绝：数据库正被其他程序打开（{holders}）。请先关闭它们再恢复。当前数据库未被替换。"
    ),
    "backup.database_in_use_unknown": (
        "恢复被拒绝：数据库正被另一个程序打开。请先关闭其他 spa_pos 窗口和命令再恢复。"
        "当前数据库未被替换。"
    ),
    "backup.restore_running": "数据库正在恢复备份，请稍后再试。本次操作没有保存。",
    "backup.schema_tampered": (
        "恢复被拒绝：备份的数据库结构与版本 {version} 应有的结构不符（{differences}），"
        "该备份可能被篡改。当前数据库未被替换。"
    ),
    "backup.other_clinic": (
        "恢复被拒绝：此备份属于另一家店「{clinic}」（当前数据库是「{current}」）。"
        "如确要恢复，请输入备份的店名「{clinic}」确认。当前数据库未被替换。"
    ),
    "backup.passphrase_too_short": "备份口令太短：至少 {min_len} 个字符。",
    "backup.passphrases_differ": "两次输入的备份口令不一致。",
    "backup.no_folder": "未设置备份文件夹（请在设置中选择U盘上的文件夹）",
    "backup.folder_not_plugged": "备份文件夹不可用（U盘未插入？）：{folder}",
    "backup.keyring_missing": (
        "本机没有这家店的密钥：恢复前发出的兑换券二维码无法验证（可输入券号核销），"
        "之前的审计记录只能校验链接。请用加密备份恢复以带回密钥。"
    ),
    "backup.keyring_unreadable": "备份中的密钥环无法解密（口令不对或清单已损坏）。",
    "backup.pg_tools_missing": (
        "找不到 PostgreSQL 的备份工具 pg_dump / pg_restore：请在本机安装 postgresql-client"
        "（版本不低于服务器的）。"
    ),
    "backup.pg_dump_too_old": (
        "本机的 pg_dump 比服务器的 PostgreSQL 旧，不能备份：{detail}。"
        "请安装与服务器相同或更新版本的 postgresql-client。"
    ),
    "backup.dump_failed": "备份失败：pg_dump 出错（{detail}）",
    "backup.server_restore_failed": "恢复失败，当前数据库未改动：{detail}",
    "backup.pgdump_on_till": "这是服务器（PostgreSQL）数据库的备份，只能恢复到服务器上。",
    "backup.sqlite_backup_on_server": (
        "这是单机 SQLite 数据库的备份，不能恢复到服务器上；请先在单机恢复，再用 migrate-to 迁移。"
    ),
}

# audit trail
_AUDIT: dict[str, str] = {
    "audit.ok": "审计链完整，共 {entries} 条",
    "audit.chain_broken": "审计链在第 {first_bad} 条被改动",
    "audit.anchor_missing": "审计链比上次记下的锚点（{anchor}）短：有记录被删除",
    "audit.anchor_mismatch": "审计链与上次记下的锚点（{anchor}）不符：记录被改写",
    "audit.rows_changed": "{count} 行业务数据在最后一次记录后被改动，例如 {table} {key}",
    "audit.no_keyring": "本机没有这家店的审计密钥，无法校验（请从加密备份恢复）",
    "audit.keys_missing": (
        "本收银台还没有本店的密钥：请在已在使用的收银台 管理 → 导出密钥，再在这里导入"
    ),
    "audit.keys_wrong_passphrase": "密钥文件无法解密：口令不对（或文件已损坏）",
    "audit.keys_damaged": "这不是可读的密钥文件（文件已损坏，或不是本程序导出的）",
    "audit.keys_file_missing": "找不到密钥文件：{file}",
    "audit.keys_other_clinic": "这个密钥文件属于另一家店的数据库，不是本数据库的",
    "audit.keys_differ": "本收银台已有本店的另一套密钥，未覆盖：请先查明哪一套是在用的",
    "audit.action.keys.export": "导出密钥",
    "audit.action.keys.import": "导入密钥",
    "audit.unverifiable": "其中前 {count} 条用本机没有的密钥签名，只能校验链接",
    "audit.legacy": "其中前 {count} 条写于旧版本（密钥审计之前），按公开算法校验，密钥链接续其后",
    "audit.bad_kind": "没有“{kind}”这类记录",
    "audit.bad_period": "开始日期 {first} 晚于结束日期 {last}",
    "audit.line": "第{no}行",
    "audit.and": "、",
    "audit.yes": "是",
    "audit.no": "否",
    "audit.changed": "已修改",
    "audit.flag.repeat_adjustments": "{staff} 在本期给会员 {ref} 调整积分 {count} 次",
    "audit.flag.refund_by_seller": "{staff} 卖出的单 {ref} 由本人退款或批准退款",
    "audit.kind.sales": "销售与退款",
    "audit.kind.points": "积分",
    "audit.kind.vouchers": "兑换券",
    "audit.kind.courses": "疗程",
    "audit.kind.members": "会员资料",
    "audit.kind.day": "日结",
    "audit.kind.settings": "设置与规则",
    "audit.kind.catalog": "项目、奖品与活动",
    "audit.kind.staff": "员工",
    "audit.kind.care": "会员关怀",
    "audit.kind.system": "系统",
    "audit.action.sale.create": "销售",
    "audit.action.sale.refund": "退款",
    "audit.action.feedback.record": "满意度回访",
    "audit.action.points.adjust": "积分调整",
    "audit.action.event.add": "新建活动",
    "audit.action.event.attend": "活动签到",
    "audit.action.care.rescue": "积分挽留",
    "audit.action.voucher.redeem": "积分兑换",
    "audit.action.voucher.cancel": "作废兑换券",
    "audit.action.voucher.targeted": "定向发券",
    "audit.action.course.use": "疗程消费",
    "audit.action.member.register": "会员登记",
    "audit.action.member.edit": "修改会员资料",
    "audit.action.member.note": "会员备注",
    "audit.action.day.close": "日结",
    "audit.action.day.reopen": "撤销日结",
    "audit.action.settings.update": "修改设置",
    "audit.action.rules.change": "修改积分规则",
    "audit.action.clinic.set_up": "开店设置",
    "audit.action.settings.manager_pin": "修改密码",
    "audit.action.backup.passphrase": "备份密码",
    "audit.action.catalog.add": "新增项目",
    "audit.action.catalog.edit": "修改项目",
    "audit.action.catalog.commission": "项目提成",
    "audit.action.catalog.demo": "载入示例目录",
    "audit.action.promo.add": "新增限时活动",
    "audit.action.promo.end": "结束限时活动",
    "audit.action.reward.add": "新增奖品",
    "audit.action.reward.edit": "修改奖品",
    "audit.action.reward.restock": "奖品补货",
    "audit.action.staff.add": "新增员工",
    "audit.action.staff.disable": "停用员工",
    "audit.action.staff.pin_failed": "密码错误",
    "audit.action.staff.pin_ok": "密码验证",
    "audit.action.staff.commission": "员工提成",
    "audit.action.care.contact": "回访记录",
    "audit.action.care.template": "消息模板",
    "audit.action.outbox.campaign": "群发消息",
    "audit.action.outbox.status": "消息状态",
    "audit.action.db.restore": "恢复备份",
    "audit.action.db.upgrade": "升级数据库",
    "audit.action.rows.write": "后台写入",
    "audit.action.scheme_review.write": "月度积分复盘",
    "audit.action.import.members": "导入会员",
    "audit.action.import.catalog": "导入项目",
    "audit.field.member": "会员",
    "audit.field.points": "积分",
    "audit.field.reward": "奖品",
    "audit.field.refund_no": "退款单号",
    "audit.field.lines": "行号",
    "audit.field.refunded_fen": "退款金额",
    "audit.field.points_reversed": "扣回积分",
    "audit.field.vouchers_returned": "退回兑换券",
    "audit.field.due_fen": "应收",
    "audit.field.paid_fen": "实收",
    "audit.field.change_fen": "找零",
    "audit.field.payments": "付款",
    "audit.field.vouchers": "兑换券",
    "audit.field.reason": "原因",
    "audit.field.role": "角色",
    "audit.field.name": "名称",
    "audit.field.kind": "类型",
    "audit.field.language": "语言",
    "audit.field.delta": "变动",
    "audit.field.balance": "余额",
    "audit.field.score": "评分",
    "audit.field.item": "项目",
    "audit.field.left": "剩余",
    "audit.field.count": "数量",
    "audit.field.sales": "单数",
    "audit.field.revenue_fen": "营业额",
    "audit.field.refunds_fen": "退款额",
    "audit.field.expected_cash_fen": "应有现金",
    "audit.field.counted_cash_fen": "清点现金",
    "audit.field.difference_fen": "差额",
    "audit.field.reclose": "重新日结",
    "audit.field.closed_at": "日结时间",
    "audit.field.closed_by": "日结人",
    "audit.field.points_returned": "退回积分",
    "audit.field.stock": "库存",
    "audit.field.phone": "电话",
    "audit.field.referrer": "推荐人",
    "audit.field.file": "文件",
    "audit.field.imported": "导入",
    "audit.field.locked": "已锁定",
    "audit.field.rehashed": "密码加密已升级",
    "audit.field.effective_from": "生效时间",
    "audit.field.month": "月份",
    "audit.field.result": "结果",
    "audit.field.status": "状态",
    "audit.field.how": "方式",
    "audit.field.rate": "比例",
    "audit.field.code": "编码",
    "audit.field.price_fen": "价格",
    "audit.field.starts_at": "开始",
    "audit.field.ends_at": "结束",
    "audit.field.multiplier": "积分倍数",
    "audit.field.bonus": "加送积分",
    "audit.field.items": "项目",
    "audit.field.category": "类别",
    "audit.field.tag": "会员标签",
    "audit.field.printer": "小票打印机",
    "audit.printer.pdf": "PDF 文件夹 {folder}",
    "audit.printer.escpos_network": "网络热敏打印机 {host}:{port}",
    "audit.printer.escpos_usb": "USB 热敏打印机 {vendor_id}:{product_id}",
    "audit.printer.escpos_serial": "串口热敏打印机 {device}（{baudrate}）",
    "audit.printer.system": "系统打印机 {printer_name}",
    "audit.printer.kick_drawer": "，现金付款时打开钱箱",
}

# command line
_CLI: dict[str, str] = {
    "cli.bad_date": "日期格式不对: {text}（应为 YYYY-MM-DD）",
    "cli.bad_quantity": "数量不对: {text}（例如 ZJTN:2）",
    "cli.bad_payment": "付款格式不对: {text}（例如 cash:400 或 wechat:128.5）",
    "cli.bad_override": "改价格式不对: {text}（例如 AJ:120:老顾客优惠）",
    "cli.bad_width": "纸宽只能是 80 或 58",
    "cli.bad_delta": "积分调整应为整数，例如 +50 或 -30: {text}",
    "cli.not_initialized": "数据库还没有初始化，请先运行 spa-pos init（{url}）",
    "cli.passphrase_missing": "环境变量 {name} 没有设置备份口令",
    "cli.keys_passphrase_missing": "没有终端可以输入口令：请在环境变量 {name} 中给出密钥文件的口令",
    "cli.internal_error": "内部错误 ({kind}): {error}",
    "cli.bad_integer": "应为 {low} 到 {high} 之间的整数: {text}",
    "cli.db_folder_missing": "数据库所在的文件夹不存在: {folder}（没有创建任何文件）",
    "cli.db_unreadable": "{path} 不是可读的 spa_pos 数据库（{detail}）",
    "cli.output_folder_missing": "保存文件的文件夹不存在: {folder}",
    "cli.bad_text": "输入中有无法识别的字符（编码不对）: {text}",
    "cli.not_a_file": "{path} 不是文件名（例如 receipt.pdf）",
}

# bounds on amounts, points and times (spa_pos.limits)
_LIMITS: dict[str, str] = {
    "limits.payment_too_large": "单笔付款不能超过 ¥{max}",
    "limits.payments_too_large": "一笔销售的付款合计不能超过 ¥{max}",
    "limits.sale_too_large": "一笔销售的金额不能超过 ¥{max}，请分开结账",
    "limits.price_too_large": "价格或券面值不能超过 ¥{max}",
    "limits.cash_too_large": "清点的现金不能超过 ¥{max}",
    "limits.points_too_large": "积分数 {points} 超出范围（最多 {max}）",
    "limits.future_time": "时间 {at} 在将来，不能登记将来的时间",
    "limits.too_early": "时间 {at} 太早（最早 {earliest}）",
    "limits.refund_before_sale": "退款时间不能早于销售时间（{origin}）",
    "limits.voucher_before_issue": "使用兑换券的时间不能早于发券时间（{origin}）",
    "limits.course_before_purchase": "使用疗程的时间不能早于购买时间（{origin}）",
}

# promotions (限时活动)
_PROMOS: dict[str, str] = {
    "promos.name_required": "请填写活动名称",
    "promos.name_too_long": "活动名称最多 {max} 个字",
    "promos.time_required": "请填写时间（YYYY-MM-DD 或 YYYY-MM-DDTHH:MM）",
    "promos.ends_before_start": "结束时间应晚于开始时间",
    "promos.ends_in_past": "结束时间已经过去，活动不会生效",
    "promos.multiplier_or_bonus": "请填写积分倍数或奖励积分（二选一）",
    "promos.bad_multiplier": "积分倍数应大于 1、不超过 {max}（最多两位小数）: {text}",
    "promos.bad_bonus": "奖励积分应为 1 到 {max} 的整数: {text}",
    "promos.unknown_item": "没有这个项目: {item}",
    "promos.items_and_category": "活动范围请选项目或类别之一（都不选即全部项目）",
    "promos.unknown_category": "没有这个类别的项目: {category}",
    "promos.unknown_tag": "未知标签: {tag}（可选: {tags}）",
    "promos.not_found": "没有这个活动: {promo_id}",
    "promos.already_over": "活动 {promo_id}（{name}）已经结束",
}

# import and export (数据导入导出)
_IMPORT: dict[str, str] = {
    "imports.unknown_format": "只能导入 .csv 或 .xlsx 文件: {file}",
    "imports.unreadable": "无法读取文件 {file}: {reason}",
    "imports.no_rows": "文件里没有数据行: {file}",
    "imports.missing_column": "缺少必需的列: {field}",
    "imports.duplicate_column": "{first} 和 {second} 两列都对应 {field}",
    "imports.unknown_field": "没有这个字段: {field}",
    "imports.already_imported": "这个文件已在 {at} 导入过（{rows} 行），不能重复导入",
    "imports.has_errors": "{count} 行有问题，没有导入任何数据",
    "imports.required": "{column} 不能为空",
    "imports.bad_date": "{column} 日期格式不对: {text}",
    "imports.bad_integer": "{column} 应为整数: {text}",
    "imports.negative": "{column} 不能为负数: {text}",
    "imports.bad_gender": "{column} 应为 男 或 女: {text}",
    "imports.duplicate_in_file": "{column} {value} 与第 {line} 行重复",
    "imports.card_taken": "卡号 {card} 已被其他会员使用",
    "imports.bad_card": "卡号 {card} 应为 4 到 16 位字母或数字",
    "imports.card_reserved": "卡号 {card} 是本系统发卡的格式（8 开头共 8 位），请留空由系统发卡",
    "imports.joined_future": "入会日期 {day} 晚于今天",
    "imports.expiry_past": "积分到期日 {day} 已过",
    "imports.course_needs_both": "疗程和剩余次数需一起填写",
    "imports.course_unknown": "疗程 {item} 不是已知的疗程项目",
    "imports.course_too_many": "{column} 最多 {most} 次",
    "imports.course_expiry_past": "疗程到期日 {day} 已过",
    "imports.bad_price": "价格格式不对: {text}",
    "imports.bad_kind": "类型 {text} 应为 服务、疗程 或 产品",
    "imports.export_format": "只能导出为 .csv 或 .xlsx 文件: {file}",
    "imports.export_sales_to": "导出销售需要 --to 日期 和 --to 文件（.csv 或 .xlsx）",
    "imports.export_failed": "无法写入 {file}: {reason}",
}

_DRAFTS: dict[str, str] = {
    "drafts.item_retired": "{item} ×{qty} 已下架，未恢复到购物车",
    "drafts.price_changed": "{item} 的价格已从 {old} 变为 {new}",
    "drafts.voucher_dropped": "兑换券 {voucher} 已不能使用（{reason}），未恢复到购物车",
    "drafts.member_gone": "找不到会员 {card}，购物车按散客恢复",
}

_EVENTS: dict[str, str] = {
    "events.points_out_of_range": "活动积分应在 {low} 到 {high} 分之间，而不是 {points}",
    "events.bad_kind": "没有这种活动类型: {kind}",
}

_PROFILE: dict[str, str] = {
    "profile.feedback_score": "满意度应为 1 到 5 分，而不是 {score}",
    "profile.feedback_given": "单据 {sale_no} 已经评价过了",
    "profile.feedback_no_member": "单据 {sale_no} 不是会员消费，无法记录回访",
    "profile.sale_not_found": "没有这张单据: {sale_no}",
    "profile.note_empty": "问诊记录不能为空",
    "profile.note_too_long": "问诊记录最多 {max_chars} 个字",
    "profile.comment_too_long": "评价最多 {max_chars} 个字",
}

_CARE: dict[str, str] = {
    "care.template_empty": "模板不能为空",
    "care.template_too_long": "模板最多 {max_len} 个字",
    "care.template_brace": "模板里有不成对的花括号；可用的字段：{allowed}",
    "care.template_unknown_field": "模板里的字段 {field} 不认识；可用的字段：{allowed}",
    "care.unknown_kind": "没有“{kind}”这种消息，可选：{available}",
    "care.message_not_found": "找不到消息 {id}",
    "care.unknown_result": "没有“{result}”这种回访结果，可选：{available}",
    "care.note_too_long": "备注最多 {max_len} 个字",
    "care.unknown_rescue": "没有“{how}”这种挽留方式，可选：extend, bonus",
    "care.rescue_not_reminder": "只有到期提醒可以做积分挽留",
    "care.rescued_already": "{member} 的这些积分已经挽留过一次",
    "care.rescue_too_few": "即将到期的积分只有 {points}，满 {needed} 才能挽留",
    # The names of a message's kind, status and contact result, as an export writes them.
    "care.kind.expiry_reminder": "积分到期提醒",
    "care.kind.dormant": "唤醒：沉睡",
    "care.kind.churn_risk": "唤醒：潜在流失",
    "care.kind.birthday": "生日双倍积分",
    "care.kind.points_goal": "再积分可兑换",
    "care.kind.course_idle": "疗程未使用",
    "care.kind.campaign": "群发活动",
    "care.status.queued": "待联系",
    "care.status.printed": "已打印",
    "care.status.exported": "已导出",
    "care.status.sent": "已发送",
    "care.status.failed": "未接通",
    "care.status.skipped": "已跳过",
    "care.result.sent": "已发送",
    "care.result.no_answer": "未接通",
    "care.result.came_back": "已回店",
    "care.result.failed": "未送达",
    "care.result.skipped": "已跳过",
}

# member list (会员列表)
_MEMBER_LIST: dict[str, str] = {
    "member_list.unknown_tag": "没有标签 {tag}（可选：{available}）",
    "member_list.unknown_tier": "没有等级 {tier}（可选：{available}）",
    "member_list.bad_month": "生日月份应为 1 到 12：{month}",
    "member_list.empty_range": "范围的起点不能大于终点",
    "member_list.unknown_sort": "不能按 {sort} 排序（可选：{available}）",
    "member_list.reason_required": "请填写发券原因",
    "member_list.reward_inactive": "{reward} 已停止兑换，不能发放",
    "member_list.nobody": "筛选结果中没有会员",
    "member_list.not_enough_stock": "{reward} 库存只有 {stock}，不够发给 {count} 位会员",
    "member_list.message_empty": "请填写消息内容",
    "member_list.message_too_long": "消息最多 {limit} 个字",
    "member_list.nobody_consents": "筛选出的 {count} 位会员都没有同意接收营销消息",
}

_KPI = {
    "kpi.bad_period": "统计期间有误：开始 {start} 晚于结束 {end}",
    "kpi.period_too_long": "统计期间最长 {days} 天",
    "kpi.bad_month": "月份格式应为 YYYY-MM：{text}",
    "kpi.win_back_no_contacts": "尚无回访记录，暂无法计算唤醒率",
    "kpi.conclusions_too_long": "评估结论最长 {max} 字",
    "kpi.change_points": "{points} 个百分点",
}

# therapists (技师): who served, the therapist report
_THERAPISTS: dict[str, str] = {
    "therapists.unknown": "没有员工 {name}",
    "therapists.inactive": "{name} 的账号已停用，不能记为技师",
    "therapists.cannot_serve": "{name} 是{role}，不能记为技师（技师、店长或老板才可以）",
    "therapists.product": "{item} 是产品，不记技师（只有项目和疗程记技师）",
    "therapists.not_in_sale": "{item} 不在这笔销售里，不能为它记技师",
    "therapists.bad_rate": "提成比例 {rate} 不在 0 到 {max} 个基点之间（1000 = 10%）",
    "therapists.bad_period": "开始日期 {first} 晚于结束日期 {last}",
}

# tills (收银台): this terminal's name
_TILLS: dict[str, str] = {
    "till.bad_name": "收银台名称不能为空、不能含控制字符，最多 {max} 个字",
}

# privacy: a member's data exported and erased on request
_PRIVACY: dict[str, str] = {
    "privacy.reason_required": "请填写注销原因（如：会员本人书面申请）",
    "privacy.erased": "会员 {card} 的个人信息已注销，不能再修改",
}

# moving a clinic from its SQLite file to a PostgreSQL server (`spa-pos migrate-to`)
_MOVE: dict[str, str] = {
    "move.not_postgresql": "目标必须是 PostgreSQL 数据库（postgresql+psycopg://…）：{target}",
    "move.source_not_sqlite": "只能迁移本店的 SQLite 数据库文件，此数据库是 {source}",
    "move.source_not_current": "本店数据库结构版本为 {revision}，不是最新：请先运行 spa-pos init",
    "move.source_audit": (
        "本店审计链验证未通过（{problems}）：请先用 spa-pos audit verify 检查再迁移"
    ),
    "move.target_not_empty": "目标数据库不是空的（已有 {tables} 张表）：请提供空数据库；{target}",
    "move.rows_differ": "未迁移任何数据：{table} 表本地 {source} 行，服务器上 {target} 行",
    "move.total_differs": "未迁移任何数据：{table}.{column} 本地合计 {source}，服务器上 {target}",
    "move.balances_differ": (
        "未迁移任何数据：服务器上 {count} 位会员积分不符（第一位：会员 {first}）"
    ),
    "move.ledger_differs": (
        "未迁移任何数据：服务器上 {members} 位会员余额、{lots} 个积分批次与流水不符"
    ),
    "move.audit_differs": "未迁移任何数据：服务器上审计链验证未通过（{problems}）",
}

# this terminal's database server (服务器设置)
_SERVER: dict[str, str] = {
    "server.place_file": "本机文件 {path}",
    "server.place_server": "服务器 {host}:{port} 数据库 {database} 用户 {user}",
    "server.place_no_user": "服务器 {host}:{port} 数据库 {database}",
    "server.bad_url": (
        "服务器地址不对：请填写 PostgreSQL 服务器的主机、端口（1–65535）、数据库名和用户名"
    ),
    "server.cannot_connect": "连接不上数据库服务器 {target}：{reason}",
    "server.not_ours": (
        "服务器上的数据库 {target} 已有 {tables} 张表，但不是本系统的数据库：请换一个空数据库"
    ),
    "server.newer_schema": (
        "服务器上的数据库 {target} 是更新版本的 spa-pos 写的（结构版本 {revision}）："
        "请先升级本收银台"
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
