"""Every problem the services can report has wording the UI translates (the English message is only a fallback)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from smp_desktop.core.services.client_data import ClientDraft, ScarEntry
from smp_desktop.core.services.client_validation import check_client
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.ui import problem_text as module
from smp_desktop.ui.problem_text import problem_text

BAD_DRAFTS = [
    ClientDraft(),
    ClientDraft(first_name="A" * 101, last_name="Li\nne", notes="bell\x07"),
    ClientDraft(first_name="A", date_of_birth=date(2090, 1, 1)),
    ClientDraft(first_name="A", date_of_birth=date(1850, 1, 1), email="nope@@x"),
    ClientDraft(first_name="A", phone="abc", emergency_contact_phone="+44 12"),
    ClientDraft(first_name="A", country="Poland", norwood_stage="9", fitzpatrick_type=9, scars=(ScarEntry(" "),)),
]


def _problems(region: str | None) -> list[FieldProblem]:
    found = []
    for draft in BAD_DRAFTS:
        with pytest.raises(ValidationFailed) as caught:
            check_client(draft, today=date(2026, 11, 25), default_region=region)
        found.extend(caught.value.problems)
    return found


def test_every_validation_problem_has_a_code_the_ui_words() -> None:
    problems = _problems("GB") + _problems(None)
    codes = {p.code for p in problems}
    assert "" not in codes, "a problem without a code cannot be translated"
    assert codes <= set(module._TEXTS), f"no UI wording for: {codes - set(module._TEXTS)}"
    assert len(codes) >= 12


class _Shouting(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        return source.upper() if context == "FieldProblem" else ""


def test_problem_text_goes_through_qt_translation(qapp) -> None:  # type: ignore[no-untyped-def]
    problem = next(p for p in _problems("GB") if p.code == "phone_invalid")
    translator = _Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        text = problem_text(problem)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert text.startswith("“+44 12”") and "IS NOT A VALID NUMBER FOR" in text
    assert problem_text(FieldProblem("x", "Plain fallback")) == "Plain fallback"
