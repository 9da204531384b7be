"""The Qt binding in use must not leak or drop references: PySide6 6.12.0 dropped one reference to None on every
call that returns nothing, and Python 3.11 aborts ("none_dealloc") once None's count runs out (pyproject excludes
that release). This guards the next release pip may pick."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("Żółkiewski")
        painter = QPainter(image)
        painter.save()
        painter.restore()
        painter.end()
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert after[0] >= before[0] - 50 and after[1] >= before[1] - 50
