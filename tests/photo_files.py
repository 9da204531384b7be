"""Real image files for tests, made on the spot: photos as phones and cameras write them (Exif orientation, GPS,
camera make and model, serial numbers, dates, XMP, ICC profile), and the bad files a studio meets (truncated,
empty, a text file named .jpg, a PNG that claims 30000×30000 pixels, animations, an oversized file, CMYK, 16-bit).

Every maker writes to the path given and returns it. Shared by the photo core, UI and hairline tests."""

from __future__ import annotations

import functools
import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

# The four quadrants of pattern(): which colour sits where says how an image was turned.
TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT = (220, 30, 30), (30, 200, 30), (30, 30, 220), (240, 240, 240)
TAKEN = "2025:03:14 10:30:00"  # in the camera's local time
TAKEN_OFFSET = "+01:00"
CAMERA_MAKE, CAMERA_MODEL, BODY_SERIAL = "Canon", "EOS R5", "SN-0042-7781"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,30.0N"/>'
    b"</rdf:RDF></x:xmpmeta>"
)

EXIF_IFD, GPS_IFD = 0x8769, 0x8825
ORIENTATION, MAKE, MODEL = 0x0112, 0x010F, 0x0110
DATE_TIME_ORIGINAL, OFFSET_TIME_ORIGINAL, BODY_SERIAL_NUMBER = 0x9003, 0x9011, 0xA431


def pattern(width: int = 80, height: int = 60) -> Image.Image:
    """An upright image with four coloured quadrants (see TOP_LEFT…), so rotation and mirroring show."""
    image = Image.new("RGB", (width, height), BOTTOM_RIGHT)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width // 2 - 1, height // 2 - 1), fill=TOP_LEFT)
    draw.rectangle((width // 2, 0, width - 1, height // 2 - 1), fill=TOP_RIGHT)
    draw.rectangle((0, height // 2, width // 2 - 1, height - 1), fill=BOTTOM_LEFT)
    return image


def textured(width: int, height: int, seed: int = 0) -> Image.Image:
    """A photo-like image (gradients with fine grain, like skin and stubble): compresses as real photos do."""
    grain = [Image.effect_noise((width, height), 40 + 7 * ((seed + k) % 5)) for k in range(3)]
    ramp = Image.linear_gradient("L").resize((width, height))
    channels = [Image.blend(noise, ramp.rotate(90 * ((seed + k) % 4)).resize((width, height)), 0.5) for k, noise in
                enumerate(grain)]  # fmt: skip
    return Image.merge("RGB", channels)


def stored_as_upright(image: Image.Image, orientation: int) -> Image.Image:
    """What a camera writes for an upright scene shot held at `orientation` (the inverse of showing it)."""
    undo = {
        1: None,
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_90,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_270,
    }[orientation]
    return image.transpose(undo) if undo is not None else image.copy()


def camera_exif(
    orientation: int = 1,
    *,
    gps: bool = True,
    camera: bool = True,
    taken: str | None = TAKEN,
    offset: str | None = TAKEN_OFFSET,
) -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    if camera:
        exif[MAKE] = CAMERA_MAKE
        exif[MODEL] = CAMERA_MODEL
    ifd = exif.get_ifd(EXIF_IFD)
    if taken is not None:
        ifd[DATE_TIME_ORIGINAL] = taken
    if offset is not None:
        ifd[OFFSET_TIME_ORIGINAL] = offset
    if camera:
        ifd[BODY_SERIAL_NUMBER] = BODY_SERIAL
    if gps:
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)})
    return exif


@functools.cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile; made once, as its header records the second it was made."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def jpeg(
    path: Path,
    *,
    orientation: int = 1,
    image: Image.Image | None = None,
    gps: bool = True,
    camera: bool = True,
    taken: str | None = TAKEN,
    offset: str | None = TAKEN_OFFSET,
    icc: bool = True,
    quality: int = 90,
) -> Path:
    """A camera JPEG of `image` (default: pattern()) as it would be shot at `orientation`, with Exif (GPS,
    make/model, serial, dates), XMP, a comment and an sRGB ICC profile."""
    upright = image if image is not None else pattern()
    exif = camera_exif(orientation, gps=gps, camera=camera, taken=taken, offset=offset)
    stored_as_upright(upright, orientation).save(
        path,
        "JPEG",
        quality=quality,
        exif=exif.tobytes(),
        xmp=XMP,
        comment=b"Shot at Studio Nord, chair 2",
        icc_profile=srgb_profile() if icc else None,
    )
    return path


def png(path: Path, *, orientation: int = 1, alpha: bool = False, image: Image.Image | None = None) -> Path:
    """A PNG with an eXIf chunk (orientation, GPS, camera) and text chunks naming the place."""
    from PIL import PngImagePlugin

    upright = image if image is not None else pattern()
    picture = stored_as_upright(upright, orientation)
    if alpha:
        picture = picture.convert("RGBA")
        picture.putpixel((0, 0), (0, 0, 0, 0))
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "51.5072 N, 0.1276 W")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    picture.save(path, "PNG", pnginfo=info, exif=camera_exif(orientation).tobytes(), icc_profile=srgb_profile())
    return path


def webp(path: Path, *, orientation: int = 1) -> Path:
    stored_as_upright(pattern(), orientation).save(
        path, "WEBP", quality=90, exif=camera_exif(orientation).tobytes(), xmp=XMP
    )
    return path


def heic(path: Path, *, orientation: int = 1, image: Image.Image | None = None) -> Path:
    """An iPhone-like HEIC (pillow-heif), with Exif and GPS."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    upright = image if image is not None else pattern()
    stored_as_upright(upright, orientation).save(path, "HEIF", quality=90, exif=camera_exif(orientation).tobytes())
    return path


def cmyk_jpeg(path: Path) -> Path:
    pattern().convert("CMYK").save(path, "JPEG", quality=92)
    return path


def grey16_png(path: Path) -> Path:
    """A 16-bit greyscale PNG (scanners, medical cameras) whose left half is dark and right half light."""
    image = Image.new("I;16", (64, 48), 8000)
    image.paste(56000, (32, 0, 64, 48))
    image.save(path, "PNG")
    return path


def truncated_jpeg(path: Path, keep: float = 0.6) -> Path:
    """A JPEG cut off part-way through its image data (an interrupted copy from a phone)."""
    buffer = io.BytesIO()
    textured(320, 240).save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def text_named_as_photo(path: Path) -> Path:
    path.write_text("Appointment list for Tuesday — Żółkiewski, Παπαδόπουλος, Иванов\n" * 20, encoding="utf-8")
    return path


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_bomb(path: Path, width: int = 30000, height: int = 30000) -> Path:
    """A tiny PNG whose header claims width × height pixels (a decompression bomb): a few hundred bytes of zeros
    that would unpack to gigabytes."""
    row = b"\x00" + b"\x00" * (width * 3)
    compressor = zlib.compressobj(9)
    body = compressor.compress(row * 4) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", body) + _png_chunk(b"IEND", b"")
    path.write_bytes(data)
    return path


def jpeg_claiming_size(path: Path, width: int, height: int) -> Path:
    """A small JPEG whose frame header is rewritten to claim width × height (over the pixel limit, under Pillow's
    own bomb limit, so only the app's limit stops it)."""
    buffer = io.BytesIO()
    pattern(16, 16).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    path.write_bytes(bytes(data))
    return path


def oversized(path: Path, megabytes: int = 81) -> Path:
    """A JPEG padded (sparsely, so the test stays fast) to more than the size limit."""
    jpeg(path)
    with open(path, "r+b") as handle:
        handle.truncate(megabytes * 1024 * 1024)
    return path


def animated_png(path: Path) -> Path:
    frames = [pattern(), pattern().transpose(Image.Transpose.ROTATE_180)]
    frames[0].save(path, "PNG", save_all=True, append_images=frames[1:], duration=100)
    return path


def mpo(path: Path, *, orientation: int = 1) -> Path:
    """A phone JPEG carrying a second picture after its own (MPO: a preview or depth map), with camera Exif."""
    main = stored_as_upright(textured(320, 240, seed=3), orientation)
    main.save(path, "MPO", save_all=True, append_images=[pattern(320, 240)], quality=90,
              exif=camera_exif(orientation).tobytes())  # fmt: skip
    return path


def gif(path: Path) -> Path:
    pattern().convert("P").save(path, "GIF")
    return path


def quadrant_colours(image: Image.Image) -> tuple[tuple[int, ...], ...]:
    """The colour at the middle of each quadrant: (top left, top right, bottom left, bottom right)."""
    rgb = image.convert("RGB")
    width, height = rgb.size
    points = ((width // 4, height // 4), (3 * width // 4, height // 4), (width // 4, 3 * height // 4),
              (3 * width // 4, 3 * height // 4))  # fmt: skip
    return tuple(tuple(rgb.getpixel(point)) for point in points)  # type: ignore[arg-type]


def close(colour: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def looks_upright(image: Image.Image) -> bool:
    """The pattern() quadrants are where pattern() put them (after JPEG's colour loss)."""
    expected = (TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT)
    return all(close(found, want) for found, want in zip(quadrant_colours(image), expected, strict=True))


def sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()
