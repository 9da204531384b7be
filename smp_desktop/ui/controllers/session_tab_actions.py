"""Buttons other areas add to the Sessions tab (aftercare sheet, ink papers, the owner's Complete anyway…): each
sits in the tab's button row and follows the selected session. `SessionTabAction` is that shared part; a subclass
says when its button may be used for the session selected (`allows`)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from smp_desktop.core.services.session_data import SessionSummary
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView


class SessionTabAction(QObject):
    """The button (`button`, its text set by the subclass) is added after the tab's own buttons and enabled by
    `refresh()` whenever the selected session or the list changes. In a read-only studio it stays off: each of
    these actions writes, if only the audit event of a document made."""

    def __init__(self, view: SessionsTabView, *, read_only: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self.read_only = read_only
        self.button = QPushButton()
        self.button.setMinimumWidth(48)
        button_row(view).addWidget(self.button)
        view.table.selectionModel().currentRowChanged.connect(lambda *_args: self.refresh())
        view.model.modelReset.connect(self.refresh)

    def set_client(self, _client_id: int | None) -> None:
        """Follows the client page like a tab does (the Sessions tab's selection decides the rest)."""
        self.refresh()

    def selected(self) -> SessionSummary | None:
        index = self._view.table.currentIndex()
        return self._view.model.session_at(index.row()) if index.isValid() else None

    def allows(self, chosen: SessionSummary) -> bool:
        """Whether the action may be used for the selected session."""
        raise NotImplementedError

    def refresh(self) -> None:
        chosen = self.selected()
        self.button.setEnabled(not self.read_only and chosen is not None and self.allows(chosen))


def button_row(view: SessionsTabView) -> QHBoxLayout:
    """The row that holds the session buttons (added buttons go after Cancel session…)."""
    for layout in view.findChildren(QHBoxLayout):
        if layout.indexOf(view.cancel_button) >= 0:
            return layout
    raise LookupError("the Sessions tab has no button row")


__all__ = ["SessionTabAction", "button_row"]
