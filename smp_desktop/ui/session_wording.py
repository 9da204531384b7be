"""What the Sessions tab and the session editor say, in the user's language: session times, the course at a glance,
the next-session suggestion and the schedule warnings (reworded from their codes; the core's English is the
fallback)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.services.session_data import CourseSummary, NextSession, ScheduleWarning
from smp_desktop.ui.vocabulary import label


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Sessions", text, "", n)


def _time_format() -> str:
    if QLocale().language() == QLocale.Language.C:
        return "HH:mm"
    return QLocale().timeFormat(QLocale.FormatType.ShortFormat)


def format_day(value: date) -> str:
    """ "Thu 3 Dec 2026" in the locale's words and order."""
    if QLocale().language() == QLocale.Language.C:
        return f"{value:%a %d %b %Y}"
    return QLocale().toString(QDate(value.year, value.month, value.day), "ddd d MMM yyyy")


def format_month(value: date) -> str:
    """ "Nov 2031": when a touch-up falls due needs no day."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "MMM yyyy")


def format_clock(moment: datetime) -> str:
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), _time_format())


def format_moment(moment: datetime) -> str:
    """ "Thu 3 Dec 2026, 10:00" in the computer's time zone."""
    local = moment.astimezone()
    return f"{format_day(local.date())}, {format_clock(local)}"


def session_time_span(starts_at: datetime, duration_minutes: int) -> str:
    """ "Thu 3 Dec 2026, 10:00–13:00"."""
    ends = starts_at + timedelta(minutes=duration_minutes)
    return f"{format_moment(starts_at)}–{format_clock(ends)}"


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _tr("%1 min").replace("%1", str(rest))
    if not rest:
        return _tr("%n h", hours)
    return _tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))


def zones_text(zones: Iterable[ScalpZone]) -> str:
    return ", ".join(label(zone) for zone in zones) or "—"


def course_headline(course: CourseSummary, sessions_on_record: int) -> str:
    """ "2 of 3 sessions done", "Course complete (3 sessions)", "No sessions yet"."""
    if sessions_on_record == 0:
        return _tr("No sessions yet")
    if course.course_complete:
        return _tr("Course complete (%n sessions)", course.sessions_done)
    return (
        _tr("%1 of %2 sessions done").replace("%1", str(course.sessions_done)).replace("%2", str(course.course_length))
    )


def course_details(course: CourseSummary, today: date) -> list[str]:
    """The parts after the headline: next planned, last session, touch-up due (or overdue)."""
    parts = []
    if course.next_planned is not None:
        parts.append(
            _tr("Next: %1 (%2)")
            .replace("%1", format_moment(course.next_planned.starts_at))
            .replace("%2", label(course.next_planned.kind))
        )
    else:
        parts.append(_tr("Nothing planned"))
    if course.touch_up_due is not None:
        if course.touch_up_due <= today:
            parts.append(_tr("touch-up overdue since %1").replace("%1", format_month(course.touch_up_due)))
        else:
            parts.append(_tr("touch-up due %1").replace("%1", format_month(course.touch_up_due)))
    return parts


def suggestion_text(suggestion: NextSession) -> str:
    """ "Suggested next: Session 3 on Thu 3 Dec 2026, 10:00 (10–14 days after Session 2 on Mon 23 Nov 2026)"."""
    text = (
        _tr("Suggested next: %1 on %2")
        .replace("%1", label(suggestion.kind))
        .replace("%2", format_moment(suggestion.starts_at))
    )
    if suggestion.window_start is not None and suggestion.after_kind is not None and suggestion.after_date:
        spacing = (suggestion.window_start - suggestion.after_date).days
        longest = ((suggestion.window_end or suggestion.window_start) - suggestion.after_date).days
        text += " " + (
            _tr("(%1–%2 days after %3 on %4)")
            .replace("%1", str(spacing))
            .replace("%2", str(longest))
            .replace("%3", label(suggestion.after_kind))
            .replace("%4", format_day(suggestion.after_date))
        )
    elif suggestion.kind is SessionKind.TOUCH_UP and suggestion.after_date is not None:
        text += " " + _tr("(touch-up after the last session on %1)").replace("%1", format_day(suggestion.after_date))
    return text


def warning_text(warning: ScheduleWarning) -> str:
    if warning.code == "spacing_too_soon":
        other_day = date.fromisoformat(warning.param("other_date"))
        other = label(SessionKind(warning.param("other_kind")))
        days = int(warning.param("days"))
        # Separate sentences for one day: English plurals need no translation file this way.
        if warning.param("direction") == "before":
            text = (
                _tr("%1 on %2 is only 1 day after this one.")
                if days == 1
                else _tr("%1 on %2 is only %n days after this one.", days)
            )
        elif days == 0:
            text = _tr("%1 is on the same day, %2.")
        else:
            text = (
                _tr("%1 on %2 was only 1 day earlier.")
                if days == 1
                else _tr("%1 on %2 was only %n days earlier.", days)
            )
        text = text.replace("%1", other).replace("%2", format_day(other_day))
        return (
            text
            + " "
            + _tr(
                "The studio's minimum spacing is %n days: the scalp is still healing.", int(warning.param("min_days"))
            )
        )
    if warning.code == "artist_overlap":
        starts = datetime.fromisoformat(warning.param("starts_at"))
        ends = datetime.fromisoformat(warning.param("ends_at"))
        return (
            _tr("%1 already has %2 with %3 from %4 to %5 on %6.")
            .replace("%1", warning.param("artist"))
            .replace("%2", label(SessionKind(warning.param("other_kind"))))
            .replace("%3", warning.param("client"))
            .replace("%4", format_clock(starts))
            .replace("%5", format_clock(ends))
            .replace("%6", format_day(starts.astimezone().date()))
        )
    return warning.message


def local_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
