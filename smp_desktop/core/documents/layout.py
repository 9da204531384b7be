"""The one document layout: letterhead, page numbers, footer, metadata, bookmarks, fonts for any script.

`PdfDocument` collects content (headings, paragraphs of plain text, label/value facts, tables, images, any reportlab
flowable) and `build()` lays it out with reportlab platypus onto A4 or US Letter pages:

- first page: the studio's letterhead (logo, name, address, phone, e-mail, website) and a rule;
- later pages: a one-line header (studio name, document title);
- every page: a footer (the studio's contact or the caller's footer text) and "Page N of M";
- PDF metadata (title, author, subject, keywords, creator) and an outline (bookmarks) for every heading.

reportlab is imported inside methods: this module is importable without it (tests/test_architecture.py).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smp_desktop.core.documents import fonts
from smp_desktop.core.documents.files import write_pdf
from smp_desktop.core.documents.text import clean, fill, plain_markup, visual_lines_markup

if TYPE_CHECKING:
    from smp_desktop.core.services.studio import StudioService

MM = 72 / 25.4  # points per millimetre
PAPER_SIZES = {"A4": (595.2756, 841.8898), "LETTER": (612.0, 792.0)}
LOGO_SETTING = "letterhead_logo"

INK = (0.13, 0.15, 0.18)
MUTED = (0.40, 0.43, 0.47)
ACCENT = (0.12, 0.33, 0.45)
RULE = (0.78, 0.80, 0.83)
WARNING = (0.62, 0.11, 0.09)
SHADE = (0.95, 0.96, 0.97)

_MARGIN_X = 18 * MM
_MARGIN_BOTTOM = 20 * MM
_LETTERHEAD_HEIGHT = 46 * MM
_HEADER_HEIGHT = 16 * MM
_LOGO_MAX = (48 * MM, 22 * MM)
_TOTAL_FORM = "smpPageTotal"


@dataclass(frozen=True, slots=True)
class Letterhead:
    """What the top of the first page shows, and the paper. Built from the studio with `Letterhead.from_studio`."""

    studio_name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: bytes | None = None  # PNG or JPEG bytes
    paper_size: str = "A4"  # "A4" or "Letter"

    @classmethod
    def from_studio(cls, studio: StudioService, data_root: Path) -> Letterhead:
        """The studio's name and contact (StudioService.info()), the paper_size setting and the logo named by the
        letterhead_logo setting (a file in the data folder; a missing or unreadable file prints no logo)."""
        info = studio.info()
        paper = str(studio.setting("paper_size") or "A4")
        logo = read_logo(data_root, str(studio.setting(LOGO_SETTING) or ""))
        return cls(info.name, info.address, info.phone, info.email, info.website, logo, paper)

    @property
    def contact_line(self) -> str:
        return "  ·  ".join(part for part in (self.phone, self.email, self.website) if part.strip())


def read_logo(data_root: Path, relative: str) -> bytes | None:
    """The logo file's bytes, or None when none is set or it cannot be read (a document never fails for a logo)."""
    if not relative.strip():
        return None
    path = (data_root / relative).resolve()
    if data_root.resolve() not in path.parents:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def page_size(paper: str) -> tuple[float, float]:
    """Points for "A4" or "Letter" (any case; anything else is A4)."""
    return PAPER_SIZES.get(paper.strip().upper().replace("US ", ""), PAPER_SIZES["A4"])


@dataclass(slots=True)
class _Outline:
    title: str
    level: int


@dataclass(slots=True)
class PdfDocument:
    """One document. Add content in reading order, then `build()` (bytes) or `save(path)` (written atomically).

    Every text argument is plain text (escaped, any script); only `rich()` takes markup, whose values are plain.
    """

    letterhead: Letterhead
    title: str
    subject: str = ""
    author: str = ""  # defaults to the studio's name
    keywords: Sequence[str] = ()
    footer: str = ""  # defaults to the studio's name and contact line
    running_title: str = ""  # the later pages' header; defaults to the title
    _story: list[Any] = field(default_factory=list)
    _styles: dict[str, Any] | None = None
    _last_level: int = -1

    # ----- content -------------------------------------------------------------------------------------------

    @property
    def styles(self) -> dict[str, Any]:
        """reportlab ParagraphStyles by name: title, subtitle, h1, h2, body, small, label, value, caption, warning,
        cell, cell_head. Use them with `paragraph`/`rich` or your own flowables."""
        if self._styles is None:
            self._styles = _make_styles()
        return self._styles

    @property
    def content_width(self) -> float:
        """Width of the text frame in points (to size tables and images)."""
        return page_size(self.letterhead.paper_size)[0] - 2 * _MARGIN_X

    def add(self, *flowables: Any) -> None:
        """Any reportlab flowables (a drawing, a signature image, a KeepTogether...). Text in them must be made
        with `paragraph_flowable` so it is escaped and in the right fonts."""
        self._story.extend(flowables)

    def document_title(self, text: str, subtitle: str = "") -> None:
        """The big title at the top of the content, bookmarked at the outline's first level."""
        self._story.append(self._bookmarked(text, "title", 0))
        if subtitle:
            self.paragraph(subtitle, "subtitle")

    def heading(self, text: str, level: int = 1) -> None:
        """A section heading (level 1) or sub-heading (level 2), bookmarked in the outline."""
        self._story.append(self._bookmarked(text, "h1" if level <= 1 else "h2", level))

    def paragraph(self, text: str, style: str = "body") -> None:
        """Plain text, shown exactly as given (newlines kept)."""
        self._story.append(paragraph_flowable(text, self.styles[style]))

    def rich(self, template: str, style: str = "body", **values: object) -> None:
        """App-written markup ('Call us on <b>{phone}</b>') with plain-text values put in its {slots}."""
        from reportlab.platypus import Paragraph

        self._story.append(Paragraph(fill(template, values), self.styles[style]))

    def markup_paragraph(self, markup: str, style: str = "body") -> None:
        """Markup already made safe (text.plain_markup, text.fill, text.plain_template_markup)."""
        from reportlab.platypus import Paragraph

        self._story.append(Paragraph(markup, self.styles[style]))

    def bullets(self, items: Iterable[str], style: str = "body") -> None:
        """A bulleted list of plain-text items."""
        from reportlab.platypus import ListFlowable, ListItem

        entries = [ListItem(paragraph_flowable(item, self.styles[style]), leftIndent=12) for item in items]
        if entries:
            self._story.append(
                ListFlowable(entries, bulletType="bullet", start="•", leftIndent=12, bulletFontName=fonts.BODY)
            )

    def facts(self, rows: Sequence[tuple[str, str]], *, label_width_mm: float = 42) -> None:
        """Label / value pairs in two columns (e.g. Client, Session date, Artist). Both are plain text."""
        for label, value in rows:
            self._story.append(
                hanging(
                    paragraph_flowable(label, self.styles["label"]),
                    [paragraph_flowable(value, self.styles["value"])],
                    label_width_mm=label_width_mm,
                    padding=1.5,
                )
            )

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        col_widths_mm: Sequence[float] | None = None,
        zebra: bool = True,
    ) -> None:
        """A table of plain-text cells with a header row repeated on every page it spans."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        head = [paragraph_flowable(cell, self.styles["cell_head"]) for cell in header]
        body = [[paragraph_flowable(str(cell), self.styles["cell"]) for cell in row] for row in rows]
        widths = [w * MM for w in col_widths_mm] if col_widths_mm else None
        if widths is None and header:
            widths = [self.content_width / len(header)] * len(header)
        table = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.Color(*ACCENT)),
            ("LINEBELOW", (0, -1), (-1, -1), 0.4, colors.Color(*RULE)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(*SHADE)]))
        table.setStyle(TableStyle(commands))
        self._story.append(table)

    def image(
        self, data: bytes | Path, *, width_mm: float | None = None, max_height_mm: float = 90, caption: str = ""
    ) -> None:
        """An image (JPEG bytes are embedded as they are, without decoding: downscale large photos for print
        before adding them), scaled to fit width_mm (default: the text width) and max_height_mm, aspect kept."""
        from reportlab.platypus import Image, KeepTogether

        source = io.BytesIO(data) if isinstance(data, bytes) else str(data)
        width, height = _image_size(source)
        max_w = (width_mm * MM) if width_mm else self.content_width
        scale = min(max_w / width, (max_height_mm * MM) / height)
        if isinstance(source, io.BytesIO):
            source.seek(0)
        flowable = Image(source, width=width * scale, height=height * scale, hAlign="LEFT")
        if caption:
            self._story.append(KeepTogether([flowable, paragraph_flowable(caption, self.styles["caption"])]))
        else:
            self._story.append(flowable)

    def spacer(self, height_mm: float = 4) -> None:
        from reportlab.platypus import Spacer

        self._story.append(Spacer(1, height_mm * MM))

    def rule(self) -> None:
        """A thin horizontal line across the text width."""
        from reportlab.lib import colors
        from reportlab.platypus import HRFlowable

        line = HRFlowable(width="100%", thickness=0.5, color=colors.Color(*RULE), spaceBefore=4, spaceAfter=4)
        self._story.append(line)

    def page_break(self) -> None:
        from reportlab.platypus import PageBreak

        self._story.append(PageBreak())

    def keep_together(self, count: int) -> None:
        """Keeps the last `count` items added on one page when they fit (e.g. a heading and its first lines)."""
        from reportlab.platypus import KeepTogether

        if count > 1:
            items = self._story[-count:]
            del self._story[-count:]
            self._story.append(KeepTogether(items))

    # ----- output --------------------------------------------------------------------------------------------

    def build(self) -> bytes:
        """The PDF's bytes."""
        buffer = io.BytesIO()
        self._build_into(buffer)
        return buffer.getvalue()

    def save(self, path: Path) -> None:
        """Builds and writes the PDF atomically (no half-written file under its name, whatever happens)."""
        write_pdf(path, self.build())

    def _bookmarked(self, text: str, style: str, level: int) -> Any:
        level = max(0, min(level, self._last_level + 1))
        self._last_level = level
        flowable = paragraph_flowable(text, self.styles[style])
        flowable._smp_outline = _Outline(" ".join(text.split()), level)
        return flowable

    def _build_into(self, buffer: io.BytesIO) -> None:
        fonts.register_body_fonts()
        template_class = _doc_template_class()
        width, height = page_size(self.letterhead.paper_size)
        letterhead = self.letterhead
        doc = template_class(
            buffer,
            pagesize=(width, height),
            title=self.title,
            author=self.author or letterhead.studio_name,
            subject=self.subject,
            keywords=list(self.keywords),
            creator="SMP Desktop",
            producer="SMP Desktop",
            pageCompression=1,
            invariant=0,
            initialFontName=fonts.BODY,
            initialFontSize=10,
        )
        doc.smp_setup(self, _PageDecor(self, width, height))
        doc.build(list(self._story) or [paragraph_flowable("", self.styles["body"])], canvasmaker=_canvas_class())


def paragraph_flowable(text: str, style: Any) -> Any:
    """A reportlab Paragraph showing plain text exactly (escaped, newlines kept, fonts per character). Text with
    Arabic or Hebrew letters gets a paragraph that breaks its lines in reading order before reordering each line
    for drawing, right-aligned when the text starts right-to-left."""
    from reportlab.platypus import Paragraph

    bold = getattr(style, "fontName", "") == fonts.BODY_BOLD
    if fonts.has_right_to_left(text):
        return _bidi_paragraph_class()(text, style, bold)
    return Paragraph(plain_markup(text, bold=bold), style)


def break_logical_lines(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Greedy line breaking of logical text (spaces between words; newlines kept) to a width in points."""
    lines: list[str] = []
    space = fonts.text_width(" ", size, bold=bold)
    for paragraph in clean(text).split("\n"):
        current: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            word_width = fonts.text_width(word, size, bold=bold)
            if current and used + space + word_width > width:
                lines.append(" ".join(current))
                current, used = [word], word_width
            else:
                used += (space if current else 0.0) + word_width
                current.append(word)
        lines.append(" ".join(current))
    return lines


def _bidi_paragraph_class() -> Any:
    if "bidi" not in _classes:
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph

        class _BidiParagraph(Paragraph):
            """Right-to-left text wrapped in reading order: the lines are found on the logical text, then each is
            shaped and reordered; the base direction decides the alignment."""

            def __init__(self, text: str, style: Any, bold: bool) -> None:
                self._logical, self._bold = text, bold
                self._direction = fonts.base_direction(text)
                if self._direction == "R" and style.alignment != TA_CENTER:
                    style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
                self._wrapped_for: float | None = None
                super().__init__(plain_markup(text, bold=bold), style)

            def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
                if self._wrapped_for != avail_width:
                    inner = avail_width - self.style.leftIndent - self.style.rightIndent
                    lines = break_logical_lines(self._logical, inner, self.style.fontSize, bold=self._bold)
                    markup = visual_lines_markup(lines, bold=self._bold, direction=self._direction)
                    Paragraph.__init__(self, markup, self.style)
                    self._wrapped_for = avail_width
                return super().wrap(avail_width, avail_height)

        _classes["bidi"] = _BidiParagraph
    return _classes["bidi"]


def hanging(
    label: Any,
    body: Sequence[Any],
    *,
    label_width_mm: float = 36,
    padding: float = 4,
    shade: tuple[float, float, float] | None = None,
    rule_below: tuple[float, float, float] | None = None,
) -> Any:
    """A row with a label flowable in a left column and body flowables beside it (a label / value line, a dated
    phase of the aftercare). Cheaper to lay out than a Table (each paragraph is wrapped once per placement); a row
    moves to the next page whole, and only a row taller than a page is split into its parts."""
    return _hanging_class()(label, list(body), label_width_mm * MM, padding, shade, rule_below)


def rule_flowable(doc: PdfDocument, colour: tuple[float, float, float] = ACCENT, thickness: float = 0.8) -> Any:
    """A line across the text width (e.g. above a list of rows)."""
    from reportlab.lib import colors
    from reportlab.platypus import HRFlowable

    return HRFlowable(width="100%", thickness=thickness, color=colors.Color(*colour), spaceBefore=0, spaceAfter=0)


def _image_size(source: io.BytesIO | str) -> tuple[float, float]:
    from reportlab.lib.utils import ImageReader

    reader = ImageReader(source)
    width, height = reader.getSize()
    return float(width), float(height)


def _make_styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    fonts.register_body_fonts()
    ink, muted, accent = colors.Color(*INK), colors.Color(*MUTED), colors.Color(*ACCENT)
    base = ParagraphStyle(
        "body", fontName=fonts.BODY, bulletFontName=fonts.BODY, fontSize=10, leading=13.6, textColor=ink
    )
    base.alignment = TA_LEFT

    def derive(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": derive("body", spaceAfter=4),
        "title": derive("title", fontName=fonts.BODY_BOLD, fontSize=19, leading=24, textColor=accent, spaceAfter=2),
        "subtitle": derive("subtitle", fontSize=11, leading=15, textColor=muted, spaceAfter=8),
        "h1": derive(
            "h1", fontName=fonts.BODY_BOLD, fontSize=13, leading=17, textColor=accent, spaceBefore=10, spaceAfter=4
        ),
        "h2": derive("h2", fontName=fonts.BODY_BOLD, fontSize=11, leading=14.5, spaceBefore=6, spaceAfter=2),
        "small": derive("small", fontSize=8.5, leading=11, textColor=muted),
        "label": derive("label", fontSize=9.5, leading=13, textColor=muted),
        "value": derive("value", fontName=fonts.BODY_BOLD, fontSize=10, leading=13),
        "caption": derive("caption", fontSize=8.5, leading=11, textColor=muted, spaceBefore=2, spaceAfter=6),
        "warning": derive("warning", textColor=colors.Color(*WARNING)),
        "cell": derive("cell", fontSize=9, leading=12),
        "cell_head": derive("cell_head", fontName=fonts.BODY_BOLD, fontSize=9, leading=12, textColor=accent),
        "letterhead_name": derive("letterhead_name", fontName=fonts.BODY_BOLD, fontSize=15, leading=19, textColor=ink),
        "letterhead_contact": derive("letterhead_contact", fontSize=8.5, leading=11.2, textColor=muted, alignment=2),
        "header": derive("header", fontSize=8.5, leading=10.5, textColor=muted),
        "header_right": derive("header_right", fontSize=8.5, leading=10.5, textColor=muted, alignment=2),
    }


class _PageDecor:
    """Draws what is on every page around the content: letterhead or header, footer, page number."""

    def __init__(self, document: PdfDocument, width: float, height: float) -> None:
        self.document = document
        self.width = width
        self.height = height
        self.styles = document.styles
        head = document.letterhead
        self.footer_text = document.footer or "  ·  ".join(p for p in (head.studio_name, head.contact_line) if p)

    def first_page(self, canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        self._letterhead(canvas)
        self._footer(canvas)
        canvas.restoreState()

    def later_pages(self, canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        self._header(canvas)
        self._footer(canvas)
        canvas.restoreState()

    def _letterhead(self, canvas: Any) -> None:
        head = self.document.letterhead
        top = self.height - 12 * MM
        left = _MARGIN_X
        right = self.width - _MARGIN_X
        name_x = left
        if head.logo:
            drawn = _draw_logo(canvas, head.logo, left, top)
            if drawn:
                name_x = left + drawn + 5 * MM
        address = [line.strip() for line in head.address.splitlines() if line.strip()]
        if len(address) > 4:  # the block has room for seven lines: a long address runs on in fewer lines
            address = [", ".join(address[:-3]), *address[-3:]]
        contact_lines = [*address, head.phone, head.email, head.website]
        contact_text = "\n".join(line.strip() for line in contact_lines if line.strip())
        contact_width = 60 * MM
        if contact_text:
            contact = paragraph_flowable(contact_text, self.styles["letterhead_contact"])
            _w, h = contact.wrapOn(canvas, contact_width, 40 * MM)
            contact.drawOn(canvas, right - contact_width, top - h + 2)
        name = paragraph_flowable(head.studio_name, self.styles["letterhead_name"])
        _w, h = name.wrapOn(canvas, right - contact_width - name_x - 6 * MM, 30 * MM)
        name.drawOn(canvas, name_x, top - h + 2)
        self._rule(canvas, self.height - _LETTERHEAD_HEIGHT + 5 * MM, 0.9, ACCENT)

    def _header(self, canvas: Any) -> None:
        top = self.height - 12 * MM
        half = (self.width - 2 * _MARGIN_X) / 2
        left = paragraph_flowable(self.document.letterhead.studio_name, self.styles["header"])
        _w, h = left.wrapOn(canvas, half - 4 * MM, 12 * MM)
        left.drawOn(canvas, _MARGIN_X, top - h)
        running = self.document.running_title or self.document.title
        right = paragraph_flowable(running, self.styles["header_right"])
        _w, h2 = right.wrapOn(canvas, half - 4 * MM, 12 * MM)
        right.drawOn(canvas, _MARGIN_X + half + 4 * MM, top - h2)
        self._rule(canvas, top - max(h, h2) - 2.5 * MM, 0.5, RULE)

    def _footer(self, canvas: Any) -> None:
        y = _MARGIN_BOTTOM - 9 * MM
        self._rule(canvas, y + 11, 0.5, RULE)
        number_width = 30 * MM
        footer = paragraph_flowable(self.footer_text, self.styles["header"])
        footer.wrapOn(canvas, self.width - 2 * _MARGIN_X - number_width, 10 * MM)
        footer.drawOn(canvas, _MARGIN_X, y)
        canvas.setFont(fonts.BODY, 8.5)
        canvas.setFillColorRGB(*MUTED)
        digits = canvas.stringWidth("999", fonts.BODY, 8.5)
        right = self.width - _MARGIN_X
        canvas.drawRightString(right - digits, y + 2.2, f"Page {canvas.getPageNumber()} of ")
        canvas.saveState()
        canvas.translate(right - digits, y + 2.2)
        canvas.doForm(_TOTAL_FORM)
        canvas.restoreState()

    def _rule(self, canvas: Any, y: float, width: float, colour: tuple[float, float, float]) -> None:
        canvas.setStrokeColorRGB(*colour)
        canvas.setLineWidth(width)
        canvas.line(_MARGIN_X, y, self.width - _MARGIN_X, y)


def _draw_logo(canvas: Any, logo: bytes, left: float, top: float) -> float:
    """Draws the logo in its box, aspect kept; returns the width used (0 when the image cannot be read)."""
    from reportlab.lib.utils import ImageReader

    try:
        reader = ImageReader(io.BytesIO(logo))
        width, height = reader.getSize()
    except Exception:  # a damaged logo file: the letterhead goes without it
        return 0.0
    scale = min(_LOGO_MAX[0] / width, _LOGO_MAX[1] / height)
    w, h = width * scale, height * scale
    canvas.drawImage(reader, left, top - h + 2, width=w, height=h, mask="auto")
    return float(w)


_classes: dict[str, Any] = {}


def _canvas_class() -> Any:
    """A canvas that, when saved, draws the page total into the form every footer placed ("of M")."""
    if "canvas" not in _classes:
        from reportlab.pdfgen.canvas import Canvas

        class _TotalCanvas(Canvas):
            def save(self) -> None:
                total = self.getPageNumber() - 1
                self.beginForm(_TOTAL_FORM)
                self.setFont(fonts.BODY, 8.5)
                self.setFillColorRGB(*MUTED)
                self.drawString(0, 0, str(max(total, 1)))
                self.endForm()
                super().save()

        _classes["canvas"] = _TotalCanvas
    return _classes["canvas"]


def _hanging_class() -> Any:
    if "hanging" not in _classes:
        from reportlab.platypus import Flowable

        class _Hanging(Flowable):
            def __init__(
                self,
                label: Any,
                body: list[Any],
                label_width: float,
                padding: float,
                shade: tuple[float, float, float] | None,
                rule_below: tuple[float, float, float] | None,
            ) -> None:
                super().__init__()
                self.label, self.body = label, body
                self.label_width, self.padding = label_width, padding
                self.shade, self.rule_below = shade, rule_below
                self._sizes: list[tuple[float, float]] = []

            def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
                pad = self.padding
                inner = avail_width - self.label_width - 2 * pad
                _w, label_h = self.label.wrap(self.label_width - pad, avail_height)
                self._sizes = []
                body_h = 0.0
                for index, flowable in enumerate(self.body):
                    w, h = flowable.wrap(inner, avail_height)
                    space = flowable.getSpaceBefore() if index else 0.0
                    self._sizes.append((w, h))
                    body_h += h + space
                self.width = avail_width
                self.height = max(label_h, body_h) + 2 * pad
                self._label_h = label_h
                return self.width, self.height

            def split(self, avail_width: float, avail_height: float) -> list[Any]:
                # a row taller than the frame (very long free text): stacked, so its parts can flow on
                if self.wrap(avail_width, avail_height)[1] > avail_height and avail_height > 200:
                    return [self.label, *self.body]
                return []

            def draw(self) -> None:
                canvas, pad = self.canv, self.padding
                if self.shade is not None:
                    canvas.setFillColorRGB(*self.shade)
                    canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
                if self.rule_below is not None:
                    canvas.setStrokeColorRGB(*self.rule_below)
                    canvas.setLineWidth(0.4)
                    canvas.line(0, 0, self.width, 0)
                left = pad if self.shade is not None or self.rule_below is not None else 0.0
                self.label.drawOn(canvas, left, self.height - pad - self._label_h)
                y = self.height - pad
                for index, (flowable, (_w, h)) in enumerate(zip(self.body, self._sizes, strict=True)):
                    y -= h + (flowable.getSpaceBefore() if index else 0.0)
                    flowable.drawOn(canvas, self.label_width + pad, y)

        _classes["hanging"] = _Hanging
    return _classes["hanging"]


def _doc_template_class() -> Any:
    if "template" not in _classes:
        from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

        class _Template(BaseDocTemplate):
            def smp_setup(self, document: PdfDocument, decor: _PageDecor) -> None:
                width, height = self.pagesize
                content_w = width - 2 * _MARGIN_X
                first = Frame(
                    _MARGIN_X,
                    _MARGIN_BOTTOM,
                    content_w,
                    height - _MARGIN_BOTTOM - _LETTERHEAD_HEIGHT,
                    id="first",
                    leftPadding=0,
                    rightPadding=0,
                    topPadding=0,
                    bottomPadding=0,
                )
                later = Frame(
                    _MARGIN_X,
                    _MARGIN_BOTTOM,
                    content_w,
                    height - _MARGIN_BOTTOM - _HEADER_HEIGHT - 6 * MM,
                    id="later",
                    leftPadding=0,
                    rightPadding=0,
                    topPadding=0,
                    bottomPadding=0,
                )
                self.addPageTemplates(
                    [
                        PageTemplate("first", [first], onPage=decor.first_page, autoNextPageTemplate="later"),
                        PageTemplate("later", [later], onPage=decor.later_pages),
                    ]
                )
                self._smp_bookmarks = 0
                self._smp_outline_used = False

            def afterFlowable(self, flowable: Any) -> None:
                outline = getattr(flowable, "_smp_outline", None)
                if outline is None:
                    return
                self._smp_bookmarks += 1
                key = f"smp-heading-{self._smp_bookmarks}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(outline.title, key, level=outline.level, closed=False)
                if not self._smp_outline_used:
                    self.canv.showOutline()
                    self._smp_outline_used = True

        _classes["template"] = _Template
    return _classes["template"]
