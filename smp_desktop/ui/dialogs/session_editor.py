"""The window the session editor opens in: window-modal over the main window, sized for the zone table, and asking
its controller before it closes (so unsaved changes are never lost by Esc or the title bar's close)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from smp_desktop.ui.views.session_editor_view import SessionEditorView


class SessionEditorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionEditorDialog")
        self.setWindowTitle(self.tr("Session"))
        self.view = SessionEditorView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(1180, 820)
        self._may_close: Callable[[Callable[[], None]], bool] = lambda _close: True
        self._closing = False

    def set_close_guard(self, guard: Callable[[Callable[[], None]], bool]) -> None:
        """guard(close_now) → True to close at once; False to stay (it calls close_now later, once saved)."""
        self._may_close = guard

    def close_without_asking(self) -> None:
        self._closing = True
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:  # Esc and the Close button
        if self._closing or self._may_close(self.close_without_asking):
            self._closing = True
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # the title bar's close
        if self._closing or self._may_close(self.close_without_asking):
            self._closing = True
            event.accept()
        else:
            event.ignore()
