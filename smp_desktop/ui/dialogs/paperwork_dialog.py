"""Print a day's paperwork (File ▸ Print Day's Paperwork…): choose the day (tomorrow by default), see the planned
sessions it covers in appointment order, then preview and print the pre-filled forms as one job (or save one PDF)."""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.services.session_data import Appointment


class PaperworkDialog(QDialog):
    """day_changed(date) asks for the day's appointments; print_requested(date) for the packets."""

    day_changed = Signal(object)
    print_requested = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperworkDialog")
        self.setWindowTitle(self.tr("Print Day's Paperwork"))
        self.resize(560, 460)
        self.appointments: list[Appointment] = []
        tomorrow = today + timedelta(days=1)
        self.day = QDateEdit(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dddd d MMMM yyyy")
        self.sessions = QLabel()
        self.sessions.setObjectName("paperworkSessions")
        self.sessions.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.sessions)
        explain = QLabel(
            self.tr(
                "For each session: the treatment consent with the health questionnaire, pre-filled with the "
                "client's details, and the photo and data-protection forms the client has not signed yet."
            )
        )
        explain.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Preview and Print…"))
        self.print_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.day.dateChanged.connect(lambda _d: self.day_changed.emit(self.chosen_day()))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.chosen_day()))
        self.close_button.clicked.connect(self.reject)
        self.print_button.setEnabled(False)

    def chosen_day(self) -> date:
        return date.fromisoformat(self.day.date().toString("yyyy-MM-dd"))

    def show_appointments(self, day: date, appointments: list[Appointment]) -> None:
        if day != self.chosen_day():
            return
        self.appointments = appointments
        if not appointments:
            self.sessions.setText(self.tr("No sessions are planned on this day."))
        else:
            lines = "".join(
                f"<li>{a.starts_at.astimezone():%H:%M} · {html.escape(a.client_name)} · "
                f"{html.escape(a.kind.value.replace('_', ' ').capitalize())}"
                + (f" · {html.escape(a.artist_name)}" if a.artist_name else "")
                + "</li>"
                for a in appointments
            )
            count = self.tr("%n planned session(s):", "", len(appointments))
            self.sessions.setText(f"<p>{count}</p><ol>{lines}</ol>")
        self.print_button.setEnabled(bool(appointments))
