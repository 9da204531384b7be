"""Asking why a session is cancelled before it is marked so (the reason stays on the session's record)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from smp_desktop.core.services.session_validation import MAX_LENGTHS


class CancelSessionDialog(QDialog):
    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel session"))
        question = QLabel(self.tr("Cancel %1? It stays on the client's record, marked cancelled.").replace("%1", what))
        question.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("cancelReason")
        self.reason.setMaxLength(MAX_LENGTHS["cancel_reason"])
        self.reason.setPlaceholderText(self.tr("Reason, e.g. client ill, sunburn on the scalp, asked to move it"))
        self.buttons = QDialogButtonBox()
        self.cancel_session_button = self.buttons.addButton(
            self.tr("Cancel session"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button = self.buttons.addButton(self.tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_session_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._on_reason_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _on_reason_changed(self, text: str) -> None:
        self.cancel_session_button.setEnabled(bool(text.strip()))

    def ask(self) -> str | None:
        """The reason given, or None when the user keeps the session."""
        return self.reason.text().strip() if self.exec() == QDialog.DialogCode.Accepted else None
