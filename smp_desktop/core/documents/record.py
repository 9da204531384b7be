"""The whole-record PDF: a client's record (core/exports/record_data.py collects it as sections of plain blocks)
drawn in the shared layout, one bookmark per section and one per entry (each session, each view's photos…).

Photos are drawn from their print renditions (core/exports/print_renditions.py: downscaled and cached, so a second
export reads small JPEGs only) with their captions; a hairline design is drawn over its photo as the smooth
hairline polyline, the temple points and the zone outlines, placed with core.hairline's Frame as the app's overlay
places it. reportlab is imported inside functions only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smp_desktop.core.documents.layout import MM, MUTED, Letterhead, PdfDocument, paragraph_flowable
from smp_desktop.core.exports.print_renditions import PrintRenditions
from smp_desktop.core.exports.record_blocks import (
    Block,
    Fields,
    Grid,
    ImageFigure,
    PhotoFigure,
    RecordDocument,
    Text,
)
from smp_desktop.core.hairline import HairlineShapes, ZoneKind, map_design

PHOTO_WIDTH_MM = 120
PHOTO_MAX_HEIGHT_MM = 95
GRID_MAX_HEIGHT_MM = 62  # two photos to a row
HAIRLINE_COLOUR = (0.93, 0.35, 0.10)
ZONE_COLOURS = {
    ZoneKind.DENSITY: (0.10, 0.55, 0.85),
    ZoneKind.SCAR: (0.85, 0.20, 0.55),
    ZoneKind.KEEP_CLEAR: (0.95, 0.80, 0.10),
}


def build_record_pdf(record: RecordDocument, letterhead: Letterhead, cache: Path) -> bytes:
    """The record as PDF bytes. cache: <data>/cache (the print renditions live under cache/print/)."""
    renditions = PrintRenditions(cache)
    figures = [b for s in record.sections for e in s.entries for b in e.blocks if isinstance(b, PhotoFigure)]
    prepared = renditions.ensure_all((f.content_hash, f.source) for f in figures)
    doc = PdfDocument(
        letterhead,
        title=f"Client record — {record.client_name}",
        subject=f"The record {record.studio_name or letterhead.studio_name} keeps on {record.client_name}",
        keywords=("client record", f"client {record.client_id}"),
    )
    doc.document_title("Client record", subtitle=f"{record.client_name} · client #{record.client_id}")
    doc.paragraph(record.subtitle, "small")
    for section in record.sections:
        doc.heading(section.title, 1)
        headings = 1
        for entry in section.entries:
            if entry.title:
                doc.heading(entry.title, 2)
                headings += 1
            first = len(doc._story)  # the layout's own list of flowables, in reading order
            _draw_blocks(doc, entry.blocks, prepared)
            _keep_with_next(doc, first - headings, headings + 1)  # a heading never ends a page alone
            headings = 0
    return doc.build()


def _keep_with_next(doc: PdfDocument, start: int, count: int) -> None:
    """Puts story[start:start+count] (headings and the first thing under them) in one KeepTogether."""
    from reportlab.platypus import KeepTogether

    story = doc._story
    if count > 1 and start >= 0 and start + count <= len(story):
        story[start : start + count] = [KeepTogether(story[start : start + count])]


def _draw_blocks(doc: PdfDocument, blocks: tuple[Block, ...], prepared: dict[str, Path | Exception]) -> None:
    """Blocks in order; photos without a design go two to a row (a design is drawn large, on its own)."""
    pending: list[PhotoFigure] = []
    for block in (*blocks, None):
        if isinstance(block, PhotoFigure) and block.design is None:
            pending.append(block)
            continue
        if pending:
            _photo_rows(doc, pending, prepared)
            pending = []
        if block is not None:
            _draw(doc, block, prepared)


def _photo_rows(doc: PdfDocument, figures: list[PhotoFigure], prepared: dict[str, Path | Exception]) -> None:
    from reportlab.platypus import Table, TableStyle

    gap = 6 * MM
    cell_width = (doc.content_width - gap) / 2
    cells = [_photo_cell(doc, f, prepared.get(f.content_hash), cell_width, GRID_MAX_HEIGHT_MM * MM) for f in figures]
    for start in range(0, len(cells), 2):
        row = cells[start : start + 2] + ([""] if len(cells[start : start + 2]) == 1 else [])
        table = Table([row], colWidths=[cell_width + gap, cell_width], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        doc.add(table)


def _photo_cell(
    doc: PdfDocument, figure: PhotoFigure, rendition: Path | Exception | None, width: float, height: float
) -> Any:
    if not isinstance(rendition, Path):
        return [paragraph_flowable(_missing(figure), doc.styles["warning"])]
    scale = min(width / figure.width, height / figure.height)
    picture = _PhotoFlowable(rendition, figure.width * scale, figure.height * scale, figure.design)
    return [picture, paragraph_flowable(figure.caption, doc.styles["caption"])]


def _missing(figure: PhotoFigure) -> str:
    return (
        f"{figure.caption}: the photo's file is missing or damaged, so it cannot be shown. "
        "Check Database lists it; restore it from a backup."
    )


def _draw(doc: PdfDocument, block: Block, prepared: dict[str, Path | Exception]) -> None:
    if isinstance(block, Fields):
        doc.facts([(label, value) for label, value in block.rows if value.strip()])
    elif isinstance(block, Grid):
        widths = None
        if block.widths:
            total = sum(block.widths)
            widths = [doc.content_width / MM * w / total for w in block.widths]
        doc.table(list(block.columns), [list(row) for row in block.rows], col_widths_mm=widths)
        doc.spacer(2)
    elif isinstance(block, Text):
        doc.paragraph(block.text, "small" if block.muted else "body")
    elif isinstance(block, PhotoFigure):
        _photo(doc, block, prepared.get(block.content_hash))
    elif isinstance(block, ImageFigure):
        doc.image(block.data, width_mm=block.max_width_mm, max_height_mm=40, caption=block.caption)


def _photo(doc: PdfDocument, figure: PhotoFigure, rendition: Path | Exception | None) -> None:
    from reportlab.platypus import KeepTogether

    if not isinstance(rendition, Path):
        doc.paragraph(_missing(figure), "warning")
        return
    scale = min(PHOTO_WIDTH_MM * MM / figure.width, PHOTO_MAX_HEIGHT_MM * MM / figure.height)
    width, height = figure.width * scale, figure.height * scale
    picture = _PhotoFlowable(rendition, width, height, figure.design)
    doc.add(KeepTogether([picture, paragraph_flowable(figure.caption, doc.styles["caption"])]))


def _photo_flowable_class() -> Any:
    from reportlab.platypus import Flowable

    class PhotoWithDesign(Flowable):
        """A photo (a JPEG file embedded as it is) with, optionally, a hairline design drawn over it."""

        def __init__(self, path: Path, width: float, height: float, design: HairlineShapes | None) -> None:
            super().__init__()
            self.path, self.width, self.height, self.design = path, width, height, design
            self.hAlign = "LEFT"

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return self.width, self.height

        def draw(self) -> None:
            canvas = self.canv
            canvas.drawImage(str(self.path), 0, 0, width=self.width, height=self.height)
            canvas.setStrokeColorRGB(*MUTED)
            canvas.setLineWidth(0.4)
            canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            if self.design is not None and not self.design.is_empty:
                _draw_design(canvas, self.design, self.width, self.height)

    return PhotoWithDesign


def _PhotoFlowable(path: Path, width: float, height: float, design: HairlineShapes | None) -> Any:
    return _photo_flowable_class()(path, width, height, design)


def _draw_design(canvas: Any, design: HairlineShapes, width: float, height: float) -> None:
    """The design in page points over a photo drawn width × height (the Frame is computed in a y-down system like
    the photo's pixels, then flipped for PDF's y-up)."""
    pixels = map_design(design, width, height)

    def flip(point: tuple[float, float]) -> tuple[float, float]:
        return point[0], height - point[1]

    canvas.saveState()
    path = canvas.beginPath()
    path.rect(0, 0, width, height)
    canvas.clipPath(path, stroke=0, fill=0)
    for zone, polygon in pixels.zones:
        if len(polygon) < 3:
            continue
        canvas.setStrokeColorRGB(*ZONE_COLOURS.get(zone.kind, MUTED))
        canvas.setLineWidth(1.0)
        canvas.setDash(3, 2)
        outline = canvas.beginPath()
        outline.moveTo(*flip(polygon[0]))
        for point in polygon[1:]:
            outline.lineTo(*flip(point))
        outline.close()
        canvas.drawPath(outline, stroke=1, fill=0)
    canvas.setDash()
    if len(pixels.hairline) >= 2:
        canvas.setStrokeColorRGB(*HAIRLINE_COLOUR)
        canvas.setLineWidth(1.8)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        line = canvas.beginPath()
        line.moveTo(*flip(pixels.hairline[0]))
        for point in pixels.hairline[1:]:
            line.lineTo(*flip(point))
        canvas.drawPath(line, stroke=1, fill=0)
    canvas.setFillColorRGB(*HAIRLINE_COLOUR)
    canvas.setStrokeColorRGB(1, 1, 1)
    canvas.setLineWidth(0.8)
    for temple in (pixels.left_temple, pixels.right_temple):
        if temple is not None:
            x, y = flip(temple)
            canvas.circle(x, y, 3.2, stroke=1, fill=1)
    canvas.restoreState()
