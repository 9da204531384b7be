"""The scars on a client's form as an editable table: location, kind and notes per scar."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from smp_desktop.core.domain import ScarKind
from smp_desktop.core.services.client_data import ScarEntry
from smp_desktop.ui.vocabulary import label

AnyIndex = QModelIndex | QPersistentModelIndex

LOCATION, KIND, NOTES = range(3)
COLUMN_COUNT = 3


class ScarTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._scars: list[ScarEntry] = []

    def set_scars(self, scars: Iterable[ScarEntry]) -> None:
        self.beginResetModel()
        self._scars = list(scars)
        self.endResetModel()

    def scars(self) -> tuple[ScarEntry, ...]:
        return tuple(self._scars)

    def add_scar(self, scar: ScarEntry | None = None) -> int:
        row = len(self._scars)
        self.beginInsertRows(QModelIndex(), row, row)
        self._scars.append(scar or ScarEntry(location=""))
        self.endInsertRows()
        return row

    def remove_scar(self, row: int) -> None:
        if 0 <= row < len(self._scars):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._scars[row]
            self.endRemoveRows()

    # --- QAbstractTableModel --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._scars)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._scars):
            return None
        scar = self._scars[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KIND:
                return label(scar.kind)
            return scar.location if column == LOCATION else scar.notes
        if role == Qt.ItemDataRole.EditRole:
            if column == KIND:
                return scar.kind.value
            return scar.location if column == LOCATION else scar.notes
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        scar = self._scars[index.row()]
        column = index.column()
        if column == KIND:
            changed = ScarEntry(scar.location, ScarKind(value), scar.notes)
        elif column == LOCATION:
            changed = ScarEntry(str(value), scar.kind, scar.notes)
        else:
            changed = ScarEntry(scar.location, scar.kind, str(value))
        if changed == scar:
            return False
        self._scars[index.row()] = changed
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {LOCATION: self.tr("Where"), KIND: self.tr("Kind"), NOTES: self.tr("Notes")}.get(section)
