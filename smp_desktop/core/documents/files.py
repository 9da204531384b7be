"""File names and files for documents: a safe name built from a client's name, and an atomic write."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from smp_desktop.core.photos.store import write_atomically

# Names Windows refuses for a file whatever the extension (CON.pdf is CON).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"} | {
    f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")
}
# Path separators, characters Windows or macOS refuse or shells misread, and every control / format character.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SEPARATORS = re.compile(r"[\s_]+")
MAX_STEM_CHARS = 80  # leaves room for the folder in a 260-character Windows path
MAX_STEM_BYTES = 180  # most file systems allow 255 bytes per name; UTF-8 CJK is 3 bytes a character


def _clean_part(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        # control, format (bidi overrides), unassigned, line separators, and characters file systems refuse
        if category[0] == "C" or category in ("Zl", "Zp") or _UNSAFE.match(char):
            kept.append(" ")
        else:
            kept.append(char)
    words = _SEPARATORS.sub(" ", "".join(kept)).strip(" .-")
    return words.replace(" ", "-")


def safe_file_name(client_name: str, kind: str, *, on: date | None = None, extension: str = "pdf") -> str:
    """A file name such as "Zoe-Łukasiewicz - Aftercare - 2026-05-12.pdf" that is safe on Windows, macOS and Linux
    whatever the client's name holds: no path separators or reserved characters, no control or bidi-override
    characters, no reserved device names (CON, NUL, COM1, ...), no leading dot or trailing dot/space, length
    limited in characters and bytes, never empty. Letters of any script are kept."""
    parts = [p for p in (_clean_part(client_name), _clean_part(kind)) if p]
    if on is not None:
        parts.append(on.isoformat())
    stem = " - ".join(parts) or "document"
    stem = _limit(stem)
    if stem.split(".")[0].upper().rstrip(" ") in _RESERVED:
        stem = f"_{stem}"
    suffix = re.sub(r"[^A-Za-z0-9]", "", extension)[:8]
    return f"{stem}.{suffix}" if suffix else stem


def _limit(stem: str) -> str:
    stem = stem[:MAX_STEM_CHARS]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    # never end with a combining mark cut from its letter, nor a dot, space or dash
    while stem and unicodedata.category(stem[-1]).startswith("M"):
        stem = stem[:-1]
    return stem.rstrip(" .-") or "document"


def write_pdf(path: Path, data: bytes) -> None:
    """Writes a document so that a crash or a full disk leaves either the old file or the whole new one."""
    write_atomically(path, data)
