<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong and has been logged. You can go on working; if it happens again, call support.

{error}</source>
        <translation>Something went wrong and has been logged. You can go on working; if it happens again, call support.

{error}</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>{n} free</source>
        <translation>{n} free</translation>
    </message>
    <message>
        <source>Remove (Delete)</source>
        <translation>Remove (Delete)</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <source>Code, name or pinyin — Enter adds, ZJTN*2 adds two</source>
        <translation>Code, name or pinyin — Enter adds, ZJTN*2 adds two</translation>
    </message>
    <message>
        <source>VOUCHERS</source>
        <translation>VOUCHERS</translation>
    </message>
    <message>
        <source>Member's vouchers</source>
        <translation>Member's vouchers</translation>
    </message>
    <message>
        <source>Remove voucher</source>
        <translation>Remove voucher</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <source>AMOUNT DUE</source>
        <translation>AMOUNT DUE</translation>
    </message>
    <message>
        <source>Use course session</source>
        <translation>Use course session</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>Pay (F12)</source>
        <translation>Pay (F12)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>No item matches “{text}”</source>
        <translation>No item matches “{text}”</translation>
    </message>
    <message>
        <source>Voucher refused: {reason}</source>
        <translation>Voucher refused: {reason}</translation>
    </message>
    <message>
        <source>Voucher {code} is already in this sale</source>
        <translation>Voucher {code} is already in this sale</translation>
    </message>
    <message>
        <source>Voucher {code} added: {reward}</source>
        <translation>Voucher {code} added: {reward}</translation>
    </message>
    <message>
        <source>takes {amount} off</source>
        <translation>takes {amount} off</translation>
    </message>
    <message>
        <source>makes one {item} free</source>
        <translation>makes one {item} free</translation>
    </message>
    <message>
        <source>{course}: {left} left</source>
        <translation>{course}: {left} left</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <source>Phone, last 4 digits, card, name or pinyin</source>
        <translation>Phone, last 4 digits, card, name or pinyin</translation>
    </message>
    <message>
        <source>New member (F2)</source>
        <translation>New member (F2)</translation>
    </message>
    <message>
        <source>{name}   {phone}
Card {card}  ·  {points} points</source>
        <translation>{name}   {phone}
Card {card}  ·  {points} points</translation>
    </message>
    <message>
        <source>Type to search; a scanned card or voucher is recognised on its own.</source>
        <translation>Type to search; a scanned card or voucher is recognised on its own.</translation>
    </message>
    <message>
        <source>{n} found — ↑↓ to choose, Enter to open</source>
        <translation>{n} found — ↑↓ to choose, Enter to open</translation>
    </message>
    <message>
        <source>No member found. Register them with F2.</source>
        <translation>No member found. Register them with F2.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Member lookup  F1</source>
        <translation>Member lookup  F1</translation>
    </message>
    <message>
        <source>Checkout  F3</source>
        <translation>Checkout  F3</translation>
    </message>
    <message>
        <source>Redeem points  F4</source>
        <translation>Redeem points  F4</translation>
    </message>
    <message>
        <source>Today's sales  F5</source>
        <translation>Today's sales  F5</translation>
    </message>
    <message>
        <source>Settings (F9)</source>
        <translation>Settings (F9)</translation>
    </message>
    <message>
        <source>Switch to walk-in</source>
        <translation>Switch to walk-in</translation>
    </message>
    <message>
        <source>Serve without a member</source>
        <translation>Serve without a member</translation>
    </message>
    <message>
        <source>{clinic} — reception</source>
        <translation>{clinic} — reception</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>Walk-in customer</source>
        <translation>Walk-in customer</translation>
    </message>
    <message>
        <source>{name} · {points} points</source>
        <translation>{name} · {points} points</translation>
    </message>
    <message>
        <source>Use a course session</source>
        <translation>Use a course session</translation>
    </message>
    <message>
        <source>Use one session of {course} for {name}?</source>
        <translation>Use one session of {course} for {name}?</translation>
    </message>
    <message>
        <source>{course}: one session used, {left} left</source>
        <translation>{course}: one session used, {left} left</translation>
    </message>
    <message>
        <source>Course session used</source>
        <translation>Course session used</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Printing is not set up</source>
        <translation>Printing is not set up</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>Sent to the printer</translation>
    </message>
    <message>
        <source>Something went wrong and has been logged:
{error}</source>
        <translation>Something went wrong and has been logged:
{error}</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Cannot do that</translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>Confirm (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>A manager enters the PIN to allow this.</source>
        <translation>A manager enters the PIN to allow this.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member {name}</source>
        <translation>Edit member {name}</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, optional</source>
        <translation>YYYY-MM-DD, optional</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Referrer's phone or card, optional</source>
        <translation>Referrer's phone or card, optional</translation>
    </message>
    <message>
        <source>e.g. insomnia, neck pain</source>
        <translation>e.g. insomnia, neck pain</translation>
    </message>
    <message>
        <source>Agrees to receive offers and reminders</source>
        <translation>Agrees to receive offers and reminders</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Health needs</source>
        <translation>Health needs</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Write the birthday as YYYY-MM-DD, e.g. 1985-06-01</source>
        <translation>Write the birthday as YYYY-MM-DD, e.g. 1985-06-01</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Look a member up by phone, last 4 digits, card number, name or pinyin initials — or scan their card.
New member: F2.</source>
        <translation>Look a member up by phone, last 4 digits, card number, name or pinyin initials — or scan their card.
New member: F2.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Card {card}</source>
        <translation>Card {card}</translation>
    </message>
    <message>
        <source>Birthday {date}</source>
        <translation>Birthday {date}</translation>
    </message>
    <message>
        <source>Referred by {name}</source>
        <translation>Referred by {name}</translation>
    </message>
    <message>
        <source>Perks: {perks}</source>
        <translation>Perks: {perks}</translation>
    </message>
    <message>
        <source>POINTS</source>
        <translation>POINTS</translation>
    </message>
    <message>
        <source>Owes {points} points from a refund; later earnings pay it off first.</source>
        <translation>Owes {points} points from a refund; later earnings pay it off first.</translation>
    </message>
    <message>
        <source>{points} points expire on {date}</source>
        <translation>{points} points expire on {date}</translation>
    </message>
    <message>
        <source>{points} more points for {reward}</source>
        <translation>{points} more points for {reward}</translation>
    </message>
    <message>
        <source>COURSE SESSIONS</source>
        <translation>COURSE SESSIONS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Use one</source>
        <translation>Use one</translation>
    </message>
    <message>
        <source>{course}: {left} left</source>
        <translation>{course}: {left} left</translation>
    </message>
    <message>
        <source>UNUSED VOUCHERS</source>
        <translation>UNUSED VOUCHERS</translation>
    </message>
    <message>
        <source>Use in sale</source>
        <translation>Use in sale</translation>
    </message>
    <message>
        <source>{reward}  {code}
valid until {date}</source>
        <translation>{reward}  {code}
valid until {date}</translation>
    </message>
    <message>
        <source>LAST VISITS</source>
        <translation>LAST VISITS</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>TAGS</translation>
    </message>
    <message>
        <source>HEALTH NEEDS</source>
        <translation>HEALTH NEEDS</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>None recorded</translation>
    </message>
    <message>
        <source>NOTES</source>
        <translation>NOTES</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Item points</source>
        <translation>Item points</translation>
    </message>
    <message>
        <source>Course bonus</source>
        <translation>Course bonus</translation>
    </message>
    <message>
        <source>Referral bonus</source>
        <translation>Referral bonus</translation>
    </message>
    <message>
        <source>Event points</source>
        <translation>Event points</translation>
    </message>
    <message>
        <source>Streak bonus</source>
        <translation>Streak bonus</translation>
    </message>
    <message>
        <source>Birthday bonus</source>
        <translation>Birthday bonus</translation>
    </message>
    <message>
        <source>Tier bonus</source>
        <translation>Tier bonus</translation>
    </message>
    <message>
        <source>Manual adjustment</source>
        <translation>Manual adjustment</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>Unused</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Partly refunded</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Cash tendered</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Rest</translation>
    </message>
    <message>
        <source>Put the amount still due here</source>
        <translation>Put the amount still due here</translation>
    </message>
    <message>
        <source>Confirm payment (Enter)</source>
        <translation>Confirm payment (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <source>Paid {amount}</source>
        <translation>Paid {amount}</translation>
    </message>
    <message>
        <source>Still due {amount}</source>
        <translation>Still due {amount}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Change {amount}</translation>
    </message>
</context>
<context>
    <name>RedeemPage</name>
    <message>
        <source>Choose a member first (F1)</source>
        <translation>Choose a member first (F1)</translation>
    </message>
    <message>
        <source>Rewards for {name}</source>
        <translation>Rewards for {name}</translation>
    </message>
    <message>
        <source>{points} points available</source>
        <translation>{points} points available</translation>
    </message>
    <message>
        <source>Choose a member</source>
        <translation>Choose a member</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>{points} points short</source>
        <translation>{points} points short</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} points</translation>
    </message>
    <message>
        <source>{n} in stock</source>
        <translation>{n} in stock</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Redeem</translation>
    </message>
    <message>
        <source>Redeem {reward} for {name} with {points} points?</source>
        <translation>Redeem {reward} for {name} with {points} points?</translation>
    </message>
</context>
<context>
    <name>SaleSummaryDialog</name>
    <message>
        <source>Sale {no}</source>
        <translation>Sale {no}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <source>Sale {no} is paid</source>
        <translation>Sale {no} is paid</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <source>+{points} points</source>
        <translation>+{points} points</translation>
    </message>
    <message>
        <source>POINTS EARNED</source>
        <translation>POINTS EARNED</translation>
    </message>
    <message>
        <source>Referrer {card} gets {points} points</source>
        <translation>Referrer {card} gets {points} points</translation>
    </message>
    <message>
        <source>New balance {points}</source>
        <translation>New balance {points}</translation>
    </message>
</context>
<context>
    <name>SalesModel</name>
    <message>
        <source>Sale no.</source>
        <translation>Sale no.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Clinic name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>The clinic needs a name.</source>
        <translation>The clinic needs a name.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Welcome — first set-up</source>
        <translation>Welcome — first set-up</translation>
    </message>
    <message>
        <source>Your clinic</source>
        <translation>Your clinic</translation>
    </message>
    <message>
        <source>Printed on receipts and vouchers.</source>
        <translation>Printed on receipts and vouchers.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Clinic name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <source>Load the demo catalog: treatments, a course package, products and rewards</source>
        <translation>Load the demo catalog: treatments, a course package, products and rewards</translation>
    </message>
    <message>
        <source>You can change prices and items later.</source>
        <translation>You can change prices and items later.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Sale number, then Enter</source>
        <translation>Sale number, then Enter</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>Refund ticked lines</source>
        <translation>Refund ticked lines</translation>
    </message>
    <message>
        <source>Refund whole sale</source>
        <translation>Refund whole sale</translation>
    </message>
    <message>
        <source>Today: {n} sales, {amount}</source>
        <translation>Today: {n} sales, {amount}</translation>
    </message>
    <message>
        <source>Sale not found</source>
        <translation>Sale not found</translation>
    </message>
    <message>
        <source>There is no sale {no}.</source>
        <translation>There is no sale {no}.</translation>
    </message>
    <message>
        <source>CHOOSE A SALE</source>
        <translation>CHOOSE A SALE</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>SALE {no} · {who} · {time}</source>
        <translation>SALE {no} · {who} · {time}</translation>
    </message>
    <message>
        <source>{no}. {name} × {qty}   {amount}</source>
        <translation>{no}. {name} × {qty}   {amount}</translation>
    </message>
    <message>
        <source>(refunded)</source>
        <translation>(refunded)</translation>
    </message>
    <message>
        <source>Paid: {paid} · change {change} · cashier {cashier}</source>
        <translation>Paid: {paid} · change {change} · cashier {cashier}</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Tick the lines to refund first.</source>
        <translation>Tick the lines to refund first.</translation>
    </message>
    <message>
        <source>Refund the whole sale {no}?</source>
        <translation>Refund the whole sale {no}?</translation>
    </message>
    <message>
        <source>Refund lines {lines} of sale {no}?</source>
        <translation>Refund lines {lines} of sale {no}?</translation>
    </message>
    <message>
        <source>Refund {no}: {amount} back ({how}); {points} points taken back.</source>
        <translation>Refund {no}: {amount} back ({how}); {points} points taken back.</translation>
    </message>
    <message>
        <source>The member now owes {points} points; later earnings pay them off first.</source>
        <translation>The member now owes {points} points; later earnings pay them off first.</translation>
    </message>
    <message>
        <source>Refund done</source>
        <translation>Refund done</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <source>Voucher issued</source>
        <translation>Voucher issued</translation>
    </message>
    <message>
        <source>Valid until {date}</source>
        <translation>Valid until {date}</translation>
    </message>
    <message>
        <source>{spent} points used · balance {balance}</source>
        <translation>{spent} points used · balance {balance}</translation>
    </message>
    <message>
        <source>Print voucher</source>
        <translation>Print voucher</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
</context>
<context>
    <name>_PinPage</name>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Refunds and other manager actions ask for this PIN (4 to 8 digits).</source>
        <translation>Refunds and other manager actions ask for this PIN (4 to 8 digits).</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Repeat PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <source>Use 4 to 8 digits</source>
        <translation>Use 4 to 8 digits</translation>
    </message>
    <message>
        <source>The two PINs differ</source>
        <translation>The two PINs differ</translation>
    </message>
</context>
</TS>
