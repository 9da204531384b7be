"""The main window's frame: navigation between areas, menus and their shortcuts, the status bar.

Areas (Clients now; Calendar, Ink register, Documents, Settings later) are added with `add_area`, notices about
the whole studio with `add_banner`; the window knows nothing about what they do. Closing asks each registered close
guard first (unsaved changes); so does `retire`, which puts the window away when a restore replaces it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop import APP_NAME
from smp_desktop.core.services.access import Actor
from smp_desktop.ui import qt_values
from smp_desktop.ui.locale_format import format_count
from smp_desktop.ui.vocabulary import label
from smp_desktop.ui.window_state import WindowState

STATE_KEY = "main_window"
DEFAULT_SIZE = QSize(1280, 800)
# Answers "may the window close now?"; given a callable that closes it again once an asynchronous save is done.
CloseGuard = Callable[[Callable[[], object]], bool]

# Each on the widgets it styles, not the whole window: a style sheet on the window would be applied again to every
# widget of every area as it is added (a good part of building the window at start-up).
NAVIGATION_STYLE = """
QListWidget#navigation { border: none; background: palette(window); font-size: 11pt; padding-top: 8px; }
QListWidget#navigation::item { padding: 8px 12px; border-radius: 6px; margin: 1px 6px; }
QListWidget#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }
"""
STATUS_STYLE = """
QStatusBar QLabel { padding: 0 10px 0 4px; }
QLabel#statusStudio { font-weight: 600; }
QToolButton#backupWarning { border: none; padding: 0 8px; color: #9a5b00; font-weight: 600; }
QToolButton#backupWarning:hover { text-decoration: underline; }
"""


def set_shortcut(action: QAction, keys: QKeySequence) -> None:
    """action.setShortcut(keys), through Qt's property system: PySide's setShortcut makes the `Qt` namespace's enums
    as it picks among its overloads, and the window's actions are made before the list's first paint
    (ui/qt_values.py)."""
    action.setProperty("shortcut", keys)


class StatusWarning(QToolButton):
    """A warning in the status bar (the backups'), hidden until there is something to say: text beside an icon, a
    pointing hand over it. Its icon, the style's warning sign, and the hand are set when it is first shown: the
    style's Python side (QStyle's enums) costs start-up ~15 ms, and the `Qt` namespace's enums ~40 ms
    (ui/qt_values.py)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("toolButtonStyle", qt_values.TOOL_BUTTON_TEXT_BESIDE_ICON)

    def showEvent(self, event: QShowEvent) -> None:
        if self.icon().isNull():
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QStyle

            self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        super().showEvent(event)


class MainWindow(QMainWindow):
    closing = Signal()  # every close guard agreed: areas save their own state now
    menus_about_to_show = Signal()  # a menu is opening: commands built after start-up must be in it now

    def __init__(self, state: WindowState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self._state = state
        self._close_guards: list[CloseGuard] = []

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.navigation.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigation.setFixedWidth(170)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setProperty("focusPolicy", qt_values.NO_FOCUS)  # (no `Qt` enum before the first paint)
        self.areas = QStackedWidget()
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(divider)
        row.addWidget(self.areas, 1)
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(body, 1)
        self.setCentralWidget(central)

        self._create_actions()
        self._create_menus()
        self._create_status_bar()
        if not self._state.restore_geometry(self, STATE_KEY):
            self.resize(DEFAULT_SIZE)

    # --- areas ----------------------------------------------------------------------------------------------
    def add_area(self, title: str, widget: QWidget, icon: QIcon | None = None) -> int:
        item = QListWidgetItem(icon or QIcon(), title, self.navigation)
        item.setSizeHint(QSize(0, 40))
        index = self.areas.addWidget(widget)
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        return index

    def add_banner(self, banner: QWidget) -> None:
        """A notice across the top of the window, above every area (banners stack in the order added)."""
        self._column.insertWidget(self._column.count() - 1, banner)

    # --- status ---------------------------------------------------------------------------------------------
    def set_studio(self, name: str, *, is_demo: bool = False) -> None:
        text = name if not is_demo or "demo" in name.lower() else self.tr("%1 (demo)").replace("%1", name)
        self.studio_label.setText(text)
        self.setWindowTitle(f"{text} — {APP_NAME}")

    def set_actor(self, actor: Actor) -> None:
        self.actor_label.setText(
            self.tr("Working as %1 (%2)").replace("%1", actor.display_name).replace("%2", label(actor.role))
        )

    def set_client_count(self, count: int) -> None:
        if count == 1:
            self.count_label.setText(self.tr("1 client"))
        else:
            self.count_label.setText(self.tr("%1 clients").replace("%1", format_count(count)))

    # --- closing --------------------------------------------------------------------------------------------
    def add_close_guard(self, guard: CloseGuard) -> None:
        self._close_guards.append(guard)

    def may_leave(self, again: Callable[[], object]) -> bool:
        """True when every close guard agrees now; otherwise `again` is called once they do (after a save)."""
        return all(guard(again) for guard in self._close_guards)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave(self.close):
            event.ignore()
            return
        self._state.save_geometry(self, STATE_KEY)
        self.closing.emit()
        event.accept()

    def retire(self) -> None:
        """Put the window away for good without closing the app (a new one has taken its place): remember its
        place, let the areas save their state, then hide it and delete it once control returns to Qt."""
        self._state.save_geometry(self, STATE_KEY)
        self.closing.emit()
        self.hide()
        self.deleteLater()

    # --- building -------------------------------------------------------------------------------------------
    def _create_actions(self) -> None:
        self.new_client_action = QAction(self.tr("&New Client"), self)
        set_shortcut(self.new_client_action, QKeySequence(QKeySequence.StandardKey.New))
        self.back_up_action = QAction(self.tr("&Back Up Now"), self)
        set_shortcut(self.back_up_action, QKeySequence("Ctrl+B"))
        self.backups_action = QAction(self.tr("Bac&kups…"), self)
        self.check_database_action = QAction(self.tr("&Check Database…"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        set_shortcut(self.quit_action, QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit_action.shortcut().isEmpty():  # Windows has no standard Quit key
            set_shortcut(self.quit_action, QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.find_action = QAction(self.tr("&Find Client…"), self)
        set_shortcut(self.find_action, QKeySequence(QKeySequence.StandardKey.Find))
        self.archive_action = QAction(self.tr("&Archive Client"), self)
        self.archive_action.setEnabled(False)
        # Exports of a client's record (controllers/export_controller.py enables and runs them)
        self.export_record_action = QAction(self.tr("Export &Record (PDF)…"), self)
        self.export_subject_action = QAction(self.tr("Export &Everything Held (ZIP)…"), self)
        self.export_many_action = QAction(self.tr("Export &Many Clients…"), self)
        self.show_archived_action = QAction(self.tr("Show &Archived Clients"), self)
        self.show_archived_action.setCheckable(True)
        self.about_action = QAction(self.tr("&About %1").replace("%1", APP_NAME), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_client_action)
        file_menu.addSeparator()
        file_menu.addAction(self.back_up_action)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.check_database_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        clients_menu = bar.addMenu(self.tr("&Clients"))
        clients_menu.addAction(self.find_action)
        clients_menu.addSeparator()
        clients_menu.addAction(self.archive_action)
        clients_menu.addSeparator()
        clients_menu.addAction(self.export_record_action)
        clients_menu.addAction(self.export_subject_action)
        clients_menu.addAction(self.export_many_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.show_archived_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        for menu in (file_menu, clients_menu):
            menu.aboutToShow.connect(self.menus_about_to_show)

    def _create_status_bar(self) -> None:
        self.studio_label = QLabel()
        self.studio_label.setObjectName("statusStudio")
        self.actor_label = QLabel()
        self.count_label = QLabel()
        # Shown while the last good backup is missing or over a day old; clicking it opens the backups.
        self.backup_warning = StatusWarning()
        self.backup_warning.setObjectName("backupWarning")
        self.backup_warning.hide()
        status = self.statusBar()
        status.setStyleSheet(STATUS_STYLE)
        status.addWidget(self.studio_label)
        status.addWidget(self.actor_label)
        status.addPermanentWidget(self.backup_warning)
        status.addPermanentWidget(self.count_label)
