"""The Clients area: search box and client list on the left, the open client's page on the right. Layout only.

The client's page (the profile form and the tabs beside it) is built on first use (`form`, `client_tabs`): start-up
shows the list and a placeholder, and the form's module and its hundred editors come a moment later
(ClientsController builds them shortly after the list's first page, or at once when a client is opened)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui import qt_values
from smp_desktop.ui.models.client_list_model import DATE_OF_BIRTH, EMAIL, NAME, PHONE

if TYPE_CHECKING:
    from smp_desktop.ui.views.client_form_view import ClientFormView

# Each on its own label: a style sheet on the area would be applied to every widget of the client page under it, the
# form's hundred editors included (a good part of building the window at start-up).
COUNT_STYLE = "color: palette(placeholder-text); padding: 2px 2px;"
PLACEHOLDER_TITLE_STYLE = "font-size: 14pt; font-weight: 600;"
PLACEHOLDER_TEXT_STYLE = "color: palette(placeholder-text);"


class ClientTable(QTableView):
    """The client list's table: columns sized from the font, the least needed ones hidden when it is narrow."""

    def fit_columns(self) -> None:
        width = self.viewport().width()
        for column, hidden in ((EMAIL, width < 640), (DATE_OF_BIRTH, width < 360)):
            if self.isColumnHidden(column) != hidden:  # (each change lays the header out again)
                self.setColumnHidden(column, hidden)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


class ClientsAreaView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form: ClientFormView | None = None
        self._client_tabs: QTabWidget | None = None
        # Built before the list's first paint: no `Qt` enum is named here (ui/qt_values.py). A splitter lays its
        # parts side by side unless told otherwise.
        self.splitter = QSplitter()
        self.splitter.setObjectName("clientsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._list_panel())
        self.splitter.addWidget(self._page_panel())
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 840])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _list_panel(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(260)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("clientSearch")
        self.search_box.setPlaceholderText(self.tr("Search name, phone or e-mail… (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("New client"))
        self.new_button.setToolTip(self.tr("Add a client (Ctrl+N)"))
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)

        self.table = ClientTable()
        self.table.setObjectName("clientTable")
        self.table.setSortingEnabled(False)  # the list is ordered by the service (family name), page by page
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)  # long names end in "…" (a table's default text elide mode, ElideRight)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)

        self.count_label = QLabel()
        self.count_label.setObjectName("listCount")
        self.count_label.setStyleSheet(COUNT_STYLE)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(10, 10, 6, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        return panel

    def show_model(self, model: QAbstractItemModel, titles: list[str]) -> None:
        """The list's model in the table, and the columns' titles in its header from a model of their own: the
        header never asks the list's Python headerData, which PySide calls with a `Qt.Orientation` (ui/qt_values.py).
        The header is hidden while the table takes the model, or it would measure its titles from the list's model.
        Call before size_columns (a header given a model lays its sections out afresh)."""
        header = self.table.horizontalHeader()
        header.hide()
        self.table.setModel(model)
        labels = QStandardItemModel(0, len(titles), header)
        labels.setHorizontalHeaderLabels(titles)
        header.setModel(labels)
        header.show()

    def size_columns(self) -> None:
        """Column widths from the font, not the data: measuring every row would defeat paging."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setProperty("defaultAlignment", qt_values.ALIGN_LEFT_VCENTER)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(metrics.horizontalAdvance("M") * 4)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (DATE_OF_BIRTH, PHONE, EMAIL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DATE_OF_BIRTH, metrics.horizontalAdvance("00/00/00000") + 14)
        header.resizeSection(PHONE, metrics.horizontalAdvance("+44 7911 1234567") + 16)
        header.resizeSection(EMAIL, metrics.horizontalAdvance("firstname.lastname@mail") + 16)
        self.table.fit_columns()

    def _page_panel(self) -> QWidget:
        self.page_stack = QStackedWidget()
        self.placeholder = QWidget()
        title = QLabel(self.tr("No client open"))
        title.setObjectName("placeholderTitle")
        title.setStyleSheet(PLACEHOLDER_TITLE_STYLE)
        text = QLabel(self.tr("Pick a client from the list, or press Ctrl+N to add a new one."))
        text.setObjectName("placeholderText")
        text.setStyleSheet(PLACEHOLDER_TEXT_STYLE)
        column = QVBoxLayout(self.placeholder)
        column.addStretch(1)
        text.setWordWrap(True)
        for label in (title, text):
            label.setProperty("alignment", qt_values.ALIGN_CENTER)
            column.addWidget(label)
        column.addStretch(2)
        self.page_stack.addWidget(self.placeholder)
        return self.page_stack

    # --- the client's page, built on first use --------------------------------------------------------------
    @property
    def page_built(self) -> bool:
        return self._client_tabs is not None

    @property
    def form(self) -> ClientFormView:
        """The profile form (the client's page is built now if it is not yet)."""
        self._build_page()
        assert self._form is not None
        return self._form

    @property
    def client_tabs(self) -> QTabWidget:
        """The client's page: the profile form first, then one tab per area that hangs off a client (sessions,
        photos, hairline design...). Areas add theirs with add_client_tab."""
        self._build_page()
        assert self._client_tabs is not None
        return self._client_tabs

    def _build_page(self) -> None:
        if self._client_tabs is not None:
            return
        from smp_desktop.ui.views.client_form_view import ClientFormView  # with the page, after the list shows

        self._form = ClientFormView()
        self._client_tabs = QTabWidget()
        self._client_tabs.setObjectName("clientTabs")
        self._client_tabs.setDocumentMode(True)
        self._client_tabs.addTab(self._form, self.tr("Profile"))
        self.page_stack.addWidget(self._client_tabs)

    def add_client_tab(self, page: QWidget, title: str) -> int:
        """A tab on the client's page; it is enabled only while a saved client is open."""
        return self.client_tabs.addTab(page, title)

    def set_client_tabs_enabled(self, enabled: bool) -> None:
        if not self.page_built:
            return  # no page yet: its tabs are added (and set) when it is built
        for index in range(1, self.client_tabs.count()):
            self.client_tabs.setTabEnabled(index, enabled)
        if not enabled:
            self.client_tabs.setCurrentWidget(self.form)

    def show_placeholder(self) -> None:
        self.page_stack.setCurrentWidget(self.placeholder)

    def show_form(self) -> None:
        self.page_stack.setCurrentWidget(self.client_tabs)
