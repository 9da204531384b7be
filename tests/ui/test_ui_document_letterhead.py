"""File ▸ Letterhead and Paper…: the logo chosen through the file dialog is copied into the studio and printed, the
paper size changes every document, a sample page opens in the preview; reception sees it but changes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from smp_desktop.core.domain import StaffRole
from smp_desktop.core.services.access import Actor
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.controllers.document_letterhead_controller import LetterheadController
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.conftest import UI_TODAY


def controller_of(workspace: Workspace) -> LetterheadController:
    if workspace.window_parts is not None:  # built a moment after start-up, or when the File menu opens
        workspace.window_parts.ensure()
    found = workspace.window.findChild(LetterheadController)
    assert isinstance(found, LetterheadController)
    return found


def test_logo_and_paper_change_every_document(
    qtbot: QtBot, studio: OpenStudio, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = controller_of(workspace)
    file_menu = workspace.window.menuBar().actions()[0].menu()
    assert controller.action in file_menu.actions()  # type: ignore[union-attr]
    controller.action.trigger()
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.studio.text().startswith("Test Studio")
    assert dialog.logo.text() == "No logo" and not dialog.remove_logo_button.isEnabled()

    logo = tmp_path / "studio logo.png"
    Image.new("RGB", (600, 240), (31, 84, 115)).save(logo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(logo), "Images")))
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert studio.services.studio.setting("letterhead_logo") == "letterhead/logo.png"
    assert (studio.paths.root / "letterhead" / "logo.png").read_bytes() == logo.read_bytes()
    assert not dialog.logo.pixmap().isNull() and dialog.remove_logo_button.isEnabled()

    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    dialog.paper.activated.emit(dialog.paper.currentIndex())  # as choosing it in the list does
    assert studio.services.studio.setting("paper_size") == "Letter"

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = controller.preview
    assert preview is not None
    reader = PdfReader(io.BytesIO(preview.pdf))
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    assert len(page.images) == 1  # the logo
    text = page.extract_text()
    assert "王伟" in text and "Zoë Łukasiewicz" in text
    assert len(preview.page_labels) == 1
    preview.close()  # it deletes itself when closed
    assert controller.preview is None

    qtbot.mouseClick(dialog.remove_logo_button, Qt.MouseButton.LeftButton)
    assert studio.services.studio.setting("letterhead_logo") == ""
    assert dialog.logo.text() == "No logo"
    dialog.close()
    assert controller.dialog is None


def test_a_file_that_is_not_an_image_is_refused_in_the_dialog(
    qtbot: QtBot, studio: OpenStudio, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = controller_of(workspace)
    dialog = controller.open()
    bogus = tmp_path / "logo.png"
    bogus.write_text("not a picture")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(bogus), "Images")))
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert "not a PNG or JPEG image" in dialog.message.text() and dialog.message.isVisible()
    assert studio.services.studio.setting("letterhead_logo") == ""
    dialog.close()


def test_reception_sees_the_letterhead_but_cannot_change_it(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, settings: QSettings
) -> None:
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    reception = Actor(info.id, info.display_name, info.role)
    workspace = build_workspace(studio.services, reception, SynchronousRunner(), settings, today=lambda: UI_TODAY)
    qtbot.addWidget(workspace.window)
    dialog = controller_of(workspace).open()
    assert not dialog.paper.isEnabled()
    assert not dialog.choose_logo_button.isEnabled() and not dialog.remove_logo_button.isEnabled()
    assert "Only the studio's owner" in dialog.message.text()
    assert dialog.preview_button.isEnabled()
    dialog.close()
    workspace.window.close()
