"""Previewing, printing and saving a PDF the app made (aftercare sheet, removal plan, whole record, ...).

`show_document(parent, pdf, suggested_name, title, runner=...)` opens the preview window-modally and returns it.
The pages are rendered with pdfium (pypdfium2; PySide6-Essentials has no QtPdf) on a worker thread when a runner
is given, so a long record does not freeze the window. Print… goes through Qt's print dialog and paints each page
onto the QPrinter at the printer's resolution; Save as… proposes the safe file name and writes atomically.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.background import Runner

PREVIEW_SCALE = 1.6  # pixels per PDF point for the on-screen pages (≈115 dpi; shown scaled to the zoom)
PRINT_DPI_MAX = 300  # enough for text and photos on paper; higher only makes the print job bigger
_PDFIUM = threading.Lock()  # pdfium must not be called from two threads at once
ZOOMS = (("Fit width", 0.0), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0), ("125%", 1.25), ("150%", 1.5))


class PreviewFailed(Exception):
    """The PDF cannot be opened for preview or printing."""


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = _open(pdfium, pdf)
        try:
            return len(document)
        finally:
            document.close()


def render_pages(pdf: bytes, scale: float = PREVIEW_SCALE) -> list[QImage]:
    """Every page as an image (safe on a worker thread: QImage, not QPixmap)."""
    import pypdfium2 as pdfium

    images = []
    with _PDFIUM:
        document = _open(pdfium, pdf)
        try:
            for index in range(len(document)):
                images.append(_render(document[index], scale))
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
        self._images: list[QImage] = []
        self.page_labels: list[QLabel] = []
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
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        self.resize(860, 980)
        self._start_rendering()

    # --- pages ----------------------------------------------------------------------------------------------
    def _start_rendering(self) -> None:
        pdf = self.pdf
        if self._runner is None:
            try:
                self._show_pages(render_pages(pdf))
            except PreviewFailed as exc:
                self._failed(exc)
            return
        self._runner.run(lambda: render_pages(pdf), on_done=self._show_pages, on_error=self._failed)

    def _show_pages(self, images: list[QImage]) -> None:
        self._images = images
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        for number, _image in enumerate(images, start=1):
            label = QLabel()
            label.setObjectName(f"previewPage{number}")
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("background: white; border: 1px solid #5b6067;")
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            self._pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        count = len(images)
        self.status.setText(self.tr("1 page") if count == 1 else self.tr("%1 pages").replace("%1", str(count)))
        self.print_button.setEnabled(count > 0)
        self.save_button.setEnabled(True)
        self._lay_out_pages()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error) if isinstance(error, PreviewFailed) else self.tr("The pages cannot be shown."))
        self.save_button.setEnabled(True)  # the bytes may still be worth keeping

    def _lay_out_pages(self) -> None:
        if not self._images:
            return
        factor = float(self.zoom.currentData() or 0.0)
        ratio = self.devicePixelRatioF()
        for label, image in zip(self.page_labels, self._images, strict=True):
            if factor <= 0:  # fit width
                width = max(200, self.page_scroll.viewport().width() - 40)
            else:
                width = int(image.width() / PREVIEW_SCALE * factor * 96 / 72)
            pixmap = QPixmap.fromImage(image).scaledToWidth(
                int(width * ratio), Qt.TransformationMode.SmoothTransformation
            )
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize() + QSize(2, 2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if float(self.zoom.currentData() or 0.0) <= 0:
            self._lay_out_pages()

    # --- print and save -------------------------------------------------------------------------------------
    def print_document(self) -> None:
        """Qt's print dialog, then the pages onto the chosen printer."""
        if not self._images:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, len(self._images))
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
