"""Runs the Consent & health tab: loads the client's consents and screening through the background runner, opens
the questionnaire, signing, paper and letter dialogs and hands their input to ConsentService, prints forms through
the shared preview (Qt's print dialog, Save as PDF) and opens a signed copy only after its hash was checked,
warning loudly when it was altered. The front desk (no VIEW_HEALTH) sees whether the paperwork is done, never the
answers."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from smp_desktop.core.models.consent import ScreeningOutcome
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.consent_data import (
    ClientConsents,
    ConsentSummary,
    LetterRecord,
    Question,
    Signature,
    TemplateRecord,
)
from smp_desktop.core.services.consents import ConsentService
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.services.stored_documents import DocumentCheck
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.read_only_actions import explain_read_only, read_only_note
from smp_desktop.ui.dialogs.consent_paper_dialog import DoctorsLetterDialog, PaperConsentDialog
from smp_desktop.ui.dialogs.consent_sign_dialog import ConsentSignDialog
from smp_desktop.ui.dialogs.screening_dialog import OUTCOME_COLOURS, ScreeningDialog
from smp_desktop.ui.views.clients_area_view import ClientsAreaView
from smp_desktop.ui.views.consent_tab_view import ConsentTabView

VALID_COLOUR, MISSING_COLOUR = "#1f6b3a", "#9e1c17"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentController", text)


class ConsentController(QObject):
    def __init__(
        self, view: ConsentTabView, consents: ConsentService, actor: Actor, runner: Runner, *, read_only: bool = False
    ) -> None:
        super().__init__(view)
        self.view = view
        self._consents = consents
        self._actor = actor
        self._runner = runner
        self._read_only = read_only
        self.client_id: int | None = None
        self.overview: ClientConsents | None = None
        self.templates: list[TemplateRecord] = []
        self.questions: list[Question] = []
        self.sign_dialog: ConsentSignDialog | None = None
        self.screening_dialog: ScreeningDialog | None = None
        self.paper_dialog: PaperConsentDialog | None = None
        self.letter_dialog: DoctorsLetterDialog | None = None
        self.preview: Any = None
        self._connect_signals()
        if read_only:  # printing a form and opening a signed copy are audited: not in a read-only studio
            explain_read_only(view.print_button, view.blank_button, view.open_button)
        self._update_buttons()

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        view = self.view
        view.questionnaire_button.clicked.connect(self._on_questionnaire)
        view.letter_button.clicked.connect(self._on_letter)
        view.sign_button.clicked.connect(self._on_sign)
        view.paper_button.clicked.connect(self._on_paper)
        view.print_button.clicked.connect(self._on_print)
        view.blank_button.clicked.connect(lambda: self._on_print(blank=True))
        view.open_button.clicked.connect(self._on_open)
        view.table.doubleClicked.connect(lambda _index: self._on_open())
        view.template.currentIndexChanged.connect(lambda _index: self._update_buttons())
        view.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    # --- loading --------------------------------------------------------------------------------------------
    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.overview = None
        self.view.model.set_consents(())
        if client_id is None:
            self._show_empty()
            return
        if not self.templates:
            self._runner.run(
                lambda: (self._consents.templates(self._actor), self._consents.questionnaire(self._actor)),
                on_done=self._forms_loaded,
                latest_only="consent-forms",
            )
        self.refresh()

    def refresh(self) -> None:
        client_id = self.client_id
        if client_id is None:
            return
        self._runner.run(
            lambda: self._consents.overview(self._actor, client_id),
            on_done=self._show,
            latest_only="consent-overview",
        )

    def _forms_loaded(self, loaded: tuple[list[TemplateRecord], list[Question]]) -> None:
        self.templates, self.questions = loaded
        combo = self.view.template
        combo.clear()
        for template in self.templates:
            combo.addItem(template.label, template.id)
        self._update_buttons()

    def _show_empty(self) -> None:
        self.view.treatment_status.setText("")
        self.view.screening_status.setText("")
        self.view.screening_reasons.setText("")
        self.view.letters.setText("")
        self._update_buttons()

    def _show(self, overview: ClientConsents) -> None:
        if overview.client_id != self.client_id:
            return
        self.overview = overview
        view = self.view
        colour = VALID_COLOUR if overview.treatment.valid else MISSING_COLOUR
        mark = "✔" if overview.treatment.valid else "✖"
        view.treatment_status.setText(
            f"<span style='font-size:large; color:{colour}'><b>{mark} {_tr('Treatment consent')}:</b> "
            f"{html.escape(overview.treatment.message)}</span>"
        )
        screening = overview.screening
        if not overview.health_visible:
            on_record = _tr("on record") if overview.screening_on_record else _tr("not filled in yet")
            view.screening_status.setText(
                html.escape(
                    _tr("Health questionnaire: %1. Only the owner and the artists see the answers.").replace(
                        "%1", on_record
                    )
                )
            )
            view.screening_reasons.setText("")
            view.letters.setText("")
        elif screening is None:
            view.screening_status.setText(
                f"<b style='color:{MISSING_COLOUR}'>{_tr('No health questionnaire yet: fill it in with the client.')}"
                "</b>"
            )
            view.screening_reasons.setText("")
            view.letters.setText("")
        else:
            outcome_colour = OUTCOME_COLOURS[screening.outcome]
            taken = screening.taken_at.astimezone().strftime("%d %b %Y")
            view.screening_status.setText(
                f"{_tr('Questionnaire of %1').replace('%1', taken)}: "
                f"<b style='color:{outcome_colour}'>{html.escape(screening.outcome_label)}</b>"
            )
            view.screening_reasons.setText(
                "<ul>" + "".join(f"<li>{html.escape(r.message)}</li>" for r in screening.reasons) + "</ul>"
                if screening.reasons
                else html.escape(_tr("No answer needs attention."))
            )
            view.letters.setText(
                html.escape(_tr("Doctor's letters: %1")).replace(
                    "%1",
                    ", ".join(html.escape(_letter_text(letter)) for letter in screening.letters),
                )
                if screening.letters
                else ""
            )
        view.model.set_consents(overview.consents)
        self._update_buttons()

    def _update_buttons(self) -> None:
        view = self.view
        has_client = self.client_id is not None and self.overview is not None
        writable = has_client and not self._read_only
        can = self._actor.can
        health = can(Permission.VIEW_HEALTH)
        view.questionnaire_button.setVisible(health and can(Permission.SCREEN_HEALTH))
        view.letter_button.setVisible(health and can(Permission.SCREEN_HEALTH))
        view.questionnaire_button.setEnabled(writable and bool(self.questions))
        screening = self.overview.screening if self.overview else None
        view.letter_button.setEnabled(
            writable and screening is not None and screening.outcome is ScreeningOutcome.NEEDS_DOCTORS_LETTER
        )
        template = self._current_template()
        view.sign_button.setEnabled(
            writable
            and can(Permission.SIGN_CONSENTS)
            and template is not None
            and (health or not template.includes_questionnaire)
        )
        view.paper_button.setEnabled(writable and can(Permission.SIGN_CONSENTS) and bool(self.templates))
        audited = not self._read_only
        view.print_button.setEnabled(audited and has_client and template is not None)
        view.blank_button.setEnabled(audited and template is not None)
        view.open_button.setEnabled(
            audited and has_client and can(Permission.VIEW_DOCUMENTS) and self._selected() is not None
        )

    def _current_template(self) -> TemplateRecord | None:
        template_id = self.view.template.currentData()
        return next((t for t in self.templates if t.id == template_id), None)

    def _selected(self) -> ConsentSummary | None:
        rows = self.view.table.selectionModel().selectedRows()
        return self.view.model.consent_at(rows[0].row()) if rows else None

    def _say(self, text: str) -> None:
        self.view.message.setText(text)
        self.view.message.setVisible(bool(text))

    # --- the questionnaire and doctor's letters -------------------------------------------------------------
    def _on_questionnaire(self) -> None:
        if self.client_id is None or self.overview is None:
            return
        dialog = ScreeningDialog(self.questions, self.overview.client_name, self.view)
        client_id = self.client_id

        def save(answers: dict[str, Any], note: str, paper: Path | None) -> None:
            self._runner.run(
                lambda: self._consents.record_screening(self._actor, client_id, answers, note=note, paper_form=paper),
                on_done=lambda _record: self._done(dialog, _tr("The health questionnaire was saved.")),
                on_error=lambda error: self._failed(dialog, error),
                writes=True,
            )

        dialog.save_requested.connect(save)
        self.screening_dialog = dialog
        dialog.open()

    def _on_letter(self) -> None:
        screening = self.overview.screening if self.overview else None
        if screening is None:
            return
        needs = [(a.key, a.text) for a in screening.answers if a.key in screening.needs_letter_for]
        dialog = DoctorsLetterDialog(needs, self.view)

        def attach(path: Path, dated_on: date, covers: tuple[str, ...]) -> None:
            self._runner.run(
                lambda: self._consents.add_doctors_letter(
                    self._actor, screening.id, _read(path), filename=path.name, dated_on=dated_on, covers=covers
                ),
                on_done=lambda record: self._done(
                    dialog,
                    _tr("The letter is on record; the screening now says: %1.").replace("%1", record.outcome_label),
                ),
                on_error=lambda error: self._failed(dialog, error),
                writes=True,
            )

        dialog.attach_requested.connect(attach)
        self.letter_dialog = dialog
        dialog.open()

    # --- signing --------------------------------------------------------------------------------------------
    def _on_sign(self) -> None:
        template = self._current_template()
        if template is None or self.client_id is None or self.overview is None:
            return
        screening = self.overview.screening
        if template.includes_questionnaire and screening is None:
            self._say(_tr("Fill in the health questionnaire with the client first: the consent form prints it."))
            return
        text = ""
        if template.includes_questionnaire and screening is not None:
            taken = screening.taken_at.astimezone().strftime("%d %b %Y")
            text = _tr("The health questionnaire of %1 is printed on the form: %2.").replace("%1", taken)
            text = text.replace("%2", screening.outcome_label)
        dialog = ConsentSignDialog(template, self.overview.client_name, self._actor.display_name, text, self.view)
        client_id = self.client_id

        def sign(choices: dict[str, Any], client: Signature, witness: Signature) -> None:
            self._runner.run(
                lambda: self._consents.sign(self._actor, client_id, template.id, choices, client, witness),
                on_done=lambda _detail: self._done(dialog, _tr("Signed. The signed PDF is kept with its fingerprint.")),
                on_error=lambda error: self._failed(dialog, error),
                writes=True,
            )

        dialog.sign_requested.connect(sign)
        self.sign_dialog = dialog
        dialog.open()

    def _on_paper(self) -> None:
        if self.client_id is None or self.overview is None:
            return
        dialog = PaperConsentDialog(self.templates, self.overview.client_name, self._actor.display_name, self.view)
        client_id = self.client_id

        def attach(template_id: int, path: Path, signed_on: date, signer: str, witness: str) -> None:
            self._runner.run(
                lambda: self._consents.attach_paper(
                    self._actor,
                    client_id,
                    template_id,
                    path,
                    signed_on=signed_on,
                    signer_name=signer,
                    witness_name=witness,
                ),
                on_done=lambda _summary: self._done(dialog, _tr("The signed paper consent is on record.")),
                on_error=lambda error: self._failed(dialog, error),
                writes=True,
            )

        dialog.attach_requested.connect(attach)
        self.paper_dialog = dialog
        dialog.open()

    def _done(self, dialog: Any, message: str) -> None:
        dialog.accept()
        self._say(message)
        self.refresh()

    def _failed(self, dialog: Any, error: Exception) -> None:
        if isinstance(error, ValidationFailed):
            dialog.show_problems([p.message for p in error.problems])
        else:
            if _is_sentence(error):
                dialog.show_problems([str(error)])
            else:
                self._runner.report_error(error)

    # --- printing and opening -------------------------------------------------------------------------------
    def _on_print(self, *, blank: bool = False) -> None:
        """The chosen form pre-filled with the open client's details, or blank for anyone to fill in by hand."""
        template = self._current_template()
        if template is None or (not blank and (self.client_id is None or self.overview is None)):
            return
        client_id = None if blank else self.client_id
        name = _tr("Blank") if blank or self.overview is None else self.overview.client_name
        self._runner.run(
            lambda: self._consents.form_pdf(self._actor, template.name, client_id),
            on_done=lambda pdf: self._preview(pdf, name, template.title),
        )

    def _preview(self, pdf: bytes, client_name: str, title: str) -> None:
        from smp_desktop.core.documents.files import safe_file_name
        from smp_desktop.ui.dialogs.document_preview import show_document

        self.preview = show_document(
            self.view, pdf, safe_file_name(client_name, title, on=date.today()), title, runner=self._runner
        )

    def _on_open(self) -> None:
        consent = self._selected()
        if consent is None:
            return
        if self._read_only:  # a double-click on the list: say why nothing opens
            self._say(read_only_note())
            return
        self._runner.run(
            lambda: self._consents.open_consent(self._actor, consent.id),
            on_done=lambda check: self._opened(check, consent),
        )

    def _opened(self, check: DocumentCheck, consent: ConsentSummary) -> None:
        if not check.intact:
            self._say(check.problem)
            warn(self.view, _tr("This signed consent has been altered"), check.problem)
            return
        if check.document.media_type == "application/pdf":
            from smp_desktop.core.documents.files import safe_file_name
            from smp_desktop.ui.dialogs.document_preview import show_document

            name = safe_file_name(consent.signer_name, consent.template_title, on=consent.signed_at.date())
            self.preview = show_document(
                self.view, check.path.read_bytes(), name, f"{consent.template_title} (signed)", runner=self._runner
            )
        else:  # a scan or photo of a paper form: the system's image viewer
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(check.path)))


def _letter_text(letter: LetterRecord) -> str:
    dated = f"{letter.dated_on:%d %b %Y}" if letter.dated_on else ""
    return letter.title if not dated or dated in letter.title else f"{letter.title} ({dated})"


def warn(parent: QWidget, title: str, text: str) -> None:
    """A loud warning (tests replace QMessageBox.critical)."""
    QMessageBox.critical(parent, title, text)


def _read(path: Path) -> bytes:
    from smp_desktop.core.services.errors import FieldProblem

    try:
        return path.read_bytes()
    except OSError as exc:
        problem = f"The file {path} cannot be read ({exc.strerror or exc}). Check that it exists and try again."
        raise ValidationFailed([FieldProblem("file", problem, "document_unreadable")]) from exc


def _is_sentence(error: Exception) -> bool:
    from smp_desktop.core.services.access import PermissionDenied
    from smp_desktop.core.services.consents import TemplateFrozen
    from smp_desktop.core.services.errors import NotFound

    return isinstance(error, PermissionDenied | NotFound | TemplateFrozen)


def add_consent_tab(
    area: ClientsAreaView,
    clients: Any,
    consents: ConsentService,
    actor: Actor,
    runner: Runner,
    *,
    read_only: bool = False,
) -> ConsentController | None:
    """The Consent & health tab on the client page, following the open client."""
    if not actor.can(Permission.VIEW_CONSENTS):
        return None
    view = ConsentTabView()
    controller = ConsentController(view, consents, actor, runner, read_only=read_only)
    area.add_client_tab(view, QCoreApplication.translate("Workspace", "Consent && health"))
    area.set_client_tabs_enabled(clients.client_id is not None)
    clients.client_changed.connect(controller.set_client)
    controller.set_client(clients.client_id)
    return controller
