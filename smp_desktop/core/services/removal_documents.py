"""The removal-plan document: gathers a saved plan, the studio's letterhead, print renditions of the assessment
photos (for those who may see photos) and the plan's aftercare text set, builds the PDF with the shared layout
(core/documents/removal_plan.py) and audits that it was made. Used by the Removal tab's preview and print and by
`smp-desktop document removal-plan`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.photos import PhotoService
from smp_desktop.core.services.removals import RemovalService
from smp_desktop.core.services.studio import StudioService

if TYPE_CHECKING:
    from smp_desktop.core.documents.removal_plan import MissingPhoto, PlanPhoto
    from smp_desktop.core.services.documents import GeneratedDocument
    from smp_desktop.core.studio_db import OpenStudio


class RemovalPlanDocuments:
    def __init__(
        self,
        removals: RemovalService,
        photos: PhotoService,
        studio: StudioService,
        data_root: Path,
        cache: Path,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._removals = removals
        self._photos = photos
        self._studio = studio
        self._root = data_root
        self._cache = cache
        self._today = today

    @classmethod
    def for_studio(cls, studio: OpenStudio) -> RemovalPlanDocuments:
        services = studio.services
        return services.removal_documents

    def plan_pdf(self, actor: Actor, plan_id: int) -> GeneratedDocument:
        """The plan as a PDF. Raises NotFound for an unknown plan, PermissionDenied for the front desk."""
        from smp_desktop.core.documents.aftercare import AftercareTemplateError, load_template
        from smp_desktop.core.documents.files import safe_file_name
        from smp_desktop.core.documents.layout import Letterhead
        from smp_desktop.core.documents.removal_plan import removal_plan_document
        from smp_desktop.core.services.documents import GeneratedDocument

        require(actor, Permission.PLAN_REMOVAL)
        plan = self._removals.get(actor, plan_id)
        rule = self._removals.rules().rule(plan.draft.method)
        key = plan.draft.aftercare or rule.aftercare
        template, problem = None, ""
        try:
            template = load_template(key, self._root) if key else None
        except AftercareTemplateError as exc:
            problem = f"The aftercare text set {key!r} cannot be used ({exc}); give the aftercare sheet separately."
        photos = self._photo_figures(actor, plan.client_id, [(p.photo_id, p.caption) for p in plan.draft.photos])
        doc = removal_plan_document(
            Letterhead.from_studio(self._studio, self._root),
            plan,
            rule,
            photos=photos,
            aftercare=template,
            aftercare_problem=problem,
            printed_on=self._today(),
        )
        pdf = doc.build()
        self._removals.note_document(actor, plan_id, f"removal plan PDF, {len(photos)} photos")
        name = safe_file_name(plan.client_name, "Removal plan", on=self._today())
        return GeneratedDocument(pdf, name, doc.title)

    def _photo_figures(
        self, actor: Actor, client_id: int, chosen: list[tuple[int, str]]
    ) -> list[PlanPhoto | MissingPhoto]:
        from smp_desktop.core.documents.aftercare import long_date
        from smp_desktop.core.documents.removal_plan import MissingPhoto, PlanPhoto
        from smp_desktop.core.exports.print_renditions import PrintRenditions

        if not chosen or not actor.can(Permission.VIEW_PHOTOS):
            return []
        records = {p.id: p for p in self._photos.list_for_client(actor, client_id)}
        renditions = PrintRenditions(self._cache)
        figures: list[PlanPhoto | MissingPhoto] = []
        for photo_id, caption in chosen:
            record = records.get(photo_id)
            if record is None:
                continue
            view = record.view.value.replace("_", " ").capitalize()
            title = " — ".join(t for t in (view, long_date(record.taken_at.date()), caption) if t)
            try:
                path = renditions.ensure(record.content_hash, self._photos.file_path(actor, photo_id))
            except Exception as exc:  # a missing or damaged file: said in its place, the document still made
                figures.append(MissingPhoto(title, f"the photo file cannot be read ({exc.__class__.__name__})."))
                continue
            figures.append(PlanPhoto(path, title))
        return figures
