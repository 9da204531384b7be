"""The product editor: brand, product (shade), swatch colour, pigment base, period after opening, the label's
ingredients and warnings (printed on the ink information sheet), suggested dilutions and notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.ink import BASE_LABELS, PigmentBase, is_swatch
from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.core.services.ink_data import ProductDraft, ProductRecord
from smp_desktop.core.services.ink_validation import PRODUCT_LIMITS


class ProductEditorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productEditor")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.record: ProductRecord | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.brand = QLineEdit()
        self.brand.setObjectName("productBrand")
        self.brand.setMaxLength(PRODUCT_LIMITS["brand"])
        self.name = QLineEdit()
        self.name.setObjectName("productName")
        self.name.setMaxLength(PRODUCT_LIMITS["name"])
        swatch_row = QHBoxLayout()
        self.swatch = QLineEdit()
        self.swatch.setObjectName("productSwatch")
        self.swatch.setMaxLength(7)
        self.swatch.setPlaceholderText("#1a1a1a")
        self.swatch_preview = QLabel()
        self.swatch_preview.setFixedSize(28, 20)
        self.pick_colour = QPushButton(self.tr("Choose…"))
        self.pick_colour.clicked.connect(self._choose_colour)
        self.swatch.textChanged.connect(self._show_swatch)
        swatch_row.addWidget(self.swatch_preview)
        swatch_row.addWidget(self.swatch, 1)
        swatch_row.addWidget(self.pick_colour)
        self.base = QComboBox()
        for base, text in BASE_LABELS.items():
            self.base.addItem(self.tr(text), base.value)
        self.months = QSpinBox()
        self.months.setRange(0, 120)
        self.months.setSpecialValueText(self.tr("Until the use-by date"))
        self.months.setSuffix(self.tr(" months after opening"))
        self.dilutions = QLineEdit()
        self.dilutions.setMaxLength(PRODUCT_LIMITS["suggested_dilutions"])
        self.dilutions.setPlaceholderText(self.tr("e.g. hairline 4 : 1, crown 2 : 1"))
        self.ingredients = QPlainTextEdit()
        self.ingredients.setFixedHeight(56)
        self.warnings = QPlainTextEdit()
        self.warnings.setFixedHeight(56)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(48)
        form.addRow(self.tr("Brand"), self.brand)
        form.addRow(self.tr("Product / shade"), self.name)
        form.addRow(self.tr("Swatch"), swatch_row)
        form.addRow(self.tr("Pigment base"), self.base)
        form.addRow(self.tr("Keeps"), self.months)
        form.addRow(self.tr("Suggested dilutions"), self.dilutions)
        form.addRow(self.tr("Ingredients (label)"), self.ingredients)
        form.addRow(self.tr("Warnings (label)"), self.warnings)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.hide()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self.set_record(None)

    def set_record(self, record: ProductRecord | None) -> None:
        self.record = record
        draft = record.draft if record else ProductDraft("", "")
        self.setWindowTitle(record.title if record else self.tr("New product"))
        self.brand.setText(draft.brand)
        self.name.setText(draft.name)
        self.swatch.setText(draft.swatch)
        self.base.setCurrentIndex(self.base.findData(draft.pigment_base.value))
        self.months.setValue(draft.months_after_opening or 0)
        self.dilutions.setText(draft.suggested_dilutions)
        self.ingredients.setPlainText(draft.ingredients)
        self.warnings.setPlainText(draft.warnings)
        self.notes.setPlainText(draft.notes)

    def draft(self) -> ProductDraft:
        return ProductDraft(
            brand=self.brand.text(),
            name=self.name.text(),
            swatch=self.swatch.text(),
            pigment_base=PigmentBase(self.base.currentData()),
            months_after_opening=self.months.value() or None,
            ingredients=self.ingredients.toPlainText(),
            warnings=self.warnings.toPlainText(),
            suggested_dilutions=self.dilutions.text(),
            notes=self.notes.toPlainText(),
        )

    def show_problems(self, problems: tuple[FieldProblem, ...] | list[FieldProblem]) -> None:
        self.problems.setText("\n".join(p.message for p in problems))
        self.problems.setVisible(bool(problems))

    def _show_swatch(self, text: str) -> None:
        colour = text if is_swatch(text.strip()) else "transparent"
        self.swatch_preview.setStyleSheet(f"background: {colour}; border: 1px solid #9a9a9a; border-radius: 3px;")

    def _choose_colour(self) -> None:
        start = QColor(self.swatch.text()) if is_swatch(self.swatch.text()) else QColor("#1a1a1a")
        chosen = QColorDialog.getColor(start, self, self.tr("Swatch colour"))
        if chosen.isValid():
            self.swatch.setText(chosen.name())
