"""The Sessions tab's "Aftercare sheet…": enabled for treatment sessions only, opens the preview of the selected
session's sheet (its pages shown, its safe file name proposed), and prints it through a real QPrinter."""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.controllers.document_actions import AftercareAction
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView
from smp_desktop.ui.workspace import Workspace
from tests.ui.conftest import MessageBoxes

SESSION_DAY = date(2024, 5, 12)


def seed(studio: OpenStudio, owner: Actor) -> int:
    client = studio.services.clients.create(
        owner, ClientDraft(first_name="Zoë", last_name="Łukasiewicz"), allow_duplicate=True
    )

    def draft(kind: SessionKind, day: date) -> SessionDraft:
        return SessionDraft(
            kind=kind,
            starts_at=datetime(day.year, day.month, day.day, 10, 0).astimezone(),
            artist_id=owner.staff_id,
            health_unchanged=True,
            zones=(ZoneEntry(ScalpZone.HAIRLINE),),
        )

    studio.services.sessions.create_many(
        owner,
        [
            (client.id, draft(SessionKind.CONSULTATION, date(2024, 5, 1)), SessionStatus.COMPLETED, ""),
            (client.id, draft(SessionKind.SESSION_1, SESSION_DAY), SessionStatus.COMPLETED, ""),
        ],
    )
    return client.id


def open_tab(workspace: Workspace, client_id: int) -> tuple[SessionsTabView, AftercareAction]:
    workspace.window.resize(1400, 900)
    workspace.clients.list.refresh(select_id=client_id)
    workspace.clients._on_client_picked(client_id)  # as a click on the list row does
    assert workspace.client_tabs is not None
    action = workspace.client_tabs.controller("aftercare")
    assert isinstance(action, AftercareAction)
    tabs = workspace.clients_view.client_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Sessions")
    tabs.tabBar().setCurrentIndex(index)
    page = tabs.widget(index)
    assert isinstance(page, SessionsTabView)
    return page, action


def select_kind(view: SessionsTabView, kind: SessionKind) -> None:
    for row in range(view.model.rowCount()):
        summary = view.model.session_at(row)
        if summary is not None and summary.kind is kind:
            view.table.selectRow(row)
            return
    raise AssertionError(f"no {kind} row")


def test_aftercare_sheet_opens_in_the_preview_and_prints(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, workspace: Workspace, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    client_id = seed(studio, owner)
    view, action = open_tab(workspace, client_id)
    assert action.button.text() == "Aftercare sheet…"
    assert action.button.parent() is view or view.isAncestorOf(action.button)

    select_kind(view, SessionKind.CONSULTATION)
    assert not action.button.isEnabled()  # a consultation has no aftercare
    select_kind(view, SessionKind.SESSION_1)
    assert action.button.isEnabled()

    qtbot.mouseClick(action.button, Qt.MouseButton.LeftButton)
    preview = action.preview
    assert preview is not None and preview.isVisible()
    assert len(preview.page_labels) == 2
    assert preview.suggested_name == "Zoë-Łukasiewicz - Aftercare - 2024-05-12.pdf"
    assert preview.windowTitle() == "Aftercare – Zoë Łukasiewicz"
    text = unicodedata.normalize("NFKC", " ".join(PdfReader(io.BytesIO(preview.pdf)).pages[0].extract_text().split()))
    assert "No water on the scalp until Thursday 16 May" in text

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == 2
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
    preview.close()
    assert action.preview is None
    assert message_boxes.shown == []


def test_a_refused_sheet_is_said_in_a_sentence(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, workspace: Workspace, message_boxes: MessageBoxes
) -> None:
    client_id = seed(studio, owner)
    view, action = open_tab(workspace, client_id)
    select_kind(view, SessionKind.CONSULTATION)
    action.make()  # e.g. the list changed under the button: the service still refuses
    assert action.preview is None
    assert message_boxes.texts() and "consultation" in message_boxes.texts()[-1]
