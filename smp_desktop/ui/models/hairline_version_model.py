"""The versions of a client's hairline design for one view, newest (current) first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from smp_desktop.core.services.hairline_data import HairlineDesignRecord
from smp_desktop.ui.locale_format import format_date_time

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
IS_CURRENT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class HairlineVersionModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._records: list[HairlineDesignRecord] = []

    def set_records(self, records: list[HairlineDesignRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> HairlineDesignRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, design_id: int) -> int:
        return next((row for row, r in enumerate(self._records) if r.id == design_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = self.tr("Version %1").replace("%1", str(record.version))
            if record.is_current:
                title = self.tr("%1 · current").replace("%1", title)
            author = record.author_name or self.tr("former staff member")
            lines = [title, f"{format_date_time(record.created_at)} · {author}"]
            if record.note:
                lines.append(record.note)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.note or None
        if role == RECORD_ROLE:
            return record
        if role == IS_CURRENT_ROLE:
            return record.is_current
        return None
