"""The pieces forms are built from: headed sections whose fields carry their own error line, choice pickers
for stored values, a country picker, a date field that may stay empty, and the amber suitability banner."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QCollator, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.locale_format import date_placeholder, parse_date

T = TypeVar("T")
W = TypeVar("W", bound=QWidget)

NOT_A_COUNTRY = {"EU", "EZ", "UN", "QO"}  # Qt territories that are regions or unions, not countries


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Red outline through the `invalid` property the form's style sheet matches."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class FieldError(QLabel):
    """The red line under a field saying what is wrong with it; hidden while the field is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class FormSection(QGroupBox):
    """A headed block of labelled fields. Each named field gets an error line and is registered by its name."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        # Labels sit at the top of their row, level with the editor, when an error line makes the row taller.
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}

    def add_field(
        self, name: str | None, label: str, editor: W, *, focus: QWidget | None = None, span: bool = False
    ) -> W:
        """Add a row; `name` is the draft attribute a FieldProblem names (None: never reported); `span` uses the
        label's column too (a table or a text box that the section's title already names)."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        if name is not None:
            error = FieldError()
            column.addWidget(error)
            self.errors[name] = error
            self.editors[name] = focus or editor
        if span:
            self.form.addRow(cell)
            return editor
        caption = QLabel(label)
        caption.setBuddy(focus or editor)
        caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        caption.setFixedHeight((focus or editor).sizeHint().height())
        self.form.addRow(caption, cell)
        return editor


class ChoiceComboBox(QComboBox, Generic[T]):
    """Pick one stored value (or none) from human labels; the labels are the only thing shown."""

    def __init__(
        self, values: Sequence[T], text: Callable[[T], str], *, empty: str = "—", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._values = list(values)
        self.addItem(empty, -1)
        for position, value in enumerate(self._values):
            self.addItem(text(value), position)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def value(self) -> T | None:
        position = self.currentData()
        return None if position is None or position < 0 else self._values[position]

    def set_value(self, value: T | None) -> None:
        if value is None or value not in self._values:
            self.setCurrentIndex(0)
        else:
            self.setCurrentIndex(self._values.index(value) + 1)


class CountryComboBox(QComboBox):
    """Countries by their name in the user's language, stored as the two-letter ISO code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        collator = QCollator(QLocale())
        countries: dict[str, str] = {}
        for territory in QLocale.Country:
            code = QLocale.territoryToCode(territory)
            if len(code) == 2 and code.isalpha() and code not in NOT_A_COUNTRY:
                countries.setdefault(code, QLocale.territoryToString(territory))
        self.addItem("—", "")
        for code, name in sorted(countries.items(), key=lambda item: collator.sortKey(item[1])):
            self.addItem(f"{name} ({code})", code)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setMaxVisibleItems(20)

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str) -> None:
        code = code.upper()
        index = self.findData(code)
        if index < 0 and code:  # a code Qt does not know: keep it rather than lose it on the next save
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class OptionalDateEdit(QWidget):
    """A date typed in the locale's numeric format, or nothing; shows a note (e.g. the age) beside it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(date_placeholder())
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.setMaximumWidth(self.line_edit.fontMetrics().horizontalAdvance("00/00/00000") + 48)
        self.note = QLabel()
        self.note.setObjectName("fieldNote")
        row.addWidget(self.line_edit)
        row.addWidget(self.note, 1)
        self.line_edit.textEdited.connect(self.edited)

    def text(self) -> str:
        return self.line_edit.text().strip()

    def is_readable(self) -> bool:
        return not self.text() or parse_date(self.text()) is not None

    def set_text(self, text: str) -> None:
        self.line_edit.setText(text)


class SuitabilityBanner(QFrame):
    """Amber strip at the top of a client page listing why SMP may not suit this client."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suitabilityBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(12)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(4)
        self.title = QLabel(self.tr("Check suitability before booking"))
        self.title.setObjectName("bannerTitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        text.addWidget(self.title)
        text.addWidget(self.body)
        row.addWidget(icon)
        row.addLayout(text, 1)
        self.hide()

    def set_concerns(self, messages: Sequence[str]) -> None:
        self.body.setText("\n".join(f"•  {message}" for message in messages))
        self.setVisible(bool(messages))
