"""Reading a photo file into a QImage on a worker thread (QImage, unlike QPixmap, may be made off the GUI thread).

Stored photos are JPEG or PNG and Qt reads them; a file still to be imported may be HEIC or WebP, which Qt may not
read, so Pillow (with the HEIF opener when it is installed) is the second reader. The EXIF orientation is applied,
so the preview of a file is upright as its stored copy will be.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

log = logging.getLogger(__name__)

# A preview or a compared photo larger than this is scaled down as it is read: a 48-megapixel photo would take
# half a second to turn into a pixmap and the screen cannot show more than this anyway at 100 % of a fitted view.
PREVIEW_MAX_SIDE = 4096


def read_image(path: Path, max_side: int | None = PREVIEW_MAX_SIDE) -> QImage:
    """The image, upright; a null QImage when neither reader can read it."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    if reader.canRead():
        size = reader.size()
        if max_side and size.isValid() and max(size.width(), size.height()) > max_side:
            reader.setScaledSize(size.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            return image
    return _read_with_pillow(path, max_side)


def _read_with_pillow(path: Path, max_side: int | None) -> QImage:
    try:
        from PIL import Image, ImageOps

        _register_heif()
        with Image.open(path) as opened:
            if max_side:
                opened.draft("RGB", (max_side, max_side))
            image = ImageOps.exif_transpose(opened).convert("RGBA")
        if max_side and max(image.size) > max_side:
            image.thumbnail((max_side, max_side))
        data = image.tobytes()
        return QImage(data, image.width, image.height, image.width * 4, QImage.Format.Format_RGBA8888).copy()
    except Exception as exc:  # any unreadable file: the caller shows "no preview", the import says why
        log.info("no preview of %s: %s", path, exc)
        return QImage()


def _register_heif() -> None:
    try:
        import pillow_heif
    except ImportError:
        return
    pillow_heif.register_heif_opener()
