"""The document preview: pages rendered (off the GUI thread with the real runner), printed through Qt's print
dialog onto a real QPrinter (PDF output read back with pypdf), saved under the proposed safe name; and the one way
document actions make a document and open it there (controllers/document_runner.py)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from smp_desktop.core.documents.layout import Letterhead, PdfDocument
from smp_desktop.core.services.documents import GeneratedDocument
from smp_desktop.ui.background import BackgroundRunner, Job, SynchronousRunner
from smp_desktop.ui.controllers.document_runner import DocumentRunner
from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog, show_document
from tests.ui.runners import WriteNotingRunner

NAMES = ["Zoë Łukasiewicz", "Νίκος", "Дмитрий", "Nguyễn Văn Hùng", "محمد", "王伟", '<b>Ann & "Co"</b>']


def three_pages() -> bytes:
    doc = PdfDocument(Letterhead("Studio Ωmega", phone="+44 20 7946 0000"), title="Preview test")
    doc.document_title("Preview test")
    for number in range(1, 4):
        doc.heading(f"Part {number}")
        for name in NAMES:
            doc.paragraph(f"{name}: line for part {number}")
        if number < 3:
            doc.page_break()
    return doc.build()


@pytest.fixture
def pdf() -> bytes:
    return three_pages()


def open_preview(qtbot: QtBot, pdf: bytes, **kwargs: object) -> DocumentPreviewDialog:
    dialog = show_document(None, pdf, "Zoë - Aftercare.pdf", "Aftercare – Zoë", **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def dark_pixels(dialog: DocumentPreviewDialog, page: int) -> int:
    pixmap = dialog.page_labels[page].pixmap()
    image = pixmap.toImage()
    count = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            if image.pixelColor(x, y).lightness() < 128:
                count += 1
    return count


def test_preview_shows_every_page(qtbot: QtBot, pdf: bytes) -> None:
    dialog = open_preview(qtbot, pdf, runner=SynchronousRunner())
    assert len(dialog.page_labels) == 3
    assert dialog.status.text() == "3 pages"
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages())
    dialog.page_scroll.verticalScrollBar().setValue(dialog.page_scroll.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: dialog.rendered_pages() == [0, 1, 2])
    assert all(not label.pixmap().isNull() for label in dialog.page_labels)
    assert all(dark_pixels(dialog, page) > 20 for page in range(3))  # text was drawn, not a blank sheet
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.windowTitle() == "Aftercare – Zoë"


def test_a_long_document_renders_only_the_pages_near_the_view(qtbot: QtBot) -> None:
    doc = PdfDocument(Letterhead("Studio Ωmega"), title="Long record")
    for number in range(1, 41):
        doc.heading(f"Part {number}")
        doc.paragraph(f"Page {number} of the record")
        doc.page_break()
    dialog = open_preview(qtbot, doc.build(), runner=SynchronousRunner())
    assert dialog.page_count == 40 and len(dialog.page_labels) == 40
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages())
    assert len(dialog.rendered_pages()) <= 4  # the first pages only, not 40 page images
    bar = dialog.page_scroll.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 10)):
        bar.setValue(value)
        qtbot.wait(1)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 39 in dialog.rendered_pages())
    assert len(dialog.rendered_pages()) <= 8  # pages scrolled past were let go
    assert dark_pixels(dialog, 39) > 10 and dialog.page_labels[0].pixmap().isNull()


def test_pages_render_off_the_gui_thread_with_the_real_runner(qtbot: QtBot, pdf: bytes) -> None:
    runner = BackgroundRunner(report_error=lambda error: pytest.fail(str(error)))
    dialog = open_preview(qtbot, pdf, runner=runner)
    assert not dialog.print_button.isEnabled()  # nothing to print before the pages are known
    qtbot.waitUntil(lambda: len(dialog.page_labels) == 3, timeout=10000)
    assert dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages(), timeout=10000)
    assert not dialog.page_labels[0].pixmap().isNull()
    runner.wait()


def test_zoom_changes_the_page_size(qtbot: QtBot, pdf: bytes) -> None:
    dialog = open_preview(qtbot, pdf, runner=SynchronousRunner())
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages())
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(0.5))
    small = dialog.page_labels[0].width()
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(1.5))
    assert dialog.page_labels[0].width() > 2.5 * small


def test_print_paints_every_page_onto_a_real_printer(qtbot: QtBot, pdf: bytes, tmp_path: Path) -> None:
    dialog = open_preview(qtbot, pdf, runner=SynchronousRunner())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == 3
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3

    ranged = QPrinter(QPrinter.PrinterMode.HighResolution)
    ranged.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ranged.setOutputFileName(str(tmp_path / "pages-2-3.pdf"))
    ranged.setPrintRange(QPrinter.PrintRange.PageRange)
    ranged.setFromTo(2, 3)
    assert dialog.print_to(ranged) == 2
    assert len(PdfReader(tmp_path / "pages-2-3.pdf").pages) == 2


def test_the_print_button_goes_through_qts_print_dialog(qtbot: QtBot, pdf: bytes, tmp_path: Path) -> None:
    dialog = open_preview(qtbot, pdf, runner=SynchronousRunner())
    target = tmp_path / "from-dialog.pdf"
    seen: list[QPrintDialog] = []

    def accept_print_dialog() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, QPrintDialog)
        seen.append(modal)
        # with no printer installed Qt offers "Print to File (PDF)": type the file name as a person would
        printers = modal.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.findText("Print to File (PDF)"))
        assert printers.currentText() == "Print to File (PDF)"
        file_name = modal.findChild(QLineEdit, "filename")
        file_name.clear()
        qtbot.keyClicks(file_name, str(target))
        ok = modal.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, accept_print_dialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert seen, "the print dialog was not shown"
    assert len(PdfReader(target).pages) == 3


def test_save_as_proposes_the_safe_name_and_writes_the_pdf(
    qtbot: QtBot, pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_preview(qtbot, pdf, runner=SynchronousRunner(), save_folder=tmp_path)
    proposed: list[str] = []

    def choose(_parent: object, _caption: str, directory: str, _filter: str) -> tuple[str, str]:
        proposed.append(directory)
        return str(tmp_path / "chosen"), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert proposed == [str(tmp_path / "Zoë - Aftercare.pdf")]
    assert (tmp_path / "chosen.pdf").read_bytes() == pdf
    assert "Saved as" in dialog.status.text()


def test_save_failure_is_a_sentence_and_leaves_nothing(
    qtbot: QtBot, pdf: bytes, tmp_path: Path, message_boxes: object
) -> None:
    dialog = open_preview(qtbot, pdf, runner=SynchronousRunner())
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert dialog.save_to(blocked / "out.pdf") is None
    texts = message_boxes.texts()  # type: ignore[attr-defined]
    assert texts and "could not be saved" in texts[-1]


def test_a_damaged_pdf_says_so_and_cannot_be_printed(qtbot: QtBot) -> None:
    dialog = open_preview(qtbot, b"%PDF-1.4 this is not really a pdf", runner=SynchronousRunner())
    assert dialog.page_labels == []
    assert "not a readable PDF" in dialog.status.text()
    assert not dialog.print_button.isEnabled()


def test_show_document_accepts_a_path(qtbot: QtBot, pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    dialog = open_preview(qtbot, path, runner=SynchronousRunner())  # type: ignore[arg-type]
    assert len(dialog.page_labels) == 3
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages())


def test_a_document_action_builds_as_a_write_and_keeps_the_open_preview(
    qtbot: QtBot, pdf: bytes, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    reported: list[Exception] = []
    runner = WriteNotingRunner(report_error=reported.append)
    maker = DocumentRunner(parent, runner, save_folder=lambda: tmp_path)
    finished: list[str] = []

    sheet = GeneratedDocument(pdf, "Zoë - Aftercare.pdf", "Aftercare – Zoë")
    maker.make(lambda: sheet, finished=lambda: finished.append("done"))
    preview = maker.preview
    assert preview is not None and preview.isVisible() and preview.parent() is parent
    assert preview.suggested_name == "Zoë - Aftercare.pdf" and preview.windowTitle() == "Aftercare – Zoë"
    assert preview.save_folder == tmp_path and len(preview.page_labels) == 3
    assert finished == ["done"] and runner.writes[0]  # the build, a write (its audit event); page renders follow
    preview.close()
    assert maker.preview is None  # closed: nothing kept

    def refused() -> GeneratedDocument:
        raise OSError("the disk is full")

    maker.make(refused, finished=lambda: finished.append("failed"))
    assert maker.preview is None and finished == ["done", "failed"]
    assert [str(e) for e in reported] == ["the disk is full"]  # no handler given: the runner's error report
    handled: list[Exception] = []
    maker.make(refused, on_error=handled.append)
    assert len(handled) == 1 and len(reported) == 1
    preview.deleteLater()  # closed is not gone: the offscreen platform would keep it as the activated window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_document_built_on_a_worker_thread_opens_on_the_gui_thread(qtbot: QtBot, pdf: bytes) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = BackgroundRunner(report_error=lambda error: pytest.fail(str(error)))
    maker = DocumentRunner(parent, runner)
    threads: list[object] = []

    def build() -> GeneratedDocument:
        threads.append(threading.current_thread())
        return GeneratedDocument(pdf, "Νίκος - Aftercare.pdf", "Aftercare – Νίκος")

    maker.make(build, finished=lambda: threads.append(threading.current_thread()))
    assert maker.preview is None  # not yet: the build runs off the GUI thread
    qtbot.waitUntil(lambda: maker.preview is not None, timeout=10000)
    assert threads[0] is not threading.main_thread() and threads[1] is threading.main_thread()
    preview = maker.preview
    assert preview is not None and preview.suggested_name == "Νίκος - Aftercare.pdf"
    qtbot.waitUntil(lambda: len(preview.page_labels) == 3, timeout=10000)
    preview.close()
    assert maker.preview is None
    assert runner.wait(10000)
    preview.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class HeldRunner(SynchronousRunner):
    """Holds each job until `release()`: the worker's result arrives when the test says."""

    def __init__(self, reported: list[Exception]) -> None:
        super().__init__(report_error=reported.append)
        self.held: list[tuple[Any, dict[str, Any]]] = []

    def run(self, fn: Any, **kwargs: Any) -> Job:
        self.held.append((fn, kwargs))
        return Job(fn, on_done=lambda _r: None, on_error=None, on_progress=None, on_cancelled=None,
                   cancellable=False, report_error=self.report_error)  # fmt: skip

    def release(self) -> None:
        held, self.held = self.held, []
        for fn, kwargs in held:
            super().run(fn, **kwargs)


def test_pages_that_arrive_after_the_preview_was_closed_are_dropped(qtbot: QtBot, pdf: bytes) -> None:
    reported: list[Exception] = []
    runner = HeldRunner(reported)
    dialog = show_document(None, pdf, "Zoë - Aftercare.pdf", "Aftercare – Zoë", runner=runner)
    runner.release()  # the page sizes: the pages are laid out and their rendering asked for
    assert len(dialog.page_labels) == 3
    qtbot.waitUntil(lambda: bool(runner.held))  # the first pages' images are on their way
    dialog.close()  # the person closes the preview before they arrive; it deletes itself
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.release()
    assert reported == []  # nothing reached a deleted dialog, no error box
