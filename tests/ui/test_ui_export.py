"""Exports from the Clients menu, driven through the real window: the record's choices and its preview (printed
through a real QPrinter to a PDF file), everything held as a ZIP (in the background, and cancelled with nothing
left behind), and many clients at once with progress and Cancel."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_export_helpers import HEALTH_NOTE, RichClient, make_rich_client, sha256

from smp_desktop.core.domain import StaffRole
from smp_desktop.core.models import AuditEvent
from smp_desktop.core.services.access import Actor
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import BackgroundRunner
from smp_desktop.ui.controllers.export_controller import ExportController
from smp_desktop.ui.dialogs.export_many_dialog import ExportManyDialog
from smp_desktop.ui.dialogs.export_record_dialog import ExportRecordDialog
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.conftest import UI_TODAY, MessageBoxes


@pytest.fixture
def rich(studio: OpenStudio, owner: Actor, tmp_path: Path) -> RichClient:
    return make_rich_client(studio, owner, tmp_path / "in")


def open_client(workspace: Workspace, client_id: int) -> ExportController:
    workspace.clients.list.refresh(select_id=client_id)
    workspace.clients._on_client_picked(client_id)  # as a click on the list row does
    assert workspace.exports is not None
    return workspace.exports


def export_events(studio: OpenStudio) -> list[str]:
    with studio.sessions() as session:
        return [e.detail for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))]


def test_record_export_asks_the_choices_then_previews_and_prints(
    qtbot: QtBot, studio: OpenStudio, workspace: Workspace, rich: RichClient, tmp_path: Path
) -> None:
    window = workspace.window
    assert not window.export_record_action.isEnabled()  # no client open yet
    exports = open_client(workspace, rich.client_id)
    assert window.export_record_action.isEnabled()

    window.export_record_action.trigger()
    dialog = window.findChild(ExportRecordDialog)
    assert isinstance(dialog, ExportRecordDialog) and dialog.isVisible()
    assert not dialog.health.isChecked() and not dialog.photos.isChecked()  # health data only when asked for
    qtbot.mouseClick(dialog.health, Qt.MouseButton.LeftButton)
    assert dialog.health.isChecked()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    preview = exports.preview
    assert preview is not None and preview.isVisible()
    assert preview.windowTitle() == "Client record — Zoë Łukasiewicz"
    assert preview.suggested_name.endswith(".pdf") and f"({rich.client_id})" in preview.suggested_name
    qtbot.waitUntil(lambda: len(preview.page_labels) > 0)
    reader = pypdf.PdfReader(io.BytesIO(preview.pdf))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert HEALTH_NOTE in text and "Photos" not in [o.title for o in reader.outline if not isinstance(o, list)]
    assert len(preview.page_labels) == len(reader.pages)

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert preview.print_to(printer) == len(reader.pages)
    assert len(pypdf.PdfReader(printed).pages) == len(reader.pages)
    saved = preview.save_to(tmp_path / preview.suggested_name)
    assert saved is not None and saved.read_bytes() == preview.pdf
    assert export_events(studio) == ["record PDF, with health answers, without photos to the preview"]
    preview.close()


def test_reception_gets_no_health_or_photo_choices_and_no_full_exports(
    qtbot: QtBot,
    studio: OpenStudio,
    runner,
    settings: QSettings,
    rich: RichClient,  # type: ignore[no-untyped-def]
) -> None:
    info = studio.services.studio.add_staff(studio.services.studio.owner(), "Rita Reception", StaffRole.RECEPTION)
    reception = Actor(info.id, info.display_name, info.role)
    workspace = build_workspace(studio.services, reception, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0)
    try:
        workspace.window.show()
        open_client(workspace, rich.client_id)
        window = workspace.window
        assert not window.export_subject_action.isVisible() and not window.export_many_action.isVisible()
        window.export_record_action.trigger()
        dialog = window.findChild(ExportRecordDialog)
        assert isinstance(dialog, ExportRecordDialog)
        assert not dialog.health.isEnabled() and not dialog.photos.isEnabled()
        qtbot.mouseClick(dialog.health, Qt.MouseButton.LeftButton)  # a click on a disabled box does nothing
        assert dialog.options().with_health is False
        dialog.reject()
    finally:
        workspace.clients.form.revert()
        workspace.window.close()
        workspace.window.deleteLater()


def test_everything_held_is_saved_as_a_zip_where_the_person_chose(
    studio: OpenStudio,
    workspace: Workspace,
    rich: RichClient,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    open_client(workspace, rich.client_id)
    asked: list[str] = []

    def choose(_parent: object, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        asked.append(proposed)
        return str(tmp_path / "chosen name"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    workspace.window.export_subject_action.trigger()

    assert Path(asked[0]).name.endswith(".zip") and "Zoë Łukasiewicz" in Path(asked[0]).name
    target = tmp_path / "chosen name.zip"  # the suffix is added
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert all(sha256(archive.read(f["path"])) == f["sha256"] for f in manifest["files"])
        assert len([n for n in archive.namelist() if n.startswith("photos/")]) == 3
    assert str(target) in workspace.window.statusBar().currentMessage()
    assert message_boxes.shown == []
    assert any("data-subject export" in detail for detail in export_events(studio))


def test_a_cancelled_zip_export_leaves_no_file(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    settings: QSettings,
    rich: RichClient,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smp_desktop.core.exports.archive import AtomicZip

    copy = AtomicZip.add_file

    def slow_disk(self: AtomicZip, path: str, source: Path) -> object:
        time.sleep(0.4)  # a slow USB stick: the person has time to press Cancel
        return copy(self, path, source)

    monkeypatch.setattr(AtomicZip, "add_file", slow_disk)
    runner = BackgroundRunner(report_error=lambda error: pytest.fail(str(error)))
    workspace = build_workspace(studio.services, owner, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0)
    try:
        workspace.window.show()
        qtbot.waitUntil(lambda: workspace.clients_view.table.model().rowCount() > 0)
        exports = open_client(workspace, rich.client_id)
        folder = tmp_path / "out"
        folder.mkdir()
        job = exports.export_subject_to(rich.client_id, folder / "export.zip")

        def progress_shown() -> bool:
            dialogs = workspace.window.findChildren(QProgressDialog)
            return any(d.value() >= 1 for d in dialogs)

        qtbot.waitUntil(progress_shown, timeout=20000)
        progress = next(d for d in workspace.window.findChildren(QProgressDialog) if d.value() >= 1)
        cancel = progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
        qtbot.waitUntil(lambda: job.finished, timeout=20000)
        assert list(folder.iterdir()) == []
        assert not any("data-subject" in detail for detail in export_events(studio))
    finally:
        runner.wait()
        workspace.clients.form.revert()
        workspace.window.close()
        workspace.window.deleteLater()


def test_many_clients_are_exported_into_a_folder_with_progress(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    for first, last in (("Νίκος", "Παπαδόπουλος"), ("Дмитрий", "Иванов"), ("Old", "Archived")):
        client = make_client(first_name=first, last_name=last)
        if first == "Old":
            studio.services.clients.set_archived(owner, client.id, True)
    workspace.clients.list.refresh()
    workspace.window.export_many_action.trigger()
    dialog = workspace.window.findChild(ExportManyDialog)
    assert isinstance(dialog, ExportManyDialog)
    assert dialog.model.rowCount() == 2  # archived clients only when asked for
    assert not dialog.export_button.isEnabled()  # nobody chosen yet
    qtbot.mouseClick(dialog.include_archived, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 3
    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton)
    assert dialog.chosen_label.text() == "3 client(s) chosen"
    qtbot.mouseClick(dialog.subject_choice, Qt.MouseButton.LeftButton)
    assert not dialog.health.isEnabled()  # the ZIP holds everything: no choices to make
    folder = tmp_path / "batch"
    dialog.folder.setText(str(folder))
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 3 and all(name.endswith(".zip") for name in files)
    assert any("Νίκος" in name for name in files)
    assert "3 file(s) written to" in dialog.status.text()
    assert seen and max(seen) == dialog.progress.maximum() == 3
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isVisible()
    dialog.reject()


def test_a_batch_cancelled_midway_keeps_finished_files_and_no_partial_one(
    qtbot: QtBot,
    studio: OpenStudio,
    workspace: Workspace,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    for number in range(4):
        make_client(first_name=f"Client {number}", last_name="Batch")
    workspace.window.export_many_action.trigger()
    dialog = workspace.window.findChild(ExportManyDialog)
    assert isinstance(dialog, ExportManyDialog)
    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton)
    folder = tmp_path / "batch"
    dialog.folder.setText(str(folder))

    def press_cancel_at_the_second_client(value: int) -> None:
        if value == 1 and dialog.cancel_button.isVisible():
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog.progress.valueChanged.connect(press_cancel_at_the_second_client)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    files = [p.name for p in folder.iterdir()]
    assert len(files) == 1 and files[0].endswith(".pdf") and not files[0].endswith(".partial")
    assert "Stopped: 3 client(s) were not exported." in dialog.status.text()
    dialog.reject()
