"""Remembering where the user left windows and splitters, in the QSettings the app (or a test) hands in."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget


class WindowState:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def restore_geometry(self, window: QWidget, key: str) -> bool:
        saved = self._settings.value(f"{key}/geometry")
        return isinstance(saved, QByteArray) and window.restoreGeometry(saved)

    def save_geometry(self, window: QWidget, key: str) -> None:
        self._settings.setValue(f"{key}/geometry", window.saveGeometry())
        self._settings.sync()

    def restore_splitter(self, splitter: QSplitter, key: str) -> bool:
        saved = self._settings.value(f"{key}/splitter")
        return isinstance(saved, QByteArray) and splitter.restoreState(saved)

    def save_splitter(self, splitter: QSplitter, key: str) -> None:
        self._settings.setValue(f"{key}/splitter", splitter.saveState())
