"""Thumbnails: small JPEGs of stored photos, cached on disk under cache/thumbs/<size>/ by content hash.

A thumbnail is a pure function of the stored file's bytes, so its name never goes stale and two threads making
the same one at once both write the same bytes (each atomically)."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from smp_desktop.core.photos.limits import MAX_THUMBNAIL_SIZE, MIN_THUMBNAIL_SIZE, THUMBNAIL_QUALITY
from smp_desktop.core.photos.store import write_atomically

if TYPE_CHECKING:  # Pillow loads with the first thumbnail, not when the studio opens
    from PIL import Image

log = logging.getLogger(__name__)


def flattened(image: Image.Image) -> Image.Image:
    """The image as RGB or L for a JPEG: transparency laid over white, 16-bit grey brought to 8 bits."""
    from PIL import Image

    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        scale = 1 / 256 if image.mode != "I" or _peak(image) > 255 else 1.0
        return image.convert("I").point(lambda value: value * scale).convert("L")
    if image.mode == "F":
        return image.convert("L")
    if image.mode == "P" or image.mode == "PA":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _peak(image: Image.Image) -> int:
    extrema = image.getextrema()
    return int(extrema[1]) if isinstance(extrema[1], (int, float)) else 65535


# The most Pillow reads for one call of its decoder (each read is a copy of that much of the file).
DECODER_FEED = 16 * 1024 * 1024


def decode_in_one_call(image: Image.Image, size: int) -> None:
    """Have Pillow give its JPEG decoder the size bytes of the file in one call (up to DECODER_FEED). By default
    it feeds 64 KB at a time and takes the interpreter lock back between feeds: some 60 times for a 12-megapixel
    photo, each time queueing for it behind the other threads and keeping the window's thread queueing too. In one
    call, the decoder runs the whole photo without the lock. (PNG is read a chunk at a time whatever this says;
    WebP and HEIF decode in one call already.)"""
    from PIL import ImageFile

    if isinstance(image, ImageFile.ImageFile):
        image.decodermaxblock = max(image.decodermaxblock, min(size + 1, DECODER_FEED))


def render(image: Image.Image, size: int) -> bytes:
    """A JPEG no larger than size×size of an upright image (the image itself is not changed)."""
    from PIL import Image

    small = image.copy()
    small.thumbnail((size, size), Image.Resampling.BICUBIC, reducing_gap=2.0)
    small = flattened(small)
    buffer = io.BytesIO()
    icc = image.info.get("icc_profile")
    small.save(buffer, "JPEG", quality=THUMBNAIL_QUALITY, icc_profile=icc if image.mode != "CMYK" else None)
    return buffer.getvalue()


def check_size(size: int) -> int:
    if not MIN_THUMBNAIL_SIZE <= size <= MAX_THUMBNAIL_SIZE:
        raise ValueError(f"A thumbnail is {MIN_THUMBNAIL_SIZE} to {MAX_THUMBNAIL_SIZE} pixels, not {size}.")
    return size


class ThumbnailCache:
    def __init__(self, root: Path) -> None:
        self.root = root  # <data>/cache/thumbs

    def path(self, content_hash: str, size: int) -> Path:
        return self.root / str(size) / content_hash[:2] / f"{content_hash}.jpg"

    def put(self, content_hash: str, size: int, data: bytes) -> Path:
        target = self.path(content_hash, check_size(size))
        write_atomically(target, data, durable_name=False)  # a lost thumbnail is made again on first use
        return target

    def ensure(self, content_hash: str, size: int, stored_file: Path) -> Path:
        """The cached thumbnail, made from the stored file first when it is not there yet.

        Raises OSError when the stored file cannot be read, and PIL errors when it no longer decodes."""
        target = self.path(content_hash, check_size(size))
        if target.is_file():
            return target
        from PIL import Image

        with Image.open(stored_file) as image:
            image.draft("RGB" if image.mode != "L" else "L", (size, size))  # JPEG: decode at 1/2..1/8 scale
            decode_in_one_call(image, stored_file.stat().st_size)
            image.load()
            return self.put(content_hash, size, render(image, size))

    def remove(self, content_hash: str) -> None:
        """Forget every size of one photo's thumbnail (its photo left the store)."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            (folder / content_hash[:2] / f"{content_hash}.jpg").unlink(missing_ok=True)
