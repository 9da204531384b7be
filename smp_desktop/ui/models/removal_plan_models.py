"""Item models of the Removal tab: the client's plans, a plan's sessions (the editor's copy, changed through the
session panel), and the checkable lists of pigment (from the client's records) and assessment photos."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap

from smp_desktop.core.removal_vocabulary import RemovalSessionStatus
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.core.services.removal_data import (
    PigmentSource,
    RemovalPlanSummary,
    RemovalSessionEntry,
    RemovalTargetEntry,
)
from smp_desktop.ui.locale_format import format_date
from smp_desktop.ui.removal_wording import removal_label, tr
from smp_desktop.ui.vocabulary import label

Index = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()
WARNING_COLOUR = QColor(176, 96, 0)


class RemovalPlanListModel(QAbstractListModel):
    """The client's plans, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans: list[RemovalPlanSummary] = []
        self.today: date | None = None

    def set_plans(self, plans: Sequence[RemovalPlanSummary]) -> None:
        self.beginResetModel()
        self._plans = list(plans)
        self.endResetModel()

    def plan_at(self, row: int) -> RemovalPlanSummary | None:
        return self._plans[row] if 0 <= row < len(self._plans) else None

    def row_of(self, plan_id: int) -> int:
        return next((i for i, p in enumerate(self._plans) if p.id == plan_id), -1)

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._plans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        plan = self.plan_at(index.row())
        if plan is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            first = f"{removal_label(plan.method)} — {removal_label(plan.reason)}"
            second = [removal_label(plan.status), format_date(plan.created_at.astimezone().date())]
            second.append(tr("%n done", plan.sessions_done) if plan.sessions_done != 1 else tr("1 done"))
            if plan.next_session_on is not None:
                overdue = self.today is not None and plan.next_session_on < self.today
                text = tr("overdue since %1") if overdue else tr("next %1")
                second.append(text.replace("%1", format_date(plan.next_session_on)))
            return f"{first}\n{' · '.join(second)}"
        if role == Qt.ItemDataRole.ToolTipRole and plan.provider_name:
            return tr("Referred to %1").replace("%1", plan.provider_name)
        return None


NUMBER, STATUS, PLANNED, DONE, WAVELENGTH, FLUENCE, SPOT, RATE, NOTES = range(9)
_HEADERS = ("#", "Status", "Planned", "Done", "nm", "J/cm²", "Spot mm", "Hz", "Notes")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class RemovalSessionModel(QAbstractTableModel):
    """The sessions of the plan being edited, in date order as saved; rows too soon after the previous session
    (see set_warned) are shown in amber with the warning as their tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[RemovalSessionEntry] = []
        self._warnings: dict[int, str] = {}
        self.today: date | None = None  # planned sessions before it show as overdue

    @property
    def sessions(self) -> tuple[RemovalSessionEntry, ...]:
        return tuple(self._sessions)

    def set_sessions(self, sessions: Iterable[RemovalSessionEntry]) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self._warnings = {}
        self.endResetModel()

    def session_at(self, row: int) -> RemovalSessionEntry | None:
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def replace(self, row: int, entry: RemovalSessionEntry) -> None:
        if 0 <= row < len(self._sessions) and self._sessions[row] != entry:
            self._sessions[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(_HEADERS) - 1))

    def append(self, entry: RemovalSessionEntry) -> int:
        row = len(self._sessions)
        self.beginInsertRows(NO_INDEX, row, row)
        self._sessions.append(entry)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._sessions):
            self.beginRemoveRows(NO_INDEX, row, row)
            del self._sessions[row]
            self.endRemoveRows()

    def set_warned(self, warnings: dict[int, str]) -> None:
        if warnings != self._warnings:
            self._warnings = dict(warnings)
            if self._sessions:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._sessions) - 1, len(_HEADERS) - 1))

    def _overdue(self, entry: RemovalSessionEntry) -> bool:
        return (
            self.today is not None
            and entry.status is RemovalSessionStatus.PLANNED
            and entry.planned_on is not None
            and entry.planned_on < self.today
        )

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(_HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.session_at(index.row())
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            done = entry.status is RemovalSessionStatus.DONE
            values = {
                NUMBER: str(index.row() + 1),
                STATUS: tr("Overdue") if self._overdue(entry) else removal_label(entry.status),
                PLANNED: format_date(entry.planned_on),
                DONE: format_date(entry.done_on) if done else "",
                WAVELENGTH: "" if entry.wavelength_nm is None else str(entry.wavelength_nm),
                FLUENCE: _number(entry.fluence_j_cm2),
                SPOT: _number(entry.spot_size_mm),
                RATE: _number(entry.repetition_hz),
                NOTES: " — ".join(t for t in (entry.notes, entry.interval_note) if t).replace("\n", " "),
            }
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and (index.row() in self._warnings or self._overdue(entry)):
            return QBrush(WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and index.row() in self._warnings:
            return self._warnings[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and self._overdue(entry):
            return tr("Planned for a day that has passed: record it as done, move it or cancel it.")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (WAVELENGTH, FLUENCE, SPOT, RATE, NUMBER):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True, slots=True)
class PigmentChoice:
    target: RemovalTargetEntry
    checked: bool


class PigmentPickModel(QAbstractListModel):
    """Pigment the plan removes: every zone of the client's completed sessions (tick to include), plus targets the
    plan already holds that no longer match a session record."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PigmentChoice] = []

    def set_choices(self, sources: Sequence[PigmentSource], chosen: Sequence[RemovalTargetEntry]) -> None:
        by_zone = {t.session_zone_id: t for t in chosen if t.session_zone_id is not None}
        rows = [
            PigmentChoice(by_zone.get(s.session_zone_id, s.as_target()), s.session_zone_id in by_zone) for s in sources
        ]
        known = {s.session_zone_id for s in sources}
        rows += [PigmentChoice(t, True) for t in chosen if t.session_zone_id is None or t.session_zone_id not in known]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def chosen(self) -> tuple[RemovalTargetEntry, ...]:
        return tuple(row.target for row in self._rows if row.checked)

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return pigment_text(row.target)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not 0 <= index.row() < len(self._rows):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        row = self._rows[index.row()]
        self._rows[index.row()] = PigmentChoice(row.target, checked)
        self.dataChanged.emit(index, index, [role])
        return True


def pigment_text(target: RemovalTargetEntry) -> str:
    parts = [label(target.zone) if target.zone is not None else tr("Other area")]
    shade = " ".join(
        t for t in (target.pigment_shade, f"({tr('lot')} {target.pigment_lot})" if target.pigment_lot else "") if t
    )
    if shade:
        parts.append(shade)
    if target.applied_on is not None:
        parts.append(format_date(target.applied_on))
    return " — ".join(parts)


THUMB = 96


class PhotoPickModel(QAbstractListModel):
    """The client's photos as ticked thumbnails: the plan's assessment photos are the ticked ones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._photos: list[PhotoRecord] = []
        self._checked: list[int] = []  # photo ids in the order they were ticked
        self._captions: dict[int, str] = {}
        self._pixmaps: dict[int, QPixmap] = {}

    def set_photos(self, photos: Sequence[PhotoRecord], chosen: Sequence[tuple[int, str]]) -> None:
        self.beginResetModel()
        self._photos = list(photos)
        present = {p.id for p in photos}
        self._checked = [photo_id for photo_id, _ in chosen if photo_id in present]
        self._captions = dict(chosen)
        self.endResetModel()

    def photo_at(self, row: int) -> PhotoRecord | None:
        return self._photos[row] if 0 <= row < len(self._photos) else None

    def set_thumbnail(self, photo_id: int, pixmap: QPixmap) -> None:
        self._pixmaps[photo_id] = pixmap
        row = next((i for i, p in enumerate(self._photos) if p.id == photo_id), -1)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row), [Qt.ItemDataRole.DecorationRole])

    def chosen(self) -> tuple[tuple[int, str], ...]:
        return tuple((photo_id, self._captions.get(photo_id, "")) for photo_id in self._checked)

    def caption(self, row: int) -> str:
        photo = self.photo_at(row)
        return self._captions.get(photo.id, "") if photo is not None else ""

    def set_caption(self, row: int, caption: str) -> None:
        """The photo's caption in the plan (and the document); a captioned photo is an assessment photo."""
        photo = self.photo_at(row)
        if photo is None:
            return
        self._captions[photo.id] = caption.strip()
        if photo.id not in self._checked:
            self._checked.append(photo.id)
        self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._photos)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        photo = self.photo_at(index.row())
        if photo is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [label(photo.view), format_date(photo.taken_at.astimezone().date())]
            caption = self._captions.get(photo.id, "")
            if caption and photo.id in self._checked:
                lines.append(caption if len(caption) <= 18 else caption[:17] + "…")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            caption = self._captions.get(photo.id, "")
            return caption or tr("Double-click to add a caption for the plan")
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(photo.id)
            return QIcon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if photo.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(THUMB + 40, THUMB + 48)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        photo = self.photo_at(index.row())
        if photo is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            if photo.id not in self._checked:
                self._checked.append(photo.id)
        elif photo.id in self._checked:
            self._checked.remove(photo.id)
        self.dataChanged.emit(index, index, [role])
        return True
