"""Item models of the ink register: the catalogue's products (with their swatch), the lots (status, use-by date and
what stands in the way of using them) and a recall's affected clients (contact details, sessions, contact log).
They hold plain records from InkService; the controller loads them through the runner."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from smp_desktop.core.ink import BASE_LABELS, CHANNEL_LABELS, OUTCOME_LABELS, STATUS_LABELS, LotStatus
from smp_desktop.core.services.ink_data import AffectedClient, LotRecord, ProductRecord

AnyIndex = QModelIndex | QPersistentModelIndex
RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 10
WARNING_COLOUR = "#a15c00"
DANGER_COLOUR = "#b3261e"
_swatches: dict[str, QIcon] = {}


def swatch_icon(colour: str) -> QIcon:
    """A rounded square of the product's colour (cached per colour)."""
    icon = _swatches.get(colour)
    if icon is None:
        pixmap = QPixmap(18, 18)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#9a9a9a"))
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(1, 1, 16, 16, 4, 4)
        painter.end()
        icon = _swatches[colour] = QIcon(pixmap)
    return icon


class _RecordTable(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int) -> int:
        ids = [getattr(r, "id", getattr(r, "client_id", None)) for r in self._rows]
        return ids.index(record_id) if record_id in ids else -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.headers[section])
        return None


class ProductTableModel(_RecordTable):
    headers = ("Brand", "Product", "Pigment base", "Lots usable", "Suggested dilutions")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        product: ProductRecord | None = self.record(index.row()) if index.isValid() else None
        if product is None:
            return None
        column, draft = index.column(), product.draft
        if role == RECORD_ROLE:
            return product
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                draft.brand,
                draft.name,
                BASE_LABELS[draft.pigment_base],
                f"{product.usable_lot_count} of {product.lot_count}",
                draft.suggested_dilutions,
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return swatch_icon(draft.swatch)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (product.title, draft.notes) if x)
        if role == Qt.ItemDataRole.ForegroundRole and product.archived:
            return QColor("#8a8a8a")
        return None


class LotTableModel(_RecordTable):
    headers = ("Lot", "Product", "Supplier", "Use by", "Status", "Can be used", "Used in zones")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        lot: LotRecord | None = self.record(index.row()) if index.isValid() else None
        if lot is None:
            return None
        column = index.column()
        if role == RECORD_ROLE:
            return lot
        if role == Qt.ItemDataRole.DisplayRole:
            use_by = lot.use_by.isoformat() if lot.use_by else "—"
            if lot.expires_soon:
                use_by += "  (soon)"
            usable = self.tr("Yes") if lot.usable else f"⚠ {lot.problem_text}"
            return (lot.draft.lot_number, lot.product_title, lot.draft.supplier, use_by,
                    self.tr(STATUS_LABELS[lot.shown_status]), usable, str(lot.times_used))[column]  # fmt: skip
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return swatch_icon(lot.swatch)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5 and not lot.usable:
                return QColor(DANGER_COLOUR if lot.shown_status is LotStatus.RECALLED else WARNING_COLOUR)
            if column == 3 and (lot.expires_soon or lot.shown_status is LotStatus.EXPIRED):
                return QColor(WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and not lot.usable:
            gaps = ", ".join(g.label for g in lot.label_gaps)
            lines = [lot.problem_text]
            if gaps:
                lines.append(self.tr("Label not confirmed: %1").replace("%1", gaps))
            if lot.recall is not None:
                lines.append(self.tr("Recalled on %1: %2").replace("%1", lot.recall.recalled_on.isoformat())
                             .replace("%2", lot.recall.reason))  # fmt: skip
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RecallClientModel(_RecordTable):
    headers = ("Client", "Phone", "E-mail", "Address", "Sessions", "Contact attempts", "Informed")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        client: AffectedClient | None = self.record(index.row()) if index.isValid() else None
        if client is None:
            return None
        column = index.column()
        if role == RECORD_ROLE:
            return client
        if role == Qt.ItemDataRole.DisplayRole:
            sessions = "; ".join(s.starts_at.astimezone().date().isoformat() for s in client.sessions)
            last = client.last_contact
            contacts = (
                self.tr("None yet")
                if last is None
                else f"{len(client.contacts)} · {self.tr(CHANNEL_LABELS[last.channel])}: "
                f"{self.tr(OUTCOME_LABELS[last.outcome])}"
            )
            informed = self.tr("Yes") if client.informed else self.tr("Not yet")
            return (client.name, client.phone, client.email, client.address, sessions, contacts, informed)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 6:
            return QColor("#1e7d32") if client.informed else QColor(DANGER_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and client.contacts:
            return "\n".join(
                f"{c.attempt}. {c.at.astimezone():%Y-%m-%d %H:%M} {CHANNEL_LABELS[c.channel]}: "
                f"{OUTCOME_LABELS[c.outcome]} ({c.by_name}){' — ' + c.note if c.note else ''}"
                for c in client.contacts
            )
        return None
