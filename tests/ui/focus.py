"""Keyboard focus as a test can see it whatever the platform's window activation.

`QWidget.hasFocus()` is true only while the widget's window is the active window, and on the offscreen platform
which window is active depends on what earlier tests left behind. What the code under test decides is which widget
of its window takes the keys: the window's focus widget, which Qt gives the keyboard whenever the window is active.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def has_keyboard_focus(widget: QWidget) -> bool:
    """True when `widget` is the one its window gives the keyboard to (now, or as soon as the window is active)."""
    return widget.window().focusWidget() is widget
