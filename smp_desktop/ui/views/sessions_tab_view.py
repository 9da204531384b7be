"""The client page's Sessions tab: the course at a glance, the buttons that act on sessions and the session table.
Layout only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.ui.models.session_table_model import ARTIST, KIND, STATUS, WHEN, ZONES, SessionTableModel

TAB_STYLE = """
QFrame#coursePanel { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
QLabel#courseHeadline { font-size: 14pt; font-weight: 600; }
QLabel#courseDetails { color: palette(text); }
QLabel#courseSuggestion { color: palette(placeholder-text); }
QLabel#emptyText { color: palette(placeholder-text); }
"""


class SessionsTabView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionsTab")
        self.setStyleSheet(TAB_STYLE)
        self.model = SessionTableModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self._course_panel())
        layout.addLayout(self._buttons())
        layout.addWidget(self._table(), 1)
        self.empty_label = QLabel(self.tr("No sessions yet. Book the consultation with New session."))
        self.empty_label.setObjectName("emptyText")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

    def _course_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("coursePanel")
        self.course_headline = QLabel()
        self.course_headline.setObjectName("courseHeadline")
        self.course_details = QLabel()
        self.course_details.setObjectName("courseDetails")
        self.course_details.setWordWrap(True)
        self.course_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.course_suggestion = QLabel()
        self.course_suggestion.setObjectName("courseSuggestion")
        self.course_suggestion.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.course_headline)
        text.addWidget(self.course_details)
        text.addWidget(self.course_suggestion)

        self.touch_up_years = QComboBox()
        self.touch_up_years.setObjectName("touchUpYears")
        self.touch_up_years.setToolTip(self.tr("Years from the last session to this client's touch-up recall"))
        touch_up_caption = QLabel(self.tr("Touch-up after"))
        touch_up_caption.setBuddy(self.touch_up_years)
        touch_up = QVBoxLayout()
        touch_up.setSpacing(2)
        touch_up.addWidget(touch_up_caption)
        touch_up.addWidget(self.touch_up_years)
        touch_up.addStretch(1)

        row = QHBoxLayout(panel)
        row.setContentsMargins(14, 10, 14, 10)
        row.addLayout(text, 1)
        row.addLayout(touch_up)
        return panel

    def _buttons(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.tr("New session…"))
        self.new_button.setToolTip(self.tr("Book the next session, pre-filled with the suggestion"))
        self.edit_button = QPushButton(self.tr("Open…"))
        self.complete_button = QPushButton(self.tr("Mark completed"))
        self.cancel_button = QPushButton(self.tr("Cancel session…"))
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        for button in (self.edit_button, self.complete_button, self.cancel_button):
            row.addWidget(button)
        for button in (self.new_button, self.edit_button, self.complete_button, self.cancel_button):
            # Full labels whenever there is room; a very narrow window may clip them rather than grow past the
            # screen (the profile form is the page's narrowest limit).
            button.setMinimumWidth(48)
            button.setToolTip(button.toolTip() or button.text().rstrip("…"))
        return row

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("sessionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WHEN, metrics.horizontalAdvance("Wed 30 Sept 2026, 10:00–13:00") + 24)
        header.resizeSection(KIND, metrics.horizontalAdvance("Colour correction") + 24)
        header.resizeSection(STATUS, metrics.horizontalAdvance("Completed") + 24)
        header.resizeSection(ARTIST, metrics.horizontalAdvance("Tomasz Nowak-Kowalski") + 16)
        header.setSectionResizeMode(ZONES, QHeaderView.ResizeMode.Stretch)
        return self.table
