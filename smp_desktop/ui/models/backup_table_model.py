"""The backup list as a table model: when, why, how big, and whether the backup was verified sound.

The rows are `BackupRecord`s the controller read through the backup service (or, before a studio is open, the
core's catalogue); the model never touches a file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from smp_desktop.core.backups import BackupRecord
from smp_desktop.ui.locale_format import format_data_size, format_date_time

AnyIndex = QModelIndex | QPersistentModelIndex

WHEN, REASON, SIZE, RESULT = range(4)
COLUMN_COUNT = 4

BackupRole = Qt.ItemDataRole.UserRole + 1  # the row's BackupRecord
GoodRole = Qt.ItemDataRole.UserRole + 2  # True when verified sound

_CONTEXT = "BackupList"
PROBLEM_COLOUR = QColor("#b3261e")

# The reasons the app and the core write (a backup folder's name ends with one); others are shown as written.
_REASONS: dict[str, Any] = {  # Any: QT_TRANSLATE_NOOP is typed as returning object
    "manual": QT_TRANSLATE_NOOP("BackupList", "Backed up by hand"),
    "periodic": QT_TRANSLATE_NOOP("BackupList", "Automatic, while working"),
    "on-close": QT_TRANSLATE_NOOP("BackupList", "Automatic, when the app closed"),
    "before-restore": QT_TRANSLATE_NOOP("BackupList", "Safety copy before a restore"),
    "before-upgrade": QT_TRANSLATE_NOOP("BackupList", "Before an upgrade (database only)"),
    "before-import": QT_TRANSLATE_NOOP("BackupList", "Before a client import"),
    "database-copy": QT_TRANSLATE_NOOP("BackupList", "Database copy"),
}
_HEADERS: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("BackupList", "When"),
    QT_TRANSLATE_NOOP("BackupList", "Why"),
    QT_TRANSLATE_NOOP("BackupList", "Size"),
    QT_TRANSLATE_NOOP("BackupList", "Result"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def reason_text(reason: str) -> str:
    known = _REASONS.get(reason)
    return _tr(str(known)) if known else reason.replace("-", " ").capitalize()


def result_text(record: BackupRecord) -> str:
    if record.kind == "damaged":
        return _tr("Problem: damaged, cannot be restored")
    if record.kind == "database-copy":
        return _tr("Database only, checked when restored")
    if record.verification is None:
        return _tr("Problem: never checked")
    if record.verification.ok:
        return _tr("OK, verified")
    return _tr("Problem: failed its check")


def result_details(record: BackupRecord) -> str:
    """The tooltip: what was checked, or every problem found (the core's own words)."""
    if record.kind == "damaged":
        return "\n".join(record.notes)
    if record.verification is None:
        return str(record.path)
    if record.verification.ok:
        return _tr("Checked: %1").replace("%1", ", ".join(record.verification.checked))
    return "\n".join(f"• {problem}" for problem in record.verification.problems)


def describe(record: BackupRecord) -> str:
    """One line naming a backup for a question or a message: "25/11/2026 10:30 (Backed up by hand)"."""
    return f"{format_date_time(record.created_at)} ({reason_text(record.reason)})"


class BackupTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupRecord] = []

    def set_backups(self, records: Sequence[BackupRecord]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def backups(self) -> list[BackupRecord]:
        return list(self._rows)

    # --- QAbstractTableModel --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < COLUMN_COUNT:
            return _tr(str(_HEADERS[section]))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.backup_at(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return result_details(record) if column == RESULT else str(record.path)
        if role == Qt.ItemDataRole.ForegroundRole and column == RESULT and _is_problem(record):
            return QBrush(PROBLEM_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == BackupRole:
            return record
        if role == GoodRole:
            return record.ok
        return None

    @staticmethod
    def _display(record: BackupRecord, column: int) -> str:
        if column == WHEN:
            return format_date_time(record.created_at)
        if column == REASON:
            return reason_text(record.reason)
        if column == SIZE:
            return format_data_size(record.size) if record.kind != "damaged" else ""
        return result_text(record)


def _is_problem(record: BackupRecord) -> bool:
    return record.kind == "damaged" or (record.kind == "backup" and not record.ok)
