"""Making a document for a person, the one way every document action does it: the build runs in the background
runner as a write (the service records its audit event with it), the result opens in the shared preview (print,
save as), and the preview now open is kept until it closes (tests drive it). Used by the Sessions tab's aftercare
sheet and ink papers, the Removal tab's plan and the Clients menu's record export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from smp_desktop.ui.background import Job, Runner, run_with_progress

if TYPE_CHECKING:  # the preview (and Qt's print support) loads with the first document, not at start-up
    from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog


class Document(Protocol):
    """What a service hands back for the preview (GeneratedDocument, RecordPreview, ...)."""

    @property
    def pdf(self) -> bytes: ...

    @property
    def file_name(self) -> str: ...

    @property
    def title(self) -> str: ...


class DocumentRunner(QObject):
    """`make(build)` runs `build()` in the runner and shows the document it returns; `preview` is the preview now
    open, None once it is closed. The preview's parent is `parent`'s window at the time it opens."""

    def __init__(self, parent: QWidget, runner: Runner, *, save_folder: Callable[[], Path] | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._runner = runner
        self._save_folder = save_folder
        self.preview: DocumentPreviewDialog | None = None

    def make(
        self,
        build: Callable[[], Document],
        *,
        finished: Callable[[], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        progress: str | None = None,
    ) -> Job:
        """Runs the build (as a write: it records the audit event); `finished` runs once it is over, whether it
        worked or not, before the preview opens or the error is handled (a button disabled meanwhile is enabled
        again there). An error goes to `on_error`, else to the runner's error report. With `progress`, the build
        runs behind a progress dialog with that label."""

        def done(document: Document) -> None:
            if finished is not None:
                finished()
            self.show(document)

        def failed(error: Exception) -> None:
            if finished is not None:
                finished()
            (on_error or self._runner.report_error)(error)

        if progress is not None:
            return run_with_progress(
                self._runner, self._parent.window(), progress, build, on_done=done, on_error=failed, writes=True
            )
        return self._runner.run(build, on_done=done, on_error=failed, writes=True)

    def show(self, document: Document) -> DocumentPreviewDialog:
        from smp_desktop.ui.dialogs.document_preview import show_document

        preview = show_document(
            self._parent.window(),
            document.pdf,
            document.file_name,
            document.title,
            runner=self._runner,
            save_folder=self._save_folder() if self._save_folder is not None else None,
            on_closed=lambda: self._closed(preview),
        )
        self.preview = preview
        return preview

    def _closed(self, preview: DocumentPreviewDialog) -> None:
        if self.preview is preview:  # a newer preview may have opened since
            self.preview = None


__all__ = ["Document", "DocumentRunner"]
