"""Plain text into reportlab paragraph markup, safely: user text is never markup.

Every string that came from a person (a client's name, a note, a studio's address, an editable template's wording)
goes through `plain_markup`: it is escaped (`<b>Ann & "Co"</b>` prints literally), control characters are dropped,
newlines become line breaks, right-to-left text is shaped and put in visual order, and each character is put in
a font that has it (fonts.font_runs). `fill` puts escaped values into a trusted markup template.
No reportlab import here: this is string work.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from smp_desktop.core.documents import fonts

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_SLOT = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def escape(text: str) -> str:
    """XML-escapes text for a reportlab paragraph (& < > and quotes)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def clean(text: str) -> str:
    """Text with line endings unified, tabs as spaces, other control characters removed, and letters with
    combining accents composed (NFC: the same text, drawn with the font's designed accented letters)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _CONTROL.sub("", text)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def plain_markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup that shows text exactly as typed: escaped, lines kept, fonts picked per character."""
    lines = clean(text).split("\n")
    return "<br/>".join(_line_markup(line, bold) for line in lines)


def visual_lines_markup(lines: list[str], *, bold: bool = False, direction: str | None = None) -> str:
    """Markup for lines already broken in logical order (a right-to-left paragraph, see layout.py): each line is
    shaped and reordered on its own, in the paragraph's base direction."""
    return "<br/>".join(_line_markup(clean(line), bold, direction) for line in lines)


def _line_markup(line: str, bold: bool, direction: str | None = None) -> str:
    parts = []
    for run in fonts.font_runs(fonts.visual_text(line, direction), bold=bold):
        escaped = escape(run.text)
        if run.font in (fonts.BODY, fonts.BODY_BOLD):
            parts.append(escaped)
        else:
            parts.append(f'<font face="{run.font}">{escaped}</font>')
    return "".join(parts)


def fill(template: str, values: Mapping[str, object], *, bold_values: bool = False) -> str:
    """Trusted markup (written by the app, e.g. 'No water until <b>{date}</b>') with each {name} replaced by the
    plain text of values[name], escaped. A slot without a value raises KeyError (a programming error)."""

    def replace(match: re.Match[str]) -> str:
        return plain_markup(str(values[match.group(1)]), bold=bold_values)

    return _SLOT.sub(replace, template)


def plain_template_markup(template: str, values: Mapping[str, object]) -> str:
    """An untrusted template (a studio's own wording, e.g. 'No water on the scalp until {date}') made safe: the
    wording and the values are both plain text; each {name} slot with a value is filled with it in bold. Slots
    without a value stay as typed."""
    pieces: list[str] = []
    position = 0
    for match in _SLOT.finditer(template):
        name = match.group(1)
        if name not in values:
            continue
        pieces.append(plain_markup(template[position : match.start()]))
        pieces.append("<b>" + plain_markup(str(values[name]), bold=True) + "</b>")
        position = match.end()
    pieces.append(plain_markup(template[position:]))
    return "".join(pieces)
