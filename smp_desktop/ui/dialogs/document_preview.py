"""Previewing, printing and saving a PDF the app made (aftercare sheet, removal plan, whole record, ...).

`show_document(parent, pdf, suggested_name, title, runner=...)` opens the preview window-modally and returns it.
The pages are rendered with pdfium (pypdfium2; PySide6-Essentials has no QtPdf) on a worker thread when a runner
is given, so a long record does not freeze the window. Print… goes through Qt's print dialog and paints each page
onto the QPrinter at the printer's resolution; Save as… proposes the safe file name and writes atomically.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.background import Runner

KEEP_PAGES = 8  # page images held at most (≈4 MB each); the others are rendered again when scrolled back to
PREVIEW_SCALE = 1.6  # pixels per PDF point for the on-screen pages (≈115 dpi; shown scaled to the zoom)
PRINT_DPI_MAX = 300  # enough for text and photos on paper; higher only makes the print job bigger
_PDFIUM = threading.Lock()  # pdfium must not be called from two threads at once
ZOOMS = (("Fit width", 0.0), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0), ("125%", 1.25), ("150%", 1.5))


class PreviewFailed(Exception):
    """The PDF cannot be opened for preview or printing."""


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's size in points (fast: nothing is rendered)."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = _open(pdfium, pdf)
        try:
            return [(float(w), float(h)) for w, h in (document.get_page_size(i) for i in range(len(document)))]
        finally:
            document.close()


def render_pages(
    pdf: bytes, indices: Sequence[int] | None = None, scale: float = PREVIEW_SCALE
) -> list[tuple[int, QImage]]:
    """Pages (all, or the 0-based indices given) as images; safe on a worker thread (QImage, not QPixmap)."""
    import pypdfium2 as pdfium

    images = []
    with _PDFIUM:
        document = _open(pdfium, pdf)
        try:
            wanted = range(len(document)) if indices is None else [i for i in indices if 0 <= i < len(document)]
            for index in wanted:
                images.append((index, _render(document[index], scale)))
        finally:
            document.close()
    return images


def _open(pdfium: Any, pdf: bytes) -> Any:
    try:
        return pdfium.PdfDocument(pdf)
    except Exception as exc:  # pdfium raises its own error types for damaged files
        raise PreviewFailed(f"The document cannot be shown: it is not a readable PDF ({exc}).") from exc


def _render(page: Any, scale: float) -> QImage:
    bitmap = page.render(scale=scale, rev_byteorder=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    copy = image.copy()  # own the pixels before pdfium frees the bitmap
    page.close()
    return copy


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paints the PDF's pages onto the printer (honouring a page range chosen in the print dialog), each page
    scaled to fit the printable area with its aspect kept. Returns the number of pages printed."""
    import pypdfium2 as pdfium

    dpi = min(printer.resolution(), PRINT_DPI_MAX)
    painter = QPainter()
    printed = 0
    with _PDFIUM:
        document = _open(pdfium, pdf)
        try:
            total = len(document)
            first, last = 1, total
            if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
                first, last = max(1, printer.fromPage()), min(total, printer.toPage() or total)
            if not painter.begin(printer):
                raise PreviewFailed("The printer could not be started; check that it is switched on and try again.")
            try:
                for number in range(first, last + 1):
                    if printed:
                        printer.newPage()
                    image = _render(document[number - 1], dpi / 72)
                    area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
                    area.moveTo(0, 0)
                    fitted = QSize(image.width(), image.height()).scaled(
                        area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio
                    )
                    target = QRectF(0, 0, fitted.width(), fitted.height())
                    target.moveCenter(area.center())
                    target.moveTop(area.top())
                    painter.drawImage(target, image)
                    printed += 1
            finally:
                painter.end()
        finally:
            document.close()
    return printed


class DocumentPreviewDialog(QDialog):
    """The pages one under the other, a zoom, Print…, Save as… and Close."""

    def __init__(
        self,
        pdf: bytes,
        suggested_name: str,
        title: str,
        parent: QWidget | None = None,
        *,
        runner: Runner | None = None,
        save_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.save_folder = save_folder or Path.home()
        self._runner = runner
        self._sizes: list[tuple[float, float]] = []
        self._images: OrderedDict[int, QImage] = OrderedDict()  # rendered pages, least recently shown first
        self._pending: set[int] = set()
        self.page_labels: list[QLabel] = []
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(0)
        self._visible_timer.timeout.connect(self._render_visible)
        self.setWindowTitle(title)
        self.setObjectName("documentPreview")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.status = QLabel(self.tr("Preparing the pages…"))
        self.status.setObjectName("previewStatus")
        self.zoom = QComboBox()
        for text, factor in ZOOMS:
            self.zoom.addItem(self.tr(text), factor)
        self.zoom.setToolTip(self.tr("Zoom"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.setDefault(True)
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(QLabel(self.tr("Zoom:")))
        top.addWidget(self.zoom)
        top.addSpacing(12)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        top.addWidget(self.close_button)

        self.pages = QWidget()
        self.pages.setObjectName("previewPages")
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setSpacing(14)
        self._pages_layout.setContentsMargins(18, 18, 18, 18)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidget(self.pages)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setStyleSheet("QScrollArea, #previewPages { background: #8a8f96; }")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.page_scroll, 1)

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        self.zoom.currentIndexChanged.connect(lambda _index: self._lay_out_pages())
        self.page_scroll.verticalScrollBar().valueChanged.connect(lambda _value: self._schedule_visible())
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        self.resize(860, 980)
        self._start_rendering()

    # --- pages ----------------------------------------------------------------------------------------------
    # Pages are laid out at once (placeholders of the right size) and rendered as they come into view, a few
    # pages around the viewport kept: a 200-page record does not hold 200 page images.
    def _start_rendering(self) -> None:
        pdf = self.pdf
        if self._runner is None:
            try:
                self._show_pages(page_sizes(pdf))
            except PreviewFailed as exc:
                self._failed(exc)
            return
        self._runner.run(
            lambda: page_sizes(pdf), on_done=self._while_open(self._show_pages), on_error=self._while_open(self._failed)
        )

    def _while_open(self, handler: Callable[[Any], None]) -> Callable[[Any], None]:
        """A worker's result for the dialog, dropped if the dialog was closed and deleted meanwhile (closing the
        preview while its pages render)."""

        def deliver(value: Any) -> None:
            if shiboken6.isValid(self):
                handler(value)

        return deliver

    def _show_pages(self, sizes: list[tuple[float, float]]) -> None:
        self._sizes = sizes
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        for number in range(1, len(sizes) + 1):
            label = QLabel()
            label.setObjectName(f"previewPage{number}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: white; border: 1px solid #5b6067; color: #8a8f96;")
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            self._pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        count = len(sizes)
        self.status.setText(self.tr("1 page") if count == 1 else self.tr("%1 pages").replace("%1", str(count)))
        self.print_button.setEnabled(count > 0)
        self.save_button.setEnabled(True)
        self._lay_out_pages()

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def rendered_pages(self) -> list[int]:
        """The 0-based pages whose image is held now (tests; the rest show a blank page until scrolled to)."""
        return sorted(self._images)

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error) if isinstance(error, PreviewFailed) else self.tr("The pages cannot be shown."))
        self.save_button.setEnabled(True)  # the bytes may still be worth keeping

    def _page_width(self, index: int) -> int:
        factor = float(self.zoom.currentData() or 0.0)
        if factor <= 0:  # fit width
            return max(200, self.page_scroll.viewport().width() - 40)
        return max(100, round(self._sizes[index][0] * factor * 96 / 72))

    def _lay_out_pages(self) -> None:
        for index, label in enumerate(self.page_labels):
            width, (page_w, page_h) = self._page_width(index), self._sizes[index]
            label.setFixedSize(QSize(width, round(width * page_h / page_w)) + QSize(2, 2))
            self._paint_page(index)
        self._schedule_visible()

    def _paint_page(self, index: int) -> None:
        label, image = self.page_labels[index], self._images.get(index)
        if image is None:
            label.setPixmap(QPixmap())
            label.setText(self.tr("Page %1").replace("%1", str(index + 1)))
            return
        ratio = self.devicePixelRatioF()
        width = label.width() - 2
        pixmap = QPixmap.fromImage(image).scaledToWidth(
            round(width * ratio), Qt.TransformationMode.SmoothTransformation
        )
        pixmap.setDevicePixelRatio(ratio)
        label.setPixmap(pixmap)

    def _schedule_visible(self) -> None:
        if not self._visible_timer.isActive():
            self._visible_timer.start()

    def _visible_pages(self) -> list[int]:
        """Pages in the viewport and one viewport's height above and below it."""
        viewport = self.page_scroll.viewport()
        top = self.page_scroll.verticalScrollBar().value() - viewport.height()
        bottom = self.page_scroll.verticalScrollBar().value() + 2 * viewport.height()
        margins = self._pages_layout.contentsMargins()
        y = float(margins.top())  # the pages' places from their sizes (the layout may not have run yet)
        shown = []
        for index, label in enumerate(self.page_labels):
            height = label.minimumHeight()
            if y + height >= top and y <= bottom:
                shown.append(index)
            elif y > bottom:
                break
            y += height + self._pages_layout.spacing()
        return shown

    def _render_visible(self) -> None:
        if not self._sizes:
            return
        wanted = [i for i in self._visible_pages() if i not in self._images and i not in self._pending]
        if not wanted:
            return
        self._pending.update(wanted)
        pdf = self.pdf

        def arrived(images: list[tuple[int, QImage]]) -> None:
            self._pending.difference_update(wanted)
            self._got_pages(images)

        def failed(error: Exception) -> None:
            self._pending.difference_update(wanted)
            self._failed(error)

        if self._runner is None:
            arrived(render_pages(pdf, wanted))
            return
        self._runner.run(
            lambda: render_pages(pdf, wanted), on_done=self._while_open(arrived), on_error=self._while_open(failed)
        )

    def _got_pages(self, images: list[tuple[int, QImage]]) -> None:
        if not self.page_labels:
            return
        for index, image in images:
            self._images[index] = image
            self._images.move_to_end(index)
            self._paint_page(index)
        keep = set(self._visible_pages())
        for index in list(self._images):
            if len(self._images) <= KEEP_PAGES:
                break
            if index not in keep:
                del self._images[index]
                self._paint_page(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._sizes and float(self.zoom.currentData() or 0.0) <= 0:
            self._lay_out_pages()

    # --- print and save -------------------------------------------------------------------------------------
    def print_document(self) -> None:
        """Qt's print dialog, then the pages onto the chosen printer."""
        if not self._sizes:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, len(self._sizes))
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.windowTitle()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Prints onto a configured printer; a problem is said in a message, never raised into Qt."""
        try:
            return print_pdf(self.pdf, printer)
        except PreviewFailed as exc:
            QMessageBox.warning(self, self.tr("Not printed"), str(exc))
            return 0

    def save_as(self) -> Path | None:
        """Asks where to save (the safe file name proposed) and writes the PDF atomically."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save document"),
            str(self.save_folder / self.suggested_name),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        return self.save_to(target)

    def save_to(self, target: Path) -> Path | None:
        from smp_desktop.core.documents.files import write_pdf

        try:
            write_pdf(target, self.pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("%1 could not be saved (%2). Choose another folder, or free some space.")
                .replace("%1", target.name)
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.save_folder = target.parent
        self.status.setText(self.tr("Saved as %1").replace("%1", str(target)))
        return target


def show_document(
    parent: QWidget | None,
    pdf: bytes | Path,
    suggested_name: str,
    title: str,
    *,
    runner: Runner | None = None,
    save_folder: Path | None = None,
    on_closed: Callable[[], None] | None = None,
) -> DocumentPreviewDialog:
    """Opens the preview window-modally (no nested event loop) and returns it; it deletes itself when closed."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    dialog = DocumentPreviewDialog(data, suggested_name, title, parent, runner=runner, save_folder=save_folder)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if on_closed is not None:
        dialog.finished.connect(lambda _result: on_closed())
    dialog.open()
    return dialog
