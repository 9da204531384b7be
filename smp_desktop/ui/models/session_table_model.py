"""A client's sessions as a table (newest first): when, kind, status, artist and the zones treated."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from smp_desktop.core.domain import SessionStatus
from smp_desktop.core.services.session_data import SessionSummary
from smp_desktop.ui.session_wording import session_time_span, zones_text
from smp_desktop.ui.vocabulary import label

AnyIndex = QModelIndex | QPersistentModelIndex

WHEN, KIND, STATUS, ARTIST, ZONES = range(5)
COLUMN_COUNT = 5
SESSION_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's SessionSummary

CANCELLED_COLOUR = QColor("#6b7280")
PLANNED_COLOUR = QColor("#1d4ed8")


class SessionTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionSummary] = []
        self._today: date | None = None

    def set_sessions(self, sessions: Iterable[SessionSummary], today: date) -> None:
        self.beginResetModel()
        self._rows = list(sessions)
        self._today = today
        self.endResetModel()

    def session_at(self, row: int) -> SessionSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, session_id: int) -> int:
        return next((row for row, s in enumerate(self._rows) if s.id == session_id), -1)

    # --- QAbstractTableModel --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        session = self._rows[index.row()]
        column = index.column()
        if role == SESSION_ROLE:
            return session
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                WHEN: lambda: session_time_span(session.starts_at, session.duration_minutes),
                KIND: lambda: label(session.kind),
                STATUS: lambda: label(session.status),
                ARTIST: lambda: session.artist_name or "—",
                ZONES: lambda: zones_text(session.zones),
            }[column]()
        if role == Qt.ItemDataRole.ToolTipRole:
            if session.status is SessionStatus.CANCELLED and session.cancel_reason:
                return self.tr("Cancelled: %1").replace("%1", session.cancel_reason)
            if column == ZONES and session.zones:
                return zones_text(session.zones)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if session.status is SessionStatus.CANCELLED:
                return CANCELLED_COLOUR
            if column == STATUS and session.status is SessionStatus.PLANNED:
                return PLANNED_COLOUR
            return None
        if role == Qt.ItemDataRole.FontRole and session.status is SessionStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(column == WHEN)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            WHEN: self.tr("When"),
            KIND: self.tr("Session"),
            STATUS: self.tr("Status"),
            ARTIST: self.tr("Artist"),
            ZONES: self.tr("Zones"),
        }.get(section)
