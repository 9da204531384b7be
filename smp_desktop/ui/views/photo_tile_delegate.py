"""How the gallery paints its items: a photo tile (thumbnail, title, date and consent badges) and a group's header
that spans the row. A thumbnail still loading shows a quiet placeholder."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.ui.models.photo_gallery_model import GalleryRow, PhotoGalleryModel, RowKind

AnyIndex = QModelIndex | QPersistentModelIndex

THUMB_WIDTH, THUMB_HEIGHT = 184, 138  # the thumbnail's box (4:3, as phones shoot); taller photos fit inside it
PADDING = 6
CLINICAL_COLOUR = QColor("#2e7d4f")
MARKETING_COLOUR = QColor("#2f5fb3")
NO_CONSENT_COLOUR = QColor("#8a6d1f")


TILE_CACHE_LIMIT = 400


class PhotoTileDelegate(QStyledItemDelegate):
    """Each tile is drawn once into a pixmap and blitted afterwards: scrolling a long gallery, or thumbnails
    arriving while it scrolls, repaints dozens of tiles a frame, and Python drawing code is too slow for that."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._tiles: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._line_heights: dict[str, int] = {}

    # --- sizes ----------------------------------------------------------------------------------------------
    def _full_width(self) -> int:
        # A header takes the whole row, so the next tile wraps under it.
        return max(THUMB_WIDTH, self._view.viewport().width() - 2 * self._view.spacing() - 2)

    @staticmethod
    def _row(index: AnyIndex) -> GalleryRow | None:
        model = index.model()
        return model.row_at(index.row()) if isinstance(model, PhotoGalleryModel) else None

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        row = self._row(index)
        kind = row.kind if row is not None else RowKind.PHOTO
        line = self._line_height(option.font)
        if kind is RowKind.SESSION:
            return QSize(self._full_width(), int(line * 1.3) + 22)
        return QSize(THUMB_WIDTH + 2 * PADDING, THUMB_HEIGHT + 2 * line + 3 * PADDING + 2)

    def _line_height(self, font: QFont) -> int:
        key = font.key()
        height = self._line_heights.get(key)
        if height is None:
            height = self._line_heights[key] = QFontMetrics(font).height()
        return height

    # --- painting -------------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        row = self._row(index)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        try:
            if row.kind is RowKind.SESSION:
                self._paint_header(painter, option, row)
            elif row.photo is not None:
                self._paint_tile(painter, option, row, row.photo)
        finally:
            painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, row: GalleryRow) -> None:
        rect = option.rect.adjusted(4, 10, -4, 0)
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        title = row.title
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        title_width = QFontMetrics(font).horizontalAdvance(title)
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        detail_rect = rect.adjusted(title_width + 12, 0, 0, 0)
        baseline_offset = QFontMetrics(font).ascent() - QFontMetrics(option.font).ascent()
        painter.drawText(
            detail_rect.adjusted(0, baseline_offset, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            row.detail,
        )
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
        bottom = option.rect.bottom() - 2
        painter.drawLine(option.rect.left() + 4, bottom, option.rect.right() - 4, bottom)

    def _paint_tile(self, painter: QPainter, option: QStyleOptionViewItem, row: GalleryRow, photo: PhotoRecord) -> None:
        rect = option.rect.adjusted(2, 2, -2, -2)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            highlight = palette.color(QPalette.ColorRole.Highlight)
            fill = QColor(highlight)
            fill.setAlpha(60)
            painter.setBrush(fill)
            painter.setPen(QPen(highlight, 2))
            painter.drawRoundedRect(QRectF(rect), 6, 6)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(rect), 6, 6)
        model = self._view.model()
        pixmap = model.thumbnail(photo.id) if isinstance(model, PhotoGalleryModel) else None
        failed = pixmap is None and isinstance(model, PhotoGalleryModel) and model.thumbnail_failed(photo.id)
        state = pixmap.cacheKey() if pixmap is not None else (-1 if failed else 0)
        key = (photo, row.title, row.detail, state, option.font.key(), palette.cacheKey(), rect.size().toTuple())
        tile = self._tiles.get(key)
        if tile is None:
            tile = self._render_tile(option, rect.size(), row, photo, pixmap, failed)
            self._tiles[key] = tile
            while len(self._tiles) > TILE_CACHE_LIMIT:
                self._tiles.popitem(last=False)
        else:
            self._tiles.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), tile)

    def _render_tile(
        self,
        option: QStyleOptionViewItem,
        size: QSize,
        row: GalleryRow,
        photo: PhotoRecord,
        pixmap: QPixmap | None,
        failed: bool,
    ) -> QPixmap:
        ratio = self._view.devicePixelRatioF()
        tile = QPixmap(size * ratio)
        tile.setDevicePixelRatio(ratio)
        tile.fill(Qt.GlobalColor.transparent)
        painter = QPainter(tile)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        palette = option.palette
        box = QRect(PADDING - 2, PADDING - 2, THUMB_WIDTH, THUMB_HEIGHT)
        if pixmap is not None and not pixmap.isNull():
            shown = pixmap.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, shown.width(), shown.height())
            target.moveCenter(box.center())
            painter.drawPixmap(target, pixmap)
            image_rect = target
        else:
            self._paint_placeholder(painter, box, palette, failed=failed)
            image_rect = box
        self._paint_badges(painter, option, image_rect, photo)

        metrics = QFontMetrics(option.font)
        text_rect = QRect(box.left(), box.bottom() + PADDING, box.width(), metrics.height())
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = QFontMetrics(bold).elidedText(row.title, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            text_rect.translated(0, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            row.detail,
        )
        painter.end()
        return tile

    def _paint_placeholder(self, painter: QPainter, box: QRect, palette: QPalette, *, failed: bool) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(QRectF(box), 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        text = self.tr("Preview unavailable") if failed else self.tr("Loading…")
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_badges(self, painter: QPainter, option: QStyleOptionViewItem, image: QRect, photo: PhotoRecord) -> None:
        badges: list[tuple[str, QColor]] = []
        tr = self.tr
        if photo.clinical_consent:
            badges.append((tr("Clinical"), CLINICAL_COLOUR))
        if photo.marketing_consent:
            badges.append((tr("Marketing"), MARKETING_COLOUR))
        if not badges:
            badges.append((tr("No consent"), NO_CONSENT_COLOUR))
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        painter.setFont(font)
        x = image.left() + 5
        bottom = image.bottom() - 5
        for text, colour in badges:
            width = metrics.horizontalAdvance(text) + 10
            pill = QRectF(x, bottom - metrics.height() - 2, width, metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(pill, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 4
