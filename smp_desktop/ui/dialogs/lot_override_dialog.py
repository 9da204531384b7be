"""Asked when the artist picks a lot that may not be used (expired, recalled, used up, label incomplete): what is
wrong with it, and the reason for using it anyway, which is kept on the zone. Without a reason nothing changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smp_desktop.core.ink import Usability
from smp_desktop.core.services.ink_data import LotRecord
from smp_desktop.core.services.session_validation import ZONE_MAX_LENGTHS


def _tr(text: str) -> str:
    return QCoreApplication.translate("LotOverrideDialog", text)


def lot_problems_text(lot: LotRecord) -> list[str]:
    """One sentence per reason the lot may not be used."""
    lines = []
    for reason in lot.usability:
        if reason is Usability.RECALLED and lot.recall is not None:
            lines.append(
                _tr("Recalled on %1: %2")
                .replace("%1", lot.recall.recalled_on.isoformat())
                .replace("%2", lot.recall.reason)
            )
        elif reason is Usability.RECALLED:
            lines.append(_tr("Recalled."))
        elif reason is Usability.EXPIRED:
            day = lot.use_by.isoformat() if lot.use_by else "—"
            lines.append(_tr("Expired: its last usable day was %1.").replace("%1", day))
        elif reason is Usability.USED_UP:
            lines.append(_tr("Marked used up in the ink register."))
        elif reason is Usability.LABEL_INCOMPLETE:
            items = ", ".join(item.label for item in lot.label_gaps)
            lines.append(_tr("The label is incomplete: %1 not confirmed.").replace("%1", items))
    return lines


class LotOverrideDialog(QDialog):
    def __init__(self, lot: LotRecord, zone_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotOverrideDialog")
        self.setWindowTitle(self.tr("Use this lot anyway?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.lot = lot
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("%1 — %2").replace("%1", lot.title).replace("%2", zone_name))
        title.setObjectName("lotOverrideTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.problems_label = QLabel("\n".join(f"⚠ {line}" for line in lot_problems_text(lot)))
        self.problems_label.setObjectName("lotProblems")
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.problems_label)
        ask = QLabel(self.tr("Give the reason for using it anyway. It is kept with the session's record."))
        ask.setWordWrap(True)
        layout.addWidget(ask)
        self.reason = QLineEdit()
        self.reason.setObjectName("lotOverrideReason")
        self.reason.setMaxLength(ZONE_MAX_LENGTHS["lot_override_reason"])
        self.reason.setPlaceholderText(self.tr("e.g. the supplier confirmed the batch in writing"))
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox()
        self.use_button: QPushButton = self.buttons.addButton(
            self.tr("Use this lot"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setObjectName("useLotButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.use_button.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.use_button.setEnabled(bool(text.strip())))
        self.resize(520, self.sizeHint().height())

    @property
    def reason_text(self) -> str:
        return self.reason.text().strip()
