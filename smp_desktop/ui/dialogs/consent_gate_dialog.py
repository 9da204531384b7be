"""The owner completes a session the consent gate holds back: what is missing, and the reason (required), which is
kept on the session."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class ConsentGateDialog(QDialog):
    """complete_requested(reason)."""

    complete_requested = Signal(str)

    def __init__(self, what: str, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentGateDialog")
        self.setWindowTitle(self.tr("Complete without consent or clearance"))
        self.resize(560, 380)
        intro = QLabel(
            f"<b>{html.escape(what)}</b><br>"
            + html.escape(self.tr("This session cannot be completed yet:"))
            + "<ul>"
            + "".join(f"<li>{html.escape(line)}</li>" for line in missing)
            + "</ul>"
            + html.escape(self.tr("As the owner you may complete it anyway. Your reason is kept on the session."))
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("gateReason")
        self.reason.setPlaceholderText(self.tr("e.g. Consent signed on paper today; the scan follows tomorrow"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #9e1c17;")
        self.problems.hide()
        self.complete_button = QPushButton(self.tr("Complete Anyway"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.complete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self.reason.textChanged.connect(self._update)
        self.cancel_button.clicked.connect(self.reject)
        self.complete_button.clicked.connect(lambda: self.complete_requested.emit(self.reason.toPlainText()))
        self._update()

    def _update(self) -> None:
        self.complete_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def show_problems(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.show()
