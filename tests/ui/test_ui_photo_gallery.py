"""The Photos tab on real photos: grouped by session and by view, consent badges, thumbnails loaded as tiles are
painted, tag edits and deletes through the real dialogs, the viewer and the comparison opened from the tab, and
no tab at all for reception."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from photo_helpers import import_photo, open_photos_tab, select_photos, shoot, tab_titles
from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from smp_desktop.core.domain import PhotoView, SessionKind, StaffRole
from smp_desktop.core.hairline import HairlineShapes, Point
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.core.services.session_data import SessionDraft
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.controllers.photo_compare_controller import PhotoCompareController
from smp_desktop.ui.controllers.photo_viewer_controller import PhotoViewerController
from smp_desktop.ui.dialogs.photo_delete_confirm import PhotoDeleteConfirmation
from smp_desktop.ui.dialogs.photo_tags_dialog import PhotoTagsDialog
from smp_desktop.ui.models.photo_gallery_model import Grouping, RowKind
from smp_desktop.ui.views.hairline_overlay import HairlineOverlay
from smp_desktop.ui.views.photo_compare_view import CompareMode
from smp_desktop.ui.views.photo_tile_delegate import CLINICAL_COLOUR, MARKETING_COLOUR
from smp_desktop.ui.workspace import Workspace, build_workspace

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def course(
    studio: OpenStudio, owner: Actor, make_client: Callable[..., ClientRecord], tmp_path: Path
) -> tuple[ClientRecord, dict[str, PhotoRecord]]:
    """Abdullah's course: session 1 and session 2 with photos, and one photo linked to no session."""
    client = make_client(first_name="عبدالله", last_name="Żółkiewski")
    sessions = studio.services.sessions
    first = sessions.create(
        owner, client.id, SessionDraft(SessionKind.SESSION_1, datetime(2025, 12, 1, 10, tzinfo=UTC))
    )
    second = sessions.create(
        owner, client.id, SessionDraft(SessionKind.SESSION_2, datetime(2025, 12, 15, 10, tzinfo=UTC))
    )
    shots = {
        "front 1": (PhotoView.FRONT_HAIRLINE, datetime(2025, 12, 1, 10, 5), first.id, False, 0.0),
        "crown 1": (PhotoView.CROWN, datetime(2025, 12, 1, 10, 6), first.id, True, 0.1),
        "front 2": (PhotoView.FRONT_HAIRLINE, datetime(2025, 12, 15, 10, 5), second.id, True, 0.6),
        "front 3": (PhotoView.FRONT_HAIRLINE, datetime(2026, 1, 20, 9, 0), None, False, 0.9),
    }
    records = {}
    for seed, (name, (view, taken, session_id, marketing, density)) in enumerate(shots.items(), start=1):
        path = shoot(tmp_path / "camera", f"{name}.jpg", view, taken, density=density, seed=seed)
        records[name] = import_photo(studio, owner, client.id, path, view, session_id=session_id, marketing=marketing)
    return client, records


def test_gallery_groups_by_session_and_by_view_with_badges(
    qtbot: QtBot, workspace: Workspace, course: tuple[ClientRecord, dict[str, PhotoRecord]]
) -> None:
    client, photos = course
    controller, gallery = open_photos_tab(workspace, client.id)
    assert "Photos" in tab_titles(workspace)
    assert gallery.name_label.text() == client.display_name
    assert gallery.count_label.text() == "4 photos"
    model = controller.model
    assert model.headers() == [
        (RowKind.SESSION, "Session 2 · 15/12/2025", "1 photo"),
        (RowKind.SESSION, "Session 1 · 01/12/2025", "2 photos"),
        (RowKind.SESSION, "Not linked to a session", "1 photo"),
    ]
    # Within a session, by standard view: front hairline before crown.
    assert [p.id for p in model.photos()] == [photos[n].id for n in ("front 2", "front 1", "crown 1", "front 3")]

    gallery.grouping.setCurrentIndex(gallery.grouping.findData(Grouping.VIEW))
    assert model.headers() == [
        (RowKind.SESSION, "Front hairline", "3 photos"),
        (RowKind.SESSION, "Crown", "1 photo"),
    ]
    assert [p.id for p in model.photos()] == [photos[n].id for n in ("front 1", "front 2", "front 3", "crown 1")]
    first = model.index(model.row_of(photos["front 1"].id))
    assert (first.data(), first.data(Qt.ItemDataRole.ToolTipRole).splitlines()[-1]) == (
        "Session 1 · 01/12/2025",
        "Consent: clinical record",
    )

    # Tiles painted: thumbnails asked for (off the GUI thread in the app) and the consent badges drawn.
    gallery.grid.resize(900, 700)
    image = gallery.grid.grab().toImage()
    assert controller.thumbnails.requests == 4
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert CLINICAL_COLOUR.name() in colours and MARKETING_COLOUR.name() in colours
    crown = model.index(model.row_of(photos["crown 1"].id))
    qtbot.waitUntil(lambda: crown.data(Qt.ItemDataRole.DecorationRole) is not None)  # made after the paint


def test_tags_are_edited_and_photos_deleted_through_the_real_dialogs(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    course: tuple[ClientRecord, dict[str, PhotoRecord]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client, photos = course
    controller, gallery = open_photos_tab(workspace, client.id)
    select_photos(gallery, controller, [photos["front 3"]])
    assert gallery.edit_action.isEnabled() and gallery.delete_action.isEnabled()

    def edit(dialog: PhotoTagsDialog) -> int:
        assert dialog.fields.session.currentText() == "No session"
        dialog.fields.set_photo_view(PhotoView.TOP)
        dialog.fields.session.setCurrentIndex(dialog.fields.session.findText("Session 2 · 15/12/2025"))
        qtbot.mouseClick(dialog.fields.marketing, LEFT, pos=QPoint(8, dialog.fields.marketing.height() // 2))
        qtbot.keyClicks(dialog.fields.note, "touch-up check")
        qtbot.mouseClick(dialog.save_button, LEFT)
        return dialog.result()

    monkeypatch.setattr(PhotoTagsDialog, "exec", edit)
    qtbot.mouseClick(gallery.buttons[gallery.edit_action], LEFT)
    stored = studio.services.photos.get(owner, photos["front 3"].id)
    assert (stored.view, stored.marketing_consent, stored.note) == (PhotoView.TOP, True, "touch-up check")
    assert stored.session_id is not None and stored.taken_at == photos["front 3"].taken_at
    assert controller.model.headers()[0] == (RowKind.SESSION, "Session 2 · 15/12/2025", "2 photos")

    asked: list[str] = []

    def press_delete(box: PhotoDeleteConfirmation) -> int:
        asked.append(box.text())
        box.delete_button.click()
        return 0

    monkeypatch.setattr(PhotoDeleteConfirmation, "exec", press_delete)
    select_photos(gallery, controller, [photos["front 1"], photos["crown 1"]])
    assert not gallery.edit_action.isEnabled()  # tags are edited one photo at a time
    qtbot.mouseClick(gallery.buttons[gallery.delete_action], LEFT)
    assert asked == [f"Delete these 2 photos of {client.display_name}?"]
    left = studio.services.photos.list_for_client(owner, client.id)
    assert sorted(p.id for p in left) == sorted([photos["front 2"].id, photos["front 3"].id])
    assert controller.model.photo_count() == 2 and gallery.count_label.text() == "2 photos"


def test_viewer_zooms_steps_through_photos_and_shows_the_ghost(
    qtbot: QtBot, workspace: Workspace, course: tuple[ClientRecord, dict[str, PhotoRecord]]
) -> None:
    client, photos = course
    controller, gallery = open_photos_tab(workspace, client.id)
    select_photos(gallery, controller, [photos["front 2"]])
    qtbot.mouseClick(gallery.buttons[gallery.open_action], LEFT)
    viewer = controller.viewer
    assert isinstance(viewer, PhotoViewerController)
    window = viewer.parent()
    qtbot.waitExposed(window)
    assert window.windowTitle() == f"{client.display_name} — Front hairline, 15/12/2025"
    assert window.tag_values["session"].text() == "Session 2 · 15/12/2025"
    assert window.tag_values["consent"].text() == "clinical record, marketing"
    assert window.canvas.has_photo() and window.canvas.is_fitted
    assert window.position_label.text() == "1 of 4"

    qtbot.mouseClick(window.actual_size_button, LEFT)
    assert window.canvas.zoom == pytest.approx(1.0) and window.zoom_label.text() == "100 %"
    qtbot.mouseClick(window.zoom_in_button, LEFT)
    assert window.zoom_label.text() == "125 %"
    qtbot.mouseClick(window.fit_button, LEFT)
    assert window.canvas.is_fitted

    # The ghost: the front hairline photo taken before this one (session 1's), at the chosen opacity.
    qtbot.mouseClick(window.ghost.check, LEFT, pos=QPoint(8, window.ghost.check.height() // 2))
    assert window.canvas.has_ghost()
    assert window.ghost.note.text() == "Over it: 01/12/2025"
    window.ghost.opacity.setValue(30)
    assert window.canvas.ghost_opacity == pytest.approx(0.3) and window.ghost.opacity_label.text() == "30 %"

    qtbot.mouseClick(window.next_button, LEFT)
    assert viewer.current == photos["front 1"] and window.position_label.text() == "2 of 4"
    assert not window.canvas.has_ghost()  # nothing of this view before session 1's photo
    assert window.ghost.note.text() == "No earlier “Front hairline” photo."
    qtbot.mouseClick(window.previous_button, LEFT)
    assert viewer.current == photos["front 2"] and window.canvas.has_ghost()
    assert not window.previous_button.isEnabled()


def test_viewer_shows_the_current_hairline_design_over_any_photo_of_its_view(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    course: tuple[ClientRecord, dict[str, PhotoRecord]],
) -> None:
    client, photos = course
    hairlines = studio.services.hairlines
    design = HairlineShapes(hairline=(Point(0.2, 0.4), Point(0.5, 0.3), Point(0.8, 0.4)))
    hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, HairlineShapes(hairline=design.hairline[:2]))
    hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, design, note="lowered")
    controller, gallery = open_photos_tab(workspace, client.id)
    select_photos(gallery, controller, [photos["front 3"]])
    qtbot.mouseClick(gallery.buttons[gallery.open_action], LEFT)
    viewer = controller.viewer
    assert isinstance(viewer, PhotoViewerController)
    window = viewer.parent()
    qtbot.waitExposed(window)
    assert window.hairline_check.isVisible() and window.canvas.overlays() == ()

    window.hairline_check.click()
    (overlay,) = window.canvas.overlays()
    assert isinstance(overlay, HairlineOverlay) and overlay.shapes == design  # the newest version
    front = photos["front 3"]
    start = overlay.mapToParent(overlay.curve_path().elementAt(0).x, overlay.curve_path().elementAt(0).y)
    assert (start.x(), start.y()) == pytest.approx((0.2 * front.width, 0.4 * front.height), abs=1.0)

    while window.previous_button.isEnabled():  # to the first photo (the order follows the gallery's grouping)
        qtbot.mouseClick(window.previous_button, LEFT)
    for _ in range(len(photos)):  # then on to the crown photo, the design following
        if viewer.current.view is PhotoView.CROWN:
            break
        qtbot.mouseClick(window.next_button, LEFT)
        if viewer.current.view is PhotoView.FRONT_HAIRLINE:
            assert len(window.canvas.overlays()) == 1
    crown = viewer.current
    assert viewer.current == crown and window.canvas.overlays() == ()  # no design drawn for the crown
    assert window.status_label.text() == "No hairline design has been drawn for the “Crown” view yet."
    window.hairline_check.click()
    assert window.status_label.text() == ""


def test_compare_defaults_to_the_first_and_latest_of_one_view(
    qtbot: QtBot, workspace: Workspace, course: tuple[ClientRecord, dict[str, PhotoRecord]]
) -> None:
    client, photos = course
    controller, gallery = open_photos_tab(workspace, client.id)
    select_photos(gallery, controller, [photos["crown 1"]])  # one photo of a view with no other: front is used
    qtbot.mouseClick(gallery.buttons[gallery.compare_action], LEFT)
    compare = controller.compare
    assert isinstance(compare, PhotoCompareController)
    window = compare.parent()
    qtbot.waitExposed(window)
    assert window.windowTitle() == f"Compare photos — {client.display_name}"
    assert compare.chosen_ids() == (photos["front 1"].id, photos["front 3"].id)
    assert window.before_detail.text() == "Front hairline · 01/12/2025 · Session 1"
    assert window.after_detail.text() == "Front hairline · 20/01/2026"
    assert window.before_canvas.has_photo() and window.after_canvas.has_photo()

    # Zoom one side: the other follows.
    window.after_canvas.set_zoom(1.0)
    assert window.before_canvas.transform().m11() == pytest.approx(window.after_canvas.transform().m11())

    qtbot.mouseClick(window.slider_button, LEFT)
    assert window.mode is CompareMode.SLIDER
    window.wipe_slider.setValue(250)
    assert window.wipe_canvas.position == pytest.approx(0.25)
    assert window.wipe_before_caption.text() == "◀ Before: Front hairline · 01/12/2025 · Session 1"

    # Another "before" picked by hand.
    window.before_picker.setCurrentIndex(window.before_picker.findData(photos["front 2"].id))
    assert compare.chosen_ids() == (photos["front 2"].id, photos["front 3"].id)
    assert window.before_detail.text().startswith("Front hairline · 15/12/2025")


def test_two_selected_photos_are_compared_oldest_first(
    qtbot: QtBot, workspace: Workspace, course: tuple[ClientRecord, dict[str, PhotoRecord]]
) -> None:
    client, photos = course
    controller, gallery = open_photos_tab(workspace, client.id)
    select_photos(gallery, controller, [photos["front 3"], photos["crown 1"]])
    qtbot.mouseClick(gallery.buttons[gallery.compare_action], LEFT)
    assert controller.compare is not None
    assert controller.compare.chosen_ids() == (photos["crown 1"].id, photos["front 3"].id)


def test_reception_gets_no_photos_tab(
    qtbot: QtBot,
    studio: OpenStudio,
    runner: SynchronousRunner,
    settings: QSettings,
    course: tuple[ClientRecord, dict[str, PhotoRecord]],
) -> None:
    reception = Actor(studio.services.studio.owner().staff_id, "Rita Reception", StaffRole.RECEPTION)
    workspace = build_workspace(studio.services, reception, runner, settings, search_delay_ms=0)
    qtbot.addWidget(workspace.window)
    assert workspace.photos is None
    assert "Photos" not in tab_titles(workspace)


def test_a_client_without_photos_says_how_to_add_them(
    qtbot: QtBot, workspace: Workspace, make_client: Callable[..., ClientRecord]
) -> None:
    client = make_client(first_name="Wei", last_name="王")
    controller, gallery = open_photos_tab(workspace, client.id)
    assert controller.model.rowCount() == 0
    assert gallery.name_label.text() == client.display_name == "王Wei"
    assert not gallery.compare_action.isEnabled() and not gallery.open_action.isEnabled()
    assert gallery.grid.empty_text.startswith("No photos of this client yet.")
    with_hint = gallery.grid.grab().toImage()
    gallery.grid.empty_text = ""
    assert gallery.grid.grab().toImage() != with_hint  # the hint is painted in the empty grid
