"""The client list as a table model: keyset pages while browsing, or one ranked page of search results.

The model never reaches the database: browsing asks a `PageSource` the controller supplies (a service call), and
search results are handed in whole. Only what has been shown is loaded; the view asks for more as it scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum, auto
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

from smp_desktop.core.services.client_data import ClientSummary
from smp_desktop.ui import qt_values
from smp_desktop.ui.locale_format import format_date

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

Cursor = tuple[str, int]
# (after, limit) -> (rows, cursor of the next page or None at the end)
PageSource = Callable[[Cursor | None, int], tuple[Sequence[ClientSummary], Cursor | None]]
AnyIndex = QModelIndex | QPersistentModelIndex

NAME, DATE_OF_BIRTH, PHONE, EMAIL = range(4)
COLUMN_COUNT = 4
PAGE_SIZE = 100  # the first page paints at once even with 100,000 clients; more arrive as the list scrolls

ClientIdRole = qt_values.USER_ROLE + 1
ArchivedRole = qt_values.USER_ROLE + 2
# The roles `data` answers, as plain ints: it runs for every cell painted, the view passes ints, and the `Qt`
# namespace's enums are not made before the list's first paint (ui/qt_values.py).
_DISPLAY, _TOOLTIP = qt_values.DISPLAY_ROLE, qt_values.TOOLTIP_ROLE
_FONT, _FOREGROUND = qt_values.FONT_ROLE, qt_values.FOREGROUND_ROLE


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

    def data(self, index: AnyIndex, role: int = qt_values.DISPLAY_ROLE) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        client = self._rows[index.row()]
        if role in (_DISPLAY, _TOOLTIP):
            text = self._text(client, index.column())
            if role == _TOOLTIP and client.archived:
                return self.tr("%1 — archived").replace("%1", text)
            return text
        if role == ClientIdRole:
            return client.id
        if role == ArchivedRole:
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

    def header_labels(self) -> list[str]:
        """The columns' titles, in column order. The view's header shows them from a model of its own
        (ClientsAreaView.show_model): PySide calls a Python headerData with a `Qt.Orientation`, which would make the
        `Qt` namespace's enums before the list's first paint (ui/qt_values.py)."""
        return [self.tr("Name"), self.tr("Date of birth"), self.tr("Phone"), self.tr("E-mail")]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = qt_values.DISPLAY_ROLE) -> Any:
        """The same titles for whoever asks the model (screen readers read a table's headers from its model)."""
        from PySide6.QtCore import Qt  # (made by PySide to call this: `orientation` is one)

        if orientation != Qt.Orientation.Horizontal or role != qt_values.DISPLAY_ROLE:
            return None
        labels = self.header_labels()
        return labels[section] if 0 <= section < len(labels) else None

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
