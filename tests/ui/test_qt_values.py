"""What is built before the client list's first paint names no `Qt` enum (ui/qt_values.py): the plain values used
instead are Qt's own, and the window looks and behaves as it did when they were set through the enums."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QStandardItemModel
from PySide6.QtWidgets import QLabel, QSplitter
from pytestqt.qtbot import QtBot

from smp_desktop.ui import qt_values
from smp_desktop.ui.main_window import set_shortcut
from smp_desktop.ui.models.client_list_model import ArchivedRole, ClientIdRole
from smp_desktop.ui.workspace import Workspace


def test_the_plain_values_are_qts() -> None:
    roles = Qt.ItemDataRole
    assert (roles.DisplayRole.value, roles.ToolTipRole.value) == (qt_values.DISPLAY_ROLE, qt_values.TOOLTIP_ROLE)
    assert (roles.FontRole.value, roles.ForegroundRole.value) == (qt_values.FONT_ROLE, qt_values.FOREGROUND_ROLE)
    assert (roles.TextAlignmentRole.value, roles.UserRole.value) == (qt_values.TEXT_ALIGNMENT_ROLE, qt_values.USER_ROLE)
    assert (ClientIdRole, ArchivedRole) == (roles.UserRole.value + 1, roles.UserRole.value + 2)
    align = Qt.AlignmentFlag
    assert (align.AlignLeft | align.AlignVCenter).value == qt_values.ALIGN_LEFT_VCENTER
    assert align.AlignCenter.value == qt_values.ALIGN_CENTER
    assert Qt.FocusPolicy.NoFocus.value == qt_values.NO_FOCUS
    assert Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value == qt_values.TOOL_BUTTON_TEXT_BESIDE_ICON


def test_the_client_list_looks_as_when_set_through_the_enums(workspace: Workspace) -> None:
    view = workspace.clients_view
    header = view.table.horizontalHeader()
    assert header.defaultAlignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    assert view.table.textElideMode() == Qt.TextElideMode.ElideRight
    assert view.splitter.orientation() == Qt.Orientation.Horizontal
    assert isinstance(view.splitter, QSplitter)
    placeholder = [label for label in view.placeholder.findChildren(QLabel) if label.text()]
    assert len(placeholder) == 2
    assert all(label.alignment() == Qt.AlignmentFlag.AlignCenter for label in placeholder)
    assert workspace.window.navigation.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_header_shows_the_titles_from_its_own_model_and_the_list_model_still_gives_them(
    workspace: Workspace,
) -> None:
    """The header reads a C++ model of titles; screen readers read a table's headers from the table's model, which
    answers the same titles."""
    view, model = workspace.clients_view, workspace.clients.list.model
    header = view.table.horizontalHeader()
    titles = ["Name", "Date of birth", "Phone", "E-mail"]
    assert isinstance(header.model(), QStandardItemModel)
    assert header.isVisible() == view.table.isVisible()
    assert not header.isHidden()
    assert header.count() == model.columnCount() == 4
    assert [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == titles
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == titles
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None


def test_the_backup_warning_is_text_beside_a_warning_icon_under_a_pointing_hand(
    qtbot: QtBot, workspace: Workspace
) -> None:
    warning = workspace.window.backup_warning
    assert warning.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    workspace.window.show()
    qtbot.waitExposed(workspace.window)
    warning.setText("No backup yet")
    warning.show()
    assert not warning.icon().isNull()
    assert warning.cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_a_shortcut_set_through_the_property_is_the_actions_shortcut(workspace: Workspace) -> None:
    action = workspace.window.archive_action
    set_shortcut(action, QKeySequence(QKeySequence.StandardKey.Save))
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert workspace.window.back_up_action.shortcut().toString() == "Ctrl+B"
