"""Asking what to do when a new client looks like one already on file."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.services.client_data import ClientSummary
from smp_desktop.ui.locale_format import format_date


class DuplicateChoice(IntEnum):
    CANCEL = 0
    OPEN_EXISTING = 1
    CREATE_ANYWAY = 2


class DuplicateDialog(QDialog):
    """Lists the possible matches; "Open existing" opens the selected one (the first by default)."""

    def __init__(self, matches: Sequence[ClientSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This client may already exist"))
        self._matches = list(matches)
        intro = QLabel(
            self.tr(
                "A client with the same name and date of birth, phone number or e-mail is already on file. "
                "Open the existing record instead of creating a second one?"
            )
        )
        intro.setWordWrap(True)
        self.match_list = QListWidget()
        for match in self._matches:
            details = [text for text in (format_date(match.date_of_birth), match.phone, match.email) if text]
            text = f"{match.display_name}  ·  #{match.id}"
            if details:
                text += "\n" + "  ·  ".join(details)
            if match.archived:
                text += "  " + self.tr("(archived)")
            QListWidgetItem(text, self.match_list)
        self.match_list.setCurrentRow(0)

        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("Open existing"))
        self.create_button = QPushButton(self.tr("Create anyway"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda: self.done(DuplicateChoice.OPEN_EXISTING))
        self.create_button.clicked.connect(lambda: self.done(DuplicateChoice.CREATE_ANYWAY))
        self.cancel_button.clicked.connect(lambda: self.done(DuplicateChoice.CANCEL))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.match_list)
        layout.addWidget(buttons)
        self.resize(480, 320)

    def choose(self) -> DuplicateChoice:
        self.exec()
        return DuplicateChoice(self.result())

    def chosen_match(self) -> ClientSummary:
        return self._matches[max(self.match_list.currentRow(), 0)]
