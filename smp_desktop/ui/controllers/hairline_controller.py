"""The Hairline tab's behaviour: follow the open client, pick the view and base photo, list the design's versions,
edit the current design (older versions open read-only and can start a new version), save a new version with a
note, and guard unsaved drawing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QMessageBox

from smp_desktop.core import hairline_edit as edit
from smp_desktop.core.domain import PhotoView
from smp_desktop.core.hairline import HairlineShapes, ZoneKind
from smp_desktop.core.hairline_edit import Part
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.services.hairline_data import HairlineDesignRecord
from smp_desktop.core.services.hairlines import HairlineService
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.ui.background import Runner
from smp_desktop.ui.dialogs import unsaved_changes
from smp_desktop.ui.locale_format import format_date
from smp_desktop.ui.models.hairline_version_model import HairlineVersionModel
from smp_desktop.ui.problem_text import problem_text
from smp_desktop.ui.views.hairline_editor_view import Tool
from smp_desktop.ui.views.hairline_page_view import HairlinePageView


class PhotoSource(Protocol):
    """What the tab needs of the photo library."""

    def list_for_client(self, actor: Actor, client_id: int) -> list[PhotoRecord]: ...

    def file_path(self, actor: Actor, photo_id: int) -> Path: ...


class HairlineController(QObject):
    def __init__(
        self,
        view: HairlinePageView,
        hairlines: HairlineService,
        photos: PhotoSource | None,
        actor: Actor,
        runner: Runner,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._canvas = view.canvas
        self._hairlines = hairlines
        self._photos = photos
        self._actor = actor
        self._runner = runner
        self._may_design = actor.can(Permission.DESIGN_HAIRLINE) and not read_only
        self._model = HairlineVersionModel()
        view.versions.setModel(self._model)
        self._client_id: int | None = None
        self._client_photos: list[PhotoRecord] = []
        self._shown: HairlineDesignRecord | None = None  # the version on the canvas (None: a first design)
        self._editing = False
        self._baseline = HairlineShapes()
        self._started_from: HairlineDesignRecord | None = None
        self._photo_id: int | None = None
        self._photo_problem = ""  # why the chosen photo is not shown
        self._busy = False
        self._quiet = False  # set while the controller itself changes widgets
        if not self._may_design:
            view.note_edit.hide()
            view.save_button.hide()
            view.start_from_button.hide()
        self._connect_signals()
        self._refresh_state()

    # --- what the workspace uses ---------------------------------------------------------------------------
    @property
    def view_value(self) -> PhotoView:
        return PhotoView(self._view.view_combo.currentData())

    @property
    def is_dirty(self) -> bool:
        if not self._editing:
            return False
        # Only the drawing counts: looking at the design over another photo of the view is not a change (a new
        # version, when saved, records the photo it was drawn on).
        return self._canvas.shapes() != self._baseline.with_aspect(self._canvas.photo_aspect)

    def set_client(self, client_id: int | None) -> None:
        """ClientsController.client_changed: the saved client now open (None: none)."""
        if client_id == self._client_id:
            return
        if self.is_dirty and self._client_id is not None:
            # The client has already changed on the page, so this question cannot be cancelled: save or drop.
            dialog = unsaved_changes.UnsavedChangesDialog(self.tr("the hairline design"), self._view.window())
            dialog.cancel_button.hide()
            dialog.setEscapeButton(dialog.save_button)
            if dialog.ask() is not unsaved_changes.UnsavedChoice.DISCARD:
                self.save()
        self._client_id = client_id
        self._view.note_edit.clear()
        self._load()

    def confirm_close(self, close_again: Callable[[], object]) -> bool:
        """The window's close guard: True to close now; False while saving, or if the user stays."""
        if not self.is_dirty:
            return True
        answer = {"asking": True, "close_now": False}

        def leave() -> None:
            if answer["asking"]:
                answer["close_now"] = True
            else:
                QTimer.singleShot(0, close_again)

        self._confirm_leave(leave)
        answer["asking"] = False
        return answer["close_now"]

    def save(self, then: Callable[[], None] | None = None, on_failed: Callable[[], None] | None = None) -> None:
        client_id, view, photo_id = self._client_id, self.view_value, self._photo_id
        if client_id is None or not self._may_design or self._busy:
            return
        shapes, note = self._canvas.shapes(), self._view.note_edit.text()
        self._set_busy(True)

        def done(record: HairlineDesignRecord) -> None:
            self._set_busy(False)
            self._view.note_edit.clear()
            if client_id == self._client_id and view == self.view_value:
                self._load_versions(select_id=record.id)
            if then is not None:
                then()

        def failed(error: Exception) -> None:
            self._set_busy(False)
            if isinstance(error, ValidationFailed):
                QMessageBox.warning(
                    self._view.window(),
                    self.tr("Design not saved"),
                    "\n".join(problem_text(p) for p in error.problems),
                )
            else:
                self._runner.report_error(error)
            if on_failed is not None:
                on_failed()

        self._runner.run(
            lambda: self._hairlines.save_new_version(
                self._actor, client_id, view, shapes, base_photo_id=photo_id, note=note
            ),
            on_done=done,
            on_error=failed,
            writes=True,
        )

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        view, canvas = self._view, self._canvas
        view.view_combo.activated.connect(self._on_view_chosen)
        view.photo_combo.activated.connect(self._on_photo_chosen)
        view.versions.selectionModel().currentRowChanged.connect(self._on_version_row_changed)
        view.start_from_button.clicked.connect(self._on_start_from)
        view.save_button.clicked.connect(self._on_save_clicked)
        view.tool_group.triggered.connect(self._on_tool_chosen)
        view.delete_action.triggered.connect(canvas.delete_selected)
        view.zoom_in_action.triggered.connect(canvas.zoom_in)
        view.zoom_out_action.triggered.connect(canvas.zoom_out)
        view.fit_action.triggered.connect(canvas.fit)
        view.zone_label_edit.editingFinished.connect(self._on_zone_label_edited)
        view.zone_density.activated.connect(self._on_zone_density_chosen)
        canvas.shapes_changed.connect(self._refresh_state)
        canvas.selection_changed.connect(self._on_selection_changed)

    def _on_view_chosen(self, _index: int) -> None:
        chosen = self.view_value
        if self._shown is not None and self._shown.view == chosen and not self.is_dirty:
            return

        def back() -> None:
            shown_view = self._shown.view if self._shown is not None else None
            self._select_combo(self._view.view_combo, shown_view or PhotoView.FRONT_HAIRLINE)

        self._confirm_leave(self._load, on_cancel=back)

    def _on_photo_chosen(self, _index: int) -> None:
        photo_id = self._view.photo_combo.currentData()
        self._show_photo(photo_id if isinstance(photo_id, int) else None)

    def _on_version_row_changed(self, current: object, previous: object) -> None:
        if self._quiet:
            return
        record = self._model.record(self._view.versions.currentIndex().row())
        if record is None or (self._shown is not None and record.id == self._shown.id and self._started_from is None):
            return

        def back() -> None:
            self._select_version(self._shown.id if self._shown is not None else None)

        self._confirm_leave(lambda: self._open_version(record), on_cancel=back)

    def _on_start_from(self) -> None:
        record = self._shown
        if record is None or not self._may_design:
            return
        self._started_from = record
        current = self._model.record(0)  # newest first: what the new version will supersede
        if current is not None:
            self._baseline = current.shapes
        self._editing = True
        self._canvas.set_read_only(False)
        self._canvas.set_shapes(record.shapes)
        self._refresh_state()

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_tool_chosen(self, action: QAction) -> None:
        self._canvas.set_tool(Tool(action.data()))
        self._canvas.setFocus()
        self._refresh_hint()

    def _on_selection_changed(self) -> None:
        self._refresh_zone_panel()

    def _on_zone_label_edited(self) -> None:
        target = self._canvas.selected
        if self._quiet or target is None or target.part not in (Part.ZONE, Part.ZONE_POINT):
            return
        label = " ".join(self._view.zone_label_edit.text().split())
        shapes = self._canvas.shapes()
        if target.index < len(shapes.zones) and label != shapes.zones[target.index].label:
            self._canvas.edit(edit.change_zone(shapes, target.index, label=label), self.tr("Rename zone"))

    def _on_zone_density_chosen(self, _index: int) -> None:
        target = self._canvas.selected
        if target is None or target.part not in (Part.ZONE, Part.ZONE_POINT):
            return
        level = int(self._view.zone_density.currentData())
        shapes = self._canvas.shapes()
        self._canvas.edit(edit.change_zone(shapes, target.index, density=level), self.tr("Change density"))

    # --- loading --------------------------------------------------------------------------------------------
    def _load(self) -> None:
        client_id = self._client_id
        self._shown, self._started_from = None, None
        if client_id is None:
            self._model.set_records([])
            self._set_photos([])
            self._open_version(None)
            return
        photos, actor = self._photos, self._actor

        def work() -> list[PhotoRecord]:
            return photos.list_for_client(actor, client_id) if photos is not None else []

        def done(found: list[PhotoRecord]) -> None:
            if client_id == self._client_id:
                self._client_photos = found
                self._load_versions()

        self._runner.run(work, on_done=done, latest_only="hairline-client")

    def _load_versions(self, select_id: int | None = None) -> None:
        client_id, view = self._client_id, self.view_value
        if client_id is None:
            return

        def done(records: list[HairlineDesignRecord]) -> None:
            if client_id != self._client_id or view != self.view_value:
                return
            self._set_photos([p for p in self._client_photos if p.view == view])
            self._quiet = True
            self._model.set_records(records)
            self._quiet = False
            chosen = next((r for r in records if r.id == select_id), records[0] if records else None)
            self._open_version(chosen)

        self._runner.run(
            lambda: self._hairlines.versions(self._actor, client_id, view),
            on_done=done,
            latest_only="hairline-versions",
        )

    def _open_version(self, record: HairlineDesignRecord | None) -> None:
        self._shown, self._started_from = record, None
        self._select_version(record.id if record is not None else None)
        self._editing = self._may_design and (record is None or record.is_current)
        self._canvas.set_read_only(not self._editing)
        photo_ids = [self._view.photo_combo.itemData(i) for i in range(self._view.photo_combo.count())]
        photo_id = record.base_photo_id if record is not None and record.base_photo_id in photo_ids else None
        if photo_id is None and photo_ids and isinstance(photo_ids[0], int):
            photo_id = photo_ids[0]  # the newest photo of the view
        self._baseline = record.shapes if record is not None else HairlineShapes()
        self._canvas.set_shapes(self._baseline)
        self._show_photo(photo_id)
        self._refresh_state()

    def _set_photos(self, photos: list[PhotoRecord]) -> None:
        combo = self._view.photo_combo
        combo.clear()
        for photo in sorted(photos, key=lambda p: p.taken_at, reverse=True):
            name = photo.original_filename or self.tr("photo #%1").replace("%1", str(photo.id))
            combo.addItem(f"{format_date(photo.taken_at.astimezone().date())} · {name}", photo.id)
        if not photos:
            combo.addItem(self.tr("No photo of this view yet: drawing on a blank canvas"), None)
        combo.setEnabled(bool(photos))

    def _show_photo(self, photo_id: int | None) -> None:
        self._photo_id = photo_id
        self._photo_problem = ""
        self._select_combo(self._view.photo_combo, photo_id)
        if photo_id is None or self._photos is None:
            self._put_photo(None)
            return
        photos, actor = self._photos, self._actor

        def read() -> QImage:  # QImage (not QPixmap) may be made off the GUI thread
            return QImage(str(photos.file_path(actor, photo_id)))

        def done(image: QImage) -> None:
            if photo_id == self._photo_id:
                if image.isNull():
                    self._photo_problem = self.tr(
                        "The photo file could not be read: use File ▸ Check Database… to look for missing photos."
                    )
                self._put_photo(None if image.isNull() else QPixmap.fromImage(image))

        def failed(error: Exception) -> None:
            if photo_id == self._photo_id:
                self._photo_problem = self.tr("The photo is no longer in the library.")
                self._put_photo(None)

        self._runner.run(read, on_done=done, on_error=failed, latest_only="hairline-photo")

    def _put_photo(self, pixmap: QPixmap | None) -> None:
        untouched = not self.is_dirty
        self._canvas.set_photo(pixmap)
        if untouched:  # re-placed from the saved design, so looking through photos never wears it down
            self._canvas.set_shapes(self._baseline)
        self._refresh_state()

    # --- state on screen ------------------------------------------------------------------------------------
    def _refresh_state(self) -> None:
        view, record, dirty = self._view, self._shown, self.is_dirty
        if self._client_id is None:
            status = ""
        elif self._started_from is not None:
            status = self.tr("New version from version %1").replace("%1", str(self._started_from.version))
        elif record is None:
            status = self.tr("No design yet for this view") if self._may_design else self.tr("No design for this view")
        elif record.is_current:
            status = self.tr("Version %1 · current").replace("%1", str(record.version))
        else:
            status = self.tr("Version %1 · earlier version, read-only").replace("%1", str(record.version))
        view.status_label.setText("\n".join(t for t in (status, self._photo_problem) if t))
        view.unsaved_label.setVisible(dirty)
        view.save_button.setEnabled(self._may_design and self._editing and dirty and not self._busy)
        view.note_edit.setEnabled(self._may_design and self._editing)
        older = record is not None and not record.is_current and self._started_from is None
        view.start_from_button.setEnabled(self._may_design and older)
        view.toolbar.setEnabled(self._editing)
        for action in (view.delete_action, view.undo_action, view.redo_action):
            action.setVisible(self._editing)  # zoom stays: an earlier version can be looked at closely
        self._refresh_zone_panel()
        self._refresh_hint()

    def _refresh_zone_panel(self) -> None:
        view, target, shapes = self._view, self._canvas.selected, self._canvas.shapes()
        view.delete_action.setEnabled(self._editing and target is not None)
        zone = None
        if target is not None and target.part in (Part.ZONE, Part.ZONE_POINT) and target.index < len(shapes.zones):
            zone = shapes.zones[target.index]
        view.zone_box.setVisible(zone is not None)
        if zone is None:
            return
        self._quiet = True
        if not view.zone_label_edit.hasFocus():
            view.zone_label_edit.setText(zone.label)
        view.zone_label_edit.setReadOnly(not self._editing)
        view.zone_density.setEnabled(self._editing and zone.kind is ZoneKind.DENSITY)
        index = view.zone_density.findData(zone.density if zone.density is not None else 3)
        view.zone_density.setCurrentIndex(index)
        self._quiet = False

    def _refresh_hint(self) -> None:
        redesign = self._may_design and self._shown is not None and not self._shown.is_current
        self._view.show_hint(self._canvas.tool, editing=self._editing, may_redesign=redesign)

    # --- helpers --------------------------------------------------------------------------------------------
    def _confirm_leave(self, then: Callable[[], None], on_cancel: Callable[[], None] | None = None) -> None:
        if not self.is_dirty:
            then()
            return
        choice = unsaved_changes.UnsavedChangesDialog(self.tr("the hairline design"), self._view.window()).ask()
        if choice is unsaved_changes.UnsavedChoice.SAVE:
            self.save(then=then, on_failed=on_cancel)
        elif choice is unsaved_changes.UnsavedChoice.DISCARD:
            self._editing = False  # nothing to keep: the next view or version replaces the drawing
            then()
        elif on_cancel is not None:
            on_cancel()

    def _select_version(self, design_id: int | None) -> None:
        self._quiet = True
        row = self._model.row_of(design_id) if design_id is not None else -1
        self._view.versions.setCurrentIndex(self._model.index(row, 0) if row >= 0 else self._model.index(-1, 0))
        self._quiet = False

    @staticmethod
    def _select_combo(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._canvas.setEnabled(not busy)  # no drawing while the design is being saved: it would be lost
        self._refresh_state()
