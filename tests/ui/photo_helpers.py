"""Shared steps of the photo UI tests: a client with photos imported through the real PhotoService, the Photos tab
opened on them, and the gallery's items found by what they show."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex

from smp_desktop.core.demo_photos import write_scalp_photo
from smp_desktop.core.domain import PhotoView
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.photo_data import ImportSummary, PhotoImportOptions, PhotoRecord
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.controllers.photos_controller import PhotosController
from smp_desktop.ui.views.photo_gallery_view import PhotoGalleryView
from smp_desktop.ui.workspace import Workspace


def import_photo(
    studio: OpenStudio,
    actor: Actor,
    client_id: int,
    path: Path,
    view: PhotoView,
    *,
    session_id: int | None = None,
    marketing: bool = False,
    clinical: bool = True,
) -> PhotoRecord:
    options = PhotoImportOptions(
        client_id, session_id=session_id, view=view, clinical_consent=clinical, marketing_consent=marketing
    )
    summary: ImportSummary = run_to_end(studio.services.photos.import_files(actor, [path], options))
    record = summary.files[0].photo
    assert record is not None, summary.files[0].reason
    return record


def shoot(folder: Path, name: str, view: PhotoView, taken: datetime, *, density: float = 0.5, seed: int = 1) -> Path:
    """A scalp photo file of this view as the camera wrote it on that day."""
    return write_scalp_photo(folder / name, view, taken=taken, size=(480, 360), density=density, seed=seed)


def open_photos_tab(workspace: Workspace, client_id: int) -> tuple[PhotosController, PhotoGalleryView]:
    """Open the client from the list and bring its Photos tab to the front."""
    workspace.clients.list.refresh()
    model = workspace.clients.list.model
    row = model.row_of(client_id)
    assert row is not None
    workspace.clients_view.table.setCurrentIndex(model.index(row, 0))  # as a click on the client's row
    assert workspace.clients.client_id == client_id
    controller = workspace.photos
    assert controller is not None
    gallery = next(
        workspace.clients_view.client_tabs.widget(i)
        for i in range(workspace.clients_view.client_tabs.count())
        if isinstance(workspace.clients_view.client_tabs.widget(i), PhotoGalleryView)
    )
    workspace.clients_view.client_tabs.setCurrentWidget(gallery)
    return controller, gallery


def tab_titles(workspace: Workspace) -> list[str]:
    tabs = workspace.clients_view.client_tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def photo_index(controller: PhotosController, photo_id: int) -> QModelIndex:
    row = controller.model.row_of(photo_id)
    assert row is not None
    return controller.model.index(row)


def select_photos(gallery: PhotoGalleryView, controller: PhotosController, photos: Sequence[PhotoRecord]) -> None:
    selection = gallery.grid.selectionModel()
    selection.clearSelection()
    for photo in photos:
        selection.select(photo_index(controller, photo.id), selection.SelectionFlag.Select)
