"""The Ink register area's behaviour: load the catalogue, the lots and the recalls through the runner; add and edit
products and lots (label checklist, safety data sheet and label photo as stored documents); import and export
CSV; mark a lot opened, used up or recalled; and the recall screen: the clients who received the lot, each contact
attempt logged, the list exported as CSV and PDF, and one recall letter per client as PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from smp_desktop.core.documents.files import write_pdf
from smp_desktop.core.ink import LotStatus
from smp_desktop.core.models.document import DocumentKind
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.services.ink import InkService, LotFilter
from smp_desktop.core.services.ink_csv import CsvFileError, CsvImportFailed, write_csv
from smp_desktop.core.services.ink_data import LotRecord, ProductRecord, RecallReport
from smp_desktop.core.services.ink_documents import InkDocuments
from smp_desktop.core.services.stored_documents import StoredDocumentService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.read_only_actions import explain_read_only
from smp_desktop.ui.dialogs.lot_editor_dialog import LotEditorDialog
from smp_desktop.ui.dialogs.product_editor_dialog import ProductEditorDialog
from smp_desktop.ui.dialogs.recall_dialogs import ContactDialog, RecallLotDialog
from smp_desktop.ui.models.ink_models import RECORD_ROLE
from smp_desktop.ui.views.ink_register_view import InkRegisterView


class InkRegisterController(QObject):
    def __init__(
        self,
        view: InkRegisterView,
        ink: InkService,
        documents: InkDocuments,
        stored: StoredDocumentService,
        actor: Actor,
        runner: Runner,
        *,
        today: Callable[[], date] = date.today,
        read_only: bool = False,
    ) -> None:
        super().__init__(view)
        self.view = view
        self._ink = ink
        self._documents = documents
        self._stored = stored
        self._actor = actor
        self._runner = runner
        self._today = today
        self._manage = actor.can(Permission.MANAGE_INK) and not read_only
        self._recall = actor.can(Permission.RECALL_LOTS) and not read_only
        self._contact = actor.can(Permission.LOG_RECALL_CONTACTS) and not read_only
        self._audited = not read_only  # the lots' CSV and the recall list and letters record an audit event
        self._products: list[ProductRecord] = []
        self._lots: list[LotRecord] = []
        self.report: RecallReport | None = None
        self.dialog: Any = None  # the dialog now open (tests drive it)
        self._connect()
        self._apply_permissions()
        if read_only:
            explain_read_only(
                view.export_lots_button,
                view.export_recall_csv_button,
                view.export_recall_pdf_button,
                view.letters_button,
            )

    # --- loading --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        view, ink, actor = self.view, self._ink, self._actor
        archived = view.show_archived.isChecked()
        self._runner.run(lambda: ink.products(actor, include_archived=archived), on_done=self._show_products)
        self.refresh_lots()
        self.refresh_recalls()

    def refresh_lots(self) -> None:
        where = LotFilter(text=self.view.lot_filter.text(), include_used_up=self.view.show_used_up.isChecked())
        ink, actor = self._ink, self._actor
        self._runner.run(lambda: ink.lots(actor, where), on_done=self._show_lots, latest_only="ink-lots")

    def refresh_recalls(self, select_lot: int | None = None) -> None:
        ink, actor = self._ink, self._actor

        def load() -> list[tuple[int, str]]:
            return [(info.lot_id, f"{ink.lot(actor, info.lot_id).title} — recalled {info.recalled_on.isoformat()}")
                    for info in ink.recalls(actor)]  # fmt: skip

        def show(choices: list[tuple[int, str]]) -> None:
            combo = self.view.recall_choice
            current = select_lot if select_lot is not None else combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for lot_id, text in choices:
                combo.addItem(text, lot_id)
            combo.blockSignals(False)
            found = combo.findData(current)
            combo.setCurrentIndex(found if found >= 0 else (0 if choices else -1))
            self._load_report()

        self._runner.run(load, on_done=show)

    def _show_products(self, products: list[ProductRecord]) -> None:
        self._products = products
        self.view.product_model.set_rows(products)
        self._summary()

    def _show_lots(self, lots: list[LotRecord]) -> None:
        self._lots = lots
        self.view.lot_model.set_rows(lots)
        self._summary()
        self._selection_changed()

    def _summary(self) -> None:
        attention = sum(1 for lot in self._lots if not lot.usable and lot.shown_status is not LotStatus.USED_UP)
        soon = sum(1 for lot in self._lots if lot.usable and lot.expires_soon)
        parts = [
            self.tr("%1 products").replace("%1", str(len(self._products))),
            self.tr("%1 lots").replace("%1", str(len(self._lots))),
        ]
        if attention:
            parts.append(self.tr("⚠ %1 not usable").replace("%1", str(attention)))
        if soon:
            parts.append(self.tr("%1 expire soon").replace("%1", str(soon)))
        self.view.summary.setText("  ·  ".join(parts))

    def _load_report(self) -> None:
        lot_id = self.view.recall_choice.currentData()
        view = self.view
        has = lot_id is not None
        view.recall_table.setVisible(has)
        view.recall_details.setVisible(has)
        view.recall_empty.setVisible(not has)
        for button in (view.export_recall_csv_button, view.export_recall_pdf_button, view.letters_button):
            button.setEnabled(has and self._audited)
        view.log_contact_button.setEnabled(has and self._contact)
        if not has:
            self.report = None
            view.recall_model.set_rows([])
            return
        ink, actor = self._ink, self._actor
        self._runner.run(lambda: ink.recall_report(actor, lot_id), on_done=self._show_report)

    def _show_report(self, report: RecallReport) -> None:
        self.report = report
        recall, lot = report.recall, report.lot
        informed = sum(1 for c in report.clients if c.informed)
        lines = [lot.title]
        if recall is not None:
            lines.append(self.tr("Recalled on %1 · source: %2").replace("%1", recall.recalled_on.isoformat())
                         .replace("%2", recall.source or "—"))  # fmt: skip
            lines.append(recall.reason)
        lines.append(
            self.tr("%1 client(s) received it in %2 session(s); %3 informed so far.")
            .replace("%1", str(len(report.clients)))
            .replace("%2", str(report.session_count))
            .replace("%3", str(informed))
        )
        self.view.recall_details.setText("\n".join(lines))
        self.view.recall_model.set_rows(report.clients)
        if report.clients:
            self.view.recall_table.selectRow(0)

    # --- wiring ---------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        view = self.view
        view.new_product_button.clicked.connect(lambda: self.edit_product(None))
        view.edit_product_button.clicked.connect(lambda: self.edit_product(self._selected(view.product_table)))
        view.product_table.doubleClicked.connect(lambda _i: self.edit_product(self._selected(view.product_table)))
        view.archive_product_button.clicked.connect(self._toggle_archived)
        view.show_archived.toggled.connect(lambda _on: self.refresh())
        view.import_products_button.clicked.connect(lambda: self._import(products=True))
        view.export_products_button.clicked.connect(lambda: self._export_csv(products=True))
        view.new_lot_button.clicked.connect(lambda: self.edit_lot(None))
        view.edit_lot_button.clicked.connect(lambda: self.edit_lot(self._selected(view.lot_table)))
        view.lot_table.doubleClicked.connect(lambda _i: self.edit_lot(self._selected(view.lot_table)))
        view.opened_button.clicked.connect(lambda: self._set_status(LotStatus.OPENED))
        view.used_up_button.clicked.connect(lambda: self._set_status(LotStatus.USED_UP))
        view.recall_button.clicked.connect(self.start_recall)
        view.import_lots_button.clicked.connect(lambda: self._import(products=False))
        view.export_lots_button.clicked.connect(lambda: self._export_csv(products=False))
        view.lot_filter.textChanged.connect(lambda _t: self.refresh_lots())
        view.show_used_up.toggled.connect(lambda _on: self.refresh_lots())
        view.lot_table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        view.recall_choice.currentIndexChanged.connect(lambda _i: self._load_report())
        view.log_contact_button.clicked.connect(self.log_contact)
        view.recall_table.doubleClicked.connect(lambda _i: self.log_contact())
        view.export_recall_csv_button.clicked.connect(self._export_recall_csv)
        view.export_recall_pdf_button.clicked.connect(lambda: self._export_recall_pdf(letters=False))
        view.letters_button.clicked.connect(lambda: self._export_recall_pdf(letters=True))

    def _apply_permissions(self) -> None:
        view = self.view
        for button in (view.new_product_button, view.edit_product_button, view.archive_product_button,
                       view.import_products_button, view.new_lot_button, view.edit_lot_button, view.opened_button,
                       view.used_up_button, view.import_lots_button):  # fmt: skip
            button.setVisible(self._manage)
        view.recall_button.setVisible(self._recall)
        view.log_contact_button.setVisible(self._contact)

    def _selected(self, table: Any) -> Any:
        index = table.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def _selection_changed(self) -> None:
        lot: LotRecord | None = self._selected(self.view.lot_table)
        view = self.view
        view.edit_lot_button.setEnabled(lot is not None)
        recalled = lot is not None and lot.shown_status is LotStatus.RECALLED
        view.opened_button.setEnabled(lot is not None and lot.draft.status is LotStatus.IN_STOCK)
        view.used_up_button.setEnabled(lot is not None and not recalled and lot.draft.status is not LotStatus.USED_UP)
        view.recall_button.setEnabled(lot is not None and lot.recall is None)

    # --- products -------------------------------------------------------------------------------------------
    def edit_product(self, record: ProductRecord | None) -> None:
        if not self._manage:
            return
        dialog = ProductEditorDialog(self.view.window())
        dialog.set_record(record)
        product_id = record.id if record else None

        def save() -> None:
            draft = dialog.draft()

            def saved(_record: ProductRecord) -> None:
                dialog.accept()
                self.refresh()

            self._write(lambda: self._ink.save_product(self._actor, draft, product_id), dialog, then=saved)

        dialog.buttons.accepted.connect(save)
        self._open(dialog)

    def _toggle_archived(self) -> None:
        product: ProductRecord | None = self._selected(self.view.product_table)
        if product is None:
            return
        self._write(lambda: self._ink.set_product_archived(self._actor, product.id, not product.archived), None,
                    then=lambda _r: self.refresh())  # fmt: skip

    # --- lots -----------------------------------------------------------------------------------------------
    def edit_lot(self, record: LotRecord | None) -> None:
        if not self._manage:
            return
        if not self._products:
            QMessageBox.information(self.view.window(), self.tr("No product yet"),
                                    self.tr("Add the product (brand and shade) first, then its lots."))  # fmt: skip
            return
        dialog = LotEditorDialog([p for p in self._products if not p.archived or (record and p.id ==
                                  record.draft.product_id)], self._today(), self.view.window())  # fmt: skip
        selected: ProductRecord | None = self._selected(self.view.product_table)
        dialog.set_draft(record, product_id=selected.id if selected else None)

        def save() -> None:
            draft = dialog.draft()
            lot_id = dialog.record.id if dialog.record else None

            def saved(result: LotRecord) -> None:
                dialog.accept()
                self.refresh()

            self._write(lambda: self._ink.save_lot(self._actor, draft, lot_id), dialog, then=saved)

        dialog.buttons.accepted.connect(save)
        dialog.attach_requested.connect(lambda which: self._attach(dialog, which))
        dialog.open_requested.connect(lambda which: self._open_document(dialog, which))
        self._open(dialog)

    def _attach(self, dialog: LotEditorDialog, which: str) -> None:
        record = dialog.record
        if record is None:
            return
        pattern = self.tr("PDF files (*.pdf)") if which == "sds" else self.tr("Images (*.jpg *.jpeg *.png)")
        name, _ = QFileDialog.getOpenFileName(dialog, self.tr("Attach a file"), "", pattern)
        if not name:
            return
        kind = DocumentKind.SAFETY_DATA_SHEET if which == "sds" else DocumentKind.LABEL_PHOTO
        title = f"{'Safety data sheet' if which == 'sds' else 'Label photo'} {record.title}"

        def attach() -> LotRecord:
            stored = self._stored.attach_file(self._actor, Path(name), kind=kind, title=title[:200])
            return self._ink.attach_document(self._actor, record.id, which, stored.id)

        def done(updated: LotRecord) -> None:
            dialog.record = updated
            dialog.set_documents(updated.sds_document_id, updated.label_photo_document_id)
            self.refresh_lots()

        self._write(attach, dialog, then=done)

    def _open_document(self, dialog: LotEditorDialog, which: str) -> None:
        record = dialog.record
        document = (record.sds_document_id if which == "sds" else record.label_photo_document_id) if record else None
        if document is None:
            return
        self._runner.run(
            lambda: self._stored.open_path(self._actor, document),
            on_done=lambda check: _open_url(QUrl.fromLocalFile(str(check.path))),
        )

    def _set_status(self, status: LotStatus) -> None:
        lot: LotRecord | None = self._selected(self.view.lot_table)
        if lot is None:
            return
        self._write(lambda: self._ink.set_lot_status(self._actor, lot.id, status), None,
                    then=lambda _r: self.refresh())  # fmt: skip

    # --- recalls --------------------------------------------------------------------------------------------
    def start_recall(self) -> None:
        lot: LotRecord | None = self._selected(self.view.lot_table)
        if lot is None or not self._recall:
            return
        dialog = RecallLotDialog(lot, self._today(), self.view.window())

        def recall() -> None:
            day, reason, source = dialog.values()

            def done(report: RecallReport) -> None:
                dialog.accept()
                self.refresh()
                self.view.tabs.setCurrentIndex(2)
                self.refresh_recalls(select_lot=report.lot.id)

            self._write(lambda: self._ink.recall(self._actor, lot.id, reason, source=source, recalled_on=day), dialog,
                        then=done)  # fmt: skip

        dialog.buttons.accepted.connect(recall)
        self._open(dialog)

    def log_contact(self) -> None:
        report = self.report
        client = self._selected(self.view.recall_table)
        if report is None or client is None or not self._contact:
            return
        dialog = ContactDialog(client, self.view.window())

        def log() -> None:
            channel, outcome, note = dialog.values()

            def done(_contact: object) -> None:
                dialog.accept()
                row = self.view.recall_table.currentIndex().row()

                def show(again: RecallReport) -> None:
                    self._show_report(again)
                    self.view.recall_table.selectRow(row)

                self._runner.run(lambda: self._ink.recall_report(self._actor, report.lot.id), on_done=show)

            self._write(lambda: self._ink.log_contact(self._actor, report.lot.id, client.client_id, channel, outcome,
                                                      note), dialog, then=done)  # fmt: skip

        dialog.buttons.accepted.connect(log)
        self._open(dialog)

    def _export_recall_csv(self) -> None:
        self._export_recall(self._documents.recall_list_csv, self.tr("CSV files (*.csv)"), write_csv)

    def _export_recall_pdf(self, *, letters: bool) -> None:
        make = self._documents.recall_letters if letters else self._documents.recall_list
        self._export_recall(make, self.tr("PDF files (*.pdf)"), write_pdf)

    def _export_recall(
        self,
        make: Callable[[Actor, int], tuple[bytes, str]],
        pattern: str,
        write: Callable[[Path, bytes], object],
    ) -> None:
        """The chosen recall's list or letters, made as a write (it names the clients, so making it records an audit
        event), then saved where the person chooses."""
        report = self.report
        if report is None:
            return
        lot_id = report.lot.id

        def made(result: tuple[bytes, str]) -> None:
            data, name = result
            path = self._save_name(name, pattern)
            if path is not None:
                self._write(lambda: write(path, data), None, then=lambda _r: None)

        self._write(lambda: make(self._actor, lot_id), None, then=made)

    # --- CSV ------------------------------------------------------------------------------------------------
    def _import(self, *, products: bool) -> None:
        name, _ = QFileDialog.getOpenFileName(self.view.window(), self.tr("Import from CSV"), "",
                                              self.tr("CSV files (*.csv)"))  # fmt: skip
        if not name:
            return
        path = Path(name)
        work = (lambda: self._ink.import_products(self._actor, path)) if products else (
            lambda: self._ink.import_lots(self._actor, path))  # fmt: skip

        def done(summary: Any) -> None:
            QMessageBox.information(
                self.view.window(),
                self.tr("Imported"),
                self.tr("%1 lot(s) added, %2 updated; %3 product(s) added.")
                .replace("%1", str(summary.lots_created))
                .replace("%2", str(summary.lots_updated))
                .replace("%3", str(summary.products_created)),
            )
            self.refresh()

        self._write(work, None, then=done)

    def _export_csv(self, *, products: bool) -> None:
        path = self._save_name("Ink products.csv" if products else "Ink lots.csv", self.tr("CSV files (*.csv)"))
        if path is None:
            return
        work = (lambda: self._ink.export_products(self._actor, path, bom=True)) if products else (
            lambda: self._ink.export_lots(self._actor, path, bom=True))  # fmt: skip
        self._write(work, None, then=lambda _n: None)

    # --- helpers --------------------------------------------------------------------------------------------
    def _save_name(self, suggested: str, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.view.window(), self.tr("Save as"), suggested, pattern)
        return Path(name) if name else None

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: Any) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _write(self, work: Callable[[], Any], dialog: Any, *, then: Callable[[Any], Any]) -> None:
        """A write through the runner: problems into the dialog (or a message), anything else reported."""

        def failed(error: Exception) -> None:
            if isinstance(error, ValidationFailed) and dialog is not None and hasattr(dialog, "show_problems"):
                dialog.show_problems(error.problems)
            elif isinstance(error, CsvImportFailed):
                lines = [str(p) for p in error.problems[:15]]
                more = len(error.problems) - len(lines)
                if more > 0:
                    lines.append(self.tr("… and %1 more.").replace("%1", str(more)))
                QMessageBox.warning(self.view.window(), self.tr("Nothing was imported"), "\n".join(lines))
            elif isinstance(error, ValidationFailed | CsvFileError):
                QMessageBox.warning(self.view.window(), self.tr("Not done"), str(error))
            else:
                self._runner.report_error(error)

        self._runner.run(work, on_done=then, on_error=failed, writes=True)


def _open_url(url: QUrl) -> None:
    QDesktopServices.openUrl(url)


def add_ink_register_area(parent: QWidget, services: Any, actor: Actor, runner: Runner, *, today: Callable[[], date],
                          read_only: bool) -> InkRegisterController:  # fmt: skip
    view = InkRegisterView(parent)
    controller = InkRegisterController(view, services.ink, services.ink_documents, services.documents, actor, runner,
                                       today=today, read_only=read_only)  # fmt: skip
    controller.refresh()
    return controller
