"""The aftercare sheet: the phases of healing with real calendar dates, the next session, warning signs, the studio.

The wording and the days are data: resources/aftercare/<key>.json ("smp" after a pigmenting session,
"removal_laser" and "removal_saline" after removal), which a studio may override by putting its own copy in the
data folder as aftercare/<key>.json. `load_template` reads and checks one; `dated_phases` turns its days into dates
(pure, no PDF); `aftercare_document` lays the sheet out with the shared layout. Inputs are plain records.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from smp_desktop.core.documents.layout import Letterhead, PdfDocument
from smp_desktop.core.documents.text import plain_markup, plain_template_markup
from smp_desktop.resources import bundle_dir

STUDIO_FOLDER = "aftercare"  # in the data folder: a studio's own copies of the templates
SMP = "smp"
REMOVAL_LASER = "removal_laser"
REMOVAL_SALINE = "removal_saline"
_KEY = re.compile(r"^[a-z0-9_]{1,60}$")
_MAX_DAY = 3660
# English names, not strftime's: the locale (which Qt sets from the system) must not change a printed document
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class AftercareTemplateError(ValueError):
    """A template file is missing or wrong; the message names the file and what to fix."""


@dataclass(frozen=True, slots=True)
class Phase:
    from_day: int
    to_day: int | None  # None: open-ended (the long term)
    until_day: int | None  # the day the restriction lifts, for {until}; None: the day after to_day
    headline: str
    guidance: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AftercareTemplate:
    key: str
    title: str
    intro: str
    phases: tuple[Phase, ...]
    warning_signs: tuple[str, ...]
    when_to_call: str
    next_session: str
    next_session_unbooked: str
    closing: str
    source: Path  # the file it came from (the shipped one or the studio's copy)


@dataclass(frozen=True, slots=True)
class DatedPhase:
    starts: date
    ends: date | None
    until: date | None
    headline: str  # the studio's wording; {from}/{to}/{until} are filled by the builder (see when / values)
    guidance: tuple[str, ...]
    session_year: int

    def values(self) -> dict[str, str]:
        """The headline's slots as dates: "Thursday 16 May" (the year only when not the session's)."""
        values = {"from": self._date(self.starts)}
        if self.ends is not None:
            values["to"] = self._date(self.ends)
        if self.until is not None:
            values["until"] = self._date(self.until)
        return values

    def _date(self, day: date) -> str:
        return (
            long_date(day)
            if day.year != self.session_year
            else f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month]}"
        )

    def filled_headline(self) -> str:
        return _fill_plain(self.headline, self.values())

    @property
    def when(self) -> str:
        """The dates the phase covers, e.g. "Mon 13 May –\nThu 16 May", "Sun 12 May", "From Tue 11 Jun"."""
        if self.ends is None:
            return f"From {short_date(self.starts)}"
        if self.ends == self.starts:
            return short_date(self.starts)
        return f"{short_date(self.starts)} –\n{short_date(self.ends)}"


@dataclass(frozen=True, slots=True)
class AftercareSheet:
    """Everything the sheet shows, as plain values (the service builds it from the records)."""

    client_name: str
    session_date: date
    session_kind: str  # e.g. "Session 1", "Touch-up", "Removal (Q-switched laser)"
    artist: str
    zones: tuple[str, ...]
    next_session: date | None = None  # the next planned session, when booked
    next_window: tuple[date, date | None] | None = None  # when not booked: the usual window for the next one
    template_key: str = SMP


def long_date(day: date) -> str:
    """ "Thursday 16 May 2024" (English, day first, as the studio's documents are written)."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month]} {day.year}"


def short_date(day: date) -> str:
    """ "Thu 16 May" """
    return f"{_DAYS[day.weekday()][:3]} {day.day} {_MONTHS[day.month][:3]}"


def _fill_plain(template: str, values: dict[str, str]) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


# ----- templates ---------------------------------------------------------------------------------------------


def template_path(key: str, data_root: Path | None = None) -> Path:
    """The studio's copy (data folder/aftercare/<key>.json) when it has one, else the shipped template."""
    if not _KEY.match(key):
        raise AftercareTemplateError(f"{key!r} is not an aftercare template name (letters, digits and _ only).")
    if data_root is not None:
        own = data_root / STUDIO_FOLDER / f"{key}.json"
        if own.is_file():
            return own
    shipped = bundle_dir("resources") / "aftercare" / f"{key}.json"
    if not shipped.is_file():
        raise AftercareTemplateError(f"There is no aftercare template {key!r} (looked for {shipped}).")
    return shipped


def load_template(key: str = SMP, data_root: Path | None = None) -> AftercareTemplate:
    """Reads and checks an aftercare template; a mistake in a studio's copy is named with the file and field."""
    path = template_path(key, data_root)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AftercareTemplateError(f"The aftercare template {path} cannot be read ({exc}).") from exc
    except json.JSONDecodeError as exc:
        raise AftercareTemplateError(
            f"The aftercare template {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from exc
    return _parse(raw, key, path)


def _parse(raw: Any, key: str, path: Path) -> AftercareTemplate:
    def fail(message: str) -> AftercareTemplateError:
        return AftercareTemplateError(f"The aftercare template {path}: {message}")

    if not isinstance(raw, dict) or raw.get("format") != 1:
        raise fail('it must be a JSON object with "format": 1.')

    def text(obj: dict[str, Any], name: str, where: str, *, required: bool = True) -> str:
        value = obj.get(name, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise fail(f'{where}"{name}" must be a non-empty text.')
        return value.strip()

    def texts(obj: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
        value = obj.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f'{where}"{name}" must be a list of texts.')
        return tuple(v.strip() for v in value)

    def day(obj: dict[str, Any], name: str, where: str) -> int | None:
        value = obj.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_DAY:
            raise fail(f'{where}"{name}" must be a whole number of days from 0 to {_MAX_DAY}.')
        return value

    phases_raw = raw.get("phases")
    if not isinstance(phases_raw, list) or not phases_raw:
        raise fail('"phases" must be a list with at least one phase.')
    phases = []
    for number, entry in enumerate(phases_raw, start=1):
        where = f"phase {number}: "
        if not isinstance(entry, dict):
            raise fail(f"phase {number} must be an object.")
        from_day = day(entry, "from_day", where)
        if from_day is None:
            raise fail(f'{where}"from_day" is missing.')
        to_day = day(entry, "to_day", where)
        if to_day is not None and to_day < from_day:
            raise fail(f'{where}"to_day" ({to_day}) is before "from_day" ({from_day}).')
        until_day = day(entry, "until_day", where)
        headline = text(entry, "headline", where)
        if "{to}" in headline and to_day is None:
            raise fail(f'{where}the headline uses {{to}} but the phase has no "to_day".')
        phases.append(Phase(from_day, to_day, until_day, headline, texts(entry, "guidance", where)))
    return AftercareTemplate(
        key=key,
        title=text(raw, "title", ""),
        intro=text(raw, "intro", "", required=False),
        phases=tuple(phases),
        warning_signs=texts(raw, "warning_signs", ""),
        when_to_call=text(raw, "when_to_call", ""),
        next_session=text(raw, "next_session", ""),
        next_session_unbooked=text(raw, "next_session_unbooked", "", required=False),
        closing=text(raw, "closing", "", required=False),
        source=path,
    )


def dated_phases(template: AftercareTemplate, session_date: date) -> tuple[DatedPhase, ...]:
    """The template's phases, in the template's order, with calendar dates counted from the session date."""
    dated = []
    for phase in template.phases:
        starts = session_date + timedelta(days=phase.from_day)
        ends = None if phase.to_day is None else session_date + timedelta(days=phase.to_day)
        if phase.until_day is not None:
            until: date | None = session_date + timedelta(days=phase.until_day)
        else:
            until = None if ends is None else ends + timedelta(days=1)
        dated.append(DatedPhase(starts, ends, until, phase.headline, phase.guidance, session_date.year))
    return tuple(dated)


# ----- the document ------------------------------------------------------------------------------------------


def aftercare_document(letterhead: Letterhead, sheet: AftercareSheet, template: AftercareTemplate) -> PdfDocument:
    """The aftercare sheet laid out on the studio's letterhead (call .build() for the bytes)."""
    doc = PdfDocument(
        letterhead,
        title=f"{template.title} – {sheet.client_name}",
        subject=f"Aftercare from {long_date(sheet.session_date)}",
        keywords=("aftercare", template.key),
        running_title=f"Aftercare – {sheet.client_name}",
    )
    doc.document_title(template.title, subtitle=f"For {sheet.client_name}")
    facts: list[tuple[str, str]] = [
        ("Client", sheet.client_name),
        ("Session", f"{sheet.session_kind}, {long_date(sheet.session_date)}"),
    ]
    if sheet.artist.strip():
        facts.append(("Artist", sheet.artist))
    if sheet.zones:
        facts.append(("Treated areas", ", ".join(sheet.zones)))
    if sheet.next_session is not None:
        facts.append(("Next session", long_date(sheet.next_session)))
    doc.facts(facts)
    if template.intro:
        doc.spacer(2)
        doc.paragraph(template.intro)

    doc.heading("Your healing, day by day")
    phases = dated_phases(template, sheet.session_date)
    styles = doc.styles
    rows = []
    for phase in phases:
        headline = plain_template_markup(phase.headline, phase.values())
        guidance = "<br/>".join("•&nbsp;" + plain_markup(line) for line in phase.guidance)
        rows.append((phase.when, headline, guidance))
    doc.add(*_phase_table(doc, rows, styles))

    doc.heading("Warning signs: when to call us")
    doc.bullets(template.warning_signs, "warning")
    doc.paragraph(template.when_to_call)
    contact = [
        ("Studio", letterhead.studio_name),
        ("Phone", letterhead.phone),
        ("E-mail", letterhead.email),
        ("Website", letterhead.website),
        ("Address", ", ".join(line.strip() for line in letterhead.address.splitlines() if line.strip())),
    ]
    doc.facts([(label, value) for label, value in contact if value.strip()])

    doc.heading("Your next session")
    if sheet.next_session is not None:
        doc.markup_paragraph(plain_template_markup(template.next_session, {"date": long_date(sheet.next_session)}))
    elif sheet.next_window is not None and template.next_session_unbooked:
        first, last = sheet.next_window
        values = {"from": long_date(first), "to": long_date(last or first)}
        doc.markup_paragraph(plain_template_markup(template.next_session_unbooked, values))
    else:
        doc.paragraph("No further session is booked. Call us if you would like one.")
    if template.closing:
        doc.spacer(2)
        doc.paragraph(template.closing, "small")
    return doc


def _phase_table(doc: PdfDocument, rows: Sequence[tuple[str, str, str]], styles: dict[str, Any]) -> Any:
    """The phases, one row each: the dates on the left, the headline and the guidance beside them."""
    from reportlab.platypus import Paragraph

    from smp_desktop.core.documents.layout import RULE, SHADE, hanging, paragraph_flowable, rule_flowable

    flowables: list[Any] = [rule_flowable(doc)]
    for number, (when, headline, guidance) in enumerate(rows):
        flowables.append(
            hanging(
                paragraph_flowable(when, styles["label"]),
                [Paragraph(f"<b>{headline}</b>", styles["h2"]), Paragraph(guidance, styles["cell"])],
                label_width_mm=36,
                padding=5,
                shade=SHADE if number % 2 else None,
                rule_below=RULE,
            )
        )
    return flowables


def aftercare_pdf(letterhead: Letterhead, sheet: AftercareSheet, data_root: Path | None = None) -> bytes:
    """The sheet's PDF bytes, with the studio's template (its own copy in the data folder, else the shipped one)."""
    return aftercare_document(letterhead, sheet, load_template(sheet.template_key, data_root)).build()
