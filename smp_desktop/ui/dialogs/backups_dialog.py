"""File ▸ Backups…: where backups go, the list of them, and the buttons to make, restore and find them. Layout
only; controllers/backups_dialog_controller.py gives it its behaviour."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.models.backup_table_model import REASON, RESULT, SIZE, WHEN, BackupTableModel

DIALOG_STYLE = """
QLabel#dialogTitle { font-size: 15pt; font-weight: 600; }
QFrame#folderBox { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
QLabel#folderPath { font-weight: 600; }
QLabel#hint, QLabel#listStatus { color: palette(placeholder-text); }
QLabel#listStatus[problem="true"] { color: #b3261e; }
"""


class BackupsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.setStyleSheet(DIALOG_STYLE)
        self.setSizeGripEnabled(True)

        title = QLabel(self.tr("Backups"))
        title.setObjectName("dialogTitle")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self._folder_box())

        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SIZE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        self.list_status = QLabel()
        self.list_status.setObjectName("listStatus")
        self.list_status.setWordWrap(True)
        self.list_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.list_status)

        self.back_up_button = QPushButton(self.tr("Back Up Now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setToolTip(self.tr("Put the studio back as it was in the chosen backup"))
        self.restore_file_button = QPushButton(self.tr("Restore from File…"))
        self.restore_file_button.setToolTip(
            self.tr("Restore a backup kept somewhere else: choose its manifest.json, or a .sqlite database copy")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.back_up_button)
        row.addWidget(self.restore_button)
        row.addWidget(self.restore_file_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)

    def _folder_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("folderBox")
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(6)
        top = QHBoxLayout()
        where = QLabel(self.tr("Backups are kept in"))
        self.folder_label = QLabel()
        self.folder_label.setObjectName("folderPath")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_folder_button = QPushButton(self.tr("Open Folder"))
        self.choose_folder_button = QPushButton(self.tr("Choose Backup Folder…"))
        top.addWidget(where)
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.open_folder_button)
        top.addWidget(self.choose_folder_button)
        self.hint = QLabel(
            self.tr(
                "An external drive is the safest place: it survives this computer's disk failing or being stolen. "
                "Keep it connected while you work: a backup is made when the app closes, and every 30 minutes "
                "while there are changes. Each backup is checked after it is written; the newest are kept, then "
                "one a day, one a week and one a month."
            )
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        column.addLayout(top)
        column.addWidget(self.hint)
        return box

    def sizeHint(self) -> QSize:
        return QSize(820, 520)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.setFocus()  # the list first, not the first button in the folder box
