"""The printer part of the settings (打印机): which printer, its address, the paper.

Kinds and their fields are `print_queue.printer_for`'s: a PDF folder, a network, USB or
serial thermal printer (ESC/POS), or a system printer. `values()` gives the `printer`
settings dict (or raises DomainError with what to fix) and the paper width.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QIntValidator
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.services import print_queue
from spa_pos.ui.widgets import add_field, button, form_grid, row_widget

KINDS = {
    "pdf": QT_TRANSLATE_NOOP("PrinterForm", "PDF folder"),
    "escpos_network": QT_TRANSLATE_NOOP("PrinterForm", "Network thermal printer"),
    "escpos_usb": QT_TRANSLATE_NOOP("PrinterForm", "USB thermal printer"),
    "escpos_serial": QT_TRANSLATE_NOOP("PrinterForm", "Serial thermal printer"),
    "system": QT_TRANSLATE_NOOP("PrinterForm", "System printer"),
}
WIDTHS = (80, 58)
DEFAULT_PORT = 9100  # raw printing (JetDirect)
BAUD_RATES = (9600, 19200, 38400, 57600, 115200)
THERMAL = ("escpos_network", "escpos_usb", "escpos_serial")
CAPTION_WIDTH = 110  # the settings dialog's captions use it too, so the two forms line up


def _usb_id(text: str, *, vendor: bool) -> str:
    """A USB vendor (or product) id as typed (0x0416 or 1046), checked."""
    try:
        value = int(text.strip(), 0)
    except ValueError:
        value = -1
    if not 0 <= value <= 0xFFFF:
        raise DomainError(
            "printing.usb_vendor_id_format" if vendor else "printing.usb_product_id_format"
        )
    return text.strip()


class PrinterForm(QWidget):
    def __init__(
        self, printer: dict[str, Any], width_mm: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        p = printer
        self.kind = QComboBox()
        self.kind.setObjectName("printerKind")
        for code, name in KINDS.items():
            self.kind.addItem(self.tr(str(name)), code)
        self.pages = QStackedWidget()
        self.kind.currentIndexChanged.connect(self._kind_changed)

        self.folder = QLineEdit(str(p.get("folder", "")))
        self.folder.setObjectName("pdfFolder")
        self.folder.setPlaceholderText(str(print_queue.default_pdf_folder()))
        browse = button(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        self.host = QLineEdit(str(p.get("host", "")))
        self.host.setObjectName("printerHost")
        self.host.setPlaceholderText("192.168.1.100")
        self.port = QLineEdit(str(p.get("port", DEFAULT_PORT)))
        self.port.setObjectName("printerPort")
        self.port.setValidator(QIntValidator(1, 65535, self.port))
        self.vendor = QLineEdit(str(p.get("vendor_id", "")))
        self.vendor.setObjectName("usbVendor")
        self.vendor.setPlaceholderText("0x0416")
        self.product = QLineEdit(str(p.get("product_id", "")))
        self.product.setObjectName("usbProduct")
        self.product.setPlaceholderText("0x5011")
        self.device = QLineEdit(str(p.get("device", "")))
        self.device.setObjectName("serialDevice")
        self.device.setPlaceholderText("COM3 / /dev/ttyUSB0")
        self.baud = QComboBox()
        self.baud.setObjectName("serialBaud")
        for rate in BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.baud.setCurrentIndex(max(0, self.baud.findData(int(p.get("baudrate", 9600)))))
        self.system = QComboBox()
        self.system.setObjectName("systemPrinter")
        self.system.addItem(self.tr("Default printer"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.system.addItem(name, name)
        self.system.setCurrentIndex(max(0, self.system.findData(p.get("printer_name", ""))))

        self._page([(self.tr("Folder"), row_widget(self.folder, browse))])
        self._page([(self.tr("Address"), self.host), (self.tr("Port"), self.port)])
        self._page([(self.tr("Vendor id"), self.vendor), (self.tr("Product id"), self.product)])
        self._page([(self.tr("Port"), self.device), (self.tr("Baud rate"), self.baud)])
        self._page([(self.tr("Printer"), self.system)])

        self.paper = QComboBox()
        self.paper.setObjectName("paperWidth")
        for mm in WIDTHS:
            self.paper.addItem(self.tr("{mm} mm").format(mm=mm), mm)
        self.paper.setCurrentIndex(max(0, self.paper.findData(width_mm)))
        self.kick = QCheckBox(self.tr("Open the cash drawer when cash is paid"))
        self.kick.setObjectName("kickDrawer")
        self.kick.setChecked(bool(p.get("kick_drawer", True)))

        form = form_grid(CAPTION_WIDTH)
        add_field(form, self.tr("Type"), self.kind)
        form.addWidget(self.pages, form.rowCount(), 0, 1, 2)
        add_field(form, self.tr("Paper width"), self.paper)
        form.addWidget(self.kick, form.rowCount(), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.get("kind", "pdf"))))
        self._kind_changed()

    def _page(self, fields: list[tuple[str, QWidget]]) -> None:
        page = QWidget()
        form = form_grid(CAPTION_WIDTH)
        form.setContentsMargins(0, 0, 0, 0)
        for caption, field in fields:
            add_field(form, caption, field)
        page.setLayout(form)
        self.pages.addWidget(page)

    def _kind_changed(self) -> None:
        self.pages.setCurrentIndex(self.kind.currentIndex())
        self.kick.setVisible(self.kind.currentData() in THERMAL)

    def browse(self) -> None:
        picker = QFileDialog(self, self.tr("Folder for receipts (PDF)"), self.folder.text())
        picker.setFileMode(QFileDialog.FileMode.Directory)
        picker.setOption(QFileDialog.Option.ShowDirsOnly)
        picker.fileSelected.connect(self.folder.setText)
        picker.open()

    def printer(self) -> dict[str, Any]:
        """The `printer` setting; raises DomainError naming what is missing."""
        kind = str(self.kind.currentData())
        if kind == "pdf":
            return {"kind": kind, "folder": self.folder.text().strip()}
        if kind == "system":
            return {"kind": kind, "printer_name": self.system.currentData()}
        fields: dict[str, Any]
        if kind == "escpos_network":
            if not self.host.text().strip():
                raise DomainError("printing.host_required")
            fields = {
                "host": self.host.text().strip(),
                "port": int(self.port.text() or DEFAULT_PORT),
            }
        elif kind == "escpos_usb":
            fields = {
                "vendor_id": _usb_id(self.vendor.text(), vendor=True),
                "product_id": _usb_id(self.product.text(), vendor=False),
            }
        else:
            if not self.device.text().strip():
                raise DomainError("printing.serial_port_required")
            fields = {
                "device": self.device.text().strip(),
                "baudrate": int(self.baud.currentData()),
            }
        return {"kind": kind, **fields, "kick_drawer": self.kick.isChecked()}

    def width_mm(self) -> int:
        return int(self.paper.currentData())
