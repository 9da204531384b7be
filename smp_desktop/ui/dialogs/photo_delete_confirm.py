"""Asking before photos are deleted: they leave the client's record for good."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class PhotoDeleteConfirmation(QMessageBox):
    def __init__(self, count: int, client_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Delete photos"))
        if count == 1:
            text = self.tr("Delete this photo of %1?").replace("%1", client_name)
        else:
            text = self.tr("Delete these %1 photos of %2?").replace("%1", str(count)).replace("%2", client_name)
        self.setText(text)
        self.setInformativeText(
            self.tr(
                "They are removed from the client's record. The studio's backups still hold them until those "
                "backups are thinned out."
            )
        )
        self.delete_button = self.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def ask(self) -> bool:
        self.exec()
        return self.clickedButton() is self.delete_button
