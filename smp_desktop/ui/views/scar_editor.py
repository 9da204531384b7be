"""The scars list on the client form: a small editable table with add and remove buttons."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.domain import ScarKind
from smp_desktop.ui.models.scar_table_model import KIND, LOCATION, NOTES, ScarTableModel
from smp_desktop.ui.views.choice_delegate import ChoiceDelegate

AnyIndex = QModelIndex | QPersistentModelIndex


class ScarEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ScarTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(KIND, ChoiceDelegate(ScarKind, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(LOCATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(KIND, self.fontMetrics().horizontalAdvance("Transplant strip (FUT)") + 40)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + 3 * row_height + 4)
        self.table.setMaximumHeight(header.sizeHint().height() + 5 * row_height + 4)

        self.add_button = QPushButton(self.tr("Add scar"))
        self.remove_button = QPushButton(self.tr("Remove scar"))
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(buttons)
