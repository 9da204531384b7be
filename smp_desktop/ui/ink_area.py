"""The Ink register's place in the main window: an empty page until it is first shown, so start-up does not pay for
the register's modules; then the view and its controller (controllers/ink_register_controller.py) are built and
the catalogue, lots and recalls loaded through the runner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.ui.background import Runner

if TYPE_CHECKING:
    from smp_desktop.ui.controllers.ink_register_controller import InkRegisterController


class InkArea(QWidget):
    def __init__(
        self, services: Any, actor: Actor, runner: Runner, *, today: Callable[[], date], read_only: bool
    ) -> None:
        super().__init__()
        self.setObjectName("inkArea")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._args = (services, actor, runner, today, read_only)
        self._controller: InkRegisterController | None = None

    @property
    def controller(self) -> InkRegisterController:
        """The area's controller, built on first use."""
        if self._controller is None:
            from smp_desktop.ui.controllers.ink_register_controller import add_ink_register_area

            services, actor, runner, today, read_only = self._args
            self._controller = add_ink_register_area(self, services, actor, runner, today=today, read_only=read_only)
            self._layout.addWidget(self._controller.view)
        return self._controller

    def showEvent(self, event: QShowEvent) -> None:
        if self._controller is None:
            self.controller  # noqa: B018 - built when first shown
        else:
            self._controller.refresh()  # other screens (sessions, imports) may have changed the register
        super().showEvent(event)


def add_ink_area(
    window: Any, services: Any, actor: Actor, runner: Runner, *, today: Callable[[], date], read_only: bool
) -> InkArea | None:
    """The "Ink register" entry in the window's navigation (for everyone who may see the register)."""
    if not actor.can(Permission.VIEW_INK):
        return None
    from PySide6.QtCore import QCoreApplication

    area = InkArea(services, actor, runner, today=today, read_only=read_only)
    window.add_area(QCoreApplication.translate("Workspace", "Ink register"), area)
    return area
