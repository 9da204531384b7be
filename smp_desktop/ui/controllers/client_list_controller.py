"""The client list's behaviour: browse page by page, search as the user types, keep the open client selected."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientSummary
from smp_desktop.core.services.client_search import SearchResult
from smp_desktop.core.services.clients import ClientService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.locale_format import format_count
from smp_desktop.ui.models.client_list_model import PAGE_SIZE, ClientListModel, Cursor, PageSource
from smp_desktop.ui.views.clients_area_view import ClientsAreaView

SEARCH_LIMIT = 100  # what the benchmark measures; the user narrows further by typing
SEARCH_DELAY_MS = 25  # coalesces a burst of keystrokes; short enough that results follow every character
MAX_PAGES_TO_FIND = 50  # after a save, how far the list pages ahead to show (and select) the saved client
LIST_STREAM = "client-list"  # browse and search share one stream: whichever was asked last is what shows

BrowseResult = tuple[Sequence[ClientSummary], Cursor | None, int, int]


class ClientListController(QObject):
    client_picked = Signal(int)  # the user moved to a client's row
    active_count_changed = Signal(int)  # clients not archived, for the status bar

    def __init__(
        self,
        view: ClientsAreaView,
        clients: ClientService,
        actor: Actor,
        runner: Runner,
        *,
        search_delay_ms: int = SEARCH_DELAY_MS,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._clients = clients
        self._actor = actor
        self._runner = runner
        self.model = ClientListModel(self)
        view.show_model(self.model, self.model.header_labels())
        view.size_columns()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(search_delay_ms)
        self._include_archived = False
        self._selected_id: int | None = None
        self._silent = False
        self._connect_signals()

    # --- what other controllers use -------------------------------------------------------------------------
    @property
    def include_archived(self) -> bool:
        return self._include_archived

    def set_include_archived(self, include: bool) -> None:
        self._include_archived = include
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Reload what the list shows (browse or the current search), then select `select_id` if it is there."""
        if select_id is not None:
            self._selected_id = select_id
        query = self._view.search_box.text().strip()
        if query:
            self._search(query)
        else:
            self._browse(find=select_id)

    def select_client(self, client_id: int | None) -> None:
        """Show `client_id` as the selected row (if listed) without treating it as the user's pick."""
        self._selected_id = client_id
        self._select_row(self.model.row_of(client_id) if client_id is not None else None)

    def focus_search(self, *, by_shortcut: bool = True) -> None:
        """The search box takes the keyboard: by Ctrl+F, or (by_shortcut=False) as the window is built, before the
        list's first paint, when no `Qt` enum is named yet (ui/qt_values.py)."""
        box = self._view.search_box
        if by_shortcut:
            from PySide6.QtCore import Qt

            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            box.setFocus()
        box.selectAll()

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        self._view.search_box.textChanged.connect(self._on_search_text_changed)
        self._search_timer.timeout.connect(self._on_search_due)
        self._view.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self._view.search_box.installEventFilter(self)

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_due(self) -> None:
        self.refresh()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._silent or not current.isValid():
            return  # a reset or a programmatic change; the open client stays open
        client_id = self.model.summary(current.row()).id
        if client_id != self._selected_id:
            self._selected_id = client_id
            self.client_picked.emit(client_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = getattr(self, "_view", None)  # None while the window is being torn down
        if view is not None and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            from PySide6.QtCore import Qt  # (not at import: see ui/qt_values.py)

            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._search_now()
                if self.model.rowCount() > 0:
                    self._view.table.setCurrentIndex(self.model.index(0, 0))
                return True
            if key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self._search_now()
                table = self._view.table
                table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not table.currentIndex().isValid():
                    table.setCurrentIndex(self.model.index(0, 0))
                return True
            if key == Qt.Key.Key_Escape and self._view.search_box.text():
                self._view.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    def _search_now(self) -> None:
        """Enter or Down right after typing: run the pending search first, so the action uses fresh rows."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.refresh()

    # --- loading --------------------------------------------------------------------------------------------
    def _browse(self, *, find: int | None) -> None:
        clients, actor, include = self._clients, self._actor, self._include_archived

        def load() -> BrowseResult:
            rows, cursor = clients.list_page(actor, limit=PAGE_SIZE, include_archived=include)
            shown = clients.count(actor, include_archived=include)
            active = clients.count(actor) if include else shown
            return rows, cursor, shown, active

        self._runner.run(load, on_done=lambda result: self._on_browse_loaded(result, find), latest_only=LIST_STREAM)

    def _page_source(self) -> PageSource:
        clients, actor, include = self._clients, self._actor, self._include_archived
        return lambda after, limit: clients.list_page(actor, after=after, limit=limit, include_archived=include)

    def _on_browse_loaded(self, result: BrowseResult, find: int | None) -> None:
        rows, cursor, shown, active = result
        self._silent = True
        try:
            self.model.show_browse_page(rows, cursor, self._page_source())
        finally:
            self._silent = False
        if find is not None:
            root = QModelIndex()
            while self.model.row_of(find) is None and self.model.canFetchMore(root):
                if self.model.pages_fetched >= MAX_PAGES_TO_FIND:
                    break
                self.model.fetchMore(root)
        self._view.count_label.setText(
            self.tr("1 client") if shown == 1 else self.tr("%1 clients").replace("%1", format_count(shown))
        )
        self.active_count_changed.emit(active)
        self.select_client(self._selected_id)

    def _search(self, query: str) -> None:
        clients, actor, include = self._clients, self._actor, self._include_archived
        self._runner.run(
            lambda: clients.search(actor, query, limit=SEARCH_LIMIT, include_archived=include),
            on_done=self._on_search_done,
            latest_only=LIST_STREAM,
        )

    def _on_search_done(self, result: SearchResult) -> None:
        self._silent = True
        try:
            self.model.show_search_results(result.rows, more=result.more)
        finally:
            self._silent = False
        found = len(result.rows)
        if result.more:
            text = self.tr("%1+ matches — keep typing").replace("%1", format_count(found))
        elif found == 0:
            text = self.tr("No client matches “%1”").replace("%1", result.query.strip())
        elif found == 1:
            text = self.tr("1 match")
        else:
            text = self.tr("%1 matches").replace("%1", format_count(found))
        self._view.count_label.setText(text)
        self.select_client(self._selected_id)

    def _select_row(self, row: int | None) -> None:
        table = self._view.table
        selection = table.selectionModel()
        self._silent = True
        try:
            if row is None:
                selection.clear()
            else:
                index = self.model.index(row, 0)
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                selection.setCurrentIndex(index, flags)
                table.scrollTo(index)
        finally:
            self._silent = False
