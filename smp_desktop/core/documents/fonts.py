"""Fonts for documents: embedded TrueType fonts that cover any script a client's name may be written in.

The body font (DejaVu Sans, regular and bold) covers Latin with every accent, Greek, Cyrillic, Vietnamese and the
Arabic presentation forms; characters it lacks fall back, character by character, to Droid Sans Fallback (Chinese,
Japanese) and then Nanum Gothic (Korean). The fallback fonts are large, so they are read only when a document
holds a character that needs them. Arabic and Hebrew are shaped (arabic-reshaper: the joined letter forms) and put
in visual order (python-bidi) before they reach reportlab, which lays text out left to right.

reportlab is imported inside functions only: importing the core must not load it (tests/test_architecture.py).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from smp_desktop.resources import resource_path

BODY = "SMPSans"
BODY_BOLD = "SMPSans-Bold"

# (registered name, file under resources/fonts/) in the order a character looks for a font that has it.
_BODY_FILES = {BODY: "DejaVuSans.ttf", BODY_BOLD: "DejaVuSans-Bold.ttf"}
FALLBACKS: tuple[tuple[str, str], ...] = (
    ("SMPFallbackCJK", "DroidSansFallbackFull.ttf"),
    ("SMPFallbackKorean", "NanumGothic.ttf"),
)

_lock = threading.RLock()
_registered: dict[str, Any] = {}  # name -> reportlab TTFont


def configure_reportlab() -> None:
    """reportlab's process-wide settings for fast, compact output: no ASCII85 text encoding of streams (it makes
    documents many times slower to write and a quarter bigger; PDF is a binary format anyway) and font subsets that
    use all 256 codes (fewer subsets per font)."""
    from reportlab import rl_config

    rl_config.useA85 = 0
    rl_config.ttfAsciiReadable = 0


def _register(name: str, file_name: str) -> Any:
    with _lock:
        font = _registered.get(name)
        if font is None:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            configure_reportlab()
            font = TTFont(name, str(resource_path(f"fonts/{file_name}")), asciiReadable=0, shapable=False)
            pdfmetrics.registerFont(font)
            _registered[name] = font
        return font


def register_body_fonts() -> None:
    """Registers the body fonts (regular, bold) and their family so <b> works in paragraphs."""
    with _lock:
        if BODY in _registered and BODY_BOLD in _registered:
            return
        from reportlab.lib.fonts import addMapping

        for name, file_name in _BODY_FILES.items():
            _register(name, file_name)
        addMapping(BODY, 0, 0, BODY)
        addMapping(BODY, 1, 0, BODY_BOLD)
        addMapping(BODY, 0, 1, BODY)
        addMapping(BODY, 1, 1, BODY_BOLD)
        for name, _file in FALLBACKS:
            # a fallback has one weight: bold text in Chinese or Korean uses the regular face
            addMapping(name, 0, 0, name)
            addMapping(name, 1, 0, name)
            addMapping(name, 0, 1, name)
            addMapping(name, 1, 1, name)


def _covers(font: Any, code_point: int) -> bool:
    return code_point in font.face.charToGlyph


@lru_cache(maxsize=4096)
def font_for(char: str, bold: bool = False) -> str:
    """The registered font that draws char: the body font when it has the glyph, else the first fallback that has
    it (loaded on first need), else the body font (which draws its 'missing' box rather than dropping the text)."""
    register_body_fonts()
    body = BODY_BOLD if bold else BODY
    code_point = ord(char)
    if _covers(_registered[body], code_point) or _is_invisible(char):
        return body
    for name, file_name in FALLBACKS:
        if _covers(_register(name, file_name), code_point):
            return name
    return body


def _is_invisible(char: str) -> bool:
    # spaces, joiners, direction marks: they stay with the run they are in instead of splitting it
    return char.isspace() or unicodedata.category(char) in ("Cf", "Zs", "Mn")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text drawn in one font."""

    font: str
    text: str


@lru_cache(maxsize=2)
def _body_characters(bold: bool) -> frozenset[str]:
    register_body_fonts()
    return frozenset(map(chr, _registered[BODY_BOLD if bold else BODY].face.charToGlyph))


def font_runs(text: str, *, bold: bool = False) -> Iterator[Run]:
    """Splits text (already in visual order and shaped, see visual_text) into runs of one font each."""
    if text.isascii() or _body_characters(bold).issuperset(text):  # the common case: one run in the body font
        if text:
            yield Run(BODY_BOLD if bold else BODY, text)
        return
    current: str | None = None
    start = 0
    for index, char in enumerate(text):
        if _is_invisible(char) and current is not None:
            continue
        font = font_for(char, bold)
        if font != current:
            if current is not None:
                yield Run(current, text[start:index])
            current, start = font, index
    if current is not None:
        yield Run(current, text[start:])


def _has_right_to_left(text: str) -> bool:
    return not text.isascii() and any(
        unicodedata.bidirectional(char) in ("R", "AL") for char in text if ord(char) >= 0x0590
    )


def visual_text(text: str, base_direction: str | None = None) -> str:
    """One line of text as it must be drawn left to right: Arabic letters joined into their contextual forms and
    right-to-left runs reversed (the Unicode bidirectional algorithm; the base direction "L" or "R", by default
    from the text's first strong character). Text without right-to-left letters is returned unchanged."""
    if not _has_right_to_left(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text), base_dir=base_direction))


def base_direction(text: str) -> str:
    """ "R" when the first letter with a direction is right-to-left (Arabic, Hebrew), else "L"."""
    if text.isascii():
        return "L"
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "L"


def has_right_to_left(text: str) -> bool:
    """Whether text holds Arabic or Hebrew letters (and so needs shaping and reordering)."""
    return _has_right_to_left(text)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in points of one line of logical text as it will be drawn (shaped, each run in its font)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(run.text, run.font, size) for run in font_runs(visual_text(text), bold=bold))


def preload_fallbacks() -> None:
    """Reads every fallback font now (e.g. on a worker thread before a document with Chinese names)."""
    register_body_fonts()
    for name, file_name in FALLBACKS:
        _register(name, file_name)
