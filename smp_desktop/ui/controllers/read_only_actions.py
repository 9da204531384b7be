"""The read-only studio's rule for actions that record an audit event as they work, though they change no record
(a document made for a client, a record exported, a signed consent opened): the audit trail of health data cannot
be written in a read-only studio, so the action is switched off there and its tooltip says why, rather than
failing on the audit write after the person asked for it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget


def read_only_note() -> str:
    return QCoreApplication.translate(
        "ReadOnly",
        "Not available in a read-only studio: doing this is recorded in the audit trail, which cannot be written now.",
    )


def explain_read_only(*targets: QWidget | QAction) -> None:
    """Switches the targets off and puts the reason under their own tooltip. The caller's own enabling keeps them
    off from then on (it includes `not read_only`); a menu holding one of the actions shows tooltips, so the
    reason is there when the pointer rests on the greyed entry."""
    note = read_only_note()
    for target in targets:
        target.setEnabled(False)
        if isinstance(target, QAction):
            target.setToolTip(note)  # an action's own tooltip is only its text again
            for holder in target.associatedObjects():
                if isinstance(holder, QMenu):
                    holder.setToolTipsVisible(True)
        else:
            described = target.toolTip()
            target.setToolTip(f"{described}\n\n{note}" if described else note)


__all__ = ["explain_read_only", "read_only_note"]
