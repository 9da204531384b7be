"""A strip across the top of the main window saying something about the whole studio (read-only, a risky folder),
optionally with a button to dismiss it for this session. Layout only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QVBoxLayout, QWidget

BANNER_STYLE = """
QFrame#noticeBanner { background: #fff3bf; border: none; border-bottom: 1px solid #e0b400; }
QFrame#noticeBanner QLabel { color: #4a3b00; background: transparent; }
QLabel#noticeTitle { font-weight: 700; }
QToolButton#noticeDismiss { border: none; padding: 2px 6px; color: #4a3b00; font-size: 13pt; }
QToolButton#noticeDismiss:hover { background: #f5e08a; border-radius: 4px; }
"""


class NoticeBanner(QFrame):
    def __init__(self, title: str, text: str, *, dismissible: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setStyleSheet(BANNER_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 10, 8)
        row.setSpacing(12)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        self.title = QLabel(title)
        self.title.setObjectName("noticeTitle")
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(self.title)
        words.addWidget(self.text)
        row.addWidget(icon)
        row.addLayout(words, 1)
        self.dismiss_button: QToolButton | None = None
        if dismissible:
            self.dismiss_button = QToolButton()
            self.dismiss_button.setObjectName("noticeDismiss")
            self.dismiss_button.setText("✕")
            self.dismiss_button.setToolTip(self.tr("Hide this message until the app is started again"))
            self.dismiss_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.dismiss_button.clicked.connect(self.hide)  # no behaviour beyond hiding itself
            row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
