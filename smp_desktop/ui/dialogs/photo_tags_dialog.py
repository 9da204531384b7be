"""Editing one photo's tags: view, session, the date it was taken, the two consents and a note."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from smp_desktop.core.services.photo_data import PhotoChange, PhotoRecord
from smp_desktop.ui.locale_format import numeric_date_format
from smp_desktop.ui.models.photo_gallery_model import SessionLabel
from smp_desktop.ui.views.photo_tag_fields import PhotoTagFields


class PhotoTagsDialog(QDialog):
    def __init__(
        self,
        photo: PhotoRecord,
        sessions: Sequence[SessionLabel],
        *,
        sessions_available: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo tags — %1").replace("%1", photo.original_filename or f"#{photo.id}"))
        self._photo = photo
        self.fields = PhotoTagFields()
        self.fields.set_sessions(sessions, available=sessions_available)
        if photo.session_id is not None and self.fields.session.findData(photo.session_id) < 0:
            # Linked to a session this list does not offer (one since cancelled, say): keep the link selectable.
            self.fields.session.addItem(self.tr("Session #%1").replace("%1", str(photo.session_id)), photo.session_id)
            self.fields.session.setEnabled(True)
        self.taken = QDateTimeEdit()
        self.taken.setObjectName("photoTaken")
        self.taken.setCalendarPopup(True)
        self.taken.setDisplayFormat(f"{numeric_date_format()} HH:mm")
        self.taken.setMaximumDateTime(QDateTime.currentDateTime().addDays(1))
        source = (
            self.tr("as the photo recorded it")
            if photo.taken_at_from_photo
            else self.tr("the photo did not say; import date")
        )
        self.taken_note = QLabel(source)
        self.taken_note.setObjectName("fieldNote")
        self.fields.form.insertRow(2, self.tr("&Taken:"), self.taken)
        self.fields.form.insertRow(3, "", self.taken_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self._load(photo)
        self.setMinimumWidth(520)

    def _load(self, photo: PhotoRecord) -> None:
        fields = self.fields
        fields.set_photo_view(photo.view)
        fields.set_session_id(photo.session_id)
        self.taken.setDateTime(self._shown_taken())
        fields.clinical.setChecked(photo.clinical_consent)
        fields.marketing.setChecked(photo.marketing_consent)
        fields.note.setText(photo.note)

    def change(self) -> PhotoChange:
        """The tags as the dialog now shows them."""
        moment = self.taken.dateTime().toPython()
        assert isinstance(moment, datetime)
        taken_at = moment.astimezone(UTC) if moment.tzinfo else moment.astimezone().astimezone(UTC)
        if self.taken.dateTime() == self._shown_taken():
            taken_at = self._photo.taken_at  # untouched: keep the seconds the photo recorded
        fields = self.fields
        return PhotoChange(
            view=fields.photo_view(),
            session_id=fields.session_id(),
            taken_at=taken_at,
            clinical_consent=fields.clinical.isChecked(),
            marketing_consent=fields.marketing.isChecked(),
            note=fields.note.text().strip(),
        )

    def _shown_taken(self) -> QDateTime:
        local = self._photo.taken_at.astimezone()
        return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))

    def ask(self) -> PhotoChange | None:
        """Show it; the change when Save was pressed, None when cancelled."""
        self.fields.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.change() if self.exec() == QDialog.DialogCode.Accepted else None
