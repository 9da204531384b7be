"""The client's Photos tab: load the gallery of the open client, and start imports (file picker, folder, drop),
the viewer, the comparison, tag edits and deletes. Every service call goes through the runner."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.photo_data import ImportSummary, PhotoRecord
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.clients_controller import ClientsController
from smp_desktop.ui.controllers.photo_compare_controller import PhotoCompareController
from smp_desktop.ui.controllers.photo_import_controller import PhotoImportController
from smp_desktop.ui.controllers.photo_library import (
    ClientName,
    DesignSource,
    PhotoContext,
    PhotoLibrary,
    SessionSource,
)
from smp_desktop.ui.controllers.photo_viewer_controller import PhotoViewerController
from smp_desktop.ui.dialogs.photo_delete_confirm import PhotoDeleteConfirmation
from smp_desktop.ui.dialogs.photo_import_dialog import PhotoImportDialog
from smp_desktop.ui.dialogs.photo_tags_dialog import PhotoTagsDialog
from smp_desktop.ui.locale_format import format_count
from smp_desktop.ui.models.photo_gallery_model import PhotoGalleryModel, SessionLabel
from smp_desktop.ui.models.photo_thumbnails import ImageLoader, ThumbnailCache
from smp_desktop.ui.views import photo_tile_delegate
from smp_desktop.ui.views.clients_area_view import ClientsAreaView
from smp_desktop.ui.views.photo_compare_view import PhotoCompareView
from smp_desktop.ui.views.photo_gallery_view import PhotoGalleryView
from smp_desktop.ui.views.photo_viewer_window import PhotoViewerWindow

PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp *.heic *.heif *.JPG *.JPEG *.PNG *.WEBP *.HEIC *.HEIF"
LAST_FOLDER_KEY = "photos/last_folder"
REPAINT_MS = 30


def tile_loader(photos: PhotoLibrary, actor: Actor) -> ImageLoader:
    """What the gallery's worker does for a tile: the photo's cached thumbnail (made from the stored photo the first
    time), read and fitted to the tile. The record is the gallery's own, so a thumbnail already on disk costs no
    database query; the service still checks that the actor may see photos before it answers."""

    def load(photo: PhotoRecord, ratio: float) -> QImage:
        return photo_tile_delegate.tile_picture(QImage(str(photos.thumbnail_of(actor, photo))), ratio)

    return load


class PhotosController(QObject):
    photos_changed = Signal()  # imported, edited or deleted: other areas showing photos may refresh

    def __init__(
        self, view: PhotoGalleryView, context: PhotoContext, runner: Runner, settings: QSettings | None = None
    ) -> None:
        super().__init__(view)
        self._view = view
        self._context = context
        self._runner = runner
        self._settings = settings
        self._client_id: int | None = None
        self._client_name = ""
        self._sessions: list[SessionLabel] = []
        self._stale = True
        self.thumbnails = ThumbnailCache(runner, tile_loader(context.photos, context.actor), self)
        self.model = PhotoGalleryModel(self.thumbnails, self)
        view.grid.setModel(self.model)
        # Thumbnails arriving repaint their tiles, a frame's worth at a time. Not dataChanged: a list view with
        # headers of their own size lays every item out again on dataChanged, hundreds of times a second.
        self._arrived: set[int] = set()
        self._repaint_timer = QTimer(self)
        self._repaint_timer.setSingleShot(True)
        self._repaint_timer.setInterval(REPAINT_MS)
        view.grid.accepting_drops = context.may_add
        view.grid.empty_text = self._empty_text()
        for action in (view.import_files_action, view.import_folder_action):
            action.setEnabled(context.may_add)
        # Windows opened from the tab (viewer, compare, import), kept so they are not garbage-collected.
        self.viewer: PhotoViewerController | None = None
        self.compare: PhotoCompareController | None = None
        self.importer: PhotoImportController | None = None
        self._connect_signals()
        self._update_actions()

    # --- which client -----------------------------------------------------------------------------------------
    @property
    def client_id(self) -> int | None:
        return self._client_id

    def set_client(self, client_id: int | None) -> None:
        """The client open on the page changed (ClientsController.client_changed)."""
        if client_id == self._client_id:
            return
        self._client_id = client_id
        self._stale = True
        self.thumbnails.drop_queued()  # the other client's tiles still waiting for a worker
        self.model.show_photos([], {})
        self._view.name_label.setText("")
        self._view.count_label.setText("")
        for controller in (self.viewer, self.compare):
            window = controller.parent() if controller is not None else None
            if isinstance(window, QWidget):
                window.close()  # another client's photos must not stay on screen
        if client_id is not None and self._view.isVisible():
            self.refresh()

    def refresh(self) -> None:
        client_id = self._client_id
        if client_id is None:
            return
        self._stale = False
        context = self._context

        def load() -> tuple[str, list[PhotoRecord], list[SessionLabel]]:
            return (
                context.client_name(client_id),
                context.photos.list_for_client(context.actor, client_id),
                context.sessions_for(client_id),
            )

        self._runner.run(load, on_done=lambda loaded: self._show(client_id, *loaded), latest_only="photo-gallery")

    def _show(self, client_id: int, name: str, photos: list[PhotoRecord], sessions: list[SessionLabel]) -> None:
        if client_id != self._client_id:
            return  # the person moved on to another client meanwhile
        self._client_name = name
        self._sessions = sessions
        selected = set(self._selected_ids())
        self.model.show_photos(photos, {s.id: s for s in sessions})
        self._view.name_label.setText(name)
        count = len(photos)
        text = self.tr("1 photo") if count == 1 else self.tr("%1 photos").replace("%1", format_count(count))
        self._view.count_label.setText(text if count else "")
        self._reselect(selected)
        self._update_actions()

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        view = self._view
        view.shown.connect(self._on_shown)
        view.import_files_action.triggered.connect(self._on_import_files)
        view.import_folder_action.triggered.connect(self._on_import_folder)
        view.open_action.triggered.connect(self._on_open)
        view.compare_action.triggered.connect(self._on_compare)
        view.edit_action.triggered.connect(self._on_edit)
        view.delete_action.triggered.connect(self._on_delete)
        view.grid.files_dropped.connect(self._on_files_dropped)
        view.grid.activated.connect(self._on_activated)
        view.grid.selectionModel().selectionChanged.connect(self._update_actions)
        view.grouping.currentIndexChanged.connect(self._on_grouping_changed)
        self.thumbnails.loaded.connect(self._on_thumbnail_loaded)
        self._repaint_timer.timeout.connect(self._on_repaint_due)

    def _on_thumbnail_loaded(self, photo_id: int) -> None:
        self._arrived.add(photo_id)
        if not self._repaint_timer.isActive():
            self._repaint_timer.start()

    def _on_repaint_due(self) -> None:
        grid = self._view.grid
        for photo_id in self._arrived:
            row = self.model.row_of(photo_id)
            if row is not None:
                grid.update(self.model.index(row))
        self._arrived.clear()

    def _on_shown(self) -> None:
        if self._stale:
            self.refresh()

    def _on_grouping_changed(self) -> None:
        selected = set(self._selected_ids())
        self.model.set_grouping(self._view.grouping.currentData())
        self._reselect(selected)

    def _on_import_files(self) -> None:
        if self._client_id is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self._view,
            self.tr("Import photos of %1").replace("%1", self._client_name),
            self._last_folder(),
            self.tr("Photos (%1);;All files (*)").replace("%1", PHOTO_FILTER),
        )
        if files:
            self._remember_folder(Path(files[0]).parent)
            self.start_import([Path(f) for f in files])

    def _on_import_folder(self) -> None:
        if self._client_id is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self._view, self.tr("Import a folder of photos of %1").replace("%1", self._client_name), self._last_folder()
        )
        if folder:
            self._remember_folder(Path(folder))
            self._expand_and_import([Path(folder)])

    def _on_files_dropped(self, paths: list[Path]) -> None:
        if self._client_id is not None and self._context.may_add:
            self._expand_and_import(paths)

    def _on_activated(self, index: QModelIndex) -> None:
        if self.model.photo_at(index.row()) is not None:  # a tile, not a header
            self._on_open()

    def _on_open(self) -> None:
        selected = self._selected()
        if not selected or self._client_id is None:
            return
        photos = self.model.photos()
        index = next(n for n, p in enumerate(photos) if p.id == selected[0].id)
        window = PhotoViewerWindow(self._view.window())
        controller = PhotoViewerController(
            window, self._context, self._runner, self._client_name, photos, self._session_map(), index
        )
        controller.edit_requested.connect(self._edit)
        self._open_window(window, "viewer", controller)

    def _on_compare(self) -> None:
        if self._client_id is None:
            return
        window = PhotoCompareView(self._view.window())
        controller = PhotoCompareController(
            window,
            self._context,
            self._runner,
            self._client_id,
            self._client_name,
            self.model.photos(),
            self._session_map(),
            chosen=self._selected(),
        )
        self._open_window(window, "compare", controller)

    def _on_edit(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self._edit(selected[0])

    def _on_delete(self) -> None:
        selected = self._selected()
        if not selected or not self._context.may_add:
            return
        if not PhotoDeleteConfirmation(len(selected), self._client_name, self._view.window()).ask():
            return
        photos, actor = self._context.photos, self._context.actor
        ids = [p.id for p in selected]

        def delete() -> None:
            for photo_id in ids:
                photos.delete(actor, photo_id)

        def deleted(_: object) -> None:
            for photo_id in ids:
                self.thumbnails.forget(photo_id)
            self._changed()

        self._runner.run(delete, on_done=deleted, on_error=self._on_write_failed, writes=True)

    # --- helpers --------------------------------------------------------------------------------------------
    def start_import(self, files: Sequence[Path]) -> PhotoImportController | None:
        """The import dialog on these files (a drop, the picker, a folder's photos)."""
        if self._client_id is None or not files:
            return None
        dialog = PhotoImportDialog(self._view.window())
        controller = PhotoImportController(
            dialog, self._context, self._runner, self._client_id, self._client_name, files, self._sessions
        )
        controller.finished.connect(self._on_imported)
        self._open_window(dialog, "importer", controller, modal=True)
        return controller

    def _expand_and_import(self, paths: Sequence[Path]) -> None:
        photos = self._context.photos

        def expand() -> list[Path]:
            files: list[Path] = []
            for path in paths:
                files.extend(photos.folder_files(path) if path.is_dir() else [path])
            return files

        def expanded(files: list[Path]) -> None:
            if files:
                self.start_import(files)
                return
            names = ", ".join(p.name for p in paths)
            QMessageBox.information(
                self._view.window(),
                self.tr("No photos found"),
                self.tr("No photos were found in %1. Photos are JPEG, PNG, WebP or HEIC files.").replace("%1", names),
            )

        self._runner.run(expand, on_done=expanded)

    def _on_imported(self, summary: ImportSummary | None) -> None:
        if summary is None or summary.imported or summary.already_present:
            self._changed()

    def _edit(self, photo: PhotoRecord) -> None:
        if not self._context.may_add:
            return
        available = self._context.sessions is not None
        change = PhotoTagsDialog(photo, self._sessions, sessions_available=available, parent=self._view.window()).ask()
        if change is None:
            return
        photos, actor = self._context.photos, self._context.actor

        def edited(record: PhotoRecord) -> None:
            if self.viewer is not None:
                self.viewer.replace(record)
            self._changed()

        self._runner.run(
            lambda: photos.update(actor, photo.id, change), on_done=edited, on_error=self._on_write_failed, writes=True
        )

    def _on_write_failed(self, error: Exception) -> None:
        self.refresh()  # show what is really stored
        self._runner.report_error(error)

    def _changed(self) -> None:
        self.refresh()
        self.photos_changed.emit()

    def _open_window(self, window: QWidget, slot: str, controller: QObject, *, modal: bool = False) -> None:
        setattr(self, slot, controller)

        def forget() -> None:
            if getattr(self, slot) is controller:
                setattr(self, slot, None)

        window.finished.connect(forget)  # type: ignore[attr-defined]
        if modal:
            window.open()  # type: ignore[attr-defined]
        else:
            window.show()

    def _selected(self) -> list[PhotoRecord]:
        rows = sorted(index.row() for index in self._view.grid.selectionModel().selectedIndexes())
        return [photo for row in rows if (photo := self.model.photo_at(row)) is not None]

    def _selected_ids(self) -> list[int]:
        return [photo.id for photo in self._selected()]

    def _reselect(self, photo_ids: set[int]) -> None:
        selection = self._view.grid.selectionModel()
        selection.clearSelection()
        for photo_id in photo_ids:
            row = self.model.row_of(photo_id)
            if row is not None:
                selection.select(self.model.index(row), selection.SelectionFlag.Select)

    def _session_map(self) -> dict[int, SessionLabel]:
        return {s.id: s for s in self._sessions}

    def _update_actions(self) -> None:
        view = self._view
        count = len(self._selected())
        has_client = self._client_id is not None
        view.open_action.setEnabled(count >= 1)
        view.edit_action.setEnabled(count == 1 and self._context.may_add)
        view.delete_action.setEnabled(count >= 1 and self._context.may_add)
        view.compare_action.setEnabled(has_client and self.model.photo_count() >= 2)
        for action in (view.import_files_action, view.import_folder_action):
            action.setEnabled(has_client and self._context.may_add)

    def _empty_text(self) -> str:
        if self._context.may_add:
            return self.tr(
                "No photos of this client yet.\nDrag photos or a folder here, or use Import photos… (Ctrl+I)."
            )
        return self.tr("No photos of this client yet.")

    def _last_folder(self) -> str:
        if self._settings is None:
            return ""
        return str(self._settings.value(LAST_FOLDER_KEY, "") or "")

    def _remember_folder(self, folder: Path) -> None:
        if self._settings is not None:
            self._settings.setValue(LAST_FOLDER_KEY, str(folder))


def add_photos_tab(
    clients_view: ClientsAreaView,
    clients: ClientsController,
    photos: PhotoLibrary,
    client_name: ClientName,
    actor: Actor,
    runner: Runner,
    settings: QSettings | None = None,
    *,
    sessions: SessionSource | None = None,
    designs: DesignSource | None = None,
    read_only: bool = False,
) -> PhotosController | None:
    """The Photos tab on the client's page, following the open client. Scalp photos are health data: an actor who
    may not see them (reception) gets no tab at all, not an empty one."""
    if not actor.can(Permission.VIEW_PHOTOS):
        return None
    context = PhotoContext(
        photos=photos,
        actor=actor,
        client_name=client_name,
        sessions=sessions,
        designs=designs,
        may_add=actor.can(Permission.ADD_PHOTOS) and not read_only,
    )
    view = PhotoGalleryView()
    clients_view.add_client_tab(view, QCoreApplication.translate("Workspace", "Photos"))
    controller = PhotosController(view, context, runner, settings)
    clients.client_changed.connect(controller.set_client)

    def on_saved(record: ClientRecord) -> None:
        if record.id == controller.client_id:
            controller.refresh()  # the name in the tab's title may have changed

    clients.form.saved.connect(on_saved)
    return controller
