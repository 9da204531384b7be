"""A client's signed consents as a table (newest first): form, version, signed, signer, witness, how."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from smp_desktop.core.models.consent import SigningMethod
from smp_desktop.core.services.consent_data import ConsentSummary

AnyIndex = QModelIndex | QPersistentModelIndex

FORM, VERSION, SIGNED, SIGNER, WITNESS, METHOD = range(6)
COLUMN_COUNT = 6
CONSENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's ConsentSummary
HEADERS = ("Form", "Version", "Signed", "Signed by", "Witness", "How")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentTableModel", text)


class ConsentTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ConsentSummary] = []

    def set_consents(self, consents: Iterable[ConsentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(consents)
        self.endResetModel()

    def consent_at(self, row: int) -> ConsentSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        consent = self._rows[index.row()]
        if role == CONSENT_ROLE:
            return consent
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == FORM:
                return consent.template_title
            if column == VERSION:
                return str(consent.template_version)
            if column == SIGNED:
                return consent.signed_at.astimezone().strftime("%d %b %Y %H:%M")
            if column == SIGNER:
                return consent.signer_name
            if column == WITNESS:
                return consent.witness_name
            return _tr("On screen") if consent.method is SigningMethod.ON_SCREEN else _tr("On paper (scan)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("SHA-256 of the signed record: %1").replace("%1", consent.document_sha256)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None
