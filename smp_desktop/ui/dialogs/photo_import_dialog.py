"""The import dialog: the chosen files with a preview (and the ghost of the last shot of the same view), one set of
tags for the whole batch, then a progress bar with Cancel, and in its place the summary beside Close. Layout only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.views.photo_tag_fields import PhotoTagFields
from smp_desktop.ui.views.photo_viewer import PhotoViewer
from smp_desktop.ui.views.photo_viewer_window import GhostControls

IMPORT_STYLE = """
QLabel#importTitle { font-size: 14pt; font-weight: 600; }
QLabel#importSummary { font-weight: 600; }
QLabel#fieldNote, QLabel#importStatus, QLabel#previewNote { color: palette(placeholder-text); }
QGroupBox { font-weight: 600; }
"""


class PhotoImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoImport")
        self.setStyleSheet(IMPORT_STYLE)
        self.resize(1080, 720)
        # While the import runs, closing the window must stop it first (see close_guard).
        self.close_guard: Callable[[], bool] | None = None

        self.title_label = QLabel()
        self.title_label.setObjectName("importTitle")
        self.file_list = QListView()
        self.file_list.setObjectName("importFiles")
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.file_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.file_list.setWordWrap(True)
        self.file_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.file_count_label = QLabel()
        self.file_count_label.setObjectName("fieldNote")
        files_box = QGroupBox(self.tr("Files"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.file_list, 1)
        files_layout.addWidget(self.file_count_label)

        self.preview = PhotoViewer()
        self.preview.setObjectName("importPreview")
        self.preview.setMinimumSize(360, 270)
        self.preview_note = QLabel()
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setWordWrap(True)
        self.ghost = GhostControls()
        preview_box = QGroupBox(self.tr("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.ghost)
        preview_layout.addWidget(self.preview_note)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(files_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.tags = PhotoTagFields()
        tags_box = QGroupBox(self.tr("Tags for every photo of this import"))
        tags_layout = QVBoxLayout(tags_box)
        tags_layout.addWidget(self.tags)

        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("importStatus")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.hide()
        # When the import ends nothing above the bottom row may move, so that the file list and the preview are
        # neither laid out nor painted again while the gallery behind reloads: the status line keeps its line when
        # empty, and the summary takes the progress bar's place in a row as tall as two lines of it from the start.
        self.status_label.setMinimumHeight(self.status_label.fontMetrics().lineSpacing())
        outcome = QWidget()
        outcome_layout = QHBoxLayout(outcome)
        outcome_layout.setContentsMargins(0, 0, 0, 0)
        outcome_layout.addWidget(self.progress, 1)
        outcome_layout.addWidget(self.summary_label, 1)
        bold = QFont(self.summary_label.font())
        bold.setWeight(QFont.Weight.DemiBold)
        outcome.setMinimumHeight(2 * QFontMetrics(bold).lineSpacing())

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()  # after it is added: the button box shows the buttons it is given

        bottom = QHBoxLayout()
        bottom.addWidget(outcome, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(tags_box)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

    def set_running(self, running: bool) -> None:
        """While the import runs: the tags are fixed, the progress shows, Cancel stops it."""
        self.tags.setEnabled(not running)
        self.import_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setEnabled(True)

    def show_finished(self) -> None:
        self.progress.hide()
        self.tags.setEnabled(False)
        self.import_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    # Escape, the window's close button and Cancel all go through reject(): refused while the import runs.
    def reject(self) -> None:
        if self.close_guard is not None and not self.close_guard():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        super().closeEvent(event)
