"""Receipts and vouchers: PDF and ESC/POS rendering, and the printers that send them."""
