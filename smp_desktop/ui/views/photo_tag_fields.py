"""The tags a photo carries (view, session, consents, note), as one block of fields shared by the import dialog
(one set for the whole batch) and the tag editor (one photo, with its date). Layout only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from smp_desktop.core.domain import PhotoView
from smp_desktop.ui.models.photo_gallery_model import SessionLabel, session_title
from smp_desktop.ui.vocabulary import label

NOTE_LIMIT = 500


class PhotoTagFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QComboBox()
        self.view.setObjectName("photoView")
        for view in PhotoView:
            self.view.addItem(label(view), view.value)
        self.session = QComboBox()
        self.session.setObjectName("photoSession")
        self.session.setMinimumContentsLength(22)
        self.session_note = QLabel()
        self.session_note.setObjectName("fieldNote")
        self.session_note.setWordWrap(True)
        self.session_note.hide()
        self.clinical = QCheckBox(self.tr("Clinical record: the client agreed to this photo being kept on file"))
        self.clinical.setObjectName("clinicalConsent")
        self.marketing = QCheckBox(self.tr("Marketing: the client agreed to its use in the studio's publicity"))
        self.marketing.setObjectName("marketingConsent")
        self.note = QLineEdit()
        self.note.setObjectName("photoNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(self.tr("e.g. before session 2, lighting from the left"))

        session_cell = QVBoxLayout()
        session_cell.setContentsMargins(0, 0, 0, 0)
        session_cell.addWidget(self.session)
        session_cell.addWidget(self.session_note)
        consents = QVBoxLayout()
        consents.setContentsMargins(0, 0, 0, 0)
        consents.addWidget(self.clinical)
        consents.addWidget(self.marketing)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("&View:"), self.view)
        session_label = QLabel(self.tr("&Session:"))
        session_label.setBuddy(self.session)  # the row holds a layout, so the label is told its field
        self.form.addRow(session_label, session_cell)
        self.form.addRow(self.tr("Consent:"), consents)
        self.form.addRow(self.tr("&Note:"), self.note)
        self.set_sessions([], available=True)

    def set_sessions(self, sessions: Sequence[SessionLabel], *, available: bool) -> None:
        """The client's sessions to link to (newest first). available=False: this studio has no session records
        yet, which the field says."""
        current = self.session_id()
        self.session.clear()
        self.session.addItem(self.tr("No session"), None)
        for session in sorted(sessions, key=lambda s: s.starts_at, reverse=True):
            self.session.addItem(session_title(session), session.id)
        self.set_session_id(current)
        self.session.setEnabled(bool(sessions))
        if not available:
            self.session_note.setText(self.tr("Photos can be linked to a session once sessions are recorded."))
        elif not sessions:
            self.session_note.setText(self.tr("This client has no sessions recorded yet."))
        self.session_note.setVisible(not sessions)

    def photo_view(self) -> PhotoView:
        value = self.view.currentData()
        return PhotoView(value) if value in PhotoView._value2member_map_ else PhotoView.OTHER

    def set_photo_view(self, view: PhotoView) -> None:
        self.view.setCurrentIndex(max(0, self.view.findData(view.value)))

    def session_id(self) -> int | None:
        value = self.session.currentData()
        return value if isinstance(value, int) else None

    def set_session_id(self, session_id: int | None) -> None:
        index = self.session.findData(session_id) if session_id is not None else 0
        self.session.setCurrentIndex(max(0, index))
