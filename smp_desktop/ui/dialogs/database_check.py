"""File ▸ Check Database…: run the full health check off the GUI thread and say plainly what it found."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from smp_desktop.core.services.maintenance import CheckReport, MaintenanceService
from smp_desktop.ui.background import Runner, run_with_progress


def _tr(text: str) -> str:
    return QCoreApplication.translate("DatabaseCheck", text)


def check_database(parent: QWidget, maintenance: MaintenanceService, runner: Runner) -> None:
    run_with_progress(
        runner,
        parent,
        _tr("Checking the studio database…"),
        maintenance.check,
        on_done=lambda report: show_report(parent, report),
    )


def report_box(parent: QWidget | None, report: CheckReport) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(_tr("Check database"))
    checked = "\n".join(f"✓ {item}" for item in report.checked)
    if report.healthy:
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(_tr("The studio database is healthy."))
        box.setInformativeText(checked)
    else:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(_tr("The check found problems. Keep using the app, but contact support before changing much."))
        box.setInformativeText("\n".join(f"• {problem}" for problem in report.problems))
        box.setDetailedText(checked)
    return box


def show_report(parent: QWidget | None, report: CheckReport) -> None:
    report_box(parent, report).exec()
