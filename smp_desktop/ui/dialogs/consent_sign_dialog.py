"""Signing a consent on screen: the form's exact wording, its items to tick or answer, and a signature pad each for
the client and the witness with their typed names. Sign asks the controller (sign_requested); problems come back
with show_problems and the dialog stays open, so nothing typed or drawn is lost."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.services.consent_data import ConsentItem, Signature, TemplateRecord
from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.ui.views.signature_pad import SignaturePad

NO_DATE = QDate(2000, 1, 1)


class ConsentSignDialog(QDialog):
    """sign_requested(choices, client signature, witness signature)."""

    sign_requested = Signal(object, object, object)

    def __init__(
        self,
        template: TemplateRecord,
        client_name: str,
        witness_name: str,
        screening_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentSignDialog")
        self.template = template
        self.setWindowTitle(self.tr("Sign: %1").replace("%1", template.title))
        self.resize(920, 860)
        self._inputs: dict[str, Any] = {}

        heading = QLabel(f"<h2>{html.escape(template.title)}</h2>")
        version = QLabel(
            self.tr("Form version %1 · %2").replace("%1", str(template.version)).replace("%2", client_name)
        )
        version.setObjectName("muted")
        self.wording = QTextBrowser()
        self.wording.setOpenLinks(False)
        self.wording.setHtml(
            "".join(
                f"<h3>{html.escape(s.heading)}</h3><p>{html.escape(s.text).replace(chr(10), '<br>')}</p>"
                for s in template.sections
            )
        )
        self.wording.setMinimumHeight(200)
        self.screening_label = QLabel(screening_text)
        self.screening_label.setWordWrap(True)
        self.screening_label.setVisible(bool(screening_text))

        items_box = QGroupBox(self.tr("Your answers and confirmations"))
        items_layout = QVBoxLayout(items_box)
        for item in template.items:
            items_layout.addWidget(self._item_widget(item))
        items_scroll = QScrollArea()
        items_scroll.setWidgetResizable(True)
        items_scroll.setWidget(items_box)
        items_scroll.setMinimumHeight(220)

        self.client_name = QLineEdit(client_name)
        self.client_name.setObjectName("clientName")
        self.client_pad = SignaturePad(self.tr("Client signs here"))
        self.client_pad.setObjectName("clientPad")
        self.client_clear = QPushButton(self.tr("Clear"))
        self.witness_name = QLineEdit(witness_name)
        self.witness_pad = SignaturePad(self.tr("Witness (artist) signs here"))
        self.witness_pad.setObjectName("witnessPad")
        self.witness_clear = QPushButton(self.tr("Clear"))
        signatures = QGridLayout()
        for column, (title, name, pad, clear) in enumerate(
            (
                (self.tr("Client"), self.client_name, self.client_pad, self.client_clear),
                (self.tr("Witness (artist)"), self.witness_name, self.witness_pad, self.witness_clear),
            )
        ):
            form = QFormLayout()
            form.addRow(title, name)
            signatures.addLayout(form, 0, column)
            signatures.addWidget(pad, 1, column)
            signatures.addWidget(clear, 2, column, Qt.AlignmentFlag.AlignRight)

        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #9e1c17;")
        self.problems.hide()
        self.sign_button = QPushButton(self.tr("Sign"))
        self.sign_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(version)
        layout.addWidget(self.wording, 3)
        layout.addWidget(self.screening_label)
        layout.addWidget(items_scroll, 2)
        layout.addLayout(signatures)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

        self.client_clear.clicked.connect(self.client_pad.clear)
        self.witness_clear.clicked.connect(self.witness_pad.clear)
        self.client_pad.changed.connect(self._update_sign_button)
        self.witness_pad.changed.connect(self._update_sign_button)
        self.client_name.textChanged.connect(self._update_sign_button)
        self.witness_name.textChanged.connect(self._update_sign_button)
        self.cancel_button.clicked.connect(self.reject)
        self.sign_button.clicked.connect(self._on_sign)
        self._update_sign_button()

    # --- items ----------------------------------------------------------------------------------------------
    def _item_widget(self, item: ConsentItem) -> QWidget:
        if item.type == "confirm":
            box = QCheckBox(item.text)
            box.setObjectName(f"item_{item.key}")
            box.setStyleSheet("QCheckBox { spacing: 8px; }")
            self._inputs[item.key] = box
            return _wrapped(box, item.text)
        holder = QWidget()
        row = QVBoxLayout(holder)
        row.setContentsMargins(0, 4, 0, 4)
        label = QLabel(item.text)
        label.setWordWrap(True)
        row.addWidget(label)
        if item.type in ("yes_no", "choice"):
            options = item.options if item.type == "choice" else (("yes", self.tr("Yes")), ("no", self.tr("No")))
            group = QButtonGroup(holder)
            line = QHBoxLayout() if item.type == "yes_no" else QVBoxLayout()
            for number, (key, text) in enumerate(options):
                button = QRadioButton(text)
                button.setObjectName(f"item_{item.key}_{key}")
                button.setProperty("value", key)
                group.addButton(button, number)
                line.addWidget(button)
            if isinstance(line, QHBoxLayout):
                line.addStretch(1)
            row.addLayout(line)
            self._inputs[item.key] = (item.type, group)
        elif item.type == "date":
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("—")
            edit.setDate(NO_DATE)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.setObjectName(f"item_{item.key}")
            row.addWidget(edit)
            self._inputs[item.key] = edit
        else:
            line_edit = QLineEdit()
            line_edit.setObjectName(f"item_{item.key}")
            row.addWidget(line_edit)
            self._inputs[item.key] = line_edit
        return holder

    def choices(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, widget in self._inputs.items():
            if isinstance(widget, QCheckBox):
                found[key] = widget.isChecked()
            elif isinstance(widget, tuple):
                kind, group = widget
                checked = group.checkedButton()
                value = checked.property("value") if checked else None
                found[key] = (value == "yes") if kind == "yes_no" and value is not None else value
            elif isinstance(widget, QDateEdit):
                found[key] = "" if widget.date() == NO_DATE else widget.date().toString("yyyy-MM-dd")
            else:
                found[key] = widget.text()
        return found

    def set_choice(self, key: str, value: Any) -> None:
        """Fill one item (tests and a form typed in from paper)."""
        widget = self._inputs[key]
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, tuple):
            kind, group = widget
            wanted = ("yes" if value else "no") if kind == "yes_no" else value
            for button in group.buttons():
                if button.property("value") == wanted:
                    button.setChecked(True)

    # --- signing --------------------------------------------------------------------------------------------
    def _update_sign_button(self) -> None:
        ready = (
            not self.client_pad.is_empty()
            and not self.witness_pad.is_empty()
            and bool(self.client_name.text().strip())
            and bool(self.witness_name.text().strip())
        )
        self.sign_button.setEnabled(ready)
        self.sign_button.setToolTip("" if ready else self.tr("Both signatures and both names are needed."))

    def _on_sign(self) -> None:
        self.problems.hide()
        self.sign_button.setEnabled(False)
        self.sign_requested.emit(
            self.choices(),
            Signature(self.client_name.text(), self.client_pad.to_png()),
            Signature(self.witness_name.text(), self.witness_pad.to_png()),
        )

    def show_problems(self, problems: list[FieldProblem] | list[str]) -> None:
        lines = [p.message if isinstance(p, FieldProblem) else p for p in problems]
        self.problems.setText("\n".join(lines))
        self.problems.show()
        self._update_sign_button()


def _wrapped(box: QCheckBox, text: str) -> QWidget:
    """A check box whose long text wraps: the box, then a label that ticks it when clicked."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 4, 0, 4)
    box.setText("")
    box.setAccessibleName(text)
    label = QLabel(text)
    label.setWordWrap(True)
    label.mousePressEvent = lambda _event: box.toggle()  # type: ignore[method-assign]
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return holder
