"""Editors for the zone table's cells (the zone itself is a ChoiceDelegate): the dilution as "water : pigment"
text, and machine numbers with their unit (an empty value is shown as a dash)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from smp_desktop.core.services.session_validation import MAX_STROKE_MM, MAX_VOLTAGE, ZONE_MAX_LENGTHS

AnyIndex = QModelIndex | QPersistentModelIndex


class DilutionDelegate(QStyledItemDelegate):
    """Parts distilled water to parts pigment, typed as "3:1" or "3 : 1" (decimals allowed)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("dilutionEditor")
        editor.setPlaceholderText("3 : 1")
        pattern = QRegularExpression(r"^\s*\d{0,3}([.,]\d{0,2})?\s*([:/]\s*\d{0,3}([.,]\d{0,2})?)?\s*$")
        editor.setValidator(QRegularExpressionValidator(pattern, editor))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class MeasureDelegate(QStyledItemDelegate):
    """A machine number with its unit; 0 (shown as "—") means not recorded."""

    def __init__(self, unit: str, maximum: float, decimals: int, step: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unit = unit
        self._maximum = maximum
        self._decimals = decimals
        self._step = step

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QDoubleSpinBox(parent)
        editor.setObjectName("measureEditor")
        editor.setRange(0.0, self._maximum)
        editor.setDecimals(self._decimals)
        editor.setSingleStep(self._step)
        editor.setSuffix(f" {self._unit}")
        editor.setSpecialValueText("—")
        editor.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QDoubleSpinBox)
        editor.setValue(float(index.data(Qt.ItemDataRole.EditRole) or 0.0))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QDoubleSpinBox)
        editor.interpretText()
        model.setData(index, editor.value() or None, Qt.ItemDataRole.EditRole)


class TextDelegate(QStyledItemDelegate):
    """Free text limited to what the column stores, so nothing typed is cut off when it is saved."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit = ZONE_MAX_LENGTHS[field]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("zoneTextEditor")
        editor.setMaxLength(self._limit)
        return editor


def voltage_delegate(parent: QWidget) -> MeasureDelegate:
    return MeasureDelegate("V", MAX_VOLTAGE, 1, 0.1, parent)


def stroke_delegate(parent: QWidget) -> MeasureDelegate:
    return MeasureDelegate("mm", MAX_STROKE_MM, 1, 0.1, parent)
