"""The client page's Consent & health tab: whether the client may be treated (the treatment consent and the health
screening, with the reasons), the signed consents, and the actions: questionnaire, doctor's letter, sign on screen,
attach a paper consent, print a form, open the signed copy. Widgets only; ConsentController runs them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.models.consent_table_model import FORM, ConsentTableModel


class ConsentTabView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentTab")
        self.treatment_status = QLabel()
        self.treatment_status.setObjectName("treatmentStatus")
        self.treatment_status.setWordWrap(True)
        self.screening_status = QLabel()
        self.screening_status.setObjectName("screeningStatus")
        self.screening_status.setWordWrap(True)
        self.screening_reasons = QLabel()
        self.screening_reasons.setObjectName("screeningReasons")
        self.screening_reasons.setWordWrap(True)
        self.letters = QLabel()
        self.letters.setWordWrap(True)
        for label in (self.treatment_status, self.screening_status, self.screening_reasons, self.letters):
            label.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text: never read as plain
        self.questionnaire_button = QPushButton(self.tr("Fill in questionnaire…"))
        self.letter_button = QPushButton(self.tr("Add doctor's letter…"))
        health = QGroupBox(self.tr("Health screening"))
        health_layout = QVBoxLayout(health)
        health_layout.addWidget(self.screening_status)
        health_layout.addWidget(self.screening_reasons)
        health_layout.addWidget(self.letters)
        health_buttons = QHBoxLayout()
        health_buttons.addWidget(self.questionnaire_button)
        health_buttons.addWidget(self.letter_button)
        health_buttons.addStretch(1)
        health_layout.addLayout(health_buttons)

        self.template = QComboBox()
        self.template.setObjectName("consentTemplate")
        self.template.setMinimumContentsLength(24)
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sign_button = QPushButton(self.tr("Sign on screen…"))
        self.paper_button = QPushButton(self.tr("Attach signed paper…"))
        self.print_button = QPushButton(self.tr("Print form…"))
        self.print_button.setToolTip(self.tr("The form pre-filled with the client's details, to sign by hand"))
        self.blank_button = QPushButton(self.tr("Print blank…"))
        self.blank_button.setToolTip(self.tr("The form with nothing filled in"))
        self.open_button = QPushButton(self.tr("Open signed copy"))
        self.model = ConsentTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(FORM, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        consents = QGroupBox(self.tr("Consents"))
        consents_layout = QVBoxLayout(consents)
        form_row = QHBoxLayout()
        form_row.addWidget(QLabel(self.tr("Form:")))
        form_row.addWidget(self.template, 1)
        # The form's actions on a row of their own: beside the form's name they made the page (and with it the whole
        # client page, whose tabs share one width) too wide for the client list to show its date of birth column.
        action_row = QHBoxLayout()
        for button in (self.sign_button, self.paper_button, self.print_button, self.blank_button):
            action_row.addWidget(button)
        action_row.addStretch(1)
        consents_layout.addLayout(form_row)
        consents_layout.addLayout(action_row)
        consents_layout.addWidget(self.table, 1)
        open_row = QHBoxLayout()
        open_row.addStretch(1)
        open_row.addWidget(self.open_button)
        consents_layout.addLayout(open_row)
        self.message = QLabel()
        self.message.setObjectName("consentMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.treatment_status)
        layout.addWidget(health)
        layout.addWidget(consents, 1)
        layout.addWidget(self.message)
