"""How the gallery paints its items: a photo tile (thumbnail, title, date and consent badges) and a group's header
that spans the row. A thumbnail still loading shows a quiet placeholder.

Painting a tile on the GUI thread is a handful of blits: the thumbnail's picture comes already fitted to the tile
(`tile_picture`, run on the worker that read the thumbnail: QImage painting is thread-safe), and the placeholder, the
badges and each title and date are drawn once into small pixmaps and reused. A worker busy in Python makes every
Python step of the GUI thread wait for the interpreter lock, so a screenful of tiles drawn in Python on every scroll
stalled the gallery; blits keep that step short."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.ui.models.photo_gallery_model import GalleryRow, PhotoGalleryModel, RowKind

AnyIndex = QModelIndex | QPersistentModelIndex

THUMB_WIDTH, THUMB_HEIGHT = 184, 138  # the thumbnail's box (4:3, as phones shoot); taller photos fit inside it
PADDING = 6
CLINICAL_COLOUR = QColor("#2e7d4f")
MARKETING_COLOUR = QColor("#2f5fb3")
NO_CONSENT_COLOUR = QColor("#8a6d1f")
TEXT_MARGIN = 4  # room above and below a line's box in its pixmap: tall accents (Ǻ, Ḯ) are not cut

# The small pixmaps kept (titles and dates are few: views, sessions, days; badges and placeholders fewer still).
PART_CACHE_LIMIT = 600


def fitted_size(size: QSize) -> QSize:
    """The size a picture of this size is shown at in a tile's box (kept whole, as large as fits)."""
    return size.scaled(QSize(THUMB_WIDTH, THUMB_HEIGHT), Qt.AspectRatioMode.KeepAspectRatio)


def tile_picture(thumbnail: QImage, ratio: float) -> QImage:
    """The thumbnail as its tile shows it: fitted to the tile's box at the screen's pixel ratio, smoothly scaled.
    Made on the worker thread that read the thumbnail (QImage and QPainter on a QImage are thread-safe), so the GUI
    thread's paint is one blit. A null image stays null (the tile then says the preview is unavailable)."""
    if thumbnail.isNull():
        return thumbnail
    shown = fitted_size(thumbnail.size())
    width, height = max(1, round(shown.width() * ratio)), max(1, round(shown.height() * ratio))
    picture = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(QRect(0, 0, shown.width(), shown.height()), thumbnail)
    painter.end()
    return picture


@dataclass(frozen=True, slots=True)
class _Pass:
    """What every tile of one paint event shares: the view's font and palette (with their keys) and pixel ratio."""

    font: QFont
    font_key: str
    palette: QPalette
    palette_key: int
    ratio: float


class PhotoTileDelegate(QStyledItemDelegate):
    """Tiles are put together from cached parts: the thumbnail's picture (fitted on a worker), the placeholder,
    the badge row and the title and date lines (each drawn once). Scrolling a long gallery, or thumbnails arriving
    while it scrolls, repaints dozens of tiles a frame, and Python drawing code is too slow for that."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._parts: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._line_heights: dict[str, int] = {}
        self._sizes: tuple[QSize, int] | None = None  # a tile's size and a header's height in the view's font
        self._pass: _Pass | None = None

    def restyled(self) -> None:
        """The view's font or style changed: sizes are measured again (the parts are keyed by font and palette)."""
        self._sizes = None

    def begin_pass(self) -> None:
        """A paint event starts: the view's font, palette and pixel ratio are read once for all its tiles."""
        view = self._view
        font, palette = view.font(), view.palette()
        self._pass = _Pass(font, font.key(), palette, palette.cacheKey(), view.devicePixelRatioF())

    def end_pass(self) -> None:
        self._pass = None

    def _style(self, option: QStyleOptionViewItem) -> _Pass:
        # Outside a paint event of the grid (a grab of one item, say), from the item's own option.
        if self._pass is not None:
            return self._pass
        font, palette = option.font, option.palette
        return _Pass(font, font.key(), palette, palette.cacheKey(), self._view.devicePixelRatioF())

    # --- sizes ----------------------------------------------------------------------------------------------
    def _full_width(self) -> int:
        # A header takes the whole row, so the next tile wraps under it.
        return max(THUMB_WIDTH, self._view.viewport().width() - 2 * self._view.spacing() - 2)

    @staticmethod
    def _row(index: AnyIndex) -> GalleryRow | None:
        model = index.model()
        return model.row_at(index.row()) if isinstance(model, PhotoGalleryModel) else None

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        # Asked for every item shown, on every paint (a list view with items of their own sizes keeps no sizes):
        # measured once per font.
        sizes = self._sizes
        if sizes is None:
            line = self._line_height(option.font)
            tile = QSize(THUMB_WIDTH + 2 * PADDING, THUMB_HEIGHT + 2 * line + 3 * PADDING + 2)
            sizes = self._sizes = (tile, int(line * 1.3) + 22)
        row = self._row(index)
        if row is not None and row.kind is RowKind.SESSION:
            return QSize(self._full_width(), sizes[1])
        return sizes[0]

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
        style = self._style(option)
        if row.kind is RowKind.SESSION:
            rect = option.rect
            header = self._part(
                ("header", row.title, row.detail, rect.width(), rect.height(), style.font_key, style.palette_key,
                 style.ratio),
                lambda: self._header(row, rect.size(), style),
            )  # fmt: skip
            painter.drawPixmap(rect.topLeft(), header)
        elif row.photo is not None:
            painter.save()
            try:
                self._paint_tile(painter, option, row, row.photo, style)
            finally:
                painter.restore()

    def _header(self, row: GalleryRow, size: QSize, style: _Pass) -> QPixmap:
        canvas, painter = self._canvas(size.width(), size.height(), style.ratio)
        area = QRect(0, 0, size.width(), size.height())
        rect = area.adjusted(4, 10, -4, 0)
        base, palette = style.font, style.palette
        font = QFont(base)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = row.title
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        title_width = QFontMetrics(font).horizontalAdvance(title)
        painter.setFont(base)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        detail_rect = rect.adjusted(title_width + 12, 0, 0, 0)
        baseline_offset = QFontMetrics(font).ascent() - QFontMetrics(base).ascent()
        painter.drawText(
            detail_rect.adjusted(0, baseline_offset, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            row.detail,
        )
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        bottom = area.bottom() - 2
        painter.drawLine(area.left() + 4, bottom, area.right() - 4, bottom)
        painter.end()
        return canvas

    def _paint_tile(
        self, painter: QPainter, option: QStyleOptionViewItem, row: GalleryRow, photo: PhotoRecord, style: _Pass
    ) -> None:
        rect = option.rect.adjusted(2, 2, -2, -2)
        palette = style.palette
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            highlight = palette.color(QPalette.ColorRole.Highlight)
            fill = QColor(highlight)
            fill.setAlpha(60)
            painter.setBrush(fill)
            painter.setPen(QPen(highlight, 2))
            painter.drawRoundedRect(QRectF(rect), 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(rect), 6, 6)
        ratio, font, font_key, palette_key = style.ratio, style.font, style.font_key, style.palette_key
        model = self._view.model()
        picture = model.thumbnail(photo, ratio) if isinstance(model, PhotoGalleryModel) else None
        box = QRect(rect.left() + PADDING - 2, rect.top() + PADDING - 2, THUMB_WIDTH, THUMB_HEIGHT)
        if picture is not None and not picture.isNull():
            shown = picture.deviceIndependentSize().toSize()
            image_rect = QRect(0, 0, shown.width(), shown.height())
            image_rect.moveCenter(box.center())
            if picture.devicePixelRatio() != ratio:  # made for another screen, until it is made again
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(image_rect, picture)
        else:
            failed = isinstance(model, PhotoGalleryModel) and model.thumbnail_failed(photo.id)
            key = ("placeholder", failed, font_key, palette_key, ratio)
            placeholder = self._part(key, lambda: self._placeholder(palette, ratio, failed=failed))
            painter.drawPixmap(box.topLeft(), placeholder)
            image_rect = box
        badges = self._part(
            ("badges", photo.clinical_consent, photo.marketing_consent, font_key, ratio),
            lambda: self._badges(font, ratio, photo),
        )
        badges_size = badges.deviceIndependentSize()
        corner = QPoint(image_rect.left() + 5, image_rect.bottom() - 5 - round(badges_size.height()))
        if corner.x() + badges_size.width() > rect.right() + 1:
            painter.setClipRect(rect)  # a very narrow photo: the badges stay inside the tile
        painter.drawPixmap(corner, badges)

        line = self._line_height(font)
        width = rect.right() + 1 - box.left()
        title = self._part(
            ("title", row.title, font_key, palette_key, ratio),
            lambda: self._line(row.title, font, palette, ratio, width, bold=True),
        )
        painter.drawPixmap(box.left(), box.bottom() + PADDING - TEXT_MARGIN, title)
        if row.detail:
            detail = self._part(
                ("detail", row.detail, font_key, palette_key, ratio),
                lambda: self._line(row.detail, font, palette, ratio, width, bold=False),
            )
            painter.drawPixmap(box.left(), box.bottom() + PADDING + line - TEXT_MARGIN, detail)

    # --- the parts, drawn once ------------------------------------------------------------------------------
    def _part(self, key: tuple[object, ...], draw: Callable[[], QPixmap]) -> QPixmap:
        part = self._parts.get(key)
        if part is None:
            part = self._parts[key] = draw()
            while len(self._parts) > PART_CACHE_LIMIT:
                self._parts.popitem(last=False)
        return part

    @staticmethod
    def _canvas(width: float, height: float, ratio: float) -> tuple[QPixmap, QPainter]:
        canvas = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
        canvas.setDevicePixelRatio(ratio)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        return canvas, painter

    def _placeholder(self, palette: QPalette, ratio: float, *, failed: bool) -> QPixmap:
        canvas, painter = self._canvas(THUMB_WIDTH, THUMB_HEIGHT, ratio)
        box = QRect(0, 0, THUMB_WIDTH, THUMB_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(QRectF(box), 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        text = self.tr("Preview unavailable") if failed else self.tr("Loading…")
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return canvas

    def _badges(self, base: QFont, ratio: float, photo: PhotoRecord) -> QPixmap:
        badges: list[tuple[str, QColor]] = []
        tr = self.tr
        if photo.clinical_consent:
            badges.append((tr("Clinical"), CLINICAL_COLOUR))
        if photo.marketing_consent:
            badges.append((tr("Marketing"), MARKETING_COLOUR))
        if not badges:
            badges.append((tr("No consent"), NO_CONSENT_COLOUR))
        font = QFont(base)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        widths = [metrics.horizontalAdvance(text) + 10 for text, _ in badges]
        height = metrics.height() + 2
        canvas, painter = self._canvas(sum(widths) + 4 * (len(widths) - 1), height, ratio)
        painter.setFont(font)
        x = 0
        for (text, colour), width in zip(badges, widths, strict=True):
            pill = QRectF(x, 0, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(pill, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 4
        painter.end()
        return canvas

    def _line(self, text: str, base: QFont, palette: QPalette, ratio: float, width: int, *, bold: bool) -> QPixmap:
        """A title (bold, cut with … to the box's width) or a date line, with TEXT_MARGIN above and below."""
        font = QFont(base)
        if bold:
            font.setWeight(QFont.Weight.DemiBold)
        height = QFontMetrics(base).height()
        canvas, painter = self._canvas(width, height + 2 * TEXT_MARGIN, ratio)
        painter.setFont(font)
        role = QPalette.ColorRole.Text if bold else QPalette.ColorRole.PlaceholderText
        painter.setPen(palette.color(role))
        if bold:
            text = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, THUMB_WIDTH)
        painter.drawText(
            QRect(0, TEXT_MARGIN, THUMB_WIDTH, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
        )
        painter.end()
        return canvas
