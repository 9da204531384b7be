"""The client page's Hairline tab: which view and photo, the drawing tools, the canvas, the versions, the picked
zone's label and density, a legend, and Save as new version with a note. Layout only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.hairline import DENSITY_LEVELS, ZoneKind
from smp_desktop.ui import vocabulary
from smp_desktop.ui.views.hairline_editor_view import HairlineEditor, Tool
from smp_desktop.ui.views.hairline_overlay import CASING_COLOUR, CURVE_COLOUR, TEMPLE_COLOUR, ZONE_COLOURS, zone_fill

PAGE_STYLE = """
QLabel#hairlineStatus { color: palette(placeholder-text); }
QLabel#hairlineUnsaved { color: #b45309; font-weight: 600; }
QLabel#hairlineHint { color: palette(placeholder-text); padding: 2px 4px; }
QListView#hairlineVersions::item { padding: 6px 4px; }
"""


def density_name(level: int) -> str:
    names = {
        1: QCoreApplication.translate("HairlineDensity", "1 · very light"),
        2: QCoreApplication.translate("HairlineDensity", "2 · light"),
        3: QCoreApplication.translate("HairlineDensity", "3 · medium"),
        4: QCoreApplication.translate("HairlineDensity", "4 · dense"),
        5: QCoreApplication.translate("HairlineDensity", "5 · full"),
    }
    return names.get(level, str(level))


def _swatch(kind: str) -> QPixmap:
    """A small picture of how each part is drawn, for the tools and the legend."""
    pixmap = QPixmap(22, 16)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind == "hairline":
        path = QPainterPath()
        path.moveTo(2, 12)
        path.cubicTo(7, 2, 15, 2, 20, 12)
        painter.setPen(_pen(CASING_COLOUR, 4.5))
        painter.drawPath(path)
        painter.setPen(_pen(CURVE_COLOUR, 2.5))
        painter.drawPath(path)
    elif kind == "temple":
        painter.setPen(_pen(QColor(8, 24, 32), 1.2))
        painter.setBrush(TEMPLE_COLOUR)
        painter.drawPolygon(QPolygonF([QPointF(11, 1), QPointF(18, 8), QPointF(11, 15), QPointF(4, 8)]))
    elif kind == "select":
        painter.setPen(_pen(QColor("#d0d4da"), 1.2))
        painter.setBrush(QColor("#f4f6f8"))
        painter.drawPolygon(QPolygonF([QPointF(6, 1), QPointF(16, 11), QPointF(11, 11), QPointF(8, 15)]))
    else:
        zone = ZoneKind(kind)
        painter.setPen(_pen(ZONE_COLOURS[zone], 1.5))
        painter.setBrush(zone_fill(zone, 3))
        painter.drawRoundedRect(2, 2, 18, 12, 3, 3)
    painter.end()
    return pixmap


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class HairlinePageView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hairlinePage")
        self.setStyleSheet(PAGE_STYLE)
        self.view_combo = QComboBox()
        self.view_combo.setObjectName("hairlineView")
        for view in PhotoView:
            self.view_combo.addItem(vocabulary.label(view), view)
        self.photo_combo = QComboBox()
        self.photo_combo.setObjectName("hairlinePhoto")
        self.photo_combo.setMinimumContentsLength(12)
        self.photo_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_label = QLabel()
        self.status_label.setObjectName("hairlineStatus")
        self.status_label.setWordWrap(True)

        self.canvas = HairlineEditor()
        self._build_actions()
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hairlineHint")
        self.hint_label.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(4)
        left_layout.addWidget(self.toolbar)
        left_layout.addWidget(self.canvas, 1)
        under = QHBoxLayout()
        under.addWidget(self.hint_label, 1)
        under.addWidget(self.edit_bar)
        left_layout.addLayout(under)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        side = QScrollArea()  # a short window scrolls the side panel rather than growing the window
        side.setWidget(self._side_panel())
        side.setWidgetResizable(True)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setMinimumWidth(180)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([780, 270])

        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("hairlineNote")
        self.note_edit.setPlaceholderText(
            self.tr("Note for this version, e.g. “lower, softer temples at the client's wish”")
        )
        self.note_edit.setMaxLength(2000)
        self.unsaved_label = QLabel(self.tr("Unsaved changes"))
        self.unsaved_label.setObjectName("hairlineUnsaved")
        self.unsaved_label.hide()
        self.save_button = QPushButton(self.tr("Save as new version"))
        self.save_button.setObjectName("hairlineSave")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(
            self.tr("Save the design as the next version; earlier versions are kept as they are")
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.note_edit, 1)
        bottom.addWidget(self.unsaved_label)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

    def _build_actions(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("hairlineTools")
        self.toolbar.setIconSize(QSize(22, 16))
        # Words under the pictures: all seven tools fit beside the side panel on a 1280-pixel-wide window.
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        tools = (
            (Tool.SELECT, self.tr("Select"), "select", "V", self.tr("Pick and drag points; drag the photo to pan")),
            (Tool.HAIRLINE, self.tr("Hairline"), "hairline", "H", self.tr("Click to add hairline points")),
            (
                Tool.LEFT_TEMPLE,
                self.tr("Left temple"),
                "temple",
                "L",
                self.tr("The client's left temple (on the right of a front photo)"),
            ),
            (
                Tool.RIGHT_TEMPLE,
                self.tr("Right temple"),
                "temple",
                "R",
                self.tr("The client's right temple (on the left of a front photo)"),
            ),
            (Tool.DENSITY_ZONE, self.tr("Density"), "density", "D", self.tr("Draw a density area: click its corners")),
            (Tool.SCAR_ZONE, self.tr("Scar"), "scar", "S", self.tr("Draw a scar area: click its corners")),
            (
                Tool.KEEP_CLEAR_ZONE,
                self.tr("Keep clear"),
                "keep_clear",
                "K",
                self.tr("Draw an area to leave without pigment"),
            ),
        )
        for tool, text, swatch, key, tip in tools:
            action = QAction(QIcon(_swatch(swatch)), text, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{tip} ({key})")
            action.setData(tool)
            self.tool_group.addAction(action)
            self.tool_actions[tool] = action
            self.toolbar.addAction(action)
            self.addAction(action)
        self.tool_actions[Tool.SELECT].setChecked(True)
        # Editing and zoom under the canvas, beside the hint: they apply whatever the tool.
        self.edit_bar = QToolBar()
        self.edit_bar.setObjectName("hairlineEditBar")
        self.edit_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setToolTip(self.tr("Delete the picked point or zone (Del)"))
        self.undo_action = self.canvas.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.canvas.undo_stack.createRedoAction(self, self.tr("Redo"))
        # The platform's redo keys, plus both common ones (Ctrl+Shift+Z and Ctrl+Y) whatever the platform says.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")):
            if extra not in redo_keys:
                redo_keys.append(extra)
        self.redo_action.setShortcuts(redo_keys)
        self.zoom_out_action = QAction(self.tr("−"), self)
        self.zoom_out_action.setToolTip(self.tr("Zoom out (Ctrl+−)"))
        self.zoom_in_action = QAction(self.tr("+"), self)
        self.zoom_in_action.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_action = QAction(self.tr("Fit"), self)
        self.fit_action.setToolTip(self.tr("Show the whole photo (Ctrl+0)"))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        for action in (self.delete_action, self.undo_action, self.redo_action):
            self.edit_bar.addAction(action)
        self.edit_bar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action):
            self.edit_bar.addAction(action)

    def _side_panel(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(170)
        chooser = QFormLayout()
        chooser.setContentsMargins(0, 0, 0, 0)
        chooser.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        chooser.addRow(self.tr("View"), self.view_combo)
        chooser.addRow(self.tr("Photo"), self.photo_combo)
        chooser.addRow(self.status_label)
        self.versions = QListView()
        self.versions.setObjectName("hairlineVersions")
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setWordWrap(True)
        self.versions.setAlternatingRowColors(True)
        # Long notes wrap inside the panel instead of scrolling sideways.
        self.versions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.versions.setResizeMode(QListView.ResizeMode.Adjust)
        self.versions.setUniformItemSizes(False)
        self.start_from_button = QPushButton(self.tr("Use as starting point"))
        self.start_from_button.setObjectName("hairlineStartFrom")
        self.start_from_button.setToolTip(self.tr("Start a new version from this earlier design"))
        versions_box = QGroupBox(self.tr("Versions"))
        versions_layout = QVBoxLayout(versions_box)
        versions_layout.addWidget(self.versions, 1)
        versions_layout.addWidget(self.start_from_button)

        self.zone_box = QGroupBox(self.tr("Picked zone"))
        self.zone_label_edit = QLineEdit()
        self.zone_label_edit.setObjectName("hairlineZoneLabel")
        self.zone_label_edit.setMaxLength(80)
        self.zone_density = QComboBox()
        self.zone_density.setObjectName("hairlineZoneDensity")
        for level in DENSITY_LEVELS:
            self.zone_density.addItem(density_name(level), level)
        zone_form = QFormLayout(self.zone_box)
        zone_form.addRow(self.tr("Label"), self.zone_label_edit)
        zone_form.addRow(self.tr("Density"), self.zone_density)

        legend = QGroupBox(self.tr("Legend"))
        grid = QGridLayout(legend)
        grid.setColumnStretch(1, 1)
        entries = (
            ("hairline", self.tr("Planned hairline")),
            ("temple", self.tr("Temple points (L, R: the client's left and right)")),
            ("density", self.tr("Density area (deeper tint: denser)")),
            ("scar", self.tr("Scar to camouflage")),
            ("keep_clear", self.tr("Keep clear: no pigment")),
        )
        for row, (swatch, text) in enumerate(entries):
            icon = QLabel()
            icon.setPixmap(_swatch(swatch))
            words = QLabel(text)
            words.setWordWrap(True)
            grid.addWidget(icon, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(words, row, 1)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(chooser)
        layout.addWidget(versions_box, 1)
        layout.addWidget(self.zone_box)
        layout.addWidget(legend)
        return panel

    def show_hint(self, tool: Tool, *, editing: bool, may_redesign: bool) -> None:
        """What the mouse does now, under the canvas."""
        if not editing:
            hint = self.tr("Drag to pan, wheel to zoom.")
            if may_redesign:
                hint += " " + self.tr("Use as starting point to redesign from this version.")
        else:
            hints = {
                Tool.SELECT: self.tr("Drag a point to move it; click a zone to pick it; Del deletes what is picked."),
                Tool.HAIRLINE: self.tr(
                    "Click to extend the hairline at its nearer end; click on the curve to add a point there."
                ),
                Tool.LEFT_TEMPLE: self.tr("Click the client's left temple (on the right of a front photo)."),
                Tool.RIGHT_TEMPLE: self.tr("Click the client's right temple (on the left of a front photo)."),
            }
            zone_hint = self.tr("Click the corners; Enter or double-click closes the zone, Esc drops it.")
            hint = hints.get(tool, zone_hint)
        self.hint_label.setText(hint)
