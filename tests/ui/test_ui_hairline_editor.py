"""The Hairline tab driven with the mouse: draw the hairline, insert and drag points, set the temples, draw a zone,
undo and redo, save versions, reopen an older one read-only and redesign from it; the stored JSON is checked in
image-relative coordinates, and the design is shown over another photo of the same view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from smp_desktop.core.demo_photos import scalp_image
from smp_desktop.core.domain import PhotoView, StaffRole
from smp_desktop.core.hairline import HairlineShapes, Point, Zone, ZoneKind
from smp_desktop.core.models import HairlineDesign, StaffMember
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.views import hairline_editor_view
from smp_desktop.ui.views.hairline_editor_view import HairlineEditor, Tool
from smp_desktop.ui.views.hairline_overlay import HairlineOverlay
from smp_desktop.ui.views.hairline_page_view import HairlinePageView
from smp_desktop.ui.views.photo_viewer import PhotoViewer
from smp_desktop.ui.workspace import StudioContext, Workspace, build_workspace

TOLERANCE = 0.004  # a click lands on a whole screen pixel: about 1/300 of the photo at the fitted zoom


def open_hairline_tab(qtbot: QtBot, workspace: Workspace, client: ClientRecord) -> HairlinePageView:
    workspace.window.resize(1400, 900)
    workspace.clients.list.refresh(select_id=client.id)
    workspace.clients._on_client_picked(client.id)  # as a click on the list row does
    tabs = workspace.clients_view.client_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Hairline")
    assert tabs.isTabEnabled(index)
    tabs.tabBar().setCurrentIndex(index)
    page = tabs.widget(index)
    assert isinstance(page, HairlinePageView)
    qtbot.waitUntil(lambda: page.canvas.viewport().width() > 300)
    page.canvas.fit()
    return page


def at(canvas: HairlineEditor, point: Point) -> QPoint:
    return canvas.viewport_point(point).toPoint()


def click(qtbot: QtBot, canvas: HairlineEditor, point: Point) -> None:
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, point))


def drag(qtbot: QtBot, canvas: HairlineEditor, start: Point, end: Point) -> None:
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at(canvas, start))
    middle = Point((start.x + end.x) / 2, (start.y + end.y) / 2)
    qtbot.mouseMove(viewport, at(canvas, middle))
    qtbot.mouseMove(viewport, at(canvas, end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at(canvas, end))


def press(qtbot: QtBot, page: HairlinePageView, action: QAction) -> None:
    button = page.edit_bar.widgetForAction(action)
    assert isinstance(button, QAbstractButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_tool(qtbot: QtBot, page: HairlinePageView, tool: Tool) -> None:
    button = page.toolbar.widgetForAction(page.tool_actions[tool])
    assert isinstance(button, QAbstractButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.canvas.tool is tool


def assert_points(found: tuple[Point, ...] | list[list[float]], expected: list[Point]) -> None:
    pairs = [(p.x, p.y) if isinstance(p, Point) else tuple(p) for p in found]
    assert len(pairs) == len(expected)
    for (x, y), want in zip(pairs, expected, strict=True):
        assert x == pytest.approx(want.x, abs=TOLERANCE) and y == pytest.approx(want.y, abs=TOLERANCE)


def stored_designs(studio: OpenStudio, client_id: int) -> list[HairlineDesign]:
    with studio.sessions() as session:
        statement = select(HairlineDesign).where(HairlineDesign.client_id == client_id).order_by(HairlineDesign.id)
        return list(session.scalars(statement))


LEFT, MIDDLE, RIGHT = Point(0.2, 0.45), Point(0.5, 0.3), Point(0.8, 0.45)


def test_draw_edit_undo_save_and_redesign(
    qtbot: QtBot,
    studio: OpenStudio,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
    type_text: Callable[[QWidget, str], None],
) -> None:
    client = make_client(first_name="Nguyễn", last_name="Văn An")
    page = open_hairline_tab(qtbot, workspace, client)
    canvas = page.canvas
    assert page.status_label.text() == "No design yet for this view"
    assert not page.save_button.isEnabled()

    # Hairline points: each click extends the curve at its nearer end (the right one here).
    choose_tool(qtbot, page, Tool.HAIRLINE)
    for point in (LEFT, MIDDLE, RIGHT):
        click(qtbot, canvas, point)
    assert_points(canvas.shapes().hairline, [LEFT, MIDDLE, RIGHT])
    assert page.unsaved_label.isVisible() and page.save_button.isEnabled()

    # A double-click on the curve inserts a point there, between the first two.
    choose_tool(qtbot, page, Tool.SELECT)
    hit = canvas.curve_hit(QPointF(canvas.viewport_point(Point(0.35, 0.36))))
    assert hit is not None and hit[0] == 0
    on_curve = hit[1]
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, on_curve))
    assert len(canvas.shapes().hairline) == 4
    assert_points(canvas.shapes().hairline[1:2], [on_curve])

    # Drag the middle point up; undo puts it back, redo moves it again (one step for the whole drag).
    higher = Point(0.5, 0.24)
    drag(qtbot, canvas, MIDDLE, higher)
    assert_points(canvas.shapes().hairline[2:3], [higher])
    press(qtbot, page, page.undo_action)
    assert_points(canvas.shapes().hairline[2:3], [MIDDLE])
    press(qtbot, page, page.redo_action)
    assert_points(canvas.shapes().hairline[2:3], [higher])

    # Temples, then a density zone: three corners and Enter.
    choose_tool(qtbot, page, Tool.LEFT_TEMPLE)
    click(qtbot, canvas, Point(0.84, 0.5))
    choose_tool(qtbot, page, Tool.RIGHT_TEMPLE)
    click(qtbot, canvas, Point(0.16, 0.5))
    choose_tool(qtbot, page, Tool.DENSITY_ZONE)
    corners = [Point(0.35, 0.2), Point(0.65, 0.2), Point(0.5, 0.08)]
    for corner in corners:
        click(qtbot, canvas, corner)
    assert len(canvas.pending_zone) == 3 and canvas.shapes().zones == ()
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    zone = canvas.shapes().zones[0]
    assert (zone.kind, zone.label, zone.density) == (ZoneKind.DENSITY, "Density area 1", 3)
    assert page.zone_box.isVisible() and page.zone_label_edit.text() == "Density area 1"
    # Rename it in the side panel (any script), pick a denser plan.
    page.zone_label_edit.clear()
    type_text(page.zone_label_edit, "Frontal — Żółkiewski 王")
    qtbot.keyClick(page.zone_label_edit, Qt.Key.Key_Return)
    page.zone_density.setCurrentIndex(page.zone_density.findData(5))
    page.zone_density.activated.emit(page.zone_density.currentIndex())
    assert canvas.shapes().zones[0].label == "Frontal — Żółkiewski 王" and canvas.shapes().zones[0].density == 5

    type_text(page.note_edit, "Soft hairline — Παπαδόπουλος asked for it")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    (first,) = stored_designs(studio, client.id)
    assert (first.version, first.view, first.note) == (
        1,
        PhotoView.FRONT_HAIRLINE,
        "Soft hairline — Παπαδόπουλος asked for it",
    )
    assert_points(first.shapes["hairline"], [LEFT, on_curve, higher, RIGHT])
    assert_points(
        [first.shapes["temples"]["left"], first.shapes["temples"]["right"]], [Point(0.84, 0.5), Point(0.16, 0.5)]
    )
    assert_points(first.shapes["zones"][0]["polygon"], corners)
    assert first.shapes["zones"][0]["density"] == 5
    assert page.status_label.text() == "Version 1 · current" and not page.unsaved_label.isVisible()
    assert page.note_edit.text() == "" and not page.save_button.isEnabled()

    # A redesign: delete the inserted point (pick it, Del) and save version 2.
    choose_tool(qtbot, page, Tool.SELECT)
    click(qtbot, canvas, on_curve)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert len(canvas.shapes().hairline) == 3
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    first_again, second = stored_designs(studio, client.id)
    assert first_again.shapes == first.shapes and first_again.note == first.note  # version 1 is untouched
    assert second.version == 2 and len(second.shapes["hairline"]) == 3
    model = page.versions.model()
    assert model.rowCount() == 2
    assert model.index(0, 0).data().startswith("Version 2 · current\n")
    assert model.index(1, 0).data().splitlines()[0] == "Version 1"
    assert "Olivia Owner" in model.index(1, 0).data()

    # Version 1 opens read-only: clicks draw nothing; "Use as starting point" starts version 3 from it.
    rect = page.versions.visualRect(model.index(1, 0))
    qtbot.mouseClick(page.versions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.status_label.text() == "Version 1 · earlier version, read-only"
    assert canvas.read_only and not page.toolbar.isEnabled() and page.start_from_button.isEnabled()
    assert len(canvas.shapes().hairline) == 4
    click(qtbot, canvas, Point(0.5, 0.6))
    assert len(canvas.shapes().hairline) == 4
    qtbot.mouseClick(page.start_from_button, Qt.MouseButton.LeftButton)
    assert not canvas.read_only and page.save_button.isEnabled()
    assert page.status_label.text() == "New version from version 1"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    third = stored_designs(studio, client.id)[-1]
    assert third.version == 3 and third.shapes == first.shapes
    assert page.versions.model().rowCount() == 3 and page.status_label.text() == "Version 3 · current"


def test_unsaved_drawing_is_guarded(
    qtbot: QtBot,
    studio: OpenStudio,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
    answers: Any,  # conftest's DialogAnswers
) -> None:
    first = make_client(first_name="Иван", last_name="Иванов")
    second = make_client(first_name="عبدالله", last_name="Saleh")
    page = open_hairline_tab(qtbot, workspace, first)
    choose_tool(qtbot, page, Tool.HAIRLINE)
    click(qtbot, page.canvas, LEFT)
    click(qtbot, page.canvas, RIGHT)

    # Another view: Cancel keeps the drawing and the view; Discard drops it.
    crown = page.view_combo.findData(PhotoView.CROWN)
    answers.unsaved = ["cancel"]
    page.view_combo.setCurrentIndex(crown)
    page.view_combo.activated.emit(crown)
    assert page.view_combo.currentData() == PhotoView.FRONT_HAIRLINE and len(page.canvas.shapes().hairline) == 2
    answers.unsaved = ["discard"]
    page.view_combo.setCurrentIndex(crown)
    page.view_combo.activated.emit(crown)
    assert page.view_combo.currentData() == PhotoView.CROWN and page.canvas.shapes().is_empty
    assert answers.unsaved_asked == 2 and stored_designs(studio, first.id) == []

    # Another client while a drawing is unsaved: Save keeps it as the first client's design.
    click(qtbot, page.canvas, LEFT)
    click(qtbot, page.canvas, MIDDLE)
    answers.unsaved = ["save"]
    workspace.clients._on_client_picked(second.id)
    (saved,) = stored_designs(studio, first.id)
    assert saved.view == PhotoView.CROWN and len(saved.shapes["hairline"]) == 2
    assert page.canvas.shapes().is_empty and stored_designs(studio, second.id) == []

    # Closing the window asks too.
    choose_tool(qtbot, page, Tool.HAIRLINE)
    click(qtbot, page.canvas, LEFT)
    click(qtbot, page.canvas, RIGHT)
    answers.unsaved = ["cancel"]
    assert not workspace.window.may_leave(lambda: None)
    answers.unsaved = ["discard"]
    assert workspace.window.may_leave(lambda: None)


def test_the_current_design_is_drawn_over_another_photo_of_the_view(qtbot: QtBot) -> None:
    design = HairlineShapes(
        hairline=(Point(0.2, 0.4), Point(0.5, 0.3), Point(0.8, 0.4)),
        left_temple=Point(0.85, 0.45),
        zones=(Zone(ZoneKind.SCAR, "Strip", (Point(0.1, 0.1), Point(0.3, 0.1), Point(0.2, 0.2))),),
        base_aspect=4 / 3,
    )
    # A bigger photo of the same shape: the curve scales with it.
    overlay = HairlineOverlay(design)
    overlay.set_photo_size(4000, 3000)
    path = overlay.curve_path()
    assert (path.elementAt(0).x, path.elementAt(0).y) == pytest.approx((800, 1200))
    last = path.elementAt(path.elementCount() - 1)
    assert (last.x, last.y) == pytest.approx((3200, 1200))
    assert path.boundingRect().top() == pytest.approx(900, abs=1)
    assert overlay.zone_path(0).boundingRect() == QRectF(400, 300, 800, 300)
    # A photo of another shape (3:2): the design keeps its proportions, full width, centred on the height.
    overlay.set_photo_size(1500, 1000)
    path = overlay.curve_path()
    assert (path.elementAt(0).x, path.elementAt(0).y) == pytest.approx((300, (1000 - 1125) / 2 + 0.4 * 1125))

    # In the editor over a second photo, painted on screen where the design says.
    canvas = HairlineEditor()
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    photo = QPixmap(2400, 1800)
    photo.fill(Qt.GlobalColor.darkGray)
    canvas.set_photo(photo)
    canvas.set_shapes(design)
    canvas.set_read_only(True)
    assert canvas.overlay.parentItem() is not None and canvas.photo_size() == (2400, 1800)
    image = canvas.grab().toImage()
    on_line = canvas.viewport_point(Point(0.5, 0.3)).toPoint() + canvas.viewport().pos()
    colour = image.pixelColor(on_line)
    assert colour.blue() > 200 and colour.green() > 180 and colour.red() < 120  # the cyan hairline
    away = canvas.viewport_point(Point(0.5, 0.8)).toPoint() + canvas.viewport().pos()
    assert image.pixelColor(away).name() == "#808080"  # the photo, untouched


def import_photo(studio: OpenStudio, owner: Actor, client_id: int, path: Path, view: PhotoView) -> int:
    summary = run_to_end(studio.services.photos.import_files(owner, [path], PhotoImportOptions(client_id, view=view)))
    (imported,) = summary.files
    assert imported.photo is not None, imported.reason
    return imported.photo.id


def test_the_design_over_another_photo_of_the_view_in_the_tab(
    qtbot: QtBot,
    tmp_path: Path,
    studio: OpenStudio,
    owner: Actor,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
) -> None:
    client = make_client(first_name="Jan", last_name="Żółkiewski")
    scalp_image(PhotoView.FRONT_HAIRLINE, size=(1200, 900), density=0.0, seed=2).save(tmp_path / "before.jpg")
    scalp_image(PhotoView.FRONT_HAIRLINE, size=(1500, 1000), density=0.7, seed=3).save(tmp_path / "after.jpg")
    scalp_image(PhotoView.CROWN, size=(800, 800), seed=4).save(tmp_path / "crown.jpg")
    before = import_photo(studio, owner, client.id, tmp_path / "before.jpg", PhotoView.FRONT_HAIRLINE)
    after = import_photo(studio, owner, client.id, tmp_path / "after.jpg", PhotoView.FRONT_HAIRLINE)
    import_photo(studio, owner, client.id, tmp_path / "crown.jpg", PhotoView.CROWN)
    design = HairlineShapes(hairline=(LEFT, MIDDLE, RIGHT), right_temple=Point(0.16, 0.5), base_aspect=4 / 3)
    studio.services.hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, design, base_photo_id=before)

    page = open_hairline_tab(qtbot, workspace, client)
    canvas = page.canvas
    # The front-hairline photos only, newest first; the design opens on its own base photo.
    assert [page.photo_combo.itemData(i) for i in range(page.photo_combo.count())] == [after, before]
    assert page.photo_combo.currentData() == before and canvas.photo_size() == (1200, 900)
    path = canvas.overlay.curve_path()
    assert (path.elementAt(0).x, path.elementAt(0).y) == pytest.approx((0.2 * 1200, 0.45 * 900))

    # The later photo (3:2, larger): the same design, on that photo's pixels, proportions kept.
    index = page.photo_combo.findData(after)
    page.photo_combo.setCurrentIndex(index)
    page.photo_combo.activated.emit(index)
    assert canvas.photo_size() == (1500, 1000)
    path = canvas.overlay.curve_path()
    design_height = 1500 / (4 / 3)
    top = (1000 - design_height) / 2
    first, last = path.elementAt(0), path.elementAt(path.elementCount() - 1)
    assert (first.x, first.y) == pytest.approx((0.2 * 1500, top + 0.45 * design_height), abs=0.6)
    assert (last.x, last.y) == pytest.approx((0.8 * 1500, top + 0.45 * design_height), abs=0.6)
    marker = canvas.overlay.to_item(canvas.shapes().right_temple or Point(0, 0))
    assert (marker.x(), marker.y()) == pytest.approx((0.16 * 1500, top + 0.5 * design_height), abs=0.6)
    # Looking at the design over another photo changes nothing to save.
    assert not page.save_button.isEnabled() and not page.unsaved_label.isVisible()

    # The photo viewer's canvas takes the same overlay item, in the photo's pixels.
    viewer = PhotoViewer()
    qtbot.addWidget(viewer)
    pixmap = QPixmap(str(studio.services.photos.file_path(owner, after)))
    viewer.set_photo(pixmap)
    current = studio.services.hairlines.current(owner, client.id, PhotoView.FRONT_HAIRLINE)
    assert current is not None
    overlay = HairlineOverlay(current.shapes)
    overlay.set_photo_size(pixmap.width(), pixmap.height())
    viewer.add_overlay(overlay)
    assert overlay.parentItem() is viewer.photo_item()
    on_scene = overlay.mapToScene(QPointF(overlay.curve_path().elementAt(0).x, overlay.curve_path().elementAt(0).y))
    assert (on_scene.x(), on_scene.y()) == pytest.approx((first.x, first.y))


def test_only_those_who_may_see_photos_get_the_tab_and_a_read_only_studio_only_shows(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    make_client: Callable[..., ClientRecord],
    settings: QSettings,
    runner: SynchronousRunner,
) -> None:
    client = make_client(first_name="王", last_name="小明")
    design = HairlineShapes(hairline=(LEFT, MIDDLE, RIGHT))
    studio.services.hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, design)
    with studio.sessions.begin() as session:
        member = StaffMember(display_name="Rita Reception", role=StaffRole.RECEPTION)
        session.add(member)
        session.flush()
        reception = Actor(member.id, member.display_name, StaffRole.RECEPTION)
    front_desk = build_workspace(studio.services, reception, runner, settings, search_delay_ms=0)
    qtbot.addWidget(front_desk.window)
    tabs = front_desk.clients_view.client_tabs
    assert "Hairline" not in [tabs.tabText(i) for i in range(tabs.count())] and front_desk.hairline is None

    context = StudioContext(read_only_reason="The data folder cannot be written.")
    locked = build_workspace(studio.services, owner, runner, settings, context=context, search_delay_ms=0)
    qtbot.addWidget(locked.window)
    locked.window.show()
    page = open_hairline_tab(qtbot, locked, client)
    assert page.status_label.text() == "Version 1 · current"
    assert page.canvas.read_only and not page.toolbar.isEnabled()
    assert page.save_button.isHidden() and page.note_edit.isHidden() and page.start_from_button.isHidden()
    assert_points(page.canvas.shapes().hairline, [LEFT, MIDDLE, RIGHT])
    click(qtbot, page.canvas, Point(0.5, 0.7))
    assert len(page.canvas.shapes().hairline) == 3


def test_a_design_that_cannot_be_saved_is_explained(
    qtbot: QtBot,
    studio: OpenStudio,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
    message_boxes: Any,  # conftest's MessageBoxes
) -> None:
    client = make_client(first_name="Zoë", last_name="Ødegård")
    page = open_hairline_tab(qtbot, workspace, client)
    choose_tool(qtbot, page, Tool.HAIRLINE)
    click(qtbot, page.canvas, MIDDLE)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.texts() == [
        "The hairline needs at least two points: add another point, or delete the one left."
    ]
    assert stored_designs(studio, client.id) == [] and page.unsaved_label.isVisible()
    # Backspace takes the point away again; nothing is left to save.
    qtbot.keyClick(page.canvas, Qt.Key.Key_Backspace)
    assert page.canvas.shapes().is_empty and not page.save_button.isEnabled()


def test_zone_drawing_keys_and_zoom(
    qtbot: QtBot, make_client: Callable[..., ClientRecord], workspace: Workspace, answers: Any
) -> None:
    page = open_hairline_tab(qtbot, workspace, make_client(first_name="Ana", last_name="García"))
    canvas = page.canvas
    choose_tool(qtbot, page, Tool.SCAR_ZONE)
    corners = [Point(0.3, 0.6), Point(0.7, 0.6), Point(0.7, 0.7), Point(0.3, 0.7)]
    for corner in corners[:2]:
        click(qtbot, canvas, corner)
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)  # dropped
    assert canvas.pending_zone == () and canvas.shapes().zones == ()
    for corner in corners:
        click(qtbot, canvas, corner)
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)  # the last corner taken back
    assert len(canvas.pending_zone) == 3
    click(qtbot, canvas, corners[3])
    click(qtbot, canvas, corners[0])  # a click on the first corner closes the zone
    (zone,) = canvas.shapes().zones
    assert (zone.kind, zone.label, zone.density) == (ZoneKind.SCAR, "Scar 1", None)
    assert_points(zone.polygon, corners)
    assert not page.zone_density.isEnabled()  # only density areas have a density

    fitted = canvas.zoom
    qtbot.keyClick(canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(fitted * 1.25)
    press(qtbot, page, page.zoom_in_action)
    assert canvas.zoom == pytest.approx(fitted * 1.25**2)
    # Points stay where they are on the photo at any zoom: a click lands where it is aimed.
    choose_tool(qtbot, page, Tool.SELECT)
    canvas.centerOn(canvas.overlay.to_item(corners[1]))
    click(qtbot, canvas, corners[1])
    assert canvas.selected is not None and canvas.selected.vertex == 1
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(fitted)
    answers.unsaved = ["discard"]  # the window closes after the test with the zone unsaved


def test_keyboard_and_context_menu(
    qtbot: QtBot,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
    answers: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_hairline_tab(qtbot, workspace, make_client(first_name="Siobhán", last_name="O'Connor"))
    canvas = page.canvas
    workspace.window.activateWindow()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_H)  # the Hairline tool's key
    assert canvas.tool is Tool.HAIRLINE and page.tool_actions[Tool.HAIRLINE].isChecked()
    for point in (LEFT, MIDDLE, RIGHT):
        click(qtbot, canvas, point)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert_points(canvas.shapes().hairline, [LEFT, MIDDLE])
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert_points(canvas.shapes().hairline, [LEFT, MIDDLE, RIGHT])

    # Right-click on a point: the menu offers to delete it (the pop-up answered as the user would).
    offered: list[str] = []

    def choose_first(menu: QMenu, *_args: object) -> None:
        offered.extend(a.text() for a in menu.actions())
        menu.actions()[0].trigger()

    monkeypatch.setattr(hairline_editor_view, "popup", choose_first)
    where = at(canvas, MIDDLE)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, canvas.viewport().mapToGlobal(where))
    QApplication.sendEvent(canvas.viewport(), event)
    assert offered == ["Delete hairline point"]
    assert_points(canvas.shapes().hairline, [LEFT, RIGHT])
    # On the curve between points: insert one there.
    offered.clear()
    on_curve = Point(0.5, 0.45)
    where = at(canvas, on_curve)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, canvas.viewport().mapToGlobal(where))
    QApplication.sendEvent(canvas.viewport(), event)
    assert offered == ["Insert hairline point here"]
    assert_points(canvas.shapes().hairline, [LEFT, on_curve, RIGHT])
    answers.unsaved = ["discard"]  # the window closes after the test with the drawing unsaved
