"""File ▸ Consent Forms…: the owner's edit of a form becomes its next version (the signed one stays as it was) and
a question moved to another tier changes the next questionnaire's outcome; the action is the owner's only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from smp_desktop.core.models.consent import HealthTier, ScreeningOutcome
from smp_desktop.core.services.access import Actor
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.controllers.consent_templates_controller import ConsentTemplatesController
from smp_desktop.ui.dialogs.consent_templates_dialog import text_to_sections
from smp_desktop.ui.workspace import Workspace

LEFT = Qt.MouseButton.LeftButton


def test_an_edit_is_saved_as_the_next_version_and_tiers_move(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, workspace: Workspace, make_client
) -> None:
    action = workspace.window.findChild(QAction, "consentFormsAction")
    assert action is not None and action.isVisible()
    action.trigger()
    dialog = workspace.window.findChild(ConsentTemplatesController).dialog
    assert dialog is not None and dialog.isVisible()
    dialog.template.setCurrentIndex(dialog.template.findData("photo_release"))
    assert "## Why we take photos" in dialog.wording.toPlainText()
    dialog.wording.moveCursor(dialog.wording.textCursor().MoveOperation.End)
    for line in ("", "## Social media", "We never tag you."):
        qtbot.keyClick(dialog.wording, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.wording, line)
    qtbot.keyClicks(dialog.change_note, "Social media section")
    qtbot.mouseClick(dialog.save_version_button, LEFT)
    assert "version 2" in dialog.message.text()
    current = studio.services.consents.current(owner, "photo_release")
    assert current.version == 2 and current.sections[-1].heading == "Social media"
    assert current.sections[-1].text == "We never tag you." and current.change_note == "Social media section"
    assert studio.services.consents.versions(owner, "photo_release")[-1].sections[-1].heading != "Social media"

    dialog.tabs.setCurrentIndex(1)
    combo = dialog.tiers["antibiotics"]
    combo.setCurrentIndex(combo.findData(HealthTier.REFUSE.value))
    qtbot.mouseClick(dialog.save_tiers_button, LEFT)
    assert "1 tier" in dialog.message.text()
    client = make_client()
    answers = {q.key: q.key == "antibiotics" for q in studio.services.consents.questionnaire(owner)}
    screening = studio.services.consents.record_screening(owner, client.id, answers)
    assert screening.outcome is ScreeningOutcome.NOT_ELIGIBLE


def test_sections_are_read_from_plain_text() -> None:
    sections = text_to_sections("## A\nfirst\nline\n\n## B\nsecond")
    assert [(s.heading, s.text) for s in sections] == [("A", "first\nline"), ("B", "second")]
