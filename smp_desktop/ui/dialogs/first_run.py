"""The first start in an empty data folder: create the studio and its owner, or open a demo studio to look around."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop import APP_NAME
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import Runner, run_with_progress
from smp_desktop.ui.problem_text import problem_text
from smp_desktop.ui.views.client_form_view import FORM_STYLE
from smp_desktop.ui.views.form_widgets import CountryComboBox, FormSection, mark_invalid

DEMO_CLIENTS = 500
DEMO_MODULE = "smp_desktop.core.demo"


class FirstRunDialog(QDialog):
    """Accepted once a studio exists; `actor` is then the owner to work as."""

    def __init__(
        self, studio: OpenStudio, runner: Runner, parent: QWidget | None = None, *, demo_clients: int = DEMO_CLIENTS
    ) -> None:
        super().__init__(parent)
        self._studio = studio
        self._runner = runner
        self._demo_clients = demo_clients
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Welcome to %1").replace("%1", APP_NAME))
        self.setStyleSheet(FORM_STYLE)
        self._build()
        self._connect_signals()

    # --- layout ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        heading = QLabel(self.tr("Welcome to %1").replace("%1", APP_NAME))
        heading.setObjectName("pageTitle")
        intro = QLabel(self.tr("This data folder has no studio yet:\n%1").replace("%1", str(self._studio.paths.root)))
        intro.setObjectName("pageSubtitle")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.create_section = FormSection(self.tr("Create my studio"))
        self.studio_name = QLineEdit()
        self.studio_name.setPlaceholderText(self.tr("e.g. Northside Scalp Studio"))
        self.owner_name = QLineEdit()
        self.owner_name.setPlaceholderText(self.tr("Your name"))
        self.country = CountryComboBox()
        self.country.set_code(QLocale.territoryToCode(QLocale().territory()))
        self.create_section.add_field("studio_name", self.tr("Studio name"), self.studio_name)
        self.create_section.add_field("owner_name", self.tr("Owner"), self.owner_name)
        self.create_section.add_field("country", self.tr("Country"), self.country)
        self.create_button = QPushButton(self.tr("Create my studio"))
        self.create_button.setDefault(True)
        self.create_section.form.addRow("", self.create_button)

        demo_box = QGroupBox(self.tr("Just looking?"))
        demo_text = QLabel(
            self.tr(
                "Open a made-up studio with %1 example clients to try everything out. "
                "Start your real studio later in a new data folder."
            ).replace("%1", QLocale().toString(self._demo_clients))
        )
        demo_text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Open a demo studio"))
        demo_column = QVBoxLayout(demo_box)
        demo_column.addWidget(demo_text)
        demo_column.addStretch(1)
        demo_column.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.quit_button = QPushButton(self.tr("Quit"))
        cards = QHBoxLayout()
        cards.addWidget(self.create_section, 3)
        cards.addWidget(demo_box, 2)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(cards)
        layout.addLayout(bottom)
        self.setMinimumWidth(720)

    # --- behaviour ------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        self.create_button.clicked.connect(self._on_create)
        self.demo_button.clicked.connect(self._on_demo)
        self.quit_button.clicked.connect(self.reject)

    def _on_create(self) -> None:
        self._clear_problems()
        studio_name, owner_name, country = self.studio_name.text(), self.owner_name.text(), self.country.code()
        self.create_button.setEnabled(False)
        self._runner.run(
            lambda: self._studio.services.studio.create(studio_name, owner_name, country=country),
            on_done=self._on_studio_ready,
            on_error=self._on_create_failed,
            writes=True,
        )

    def _on_create_failed(self, error: Exception) -> None:
        self.create_button.setEnabled(True)
        if not isinstance(error, ValidationFailed):
            self._runner.report_error(error)
            return
        first = None
        for problem in error.problems:
            editor = self.create_section.editors.get(problem.field)
            message = self.create_section.errors.get(problem.field)
            if editor is None or message is None:
                continue
            message.show_message(problem_text(problem))
            mark_invalid(editor, True)
            first = first or editor
        if first is not None:
            first.setFocus()

    def _on_demo(self) -> None:
        try:
            demo = importlib.import_module(DEMO_MODULE)
        except ImportError:
            QMessageBox.information(self, APP_NAME, self.tr("The demo studio is not available in this version."))
            return
        self.demo_button.setEnabled(False)
        self.create_button.setEnabled(False)
        run_with_progress(
            self._runner,
            self,
            self.tr("Creating the demo studio…"),
            lambda: demo.create_demo_studio(self._studio, clients=self._demo_clients),
            on_done=self._on_demo_ready,
            on_error=self._on_demo_failed,
            writes=True,
        )

    def _on_demo_failed(self, error: Exception) -> None:
        self.demo_button.setEnabled(True)
        self.create_button.setEnabled(True)
        self._runner.report_error(error)

    def _on_demo_ready(self, result: object) -> None:
        # The demo generator yields progress; the owner it created is the studio's owner.
        self._on_studio_ready(result if isinstance(result, Actor) else self._studio.services.studio.owner())

    def _on_studio_ready(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _clear_problems(self) -> None:
        for name, message in self.create_section.errors.items():
            message.clear_message()
            mark_invalid(self.create_section.editors[name], False)
