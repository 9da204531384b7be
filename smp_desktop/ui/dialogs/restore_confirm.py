"""Asking before a restore: what will be replaced, and that a safety backup of the studio as it is comes first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


class RestoreConfirmation(QMessageBox):
    def __init__(self, backup: str, safety_folder: Path, *, database_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setText(self.tr("Restore the backup of %1?").replace("%1", backup))
        if database_only:
            replaced = self.tr(
                "The studio's records will be put back as they were in this database copy; photos and documents "
                "stay as they are now."
            )
        else:
            replaced = self.tr(
                "The studio's records, photos and documents will be put back as they were then; anything added or "
                "changed since will no longer be in the studio."
            )
        safety = self.tr(
            "First, a safety backup of the studio as it is now is made in %1, so this restore can be undone."
        ).replace("%1", str(safety_folder))
        self.setInformativeText(f"{replaced}\n\n{safety}")
        self.restore_button = self.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def ask(self) -> bool:
        self.exec()
        return self.clickedButton() is self.restore_button
