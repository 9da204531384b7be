"""Dates, times, ages, counts and sizes the way the user's locale writes them, and reading back a typed date."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from smp_desktop.core.services.client_validation import age_on

_WEEKDAY = re.compile(r"\s*,?\s*dddd\s*,?\s*")


def numeric_date_format() -> str:
    """The locale's short date with a four-digit year (a two-digit year is ambiguous for a birth date)."""
    if QLocale().language() == QLocale.Language.C:  # no locale configured (e.g. LANG=C): ISO 8601
        return "yyyy-MM-dd"
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def date_placeholder() -> str:
    """What the date field shows while empty, e.g. "dd/mm/yyyy"."""
    return numeric_date_format().lower()


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), numeric_date_format())


def format_long_date(value: date | datetime) -> str:
    """A written-out date without the weekday: "3 March 2025", "March 3, 2025", "2025年3月3日"."""
    pattern = _WEEKDAY.sub(" ", QLocale().dateFormat(QLocale.FormatType.LongFormat)).strip(" ,")
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


def parse_date(text: str) -> date | None:
    """A date typed in the locale's numeric format (leading zeros optional) or as ISO yyyy-mm-dd; else None."""
    text = text.strip()
    if not text:
        return None
    locale = QLocale()
    pattern = numeric_date_format()
    relaxed = pattern.replace("dd", "d").replace("MM", "M")
    for candidate in (pattern, relaxed, "yyyy-MM-dd", "yyyy-M-d"):
        parsed = locale.toDate(text, candidate)
        if parsed.isValid() and parsed.year() >= 1000:
            return date(parsed.year(), parsed.month(), parsed.day())
    return None


def age_text(born: date, today: date) -> str:
    age = age_on(born, today)
    if age < 0:
        return ""
    return QCoreApplication.translate("Age", "age %n", "", age)


def format_count(value: int) -> str:
    return QLocale().toString(value)


def format_date_time(value: datetime) -> str:
    """A moment in the computer's time zone, as the numeric date and the short time: "25/11/2026 10:30"."""
    local = value.astimezone() if value.tzinfo is not None else value
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    if QLocale().language() == QLocale.Language.C:
        return moment.toString("yyyy-MM-dd HH:mm")
    time_format = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    return QLocale().toString(moment, f"{numeric_date_format()} {time_format}")


def format_data_size(size: int) -> str:
    """Bytes as a file manager shows them, in the locale's digits: "148 kB", "1.2 MB", "3.4 GB"."""
    precision = 0 if size < 1024 * 1024 else 1
    return QLocale().formattedDataSize(size, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
