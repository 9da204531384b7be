"""Drawing on a signature pad with real mouse events (press, moves with the button held, release)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

LEFT = Qt.MouseButton.LeftButton


def draw(qtbot: QtBot, pad: QWidget, points: list[tuple[int, int]]) -> None:
    qtbot.mousePress(pad, LEFT, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        local = QPointF(x, y)
        move = QMouseEvent(
            QMouseEvent.Type.MouseMove,
            local,
            pad.mapToGlobal(local),
            Qt.MouseButton.NoButton,
            LEFT,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(pad, move)
    qtbot.mouseRelease(pad, LEFT, pos=QPoint(*points[-1]))


def scribble(qtbot: QtBot, pad: QWidget, shift: int = 0) -> None:
    """A two-stroke signature across the pad."""
    draw(qtbot, pad, [(20, 90), (60 + shift, 40), (100, 95), (150, 45 + shift // 2), (210, 92), (260, 50)])
    draw(qtbot, pad, [(40, 110), (240, 104 - shift // 3)])
