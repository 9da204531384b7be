"""The photo viewer window: the canvas, previous/next, zoom buttons, the ghost of the last shot of the same view,
and the photo's tags beside it. Layout only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.views.photo_viewer import PhotoViewer

VIEWER_STYLE = """
QFrame#photoTags { background: palette(base); border-left: 1px solid palette(mid); }
QLabel#photoTagsTitle { font-size: 13pt; font-weight: 600; }
QLabel#tagValue { padding-bottom: 2px; }
QLabel#viewerPosition, QLabel#zoomLabel, QLabel#viewerStatus { color: palette(placeholder-text); }
"""


class GhostControls(QWidget):
    """ "Show the last <view> photo" and how see-through it is; used by the viewer and the import preview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("Ghost of the previous photo"))
        self.check.setObjectName("ghostCheck")
        self.check.setToolTip(
            self.tr("Lay the previous photo of the same view over this one, see-through, to line up a new shot")
        )
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setObjectName("ghostOpacity")
        self.opacity.setRange(5, 95)
        self.opacity.setValue(50)
        self.opacity.setFixedWidth(120)
        self.opacity.setAccessibleName(self.tr("Ghost opacity"))
        self.opacity.setEnabled(False)
        self.opacity_label = QLabel("50 %")
        self.note = QLabel()
        self.note.setObjectName("viewerStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.opacity)
        layout.addWidget(self.opacity_label)
        layout.addWidget(self.note, 1)


class PhotoViewerWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setStyleSheet(VIEWER_STYLE)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1200, 800)

        self.previous_button = QToolButton()
        self.previous_button.setText(self.tr("◀ Previous"))
        self.previous_button.setToolTip(self.tr("The previous photo (Page Up)"))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("The next photo (Page Down)"))
        self.position_label = QLabel()
        self.position_label.setObjectName("viewerPosition")
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+−)"))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole photo (Ctrl+0)"))
        self.actual_size_button = QToolButton()
        self.actual_size_button.setText(self.tr("100 %"))
        self.actual_size_button.setToolTip(self.tr("One photo pixel per screen pixel (Ctrl+1)"))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("1600 %") + 8)
        self.ghost = GhostControls()
        self.hairline_check = QCheckBox(self.tr("Hairline design"))
        self.hairline_check.setObjectName("hairlineCheck")
        self.hairline_check.setToolTip(self.tr("Show the client's current hairline design for this view over it"))

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.previous_button)
        toolbar.addWidget(self.next_button)
        toolbar.addWidget(self.position_label)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.hairline_check)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.ghost, 1)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.actual_size_button):
            toolbar.addWidget(widget)
        toolbar.addWidget(self.zoom_label)

        self.canvas = PhotoViewer()
        self.canvas.setObjectName("viewerCanvas")
        self.status_label = QLabel()
        self.status_label.setObjectName("viewerStatus")

        left = QVBoxLayout()
        left.setContentsMargins(8, 8, 8, 8)
        left.addLayout(toolbar)
        left.addWidget(self.canvas, 1)
        left.addWidget(self.status_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(left, 1)
        layout.addWidget(self._tags_panel())

        self.previous_shortcut = QShortcut(QKeySequence(Qt.Key.Key_PageUp), self)
        self.next_shortcut = QShortcut(QKeySequence(Qt.Key.Key_PageDown), self)

    def _tags_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("photoTags")
        panel.setFixedWidth(280)
        self.tags_title = QLabel()
        self.tags_title.setObjectName("photoTagsTitle")
        self.tags_title.setWordWrap(True)
        self.tag_values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(4)
        rows = (
            ("view", self.tr("View")),
            ("session", self.tr("Session")),
            ("taken", self.tr("Taken")),
            ("consent", self.tr("Consent")),
            ("file", self.tr("Original file")),
            ("size", self.tr("Size")),
            ("note", self.tr("Note")),
        )
        for key, title in rows:
            value = QLabel()
            value.setObjectName("tagValue")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.tag_values[key] = value
            caption = QLabel(title)
            caption.setStyleSheet("font-weight: 600;")
            form.addRow(caption, value)
        self.edit_button = QPushButton(self.tr("Edit tags…"))
        self.edit_button.setAutoDefault(False)  # Enter in the viewer must not open the editor
        column = QVBoxLayout(panel)
        column.setContentsMargins(14, 14, 14, 14)
        column.addWidget(self.tags_title)
        column.addSpacing(8)
        column.addLayout(form)
        column.addStretch(1)
        column.addWidget(self.edit_button)
        return panel
