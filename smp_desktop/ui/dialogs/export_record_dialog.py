"""The choices before a client's record is exported as a PDF: with or without health answers, with or without
photos and hairline designs. A choice the person may not make (reception: no health data, no photos) is shown
off, with the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.exports import RecordOptions


class ExportRecordDialog(QDialog):
    def __init__(self, client_name: str, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportRecordDialog")
        self.setWindowTitle(self.tr("Export Record (PDF)"))
        intro = QLabel(
            self.tr("The whole record of %1 as one PDF: identity and profile, screening, consents, every session "
                    "with its zones, lots and dilutions, and removal plans.").replace("%1", client_name)
        )  # fmt: skip
        intro.setWordWrap(True)
        self.health = QCheckBox(self.tr("Include health answers (screening, clinical profile, health at each visit)"))
        self.health.setObjectName("includeHealth")
        self.photos = QCheckBox(self.tr("Include photos and hairline designs"))
        self.photos.setObjectName("includePhotos")
        for box, permission in ((self.health, Permission.VIEW_HEALTH), (self.photos, Permission.VIEW_PHOTOS)):
            if not actor.can(permission):
                box.setEnabled(False)
                box.setToolTip(self.tr("Your role may not see this part of the record."))
        note = QLabel(self.tr("Parts left out are absent from the document. Health answers and photos are health "
                              "data: share the file only with the client or someone they chose."))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = self.buttons.addButton(self.tr("Preview…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.setObjectName("previewRecordButton")
        self.preview_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.health)
        layout.addWidget(self.photos)
        layout.addSpacing(6)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(560)

    def options(self) -> RecordOptions:
        return RecordOptions(
            with_health=self.health.isEnabled() and self.health.isChecked(),
            with_photos=self.photos.isEnabled() and self.photos.isChecked(),
        )
