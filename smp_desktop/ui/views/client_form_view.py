"""The client page: header, suitability banner, the sectioned form and its buttons. Layout only."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.domain import (
    FITZPATRICK_TYPES,
    NORWOOD_STAGES,
    AlopeciaPattern,
    Greying,
    HairLengthWish,
    HairlineStyle,
    ReferralSource,
    ScalpCondition,
    TreatmentReason,
)
from smp_desktop.core.services.client_validation import MAX_LENGTHS
from smp_desktop.ui.views.form_widgets import (
    ChoiceComboBox,
    CountryComboBox,
    FieldError,
    FormSection,
    OptionalDateEdit,
    SuitabilityBanner,
)
from smp_desktop.ui.views.scar_editor import ScarEditor
from smp_desktop.ui.vocabulary import fitzpatrick_label, label

TWO_COLUMNS_FROM = 940  # pixels of page width from which the sections sit side by side

FORM_STYLE = """
QGroupBox { font-weight: 600; border: 1px solid palette(mid); border-radius: 6px; margin-top: 12px;
            padding: 14px 10px 8px 10px; background: palette(base); }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QLabel#pageTitle { font-size: 18pt; font-weight: 600; }
QLabel#pageSubtitle, QLabel#fieldNote { color: palette(placeholder-text); }
QLabel#archivedBadge { background: #6b7280; color: white; border-radius: 4px; padding: 2px 8px; font-weight: 600; }
QLabel#unsavedLabel { color: #9a5b00; font-weight: 600; }
QLabel#fieldError { color: #b3261e; }
QFrame#suitabilityBanner { background: #fff4db; border: 1px solid #e9a23b; border-radius: 6px; }
QFrame#suitabilityBanner QLabel { color: #5c3b00; background: transparent; }
QLabel#bannerTitle { font-weight: 700; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"], QTableView[invalid="true"] {
    border: 1px solid #b3261e; border-radius: 3px; background: #fdeeee; color: black; }
"""


def _line(name: str, placeholder: str = "") -> QLineEdit:
    editor = QLineEdit()
    editor.setObjectName(name)
    if name in MAX_LENGTHS:
        editor.setMaxLength(MAX_LENGTHS[name])
    if placeholder:
        editor.setPlaceholderText(placeholder)
    return editor


class ClientFormView(QWidget):
    """Exposes every editor by its ClientDraft attribute name, plus `editors` and `errors` keyed the same way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientForm")
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}

        self.banner = SuitabilityBanner()
        sections = QWidget()
        self._grid = QGridLayout(sections)
        self._grid.setContentsMargins(0, 0, 4, 0)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(6)
        # (section, (row, column, row span, column span) when two columns fit); one column keeps this order.
        self._sections = [
            (self._identity(), (0, 0, 1, 1)),
            (self._contact(), (0, 1, 2, 1)),
            (self._emergency(), (1, 0, 1, 1)),
            (self._referral(), (2, 0, 1, 1)),
            (self._hair_loss(), (3, 0, 1, 1)),
            (self._hair_and_skin(), (2, 1, 2, 1)),
            (self._scars(), (4, 0, 1, 2)),
            (self._notes(), (5, 0, 1, 2)),
        ]
        self._columns = 0
        self._arrange(1)
        self._align_labels()

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(sections)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(self._header())
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(self._buttons())

    def make_read_only(self) -> None:
        """For a studio that cannot be written (for good: a reopened studio gets a new window): every field can be
        read and copied, its text not greyed out, but nothing changed; choices, ticks and scar buttons are locked."""
        widgets = self.findChildren(QWidget)
        for widget in widgets:
            if isinstance(widget, QComboBox) or (
                isinstance(widget, QAbstractButton)
                and widget not in self._buttons_row
                and not isinstance(widget.parent(), QLineEdit)  # a line edit's own clear button, gone below
            ):
                widget.setEnabled(False)
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
                widget.setClearButtonEnabled(False)  # it would still empty the field
            elif isinstance(widget, QPlainTextEdit):
                widget.setReadOnly(True)
        self.scars.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def showEvent(self, event: QShowEvent) -> None:
        # The style sheet is set when the form is first shown (a client opened), in its place in the window: set
        # earlier, every widget under it was styled again each time the form moved into its tab and window, and the
        # form is not on screen at start-up anyway (issue #8's cold start).
        if not self.styleSheet():
            self.setStyleSheet(FORM_STYLE)
        super().showEvent(event)

    # --- one or two columns, by the space there is -----------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(2 if self.scroll_area.viewport().width() >= TWO_COLUMNS_FROM else 1)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for section, _ in self._sections:
            self._grid.removeWidget(section)
        for position, (section, two_column_place) in enumerate(self._sections):
            if columns == 2:
                self._grid.addWidget(section, *two_column_place)
            else:
                self._grid.addWidget(section, position, 0)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 1 if columns == 2 else 0)
        self._grid.setRowStretch(len(self._sections), 1)

    def _align_labels(self) -> None:
        """One label width for every section, so that fields line up from one section to the next."""
        captions = [
            widget
            for section, _ in self._sections
            for row in range(section.form.rowCount())
            if (item := section.form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
            and isinstance(widget := item.widget(), QLabel)
        ]
        width = max(caption.sizeHint().width() for caption in captions)
        for caption in captions:
            caption.setMinimumWidth(width)

    # --- header and buttons ---------------------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        self.name_label = QLabel()
        self.name_label.setObjectName("pageTitle")
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("pageSubtitle")
        self.archived_badge = QLabel(self.tr("Archived"))
        self.archived_badge.setObjectName("archivedBadge")
        self.archived_badge.hide()
        self.unsaved_label = QLabel(self.tr("Unsaved changes"))
        self.unsaved_label.setObjectName("unsavedLabel")
        self.unsaved_label.hide()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.name_label)
        subtitle = QHBoxLayout()
        subtitle.addWidget(self.subtitle_label)
        subtitle.addWidget(self.archived_badge)
        subtitle.addStretch(1)
        titles.addLayout(subtitle)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addWidget(self.unsaved_label)
        return header

    def _buttons(self) -> QHBoxLayout:
        self.archive_button = QPushButton(self.tr("Archive"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo the changes made since the last save"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(
            self.tr("Save (%1)").replace("%1", QKeySequence(QKeySequence.StandardKey.Save).toString())
        )
        self.save_button.setMinimumWidth(110)
        self._buttons_row = (self.archive_button, self.revert_button, self.save_button)  # the controller's to set
        row = QHBoxLayout()
        row.addWidget(self.archive_button)
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        return row

    # --- sections -------------------------------------------------------------------------------------------
    def _register(self, section: FormSection) -> FormSection:
        self.editors.update(section.editors)
        self.errors.update(section.errors)
        return section

    def _identity(self) -> FormSection:
        section = FormSection(self.tr("Identity"))
        self.first_name = section.add_field("first_name", self.tr("First name"), _line("first_name"))
        self.last_name = section.add_field("last_name", self.tr("Last name"), _line("last_name"))
        self.preferred_name = section.add_field(
            "preferred_name", self.tr("Preferred name"), _line("preferred_name", self.tr("What they like to be called"))
        )
        self.date_of_birth = OptionalDateEdit()
        section.add_field(
            "date_of_birth", self.tr("Date of birth"), self.date_of_birth, focus=self.date_of_birth.line_edit
        )
        return self._register(section)

    def _contact(self) -> FormSection:
        section = FormSection(self.tr("Contact"))
        self.phone = section.add_field("phone", self.tr("Phone"), _line("phone", "+44 7911 123456"))
        self.email = section.add_field("email", self.tr("E-mail"), _line("email", "name@example.com"))
        self.address_line1 = section.add_field("address_line1", self.tr("Address"), _line("address_line1"))
        self.address_line2 = section.add_field("address_line2", "", _line("address_line2"))
        self.city = section.add_field("city", self.tr("Town or city"), _line("city"))
        self.postcode = section.add_field("postcode", self.tr("Postcode"), _line("postcode"))
        self.country = section.add_field("country", self.tr("Country"), CountryComboBox())
        return self._register(section)

    def _emergency(self) -> FormSection:
        section = FormSection(self.tr("Emergency contact"))
        self.emergency_contact_name = section.add_field(
            "emergency_contact_name", self.tr("Name"), _line("emergency_contact_name")
        )
        self.emergency_contact_phone = section.add_field(
            "emergency_contact_phone", self.tr("Phone"), _line("emergency_contact_phone")
        )
        self.emergency_contact_relation = section.add_field(
            "emergency_contact_relation",
            self.tr("Relation"),
            _line("emergency_contact_relation", self.tr("e.g. partner, brother")),
        )
        return self._register(section)

    def _referral(self) -> FormSection:
        section = FormSection(self.tr("How they found us"))
        self.referral_source = section.add_field(
            "referral_source", self.tr("Source"), ChoiceComboBox(list(ReferralSource), label)
        )
        self.referral_detail = section.add_field(
            "referral_detail", self.tr("Details"), _line("referral_detail", self.tr("e.g. which friend or clinic"))
        )
        return self._register(section)

    def set_health_visible(self, visible: bool) -> None:
        """Show or hide the clinical part of the profile (health data: not for the front desk)."""
        self.hair_loss_section.setVisible(visible)
        self.scars_section.setVisible(visible)
        for editor in (self.fitzpatrick_type, self.scalp_condition, self.scalp_condition_notes):
            cell = editor.parentWidget()  # the row's field: the editor with its error line
            assert cell is not None
            self.hair_and_skin_section.form.setRowVisible(cell, visible)

    def _hair_loss(self) -> FormSection:
        section = self.hair_loss_section = FormSection(self.tr("SMP profile: hair loss"))
        reasons = QWidget()
        reasons_layout = QGridLayout(reasons)
        reasons_layout.setContentsMargins(0, 0, 0, 0)
        self.reasons: dict[TreatmentReason, QCheckBox] = {}
        for position, reason in enumerate(TreatmentReason):
            box = QCheckBox(label(reason))
            self.reasons[reason] = box
            reasons_layout.addWidget(box, position // 2, position % 2)
        section.add_field("reasons", self.tr("Reasons"), reasons, focus=self.reasons[TreatmentReason.THINNING])
        self.norwood_stage = section.add_field(
            "norwood_stage", self.tr("Norwood stage"), ChoiceComboBox(list(NORWOOD_STAGES), str)
        )
        self.alopecia_pattern = section.add_field(
            "alopecia_pattern", self.tr("Alopecia pattern"), ChoiceComboBox(list(AlopeciaPattern), label)
        )
        self.alopecia_temporary = section.add_field(
            "alopecia_temporary", "", QCheckBox(self.tr("Alopecia may be temporary"))
        )
        return self._register(section)

    def _hair_and_skin(self) -> FormSection:
        section = self.hair_and_skin_section = FormSection(self.tr("SMP profile: hair and skin"))
        self.hair_colour = section.add_field(
            "hair_colour", self.tr("Natural hair colour"), _line("hair_colour", self.tr("e.g. dark brown"))
        )
        self.greying = section.add_field("greying", self.tr("Greying"), ChoiceComboBox(list(Greying), label))
        self.fitzpatrick_type = section.add_field(
            "fitzpatrick_type",
            self.tr("Fitzpatrick skin type"),
            ChoiceComboBox(list(FITZPATRICK_TYPES), fitzpatrick_label),
        )
        self.scalp_condition = section.add_field(
            "scalp_condition", self.tr("Scalp condition"), ChoiceComboBox(list(ScalpCondition), label)
        )
        self.scalp_condition_notes = section.add_field(
            "scalp_condition_notes", self.tr("Scalp notes"), _line("scalp_condition_notes")
        )
        self.hairline_style = section.add_field(
            "hairline_style", self.tr("Desired hairline"), ChoiceComboBox(list(HairlineStyle), label)
        )
        self.hair_length_wish = section.add_field(
            "hair_length_wish", self.tr("Hair length wish"), ChoiceComboBox(list(HairLengthWish), label)
        )
        return self._register(section)

    def _scars(self) -> FormSection:
        section = self.scars_section = FormSection(self.tr("Scars"))
        self.scars = ScarEditor()
        section.add_field("scars", "", self.scars, focus=self.scars.table, span=True)
        return self._register(section)

    def _notes(self) -> FormSection:
        section = FormSection(self.tr("Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Anything the team should know about this client"))
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 5)
        self.notes.setTabChangesFocus(True)
        section.add_field("notes", "", self.notes, span=True)
        return self._register(section)
