"""Importing photos through the Photos tab: the file picker, a folder, drag and drop; good and bad files in one
batch; Cancel part-way. Asserted on the dialog, the gallery, the database and the photo store on disk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from photo_helpers import open_photos_tab, shoot
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.progress import Progress
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.photo_data import ImportOutcome
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.controllers.photo_import_controller import PhotoImportController
from smp_desktop.ui.models.photo_import_model import IMPORTED_COLOUR, REJECTED_COLOUR, OutcomeRole, ReasonRole
from smp_desktop.ui.workspace import Workspace

LEFT = Qt.MouseButton.LeftButton


def stored_files(studio: OpenStudio) -> list[Path]:
    return sorted(p for p in studio.paths.photos.rglob("*") if p.is_file())


@pytest.fixture
def pick_files(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[Path]], list[str]]:
    """The file picker answers with these files; it records its title."""
    asked: list[str] = []

    def answer(files: list[Path]) -> list[str]:
        def picker(_parent: object, title: str, *_args: object, **_kwargs: object) -> tuple[list[str], str]:
            asked.append(title)
            return [str(f) for f in files], ""

        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(picker))
        return asked

    return answer


def bad_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "notes.jpg"
    text.write_text("This is a shopping list, not a photo.", encoding="utf-8")
    empty = folder / "empty.png"
    empty.write_bytes(b"")
    whole = shoot(folder, "whole.jpg", PhotoView.CROWN, datetime(2026, 3, 1, 10, 0), seed=9)
    truncated = folder / "truncated.jpg"
    truncated.write_bytes(whole.read_bytes()[:1500])
    whole.unlink()
    return [text, empty, truncated]


def test_import_of_good_and_bad_files_through_the_dialog(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    make_client: Callable[..., ClientRecord],
    pick_files: Callable[[list[Path]], list[str]],
    tmp_path: Path,
) -> None:
    client = make_client(first_name="Νίκος", last_name="Παπαδόπουλος")
    workspace.clients.list.refresh()
    good = [
        shoot(tmp_path / "in", "IMG_0001.jpg", PhotoView.CROWN, datetime(2026, 3, 1, 10, 0), seed=1),
        shoot(tmp_path / "in", "IMG_0002.jpg", PhotoView.CROWN, datetime(2026, 3, 1, 10, 5), seed=2),
    ]
    bad = bad_files(tmp_path / "in")
    asked = pick_files([good[0], bad[0], good[1], bad[1], bad[2]])
    controller, gallery = open_photos_tab(workspace, client.id)
    assert gallery.name_label.text() == "Νίκος Παπαδόπουλος"

    qtbot.mouseClick(gallery.buttons[gallery.import_files_action], LEFT)

    assert asked == ["Import photos of Νίκος Παπαδόπουλος"]
    importer = controller.importer
    assert isinstance(importer, PhotoImportController)
    dialog = importer.parent()
    assert dialog.isVisible() and dialog.windowTitle() == "Import photos — Νίκος Παπαδόπουλος"
    assert [dialog.file_list.model().index(r, 0).data() for r in range(5)] == [
        "IMG_0001.jpg",
        "notes.jpg",
        "IMG_0002.jpg",
        "empty.png",
        "truncated.jpg",
    ]
    assert dialog.tags.session_note.isVisible()  # no sessions recorded for this client: said, not hidden
    shown = [b.text() for b in (dialog.import_button, dialog.cancel_button, dialog.close_button) if b.isVisible()]
    assert shown == ["Import", "Cancel"]  # Close comes with the summary
    dialog.tags.set_photo_view(PhotoView.CROWN)
    qtbot.mouseClick(dialog.tags.marketing, LEFT, pos=QPoint(8, dialog.tags.marketing.height() // 2))
    qtbot.keyClicks(dialog.tags.note, "before session 1")
    placed = (dialog.file_list.geometry(), dialog.preview.geometry())
    qtbot.mouseClick(dialog.import_button, LEFT)

    # The summary, and each rejected file by name with its reason.
    assert dialog.summary_label.text().startswith("2 imported · 0 already in this client's photos · 3 not imported.")
    texts = [dialog.file_list.model().index(r, 0).data() for r in range(5)]
    assert texts[0] == "IMG_0001.jpg — imported"
    assert texts[1].startswith("notes.jpg — not imported: This is not a photo")
    assert texts[3].startswith("empty.png — not imported: The file is empty")
    assert texts[4].startswith("truncated.jpg — not imported: The image is damaged or incomplete")
    assert dialog.file_list.currentIndex().row() == 1  # the first problem is selected
    assert dialog.close_button.isVisible() and not dialog.import_button.isVisible()
    # The summary takes the progress bar's place beside Close: the list and the preview above are neither moved
    # nor laid out again when the import ends (the gallery behind is reloading then).
    summary, close = dialog.summary_label, dialog.close_button
    qtbot.waitUntil(lambda: dialog.rect().contains(close.mapTo(dialog, close.rect().bottomRight())))  # laid out
    assert (dialog.file_list.geometry(), dialog.preview.geometry()) == placed
    centre_y = [widget.mapTo(dialog, widget.rect().center()).y() for widget in (summary, close)]
    assert abs(centre_y[0] - centre_y[1]) <= 1
    rows = [dialog.file_list.model().index(r, 0) for r in range(5)]
    assert rows[0].data(Qt.ItemDataRole.ForegroundRole).name() == IMPORTED_COLOUR.name()
    assert rows[1].data(Qt.ItemDataRole.ForegroundRole).name() == REJECTED_COLOUR.name()
    assert rows[1].data(ReasonRole).startswith("This is not a photo") and rows[0].data(ReasonRole) == ""
    assert rows[2].data(Qt.ItemDataRole.ToolTipRole) == str(good[1])
    imported, rejected = ImportOutcome.IMPORTED, ImportOutcome.REJECTED
    assert [row.data(OutcomeRole) for row in rows] == [imported, rejected, imported, rejected, rejected]
    # The list keeps its rows in C++: while an import runs on other threads, each repaint's questions answered in
    # Python would wait for the interpreter lock.
    assert not {"data", "rowCount", "index", "flags"} & set(vars(type(importer.model)))

    # The database and the store hold the two good photos with the batch's tags, nothing of the bad ones.
    photos = studio.services.photos.list_for_client(owner, client.id)
    assert sorted(p.original_filename for p in photos) == ["IMG_0001.jpg", "IMG_0002.jpg"]
    assert {(p.view, p.clinical_consent, p.marketing_consent, p.note) for p in photos} == {
        (PhotoView.CROWN, True, True, "before session 1")
    }
    assert len(stored_files(studio)) == 2
    for photo in photos:
        assert studio.services.photos.file_path(owner, photo.id).read_bytes()[:2] == b"\xff\xd8"

    # Closing the dialog shows them in the gallery, with the badges' data.
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert not dialog.isVisible()
    assert controller.model.photo_count() == 2
    assert gallery.count_label.text() == "2 photos"

    # The same files again: already there, nothing stored twice.
    pick_files([good[0]])
    qtbot.mouseClick(gallery.buttons[gallery.import_files_action], LEFT)
    again = controller.importer
    assert again is not None and again is not importer
    qtbot.mouseClick(again.parent().import_button, LEFT)
    assert again.parent().summary_label.text().startswith("0 imported · 1 already in this client's photos")
    assert again.model.row_index(0).data(OutcomeRole) == ImportOutcome.ALREADY_PRESENT
    assert len(studio.services.photos.list_for_client(owner, client.id)) == 2
    assert len(stored_files(studio)) == 2


def test_cancel_part_way_keeps_what_was_imported_and_nothing_else(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    make_client: Callable[..., ClientRecord],
    pick_files: Callable[[list[Path]], list[str]],
    tmp_path: Path,
) -> None:
    client = make_client(first_name="Ivan", last_name="Иванов")
    workspace.clients.list.refresh()
    files = [shoot(tmp_path, f"IMG_{n}.jpg", PhotoView.TOP, datetime(2026, 3, 1, 10, n), seed=n) for n in range(1, 6)]
    pick_files(files)
    controller, gallery = open_photos_tab(workspace, client.id)
    qtbot.mouseClick(gallery.buttons[gallery.import_files_action], LEFT)
    importer = controller.importer
    assert importer is not None
    dialog = importer.parent()
    seen: list[Progress] = []

    def press_cancel_after_the_first_photo(progress: Progress) -> None:
        # The synchronous runner delivers progress while the import runs: this is the person pressing Cancel
        # as the first photo is reported done.
        seen.append(progress)
        if progress.done == 1:
            assert importer.running and dialog.progress.isVisible()
            qtbot.mouseClick(dialog.cancel_button, LEFT)
            assert dialog.status_label.text() == "Stopping after the photo being imported…"

    importer.progressed.connect(press_cancel_after_the_first_photo)
    dialog.resize(760, 640)  # narrow enough for the long summary of a stopped import to take two lines
    dialog.layout().activate()
    placed = (dialog.file_list.geometry(), dialog.preview.geometry())
    qtbot.mouseClick(dialog.import_button, LEFT)

    summary = importer.summary
    assert summary is not None and summary.cancelled
    assert 1 <= summary.imported < 5
    stored = studio.services.photos.list_for_client(owner, client.id)
    assert len(stored) == summary.imported == len(stored_files(studio))
    assert {p.original_filename for p in stored} == {f.source.name for f in summary.files if f.photo}
    texts = [dialog.file_list.model().index(r, 0).data() for r in range(5)]
    assert texts[0] == "IMG_1.jpg — imported"
    assert texts[-1] == "IMG_5.jpg — not imported (stopped)"
    assert "The import was stopped" in dialog.summary_label.text()
    dialog.layout().activate()
    summary_label = dialog.summary_label
    lines = summary_label.heightForWidth(summary_label.width()) / summary_label.fontMetrics().lineSpacing()
    assert lines >= 2  # it wraps...
    assert (dialog.file_list.geometry(), dialog.preview.geometry()) == placed  # ...and nothing above it moved
    assert controller.model.photo_count() == summary.imported  # the gallery shows exactly what was kept


def test_files_and_folders_dropped_on_the_gallery_are_imported(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    make_client: Callable[..., ClientRecord],
    tmp_path: Path,
) -> None:
    client = make_client(first_name="Minh", last_name="Nguyễn")
    workspace.clients.list.refresh()
    folder = tmp_path / "phone export"
    in_folder = [
        shoot(folder, "a.jpg", PhotoView.BACK, datetime(2026, 4, 2, 9, 0), seed=1),
        shoot(folder / "day 2", "b.jpg", PhotoView.BACK, datetime(2026, 4, 3, 9, 0), seed=2),
    ]
    (folder / "readme.txt").write_text("not a photo", encoding="utf-8")
    loose = shoot(tmp_path, "loose.jpg", PhotoView.SCAR, datetime(2026, 4, 4, 9, 0), seed=3)
    controller, gallery = open_photos_tab(workspace, client.id)
    assert "Drag photos or a folder here" in gallery.grid.empty_text

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(loose)), QUrl("https://example.com/x.jpg")])
    viewport = gallery.grid.viewport()
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(50, 50), action, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(50, 50), action, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()

    importer = controller.importer
    assert importer is not None
    # The folder's photos, its sub-folder's too, and the loose file; the web link and the text file are left out.
    assert importer.model.files() == [*in_folder, loose]
    qtbot.mouseClick(importer.parent().import_button, LEFT)
    names = sorted(p.original_filename for p in studio.services.photos.list_for_client(owner, client.id))
    assert names == ["a.jpg", "b.jpg", "loose.jpg"]
    qtbot.mouseClick(importer.parent().close_button, LEFT)
    assert controller.model.photo_count() == 3


def test_a_drop_of_anything_but_files_is_refused(
    qtbot: QtBot, workspace: Workspace, make_client: Callable[..., ClientRecord]
) -> None:
    client = make_client(first_name="Wei", last_name="王")
    workspace.clients.list.refresh()
    controller, gallery = open_photos_tab(workspace, client.id)
    mime = QMimeData()
    mime.setText("some text")
    mime.setUrls([QUrl("https://example.com/photo.jpg")])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(gallery.grid.viewport(), enter)
    assert not enter.isAccepted()
    assert controller.importer is None
