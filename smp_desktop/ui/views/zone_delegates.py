"""Editors for the zone table's cells (the zone itself is a ChoiceDelegate): the dilution as "water : pigment"
text, machine numbers with their unit (an empty value is shown as a dash), and the lot picked from the ink
register (usable lots first; one that may not be used needs the artist's reason)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
)
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from smp_desktop.core.services.ink_data import LotRecord
from smp_desktop.core.services.session_validation import MAX_STROKE_MM, MAX_VOLTAGE, ZONE_MAX_LENGTHS
from smp_desktop.ui.models.zone_table_model import LOT_ID_ROLE, ZoneTableModel

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


class LotDelegate(QStyledItemDelegate):
    """The lot column's picker: the register's lots, usable ones first, then (after a separator, marked ⚠) the
    ones that may not be used, saying why. Choosing a lot that may not be used does not set it: `confirm(row,
    lot)` is called so the artist can give a reason (the session editor's LotOverrideDialog)."""

    def __init__(
        self,
        lots: Callable[[], Sequence[LotRecord]],
        confirm: Callable[[int, LotRecord], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lots = lots
        self._confirm = confirm

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("lotEditor")
        # Editable: typing a lot number picks the register's lot with that number, or keeps it as plain text.
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = editor.lineEdit()
        assert line is not None
        line.setMaxLength(ZONE_MAX_LENGTHS["pigment_lot"])
        line.setPlaceholderText(self.tr("Lot number"))
        editor.addItem(self.tr("No lot from the register"), None)
        lots = list(self._lots())
        current = index.data(LOT_ID_ROLE)
        separated = False
        for lot in lots:
            if not lot.usable and not separated:
                editor.insertSeparator(editor.count())
                separated = True
            editor.addItem(lot_choice_text(lot), lot.id)
            number = editor.count() - 1
            editor.setItemData(number, lot.title + ("\n" + lot.problem_text if not lot.usable else ""),
                               Qt.ItemDataRole.ToolTipRole)  # fmt: skip
            editor.setItemData(number, QColor(lot.swatch), Qt.ItemDataRole.DecorationRole)
            if not lot.usable:
                editor.setItemData(number, QColor("#a15c00"), Qt.ItemDataRole.ForegroundRole)
        if current is not None and editor.findData(current) < 0:
            editor.addItem(f"#{current}", current)
        editor.setMaxVisibleItems(16)
        editor.activated.connect(lambda _i: self._commit(editor))
        return editor

    def _commit(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        lot_id = index.data(LOT_ID_ROLE)
        if lot_id is None and index.data(Qt.ItemDataRole.EditRole):
            editor.setCurrentIndex(-1)
            editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole)))  # a lot kept as text
        else:
            editor.setCurrentIndex(max(editor.findData(lot_id), 0))
        line = editor.lineEdit()
        if line is not None:
            line.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox) and isinstance(model, ZoneTableModel)
        text = editor.currentText().strip()
        chosen = editor.currentIndex() >= 0 and editor.itemText(editor.currentIndex()) == editor.currentText()
        lots = {lot.id: lot for lot in self._lots()}
        lot_id = editor.currentData() if chosen else None
        if not chosen and text:
            same = [lot for lot in lots.values() if lot.draft.lot_number.casefold() == text.casefold()]
            if len(same) == 1:
                lot_id = same[0].id
            else:  # not (or not only) in the register: kept as the zone's lot text
                model.set_lot(index.row(), None)
                model.setData(index, text, Qt.ItemDataRole.EditRole)
                return
        if lot_id == index.data(LOT_ID_ROLE) and (lot_id is not None or not text or chosen):
            if lot_id is None and chosen:
                model.setData(index, "", Qt.ItemDataRole.EditRole)
            return
        lot = lots.get(lot_id) if lot_id is not None else None
        if lot is not None and not lot.usable:
            self._confirm(index.row(), lot)
            return
        model.set_lot(index.row(), lot_id)
        if lot_id is None:
            model.setData(index, "", Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 320), rect.height())


def lot_choice_text(lot: LotRecord) -> str:
    """ "SB-2407 · Scalp Pigments Co. Soft Black · use by 1 Mar 2028", or "⚠ Expired · OLD-1 · …"."""
    parts = [lot.draft.lot_number, lot.product_title]
    if lot.use_by is not None:
        parts.append(QCoreApplication.translate("LotDelegate", "use by %1").replace("%1", lot.use_by.isoformat()))
        if lot.usable and lot.expires_soon:
            parts[-1] += QCoreApplication.translate("LotDelegate", " (soon)")
    text = " · ".join(parts)
    return text if lot.usable else f"⚠ {lot.problem_text} · {text}"
