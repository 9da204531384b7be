"""The Ink register area: three pages — the catalogue of products (swatches), the lots (status, use-by date and
warnings) and recalls (a recalled lot's clients with contact details and the contact log). Layout only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.models.ink_models import LotTableModel, ProductTableModel, RecallClientModel


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    return table


def _buttons(*buttons: QWidget, stretch_after: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    for number, button in enumerate(buttons):
        row.addWidget(button)
        if stretch_after is not None and number == stretch_after:
            row.addStretch(1)
    if stretch_after is None:
        row.addStretch(1)
    return row


class InkRegisterView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inkRegister")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Ink register"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("inkSummary")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.summary)
        layout.addLayout(heading)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inkTabs")
        self.tabs.addTab(self._catalogue(), self.tr("Catalogue"))
        self.tabs.addTab(self._lots(), self.tr("Lots"))
        self.tabs.addTab(self._recalls(), self.tr("Recalls"))
        layout.addWidget(self.tabs, 1)

    def _catalogue(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.product_model = ProductTableModel(page)
        self.product_table = _table("productTable")
        self.product_table.setModel(self.product_model)
        self.show_archived = QCheckBox(self.tr("Show archived products"))
        self.new_product_button = QPushButton(self.tr("New product…"))
        self.edit_product_button = QPushButton(self.tr("Edit…"))
        self.archive_product_button = QPushButton(self.tr("Archive"))
        self.import_products_button = QPushButton(self.tr("Import CSV…"))
        self.export_products_button = QPushButton(self.tr("Export CSV…"))
        layout.addLayout(
            _buttons(self.new_product_button, self.edit_product_button, self.archive_product_button,
                     self.show_archived, self.import_products_button, self.export_products_button, stretch_after=3)
        )  # fmt: skip
        layout.addWidget(self.product_table, 1)
        header = self.product_table.horizontalHeader()
        metrics = self.fontMetrics()
        for column, sample in enumerate(("Perma Scalp Pigments", "SMP Black Classic ", "Carbon black", "Lots usable")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 40)
        return page

    def _lots(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.lot_filter = QLineEdit()
        self.lot_filter.setObjectName("lotFilter")
        self.lot_filter.setPlaceholderText(self.tr("Find a lot: number, product, brand or supplier"))
        self.lot_filter.setClearButtonEnabled(True)
        self.show_used_up = QCheckBox(self.tr("Show used-up lots"))
        self.new_lot_button = QPushButton(self.tr("New lot…"))
        self.edit_lot_button = QPushButton(self.tr("Edit…"))
        self.opened_button = QPushButton(self.tr("Mark opened"))
        self.used_up_button = QPushButton(self.tr("Mark used up"))
        self.recall_button = QPushButton(self.tr("Recall…"))
        self.recall_button.setObjectName("recallLotButton")
        self.import_lots_button = QPushButton(self.tr("Import CSV…"))
        self.export_lots_button = QPushButton(self.tr("Export CSV…"))
        top = QHBoxLayout()
        top.addWidget(self.lot_filter, 1)
        top.addWidget(self.show_used_up)
        layout.addLayout(top)
        layout.addLayout(
            _buttons(self.new_lot_button, self.edit_lot_button, self.opened_button, self.used_up_button,
                     self.recall_button, self.import_lots_button, self.export_lots_button, stretch_after=4)
        )  # fmt: skip
        self.lot_model = LotTableModel(page)
        self.lot_table = _table("lotTable")
        self.lot_table.setModel(self.lot_model)
        header = self.lot_table.horizontalHeader()
        metrics = self.fontMetrics()
        samples = ("CB-26177 ", "Perma Scalp Pigments SMP Black Classic", "Tattoo Supply Ltd, Manchester",
                   "2027-03-10 (soon)", "In stock ", "⚠ Expired, label incomplete")  # fmt: skip
        for column, sample in enumerate(samples):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 34)
        layout.addWidget(self.lot_table, 1)
        return page

    def _recalls(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Recalled lot")))
        self.recall_choice = QComboBox()
        self.recall_choice.setObjectName("recallChoice")
        self.recall_choice.setMinimumWidth(360)
        top.addWidget(self.recall_choice, 1)
        layout.addLayout(top)
        self.recall_details = QLabel()
        self.recall_details.setObjectName("recallDetails")
        self.recall_details.setWordWrap(True)
        self.recall_details.setTextFormat(Qt.TextFormat.PlainText)
        self.recall_details.setStyleSheet(
            "QLabel { background: #fdf1ef; border: 1px solid #f0c4bd; border-radius: 6px; padding: 8px; }"
        )
        layout.addWidget(self.recall_details)
        self.log_contact_button = QPushButton(self.tr("Log contact attempt…"))
        self.log_contact_button.setObjectName("logContact")
        self.export_recall_csv_button = QPushButton(self.tr("Export list (CSV)…"))
        self.export_recall_pdf_button = QPushButton(self.tr("Export list (PDF)…"))
        self.letters_button = QPushButton(self.tr("Recall letters (PDF)…"))
        layout.addLayout(
            _buttons(self.log_contact_button, self.export_recall_csv_button, self.export_recall_pdf_button,
                     self.letters_button, stretch_after=0)
        )  # fmt: skip
        self.recall_model = RecallClientModel(page)
        self.recall_table = _table("recallTable")
        self.recall_table.setModel(self.recall_model)
        header = self.recall_table.horizontalHeader()
        metrics = self.fontMetrics()
        samples = ("Zoë Łukasiewicz  ", "+44 161 496 0123", "zoe.lukasiewicz@example.com",
                   "6 London Road, BT6 1YN", "2026-03-21; 2026-03-31", "2 · Text: Reached, informed")  # fmt: skip
        for column, sample in enumerate(samples):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.recall_table, 1)
        self.recall_empty = QLabel(self.tr("No lot has been recalled. Recall a lot from the Lots page."))
        self.recall_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.recall_empty)
        return page
