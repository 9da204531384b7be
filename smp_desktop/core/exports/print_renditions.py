"""Print renditions: a stored photo downscaled for a printed page (PRINT_EDGE pixels on its long side, about
200 dpi across a 12 cm figure), cached on disk under cache/print/<edge>/ by the photo's content hash.

A camera photo is 12 megapixels and 3–6 MB; a record with twenty of them would be a 100 MB PDF that takes seconds
to write. The rendition is decoded at a reduced DCT scale (JPEG draft mode), so making one costs a fraction of a
full decode, and once cached a record is built from the renditions alone. Like thumbnails, a rendition is a pure
function of the stored bytes: its name never goes stale, and deleting the cache only costs time."""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from smp_desktop.core.photos.store import write_atomically

PRINT_EDGE = 1000
PRINT_QUALITY = 85
WORKERS = 2


class PrintRenditions:
    def __init__(self, cache: Path, edge: int = PRINT_EDGE) -> None:
        self.root = cache / "print" / str(edge)  # cache: <data>/cache
        self.edge = edge

    def path(self, content_hash: str) -> Path:
        return self.root / content_hash[:2] / f"{content_hash}.jpg"

    def ensure(self, content_hash: str, source: Path) -> Path:
        """The cached rendition, made from source first when missing. Raises OSError when source cannot be read,
        PIL errors when it no longer decodes."""
        target = self.path(content_hash)
        if target.is_file():
            return target
        from PIL import Image

        from smp_desktop.core.photos.thumbnails import decode_in_one_call, flattened

        with Image.open(source) as image:
            width, height = image.size
            scale = self.edge / max(width, height)
            if scale < 1:  # JPEG: decode at the smallest DCT scale still as large as the rendition
                image.draft("RGB" if image.mode != "L" else "L", (math.ceil(width * scale), math.ceil(height * scale)))
            decode_in_one_call(image, source.stat().st_size)  # (made on workers beside the window's thread)
            image.load()
            small = image.copy()
            icc = image.info.get("icc_profile") if image.mode != "CMYK" else None  # CMYK becomes RGB below
        small.thumbnail((self.edge, self.edge), Image.Resampling.BICUBIC, reducing_gap=2.0)
        small = flattened(small)
        buffer = io.BytesIO()
        small.save(buffer, "JPEG", quality=PRINT_QUALITY, optimize=False, icc_profile=icc)
        write_atomically(target, buffer.getvalue(), durable_name=False)  # a lost rendition is made again
        return target

    def ensure_all(self, photos: Iterable[tuple[str, Path]]) -> dict[str, Path | Exception]:
        """Renditions of several photos, made two at a time (decoding releases the interpreter lock); a photo
        that cannot be read maps to its error instead of a path."""
        wanted = dict(photos)
        missing = {h: s for h, s in wanted.items() if not self.path(h).is_file()}
        found: dict[str, Path | Exception] = {h: self.path(h) for h in wanted if h not in missing}

        def make(item: tuple[str, Path]) -> tuple[str, Path | Exception]:
            content_hash, source = item
            try:
                return content_hash, self.ensure(content_hash, source)
            except Exception as exc:  # missing or damaged: the record says so in place of the photo
                return content_hash, exc

        if len(missing) == 1:
            found.update([make(next(iter(missing.items())))])
        elif missing:
            with ThreadPoolExecutor(WORKERS, thread_name_prefix="print-rendition") as pool:
                found.update(pool.map(make, missing.items()))
        return found
