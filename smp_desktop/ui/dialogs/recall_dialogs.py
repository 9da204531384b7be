"""The recall's two questions: marking a lot recalled (date, reason, source) and logging one attempt to reach a
client (channel, outcome, note)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.ink import CHANNEL_LABELS, OUTCOME_LABELS, ContactChannel, ContactOutcome
from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.core.services.ink_data import AffectedClient, LotRecord
from smp_desktop.core.services.ink_validation import RECALL_SOURCE_LIMIT


class _Question(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.problems)
        self.layout_.addWidget(self.buttons)

    def show_problems(self, problems: tuple[FieldProblem, ...] | list[FieldProblem]) -> None:
        self.problems.setText("\n".join(p.message for p in problems))
        self.problems.setVisible(bool(problems))


class RecallLotDialog(_Question):
    def __init__(self, lot: LotRecord, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recallLotDialog")
        self.setWindowTitle(self.tr("Recall lot %1").replace("%1", lot.draft.lot_number))
        intro = QLabel(
            self.tr("Mark %1 recalled. It can no longer be picked without a reason, and every client who received "
                    "it is listed to be contacted. A recall cannot be undone.").replace("%1", lot.title)
        )  # fmt: skip
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.recalled_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.recalled_on.setObjectName("recalledOn")
        self.recalled_on.setCalendarPopup(True)
        self.recalled_on.setDisplayFormat("yyyy-MM-dd")
        self.recalled_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("recallReason")
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(self.tr("e.g. the supplier's notice: nickel above the limit in this batch"))
        self.source = QLineEdit()
        self.source.setObjectName("recallSource")
        self.source.setMaxLength(RECALL_SOURCE_LIMIT)
        self.source.setPlaceholderText(self.tr("Supplier, manufacturer or authority, and the notice's reference"))
        self.form.addRow(self.tr("Recalled on"), self.recalled_on)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Source"), self.source)
        self.recall_button = self.buttons.addButton(self.tr("Recall the lot"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.recall_button.setObjectName("recallButton")
        self.finish_layout()
        self.resize(520, self.sizeHint().height())

    def values(self) -> tuple[date, str, str]:
        day = self.recalled_on.date()
        return date(day.year(), day.month(), day.day()), self.reason.toPlainText(), self.source.text()


class ContactDialog(_Question):
    def __init__(self, client: AffectedClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recallContactDialog")
        self.setWindowTitle(self.tr("Contact attempt — %1").replace("%1", client.name))
        details = QLabel("\n".join(x for x in (client.phone, client.email, client.address) if x) or "—")
        details.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("Client"), QLabel(client.name))
        self.form.addRow(self.tr("Contact details"), details)
        self.channel = QComboBox()
        self.channel.setObjectName("contactChannel")
        for channel, text in CHANNEL_LABELS.items():
            self.channel.addItem(self.tr(text), channel.value)
        self.outcome = QComboBox()
        self.outcome.setObjectName("contactOutcome")
        for outcome, text in OUTCOME_LABELS.items():
            self.outcome.addItem(self.tr(text), outcome.value)
        self.note = QLineEdit()
        self.note.setObjectName("contactNote")
        self.note.setMaxLength(2000)
        self.form.addRow(self.tr("How"), self.channel)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Note"), self.note)
        self.log_button = self.buttons.addButton(self.tr("Log the attempt"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.log_button.setObjectName("logContactButton")
        self.finish_layout()

    def values(self) -> tuple[ContactChannel, ContactOutcome, str]:
        return ContactChannel(self.channel.currentData()), ContactOutcome(self.outcome.currentData()), self.note.text()
