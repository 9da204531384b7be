"""What the whole-record PDF is made of, as plain data: sections (each a bookmark) of entries (each a sub-bookmark)
of blocks. Collecting a part of the record (record_data.py) and drawing it (core/documents/record.py) meet here,
so a new part of the record is a new collector producing these blocks; the PDF side needs no change."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from smp_desktop.core.hairline import HairlineShapes


@dataclass(frozen=True, slots=True)
class Fields:
    """Label and value pairs, two columns. Rows with an empty value are left out when drawn."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Grid:
    """A table with a header row; widths are relative (None: equal)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    muted: bool = False  # a remark (grey, smaller): "No sessions yet."


@dataclass(frozen=True, slots=True)
class PhotoFigure:
    """A stored photo, drawn from its print rendition, with its caption; design (when given) is drawn over it as
    the hairline polyline, the temple points and the zones, placed by core.hairline.Frame."""

    source: Path
    content_hash: str
    width: int
    height: int
    caption: str
    design: HairlineShapes | None = None


@dataclass(frozen=True, slots=True)
class ImageFigure:
    """A small image kept as bytes (a signature), with a caption."""

    data: bytes
    caption: str
    max_width_mm: float = 70


Block: TypeAlias = Fields | Grid | Text | PhotoFigure | ImageFigure


@dataclass(frozen=True, slots=True)
class Entry:
    title: str  # a sub-bookmark; "" for none
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Section:
    key: str  # stable: "identity", "screening", "consents", "sessions", "photos", "designs", "removal"
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class RecordDocument:
    client_name: str
    client_id: int
    studio_name: str
    subtitle: str  # "Client record · with health answers · with photos"
    sections: tuple[Section, ...] = field(default=())

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)
