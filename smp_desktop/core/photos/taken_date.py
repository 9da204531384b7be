"""When a photo was taken, read from its Exif data (DateTimeOriginal with its OffsetTimeOriginal)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from PIL import Image

EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 0x9003
DATE_TIME_DIGITIZED = 0x9004
OFFSET_TIME_ORIGINAL = 0x9011
OFFSET_TIME_DIGITIZED = 0x9012
_DATE_TAGS = ((DATE_TIME_ORIGINAL, OFFSET_TIME_ORIGINAL), (DATE_TIME_DIGITIZED, OFFSET_TIME_DIGITIZED))
EARLIEST_YEAR = 1990  # before digital cameras: a camera whose clock was never set ("1970:01:01", "0000:00:00")

_DATE = re.compile(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")


def taken_at(exif: Image.Exif, *, now: datetime) -> datetime | None:
    """The moment the photo was taken (aware, UTC), or None when the photo does not say or says nonsense.

    Without an offset the camera's clock is read as this machine's local time, which is where the studio's
    camera or phone is almost always set."""
    try:
        ifd = exif.get_ifd(EXIF_IFD)
    except Exception:  # malformed Exif: no date rather than no photo
        return None
    for date_tag, offset_tag in (
        (DATE_TIME_ORIGINAL, OFFSET_TIME_ORIGINAL),
        (DATE_TIME_DIGITIZED, OFFSET_TIME_DIGITIZED),
    ):
        moment = _parse(ifd.get(date_tag), ifd.get(offset_tag))
        if moment is not None and moment.year >= EARLIEST_YEAR and moment <= now + timedelta(days=1):
            return moment
    return None


def _parse(value: object, offset: object) -> datetime | None:
    text = _text(value)
    match = _DATE.match(text) if text else None
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:  # 2023:02:30 and the like
        return None
    zone = _zone(_text(offset))
    local = naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()
    return local.astimezone(UTC)


def _zone(text: str) -> timezone | None:
    match = _OFFSET.match(text) if text else None
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if sign == "-" else delta)


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value.strip("\x00 ") if isinstance(value, str) else ""
