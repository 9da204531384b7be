"""Safe file names built from anything a person typed (a client's name, a document's title).

A name keeps letters of every script but never a path separator, a control character, a character Windows refuses
(< > : " / \\ | ? *), a leading or trailing dot or space, or a reserved device name (CON, NUL, COM1…), and it stays
short enough for every file system and ZIP reader."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 120  # UTF-8 bytes of one name before its suffix: well under the 255 of common file systems

_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]')
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-{2,}")
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}


def safe_component(text: str, fallback: str = "file") -> str:
    """One file or folder name made from text: "Zoë Łukasiewicz" stays, "../../etc" becomes "etc", "CON" becomes
    "_CON", "" becomes fallback."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    text = _FORBIDDEN.sub("-", text)
    text = _SPACES.sub(" ", text)
    text = _DASHES.sub("-", text).strip(" .-")
    text = _shorten(text, MAX_NAME_BYTES).strip(" .-")
    if not text:
        return fallback
    if text.split(".")[0].upper().rstrip(" ") in _RESERVED:
        text = f"_{text}"
    return text


def safe_suffix(suffix: str) -> str:
    """A file suffix such as ".pdf" kept only when it is short and plain (letters and digits)."""
    suffix = suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def _shorten(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")
