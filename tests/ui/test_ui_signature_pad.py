"""The signature pad driven with real mouse events: strokes follow the mouse, Clear empties it, the PNG holds the
ink cropped to the signature on a transparent background."""

from __future__ import annotations

import io

from PIL import Image
from pytestqt.qtbot import QtBot
from signature_drawing import draw, scribble

from smp_desktop.ui.views.signature_pad import RENDER_SCALE, SignaturePad


def test_strokes_follow_the_mouse_and_clear_empties_the_pad(qtbot: QtBot) -> None:
    pad = SignaturePad("Client signs here")
    qtbot.addWidget(pad)
    pad.resize(420, 150)
    pad.show()
    assert pad.is_empty() and pad.to_png() == b""
    with qtbot.waitSignal(pad.changed):
        draw(qtbot, pad, [(20, 100), (80, 40), (140, 100)])
    strokes = pad.strokes()
    assert len(strokes) == 1 and strokes[0][0] == (20.0, 100.0) and strokes[0][-1] == (140.0, 100.0)
    assert (80.0, 40.0) in strokes[0]
    scribble(qtbot, pad)
    assert len(pad.strokes()) == 3
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.is_empty() and pad.strokes() == []


def test_the_png_is_the_ink_cropped_on_transparency(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(420, 150)
    pad.show()
    draw(qtbot, pad, [(100, 50), (200, 90)])
    image = Image.open(io.BytesIO(pad.to_png()))
    assert image.mode == "RGBA"
    width, height = image.size  # 100 x 40 of ink plus an 8-pixel margin, at the render scale
    assert abs(width - (100 + 17) * RENDER_SCALE) <= RENDER_SCALE * 2
    assert abs(height - (40 + 17) * RENDER_SCALE) <= RENDER_SCALE * 2
    assert image.getpixel((0, 0))[3] == 0  # transparent where there is no ink
    alpha = image.getchannel("A")
    assert alpha.getextrema()[1] == 255  # the stroke itself is solid ink


def test_a_tap_is_a_dot(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(300, 150)
    pad.show()
    draw(qtbot, pad, [(50, 50)])
    assert not pad.is_empty() and len(pad.strokes()[0]) == 2


def test_a_finger_signs_too(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 150)
    pad.show()
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(30, 60)).commit()
    for x in (60, 90, 120, 150):
        QTest.touchEvent(pad, device).move(0, QPoint(x, 60 + (x % 40))).commit()
    with qtbot.waitSignal(pad.changed):
        QTest.touchEvent(pad, device).release(0, QPoint(180, 70)).commit()
    strokes = pad.strokes()  # a touch point is an area: its centre may sit a pixel or two off
    assert len(strokes) == 1 and len(strokes[0]) >= 5
    (x0, y0), (x1, y1) = strokes[0][0], strokes[0][-1]
    assert abs(x0 - 30) <= 3 and abs(y0 - 60) <= 3 and abs(x1 - 180) <= 3 and abs(y1 - 70) <= 3
    assert pad.to_png().startswith(b"\x89PNG")
