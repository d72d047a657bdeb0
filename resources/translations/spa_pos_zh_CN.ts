<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../spa_pos/ui/app.py" line="97"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/app.py" line="98"/>
        <source>Something went wrong and has been logged. You can go on working; if it happens again, call support.

{error}</source>
        <translation>出现了一个问题，已记录到日志。您可以继续工作；如果再次出现，请联系技术支持。

{error}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="93"/>
        <source>Back up</source>
        <translation>备份数据</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="100"/>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="104"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="113"/>
        <source>USB drive</source>
        <translation>U 盘</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="114"/>
        <source>Folder</source>
        <translation>备份到</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="115"/>
        <source>Passphrase (optional)</source>
        <translation>备份口令（可选）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="116"/>
        <source>Repeat passphrase</source>
        <translation>再输一次口令</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="131"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="133"/>
        <source>Back up now (Enter)</source>
        <translation>开始备份 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="145"/>
        <source>Plug in the USB drive, choose it (or a folder on it) and start. Without a passphrase the copy is not encrypted; a forgotten passphrase cannot be recovered.</source>
        <translation>插入 U 盘，选择它（或其中的文件夹）后开始备份。不设口令则备份不加密；口令一旦忘记，备份将无法恢复。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="166"/>
        <source>No USB drive found</source>
        <translation>没有找到 U 盘</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="169"/>
        <source>{name} ({path}), {free} free</source>
        <translation>{name}（{path}），可用 {free}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="186"/>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="201"/>
        <source>Choose the USB drive or a folder first.</source>
        <translation>请先选择 U 盘或文件夹。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="205"/>
        <source>The two passphrases are not the same.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="241"/>
        <source>Backup done: {file}
SHA-256 {sha} · {size}{locked}</source>
        <translation>备份完成：{file}
SHA-256 {sha} · {size}{locked}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="245"/>
        <source> · encrypted</source>
        <translation> · 已加密</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/backup_dialog.py" line="258"/>
        <source>The backup failed and has been logged: {error}</source>
        <translation>备份失败，已记录到日志：{error}</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../spa_pos/ui/cart_model.py" line="161"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/cart_model.py" line="162"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/cart_model.py" line="163"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/cart_model.py" line="164"/>
        <source>Voucher</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/cart_model.py" line="165"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/cart_model.py" line="181"/>
        <source>{n} free</source>
        <translation>免单 {n} 份</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/cart_model.py" line="190"/>
        <source>Remove (Delete)</source>
        <translation>移除 (Delete)</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="385"/>
        <source>Catalog</source>
        <translation>项目与商品</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="386"/>
        <source>Services, products and courses</source>
        <translation>服务项目、产品与疗程</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="387"/>
        <source>Show retired items</source>
        <translation>显示已停售项目</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="388"/>
        <source>New item (Ctrl+N)</source>
        <translation>新建项目 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="389"/>
        <source>Edit (Enter)</source>
        <translation>编辑 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="390"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="393"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="394"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="395"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="396"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="397"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="398"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="399"/>
        <source>Course</source>
        <translation>疗程</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="400"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="426"/>
        <source>{sessions} × {service}, valid {days} days</source>
        <translation>{sessions} 次 × {service}，{days} 天内有效</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="428"/>
        <source>{sessions} × {service}</source>
        <translation>{sessions} 次 × {service}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="438"/>
        <source>At the rate</source>
        <translation>按比例</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="440"/>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="440"/>
        <source>Retired</source>
        <translation>已停售</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="113"/>
        <source>Change the manager PIN</source>
        <translation>修改店长密码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="124"/>
        <source>PIN in force</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="125"/>
        <source>New PIN (4–8 digits)</source>
        <translation>新密码（4–8 位数字）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="126"/>
        <source>New PIN again</source>
        <translation>再输一次新密码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="134"/>
        <source>Change PIN (Enter)</source>
        <translation>修改密码 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="137"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="153"/>
        <source>Enter the PIN in force.</source>
        <translation>请输入当前店长密码。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="155"/>
        <source>The PIN is 4 to 8 digits.</source>
        <translation>店长密码应为 4 到 8 位数字。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="157"/>
        <source>The two new PINs are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="200"/>
        <source>Code, name or pinyin — Enter adds, ZJTN*2 adds two</source>
        <translation>编码、名称或拼音 — 回车加入，ZJTN*2 加两份</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="202"/>
        <source>VOUCHERS</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="203"/>
        <source>Member&apos;s vouchers</source>
        <translation>会员的兑换券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="204"/>
        <source>Remove voucher</source>
        <translation>移除兑换券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="205"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="206"/>
        <source>Vouchers</source>
        <translation>兑换券优惠</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="207"/>
        <source>AMOUNT DUE</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="208"/>
        <source>Use course session</source>
        <translation>使用疗程次数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="209"/>
        <source>Clear (Esc)</source>
        <translation>清空 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="210"/>
        <source>Pay (F12)</source>
        <translation>结账 (F12)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="234"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="294"/>
        <source>No item matches “{text}”</source>
        <translation>没有与“{text}”匹配的项目</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="343"/>
        <location filename="../../spa_pos/ui/checkout.py" line="351"/>
        <source>Voucher refused: {reason}</source>
        <translation>兑换券不能使用：{reason}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="347"/>
        <source>Voucher {code} is already in this sale</source>
        <translation>兑换券 {code} 已在本单中</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="361"/>
        <source>Voucher {code} added: {reward}</source>
        <translation>已加入兑换券 {code}：{reward}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="372"/>
        <source>takes {amount} off</source>
        <translation>抵扣 {amount}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="374"/>
        <source>makes one {item} free</source>
        <translation>免单一份{item}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/checkout.py" line="410"/>
        <source>{course}: {left} left</source>
        <translation>{course}：剩余 {left} 次</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="84"/>
        <source>End-of-day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="112"/>
        <source>Print Z report</source>
        <translation>打印日结单</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="115"/>
        <source>Reopen (manager)</source>
        <translation>撤销日结（店长）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="118"/>
        <source>Close window (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="120"/>
        <source>Close the day (Enter)</source>
        <translation>日结 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="129"/>
        <source>Business date</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="155"/>
        <location filename="../../spa_pos/ui/day_close.py" line="342"/>
        <source>Expected cash in the drawer</source>
        <translation>钱箱应有现金</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="156"/>
        <location filename="../../spa_pos/ui/day_close.py" line="346"/>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="157"/>
        <location filename="../../spa_pos/ui/day_close.py" line="347"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="170"/>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="171"/>
        <source>List price total</source>
        <translation>原价合计</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="172"/>
        <source>Vouchers and coupons</source>
        <translation>兑换券和优惠券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="173"/>
        <source>Revenue</source>
        <translation>营业额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="180"/>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="181"/>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="188"/>
        <source>Net revenue</source>
        <translation>净营业额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="190"/>
        <source>Reward vouchers used</source>
        <translation>使用兑换券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="191"/>
        <source>Coupons used</source>
        <translation>使用优惠券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="192"/>
        <source>Points issued</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="193"/>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="194"/>
        <source>Points expired</source>
        <translation>过期积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="195"/>
        <source>Points taken back by refunds</source>
        <translation>退款扣回积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="196"/>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="199"/>
        <source>SALES</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="200"/>
        <source>REFUNDS</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="201"/>
        <source>VOUCHERS, POINTS AND MEMBERS</source>
        <translation>兑换券、积分和会员</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="235"/>
        <source>Closed on {time} by {who}. The report is read-only; a manager can reopen the day.</source>
        <translation>已于 {time} 由 {who} 日结。日结单只读；店长可以撤销日结。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="241"/>
        <source>Not closed yet. Count the cash in the drawer, then close the day.</source>
        <translation>尚未日结。请清点钱箱现金，然后日结。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="273"/>
        <source>{amount} (matches)</source>
        <translation>{amount}（相符）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="275"/>
        <source>+{amount} (over)</source>
        <translation>+{amount}（多）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="277"/>
        <source>{amount} (short)</source>
        <translation>{amount}（少）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="315"/>
        <source>Reopen the close of {date}? The day can then be closed again.</source>
        <translation>撤销 {date} 的日结？之后可以重新日结。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="329"/>
        <source>Z report</source>
        <translation>日结单</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="329"/>
        <source>Z report (not closed)</source>
        <translation>日结单（未日结）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="331"/>
        <source>Business date {date}</source>
        <translation>营业日 {date}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="340"/>
        <source>CASH</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="350"/>
        <source>Closed on {time} by {who}</source>
        <translation>{time} 由 {who} 日结</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="361"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="364"/>
        <source>Z report {date}</source>
        <translation>日结单 {date}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="372"/>
        <source>Printing failed: {reason}</source>
        <translation>打印失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="374"/>
        <source>Saved as {file}</source>
        <translation>已保存：{file}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/day_close.py" line="376"/>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="103"/>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="103"/>
        <source>New item</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="110"/>
        <source>Letters and digits, e.g. JJ1</source>
        <translation>字母和数字，如 JJ1</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="118"/>
        <source>The clinic&apos;s own, e.g. 肩颈, 艾灸, 产品</source>
        <translation>本店自己的类别，如 肩颈、艾灸、产品</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="123"/>
        <source>Yuan, e.g. 168 or 12.5</source>
        <translation>元，如 168 或 12.5</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="125"/>
        <source>Empty: earned at the rate</source>
        <translation>留空：按积分比例计算</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="128"/>
        <source>Code of the treatment, e.g. AJ</source>
        <translation>服务项目的编码，如 AJ</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="130"/>
        <source>Empty: no limit</source>
        <translation>留空：不限期</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="132"/>
        <source>On sale (shown on the till)</source>
        <translation>在售（显示在收银台）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="149"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="150"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="151"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="152"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="153"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="154"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="155"/>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="156"/>
        <source>Sessions of</source>
        <translation>对应项目</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="157"/>
        <source>Valid days</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="158"/>
        <source>Order on the till</source>
        <translation>收银台排序</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="159"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="178"/>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="181"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="238"/>
        <source>Enter a whole number</source>
        <translation>请输入整数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="241"/>
        <source>Enter the price in yuan</source>
        <translation>请输入价格（元）</translation>
    </message>
</context>
<context>
    <name>ItemKind</name>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="68"/>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="69"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/catalog_screen.py" line="70"/>
        <source>Course</source>
        <translation>疗程</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="52"/>
        <source>BACKGROUND JOBS (F7)</source>
        <translation>后台任务 (F7)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="55"/>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="56"/>
        <source>As of</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="57"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="58"/>
        <source>Changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="59"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="67"/>
        <source>Run now (manager)</source>
        <translation>立即运行（店长）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="100"/>
        <source>Run “{job}” now?</source>
        <translation>立即运行“{job}”？</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/jobs_panel.py" line="109"/>
        <source>{job}: {changed} changed</source>
        <translation>{job}：变更 {changed} 项</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <location filename="../../spa_pos/ui/lookup.py" line="79"/>
        <source>Phone, last 4 digits, card, name or pinyin</source>
        <translation>手机号、尾号4位、卡号、姓名或拼音</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/lookup.py" line="80"/>
        <source>New member (F2)</source>
        <translation>登记新会员 (F2)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/lookup.py" line="118"/>
        <source>{name}   {phone}
Card {card}  ·  {points} points</source>
        <translation>{name}   {phone}
卡号 {card}  ·  {points} 积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/lookup.py" line="136"/>
        <source>Type to search; a scanned card or voucher is recognised on its own.</source>
        <translation>输入即可查找；扫会员卡或兑换券会自动识别。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/lookup.py" line="140"/>
        <source>{n} found — ↑↓ to choose, Enter to open</source>
        <translation>找到 {n} 位 — ↑↓ 选择，回车打开</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/lookup.py" line="143"/>
        <source>No member found. Register them with F2.</source>
        <translation>没有找到会员。按 F2 登记新会员。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="104"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="225"/>
        <source>Member lookup  F1</source>
        <translation>会员查询  F1</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="226"/>
        <source>Checkout  F3</source>
        <translation>收银  F3</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="227"/>
        <source>Redeem points  F4</source>
        <translation>积分兑换  F4</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="228"/>
        <source>Today&apos;s sales  F5</source>
        <translation>今日流水  F5</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="229"/>
        <source>Manage  F7</source>
        <translation>管理  F7</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="232"/>
        <source>Settings (F9)</source>
        <translation>设置 (F9)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="233"/>
        <source>Switch to walk-in</source>
        <translation>改为散客</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="234"/>
        <source>Serve without a member</source>
        <translation>不选会员，按散客收银</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="246"/>
        <source>{clinic} — reception</source>
        <translation>{clinic} — 前台收银</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="248"/>
        <source>Reception</source>
        <translation>前台收银</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="371"/>
        <source>Walk-in customer</source>
        <translation>散客（未选会员）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="375"/>
        <source>{name} · {points} points</source>
        <translation>{name} · {points} 积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="470"/>
        <source>Use a course session</source>
        <translation>使用疗程次数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="471"/>
        <source>Use one session of {course} for {name}?</source>
        <translation>确认为 {name} 使用一次{course}？</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="482"/>
        <source>{course}: one session used, {left} left</source>
        <translation>{course}：已使用一次，剩余 {left} 次</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="486"/>
        <source>Course session used</source>
        <translation>已使用疗程次数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="491"/>
        <source>Printing {ref}…</source>
        <translation>正在打印 {ref}…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="496"/>
        <source>Saved as {file}</source>
        <translation>已保存：{file}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="498"/>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="507"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="509"/>
        <source>The backup {file} is back in place. The data before it was kept as {safety}.</source>
        <translation>已恢复备份 {file}。恢复前的数据已保存为 {safety}。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="520"/>
        <source>Something went wrong and has been logged:
{error}</source>
        <translation>出现了一个问题，已记录到日志：
{error}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/main_window.py" line="523"/>
        <source>Cannot do that</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>ManagePage</name>
    <message>
        <location filename="../../spa_pos/ui/manage.py" line="86"/>
        <source>Close, back up, print queue and jobs</source>
        <translation>日结、备份、打印队列和后台任务</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/manage.py" line="87"/>
        <source>End-of-day close (F6)</source>
        <translation>日结 (F6)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/manage.py" line="88"/>
        <source>Back up (F10)</source>
        <translation>备份 (F10)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/manage.py" line="89"/>
        <source>Restore…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/manage.py" line="90"/>
        <source>Catalog…</source>
        <translation>项目与商品…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/manage.py" line="91"/>
        <source>Rewards…</source>
        <translation>积分商城…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/manage.py" line="133"/>
        <source>Change the catalog: services, products, courses and prices.</source>
        <translation>修改项目目录：服务项目、产品、疗程和价格。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/manage.py" line="139"/>
        <source>Change the rewards and their stock.</source>
        <translation>修改兑换项和库存。</translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="40"/>
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="51"/>
        <source>Confirm (Enter)</source>
        <translation>确认 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="54"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/pin_dialog.py" line="62"/>
        <source>A manager enters the PIN to allow this.</source>
        <translation>此操作需要店长输入密码确认。</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="59"/>
        <source>Edit member {name}</source>
        <translation>编辑会员 · {name}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="61"/>
        <source>New member</source>
        <translation>登记新会员</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="71"/>
        <source>YYYY-MM-DD, optional</source>
        <translation>YYYY-MM-DD，可不填</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="73"/>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="74"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="75"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="77"/>
        <source>Referrer&apos;s phone or card, optional</source>
        <translation>推荐人手机号或卡号，可不填</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="79"/>
        <source>e.g. insomnia, neck pain</source>
        <translation>例如：失眠调理、颈椎不适</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="81"/>
        <source>Agrees to receive offers and reminders</source>
        <translation>同意接收优惠和提醒信息</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="88"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="89"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="90"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="91"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="92"/>
        <source>Referrer</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="99"/>
        <source>Health needs</source>
        <translation>健康需求</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="100"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="103"/>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="106"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_dialog.py" line="152"/>
        <source>Write the birthday as YYYY-MM-DD, e.g. 1985-06-01</source>
        <translation>生日请写成 YYYY-MM-DD，例如 1985-06-01</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="52"/>
        <source>Look a member up by phone, last 4 digits, card number, name or pinyin initials — or scan their card.
New member: F2.</source>
        <translation>用手机号、尾号4位、卡号、姓名或拼音首字母查找会员，也可以直接扫会员卡。
登记新会员：F2。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="98"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="104"/>
        <source>Card {card}</source>
        <translation>卡号 {card}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="106"/>
        <source>Birthday {date}</source>
        <translation>生日 {date}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="108"/>
        <source>Referred by {name}</source>
        <translation>推荐人 {name}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="112"/>
        <source>Perks: {perks}</source>
        <translation>会员礼遇：{perks}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="119"/>
        <source>POINTS</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="127"/>
        <source>Owes {points} points from a refund; later earnings pay it off first.</source>
        <translation>因退款欠 {points} 分，之后的消费积分会先抵扣。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="135"/>
        <source>{points} points expire on {date}</source>
        <translation>{points} 分将于 {date} 到期</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="146"/>
        <source>{points} more points for {reward}</source>
        <translation>再积 {points} 分可兑换{reward}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="157"/>
        <source>COURSE SESSIONS</source>
        <translation>疗程余次</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="159"/>
        <location filename="../../spa_pos/ui/member_panel.py" line="181"/>
        <location filename="../../spa_pos/ui/member_panel.py" line="217"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="161"/>
        <source>Use one</source>
        <translation>使用一次</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="166"/>
        <source>{course}: {left} left</source>
        <translation>{course}：剩余 {left} 次</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="179"/>
        <source>UNUSED VOUCHERS</source>
        <translation>未使用的兑换券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="183"/>
        <source>Use in sale</source>
        <translation>用于本单</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="186"/>
        <source>{reward}  {code}
valid until {date}</source>
        <translation>{reward}  {code}
有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="198"/>
        <source>LAST VISITS</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="200"/>
        <source>No visits yet</source>
        <translation>还没有到店记录</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="212"/>
        <source>TAGS</source>
        <translation>会员标签</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="220"/>
        <source>HEALTH NEEDS</source>
        <translation>健康需求</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="222"/>
        <location filename="../../spa_pos/ui/member_panel.py" line="226"/>
        <source>None recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/member_panel.py" line="224"/>
        <source>NOTES</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="93"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="94"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="95"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="96"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="99"/>
        <source>Item points</source>
        <translation>项目积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="100"/>
        <source>Course bonus</source>
        <translation>疗程奖励</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="101"/>
        <source>Referral bonus</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="102"/>
        <source>Event points</source>
        <translation>活动积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="103"/>
        <source>Streak bonus</source>
        <translation>连续消费奖励</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="104"/>
        <source>Birthday bonus</source>
        <translation>生日加倍</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="105"/>
        <source>Tier bonus</source>
        <translation>会员等级加成</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="106"/>
        <source>Manual adjustment</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="109"/>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="110"/>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="111"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="112"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="115"/>
        <source>Treatment</source>
        <translation>理疗项目</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="116"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="117"/>
        <source>Gift</source>
        <translation>特色礼品</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="120"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="121"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="122"/>
        <source>Partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="126"/>
        <source>Points expiry</source>
        <translation>积分过期</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="127"/>
        <source>Streak bonuses</source>
        <translation>连续消费奖励</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="128"/>
        <source>Member reminders</source>
        <translation>会员提醒</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="129"/>
        <source>Member tags</source>
        <translation>会员标签</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="130"/>
        <source>End-of-day backup</source>
        <translation>日终备份</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="133"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="134"/>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/i18n.py" line="135"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="42"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="53"/>
        <source>Cash tendered</source>
        <translation>现金实收</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="61"/>
        <source>Rest</source>
        <translation>补足</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="63"/>
        <source>Put the amount still due here</source>
        <translation>把还差的金额填在这里</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="77"/>
        <source>Confirm payment (Enter)</source>
        <translation>确认收款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="80"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="84"/>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="131"/>
        <source>Paid {amount}</source>
        <translation>已付 {amount}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="134"/>
        <source>Still due {amount}</source>
        <translation>还差 {amount}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="138"/>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
</context>
<context>
    <name>PrintNotice</name>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="147"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="148"/>
        <source>Print queue (F8)</source>
        <translation>打印队列 (F8)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="149"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="151"/>
        <source>Printing failed, kept in the print queue: {reason}</source>
        <translation>打印失败，已保留在打印队列：{reason}</translation>
    </message>
</context>
<context>
    <name>PrintQueuePanel</name>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="60"/>
        <source>PRINT QUEUE (F8)</source>
        <translation>打印队列 (F8)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="63"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="64"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="65"/>
        <source>Queued</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="66"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="67"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="70"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="71"/>
        <source>Retry all</source>
        <translation>重试全部</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="84"/>
        <source>Voucher</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="85"/>
        <source>Refund receipt</source>
        <translation>退款小票</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="85"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="96"/>
        <source>not printed yet</source>
        <translation>尚未打印</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/print_queue_panel.py" line="105"/>
        <source>Nothing waiting: everything was printed.</source>
        <translation>没有待打印的单据。</translation>
    </message>
</context>
<context>
    <name>PrinterForm</name>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="30"/>
        <source>PDF folder</source>
        <translation>PDF 文件夹</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="31"/>
        <source>Network thermal printer</source>
        <translation>网络热敏打印机</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="32"/>
        <source>USB thermal printer</source>
        <translation>USB 热敏打印机</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="33"/>
        <source>Serial thermal printer</source>
        <translation>串口热敏打印机</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="34"/>
        <source>System printer</source>
        <translation>系统打印机</translation>
    </message>
    <message>
        <source>The USB {what} should look like 0x0416.</source>
        <translation>USB {what}的格式应为 0x0416。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="72"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="96"/>
        <source>Default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="101"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="102"/>
        <source>Address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="102"/>
        <location filename="../../spa_pos/ui/printer_settings.py" line="104"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="103"/>
        <source>Vendor id</source>
        <translation>厂商 ID</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="103"/>
        <source>Product id</source>
        <translation>产品 ID</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="104"/>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="105"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="110"/>
        <source>{mm} mm</source>
        <translation>{mm} 毫米</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="112"/>
        <source>Open the cash drawer when cash is paid</source>
        <translation>现金付款时打开钱箱</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="117"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="119"/>
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/printer_settings.py" line="141"/>
        <source>Folder for receipts (PDF)</source>
        <translation>小票（PDF）文件夹</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s network address.</source>
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
        <location filename="../../spa_pos/ui/redeem.py" line="108"/>
        <source>Choose a member first (F1)</source>
        <translation>请先选择会员 (F1)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="111"/>
        <source>Rewards for {name}</source>
        <translation>{name} 可兑换的礼遇</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="113"/>
        <source>{points} points available</source>
        <translation>可用 {points} 积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="132"/>
        <source>Choose a member</source>
        <translation>请先选择会员</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="134"/>
        <source>Out of stock</source>
        <translation>已兑完</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="137"/>
        <source>{points} points short</source>
        <translation>还差 {points} 分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="148"/>
        <source>{points} points</source>
        <translation>{points} 分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="143"/>
        <source>{n} in stock</source>
        <translation>库存 {n}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="150"/>
        <location filename="../../spa_pos/ui/redeem.py" line="165"/>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="166"/>
        <source>Redeem {reward} for {name} with {points} points?</source>
        <translation>确认用 {points} 积分为 {name} 兑换{reward}？</translation>
    </message>
</context>
<context>
    <name>RestockDialog</name>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="292"/>
        <source>Restock {name}</source>
        <translation>补货 {name}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="297"/>
        <source>e.g. 10, or -2 for breakage</source>
        <translation>如 10；损坏减少填 -2</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="300"/>
        <source>e.g. delivery, breakage, stock count</source>
        <translation>如 到货、损坏、盘点</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="306"/>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="307"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="310"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="311"/>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="314"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="320"/>
        <source>In stock now: {stock}</source>
        <translation>现有库存: {stock}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="333"/>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="335"/>
        <source>Enter a whole number</source>
        <translation>请输入整数</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="75"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="82"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="84"/>
        <source>List backups</source>
        <translation>查找备份</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="95"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="96"/>
        <source>Passphrase</source>
        <translation>备份口令</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="99"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="101"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="113"/>
        <source>Everything done since the backup was made is replaced. A safety copy of the current data is kept first.</source>
        <translation>备份之后的所有数据都会被替换。恢复前会先保存一份当前数据的安全副本。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="130"/>
        <source>Choose the folder with the backups</source>
        <translation>选择存放备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="156"/>
        <source>{time} · {clinic} · {size}</source>
        <translation>{time} · {clinic} · {size}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="162"/>
        <source> · encrypted</source>
        <translation> · 已加密</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="169"/>
        <source>There is no backup in this folder.</source>
        <translation>这个文件夹里没有备份。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="187"/>
        <source>This backup is encrypted: enter its passphrase.</source>
        <translation>这份备份已加密，请输入备份口令。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="191"/>
        <source>Restore the backup of {time}?</source>
        <translation>恢复 {time} 的备份？</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="203"/>
        <source>Restore</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="205"/>
        <source>Replace the current data with the backup of {time}?

A safety copy of the current data is kept first (in the “safety” folder next to the database). The window reloads afterwards.</source>
        <translation>用 {time} 的备份替换当前数据？

恢复前会先保存一份当前数据的安全副本（在数据库旁的“safety”文件夹中）。恢复后窗口会重新载入。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/restore_dialog.py" line="241"/>
        <source>That did not work and has been logged: {error}</source>
        <translation>操作失败，已记录到日志：{error}</translation>
    </message>
</context>
<context>
    <name>RewardDialog</name>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="92"/>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="92"/>
        <source>New reward</source>
        <translation>新建兑换项</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="97"/>
        <source>Letters and digits, e.g. RJJ1</source>
        <translation>字母和数字，如 RJJ1</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="100"/>
        <source>Points, e.g. 300</source>
        <translation>积分，如 300</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="102"/>
        <source>A coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="106"/>
        <source>Yuan, e.g. 20</source>
        <translation>元，如 20</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="108"/>
        <source>Empty: unlimited</source>
        <translation>留空：不限库存</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="109"/>
        <source>Offered (can be redeemed)</source>
        <translation>可兑换</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="121"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="122"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="123"/>
        <source>Cost in points</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="124"/>
        <source>The voucher gives</source>
        <translation>兑换内容</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="125"/>
        <source>Coupon amount</source>
        <translation>优惠券面额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="126"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="127"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="139"/>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="142"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="191"/>
        <source>Enter a whole number</source>
        <translation>请输入整数</translation>
    </message>
</context>
<context>
    <name>RewardsDialog</name>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="410"/>
        <source>Rewards</source>
        <translation>积分商城</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="411"/>
        <source>Rewards for points</source>
        <translation>积分兑换项</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="412"/>
        <source>New reward (Ctrl+N)</source>
        <translation>新建兑换项 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="413"/>
        <source>Edit (Enter)</source>
        <translation>编辑 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="414"/>
        <source>Restock (Ctrl+R)</source>
        <translation>补货 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="415"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="416"/>
        <source>Stock history</source>
        <translation>库存记录</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="419"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="420"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="421"/>
        <source>Cost</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="422"/>
        <source>The voucher gives</source>
        <translation>兑换内容</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="423"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="424"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="429"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="430"/>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="431"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="432"/>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="433"/>
        <source>Stock after</source>
        <translation>变动后库存</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="434"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="458"/>
        <source>Coupon {amount}</source>
        <translation>优惠券 {amount}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="463"/>
        <source>{points} points</source>
        <translation>{points} 分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="465"/>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="499"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="466"/>
        <source>Offered</source>
        <translation>可兑换</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/rewards_screen.py" line="466"/>
        <source>Retired</source>
        <translation>已停售</translation>
    </message>
</context>
<context>
    <name>SaleSummaryDialog</name>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="176"/>
        <source>Sale {no}</source>
        <translation>销售单 {no}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="183"/>
        <source>Total</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="183"/>
        <source>Paid</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="189"/>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="197"/>
        <source>Sale {no} is paid</source>
        <translation>销售单 {no} 已收款</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="201"/>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="206"/>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="216"/>
        <source>+{points} points</source>
        <translation>+{points} 积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="219"/>
        <source>POINTS EARNED</source>
        <translation>本次积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="229"/>
        <source>Referrer {card} gets {points} points</source>
        <translation>推荐人 {card} 获得 {points} 分推荐奖励</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/payment_dialog.py" line="235"/>
        <source>New balance {points}</source>
        <translation>积分余额 {points}</translation>
    </message>
</context>
<context>
    <name>SalesModel</name>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="65"/>
        <source>Sale no.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="66"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="67"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="68"/>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="69"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="70"/>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="71"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="96"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="72"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="77"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="87"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="88"/>
        <source>Clinic name</source>
        <translation>店名</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="89"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="90"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="91"/>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="94"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="102"/>
        <source>PRINTER</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="104"/>
        <source>MANAGER PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="106"/>
        <source>Refunds, cancelled vouchers and large adjustments ask for it.</source>
        <translation>退款、作废兑换券和大额积分调整时需要输入。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="110"/>
        <source>Change PIN…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/settings_dialog.py" line="120"/>
        <source>The manager PIN has been changed.</source>
        <translation>店长密码已修改。</translation>
    </message>
    <message>
        <source>The clinic needs a name.</source>
        <translation>请填写店名。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="66"/>
        <source>Welcome — first set-up</source>
        <translation>欢迎 — 首次设置</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="71"/>
        <source>Your clinic</source>
        <translation>您的门店</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="72"/>
        <source>Printed on receipts and vouchers.</source>
        <translation>会打印在小票和兑换券上。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="77"/>
        <source>Clinic name</source>
        <translation>店名</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="78"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="79"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="86"/>
        <source>Catalog</source>
        <translation>项目目录</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="88"/>
        <source>Load the demo catalog: treatments, a course package, products and rewards</source>
        <translation>载入演示目录：理疗项目、疗程套餐、产品和兑换礼遇</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="93"/>
        <source>You can change prices and items later.</source>
        <translation>价格和项目以后可以修改。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="185"/>
        <source>Sale number, then Enter</source>
        <translation>输入销售单号，回车查找</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="186"/>
        <source>Reprint receipt</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="187"/>
        <source>Refund ticked lines</source>
        <translation>退勾选的行</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="188"/>
        <source>Refund whole sale</source>
        <translation>整单退款</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="218"/>
        <source>Today: {n} sales, {amount}</source>
        <translation>今日 {n} 笔，共 {amount}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="240"/>
        <source>Sale not found</source>
        <translation>没有找到销售单</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="241"/>
        <source>There is no sale {no}.</source>
        <translation>没有销售单 {no}。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="257"/>
        <source>CHOOSE A SALE</source>
        <translation>请选择一笔销售</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="260"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="262"/>
        <source>SALE {no} · {who} · {time}</source>
        <translation>销售单 {no} · {who} · {time}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="267"/>
        <source>{no}. {name} × {qty}   {amount}</source>
        <translation>{no}. {name} × {qty}   {amount}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="271"/>
        <source>(refunded)</source>
        <translation>（已退）</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="282"/>
        <source>Paid: {paid} · change {change} · cashier {cashier}</source>
        <translation>付款：{paid} · 找零 {change} · 收银 {cashier}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="308"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="308"/>
        <source>Tick the lines to refund first.</source>
        <translation>请先勾选要退款的行。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="311"/>
        <source>Refund the whole sale {no}?</source>
        <translation>整单退款 {no}？</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="313"/>
        <source>Refund lines {lines} of sale {no}?</source>
        <translation>退销售单 {no} 的第 {lines} 行？</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="327"/>
        <source>Refund {no}: {amount} back ({how}); {points} points taken back.</source>
        <translation>退款单 {no}：退回 {amount}（{how}），扣回 {points} 积分。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="335"/>
        <source>The member now owes {points} points; later earnings pay them off first.</source>
        <translation>会员现欠 {points} 分，之后的消费积分会先抵扣。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="337"/>
        <source>Refund done</source>
        <translation>退款完成</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/today.py" line="339"/>
        <source>Print refund receipt</source>
        <translation>打印退款小票</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="195"/>
        <source>Voucher issued</source>
        <translation>兑换成功</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="208"/>
        <source>Valid until {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="214"/>
        <source>{spent} points used · balance {balance}</source>
        <translation>扣 {spent} 分 · 余额 {balance}</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="222"/>
        <source>Print voucher</source>
        <translation>打印兑换券</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/redeem.py" line="225"/>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
</context>
<context>
    <name>_PinPage</name>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="32"/>
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="34"/>
        <source>Refunds and other manager actions ask for this PIN (4 to 8 digits).</source>
        <translation>退款等店长操作需要输入此密码（4 到 8 位数字）。</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="44"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="45"/>
        <source>Repeat PIN</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="50"/>
        <source>Use 4 to 8 digits</source>
        <translation>请输入 4 到 8 位数字</translation>
    </message>
    <message>
        <location filename="../../spa_pos/ui/wizard.py" line="52"/>
        <source>The two PINs differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
</TS>
