"""File ▸ Print Day's Paperwork…: tomorrow by default, the day's sessions in appointment order, the packets in
the preview, printed through Qt's real print path to a PDF file; another day's sessions on a date change."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QMenuBar
from pytestqt.qtbot import QtBot

from smp_desktop.core.domain import SessionKind
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.session_data import SessionDraft
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.controllers.paperwork_controller import PaperworkController, add_paperwork_action
from smp_desktop.ui.workspace import Workspace
from tests.ui.conftest import UI_TODAY
from tests.ui.runners import WriteNotingRunner

LEFT = Qt.MouseButton.LeftButton


def test_tomorrows_paperwork_previews_and_prints(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, make_client, open_workspace, tmp_path: Path
) -> None:
    tomorrow = UI_TODAY + timedelta(days=1)
    late = make_client(first_name="王", last_name="伟")
    early = make_client(first_name="Zoë", last_name="Łukasiewicz")
    sessions = studio.services.sessions
    at = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9).astimezone()
    sessions.create(owner, late.id, SessionDraft(SessionKind.SESSION_2, at + timedelta(hours=5)))
    sessions.create(owner, early.id, SessionDraft(SessionKind.SESSION_1, at))
    workspace: Workspace = open_workspace()
    action = workspace.window.findChild(QAction, "printPaperworkAction")
    assert action is not None and action.isEnabled()
    file_menu = workspace.window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    action.trigger()
    controller = workspace.window.findChild(PaperworkController)
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible() and dialog.chosen_day() == tomorrow
    text = dialog.sessions.text()
    assert text.index("Łukasiewicz") < text.index(late.display_name) and "09:00" in text
    qtbot.mouseClick(dialog.print_button, LEFT)
    preview = controller.preview
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.print_button.isEnabled())
    source = PdfReader(io.BytesIO(preview.pdf))
    words = "\n".join(page.extract_text() for page in source.pages)
    assert words.index("Łukasiewicz") < words.index(late.display_name)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "paperwork.pdf"
    printer.setOutputFileName(str(out))
    assert preview.print_to(printer) == len(source.pages)
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == len(source.pages)
    preview.close()
    dialog.day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day).addDays(1))
    assert "No sessions are planned" in dialog.sessions.text() and not dialog.print_button.isEnabled()


def test_printing_the_paperwork_is_queued_with_the_other_writes(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, make_client
) -> None:  # type: ignore[no-untyped-def]
    """Making the packets records an audit event per client: the build runs on the runner's one writer thread."""
    client = make_client(first_name="Nguyễn", last_name="Văn Đức")
    tomorrow = UI_TODAY + timedelta(days=1)
    at = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 10).astimezone()
    studio.services.sessions.create(owner, client.id, SessionDraft(SessionKind.SESSION_1, at))
    window = QMainWindow()
    window.setMenuBar(QMenuBar())
    window.menuBar().addMenu("&File")
    qtbot.addWidget(window)
    runner = WriteNotingRunner()
    controller = add_paperwork_action(
        window, studio.services.consents, studio.services.sessions, owner, runner, today=lambda: UI_TODAY
    )
    dialog = controller.open()
    assert runner.writes == [False]  # reading the day's appointments
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert runner.writes[1] is True  # the packets: a write
    preview = controller.preview
    assert preview is not None and "Văn Đức" in "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(preview.pdf)).pages
    )
    assert dialog.print_button.isEnabled()  # given back once the build is over
    preview.close()
    dialog.close()
