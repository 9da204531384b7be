"""The client page's Removal tab: the client's plans on the left, the plan editor on the right (plan, Kirby-Desai
assessment with its live score, test spot, sessions with the selected session's parameters, pigment being removed,
assessment photos, risks and aftercare, the earliest date for new SMP). Layout only."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.domain import FITZPATRICK_TYPES
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalPlanStatus,
    RemovalReason,
    RemovalSessionStatus,
    Scarring,
    TattooLocation,
    TestSpotOutcome,
)
from smp_desktop.ui.locale_format import numeric_date_format
from smp_desktop.ui.models.removal_plan_models import (
    NOTES,
    THUMB,
    PhotoPickModel,
    PigmentPickModel,
    RemovalPlanListModel,
    RemovalSessionModel,
)
from smp_desktop.ui.removal_wording import removal_label, with_points
from smp_desktop.ui.views.form_widgets import ChoiceComboBox, FieldError, FormSection, OptionalDateEdit
from smp_desktop.ui.vocabulary import fitzpatrick_label

TAB_STYLE = """
QLabel#kdScore { font-size: 12pt; font-weight: 600; }
QLabel#earliestSmp { font-size: 12pt; font-weight: 600; }
QLabel#intervalWarnings { color: #b06000; }
QLabel#rulesProblem { background: #fff4e0; border: 1px solid #e0a040; border-radius: 4px; padding: 6px; }
QLabel#emptyText, QLabel#fieldNote { color: palette(placeholder-text); }
QLabel#fieldError, QLabel#saveProblems { color: #c62828; }
"""


def _spin(suffix: str, maximum: float, decimals: int = 1) -> QDoubleSpinBox:
    """A number that may be blank: the minimum (0) shows as "—" and means not recorded."""
    spin = QDoubleSpinBox()
    spin.setRange(0, maximum)
    spin.setDecimals(decimals)
    spin.setSingleStep(0.1 if decimals else 1)
    spin.setSpecialValueText("—")
    spin.setSuffix(f" {suffix}")
    spin.setKeyboardTracking(True)
    return spin


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(numeric_date_format())
    return edit


class TextBox(QPlainTextEdit):
    """A few lines of text; its size hint is its height, so the form's label sits level with it."""

    def __init__(self, height: int) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())


def _text(height: int = 60) -> TextBox:
    return TextBox(height)


class RemovalTabView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removalTab")
        self.setStyleSheet(TAB_STYLE)
        self.plans = RemovalPlanListModel(self)
        self.sessions = RemovalSessionModel(self)
        self.pigments = PigmentPickModel(self)
        self.photos = PhotoPickModel(self)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._plan_list())
        splitter.addWidget(self._editor())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.rules_problem = QLabel()
        self.rules_problem.setObjectName("rulesProblem")
        self.rules_problem.setWordWrap(True)
        self.rules_problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rules_problem.hide()
        layout.addWidget(self.rules_problem)
        layout.addWidget(splitter)

    # --- the list of plans ----------------------------------------------------------------------------------------
    def _plan_list(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New plan"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete a plan no session has been done for"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.plan_list = QListView()
        self.plan_list.setObjectName("removalPlans")
        self.plan_list.setModel(self.plans)
        self.plan_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan_list.setSpacing(3)
        self.plan_list.setWordWrap(True)
        column.addWidget(self.plan_list, 1)
        self.empty_label = QLabel(self.tr("No removal plans. Start one with New plan."))
        self.empty_label.setObjectName("emptyText")
        self.empty_label.setWordWrap(True)
        column.addWidget(self.empty_label)
        return panel

    # --- the editor -----------------------------------------------------------------------------------------------
    def _editor(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.editor = QWidget()
        self.editor.setObjectName("removalEditor")
        body = QVBoxLayout(self.editor)
        body.setSpacing(10)
        body.addWidget(self._plan_section())
        body.addWidget(self._assessment_section())
        body.addWidget(self._test_spot_section())
        body.addWidget(self._sessions_section())
        body.addWidget(self._pigment_section())
        body.addWidget(self._photo_section())
        body.addWidget(self._risks_section())
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)
        self.editor_scroll = scroll
        column.addWidget(scroll, 1)

        self.save_problems = QLabel()
        self.save_problems.setObjectName("saveProblems")
        self.save_problems.setWordWrap(True)
        self.save_problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_problems.hide()
        column.addWidget(self.save_problems)
        bar = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.preview_button.setToolTip(self.tr("The saved plan as a PDF: preview, print or save it"))
        self.complete_button = QPushButton(self.tr("Complete plan"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button = QPushButton(self.tr("Save plan"))
        self.save_button.setDefault(True)
        bar.addWidget(self.preview_button)
        bar.addStretch(1)
        for button in (self.complete_button, self.revert_button, self.save_button):
            bar.addWidget(button)
        column.addLayout(bar)
        return panel

    def _plan_section(self) -> FormSection:
        section = self.plan_section = FormSection(self.tr("Plan"))
        self.reason = section.add_field("reason", self.tr("Reason"), ChoiceComboBox(list(RemovalReason), removal_label))
        self.method = section.add_field("method", self.tr("Method"), ChoiceComboBox(list(RemovalMethod), removal_label))
        self.status = section.add_field(
            "status", self.tr("Status"), ChoiceComboBox(list(RemovalPlanStatus), removal_label)
        )
        self.device = section.add_field("device", self.tr("Device"), QLineEdit())
        self.device.setPlaceholderText(self.tr("e.g. Nd:YAG, make and model"))
        self.provider_name = section.add_field("provider_name", self.tr("Referred to"), QLineEdit())
        self.provider_name.setPlaceholderText(self.tr("Clinic or practitioner; blank when the studio does it"))
        self.provider_contact = section.add_field("provider_contact", self.tr("Their contact"), QLineEdit())
        return section

    def _assessment_section(self) -> FormSection:
        section = self.assessment_section = FormSection(self.tr("Assessment (Kirby-Desai scale)"))
        self.fitzpatrick = section.add_field(
            "fitzpatrick_type",
            self.tr("Skin type"),
            ChoiceComboBox(list(FITZPATRICK_TYPES), lambda t: f"{fitzpatrick_label(t)} ({t})"),
        )
        self.kd_location = section.add_field(
            "kd_location", self.tr("Location"), ChoiceComboBox(list(TattooLocation), with_points)
        )
        self.kd_colours = section.add_field(
            "kd_colours", self.tr("Colours"), ChoiceComboBox(list(InkColours), with_points)
        )
        self.kd_amount = section.add_field(
            "kd_amount", self.tr("Amount of ink"), ChoiceComboBox(list(InkAmount), with_points)
        )
        self.kd_scarring = section.add_field(
            "kd_scarring", self.tr("Scarring"), ChoiceComboBox(list(Scarring), with_points)
        )
        self.kd_layering = section.add_field(
            "kd_layering", self.tr("Layering"), ChoiceComboBox(list(Layering), with_points)
        )
        # The six inputs of the Kirby-Desai score, in the scale's order.
        self.score_inputs = (
            self.fitzpatrick, self.kd_location, self.kd_colours, self.kd_amount, self.kd_scarring, self.kd_layering
        )  # fmt: skip
        self.kd_score = QLabel()
        self.kd_score.setObjectName("kdScore")
        self.kd_score.setWordWrap(True)
        section.add_field(None, "", self.kd_score, span=True)
        note = QLabel(
            self.tr(
                "The score estimates laser sessions (about ±2.5). SMP pigment sits shallow and often clears in fewer."
            )
        )
        note.setObjectName("fieldNote")
        note.setWordWrap(True)
        section.add_field(None, "", note, span=True)
        return section

    def _test_spot_section(self) -> FormSection:
        section = self.test_spot_section = FormSection(self.tr("Test spot"))
        self.test_spot_on = section.add_field("test_spot_on", self.tr("Done on"), OptionalDateEdit())
        self.test_spot_outcome = section.add_field(
            "test_spot_outcome", self.tr("Result"), ChoiceComboBox(list(TestSpotOutcome), removal_label)
        )
        self.test_spot_notes = section.add_field("test_spot_notes", self.tr("Notes"), _text(48))
        return section

    def _sessions_section(self) -> FormSection:
        section = self.sessions_section = FormSection(self.tr("Sessions"))
        buttons = QHBoxLayout()
        self.add_session_button = QPushButton(self.tr("Add session"))
        self.add_session_button.setToolTip(self.tr("Planned at the method's usual interval after the last one"))
        self.remove_session_button = QPushButton(self.tr("Remove session"))
        self.interval_hint = QLabel()
        self.interval_hint.setObjectName("fieldNote")
        buttons.addWidget(self.add_session_button)
        buttons.addWidget(self.remove_session_button)
        buttons.addWidget(self.interval_hint, 1)
        holder = QWidget()
        holder.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        section.add_field(None, "", holder, span=True)
        self.session_table = QTableView()
        self.session_table.setObjectName("removalSessions")
        self.session_table.setModel(self.sessions)
        self.session_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.session_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.session_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.session_table.verticalHeader().hide()
        self.session_table.setMinimumHeight(150)
        header = self.session_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)
        section.add_field("sessions", "", self.session_table, span=True)
        self.interval_warnings = QLabel()
        self.interval_warnings.setObjectName("intervalWarnings")
        self.interval_warnings.setWordWrap(True)
        self.interval_warnings.hide()
        section.add_field(None, "", self.interval_warnings, span=True)

        panel = self.session_panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        grid = FormSection(self.tr("Selected session"))
        self.session_status = grid.add_field(
            None, self.tr("Status"), ChoiceComboBox(list(RemovalSessionStatus), removal_label)
        )
        self.session_planned_on = grid.add_field(None, self.tr("Planned for"), _date_edit())
        self.session_done_on = grid.add_field(None, self.tr("Done on"), _date_edit())
        self.wavelength = grid.add_field(None, self.tr("Wavelength"), QComboBox())
        self.fluence = grid.add_field(None, self.tr("Fluence"), _spin("J/cm²", 99.9, 2))
        self.spot_size = grid.add_field(None, self.tr("Spot size"), _spin("mm", 50, 1))
        self.repetition = grid.add_field(None, self.tr("Repetition rate"), _spin("Hz", 99, 1))
        self.interval_note = grid.add_field(None, self.tr("Why sooner"), QLineEdit())
        self.interval_note.setPlaceholderText(self.tr("Needed when planned sooner than the method's interval"))
        self.session_notes = grid.add_field(None, self.tr("Notes"), QLineEdit())
        self.session_error = FieldError()
        grid.form.addRow(self.session_error)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(grid)
        section.add_field(None, "", panel, span=True)
        return section

    def _pigment_section(self) -> FormSection:
        section = self.pigment_section = FormSection(self.tr("Pigment being removed"))
        self.pigment_list = QListView()
        self.pigment_list.setObjectName("removalPigments")
        self.pigment_list.setModel(self.pigments)
        self.pigment_list.setMinimumHeight(90)
        self.pigment_list.setMaximumHeight(160)
        section.add_field("targets", "", self.pigment_list, span=True)
        self.pigment_empty = QLabel(self.tr("No completed sessions with zones on record for this client."))
        self.pigment_empty.setObjectName("emptyText")
        section.add_field(None, "", self.pigment_empty, span=True)
        return section

    def _photo_section(self) -> FormSection:
        section = self.photo_section = FormSection(self.tr("Assessment photos"))
        self.photo_list = QListView()
        self.photo_list.setObjectName("removalPhotos")
        self.photo_list.setModel(self.photos)
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMB, THUMB))
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setWrapping(False)
        self.photo_list.setFlow(QListView.Flow.LeftToRight)
        self.photo_list.setFixedHeight(THUMB + 72)
        section.add_field("photos", "", self.photo_list, span=True)
        self.photo_empty = QLabel(self.tr("No photos of this client yet: import them on the Photos tab."))
        self.photo_empty.setObjectName("emptyText")
        section.add_field(None, "", self.photo_empty, span=True)
        return section

    def _risks_section(self) -> FormSection:
        section = self.risks_section = FormSection(self.tr("Risks, aftercare and new SMP"))
        self.risks = section.add_field("risks", self.tr("Risks"), _text(70))
        self.aftercare = section.add_field("aftercare", self.tr("Aftercare"), QComboBox())
        self.earliest_smp = QLabel()
        self.earliest_smp.setObjectName("earliestSmp")
        self.earliest_smp.setWordWrap(True)
        section.add_field(None, self.tr("New SMP from"), self.earliest_smp)
        self.notes = section.add_field("notes", self.tr("Notes"), _text(48))
        return section
