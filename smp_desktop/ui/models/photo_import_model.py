"""The files of one import, as a list: first what was chosen, then what became of each (imported, already in the
library, or rejected and why).

A QStandardItemModel that keeps each row's text, colour and roles in C++: the dialog's word-wrapped list asks for
them on every layout and repaint, and while an import runs on other threads, each of those questions answered in
Python would have to wait for the interpreter lock. Python is only called when the files or the outcomes change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from smp_desktop.core.services.photo_data import ImportedFile, ImportOutcome

PathRole = Qt.ItemDataRole.UserRole + 1
OutcomeRole = Qt.ItemDataRole.UserRole + 2  # the ImportOutcome's value (Qt keeps it as text), None before the import
ReasonRole = Qt.ItemDataRole.UserRole + 3

REJECTED_COLOUR = QColor("#b3261e")
IMPORTED_COLOUR = QColor("#2e7d4f")

ReasonText = Callable[[ImportedFile], str]  # a rejected file's reason in the user's language


class PhotoImportModel(QStandardItemModel):
    def __init__(self, reason_text: ReasonText, parent: Any = None) -> None:
        super().__init__(parent)
        self._files: list[Path] = []
        self._outcomes: dict[Path, ImportedFile] = {}
        self._reason_text = reason_text

    def set_files(self, files: Sequence[Path]) -> None:
        self._files = list(dict.fromkeys(files))  # the same file dropped twice is one file
        self._outcomes = {}
        self.setRowCount(0)
        items = []
        for path in self._files:
            item = QStandardItem(path.name)
            item.setEditable(False)
            item.setToolTip(str(path))
            item.setData(path, PathRole)
            item.setData("", ReasonRole)
            items.append(item)
        self.invisibleRootItem().appendRows(items)

    def files(self) -> list[Path]:
        return list(self._files)

    def row_index(self, row: int) -> QModelIndex:
        return self.index(row, 0)

    def show_outcomes(self, outcomes: Sequence[ImportedFile], *, stopped: bool = False) -> None:
        """What became of each file; stopped: the import was cancelled, so the files without an outcome were
        never looked at. The rows change quietly and the view hears of them once."""
        self._outcomes = {item.source: item for item in outcomes}
        blocked = self.blockSignals(True)
        try:
            for row, path in enumerate(self._files):
                outcome = self._outcomes.get(path)
                item = self.item(row)
                item.setText(self._text(path, outcome, stopped))
                item.setData(outcome.outcome if outcome is not None else None, OutcomeRole)
                item.setData(self._reason_text(outcome) if outcome is not None else "", ReasonRole)
                item.setData(self._colour(outcome), Qt.ItemDataRole.ForegroundRole)
        finally:
            self.blockSignals(blocked)
        if self._files:
            self.dataChanged.emit(self.row_index(0), self.row_index(len(self._files) - 1))

    def outcome(self, row: int) -> ImportedFile | None:
        return self._outcomes.get(self._files[row]) if 0 <= row < len(self._files) else None

    def _text(self, path: Path, outcome: ImportedFile | None, stopped: bool) -> str:
        if outcome is None:
            return self.tr("%1 — not imported (stopped)").replace("%1", path.name) if stopped else path.name
        if outcome.outcome is ImportOutcome.IMPORTED:
            return self.tr("%1 — imported").replace("%1", path.name)
        if outcome.outcome is ImportOutcome.ALREADY_PRESENT:
            return self.tr("%1 — already in this client's photos").replace("%1", path.name)
        return self.tr("%1 — not imported: %2").replace("%1", path.name).replace("%2", self._reason_text(outcome))

    @staticmethod
    def _colour(outcome: ImportedFile | None) -> QColor | None:
        if outcome is None:
            return None
        if outcome.outcome is ImportOutcome.REJECTED:
            return REJECTED_COLOUR
        if outcome.outcome is ImportOutcome.IMPORTED:
            return IMPORTED_COLOUR
        return None
