"""The health questionnaire, filled in on screen with the client (or typed in from a signed paper form): every
question answered yes or no, details for a yes, and the outcome shown as it is answered (eligible / needs a
doctor's letter / not eligible now, with the reasons), worked out by the same core function the service uses."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.models.consent import HealthTier, ScreeningOutcome
from smp_desktop.core.services.consent_data import OUTCOME_LABELS, TIER_LABELS, Answer, Question
from smp_desktop.core.services.screening import evaluate

TIER_COLOURS = {HealthTier.REFUSE: "#9e1c17", HealthTier.DOCTORS_LETTER: "#8a5a00", HealthTier.CAUTION: "#35618a"}
OUTCOME_COLOURS = {
    ScreeningOutcome.ELIGIBLE: "#1f6b3a",
    ScreeningOutcome.NEEDS_DOCTORS_LETTER: "#8a5a00",
    ScreeningOutcome.NOT_ELIGIBLE: "#9e1c17",
}


class ScreeningDialog(QDialog):
    """save_requested(answers: {key: (yes, details)}, note, paper form path or None)."""

    save_requested = Signal(object, str, object)

    def __init__(self, questions: list[Question], client_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screeningDialog")
        self.setWindowTitle(self.tr("Health questionnaire · %1").replace("%1", client_name))
        self.resize(860, 820)
        self.questions = questions
        self._groups: dict[str, QButtonGroup] = {}
        self.details: dict[str, QLineEdit] = {}

        intro = QLabel(
            self.tr(
                "Ask each question and tick the client's answer. A yes may need details. The outcome below follows "
                "the studio's tiers."
            )
        )
        intro.setWordWrap(True)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setColumnStretch(0, 1)
        grid.setHorizontalSpacing(12)
        for column, title in enumerate((self.tr("Question"), self.tr("Yes"), self.tr("No"), self.tr("Details"))):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        for row, question in enumerate(questions, start=1):
            colour = TIER_COLOURS[question.tier]
            text = QLabel(
                f"{_escape(question.text)}<br><span style='color:{colour}; font-size:small'>"
                f"{TIER_LABELS[question.tier]}</span>"
            )
            text.setWordWrap(True)
            yes, no = QRadioButton(), QRadioButton()
            yes.setObjectName(f"yes_{question.key}")
            no.setObjectName(f"no_{question.key}")
            yes.setAccessibleName(self.tr("Yes: %1").replace("%1", question.text))
            no.setAccessibleName(self.tr("No: %1").replace("%1", question.text))
            group = QButtonGroup(self)
            group.addButton(yes, 1)
            group.addButton(no, 0)
            group.idClicked.connect(self._refresh)
            detail = QLineEdit()
            detail.setObjectName(f"detail_{question.key}")
            detail.setPlaceholderText(self.tr("Details (if yes)"))
            detail.setEnabled(False)
            detail.textChanged.connect(self._refresh)
            self._groups[question.key] = group
            self.details[question.key] = detail
            grid.addWidget(text, row, 0)
            grid.addWidget(yes, row, 1, Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(no, row, 2, Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(detail, row, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_holder)

        self.all_no_button = QPushButton(self.tr("Answer No to the rest"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. typed in from the signed paper form"))
        self.paper_form: Path | None = None
        self.paper_button = QPushButton(self.tr("Attach the Signed Paper Form…"))
        self.paper_button.setToolTip(self.tr("Typed in from a questionnaire filled in on paper: keep its scan too"))
        self.paper_label = QLabel()
        self.paper_label.setObjectName("paperForm")
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcome")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton(self.tr("Save questionnaire"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #9e1c17;")
        self.problems.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.all_no_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper_button)
        paper_row.addWidget(self.paper_label, 1)
        layout.addLayout(paper_row)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

        self.all_no_button.clicked.connect(self._answer_rest_no)
        self.paper_button.clicked.connect(self._choose_paper)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self._on_save)
        self._refresh()

    def answer(self, key: str, yes: bool, detail: str = "") -> None:
        button = self._groups[key].button(1 if yes else 0)
        button.setChecked(True)
        self.details[key].setText(detail)
        self._refresh()

    def answers(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, group in self._groups.items():
            checked = group.checkedId()
            if checked == -1:
                continue
            found[key] = (checked == 1, self.details[key].text().strip())
        return found

    def _answer_rest_no(self) -> None:
        for group in self._groups.values():
            if group.checkedId() == -1:
                group.button(0).setChecked(True)
        self._refresh()

    def _refresh(self, *_: object) -> None:
        answers = self.answers()
        for key, detail in self.details.items():
            detail.setEnabled(answers.get(key, (False, ""))[0])
        missing = len(self.questions) - len(answers)
        given = [
            Answer(q.key, q.text, q.tier, answers[q.key][0], answers[q.key][1])
            for q in self.questions
            if q.key in answers
        ]
        outcome, reasons = evaluate(given, (), screened_on=date.today(), letter_validity_months=6)
        colour = OUTCOME_COLOURS[outcome]
        lines = "".join(f"<li>{_escape(r.message)}</li>" for r in reasons)
        waiting = self.tr("%1 questions not answered yet. ").replace("%1", str(missing)) if missing else ""
        self.outcome_label.setText(
            f"{waiting}<b style='color:{colour}'>{self.tr('Outcome')}: {OUTCOME_LABELS[outcome]}</b>"
            + (f"<ul>{lines}</ul>" if lines else "")
        )
        self.save_button.setEnabled(missing == 0)

    def _on_save(self) -> None:
        self.problems.hide()
        self.save_requested.emit(self.answers(), self.note.text(), self.paper_form)

    def _choose_paper(self) -> None:
        from smp_desktop.ui.dialogs.consent_paper_dialog import FILE_FILTER

        chosen, _ = QFileDialog.getOpenFileName(self, self.paper_button.text(), str(Path.home()), self.tr(FILE_FILTER))
        if chosen:
            self.paper_form = Path(chosen)
            self.paper_label.setText(self.paper_form.name)

    def show_problems(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.show()


def _escape(text: str) -> str:
    import html

    return html.escape(text)
