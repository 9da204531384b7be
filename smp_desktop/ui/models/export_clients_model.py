"""The clients a batch export may take, each with a tick box; archived clients only when asked for."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from smp_desktop.core.services.exports import ClientChoice

Index = QModelIndex | QPersistentModelIndex


class ExportClientsModel(QAbstractListModel):
    checked_changed = Signal(int)  # how many are ticked

    def __init__(self) -> None:
        super().__init__()
        self._all: list[ClientChoice] = []
        self._shown: list[ClientChoice] = []
        self._checked: set[int] = set()
        self._archived = False

    def set_clients(self, clients: list[ClientChoice]) -> None:
        self._all = list(clients)
        self._checked &= {c.id for c in clients}
        self._refilter()

    def set_include_archived(self, include: bool) -> None:
        self._archived = include
        self._refilter()

    def set_all_checked(self, checked: bool) -> None:
        self._checked = {c.id for c in self._shown} if checked else set()
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1), [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit(len(self._checked))

    def checked_ids(self) -> list[int]:
        """The ticked clients that are shown, in the list's order."""
        return [c.id for c in self._shown if c.id in self._checked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        client = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return client.name + (self.tr(" (archived)") if client.archived else "")
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if client.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return client.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        client = self._shown[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(client.id)
        else:
            self._checked.discard(client.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit(len(self.checked_ids()))
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = [c for c in self._all if self._archived or not c.archived]
        self.endResetModel()
        self.checked_changed.emit(len(self.checked_ids()))
