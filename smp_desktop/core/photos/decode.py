"""Turning the bytes of an imported file into the stored copy: checked, upright, free of location and device
metadata, and in a format every viewer shows (JPEG, or PNG for lossless sources), with its first thumbnail.

An upright JPEG keeps its compressed data as it is (the metadata segments are cut out, see jpeg_clean); anything
else is decoded, turned upright and encoded again."""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from datetime import datetime

from PIL import Image, ImageCms

from smp_desktop.core.photos import jpeg_clean, thumbnails
from smp_desktop.core.photos.limits import ACCEPTED_FORMATS, JPEG_QUALITY, MAX_PIXELS, THUMBNAIL_SIZE
from smp_desktop.core.photos.rejection import PhotoRejected
from smp_desktop.core.photos.taken_date import taken_at

ORIENTATION = 0x0112
# Exif orientation → the transpose that makes the pixels upright.
_UPRIGHT: dict[int, Image.Transpose | None] = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
PNG_MODES = frozenset({"1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"})

# What other kinds of file look like, to say what a refused file is rather than only "not an image".
_OTHER_KINDS: tuple[tuple[bytes, int, str], ...] = (
    (b"GIF8", 0, "GIF"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"BM", 0, "BMP"),
    (b"%PDF", 0, "PDF"),
    (b"ftypavif", 4, "AVIF"),
    (b"ftypqt", 4, "QuickTime video"),
    (b"ftypmp4", 4, "MP4 video"),
    (b"ftypisom", 4, "MP4 video"),
    (b"PK\x03\x04", 0, "ZIP archive"),
)


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    data: bytes  # the bytes to store
    suffix: str  # ".jpg" or ".png"
    media_type: str
    width: int
    height: int
    taken_at: datetime | None  # aware UTC, from the photo; None when it does not say
    thumbnail: bytes  # JPEG of THUMBNAIL_SIZE


@functools.cache
def _configure_pillow() -> None:
    """Once per process: teach Pillow to read HEIC/HEIF (iPhone photos; pillow-heif bundles libheif), and make
    Pillow's own decompression-bomb guard refuse what the library refuses (it raises at twice its limit; below
    that, prepare() refuses from the header size before anything is decoded)."""
    from pillow_heif import register_heif_opener

    register_heif_opener(thumbnails=False)
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def prepare(data: bytes, *, now: datetime) -> PreparedPhoto:
    """The stored copy of an imported file's bytes, or PhotoRejected saying why it cannot be one."""
    _configure_pillow()
    try:
        image = Image.open(io.BytesIO(data), formats=sorted(ACCEPTED_FORMATS))
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels_from(exc) from exc
    except Image.UnidentifiedImageError as exc:
        raise _not_an_image(data) from exc
    except MemoryError:
        raise
    except Exception as exc:  # a header Pillow cannot parse: damaged
        raise _damaged(exc) from exc
    with image:
        thumbnails.decode_in_one_call(image, len(data))
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _too_many_pixels(width, height)
        if width < 1 or height < 1:
            raise PhotoRejected("photo_damaged", "The image says it has no pixels: the file is damaged.", detail="")
        frames = int(getattr(image, "n_frames", 1))
        if image.format in ("PNG", "WEBP") and frames > 1:
            raise PhotoRejected(
                "photo_animated",
                f"This is an animation of {frames} frames, not a photo. Save the frame you need as a JPEG or PNG and "
                "import that.",
                frames=frames,
            )
        exif = _exif(image)
        orientation = exif.get(ORIENTATION, 1)
        transpose = _UPRIGHT.get(orientation if isinstance(orientation, int) else 1)
        when = taken_at(exif, now=now)
        try:
            # MPO: a JPEG carrying more pictures after its own (a phone's preview or depth map); only the first,
            # the photo itself, is kept, and the cut drops the rest with the metadata.
            if image.format in ("JPEG", "MPO") and transpose is None and image.mode in ("L", "RGB"):
                return _clean_jpeg(data, width, height, when)
            return _reencoded(image, transpose, when)
        except (PhotoRejected, MemoryError):
            raise
        except Image.DecompressionBombError as exc:
            raise _too_many_pixels_from(exc) from exc
        except Exception as exc:  # truncated or corrupt image data, found while decoding
            raise _damaged(exc) from exc


def _exif(image: Image.Image) -> Image.Exif:
    try:
        return image.getexif()
    except Exception:  # malformed Exif must not cost the photo: it is dropped anyway
        return Image.Exif()


def _clean_jpeg(data: bytes, width: int, height: int, when: datetime | None) -> PreparedPhoto:
    try:
        clean = jpeg_clean.strip_metadata(data)
    except jpeg_clean.NotAJpeg as exc:
        raise _damaged(exc) from exc
    # Decoding at 1/8 scale still reads every byte of the compressed data, so this both proves the stored copy
    # decodes to the end and gives the thumbnail, for a fraction of a full decode.
    with Image.open(io.BytesIO(clean), formats=["JPEG"]) as check:
        check.draft(check.mode, (THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        thumbnails.decode_in_one_call(check, len(clean))
        check.load()
        thumbnail = thumbnails.render(check, THUMBNAIL_SIZE)
    return PreparedPhoto(clean, ".jpg", "image/jpeg", width, height, when, thumbnail)


def _reencoded(image: Image.Image, transpose: Image.Transpose | None, when: datetime | None) -> PreparedPhoto:
    image.load()
    icc: bytes | None = image.info.get("icc_profile") or None
    upright = image.transpose(transpose) if transpose is not None else image
    # Nothing of the original's metadata (comments, XMP, text chunks) may follow it; transparency is pixels.
    upright.info = {key: value for key, value in image.info.items() if key == "transparency"}
    buffer = io.BytesIO()
    if image.format == "PNG":
        if upright.mode not in PNG_MODES:
            upright = upright.convert("RGBA" if "A" in upright.mode else "RGB")
        upright.save(buffer, "PNG", icc_profile=icc)
        suffix, media_type = ".png", "image/png"
    else:
        if upright.mode == "CMYK":
            upright, icc = _cmyk_to_rgb(upright, icc)
        upright = thumbnails.flattened(upright)
        upright.save(buffer, "JPEG", quality=JPEG_QUALITY, icc_profile=icc)
        suffix, media_type = ".jpg", "image/jpeg"
    upright.info["icc_profile"] = icc
    thumbnail = thumbnails.render(upright, THUMBNAIL_SIZE)
    width, height = upright.size
    return PreparedPhoto(buffer.getvalue(), suffix, media_type, width, height, when, thumbnail)


def _cmyk_to_rgb(image: Image.Image, icc: bytes | None) -> tuple[Image.Image, bytes | None]:
    """Print-ready CMYK: through its own profile to sRGB when it has one (a plain conversion shifts colours)."""
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
            if converted is not None:
                return converted, None
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    return image.convert("RGB"), None


def _too_many_pixels(width: int, height: int) -> PhotoRejected:
    return _pixel_limit(width * height, f"{width} × {height} pixels", width=width, height=height)


def _too_many_pixels_from(exc: Exception) -> PhotoRejected:
    """Pillow refused the header itself (far over its own limit): its message gives the pixel count."""
    found = re.search(r"\((\d+) pixels\)", str(exc))
    pixels = int(found.group(1)) if found else 0
    return _pixel_limit(pixels, f"{pixels:,} pixels" if pixels else "too many pixels")


def _pixel_limit(pixels: int, size: str, **params: object) -> PhotoRejected:
    limit = MAX_PIXELS // 1_000_000
    megapixels = round(pixels / 1_000_000)
    return PhotoRejected(
        "photo_too_many_pixels",
        f"The image is {size} ({megapixels} megapixels), more than the {limit} megapixels a photo may have; it was "
        "not opened, as a file like this can exhaust the computer's memory. Export it smaller and import that.",
        megapixels=megapixels,
        limit_megapixels=limit,
        **params,
    )


def _not_an_image(data: bytes) -> PhotoRejected:
    kind = next((name for magic, at, name in _OTHER_KINDS if data[at : at + len(magic)] == magic), "")
    if kind:
        return PhotoRejected(
            "photo_unsupported_format",
            f"This is a {kind} file; photos can be JPEG, PNG, WebP or HEIC. Convert it to JPEG and import that.",
            format=kind,
        )
    return PhotoRejected(
        "photo_not_an_image",
        "This is not a photo: the file is not a JPEG, PNG, WebP or HEIC image, whatever its name says.",
    )


def _damaged(exc: Exception) -> PhotoRejected:
    detail = str(exc) or type(exc).__name__
    return PhotoRejected(
        "photo_damaged",
        f"The image is damaged or incomplete ({detail}). Copy it again from the camera or phone and import the copy.",
        detail=detail,
    )
