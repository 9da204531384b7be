"""Help ▸ About: the app's name and version, and the Qt and Python it runs on (what support asks for first)."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from smp_desktop import APP_NAME, __version__


def version_lines() -> list[str]:
    return [
        f"Qt {qVersion()} · PySide6 {PySide6.__version__}",
        f"Python {platform.python_version()} · {platform.system()} {platform.release()}",
    ]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, icon: QIcon | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        title = QLabel(f"<span style='font-size:16pt; font-weight:600'>{APP_NAME}</span>")
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))
        blurb = QLabel(self.tr("The practice manager for scalp micropigmentation studios."))
        blurb.setWordWrap(True)
        self.runtime_label = QLabel("\n".join(version_lines()))
        self.runtime_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.runtime_label.setStyleSheet("color: palette(placeholder-text);")
        text = QVBoxLayout()
        for widget in (title, self.version_label, blurb, self.runtime_label):
            text.addWidget(widget)
        row = QHBoxLayout()
        window_icon = icon or (parent.windowIcon() if parent is not None else QIcon())
        if not window_icon.isNull():
            picture = QLabel()
            picture.setPixmap(window_icon.pixmap(72, 72))
            picture.setAlignment(Qt.AlignmentFlag.AlignTop)
            row.addWidget(picture)
        row.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
