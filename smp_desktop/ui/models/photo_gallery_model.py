"""A client's photos as one list with section headers, grouped by session (newest first, then the photos linked to
no session; within a session by standard view) or by view (each view's photos across sessions, oldest first).

The model holds plain PhotoRecords handed in by the controller; thumbnails come from a ThumbnailCache that loads
them off the GUI thread the first time an item is painted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPixmap

from smp_desktop.core.domain import PhotoView, SessionKind
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.ui.locale_format import format_count, format_date
from smp_desktop.ui.models.photo_thumbnails import ThumbnailCache
from smp_desktop.ui.vocabulary import label

AnyIndex = QModelIndex | QPersistentModelIndex

RowKindRole = Qt.ItemDataRole.UserRole + 1
PhotoIdRole = Qt.ItemDataRole.UserRole + 2
PhotoRole = Qt.ItemDataRole.UserRole + 3  # the PhotoRecord
DetailRole = Qt.ItemDataRole.UserRole + 4  # a header's count, a photo's date
ThumbnailFailedRole = Qt.ItemDataRole.UserRole + 5


class RowKind(Enum):
    SESSION = auto()  # a group's header: a session (or "Not linked to a session"), or a view
    PHOTO = auto()


class Grouping(Enum):
    SESSION = "session"  # each session's photos, by view: what was done that day
    VIEW = "view"  # each view's photos across sessions, oldest first: how the scalp changed


@dataclass(frozen=True, slots=True)
class SessionLabel:
    """What the gallery and the tag editor show of a session: its date and kind."""

    id: int
    starts_at: datetime
    kind: SessionKind


def session_title(session: SessionLabel | None) -> str:
    if session is None:
        return QCoreApplication.translate("PhotoGallery", "Not linked to a session")
    return f"{label(session.kind)} · {format_date(session.starts_at.astimezone().date())}"


def photo_date(photo: PhotoRecord) -> str:
    return format_date(photo.taken_at.astimezone().date())


@dataclass(frozen=True, slots=True)
class GalleryRow:
    """One item: a group's header or a photo's tile."""

    kind: RowKind
    title: str = ""
    detail: str = ""
    photo: PhotoRecord | None = None


_VIEW_ORDER = {view: position for position, view in enumerate(PhotoView)}


class PhotoGalleryModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailCache, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GalleryRow] = []
        self._photo_rows: dict[int, int] = {}
        self._photos: list[PhotoRecord] = []
        self._sessions: dict[int, SessionLabel] = {}
        self._grouping = Grouping.SESSION
        self._thumbnails = thumbnails

    # --- what the controller sets and reads -----------------------------------------------------------------
    def show_photos(self, photos: Sequence[PhotoRecord], sessions: Mapping[int, SessionLabel]) -> None:
        self.beginResetModel()
        self._photos = list(photos)
        self._sessions = dict(sessions)
        self._rows = self._grouped(photos, sessions)
        self._photo_rows = {row.photo.id: n for n, row in enumerate(self._rows) if row.photo is not None}
        self.endResetModel()

    def photos(self) -> list[PhotoRecord]:
        """Every photo, in the gallery's order."""
        return [row.photo for row in self._rows if row.photo is not None]

    def row_at(self, row: int) -> GalleryRow | None:
        """The item itself, for the delegate. Painting reads it directly: PySide6 6.12 on Python 3.11 loses a
        reference to None each time a QVariant-less role comes back through index.data(), and a gallery
        repainting its tiles would soon bring the interpreter down."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def thumbnail(self, photo: PhotoRecord, ratio: float | None = None) -> QPixmap | None:
        """The tile's picture of the photo's thumbnail, at this pixel ratio, when it is ready (asked for in the
        background when it is not)."""
        return self._thumbnails.pixmap(photo, ratio)

    def thumbnail_failed(self, photo_id: int) -> bool:
        return self._thumbnails.failed(photo_id)

    def photo_at(self, row: int) -> PhotoRecord | None:
        return self._rows[row].photo if 0 <= row < len(self._rows) else None

    def row_of(self, photo_id: int) -> int | None:
        return self._photo_rows.get(photo_id)

    def photo_count(self) -> int:
        return len(self._photo_rows)

    def headers(self) -> list[tuple[RowKind, str, str]]:
        return [(row.kind, row.title, row.detail) for row in self._rows if row.kind is not RowKind.PHOTO]

    # --- grouping -------------------------------------------------------------------------------------------
    def set_grouping(self, grouping: Grouping) -> None:
        if grouping is self._grouping:
            return
        self.beginResetModel()
        self._grouping = grouping
        self._rows = self._grouped(self._photos, self._sessions)
        self._photo_rows = {row.photo.id: n for n, row in enumerate(self._rows) if row.photo is not None}
        self.endResetModel()

    @property
    def grouping(self) -> Grouping:
        return self._grouping

    def _grouped(self, photos: Sequence[PhotoRecord], sessions: Mapping[int, SessionLabel]) -> list[GalleryRow]:
        def session_of(photo: PhotoRecord) -> int | None:
            # A photo whose session the list does not know (cancelled and hidden, say) still shows, unlinked.
            return photo.session_id if photo.session_id in sessions else None

        def newest_first(key: int | None) -> tuple[int, float]:
            return (1, 0.0) if key is None else (0, -sessions[key].starts_at.timestamp())

        def view_order(view: PhotoView) -> int:
            return _VIEW_ORDER.get(view, len(_VIEW_ORDER))

        def taken(photo: PhotoRecord) -> tuple[datetime, int]:
            return (photo.taken_at, photo.id)

        rows: list[GalleryRow] = []
        if self._grouping is Grouping.SESSION:
            by_session: dict[int | None, list[PhotoRecord]] = {}
            for photo in photos:
                by_session.setdefault(session_of(photo), []).append(photo)
            for key in sorted(by_session, key=newest_first):
                members = sorted(by_session[key], key=lambda p: (view_order(p.view), p.taken_at, p.id))
                title = session_title(sessions.get(key) if key is not None else None)
                rows.append(GalleryRow(RowKind.SESSION, title, photo_count_text(len(members))))
                rows.extend(GalleryRow(RowKind.PHOTO, label(p.view), photo_date(p), p) for p in members)
        else:
            by_view: dict[PhotoView, list[PhotoRecord]] = {}
            for photo in photos:
                by_view.setdefault(photo.view, []).append(photo)
            for view in sorted(by_view, key=view_order):
                members = sorted(by_view[view], key=taken)
                rows.append(GalleryRow(RowKind.SESSION, label(view), photo_count_text(len(members))))
                for p in members:
                    key = session_of(p)
                    where = session_title(sessions[key]) if key is not None else photo_date(p)
                    rows.append(GalleryRow(RowKind.PHOTO, where, photo_date(p) if key is not None else "", p))
        return rows

    # --- QAbstractListModel ---------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if self._rows[index.row()].kind is RowKind.PHOTO:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled  # headers: shown, never selected

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        photo = row.photo
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == DetailRole:
            return row.detail
        if role == RowKindRole:
            return row.kind
        if photo is None:
            return None
        if role == PhotoIdRole:
            return photo.id
        if role == PhotoRole:
            return photo
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.pixmap(photo)
        if role == ThumbnailFailedRole:
            return self._thumbnails.failed(photo.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(photo)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}, {row.detail}"
        return None

    def _tooltip(self, photo: PhotoRecord) -> str:
        consents = []
        if photo.clinical_consent:
            consents.append(self.tr("clinical record"))
        if photo.marketing_consent:
            consents.append(self.tr("marketing"))
        lines = [f"{label(photo.view)} · {photo_date(photo)}", photo.original_filename]
        lines.append(self.tr("Consent: %1").replace("%1", ", ".join(consents)) if consents else self.tr("No consent"))
        if photo.note:
            lines.append(photo.note)
        return "\n".join(line for line in lines if line)


def photo_count_text(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("PhotoGallery", "1 photo")
    return QCoreApplication.translate("PhotoGallery", "%1 photos").replace("%1", format_count(count))
