"""The studio's tables as typed SQLAlchemy models. Importing this package registers every table on Base.metadata."""

from smp_desktop.core.models import consent, document, ink, removal  # noqa: F401  (register their tables)
from smp_desktop.core.models.audit import AuditEvent
from smp_desktop.core.models.base import Base
from smp_desktop.core.models.client import Client, ClientScar
from smp_desktop.core.models.consent import (
    ConsentRecord,
    ConsentTemplate,
    HealthQuestion,
    HealthScreening,
    ScreeningLetter,
    SessionGateOverride,
)
from smp_desktop.core.models.document import StoredDocument
from smp_desktop.core.models.ink import ClientMix, LotRecall, PigmentLot, PigmentProduct, RecallContact
from smp_desktop.core.models.photo import HairlineDesign, Photo
from smp_desktop.core.models.removal import RemovalPhoto, RemovalPlan, RemovalSession, RemovalTarget
from smp_desktop.core.models.studio import Setting, StaffMember, Studio
from smp_desktop.core.models.treatment import SessionZone, TreatmentSession

__all__ = [
    "AuditEvent",
    "Base",
    "Client",
    "ClientMix",
    "ClientScar",
    "ConsentRecord",
    "ConsentTemplate",
    "HairlineDesign",
    "HealthQuestion",
    "HealthScreening",
    "LotRecall",
    "Photo",
    "PigmentLot",
    "PigmentProduct",
    "RecallContact",
    "RemovalPhoto",
    "RemovalPlan",
    "RemovalSession",
    "RemovalTarget",
    "ScreeningLetter",
    "SessionGateOverride",
    "SessionZone",
    "Setting",
    "StaffMember",
    "StoredDocument",
    "Studio",
    "TreatmentSession",
]
