<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About spa-pos</source>
            <translation>关于 spa-pos</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>App version</source>
            <translation>程序版本</translation>
        </message>
        <message>
            <source>Schema version</source>
            <translation>数据结构版本</translation>
        </message>
        <message>
            <source>Database schema</source>
            <translation>数据库的结构版本</translation>
        </message>
        <message>
            <source>Database file</source>
            <translation>数据库文件</translation>
        </message>
        <message>
            <source>not created yet</source>
            <translation>尚未创建</translation>
        </message>
    </context>
    <context>
        <name>AboutButton</name>
        <message>
            <source>About…</source>
            <translation>关于…</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>Something went wrong and has been logged. You can go on working; if it happens again, call support.

{error}</source>
            <translation>出现了一个问题，已记录到日志。您可以继续工作；如果再次出现，请联系技术支持。

{error}</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Adjustments</source>
            <translation>积分调整</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>批准人</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <source>Before → after</source>
            <translation>变更前 → 变更后</translation>
        </message>
        <message>
            <source>Business day</source>
            <translation>营业日</translation>
        </message>
        <message>
            <source>Catalog item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Days reopened</source>
            <translation>撤销日结</translation>
        </message>
        <message>
            <source>Export XLSX…</source>
            <translation>导出 XLSX…</translation>
        </message>
        <message>
            <source>Export the supervision report</source>
            <translation>导出监督报表</translation>
        </message>
        <message>
            <source>Exported to {file}</source>
            <translation>已导出到 {file}</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Member card</source>
            <translation>会员卡号</translation>
        </message>
        <message>
            <source>More…</source>
            <translation>更多…</translation>
        </message>
        <message>
            <source>On</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Over the limit (approved)</source>
            <translation>超限额（批准人）</translation>
        </message>
        <message>
            <source>Points +/−</source>
            <translation>积分 +/−</translation>
        </message>
        <message>
            <source>Redemptions (points)</source>
            <translation>兑换（积分）</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>退款金额</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Reward</source>
            <translation>奖品</translation>
        </message>
        <message>
            <source>Sale</source>
            <translation>销售单</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>员工</translation>
        </message>
        <message>
            <source>Supervision report</source>
            <translation>监督报表</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>To</source>
            <translation>至</translation>
        </message>
        <message>
            <source>To look into</source>
            <translation>需要关注</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>兑换券</translation>
        </message>
        <message>
            <source>Vouchers cancelled</source>
            <translation>作废兑换券</translation>
        </message>
        <message>
            <source>What</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>{count} entries shown</source>
            <translation>已显示 {count} 条</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Back up</source>
            <translation>备份数据</translation>
        </message>
        <message>
            <source>Look again</source>
            <translation>重新查找</translation>
        </message>
        <message>
            <source>Choose folder…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <source>USB drive</source>
            <translation>U 盘</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>备份到</translation>
        </message>
        <message>
            <source>Passphrase (optional)</source>
            <translation>备份口令（可选）</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>再输一次口令</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>Back up now (Enter)</source>
            <translation>开始备份 (Enter)</translation>
        </message>
        <message>
            <source>Plug in the USB drive, choose it (or a folder on it) and start. Without a passphrase the copy is not encrypted; a forgotten passphrase cannot be recovered.</source>
            <translation>插入 U 盘，选择它（或其中的文件夹）后开始备份。不设口令则备份不加密；口令一旦忘记，备份将无法恢复。</translation>
        </message>
        <message>
            <source>No USB drive found</source>
            <translation>没有找到 U 盘</translation>
        </message>
        <message>
            <source>{name} ({path}), {free} free</source>
            <translation>{name}（{path}），可用 {free}</translation>
        </message>
        <message>
            <source>Choose the backup folder</source>
            <translation>选择备份文件夹</translation>
        </message>
        <message>
            <source>Choose the USB drive or a folder first.</source>
            <translation>请先选择 U 盘或文件夹。</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>两次输入的口令不一致。</translation>
        </message>
        <message>
            <source>Backup done: {file}
SHA-256 {sha} · {size}{locked}</source>
            <translation>备份完成：{file}
SHA-256 {sha} · {size}{locked}</translation>
        </message>
        <message>
            <source> · encrypted</source>
            <translation> · 已加密</translation>
        </message>
        <message>
            <source>The backup failed and has been logged: {error}</source>
            <translation>备份失败，已记录到日志：{error}</translation>
        </message>
    </context>
    <context>
        <name>CartModel</name>
        <message>
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>兑换券</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>{n} free</source>
            <translation>免单 {n} 份</translation>
        </message>
        <message>
            <source>Remove (Delete)</source>
            <translation>移除 (Delete)</translation>
        </message>
        <message>
            <source>Therapist</source>
            <translation>技师</translation>
        </message>
        <message>
            <source>Who does it: click, or select the line and press T</source>
            <translation>谁来做：点击选择，或选中该行按 T 切换</translation>
        </message>
        <message>
            <source>choose</source>
            <translation>选择</translation>
        </message>
        <message>
            <source>{price} (changed)</source>
            <translation>{price}（改价）</translation>
        </message>
        <message>
            <source>Change the price: click, or select the line and press P</source>
            <translation>改价：点击，或选中该行后按 P</translation>
        </message>
        <message>
            <source>List price {price}; changed because: {reason}</source>
            <translation>原价 {price}；改价原因：{reason}</translation>
        </message>
    </context>
    <context>
        <name>ChangePinDialog</name>
        <message>
            <source>Change the manager PIN</source>
            <translation>修改店长密码</translation>
        </message>
        <message>
            <source>PIN in force</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>New PIN (6+ digits or a passphrase)</source>
            <translation>新密码（至少 6 位数字，或至少 8 个字符的口令）</translation>
        </message>
        <message>
            <source>New PIN again</source>
            <translation>再输一次新密码</translation>
        </message>
        <message>
            <source>Change PIN (Enter)</source>
            <translation>修改密码 (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Enter the PIN in force.</source>
            <translation>请输入当前店长密码。</translation>
        </message>
        <message>
            <source>The two new PINs are not the same.</source>
            <translation>两次输入的新密码不一致。</translation>
        </message>
        <message>
            <source>The PIN is 4 to 8 digits.</source>
            <translation>店长密码应为 4 到 8 位数字。</translation>
        </message>
    </context>
    <context>
        <name>CheckoutPage</name>
        <message>
            <source>Code, name or pinyin — Enter adds, ZJTN*2 adds two</source>
            <translation>编码、名称或拼音 — 回车加入，ZJTN*2 加两份</translation>
        </message>
        <message>
            <source>VOUCHERS</source>
            <translation>兑换券</translation>
        </message>
        <message>
            <source>Member's vouchers</source>
            <translation>会员的兑换券</translation>
        </message>
        <message>
            <source>Remove voucher</source>
            <translation>移除兑换券</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>小计</translation>
        </message>
        <message>
            <source>Vouchers</source>
            <translation>兑换券优惠</translation>
        </message>
        <message>
            <source>AMOUNT DUE</source>
            <translation>应收</translation>
        </message>
        <message>
            <source>Use course session</source>
            <translation>使用疗程次数</translation>
        </message>
        <message>
            <source>Clear (Esc)</source>
            <translation>清空 (Esc)</translation>
        </message>
        <message>
            <source>Pay (F12)</source>
            <translation>结账 (F12)</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>No item matches “{text}”</source>
            <translation>没有与“{text}”匹配的项目</translation>
        </message>
        <message>
            <source>This sale earns {points} points</source>
            <translation>本单可得 {points} 积分</translation>
        </message>
        <message>
            <source>The cart is empty: add an item first, then F12 pays</source>
            <translation>购物车是空的：先加项目，再按 F12 结账</translation>
        </message>
        <message>
            <source>Voucher refused: {reason}</source>
            <translation>兑换券不能使用：{reason}</translation>
        </message>
        <message>
            <source>Voucher {code} is already in this sale</source>
            <translation>兑换券 {code} 已在本单中</translation>
        </message>
        <message>
            <source>Voucher {code} added: {reward}</source>
            <translation>已加入兑换券 {code}：{reward}</translation>
        </message>
        <message>
            <source>takes {amount} off</source>
            <translation>抵扣 {amount}</translation>
        </message>
        <message>
            <source>makes one {item} free</source>
            <translation>免单一份{item}</translation>
        </message>
        <message>
            <source>{course}: {left} left</source>
            <translation>{course}：剩余 {left} 次</translation>
        </message>
        <message>
            <source>Discard the cart</source>
            <translation>放弃购物车</translation>
        </message>
        <message>
            <source>Discard the current cart ({n} items)?</source>
            <translation>放弃当前购物车（{n} 件）？</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <source>Keep checking out</source>
            <translation>继续结账</translation>
        </message>
        <message>
            <source>No longer on sale, taken out of the cart: {items}</source>
            <translation>已停售，已从购物车移除：{items}</translation>
        </message>
        <message>
            <source>Reopen the day (manager)</source>
            <translation>撤销日结（店长）</translation>
        </message>
        <message>
            <source>Today ({date}) is already closed: a sale now would be in no Z report, so none can be taken. A manager can reopen the day; close it again at the end of the day.</source>
            <translation>今日（{date}）已日结：现在收款不会计入任何日结单，因此不能收银。店长可撤销日结；营业结束时请重新日结。</translation>
        </message>
        <message>
            <source>Reopen the close of {date} to take sales again?</source>
            <translation>撤销 {date} 的日结，继续收银？</translation>
        </message>
        <message>
            <source>Nobody</source>
            <translation>不指定</translation>
        </message>
        <message>
            <source>Change the price of {item} to {price}?</source>
            <translation>将 {item} 的价格改为 {price}？</translation>
        </message>
        <message>
            <source>Sell with the changed prices?</source>
            <translation>按改过的价格收款？</translation>
        </message>
    </context>
    <context>
        <name>DayCloseDialog</name>
        <message>
            <source>End-of-day close</source>
            <translation>日结</translation>
        </message>
        <message>
            <source>Print Z report</source>
            <translation>打印日结单</translation>
        </message>
        <message>
            <source>Reopen (manager)</source>
            <translation>撤销日结（店长）</translation>
        </message>
        <message>
            <source>Close window (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>Close the day (Enter)</source>
            <translation>日结 (Enter)</translation>
        </message>
        <message>
            <source>Business date</source>
            <translation>营业日</translation>
        </message>
        <message>
            <source>Expected cash in the drawer</source>
            <translation>钱箱应有现金</translation>
        </message>
        <message>
            <source>Counted cash</source>
            <translation>实点现金</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>差额</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>销售笔数</translation>
        </message>
        <message>
            <source>List price total</source>
            <translation>原价合计</translation>
        </message>
        <message>
            <source>Vouchers and coupons</source>
            <translation>兑换券和优惠券</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>营业额</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>退款笔数</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>退款金额</translation>
        </message>
        <message>
            <source>Net revenue</source>
            <translation>净营业额</translation>
        </message>
        <message>
            <source>Reward vouchers used</source>
            <translation>使用兑换券</translation>
        </message>
        <message>
            <source>Coupons used</source>
            <translation>使用优惠券</translation>
        </message>
        <message>
            <source>Points issued</source>
            <translation>发放积分</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>兑换积分</translation>
        </message>
        <message>
            <source>Points expired</source>
            <translation>过期积分</translation>
        </message>
        <message>
            <source>Points taken back by refunds</source>
            <translation>退款扣回积分</translation>
        </message>
        <message>
            <source>New members</source>
            <translation>新会员</translation>
        </message>
        <message>
            <source>SALES</source>
            <translation>销售</translation>
        </message>
        <message>
            <source>REFUNDS</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>VOUCHERS</source>
            <translation>兑换券</translation>
        </message>
        <message>
            <source>POINTS AND MEMBERS (WHOLE CLINIC)</source>
            <translation>积分和会员（全店）</translation>
        </message>
        <message>
            <source>POINTS AND MEMBERS</source>
            <translation>积分和会员</translation>
        </message>
        <message>
            <source>Closed on {time} by {who}. The report is read-only; a manager can reopen the day.</source>
            <translation>已于 {time} 由 {who} 日结。日结单只读；店长可以撤销日结。</translation>
        </message>
        <message>
            <source>Not closed yet. Count the cash in the drawer, then close the day.</source>
            <translation>尚未日结。请清点钱箱现金，然后日结。</translation>
        </message>
        <message>
            <source>{amount} (matches)</source>
            <translation>{amount}（相符）</translation>
        </message>
        <message>
            <source>+{amount} (over)</source>
            <translation>+{amount}（多）</translation>
        </message>
        <message>
            <source>{amount} (short)</source>
            <translation>{amount}（少）</translation>
        </message>
        <message>
            <source>Reopen the close of {date}? The day can then be closed again.</source>
            <translation>撤销 {date} 的日结？之后可以重新日结。</translation>
        </message>
        <message>
            <source>Z report</source>
            <translation>日结单</translation>
        </message>
        <message>
            <source>Z report (not closed)</source>
            <translation>日结单（未日结）</translation>
        </message>
        <message>
            <source>Business date {date}</source>
            <translation>营业日 {date}</translation>
        </message>
        <message>
            <source>CASH</source>
            <translation>现金</translation>
        </message>
        <message>
            <source>Closed on {time} by {who}</source>
            <translation>{time} 由 {who} 日结</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>正在打印…</translation>
        </message>
        <message>
            <source>Z report {date}</source>
            <translation>日结单 {date}</translation>
        </message>
        <message>
            <source>Printing failed: {reason}</source>
            <translation>打印失败：{reason}</translation>
        </message>
        <message>
            <source>Saved as {file}</source>
            <translation>已保存：{file}</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <translation>已发送到打印机</translation>
        </message>
        <message>
            <source>Audit anchor</source>
            <translation>审计锚点</translation>
        </message>
        <message>
            <source>Change date…</source>
            <translation>改日期…</translation>
        </message>
        <message>
            <source>{date} (not today)</source>
            <translation>{date}（不是今天）</translation>
        </message>
        <message>
            <source>cash matches</source>
            <translation>账实相符</translation>
        </message>
        <message>
            <source>over {amount}</source>
            <translation>长款 {amount}</translation>
        </message>
        <message>
            <source>short {amount}</source>
            <translation>短款 {amount}</translation>
        </message>
        <message>
            <source>Close the day</source>
            <translation>确认日结</translation>
        </message>
        <message>
            <source>Close the business day {date}?
Expected cash {expected}, counted {counted}: {difference}.</source>
            <translation>确认日结营业日 {date}？
钱箱应有现金 {expected}，实点现金 {counted}：{difference}。</translation>
        </message>
        <message>
            <source>Till {till}</source>
            <translation>收银台 {till}</translation>
        </message>
        <message>
            <source>{till} closed</source>
            <translation>{till} 已日结</translation>
        </message>
        <message>
            <source>{till} not closed</source>
            <translation>{till} 未日结</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>Whole clinic: {sales} sales, net revenue {net} ({tills}).</source>
            <translation>全店：销售 {sales} 笔，净收入 {net}（{tills}）。</translation>
        </message>
    </context>
    <context>
        <name>JobsPanel</name>
        <message>
            <source>BACKGROUND JOBS (F7)</source>
            <translation>后台任务 (F7)</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>执行时间</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>变更</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Run now (manager)</source>
            <translation>立即运行（店长）</translation>
        </message>
        <message>
            <source>Run “{job}” now?</source>
            <translation>立即运行“{job}”？</translation>
        </message>
        <message>
            <source>{job}: {changed} changed</source>
            <translation>{job}：变更 {changed} 项</translation>
        </message>
    </context>
    <context>
        <name>LookupPage</name>
        <message>
            <source>Phone, last 4 digits, card, name or pinyin</source>
            <translation>手机号、尾号4位、卡号、姓名或拼音</translation>
        </message>
        <message>
            <source>New member (F2)</source>
            <translation>登记新会员 (F2)</translation>
        </message>
        <message>
            <source>{name}   {phone}
Card {card}  ·  {points} points</source>
            <translation>{name}   {phone}
卡号 {card}  ·  {points} 积分</translation>
        </message>
        <message>
            <source>Type to search; a scanned card or voucher is recognised on its own.</source>
            <translation>输入即可查找；扫会员卡或兑换券会自动识别。</translation>
        </message>
        <message>
            <source>{n} found — ↑↓ to choose, Enter to open</source>
            <translation>找到 {n} 位 — ↑↓ 选择，回车打开</translation>
        </message>
        <message>
            <source>No member found. Register them with F2.</source>
            <translation>没有找到会员。按 F2 登记新会员。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Till {till}</source>
            <translation>收银台 {till}</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>正在打开数据库…</translation>
        </message>
        <message>
            <source>Member lookup  F1</source>
            <translation>会员查询  F1</translation>
        </message>
        <message>
            <source>Checkout  F3</source>
            <translation>收银  F3</translation>
        </message>
        <message>
            <source>Redeem points  F4</source>
            <translation>积分兑换  F4</translation>
        </message>
        <message>
            <source>Today's sales  F5</source>
            <translation>今日流水  F5</translation>
        </message>
        <message>
            <source>Manage  F7</source>
            <translation>管理  F7</translation>
        </message>
        <message>
            <source>Settings (F9)</source>
            <translation>设置 (F9)</translation>
        </message>
        <message>
            <source>Switch to walk-in</source>
            <translation>改为散客</translation>
        </message>
        <message>
            <source>Serve without a member</source>
            <translation>不选会员，按散客收银</translation>
        </message>
        <message>
            <source>{clinic} — reception</source>
            <translation>{clinic} — 前台收银</translation>
        </message>
        <message>
            <source>Reception</source>
            <translation>前台收银</translation>
        </message>
        <message>
            <source>Walk-in customer</source>
            <translation>散客（未选会员）</translation>
        </message>
        <message>
            <source>{name} · {points} points</source>
            <translation>{name} · {points} 积分</translation>
        </message>
        <message>
            <source>Use a course session</source>
            <translation>使用疗程次数</translation>
        </message>
        <message>
            <source>Use one session of {course} for {name}?</source>
            <translation>确认为 {name} 使用一次{course}？</translation>
        </message>
        <message>
            <source>{course}: one session used, {left} left</source>
            <translation>{course}：已使用一次，剩余 {left} 次</translation>
        </message>
        <message>
            <source>Course session used</source>
            <translation>已使用疗程次数</translation>
        </message>
        <message>
            <source>Printing {ref}…</source>
            <translation>正在打印 {ref}…</translation>
        </message>
        <message>
            <source>Saved as {file}</source>
            <translation>已保存：{file}</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <translation>已发送到打印机</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>已恢复</translation>
        </message>
        <message>
            <source>The backup {file} is back in place. The data before it was kept as {safety}.</source>
            <translation>已恢复备份 {file}。恢复前的数据已保存为 {safety}。</translation>
        </message>
        <message>
            <source>Something went wrong and has been logged:
{error}</source>
            <translation>出现了一个问题，已记录到日志：
{error}</translation>
        </message>
        <message>
            <source>Cannot do that</source>
            <translation>无法完成</translation>
        </message>
        <message>
            <source>Restored the unfinished cart from last time</source>
            <translation>已恢复上次未完成的购物车</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>The cart is saved as a draft and comes back next time. Quit?</source>
            <translation>购物车已保存为草稿，下次打开时恢复。退出？</translation>
        </message>
        <message>
            <source>Sign out; the cart stays for the next cashier</source>
            <translation>退出登录；购物车留给下一位收银员</translation>
        </message>
        <message>
            <source>Switch (F11)</source>
            <translation>切换 (F11)</translation>
        </message>
    </context>
    <context>
        <name>ManagePage</name>
        <message>
            <source>Server…</source>
            <translation>数据库服务器…</translation>
        </message>
        <message>
            <source>Change which database this till works on.</source>
            <translation>更改本收银台使用的数据库。</translation>
        </message>
        <message>
            <source>Audit trail…</source>
            <translation>审计记录…</translation>
        </message>
        <message>
            <source>Read the audit trail and the supervision report.</source>
            <translation>查看审计记录和监督报表。</translation>
        </message>
        <message>
            <source>Back office</source>
            <translation>后台管理</translation>
        </message>
        <message>
            <source>Close, back up, print queue and jobs</source>
            <translation>日结、备份、打印队列和后台任务</translation>
        </message>
        <message>
            <source>End-of-day close (F6)</source>
            <translation>日结 (F6)</translation>
        </message>
        <message>
            <source>Back up (F10)</source>
            <translation>备份 (F10)</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>恢复备份…</translation>
        </message>
        <message>
            <source>Loyalty rules…</source>
            <translation>积分规则…</translation>
        </message>
        <message>
            <source>Change the loyalty rules?</source>
            <translation>修改积分规则？</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/manage.py" line="90" />
            <source>Catalog…</source>
            <translation>项目与商品…</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/manage.py" line="91" />
            <source>Rewards…</source>
            <translation>积分商城…</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/manage.py" line="133" />
            <source>Change the catalog: services, products, courses and prices.</source>
            <translation>修改项目目录：服务项目、产品、疗程和价格。</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/manage.py" line="139" />
            <source>Change the rewards and their stock.</source>
            <translation>修改兑换项和库存。</translation>
        </message>
        <message>
            <source>Promotions…</source>
            <translation>限时活动…</translation>
        </message>
        <message>
            <source>Manage promotions</source>
            <translation>管理限时活动</translation>
        </message>
        <message>
            <source>Import and export…</source>
            <translation>数据导入导出…</translation>
        </message>
        <message>
            <source>Members and numbers</source>
            <translation>会员与经营</translation>
        </message>
        <message>
            <source>Scheme review…</source>
            <translation>积分制度评估…</translation>
        </message>
        <message>
            <source>Review the points scheme</source>
            <translation>积分制度评估</translation>
        </message>
        <message>
            <source>Export keys…</source>
            <translation>导出密钥…</translation>
        </message>
        <message>
            <source>Export the clinic's keys for another till.</source>
            <translation>为另一台收银台导出本店密钥。</translation>
        </message>
    </context>
    <context>
        <name>ManagerPinDialog</name>
        <message>
            <source>Manager PIN</source>
            <translation>店长密码</translation>
        </message>
        <message>
            <source>Confirm (Enter)</source>
            <translation>确认 (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>A manager enters the PIN to allow this.</source>
            <translation>此操作需要店长输入密码确认。</translation>
        </message>
        <message>
            <source>Any manager (by the PIN)</source>
            <translation>任一店长（按密码识别）</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>Edit member {name}</source>
            <translation>编辑会员 · {name}</translation>
        </message>
        <message>
            <source>New member</source>
            <translation>登记新会员</translation>
        </message>
        <message>
            <source>YYYY-MM-DD, optional</source>
            <translation>YYYY-MM-DD，可不填</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>未填</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Referrer's phone or card, optional</source>
            <translation>推荐人手机号或卡号，可不填</translation>
        </message>
        <message>
            <source>e.g. insomnia, neck pain</source>
            <translation>例如：失眠调理、颈椎不适</translation>
        </message>
        <message>
            <source>Agrees to receive offers and reminders</source>
            <translation>同意接收优惠和提醒信息</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Referrer</source>
            <translation>推荐人</translation>
        </message>
        <message>
            <source>Health needs</source>
            <translation>健康需求</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Save (Enter)</source>
            <translation>保存 (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Write the birthday as YYYY-MM-DD, e.g. 1985-06-01</source>
            <translation>生日请写成 YYYY-MM-DD，例如 1985-06-01</translation>
        </message>
        <message>
            <source>Open {name} (card {card}) instead</source>
            <translation>改为打开 {name}（卡号 {card}）</translation>
        </message>
        <message>
            <source>Authorised staff only</source>
            <translation>仅限授权人员</translation>
        </message>
    </context>
    <context>
        <name>MemberPanel</name>
        <message>
            <source>Look a member up by phone, last 4 digits, card number, name or pinyin initials — or scan their card.
New member: F2.</source>
            <translation>用手机号、尾号4位、卡号、姓名或拼音首字母查找会员，也可以直接扫会员卡。
登记新会员：F2。</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <source>Card {card}</source>
            <translation>卡号 {card}</translation>
        </message>
        <message>
            <source>Birthday {date}</source>
            <translation>生日 {date}</translation>
        </message>
        <message>
            <source>Referred by {name}</source>
            <translation>推荐人 {name}</translation>
        </message>
        <message>
            <source>Perks: {perks}</source>
            <translation>会员礼遇：{perks}</translation>
        </message>
        <message>
            <source>POINTS</source>
            <translation>积分余额</translation>
        </message>
        <message>
            <source>Owes {points} points from a refund; later earnings pay it off first.</source>
            <translation>因退款欠 {points} 分，之后的消费积分会先抵扣。</translation>
        </message>
        <message>
            <source>{points} points expire on {date}</source>
            <translation>{points} 分将于 {date} 到期</translation>
        </message>
        <message>
            <source>{points} more points for {reward}</source>
            <translation>再积 {points} 分可兑换{reward}</translation>
        </message>
        <message>
            <source>Birthday month · points ×{factor}</source>
            <translation>本月生日 · 积分 ×{factor}</translation>
        </message>
        <message>
            <source>Points earned on purchases this month are multiplied by {factor}.</source>
            <translation>本月消费所得积分 ×{factor}。</translation>
        </message>
        <message>
            <source>Redeemable now: {n} → F4</source>
            <translation>可兑换 {n} 项 → F4</translation>
        </message>
        <message>
            <source>{reward}: {points} points</source>
            <translation>{reward}：{points} 分</translation>
        </message>
        <message>
            <source>{names} and more</source>
            <translation>{names} 等</translation>
        </message>
        <message>
            <source>valid until {date}</source>
            <translation>有效期至 {date}</translation>
        </message>
        <message>
            <source>COURSE SESSIONS</source>
            <translation>疗程余次</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Use one</source>
            <translation>使用一次</translation>
        </message>
        <message>
            <source>{course}: {left} left</source>
            <translation>{course}：剩余 {left} 次</translation>
        </message>
        <message>
            <source>UNUSED VOUCHERS</source>
            <translation>未使用的兑换券</translation>
        </message>
        <message>
            <source>Use in sale</source>
            <translation>用于本单</translation>
        </message>
        <message>
            <source>{reward}  {code}
valid until {date}</source>
            <translation>{reward}  {code}
有效期至 {date}</translation>
        </message>
        <message>
            <source>LAST VISITS</source>
            <translation>最近到店</translation>
        </message>
        <message>
            <source>No visits yet</source>
            <translation>还没有到店记录</translation>
        </message>
        <message>
            <source>TAGS</source>
            <translation>会员标签</translation>
        </message>
        <message>
            <source>HEALTH NEEDS</source>
            <translation>健康需求</translation>
        </message>
        <message>
            <source>None recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <source>NOTES</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Adjust points…</source>
            <translation>调整积分…</translation>
        </message>
        <message>
            <source>Cancel…</source>
            <translation>作废…</translation>
        </message>
        <message>
            <source>Authorised staff only</source>
            <translation>仅限授权人员</translation>
        </message>
    </context>
    <context>
        <name>Names</name>
        <message>
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <source>Bank card</source>
            <translation>银行卡</translation>
        </message>
        <message>
            <source>WeChat Pay</source>
            <translation>微信支付</translation>
        </message>
        <message>
            <source>Alipay</source>
            <translation>支付宝</translation>
        </message>
        <message>
            <source>Item points</source>
            <translation>项目积分</translation>
        </message>
        <message>
            <source>Course bonus</source>
            <translation>疗程奖励</translation>
        </message>
        <message>
            <source>Referral bonus</source>
            <translation>推荐奖励</translation>
        </message>
        <message>
            <source>Event points</source>
            <translation>活动积分</translation>
        </message>
        <message>
            <source>Streak bonus</source>
            <translation>连续消费奖励</translation>
        </message>
        <message>
            <source>Birthday bonus</source>
            <translation>生日加倍</translation>
        </message>
        <message>
            <source>Tier bonus</source>
            <translation>会员等级加成</translation>
        </message>
        <message>
            <source>Manual adjustment</source>
            <translation>手工调整</translation>
        </message>
        <message>
            <source>Unused</source>
            <translation>未使用</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>已使用</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已作废</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Treatment</source>
            <translation>理疗项目</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>Gift</source>
            <translation>特色礼品</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Partly refunded</source>
            <translation>部分退款</translation>
        </message>
        <message>
            <source>Points expiry</source>
            <translation>积分过期</translation>
        </message>
        <message>
            <source>Streak bonuses</source>
            <translation>连续消费奖励</translation>
        </message>
        <message>
            <source>Member reminders</source>
            <translation>会员提醒</translation>
        </message>
        <message>
            <source>Member tags</source>
            <translation>会员标签</translation>
        </message>
        <message>
            <source>End-of-day backup</source>
            <translation>日终备份</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <source>Payment</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>Cash tendered</source>
            <translation>现金实收</translation>
        </message>
        <message>
            <source>Rest ({key})</source>
            <translation>补足 ({key})</translation>
        </message>
        <message>
            <source>Put the amount still due here</source>
            <translation>把还差的金额填在这里</translation>
        </message>
        <message>
            <source>Confirm payment (Enter)</source>
            <translation>确认收款 (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Amount due</source>
            <translation>应收金额</translation>
        </message>
        <message>
            <source>This sale earns {points} points</source>
            <translation>本单可得 {points} 积分</translation>
        </message>
        <message>
            <source>Paid {amount}</source>
            <translation>已付 {amount}</translation>
        </message>
        <message>
            <source>Still due {amount}</source>
            <translation>还差 {amount}</translation>
        </message>
        <message>
            <source>Change {amount}</source>
            <translation>找零 {amount}</translation>
        </message>
        <message>
            <source>Rest</source>
            <translation>补足</translation>
        </message>
    </context>
    <context>
        <name>PrintNotice</name>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Print queue (F8)</source>
            <translation>打印队列 (F8)</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Printing failed, kept in the print queue: {reason}</source>
            <translation>打印失败，已保留在打印队列：{reason}</translation>
        </message>
    </context>
    <context>
        <name>PrintQueuePanel</name>
        <message>
            <source>PRINT QUEUE (F8)</source>
            <translation>打印队列 (F8)</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>单据</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>单号</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>最近错误</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Retry all</source>
            <translation>重试全部</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>兑换券</translation>
        </message>
        <message>
            <source>Refund receipt</source>
            <translation>退款小票</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>小票</translation>
        </message>
        <message>
            <source>not printed yet</source>
            <translation>尚未打印</translation>
        </message>
        <message>
            <source>Nothing waiting: everything was printed.</source>
            <translation>没有待打印的单据。</translation>
        </message>
    </context>
    <context>
        <name>PrinterForm</name>
        <message>
            <source>PDF folder</source>
            <translation>PDF 文件夹</translation>
        </message>
        <message>
            <source>Network thermal printer</source>
            <translation>网络热敏打印机</translation>
        </message>
        <message>
            <source>USB thermal printer</source>
            <translation>USB 热敏打印机</translation>
        </message>
        <message>
            <source>Serial thermal printer</source>
            <translation>串口热敏打印机</translation>
        </message>
        <message>
            <source>System printer</source>
            <translation>系统打印机</translation>
        </message>
        <message>
            <source>The USB {what} should look like 0x0416.</source>
            <translation>USB {what}的格式应为 0x0416。</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Default printer</source>
            <translation>默认打印机</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>IP 地址</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Vendor id</source>
            <translation>厂商 ID</translation>
        </message>
        <message>
            <source>Product id</source>
            <translation>产品 ID</translation>
        </message>
        <message>
            <source>Baud rate</source>
            <translation>波特率</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>{mm} mm</source>
            <translation>{mm} 毫米</translation>
        </message>
        <message>
            <source>Open the cash drawer when cash is paid</source>
            <translation>现金付款时打开钱箱</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Paper width</source>
            <translation>纸宽</translation>
        </message>
        <message>
            <source>Folder for receipts (PDF)</source>
            <translation>小票（PDF）文件夹</translation>
        </message>
        <message>
            <source>Enter the printer's network address.</source>
            <translation>请输入打印机的 IP 地址。</translation>
        </message>
        <message>
            <source>vendor id</source>
            <translation>厂商 ID</translation>
        </message>
        <message>
            <source>product id</source>
            <translation>产品 ID</translation>
        </message>
        <message>
            <source>Enter the serial port, e.g. COM3.</source>
            <translation>请输入串口，例如 COM3。</translation>
        </message>
    </context>
    <context>
        <name>RedeemPage</name>
        <message>
            <source>Choose a member first (F1)</source>
            <translation>请先选择会员 (F1)</translation>
        </message>
        <message>
            <source>Rewards for {name}</source>
            <translation>{name} 可兑换的礼遇</translation>
        </message>
        <message>
            <source>{points} points available</source>
            <translation>可用 {points} 积分</translation>
        </message>
        <message>
            <source>Choose a member</source>
            <translation>请先选择会员</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>已兑完</translation>
        </message>
        <message>
            <source>{points} points short</source>
            <translation>还差 {points} 分</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} 分</translation>
        </message>
        <message>
            <source>{n} in stock</source>
            <translation>库存 {n}</translation>
        </message>
        <message>
            <source>Redeem</source>
            <translation>兑换</translation>
        </message>
        <message>
            <source>Redeem {reward} for {name} with {points} points?</source>
            <translation>确认用 {points} 积分为 {name} 兑换{reward}？</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Choose folder…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <source>List backups</source>
            <translation>查找备份</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>备份口令</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>Everything done since the backup was made is replaced. A safety copy of the current data is kept first.</source>
            <translation>备份之后的所有数据都会被替换。恢复前会先保存一份当前数据的安全副本。</translation>
        </message>
        <message>
            <source>Choose the folder with the backups</source>
            <translation>选择存放备份的文件夹</translation>
        </message>
        <message>
            <source>{time} · {clinic} · {size}</source>
            <translation>{time} · {clinic} · {size}</translation>
        </message>
        <message>
            <source> · encrypted</source>
            <translation> · 已加密</translation>
        </message>
        <message>
            <source>Type the backup's clinic name to restore it anyway:</source>
            <translation>如仍要恢复，请输入备份的店名：</translation>
        </message>
        <message>
            <source>There is no backup in this folder.</source>
            <translation>这个文件夹里没有备份。</translation>
        </message>
        <message>
            <source>This backup is encrypted: enter its passphrase.</source>
            <translation>这份备份已加密，请输入备份口令。</translation>
        </message>
        <message>
            <source>Restore the backup of {time}?</source>
            <translation>恢复 {time} 的备份？</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Replace the current data with the backup of {time}?

A safety copy of the current data is kept first (in the “safety” folder next to the database). The window reloads afterwards.</source>
            <translation>用 {time} 的备份替换当前数据？

恢复前会先保存一份当前数据的安全副本（在数据库旁的“safety”文件夹中）。恢复后窗口会重新载入。</translation>
        </message>
        <message>
            <source>That did not work and has been logged: {error}</source>
            <translation>操作失败，已记录到日志：{error}</translation>
        </message>
    </context>
    <context>
        <name>RulesDialog</name>
        <message>
            <source>Loyalty rules</source>
            <translation>积分规则</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>门槛（积分）</translation>
        </message>
        <message>
            <source>Multiplier</source>
            <translation>倍数</translation>
        </message>
        <message>
            <source>Perks (、)</source>
            <translation>权益（用、分隔）</translation>
        </message>
        <message>
            <source>Add tier</source>
            <translation>添加等级</translation>
        </message>
        <message>
            <source>Remove tier</source>
            <translation>删除等级</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>现在</translation>
        </message>
        <message>
            <source>In force from</source>
            <translation>生效时间</translation>
        </message>
        <message>
            <source>RULES IN FORCE AT</source>
            <translation>查看某一时间有效的规则</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>查看</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>CHANGES</source>
            <translation>修改记录</translation>
        </message>
        <message>
            <source>By, when</source>
            <translation>操作人、记录时间</translation>
        </message>
        <message>
            <source>Save (Enter)</source>
            <translation>保存 (Enter)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>EARNING</source>
            <translation>积分获取</translation>
        </message>
        <message>
            <source>EXPIRY AND REDEMPTION</source>
            <translation>有效期与兑换</translation>
        </message>
        <message>
            <source>MEMBER TAGS</source>
            <translation>会员标签</translation>
        </message>
        <message>
            <source>Points per yuan paid</source>
            <translation>每消费 1 元得积分</translation>
        </message>
        <message>
            <source>Course bonus from (sessions)</source>
            <translation>疗程奖励：至少次数</translation>
        </message>
        <message>
            <source>Course bonus (%)</source>
            <translation>疗程奖励（%）</translation>
        </message>
        <message>
            <source>Referral: referrer's points</source>
            <translation>推荐奖励：推荐人积分</translation>
        </message>
        <message>
            <source>Referral: new member's points</source>
            <translation>推荐奖励：新会员积分</translation>
        </message>
        <message>
            <source>Birthday-month multiplier</source>
            <translation>生日月积分倍数</translation>
        </message>
        <message>
            <source>Streak: months in a row</source>
            <translation>连续消费：连续月数</translation>
        </message>
        <message>
            <source>Streak: visit days a month</source>
            <translation>连续消费：每月到店天数</translation>
        </message>
        <message>
            <source>Streak bonus (points)</source>
            <translation>连续消费奖励积分</translation>
        </message>
        <message>
            <source>Adjustments above this need a manager</source>
            <translation>手工调整超过此数需店长</translation>
        </message>
        <message>
            <source>Event points: at least</source>
            <translation>活动积分下限</translation>
        </message>
        <message>
            <source>Event points: at most</source>
            <translation>活动积分上限</translation>
        </message>
        <message>
            <source>Points valid for (months)</source>
            <translation>积分有效期（月）</translation>
        </message>
        <message>
            <source>Expiry reminder (days before)</source>
            <translation>到期提醒：提前天数</translation>
        </message>
        <message>
            <source>Rescue from (points expiring)</source>
            <translation>挽回门槛：即将过期积分</translation>
        </message>
        <message>
            <source>Vouchers valid for (days)</source>
            <translation>兑换券有效期（天）</translation>
        </message>
        <message>
            <source>High value: top (%)</source>
            <translation>高价值会员：消费前（%）</translation>
        </message>
        <message>
            <source>Dormant after (days without a visit)</source>
            <translation>沉睡：多少天未到店</translation>
        </message>
        <message>
            <source>Birthday soon (days ahead)</source>
            <translation>即将生日：提前天数</translation>
        </message>
        <message>
            <source>TIERS (thresholds strictly increasing, the first from 0)</source>
            <translation>会员等级（门槛逐级升高，第一级从 0 开始）</translation>
        </message>
        <message>
            <source>Tiers</source>
            <translation>会员等级</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>没有修改。</translation>
        </message>
        <message>
            <source>Saved {count} change(s), in force from {start}.</source>
            <translation>已保存 {count} 项修改，自 {start} 起生效。</translation>
        </message>
        <message>
            <source>Rescue bonus (points)</source>
            <translation>挽留赠送积分</translation>
        </message>
        <message>
            <source>Reward nearly reached (points short)</source>
            <translation>差多少分内提醒“再积 N 分可兑换”</translation>
        </message>
        <message>
            <source>Course sessions idle after (days)</source>
            <translation>疗程多少天未用即提醒</translation>
        </message>
    </context>
    <context>
        <name>SaleSummaryDialog</name>
        <message>
            <source>Sale {no}</source>
            <translation>销售单 {no}</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>应收</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>实收</translation>
        </message>
        <message>
            <source>Change {amount}</source>
            <translation>找零 {amount}</translation>
        </message>
        <message>
            <source>Sale {no} is paid</source>
            <translation>销售单 {no} 已收款</translation>
        </message>
        <message>
            <source>Print receipt (P)</source>
            <translation>打印小票 (P)</translation>
        </message>
        <message>
            <source>Done (Enter)</source>
            <translation>完成 (Enter)</translation>
        </message>
        <message>
            <source>+{points} points</source>
            <translation>+{points} 积分</translation>
        </message>
        <message>
            <source>POINTS EARNED</source>
            <translation>本次积分</translation>
        </message>
        <message>
            <source>Referrer {name} gets {points} points</source>
            <translation>推荐人 {name} 获得 {points} 分推荐奖励</translation>
        </message>
        <message>
            <source>New balance {points}</source>
            <translation>积分余额 {points}</translation>
        </message>
        <message>
            <source>Print receipt</source>
            <translation>打印小票</translation>
        </message>
        <message>
            <source>Referrer {card} gets {points} points</source>
            <translation>推荐人 {card} 获得 {points} 分推荐奖励</translation>
        </message>
    </context>
    <context>
        <name>SalesModel</name>
        <message>
            <source>Sale no.</source>
            <translation>单号</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Paid by</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>散客</translation>
        </message>
        <message>
            <source>Refund of {sale}: {items}</source>
            <translation>退 {sale}：{items}</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>Clinic name</source>
            <translation>店名</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Save (Enter)</source>
            <translation>保存 (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>PRINTER</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>MANAGER PIN</source>
            <translation>店长密码</translation>
        </message>
        <message>
            <source>Refunds, cancelled vouchers and large adjustments ask for it.</source>
            <translation>退款、作废兑换券和大额积分调整时需要输入。</translation>
        </message>
        <message>
            <source>Change PIN…</source>
            <translation>修改密码…</translation>
        </message>
        <message>
            <source>The manager PIN has been changed.</source>
            <translation>店长密码已修改。</translation>
        </message>
        <message>
            <source>The clinic needs a name.</source>
            <translation>请填写店名。</translation>
        </message>
        <message>
            <source>BACKUP PASSPHRASE</source>
            <translation>备份口令</translation>
        </message>
        <message>
            <source>Every backup, the end-of-day one too, is encrypted with it. Leave empty to keep the current one.</source>
            <translation>所有备份（包括日结自动备份）都用它加密。留空则保持原口令。</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>新口令</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>再输一次口令</translation>
        </message>
        <message>
            <source>A folder on the USB drive</source>
            <translation>U 盘上的文件夹</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>备份文件夹</translation>
        </message>
        <message>
            <source>Choose the backup folder</source>
            <translation>选择备份文件夹</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source>Sign out when idle</source>
            <translation>空闲自动退出</translation>
        </message>
        <message>
            <source>This till</source>
            <translation>本收银台</translation>
        </message>
        <message>
            <source>This computer's name on sales, refunds and its day close. Each till on a shared database needs its own.</source>
            <translation>这台电脑在销售、退款和日结上的名称。共用一个数据库的每台收银机都要有自己的名称。</translation>
        </message>
        <message>
            <source>Members' messages in</source>
            <translation>会员消息语言</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>The clinic is already on a database server: connect this till to it…</source>
            <translation>店里已经在用数据库服务器：把这台收银台连接过去…</translation>
        </message>
        <message>
            <source>Welcome — first set-up</source>
            <translation>欢迎 — 首次设置</translation>
        </message>
        <message>
            <source>Your clinic</source>
            <translation>您的门店</translation>
        </message>
        <message>
            <source>Printed on receipts and vouchers.</source>
            <translation>会打印在小票和兑换券上。</translation>
        </message>
        <message>
            <source>Clinic name</source>
            <translation>店名</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>项目目录</translation>
        </message>
        <message>
            <source>Load the demo catalog: treatments, a course package, products and rewards</source>
            <translation>载入演示目录：理疗项目、疗程套餐、产品和兑换礼遇</translation>
        </message>
        <message>
            <source>You can change prices and items later.</source>
            <translation>价格和项目以后可以修改。</translation>
        </message>
        <message>
            <source>Quit the set-up?</source>
            <translation>退出首次设置？</translation>
        </message>
        <message>
            <source>The till cannot be used until it is set up. Quit now?</source>
            <translation>设置完成之前无法使用收银台。现在退出吗？</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Sale number, then Enter</source>
            <translation>输入销售单号，回车查找</translation>
        </message>
        <message>
            <source>Reprint receipt</source>
            <translation>重打小票</translation>
        </message>
        <message>
            <source>Refund ticked lines</source>
            <translation>退勾选的行</translation>
        </message>
        <message>
            <source>Refund whole sale</source>
            <translation>整单退款</translation>
        </message>
        <message>
            <source>Today: {n} sales, {amount}</source>
            <translation>今日 {n} 笔，共 {amount}</translation>
        </message>
        <message>
            <source>Sale not found</source>
            <translation>没有找到销售单</translation>
        </message>
        <message>
            <source>There is no sale {no}.</source>
            <translation>没有销售单 {no}。</translation>
        </message>
        <message>
            <source>CHOOSE A SALE</source>
            <translation>请选择一笔销售</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>散客</translation>
        </message>
        <message>
            <source>SALE {no} · {who} · {time}</source>
            <translation>销售单 {no} · {who} · {time}</translation>
        </message>
        <message>
            <source>{no}. {name} × {qty}   {amount}</source>
            <translation>{no}. {name} × {qty}   {amount}</translation>
        </message>
        <message>
            <source>Therapist {name}</source>
            <translation>技师 {name}</translation>
        </message>
        <message>
            <source>(refunded)</source>
            <translation>（已退）</translation>
        </message>
        <message>
            <source>Paid: {paid} · change {change} · cashier {cashier}</source>
            <translation>付款：{paid} · 找零 {change} · 收银 {cashier}</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Tick the lines to refund first.</source>
            <translation>请先勾选要退款的行。</translation>
        </message>
        <message>
            <source>Refund the whole sale {no}?</source>
            <translation>整单退款 {no}？</translation>
        </message>
        <message>
            <source>Refund the whole sale {no}: {amount} back?</source>
            <translation>整单退款 {no}：退回 {amount}？</translation>
        </message>
        <message>
            <source>Refund lines {lines} of sale {no}?</source>
            <translation>退销售单 {no} 的第 {lines} 行？</translation>
        </message>
        <message>
            <source>Refund {no}: {amount} back ({how}); {points} points taken back.</source>
            <translation>退款单 {no}：退回 {amount}（{how}），扣回 {points} 积分。</translation>
        </message>
        <message>
            <source>The member now owes {points} points; later earnings pay them off first.</source>
            <translation>会员现欠 {points} 分，之后的消费积分会先抵扣。</translation>
        </message>
        <message>
            <source>Refund done</source>
            <translation>退款完成</translation>
        </message>
        <message>
            <source>Print refund receipt</source>
            <translation>打印退款小票</translation>
        </message>
        <message>
            <source>Sale number or its last digits (e.g. 12), then Enter</source>
            <translation>销售单号或末几位（如 12），回车查找</translation>
        </message>
        <message>
            <source>Today: {sales} sales, {refunds} refunds, net {amount}</source>
            <translation>今日 {sales} 笔销售、{refunds} 笔退款，净收 {amount}</translation>
        </message>
    </context>
    <context>
        <name>VoucherDialog</name>
        <message>
            <source>Voucher issued</source>
            <translation>兑换成功</translation>
        </message>
        <message>
            <source>Valid until {date}</source>
            <translation>有效期至 {date}</translation>
        </message>
        <message>
            <source>{spent} points used · balance {balance}</source>
            <translation>扣 {spent} 分 · 余额 {balance}</translation>
        </message>
        <message>
            <source>Print voucher</source>
            <translation>打印兑换券</translation>
        </message>
        <message>
            <source>Done (Enter)</source>
            <translation>完成 (Enter)</translation>
        </message>
    </context>
    <context>
        <name>_PinPage</name>
        <message>
            <source>Manager PIN</source>
            <translation>店长密码</translation>
        </message>
        <message>
            <source>Refunds and other manager actions ask for this PIN.</source>
            <translation>退款等店长操作需要输入此密码。</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Repeat PIN</source>
            <translation>再输一次</translation>
        </message>
        <message>
            <source>The two PINs differ</source>
            <translation>两次输入的密码不一致</translation>
        </message>
        <message>
            <source>Refunds and other manager actions ask for this PIN (4 to 8 digits).</source>
            <translation>退款等店长操作需要输入此密码（4 到 8 位数字）。</translation>
        </message>
        <message>
            <source>Use 4 to 8 digits</source>
            <translation>请输入 4 到 8 位数字</translation>
        </message>
    </context>
    <context>
        <name>CatalogDialog</name>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="385" />
            <source>Catalog</source>
            <translation>项目与商品</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="386" />
            <source>Services, products and courses</source>
            <translation>服务项目、产品与疗程</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="387" />
            <source>Show retired items</source>
            <translation>显示已停售项目</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="388" />
            <source>New item (Ctrl+N)</source>
            <translation>新建项目 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="389" />
            <source>Edit (Enter)</source>
            <translation>编辑 (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="390" />
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="393" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="394" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="395" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="396" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="397" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="398" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="399" />
            <source>Course</source>
            <translation>疗程</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="400" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="426" />
            <source>{sessions} × {service}, valid {days} days</source>
            <translation>{sessions} 次 × {service}，{days} 天内有效</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="428" />
            <source>{sessions} × {service}</source>
            <translation>{sessions} 次 × {service}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="438" />
            <source>At the rate</source>
            <translation>按比例</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="440" />
            <source>On sale</source>
            <translation>在售</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="440" />
            <source>Retired</source>
            <translation>已停售</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="103" />
            <source>Edit {name}</source>
            <translation>编辑 {name}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="103" />
            <source>New item</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="110" />
            <source>Letters and digits, e.g. JJ1</source>
            <translation>字母和数字，如 JJ1</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="118" />
            <source>The clinic's own, e.g. 肩颈, 艾灸, 产品</source>
            <translation>本店自己的类别，如 肩颈、艾灸、产品</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="123" />
            <source>Yuan, e.g. 168 or 12.5</source>
            <translation>元，如 168 或 12.5</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="125" />
            <source>Empty: earned at the rate</source>
            <translation>留空：按积分比例计算</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="128" />
            <source>Code of the treatment, e.g. AJ</source>
            <translation>服务项目的编码，如 AJ</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="130" />
            <source>Empty: no limit</source>
            <translation>留空：不限期</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="132" />
            <source>On sale (shown on the till)</source>
            <translation>在售（显示在收银台）</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="149" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="150" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="151" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="152" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="153" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="154" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="155" />
            <source>Sessions</source>
            <translation>次数</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="156" />
            <source>Sessions of</source>
            <translation>对应项目</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="157" />
            <source>Valid days</source>
            <translation>有效天数</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="158" />
            <source>Order on the till</source>
            <translation>收银台排序</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="159" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="178" />
            <source>Save (Enter)</source>
            <translation>保存 (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="181" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="238" />
            <source>Enter a whole number</source>
            <translation>请输入整数</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="241" />
            <source>Enter the price in yuan</source>
            <translation>请输入价格（元）</translation>
        </message>
    </context>
    <context>
        <name>ItemKind</name>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="68" />
            <source>Service</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="69" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="70" />
            <source>Course</source>
            <translation>疗程</translation>
        </message>
    </context>
    <context>
        <name>RestockDialog</name>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="292" />
            <source>Restock {name}</source>
            <translation>补货 {name}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="297" />
            <source>e.g. 10, or -2 for breakage</source>
            <translation>如 10；损坏减少填 -2</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="300" />
            <source>e.g. delivery, breakage, stock count</source>
            <translation>如 到货、损坏、盘点</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="306" />
            <source>Change</source>
            <translation>变动</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="307" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="310" />
            <source>Unlimited</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="311" />
            <source>Save (Enter)</source>
            <translation>保存 (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="314" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="320" />
            <source>In stock now: {stock}</source>
            <translation>现有库存: {stock}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="333" />
            <location filename="../../spa_pos/ui/rewards_screen.py" line="335" />
            <source>Enter a whole number</source>
            <translation>请输入整数</translation>
        </message>
    </context>
    <context>
        <name>RewardDialog</name>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="92" />
            <source>Edit {name}</source>
            <translation>编辑 {name}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="92" />
            <source>New reward</source>
            <translation>新建兑换项</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="97" />
            <source>Letters and digits, e.g. RJJ1</source>
            <translation>字母和数字，如 RJJ1</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="100" />
            <source>Points, e.g. 300</source>
            <translation>积分，如 300</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="102" />
            <source>A coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="106" />
            <source>Yuan, e.g. 20</source>
            <translation>元，如 20</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="108" />
            <source>Empty: unlimited</source>
            <translation>留空：不限库存</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="109" />
            <source>Offered (can be redeemed)</source>
            <translation>可兑换</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="121" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="122" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="123" />
            <source>Cost in points</source>
            <translation>所需积分</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="124" />
            <source>The voucher gives</source>
            <translation>兑换内容</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="125" />
            <source>Coupon amount</source>
            <translation>优惠券面额</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="126" />
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="127" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="139" />
            <source>Save (Enter)</source>
            <translation>保存 (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="142" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="191" />
            <source>Enter a whole number</source>
            <translation>请输入整数</translation>
        </message>
    </context>
    <context>
        <name>RewardsDialog</name>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="410" />
            <source>Rewards</source>
            <translation>积分商城</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="411" />
            <source>Rewards for points</source>
            <translation>积分兑换项</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="412" />
            <source>New reward (Ctrl+N)</source>
            <translation>新建兑换项 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="413" />
            <source>Edit (Enter)</source>
            <translation>编辑 (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="414" />
            <source>Restock (Ctrl+R)</source>
            <translation>补货 (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="415" />
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="416" />
            <source>Stock history</source>
            <translation>库存记录</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="419" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="420" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="421" />
            <source>Cost</source>
            <translation>所需积分</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="422" />
            <source>The voucher gives</source>
            <translation>兑换内容</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="423" />
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="424" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="429" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="430" />
            <source>Who</source>
            <translation>经办人</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="431" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="432" />
            <source>Change</source>
            <translation>变动</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="433" />
            <source>Stock after</source>
            <translation>变动后库存</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="434" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="458" />
            <source>Coupon {amount}</source>
            <translation>优惠券 {amount}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="463" />
            <source>{points} points</source>
            <translation>{points} 分</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="465" />
            <location filename="../../spa_pos/ui/rewards_screen.py" line="499" />
            <source>Unlimited</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="466" />
            <source>Offered</source>
            <translation>可兑换</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="466" />
            <source>Retired</source>
            <translation>已停售</translation>
        </message>
    </context>
    <context>
        <name>PromotionsDialog</name>
        <message>
            <source>Promotions</source>
            <translation>限时活动</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>On</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Ended early</source>
            <translation>提前结束</translation>
        </message>
        <message>
            <source>End early…</source>
            <translation>提前结束…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>To (not included)</source>
            <translation>结束（不含）</translation>
        </message>
        <message>
            <source>Points ×</source>
            <translation>积分倍数 ×</translation>
        </message>
        <message>
            <source>or bonus points</source>
            <translation>或奖励积分</translation>
        </message>
        <message>
            <source>Item codes</source>
            <translation>项目编码</translation>
        </message>
        <message>
            <source>or category</source>
            <translation>或类别</translation>
        </message>
        <message>
            <source>Only members tagged</source>
            <translation>仅限标签会员</translation>
        </message>
        <message>
            <source>e.g. 2 or 1.5</source>
            <translation>例如 2 或 1.5</translation>
        </message>
        <message>
            <source>e.g. 100, once per sale</source>
            <translation>例如 100，每笔消费一次</translation>
        </message>
        <message>
            <source>codes separated by spaces; empty: all items</source>
            <translation>编码以空格分隔；不填即全部项目</translation>
        </message>
        <message>
            <source>e.g. 产品</source>
            <translation>例如 产品</translation>
        </message>
        <message>
            <source>Every member</source>
            <translation>所有会员</translation>
        </message>
        <message>
            <source>Add promotion (Enter)</source>
            <translation>添加活动 (Enter)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>A promotion multiplies the points of the items it covers (after the course bonus, before the tier and birthday multipliers; the largest one if several cover an item), or adds bonus points once per sale.</source>
            <translation>限时活动按倍数加积分（在疗程奖励之后、会员等级和生日加倍之前；一个项目有多个活动时取最大倍数），或每笔消费加送一次奖励积分。</translation>
        </message>
        <message>
            <source>NEW PROMOTION</source>
            <translation>新建活动</translation>
        </message>
        <message>
            <source>+{points} once</source>
            <translation>+{points}（每笔一次）</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Upcoming</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>All items</source>
            <translation>全部项目</translation>
        </message>
        <message>
            <source>only {tag} members</source>
            <translation>仅{tag}会员</translation>
        </message>
        <message>
            <source>End early</source>
            <translation>提前结束</translation>
        </message>
        <message>
            <source>End the promotion “{name}” now? Sales already made keep their points.</source>
            <translation>现在结束活动“{name}”？已完成的消费保留其积分。</translation>
        </message>
        <message>
            <source>“{name}” has ended.</source>
            <translation>“{name}”已结束。</translation>
        </message>
        <message>
            <source>“{name}” is added.</source>
            <translation>已添加“{name}”。</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import and export</source>
            <translation>数据导入导出</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Catalog (services, products, courses)</source>
            <translation>项目与商品（服务、产品、疗程）</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>What</source>
            <translation>导入内容</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <translation>文件中的列</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>对应字段</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Import (needs the manager PIN)</source>
            <translation>导入（需店长密码）</translation>
        </message>
        <message>
            <source>Export members…</source>
            <translation>导出会员…</translation>
        </message>
        <message>
            <source>Export catalog…</source>
            <translation>导出项目与商品…</translation>
        </message>
        <message>
            <source>Export sales…</source>
            <translation>导出销售…</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>Choose a CSV or Excel file: every row is checked first and nothing is written. Map the columns that were not recognised; a file is imported only when every row is good, all at once, and only once.</source>
            <translation>选择 CSV 或 Excel 文件：先检查每一行（试运行，不写入）。为未识别的列选择对应字段；只有每一行都无误时才能导入，一次全部导入，同一文件只能导入一次。</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Rows with a problem</source>
            <translation>有问题的行</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Choose the file to import</source>
            <translation>选择要导入的文件</translation>
        </message>
        <message>
            <source>Checking every row…</source>
            <translation>正在检查每一行…</translation>
        </message>
        <message>
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <source>{rows} rows, all good: ready to import.</source>
            <translation>共 {rows} 行，全部无误，可以导入。</translation>
        </message>
        <message>
            <source>{rows} rows, {bad} with a problem: fix them in the file and choose it again. Nothing has been imported.</source>
            <translation>共 {rows} 行，{bad} 行有问题：请在文件中改正后重新选择。没有导入任何数据。</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Member name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Card number</source>
            <translation>卡号</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Joined on</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <source>Points expire on</source>
            <translation>积分到期</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Item name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Kind (service, course, product)</source>
            <translation>类型（服务、疗程、产品）</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>次数</translation>
        </message>
        <message>
            <source>Service of the course</source>
            <translation>对应项目</translation>
        </message>
        <message>
            <source>Import {rows} rows from {file}?</source>
            <translation>从 {file} 导入 {rows} 行？</translation>
        </message>
        <message>
            <source>Imported {count} rows from {file}.</source>
            <translation>已导入 {count} 行（{file}）。</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>导出到</translation>
        </message>
        <message>
            <source>Export to {file}?</source>
            <translation>导出到 {file}？</translation>
        </message>
        <message>
            <source>Exported {rows} rows to {file}.</source>
            <translation>已导出 {rows} 行到 {file}。</translation>
        </message>
        <message>
            <source>Course (code)</source>
            <translation>疗程（编码）</translation>
        </message>
        <message>
            <source>Course sessions left</source>
            <translation>疗程剩余次数</translation>
        </message>
        <message>
            <source>Course valid until</source>
            <translation>疗程到期日</translation>
        </message>
        <message>
            <source>Course valid for (days)</source>
            <translation>疗程有效天数</translation>
        </message>
        <message>
            <source>Order on the till</source>
            <translation>排序</translation>
        </message>
    </context>
    <context>
        <name>_PassphrasePage</name>
        <message>
            <source>Backup passphrase</source>
            <translation>备份口令</translation>
        </message>
        <message>
            <source>Backups are encrypted with it, so a lost USB drive reveals nothing. At least 8 characters; keep it somewhere safe. Leave empty to set it later.</source>
            <translation>备份用它加密，U 盘丢失也不会泄露数据。至少 8 个字符，请妥善保管。留空可以以后在设置中再设。</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>口令</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>再输一次口令</translation>
        </message>
    </context>
    <context>
        <name>_FolderPage</name>
        <message>
            <source>Backup folder</source>
            <translation>备份文件夹</translation>
        </message>
        <message>
            <source>Every evening the till copies its data into this folder. Choose a folder on the USB drive; leave empty to choose it later in Settings.</source>
            <translation>收银台每天晚上把数据备份到这个文件夹。请选择 U 盘上的文件夹；留空可以以后在设置中再选。</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Choose the backup folder</source>
            <translation>选择备份文件夹</translation>
        </message>
        <message>
            <source>No such folder</source>
            <translation>找不到该文件夹</translation>
        </message>
    </context>
    <context>
        <name>EventsButton</name>
        <message>
            <source>Events…</source>
            <translation>活动…</translation>
        </message>
    </context>
    <context>
        <name>EventsDialog</name>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Came</source>
            <translation>到场</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>卡号</translation>
        </message>
        <message>
            <source>Choose an event on the left</source>
            <translation>请在左侧选择活动</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>Create event</source>
            <translation>创建活动</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>Events and interactions</source>
            <translation>活动与互动</translation>
        </message>
        <message>
            <source>Health lecture</source>
            <translation>健康讲座</translation>
        </message>
        <message>
            <source>Live interaction</source>
            <translation>直播互动</translation>
        </message>
        <message>
            <source>Marked at</source>
            <translation>签到时间</translation>
        </message>
        <message>
            <source>Marked: +{points} points, balance {balance}</source>
            <translation>已签到：+{points} 分，余额 {balance}</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>New event</source>
            <translation>新建活动</translation>
        </message>
        <message>
            <source>No member found for “{text}”</source>
            <translation>没有找到会员“{text}”</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Points per member: {low}–{high} (loyalty rules)</source>
            <translation>每人积分：{low}–{high}（积分规则）</translation>
        </message>
        <message>
            <source>Quiz</source>
            <translation>知识问答</translation>
        </message>
        <message>
            <source>Scan a card, or type a phone, card or name</source>
            <translation>扫会员卡，或输入手机号、卡号、姓名</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Video interaction</source>
            <translation>视频互动</translation>
        </message>
        <message>
            <source>Wellness salon</source>
            <translation>养生沙龙</translation>
        </message>
        <message>
            <source>e.g. 春季养生讲座</source>
            <translation>例如 春季养生讲座</translation>
        </message>
        <message>
            <source>{name} · {date} · +{points} points</source>
            <translation>{name} · {date} · +{points} 分</translation>
        </message>
    </context>
    <context>
        <name>ProfileButton</name>
        <message>
            <source>Profile…</source>
            <translation>会员画像…</translation>
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <source>A new consultation note…</source>
            <translation>新的问诊记录…</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>添加记录</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>Consultation notes</source>
            <translation>问诊记录</translation>
        </message>
        <message>
            <source>Course session</source>
            <translation>疗程消耗</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>Favourite categories</source>
            <translation>常做类别</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>回访评价</translation>
        </message>
        <message>
            <source>Feedback rewarded: +{points} points, balance {balance}</source>
            <translation>评价已奖励：+{points} 分，余额 {balance}</translation>
        </message>
        <message>
            <source>Health and notes</source>
            <translation>健康与问诊</translation>
        </message>
        <message>
            <source>Health needs</source>
            <translation>健康需求</translation>
        </message>
        <message>
            <source>Interactions and feedback</source>
            <translation>互动与回访</translation>
        </message>
        <message>
            <source>Member profile</source>
            <translation>会员画像</translation>
        </message>
        <message>
            <source>None recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <source>Not tried yet: worth suggesting</source>
            <translation>未试过的项目（可推荐）</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Nothing to suggest yet</source>
            <translation>暂无推荐</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>单号</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>实付</translation>
        </message>
        <message>
            <source>Partly refunded</source>
            <translation>部分退款</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>偏好与推荐</translation>
        </message>
        <message>
            <source>Record feedback</source>
            <translation>记录评价</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>经手人</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Reward as an interaction (+{points} points)</source>
            <translation>作为互动奖励（+{points} 分）</translation>
        </message>
        <message>
            <source>Sale</source>
            <translation>单据</translation>
        </message>
        <message>
            <source>Satisfaction after a visit</source>
            <translation>到店满意度回访</translation>
        </message>
        <message>
            <source>Score (1–5)</source>
            <translation>评分 (1–5)</translation>
        </message>
        <message>
            <source>Score {score}/5</source>
            <translation>评分 {score}/5</translation>
        </message>
        <message>
            <source>Usually has {usual}; never tried {name}</source>
            <translation>常做{usual}，未试过{name}</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>消费</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>到店记录</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>What the member said</source>
            <translation>会员的评价</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>{category}: {visits} visits, usually {usual}</source>
            <translation>{category}：{visits} 次，常做{usual}</translation>
        </message>
        <message>
            <source>{name} · card {card}</source>
            <translation>{name} · 卡号 {card}</translation>
        </message>
        <message>
            <source>A manager approves exporting this member's data.</source>
            <translation>导出该会员的数据需要店长确认。</translation>
        </message>
        <message>
            <source>Authorised staff only</source>
            <translation>仅限授权人员</translation>
        </message>
        <message>
            <source>Erase personal data…</source>
            <translation>注销个人信息…</translation>
        </message>
        <message>
            <source>Export data…</source>
            <translation>导出会员数据…</translation>
        </message>
        <message>
            <source>Export the member's data</source>
            <translation>导出会员数据</translation>
        </message>
        <message>
            <source>Exported to {file}</source>
            <translation>已导出到 {file}</translation>
        </message>
        <message>
            <source>Personal data erased: now {name}</source>
            <translation>个人信息已注销，现显示为 {name}</translation>
        </message>
    </context>
    <context>
        <name>CareButton</name>
        <message>
            <source>Member care…</source>
            <translation>会员关怀…</translation>
        </message>
    </context>
    <context>
        <name>MemberCareDialog</name>
        <message>
            <source>Export to {file}?</source>
            <translation>导出到 {file}？</translation>
        </message>
        <message>
            <source>Member care</source>
            <translation>会员关怀</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>To contact</source>
            <translation>待联系</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>未接通</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>已跳过</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>回访记录</translation>
        </message>
        <message>
            <source>Note (回访记录)</source>
            <translation>备注（回访记录）</translation>
        </message>
        <message>
            <source>Copy text (Ctrl+C)</source>
            <translation>复制文字 (Ctrl+C)</translation>
        </message>
        <message>
            <source>Came back</source>
            <translation>已回店</translation>
        </message>
        <message>
            <source>Extend a month</source>
            <translation>延期一个月</translation>
        </message>
        <message>
            <source>Rescue bonus</source>
            <translation>赠送挽留积分</translation>
        </message>
        <message>
            <source>Print call list</source>
            <translation>打印回访名单</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>Points expiring</source>
            <translation>积分到期提醒</translation>
        </message>
        <message>
            <source>Win-back: dormant</source>
            <translation>唤醒：沉睡</translation>
        </message>
        <message>
            <source>Win-back: churn risk</source>
            <translation>唤醒：潜在流失</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日双倍积分</translation>
        </message>
        <message>
            <source>Reward in reach</source>
            <translation>再积分可兑换</translation>
        </message>
        <message>
            <source>Course unused</source>
            <translation>疗程未使用</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>未送达</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>已打印</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>已导出</translation>
        </message>
        <message>
            <source>Win-back success: %1 (%2 of %3 decided, %4 reached)</source>
            <translation>唤醒成功率：%1（已定 %3 人中回店 %2 人，已联系 %4 人）</translation>
        </message>
        <message>
            <source>Copied %1's message</source>
            <translation>已复制 %1 的消息</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Extend %1's expiring points by one month?</source>
            <translation>将 %1 即将到期的积分延期一个月？</translation>
        </message>
        <message>
            <source>Give %1 the rescue bonus?</source>
            <translation>给 %1 赠送挽留积分？</translation>
        </message>
        <message>
            <source>Extended %1 points by one month</source>
            <translation>已将 %1 积分延期一个月</translation>
        </message>
        <message>
            <source>Gave %1 bonus points</source>
            <translation>已赠送 %1 挽留积分</translation>
        </message>
        <message>
            <source>Call list</source>
            <translation>回访名单</translation>
        </message>
        <message>
            <source>Result: ______  Note: ________</source>
            <translation>结果：______  备注：________</translation>
        </message>
        <message>
            <source>the printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>Call list printed to %1</source>
            <translation>回访名单已打印到 %1</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>Exported %1 messages to %2</source>
            <translation>已导出 %1 条消息到 %2</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>群发活动</translation>
        </message>
        <message>
            <source>Edit templates…</source>
            <translation>编辑模板…</translation>
        </message>
        <message>
            <source>Change the wording of member care's messages?</source>
            <translation>修改会员关怀消息的模板？</translation>
        </message>
    </context>
    <context>
        <name>MemberTableModel</name>
        <message>
            <source>Card</source>
            <translation>卡号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Last visit</source>
            <translation>最近到店</translation>
        </message>
        <message>
            <source>Spend (12 months)</source>
            <translation>近12月消费</translation>
        </message>
        <message>
            <source>Favourite</source>
            <translation>偏好品类</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从未到店</translation>
        </message>
    </context>
    <context>
        <name>MemberListDialog</name>
        <message>
            <source>Member list</source>
            <translation>会员列表</translation>
        </message>
        <message>
            <source>Spend from ¥</source>
            <translation>消费从 ¥</translation>
        </message>
        <message>
            <source>to ¥</source>
            <translation>到 ¥</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Give a coupon…</source>
            <translation>发券…</translation>
        </message>
        <message>
            <source>Send a message…</source>
            <translation>发消息…</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>导出到</translation>
        </message>
        <message>
            <source>Give a coupon</source>
            <translation>发券</translation>
        </message>
        <message>
            <source>Send a message</source>
            <translation>发消息</translation>
        </message>
        <message>
            <source>Queued {count} messages in the outbox.</source>
            <translation>已将 {count} 条消息放入待发列表。</translation>
        </message>
        <message>
            <source>Any tag</source>
            <translation>全部标签</translation>
        </message>
        <message>
            <source>Any tier</source>
            <translation>全部等级</translation>
        </message>
        <message>
            <source>Any birthday</source>
            <translation>全部生日</translation>
        </message>
        <message>
            <source>Any favourite</source>
            <translation>全部偏好</translation>
        </message>
        <message>
            <source>Any last visit</source>
            <translation>不限到店时间</translation>
        </message>
        <message>
            <source>{count} members</source>
            <translation>共 {count} 位会员</translation>
        </message>
        <message>
            <source>Exported {rows} members to {file}.</source>
            <translation>已导出 {rows} 位会员到 {file}。</translation>
        </message>
        <message>
            <source>Give one “{reward}” voucher, at no points, to each of the {count} members in this list?</source>
            <translation>向列表中的 {count} 位会员每人发放一张「{reward}」券（不扣积分）？</translation>
        </message>
        <message>
            <source>Queue this message for the {consenting} members who agreed to receive messages? ({others} others in the list did not and get nothing.)</source>
            <translation>给同意接收消息的 {consenting} 位会员发送这条消息？（列表中另有 {others} 位未同意，不会收到。）</translation>
        </message>
        <message>
            <source>Born in month {m}</source>
            <translation>{m}月生日</translation>
        </message>
        <message>
            <source>Came within {n} days</source>
            <translation>{n}天内到店</translation>
        </message>
        <message>
            <source>Not for {n} days</source>
            <translation>超过{n}天未到店</translation>
        </message>
        <message>
            <source>Gave {count} vouchers of “{reward}”.</source>
            <translation>已发放 {count} 张「{reward}」券。</translation>
        </message>
    </context>
    <context>
        <name>CouponDialog</name>
        <message>
            <source>Give a coupon</source>
            <translation>发券</translation>
        </message>
        <message>
            <source>Why, e.g. neck and shoulder care month</source>
            <translation>原因，例如 肩颈关怀月</translation>
        </message>
        <message>
            <source>Reward</source>
            <translation>兑换品</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Next…</source>
            <translation>下一步…</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
    </context>
    <context>
        <name>MessageDialog</name>
        <message>
            <source>Send a message</source>
            <translation>发消息</translation>
        </message>
        <message>
            <source>{姓名} becomes each member's name</source>
            <translation>{姓名} 会换成每位会员的姓名</translation>
        </message>
        <message>
            <source>Next…</source>
            <translation>下一步…</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
    </context>
    <context>
        <name>MemberListButton</name>
        <message>
            <source>Member list…</source>
            <translation>会员列表…</translation>
        </message>
        <message>
            <source>Open the member list: filter, export, coupons and messages.</source>
            <translation>打开会员列表：筛选、导出、发券和发消息。</translation>
        </message>
    </context>
    <context>
        <name>DashboardDialog</name>
        <message>
            <source>Export to {file}?</source>
            <translation>导出到 {file}？</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>经营看板</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>近30天</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>今年</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>近12个月</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>查看</translation>
        </message>
        <message>
            <source>Export XLSX…</source>
            <translation>导出 XLSX…</translation>
        </message>
        <message>
            <source>Printable PDF…</source>
            <translation>打印版 PDF…</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>This period</source>
            <translation>本期</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>上期</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>{start} – {end}, against {pstart} – {pend}</source>
            <translation>{start} – {end}，对比上期 {pstart} – {pend}</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>营业额</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>到店人次</translation>
        </message>
        <message>
            <source>Redemptions by reward (points)</source>
            <translation>按奖品兑换（积分）</translation>
        </message>
        <message>
            <source>Top services</source>
            <translation>热门项目</translation>
        </message>
        <message>
            <source>Members per tier</source>
            <translation>各等级会员</translation>
        </message>
        <message>
            <source>Members per tag</source>
            <translation>各标签会员</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>会员总数</translation>
        </message>
        <message>
            <source>New members</source>
            <translation>新会员</translation>
        </message>
        <message>
            <source>Active members</source>
            <translation>活跃会员</translation>
        </message>
        <message>
            <source>Spend per visit</source>
            <translation>会员客单价</translation>
        </message>
        <message>
            <source>30-day repurchase</source>
            <translation>30天复购率</translation>
        </message>
        <message>
            <source>Win-back rate</source>
            <translation>唤醒率</translation>
        </message>
        <message>
            <source>Points issued</source>
            <translation>发放积分</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>兑换积分</translation>
        </message>
        <message>
            <source>Points expired</source>
            <translation>过期积分</translation>
        </message>
        <message>
            <source>Points outstanding</source>
            <translation>未兑积分</translation>
        </message>
        <message>
            <source>Liability</source>
            <translation>积分负债</translation>
        </message>
        <message>
            <source>Redemption rate</source>
            <translation>兑换率</translation>
        </message>
        <message>
            <source>Save the dashboard</source>
            <translation>保存经营看板</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>已保存 {file}</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>正在打印…</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <translation>已发送到打印机</translation>
        </message>
        <message>
            <source>Printing failed: {reason}</source>
            <translation>打印失败：{reason}</translation>
        </message>
    </context>
    <context>
        <name>DashboardButton</name>
        <message>
            <source>Dashboard…</source>
            <translation>经营看板…</translation>
        </message>
    </context>
    <context>
        <name>TherapistReportDialog</name>
        <message>
            <source>Export to {file}?</source>
            <translation>导出到 {file}？</translation>
        </message>
        <message>
            <source>Revenue {revenue}, commission {commission}</source>
            <translation>营业额 {revenue}，提成 {commission}</translation>
        </message>
        <message>
            <source>Export the therapist report</source>
            <translation>导出技师业绩</translation>
        </message>
        <message>
            <source>Exported to {file}</source>
            <translation>已导出到 {file}</translation>
        </message>
        <message>
            <source>Therapist report</source>
            <translation>技师业绩</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>To</source>
            <translation>到</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>查看</translation>
        </message>
        <message>
            <source>Export XLSX…</source>
            <translation>导出 XLSX…</translation>
        </message>
        <message>
            <source>Therapist</source>
            <translation>技师</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>项目次数</translation>
        </message>
        <message>
            <source>Course sessions</source>
            <translation>疗程次数</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>营业额</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>提成</translation>
        </message>
    </context>
    <context>
        <name>_Launcher</name>
        <message>
            <source>Therapist report…</source>
            <translation>技师业绩…</translation>
        </message>
    </context>
    <context>
        <name>AdjustDialog</name>
        <message>
            <source>Adjust points</source>
            <translation>调整积分</translation>
        </message>
        <message>
            <source>Enter the points to add or take.</source>
            <translation>请填写要增加或扣减的积分。</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Points (+ add, − take)</source>
            <translation>积分（正数增加，负数扣减）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Today {used} of {limit} points adjusted for this member; {left} more without a manager.</source>
            <translation>今天已为该会员调整 {used} / {limit} 分，无需店长还可调整 {left} 分。</translation>
        </message>
    </context>
    <context>
        <name>CancelVoucherDialog</name>
        <message>
            <source>A manager approves the cancellation of voucher {code}.</source>
            <translation>作废兑换券 {code} 需要店长确认。</translation>
        </message>
        <message>
            <source>Cancel a voucher</source>
            <translation>作废兑换券</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>兑换券</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Sign in (Enter)</source>
            <translation>登录 (Enter)</translation>
        </message>
        <message>
            <source>Type your PIN.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <source>Import the clinic's keys…</source>
            <translation>导入本店密钥…</translation>
        </message>
        <message>
            <source>The clinic's keys are imported: sign in.</source>
            <translation>本店密钥已导入：请登录。</translation>
        </message>
    </context>
    <context>
        <name>_ReasonDialog</name>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Confirm (Enter)</source>
            <translation>确认 (Enter)</translation>
        </message>
        <message>
            <source>Give a reason.</source>
            <translation>请填写原因。</translation>
        </message>
    </context>
    <context>
        <name>SchemeReviewDialog</name>
        <message>
            <source>Points scheme review</source>
            <translation>积分制度评估</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Month end</source>
            <translation>月末</translation>
        </message>
        <message>
            <source>Points outstanding</source>
            <translation>未兑积分</translation>
        </message>
        <message>
            <source>Liability</source>
            <translation>积分负债</translation>
        </message>
        <message>
            <source>Tier move</source>
            <translation>等级变动</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>Your conclusions: what works, what to change next month</source>
            <translation>评估结论：哪些有效，下月要调整什么</translation>
        </message>
        <message>
            <source>Save the review</source>
            <translation>保存评估</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>评估时间</translation>
        </message>
        <message>
            <source>By</source>
            <translation>评估人</translation>
        </message>
        <message>
            <source>Conclusions</source>
            <translation>评估结论</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>保存为 PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>The month against the month before</source>
            <translation>本月与上月对比</translation>
        </message>
        <message>
            <source>Liability trend</source>
            <translation>积分负债走势</translation>
        </message>
        <message>
            <source>Members moving between tiers</source>
            <translation>等级变动</translation>
        </message>
        <message>
            <source>Reviews kept of this month</source>
            <translation>本月已保存的评估</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>{month}: {start} – {end}, against {pstart} – {pend}</source>
            <translation>{month}：{start} – {end}，对比 {pstart} – {pend}</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Month before</source>
            <translation>上月</translation>
        </message>
        <message>
            <source>The review of {month} is kept.</source>
            <translation>{month} 的评估已保存。</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>已保存 {file}</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>正在打印…</translation>
        </message>
        <message>
            <source>Points scheme review {month}</source>
            <translation>积分制度评估 {month}</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <translation>已发送到打印机</translation>
        </message>
        <message>
            <source>Printing failed: {reason}</source>
            <translation>打印失败：{reason}</translation>
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <source>Message templates</source>
            <translation>消息模板</translation>
        </message>
        <message>
            <source>Default wording</source>
            <translation>恢复默认文字</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Fields: click to insert</source>
            <translation>字段：点击插入</translation>
        </message>
        <message>
            <source>A sample member gets</source>
            <translation>示例会员收到</translation>
        </message>
        <message>
            <source>Saved: messages queued from now on use it.</source>
            <translation>已保存：此后生成的消息将使用新模板。</translation>
        </message>
        <message>
            <source>Chinese</source>
            <translation>中文</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <source>Messages are written in {language}</source>
            <translation>消息语言：{language}</translation>
        </message>
        <message>
            <source>Text, as the members get it</source>
            <translation>内容（会员收到的消息）</translation>
        </message>
    </context>
    <context>
        <name>UpgradeNotice</name>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>The database was upgraded from version {old} to {new}.</source>
            <translation>数据库已从 {old} 升级到 {new}。</translation>
        </message>
        <message>
            <source>The database was upgraded from version {old} to {new}; the backup made before the upgrade is in {file}</source>
            <translation>数据库已从 {old} 升级到 {new}，升级前的备份在 {file}</translation>
        </message>
    </context>
    <context>
        <name>PriceDialog</name>
        <message>
            <source>Change the price</source>
            <translation>改价</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>List price</source>
            <translation>原价</translation>
        </message>
        <message>
            <source>New price (yuan)</source>
            <translation>新价格（元）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Confirm (Enter)</source>
            <translation>确认 (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <source>A manager approves erasing this member's personal data.</source>
            <translation>注销该会员的个人信息需要店长确认。</translation>
        </message>
        <message>
            <source>Erase personal data</source>
            <translation>注销个人信息</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Name, phone, birthday, health needs, notes, feedback comments and contact notes are erased for good. Sales, points and totals stay; the member shows as an erased member.</source>
            <translation>姓名、手机号、生日、健康需求、备注、评价和回访记录将被永久删除。消费、积分和各项合计保留；该会员显示为“已注销会员”。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Type the card number to confirm</source>
            <translation>输入卡号以确认</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <source>Database server</source>
            <translation>数据库服务器</translation>
        </message>
        <message>
            <source>e.g. 192.168.1.10</source>
            <translation>例如 192.168.1.10</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Database in use</source>
            <translation>当前数据库</translation>
        </message>
        <message>
            <source>Server (host)</source>
            <translation>服务器（主机）</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Database name</source>
            <translation>数据库名</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Several tills share one PostgreSQL server.</source>
            <translation>多台收银台共用一台 PostgreSQL 服务器。</translation>
        </message>
        <message>
            <source>Connecting to the server…</source>
            <translation>正在连接服务器…</translation>
        </message>
        <message>
            <source>Saved. Restart the till to work on %1.</source>
            <translation>已保存。请重新启动收银台，之后使用 %1。</translation>
        </message>
        <message>
            <source>Connected. The database is empty: the till sets the clinic up there.</source>
            <translation>连接成功。数据库是空的：收银台重新启动后会在其中建立本店资料。</translation>
        </message>
        <message>
            <source>Connected. The database is at this till's version (%1).</source>
            <translation>连接成功。数据库与本收银台版本一致（%1）。</translation>
        </message>
        <message>
            <source>Connected. The database is at an older version (%1): the till upgrades it on its next start. Have the server backed up first.</source>
            <translation>连接成功。数据库是旧版本（%1）：收银台下次启动时会升级它。请先备份服务器。</translation>
        </message>
        <message>
            <source>Connected, but the database was written by a newer spa-pos (%1): upgrade this till first.</source>
            <translation>已连接，但数据库是更新版本的 spa-pos 写的（%1）：请先升级本收银台。</translation>
        </message>
    </context>
    <context>
        <name>KeysDialog</name>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Keys file</source>
            <translation>密钥文件</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>口令</translation>
        </message>
    </context>
    <context>
        <name>KeysExportDialog</name>
        <message>
            <source>Export the clinic's keys</source>
            <translation>导出本店密钥</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>再输一次口令</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Another till of this clinic needs these keys to sign the audit trail and to check voucher codes. Keep the file and its passphrase apart.</source>
            <translation>本店的其他收银台需要这套密钥来签署审计记录、核验兑换券。密钥文件和口令请分开保管。</translation>
        </message>
        <message>
            <source>Choose where to write the keys file.</source>
            <translation>请选择密钥文件保存的位置。</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>两次输入的口令不一致。</translation>
        </message>
        <message>
            <source>The keys were written to {file}.</source>
            <translation>密钥已写入 {file}。</translation>
        </message>
    </context>
    <context>
        <name>KeysImportDialog</name>
        <message>
            <source>Import the clinic's keys</source>
            <translation>导入本店密钥</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>On a till already in use, a manager chooses Manage → Export keys…; choose that file here and type its passphrase.</source>
            <translation>在已在使用的收银台，由店长选择 管理 → 导出密钥…；在这里选择该文件并输入口令。</translation>
        </message>
        <message>
            <source>Choose the keys file.</source>
            <translation>请选择密钥文件。</translation>
        </message>
    </context>
</TS>