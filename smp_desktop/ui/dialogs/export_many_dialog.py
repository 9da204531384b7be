"""Export many clients at once: which clients (ticked, all, archived too), what (the record PDF with or without
health answers and photos, or everything held as a ZIP), into which folder; then a progress bar and Cancel while
the files are written (controllers/export_controller.py runs it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.ui.models.export_clients_model import ExportClientsModel


class ExportManyDialog(QDialog):
    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportManyDialog")
        self.setWindowTitle(self.tr("Export Many Clients"))
        self.model = ExportClientsModel()
        self.clients = QListView()
        self.clients.setObjectName("exportClientList")
        self.clients.setModel(self.model)
        self.clients.setUniformItemSizes(True)
        self.select_all = QPushButton(self.tr("Select All"))
        self.select_none = QPushButton(self.tr("Select None"))
        self.include_archived = QCheckBox(self.tr("Show archived clients"))
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("exportChosenCount")
        picks = QHBoxLayout()
        picks.addWidget(self.select_all)
        picks.addWidget(self.select_none)
        picks.addWidget(self.include_archived)
        picks.addStretch(1)
        picks.addWidget(self.chosen_label)
        who = QGroupBox(self.tr("Clients"))
        who_layout = QVBoxLayout(who)
        who_layout.addWidget(self.clients, 1)
        who_layout.addLayout(picks)

        self.record_choice = QRadioButton(self.tr("The record as PDF, one file per client"))
        self.record_choice.setObjectName("exportKindRecord")
        self.subject_choice = QRadioButton(self.tr("Everything held as ZIP (data, photos, documents, the PDF)"))
        self.subject_choice.setObjectName("exportKindSubject")
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.record_choice)
        self.kinds.addButton(self.subject_choice)
        self.record_choice.setChecked(True)
        self.health = QCheckBox(self.tr("Include health answers"))
        self.health.setObjectName("batchIncludeHealth")
        self.photos = QCheckBox(self.tr("Include photos and hairline designs"))
        self.photos.setObjectName("batchIncludePhotos")
        for box, permission in ((self.health, Permission.VIEW_HEALTH), (self.photos, Permission.VIEW_PHOTOS)):
            box.setProperty("allowed", actor.can(permission))
            box.setEnabled(actor.can(permission))
            if not actor.can(permission):
                box.setToolTip(self.tr("Your role may not see this part of the record."))
        record_options = QHBoxLayout()
        record_options.setContentsMargins(24, 0, 0, 0)
        record_options.addWidget(self.health)
        record_options.addWidget(self.photos)
        record_options.addStretch(1)
        what = QGroupBox(self.tr("What"))
        what_layout = QVBoxLayout(what)
        what_layout.addWidget(self.record_choice)
        what_layout.addLayout(record_options)
        what_layout.addWidget(self.subject_choice)

        self.folder = QLineEdit()
        self.folder.setObjectName("exportFolder")
        self.folder.setPlaceholderText(self.tr("The folder the files go into"))
        self.choose_folder = QPushButton(self.tr("Choose…"))
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(self.choose_folder)
        form = QFormLayout()
        form.addRow(self.tr("Into:"), where)

        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("exportManyButton")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("exportCancelButton")
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        self.cancel_button.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(who, 1)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(620, 640)

    def set_running(self, running: bool) -> None:
        """While files are written only Cancel works; the choices stay as they were asked."""
        for widget in (
            self.clients,
            self.select_all,
            self.select_none,
            self.include_archived,
            self.record_choice,
            self.subject_choice,
            self.folder,
            self.choose_folder,
            self.export_button,
            self.close_button,
        ):
            widget.setEnabled(not running)
        for box in (self.health, self.photos):
            box.setEnabled(not running and bool(box.property("allowed")) and self.record_choice.isChecked())
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running or self.progress.value() > 0)
