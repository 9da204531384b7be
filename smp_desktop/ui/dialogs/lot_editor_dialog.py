"""The lot editor: a bottle or batch of a product — lot number, supplier, dates, quantity, status, the EU label
checklist (each item present, missing, not applicable where relevant, or not yet checked), notes, and the safety
data sheet and label photo kept as stored documents. Layout and reading the fields; the controller saves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.ink import LABEL_ITEMS, STATUS_LABELS, LabelCheck, LotStatus
from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.core.services.ink_data import LotDraft, LotRecord, ProductRecord
from smp_desktop.core.services.ink_validation import LOT_LIMITS

CHECK_LABELS = {
    LabelCheck.UNCHECKED: "Not checked yet",
    LabelCheck.PRESENT: "Present",
    LabelCheck.MISSING: "Missing",
    LabelCheck.NOT_APPLICABLE: "Not applicable",
}
EDITABLE_STATUSES = (LotStatus.IN_STOCK, LotStatus.OPENED, LotStatus.USED_UP, LotStatus.EXPIRED)


class OptionalDate(QWidget):
    """A date that may be unknown: a check box ("known") and a date editor."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox()
        self.known.setObjectName(f"{name}Known")
        self.edit = QDateEdit()
        self.edit.setObjectName(name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)

    def set_value(self, value: date | None, default: date) -> None:
        self.known.setChecked(value is not None)
        day = value or default
        self.edit.setDate(QDate(day.year, day.month, day.day))

    def value(self) -> date | None:
        if not self.known.isChecked():
            return None
        day = self.edit.date()
        return date(day.year(), day.month(), day.day())


class LotEditorDialog(QDialog):
    attach_requested = Signal(str)  # "sds" or "label_photo"
    open_requested = Signal(str)

    def __init__(self, products: list[ProductRecord], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotEditor")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._today = today
        self.record: LotRecord | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.product = QComboBox()
        self.product.setObjectName("lotProduct")
        for product in products:
            self.product.addItem(product.title, product.id)
        self.lot_number = QLineEdit()
        self.lot_number.setObjectName("lotNumber")
        self.lot_number.setMaxLength(LOT_LIMITS["lot_number"])
        self.supplier = QLineEdit()
        self.supplier.setObjectName("lotSupplier")
        self.supplier.setMaxLength(LOT_LIMITS["supplier"])
        self.purchased_on = OptionalDate("purchasedOn")
        self.expires_on = OptionalDate("expiresOn")
        self.opened_on = OptionalDate("openedOn")
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 10_000)
        self.quantity.setSuffix(self.tr(" bottle(s)"))
        self.bottle_ml = QDoubleSpinBox()
        self.bottle_ml.setRange(0, 5000)
        self.bottle_ml.setDecimals(1)
        self.bottle_ml.setSuffix(" ml")
        self.bottle_ml.setSpecialValueText("—")
        self.status = QComboBox()
        self.status.setObjectName("lotStatus")
        for status in EDITABLE_STATUSES:
            self.status.addItem(self.tr(STATUS_LABELS[status]), status.value)
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Lot / batch number"), self.lot_number)
        form.addRow(self.tr("Supplier"), self.supplier)
        form.addRow(self.tr("Purchased"), self.purchased_on)
        form.addRow(self.tr("Use by (on the label)"), self.expires_on)
        form.addRow(self.tr("Opened"), self.opened_on)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Bottle size"), self.bottle_ml)
        form.addRow(self.tr("Status"), self.status)
        layout.addLayout(form)

        checklist = QGroupBox(self.tr("EU label checklist (REACH Annex XVII entry 75)"))
        checks = QFormLayout(checklist)
        self.checks: dict[str, QComboBox] = {}
        for item in LABEL_ITEMS:
            combo = QComboBox()
            combo.setObjectName(item.field)
            for check, text in CHECK_LABELS.items():
                if check is LabelCheck.NOT_APPLICABLE and not item.where_relevant:
                    continue
                combo.addItem(self.tr(text), check.value)
            self.checks[item.field] = combo
            checks.addRow(self.tr(item.label), combo)
        layout.addWidget(checklist)

        files = QGroupBox(self.tr("Safety data sheet and label photo"))
        files_layout = QFormLayout(files)
        self.file_labels: dict[str, QLabel] = {}
        self.attach_buttons: dict[str, QPushButton] = {}
        for which, title in (("sds", self.tr("Safety data sheet (PDF)")), ("label_photo", self.tr("Label photo"))):
            row = QHBoxLayout()
            shown = QLabel(self.tr("None attached"))
            shown.setObjectName(f"{which}Label")
            attach = QPushButton(self.tr("Attach…"))
            attach.setObjectName(f"{which}Attach")
            attach.clicked.connect(lambda _=False, w=which: self.attach_requested.emit(w))
            view = QPushButton(self.tr("Open"))
            view.setObjectName(f"{which}Open")
            view.clicked.connect(lambda _=False, w=which: self.open_requested.emit(w))
            row.addWidget(shown, 1)
            row.addWidget(attach)
            row.addWidget(view)
            self.file_labels[which] = shown
            self.attach_buttons[which] = attach
            files_layout.addRow(title, row)
        layout.addWidget(files)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("lotNotes")
        self.notes.setPlaceholderText(self.tr("Notes (storage, where the bottle is, what the supplier said)"))
        self.notes.setFixedHeight(60)
        layout.addWidget(self.notes)
        self.problems = QLabel()
        self.problems.setObjectName("lotProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.hide()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.set_draft(None)

    def set_draft(self, record: LotRecord | None, product_id: int | None = None) -> None:
        self.record = record
        draft = record.draft if record else LotDraft(product_id or (self.product.currentData() or 0), "")
        self.setWindowTitle(self.tr("Lot %1").replace("%1", draft.lot_number) if record else self.tr("New lot"))
        found = self.product.findData(draft.product_id)
        if found >= 0:
            self.product.setCurrentIndex(found)
        self.lot_number.setText(draft.lot_number)
        self.supplier.setText(draft.supplier)
        self.purchased_on.set_value(draft.purchased_on, self._today)
        self.expires_on.set_value(draft.expires_on, self._today)
        self.opened_on.set_value(draft.opened_on, self._today)
        self.quantity.setValue(draft.quantity)
        self.bottle_ml.setValue(draft.bottle_ml or 0.0)
        recalled = draft.status is LotStatus.RECALLED
        if recalled:
            self.status.addItem(self.tr(STATUS_LABELS[LotStatus.RECALLED]), LotStatus.RECALLED.value)
        self.status.setCurrentIndex(self.status.findData(draft.status.value))
        self.status.setEnabled(not recalled)
        for name, combo in self.checks.items():
            combo.setCurrentIndex(max(combo.findData(getattr(draft, name).value), 0))
        self.notes.setPlainText(draft.notes)
        self.set_documents(record.sds_document_id if record else None,
                           record.label_photo_document_id if record else None)  # fmt: skip

    def set_documents(self, sds: int | None, label_photo: int | None) -> None:
        for which, document in (("sds", sds), ("label_photo", label_photo)):
            self.file_labels[which].setText(
                self.tr("Stored (document #%1)").replace("%1", str(document)) if document else self.tr("None attached")
            )
            self.findChild(QPushButton, f"{which}Open").setEnabled(document is not None)  # type: ignore[union-attr]
            self.attach_buttons[which].setEnabled(self.record is not None)

    def draft(self) -> LotDraft:
        return LotDraft(
            product_id=int(self.product.currentData() or 0),
            lot_number=self.lot_number.text(),
            supplier=self.supplier.text(),
            purchased_on=self.purchased_on.value(),
            expires_on=self.expires_on.value(),
            opened_on=self.opened_on.value(),
            quantity=self.quantity.value(),
            bottle_ml=self.bottle_ml.value() or None,
            status=LotStatus(self.status.currentData()),
            notes=self.notes.toPlainText(),
            **{name: LabelCheck(combo.currentData()) for name, combo in self.checks.items()},
        )

    def show_problems(self, problems: list[FieldProblem] | tuple[FieldProblem, ...]) -> None:
        self.problems.setText("\n".join(p.message for p in problems))
        self.problems.setVisible(bool(problems))
