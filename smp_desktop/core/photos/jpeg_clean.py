"""Removing metadata from a JPEG without touching its pixels: the marker segments are rewritten, the compressed
image data copied as it is (no decode, no re-encode, no quality loss, and fast).

Kept: the JFIF header (without its rarely used thumbnail), ICC colour profiles (APP2 "ICC_PROFILE") and the
Adobe segment (APP14, which says how the colours are encoded), plus every segment the image data needs.
Dropped: Exif (location, camera make and model, serial numbers, embedded thumbnails, maker notes), XMP, IPTC and
Photoshop resources (APP13), multi-picture previews (APP2 "MPF"), comments and any other application segment, and
anything after the end of the image (phones append videos, depth maps or previews there)."""

from __future__ import annotations

import re

SOI = b"\xff\xd8"
EOI = 0xD9
SOS = 0xDA
APP0, APP2, APP14 = 0xE0, 0xE2, 0xEE
STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM and RST0-7 carry no length

# In entropy-coded data 0xFF is followed by 0x00 (stuffing) or a restart marker; any other marker ends the scan.
# Runs of 0xFF are fill bytes before a marker, so the match starts at the last 0xFF of a run.
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
# The scan is searched a slice at a time: a regular expression holds the interpreter lock until it returns, and a
# photo's image data takes milliseconds to search, longer when the cores are busy decoding other photos. Between
# slices the window's thread (and the other imports) may run.
SCAN_SLICE = 256 * 1024


class NotAJpeg(ValueError):
    """The bytes are not a complete baseline or progressive JPEG stream."""


def strip_metadata(data: bytes) -> bytes:
    """The same JPEG with the metadata segments removed; raises NotAJpeg for a damaged or truncated stream."""
    if not data.startswith(SOI):
        raise NotAJpeg("it does not start like a JPEG")
    out: list[bytes | memoryview] = [SOI]
    view = memoryview(data)  # the image data is copied once, into the result, not sliced out first
    position = 2
    size = len(data)
    while True:
        while position < size and data[position] == 0xFF and position + 1 < size and data[position + 1] == 0xFF:
            position += 1  # fill bytes
        if position + 2 > size:
            raise NotAJpeg("the file ends before the end of the image")
        if data[position] != 0xFF:
            # Stray bytes between segments (some cameras pad there); decoders skip to the next marker, so do we.
            position = data.find(b"\xff", position)
            if position < 0:
                raise NotAJpeg("the file ends before the end of the image")
            continue
        marker = data[position + 1]
        if marker == EOI:
            out.append(data[position : position + 2])
            return b"".join(out)
        if marker in STANDALONE:
            out.append(data[position : position + 2])
            position += 2
            continue
        if position + 4 > size:
            raise NotAJpeg("the file ends inside a segment header")
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        end = position + 2 + length
        if length < 2 or end > size:
            raise NotAJpeg("the file ends inside a segment")
        if marker == SOS:
            scan_end = _scan_end(data, end)
            out.append(view[position:scan_end])
            position = scan_end
            continue
        segment = _kept(marker, data[position:end])
        if segment:
            out.append(segment)
        position = end


def _scan_end(data: bytes, start: int) -> int:
    """Where the entropy-coded data that begins at start ends: the marker that follows it. Slices overlap by one
    byte, so a marker split between two slices is found in the first."""
    size = len(data)
    while start < size:
        match = _SCAN_END.search(data, start, min(start + SCAN_SLICE + 1, size))
        if match is not None:
            return match.start()
        start += SCAN_SLICE
    raise NotAJpeg("the file ends inside the image data")


def _kept(marker: int, segment: bytes) -> bytes:
    """The segment as it should appear in the clean file (possibly shortened), or b"" to drop it."""
    if not 0xE0 <= marker <= 0xEF and marker != 0xFE:
        return segment  # tables, frame and scan headers: the image itself
    payload = segment[4:]
    if marker == APP0 and payload.startswith(b"JFIF\x00") and len(payload) >= 14:
        # version, units, densities; thumbnail width and height set to 0 and its pixels dropped
        header = payload[:12] + b"\x00\x00"
        return b"\xff\xe0" + (len(header) + 2).to_bytes(2, "big") + header
    if marker == APP2 and payload.startswith(b"ICC_PROFILE\x00"):
        return segment
    if marker == APP14 and payload.startswith(b"Adobe"):
        return segment
    return b""
