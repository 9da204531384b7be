"""Consent forms and the health questionnaire, as the studio's own data (owner): edit a form's title and wording,
saved as its next version (older versions, and every signed one, stay as they were), and move questions between
tiers. The wording is plain text: a line starting with "## " begins a section and names it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.models.consent import HealthTier
from smp_desktop.core.services.consent_data import TIER_LABELS, Question, Section, TemplateDraft, TemplateRecord


def sections_to_text(sections: tuple[Section, ...]) -> str:
    return "\n\n".join(f"## {s.heading}\n{s.text}" for s in sections)


def text_to_sections(text: str) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading, lines = "", list[str]()
    for line in text.splitlines():
        if line.startswith("## "):
            if heading or any(part.strip() for part in lines):
                sections.append(Section(heading, "\n".join(lines).strip()))
            heading, lines = line[3:].strip(), []
        else:
            lines.append(line)
    if heading or any(part.strip() for part in lines):
        sections.append(Section(heading, "\n".join(lines).strip()))
    return tuple(sections)


class ConsentTemplatesDialog(QDialog):
    """save_version_requested(name, draft, keep_older_accepted); tiers_requested({key: tier})."""

    save_version_requested = Signal(str, object, bool)
    tiers_requested = Signal(object)

    def __init__(self, templates: list[TemplateRecord], questions: list[Question], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consentTemplatesDialog")
        self.setWindowTitle(self.tr("Consent Forms and Questionnaire"))
        self.resize(900, 760)
        self.templates = templates
        self.questions = questions

        self.template = QComboBox()
        for template in templates:
            self.template.addItem(template.label, template.name)
        self.version_info = QLabel()
        self.version_info.setWordWrap(True)
        self.title = QLineEdit()
        self.wording = QPlainTextEdit()
        self.wording.setObjectName("templateWording")
        self.change_note = QLineEdit()
        self.change_note.setPlaceholderText(self.tr("What changed, e.g. new aftercare wording"))
        self.keep_older = QCheckBox(self.tr("Consents signed on older versions still count"))
        self.keep_older.setChecked(True)
        self.save_version_button = QPushButton(self.tr("Save as New Version"))
        forms = QWidget()
        form = QFormLayout(forms)
        form.addRow(self.tr("Form"), self.template)
        form.addRow("", self.version_info)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Wording"), self.wording)
        form.addRow(self.tr("Change note"), self.change_note)
        form.addRow("", self.keep_older)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_version_button)
        form.addRow(save_row)

        self.tiers: dict[str, QComboBox] = {}
        tiers_holder = QWidget()
        tiers_form = QFormLayout(tiers_holder)
        for question in questions:
            combo = QComboBox()
            combo.setObjectName(f"tier_{question.key}")
            for tier in HealthTier:
                combo.addItem(TIER_LABELS[tier], tier.value)
            combo.setCurrentIndex(combo.findData(question.tier.value))
            label = QLabel(question.text)
            label.setWordWrap(True)
            tiers_form.addRow(label, combo)
            self.tiers[question.key] = combo
        tiers_scroll = QScrollArea()
        tiers_scroll.setWidgetResizable(True)
        tiers_scroll.setWidget(tiers_holder)
        self.save_tiers_button = QPushButton(self.tr("Save Tiers"))
        tiers_page = QWidget()
        tiers_layout = QVBoxLayout(tiers_page)
        tiers_layout.addWidget(
            QLabel(
                self.tr(
                    "A yes to a question puts the client in its tier. Questionnaires already filled in keep "
                    "the tiers they were asked with."
                )
            )
        )
        tiers_layout.addWidget(tiers_scroll, 1)
        tiers_row = QHBoxLayout()
        tiers_row.addStretch(1)
        tiers_row.addWidget(self.save_tiers_button)
        tiers_layout.addLayout(tiers_row)

        self.tabs = QTabWidget()
        self.tabs.addTab(forms, self.tr("Consent forms"))
        self.tabs.addTab(tiers_page, self.tr("Health questionnaire"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.template.currentIndexChanged.connect(lambda _i: self._show_template())
        self.save_version_button.clicked.connect(self._on_save_version)
        self.save_tiers_button.clicked.connect(self._on_save_tiers)
        self.close_button.clicked.connect(self.accept)
        self._show_template()

    def current(self) -> TemplateRecord | None:
        name = self.template.currentData()
        return next((t for t in self.templates if t.name == name), None)

    def _show_template(self) -> None:
        template = self.current()
        if template is None:
            return
        signed = (
            self.tr("signed %n time(s); it can never change", "", template.signed_count)
            if template.signed_count
            else self.tr("not signed yet")
        )
        self.version_info.setText(
            self.tr("Version %1, %2. Saving makes version %3.")
            .replace("%1", str(template.version))
            .replace("%2", signed)
            .replace("%3", str(template.version + 1))
        )
        self.title.setText(template.title)
        self.wording.setPlainText(sections_to_text(template.sections))
        self.change_note.clear()

    def _on_save_version(self) -> None:
        template = self.current()
        if template is None:
            return
        draft = TemplateDraft(
            self.title.text(),
            text_to_sections(self.wording.toPlainText()),
            template.items,
            template.includes_questionnaire,
            self.change_note.text(),
        )
        self.save_version_requested.emit(template.name, draft, self.keep_older.isChecked())

    def _on_save_tiers(self) -> None:
        changed = {
            q.key: HealthTier(self.tiers[q.key].currentData())
            for q in self.questions
            if self.tiers[q.key].currentData() != q.tier.value
        }
        self.tiers_requested.emit(changed)

    def replace_template(self, record: TemplateRecord) -> None:
        self.templates = [record if t.name == record.name else t for t in self.templates]
        index = self.template.findData(record.name)
        self.template.setItemText(index, record.label)
        self._show_template()

    def say(self, text: str) -> None:
        self.message.setText(text)
