"""The client list as a table model: keyset pages while browsing, or one ranked page of search results.

The model never reaches the database: browsing asks a `PageSource` the controller supplies (a service call), and
search results are handed in whole. Only what has been shown is loaded; the view asks for more as it scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from smp_desktop.core.services.client_data import ClientSummary
from smp_desktop.ui.locale_format import format_date

Cursor = tuple[str, int]
# (after, limit) -> (rows, cursor of the next page or None at the end)
PageSource = Callable[[Cursor | None, int], tuple[Sequence[ClientSummary], Cursor | None]]
AnyIndex = QModelIndex | QPersistentModelIndex

NAME, DATE_OF_BIRTH, PHONE, EMAIL = range(4)
COLUMN_COUNT = 4
PAGE_SIZE = 100  # the first page paints at once even with 100,000 clients; more arrive as the list scrolls

ClientIdRole = Qt.ItemDataRole.UserRole + 1
ArchivedRole = Qt.ItemDataRole.UserRole + 2
# The roles `data` answers, as plain ints: it runs for every cell painted, and the view passes ints.
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_FONT, _FOREGROUND = int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.ForegroundRole)
_CLIENT_ID, _ARCHIVED = int(ClientIdRole), int(ArchivedRole)


class ListMode(Enum):
    BROWSING = auto()
    SEARCH = auto()


def list_name(client: ClientSummary) -> str:
    """Family name first, as the list is sorted: "Żółkiewski, Jan (Janek)", "王伟"."""
    return client.list_name


class ClientListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ClientSummary] = []
        self._mode = ListMode.BROWSING
        self._source: PageSource | None = None
        self._cursor: Cursor | None = None
        self._more_matches = False
        self.pages_fetched = 0

    # --- what the controller sets ---------------------------------------------------------------------------
    def show_browse_page(self, rows: Sequence[ClientSummary], cursor: Cursor | None, source: PageSource) -> None:
        """Browsing: the first page (fetched off the GUI thread), and where the following pages come from."""
        self.beginResetModel()
        self._mode = ListMode.BROWSING
        self._rows = list(rows)
        self._cursor = cursor
        self._source = source
        self._more_matches = False
        self.pages_fetched = 1
        self.endResetModel()

    def show_search_results(self, rows: Sequence[ClientSummary], *, more: bool) -> None:
        self.beginResetModel()
        self._mode = ListMode.SEARCH
        self._rows = list(rows)
        self._cursor = None
        self._source = None
        self._more_matches = more
        self.pages_fetched = 0
        self.endResetModel()

    # --- what the controller reads --------------------------------------------------------------------------
    @property
    def mode(self) -> ListMode:
        return self._mode

    @property
    def more_matches(self) -> bool:
        """Search only: more clients match than the page holds; the user should type more."""
        return self._more_matches

    def summary(self, row: int) -> ClientSummary:
        return self._rows[row]

    def row_of(self, client_id: int) -> int | None:
        return next((row for row, client in enumerate(self._rows) if client.id == client_id), None)

    def replace_summary(self, summary: ClientSummary) -> None:
        row = self.row_of(summary.id)
        if row is not None:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # --- QAbstractTableModel --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._mode is ListMode.BROWSING and self._cursor is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent) or self._source is None:
            return
        # Keyset paging: one indexed query of PAGE_SIZE rows, quick enough for the GUI thread as the user scrolls.
        rows, cursor = self._source(self._cursor, PAGE_SIZE)
        self._cursor = cursor
        self.pages_fetched += 1
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        client = self._rows[index.row()]
        if role in (_DISPLAY, _TOOLTIP):
            text = self._text(client, index.column())
            if role == _TOOLTIP and client.archived:
                return self.tr("%1 — archived").replace("%1", text)
            return text
        if role == _CLIENT_ID:
            return client.id
        if role == _ARCHIVED:
            return client.archived
        if not client.archived:
            return None
        # Archived rows (shown on request) in italics and the disabled text colour; their classes load with them.
        if role == _FONT:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        if role == _FOREGROUND:
            from PySide6.QtGui import QPalette
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            NAME: self.tr("Name"),
            DATE_OF_BIRTH: self.tr("Date of birth"),
            PHONE: self.tr("Phone"),
            EMAIL: self.tr("E-mail"),
        }.get(section)

    @staticmethod
    def _text(client: ClientSummary, column: int) -> str:
        if column == NAME:
            return list_name(client)
        if column == DATE_OF_BIRTH:
            return format_date(client.date_of_birth)
        if column == PHONE:
            return client.phone
        if column == EMAIL:
            return client.email
        return ""
