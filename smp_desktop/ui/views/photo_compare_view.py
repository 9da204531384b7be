"""Before and after: two photos side by side, or one over the other with a draggable wipe line. Layout only.

Both photos are shown at one scene width, so a zoom or pan of one canvas is applied to the other as it is and
the same spot of the scalp stays under the same point of both.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.views.photo_viewer import PhotoViewer

GRAB_DISTANCE = 10  # screen pixels either side of the wipe line that pick it up
SLIDER_STEPS = 1000

COMPARE_STYLE = """
QLabel#compareCaption { font-weight: 600; padding: 2px 4px; }
QLabel#compareCaptionDetail { color: palette(placeholder-text); padding: 2px 4px; }
QLabel#compareEmpty { color: palette(placeholder-text); font-size: 12pt; }
"""


class CompareMode(Enum):
    SIDE_BY_SIDE = "side_by_side"
    SLIDER = "slider"


class WipeCanvas(PhotoViewer):
    """The "after" photo with the "before" photo over it, left of a vertical line that can be dragged."""

    position_changed = Signal(float)  # 0..1 of the photo's width

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._position = 0.5
        self._dragging = False
        # The before photo sits in a clipping rectangle whose width follows the line; both are children of the
        # after photo, so they zoom and pan with it.
        self._clip = QGraphicsRectItem(self.photo_item())
        self._clip.setPen(QPen(Qt.PenStyle.NoPen))
        self._clip.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemClipsChildrenToShape, True)
        self._clip.setZValue(0.5)
        self._before = QGraphicsPixmapItem(self._clip)
        self._before.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.setMouseTracking(True)

    def set_photos(self, before: QPixmap | None, after: QPixmap | None, *, scene_width: float | None = None) -> None:
        self.set_photo(after, scene_width=scene_width)
        self._before.setPixmap(before if before is not None else QPixmap())
        self._place_before()

    @property
    def position(self) -> float:
        return self._position

    def set_position(self, position: float) -> None:
        position = min(max(position, 0.0), 1.0)
        if position == self._position:
            return
        self._position = position
        self._place_before()
        self.viewport().update()
        self.position_changed.emit(position)

    def _place_before(self) -> None:
        after = self.photo_item().pixmap()
        before = self._before.pixmap()
        if after.isNull():
            self._clip.setRect(QRectF())
            return
        self._clip.setRect(QRectF(0, 0, after.width() * self._position, after.height()))
        if not before.isNull():
            factor = after.width() / before.width()
            self._before.setScale(factor)
            self._before.setPos(0, (after.height() - before.height() * factor) / 2)

    def line_x(self) -> float:
        """Where the wipe line is, in viewport pixels."""
        rect = self.photo_rect()
        return self.mapFromScene(QPointF(rect.left() + rect.width() * self._position, rect.top())).x()

    def _near_line(self, x: float) -> bool:
        return self.has_photo() and abs(x - self.line_x()) <= GRAB_DISTANCE

    def _position_at(self, x: float) -> float:
        rect = self.photo_rect()
        scene_x = self.mapToScene(int(x), 0).x()
        return (scene_x - rect.left()) / rect.width() if rect.width() else 0.5

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._near_line(event.position().x()):
            self._dragging = True
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self.set_position(self._position_at(event.position().x()))
            event.accept()
            return
        if event.buttons() == Qt.MouseButton.NoButton:
            near = self._near_line(event.position().x())
            self.viewport().setCursor(Qt.CursorShape.SplitHCursor if near else Qt.CursorShape.OpenHandCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if not self.has_photo():
            return
        # Drawn in screen pixels so the line and its knob keep their size at any zoom.
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self.line_x()
        height = self.viewport().height()
        painter.setPen(QPen(QColor(0, 0, 0, 90), 4))
        painter.drawLine(QPointF(x, 0), QPointF(x, height))
        painter.setPen(QPen(QColor("white"), 2))
        painter.drawLine(QPointF(x, 0), QPointF(x, height))
        knob = QPointF(x, height / 2)
        painter.setBrush(QColor("white"))
        painter.setPen(QPen(QColor(0, 0, 0, 120), 1))
        painter.drawEllipse(knob, 15, 15)
        arrows = QPainterPath()
        for direction in (-1, 1):
            tip = knob + QPointF(11 * direction, 0)
            arrows.moveTo(tip)
            arrows.lineTo(knob + QPointF(4 * direction, -6))
            arrows.lineTo(knob + QPointF(4 * direction, 6))
            arrows.closeSubpath()
        painter.setBrush(QColor("#3a3d42"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(arrows)
        painter.restore()


class PhotoCompareView(QDialog):
    """The compare window: a photo picker and caption for each side, the mode switch, and the canvases."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoCompare")
        self.setStyleSheet(COMPARE_STYLE)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1280, 800)

        self.before_picker = QComboBox()
        self.before_picker.setObjectName("beforePicker")
        self.after_picker = QComboBox()
        self.after_picker.setObjectName("afterPicker")
        for picker in (self.before_picker, self.after_picker):
            picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            picker.setMinimumContentsLength(28)
        self.side_by_side_button = QToolButton()
        self.side_by_side_button.setText(self.tr("Side by side"))
        self.slider_button = QToolButton()
        self.slider_button.setText(self.tr("Slider"))
        self.mode_buttons = QButtonGroup(self)
        for button in (self.side_by_side_button, self.slider_button):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.mode_buttons.addButton(button)
        self.side_by_side_button.setChecked(True)
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole photos (Ctrl+0)"))
        self.actual_size_button = QToolButton()
        self.actual_size_button.setText(self.tr("100 %"))
        self.actual_size_button.setToolTip(self.tr("One photo pixel per screen pixel (Ctrl+1)"))

        pickers = QGridLayout()
        pickers.addWidget(QLabel(self.tr("Before:")), 0, 0)
        pickers.addWidget(self.before_picker, 0, 1)
        pickers.addWidget(QLabel(self.tr("After:")), 0, 2)
        pickers.addWidget(self.after_picker, 0, 3)
        pickers.setColumnStretch(4, 1)
        toolbar = QHBoxLayout()
        toolbar.addLayout(pickers, 1)
        toolbar.addWidget(self.side_by_side_button)
        toolbar.addWidget(self.slider_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.fit_button)
        toolbar.addWidget(self.actual_size_button)

        self.before_canvas = PhotoViewer()
        self.before_canvas.setObjectName("beforeCanvas")
        self.after_canvas = PhotoViewer()
        self.after_canvas.setObjectName("afterCanvas")
        self.before_caption, self.before_detail = self._caption()
        self.after_caption, self.after_detail = self._caption()
        side = QGridLayout()
        side.setHorizontalSpacing(6)
        side.setContentsMargins(0, 0, 0, 0)
        side.addLayout(self._caption_row(self.before_caption, self.before_detail), 0, 0)
        side.addLayout(self._caption_row(self.after_caption, self.after_detail), 0, 1)
        side.addWidget(self.before_canvas, 1, 0)
        side.addWidget(self.after_canvas, 1, 1)
        side.setRowStretch(1, 1)
        side_page = QWidget()
        side_page.setLayout(side)

        self.wipe_canvas = WipeCanvas()
        self.wipe_canvas.setObjectName("wipeCanvas")
        self.wipe_before_caption = QLabel()
        self.wipe_before_caption.setObjectName("compareCaption")
        self.wipe_after_caption = QLabel()
        self.wipe_after_caption.setObjectName("compareCaption")
        self.wipe_after_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.wipe_slider = QSlider(Qt.Orientation.Horizontal)
        self.wipe_slider.setObjectName("wipeSlider")
        self.wipe_slider.setRange(0, SLIDER_STEPS)
        self.wipe_slider.setValue(SLIDER_STEPS // 2)
        self.wipe_slider.setAccessibleName(self.tr("Wipe position"))
        wipe_captions = QHBoxLayout()
        wipe_captions.addWidget(self.wipe_before_caption)
        wipe_captions.addStretch(1)
        wipe_captions.addWidget(self.wipe_after_caption)
        wipe = QVBoxLayout()
        wipe.setContentsMargins(0, 0, 0, 0)
        wipe.addLayout(wipe_captions)
        wipe.addWidget(self.wipe_canvas, 1)
        wipe.addWidget(self.wipe_slider)
        wipe_page = QWidget()
        wipe_page.setLayout(wipe)

        self.pages = QStackedWidget()
        self.pages.addWidget(side_page)
        self.pages.addWidget(wipe_page)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("compareEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.empty_label, 1)

    def _caption(self) -> tuple[QLabel, QLabel]:
        caption = QLabel()
        caption.setObjectName("compareCaption")
        detail = QLabel()
        detail.setObjectName("compareCaptionDetail")
        return caption, detail

    @staticmethod
    def _caption_row(caption: QLabel, detail: QLabel) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(detail, 1)
        return row

    @property
    def mode(self) -> CompareMode:
        return CompareMode.SLIDER if self.slider_button.isChecked() else CompareMode.SIDE_BY_SIDE

    def show_mode(self, mode: CompareMode) -> None:
        (self.slider_button if mode is CompareMode.SLIDER else self.side_by_side_button).setChecked(True)
        self.pages.setCurrentIndex(1 if mode is CompareMode.SLIDER else 0)

    def show_empty(self, text: str) -> None:
        """Nothing to compare yet (fewer than two photos): say so instead of two empty canvases."""
        self.empty_label.setText(text)
        self.empty_label.show()
        self.pages.hide()
        for widget in (self.before_picker, self.after_picker, self.side_by_side_button, self.slider_button):
            widget.setEnabled(False)
        self.fit_button.setEnabled(False)
        self.actual_size_button.setEnabled(False)

    def canvases(self) -> tuple[QGraphicsView, ...]:
        return (self.before_canvas, self.after_canvas, self.wipe_canvas)
