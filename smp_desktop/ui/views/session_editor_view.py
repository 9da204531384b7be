"""The session editor: the appointment (kind, date and time, duration, artist), the schedule warnings to confirm,
the client's health re-confirmation, the treatment and its zones, notes, and the buttons. Layout only; editors and
their error lines are exposed by the SessionDraft attribute they hold (`editors`, `errors`)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.services.session_validation import MAX_DURATION_MINUTES, MAX_LENGTHS, MIN_DURATION_MINUTES
from smp_desktop.ui.locale_format import numeric_date_format
from smp_desktop.ui.models.zone_table_model import (
    DENSITY,
    DEPTH,
    DILUTION,
    LOT,
    NEEDLE,
    NOTES,
    SHADE,
    SPEED,
    STROKE,
    TEXT_COLUMNS,
    VOLTAGE,
    ZONE,
    ZoneTableModel,
)
from smp_desktop.ui.views.choice_delegate import ChoiceDelegate
from smp_desktop.ui.views.client_form_view import FORM_STYLE
from smp_desktop.ui.views.form_widgets import FieldError, FormSection
from smp_desktop.ui.views.zone_delegates import (
    DilutionDelegate,
    LotDelegate,
    TextDelegate,
    stroke_delegate,
    voltage_delegate,
)
from smp_desktop.ui.vocabulary import label

EDITOR_STYLE = (
    FORM_STYLE
    + """
QLabel#statusBadge { border-radius: 4px; padding: 2px 8px; font-weight: 600; color: white; background: #1d4ed8; }
QLabel#statusBadge[status="completed"] { background: #15803d; }
QLabel#statusBadge[status="cancelled"] { background: #6b7280; }
QFrame#scheduleWarning { background: #fff4db; border: 1px solid #e9a23b; border-radius: 6px; }
QFrame#scheduleWarning QLabel { color: #5c3b00; background: transparent; }
QFrame#scheduleWarning QCheckBox { color: #5c3b00; }
QLabel#readOnlyNote { color: palette(placeholder-text); }
"""
)


def _line(name: str, placeholder: str = "") -> QLineEdit:
    editor = QLineEdit()
    editor.setObjectName(name)
    editor.setMaxLength(MAX_LENGTHS[name])
    editor.setPlaceholderText(placeholder)
    return editor


class ScheduleWarningPanel(QFrame):
    """An amber note about the chosen date or artist, with what confirms it (a reason, or a tick)."""

    def __init__(self, confirm: QWidget, error: FieldError | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleWarning")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(6)
        column.addWidget(self.text)
        column.addWidget(confirm)
        if error is not None:
            column.addWidget(error)
        self.hide()


class SessionEditorView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionEditor")
        self.setStyleSheet(EDITOR_STYLE)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}

        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        grid.addWidget(self._appointment(), 0, 0)
        grid.addWidget(self._health(), 0, 1)
        grid.addLayout(self._warnings(), 1, 0, 1, 2)
        grid.addWidget(self._treatment(), 2, 0)
        grid.addWidget(self._notes(), 2, 1)
        grid.addWidget(self._zones(), 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(self._header())
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(self._buttons())

    # --- header and buttons ---------------------------------------------------------------------------------
    def _header(self) -> QVBoxLayout:
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.status_badge = QLabel()
        self.status_badge.setObjectName("statusBadge")
        self.unsaved_label = QLabel(self.tr("Unsaved changes"))
        self.unsaved_label.setObjectName("unsavedLabel")
        self.unsaved_label.hide()
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.title_label)
        top.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.unsaved_label)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.subtitle_label)
        return column

    def _buttons(self) -> QHBoxLayout:
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setMinimumWidth(110)
        self.complete_button = QPushButton(self.tr("Save and mark completed"))
        self.complete_button.setToolTip(self.tr("The session took place: record it as completed"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addWidget(self.save_button)
        row.addWidget(self.complete_button)
        return row

    # --- sections -------------------------------------------------------------------------------------------
    def _register(self, section: FormSection) -> FormSection:
        self.editors.update(section.editors)
        self.errors.update(section.errors)
        return section

    def _appointment(self) -> FormSection:
        section = FormSection(self.tr("Appointment"))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in SessionKind:
            self.kind.addItem(label(kind), kind.value)
        section.add_field("kind", self.tr("Session"), self.kind)

        self.date = QDateEdit()
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(numeric_date_format())
        self.date.setDate(QDate.currentDate())
        self.date.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 56)
        self.time = QTimeEdit()
        self.time.setObjectName("time")
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(QTime(10, 0))
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date)
        row.addWidget(self.time)
        row.addStretch(1)
        section.add_field("starts_at", self.tr("Date and time"), when, focus=self.date)

        self.duration = QSpinBox()
        self.duration.setObjectName("duration")
        self.duration.setRange(MIN_DURATION_MINUTES, MAX_DURATION_MINUTES)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration_note = QLabel()
        self.duration_note.setObjectName("fieldNote")
        length = QWidget()
        row = QHBoxLayout(length)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.duration)
        row.addWidget(self.duration_note, 1)
        section.add_field("duration_minutes", self.tr("Duration"), length, focus=self.duration)

        self.artist = QComboBox()
        self.artist.setObjectName("artist")
        section.add_field("artist_id", self.tr("Artist"), self.artist)
        return self._register(section)

    def _warnings(self) -> QVBoxLayout:
        self.spacing_note = _line("spacing_note", self.tr("Why book it sooner? (required to save)"))
        spacing_error = FieldError()
        reason = QWidget()
        reason_row = QHBoxLayout(reason)
        reason_row.setContentsMargins(0, 0, 0, 0)
        reason_caption = QLabel(self.tr("Reason for booking sooner"))
        reason_caption.setBuddy(self.spacing_note)
        reason_row.addWidget(reason_caption)
        reason_row.addWidget(self.spacing_note, 1)
        self.spacing_panel = ScheduleWarningPanel(reason, spacing_error)
        self.editors["spacing_note"] = self.spacing_note
        self.errors["spacing_note"] = spacing_error
        self.accept_overlap = QCheckBox(self.tr("Book anyway (the artist will have two clients at once)"))
        self.accept_overlap.setObjectName("acceptOverlap")
        self.overlap_panel = ScheduleWarningPanel(self.accept_overlap)
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.spacing_panel)
        column.addWidget(self.overlap_panel)
        return column

    def _health(self) -> FormSection:
        section = FormSection(self.tr("Health since the last visit"))
        self.health_unchanged = QRadioButton(self.tr("No change in my health since the last visit"))
        self.health_unchanged.setObjectName("healthUnchanged")
        self.health_changed = QRadioButton(self.tr("Something has changed:"))
        self.health_changed.setObjectName("healthChanged")
        self.health_group = QButtonGroup(self)
        self.health_group.addButton(self.health_unchanged)
        self.health_group.addButton(self.health_changed)
        answers = QWidget()
        column = QVBoxLayout(answers)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.health_unchanged)
        column.addWidget(self.health_changed)
        section.add_field("health_unchanged", "", answers, focus=self.health_unchanged, span=True)
        self.health_changes = QPlainTextEdit()
        self.health_changes.setObjectName("healthChanges")
        self.health_changes.setPlaceholderText(self.tr("e.g. new medication, a skin condition, surgery"))
        self.health_changes.setTabChangesFocus(True)
        self.health_changes.setFixedHeight(self.health_changes.fontMetrics().lineSpacing() * 3 + 14)
        section.add_field("health_changes", "", self.health_changes, span=True)
        self.health_hidden_note = QLabel(
            self.tr("The client's health answers are recorded and seen by the artist and the owner.")
        )
        self.health_hidden_note.setObjectName("readOnlyNote")
        self.health_hidden_note.setWordWrap(True)
        self.health_hidden_note.hide()
        section.form.addRow(self.health_hidden_note)
        self.health_section = section
        return self._register(section)

    def _treatment(self) -> FormSection:
        section = FormSection(self.tr("Treatment"))
        self.numbing = section.add_field(
            "numbing", self.tr("Numbing"), _line("numbing", self.tr("e.g. lidocaine 5% cream, 30 min before"))
        )
        self.skin_reaction = section.add_field(
            "skin_reaction",
            self.tr("Skin reaction"),
            _line("skin_reaction", self.tr("e.g. mild redness, settled within the hour")),
        )
        self.treatment_section = section
        return self._register(section)

    def _notes(self) -> FormSection:
        section = FormSection(self.tr("Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(self.tr("Anything the next session should know"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        section.add_field("notes", "", self.notes, span=True)
        return self._register(section)

    def use_lot_picker(self, delegate: LotDelegate) -> None:
        """The lot column picks from the ink register (instead of free text)."""
        self._lot_delegate = delegate
        self.zone_table.setItemDelegateForColumn(LOT, delegate)

    def _zones(self) -> FormSection:
        section = FormSection(self.tr("Zones treated"))
        self.zone_model = ZoneTableModel(self)
        self.zone_table = QTableView()
        self.zone_table.setObjectName("zoneTable")
        self.zone_table.setModel(self.zone_model)
        table = self.zone_table
        table.setItemDelegateForColumn(ZONE, ChoiceDelegate(ScalpZone, table, editor_name="zoneEditor"))
        table.setItemDelegateForColumn(DILUTION, DilutionDelegate(table))
        table.setItemDelegateForColumn(VOLTAGE, voltage_delegate(table))
        table.setItemDelegateForColumn(STROKE, stroke_delegate(table))
        for column, field in TEXT_COLUMNS.items():
            table.setItemDelegateForColumn(column, TextDelegate(field, table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.zone_edit_triggers = (
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setEditTriggers(self.zone_edit_triggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        widths = {
            ZONE: "Back / donor area",
            SHADE: "Perma Scalp Pigments SMP Black",
            LOT: "⚠ CB-24117",
            DILUTION: "Water : pigment",
            NEEDLE: "1RL 0.25 mm",
            VOLTAGE: "Voltage",
            STROKE: "Stroke",
            SPEED: "level 5",
            DEPTH: "shallow, light pressure",
            DENSITY: "Dot density",
        }
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 26)
        header.setStretchLastSection(True)
        header.resizeSection(NOTES, metrics.horizontalAdvance("Notes") * 4)
        rows = table.verticalHeader()
        rows.setDefaultSectionSize(metrics.height() + 14)
        table.setMinimumHeight(header.sizeHint().height() + 4 * rows.defaultSectionSize() + 6)

        self.add_zone_button = QPushButton(self.tr("Add zone"))
        self.remove_zone_button = QPushButton(self.tr("Remove zone"))
        self.remove_zone_button.setEnabled(False)
        self.copy_zones_button = QPushButton(self.tr("Copy zones from the previous session"))
        self.copy_zones_button.setToolTip(
            self.tr("Start from what was done at the client's last completed session (a touch-up years later, too)")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_zone_button)
        buttons.addWidget(self.remove_zone_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_zones_button)
        self.reuse_mix_button = QPushButton(self.tr("Reuse last mix"))
        self.reuse_mix_button.setObjectName("reuseMixButton")
        self.reuse_mix_button.setToolTip(
            self.tr("Fill each zone with the client's last mix for it: the product (a usable lot of it), the dilution "
                    "and the notes")
        )  # fmt: skip
        self.reuse_mix_button.hide()  # shown when the ink register is at hand
        buttons.addWidget(self.reuse_mix_button)
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.addWidget(table, 1)
        cell_layout.addLayout(buttons)
        section.add_field("zones", "", cell, focus=table, span=True)
        self.zones_section = section
        return self._register(section)
