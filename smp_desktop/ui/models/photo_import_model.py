"""The files of one import, as a list: first what was chosen, then what became of each (imported, already in the
library, or rejected and why)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from smp_desktop.core.services.photo_data import ImportedFile, ImportOutcome

AnyIndex = QModelIndex | QPersistentModelIndex

PathRole = Qt.ItemDataRole.UserRole + 1
OutcomeRole = Qt.ItemDataRole.UserRole + 2  # ImportOutcome, or None before the import
ReasonRole = Qt.ItemDataRole.UserRole + 3

REJECTED_COLOUR = QColor("#b3261e")
IMPORTED_COLOUR = QColor("#2e7d4f")

ReasonText = Callable[[ImportedFile], str]  # a rejected file's reason in the user's language


class PhotoImportModel(QAbstractListModel):
    def __init__(self, reason_text: ReasonText, parent: Any = None) -> None:
        super().__init__(parent)
        self._files: list[Path] = []
        self._outcomes: dict[Path, ImportedFile] = {}
        self._reason_text = reason_text
        self._stopped = False

    def set_files(self, files: Sequence[Path]) -> None:
        self.beginResetModel()
        self._files = list(dict.fromkeys(files))  # the same file dropped twice is one file
        self._outcomes = {}
        self._stopped = False
        self.endResetModel()

    def files(self) -> list[Path]:
        return list(self._files)

    def show_outcomes(self, outcomes: Sequence[ImportedFile], *, stopped: bool = False) -> None:
        """What became of each file; stopped: the import was cancelled, so the files without an outcome were
        never looked at."""
        self._outcomes = {item.source: item for item in outcomes}
        self._stopped = stopped
        if self._files:
            self.dataChanged.emit(self.index(0), self.index(len(self._files) - 1))

    def outcome(self, row: int) -> ImportedFile | None:
        return self._outcomes.get(self._files[row]) if 0 <= row < len(self._files) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._files)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._files):
            return None
        path = self._files[index.row()]
        outcome = self._outcomes.get(path)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(path, outcome)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        if role == PathRole:
            return path
        if role == OutcomeRole:
            return outcome.outcome if outcome is not None else None
        if role == ReasonRole:
            return self._reason_text(outcome) if outcome is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole and outcome is not None:
            if outcome.outcome is ImportOutcome.REJECTED:
                return REJECTED_COLOUR
            if outcome.outcome is ImportOutcome.IMPORTED:
                return IMPORTED_COLOUR
        return None

    def _text(self, path: Path, outcome: ImportedFile | None) -> str:
        if outcome is None:
            return self.tr("%1 — not imported (stopped)").replace("%1", path.name) if self._stopped else path.name
        if outcome.outcome is ImportOutcome.IMPORTED:
            return self.tr("%1 — imported").replace("%1", path.name)
        if outcome.outcome is ImportOutcome.ALREADY_PRESENT:
            return self.tr("%1 — already in this client's photos").replace("%1", path.name)
        return self.tr("%1 — not imported: %2").replace("%1", path.name).replace("%2", self._reason_text(outcome))
