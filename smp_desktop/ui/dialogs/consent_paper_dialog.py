"""Two small forms around a file: a consent signed by hand on paper (its scan or photo, the date signed, who signed
and witnessed) and a doctor's letter (its file, the date it carries, the answers it clears)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.services.consent_data import TemplateRecord

FILE_FILTER = "PDF or photo (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic);;All files (*)"


class _FileForm(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 320)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("Choose the scan, photo or PDF…"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        self.dated = QDateEdit(QDate.currentDate())
        self.dated.setCalendarPopup(True)
        self.dated.setDisplayFormat("dd MMM yyyy")
        self.dated.setMaximumDate(QDate.currentDate())
        self.form = QFormLayout()
        self.form.addRow(self.tr("File"), file_row)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #9e1c17;")
        self.problems.hide()
        self.ok_button = QPushButton(self.tr("Attach"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self.browse_button.clicked.connect(self._browse)
        self.cancel_button.clicked.connect(self.reject)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), str(Path.home()), self.tr(FILE_FILTER))
        if chosen:
            self.file.setText(chosen)

    def path(self) -> Path | None:
        return Path(self.file.text()) if self.file.text() else None

    def date(self) -> date:
        return date.fromisoformat(self.dated.date().toString("yyyy-MM-dd"))

    def show_problems(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.show()


class PaperConsentDialog(_FileForm):
    """attach_requested(template_id, path, signed_on, signer, witness)."""

    attach_requested = Signal(int, object, object, str, str)

    def __init__(
        self, templates: list[TemplateRecord], client_name: str, witness: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Attach a consent signed on paper"), parent)
        self.template = QComboBox()
        for template in templates:
            self.template.addItem(template.label, template.id)
        self.signer = QLineEdit(client_name)
        self.witness = QLineEdit(witness)
        self.form.insertRow(0, self.tr("Form"), self.template)
        self.form.addRow(self.tr("Signed on"), self.dated)
        self.form.addRow(self.tr("Signed by"), self.signer)
        self.form.addRow(self.tr("Witness"), self.witness)
        self.ok_button.clicked.connect(self._on_ok)

    def _on_ok(self) -> None:
        path = self.path()
        if path is None:
            self.show_problems([self.tr("Choose the scan or photo of the signed form.")])
            return
        self.attach_requested.emit(
            int(self.template.currentData()), path, self.date(), self.signer.text(), self.witness.text()
        )


class DoctorsLetterDialog(_FileForm):
    """attach_requested(path, dated_on, covers)."""

    attach_requested = Signal(object, object, object)

    def __init__(self, needs: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        """needs: (question key, question text) of the answers that need a letter."""
        super().__init__(self.tr("Add a doctor's letter"), parent)
        self.form.addRow(self.tr("Letter dated"), self.dated)
        self.covers: dict[str, QCheckBox] = {}
        box = QVBoxLayout()
        for key, text in needs:
            check = QCheckBox(text)
            check.setChecked(True)
            check.setObjectName(f"cover_{key}")
            self.covers[key] = check
            box.addWidget(check)
        self.form.addRow(self.tr("The letter is about"), box)
        self.ok_button.clicked.connect(self._on_ok)

    def _on_ok(self) -> None:
        path = self.path()
        covers = tuple(key for key, check in self.covers.items() if check.isChecked())
        if path is None:
            self.show_problems([self.tr("Choose the letter's scan, photo or PDF.")])
            return
        self.attach_requested.emit(path, self.date(), covers)
