<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About spa-pos</source>
            <translation>About spa-pos</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>App version</source>
            <translation>App version</translation>
        </message>
        <message>
            <source>Schema version</source>
            <translation>Schema version</translation>
        </message>
        <message>
            <source>Database schema</source>
            <translation>Database schema</translation>
        </message>
        <message>
            <source>Database file</source>
            <translation>Database file</translation>
        </message>
        <message>
            <source>not created yet</source>
            <translation>not created yet</translation>
        </message>
    </context>
    <context>
        <name>AboutButton</name>
        <message>
            <source>About…</source>
            <translation>About…</translation>
        </message>
    </context>
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
        <name>AuditDialog</name>
        <message>
            <source>Adjustments</source>
            <translation>Adjustments</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>Audit trail</translation>
        </message>
        <message>
            <source>Before → after</source>
            <translation>Before → after</translation>
        </message>
        <message>
            <source>Business day</source>
            <translation>Business day</translation>
        </message>
        <message>
            <source>Catalog item</source>
            <translation>Catalog item</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Dates</translation>
        </message>
        <message>
            <source>Days reopened</source>
            <translation>Days reopened</translation>
        </message>
        <message>
            <source>Export XLSX…</source>
            <translation>Export XLSX…</translation>
        </message>
        <message>
            <source>Export the supervision report</source>
            <translation>Export the supervision report</translation>
        </message>
        <message>
            <source>Exported to {file}</source>
            <translation>Exported to {file}</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Member card</source>
            <translation>Member card</translation>
        </message>
        <message>
            <source>More…</source>
            <translation>More…</translation>
        </message>
        <message>
            <source>On</source>
            <translation>On</translation>
        </message>
        <message>
            <source>Over the limit (approved)</source>
            <translation>Over the limit (approved)</translation>
        </message>
        <message>
            <source>Points +/−</source>
            <translation>Points +/−</translation>
        </message>
        <message>
            <source>Redemptions (points)</source>
            <translation>Redemptions (points)</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Refunded</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>Refunds</translation>
        </message>
        <message>
            <source>Reward</source>
            <translation>Reward</translation>
        </message>
        <message>
            <source>Sale</source>
            <translation>Sale</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Supervision report</source>
            <translation>Supervision report</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>To look into</source>
            <translation>To look into</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <source>Vouchers cancelled</source>
            <translation>Vouchers cancelled</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>{count} entries shown</source>
            <translation>{count} entries shown</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Back up</source>
            <translation>Back up</translation>
        </message>
        <message>
            <source>Look again</source>
            <translation>Look again</translation>
        </message>
        <message>
            <source>Choose folder…</source>
            <translation>Choose folder…</translation>
        </message>
        <message>
            <source>USB drive</source>
            <translation>USB drive</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>Passphrase (optional)</source>
            <translation>Passphrase (optional)</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Repeat passphrase</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>Back up now (Enter)</source>
            <translation>Back up now (Enter)</translation>
        </message>
        <message>
            <source>Plug in the USB drive, choose it (or a folder on it) and start. Without a passphrase the copy is not encrypted; a forgotten passphrase cannot be recovered.</source>
            <translation>Plug in the USB drive, choose it (or a folder on it) and start. Without a passphrase the copy is not encrypted; a forgotten passphrase cannot be recovered.</translation>
        </message>
        <message>
            <source>No USB drive found</source>
            <translation>No USB drive found</translation>
        </message>
        <message>
            <source>{name} ({path}), {free} free</source>
            <translation>{name} ({path}), {free} free</translation>
        </message>
        <message>
            <source>Choose the backup folder</source>
            <translation>Choose the backup folder</translation>
        </message>
        <message>
            <source>Choose the USB drive or a folder first.</source>
            <translation>Choose the USB drive or a folder first.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <source>Backup done: {file}
SHA-256 {sha} · {size}{locked}</source>
            <translation>Backup done: {file}
SHA-256 {sha} · {size}{locked}</translation>
        </message>
        <message>
            <source> · encrypted</source>
            <translation> · encrypted</translation>
        </message>
        <message>
            <source>The backup failed and has been logged: {error}</source>
            <translation>The backup failed and has been logged: {error}</translation>
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
        <message>
            <source>Therapist</source>
            <translation>Therapist</translation>
        </message>
        <message>
            <source>Who does it: click, or select the line and press T</source>
            <translation>Who does it: click, or select the line and press T</translation>
        </message>
        <message>
            <source>choose</source>
            <translation>choose</translation>
        </message>
        <message>
            <source>{price} (changed)</source>
            <translation>{price} (changed)</translation>
        </message>
        <message>
            <source>Change the price: click, or select the line and press P</source>
            <translation>Change the price: click, or select the line and press P</translation>
        </message>
        <message>
            <source>List price {price}; changed because: {reason}</source>
            <translation>List price {price}; changed because: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ChangePinDialog</name>
        <message>
            <source>Change the manager PIN</source>
            <translation>Change the manager PIN</translation>
        </message>
        <message>
            <source>PIN in force</source>
            <translation>PIN in force</translation>
        </message>
        <message>
            <source>New PIN (6+ digits or a passphrase)</source>
            <translation>New PIN (6+ digits or a passphrase)</translation>
        </message>
        <message>
            <source>New PIN again</source>
            <translation>New PIN again</translation>
        </message>
        <message>
            <source>Change PIN (Enter)</source>
            <translation>Change PIN (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <source>Enter the PIN in force.</source>
            <translation>Enter the PIN in force.</translation>
        </message>
        <message>
            <source>The two new PINs are not the same.</source>
            <translation>The two new PINs are not the same.</translation>
        </message>
        <message>
            <source>The PIN is 4 to 8 digits.</source>
            <translation>The PIN is 4 to 8 digits.</translation>
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
            <source>This sale earns {points} points</source>
            <translation>This sale earns {points} points</translation>
        </message>
        <message>
            <source>The cart is empty: add an item first, then F12 pays</source>
            <translation>The cart is empty: add an item first, then F12 pays</translation>
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
        <message>
            <source>Discard the cart</source>
            <translation>Discard the cart</translation>
        </message>
        <message>
            <source>Discard the current cart ({n} items)?</source>
            <translation>Discard the current cart ({n} items)?</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>Keep checking out</source>
            <translation>Keep checking out</translation>
        </message>
        <message>
            <source>No longer on sale, taken out of the cart: {items}</source>
            <translation>No longer on sale, taken out of the cart: {items}</translation>
        </message>
        <message>
            <source>Reopen the day (manager)</source>
            <translation>Reopen the day (manager)</translation>
        </message>
        <message>
            <source>Today ({date}) is already closed: a sale now would be in no Z report, so none can be taken. A manager can reopen the day; close it again at the end of the day.</source>
            <translation>Today ({date}) is already closed: a sale now would be in no Z report, so none can be taken. A manager can reopen the day; close it again at the end of the day.</translation>
        </message>
        <message>
            <source>Reopen the close of {date} to take sales again?</source>
            <translation>Reopen the close of {date} to take sales again?</translation>
        </message>
        <message>
            <source>Nobody</source>
            <translation>Nobody</translation>
        </message>
        <message>
            <source>Change the price of {item} to {price}?</source>
            <translation>Change the price of {item} to {price}?</translation>
        </message>
        <message>
            <source>Sell with the changed prices?</source>
            <translation>Sell with the changed prices?</translation>
        </message>
    </context>
    <context>
        <name>DayCloseDialog</name>
        <message>
            <source>End-of-day close</source>
            <translation>End-of-day close</translation>
        </message>
        <message>
            <source>Print Z report</source>
            <translation>Print Z report</translation>
        </message>
        <message>
            <source>Reopen (manager)</source>
            <translation>Reopen (manager)</translation>
        </message>
        <message>
            <source>Close window (Esc)</source>
            <translation>Close window (Esc)</translation>
        </message>
        <message>
            <source>Close the day (Enter)</source>
            <translation>Close the day (Enter)</translation>
        </message>
        <message>
            <source>Business date</source>
            <translation>Business date</translation>
        </message>
        <message>
            <source>Expected cash in the drawer</source>
            <translation>Expected cash in the drawer</translation>
        </message>
        <message>
            <source>Counted cash</source>
            <translation>Counted cash</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Difference</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>List price total</source>
            <translation>List price total</translation>
        </message>
        <message>
            <source>Vouchers and coupons</source>
            <translation>Vouchers and coupons</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>Refunds</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Refunded</translation>
        </message>
        <message>
            <source>Net revenue</source>
            <translation>Net revenue</translation>
        </message>
        <message>
            <source>Reward vouchers used</source>
            <translation>Reward vouchers used</translation>
        </message>
        <message>
            <source>Coupons used</source>
            <translation>Coupons used</translation>
        </message>
        <message>
            <source>Points issued</source>
            <translation>Points issued</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>Points redeemed</translation>
        </message>
        <message>
            <source>Points expired</source>
            <translation>Points expired</translation>
        </message>
        <message>
            <source>Points taken back by refunds</source>
            <translation>Points taken back by refunds</translation>
        </message>
        <message>
            <source>New members</source>
            <translation>New members</translation>
        </message>
        <message>
            <source>SALES</source>
            <translation>SALES</translation>
        </message>
        <message>
            <source>REFUNDS</source>
            <translation>REFUNDS</translation>
        </message>
        <message>
            <source>VOUCHERS</source>
            <translation>VOUCHERS</translation>
        </message>
        <message>
            <source>POINTS AND MEMBERS (WHOLE CLINIC)</source>
            <translation>POINTS AND MEMBERS (WHOLE CLINIC)</translation>
        </message>
        <message>
            <source>POINTS AND MEMBERS</source>
            <translation>POINTS AND MEMBERS</translation>
        </message>
        <message>
            <source>Closed on {time} by {who}. The report is read-only; a manager can reopen the day.</source>
            <translation>Closed on {time} by {who}. The report is read-only; a manager can reopen the day.</translation>
        </message>
        <message>
            <source>Not closed yet. Count the cash in the drawer, then close the day.</source>
            <translation>Not closed yet. Count the cash in the drawer, then close the day.</translation>
        </message>
        <message>
            <source>{amount} (matches)</source>
            <translation>{amount} (matches)</translation>
        </message>
        <message>
            <source>+{amount} (over)</source>
            <translation>+{amount} (over)</translation>
        </message>
        <message>
            <source>{amount} (short)</source>
            <translation>{amount} (short)</translation>
        </message>
        <message>
            <source>Reopen the close of {date}? The day can then be closed again.</source>
            <translation>Reopen the close of {date}? The day can then be closed again.</translation>
        </message>
        <message>
            <source>Z report</source>
            <translation>Z report</translation>
        </message>
        <message>
            <source>Z report (not closed)</source>
            <translation>Z report (not closed)</translation>
        </message>
        <message>
            <source>Business date {date}</source>
            <translation>Business date {date}</translation>
        </message>
        <message>
            <source>CASH</source>
            <translation>CASH</translation>
        </message>
        <message>
            <source>Closed on {time} by {who}</source>
            <translation>Closed on {time} by {who}</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>Z report {date}</source>
            <translation>Z report {date}</translation>
        </message>
        <message>
            <source>Printing failed: {reason}</source>
            <translation>Printing failed: {reason}</translation>
        </message>
        <message>
            <source>Saved as {file}</source>
            <translation>Saved as {file}</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <translation>Sent to the printer</translation>
        </message>
        <message>
            <source>Audit anchor</source>
            <translation>Audit anchor</translation>
        </message>
        <message>
            <source>Change date…</source>
            <translation>Change date…</translation>
        </message>
        <message>
            <source>{date} (not today)</source>
            <translation>{date} (not today)</translation>
        </message>
        <message>
            <source>cash matches</source>
            <translation>cash matches</translation>
        </message>
        <message>
            <source>over {amount}</source>
            <translation>over {amount}</translation>
        </message>
        <message>
            <source>short {amount}</source>
            <translation>short {amount}</translation>
        </message>
        <message>
            <source>Close the day</source>
            <translation>Close the day</translation>
        </message>
        <message>
            <source>Close the business day {date}?
Expected cash {expected}, counted {counted}: {difference}.</source>
            <translation>Close the business day {date}?
Expected cash {expected}, counted {counted}: {difference}.</translation>
        </message>
        <message>
            <source>Till {till}</source>
            <translation>Till {till}</translation>
        </message>
        <message>
            <source>{till} closed</source>
            <translation>{till} closed</translation>
        </message>
        <message>
            <source>{till} not closed</source>
            <translation>{till} not closed</translation>
        </message>
        <message>
            <source>; </source>
            <translation>; </translation>
        </message>
        <message>
            <source>Whole clinic: {sales} sales, net revenue {net} ({tills}).</source>
            <translation>Whole clinic: {sales} sales, net revenue {net} ({tills}).</translation>
        </message>
    </context>
    <context>
        <name>JobsPanel</name>
        <message>
            <source>BACKGROUND JOBS (F7)</source>
            <translation>BACKGROUND JOBS (F7)</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>Job</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>As of</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Run now (manager)</source>
            <translation>Run now (manager)</translation>
        </message>
        <message>
            <source>Run “{job}” now?</source>
            <translation>Run “{job}” now?</translation>
        </message>
        <message>
            <source>{job}: {changed} changed</source>
            <translation>{job}: {changed} changed</translation>
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
            <source>Till {till}</source>
            <translation>Till {till}</translation>
        </message>
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
            <source>Manage  F7</source>
            <translation>Manage  F7</translation>
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
            <source>Printing {ref}…</source>
            <translation>Printing {ref}…</translation>
        </message>
        <message>
            <source>Saved as {file}</source>
            <translation>Saved as {file}</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <translation>Sent to the printer</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>Restored</translation>
        </message>
        <message>
            <source>The backup {file} is back in place. The data before it was kept as {safety}.</source>
            <translation>The backup {file} is back in place. The data before it was kept as {safety}.</translation>
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
        <message>
            <source>Restored the unfinished cart from last time</source>
            <translation>Restored the unfinished cart from last time</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>The cart is saved as a draft and comes back next time. Quit?</source>
            <translation>The cart is saved as a draft and comes back next time. Quit?</translation>
        </message>
        <message>
            <source>Sign out; the cart stays for the next cashier</source>
            <translation>Sign out; the cart stays for the next cashier</translation>
        </message>
        <message>
            <source>Switch (F11)</source>
            <translation>Switch (F11)</translation>
        </message>
    </context>
    <context>
        <name>ManagePage</name>
        <message>
            <source>Server…</source>
            <translation>Server…</translation>
        </message>
        <message>
            <source>Change which database this till works on.</source>
            <translation>Change which database this till works on.</translation>
        </message>
        <message>
            <source>Audit trail…</source>
            <translation>Audit trail…</translation>
        </message>
        <message>
            <source>Read the audit trail and the supervision report.</source>
            <translation>Read the audit trail and the supervision report.</translation>
        </message>
        <message>
            <source>Back office</source>
            <translation>Back office</translation>
        </message>
        <message>
            <source>Close, back up, print queue and jobs</source>
            <translation>Close, back up, print queue and jobs</translation>
        </message>
        <message>
            <source>End-of-day close (F6)</source>
            <translation>End-of-day close (F6)</translation>
        </message>
        <message>
            <source>Back up (F10)</source>
            <translation>Back up (F10)</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>Restore…</translation>
        </message>
        <message>
            <source>Loyalty rules…</source>
            <translation>Loyalty rules…</translation>
        </message>
        <message>
            <source>Change the loyalty rules?</source>
            <translation>Change the loyalty rules?</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/manage.py" line="90" />
            <source>Catalog…</source>
            <translation>Catalog…</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/manage.py" line="91" />
            <source>Rewards…</source>
            <translation>Rewards…</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/manage.py" line="133" />
            <source>Change the catalog: services, products, courses and prices.</source>
            <translation>Change the catalog: services, products, courses and prices.</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/manage.py" line="139" />
            <source>Change the rewards and their stock.</source>
            <translation>Change the rewards and their stock.</translation>
        </message>
        <message>
            <source>Promotions…</source>
            <translation>Promotions…</translation>
        </message>
        <message>
            <source>Manage promotions</source>
            <translation>Manage promotions</translation>
        </message>
        <message>
            <source>Import and export…</source>
            <translation>Import and export…</translation>
        </message>
        <message>
            <source>Members and numbers</source>
            <translation>Members and numbers</translation>
        </message>
        <message>
            <source>Scheme review…</source>
            <translation>Scheme review…</translation>
        </message>
        <message>
            <source>Review the points scheme</source>
            <translation>Review the points scheme</translation>
        </message>
        <message>
            <source>Export keys…</source>
            <translation>Export keys…</translation>
        </message>
        <message>
            <source>Export the clinic's keys for another till.</source>
            <translation>Export the clinic's keys for another till.</translation>
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
        <message>
            <source>Any manager (by the PIN)</source>
            <translation>Any manager (by the PIN)</translation>
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
        <message>
            <source>Open {name} (card {card}) instead</source>
            <translation>Open {name} (card {card}) instead</translation>
        </message>
        <message>
            <source>Authorised staff only</source>
            <translation>Authorised staff only</translation>
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
            <source>Birthday month · points ×{factor}</source>
            <translation>Birthday month · points ×{factor}</translation>
        </message>
        <message>
            <source>Points earned on purchases this month are multiplied by {factor}.</source>
            <translation>Points earned on purchases this month are multiplied by {factor}.</translation>
        </message>
        <message>
            <source>Redeemable now: {n} → F4</source>
            <translation>Redeemable now: {n} → F4</translation>
        </message>
        <message>
            <source>{reward}: {points} points</source>
            <translation>{reward}: {points} points</translation>
        </message>
        <message>
            <source>{names} and more</source>
            <translation>{names} and more</translation>
        </message>
        <message>
            <source>valid until {date}</source>
            <translation>valid until {date}</translation>
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
        <message>
            <source>Adjust points…</source>
            <translation>Adjust points…</translation>
        </message>
        <message>
            <source>Cancel…</source>
            <translation>Cancel…</translation>
        </message>
        <message>
            <source>Authorised staff only</source>
            <translation>Authorised staff only</translation>
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
        <message>
            <source>Points expiry</source>
            <translation>Points expiry</translation>
        </message>
        <message>
            <source>Streak bonuses</source>
            <translation>Streak bonuses</translation>
        </message>
        <message>
            <source>Member reminders</source>
            <translation>Member reminders</translation>
        </message>
        <message>
            <source>Member tags</source>
            <translation>Member tags</translation>
        </message>
        <message>
            <source>End-of-day backup</source>
            <translation>End-of-day backup</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Skipped</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
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
            <source>Rest ({key})</source>
            <translation>Rest ({key})</translation>
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
            <source>This sale earns {points} points</source>
            <translation>This sale earns {points} points</translation>
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
        <message>
            <source>Rest</source>
            <translation>Rest</translation>
        </message>
    </context>
    <context>
        <name>PrintNotice</name>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Print queue (F8)</source>
            <translation>Print queue (F8)</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Hide</translation>
        </message>
        <message>
            <source>Printing failed, kept in the print queue: {reason}</source>
            <translation>Printing failed, kept in the print queue: {reason}</translation>
        </message>
    </context>
    <context>
        <name>PrintQueuePanel</name>
        <message>
            <source>PRINT QUEUE (F8)</source>
            <translation>PRINT QUEUE (F8)</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>Queued</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Last error</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Retry all</source>
            <translation>Retry all</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <source>Refund receipt</source>
            <translation>Refund receipt</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>not printed yet</source>
            <translation>not printed yet</translation>
        </message>
        <message>
            <source>Nothing waiting: everything was printed.</source>
            <translation>Nothing waiting: everything was printed.</translation>
        </message>
    </context>
    <context>
        <name>PrinterForm</name>
        <message>
            <source>PDF folder</source>
            <translation>PDF folder</translation>
        </message>
        <message>
            <source>Network thermal printer</source>
            <translation>Network thermal printer</translation>
        </message>
        <message>
            <source>USB thermal printer</source>
            <translation>USB thermal printer</translation>
        </message>
        <message>
            <source>Serial thermal printer</source>
            <translation>Serial thermal printer</translation>
        </message>
        <message>
            <source>System printer</source>
            <translation>System printer</translation>
        </message>
        <message>
            <source>The USB {what} should look like 0x0416.</source>
            <translation>The USB {what} should look like 0x0416.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Default printer</source>
            <translation>Default printer</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Vendor id</source>
            <translation>Vendor id</translation>
        </message>
        <message>
            <source>Product id</source>
            <translation>Product id</translation>
        </message>
        <message>
            <source>Baud rate</source>
            <translation>Baud rate</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>{mm} mm</source>
            <translation>{mm} mm</translation>
        </message>
        <message>
            <source>Open the cash drawer when cash is paid</source>
            <translation>Open the cash drawer when cash is paid</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Paper width</source>
            <translation>Paper width</translation>
        </message>
        <message>
            <source>Folder for receipts (PDF)</source>
            <translation>Folder for receipts (PDF)</translation>
        </message>
        <message>
            <source>Enter the printer's network address.</source>
            <translation>Enter the printer's network address.</translation>
        </message>
        <message>
            <source>vendor id</source>
            <translation>vendor id</translation>
        </message>
        <message>
            <source>product id</source>
            <translation>product id</translation>
        </message>
        <message>
            <source>Enter the serial port, e.g. COM3.</source>
            <translation>Enter the serial port, e.g. COM3.</translation>
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
        <name>RestoreDialog</name>
        <message>
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>Choose folder…</source>
            <translation>Choose folder…</translation>
        </message>
        <message>
            <source>List backups</source>
            <translation>List backups</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>Restore…</translation>
        </message>
        <message>
            <source>Everything done since the backup was made is replaced. A safety copy of the current data is kept first.</source>
            <translation>Everything done since the backup was made is replaced. A safety copy of the current data is kept first.</translation>
        </message>
        <message>
            <source>Choose the folder with the backups</source>
            <translation>Choose the folder with the backups</translation>
        </message>
        <message>
            <source>{time} · {clinic} · {size}</source>
            <translation>{time} · {clinic} · {size}</translation>
        </message>
        <message>
            <source> · encrypted</source>
            <translation> · encrypted</translation>
        </message>
        <message>
            <source>Type the backup's clinic name to restore it anyway:</source>
            <translation>Type the backup's clinic name to restore it anyway:</translation>
        </message>
        <message>
            <source>There is no backup in this folder.</source>
            <translation>There is no backup in this folder.</translation>
        </message>
        <message>
            <source>This backup is encrypted: enter its passphrase.</source>
            <translation>This backup is encrypted: enter its passphrase.</translation>
        </message>
        <message>
            <source>Restore the backup of {time}?</source>
            <translation>Restore the backup of {time}?</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Replace the current data with the backup of {time}?

A safety copy of the current data is kept first (in the “safety” folder next to the database). The window reloads afterwards.</source>
            <translation>Replace the current data with the backup of {time}?

A safety copy of the current data is kept first (in the “safety” folder next to the database). The window reloads afterwards.</translation>
        </message>
        <message>
            <source>That did not work and has been logged: {error}</source>
            <translation>That did not work and has been logged: {error}</translation>
        </message>
    </context>
    <context>
        <name>RulesDialog</name>
        <message>
            <source>Loyalty rules</source>
            <translation>Loyalty rules</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>Threshold</translation>
        </message>
        <message>
            <source>Multiplier</source>
            <translation>Multiplier</translation>
        </message>
        <message>
            <source>Perks (、)</source>
            <translation>Perks (、)</translation>
        </message>
        <message>
            <source>Add tier</source>
            <translation>Add tier</translation>
        </message>
        <message>
            <source>Remove tier</source>
            <translation>Remove tier</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Now</translation>
        </message>
        <message>
            <source>In force from</source>
            <translation>In force from</translation>
        </message>
        <message>
            <source>RULES IN FORCE AT</source>
            <translation>RULES IN FORCE AT</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>CHANGES</source>
            <translation>CHANGES</translation>
        </message>
        <message>
            <source>By, when</source>
            <translation>By, when</translation>
        </message>
        <message>
            <source>Save (Enter)</source>
            <translation>Save (Enter)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>EARNING</source>
            <translation>EARNING</translation>
        </message>
        <message>
            <source>EXPIRY AND REDEMPTION</source>
            <translation>EXPIRY AND REDEMPTION</translation>
        </message>
        <message>
            <source>MEMBER TAGS</source>
            <translation>MEMBER TAGS</translation>
        </message>
        <message>
            <source>Points per yuan paid</source>
            <translation>Points per yuan paid</translation>
        </message>
        <message>
            <source>Course bonus from (sessions)</source>
            <translation>Course bonus from (sessions)</translation>
        </message>
        <message>
            <source>Course bonus (%)</source>
            <translation>Course bonus (%)</translation>
        </message>
        <message>
            <source>Referral: referrer's points</source>
            <translation>Referral: referrer's points</translation>
        </message>
        <message>
            <source>Referral: new member's points</source>
            <translation>Referral: new member's points</translation>
        </message>
        <message>
            <source>Birthday-month multiplier</source>
            <translation>Birthday-month multiplier</translation>
        </message>
        <message>
            <source>Streak: months in a row</source>
            <translation>Streak: months in a row</translation>
        </message>
        <message>
            <source>Streak: visit days a month</source>
            <translation>Streak: visit days a month</translation>
        </message>
        <message>
            <source>Streak bonus (points)</source>
            <translation>Streak bonus (points)</translation>
        </message>
        <message>
            <source>Adjustments above this need a manager</source>
            <translation>Adjustments above this need a manager</translation>
        </message>
        <message>
            <source>Event points: at least</source>
            <translation>Event points: at least</translation>
        </message>
        <message>
            <source>Event points: at most</source>
            <translation>Event points: at most</translation>
        </message>
        <message>
            <source>Points valid for (months)</source>
            <translation>Points valid for (months)</translation>
        </message>
        <message>
            <source>Expiry reminder (days before)</source>
            <translation>Expiry reminder (days before)</translation>
        </message>
        <message>
            <source>Rescue from (points expiring)</source>
            <translation>Rescue from (points expiring)</translation>
        </message>
        <message>
            <source>Vouchers valid for (days)</source>
            <translation>Vouchers valid for (days)</translation>
        </message>
        <message>
            <source>High value: top (%)</source>
            <translation>High value: top (%)</translation>
        </message>
        <message>
            <source>Dormant after (days without a visit)</source>
            <translation>Dormant after (days without a visit)</translation>
        </message>
        <message>
            <source>Birthday soon (days ahead)</source>
            <translation>Birthday soon (days ahead)</translation>
        </message>
        <message>
            <source>TIERS (thresholds strictly increasing, the first from 0)</source>
            <translation>TIERS (thresholds strictly increasing, the first from 0)</translation>
        </message>
        <message>
            <source>Tiers</source>
            <translation>Tiers</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>Nothing was changed.</translation>
        </message>
        <message>
            <source>Saved {count} change(s), in force from {start}.</source>
            <translation>Saved {count} change(s), in force from {start}.</translation>
        </message>
        <message>
            <source>Rescue bonus (points)</source>
            <translation>Rescue bonus (points)</translation>
        </message>
        <message>
            <source>Reward nearly reached (points short)</source>
            <translation>Reward nearly reached (points short)</translation>
        </message>
        <message>
            <source>Course sessions idle after (days)</source>
            <translation>Course sessions idle after (days)</translation>
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
            <source>Print receipt (P)</source>
            <translation>Print receipt (P)</translation>
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
            <source>Referrer {name} gets {points} points</source>
            <translation>Referrer {name} gets {points} points</translation>
        </message>
        <message>
            <source>New balance {points}</source>
            <translation>New balance {points}</translation>
        </message>
        <message>
            <source>Print receipt</source>
            <translation>Print receipt</translation>
        </message>
        <message>
            <source>Referrer {card} gets {points} points</source>
            <translation>Referrer {card} gets {points} points</translation>
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
        <message>
            <source>Refund of {sale}: {items}</source>
            <translation>Refund of {sale}: {items}</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>Refund</translation>
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
            <source>PRINTER</source>
            <translation>PRINTER</translation>
        </message>
        <message>
            <source>MANAGER PIN</source>
            <translation>MANAGER PIN</translation>
        </message>
        <message>
            <source>Refunds, cancelled vouchers and large adjustments ask for it.</source>
            <translation>Refunds, cancelled vouchers and large adjustments ask for it.</translation>
        </message>
        <message>
            <source>Change PIN…</source>
            <translation>Change PIN…</translation>
        </message>
        <message>
            <source>The manager PIN has been changed.</source>
            <translation>The manager PIN has been changed.</translation>
        </message>
        <message>
            <source>The clinic needs a name.</source>
            <translation>The clinic needs a name.</translation>
        </message>
        <message>
            <source>BACKUP PASSPHRASE</source>
            <translation>BACKUP PASSPHRASE</translation>
        </message>
        <message>
            <source>Every backup, the end-of-day one too, is encrypted with it. Leave empty to keep the current one.</source>
            <translation>Every backup, the end-of-day one too, is encrypted with it. Leave empty to keep the current one.</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>New passphrase</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Repeat passphrase</translation>
        </message>
        <message>
            <source>A folder on the USB drive</source>
            <translation>A folder on the USB drive</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <source>Choose the backup folder</source>
            <translation>Choose the backup folder</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Never</translation>
        </message>
        <message>
            <source>Sign out when idle</source>
            <translation>Sign out when idle</translation>
        </message>
        <message>
            <source>This till</source>
            <translation>This till</translation>
        </message>
        <message>
            <source>This computer's name on sales, refunds and its day close. Each till on a shared database needs its own.</source>
            <translation>This computer's name on sales, refunds and its day close. Each till on a shared database needs its own.</translation>
        </message>
        <message>
            <source>Members' messages in</source>
            <translation>Members' messages in</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>The clinic is already on a database server: connect this till to it…</source>
            <translation>The clinic is already on a database server: connect this till to it…</translation>
        </message>
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
        <message>
            <source>Quit the set-up?</source>
            <translation>Quit the set-up?</translation>
        </message>
        <message>
            <source>The till cannot be used until it is set up. Quit now?</source>
            <translation>The till cannot be used until it is set up. Quit now?</translation>
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
            <source>Therapist {name}</source>
            <translation>Therapist {name}</translation>
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
            <source>Refund the whole sale {no}: {amount} back?</source>
            <translation>Refund the whole sale {no}: {amount} back?</translation>
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
        <message>
            <source>Print refund receipt</source>
            <translation>Print refund receipt</translation>
        </message>
        <message>
            <source>Sale number or its last digits (e.g. 12), then Enter</source>
            <translation>Sale number or its last digits (e.g. 12), then Enter</translation>
        </message>
        <message>
            <source>Today: {sales} sales, {refunds} refunds, net {amount}</source>
            <translation>Today: {sales} sales, {refunds} refunds, net {amount}</translation>
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
            <source>Refunds and other manager actions ask for this PIN.</source>
            <translation>Refunds and other manager actions ask for this PIN.</translation>
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
            <source>The two PINs differ</source>
            <translation>The two PINs differ</translation>
        </message>
        <message>
            <source>Refunds and other manager actions ask for this PIN (4 to 8 digits).</source>
            <translation>Refunds and other manager actions ask for this PIN (4 to 8 digits).</translation>
        </message>
        <message>
            <source>Use 4 to 8 digits</source>
            <translation>Use 4 to 8 digits</translation>
        </message>
    </context>
    <context>
        <name>CatalogDialog</name>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="385" />
            <source>Catalog</source>
            <translation>Catalog</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="386" />
            <source>Services, products and courses</source>
            <translation>Services, products and courses</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="387" />
            <source>Show retired items</source>
            <translation>Show retired items</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="388" />
            <source>New item (Ctrl+N)</source>
            <translation>New item (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="389" />
            <source>Edit (Enter)</source>
            <translation>Edit (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="390" />
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="393" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="394" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="395" />
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="396" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="397" />
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="398" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="399" />
            <source>Course</source>
            <translation>Course</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="400" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="426" />
            <source>{sessions} × {service}, valid {days} days</source>
            <translation>{sessions} × {service}, valid {days} days</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="428" />
            <source>{sessions} × {service}</source>
            <translation>{sessions} × {service}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="438" />
            <source>At the rate</source>
            <translation>At the rate</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="440" />
            <source>On sale</source>
            <translation>On sale</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="440" />
            <source>Retired</source>
            <translation>Retired</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="103" />
            <source>Edit {name}</source>
            <translation>Edit {name}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="103" />
            <source>New item</source>
            <translation>New item</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="110" />
            <source>Letters and digits, e.g. JJ1</source>
            <translation>Letters and digits, e.g. JJ1</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="118" />
            <source>The clinic's own, e.g. 肩颈, 艾灸, 产品</source>
            <translation>The clinic's own, e.g. 肩颈, 艾灸, 产品</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="123" />
            <source>Yuan, e.g. 168 or 12.5</source>
            <translation>Yuan, e.g. 168 or 12.5</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="125" />
            <source>Empty: earned at the rate</source>
            <translation>Empty: earned at the rate</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="128" />
            <source>Code of the treatment, e.g. AJ</source>
            <translation>Code of the treatment, e.g. AJ</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="130" />
            <source>Empty: no limit</source>
            <translation>Empty: no limit</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="132" />
            <source>On sale (shown on the till)</source>
            <translation>On sale (shown on the till)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="149" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="150" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="151" />
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="152" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="153" />
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="154" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="155" />
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="156" />
            <source>Sessions of</source>
            <translation>Sessions of</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="157" />
            <source>Valid days</source>
            <translation>Valid days</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="158" />
            <source>Order on the till</source>
            <translation>Order on the till</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="159" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="178" />
            <source>Save (Enter)</source>
            <translation>Save (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="181" />
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="238" />
            <source>Enter a whole number</source>
            <translation>Enter a whole number</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="241" />
            <source>Enter the price in yuan</source>
            <translation>Enter the price in yuan</translation>
        </message>
    </context>
    <context>
        <name>ItemKind</name>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="68" />
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="69" />
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/catalog_screen.py" line="70" />
            <source>Course</source>
            <translation>Course</translation>
        </message>
    </context>
    <context>
        <name>RestockDialog</name>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="292" />
            <source>Restock {name}</source>
            <translation>Restock {name}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="297" />
            <source>e.g. 10, or -2 for breakage</source>
            <translation>e.g. 10, or -2 for breakage</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="300" />
            <source>e.g. delivery, breakage, stock count</source>
            <translation>e.g. delivery, breakage, stock count</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="306" />
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="307" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="310" />
            <source>Unlimited</source>
            <translation>Unlimited</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="311" />
            <source>Save (Enter)</source>
            <translation>Save (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="314" />
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="320" />
            <source>In stock now: {stock}</source>
            <translation>In stock now: {stock}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="333" />
            <location filename="../../spa_pos/ui/rewards_screen.py" line="335" />
            <source>Enter a whole number</source>
            <translation>Enter a whole number</translation>
        </message>
    </context>
    <context>
        <name>RewardDialog</name>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="92" />
            <source>Edit {name}</source>
            <translation>Edit {name}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="92" />
            <source>New reward</source>
            <translation>New reward</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="97" />
            <source>Letters and digits, e.g. RJJ1</source>
            <translation>Letters and digits, e.g. RJJ1</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="100" />
            <source>Points, e.g. 300</source>
            <translation>Points, e.g. 300</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="102" />
            <source>A coupon</source>
            <translation>A coupon</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="106" />
            <source>Yuan, e.g. 20</source>
            <translation>Yuan, e.g. 20</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="108" />
            <source>Empty: unlimited</source>
            <translation>Empty: unlimited</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="109" />
            <source>Offered (can be redeemed)</source>
            <translation>Offered (can be redeemed)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="121" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="122" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="123" />
            <source>Cost in points</source>
            <translation>Cost in points</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="124" />
            <source>The voucher gives</source>
            <translation>The voucher gives</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="125" />
            <source>Coupon amount</source>
            <translation>Coupon amount</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="126" />
            <source>Stock</source>
            <translation>Stock</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="127" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="139" />
            <source>Save (Enter)</source>
            <translation>Save (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="142" />
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="191" />
            <source>Enter a whole number</source>
            <translation>Enter a whole number</translation>
        </message>
    </context>
    <context>
        <name>RewardsDialog</name>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="410" />
            <source>Rewards</source>
            <translation>Rewards</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="411" />
            <source>Rewards for points</source>
            <translation>Rewards for points</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="412" />
            <source>New reward (Ctrl+N)</source>
            <translation>New reward (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="413" />
            <source>Edit (Enter)</source>
            <translation>Edit (Enter)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="414" />
            <source>Restock (Ctrl+R)</source>
            <translation>Restock (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="415" />
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="416" />
            <source>Stock history</source>
            <translation>Stock history</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="419" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="420" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="421" />
            <source>Cost</source>
            <translation>Cost</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="422" />
            <source>The voucher gives</source>
            <translation>The voucher gives</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="423" />
            <source>Stock</source>
            <translation>Stock</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="424" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="429" />
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="430" />
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="431" />
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="432" />
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="433" />
            <source>Stock after</source>
            <translation>Stock after</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="434" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="458" />
            <source>Coupon {amount}</source>
            <translation>Coupon {amount}</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="463" />
            <source>{points} points</source>
            <translation>{points} points</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="465" />
            <location filename="../../spa_pos/ui/rewards_screen.py" line="499" />
            <source>Unlimited</source>
            <translation>Unlimited</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="466" />
            <source>Offered</source>
            <translation>Offered</translation>
        </message>
        <message>
            <location filename="../../spa_pos/ui/rewards_screen.py" line="466" />
            <source>Retired</source>
            <translation>Retired</translation>
        </message>
    </context>
    <context>
        <name>PromotionsDialog</name>
        <message>
            <source>Promotions</source>
            <translation>Promotions</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>On</source>
            <translation>On</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Ended early</source>
            <translation>Ended early</translation>
        </message>
        <message>
            <source>End early…</source>
            <translation>End early…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To (not included)</source>
            <translation>To (not included)</translation>
        </message>
        <message>
            <source>Points ×</source>
            <translation>Points ×</translation>
        </message>
        <message>
            <source>or bonus points</source>
            <translation>or bonus points</translation>
        </message>
        <message>
            <source>Item codes</source>
            <translation>Item codes</translation>
        </message>
        <message>
            <source>or category</source>
            <translation>or category</translation>
        </message>
        <message>
            <source>Only members tagged</source>
            <translation>Only members tagged</translation>
        </message>
        <message>
            <source>e.g. 2 or 1.5</source>
            <translation>e.g. 2 or 1.5</translation>
        </message>
        <message>
            <source>e.g. 100, once per sale</source>
            <translation>e.g. 100, once per sale</translation>
        </message>
        <message>
            <source>codes separated by spaces; empty: all items</source>
            <translation>codes separated by spaces; empty: all items</translation>
        </message>
        <message>
            <source>e.g. 产品</source>
            <translation>e.g. 产品</translation>
        </message>
        <message>
            <source>Every member</source>
            <translation>Every member</translation>
        </message>
        <message>
            <source>Add promotion (Enter)</source>
            <translation>Add promotion (Enter)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>A promotion multiplies the points of the items it covers (after the course bonus, before the tier and birthday multipliers; the largest one if several cover an item), or adds bonus points once per sale.</source>
            <translation>A promotion multiplies the points of the items it covers (after the course bonus, before the tier and birthday multipliers; the largest one if several cover an item), or adds bonus points once per sale.</translation>
        </message>
        <message>
            <source>NEW PROMOTION</source>
            <translation>NEW PROMOTION</translation>
        </message>
        <message>
            <source>+{points} once</source>
            <translation>+{points} once</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>Upcoming</source>
            <translation>Upcoming</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>Over</translation>
        </message>
        <message>
            <source>All items</source>
            <translation>All items</translation>
        </message>
        <message>
            <source>only {tag} members</source>
            <translation>only {tag} members</translation>
        </message>
        <message>
            <source>End early</source>
            <translation>End early</translation>
        </message>
        <message>
            <source>End the promotion “{name}” now? Sales already made keep their points.</source>
            <translation>End the promotion “{name}” now? Sales already made keep their points.</translation>
        </message>
        <message>
            <source>“{name}” has ended.</source>
            <translation>“{name}” has ended.</translation>
        </message>
        <message>
            <source>“{name}” is added.</source>
            <translation>“{name}” is added.</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import and export</source>
            <translation>Import and export</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Catalog (services, products, courses)</source>
            <translation>Catalog (services, products, courses)</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <translation>Column in the file</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Import (needs the manager PIN)</source>
            <translation>Import (needs the manager PIN)</translation>
        </message>
        <message>
            <source>Export members…</source>
            <translation>Export members…</translation>
        </message>
        <message>
            <source>Export catalog…</source>
            <translation>Export catalog…</translation>
        </message>
        <message>
            <source>Export sales…</source>
            <translation>Export sales…</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>Choose a CSV or Excel file: every row is checked first and nothing is written. Map the columns that were not recognised; a file is imported only when every row is good, all at once, and only once.</source>
            <translation>Choose a CSV or Excel file: every row is checked first and nothing is written. Map the columns that were not recognised; a file is imported only when every row is good, all at once, and only once.</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Columns</translation>
        </message>
        <message>
            <source>Rows with a problem</source>
            <translation>Rows with a problem</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Choose the file to import</source>
            <translation>Choose the file to import</translation>
        </message>
        <message>
            <source>Checking every row…</source>
            <translation>Checking every row…</translation>
        </message>
        <message>
            <source>(not imported)</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <source>{rows} rows, all good: ready to import.</source>
            <translation>{rows} rows, all good: ready to import.</translation>
        </message>
        <message>
            <source>{rows} rows, {bad} with a problem: fix them in the file and choose it again. Nothing has been imported.</source>
            <translation>{rows} rows, {bad} with a problem: fix them in the file and choose it again. Nothing has been imported.</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Member name</source>
            <translation>Member name</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Card number</source>
            <translation>Card number</translation>
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
            <source>Joined on</source>
            <translation>Joined on</translation>
        </message>
        <message>
            <source>Points expire on</source>
            <translation>Points expire on</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Item name</source>
            <translation>Item name</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Kind (service, course, product)</source>
            <translation>Kind (service, course, product)</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Service of the course</source>
            <translation>Service of the course</translation>
        </message>
        <message>
            <source>Import {rows} rows from {file}?</source>
            <translation>Import {rows} rows from {file}?</translation>
        </message>
        <message>
            <source>Imported {count} rows from {file}.</source>
            <translation>Imported {count} rows from {file}.</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>Export to</translation>
        </message>
        <message>
            <source>Export to {file}?</source>
            <translation>Export to {file}?</translation>
        </message>
        <message>
            <source>Exported {rows} rows to {file}.</source>
            <translation>Exported {rows} rows to {file}.</translation>
        </message>
        <message>
            <source>Course (code)</source>
            <translation>Course (code)</translation>
        </message>
        <message>
            <source>Course sessions left</source>
            <translation>Course sessions left</translation>
        </message>
        <message>
            <source>Course valid until</source>
            <translation>Course valid until</translation>
        </message>
        <message>
            <source>Course valid for (days)</source>
            <translation>Course valid for (days)</translation>
        </message>
        <message>
            <source>Order on the till</source>
            <translation>Order on the till</translation>
        </message>
    </context>
    <context>
        <name>_PassphrasePage</name>
        <message>
            <source>Backup passphrase</source>
            <translation>Backup passphrase</translation>
        </message>
        <message>
            <source>Backups are encrypted with it, so a lost USB drive reveals nothing. At least 8 characters; keep it somewhere safe. Leave empty to set it later.</source>
            <translation>Backups are encrypted with it, so a lost USB drive reveals nothing. At least 8 characters; keep it somewhere safe. Leave empty to set it later.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Repeat passphrase</translation>
        </message>
    </context>
    <context>
        <name>_FolderPage</name>
        <message>
            <source>Backup folder</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <source>Every evening the till copies its data into this folder. Choose a folder on the USB drive; leave empty to choose it later in Settings.</source>
            <translation>Every evening the till copies its data into this folder. Choose a folder on the USB drive; leave empty to choose it later in Settings.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>Choose the backup folder</source>
            <translation>Choose the backup folder</translation>
        </message>
        <message>
            <source>No such folder</source>
            <translation>No such folder</translation>
        </message>
    </context>
    <context>
        <name>EventsButton</name>
        <message>
            <source>Events…</source>
            <translation>Events…</translation>
        </message>
    </context>
    <context>
        <name>EventsDialog</name>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Came</source>
            <translation>Came</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>Choose an event on the left</source>
            <translation>Choose an event on the left</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>Create event</source>
            <translation>Create event</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>Events and interactions</source>
            <translation>Events and interactions</translation>
        </message>
        <message>
            <source>Health lecture</source>
            <translation>Health lecture</translation>
        </message>
        <message>
            <source>Live interaction</source>
            <translation>Live interaction</translation>
        </message>
        <message>
            <source>Marked at</source>
            <translation>Marked at</translation>
        </message>
        <message>
            <source>Marked: +{points} points, balance {balance}</source>
            <translation>Marked: +{points} points, balance {balance}</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>New event</source>
            <translation>New event</translation>
        </message>
        <message>
            <source>No member found for “{text}”</source>
            <translation>No member found for “{text}”</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Points per member: {low}–{high} (loyalty rules)</source>
            <translation>Points per member: {low}–{high} (loyalty rules)</translation>
        </message>
        <message>
            <source>Quiz</source>
            <translation>Quiz</translation>
        </message>
        <message>
            <source>Scan a card, or type a phone, card or name</source>
            <translation>Scan a card, or type a phone, card or name</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Video interaction</source>
            <translation>Video interaction</translation>
        </message>
        <message>
            <source>Wellness salon</source>
            <translation>Wellness salon</translation>
        </message>
        <message>
            <source>e.g. 春季养生讲座</source>
            <translation>e.g. 春季养生讲座</translation>
        </message>
        <message>
            <source>{name} · {date} · +{points} points</source>
            <translation>{name} · {date} · +{points} points</translation>
        </message>
    </context>
    <context>
        <name>ProfileButton</name>
        <message>
            <source>Profile…</source>
            <translation>Profile…</translation>
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <source>A new consultation note…</source>
            <translation>A new consultation note…</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>Add note</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>Consultation notes</source>
            <translation>Consultation notes</translation>
        </message>
        <message>
            <source>Course session</source>
            <translation>Course session</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>Favourite categories</source>
            <translation>Favourite categories</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>Feedback</translation>
        </message>
        <message>
            <source>Feedback rewarded: +{points} points, balance {balance}</source>
            <translation>Feedback rewarded: +{points} points, balance {balance}</translation>
        </message>
        <message>
            <source>Health and notes</source>
            <translation>Health and notes</translation>
        </message>
        <message>
            <source>Health needs</source>
            <translation>Health needs</translation>
        </message>
        <message>
            <source>Interactions and feedback</source>
            <translation>Interactions and feedback</translation>
        </message>
        <message>
            <source>Member profile</source>
            <translation>Member profile</translation>
        </message>
        <message>
            <source>None recorded</source>
            <translation>None recorded</translation>
        </message>
        <message>
            <source>Not tried yet: worth suggesting</source>
            <translation>Not tried yet: worth suggesting</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Nothing to suggest yet</source>
            <translation>Nothing to suggest yet</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Partly refunded</source>
            <translation>Partly refunded</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <source>Record feedback</source>
            <translation>Record feedback</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Refunded</translation>
        </message>
        <message>
            <source>Reward as an interaction (+{points} points)</source>
            <translation>Reward as an interaction (+{points} points)</translation>
        </message>
        <message>
            <source>Sale</source>
            <translation>Sale</translation>
        </message>
        <message>
            <source>Satisfaction after a visit</source>
            <translation>Satisfaction after a visit</translation>
        </message>
        <message>
            <source>Score (1–5)</source>
            <translation>Score (1–5)</translation>
        </message>
        <message>
            <source>Score {score}/5</source>
            <translation>Score {score}/5</translation>
        </message>
        <message>
            <source>Usually has {usual}; never tried {name}</source>
            <translation>Usually has {usual}; never tried {name}</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>What the member said</source>
            <translation>What the member said</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>{category}: {visits} visits, usually {usual}</source>
            <translation>{category}: {visits} visits, usually {usual}</translation>
        </message>
        <message>
            <source>{name} · card {card}</source>
            <translation>{name} · card {card}</translation>
        </message>
        <message>
            <source>A manager approves exporting this member's data.</source>
            <translation>A manager approves exporting this member's data.</translation>
        </message>
        <message>
            <source>Authorised staff only</source>
            <translation>Authorised staff only</translation>
        </message>
        <message>
            <source>Erase personal data…</source>
            <translation>Erase personal data…</translation>
        </message>
        <message>
            <source>Export data…</source>
            <translation>Export data…</translation>
        </message>
        <message>
            <source>Export the member's data</source>
            <translation>Export the member's data</translation>
        </message>
        <message>
            <source>Exported to {file}</source>
            <translation>Exported to {file}</translation>
        </message>
        <message>
            <source>Personal data erased: now {name}</source>
            <translation>Personal data erased: now {name}</translation>
        </message>
    </context>
    <context>
        <name>CareButton</name>
        <message>
            <source>Member care…</source>
            <translation>Member care…</translation>
        </message>
    </context>
    <context>
        <name>MemberCareDialog</name>
        <message>
            <source>Export to {file}?</source>
            <translation>Export to {file}?</translation>
        </message>
        <message>
            <source>Member care</source>
            <translation>Member care</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>To contact</source>
            <translation>To contact</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>No answer</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Skipped</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Note (回访记录)</source>
            <translation>Note (回访记录)</translation>
        </message>
        <message>
            <source>Copy text (Ctrl+C)</source>
            <translation>Copy text (Ctrl+C)</translation>
        </message>
        <message>
            <source>Came back</source>
            <translation>Came back</translation>
        </message>
        <message>
            <source>Extend a month</source>
            <translation>Extend a month</translation>
        </message>
        <message>
            <source>Rescue bonus</source>
            <translation>Rescue bonus</translation>
        </message>
        <message>
            <source>Print call list</source>
            <translation>Print call list</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>Points expiring</source>
            <translation>Points expiring</translation>
        </message>
        <message>
            <source>Win-back: dormant</source>
            <translation>Win-back: dormant</translation>
        </message>
        <message>
            <source>Win-back: churn risk</source>
            <translation>Win-back: churn risk</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>Birthday</translation>
        </message>
        <message>
            <source>Reward in reach</source>
            <translation>Reward in reach</translation>
        </message>
        <message>
            <source>Course unused</source>
            <translation>Course unused</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>Printed</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Exported</translation>
        </message>
        <message>
            <source>Win-back success: %1 (%2 of %3 decided, %4 reached)</source>
            <translation>Win-back success: %1 (%2 of %3 decided, %4 reached)</translation>
        </message>
        <message>
            <source>Copied %1's message</source>
            <translation>Copied %1's message</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Extend %1's expiring points by one month?</source>
            <translation>Extend %1's expiring points by one month?</translation>
        </message>
        <message>
            <source>Give %1 the rescue bonus?</source>
            <translation>Give %1 the rescue bonus?</translation>
        </message>
        <message>
            <source>Extended %1 points by one month</source>
            <translation>Extended %1 points by one month</translation>
        </message>
        <message>
            <source>Gave %1 bonus points</source>
            <translation>Gave %1 bonus points</translation>
        </message>
        <message>
            <source>Call list</source>
            <translation>Call list</translation>
        </message>
        <message>
            <source>Result: ______  Note: ________</source>
            <translation>Result: ______  Note: ________</translation>
        </message>
        <message>
            <source>the printer</source>
            <translation>the printer</translation>
        </message>
        <message>
            <source>Call list printed to %1</source>
            <translation>Call list printed to %1</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>Exported %1 messages to %2</source>
            <translation>Exported %1 messages to %2</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>Campaign</translation>
        </message>
        <message>
            <source>Edit templates…</source>
            <translation>Edit templates…</translation>
        </message>
        <message>
            <source>Change the wording of member care's messages?</source>
            <translation>Change the wording of member care's messages?</translation>
        </message>
    </context>
    <context>
        <name>MemberTableModel</name>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Last visit</source>
            <translation>Last visit</translation>
        </message>
        <message>
            <source>Spend (12 months)</source>
            <translation>Spend (12 months)</translation>
        </message>
        <message>
            <source>Favourite</source>
            <translation>Favourite</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Never</translation>
        </message>
    </context>
    <context>
        <name>MemberListDialog</name>
        <message>
            <source>Member list</source>
            <translation>Member list</translation>
        </message>
        <message>
            <source>Spend from ¥</source>
            <translation>Spend from ¥</translation>
        </message>
        <message>
            <source>to ¥</source>
            <translation>to ¥</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Filter</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Give a coupon…</source>
            <translation>Give a coupon…</translation>
        </message>
        <message>
            <source>Send a message…</source>
            <translation>Send a message…</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>Export to</translation>
        </message>
        <message>
            <source>Give a coupon</source>
            <translation>Give a coupon</translation>
        </message>
        <message>
            <source>Send a message</source>
            <translation>Send a message</translation>
        </message>
        <message>
            <source>Queued {count} messages in the outbox.</source>
            <translation>Queued {count} messages in the outbox.</translation>
        </message>
        <message>
            <source>Any tag</source>
            <translation>Any tag</translation>
        </message>
        <message>
            <source>Any tier</source>
            <translation>Any tier</translation>
        </message>
        <message>
            <source>Any birthday</source>
            <translation>Any birthday</translation>
        </message>
        <message>
            <source>Any favourite</source>
            <translation>Any favourite</translation>
        </message>
        <message>
            <source>Any last visit</source>
            <translation>Any last visit</translation>
        </message>
        <message>
            <source>{count} members</source>
            <translation>{count} members</translation>
        </message>
        <message>
            <source>Exported {rows} members to {file}.</source>
            <translation>Exported {rows} members to {file}.</translation>
        </message>
        <message>
            <source>Give one “{reward}” voucher, at no points, to each of the {count} members in this list?</source>
            <translation>Give one “{reward}” voucher, at no points, to each of the {count} members in this list?</translation>
        </message>
        <message>
            <source>Queue this message for the {consenting} members who agreed to receive messages? ({others} others in the list did not and get nothing.)</source>
            <translation>Queue this message for the {consenting} members who agreed to receive messages? ({others} others in the list did not and get nothing.)</translation>
        </message>
        <message>
            <source>Born in month {m}</source>
            <translation>Born in month {m}</translation>
        </message>
        <message>
            <source>Came within {n} days</source>
            <translation>Came within {n} days</translation>
        </message>
        <message>
            <source>Not for {n} days</source>
            <translation>Not for {n} days</translation>
        </message>
        <message>
            <source>Gave {count} vouchers of “{reward}”.</source>
            <translation>Gave {count} vouchers of “{reward}”.</translation>
        </message>
    </context>
    <context>
        <name>CouponDialog</name>
        <message>
            <source>Give a coupon</source>
            <translation>Give a coupon</translation>
        </message>
        <message>
            <source>Why, e.g. neck and shoulder care month</source>
            <translation>Why, e.g. neck and shoulder care month</translation>
        </message>
        <message>
            <source>Reward</source>
            <translation>Reward</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Next…</source>
            <translation>Next…</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
    </context>
    <context>
        <name>MessageDialog</name>
        <message>
            <source>Send a message</source>
            <translation>Send a message</translation>
        </message>
        <message>
            <source>{姓名} becomes each member's name</source>
            <translation>{姓名} becomes each member's name</translation>
        </message>
        <message>
            <source>Next…</source>
            <translation>Next…</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
    </context>
    <context>
        <name>MemberListButton</name>
        <message>
            <source>Member list…</source>
            <translation>Member list…</translation>
        </message>
        <message>
            <source>Open the member list: filter, export, coupons and messages.</source>
            <translation>Open the member list: filter, export, coupons and messages.</translation>
        </message>
    </context>
    <context>
        <name>DashboardDialog</name>
        <message>
            <source>Export to {file}?</source>
            <translation>Export to {file}?</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>This month</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Last month</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Last 30 days</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>This year</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>Last 12 months</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Export XLSX…</source>
            <translation>Export XLSX…</translation>
        </message>
        <message>
            <source>Printable PDF…</source>
            <translation>Printable PDF…</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>This period</source>
            <translation>This period</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>{start} – {end}, against {pstart} – {pend}</source>
            <translation>{start} – {end}, against {pstart} – {pend}</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>Redemptions by reward (points)</source>
            <translation>Redemptions by reward (points)</translation>
        </message>
        <message>
            <source>Top services</source>
            <translation>Top services</translation>
        </message>
        <message>
            <source>Members per tier</source>
            <translation>Members per tier</translation>
        </message>
        <message>
            <source>Members per tag</source>
            <translation>Members per tag</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>New members</source>
            <translation>New members</translation>
        </message>
        <message>
            <source>Active members</source>
            <translation>Active members</translation>
        </message>
        <message>
            <source>Spend per visit</source>
            <translation>Spend per visit</translation>
        </message>
        <message>
            <source>30-day repurchase</source>
            <translation>30-day repurchase</translation>
        </message>
        <message>
            <source>Win-back rate</source>
            <translation>Win-back rate</translation>
        </message>
        <message>
            <source>Points issued</source>
            <translation>Points issued</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>Points redeemed</translation>
        </message>
        <message>
            <source>Points expired</source>
            <translation>Points expired</translation>
        </message>
        <message>
            <source>Points outstanding</source>
            <translation>Points outstanding</translation>
        </message>
        <message>
            <source>Liability</source>
            <translation>Liability</translation>
        </message>
        <message>
            <source>Redemption rate</source>
            <translation>Redemption rate</translation>
        </message>
        <message>
            <source>Save the dashboard</source>
            <translation>Save the dashboard</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>Saved {file}</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <translation>Sent to the printer</translation>
        </message>
        <message>
            <source>Printing failed: {reason}</source>
            <translation>Printing failed: {reason}</translation>
        </message>
    </context>
    <context>
        <name>DashboardButton</name>
        <message>
            <source>Dashboard…</source>
            <translation>Dashboard…</translation>
        </message>
    </context>
    <context>
        <name>TherapistReportDialog</name>
        <message>
            <source>Export to {file}?</source>
            <translation>Export to {file}?</translation>
        </message>
        <message>
            <source>Revenue {revenue}, commission {commission}</source>
            <translation>Revenue {revenue}, commission {commission}</translation>
        </message>
        <message>
            <source>Export the therapist report</source>
            <translation>Export the therapist report</translation>
        </message>
        <message>
            <source>Exported to {file}</source>
            <translation>Exported to {file}</translation>
        </message>
        <message>
            <source>Therapist report</source>
            <translation>Therapist report</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Export XLSX…</source>
            <translation>Export XLSX…</translation>
        </message>
        <message>
            <source>Therapist</source>
            <translation>Therapist</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>Services</translation>
        </message>
        <message>
            <source>Course sessions</source>
            <translation>Course sessions</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>Commission</translation>
        </message>
    </context>
    <context>
        <name>_Launcher</name>
        <message>
            <source>Therapist report…</source>
            <translation>Therapist report…</translation>
        </message>
    </context>
    <context>
        <name>AdjustDialog</name>
        <message>
            <source>Adjust points</source>
            <translation>Adjust points</translation>
        </message>
        <message>
            <source>Enter the points to add or take.</source>
            <translation>Enter the points to add or take.</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Points (+ add, − take)</source>
            <translation>Points (+ add, − take)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Today {used} of {limit} points adjusted for this member; {left} more without a manager.</source>
            <translation>Today {used} of {limit} points adjusted for this member; {left} more without a manager.</translation>
        </message>
    </context>
    <context>
        <name>CancelVoucherDialog</name>
        <message>
            <source>A manager approves the cancellation of voucher {code}.</source>
            <translation>A manager approves the cancellation of voucher {code}.</translation>
        </message>
        <message>
            <source>Cancel a voucher</source>
            <translation>Cancel a voucher</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Voucher</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Sign in (Enter)</source>
            <translation>Sign in (Enter)</translation>
        </message>
        <message>
            <source>Type your PIN.</source>
            <translation>Type your PIN.</translation>
        </message>
        <message>
            <source>Import the clinic's keys…</source>
            <translation>Import the clinic's keys…</translation>
        </message>
        <message>
            <source>The clinic's keys are imported: sign in.</source>
            <translation>The clinic's keys are imported: sign in.</translation>
        </message>
    </context>
    <context>
        <name>_ReasonDialog</name>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <source>Confirm (Enter)</source>
            <translation>Confirm (Enter)</translation>
        </message>
        <message>
            <source>Give a reason.</source>
            <translation>Give a reason.</translation>
        </message>
    </context>
    <context>
        <name>SchemeReviewDialog</name>
        <message>
            <source>Points scheme review</source>
            <translation>Points scheme review</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Month end</source>
            <translation>Month end</translation>
        </message>
        <message>
            <source>Points outstanding</source>
            <translation>Points outstanding</translation>
        </message>
        <message>
            <source>Liability</source>
            <translation>Liability</translation>
        </message>
        <message>
            <source>Tier move</source>
            <translation>Tier move</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Your conclusions: what works, what to change next month</source>
            <translation>Your conclusions: what works, what to change next month</translation>
        </message>
        <message>
            <source>Save the review</source>
            <translation>Save the review</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>Written</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Conclusions</source>
            <translation>Conclusions</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>The month against the month before</source>
            <translation>The month against the month before</translation>
        </message>
        <message>
            <source>Liability trend</source>
            <translation>Liability trend</translation>
        </message>
        <message>
            <source>Members moving between tiers</source>
            <translation>Members moving between tiers</translation>
        </message>
        <message>
            <source>Reviews kept of this month</source>
            <translation>Reviews kept of this month</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>{month}: {start} – {end}, against {pstart} – {pend}</source>
            <translation>{month}: {start} – {end}, against {pstart} – {pend}</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>This month</translation>
        </message>
        <message>
            <source>Month before</source>
            <translation>Month before</translation>
        </message>
        <message>
            <source>The review of {month} is kept.</source>
            <translation>The review of {month} is kept.</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>Saved {file}</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>Points scheme review {month}</source>
            <translation>Points scheme review {month}</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <translation>Sent to the printer</translation>
        </message>
        <message>
            <source>Printing failed: {reason}</source>
            <translation>Printing failed: {reason}</translation>
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <source>Message templates</source>
            <translation>Message templates</translation>
        </message>
        <message>
            <source>Default wording</source>
            <translation>Default wording</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Fields: click to insert</source>
            <translation>Fields: click to insert</translation>
        </message>
        <message>
            <source>A sample member gets</source>
            <translation>A sample member gets</translation>
        </message>
        <message>
            <source>Saved: messages queued from now on use it.</source>
            <translation>Saved: messages queued from now on use it.</translation>
        </message>
        <message>
            <source>Chinese</source>
            <translation>Chinese</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Messages are written in {language}</source>
            <translation>Messages are written in {language}</translation>
        </message>
        <message>
            <source>Text, as the members get it</source>
            <translation>Text, as the members get it</translation>
        </message>
    </context>
    <context>
        <name>UpgradeNotice</name>
        <message>
            <source>Hide</source>
            <translation>Hide</translation>
        </message>
        <message>
            <source>The database was upgraded from version {old} to {new}.</source>
            <translation>The database was upgraded from version {old} to {new}.</translation>
        </message>
        <message>
            <source>The database was upgraded from version {old} to {new}; the backup made before the upgrade is in {file}</source>
            <translation>The database was upgraded from version {old} to {new}; the backup made before the upgrade is in {file}</translation>
        </message>
    </context>
    <context>
        <name>PriceDialog</name>
        <message>
            <source>Change the price</source>
            <translation>Change the price</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>List price</source>
            <translation>List price</translation>
        </message>
        <message>
            <source>New price (yuan)</source>
            <translation>New price (yuan)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Confirm (Enter)</source>
            <translation>Confirm (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <source>A manager approves erasing this member's personal data.</source>
            <translation>A manager approves erasing this member's personal data.</translation>
        </message>
        <message>
            <source>Erase personal data</source>
            <translation>Erase personal data</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Name, phone, birthday, health needs, notes, feedback comments and contact notes are erased for good. Sales, points and totals stay; the member shows as an erased member.</source>
            <translation>Name, phone, birthday, health needs, notes, feedback comments and contact notes are erased for good. Sales, points and totals stay; the member shows as an erased member.</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Type the card number to confirm</source>
            <translation>Type the card number to confirm</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <source>Database server</source>
            <translation>Database server</translation>
        </message>
        <message>
            <source>e.g. 192.168.1.10</source>
            <translation>e.g. 192.168.1.10</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Database in use</source>
            <translation>Database in use</translation>
        </message>
        <message>
            <source>Server (host)</source>
            <translation>Server (host)</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Database name</source>
            <translation>Database name</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Several tills share one PostgreSQL server.</source>
            <translation>Several tills share one PostgreSQL server.</translation>
        </message>
        <message>
            <source>Connecting to the server…</source>
            <translation>Connecting to the server…</translation>
        </message>
        <message>
            <source>Saved. Restart the till to work on %1.</source>
            <translation>Saved. Restart the till to work on %1.</translation>
        </message>
        <message>
            <source>Connected. The database is empty: the till sets the clinic up there.</source>
            <translation>Connected. The database is empty: the till sets the clinic up there.</translation>
        </message>
        <message>
            <source>Connected. The database is at this till's version (%1).</source>
            <translation>Connected. The database is at this till's version (%1).</translation>
        </message>
        <message>
            <source>Connected. The database is at an older version (%1): the till upgrades it on its next start. Have the server backed up first.</source>
            <translation>Connected. The database is at an older version (%1): the till upgrades it on its next start. Have the server backed up first.</translation>
        </message>
        <message>
            <source>Connected, but the database was written by a newer spa-pos (%1): upgrade this till first.</source>
            <translation>Connected, but the database was written by a newer spa-pos (%1): upgrade this till first.</translation>
        </message>
    </context>
    <context>
        <name>KeysDialog</name>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Keys file</source>
            <translation>Keys file</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
    </context>
    <context>
        <name>KeysExportDialog</name>
        <message>
            <source>Export the clinic's keys</source>
            <translation>Export the clinic's keys</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Passphrase again</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Another till of this clinic needs these keys to sign the audit trail and to check voucher codes. Keep the file and its passphrase apart.</source>
            <translation>Another till of this clinic needs these keys to sign the audit trail and to check voucher codes. Keep the file and its passphrase apart.</translation>
        </message>
        <message>
            <source>Choose where to write the keys file.</source>
            <translation>Choose where to write the keys file.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>The two passphrases differ.</translation>
        </message>
        <message>
            <source>The keys were written to {file}.</source>
            <translation>The keys were written to {file}.</translation>
        </message>
    </context>
    <context>
        <name>KeysImportDialog</name>
        <message>
            <source>Import the clinic's keys</source>
            <translation>Import the clinic's keys</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>On a till already in use, a manager chooses Manage → Export keys…; choose that file here and type its passphrase.</source>
            <translation>On a till already in use, a manager chooses Manage → Export keys…; choose that file here and type its passphrase.</translation>
        </message>
        <message>
            <source>Choose the keys file.</source>
            <translation>Choose the keys file.</translation>
        </message>
    </context>
</TS>