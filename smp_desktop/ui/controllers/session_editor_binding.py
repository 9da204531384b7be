"""Copying a SessionDraft into the session editor's widgets and reading one back, and the problems the editor finds
before the service is asked (a dilution that is not "water : pigment")."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QTime

from smp_desktop.core.domain import SessionKind
from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.core.services.session_data import SessionDraft
from smp_desktop.core.services.studio import StaffInfo
from smp_desktop.ui.models.zone_table_model import DILUTION
from smp_desktop.ui.views.session_editor_view import SessionEditorView
from smp_desktop.ui.vocabulary import label


def fill_artists(view: SessionEditorView, staff: list[StaffInfo], keep: tuple[int, str] | None = None) -> None:
    """The artist picker: nobody yet, then the staff who treat clients; `keep` adds a former artist of this
    session (no longer on the staff list) so that opening it does not change who did it."""
    view.artist.clear()
    view.artist.addItem("—", None)
    for member in staff:
        if member.treats_clients and member.active:
            view.artist.addItem(member.display_name, member.id)
    if keep is not None and view.artist.findData(keep[0]) < 0:
        view.artist.addItem(keep[1], keep[0])


def write_draft(view: SessionEditorView, draft: SessionDraft) -> None:
    view.kind.setCurrentIndex(max(view.kind.findData(draft.kind.value), 0))
    local = draft.starts_at.astimezone()
    view.date.setDate(QDate(local.year, local.month, local.day))
    view.time.setTime(QTime(local.hour, local.minute))
    view.duration.setValue(draft.duration_minutes)
    view.artist.setCurrentIndex(max(view.artist.findData(draft.artist_id), 0))
    view.numbing.setText(draft.numbing)
    view.skin_reaction.setText(draft.skin_reaction)
    view.health_group.setExclusive(False)  # so that "not asked yet" can show neither answer ticked
    view.health_unchanged.setChecked(draft.health_unchanged is True)
    view.health_changed.setChecked(draft.health_unchanged is False)
    view.health_group.setExclusive(True)
    view.health_changes.setPlainText(draft.health_changes)
    view.spacing_note.setText(draft.spacing_note)
    view.notes.setPlainText(draft.notes)
    view.zone_model.set_zones(draft.zones)


def read_draft(view: SessionEditorView) -> tuple[SessionDraft, list[FieldProblem]]:
    """What the editor holds now, and the zone rows whose dilution cannot be read (counted as not given)."""
    day, clock = view.date.date(), view.time.time()
    starts_at = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute()).astimezone()
    health: bool | None = None
    if view.health_unchanged.isChecked():
        health = True
    elif view.health_changed.isChecked():
        health = False
    zones, unreadable = view.zone_model.entries()
    draft = SessionDraft(
        kind=SessionKind(view.kind.currentData()),
        starts_at=starts_at,
        duration_minutes=view.duration.value(),
        artist_id=view.artist.currentData(),
        numbing=view.numbing.text(),
        skin_reaction=view.skin_reaction.text(),
        health_unchanged=health,
        health_changes=view.health_changes.toPlainText(),
        spacing_note=view.spacing_note.text(),
        notes=view.notes.toPlainText(),
        zones=zones,
    )
    problems = []
    for row in unreadable:
        text = QCoreApplication.translate(
            "SessionEditor", "Zone %1 (%2): “%3” is not a dilution; type parts water : parts pigment, e.g. 3 : 1."
        )
        index = view.zone_model.index(row, DILUTION)
        problems.append(
            FieldProblem(
                "zones",
                text.replace("%1", str(row + 1)).replace("%2", label(zones[row].zone)).replace("%3", str(index.data())),
                "",
                (("number", str(row + 1)), ("column", "dilution")),
            )
        )
    return draft, problems


def snapshot(view: SessionEditorView) -> tuple[object, ...]:
    """Everything the editor shows that a save would keep, compared to tell whether anything changed."""
    draft, _ = read_draft(view)
    texts = tuple(view.zone_model.index(row, DILUTION).data() for row in range(view.zone_model.rowCount()))
    stripped = draft.replace(
        numbing=draft.numbing.strip(),
        skin_reaction=draft.skin_reaction.strip(),
        health_changes=draft.health_changes.strip() if draft.health_unchanged is False else "",
        spacing_note=draft.spacing_note.strip(),
        notes=draft.notes.strip(),
        zones=tuple(z.replace(dilution_water_parts=None, dilution_pigment_parts=None) for z in draft.zones),
    )
    return stripped, texts
