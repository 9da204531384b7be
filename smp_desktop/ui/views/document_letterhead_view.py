"""The letterhead dialog: what every printed document carries at its top (the studio's name and contact, the logo)
and the paper it is printed on. Layout only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LOGO_BOX = (240, 100)


class LetterheadDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterheadDialog")
        self.setWindowTitle(self.tr("Letterhead and paper"))
        intro = QLabel(
            self.tr(
                "Aftercare sheets, consents, removal plans and records are printed on this letterhead, on this paper."
            )
        )
        intro.setWordWrap(True)

        self.studio = QLabel()
        self.studio.setObjectName("letterheadStudio")
        self.studio.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.studio.setTextFormat(Qt.TextFormat.PlainText)
        self.studio.setWordWrap(True)

        self.logo = QLabel()
        self.logo.setObjectName("letterheadLogo")
        self.logo.setFixedSize(LOGO_BOX[0] + 12, LOGO_BOX[1] + 12)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setFrameShape(QFrame.Shape.StyledPanel)
        self.choose_logo_button = QPushButton(self.tr("Choose Logo…"))
        self.remove_logo_button = QPushButton(self.tr("Remove Logo"))
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)

        self.paper = QComboBox()
        self.paper.setObjectName("paperSize")
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper.addItem(self.tr("US Letter (8.5 × 11 in)"), "Letter")

        form = QFormLayout()
        form.addRow(self.tr("Studio:"), self.studio)
        form.addRow(self.tr("Logo:"), logo_row)
        form.addRow(self.tr("Paper:"), self.paper)

        self.message = QLabel()
        self.message.setObjectName("letterheadMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #9c1c17;")
        self.message.hide()

        self.buttons = QDialogButtonBox()
        self.preview_button = self.buttons.addButton(self.tr("Preview Sample…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def show_logo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo.setPixmap(
                pixmap.scaled(
                    LOGO_BOX[0],
                    LOGO_BOX[1],
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.remove_logo_button.setEnabled(True)
        else:
            self.logo.setPixmap(QPixmap())
            self.logo.setText(self.tr("No logo"))
            self.remove_logo_button.setEnabled(False)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
