"""File ▸ Consent Forms…: the owner edits a consent form (saved as its next version) and the questionnaire's
tiers through ConsentService, in the background runner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from smp_desktop.core.models.consent import HealthTier
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.consent_data import TemplateDraft
from smp_desktop.core.services.consents import ConsentService
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.ui.background import Runner
from smp_desktop.ui.dialogs.consent_templates_dialog import ConsentTemplatesDialog


class ConsentTemplatesController(QObject):
    def __init__(
        self, window: QMainWindow, consents: ConsentService, actor: Actor, runner: Runner, *, read_only: bool = False
    ) -> None:
        super().__init__(window)
        self._window = window
        self._consents = consents
        self._actor = actor
        self._runner = runner
        self.dialog: ConsentTemplatesDialog | None = None
        self.action = QAction(self.tr("Consent &Forms…"), window)
        self.action.setObjectName("consentFormsAction")
        self.action.setVisible(actor.can(Permission.EDIT_CONSENT_TEMPLATES))
        self.action.setEnabled(not read_only)
        self.action.triggered.connect(self.open)

    def open(self) -> None:
        self._runner.run(
            lambda: (self._consents.templates(self._actor), self._consents.questionnaire(self._actor)),
            on_done=self._show,
        )

    def _show(self, loaded: tuple[Any, Any]) -> None:
        templates, questions = loaded
        dialog = ConsentTemplatesDialog(templates, questions, self._window)
        dialog.save_version_requested.connect(self._save_version)
        dialog.tiers_requested.connect(self._save_tiers)
        self.dialog = dialog
        dialog.open()

    def _save_version(self, name: str, draft: TemplateDraft, keep_older: bool) -> None:
        self._runner.run(
            lambda: self._consents.new_version(self._actor, name, draft, keep_older_accepted=keep_older),
            on_done=self._version_saved,
            on_error=self._failed,
            writes=True,
        )

    def _version_saved(self, record: Any) -> None:
        if self.dialog is not None:
            self.dialog.replace_template(record)
            self.dialog.say(self.tr("Saved as version %1.").replace("%1", str(record.version)))

    def _save_tiers(self, changed: dict[str, HealthTier]) -> None:
        def work() -> int:
            for key, tier in changed.items():
                self._consents.set_tier(self._actor, key, tier)
            return len(changed)

        self._runner.run(
            work,
            on_done=lambda count: self.dialog.say(self.tr("%n tier(s) changed.", "", count)) if self.dialog else None,
            on_error=self._failed,
            writes=True,
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationFailed) and self.dialog is not None:
            self.dialog.say("\n".join(p.message for p in error.problems))
        else:
            self._runner.report_error(error)


def add_consent_templates_action(
    window: QMainWindow, consents: ConsentService, actor: Actor, runner: Runner, *, read_only: bool = False
) -> ConsentTemplatesController:
    """File ▸ Consent Forms… for the owner (after Print Day's Paperwork…)."""
    controller = ConsentTemplatesController(window, consents, actor, runner, read_only=read_only)
    file_menu = window.menuBar().actions()[0].menu()
    if isinstance(file_menu, QMenu):
        actions = file_menu.actions()
        paperwork = next((a for a in actions if a.objectName() == "printPaperworkAction"), None)
        index = actions.index(paperwork) + 1 if paperwork is not None else len(actions)
        if index < len(actions):
            file_menu.insertAction(actions[index], controller.action)
        else:
            file_menu.addAction(controller.action)
    return controller
