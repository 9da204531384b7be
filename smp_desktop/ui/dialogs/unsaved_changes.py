"""Asking whether to save the open client's changes before leaving them."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtWidgets import QMessageBox, QWidget


class UnsavedChoice(Enum):
    SAVE = auto()
    DISCARD = auto()
    CANCEL = auto()


class UnsavedChangesDialog(QMessageBox):
    def __init__(self, client_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unsaved changes"))
        name = client_name or self.tr("the new client")
        self.setText(self.tr("Save the changes to %1?").replace("%1", name))
        self.setInformativeText(self.tr("If you don't save, the changes will be lost."))
        self.save_button = self.addButton(QMessageBox.StandardButton.Save)
        self.discard_button = self.addButton(QMessageBox.StandardButton.Discard)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.save_button)
        self.setEscapeButton(self.cancel_button)

    def ask(self) -> UnsavedChoice:
        self.exec()
        clicked = self.clickedButton()
        if clicked is self.save_button:
            return UnsavedChoice.SAVE
        if clicked is self.discard_button:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL
