"""The client's Photos tab: the actions, the grid of photos grouped by session and view, and a drop target for
files and folders dragged from the desktop. Layout only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.models.photo_gallery_model import Grouping
from smp_desktop.ui.views.photo_tile_delegate import PhotoTileDelegate

GALLERY_STYLE = """
QLabel#photoCount { color: palette(placeholder-text); padding: 2px 2px; }
QLabel#photoClientName { font-size: 14pt; font-weight: 600; }
"""


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drop (links to web pages and the like are not photos to import)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class PhotoGrid(QListView):
    """The grid: tiles flow left to right and wrap; headers span the row. Files dropped on it are handed on."""

    files_dropped = Signal(list)  # list[Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(False)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._tiles = PhotoTileDelegate(self)
        self.setItemDelegate(self._tiles)
        self.accepting_drops = True  # off when the person may not add photos
        self.empty_text = ""
        self._drop_hover = False

    # Drops: only local files and folders; everything else is refused before it is let go.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepting_drops and dropped_paths(event.mimeData()):
            self._set_drop_hover(True)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.accepting_drops and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_hover(False)
        paths = dropped_paths(event.mimeData()) if self.accepting_drops else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)

    def _set_drop_hover(self, hover: bool) -> None:
        self._drop_hover = hover
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ApplicationFontChange):
            self._tiles.restyled()  # before the view lays its items out again in the new font
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._tiles.begin_pass()
        try:
            super().paintEvent(event)
        finally:
            self._tiles.end_pass()
        model = self.model()
        empty = model is None or model.rowCount() == 0
        if not empty and not self._drop_hover:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.viewport().rect().adjusted(12, 12, -12, -12)
        if self._drop_hover:
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
            fill = QColor(highlight)
            fill.setAlpha(25)
            painter.setBrush(fill)
            painter.drawRoundedRect(area, 10, 10)
        if empty and self.empty_text:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            text_rect = QRect(area.left() + 40, area.top(), area.width() - 80, area.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
        painter.end()


class PhotoGalleryView(QWidget):
    shown = Signal()  # the tab came into view: the gallery loads then, not for every client opened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoGallery")
        self.setStyleSheet(GALLERY_STYLE)
        self.import_files_action = QAction(self.tr("Import photos…"), self)
        self.import_files_action.setToolTip(self.tr("Import photos of this client from files (Ctrl+I)"))
        self.import_files_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_folder_action = QAction(self.tr("Import folder…"), self)
        self.import_folder_action.setToolTip(self.tr("Import every photo in a folder"))
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.setToolTip(self.tr("Open the photo in the viewer (Enter)"))
        self.compare_action = QAction(self.tr("Compare…"), self)
        self.compare_action.setToolTip(self.tr("Compare two photos: before and after"))
        self.edit_action = QAction(self.tr("Edit tags…"), self)
        self.edit_action.setToolTip(self.tr("Change the view, session, date, consents or note"))
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.delete_action.setToolTip(self.tr("Delete the selected photos (Delete)"))
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        for action in (self.import_files_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.name_label = QLabel()
        self.name_label.setObjectName("photoClientName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel()
        self.count_label.setObjectName("photoCount")
        # A tool bar, not a row of buttons: on a narrow page the actions that do not fit go under its » menu
        # instead of widening the whole window.
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("photoActions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setStyleSheet("QToolBar { border: none; spacing: 4px; }")
        self.toolbar.addActions([self.import_files_action, self.import_folder_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.open_action, self.compare_action, self.edit_action, self.delete_action])
        self.buttons: dict[QAction, QToolButton] = {}
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setAutoRaise(False)
                self.buttons[action] = button
        toolbar = QHBoxLayout()
        toolbar.setSpacing(4)
        toolbar.addWidget(self.toolbar, 1)
        self.grouping = QComboBox()
        self.grouping.setObjectName("photoGrouping")
        self.grouping.addItem(self.tr("Session"), Grouping.SESSION)
        self.grouping.addItem(self.tr("View"), Grouping.VIEW)
        grouping_label = QLabel(self.tr("&Group by:"))
        grouping_label.setBuddy(self.grouping)
        toolbar.addWidget(grouping_label)
        toolbar.addWidget(self.grouping)

        self.grid = PhotoGrid()
        self.grid.setObjectName("photoGrid")
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(self)
        separator.setSeparator(True)
        self.grid.addActions(
            [
                self.open_action,
                self.compare_action,
                self.edit_action,
                self.delete_action,
                separator,
                self.import_files_action,
                self.import_folder_action,
            ]
        )

        header = QHBoxLayout()
        header.addWidget(self.name_label, 1)  # takes the room left; a very long name is cut, not the window widened
        header.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addLayout(toolbar)
        layout.addWidget(self.grid, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()
