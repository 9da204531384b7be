"""The zones of the session editor as an editable table: zone, pigment shade and lot, dilution, needle, machine
settings, depth, density and notes, one row per zone treated.

The lot is picked from the ink register (`set_lot`, through the lot column's picker): the shade and lot text then
come from the lot, and a lot that may not be used (expired, recalled, used up, label incomplete) shows a warning
and the reason the artist gave for using it anyway.

The dilution is kept as typed ("3 : 1") until the session is saved, so that a half-typed mix is reported under the
table rather than silently dropped; `entries()` reads the rows back and names the rows that cannot be read."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from smp_desktop.core.domain import ScalpZone
from smp_desktop.core.services.ink_data import LotRecord, MixRecord
from smp_desktop.core.services.session_data import ZoneEntry
from smp_desktop.ui.vocabulary import label

AnyIndex = QModelIndex | QPersistentModelIndex

ZONE, SHADE, LOT, DILUTION, NEEDLE, VOLTAGE, STROKE, SPEED, DEPTH, DENSITY, NOTES = range(11)
COLUMN_COUNT = 11
INVALID_BACKGROUND = "#fdeeee"  # the client form's invalid-field tint
OVERRIDE_BACKGROUND = "#fff4d6"  # a lot used anyway, with its reason
LOT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the lot column's lot id (None: no register lot)
TEXT_COLUMNS = {
    SHADE: "pigment_shade",
    LOT: "pigment_lot",
    NEEDLE: "needle",
    SPEED: "machine_speed",
    DEPTH: "depth_notes",
    DENSITY: "dot_density",
    NOTES: "notes",
}
NUMBER_COLUMNS = {VOLTAGE: "machine_voltage", STROKE: "machine_stroke_mm"}
# The problem's "column" parameter (core/services/session_validation.py) → the table's column.
PROBLEM_COLUMNS = {
    "dilution": DILUTION,
    "voltage": VOLTAGE,
    "stroke": STROKE,
    **{name: column for column, name in TEXT_COLUMNS.items()},
    "lot": LOT,
    "lot_override_reason": LOT,
}

_NUMBER = r"\d+(?:[.,]\d+)?"
_DILUTION = re.compile(rf"^\s*({_NUMBER})\s*[:/]\s*({_NUMBER})\s*$")


def format_number(value: float | None) -> str:
    """A number in the locale's digits without needless decimals: 3, 2.5, 7.8."""
    if value is None:
        return ""
    return QLocale().toString(float(value), "g", 6)


def format_dilution(water: float | None, pigment: float | None) -> str:
    if water is None or pigment is None:
        return ""
    return f"{format_number(water)} : {format_number(pigment)}"


def parse_dilution(text: str) -> tuple[float, float] | None:
    """ "3:1", "3 : 1", "2,5:1" or "3/1" → (3.0, 1.0); None when it is not a mix."""
    found = _DILUTION.match(text)
    if found is None:
        return None
    return float(found.group(1).replace(",", ".")), float(found.group(2).replace(",", "."))


@dataclass(frozen=True, slots=True)
class ZoneRow:
    """One row: the zone as it will be saved, and its dilution as typed."""

    entry: ZoneEntry
    dilution_text: str = ""

    @classmethod
    def of(cls, entry: ZoneEntry) -> ZoneRow:
        return cls(entry, format_dilution(entry.dilution_water_parts, entry.dilution_pigment_parts))


class ZoneTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ZoneRow] = []
        self._editable = True
        self._invalid: set[tuple[int, int]] = set()
        self._lots: dict[int, LotRecord] = {}

    # --- what the controller uses ---------------------------------------------------------------------------
    def set_zones(self, zones: Iterable[ZoneEntry]) -> None:
        self.beginResetModel()
        self._rows = [ZoneRow.of(zone) for zone in zones]
        self._invalid.clear()
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    # --- the ink register -----------------------------------------------------------------------------------
    def set_lots(self, lots: Iterable[LotRecord]) -> None:
        """The register's lots, for the names and warnings the lot column shows."""
        self._lots = {lot.id: lot for lot in lots}
        if self._rows:
            self.dataChanged.emit(self.index(0, SHADE), self.index(len(self._rows) - 1, LOT))

    def lot(self, lot_id: int | None) -> LotRecord | None:
        return None if lot_id is None else self._lots.get(lot_id)

    def set_lot(self, row: int, lot_id: int | None, reason: str = "") -> None:
        """Give the zone a register lot (its shade and lot text follow), or none (None: the text stays to edit)."""
        if not 0 <= row < len(self._rows):
            return
        entry = self._rows[row].entry
        lot = self.lot(lot_id)
        if lot is None:
            entry = entry.replace(lot_id=None, lot_override_reason="")
        else:
            entry = entry.replace(
                lot_id=lot.id,
                lot_override_reason=reason.strip(),
                pigment_shade=lot.product_title[:200],
                pigment_lot=lot.draft.lot_number[:100],
            )
        self._rows[row] = replace(self._rows[row], entry=entry)
        self._invalid.discard((row, LOT))
        self.dataChanged.emit(self.index(row, SHADE), self.index(row, LOT))

    def apply_mixes(self, mixes: Iterable[MixRecord], lot_for_product: dict[int, int]) -> int:
        """The client's last mix per zone into the rows of the same zones (all mixes as new rows when the table
        is empty): the product's usable lot when there is one, the dilution and the notes. Returns the rows
        changed or added."""
        mixes = list(mixes)
        if not mixes:
            return 0
        if not self._rows:
            self.beginResetModel()
            self._rows = [ZoneRow(ZoneEntry(mix.zone)) for mix in mixes]
            self.endResetModel()
        by_zone = {mix.zone: mix for mix in mixes}
        changed = 0
        for number, row in enumerate(self._rows):
            mix = by_zone.get(row.entry.zone)
            if mix is None:
                continue
            entry = row.entry.replace(
                dilution_water_parts=mix.dilution_water_parts,
                dilution_pigment_parts=mix.dilution_pigment_parts,
                notes=mix.notes or row.entry.notes,
                lot_id=None,
                lot_override_reason="",
                pigment_shade=(mix.product_title or mix.pigment_shade)[:200],
                pigment_lot="",
            )
            self._rows[number] = ZoneRow.of(entry)
            lot_id = lot_for_product.get(mix.product_id) if mix.product_id is not None else None
            if lot_id is not None:
                self.set_lot(number, lot_id)
            changed += 1
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))
        return changed

    def add_zone(self, zone: ScalpZone) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(ZoneRow(ZoneEntry(zone)))
        self.endInsertRows()
        return row

    def remove_zone(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._invalid = {(r if r < row else r - 1, c) for r, c in self._invalid if r != row}
            self.endRemoveRows()

    def unused_zone(self) -> ScalpZone:
        """The first zone not in the table yet (a new row starts there)."""
        used = {row.entry.zone for row in self._rows}
        return next((zone for zone in ScalpZone if zone not in used), ScalpZone.HAIRLINE)

    def entries(self) -> tuple[tuple[ZoneEntry, ...], list[int]]:
        """The zones as they would be saved, and the (0-based) rows whose dilution cannot be read."""
        entries, unreadable = [], []
        for number, row in enumerate(self._rows):
            entry = row.entry
            text = row.dilution_text.strip()
            mix = parse_dilution(text) if text else None
            if text and mix is None:
                unreadable.append(number)
            water, pigment = mix if mix is not None else (None, None)
            entries.append(entry.replace(dilution_water_parts=water, dilution_pigment_parts=pigment))
        return tuple(entries), unreadable

    def mark_invalid(self, cells: Iterable[tuple[int, int]]) -> None:
        """Cells with a problem are tinted until they are edited."""
        self._invalid = set(cells)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    # --- QAbstractTableModel --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == SHADE and index.row() < len(self._rows) and self._rows[index.row()].entry.lot_id:
            return flags  # the shade is the lot's product
        return flags | Qt.ItemFlag.ItemIsEditable if self._editable else flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        entry = row.entry
        lot = self.lot(entry.lot_id)
        if column == LOT and role == LOT_ID_ROLE:
            return entry.lot_id
        if column == LOT and entry.lot_id is not None:
            warned = lot is not None and not lot.usable
            if role == Qt.ItemDataRole.DisplayRole:
                return f"⚠ {entry.pigment_lot}" if warned or entry.lot_override_reason else entry.pigment_lot
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [lot.title if lot else entry.pigment_lot]
                if lot is not None and not lot.usable:
                    lines.append(self.tr("Not usable: %1").replace("%1", lot.problem_text))
                if entry.lot_override_reason:
                    lines.append(self.tr("Used anyway because: %1").replace("%1", entry.lot_override_reason))
                return "\n".join(lines)
            if role == Qt.ItemDataRole.BackgroundRole and (index.row(), column) not in self._invalid:
                return QColor(OVERRIDE_BACKGROUND) if warned or entry.lot_override_reason else None
        if role == Qt.ItemDataRole.DecorationRole and column == SHADE and lot is not None:
            return QColor(lot.swatch)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ZONE:
                return label(entry.zone)
            if column == DILUTION:
                return row.dilution_text
            if column in NUMBER_COLUMNS:
                value = getattr(entry, NUMBER_COLUMNS[column])
                unit = "V" if column == VOLTAGE else "mm"
                return f"{format_number(value)} {unit}" if value is not None else ""
            return getattr(entry, TEXT_COLUMNS[column]).replace("\n", " ⏎ ")
        if role == Qt.ItemDataRole.EditRole:
            if column == ZONE:
                return entry.zone.value
            if column == DILUTION:
                return row.dilution_text
            if column in NUMBER_COLUMNS:
                return getattr(entry, NUMBER_COLUMNS[column])
            return getattr(entry, TEXT_COLUMNS[column])
        if role == Qt.ItemDataRole.ToolTipRole and column in (DEPTH, NOTES, SHADE):
            return getattr(entry, TEXT_COLUMNS[column]) or None
        if role == Qt.ItemDataRole.BackgroundRole and (index.row(), column) in self._invalid:
            return QColor(INVALID_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DILUTION, *NUMBER_COLUMNS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self._editable:
            return False
        row, column = self._rows[index.row()], index.column()
        if column == ZONE:
            changed = replace(row, entry=row.entry.replace(zone=ScalpZone(value)))
        elif column == DILUTION:
            changed = replace(row, dilution_text=str(value).strip())
        elif column in NUMBER_COLUMNS:
            number = None if value in (None, "") or float(value) <= 0 else float(value)
            changed = replace(row, entry=row.entry.replace(**{NUMBER_COLUMNS[column]: number}))
        else:
            changed = replace(row, entry=row.entry.replace(**{TEXT_COLUMNS[column]: str(value)}))
        self._invalid.discard((index.row(), column))
        if changed == row:
            return False
        self._rows[index.row()] = changed
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == LOT:
            return self.tr("The lot from the ink register: usable lots are listed first")
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                ZONE: self.tr("Zone"),
                SHADE: self.tr("Pigment shade"),
                LOT: self.tr("Lot"),
                DILUTION: self.tr("Water : pigment"),
                NEEDLE: self.tr("Needle"),
                VOLTAGE: self.tr("Voltage"),
                STROKE: self.tr("Stroke"),
                SPEED: self.tr("Speed"),
                DEPTH: self.tr("Depth"),
                DENSITY: self.tr("Dot density"),
                NOTES: self.tr("Notes"),
            }.get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                DILUTION: self.tr("Dilution: parts distilled water to parts pigment, e.g. 3 : 1"),
                NEEDLE: self.tr("Needle configuration, e.g. 1RL 0.25 mm"),
                VOLTAGE: self.tr("Machine voltage (rotary and coil machines)"),
                STROKE: self.tr("Stroke length (pen machines)"),
                SPEED: self.tr("Machine speed as the machine shows it: Hz, rpm or a level"),
            }.get(section)
        return None
