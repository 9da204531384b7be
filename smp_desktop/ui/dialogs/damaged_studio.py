"""At start, when the studio database is damaged: what happened, where the damaged file was kept, and a choice of
backup to restore (from the data folder's backups, or a file anywhere), or Quit. The studio is not open: the
backups listed are the core catalogue's, read by the caller."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smp_desktop import APP_NAME
from smp_desktop.core.backups import BackupRecord
from smp_desktop.core.backups.manifest import MANIFEST_NAME
from smp_desktop.core.studio_db import DatabaseDamaged
from smp_desktop.ui.models.backup_table_model import REASON, RESULT, SIZE, WHEN, BackupTableModel

DIALOG_STYLE = """
QLabel#dialogTitle { font-size: 15pt; font-weight: 600; }
QLabel#keptAside, QLabel#hint { color: palette(placeholder-text); }
"""


class DamagedStudioDialog(QDialog):
    def __init__(
        self,
        error: DatabaseDamaged,
        backups: Sequence[BackupRecord],
        backup_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damagedStudioDialog")
        self.setWindowTitle(APP_NAME)
        self.setStyleSheet(DIALOG_STYLE)
        self._chosen: Path | None = None
        self._backup_folder = backup_folder
        restorable = [record for record in backups if record.kind != "damaged"]
        self._build(error, restorable)
        self._connect_signals()
        if restorable:
            self.table.selectRow(next((i for i, r in enumerate(restorable) if r.ok), 0))
        self._on_selection_changed()

    def _build(self, error: DatabaseDamaged, backups: list[BackupRecord]) -> None:
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(self.tr("The studio database is damaged"))
        title.setObjectName("dialogTitle")
        self.explanation = QLabel(error.diagnosis.explanation)
        self.explanation.setWordWrap(True)
        if error.kept_at is not None:
            kept = self.tr("The damaged file is kept, unchanged, in %1. Nothing was deleted.").replace(
                "%1", str(error.kept_at.parent)
            )
        else:
            kept = self.tr("The damaged file was left where it is, unchanged.")
        self.kept_label = QLabel(kept)
        self.kept_label.setObjectName("keptAside")
        self.kept_label.setWordWrap(True)
        self.kept_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(self.explanation)
        words.addWidget(self.kept_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(words, 1)

        if backups:
            prompt = self.tr("Restore a backup to continue. The backups in %1:").replace("%1", str(self._backup_folder))
        else:
            prompt = self.tr(
                "There are no backups in %1. If your backups are on an external drive, connect it and choose "
                "Restore from File…"
            ).replace("%1", str(self._backup_folder))
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.model = BackupTableModel(self)
        self.model.set_backups(backups)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.setVisible(bool(backups))
        header = self.table.horizontalHeader()
        for column, mode in (
            (WHEN, QHeaderView.ResizeMode.ResizeToContents),
            (REASON, QHeaderView.ResizeMode.Stretch),
            (SIZE, QHeaderView.ResizeMode.ResizeToContents),
            (RESULT, QHeaderView.ResizeMode.ResizeToContents),
        ):
            header.setSectionResizeMode(column, mode)

        self.restore_button = QPushButton(self.tr("Restore This Backup"))
        self.restore_button.setDefault(True)
        self.restore_file_button = QPushButton(self.tr("Restore from File…"))
        self.quit_button = QPushButton(self.tr("Quit"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_file_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.prompt)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.restore_button.clicked.connect(self._on_restore_selected)
        self.restore_file_button.clicked.connect(self._on_restore_from_file)
        self.quit_button.clicked.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_restore_selected)

    def ask(self) -> Path | None:
        """The backup to restore (a backup folder, a manifest.json or a .sqlite copy), or None to quit."""
        self._chosen = None
        accepted = self.exec() == QDialog.DialogCode.Accepted
        return self._chosen if accepted else None

    def selected_backup(self) -> BackupRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _on_selection_changed(self, *_args: object) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _on_restore_selected(self, *_args: object) -> None:
        record = self.selected_backup()
        if record is not None:
            self._chosen = record.path
            self.accept()

    def _on_restore_from_file(self) -> None:
        start = str(self._backup_folder) if self._backup_folder.is_dir() else ""
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup to restore"),
            start,
            self.tr("SMP Desktop backups (%1 *.sqlite *.sqlite3 *.db);;All files (*)").replace("%1", MANIFEST_NAME),
        )
        if chosen:
            self._chosen = Path(chosen)
            self.accept()

    def sizeHint(self) -> QSize:
        return QSize(760, 460)
