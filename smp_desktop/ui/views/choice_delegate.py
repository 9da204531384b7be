"""A table cell edited with a drop-down of one of the studio's stored choices (scar kinds, scalp zones...)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from smp_desktop.ui.vocabulary import label

AnyIndex = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """The cell's edit role holds the choice's stored value; the drop-down shows every choice's label."""

    def __init__(self, choices: type[StrEnum], parent: QObject | None = None, *, editor_name: str = "") -> None:
        super().__init__(parent)
        self._choices = choices
        self._editor_name = editor_name

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QComboBox(parent)
        if self._editor_name:
            editor.setObjectName(self._editor_name)
        for choice in self._choices:
            editor.addItem(label(choice), choice.value)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
