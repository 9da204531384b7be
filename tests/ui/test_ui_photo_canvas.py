"""The photo canvas and the compare canvases on real image files: zoom by wheel and keys, fit and 100 %, pan by
dragging, overlays in the photo's pixel coordinates, the ghost's opacity, the wipe line dragged with the mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPixmap, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsRectItem
from pytestqt.qtbot import QtBot

from smp_desktop.core.demo_photos import write_scalp_photo
from smp_desktop.core.domain import PhotoView
from smp_desktop.ui.photo_images import read_image
from smp_desktop.ui.views.photo_compare_view import CompareMode, PhotoCompareView
from smp_desktop.ui.views.photo_viewer import PhotoViewer

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def photo(tmp_path: Path) -> QPixmap:
    path = write_scalp_photo(tmp_path / "front.jpg", PhotoView.FRONT_HAIRLINE, size=(1600, 1200), density=0.5)
    return QPixmap.fromImage(read_image(path))


def shown_canvas(qtbot: QtBot, pixmap: QPixmap) -> PhotoViewer:
    canvas = PhotoViewer()
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_photo(pixmap)
    return canvas


def wheel(canvas: PhotoViewer, steps: int, at: QPoint) -> None:
    event = QWheelEvent(
        QPointF(at),
        QPointF(canvas.viewport().mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), event)


def test_the_photo_opens_fitted_and_zooms_with_wheel_and_keys(qtbot: QtBot, photo: QPixmap) -> None:
    canvas = shown_canvas(qtbot, photo)
    fitted = canvas.zoom
    assert fitted == pytest.approx(min(800 / 1600, 600 / 1200), rel=0.02)  # the whole photo in the window
    assert canvas.is_fitted

    wheel(canvas, 2, QPoint(400, 300))
    assert canvas.zoom == pytest.approx(fitted * 1.25**2, rel=0.01)
    assert not canvas.is_fitted

    qtbot.keyClick(canvas, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(1.0)  # 100 %: a photo pixel per screen pixel
    qtbot.keyClick(canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(0.8)
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(fitted) and canvas.is_fitted

    for _ in range(40):  # never beyond 1,600 %, never smaller than half the fitted size
        canvas.zoom_in()
    assert canvas.zoom == pytest.approx(16.0)
    for _ in range(60):
        canvas.zoom_out()
    assert canvas.zoom == pytest.approx(fitted / 2, rel=0.02)


def test_dragging_pans_a_zoomed_photo(qtbot: QtBot, photo: QPixmap) -> None:
    canvas = shown_canvas(qtbot, photo)
    canvas.actual_size()
    before = canvas.mapToScene(canvas.viewport().rect().center())
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, LEFT, pos=QPoint(400, 300))
    qtbot.mouseMove(viewport, QPoint(300, 250))
    qtbot.mouseRelease(viewport, LEFT, pos=QPoint(300, 250))
    after = canvas.mapToScene(canvas.viewport().rect().center())
    assert after.x() - before.x() == pytest.approx(100, abs=2)  # the photo followed the hand
    assert after.y() - before.y() == pytest.approx(50, abs=2)


def test_overlays_sit_in_photo_pixels_and_follow_the_zoom(qtbot: QtBot, photo: QPixmap) -> None:
    canvas = shown_canvas(qtbot, photo)
    mark = QGraphicsRectItem(800, 300, 10, 10)  # photo pixels: the middle of the hairline
    canvas.add_overlay(mark)
    assert canvas.overlays() == (mark,)
    fitted_at = canvas.mapFromScene(mark.mapToScene(QPointF(800, 300)))
    canvas.actual_size()
    canvas.centerOn(mark.mapToScene(QPointF(800, 300)))
    centred = canvas.mapFromScene(mark.mapToScene(QPointF(800, 300)))
    assert fitted_at != centred
    assert abs(centred.x() - canvas.viewport().width() / 2) <= 1  # still the same pixel of the photo

    # A photo item scaled (as the compare view does) keeps overlay coordinates in the photo's own pixels.
    canvas.set_photo(photo, scene_width=800)
    assert mark.mapToScene(QPointF(1600, 0)).x() == pytest.approx(800)
    canvas.clear_overlays()
    assert canvas.overlays() == () and mark.scene() is None


def test_ghost_is_laid_over_at_the_chosen_opacity(qtbot: QtBot, photo: QPixmap, tmp_path: Path) -> None:
    canvas = shown_canvas(qtbot, photo)
    older = write_scalp_photo(tmp_path / "older.jpg", PhotoView.FRONT_HAIRLINE, size=(800, 600), density=0.0)
    canvas.set_ghost(QPixmap.fromImage(read_image(older)))
    assert canvas.has_ghost()
    canvas.set_ghost_opacity(0.3)
    ghost = next(item for item in canvas.photo_item().childItems() if item.opacity() == pytest.approx(0.3))
    assert ghost.sceneBoundingRect().width() == pytest.approx(1600)  # stretched to the new photo's width
    canvas.set_photo(None)  # a file that cannot be shown: its ghost is not left on its own
    assert not ghost.isVisible()
    canvas.set_photo(photo)
    assert ghost.isVisible()
    canvas.set_ghost(None)
    assert not canvas.has_ghost() and canvas.photo_item().childItems() == []


def compare_window(qtbot: QtBot, tmp_path: Path) -> PhotoCompareView:
    before = write_scalp_photo(tmp_path / "a.jpg", PhotoView.FRONT_HAIRLINE, size=(1200, 900), density=0.0)
    after = write_scalp_photo(tmp_path / "b.png", PhotoView.FRONT_HAIRLINE, size=(800, 600), density=0.9)
    window = PhotoCompareView()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    first, latest = QPixmap.fromImage(read_image(before)), QPixmap.fromImage(read_image(after))
    window.before_canvas.set_photo(first, scene_width=1200)
    window.after_canvas.set_photo(latest, scene_width=1200)
    window.wipe_canvas.set_photos(first, latest, scene_width=1200)
    return window


def test_wipe_line_is_dragged_with_the_mouse(qtbot: QtBot, tmp_path: Path) -> None:
    window = compare_window(qtbot, tmp_path)
    window.show_mode(CompareMode.SLIDER)
    canvas = window.wipe_canvas
    qtbot.wait(10)
    assert canvas.position == 0.5
    line = int(canvas.line_x())
    viewport = canvas.viewport()
    y = viewport.height() // 2
    left_of_line = QPoint(line - 60, y)
    assert canvas.grab().toImage().pixelColor(left_of_line) != QColor()
    qtbot.mousePress(viewport, LEFT, pos=QPoint(line, y))
    qtbot.mouseMove(viewport, QPoint(line - 200, y))
    qtbot.mouseRelease(viewport, LEFT, pos=QPoint(line - 200, y))
    assert canvas.position < 0.5
    rect = canvas.photo_rect()
    expected = (canvas.mapToScene(QPoint(line - 200, y)).x() - rect.left()) / rect.width()
    assert canvas.position == pytest.approx(expected, abs=0.01)
    assert canvas.line_x() == pytest.approx(line - 200, abs=2)


def test_side_by_side_canvases_can_be_kept_in_step(qtbot: QtBot, tmp_path: Path) -> None:
    window = compare_window(qtbot, tmp_path)
    # Photos of different sizes are shown at one scene width, so one canvas's state fits the other as it is.
    assert window.before_canvas.photo_rect().width() == window.after_canvas.photo_rect().width() == 1200
    window.before_canvas.set_zoom(1.5)
    window.after_canvas.apply_view_state(window.before_canvas.view_state())
    assert window.after_canvas.transform().m11() == pytest.approx(window.before_canvas.transform().m11())
    centre = window.before_canvas.mapToScene(window.before_canvas.viewport().rect().center())
    other = window.after_canvas.mapToScene(window.after_canvas.viewport().rect().center())
    assert (other - centre).manhattanLength() <= 2
